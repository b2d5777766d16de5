//! The `fetch` and `library` subcommands, and the fetching behind `parallax URL...`: the
//! terminal side of [`parallax::fetch`] (progress, one line per address, exit status).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::{Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use parallax::config::Config;
use parallax::fetch::{self, Entry, Event, Library, Request, Summary};
use parallax::text::sanitize::sanitize_line;

/// More addresses than this get a progress bar (on a terminal).
const BAR_FROM: usize = 3;

/// The library `--into DIR` names, else the configured or default one.
pub fn library(into: Option<&Path>, cfg: &Config) -> Result<Library> {
    Ok(Library::new(match into {
        Some(dir) => dir.to_path_buf(),
        None => cfg.fetch.library_dir()?,
    }))
}

/// Whether an argument is a web address rather than a path.
pub fn is_url(arg: &Path) -> bool {
    arg.to_str().is_some_and(|s| {
        let s = s.trim_start().to_ascii_lowercase();
        s.starts_with("http://") || s.starts_with("https://")
    })
}

/// `parallax` without paths reads the library when it holds articles.
pub fn library_if_any(cfg: &Config) -> Option<PathBuf> {
    let lib = Library::new(cfg.fetch.library_dir().ok()?);
    lib.has_articles().then(|| lib.dir().to_path_buf())
}

/// Fetch, printing one line per address; the summary says what is in the library now.
pub fn run_fetch(req: &Request, library: &Library, cfg: &Config) -> Result<Summary> {
    if req.pages.is_empty() && req.feeds.is_empty() {
        bail!("nothing to fetch: give page addresses, or feeds with --feed URL");
    }
    let total = req.pages.len() + req.feeds.len();
    let bar = (std::io::stderr().is_terminal() && total > BAR_FROM).then(|| {
        let bar = ProgressBar::new(total as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let show = |e: Event| report(e, bar.as_ref());
    let summary = fetch::fetch(req, &cfg.fetch, cfg.load.clean, library, &show);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let mut parts = vec![count(
        summary.stored.len(),
        "article stored",
        "articles stored",
    )];
    if !summary.kept.is_empty() {
        parts.push(format!("{} already there", summary.kept.len()));
    }
    if summary.failed > 0 {
        parts.push(count(summary.failed, "address failed", "addresses failed"));
    }
    eprintln!(
        "parallax: {} (library: {})",
        parts.join(", "),
        sanitize_line(&library.dir().display().to_string())
    );
    Ok(summary)
}

/// Exit status of a fetch: success when at least one asked-for article is in the library.
pub fn status(summary: &Summary) -> ExitCode {
    if summary.stored.is_empty() && summary.kept.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One event as one line: results on standard output, failures on standard error; above the
/// progress bar when there is one.
fn report(e: Event, bar: Option<&ProgressBar>) {
    let (line, is_err, step) = match e {
        Event::Queued(n) => {
            if let Some(b) = bar {
                b.inc_length(n as u64);
            }
            return;
        }
        Event::Feed {
            url,
            title,
            items,
            taken,
        } => (
            format!(
                "feed    {url}: {}{items} items, taking {taken}",
                title.map(|t| format!("{}, ", clip(&t))).unwrap_or_default()
            ),
            false,
            true,
        ),
        Event::Stored {
            url,
            entry,
            replaced,
        } => (
            format!(
                "{}  {}  {}  {url}",
                if replaced { "updated" } else { "stored " },
                entry.id,
                facts(&entry)
            ),
            false,
            true,
        ),
        Event::Kept { url, entry } => (
            format!(
                "kept     {}  already in the library (--refresh fetches it again)  {url}",
                entry.id
            ),
            false,
            true,
        ),
        Event::Failed { url, error } => (
            format!("parallax: {url}: {}", sanitize_line(&error.to_string())),
            true,
            true,
        ),
    };
    match bar {
        Some(b) => {
            b.println(&line);
            if step {
                b.inc(1);
            }
        }
        None if is_err => eprintln!("{line}"),
        None => {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{line}");
        }
    }
}

/// `RT, 2025-09-05`: the outlet and date a stored article was given.
fn facts(e: &Entry) -> String {
    let outlet = e
        .source
        .as_deref()
        .map(clip)
        .unwrap_or_else(|| "outlet unknown".into());
    let date = e.date.as_deref().unwrap_or("date unknown");
    format!("{outlet}, {date}")
}

/// Page-supplied text made safe and short for one line.
fn clip(s: &str) -> String {
    let s = sanitize_line(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

/// `parallax library`: list what is stored, or remove articles.
pub fn run_library(
    into: Option<&Path>,
    remove: &[String],
    json: bool,
    cfg: &Config,
) -> Result<ExitCode> {
    let lib = library(into, cfg)?;
    if !remove.is_empty() {
        for what in remove {
            let e = lib.remove(what)?;
            println!("removed  {}  {}", e.file, e.url.as_deref().unwrap_or(""));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let entries = lib.entries()?;
    let mut out = std::io::stdout().lock();
    if json {
        let doc = serde_json::json!({ "library": lib.dir(), "articles": entries });
        writeln!(out, "{}", parallax::report::to_json_pretty(&doc)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if entries.is_empty() {
        eprintln!(
            "parallax: the library is empty ({}); `parallax fetch URL...` fills it",
            sanitize_line(&lib.dir().display().to_string())
        );
        return Ok(ExitCode::SUCCESS);
    }
    for e in &entries {
        writeln!(
            out,
            "{}  {}  {}",
            e.id,
            e.date.as_deref().unwrap_or("----------"),
            e.source.as_deref().map(clip).unwrap_or_else(|| "-".into()),
        )?;
        writeln!(
            out,
            "{:w$}  {}",
            "",
            e.title.as_deref().map(clip).unwrap_or_else(|| "-".into()),
            w = e.id.len()
        )?;
        if let Some(u) = &e.url {
            writeln!(out, "{:w$}  {}", "", sanitize_line(u), w = e.id.len())?;
        }
    }
    eprintln!(
        "parallax: {} in {}",
        count(entries.len(), "article", "articles"),
        sanitize_line(&lib.dir().display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}
