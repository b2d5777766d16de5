//! What a story is called: a title taken from its most central headline, and a short id a
//! user can type.
//!
//! Story id scheme: the first six hex digits of the 64-bit FNV-1a hash of the smallest
//! article id in the story (article ids are file stems, so this does not depend on the order
//! files were read in, nor on unrelated stories). When two stories of one corpus would get the
//! same id, both get as many more digits as it takes to tell them apart.

use std::collections::HashMap;

use crate::corpus::Article;
use crate::text::{self, calendar};

/// Number of hex digits in a story id, when there is no clash.
const ID_DIGITS: usize = 6;

/// A first line longer than this (in bytes) is a paragraph, not a headline.
const MAX_HEADLINE_BYTES: usize = 400;

/// Longest title kept, in characters; longer ones are cut at a word boundary.
const MAX_TITLE_CHARS: usize = 100;

/// The article's headline: its title when the loader found one, else its first line when
/// that reads like a headline (not a dateline or a time stamp).
pub fn headline(a: &Article) -> Option<String> {
    if let Some(t) = a.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        return Some(clean(t));
    }
    let first = a.body.lines().map(str::trim).find(|l| !l.is_empty())?;
    // A headline is short; a long first line is a paragraph, not worth splitting into words.
    (first.len() <= MAX_HEADLINE_BYTES && looks_like_headline(first)).then(|| clean(first))
}

/// The text to show for an article: its headline, else the start of its first line.
pub fn display_title(a: &Article) -> String {
    if let Some(h) = headline(a) {
        return shorten(&h);
    }
    let first = a
        .body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let t = shorten(&clean(first));
    if t.is_empty() { a.id.clone() } else { t }
}

/// The title of a story: the headline of its most central article that has one, where
/// `centrality` gives each member's summed similarity to the others.
pub fn story_title(articles: &[Article], members: &[usize], centrality: &[f32]) -> String {
    let mut order: Vec<usize> = members.to_vec();
    order.sort_by(|&x, &y| centrality[y].total_cmp(&centrality[x]).then(x.cmp(&y)));
    order
        .iter()
        .find_map(|&i| headline(&articles[i]))
        .map(|h| shorten(&h))
        .unwrap_or_else(|| {
            order
                .first()
                .map(|&i| display_title(&articles[i]))
                .unwrap_or_default()
        })
}

/// Ids for stories given each story's member article ids (see the module doc for the scheme).
pub fn story_ids<'a>(stories: impl Iterator<Item = Vec<&'a str>>) -> Vec<String> {
    let hashes: Vec<String> = stories
        .map(|ids| {
            let anchor = ids.into_iter().min().unwrap_or("");
            format!("{:016x}", fnv1a(anchor.as_bytes()))
        })
        .collect();
    let mut digits = vec![ID_DIGITS; hashes.len()];
    loop {
        let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, h) in hashes.iter().enumerate() {
            seen.entry(&h[..digits[i]]).or_default().push(i);
        }
        let mut changed = false;
        for clash in seen.values().filter(|v| v.len() > 1) {
            for &i in clash {
                if digits[i] < hashes[i].len() {
                    digits[i] += 1;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    hashes
        .iter()
        .zip(digits)
        .map(|(h, d)| h[..d].to_string())
        .collect()
}

/// 64-bit FNV-1a: a fixed hash, so ids are the same on every machine and Rust version.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Clock and time-zone words: with month and weekday names, a line made of little else is a
/// dateline.
const CLOCK_WORDS: &[&str] = &["am", "edt", "est", "gmt", "pm", "pst", "updated", "utc"];

/// A month or weekday name or abbreviation (not `may`, a word) or a clock word.
fn is_date_word(key: &str) -> bool {
    (calendar::is_month_word(key) && key != "may")
        || calendar::is_weekday_or_abbreviation(key)
        || CLOCK_WORDS.contains(&key)
}

/// A line that can serve as a headline: a few to two dozen words, at least three of them
/// content words other than dates and times.
fn looks_like_headline(line: &str) -> bool {
    let words = text::words(line);
    let content = words
        .iter()
        .map(|w| text::word_key(w.text))
        .filter(|k| text::is_content(k) && !k.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|k| !is_date_word(k))
        .count();
    content >= 3 && words.len() <= 30
}

/// One line of plain text: control characters dropped and runs of white space made one space
/// (typography is kept: titles are shown, not compared).
fn clean(s: &str) -> String {
    let plain: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cut a title to [`MAX_TITLE_CHARS`] at a word boundary, marking the cut with `...`.
fn shorten(s: &str) -> String {
    if s.chars().count() <= MAX_TITLE_CHARS {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX_TITLE_CHARS).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > MAX_TITLE_CHARS / 2)
        .unwrap_or(cut.len());
    format!(
        "{}...",
        cut[..at_word].trim_end_matches([',', ';', ':', ' '])
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn article(id: &str, title: Option<&str>, body: &str) -> Article {
        let mut a = Article::new(Path::new(&format!("{id}.txt")), body.into());
        a.title = title.map(String::from);
        a
    }

    #[test]
    fn headline_skips_datelines_and_prefers_the_title() {
        let dated = article("a", None, "May 2, 2013, 1:12 PM\nLindsay Lohan checked in.");
        assert_eq!(headline(&dated), None);
        assert_eq!(display_title(&dated), "May 2, 2013, 1:12 PM");
        let titled = article("b", Some(" Lohan \u{2014}\trehab\n"), "Body.");
        assert_eq!(headline(&titled).as_deref(), Some("Lohan \u{2014} rehab"));
        let first = article("c", None, "Esther Williams dies at 91\nShe swam.");
        assert_eq!(
            headline(&first).as_deref(),
            Some("Esther Williams dies at 91")
        );
    }

    #[test]
    fn story_title_comes_from_the_most_central_headline() {
        let arts = vec![
            article("a", None, "Friday, June 7, 2013\nText."),
            article("b", None, "Esther Williams dies at 91\nText."),
            article("c", None, "Hollywood's mermaid Esther Williams dies\nText."),
        ];
        assert_eq!(
            story_title(&arts, &[0, 1, 2], &[3.0, 1.0, 2.0]),
            "Hollywood's mermaid Esther Williams dies"
        );
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let long = "word ".repeat(40);
        let t = shorten(long.trim());
        assert!(t.ends_with("word..."), "{t}");
        assert!(t.chars().count() <= MAX_TITLE_CHARS + 3);
    }

    #[test]
    fn ids_are_short_stable_and_unique() {
        let ids = story_ids([vec!["t01_ecb_02", "t01_ecb_01"], vec!["x"]].into_iter());
        assert_eq!(ids[0].len(), ID_DIGITS);
        assert_eq!(ids[0], format!("{:016x}", fnv1a(b"t01_ecb_01"))[..6]);
        assert_ne!(ids[0], ids[1]);
        // The same anchor twice (cannot happen with unique article ids) still ends distinct
        // only as far as the hash allows: full length, no endless loop.
        let same = story_ids([vec!["a"], vec!["a"]].into_iter());
        assert_eq!(same[0].len(), 16);
    }
}
