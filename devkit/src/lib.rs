//! What parallax's integration tests, benchmarks and examples share: hand-built comparisons
//! (independent of how the analysis evolves), ports of the Python scorers of `../shared/eval`,
//! and the corpora the benchmarks grow. A crate of its own so that every test, bench and
//! example target uses it as a dependency instead of including source files by path.

pub mod fixtures;
pub mod grouping_score;
pub mod hostile;
pub mod newswcl50;
pub mod synthetic;
pub mod web;
pub mod wnc;

use std::path::{Path, PathBuf};

/// The parallax package's folder (the one holding `tests/data` and `assets`).
pub fn package_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// A data set under `tests/data`.
pub fn data(name: &str) -> PathBuf {
    package_root().join("tests/data").join(name)
}
