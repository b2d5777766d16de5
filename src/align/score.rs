//! How alike two passages are, and what kind of likeness it is.
//!
//! Two signals, both cheap on interned ids:
//! - content overlap: the tf-idf cosine of the passages' content terms (stems, names,
//!   numbers), each weighted by its rarity in the story, with every passage's norm padded by
//!   the weight of a typical term so short passages need more in common. It finds paraphrases
//!   and translations, which keep the names, numbers and key nouns while changing the grammar
//!   around them. It counts only when the two share two terms or more, one of them not a name
//!   in both: one shared word is a coincidence, and shared names alone say the same people
//!   appear, not that the same thing is said;
//! - shared runs: how much of the shorter passage lies in runs of at least [`RUN`] words that
//!   the other passage has too, function words included. It finds copied text and quotes even
//!   when one outlet trimmed them or wrapped them in a different attribution. (The run search
//!   is quadratic in the passages' lengths, so it only runs when the two share many terms.)
//!
//! The similarity is the larger of the two, so either a paraphrase or a copy can carry a pair.

use super::units::{Passage, Units};
use crate::model::Relation;

/// Shortest run of words counted as copied.
pub const RUN: usize = 3;

/// Shortest run of words that lets run coverage alone make two passages similar.
const LONG_RUN: usize = 5;

/// Least fraction of the shorter passage inside shared runs for copying to count.
const MIN_COVER: f32 = 0.5;

/// Passages shorter than this many words get a proportionally smaller run-based similarity:
/// a short stock phrase shared verbatim says less than a shared sentence.
const FULL_WEIGHT_WORDS: usize = 6;

/// Owned features of several adjacent sentences taken together.
#[derive(Debug, Clone, Default)]
pub struct Joined {
    /// Words of all the sentences, in order.
    pub words: Vec<u32>,
    /// The union of their terms, sorted and unique.
    pub terms: Vec<u32>,
    /// The union of their names, sorted and unique.
    pub names: Vec<u32>,
    /// Total weight of the terms.
    pub mass: f32,
}

impl Joined {
    /// Features of the units `first..=last` (indices into `units.units`).
    pub fn of(units: &Units, first: usize, last: usize) -> Self {
        let mut j = Joined::default();
        for u in &units.units[first..=last] {
            j.words.extend_from_slice(&u.words);
            j.terms.extend_from_slice(&u.terms);
            j.names.extend_from_slice(&u.names);
        }
        j.terms.sort_unstable();
        j.terms.dedup();
        j.names.sort_unstable();
        j.names.dedup();
        j.mass = units.mass(&j.terms);
        j
    }

    /// Borrow as a passage.
    pub fn passage(&self) -> Passage<'_> {
        Passage {
            words: &self.words,
            terms: &self.terms,
            names: &self.names,
            mass: self.mass,
        }
    }
}

/// The comparison of two passages.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// Overall similarity, 0..1: the larger of `cosine` and the run-based similarity.
    pub sim: f32,
    /// Weighted cosine of the content terms.
    pub cosine: f32,
    /// Number of content terms the two share.
    pub shared: usize,
    /// How many of those are not written as names in both: what the passages say, beyond
    /// whom they mention.
    pub plain: usize,
    /// Fraction of the first passage's words inside shared runs.
    pub cover_a: f32,
    /// Fraction of the second passage's words inside shared runs.
    pub cover_b: f32,
    /// Longest run of words the two share.
    pub longest: usize,
    /// True when the word sequences are the same.
    pub identical: bool,
}

impl Score {
    /// Fraction of the shorter passage's words inside shared runs.
    pub fn cover_short(&self, len_a: usize, len_b: usize) -> f32 {
        if len_a <= len_b {
            self.cover_a
        } else {
            self.cover_b
        }
    }
}

/// Compare two passages.
pub fn score(units: &Units, a: Passage<'_>, b: Passage<'_>) -> Score {
    let (mut i, mut j) = (0, 0);
    let mut shared_mass = 0.0f32;
    let mut shared = 0;
    let mut plain = 0;
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].cmp(&b.terms[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared_mass += units.weight[a.terms[i] as usize];
                shared += 1;
                let t = a.terms[i];
                if a.names.binary_search(&t).is_err() || b.names.binary_search(&t).is_err() {
                    plain += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    let norm = ((a.mass + units.prior) * (b.mass + units.prior)).sqrt();
    let cosine = if norm > 0.0 {
        (shared_mass / norm).min(1.0)
    } else {
        0.0
    };
    // Copied runs cover much of a passage only when it shares many of its terms: skip the
    // quadratic run search for pairs that share few.
    let fewest = a.terms.len().min(b.terms.len());
    let runs = if shared > 0 && shared * 10 >= fewest * 3 {
        shared_runs(a.words, b.words)
    } else {
        Runs::default()
    };
    let identical = !a.words.is_empty() && a.words == b.words;
    let short = a.words.len().min(b.words.len());
    let cover_short = if a.words.len() <= b.words.len() {
        runs.cover_a
    } else {
        runs.cover_b
    };
    // Copying counts when most of the shorter passage is copied; a shared stock phrase
    // ("the U.S. and Russia") inside otherwise different sentences does not.
    let copied = if runs.longest >= LONG_RUN.min(short) && short > 0 && cover_short >= MIN_COVER {
        cover_short * (short as f32 / FULL_WEIGHT_WORDS as f32).min(1.0)
    } else {
        0.0
    };
    // One shared term, however rare, is a coincidence more often than a correspondence; and
    // sentences that share only names ("Attorney General Jeff Sessions") say different
    // things about the same people.
    let content = if shared >= 2 && plain >= 1 {
        cosine
    } else {
        0.0
    };
    let sim = if identical && !a.terms.is_empty() {
        1.0
    } else {
        content.max(copied)
    };
    Score {
        sim,
        cosine,
        shared,
        plain,
        cover_a: runs.cover_a,
        cover_b: runs.cover_b,
        longest: runs.longest,
        identical,
    }
}

#[derive(Default)]
struct Runs {
    cover_a: f32,
    cover_b: f32,
    longest: usize,
}

/// Most words of each passage the run search looks at. It is quadratic and passages are
/// sentence-sized, but text without sentence punctuation makes one "sentence" of a whole
/// article (two such articles of 20,000 words took seconds, and the time grew with the
/// square). A longer passage is judged by the runs in its first words.
const MAX_RUN_WORDS: usize = 500;

/// Longest common run and the coverage of each side by common runs of at least [`RUN`] words
/// (dynamic programming over the two word sequences; passages are sentence-sized).
fn shared_runs(a: &[u32], b: &[u32]) -> Runs {
    let a = &a[..a.len().min(MAX_RUN_WORDS)];
    let b = &b[..b.len().min(MAX_RUN_WORDS)];
    let mut in_a = vec![false; a.len()];
    let mut in_b = vec![false; b.len()];
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    let mut longest = 0usize;
    for (i, wa) in a.iter().enumerate() {
        for (j, wb) in b.iter().enumerate() {
            let len = if wa == wb { prev[j] + 1 } else { 0 };
            cur[j + 1] = len;
            let len = len as usize;
            longest = longest.max(len);
            if len == RUN {
                in_a[i + 1 - RUN..=i].iter_mut().for_each(|x| *x = true);
                in_b[j + 1 - RUN..=j].iter_mut().for_each(|x| *x = true);
            } else if len > RUN {
                in_a[i] = true;
                in_b[j] = true;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let frac = |v: &[bool]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().filter(|&&x| x).count() as f32 / v.len() as f32
        }
    };
    Runs {
        cover_a: frac(&in_a),
        cover_b: frac(&in_b),
        longest,
    }
}

/// How a passage relates to its row's reference passage, from their comparison:
/// - identical: the same words;
/// - verbatim: one unbroken copied run makes up half the shorter passage or more (a quote or
///   sentence copied whole, trimmed or extended, perhaps with another attribution);
/// - close: most words shared, but with edits inside;
/// - paraphrase: the same content in other words.
pub fn relation(s: &Score, len_a: usize, len_b: usize) -> Relation {
    let short = len_a.min(len_b).max(1);
    if s.identical {
        Relation::Identical
    } else if s.longest >= LONG_RUN && s.longest * 2 >= short {
        Relation::Verbatim
    } else if s.cover_short(len_a, len_b) >= 0.6 || (s.cover_a + s.cover_b) / 2.0 >= 0.5 {
        Relation::Close
    } else {
        Relation::Paraphrase
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;
    use std::path::Path;

    fn story(texts: &[&str]) -> (Vec<Article>, Units) {
        let arts: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(Path::new(&format!("{i}.txt")), t.to_string()))
            .collect();
        let refs: Vec<&Article> = arts.iter().collect();
        let units = Units::build(&refs);
        (arts, units)
    }

    fn passage(units: &Units, i: usize) -> Passage<'_> {
        units.units[i].passage()
    }

    #[test]
    fn long_passages_are_judged_by_their_first_words() {
        let a: Vec<u32> = (0..20_000).map(|i| i % 1000).collect();
        let mut b = a.clone();
        b.truncate(MAX_RUN_WORDS);
        b.extend((0..19_000).map(|i| 5000 + i % 7));
        let runs = shared_runs(&a, &b);
        assert_eq!(runs.longest, MAX_RUN_WORDS);
        assert_eq!((runs.cover_a, runs.cover_b), (1.0, 1.0));
    }

    #[test]
    fn trimmed_quote_is_verbatim() {
        // Seed articles: CNBC and Cryptopolitan carry the same quote with other attributions.
        let (_, units) = story(&[
            "\u{201C}Much damage was done in the past four years and much was destroyed. It\u{2019}s \
             impossible to rebuild it all in an instant. We have a lot to do,\u{201D} Peskov said.",
            "\u{201C}Much damage was done in the past four years and much was destroyed. It\u{2019}s \
             impossible to rebuild it all in an instant,\u{201D} he told state-run Tass news agency.",
        ]);
        let s = score(&units, passage(&units, 1), passage(&units, 4));
        assert!(s.sim > 0.8, "{s:?}");
        let rel = relation(&s, units.units[1].words.len(), units.units[4].words.len());
        assert_eq!(rel, Relation::Verbatim);
        let same = score(&units, passage(&units, 0), passage(&units, 3));
        assert!(same.identical && same.sim == 1.0);
        assert_eq!(relation(&same, 1, 1), Relation::Identical);
    }

    #[test]
    fn paraphrase_is_the_best_match_of_its_sentence() {
        // The CNBC seed and the translated Chinese report say the same thing in other words;
        // the other sentences share the story's common words (Russia, U.S., Putin).
        let (_, units) = story(&[
            "Tensions were heightened between Russia and Washington during Joe Biden\u{2019}s \
             four-year tenure, as the invasion of Ukraine prompted U.S.-led sanctions on Moscow.\n\
             Putin praised the American delegation.\n\
             Russia and the U.S. appeared more clearly aligned on Monday.",
            "Putin mentioned that Trump approaches the issue in a rational manner.\n\
             Since the Biden administration took office, U.S.-Russia relations have steadily \
             worsened, particularly following the outbreak of the Russia-Ukraine conflict, \
             leading to severe U.S. sanctions on Russia.\n\
             Russia is willing to negotiate with any country.",
        ]);
        let sims: Vec<f32> = (3..6)
            .map(|j| score(&units, passage(&units, 0), passage(&units, j)).sim)
            .collect();
        assert!(sims[1] > 2.0 * sims[0].max(sims[2]), "{sims:?}");
        let para = score(&units, passage(&units, 0), passage(&units, 4));
        let rel = relation(
            &para,
            units.units[0].words.len(),
            units.units[4].words.len(),
        );
        assert_eq!(rel, Relation::Paraphrase);
    }

    #[test]
    fn joined_sentences_explain_a_summary_better() {
        let (_, units) = story(&[
            "\u{201C}The previous Washington administration messed things up badly. There\u{2019}s \
             a lot of work to be done,\u{201D} he added.",
            "He emphasized that the previous U.S. administration caused the severe deterioration \
             of relations, and therefore, much work remains to be done.",
        ]);
        let first = score(&units, passage(&units, 0), passage(&units, 2));
        let joined = Joined::of(&units, 0, 1);
        let both = score(&units, joined.passage(), passage(&units, 2));
        assert!(both.cosine > first.cosine, "{first:?} {both:?}");
    }
}
