//! `sources.toml` beside article files: per-file outlet, date, title and URL supplied by the user.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::Article;
use super::clean::normalize_line;
use super::dates::parse_date;

/// The sidecar's file name. It is never read as an article.
pub const FILE_NAME: &str = "sources.toml";

/// What a sidecar says about one file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SidecarEntry {
    /// Outlet name (also accepted as `outlet`).
    #[serde(alias = "outlet")]
    pub source: Option<String>,
    /// Publication date: a TOML date, or a string in any format [`parse_date`] reads
    /// (also accepted as `published`).
    #[serde(alias = "published")]
    pub date: Option<toml::Value>,
    /// Headline (also accepted as `headline`).
    #[serde(alias = "headline")]
    pub title: Option<String>,
    /// Original URL (also accepted as `link`).
    #[serde(alias = "link")]
    pub url: Option<String>,
    /// When `parallax fetch` downloaded the file (also accepted as `fetched-at`). Recorded,
    /// not shown as the article's date.
    #[serde(alias = "fetched-at")]
    pub fetched_at: Option<toml::Value>,
    /// The charset the page was served with (its HTTP `Content-Type`), used to decode a
    /// page that is not UTF-8 and does not name its own encoding.
    pub charset: Option<String>,
}

impl SidecarEntry {
    /// Fill the article's metadata from this entry; the sidecar wins over what the file says.
    /// Its text is normalised like the file's own (escape sequences, control and invisible
    /// characters removed); a value left empty by that does not count.
    pub fn apply(&self, a: &mut Article) {
        let text = |v: &Option<String>| v.as_deref().map(normalize_line).filter(|v| !v.is_empty());
        if let Some(s) = text(&self.source) {
            a.source = Some(s);
        }
        if let Some(t) = text(&self.title) {
            a.title = Some(t);
        }
        if let Some(u) = text(&self.url) {
            a.url = Some(u);
        }
        if let Some(d) = self.date.as_ref().and_then(date_of) {
            a.date = Some(d);
        }
    }
}

impl SidecarEntry {
    /// The entry's date as `YYYY-MM-DD`, when it names a readable one.
    pub fn date_iso(&self) -> Option<String> {
        self.date
            .as_ref()
            .and_then(date_of)
            .map(|d| d.format("%Y-%m-%d").to_string())
    }
}

fn date_of(v: &toml::Value) -> Option<NaiveDate> {
    match v {
        toml::Value::String(s) => parse_date(s),
        toml::Value::Datetime(d) => parse_date(&d.to_string()),
        _ => None,
    }
}

/// A `sources.toml` that does not parse: the parser's message on one line, and the line of the
/// file it is about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SidecarError {
    /// The parser's message without the quoted source lines, on one line.
    pub message: String,
    /// The line of the error, from 1, when the parser says.
    pub line: Option<usize>,
}

/// Parse a sidecar file's text into entries keyed by file name.
pub fn parse(text: &str) -> Result<HashMap<String, SidecarEntry>, SidecarError> {
    toml::from_str(text).map_err(|e: toml::de::Error| SidecarError {
        line: e
            .span()
            .and_then(|s| text.get(..s.start))
            .map(|before| before.matches('\n').count() + 1),
        message: crate::text::shorten(
            &e.to_string()
                .lines()
                .map(str::trim)
                .filter(|l| {
                    !l.is_empty() && !l.starts_with('|') && !l.chars().all(|c| c == '^' || c == ' ')
                })
                .collect::<Vec<_>>()
                .join(" "),
            240,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn reads_toml_dates_and_strings() {
        let map = parse(
            "[\"a.txt\"]\nsource = \"CNBC\"\ndate = 2025-02-25\n[\"b.txt\"]\ndate = \"2025-03-11\"\n",
        )
        .unwrap();
        let mut a = Article::new(Path::new("a.txt"), "x".into());
        map["a.txt"].apply(&mut a);
        assert_eq!(a.source.as_deref(), Some("CNBC"));
        assert_eq!(a.date_iso().as_deref(), Some("2025-02-25"));
        let mut b = Article::new(Path::new("b.txt"), "x".into());
        map["b.txt"].apply(&mut b);
        assert_eq!(b.date_iso().as_deref(), Some("2025-03-11"));
    }

    #[test]
    fn aliases_and_other_date_formats() {
        let map =
            parse("[\"c.txt\"]\noutlet = \"RT\"\npublished = \"September 5, 2025\"\n").unwrap();
        let mut c = Article::new(Path::new("c.txt"), "x".into());
        map["c.txt"].apply(&mut c);
        assert_eq!(c.source.as_deref(), Some("RT"));
        assert_eq!(c.date_iso().as_deref(), Some("2025-09-05"));
    }

    #[test]
    fn escapes_in_the_sidecar_are_removed() {
        let map = parse(
            "[\"a.txt\"]\nsource = \"Wire\\u001b]52;c;cm0g\\u0007 \\u202eService\"\ntitle = \"\\u001b[2J\"\n",
        )
        .unwrap();
        let mut a = Article::new(Path::new("a.txt"), "x".into());
        a.title = Some("Own title".into());
        map["a.txt"].apply(&mut a);
        assert_eq!(a.source.as_deref(), Some("Wire Service"));
        assert_eq!(
            a.title.as_deref(),
            Some("Own title"),
            "nothing left: not applied"
        );
    }

    #[test]
    fn fetch_fields_are_read_and_the_date_stays_the_page_date() {
        let map = parse(
            "\"rt.com-0a1b.html\" = { source = \"RT\", date = 2025-09-05, url = \"https://www.rt.com/x\", fetched_at = 2026-01-02T03:04:05Z, charset = \"windows-1252\" }\n",
        )
        .unwrap();
        let e = &map["rt.com-0a1b.html"];
        assert_eq!(e.charset.as_deref(), Some("windows-1252"));
        assert!(e.fetched_at.is_some());
        assert_eq!(e.date_iso().as_deref(), Some("2025-09-05"));
        let mut a = Article::new(Path::new("rt.com-0a1b.html"), "x".into());
        e.apply(&mut a);
        assert_eq!(a.date_iso().as_deref(), Some("2025-09-05"));
        assert_eq!(a.url.as_deref(), Some("https://www.rt.com/x"));
    }

    #[test]
    fn unknown_keys_are_a_one_line_error() {
        let err = parse("[\"a.txt\"]\nsorce = \"CNBC\"\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        let err = err.to_string();
        assert!(err.contains("sorce"), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }
}
