//! A synthetic corpus of any size for grouping benchmarks, built from real news sentences.
//!
//! The test data holds about 60 real stories (ECB+ and NewsWCL50). A synthetic story picks one
//! of them and gives each of its articles 10 to 50 sentences, three in four from that story and
//! the rest from anywhere (the way outlets add background). So that thousands of synthetic
//! stories made from the same 60 do not all read as one, each synthetic story relabels its
//! names: every capitalised content word gets a suffix of its own (`Lohan` → `Lohanqd`), as
//! different events have different people and places. Stories have 1 to 12 articles, dates a
//! few days apart, and one of 40 outlets each. Deterministic for a given size.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use parallax::config::Config;
use parallax::corpus::{self, Article};
use parallax::text;

/// One synthetic article and the index of the synthetic story it belongs to.
pub struct Synthetic {
    /// The article.
    pub article: Article,
    /// Its synthetic story.
    pub story: usize,
}

/// A small deterministic generator (SplitMix64): benchmark data needs no cryptography.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The sentences of the real stories in `tests/data`, grouped by story.
pub fn source_stories() -> Vec<Vec<String>> {
    let root = crate::package_root().join("tests/data");
    let mut stories: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for set in ["ecbplus-dev", "newswcl50"] {
        let dir = root.join(set);
        let labels = std::fs::read_to_string(dir.join("labels.tsv")).unwrap_or_default();
        let story_of: BTreeMap<&str, &str> = labels
            .lines()
            .skip(1)
            .filter_map(|l| {
                let mut parts = l.split('\t');
                Some((parts.next()?, parts.next()?))
            })
            .collect();
        let loaded = corpus::load_paths(std::slice::from_ref(&dir), &Config::default().load);
        for a in loaded.articles {
            let name = Path::new(&a.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let Some(story) = story_of.get(name.as_str()) else {
                continue;
            };
            let pool = stories.entry(format!("{set}/{story}")).or_default();
            for r in text::sentences(&a.body) {
                let s = &a.body[r];
                if s.split_whitespace().count() >= 5 {
                    pool.push(s.to_string());
                }
            }
        }
    }
    stories.into_values().filter(|p| p.len() >= 10).collect()
}

/// Append `suffix` to every capitalised content word of a sentence.
fn relabel(sentence: &str, suffix: &str) -> String {
    let mut out = String::with_capacity(sentence.len() + 16);
    let mut last = 0;
    for w in text::words(sentence) {
        if text::is_capitalised(w.text) && text::is_content(&text::word_key(w.text)) {
            // Before a possessive: `Trump's` → `Trumpdaa's`.
            let stem_end = ["'s", "\u{2019}s"]
                .iter()
                .find_map(|p| w.text.strip_suffix(p))
                .map_or(w.end, |s| w.start + s.len());
            out.push_str(&sentence[last..stem_end]);
            out.push_str(suffix);
            last = stem_end;
        }
    }
    out.push_str(&sentence[last..]);
    out
}

/// Letters naming a synthetic story (`0` → `aa`, `1` → `ab`, ...).
fn suffix_of(mut story: usize) -> String {
    let mut s = String::new();
    for _ in 0..3 {
        s.push((b'a' + (story % 26) as u8) as char);
        story /= 26;
    }
    s
}

/// `n` synthetic articles recombined from `sources` (see the module doc).
pub fn corpus(sources: &[Vec<String>], n: usize) -> Vec<Synthetic> {
    let mut rng = Rng(n as u64);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let mut out = Vec::with_capacity(n);
    let mut story = 0;
    while out.len() < n {
        let base = rng.below(sources.len());
        let size = 1 + rng.below(6) + rng.below(7);
        let suffix = suffix_of(story);
        let day = start + Days::new(rng.below(3650) as u64);
        for i in 0..size.min(n - out.len()) {
            let sentences = 10 + rng.below(41);
            let mut body = String::new();
            for s in 0..sentences {
                let pool = if rng.below(4) < 3 {
                    &sources[base]
                } else {
                    &sources[rng.below(sources.len())]
                };
                let sentence = &pool[rng.below(pool.len())];
                body.push_str(&relabel(sentence, &suffix));
                body.push(if s % 3 == 2 { '\n' } else { ' ' });
            }
            let path = PathBuf::from(format!("synthetic/s{story:05}-{i:02}.txt"));
            let mut article = Article::new(&path, body.trim().to_string());
            article.source = Some(format!("Outlet {}", rng.below(40)));
            article.date = Some(day + Days::new(rng.below(3) as u64));
            out.push(Synthetic { article, story });
        }
        story += 1;
    }
    out
}
