//! Candidate pairs: which sentences of different articles are worth a full comparison.
//!
//! As text-reuse engines do (passim, TextPAIR), an inverted index from content terms to the
//! sentences that carry them seeds the pairs: two sentences of different articles become a
//! candidate when they share at least [`MIN_SEEDS`] seed terms (a single shared term never
//! makes two sentences alike, see [`super::score`]). Terms carried by very many sentences
//! ("Russia" in a story about Russia) are no seeds — they still count in the score — so the
//! work per sentence stays bounded and the cost grows about linearly with the story.

use super::units::Units;

/// Least shared seed terms for a candidate pair.
pub const MIN_SEEDS: u32 = 2;

/// A sentence with fewer than [`MIN_SEEDS`] seed terms takes its rarest other terms as seeds
/// too, up to [`MIN_SEEDS`], if they are carried by at most this many sentences. Without it,
/// a sentence whose words all recur in its story found no pair at all: in 20 copies of one
/// article, "What does Trump want to do?" carries "Trump" 200 times. The bound keeps a pile of
/// repeated sentences from pairing every one with every other.
pub const MAX_FALLBACK_DF: u32 = 1024;

/// Sentence pairs `(i, j)` with `i < j`, from different articles, sharing [`MIN_SEEDS`] seed
/// terms. A term is a seed when at least two and at most `max_df` sentences carry it, or,
/// for a sentence with too few of those, when it is among its rarest (see
/// [`MAX_FALLBACK_DF`]).
pub fn candidates(units: &Units, max_df: usize) -> Vec<(u32, u32)> {
    let n_terms = units.weight.len();
    let df = |t: u32| units.df[t as usize];
    let seeds: Vec<Vec<u32>> = units
        .units
        .iter()
        .map(|u| {
            let mut seeds: Vec<u32> = u
                .terms
                .iter()
                .copied()
                .filter(|&t| (df(t) as usize) <= max_df && df(t) > 1)
                .collect();
            if seeds.len() < MIN_SEEDS as usize {
                let mut rest: Vec<u32> = u
                    .terms
                    .iter()
                    .copied()
                    .filter(|&t| (df(t) as usize) > max_df && df(t) <= MAX_FALLBACK_DF)
                    .collect();
                rest.sort_unstable_by_key(|&t| (df(t), t));
                let missing = MIN_SEEDS as usize - seeds.len();
                seeds.extend(rest.into_iter().take(missing));
            }
            seeds
        })
        .collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_terms];
    for (i, terms) in seeds.iter().enumerate() {
        for &t in terms {
            postings[t as usize].push(i as u32);
        }
    }
    // Shared seed terms of unit `i` with each later unit, reset after each `i`.
    let mut count = vec![0u32; units.units.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for (i, u) in units.units.iter().enumerate() {
        let i = i as u32;
        for &t in &seeds[i as usize] {
            let list = &postings[t as usize];
            // Postings are in unit order: only look at later units.
            let from = list.partition_point(|&j| j <= i);
            for &j in &list[from..] {
                if units.units[j as usize].article != u.article {
                    if count[j as usize] == 0 {
                        touched.push(j);
                    }
                    count[j as usize] += 1;
                }
            }
        }
        for &j in &touched {
            if count[j as usize] >= MIN_SEEDS {
                out.push((i, j));
            }
            count[j as usize] = 0;
        }
        touched.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;
    use std::path::Path;

    #[test]
    fn pairs_share_two_seed_terms_across_articles() {
        let a = Article::new(
            Path::new("a.txt"),
            "Peskov spoke to CNBC on Monday.\nLavrov spoke in Riyadh.".into(),
        );
        let b = Article::new(
            Path::new("b.txt"),
            "Peskov told CNBC on Monday.\nLavrov met Rubio.\nThe weather was fine.".into(),
        );
        let units = Units::build(&[&a, &b]);
        // Peskov, CNBC, Monday pair the first sentences; "Lavrov" alone is not enough, and
        // "spoke" links the two sentences of article a, which never pair with each other.
        assert_eq!(candidates(&units, 10), vec![(0, 2)]);
    }

    #[test]
    fn sentences_of_common_words_fall_back_on_their_rarest() {
        // Every term is carried by more sentences than the bound: copies still pair up.
        let text = "Peskov spoke to CNBC on Monday.\nPeskov met Lavrov on Monday.";
        let a = Article::new(Path::new("a.txt"), text.into());
        let b = Article::new(Path::new("b.txt"), text.into());
        let units = Units::build(&[&a, &b]);
        let got = candidates(&units, 1);
        assert!(got.contains(&(0, 2)) && got.contains(&(1, 3)), "{got:?}");
    }
}
