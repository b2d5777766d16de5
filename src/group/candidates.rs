//! Which pairs of articles are worth comparing: those sharing one of their most telling
//! features, found through an inverted index rather than by trying all pairs.
//!
//! Two articles on one event share their rare, heavily weighted terms and names. Each article
//! posts its `top_k` heaviest features (those seen in at least two articles) to an index; the
//! candidates of an article are the others posted under the same features. A feature posted by
//! more than `max_posting` articles is generic in this corpus and proposes no pairs: every
//! article keeps its rarer features to be found by.

use super::vectors::Sparse;

/// The inverted index of each article's heaviest features.
pub struct Index {
    top: Vec<Vec<u32>>,
    postings: Vec<Vec<u32>>,
    max_posting: usize,
}

impl Index {
    /// Index the `top_k` heaviest shared features of every article.
    /// `df` gives each feature's document frequency by id.
    pub fn new(docs: &[Sparse], df: &[u32], top_k: usize, max_posting: usize) -> Self {
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); df.len()];
        let mut top = Vec::with_capacity(docs.len());
        for (doc, v) in docs.iter().enumerate() {
            let mut shared: Vec<(u32, f32)> = v
                .iter()
                .copied()
                .filter(|&(f, _)| df[f as usize] >= 2)
                .collect();
            shared.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            shared.truncate(top_k);
            let features: Vec<u32> = shared.into_iter().map(|(f, _)| f).collect();
            for &f in &features {
                postings[f as usize].push(doc as u32);
            }
            top.push(features);
        }
        Self {
            top,
            postings,
            max_posting,
        }
    }

    /// The candidates of article `doc` with a higher index than `doc`, in increasing order.
    /// `seen` is scratch space of one flag per article, all false on entry and on return.
    pub fn later_candidates(&self, doc: usize, seen: &mut [bool]) -> Vec<u32> {
        let mut out = Vec::new();
        for &f in &self.top[doc] {
            let posting = &self.postings[f as usize];
            if posting.len() > self.max_posting {
                continue;
            }
            // Postings are in increasing article order: skip to the articles after `doc`.
            let from = posting.partition_point(|&d| d as usize <= doc);
            for &other in &posting[from..] {
                if !seen[other as usize] {
                    seen[other as usize] = true;
                    out.push(other);
                }
            }
        }
        for &d in &out {
            seen[d as usize] = false;
        }
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_share_a_top_feature_and_generic_features_propose_none() {
        // Feature 0 is in every article (generic), 1 links articles 0 and 2, 2 is unshared.
        let docs = vec![
            vec![(0, 0.5), (1, 0.8), (2, 0.3)],
            vec![(0, 0.9)],
            vec![(0, 0.4), (1, 0.9)],
            vec![(0, 0.9)],
        ];
        let df = [4, 2, 1];
        let index = Index::new(&docs, &df, 2, 3);
        let mut seen = vec![false; 4];
        assert_eq!(index.later_candidates(0, &mut seen), [2]);
        assert_eq!(index.later_candidates(1, &mut seen), Vec::<u32>::new());
        assert!(seen.iter().all(|s| !s));
        let open = Index::new(&docs, &df, 2, 10);
        assert_eq!(open.later_candidates(0, &mut seen), [1, 2, 3]);
    }
}
