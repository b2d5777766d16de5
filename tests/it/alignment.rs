//! Alignment against gold and on real multi-outlet stories, through the `parallax` binary.

use crate::support::alignment_score;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// Files of a folder whose names start with one of the prefixes, sorted.
fn files(dir: &str, prefixes: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.ends_with(".txt") && prefixes.iter().any(|pre| name.starts_with(pre))
        })
        .collect();
    out.sort();
    out
}

/// `parallax export --one-story --format json FILES`, parsed.
fn export(paths: &[PathBuf]) -> Value {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["export", "--one-story", "--format", "json"])
        .args(paths)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn seed_gold() -> Vec<alignment_score::Gold> {
    alignment_score::parse_gold(&std::fs::read_to_string("tests/data/seed-gold.jsonl").unwrap())
}

fn article_file(doc: &Value, id: &str) -> String {
    let a = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap();
    Path::new(a["path"].as_str().unwrap())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// Every row obeys the contract: at most one cell per article, text is the body slice,
/// similarity in 0..1, one reference cell in multi-cell rows, `unique` only when alone.
fn check_contract(doc: &Value) {
    let bodies: std::collections::HashMap<&str, &str> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["body"].as_str().unwrap()))
        .collect();
    let rows = doc["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["id"].as_u64().unwrap() as usize, i + 1);
        let cells = row["cells"].as_array().unwrap();
        let mut seen = std::collections::HashSet::new();
        let mut references = 0;
        for c in cells {
            let article = c["article"].as_str().unwrap();
            assert!(seen.insert(article), "two cells of {article} in row {i}");
            let (start, end) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&bodies[article][start..end], c["text"].as_str().unwrap());
            let sim = c["similarity"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&sim), "{sim}");
            let relation = c["relation"].as_str().unwrap();
            if cells.len() == 1 {
                assert_eq!(relation, "unique");
            } else {
                assert_ne!(relation, "unique");
                if relation == "reference" {
                    references += 1;
                    assert_eq!(row["reference"], c["article"]);
                }
            }
        }
        if cells.len() > 1 {
            assert_eq!(references, 1, "row {i}: {row}");
        }
    }
}

/// The export keeps the contract and meets the seed gold: F1 at least 0.90 (the brief's
/// bar; 0.932 measured), no unique passage
/// paired, no boilerplate in any cell.
fn assert_meets_seed_gold(doc: &Value) {
    check_contract(doc);
    let score = alignment_score::score(&seed_gold(), std::slice::from_ref(doc));
    let report = score.report();
    assert!(score.f1 >= 0.90, "{report}");
    assert_eq!(score.unique_paired, 0, "{report}");
    assert_eq!(score.leaks, 0, "{report}");
}

#[test]
fn seed_story_of_three_outlets_meets_the_gold() {
    let doc = export(&files("assets/sample", &["000_", "002_", "003_"]));
    assert_meets_seed_gold(&doc);
}

#[test]
fn one_sentence_summing_up_two_faces_a_two_sentence_cell() {
    // The translated report says in one sentence what CNBC and Cryptopolitan quote in two.
    let doc = export(&files("assets/sample", &["000_", "002_", "003_"]));
    let rows = doc["rows"].as_array().unwrap();
    let row = rows
        .iter()
        .find(|r| {
            r["cells"].as_array().unwrap().iter().any(|c| {
                c["text"]
                    .as_str()
                    .unwrap()
                    .starts_with("He emphasized that the previous U.S. administration")
            })
        })
        .unwrap();
    let cells = row["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 3, "{row}");
    for c in cells {
        let text = c["text"].as_str().unwrap();
        assert!(text.contains("previous"), "{text}");
        assert!(text.contains("work"), "{text}");
    }
}

#[test]
fn later_reports_do_not_pollute_the_seed_story() {
    let doc = export(&files(
        "assets/sample",
        &["000_", "001_", "002_", "003_", "004_"],
    ));
    assert_meets_seed_gold(&doc);

    // Pairs involving the report two weeks later (001) and six months later (004) must be
    // few, and each must be a real correspondence. These are the ones a reader would accept
    // (hand-checked): each lists words both cells must contain.
    let accepted: &[(&str, &str)] = &[
        // Contacts resumed after Trump took office in January (001 and 004).
        (
            "resumed following the start of Donald Trump",
            "resumed after US President Donald Trump",
        ),
        // The first high-level talks (Riyadh) since the war / in years.
        ("first high-level meeting", "first high-level"),
        ("first high-level meeting", "high-level talks resumed"),
        // Restoring ties will take a long time.
        ("road to fully rebuilding", "long way to go"),
        ("road to fully rebuilding", "long road"),
        ("road to fully rebuilding", "will take time"),
        ("will take time", "long way to go"),
        ("will take time", "long road"),
        // The leads: restoring relations has begun / is at its initial stages, a long road
        // (004 against the translated report; paired on meaning).
        (
            "road to fully rebuilding",
            "process of restoring relations has begun",
        ),
    ];
    let mut pairs = 0;
    for row in doc["rows"].as_array().unwrap() {
        let cells = row["cells"].as_array().unwrap();
        for (i, a) in cells.iter().enumerate() {
            for b in &cells[i + 1..] {
                let files = [a, b].map(|c| article_file(&doc, c["article"].as_str().unwrap()));
                if !files
                    .iter()
                    .any(|f| f.starts_with("001_") || f.starts_with("004_"))
                {
                    continue;
                }
                pairs += 1;
                let (ta, tb) = (a["text"].as_str().unwrap(), b["text"].as_str().unwrap());
                let ok = accepted.iter().any(|(x, y)| {
                    (ta.contains(x) && tb.contains(y)) || (ta.contains(y) && tb.contains(x))
                });
                assert!(ok, "unexpected pair with a later report:\n  {ta}\n  {tb}");
            }
        }
    }
    assert!(pairs <= 6, "{pairs} pairs involve the later reports");
}

#[test]
fn newswcl50_stories_align_across_outlets() {
    for event in ["e00", "e03", "e05", "e07", "e09"] {
        let paths = files("tests/data/newswcl50", &[event]);
        assert_eq!(paths.len(), 5);
        let doc = export(&paths);
        check_contract(&doc);
        let rows = doc["rows"].as_array().unwrap();
        let sizes: Vec<usize> = rows
            .iter()
            .map(|r| r["cells"].as_array().unwrap().len())
            .collect();
        let multi = sizes.iter().filter(|&&n| n >= 2).count();
        let wide = sizes.iter().filter(|&&n| n >= 3).count();
        // Five outlets on one event share a good number of passages, several of them in
        // three or more outlets; most passages still belong to one outlet only.
        assert!(multi >= 8, "{event}: only {multi} multi-cell rows");
        assert!(wide >= 2, "{event}: only {wide} rows with 3+ outlets");
        assert!(
            multi * 2 < rows.len(),
            "{event}: {multi} of {} rows",
            rows.len()
        );
        // Every article's sentences are all there, each in exactly one row, in order.
        for a in doc["articles"].as_array().unwrap() {
            let id = a["id"].as_str().unwrap();
            let mut spans: Vec<(u64, u64)> = rows
                .iter()
                .flat_map(|r| r["cells"].as_array().unwrap())
                .filter(|c| c["article"] == id)
                .map(|c| (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap()))
                .collect();
            spans.sort();
            assert!(
                spans.windows(2).all(|w| w[0].1 <= w[1].0),
                "{event}/{id} overlaps"
            );
        }
    }
}

#[test]
fn copies_are_found_when_reordered_trimmed_or_edited() {
    // One real article (USA Today, NewsWCL50) and three derived copies: paragraphs shuffled,
    // every fourth paragraph cut, and the first half with words replaced.
    let original = std::fs::read_to_string("tests/data/newswcl50/e03_M.txt").unwrap();
    let paras: Vec<&str> = original.trim().lines().collect();
    let mut shuffled = paras.clone();
    shuffled.reverse();
    shuffled.rotate_left(paras.len() / 3);
    let trimmed: Vec<&str> = paras
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 4 != 1)
        .map(|(_, p)| *p)
        .collect();
    let edited: Vec<String> = paras[..paras.len() / 2]
        .iter()
        .map(|p| {
            p.replace("said", "stated")
                .replace("Trump", "the president")
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: String| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let paths = vec![
        write("a.txt", paras.join("\n")),
        write("b.txt", trimmed.join("\n")),
        write("c.txt", shuffled.join("\n")),
        write("d.txt", edited.join("\n")),
    ];
    let doc = export(&paths);
    check_contract(&doc);
    for row in doc["rows"].as_array().unwrap() {
        let cells = row["cells"].as_array().unwrap();
        let text = |id: &str| {
            cells
                .iter()
                .find(|c| c["article"] == id)
                .map(|c| c["text"].as_str().unwrap())
        };
        // Every sentence of the original has its shuffled copy in its row, and no copy's
        // sentence is left without its original.
        assert_eq!(text("a"), text("c"), "{row}");
        assert!(text("a").is_some(), "{row}");
        if let Some(b) = text("b") {
            assert_eq!(text("a"), Some(b));
        }
        if text("d").is_some() {
            let rel = cells.iter().find(|c| c["article"] == "d").unwrap()["relation"].clone();
            assert!(["identical", "verbatim", "close"].contains(&rel.as_str().unwrap()));
        }
    }
}

#[test]
fn rows_follow_the_configured_reference() {
    let paths = files("assets/sample", &["000_", "002_", "003_"]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "[align]\nreference = \"003_0417db84633e0af1\"\n").unwrap();
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["export", "--one-story", "--format", "json", "--config"])
        .arg(&cfg)
        .args(&paths)
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["reference"], "003_0417db84633e0af1");
    // The reference's cells come in its reading order.
    let starts: Vec<u64> = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["cells"].as_array().unwrap())
        .filter(|c| c["article"] == "003_0417db84633e0af1")
        .map(|c| c["start"].as_u64().unwrap())
        .collect();
    assert!(starts.len() > 3);
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
}

#[test]
fn scorer_port_counts_like_the_python_scorer() {
    // A hand-made export: row 1 pairs a gold quote correctly, row 2 pairs a unique passage
    // with an unrelated fact, and a boilerplate credit leaks into row 3.
    let gold = alignment_score::parse_gold(
        r#"{"id": "q", "kind": "quote", "members": [{"file": "a.txt", "snippet": "we are ready"}, {"file": "b.txt", "snippet": "We are \u201cready\u201d"}, {"file": "c.txt", "snippet": "ready, he said"}]}
{"id": "f", "kind": "fact", "members": [{"file": "a.txt", "snippet": "talks began"}, {"file": "b.txt", "snippet": "the talks started"}]}
{"id": "u", "kind": "unique", "members": [{"file": "a.txt", "snippet": "only here"}]}
{"id": "b", "kind": "boilerplate", "members": [{"file": "b.txt", "snippet": "Photo: Reuters"}]}"#,
    );
    let doc: Value = serde_json::json!({
        "articles": [
            {"id": "a", "path": "x/a.txt"}, {"id": "b", "path": "y/b.txt"}, {"id": "c", "path": "c.txt"}
        ],
        "rows": [
            {"cells": [{"article": "a", "text": "We are ready."}, {"article": "b", "text": "\u{201c}We are \u{201c}ready\u{201d} now.\u{201d}"}]},
            {"cells": [{"article": "a", "text": "This is only here."}, {"article": "b", "text": "Then the talks started."}]},
            {"cells": [{"article": "b", "text": "Photo:  Reuters"}]}
        ]
    });
    let s = alignment_score::score(&gold, &[doc]);
    assert_eq!((s.gold_pairs, s.found), (4, 1));
    assert_eq!((s.predicted, s.correct), (2, 1));
    assert_eq!((s.unique_paired, s.uniques), (1, 1));
    assert_eq!((s.leaks, s.boilerplate), (1, 1));
    assert!((s.precision - 0.5).abs() < 1e-9 && (s.recall - 0.25).abs() < 1e-9);
    assert!(
        s.report()
            .ends_with("precision 0.500 recall 0.250 F1 0.333\n")
    );
}

/// Hand-made gold for three NewsWCL50 events (see tests/data/align-gold/README.md), written
/// before the aligner ran on them; e06 was never used for tuning. The floors sit a little
/// under what the aligner reaches with the semantic signal (F1 0.727, 0.394 and 0.599 at
/// precision 1.000, 0.542 and 0.844; word overlap alone: 0.716, 0.240 and 0.594 at 1.000,
/// 0.750 and 0.864) so that a regression fails: these five outlets wrote independently, so
/// most of their correspondences are loose paraphrases that share few words.
#[test]
fn newswcl50_events_meet_their_own_gold() {
    for (event, min_precision, min_f1, max_unique_paired) in [
        ("e02", 0.95, 0.69, 0),
        ("e06", 0.52, 0.38, 2),
        ("e08", 0.82, 0.56, 2),
    ] {
        let doc = export(&files("tests/data/newswcl50", &[&format!("{event}_")]));
        check_contract(&doc);
        let gold = alignment_score::parse_gold(
            &std::fs::read_to_string(format!("tests/data/align-gold/newswcl50-{event}.jsonl"))
                .unwrap(),
        );
        let score = alignment_score::score(&gold, std::slice::from_ref(&doc));
        let report = score.report();
        assert!(score.precision >= min_precision, "{event}: {report}");
        assert!(score.f1 >= min_f1, "{event}: {report}");
        assert!(
            score.unique_paired <= max_unique_paired,
            "{event}: {report}"
        );
        assert_eq!(score.leaks, 0, "{event}: {report}");
    }
}

/// Six basil-dev stories, each told independently by Fox News, The New York Times and
/// HuffPost (gold in tests/data/align-gold/basil-dev-*.jsonl, written before the aligner ran
/// on them). Four were tuned on; Jackson (2013_f506aafc) and Ginsburg (2016_8385a996) never
/// were. Measured with the semantic signal: tuned P 0.896 R 0.449 F1 0.598, held out P 0.920
/// R 0.590 F1 0.719 (word overlap alone: 0.744 / 0.327 / 0.454 and 1.000 / 0.538 / 0.700).
#[test]
fn basil_dev_stories_meet_their_own_gold() {
    for (gold_file, stories, min_precision, min_f1) in [
        (
            "basil-dev-tuned",
            &[
                "2018_06ffda2d",
                "2017_47a209b0",
                "2019_3ae35b16",
                "2010_6b541575",
            ][..],
            0.82,
            0.55,
        ),
        (
            "basil-dev-heldout",
            &["2013_f506aafc", "2016_8385a996"][..],
            0.88,
            0.70,
        ),
    ] {
        let docs: Vec<Value> = stories
            .iter()
            .map(|s| export(&files("tests/data/basil-dev", &[s])))
            .collect();
        for doc in &docs {
            check_contract(doc);
        }
        let gold = alignment_score::parse_gold(
            &std::fs::read_to_string(format!("tests/data/align-gold/{gold_file}.jsonl")).unwrap(),
        );
        let score = alignment_score::score(&gold, &docs);
        let report = score.report();
        assert!(score.precision >= min_precision, "{gold_file}: {report}");
        assert!(score.f1 >= min_f1, "{gold_file}: {report}");
        assert!(score.unique_paired <= 1, "{gold_file}: {report}");
    }
}

/// The leads of the Farenthold story (three outlets, three wordings of the resignation) share
/// a row, and the headlines share theirs.
#[test]
fn basil_dev_leads_and_headlines_share_rows() {
    let doc = export(&files("tests/data/basil-dev", &["2018_06ffda2d"]));
    let rows = doc["rows"].as_array().unwrap();
    let row_of = |needle: &str| {
        rows.iter()
            .position(|r| {
                r["cells"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["text"].as_str().unwrap().contains(needle))
            })
            .unwrap_or_else(|| panic!("no row with {needle:?}"))
    };
    let fox = row_of("U.S. Representative Blake Farenthold resigned from Congress");
    assert_eq!(
        fox,
        row_of("is resigning from Congress, he announced Friday")
    );
    let head = row_of("GOP Rep. Blake Farenthold Resigns After Sexual Harassment");
    assert_ne!(head, fox);
}

#[test]
fn a_lonely_second_sentence_joins_the_summary_it_completes() {
    // CNBC tells the reaction in its own sentence after the talks; the translated report
    // sums up both in one ("... causing displeasure among Ukraine and European allies").
    let doc = export(&files("assets/sample", &["000_", "002_", "003_"]));
    let rows = doc["rows"].as_array().unwrap();
    let holding = |needle: &str| {
        rows.iter()
            .position(|r| {
                r["cells"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["text"].as_str().unwrap().contains(needle))
            })
            .unwrap()
    };
    let fuming = holding("were left fuming");
    assert_eq!(fuming, holding("causing displeasure"), "{}", rows[fuming]);
    let cnbc = rows[fuming]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("were left fuming"))
        .unwrap();
    assert!(
        cnbc["text"]
            .as_str()
            .unwrap()
            .contains("first high-level sit-down talks"),
        "the two CNBC sentences make one cell: {cnbc}"
    );
}
