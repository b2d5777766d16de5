//! Alignment units: the sentences of every article, with the features scoring needs.
//!
//! Words and content terms are interned to integer ids once, so every later comparison is
//! on small sorted integer lists. Term weights are inverse sentence frequencies within the
//! story: a name or number that few sentences carry weighs far more than "Russia" in a story
//! about Russia.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::corpus::Article;
use crate::text::{self, calendar};

/// The comparable features of a passage: one sentence or several adjacent ones.
#[derive(Debug, Clone, Copy)]
pub struct Passage<'a> {
    /// Interned words, in order.
    pub words: &'a [u32],
    /// Interned content terms, sorted and unique.
    pub terms: &'a [u32],
    /// The terms written as names, sorted and unique.
    pub names: &'a [u32],
    /// Total weight of the terms.
    pub mass: f32,
}

/// One sentence of one article.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Index of the article in the story.
    pub article: usize,
    /// Position of the sentence in its article (0-based).
    pub pos: usize,
    /// True for a headline: one of the article's first lines, without final punctuation.
    pub heading: bool,
    /// Byte offset of the sentence in the article body.
    pub start: usize,
    /// Byte offset just past the sentence.
    pub end: usize,
    /// Every word as an interned comparable form, in order (function words included).
    pub words: Vec<u32>,
    /// Interned content terms (stems, numbers), sorted and unique.
    pub terms: Vec<u32>,
    /// The terms this sentence writes as names (see [`Units::build`]), sorted and unique.
    pub names: Vec<u32>,
    /// Total weight of the terms.
    pub mass: f32,
}

impl Unit {
    /// The sentence's features for scoring.
    pub fn passage(&self) -> Passage<'_> {
        Passage {
            words: &self.words,
            terms: &self.terms,
            names: &self.names,
            mass: self.mass,
        }
    }
}

/// All units of a story, the term weights and where each article's units are.
#[derive(Debug, Clone)]
pub struct Units {
    /// Units of all articles, article by article, each in reading order.
    pub units: Vec<Unit>,
    /// For each article, the range of its units in `units`.
    pub by_article: Vec<Range<usize>>,
    /// Weight of each content term (by term id).
    pub weight: Vec<f32>,
    /// How many units carry each term (by term id).
    pub df: Vec<u32>,
    /// Mass added to every passage's own when normalising a cosine: the weight of two
    /// typical terms of the story. Short passages then need more shared content to look
    /// alike ("Trump said in a tweet." is not the same passage as every sentence with
    /// "Trump" and "tweet"), while long ones barely change.
    pub prior: f32,
}

/// How many of an article's first units may be its headline (a title line, perhaps repeated
/// as the body's first line, or a kicker above it).
pub const HEADING_LINES: usize = 3;

/// A line without final sentence punctuation (closing quotes and brackets aside).
fn is_heading(sentence: &str) -> bool {
    let t = sentence.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']')
    });
    !t.ends_with(['.', '!', '?', ':', ';', '\u{2026}'])
}

/// How many typical terms' weight a passage's norm is padded with (see [`Units::prior`]).
const PRIOR_TERMS: f32 = 1.0;

/// Stems of day and month names (see [`term_of`]), sorted.
static CALENDAR: LazyLock<Vec<String>> = LazyLock::new(|| {
    let names = calendar::MONTHS.iter().map(|m| m.name);
    let mut stems: Vec<String> = names
        .chain(calendar::WEEKDAYS.iter().map(|d| d.name))
        .map(text::stem)
        .collect();
    stems.sort();
    stems
});

/// Small number words written out in one outlet and as digits in another.
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("eight", "8"),
    ("eleven", "11"),
    ("five", "5"),
    ("four", "4"),
    ("nine", "9"),
    ("one", "1"),
    ("seven", "7"),
    ("six", "6"),
    ("ten", "10"),
    ("three", "3"),
    ("twelve", "12"),
    ("two", "2"),
];

/// Abbreviated month names (word keys, dots dropped) with the stem of the full name: one
/// outlet writes `Feb. 13`, another `February`. (`Mar.` and `May` are left alone: the first
/// is rare in news style, the second is a word.)
static MONTH_ABBREVIATIONS: LazyLock<Vec<(&str, String)>> = LazyLock::new(|| {
    let mut pairs: Vec<(&str, String)> = calendar::MONTHS
        .iter()
        .flat_map(|m| m.abbreviations.iter().map(|&a| (a, text::stem(m.name))))
        .filter(|&(a, _)| a != "mar")
        .collect();
    pairs.sort();
    pairs
});

/// The content term of a word key, if it carries content: numbers lose their thousands
/// separators, small number words become digits and abbreviated months their full name;
/// other words are stemmed.
pub fn term_of(key: &str) -> Option<String> {
    if !text::is_content(key) {
        return None;
    }
    if text::is_number(key) {
        return Some(key.replace(',', ""));
    }
    if let Ok(i) = NUMBER_WORDS.binary_search_by(|(w, _)| w.cmp(&key)) {
        return Some(NUMBER_WORDS[i].1.to_string());
    }
    if let Ok(i) = MONTH_ABBREVIATIONS.binary_search_by(|(w, _)| w.cmp(&key)) {
        return Some(MONTH_ABBREVIATIONS[i].1.to_string());
    }
    if key.chars().count() < 2 {
        return None;
    }
    Some(text::stem(key))
}

#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    fn id(&mut self, s: String) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(s).or_insert(next)
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

impl Units {
    /// Split every article into sentences and compute their features.
    pub fn build(articles: &[&Article]) -> Self {
        let mut words = Interner::default();
        let mut terms = Interner::default();
        let mut units = Vec::new();
        let mut by_article = Vec::with_capacity(articles.len());
        // Per term: (capitalised, lower-case) occurrences that are not sentence-initial.
        let mut casing: Vec<(u32, u32)> = Vec::new();
        // Per unit: its sentence-initial capitalised term, decided once casing is known.
        let mut initial: Vec<Option<u32>> = Vec::new();
        for (a, article) in articles.iter().enumerate() {
            let first = units.len();
            for (pos, span) in text::sentences(&article.body).into_iter().enumerate() {
                let sentence = &article.body[span.clone()];
                let mut unit = Unit {
                    article: a,
                    pos,
                    heading: pos < HEADING_LINES && is_heading(sentence),
                    start: span.start,
                    end: span.end,
                    words: Vec::new(),
                    terms: Vec::new(),
                    names: Vec::new(),
                    mass: 0.0,
                };
                let ws = text::words(sentence);
                let mut first_term = None;
                for (i, w) in ws.iter().enumerate() {
                    let key = text::word_key(w.text);
                    unit.words.push(words.id(key.clone()));
                    let Some(t) = term_of(&key) else { continue };
                    let id = terms.id(t);
                    unit.terms.push(id);
                    if casing.len() <= id as usize {
                        casing.resize(id as usize + 1, (0, 0));
                    }
                    if text::is_number(w.text) {
                        continue;
                    }
                    let capital = text::is_capitalised(w.text);
                    if i > 0 {
                        let c = &mut casing[id as usize];
                        if capital { c.0 += 1 } else { c.1 += 1 }
                    }
                    // A capitalised word inside the sentence is written as a name; so is the
                    // first word when a capitalised word follows ("Attorney General ...").
                    let next_capital = ws.get(i + 1).is_some_and(|n| text::is_capitalised(n.text));
                    if capital && (i > 0 || next_capital) {
                        unit.names.push(id);
                    } else if capital && i == 0 {
                        first_term = Some(id);
                    }
                }
                unit.terms.sort_unstable();
                unit.terms.dedup();
                initial.push(first_term);
                units.push(unit);
            }
            by_article.push(first..units.len());
        }
        casing.resize(terms.len(), (0, 0));
        // Days and months are written with a capital but say when, not who.
        let calendar: Vec<bool> = {
            let mut c = vec![false; terms.len()];
            for (t, &id) in &terms.ids {
                c[id as usize] = CALENDAR.binary_search(t).is_ok();
            }
            c
        };
        for (unit, first) in units.iter_mut().zip(initial) {
            // A lone capitalised first word is a name when the story mostly writes it so.
            if let Some(t) = first.filter(|&t| casing[t as usize].0 > casing[t as usize].1) {
                unit.names.push(t);
            }
            unit.names.retain(|&t| !calendar[t as usize]);
            unit.names.sort_unstable();
            unit.names.dedup();
        }
        let mut df = vec![0u32; terms.len()];
        for u in &units {
            for &t in &u.terms {
                df[t as usize] += 1;
            }
        }
        let n = units.len().max(1) as f32;
        // The squared inverse frequency: the weight a term has in the dot product of two
        // tf-idf vectors, so the cosine in `score` is the classic tf-idf cosine.
        let weight: Vec<f32> = df
            .iter()
            .map(|&d| (1.0 + n / d.max(1) as f32).ln().powi(2))
            .collect();
        let (total, count) = units
            .iter()
            .flat_map(|u| &u.terms)
            .fold((0.0f32, 0usize), |(s, n), &t| {
                (s + weight[t as usize], n + 1)
            });
        for u in &mut units {
            u.mass = u.terms.iter().map(|&t| weight[t as usize]).sum();
        }
        let prior = if count > 0 {
            PRIOR_TERMS * total / count as f32
        } else {
            0.0
        };
        Units {
            units,
            by_article,
            weight,
            df,
            prior,
        }
    }

    /// Total weight of a sorted term list.
    pub fn mass(&self, terms: &[u32]) -> f32 {
        terms.iter().map(|&t| self.weight[t as usize]).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn word_lists_are_sorted() {
        assert!(NUMBER_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(MONTH_ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(CALENDAR.windows(2).all(|w| w[0] < w[1]));
        for day in ["Monday", "Wednesday", "February", "September", "July"] {
            let stem = term_of(&text::word_key(day)).unwrap();
            assert!(CALENDAR.contains(&stem), "{stem}");
        }
    }

    #[test]
    fn abbreviated_months_are_the_full_month() {
        // "Flynn was fired Feb. 13, 2017" (USA Today) against "in February 2017" (NYT).
        for (short, long) in [
            ("Feb.", "February"),
            ("Sept.", "September"),
            ("Dec.", "December"),
        ] {
            let a = term_of(&text::word_key(short));
            assert_eq!(a, term_of(&text::word_key(long)), "{short}");
            assert!(CALENDAR.contains(&a.unwrap()));
        }
        // Longer words starting like one keep their own stem.
        assert_eq!(term_of("decent").as_deref(), Some("decent"));
        assert_eq!(term_of("october").as_deref(), Some("octob"));
    }

    #[test]
    fn terms_fold_numbers_and_stems() {
        assert_eq!(term_of("2,560").as_deref(), Some("2560"));
        assert_eq!(term_of("four").as_deref(), Some("4"));
        assert_eq!(term_of("restoring").as_deref(), Some("restor"));
        assert_eq!(term_of("the"), None);
        assert_eq!(term_of("x"), None);
    }

    #[test]
    fn units_carry_offsets_and_rarer_terms_weigh_more() {
        let a = Article::new(
            Path::new("a.txt"),
            "Peskov spoke in Moscow. Moscow talks went well.\nPeskov met Lavrov in Moscow.".into(),
        );
        let units = Units::build(&[&a]);
        assert_eq!(units.units.len(), 3);
        let u = &units.units[1];
        assert_eq!(&a.body[u.start..u.end], "Moscow talks went well.");
        assert_eq!(u.pos, 1);
        let id = |s: &str| {
            let t = units.units[2].terms.iter().copied();
            t.into_iter()
                .find(|&t| units.df[t as usize] == if s == "moscow" { 3 } else { 1 })
        };
        let moscow = id("moscow").unwrap();
        let lavrov = id("lavrov").unwrap();
        assert!(units.weight[lavrov as usize] > units.weight[moscow as usize]);
    }
}
