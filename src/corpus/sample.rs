//! The bundled sample story, embedded in the binary so `parallax` works after `cargo install`.

use std::path::Path;

use super::read::{self, Format};
use super::{LoadConfig, LoadReport, LoadWarning, Loaded, Pending, finish, sidecar};

/// The sample articles as (file name, bytes), read at compile time from `assets/sample/`.
const FILES: &[(&str, &[u8])] = &[
    (
        "000_82213bfd1239161b.txt",
        include_bytes!("../../assets/sample/000_82213bfd1239161b.txt"),
    ),
    (
        "001_cd0bdc610c8f564e.txt",
        include_bytes!("../../assets/sample/001_cd0bdc610c8f564e.txt"),
    ),
    (
        "002_cd4b7d3bd1244fb7.txt",
        include_bytes!("../../assets/sample/002_cd4b7d3bd1244fb7.txt"),
    ),
    (
        "003_0417db84633e0af1.txt",
        include_bytes!("../../assets/sample/003_0417db84633e0af1.txt"),
    ),
    (
        "004_6ce8ab88e25f6db9.txt",
        include_bytes!("../../assets/sample/004_6ce8ab88e25f6db9.txt"),
    ),
];

/// The sidecar naming each sample file's outlet and date.
const SOURCES: &str = include_str!("../../assets/sample/sources.toml");

/// Load the bundled sample story through the same reading and cleaning path as files on disk.
pub fn load_sample() -> Loaded {
    load_sample_report().loaded
}

/// [`load_sample`], keeping what cleaning removed from each article.
pub fn load_sample_report() -> LoadReport {
    let meta = sidecar::parse(SOURCES).unwrap_or_default();
    let mut pending = Vec::new();
    let mut warnings = Vec::new();
    for (name, bytes) in FILES {
        let path = Path::new("sample").join(name);
        match read::read(&path, Format::Text, bytes) {
            Ok(r) => pending.extend(r.docs.into_iter().map(|doc| Pending {
                doc,
                sidecar: meta.get(*name).cloned(),
            })),
            Err(reason) => warnings.push(LoadWarning {
                path: path.to_string_lossy().into_owned(),
                reason: reason.to_string(),
            }),
        }
    }
    finish(
        pending,
        warnings,
        true,
        LoadConfig::default().max_text_bytes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_has_five_articles_with_outlets() {
        let l = load_sample();
        assert!(l.warnings.is_empty(), "{:?}", l.warnings);
        assert_eq!(l.articles.len(), 5);
        assert_eq!(l.articles[0].source.as_deref(), Some("CNBC"));
        assert_eq!(l.articles[3].date, None);
        assert_eq!(l.articles[4].date_iso().as_deref(), Some("2025-09-05"));
    }

    #[test]
    fn sample_sidecar_parses() {
        assert_eq!(sidecar::parse(SOURCES).unwrap().len(), 5);
    }
}
