//! Reports in all three formats: on a hand-built comparison with every kind of finding, on a
//! hostile article, and on the bundled sample story through the real pipeline and CLI.

use crate::support::check;
use parallax_devkit::fixtures;

use std::path::Path;

use assert_cmd::Command;
use parallax::model::Comparison;
use parallax::report::{Format, render};

fn parallax() -> Command {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    // A config in the user's directory must not change what the tests see.
    cmd.env("XDG_CONFIG_HOME", env!("CARGO_TARGET_TMPDIR"));
    cmd
}

fn export(args: &[&str]) -> String {
    let out = parallax().arg("export").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

// ---- the hand-built comparison ----

#[test]
fn markdown_of_a_full_comparison() {
    let md = render(&[fixtures::report_comparison(false)], Format::Md);
    // The version in the header would change the snapshot on every release.
    insta::assert_snapshot!(
        "fixture_md",
        md.replace(env!("CARGO_PKG_VERSION"), "[version]")
    );
    let doc = check::safe_markdown(&md);
    // Cryptopolitan's row-1 cell against CNBC: CNBC's attribution replaced by its own.
    assert!(
        md.contains("~~he added in Google-translated emailed comments.~~ **Peskov told CNBC.**"),
        "{md}"
    );
    // Row 3: the changed vote count and the changed country name.
    assert!(
        md.contains("~~10~~ **11**") && md.contains("~~Britain.~~ **the UK.**"),
        "{md}"
    );
    assert!(doc.struck >= 4 && doc.strong >= 4);
    // The sources, quote, discrepancy and summary tables are tables (head + one row each).
    // Sources (head + 3), quote q1 (head + 3), discrepancies (head + 1).
    assert_eq!(doc.table_rows, 4 + 4 + 2);
    assert!(doc.text.contains("number differs:") && doc.text.contains("vote count"));
    assert!(doc.links.contains(&"#row-3".to_string()) && doc.links.contains(&"#row-4".to_string()));
    assert!(doc.text.contains("indirect") && doc.text.contains("messed things up badly"));
}

#[test]
fn html_of_a_full_comparison() {
    let c = fixtures::report_comparison(false);
    let html = render(std::slice::from_ref(&c), Format::Html);
    // Kept for a look in a browser: scripts/render-html.sh renders it.
    std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-fixture.html"),
        &html,
    )
    .unwrap();
    let doc = check::safe_html(&html);
    // Word differences, framing marks and facts, each as its own highlight.
    assert!(
        doc.count("span", "d-changed") >= 2,
        "changed words highlighted"
    );
    assert!(
        doc.count("del", "was") >= 2,
        "replaced words there to show struck"
    );
    // Dropped words: a compact count as in the reader, and the words for the full view.
    assert!(
        doc.count("span", "drop") >= 2 && doc.count("del", "full") >= doc.count("span", "drop")
    );
    // fuming, shockwaves, blindsided, furious; the legend; the two outlets' mark counts.
    assert_eq!(doc.count("span", "m-loaded"), 4 + 1 + 2);
    assert!(doc.count("span", "m-quote") >= 2 && doc.count("span", "m-attribution") >= 3);
    // CNBC's "10 votes", Cryptopolitan's "11 votes" (cut in two by the changed number) + legend.
    assert_eq!(doc.count("span", "f"), 1 + 2 + 1);
    // One heat-map square per row and outlet, each linking to its row.
    let squares: Vec<_> = doc
        .tags
        .iter()
        .filter(|(n, a)| n == "a" && a.iter().any(|(k, v)| k == "class" && v.starts_with("h-")))
        .collect();
    assert_eq!(squares.len(), c.rows.len() * c.articles.len());
    assert_eq!(
        doc.count("a", "h-absent"),
        1 + 2,
        "row 3 lacks one outlet, row 4 two"
    );
    assert_eq!(doc.count("a", "h-unique"), 1);
    // Side by side: one column per outlet; absent cells are marked; single-source row tagged.
    assert_eq!(doc.count("td", "absent"), 3);
    assert_eq!(doc.count("tr", "single"), 1);
    assert!(doc.text.contains("number differs") && doc.text.contains("vote count"));
    for f in ["fullest", "identical", "indirect"] {
        assert!(doc.count("span", &format!("fid-{f}")) == 1, "{f}");
    }
    assert!(
        doc.attr_values("href")
            .contains(&"https://www.cnbc.com/2025/02/25/kremlin-plays-it-cool.html")
    );
    // Light, dark and print.
    assert!(html.contains("prefers-color-scheme: dark") && html.contains("@media print"));
}

#[test]
fn json_is_the_model_and_reads_back() {
    let c = fixtures::report_comparison(true);
    let one = render(std::slice::from_ref(&c), Format::Json);
    let back: Comparison = serde_json::from_str(&one).unwrap();
    assert_eq!(back, c);
    let v: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["rows"][0]["cells"][1]["diffs"][0]["against"], "000_cnbc");
    assert_eq!(v["quotes"][0]["members"][2]["fidelity"], "indirect");
    assert_eq!(v["rows"][2]["discrepancies"][0]["kind"], "number");
    let two = render(&[c.clone(), c], Format::Json);
    let v: serde_json::Value = serde_json::from_str(&two).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    assert_eq!(render(&[], Format::Json).trim(), "[]");
}

#[test]
fn several_stories_make_one_document() {
    let c = fixtures::report_comparison(false);
    let mut other = c.clone();
    other.story.id = "s2".into();
    let md = render(&[c.clone(), other.clone()], Format::Md);
    let doc = check::safe_markdown(&md);
    assert!(md.contains("# parallax comparison: 2 stories"));
    // The second story's rows get GitHub's de-duplicated anchors.
    assert!(
        doc.links.contains(&"#row-4-1".to_string()),
        "{:?}",
        doc.links
    );
    let html = render(&[c, other], Format::Html);
    let doc = check::safe_html(&html);
    let ids = doc.attr_values("id");
    assert!(ids.contains(&"s0-r1") && ids.contains(&"s1-r1"));
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "element ids are unique");
}

// ---- hostile text ----

#[test]
fn hostile_text_is_escaped_everywhere_in_markdown() {
    let md = render(&[fixtures::report_comparison(true)], Format::Md);
    let doc = check::safe_markdown(&md);
    // Shown literally, not dropped: script, attribute break-out, link syntax, emphasis.
    for shown in [
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "[click](javascript:alert(3))",
        "**were** ~~not~~ `code` | &lt;b&gt;",
        "Evil <b>News</b> [x](javascript:alert(4))",
        "[z](javascript:alert(10))",
        "<i>who</i> said it",
    ] {
        assert!(doc.text.contains(shown), "{shown:?} not shown literally");
    }
    assert!(
        !md.contains('\u{1b}'),
        "escape character reached the report"
    );
    assert!(
        doc.links
            .iter()
            .all(|l| l.starts_with("#row-") || l.starts_with("https://www.cnbc.com/"))
    );
    // Every < in the document is escaped.
    assert!(
        md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')),
        "unescaped <"
    );
}

#[test]
fn hostile_text_is_escaped_everywhere_in_html() {
    let html = render(&[fixtures::report_comparison(true)], Format::Html);
    let doc = check::safe_html(&html);
    for shown in [
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "[click](javascript:alert(3))",
        "Evil <b>News</b>",
        "\"><img src=x onerror=alert(5)> <script>alert(6)</script>",
        "<b>said</b>",
        "<i>who</i> said it",
        "(<u>Peskov</u>)",
        "<svg onload=alert(11)>",
        "<em>Peskov</em>",
        "state-run <b>x</b>",
    ] {
        assert!(doc.text.contains(shown), "{shown:?} not shown literally");
    }
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"));
    assert!(!html.contains('\u{1b}'));
    // The mark's note goes into a title attribute: escaped there too.
    assert!(
        doc.attr_values("title")
            .iter()
            .any(|t| t.contains("<img src=x onerror=alert(8)>"))
    );
    // A javascript: URL is not linked.
    assert!(
        !doc.attr_values("href")
            .iter()
            .any(|h| h.contains("javascript"))
    );
    // No script can run even if something slipped through.
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
}

#[test]
fn hostile_article_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hostile.txt"), fixtures::HOSTILE).unwrap();
    std::fs::write(
        dir.path().join("plain.txt"),
        "Peskov said that the ties were badly damaged and that much work remains to be done.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("sources.toml"),
        "[\"hostile.txt\"]\nsource = 'Evil <b>News</b> [x](javascript:alert(4))'\n\
         title = '\"><img src=x onerror=alert(5)>'\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let md = export(&[d, "--one-story", "--format", "md"]);
    let doc = check::safe_markdown(&md);
    assert!(doc.text.contains("<script>alert('x')</script>"), "{md}");
    assert!(doc.text.contains("[click](javascript:alert(3))"));
    let html = export(&[d, "--one-story", "--format", "html"]);
    let doc = check::safe_html(&html);
    assert!(doc.text.contains("<script>alert('x')</script>"));
    assert!(doc.text.contains("\"><img src=x onerror=alert(1)>"));
    assert!(!html.contains("<script") && !html.contains("<img"));
}

// ---- the sample story through the real pipeline ----

#[test]
fn sample_story_as_json() {
    let json = export(&["--one-story", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v.is_object(), "one story gives one object");
    assert_eq!(v["version"], 1);
    assert!(v["story"]["id"].is_string() && v["story"]["title"].is_string());
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    for a in articles {
        for key in ["id", "path", "source", "title", "date", "body", "marks"] {
            assert!(a.get(key).is_some(), "article lacks {key}");
        }
        let date = &a["date"];
        assert!(
            date.is_null()
                || date
                    .as_str()
                    .is_some_and(|d| d.len() == 10 && d.as_bytes()[4] == b'-')
        );
    }
    let c: Comparison = serde_json::from_str(&json).unwrap();
    assert!(!c.rows.is_empty());
    for row in &c.rows {
        let mut seen = std::collections::HashSet::new();
        for cell in &row.cells {
            assert!(
                seen.insert(&cell.article),
                "two cells of one article in row {}",
                row.id
            );
            let a = &c.articles[c.article_index(&cell.article).unwrap()];
            assert_eq!(a.body.get(cell.start..cell.end), Some(cell.text.as_str()));
        }
    }
}

#[test]
fn sample_story_as_markdown() {
    let json: Comparison =
        serde_json::from_str(&export(&["--one-story", "--format", "json"])).unwrap();
    let md = export(&["--one-story", "--format", "md"]);
    let doc = check::safe_markdown(&md);
    assert!(md.starts_with("# "));
    for outlet in [
        "CNBC",
        "Anadolu Agency",
        "Cryptopolitan",
        "Chinese outlet (translated)",
        "RT",
    ] {
        assert!(doc.text.contains(outlet), "{outlet}");
    }
    for section in [
        "## Sources",
        "## Aligned passages",
        "## Quotes",
        "## Discrepancies",
        "## Per outlet",
    ] {
        assert!(md.contains(section), "{section}");
    }
    assert_eq!(md.matches("\n### Row ").count(), json.rows.len());
    // Each row's reference cell is shown as it is, typography included.
    for row in &json.rows {
        let cell = row
            .cells
            .iter()
            .find(|c| c.article == row.reference)
            .unwrap();
        let words: Vec<&str> = cell.text.split_whitespace().collect();
        assert!(doc.text.contains(&words.join(" ")), "row {}", row.id);
    }
    // Where compare found word differences, they are marked.
    if json
        .rows
        .iter()
        .any(|r| r.cells.iter().any(|c| !c.diffs.is_empty()))
    {
        assert!(doc.strong > 0 && doc.struck > 0);
    }
}

#[test]
fn sample_story_as_html() {
    let json: Comparison =
        serde_json::from_str(&export(&["--one-story", "--format", "json"])).unwrap();
    let html = export(&["--one-story", "--format", "html"]);
    let doc = check::safe_html(&html);
    let headers: Vec<_> = doc.tags.iter().filter(|(n, _)| n == "th").collect();
    assert!(headers.len() >= 5);
    let squares = doc
        .tags
        .iter()
        .filter(|(n, a)| n == "a" && a.iter().any(|(k, v)| k == "class" && v.starts_with("h-")))
        .count();
    assert_eq!(squares, json.rows.len() * 5);
    let row_ids = doc
        .attr_values("id")
        .iter()
        .filter(|i| i.starts_with("s0-r"))
        .count();
    assert_eq!(row_ids, json.rows.len());
    // Curly quotes and dashes of the articles arrive intact.
    assert!(
        doc.text
            .contains("“The previous Washington administration messed things up badly.")
    );
}

// ---- writing files ----

#[test]
fn export_writes_the_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample.html");
    parallax()
        .args(["export", "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn export_never_overwrites_an_input_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    let text = "The Kremlin said relations with Washington are in the early stages of recovery.";
    std::fs::write(&article, text).unwrap();
    let out = parallax()
        .arg("export")
        .arg(&article)
        .args(["--format", "md", "-o"])
        .arg(&article)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refusing to overwrite an input article"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&article).unwrap(), text);
}

#[test]
fn unwritable_path_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("missing/folder/report.md");
    let out = parallax()
        .args(["export", "--format", "md", "-o"])
        .arg(&out_path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(&out_path.display().to_string()), "{err}");
    assert!(!Path::new(&out_path).exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
