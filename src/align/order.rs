//! Reading order: which article the rows follow, and where rows it lacks go.
//!
//! Rows with a cell of the reference article come in that article's order. A row without
//! one is placed after the nearest earlier sentence (in one of its own articles) that sits in
//! a reference row, so a passage only one outlet has appears where that outlet tells it; rows
//! placed after the same reference row keep their article's order, article by article. Rows
//! of an article with no link at all to the reference come last.

use super::rows::RowCells;
use super::units::Units;
use crate::corpus::Article;

/// Articles from most to least preferred as a reference: the earliest dated first (the
/// longest first among equal dates), then the undated, longest first.
pub fn preference(articles: &[&Article]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (articles[a], articles[b]);
        match (x.date, y.date) {
            (Some(d), Some(e)) => d.cmp(&e),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then(y.body.len().cmp(&x.body.len()))
        .then(a.cmp(&b))
    });
    order
}

/// The reference article: the one named in the config when present, else the most preferred.
pub fn reference(articles: &[&Article], wanted: Option<&str>, preference: &[usize]) -> usize {
    wanted
        .and_then(|id| articles.iter().position(|a| a.id == id))
        .or_else(|| preference.first().copied())
        .unwrap_or(0)
}

/// Sort rows into reading order (see the module docs). `rank[a]` is article `a`'s place in
/// the preference order, used to order rows from different articles at the same place.
pub fn order_rows(units: &Units, rows: &mut Vec<RowCells>, reference: usize, rank: &[usize]) {
    let mut unit_row: Vec<Option<usize>> = vec![None; units.units.len()];
    for (r, row) in rows.iter().enumerate() {
        for c in &row.cells {
            for slot in &mut unit_row[c.first..=c.last] {
                *slot = Some(r);
            }
        }
    }
    let ref_pos: Vec<Option<usize>> = rows
        .iter()
        .map(|row| row.cell(reference).map(|c| units.units[c.first].pos))
        .collect();
    let anchored = |u: usize| unit_row[u].and_then(|r| ref_pos[r]);
    let keys: Vec<(u64, usize, usize)> = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            if let Some(p) = ref_pos[r] {
                return (2 * p as u64 + 1, 0, 0);
            }
            // (distance to the anchor, key) for each cell; the closest anchor wins.
            let mut best: Option<(usize, (u64, usize, usize))> = None;
            for c in &row.cells {
                let range = &units.by_article[c.article];
                let back = (range.start..c.first)
                    .rev()
                    .find_map(|u| anchored(u).map(|p| (c.first - u, 2 * p as u64 + 2)));
                let forward = || {
                    (c.last + 1..range.end)
                        .find_map(|u| anchored(u).map(|p| (u - c.last, 2 * p as u64)))
                };
                let (dist, anchor) = back.or_else(forward).unwrap_or((usize::MAX, u64::MAX));
                let key = (anchor, 1 + rank[c.article], units.units[c.first].pos);
                if best.is_none_or(|(d, k)| (dist, key) < (d, k)) {
                    best = Some((dist, key));
                }
            }
            best.map_or((u64::MAX, usize::MAX, 0), |(_, k)| k)
        })
        .collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&r| keys[r]);
    let mut taken: Vec<Option<RowCells>> = std::mem::take(rows).into_iter().map(Some).collect();
    *rows = order.into_iter().filter_map(|r| taken[r].take()).collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::path::Path;

    fn art(id: &str, date: Option<(i32, u32, u32)>, body: &str) -> Article {
        let mut a = Article::new(Path::new(&format!("{id}.txt")), body.into());
        a.date = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        a
    }

    #[test]
    fn earliest_dated_then_longest_is_preferred() {
        let a = art("a", Some((2025, 3, 11)), "long long long long body");
        let b = art("b", Some((2025, 2, 25)), "short");
        let c = art("c", Some((2025, 2, 25)), "a bit longer");
        let d = art("d", None, "the longest body of them all by far");
        let refs = [&a, &b, &c, &d];
        let pref = preference(&refs);
        assert_eq!(pref, [2, 1, 0, 3]);
        assert_eq!(reference(&refs, None, &pref), 2);
        assert_eq!(reference(&refs, Some("d"), &pref), 3);
        assert_eq!(reference(&refs, Some("nope"), &pref), 2);
        let undated = [&d, &b];
        let mut b2 = b.clone();
        b2.date = None;
        let undated2 = [&d, &b2];
        assert_eq!(preference(&undated), [1, 0]);
        assert_eq!(preference(&undated2), [0, 1]);
    }

    #[test]
    fn unique_rows_follow_their_own_article() {
        // Article 0 is the reference: "A1. A2." Article 1: "B1. B2. B3." where B1~A2 and
        // B2, B3 are unique; they belong after A2's row, in B's order.
        let a = art("a", None, "A one.\nA two.");
        let b = art("b", None, "B one.\nB two.\nB three.");
        let units = Units::build(&[&a, &b]);
        let cell = |u: usize| super::super::rows::CellRange {
            article: units.units[u].article,
            first: u,
            last: u,
        };
        let mut rows = vec![
            RowCells {
                cells: vec![cell(4)],
            },
            RowCells {
                cells: vec![cell(1), cell(2)],
            },
            RowCells {
                cells: vec![cell(3)],
            },
            RowCells {
                cells: vec![cell(0)],
            },
        ];
        order_rows(&units, &mut rows, 0, &[0, 1]);
        let firsts: Vec<usize> = rows.iter().map(|r| r.cells[0].first).collect();
        assert_eq!(firsts, [0, 1, 3, 4]);
    }
}
