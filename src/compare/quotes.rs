//! Quotations: who is quoted in each article, the same quotation found across outlets, and how
//! faithfully each outlet carries it (identical, trimmed, reworded, or told as indirect speech).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use similar::DiffTag;

use super::attribution::{Attribution, Speaker};
use super::diff::{self, Passage};
use super::doc::{Doc, Quoted};
use super::names::People;
use crate::model::Confidence;
use crate::model::{Fidelity, Quote, QuoteGroup, QuoteMember};
use crate::text::{is_content, stem, word_key};

/// Quotations of fewer words than this are partial quotes or scare quotes, not quotations to
/// follow across outlets.
pub const MIN_QUOTE_WORDS: usize = 4;

/// Quotations of more words than this keep a group of their own and are not compared with
/// others. A real quotation this long is rare (a statement quoted whole runs to a few hundred
/// words); a span this long is nearly always a quotation mark left open in a page whose
/// paragraphs were run together, and comparing such spans pair by pair costs length times
/// length for each pair: two 1 MB single-line pages took minutes.
pub const MAX_LINKED_QUOTE_WORDS: usize = 1_000;

/// A quotation found in one article, with the speaker the article credits.
#[derive(Debug, Clone)]
pub struct Found {
    /// Where it is.
    pub quoted: Quoted,
    /// Who is quoted.
    pub speaker: Option<Speaker>,
    /// The reporting verb as written ("told").
    pub verb: Option<String>,
}

/// Credit each quotation of an article to a speaker, nearest cue first:
/// - a reporting verb right after it ("“...,” he said", "“...,” said Liam Peach");
/// - else the nearest one before it in its sentence ("Peskov said: “...”", "Trump called the
///   senator a “nasty guy”");
/// - else one a few words after it, or "according to" anywhere in the sentence;
/// - else a transcript label ("PENCE: ...") or a colon after a clause ("Limbaugh continued:");
/// - else the speaker of the quotation before it in the paragraph, or of the last quotation of
///   the paragraph before when this paragraph opens with a quotation and has no cue of its own
///   (a quotation continued over paragraphs; medium confidence).
pub fn find(doc: &Doc, atts: &[Attribution], people: &People) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let line_start = |pos: usize| doc.text[..pos].rfind('\n').map_or(0, |p| p + 1);
    let line_end = |pos: usize| {
        doc.text[pos..]
            .find('\n')
            .map_or(doc.text.len(), |p| pos + p)
    };
    for (qi, q) in doc.quoted.iter().enumerate() {
        let inside = doc.words_in(q.start..q.end);
        let sent = if inside.is_empty() {
            doc.sent_of
                .get(doc.words_in(q.open..doc.text.len()).start)
                .copied()
        } else {
            Some(doc.sent_of[inside.start])
        };
        let Some(sent) = sent else { continue };
        let next_open = doc.quoted.get(qi + 1).map_or(usize::MAX, |n| n.open);
        let prev_close = if qi == 0 { 0 } else { doc.quoted[qi - 1].close };
        let same_sentence = |a: &Attribution| doc.sent_of[a.words.start] == sent;
        // "“Does anybody know?” Graham asked.": the splitter ends a sentence at the question
        // mark, but the cue right after belongs to the quotation.
        let ends_open = doc.text[q.start..q.close]
            .trim_end_matches(['”', '"', '’', ' '])
            .ends_with(['?', '!']);
        let next_sentence = |a: &Attribution| {
            ends_open
                && doc.sent_of[a.words.start] == sent + 1
                && !doc.text[q.close..a.start].contains('\n')
        };
        let credited = |a: &&Attribution| a.speaker.is_some();
        // A cue after the quotation credits it only when the quotation ends its clause
        // ("“...,” he said", "“...?” Graham asked", "“...” — Jones said"); "called her a
        // “disgrace” after she attacked ..." credits the subject before it.
        let ends_clause = {
            let inner = doc.text[q.start..q.close]
                .trim_end_matches(['”', '"', '’', '\'', '»', ' ', '\u{a0}']);
            let next = doc.text[q.close..].trim_start_matches([' ', '\u{a0}']);
            inner.ends_with([',', '?', '!', '—', '–', ':', '-', ';', '…'])
                || next.starts_with([',', '—', '–', '-'])
        };
        // Or the cue closes the sentence after a comma ("A cashier who “...” is held
        // accountable, Warren said."): it credits all the sentence says.
        let closing_cue = |a: &Attribution| {
            let first = a.speaker.as_ref().map_or(a.start, |s| s.start.min(a.start));
            let k = doc.words_in(first..doc.text.len()).start;
            let words = doc.sentence_words(sent);
            k < doc.toks.len()
                && doc.gap_before(k).contains([',', '—', '–'])
                && words.end.saturating_sub(a.words.end) <= 8
        };
        let after_within = |max: usize| {
            atts.iter().filter(credited).find(|a| {
                (ends_clause || closing_cue(a))
                    && a.start >= q.close
                    && a.start < next_open
                    && (same_sentence(a) || next_sentence(a))
                    && (doc.words_in(q.close..a.start).len() <= max
                        // "“...,” Scott Pruitt, the attorney general of Oklahoma, said": the
                        // speaker's name comes right after the quotation.
                        || a.speaker.as_ref().is_some_and(|s| {
                            s.start >= q.close
                                && doc.words_in(q.close..s.start).len() <= 2
                                && doc.words_in(q.close..a.start).len() <= 24
                        }))
            })
        };
        // A cue set after an earlier quotation ("“You winning?” she said, but ... as Trump went
        // on about “...”") credits a later one only when little stands between them
        // ("“A,” he said, “B.”", "“A,” he said, adding: “B”").
        let before = atts
            .iter()
            .filter(credited)
            .rev()
            .find(|a| a.end <= q.open && a.start >= prev_close && same_sentence(a))
            .filter(|a| {
                let after_a_quote = qi > 0
                    && doc.quoted[qi - 1].close <= a.start
                    && doc.text[doc.quoted[qi - 1].close..a.start]
                        .find('\n')
                        .is_none()
                    && doc
                        .words_in(doc.quoted[qi - 1].start..doc.quoted[qi - 1].end)
                        .last()
                        .is_some_and(|w| doc.sent_of[w] == sent)
                    && doc.words_in(doc.quoted[qi - 1].close..a.start).len() <= 6
                    && a.speaker
                        .as_ref()
                        .is_some_and(|s| s.start >= doc.quoted[qi - 1].close);
                !after_a_quote || doc.words_in(a.end..q.open).len() <= 6
            });
        let according = atts.iter().filter(credited).find(|a| {
            a.lemma == "according to" && same_sentence(a) && (a.start >= q.close || a.end <= q.open)
        });
        // "Cruz exhorted Republicans to “vote your conscience” and said he ...": a verb of
        // saying later in the sentence whose speaker is the sentence's subject, before the
        // quotation.
        let subject_cue = || {
            atts.iter().filter(credited).find(|a| {
                a.reporting
                    && !a.characterising
                    && a.start >= q.close
                    && a.start < next_open
                    && same_sentence(a)
                    && a.speaker.as_ref().is_some_and(|s| {
                        s.resolved && s.end <= q.open && doc.words_in(s.end..q.open).len() <= 12
                    })
            })
        };
        let chosen = after_within(4)
            .or(before)
            .or_else(|| after_within(10))
            .or(according)
            .or_else(subject_cue);
        let (speaker, verb) = match chosen {
            Some(a) => (
                a.speaker.clone(),
                Some(doc.text[a.start..a.end].to_string()),
            ),
            None => match uncued_speaker(doc, people, q, &out, line_start(q.open), atts) {
                Some(s) => (Some(s), None),
                None => (None, None),
            },
        };
        let _ = line_end;
        out.push(Found {
            quoted: q.clone(),
            speaker,
            verb,
        });
    }
    out
}

/// The speaker of a quotation with no reporting verb near it: a transcript label, a clause
/// ending in a colon just before it, or the quotation before it (in its paragraph, or ending
/// the paragraph before when this one opens with a quotation and has no cue of its own).
fn uncued_speaker(
    doc: &Doc,
    people: &People,
    q: &Quoted,
    earlier: &[Found],
    para_start: usize,
    atts: &[Attribution],
) -> Option<Speaker> {
    if let Some(s) = super::attribution::transcript_speaker(doc, q)
        .or_else(|| super::attribution::dash_speaker(doc, people, q))
    {
        return Some(s);
    }
    // "Limbaugh continued: “...”", also across a paragraph break.
    let before = doc.words_in(0..q.open);
    if let Some(last) = before.end.checked_sub(1) {
        let gap = &doc.text[doc.toks[last].end..q.open];
        if gap.trim_end().ends_with(':')
            && doc.in_quote[last].is_none()
            && let Some(s) = super::attribution::colon_speaker(doc, people, last)
        {
            return Some(s);
        }
    }
    // Continued: the quotation before it in the same paragraph, when this one opens its own
    // sentence ("“A,” he said. “B.”"); one set inside a sentence about someone else ("..., and
    // as Trump went on about “...”") is not continued speech.
    let first = doc.words_in(q.start..q.end).start;
    let opens_sentence = first < doc.toks.len() && doc.starts_sentence(first);
    if let Some(prev) = earlier
        .iter()
        .rev()
        .find(|f| f.quoted.close <= q.open && f.quoted.open >= para_start)
    {
        return if opens_sentence {
            prev.speaker.clone()
        } else {
            None
        };
    }
    // "..., Schiff said. “The other factor ...”": the sentence before, in the same paragraph,
    // credits someone and this one does not.
    let here = doc.words_in(q.start..q.end);
    if let Some(sent) = (!here.is_empty()).then(|| doc.sent_of[here.start])
        && let Some(a) = atts.iter().rev().find(|a| {
            a.start >= para_start
                && a.end <= q.open
                && sent > 0
                && doc.sent_of[a.words.start] == sent - 1
        })
        && let Some(mut s) = a.speaker.clone()
    {
        s.confidence = s.confidence.min(Confidence::Medium);
        return Some(s);
    }
    // Continued over a paragraph break: this paragraph opens with the quotation and names no
    // one, and the paragraph before ended with a quotation.
    let opens_here = doc.text[para_start..q.open].trim().is_empty();
    let para_end = doc.text[q.open..]
        .find('\n')
        .map_or(doc.text.len(), |p| q.open + p);
    let cue_here = atts
        .iter()
        .any(|a| a.start >= para_start && a.end <= para_end && a.speaker.is_some());
    if !opens_here || cue_here || para_start == 0 {
        return None;
    }
    let prev_para_end = para_start - 1;
    let prev_para_start = doc.text[..prev_para_end].rfind('\n').map_or(0, |p| p + 1);
    let last = earlier
        .iter()
        .rev()
        .find(|f| f.quoted.open >= prev_para_start && f.quoted.close <= prev_para_end)?;
    // The paragraph before ends with that quotation's sentence.
    let tail = doc.words_in(last.quoted.close..prev_para_end);
    let ends_with_it = tail.is_empty()
        || doc.sent_of[tail.end - 1]
            == doc.sent_of[doc
                .words_in(last.quoted.start..last.quoted.end)
                .start
                .min(doc.toks.len() - 1)];
    if !ends_with_it {
        return None;
    }
    let mut s = last.speaker.clone()?;
    s.confidence = s.confidence.min(Confidence::Medium);
    Some(s)
}

/// One article's material for linking quotations.
pub struct ArticleQuotes<'a> {
    /// Article id.
    pub id: &'a str,
    /// The prepared body.
    pub doc: &'a Doc<'a>,
    /// Its quotations.
    pub found: &'a [Found],
    /// Its reporting verbs.
    pub atts: &'a [Attribution],
}

/// A quotation ready for comparison.
struct Item {
    article: usize,
    found: usize,
    passage: Vec<String>,
    stems: HashSet<String>,
    speaker_key: Option<String>,
}

/// Keys of a quotation's words, leaving out editorial insertions in square brackets.
fn quote_keys(text: &str, range: Range<usize>) -> (Vec<String>, Vec<Range<usize>>) {
    let p = Passage::new(text, range);
    let mut keys = Vec::new();
    let mut words = Vec::new();
    // Brackets opened minus closed before the word, counted as the words go by (recounting
    // from the start for every word was quadratic in a long quotation).
    let (mut depth, mut seen) = (0isize, p.range.start);
    for (k, w) in p.keys.iter().zip(&p.words) {
        for b in text.as_bytes()[seen..w.start].iter() {
            match b {
                b'[' => depth += 1,
                b']' => depth -= 1,
                _ => {}
            }
        }
        seen = w.start;
        if depth > 0 {
            continue;
        }
        keys.push(k.clone());
        words.push(w.clone());
    }
    (keys, words)
}

fn stems_of(keys: &[String]) -> HashSet<String> {
    keys.iter()
        .filter(|k| is_content(k))
        .map(|k| stem(k))
        .collect()
}

/// Group the quotations of a story's articles: the same quotation in several outlets becomes
/// one group, with each outlet's fidelity to the fullest version. Articles that carry no
/// version in quotation marks but report the same words as indirect speech are added as
/// `indirect` members. Every quotation of [`MIN_QUOTE_WORDS`] words or more is in a group.
pub fn group(articles: &[ArticleQuotes]) -> Vec<QuoteGroup> {
    let mut items: Vec<Item> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for (fi, f) in a.found.iter().enumerate() {
            if f.quoted.words < MIN_QUOTE_WORDS {
                continue;
            }
            let (keys, _) = quote_keys(a.doc.text, f.quoted.start..f.quoted.end);
            if keys.len() < MIN_QUOTE_WORDS {
                continue;
            }
            let stems = stems_of(&keys);
            items.push(Item {
                article: ai,
                found: fi,
                passage: keys,
                stems,
                speaker_key: f
                    .speaker
                    .as_ref()
                    .filter(|s| s.resolved)
                    .map(|s| s.key.clone()),
            });
        }
    }
    // Link the same quotation across articles, strongest links first; a group never takes two
    // quotations from one article (that would chain different quotations together).
    let mut links: Vec<(f32, usize, usize)> = Vec::new();
    for i in 0..items.len() {
        if items[i].passage.len() > MAX_LINKED_QUOTE_WORDS {
            continue;
        }
        for j in i + 1..items.len() {
            if items[i].article == items[j].article
                || items[j].passage.len() > MAX_LINKED_QUOTE_WORDS
            {
                continue;
            }
            if let Some(strength) = same_quotation(&items[i], &items[j]) {
                links.push((strength, i, j));
            }
        }
    }
    links.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut parent: Vec<usize> = (0..items.len()).collect();
    let mut arts: Vec<HashSet<usize>> =
        items.iter().map(|it| HashSet::from([it.article])).collect();
    for (_, i, j) in links {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        if ri == rj || !arts[ri].is_disjoint(&arts[rj]) {
            continue;
        }
        let (keep, gone) = (ri.min(rj), ri.max(rj));
        parent[gone] = keep;
        let moved = std::mem::take(&mut arts[gone]);
        arts[keep].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for i in 0..items.len() {
        let r = root(&mut parent, i);
        let g = *index.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let mut out: Vec<QuoteGroup> = groups
        .iter()
        .enumerate()
        .map(|(gi, members)| build_group(gi, members, &items, articles))
        .collect();
    add_indirect(&mut out, articles);
    out
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// How strongly two quotations are the same one (None when they are not): many words in the
/// same order, or (reworded) most content words shared by a speaker who is not someone else.
fn same_quotation(a: &Item, b: &Item) -> Option<f32> {
    let shared = a.stems.intersection(&b.stems).count();
    let fewer = a.stems.len().min(b.stems.len()).max(1);
    // Both tests below need this many shared content words: skip the diff without them.
    if shared < fewer.min(3) {
        return None;
    }
    let share = shared as f32 / fewer as f32;
    // The word-by-word test needs most content words shared; only then is the diff worth its
    // cost (quotations sharing a few common words are many in a long story).
    if share >= 0.6 {
        let script = diff::ops(&a.passage, &b.passage);
        let matched = diff::matched(&script);
        let shorter = a.passage.len().min(b.passage.len());
        let verbatim = matched as f32 / shorter.max(1) as f32;
        if matched >= 4 && verbatim >= 0.6 {
            return Some(1.0 + verbatim);
        }
    }
    let reworded = match (&a.speaker_key, &b.speaker_key) {
        (Some(x), Some(y)) if x == y => shared >= 3 && share >= 0.4,
        (Some(_), Some(_)) => false,
        _ => shared >= 4 && share >= 0.6,
    };
    reworded.then_some(share)
}

fn build_group(
    gi: usize,
    members: &[usize],
    items: &[Item],
    articles: &[ArticleQuotes],
) -> QuoteGroup {
    // The fullest version: most words, then earliest article.
    let fullest = *members
        .iter()
        .max_by(|&&x, &&y| {
            items[x]
                .passage
                .len()
                .cmp(&items[y].passage.len())
                .then(items[y].article.cmp(&items[x].article))
        })
        .unwrap_or(&members[0]);
    let full = &items[fullest];
    let full_art = &articles[full.article];
    let full_found = &full_art.found[full.found];
    let (_, full_words) = quote_keys(
        full_art.doc.text,
        full_found.quoted.start..full_found.quoted.end,
    );
    let mut out_members = Vec::new();
    let mut order: Vec<usize> = members.to_vec();
    order.sort_by_key(|&m| {
        (
            m != fullest,
            items[m].article,
            articles[items[m].article].found[items[m].found]
                .quoted
                .start,
        )
    });
    for m in order {
        let it = &items[m];
        let art = &articles[it.article];
        let f = &art.found[it.found];
        let quote = make_quote(art, f);
        if m == fullest {
            out_members.push(QuoteMember {
                quote,
                fidelity: Fidelity::Fullest,
                cut: Vec::new(),
                added: Vec::new(),
                similarity: 1.0,
            });
            continue;
        }
        let (_, words) = quote_keys(art.doc.text, f.quoted.start..f.quoted.end);
        let script = diff::ops(&full.passage, &it.passage);
        let kept = diff::matched(&script);
        let has_new = script
            .iter()
            .any(|o| matches!(o.tag, DiffTag::Insert | DiffTag::Replace));
        let runs = |tag_ok: fn(DiffTag) -> bool, side_full: bool| -> Vec<String> {
            script
                .iter()
                .filter(|o| tag_ok(o.tag))
                .map(|o| {
                    let (text, ws, r) = if side_full {
                        (full_art.doc.text, &full_words, o.a.clone())
                    } else {
                        (art.doc.text, &words, o.b.clone())
                    };
                    if r.is_empty() {
                        String::new()
                    } else {
                        text[ws[r.start].start..ws[r.end - 1].end].to_string()
                    }
                })
                .filter(|s| !s.is_empty())
                .collect()
        };
        // Words "left out" that the same outlet carries elsewhere (a quotation it splits in
        // two, "“A,” she said. “B.”") are not left out.
        let article_keys = format!(" {} ", art.doc.keys.join(" "));
        let carried = |run: &String| {
            let keys: Vec<String> = crate::text::words(run)
                .iter()
                .map(|w| word_key(w.text))
                .collect();
            !keys.is_empty() && article_keys.contains(&format!(" {} ", keys.join(" ")))
        };
        let cut_runs: Vec<String> = runs(|t| t == DiffTag::Delete, true)
            .into_iter()
            .filter(|r| !carried(r))
            .collect();
        let (fidelity, cut, added) =
            if !has_new && (kept == full.passage.len() || cut_runs.is_empty()) {
                (Fidelity::Identical, Vec::new(), Vec::new())
            } else if !has_new {
                (Fidelity::Trimmed, cut_runs, Vec::new())
            } else {
                (
                    Fidelity::Reworded,
                    Vec::new(),
                    runs(|t| matches!(t, DiffTag::Insert | DiffTag::Replace), false),
                )
            };
        out_members.push(QuoteMember {
            quote,
            fidelity,
            cut,
            added,
            similarity: kept as f32 / full.passage.len().max(1) as f32,
        });
    }
    // The speaker most versions name.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in &out_members {
        if let Some(s) = m.quote.speaker.as_deref() {
            *counts.entry(s).or_default() += 1;
        }
    }
    let speaker = out_members
        .iter()
        .filter_map(|m| m.quote.speaker.as_deref())
        .max_by_key(|s| counts[s])
        .map(str::to_string);
    QuoteGroup {
        id: format!("q{}", gi + 1),
        speaker,
        members: out_members,
    }
}

fn make_quote(art: &ArticleQuotes, f: &Found) -> Quote {
    Quote {
        article: art.id.to_string(),
        start: f.quoted.start,
        end: f.quoted.end,
        text: art.doc.text[f.quoted.start..f.quoted.end].to_string(),
        speaker: f
            .speaker
            .as_ref()
            .filter(|s| s.resolved && s.confidence > Confidence::Low)
            .map(|s| s.name.clone()),
        verb: f.verb.clone(),
        confidence: f.speaker.as_ref().map(|s| s.confidence),
        said_by: f.speaker.as_ref().and_then(said_by),
    }
}

/// The words naming a speaker as written, when they are not the name shown ("he", "the
/// spokeswoman").
pub fn said_by(s: &Speaker) -> Option<String> {
    (!s.resolved
        || s.pronoun
        || s.confidence == Confidence::Low
        || !s.text.contains(s.name.as_str()))
    .then(|| s.text.clone())
}

/// Find, for each group, the articles that report the same words without quotation marks.
fn add_indirect(groups: &mut [QuoteGroup], articles: &[ArticleQuotes]) {
    struct Candidate {
        score: f32,
        group: usize,
        article: usize,
        att: usize,
    }
    // The fullest version's content and speaker, per group.
    let profiles: Vec<(HashSet<String>, Option<String>)> = groups
        .iter()
        .map(|g| {
            let full = &g.members[0].quote;
            let keys: Vec<String> = crate::text::words(&full.text)
                .iter()
                .map(|w| word_key(w.text))
                .collect();
            let key = g.members.iter().find_map(|m| {
                let art = articles.iter().find(|a| a.id == m.quote.article)?;
                art.found
                    .iter()
                    .find(|f| f.quoted.start == m.quote.start)?
                    .speaker
                    .as_ref()
                    .filter(|s| s.resolved)
                    .map(|s| s.key.clone())
            });
            (stems_of(&keys), key)
        })
        .collect();
    let mut cands = Vec::new();
    for (ai, art) in articles.iter().enumerate() {
        for (ti, att) in art.atts.iter().enumerate() {
            if !att.reporting {
                continue;
            }
            let sent = art.doc.sent_of[att.words.start];
            let words = art.doc.sentence_words(sent);
            if words.clone().any(|k| {
                art.doc.in_quote[k].is_some_and(|q| art.doc.quoted[q].words >= MIN_QUOTE_WORDS)
            }) {
                continue;
            }
            let Some(said) = said_range(art.doc, att) else {
                continue;
            };
            let keys: Vec<String> = art
                .doc
                .words_in(said)
                .map(|k| art.doc.keys[k].clone())
                .collect();
            let stems = stems_of(&keys);
            let speaker = att
                .speaker
                .as_ref()
                .filter(|s| s.resolved)
                .map(|s| s.key.as_str());
            for (gi, (qstems, qkey)) in profiles.iter().enumerate() {
                if groups[gi].members.iter().any(|m| m.quote.article == art.id) || qstems.is_empty()
                {
                    continue;
                }
                let shared = stems.intersection(qstems).count();
                let share = shared as f32 / qstems.len() as f32;
                let ok = match (qkey.as_deref(), speaker) {
                    (Some(q), Some(s)) if q == s => shared >= 3 && share >= 0.3,
                    (Some(_), Some(_)) => false,
                    _ => shared >= 4 && share >= 0.5,
                };
                if ok {
                    cands.push(Candidate {
                        score: share,
                        group: gi,
                        article: ai,
                        att: ti,
                    });
                }
            }
        }
    }
    cands.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut used_sentences: HashSet<(usize, usize)> = HashSet::new();
    let mut used_groups: HashSet<(usize, usize)> = HashSet::new();
    for c in cands {
        let art = &articles[c.article];
        let att = &art.atts[c.att];
        let sent = art.doc.sent_of[att.words.start];
        if used_sentences.contains(&(c.article, sent))
            || used_groups.contains(&(c.group, c.article))
        {
            continue;
        }
        let Some(said) = said_range(art.doc, att) else {
            continue;
        };
        used_sentences.insert((c.article, sent));
        used_groups.insert((c.group, c.article));
        groups[c.group].members.push(QuoteMember {
            quote: Quote {
                article: art.id.to_string(),
                start: said.start,
                end: said.end,
                text: art.doc.text[said.clone()].to_string(),
                speaker: att
                    .speaker
                    .as_ref()
                    .filter(|s| s.resolved)
                    .map(|s| s.name.clone()),
                verb: Some(art.doc.text[att.start..att.end].to_string()),
                confidence: att.speaker.as_ref().map(|s| s.confidence),
                said_by: att.speaker.as_ref().and_then(said_by),
            },
            fidelity: Fidelity::Indirect,
            cut: Vec::new(),
            added: Vec::new(),
            similarity: 0.0,
        });
    }
}

/// The words a reporting verb reports: the clause after "that" when there is one, else the
/// rest of its sentence after the verb, else the sentence before it ("..., he said.").
/// `None` for an attribution that runs past the end of its sentence ("according" at the end
/// of one line, "to" starting the next): it reports nothing there.
fn said_range(doc: &Doc, att: &Attribution) -> Option<Range<usize>> {
    let sent = doc.sent_of[att.words.start];
    let words = doc.sentence_words(sent);
    if att.words.end > words.end {
        return None;
    }
    let trim = |r: Range<usize>| -> Range<usize> {
        let s = &doc.text[r.clone()];
        let t = s.trim_end_matches(|c: char| c.is_whitespace() || ".,;:!?".contains(c));
        r.start..r.start + t.len()
    };
    let after = att.words.end..words.end;
    let that = after.clone().take(12).find(|&k| doc.keys[k] == "that");
    if let Some(that) = that.filter(|&t| t + 1 < words.end) {
        return Some(trim(doc.toks[that + 1].start..doc.toks[words.end - 1].end));
    }
    let before_speaker = att
        .speaker
        .as_ref()
        .map_or(att.start, |s| s.start.min(att.start));
    if att.words.end + 2 < words.end && before_speaker > doc.toks[words.start].start {
        // Verb in mid-sentence with no "that": take the whole sentence.
        return Some(trim(
            doc.toks[words.start].start..doc.toks[words.end - 1].end,
        ));
    }
    if before_speaker > doc.toks[words.start].start {
        return Some(trim(doc.toks[words.start].start..before_speaker));
    }
    Some(trim(att.end..doc.toks[words.end - 1].end))
}

#[cfg(test)]
mod tests {
    use super::super::attribution::attributions;
    use super::super::lexicon::Lexicon;
    use super::super::names::People;
    use super::*;

    struct Art {
        id: String,
        text: String,
    }

    fn groups_of(arts: &[Art]) -> Vec<QuoteGroup> {
        let docs: Vec<Doc> = arts.iter().map(|a| Doc::new(&a.text)).collect();
        let atts: Vec<Vec<Attribution>> = docs
            .iter()
            .map(|d| attributions(d, &People::of(d), Lexicon::builtin()))
            .collect();
        let found: Vec<Vec<Found>> = docs
            .iter()
            .zip(&atts)
            .map(|(d, a)| find(d, a, &People::of(d)))
            .collect();
        let aq: Vec<ArticleQuotes> = arts
            .iter()
            .enumerate()
            .map(|(i, a)| ArticleQuotes {
                id: &a.id,
                doc: &docs[i],
                found: &found[i],
                atts: &atts[i],
            })
            .collect();
        group(&aq)
    }

    fn art(id: &str, text: &str) -> Art {
        Art {
            id: id.into(),
            text: text.into(),
        }
    }

    const CNBC_PUTIN: &str = "Putin told Russian state media correspondent Pavel Zarubin late on Monday that the White House leader wanted a deal on Ukraine that was not necessarily beneficial to Russia.\n“What does [Trump] want to do? It seems to me that he wants to improve the situation, the political situation in Ukraine, consolidate society, and create conditions for the survival of the Ukrainian state. And in general, this is not so much for the benefit of Russia. We still have a conflict with the current regime,” he said, in comments translated by NBC News.";
    const CRYPTO_PUTIN: &str = "Moscow, however, seemed pleased. Putin rated the talks highly. “What does [Trump] want to do? It seems to me that he wants to improve the situation, the political situation in Ukraine, consolidate society, and create conditions for the survival of the Ukrainian state,” Putin told state media correspondent Pavel Zarubin on Monday.";

    #[test]
    fn a_shortened_quotation_is_trimmed_and_shows_the_cut() {
        let g = groups_of(&[art("cnbc", CNBC_PUTIN), art("crypto", CRYPTO_PUTIN)]);
        let shared: Vec<&QuoteGroup> = g.iter().filter(|g| g.members.len() > 1).collect();
        assert_eq!(shared.len(), 1, "{g:#?}");
        let m = &shared[0].members;
        assert_eq!(m[0].quote.article, "cnbc");
        assert_eq!(m[0].fidelity, Fidelity::Fullest);
        assert_eq!(m[1].fidelity, Fidelity::Trimmed);
        assert_eq!(
            m[1].cut,
            [
                "And in general, this is not so much for the benefit of Russia. We still have a conflict with the current regime"
            ]
        );
        assert_eq!(m[1].quote.speaker.as_deref(), Some("Putin"));
        assert_eq!(shared[0].speaker.as_deref(), Some("Putin"));
    }

    #[test]
    fn editorial_insertions_in_brackets_are_left_out() {
        let text =
            "He said: “What does [the US president] want to do? It [the deal] seems [to me] fine.”";
        let q = super::super::doc::find_quoted(text);
        let (keys, words) = quote_keys(text, q[0].start..q[0].end);
        assert_eq!(
            keys,
            ["what", "does", "want", "to", "do", "it", "seems", "fine"]
        );
        assert_eq!(&text[words[2].clone()], "want");
        // A bracket left open hides the rest.
        let (keys, _) = quote_keys("talks [began in d", 0..17);
        assert_eq!(keys, ["talks"]);
    }

    #[test]
    fn a_quotation_left_open_for_pages_is_not_compared() {
        // Two pages run into one line each, a quotation mark left open near the top: the
        // "quotation" runs to the end of the page. Short enough, the two are one quotation
        // told identically; past MAX_LINKED_QUOTE_WORDS each keeps a group of its own.
        let sentence = CNBC_PUTIN.lines().next().unwrap();
        let run_on =
            |sentences: usize| format!("Putin said: “{}", [sentence].repeat(sentences).join(" "));
        let short = run_on(12);
        let g = groups_of(&[art("a", &short), art("b", &short)]);
        assert_eq!(g.len(), 1, "{g:#?}");
        assert_eq!(g[0].members[1].fidelity, Fidelity::Identical);
        let long = run_on(40);
        let g = groups_of(&[art("a", &long), art("b", &long)]);
        assert_eq!(g.len(), 2, "{g:#?}");
        assert!(g.iter().all(|g| g.members.len() == 1));
    }

    #[test]
    fn a_quotation_in_other_words_is_reworded() {
        let a = "“The process that has begun to bring our bilateral relations out of a deep crisis is positive and we support it. But we are still at the beginning of the journey,” Kremlin Press Secretary Dmitry Peskov told CNBC on Monday.";
        let b = "Kremlin spokesperson Dmitry Peskov mentioned in an interview: \"We support the start of the process to move bilateral relations out of crisis, but we are still at the beginning of the journey.\"";
        let g = groups_of(&[art("cnbc", a), art("xinhua", b)]);
        assert_eq!(g.len(), 1, "{g:#?}");
        assert_eq!(g[0].members[1].fidelity, Fidelity::Reworded);
        assert_eq!(g[0].speaker.as_deref(), Some("Dmitry Peskov"));
        assert!(!g[0].members[1].added.is_empty());
    }

    #[test]
    fn the_same_words_are_identical_and_different_quotes_stay_apart() {
        let a = "“The previous Washington administration messed things up badly. There’s a lot of work to be done,” he added. Then Roche said: “Putin will use the ceasefire to rebuild Russia’s armed forces.”";
        let b = "“The previous Washington administration messed things up badly. There’s a lot of work to be done,” Peskov told CNBC.";
        let g = groups_of(&[art("a", a), art("b", b)]);
        assert_eq!(g.len(), 2, "{g:#?}");
        let shared = g.iter().find(|g| g.members.len() == 2).unwrap();
        assert_eq!(shared.members[1].fidelity, Fidelity::Identical);
    }

    #[test]
    fn indirect_speech_joins_the_group() {
        let a = "Kremlin Press Secretary Dmitry Peskov spoke on Monday. “The previous Washington administration messed things up badly. There’s a lot of work to be done,” Peskov told CNBC.";
        let b = "Kremlin spokesperson Dmitry Peskov gave an interview. He emphasized that the previous U.S. administration caused the severe deterioration of relations between the two countries, and therefore, much work remains to be done.";
        let g = groups_of(&[art("cnbc", a), art("xinhua", b)]);
        assert_eq!(g.len(), 1, "{g:#?}");
        let ind = &g[0].members[1];
        assert_eq!(ind.fidelity, Fidelity::Indirect);
        assert_eq!(ind.quote.article, "xinhua");
        assert!(
            ind.quote
                .text
                .starts_with("the previous U.S. administration caused"),
            "{}",
            ind.quote.text
        );
        assert_eq!(ind.quote.speaker.as_deref(), Some("Dmitry Peskov"));
    }

    #[test]
    fn left_out_never_names_words_the_outlet_carries() {
        // Issue 13: one outlet splits the quotation in two; the other carries it whole. The
        // split outlet left nothing out.
        let whole = "“We will fight for every job in this state. And we will win that fight,” the governor said on Monday.";
        let split = "“We will fight for every job in this state,” the governor said on Monday. He added: “And we will win that fight.”";
        let g = groups_of(&[art("whole", whole), art("split", split)]);
        for m in g.iter().flat_map(|g| &g.members) {
            for c in &m.cut {
                assert!(
                    m.quote.article != "split" || !split.contains(c.as_str()),
                    "{c:?} is in the split article: {g:#?}"
                );
            }
        }
        // Each quotation is in one group.
        let mut seen = HashSet::new();
        for m in g.iter().flat_map(|g| &g.members) {
            assert!(
                seen.insert((m.quote.article.clone(), m.quote.start)),
                "{g:#?}"
            );
        }
    }

    #[test]
    fn an_attribution_broken_over_two_lines_reports_nothing() {
        // "according" ends one line (one sentence), "to" starts the next: found by the
        // property tests in tests/robustness.rs, it used to slice the text backwards.
        let g = groups_of(&[
            art(
                "a",
                "The talks were useful, according\nto officials in Moscow.",
            ),
            art("b", "according \n to"),
        ]);
        assert!(g.is_empty(), "{g:#?}");
    }

    #[test]
    fn speakers_follow_the_paragraph() {
        let s = "“We are ready to negotiate,” Lavrov said. “But we will stop fighting only when these negotiations produce a firm result.”";
        let d = Doc::new(s);
        let atts = attributions(&d, &People::of(&d), Lexicon::builtin());
        let f = find(&d, &atts, &People::of(&d));
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[1].speaker.as_ref().map(|s| s.name.as_str()),
            Some("Lavrov")
        );
        assert_eq!(f[1].verb, None);
    }
}
