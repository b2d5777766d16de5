//! Sentence spans: the unit alignment starts from.
//!
//! A rule-based segmenter for English news prose. It splits after `.`, `!` and `?` when a
//! space and a sentence opening follow, keeps closing quotes and brackets with the sentence
//! they close, and treats every line as a break of its own (articles reach us one paragraph
//! or heading per line, and a heading has no final punctuation). The hard part is the full
//! stop that does not end a sentence: titles (`Mr.`, `Sen.`), initials (`J.`), dotted
//! abbreviations (`U.S.`, `R-S.C.`, `p.m.`), months and states (`Jan.`, `Calif.`). A title
//! never ends a sentence; any other abbreviation ends one only when the next word is a
//! capitalised function word (`The`, `He`, `But`), which is how `...with the U.S. It said`
//! splits while `the U.S. Capitol` does not.

use std::ops::Range;

use super::is_stopword;

/// Titles before a name: a full stop after one never ends a sentence (lower case, no dot).
const TITLES: &[&str] = &[
    "adm", "brig", "capt", "cmdr", "col", "cpl", "dr", "fr", "gen", "gov", "hon", "lt", "maj",
    "messrs", "mr", "mrs", "ms", "msgr", "pfc", "pres", "prof", "rep", "reps", "rev", "sen",
    "sens", "sgt", "spc", "supt",
];

/// Other abbreviations written with a capital (months, US states in AP style, company and
/// address words, name suffixes), lower case without the dot. After one of these a full stop
/// ends the sentence only when a capitalised function word follows.
const CAPITALISED: &[&str] = &[
    "ala", "apr", "ariz", "ark", "aug", "ave", "blvd", "calif", "co", "colo", "conn", "corp",
    "dec", "del", "dept", "dist", "feb", "fla", "ft", "ga", "ill", "inc", "ind", "jan", "jr",
    "jul", "jun", "kan", "ky", "la", "ltd", "mass", "md", "mich", "minn", "miss", "mo", "mont",
    "mt", "mx", "neb", "nev", "no", "nov", "oct", "okla", "ore", "pa", "phila", "rd", "sep",
    "sept", "sr", "st", "stn", "tenn", "univ", "va", "vt", "wash", "wis", "wyo",
];

/// Abbreviations written in lower case (lower case, no dot).
const LOWERCASE: &[&str] = &["approx", "cf", "est", "etc", "ft", "vs"];

/// Byte ranges of the sentences of a text, trimmed of surrounding white space. Line breaks
/// always end a sentence, so a heading (a line without final punctuation) is its own unit.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

/// True for characters that close a quotation or parenthesis after a terminator.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}'
    )
}

/// True for characters that may open a sentence besides capitals and digits.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}' | '\u{00AB}'
    )
}

fn split_line(text: &str, from: usize, to: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[from..to];
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            continue;
        }
        // Runs of terminators ("?!", "...") act as one.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if matches!(d, '.' | '!' | '?' | '\u{2026}') || is_closer(d) {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        // A closing quote detached by a space (`them. "`) still closes this sentence.
        let detached = line[end..].trim_start();
        let after = detached.trim_start_matches(is_closer);
        if after.len() < detached.len()
            && (after.is_empty() || after.starts_with(char::is_whitespace))
        {
            end = line.len() - after.len();
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
        }
        let rest = &line[end..];
        let next_text = rest.trim_start();
        if next_text.len() == rest.len() || next_text.is_empty() {
            continue; // no space after it ("1.3", "U.S.-led"), or the line ends anyway
        }
        let Some(first) = next_text.chars().next() else {
            continue;
        };
        let opens = first.is_uppercase() || first.is_ascii_digit() || is_opener(first);
        if !opens {
            continue;
        }
        // A single full stop may belong to an abbreviation; "?", "!" and an ellipsis before
        // a sentence opening always end the sentence.
        let terminators = line[i..end]
            .chars()
            .filter(|d| matches!(d, '.' | '!' | '?' | '\u{2026}'))
            .count();
        if c == '.'
            && terminators == 1
            && !stop_ends_sentence(&line[start..i], next_word(next_text))
        {
            continue;
        }
        push_trimmed(text, from + start, from + end, out);
        start = end;
    }
    push_trimmed(text, from + start, to, out);
}

/// The first word of a text, without leading quotes or brackets.
fn next_word(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| is_opener(c) || c.is_whitespace());
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .unwrap_or(s.len());
    &s[..end]
}

/// Decide whether a single full stop ends the sentence, given the text before it (from the
/// sentence start) and the word after it.
fn stop_ends_sentence(before: &str, next: &str) -> bool {
    let mut word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201C}' | '['))
        .next()
        .unwrap_or("");
    if !word.contains('.') {
        // "then-No. 1", "D-W. Va.": the piece after the last hyphen decides.
        word = word.rsplit('-').next().unwrap_or(word);
    }
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        // "in 2019." ends a sentence; "6. 1" is a decimal broken by a stray space.
        let short_number =
            (1..=2).contains(&word.len()) && word.chars().all(|c| c.is_ascii_digit());
        return !(short_number && next.starts_with(|c: char| c.is_ascii_digit()));
    }
    let lower = letters.to_lowercase();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    // A capitalised function word after the stop is the sign of a new sentence.
    // ("I" is left out: after initials it is more often "F. B. I." than the pronoun.)
    let function_word_next = next.chars().next().is_some_and(char::is_uppercase)
        && next.len() > 1
        && is_stopword(&next.to_lowercase());
    if capitalised && TITLES.binary_search(&lower.as_str()).is_ok() && !word.contains('.') {
        return false;
    }
    let abbreviation = if word.contains('.') {
        // Dotted abbreviations: "U.S", "R-S.C", "p.m", "Ph.D" — short pieces between dots.
        word.split(['.', '-'])
            .all(|piece| piece.chars().filter(|c| c.is_alphabetic()).count() <= 3)
    } else if letters.chars().count() == 1 {
        capitalised // an initial: "J. Doe"
    } else if lower == "no" {
        capitalised && next.chars().next().is_some_and(|c| c.is_ascii_digit())
    } else if capitalised {
        CAPITALISED.binary_search(&lower.as_str()).is_ok()
    } else {
        LOWERCASE.binary_search(&lower.as_str()).is_ok()
    };
    !abbreviation || function_word_next
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
    fn word_lists_are_sorted() {
        for list in [TITLES, CAPITALISED, LOWERCASE] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
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
    fn keeps_titles_and_initials() {
        assert_eq!(
            split("Mr. Smith met Sen. Jones in the U.S. Capitol. J. Doe left."),
            [
                "Mr. Smith met Sen. Jones in the U.S. Capitol.",
                "J. Doe left."
            ]
        );
        // From newswcl50 (NYT style).
        assert_eq!(
            split(
                "Mr. Trump alluded to Mr. Pompeo's mission. The C.I.A. director Mike Pompeo went."
            ),
            [
                "Mr. Trump alluded to Mr. Pompeo's mission.",
                "The C.I.A. director Mike Pompeo went."
            ]
        );
        assert_eq!(
            split("Former President George H.W. Bush and Sen. Lindsey Graham, R-S.C. met."),
            ["Former President George H.W. Bush and Sen. Lindsey Graham, R-S.C. met."]
        );
    }

    #[test]
    fn dotted_abbreviation_ends_a_sentence_before_a_function_word() {
        assert_eq!(
            split("Russia rekindled ties with the U.S. It said talks went well."),
            [
                "Russia rekindled ties with the U.S.",
                "It said talks went well."
            ]
        );
        assert_eq!(
            split("Earlier, the U.S. had sided with Russia at the U.N. Security Council."),
            ["Earlier, the U.S. had sided with Russia at the U.N. Security Council."]
        );
    }

    #[test]
    fn months_states_and_numbers() {
        assert_eq!(
            split(
                "WEST PALM BEACH, Fla. \u{2014} The trip took place on Jan. 5 at 10 p.m. Friday. \
                 Profits rose 1.3 percent to $2.5 billion. No. 2 was next."
            ),
            [
                "WEST PALM BEACH, Fla. \u{2014} The trip took place on Jan. 5 at 10 p.m. Friday.",
                "Profits rose 1.3 percent to $2.5 billion.",
                "No. 2 was next."
            ]
        );
        assert_eq!(
            split("The firm moved to Seattle, Wash. The deal closed in Oct. 2011. It grew."),
            [
                "The firm moved to Seattle, Wash.",
                "The deal closed in Oct. 2011.",
                "It grew."
            ]
        );
        assert_eq!(
            split("He said no. Then he left."),
            ["He said no.", "Then he left."]
        );
        assert_eq!(
            split(
                "He won at then-No. 1 Duke and met Rep. Nick Rahall, D-W. Va., and F. B. I. agents."
            ),
            ["He won at then-No. 1 Duke and met Rep. Nick Rahall, D-W. Va., and F. B. I. agents."]
        );
        // From ECB+: a decimal with a stray space is not a sentence end.
        assert_eq!(
            split("The survey puts the magnitude at 6. 1. A magnitude 6 quake can cause damage."),
            [
                "The survey puts the magnitude at 6. 1.",
                "A magnitude 6 quake can cause damage."
            ]
        );
        assert_eq!(
            split("He fell ill. Doctors said so."),
            ["He fell ill.", "Doctors said so."]
        );
    }

    #[test]
    fn quotation_holding_several_sentences_splits_inside_and_keeps_its_attribution() {
        // From the CNBC seed article.
        let s = "\u{201C}The previous Washington administration messed things up badly. \
                 There\u{2019}s a lot of work to be done,\u{201D} he added in Google-translated \
                 emailed comments.";
        assert_eq!(
            split(s),
            [
                "\u{201C}The previous Washington administration messed things up badly.",
                "There\u{2019}s a lot of work to be done,\u{201D} he added in Google-translated \
                 emailed comments."
            ]
        );
        assert_eq!(
            split(
                "\u{201C}What does [Trump] want to do? It seems to me that he wants peace.\u{201D} He left."
            ),
            [
                "\u{201C}What does [Trump] want to do?",
                "It seems to me that he wants peace.\u{201D}",
                "He left."
            ]
        );
    }

    #[test]
    fn question_or_exclamation_inside_quotes_before_attribution_does_not_split() {
        assert_eq!(
            split("\u{201C}Are we ready?\u{201D} he asked. \"Yes!\" she said."),
            [
                "\u{201C}Are we ready?\u{201D} he asked.",
                "\"Yes!\" she said."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            split("\u{201C}We are ready.\u{201D} He left."),
            ["\u{201C}We are ready.\u{201D}", "He left."]
        );
        // From the Chinese-outlet seed translation: a quote after a colon.
        let s = "Kremlin spokesperson Dmitry Peskov mentioned in an interview: \"We support the \
                 start of the process, but we are still at the beginning of the journey.\" He \
                 emphasized that much work remains to be done.";
        assert_eq!(split(s).len(), 2);
        assert!(split(s)[0].ends_with("journey.\""));
    }

    #[test]
    fn ellipsis_splits_only_before_a_capital() {
        assert_eq!(
            split("The process of finding a way out\u{2026} of such a freeze will take time."),
            ["The process of finding a way out\u{2026} of such a freeze will take time."]
        );
        assert_eq!(
            split("We waited... Nothing came."),
            ["We waited...", "Nothing came."]
        );
    }

    #[test]
    fn closing_quote_detached_by_a_space_stays_with_its_sentence() {
        // From newswcl50 (USA Today): the quote mark after a space closes the quotation.
        assert_eq!(
            split("\"They do respect us. We are respectful of them. \" Trump said. 'Go. '\""),
            [
                "\"They do respect us.",
                "We are respectful of them. \"",
                "Trump said.",
                "'Go. '\""
            ]
        );
    }

    #[test]
    fn real_articles_split_cleanly() {
        // Every NewsWCL50 and ECB+ article: no sentence ends on a title inside a line, and a
        // sentence that starts inside a line starts like a sentence (lines themselves may
        // break or start in lower case in these files).
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut total = 0;
        for dir in ["newswcl50", "ecbplus-dev"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|x| x != "txt") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for r in sentences(&text) {
                    total += 1;
                    let s = &text[r.clone()];
                    let last = s.rsplit(' ').next().unwrap_or("");
                    let title = last.strip_suffix('.').map(|w| w.to_lowercase());
                    let line_end = text[r.end..].trim_start_matches([' ', '\t']);
                    let ends_line = line_end.is_empty() || line_end.starts_with(['\n', '\r']);
                    assert!(
                        ends_line
                            || title.is_none_or(|w| TITLES.binary_search(&w.as_str()).is_err()),
                        "{}: {s}",
                        path.display()
                    );
                    let line_start = text[..r.start].trim_end_matches([' ', '\t']);
                    if !(line_start.is_empty() || line_start.ends_with('\n')) {
                        assert!(
                            !s.starts_with(char::is_lowercase),
                            "{}: {s}",
                            path.display()
                        );
                    }
                }
            }
        }
        assert!(total > 10_000, "{total}");
    }

    #[test]
    fn offsets_point_into_the_text() {
        let s = "  First one.  Second one.\n\nThird";
        for r in sentences(s) {
            assert_eq!(s[r.clone()].trim(), &s[r]);
        }
        assert_eq!(split(s), ["First one.", "Second one.", "Third"]);
    }
}
