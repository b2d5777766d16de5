//! Per-row and per-article analysis that turns an alignment into the [`Comparison`] model:
//! word differences, quotes, discrepancies, framing marks and the per-outlet summary.
//!
//! Pure: no I/O; lexicons arrive already parsed.

pub mod attribution;
pub mod diff;
pub mod doc;
pub mod framing;
pub mod lexicon;
pub mod names;
pub mod quotes;

use serde::{Deserialize, Serialize};

use crate::align::Alignment;
use crate::corpus::Article;
use crate::group::Story;
use crate::model::{ArticleEntry, Cell, Comparison, Row, StoryRef, VERSION};

/// Settings for comparison.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CompareConfig {}

/// Build the comparison model of one story from its alignment.
pub fn build(
    story: &Story,
    articles: &[&Article],
    alignment: &Alignment,
    _cfg: &CompareConfig,
) -> Comparison {
    let entries: Vec<ArticleEntry> = articles
        .iter()
        .map(|a| ArticleEntry {
            id: a.id.clone(),
            path: a.path.clone(),
            source: a.source.clone(),
            title: a.title.clone(),
            date: a.date_iso(),
            url: a.url.clone(),
            words: crate::text::words(&a.body).len(),
            body: a.body.clone(),
            marks: Vec::new(),
        })
        .collect();
    let rows = alignment
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| Row {
            id: i + 1,
            reference: articles[r.reference].id.clone(),
            cells: r
                .cells
                .iter()
                .map(|c| Cell {
                    article: articles[c.article].id.clone(),
                    text: articles[c.article].body[c.start..c.end].to_string(),
                    start: c.start,
                    end: c.end,
                    relation: c.relation,
                    similarity: c.similarity,
                    diffs: Vec::new(),
                })
                .collect(),
            discrepancies: Vec::new(),
        })
        .collect();
    Comparison {
        version: VERSION,
        story: StoryRef {
            id: story.id.clone(),
            title: story.title.clone(),
        },
        reference: articles
            .get(alignment.reference)
            .map(|a| a.id.clone())
            .unwrap_or_default(),
        articles: entries,
        rows,
        quotes: Vec::new(),
        summary: Vec::new(),
    }
}
