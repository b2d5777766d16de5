//! JSON report: the Comparison model serialised as-is (the contract of docs/JSON.md, which
//! documents it field by field).

use serde::Serialize;

use crate::model::Comparison;
use crate::text::controls;

/// One object for one comparison, an array for several (and `[]` for none).
pub fn render(comparisons: &[Comparison]) -> String {
    let mut out = match comparisons {
        [one] => to_string_pretty(one),
        many => to_string_pretty(many),
    }
    // The model is plain data (strings, numbers, lists), which serde_json always serialises;
    // should that ever change, the reader still gets valid JSON that says what went wrong.
    .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string());
    out.push('\n');
    out
}

/// Pretty JSON that is safe to show on a terminal: besides the control characters below
/// U+0020, which JSON always escapes, DEL, C1 controls, bidirectional controls and invisible
/// formatting characters are written as `\uXXXX` escapes too. The value reads back the same.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let json = serde_json::to_string_pretty(value)?;
    // Outside strings pretty JSON holds only ASCII punctuation, literals, spaces and line
    // feeds, so every other unsafe character is inside a string, where an escape means the
    // same character.
    if !json.chars().any(|c| c != '\n' && controls::is_unsafe(c)) {
        return Ok(json);
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        if c != '\n' && controls::is_unsafe(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_and_read_back() {
        let text = "a\u{1b}[2J b\u{9b}31m c\u{202e}d e\u{200b}f g\u{e0041} h\u{7f} — “ok” 中文";
        let json = to_string_pretty(&serde_json::json!({ "text": text })).unwrap();
        assert!(
            !json.chars().any(|c| c != '\n' && controls::is_unsafe(c)),
            "{json}"
        );
        assert!(
            json.contains(r"\u009b") && json.contains(r"\udb40\udc41"),
            "{json}"
        );
        assert!(
            json.contains("— “ok” 中文"),
            "other text stays as it is: {json}"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["text"], text);
    }
}
