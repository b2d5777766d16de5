//! Reports: three renderers of one [`Comparison`] (JSON, Markdown, HTML) and the atomic write
//! that puts them on disk. `parallax export` and the reader's `e` key both come through here,
//! so the same comparison gives the same report either way.
//!
//! The renderers only read the model; shared display helpers are in `layout` and all
//! escaping of untrusted text is in `escape`.

pub mod escape;
mod html;
mod json;
pub mod layout;
mod markdown;

use std::io::Write;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::Comparison;

pub use json::to_string_pretty as to_json_pretty;

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The Comparison model as JSON (the contract of docs/JSON.md).
    Json,
    /// Markdown for GitHub and plain editors.
    Md,
    /// One self-contained HTML page.
    Html,
}

impl Format {
    /// The usual file extension for this format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Md => "md",
            Format::Html => "html",
        }
    }
}

/// Render comparisons in a format. JSON gives one object for one story, an array for several;
/// Markdown and HTML give one document holding every story.
pub fn render(comparisons: &[Comparison], format: Format) -> String {
    match format {
        Format::Json => json::render(comparisons),
        Format::Md => markdown::render(comparisons),
        Format::Html => html::render(comparisons),
    }
}

/// What a report's table of contents says of a story before its comparison is built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryHead {
    /// The story's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// How many articles (sources) it has.
    pub sources: usize,
}

impl StoryHead {
    /// The head of a built comparison.
    pub fn of(c: &Comparison) -> StoryHead {
        StoryHead {
            id: c.story.id.clone(),
            title: c.story.title.clone(),
            sources: c.articles.len(),
        }
    }
}

/// Write the report of the stories `heads` names to `out`, the same bytes [`render`] gives,
/// taking each comparison from `comparisons` only when its turn comes: a caller that builds
/// them lazily holds one story's comparison at a time, however many stories the report has.
/// An error from the iterator (or from writing) stops the report there.
pub fn write_stream<W, E>(
    out: &mut W,
    format: Format,
    heads: &[StoryHead],
    comparisons: impl IntoIterator<Item = Result<Comparison, E>>,
) -> Result<(), E>
where
    W: Write + ?Sized,
    E: From<std::io::Error>,
{
    match format {
        Format::Json => json::write_all(out, heads.len(), comparisons),
        Format::Md => markdown::write_all(out, heads, comparisons),
        Format::Html => html::write_all(out, heads, comparisons),
    }
}

/// The file an input path names: `file.jsonl#3` (a record inside a file) is `file.jsonl`.
fn input_file(input: &Path) -> PathBuf {
    let s = input.to_string_lossy();
    match s.rsplit_once('#') {
        Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            PathBuf::from(file)
        }
        _ => input.to_path_buf(),
    }
}

/// Is `target` the same file as `input` (by path, through symbolic links, or as a hard link)?
fn same_file(target: &Path, input: &Path) -> bool {
    [input.to_path_buf(), input_file(input)].iter().any(|i| {
        std::path::absolute(i).is_ok_and(|i| i == target)
            || same_file::is_same_file(i, target).unwrap_or(false)
    })
}

/// Is `target` an existing file below the folder `folder` (both resolved through links)?
fn inside_folder(target: &Path, folder: &Path) -> bool {
    if !folder.is_dir() || std::fs::symlink_metadata(target).is_err() {
        return false;
    }
    let (Ok(folder), Some(parent)) = (std::fs::canonicalize(folder), target.parent()) else {
        return false;
    };
    // The file itself may be a link leading elsewhere; where it lies is its folder's place.
    std::fs::canonicalize(parent).is_ok_and(|p| p.starts_with(&folder))
        || std::fs::canonicalize(target).is_ok_and(|t| t.starts_with(&folder))
}

/// Where a symbolic link that leads nowhere points (followed through further links): the
/// file a write through it creates, as a shell's `>` would, rather than replacing the link.
fn dangling_link_target(link: &Path) -> Option<PathBuf> {
    let mut at = link.to_path_buf();
    for _ in 0..40 {
        let meta = std::fs::symlink_metadata(&at).ok()?;
        if !meta.file_type().is_symlink() {
            return None;
        }
        let next = std::fs::read_link(&at).ok()?;
        let next = match at.parent() {
            Some(dir) if next.is_relative() => dir.join(next),
            _ => next,
        };
        if std::fs::symlink_metadata(&next).is_err() {
            return std::path::absolute(next).ok();
        }
        at = next;
    }
    None
}

/// A report that could not be written: the path as given, and why. One line, the operating
/// system's reason included, so the reader's status line and the command say the same.
#[derive(Debug, Error)]
#[error("{path}: {problem}")]
pub struct WriteError {
    /// The target as the user gave it.
    pub path: String,
    /// What went wrong.
    pub problem: WriteProblem,
}

/// Why a report could not be written.
#[derive(Debug, Error)]
pub enum WriteProblem {
    /// The path cannot be made absolute.
    #[error("cannot resolve the path: {0}")]
    Resolve(std::io::Error),
    /// The target is one of the articles the report was built from, or a file given.
    #[error("refusing to overwrite an input article")]
    InputArticle,
    /// The target is an existing file inside a folder given as input: loaded or not (too
    /// large, unreadable, a `sources.toml`), it is the user's data.
    #[error("refusing to overwrite a file inside the input folder {0}")]
    InsideInput(String),
    /// The target is a folder.
    #[error("is a folder; give a file name for the report")]
    Folder,
    /// The target's folder does not exist.
    #[error("the folder {0} does not exist")]
    NoFolder(String),
    /// What should be the target's folder is a file.
    #[error("{0} is a file, not a folder")]
    NotAFolder(String),
    /// A special file (a pipe, a device) cannot be opened for writing.
    #[error("cannot write: {0}")]
    Open(std::io::Error),
    /// No temporary file can be created beside the target.
    #[error("cannot write here: {0}")]
    Create(std::io::Error),
    /// Writing the bytes failed (the disk is full, the writer failed).
    #[error("write failed: {0}")]
    Write(std::io::Error),
    /// The finished file cannot be renamed over the target.
    #[error("cannot replace the file: {0}")]
    Replace(std::io::Error),
}

/// Write a report whole or not at all: into a temporary file beside the target, then renamed
/// over it, so a failure leaves no partial file and an existing report stays as it was.
/// Refuses to overwrite any of `inputs` (the articles the report was built from and the
/// paths the user gave; a `file.jsonl#3` record path protects `file.jsonl`) or any existing
/// file inside an `inputs` folder. Errors are one line naming `path`.
///
/// A symbolic link is followed (the file it points to is replaced, the link stays; a link
/// to a file that does not exist yet creates that file). A target
/// that exists but is no regular file, such as `/dev/stdout` or a named pipe, is written
/// directly, since it cannot be replaced.
pub fn write_atomic(path: &Path, contents: &[u8], inputs: &[&Path]) -> Result<(), WriteError> {
    write_with(path, inputs, |f| f.write_all(contents))
}

/// [`write_atomic`] for a report written piece by piece ([`write_stream`]): `write` puts the
/// bytes into the open file, and whatever it does (writes part and fails, or panics midway)
/// the target is either the whole new report or untouched.
pub fn write_atomic_with(
    path: &Path,
    inputs: &[&Path],
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    write_with(path, inputs, |f| {
        let mut buffered = std::io::BufWriter::with_capacity(256 * 1024, f);
        write(&mut buffered)?;
        buffered.flush()
    })
}

/// [`write_atomic`] with the bytes produced by `write` into the open file: whatever `write`
/// does (writes part and fails, or panics midway) the target is either the whole new report
/// or untouched, and no temporary file stays behind (it is removed on error and while
/// unwinding).
fn write_with(
    path: &Path,
    inputs: &[&Path],
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let fail = |problem| WriteError {
        path: path.display().to_string(),
        problem,
    };
    let mut target = std::path::absolute(path).map_err(|e| fail(WriteProblem::Resolve(e)))?;
    if std::fs::metadata(&target).is_err()
        && let Some(real) = dangling_link_target(&target)
    {
        target = real;
    }
    if inputs.iter().any(|input| same_file(&target, input)) {
        return Err(fail(WriteProblem::InputArticle));
    }
    if let Some(folder) = inputs.iter().find(|input| inside_folder(&target, input)) {
        return Err(fail(WriteProblem::InsideInput(
            folder.display().to_string(),
        )));
    }
    let existing = std::fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(fail(WriteProblem::Folder));
        }
        if !meta.is_file() {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|e| fail(WriteProblem::Open(e)))?;
            return write(&mut f)
                .and_then(|_| f.flush())
                .map_err(|e| fail(WriteProblem::Write(e)));
        }
        if let Ok(real) = std::fs::canonicalize(&target) {
            target = real;
        }
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map_or("report".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // What a plain create would give (0666 less the umask), not tempfile's private 0600.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    if !dir.is_dir() {
        let shown = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(dir)
            .display()
            .to_string();
        return Err(fail(if dir.exists() {
            WriteProblem::NotAFolder(shown)
        } else {
            WriteProblem::NoFolder(shown)
        }));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(without_path)
        .map_err(|e| fail(WriteProblem::Create(e)))?;
    let _registered = crate::signals::TempFile::register(tmp.path());
    if let Some(meta) = &existing {
        // Replacing a report keeps its permissions.
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    write(tmp.as_file_mut())
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| fail(WriteProblem::Write(e)))?;
    tmp.persist(&target)
        .map_err(|e| fail(WriteProblem::Replace(without_path(e.error))))?;
    Ok(())
}

/// tempfile names its random file in its errors; the user only needs the reason.
fn without_path(e: std::io::Error) -> std::io::Error {
    match e.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_paths_name_their_file() {
        assert_eq!(
            input_file(Path::new("a/feed.jsonl#12")),
            PathBuf::from("a/feed.jsonl")
        );
        assert_eq!(
            input_file(Path::new("a/b#c.txt")),
            PathBuf::from("a/b#c.txt")
        );
        assert_eq!(input_file(Path::new("a/x.txt")), PathBuf::from("a/x.txt"));
    }

    #[test]
    fn writes_whole_file_and_replaces_old_report() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("report.md");
        write_atomic(&out, b"first", &[]).unwrap();
        write_atomic(&out, b"second", &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn refuses_inputs_by_path_link_and_record() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "Kremlin says ties in early stages of recovery").unwrap();
        let feed = dir.path().join("feed.jsonl");
        std::fs::write(&feed, "{}").unwrap();
        let record = dir.path().join("feed.jsonl#2");
        let inputs = [article.as_path(), record.as_path()];
        for target in [
            article.clone(),
            feed.clone(),
            dir.path().join(".").join("a.txt"),
        ] {
            let e = write_atomic(&target, b"x", &inputs).unwrap_err();
            assert!(e.to_string().contains("refusing to overwrite"), "{e}");
        }
        #[cfg(unix)]
        {
            let hard = dir.path().join("hard.txt");
            std::fs::hard_link(&article, &hard).unwrap();
            assert!(write_atomic(&hard, b"x", &inputs).is_err());
            let soft = dir.path().join("soft.txt");
            std::os::unix::fs::symlink(&article, &soft).unwrap();
            assert!(write_atomic(&soft, b"x", &inputs).is_err());
        }
        assert_eq!(
            std::fs::read_to_string(&article).unwrap(),
            "Kremlin says ties in early stages of recovery"
        );
    }

    #[test]
    fn failures_name_the_path_and_leave_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no/such/dir/report.html");
        let e = format!("{:#}", write_atomic(&missing, b"x", &[]).unwrap_err());
        assert!(
            e.contains("no/such/dir/report.html") && !e.contains('\n'),
            "{e}"
        );
        let folder = dir.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        let e = format!("{:#}", write_atomic(&folder, b"x", &[]).unwrap_err());
        assert!(e.contains("is a folder"), "{e}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// The names in a folder, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    const HALF: &[u8] =
        b"# Kremlin says ties with Turkey in early stages of recovery\n\n| Source |";

    #[test]
    fn a_writer_that_panics_midway_leaves_no_partial_report() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("fresh.md");
        let existing = dir.path().join("report.md");
        std::fs::write(&existing, "the report of yesterday").unwrap();
        for target in [&fresh, &existing] {
            let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                write_with(target, &[], |f| {
                    f.write_all(HALF)?;
                    f.flush()?;
                    panic!("renderer bug halfway through the report");
                })
            }));
            assert!(caught.is_err(), "the panic went through");
        }
        assert_eq!(
            names(dir.path()),
            ["report.md"],
            "no fresh.md, no .NAME.*.tmp"
        );
        assert_eq!(
            std::fs::read_to_string(&existing).unwrap(),
            "the report of yesterday"
        );
    }

    #[test]
    fn a_write_error_midway_leaves_no_partial_report() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("fresh.html");
        let existing = dir.path().join("report.html");
        std::fs::write(&existing, "<p>the report of yesterday</p>").unwrap();
        for target in [&fresh, &existing] {
            let e = write_with(target, &[], |f| {
                f.write_all(HALF)?;
                Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "no space left on device",
                ))
            })
            .unwrap_err();
            let e = format!("{e:#}");
            assert!(
                e.contains("write failed") && e.contains("no space left"),
                "{e}"
            );
        }
        assert_eq!(names(dir.path()), ["report.html"]);
        assert_eq!(
            std::fs::read_to_string(&existing).unwrap(),
            "<p>the report of yesterday</p>"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_report_is_replaced_through_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new", &[]).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }
}
