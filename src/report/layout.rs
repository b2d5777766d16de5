//! What the Markdown and HTML reports show inside one cell: its text cut into pieces, each
//! with what the model says about it (word difference against the row's reference cell,
//! framing marks, facts that differ), plus the reference's words this cell lacks at the point
//! where they are missing.
//!
//! This only reads the model: the differences, marks and facts were all found by `compare`.

use std::collections::BTreeSet;

use crate::model::{
    ArticleEntry, Cell, Comparison, DiffOp, DiffSpan, DiscrepancyKind, Fidelity, Mark, MarkKind,
    QuoteMember, Relation, Row,
};

/// A piece of a cell as a report shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'a> {
    /// Words of this cell.
    Text {
        /// The words, a slice of the cell's text.
        text: &'a str,
        /// What the word difference against the row's reference says of them (`Equal` for
        /// the reference cell itself and where no difference is known).
        op: DiffOp,
        /// Framing marks covering these words.
        marks: Vec<&'a Mark>,
        /// Kinds of facts here that differ from other cells of the row.
        facts: Vec<DiscrepancyKind>,
    },
    /// Words of the reference cell that this cell lacks here.
    Gone {
        /// The reference's words.
        text: &'a str,
        /// True when this cell has other words in their place (a change), false when it has
        /// nothing (they were dropped).
        replaced: bool,
    },
}

/// The word difference of `cell` against the row's reference cell, if `compare` gave one.
pub fn diff_against_reference<'a>(row: &Row, cell: &'a Cell) -> Option<&'a [DiffSpan]> {
    if cell.article == row.reference {
        return None;
    }
    cell.diffs
        .iter()
        .find(|d| d.against == row.reference)
        .map(|d| d.spans.as_slice())
}

/// Cut a cell into pieces for display. Offsets in the model are byte offsets into the article
/// body; anything that falls outside the cell or inside a character is clipped or ignored, so
/// a report never fails on a slightly inconsistent model.
pub fn pieces<'a>(article: &'a ArticleEntry, row: &'a Row, cell: &'a Cell) -> Vec<Piece<'a>> {
    let text = cell.text.as_str();
    let len = text.len();
    // Byte range of the model relative to this cell, when it overlaps the cell at all.
    let local = |start: usize, end: usize| -> Option<(usize, usize)> {
        let s = start.max(cell.start).saturating_sub(cell.start).min(len);
        let e = end.min(cell.end).saturating_sub(cell.start).min(len);
        (start < cell.end && end > cell.start && s < e).then_some((s, e))
    };

    let spans = diff_against_reference(row, cell).unwrap_or(&[]);
    let marks: Vec<(usize, usize, &Mark)> = article
        .marks
        .iter()
        .filter_map(|m| local(m.start, m.end).map(|(s, e)| (s, e, m)))
        .collect();
    let facts: Vec<(usize, usize, DiscrepancyKind)> = row
        .discrepancies
        .iter()
        .flat_map(|d| d.values.iter().map(move |v| (d.kind, v)))
        .filter(|(_, v)| v.article == cell.article)
        .filter_map(|(k, v)| local(v.start, v.end).map(|(s, e)| (s, e, k)))
        .collect();
    let ops: Vec<(usize, usize, DiffOp)> = spans
        .iter()
        .filter(|s| s.op != DiffOp::Dropped)
        .filter_map(|s| local(s.start, s.end).map(|(a, b)| (a, b, s.op)))
        .collect();

    // Reference words to show where they are missing: dropped spans at their point of loss,
    // the old words of a change just before the new ones.
    let mut gone: Vec<(usize, &str, bool)> = spans
        .iter()
        .filter_map(|s| match s.op {
            DiffOp::Dropped => Some((s.start, s.text.as_str(), false)),
            DiffOp::Changed => s.old.as_deref().map(|old| (s.start, old, true)),
            _ => None,
        })
        .filter(|(_, t, _)| !t.trim().is_empty())
        .map(|(at, t, r)| (at.clamp(cell.start, cell.end) - cell.start, t, r))
        .collect();
    gone.sort_by_key(|g| g.0);

    let mut cuts: BTreeSet<usize> = BTreeSet::from([0, len]);
    for &(s, e, _) in &ops {
        cuts.extend([s, e]);
    }
    for &(s, e, _) in &marks {
        cuts.extend([s, e]);
    }
    for &(s, e, _) in &facts {
        cuts.extend([s, e]);
    }
    cuts.extend(gone.iter().map(|g| g.0));
    cuts.retain(|&c| text.is_char_boundary(c));
    let cuts: Vec<usize> = cuts.into_iter().collect();

    let mut out = Vec::new();
    let mut next_gone = gone.iter().peekable();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while let Some(&&(_, t, replaced)) = next_gone.peek().filter(|g| g.0 <= a) {
            out.push(Piece::Gone { text: t, replaced });
            next_gone.next();
        }
        let op = ops
            .iter()
            .find(|&&(s, e, _)| s <= a && b <= e)
            .map_or(DiffOp::Equal, |o| o.2);
        let here_marks = marks
            .iter()
            .filter(|&&(s, e, _)| s < b && a < e)
            .map(|m| m.2)
            .collect();
        let mut here_facts: Vec<DiscrepancyKind> = facts
            .iter()
            .filter(|&&(s, e, _)| s < b && a < e)
            .map(|f| f.2)
            .collect();
        here_facts.dedup();
        out.push(Piece::Text {
            text: &text[a..b],
            op,
            marks: here_marks,
            facts: here_facts,
        });
    }
    for &(_, t, replaced) in next_gone {
        out.push(Piece::Gone { text: t, replaced });
    }
    out
}

/// Whether a report should put a space before and after a [`Piece::Gone`] at index `i`, so the
/// inserted words stand apart from their neighbours without doubling existing spaces.
pub fn gone_spacing(pieces: &[Piece<'_>], i: usize) -> (bool, bool) {
    let before = pieces[..i].iter().rev().find_map(|p| match p {
        Piece::Text { text, .. } if !text.is_empty() => text.chars().last(),
        _ => None,
    });
    let after = pieces[i + 1..].iter().find_map(|p| match p {
        Piece::Text { text, .. } if !text.is_empty() => text.chars().next(),
        Piece::Gone { .. } => Some(' '),
        _ => None,
    });
    let space_before = before.is_some_and(|c| !c.is_whitespace() && !is_opening_punct(c));
    let space_after = after.is_some_and(|c| !c.is_whitespace() && !is_closing_punct(c));
    (space_before, space_after)
}

fn is_opening_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '\u{201C}' | '\u{2018}')
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\u{201D}' | '\u{2019}'
    )
}

/// "1 source", "3 sources": a count with the noun that fits it.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// The story's title in full. Grouping cuts long headlines to a hundred characters (ending
/// them with `...`) for lists and the reader's title bar; a report's heading has room for the
/// whole headline, which is the title of one of the story's articles (or its first line).
pub fn full_title(c: &Comparison) -> String {
    let title = c.story.title.trim();
    let Some(cut) = title
        .strip_suffix("...")
        .or_else(|| title.strip_suffix('\u{2026}'))
    else {
        return title.to_string();
    };
    let prefix = one_line(cut);
    let candidates = c.articles.iter().flat_map(|a| {
        let first = a.body.lines().map(str::trim).find(|l| !l.is_empty());
        a.title.as_deref().into_iter().chain(first)
    });
    candidates
        .map(one_line)
        .find(|t| t.len() > prefix.len() && t.starts_with(&prefix))
        .unwrap_or_else(|| title.to_string())
}

/// Text on one line: runs of white space (line breaks included) become one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Below this share of words in common with the row's reference (counting the words of both
/// passages), most words differ and a word-by-word diff would be mostly struck and inserted
/// words: the passage is better read whole, beside the reference.
pub const WHOLE_BELOW: f32 = 0.5;

/// The share of words this cell has in common with the row's reference, from the word
/// difference `compare` found (twice the words in equal runs over the words of both
/// passages); `None` for the reference itself or when no difference is known.
pub fn shared_words(row: &Row, cell: &Cell) -> Option<f32> {
    let spans = diff_against_reference(row, cell)?;
    let words = |t: &str| crate::text::words(t).len();
    let (mut equal, mut this, mut reference) = (0, 0, 0);
    for s in spans {
        let n = words(&s.text);
        match s.op {
            DiffOp::Equal => {
                equal += n;
                this += n;
                reference += n;
            }
            DiffOp::Added => this += n,
            DiffOp::Dropped => reference += n,
            DiffOp::Changed => {
                this += n;
                reference += s.old.as_deref().map_or(0, words);
            }
        }
    }
    (this + reference > 0).then(|| 2.0 * equal as f32 / (this + reference) as f32)
}

/// Whether a report shows this cell whole, without word marks: most of its words differ from
/// the row's reference (a paraphrase), so an interleaved diff would be unreadable.
pub fn show_whole(row: &Row, cell: &Cell) -> bool {
    shared_words(row, cell).is_some_and(|s| s < WHOLE_BELOW)
}

/// Pieces of a cell shown whole: its text with its framing marks and facts, no word
/// difference.
pub fn whole_pieces<'a>(article: &'a ArticleEntry, row: &'a Row, cell: &'a Cell) -> Vec<Piece<'a>> {
    pieces(article, row, cell)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Text {
                text, marks, facts, ..
            } => Some(Piece::Text {
                text,
                op: DiffOp::Equal,
                marks,
                facts,
            }),
            Piece::Gone { .. } => None,
        })
        .collect()
}

/// The story's articles in column order for a side-by-side table: the story's reference
/// first (the column a reader compares the others with, kept in view), then the others as
/// the story lists them.
pub fn column_order(c: &Comparison) -> Vec<usize> {
    let reference = c.article_index(&c.reference);
    reference
        .into_iter()
        .chain((0..c.articles.len()).filter(|&i| Some(i) != reference))
        .collect()
}

/// How many of the story's articles have a cell in this row.
pub fn coverage(row: &Row) -> usize {
    row.cells.len()
}

/// The cell of an article in a row, if it has one.
pub fn cell_of<'a>(row: &'a Row, article: &str) -> Option<&'a Cell> {
    row.cells.iter().find(|c| c.article == article)
}

/// A short label for a cell's relation and similarity: "reference", "close · 72 %".
pub fn relation_label(cell: &Cell) -> String {
    match cell.relation {
        Relation::Reference | Relation::Unique => cell.relation.as_str().to_string(),
        r => format!(
            "{} · {}",
            r.as_str(),
            super::escape::percent(cell.similarity)
        ),
    }
}

/// The display name of the story's reference article, `—` when it has none.
pub fn reference_name(c: &Comparison) -> &str {
    c.article_index(&c.reference)
        .map_or("—", |i| c.display_name(i))
}

/// A display name for the article with this id (outlet, else title, else id).
pub fn name_of<'a>(c: &'a Comparison, article: &'a str) -> &'a str {
    c.article_index(article)
        .map_or(article, |i| c.display_name(i))
}

/// How many of the rows carry a cell of this article.
pub fn carried(c: &Comparison, article: &str) -> usize {
    c.rows
        .iter()
        .filter(|r| cell_of(r, article).is_some())
        .count()
}

/// An article's framing marks counted by kind, in kind order.
pub fn mark_counts(article: &ArticleEntry) -> Vec<(MarkKind, usize)> {
    let mut kinds: Vec<(MarkKind, usize)> = Vec::new();
    for m in &article.marks {
        match kinds.iter_mut().find(|(k, _)| *k == m.kind) {
            Some(e) => e.1 += 1,
            None => kinds.push((m.kind, 1)),
        }
    }
    kinds.sort();
    kinds
}

/// The name a model enum has in the JSON form ("fullest", "scare_quote"), so the reports
/// always say what the JSON says, for kinds added later too.
pub fn json_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::from("?"),
    }
}

/// Lower-case name of a fidelity.
pub fn fidelity_name(f: Fidelity) -> String {
    json_name(&f)
}

/// A fidelity with the share of the fullest version's words kept, when that says more:
/// "trimmed · 80 %", "fullest", "indirect".
pub fn fidelity_label(m: &QuoteMember) -> String {
    match m.fidelity {
        Fidelity::Trimmed | Fidelity::Reworded if m.similarity > 0.0 => {
            format!(
                "{} · {}",
                fidelity_name(m.fidelity),
                super::escape::percent(m.similarity)
            )
        }
        f => fidelity_name(f),
    }
}

/// A number with thousands separators ("1,448").
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Lower-case name of a fact kind.
pub fn fact_name(kind: DiscrepancyKind) -> String {
    json_name(&kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Discrepancy, DiscrepancyValue, WordDiff};

    fn entry(id: &str, body: &str, marks: Vec<Mark>) -> ArticleEntry {
        ArticleEntry {
            id: id.into(),
            path: format!("{id}.txt"),
            source: None,
            title: None,
            date: None,
            url: None,
            words: 0,
            body: body.into(),
            marks,
        }
    }

    fn span(op: DiffOp, text: &str, old: Option<&str>, start: usize, end: usize) -> DiffSpan {
        DiffSpan {
            op,
            text: text.into(),
            old: old.map(Into::into),
            start,
            end,
        }
    }

    /// "Peskov told CNBC the ties were badly damaged." against the reference
    /// "Peskov said the ties were damaged in recent years."
    fn sample() -> (ArticleEntry, Row) {
        let body = "Intro. Peskov told CNBC the ties were badly damaged.";
        let s = 7;
        let text = &body[s..];
        let at = |w: &str| s + text.find(w).unwrap();
        let spans = vec![
            span(DiffOp::Equal, "Peskov ", None, at("Peskov"), at("told")),
            span(
                DiffOp::Changed,
                "told CNBC",
                Some("said"),
                at("told"),
                at(" the"),
            ),
            span(
                DiffOp::Equal,
                " the ties were ",
                None,
                at(" the"),
                at("badly"),
            ),
            span(DiffOp::Added, "badly ", None, at("badly"), at("damaged")),
            span(DiffOp::Equal, "damaged", None, at("damaged"), at(".")),
            span(DiffOp::Dropped, "in recent years", None, at("."), at(".")),
            span(DiffOp::Equal, ".", None, at("."), body.len()),
        ];
        let marks = vec![Mark {
            kind: MarkKind::Attribution,
            start: at("told"),
            end: at("told") + 4,
            text: "told".into(),
            note: String::new(),
            grade: 0,
        }];
        let a = entry("b", body, marks);
        let row = Row {
            id: 1,
            reference: "a".into(),
            cells: vec![Cell {
                article: "b".into(),
                text: text.into(),
                start: s,
                end: body.len(),
                relation: Relation::Close,
                similarity: 0.6,
                diffs: vec![WordDiff {
                    against: "a".into(),
                    spans,
                }],
            }],
            discrepancies: vec![Discrepancy {
                kind: DiscrepancyKind::Organisation,
                values: vec![DiscrepancyValue {
                    article: "b".into(),
                    text: "CNBC".into(),
                    start: at("CNBC"),
                    end: at("CNBC") + 4,
                    resolved: None,
                }],
                note: String::new(),
                doubtful: false,
            }],
        };
        (a, row)
    }

    fn flat(p: &[Piece<'_>]) -> String {
        p.iter()
            .map(|p| match p {
                Piece::Text {
                    text,
                    op,
                    marks,
                    facts,
                } => format!(
                    "{text}{{{op:?}{}{}}}",
                    if marks.is_empty() { "" } else { "+mark" },
                    if facts.is_empty() { "" } else { "+fact" }
                ),
                Piece::Gone { text, replaced } => {
                    format!("<{text}{}>", if *replaced { "*" } else { "" })
                }
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn pieces_follow_diff_marks_and_facts() {
        let (a, row) = sample();
        let p = pieces(&a, &row, &row.cells[0]);
        assert_eq!(
            flat(&p),
            "Peskov {Equal}|<said*>|told{Changed+mark}| {Changed}|CNBC{Changed+fact}|\
             \x20the ties were {Equal}|badly {Added}|damaged{Equal}|<in recent years>|.{Equal}"
        );
        // The text pieces put back together are exactly the cell.
        let text: String = p
            .iter()
            .filter_map(|p| match p {
                Piece::Text { text, .. } => Some(*text),
                _ => None,
            })
            .collect();
        assert_eq!(text, row.cells[0].text);
    }

    #[test]
    fn reference_cell_has_no_diff() {
        let (a, mut row) = sample();
        row.reference = "b".into();
        let p = pieces(&a, &row, &row.cells[0]);
        assert!(p.iter().all(|p| matches!(
            p,
            Piece::Text {
                op: DiffOp::Equal,
                ..
            }
        )));
    }

    #[test]
    fn out_of_range_offsets_are_clipped_not_fatal() {
        let (mut a, mut row) = sample();
        a.marks[0].end = 10_000;
        row.cells[0].diffs[0].spans[1].start = 3; // before the cell
        row.cells[0].diffs[0].spans[5].start = 99_999;
        let p = pieces(&a, &row, &row.cells[0]);
        let text: String = p
            .iter()
            .filter_map(|p| match p {
                Piece::Text { text, .. } => Some(*text),
                _ => None,
            })
            .collect();
        assert_eq!(text, row.cells[0].text);
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1111), "1,111");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn gone_words_get_a_space_on_the_open_side() {
        let (a, row) = sample();
        let p = pieces(&a, &row, &row.cells[0]);
        // "<said*>" sits after "Peskov " and before "told": space after only.
        assert_eq!(gone_spacing(&p, 1), (false, true));
        // "<in recent years>" sits after "damaged" and before ".": space before only.
        let i = p
            .iter()
            .position(|p| {
                matches!(
                    p,
                    Piece::Gone {
                        replaced: false,
                        ..
                    }
                )
            })
            .unwrap();
        assert_eq!(gone_spacing(&p, i), (true, false));
    }
}
