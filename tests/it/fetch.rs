//! `parallax fetch`, `parallax library` and the library as the default corpus, against a web
//! server on 127.0.0.1 that the tests start (tests/support/web.rs). Every run points HOME and
//! the XDG folders into a temporary folder, and checks that nothing was written outside the
//! library (or `--into`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use parallax_devkit::web::{self, Server};
use serde_json::Value;

/// A user's home in a temporary folder: HOME, XDG config and data, and a working folder.
struct Home {
    root: tempfile::TempDir,
}

impl Home {
    /// With a config that makes the tests fast: a two-second timeout, a 1 MB body limit, no
    /// pause between requests to the one local host.
    fn new() -> Self {
        let home = Self {
            root: tempfile::tempdir().unwrap(),
        };
        let cfg = home.path("config/parallax");
        std::fs::create_dir_all(&cfg).unwrap();
        std::fs::write(
            cfg.join("config.toml"),
            "[fetch]\ntimeout_secs = 2.0\nconnect_timeout_secs = 2.0\nhost_interval_secs = 0.0\nmax_body_bytes = 1048576\n",
        )
        .unwrap();
        std::fs::create_dir_all(home.path("work")).unwrap();
        home
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.path().join(rel)
    }

    fn library(&self) -> PathBuf {
        self.path("data/parallax/library")
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("parallax").unwrap();
        c.env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env_remove("NO_COLOR")
            .current_dir(self.path("work"));
        c
    }

    /// Every file under the temporary home, relative to it.
    fn files(&self) -> BTreeSet<String> {
        walkdir::WalkDir::new(self.root.path())
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(self.root.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }
}

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Files created by a run must all be inside `allowed` (relative to the home).
fn assert_written_only_under(before: &BTreeSet<String>, after: &BTreeSet<String>, allowed: &str) {
    let outside: Vec<&String> = after
        .difference(before)
        .filter(|f| !f.starts_with(allowed))
        .collect();
    assert!(outside.is_empty(), "written outside {allowed}: {outside:?}");
    let temp: Vec<&String> = after
        .iter()
        .filter(|f| f.rsplit('/').next().is_some_and(|n| n.starts_with('.')))
        .collect();
    assert!(temp.is_empty(), "temporary files left: {temp:?}");
}

fn library_json(home: &Home, extra: &[&str]) -> Value {
    let r = run(home.cmd().args(["library", "--format", "json"]).args(extra));
    assert!(r.ok, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

/// The must-show: five seed pages fetched, then `parallax` with no path reads the library,
/// with outlets and dates from the pages' meta tags, and the RT page as a story of its own.
#[test]
fn seed_pages_into_the_library_then_no_path_reads_them() {
    let server = Server::start();
    let home = Home::new();
    let seeds = web::seeds();
    let urls: Vec<String> = seeds
        .iter()
        .map(|s| server.url(&format!("/news/{}.html", s.n)))
        .collect();
    let before = home.files();
    let r = run(home.cmd().arg("fetch").args(&urls));
    assert!(r.ok, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(
        r.stdout.lines().filter(|l| l.starts_with("stored")).count(),
        5,
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("5 articles stored"), "{}", r.stderr);
    assert_written_only_under(&before, &home.files(), "data/parallax/library/");

    // Each request named parallax and its version.
    let agent = format!("parallax/{}", env!("CARGO_PKG_VERSION"));
    assert!(
        server
            .requests()
            .iter()
            .all(|(_, ua)| ua.starts_with(&agent))
    );
    // robots.txt was asked for once for the one site.
    let robots = server
        .requests()
        .iter()
        .filter(|(p, _)| p == "/robots.txt")
        .count();
    assert_eq!(robots, 1);

    // The library lists each page with the page's own outlet, title and date.
    let lib = library_json(&home, &[]);
    let listed = lib["articles"].as_array().unwrap();
    assert_eq!(listed.len(), 5);
    for (s, url) in seeds.iter().zip(&urls) {
        let e = listed
            .iter()
            .find(|e| e["url"] == url.as_str())
            .unwrap_or_else(|| panic!("{url} not listed: {listed:?}"));
        assert_eq!(e["source"], s.outlet.as_str(), "{e}");
        assert_eq!(e["title"], s.title.as_str(), "{e}");
        assert_eq!(e["date"].as_str(), s.date.as_deref(), "{e}");
        assert!(e["fetched_at"].is_string(), "{e}");
        let file = e["file"].as_str().unwrap();
        assert!(
            file.starts_with("127.0.0.1-") && file.ends_with(".html"),
            "{file}"
        );
        assert!(home.library().join(file).is_file());
    }
    // The raw HTML is stored as served.
    let first = listed
        .iter()
        .find(|e| e["url"] == urls[0].as_str())
        .unwrap();
    let stored =
        std::fs::read_to_string(home.library().join(first["file"].as_str().unwrap())).unwrap();
    assert!(stored.contains("<meta property=\"og:site_name\" content=\"CNBC\">"));

    // No path: the library, grouped like any folder.
    let r = run(home.cmd().args(["stories", "--format", "json"]));
    assert!(r.ok, "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let stories = doc["stories"].as_array().unwrap();
    let mut outlets_dates: Vec<(String, Option<String>)> = stories
        .iter()
        .flat_map(|s| s["articles"].as_array().unwrap().iter())
        .map(|a| {
            (
                a["source"].as_str().unwrap_or("").to_string(),
                a["date"].as_str().map(str::to_string),
            )
        })
        .collect();
    outlets_dates.sort();
    let mut expected: Vec<(String, Option<String>)> = seeds
        .iter()
        .map(|s| (s.outlet.clone(), s.date.clone()))
        .collect();
    expected.sort();
    assert_eq!(outlets_dates, expected);
    for a in stories
        .iter()
        .flat_map(|s| s["articles"].as_array().unwrap().iter())
    {
        let path = a["path"].as_str().unwrap();
        assert!(Path::new(path).starts_with(home.library()), "{path}");
    }
    let rt_story = stories
        .iter()
        .find(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["source"] == "RT")
        })
        .unwrap();
    assert_eq!(
        rt_story["articles"].as_array().unwrap().len(),
        1,
        "the RT page (September) forms its own story: {stories:?}"
    );

    // Fetching again keeps what is stored; --refresh fetches it again.
    let r = run(home.cmd().arg("fetch").arg(&urls[4]));
    assert!(r.ok, "{}", r.stderr);
    assert!(r.stdout.starts_with("kept"), "{}", r.stdout);
    let r = run(home.cmd().args(["fetch", "--refresh"]).arg(&urls[4]));
    assert!(r.ok, "{}", r.stderr);
    assert!(r.stdout.starts_with("updated"), "{}", r.stdout);
    assert_eq!(
        library_json(&home, &[])["articles"]
            .as_array()
            .unwrap()
            .len(),
        5
    );

    // --remove takes the file and its line, and nothing else.
    let rt_id = listed.iter().find(|e| e["source"] == "RT").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = run(home.cmd().args(["library", "--remove", &rt_id]));
    assert!(r.ok, "{}", r.stderr);
    let left = library_json(&home, &[]);
    let left = left["articles"].as_array().unwrap();
    assert_eq!(left.len(), 4);
    assert!(left.iter().all(|e| e["source"] != "RT"));
    let sources = std::fs::read_to_string(home.library().join("sources.toml")).unwrap();
    assert!(!sources.contains(&urls[4]), "{sources}");
    assert_eq!(sources.matches("fetched_at = ").count(), 4, "{sources}");
    let r = run(home.cmd().args(["library", "--remove", &rt_id]));
    assert!(!r.ok);
    assert!(r.stderr.contains(&rt_id), "{}", r.stderr);
}

/// Feeds: RSS newest first within --limit, titles and dates from the page; Atom items whose
/// pages lack them get the feed's.
#[test]
fn feeds_rss_and_atom() {
    let server = Server::start();
    let home = Home::new();
    let into = home.path("work/feeds");
    let before = home.files();
    let r = run(home
        .cmd()
        .args(["fetch", "--limit", "2", "--into"])
        .arg(&into)
        .arg("--feed")
        .arg(server.url("/feeds/rss.xml")));
    assert!(r.ok, "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("Seed Wire, 5 items, taking 2"),
        "{}",
        r.stdout
    );
    let lib = library_json(&home, &["--into", into.to_str().unwrap()]);
    let mut got: Vec<(String, String)> = lib["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["source"].as_str().unwrap().to_string(),
                e["date"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    // The two newest: RT (September) and Anadolu (March).
    assert_eq!(
        got,
        [
            ("Anadolu Agency".to_string(), "2025-03-11".to_string()),
            ("RT".to_string(), "2025-09-05".to_string())
        ]
    );

    let r = run(home
        .cmd()
        .args(["fetch", "--into"])
        .arg(&into)
        // A feed given as a page address is read as a feed too.
        .arg(server.url("/feeds/atom.xml")));
    assert!(r.ok, "{}\n{}", r.stdout, r.stderr);
    let lib = library_json(&home, &["--into", into.to_str().unwrap()]);
    let bare: Vec<&Value> = lib["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["url"].as_str().unwrap().contains("/bare/"))
        .collect();
    assert_eq!(bare.len(), 5, "{lib}");
    let seeds = web::seeds();
    for e in bare {
        let s = seeds
            .iter()
            .find(|s| {
                e["url"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("/bare/{}.html", s.n))
            })
            .unwrap();
        assert_eq!(e["title"], s.title.as_str(), "feed title: {e}");
        // The outlet the page's text names (002: "Source Cryptopolitan"), else the feed's name.
        let source = e["source"].as_str().unwrap();
        assert!(
            source == "Bare Wire" || s.text.contains(source),
            "feed's name as the outlet: {e}"
        );
        let want = s.date.clone().unwrap_or("2025-01-01".into());
        assert_eq!(e["date"], want.as_str(), "feed date: {e}");
    }
    assert!(
        lib["articles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["source"] == "Bare Wire"),
        "{lib}"
    );
    assert_written_only_under(&before, &home.files(), "work/feeds/");
}

/// Every way a fetch fails gives one line naming the address; the rest are stored.
#[test]
fn failures_are_one_line_each_and_the_rest_proceed() {
    let server = Server::start();
    let home = Home::new();
    let into = home.path("work/odd");
    let fail = [
        ("/missing.html", "HTTP 404 Not Found"),
        ("/error.html", "HTTP 500 Internal Server Error"),
        ("/slow.html", "timed out: no complete answer within 2 s"),
        ("/huge.html", "refused: the body is larger than 1 MB"),
        ("/image.png", "refused: content type image/png"),
        ("/redirect/7", "too many redirects (more than 5)"),
        ("/private/004.html", "disallowed by the site's robots.txt"),
    ];
    let good = [
        "/redirect/2",
        "/gzip.html",
        "/deflate.html",
        "/script.html",
        "/latin1.html",
        "/newsapi.json",
    ];
    let mut cmd = home.cmd();
    cmd.arg("fetch").arg("--into").arg(&into);
    for (p, _) in &fail {
        cmd.arg(server.url(p));
    }
    cmd.args(good.iter().map(|p| server.url(p)));
    cmd.arg("javascript:alert(1)");
    let before = home.files();
    let r = run(&mut cmd);
    assert!(r.ok, "some stored: success\n{}\n{}", r.stdout, r.stderr);
    let err_lines: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("parallax: "))
        .collect();
    for (p, reason) in &fail {
        let url = server.url(p);
        let lines: Vec<&&str> = err_lines.iter().filter(|l| l.contains(&url)).collect();
        assert_eq!(lines.len(), 1, "{url}: {}", r.stderr);
        assert!(
            lines[0].starts_with(&format!("parallax: {url}: {reason}")),
            "{}",
            lines[0]
        );
    }
    assert!(
        err_lines.contains(&"parallax: javascript:alert(1): not an http(s) address"),
        "{}",
        r.stderr
    );
    assert_eq!(
        err_lines.len(),
        fail.len() + 2,
        "one line each plus the summary: {}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains(&format!("{} addresses failed", fail.len() + 1)),
        "{}",
        r.stderr
    );
    for p in good {
        assert!(
            r.stdout
                .lines()
                .any(|l| l.starts_with("stored") && l.ends_with(&server.url(p))),
            "{p} stored: {}",
            r.stdout
        );
    }
    assert_written_only_under(&before, &home.files(), "work/odd/");

    let lib = library_json(&home, &["--into", into.to_str().unwrap()]);
    let entry = |p: &str| -> Value {
        lib["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["url"] == server.url(p).as_str())
            .cloned()
            .unwrap_or_else(|| panic!("{p}: {lib}"))
    };
    // The redirect chain ends at the 003 page; it is stored under the address asked for.
    assert_eq!(
        entry("/redirect/2")["source"],
        "Chinese outlet (translated)"
    );
    assert_eq!(entry("/gzip.html")["source"], "Anadolu Agency");
    assert_eq!(entry("/deflate.html")["date"], "2025-03-11");
    assert_eq!(
        entry("/newsapi.json")["file"]
            .as_str()
            .unwrap()
            .rsplit('.')
            .next(),
        Some("json")
    );
    assert_eq!(
        entry("/latin1.html")["file"]
            .as_str()
            .unwrap()
            .rsplit('.')
            .next(),
        Some("html")
    );

    // Read back: the script's text is nowhere and the javascript: address is not the URL;
    // the windows-1252 page decodes with the header's charset; the NewsAPI file holds two.
    let r = run(home.cmd().args(["inspect", "--format", "json"]).arg(&into));
    assert!(r.ok, "{}", r.stderr);
    assert!(!r.stdout.contains("INJECTED-SCRIPT-TEXT"), "{}", r.stdout);
    assert!(!r.stdout.contains("javascript:"), "{}", r.stdout);
    let docs: Value = serde_json::from_str(&r.stdout).unwrap();
    let docs = docs.as_array().unwrap();
    let script = docs.iter().find(|d| d["source"] == "Script News").unwrap();
    assert_eq!(script["url"], server.url("/script.html").as_str());
    let latin = docs
        .iter()
        .find(|d| d["body"].as_str().unwrap().contains("Kremlin a déclaré"))
        .expect("windows-1252 decoded");
    assert!(latin["body"].as_str().unwrap().contains("ajouté"));
    let from_json = docs
        .iter()
        .filter(|d| d["path"].as_str().unwrap().contains(".json#"))
        .count();
    assert_eq!(from_json, 2);

    // Without robots: the private page is fetched.
    let r = run(home
        .cmd()
        .args(["fetch", "--ignore-robots", "--into"])
        .arg(&into)
        .arg(server.url("/private/004.html")));
    assert!(r.ok, "{}", r.stderr);
    assert!(r.stdout.starts_with("stored"), "{}", r.stdout);
}

/// Nothing stored: a non-zero exit, every address reported.
#[test]
fn nothing_stored_fails() {
    let server = Server::start();
    let home = Home::new();
    let r = run(home
        .cmd()
        .arg("fetch")
        .arg(server.url("/missing.html"))
        .arg(server.url("/image.png")));
    assert!(!r.ok);
    assert!(
        r.stderr.contains("0 articles stored, 2 addresses failed"),
        "{}",
        r.stderr
    );
    assert!(!home.library().join("sources.toml").exists());
    // Without articles in the library, no path still opens the sample.
    let r = run(home.cmd().args(["stories", "--format", "json"]));
    assert!(r.ok, "{}", r.stderr);
    assert!(
        r.stdout.contains("\"sample/000_82213bfd1239161b.txt\""),
        "{}",
        r.stdout
    );
    let r = run(home.cmd().arg("fetch"));
    assert!(!r.ok);
    assert!(r.stderr.contains("nothing to fetch"), "{}", r.stderr);
}

/// `parallax URL...` fetches, then shows the story those pages form (plain text when not on
/// a terminal).
#[test]
fn addresses_as_paths_are_fetched_then_read() {
    let server = Server::start();
    let home = Home::new();
    let r = run(home
        .cmd()
        .arg(server.url("/news/000.html"))
        .arg(server.url("/news/002.html")));
    assert!(r.ok, "{}", r.stderr);
    assert!(
        r.stdout.contains("CNBC") && r.stdout.contains("Cryptopolitan"),
        "{}",
        r.stdout
    );
    let lib = library_json(&home, &[]);
    assert_eq!(lib["articles"].as_array().unwrap().len(), 2);
}

/// With many addresses, no more than the configured number of requests run at once.
#[test]
fn at_most_four_requests_at_once() {
    let server = Server::start();
    web::PAGE_DELAY_MS.store(100, std::sync::atomic::Ordering::Relaxed);
    let home = Home::new();
    let urls: Vec<String> = (0..16)
        .map(|n| server.url(&format!("/page/{n}.html")))
        .collect();
    let r = run(home
        .cmd()
        .args(["fetch", "--into"])
        .arg(home.path("work/many"))
        .args(&urls));
    assert!(r.ok, "{}", r.stderr);
    assert!(r.stderr.contains("16 articles stored"), "{}", r.stderr);
    let most = server.max_in_flight();
    assert!((1..=4).contains(&most), "{most} requests at once");
}

#[test]
fn the_example_config_documents_the_fetch_defaults() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let cfg = parallax::config::Config::parse(&text).unwrap();
    assert_eq!(cfg.fetch, parallax::fetch::FetchConfig::default());
    // The commented user agent is the default one.
    let ua = text
        .lines()
        .find_map(|l| l.strip_prefix("# user_agent = "))
        .unwrap();
    assert_eq!(ua.trim_matches('"'), parallax::fetch::default_user_agent());
}
