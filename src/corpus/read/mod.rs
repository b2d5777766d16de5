//! Readers: from a file's name and bytes to documents ready for cleaning. Pure functions, so
//! files on disk and the sample embedded in the binary take the same path.
//!
//! The format comes from the extension: `.txt`, `.md`/`.markdown`, `.html`/`.htm`, `.json`,
//! `.jsonl`/`.ndjson`. A `.txt` file that is really a saved web page is read as HTML.

mod fields;
pub mod html;
pub mod markdown;
pub mod tags;

pub use fields::host_of;

use std::path::Path;

use serde_json::Value;

use super::ReadError;
use super::decode::{decode, html_charset};
use super::doc::{RawDoc, paras_of_text};

/// The article formats parallax reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown, optionally with front matter.
    Markdown,
    /// A saved web page.
    Html,
    /// One JSON record, an array of records, or an object wrapping a list of them.
    Json,
    /// One JSON record per line.
    JsonLines,
}

impl Format {
    /// The format of a file from its extension; `None` for files that are not articles.
    pub fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        })
    }
}

/// What reading one file gave.
#[derive(Debug, Default)]
pub struct Read {
    /// The documents in the file (several for JSON arrays and JSON Lines).
    pub docs: Vec<RawDoc>,
    /// Problems that did not stop the file from loading (a guessed encoding, records that
    /// could not be read), one line each.
    pub notes: Vec<String>,
}

/// Read one file's bytes as the given format. `path` names the file in messages and ids.
/// An error is the reason the file could not be read at all.
pub fn read(path: &Path, format: Format, bytes: &[u8]) -> Result<Read, ReadError> {
    read_declared(path, format, bytes, None)
}

/// [`read`] with the charset the bytes were served with (an HTTP `Content-Type` header),
/// which wins over a page's own `<meta charset>`; either counts only when the bytes are not
/// UTF-8.
pub fn read_declared(
    path: &Path,
    format: Format,
    bytes: &[u8],
    charset: Option<&str>,
) -> Result<Read, ReadError> {
    let declared = charset.map(str::to_string).or_else(|| {
        (format == Format::Html)
            .then(|| html_charset(bytes))
            .flatten()
    });
    let decoded = decode(bytes, declared.as_deref())?;
    let mut out = Read::default();
    if let Some(enc) = decoded.legacy {
        out.notes.push(format!("not UTF-8; read as {enc}"));
    }
    if decoded.replaced > 0 {
        out.notes.push(format!(
            "UTF-8 with {} invalid byte sequence{}, each shown as \u{fffd}",
            decoded.replaced,
            if decoded.replaced == 1 { "" } else { "s" }
        ));
    }
    let text = decoded.text.as_str();
    if let Some(kind) = own_report(format, text) {
        return Err(ReadError::OwnReport { format: kind });
    }
    let base = RawDoc {
        path: path.to_string_lossy().into_owned(),
        id: stem(path),
        ..RawDoc::default()
    };
    match format {
        Format::Text if looks_like_page(text) => {
            out.docs.push(html_doc(text, base, &mut out.notes)?)
        }
        Format::Text => {
            let mut doc = base;
            doc.paras = paras_of_text(text);
            doc.plain = true;
            out.docs.push(doc);
        }
        Format::Markdown => {
            let mut doc = base;
            if let Some(note) = markdown::read(text, &mut doc) {
                out.notes.push(note);
            }
            out.docs.push(doc);
        }
        Format::Html => out.docs.push(html_doc(text, base, &mut out.notes)?),
        Format::Json => {
            let value: Value = serde_json::from_str(&lone_surrogates_replaced(text))?;
            if is_comparison_json(&value) {
                return Err(ReadError::OwnReport { format: "JSON" });
            }
            let records = fields::records(value);
            let many = records.len() > 1;
            for (i, rec) in records.into_iter().enumerate() {
                record(rec, &base, many.then_some(i + 1), &mut out);
            }
        }
        Format::JsonLines => {
            let mut bad = Vec::new();
            let mut n = 0;
            let text = lone_surrogates_replaced(text);
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                n += 1;
                match serde_json::from_str::<Value>(line) {
                    Ok(rec) => record(rec, &base, Some(i + 1), &mut out),
                    Err(e) => bad.push(format!("line {}: {e}", i + 1)),
                }
            }
            if !bad.is_empty() {
                out.notes.push(format!(
                    "{} of {n} lines are not valid JSON (first: {})",
                    bad.len(),
                    bad[0]
                ));
            }
        }
    }
    if out.docs.is_empty() && format != Format::Json && format != Format::JsonLines {
        return Err(ReadError::NoText);
    }
    out.notes = collapse_record_notes(std::mem::take(&mut out.notes));
    Ok(out)
}

/// The file stem as an id, for any file name (non-UTF-8 names included).
fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| {
            s.to_string_lossy()
                .chars()
                .map(|c| {
                    if crate::text::controls::is_unsafe(c) {
                        '_'
                    } else {
                        c
                    }
                })
                .collect::<String>()
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "article".into())
}

/// Is this text a report parallax wrote (Markdown or HTML; JSON is recognised once parsed)?
/// Read back as an article it would join its own story. Returns the report's format.
fn own_report(format: Format, text: &str) -> Option<&'static str> {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    match format {
        Format::Html | Format::Text
            if head
                .to_ascii_lowercase()
                .contains("<meta name=\"generator\" content=\"parallax ") =>
        {
            Some("HTML")
        }
        Format::Markdown | Format::Text => {
            let mut lines = head.lines().map(str::trim).filter(|l| !l.is_empty());
            let first = lines.next()?;
            let byline = |l: &str| {
                l.starts_with("Story `")
                    && l.contains(" sources · ")
                    && l.contains(" aligned passages · ")
                    && l.contains(" · parallax ")
            };
            (first.starts_with("# parallax comparison") || lines.take(3).any(byline))
                .then_some("Markdown")
        }
        _ => None,
    }
}

/// A comparison object as `parallax export --format json` writes it (docs/JSON.md), or an
/// array of them.
fn is_comparison_json(value: &Value) -> bool {
    let one = |v: &Value| {
        v.as_object().is_some_and(|o| {
            o.get("version").is_some_and(Value::is_u64)
                && o.get("story").is_some_and(|s| s.get("id").is_some())
                && o.get("articles").is_some_and(Value::is_array)
                && o.get("rows").is_some_and(Value::is_array)
        })
    };
    match value {
        Value::Array(items) => !items.is_empty() && items.iter().all(one),
        v => one(v),
    }
}

/// JSON text with every `\uXXXX` escape of a lone surrogate (half of a UTF-16 pair, which
/// names no character) turned into `\ufffd`: one such escape in one field must not make the
/// whole file unreadable. Pairs and escaped backslashes are left alone.
fn lone_surrogates_replaced(text: &str) -> std::borrow::Cow<'_, str> {
    let lower = |b: u8| b.to_ascii_lowercase();
    let b = text.as_bytes();
    if !b
        .windows(3)
        .any(|w| w[0] == b'\\' && lower(w[1]) == b'u' && lower(w[2]) == b'd')
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let unit = |at: usize| -> Option<u16> {
        if b.get(at) != Some(&b'\\') || b.get(at + 1) != Some(&b'u') {
            return None;
        }
        let hex = text.get(at + 2..at + 6)?;
        u16::from_str_radix(hex, 16).ok()
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) if matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&text[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
            }
            // Any other escape, `\\` included: skip the escaped character.
            _ => i += 2,
        }
    }
    out.push_str(&text[copied.min(text.len())..]);
    std::borrow::Cow::Owned(out)
}

/// Plain-text files that are really saved web pages.
fn looks_like_page(text: &str) -> bool {
    let head = text
        .trim_start()
        .get(..200)
        .unwrap_or(text.trim_start())
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

fn html_doc(text: &str, mut doc: RawDoc, notes: &mut Vec<String>) -> Result<RawDoc, ReadError> {
    notes.extend(html::read(text, &mut doc)?);
    if doc.source.is_none() {
        doc.source = doc.url.as_deref().and_then(fields::host_of);
    }
    Ok(doc)
}

/// One JSON record into a document; `n` numbers records of a multi-record file (1-based:
/// the line for JSON Lines, the position for arrays).
fn record(rec: Value, base: &RawDoc, n: Option<usize>, out: &mut Read) {
    let mut doc = base.clone();
    if let Some(n) = n {
        doc.path = format!("{}#{n}", base.path);
        doc.id = format!("{}-{n}", base.id);
    }
    let Value::Object(obj) = rec else {
        out.notes
            .push(format!("{}: not a JSON object; skipped", where_(n)));
        return;
    };
    fields::apply_meta(&obj, &mut doc);
    match fields::text_of(&obj) {
        Some(paras) => {
            doc.paras = paras;
            out.docs.push(doc);
        }
        None => out.notes.push(format!(
            "{}: no article text (looked for text, body, content, maintext, description); skipped",
            where_(n)
        )),
    }
}

/// Notes about many records of one file that say the same thing ("record 5: no article
/// text"), said once with a count: a feed of 198 non-article records gives one warning, not 198.
fn collapse_record_notes(notes: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // reason -> (index in out, count, first record)
    let mut seen: Vec<(String, usize, usize, String)> = Vec::new();
    for note in notes {
        let split = note
            .strip_prefix("record ")
            .and_then(|rest| rest.split_once(": "))
            .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
        let Some((n, reason)) = split else {
            out.push(note);
            continue;
        };
        if let Some(entry) = seen.iter_mut().find(|e| e.0 == reason) {
            entry.2 += 1;
            out[entry.1] = format!("{} records (first: record {}): {reason}", entry.2, entry.3);
        } else {
            seen.push((reason.to_string(), out.len(), 1, n.to_string()));
            out.push(note);
        }
    }
    out
}

fn where_(n: Option<usize>) -> String {
    n.map_or_else(|| "record".to_string(), |n| format!("record {n}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(Format::of(Path::new("a.markdown")), Some(Format::Markdown));
        assert_eq!(Format::of(Path::new("a.htm")), Some(Format::Html));
        assert_eq!(Format::of(Path::new("a.ndjson")), Some(Format::JsonLines));
        assert_eq!(Format::of(Path::new("sources.toml")), None);
        assert_eq!(Format::of(Path::new("photo.jpg")), None);
        assert_eq!(Format::of(Path::new("README")), None);
    }

    #[test]
    fn jsonl_records_get_numbered_paths_and_ids_and_bad_lines_one_note() {
        let text = "{\"title\": \"A\", \"text\": \"First article text.\"}\n\n{broken\n{\"title\": \"B\", \"body\": \"Second article text.\"}\n{\"title\": \"C\"}\n";
        let r = read(
            Path::new("dir/feed.jsonl"),
            Format::JsonLines,
            text.as_bytes(),
        )
        .unwrap();
        let ids: Vec<&str> = r.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["feed-1", "feed-4"]);
        assert_eq!(r.docs[1].path, "dir/feed.jsonl#4");
        assert_eq!(r.notes.len(), 2, "{:?}", r.notes);
        assert!(
            r.notes
                .iter()
                .any(|n| n.starts_with("1 of 4 lines are not valid JSON (first: line 3:")),
            "{:?}",
            r.notes
        );
        assert!(
            r.notes
                .iter()
                .any(|n| n.starts_with("record 5: no article text")),
            "{:?}",
            r.notes
        );
    }

    #[test]
    fn a_lone_surrogate_does_not_reject_the_file() {
        let r = read(
            Path::new("x.json"),
            Format::Json,
            br#"{"title": "A \ud800 B", "text": "Pair \ud83d\ude00 and \\ud800 literal, lone \udc00 end."}"#,
        )
        .unwrap();
        assert_eq!(r.docs[0].title.as_deref(), Some("A \u{fffd} B"));
        assert_eq!(
            r.docs[0].paras[0].text,
            "Pair \u{1f600} and \\ud800 literal, lone \u{fffd} end."
        );
    }

    #[test]
    fn own_reports_are_recognised() {
        let md = "# Kremlin ties\n\nStory `s1` · 3 sources · 40 aligned passages · reading order of RT · parallax 0.1.0\n\n## Sources\n";
        let err = read(Path::new("r.md"), Format::Markdown, md.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a parallax Markdown report, not an article; skipped"
        );
        let html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"parallax 0.1.0\">\n</head><body><p>x</p></body></html>";
        assert!(read(Path::new("r.html"), Format::Html, html.as_bytes()).is_err());
        let json =
            r#"{"version": 1, "story": {"id": "s1", "title": "T"}, "articles": [], "rows": []}"#;
        let err = read(Path::new("r.json"), Format::Json, json.as_bytes()).unwrap_err();
        assert!(
            matches!(err, ReadError::OwnReport { format: "JSON" }),
            "{err:?}"
        );
        // An article that merely mentions parallax is an article.
        let plain = "The parallax comparison of two stars.\n\nAstronomers said on Monday.";
        assert!(read(Path::new("a.md"), Format::Markdown, plain.as_bytes()).is_ok());
    }

    #[test]
    fn many_records_without_text_are_one_note_with_a_count() {
        let text: String = (0..198)
            .map(|i| format!("{{\"id\": {i}, \"kind\": \"ad\"}}\n"))
            .collect::<String>()
            + "{\"title\": \"A\", \"text\": \"The one article.\"}\n";
        let r = read(Path::new("feed.jsonl"), Format::JsonLines, text.as_bytes()).unwrap();
        assert_eq!(r.docs.len(), 1);
        assert_eq!(r.notes.len(), 1, "{:?}", r.notes);
        assert!(
            r.notes[0].starts_with("198 records (first: record 1): no article text"),
            "{:?}",
            r.notes
        );
    }

    #[test]
    fn malformed_json_is_one_line() {
        let err = read(Path::new("x.json"), Format::Json, b"{\"title\": \"A\",, }").unwrap_err();
        assert!(
            matches!(err, ReadError::MalformedJson { line: 1, .. }),
            "{err:?}"
        );
        let err = err.to_string();
        assert!(err.starts_with("malformed JSON: "), "{err}");
        assert!(!err.contains('\n'));
    }

    #[test]
    fn single_json_object_keeps_the_file_id() {
        let r = read(
            Path::new("one.json"),
            Format::Json,
            br#"{"headline": "H", "content": "Text here."}"#,
        )
        .unwrap();
        assert_eq!(r.docs[0].id, "one");
        assert_eq!(r.docs[0].path, "one.json");
        assert_eq!(r.docs[0].title.as_deref(), Some("H"));
    }

    #[test]
    fn a_txt_file_holding_a_web_page_is_read_as_html() {
        let page = "<!DOCTYPE html><html><head><title>T</title></head><body><p>The Kremlin has said that relations are recovering slowly, and officials agree.</p></body></html>";
        let r = read(Path::new("saved.txt"), Format::Text, page.as_bytes()).unwrap();
        assert!(!r.docs[0].plain);
        assert!(r.docs[0].paras[0].text.starts_with("The Kremlin"));
    }
}
