//! The learned scorer that decides which candidate words are marked as loaded wording.
//!
//! Lexicons alone mark too much (every "leading" and "prominent") and too little (the
//! "bombastic" no list grades). So every word a licensed list knows something about, every
//! loaded-word entry and every unlisted modifier right before a person ("mercurial president")
//! is a *candidate*; a logistic regression over general features — which lists hold the word
//! and how strongly, a part-of-speech guess from its ending and neighbours, whether it stands
//! in a quotation or in reported speech, whether it characterises a person, where it stands in
//! the article — gives the chance that a reader would flag it. The weights are data
//! (`assets/lexicons/mark_scorer.tsv`), rebuilt by `scripts/train-mark-scorer.py`; no feature
//! names a word from the articles the weights were trained on.
//!
//! The features are computed here only; the training script reads them from
//! `examples/mark_features.rs`, so training and use cannot drift apart.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::doc::Doc;
use super::lexicon::Entry;
use crate::model::MarkKind;
use crate::text::{is_capitalised, is_content, is_number, stem};

const SUBJECTIVITY: &str = include_str!("../../assets/lexicons/subjectivity.tsv");
const WEIGHTS: &str = include_str!("../../assets/lexicons/mark_scorer.tsv");

/// What the licensed lists say about one word (`assets/lexicons/subjectivity.tsv`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Subjectivity {
    /// VADER mean valence, -4..=4 (0 when absent).
    pub vader: f32,
    /// In the VADER lexicon.
    pub in_vader: bool,
    /// Hu & Liu opinion lexicon: +1 positive, -1 negative, 0 absent.
    pub liu: i8,
    /// Membership flags, bits of [`FLAGS`].
    pub flags: u16,
    /// How common the word is in general English (wordfreq's Zipf scale; 0 when unknown).
    pub zipf: f32,
}

/// The membership flags of the subjectivity table, in bit order.
pub const FLAGS: &[&str] = &[
    "npov",
    "report",
    "assertive",
    "factive",
    "implicative",
    "hedge",
    "weasel",
    "booster",
    "dampener",
];

impl Subjectivity {
    fn has(&self, flag: &str) -> bool {
        FLAGS
            .iter()
            .position(|f| *f == flag)
            .is_some_and(|b| self.flags & (1 << b) != 0)
    }

    /// True when some list knows the word as evaluative (not only as a hedge or report verb).
    fn evaluative(&self) -> bool {
        self.in_vader || self.liu != 0 || self.has("npov")
    }
}

/// The table by word key, and by stem for the words whose inflected form is not listed.
struct Table {
    by_key: HashMap<String, Subjectivity>,
    by_stem: HashMap<String, Subjectivity>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut by_key = HashMap::new();
    let mut by_stem: HashMap<String, Subjectivity> = HashMap::new();
    for line in SUBJECTIVITY.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let word = cols[0];
        let vader: Option<f32> = cols.get(1).and_then(|v| v.parse().ok());
        let liu = match cols.get(2).copied() {
            Some("+") => 1,
            Some("-") => -1,
            _ => 0,
        };
        let mut flags = 0u16;
        for f in cols.get(3).copied().unwrap_or("").split(',') {
            if let Some(b) = FLAGS.iter().position(|x| *x == f) {
                flags |= 1 << b;
            }
        }
        let s = Subjectivity {
            vader: vader.unwrap_or(0.0),
            in_vader: vader.is_some(),
            liu,
            flags,
            zipf: cols.get(4).and_then(|z| z.parse().ok()).unwrap_or(0.0),
        };
        by_key.insert(word.to_string(), s);
        // Of the words sharing a stem, the stem keeps the most strongly valenced one.
        let e = by_stem.entry(stem(word)).or_default();
        if s.vader.abs() > e.vader.abs() || (!e.evaluative() && s.evaluative()) {
            *e = s;
        }
    }
    Table { by_key, by_stem }
});

/// What the lists say about a word key: the key itself, else its stem (`stem_only` then).
pub fn lookup(key: &str) -> Option<(Subjectivity, bool)> {
    let t = &*TABLE;
    if let Some(s) = t.by_key.get(key) {
        return Some((*s, false));
    }
    t.by_stem.get(&stem(key)).map(|s| (*s, true))
}

/// True when the licensed lists give a word an evaluation (VADER valence or an opinion-lexicon
/// polarity): what makes a few quoted words held at a distance rather than merely cited.
pub fn is_evaluative(key: &str) -> bool {
    lookup(key).is_some_and(|(s, _)| s.vader.abs() >= 1.0 || s.liu != 0)
}

/// The features, in the order of a feature vector. Each is 0..=1.
pub const FEATURES: &[&str] = &[
    "bias",
    "lex_g1",
    "lex_g2",
    "lex_g3",
    "lex_phrase",
    "vader_abs",
    "vader_strong",
    "vader_neg",
    "vader_pos",
    "liu_neg",
    "liu_pos",
    "npov",
    "report",
    "assertive_factive",
    "implicative",
    "hedge_weasel",
    "booster",
    "stem_only",
    "unlisted",
    "suf_ly",
    "suf_adj",
    "suf_ed",
    "suf_ing",
    "suf_noun",
    "suf_s",
    "prev_det",
    "prev_intens",
    "prev_neg",
    "after_be",
    "before_person",
    "before_noun_like",
    "in_quote",
    "reported",
    "cap_mid",
    "long_word",
    "short_word",
    "verb_g1",
    "verb_g2",
    "zipf_rare",
    "zipf_uncommon",
    "zipf_common",
    "zipf_everyday",
    "repeated",
    "eval_x_quote",
    "eval_x_person",
];

/// Where a candidate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A loaded-word entry of the shipped (or the user's) lists.
    Lexicon,
    /// A word the licensed lists in `subjectivity.tsv` know.
    Subjectivity,
    /// An unlisted modifier right before a person ("mercurial president").
    BeforePerson,
}

/// A word or phrase the scorer judges.
#[derive(Debug, Clone)]
pub struct Candidate<'l> {
    /// Word indices.
    pub words: Range<usize>,
    /// The loaded-word entry it matched, if any.
    pub entry: Option<&'l Entry>,
    /// Where it comes from.
    pub source: Source,
    /// What the lists say about it (its strongest word).
    pub subjectivity: Option<Subjectivity>,
    /// Inside a quotation: the speaker's word.
    pub in_quote: bool,
    /// In reported speech after a reporting or characterising verb.
    pub reported: bool,
    /// The feature vector, aligned with [`FEATURES`].
    pub features: Vec<f32>,
}

/// Nouns for people a modifier can characterise ("unpredictable president").
const PERSON_NOUNS: &[&str] = &[
    "activist",
    "billionaire",
    "businessman",
    "candidate",
    "challenger",
    "chairman",
    "congressman",
    "congresswoman",
    "critic",
    "governor",
    "host",
    "incumbent",
    "leader",
    "lawmaker",
    "man",
    "mayor",
    "minister",
    "mogul",
    "nominee",
    "official",
    "politician",
    "president",
    "prosecutor",
    "rival",
    "senator",
    "speaker",
    "woman",
];

/// Modifiers before a person that state a fact, not a view ("former president").
const FACTUAL_MODIFIERS: &[&str] = &[
    "acting",
    "assistant",
    "associate",
    "chief",
    "current",
    "deputy",
    "elected",
    "executive",
    "federal",
    "first",
    "foreign",
    "former",
    "freshman",
    "future",
    "general",
    "incoming",
    "interim",
    "junior",
    "late",
    "local",
    "national",
    "new",
    "next",
    "old",
    "outgoing",
    "past",
    "presidential",
    "previous",
    "prime",
    "retired",
    "second",
    "senior",
    "sitting",
    "state",
    "then",
    "third",
    "top",
    "vice",
    "young",
    "younger",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "your", "my",
];
const INTENSIFIERS: &[&str] = &[
    "very",
    "so",
    "too",
    "most",
    "more",
    "extremely",
    "deeply",
    "highly",
    "really",
    "quite",
    "increasingly",
    "particularly",
    "especially",
];
const NEGATIONS: &[&str] = &["not", "never", "no", "n't", "hardly", "without"];
const BE: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "seem", "seems", "seemed", "appear",
    "appears", "appeared", "look", "looks", "looked", "remain", "remains", "remained", "become",
    "became", "sound", "sounds", "sounded", "feel", "felt",
];

fn ends_any(w: &str, sufs: &[&str]) -> bool {
    sufs.iter().any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

fn is_person_noun(key: &str) -> bool {
    PERSON_NOUNS.contains(&key)
        || key
            .strip_suffix('s')
            .is_some_and(|k| PERSON_NOUNS.contains(&k))
}

/// True when word `k` names or describes a person: a person noun, or a capitalised word that
/// does not start its sentence.
fn person_at(doc: &Doc, k: usize) -> bool {
    k < doc.toks.len()
        && (is_person_noun(&doc.keys[k])
            || (is_capitalised(doc.toks[k].text)
                && !doc.starts_sentence(k)
                && doc.gap_before(k).chars().all(|c| c == ' ')))
}

/// The feature vector of a candidate at `words`.
#[allow(clippy::too_many_arguments)]
fn features(
    doc: &Doc,
    words: &Range<usize>,
    entry: Option<&Entry>,
    sub: Option<(Subjectivity, bool)>,
    verb_grade: Option<u8>,
    source: Source,
    in_quote: bool,
    reported: bool,
) -> Vec<f32> {
    let mut f = vec![0.0f32; FEATURES.len()];
    let mut set = |name: &str, v: f32| {
        if let Some(i) = FEATURES.iter().position(|x| *x == name) {
            f[i] = v;
        }
    };
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    set("bias", 1.0);
    if let Some(e) = entry {
        set("lex_g1", b(e.grade <= 1));
        set("lex_g2", b(e.grade == 2));
        set("lex_g3", b(e.grade >= 3));
        set("lex_phrase", b(words.len() > 1));
    }
    let head = words.end - 1;
    let key = doc.keys[head].as_str();
    let s = sub.map(|x| x.0).unwrap_or_default();
    // An unlisted modifier before a person characterises that person.
    let evaluative = s.evaluative() || entry.is_some() || source == Source::BeforePerson;
    set("vader_abs", s.vader.abs() / 4.0);
    set("vader_strong", b(s.vader.abs() >= 2.0));
    set("vader_neg", b(s.vader < 0.0));
    set("vader_pos", b(s.vader > 0.0));
    set("liu_neg", b(s.liu < 0));
    set("liu_pos", b(s.liu > 0));
    set("npov", b(s.has("npov")));
    set("report", b(s.has("report")));
    set(
        "assertive_factive",
        b(s.has("assertive") || s.has("factive")),
    );
    set("implicative", b(s.has("implicative")));
    set("hedge_weasel", b(s.has("hedge") || s.has("weasel")));
    set("booster", b(s.has("booster")));
    set("stem_only", b(sub.is_some_and(|x| x.1)));
    set("verb_g1", b(verb_grade == Some(1)));
    set("verb_g2", b(verb_grade.is_some_and(|g| g >= 2)));
    set("unlisted", b(source == Source::BeforePerson));
    set("suf_ly", b(ends_any(key, &["ly"])));
    set(
        "suf_adj",
        b(ends_any(
            key,
            &[
                "ous", "ful", "less", "ive", "ic", "ical", "able", "ible", "ish", "ant", "ent",
                "al", "ary", "y",
            ],
        ) && !key.ends_with("ly")),
    );
    set("suf_ed", b(ends_any(key, &["ed"])));
    set("suf_ing", b(ends_any(key, &["ing"])));
    set(
        "suf_noun",
        b(ends_any(
            key,
            &[
                "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "er", "or", "ist",
            ],
        )),
    );
    set(
        "suf_s",
        b(key.ends_with('s') && !key.ends_with("ss") && !key.ends_with("ous")),
    );
    let first = words.start;
    let prev = first.checked_sub(1).map(|k| doc.keys[k].as_str());
    set(
        "prev_det",
        b(prev.is_some_and(|p| DETERMINERS.contains(&p))),
    );
    set(
        "prev_intens",
        b(prev.is_some_and(|p| INTENSIFIERS.contains(&p))),
    );
    let near_neg = (first.saturating_sub(3)..first)
        .any(|k| doc.sent_of[k] == doc.sent_of[first] && NEGATIONS.contains(&doc.keys[k].as_str()));
    set("prev_neg", b(near_neg));
    set("after_be", b(prev.is_some_and(|p| BE.contains(&p))));
    let before_person = person_at(doc, words.end);
    set("before_person", b(before_person));
    let next_noun_like = words.end < doc.toks.len()
        && doc.sent_of[words.end] == doc.sent_of[head]
        && is_content(&doc.keys[words.end])
        && doc.gap_before(words.end).chars().all(|c| c == ' ');
    set("before_noun_like", b(next_noun_like));
    set("in_quote", b(in_quote));
    set("reported", b(reported));
    set(
        "cap_mid",
        b(is_capitalised(doc.toks[first].text) && !doc.starts_sentence(first)),
    );
    set("long_word", b(key.chars().count() >= 9));
    set("short_word", b(key.chars().count() <= 4));
    if sub.is_some() && s.zipf > 0.0 {
        set("zipf_rare", b(s.zipf < 3.0));
        set("zipf_uncommon", b((3.0..4.0).contains(&s.zipf)));
        set("zipf_common", b((4.0..5.0).contains(&s.zipf)));
        set("zipf_everyday", b(s.zipf >= 5.0));
    }
    // A word the article keeps using is its topic ("immigrants" in a story on immigration).
    let uses = doc.keys.iter().filter(|k| k.as_str() == key).count();
    set("repeated", b(uses >= 3));
    set("eval_x_quote", b(evaluative && in_quote));
    set("eval_x_person", b(evaluative && before_person));
    f
}

/// The learned weights, aligned with [`FEATURES`], and the score cut points.
#[derive(Debug, Clone)]
pub struct Weights {
    /// One weight per feature.
    pub w: Vec<f32>,
    /// Scores from this up are marked (grade 1).
    pub threshold: f32,
    /// The same for words inside a quotation (the speaker's loaded words): a reader flags
    /// these more often, so the scorer marks them from a lower score.
    pub threshold_quoted: f32,
    /// Scores from this up are grade 2.
    pub grade2: f32,
    /// Scores from this up are grade 3.
    pub grade3: f32,
}

/// Why a weights file could not be read; `line` counts from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeightsError {
    /// A line whose second column is missing or not a number.
    #[error("line {line}: {name:?} has no number")]
    NoNumber {
        /// The line, from 1.
        line: usize,
        /// The name in its first column.
        name: String,
    },
    /// A name that is neither a feature nor a threshold (a stale file).
    #[error("line {line}: unknown feature {name:?}")]
    UnknownFeature {
        /// The line, from 1.
        line: usize,
        /// The unknown name.
        name: String,
    },
}

/// Parse a weights file: `name<TAB>value` lines, `#` comments; the names are [`FEATURES`] and
/// `threshold`, `grade2`, `grade3`. Unknown names are errors, so a stale file is caught by the
/// tests rather than silently ignored.
pub fn parse_weights(text: &str) -> Result<Weights, WeightsError> {
    let mut w = vec![0.0f32; FEATURES.len()];
    let (mut threshold, mut grade2, mut grade3) = (0.5f32, 0.65f32, 0.8f32);
    let mut threshold_quoted = None;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let name = cols.next().unwrap_or("").trim();
        let value: f32 = cols
            .next()
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| WeightsError::NoNumber {
                line: n + 1,
                name: name.to_string(),
            })?;
        match name {
            "threshold" => threshold = value,
            "threshold_quoted" => threshold_quoted = Some(value),
            "grade2" => grade2 = value,
            "grade3" => grade3 = value,
            _ => match FEATURES.iter().position(|f| *f == name) {
                Some(i) => w[i] = value,
                None => {
                    return Err(WeightsError::UnknownFeature {
                        line: n + 1,
                        name: name.to_string(),
                    });
                }
            },
        }
    }
    Ok(Weights {
        w,
        threshold,
        threshold_quoted: threshold_quoted.unwrap_or(threshold),
        grade2,
        grade3,
    })
}

static BUILTIN: LazyLock<Weights> = LazyLock::new(|| {
    // The shipped file is checked by a test; a broken one marks nothing rather than panicking.
    parse_weights(WEIGHTS).unwrap_or(Weights {
        w: vec![0.0; FEATURES.len()],
        threshold: 2.0,
        threshold_quoted: 2.0,
        grade2: 2.0,
        grade3: 2.0,
    })
});

impl Weights {
    /// The shipped weights.
    pub fn builtin() -> &'static Weights {
        &BUILTIN
    }

    /// The chance (0..1) that a reader flags the candidate.
    pub fn score(&self, c: &Candidate) -> f32 {
        let z: f32 = self.w.iter().zip(&c.features).map(|(w, x)| w * x).sum();
        1.0 / (1.0 + (-z).exp())
    }

    /// The grade of a candidate's score: 0 below the threshold (not marked), then 1..=3.
    pub fn grade(&self, c: &Candidate, p: f32) -> u8 {
        let threshold = if c.in_quote {
            self.threshold_quoted
        } else {
            self.threshold
        };
        if p < threshold {
            0
        } else if p >= self.grade3 {
            3
        } else if p >= self.grade2 {
            2
        } else {
            1
        }
    }
}

/// Build a candidate; `verb_grade` is the grade of the reporting verb it is, if any.
pub fn candidate<'l>(
    doc: &Doc,
    words: Range<usize>,
    entry: Option<&'l Entry>,
    verb_grade: Option<u8>,
    source: Source,
    reported: bool,
) -> Candidate<'l> {
    // A phrase takes its strongest word's entry in the lists.
    let sub = words
        .clone()
        .filter_map(|k| lookup(&doc.keys[k]))
        .max_by(|a, b| {
            (a.0.evaluative(), a.0.vader.abs())
                .partial_cmp(&(b.0.evaluative(), b.0.vader.abs()))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    let in_quote = doc.in_quote[words.start].is_some();
    let features = features(
        doc, &words, entry, sub, verb_grade, source, in_quote, reported,
    );
    Candidate {
        words,
        entry,
        source,
        subjectivity: sub.map(|x| x.0),
        in_quote,
        reported,
        features,
    }
}

/// The single words of `doc` that the scorer judges besides lexicon entries: words the lists
/// know, reporting verbs graded above neutral (`verb_grade`), and unlisted modifiers right
/// before a person. `taken[k]` is true for words already covered by another candidate or mark.
pub fn word_candidates(
    doc: &Doc,
    taken: &[bool],
    verb_grade: &[Option<u8>],
    listed: impl Fn(&str) -> bool,
) -> Vec<(usize, Source)> {
    let mut out = Vec::new();
    for k in 0..doc.toks.len() {
        if taken[k] {
            continue;
        }
        let key = doc.keys[k].as_str();
        if !is_content(key)
            || is_number(doc.toks[k].text)
            || key.chars().count() < 3
            || !key
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            continue;
        }
        // A word the curated lists hold is theirs to judge: where their context rules leave it
        // out ("pleaded guilty to lying"), it is no candidate either.
        if listed(key) {
            continue;
        }
        // A title or a fact before a person ("vice president", "former senator") is no view.
        if FACTUAL_MODIFIERS.contains(&key) && person_at(doc, k + 1) {
            continue;
        }
        if lookup(key).is_some() || verb_grade[k].is_some_and(|g| g > 0) {
            out.push((k, Source::Subjectivity));
        } else if !is_capitalised(doc.toks[k].text)
            && !FACTUAL_MODIFIERS.contains(&key)
            && !is_person_noun(key)
            && is_person_noun(doc.keys.get(k + 1).map_or("", String::as_str))
            && doc.gap_after(k).chars().all(|c| c == ' ')
        {
            out.push((k, Source::BeforePerson));
        }
    }
    out
}

/// The mark kind of a scored candidate: the speaker's word inside a quotation, the outlet's
/// otherwise.
pub fn kind_of(c: &Candidate) -> MarkKind {
    if c.in_quote {
        MarkKind::SpeakerLoaded
    } else {
        MarkKind::Loaded
    }
}

/// The note shown for a scored candidate: the entry's note or what the lists say, and the
/// score.
pub fn note_of(c: &Candidate, p: f32) -> String {
    let mut why = match (c.entry, c.subjectivity) {
        (Some(e), _) => e.note.clone(),
        (None, Some(s)) => {
            let mut parts = Vec::new();
            if s.in_vader {
                parts.push(format!("VADER valence {:+.1}", s.vader));
            }
            match s.liu {
                1 => parts.push("opinion lexicon: positive".to_string()),
                -1 => parts.push("opinion lexicon: negative".to_string()),
                _ => {}
            }
            if s.has("npov") {
                parts.push("in the Wikipedia bias lexicon".to_string());
            }
            if parts.is_empty() {
                "evaluative word".to_string()
            } else {
                format!("evaluative word ({})", parts.join("; "))
            }
        }
        (None, None) => "characterises a person".to_string(),
    };
    if c.in_quote {
        why.push_str(" — inside a quotation: the speaker's word, not the outlet's");
    } else if c.reported {
        why.push_str(" (in reported speech: the cited person's word)");
    }
    format!("{why}; learned score {p:.2}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_parse_and_name_only_known_features() {
        let w = parse_weights(WEIGHTS).expect("assets/lexicons/mark_scorer.tsv");
        assert!(w.threshold > 0.0 && w.threshold < 1.0);
        assert!(w.threshold <= w.grade2 && w.grade2 <= w.grade3);
        assert_eq!(
            parse_weights("# weights\nno_such_feature\t1.0").map(|_| ()),
            Err(WeightsError::UnknownFeature {
                line: 2,
                name: "no_such_feature".into()
            })
        );
        assert_eq!(
            parse_weights("threshold\tabc").map(|_| ()),
            Err(WeightsError::NoNumber {
                line: 1,
                name: "threshold".into()
            })
        );
    }

    #[test]
    fn the_lists_are_looked_up_by_word_and_by_stem() {
        let (s, stem_only) = lookup("bombastic").expect("bombastic is in the opinion lexicon");
        assert_eq!(s.liu, -1);
        assert!(!stem_only);
        assert!(lookup("table").is_none());
    }

    #[test]
    fn an_unlisted_modifier_before_a_person_is_a_candidate_but_a_title_is_not() {
        let d = Doc::new("The mercurial president met the former president and a vice president.");
        let taken = vec![false; d.toks.len()];
        let c = word_candidates(&d, &taken, &vec![None; d.toks.len()], |_| false);
        let before: Vec<&str> = c
            .iter()
            .filter(|(_, s)| *s == Source::BeforePerson)
            .map(|(k, _)| d.toks[*k].text)
            .collect();
        assert_eq!(before, ["mercurial"]);
    }
}
