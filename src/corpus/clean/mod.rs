//! Cleaning: from what a reader found to the article text and its metadata.
//!
//! The rules are general and work line by line, then on the neighbourhood of a line, then
//! across files:
//! 1. each line on its own ([`lines`]): metadata labels and timestamps become metadata;
//!    credits, promos, disclaimers, link lines and interface words are dropped;
//! 2. the headline at the top becomes the title;
//! 3. a line just before a photo credit, shaped like a caption, is a caption;
//! 4. runs of related-article items (headline, byline, time, teaser) go as a block
//!    ([`blocks`]);
//! 5. lines repeated inside a file, and header or footer lines repeated across files, go;
//! 6. paragraphs broken inside a sentence are joined again.
//!
//! Every dropped line is kept with the rule that dropped it, so `parallax inspect --removed`
//! can show what went and why.

mod blocks;
pub mod lines;

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::NaiveDate;

use super::Article;
use super::dates::DateKind;
use super::doc::RawDoc;
use lines::{MetaLine, ends_clause, ends_sentence, is_prose, word_count};

/// Why a line was removed from an article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// The headline at the top: moved to the title.
    Title,
    /// A metadata line ("Published on ...", "Category: ...", "Source X"): moved to the
    /// metadata when it says something useful, dropped either way.
    Metadata,
    /// A line that is only a date or a time.
    Timestamp,
    /// An author line ("By Jane Doe", "Author Cryptopolitan").
    Byline,
    /// A photo or image credit ("Name | Agency", "Source: X").
    Credit,
    /// A photo caption next to its credit.
    Caption,
    /// An advertisement, promotion or call to subscribe, follow or share.
    Promo,
    /// A disclaimer or copyright notice.
    Disclaimer,
    /// A line that only points elsewhere ("Read more: ...", "[Click Here](#)", a bare URL).
    Link,
    /// An interface word or ornament ("Advertisement", "goTop", "placeholder", "***").
    Interface,
    /// A related-article listing (headlines, authors, times, teasers).
    Related,
    /// A repeat of an earlier line of the same article.
    Duplicate,
    /// A header or footer line that recurs in several files: site furniture.
    Repeated,
}

impl Rule {
    /// Short lower-case name, as `inspect --removed` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Title => "title",
            Rule::Metadata => "metadata",
            Rule::Timestamp => "timestamp",
            Rule::Byline => "byline",
            Rule::Credit => "credit",
            Rule::Caption => "caption",
            Rule::Promo => "promo",
            Rule::Disclaimer => "disclaimer",
            Rule::Link => "link",
            Rule::Interface => "interface",
            Rule::Related => "related",
            Rule::Duplicate => "duplicate",
            Rule::Repeated => "repeated",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A piece of text removed from an article, and the rule that removed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// The removed text.
    pub text: String,
    /// Why it was removed.
    pub rule: Rule,
}

/// A cleaned article and what cleaning removed from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    /// The article: metadata and clean body.
    pub article: Article,
    /// Removed lines, in document order.
    pub removed: Vec<Removed>,
}

/// Short non-sentence lines found in at least [`SharedLines::MIN_FILES`] documents of one
/// load: in a header or footer they are the site's furniture, not the article's text.
#[derive(Debug, Clone, Default)]
pub struct SharedLines {
    keys: HashSet<String>,
}

impl SharedLines {
    /// How many documents must share a line before it counts as furniture.
    pub const MIN_FILES: usize = 3;

    /// Count candidate lines over all documents of a load.
    pub fn from_docs<'a>(docs: impl IntoIterator<Item = &'a RawDoc>) -> Self {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for doc in docs {
            let mut seen = HashSet::new();
            for (i, p) in doc.paras.iter().enumerate() {
                // The first line is the headline candidate: syndicated copies share it.
                if i == 0 || p.text.len() > 150 || ends_sentence(&p.text) {
                    continue;
                }
                let text = normalize_line(&p.text);
                if word_count(&text) > 12 || ends_sentence(&text) {
                    continue;
                }
                let key = line_key(&text);
                if !key.is_empty() && seen.insert(key.clone()) {
                    *counts.entry(key).or_default() += 1;
                }
            }
        }
        let keys = counts
            .into_iter()
            .filter(|&(_, n)| n >= Self::MIN_FILES)
            .map(|(k, _)| k)
            .collect();
        Self { keys }
    }

    fn contains(&self, text: &str) -> bool {
        !self.keys.is_empty() && self.keys.contains(&line_key(text))
    }
}

/// Comparable form of a line: typography folded, lower case.
fn line_key(s: &str) -> String {
    crate::text::normalize(s).to_lowercase()
}

/// A line during cleaning.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    gap_before: bool,
    rule: Option<Rule>,
    meta: Option<MetaLine>,
}

impl Line {
    fn kept(&self) -> bool {
        self.rule.is_none()
    }
}

/// Metadata gathered while cleaning, with the trust each date deserves.
#[derive(Debug, Default)]
struct Found {
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    date: Option<(DateKind, NaiveDate)>,
}

impl Found {
    fn offer_date(&mut self, kind: DateKind, date: Option<NaiveDate>) {
        if let Some(d) = date
            && self.date.is_none_or(|(k, _)| kind > k)
        {
            self.date = Some((kind, d));
        }
    }
}

/// Clean a document: the article with its metadata and body, and what was removed. With
/// `enabled` false only characters and white space are normalised (and hard-wrapped plain
/// text unwrapped); no line is removed.
pub fn clean(doc: RawDoc, shared: &SharedLines, enabled: bool) -> Cleaned {
    let mut lines = prepare(&doc);
    let mut found = Found {
        title: doc
            .title
            .as_deref()
            .map(normalize_line)
            .filter(|t| !t.is_empty()),
        source: doc
            .source
            .as_deref()
            .map(normalize_line)
            .filter(|t| !t.is_empty()),
        url: doc
            .url
            .as_deref()
            .map(normalize_line)
            .filter(|t| !t.is_empty()),
        date: doc.date.map(|d| (DateKind::Field, d)),
    };

    if enabled {
        classify_each(&mut lines);
        let header_end = first_prose(&lines);
        gather_metadata(&mut lines, header_end, &mut found);
        captions(&mut lines);
        title(&mut lines, &mut found);
        site_suffix(&mut found);
        code_tokens(&mut lines);
        blocks::related_blocks(&mut lines);
        repeats(&mut lines, shared);
    }

    let mut removed = Vec::new();
    let mut kept = Vec::new();
    for l in lines {
        match l.rule {
            Some(rule) => removed.push(Removed { text: l.text, rule }),
            None => kept.push((l.text, l.gap_before)),
        }
    }
    let body = if enabled {
        blocks::rejoin(kept)
    } else {
        kept.into_iter().map(|(t, _)| t).collect()
    }
    .join("\n");

    let mut article = Article::new(std::path::Path::new(&doc.path), body);
    article.path = doc.path;
    if !doc.id.is_empty() {
        article.id = doc.id;
    }
    article.title = found.title;
    article.source = found.source;
    article.url = found.url;
    article.date = found.date.map(|(_, d)| d);
    Cleaned { article, removed }
}

/// Normalise each paragraph's characters, undo hard wrapping in plain text, drop empty ones.
fn prepare(doc: &RawDoc) -> Vec<Line> {
    let mut paras: Vec<(String, bool)> = doc
        .paras
        .iter()
        .map(|p| (normalize_line(&p.text), p.gap_before))
        .collect();
    if doc.plain {
        paras = blocks::unwrap_hard_wrapped(paras);
    }
    let mut out = Vec::new();
    let mut gap = true;
    for (text, g) in paras {
        if text.is_empty() {
            gap = true;
            continue;
        }
        out.push(Line {
            text,
            gap_before: g || gap,
            rule: None,
            meta: None,
        });
        gap = false;
    }
    out
}

/// Remove terminal escape sequences whole (`ESC [ 2 J` leaves nothing behind, not `[2J`),
/// control characters and invisible formatting characters, turn every kind of space into a
/// plain one, and collapse runs of space.
pub fn normalize_line(s: &str) -> String {
    let stripped;
    let s = if s.contains('\u{1b}') {
        // The stripper drops tabs; they are spaces here. An escape sequence that never ends
        // (an OSC string without its terminator) takes the rest of its line with it, as it
        // would on a terminal.
        stripped = strip_ansi_escapes::strip_str(s.replace('\t', " "));
        stripped.as_str()
    } else {
        s
    };
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{00A0}' {
            space = true;
            continue;
        }
        if crate::text::controls::is_unsafe(c) || matches!(c, '\u{00AD}' | '\u{FFFD}') {
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// Step 1: judge each line by itself.
fn classify_each(lines: &mut [Line]) {
    for l in lines.iter_mut() {
        let s = l.text.as_str();
        if let Some(meta) = lines::meta_line(s) {
            l.rule = Some(match &meta {
                MetaLine::Date(_, _) if lines::timestamp_kind(s).is_some() => Rule::Timestamp,
                MetaLine::Byline => Rule::Byline,
                _ => Rule::Metadata,
            });
            l.meta = Some(meta);
        } else if lines::is_credit(s) {
            l.rule = Some(Rule::Credit);
        } else if lines::is_disclaimer(s) {
            l.rule = Some(Rule::Disclaimer);
        } else if lines::is_link_line(s) {
            l.rule = Some(Rule::Link);
        } else if lines::is_interface(s) {
            l.rule = Some(Rule::Interface);
        } else if lines::is_promo(s) {
            l.rule = Some(Rule::Promo);
        }
    }
}

/// Index of the first kept line of running prose: the lines before it are the header.
fn first_prose(lines: &[Line]) -> usize {
    lines
        .iter()
        .position(|l| l.kept() && is_prose(&l.text))
        .unwrap_or(lines.len())
}

/// Step 2: what metadata lines say. Labelled lines count anywhere; bare date lines and source
/// lines only in the header, where a page prints its own date and outlet (further down they
/// belong to captions and related articles).
fn gather_metadata(lines: &mut [Line], header_end: usize, found: &mut Found) {
    for (i, l) in lines.iter_mut().enumerate() {
        let in_header = i < header_end;
        match &l.meta {
            Some(MetaLine::Date(kind, date)) if *kind != DateKind::Dateline || in_header => {
                found.offer_date(*kind, *date);
            }
            Some(MetaLine::Source(name)) => {
                if in_header {
                    if found.source.is_none() {
                        found.source = Some(name.clone());
                    }
                } else if lines::is_credit(&l.text) {
                    l.rule = Some(Rule::Credit);
                }
            }
            Some(MetaLine::Title(t)) if in_header && found.title.is_none() => {
                found.title = Some(t.clone());
            }
            Some(MetaLine::Url(u)) if found.url.is_none() => found.url = Some(u.clone()),
            _ => {}
        }
    }
}

/// Step 3: captions. A caption-shaped line right before a credit line, and a caption line
/// that ends with its own credit ("... in Riyadh. Source: The Washington Post"). A credit
/// glued to a line that is not a caption is cut off and the line kept.
fn captions(lines: &mut Vec<Line>) {
    for i in 0..lines.len() {
        if lines[i].rule == Some(Rule::Credit) && i > 0 {
            let prev = &mut lines[i - 1];
            if prev.kept() && lines::is_caption_like(&prev.text, 130) {
                prev.rule = Some(Rule::Caption);
            }
        }
    }
    let mut i = 0;
    while i < lines.len() {
        if lines[i].kept() && lines::is_labelled_caption(&lines[i].text) {
            lines[i].rule = Some(Rule::Caption);
        } else if lines[i].kept()
            && let Some((at, photo)) = lines::trailing_credit(&lines[i].text)
        {
            let head = lines[i].text[..at].trim_end().to_string();
            if photo || lines::is_caption_like(&head, 70) {
                lines[i].rule = Some(Rule::Caption);
            } else {
                let credit = lines[i].text[at..].to_string();
                lines[i].text = head;
                let split = Line {
                    text: credit,
                    gap_before: false,
                    rule: Some(Rule::Credit),
                    meta: None,
                };
                lines.insert(i + 1, split);
                i += 1;
            }
        }
        i += 1;
    }
}

/// Step 4: the headline. The first kept line, when it is shaped like a headline and text
/// follows it, is the title (and leaves the body). When the file named a title already, a
/// first line that repeats it goes.
fn title(lines: &mut [Line], found: &mut Found) {
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kept())
        .take(3)
        .collect();
    let Some(&first) = kept.first() else {
        return;
    };
    if let Some(t) = &found.title {
        if same_headline(t, &lines[first].text) {
            lines[first].rule = Some(Rule::Title);
        }
        return;
    }
    // A kicker, section name or outlet name above the headline ("Europe", "Reuters").
    let mut at = first;
    if let (Some(&second), Some(&third)) = (kept.get(1), kept.get(2)) {
        let short = &lines[first].text;
        // Too short to be a headline itself (see below).
        if word_count(short) <= 2
            && !ends_sentence(short)
            && word_count(&lines[second].text) >= 4
            && lines::is_headline_like(&lines[second].text)
            && is_prose(&lines[third].text)
        {
            at = second;
        }
    }
    let text = lines[at].text.clone();
    let followed = lines[at + 1..]
        .iter()
        .any(|l| l.kept() && word_count(&l.text) >= 8);
    let continues = lines[at + 1..]
        .iter()
        .find(|l| l.kept())
        .is_some_and(|l| l.text.starts_with(|c: char| c.is_lowercase()));
    if followed && !continues && word_count(&text) >= 3 && lines::is_headline_like(&text) {
        lines[at].rule = Some(Rule::Title);
        found.title = Some(text);
        if at != first {
            lines[first].rule = Some(Rule::Metadata);
        }
    }
}

/// Page titles often end with the site's name after a bar ("Kremlin says ties will take time
/// | Reuters"): keep the headline, and take the name as the outlet when none is known.
fn site_suffix(found: &mut Found) {
    let Some(title) = &found.title else { return };
    let Some((head, site)) = title.rsplit_once(" | ") else {
        return;
    };
    let (head, site) = (head.trim(), site.trim());
    let name_like = (1..=4).contains(&word_count(site))
        && site
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !ends_sentence(site);
    if name_like && word_count(head) >= 3 {
        if found.source.is_none() {
            found.source = Some(site.to_string());
        }
        found.title = Some(head.to_string());
    }
}

/// True when a line repeats a headline (typography and case aside, or one containing the
/// other when they are nearly the same length).
fn same_headline(a: &str, b: &str) -> bool {
    let (a, b) = (line_key(a), line_key(b));
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    !short.is_empty() && long.contains(short.as_str()) && short.len() * 10 >= long.len() * 8
}

/// Step 5: template tokens ("placeholder", "goTop", "quote"): a lone lower-case or camelCase
/// word is only furniture when the text before it does not run on into it.
fn code_tokens(lines: &mut [Line]) {
    for i in 0..lines.len() {
        if !lines[i].kept() || !lines::is_code_token(&lines[i].text) {
            continue;
        }
        let open_before = i > 0 && lines[i - 1].kept() && !ends_clause(&lines[i - 1].text);
        if !open_before {
            lines[i].rule = Some(Rule::Interface);
        }
    }
}

/// Step 6: repeats. A line that repeats an earlier kept line of the same article, and a
/// header or footer line that recurs across files.
fn repeats(lines: &mut [Line], shared: &SharedLines) {
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for i in 0..lines.len() {
        if !lines[i].kept() || word_count(&lines[i].text) < 8 {
            continue;
        }
        match first_seen.entry(lines[i].text.clone()) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
            std::collections::hash_map::Entry::Occupied(e) => {
                // A caption printed again under each copy of its photo: every copy goes.
                if lines::is_caption_like(&lines[i].text, 70) {
                    lines[*e.get()].rule = Some(Rule::Caption);
                    lines[i].rule = Some(Rule::Caption);
                } else {
                    lines[i].rule = Some(Rule::Duplicate);
                }
            }
        }
    }
    let header_end = first_prose(lines);
    let footer_start = lines
        .iter()
        .rposition(|l| l.kept() && is_prose(&l.text))
        .map_or(0, |i| i + 1);
    for (i, l) in lines.iter_mut().enumerate() {
        let edge = i < header_end || i >= footer_start;
        if l.kept() && edge && !ends_sentence(&l.text) && shared.contains(&l.text) {
            l.rule = Some(Rule::Repeated);
        }
    }
}

#[cfg(test)]
mod tests;
