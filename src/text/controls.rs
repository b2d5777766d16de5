//! Characters that article text, file names and metadata may carry but that must never reach
//! a terminal or a report raw: control characters (terminal escape sequences start with one),
//! bidirectional controls (they reorder the text after them, so a line can show something
//! other than what it holds) and invisible formatting characters (they hide text or make the
//! width a terminal draws differ from the width the layout computed).
//!
//! One definition for every output: the loader drops them, the reader and plain-text output
//! drop or show them defused, messages show them as `\u{..}` escapes, reports replace them.

/// Bidirectional controls: the Arabic letter mark, the left-to-right and right-to-left marks,
/// embeddings and overrides (U+202A–202E) and isolates (U+2066–2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Invisible formatting characters: zero-width space, non-joiner and joiner, the word joiner,
/// invisible mathematical operators and deprecated format controls (the whole block
/// U+2060–206F, unassigned places included, is default-ignorable), the zero-width no-break
/// space (byte-order mark), the Mongolian vowel separator, interlinear annotation controls and
/// the specials before them, and the tag block (tags can carry a whole hidden text).
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Any character that must not reach a terminal raw: a control character (C0 including tab
/// and line feed, DEL, C1), a bidirectional control or an invisible formatting character.
/// Callers that keep line breaks or tabs test for them first.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_invisible_format(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_bidi_and_invisible_characters_are_unsafe() {
        for c in [
            '\u{1b}',
            '\u{7}',
            '\u{0}',
            '\u{7f}',
            '\u{9b}',
            '\u{85}',
            '\r',
            '\u{202E}',
            '\u{2066}',
            '\u{200F}',
            '\u{61C}',
            '\u{200B}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{E0041}',
        ] {
            assert!(is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn text_of_any_script_is_safe() {
        let text = "Лавров заявил — 俄罗斯外长拉夫罗夫 — قال لافروف — אמר לברוב — “talks” 3½ é ﬁ 👍";
        assert!(!text.chars().any(is_unsafe), "{text}");
    }
}
