//! Facts that differ between the passages of one row: people and organisations named in the
//! same place, numbers, dates, who is credited with saying something, and how an outlet or
//! actor is labelled.
//!
//! People and organisations are compared where the word diff pairs a change on both sides
//! ("Lavrov later confirmed" / "Ryabkov revealed"), so two passages that merely mention
//! different people in passing are not flagged. Numbers are compared per counted thing
//! ("four years" / "three years"), dates per kind (a weekday against a weekday).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use similar::DiffTag;

use super::attribution::Attribution;
use super::diff::{Op, Passage};
use super::doc::Doc;
use super::framing::Hit;
use super::names::{NameKind, People};
use crate::model::{Confidence, Discrepancy, DiscrepancyKind, DiscrepancyValue, MarkKind};
use crate::text::calendar::{is_month_word, is_weekday};
use crate::text::{is_capitalised, is_content, is_number, stem};

/// Changes longer than this (in words, on either side) are rewrites, not substitutions.
const MAX_CHANGE: usize = 8;

/// One cell of a row with what the article analysis knows about it.
pub struct CellView<'a> {
    /// Article id.
    pub article: &'a str,
    /// The article, prepared.
    pub doc: &'a Doc<'a>,
    /// The people the article names.
    pub people: &'a People,
    /// The article's reporting verbs.
    pub atts: &'a [Attribution],
    /// The article's lexicon hits.
    pub hits: &'a [Hit<'a>],
    /// The cell's words.
    pub passage: &'a Passage<'a>,
    /// Where the cell's speaker and labels are looked for: the cell, or the whole sentence of
    /// a quotation it is part of ([`Doc::attribution_context`]).
    pub context: Range<usize>,
}

impl CellView<'_> {
    fn words(&self) -> Range<usize> {
        self.doc.words_in(self.passage.range.clone())
    }

    fn value(&self, r: Range<usize>) -> DiscrepancyValue {
        DiscrepancyValue {
            article: self.article.to_string(),
            text: self.doc.text[r.clone()].to_string(),
            start: r.start,
            end: r.end,
            resolved: None,
        }
    }
}

/// The discrepancies of one row. `scripts[&(i, j)]` (for `i < j`) is the word diff from cell
/// `i` (side a) to cell `j` (side b).
pub fn find(cells: &[CellView], scripts: &HashMap<(usize, usize), Vec<Op>>) -> Vec<Discrepancy> {
    if cells.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    out.extend(names(cells, scripts, NameKind::Person));
    out.extend(names(cells, scripts, NameKind::Organisation));
    out.extend(speakers(cells, scripts));
    out.extend(numbers(cells, scripts));
    out.extend(dates(cells, scripts));
    out.extend(labels(cells));
    out
}

/// How firmly a change of a few words sits in two passages that otherwise agree: the number of
/// its two neighbours (the words just before and just after) that are the same on both sides
/// with at least one content word, 0 to 2. Two means both passages say the same thing around
/// the change: the changed words fill the same slot ("left on Monday for" / "left on Tuesday
/// for").
fn anchors(script: &[Op], at: usize, a: &Passage, b: &Passage) -> usize {
    let equal_content = |k: usize| {
        script.get(k).is_some_and(|o| {
            o.tag == DiffTag::Equal
                && (o.a.len() >= 2 || o.a.clone().any(|w| is_content(&a.keys[w])))
        })
    };
    let before = at > 0 && equal_content(at - 1);
    let after = equal_content(at + 1);
    let _ = b;
    usize::from(before) + usize::from(after)
}

/// True when two passages are about the same thing: at least half the content words of the
/// shorter are matched word for word by the diff.
fn same_subject(script: &[Op], a: &Passage, b: &Passage) -> bool {
    let content = |p: &Passage| p.keys.iter().filter(|k| is_content(k)).count();
    let matched = script
        .iter()
        .filter(|o| o.tag == DiffTag::Equal)
        .flat_map(|o| o.a.clone())
        .filter(|&w| is_content(&a.keys[w]))
        .count();
    let shorter = content(a).min(content(b)).max(1);
    let equal_words: usize = script
        .iter()
        .filter(|o| o.tag == DiffTag::Equal)
        .map(|o| o.a.len())
        .sum();
    let words = a.keys.len().min(b.keys.len()).max(1);
    (matched * 2 >= shorter && matched >= 2) || (equal_words * 2 >= words && matched >= 1)
}

/// Most words a change may have on either side to be one value put for another.
const MAX_SLOT: usize = 6;

/// People (or organisations) swapped for one another where the passages otherwise agree.
fn names(
    cells: &[CellView],
    scripts: &HashMap<(usize, usize), Vec<Op>>,
    kind: NameKind,
) -> Vec<Discrepancy> {
    let per_cell: Vec<Vec<NameUse>> = cells
        .iter()
        .map(|c| {
            c.people
                .names_in(c.doc, c.words())
                .into_iter()
                .filter(|n| n.kind == kind && !n.core.is_empty())
                .map(|n| NameUse {
                    range: c.doc.toks[n.core.start].start..c.doc.toks[n.core.end - 1].end,
                    key: stem(&n.key),
                    // A person parallax is sure of (a title, a given name); an organisation by
                    // its own word or acronym, never a dateline ("WASHINGTON —").
                    sure: match kind {
                        NameKind::Person => n.sure,
                        _ => {
                            !super::names::is_dateline_word(c.doc, n.words.start)
                                && n.words.clone().any(|k| {
                                    super::names::is_org_word(&c.doc.keys[k])
                                        || super::names::is_org_acronym(c.doc.toks[k].text)
                                })
                        }
                    },
                    words: n
                        .core
                        .clone()
                        .map(|k| c.doc.keys[k].clone())
                        .filter(|k| !super::names::is_org_word(k) && !crate::text::is_stopword(k))
                        .map(|k| stem(&k))
                        .collect(),
                })
                .collect()
        })
        .collect();
    // Nodes: (cell, index into per_cell[cell]); edges from substitutions.
    let mut edges: Vec<(Node, Node)> = Vec::new();
    for (&(i, j), script) in scripts {
        for (k, op) in script.iter().enumerate() {
            if op.tag != DiffTag::Replace || op.a.len() > MAX_CHANGE || op.b.len() > MAX_CHANGE {
                continue;
            }
            let ba = cells[i].passage.bytes_of(op.a.clone());
            let bb = cells[j].passage.bytes_of(op.b.clone());
            let in_a = overlapping(&per_cell[i], &ba);
            let in_b = overlapping(&per_cell[j], &bb);
            let (Some(&x), Some(&y)) = (in_a.first(), in_b.first()) else {
                continue;
            };
            // A clause rewritten around two names ("deals in Moscow, according to the
            // Times" / "part of a separate FBI investigation") is no swap of one name for the
            // other; nor is an owner for an owned one ("Mr. Trump's new lawyer" / "Dowd").
            if other_words(&cells[i], op.a.clone(), &per_cell[i]) > MAX_OTHER_WORDS
                || other_words(&cells[j], op.b.clone(), &per_cell[j]) > MAX_OTHER_WORDS
                || possessive(cells[i].doc.text, &per_cell[i][x].range)
                    != possessive(cells[j].doc.text, &per_cell[j][y].range)
            {
                continue;
            }
            // The same name anywhere in the other passage is a reordering or a respelling
            // ("Betty Ford Center" / "Betty Ford Clinic"), not a swap.
            let known_in = |ks: &[usize], own: &[NameUse], other: &[NameUse]| {
                ks.iter()
                    .any(|&k| other.iter().any(|o| same_name(kind, &own[k], o)))
            };
            // Only a swap anchored on both sides is one name put for another ("Lavrov later
            // confirmed" / "Ryabkov revealed"); a change at the edge of the agreement may be
            // a different clause ("in the Oval Office" / "at the White House, said").
            if !known_in(&in_a, &per_cell[i], &per_cell[j])
                && !known_in(&in_b, &per_cell[j], &per_cell[i])
                && per_cell[i][x].sure
                && per_cell[j][y].sure
                && same_subject(script, cells[i].passage, cells[j].passage)
                && anchors(script, k, cells[i].passage, cells[j].passage) == 2
            {
                edges.push(((i, x), (j, y)));
            }
        }
    }
    edges.sort();
    let (kind_d, what) = match kind {
        NameKind::Person => (DiscrepancyKind::Person, "a different person is named"),
        _ => (
            DiscrepancyKind::Organisation,
            "a different organisation is named",
        ),
    };
    components(&edges)
        .into_iter()
        .map(|nodes| {
            let mut values: Vec<DiscrepancyValue> = Vec::new();
            let mut seen = HashSet::new();
            for (c, k) in nodes {
                if seen.insert(c) {
                    values.push(cells[c].value(per_cell[c][k].range.clone()));
                }
            }
            sort_values(&mut values, cells);
            Discrepancy {
                kind: kind_d,
                note: format!(
                    "{what} where the passages otherwise agree: {}",
                    join_texts(&values)
                ),
                values,
                doubtful: false,
            }
        })
        .filter(|d| d.values.len() >= 2)
        .collect()
}

/// Most content words besides the names that a change may hold and still be a substitution
/// of one name for another ("Lavrov later confirmed" / "Ryabkov revealed").
const MAX_OTHER_WORDS: usize = 2;

/// Content words of the passage's words `ws` that are not part of a name.
fn other_words(c: &CellView, ws: Range<usize>, names: &[NameUse]) -> usize {
    ws.filter(|&w| {
        let r = &c.passage.words[w];
        is_content(&c.passage.keys[w])
            && !names
                .iter()
                .any(|n| n.range.start < r.end && r.start < n.range.end)
    })
    .count()
}

/// True when a name is written as an owner ("Trump's", "Reuters'").
fn possessive(text: &str, name: &Range<usize>) -> bool {
    let within = &text[name.clone()];
    if within.ends_with("'s") || within.ends_with("’s") {
        return true;
    }
    let word_ends = |t: &str| !t.chars().next().is_some_and(char::is_alphanumeric);
    match text[name.end..].strip_prefix(['\'', '’']) {
        Some(rest) => {
            rest.strip_prefix('s').is_some_and(word_ends)
                || (within.ends_with('s')
                    && word_ends(rest)
                    // ‘Reuters’ in quotes is no owner.
                    && !text[..name.start].ends_with(['‘', '\'']))
        }
        None => false,
    }
}

/// A name as used in a passage.
struct NameUse {
    range: Range<usize>,
    key: String,
    words: Vec<String>,
    sure: bool,
}

/// True when two names can be the same referent: the same surname, one's surname in the
/// other ("Lavrov" / "Sergey Lavrov"), a shared word past the first name ("Golden Showers" /
/// "Golden Shower Thing"), or for organisations any shared distinctive word. A shared first
/// name alone ("Sergey Lavrov" / "Sergey Ryabkov") is not enough.
fn same_name(kind: NameKind, a: &NameUse, b: &NameUse) -> bool {
    if a.key == b.key || a.words.contains(&b.key) || b.words.contains(&a.key) {
        return true;
    }
    if kind == NameKind::Organisation {
        return a.words.iter().any(|w| b.words.contains(w));
    }
    let later = |n: &NameUse| n.words.iter().skip(1).cloned().collect::<Vec<_>>();
    later(a).iter().any(|w| b.words.contains(w)) || later(b).iter().any(|w| a.words.contains(w))
}

fn overlapping(names: &[NameUse], bytes: &Range<usize>) -> Vec<usize> {
    names
        .iter()
        .enumerate()
        .filter(|(_, n)| n.range.start < bytes.end && bytes.start < n.range.end)
        .map(|(k, _)| k)
        .collect()
}

/// Connected components of a graph given by its edges.
/// A name in a row: (cell, index of the name in that cell).
type Node = (usize, usize);

fn components(edges: &[(Node, Node)]) -> Vec<Vec<Node>> {
    let mut nodes: Vec<Node> = edges.iter().flat_map(|(a, b)| [*a, *b]).collect();
    nodes.sort();
    nodes.dedup();
    let index: HashMap<(usize, usize), usize> =
        nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for (a, b) in edges {
        let (ra, rb) = (root(&mut parent, index[a]), root(&mut parent, index[b]));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: HashMap<usize, Vec<Node>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(*n);
    }
    let mut out: Vec<Vec<Node>> = groups.into_values().collect();
    out.sort();
    out
}

fn sort_values(values: &mut [DiscrepancyValue], cells: &[CellView]) {
    let order = |v: &DiscrepancyValue| {
        cells
            .iter()
            .position(|c| c.article == v.article)
            .unwrap_or(usize::MAX)
    };
    values.sort_by_key(|v| (order(v), v.start));
}

fn join_texts(values: &[DiscrepancyValue]) -> String {
    values
        .iter()
        .map(|v| match &v.resolved {
            Some(r) => format!("“{}” ({r})", v.text),
            None => format!("“{}”", v.text),
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Different people or bodies credited with saying the same thing: two cells that carry the
/// same claim (the same quotation nearly word for word, or the same announcement in reported
/// speech) and each credit it to one speaker, named in its own sentence, and the speakers
/// differ. Pronouns ("he said", resolved or not), speakers read through a title ("the president
/// said"), speakers written as an owner ("the Republicans' letter said": the letter speaks,
/// and a member may read it out) and bare titles ("Secretary") are never compared; nor is a
/// speaker whom the other cell names too.
fn speakers(cells: &[CellView], scripts: &HashMap<(usize, usize), Vec<Op>>) -> Vec<Discrepancy> {
    // Per cell: its one speaker (a cell crediting several people is not compared) and which of
    // its words are the claim.
    let mut one: Vec<Option<(SpeakerName, DiscrepancyValue, Claim)>> = Vec::new();
    for c in cells {
        let r = &c.context;
        let here: Vec<(&Attribution, &super::attribution::Speaker)> = c
            .atts
            .iter()
            .filter(|a| a.reporting && a.start >= r.start && a.end <= r.end)
            .filter_map(|a| a.speaker.as_ref().map(|s| (a, s)))
            .collect();
        let Some((first_att, first)) = here.first().copied() else {
            one.push(None);
            continue;
        };
        let first_name = SpeakerName::of(first);
        if here
            .iter()
            .any(|(_, s)| !comparable(c, s) || !SpeakerName::of(s).same(&first_name))
        {
            one.push(None);
            continue;
        }
        let v = c.value(first.start..first.end);
        one.push(Some((first_name, v, claim(c, first, first_att))));
    }
    // Pairs that carry the same claim and credit different speakers, joined into groups.
    let mut edges: Vec<(Node, Node)> = Vec::new();
    for (&(i, j), script) in scripts {
        let (Some(a), Some(b)) = (&one[i], &one[j]) else {
            continue;
        };
        if !a.0.same(&b.0)
            && !names_speaker(&cells[i], &b.0)
            && !names_speaker(&cells[j], &a.0)
            && same_claim(script, cells[i].passage, &a.2, cells[j].passage, &b.2)
        {
            edges.push(((i, 0), (j, 0)));
        }
    }
    edges.sort();
    components(&edges)
        .into_iter()
        .map(|nodes| {
            let mut values: Vec<DiscrepancyValue> = Vec::new();
            for (c, _) in nodes {
                if let Some((_, v, _)) = &one[c] {
                    values.push(v.clone());
                }
            }
            sort_values(&mut values, cells);
            Discrepancy {
                kind: DiscrepancyKind::Speaker,
                note: format!(
                    "the same words credited to different speakers: {}",
                    join_texts(&values)
                ),
                values,
                doubtful: false,
            }
        })
        .collect()
}

/// The words of a cell that carry what its speaker said: the quoted words when the cell holds
/// a quotation, else (reported speech) every word but the speaker's and the reporting verb's.
struct Claim {
    /// One flag per word of the passage.
    words: Vec<bool>,
    /// True when the claim is a direct quotation.
    quoted: bool,
}

fn claim(c: &CellView, s: &super::attribution::Speaker, a: &Attribution) -> Claim {
    let p = c.passage;
    let quoted_at = |w: &Range<usize>| {
        c.doc
            .quoted
            .iter()
            .any(|q| q.start <= w.start && w.end <= q.end)
    };
    let inside: Vec<bool> = p.words.iter().map(quoted_at).collect();
    if inside.iter().any(|&x| x) {
        return Claim {
            words: inside,
            quoted: true,
        };
    }
    let words = p
        .words
        .iter()
        .map(|w| {
            let within = |x: usize, y: usize| x <= w.start && w.end <= y;
            !within(s.start, s.end) && !within(a.start, a.end)
        })
        .collect();
    Claim {
        words,
        quoted: false,
    }
}

/// Fewest content words two claims must share to be the same claim.
const MIN_SHARED_CLAIM: usize = 3;

/// True when two cells carry the same claim: the word diff matches at least
/// [`MIN_SHARED_CLAIM`] content words of both claims, and at least two thirds of the shorter
/// claim's content words when both are direct quotations (the same quotation is nearly word for
/// word the same), half of them when one is reported speech (paraphrase).
fn same_claim(script: &[Op], a: &Passage, ca: &Claim, b: &Passage, cb: &Claim) -> bool {
    let content = |p: &Passage, c: &Claim| {
        (0..p.keys.len())
            .filter(|&w| c.words[w] && is_content(&p.keys[w]))
            .count()
    };
    let matched = script
        .iter()
        .filter(|o| o.tag == DiffTag::Equal)
        .flat_map(|o| o.a.clone().zip(o.b.clone()))
        .filter(|&(x, y)| ca.words[x] && cb.words[y] && is_content(&a.keys[x]))
        .count();
    let shorter = content(a, ca).min(content(b, cb));
    let (num, den) = if ca.quoted && cb.quoted {
        (2, 3)
    } else {
        (1, 2)
    };
    matched >= MIN_SHARED_CLAIM && matched * den >= shorter * num
}

/// True when a cell (with its attribution context) names the other cell's speaker: both
/// credit the same person, one of them as a detail of the sentence.
fn names_speaker(c: &CellView, other: &SpeakerName) -> bool {
    c.doc.words_in(c.context.clone()).any(|k| {
        is_capitalised(c.doc.toks[k].text) && {
            let w = stem(&fold(&c.doc.keys[k]));
            w == other.key || (!other.org && other.words.last() == Some(&w))
        }
    })
}

/// A speaker can be compared when the sentence names it: a person by name or a named body or
/// group ("Russian foreign ministry officials"), not a guess. A pronoun, a
/// speaker read through a title, a lone descriptor ("the spokesman"), a bare title
/// ("Secretary"), a word capitalised only because it starts the sentence and an owner ("the
/// committee's letter said") may stand for anyone.
fn comparable(c: &CellView, s: &super::attribution::Speaker) -> bool {
    let doc = c.doc;
    if !s.resolved
        || s.pronoun
        || !(s.person || s.org)
        || s.confidence == Confidence::Low
        || (s.text != s.name && !fold(&s.text).contains(&fold(&s.name)))
        || possessive(doc.text, &(s.start..s.end))
    {
        return false;
    }
    let last = s.name.split_whitespace().last().unwrap_or("");
    let named = last.chars().next().is_some_and(char::is_uppercase);
    let bare_title = s.name.split_whitespace().count() == 1 && {
        let k = crate::text::word_key(last);
        super::names::is_role(&k) || super::names::is_org_word(&k)
    };
    // A capitalised word that only starts its sentence ("Somewhat misleadingly, the members
    // stated", "Conservative websites") is no name.
    let head_is_name = doc
        .words_in(s.start..s.end)
        .last()
        .is_some_and(|k| c.people.name_like(doc, k));
    // A group needs a qualifier that names it ("Russian foreign ministry officials"): a lone
    // "Officials" may be any of the bodies the other passage names.
    let words: Vec<&str> = s.name.split_whitespace().collect();
    let qualified_group = s.plural
        && words.len() >= 2
        && words[..words.len() - 1]
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    (named && !bare_title && head_is_name && !s.plural) || qualified_group
}

/// A word with its accents taken off ("Calderón" → "Calderon"), for comparing names written
/// with and without them.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'O',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
            'ñ' => 'n',
            'Ñ' => 'N',
            'ç' => 'c',
            'Ç' => 'C',
            other => other,
        })
        .collect()
}

struct SpeakerName {
    key: String,
    words: Vec<String>,
    org: bool,
}

impl SpeakerName {
    fn of(s: &super::attribution::Speaker) -> SpeakerName {
        SpeakerName {
            key: stem(&fold(&s.key)),
            words: crate::text::words(&s.name)
                .iter()
                .map(|w| stem(&fold(&crate::text::word_key(w.text))))
                .collect(),
            org: s.org,
        }
    }

    /// The same speaker: same key, one's key among the other's words, or (bodies) a shared
    /// distinctive word ("Democratic National Committee" / "Democratic Party").
    fn same(&self, o: &SpeakerName) -> bool {
        self.key == o.key
            || self.words.contains(&o.key)
            || o.words.contains(&self.key)
            || (self.org
                && o.org
                && self
                    .words
                    .iter()
                    .any(|w| o.words.contains(w) && !super::names::is_org_word(w)))
    }
}

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
];

const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
];

const MULTIPLIERS: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("mln", 1e6),
    ("billion", 1e9),
    ("bln", 1e9),
    ("trillion", 1e12),
];

/// A number with what it counts.
struct Num {
    value: f64,
    unit: String,
    range: Range<usize>,
}

fn numbers_in(c: &CellView) -> Vec<Num> {
    let doc = c.doc;
    let words = c.words();
    let mut out = Vec::new();
    let mut k = words.start;
    while k < words.end {
        let t = &doc.toks[k];
        let key = t.key.as_str();
        let (mut value, ordinal) = if is_number(t.text) {
            match t.text.replace(',', "").parse::<f64>() {
                Ok(v) => (v, false),
                Err(_) => {
                    k += 1;
                    continue;
                }
            }
        } else if let Some((_, v)) = NUMBER_WORDS.iter().find(|(w, _)| *w == key) {
            (*v, false)
        } else if let Some((_, v)) = ORDINALS.iter().find(|(w, _)| *w == key) {
            (*v, true)
        } else {
            k += 1;
            continue;
        };
        let start = t.start;
        let mut end = t.end;
        let mut next = k + 1;
        if let Some((_, m)) = doc
            .keys
            .get(next)
            .and_then(|w| MULTIPLIERS.iter().find(|(x, _)| x == w))
        {
            value *= m;
            end = doc.toks[next].end;
            next += 1;
        }
        let before = doc.gap_before(k);
        let after = doc.gap_after(next - 1);
        let prev_key = k.checked_sub(1).map(|p| doc.keys[p].as_str()).unwrap_or("");
        let year_like = !ordinal && (1800.0..=2100.0).contains(&value) && t.text.len() == 4;
        // "10:32 a.m.": a clock time, not a count.
        if before.ends_with(':') || after.starts_with(':') {
            k = next;
            continue;
        }
        let day_of_month =
            is_month_word(prev_key) || doc.keys.get(next).is_some_and(|w| is_month_word(w));
        let unit = if before.contains(['$', '€', '£']) {
            Some(
                before
                    .chars()
                    .filter(|c| "$€£".contains(*c))
                    .collect::<String>(),
            )
        } else if after.trim_start().starts_with('%')
            || doc.keys.get(next).is_some_and(|w| w == "percent")
        {
            Some("%".to_string())
        } else if year_like
            || day_of_month
            || after.contains(['.', ',', ';', ':']) && !after.contains('-')
        {
            None
        } else {
            // The counted thing: the next content word ("four years", "10 votes", "second round").
            (next..words.end.min(next + 2))
                .find(|&u| is_content(&doc.keys[u]) && !is_number(doc.toks[u].text))
                .filter(|&u| u == next || doc.keys[next] == "of" || !is_content(&doc.keys[next]))
                .map(|u| stem(&doc.keys[u]))
        };
        if ordinal && (prev_key == "a" || prev_key == "per" || relative_ordinal(doc, next)) {
            k = next;
            continue;
        }
        if let Some(unit) = unit {
            let unit = if ordinal { format!("#{unit}") } else { unit };
            out.push(Num {
                value,
                unit,
                range: start..end,
            });
        }
        k = next;
    }
    out
}

/// Words after which an ordinal counts from a point rather than from the start: "the first
/// black senator since Brooke" and "the second black senator, after Brooke" state one fact.
const ORDINAL_REFERENCES: &[&str] = &["after", "behind", "since"];

/// How far after an ordinal (in words, within its sentence) its reference point may come.
const ORDINAL_REACH: usize = 6;

/// True when an ordinal ending before word `next` is counted from a reference point named
/// shortly after it ("first ... since", "second ... after").
fn relative_ordinal(doc: &Doc, next: usize) -> bool {
    let Some(&sent) = doc.sent_of.get(next.saturating_sub(1)) else {
        return false;
    };
    (next..doc.toks.len().min(next + ORDINAL_REACH))
        .take_while(|&k| doc.sent_of[k] == sent)
        .any(|k| ORDINAL_REFERENCES.contains(&doc.keys[k].as_str()))
}

/// Values put for one another where two passages otherwise agree: for each pair of cells, the
/// short changes of the word diff whose two sides hold a value of one kind (`kind_of`) that
/// differ (`differ`), the other side's value appearing nowhere in the cell. Returns groups of
/// (cell, value index) and whether each group rests only on changes anchored on one side.
fn slot_changes<T>(
    cells: &[CellView],
    scripts: &HashMap<(usize, usize), Vec<Op>>,
    per_cell: &[Vec<T>],
    range_of: impl Fn(&T) -> Range<usize>,
    differ: impl Fn(&T, &T) -> bool,
) -> Vec<(Vec<Node>, bool)> {
    let mut edges: Vec<(Node, Node)> = Vec::new();
    let mut weak: HashSet<(Node, Node)> = HashSet::new();
    let within = |vals: &[T], r: &Range<usize>| -> Vec<usize> {
        vals.iter()
            .enumerate()
            .filter(|(_, v)| {
                let vr = range_of(v);
                vr.start >= r.start && vr.end <= r.end
            })
            .map(|(k, _)| k)
            .collect()
    };
    let mut pairs: Vec<_> = scripts.iter().collect();
    pairs.sort_by_key(|(k, _)| **k);
    for (&(i, j), script) in pairs {
        if !same_subject(script, cells[i].passage, cells[j].passage) {
            continue;
        }
        for (k, op) in script.iter().enumerate() {
            if op.tag != DiffTag::Replace || op.a.len() > MAX_SLOT || op.b.len() > MAX_SLOT {
                continue;
            }
            let n_anchors = anchors(script, k, cells[i].passage, cells[j].passage);
            if n_anchors == 0 {
                continue;
            }
            let in_a = within(&per_cell[i], &cells[i].passage.bytes_of(op.a.clone()));
            let in_b = within(&per_cell[j], &cells[j].passage.bytes_of(op.b.clone()));
            for &x in &in_a {
                for &y in &in_b {
                    let (va, vb) = (&per_cell[i][x], &per_cell[j][y]);
                    // The other side's value anywhere in this cell: a reordering, not a change.
                    let echoed = per_cell[j].iter().any(|w| !differ(va, w))
                        || per_cell[i].iter().any(|w| !differ(w, vb));
                    if differ(va, vb) && !echoed {
                        edges.push(((i, x), (j, y)));
                        if n_anchors < 2 {
                            weak.insert(((i, x), (j, y)));
                        }
                    }
                }
            }
        }
    }
    edges.sort();
    components(&edges)
        .into_iter()
        .map(|nodes| {
            let doubtful = edges
                .iter()
                .filter(|(a, _)| nodes.contains(a))
                .all(|e| weak.contains(e));
            (nodes, doubtful)
        })
        .collect()
}

/// One value per cell of a group of nodes, in cell order.
fn group_values(
    nodes: &[Node],
    cells: &[CellView],
    range: impl Fn(Node) -> Range<usize>,
) -> Vec<DiscrepancyValue> {
    let mut values: Vec<DiscrepancyValue> = Vec::new();
    let mut seen = HashSet::new();
    for &(c, k) in nodes {
        if seen.insert(c) {
            values.push(cells[c].value(range((c, k))));
        }
    }
    sort_values(&mut values, cells);
    values
}

/// The same thing counted differently: "10 votes" where another outlet has "nine votes" in an
/// otherwise matching passage.
fn numbers(cells: &[CellView], scripts: &HashMap<(usize, usize), Vec<Op>>) -> Vec<Discrepancy> {
    let per_cell: Vec<Vec<Num>> = cells.iter().map(numbers_in).collect();
    slot_changes(
        cells,
        scripts,
        &per_cell,
        |n| n.range.clone(),
        |a, b| a.unit == b.unit && a.value.to_bits() != b.value.to_bits(),
    )
    .into_iter()
    .map(|(nodes, doubtful)| {
        let values = group_values(&nodes, cells, |(c, k)| per_cell[c][k].range.clone());
        Discrepancy {
            kind: DiscrepancyKind::Number,
            note: format!(
                "different numbers for the same thing in matching passages: {}",
                join_texts(&values)
            ),
            values,
            doubtful,
        }
    })
    .filter(|d| d.values.len() >= 2)
    .collect()
}

/// Kinds of date expressions, compared only with their own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum DateKind {
    Weekday,
    MonthDay,
    Month,
    Year,
    Day,
    Week,
}

/// A date expression: its kind, its normalised form and where it is.
type DateUse = (DateKind, String, Range<usize>);

fn dates_in(c: &CellView) -> Vec<DateUse> {
    let doc = c.doc;
    let words = c.words();
    let mut out = Vec::new();
    let key = |k: usize| doc.keys.get(k).map_or("", |s| s.as_str());
    let mut k = words.start;
    while k < words.end {
        let t = &doc.toks[k];
        let kk = t.key.as_str();
        let r = t.start..t.end;
        if is_weekday(kk) {
            out.push((DateKind::Weekday, kk.to_string(), r));
        } else if is_month_word(kk) && is_capitalised(t.text) {
            let month = &kk[..3];
            let day = |x: usize| {
                doc.toks.get(x).filter(|w| {
                    x < words.end && w.text.len() <= 2 && w.text.chars().all(|c| c.is_ascii_digit())
                })
            };
            if let Some(d) = day(k + 1) {
                out.push((
                    DateKind::MonthDay,
                    format!("{month} {}", d.text),
                    t.start..d.end,
                ));
                k += 2;
                continue;
            } else if let Some(d) = k.checked_sub(1).and_then(day).filter(|_| k > words.start) {
                out.push((
                    DateKind::MonthDay,
                    format!("{month} {}", d.text),
                    d.start..t.end,
                ));
            } else {
                out.push((DateKind::Month, month.to_string(), r));
            }
        } else if t.text.len() == 4
            && t.text.chars().all(|c| c.is_ascii_digit())
            && t.text
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y))
        {
            out.push((DateKind::Year, t.text.to_string(), r));
        } else if matches!(kk, "today" | "yesterday" | "tomorrow" | "tonight") {
            out.push((DateKind::Day, kk.to_string(), r));
        } else if kk == "weekend" {
            let norm = match key(k.wrapping_sub(1)) {
                "next" | "coming" => "next weekend",
                "last" | "past" | "previous" => "last weekend",
                _ => "weekend",
            };
            out.push((DateKind::Week, norm.to_string(), r));
        } else if kk == "week" {
            let p1 = key(k.wrapping_sub(1));
            let p2 = key(k.wrapping_sub(2));
            let p3 = key(k.wrapping_sub(3));
            let start_at = |back: usize| doc.toks[k - back].start;
            let found = if key(k + 1) == "end" && k + 1 < words.end {
                Some(("end of week", start_at(0), doc.toks[k + 1].end))
            } else if p2 == "end" && p1 == "of" || (p3 == "end" && p2 == "of") {
                let back = if p2 == "end" { 2 } else { 3 };
                Some(("end of week", start_at(back), t.end))
            } else {
                match p1 {
                    "this" | "current" => Some(("this week", start_at(1), t.end)),
                    "next" | "coming" => Some(("next week", start_at(1), t.end)),
                    "last" | "past" | "previous" => Some(("last week", start_at(1), t.end)),
                    _ => None,
                }
            };
            if let Some((norm, s, e)) = found.filter(|f| f.1 >= doc.toks[words.start].start) {
                out.push((DateKind::Week, norm.to_string(), s..e));
            }
        }
        k += 1;
    }
    out
}

/// Two normalised dates of one kind that can both be true.
fn compatible(a: &str, b: &str) -> bool {
    a == b
        || matches!(
            (a, b),
            ("this week", "end of week") | ("end of week", "this week")
        )
}

/// The same event dated differently: "on Monday" where another outlet has "on Tuesday" in an
/// otherwise matching passage. Dates elsewhere in the passages (of other events) are not
/// compared.
fn dates(cells: &[CellView], scripts: &HashMap<(usize, usize), Vec<Op>>) -> Vec<Discrepancy> {
    let per_cell: Vec<Vec<DateUse>> = cells.iter().map(dates_in).collect();
    slot_changes(
        cells,
        scripts,
        &per_cell,
        |d| d.2.clone(),
        |a, b| a.0 == b.0 && !compatible(&a.1, &b.1),
    )
    .into_iter()
    .map(|(nodes, doubtful)| {
        let values = group_values(&nodes, cells, |(c, k)| per_cell[c][k].2.clone());
        Discrepancy {
            kind: DiscrepancyKind::Date,
            note: format!(
                "dated differently in matching passages: {}",
                join_texts(&values)
            ),
            values,
            doubtful,
        }
    })
    .filter(|d| d.values.len() >= 2)
    .collect()
}

/// Head words that belong to a labelled outlet's name ("Tass news agency").
const OUTLET_HEADS: &[&str] = &[
    "agency",
    "broadcaster",
    "channel",
    "daily",
    "media",
    "network",
    "news",
    "newspaper",
    "outlet",
    "radio",
    "service",
    "television",
    "tv",
    "wire",
];

/// The same outlet or actor labelled differently ("state news agency Tass" / "state-run
/// Tass news agency"; "government" / "regime").
fn labels(cells: &[CellView]) -> Vec<Discrepancy> {
    struct Use {
        phrase: String,
        entity: Option<String>,
        range: Range<usize>,
        grade: u8,
    }
    let mut by_group: HashMap<String, Vec<(usize, Vec<Use>)>> = HashMap::new();
    for (ci, c) in cells.iter().enumerate() {
        let r = &c.context;
        let mut uses: HashMap<String, Vec<Use>> = HashMap::new();
        for h in c
            .hits
            .iter()
            .filter(|h| h.start >= r.start && h.end <= r.end)
        {
            if h.entry.kind != MarkKind::Label {
                continue;
            }
            let Some(group) = &h.entry.group else {
                continue;
            };
            let (entity, range) = labelled(c, h);
            uses.entry(group.clone()).or_default().push(Use {
                phrase: h.entry.phrase.to_lowercase(),
                entity,
                range,
                grade: h.entry.grade,
            });
        }
        for (g, u) in uses {
            by_group.entry(g).or_default().push((ci, u));
        }
    }
    let mut groups: Vec<_> = by_group.into_iter().collect();
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::new();
    for (group, cells_uses) in groups {
        if cells_uses.len() < 2 {
            continue;
        }
        // Only compare labels of the same outlet when both name it.
        let differs = cells_uses.iter().enumerate().any(|(x, (_, a))| {
            cells_uses[x + 1..].iter().any(|(_, b)| {
                a.iter().all(|ua| {
                    b.iter().all(|ub| {
                        let same_entity = match (&ua.entity, &ub.entity) {
                            (Some(p), Some(q)) => p == q,
                            _ => true,
                        };
                        ua.phrase != ub.phrase && same_entity
                    })
                })
            })
        });
        if !differs {
            continue;
        }
        let values: Vec<DiscrepancyValue> = cells_uses
            .iter()
            .map(|(ci, u)| cells[*ci].value(u[0].range.clone()))
            .collect();
        let grades: Vec<u8> = cells_uses.iter().map(|(_, u)| u[0].grade).collect();
        let softer = grades.iter().min().copied().unwrap_or(0);
        let harder = grades.iter().max().copied().unwrap_or(0);
        let what = if group == "outlet" {
            "an outlet"
        } else {
            "an actor"
        };
        // Two neutral descriptors of an actor ("administration" / "government") are a choice
        // of words, not a difference a reader must weigh; an outlet's label always is.
        if group != "outlet" && harder <= 1 {
            continue;
        }
        let doubtful = false;
        out.push(Discrepancy {
            doubtful,
            kind: DiscrepancyKind::Label,
            note: format!(
                "{what} labelled differently (grade {softer} to {harder}): {}",
                join_texts(&values)
            ),
            values,
        });
    }
    out
}

/// The labelled name next to a label hit, and the byte range of label and name together
/// ("state news agency Tass", "state-run Tass news agency").
fn labelled(c: &CellView, h: &Hit) -> (Option<String>, Range<usize>) {
    let doc = c.doc;
    let words = doc.words_in(c.context.clone());
    let mut start = h.start;
    let mut end = h.end;
    let mut entity = None;
    // After the label: "state-run Tass", "state news agency Tass".
    let mut k = h.words.end;
    if k < words.end && doc.gap_before(k).trim().is_empty() && c.people.name_like(doc, k) {
        if let Some(run) = c.people.run_at(doc, k, words.end) {
            entity = Some(doc.keys[run.end - 1].clone());
            end = doc.toks[run.end - 1].end;
            k = run.end;
        }
    } else if h.words.start > words.start {
        // Before it: "Tass, the state news agency".
        let mut b = h.words.start;
        while b > words.start && matches!(doc.keys[b - 1].as_str(), "the" | "a" | "an") {
            b -= 1;
        }
        if b > words.start && c.people.name_like(doc, b - 1) {
            entity = Some(doc.keys[b - 1].clone());
            start = doc.toks[b - 1].start;
        }
    }
    while k < words.end
        && doc.gap_before(k).trim().is_empty()
        && OUTLET_HEADS.contains(&doc.keys[k].as_str())
    {
        end = doc.toks[k].end;
        k += 1;
    }
    (entity, start..end)
}

#[cfg(test)]
mod tests {
    use super::super::attribution::attributions;
    use super::super::diff;
    use super::super::framing;
    use super::super::lexicon::Lexicon;
    use super::*;

    /// Discrepancies between whole texts taken as one row.
    fn row(texts: &[&str]) -> Vec<Discrepancy> {
        let lex = Lexicon::builtin();
        let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
        let people: Vec<People> = docs.iter().map(People::of).collect();
        let atts: Vec<Vec<Attribution>> = docs
            .iter()
            .zip(&people)
            .map(|(d, p)| attributions(d, p, lex))
            .collect();
        let hits: Vec<Vec<Hit>> = docs.iter().map(|d| framing::hits(d, lex)).collect();
        let passages: Vec<Passage> = texts.iter().map(|t| Passage::new(t, 0..t.len())).collect();
        let ids: Vec<String> = (0..texts.len()).map(|i| format!("a{i}")).collect();
        let cells: Vec<CellView> = (0..texts.len())
            .map(|i| CellView {
                article: &ids[i],
                doc: &docs[i],
                people: &people[i],
                atts: &atts[i],
                hits: &hits[i],
                passage: &passages[i],
                context: docs[i].attribution_context(passages[i].range.clone()),
            })
            .collect();
        let mut scripts = HashMap::new();
        for i in 0..texts.len() {
            for j in i + 1..texts.len() {
                scripts.insert((i, j), diff::ops(&passages[i].keys, &passages[j].keys));
            }
        }
        find(&cells, &scripts)
    }

    fn of_kind(ds: &[Discrepancy], kind: DiscrepancyKind) -> Vec<Vec<String>> {
        ds.iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.values.iter().map(|v| v.text.clone()).collect())
            .collect()
    }

    const CNBC: &str = "Russian foreign ministry officials on Monday announced that a second round of Russia-U.S. talks will take place before the end of this week, possibly also in Saudi Arabia.";
    const CRYPTO: &str = "Russian Foreign Minister Sergey Lavrov later confirmed that a second round of US-Russia talks would happen before the week’s end, possibly in Saudi Arabia.";
    const CHINESE: &str = "Additionally, Russian Deputy Foreign Minister Sergey Ryabkov revealed that the second round of U.S.-Russia talks will be held this weekend, possibly in Saudi Arabia.";

    #[test]
    fn who_announced_the_talks_differs() {
        let ds = row(&[CNBC, CRYPTO, CHINESE]);
        assert_eq!(
            of_kind(&ds, DiscrepancyKind::Speaker),
            [[
                "Russian foreign ministry officials",
                "Russian Foreign Minister Sergey Lavrov",
                "Russian Deputy Foreign Minister Sergey Ryabkov"
            ]],
            "{ds:#?}"
        );
        // One fact, one discrepancy: the speakers are not listed again as a person swap.
        assert!(of_kind(&ds, DiscrepancyKind::Person).is_empty(), "{ds:#?}");
        // "before the end of this week" and "the week’s end" agree; "this weekend" does not
        // (it is opposed where the word diff pairs it with one of them).
        let dates = of_kind(&ds, DiscrepancyKind::Date);
        assert_eq!(dates.len(), 1, "{ds:#?}");
        assert!(dates[0].contains(&"weekend".to_string()), "{dates:?}");
        assert!(
            !(dates[0].contains(&"end of this week".to_string())
                && dates[0].contains(&"week’s end".to_string())
                && dates[0].len() == 2),
            "{dates:?}"
        );
        // The same ordinal of the same thing is no discrepancy.
        assert!(of_kind(&ds, DiscrepancyKind::Number).is_empty(), "{ds:#?}");
        // A name put for another between words both passages share is one.
        let ds = row(&[
            "On Monday Foreign Minister Sergey Lavrov met the American envoy in Riyadh for three hours.",
            "On Monday Deputy Foreign Minister Sergey Ryabkov met the American envoy in Riyadh for three hours.",
        ]);
        assert_eq!(
            of_kind(&ds, DiscrepancyKind::Person),
            [["Sergey Lavrov", "Sergey Ryabkov"]],
            "{ds:#?}"
        );
    }

    #[test]
    fn the_same_outlet_labelled_differently() {
        let a = "“It’s impossible to rebuild it all in an instant. We have a lot to do,” Peskov said, in comments reported by state news agency Tass.";
        let b = "“It’s impossible to rebuild it all in an instant,” he told state-run Tass news agency.";
        let ds = row(&[a, b]);
        assert_eq!(
            of_kind(&ds, DiscrepancyKind::Label),
            [["state news agency Tass", "state-run Tass news agency"]],
            "{ds:#?}"
        );
        let ds = row(&[
            "The government in Damascus rejected the plan.",
            "The regime in Damascus rejected the plan.",
        ]);
        assert_eq!(
            of_kind(&ds, DiscrepancyKind::Label),
            [["government", "regime"]]
        );
    }

    #[test]
    fn numbers_of_the_same_thing_and_days_differ() {
        let ds = row(&[
            "There were 10 votes in favor and none against on Monday.",
            "There were nine votes in favour and one against on Tuesday.",
        ]);
        assert_eq!(
            of_kind(&ds, DiscrepancyKind::Number),
            [["10", "nine"]],
            "{ds:#?}"
        );
        assert_eq!(
            of_kind(&ds, DiscrepancyKind::Date),
            [["Monday", "Tuesday"]],
            "{ds:#?}"
        );
        let ds = row(&[
            "Much damage was done in the past four years.",
            "The damage of the past 4 years cannot be undone.",
        ]);
        assert!(ds.is_empty(), "{ds:#?}");
    }

    #[test]
    fn a_clause_rewritten_around_two_names_is_no_swap() {
        // NewsWCL50 (HuffPost, USA Today): different facts about Cohen's business, not one
        // organisation put for another.
        let ds = row(&[
            "Mueller's list of questions also includes some involving Cohen's business deals in Moscow, according to the Times.",
            "Cohen's business dealings are part of a separate FBI investigation.",
        ]);
        assert!(
            of_kind(&ds, DiscrepancyKind::Organisation).is_empty(),
            "{ds:#?}"
        );
        // (A short change naming someone else still is one: see
        // `who_announced_the_talks_differs`.)
    }

    #[test]
    fn owners_are_told_from_names() {
        let owner = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            possessive(text, &(start..start + name.len()))
        };
        assert!(owner("Mr. Trump's new lawyer met Mr. Mueller.", "Trump"));
        assert!(owner("Mr. Trump’s new lawyer met Mr. Mueller.", "Trump"));
        assert!(owner("Reuters' reporters saw it.", "Reuters"));
        assert!(!owner("Dowd was replaced by Rudy Giuliani.", "Giuliani"));
        assert!(!owner("They called it ‘Russia’ then.", "Russia"));
        assert!(!owner("The ‘Reuters’ report.", "Reuters"));
        assert!(!owner("Trump'sville", "Trump"), "a longer word");
    }

    // Issue 13's false alarms, on small texts of the same shape.

    #[test]
    fn unresolved_pronouns_are_never_compared() {
        let ds = row(&[
            "“We will pass the budget this year,” he said.",
            "“We will pass the budget this year,” she said on Monday.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Speaker).is_empty(), "{ds:#?}");
    }

    #[test]
    fn weekdays_of_different_events_are_not_compared() {
        let ds = row(&[
            "The House passed the bill on Monday after a long debate.",
            "The senator will speak about immigration in Ohio on Saturday.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Date).is_empty(), "{ds:#?}");
        let ds = row(&[
            "Mr. Obama announced the plan on Thursday, and the House voted on Monday.",
            "Obama announced the plan on Thursday; a vote followed on Tuesday in the Senate.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Date).is_empty(), "{ds:#?}");
    }

    #[test]
    fn a_name_only_one_side_mentions_is_no_discrepancy() {
        let ds = row(&[
            "Senator Warren questioned the bank's chief executive for hours.",
            "The bank's chief executive was questioned for hours, and Senator Vitter called for a breakup.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Person).is_empty(), "{ds:#?}");
        assert!(of_kind(&ds, DiscrepancyKind::Speaker).is_empty(), "{ds:#?}");
    }

    #[test]
    fn different_speakers_of_different_words_are_no_discrepancy() {
        let ds = row(&[
            "“The economy is strong and growing,” Smith said.",
            "“Our schools need more money now,” Jones said.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Speaker).is_empty(), "{ds:#?}");
    }

    #[test]
    fn the_same_quotation_credited_to_two_named_people_differs() {
        let ds = row(&[
            "“We will cut taxes for every family in the state next year,” Gov. John Smith said on Monday.",
            "“We will cut taxes for every family in the state next year,” Sen. Mary Jones said on Monday.",
        ]);
        assert_eq!(
            of_kind(&ds, DiscrepancyKind::Speaker),
            [["Gov. John Smith", "Sen. Mary Jones"]],
            "{ds:#?}"
        );
    }

    #[test]
    fn resolved_pronouns_and_titles_are_never_compared() {
        // Issue 13: a "he" resolved to a conference or a city; "president" resolved to
        // someone else than the story's president.
        let ds = row(&[
            "Jones spoke at the conference in Denver. “We will cut taxes for every family in the state next year,” he said.",
            "“We will cut taxes for every family in the state next year,” Smith said.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Speaker).is_empty(), "{ds:#?}");
        let ds = row(&[
            "President Biden spoke in Ohio. “The plan will create jobs for working families in every state,” the president said.",
            "“The plan will create jobs for working families in every state,” Obama said.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Speaker).is_empty(), "{ds:#?}");
    }

    #[test]
    fn one_person_written_two_ways_is_one_speaker() {
        // A bare title taken for a speaker, a name with and without its accent, and a person
        // the other passage names too.
        let ds = row(&[
            "Secretary of the Interior Ryan Zinke said that conservation and healthy herds are critical to the region.",
            "Interior Secretary Ryan Zinke said that conservation and healthy herds are critical to the region.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Speaker).is_empty(), "{ds:#?}");
        let ds = row(&[
            "“We are not going to pay a single cent for such a stupid wall,” Calderón said.",
            "“We are not going to pay a single cent for such a stupid wall,” Calderon said.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Speaker).is_empty(), "{ds:#?}");
    }

    #[test]
    fn a_letter_read_out_by_a_member_is_no_other_speaker() {
        let ds = row(&[
            "The committee Republicans’ letter concluded, “Your actions are incompatible with your duty as chairman of this committee.”",
            "Reading from the letter, Mr. Conaway added, “Your actions are incompatible with your duty as chairman of this committee.”",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Speaker).is_empty(), "{ds:#?}");
    }

    #[test]
    fn similar_words_of_two_people_are_not_one_quotation() {
        // Two candidates making the same demand in their own words; a passage sharing a phrase
        // with another's quotation.
        let ds = row(&[
            "Rourke demanded that Barr “release the full Mueller report to the American people and their representatives.”",
            "“Attorney General Barr, release the Mueller report to the American public,” Warren said.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Speaker).is_empty(), "{ds:#?}");
        let ds = row(&[
            "“Then he shut down the government,” Gillibrand said.",
            "“The Democrats’ talking points have been that the president is solely responsible for shutting down the government,” Marc Short, the former legislative director, said.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Speaker).is_empty(), "{ds:#?}");
    }

    #[test]
    fn an_ordinal_counted_from_a_point_is_one_fact() {
        let ds = row(&[
            "Cowan will become the second black senator from the state, after Edward Brooke, who served until 1979.",
            "Cowan will become the state’s first black senator since Edward Brooke, who served until 1979.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Number).is_empty(), "{ds:#?}");
    }

    #[test]
    fn neutral_descriptors_of_an_actor_are_no_label_difference() {
        let ds = row(&[
            "The president reversed his administration’s decision to allow the imports on Friday.",
            "The president reversed the government’s decision to allow the imports on Friday.",
        ]);
        assert!(of_kind(&ds, DiscrepancyKind::Label).is_empty(), "{ds:#?}");
    }

    #[test]
    fn passages_naming_the_same_people_agree() {
        let ds = row(&[
            "“We are ready to negotiate,” Lavrov said on Monday.",
            "Lavrov said on Monday that Russia is ready to negotiate.",
        ]);
        assert!(ds.is_empty(), "{ds:#?}");
    }
}
