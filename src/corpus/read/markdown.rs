//! Markdown articles with YAML (`---`) or TOML (`+++`) front matter, as static-site
//! generators, note apps and web clippers save them.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_json::Value;

use crate::corpus::doc::{Para, RawDoc};

use super::fields;

/// Front matter split off the top of a Markdown file.
#[derive(Debug, PartialEq)]
pub struct FrontMatter<'a> {
    /// `---` (YAML) or `+++` (TOML).
    pub fence: &'static str,
    /// The text between the fences.
    pub text: &'a str,
    /// The Markdown after the closing fence.
    pub rest: &'a str,
}

/// Find front matter: a first line of exactly `---` or `+++` and a matching closing line.
pub fn split_front_matter(text: &str) -> Option<FrontMatter<'_>> {
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != fence {
        return None;
    }
    let body = &text[first_end + 1..];
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let t = line.trim_end();
        if t == fence || (fence == "---" && t == "...") {
            return Some(FrontMatter {
                fence,
                text: &body[..at],
                rest: &body[at + line.len()..],
            });
        }
        at += line.len();
    }
    None
}

/// Read a Markdown file. A front matter block that does not parse is reported (the returned
/// note) and the text is read without it.
pub fn read(text: &str, doc: &mut RawDoc) -> Option<String> {
    let mut note = None;
    let markdown = match split_front_matter(text) {
        Some(fm) => {
            match parse_front_matter(&fm) {
                Ok(Value::Object(obj)) => fields::apply_meta(&obj, doc),
                Ok(Value::Null) => {}
                Ok(_) => note = Some("front matter is not a table of fields; ignored".to_string()),
                Err(e) => note = Some(e.to_string()),
            }
            fm.rest
        }
        None => text,
    };
    doc.paras = paras_of_markdown(markdown);
    note
}

/// A front matter block that does not parse; the file is read without it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed {format} front matter ({message}); read the text without it")]
pub struct FrontMatterError {
    /// `TOML` or `YAML`.
    pub format: &'static str,
    /// The parser's message, on one line.
    pub message: String,
    /// The line of the error inside the block, from 1, when the parser says.
    pub line: Option<usize>,
}

fn parse_front_matter(fm: &FrontMatter<'_>) -> Result<Value, FrontMatterError> {
    if fm.fence == "+++" {
        let table: toml::Table = toml::from_str(fm.text).map_err(|e| FrontMatterError {
            format: "TOML",
            message: first_line(&e.to_string()),
            line: e
                .span()
                .and_then(|s| fm.text.get(..s.start))
                .map(|before| before.matches('\n').count() + 1),
        })?;
        Ok(toml_to_json(toml::Value::Table(table)))
    } else {
        serde_yaml_ng::from_str::<Value>(fm.text).map_err(|e| FrontMatterError {
            format: "YAML",
            message: first_line(&e.to_string()),
            line: e.location().map(|l| l.line()),
        })
    }
}

/// A parser's message on one line, and short: parsers quote the offending line, which in a
/// hostile file is 100 KB long.
fn first_line(s: &str) -> String {
    let line = s
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    crate::text::shorten(&line, MESSAGE_CHARS)
}

/// The longest parser message kept in a note, in characters.
const MESSAGE_CHARS: usize = 240;

/// TOML values as JSON values, dates as their text.
fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// The paragraphs of a Markdown text: each paragraph, heading, list item, quote or code
/// block once, with markup removed, soft line breaks joined, and image alt text dropped
/// (it describes a picture, like a caption).
pub fn paras_of_markdown(md: &str) -> Vec<Para> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_image = 0usize;
    // Raw HTML blocks (`<p>…</p>`, `<div>` and the text up to the next blank line) are read
    // as HTML, so their text stays.
    let mut html: Option<String> = None;
    for event in Parser::new(md) {
        if let Some(block) = html.as_mut() {
            match event {
                Event::End(TagEnd::HtmlBlock) => {
                    Para::flush_into(&mut out, &mut cur);
                    out.extend(super::html::paras_of_html(block));
                    html = None;
                }
                Event::Html(t) | Event::Text(t) => block.push_str(&t),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::HtmlBlock) => html = Some(String::new()),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if in_image == 0 => cur.push_str(&t),
            Event::InlineHtml(t) if t.trim_start().to_ascii_lowercase().starts_with("<br") => {
                Para::flush_into(&mut out, &mut cur)
            }
            Event::SoftBreak if in_image == 0 => cur.push(' '),
            Event::HardBreak => Para::flush_into(&mut out, &mut cur),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::CodeBlock(_)
                | Tag::TableCell,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
            )
            | Event::Rule => Para::flush_into(&mut out, &mut cur),
            Event::End(TagEnd::TableCell) => cur.push(' '),
            _ => {}
        }
    }
    Para::flush_into(&mut out, &mut cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_gives_metadata() {
        let text = "---\ntitle: \"Kremlin says ties recovering\"\noutlet: Anadolu Agency\ndate: 2025-03-11\nurl: https://www.aa.com.tr/en/x\ntags: [russia, us]\n---\n\n# Kremlin says ties recovering\n\nThe Kremlin has stated that efforts\nare in early stages.\n\n![Putin speaks](putin.jpg)\n\n- one *point*\n- a [linked](https://x.y) point\n";
        let mut doc = RawDoc::default();
        assert_eq!(read(text, &mut doc), None);
        assert_eq!(doc.title.as_deref(), Some("Kremlin says ties recovering"));
        assert_eq!(doc.source.as_deref(), Some("Anadolu Agency"));
        assert_eq!(doc.date.unwrap().to_string(), "2025-03-11");
        assert_eq!(doc.url.as_deref(), Some("https://www.aa.com.tr/en/x"));
        let texts: Vec<&str> = doc.paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Kremlin says ties recovering",
                "The Kremlin has stated that efforts are in early stages.",
                "one point",
                "a linked point"
            ]
        );
    }

    #[test]
    fn toml_front_matter_with_a_real_date() {
        let text = "+++\ntitle = \"Peskov: long road ahead\"\npublisher = \"RT\"\ndate = 2025-09-05T10:00:00Z\n+++\nA full-fledged revival of relations will take time.\n";
        let mut doc = RawDoc::default();
        assert_eq!(read(text, &mut doc), None);
        assert_eq!(doc.source.as_deref(), Some("RT"));
        assert_eq!(doc.date.unwrap().to_string(), "2025-09-05");
        assert_eq!(doc.paras.len(), 1);
    }

    #[test]
    fn malformed_front_matter_is_reported_and_the_text_still_read() {
        let text = "---\ntitle: \"unclosed\ndate: [2025\n---\nThe Kremlin has stated that efforts are in early stages.\n";
        let mut doc = RawDoc::default();
        let note = read(text, &mut doc).unwrap();
        assert!(note.starts_with("malformed YAML front matter"), "{note}");
        assert!(!note.contains('\n'));
        assert_eq!(doc.paras.len(), 1);
        assert_eq!(doc.title, None);
    }

    #[test]
    fn raw_html_blocks_keep_their_text() {
        let md = "Intro paragraph here.\n\n<p>The Kremlin said ties were <em>recovering</em>.</p>\n\n<div class=\"note\">Peskov spoke on Tuesday.</div>\n\n<div>\nText right after a div line, without a blank line.\nAnd a second line.\n\n<script>var x = 1;</script>\n\nLast one.\n";
        let texts: Vec<String> = paras_of_markdown(md).into_iter().map(|p| p.text).collect();
        assert_eq!(
            texts,
            [
                "Intro paragraph here.",
                "The Kremlin said ties were recovering.",
                "Peskov spoke on Tuesday.",
                "Text right after a div line, without a blank line. And a second line.",
                "Last one."
            ]
        );
    }

    #[test]
    fn a_front_matter_error_on_a_huge_line_stays_short() {
        let text = format!(
            "+++\ntitle = \"{}\n+++\nThe Kremlin has stated that efforts are in early stages.\n",
            "x".repeat(100_000)
        );
        let mut doc = RawDoc::default();
        let note = read(&text, &mut doc).unwrap();
        assert!(note.starts_with("malformed TOML front matter"), "{note}");
        assert!(note.chars().count() < 400, "{} chars", note.chars().count());
    }

    #[test]
    fn a_thematic_break_is_not_front_matter() {
        assert_eq!(split_front_matter("Some text\n---\nmore"), None);
        assert_eq!(split_front_matter("----\nnot a fence\n----\n"), None);
    }
}
