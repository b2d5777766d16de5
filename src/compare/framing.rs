//! Framing marks on an article: reporting verbs graded from neutral to loaded, hedges,
//! boosters, loaded and emotive words, labels for outlets and actors, quotations and scare
//! quotes.
//!
//! Precision comes first: words inside quotations are the speaker's and are not marked as the
//! outlet's wording; capitalised words inside a sentence are names ("Great Britain"); degree
//! words after "more"/"most" are comparisons, not boosters ("more clearly aligned").

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::attribution::Attribution;
use super::doc::Doc;
use super::lexicon::{Entry, Lexicon, VerbForm, inflections};
use super::mark_scorer::{self, Candidate, Source, Weights};
use super::quotes::{Found, MIN_QUOTE_WORDS};
use crate::model::{Confidence, Mark, MarkKind};
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
    hits_where(doc, lex, false)
}

/// Find the lexicon's words and phrases inside quotations (`quoted`) or outside them.
fn hits_where<'l>(doc: &Doc, lex: &'l Lexicon, quoted: bool) -> Vec<Hit<'l>> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        if doc.in_quote[i].is_some() != quoted {
            i += 1;
            continue;
        }
        if let Some(m) = lex.phrase_at(&doc.keys, i) {
            let mut words = i..i + m.len;
            let ctx = &m.entry.context;
            if ctx.compound {
                match compound_start(doc, i) {
                    Some(start) => words.start = start,
                    None => {
                        i += 1;
                        continue;
                    }
                }
            }
            if accept(doc, words.clone(), m.entry, quoted) {
                // The modified word joins the intensifier's mark unless it has a mark of
                // its own ("outright falsehoods": a booster, then a verdict).
                if ctx.with_next
                    && modified_word(doc, words.end)
                    && lex.phrase_at(&doc.keys, words.end).is_none()
                {
                    words.end += 1;
                }
                // A phrase that ends a hyphenated compound is marked with the whole compound
                // ("multi-award-winning"), never reaching back into the previous mark.
                if let Some(start) = compound_start(doc, words.start) {
                    let free = out.last().map_or(0, |h: &Hit| h.words.end);
                    words.start = start.max(free);
                }
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

/// Where the hyphenated compound that word `i` ends starts ("multi-award-winning"), or `None`
/// when `i` is not hyphen-joined to the word before (or that word is quoted).
fn compound_start(doc: &Doc, i: usize) -> Option<usize> {
    let joined = |k: usize| {
        k > 0
            && doc.in_quote[k - 1] == doc.in_quote[k]
            && doc.gap_before(k).contains(['-', '\u{2010}', '\u{2011}'])
            && doc
                .gap_before(k)
                .chars()
                .all(|c| c == ' ' || c == '-' || c == '\u{2010}' || c == '\u{2011}')
    };
    if !joined(i) {
        return None;
    }
    let mut start = i - 1;
    while joined(start) {
        start -= 1;
    }
    Some(start)
}

/// True when word `k` is one an intensifier before it modifies: a content word of the same
/// sentence, joined by a space, outside quotations, not a number or a name.
fn modified_word(doc: &Doc, k: usize) -> bool {
    k < doc.toks.len()
        && k > 0
        && doc.in_quote[k] == doc.in_quote[k - 1]
        && doc.sent_of[k] == doc.sent_of[k - 1]
        && doc.gap_before(k).chars().all(|c| c == ' ')
        && crate::text::is_content(&doc.keys[k])
        && !crate::text::is_number(doc.toks[k].text)
        && !is_capitalised(doc.toks[k].text)
}

/// True when a phrase match stands for the entry here (`quoted`: the phrase is looked for
/// inside quotations, else outside them).
fn accept(doc: &Doc, words: Range<usize>, entry: &Entry, quoted: bool) -> bool {
    let first = words.start;
    // One sentence, on one side of the quotation marks, no punctuation inside the phrase but
    // hyphens.
    if words
        .clone()
        .any(|k| doc.in_quote[k].is_some() != quoted || doc.sent_of[k] != doc.sent_of[first])
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
    // A compound is judged by its own last word ("Oscar-winning" is not a name).
    let tok = &doc.toks[if entry.context.compound {
        words.end - 1
    } else {
        first
    }];
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
    // An outlet's label needs an outlet: "state-run Tass", "state-run television", never
    // "state-run programs" or "state-funded travel".
    if entry.kind == MarkKind::Label && entry.group.as_deref() == Some("outlet") {
        let own = words
            .clone()
            .any(|k| MEDIA_HEADS.contains(&doc.keys[k].as_str()));
        let target = (words.end..doc.toks.len().min(words.end + 3))
            .take_while(|&k| doc.sent_of[k] == doc.sent_of[first] && doc.in_quote[k].is_none())
            .any(|k| {
                MEDIA_HEADS.contains(&doc.keys[k].as_str())
                    || (is_capitalised(doc.toks[k].text) && !doc.starts_sentence(k))
            });
        let before = first > 0
            && (first.saturating_sub(3)..first)
                .any(|k| MEDIA_HEADS.contains(&doc.keys[k].as_str()));
        if !(own || target || before) {
            return false;
        }
    }
    true
}

/// Words that name media or news agencies: what an outlet's label ("state-run") must describe.
const MEDIA_HEADS: &[&str] = &[
    "agency",
    "broadcaster",
    "broadcasters",
    "channel",
    "channels",
    "daily",
    "media",
    "network",
    "networks",
    "news",
    "newspaper",
    "newspapers",
    "outlet",
    "outlets",
    "press",
    "radio",
    "service",
    "station",
    "television",
    "tv",
    "wire",
];

/// True when a short quotation is a title, not words held at a distance: a programme, book,
/// law, operation or slogan written in title case ("This Week", "Face the Nation", "Tucker
/// Carlson Tonight"), or quoted right after "on", "in", "told" or "to" ("said on “Meet the
/// Press”").
fn title_quote(doc: &Doc, q: &super::doc::Quoted) -> bool {
    let words = doc.words_in(q.start..q.end);
    if words.is_empty() {
        return false;
    }
    let content: Vec<usize> = words
        .clone()
        .filter(|&k| !crate::text::is_stopword(&doc.keys[k]))
        .collect();
    let title_case = !content.is_empty()
        && content.iter().all(|&k| is_capitalised(doc.toks[k].text))
        && (content.len() >= 2 || words.len() >= 2 || !doc.starts_sentence(words.start));
    let after_cue = words.start > 0
        && matches!(
            doc.keys[words.start - 1].as_str(),
            "on" | "in" | "told" | "to" | "titled" | "dubbed" | "called" | "named"
        )
        && is_capitalised(doc.toks[words.start].text);
    title_case || after_cue
}

/// True when a lexicon hit is shown as a mark: labels by their own flag (an outlet's label is
/// shown whatever its grade, since outlets are compared by it), the user's own entries always,
/// built-in loaded words, hedges and boosters from `min_grade` up (the lists grade their noisier
/// entries low).
pub fn shown(entry: &Entry, min_grade: u8) -> bool {
    match entry.kind {
        MarkKind::Label => entry.shown,
        _ => entry.shown && (entry.user || entry.grade >= min_grade),
    }
}

/// Verbs that put the words after them in someone else's mouth ("called it barbaric",
/// "described Japan as a great ally", "branded them traitors"), besides reporting verbs: every
/// form of these lemmas.
static CHARACTERISING: LazyLock<HashSet<String>> = LazyLock::new(|| {
    ["call", "describe", "brand", "label", "dub", "term", "deem"]
        .iter()
        .flat_map(|l| inflections(l))
        .map(|(form, _)| form)
        .collect()
});

/// How many words after a reporting or characterising verb its reported clause is taken to
/// run (within the sentence).
const REPORTED_REACH: usize = 12;

/// True when word `i` stands in reported speech: shortly after a reporting verb ("Trump said
/// the deal was horrible"), an attribution phrase ("critics say the plan is reckless") or a
/// characterising verb ("called it barbaric") of its sentence. Such a loaded word is still the
/// outlet's choice to report, but it is the cited person's.
fn reported(doc: &Doc, lex: &Lexicon, atts: &[Attribution], hits: &[Hit], i: usize) -> bool {
    let sent = doc.sent_of[i];
    let from = i.saturating_sub(REPORTED_REACH);
    let near = |end: usize, start: usize| end <= i && end > from && doc.sent_of[start] == sent;
    atts.iter().any(|a| near(a.words.end, a.words.start))
        // A reporting verb the attribution rules leave out because nothing quoted follows
        // ("Netanyahu said Iran lied"): past and -ing forms are verbs, and "says" and "tells"
        // are not nouns.
        || (from..i).any(|k| {
            doc.sent_of[k] == sent
                && doc.in_quote[k].is_none()
                && lex.verb_at(&doc.keys, k).is_some_and(|m| {
                    k + m.len <= i
                        && (matches!(m.form, VerbForm::Past | VerbForm::Ing)
                            || (m.form == VerbForm::Third
                                && matches!(m.verb.lemma.as_str(), "say" | "tell")))
                })
        })
        || hits.iter().any(|h| {
            h.entry.kind == MarkKind::Hedge
                && near(h.words.end, h.words.start)
                && lex.verb_at(&doc.keys, h.words.end - 1).is_some()
        })
        || (from..i)
            .any(|k| doc.sent_of[k] == sent && CHARACTERISING.contains(&doc.keys[k]))
}

/// The story's topic words: the stems of content words that every article of the story (all
/// but one in four, from four articles up) uses in its own voice (outside quotations). A word every outlet writes ("hacked" in a story about
/// a hack, "sue" in one about a lawsuit) is what the story is about, not how one outlet frames
/// it, so the learned scorer does not take it up from the licensed lists (see [`on_topic`]).
/// Empty for a single article.
#[derive(Debug, Clone, Default)]
pub struct Topic {
    stems: HashSet<String>,
}

impl Topic {
    /// The topic words of the articles of one story.
    pub fn of(docs: &[&Doc]) -> Topic {
        if docs.len() < 2 {
            return Topic::default();
        }
        let own = |d: &Doc| -> HashSet<String> {
            (0..d.toks.len())
                .filter(|&k| d.in_quote[k].is_none() && crate::text::is_content(&d.keys[k]))
                .map(|k| crate::text::stem(&d.keys[k]))
                .collect()
        };
        let mut count: std::collections::HashMap<String, usize> = Default::default();
        for d in docs {
            for w in own(d) {
                *count.entry(w).or_default() += 1;
            }
        }
        // Every article but at most one in four: of four or more outlets, one may word the
        // topic otherwise ("filing a lawsuit" where four others "sue"); of three, all must
        // (two of three let through too many words readers flag: measured on basil-dev).
        let need = docs.len() - docs.len() / 4;
        let need = need.max(2);
        Topic {
            stems: count
                .into_iter()
                .filter(|(_, n)| *n >= need)
                .map(|(w, _)| w)
                .collect(),
        }
    }

    /// The topic words of some article bodies of one story.
    pub fn of_texts(texts: &[&str]) -> Topic {
        let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
        Topic::of(&docs.iter().collect::<Vec<_>>())
    }

    /// True when every content word of `words` is a topic word.
    pub fn covers(&self, doc: &Doc, words: &Range<usize>) -> bool {
        let mut content = words
            .clone()
            .filter(|&k| crate::text::is_content(&doc.keys[k]))
            .peekable();
        content.peek().is_some()
            && content.all(|k| self.stems.contains(&crate::text::stem(&doc.keys[k])))
    }
}

/// True when a candidate is one of the story's topic words that the scorer leaves alone: a word
/// only the licensed lists know ("hacked", "sue", "subpoena"). The curated lists' entries
/// ("lied", "controversial") are judged even when every outlet writes them: readers flag them
/// all the same.
fn on_topic(doc: &Doc, c: &Candidate, topic: &Topic) -> bool {
    c.entry.is_none() && c.source == Source::Subjectivity && topic.covers(doc, &c.words)
}

/// The candidates the learned scorer judges ([`mark_scorer`]): the built-in loaded-word
/// entries found outside quotations (`hits`) and inside them, then every other word the
/// licensed lists know and every unlisted modifier right before a person. Words that a label,
/// hedge or booster already marks, and the user's own entries (always marked), are not
/// candidates.
pub fn candidates<'l>(
    doc: &Doc,
    lex: &'l Lexicon,
    atts: &[Attribution],
    hits: &[Hit<'l>],
) -> Vec<Candidate<'l>> {
    let quoted = hits_where(doc, lex, true);
    let verb_grade: Vec<Option<u8>> = (0..doc.toks.len())
        .map(|k| {
            lex.verb_at(&doc.keys, k)
                .filter(|m| m.len == 1 && m.form != VerbForm::Phrase)
                .map(|m| m.verb.grade)
        })
        .collect();
    let mut taken = vec![false; doc.toks.len()];
    // A reporting verb that attributes speech is marked as such, with its stance.
    for a in atts {
        taken[a.words.clone()].iter_mut().for_each(|t| *t = true);
    }
    let mut out = Vec::new();
    for h in hits.iter().chain(&quoted) {
        taken[h.words.clone()].iter_mut().for_each(|t| *t = true);
        if h.entry.kind != MarkKind::Loaded || h.entry.user {
            continue;
        }
        let rep =
            doc.in_quote[h.words.start].is_none() && reported(doc, lex, atts, hits, h.words.start);
        out.push(mark_scorer::candidate(
            doc,
            h.words.clone(),
            Some(h.entry),
            verb_grade[h.words.start],
            Source::Lexicon,
            rep,
        ));
    }
    let listed = |key: &str| lex.lists_word(key);
    for (k, source) in mark_scorer::word_candidates(doc, &taken, &verb_grade, listed) {
        let rep = doc.in_quote[k].is_none() && reported(doc, lex, atts, hits, k);
        out.push(mark_scorer::candidate(
            doc,
            k..k + 1,
            None,
            verb_grade[k],
            source,
            rep,
        ));
    }
    out.sort_by_key(|c| c.words.start);
    out
}

/// The scorer's candidates of one text with their byte spans and feature vectors (aligned
/// with [`mark_scorer::FEATURES`]): what `scripts/train-mark-scorer.py` learns from, via
/// `examples/mark_features.rs`.
///
/// Candidates on the story's `topic` are left out, as [`analyse`] never marks them.
pub fn candidate_features(
    text: &str,
    lex: &Lexicon,
    topic: &Topic,
) -> Vec<(usize, usize, Vec<f32>)> {
    let doc = Doc::new(text);
    let people = super::names::People::of(&doc);
    let atts = super::attribution::attributions(&doc, &people, lex);
    let hits = hits(&doc, lex);
    candidates(&doc, lex, &atts, &hits)
        .into_iter()
        .filter(|c| !on_topic(&doc, c, topic))
        .map(|c| {
            (
                doc.toks[c.words.start].start,
                doc.toks[c.words.end - 1].end,
                c.features,
            )
        })
        .collect()
}

/// All framing marks of a document. Loaded words are the curated lists' entries of grade 2 and
/// 3 and those the learned scorer rates at or above its threshold (inside a quotation they are the speaker's, [`MarkKind::SpeakerLoaded`]),
/// plus the user's own entries; loaded words, hedges and boosters graded below `min_grade` are
/// left out, and so are the scorer's words on the story's `topic` ([`Topic`]).
pub fn analyse<'l>(
    doc: &Doc,
    lex: &'l Lexicon,
    atts: &[Attribution],
    found: &[Found],
    min_grade: u8,
    topic: &Topic,
) -> Framing<'l> {
    let hits = hits(doc, lex);
    let mut marks: Vec<Mark> = hits
        .iter()
        .filter(|h| h.entry.kind != MarkKind::Loaded || h.entry.user)
        .filter(|h| shown(h.entry, min_grade))
        .map(|h| Mark {
            kind: h.entry.kind,
            start: h.start,
            end: h.end,
            text: doc.text[h.start..h.end].to_string(),
            note: if h.entry.kind == MarkKind::Loaded
                && reported(doc, lex, atts, &hits, h.words.start)
            {
                format!(
                    "{} (in reported speech: the cited person's word)",
                    h.entry.note
                )
            } else {
                h.entry.note.clone()
            },
            grade: h.entry.grade,
        })
        .collect();
    let weights = Weights::builtin();
    for c in candidates(doc, lex, atts, &hits) {
        if on_topic(doc, &c, topic) {
            continue;
        }
        let p = weights.score(&c);
        // The curated lists' clear cases (grade 2 and 3: nearly always the writer's
        // evaluation) are the outlet's loaded words whatever the scorer says.
        let curated = c
            .entry
            .filter(|e| !c.in_quote && e.grade >= 2)
            .map_or(0, |e| e.grade);
        let grade = weights.grade(&c, p).max(curated);
        if grade == 0 || grade < min_grade {
            continue;
        }
        let (start, end) = (doc.toks[c.words.start].start, doc.toks[c.words.end - 1].end);
        marks.push(Mark {
            kind: mark_scorer::kind_of(&c),
            start,
            end,
            text: doc.text[start..end].to_string(),
            note: mark_scorer::note_of(&c, p),
            grade,
        });
    }
    let taken: Vec<Range<usize>> = marks.iter().map(|m| m.start..m.end).collect();
    for a in atts.iter().filter(|a| !a.characterising) {
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
        let credited = f
            .speaker
            .as_ref()
            .filter(|s| s.resolved && s.confidence > Confidence::Low);
        let named = match credited {
            Some(s) if s.confidence == Confidence::High => Some(s.name.clone()),
            Some(s) => Some(format!(
                "{} (read from “{}”, {} confidence)",
                s.name,
                s.text,
                s.confidence.as_str()
            )),
            None => None,
        };
        let unresolved = f.speaker.as_ref().and_then(|s| {
            if !s.resolved {
                Some(format!("{} (unresolved)", s.text))
            } else if s.confidence == Confidence::Low {
                Some(format!("{}? (a guess, low confidence)", s.name))
            } else {
                None
            }
        });
        let (kind, note, grade) = if q.words >= MIN_QUOTE_WORDS {
            let note = match (named, unresolved) {
                (Some(s), _) => format!("quotation: {s}"),
                (None, Some(u)) => format!("quotation; said by {u}"),
                (None, None) => "quotation; the speaker is not named".to_string(),
            };
            (MarkKind::Quote, note, 0)
        } else if let Some(s) = named {
            // A few words quoted from someone the sentence credits: a partial quotation, the
            // speaker's words (not the writer's distance).
            (MarkKind::Quote, format!("partial quotation: {s}"), 0)
        } else if title_quote(doc, q) {
            // A programme, book, law or slogan: its title, not the writer's distance.
            continue;
        } else if q.words >= 3
            && !doc
                .words_in(q.start..q.end)
                .any(|k| mark_scorer::is_evaluative(&doc.keys[k]))
        {
            // Formal wording cited as written ("all necessary measures"): a partial quotation
            // whose source is not named; scare quotes hold a short evaluative term at a
            // distance.
            (
                MarkKind::Quote,
                "partial quotation; the speaker is not named".to_string(),
                0,
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
        let found = quotes::find(&d, &atts, &People::of(&d));
        analyse(&d, lex, &atts, &found, 0, &Topic::default())
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
        for w in ["fuming", "blindsided", "furious"] {
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
        // A word quoted from someone the sentence credits is theirs: a partial quotation.
        let ms = marks("Putin praised the delegation, rating the talks “highly.”");
        assert!(
            ms.contains(&(MarkKind::Quote, "highly".into(), 0)),
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

    fn marks_from(s: &str, min_grade: u8) -> Vec<(MarkKind, String, u8)> {
        let d = Doc::new(s);
        let lex = Lexicon::builtin();
        let atts = attributions(&d, &People::of(&d), lex);
        let found = quotes::find(&d, &atts, &People::of(&d));
        analyse(&d, lex, &atts, &found, min_grade, &Topic::default())
            .marks
            .into_iter()
            .map(|m| (m.kind, m.text, m.grade))
            .collect()
    }

    /// The lexicon hits of a text (what the scorer's lexicon candidates are built from).
    fn hit_texts(s: &str) -> Vec<(MarkKind, String)> {
        let d = Doc::new(s);
        hits(&d, Lexicon::builtin())
            .into_iter()
            .map(|h| (h.entry.kind, s[h.start..h.end].to_string()))
            .collect()
    }

    #[test]
    fn prize_compounds_and_intensified_words_are_found_whole() {
        let hs = hit_texts(
            "The Oscar-winning actress joined a multi-award-winning crew for an extremely successful tour.",
        );
        for (kind, text) in [
            (MarkKind::Loaded, "Oscar-winning"),
            (MarkKind::Loaded, "multi-award-winning"),
            (MarkKind::Booster, "extremely"),
            (MarkKind::Loaded, "successful"),
        ] {
            assert!(hs.contains(&(kind, text.to_string())), "{text}: {hs:?}");
        }
        let ms = marks("Analysts are deeply divided over his motives.");
        assert!(has(&ms, MarkKind::Booster, "deeply divided"), "{ms:?}");
        // Not a compound: a winning streak is just that.
        let ms = marks("The team extended its winning streak on Sunday.");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn the_grade_threshold_hides_weaker_words_but_never_labels() {
        let text = "The famous lawyer was allegedly paid by the state-run broadcaster, a renowned \
                    outlet, in a bombastic and utterly shameful scheme that enraged the furious public.";
        let at = |g| marks_from(text, g);
        let loaded = |g| at(g).iter().filter(|m| m.0 == MarkKind::Loaded).count();
        assert!(has(&at(0), MarkKind::Hedge, "allegedly"));
        assert!(!has(&at(1), MarkKind::Hedge, "allegedly"));
        // The scorer's grades: a higher threshold keeps fewer, and only surer, loaded words.
        assert!(loaded(1) > loaded(3), "{:?} / {:?}", at(1), at(3));
        assert!(at(3).iter().all(|m| m.0 != MarkKind::Loaded || m.2 == 3));
        for g in 0..=3 {
            assert!(has(&at(g), MarkKind::Label, "state-run"), "grade {g}");
        }
    }

    #[test]
    fn a_cited_persons_characterisation_says_so() {
        let d = Doc::new(
            "In Seoul, Trump called the regime barbaric. Critics say the deal was a shameful failure.",
        );
        let lex = Lexicon::builtin();
        let atts = attributions(&d, &People::of(&d), lex);
        let found = quotes::find(&d, &atts, &People::of(&d));
        let f = analyse(&d, lex, &atts, &found, 1, &Topic::default());
        let note = |w: &str| {
            f.marks
                .iter()
                .find(|m| m.text == w)
                .map(|m| m.note.clone())
                .unwrap_or_default()
        };
        assert!(
            note("barbaric").contains("reported speech"),
            "{:?}",
            f.marks
        );
        assert!(
            note("shameful").contains("reported speech"),
            "{:?}",
            f.marks
        );
        let d = Doc::new("The shameful episode ended on Monday.");
        let f = analyse(&d, lex, &[], &[], 1, &Topic::default());
        assert!(
            !f.marks[0].note.contains("reported speech"),
            "{:?}",
            f.marks
        );
    }

    #[test]
    fn titles_are_not_scare_quotes() {
        // Issue 13: programmes marked as scare quotes.
        let ms = marks(
            "The senator appeared on “This Week” and later on “Face the Nation.” A clip of “Jim Doe Tonight” ran, and voters shouted “President Smith” at the rally.",
        );
        assert!(!ms.iter().any(|m| m.0 == MarkKind::ScareQuote), "{ms:?}");
        // A lower-case word held at a distance still is one.
        let ms = marks("The so-called “reform” passed.");
        assert!(has(&ms, MarkKind::ScareQuote, "reform"), "{ms:?}");
    }

    #[test]
    fn shouted_names_and_formal_wording_are_not_scare_quotes() {
        // Issue 13: a shouted "President Obama" and UN wording "all necessary measures".
        let ms = marks(
            "Supporters chanted “President Walker” outside. The council authorised “all necessary measures” to protect civilians. She called it “Operation Clean Sweep” on Tuesday.",
        );
        assert!(!ms.iter().any(|m| m.0 == MarkKind::ScareQuote), "{ms:?}");
        // A short evaluative term held at a distance still is one.
        let ms = marks("The agency described the plan as a “disastrous gamble” for the region.");
        assert!(
            has(&ms, MarkKind::ScareQuote, "disastrous gamble"),
            "{ms:?}"
        );
    }

    #[test]
    fn quoted_loaded_words_are_the_speakers_not_the_outlets() {
        // Issue 13: "greatest" inside a long quotation marked as the outlet's loaded word.
        let ms = marks(
            "“This is the greatest and most ridiculous deal anyone has ever seen, a stupid deal,” the senator said on Monday.",
        );
        assert!(!ms.iter().any(|m| m.0 == MarkKind::Loaded), "{ms:?}");
        assert!(
            ms.iter().any(|m| m.0 == MarkKind::SpeakerLoaded),
            "a loaded word in a quotation is shown as the speaker's: {ms:?}"
        );
    }

    #[test]
    fn adjectives_characterising_a_person_are_marked() {
        // Issue 13: "bombastic" and "unpredictable president" were missed.
        let ms = marks(
            "The bombastic governor met the unpredictable president in Ohio. Aides said little.",
        );
        for w in ["bombastic", "unpredictable"] {
            assert!(
                ms.iter().any(|m| m.0 == MarkKind::Loaded && m.1 == w),
                "{w}: {ms:?}"
            );
        }
        // A title before a person states a fact.
        let ms = marks("The former president met the vice president in Ohio on Tuesday.");
        assert!(!ms.iter().any(|m| m.0 == MarkKind::Loaded), "{ms:?}");
    }

    #[test]
    fn outlet_labels_need_an_outlet() {
        // Issue 13: "state-run programs", "state-funded travel" are no outlet labels.
        let ms = marks(
            "The state-run programs paid for state-funded travel to the coast, and the senator praised government-run public education.",
        );
        assert!(!ms.iter().any(|m| m.0 == MarkKind::Label), "{ms:?}");
        let ms = marks("The claim was carried by state-run television and the state-run Vesti.");
        assert!(has(&ms, MarkKind::Label, "state-run"), "{ms:?}");
    }

    #[test]
    fn words_of_a_quotation_over_paragraphs_are_the_speakers() {
        // Issue 13: "greatest" inside a long quotation marked as the outlet's word.
        let ms = marks(
            "“We built the greatest economy in the history of the world.\n“Nobody has seen anything like it,” the governor said.",
        );
        assert!(!ms.iter().any(|m| m.0 == MarkKind::Loaded), "{ms:?}");
    }

    #[test]
    fn news_facts_are_not_taken_for_loaded_words() {
        let ms = marks(
            "Flynn pleaded guilty to lying to the FBI. The talks are supposed to take place in May, \
             under the inspection regime agreed in 2015, a great deal of work. Turnout was leading \
             to long queues, and the popular vote went to Clinton.",
        );
        assert!(
            !ms.iter()
                .any(|m| matches!(m.0, MarkKind::Loaded | MarkKind::Hedge | MarkKind::Label)),
            "{ms:?}"
        );
    }

    #[test]
    fn the_storys_topic_words_are_not_framing() {
        // Issue 13: "sue" and "hacked" marked in a story about a lawsuit over a hack.
        let texts = [
            "The committee sued on Friday, saying its servers were hacked and that the campaign lied about it.",
            "Its servers were hacked in 2016, the committee said in the suit it filed on Friday. It says the campaign lied.",
            "The committee, whose servers were hacked, has sued; the campaign lied, it claims.",
        ];
        let lex = Lexicon::builtin();
        let words_of = |topic: &Topic| -> Vec<&str> {
            candidate_features(texts[0], lex, topic)
                .into_iter()
                .map(|(a, b, _)| &texts[0][a..b])
                .collect()
        };
        let alone = words_of(&Topic::default());
        assert!(alone.contains(&"hacked"), "{alone:?}");
        let story = words_of(&Topic::of_texts(&texts));
        assert!(!story.contains(&"hacked"), "{story:?}");
        // A curated entry stays the scorer's to judge, however many outlets write it.
        assert!(story.contains(&"lied"), "{story:?}");
        // A word some outlet does not write is not the topic ("Friday": two of three).
        let d = Doc::new("It happened on Friday.");
        assert_eq!(d.toks[3].text, "Friday");
        assert!(!Topic::of_texts(&texts).covers(&d, &(3..4)));
    }

    #[test]
    fn everyday_news_words_are_not_loaded() {
        let ms = marks(
            "The war killed thousands and the peace talks offered support and trust, a positive step in the crisis.",
        );
        assert!(!ms.iter().any(|m| m.0 == MarkKind::Loaded), "{ms:?}");
    }
}
