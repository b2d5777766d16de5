//! Scoring framing marks against the Wiki Neutrality Corpus sample (tests/data/wnc-sample): the
//! words an editor removed as biased are the gold; a word counts as marked when a mark covers
//! it. Shared by tests/it/compare.rs and examples/wnc_eval.rs.

use parallax::compare::{self, lexicon::Lexicon};
use parallax::model::{Mark, MarkKind};

/// One WNC sentence with the byte ranges an editor removed.
pub struct Sentence {
    /// The sentence.
    pub text: String,
    /// Byte ranges the editor removed as biased (the gold).
    pub spans: Vec<(usize, usize)>,
}

/// Read a WNC sample file (JSON lines with `sentence` and `spans[{start, end}]`; the offsets
/// count characters, which for this ASCII text are bytes, but are converted to be safe).
pub fn read(path: &str) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let sentence = v["sentence"].as_str().unwrap().to_string();
            let byte_at = |c: usize| {
                sentence
                    .char_indices()
                    .nth(c)
                    .map_or(sentence.len(), |(b, _)| b)
            };
            let spans = v["spans"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    let a = s["start"].as_u64().unwrap() as usize;
                    let b = s["end"].as_u64().unwrap() as usize;
                    (byte_at(a), byte_at(b))
                })
                .collect();
            Sentence {
                text: sentence,
                spans,
            }
        })
        .collect()
}

/// Precision and recall of marked words.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    /// Marked words inside a removed span.
    pub hits: usize,
    /// Marked words.
    pub marked: usize,
    /// Content words inside removed spans.
    pub biased: usize,
    /// Removed spans with at least one marked word.
    pub spans_hit: usize,
    /// Removed spans.
    pub spans: usize,
    /// Words in all sentences.
    pub words: usize,
}

impl Score {
    /// Share of marked words that are gold.
    pub fn precision(&self) -> f64 {
        self.hits as f64 / self.marked.max(1) as f64
    }
    /// Share of gold words that are marked.
    pub fn recall(&self) -> f64 {
        self.hits as f64 / self.biased.max(1) as f64
    }
    /// Share of removed spans with at least one marked word.
    pub fn span_recall(&self) -> f64 {
        self.spans_hit as f64 / self.spans.max(1) as f64
    }
    /// Share of all words that are marked.
    pub fn marked_share(&self) -> f64 {
        self.marked as f64 / self.words.max(1) as f64
    }
}

/// Which marks are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// Loaded and emotive words only.
    Loaded,
    /// Every framing mark but quotations: loaded words, labels, hedges, boosters, scare
    /// quotes and reporting verbs graded above neutral.
    Framing,
}

fn selected(m: &Mark, sel: Selection) -> bool {
    match sel {
        Selection::Loaded => m.kind == MarkKind::Loaded,
        Selection::Framing => match m.kind {
            MarkKind::Quote => false,
            MarkKind::Attribution => m.grade > 0,
            _ => true,
        },
    }
}

/// Score the built-in lexicons' marks on some sentences, at the default grade threshold.
pub fn score(sentences: &[Sentence], sel: Selection) -> Score {
    score_from(sentences, sel, compare::DEFAULT_MIN_GRADE)
}

/// Score the built-in lexicons' marks with loaded words, hedges and boosters from `min_grade`
/// up (a point of the precision/recall curve).
pub fn score_from(sentences: &[Sentence], sel: Selection, min_grade: u8) -> Score {
    let lex = Lexicon::builtin();
    let mut s = Score::default();
    for sent in sentences {
        let marks: Vec<Mark> = compare::marks_from(&sent.text, lex, min_grade)
            .into_iter()
            .filter(|m| selected(m, sel))
            .collect();
        let words = parallax::text::words(&sent.text);
        s.words += words.len();
        let inside = |w: &parallax::text::Word| {
            sent.spans
                .iter()
                .position(|&(a, b)| a <= w.start && w.end <= b)
        };
        let mut spans_hit = vec![false; sent.spans.len()];
        for w in &words {
            let span = inside(w);
            let key = parallax::text::word_key(w.text);
            if span.is_some() && parallax::text::is_content(&key) {
                s.biased += 1;
            }
            let marked = marks.iter().any(|m| m.start < w.end && w.start < m.end);
            if marked {
                s.marked += 1;
                if let Some(k) = span {
                    s.hits += 1;
                    spans_hit[k] = true;
                }
            }
        }
        s.spans += sent.spans.len();
        s.spans_hit += spans_hit.iter().filter(|h| **h).count();
    }
    s
}

/// A word and how often it occurs.
pub type WordCount = (String, usize);

/// Each marked phrase (lower-cased) with how often it was marked and how often the mark
/// touched a removed span: the precision of each lexicon entry, for looking into the lists (on
/// the training split only). Sorted by most often marked outside removed spans.
pub fn entry_precision(
    sentences: &[Sentence],
    sel: Selection,
    min_grade: u8,
) -> Vec<(String, u8, usize, usize)> {
    use std::collections::HashMap;
    let lex = Lexicon::builtin();
    let mut by: HashMap<(String, u8), (usize, usize)> = HashMap::new();
    for sent in sentences {
        for m in compare::marks_from(&sent.text, lex, min_grade)
            .into_iter()
            .filter(|m| selected(m, sel))
        {
            let hit = sent.spans.iter().any(|&(a, b)| m.start < b && a < m.end);
            let e = by.entry((m.text.to_lowercase(), m.grade)).or_default();
            e.0 += 1;
            e.1 += usize::from(hit);
        }
    }
    let mut v: Vec<(String, u8, usize, usize)> = by
        .into_iter()
        .map(|((t, g), (n, h))| (t, g, n, h))
        .collect();
    v.sort_by(|a, b| {
        (b.2 - b.3)
            .cmp(&(a.2 - a.3))
            .then(b.2.cmp(&a.2))
            .then(a.0.cmp(&b.0))
    });
    v
}

/// The most frequent marked words outside removed spans and the most frequent biased words
/// left unmarked, for looking into the lexicons (on the training split only).
pub fn details(
    sentences: &[Sentence],
    sel: Selection,
    min_grade: u8,
) -> (Vec<WordCount>, Vec<WordCount>) {
    use std::collections::HashMap;
    let lex = Lexicon::builtin();
    let mut wrong: HashMap<String, usize> = HashMap::new();
    let mut missed: HashMap<String, usize> = HashMap::new();
    for sent in sentences {
        let marks: Vec<Mark> = compare::marks_from(&sent.text, lex, min_grade)
            .into_iter()
            .filter(|m| selected(m, sel))
            .collect();
        for w in parallax::text::words(&sent.text) {
            let inside = sent.spans.iter().any(|&(a, b)| a <= w.start && w.end <= b);
            let marked = marks.iter().any(|m| m.start < w.end && w.start < m.end);
            let key = parallax::text::word_key(w.text);
            if marked && !inside {
                *wrong.entry(key).or_default() += 1;
            } else if inside && !marked && parallax::text::is_content(&key) {
                *missed.entry(key).or_default() += 1;
            }
        }
    }
    let top = |m: HashMap<String, usize>| {
        let mut v: Vec<(String, usize)> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(100);
        v
    };
    (top(wrong), top(missed))
}
