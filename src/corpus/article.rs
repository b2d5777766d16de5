//! The article model every later stage reads, and the warnings loading produces.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;

use crate::text::controls::is_unsafe;

/// One news article: its metadata and its cleaned body text.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Unique id within the corpus: the file stem, with a suffix when two files share one.
    pub id: String,
    /// Where it was read from, as the user gave it (`file.jsonl#3` for a record in a file).
    pub path: String,
    /// Outlet name when known.
    pub source: Option<String>,
    /// Headline when known.
    pub title: Option<String>,
    /// Publication date when known.
    pub date: Option<NaiveDate>,
    /// Original URL when known.
    pub url: Option<String>,
    /// Cleaned article text: paragraphs separated by one newline, no page furniture.
    pub body: String,
}

impl Article {
    /// An article with only a path and a body; the id is the file stem.
    pub fn new(path: &Path, body: String) -> Self {
        let id = path
            .file_stem()
            .map(|s| {
                s.to_string_lossy()
                    .chars()
                    .map(|c| if is_unsafe(c) { '_' } else { c })
                    .collect()
            })
            .unwrap_or_else(|| "article".into());
        Self {
            id,
            path: path.to_string_lossy().into_owned(),
            source: None,
            title: None,
            date: None,
            url: None,
            body,
        }
    }

    /// The date as `YYYY-MM-DD`, the form every output uses.
    pub fn date_iso(&self) -> Option<String> {
        self.date.map(|d| d.format("%Y-%m-%d").to_string())
    }
}

/// A file that could not be read, and why: shown to the user as `path: reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    /// The file or folder concerned.
    pub path: String,
    /// One line saying what went wrong.
    pub reason: String,
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", printable(&self.path), printable(&self.reason))
    }
}

/// Text safe to print on a terminal: control characters (escape sequences included),
/// bidirectional controls and invisible formatting characters, which file names and file
/// contents may hold, are shown as `\u{..}` escapes instead.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if is_unsafe(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// The outcome of loading: what could be read, and a warning for each thing that could not.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Articles read, in path order.
    pub articles: Vec<Article>,
    /// One warning per file or folder that could not be read.
    pub warnings: Vec<LoadWarning>,
}

impl Loaded {
    /// Record a warning for a path.
    pub fn warn(&mut self, path: &Path, reason: &str) {
        self.warnings.push(LoadWarning {
            path: path.to_string_lossy().into_owned(),
            reason: reason.to_string(),
        });
    }

    /// Make article ids unique by suffixing repeats with `-2`, `-3`, ... (skipping suffixes
    /// that another article already uses as its own id).
    pub fn disambiguate_ids(&mut self) {
        let mut taken: HashSet<String> = HashSet::new();
        let originals: HashSet<String> = self.articles.iter().map(|a| a.id.clone()).collect();
        let mut next: HashMap<String, usize> = HashMap::new();
        for a in &mut self.articles {
            if taken.insert(a.id.clone()) {
                continue;
            }
            let n = next.entry(a.id.clone()).or_insert(1);
            loop {
                *n += 1;
                let candidate = format!("{}-{}", a.id, n);
                if !originals.contains(&candidate) && taken.insert(candidate.clone()) {
                    a.id = candidate;
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_ids_get_suffixes() {
        let mut l = Loaded::default();
        for p in ["a/x.txt", "b/x.txt", "c/y.txt"] {
            l.articles.push(Article::new(Path::new(p), "text".into()));
        }
        l.disambiguate_ids();
        let ids: Vec<&str> = l.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["x", "x-2", "y"]);
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let w = LoadWarning {
            path: "evil\u{1b}[2J.txt".into(),
            reason: "empty file".into(),
        };
        assert_eq!(w.to_string(), "evil\\u{1b}[2J.txt: empty file");
        let a = Article::new(Path::new("dir/evil\u{1b}[2J.txt"), String::new());
        assert_eq!(a.id, "evil_[2J");
        // Bidirectional overrides and invisible characters cannot hide in a name either.
        let w = LoadWarning {
            path: "invoice\u{202e}fdp.txt".into(),
            reason: "empty file".into(),
        };
        assert_eq!(w.to_string(), "invoice\\u{202e}fdp.txt: empty file");
        let a = Article::new(Path::new("invoice\u{202e}fdp\u{200b}.txt"), String::new());
        assert_eq!(a.id, "invoice_fdp_");
    }

    #[test]
    fn suffixes_never_collide_with_real_ids() {
        let mut l = Loaded::default();
        for p in ["a/feed.txt", "b/feed.txt", "feed-2.txt", "c/feed.txt"] {
            l.articles.push(Article::new(Path::new(p), "text".into()));
        }
        l.disambiguate_ids();
        let ids: Vec<&str> = l.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["feed", "feed-3", "feed-2", "feed-4"]);
    }
}
