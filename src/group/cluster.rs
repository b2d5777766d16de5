//! Average-link agglomerative clustering over a sparse similarity graph.
//!
//! Repeatedly join the two groups whose mean pairwise similarity is highest, while it is at
//! least the threshold. Pairs without an edge count as similarity 0, so a group joins another
//! only when its articles resemble most of the other's, not one of them: this is what keeps a
//! chain of look-alike events from collapsing into one story. The graph is sparse (candidate
//! pairs only) so the cost follows the number of edges, not the square of the corpus.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

use super::vectors::{Sparse, dot};

/// What a group of articles is about beyond its words (the event signature): the summed actor
/// and event vectors of its members, and whether all of them are dated.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Summed actor vectors (each of unit length), sorted by feature id.
    pub actors: Sparse,
    /// Summed event-trigger vectors (each of unit length), sorted by feature id.
    pub events: Sparse,
    /// How many members have actors, and how many have events.
    pub counts: [u32; 2],
    /// Some member has a real date: between two such groups the date rule says when, and the
    /// signature is not consulted.
    pub dated: bool,
}

impl Profile {
    fn absorb(&mut self, other: Profile) {
        self.actors = add(&self.actors, &other.actors);
        self.events = add(&self.events, &other.events);
        self.dated |= other.dated;
        self.counts[0] += other.counts[0];
        self.counts[1] += other.counts[1];
    }
}

/// How two groups' signatures temper their similarity.
#[derive(Debug, Clone, Copy)]
pub struct Gates {
    /// Most (0..1) that wholly disagreeing actors take off.
    pub actor: f32,
    /// Most (0..1) that wholly disagreeing events take off.
    pub event: f32,
}

impl Gates {
    /// The factor (0..1) by which two groups' mean similarity is multiplied: 1 when both have
    /// dated articles (the date rule already says when), else lowered by each part both groups
    /// have, by how far their agreement across falls short of their agreement within (as the
    /// cohesion rule does for similarity): two halves of one story agree across about as well
    /// as within and lose nothing; stories about different people or events lose up to the
    /// gate.
    pub fn factor(&self, a: &Profile, b: &Profile) -> f32 {
        if a.dated && b.dated {
            return 1.0;
        }
        let part = |k: usize, x: &Sparse, y: &Sparse, gate: f32| {
            let (na, nb) = (a.counts[k] as f32, b.counts[k] as f32);
            if na == 0.0 || nb == 0.0 || gate <= 0.0 {
                return 1.0;
            }
            // Means over pairs of members, the vectors being of unit length.
            let across = dot(x, y) / (na * nb);
            let within =
                |v: &Sparse, n: f32| (n >= 2.0).then(|| (norm(v).powi(2) - n) / (n * (n - 1.0)));
            let within = match (within(x, na), within(y, nb)) {
                (Some(p), Some(q)) => (p + q) / 2.0,
                (Some(p), None) | (None, Some(p)) => p,
                (None, None) => 1.0,
            };
            let ratio = if within > 0.0 { across / within } else { 1.0 };
            1.0 - gate.min(1.0) * (1.0 - ratio.clamp(0.0, 1.0))
        };
        part(0, &a.actors, &b.actors, self.actor) * part(1, &a.events, &b.events, self.event)
    }
}

fn norm(v: &Sparse) -> f32 {
    v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()
}

/// The sum of two sparse vectors sorted by id.
fn add(a: &Sparse, b: &Sparse) -> Sparse {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// A proposed join of clusters `a` and `b`, valid while both are at the stamped versions.
struct Join {
    mean: f32,
    a: u32,
    b: u32,
    version_a: u32,
    version_b: u32,
}

impl PartialEq for Join {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Join {}
impl PartialOrd for Join {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Join {
    /// Highest mean first; ties go to the lowest ids, so the result never depends on hashing.
    fn cmp(&self, other: &Self) -> Ordering {
        self.mean
            .total_cmp(&other.mean)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

struct Cluster {
    members: Vec<u32>,
    /// Sum of edge similarities among its own members.
    internal: f32,
    /// Sum of edge similarities to each neighbouring cluster.
    links: FxHashMap<u32, f32>,
    /// Its event signature.
    profile: Profile,
    version: u32,
    alive: bool,
}

/// Cluster `n` items given similarity edges `(a, b, sim)` (each pair at most once). Returns the
/// clusters as sorted member lists, singletons included, ordered by their first member.
///
/// `cohesion` (0..1) adds a relative test: two groups join only when their mean similarity is
/// at least `cohesion` times the mean similarity within them (over their own pairs). Two
/// look-alike events are each tight inside and looser across; two halves of one story are
/// about as close across as within. Being relative, this adapts to corpora whose similarities
/// run higher or lower than others'.
///
/// With `signatures` (one [`Profile`] per item) and `gates`, the mean similarity of two groups
/// is multiplied by [`Gates::factor`] of their summed profiles before both tests: a group
/// grown from several reports of one event has a steady profile, so two stories on one topic
/// about different people or different events stay apart while one story's reports, which
/// may name partly different people each, still join.
pub fn average_link(
    n: usize,
    edges: &[(u32, u32, f32)],
    threshold: f32,
    cohesion: f32,
    signatures: Option<(Vec<Profile>, Gates)>,
) -> Vec<Vec<usize>> {
    let (mut profiles, gates) = match signatures {
        Some((p, g)) => (p, Some(g)),
        None => (Vec::new(), None),
    };
    profiles.resize_with(n, Profile::default);
    let mut clusters: Vec<Cluster> = profiles
        .into_iter()
        .enumerate()
        .map(|(i, profile)| Cluster {
            members: vec![i as u32],
            internal: 0.0,
            links: FxHashMap::default(),
            profile,
            version: 0,
            alive: true,
        })
        .collect();
    // A single article's signature is too thin to judge by (reports of one event name partly
    // different people); a group's is steady.
    let factor = |a: &Cluster, b: &Cluster| {
        if a.members.len() < 2 || b.members.len() < 2 {
            return 1.0;
        }
        gates.map_or(1.0, |g| g.factor(&a.profile, &b.profile))
    };
    let mut heap = BinaryHeap::new();
    for &(a, b, sim) in edges {
        if a == b {
            continue;
        }
        *clusters[a as usize].links.entry(b).or_insert(0.0) += sim;
        *clusters[b as usize].links.entry(a).or_insert(0.0) += sim;
    }
    for (a, c) in clusters.iter().enumerate() {
        for (&b, &sum) in &c.links {
            let mean = sum * factor(c, &clusters[b as usize]);
            if (a as u32) < b && mean >= threshold {
                heap.push(Join {
                    mean,
                    a: a as u32,
                    b,
                    version_a: 0,
                    version_b: 0,
                });
            }
        }
    }
    while let Some(join) = heap.pop() {
        let (a, b) = (join.a as usize, join.b as usize);
        if !clusters[a].alive
            || !clusters[b].alive
            || clusters[a].version != join.version_a
            || clusters[b].version != join.version_b
        {
            continue;
        }
        let pairs = |c: &Cluster| {
            let k = c.members.len() as f32;
            k * (k - 1.0) / 2.0
        };
        let inner_pairs = pairs(&clusters[a]) + pairs(&clusters[b]);
        if inner_pairs > 0.0 {
            let within = (clusters[a].internal + clusters[b].internal) / inner_pairs;
            if join.mean < cohesion * within {
                continue;
            }
        }
        let cross = clusters[a].links.get(&join.b).copied().unwrap_or(0.0);
        // Keep the cluster with more links; fold the other into it.
        let (keep, gone) = if clusters[a].links.len() >= clusters[b].links.len() {
            (a, b)
        } else {
            (b, a)
        };
        let gone_links = std::mem::take(&mut clusters[gone].links);
        let gone_members = std::mem::take(&mut clusters[gone].members);
        let gone_profile = std::mem::take(&mut clusters[gone].profile);
        clusters[keep].profile.absorb(gone_profile);
        clusters[gone].alive = false;
        clusters[keep].internal += clusters[gone].internal + cross;
        clusters[keep].links.remove(&(gone as u32));
        clusters[keep].members.extend(gone_members);
        clusters[keep].version += 1;
        for (c, sum) in gone_links {
            if c as usize == keep {
                continue;
            }
            *clusters[keep].links.entry(c).or_insert(0.0) += sum;
            let other = &mut clusters[c as usize].links;
            other.remove(&(gone as u32));
            *other.entry(keep as u32).or_insert(0.0) += sum;
        }
        let size = clusters[keep].members.len() as f32;
        let version = clusters[keep].version;
        for (&c, &sum) in &clusters[keep].links {
            let other = &clusters[c as usize];
            let mean = sum / (size * other.members.len() as f32) * factor(&clusters[keep], other);
            if mean >= threshold {
                let (lo, hi) = if (keep as u32) < c {
                    (keep as u32, c)
                } else {
                    (c, keep as u32)
                };
                let (version_lo, version_hi) = if lo == keep as u32 {
                    (version, other.version)
                } else {
                    (other.version, version)
                };
                heap.push(Join {
                    mean,
                    a: lo,
                    b: hi,
                    version_a: version_lo,
                    version_b: version_hi,
                });
            }
        }
    }
    let mut out: Vec<Vec<usize>> = clusters
        .into_iter()
        .filter(|c| c.alive)
        .map(|c| {
            let mut m: Vec<usize> = c.members.into_iter().map(|i| i as usize).collect();
            m.sort_unstable();
            m
        })
        .collect();
    out.sort_unstable_by_key(|m| m[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_dense_groups_and_keeps_a_weak_bridge_apart() {
        // Two tight triangles (0,1,2) and (3,4,5), one strong bridge 2–3, and an outsider 6.
        let edges = [
            (0, 1, 0.8),
            (0, 2, 0.7),
            (1, 2, 0.9),
            (3, 4, 0.8),
            (3, 5, 0.7),
            (4, 5, 0.9),
            (2, 3, 0.9),
        ];
        let got = average_link(7, &edges, 0.3, 0.0, None);
        assert_eq!(got, vec![vec![0, 1, 2], vec![3, 4, 5], vec![6]]);
    }

    #[test]
    fn a_low_threshold_joins_through_the_bridge() {
        let edges = [(0, 1, 0.8), (1, 2, 0.6), (0, 2, 0.5)];
        assert_eq!(average_link(3, &edges, 0.3, 0.0, None), vec![vec![0, 1, 2]]);
        assert_eq!(
            average_link(3, &edges, 0.9, 0.0, None),
            vec![vec![0], vec![1], vec![2]]
        );
    }

    #[test]
    fn cohesion_keeps_two_tight_groups_apart_that_the_threshold_alone_joins() {
        // Two tight pairs, loosely but evenly linked across (mean 0.3, within 0.9).
        let edges = [
            (0, 1, 0.9),
            (2, 3, 0.9),
            (0, 2, 0.3),
            (0, 3, 0.3),
            (1, 2, 0.3),
            (1, 3, 0.3),
        ];
        assert_eq!(
            average_link(4, &edges, 0.2, 0.0, None),
            vec![vec![0, 1, 2, 3]]
        );
        assert_eq!(
            average_link(4, &edges, 0.2, 0.5, None),
            vec![vec![0, 1], vec![2, 3]]
        );
        // Evenly linked halves of one group still join.
        let even = [
            (0, 1, 0.5),
            (2, 3, 0.5),
            (0, 2, 0.4),
            (0, 3, 0.4),
            (1, 2, 0.4),
            (1, 3, 0.4),
        ];
        assert_eq!(
            average_link(4, &even, 0.2, 0.5, None),
            vec![vec![0, 1, 2, 3]]
        );
    }
}
