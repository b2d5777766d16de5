//! JSON report: the Comparison model serialised as-is (the contract of docs/JSON.md, which
//! documents it field by field), streamed to a writer one story at a time.
//!
//! The layout is pretty but compact where that reads better: the small leaf records a
//! comparison holds by the thousand (word-difference spans, framing marks, fact values, word
//! counts, a quotation) and lists of row ids are written one per line instead of one field per
//! line. On a 10,000-article corpus that indentation was more than half of the bytes; the
//! values are exactly those of plain pretty JSON.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter};

use crate::model::Comparison;
use crate::text::controls;

/// One object for one comparison, an array for several (and `[]` for none).
pub fn render(comparisons: &[Comparison]) -> String {
    let mut out = Vec::with_capacity(64 * 1024);
    // Writing into memory cannot fail, and the model is plain data that serde_json always
    // serialises.
    let _ = write_all(
        &mut out,
        comparisons.len(),
        comparisons.iter().map(Ok::<_, io::Error>),
    );
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Write `count` comparisons as the JSON report, taking each from `comparisons` only when it
/// is its turn, so a caller can build one story's comparison, write it and drop it before the
/// next: the memory used is that of one story, not of the whole report. One comparison gives
/// one object, any other count an array. The iterator's error stops the writing.
pub fn write_all<W, C, E>(
    out: &mut W,
    count: usize,
    comparisons: impl IntoIterator<Item = Result<C, E>>,
) -> Result<(), E>
where
    W: Write + ?Sized,
    C: std::borrow::Borrow<Comparison>,
    E: From<io::Error>,
{
    let mut comparisons = comparisons.into_iter();
    if count == 1 {
        if let Some(c) = comparisons.next() {
            write_value(out, c?.borrow(), 0)?;
        }
        out.write_all(b"\n")?;
        return Ok(());
    }
    out.write_all(b"[")?;
    let mut n = 0;
    for c in comparisons.take(count) {
        out.write_all(if n == 0 { b"\n  " } else { b",\n  " })?;
        write_value(out, c?.borrow(), 1)?;
        n += 1;
    }
    out.write_all(if n == 0 { b"]\n" } else { b"\n]\n" })?;
    Ok(())
}

/// One value in the report's layout, as if it stood `depth` levels deep. Many small writes:
/// give it a buffered writer.
fn write_value<W: Write + ?Sized, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
    depth: usize,
) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter::report(depth));
    value.serialize(&mut ser).map_err(io::Error::other)
}

/// Pretty JSON that is safe to show on a terminal: besides the control characters below
/// U+0020, which JSON always escapes, DEL, C1 controls, bidirectional controls and invisible
/// formatting characters are written as `\uXXXX` escapes too. The value reads back the same.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeFormatter::pretty());
    value.serialize(&mut ser)?;
    Ok(String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Arrays whose object elements are small leaf records, each written on one line.
const LEAF_RECORD_LISTS: &[&str] = &[
    "spans",
    "marks",
    "values",
    "reporting_verbs",
    "loaded_words",
    "speakers",
    "labels",
    "hedges",
];

/// Objects, named by their key, written on one line.
const LEAF_OBJECTS: &[&str] = &["quote", "story"];

/// Lists of ids or words written on one line.
const ID_LISTS: &[&str] = &["only_here", "omits", "cut", "added"];

/// One open array or object.
struct Frame {
    /// An object (else an array).
    object: bool,
    /// Written on one line (it, or a container around it, is).
    inline: bool,
    /// The key it is the value of; for an array's elements, the array's key.
    name: String,
    /// Something was written in it already.
    has_value: bool,
}

/// serde_json's pretty layout with two changes: unsafe characters inside strings are written
/// as escapes, and (for the report) the leaf records named above go on one line.
struct SafeFormatter {
    /// Open containers, outermost first.
    frames: Vec<Frame>,
    /// Extra indentation of the whole value (a story inside the array of stories).
    base: usize,
    /// Apply the one-line rules (the report), or lay out everything (other documents).
    report: bool,
    /// The key being written, and whether a key is being written now.
    key: String,
    in_key: bool,
}

impl SafeFormatter {
    fn pretty() -> Self {
        SafeFormatter {
            frames: Vec::new(),
            base: 0,
            report: false,
            key: String::new(),
            in_key: false,
        }
    }

    fn report(depth: usize) -> Self {
        SafeFormatter {
            base: depth,
            report: true,
            ..Self::pretty()
        }
    }

    fn inline(&self) -> bool {
        self.frames.last().is_some_and(|f| f.inline)
    }

    fn indent<W: Write + ?Sized>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.base + self.frames.len() {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    /// Open a container: decide its name and whether it goes on one line.
    fn open(&mut self, object: bool) {
        let parent = self.frames.last();
        let (name, element) = match parent {
            // An element of an array carries the array's name.
            Some(p) if !p.object => (p.name.clone(), true),
            // The value of a key carries the key.
            Some(_) => (std::mem::take(&mut self.key), false),
            None => (String::new(), false),
        };
        let inline = parent.is_some_and(|p| p.inline)
            || (self.report
                && {
                    let n = name.as_str();
                    if object {
                        (element && LEAF_RECORD_LISTS.contains(&n))
                            || (!element && LEAF_OBJECTS.contains(&n))
                    } else {
                        ID_LISTS.contains(&n)
                        // The summary's list of quotation ids, not the story's quotations.
                        || (n == "quotes" && parent.is_some_and(|p| p.object && p.name == "summary"))
                    }
                });
        self.frames.push(Frame {
            object,
            inline,
            name,
            has_value: false,
        });
    }
}

impl Formatter for SafeFormatter {
    fn begin_array<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(false);
        w.write_all(b"[")
    }

    fn end_array<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        let frame = self.frames.pop();
        if frame.as_ref().is_some_and(|f| f.has_value && !f.inline) {
            self.indent(w)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: Write + ?Sized>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if self.inline() {
            w.write_all(if first { b"" } else { b", " })
        } else {
            w.write_all(if first { b"" } else { b"," })?;
            self.indent(w)
        }
    }

    fn end_array_value<W: Write + ?Sized>(&mut self, _w: &mut W) -> io::Result<()> {
        if let Some(f) = self.frames.last_mut() {
            f.has_value = true;
        }
        Ok(())
    }

    fn begin_object<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(true);
        w.write_all(b"{")
    }

    fn end_object<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        let frame = self.frames.pop();
        match frame {
            Some(f) if f.has_value && f.inline => w.write_all(b" }"),
            Some(f) if f.has_value => {
                self.indent(w)?;
                w.write_all(b"}")
            }
            _ => w.write_all(b"}"),
        }
    }

    fn begin_object_key<W: Write + ?Sized>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.key.clear();
        self.in_key = true;
        if self.inline() {
            w.write_all(if first { b" " } else { b", " })
        } else {
            w.write_all(if first { b"" } else { b"," })?;
            self.indent(w)
        }
    }

    fn end_object_key<W: Write + ?Sized>(&mut self, _w: &mut W) -> io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn begin_object_value<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: Write + ?Sized>(&mut self, _w: &mut W) -> io::Result<()> {
        // A scalar value leaves its key unused: the next container is not its value.
        self.key.clear();
        if let Some(f) = self.frames.last_mut() {
            f.has_value = true;
        }
        Ok(())
    }

    fn write_string_fragment<W: Write + ?Sized>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if self.in_key {
            self.key.push_str(fragment);
        }
        let mut rest = fragment;
        while let Some((i, c)) = rest.char_indices().find(|&(_, c)| controls::is_unsafe(c)) {
            w.write_all(&rest.as_bytes()[..i])?;
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                write!(w, "\\u{u:04x}")?;
            }
            rest = &rest[i + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    fn write_char_escape<W: Write + ?Sized>(
        &mut self,
        w: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        // Keys with escapes are not among the names above; only keep the key text honest.
        if self.in_key {
            self.key.push('\u{FFFD}');
        }
        serde_json::ser::CompactFormatter.write_char_escape(w, escape)
    }
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

    #[test]
    fn plain_documents_are_laid_out_like_serde_json_pretty() {
        let doc = serde_json::json!({
            "stories": [ { "id": "s1", "articles": [ { "id": "a", "date": null } ], "empty": [] } ],
            "spans": [ { "op": "equal" } ],
        });
        assert_eq!(
            to_string_pretty(&doc).unwrap(),
            serde_json::to_string_pretty(&doc).unwrap()
        );
    }

    #[test]
    fn leaf_records_go_on_one_line_and_read_back_the_same() {
        let doc = serde_json::json!({
            "story": { "id": "s1", "title": "t" },
            "rows": [ { "id": 1, "cells": [ { "article": "a", "diffs": [ { "against": "b",
                "spans": [ { "op": "equal", "text": "x\u{202e}", "start": 0, "end": 1 },
                           { "op": "added", "text": "y", "start": 1, "end": 2 } ] } ] } ],
                "discrepancies": [] } ],
            "quotes": [ { "id": "q1", "members": [ { "quote": { "article": "a" }, "cut": ["w", "v"] } ] } ],
            "summary": [ { "article": "a", "quotes": ["q1"], "only_here": [1, 2], "omits": [],
                           "reporting_verbs": [ { "word": "say", "count": 2 } ] } ],
        });
        let mut out = Vec::new();
        write_value(&mut out, &doc, 0).unwrap();
        let json = String::from_utf8(out).unwrap();
        // (A `json!` object sorts its keys.)
        for line in [
            "\"story\": { \"id\": \"s1\", \"title\": \"t\" },",
            "{ \"end\": 1, \"op\": \"equal\", \"start\": 0, \"text\": \"x\\u202e\" },",
            "{ \"end\": 2, \"op\": \"added\", \"start\": 1, \"text\": \"y\" }\n",
            "\"quote\": { \"article\": \"a\" }\n",
            "\"cut\": [\"w\", \"v\"],",
            "\"quotes\": [\"q1\"],",
            "\"only_here\": [1, 2],",
            "\"omits\": [],",
            "{ \"count\": 2, \"word\": \"say\" }",
            "\"discrepancies\": [],",
        ] {
            assert!(json.contains(line), "{line}\n{json}");
        }
        // The story's quotations and the rows stay laid out, one field per line.
        assert!(json.contains("\"quotes\": [\n"), "{json}");
        assert!(json.contains("\"rows\": [\n"), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
    }
}
