//! Rules over runs of lines rather than single lines: hard-wrapped plain text, related-article
//! listings, and paragraphs broken inside a sentence.

use super::lines::{ends_clause, ends_sentence, is_headline_like, word_count};
use super::{Line, Rule};

/// Plain text saved with a fixed line width (e-mail, some exports) breaks every paragraph into
/// lines of nearly equal length separated from the next paragraph by a blank line. When most
/// of a file looks like that, join each block's lines back into one paragraph.
pub(super) fn unwrap_hard_wrapped(paras: Vec<(String, bool)>) -> Vec<(String, bool)> {
    if !is_hard_wrapped(&paras) {
        return paras;
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    for (text, gap) in paras {
        match out.last_mut() {
            Some((prev, _)) if !gap && !text.is_empty() => {
                join_into(prev, &text);
            }
            _ => out.push((text, gap)),
        }
    }
    out
}

fn is_hard_wrapped(paras: &[(String, bool)]) -> bool {
    let lines: Vec<&(String, bool)> = paras.iter().filter(|(t, _)| !t.is_empty()).collect();
    if lines.len() < 6 {
        return false;
    }
    // Lines that another line of the same block follows: in wrapped text, nearly all of them.
    let mut inner = Vec::new();
    for w in lines.windows(2) {
        if !w[1].1 {
            inner.push(w[0].0.chars().count());
        }
    }
    // Paragraphs are separated by blank lines, and most lines break inside a sentence.
    let blocks = lines.iter().filter(|(_, gap)| *gap).count();
    let open = lines
        .windows(2)
        .filter(|w| !w[1].1 && !ends_sentence(&w[0].0))
        .count();
    if inner.len() * 2 < lines.len() || blocks < 2 || open * 2 < inner.len() {
        return false;
    }
    let width = inner.iter().copied().max().unwrap_or(0);
    if !(40..=120).contains(&width) {
        return false;
    }
    let near_width = inner.iter().filter(|&&n| n * 10 >= width * 7).count();
    near_width * 10 >= inner.len() * 8
}

/// Append `next` to `prev` as the continuation of the same sentence.
fn join_into(prev: &mut String, next: &str) {
    let hyphenated = prev.ends_with('-') && !prev.ends_with(" -");
    if !hyphenated {
        prev.push(' ');
    }
    prev.push_str(next);
}

/// Join paragraphs broken inside a sentence: a paragraph that does not end a clause,
/// followed by one that starts in lower case ("... rebuilding the bilateral" /
/// "relationship will be long and challenging.").
pub(super) fn rejoin(kept: Vec<(String, bool)>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (text, _) in kept {
        let starts_lower = text.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(prev) if starts_lower && !ends_clause(prev) && !is_list_item(prev) => {
                join_into(prev, &text);
            }
            _ => out.push(text),
        }
    }
    out
}

fn is_list_item(s: &str) -> bool {
    s.starts_with(['•', '·', '▪', '–', '*']) || s.starts_with("- ")
}

/// Lines that mark an item of an article listing: who wrote it and when.
fn is_marker(l: &Line) -> bool {
    matches!(l.rule, Some(Rule::Byline | Rule::Timestamp))
}

/// Related-article listings: repeated items of headline, author, time and teaser
/// ("Ripple (XRP) Rival ..." / "Author Cryptopolitan" / "3 hours ago" / "While XRP ...").
///
/// An item is a run of adjacent marker lines (bylines, timestamps). Items at most six lines
/// apart form a listing when two of them carry a byline, or when three or more are separated
/// only by headline-shaped lines (a live blog, where prose follows each time, is not a
/// listing). The listing takes one text line before its first item (that item's headline),
/// the lines between items, and the teaser after the last one.
pub(super) fn related_blocks(lines: &mut [Line]) {
    let items = marker_runs(lines);
    let mut start = 0;
    while start < items.len() {
        let mut end = start;
        while end + 1 < items.len() && items[end + 1].0 - items[end].1 <= 6 {
            end += 1;
        }
        let group = &items[start..=end];
        if is_listing(lines, group) {
            remove_listing(lines, group);
        }
        start = end + 1;
    }
}

/// Runs of adjacent marker lines as (first index, index after last), allowing one removed
/// line inside a run.
fn marker_runs(lines: &[Line]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !is_marker(l) {
            continue;
        }
        match runs.last_mut() {
            Some((_, end)) if i <= *end + 1 && lines[*end..i].iter().all(|l| !l.kept()) => {
                *end = i + 1;
            }
            _ => runs.push((i, i + 1)),
        }
    }
    runs
}

fn is_listing(lines: &[Line], group: &[(usize, usize)]) -> bool {
    if group.len() < 2 {
        return false;
    }
    let with_byline = group
        .iter()
        .filter(|(s, e)| lines[*s..*e].iter().any(|l| l.rule == Some(Rule::Byline)))
        .count();
    if with_byline >= 2 {
        return true;
    }
    let first = group[0].0;
    let last = group[group.len() - 1].1;
    group.len() >= 3
        && lines[first..last]
            .iter()
            .filter(|l| l.kept())
            .all(|l| is_headline_like(&l.text) && !ends_sentence(&l.text))
}

fn remove_listing(lines: &mut [Line], group: &[(usize, usize)]) {
    let first = group[0].0;
    let last = group[group.len() - 1].1;
    let mut from = first;
    // The first item's headline: one text line before it, past any removed furniture.
    let mut i = first;
    let mut taken = 0;
    while i > 0 {
        i -= 1;
        if lines[i].kept() {
            if taken == 1 {
                break;
            }
            taken += 1;
        }
        from = i;
    }
    while from < first && !lines[from].kept() {
        from += 1;
    }
    // The last item's teaser: one text line after it.
    let mut to = last;
    let mut taken = 0;
    while to < lines.len() {
        if lines[to].kept() {
            if taken == 1 {
                break;
            }
            taken += 1;
        }
        to += 1;
    }
    for l in &mut lines[from..to] {
        if l.kept() && word_count(&l.text) > 0 {
            l.rule = Some(Rule::Related);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, rule: Option<Rule>) -> Line {
        Line {
            text: text.into(),
            gap_before: true,
            rule,
            meta: None,
        }
    }

    #[test]
    fn hard_wrapped_text_is_unwrapped() {
        let text = "The Kremlin has stated that efforts to restore relations between\n\
                    Russia and the United States are still in the initial stages, as\n\
                    diplomatic contacts resumed following the start of the presidency.\n\
                    \n\
                    Kremlin spokesperson Dmitry Peskov emphasized that while both the\n\
                    presidents have shown political will to improve ties, the road to\n\
                    fully rebuilding the bilateral relationship will be long and hard.\n\
                    \n\
                    Peskov also dismissed reports that high-level Russian and American\n\
                    officials would meet in Saudi Arabia this week, calling them false.";
        let paras: Vec<(String, bool)> = crate::corpus::doc::paras_of_text(text)
            .into_iter()
            .map(|p| (p.text, p.gap_before))
            .collect();
        let out = unwrap_hard_wrapped(paras);
        assert_eq!(out.len(), 3);
        assert!(out[1].0.starts_with("Kremlin spokesperson"));
        assert!(out[1].0.ends_with("long and hard."));
        assert!(out[1].0.contains("both the presidents"));
    }

    #[test]
    fn one_sentence_per_line_is_not_unwrapped() {
        let paras: Vec<(String, bool)> = [
            "Lindsay Lohan's attorney said Thursday the actress checked into a facility.",
            "Mark Jay Heller told a judge that Lohan was settling in at Morningside Recovery.",
            "\"She's in rehab right now.",
            "Nothing bad is going to happen. \"",
            "TMZ reported Lohan was shopping at an electronics store.",
            "White said he was \"completely blindsided\" by the placement.",
        ]
        .iter()
        .map(|s| (s.to_string(), false))
        .collect();
        assert_eq!(unwrap_hard_wrapped(paras.clone()), paras);
    }

    #[test]
    fn sentence_broken_across_a_blank_line_is_rejoined() {
        let kept = vec![
            ("Kremlin spokesperson Dmitry Peskov emphasized that the road to fully rebuilding the bilateral".to_string(), true),
            ("relationship will be long and challenging.".to_string(), true),
            ("Alignment in the background".to_string(), true),
            ("Russia and the U.S. appeared more clearly aligned on Monday.".to_string(), true),
        ];
        let out = rejoin(kept);
        assert_eq!(out.len(), 3);
        assert_eq!(
            out[0],
            "Kremlin spokesperson Dmitry Peskov emphasized that the road to fully rebuilding the bilateral relationship will be long and challenging."
        );
        assert_eq!(out[1], "Alignment in the background");
    }

    #[test]
    fn related_listing_with_authors_goes_as_a_block() {
        let mut lines = vec![
            line(
                "Roche said the window for pushing Russia over the edge has closed, he added.",
                None,
            ),
            line("placeholder", Some(Rule::Interface)),
            line(
                "Australian Dollar weakens amid heightened global risk sentimentThe Australian Dollar (AUD) extends its losses.",
                None,
            ),
            line("Author FXStreet", Some(Rule::Byline)),
            line("Yesterday 02: 17", Some(Rule::Timestamp)),
            line(
                "The Australian Dollar (AUD) extends its losses against the US Dollar (USD).",
                None,
            ),
            line("placeholder", Some(Rule::Interface)),
            line(
                "Trump says he's planning major economic partnerships with Putin's Russia.",
                None,
            ),
            line("Author Cryptopolitan", Some(Rule::Byline)),
            line("18 hours ago", Some(Rule::Timestamp)),
            line(
                "President Donald Trump announced on Monday that he is negotiating agreements.",
                None,
            ),
            line("goTop", Some(Rule::Interface)),
        ];
        related_blocks(&mut lines);
        assert!(lines[0].kept(), "the article's last paragraph stays");
        for l in &lines[2..] {
            assert!(!l.kept(), "{}", l.text);
        }
        assert_eq!(lines[2].rule, Some(Rule::Related));
        assert_eq!(lines[10].rule, Some(Rule::Related));
    }

    #[test]
    fn headlines_with_times_go_as_a_listing_without_bylines() {
        let mut lines = vec![
            line(
                "Lavrov said Moscow was ready to negotiate with any representatives acting in good faith.",
                None,
            ),
            line("Most read", Some(Rule::Interface)),
            line("Trump and Putin agree to start Ukraine talks", None),
            line("2 hours ago", Some(Rule::Timestamp)),
            line("European leaders meet in Paris after Riyadh snub", None),
            line("5 hours ago", Some(Rule::Timestamp)),
            line("Oil prices slip as investors weigh sanctions outlook", None),
            line("Yesterday 18:40", Some(Rule::Timestamp)),
        ];
        related_blocks(&mut lines);
        assert!(lines[0].kept());
        assert!(lines[2..].iter().all(|l| !l.kept()));
    }

    #[test]
    fn live_blog_times_before_prose_are_not_a_listing() {
        let mut lines = vec![
            line("10:45 AM ET", Some(Rule::Timestamp)),
            line(
                "The Security Council has begun voting on the U.S.-drafted resolution.",
                None,
            ),
            line("10:30 AM ET", Some(Rule::Timestamp)),
            line(
                "Russia's envoy said Moscow would back the text if amendments pass.",
                None,
            ),
            line("10:15 AM ET", Some(Rule::Timestamp)),
            line(
                "European members proposed three amendments to the wording this morning.",
                None,
            ),
        ];
        related_blocks(&mut lines);
        assert!(lines[1].kept() && lines[3].kept() && lines[5].kept());
    }

    #[test]
    fn one_header_byline_and_date_is_not_a_listing() {
        let mut lines = vec![
            line("By Jane Doe", Some(Rule::Byline)),
            line(
                "Published 10:04 AM ET Tue, 25 Feb 2025",
                Some(Rule::Timestamp),
            ),
            line(
                "After its initial enthusiasm, the Kremlin now appears to be playing it cool.",
                None,
            ),
            line(
                "Updated 11:00 AM ET Tue, 25 Feb 2025",
                Some(Rule::Timestamp),
            ),
            line(
                "Peskov told reporters on Tuesday that trust must be rebuilt.",
                None,
            ),
        ];
        related_blocks(&mut lines);
        assert!(lines[2].kept() && lines[4].kept());
    }
}
