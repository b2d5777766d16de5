//! The corpus: reading article files into clean, well-described [`Article`]s.
//!
//! This is the only stage of the pipeline that does I/O (walking folders, reading bytes).
//! Parsing and cleaning are pure functions of a file's name and bytes so they can be tested
//! on their own and reused for the sample story embedded in the binary.

mod article;
mod sample;
mod sidecar;

pub use article::{Article, LoadWarning, Loaded};
pub use sample::load_sample;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

/// Settings for reading files.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LoadConfig {
    /// Files larger than this many bytes are skipped with a warning.
    pub max_file_bytes: u64,
}

impl Default for LoadConfig {
    fn default() -> Self {
        Self {
            max_file_bytes: 5 * 1024 * 1024,
        }
    }
}

/// Read every article under the given files and folders. Never fails as a whole: a file that
/// cannot be read becomes a [`LoadWarning`] naming it and the reason, and the rest still load.
pub fn load_paths(paths: &[PathBuf], cfg: &LoadConfig) -> Loaded {
    let mut loaded = Loaded::default();
    for root in paths {
        if !root.exists() {
            loaded.warn(root, "no such file or folder");
            continue;
        }
        for entry in WalkDir::new(root).follow_links(true).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => load_file(e.path(), cfg, &mut loaded),
                Ok(_) => {}
                Err(err) => {
                    let path = err.path().unwrap_or(root).to_path_buf();
                    loaded.warn(&path, &err.to_string());
                }
            }
        }
    }
    loaded.disambiguate_ids();
    loaded
}

fn load_file(path: &Path, cfg: &LoadConfig, loaded: &mut Loaded) {
    let is_txt = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if !is_txt {
        return;
    }
    let meta = sidecar::lookup(path);
    match std::fs::metadata(path) {
        Ok(m) if m.len() > cfg.max_file_bytes => {
            loaded.warn(path, &format!("too large ({} bytes)", m.len()));
            return;
        }
        Err(e) => {
            loaded.warn(path, &e.to_string());
            return;
        }
        Ok(_) => {}
    }
    match std::fs::read(path) {
        Ok(bytes) => match parse_text(path, &bytes) {
            Ok(mut article) => {
                if let Some(meta) = meta {
                    meta.apply(&mut article);
                }
                loaded.articles.push(article);
            }
            Err(reason) => loaded.warn(path, &reason),
        },
        Err(e) => loaded.warn(path, &e.to_string()),
    }
}

/// Parse a plain-text article from its bytes.
pub fn parse_text(path: &Path, bytes: &[u8]) -> Result<Article, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    let body = text.trim().to_string();
    if body.is_empty() {
        return Err("empty file".into());
    }
    Ok(Article::new(path, body))
}
