//! Styled text of one passage: the words that differ from the reference, framing marks and
//! search matches, as pieces of sanitised text ready to wrap. Built once per layout, never
//! per frame.

use ratatui::style::Style;

use super::sanitize::sanitize;
use super::theme::Theme;
use crate::model::{Cell, Comparison, DiffOp, Mark};

/// What to emphasise in a passage.
pub struct Emphasis<'a> {
    /// Compare against this article's cell (none: no word differences shown).
    pub against: Option<&'a str>,
    /// Highlight this search text (case-insensitive; empty: none).
    pub query: &'a str,
}

/// Sanitised, styled pieces of a cell's text.
pub fn cell_pieces(
    c: &Comparison,
    cell: &Cell,
    emph: &Emphasis<'_>,
    theme: &Theme,
) -> Vec<(String, Style)> {
    let marks: &[Mark] = c
        .article_index(&cell.article)
        .map(|i| c.articles[i].marks.as_slice())
        .unwrap_or(&[]);
    let diff = emph
        .against
        .filter(|a| *a != cell.article)
        .and_then(|a| cell.diffs.iter().find(|d| d.against == a));
    passage_pieces(
        &cell.text,
        cell.start,
        marks,
        diff.map(|d| d.spans.as_slice()).unwrap_or(&[]),
        emph.query,
        theme,
    )
}

/// Styled pieces of `text`, which sits at byte `base` of its article body: `marks` and diff
/// `spans` are in body offsets. Dropped words show as a `[−N]` marker where they were lost.
pub fn passage_pieces(
    text: &str,
    base: usize,
    marks: &[Mark],
    spans: &[crate::model::DiffSpan],
    query: &str,
    theme: &Theme,
) -> Vec<(String, Style)> {
    let end = base + text.len();
    // Style layers as (start, end, style) in body offsets, applied in order.
    let mut layers: Vec<(usize, usize, Style)> = Vec::new();
    for m in marks.iter().filter(|m| m.start < end && m.end > base) {
        layers.push((m.start.max(base), m.end.min(end), theme.mark(m.kind)));
    }
    let mut drops: Vec<(usize, usize)> = Vec::new();
    for s in spans {
        match s.op {
            DiffOp::Equal => {}
            DiffOp::Changed => layers.push((s.start.max(base), s.end.min(end), theme.changed)),
            DiffOp::Added => layers.push((s.start.max(base), s.end.min(end), theme.added)),
            DiffOp::Dropped => {
                if (base..=end).contains(&s.start) {
                    drops.push((s.start, crate::text::words(&s.text).len().max(1)));
                }
            }
        }
    }
    for (s, e) in find_all(text, query) {
        layers.push((base + s, base + e, theme.matched));
    }
    layers.retain(|&(s, e, _)| s < e);

    let mut cuts: Vec<usize> = vec![base, end];
    for &(s, e, _) in &layers {
        cuts.push(s);
        cuts.push(e);
    }
    cuts.extend(drops.iter().map(|d| d.0));
    cuts.retain(|&p| p >= base && p <= end && text.is_char_boundary(p - base));
    cuts.sort_unstable();
    cuts.dedup();

    let mut out: Vec<(String, Style)> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        push_drops(&mut out, &drops, a, theme);
        let mut style = theme.text;
        for &(s, e, st) in &layers {
            if s <= a && b <= e {
                style = style.patch(st);
            }
        }
        let piece = sanitize(&text[a - base..b - base]);
        match out.last_mut() {
            Some((t, st)) if *st == style => t.push_str(&piece),
            _ => out.push((piece.into_owned(), style)),
        }
    }
    push_drops(&mut out, &drops, end, theme);
    out
}

fn push_drops(out: &mut Vec<(String, Style)>, drops: &[(usize, usize)], at: usize, theme: &Theme) {
    for &(_, n) in drops.iter().filter(|d| d.0 == at) {
        // Keep the marker apart from neighbouring words so it wraps as its own word.
        let lead = out
            .last()
            .is_some_and(|(t, _)| !t.ends_with(char::is_whitespace));
        let text = format!("{}[−{n}] ", if lead { " " } else { "" });
        out.push((text, theme.dropped));
    }
}

/// Byte ranges of case-insensitive occurrences of `query` in `text`.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let (hay, needle) = (text.to_lowercase(), query.to_lowercase());
    // Lower-casing keeps byte offsets for almost all text; when it does not, match exactly.
    let (hay, needle) = if hay.len() == text.len() {
        (hay, needle)
    } else {
        (text.to_string(), query.to_string())
    };
    hay.match_indices(&needle)
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

/// Whether `text` contains `query`, ignoring case.
pub fn contains(text: &str, query: &str) -> bool {
    !find_all(text, query).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::tui::ThemeName;
    use crate::model::{DiffSpan, MarkKind};

    fn span(op: DiffOp, text: &str, start: usize, end: usize) -> DiffSpan {
        DiffSpan {
            op,
            text: text.into(),
            old: None,
            start,
            end,
        }
    }

    #[test]
    fn changed_words_marks_and_drops_are_styled() {
        let theme = Theme::new(ThemeName::Dark, false);
        // Body offset 100: "Lavrov claimed the regime fell."
        let text = "Lavrov claimed the regime fell.";
        let spans = vec![
            span(DiffOp::Equal, "Lavrov ", 100, 107),
            span(DiffOp::Changed, "claimed", 107, 114),
            span(DiffOp::Equal, " the regime", 114, 125),
            span(DiffOp::Dropped, "quickly", 125, 125),
            span(DiffOp::Equal, " fell.", 125, 131),
        ];
        let marks = vec![Mark {
            kind: MarkKind::Loaded,
            start: 119,
            end: 125,
            text: "regime".into(),
            note: String::new(),
            grade: 2,
        }];
        let pieces = passage_pieces(text, 100, &marks, &spans, "", &theme);
        let joined: String = pieces.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(joined, "Lavrov claimed the regime [−1]  fell.");
        let style_of = |s: &str| pieces.iter().find(|p| p.0 == s).map(|p| p.1);
        assert_eq!(style_of("claimed"), Some(theme.text.patch(theme.changed)));
        assert_eq!(
            style_of("regime"),
            Some(theme.text.patch(theme.mark(MarkKind::Loaded)))
        );
    }

    #[test]
    fn search_matches_ignore_case() {
        assert_eq!(find_all("Lavrov met lavrov", "LAVROV"), [(0, 6), (11, 17)]);
        assert!(find_all("anything", "  ").is_empty());
        assert!(contains("Riyadh talks", "riyadh"));
    }

    #[test]
    fn offsets_off_char_boundaries_are_ignored_not_panicking() {
        let theme = Theme::new(ThemeName::Dark, true);
        let text = "Лавров said";
        let spans = vec![span(DiffOp::Changed, "x", 1, 3)];
        let pieces = passage_pieces(text, 0, &[], &spans, "", &theme);
        let joined: String = pieces.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn control_characters_are_sanitised() {
        let theme = Theme::new(ThemeName::Dark, true);
        let pieces = passage_pieces("a\u{1b}[31mb", 0, &[], &[], "", &theme);
        assert_eq!(pieces[0].0, "a␛[31mb");
    }
}
