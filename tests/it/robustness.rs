//! Robustness: hostile and broken input never crashes, hangs, corrupts the terminal or loses
//! work. Terminal safety through every text output (the reader's screen, plain-text output,
//! `stories`, `inspect`, warnings on standard error); exports that fail midway; the panic
//! hook; odd corpora (deep folders, many tiny files, identical articles, one article, text
//! without punctuation, right-to-left and CJK text); and property tests that feed arbitrary
//! bytes, JSON of the wrong shape and hostile text through the loader and the whole pipeline.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use crossterm::event::{KeyCode, KeyModifiers};
use parallax::config::Config;
use parallax::corpus::{self, Article, LoadConfig, Loaded};
use parallax::model::{Comparison, DiffOp};
use parallax::report::{self, Format};
use parallax::tui::{App, view};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::hostile::{NASTIES, assert_terminal_safe, assert_terminal_safe_bytes, poison};

fn parallax() -> Command {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    cmd.env("NO_COLOR", "1").env_remove("PARALLAX_CONFIG");
    cmd
}

fn put(dir: &Path, name: impl AsRef<std::ffi::OsStr>, bytes: &[u8]) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(name.as_ref());
    std::fs::write(&path, bytes).unwrap();
    path
}

// ---- one story, three outlets ----

const WIRE: &str = "Flood waters rose across the Danube delta on Monday, forcing 4,200 people from their homes, regional officials said.
The regional governor, Elena Marin, said rescue teams had reached every village cut off by the water by late afternoon.
Marin said the river was expected to crest on Wednesday at 6.4 metres, the highest level since 2006.
Meteorologists warned that more rain was forecast for the upper basin through Thursday.
The government has released 12 million euros in emergency aid, the finance ministry said in a statement.";

const AGENCY: &str = "More than 4,000 people were evacuated as the Danube flooded villages in the delta on Monday.
Governor Elena Marin said rescue teams reached all the villages cut off by the flood by the afternoon.
The river is expected to peak on Wednesday at 6.4 metres, its highest since 2006, according to Marin.
The finance ministry said 12 million euros had been released in emergency aid.
Critics accused the government of ignoring warnings about the state of the dykes for years.";

const BLOG: &str =
    "Thousands fled their homes as the Danube burst its banks in the delta on Monday.
Officials said 4,200 people had been moved and that rescue teams had reached every cut-off village.
The river could crest on Wednesday at 6.4 metres, the highest level since 2006, the governor said.
More rain is forecast for the upper basin through Thursday, meteorologists warned.";

/// A folder holding the story three times over, every text field poisoned with escape
/// sequences and invisible characters, in every format; plus a file whose name holds an
/// escape sequence and an empty one (a warning naming it).
fn hostile_folder(dir: &Path) {
    let title = poison("Danube floods force thousands from their homes in the delta");
    put(
        dir,
        "wire.txt",
        format!(
            "{title}\n\nPublished on March 11, 2025\n\n{}\n",
            poison(WIRE)
        )
        .as_bytes(),
    );
    let paras: String = poison(AGENCY)
        .lines()
        .map(|l| format!("<p>{l}</p>\n"))
        .collect();
    put(
        dir,
        "agency.html",
        format!(
            "<!DOCTYPE html><html><head><title>{title}</title>\
             <meta property=\"og:site_name\" content=\"{}\">\
             <meta property=\"article:published_time\" content=\"2025-03-11\"></head>\
             <body><article><h1>{title}</h1>{paras}</article></body></html>",
            poison("Regional News Agency")
        )
        .as_bytes(),
    );
    let record = serde_json::json!({
        "title": poison("Thousands flee as the Danube bursts its banks"),
        "source": poison("The Delta Blog"),
        "url": format!("https://example.org/{}", NASTIES[1]),
        "date": "2025-03-11",
        "text": poison(BLOG),
    });
    put(dir, "blog.json", record.to_string().as_bytes());
    // TOML strings can carry escapes too (\u001b), and the sidecar wins over the file.
    put(
        dir,
        "sources.toml",
        b"[\"wire.txt\"]\nsource = \"Wire\\u001b]52;c;cm0gLXJmIH4=\\u0007 \\u202eService\"\n\
          title = \"Floods\\u001b[2J in the \\u009b2Jdelta\"\n",
    );
    put(
        dir,
        "evil\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{202e}name.md",
        poison(WIRE).as_bytes(),
    );
    put(dir, "empty\u{1b}[2J\u{9b}31m\u{202e}.txt", b"");
}

fn hostile_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    hostile_folder(tmp.path());
    tmp
}

fn check_loaded_is_clean(loaded: &Loaded) {
    for a in &loaded.articles {
        assert_terminal_safe(&format!("{} body", a.id), &a.body);
        for (name, field) in [
            ("id", Some(&a.id)),
            ("source", a.source.as_ref()),
            ("title", a.title.as_ref()),
            ("url", a.url.as_ref()),
        ] {
            if let Some(v) = field {
                assert_terminal_safe(&format!("{} {name}", a.id), v);
            }
        }
    }
    for w in &loaded.warnings {
        assert_terminal_safe("warning", &w.to_string());
    }
}

#[test]
fn loading_strips_escapes_from_every_field_the_sidecar_included() {
    let dir = hostile_dir();
    let loaded = parallax::load(&[dir.path().to_path_buf()], &Config::default());
    assert_eq!(loaded.articles.len(), 4, "{:?}", loaded.warnings);
    check_loaded_is_clean(&loaded);
    let wire = loaded.articles.iter().find(|a| a.id == "wire").unwrap();
    assert_eq!(wire.source.as_deref(), Some("Wire Service"));
    assert_eq!(
        wire.title.as_deref(),
        Some("Floods in the 2Jdelta"),
        "a C1 control is dropped"
    );
    assert!(
        wire.body
            .contains("Flood waters rose across the Danube delta")
    );
}

/// Every view of the reader, at two sizes, on a comparison whose every text holds escapes:
/// nothing unsafe is in any cell of the screen.
fn check_every_view(mut app: App) {
    for seq in [
        "",
        "j j",
        "enter",
        "q a",
        "tab",
        "q c",
        "enter",
        "?",
        "q e",
        "esc v",
        "esc / D a",
        "enter",
    ] {
        for k in seq.split(' ').filter(|k| !k.is_empty()) {
            let code = match k {
                "enter" => KeyCode::Enter,
                "esc" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                c => KeyCode::Char(c.chars().next().unwrap()),
            };
            app.press(code, KeyModifiers::NONE);
        }
        for (w, h) in [(160, 48), (50, 30)] {
            app.resize(w, h);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| view::draw(f, &app)).unwrap();
            let screen: String = terminal
                .backend()
                .buffer()
                .content()
                .iter()
                .map(|c| c.symbol())
                .collect();
            assert_terminal_safe(&format!("screen after {seq:?} at {w}x{h}"), &screen);
        }
    }
}

#[test]
fn the_reader_shows_no_escape_from_loaded_files() {
    let dir = hostile_dir();
    let cfg = Config::default();
    let loaded = parallax::load(&[dir.path().to_path_buf()], &cfg);
    let stories = parallax::stories(&loaded.articles, &cfg);
    check_every_view(App::new(loaded.articles, stories, cfg, false));
}

/// Articles built by a program rather than read from files keep their raw characters: the
/// reader still shows none of them.
fn raw_articles() -> Vec<Article> {
    [("wire", WIRE, "Wire"), ("agency", AGENCY, "Agency")]
        .iter()
        .map(|(id, text, source)| {
            let mut a = Article::new(
                Path::new(&format!("{id}\u{1b}[2J\u{202e}.txt")),
                poison(text),
            );
            a.source = Some(poison(&format!("{source} of the {} world", NASTIES[0])));
            a.title = Some(poison("Danube floods force thousands from their homes"));
            a.url = Some(format!("https://example.org/{}", NASTIES[8]));
            a
        })
        .collect()
}

#[test]
fn the_reader_shows_no_escape_from_raw_articles() {
    let cfg = Config::default();
    let articles = raw_articles();
    let story = parallax::group::one_story(&articles);
    check_every_view(App::new(articles, vec![story], cfg, false));
}

#[test]
fn plain_text_of_raw_articles_is_safe() {
    let cfg = Config::default();
    let articles = raw_articles();
    let story = parallax::group::one_story(&articles);
    let c = parallax::compare_story(&articles, &story, &cfg);
    let text = parallax::tui::plain_text(&c, &cfg.tui);
    assert!(text.contains("Danube"), "{text}");
    assert_terminal_safe("plain text", &text);
}

#[test]
fn plain_text_output_of_the_binary_is_safe() {
    let dir = hostile_dir();
    let out = parallax().arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    assert_terminal_safe_bytes("stdout", &out.stdout);
    assert_terminal_safe_bytes("stderr", &out.stderr);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Wire Service"), "{text}");
    assert!(text.contains("Danube"), "{text}");
}

#[test]
fn stories_listing_is_safe() {
    let dir = hostile_dir();
    for format in ["text", "json"] {
        let out = parallax()
            .args(["stories", "--format", format])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_terminal_safe_bytes(&format!("stories {format}"), &out.stdout);
        assert_terminal_safe_bytes(&format!("stories {format} stderr"), &out.stderr);
        assert!(String::from_utf8_lossy(&out.stdout).contains("Wire Service"));
    }
}

#[test]
fn inspect_output_is_safe() {
    let dir = hostile_dir();
    for args in [
        &["inspect"][..],
        &["inspect", "--removed"],
        &["inspect", "--format", "json", "--removed"],
    ] {
        let out = parallax().args(args).arg(dir.path()).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert_terminal_safe_bytes(&format!("{args:?}"), &out.stdout);
        assert_terminal_safe_bytes(&format!("{args:?} stderr"), &out.stderr);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Wire Service"), "{text}");
        // The file named with an escape sequence is there, its name shown escaped.
        assert!(text.contains("name.md"), "{text}");
    }
}

#[test]
fn warnings_name_hostile_files_safely() {
    let dir = hostile_dir();
    let out = parallax().arg("stories").arg(dir.path()).output().unwrap();
    assert_terminal_safe_bytes("stderr", &out.stderr);
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].contains("empty"), "{err}");
    assert!(
        lines[0].contains("\\u{1b}[2J"),
        "the escape is shown, defused: {err}"
    );
    // An error message that names a hostile path is safe too.
    let out = parallax()
        .arg(dir.path().join("missing\u{1b}]52;c;AAAA\u{7}.txt"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_terminal_safe_bytes("stderr", &out.stderr);
    let out = parallax()
        .args(["export", "--format", "md", "-o"])
        .arg(dir.path().join("no\u{1b}[2Jdir/out.md"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_terminal_safe_bytes("stderr", &out.stderr);
}

#[test]
fn json_exports_escape_every_unsafe_character() {
    let dir = hostile_dir();
    let out = parallax()
        .args(["export", "--format", "json", "--one-story"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    // JSON written to a terminal is safe to look at: every unsafe character is a \u escape.
    assert_terminal_safe_bytes("json", &out.stdout);
    let back: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = back["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.iter().any(|p| p.contains("evil\u{1b}]52")),
        "the strings still read back exactly: {paths:?}"
    );
}

#[test]
fn reports_of_raw_articles_escape_everything() {
    let cfg = Config::default();
    let articles = raw_articles();
    let story = parallax::group::one_story(&articles);
    let c = parallax::compare_story(&articles, &story, &cfg);
    for format in [Format::Json, Format::Md, Format::Html] {
        let text = report::render(std::slice::from_ref(&c), format);
        assert!(!text.contains('\u{1b}'), "{format:?}");
        assert_terminal_safe(&format!("{format:?}"), &text);
    }
}

// ---- the whole pipeline on anything ----

/// Cases per property: few enough for CI by default; `PROPTEST_CASES=5000 cargo test
/// --release --test robustness` fuzzes longer by hand.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Everything the model says about positions holds: cells, marks, diff spans, quotes and
/// discrepancy values are the body slices they claim to be; a row has at most one cell per
/// article.
fn check_model(c: &Comparison) {
    let body = |id: &str| -> &str {
        let i = c
            .article_index(id)
            .unwrap_or_else(|| panic!("unknown article {id}"));
        &c.articles[i].body
    };
    let slice = |id: &str, start: usize, end: usize| -> &str {
        let b = body(id);
        assert!(
            start <= end && b.get(start..end).is_some(),
            "{id}: {start}..{end} is not a slice of a body of {} bytes",
            b.len()
        );
        &b[start..end]
    };
    for a in &c.articles {
        for m in &a.marks {
            assert_eq!(slice(&a.id, m.start, m.end), m.text, "mark");
        }
    }
    for row in &c.rows {
        let mut ids: Vec<&str> = row.cells.iter().map(|c| c.article.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(
            ids.len(),
            row.cells.len(),
            "one cell per article in row {}",
            row.id
        );
        for cell in &row.cells {
            assert_eq!(
                slice(&cell.article, cell.start, cell.end),
                cell.text,
                "cell"
            );
            assert!(
                (0.0..=1.0).contains(&cell.similarity),
                "{}",
                cell.similarity
            );
            for d in &cell.diffs {
                for s in &d.spans {
                    let here = slice(&cell.article, s.start, s.end);
                    if s.op != DiffOp::Dropped {
                        assert_eq!(here, s.text, "diff span");
                    }
                }
            }
        }
        for d in &row.discrepancies {
            for v in &d.values {
                assert_eq!(slice(&v.article, v.start, v.end), v.text, "discrepancy");
            }
        }
    }
    for q in &c.quotes {
        for m in &q.members {
            let quote = &m.quote;
            assert_eq!(
                slice(&quote.article, quote.start, quote.end),
                quote.text,
                "quote"
            );
        }
    }
}

/// Group, compare, render every report, print as plain text and draw the reader: no panic,
/// every article in exactly one story, a model whose offsets hold, safe text.
fn check_pipeline(articles: Vec<Article>) {
    let cfg = Config::default();
    let stories = parallax::stories(&articles, &cfg);
    let mut seen = vec![0usize; articles.len()];
    for s in &stories {
        for &i in &s.articles {
            seen[i] += 1;
        }
    }
    assert!(
        seen.iter().all(|&n| n == 1),
        "every article in one story: {seen:?}"
    );
    let mut comparisons = Vec::new();
    for s in &stories {
        let c = parallax::compare_story(&articles, s, &cfg);
        check_model(&c);
        assert_terminal_safe("plain text", &parallax::tui::plain_text(&c, &cfg.tui));
        comparisons.push(c);
    }
    for format in [Format::Json, Format::Md, Format::Html] {
        let text = report::render(&comparisons, format);
        assert_terminal_safe(&format!("{format:?}"), &text.replace('\t', " "));
    }
    let json = report::render(&comparisons, Format::Json);
    if let [one] = comparisons.as_slice() {
        let back: Comparison = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, one, "the JSON reads back as the model");
    }
    let mut app = App::from_comparisons(comparisons, cfg.tui.clone(), false);
    for keys in [
        &[][..],
        &[KeyCode::Enter],
        &[KeyCode::Char('a')],
        &[KeyCode::Char('c')],
    ] {
        for &k in keys {
            app.press(k, KeyModifiers::NONE);
        }
        app.resize(100, 30);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal.draw(|f| view::draw(f, &app)).unwrap();
    }
}

/// Words, punctuation and characters of several scripts, line breaks, escape sequences and
/// invisible characters: the stuff hostile and badly scraped articles are made of.
const SOUP: &[&str] = &[
    "The",
    "Kremlin",
    "said",
    "on",
    "Monday",
    "that",
    "talks",
    "with",
    "Washington",
    "were",
    "useful",
    "Peskov",
    "told",
    "reporters",
    "4,200",
    "people",
    "12",
    "million",
    "euros",
    "2025",
    "U.S.",
    "Mr.",
    "Dr.",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "—",
    "-",
    ",",
    ".",
    ".",
    "?",
    "!",
    ":",
    ";",
    "(",
    ")",
    "...",
    "…",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "  ",
    "said.",
    "claims",
    "allegedly",
    "regime",
    "state-run",
    "according",
    "to",
    "officials",
    "俄罗斯",
    "外长",
    "拉夫罗夫",
    "表示",
    "。",
    "，",
    "「",
    "」",
    "قال",
    "وزير",
    "الخارجية",
    "الروسي",
    "،",
    "אמר",
    "שר",
    "החוץ",
    "Лавров",
    "заявил",
    "é",
    "e\u{301}",
    "👍🏽",
    "👨‍👩‍👧",
    "ﬁ",
    "\u{a0}",
    "\u{2028}",
    "\u{1b}[2J",
    "\u{1b}]52;c;AAAA\u{7}",
    "\u{9b}31m",
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "\u{feff}",
    "\u{e0041}",
    "\u{7f}",
    "\u{85}",
    "#",
    "*",
    "|",
    "<b>",
    "</p>",
    "&amp;",
    "`",
];

fn soup(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SOUP), 0..max_words).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(40), ..ProptestConfig::default() })]

    /// Articles made by a program (not read from files, so nothing cleaned them) of any
    /// words, scripts and characters go through the whole pipeline.
    #[test]
    fn any_articles_go_through_the_whole_pipeline(
        bodies in prop::collection::vec(soup(160), 1..6),
        copies in 0usize..3,
    ) {
        let mut articles: Vec<Article> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| Article::new(Path::new(&format!("a{i}.txt")), b.clone()))
            .collect();
        // Some identical articles.
        for k in 0..copies.min(articles.len()) {
            let mut copy = articles[k].clone();
            copy.id = format!("copy{k}");
            articles.push(copy);
        }
        check_pipeline(articles);
    }

    /// The same text, read and cleaned by the loader as it would be from a file.
    #[test]
    fn any_text_files_go_through_the_whole_pipeline(
        bodies in prop::collection::vec(soup(160), 1..5),
    ) {
        let articles: Vec<Article> = bodies
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                corpus::parse_text(Path::new(&format!("a{i}.txt")), b.as_bytes()).ok()
            })
            .collect();
        check_loaded_is_clean(&Loaded { articles: articles.clone(), warnings: Vec::new() });
        check_pipeline(articles);
    }
}

// ---- the loader on anything ----

const EXTENSIONS: &[&str] = &["txt", "md", "html", "json", "jsonl"];

/// Fragments of every format parallax reads, broken and whole, with bytes that are not UTF-8.
const FRAGMENTS: &[&[u8]] = &[
    b"<!DOCTYPE html>",
    b"<html>",
    b"<head>",
    b"<title>",
    b"</title>",
    b"<body>",
    b"<p>",
    b"</p>",
    b"<article>",
    b"<script>",
    b"</script>",
    b"<style>",
    b"</style>",
    b"<div",
    b" class=\"x\">",
    b"</div>",
    b"<meta charset=\"windows-1252\">",
    b"<!--",
    b"-->",
    b"<meta property=\"og:site_name\" content=\"",
    b"\">",
    b"---\n",
    b"+++\n",
    b"title: ",
    b"date: ",
    b"source = ",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"text\": ",
    b"\"title\": ",
    b"\"date\": ",
    b"\"source\": {\"name\": ",
    b"\"articles\": ",
    b"null",
    b"true",
    b"-1e999",
    b"123456789012345678901234567890",
    b"\"",
    b",",
    b":",
    b"\n",
    b"\r\n",
    b"\n\n",
    b" ",
    b"The Kremlin said talks were useful. ",
    b"Peskov told reporters on Monday. ",
    b"Published on March 11, 2025",
    b"By Jane Doe",
    b"Advertisement",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xe9",
    b"\x93quoted\x94",
    b"\xc3",
    b"\x00",
    b"\x1b[2J",
    b"\x1b]52;c;AAAA\x07",
    b"\xc2\x9b",
    b"\xe2\x80\xae",
    "俄罗斯外长表示。".as_bytes(),
    "قال لافروف".as_bytes(),
    b"&amp;",
    b"&#x1b;",
    b"&#0;",
    b"\\u001b",
    b"\\ud800",
];

fn fragments() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..120).prop_map(|f| f.concat())
}

/// JSON of every shape, with the field names the loader looks for holding values of any type.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    const KEYS: &[&str] = &[
        "title",
        "headline",
        "text",
        "body",
        "content",
        "html",
        "articles",
        "source",
        "outlet",
        "date",
        "published",
        "publishedAt",
        "url",
        "link",
        "description",
        "x",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        soup(30).prop_map(Value::String),
        Just(Value::String(
            "<p>The Kremlin said talks were useful.</p>".into()
        )),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

/// Load one file with these bytes: whatever they are, no panic, and every article and
/// warning is clean. Returns what loaded.
fn load_one(ext: &str, bytes: &[u8]) -> Loaded {
    let dir = tempfile::tempdir().unwrap();
    let path = put(dir.path(), format!("f.{ext}"), bytes);
    let loaded = corpus::load_paths(&[path], &LoadConfig::default());
    check_loaded_is_clean(&loaded);
    for a in &loaded.articles {
        assert!(!a.body.trim().is_empty());
        assert!(
            !a.body.contains("\n\n"),
            "one paragraph per line: {:?}",
            a.body
        );
    }
    for w in &loaded.warnings {
        assert!(!w.reason.contains('\n'), "one line: {w}");
    }
    assert!(
        !loaded.articles.is_empty() || !loaded.warnings.is_empty(),
        "a file that gives no article says why"
    );
    loaded
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(48), ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_in_any_format_load_or_say_why(
        bytes in prop::collection::vec(any::<u8>(), 0..3000),
        ext in prop::sample::select(EXTENSIONS),
    ) {
        load_one(ext, &bytes);
    }

    #[test]
    fn any_mix_of_format_fragments_loads_or_says_why(
        bytes in fragments(),
        ext in prop::sample::select(EXTENSIONS),
    ) {
        let loaded = load_one(ext, &bytes);
        check_pipeline(loaded.articles);
    }

    #[test]
    fn json_of_any_shape_loads_or_says_why(value in json_value(), lines in any::<bool>()) {
        let (ext, text) = if lines {
            let records = match &value {
                serde_json::Value::Array(items) => items.clone(),
                other => vec![other.clone()],
            };
            let text: Vec<String> = records.iter().map(|r| r.to_string()).collect();
            ("jsonl", text.join("\n"))
        } else {
            ("json", value.to_string())
        };
        let loaded = load_one(ext, text.as_bytes());
        check_pipeline(loaded.articles);
    }
}

// ---- odd corpora ----

/// A short plain-text article of the flood story, varied by `n` so that files differ.
fn tiny(n: usize) -> String {
    let lines: Vec<&str> = WIRE.lines().collect();
    format!("{} Report {n}.", lines[n % lines.len()])
}

/// Many tiny files over several folders all load, each folder's `sources.toml` naming only
/// its own files. (How long 10,000 take is measured by `cargo bench --bench loading`.)
#[test]
fn many_tiny_files_in_many_folders_load() {
    const PER_FOLDER: usize = 100;
    let tmp = tempfile::tempdir().unwrap();
    let mut sidecar = String::new();
    for i in 0..3 * PER_FOLDER {
        let sub = tmp.path().join(format!("d{}", i / PER_FOLDER));
        let name = format!("a{i:05}.txt");
        put(&sub, &name, tiny(i).as_bytes());
        if i < PER_FOLDER {
            sidecar.push_str(&format!("[\"{name}\"]\nsource = \"Outlet {}\"\n", i % 7));
        }
    }
    put(&tmp.path().join("d0"), "sources.toml", sidecar.as_bytes());
    let loaded = corpus::load_paths(&[tmp.path().to_path_buf()], &LoadConfig::default());
    assert_eq!(
        loaded.articles.len(),
        3 * PER_FOLDER,
        "{:?}",
        loaded.warnings.first()
    );
    assert!(loaded.warnings.is_empty());
    assert_eq!(loaded.articles[7].source.as_deref(), Some("Outlet 0"));
    assert_eq!(loaded.articles[PER_FOLDER + 7].source, None);
}

#[test]
fn a_deep_folder_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let mut deep = tmp.path().to_path_buf();
    for i in 0..200 {
        deep.push(format!("{}", i % 10));
    }
    put(&deep, "bottom.txt", WIRE.as_bytes());
    put(tmp.path(), "top.txt", AGENCY.as_bytes());
    let loaded = corpus::load_paths(&[tmp.path().to_path_buf()], &LoadConfig::default());
    assert_eq!(loaded.articles.len(), 2, "{:?}", loaded.warnings);
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_one_warning_each() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    put(&root.join("a/b"), "story.txt", WIRE.as_bytes());
    symlink(&root, root.join("a/b/up")).unwrap(); // back to the top
    symlink(root.join("self"), root.join("self")).unwrap(); // a link to itself
    symlink(root.join("ping"), root.join("pong")).unwrap(); // two links to each other
    symlink(root.join("pong"), root.join("ping")).unwrap();
    let loaded = corpus::load_paths(std::slice::from_ref(&root), &LoadConfig::default());
    assert_eq!(loaded.articles.len(), 1, "{:?}", loaded.warnings);
    assert_eq!(loaded.warnings.len(), 4, "{:?}", loaded.warnings);
    for w in &loaded.warnings {
        assert!(!w.reason.contains('\n'), "{w}");
    }
    // Given directly on the command line too, with a clear reason and a non-zero status
    // only when nothing loaded.
    let out = parallax()
        .arg("stories")
        .arg(root.join("self"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("self:"), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn file_names_that_are_not_utf8_or_hold_escapes() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    put(
        tmp.path(),
        std::ffi::OsStr::from_bytes(b"caf\xe9\x1b[2J.txt"),
        WIRE.as_bytes(),
    );
    put(
        tmp.path(),
        std::ffi::OsStr::from_bytes(b"\xff\xfe\x9b.md"),
        b"",
    );
    let out = parallax().arg(tmp.path()).output().unwrap();
    assert!(out.status.success());
    assert_terminal_safe_bytes("stdout", &out.stdout);
    assert_terminal_safe_bytes("stderr", &out.stderr);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(".md: empty file"), "{err}");
}

#[test]
fn json_with_wrong_types_loads_what_it_can() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    put(
        dir,
        "numbers.json",
        br#"{"title": 5, "text": 7, "date": true}"#,
    );
    put(
        dir,
        "mixed.json",
        br#"{"title": ["a", "list"], "source": {"name": 7}, "date": {"x": 1},
            "url": 3.5, "text": ["Flood waters rose across the Danube delta on Monday.", 3, null,
            {"p": "nested"}, "Regional officials said 4,200 people left their homes."]}"#,
    );
    put(
        dir,
        "scalars.json",
        br#"[1, "two", null, [3], {"text": {"body": 4}}]"#,
    );
    put(dir, "wrapped.json", br#"{"articles": "not a list"}"#);
    put(dir, "deep.json", "[".repeat(10_000).as_bytes());
    put(
        dir,
        "lines.jsonl",
        b"42\n\"text\"\n{\"text\": null}\n{\"text\": \"Officials said rescue teams reached every village.\"}\n[]\n",
    );
    let loaded = corpus::load_paths(&[dir.to_path_buf()], &LoadConfig::default());
    check_loaded_is_clean(&loaded);
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["lines-4", "mixed"], "{:?}", loaded.warnings);
    let mixed = &loaded.articles[1];
    assert_eq!(
        mixed.body,
        "Flood waters rose across the Danube delta on Monday.\nRegional officials said 4,200 people left their homes."
    );
    for name in [
        "numbers.json",
        "scalars.json",
        "wrapped.json",
        "deep.json",
        "lines.jsonl",
    ] {
        assert!(
            loaded.warnings.iter().any(|w| w.path.ends_with(name)),
            "{name} has a warning: {:?}",
            loaded.warnings
        );
    }
    let deep = loaded
        .warnings
        .iter()
        .find(|w| w.path.ends_with("deep.json"))
        .unwrap();
    assert!(deep.reason.starts_with("malformed JSON"), "{deep}");
}

#[test]
fn pages_of_only_script_and_style_say_so() {
    let tmp = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html><html><head><style>body { color: red }</style>\
                <script>document.write('Flood waters rose across the Danube delta on Monday, officials said.')</script>\
                </head><body><script src=\"app.js\"></script><noscript>Enable JavaScript.</noscript>\
                <style>.x{}</style></body></html>";
    put(tmp.path(), "app.html", page.as_bytes());
    put(tmp.path(), "empty.html", b"<html><body></body></html>");
    let loaded = corpus::load_paths(&[tmp.path().to_path_buf()], &LoadConfig::default());
    assert!(loaded.articles.is_empty(), "{:?}", loaded.articles);
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    for w in &loaded.warnings {
        assert!(
            !w.reason.contains("Danube"),
            "script text is not an article: {w}"
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_skipped_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let line = "word ".repeat(2_100_000); // one line of 10.5 MB
    put(tmp.path(), "huge.txt", line.as_bytes());
    put(tmp.path(), "story.txt", WIRE.as_bytes());
    let loaded = corpus::load_paths(&[tmp.path().to_path_buf()], &LoadConfig::default());
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0]
            .to_string()
            .contains("huge.txt: too large: 10.0 MB (the limit is 5.0 MB; raise [load] max_file_bytes to read it)"),
        "{}",
        loaded.warnings[0]
    );
}

/// Right-to-left and CJK text: offsets stay on character boundaries everywhere.
#[test]
fn right_to_left_and_cjk_stories() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    put(
        dir,
        "ar1.txt",
        "قال وزير الخارجية الروسي سيرغي لافروف يوم الثلاثاء إن المحادثات مع الولايات المتحدة في الرياض كانت مفيدة.\nوأضاف أن الجولة الثانية من المحادثات ستعقد قريبا في المملكة العربية السعودية.\n".as_bytes(),
    );
    put(
        dir,
        "ar2.txt",
        "أكد سيرغي لافروف يوم الثلاثاء أن المحادثات في الرياض مع الولايات المتحدة كانت مفيدة.\nوقال إن جولة ثانية ستعقد في السعودية.\n".as_bytes(),
    );
    put(
        dir,
        "he.txt",
        "שר החוץ הרוסי סרגיי לברוב אמר ביום שלישי כי השיחות בריאד עם ארצות הברית היו מועילות.\n"
            .as_bytes(),
    );
    put(
        dir,
        "zh1.txt",
        "俄罗斯外长拉夫罗夫周二表示，在利雅得与美国的会谈是有益的。他说，第二轮会谈将很快在沙特阿拉伯举行。".as_bytes(),
    );
    put(
        dir,
        "zh2.txt",
        "拉夫罗夫称，俄美利雅得会谈有益。第二轮会谈将在沙特举行。".as_bytes(),
    );
    put(
        dir,
        "ja.txt",
        "ラブロフ外相は火曜日、リヤドでの米国との協議は有益だったと述べた。".as_bytes(),
    );
    let loaded = corpus::load_paths(&[dir.to_path_buf()], &LoadConfig::default());
    assert_eq!(loaded.articles.len(), 6, "{:?}", loaded.warnings);
    check_pipeline(loaded.articles.clone());
    let all = parallax::group::one_story(&loaded.articles);
    let c = parallax::compare_story(&loaded.articles, &all, &Config::default());
    check_model(&c);
    assert!(!c.rows.is_empty());
    check_every_view(App::from_comparisons(vec![c], Config::default().tui, false));
}

#[test]
fn identical_articles_make_one_story_of_identical_rows() {
    let articles: Vec<Article> = (0..5)
        .map(|i| {
            let mut a = Article::new(Path::new(&format!("copy{i}.txt")), WIRE.to_string());
            a.source = Some(format!("Outlet {i}"));
            a
        })
        .collect();
    let stories = parallax::stories(&articles, &Config::default());
    assert_eq!(stories.len(), 1);
    let c = parallax::compare_story(&articles, &stories[0], &Config::default());
    check_model(&c);
    assert_eq!(c.rows.len(), WIRE.lines().count());
    for row in &c.rows {
        assert_eq!(row.cells.len(), 5);
        assert!(row.cells.iter().all(|c| c.similarity > 0.99), "{row:?}");
    }
    check_pipeline(articles);
}

#[test]
fn a_story_of_one_article() {
    let articles = vec![Article::new(Path::new("only.txt"), WIRE.to_string())];
    let stories = parallax::stories(&articles, &Config::default());
    assert_eq!(stories.len(), 1);
    let c = parallax::compare_story(&articles, &stories[0], &Config::default());
    assert_eq!(c.rows.len(), WIRE.lines().count());
    check_pipeline(articles);
    // And through the binary, every output.
    let tmp = tempfile::tempdir().unwrap();
    let file = put(tmp.path(), "only.txt", WIRE.as_bytes());
    for args in [
        &["stories"][..],
        &["export", "--format", "md"],
        &["export", "--format", "html"],
    ] {
        let out = parallax().args(args).arg(&file).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(parallax().arg(&file).output().unwrap().status.success());
}

/// Text without sentence punctuation or line breaks: one sentence as long as the article.
/// Two such sentences of 2,500 words are past every limit that keeps long passages fast
/// (alignment searches the first 500 words; word differences are coarse beyond 2,000 × 2,000
/// words), so the whole pipeline takes those paths; their speed is the benchmarks' business.
#[test]
fn text_without_punctuation_and_one_huge_paragraph() {
    let words: Vec<&str> = WIRE
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let long = |n: usize, shift: usize| -> String {
        (0..n)
            .map(|i| words[(i * 7 + shift) % words.len()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let articles = vec![
        Article::new(Path::new("a.txt"), long(2_500, 0)),
        Article::new(Path::new("b.txt"), long(2_500, 3)),
        Article::new(
            Path::new("c.txt"),
            format!("{}.", long(1_500, 1).replace(" the ", ". The ")),
        ),
    ];
    check_pipeline(articles);
}
