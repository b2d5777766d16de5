//! N-way passage alignment: which passages of each source correspond across the story.
//!
//! Pure: takes the story's articles, returns rows of passages as byte ranges into their bodies.

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::model::Relation;

/// Settings for alignment.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct AlignConfig {
    /// Article id to follow for reading order; default: the earliest, else the longest.
    pub reference: Option<String>,
}

/// The alignment of one story.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Index (into the story's article slice) of the article whose reading order rows follow.
    pub reference: usize,
    /// Rows in reading order.
    pub rows: Vec<AlignedRow>,
}

/// Corresponding passages, at most one per article.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedRow {
    /// Index of the row's reference cell's article.
    pub reference: usize,
    /// The passages, sorted by article index.
    pub cells: Vec<AlignedCell>,
}

/// One article's passage in a row.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedCell {
    /// Index into the story's article slice.
    pub article: usize,
    /// Byte offset of the passage in the body.
    pub start: usize,
    /// Byte offset just past the passage.
    pub end: usize,
    /// Relation to the row's reference cell.
    pub relation: Relation,
    /// Similarity to the row's reference cell, 0..1.
    pub similarity: f32,
}

/// Align the passages of a story's articles.
pub fn align(articles: &[&Article], _cfg: &AlignConfig) -> Alignment {
    let mut rows = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        for s in crate::text::sentences(&a.body) {
            rows.push(AlignedRow {
                reference: i,
                cells: vec![AlignedCell {
                    article: i,
                    start: s.start,
                    end: s.end,
                    relation: Relation::Unique,
                    similarity: 1.0,
                }],
            });
        }
    }
    Alignment { reference: 0, rows }
}
