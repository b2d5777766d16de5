//! A hostile corpus: every shape of input a robustness pass found to crash, hang or blow up
//! parallax (issue 18), written into a folder beside a few good articles. The robustness
//! tests load it and check that every good article is there and every bad file has its
//! warning; `examples/hostile_corpus.rs` writes it for timing the binary by hand.

use std::path::{Path, PathBuf};

/// What was written: the good articles' ids, and the files that must each get a warning.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The root folder.
    pub root: PathBuf,
    /// Ids of the articles that must load.
    pub good: Vec<String>,
    /// Files that must each be named by at least one warning, and what the warning is about.
    pub bad: Vec<(PathBuf, &'static str)>,
}

/// One good article of the story every good file tells, told its own way.
fn story(i: usize) -> String {
    const LINES: [&str; 6] = [
        "The Kremlin said on Tuesday that efforts to restore relations with the United States were at an early stage.",
        "Spokesman Dmitry Peskov told reporters that both presidents had shown the political will to improve ties.",
        "He said much work remained before a meeting between the two leaders could take place in Riyadh.",
        "Officials in Washington declined to comment on the talks, which began last month in Saudi Arabia.",
        "Analysts said the talks could lead to a wider agreement on embassies and flights between the countries.",
        "Peskov dismissed reports that senior officials would meet again this week, calling them false.",
    ];
    let mut out = format!("Kremlin says ties with Washington recovering slowly, report {i}\n\n");
    for k in 0..LINES.len() {
        out.push_str(LINES[(k + i) % LINES.len()]);
        out.push_str("\n\n");
    }
    out
}

fn put(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(&p, bytes).expect("write");
    p
}

/// Write the hostile corpus into `root` (an empty folder). `big` adds the large shapes (the
/// 1.1 MB nest of 100,000 `<div>`, the 5.5 MB file, two 1 MB repetitive articles), which the
/// tests leave out to stay quick and the timed command keeps.
pub fn write(root: &Path, big: bool) -> Corpus {
    let mut c = Corpus {
        root: root.to_path_buf(),
        ..Corpus::default()
    };
    let good = |c: &mut Corpus, name: &str, bytes: &[u8]| {
        put(root, name, bytes);
        let id = Path::new(name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        c.good.push(id);
    };
    good(&mut c, "good/plain.txt", story(0).as_bytes());
    good(
        &mut c,
        "good/front.md",
        format!(
            "---\ntitle: Kremlin ties\noutlet: Example\n---\n\n{}",
            story(1)
        )
        .as_bytes(),
    );
    good(
        &mut c,
        "good/page.html",
        format!(
            "<html><head><title>Kremlin ties</title></head><body><article>{}</article></body></html>",
            story(2)
                .split("\n\n")
                .map(|p| format!("<p>{p}</p>"))
                .collect::<String>()
        )
        .as_bytes(),
    );
    // Markdown whose paragraphs are raw HTML blocks, a `<div>` line running into text.
    good(
        &mut c,
        "good/html-blocks.md",
        format!(
            "<p>{}</p>\n\n<div>\n{}\n",
            story(3).replace("\n\n", " "),
            "Peskov said the road ahead would be long."
        )
        .as_bytes(),
    );
    // UTF-8 with a stray invalid byte: stays UTF-8.
    let mut utf8 = story(4).replace("United States", "US–Russia").into_bytes();
    utf8.insert(60, 0xff);
    good(&mut c, "good/stray-byte.txt", &utf8);
    // One NUL byte late in the file.
    let mut nul = story(5).into_bytes();
    let at = nul.len() - 40;
    nul[at] = 0;
    good(&mut c, "good/late-nul.txt", &nul);
    // A lone surrogate in a JSON field.
    good(
        &mut c,
        "good/surrogate.json",
        serde_json::json!({ "title": "Kremlin ties", "text": story(6) })
            .to_string()
            .replacen("Kremlin", "Kremlin \\ud800", 1)
            .as_bytes(),
    );
    // A front matter error on a 100 KB line: the text still loads.
    good(
        &mut c,
        "good/long-fm.md",
        format!("+++\ntitle = \"{}\n+++\n{}", "x".repeat(100_000), story(7)).as_bytes(),
    );
    // Deep nests of inline elements (crashed the stack).
    let nest = |open: &str, close: &str, n: usize| {
        format!(
            "<html><body><p>{}</p>{}{}{}</body></html>",
            story(8).replace("\n\n", " "),
            open.repeat(n),
            "Deep inside, the text goes on.",
            close.repeat(n)
        )
    };
    let spans = nest("<span>", "</span>", 50_000);
    good(&mut c, "deep/spans.html", spans.as_bytes());
    good(
        &mut c,
        "deep/unclosed-i.txt",
        format!("<!DOCTYPE html>{}", nest("<i>", "", 60_000)).as_bytes(),
    );
    good(
        &mut c,
        "deep/nest-in-json.json",
        serde_json::json!({ "title": "Nested", "text": spans })
            .to_string()
            .as_bytes(),
    );
    good(
        &mut c,
        "deep/divs.html",
        nest("<div>", "</div>", if big { 100_000 } else { 20_000 }).as_bytes(),
    );
    for p in ["deep/spans.html", "deep/unclosed-i.txt", "deep/divs.html"] {
        c.bad.push((root.join(p), "nested"));
    }

    // Bad files: each gets a warning, none stops the others.
    let bad = |c: &mut Corpus, name: &str, bytes: &[u8], why: &'static str| {
        c.bad.push((put(root, name, bytes), why));
    };
    bad(&mut c, "bad/empty.txt", b"  \n", "empty");
    bad(
        &mut c,
        "bad/binary.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
        "binary",
    );
    bad(
        &mut c,
        "bad/no-text.json",
        br#"{"title": "only a title"}"#,
        "no article text",
    );
    bad(
        &mut c,
        "bad/broken.json",
        br#"{"title": "A",, }"#,
        "malformed JSON",
    );
    bad(
        &mut c,
        "bad/report.md",
        b"# parallax comparison: 2 stories\n\n- Kremlin ties (`s1`, 3 sources)\n",
        "parallax",
    );
    if big {
        bad(
            &mut c,
            "bad/too-large.txt",
            &vec![b'a'; 5_500_000],
            "too large",
        );
    }
    #[cfg(unix)]
    {
        let link = |c: &mut Corpus, target: &str, name: &str, why: &'static str| {
            let p = root.join(name);
            if std::os::unix::fs::symlink(target, &p).is_ok() {
                c.bad.push((p, why));
            }
        };
        link(&mut c, "/dev/zero", "bad/zero.txt", "not a regular file");
        std::fs::create_dir_all(root.join("zero-sidecar")).expect("folder");
        link(
            &mut c,
            "/dev/zero",
            "zero-sidecar/sources.toml",
            "not a regular file",
        );
        good(&mut c, "zero-sidecar/beside-zero.txt", story(9).as_bytes());
        let fifo = root.join("bad/pipe.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            c.bad.push((fifo, "not a regular file"));
        }
    }
    // A sidecar in Latin-1: read, with a warning.
    std::fs::create_dir_all(root.join("latin1")).expect("folder");
    good(&mut c, "latin1/caf.txt", story(10).as_bytes());
    bad(
        &mut c,
        "latin1/sources.toml",
        b"[\"caf.txt\"]\nsource = \"Le Caf\xe9\"\n",
        "not UTF-8",
    );
    if big {
        // Repetitive articles within the size limit.
        let sentence = "The Kremlin said again that talks with Washington were at an early stage. ";
        let rep = sentence.repeat(1_000_000 / sentence.len());
        good(&mut c, "big/repeat-a.txt", rep.as_bytes());
        good(
            &mut c,
            "big/repeat-b.txt",
            rep.replace("again", "once more").as_bytes(),
        );
    }
    c
}
