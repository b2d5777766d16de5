//! Scored sentence pairs: the candidates with their similarity, and the support a pair gets
//! when one side's neighbouring sentence completes it.
//!
//! One outlet often says in one sentence what another says in two ("The previous
//! administration messed things up badly. There's a lot of work to be done." against "the
//! previous administration caused the deterioration, and much work remains to be done").
//! Each half alone shares too little with the single sentence; the two together share
//! enough. So besides its own similarity, every weak pair records how alike the single
//! sentence is to the other side joined with its neighbour, when that neighbour relates to
//! it too. Row formation may link the pair on that strength, and later joins the neighbour
//! into the same cell.

use std::collections::HashMap;

use super::candidates;
use super::score::{Joined, score};
use super::units::{Passage, Units};

/// A scored candidate pair of sentences from different articles.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pair {
    /// Similarity, 0..1 (see [`super::score::Score::sim`]).
    pub sim: f32,
    /// Weighted cosine of the content terms, before any rule on shared terms.
    pub cosine: f32,
    /// Content terms the two sentences share.
    pub shared: usize,
    /// Shared terms that are not names.
    pub plain: usize,
    /// Cosine of one sentence with the other joined to a neighbouring sentence that relates
    /// to it as well; 0 when no neighbour helps.
    pub joined: f32,
}

/// The scored candidate pairs, keyed by `(min, max)` unit index.
pub type Sims = HashMap<(u32, u32), Pair>;

/// Scored pairs below this cosine and similarity are forgotten.
const KEEP: f32 = 0.05;

/// Terms carried by more sentences than this do not seed candidate pairs (they still count
/// in the score). Fixed, so the work per sentence stays bounded as stories grow.
const MAX_SEED_DF: usize = 64;

/// The similarity of a scored pair (0 when it was never a candidate).
pub fn sim_of(sims: &Sims, a: u32, b: u32) -> f32 {
    get(sims, a, b).map_or(0.0, |p| p.sim)
}

fn get(sims: &Sims, a: u32, b: u32) -> Option<&Pair> {
    sims.get(&if a < b { (a, b) } else { (b, a) })
}

fn passage(units: &Units, u: u32) -> Passage<'_> {
    units.units[u as usize].passage()
}

/// Score the candidate pairs of a story. Pairs below `strong` similarity also get their
/// joined-neighbour support, counted when the neighbour's own cosine reaches `part`.
pub fn score_pairs(units: &Units, strong: f32, part: f32) -> Sims {
    let mut sims = Sims::new();
    for (a, b) in candidates::candidates(units, MAX_SEED_DF) {
        let s = score(units, passage(units, a), passage(units, b));
        if s.sim >= KEEP || s.cosine >= KEEP {
            let pair = Pair {
                sim: s.sim,
                cosine: s.cosine,
                shared: s.shared,
                plain: s.plain,
                joined: 0.0,
            };
            sims.insert((a, b), pair);
        }
    }
    let weak: Vec<(u32, u32)> = sims
        .iter()
        .filter(|(_, p)| p.sim < strong)
        .map(|(&k, _)| k)
        .collect();
    for (a, b) in weak {
        let joined =
            joined_support(units, &sims, a, b, part).max(joined_support(units, &sims, b, a, part));
        if let Some(p) = sims.get_mut(&(a, b)) {
            p.joined = joined;
        }
    }
    sims
}

/// The best cosine of `x` with `y` joined to one of its neighbours, when that neighbour's own
/// cosine with `x` reaches `part` and the joined pair explains `x` better than either half.
fn joined_support(units: &Units, sims: &Sims, x: u32, y: u32, part: f32) -> f32 {
    let Some(own) = get(sims, x, y).map(|p| p.cosine) else {
        return 0.0;
    };
    let range = &units.by_article[units.units[y as usize].article];
    let mut best = 0.0f32;
    for nb in [y.checked_sub(1), y.checked_add(1)].into_iter().flatten() {
        if !range.contains(&(nb as usize)) {
            continue;
        }
        let Some(other) = get(sims, x, nb).map(|p| p.cosine) else {
            continue;
        };
        if other < part {
            continue;
        }
        let (first, last) = (y.min(nb) as usize, y.max(nb) as usize);
        let both = Joined::of(units, first, last);
        let s = score(units, passage(units, x), both.passage());
        if s.cosine > own.max(other) && s.shared >= 3 && s.plain >= 2 {
            best = best.max(s.cosine);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;
    use std::path::Path;

    #[test]
    fn a_sentence_split_in_two_elsewhere_gets_joined_support() {
        // Seed story: CNBC splits a quote in two sentences, the translated report says it in
        // one; other sentences give the story its common words.
        let cnbc = Article::new(
            Path::new("cnbc.txt"),
            "\u{201C}The previous Washington administration messed things up badly. There\u{2019}s \
             a lot of work to be done,\u{201D} he added in emailed comments.\n\
             Peskov reiterated that position Tuesday.\n\
             Russia and the U.S. appeared more clearly aligned on Monday."
                .into(),
        );
        let cn = Article::new(
            Path::new("cn.txt"),
            "He emphasized that the previous U.S. administration caused the severe \
             deterioration of relations, and therefore, much work remains to be done.\n\
             Russia is willing to negotiate with any country."
                .into(),
        );
        let units = Units::build(&[&cnbc, &cn]);
        let sims = score_pairs(&units, 0.9, 0.05);
        let p = get(&sims, 0, 4).copied().unwrap_or_default();
        assert!(p.joined > p.cosine, "{p:?}");
        let alone = get(&sims, 1, 4).copied().unwrap_or_default();
        assert!(p.joined > alone.cosine, "{alone:?}");
    }
}
