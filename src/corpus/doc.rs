//! What a reader makes of a file before cleaning: the metadata found in fields meant for it,
//! and the text as paragraphs. Cleaning turns a [`RawDoc`] into an [`super::Article`].

use chrono::NaiveDate;

/// One paragraph (or line, for plain text) as the file gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    /// The text of the paragraph, possibly with page furniture still in it.
    pub text: String,
    /// True when a blank line (or a block boundary) came before it.
    pub gap_before: bool,
}

impl Para {
    /// A paragraph that starts a new block.
    pub fn block(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            gap_before: true,
        }
    }

    /// End the paragraph being gathered in `cur`: its words, single-spaced, become a block
    /// in `out` (nothing when it is blank), and `cur` is emptied for the next one.
    pub fn flush_into(out: &mut Vec<Para>, cur: &mut String) {
        let text = cur.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(Para::block(text));
        }
        cur.clear();
    }
}

/// A document as read, before cleaning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawDoc {
    /// Where it came from, as shown to the user (`file.jsonl#3` for a record).
    pub path: String,
    /// Proposed article id (file stem, with the record number for multi-record files).
    pub id: String,
    /// Headline from a field meant for it (front matter, JSON, HTML meta tags).
    pub title: Option<String>,
    /// Outlet from a field meant for it.
    pub source: Option<String>,
    /// Publication date from a field meant for it.
    pub date: Option<NaiveDate>,
    /// Original address from a field meant for it.
    pub url: Option<String>,
    /// The text, paragraph by paragraph.
    pub paras: Vec<Para>,
    /// True for plain text, whose lines may be hard-wrapped and whose first lines may carry
    /// the headline and metadata; false for formats that mark paragraphs and fields.
    pub plain: bool,
}

/// Split plain text into lines, remembering which ones follow a blank line.
pub fn paras_of_text(text: &str) -> Vec<Para> {
    let mut out = Vec::new();
    let mut gap = true;
    for line in text.lines() {
        if line.trim().is_empty() {
            gap = true;
            continue;
        }
        out.push(Para {
            text: line.to_string(),
            gap_before: gap,
        });
        gap = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_mark_gaps() {
        let p = paras_of_text("Title\n\nFirst line\nsecond line\n\n\nThird\r\n");
        let got: Vec<(&str, bool)> = p.iter().map(|p| (p.text.as_str(), p.gap_before)).collect();
        assert_eq!(
            got,
            [
                ("Title", true),
                ("First line", true),
                ("second line", false),
                ("Third", true)
            ]
        );
    }
}
