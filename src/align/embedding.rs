//! The static token table behind the semantic signal, and sentence vectors made from it.
//!
//! The table (`assets/embeddings/`) holds one 256-dimensional row per token of BERT's uncased
//! vocabulary, distilled from the sentence model all-MiniLM-L6-v2 as model2vec does (see
//! `scripts/embeddings/distil.py`): each token through the model alone, PCA, and a SIF weight
//! so frequent tokens count little. It is built into the binary and parsed once, the first time
//! a story is aligned. A sentence's vector is the mean of its tokens' rows, normalised; two
//! sentences that say the same thing in other words ("resigned from Congress" and "stepped down
//! from the House") get close vectors where word overlap sees nothing in common.
//!
//! File format (little-endian): 8 bytes magic `PXEMB\0\x01\0`, u32 rows, u32 dimensions, one
//! f32 scale per row, then the rows as int8 (value = scale × int8), row after row.

use std::sync::OnceLock;

use super::wordpiece::{self, Vocab};

/// The distilled table, as built into the binary.
const TABLE_BYTES: &[u8] = include_bytes!("../../assets/embeddings/minilm-l6-static-256.bin");

/// Its vocabulary: line `i` names row `i`.
const VOCAB_TEXT: &str = include_str!("../../assets/embeddings/vocab.txt");

const MAGIC: &[u8; 8] = b"PXEMB\0\x01\0";

/// A token embedding table with its vocabulary.
#[derive(Debug, Clone)]
pub struct Table {
    dims: usize,
    scales: Vec<f32>,
    rows: &'static [u8],
    vocab: Vocab,
    /// Ids that never contribute to a sentence: `[PAD]`, `[CLS]`, `[SEP]`, `[MASK]`, `[UNK]`.
    specials: [u32; 5],
}

impl Table {
    /// Parse a table and its vocabulary; `None` when the bytes are not a table of this format
    /// or do not match the vocabulary.
    pub fn parse(bytes: &'static [u8], vocab_text: &'static str) -> Option<Self> {
        let (magic, rest) = bytes.split_first_chunk::<8>()?;
        if magic != MAGIC {
            return None;
        }
        let (n, rest) = rest.split_first_chunk::<4>()?;
        let (d, rest) = rest.split_first_chunk::<4>()?;
        let n = usize::try_from(u32::from_le_bytes(*n)).ok()?;
        let dims = usize::try_from(u32::from_le_bytes(*d)).ok()?;
        let scale_bytes = rest.get(..n.checked_mul(4)?)?;
        let rows = rest.get(n * 4..)?;
        if dims == 0 || rows.len() != n.checked_mul(dims)? {
            return None;
        }
        let scales = scale_bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let vocab = Vocab::parse(vocab_text);
        if vocab.len() != n {
            return None;
        }
        let special = |t: &str| vocab.id(t).unwrap_or(u32::MAX);
        let specials = [
            special("[PAD]"),
            special("[CLS]"),
            special("[SEP]"),
            special("[MASK]"),
            special("[UNK]"),
        ];
        Some(Table {
            dims,
            scales,
            rows,
            vocab,
            specials,
        })
    }

    /// Parse the table built into parallax afresh (what the first use costs; benchmarks
    /// measure it).
    pub fn parse_builtin() -> Option<Self> {
        Table::parse(TABLE_BYTES, VOCAB_TEXT)
    }

    /// The table built into parallax, parsed on first use; `None` only if the built-in asset
    /// were damaged (alignment then uses word overlap alone).
    pub fn builtin() -> Option<&'static Table> {
        static TABLE: OnceLock<Option<Table>> = OnceLock::new();
        TABLE.get_or_init(Table::parse_builtin).as_ref()
    }

    /// Number of dimensions of a vector.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// The WordPiece ids of a text's words, one list per basic word. Punctuation is left out
    /// (its rows weigh next to nothing); words that cannot be cut give an empty list.
    pub fn words(&self, text: &str) -> Vec<Vec<u32>> {
        let mut out = Vec::new();
        wordpiece::basic_words(text, |w| {
            let mut chars = w.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && !c.is_alphanumeric()
            {
                return;
            }
            let mut ids = Vec::new();
            if self.vocab.pieces(w, &mut ids).is_none() {
                ids.clear();
            }
            ids.retain(|id| !self.specials.contains(id));
            out.push(ids);
        });
        out
    }

    /// Add a token's row to `acc`.
    fn add_row(&self, id: u32, acc: &mut [f32]) {
        let Ok(i) = usize::try_from(id) else { return };
        let (Some(&scale), Some(row)) = (
            self.scales.get(i),
            self.rows.get(i * self.dims..(i + 1) * self.dims),
        ) else {
            return;
        };
        for (a, &q) in acc.iter_mut().zip(row) {
            *a += scale * f32::from(q as i8);
        }
    }

    /// The normalised mean of the rows of `ids` written into `out` (all zero when there is no
    /// token or the sum is zero). `out` must be `dims` long.
    pub fn embed_ids<'a>(&self, ids: impl IntoIterator<Item = &'a u32>, out: &mut [f32]) {
        out.iter_mut().for_each(|x| *x = 0.0);
        for &id in ids {
            self.add_row(id, out);
        }
        normalise(out);
    }
}

/// Scale a vector to unit length (left as is when zero).
pub fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Dot product (the cosine of two normalised vectors).
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> &'static Table {
        Table::builtin().expect("the built-in table parses")
    }

    fn embed(text: &str) -> Vec<f32> {
        let t = table();
        let ids: Vec<u32> = t.words(text).into_iter().flatten().collect();
        let mut v = vec![0.0; t.dims()];
        t.embed_ids(&ids, &mut v);
        v
    }

    #[test]
    fn the_builtin_table_matches_its_vocabulary_and_tokenizes_like_bert() {
        let t = table();
        assert_eq!(t.dims(), 256);
        // Ids from the teacher's own tokenizer (tokenizer.json of all-MiniLM-L6-v2).
        // (Punctuation, here the two full stops, 1012, is left out.)
        let ids: Vec<u32> = t
            .words("Texas Rep. Blake Farenthold resigns from Congress.")
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(
            ids,
            [
                3146, 16360, 6511, 13258, 3372, 12640, 12897, 2015, 2013, 3519
            ]
        );
    }

    #[test]
    fn paraphrases_are_closer_than_other_sentences_of_the_story() {
        let a = embed("Representative Blake Farenthold resigned from Congress on Friday.");
        let b = embed("Farenthold stepped down from the House at the end of the week.");
        let c = embed("The congressman was photographed in duck pajamas years ago.");
        let d = embed("Stock markets in Asia fell sharply as oil prices rose.");
        assert!(dot(&a, &b) > dot(&a, &c), "{} {}", dot(&a, &b), dot(&a, &c));
        assert!(dot(&a, &c) > dot(&a, &d), "{} {}", dot(&a, &c), dot(&a, &d));
        assert!((dot(&a, &a) - 1.0).abs() < 1e-4);
    }

    #[test]
    fn odd_text_never_panics_and_embeds_to_zero_or_unit_length() {
        let t = table();
        for text in [
            "",
            "   ",
            "\u{0}\u{7}",
            "…—“”",
            &"x".repeat(500),
            "北京 Ωμέγα 😀",
        ] {
            let v = embed(text);
            let n = dot(&v, &v);
            assert!(n == 0.0 || (n - 1.0).abs() < 1e-4, "{text:?} {n}");
        }
        assert!(Table::parse(b"PXEMB\0\x01\0", "").is_none());
        assert!(Table::parse(&TABLE_BYTES[..100], VOCAB_TEXT).is_none());
        assert!(t.words("[CLS] [SEP]").iter().flatten().count() <= 6);
    }
}
