//! Forming rows: a global assignment of sentences to rows, at most one cell per article.
//!
//! 1. Greedy clustering. Scored pairs are taken best first; a pair joins the rows of its two
//!    sentences when the rows share no article and stay cohesive (average-link similarity
//!    across the two rows above a floor), so a row cannot drift along a chain of weak links.
//!    A pair qualifies in one of four ways, tried in this order:
//!    - its similarity reaches the threshold;
//!    - it is weaker but stands out: its similarity is a clear margin above that of either
//!      sentence's best rival in the other article (competitive linking);
//!    - a neighbouring sentence completes it (see [`super::pairs`]);
//!    - or, repeatedly, the sentences just before or after the pair are already in one row
//!      (outlets that follow each other's order).
//!
//!    Links below the threshold need more: at least two shared terms that are not names
//!    (the same people saying different things is not a correspondence), and an *anchor*
//!    between the two articles — some pair well above the threshold showing they tell the
//!    same events. A report from another week shares words with the story, not sentences.
//! 2. Joining adjacent sentences. When one source says in one sentence what another says in
//!    two, the second sentence lands in a row of its own or a neighbouring row. Two rows
//!    whose cells are adjacent sentences in every article they share are merged when a cell
//!    of one row is explained better by the joined sentences than by its row's cell alone,
//!    and relates to the added sentence by itself; cells that only one of the two rows has
//!    must not be strangers to each other.
//! 3. Attaching lonely sentences. A sentence still alone whose neighbour sits in a row joins
//!    that neighbour's cell when the joined cell explains another cell of the row better and
//!    that cell holds the sentence's best counterpart in its article (see
//!    [`attach_lonely`]).

use std::collections::{HashMap, HashSet};

use super::pairs::{Pair, Sims, sim_of};
use super::score::{Joined, score};
use super::units::Units;

/// Tuning of row formation (see the module docs).
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Least similarity of a pair to link two rows on its own.
    pub threshold: f32,
    /// Least similarity of a pair that links two rows because it stands out (see `margin`).
    pub weak: f32,
    /// Least margin of such a pair: its similarity over that of the strongest rival pair,
    /// either sentence with another candidate in the other's article (not a neighbour).
    pub margin: f32,
    /// Least similarity of a pair that links two rows because the sentences before or after
    /// them are already in one row.
    pub context: f32,
    /// Least similarity of a pair that shows two articles tell the same events: only
    /// articles with such an anchor pair get links below the threshold.
    pub anchor: f32,
    /// Least average similarity across two rows for them to merge.
    pub link: f32,
    /// Least similarity of a cell to a sentence about to be joined to its counterpart.
    pub part: f32,
    /// Least gain in similarity that joining adjacent sentences must bring.
    pub gain: f32,
    /// Most sentences in one cell.
    pub max_cell: usize,
    /// Least blend of lexical and semantic similarity for a pair to link on its own (0: no
    /// semantic signal).
    pub accept: f32,
    /// Least blend for a pair that is each sentence's best match in the other article and
    /// whose neighbouring aligned sentences agree with it on order.
    pub mutual: f32,
}

/// One article's passage in a row: units `first..=last` (indices into `Units::units`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRange {
    /// Article index.
    pub article: usize,
    /// First unit.
    pub first: usize,
    /// Last unit (inclusive).
    pub last: usize,
}

/// A row under construction: its cells, sorted by article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RowCells {
    /// The cells, sorted by article.
    pub cells: Vec<CellRange>,
}

impl RowCells {
    /// The cell of an article, if the row has one.
    pub fn cell(&self, article: usize) -> Option<&CellRange> {
        self.cells
            .binary_search_by_key(&article, |c| c.article)
            .ok()
            .map(|i| &self.cells[i])
    }
}

/// Fraction of `Params::part` enough for a sentence to join a cell when the cell's
/// counterpart is the sentence's best match in that article.
const PART_FAVOURITE: f32 = 0.6;

/// Least shared content terms that are not names (in both) for a pair below the threshold
/// to link rows: shared names alone say the same people appear, and one shared word is a
/// coincidence. (The pair must also stand out or be completed or supported by its
/// neighbours, so two plain terms are enough: short sentences have few to share.)
const WEAK_PLAIN: usize = 2;

/// Form rows from scored pairs. Units for which `usable` is false (no words) get no row.
pub fn form_rows(units: &Units, sims: &Sims, usable: &[bool], p: &Params) -> Vec<RowCells> {
    let best = best_candidates(units, sims);
    let clusters = cluster(units, sims, &best, usable, p);
    let mut rows: Vec<RowCells> = clusters
        .into_iter()
        .map(|members| {
            let mut cells: Vec<CellRange> = members
                .iter()
                .map(|&u| CellRange {
                    article: units.units[u as usize].article,
                    first: u as usize,
                    last: u as usize,
                })
                .collect();
            cells.sort_by_key(|c| c.article);
            RowCells { cells }
        })
        .collect();
    join_adjacent(units, sims, &mut rows, p);
    attach_lonely(units, sims, &best, &mut rows, p);
    rows
}

/// How many best candidates per unit and article are kept to find rivals.
const KEEP_BEST: usize = 8;

/// Each unit's best candidates per other article, best first: `(similarity, unit)`.
type Best = HashMap<(u32, usize), [(f32, u32); KEEP_BEST]>;

/// Each unit's best candidates per other article, keyed by `(unit, article)`: enough of them
/// to find the best one outside a sentence's neighbourhood.
fn best_candidates(units: &Units, sims: &Sims) -> Best {
    let mut best = Best::new();
    let mut push = |u: u32, other: u32, s: f32| {
        let article = units.units[other as usize].article;
        let top = best
            .entry((u, article))
            .or_insert([(0.0, u32::MAX); KEEP_BEST]);
        if let Some(i) = top.iter().position(|&(x, _)| s > x) {
            top[i..].rotate_right(1);
            top[i] = (s, other);
        }
    };
    for (&(a, b), p) in sims {
        push(a, b, p.sim);
        push(b, a, p.sim);
    }
    best
}

/// Clusters of units with at most one unit per article, built by linking pairs.
struct Clusters {
    cluster_of: Vec<usize>,
    members: Vec<Vec<u32>>,
}

impl Clusters {
    fn new(n: usize) -> Self {
        Clusters {
            cluster_of: (0..n).collect(),
            members: (0..n as u32).map(|u| vec![u]).collect(),
        }
    }

    fn same(&self, a: u32, b: u32) -> bool {
        self.cluster_of[a as usize] == self.cluster_of[b as usize]
    }

    /// Join the clusters of `a` and `b` if they share no article and stay cohesive.
    fn link(&mut self, units: &Units, sims: &Sims, a: u32, b: u32, min_link: f32) -> bool {
        let (ca, cb) = (self.cluster_of[a as usize], self.cluster_of[b as usize]);
        if ca == cb {
            return false;
        }
        let art = |u: &u32| units.units[*u as usize].article;
        let (ma, mb) = (&self.members[ca], &self.members[cb]);
        if ma.iter().any(|x| mb.iter().any(|y| art(x) == art(y))) {
            return false;
        }
        let total: f32 = ma
            .iter()
            .flat_map(|&x| mb.iter().map(move |&y| (x, y)))
            .map(|(x, y)| sim_of(sims, x, y))
            .sum();
        if total / ((ma.len() * mb.len()) as f32) < min_link {
            return false;
        }
        let (big, small) = if ma.len() >= mb.len() {
            (ca, cb)
        } else {
            (cb, ca)
        };
        let moved = std::mem::take(&mut self.members[small]);
        for &u in &moved {
            self.cluster_of[u as usize] = big;
        }
        self.members[big].extend(moved);
        true
    }
}

/// Greedy best-first clustering of units into groups with at most one unit per article.
///
/// Pairs link in order of similarity: first those above the threshold or standing out from
/// the sentences' other candidates, then those a neighbouring sentence completes, then,
/// repeatedly, weaker pairs whose neighbouring sentences are already in one row (outlets that
/// follow each other's order).
fn cluster(units: &Units, sims: &Sims, best: &Best, usable: &[bool], p: &Params) -> Vec<Vec<u32>> {
    let has_heading: Vec<bool> = units
        .by_article
        .iter()
        .map(|r| r.clone().any(|u| units.units[u].heading))
        .collect();
    let mut edges: Vec<(u32, u32, Pair)> = sims
        .iter()
        .filter(|&(&(a, b), pair)| {
            usable[a as usize]
                && usable[b as usize]
                && headings_agree(units, &has_heading, a, b, pair, p)
        })
        .map(|(&(a, b), &pair)| (a, b, pair))
        .collect();
    edges.sort_by(|x, y| {
        y.2.strength
            .total_cmp(&x.2.strength)
            .then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    // The strongest rival of `b` among `a`'s candidates in `b`'s article; sentences close
    // enough to `b` to share a cell with it are no rivals: they may belong to the same
    // correspondence.
    let rival = |a: u32, b: u32| {
        let article = units.units[b as usize].article;
        best.get(&(a, article)).map_or(0.0, |top| {
            top.iter()
                .find(|&&(_, u)| u != u32::MAX && u.abs_diff(b) as usize >= p.max_cell)
                .map_or(0.0, |&(s, _)| s)
        })
    };
    let margin = |a: u32, b: u32, s: f32| s / rival(a, b).max(rival(b, a)).max(p.weak / 2.0);
    let art = |u: u32| units.units[u as usize].article;
    let anchored: HashSet<(usize, usize)> = edges
        .iter()
        .filter(|e| e.2.sim >= p.anchor)
        .map(|e| (art(e.0), art(e.1)))
        .flat_map(|(x, y)| [(x, y), (y, x)])
        .collect();
    let weak_ok = |a: u32, b: u32, pair: &Pair| {
        pair.plain >= WEAK_PLAIN && anchored.contains(&(art(a), art(b)))
    };
    let mut clusters = Clusters::new(units.units.len());
    let best_blend = best_blends(units, &edges);
    // 0. Headlines with headlines, leads with leads.
    if p.accept > 0.0 {
        link_openings(units, sims, &mut clusters, p);
    }
    // 1. Pairs similar enough on their own words, or standing out from their rivals, best
    //    words first: a lexically strong pair must not lose its sentence to a pair that only
    //    the blend ranks higher (that one may still link in 1b).
    let mut lexical = edges.clone();
    lexical.sort_by(|x, y| {
        y.2.sim
            .total_cmp(&x.2.sim)
            .then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    let mut rest = Vec::new();
    for &(a, b, pair) in &lexical {
        let s = pair.sim;
        let strong = s >= p.threshold
            || (weak_ok(a, b, &pair) && s >= p.weak && margin(a, b, s) >= p.margin);
        let linked = strong && clusters.link(units, sims, a, b, p.link);
        if !linked {
            rest.push((a, b, pair));
        }
    }
    // 1b. Mutual best matches by the blended score that keep the order of the rows around
    //     them: at `accept`, or at the lower `mutual` when aligned neighbours confirm them.
    if p.accept > 0.0 {
        let semantic_edges: Vec<(u32, u32, Pair)> = edges
            .iter()
            .filter(|e| anchored.contains(&(art(e.0), art(e.1))))
            .copied()
            .collect();
        link_mutual(units, sims, &semantic_edges, &best_blend, &mut clusters, p);
        rest.retain(|&(a, b, _)| !clusters.same(a, b));
    }
    // 2. Pairs that a neighbouring sentence completes (one outlet's two sentences for
    //    another's one); the neighbour joins the cell when rows are merged.
    rest.sort_by(|x, y| {
        y.2.joined
            .total_cmp(&x.2.joined)
            .then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    rest.retain(|&(a, b, pair)| {
        // (The joined passage shares enough terms, see `pairs`; the pair alone need not.)
        let j = pair.joined;
        let linked = anchored.contains(&(art(a), art(b)))
            && (j >= p.threshold || (j >= p.weak && margin(a, b, j) >= p.margin))
            && clusters.link(units, sims, a, b, p.link);
        !linked && weak_ok(a, b, &pair) && pair.sim >= p.context
    });
    let mut rest: Vec<(u32, u32)> = rest.into_iter().map(|(a, b, _)| (a, b)).collect();
    // Context: a pair whose previous or next sentences share a row.
    let neighbour = |u: u32, step: isize| -> Option<u32> {
        let unit = &units.units[u as usize];
        let range = &units.by_article[unit.article];
        let v = u as isize + step;
        (v >= range.start as isize && v < range.end as isize).then_some(v as u32)
    };
    loop {
        let mut changed = false;
        rest.retain(|&(a, b)| {
            if clusters.same(a, b) {
                return false;
            }
            let supported = [-1, 1].iter().any(|&step| {
                matches!((neighbour(a, step), neighbour(b, step)), (Some(x), Some(y)) if clusters.same(x, y))
            });
            if supported && clusters.link(units, sims, a, b, p.link) {
                changed = true;
                return false;
            }
            true
        });
        if !changed {
            break;
        }
    }
    clusters
        .members
        .into_iter()
        .filter(|m| m.first().is_some_and(|&u| usable[u as usize]))
        .collect()
}

/// A headline pairs only with a headline (or, when the other article has none, with one of
/// its first sentences), unless the two share copied text: a headline sums up the story, and
/// the body sentence it shares a few words with is seldom what it says (a pair similar
/// enough on its words alone still counts).
fn headings_agree(
    units: &Units,
    has_heading: &[bool],
    a: u32,
    b: u32,
    pair: &Pair,
    p: &Params,
) -> bool {
    let (ua, ub) = (&units.units[a as usize], &units.units[b as usize]);
    let fits = |h: &super::units::Unit, o: &super::units::Unit| {
        !h.heading || o.heading || (!has_heading[o.article] && o.pos <= super::units::HEADING_LINES)
    };
    (fits(ua, ub) && fits(ub, ua)) || pair.sim >= p.threshold
}

/// Each unit's best partner by the blended score in each other article.
type BestBlend = HashMap<(u32, usize), (f32, u32)>;

fn best_blends(units: &Units, edges: &[(u32, u32, Pair)]) -> BestBlend {
    let art = |u: u32| units.units[u as usize].article;
    let mut best = BestBlend::new();
    for &(a, b, pair) in edges {
        for (x, y) in [(a, b), (b, a)] {
            let e = best.entry((x, art(y))).or_insert((f32::MIN, u32::MAX));
            if pair.blend > e.0 {
                *e = (pair.blend, y);
            }
        }
    }
    best
}

/// Whether `a` and `b` are each other's best match by the blended score.
fn mutual_best(units: &Units, best: &BestBlend, a: u32, b: u32) -> bool {
    let art = |u: u32| units.units[u as usize].article;
    best.get(&(a, art(b))).is_some_and(|e| e.1 == b)
        && best.get(&(b, art(a))).is_some_and(|e| e.1 == a)
}

/// The article's headline units and its lead: the first sentence after them.
fn lead_of(units: &Units, article: usize) -> Option<u32> {
    units.by_article[article]
        .clone()
        .take(super::units::HEADING_LINES + 1)
        .find(|&u| !units.units[u].heading)
        .map(|u| u as u32)
}

/// Headlines with headlines and leads with leads, when their blend reaches `Params::mutual`
/// and they are each other's best match among the headlines (leads): news stories open by
/// saying what happened, so two outlets' openings usually tell the same event.
fn link_openings(units: &Units, sims: &Sims, clusters: &mut Clusters, p: &Params) {
    let n = units.by_article.len();
    let heads: Vec<Vec<u32>> = (0..n)
        .map(|a| {
            units.by_article[a]
                .clone()
                .filter(|&u| units.units[u].heading)
                .map(|u| u as u32)
                .collect()
        })
        .collect();
    let leads: Vec<Vec<u32>> = (0..n)
        .map(|a| lead_of(units, a).into_iter().collect())
        .collect();
    for group in [&heads, &leads] {
        let mut pairs: Vec<(f32, u32, u32)> = Vec::new();
        for x in 0..n {
            for y in x + 1..n {
                // The best pair between the two articles' openings of this kind.
                let mut top: Option<(f32, u32, u32)> = None;
                for &a in &group[x] {
                    for &b in &group[y] {
                        let blend = super::pairs::get(sims, a, b).map_or(0.0, |q| q.blend);
                        if top.is_none_or(|t| blend > t.0) {
                            top = Some((blend, a, b));
                        }
                    }
                }
                if let Some(t) = top.filter(|t| t.0 >= p.mutual) {
                    pairs.push(t);
                }
            }
        }
        pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        for (_, a, b) in pairs {
            clusters.link(units, sims, a, b, p.link);
        }
    }
}

/// Link pairs that are each other's best match by the blended score in the other's article
/// and keep the order of the nearest rows that already hold both articles (the aligned
/// sentence before `a` has its partner before `b`, the one after it after `b`): at
/// `Params::mutual` when such neighbours exist, at `Params::accept` when there are none yet.
/// Best blends first.
fn link_mutual(
    units: &Units,
    sims: &Sims,
    edges: &[(u32, u32, Pair)],
    best: &BestBlend,
    clusters: &mut Clusters,
    p: &Params,
) {
    let mut order: Vec<&(u32, u32, Pair)> =
        edges.iter().filter(|e| e.2.blend >= p.mutual).collect();
    order.sort_by(|x, y| {
        y.2.blend
            .total_cmp(&x.2.blend)
            .then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    for &&(a, b, pair) in &order {
        if !mutual_best(units, best, a, b) || clusters.same(a, b) {
            continue;
        }
        let ok = match (
            in_order(units, clusters, a, b),
            in_order(units, clusters, b, a),
        ) {
            (Some(false), _) | (_, Some(false)) => false,
            (None, None) => pair.blend >= p.accept,
            _ => true,
        };
        if ok {
            clusters.link(units, sims, a, b, p.link);
        }
    }
}

/// Whether pairing `a` with `b` keeps the order of the rows already linking their two
/// articles, seen from `a`'s article: the nearest aligned sentence before `a` (after `a`) has
/// its partner before `b` (after `b`). `None` when no sentence of `a`'s article is aligned
/// with `b`'s yet.
fn in_order(units: &Units, clusters: &Clusters, a: u32, b: u32) -> Option<bool> {
    let (ua, ub) = (&units.units[a as usize], &units.units[b as usize]);
    let range = &units.by_article[ua.article];
    let partner = |x: usize| -> Option<u32> {
        clusters.members[clusters.cluster_of[x]]
            .iter()
            .copied()
            .find(|&m| units.units[m as usize].article == ub.article)
    };
    let before = (range.start..a as usize).rev().find_map(partner);
    let after = (a as usize + 1..range.end).find_map(partner);
    (before.is_some() || after.is_some())
        .then(|| before.is_none_or(|x| x < b) && after.is_none_or(|x| x > b))
}

/// The features of a cell's sentences.
fn features(units: &Units, c: &CellRange) -> Joined {
    Joined::of(units, c.first, c.last)
}

fn sim_cells(units: &Units, a: &Joined, b: &Joined) -> f32 {
    score(units, a.passage(), b.passage()).sim
}

fn cosine_cells(units: &Units, a: &Joined, b: &Joined) -> f32 {
    score(units, a.passage(), b.passage()).cosine
}

/// Merge rows whose cells are adjacent sentences when that explains some cell better.
///
/// Rows keep their slots while merging (a merged-away row is left empty), so the verdict
/// on a pair of rows can be kept until one of the two changes.
fn join_adjacent(units: &Units, sims: &Sims, rows: &mut Vec<RowCells>, p: &Params) {
    let mut verdicts: HashMap<(usize, usize), Option<f32>> = HashMap::new();
    let mut dirty = vec![true; rows.len()];
    loop {
        let mut row_of: Vec<Option<usize>> = vec![None; units.units.len()];
        for (r, row) in rows.iter().enumerate() {
            for c in &row.cells {
                for slot in &mut row_of[c.first..=c.last] {
                    *slot = Some(r);
                }
            }
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for range in &units.by_article {
            for u in range.start..range.end.saturating_sub(1) {
                if let (Some(r1), Some(r2)) = (row_of[u], row_of[u + 1])
                    && r1 != r2
                {
                    pairs.push((r1.min(r2), r1.max(r2)));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut merges: Vec<(f32, usize, usize)> = Vec::new();
        for (r1, r2) in pairs {
            if dirty[r1] || dirty[r2] || !verdicts.contains_key(&(r1, r2)) {
                let v = merge_gain(units, sims, &rows[r1], &rows[r2], p);
                verdicts.insert((r1, r2), v);
            }
            if let Some(Some(g)) = verdicts.get(&(r1, r2)) {
                merges.push((*g, r1, r2));
            }
        }
        if merges.is_empty() {
            break;
        }
        merges.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        dirty.iter_mut().for_each(|d| *d = false);
        for (_, r1, r2) in merges {
            if dirty[r1] || dirty[r2] {
                continue;
            }
            dirty[r1] = true;
            dirty[r2] = true;
            let other = std::mem::take(&mut rows[r2]);
            rows[r1] = merge(&rows[r1], &other);
        }
    }
    rows.retain(|r| !r.cells.is_empty());
}

/// Join a sentence left alone to the cell of its neighbouring sentence, when together they
/// explain another cell of that row better and the sentence finds its best counterpart there.
///
/// This is the case the merging of rows cannot see: one source says in one sentence what
/// another says in two, and the second of the two shares too little with the summary to
/// count by itself ("... high-level talks resumed without Ukrainian and European
/// representatives, causing displeasure" against "... the first high-level talks in years."
/// and "Ukraine and its European allies were left fuming ..."). The sentence is taken when
/// it relates to some other cell of the row at least `PART_FAVOURITE` of `Params::part`, no
/// sentence of that cell's article is closer to it, and the joined cell explains that cell
/// better by `Params::gain`. One pass over the rows as merging left them: a joined cell does
/// not pull in further sentences.
fn attach_lonely(units: &Units, sims: &Sims, best: &Best, rows: &mut Vec<RowCells>, p: &Params) {
    let mut row_of: Vec<Option<usize>> = vec![None; units.units.len()];
    for (r, row) in rows.iter().enumerate() {
        for c in &row.cells {
            for slot in &mut row_of[c.first..=c.last] {
                *slot = Some(r);
            }
        }
    }
    // (gain, lonely row, target row)
    let mut moves: Vec<(f32, usize, usize)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let [lone] = row.cells.as_slice() else {
            continue;
        };
        if lone.first != lone.last {
            continue;
        }
        let s = lone.first;
        let range = &units.by_article[lone.article];
        let mut best_move: Option<(f32, usize)> = None;
        for nb in [s.checked_sub(1), Some(s + 1)].into_iter().flatten() {
            if !range.contains(&nb) {
                continue;
            }
            let Some(t) = row_of[nb] else { continue };
            let target = &rows[t];
            let Some(mine) = target.cell(lone.article).copied() else {
                continue;
            };
            if target.cells.len() < 2 || mine.last + 1 - mine.first >= p.max_cell {
                continue;
            }
            let joined = CellRange {
                article: lone.article,
                first: mine.first.min(s),
                last: mine.last.max(s),
            };
            let fj = features(units, &joined);
            let fm = features(units, &mine);
            let fs = features(units, lone);
            for x in target.cells.iter().filter(|c| c.article != lone.article) {
                let top = best.get(&(s as u32, x.article)).map_or(0.0, |top| top[0].0);
                let favourite = top > 0.0
                    && (x.first..=x.last).any(|u| sim_of(sims, u as u32, s as u32) >= top);
                if !favourite {
                    continue;
                }
                let fx = features(units, x);
                let part = sim_cells(units, &fx, &fs);
                let gain = cosine_cells(units, &fx, &fj) - cosine_cells(units, &fx, &fm);
                if part >= p.part * PART_FAVOURITE
                    && gain >= p.gain
                    && best_move.is_none_or(|(g, _)| gain > g)
                {
                    best_move = Some((gain, t));
                }
            }
        }
        if let Some((gain, t)) = best_move {
            moves.push((gain, r, t));
        }
    }
    moves.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut touched = vec![false; rows.len()];
    for (_, lone, target) in moves {
        // A target cell grows by one sentence at most.
        if touched[target] || touched[lone] {
            continue;
        }
        touched[target] = true;
        touched[lone] = true;
        let cell = std::mem::take(&mut rows[lone]);
        rows[target] = merge(&rows[target], &cell);
    }
    rows.retain(|r| !r.cells.is_empty());
}

/// Both rows' cells together; cells of the same article are joined.
fn merge(a: &RowCells, b: &RowCells) -> RowCells {
    let mut cells: Vec<CellRange> = Vec::new();
    for c in a.cells.iter().chain(&b.cells) {
        match cells.iter_mut().find(|x| x.article == c.article) {
            Some(x) => {
                x.first = x.first.min(c.first);
                x.last = x.last.max(c.last);
            }
            None => cells.push(*c),
        }
    }
    cells.sort_by_key(|c| c.article);
    RowCells { cells }
}

/// The gain of merging two rows, if they may and should be merged.
fn merge_gain(units: &Units, sims: &Sims, r1: &RowCells, r2: &RowCells, p: &Params) -> Option<f32> {
    let mut shared = Vec::new();
    for c1 in &r1.cells {
        if let Some(c2) = r2.cell(c1.article) {
            let adjacent = c1.last + 1 == c2.first || c2.last + 1 == c1.first;
            let size = c1.last.max(c2.last) + 1 - c1.first.min(c2.first);
            if !adjacent || size > p.max_cell {
                return None;
            }
            shared.push((*c1, *c2));
        }
    }
    if shared.is_empty() {
        return None;
    }
    // Some cell only one row has must relate to a sentence the other row would add (a
    // cheap look at the scored pairs before any passage is compared).
    let related = |x: &CellRange, y: &CellRange| {
        (x.first..=x.last)
            .any(|u| (y.first..=y.last).any(|v| sim_of(sims, u as u32, v as u32) >= p.part * 0.5))
    };
    let hopeful = shared.iter().any(|(c1, c2)| {
        r1.cells
            .iter()
            .filter(|c| r2.cell(c.article).is_none())
            .any(|x| related(x, c2))
            || r2
                .cells
                .iter()
                .filter(|c| r1.cell(c.article).is_none())
                .any(|x| related(x, c1))
    });
    if !hopeful {
        return None;
    }
    // Cells only one row has end up side by side: they must not be strangers.
    let only1: Vec<Joined> = r1
        .cells
        .iter()
        .filter(|c| r2.cell(c.article).is_none())
        .map(|c| features(units, c))
        .collect();
    let only2: Vec<Joined> = r2
        .cells
        .iter()
        .filter(|c| r1.cell(c.article).is_none())
        .map(|c| features(units, c))
        .collect();
    if !only1.is_empty() && !only2.is_empty() {
        let total: f32 = only1
            .iter()
            .flat_map(|x| only2.iter().map(move |y| sim_cells(units, x, y)))
            .sum();
        if total / ((only1.len() * only2.len()) as f32) < p.link {
            return None;
        }
    }
    let mut best: Option<f32> = None;
    for (row, other, flip) in [(r1, r2, false), (r2, r1, true)] {
        for x in row.cells.iter().filter(|c| other.cell(c.article).is_none()) {
            let fx = features(units, x);
            for &(c1, c2) in &shared {
                if !related(x, if flip { &c1 } else { &c2 }) {
                    continue;
                }
                let (mine, added) = if flip { (c2, c1) } else { (c1, c2) };
                // Content decides whether the joined sentences explain `x` better; a copied
                // run inside one of them says nothing about the other.
                let before = cosine_cells(units, &fx, &features(units, &mine));
                let part = sim_cells(units, &fx, &features(units, &added));
                let joined = CellRange {
                    article: mine.article,
                    first: mine.first.min(added.first),
                    last: mine.last.max(added.last),
                };
                let after = cosine_cells(units, &fx, &features(units, &joined));
                if part >= p.part && after >= before + p.gain {
                    best = Some(best.map_or(after - before, |b: f32| b.max(after - before)));
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::pairs::score_pairs;
    use crate::corpus::Article;
    use std::path::Path;

    fn params() -> Params {
        let t = 0.3;
        Params {
            threshold: t,
            weak: t * 0.6,
            margin: 1.5,
            context: t * 0.5,
            anchor: t * 1.5,
            link: t * 0.5,
            part: t * 0.5,
            gain: 0.01,
            max_cell: 3,
            accept: 0.0,
            mutual: 0.0,
        }
    }

    fn cell(units: &Units, article: usize, pos: usize) -> CellRange {
        let u = units.by_article[article].start + pos;
        CellRange {
            article,
            first: u,
            last: u,
        }
    }

    #[test]
    fn a_lonely_second_sentence_completing_a_summary_joins_its_cell() {
        // Seed story: CNBC says in two sentences what the translated report says in one; the
        // second CNBC sentence shares too little with the summary to be linked by itself.
        // Cryptopolitan's "shockwaves" sentence is no counterpart of the summary at all.
        let cnbc = Article::new(
            Path::new("cnbc.txt"),
            "President Donald Trump\u{2019}s return to the White House has turned the tide in \
             relations, however, as last week saw the first high-level sit-down talks between \
             U.S. and Russian officials in years.\n\
             Ukraine and its European allies were left fuming by the U.S. and Russia rekindling \
             diplomatic ties and forging ahead with talks without their involvement.\n\
             Kremlin Press Secretary Dmitry Peskov told CNBC on Monday that the process of \
             restoring ties had begun."
                .into(),
        );
        let crypto = Article::new(
            Path::new("crypto.txt"),
            "The biggest shift came when Trump\u{2019}s administration sat down with Russia for \
             the first high-level talks in years, looking to establish the groundwork for ending \
             the war.\n\
             The meeting sent shockwaves through Kyiv and European capitals, where officials \
             felt blindsided."
                .into(),
        );
        let chinese = Article::new(
            Path::new("chinese.txt"),
            "With Trump's return, U.S.-Russia relations eased somewhat, and high-level talks \
             resumed without Ukrainian and European representatives, causing displeasure among \
             Ukraine and European allies.\n\
             Russia is willing to negotiate with any country."
                .into(),
        );
        let units = Units::build(&[&cnbc, &crypto, &chinese]);
        // (In this small story the second sentence relates to the summary more than in the
        // whole seed story; a higher `part` puts it in the same place: below `part`, above
        // the share of it a best counterpart needs.)
        let p = Params {
            part: 0.25,
            ..params()
        };
        let levels = crate::align::pairs::Levels {
            strong: p.threshold,
            part: p.part,
            accept: 0.0,
            anchor: p.anchor,
        };
        let sims = score_pairs(&units, None, levels);
        let summary = RowCells {
            cells: vec![cell(&units, 0, 0), cell(&units, 1, 0), cell(&units, 2, 0)],
        };
        let lonely = |a, pos| RowCells {
            cells: vec![cell(&units, a, pos)],
        };
        let mut rows = vec![
            summary,
            lonely(0, 1),
            lonely(0, 2),
            lonely(1, 1),
            lonely(2, 1),
        ];
        // Merging rows does not take it: the sentence relates to the summary too little.
        let mut merged = rows.clone();
        join_adjacent(&units, &sims, &mut merged, &p);
        assert_eq!(merged, rows);
        attach_lonely(
            &units,
            &sims,
            &best_candidates(&units, &sims),
            &mut rows,
            &p,
        );
        let first = units.by_article[0].start;
        assert_eq!(rows.len(), 4, "{rows:?}");
        let joined = rows[0].cell(0).unwrap();
        assert_eq!((joined.first, joined.last), (first, first + 1));
        // The shockwaves sentence follows the row's Cryptopolitan cell but says something
        // else: it stays alone, and so does the Peskov sentence after the joined cell.
        assert!(rows.iter().any(|r| r.cells == [cell(&units, 1, 1)]));
        assert!(rows.iter().any(|r| r.cells == [cell(&units, 0, 2)]));
        assert_eq!(rows[0].cell(1), Some(&cell(&units, 1, 0)));
    }

    #[test]
    fn a_short_pair_sharing_two_plain_terms_links_when_it_stands_out() {
        // NYT and HuffPost on Mueller's questions (NewsWCL50): "negotiations" and
        // "questions" are all the short sentence has to share; the quote both carry anchors
        // the two articles.
        let nyt = Article::new(
            Path::new("nyt.txt"),
            "\"What consideration and discussions did you have regarding terminating the special \
             counsel in June of 2017?\" Mr. Mueller planned to ask.\n\
             The list of questions grew out of those negotiations.\n\
             Mr. Trump's lawyers gave Mr. Mueller several pages of written explanations."
                .into(),
        );
        let huff = Article::new(
            Path::new("huff.txt"),
            "\"What consideration and discussions did you have regarding terminating the special \
             counsel in June of 2017?\" another asks.\n\
             Trump has ramped up his criticism of the special counsel's office in recent weeks.\n\
             The questions obtained by the Times are said to be the result of months of \
             negotiations between the special counsel and Trump's squadron of lawyers."
                .into(),
        );
        let units = Units::build(&[&nyt, &huff]);
        let p = params();
        let levels = crate::align::pairs::Levels {
            strong: p.threshold,
            part: p.part,
            accept: 0.0,
            anchor: p.anchor,
        };
        let sims = score_pairs(&units, None, levels);
        let find = |a: &Article, article: usize, needle: &str| {
            units.by_article[article]
                .clone()
                .find(|&u| a.body[units.units[u].start..units.units[u].end].contains(needle))
                .unwrap()
        };
        let list = find(&nyt, 0, "grew out of");
        let result = find(&huff, 1, "months of negotiations");
        let pair = sims[&(list as u32, result as u32)];
        assert_eq!((pair.shared, pair.plain), (2, 2), "{pair:?}");
        assert!(pair.sim < p.threshold, "{pair:?}");
        let usable = vec![true; units.units.len()];
        let rows = form_rows(&units, &sims, &usable, &p);
        let at = |u: usize| CellRange {
            article: units.units[u].article,
            first: u,
            last: u,
        };
        // (The next sentence, on the lawyers, may join the NYT cell: the HuffPost sentence
        // names them too.)
        let row = rows.iter().find(|r| {
            r.cell(0)
                .is_some_and(|c| (c.first..=c.last).contains(&list))
        });
        assert_eq!(row.unwrap().cell(1), Some(&at(result)), "{rows:?}");
    }
}
