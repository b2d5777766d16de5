//! RSS and Atom feeds (`feed-rs`): the linked articles, newest first, with the feed's titles
//! and dates to use when a page lacks its own.

use chrono::{DateTime, NaiveDate, Utc};
use feed_rs::model::{Entry, Text};
use url::Url;

/// One article a feed links to.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The article's address (absolute, http or https).
    pub url: Url,
    /// The item's title.
    pub title: Option<String>,
    /// When the item was published (else updated).
    pub date: Option<DateTime<Utc>>,
}

impl FeedItem {
    /// The item's date as a calendar date.
    pub fn day(&self) -> Option<NaiveDate> {
        self.date.map(|d| d.date_naive())
    }
}

/// What a feed holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    /// The feed's own title (often the outlet's name).
    pub title: Option<String>,
    /// Its items with a usable link, newest first (undated ones last, in feed order).
    pub items: Vec<FeedItem>,
    /// Items left out for want of an http(s) link.
    pub unlinked: usize,
}

/// Bytes that are no RSS or Atom feed; the parser's reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a readable RSS or Atom feed ({0})")]
pub struct FeedError(pub String);

/// Parse a feed's bytes; `base` resolves relative links. The error is one line.
pub fn parse(bytes: &[u8], base: &Url) -> Result<Feed, FeedError> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(base.as_str()))
        .build()
        .parse(bytes)
        .map_err(|e| FeedError(e.to_string()))?;
    let mut items = Vec::new();
    let mut unlinked = 0;
    for entry in &feed.entries {
        match link_of(entry, base) {
            Some(url) => items.push(FeedItem {
                url,
                title: entry.title.as_ref().and_then(text_of),
                date: entry.published.or(entry.updated),
            }),
            None => unlinked += 1,
        }
    }
    // Newest first, the undated last (`Reverse(None)` sorts after every date); the sort is
    // stable, so equals keep feed order.
    items.sort_by_key(|i| std::cmp::Reverse(i.date.map(|d| d.timestamp())));
    Ok(Feed {
        title: feed.title.as_ref().and_then(text_of),
        items,
        unlinked,
    })
}

/// The entry's article link: its `alternate` link (or one without a `rel`), else the first.
fn link_of(entry: &Entry, base: &Url) -> Option<Url> {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())?;
    let url = base.join(link.href.trim()).ok()?;
    matches!(url.scheme(), "http" | "https").then_some(url)
}

/// A title's text: HTML titles lose their tags; white space is collapsed.
fn text_of(t: &Text) -> Option<String> {
    let raw = if t.content_type.subty() == "html" {
        dom_query::Document::from(t.content.as_str())
            .root()
            .text()
            .to_string()
    } else {
        t.content.clone()
    };
    let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://news.example/feeds/world.xml").unwrap()
    }

    #[test]
    fn rss_items_newest_first_relative_links_resolved_bad_links_dropped() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
            <item><title>Older</title><link>https://news.example/a</link><pubDate>Tue, 25 Feb 2025 10:00:00 GMT</pubDate></item>
            <item><title>Newer</title><link>/b</link><pubDate>Tue, 11 Mar 2025 10:00:00 GMT</pubDate></item>
            <item><title>Undated</title><link>https://news.example/c</link></item>
            <item><title>Script</title><link>javascript:alert(1)</link></item>
            </channel></rss>"#;
        let f = parse(rss.as_bytes(), &base()).unwrap();
        assert_eq!(f.title.as_deref(), Some("Example News"));
        let got: Vec<(&str, Option<&str>)> = f
            .items
            .iter()
            .map(|i| (i.url.as_str(), i.title.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("https://news.example/b", Some("Newer")),
                ("https://news.example/a", Some("Older")),
                ("https://news.example/c", Some("Undated")),
            ]
        );
        assert_eq!(f.unlinked, 1);
        assert_eq!(
            f.items[0].day().map(|d| d.to_string()).as_deref(),
            Some("2025-03-11")
        );
    }

    #[test]
    fn atom_alternate_link_and_html_title() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:x</id><updated>2025-03-11T00:00:00Z</updated>
            <entry><title type="html">Kremlin &lt;em&gt;cool&lt;/em&gt; on ties</title><id>urn:1</id>
            <link rel="enclosure" href="https://news.example/photo.jpg"/>
            <link rel="alternate" href="https://news.example/kremlin"/>
            <updated>2025-02-25T09:00:00Z</updated></entry></feed>"#;
        let f = parse(atom.as_bytes(), &base()).unwrap();
        assert_eq!(f.items.len(), 1);
        assert_eq!(f.items[0].url.as_str(), "https://news.example/kremlin");
        assert_eq!(f.items[0].title.as_deref(), Some("Kremlin cool on ties"));
    }

    #[test]
    fn not_a_feed_is_one_line() {
        let err = parse(b"<html><body>hello</body></html>", &base())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("not a readable RSS or Atom feed"), "{err}");
        assert!(!err.contains('\n'));
    }
}
