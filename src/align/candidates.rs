//! Candidate pairs: which sentences of different articles are worth a full comparison.
//!
//! As text-reuse engines do (passim, TextPAIR), an inverted index from content terms to the
//! sentences that carry them seeds the pairs: two sentences of different articles become a
//! candidate when they share a term. Terms carried by very many sentences ("Russia" in a
//! story about Russia) are skipped as seeds — they still count in the score — so the work per
//! sentence stays bounded and the cost grows about linearly with the story.

use super::units::Units;

/// Sentence pairs `(i, j)` with `i < j`, from different articles, sharing a seed term.
/// A term is a seed when at most `max_df` sentences carry it.
pub fn candidates(units: &Units, max_df: usize) -> Vec<(u32, u32)> {
    let n_terms = units.weight.len();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_terms];
    for (i, u) in units.units.iter().enumerate() {
        for &t in &u.terms {
            if (units.df[t as usize] as usize) <= max_df && units.df[t as usize] > 1 {
                postings[t as usize].push(i as u32);
            }
        }
    }
    let mut seen = vec![u32::MAX; units.units.len()];
    let mut out = Vec::new();
    for (i, u) in units.units.iter().enumerate() {
        let i = i as u32;
        for &t in &u.terms {
            let list = &postings[t as usize];
            // Postings are in unit order: only look at later units.
            let from = list.partition_point(|&j| j <= i);
            for &j in &list[from..] {
                if seen[j as usize] != i && units.units[j as usize].article != u.article {
                    seen[j as usize] = i;
                    out.push((i, j));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;
    use std::path::Path;

    #[test]
    fn pairs_share_a_rare_term_and_cross_articles() {
        let a = Article::new(
            Path::new("a.txt"),
            "Peskov spoke to CNBC.\nLavrov spoke in Riyadh.".into(),
        );
        let b = Article::new(
            Path::new("b.txt"),
            "Peskov told CNBC on Monday.\nThe weather was fine.".into(),
        );
        let units = Units::build(&[&a, &b]);
        let pairs = candidates(&units, 10);
        assert_eq!(pairs, vec![(0, 2)]);
        // "spoke" links the two sentences of article a, which never pair with each other.
        assert!(candidates(&units, 0).is_empty());
    }
}
