//! Write the hostile corpus (every shape of input issue 18 found to crash, hang or blow up
//! parallax, among good articles; see `devkit/src/hostile.rs`) into a folder, for timing the
//! binary on it by hand:
//!
//! ```sh
//! cargo build --release --example hostile_corpus && cargo build --release
//! target/release/examples/hostile_corpus /tmp/hostile
//! /usr/bin/time -v target/release/parallax stories /tmp/hostile   # "Maximum resident set size"
//! ```

use color_eyre::eyre::{Result, bail, eyre};

fn main() -> Result<()> {
    color_eyre::install()?;
    let dir = std::env::args()
        .nth(1)
        .ok_or_else(|| eyre!("usage: hostile_corpus FOLDER (created; must not exist)"))?;
    let dir = std::path::PathBuf::from(dir);
    if dir.exists() {
        bail!("{} exists; give a new folder", dir.display());
    }
    std::fs::create_dir_all(&dir)?;
    let corpus = parallax_devkit::hostile::write(&dir, true);
    println!(
        "{}: {} good articles, {} files that each get a warning",
        dir.display(),
        corpus.good.len(),
        corpus.bad.len()
    );
    Ok(())
}
