//! Per-row and per-article analysis that turns an alignment into the [`Comparison`] model:
//! word differences, quotes, discrepancies, framing marks and the per-outlet summary.
//!
//! Pure: no I/O; lexicons arrive already parsed (user lexicon files are read at the boundary,
//! by [`crate::config::read_lexicon_files`], when the config is loaded).
//!
//! The pieces, in the order [`build`] runs them:
//! - [`doc`]: an article's words, quotations and quote-aware sentences;
//! - [`names`] and [`attribution`]: people and organisations, reporting verbs and speakers;
//! - [`quotes`]: quotations linked across outlets, with their fidelity;
//! - [`framing`]: framing marks, from the lists in [`lexicon`], loaded words judged by the
//!   learned [`mark_scorer`];
//! - [`diff`]: word differences between the passages of a row;
//! - [`discrepancy`]: facts that differ inside a row;
//! - [`summary`]: the per-outlet summary.

pub mod attribution;
pub mod diff;
pub mod discrepancy;
pub mod doc;
pub mod framing;
pub mod lexicon;
pub mod mark_scorer;
pub mod names;
pub mod quotes;
pub mod summary;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::align::Alignment;
use crate::corpus::Article;
use crate::group::Story;
use crate::model::{ArticleEntry, Cell, Comparison, Mark, Row, StoryRef, VERSION, WordDiff};
use attribution::Attribution;
use diff::Passage;
use doc::Doc;
use framing::Framing;
use lexicon::{Lexicon, UserEntry};
use names::People;
use quotes::Found;

/// The grade from which loaded words, hedges and boosters are marked by default (chosen on the
/// training split of the Wiki Neutrality sample; see README, "Differences and framing").
pub const DEFAULT_MIN_GRADE: u8 = 1;

/// Settings for comparison: the user's additions to the framing lexicons, and how many cells a
/// row may have for every cell to be diffed against every other.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct CompareConfig {
    /// Rows with at most this many cells get a word diff of every cell against every other
    /// (so the reader can take any column as the reference); bigger rows are diffed against
    /// their reference cell only, which keeps the work and the export linear in the cells.
    pub pairwise_diff_max_cells: usize,
    /// Extra words and phrases to mark, each with a kind, a grade and a note.
    pub words: Vec<UserEntry>,
    /// Files of extra entries, one per line: `phrase<TAB>kind[<TAB>grade[<TAB>note]]`. Relative
    /// paths are taken from the config file's folder; `~/` is the home folder.
    pub lexicon_files: Vec<PathBuf>,
    /// Words and phrases never to mark (built-in entries included), e.g. `["regime"]`.
    pub ignore: Vec<String>,
    /// Loaded words, hedges and boosters graded below this (0–3) are not marked. Grade 0 is
    /// standard news practice ("reportedly", "allegedly", "likely to"), 1 wording that is often
    /// but not always the writer's evaluation ("famous", "massive", "perhaps", "very"), 2 and 3
    /// wording that nearly always is ("renowned", "fuming", "baseless"). The default, 1, marks
    /// what a careful reader would question; 2 marks only the clearest cases, 0 everything.
    /// Labels, reporting verbs and quotations are always marked, and so are your own entries.
    #[serde(deserialize_with = "grade")]
    pub min_grade: u8,
    /// Entries read from `lexicon_files` (filled by the config loader,
    /// [`crate::config::read_lexicon_files`]).
    #[serde(skip)]
    pub file_words: Vec<UserEntry>,
}

impl Default for CompareConfig {
    fn default() -> Self {
        Self {
            pairwise_diff_max_cells: 24,
            min_grade: DEFAULT_MIN_GRADE,
            words: Vec::new(),
            lexicon_files: Vec::new(),
            ignore: Vec::new(),
            file_words: Vec::new(),
        }
    }
}

impl CompareConfig {
    /// The lexicon to mark with: the built-in lists plus the user's entries.
    pub fn lexicon(&self) -> Cow<'static, Lexicon> {
        if self.file_words.is_empty() && self.words.is_empty() && self.ignore.is_empty() {
            return Cow::Borrowed(Lexicon::builtin());
        }
        let mut entries = self.file_words.clone();
        entries.extend(self.words.iter().cloned());
        Cow::Owned(Lexicon::with_user(&entries, &self.ignore))
    }
}

/// A grade from the config: 0 to 3, anything else is an error naming the value.
fn grade<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<u8, D::Error> {
    let g = u8::deserialize(d)?;
    if g > 3 {
        return Err(serde::de::Error::custom(format!(
            "min_grade must be 0, 1, 2 or 3, not {g}"
        )));
    }
    Ok(g)
}

/// Everything the article-level analysis finds in one body.
struct ArticleAnalysis<'a, 'l> {
    doc: Doc<'a>,
    people: People,
    atts: Vec<Attribution>,
    found: Vec<Found>,
    framing: Framing<'l>,
}

fn analyse<'a, 'l>(body: &'a str, lex: &'l Lexicon, min_grade: u8) -> ArticleAnalysis<'a, 'l> {
    analyse_doc(Doc::new(body), lex, min_grade, &framing::Topic::default())
}

/// The analysis of one article of a story whose topic words are `topic`.
fn analyse_doc<'a, 'l>(
    doc: Doc<'a>,
    lex: &'l Lexicon,
    min_grade: u8,
    topic: &framing::Topic,
) -> ArticleAnalysis<'a, 'l> {
    let people = People::of(&doc);
    let atts = attribution::attributions(&doc, &people, lex);
    let found = quotes::find(&doc, &atts, &people);
    let framing = framing::analyse(&doc, lex, &atts, &found, min_grade, topic);
    ArticleAnalysis {
        doc,
        people,
        atts,
        found,
        framing,
    }
}

/// The framing marks of one text, as [`build`] finds them in an article body with the default
/// settings.
pub fn marks(text: &str, lex: &Lexicon) -> Vec<Mark> {
    marks_from(text, lex, DEFAULT_MIN_GRADE)
}

/// The framing marks of one text, loaded words, hedges and boosters from `min_grade` up.
pub fn marks_from(text: &str, lex: &Lexicon, min_grade: u8) -> Vec<Mark> {
    analyse(text, lex, min_grade).framing.marks
}

/// Build the comparison model of one story from its alignment.
pub fn build(
    story: &Story,
    articles: &[&Article],
    alignment: &Alignment,
    cfg: &CompareConfig,
) -> Comparison {
    let lex = cfg.lexicon();
    let docs: Vec<Doc> = articles.iter().map(|a| Doc::new(&a.body)).collect();
    let topic = framing::Topic::of(&docs.iter().collect::<Vec<_>>());
    let analyses: Vec<ArticleAnalysis> = docs
        .into_iter()
        .map(|d| analyse_doc(d, &lex, cfg.min_grade, &topic))
        .collect();
    let entries: Vec<ArticleEntry> = articles
        .iter()
        .zip(&analyses)
        .map(|(a, an)| ArticleEntry {
            id: a.id.clone(),
            path: a.path.clone(),
            source: a.source.clone(),
            title: a.title.clone(),
            date: a.date_iso(),
            url: a.url.clone(),
            words: an.doc.toks.len(),
            body: a.body.clone(),
            marks: an.framing.marks.clone(),
        })
        .collect();
    let rows: Vec<Row> = alignment
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let cells: Vec<&crate::align::AlignedCell> = r
                .cells
                .iter()
                .filter(|c| {
                    c.article < articles.len()
                        && c.start <= c.end
                        && articles[c.article].body.get(c.start..c.end).is_some()
                })
                .collect();
            build_row(
                i + 1,
                articles,
                &analyses,
                r.reference,
                &cells,
                cfg.pairwise_diff_max_cells,
            )
        })
        .collect();
    let rows = dedupe_context_discrepancies(rows);
    let aq: Vec<quotes::ArticleQuotes> = articles
        .iter()
        .zip(&analyses)
        .map(|(a, an)| quotes::ArticleQuotes {
            id: &a.id,
            doc: &an.doc,
            found: &an.found,
            atts: &an.atts,
        })
        .collect();
    let quote_groups = quotes::group(&aq);
    let outlets: Vec<summary::Outlet> = articles
        .iter()
        .zip(&analyses)
        .map(|(a, an)| summary::Outlet {
            id: &a.id,
            atts: &an.atts,
            marks: &an.framing.marks,
        })
        .collect();
    let summary = summary::summarise(&outlets, &rows, &quote_groups);
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
        quotes: quote_groups,
        summary,
    }
}

/// Speakers and labels are read from a quotation's whole sentence, so rows cut from one
/// quotation can find the same difference; it is kept in the first of them only.
fn dedupe_context_discrepancies(mut rows: Vec<Row>) -> Vec<Row> {
    use crate::model::DiscrepancyKind;
    /// A discrepancy's kind and the places of its values.
    type Found = (DiscrepancyKind, Vec<(String, usize, usize)>);
    let mut seen: std::collections::HashSet<Found> = std::collections::HashSet::new();
    for row in &mut rows {
        row.discrepancies.retain(|d| {
            if !matches!(d.kind, DiscrepancyKind::Speaker | DiscrepancyKind::Label) {
                return true;
            }
            let key = d
                .values
                .iter()
                .map(|v| (v.article.clone(), v.start, v.end))
                .collect();
            seen.insert((d.kind, key))
        });
    }
    rows
}

/// One row: its cells with their word differences against every other cell, and its
/// discrepancies.
fn build_row(
    id: usize,
    articles: &[&Article],
    analyses: &[ArticleAnalysis],
    reference: usize,
    cells: &[&crate::align::AlignedCell],
    pairwise_max: usize,
) -> Row {
    let passages: Vec<Passage> = cells
        .iter()
        .map(|c| Passage::new(&articles[c.article].body, c.start..c.end))
        .collect();
    // One diff per pair of cells, read from both sides; in a very big row, only the pairs with
    // the reference cell.
    let ref_cell = cells
        .iter()
        .position(|c| c.article == reference)
        .unwrap_or(0);
    let all_pairs = cells.len() <= pairwise_max.max(2);
    let mut scripts: HashMap<(usize, usize), Vec<diff::Op>> = HashMap::new();
    for i in 0..cells.len() {
        for j in i + 1..cells.len() {
            if all_pairs || i == ref_cell || j == ref_cell {
                scripts.insert((i, j), diff::ops(&passages[i].keys, &passages[j].keys));
            }
        }
    }
    let out_cells: Vec<Cell> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let diffs = (0..cells.len())
                .filter(|&j| j != i && scripts.contains_key(&(i.min(j), i.max(j))))
                .map(|j| {
                    // Script from the other cell (a) to this one (b).
                    let script = if j < i {
                        scripts[&(j, i)].clone()
                    } else {
                        diff::flip(&scripts[&(i, j)])
                    };
                    WordDiff {
                        against: articles[cells[j].article].id.clone(),
                        spans: diff::spans(&passages[i], &passages[j], &script),
                    }
                })
                .collect();
            Cell {
                article: articles[c.article].id.clone(),
                text: articles[c.article].body[c.start..c.end].to_string(),
                start: c.start,
                end: c.end,
                relation: c.relation,
                similarity: c.similarity,
                diffs,
            }
        })
        .collect();
    let views: Vec<discrepancy::CellView> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let an = &analyses[c.article];
            discrepancy::CellView {
                article: &articles[c.article].id,
                doc: &an.doc,
                people: &an.people,
                atts: &an.atts,
                hits: &an.framing.hits,
                passage: &passages[i],
                context: an.doc.attribution_context(passages[i].range.clone()),
            }
        })
        .collect();
    Row {
        id,
        reference: articles
            .get(reference)
            .map(|a| a.id.clone())
            .unwrap_or_default(),
        cells: out_cells,
        discrepancies: discrepancy::find(&views, &scripts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_row(n: usize, max: usize) -> Row {
        let bodies: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    "The council adopted the resolution with {} votes on Monday.",
                    10 + i
                )
            })
            .collect();
        let articles: Vec<Article> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| Article::new(std::path::Path::new(&format!("a{i}.txt")), b.clone()))
            .collect();
        let refs: Vec<&Article> = articles.iter().collect();
        let analyses: Vec<ArticleAnalysis> = refs
            .iter()
            .map(|a| analyse(&a.body, Lexicon::builtin(), DEFAULT_MIN_GRADE))
            .collect();
        let cells: Vec<crate::align::AlignedCell> = (0..n)
            .map(|i| crate::align::AlignedCell {
                article: i,
                start: 0,
                end: bodies[i].len(),
                relation: crate::model::Relation::Close,
                similarity: 0.9,
            })
            .collect();
        let cell_refs: Vec<&crate::align::AlignedCell> = cells.iter().collect();
        build_row(1, &refs, &analyses, 1, &cell_refs, max)
    }

    #[test]
    fn small_rows_diff_every_pair_and_big_rows_against_the_reference() {
        let row = one_row(4, 24);
        assert!(row.cells.iter().all(|c| c.diffs.len() == 3));
        let d = &row.cells[0].diffs[0];
        assert_eq!(d.against, "a1");
        assert!(
            d.spans
                .iter()
                .any(|s| s.op == crate::model::DiffOp::Changed && s.text == "10")
        );
        assert!(
            row.discrepancies
                .iter()
                .any(|d| d.kind == crate::model::DiscrepancyKind::Number)
        );
        let row = one_row(5, 3);
        assert_eq!(
            row.cells[1].diffs.len(),
            4,
            "the reference cell has every diff"
        );
        for (i, c) in row.cells.iter().enumerate().filter(|(i, _)| *i != 1) {
            assert_eq!(c.diffs.len(), 1, "cell {i}");
            assert_eq!(c.diffs[0].against, "a1");
        }
    }

    #[test]
    fn min_grade_takes_0_to_3() {
        let cfg: CompareConfig = toml::from_str("min_grade = 2").unwrap();
        assert_eq!(cfg.min_grade, 2);
        let err = toml::from_str::<CompareConfig>("min_grade = 7").unwrap_err();
        assert!(err.to_string().contains("0, 1, 2 or 3"), "{err}");
        assert_eq!(CompareConfig::default().min_grade, DEFAULT_MIN_GRADE);
    }

    #[test]
    fn lexicon_files_are_read_relative_to_the_config() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("mine.tsv"),
            "mood music\tloaded\t1\tcliché\n",
        )
        .unwrap();
        let mut cfg: CompareConfig = toml::from_str(
            "lexicon_files = [\"mine.tsv\"]\nignore = [\"regime\"]\n[[words]]\nphrase = \"bombshell\"\nkind = \"loaded\"\ngrade = 3\n",
        )
        .unwrap();
        cfg.file_words =
            crate::config::read_lexicon_files(&cfg.lexicon_files, Some(dir.path())).unwrap();
        assert_eq!(cfg.file_words.len(), 1);
        let m = marks(
            "A bombshell changed the mood music, the regime said.",
            &cfg.lexicon(),
        );
        let texts: Vec<&str> = m
            .iter()
            .filter(|m| m.kind == crate::model::MarkKind::Loaded)
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(texts, ["bombshell", "mood music"]);
        assert!(!m.iter().any(|m| m.text == "regime"));
    }
}
