//! Sentence spans: the unit alignment starts from.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence (lower case, no dot).
const ABBREVIATIONS: &[&str] = &[
    "apr", "aug", "capt", "cmdr", "col", "corp", "dec", "dr", "feb", "gen", "gov", "inc", "jan",
    "jr", "jul", "jun", "lt", "ltd", "mar", "messrs", "mr", "mrs", "ms", "no", "nov", "oct",
    "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "vs",
];

/// Byte ranges of the sentences of a text, trimmed of surrounding white space. Line breaks
/// always end a sentence (articles reach us one paragraph or heading per line).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

fn split_line(text: &str, from: usize, to: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[from..to];
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Take closing quotes and brackets after the terminator into the sentence.
            let mut end = i + 1;
            while end < line.len() {
                let c = line[end..].chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &line[end..];
            let after_space = rest.trim_start();
            let has_space = after_space.len() < rest.len();
            let next = after_space.chars().next();
            let starts_sentence = next.is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201C}' | '(')
            });
            if has_space && starts_sentence && !(b == b'.' && is_abbreviation(&line[..i])) {
                push_trimmed(text, from + start, from + end, out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, from + start, to, out);
}

/// True when the word just before a full stop is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201C}')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    // Initials and dotted abbreviations: "J", "U.S", "R-S.C".
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    if word.contains('.') && word.len() <= 6 {
        return true;
    }
    ABBREVIATIONS.binary_search(&lower.as_str()).is_ok()
}

fn push_trimmed(text: &str, from: usize, to: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[from..to];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(from + lead..to - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn abbreviation_list_is_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn splits_on_terminators_and_lines() {
        assert_eq!(
            split("Talks began. They ended!\nA heading\n\nNext one? Yes."),
            [
                "Talks began.",
                "They ended!",
                "A heading",
                "Next one?",
                "Yes."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            split("Mr. Smith met Sen. Jones in the U.S. Capitol. J. Doe left."),
            [
                "Mr. Smith met Sen. Jones in the U.S. Capitol.",
                "J. Doe left."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            split("\u{201C}We are ready.\u{201D} He left."),
            ["\u{201C}We are ready.\u{201D}", "He left."]
        );
    }
}
