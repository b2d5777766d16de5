//! Names in a text without a tagger: runs of capitalised words, told apart as people,
//! organisations, dates or other names by their titles, keywords and how the article uses them.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use super::doc::Doc;
use crate::text::{calendar, is_capitalised, wordlist};

/// Words that introduce or describe a person's role (lower case). Inside a noun phrase they
/// belong to the speaker ("Kremlin Press Secretary Dmitry Peskov", "foreign ministry officials").
static ROLES: LazyLock<Vec<&str>> =
    LazyLock::new(|| wordlist::parse(include_str!("../../assets/words/roles.txt")));

/// Words that make a name an organisation.
static ORG_WORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| wordlist::parse(include_str!("../../assets/words/org_words.txt")));

/// Nationality and group adjectives: a name ending in one is not a person ("North Korean",
/// "Russian").
static DEMONYMS: LazyLock<Vec<&str>> =
    LazyLock::new(|| wordlist::parse(include_str!("../../assets/words/demonyms.txt")));

/// US given names with the sex they are mostly given to (assets/names/given_names.tsv, from the
/// Social Security Administration's public-domain baby-name counts; rebuilt by
/// scripts/build-given-names.py).
const GIVEN_NAMES_TSV: &str = include_str!("../../assets/names/given_names.tsv");

static GIVEN_NAMES: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
    GIVEN_NAMES_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(n, g)| {
            let g = match g.trim() {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => Gender::Unknown,
            };
            (n, g)
        })
        .collect()
});

/// The grammatical gender a pronoun needs of the person it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    /// "he".
    Male,
    /// "she".
    Female,
    /// Not known from the name or its title.
    #[default]
    Unknown,
}

impl Gender {
    /// True when a person of this gender can be called `pronoun` ("he", "she").
    pub fn fits(self, pronoun: &str) -> bool {
        !matches!(
            (self, pronoun),
            (Gender::Male, "she" | "her") | (Gender::Female, "he" | "him")
        )
    }
}

/// The sex a given name is mostly given to, when the name is a known given name (lower case).
pub fn given_name(key: &str) -> Option<Gender> {
    GIVEN_NAMES.get(key).copied()
}

/// Titles and role words that tell a person's gender.
pub fn title_gender(key: &str) -> Gender {
    match key {
        "mr" | "sir" | "lord" | "king" | "prince" | "congressman" | "spokesman" | "chairman"
        | "businessman" | "father" | "brother" | "husband" | "son" | "uncle" | "duke" => {
            Gender::Male
        }
        "mrs" | "ms" | "miss" | "madam" | "lady" | "dame" | "queen" | "princess"
        | "congresswoman" | "spokeswoman" | "chairwoman" | "businesswoman" | "mother"
        | "sister" | "wife" | "daughter" | "aunt" | "duchess" | "actress" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Capitalised words that make a run of names an event, a programme, a law or a place rather
/// than a person ("Presidential Debates", "Face the Nation", "For the People Act", "Goldman
/// Sachs" is left to its context).
const NOT_PERSON_WORDS: &[&str] = &[
    "act",
    "amendment",
    "avenue",
    "awards",
    "campaign",
    "caucus",
    "championship",
    "conference",
    "convention",
    "cup",
    "day",
    "debate",
    "debates",
    "festival",
    "forum",
    "games",
    "hall",
    "initiative",
    "island",
    "lake",
    "law",
    "live",
    "mountain",
    "nation",
    "night",
    "olympics",
    "operation",
    "plan",
    "plaza",
    "program",
    "programme",
    "project",
    "republic",
    "river",
    "road",
    "show",
    "square",
    "state",
    "states",
    "street",
    "summit",
    "today",
    "tonight",
    "tour",
    "treaty",
    "united",
    "valley",
    "war",
    "week",
];

/// True for a word that makes a name something other than a person (lower-case key).
pub fn is_not_person_word(key: &str) -> bool {
    NOT_PERSON_WORDS.binary_search(&key).is_ok()
}

/// Name suffixes that are not surnames.
const SUFFIXES: &[&str] = &["ii", "iii", "iv", "jr", "sr"];

/// Capitalised words that are places or nations, not people, even in runs of two.
const NOT_PEOPLE: &[&str] = &[
    "america",
    "arabia",
    "britain",
    "east",
    "europe",
    "federation",
    "kingdom",
    "korea",
    "states",
    "union",
    "west",
];

/// Capitalised abbreviations that are not names (times and time zones).
const NOT_NAMES: &[&str] = &[
    "AM", "BST", "CET", "CST", "EDT", "EST", "ET", "GMT", "PDT", "PM", "PST", "PT", "UTC",
];

/// True for the place name of a dateline ("SEOUL (Reuters) -", "MOSCOW —").
fn is_dateline(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    let line_start = i == 0 || doc.gap_before(i).contains('\n');
    line_start
        && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && t.text.chars().all(|c| !c.is_lowercase())
        && doc
            .gap_after(i)
            .trim_start()
            .starts_with(['(', '-', '—', '–', ','])
}

/// For each word, whether its line is written in Title Case: at least three content words,
/// all capitalised ("Lindsay Lohan Checks Into Betty Ford Clinic").
fn title_case_words(doc: &Doc) -> Vec<bool> {
    let mut out = vec![false; doc.toks.len()];
    let mut start = 0;
    while start < doc.toks.len() {
        let line_end = doc.text[doc.toks[start].start..]
            .find('\n')
            .map_or(doc.text.len(), |p| doc.toks[start].start + p);
        let end = doc
            .toks
            .partition_point(|t| t.start < line_end)
            .max(start + 1);
        let content: Vec<&str> = doc.toks[start..end]
            .iter()
            .filter(|t| {
                !crate::text::is_stopword(&t.key)
                    && t.text.chars().next().is_some_and(char::is_alphabetic)
            })
            .map(|t| t.text)
            .collect();
        // Every content word capitalised: a headline (a sentence has a lower-case verb).
        if content.len() >= 3 && content.iter().all(|w| is_capitalised(w)) {
            out[start..end].iter_mut().for_each(|x| *x = true);
        }
        start = end;
    }
    out
}

/// Connectors allowed inside a name ("Secretary of State", "Ambassador to the U.N.").
const CONNECTORS: &[&str] = &["al", "bin", "de", "del", "der", "du", "la", "van", "von"];

/// Connectors that join only after an organisation or role word ("Center for Strategic and
/// International Studies", "Secretary of State").
const ORG_CONNECTORS: &[&str] = &["for", "of", "on", "the"];

/// True for a role word (lower-case key).
pub fn is_role(key: &str) -> bool {
    ROLES.binary_search(&key).is_ok()
}

/// True for a word that makes a name an organisation.
pub fn is_org_word(key: &str) -> bool {
    ORG_WORDS.binary_search(&key).is_ok()
}

/// True for a day or month name.
pub fn is_calendar(key: &str) -> bool {
    calendar::is_weekday(key) || (calendar::is_month_word(key) && key != "may")
}

/// True for an acronym naming an organisation or outlet ("CNBC", "NATO", "U.N."), not a
/// country ("US", "UK").
pub fn is_org_acronym(text: &str) -> bool {
    let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
    let roman = letters.len() <= 4 && letters.chars().all(|c| "IVXLCDM".contains(c));
    letters.len() >= 2
        && !roman
        && letters.chars().all(|c| c.is_uppercase())
        && !matches!(
            letters.as_str(),
            "US" | "USA" | "UK" | "EU" | "UAE" | "USSR"
        )
}

/// What a name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A person.
    Person,
    /// An organisation or outlet.
    Organisation,
    /// A place or a name parallax cannot place.
    Other,
}

/// A run of capitalised words.
#[derive(Debug, Clone)]
pub struct Name {
    /// Word indices.
    pub words: Range<usize>,
    /// Word indices of the name proper, without leading titles ("Dmitry Peskov").
    pub core: Range<usize>,
    /// What it refers to.
    pub kind: NameKind,
    /// Comparable key: the last word's key ("peskov").
    pub key: String,
    /// For a person: true when a title, a known given name, an initial or an earlier full
    /// mention says so; false for a run that merely looks like a name ("Goldman Sachs").
    pub sure: bool,
    /// For a person: the gender its title or given name tells, if any.
    pub gender: Gender,
}

/// Names known in one article: the people it names with a first name or a title, so that a
/// bare surname later ("Roche said") is known to be a person.
#[derive(Debug, Default)]
pub struct People {
    surnames: HashSet<String>,
    capitalised_inside: HashSet<String>,
    /// Keys of words the article writes in lower case somewhere: common words, not names.
    lower_case: HashSet<String>,
    /// Words of lines written in Title Case (headlines), where capitals say nothing.
    title_case: Vec<bool>,
}

impl People {
    /// Collect the people named in a document.
    pub fn of(doc: &Doc) -> Self {
        let title_case = title_case_words(doc);
        let mut capitalised_inside = HashSet::new();
        let lower_case: HashSet<String> = doc
            .toks
            .iter()
            .filter(|t| t.text.chars().next().is_some_and(char::is_lowercase))
            .map(|t| t.key.clone())
            .collect();
        for (i, t) in doc.toks.iter().enumerate() {
            if !doc.starts_sentence(i)
                && !title_case[i]
                && is_capitalised(t.text)
                && !doc.gap_before(i).contains(['“', '"', '‘'])
            {
                capitalised_inside.insert(t.key.clone());
            }
        }
        let mut people = People {
            surnames: HashSet::new(),
            capitalised_inside,
            lower_case,
            title_case,
        };
        let mut i = 0;
        while i < doc.toks.len() {
            if let Some(run) = people.run_at(doc, i, doc.toks.len()) {
                let (tail, marked) = tail_of(doc, run.clone());
                let marked = marked
                    || (run.start > 0
                        && !doc.gap_before(run.start).contains('\n')
                        && is_role(&doc.toks[run.start - 1].key));
                let last = &name_key(doc, run.clone());
                let place =
                    located(doc, run.start) || DEMONYMS.binary_search(&last.as_str()).is_ok();
                if !tail.is_empty()
                    && !place
                    && !NOT_PEOPLE.contains(&last.as_str())
                    && person_shaped(doc, tail.clone())
                    && (tail.len() >= 2 || marked)
                {
                    people.surnames.insert(last.clone());
                }
                i = run.end;
            } else {
                i += 1;
            }
        }
        people
    }

    /// True when word `i` can be part of a name: capitalised, not a function word, not a day or
    /// month, and — at the start of a sentence — a word the article also capitalises elsewhere
    /// or the start of a longer name.
    pub fn name_like(&self, doc: &Doc, i: usize) -> bool {
        let t = &doc.toks[i];
        if !is_capitalised(t.text)
            || crate::text::is_stopword(&t.key)
            || is_calendar(&t.key)
            || self.title_case.get(i).copied().unwrap_or(false)
            || NOT_NAMES.contains(&t.text)
            || is_dateline(doc, i)
        {
            return false;
        }
        if !doc.starts_sentence(i) {
            return true;
        }
        // Sentence-initial: a word the article capitalises mid-sentence is a name; one it
        // writes in lower case is not ("Said Ellis:", "Pressure is building").
        self.capitalised_inside.contains(&t.key)
            || ((!self.lower_case.contains(&t.key) || is_role(&t.key))
                && i + 1 < doc.toks.len()
                && !doc.starts_sentence(i + 1)
                && ((is_capitalised(doc.toks[i + 1].text)
                    && !crate::text::is_stopword(&doc.toks[i + 1].key))
                    || is_role(&doc.toks[i + 1].key))
                && doc.gap_after(i).trim().is_empty())
    }

    /// True when the article writes this word (lower-case key) in lower case somewhere: a
    /// common word ("Pressure is building" opens a sentence; "pressure" is no name).
    pub fn written_lower(&self, key: &str) -> bool {
        self.lower_case.contains(key)
    }

    /// The run of name words starting at word `i`, not past word `limit`.
    pub fn run_at(&self, doc: &Doc, i: usize, limit: usize) -> Option<Range<usize>> {
        if i >= limit || !self.name_like(doc, i) {
            return None;
        }
        let mut end = i + 1;
        while end < limit {
            let gap = doc.gap_before(end);
            if !joins(gap) {
                break;
            }
            if self.name_like(doc, end) && !doc.starts_sentence(end) {
                end += 1;
            } else if (CONNECTORS.contains(&doc.toks[end].key.as_str())
                || (ORG_CONNECTORS.contains(&doc.toks[end].key.as_str())
                    && (is_org_word(&doc.toks[end - 1].key) || is_role(&doc.toks[end - 1].key))))
                && end + 1 < limit
                && joins(doc.gap_after(end))
                && self.name_like(doc, end + 1)
                && !doc.starts_sentence(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        Some(i..end)
    }

    /// The names in word range `words`.
    pub fn names_in(&self, doc: &Doc, words: Range<usize>) -> Vec<Name> {
        let mut out = Vec::new();
        let mut i = words.start;
        while i < words.end {
            match self.run_at(doc, i, words.end) {
                Some(run) => {
                    out.push(self.classify(doc, run.clone()));
                    i = run.end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Classify a run of name words.
    pub fn classify(&self, doc: &Doc, run: Range<usize>) -> Name {
        let key = name_key(doc, run.clone());
        let (tail, marked) = tail_of(doc, run.clone());
        let has_org = run.clone().any(|k| is_org_marker(doc, k));
        let place = located(doc, run.start)
            || NOT_PEOPLE.contains(&key.as_str())
            || DEMONYMS.binary_search(&key.as_str()).is_ok();
        let first_given = !tail.is_empty() && given_name(&doc.toks[tail.start].key).is_some();
        let initial = tail.clone().any(|k| {
            doc.toks[k]
                .text
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                == 1
        });
        // A title just before the run ("Mr. Obama", "Sen. Warren" when the title is not
        // part of the name run).
        let titled_before = run.start > 0
            && doc
                .gap_before(run.start)
                .trim_matches(|c: char| c == '.' || c == ' ')
                .is_empty()
            && !doc.gap_before(run.start).contains('\n')
            && is_role(&doc.toks[run.start - 1].key);
        let marked = marked || titled_before;
        let (kind, core) = if !tail.is_empty()
            && !place
            && person_shaped(doc, tail.clone())
            && (tail.len() >= 2 || marked || self.surnames.contains(&key))
        {
            (NameKind::Person, tail)
        } else if has_org {
            (NameKind::Organisation, run.clone())
        } else {
            (NameKind::Other, run.clone())
        };
        // Sure of a person: a title or role before the name, a known given name, an initial,
        // or a surname the article gave a first name or a title to.
        let sure = kind == NameKind::Person
            && (marked
                || first_given
                || initial
                || (core.len() == 1 && self.surnames.contains(&key)));
        let gender = if kind == NameKind::Person {
            let from = if titled_before {
                run.start - 1
            } else {
                run.start
            };
            let titled = (from..core.start)
                .map(|k| title_gender(&doc.toks[k].key))
                .find(|g| *g != Gender::Unknown);
            titled.unwrap_or_else(|| {
                given_name(&doc.toks[core.start].key)
                    .filter(|_| core.len() >= 2)
                    .unwrap_or_default()
            })
        } else {
            Gender::Unknown
        };
        Name {
            words: run,
            core,
            kind,
            key,
            sure,
            gender,
        }
    }

    /// True when this key is a surname the article gives a first name or a title to.
    pub fn is_surname(&self, key: &str) -> bool {
        self.surnames.contains(key)
    }
}

/// Words that begin place names ("New York", "San Antonio", "Fort Wayne").
const PLACE_STARTS: &[&str] = &[
    "east", "fort", "las", "los", "mount", "new", "north", "port", "saint", "san", "santa",
    "south", "st", "west",
];

/// True when the words of a name's tail can be a person's name: none is a word of events,
/// programmes, laws or places, and it does not open like a place name.
fn person_shaped(doc: &Doc, tail: Range<usize>) -> bool {
    let event_word = tail.clone().any(|k| is_not_person_word(&doc.toks[k].key));
    let place_start = tail.len() >= 2 && PLACE_STARTS.contains(&doc.toks[tail.start].key.as_str());
    !event_word && !place_start
}

/// True when the text between two words keeps them in one name: spaces, a hyphen, the dot of
/// an abbreviation, or a possessive apostrophe.
fn joins(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || c == '.' || c == '-' || c == '&')
        && !gap.contains('\n')
        && gap.matches('.').count() <= 1
}

/// The comparable key of a name: its last word, skipping "Jr." and the like.
pub fn name_key(doc: &Doc, run: Range<usize>) -> String {
    run.clone()
        .rev()
        .map(|k| &doc.toks[k].key)
        .find(|k| !SUFFIXES.contains(&k.as_str()))
        .unwrap_or(&doc.toks[run.end - 1].key)
        .clone()
}

fn is_org_marker(doc: &Doc, k: usize) -> bool {
    is_org_word(&doc.toks[k].key) || is_org_acronym(doc.toks[k].text)
}

/// The words of a name run after its last title, role or organisation word ("Sergey Ryabkov" of
/// "Russian Deputy Foreign Minister Sergey Ryabkov", "Vasily Nebenzya" of "U.N. Vasily
/// Nebenzya"), and whether such a word was there.
fn tail_of(doc: &Doc, run: Range<usize>) -> (Range<usize>, bool) {
    let marker = run
        .clone()
        .rev()
        .find(|&k| is_role(&doc.toks[k].key) || is_org_marker(doc, k));
    match marker {
        Some(m) => (m + 1..run.end, true),
        None => (run, false),
    }
}

/// True when the name at words `run` is a place: after a preposition of place ("in Denver"),
/// a nation or region ("United States", "Europe"), or shaped like a place name ("New York").
pub fn is_place_name(doc: &Doc, run: Range<usize>) -> bool {
    let key = name_key(doc, run.clone());
    located(doc, run.start)
        || NOT_PEOPLE.contains(&key.as_str())
        || DEMONYMS.binary_search(&key.as_str()).is_ok()
        || (run.len() >= 2 && PLACE_STARTS.contains(&doc.toks[run.start].key.as_str()))
}

/// True for the place name of a dateline ("DENVER —", "SEOUL (Reuters) -").
pub fn is_dateline_word(doc: &Doc, i: usize) -> bool {
    is_dateline(doc, i)
}

/// True when the word before a name is a preposition of place ("in New York").
fn located(doc: &Doc, start: usize) -> bool {
    start > 0
        && matches!(
            doc.toks[start - 1].key.as_str(),
            "in" | "at" | "near" | "across" | "throughout" | "outside" | "inside"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        assert!(DEMONYMS.windows(2).all(|w| w[0] < w[1]));
        assert!(ROLES.windows(2).all(|w| w[0] < w[1]));
        assert!(ORG_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(NOT_PERSON_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(PLACE_STARTS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn events_programmes_and_places_are_not_people() {
        let got = names(
            "The Commission on Presidential Debates met. Viewers of Face the Nation and New York Mayor Bill de Blasio watched.",
        );
        let people: Vec<&str> = got
            .iter()
            .filter(|n| n.1 == NameKind::Person)
            .map(|n| n.0.as_str())
            .collect();
        assert_eq!(people, ["Bill de Blasio"], "{got:?}");
    }

    #[test]
    fn gender_comes_from_titles_and_given_names() {
        let d = Doc::new("Ms. Pelosi met Donald Trump and Sergey Lavrov.");
        let p = People::of(&d);
        let g: Vec<Gender> = p
            .names_in(&d, 0..d.toks.len())
            .iter()
            .map(|n| n.gender)
            .collect();
        assert_eq!(g, [Gender::Female, Gender::Male, Gender::Unknown]);
    }

    fn names(s: &str) -> Vec<(String, NameKind)> {
        let d = Doc::new(s);
        let p = People::of(&d);
        p.names_in(&d, 0..d.toks.len())
            .into_iter()
            .map(|n| {
                let text = &s[d.toks[n.core.start].start..d.toks[n.core.end - 1].end];
                (text.to_string(), n.kind)
            })
            .collect()
    }

    #[test]
    fn titles_are_stripped_and_people_found() {
        let got = names(
            "Additionally, Russian Deputy Foreign Minister Sergey Ryabkov revealed that talks will be held in Saudi Arabia.",
        );
        assert_eq!(
            got,
            [
                ("Sergey Ryabkov".to_string(), NameKind::Person),
                ("Saudi Arabia".to_string(), NameKind::Other)
            ]
        );
    }

    #[test]
    fn surnames_seen_with_a_first_name_are_people_later() {
        let s = "Meanwhile, David Roche, strategist at Quantum Strategy, sees a win. Roche said so on Monday.";
        let got = names(s);
        assert!(
            got.contains(&("Roche".to_string(), NameKind::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Quantum Strategy".to_string(), NameKind::Organisation)),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|(n, _)| n == "Meanwhile" || n == "Monday"),
            "{got:?}"
        );
    }

    #[test]
    fn headlines_datelines_and_nationalities_are_not_people() {
        let got = names(
            "Lindsay Lohan Checks Into Betty Ford Clinic\nSEOUL (Reuters) - North Korean leader Kim Jong Un met Robert S. Mueller III.",
        );
        let people: Vec<&str> = got
            .iter()
            .filter(|n| n.1 == NameKind::Person)
            .map(|n| n.0.as_str())
            .collect();
        assert_eq!(people, ["Kim Jong Un", "Robert S. Mueller III"], "{got:?}");
    }

    #[test]
    fn acronyms_are_organisations_but_countries_are_not() {
        assert!(is_org_acronym("CNBC") && is_org_acronym("U.N"));
        assert!(!is_org_acronym("U.S") && !is_org_acronym("Tass") && !is_org_acronym("III"));
    }
}
