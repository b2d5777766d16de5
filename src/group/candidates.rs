//! Which pairs of articles are worth comparing: those sharing their most telling features,
//! found through an inverted index rather than by trying all pairs.
//!
//! Two articles on one event share their rare, heavily weighted terms and names. Each article
//! posts its `top_k` heaviest features (those seen in at least two articles) to an index whose
//! postings are sorted by weight. An article's candidates are scored by the part of the dot
//! product their shared posted features give, reading at most `scan` entries of each posting
//! (the articles for which that feature matters most: a generic feature's long posting costs no
//! more than a rare one's), and the best `per_article` are kept. Work and memory thus grow
//! linearly with the corpus.

use super::vectors::Sparse;

/// Bounds on the work of finding candidates.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Features each article posts.
    pub top_k: usize,
    /// Entries read from each posting.
    pub scan: usize,
    /// Candidates kept per article.
    pub per_article: usize,
}

/// The inverted index of each article's heaviest features.
pub struct Index {
    /// Per article, its posted features with their weights.
    top: Vec<Vec<(u32, f32)>>,
    /// Per feature, the articles posting it with its weight there, heaviest first.
    postings: Vec<Vec<(u32, f32)>>,
    limits: Limits,
}

impl Index {
    /// Index the heaviest shared features of every article; `df` gives each feature's
    /// document frequency by id.
    pub fn new(docs: &[Sparse], df: &[u32], limits: Limits) -> Self {
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
        let mut top = Vec::with_capacity(docs.len());
        for (doc, v) in docs.iter().enumerate() {
            let mut shared: Vec<(u32, f32)> = v
                .iter()
                .copied()
                .filter(|&(f, _)| df[f as usize] >= 2)
                .collect();
            shared.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            shared.truncate(limits.top_k);
            for &(f, w) in &shared {
                postings[f as usize].push((doc as u32, w));
            }
            top.push(shared);
        }
        for p in &mut postings {
            p.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        Self {
            top,
            postings,
            limits,
        }
    }

    /// The candidates of article `doc` (other articles, in increasing order). `scratch` holds
    /// one score per article, all 0 on entry and on return.
    pub fn candidates(&self, doc: usize, scratch: &mut [f32]) -> Vec<u32> {
        let mut touched: Vec<u32> = Vec::new();
        for &(f, w) in &self.top[doc] {
            for &(other, w_other) in self.postings[f as usize].iter().take(self.limits.scan) {
                if other as usize == doc {
                    continue;
                }
                let s = &mut scratch[other as usize];
                if *s == 0.0 {
                    touched.push(other);
                }
                *s += w * w_other;
            }
        }
        let keep = self.limits.per_article;
        if touched.len() > keep {
            touched.select_nth_unstable_by(keep, |&a, &b| {
                scratch[b as usize]
                    .total_cmp(&scratch[a as usize])
                    .then(a.cmp(&b))
            });
        }
        for &d in &touched {
            scratch[d as usize] = 0.0;
        }
        touched.truncate(keep);
        touched.sort_unstable();
        touched
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: Limits = Limits {
        top_k: 2,
        scan: 10,
        per_article: 10,
    };

    fn docs() -> (Vec<Sparse>, Vec<u32>) {
        // Feature 0 is in every article (generic), 1 links articles 0 and 2, 2 is unshared.
        let docs = vec![
            vec![(0, 0.5), (1, 0.8), (2, 0.3)],
            vec![(0, 0.9)],
            vec![(0, 0.4), (1, 0.9)],
            vec![(0, 0.7)],
        ];
        (docs, vec![4, 2, 1])
    }

    #[test]
    fn candidates_share_a_posted_feature() {
        let (docs, df) = docs();
        let index = Index::new(&docs, &df, OPEN);
        let mut scratch = vec![0.0; 4];
        assert_eq!(index.candidates(0, &mut scratch), [1, 2, 3]);
        assert_eq!(index.candidates(1, &mut scratch), [0, 2, 3]);
        assert!(scratch.iter().all(|&s| s == 0.0));
    }

    #[test]
    fn long_postings_are_read_heaviest_first_and_candidates_capped() {
        let (docs, df) = docs();
        // Reading one entry per posting: article 1 sees only the heaviest poster of feature 0
        // (itself, skipped); article 0 still finds 2 through the rare feature.
        let index = Index::new(&docs, &df, Limits { scan: 1, ..OPEN });
        let mut scratch = vec![0.0; 4];
        assert_eq!(index.candidates(1, &mut scratch), Vec::<u32>::new());
        assert_eq!(index.candidates(0, &mut scratch), [1, 2]);
        // Keeping one candidate keeps the best scored: 2 shares two features with 0.
        let index = Index::new(
            &docs,
            &df,
            Limits {
                per_article: 1,
                ..OPEN
            },
        );
        assert_eq!(index.candidates(0, &mut scratch), [2]);
    }
}
