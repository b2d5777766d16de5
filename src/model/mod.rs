//! The `Comparison`: the one model at the centre of parallax.
//!
//! It is built once per story by the pipeline (corpus → group → align → compare) and from then
//! on only read: the TUI and the three report formats are views of it and never recompute
//! analysis. Its JSON form is a public contract (docs/JSON.md, the contract checks read):
//! fields may be added, but the ones named there keep their meaning.

mod analysis;
mod rows;

pub use analysis::*;
pub use rows::*;

use serde::{Deserialize, Serialize};

/// Version of the JSON form of [`Comparison`]; bumped only when a field changes meaning.
pub const VERSION: u32 = 1;

/// Everything parallax knows about one story: its articles, aligned rows and analysis.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Comparison {
    /// Version of this model's JSON form ([`VERSION`]).
    pub version: u32,
    /// Which story this is.
    pub story: StoryRef,
    /// Article id of the default reference: the article whose reading order the rows follow.
    pub reference: String,
    /// The story's articles, in column order.
    pub articles: Vec<ArticleEntry>,
    /// Aligned rows of corresponding passages, in the reference's reading order.
    pub rows: Vec<Row>,
    /// The same quotation as carried by different outlets, with its fidelity in each.
    #[serde(default)]
    pub quotes: Vec<QuoteGroup>,
    /// Per-outlet summary: what each carries, omits and how it words things.
    #[serde(default)]
    pub summary: Vec<OutletSummary>,
}

/// Identifies a story inside a corpus.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct StoryRef {
    /// Stable id, usable with `parallax export --story ID`.
    pub id: String,
    /// Human title, chosen from the story's most central headline.
    pub title: String,
}

/// One article as the comparison presents it: metadata, cleaned body and its framing marks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleEntry {
    /// Unique id within the corpus (file stem, disambiguated).
    pub id: String,
    /// Where it was read from (file path; `file.jsonl#3` style for records in a multi-record file).
    pub path: String,
    /// Outlet name when known.
    pub source: Option<String>,
    /// Headline when known.
    pub title: Option<String>,
    /// Publication date as `YYYY-MM-DD` when known.
    pub date: Option<String>,
    /// Original URL when known.
    #[serde(default)]
    pub url: Option<String>,
    /// Number of words in the body.
    #[serde(default)]
    pub words: usize,
    /// The cleaned article text; every `start`/`end` in the model is a byte offset into it.
    pub body: String,
    /// Framing highlights in the body, sorted by `start`.
    #[serde(default)]
    pub marks: Vec<Mark>,
}

impl Comparison {
    /// Index of the article with this id.
    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    /// Indices of the articles that have no passage in a row, in column order.
    pub fn absent_from(&self, row: &Row) -> Vec<usize> {
        (0..self.articles.len())
            .filter(|&i| !row.cells.iter().any(|c| c.article == self.articles[i].id))
            .collect()
    }

    /// A short display name for an article: its outlet, else its id (the file stem). Not its
    /// headline: column heads and legends need short names that tell sources apart.
    pub fn display_name(&self, index: usize) -> &str {
        let a = &self.articles[index];
        a.source.as_deref().unwrap_or(a.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, source: Option<&str>, title: Option<&str>) -> ArticleEntry {
        ArticleEntry {
            id: id.into(),
            path: format!("{id}.txt"),
            source: source.map(Into::into),
            title: title.map(Into::into),
            date: None,
            url: None,
            words: 0,
            body: String::new(),
            marks: Vec::new(),
        }
    }

    #[test]
    fn display_name_is_the_outlet_else_the_id_never_the_headline() {
        let c = Comparison {
            version: VERSION,
            story: StoryRef {
                id: "s".into(),
                title: "t".into(),
            },
            reference: "a".into(),
            articles: vec![
                entry("a", Some("CNBC"), Some("Kremlin plays it cool")),
                entry(
                    "e00_R",
                    None,
                    Some("CIA Director Mike Pompeo secretly met Kim"),
                ),
            ],
            rows: Vec::new(),
            quotes: Vec::new(),
            summary: Vec::new(),
        };
        assert_eq!(c.display_name(0), "CNBC");
        assert_eq!(c.display_name(1), "e00_R");
        assert_eq!(c.article_index("e00_R"), Some(1));
        let row = Row {
            id: 1,
            reference: "a".into(),
            cells: Vec::new(),
            discrepancies: Vec::new(),
        };
        assert_eq!(c.absent_from(&row), [0, 1]);
    }
}
