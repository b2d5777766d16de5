//! The corpus: reading article files into clean, well-described [`Article`]s.
//!
//! This is the only stage of the pipeline that does I/O (walking folders, reading bytes).
//! Reading ([`read`]) and cleaning ([`clean`]) are pure functions of a file's name and bytes,
//! so they can be tested on their own and are reused for the sample story embedded in the
//! binary: files on disk and the sample take exactly the same path.
//!
//! Loading runs in two passes: every file is read first, then every document is cleaned,
//! because one cleaning rule (header and footer lines shared by several files) looks across
//! files.

mod article;
pub mod clean;
pub mod dates;
pub mod decode;
pub mod doc;
mod error;
pub mod read;
mod sample;
pub(crate) mod sidecar;

pub use article::{Article, LoadWarning, Loaded, printable};
pub use clean::{Removed, Rule};
pub use error::ReadError;
pub use sample::{load_sample, load_sample_report};
pub use sidecar::SidecarEntry;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::files::{FileError, human_bytes, io_reason};
use clean::SharedLines;
use doc::RawDoc;
use read::Format;

/// Settings for reading files.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LoadConfig {
    /// Files larger than this many bytes are skipped with a warning.
    pub max_file_bytes: u64,
    /// Remove page furniture (captions, credits, ads, related links, metadata lines) from
    /// article text. Turn off for text that is already clean.
    pub clean: bool,
    /// An article's cleaned text longer than this many bytes is cut at the last paragraph
    /// or sentence end before it, with a warning: alignment and comparison grow faster than
    /// the text, and a news article is a few tens of kilobytes.
    pub max_text_bytes: u64,
}

impl Default for LoadConfig {
    fn default() -> Self {
        Self {
            max_file_bytes: 5 * 1024 * 1024,
            clean: true,
            max_text_bytes: 512 * 1024,
        }
    }
}

/// Loaded articles together with what cleaning removed from each: the material of
/// `parallax inspect --removed`.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    /// The articles and the warnings.
    pub loaded: Loaded,
    /// For each article (same order as `loaded.articles`), the text removed and why.
    pub removed: Vec<Vec<Removed>>,
}

/// Read every article under the given files and folders. Never fails as a whole: a file that
/// cannot be read becomes a [`LoadWarning`] naming it and the reason, and the rest still load.
pub fn load_paths(paths: &[PathBuf], cfg: &LoadConfig) -> Loaded {
    load_paths_report(paths, cfg).loaded
}

/// [`load_paths`], keeping what cleaning removed from each article.
pub fn load_paths_report(paths: &[PathBuf], cfg: &LoadConfig) -> LoadReport {
    let mut loader = Loader::new(cfg);
    for root in paths {
        loader.root(root);
    }
    finish(
        loader.pending,
        loader.warnings,
        cfg.clean,
        cfg.max_text_bytes,
    )
}

/// Parse a plain-text article from its bytes (decoded and cleaned as a `.txt` file).
pub fn parse_text(path: &Path, bytes: &[u8]) -> Result<Article, ReadError> {
    let mut parsed = parse_bytes(path, Format::Text, bytes, None, true)?;
    Ok(parsed.swap_remove(0).article)
}

/// An article read from bytes, and whether its headline was stated by the file (a meta tag,
/// `<title>`, a record's field) rather than guessed from its first line by cleaning.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The article.
    pub article: Article,
    /// The headline came from the file's own metadata.
    pub stated_title: bool,
}

/// Read and clean the articles in one file's bytes, as loading that file would (`charset`:
/// the encoding the bytes were served with, see [`read::read_declared`]). What fetching
/// checks of a page before storing it. At least one article comes back, or the reason none
/// does.
pub fn parse_bytes(
    path: &Path,
    format: Format,
    bytes: &[u8],
    charset: Option<&str>,
    clean: bool,
) -> Result<Vec<Parsed>, ReadError> {
    let read = read::read_declared(path, format, bytes, charset)?;
    let mut notes = read
        .notes
        .into_iter()
        .filter(|n| !n.starts_with("not UTF-8") && !n.starts_with("UTF-8 with"));
    let parsed: Vec<Parsed> = read
        .docs
        .into_iter()
        .map(|doc| {
            let stated_title = doc.title.is_some();
            let article = clean::clean(doc, &SharedLines::default(), clean).article;
            Parsed {
                article,
                stated_title,
            }
        })
        .filter(|p| !p.article.body.is_empty())
        .collect();
    if parsed.is_empty() {
        return Err(notes
            .next()
            .map_or(ReadError::NothingLeft, |note| ReadError::Noted { note }));
    }
    Ok(parsed)
}

/// A document read and waiting to be cleaned, with what its folder's sidecar says about it.
struct Pending {
    doc: RawDoc,
    sidecar: Option<SidecarEntry>,
}

/// Clean every pending document, apply sidecars, and gather the result.
fn finish(
    pending: Vec<Pending>,
    warnings: Vec<LoadWarning>,
    enabled: bool,
    max_text: u64,
) -> LoadReport {
    let shared = if enabled {
        SharedLines::from_docs(pending.iter().map(|p| &p.doc))
    } else {
        SharedLines::default()
    };
    let max_text = usize::try_from(max_text).unwrap_or(usize::MAX);
    let mut report = LoadReport {
        loaded: Loaded {
            articles: Vec::new(),
            warnings,
        },
        removed: Vec::new(),
    };
    for p in pending {
        let path = p.doc.path.clone();
        let mut cleaned = clean::clean(p.doc, &shared, enabled);
        if cleaned.article.body.is_empty() {
            report.loaded.warnings.push(LoadWarning {
                path,
                reason: ReadError::NothingLeft.to_string(),
            });
            continue;
        }
        if let Some(entry) = &p.sidecar {
            entry.apply(&mut cleaned.article);
        }
        let body = &mut cleaned.article.body;
        if body.len() > max_text {
            let whole = body.len() as u64;
            cut_text(body, max_text);
            report.loaded.warnings.push(LoadWarning {
                path: path.clone(),
                reason: format!(
                    "text of {} cut to its first {} (raise [load] max_text_bytes to compare it all)",
                    human_bytes(whole),
                    human_bytes(body.len() as u64)
                ),
            });
        }
        report.loaded.articles.push(cleaned.article);
        report.removed.push(cleaned.removed);
    }
    report.loaded.disambiguate_ids();
    report
}

/// Cut `text` to at most `max` bytes, at the last paragraph end before that, else the last
/// sentence end, else the last space, else a character boundary.
fn cut_text(text: &mut String, max: usize) {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let at = head
        .rfind('\n')
        .or_else(|| head.rfind(". ").map(|i| i + 1))
        .or_else(|| head.rfind(' '))
        .filter(|&i| i > 0)
        .unwrap_or(end);
    text.truncate(at);
    let kept = text.trim_end().len();
    text.truncate(kept);
}

/// Walks the given paths and reads the files it finds.
struct Loader<'a> {
    cfg: &'a LoadConfig,
    pending: Vec<Pending>,
    warnings: Vec<LoadWarning>,
    seen: HashSet<PathBuf>,
    sidecars: HashMap<PathBuf, Option<HashMap<String, SidecarEntry>>>,
}

impl<'a> Loader<'a> {
    fn new(cfg: &'a LoadConfig) -> Self {
        Self {
            cfg,
            pending: Vec::new(),
            warnings: Vec::new(),
            seen: HashSet::new(),
            sidecars: HashMap::new(),
        }
    }

    fn warn(&mut self, path: &Path, reason: impl Into<String>) {
        self.warnings.push(LoadWarning {
            path: path.to_string_lossy().into_owned(),
            reason: reason.into(),
        });
    }

    /// One path the user gave: a file, or a folder read recursively.
    fn root(&mut self, root: &Path) {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let reason = if root.symlink_metadata().is_ok() {
                    "broken symbolic link"
                } else {
                    "no such file or folder"
                };
                return self.warn(root, reason);
            }
            Err(e) => return self.warn(root, io_reason(&e)),
        };
        if meta.is_file() {
            match Format::of(root) {
                Some(format) => self.file(root, format),
                None if is_sidecar(root) => {}
                None => self.warn(root, format!("skipped: not an article file ({KNOWN})")),
            }
            return;
        }
        if !meta.is_dir() {
            // A named pipe would block, a device never end: neither is an article file.
            return self.warn(
                root,
                format!(
                    "skipped: {}, not an article file or folder",
                    crate::files::kind_of(&meta)
                ),
            );
        }
        let before = self.pending.len();
        let mut candidates = 0usize;
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    if let Some(format) = Format::of(e.path()) {
                        candidates += 1;
                        self.file(e.path(), format);
                    }
                }
                Ok(e) if !e.file_type().is_dir() && Format::of(e.path()).is_some() => {
                    // Named like an article, but a pipe, device or socket: say so once.
                    candidates += 1;
                    let kind = e
                        .metadata()
                        .map_or("a special file", |m| crate::files::kind_of(&m));
                    self.warn(e.path(), format!("skipped: {kind}, not a regular file"));
                }
                Ok(_) => {}
                Err(err) => {
                    let path = err.path().unwrap_or(root).to_path_buf();
                    let reason = match (err.loop_ancestor(), err.io_error()) {
                        (Some(anc), _) => format!(
                            "symbolic link loop (leads back to {}); not followed",
                            anc.display()
                        ),
                        (None, Some(io)) if io.kind() == std::io::ErrorKind::NotFound => {
                            "broken symbolic link".to_string()
                        }
                        (None, Some(io)) => io_reason(io),
                        (None, None) => err.to_string(),
                    };
                    self.warn(&path, reason);
                }
            }
        }
        if candidates == 0 && self.pending.len() == before {
            self.warn(root, format!("no article files in this folder ({KNOWN})"));
        }
    }

    /// One article file.
    fn file(&mut self, path: &Path, format: Format) {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.seen.insert(key) {
            return;
        }
        let bytes = match crate::files::read_limited(path, self.cfg.max_file_bytes) {
            Ok(b) => b,
            Err(FileError::TooLarge { size, limit }) => {
                let limit = human_bytes(limit);
                let size = match size {
                    Some(size) => format!("{} (the limit is {limit}", human_bytes(size)),
                    None => format!("more than {limit} (the limit"),
                };
                return self.warn(
                    path,
                    format!("too large: {size}; raise [load] max_file_bytes to read it)"),
                );
            }
            Err(e) => return self.warn(path, e.to_string()),
        };
        // A fetched page's sidecar line names the charset it was served with.
        let charset = self
            .sidecar_for(path, &path.to_string_lossy())
            .and_then(|e| e.charset);
        match read::read_declared(path, format, &bytes, charset.as_deref()) {
            Ok(read) => {
                for note in read.notes {
                    self.warn(path, note);
                }
                if read.docs.is_empty() {
                    self.warn(path, "no articles in this file");
                }
                for doc in read.docs {
                    let sidecar = self.sidecar_for(path, &doc.path);
                    self.pending.push(Pending { doc, sidecar });
                }
            }
            Err(reason) => self.warn(path, reason.to_string()),
        }
    }

    /// A folder's `sources.toml`, when there is one: a regular file of at most
    /// `max_file_bytes`, in UTF-8 or a legacy encoding (said in a warning); anything else is
    /// reported once and ignored.
    fn read_sidecar(&mut self, file: &Path) -> Option<HashMap<String, SidecarEntry>> {
        if std::fs::symlink_metadata(file).is_err() {
            return None;
        }
        let bytes = match crate::files::read_limited(file, self.cfg.max_file_bytes) {
            Ok(b) => b,
            Err(e) => {
                self.warn(file, format!("sidecar ignored: {e}"));
                return None;
            }
        };
        let text = match decode::decode(&bytes, None) {
            Ok(d) => {
                if let Some(enc) = d.legacy {
                    self.warn(file, format!("sidecar not UTF-8; read as {enc}"));
                }
                d.text
            }
            Err(e) => {
                self.warn(file, format!("sidecar ignored: {e}"));
                return None;
            }
        };
        match sidecar::parse(&text) {
            Ok(map) => Some(map),
            Err(e) => {
                self.warn(file, format!("malformed sidecar, ignored: {e}"));
                None
            }
        }
    }

    /// The sidecar entry for a file (or a record of it, `name.jsonl#3`), from the
    /// `sources.toml` in its folder; a malformed sidecar is reported once.
    fn sidecar_for(&mut self, path: &Path, shown: &str) -> Option<SidecarEntry> {
        let dir = path.parent()?.to_path_buf();
        if !self.sidecars.contains_key(&dir) {
            let file = dir.join(sidecar::FILE_NAME);
            let parsed = self.read_sidecar(&file);
            self.sidecars.insert(dir.clone(), parsed);
        }
        let map = self.sidecars.get(&dir)?.as_ref()?;
        let name = path.file_name()?.to_string_lossy();
        let record = Path::new(shown).file_name().map(|n| n.to_string_lossy());
        record
            .and_then(|r| map.get(r.as_ref()))
            .or_else(|| map.get(name.as_ref()))
            .cloned()
    }
}

/// The article extensions, for messages.
const KNOWN: &str = ".txt, .md, .html, .json, .jsonl";

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn is_sidecar(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == sidecar::FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_at_a_paragraph_or_sentence_end() {
        let mut t = "One two. Three four.\nFive six seven.".to_string();
        cut_text(&mut t, 30);
        assert_eq!(t, "One two. Three four.");
        let mut t = "One two. Three four five six".to_string();
        cut_text(&mut t, 20);
        assert_eq!(t, "One two.");
        let mut t = "ééééé".to_string();
        cut_text(&mut t, 5);
        assert_eq!(t, "éé");
    }

    #[test]
    fn parse_text_cleans() {
        let a = parse_text(
            Path::new("x.txt"),
            "Kremlin says ties recovering\n\nPublished on March 11, 2025\n\nThe Kremlin has stated that efforts to restore relations are in early stages.\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Kremlin says ties recovering"));
        assert_eq!(a.date_iso().as_deref(), Some("2025-03-11"));
        assert_eq!(
            a.body,
            "The Kremlin has stated that efforts to restore relations are in early stages."
        );
    }
}
