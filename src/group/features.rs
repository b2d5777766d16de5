//! What an article is about, as countable features: content stems, names, numbers and the
//! stems of its lead.
//!
//! Stories of the same kind (two earthquakes, two rehab stays) share their topic vocabulary;
//! what tells them apart is who, where, how much and what happened. So besides the content
//! stems every similarity measure uses, an article also yields its names (capitalised words and
//! runs of them, e.g. `tara reid`), its numbers (`91`, `6.1`, `2013`) and the stems of its lead
//! (headline and first two sentences, where news states its event), which grouping weighs on
//! their own.
//!
//! This is the costly step of grouping (every word of every article passes through it), so it
//! scans text in one pass into reused buffers, and each worker thread keeps its own vocabulary
//! of feature ids, merged once at the end (see `vectors::intern`).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::timing::{self, Window};
use crate::text;

/// The kind of a feature; each kind gets its own weight in the similarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A content word's stem.
    Term,
    /// A capitalised word or a run of them (a person, place or organisation).
    Name,
    /// A number of at least two characters (ages, magnitudes, counts, years).
    Number,
    /// A content word's stem in the lead: the headline and the body's first sentences, where
    /// news states its event.
    Lead,
    /// A name word in the headline or lead: who the story is principally about (the event
    /// signature's actors). Names mentioned only in passing further down are not actors.
    Actor,
    /// The event a trigger word of the headline or lead names (`resign` for "resigns" and
    /// "quits"), from `assets/events/triggers.tsv`: what happened.
    Trigger,
}

impl Kind {
    /// Every kind, in index order.
    pub const ALL: [Kind; 6] = [
        Kind::Term,
        Kind::Name,
        Kind::Number,
        Kind::Lead,
        Kind::Actor,
        Kind::Trigger,
    ];
}

/// Role words ("president", "senator", "spokesman"): capitalised before a name, they say what
/// someone is, not who, and are no actors. The list `compare` reads for speakers' roles.
static ROLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| text::wordlist::parse(include_str!("../../assets/words/roles.txt")));

/// A word that can name an actor: not a role, month or weekday.
fn can_be_actor(key: &str) -> bool {
    ROLES.binary_search(&key).is_err()
        && !text::calendar::is_month_word(key)
        && !text::calendar::is_weekday_word(key)
}

/// The event trigger table: stem of a trigger word to the event it names.
static TRIGGERS: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
    include_str!("../../assets/events/triggers.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1) // the column header
        .filter_map(|l| l.split_once('\t'))
        .map(|(word, event)| (text::stem(word.trim()), event.trim()))
        .collect()
});

/// How many of the body's sentences belong to the lead.
const LEAD_SENTENCES: usize = 2;

/// One article's features: (local feature id, count in the headline, count in the body), in
/// order of first occurrence. Local ids belong to the [`Extractor`] that produced them.
pub type DocFeatures = Vec<(u32, f32, f32)>;

/// Titles and abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "capt", "cmdr", "col", "corp", "dr", "gen", "gov", "inc", "jr", "lt", "messrs", "mr", "mrs",
    "ms", "no", "prof", "rep", "rev", "sen", "sgt", "sr", "st", "vs",
];

/// A word of the text being scanned.
#[derive(Debug, Clone, Copy)]
struct Token {
    /// Byte range of its key in the key buffer.
    key_start: u32,
    key_end: u32,
    /// Id of its key in the extractor's key table (set after scanning).
    key: u32,
    /// Line number within its part (headline or body).
    line: u32,
    /// First word of a sentence (or line).
    initial: bool,
    /// Only spaces separate it from the previous word (they can form one name).
    joined: bool,
    /// Starts with a capital letter.
    capital: bool,
    /// Starts with a lower-case letter.
    lower: bool,
}

/// What the extractor knows about a word key, worked out once per distinct key.
#[derive(Debug, Clone, Copy)]
struct KeyInfo {
    /// Its stem's term feature; `None` for function words and numbers.
    term: Option<u32>,
    /// Its number feature; `None` unless it is a number of two or more characters.
    number: Option<u32>,
    /// Its feature as a name, once it has been seen as one.
    name: Option<u32>,
    /// Its stem's lead feature, once it has been seen in a lead.
    lead: Option<u32>,
    /// Its actor feature, once it has been seen as a name in a headline or lead.
    actor: Option<u32>,
    /// The trigger feature of the event it names, if it is a trigger word.
    trigger: Option<u32>,
    /// A title or abbreviation such as `Mr`: never part of a name.
    title: bool,
}

/// Per-article evidence about a key's case (bits of [`Extractor::case`]).
const CAPITAL_MID_SENTENCE: u8 = 1;
const WRITTEN_LOWER: u8 = 2;

/// Turns article text into feature counts. Holds a vocabulary of feature ids (local to this
/// extractor) and what it worked out about each distinct word, since a corpus repeats its
/// words: each word of the text costs one hash lookup.
#[derive(Default)]
pub struct Extractor {
    /// Local feature id by text, one map per kind.
    ids: [FxHashMap<String, u32>; Kind::ALL.len()],
    /// Number of features so far (the next local id).
    features: u32,
    /// Key id by word key, and what is known of each key.
    key_ids: FxHashMap<String, u32>,
    key_info: Vec<KeyInfo>,
    // Scratch, reused from article to article.
    counts: Vec<[f32; 2]>,
    touched: Vec<u32>,
    case: Vec<u8>,
    case_touched: Vec<u32>,
    keys: String,
    tokens: Vec<Token>,
    run: String,
}

impl Extractor {
    /// The features of an article's headline and body, counted apart, and the window of the
    /// latest date its text names (see [`timing::estimate`]).
    pub fn extract(&mut self, headline: &str, body: &str) -> (DocFeatures, Option<Window>) {
        let mut keys = std::mem::take(&mut self.keys);
        let mut tokens = std::mem::take(&mut self.tokens);
        keys.clear();
        tokens.clear();
        tokenize(headline, &mut keys, &mut tokens);
        let split = tokens.len();
        tokenize(body, &mut keys, &mut tokens);
        for t in &mut tokens {
            t.key = self.key_id(&keys[t.key_start as usize..t.key_end as usize]);
        }
        let window = timing::estimate(
            tokens
                .iter()
                .map(|t| &keys[t.key_start as usize..t.key_end as usize]),
        );
        let (head, body) = tokens.split_at(split);
        let title_case = [self.title_case_lines(head), self.title_case_lines(body)];
        for (toks, title_case) in [head, body].into_iter().zip(&title_case) {
            self.gather_case(toks, title_case);
        }
        for (part, (toks, title_case)) in [head, body].into_iter().zip(&title_case).enumerate() {
            self.add_part(toks, &keys, title_case, part);
        }
        for &k in &self.case_touched {
            self.case[k as usize] = 0;
        }
        self.case_touched.clear();
        let mut out = Vec::with_capacity(self.touched.len());
        for &id in &self.touched {
            let [h, b] = std::mem::take(&mut self.counts[id as usize]);
            out.push((id, h, b));
        }
        self.touched.clear();
        self.keys = keys;
        self.tokens = tokens;
        (out, window)
    }

    /// Kind and text of a local feature id.
    #[cfg(test)]
    pub fn feature(&self, id: u32) -> (Kind, &str) {
        Kind::ALL
            .into_iter()
            .find_map(|k| {
                self.ids[k as usize]
                    .iter()
                    .find(|&(_, &i)| i == id)
                    .map(|(s, _)| (k, s.as_str()))
            })
            .unwrap_or((Kind::Term, ""))
    }

    /// Give up the vocabulary: (kind, text) by local id.
    pub fn into_vocab(self) -> Vec<(Kind, String)> {
        let mut vocab = vec![(Kind::Term, String::new()); self.features as usize];
        for (kind, map) in Kind::ALL.into_iter().zip(self.ids) {
            for (text, id) in map {
                vocab[id as usize] = (kind, text);
            }
        }
        vocab
    }

    /// The id of a word key, working out its term and number features the first time.
    fn key_id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.key_ids.get(key) {
            return id;
        }
        let numeric = key.starts_with(|c: char| c.is_ascii_digit());
        let number = (numeric && text::is_number(key))
            .then(|| number_key(key))
            .flatten()
            .map(|n| self.feature_id(Kind::Number, &n));
        let mut trigger = None;
        let term = (!numeric && text::is_content(key)).then(|| {
            let stem = text::stem(key);
            if let Some(event) = TRIGGERS.get(&stem) {
                trigger = Some(self.feature_id(Kind::Trigger, event));
            }
            self.feature_id(Kind::Term, &stem)
        });
        let id = self.key_info.len() as u32;
        self.key_info.push(KeyInfo {
            term,
            number,
            name: None,
            lead: None,
            actor: None,
            trigger,
            title: ABBREVIATIONS.binary_search(&key).is_ok(),
        });
        self.case.push(0);
        self.key_ids.insert(key.to_string(), id);
        id
    }

    /// A word that can be part of a name: capitalised, with letters, not a function word or a
    /// title such as `Mr`.
    fn is_name_word(&self, t: &Token) -> bool {
        let info = &self.key_info[t.key as usize];
        t.capital && info.term.is_some() && !info.title
    }

    /// Per line of a part: true when most of its content words are capitalised (a headline in
    /// title case or capitals, or a credit line), where capitals say nothing about names.
    fn title_case_lines(&self, toks: &[Token]) -> Vec<bool> {
        let lines = toks.last().map_or(0, |t| t.line as usize + 1);
        let mut content = vec![0usize; lines];
        let mut caps = vec![0usize; lines];
        for t in toks {
            if self.key_info[t.key as usize].term.is_some() {
                content[t.line as usize] += 1;
                caps[t.line as usize] += usize::from(t.capital);
            }
        }
        content
            .iter()
            .zip(&caps)
            .map(|(&n, &c)| n >= 2 && c * 4 >= n * 3)
            .collect()
    }

    /// Note which keys the article capitalises mid-sentence (names, even where they start a
    /// sentence) and which it writes in lower case (common words, even when capitalised).
    fn gather_case(&mut self, toks: &[Token], title_case: &[bool]) {
        for t in toks.iter().filter(|t| !title_case[t.line as usize]) {
            let bit = if t.capital && !t.initial {
                CAPITAL_MID_SENTENCE
            } else if t.lower {
                WRITTEN_LOWER
            } else {
                continue;
            };
            let flags = &mut self.case[t.key as usize];
            if *flags == 0 {
                self.case_touched.push(t.key);
            }
            *flags |= bit;
        }
    }

    fn add_part(&mut self, toks: &[Token], keys: &str, title_case: &[bool], part: usize) {
        let mut run_len = 0usize;
        let mut sentences = 0usize;
        for (i, t) in toks.iter().enumerate() {
            sentences += usize::from(t.initial);
            let in_lead = part == 0 || sentences <= LEAD_SENTENCES;
            let case = self.case[t.key as usize];
            let name = !title_case[t.line as usize] && self.is_name_word(t) && {
                // A capital at a sentence start proves nothing by itself: the word must be
                // capitalised mid-sentence elsewhere, or open a run of names ("Tara Reid
                // said") and never be written in lower case.
                !t.initial
                    || case & CAPITAL_MID_SENTENCE != 0
                    || (case & WRITTEN_LOWER == 0
                        && toks
                            .get(i + 1)
                            .is_some_and(|n| n.joined && self.is_name_word(n)))
            };
            if !(name && t.joined) {
                self.flush_run(&mut run_len, part);
            }
            let info = self.key_info[t.key as usize];
            if name {
                let key = &keys[t.key_start as usize..t.key_end as usize];
                let id = match info.name {
                    Some(id) => id,
                    None => {
                        let id = self.feature_id(Kind::Name, key);
                        self.key_info[t.key as usize].name = Some(id);
                        id
                    }
                };
                self.bump(id, part);
                if run_len > 0 {
                    self.run.push(' ');
                }
                self.run.push_str(key);
                run_len += 1;
            }
            if let Some(id) = info.number.or(info.term) {
                self.bump(id, part);
            }
            // A title-case headline proves nothing by its capitals, but a word the body
            // capitalises mid-sentence and never writes in lower case is a name there too.
            let actor = name
                || (title_case[t.line as usize]
                    && self.is_name_word(t)
                    && case & CAPITAL_MID_SENTENCE != 0
                    && case & WRITTEN_LOWER == 0);
            if in_lead && actor {
                let id = match info.actor {
                    Some(id) => Some(id),
                    None => {
                        let key = &keys[t.key_start as usize..t.key_end as usize];
                        let id = can_be_actor(key).then(|| self.feature_id(Kind::Actor, key));
                        self.key_info[t.key as usize].actor = id;
                        id
                    }
                };
                if let Some(id) = id {
                    self.bump(id, part);
                }
            }
            // "Promises" the clinic names no event.
            if in_lead
                && !actor
                && let Some(id) = info.trigger
            {
                self.bump(id, part);
            }
            if in_lead && info.number.is_none() && info.term.is_some() {
                let id = match info.lead {
                    Some(id) => id,
                    None => {
                        let key = &keys[t.key_start as usize..t.key_end as usize];
                        let id = self.feature_id(Kind::Lead, &text::stem(key));
                        self.key_info[t.key as usize].lead = Some(id);
                        id
                    }
                };
                self.bump(id, part);
            }
        }
        self.flush_run(&mut run_len, part);
    }

    /// Count a run of two or more adjacent name words as one name (`betty ford center`).
    fn flush_run(&mut self, run_len: &mut usize, part: usize) {
        if *run_len >= 2 {
            let run = std::mem::take(&mut self.run);
            let id = self.feature_id(Kind::Name, &run);
            self.bump(id, part);
            self.run = run;
        }
        self.run.clear();
        *run_len = 0;
    }

    fn feature_id(&mut self, kind: Kind, s: &str) -> u32 {
        let map = &mut self.ids[kind as usize];
        if let Some(&id) = map.get(s) {
            return id;
        }
        let id = self.features;
        self.features += 1;
        map.insert(s.to_string(), id);
        self.counts.push([0.0; 2]);
        id
    }

    fn bump(&mut self, id: u32, part: usize) {
        let c = &mut self.counts[id as usize];
        if *c == [0.0; 2] {
            self.touched.push(id);
        }
        c[part] += 1.0;
    }
}

/// Split text into words (runs of letters and digits, joined by an apostrophe, a dot, or a
/// comma between digits: `won't`, `U.S`, `6.1`, `2,560`), appending each word's key (see
/// [`text::word_key`]) to `keys`.
fn tokenize(text: &str, keys: &mut String, out: &mut Vec<Token>) {
    let mut line = 0u32;
    let mut prev_end = 0usize;
    let mut prev_key = 0..0;
    let mut first = true;
    let n = text.len();
    let mut i = 0;
    while i < n {
        let (c, len) = char_at(text, i);
        i += len;
        if !is_alphanumeric(c) {
            continue;
        }
        let start = i - len;
        let mut end = i;
        let mut last = c;
        while i < n {
            let (d, dl) = char_at(text, i);
            if is_alphanumeric(d) {
                i += dl;
                end = i;
                last = d;
                continue;
            }
            let joins = match d {
                '\'' | '\u{2019}' | '.' => true,
                ',' => last.is_ascii_digit(),
                _ => false,
            };
            let continues = joins
                && i + dl < n
                && if d == ',' {
                    text.as_bytes()[i + dl].is_ascii_digit()
                } else {
                    is_alphanumeric(char_at(text, i + dl).0)
                };
            if !continues {
                break;
            }
            i += dl;
            last = d;
        }
        let gap = &text[prev_end..start];
        let newlines = gap.bytes().filter(|&b| b == b'\n').count() as u32;
        line += newlines;
        let after_abbreviation = || {
            let k = &keys[prev_key.clone()];
            (k.chars().count() == 1 && gap.starts_with('.'))
                || ABBREVIATIONS.binary_search(&k).is_ok()
        };
        let stop = gap
            .bytes()
            .any(|b| matches!(b, b'!' | b'?' | b':' | b';' | b'|'))
            || (gap.contains('.') && !after_abbreviation());
        let initial = first || newlines > 0 || stop;
        let joined = !first && !gap.is_empty() && gap.bytes().all(|b| b == b' ');
        let key_start = keys.len();
        push_key(&text[start..end], keys);
        prev_key = key_start..keys.len();
        out.push(Token {
            key_start: key_start as u32,
            key_end: keys.len() as u32,
            key: 0,
            line,
            initial,
            joined,
            capital: c.is_uppercase(),
            lower: c.is_lowercase(),
        });
        prev_end = end;
        first = false;
    }
}

/// The character at byte `i` of `text` and its length, with a fast path for ASCII.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        (b as char, 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Append the comparable form of a word, as [`text::word_key`] makes it, without allocating.
fn push_key(word: &str, keys: &mut String) {
    let start = keys.len();
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' => keys.push('\''),
            c if c.is_ascii() => keys.push(c.to_ascii_lowercase()),
            c => keys.extend(c.to_lowercase()),
        }
    }
    if keys[start..].ends_with("'s") {
        keys.truncate(keys.len() - 2);
    }
    let key = &keys[start..];
    if key.contains('.') && !key.bytes().any(|b| b.is_ascii_digit()) {
        let dotless: String = key.chars().filter(|&c| c != '.').collect();
        keys.truncate(start);
        keys.push_str(&dotless);
    }
}

/// The comparable form of a number: separators dropped; single digits are too common to tell
/// events apart and are left out.
fn number_key(word: &str) -> Option<String> {
    let key: String = word
        .trim_end_matches('.')
        .chars()
        .filter(|&c| c != ',')
        .collect();
    (key.len() >= 2).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(ex: &Extractor, doc: &DocFeatures, kind: Kind) -> Vec<String> {
        let mut v: Vec<String> = doc
            .iter()
            .map(|&(id, _, _)| ex.feature(id))
            .filter(|(k, _)| *k == kind)
            .map(|(_, s)| s.to_string())
            .collect();
        v.sort();
        v
    }

    fn count(ex: &Extractor, doc: &DocFeatures, kind: Kind, s: &str) -> Option<(f32, f32)> {
        doc.iter()
            .find(|&&(id, _, _)| ex.feature(id) == (kind, s))
            .map(|&(_, h, b)| (h, b))
    }

    #[test]
    fn names_are_capitalised_words_and_runs_not_sentence_starts() {
        let mut ex = Extractor::default();
        let body = "Lindsay Lohan has left the Betty Ford Center, her lawyer Mr. Holley said. \
                    Lohan checked in on Monday.\nThe actress is 26. Former child star.";
        let doc = ex.extract("", body).0;
        assert_eq!(
            of(&ex, &doc, Kind::Name),
            [
                "betty",
                "betty ford center",
                "center",
                "ford",
                "holley",
                "lindsay",
                "lindsay lohan",
                "lohan",
                "monday"
            ]
        );
        assert_eq!(of(&ex, &doc, Kind::Number), ["26"]);
        assert_eq!(count(&ex, &doc, Kind::Term, "actress"), Some((0.0, 1.0)));
        assert_eq!(count(&ex, &doc, Kind::Term, "the"), None);
    }

    #[test]
    fn title_case_headlines_give_terms_not_names() {
        let mut ex = Extractor::default();
        let doc = ex
            .extract(
                "Esther Williams Dies At 91",
                "Esther Williams, the swimming star, died on Thursday.",
            )
            .0;
        assert_eq!(count(&ex, &doc, Kind::Term, "die"), Some((1.0, 1.0)));
        assert_eq!(count(&ex, &doc, Kind::Number, "91"), Some((1.0, 0.0)));
        // "Esther" counts once, from the body; the headline's capitals prove nothing.
        assert_eq!(count(&ex, &doc, Kind::Name, "esther"), Some((0.0, 1.0)));
        assert_eq!(count(&ex, &doc, Kind::Name, "dies"), None);
    }

    #[test]
    fn the_lead_is_the_headline_and_two_sentences() {
        let mut ex = Extractor::default();
        let doc = ex
            .extract(
                "Quake hits Sumatra",
                "Rescuers searched homes. Power failed. Schools reopened on Monday.",
            )
            .0;
        for stem in ["quak", "rescuer", "power"] {
            assert!(count(&ex, &doc, Kind::Lead, stem).is_some(), "{stem}");
        }
        assert_eq!(count(&ex, &doc, Kind::Lead, "school"), None);
        assert_eq!(count(&ex, &doc, Kind::Term, "school"), Some((0.0, 1.0)));
    }

    #[test]
    fn abbreviations_are_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn numbers_drop_separators_and_single_digits() {
        let mut ex = Extractor::default();
        let doc = ex
            .extract("", "A 6.1 quake killed 2,560 people in 3 towns.")
            .0;
        assert_eq!(of(&ex, &doc, Kind::Number), ["2560", "6.1"]);
    }

    #[test]
    fn words_and_keys_agree_with_the_text_module() {
        let s = "Russia\u{2019}s U.S. envoy won\u{2019}t pay $1.3 million, or 2,560 \u{00C9}lan-dollars.";
        let mut keys = String::new();
        let mut toks = Vec::new();
        tokenize(s, &mut keys, &mut toks);
        let ours: Vec<&str> = toks
            .iter()
            .map(|t| &keys[t.key_start as usize..t.key_end as usize])
            .collect();
        let theirs: Vec<String> = text::words(s)
            .iter()
            .map(|w| text::word_key(w.text))
            .collect();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn local_ids_are_shared_across_articles_of_one_extractor() {
        let mut ex = Extractor::default();
        let a = ex.extract("", "Quake hits Lake County.").0;
        let b = ex.extract("", "Another quake.").0;
        let quake = |d: &DocFeatures| {
            d.iter()
                .find(|&&(id, _, _)| ex.feature(id).1 == "quak")
                .map(|x| x.0)
        };
        assert_eq!(quake(&a), quake(&b));
        assert!(quake(&a).is_some());
    }
}
