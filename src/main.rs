//! The `parallax` command: open stories in the terminal, list them, export reports.
//!
//! The library returns typed errors (`ConfigError`, `WriteError`, `TuiError`, ...) and
//! warnings; this binary is the one place that prints them, through color-eyre.

#![forbid(unsafe_code)]

mod fetch_cmd;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use color_eyre::eyre::{Result, WrapErr, bail, eyre};
use parallax::config::Config;
use parallax::config::reader::ThemeName;
use parallax::corpus::{Article, Loaded, printable};
use parallax::group::{self, Story};
use parallax::report::{self, Format};
use parallax::text::sanitize::{sanitize, sanitize_line};

/// Compare how different outlets tell the same news story, passage by passage.
#[derive(Debug, Parser)]
// Subcommand names win over paths (`--config X stories` is the subcommand); a path that is
// spelled like a subcommand can be given as `./stories`.
#[command(version, about, subcommand_precedence_over_arg = true)]
struct Cli {
    /// Config file (default: the user's config dir, e.g. ~/.config/parallax/config.toml).
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Article files and folders (read recursively), or web addresses to fetch into the
    /// library first. None: the library when it holds articles, else the bundled sample story.
    paths: Vec<PathBuf>,
    /// Reader: colour theme (default: [tui] theme in the config, else dark).
    #[arg(long, value_enum)]
    theme: Option<ThemeArg>,
    /// Reader: compare against this source when a story opens (an outlet name or article id).
    #[arg(long, value_name = "OUTLET")]
    reference: Option<String>,
    /// Reader: open this story at once (its id as `parallax stories` lists it).
    #[arg(long, value_name = "ID")]
    story: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the stories found among the articles.
    Stories {
        /// Article files and folders. None: the bundled sample story.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// Write a comparison report of one or more stories.
    Export {
        /// Article files and folders. None: the bundled sample story.
        paths: Vec<PathBuf>,
        /// Export only the story with this id (see `parallax stories`).
        #[arg(long, conflicts_with = "one_story")]
        story: Option<String>,
        /// Take all given articles as one story, without grouping.
        #[arg(long)]
        one_story: bool,
        /// Report format.
        #[arg(long, value_enum)]
        format: ReportFormat,
        /// Output file (default, or `-`: standard output). Written whole or not at all; never
        /// a file given as input or lying in a folder given.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Show what parallax understood of article files: metadata and cleaned body.
    Inspect {
        /// Article files and folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
        /// Also list the lines cleaning removed, each with the rule that removed it.
        #[arg(long)]
        removed: bool,
    },
    /// Download pages (and feeds' articles) into the library.
    Fetch {
        /// Page addresses (http or https); a feed's address is read as a feed.
        urls: Vec<String>,
        /// A feed (RSS or Atom) whose articles to fetch, newest first.
        #[arg(long = "feed", value_name = "URL")]
        feeds: Vec<String>,
        /// Store into this folder instead of the library.
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
        /// Most articles taken from each feed (default: [fetch] feed_limit, 50).
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Fetch addresses already stored again, replacing the stored copy.
        #[arg(long)]
        refresh: bool,
        /// Fetch pages the site's robots.txt disallows.
        #[arg(long)]
        ignore_robots: bool,
    },
    /// List the articles in the library, or remove some.
    Library {
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
        /// Remove a stored article (its file and its sources.toml line): an id, file name or
        /// address as listed.
        #[arg(long, value_name = "ID")]
        remove: Vec<String>,
        /// The library folder, when not the default (as given to `fetch --into`).
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
    },
}

/// Report formats, as `--format` spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// The Comparison model as JSON (the contract of docs/JSON.md).
    Json,
    /// Markdown for GitHub and plain editors.
    Md,
    /// One self-contained HTML page.
    Html,
}

impl From<ReportFormat> for Format {
    fn from(f: ReportFormat) -> Format {
        match f {
            ReportFormat::Json => Format::Json,
            ReportFormat::Md => Format::Md,
            ReportFormat::Html => Format::Html,
        }
    }
}

/// The reader's colour themes, as `--theme` spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ThemeArg {
    /// Light text on a dark terminal.
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// Distinct with red–green colour blindness.
    #[value(alias = "color-blind")]
    ColourBlind,
}

impl From<ThemeArg> for ThemeName {
    fn from(t: ThemeArg) -> ThemeName {
        match t {
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::ColourBlind => ThemeName::ColourBlind,
        }
    }
}

/// Formats for listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    /// Human-readable text.
    Text,
    /// JSON (see README).
    Json,
}

fn main() -> ExitCode {
    if let Err(e) = color_eyre::install() {
        eprintln!("parallax: {e}");
    }
    if let Err(e) = parallax::signals::install() {
        eprintln!("parallax: warning: signals will not be handled: {e}");
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader closed the pipe (`parallax ... | head`): nothing is wrong.
        Err(e)
            if e.root_cause()
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            // Messages name paths, and a file name can hold an escape sequence.
            eprintln!("parallax: {}", sanitize(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let mut cfg = Config::load(cli.config.as_deref())?;
    if cli.command.is_some()
        && (cli.theme.is_some() || cli.reference.is_some() || cli.story.is_some())
    {
        bail!(
            "--theme, --reference and --story are for the reader; give them without a subcommand"
        );
    }
    if let Some(t) = cli.theme {
        cfg.tui.theme = t.into();
    }
    if let Some(r) = cli.reference {
        cfg.tui.reference = Some(r);
    }
    match cli.command {
        None => {
            let paths = fetch_urls(cli.paths, &cfg)?;
            open(&or_library(paths, &cfg), cli.story.as_deref(), &cfg)
        }
        Some(Command::Stories { paths, format }) => {
            list_stories(&or_library(paths, &cfg), format, &cfg)
        }
        Some(Command::Export {
            paths,
            story,
            one_story,
            format,
            output,
        }) => export(
            &or_library(paths, &cfg),
            story.as_deref(),
            one_story,
            format.into(),
            output.as_deref(),
            &cfg,
        ),
        Some(Command::Inspect {
            paths,
            format,
            removed,
        }) => inspect(&paths, format, removed, &cfg),
        Some(Command::Fetch {
            urls,
            feeds,
            into,
            limit,
            refresh,
            ignore_robots,
        }) => {
            let req = parallax::fetch::Request {
                pages: urls,
                feeds,
                limit: limit.unwrap_or(cfg.fetch.feed_limit),
                refresh,
                ignore_robots,
            };
            let library = fetch_cmd::library(into.as_deref(), &cfg)?;
            let summary = fetch_cmd::run_fetch(&req, &library, &cfg)?;
            Ok(fetch_cmd::status(&summary))
        }
        Some(Command::Library {
            format,
            remove,
            into,
        }) => fetch_cmd::run_library(into.as_deref(), &remove, format == ListFormat::Json, &cfg),
    }
}

/// No paths: the library when it holds articles, else none (the bundled sample).
fn or_library(paths: Vec<PathBuf>, cfg: &Config) -> Vec<PathBuf> {
    if paths.is_empty() {
        fetch_cmd::library_if_any(cfg).into_iter().collect()
    } else {
        paths
    }
}

/// `parallax URL...`: fetch the addresses into the library; the articles stored for them
/// join the other paths.
fn fetch_urls(paths: Vec<PathBuf>, cfg: &Config) -> Result<Vec<PathBuf>> {
    let (urls, mut files): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| fetch_cmd::is_url(p));
    if urls.is_empty() {
        return Ok(files);
    }
    let req = parallax::fetch::Request {
        pages: urls
            .iter()
            .map(|u| u.to_string_lossy().into_owned())
            .collect(),
        limit: cfg.fetch.feed_limit,
        ..Default::default()
    };
    let library = fetch_cmd::library(None, cfg)?;
    let summary = fetch_cmd::run_fetch(&req, &library, cfg)?;
    let got = summary
        .stored
        .iter()
        .chain(&summary.kept)
        .map(|e| e.path.clone());
    files.extend(got);
    if files.is_empty() {
        bail!("none of the addresses could be fetched");
    }
    Ok(files)
}

/// Load articles and print one line per file that could not be read.
fn load(paths: &[PathBuf], cfg: &Config) -> Result<Loaded> {
    let loaded = parallax::load(paths, cfg);
    for w in &loaded.warnings {
        eprintln!("parallax: warning: {w}");
    }
    if loaded.articles.is_empty() {
        bail!("no articles could be loaded");
    }
    Ok(loaded)
}

/// [`load`] without printing the warnings (the reader shows them); they are printed when
/// nothing could be loaded, since then there is no reader.
fn load_quietly(paths: &[PathBuf], cfg: &Config) -> Result<Loaded> {
    let loaded = parallax::load(paths, cfg);
    if loaded.articles.is_empty() {
        for w in &loaded.warnings {
            eprintln!("parallax: warning: {w}");
        }
        bail!("no articles could be loaded");
    }
    Ok(loaded)
}

/// The stories of the loaded articles. The bundled sample (no paths) is grouped like any
/// folder: its four reports of one statement make the first story, the report six months
/// later a second.
fn stories_of(loaded: &Loaded, cfg: &Config) -> Vec<Story> {
    parallax::stories(&loaded.articles, cfg)
}

/// Open the reader on a terminal; print the stories as plain text when output is piped or
/// redirected. `story`: only that story (by id). In the reader, files that could not be read
/// are listed on its warnings screen, and printed again after it closes.
fn open(paths: &[PathBuf], story: Option<&str>, cfg: &Config) -> Result<ExitCode> {
    let tty = std::io::stdout().is_terminal();
    let loaded = if tty {
        load_quietly(paths, cfg)?
    } else {
        load(paths, cfg)?
    };
    let mut stories = stories_of(&loaded, cfg);
    if let Some(id) = story {
        stories.retain(|s| s.id == id);
        if stories.is_empty() {
            bail!("no story with id {id:?} (see `parallax stories`)");
        }
    }
    if tty {
        let warnings: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
        let result = parallax::tui::run(loaded.articles, stories, cfg.clone(), warnings.clone());
        for w in &warnings {
            eprintln!("parallax: warning: {}", sanitize_line(w));
        }
        result?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    for (i, story) in stories.iter().enumerate() {
        let c = parallax::compare_story(&loaded.articles, story, cfg);
        let sep = if i > 0 { "\n\n" } else { "" };
        let text = format!("{sep}{}", parallax::tui::plain_text(&c, &cfg.tui));
        out.write_all(text.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn list_stories(paths: &[PathBuf], format: ListFormat, cfg: &Config) -> Result<ExitCode> {
    let loaded = load(paths, cfg)?;
    let stories = stories_of(&loaded, cfg);
    let mut out = std::io::stdout().lock();
    match format {
        ListFormat::Json => {
            let list: Vec<_> = stories
                .iter()
                .map(|s| {
                    let sig = group::describe_story(&loaded.articles, s);
                    serde_json::json!({
                        "id": s.id,
                        "title": s.title,
                        "actors": sig.actors,
                        "events": sig.events,
                        "when": when_json(&sig),
                        "articles": s.articles.iter().map(|&i| {
                            let a = &loaded.articles[i];
                            serde_json::json!({
                                "id": a.id, "path": a.path, "source": a.source,
                                "title": a.title, "date": a.date_iso(),
                            })
                        }).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let doc = serde_json::json!({ "stories": list });
            writeln!(out, "{}", report::to_json_pretty(&doc)?)?;
        }
        ListFormat::Text => {
            for s in &stories {
                let members: Vec<&Article> =
                    s.articles.iter().map(|&i| &loaded.articles[i]).collect();
                let sig = group::describe_story(&loaded.articles, s);
                writeln!(out, "{}  {}", s.id, one_line(&s.title))?;
                writeln!(
                    out,
                    "{:width$}  {}",
                    "",
                    story_facts(&members, sig.estimated.as_ref()),
                    width = s.id.len()
                )?;
                if !sig.actors.is_empty() {
                    let actors: Vec<String> = sig.actors.iter().map(|a| one_line(a)).collect();
                    writeln!(
                        out,
                        "{:width$}  about {}",
                        "",
                        actors.join(", "),
                        width = s.id.len()
                    )?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// When a story happened, for `stories --format json`: its first and last date, or the window
/// its undated articles' texts point to (`"estimated": true`), or null.
fn when_json(sig: &group::StorySignature) -> serde_json::Value {
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    match (sig.dates, sig.estimated) {
        (Some((from, to)), _) => {
            serde_json::json!({ "from": day(from), "to": day(to), "estimated": false })
        }
        (None, Some(w)) => {
            serde_json::json!({ "from": day(w.from), "to": day(w.to), "estimated": true })
        }
        (None, None) => serde_json::Value::Null,
    }
}

/// The second line of a story in `parallax stories`: article count, date range (or, for an
/// undated story, the window its texts point to), outlets.
fn story_facts(members: &[&Article], estimated: Option<&group::Window>) -> String {
    let count = match members.len() {
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    };
    let first = members.iter().filter_map(|a| a.date).min();
    let last = members.iter().filter_map(|a| a.date).max();
    let dates = match (first, last) {
        (Some(a), Some(b)) if a == b => a.format("%Y-%m-%d").to_string(),
        (Some(a), Some(b)) => format!("{} to {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
        _ => match estimated {
            Some(w) => format!("undated (the text points to {})", group::describe_window(w)),
            None => "undated".to_string(),
        },
    };
    let mut outlets: Vec<String> = Vec::new();
    for a in members {
        if let Some(src) = a.source.as_deref().map(one_line).filter(|s| !s.is_empty())
            && !outlets.contains(&src)
        {
            outlets.push(src);
        }
    }
    const SHOWN: usize = 4;
    let outlets = match outlets.len() {
        0 => "outlets unknown".to_string(),
        n if n <= SHOWN => outlets.join(", "),
        n => format!(
            "{} and {} more",
            outlets[..SHOWN - 1].join(", "),
            n - (SHOWN - 1)
        ),
    };
    format!("{count}, {dates}, {outlets}")
}

/// Article-supplied text made safe for one terminal line (escape sequences defused, other
/// control, bidirectional and invisible characters dropped), white space collapsed.
fn one_line(s: &str) -> String {
    sanitize_line(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn export(
    paths: &[PathBuf],
    story: Option<&str>,
    one_story: bool,
    format: Format,
    output: Option<&Path>,
    cfg: &Config,
) -> Result<ExitCode> {
    let loaded = load(paths, cfg)?;
    let stories = if one_story {
        vec![group::one_story(&loaded.articles)]
    } else {
        stories_of(&loaded, cfg)
    };
    let chosen: Vec<&Story> = match story {
        Some(id) => {
            let s = stories
                .iter()
                .find(|s| s.id == id)
                .ok_or_else(|| eyre!("no story with id {id:?} (see `parallax stories`)"))?;
            vec![s]
        }
        None => stories.iter().collect(),
    };
    // Each story is compared when its turn comes in the report and dropped once written: a
    // report of thousands of stories holds one comparison at a time, never the whole text.
    let heads: Vec<report::StoryHead> = chosen
        .iter()
        .map(|s| report::StoryHead {
            id: s.id.clone(),
            title: s.title.clone(),
            sources: s.articles.len(),
        })
        .collect();
    let comparisons = || {
        chosen
            .iter()
            .map(|s| Ok(parallax::compare_story(&loaded.articles, s, cfg)))
    };
    match output {
        // `-o -` is standard output, as for most tools.
        Some(path) if path != Path::new("-") => {
            // Everything the user pointed at is theirs: the files named, every file inside
            // the folders named (loaded or not: too large, unreadable, sources.toml), and
            // the articles read. The bundled sample is not read from disk.
            let inputs: Vec<&Path> = paths
                .iter()
                .map(PathBuf::as_path)
                .chain(
                    (!paths.is_empty())
                        .then_some(&loaded.articles)
                        .into_iter()
                        .flatten()
                        .map(|a| Path::new(&a.path)),
                )
                .collect();
            report::write_atomic_with(path, &inputs, |out| {
                report::write_stream(out, format, &heads, comparisons())
            })?;
        }
        _ => {
            let mut out = std::io::BufWriter::with_capacity(256 * 1024, std::io::stdout().lock());
            match report::write_stream(&mut out, format, &heads, comparisons())
                .and_then(|_| out.flush())
            {
                // A reader that stops early (`| head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                r => r.wrap_err("cannot write to standard output")?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Print what was understood of each file: metadata, cleaned body and, on request, what
/// cleaning removed. JSON: one article object for one article, an array for several.
fn inspect(
    paths: &[PathBuf],
    format: ListFormat,
    show_removed: bool,
    cfg: &Config,
) -> Result<ExitCode> {
    let report = parallax::corpus::load_paths_report(paths, &cfg.load);
    for w in &report.loaded.warnings {
        eprintln!("parallax: warning: {w}");
    }
    if report.loaded.articles.is_empty() {
        bail!("no articles could be loaded");
    }
    let mut out = std::io::stdout().lock();
    let articles = report.loaded.articles.iter().zip(&report.removed);
    match format {
        ListFormat::Json => {
            let docs: Vec<serde_json::Value> = articles
                .map(|(a, removed)| {
                    let sig = group::describe_article(a);
                    let estimated = match sig.when {
                        group::When::Estimated(w) => serde_json::json!({
                            "from": w.from.format("%Y-%m-%d").to_string(),
                            "to": w.to.format("%Y-%m-%d").to_string(),
                        }),
                        _ => serde_json::Value::Null,
                    };
                    let mut doc = serde_json::json!({
                        "id": a.id, "path": a.path, "source": a.source, "title": a.title,
                        "date": a.date_iso(), "estimated": estimated, "url": a.url,
                        "actors": sig.actors, "events": sig.events, "body": a.body,
                    });
                    if show_removed {
                        doc["removed"] = removed
                            .iter()
                            .map(|r| serde_json::json!({ "rule": r.rule.name(), "text": r.text }))
                            .collect();
                    }
                    doc
                })
                .collect();
            let doc = match <[_; 1]>::try_from(docs) {
                Ok([one]) => one,
                Err(many) => serde_json::Value::Array(many),
            };
            writeln!(out, "{}", report::to_json_pretty(&doc)?)?;
        }
        ListFormat::Text => {
            // The loader already removed unsafe characters from these; the output stays safe
            // whatever a future reader lets through.
            let field = |v: Option<&str>| v.map_or("-".into(), |v| sanitize_line(v).into_owned());
            for (a, removed) in articles {
                writeln!(out, "path:   {}", printable(&a.path))?;
                writeln!(out, "outlet: {}", field(a.source.as_deref()))?;
                writeln!(out, "title:  {}", field(a.title.as_deref()))?;
                let sig = group::describe_article(a);
                let date = match (a.date_iso(), sig.when) {
                    (Some(d), _) => d,
                    (None, group::When::Estimated(w)) => format!(
                        "- (estimated from the text: {})",
                        group::describe_window(&w)
                    ),
                    (None, _) => "-".into(),
                };
                writeln!(out, "date:   {date}")?;
                let list = |v: &[String]| {
                    if v.is_empty() {
                        "-".to_string()
                    } else {
                        sanitize_line(&v.join(", ")).into_owned()
                    }
                };
                writeln!(out, "actors: {}", list(&sig.actors))?;
                writeln!(out, "events: {}", list(&sig.events))?;
                writeln!(out, "url:    {}", field(a.url.as_deref()))?;
                writeln!(out, "\n{}\n", sanitize(&a.body))?;
                if show_removed {
                    writeln!(out, "removed ({} lines):", removed.len())?;
                    for r in removed {
                        writeln!(out, "  [{}] {}", r.rule, sanitize_line(&r.text))?;
                    }
                    writeln!(out)?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
