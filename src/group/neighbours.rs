//! Neighbourhood similarity: articles on one event have the same nearest neighbours.
//!
//! Two reports of one earthquake may share few words with each other, yet both resemble the
//! other reports of that earthquake most; a report of another earthquake resembles the first
//! two through the topic's vocabulary, but its nearest neighbours are reports of its own event.
//! So each article is described by its `k` most similar articles (weighted by similarity, with
//! itself at weight 1), and two articles' neighbourhood similarity is the cosine of those
//! descriptions: shared-nearest-neighbour similarity (Jarvis & Patrick, 1973). The similarity
//! grouping uses is the geometric blend `direct^(1 - β) · neighbourhood^β`.

use super::vectors::dot;

/// Re-score every edge `(a, b, sim)` of a similarity graph over `n` items by blending its
/// direct similarity with the neighbourhood similarity of `a` and `b` (`beta` in 0..1 is the
/// share of the latter). Edges keep their order; those scoring 0 are dropped.
pub fn blend(n: usize, edges: &[(u32, u32, f32)], k: usize, beta: f32) -> Vec<(u32, u32, f32)> {
    let mut adjacent: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    for &(a, b, sim) in edges {
        adjacent[a as usize].push((b, sim));
        adjacent[b as usize].push((a, sim));
    }
    let rows: Vec<Vec<(u32, f32)>> = adjacent
        .into_iter()
        .enumerate()
        .map(|(me, mut near)| {
            near.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            near.truncate(k);
            near.push((me as u32, 1.0));
            let norm = near.iter().map(|(_, s)| s * s).sum::<f32>().sqrt();
            for (_, s) in &mut near {
                *s /= norm;
            }
            near.sort_unstable_by_key(|&(id, _)| id);
            near
        })
        .collect();
    let beta = beta.clamp(0.0, 1.0);
    edges
        .iter()
        .filter_map(|&(a, b, sim)| {
            let shared = dot(&rows[a as usize], &rows[b as usize]);
            let blended = sim.powf(1.0 - beta) * shared.powf(beta);
            (blended > 0.0).then_some((a, b, blended))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_neighbours_lift_a_weak_edge_inside_a_group_and_not_across() {
        // 0..=3 are one event; 4 is a look-alike event resembling 0 and 1 through the topic.
        let edges = [
            (0, 1, 0.5),
            (0, 2, 0.5),
            (0, 3, 0.5),
            (1, 2, 0.5),
            (1, 3, 0.5),
            (2, 3, 0.2),
            (0, 4, 0.2),
            (1, 4, 0.2),
        ];
        let got = blend(5, &edges, 3, 0.5);
        let sim = |a, b| got.iter().find(|e| (e.0, e.1) == (a, b)).unwrap().2;
        // The weak 2–3 edge shares neighbours 0 and 1; the 0–4 edge of equal weight does not.
        assert!(sim(2, 3) > 1.5 * sim(0, 4), "{got:?}");
        // Beta 0 leaves the direct similarity.
        assert_eq!(blend(5, &edges, 3, 0.0)[5].2, 0.2);
    }
}
