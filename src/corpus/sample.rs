//! The bundled sample story, embedded in the binary so `parallax` works after `cargo install`.

use std::path::Path;

use super::{Loaded, parse_text, sidecar};

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

/// Load the bundled sample story through the same parsing path as files on disk.
pub fn load_sample() -> Loaded {
    let mut loaded = Loaded::default();
    let meta = sidecar::parse(SOURCES).unwrap_or_default();
    for (name, bytes) in FILES {
        let path = Path::new("sample").join(name);
        match parse_text(&path, bytes) {
            Ok(mut article) => {
                if let Some(entry) = meta.get(*name) {
                    entry.apply(&mut article);
                }
                loaded.articles.push(article);
            }
            Err(reason) => loaded.warn(&path, &reason),
        }
    }
    loaded
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
}
