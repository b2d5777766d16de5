//! Reading order: which article the rows follow, and where rows it lacks go.
//!
//! Rows with a cell of the reference article come in that article's order. A row without
//! one is placed after the nearest earlier sentence (in one of its own articles) that sits in
//! an already placed row, so a passage only one outlet has appears where that outlet tells
//! it, and an outlet linked to the reference only through another outlet still interleaves.
//! Rows placed at the same spot keep their article's order, article by article. Rows of an
//! article with no link at all to the others come last.

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
///
/// Every row gets a sort key, a path of numbers compared in order. A reference row's key is
/// its place in the reference. Another row is placed right after the nearest earlier
/// sentence of one of its articles that already has a key (or right before the nearest later
/// one): its key extends that row's key with its article's rank and its place in the article.
/// Keys spread in passes, so a row can be placed through rows that were placed themselves.
pub fn order_rows(units: &Units, rows: &mut Vec<RowCells>, reference: usize, rank: &[usize]) {
    let mut unit_row: Vec<Option<usize>> = vec![None; units.units.len()];
    for (r, row) in rows.iter().enumerate() {
        for c in &row.cells {
            for slot in &mut unit_row[c.first..=c.last] {
                *slot = Some(r);
            }
        }
    }
    let mut keys: Vec<Option<Vec<u64>>> = rows
        .iter()
        .map(|row| {
            row.cell(reference)
                .map(|c| vec![2 * units.units[c.first].pos as u64 + 1])
        })
        .collect();
    loop {
        let known = keys.clone();
        let key_of = |u: usize| unit_row[u].and_then(|r| known[r].as_ref());
        let mut progress = false;
        for (r, row) in rows.iter().enumerate() {
            if keys[r].is_some() {
                continue;
            }
            // (distance to the anchor, key) for each cell; the closest anchor wins.
            let mut best: Option<(usize, Vec<u64>)> = None;
            for c in &row.cells {
                let range = &units.by_article[c.article];
                let tail = tail(rank[c.article], units.units[c.first].pos);
                let back = (range.start..c.first)
                    .rev()
                    .find_map(|u| key_of(u).map(|k| (c.first - u, after(k, tail))));
                let forward = || {
                    (c.last + 1..range.end)
                        .find_map(|u| key_of(u).map(|k| (u - c.last, before(k, tail))))
                };
                if let Some((dist, key)) = back.or_else(forward)
                    && best.as_ref().is_none_or(|(d, k)| (dist, &key) < (*d, k))
                {
                    best = Some((dist, key));
                }
            }
            if let Some((_, key)) = best {
                keys[r] = Some(key);
                progress = true;
            }
        }
        if !progress {
            break;
        }
    }
    // Rows of articles with no link to the rest come last, article by article.
    let keys: Vec<Vec<u64>> = keys
        .into_iter()
        .zip(rows.iter())
        .map(|(key, row)| {
            key.unwrap_or_else(|| {
                let c = &row.cells[0];
                let mut k = vec![u64::MAX];
                k.extend(tail(rank[c.article], units.units[c.first].pos));
                k
            })
        })
        .collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut taken: Vec<Option<RowCells>> = std::mem::take(rows).into_iter().map(Some).collect();
    *rows = order.into_iter().filter_map(|r| taken[r].take()).collect();
}

/// The key components that order rows placed at the same spot: article rank, then place in
/// the article (both at least 1, so [`before`] can step below them).
fn tail(rank: usize, pos: usize) -> [u64; 2] {
    [rank as u64 + 1, pos as u64 + 1]
}

/// A key that sorts right after `key` and its earlier followers.
fn after(key: &[u64], tail: [u64; 2]) -> Vec<u64> {
    let mut k = key.to_vec();
    k.extend(tail);
    k
}

/// A key that sorts right before `key` (after everything that sorts before it).
fn before(key: &[u64], tail: [u64; 2]) -> Vec<u64> {
    let mut k = key.to_vec();
    if let Some(last) = k.last_mut() {
        *last = last.saturating_sub(1);
    }
    k.push(u64::MAX);
    k.extend(tail);
    k
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

    #[test]
    fn an_outlet_linked_through_another_still_interleaves() {
        // A is the reference; B shares sentences with A; C shares one with B only. C's next
        // sentence belongs right after that shared row, not at the end.
        let a = art("a", None, "A one.\nA two.\nA three.");
        let b = art("b", None, "B one.\nB two.\nB three.");
        let c = art("c", None, "C one.\nC two.");
        let units = Units::build(&[&a, &b, &c]);
        let cell = |u: usize| super::super::rows::CellRange {
            article: units.units[u].article,
            first: u,
            last: u,
        };
        let row = |us: &[usize]| RowCells {
            cells: us.iter().map(|&u| cell(u)).collect(),
        };
        let mut rows = vec![
            row(&[7]),
            row(&[2, 5]),
            row(&[4, 6]),
            row(&[0]),
            row(&[1, 3]),
        ];
        order_rows(&units, &mut rows, 0, &[0, 1, 2]);
        let firsts: Vec<usize> = rows.iter().map(|r| r.cells[0].first).collect();
        assert_eq!(firsts, [0, 1, 4, 7, 2]);
    }
}
