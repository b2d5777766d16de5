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

use std::collections::{HashMap, HashSet};

use super::candidates;
use super::score::{Joined, score};
use super::semantic::{self, Vectors};
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
    /// Calibrated semantic similarity (see [`semantic::calibrate`]); 0 without the signal.
    pub sem: f32,
    /// The blend of both signals: the mean of the content cosine and `sem`; 0 without the
    /// semantic signal.
    pub blend: f32,
    /// What row formation ranks and links by: the larger of `sim` and `blend` rescaled so
    /// that the semantic acceptance level lands on the threshold.
    pub strength: f32,
}

/// The blend of the lexical content cosine and the calibrated semantic similarity.
pub fn blend(cosine: f32, sem: f32) -> f32 {
    0.5 * cosine + 0.5 * sem
}

/// The scored candidate pairs, keyed by `(min, max)` unit index.
pub type Sims = HashMap<(u32, u32), Pair>;

/// Scored pairs below this cosine and similarity are forgotten.
const KEEP: f32 = 0.05;

/// Terms carried by more sentences than this do not seed candidate pairs (they still count
/// in the score). Fixed, so the work per sentence stays bounded as stories grow.
const MAX_SEED_DF: usize = 64;

/// The strength of a scored pair (0 when it was never a candidate).
pub fn sim_of(sims: &Sims, a: u32, b: u32) -> f32 {
    get(sims, a, b).map_or(0.0, |p| p.strength)
}

/// A scored pair, if it was a candidate.
pub fn get(sims: &Sims, a: u32, b: u32) -> Option<&Pair> {
    sims.get(&if a < b { (a, b) } else { (b, a) })
}

fn passage(units: &Units, u: u32) -> Passage<'_> {
    units.units[u as usize].passage()
}

/// How many of a sentence's closest sentences (by whole-sentence vectors) in each other
/// article become candidates besides those the term index proposes.
const SEMANTIC_CANDIDATES: usize = 2;

/// Stories with more sentences than this get no semantic candidates (the search compares
/// sentences with every sentence of the articles it searches, so its cost grows with the
/// square of the story); their pairs from the term index still get the semantic score. A
/// story of a few dozen articles stays well below it.
const SEMANTIC_SEARCH_MAX_UNITS: usize = 2_000;

/// The levels [`score_pairs`] needs from row formation (see [`super::rows::Params`]).
#[derive(Debug, Clone, Copy)]
pub struct Levels {
    /// Similarity at which a pair links on its words alone.
    pub strong: f32,
    /// Least cosine of a neighbour that completes a pair.
    pub part: f32,
    /// Blend at which a pair is as good as one at `strong`.
    pub accept: f32,
    /// Similarity of a pair that shows two articles tell the same events.
    pub anchor: f32,
}

/// Score the candidate pairs of a story. Pairs below `strong` similarity also get their
/// joined-neighbour support, counted when the neighbour's own cosine reaches `part`.
///
/// With sentence vectors, every pair gets its semantic similarity and blend, and a sentence's
/// [`SEMANTIC_CANDIDATES`] closest sentences in another article are candidates too — only
/// where they can matter: row formation takes a pair on its meaning only between articles
/// with an anchor pair (see [`super::rows`]) and links a pair similar enough on its words
/// first, so the search skips articles without an anchor and those where the sentence
/// already has such a pair. Headlines and the first sentences search every article: they
/// pair on their meaning alone.
pub fn score_pairs(units: &Units, vectors: Option<&Vectors>, levels: Levels) -> Sims {
    let mut sims = Sims::new();
    let scale = if levels.accept > 0.0 {
        levels.strong / levels.accept
    } else {
        0.0
    };
    let add = |sims: &mut Sims, a: u32, b: u32| {
        let s = score(units, passage(units, a), passage(units, b));
        let sem = vectors.map_or(0.0, |v| {
            semantic::calibrate(v.best_cosine(a as usize, b as usize))
        });
        let blended = if vectors.is_some() {
            blend(s.cosine, sem)
        } else {
            0.0
        };
        if s.sim >= KEEP || s.cosine >= KEEP || blended >= KEEP {
            let pair = Pair {
                sim: s.sim,
                cosine: s.cosine,
                shared: s.shared,
                plain: s.plain,
                joined: 0.0,
                sem,
                blend: blended,
                strength: s.sim.max(blended * scale),
            };
            sims.insert((a, b), pair);
        }
    };
    for (a, b) in candidates::candidates(units, MAX_SEED_DF) {
        add(&mut sims, a, b);
    }
    if let Some(v) = vectors.filter(|_| units.units.len() <= SEMANTIC_SEARCH_MAX_UNITS) {
        let art = |u: u32| units.units[u as usize].article;
        let mut anchored: HashSet<(usize, usize)> = HashSet::new();
        let mut settled: HashSet<(u32, usize)> = HashSet::new();
        for (&(a, b), p) in &sims {
            if p.sim >= levels.anchor {
                anchored.insert((art(a), art(b)));
                anchored.insert((art(b), art(a)));
            }
            if p.sim >= levels.strong {
                settled.insert((a, art(b)));
                settled.insert((b, art(a)));
            }
        }
        let mut extra: HashSet<(u32, u32)> = HashSet::new();
        let mut top: Vec<(f32, usize)> = Vec::new();
        for (a, unit) in units.units.iter().enumerate() {
            let opening = unit.heading || unit.pos <= super::units::HEADING_LINES;
            for (other, range) in units.by_article.iter().enumerate() {
                if other == unit.article
                    || settled.contains(&(a as u32, other))
                    || !(opening || anchored.contains(&(unit.article, other)))
                {
                    continue;
                }
                top.clear();
                top.extend(range.clone().map(|b| (v.whole_cosine(a, b), b)));
                let k = SEMANTIC_CANDIDATES.min(top.len());
                if k == 0 {
                    continue;
                }
                let cmp =
                    |x: &(f32, usize), y: &(f32, usize)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
                top.select_nth_unstable_by(k - 1, cmp);
                for &(_, b) in &top[..k] {
                    let key = (a.min(b) as u32, a.max(b) as u32);
                    if !sims.contains_key(&key) {
                        extra.insert(key);
                    }
                }
            }
        }
        let mut extra: Vec<(u32, u32)> = extra.into_iter().collect();
        extra.sort_unstable();
        for (a, b) in extra {
            add(&mut sims, a, b);
        }
    }
    let (strong, part) = (levels.strong, levels.part);
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
        let levels = Levels {
            strong: 0.9,
            part: 0.05,
            accept: 0.0,
            anchor: 1.0,
        };
        let sims = score_pairs(&units, None, levels);
        let p = get(&sims, 0, 4).copied().unwrap_or_default();
        assert!(p.joined > p.cosine, "{p:?}");
        let alone = get(&sims, 1, 4).copied().unwrap_or_default();
        assert!(p.joined > alone.cosine, "{alone:?}");
    }
}
