//! Escaping of untrusted text for the HTML and Markdown reports.
//!
//! Every piece of article text (bodies, titles, outlet names, paths, quotes, notes) passes
//! through one of these before it reaches a report, so nothing an article holds can become
//! markup: no tag, no attribute, no link, no emphasis.

use std::fmt::Write;

/// Is this a character that must never reach a report raw: C0 controls other than tab and
/// newline, DEL, C1 controls, bidirectional controls (they would reorder the text around
/// them) and invisible formatting characters. They are replaced with U+FFFD so the reader
/// sees that something was there.
fn is_control(c: char) -> bool {
    c != '\n' && c != '\t' && crate::text::controls::is_unsafe(c)
}

/// Escape text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and
/// `'` become character references; control characters become U+FFFD.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_html(&mut out, text);
    out
}

/// [`html`], appended to `out`.
pub fn push_html(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {}
            c if is_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Characters that start Markdown syntax anywhere inside a line (CommonMark and GitHub's
/// extensions: emphasis, strikethrough, code, links, images, autolinks, raw HTML, entities,
/// table cells, heading closers and GitHub's `$` math). Each is written with a backslash
/// before it, which CommonMark defines as "this character, literally". `!` and `(` need none:
/// they only mean something next to a `[`, which is always escaped.
const MARKDOWN_SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '~', '[', ']', '<', '>', '|', '&', '#', '$',
];

/// Escape text for inline Markdown (a table cell, a list item, a heading): Markdown and HTML
/// metacharacters get a backslash, line breaks and runs of white space become one space, and
/// control characters become U+FFFD. The result is one line that renders as exactly the
/// original words.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c == '_' && inside_word(text, i) {
            // `2016_76810849_nyt` stays readable in a plain editor.
            out.push(c);
        } else if MARKDOWN_SPECIAL.contains(&c) {
            out.push('\\');
            out.push(c);
        } else if is_control(c) {
            out.push('\u{FFFD}');
        } else {
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Whether the underscore at byte `i` belongs to a run of underscores with a letter or digit
/// on both sides. CommonMark's flanking rules let such a run neither open nor close emphasis
/// (`snake_case_words` are literal), so it needs no backslash.
fn inside_word(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches('_').chars().next_back();
    let after = text[i..].trim_start_matches('_').chars().next();
    before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}

/// Markdown for text that may begin or end with white space: the escaped words, with one
/// space kept on each side where the original had any (emphasis markers go inside them).
pub fn markdown_parts(text: &str) -> (bool, String, bool) {
    let lead = text.starts_with(char::is_whitespace);
    let trail = text.ends_with(char::is_whitespace);
    (lead, markdown(text.trim()), trail)
}

/// A URL for an `href`, only when it is plain http(s); anything else (`javascript:`, `data:`,
/// relative paths) is shown as text instead of being linked.
pub fn safe_url(url: &str) -> Option<String> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !u.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then(|| html(u))
}

/// A number as a whole percentage ("72 %"), for similarities in 0..1.
pub fn percent(x: f32) -> String {
    let mut s = String::new();
    let p = if x.is_finite() {
        (x.clamp(0.0, 1.0) * 100.0).round()
    } else {
        0.0
    };
    let _ = write!(s, "{p:.0} %");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_tags_quotes_and_entities() {
        let hostile = r#"Peskov said "><img src=x onerror=alert(1)> & <script>alert('x')</script>"#;
        let out = html(hostile);
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('"'));
        assert!(!out.contains('\''));
        assert_eq!(
            out,
            "Peskov said &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; \
             &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
    }

    #[test]
    fn html_replaces_control_characters() {
        assert_eq!(
            html("a\u{1b}[31mb\u{0}c\r\nd"),
            "a\u{FFFD}[31mb\u{FFFD}c\nd"
        );
    }

    #[test]
    fn markdown_escapes_links_emphasis_and_html() {
        let out = markdown("See [x](javascript:alert(1)) and *bold* <b>x</b> | $1.3 million");
        assert_eq!(
            out,
            r"See \[x\](javascript:alert(1)) and \*bold\* \<b\>x\</b\> \| \$1.3 million"
        );
    }

    #[test]
    fn underscores_inside_words_stay_bare() {
        assert_eq!(markdown("2016_76810849_nyt"), "2016_76810849_nyt");
        assert_eq!(markdown("a__b é_ü"), "a__b é_ü");
        // At a word's edge an underscore could open or close emphasis.
        assert_eq!(markdown("_x_ y_ _z a_."), r"\_x\_ y\_ \_z a\_.");
    }

    #[test]
    fn markdown_is_one_line() {
        assert_eq!(
            markdown("Kremlin says\n\nrelations  recover \n"),
            "Kremlin says relations recover "
        );
    }

    #[test]
    fn markdown_parts_keeps_outer_space() {
        assert_eq!(
            markdown_parts(" high-level "),
            (true, "high-level".into(), true)
        );
        assert_eq!(markdown_parts("talks"), (false, "talks".into(), false));
    }

    #[test]
    fn only_web_urls_are_linked() {
        assert_eq!(
            safe_url("https://www.cnbc.com/a?b=1&c=2").as_deref(),
            Some("https://www.cnbc.com/a?b=1&amp;c=2")
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url(" JAVASCRIPT:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,<script>"), None);
        assert_eq!(
            safe_url("https://a.example/\"onmouseover=x"),
            Some("https://a.example/&quot;onmouseover=x".into())
        );
    }

    #[test]
    fn percent_rounds_and_clamps() {
        assert_eq!(percent(0.724), "72 %");
        assert_eq!(percent(1.2), "100 %");
        assert_eq!(percent(f32::NAN), "0 %");
    }
}
