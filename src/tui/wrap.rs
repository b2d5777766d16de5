//! Word wrapping of styled text into lines of a given width. Styles may change inside a line
//! (a changed word, a framing mark); a word split across styles stays one word. Words longer
//! than the width (and unspaced scripts such as Chinese) break between characters.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wrap styled pieces of text to `width` cells. `\n` starts a new line. Runs of spaces
/// collapse to one; spaces at line breaks are dropped. Empty text gives no lines.
pub fn wrap(pieces: &[(&str, Style)], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut w = Wrapper {
        width,
        lines: Vec::new(),
        line: Vec::new(),
        line_width: 0,
        pending_space: None,
        word: Vec::new(),
        word_width: 0,
    };
    for &(text, style) in pieces {
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' || c.is_whitespace() {
                if start < i {
                    w.word_part(&text[start..i], style);
                }
                w.end_word();
                if c == '\n' {
                    w.newline();
                } else if !w.line.is_empty() {
                    w.pending_space = Some(style);
                }
                start = i + c.len_utf8();
            }
        }
        if start < text.len() {
            w.word_part(&text[start..], style);
        }
    }
    w.end_word();
    if !w.line.is_empty() {
        w.finish_line();
    }
    while w.lines.last().is_some_and(|l| l.spans.is_empty()) {
        w.lines.pop();
    }
    w.lines
}

struct Wrapper {
    width: usize,
    lines: Vec<Line<'static>>,
    line: Vec<(String, Style)>,
    line_width: usize,
    pending_space: Option<Style>,
    word: Vec<(String, Style)>,
    word_width: usize,
}

impl Wrapper {
    fn word_part(&mut self, s: &str, style: Style) {
        self.word_width += s.width();
        match self.word.last_mut() {
            Some((t, st)) if *st == style => t.push_str(s),
            _ => self.word.push((s.to_string(), style)),
        }
    }

    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let word = std::mem::take(&mut self.word);
        let ww = std::mem::take(&mut self.word_width);
        let space = usize::from(self.pending_space.is_some() && !self.line.is_empty());
        if self.line_width + space + ww > self.width && !self.line.is_empty() {
            self.finish_line();
        }
        if !self.line.is_empty()
            && let Some(style) = self.pending_space
        {
            self.push(" ", style, 1);
        }
        self.pending_space = None;
        if ww <= self.width - self.line_width.min(self.width) {
            for (t, st) in word {
                self.push(&t, st, 0);
            }
            self.line_width += ww;
            return;
        }
        // Longer than a line: break between characters.
        for (t, st) in word {
            for c in t.chars() {
                let cw = c.width().unwrap_or(0);
                if self.line_width + cw > self.width && !self.line.is_empty() {
                    self.finish_line();
                }
                let mut buf = [0u8; 4];
                self.push(c.encode_utf8(&mut buf), st, cw);
            }
        }
    }

    fn push(&mut self, s: &str, style: Style, width: usize) {
        self.line_width += width;
        match self.line.last_mut() {
            Some((t, st)) if *st == style => t.push_str(s),
            _ => self.line.push((s.to_string(), style)),
        }
    }

    fn newline(&mut self) {
        self.finish_line();
    }

    fn finish_line(&mut self) {
        let spans: Vec<Span<'static>> = std::mem::take(&mut self.line)
            .into_iter()
            .map(|(t, st)| Span::styled(t, st))
            .collect();
        // Collapse paragraph breaks: never two empty lines in a row, never one first.
        let empty = spans.is_empty();
        let last_empty = self.lines.last().is_none_or(|l| l.spans.is_empty());
        if !(empty && last_empty) {
            self.lines.push(Line::from(spans));
        }
        self.line_width = 0;
        self.pending_space = None;
    }
}

/// Display width of a line.
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| s.content.width()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_prose_at_word_boundaries() {
        let text = "Russian Foreign Minister Sergey Lavrov said the talks in Riyadh were useful.";
        let lines = wrap(&[(text, Style::new())], 24);
        assert_eq!(
            plain(&lines),
            [
                "Russian Foreign Minister",
                "Sergey Lavrov said the",
                "talks in Riyadh were",
                "useful."
            ]
        );
        assert!(lines.iter().all(|l| line_width(l) <= 24));
    }

    #[test]
    fn styles_change_inside_a_line_and_words_stay_whole() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let pieces = [
            ("the ", Style::new()),
            ("state-run", bold),
            (", agency said", Style::new()),
        ];
        let lines = wrap(&pieces, 14);
        assert_eq!(plain(&lines), ["the state-run,", "agency said"]);
        assert_eq!(lines[0].spans[1].style, bold);
        assert_eq!(lines[0].spans[1].content, "state-run");
    }

    #[test]
    fn newlines_break_and_blank_runs_collapse() {
        let lines = wrap(&[("One.\n\n\nTwo  words.\n", Style::new())], 40);
        assert_eq!(plain(&lines), ["One.", "", "Two words."]);
    }

    #[test]
    fn long_words_and_unspaced_scripts_break_between_characters() {
        let lines = wrap(&[("俄罗斯外长拉夫罗夫表示", Style::new())], 8);
        assert_eq!(plain(&lines), ["俄罗斯外", "长拉夫罗", "夫表示"]);
        assert!(lines.iter().all(|l| line_width(l) <= 8));
        let lines = wrap(
            &[("see https://example.com/a/very/long/path now", Style::new())],
            10,
        );
        assert!(
            lines.iter().all(|l| line_width(l) <= 10),
            "{:?}",
            plain(&lines)
        );
    }

    #[test]
    fn empty_text_gives_no_lines() {
        assert!(wrap(&[("", Style::new())], 10).is_empty());
        assert!(wrap(&[("   ", Style::new())], 10).is_empty());
    }
}
