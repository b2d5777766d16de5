//! Text primitives shared by grouping, alignment and comparison: punctuation normalisation,
//! words with byte offsets, stems, stopwords and sentence spans.
//!
//! Everything here is pure and works on byte offsets into the original text, so every later
//! stage can point back into an article body.

pub mod calendar;
pub mod controls;
pub mod sanitize;
mod sentences;
mod stopwords;
pub mod wordlist;

pub use sentences::sentences;
pub use stopwords::is_stopword;

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// Map typographic punctuation to its plain form: curly quotes to straight ones, dashes to
/// `-`, non-breaking and other exotic spaces to a plain space, the ellipsis character to `...`.
/// Outlets differ in these without differing in wording, so every comparison starts here.
pub fn fold_punct(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{2026}' => "...",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        _ => return None,
    })
}

/// Normalise punctuation (see [`fold_punct`]) and collapse runs of white space to one space.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let folded;
        let piece: &str = match fold_punct(c) {
            Some(p) => p,
            None => {
                folded = c.to_string();
                &folded
            }
        };
        for pc in piece.chars() {
            if pc.is_whitespace() {
                space = true;
            } else {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(pc);
            }
        }
    }
    out
}

/// A word of a text with its byte range in that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the word's first byte.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The word as written.
    pub text: &'a str,
}

/// The words of a text (Unicode word boundaries, UAX #29), with byte offsets. Numbers such as
/// `2,560` or `1.3` and contractions such as `won't` stay one word; punctuation is skipped.
pub fn words(s: &str) -> Vec<Word<'_>> {
    s.unicode_word_indices()
        .map(|(start, text)| Word {
            start,
            end: start + text.len(),
            text,
        })
        .collect()
}

/// The comparable form of a word: lower case, typographic apostrophes folded, a trailing
/// possessive `'s` removed, and the dots of abbreviations dropped (`U.S.` → `us`).
pub fn word_key(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        match fold_punct(c) {
            Some(p) => out.push_str(p),
            None => out.extend(c.to_lowercase()),
        }
    }
    if let Some(stripped) = out.strip_suffix("'s") {
        out.truncate(stripped.len());
    }
    if out.contains('.') && !out.chars().any(|c| c.is_ascii_digit()) {
        out.retain(|c| c != '.');
    }
    out
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// English Snowball stem of a word key (see [`word_key`]).
pub fn stem(key: &str) -> String {
    STEMMER.stem(key).into_owned()
}

/// True when the word carries content: not a stopword, not pure punctuation.
pub fn is_content(key: &str) -> bool {
    !is_stopword(key) && key.chars().any(char::is_alphanumeric)
}

/// Stems of the content words of a text, in order.
pub fn content_stems(s: &str) -> Vec<String> {
    words(s)
        .into_iter()
        .map(|w| word_key(w.text))
        .filter(|k| is_content(k))
        .map(|k| stem(&k))
        .collect()
}

/// True when a word starts with an upper-case letter (a name candidate).
pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// True when a word is a number (digits with optional separators).
pub fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// `s` cut to at most `max` characters, an ellipsis marking the cut: for messages that quote
/// input, which can be arbitrarily long.
pub fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_typography_and_space() {
        assert_eq!(
            normalize("\u{201C}We\u{2019}ll see\u{201D} \u{2014}  Tass\u{00A0}said\u{2026}"),
            "\"We'll see\" - Tass said..."
        );
    }

    #[test]
    fn words_have_offsets_and_keep_numbers_and_contractions() {
        let s = "Mutuum raised $1.3 million; it won\u{2019}t stop.";
        let ws = words(s);
        let texts: Vec<&str> = ws.iter().map(|w| w.text).collect();
        assert_eq!(
            texts,
            [
                "Mutuum",
                "raised",
                "1.3",
                "million",
                "it",
                "won\u{2019}t",
                "stop"
            ]
        );
        for w in &ws {
            assert_eq!(&s[w.start..w.end], w.text);
        }
    }

    #[test]
    fn word_key_folds_case_possessive_and_abbreviation_dots() {
        assert_eq!(word_key("Russia\u{2019}s"), "russia");
        assert_eq!(word_key("U.S"), "us");
        assert_eq!(word_key("1.3"), "1.3");
        assert_eq!(word_key("Won\u{2019}t"), "won't");
    }

    #[test]
    fn content_stems_drop_stopwords_and_stem() {
        assert_eq!(
            content_stems("The talks were rated highly by the Kremlin"),
            ["talk", "rate", "high", "kremlin"]
        );
    }
}
