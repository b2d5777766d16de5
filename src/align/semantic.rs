//! The semantic signal: how close two sentences are in meaning, from the static token table.
//!
//! Each sentence gets the vector of its whole text and, when it is longer than [`WINDOW`]
//! words, one vector per window of [`WINDOW`] words every [`STRIDE`] words: a long sentence
//! often corresponds to one clause of another ("... resigned on Friday, following allegations
//! of ..., his office said in a statement that ..."), and the clause's window then matches
//! where the whole sentence is diluted by the rest. Two sentences' semantic similarity is the
//! best cosine between any of their vectors.
//!
//! Raw cosines of averaged token vectors are high even for unrelated sentences of one topic,
//! so they are rescaled: [`calibrate`] maps the median cosine of sentences from *different*
//! stories (measured on basil-dev, see docs/ALIGNMENT.md) to 0 and a perfect match to 1.

use super::embedding::{Table, dot};

/// Words in a window.
pub const WINDOW: usize = 12;

/// Words between the starts of two windows.
pub const STRIDE: usize = 6;

/// Median best-window cosine of sentence pairs from different basil-dev stories: the level a
/// sentence reaches with any unrelated sentence. Calibrated scores start above it.
pub const NULL_MEDIAN: f32 = 0.35;

/// Least blended score (see [`super::pairs::blend`]) for a mutual best match to link without
/// aligned neighbours to confirm it: the 99th percentile of the null distribution — every
/// sentence's best blend in an article of a *different* basil-dev story (see
/// docs/ALIGNMENT.md) — so about one sentence in a hundred would find a partner in an
/// unrelated article.
pub const ACCEPT: f32 = 0.34;

/// Least blended score for a mutual best match whose aligned neighbours agree on its order:
/// the 95th percentile of the same null distribution.
pub const MUTUAL: f32 = 0.28;

/// Rescale a raw cosine so that the unrelated level is 0 and identity is 1.
pub fn calibrate(cosine: f32) -> f32 {
    ((cosine - NULL_MEDIAN) / (1.0 - NULL_MEDIAN)).clamp(0.0, 1.0)
}

/// Sentence vectors of a story: the whole sentence and its windows, unit by unit.
#[derive(Debug, Clone, Default)]
pub struct Vectors {
    dims: usize,
    /// Vectors of all units, `dims` floats each: unit `u` owns `spans[u]..spans[u + 1]`
    /// (in vectors), its whole-sentence vector first.
    data: Vec<f32>,
    spans: Vec<usize>,
}

impl Vectors {
    /// The vectors of each text (one per unit, in unit order).
    pub fn build<'a>(table: &Table, texts: impl IntoIterator<Item = &'a str>) -> Self {
        let dims = table.dims();
        let mut data = Vec::new();
        let mut spans = vec![0];
        let mut buf = vec![0.0; dims];
        for text in texts {
            let words: Vec<Vec<u32>> = table
                .words(text)
                .into_iter()
                .filter(|w| !w.is_empty())
                .collect();
            table.embed_ids(words.iter().flatten(), &mut buf);
            data.extend_from_slice(&buf);
            let mut count = 1;
            if words.len() > WINDOW {
                let mut start = 0;
                loop {
                    let end = (start + WINDOW).min(words.len());
                    table.embed_ids(words[start..end].iter().flatten(), &mut buf);
                    data.extend_from_slice(&buf);
                    count += 1;
                    if end == words.len() {
                        break;
                    }
                    start = (start + STRIDE).min(words.len() - WINDOW);
                }
            }
            spans.push(spans.last().copied().unwrap_or(0) + count);
        }
        Vectors { dims, data, spans }
    }

    fn vectors(&self, u: usize) -> impl Iterator<Item = &[f32]> {
        let (from, to) = (self.spans[u], self.spans[u + 1]);
        self.data[from * self.dims..to * self.dims].chunks_exact(self.dims.max(1))
    }

    /// The whole-sentence vector of a unit.
    pub fn whole(&self, u: usize) -> &[f32] {
        let from = self.spans[u] * self.dims;
        &self.data[from..from + self.dims]
    }

    /// Cosine of two units' whole-sentence vectors.
    pub fn whole_cosine(&self, a: usize, b: usize) -> f32 {
        dot(self.whole(a), self.whole(b))
    }

    /// The best cosine between any vector of `a` and any of `b` (whole sentences and windows).
    pub fn best_cosine(&self, a: usize, b: usize) -> f32 {
        let mut best = f32::MIN;
        for va in self.vectors(a) {
            for vb in self.vectors(b) {
                best = best.max(dot(va, vb));
            }
        }
        if best == f32::MIN { 0.0 } else { best }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vectors(texts: &[&str]) -> Vectors {
        Vectors::build(Table::builtin().unwrap(), texts.iter().copied())
    }

    #[test]
    fn a_clause_of_a_long_sentence_matches_through_its_window() {
        let v = vectors(&[
            "Mattis will leave at the end of February.",
            "In a tweet on Thursday the president, who had clashed with him for months over \
             Syria, Afghanistan and the alliances, said that Mattis would be retiring at the \
             end of February, with distinction.",
        ]);
        assert_eq!(v.spans.len(), 3);
        assert!(v.best_cosine(0, 1) > v.whole_cosine(0, 1));
        assert!((v.best_cosine(0, 0) - 1.0).abs() < 1e-4);
    }

    #[test]
    fn empty_and_symbol_only_sentences_score_zero() {
        let v = vectors(&["", "—", "The Senate voted on Friday."]);
        assert_eq!(v.best_cosine(0, 2), 0.0);
        assert_eq!(v.best_cosine(1, 2), 0.0);
        assert_eq!(calibrate(0.0), 0.0);
        assert_eq!(calibrate(1.0), 1.0);
    }
}
