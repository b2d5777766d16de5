//! `sources.toml` beside article files: per-file outlet, date, title and URL supplied by the user.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::Article;

/// What a sidecar says about one file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SidecarEntry {
    /// Outlet name.
    pub source: Option<String>,
    /// Publication date (a TOML date or a `YYYY-MM-DD` string).
    pub date: Option<toml::Value>,
    /// Headline.
    pub title: Option<String>,
    /// Original URL.
    pub url: Option<String>,
}

impl SidecarEntry {
    /// Fill the article's metadata from this entry; the sidecar wins over what the file says.
    pub fn apply(&self, a: &mut Article) {
        if let Some(s) = &self.source {
            a.source = Some(s.clone());
        }
        if let Some(t) = &self.title {
            a.title = Some(t.clone());
        }
        if let Some(u) = &self.url {
            a.url = Some(u.clone());
        }
        if let Some(d) = self.date.as_ref().and_then(date_of) {
            a.date = Some(d);
        }
    }
}

fn date_of(v: &toml::Value) -> Option<NaiveDate> {
    let s = match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(d) => d.to_string(),
        _ => return None,
    };
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Parse a sidecar file's text into entries keyed by file name.
pub fn parse(text: &str) -> Result<HashMap<String, SidecarEntry>, String> {
    toml::from_str(text).map_err(|e| e.to_string())
}

/// The entry for a file from the `sources.toml` in its folder, if there is one.
pub fn lookup(path: &Path) -> Option<SidecarEntry> {
    let dir = path.parent()?;
    let text = std::fs::read_to_string(dir.join("sources.toml")).ok()?;
    let name = path.file_name()?.to_string_lossy();
    parse(&text).ok()?.remove(name.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
