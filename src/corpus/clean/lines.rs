//! What one line is, judged by its own shape and words: page furniture (credits, bylines,
//! timestamps, promos, disclaimers, links, interface words) or a metadata line.
//!
//! Every test here is about the *form* of a line (its length, its punctuation, a label before a
//! colon, a call to action at its end), in vocabulary that news sites share, so the rules carry
//! over to outlets they were never shown.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::corpus::dates::{DateKind, parse_date};
use crate::text::{calendar, wordlist};

/// Number of white-space separated words (ASCII white space: cleaning has already turned
/// every other kind of space into a plain one).
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let space = b.is_ascii_whitespace();
        if !space && !in_word {
            n += 1;
        }
        in_word = !space;
    }
    n
}

/// True when a line ends as a sentence does: `.`, `!`, `?`, `…`, possibly followed by closing
/// quotes or brackets.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ', '*']);
    t.ends_with(['.', '!', '?', '…']) || t.ends_with("[…]") || t.ends_with("[...]")
}

/// True when a line ends where a sentence cannot be cut: terminal punctuation, or a colon or
/// closing quote that ends a lead-in.
pub fn ends_clause(s: &str) -> bool {
    ends_sentence(s) || s.trim_end().ends_with([':', '"', '”', '’', ';'])
}

/// A line of running prose: a real sentence, long enough that it is text rather than a label.
pub fn is_prose(s: &str) -> bool {
    word_count(s) >= 8 && ends_sentence(s)
}

/// True for words written with a capital (names, title-case headings) or digits.
fn capitalised(w: &str) -> bool {
    let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Small words that title case leaves in lower case.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "de", "for", "from", "in", "into", "of", "on", "or",
    "over", "the", "to", "via", "vs", "with", "up", "after", "amid", "against", "out",
];

/// Share of the significant words of a line written with a capital (1.0 for "Lindsay Lohan
/// Checks Into Rehab").
pub fn title_case_ratio(s: &str) -> f64 {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| !MINOR_WORDS.contains(&w.to_lowercase().as_str()))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    words.iter().filter(|w| capitalised(w)).count() as f64 / words.len() as f64
}

/// A line shaped like a headline or a subheading: short, starting with a capital, not ending
/// like a clause that continues. A period is allowed only on title-case lines.
pub fn is_headline_like(s: &str) -> bool {
    let n = word_count(s);
    if n == 0 || n > 25 || s.chars().count() > 220 {
        return false;
    }
    let first = s.trim_start_matches(['"', '\'', '“', '‘', '(', '[']);
    if !first
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let t = s.trim_end();
    if t.ends_with([',', ';', ':', '-', '–', '—']) {
        return false;
    }
    if t.ends_with('.') {
        return n >= 3 && title_case_ratio(s) >= 0.6;
    }
    true
}

/// What a metadata line says.
#[derive(Debug, Clone, PartialEq)]
pub enum MetaLine {
    /// A date of some kind (not necessarily parseable).
    Date(DateKind, Option<NaiveDate>),
    /// The outlet or publisher.
    Source(String),
    /// The author(s).
    Byline,
    /// The headline, labelled as such.
    Title(String),
    /// The original address.
    Url(String),
    /// Category, tags, section, word count and other export fields.
    Other,
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<label>[A-Za-z][A-Za-z .'/-]{0,28}?)\s*:\s*(?P<value>.*)$")
        .expect("valid regex")
});

/// Labels of metadata lines, as written by CMS templates, news databases (LexisNexis, Factiva)
/// and scrapers.
fn label_kind(label: &str) -> Option<LabelKind> {
    let l = label.trim().to_lowercase().replace(['-', '_'], " ");
    let kind = match l.as_str() {
        "published" | "published on" | "publication date" | "date published" | "posted"
        | "posted on" | "pubdate" | "pub date" | "first published" | "release date"
        | "released" | "story created" | "created" | "published date" => {
            LabelKind::Date(DateKind::Published)
        }
        "date" | "dateline" | "time" => LabelKind::Date(DateKind::Dateline),
        "updated" | "last updated" | "modified" | "last modified" | "updated on"
        | "date modified" | "edited" => LabelKind::Date(DateKind::Updated),
        "document date" | "load date" | "retrieved" | "retrieved on" | "accessed"
        | "accessed on" | "crawled" | "crawl date" | "downloaded" | "saved" | "scraped"
        | "fetched" | "captured" => LabelKind::Date(DateKind::Document),
        "source" | "sources" | "publisher" | "publication" | "outlet" | "site" | "newspaper"
        | "news source" | "media" | "source name" => LabelKind::Source,
        "author" | "authors" | "by" | "byline" | "writer" | "written by" | "reporter"
        | "reported by" | "posted by" | "contributor" | "contributors" | "editor" | "editors"
        | "edited by" | "web editor" | "responsible editor" | "chief editor" | "translator"
        | "translated by" => LabelKind::Byline,
        "title" | "headline" => LabelKind::Title,
        "url" | "link" | "original url" | "permalink" | "canonical" | "source url"
        | "original link" | "web link" => LabelKind::Url,
        "category" | "categories" | "tags" | "tag" | "section" | "sections" | "topic"
        | "topics" | "keywords" | "keyword" | "filed under" | "language" | "length"
        | "word count" | "words" | "publication type" | "type" | "journal code" | "graphic"
        | "copyright" | "rights" | "subject" | "geographic" | "document" | "document id"
        | "doc id" | "edition" | "region" | "country" | "industry" | "organization" | "company"
        | "companies" | "ticker" | "tickers" | "reading time" | "read time"
        | "est. reading time" | "views" | "comments" | "share" | "share this"
        | "share this article" | "follow" | "follow us" | "print" | "email" => LabelKind::Other,
        _ => return None,
    };
    Some(kind)
}

#[derive(Debug, Clone, Copy)]
enum LabelKind {
    Date(DateKind),
    Source,
    Byline,
    Title,
    Url,
    Other,
}

static SOURCE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:sources?|publisher|via)\s+(?P<name>\S.*)$").expect("valid regex")
});
static BYLINE_TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?(?i:(?:additional )?reporting|writing|editing|edited|compiled|translated|produced|written|graphics|research|fact-checking|fact checking|with reporting) by\s+[A-Z]")
        .expect("valid regex")
});
static AUTHOR_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:by|author|authors|written by|posted by|reported by|words by|story by)\s+)(?P<name>\S.*)$")
        .expect("valid regex")
});

/// Read a line as a metadata line: a known label before a colon with a short value
/// ("Published on March 11, 2025" also counts), "Source Cryptopolitan", "By Jane Doe".
pub fn meta_line(s: &str) -> Option<MetaLine> {
    if s.len() > 250 || word_count(s) > 24 {
        return None;
    }
    if let Some(c) = LABEL.captures(s) {
        let value = c["value"].trim();
        if let Some(kind) = label_kind(&c["label"]) {
            return match kind {
                LabelKind::Date(k) if word_count(value) <= 16 => {
                    Some(MetaLine::Date(k, parse_date(value)))
                }
                LabelKind::Source if is_name(value, 5) => {
                    Some(MetaLine::Source(value.trim_end_matches('.').to_string()))
                }
                LabelKind::Byline if word_count(value) <= 10 && !ends_sentence(value) => {
                    Some(MetaLine::Byline)
                }
                LabelKind::Title if !value.is_empty() => Some(MetaLine::Title(value.to_string())),
                LabelKind::Url if value.starts_with("http") && !value.contains(' ') => {
                    Some(MetaLine::Url(value.to_string()))
                }
                LabelKind::Other if word_count(value) <= 15 => Some(MetaLine::Other),
                _ => None,
            };
        }
    }
    if let Some(kind) = timestamp_kind(s) {
        return Some(MetaLine::Date(kind, parse_date(s)));
    }
    if let Some(c) = SOURCE_WORD.captures(s) {
        let name = c["name"].trim();
        if is_name(name, 5) && !ends_sentence(name) {
            return Some(MetaLine::Source(name.to_string()));
        }
    }
    if let Some(c) = AUTHOR_WORD.captures(s)
        && is_name_list(&c["name"])
    {
        return Some(MetaLine::Byline);
    }
    // Wire trailers: "Reporting by Dmitry Antonov; Editing by Andrew Osborn".
    if BYLINE_TRAILER.is_match(s) && word_count(s) <= 30 {
        return Some(MetaLine::Byline);
    }
    None
}

/// A short proper name: at most `max` words, the first capitalised, no sentence inside.
fn is_name(s: &str, max: usize) -> bool {
    let n = word_count(s);
    n >= 1 && n <= max && capitalised(s) && !s.contains(". ") && !s.contains(['?', '!'])
}

/// One or more person names as a byline gives them: "Jane Doe", "Jane Doe and John Roe, AP",
/// "Anna Smith | Reuters". Every significant word is capitalised.
fn is_name_list(s: &str) -> bool {
    let s = s.trim();
    let n = word_count(s);
    if n == 0 || n > 12 || s.ends_with(['!', '?', ':', ';']) {
        return false;
    }
    // A name may end with an abbreviation ("Jr.", "Inc."), not with a sentence.
    if s.ends_with('.') {
        let last = s.split_whitespace().last().unwrap_or("");
        if last.trim_end_matches('.').chars().count() > 3 {
            return false;
        }
    }
    s.split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "and"
                    | "de"
                    | "van"
                    | "von"
                    | "der"
                    | "in"
                    | "for"
                    | "of"
                    | "the"
                    | "with"
                    | "da"
                    | "al"
                    | "el"
                    | "bin"
                    | "via"
                    | "staff"
                    | "writer"
                    | "reporter"
                    | "correspondent"
                    | "editor"
                    | "la"
                    | "le"
                    | "du"
                    | "dos"
                    | "das"
            )
        })
        .all(capitalised)
}

/// Words that may make up a line that is only a date or time: "May 2, 2013, 1:12 PM",
/// "Updated 4:08 p.m. ET", "18 hours ago", "Feb 24, Mon", "Yesterday 02: 17".
fn timestamp_word(w: &str) -> TsWord {
    let lw = w.to_lowercase();
    let lw = lw.trim_matches(|c: char| !c.is_alphanumeric());
    if lw.is_empty() {
        return TsWord::Filler;
    }
    if lw
        .chars()
        .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        || lw
            .strip_suffix("st")
            .or_else(|| lw.strip_suffix("nd"))
            .or_else(|| lw.strip_suffix("rd"))
            .or_else(|| lw.strip_suffix("th"))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        || (lw.ends_with("am") || lw.ends_with("pm"))
            && lw[..lw.len() - 2]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':')
    {
        return TsWord::Number;
    }
    if calendar::is_month_word(lw) || calendar::is_weekday_word(lw) {
        return TsWord::Date;
    }
    match lw {
        "yesterday" | "today" | "ago" | "now" => TsWord::Date,
        "am" | "pm" | "a" | "p" | "m" | "et" | "est" | "edt" | "ct" | "cst" | "cdt" | "mt"
        | "mst" | "mdt" | "pt" | "pst" | "pdt" | "akdt" | "akst" | "gmt" | "utc" | "bst"
        | "cet" | "cest" | "eet" | "eest" | "msk" | "ist" | "jst" | "kst" | "aest" | "aedt"
        | "sgt" | "hkt" | "z" | "hours" | "hour" | "hrs" | "hr" | "h" | "minutes" | "minute"
        | "mins" | "min" | "seconds" | "second" | "secs" | "sec" | "days" | "day" | "weeks"
        | "week" | "months" | "month" | "years" | "year" | "just" | "on" | "at" | "of" | "the"
        | "last" | "first" | "story" | "date" | "time" | "local" | "an" => TsWord::Filler,
        "updated" | "update" | "modified" | "edited" | "revised" => TsWord::Updated,
        "published" | "posted" | "created" | "released" => TsWord::Published,
        _ => TsWord::Other,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TsWord {
    Number,
    Date,
    Filler,
    Updated,
    Published,
    Other,
}

/// When a line is nothing but a date or time, which kind of date it gives.
pub fn timestamp_kind(s: &str) -> Option<DateKind> {
    if s.len() > 120 {
        return None;
    }
    let words: Vec<&str> = s
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '|' | '/' | '-' | '–' | '—' | '•' | '(' | ')')
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    let kinds: Vec<TsWord> = words.iter().map(|w| timestamp_word(w)).collect();
    if kinds.contains(&TsWord::Other) {
        return None;
    }
    let dated = kinds.iter().filter(|k| **k == TsWord::Date).count();
    let numbers = kinds.iter().filter(|k| **k == TsWord::Number).count();
    if numbers == 0 {
        return None;
    }
    // Without a month or weekday it takes a clock time, "ago" or a numeric date (three
    // numbers): a lone number is a page number, "20-13" a score.
    if dated == 0 && numbers < 3 && !s.contains(':') && !s.to_lowercase().contains("ago") {
        return None;
    }
    Some(if kinds.contains(&TsWord::Updated) {
        DateKind::Updated
    } else if kinds.contains(&TsWord::Published) {
        DateKind::Published
    } else {
        DateKind::Dateline
    })
}

/// A photo or image credit standing on its own line: "Sergei Ilnitsky | Via Reuters",
/// "Charly Triballeau | Afp | Getty Images", "Photo: AP", "(Photo by Jane Doe/Getty Images)",
/// "Source: The Washington Post".
pub fn is_credit(s: &str) -> bool {
    if s.len() > 160 {
        return false;
    }
    let n = word_count(s);
    if n == 0 || n > 14 || ends_sentence(s) {
        return false;
    }
    if s.contains('|') {
        let parts: Vec<&str> = s.split('|').map(str::trim).collect();
        if parts.len() >= 2
            && parts.iter().all(|p| {
                !p.is_empty()
                    && word_count(p) <= 6
                    && !p.contains(|c: char| c.is_ascii_digit() || c == ':')
                    && is_name_list(p)
            })
        {
            return true;
        }
    }
    if CREDIT_PREFIX.is_match(s) {
        return true;
    }
    n <= 10 && CREDIT_AGENCY.is_match(&s.to_lowercase()) && is_name_list(s)
}

static CREDIT_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?(?i:photo(?:graph)?s?|image|images|picture|pic|illustration|video|graphic|credit|photo credit|image credit|image source|picture credit|source|file photo|header image|featured image|cover image)\s*(?::|,|by\b|credit\b|courtesy\b|/)\s*\S")
        .expect("valid regex")
});
static CREDIT_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"getty images|shutterstock|ap photo|afp photo|reuters/|/reuters|/afp|afp/|/ap\b|epa-efe|/epa|anadolu agency/|via reuters|via ap\b|via getty|/sipa|sputnik/|tass/|/tass|xinhua/|/xinhua|pool photo|handout")
        .expect("valid regex")
});

/// A credit glued to the end of a line ("... in Riyadh. Source: The Washington Post",
/// "... in Moscow. Photograph: Alexander Kazakov/AP", "... January 12, 2025.
/// REUTERS/Evgenia Novozhenina"): where the credit starts, and whether it credits a photo
/// (which makes the line a caption) rather than naming a source (which a paragraph of
/// news text may do).
pub fn trailing_credit(s: &str) -> Option<(usize, bool)> {
    if s.len() > 1200 {
        return None;
    }
    let (credit, photo) = if let Some(c) = TRAILING_CREDIT.captures(s) {
        let label = c.name("label")?.as_str().to_ascii_lowercase();
        (c.name("credit")?, label != "source")
    } else {
        (TRAILING_AGENCY.captures(s)?.name("credit")?, true)
    };
    let tail = &s[credit.start()..];
    (word_count(tail) <= 9 && credit.start() > 0).then_some((credit.start(), photo))
}

static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.!?…)”\x22]\s+(?P<credit>\(?(?P<label>Source|Photo|Photos|Photograph|Image|Picture|Credit|Photo credit|Image credit|Image source|Illustration|Photo illustration)\s*(?::|,|by\b|/)\s*[A-Z@][^.!?]*?\)?)\s*$")
        .expect("valid regex")
});
static TRAILING_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.!?…)”\x22]\s+(?P<credit>\(?(?:REUTERS|Reuters|AFP|AP Photo|AP|EPA|EPA-EFE|Xinhua|XINHUA|TASS|Sputnik|SPUTNIK|Anadolu Agency|ANADOLU|Getty Images|Bloomberg|Pool)(?:/[^/\s][^/]*?){1,3}\)?)\s*$")
        .expect("valid regex")
});

static CAPTION_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:image caption|photo caption|media caption|caption|file photo|pictured|in pictures|above|top photo|main photo|main image|photo)\s*[:,]|FILE\s*[-–—:])\s*\S")
        .expect("valid regex")
});

/// A line that announces itself as a caption ("Image caption, ...", "FILE PHOTO: ...").
pub fn is_labelled_caption(s: &str) -> bool {
    s.len() <= 1200 && CAPTION_PREFIX.is_match(s) && word_count(s) > 3
}

/// Present-tense verbs of photo captions ("Putin speaks with Peskov ...", "Officials meet ..."):
/// captions describe the picture in the present, news text tells events in the past.
static CAPTION_VERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| wordlist::parse(include_str!("../../../assets/words/caption_verbs.txt")));

/// Words after which a caption verb is really a noun ("the talks", "two votes").
const NOUN_BEFORE: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "for", "with", "to", "by", "from", "his", "her",
    "their", "its", "our", "these", "those", "this", "that", "several", "many", "some", "no",
    "peace", "new", "more", "fresh", "further", "direct", "two", "three", "four",
];

/// A line that reads like a photo caption: a present-tense description of a picture, often
/// with the place and full date it was taken ("... in Osaka, Japan, on June 28, 2019.").
pub fn is_caption_like(s: &str, max_words: usize) -> bool {
    let n = word_count(s);
    if n < 4 || n > max_words {
        return false;
    }
    let lower = s.to_lowercase();
    if lower.starts_with("file photo")
        || lower.starts_with("file:")
        || lower.starts_with("in this ") && lower.contains("photo")
    {
        return true;
    }
    let head: Vec<String> = s
        .split_whitespace()
        .take(25)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    // Reporting ("said", "told") is the news text's voice, not a caption's.
    if head
        .iter()
        .any(|w| matches!(w.as_str(), "said" | "says" | "told" | "added" | "according"))
    {
        return false;
    }
    // The verb follows its subject ("Putin speaks", "officials meet"), not an article or a
    // preposition ("the talks", "of votes"), which makes it a noun.
    let verb = head.iter().enumerate().any(|(i, w)| {
        i > 0
            && CAPTION_VERBS.contains(&w.as_str())
            && !NOUN_BEFORE.contains(&head[i - 1].as_str())
            && !head[i - 1].chars().all(|c| c.is_ascii_digit())
    });
    let markers = [
        "(l)",
        "(r)",
        "(c)",
        "(l-r)",
        "(left)",
        "(right)",
        "(center)",
        "left to right",
        "from left",
    ];
    let positional = markers.iter().any(|m| lower.contains(m));
    let dated = CAPTION_DATE.is_match(s);
    verb || positional || dated && n <= 45
}

static CAPTION_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d\.?\s*$|\bon\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d\b")
        .expect("valid regex")
});

/// Calls to action that end promotional lines ("... Register Now", "Sign up here").
static CTA_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:register|sign up|subscribe|join|learn more|read more|find out more|find out|click here|tap here|download|get started|buy|shop|try it|start trading|book|apply|watch|listen|get the app|get it|order|claim|discover more|see more|continue reading|read the full story|read full article|read the full article|more here|see details|sign in|log in)(?:\s+(?:now|here|today|free|for free|for more|the app|us|it))?\s*[!.>»→]*$")
        .expect("valid regex")
});
static PROMO_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:sponsored|sponsored content|advertisement|advertising|promoted|partner content|paid content|paid post|presented by|brought to you by|in partnership with)\s*(?:[:|–—-]|$)")
        .expect("valid regex")
});
static PROMO_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:subscribe to (?:our|the)\b|sign up (?:for|to) (?:our|the)\b.*\bnewsletter|newsletter sign[ -]?up|follow us on\b|join (?:our|us on)\b.*\b(?:telegram|discord|whatsapp|channel|community)|download (?:our|the) (?:\S+ ){0,4}app\b|get (?:our|the) (?:\S+ ){0,4}app\b|enable javascript|javascript is (?:disabled|required)|share (?:this|on) (?:article|story|post|facebook|twitter|x|linkedin|whatsapp)|(?:like|follow) us on (?:facebook|twitter|x|instagram)|we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|turn on (?:desktop )?notifications|support (?:our|independent) journalism|become a (?:member|subscriber|patron)|already a subscriber|create (?:a )?free account|unlock (?:this|unlimited)|you have \d+ free articles?)")
        .expect("valid regex")
});

static CLICK_OR_FOLLOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:click here|tap here|follow (?:\S+ ){0,3}on (?:twitter|x|facebook|instagram|threads|bluesky|truth social|telegram|tiktok|youtube|linkedin|google news)\b|(?:you can )?follow (?:\S+ ){0,3}@\w+)")
        .expect("valid regex")
});

/// An advertisement, a promotion or a call to subscribe, follow or share.
pub fn is_promo(s: &str) -> bool {
    if s.len() > 400 {
        return false;
    }
    let n = word_count(s);
    if n == 0 {
        return false;
    }
    if n <= 40 && PROMO_ANYWHERE.is_match(s) {
        return true;
    }
    if n <= 6 && PROMO_START.is_match(s) && !ends_sentence(s) {
        return true;
    }
    if n <= 20 && CLICK_OR_FOLLOW.is_match(s) {
        return true;
    }
    // A call to action, as a button label: the whole line, or after the sentence before it
    // ("... build steady passive income. Register Now").
    if n > 45 || s.trim_end().ends_with(['.', '?', '"', '”']) {
        return false;
    }
    CTA_END.find(s).is_some_and(|m| {
        let before = s[..m.start()].trim_end();
        before.is_empty() || before.ends_with(['.', '?', '!', ':', '|', '–', '—', '-', '»', '›'])
    })
}

static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:disclaimer|legal disclaimer|risk warning|risk disclosure|important notice|editorial disclaimer)\b|for (?:informational|information|educational) purposes only|not (?:intended as |to be construed as )?(?:financial|investment|legal) advice|past performance is not (?:indicative|a guarantee|an indicator)|do(?:es)? not necessarily (?:reflect|represent) the (?:views|opinions|position)|views expressed (?:in this|here|are)|all rights reserved|^©|^copyright\s*(?:©|\(c\)|(?:19|20)\d\d|by\b)|\(c\) (?:19|20)\d\d|may not be (?:published|reproduced|redistributed|rewritten)|^(?:this (?:article|story|post|piece) (?:was )?(?:originally|first)|originally) (?:published|appeared) (?:on|in|at|by)\b|contact us for (?:subscription|licensing|syndication)|this (?:article|story|content) (?:was|has been) (?:produced|generated|written|translated) (?:by|with|using) (?:ai|an ai|artificial intelligence|a machine)")
        .expect("valid regex")
});

/// A disclaimer, a copyright line or a rights notice.
pub fn is_disclaimer(s: &str) -> bool {
    s.len() <= 600 && word_count(s) <= 80 && DISCLAIMER.is_match(s)
}

static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\(([^)]*)\)").expect("valid regex"));
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.)\S+").expect("valid regex"));
static STRONG_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:read more|read also|also read|related|related articles?|related stories|related content|related coverage|see also|more on this(?: story)?|recommended(?: for you)?|you may also like|you might also like|more stories|most read|most popular|further reading|editor'?s picks?|more from \S+)\s*[:>»|–—-]")
        .expect("valid regex")
});
static WEAK_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:read|watch|watch now|listen|view|show|open|more|latest|trending|top stories)\s*(?:on website|on the website|in browser|in app|original|the original)?\s*[:>»|–—-]")
        .expect("valid regex")
});

/// A line that only points elsewhere: a bare address, markdown links with little else,
/// "Show on website : [Click Here](#)", "Read more: ...", "Related: ...".
pub fn is_link_line(s: &str) -> bool {
    let n = word_count(s);
    if n == 0 {
        return false;
    }
    let linked = s.contains("](") || s.contains("http") || s.contains("www.");
    if !linked {
        return n <= 25 && (STRONG_LEAD.is_match(s) || WEAK_LEAD.is_match(s) && !ends_sentence(s));
    }
    let without_links = MD_LINK.replace_all(s, "$1");
    let has_md_link = without_links.len() != s.len();
    let bare = URL.replace_all(&without_links, "");
    let rest = word_count(&bare);
    if has_md_link && (rest <= 6 || MD_LINK.find_iter(s).count() * 4 >= n) {
        return true;
    }
    if URL.is_match(s) && rest <= 3 {
        return true;
    }
    n <= 25 && (STRONG_LEAD.is_match(s) || WEAK_LEAD.is_match(s) && !ends_sentence(s))
}

/// Interface words common to news sites, shown on their own line by scrapers.
static UI_PHRASES: LazyLock<Vec<&str>> =
    LazyLock::new(|| wordlist::parse(include_str!("../../../assets/words/ui_phrases.txt")));

/// A lone interface word or control label ("goTop", "placeholder", "Advertisement", "Share"),
/// a row of them ("Share Tweet Email"), or a line of ornaments with no words at all.
pub fn is_interface(s: &str) -> bool {
    if s.len() > 80 {
        return false;
    }
    let t = s
        .trim()
        .trim_end_matches([':', '.', '!', '»', '›', '>', '…'])
        .trim();
    if !t.chars().any(char::is_alphanumeric) {
        return true;
    }
    let lower = t.to_lowercase();
    let n = word_count(t);
    if n <= 4 && UI_PHRASES.contains(&lower.as_str()) {
        return true;
    }
    // A row of buttons: every word an interface word.
    if (2..=8).contains(&n)
        && lower
            .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•'))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .all(|w| UI_PHRASES.contains(&w) && w.len() > 1)
    {
        return true;
    }
    // Counters such as "12 comments", "3 min read", "1.2K shares".
    COUNTER.is_match(&lower)
}

static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[\d.,]+\s*[km]?\s*(?:comments?|shares?|views?|likes?|min(?:ute)?s? read|reads?|reactions?)|list (?:\d+ )?of \d+(?: items?)?)$")
        .expect("valid regex")
});

/// A single token written as code or markup names it, not as prose: all lower case
/// ("placeholder", "quote") or camelCase ("goTop"). On its own line, next to text that does
/// not continue into it, it is a template leftover.
pub fn is_code_token(s: &str) -> bool {
    let t = s.trim();
    if t.contains(char::is_whitespace) || t.is_empty() || t.len() > 30 {
        return false;
    }
    let mut chars = t.chars();
    let first = chars.next().unwrap_or(' ');
    first.is_ascii_lowercase()
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_lines_of_a_snippet_page() {
        assert_eq!(
            meta_line("Published on March 11, 2025"),
            Some(MetaLine::Date(
                DateKind::Published,
                NaiveDate::from_ymd_opt(2025, 3, 11)
            ))
        );
        assert_eq!(
            meta_line("Document Date: Wed, Dec 31 2025 12:35:16 pm"),
            Some(MetaLine::Date(
                DateKind::Document,
                NaiveDate::from_ymd_opt(2025, 12, 31)
            ))
        );
        assert_eq!(
            meta_line("Category: ,English,International - ,Snippets"),
            Some(MetaLine::Other)
        );
        assert_eq!(
            meta_line("Sources Anadolu Ajansı"),
            Some(MetaLine::Source("Anadolu Ajansı".into()))
        );
        assert_eq!(
            meta_line("Source Cryptopolitan"),
            Some(MetaLine::Source("Cryptopolitan".into()))
        );
        assert_eq!(
            meta_line("Source: Reuters"),
            Some(MetaLine::Source("Reuters".into()))
        );
        assert_eq!(
            meta_line("Load-Date: March 12, 2025"),
            Some(MetaLine::Date(
                DateKind::Document,
                NaiveDate::from_ymd_opt(2025, 3, 12)
            ))
        );
        assert_eq!(meta_line("Length: 523 words"), Some(MetaLine::Other));
        assert_eq!(meta_line("Byline: Jane Doe"), Some(MetaLine::Byline));
        assert_eq!(
            meta_line("By Jane Doe and John Roe, Reuters"),
            Some(MetaLine::Byline)
        );
        assert_eq!(meta_line("Author  Cryptopolitan"), Some(MetaLine::Byline));
    }

    #[test]
    fn sentences_are_not_metadata() {
        for s in [
            "By rolling back this eleventh-hour regulation, we are ensuring that species are protected.",
            "By Monday, the team had left the city.",
            "Source of the leak remains unknown, officials said on Friday.",
            "Notes: Chiefs WR Terrance Copper (left knee) and DT Tyson Jackson (left foot) left with injuries.",
            "Date night turned into a nightmare for the couple.",
            "Sources said the meeting would take place in Riyadh next week.",
            "He was 75.",
            "On Monday.",
        ] {
            assert_eq!(meta_line(s), None, "{s}");
        }
    }

    #[test]
    fn timestamps_in_their_many_shapes() {
        for s in [
            "May 2, 2013, 1:12 PM",
            "Updated 4:08 p. m. ET",
            "11 / 30 / 09 05:40 PM ET",
            "Feb 24, Mon",
            "Yesterday 02: 17",
            "18 hours ago",
            "3 hours ago",
            "TUESDAY, OCTOBER 11, 2011",
            "Tuesday 28 April 2009 22. 34 BST",
            "Story Created: Aug 7, 2012 at 9:56 AM AKDT",
            "May 3rd, 2013 2: 00pm EDT",
            "First published on Tue 25 Feb 2025 10.04 GMT",
            "Last modified on Tue 25 Feb 2025 12.30 GMT",
        ] {
            assert!(timestamp_kind(s).is_some(), "{s}");
        }
        assert_eq!(
            timestamp_kind("Updated 4:08 p. m. ET"),
            Some(DateKind::Updated)
        );
        assert_eq!(
            timestamp_kind("Posted Oct 26, 2011 8:57 AM CDT"),
            Some(DateKind::Published)
        );
        for s in [
            "2018",
            "He was 75.",
            "Trust me.",
            "March on Washington",
            "The 2020 election",
        ] {
            assert_eq!(timestamp_kind(s), None, "{s}");
        }
    }

    #[test]
    fn photo_credits() {
        for s in [
            "Sergei Ilnitsky | Via Reuters",
            "Kevin Lamarque | Reuters",
            "Charly Triballeau | Afp | Getty Images",
            "Photo: AP",
            "(Photo by Jane Doe/Getty Images)",
            "Source: The Washington Post",
            "Image credit: Shutterstock",
            "Mikhail Metzel/TASS",
            "AFP via Getty Images",
        ] {
            assert!(is_credit(s), "{s}");
        }
        for s in [
            "Alignment in the background",
            "Putin told Russian state media correspondent Pavel Zarubin late on Monday that the deal was near.",
            "He added: \"We will see.\"",
            "Economic fallout and geopolitical winners",
        ] {
            assert!(!is_credit(s), "{s}");
        }
    }

    #[test]
    fn captions_with_trailing_credits() {
        let s = "U.S. officials meet with Russian Foreign Minister Sergei Lavrov in Riyadh, Saudi Arabia, over the war in Ukraine. Source: The Washington Post";
        let (at, photo) = trailing_credit(s).unwrap();
        assert_eq!(&s[at..], "Source: The Washington Post");
        assert!(!photo, "a source may be named after news text too");
        assert!(is_caption_like(&s[..at], 70));
        let g = "Vladimir Putin at a meeting in Moscow. Photograph: Alexander Kazakov/AP";
        let (at, photo) = trailing_credit(g).unwrap();
        assert_eq!(&g[at..], "Photograph: Alexander Kazakov/AP");
        assert!(photo);
        let r = "Russian President Vladimir Putin attends a meeting in Moscow, Russia, January 12, 2025. REUTERS/Evgenia Novozhenina/File Photo";
        assert_eq!(
            trailing_credit(r).map(|(at, p)| (&r[at..], p)),
            Some(("REUTERS/Evgenia Novozhenina/File Photo", true))
        );
        let ap = "Protesters march toward the Capitol on Saturday. (AP Photo/Jose Luis Magana)";
        assert!(trailing_credit(ap).is_some_and(|(_, p)| p));
        assert_eq!(
            trailing_credit("Unemployment rose to 6.2 percent in January, figures showed."),
            None
        );
        assert_eq!(
            trailing_credit("The source: a senior official who spoke to us."),
            None
        );
        assert_eq!(
            trailing_credit("Officials said the talks were productive."),
            None
        );
    }

    #[test]
    fn labelled_captions() {
        assert!(is_labelled_caption(
            "Image caption, Putin and Trump met in Alaska last month"
        ));
        assert!(is_labelled_caption(
            "FILE PHOTO: Russian President Vladimir Putin attends a meeting in Moscow"
        ));
        assert!(is_labelled_caption(
            "FILE - Russian President Vladimir Putin speaks in Moscow, Feb. 21, 2023."
        ));
        assert!(!is_labelled_caption(
            "File sharing services were blocked in Moscow on Tuesday, officials said."
        ));
        assert!(!is_labelled_caption(
            "Photo opportunities were few at the summit, aides said."
        ));
        assert!(is_credit("Image source, Getty Images"));
    }

    #[test]
    fn wire_trailers_and_editor_lines_are_bylines() {
        for s in [
            "Reporting by Dmitry Antonov; Writing by Guy Faulconbridge; Editing by Andrew Osborn",
            "(Reporting by Jane Doe in Moscow; additional reporting by John Roe)",
            "Additional reporting by Anna Smith in Kyiv",
            "Editor: Zhang Wei",
            "Web editor: Li Na",
        ] {
            assert_eq!(meta_line(s), Some(MetaLine::Byline), "{s}");
        }
        assert_eq!(
            meta_line("Writing about the summit, he said the talks were useful."),
            None
        );
    }

    #[test]
    fn caption_shape() {
        assert!(is_caption_like(
            "U.S. President Donald Trump and Russian President Vladimir Putin hold a bilateral meeting at the G20 leaders summit in Osaka, Japan, on June 28, 2019.",
            70
        ));
        assert!(is_caption_like(
            "Russian President Vladimir Putin speaks with Kremlin spokesman Dmitry Peskov during a summit in Moscow, Russia October 8, 2024.",
            70
        ));
        assert!(!is_caption_like(
            "Putin told Russian state media correspondent Pavel Zarubin late on Monday that the White House leader wanted a deal on Ukraine.",
            70
        ));
        assert!(!is_caption_like(
            "The Kremlin has stated that efforts to restore relations between Russia and the United States are still in the initial stages.",
            70
        ));
    }

    #[test]
    fn promos_and_calls_to_action() {
        for s in [
            "Cryptopolitan Academy: Tired of market swings? Learn how DeFi can help you build steady passive income. Register Now",
            "Sign up for our daily newsletter to get the latest news",
            "Follow us on Google News",
            "Advertisement",
            "Join our Telegram channel for breaking updates",
            "Get the best of the week in your inbox. Subscribe now",
            "We use cookies to improve your experience on our site.",
            "CLICK HERE TO GET THE FOX NEWS APP",
            "Follow John Nolte on Twitter @NolteNC.",
            "Download the Example News app for the latest headlines",
        ] {
            assert!(is_promo(s) || is_interface(s), "{s}");
        }
        for s in [
            "Ukraine and its European allies were left fuming by the U.S. and Russia rekindling diplomatic ties.",
            "Investors who wanted to buy were told to wait.",
            "Russia and the US reopen Ukraine negotiations, leaving Europe out",
            "At the UN, Washington shifts, Europe panics",
            "It was time to join",
            "Millions of fans follow him on Instagram, where he posts daily pictures of his travels around the country and his meetings.",
        ] {
            assert!(!is_promo(s), "{s}");
        }
    }

    #[test]
    fn disclaimers_and_rights() {
        assert!(is_disclaimer(
            "Disclaimer: For information purposes only. Past performance is not indicative of future results."
        ));
        assert!(is_disclaimer("© 2025 CNBC LLC. All Rights Reserved."));
        assert!(is_disclaimer(
            "The views expressed in this article are the author's own and do not necessarily reflect the views of the publisher."
        ));
        assert!(!is_disclaimer(
            "The Kremlin disclaimed any role in the talks, Peskov said."
        ));
        assert!(is_disclaimer(
            "This article was originally published on The Conversation."
        ));
        assert!(!is_disclaimer(
            "The report was first published in 2019 and revised twice since, officials said."
        ));
        assert!(!is_disclaimer(
            "First published in 1851, the newspaper has covered every presidential election since."
        ));
    }

    #[test]
    fn link_lines() {
        assert!(is_link_line("Show on website : [Click Here](#)"));
        assert!(is_link_line(
            "https://www.aa.com.tr/en/world/kremlin-says/3506044"
        ));
        assert!(is_link_line(
            "Read more: Kremlin says relations are in early stages"
        ));
        assert!(is_link_line("RELATED: Trump and Putin speak by phone"));
        assert!(!is_link_line(
            "Read the statement carefully, he told reporters on Monday."
        ));
        assert!(!is_link_line(
            "The ministry published the list at https://example.gov/list on Tuesday, and critics quickly found errors in it."
        ));
    }

    #[test]
    fn interface_words_and_code_tokens() {
        for s in [
            "Advertisement",
            "Share",
            "Back to top",
            "•",
            "***",
            "12 comments",
            "3 min read",
            "list 2 of 4",
            "end of list",
            "Related Topics",
            "Share Tweet Email",
            "Facebook | Twitter | WhatsApp | Copy link",
        ] {
            assert!(is_interface(s), "{s}");
        }
        for s in ["goTop", "quote", "placeholder"] {
            assert!(is_code_token(s), "{s}");
        }
        for s in [
            "Alignment in the background",
            "Trust me.",
            "Kremlin",
            "I partied.",
            "More trouble ahead",
            "Home Office",
        ] {
            assert!(!is_interface(s) && !is_code_token(s), "{s}");
        }
    }

    #[test]
    fn headline_shapes() {
        assert!(is_headline_like(
            "Kremlin says US–Russia relationship in early stages of recovery"
        ));
        assert!(is_headline_like(
            "Lindsay Lohan Checks Into Rehab at Betty Ford Center"
        ));
        assert!(is_headline_like(
            "CIA Director Mike Pompeo secretly met with North Korean leader Kim Jong Un."
        ));
        assert!(!is_headline_like(
            "Another day in Hollywood; another star in rehab."
        ));
        assert!(!is_headline_like("Well it's better late than never, Tara."));
        assert!(!is_headline_like(
            "relationship will be long and challenging."
        ));
    }
}
