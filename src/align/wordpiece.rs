//! The BERT-uncased tokenizer the semantic table was distilled with: basic splitting, then
//! WordPiece.
//!
//! Written out here (about a hundred lines) rather than taken from the `tokenizers` crate, which
//! brings some 77 crates and took longer to load than the whole table. It follows BERT's
//! `BasicTokenizer` + `WordpieceTokenizer` for uncased models:
//! - control characters are dropped, whitespace separates words;
//! - text is lowercased and accents are stripped (NFD, then combining marks dropped);
//! - every punctuation or symbol character is a word of its own, and so is every CJK
//!   ideograph;
//! - each word is cut greedily into the longest pieces the vocabulary holds, continuation
//!   pieces written `##piece`; a word that cannot be cut, or is longer than
//!   [`MAX_WORD_CHARS`], is unknown.
//!
//! One difference: BERT treats only Unicode punctuation (P*) and ASCII symbols as
//! punctuation; here any character that is neither alphanumeric nor whitespace is, which also
//! splits off symbols such as `€` (their pieces weigh next to nothing in the table).

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words longer than this many characters are unknown, as in BERT.
pub const MAX_WORD_CHARS: usize = 100;

/// A WordPiece vocabulary: token text to row index.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: HashMap<&'static str, u32>,
}

impl Vocab {
    /// The vocabulary of a `vocab.txt` (one token a line; line `i` is id `i`).
    pub fn parse(text: &'static str) -> Self {
        let ids = text
            .lines()
            .enumerate()
            .map(|(i, t)| (t, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        Vocab { ids }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// The id of a token.
    pub fn id(&self, token: &str) -> Option<u32> {
        self.ids.get(token).copied()
    }

    /// The pieces of one basic word, or `None` when it cannot be cut (BERT's `[UNK]`).
    pub fn pieces(&self, word: &str, out: &mut Vec<u32>) -> Option<()> {
        if word.chars().count() > MAX_WORD_CHARS {
            return None;
        }
        let start_len = out.len();
        let mut rest = word;
        let mut key = String::with_capacity(word.len() + 2);
        let mut first = true;
        while !rest.is_empty() {
            // Longest prefix of `rest` in the vocabulary, on character boundaries.
            let mut found = None;
            let mut ends: Vec<usize> = rest.char_indices().map(|(i, _)| i).skip(1).collect();
            ends.push(rest.len());
            for &end in ends.iter().rev() {
                key.clear();
                if !first {
                    key.push_str("##");
                }
                key.push_str(&rest[..end]);
                if let Some(id) = self.id(&key) {
                    found = Some((id, end));
                    break;
                }
            }
            let Some((id, end)) = found else {
                out.truncate(start_len);
                return None;
            };
            out.push(id);
            rest = &rest[end..];
            first = false;
        }
        Some(())
    }
}

/// BERT's basic tokenization of uncased text: lowercased, accents stripped, split on
/// whitespace, punctuation and CJK ideographs apart. Calls `word` with each word in order.
pub fn basic_words(text: &str, mut word: impl FnMut(&str)) {
    let mut cur = String::new();
    let flush = |cur: &mut String, word: &mut dyn FnMut(&str)| {
        if !cur.is_empty() {
            word(cur);
            cur.clear();
        }
    };
    for c in text.nfd() {
        if is_combining_mark(c) || c == '\u{0}' || c == '\u{FFFD}' {
            continue;
        }
        if c.is_whitespace() {
            flush(&mut cur, &mut word);
        } else if c.is_control() {
            continue;
        } else if is_cjk(c) || !c.is_alphanumeric() {
            flush(&mut cur, &mut word);
            let mut buf = [0u8; 4];
            word(c.encode_utf8(&mut buf));
        } else {
            cur.extend(c.to_lowercase());
        }
    }
    flush(&mut cur, &mut word);
}

/// CJK ideographs, which BERT treats as words of their own (the ranges of its tokenizer).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        basic_words(text, |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn basic_words_lowercase_strip_accents_and_split_punctuation() {
        assert_eq!(
            words("Café “Déjà-vu”, U.S. $84,000!"),
            [
                "cafe", "“", "deja", "-", "vu", "”", ",", "u", ".", "s", ".", "$", "84", ",",
                "000", "!"
            ]
        );
        assert_eq!(words("北京 ok"), ["北", "京", "ok"]);
        assert_eq!(words("a\u{0}b\tc\u{7}"), ["ab", "c"]);
        assert!(words("   ").is_empty());
    }

    #[test]
    fn wordpiece_takes_the_longest_pieces() {
        let vocab = Vocab::parse("[UNK]\nfare\n##nt\n##hold\nf\n##a\nresign\n##s\n");
        let mut out = Vec::new();
        assert!(vocab.pieces("farenthold", &mut out).is_some());
        assert_eq!(out, [1, 2, 3]);
        out.clear();
        assert!(vocab.pieces("resigns", &mut out).is_some());
        assert_eq!(out, [6, 7]);
        // A word that cannot be cut leaves nothing behind.
        out.clear();
        assert!(vocab.pieces("fax", &mut out).is_none());
        assert!(out.is_empty());
        assert!(vocab.pieces(&"a".repeat(101), &mut out).is_none());
    }
}
