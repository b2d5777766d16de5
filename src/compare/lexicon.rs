//! The word lists behind framing marks: reporting verbs, hedges, boosters, labels and loaded
//! words. The lists parallax ships live in `assets/lexicons/` (see the NOTICE there) and are
//! embedded in the binary; users add entries through the config (`[compare]`), inline or from
//! files read at the boundary ([`crate::config::read_lexicon_files`]).
//!
//! Matching works on word keys ([`crate::text::word_key`]): "state-run" matches "state-run",
//! "State-run" and "state run"; reporting verbs match on their lemma, so "said", "says" and
//! "saying" all find "say".

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::model::MarkKind;
use crate::text::{word_key, words};

const REPORTING_VERBS: &str = include_str!("../../assets/lexicons/reporting_verbs.tsv");
const FRAMING: &str = include_str!("../../assets/lexicons/framing.tsv");
const LABELS: &str = include_str!("../../assets/lexicons/labels.tsv");
const LOADED: &str = include_str!("../../assets/lexicons/loaded.tsv");

/// What a user-supplied lexicon entry marks.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A loaded or emotive word.
    Loaded,
    /// A hedge or vague attribution.
    Hedge,
    /// A booster or intensifier.
    Booster,
    /// A label for an outlet or actor.
    Label,
    /// A reporting verb, given as its lemma ("slam").
    Attribution,
}

impl EntryKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_lowercase().as_str() {
            "loaded" => Self::Loaded,
            "hedge" => Self::Hedge,
            "booster" => Self::Booster,
            "label" => Self::Label,
            "attribution" | "verb" | "reporting_verb" => Self::Attribution,
            _ => return None,
        })
    }

    fn mark_kind(self) -> MarkKind {
        match self {
            Self::Loaded => MarkKind::Loaded,
            Self::Hedge => MarkKind::Hedge,
            Self::Booster => MarkKind::Booster,
            Self::Label => MarkKind::Label,
            Self::Attribution => MarkKind::Attribution,
        }
    }
}

/// One user lexicon entry, from the config file or a lexicon file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UserEntry {
    /// The word or phrase ("bombshell", "Kremlin mouthpiece"); for `attribution`, the verb's lemma.
    pub phrase: String,
    /// What it marks.
    pub kind: EntryKind,
    /// Strength from 0 (neutral) to 3 (strongly loaded).
    #[serde(default = "default_grade")]
    pub grade: u8,
    /// A short note shown to the reader.
    #[serde(default)]
    pub note: String,
    /// For labels: the group of alternatives it belongs to ("outlet", "government", ...), so that
    /// two outlets choosing different labels of one group show as a labelling difference.
    #[serde(default)]
    pub group: Option<String>,
}

fn default_grade() -> u8 {
    2
}

/// A line of a user lexicon file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct LexiconError {
    /// The line, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub problem: LexiconProblem,
}

/// What is wrong with a line of a user lexicon file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexiconProblem {
    /// Nothing before the first tab.
    #[error("empty phrase")]
    EmptyPhrase,
    /// The second column is missing or no kind of entry.
    #[error(
        "second column must be one of loaded, hedge, booster, label, attribution (columns are separated by tabs)"
    )]
    Kind,
    /// The third column is no grade.
    #[error("grade must be 0, 1, 2 or 3, not {0:?}")]
    Grade(String),
}

/// Parse a user lexicon file: one entry per line, `phrase<TAB>kind[<TAB>grade[<TAB>note]]`;
/// blank lines and lines starting with `#` are skipped. The error names the line.
pub fn parse_user_file(text: &str) -> Result<Vec<UserEntry>, LexiconError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let lineno = n + 1;
        let phrase = cols[0].trim();
        let error = |problem| LexiconError {
            line: lineno,
            problem,
        };
        if phrase.is_empty() {
            return Err(error(LexiconProblem::EmptyPhrase));
        }
        let kind = cols
            .get(1)
            .and_then(|k| EntryKind::parse(k))
            .ok_or_else(|| error(LexiconProblem::Kind))?;
        let grade = match cols.get(2).map(|g| g.trim()).filter(|g| !g.is_empty()) {
            Some(g) => match g.parse::<u8>() {
                Ok(v) if v <= 3 => v,
                _ => return Err(error(LexiconProblem::Grade(g.to_string()))),
            },
            None => default_grade(),
        };
        let note = cols
            .get(3)
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        out.push(UserEntry {
            phrase: phrase.to_string(),
            kind,
            grade,
            note,
            group: None,
        });
    }
    Ok(out)
}

/// A word or phrase entry (everything but reporting verbs).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The phrase as listed.
    pub phrase: String,
    /// The kind of mark it makes.
    pub kind: MarkKind,
    /// Strength 0..=3.
    pub grade: u8,
    /// Short note for the reader.
    pub note: String,
    /// For labels: the group of alternatives ("outlet", "government", "leader", "armed", "crowd").
    pub group: Option<String>,
    /// For labels: false for descriptive actor labels ("government") that are compared across
    /// outlets but not highlighted in the text.
    pub shown: bool,
    /// Which inflected forms of the phrase's last word are matched too.
    pub forms: Forms,
    /// Words that must, or must not, stand just before or after the phrase.
    pub context: Context,
    /// True for the user's own entries, which are marked whatever their grade.
    pub user: bool,
}

/// Which forms of an entry's last word match: lists give lemmas ("praise", "hero", "cult"), and
/// text has "praised", "heroes", "cults".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Forms {
    /// Regular plural / third person, past and -ing forms (and the irregular pasts parallax knows).
    #[default]
    All,
    /// The plural only: for nouns whose -ed/-ing forms mean something else ("stunt" → "stunted").
    Plural,
    /// Exactly as listed.
    Exact,
}

/// Where an entry applies, by the word just before and the word just after it (as word keys).
/// Written in the lexicon's context column as space-separated conditions:
/// `prev=a|an|the` (the word before must be one of these), `prev!=at`, `next=…`,
/// `next!=deal|britain`, `compound`, `+next`, plus `inflect`, `plural` or `exact` for
/// [`Forms`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    /// When not empty, the word before must be one of these.
    pub prev_in: Vec<String>,
    /// The word before must not be one of these.
    pub prev_not: Vec<String>,
    /// When not empty, the word after must be one of these.
    pub next_in: Vec<String>,
    /// The word after must not be one of these.
    pub next_not: Vec<String>,
    /// `compound`: the entry is the last part of a hyphenated compound ("winning" in
    /// "award-winning", "Oscar-winning"): it matches only joined by a hyphen to the word
    /// before, and the mark takes in the whole compound.
    pub compound: bool,
    /// `+next`: an intensifier whose mark takes in the word it modifies ("very clever",
    /// "extremely successful").
    pub with_next: bool,
}

/// A condition of a context column that is none of those [`Context::parse`] knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown context condition {0:?}")]
pub struct UnknownCondition(pub String);

impl Context {
    /// Parse a context column, with the forms it names (`inflect`, `plural` or `exact`) if any.
    /// Unknown conditions are errors, so that a typo in a list is caught by the tests rather
    /// than silently ignored.
    pub fn parse(text: &str) -> Result<(Context, Option<Forms>), UnknownCondition> {
        let mut ctx = Context::default();
        let mut forms = None;
        for cond in text.split_whitespace() {
            let list = |v: &str| v.split('|').map(word_key).collect::<Vec<_>>();
            if cond == "exact" {
                forms = Some(Forms::Exact);
            } else if cond == "plural" {
                forms = Some(Forms::Plural);
            } else if cond == "inflect" {
                forms = Some(Forms::All);
            } else if cond == "compound" {
                ctx.compound = true;
            } else if cond == "+next" {
                ctx.with_next = true;
            } else if let Some(v) = cond.strip_prefix("prev!=") {
                ctx.prev_not = list(v);
            } else if let Some(v) = cond.strip_prefix("prev=") {
                ctx.prev_in = list(v);
            } else if let Some(v) = cond.strip_prefix("next!=") {
                ctx.next_not = list(v);
            } else if let Some(v) = cond.strip_prefix("next=") {
                ctx.next_in = list(v);
            } else {
                return Err(UnknownCondition(cond.to_string()));
            }
        }
        Ok((ctx, forms))
    }

    /// True when the words around `keys[start..end]` allow the entry.
    pub fn allows(&self, keys: &[String], start: usize, end: usize) -> bool {
        let prev = start.checked_sub(1).and_then(|i| keys.get(i));
        let next = keys.get(end);
        let ok = |want: &[String], not: &[String], w: Option<&String>| {
            (want.is_empty() || w.is_some_and(|w| want.contains(w)))
                && !w.is_some_and(|w| not.contains(w))
        };
        ok(&self.prev_in, &self.prev_not, prev) && ok(&self.next_in, &self.next_not, next)
    }
}

/// A reporting verb with its grade.
#[derive(Debug, Clone, PartialEq)]
pub struct Verb {
    /// The lemma ("say", "point out", "according to").
    pub lemma: String,
    /// Stance: neutral, endorsing, distancing, culpability, combative, emotive, ...
    pub stance: String,
    /// Strength 0..=3.
    pub grade: u8,
    /// True when every verb form is marked; false when only uses that report speech are.
    pub any_context: bool,
    /// The effect on the reader.
    pub note: String,
}

/// The grammatical form in which a reporting verb was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    /// "say", "claim": also a noun or an infinitive.
    Base,
    /// "says", "claims": also a plural noun.
    Third,
    /// "said", "claimed".
    Past,
    /// "saying", "claiming".
    Ing,
    /// A fixed phrase ("according to").
    Phrase,
}

/// A match of a phrase entry: `len` words starting at the queried position.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch<'a> {
    /// Number of words matched.
    pub len: usize,
    /// The entry.
    pub entry: &'a Entry,
}

/// A match of a reporting verb.
#[derive(Debug, Clone, Copy)]
pub struct VerbMatch<'a> {
    /// Number of words matched ("pointed out" is two).
    pub len: usize,
    /// The verb.
    pub verb: &'a Verb,
    /// The form found.
    pub form: VerbForm,
}

/// All word lists, indexed for matching: the built-in lists plus the user's entries.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// First word key → (all word keys, entry index), longest first; inflected forms included.
    phrases: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// Phrases the user asked never to mark, as word keys (inflected forms are not generated
    /// into these either).
    ignored: HashSet<Vec<String>>,
    verbs: Vec<Verb>,
    /// First word key (an inflected form) → (remaining keys, verb index, form).
    verb_forms: HashMap<String, Vec<(Vec<String>, usize, VerbForm)>>,
}

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon::default();
    lex.add_builtin();
    lex.finish();
    lex
});

impl Lexicon {
    /// The lists parallax ships.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// The built-in lists with the user's entries added and the ignored phrases removed.
    pub fn with_user(entries: &[UserEntry], ignore: &[String]) -> Lexicon {
        let mut lex = Lexicon::builtin().clone();
        if entries.is_empty() && ignore.is_empty() {
            return lex;
        }
        let ignored: HashSet<Vec<String>> = ignore.iter().map(|p| keys_of(p)).collect();
        // A user entry replaces a built-in entry for the same phrase.
        let replaced: HashSet<Vec<String>> = entries
            .iter()
            .filter(|e| e.kind != EntryKind::Attribution)
            .map(|e| keys_of(&e.phrase))
            .collect();
        let user_verbs: HashSet<String> = entries
            .iter()
            .filter(|e| e.kind == EntryKind::Attribution)
            .map(|e| keys_of(&e.phrase).join(" "))
            .collect();
        lex.entries.retain(|e| {
            !ignored.contains(&keys_of(&e.phrase)) && !replaced.contains(&keys_of(&e.phrase))
        });
        lex.ignored = ignored.clone();
        lex.verbs.retain(|v| {
            let k = keys_of(&v.lemma);
            !ignored.contains(&k) && !user_verbs.contains(&k.join(" "))
        });
        for e in entries {
            if ignored.contains(&keys_of(&e.phrase)) || keys_of(&e.phrase).is_empty() {
                continue;
            }
            let grade = e.grade.min(3);
            let note = if e.note.is_empty() {
                "from your lexicon".to_string()
            } else {
                e.note.clone()
            };
            if e.kind == EntryKind::Attribution {
                lex.verbs.push(Verb {
                    lemma: e.phrase.trim().to_lowercase(),
                    stance: "user".into(),
                    grade,
                    any_context: false,
                    note,
                });
            } else {
                lex.entries.push(Entry {
                    phrase: e.phrase.trim().to_string(),
                    kind: e.kind.mark_kind(),
                    grade,
                    note,
                    group: e.group.clone(),
                    shown: true,
                    forms: Forms::All,
                    context: Context::default(),
                    user: true,
                });
            }
        }
        lex.finish();
        lex
    }

    fn add_builtin(&mut self) {
        for cols in rows(REPORTING_VERBS) {
            if cols.len() < 5 {
                continue;
            }
            self.verbs.push(Verb {
                lemma: cols[0].to_string(),
                stance: cols[1].to_string(),
                grade: cols[2].parse().unwrap_or(0),
                any_context: cols[3] == "any",
                note: cols[4].to_string(),
            });
        }
        for cols in rows(FRAMING) {
            if cols.len() < 4 {
                continue;
            }
            let kind = match cols[1] {
                "hedge" => MarkKind::Hedge,
                "booster" => MarkKind::Booster,
                "label" => MarkKind::Label,
                _ => MarkKind::Loaded,
            };
            let (context, forms) = context_column(&cols, 5);
            self.entries.push(Entry {
                phrase: cols[0].to_string(),
                kind,
                grade: cols[2].parse().unwrap_or(1),
                note: cols[3].to_string(),
                group: None,
                shown: true,
                forms,
                context,
                user: false,
            });
        }
        for cols in rows(LABELS) {
            if cols.len() < 5 {
                continue;
            }
            let grade = cols[4].parse().unwrap_or(1);
            let applies_to = cols[1];
            let note = cols.get(5).copied().unwrap_or("").trim();
            let label_for = if applies_to.contains("outlet") {
                "label for an outlet"
            } else {
                "label for an actor"
            };
            self.entries.push(Entry {
                phrase: cols[0].to_string(),
                kind: MarkKind::Label,
                grade,
                note: if note.is_empty() {
                    format!("{label_for} ({})", cols[3])
                } else {
                    format!("{label_for} ({}): {note}", cols[3])
                },
                group: Some(cols[2].to_string()).filter(|g| !g.is_empty()),
                shown: grade > 0 || applies_to.contains("outlet"),
                // Labels are nouns and adjectives: "regimes", never "mobbed".
                forms: Forms::Plural,
                context: context_column(&cols, 6).0,
                user: false,
            });
        }
        for cols in rows(LOADED) {
            if cols.len() < 4 {
                continue;
            }
            let (context, forms) = context_column(&cols, 5);
            self.entries.push(Entry {
                phrase: cols[0].to_string(),
                kind: MarkKind::Loaded,
                grade: cols[2].parse().unwrap_or(1),
                note: cols[3].to_string(),
                group: None,
                shown: true,
                forms,
                context,
                user: false,
            });
        }
    }

    /// Rebuild the indexes after entries changed.
    fn finish(&mut self) {
        self.phrases.clear();
        // Listed phrases first: a form listed as an entry of its own ("outraged" beside
        // "outrage") keeps that entry's grade and note.
        let listed: HashSet<Vec<String>> =
            self.entries.iter().map(|e| keys_of(&e.phrase)).collect();
        let mut seen: HashSet<(Vec<String>, usize)> = HashSet::new();
        for (i, e) in self.entries.iter().enumerate() {
            let keys = keys_of(&e.phrase);
            if keys.is_empty() {
                continue;
            }
            let mut all = vec![keys.clone()];
            for form in phrase_forms(&keys, e.forms) {
                if !listed.contains(&form) && !self.ignored.contains(&form) {
                    all.push(form);
                }
            }
            for ks in all {
                if seen.insert((ks.clone(), i)) {
                    self.phrases.entry(ks[0].clone()).or_default().push((ks, i));
                }
            }
        }
        for list in self.phrases.values_mut() {
            // Longest first; among equal lengths, the listed order (stable sort).
            list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        self.verb_forms.clear();
        for (i, v) in self.verbs.iter().enumerate() {
            let keys = keys_of(&v.lemma);
            let Some((head, rest)) = keys.split_first() else {
                continue;
            };
            if v.lemma == "according to" {
                self.verb_forms.entry(head.clone()).or_default().push((
                    rest.to_vec(),
                    i,
                    VerbForm::Phrase,
                ));
                continue;
            }
            for (form, kind) in inflections(head) {
                self.verb_forms
                    .entry(form)
                    .or_default()
                    .push((rest.to_vec(), i, kind));
            }
        }
        for list in self.verb_forms.values_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
            list.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        }
    }

    /// The longest phrase entry starting at word `i` of `keys` whose context allows it there.
    pub fn phrase_at(&self, keys: &[String], i: usize) -> Option<PhraseMatch<'_>> {
        let list = self.phrases.get(keys.get(i)?)?;
        list.iter()
            .find(|(ks, e)| {
                keys.len() >= i + ks.len()
                    && keys[i..i + ks.len()] == ks[..]
                    && self.entries[*e].context.allows(keys, i, i + ks.len())
            })
            .map(|(ks, e)| PhraseMatch {
                len: ks.len(),
                entry: &self.entries[*e],
            })
    }

    /// True when a single-word entry of any kind (or one of its listed forms) is this word key,
    /// whatever its context conditions.
    pub fn lists_word(&self, key: &str) -> bool {
        self.phrases
            .get(key)
            .is_some_and(|list| list.iter().any(|(ks, _)| ks.len() == 1))
    }

    /// The reporting verb starting at word `i` of `keys`, if any.
    pub fn verb_at(&self, keys: &[String], i: usize) -> Option<VerbMatch<'_>> {
        let list = self.verb_forms.get(keys.get(i)?)?;
        list.iter()
            .find(|(rest, _, _)| keys[i + 1..].starts_with(rest))
            .map(|(rest, v, form)| VerbMatch {
                len: 1 + rest.len(),
                verb: &self.verbs[*v],
                form: *form,
            })
    }

    /// The reporting verb with this lemma.
    pub fn verb(&self, lemma: &str) -> Option<&Verb> {
        self.verbs.iter().find(|v| v.lemma == lemma)
    }

    /// Every phrase entry (for tests and listings).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// The context and forms of a built-in row, from its column `at` (empty when absent): the
/// built-in word lists list adjectives and adverbs as written ("brave" must not find the
/// "Braves"), so a row matches other forms only when it says `inflect` or `plural`. A bad
/// condition is reported by the test that loads every list, and the row then matches as listed.
fn context_column(cols: &[&str], at: usize) -> (Context, Forms) {
    let (ctx, forms) = cols
        .get(at)
        .and_then(|c| Context::parse(c).ok())
        .unwrap_or_default();
    (ctx, forms.unwrap_or(Forms::Exact))
}

/// The inflected variants of a phrase (as word keys) that also match it: its last word in
/// other forms. Short words, numbers and stopwords ("appears to") are not inflected.
fn phrase_forms(keys: &[String], forms: Forms) -> Vec<Vec<String>> {
    let Some((last, head)) = keys.split_last() else {
        return Vec::new();
    };
    if forms == Forms::Exact
        || last.chars().count() < 3
        || !last.chars().all(|c| c.is_alphabetic())
        || crate::text::is_stopword(last)
    {
        return Vec::new();
    }
    let words: Vec<String> = match forms {
        Forms::Plural => vec![plural(last)],
        _ => inflections(last)
            .into_iter()
            .filter(|(_, f)| *f != VerbForm::Base)
            .map(|(w, _)| w)
            .collect(),
    };
    words
        .into_iter()
        .filter(|w| w != last)
        .map(|w| {
            let mut ks = head.to_vec();
            ks.push(w);
            ks
        })
        .collect()
}

/// The regular plural of a noun ("regime" → "regimes", "militia" → "militias", "bully" →
/// "bullies").
fn plural(w: &str) -> String {
    inflections(w)
        .into_iter()
        .find(|(_, f)| *f == VerbForm::Third)
        .map_or_else(|| format!("{w}s"), |(p, _)| p)
}

/// Data rows of a TSV lexicon: comment and blank lines skipped, columns trimmed.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The word keys of a phrase.
pub fn keys_of(phrase: &str) -> Vec<String> {
    words(phrase).iter().map(|w| word_key(w.text)).collect()
}

/// Irregular verb forms of the lemmas in the lists: (lemma, past forms).
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said"]),
    ("tell", &["told"]),
    ("write", &["wrote", "written"]),
    ("find", &["found"]),
    ("show", &["shown"]),
    ("think", &["thought"]),
    ("feel", &["felt"]),
    ("hit", &["hit"]),
    ("plead", &["pled"]),
    ("speak", &["spoke", "spoken"]),
    ("swear", &["swore", "sworn"]),
    ("mean", &["meant"]),
    ("hear", &["heard"]),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Every form of a verb word with its kind: regular rules, both spellings of -ize/-ise, and the
/// doubled final consonant where it may apply (slam → slammed). Over-generating is harmless:
/// a form that is not English never occurs in text.
pub fn inflections(lemma: &str) -> Vec<(String, VerbForm)> {
    let mut stems = vec![lemma.to_string()];
    if let Some(s) = lemma.strip_suffix("ize") {
        stems.push(format!("{s}ise"));
    }
    let mut out = Vec::new();
    for w in &stems {
        let chars: Vec<char> = w.chars().collect();
        let n = chars.len();
        let last = chars.last().copied().unwrap_or(' ');
        let before = if n >= 2 { chars[n - 2] } else { ' ' };
        out.push((w.clone(), VerbForm::Base));
        // Third person.
        if w.ends_with('s')
            || w.ends_with('x')
            || w.ends_with('z')
            || w.ends_with("ch")
            || w.ends_with("sh")
            || w.ends_with('o')
        {
            out.push((format!("{w}es"), VerbForm::Third));
        } else if last == 'y' && !is_vowel(before) {
            out.push((format!("{}ies", &w[..w.len() - 1]), VerbForm::Third));
        } else {
            out.push((format!("{w}s"), VerbForm::Third));
        }
        // Past and -ing.
        if last == 'e' {
            out.push((format!("{w}d"), VerbForm::Past));
            if w.ends_with("ie") {
                out.push((format!("{}ying", &w[..w.len() - 2]), VerbForm::Ing));
            } else if w.ends_with("ee") {
                out.push((format!("{w}ing"), VerbForm::Ing));
            } else {
                out.push((format!("{}ing", &w[..w.len() - 1]), VerbForm::Ing));
            }
        } else if last == 'y' && !is_vowel(before) {
            out.push((format!("{}ied", &w[..w.len() - 1]), VerbForm::Past));
            out.push((format!("{w}ing"), VerbForm::Ing));
        } else {
            out.push((format!("{w}ed"), VerbForm::Past));
            out.push((format!("{w}ing"), VerbForm::Ing));
            let cvc = n >= 3
                && !is_vowel(last)
                && !matches!(last, 'w' | 'x' | 'y')
                && is_vowel(before)
                && !is_vowel(chars[n - 3]);
            if cvc {
                out.push((format!("{w}{last}ed"), VerbForm::Past));
                out.push((format!("{w}{last}ing"), VerbForm::Ing));
            }
        }
    }
    if let Some((_, forms)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        for f in *forms {
            out.push((f.to_string(), VerbForm::Past));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        keys_of(s)
    }

    #[test]
    fn builtin_lists_load_with_their_entries() {
        let lex = Lexicon::builtin();
        assert!(
            lex.verb("say")
                .is_some_and(|v| v.grade == 0 && v.stance == "neutral")
        );
        assert!(
            lex.verb("claim")
                .is_some_and(|v| v.grade == 2 && v.any_context)
        );
        assert!(
            lex.entries()
                .iter()
                .any(|e| e.phrase == "state-run" && e.kind == MarkKind::Label)
        );
        assert!(
            lex.entries()
                .iter()
                .any(|e| e.phrase == "fuming" && e.kind == MarkKind::Loaded)
        );
        assert!(lex.entries().len() > 500, "{}", lex.entries().len());
    }

    #[test]
    fn verbs_match_on_lemma_in_every_form() {
        let lex = Lexicon::builtin();
        for (text, lemma) in [
            ("he said", "say"),
            ("she says", "say"),
            ("saying", "say"),
            ("Peskov told CNBC", "tell"),
            ("they claimed", "claim"),
            ("the minister denied", "deny"),
            ("she criticised", "criticize"),
            ("he slammed", "slam"),
            ("as he pointed out", "point out"),
            ("admitted", "admit"),
            ("according to Tass", "according to"),
        ] {
            let ks = keys(text);
            let found = (0..ks.len()).find_map(|i| lex.verb_at(&ks, i));
            assert_eq!(found.map(|m| m.verb.lemma.as_str()), Some(lemma), "{text}");
        }
        let ks = keys("pointed out that");
        let m = lex.verb_at(&ks, 0).unwrap();
        assert_eq!((m.len, m.form), (2, VerbForm::Past));
    }

    #[test]
    fn phrases_match_longest_first_and_across_hyphens() {
        let lex = Lexicon::builtin();
        let ks = keys("in comments reported by state news agency Tass");
        let m = lex.phrase_at(&ks, 4).unwrap();
        assert_eq!((m.len, m.entry.phrase.as_str()), (3, "state news agency"));
        let ks = keys("he told State-run Tass");
        assert_eq!(lex.phrase_at(&ks, 2).unwrap().entry.phrase, "state-run");
    }

    #[test]
    fn user_entries_add_replace_and_ignore() {
        let user = vec![
            UserEntry {
                phrase: "mood music".into(),
                kind: EntryKind::Loaded,
                grade: 1,
                note: "cliché".into(),
                group: None,
            },
            UserEntry {
                phrase: "fuming".into(),
                kind: EntryKind::Loaded,
                grade: 1,
                note: String::new(),
                group: None,
            },
            UserEntry {
                phrase: "rebut".into(),
                kind: EntryKind::Attribution,
                grade: 1,
                note: String::new(),
                group: None,
            },
        ];
        let lex = Lexicon::with_user(&user, &["regime".to_string()]);
        let ks = keys("a shift in the mood music");
        assert_eq!(lex.phrase_at(&ks, 4).unwrap().entry.note, "cliché");
        let fuming: Vec<_> = lex
            .entries()
            .iter()
            .filter(|e| e.phrase == "fuming")
            .collect();
        assert_eq!(fuming.len(), 1);
        assert_eq!(fuming[0].grade, 1);
        assert!(lex.phrase_at(&keys("the regime"), 1).is_none());
        assert_eq!(
            lex.verb_at(&keys("rebutted"), 0).unwrap().verb.lemma,
            "rebut"
        );
    }

    #[test]
    fn user_files_parse_and_name_bad_lines() {
        let ok =
            parse_user_file("# mine\nbombshell\tloaded\t3\tdrama\n\nsoft-pedal\thedge\n").unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!((ok[0].grade, ok[0].note.as_str()), (3, "drama"));
        assert_eq!(ok[1].grade, 2);
        let err = parse_user_file("ok\tloaded\nbad line without tab\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().starts_with("line 2:"), "{err}");
        let err = parse_user_file("x\tloaded\t7\n").unwrap_err();
        assert_eq!(err.problem, LexiconProblem::Grade("7".into()));
        assert!(err.to_string().contains("grade"), "{err}");
    }

    #[test]
    fn every_context_column_of_the_builtin_lists_parses() {
        for (name, text, at) in [
            ("loaded", LOADED, 5),
            ("framing", FRAMING, 5),
            ("labels", LABELS, 6),
        ] {
            for cols in rows(text) {
                if let Some(c) = cols.get(at) {
                    assert!(Context::parse(c).is_ok(), "{name}: {:?}: {c:?}", cols[0]);
                }
            }
        }
        assert!(Context::parse("prev=a|the nxt=b").is_err());
    }

    /// The entry matched at word `i` of `text`, if any.
    fn at(lex: &Lexicon, text: &str, i: usize) -> Option<String> {
        lex.phrase_at(&keys(text), i)
            .map(|m| m.entry.phrase.clone())
    }

    #[test]
    fn nouns_and_verbs_match_in_their_other_forms_adjectives_as_written() {
        let lex = Lexicon::builtin();
        assert_eq!(
            at(lex, "two bombshells dropped", 1).as_deref(),
            Some("bombshell")
        );
        assert_eq!(
            at(lex, "a series of witch hunts", 3).as_deref(),
            Some("witch hunt")
        );
        assert_eq!(at(lex, "the mob rampaged", 2).as_deref(), Some("rampage"));
        assert_eq!(
            at(lex, "they keep demonizing migrants", 2).as_deref(),
            Some("demonize")
        );
        assert_eq!(at(lex, "rock legends", 1).as_deref(), Some("legend"));
        assert_eq!(
            at(lex, "critics saying the plan", 0).as_deref(),
            Some("critics say")
        );
        // Adjectives are listed as written: "brave" does not find the Atlanta Braves, and a
        // label takes its plural only ("mobs", never "mobbed").
        assert_eq!(at(lex, "the braves won", 1), None);
        assert_eq!(at(lex, "the regimes fell", 1).as_deref(), Some("regimes"));
        assert_eq!(at(lex, "fans mobbed the star", 1), None);
        // A stunt, but growth is stunted.
        assert_eq!(at(lex, "a publicity stunts", 2).as_deref(), Some("stunt"));
        assert_eq!(at(lex, "stunted growth", 0), None);
    }

    #[test]
    fn context_conditions_keep_everyday_senses_out() {
        let lex = Lexicon::builtin();
        assert_eq!(at(lex, "a great deal of money", 1), None);
        assert_eq!(at(lex, "the great singer", 1).as_deref(), Some("great"));
        assert_eq!(at(lex, "leading to the arrest", 0), None);
        assert_eq!(at(lex, "a leading scholar", 1).as_deref(), Some("leading"));
        assert_eq!(at(lex, "talks are supposed to take place", 2), None);
        assert_eq!(
            at(lex, "a supposed encounter", 1).as_deref(),
            Some("supposed")
        );
        assert_eq!(at(lex, "pleaded guilty to lying to the FBI", 3), None);
        assert_eq!(
            at(lex, "he kept lying about it", 2).as_deref(),
            Some("lying")
        );
        assert_eq!(at(lex, "the inspection regime", 2), None);
        assert_eq!(at(lex, "the Assad regime", 2).as_deref(), Some("regime"));
        assert_eq!(at(lex, "the popular vote", 1), None);
        assert_eq!(at(lex, "on his best behavior", 2), None);
    }

    #[test]
    fn ignored_phrases_stay_unmarked_in_every_form() {
        let lex = Lexicon::with_user(&[], &["bombshells".to_string()]);
        assert_eq!(at(&lex, "two bombshells", 1), None);
        assert_eq!(at(&lex, "a bombshell", 1).as_deref(), Some("bombshell"));
        let lex = Lexicon::with_user(&[], &["bombshell".to_string()]);
        assert_eq!(at(&lex, "a bombshell", 1), None);
    }

    #[test]
    fn inflections_cover_regular_irregular_and_doubling() {
        let forms: Vec<String> = inflections("slam").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"slammed".to_string()) && forms.contains(&"slams".to_string()));
        let forms: Vec<String> = inflections("deny").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"denied".to_string()) && forms.contains(&"denies".to_string()));
        let forms: Vec<String> = inflections("argue").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"argued".to_string()) && forms.contains(&"arguing".to_string()));
        let forms: Vec<String> = inflections("say").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"said".to_string()) && forms.contains(&"says".to_string()));
    }
}
