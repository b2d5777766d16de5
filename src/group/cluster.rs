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
pub fn average_link(
    n: usize,
    edges: &[(u32, u32, f32)],
    threshold: f32,
    cohesion: f32,
) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Cluster> = (0..n as u32)
        .map(|i| Cluster {
            members: vec![i],
            internal: 0.0,
            links: FxHashMap::default(),
            version: 0,
            alive: true,
        })
        .collect();
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
            if (a as u32) < b && sum >= threshold {
                heap.push(Join {
                    mean: sum,
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
            let mean = sum / (size * other.members.len() as f32);
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
        let got = average_link(7, &edges, 0.3, 0.0);
        assert_eq!(got, vec![vec![0, 1, 2], vec![3, 4, 5], vec![6]]);
    }

    #[test]
    fn a_low_threshold_joins_through_the_bridge() {
        let edges = [(0, 1, 0.8), (1, 2, 0.6), (0, 2, 0.5)];
        assert_eq!(average_link(3, &edges, 0.3, 0.0), vec![vec![0, 1, 2]]);
        assert_eq!(
            average_link(3, &edges, 0.9, 0.0),
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
        assert_eq!(average_link(4, &edges, 0.2, 0.0), vec![vec![0, 1, 2, 3]]);
        assert_eq!(
            average_link(4, &edges, 0.2, 0.5),
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
        assert_eq!(average_link(4, &even, 0.2, 0.5), vec![vec![0, 1, 2, 3]]);
    }
}
