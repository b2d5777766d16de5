//! Robustness: hostile and broken input never crashes, hangs, corrupts the terminal or loses
//! work. Terminal safety through every text output (the reader's screen, plain-text output,
//! `stories`, `inspect`, warnings on standard error); exports that fail midway; the panic
//! hook; odd corpora (deep folders, 10,000 tiny files, identical articles, one article, text
//! without punctuation, right-to-left and CJK text); and property tests that feed arbitrary
//! bytes, JSON of the wrong shape and hostile text through the loader and the whole pipeline.

#[path = "support/hostile.rs"]
mod hostile;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use crossterm::event::{KeyCode, KeyModifiers};
use parallax::config::Config;
use parallax::corpus::{Article, Loaded};
use parallax::report::{self, Format};
use parallax::tui::{App, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use hostile::{NASTIES, assert_terminal_safe, assert_terminal_safe_bytes, poison};

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
