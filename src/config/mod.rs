//! User configuration: every option with a default, read from the user's config file.
//!
//! The file lives in the XDG config dir (`~/.config/parallax/config.toml` on Linux) or is
//! given with `--config PATH`; `config.example.toml` documents every option. This is the
//! boundary where configuration is read: the config file itself and the user's lexicon files
//! it names, so that the stages receive parsed settings and do no I/O of their own.
//!
//! The sections' types live with their stages (`[load]` in [`crate::corpus`], `[group]` in
//! [`crate::group`], ...), except the reader's: [`reader`] and the key names of [`keys`] live here,
//! below the reader, so that the reader depends on the config and not the other way round.

pub mod keys;
pub mod reader;
mod validate;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::align::AlignConfig;
use crate::compare::CompareConfig;
use crate::compare::lexicon::{self, LexiconError};
use crate::corpus::LoadConfig;
use crate::fetch::FetchConfig;
use crate::files::FileError;
use crate::group::GroupConfig;
use reader::TuiConfig;

/// All settings, one section per pipeline stage.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Reading files.
    pub load: LoadConfig,
    /// Story grouping.
    pub group: GroupConfig,
    /// Passage alignment.
    pub align: AlignConfig,
    /// Comparison and framing analysis.
    pub compare: CompareConfig,
    /// The terminal reader.
    pub tui: TuiConfig,
    /// Fetching pages and feeds into the library.
    pub fetch: FetchConfig,
}

/// A config text that does not parse: what is wrong (the key, the value) and where.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{message}")]
pub struct ParseError {
    /// The parser's message: it names the line, shows it and says what is wrong.
    pub message: String,
    /// The line of the error, from 1, when the parser says.
    pub line: Option<usize>,
}

/// Why the configuration could not be loaded; each names the file.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The config file cannot be read.
    #[error("{}: cannot read the config file", path.display())]
    Read {
        /// The config file.
        path: PathBuf,
        /// Why.
        source: FileError,
    },
    /// The config file does not parse.
    #[error("{}: {}", path.display(), error.message.trim_end())]
    Parse {
        /// The config file.
        path: PathBuf,
        /// What is wrong, and on which line.
        error: ParseError,
    },
    /// A lexicon file named by `[compare] lexicon_files` cannot be read.
    #[error("{}: cannot read the lexicon file", path.display())]
    ReadLexicon {
        /// The lexicon file.
        path: PathBuf,
        /// Why.
        source: FileError,
    },
    /// A line of a lexicon file is wrong.
    #[error("{}: {error}", path.display())]
    Lexicon {
        /// The lexicon file.
        path: PathBuf,
        /// The line and what is wrong with it.
        error: LexiconError,
    },
}

impl Config {
    /// Parse a config file's text; the error names the line and what is wrong.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let cfg: Self = toml::from_str(text).map_err(|e: toml::de::Error| ParseError {
            line: e
                .span()
                .and_then(|s| text.get(..s.start))
                .map(|before| before.matches('\n').count() + 1),
            // The parser quotes the line, which can be any length.
            message: e
                .to_string()
                .lines()
                .map(|l| crate::text::shorten(l, 240))
                .collect::<Vec<_>>()
                .join("\n"),
        })?;
        cfg.fetch.check().map_err(|e| ParseError {
            message: e.to_string(),
            line: None,
        })?;
        validate::check(text, &cfg)?;
        Ok(cfg)
    }

    /// Load the config: from `explicit` when given (it must exist), else from the user's
    /// config dir when a file is there, else the defaults. The user's lexicon files are read
    /// too (relative paths from the config file's folder).
    pub fn load(explicit: Option<&Path>) -> Result<Self, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => match default_path() {
                Some(p) if p.exists() => p,
                _ => return Ok(Self::default()),
            },
        };
        let text = read_text(&path, MAX_CONFIG_BYTES).map_err(|source| ConfigError::Read {
            path: path.clone(),
            source,
        })?;
        let mut cfg = Self::parse(&text).map_err(|error| ConfigError::Parse {
            path: path.clone(),
            error,
        })?;
        cfg.compare.file_words = read_lexicon_files(&cfg.compare.lexicon_files, path.parent())?;
        Ok(cfg)
    }
}

/// Read the user's lexicon files (`[compare] lexicon_files`). `base` is the folder relative
/// paths are taken from; `~/` is the home folder. The error names the file and the line.
pub fn read_lexicon_files(
    files: &[PathBuf],
    base: Option<&Path>,
) -> Result<Vec<lexicon::UserEntry>, ConfigError> {
    let mut entries = Vec::new();
    for file in files {
        let path = resolve(file, base);
        let text =
            read_text(&path, MAX_LEXICON_BYTES).map_err(|source| ConfigError::ReadLexicon {
                path: path.clone(),
                source,
            })?;
        let parsed = lexicon::parse_user_file(&text)
            .map_err(|error| ConfigError::Lexicon { path, error })?;
        entries.extend(parsed);
    }
    Ok(entries)
}

/// The largest config file read (1 MB): a config is a few kilobytes; this keeps
/// `--config /dev/zero`-like mistakes from eating memory.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The largest lexicon file read (16 MB).
pub const MAX_LEXICON_BYTES: u64 = 16 * 1024 * 1024;

/// A config or lexicon file as UTF-8 text: a regular file of at most `limit` bytes.
fn read_text(path: &Path, limit: u64) -> Result<String, FileError> {
    let bytes = crate::files::read_limited(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        FileError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })
}

fn resolve(file: &Path, base: Option<&Path>) -> PathBuf {
    if let (Ok(rest), Some(home)) = (file.strip_prefix("~"), directories::BaseDirs::new()) {
        return home.home_dir().join(rest);
    }
    match base {
        Some(b) if file.is_relative() => b.join(file),
        _ => file.to_path_buf(),
    }
}

/// Where the user's config file lives by default.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "parallax").map(|d| d.config_dir().join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }

    #[test]
    fn unknown_key_is_an_error_naming_the_line() {
        let err = Config::parse("[group]\nthreshold = 0.4\nbogus = 1\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("line 3"), "{err}");
        assert!(err.message.contains("bogus"), "{err}");
    }

    #[test]
    fn a_bad_lexicon_file_names_itself_and_the_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("bad.tsv"),
            "fine\tloaded\nbroken\tnonsense\n",
        )
        .unwrap();
        let err = read_lexicon_files(&[PathBuf::from("bad.tsv")], Some(dir.path())).unwrap_err();
        assert!(
            matches!(&err, ConfigError::Lexicon { error, .. } if error.line == 2),
            "{err:?}"
        );
        let err = err.to_string();
        assert!(err.contains("bad.tsv") && err.contains("line 2"), "{err}");
        let err = read_lexicon_files(&[PathBuf::from("missing.tsv")], Some(dir.path()));
        let err = err.unwrap_err().to_string();
        assert!(err.contains("missing.tsv"), "{err}");
    }
}
