//! robots.txt: read once per site (`texting_robots`), before the first page from it.
//! A missing file (4xx) allows everything; one that cannot be read (5xx, network) disallows
//! everything, as RFC 9309 asks. A `Crawl-delay` longer than the configured interval slows
//! requests to that site (up to 30 s between two).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use texting_robots::Robot;
use url::Url;

use super::client::{Client, Want};
use super::error::FetchError;
use super::pace::lock;

/// The name parallax looks for in `User-agent:` lines.
pub const AGENT: &str = "parallax";

/// What one site's robots.txt says.
enum Rules {
    AllowAll,
    Parsed(Box<Robot>),
    Unreadable(String),
}

/// robots.txt rules by site, each fetched once even when several workers ask at once.
#[derive(Default)]
pub(crate) struct RobotsCache {
    sites: Mutex<HashMap<String, Arc<OnceLock<Rules>>>>,
}

impl RobotsCache {
    /// Whether the site's robots.txt lets parallax fetch `url`.
    pub(crate) fn check(&self, url: &Url, client: &Client) -> Result<(), FetchError> {
        let origin = url.origin().ascii_serialization();
        let cell = lock(&self.sites).entry(origin.clone()).or_default().clone();
        let rules = cell.get_or_init(|| {
            let rules = fetch_rules(&origin, client);
            if let Rules::Parsed(robot) = &rules
                && let Some(delay) = robot.delay
            {
                client
                    .pacer()
                    .at_least(&super::client::host_key(url), delay);
            }
            rules
        });
        match rules {
            Rules::AllowAll => Ok(()),
            Rules::Parsed(robot) if robot.allowed(url.as_str()) => Ok(()),
            Rules::Parsed(_) => Err(FetchError::Robots),
            Rules::Unreadable(why) => Err(FetchError::RobotsUnreadable(why.clone())),
        }
    }
}

fn fetch_rules(origin: &str, client: &Client) -> Rules {
    let Ok(url) = Url::parse(&format!("{origin}/robots.txt")) else {
        return Rules::AllowAll;
    };
    match client.get(&url, Want::Robots) {
        Ok(page) => parse(&page.bytes),
        Err(FetchError::Status { status }) if (400..500).contains(&status) => Rules::AllowAll,
        Err(e) => Rules::Unreadable(e.to_string()),
    }
}

/// Rules from a robots.txt body; one that cannot be parsed allows everything.
fn parse(bytes: &[u8]) -> Rules {
    match Robot::new(AGENT, bytes) {
        Ok(robot) => Rules::Parsed(Box::new(robot)),
        Err(_) => Rules::AllowAll,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(txt: &str, url: &str) -> bool {
        match parse(txt.as_bytes()) {
            Rules::Parsed(r) => r.allowed(url),
            Rules::AllowAll => true,
            Rules::Unreadable(_) => false,
        }
    }

    #[test]
    fn disallowed_paths_for_everyone_and_for_parallax() {
        let txt =
            "User-agent: *\nDisallow: /private/\n\nUser-agent: parallax\nDisallow: /drafts/\n";
        assert!(allowed(txt, "https://news.example/world/a.html"));
        assert!(!allowed(txt, "https://news.example/drafts/a.html"));
        let star = "User-agent: *\nDisallow: /private/\n";
        assert!(!allowed(star, "https://news.example/private/a.html"));
        assert!(allowed("", "https://news.example/private/a.html"));
    }

    #[test]
    fn crawl_delay_is_read() {
        let Rules::Parsed(r) = parse(b"User-agent: *\nCrawl-delay: 5\nDisallow: /x/\n") else {
            panic!("parsed");
        };
        assert_eq!(r.delay, Some(5.0));
    }
}
