//! Hostile input, round two (issue 18): deep nesting, pipes and devices, quadratic pages,
//! exports that must not overwrite the user's files, parallax's own reports among the
//! articles, raw HTML in Markdown, signals, damaged UTF-8 and JSON, config values out of
//! range, and the messages of each. Every shape also goes into the hostile corpus of
//! `parallax_devkit::hostile`, which loads here whole.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use parallax::corpus::{self, LoadConfig};
use parallax_devkit::hostile;

fn parallax() -> Command {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    cmd.env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .timeout(Duration::from_secs(60));
    cmd
}

fn put(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

const STORY: [&str; 3] = [
    "Kremlin says ties recovering\n\nThe Kremlin said on Tuesday that efforts to restore relations with the United States were at an early stage.\n\nSpokesman Dmitry Peskov told reporters that both presidents had shown the political will to improve ties.\n",
    "Peskov: a long road ahead\n\nKremlin spokesman Dmitry Peskov said on Tuesday that restoring relations with Washington was at an early stage.\n\nBoth presidents had shown political will to improve ties, Peskov told reporters.\n",
    "Russia and US at early stage\n\nRussia said efforts to restore ties with the United States were only at an early stage, the Kremlin said Tuesday.\n\nPeskov told reporters that the two presidents had the political will to improve relations.\n",
];

fn story_folder(dir: &Path) {
    for (i, text) in STORY.iter().enumerate() {
        put(dir, &format!("a{i}.txt"), text.as_bytes());
    }
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

// ---- the hostile corpus ----

#[test]
fn the_hostile_corpus_loads_every_good_article_and_warns_once_per_bad_file() {
    let tmp = tempfile::tempdir().unwrap();
    let c = hostile::write(tmp.path(), false);
    let loaded = corpus::load_paths(std::slice::from_ref(&c.root), &LoadConfig::default());
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    for id in &c.good {
        assert!(ids.contains(&id.as_str()), "{id} missing from {ids:?}");
    }
    for (path, why) in &c.bad {
        let shown = path.to_string_lossy();
        let w: Vec<String> = loaded
            .warnings
            .iter()
            .filter(|w| w.path == shown)
            .map(|w| w.reason.clone())
            .collect();
        assert!(
            w.iter().any(|r| r.contains(why)),
            "{shown}: no warning about {why:?} in {w:?}"
        );
    }
    // The Latin-1 sidecar is read, not ignored.
    let caf = loaded.articles.iter().find(|a| a.id == "caf").unwrap();
    assert_eq!(caf.source.as_deref(), Some("Le Café"));
    // The deep nests keep the text inside them.
    let spans = loaded.articles.iter().find(|a| a.id == "spans").unwrap();
    assert!(
        spans.body.contains("Deep inside, the text goes on."),
        "{}",
        spans.body
    );
}

// ---- 1: deep nesting ----

#[test]
fn deeply_nested_pages_load_through_the_binary() {
    let tmp = tempfile::tempdir().unwrap();
    let n = 50_000;
    let page = format!(
        "<html><body><p>Peskov spoke on Tuesday about the talks in Riyadh with Washington.</p>{}deep words here{}</body></html>",
        "<span>".repeat(n),
        "</span>".repeat(n)
    );
    put(tmp.path(), "deep.html", page.as_bytes());
    put(
        tmp.path(),
        "deep.json",
        serde_json::json!({ "title": "T", "text": page })
            .to_string()
            .as_bytes(),
    );
    let out = parallax().arg("inspect").arg(tmp.path()).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("deep words here").count(), 2, "{stdout}");
}

// ---- 3: pipes, devices, procfs ----

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_skipped_with_a_warning_saying_what_they_are() {
    let tmp = tempfile::tempdir().unwrap();
    story_folder(tmp.path());
    let fifo = tmp.path().join("pipe.txt");
    mkfifo(&fifo);
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("zero.txt")).unwrap();
    // A pipe named sources.toml: blocked forever before.
    mkfifo(&tmp.path().join("sources.toml"));
    let out = parallax()
        .arg("stories")
        .arg(tmp.path())
        .arg(&fifo)
        .arg("/dev/zero")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(err.contains("pipe.txt: skipped: a named pipe"), "{err}");
    assert!(
        err.contains("zero.txt: skipped: a character device"),
        "{err}"
    );
    assert!(
        err.contains("/dev/zero: skipped: a character device, not an article file or folder"),
        "{err}"
    );
    assert!(
        err.contains("sources.toml: sidecar ignored: not a regular file (a named pipe)"),
        "{err}"
    );
    assert!(!err.contains("no article files in this folder"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("3 articles"));
}

#[cfg(unix)]
#[test]
fn a_sidecar_leading_to_dev_zero_is_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    story_folder(tmp.path());
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("sources.toml")).unwrap();
    let loaded = corpus::load_paths(&[tmp.path().to_path_buf()], &LoadConfig::default());
    assert_eq!(loaded.articles.len(), 3);
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].reason.contains("a character device"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_procfs_file_is_held_to_the_size_limit_by_counting() {
    let tmp = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/proc/self/maps", tmp.path().join("maps.txt")).unwrap();
    let cfg = LoadConfig {
        max_file_bytes: 100,
        ..LoadConfig::default()
    };
    let loaded = corpus::load_paths(&[tmp.path().join("maps.txt")], &cfg);
    assert!(loaded.articles.is_empty());
    assert!(
        loaded.warnings[0]
            .reason
            .starts_with("too large: more than 100 bytes"),
        "{:?}",
        loaded.warnings
    );
}

#[cfg(unix)]
#[test]
fn config_and_lexicon_files_must_be_regular_and_bounded() {
    let out = parallax()
        .args(["--config", "/dev/zero", "stories"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = stderr_of(&out);
    assert!(
        err.contains(
            "/dev/zero: cannot read the config file: not a regular file (a character device)"
        ),
        "{err}"
    );
    let tmp = tempfile::tempdir().unwrap();
    let cfg = put(
        tmp.path(),
        "config.toml",
        b"[compare]\nlexicon_files = [\"/dev/zero\"]\n",
    );
    let out = parallax()
        .arg("--config")
        .arg(&cfg)
        .arg("stories")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr_of(&out).contains("cannot read the lexicon file: not a regular file"));
    let fifo = tmp.path().join("fifo.toml");
    mkfifo(&fifo);
    let out = parallax()
        .arg("--config")
        .arg(&fifo)
        .arg("stories")
        .output()
        .unwrap();
    assert!(stderr_of(&out).contains("not a regular file (a named pipe)"));
}

// ---- 8: exports never overwrite the user's files ----

#[test]
fn export_never_overwrites_a_file_given_or_inside_a_folder_given() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("articles");
    story_folder(&dir);
    let big = put(&dir, "big.txt", &vec![b'a'; 6 * 1024 * 1024]);
    let furniture = put(
        &dir,
        "furniture.txt",
        b"Advertisement\n\nShare this article\n",
    );
    let no_text = put(&dir, "no-text.json", br#"{"title": "only a title"}"#);
    let sidecar = put(&dir, "sources.toml", b"[\"a0.txt\"]\nsource = \"CNBC\"\n");
    let hidden = put(&dir, "sub/.notes.md", b"my notes");
    for target in [&big, &furniture, &no_text, &sidecar, &hidden] {
        let before = std::fs::read(target).unwrap();
        let out = parallax()
            .args(["export", "--format", "md", "-o"])
            .arg(target)
            .arg(&dir)
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "{} was overwritten",
            target.display()
        );
        let err = stderr_of(&out);
        assert!(err.contains("refusing to overwrite"), "{err}");
        assert_eq!(std::fs::read(target).unwrap(), before);
    }
    // A file named on the command line that failed to load.
    let out = parallax()
        .args(["export", "--format", "md", "-o"])
        .arg(&big)
        .arg(dir.join("a0.txt"))
        .arg(&big)
        .output()
        .unwrap();
    assert!(stderr_of(&out).contains("refusing to overwrite an input article"));
    // A new file in the folder is fine (and is recognised as a report next time).
    let fresh = dir.join("report.md");
    parallax()
        .args(["export", "--format", "md", "-o"])
        .arg(&fresh)
        .arg(&dir)
        .assert()
        .success();
    assert!(fresh.exists());
}

// ---- 9: parallax's own reports ----

#[test]
fn reports_written_among_the_articles_are_skipped_with_a_note() {
    let tmp = tempfile::tempdir().unwrap();
    story_folder(tmp.path());
    let listing = |out: &std::process::Output| String::from_utf8_lossy(&out.stdout).into_owned();
    let before = parallax().arg("stories").arg(tmp.path()).output().unwrap();
    for (format, name) in [("md", "r.md"), ("html", "r.html"), ("json", "r.json")] {
        parallax()
            .args(["export", "--format", format, "-o"])
            .arg(tmp.path().join(name))
            .arg(tmp.path())
            .assert()
            .success();
    }
    let after = parallax().arg("stories").arg(tmp.path()).output().unwrap();
    assert_eq!(listing(&after), listing(&before));
    let err = stderr_of(&after);
    for (name, kind) in [("r.md", "Markdown"), ("r.html", "HTML"), ("r.json", "JSON")] {
        assert!(
            err.contains(&format!(
                "{name}: a parallax {kind} report, not an article; skipped"
            )),
            "{err}"
        );
    }
}

// ---- 10: Markdown raw HTML ----

#[test]
fn markdown_raw_html_blocks_keep_their_text() {
    let tmp = tempfile::tempdir().unwrap();
    let md = put(
        tmp.path(),
        "x.md",
        b"# Kremlin ties\n\n<p>The Kremlin said on Tuesday that ties were recovering.</p>\n\n<div>\nPeskov said the road would be long, and that work remained.\n",
    );
    let out = parallax().arg("inspect").arg(&md).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("The Kremlin said on Tuesday that ties were recovering."),
        "{text}"
    );
    assert!(
        text.contains("Peskov said the road would be long"),
        "{text}"
    );
}

// ---- 11: signals ----

/// Set only by [`a_signal_removes_temporary_files`] for the copy of this binary it runs.
#[cfg(unix)]
const SIGNAL_CHILD: &str = "PARALLAX_TESTS_SIGNAL_CHILD";

/// Run by [`a_signal_removes_temporary_files`]: registers a temporary file as an export does,
/// installs the handler, says so and waits to be killed.
#[cfg(unix)]
#[test]
#[ignore = "the child of a_signal_removes_temporary_files; does nothing alone"]
fn signal_child() {
    let Some(path) = std::env::var_os(SIGNAL_CHILD) else {
        return;
    };
    let path = PathBuf::from(path);
    std::fs::write(&path, b"half a report").unwrap();
    let _registered = parallax::signals::TempFile::register(&path);
    parallax::signals::install().unwrap();
    println!("READY");
    std::thread::sleep(Duration::from_secs(60));
}

#[cfg(unix)]
#[test]
fn a_signal_removes_temporary_files() {
    use std::io::BufRead;
    for signal in ["TERM", "INT", "HUP"] {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join(".report.md.abc.tmp");
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "hostile_input::signal_child",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(SIGNAL_CHILD, &file)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = std::io::BufReader::new(stdout).lines();
        assert!(
            lines.any(|l| l.is_ok_and(|l| l.contains("READY"))),
            "the child never got ready"
        );
        assert!(file.exists());
        let killed = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        let number = match signal {
            "TERM" => 15,
            "INT" => 2,
            _ => 1,
        };
        assert_eq!(status.code(), Some(128 + number), "SIG{signal}: {status:?}");
        assert!(!file.exists(), "SIG{signal} left {}", file.display());
    }
}

// ---- 12: damaged text ----

#[test]
fn damaged_utf8_and_json_still_load() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = STORY[0].replace("United States", "US–Russia").into_bytes();
    bytes.insert(10, 0xff);
    put(tmp.path(), "stray.txt", &bytes);
    let mut nul = STORY[1].as_bytes().to_vec();
    let at = nul.len() - 20;
    nul[at] = 0;
    put(tmp.path(), "nul.txt", &nul);
    put(
        tmp.path(),
        "lone.json",
        br#"{"title": "Ties \ud800 recovering", "text": "The Kremlin said on Tuesday that efforts to restore relations were at an early stage."}"#,
    );
    let loaded = corpus::load_paths(&[tmp.path().to_path_buf()], &LoadConfig::default());
    assert_eq!(loaded.articles.len(), 3, "{:?}", loaded.warnings);
    let stray = loaded.articles.iter().find(|a| a.id == "stray").unwrap();
    assert!(stray.body.contains("US–Russia"), "{}", stray.body);
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.path.ends_with("stray.txt") && w.reason.contains("1 invalid byte sequence")),
        "{:?}",
        loaded.warnings
    );
}

// ---- 13: config values ----

#[test]
fn config_values_out_of_range_are_errors_naming_key_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    for (text, says) in [
        ("[group]\nthreshold = nan\n", "[group] threshold (line 2)"),
        (
            "# c\n\n[align]\nthreshold = -0.5\n",
            "[align] threshold (line 4)",
        ),
        ("[tui.keys]\ndown = [\"ctrl-c\"]\n", "Ctrl-c always quits"),
    ] {
        let cfg = put(tmp.path(), "c.toml", text.as_bytes());
        let out = parallax()
            .arg("--config")
            .arg(&cfg)
            .arg("stories")
            .output()
            .unwrap();
        assert!(!out.status.success(), "{text:?} accepted");
        assert!(
            stderr_of(&out).contains(says),
            "{text:?}: {}",
            stderr_of(&out)
        );
    }
}

// ---- 15: messages ----

#[test]
fn export_targets_say_what_is_wrong() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    story_folder(&dir);
    // `-o -` is standard output, not a file named "-".
    let out = parallax()
        .current_dir(tmp.path())
        .args(["export", "--format", "md", "-o", "-"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("# "));
    assert!(!tmp.path().join("-").exists());
    // A file where a folder should be.
    let file = put(tmp.path(), "file", b"x");
    let out = parallax()
        .args(["export", "--format", "md", "-o"])
        .arg(file.join("x.md"))
        .arg(&dir)
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(err.contains("is a file, not a folder"), "{err}");
    // A read-only folder: the reason, not the temporary file's name.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = tmp.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        let out = parallax()
            .args(["export", "--format", "md", "-o"])
            .arg(ro.join("r.md"))
            .arg(&dir)
            .output()
            .unwrap();
        let err = stderr_of(&out);
        // As root the folder is writable all the same.
        if std::fs::write(ro.join("probe"), b"").is_err() {
            assert!(!out.status.success());
            assert!(err.contains("Permission denied"), "{err}");
        }
        assert!(!err.contains(".tmp"), "{err}");
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    // A dangling symbolic link: the file it names is created, the link stays a link.
    #[cfg(unix)]
    {
        let link = tmp.path().join("link.md");
        std::os::unix::fs::symlink("made-through-link.md", &link).unwrap();
        parallax()
            .args(["export", "--format", "md", "-o"])
            .arg(&link)
            .arg(&dir)
            .assert()
            .success();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(tmp.path().join("made-through-link.md").is_file());
    }
}

#[test]
fn a_front_matter_error_on_a_huge_line_is_one_short_line() {
    let tmp = tempfile::tempdir().unwrap();
    let md = format!(
        "+++\ntitle = \"{}\n+++\nThe Kremlin said on Tuesday that efforts to restore relations were at an early stage.\n",
        "y".repeat(100_000)
    );
    put(tmp.path(), "fm.md", md.as_bytes());
    let out = parallax().arg("stories").arg(tmp.path()).output().unwrap();
    assert!(out.status.success());
    let err = stderr_of(&out);
    assert!(err.contains("malformed TOML front matter"), "{err}");
    assert!(err.len() < 600, "{} bytes of warning", err.len());
}

// ---- 14: many copies ----

#[test]
fn thirty_identical_copies_of_a_real_article_still_align_row_by_row() {
    let sample = corpus::load_sample();
    // The longest article of the sample: its words recur from sentence to sentence.
    let original = sample.articles.iter().max_by_key(|a| a.body.len()).unwrap();
    for n in [2, 5, 20, 30] {
        let copies: Vec<parallax::corpus::Article> = (0..n)
            .map(|i| {
                let mut a = original.clone();
                a.id = format!("copy{i}");
                a.source = Some(format!("Outlet {i}"));
                a
            })
            .collect();
        let refs: Vec<&parallax::corpus::Article> = copies.iter().collect();
        let alignment = parallax::align::align(&refs, &parallax::align::AlignConfig::default());
        let partial: Vec<(usize, &str)> = alignment
            .rows
            .iter()
            .filter(|r| r.cells.len() != n)
            .map(|r| {
                (
                    r.cells.len(),
                    &copies[r.cells[0].article].body[r.cells[0].start..r.cells[0].end],
                )
            })
            .collect();
        assert!(
            partial.is_empty(),
            "{n} copies: rows with fewer cells than copies: {partial:?}"
        );
    }
}

// ---- 5: large repetitive articles ----

#[test]
fn long_repetitive_articles_are_cut_with_a_warning_and_compared() {
    let tmp = tempfile::tempdir().unwrap();
    let sentence = "The Kremlin said again that talks with Washington were at an early stage. ";
    let text = sentence.repeat(2_000_000 / sentence.len());
    put(tmp.path(), "a.txt", text.as_bytes());
    put(
        tmp.path(),
        "b.txt",
        text.replace("again", "once more").as_bytes(),
    );
    let cfg = parallax::config::Config::default();
    let loaded = corpus::load_paths(&[tmp.path().to_path_buf()], &cfg.load);
    assert_eq!(loaded.articles.len(), 2);
    for a in &loaded.articles {
        assert!(a.body.len() <= 512 * 1024, "{}", a.body.len());
        assert!(a.body.ends_with("stage."), "cut at a sentence end");
    }
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    assert!(
        loaded.warnings[0]
            .reason
            .starts_with("text of 1.9 MB cut to its first 51"),
        "{}",
        loaded.warnings[0]
    );
    let story = parallax::group::one_story(&loaded.articles);
    let c = parallax::compare_story(&loaded.articles, &story, &cfg);
    assert!(!c.rows.is_empty());
}

#[cfg(unix)]
#[test]
fn sigterm_to_the_reader_gives_the_terminal_back() {
    use crate::tui::{open_sample_story, raw_mode, wait_for_screen};

    let (mut p, mut vt, mut raw) = open_sample_story();
    assert!(raw_mode(&p));
    let pid = p.get_process().pid().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = p.get_process().wait().unwrap();
    wait_for_screen(&mut p, &mut vt, &mut raw, "\u{0}never");
    let out = String::from_utf8_lossy(&raw).into_owned();
    let after = &out[out.rfind("row 1/").unwrap_or(0)..];
    assert!(after.contains("\u{1b}[?1049l"), "left the alternate screen");
    assert!(after.contains("\u{1b}[?1000l"), "released the mouse");
    assert!(after.contains("\u{1b}[?25h"), "cursor shown");
    assert!(!raw_mode(&p), "raw mode is off again");
    assert!(format!("{status:?}").contains("143"), "{status:?}");
}
