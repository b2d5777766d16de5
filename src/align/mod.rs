//! N-way passage alignment: which passages of each source correspond across the story.
//!
//! Pure: takes the story's articles, returns rows of passages as byte ranges into their bodies.
//! All sources are aligned at once, not each against one pivot, so a row may hold any subset
//! of the sources. The steps:
//!
//! 1. [`units`]: every article is split into sentences with interned words and weighted
//!    content terms;
//! 2. [`candidates`]: an inverted term index seeds the sentence pairs worth comparing;
//! 3. [`score`]: each candidate gets a similarity from weighted content overlap and shared
//!    word runs;
//! 4. [`rows`]: pairs above the threshold form rows best first, one cell per article, and
//!    adjacent sentences join into one cell where another source says in one sentence what
//!    this one says in two;
//! 5. [`order`]: rows follow the reference article's reading order, and every cell gets its
//!    relation and similarity to the row's reference cell.

mod candidates;
mod order;
mod rows;
mod score;
mod units;

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::model::Relation;

use rows::{CellRange, Params, RowCells, Sims};
use score::Joined;
use units::Units;

/// Settings for alignment.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct AlignConfig {
    /// Article id to follow for reading order; default: the earliest, else the longest.
    pub reference: Option<String>,
    /// Least similarity (0..1) for two passages of different sources to share a row. Lower
    /// finds looser paraphrases and makes more wrong pairs.
    pub threshold: f32,
    /// Most adjacent sentences one cell may hold.
    pub max_cell_sentences: usize,
}

impl Default for AlignConfig {
    fn default() -> Self {
        Self {
            reference: None,
            threshold: 0.3,
            max_cell_sentences: 3,
        }
    }
}

/// Terms carried by more sentences than this do not seed candidate pairs (they still count
/// in the score). Fixed, so the work per sentence stays bounded as stories grow.
const MAX_SEED_DF: usize = 64;

/// Scored pairs below this similarity are forgotten: they can neither link rows nor support
/// a merge.
const KEEP_SIM: f32 = 0.05;

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
    /// Similarity to the row's reference cell, 0..1 (1 for the reference itself and for the
    /// only cell of a single-cell row).
    pub similarity: f32,
}

/// Align the passages of a story's articles.
pub fn align(articles: &[&Article], cfg: &AlignConfig) -> Alignment {
    if articles.is_empty() {
        return Alignment {
            reference: 0,
            rows: Vec::new(),
        };
    }
    let units = Units::build(articles);
    let mut preference = order::preference(articles);
    let reference = order::reference(articles, cfg.reference.as_deref(), &preference);
    // The reference leads the preference: it is every row's reference cell when present.
    preference.retain(|&a| a != reference);
    preference.insert(0, reference);
    let mut rank = vec![0; articles.len()];
    for (i, &a) in preference.iter().enumerate() {
        rank[a] = i;
    }

    let sims = score_candidates(&units);
    let usable: Vec<bool> = units.units.iter().map(|u| !u.words.is_empty()).collect();
    let t = cfg.threshold;
    let params = Params {
        threshold: t,
        weak: t * 0.6,
        margin: 1.5,
        context: t * 0.5,
        anchor: t * 1.5,
        link: t * 0.5,
        part: t * 0.5,
        gain: 0.01,
        max_cell: cfg.max_cell_sentences.max(1),
    };
    let mut rows = rows::form_rows(&units, &sims, &usable, &params);
    order::order_rows(&units, &mut rows, reference, &rank);
    let rows = rows
        .iter()
        .map(|row| finish_row(&units, row, &rank))
        .collect();
    Alignment { reference, rows }
}

/// Score every candidate pair; keep those that are not negligible.
fn score_candidates(units: &Units) -> Sims {
    let mut sims = Sims::new();
    for (a, b) in candidates::candidates(units, MAX_SEED_DF) {
        let s = score::score(
            units,
            rows::unit_passage(units, a as usize),
            rows::unit_passage(units, b as usize),
        );
        if s.sim >= KEEP_SIM {
            sims.insert(
                (a, b),
                rows::Pair {
                    sim: s.sim,
                    shared: s.shared,
                },
            );
        }
    }
    sims
}

/// Byte range, relation and similarity of each cell against the row's reference cell.
fn finish_row(units: &Units, row: &RowCells, rank: &[usize]) -> AlignedRow {
    let span = |c: &CellRange| (units.units[c.first].start, units.units[c.last].end);
    let reference = row
        .cells
        .iter()
        .min_by_key(|c| rank[c.article])
        .map_or(0, |c| c.article);
    if row.cells.len() == 1 {
        let c = &row.cells[0];
        let (start, end) = span(c);
        return AlignedRow {
            reference,
            cells: vec![AlignedCell {
                article: c.article,
                start,
                end,
                relation: Relation::Unique,
                similarity: 1.0,
            }],
        };
    }
    let ref_cell = row.cell(reference).copied();
    let ref_features = ref_cell.map(|c| Joined::of(units, c.first, c.last));
    let cells = row
        .cells
        .iter()
        .map(|c| {
            let (start, end) = span(c);
            let (relation, similarity) = match &ref_features {
                _ if c.article == reference => (Relation::Reference, 1.0),
                Some(rf) => {
                    let mine = Joined::of(units, c.first, c.last);
                    let s = score::score(units, rf.passage(), mine.passage());
                    let rel = score::relation(&s, rf.words.len(), mine.words.len());
                    (rel, s.sim.clamp(0.0, 1.0))
                }
                None => (Relation::Paraphrase, 0.0),
            };
            AlignedCell {
                article: c.article,
                start,
                end,
                relation,
                similarity,
            }
        })
        .collect();
    AlignedRow { reference, cells }
}
