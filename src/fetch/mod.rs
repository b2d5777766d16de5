//! Bringing articles in from the web: pages and feeds fetched politely into a library folder
//! that the pipeline then reads like any other (DESIGN: web → fetch → library → corpus).
//!
//! [`fetch`] runs a few workers over a queue of addresses: each checks the site's robots.txt,
//! waits its host's turn, downloads within the limits of [`FetchConfig`], reads the page with
//! the corpus readers (so only pages with article text are kept, with their outlet, title and
//! date), and stores it in the [`Library`]. A feed's items join the queue. Nothing is printed:
//! each outcome is an [`Event`] for the caller to show.

mod client;
mod error;
pub mod feeds;
pub mod library;
mod pace;
mod robots;

pub use client::Kind;
pub use error::{FetchError, LibraryError};
pub use library::{Entry, Library, NewArticle};

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use url::Url;

use crate::corpus::read::Format;
use client::{Client, Want, host_key};
use feeds::FeedItem;
use pace::{Queue, lock};
use robots::RobotsCache;

/// Settings for `parallax fetch`: where the library is, and the limits that keep fetching
/// polite and safe.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct FetchConfig {
    /// The library folder; default: the user's data folder (`~/.local/share/parallax/library`).
    pub library: Option<PathBuf>,
    /// The User-Agent header sent with every request.
    pub user_agent: String,
    /// Seconds to wait for a connection.
    pub connect_timeout_secs: f64,
    /// Seconds one whole request may take, body included.
    pub timeout_secs: f64,
    /// Most redirects followed for one address.
    pub max_redirects: u32,
    /// Bodies larger than this many bytes are refused.
    pub max_body_bytes: u64,
    /// Most requests at once.
    pub concurrency: usize,
    /// Least seconds between two requests to one host.
    pub host_interval_secs: f64,
    /// Most items fetched from one feed (newest first) when `--limit` is not given.
    pub feed_limit: usize,
}

impl Default for FetchConfig {
    fn default() -> Self {
        Self {
            library: None,
            user_agent: default_user_agent(),
            connect_timeout_secs: 10.0,
            timeout_secs: 30.0,
            max_redirects: 5,
            max_body_bytes: 10 * 1024 * 1024,
            concurrency: 4,
            host_interval_secs: 1.0,
            feed_limit: 50,
        }
    }
}

/// `parallax/0.1.0 (+news comparison reader)`.
pub fn default_user_agent() -> String {
    format!(
        "parallax/{} (terminal news comparison reader)",
        env!("CARGO_PKG_VERSION")
    )
}

/// A `[fetch]` setting out of its range: the key, and what it must be.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("[fetch] {key}{value}: {rule}")]
pub struct FetchConfigError {
    /// The key.
    pub key: &'static str,
    /// ` = VALUE` as given, or nothing where the value is not worth repeating.
    pub value: String,
    /// What the value must be.
    pub rule: &'static str,
}

impl FetchConfig {
    /// Check the values make sense; the error names the key.
    pub fn check(&self) -> Result<(), FetchConfigError> {
        let bad = |key, value: String, rule| FetchConfigError {
            key,
            value: format!(" = {value}"),
            rule,
        };
        let positive = |key, v: f64| {
            if v.is_finite() && v > 0.0 && v <= 3600.0 {
                Ok(())
            } else {
                Err(bad(
                    key,
                    v.to_string(),
                    "must be more than 0 and at most 3600 seconds",
                ))
            }
        };
        positive("connect_timeout_secs", self.connect_timeout_secs)?;
        positive("timeout_secs", self.timeout_secs)?;
        if !(self.host_interval_secs.is_finite()
            && (0.0..=3600.0).contains(&self.host_interval_secs))
        {
            return Err(bad(
                "host_interval_secs",
                self.host_interval_secs.to_string(),
                "must be 0 to 3600 seconds",
            ));
        }
        if !(1..=32).contains(&self.concurrency) {
            return Err(bad(
                "concurrency",
                self.concurrency.to_string(),
                "must be 1 to 32",
            ));
        }
        if self.user_agent.trim().is_empty() || self.user_agent.chars().any(char::is_control) {
            return Err(FetchConfigError {
                key: "user_agent",
                value: String::new(),
                rule: "must be one non-empty line",
            });
        }
        Ok(())
    }

    /// The library folder: configured (`~/` is the home folder), else the default.
    pub fn library_dir(&self) -> Result<PathBuf, LibraryError> {
        match &self.library {
            Some(p) => Ok(expand_home(p)),
            None => Library::default_dir().ok_or(LibraryError::NoFolder),
        }
    }
}

fn expand_home(p: &Path) -> PathBuf {
    match (p.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(b)) => b.home_dir().join(rest),
        _ => p.to_path_buf(),
    }
}

/// What to fetch.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Page addresses; one that turns out to be a feed is read as a feed.
    pub pages: Vec<String>,
    /// Feed addresses.
    pub feeds: Vec<String>,
    /// Most items taken from each feed, newest first.
    pub limit: usize,
    /// Fetch addresses already in the library again, replacing what is stored.
    pub refresh: bool,
    /// Fetch even what robots.txt disallows.
    pub ignore_robots: bool,
}

/// One outcome, as it happens.
#[derive(Debug)]
pub enum Event {
    /// More addresses joined the queue (a feed's items): the total to fetch grew by this many.
    Queued(usize),
    /// A feed was read; its items within the limit follow (each stored, kept or failed).
    Feed {
        /// The feed's address.
        url: String,
        /// Its title.
        title: Option<String>,
        /// Items with a usable link.
        items: usize,
        /// Items taken: the newest, up to the limit, less those listed twice.
        taken: usize,
    },
    /// A page was stored.
    Stored {
        /// The address.
        url: String,
        /// The library entry.
        entry: Entry,
        /// It replaced a stored copy (`--refresh`).
        replaced: bool,
    },
    /// The address was stored before and not fetched again.
    Kept {
        /// The address.
        url: String,
        /// The library entry.
        entry: Entry,
    },
    /// The address could not be stored.
    Failed {
        /// The address as given.
        url: String,
        /// Why.
        error: FetchError,
    },
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Articles stored by this run.
    pub stored: Vec<Entry>,
    /// Articles asked for that were already stored.
    pub kept: Vec<Entry>,
    /// Addresses that failed.
    pub failed: usize,
}

/// What becomes of an address offered to the queue.
enum Admit {
    /// Queued, with the host it will ask.
    Queue((String, Job)),
    /// Stored before: not fetched again.
    Kept(Event),
    /// Already queued in this run.
    Again,
}

/// A queued address and what is known of it in advance.
#[derive(Debug, Clone)]
struct Job {
    url: Url,
    /// As the user wrote it, for messages about addresses that never parse.
    kind: JobKind,
    hint: Option<Hint>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JobKind {
    /// Given as a page: a feed found there is read as a feed.
    Any,
    /// Given with `--feed`.
    Feed,
    /// A feed's item.
    Item,
}

/// What a feed said of an item, used when the page lacks it.
#[derive(Debug, Clone)]
struct Hint {
    outlet: Option<String>,
    item: FeedItem,
}

/// Everything the workers share.
struct Run<'a> {
    req: &'a Request,
    client: Client,
    robots: RobotsCache,
    library: &'a Library,
    /// Stored addresses, and addresses already queued in this run.
    seen: Mutex<HashSet<String>>,
    stored_urls: Mutex<std::collections::HashMap<String, Entry>>,
    store_lock: Mutex<()>,
    summary: Mutex<Summary>,
    clean: bool,
}

/// Fetch pages and feeds into the library, reporting each outcome through `on_event` (called
/// from the worker threads). Never fails as a whole: each address succeeds or fails alone.
pub fn fetch(
    req: &Request,
    cfg: &FetchConfig,
    clean: bool,
    library: &Library,
    on_event: &(dyn Fn(Event) + Sync),
) -> Summary {
    let stored_urls = library
        .entries()
        .map(|es| {
            es.into_iter()
                .filter_map(|e| Some((e.url.clone()?, e)))
                .collect()
        })
        .unwrap_or_default();
    let run = Run {
        req,
        client: Client::new(cfg),
        robots: RobotsCache::default(),
        library,
        seen: Mutex::new(HashSet::new()),
        stored_urls: Mutex::new(stored_urls),
        store_lock: Mutex::new(()),
        summary: Mutex::new(Summary::default()),
        clean,
    };
    let queue: Queue<'_, Job> = Queue::new(run.client.pacer());
    let given = req
        .feeds
        .iter()
        .map(|u| (u, JobKind::Feed))
        .chain(req.pages.iter().map(|u| (u, JobKind::Any)));
    let mut jobs = Vec::new();
    for (raw, kind) in given {
        match parse_url(raw) {
            Ok(url) => match run.admit(url, kind, None) {
                Admit::Queue(job) => jobs.push(job),
                Admit::Kept(event) => on_event(event),
                Admit::Again => {}
            },
            Err(error) => run.fail(raw.clone(), error, on_event),
        }
    }
    queue.push(jobs);
    let workers = cfg.concurrency.max(1);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                while let Some(job) = queue.next() {
                    run.process(job, &queue, on_event);
                    queue.done();
                }
            });
        }
    });
    run.summary.into_inner().unwrap_or_else(|p| p.into_inner())
}

/// An address as typed: only absolute http(s) addresses, without their `#fragment`.
fn parse_url(raw: &str) -> Result<Url, FetchError> {
    let mut url = Url::parse(raw.trim()).map_err(|_| FetchError::NotHttp)?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(FetchError::NotHttp);
    }
    url.set_fragment(None);
    Ok(url)
}

impl Run<'_> {
    fn fail(&self, url: String, error: FetchError, on_event: &(dyn Fn(Event) + Sync)) {
        lock(&self.summary).failed += 1;
        on_event(Event::Failed { url, error });
    }

    /// Queue an address unless it was queued before in this run, or is stored and not to be
    /// refreshed (then it is kept, and the event saying so is the caller's to send).
    fn admit(&self, url: Url, kind: JobKind, hint: Option<Hint>) -> Admit {
        if !lock(&self.seen).insert(url.to_string()) {
            return Admit::Again;
        }
        if kind != JobKind::Feed && !self.req.refresh {
            let known = lock(&self.stored_urls).get(url.as_str()).cloned();
            if let Some(entry) = known {
                lock(&self.summary).kept.push(entry.clone());
                return Admit::Kept(Event::Kept {
                    url: url.to_string(),
                    entry,
                });
            }
        }
        Admit::Queue((host_key(&url), Job { url, kind, hint }))
    }

    fn process(&self, job: Job, queue: &Queue<'_, Job>, on_event: &(dyn Fn(Event) + Sync)) {
        let url = job.url.to_string();
        if let Err(error) = self.try_process(&job, queue, on_event) {
            self.fail(url, error, on_event);
        }
    }

    fn try_process(
        &self,
        job: &Job,
        queue: &Queue<'_, Job>,
        on_event: &(dyn Fn(Event) + Sync),
    ) -> Result<(), FetchError> {
        if !self.req.ignore_robots {
            self.robots.check(&job.url, &self.client)?;
        }
        let page = self.client.get(&job.url, Want::Article)?;
        let is_feed = page.kind == Kind::Feed
            || (job.kind == JobKind::Feed
                && page.kind == Kind::Json
                && looks_like_json_feed(&page.bytes));
        match (job.kind, is_feed) {
            (JobKind::Feed | JobKind::Any, true) => self.read_feed(job, &page, queue, on_event),
            (JobKind::Item, true) => Err(FetchError::Kind(
                "a feed, not an article (a feed's items are not followed into other feeds)".into(),
            )),
            (JobKind::Feed, false) => Err(FetchError::Kind(format!(
                "not a feed: the address serves {}",
                match page.kind {
                    Kind::Html => "an HTML page (fetch it without --feed)",
                    _ => "JSON that is not a JSON Feed (fetch it without --feed)",
                }
            ))),
            (_, false) => self.store(job, page, on_event),
        }
    }

    fn read_feed(
        &self,
        job: &Job,
        page: &client::Page,
        queue: &Queue<'_, Job>,
        on_event: &(dyn Fn(Event) + Sync),
    ) -> Result<(), FetchError> {
        let feed =
            feeds::parse(&page.bytes, &page.url).map_err(|e| FetchError::Kind(e.to_string()))?;
        let total = feed.items.len();
        let mut jobs = Vec::new();
        let mut kept = Vec::new();
        for item in feed.items.into_iter().take(self.req.limit) {
            let hint = Hint {
                outlet: feed.title.clone(),
                item: item.clone(),
            };
            match self.admit(item.url, JobKind::Item, Some(hint)) {
                Admit::Queue(j) => jobs.push(j),
                Admit::Kept(event) => kept.push(event),
                Admit::Again => {}
            }
        }
        let taken = jobs.len() + kept.len();
        on_event(Event::Feed {
            url: job.url.to_string(),
            title: feed.title,
            items: total,
            taken,
        });
        if taken > 0 {
            on_event(Event::Queued(taken));
        }
        kept.into_iter().for_each(on_event);
        queue.push(jobs);
        Ok(())
    }

    fn store(
        &self,
        job: &Job,
        page: client::Page,
        on_event: &(dyn Fn(Event) + Sync),
    ) -> Result<(), FetchError> {
        let format = if page.kind == Kind::Json {
            Format::Json
        } else {
            Format::Html
        };
        let name = library::file_name(&job.url, format);
        let articles = crate::corpus::parse_bytes(
            Path::new(&name),
            format,
            &page.bytes,
            page.charset.as_deref(),
            self.clean,
        )
        .map_err(|e| FetchError::Unreadable(e.to_string()))?;
        let hint = job.hint.as_ref();
        // A file of several records (a NewsAPI answer) keeps each record's own metadata.
        let parsed = (articles.len() == 1).then(|| &articles[0]);
        let one = parsed.map(|p| &p.article);
        let item_title = hint.and_then(|h| h.item.title.clone());
        // The feed's headline is better than one guessed from the page's first line.
        let title = match parsed {
            Some(p) if p.stated_title => p.article.title.clone(),
            Some(p) => item_title.or(p.article.title.clone()),
            None => None,
        };
        let new = NewArticle {
            url: job.url.clone(),
            format,
            source: one.and_then(|a| {
                a.source
                    .clone()
                    .or_else(|| hint.and_then(|h| h.outlet.clone()))
                    .or_else(|| crate::corpus::read::host_of(page.url.as_str()))
            }),
            title,
            date: one.and_then(|a| a.date.or_else(|| hint.and_then(|h| h.item.day()))),
            charset: page.charset.clone(),
            bytes: page.bytes,
            fetched_at: chrono::Utc::now(),
        };
        let replaced = lock(&self.stored_urls).contains_key(job.url.as_str());
        let entry = {
            let _one_writer = lock(&self.store_lock);
            self.library.store(&new)?
        };
        lock(&self.stored_urls).insert(job.url.to_string(), entry.clone());
        lock(&self.summary).stored.push(entry.clone());
        on_event(Event::Stored {
            url: job.url.to_string(),
            entry,
            replaced,
        });
        Ok(())
    }
}

fn looks_like_json_feed(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
    head.contains("jsonfeed.org/version")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_addresses_without_fragments() {
        assert_eq!(
            parse_url(" https://news.example/a#comments ")
                .unwrap()
                .as_str(),
            "https://news.example/a"
        );
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "news.example/a",
            "ftp://x/y",
        ] {
            assert!(matches!(parse_url(bad), Err(FetchError::NotHttp)), "{bad}");
        }
    }

    #[test]
    fn config_checks_name_the_key() {
        assert!(FetchConfig::default().check().is_ok());
        let cfg = FetchConfig {
            concurrency: 0,
            ..FetchConfig::default()
        };
        let err = cfg.check().unwrap_err();
        assert_eq!(err.key, "concurrency");
        assert_eq!(err.to_string(), "[fetch] concurrency = 0: must be 1 to 32");
        let cfg = FetchConfig {
            timeout_secs: -1.0,
            ..FetchConfig::default()
        };
        assert!(
            cfg.check()
                .unwrap_err()
                .to_string()
                .contains("timeout_secs")
        );
    }
}
