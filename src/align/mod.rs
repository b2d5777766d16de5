//! N-way passage alignment: which passages of each source correspond across the story.
//!
//! Pure: takes the story's articles, returns rows of passages as byte ranges into their bodies.
//! All sources are aligned at once, not each against one pivot, so a row may hold any subset
//! of the sources. The steps:
//!
//! 1. `units`: every article is split into sentences with interned words and weighted
//!    content terms;
//! 2. `candidates`: an inverted term index seeds the sentence pairs worth comparing;
//! 3. `score` and `pairs`: each candidate gets a similarity from weighted content overlap
//!    and shared word runs, and the support of a neighbouring sentence that completes it;
//! 4. `rows`: pairs form rows best first, one cell per article — strong pairs on their own,
//!    weaker ones when they stand out, are completed by a neighbour or follow aligned
//!    neighbours — and adjacent sentences join into one cell where another source says in
//!    one sentence what this one says in two;
//! 5. `order`: rows follow the reference article's reading order, and every cell gets its
//!    relation and similarity to the row's reference cell.

mod candidates;
pub mod embedding;
mod order;
mod pairs;
mod rows;
mod score;
mod semantic;
mod units;
mod wordpiece;

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::model::Relation;

use embedding::Table;
use rows::{CellRange, Params, RowCells};
use score::Joined;
use semantic::Vectors;
use units::Units;

/// Settings for alignment.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct AlignConfig {
    /// Article id to follow for reading order; default: the earliest, else the longest.
    pub reference: Option<String>,
    /// Least similarity (0..1) for two passages of different sources to share a row on their
    /// own; weaker pairs (down to 60 % of it) need more evidence. Lower finds looser
    /// paraphrases and makes more wrong pairs.
    pub threshold: f32,
    /// Most adjacent sentences one cell may hold.
    pub max_cell_sentences: usize,
    /// Use the semantic signal (a static embedding table distilled from all-MiniLM-L6-v2,
    /// built in) besides word overlap, so that passages saying the same in other words
    /// align. Off: word overlap alone, as before.
    pub semantic: bool,
}

impl Default for AlignConfig {
    fn default() -> Self {
        Self {
            reference: None,
            threshold: 0.3,
            max_cell_sentences: 3,
            semantic: true,
        }
    }
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

    let usable: Vec<bool> = units.units.iter().map(|u| !u.words.is_empty()).collect();
    let t = cfg.threshold.clamp(0.0, 1.0);
    let vectors = sentence_vectors(articles, &units, cfg);
    // The semantic acceptance levels follow the threshold: at the default they are the
    // measured ones (see `semantic`).
    let shift = t / AlignConfig::default().threshold;
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
        accept: if vectors.is_some() {
            semantic::ACCEPT * shift
        } else {
            0.0
        },
        mutual: semantic::MUTUAL * shift,
    };
    let levels = pairs::Levels {
        strong: params.threshold,
        part: params.part,
        accept: params.accept,
        anchor: params.anchor,
    };
    let sims = pairs::score_pairs(&units, vectors.as_ref(), levels);
    let mut rows = rows::form_rows(&units, &sims, &usable, &params);
    order::order_rows(&units, &mut rows, reference, &rank);
    let rows = rows
        .iter()
        .map(|row| finish_row(&units, vectors.as_ref(), row, &rank))
        .collect();
    Alignment { reference, rows }
}

/// The sentence vectors of a story's units, when the semantic signal is on.
fn sentence_vectors(articles: &[&Article], units: &Units, cfg: &AlignConfig) -> Option<Vectors> {
    if !cfg.semantic {
        return None;
    }
    let table = Table::builtin()?;
    let texts = units
        .units
        .iter()
        .map(|u| articles[u.article].body.get(u.start..u.end).unwrap_or(""));
    Some(Vectors::build(table, texts))
}

/// The best calibrated semantic similarity between any sentence of one cell and any of the
/// other (0 without vectors).
fn cell_semantic(vectors: Option<&Vectors>, a: &CellRange, b: &CellRange) -> f32 {
    let Some(v) = vectors else { return 0.0 };
    let mut best = 0.0f32;
    for x in a.first..=a.last {
        for y in b.first..=b.last {
            best = best.max(semantic::calibrate(v.best_cosine(x, y)));
        }
    }
    best
}

/// The scores of sentence pairs of different articles, for calibration and evaluation tools
/// (`examples/align_eval.rs`): every pair the aligner would consider, with its signals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairScore {
    /// The two articles (indices into the given slice).
    pub articles: (usize, usize),
    /// Byte ranges of the two sentences in their bodies.
    pub spans: ((usize, usize), (usize, usize)),
    /// Lexical similarity (content overlap or copied runs), 0..1.
    pub lexical: f32,
    /// Best raw cosine of the two sentences' vectors (whole or windows), -1..1.
    pub semantic_cosine: f32,
    /// The blend of content cosine and calibrated semantic similarity that acceptance uses.
    pub blend: f32,
}

/// Every pair of sentences from different articles with its lexical, semantic and blended
/// scores (quadratic: for tools, not for the reader). Semantic figures are 0 when
/// `cfg.semantic` is off.
pub fn pair_scores(articles: &[&Article], cfg: &AlignConfig) -> Vec<PairScore> {
    let units = Units::build(articles);
    let vectors = sentence_vectors(articles, &units, cfg);
    let mut out = Vec::new();
    for (a, ua) in units.units.iter().enumerate() {
        for (b, ub) in units.units.iter().enumerate().skip(a + 1) {
            if ua.article == ub.article {
                continue;
            }
            let s = score::score(&units, ua.passage(), ub.passage());
            let cosine = vectors.as_ref().map_or(0.0, |v| v.best_cosine(a, b));
            let blend = if vectors.is_some() {
                pairs::blend(s.cosine, semantic::calibrate(cosine))
            } else {
                0.0
            };
            out.push(PairScore {
                articles: (ua.article, ub.article),
                spans: ((ua.start, ua.end), (ub.start, ub.end)),
                lexical: s.sim,
                semantic_cosine: cosine,
                blend,
            });
        }
    }
    out
}

/// Byte range, relation and similarity of each cell against the row's reference cell.
fn finish_row(
    units: &Units,
    vectors: Option<&Vectors>,
    row: &RowCells,
    rank: &[usize],
) -> AlignedRow {
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
                    // A cell may be in the row through another cell; its plain overlap with
                    // the reference (or the blend with its meaning) still says how close the
                    // two are. Copied text shows as verbatim or close; a cell taken on its
                    // meaning is a paraphrase.
                    let sem = ref_cell.map_or(0.0, |r| cell_semantic(vectors, &r, c));
                    let blended = if vectors.is_some() {
                        pairs::blend(s.cosine, sem)
                    } else {
                        0.0
                    };
                    (rel, s.sim.max(s.cosine).max(blended).clamp(0.0, 1.0))
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::path::Path;

    fn article(id: &str, date: Option<&str>, body: &str) -> Article {
        let mut a = Article::new(Path::new(&format!("{id}.txt")), body.to_string());
        a.date = date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        a
    }

    /// The cells of each row as `(article, text)`.
    fn rows_of<'a>(arts: &'a [Article], al: &Alignment) -> Vec<Vec<(usize, &'a str)>> {
        al.rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| (c.article, &arts[c.article].body[c.start..c.end]))
                    .collect()
            })
            .collect()
    }

    fn row_with<'a, 'b>(
        rows: &'b [Vec<(usize, &'a str)>],
        needle: &str,
    ) -> &'b Vec<(usize, &'a str)> {
        rows.iter()
            .find(|r| r.iter().any(|(_, t)| t.contains(needle)))
            .unwrap_or_else(|| panic!("no row with {needle:?}"))
    }

    // Sentences from the seed story (CNBC, Cryptopolitan, the translated Chinese report).
    const CNBC: &str = "\
Kremlin Press Secretary Dmitry Peskov told CNBC on Monday that the process of restoring ties had begun.
\u{201C}The previous Washington administration messed things up badly. There\u{2019}s a lot of work to be done,\u{201D} he added in Google-translated emailed comments.
\u{201C}Much damage was done in the past four years and much was destroyed. It\u{2019}s impossible to rebuild it all in an instant. We have a lot to do,\u{201D} Peskov said, in comments reported by state news agency Tass.
Russian foreign ministry officials on Monday announced that a second round of Russia-U.S. talks will take place before the end of this week, possibly also in Saudi Arabia.
It\u{2019}s not unsurprising that the Kremlin might want to tread carefully when it comes to restoring ties with Washington.";

    const CRYPTO: &str = "\
Russian Foreign Minister Sergey Lavrov later confirmed that a second round of US-Russia talks would happen before the week\u{2019}s end, possibly in Saudi Arabia.
\u{201C}Much damage was done in the past four years and much was destroyed. It\u{2019}s impossible to rebuild it all in an instant,\u{201D} he told state-run Tass news agency.
\u{201C}The previous Washington administration messed things up badly. There\u{2019}s a lot of work to be done,\u{201D} Peskov told CNBC.
Moscow has repeatedly downplayed the impact of Western sanctions, insisting that its economy has adapted by strengthening trade ties with China, India, and the Middle East.
David Roche, strategist at Quantum Strategy, sees this shift as a major win for autocratic leaders like Putin and China\u{2019}s Xi Jinping.";

    const CHINESE: &str = "\
He emphasized that the previous U.S. administration caused the severe deterioration of relations between the two countries, and therefore, much work remains to be done.
Additionally, Russian Deputy Foreign Minister Sergey Ryabkov revealed that the second round of U.S.-Russia talks will be held this weekend, possibly in Saudi Arabia.
Meanwhile, preparations for a meeting between the Russian and American presidents have also begun.
Roche, a strategist at Quantum Strategy, said the shift is a big win for autocrats such as Putin and Xi Jinping.";

    fn seed_three() -> Vec<Article> {
        vec![
            article("cnbc", Some("2025-02-25"), CNBC),
            article("crypto", Some("2025-02-25"), CRYPTO),
            article("chinese", None, CHINESE),
        ]
    }

    fn run(arts: &[Article]) -> Alignment {
        let refs: Vec<&Article> = arts.iter().collect();
        align(&refs, &AlignConfig::default())
    }

    #[test]
    fn reordered_sources_pair_their_corresponding_sentences() {
        let arts = seed_three();
        let al = run(&arts);
        let rows = rows_of(&arts, &al);
        // Cryptopolitan tells the talks first and the quotes later: order does not matter.
        let talks = row_with(&rows, "second round of US-Russia talks");
        assert_eq!(talks.len(), 3, "{talks:?}");
        let damage = row_with(&rows, "much was destroyed");
        assert_eq!(damage.iter().map(|(a, _)| *a).collect::<Vec<_>>(), [0, 1]);
    }

    #[test]
    fn rows_follow_the_earliest_longest_reference() {
        let arts = seed_three();
        let al = run(&arts);
        // CNBC and Cryptopolitan share the earliest date; CNBC is longer.
        assert_eq!(al.reference, 0);
        let positions: Vec<usize> = al
            .rows
            .iter()
            .filter_map(|r| r.cells.iter().find(|c| c.article == 0).map(|c| c.start))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
        for r in &al.rows {
            let expect = if r.cells.iter().any(|c| c.article == 0) {
                0
            } else {
                r.reference
            };
            assert_eq!(r.reference, expect);
        }
    }

    #[test]
    fn a_fact_the_reference_lacks_gets_its_own_row_of_the_others() {
        let arts = seed_three();
        let al = run(&arts);
        let rows = rows_of(&arts, &al);
        let roche = row_with(&rows, "Roche, strategist");
        assert_eq!(roche.len(), 2, "{roche:?}");
        assert!(roche.iter().all(|(a, _)| *a != 0));
        let row = al
            .rows
            .iter()
            .find(|r| r.cells.len() == 2 && r.cells.iter().all(|c| c.article != 0))
            .unwrap();
        assert_eq!(row.reference, 1);
    }

    #[test]
    fn passages_without_counterpart_stay_alone() {
        let arts = seed_three();
        let al = run(&arts);
        let rows = rows_of(&arts, &al);
        for unique in [
            "not unsurprising",
            "downplayed the impact",
            "preparations for a meeting",
        ] {
            let row = row_with(&rows, unique);
            assert_eq!(row.len(), 1, "{row:?}");
            let cell = al.rows.iter().find(|r| {
                r.cells.len() == 1
                    && arts[r.cells[0].article].body[r.cells[0].start..r.cells[0].end]
                        .contains(unique)
            });
            assert_eq!(cell.unwrap().cells[0].relation, Relation::Unique);
        }
    }

    #[test]
    fn relations_say_how_a_cell_was_taken() {
        let arts = seed_three();
        let al = run(&arts);
        let relation_of = |needle: &str, article: usize| {
            al.rows
                .iter()
                .flat_map(|r| &r.cells)
                .find(|c| {
                    c.article == article && arts[article].body[c.start..c.end].contains(needle)
                })
                .map(|c| (c.relation, c.similarity))
                .unwrap()
        };
        assert_eq!(
            relation_of("second round of Russia-U.S.", 0).0,
            Relation::Reference
        );
        let (rel, sim) = relation_of("he told state-run Tass", 1);
        assert_eq!(rel, Relation::Verbatim, "{sim}");
        let (rel, sim) = relation_of("Ryabkov", 2);
        assert_eq!(rel, Relation::Paraphrase);
        assert!(sim > 0.0 && sim < 0.8, "{sim}");
    }

    #[test]
    fn every_sentence_is_in_exactly_one_row() {
        let arts = seed_three();
        let al = run(&arts);
        for (i, a) in arts.iter().enumerate() {
            let mut spans: Vec<(usize, usize)> = al
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .filter(|c| c.article == i)
                .map(|c| (c.start, c.end))
                .collect();
            spans.sort();
            assert!(spans.windows(2).all(|w| w[0].1 < w[1].0));
            let covered: usize = spans.iter().map(|(s, e)| a.body[*s..*e].len()).sum();
            let sentences: usize = crate::text::sentences(&a.body)
                .iter()
                .map(|r| r.len())
                .sum();
            assert!(covered >= sentences, "{covered} < {sentences}");
        }
    }

    #[test]
    fn the_example_config_documents_the_defaults() {
        let text = include_str!("../../config.example.toml");
        let cfg = crate::config::Config::parse(text).unwrap();
        assert_eq!(cfg.align, AlignConfig::default());
    }

    #[test]
    fn no_articles_and_one_article_are_fine() {
        assert!(align(&[], &AlignConfig::default()).rows.is_empty());
        let a = article(
            "solo",
            None,
            "One sentence here. Another one there.\n\nA heading",
        );
        let al = align(&[&a], &AlignConfig::default());
        assert_eq!(al.rows.len(), 3);
        assert!(
            al.rows
                .iter()
                .all(|r| r.cells[0].relation == Relation::Unique)
        );
    }
}
