//! User configuration: every option with a default, read from the user's config file.
//!
//! The file lives in the XDG config dir (`~/.config/parallax/config.toml` on Linux) or is
//! given with `--config PATH`; `config.example.toml` documents every option.

use std::path::{Path, PathBuf};

use color_eyre::eyre::{Result, WrapErr, eyre};
use serde::{Deserialize, Serialize};

use crate::align::AlignConfig;
use crate::compare::CompareConfig;
use crate::corpus::LoadConfig;
use crate::fetch::FetchConfig;
use crate::group::GroupConfig;
use crate::tui::TuiConfig;

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

impl Config {
    /// Parse a config file's text; the error names the line and what is wrong.
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let cfg: Self = toml::from_str(text).map_err(|e| e.to_string())?;
        cfg.fetch.check()?;
        Ok(cfg)
    }

    /// Load the config: from `explicit` when given (it must exist), else from the user's
    /// config dir when a file is there, else the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Self> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => match default_path() {
                Some(p) if p.exists() => p,
                _ => return Ok(Self::default()),
            },
        };
        let text = std::fs::read_to_string(&path)
            .wrap_err_with(|| format!("{}: cannot read the config file", path.display()))?;
        let mut cfg =
            Self::parse(&text).map_err(|e| eyre!("{}: {}", path.display(), e.trim_end()))?;
        cfg.compare.read_lexicon_files(path.parent())?;
        Ok(cfg)
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
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("bogus"), "{err}");
    }
}
