//! Aligned rows: which passage of each article corresponds to which passage of the others.

use serde::{Deserialize, Serialize};

use super::{DiffSpan, Discrepancy};

/// One aligned passage across the story's sources. Holds at most one cell per article; an
/// article with nothing to say here has no cell.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Row {
    /// 1-based position in reading order.
    pub id: usize,
    /// Article id of the cell the others are compared against in this row.
    pub reference: String,
    /// The passages, in the comparison's article (column) order.
    pub cells: Vec<Cell>,
    /// Names, numbers, dates and speakers that differ between the cells.
    #[serde(default)]
    pub discrepancies: Vec<Discrepancy>,
}

/// One article's passage in a row.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cell {
    /// Article id.
    pub article: String,
    /// The passage text: exactly `body[start..end]` of the article.
    pub text: String,
    /// Byte offset of the passage in the article's body.
    pub start: usize,
    /// Byte offset just past the passage in the article's body.
    pub end: usize,
    /// How this passage relates to the row's reference cell.
    pub relation: Relation,
    /// Similarity to the row's reference cell, 0..1 (1 for the reference itself).
    pub similarity: f32,
    /// Word differences of this cell against each other cell of the row (by article id), so
    /// the reader can change the reference column without any analysis running again.
    #[serde(default)]
    pub diffs: Vec<WordDiff>,
}

/// How a passage relates to the row's reference passage.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The reference passage itself.
    Reference,
    /// The same words (after normalising quotes, dashes, spaces and case).
    Identical,
    /// Copied text, trimmed or extended: long runs of the same words.
    Verbatim,
    /// Mostly the same words with edits.
    Close,
    /// The same content in other words (paraphrase or translation).
    Paraphrase,
    /// A passage only this article has (a single-cell row).
    Unique,
}

impl Relation {
    /// Lower-case name as used in the JSON form and the views.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Reference => "reference",
            Relation::Identical => "identical",
            Relation::Verbatim => "verbatim",
            Relation::Close => "close",
            Relation::Paraphrase => "paraphrase",
            Relation::Unique => "unique",
        }
    }
}

/// The word-level difference of one cell against another cell of the same row.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct WordDiff {
    /// Article id of the cell compared against.
    pub against: String,
    /// Spans in reading order; together the non-dropped spans cover this cell's text.
    pub spans: Vec<DiffSpan>,
}
