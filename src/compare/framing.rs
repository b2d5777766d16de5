//! Framing marks on an article: reporting verbs graded from neutral to loaded, hedges,
//! boosters, loaded and emotive words, labels for outlets and actors, quotations and scare
//! quotes.
//!
//! Precision comes first: words inside quotations are the speaker's and are not marked as the
//! outlet's wording; capitalised words inside a sentence are names ("Great Britain"); degree
//! words after "more"/"most" are comparisons, not boosters ("more clearly aligned").

use std::ops::Range;

use super::attribution::Attribution;
use super::doc::Doc;
use super::lexicon::{Entry, Lexicon};
use super::quotes::{Found, MIN_QUOTE_WORDS};
use crate::model::{Mark, MarkKind};
use crate::text::is_capitalised;

/// A lexicon entry found in the text (including labels that are compared but not shown).
#[derive(Debug, Clone)]
pub struct Hit<'l> {
    /// Word indices.
    pub words: Range<usize>,
    /// Byte offset.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The entry.
    pub entry: &'l Entry,
}

/// What framing analysis finds in one article.
#[derive(Debug, Clone)]
pub struct Framing<'l> {
    /// The marks to show, sorted by start.
    pub marks: Vec<Mark>,
    /// Every lexicon entry found outside quotations.
    pub hits: Vec<Hit<'l>>,
}

/// Words after which a degree adverb compares rather than boosts.
const COMPARATIVES: &[&str] = &["as", "less", "more", "most", "so", "too", "very"];

/// Find the lexicon's words and phrases in a document, outside quotations.
pub fn hits<'l>(doc: &Doc, lex: &'l Lexicon) -> Vec<Hit<'l>> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        if doc.in_quote[i].is_some() {
            i += 1;
            continue;
        }
        if let Some(m) = lex.phrase_at(&doc.keys, i) {
            let words = i..i + m.len;
            if accept(doc, words.clone(), m.entry) {
                out.push(Hit {
                    start: doc.toks[words.start].start,
                    end: doc.toks[words.end - 1].end,
                    words: words.clone(),
                    entry: m.entry,
                });
                i = words.end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// True when a phrase match stands for the entry here.
fn accept(doc: &Doc, words: Range<usize>, entry: &Entry) -> bool {
    let first = words.start;
    // One sentence, no quotation, no punctuation inside the phrase but hyphens.
    if words
        .clone()
        .any(|k| doc.in_quote[k].is_some() || doc.sent_of[k] != doc.sent_of[first])
    {
        return false;
    }
    let joined = (first + 1..words.end).all(|k| {
        doc.gap_before(k)
            .chars()
            .all(|c| c == ' ' || c == '-' || c == '\u{2010}' || c == '\u{2011}')
    });
    if !joined {
        return false;
    }
    let tok = &doc.toks[first];
    // A capitalised word inside a sentence is a name ("Great Britain", "Freedom Party"),
    // except for labels, which are often capitalised ("Kremlin-backed", "Western media").
    let lower_in_lexicon = entry.phrase.chars().next().is_some_and(char::is_lowercase);
    if entry.kind != MarkKind::Label
        && lower_in_lexicon
        && is_capitalised(tok.text)
        && !doc.starts_sentence(first)
        && !doc.gap_before(first).contains(['“', '"', '‘', '('])
    {
        return false;
    }
    if entry.kind == MarkKind::Booster
        && first > 0
        && COMPARATIVES.contains(&doc.keys[first - 1].as_str())
    {
        return false;
    }
    true
}

/// All framing marks of a document.
pub fn analyse<'l>(
    doc: &Doc,
    lex: &'l Lexicon,
    atts: &[Attribution],
    found: &[Found],
) -> Framing<'l> {
    let hits = hits(doc, lex);
    let mut marks: Vec<Mark> = hits
        .iter()
        .filter(|h| h.entry.shown)
        .map(|h| Mark {
            kind: h.entry.kind,
            start: h.start,
            end: h.end,
            text: doc.text[h.start..h.end].to_string(),
            note: h.entry.note.clone(),
            grade: h.entry.grade,
        })
        .collect();
    let taken: Vec<Range<usize>> = marks.iter().map(|m| m.start..m.end).collect();
    for a in atts {
        if taken.iter().any(|r| r.start < a.end && a.start < r.end) {
            continue;
        }
        marks.push(Mark {
            kind: MarkKind::Attribution,
            start: a.start,
            end: a.end,
            text: doc.text[a.start..a.end].to_string(),
            note: format!("{} reporting verb: {}", a.stance, a.note),
            grade: a.grade,
        });
    }
    for f in found {
        let q = &f.quoted;
        let speaker = f
            .speaker
            .as_ref()
            .filter(|s| s.resolved)
            .map(|s| s.name.as_str());
        let (kind, note, grade) = if q.words >= MIN_QUOTE_WORDS {
            let note = match speaker {
                Some(s) => format!("quotation: {s}"),
                None => "quotation; the speaker is not named".to_string(),
            };
            (MarkKind::Quote, note, 0)
        } else if let Some(s) = speaker {
            (
                MarkKind::ScareQuote,
                format!("short quotation: {s}'s own words, picked out by the writer"),
                1,
            )
        } else {
            (
                MarkKind::ScareQuote,
                "scare quotes: the writer keeps its distance from these words".to_string(),
                2,
            )
        };
        marks.push(Mark {
            kind,
            start: q.start,
            end: q.end,
            text: doc.text[q.start..q.end].to_string(),
            note,
            grade,
        });
    }
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    Framing { marks, hits }
}

#[cfg(test)]
mod tests {
    use super::super::attribution::attributions;
    use super::super::names::People;
    use super::super::quotes;
    use super::*;

    fn marks(s: &str) -> Vec<(MarkKind, String, u8)> {
        let d = Doc::new(s);
        let lex = Lexicon::builtin();
        let atts = attributions(&d, &People::of(&d), lex);
        let found = quotes::find(&d, &atts);
        analyse(&d, lex, &atts, &found)
            .marks
            .into_iter()
            .map(|m| (m.kind, m.text, m.grade))
            .collect()
    }

    fn has(ms: &[(MarkKind, String, u8)], kind: MarkKind, text: &str) -> bool {
        ms.iter().any(|m| m.0 == kind && m.1 == text)
    }

    #[test]
    fn emotive_words_and_labels_are_marked() {
        let ms = marks(
            "Ukraine and its European allies were left fuming by the talks. The meeting sent shockwaves through Kyiv, where officials felt blindsided. Europe was furious.",
        );
        for w in ["fuming", "shockwaves", "blindsided", "furious"] {
            assert!(has(&ms, MarkKind::Loaded, w), "{w}: {ms:?}");
        }
        let ms = marks(
            "“Much damage was done,” he told state-run Tass news agency. Peskov said, in comments reported by state news agency Tass.",
        );
        assert!(has(&ms, MarkKind::Label, "state-run"), "{ms:?}");
        assert!(has(&ms, MarkKind::Label, "state news agency"), "{ms:?}");
    }

    #[test]
    fn reporting_verbs_carry_their_grade() {
        let ms = marks(
            "The minister claimed the vote was rigged, but officials insisted that it was fair. He said nothing else.",
        );
        assert!(
            ms.contains(&(MarkKind::Attribution, "claimed".into(), 2)),
            "{ms:?}"
        );
        assert!(
            ms.contains(&(MarkKind::Attribution, "insisted".into(), 2)),
            "{ms:?}"
        );
    }

    #[test]
    fn quoted_words_belong_to_the_speaker() {
        let ms = marks("“This is a disgraceful and shameful decision,” the minister said.");
        assert!(!ms.iter().any(|m| m.0 == MarkKind::Loaded), "{ms:?}");
        assert!(ms.iter().any(|m| m.0 == MarkKind::Quote));
    }

    #[test]
    fn scare_quotes_and_partial_quotes_differ_in_grade() {
        let ms = marks("The so-called “experts” met again on Monday.");
        assert!(
            ms.contains(&(MarkKind::ScareQuote, "experts".into(), 2)),
            "{ms:?}"
        );
        assert!(has(&ms, MarkKind::Label, "so-called"), "{ms:?}");
        let ms = marks("Putin praised the delegation, rating the talks “highly.”");
        assert!(
            ms.contains(&(MarkKind::ScareQuote, "highly".into(), 1)),
            "{ms:?}"
        );
    }

    #[test]
    fn names_and_comparisons_are_not_marked() {
        let ms = marks(
            "Russia and the U.S. appeared more clearly aligned with Great Britain on Monday.",
        );
        assert!(
            !ms.iter()
                .any(|m| m.0 == MarkKind::Booster || m.0 == MarkKind::Loaded),
            "{ms:?}"
        );
        assert!(has(
            &marks("This was clearly a mistake."),
            MarkKind::Booster,
            "clearly"
        ));
    }

    #[test]
    fn everyday_news_words_are_not_loaded() {
        let ms = marks(
            "The war killed thousands and the peace talks offered support and trust, a positive step in the crisis.",
        );
        assert!(!ms.iter().any(|m| m.0 == MarkKind::Loaded), "{ms:?}");
    }
}
