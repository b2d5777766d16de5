//! Text made safe for a terminal. Article text is untrusted: it may carry terminal escape
//! sequences, control characters or bidirectional overrides that would garble or spoof the
//! screen. Everything the TUI, the plain-text output and the command's messages show passes
//! through [`sanitize`] (the characters themselves are defined in [`super::controls`]).

use std::borrow::Cow;

use super::controls;

/// Make text safe to put on a terminal.
///
/// - ESC becomes the visible `␛` so a reader can see something was there;
/// - tab becomes a space; CR, other C0/C1 controls and DEL are dropped;
/// - bidirectional overrides, embeddings, isolates and marks are dropped, so text cannot
///   reorder what follows it, and so are invisible formatting characters (zero-width
///   characters, the BOM, tag characters), which hide text or throw the layout's widths off;
/// - the Unicode line and paragraph separators become `\n`, which is kept (callers break lines
///   there).
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_change) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{1b}' => out.push('␛'),
            '\t' => out.push(' '),
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if needs_change(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Like [`sanitize`], for one-line places (headers, titles, list items): line breaks become
/// spaces too.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    let clean = sanitize(s);
    if clean.contains('\n') {
        Cow::Owned(clean.replace('\n', " "))
    } else {
        clean
    }
}

fn needs_change(c: char) -> bool {
    (c != '\n' && controls::is_unsafe(c)) || c == '\u{2028}' || c == '\u{2029}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        let s = "Lavrov said on Tuesday that “talks” in Riyadh — went well.\nNext paragraph.";
        assert!(matches!(sanitize(s), Cow::Borrowed(_)));
        assert_eq!(sanitize(s), s);
    }

    #[test]
    fn escape_sequences_are_defused() {
        let s = "Moscow\u{1b}[2J\u{1b}]0;pwned\u{7}said";
        let out = sanitize(s);
        assert!(!out.contains('\u{1b}'));
        assert!(!out.contains('\u{7}'));
        assert_eq!(out, "Moscow␛[2J␛]0;pwnedsaid");
    }

    #[test]
    fn c1_controls_del_and_cr_are_dropped() {
        assert_eq!(sanitize("a\u{9b}31mb\u{7f}c\r\nd"), "a31mbc\nd");
    }

    #[test]
    fn bidi_overrides_are_dropped() {
        let s = "The file \u{202e}fdp.exe\u{202c} and \u{2067}isolate\u{2069}\u{200f}";
        assert_eq!(sanitize(s), "The file fdp.exe and isolate");
    }

    #[test]
    fn tabs_become_spaces_and_separators_break_lines() {
        assert_eq!(sanitize("a\tb\u{2028}c"), "a b\nc");
        assert_eq!(sanitize_line("a\tb\u{2028}c\nd"), "a b c d");
    }

    #[test]
    fn non_latin_text_is_kept() {
        let s = "俄罗斯外长拉夫罗夫表示 — Лавров заявил";
        assert_eq!(sanitize(s), s);
    }
}
