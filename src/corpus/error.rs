//! Why a file could not be read as an article. Each reason is one line; the loader pairs it
//! with the file's path in a [`LoadWarning`](super::LoadWarning), and the rest still load.

use thiserror::Error;

/// A file (or text) that gave no article, and why.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    /// Nothing but white space.
    #[error("empty file")]
    Empty,
    /// Bytes that are not text.
    #[error("binary file, not text")]
    Binary,
    /// A byte-order mark names an encoding the bytes do not follow.
    #[error("not valid {encoding} text")]
    Undecodable {
        /// The encoding the byte-order mark names.
        encoding: &'static str,
    },
    /// A `.json` file that does not parse.
    #[error("malformed JSON: {message}")]
    MalformedJson {
        /// The parser's message (it names the line and column).
        message: String,
        /// The line of the error, from 1.
        line: usize,
        /// The column of the error, from 1.
        column: usize,
    },
    /// A text or Markdown file without any text.
    #[error("no text found")]
    NoText,
    /// A web page in which neither Readability nor the page body holds any text.
    #[error("no article text found in the HTML page")]
    NoPageText,
    /// No article came out of the file, and reading it noted why (records that are not JSON
    /// objects, lines that are not JSON): the first such note.
    #[error("{note}")]
    Noted {
        /// The reader's note.
        note: String,
    },
    /// A report parallax itself wrote (`parallax export`), found among the articles: read as
    /// an article, it would join the very story it reports on.
    #[error("a parallax {format} report, not an article; skipped")]
    OwnReport {
        /// `JSON`, `Markdown` or `HTML`.
        format: &'static str,
    },
    /// Cleaning removed everything.
    #[error("no article text left after removing page furniture")]
    NothingLeft,
}

impl From<serde_json::Error> for ReadError {
    fn from(e: serde_json::Error) -> Self {
        ReadError::MalformedJson {
            message: e.to_string(),
            line: e.line(),
            column: e.column(),
        }
    }
}
