//! English function words: they carry grammar, not content, so similarity measures skip them.

use std::sync::LazyLock;

use super::wordlist;

/// Sorted list of English stopwords (lower case, straight apostrophes).
static STOPWORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| wordlist::parse(include_str!("../../assets/words/stopwords.txt")));

/// True for an English function word (expects a lower-case key, see [`super::word_key`]).
/// The pronoun "us" is deliberately absent: its key collides with "U.S.", which is content.
pub fn is_stopword(key: &str) -> bool {
    STOPWORDS.binary_search(&key).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn recognises_function_words_only() {
        assert!(is_stopword("the"));
        assert!(is_stopword("won't"));
        assert!(!is_stopword("kremlin"));
    }
}
