//! The library: a folder of fetched pages as they were served, and a `sources.toml` with one
//! line per page (outlet, title, date, address, when fetched) in the sidecar format every
//! folder of articles may have. The pipeline reads it like any folder.
//!
//! The folder is the user's: parallax adds files and lines, and changes or removes only the
//! ones `--refresh` or `--remove` names. Every write is whole or not at all (a temporary file
//! beside the target, then renamed); a sources.toml that does not parse is left untouched.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use sha2::{Digest, Sha256};
use toml_edit::{DocumentMut, InlineTable, Item, Value};
use url::Url;

use super::error::LibraryError;
use crate::corpus::read::Format;
use crate::corpus::sidecar::{self, SidecarEntry};

/// The header of a new library's sources.toml.
const HEADER: &str = "\
# Articles fetched by `parallax fetch`, one line per stored file: its outlet (source), title,
# date, address (url), when it was fetched (fetched_at) and, when the server named one, its
# charset. Correct a line to correct what parallax shows; `parallax library --remove ID`
# removes a file with its line.
";

/// One stored article as `parallax library` lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// The article's id: its file name without the extension.
    pub id: String,
    /// The file's name in the library folder.
    pub file: String,
    /// The file's path.
    pub path: PathBuf,
    /// Outlet.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The address it was fetched from.
    pub url: Option<String>,
    /// When it was fetched (RFC 3339).
    pub fetched_at: Option<String>,
}

/// A fetched page to store.
#[derive(Debug, Clone)]
pub struct NewArticle {
    /// The address as asked for (the library's key for "already stored").
    pub url: Url,
    /// How the file is read back: HTML or JSON.
    pub format: Format,
    /// The body exactly as served (decompressed).
    pub bytes: Vec<u8>,
    /// Outlet, headline and date as read from the page (or its feed).
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// The charset the server named.
    pub charset: Option<String>,
    /// When it was fetched.
    pub fetched_at: DateTime<Utc>,
}

/// A library folder.
#[derive(Debug, Clone)]
pub struct Library {
    dir: PathBuf,
}

impl Library {
    /// The library in `dir` (created on the first store).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The default library folder: the user's data folder, e.g.
    /// `~/.local/share/parallax/library` on Linux.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "parallax").map(|d| d.data_dir().join("library"))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn sources_path(&self) -> PathBuf {
        self.dir.join(sidecar::FILE_NAME)
    }

    /// Whether the folder holds at least one article file.
    pub fn has_articles(&self) -> bool {
        std::fs::read_dir(&self.dir).is_ok_and(|rd| {
            rd.flatten()
                .any(|e| is_article_file(&e.path()) && e.file_type().is_ok_and(|t| t.is_file()))
        })
    }

    /// The stored articles, by file name, with what sources.toml says of each.
    pub fn entries(&self) -> Result<Vec<Entry>, LibraryError> {
        let lines = self.read_lines()?;
        let mut names: Vec<String> = match std::fs::read_dir(&self.dir) {
            Ok(rd) => rd
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .filter(|p| is_article_file(p))
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(LibraryError::io(&self.dir, e)),
        };
        names.sort();
        Ok(names
            .into_iter()
            .map(|file| {
                let line = lines.get(&file).cloned().unwrap_or_default();
                self.entry(file, &line)
            })
            .collect())
    }

    fn entry(&self, file: String, line: &SidecarEntry) -> Entry {
        let id = Path::new(&file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.clone());
        Entry {
            id,
            path: self.dir.join(&file),
            file,
            source: line.source.clone(),
            title: line.title.clone(),
            date: line.date_iso(),
            url: line.url.clone(),
            fetched_at: line.fetched_at.as_ref().map(|v| match v {
                toml::Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
        }
    }

    fn read_lines(&self) -> Result<HashMap<String, SidecarEntry>, LibraryError> {
        let path = self.sources_path();
        match read_sources(&path) {
            Ok(text) => sidecar::parse(&text).map_err(|e| LibraryError::Sidecar {
                path: path.clone(),
                message: e.to_string(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(HashMap::new()),
            Err(e) => Err(LibraryError::io(path, e)),
        }
    }

    /// The sources.toml as an editable document (empty when there is none yet), and whether
    /// the file exists.
    fn read_doc(&self) -> Result<(DocumentMut, bool), LibraryError> {
        let path = self.sources_path();
        match read_sources(&path) {
            Ok(text) => {
                text.parse::<DocumentMut>()
                    .map(|d| (d, true))
                    .map_err(|e| LibraryError::Sidecar {
                        path,
                        message: e
                            .to_string()
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" "),
                    })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((DocumentMut::new(), false)),
            Err(e) => Err(LibraryError::io(path, e)),
        }
    }

    fn write_doc(&self, doc: &DocumentMut, existed: bool) -> Result<(), LibraryError> {
        let text = if existed {
            doc.to_string()
        } else {
            format!("{HEADER}\n{doc}")
        };
        write_atomic(&self.sources_path(), text.as_bytes())
    }

    /// Store one page: its file (named from the site and a hash of the address), then its
    /// sources.toml line. A page stored before under the same address is replaced.
    pub fn store(&self, a: &NewArticle) -> Result<Entry, LibraryError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| LibraryError::io(&self.dir, e))?;
        let (mut doc, existed) = self.read_doc()?;
        let file = file_name(&a.url, a.format);
        // The same address stored under another name (it was JSON, now it is HTML).
        let stale: Vec<String> = doc
            .iter()
            .filter(|(k, item)| *k != file && url_of(item) == Some(a.url.as_str()))
            .map(|(k, _)| k.to_string())
            .collect();
        write_atomic(&self.dir.join(&file), &a.bytes)?;
        let line = Item::Value(Value::InlineTable(line_of(a)));
        // In place when the line exists, so that comments above it stay where they are.
        match doc.get_mut(&file) {
            Some(item) => *item = line,
            None => {
                doc.insert(&file, line);
            }
        }
        for old in &stale {
            remove_key(&mut doc, old);
        }
        self.write_doc(&doc, existed)?;
        for old in &stale {
            let _ = std::fs::remove_file(self.dir.join(old));
        }
        let lines = self.read_lines()?;
        Ok(self.entry(file.clone(), &lines.get(&file).cloned().unwrap_or_default()))
    }

    /// Remove one stored article, named by its id, file name or address: its file and its
    /// sources.toml line, both or neither.
    pub fn remove(&self, what: &str) -> Result<Entry, LibraryError> {
        let entry = self
            .entries()?
            .into_iter()
            .find(|e| e.id == what || e.file == what || e.url.as_deref() == Some(what))
            .ok_or_else(|| LibraryError::NoSuchArticle(what.to_string()))?;
        let (mut doc, existed) = self.read_doc()?;
        // Set the file aside first, so that a failure to rewrite sources.toml can put it back.
        let aside = self.dir.join(format!(".{}.removing", entry.file));
        std::fs::rename(&entry.path, &aside).map_err(|e| LibraryError::io(&entry.path, e))?;
        if existed
            && remove_key(&mut doc, &entry.file)
            && let Err(e) = self.write_doc(&doc, true)
        {
            let _ = std::fs::rename(&aside, &entry.path);
            return Err(e);
        }
        std::fs::remove_file(&aside).map_err(|e| LibraryError::io(&aside, e))?;
        Ok(entry)
    }
}

/// Article files the library holds: not hidden, not sources.toml, of a format parallax reads.
fn is_article_file(p: &Path) -> bool {
    let hidden = p
        .file_name()
        .is_none_or(|n| n.to_string_lossy().starts_with('.'));
    !hidden && Format::of(p).is_some()
}

/// A stored page's file name: the site, a hash of the address, the format's extension
/// (`www.rt.com-6ce8ab88e25f6db9.html`). Nothing from the address's path reaches it.
pub fn file_name(url: &Url, format: Format) -> String {
    let host: String = url
        .host_str()
        .unwrap_or("site")
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        .take(64)
        .collect();
    let host = host.trim_matches(['.', '-']);
    let host = if host.is_empty() { "site" } else { host };
    let hash = Sha256::digest(url.as_str().as_bytes());
    let hex: String = hash.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let ext = if format == Format::Json {
        "json"
    } else {
        "html"
    };
    format!("{host}-{hex}.{ext}")
}

/// The sources.toml line of a new article.
fn line_of(a: &NewArticle) -> InlineTable {
    let mut t = InlineTable::new();
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(s) = &a.source {
        t.insert("source", one_line(s).into());
    }
    if let Some(s) = &a.title {
        t.insert("title", one_line(s).into());
    }
    if let Some(d) = a.date
        && let Ok(v) = d
            .format("%Y-%m-%d")
            .to_string()
            .parse::<toml_edit::Datetime>()
    {
        t.insert("date", v.into());
    }
    t.insert("url", a.url.as_str().into());
    if let Ok(v) = a
        .fetched_at
        .to_rfc3339_opts(SecondsFormat::Secs, true)
        .parse::<toml_edit::Datetime>()
    {
        t.insert("fetched_at", v.into());
    }
    if let Some(c) = &a.charset {
        t.insert("charset", c.as_str().into());
    }
    t
}

fn url_of(item: &Item) -> Option<&str> {
    item.get("url").and_then(|v| v.as_str())
}

/// Remove a key, handing a comment above it that opens the file (the header) to the next.
fn remove_key(doc: &mut DocumentMut, key: &str) -> bool {
    let first = doc.iter().next().map(|(k, _)| k == key).unwrap_or(false);
    let Some((removed, _)) = doc.remove_entry(key) else {
        return false;
    };
    if first {
        let prefix = removed
            .leaf_decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string();
        let next = doc.iter().next().map(|(k, _)| k.to_string());
        if let Some(next) = next
            && let Some(mut k) = doc.key_mut(&next)
        {
            let own = k
                .leaf_decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or("")
                .to_string();
            k.leaf_decor_mut().set_prefix(format!("{prefix}{own}"));
        } else if !prefix.trim().is_empty() {
            doc.set_trailing(prefix);
        }
    }
    true
}

/// Write a file whole or not at all: a hidden temporary file beside it, then renamed.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), LibraryError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| LibraryError::io(dir, e))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| LibraryError::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| LibraryError::io(path, e.error))?;
    Ok(())
}

/// The largest library `sources.toml` read (64 MB, some hundred thousand articles' lines).
const MAX_SOURCES_BYTES: u64 = 64 * 1024 * 1024;

/// The library's `sources.toml` as text: a regular UTF-8 file of bounded size (a pipe or
/// `/dev/zero` put in its place is an error, not a hang).
fn read_sources(path: &Path) -> std::io::Result<String> {
    let bytes = crate::files::read_limited(path, MAX_SOURCES_BYTES).map_err(|e| match e {
        crate::files::FileError::Io(io) => io,
        other => std::io::Error::other(other.to_string()),
    })?;
    String::from_utf8(bytes)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(url: &str, title: &str) -> NewArticle {
        NewArticle {
            url: Url::parse(url).unwrap(),
            format: Format::Html,
            bytes: format!("<html><body><p>{title}</p></body></html>").into_bytes(),
            source: Some("Example News".into()),
            title: Some(title.into()),
            date: NaiveDate::from_ymd_opt(2025, 3, 11),
            charset: None,
            fetched_at: DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z")
                .unwrap()
                .with_timezone(&Utc),
        }
    }

    #[test]
    fn names_come_from_the_site_and_a_hash_never_the_path() {
        let u = Url::parse("https://WWW.Example.com/../../etc/passwd%00?<x>").unwrap();
        let n = file_name(&u, Format::Html);
        assert!(n.starts_with("www.example.com-"), "{n}");
        assert!(n.ends_with(".html"));
        assert!(
            !n.contains("etc") && !n.contains('/') && !n.contains('%'),
            "{n}"
        );
        let other = Url::parse("https://www.example.com/a").unwrap();
        assert_ne!(file_name(&other, Format::Html), n);
        assert_eq!(
            file_name(&other, Format::Json).rsplit('.').next(),
            Some("json")
        );
    }

    #[test]
    fn store_list_refresh_remove_keep_the_users_lines() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::new(dir.path().join("library"));
        assert!(!lib.has_articles());
        let a = lib
            .store(&article("https://news.example/a", "First"))
            .unwrap();
        assert!(lib.has_articles());
        // The user adds a note and a hand-made line of their own.
        let sources = lib.dir().join("sources.toml");
        let mut text = std::fs::read_to_string(&sources).unwrap();
        text.push_str("# my own note\n\"mine.txt\" = { source = \"Mine\" }\n");
        std::fs::write(&sources, &text).unwrap();
        std::fs::write(lib.dir().join("mine.txt"), "My own article.").unwrap();
        let b = lib
            .store(&article("https://news.example/b", "Second"))
            .unwrap();
        assert_eq!(b.title.as_deref(), Some("Second"));
        assert_eq!(b.date.as_deref(), Some("2025-03-11"));
        assert_eq!(b.fetched_at.as_deref(), Some("2026-01-02T03:04:05Z"));
        // Refresh: the same address, same file, one line.
        let a2 = lib
            .store(&article("https://news.example/a", "First, again"))
            .unwrap();
        assert_eq!(a2.file, a.file);
        let entries = lib.entries().unwrap();
        assert_eq!(entries.len(), 3, "{entries:?}");
        let text = std::fs::read_to_string(&sources).unwrap();
        assert!(text.starts_with("# Articles fetched by"), "{text}");
        assert!(
            text.contains("# my own note\n\"mine.txt\" = { source = \"Mine\" }"),
            "{text}"
        );
        assert_eq!(text.matches("news.example/a").count(), 1, "{text}");
        // Each stored article is one line.
        let lines = text.lines().filter(|l| l.contains("fetched_at = ")).count();
        assert_eq!(lines, 2, "{text}");
        // Remove the first-stored one (its line carries the header) by id.
        let gone = lib.remove(&a.id).unwrap();
        assert_eq!(gone.file, a.file);
        assert!(!lib.dir().join(&a.file).exists());
        let text = std::fs::read_to_string(&sources).unwrap();
        assert!(text.starts_with("# Articles fetched by"), "{text}");
        assert!(!text.contains("news.example/a"), "{text}");
        assert!(text.contains("\"mine.txt\""), "{text}");
        // By address too; an unknown id is an error naming it.
        lib.remove("https://news.example/b").unwrap();
        let err = lib.remove("nope").unwrap_err().to_string();
        assert!(err.contains("\"nope\""), "{err}");
        let left: Vec<String> = lib.entries().unwrap().into_iter().map(|e| e.file).collect();
        assert_eq!(left, ["mine.txt"]);
        // Nothing temporary left behind.
        let hidden = std::fs::read_dir(lib.dir())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
            .count();
        assert_eq!(hidden, 0);
    }

    #[test]
    fn a_malformed_sources_toml_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::new(dir.path());
        let bad = "\"x.html\" = { source = \n";
        std::fs::write(dir.path().join("sources.toml"), bad).unwrap();
        let err = lib
            .store(&article("https://news.example/a", "A"))
            .unwrap_err();
        assert!(
            err.to_string().contains("malformed, left untouched"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("sources.toml")).unwrap(),
            bad
        );
    }
}
