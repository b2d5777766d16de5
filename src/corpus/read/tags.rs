//! A cheap pass over an HTML text's tags, before any parsing: how deep its elements nest,
//! and its text without markup for pages nested too deep to parse.
//!
//! The HTML parser checks the stack of open elements at every tag, so a page of 100,000
//! nested `<div>` (1.1 MB) costs it the square of that; Readability's scoring then walks
//! ancestors again. Real pages nest a few dozen levels. This pass is linear: it follows the
//! tags with a stack of names (closing `p`, `li`, table cells and the like where HTML closes
//! them implicitly), which is close enough to the parser's tree to tell a real page from a
//! nest, and reads the text of a nest as paragraphs at its block tags.

use crate::corpus::doc::Para;

/// Elements that never hold content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is raw text, up to their own end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "template",
];

/// Elements an opening tag of the same name closes (`<p>one<p>two`).
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot",
];

/// Elements that end a paragraph of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "hr",
    "br",
    "address",
    "details",
    "summary",
    "center",
    "body",
    "html",
    "figure",
    "nav",
    "aside",
    "form",
];

/// What the scan finds, in order.
enum Event<'a> {
    /// Text between tags.
    Text(&'a str),
    /// An opening (`closing` false) or end tag, its name in lower case. A self-closed tag
    /// and a raw-text element come as both.
    Tag { name: &'a str, closing: bool },
}

/// What starts at a `<`.
enum Found<'a> {
    /// A tag, and the text after it.
    Tag {
        name: &'a str,
        closing: bool,
        self_closed: bool,
        rest: &'a str,
    },
    /// A comment, declaration or processing instruction: skipped up to `rest`.
    Skip(&'a str),
    /// A `<` that starts nothing (`a < b`): text.
    Text,
}

/// What starts at the `<` that begins `s`.
fn tag_at(s: &str) -> Found<'_> {
    if let Some(after) = s.strip_prefix("<!--") {
        return Found::Skip(after.find("-->").map_or("", |i| &after[i + 3..]));
    }
    if s.starts_with("<!") || s.starts_with("<?") {
        return Found::Skip(s.find('>').map_or("", |i| &s[i + 1..]));
    }
    let body = &s[1..];
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Found::Text;
    }
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(body.len());
    // The end of the tag, skipping quoted attribute values.
    let bytes = body.as_bytes();
    let mut quote = None;
    let mut end = None;
    for (i, &b) in bytes.iter().enumerate().skip(name_len) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => {
                end = Some(i);
                break;
            }
            _ => {}
        }
    }
    match end {
        Some(end) => Found::Tag {
            name: &body[..name_len],
            closing,
            self_closed: end > 0 && bytes[end - 1] == b'/',
            rest: &body[end + 1..],
        },
        // A tag never closed: the parser drops the rest too.
        None => Found::Skip(""),
    }
}

/// Walk the text and tags of `html` in order. Raw-text elements' content is skipped.
fn scan(html: &str, mut on: impl FnMut(Event<'_>)) {
    let mut s = html;
    while !s.is_empty() {
        let Some(lt) = s.find('<') else {
            on(Event::Text(s));
            break;
        };
        if lt > 0 {
            on(Event::Text(&s[..lt]));
        }
        s = &s[lt..];
        match tag_at(s) {
            Found::Tag {
                name,
                closing,
                self_closed,
                rest,
            } => {
                let lower = name.to_ascii_lowercase();
                on(Event::Tag {
                    name: &lower,
                    closing,
                });
                s = rest;
                if closing {
                    continue;
                }
                if !self_closed && RAW.contains(&lower.as_str()) {
                    // Skip to the matching end tag (in any case).
                    let close = format!("</{lower}");
                    s = match find_ascii_ci(s, &close) {
                        Some(i) => s[i..].find('>').map_or("", |j| &s[i + j + 1..]),
                        None => "",
                    };
                }
                if self_closed || RAW.contains(&lower.as_str()) {
                    on(Event::Tag {
                        name: &lower,
                        closing: true,
                    });
                }
            }
            Found::Skip(rest) => s = rest,
            Found::Text => {
                on(Event::Text("<"));
                s = &s[1..];
            }
        }
    }
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// How deep the elements of `html` nest, following its tags as the parser would, closely
/// enough to tell a page from a nest. Linear in the length of the text.
pub fn nesting_depth(html: &str) -> usize {
    let mut stack: Vec<String> = Vec::new();
    let mut deepest = 0;
    scan(html, |event| {
        let Event::Tag { name, closing } = event else {
            return;
        };
        if closing {
            // Close up to the nearest open element of that name, if one is near.
            if let Some(i) = stack.iter().rev().take(64).position(|n| n == name) {
                let keep = stack.len() - 1 - i;
                stack.truncate(keep);
            }
            return;
        }
        if VOID.contains(&name) {
            return;
        }
        if SELF_CLOSING_SIBLINGS.contains(&name)
            && let Some(i) = stack.iter().rev().take(4).position(|n| n == name)
        {
            let keep = stack.len() - 1 - i;
            stack.truncate(keep);
        }
        if BLOCKS.contains(&name) && stack.last().is_some_and(|n| n == "p") {
            stack.pop();
        }
        stack.push(name.to_string());
        deepest = deepest.max(stack.len());
    });
    deepest
}

/// The text of `html` as paragraphs, split at block tags, without parsing it: for pages
/// nested too deep to parse. Script, style and other raw-text elements are left out, and
/// character references decoded.
pub fn paras_without_markup(html: &str) -> Vec<Para> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |out: &mut Vec<Para>, cur: &mut String| {
        *cur = html_escape::decode_html_entities(cur.as_str()).into_owned();
        Para::flush_into(out, cur);
    };
    scan(html, |event| match event {
        Event::Text(t) => cur.push_str(t),
        Event::Tag { name, .. } if BLOCKS.contains(&name) => flush(&mut out, &mut cur),
        Event::Tag { .. } => {}
    });
    flush(&mut out, &mut cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_follows_real_pages_and_nests() {
        assert_eq!(
            nesting_depth("<html><body><div><p>a<p>b<p>c</div></body></html>"),
            4
        );
        assert_eq!(nesting_depth("<ul><li>a<li>b<li>c</ul>"), 2);
        assert_eq!(nesting_depth("<p>x<br><img src='a>b'><p>y"), 1);
        assert_eq!(
            nesting_depth("<script>if (a<b) { x = '<div><div>'; }</script><div></div>"),
            1
        );
        assert_eq!(nesting_depth(&"<span>".repeat(5000)), 5000);
        assert_eq!(nesting_depth(&"<div>".repeat(300).repeat(2)), 600);
        let sequential = "<div><span>x</span></div>".repeat(10_000);
        assert_eq!(nesting_depth(&sequential), 2);
    }

    #[test]
    fn text_without_markup_splits_at_blocks() {
        let p = paras_without_markup(
            "<html><head><title>T</title><style>p{}</style></head><body><div><i><i>Fish &amp; chips</i> are</i> fine.<p>Second &lt;para&gt;<script>var a = '<p>';</script></div>",
        );
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Fish & chips are fine.", "Second <para>"]);
    }
}
