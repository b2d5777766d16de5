//! One article body prepared for analysis: its words with keys, the spans inside quotation
//! marks, and sentences that never break inside a quotation.

use std::ops::Range;

use crate::text::{self, word_key};

/// A word of the body with its comparable key.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// Byte offset of the word.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The word as written.
    pub text: &'a str,
    /// Its key ([`word_key`]).
    pub key: String,
}

/// Text between quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the first byte inside the marks (after leading space).
    pub start: usize,
    /// Byte offset just past the quoted words (before trailing punctuation such as the comma of
    /// `“...,” he said`).
    pub end: usize,
    /// Byte offset just past the closing mark (end of the paragraph if the quote runs on).
    pub close: usize,
    /// Number of words inside.
    pub words: usize,
}

/// An article body ready for analysis.
#[derive(Debug)]
pub struct Doc<'a> {
    /// The body.
    pub text: &'a str,
    /// Its words.
    pub toks: Vec<Tok<'a>>,
    /// Their keys, in order (for lexicon matching).
    pub keys: Vec<String>,
    /// Quotations, in order.
    pub quoted: Vec<Quoted>,
    /// For each word, the quotation it is inside.
    pub in_quote: Vec<Option<usize>>,
    /// Sentences as byte ranges; a sentence never ends inside a quotation.
    pub sentences: Vec<Range<usize>>,
    /// For each word, its sentence.
    pub sent_of: Vec<usize>,
}

impl<'a> Doc<'a> {
    /// Prepare a body.
    pub fn new(text: &'a str) -> Self {
        let toks: Vec<Tok<'a>> = text::words(text)
            .into_iter()
            .map(|w| Tok {
                start: w.start,
                end: w.end,
                text: w.text,
                key: word_key(w.text),
            })
            .collect();
        let keys = toks.iter().map(|t| t.key.clone()).collect();
        let quoted = find_quoted(text);
        let mut in_quote = vec![None; toks.len()];
        let mut q = 0;
        for (i, t) in toks.iter().enumerate() {
            while q < quoted.len() && quoted[q].close <= t.start {
                q += 1;
            }
            if q < quoted.len() && quoted[q].start <= t.start && t.end <= quoted[q].close {
                in_quote[i] = Some(q);
            }
        }
        let sentences = quote_aware_sentences(text, &quoted);
        let mut sent_of = vec![0; toks.len()];
        let mut s = 0;
        for (i, t) in toks.iter().enumerate() {
            while s + 1 < sentences.len() && sentences[s].end <= t.start {
                s += 1;
            }
            sent_of[i] = s;
        }
        Doc {
            text,
            toks,
            keys,
            quoted,
            in_quote,
            sentences,
            sent_of,
        }
    }

    /// The text between word `i - 1` and word `i` (from the paragraph start for the first word).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let from = if i == 0 { 0 } else { self.toks[i - 1].end };
        let to = self.toks.get(i).map_or(self.text.len(), |t| t.start);
        &self.text[from..to]
    }

    /// The text between word `i` and word `i + 1`.
    pub fn gap_after(&self, i: usize) -> &'a str {
        self.gap_before(i + 1)
    }

    /// True when word `i` starts its sentence.
    pub fn starts_sentence(&self, i: usize) -> bool {
        i == 0 || self.sent_of[i - 1] != self.sent_of[i]
    }

    /// Word indices of sentence `s`.
    pub fn sentence_words(&self, s: usize) -> Range<usize> {
        let from = self.sent_of.partition_point(|&x| x < s);
        let to = self.sent_of.partition_point(|&x| x <= s);
        from..to
    }

    /// Word indices whose bytes lie inside `range`.
    pub fn words_in(&self, range: Range<usize>) -> Range<usize> {
        let from = self.toks.partition_point(|t| t.start < range.start);
        let to = self.toks.partition_point(|t| t.end <= range.end);
        from..to.max(from)
    }

    /// The range a passage's attribution lives in: the passage itself, widened to the whole
    /// sentence of any quotation it is part of ("“Much damage was done ... We have a lot to
    /// do,” Peskov said, in comments reported by state news agency Tass." for a passage that
    /// is one sentence of the quotation).
    pub fn attribution_context(&self, range: Range<usize>) -> Range<usize> {
        let mut out = range.clone();
        for q in &self.quoted {
            if q.words < 4 || q.close <= range.start || q.open >= range.end {
                continue;
            }
            let inside = self.words_in(q.start..q.end);
            if inside.is_empty() {
                continue;
            }
            let first = &self.sentences[self.sent_of[inside.start]];
            let last = &self.sentences[self.sent_of[inside.end - 1]];
            out.start = out.start.min(first.start);
            out.end = out.end.max(last.end);
        }
        out
    }

    /// True when word `i` is capitalised and not merely because it starts a sentence, or when
    /// it is a capitalised word that is not a function word.
    pub fn is_name_like(&self, i: usize) -> bool {
        let t = &self.toks[i];
        text::is_capitalised(t.text) && !text::is_stopword(&t.key)
    }
}

/// Opening quotation marks and their closing partners.
fn closing_for(c: char) -> Option<char> {
    match c {
        '\u{201C}' => Some('\u{201D}'),
        '\u{201E}' => Some('\u{201D}'),
        '\u{00AB}' => Some('\u{00BB}'),
        '"' => Some('"'),
        _ => None,
    }
}

/// Find quotations: curly, straight and angle double quotes; curly single quotes at the top
/// level (a single quote inside a double one is a nested quotation and stays part of it). A
/// quotation left open at the end of a paragraph runs on into the next one when that paragraph
/// opens with a quotation mark (the news convention for quotes of several paragraphs).
pub fn find_quoted(text: &str) -> Vec<Quoted> {
    let mut out: Vec<Quoted> = Vec::new();
    let mut runs_on = false;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut open: Option<(usize, char)> = None;
        let mut k = 0;
        let first_mark = line
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| closing_for(c).is_some());
        let continuing = runs_on && first_mark;
        runs_on = false;
        while k < chars.len() {
            let (pos, c) = chars[k];
            let prev = if k == 0 { None } else { Some(chars[k - 1].1) };
            let next = chars.get(k + 1).map(|x| x.1);
            match open {
                None => {
                    let opens = match c {
                        '\u{201C}' | '\u{201E}' | '\u{00AB}' => true,
                        '"' => {
                            prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p))
                                && next.is_some_and(|n| !n.is_whitespace())
                        }
                        // A closing curly quote used as an opening one.
                        '\u{201D}' => {
                            prev.is_none_or(char::is_whitespace)
                                && next.is_some_and(char::is_alphanumeric)
                        }
                        '\u{2018}' => {
                            prev.is_none_or(|p| p.is_whitespace() || "([{".contains(p))
                                && next.is_some_and(char::is_alphanumeric)
                        }
                        _ => false,
                    };
                    if opens {
                        open = Some((pos, c));
                    }
                }
                Some((opos, oc)) => {
                    let closes = if oc == '\u{2018}' {
                        c == '\u{2019}' && !next.is_some_and(char::is_alphanumeric)
                    } else if oc == '"' {
                        c == '"' || c == '\u{201D}'
                    } else if oc == '\u{201D}' {
                        c == '\u{201D}' || c == '\u{201C}'
                    } else if c == '\u{201C}' {
                        // A second opening mark where a closing one belongs.
                        next.is_none_or(|n| n.is_whitespace() || ",.;:!?".contains(n))
                    } else {
                        Some(c) == closing_for(oc) || (oc != '\u{00AB}' && c == '"')
                    };
                    if closes {
                        push_quoted(text, &mut out, base + opos, oc, base + pos, c, false);
                        if continuing && out.len() >= 2 {
                            merge_last_two(text, &mut out);
                        }
                        open = None;
                    }
                }
            }
            k += 1;
        }
        if let Some((opos, oc)) = open {
            // Single quotes never run on: an unmatched one was an apostrophe.
            if oc != '\u{2018}' {
                let end = base + line.trim_end().len();
                push_quoted(text, &mut out, base + opos, oc, end, ' ', true);
                if continuing && out.len() >= 2 {
                    merge_last_two(text, &mut out);
                }
                runs_on = true;
            }
        }
    }
    out
}

fn push_quoted(
    text: &str,
    out: &mut Vec<Quoted>,
    open: usize,
    open_char: char,
    close_pos: usize,
    close_char: char,
    unclosed: bool,
) {
    let start = open + open_char.len_utf8();
    let close = if unclosed {
        close_pos
    } else {
        close_pos + close_char.len_utf8()
    };
    let inner = &text[start..close_pos];
    let lead = inner.len() - inner.trim_start().len();
    let mut trimmed = inner.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
    // A full stop inside the closing mark ends the sentence, not the quoted words; an
    // ellipsis stays.
    if trimmed.ends_with('.') && !trimmed.ends_with("..") {
        trimmed = trimmed[..trimmed.len() - 1].trim_end();
    }
    let start = start + lead;
    let end = (start - lead + trimmed.len()).max(start);
    let words = text::words(&text[start..end]).len();
    if words > 0 {
        out.push(Quoted {
            open,
            start,
            end,
            close,
            words,
        });
    }
}

/// Join a quotation that ran on from the previous paragraph with its continuation.
fn merge_last_two(text: &str, out: &mut Vec<Quoted>) {
    let Some(b) = out.pop() else { return };
    let Some(a) = out.last_mut() else { return };
    let between = &text[a.close..b.open];
    if between.trim().is_empty() && between.contains('\n') {
        a.end = b.end;
        a.close = b.close;
        a.words += b.words;
    } else {
        out.push(b);
    }
}

/// Sentences that do not break inside quotations: the plain splitter's pieces, merged where a
/// break falls inside a quotation.
fn quote_aware_sentences(text: &str, quoted: &[Quoted]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for s in text::sentences(text) {
        if let Some(last) = out.last_mut() {
            let boundary = last.end;
            let inside = quoted
                .iter()
                .any(|q| q.open < boundary && boundary < q.close && s.start < q.close);
            if inside {
                last.end = s.end;
                continue;
            }
        }
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(s: &str) -> Vec<&str> {
        find_quoted(s).iter().map(|q| &s[q.start..q.end]).collect()
    }

    #[test]
    fn finds_curly_and_straight_quotes_with_trailing_comma_dropped() {
        let s = "“The previous Washington administration messed things up badly. There’s a lot of work to be done,” he added.";
        assert_eq!(
            quotes(s),
            [
                "The previous Washington administration messed things up badly. There’s a lot of work to be done"
            ]
        );
        let s = "Peskov mentioned in an interview: \"We support the start of the process.\" Then \"severely damaged\" ties.";
        assert_eq!(
            quotes(s),
            ["We support the start of the process", "severely damaged"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes_and_nested_single_quotes_stay_inside() {
        let s = "“The decision by the US and Russia to ‘lay the groundwork’ to end the war marks a turning point,” said Liam Peach. Russia’s economy won’t suffer.";
        assert_eq!(
            quotes(s),
            [
                "The decision by the US and Russia to ‘lay the groundwork’ to end the war marks a turning point"
            ]
        );
    }

    #[test]
    fn top_level_single_quotes_are_found() {
        let s = "He called it a ‘witch hunt’ on Monday.";
        assert_eq!(quotes(s), ["witch hunt"]);
    }

    #[test]
    fn a_quote_runs_on_into_the_next_paragraph() {
        let s = "“We will rebuild trust step by step.\n“It will take time,” he said.";
        let q = find_quoted(s);
        assert_eq!(q.len(), 1);
        assert!(s[q[0].start..q[0].end].ends_with("It will take time"));
        assert_eq!(q[0].words, 11);
    }

    #[test]
    fn sentences_do_not_break_inside_quotes() {
        let s = "“We are ready. We will stop,” he said. Then he left.";
        let d = Doc::new(s);
        let sents: Vec<&str> = d.sentences.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(
            sents,
            ["“We are ready. We will stop,” he said.", "Then he left."]
        );
        assert_eq!(d.in_quote.iter().filter(|q| q.is_some()).count(), 6);
    }
}
