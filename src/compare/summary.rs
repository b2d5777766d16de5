//! The per-outlet summary of a story: the quotations each outlet carries, the rows only it has,
//! the rows it leaves out that most others have, and how it words things.

use std::collections::HashMap;

use super::attribution::Attribution;
use crate::model::{Count, Fidelity, Mark, MarkKind, OutletSummary, QuoteGroup, Row};

/// What the summary needs to know about one article.
pub struct Outlet<'a> {
    /// Article id.
    pub id: &'a str,
    /// Its reporting verbs.
    pub atts: &'a [Attribution],
    /// Its framing marks.
    pub marks: &'a [Mark],
}

/// Summarise each outlet of a story.
pub fn summarise(outlets: &[Outlet], rows: &[Row], quotes: &[QuoteGroup]) -> Vec<OutletSummary> {
    let others = outlets.len().saturating_sub(1);
    outlets
        .iter()
        .map(|o| {
            let quote_ids = quotes
                .iter()
                .filter(|g| g.members.iter().any(|m| m.quote.article == o.id))
                .map(|g| g.id.clone())
                .collect();
            let has = |r: &Row| r.cells.iter().any(|c| c.article == o.id);
            let only_here = rows
                .iter()
                .filter(|r| r.cells.len() == 1 && has(r))
                .map(|r| r.id)
                .collect();
            // "Most others": more than half of the other articles have a passage here.
            let omits = rows
                .iter()
                .filter(|r| others > 0 && !has(r) && 2 * r.cells.len() > others)
                .map(|r| r.id)
                .collect();
            let reporting_verbs = counts(o.atts.iter().map(|a| a.lemma.clone()));
            let of_kind = |k: MarkKind| {
                counts(
                    o.marks
                        .iter()
                        .filter(|m| m.kind == k)
                        .map(|m| m.text.to_lowercase()),
                )
            };
            let speakers = counts(
                quotes
                    .iter()
                    .flat_map(|g| &g.members)
                    .filter(|m| m.quote.article == o.id && m.fidelity != Fidelity::Indirect)
                    .filter_map(|m| m.quote.speaker.clone()),
            );
            OutletSummary {
                article: o.id.to_string(),
                quotes: quote_ids,
                only_here,
                omits,
                reporting_verbs,
                loaded_words: of_kind(MarkKind::Loaded),
                speakers,
                labels: of_kind(MarkKind::Label),
                hedges: of_kind(MarkKind::Hedge),
            }
        })
        .collect()
}

/// Count words, most frequent first, then alphabetically.
fn counts(words: impl Iterator<Item = String>) -> Vec<Count> {
    let mut map: HashMap<String, usize> = HashMap::new();
    for w in words {
        *map.entry(w).or_default() += 1;
    }
    let mut out: Vec<Count> = map
        .into_iter()
        .map(|(word, count)| Count { word, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.word.cmp(&b.word)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, Relation};

    fn row(id: usize, arts: &[&str]) -> Row {
        Row {
            id,
            reference: arts[0].to_string(),
            cells: arts
                .iter()
                .map(|a| Cell {
                    article: a.to_string(),
                    text: String::new(),
                    start: 0,
                    end: 0,
                    relation: Relation::Close,
                    similarity: 1.0,
                    diffs: Vec::new(),
                })
                .collect(),
            discrepancies: Vec::new(),
        }
    }

    #[test]
    fn only_here_and_omits_follow_the_rows() {
        let rows = vec![
            row(1, &["a", "b", "c"]),
            row(2, &["a"]),
            row(3, &["b", "c"]),
            row(4, &["c"]),
        ];
        let outlets: Vec<Outlet> = ["a", "b", "c"]
            .iter()
            .map(|id| Outlet {
                id,
                atts: &[],
                marks: &[],
            })
            .collect();
        let s = summarise(&outlets, &rows, &[]);
        assert_eq!(s[0].only_here, [2]);
        assert_eq!(s[0].omits, [3]);
        assert!(s[1].omits.is_empty(), "{:?}", s[1].omits);
        assert_eq!(s[2].only_here, [4]);
    }

    #[test]
    fn counts_sort_by_frequency_then_word() {
        let c = counts(
            ["said", "claimed", "said", "added"]
                .into_iter()
                .map(String::from),
        );
        let words: Vec<(&str, usize)> = c.iter().map(|c| (c.word.as_str(), c.count)).collect();
        assert_eq!(words, [("said", 2), ("added", 1), ("claimed", 1)]);
    }
}
