//! Every alignment figure the documentation quotes, in one run:
//!
//! - gold pair precision / recall / F1 (the scorer of `../shared/eval/score_alignment.py`,
//!   ported in `tests/it/support/alignment_score.rs`) on the seed story, the basil-dev stories
//!   tuned on and the two held out, and NewsWCL50 e02, e06 (held out) and e08;
//! - with `--basil DIR` (the full basil-dev folder with its `labels.tsv`): the share of rows
//!   holding two sources or more when each labelled story is aligned on its own;
//! - with `--null DIR`: the calibration data — best semantic cosines and blended scores of
//!   sentence pairs from different basil-dev stories, by percentile.
//!
//! `--lexical` turns the semantic signal off (`align.semantic = false`) for before/after
//! figures; `--details` lists missed and wrong gold pairs.
//!
//! Run: `cargo run --release --example align_eval -- --basil ../shared/data/basil-dev`

#![allow(missing_docs)]

#[path = "../tests/it/support/alignment_score.rs"]
#[allow(dead_code)]
mod alignment_score;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use parallax::config::Config;
use parallax::corpus::Article;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Files of a folder whose names start with one of the prefixes, sorted.
fn files(dir: &Path, prefixes: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
        name.is_some_and(|n| n.ends_with(".txt") && prefixes.iter().any(|pre| n.starts_with(pre)))
    });
    out.sort();
    out
}

/// The comparison of the given files taken as one story, as the JSON export writes it.
fn export(paths: &[PathBuf], cfg: &Config) -> serde_json::Value {
    let loaded = parallax::load(paths, cfg);
    let story = parallax::group::one_story(&loaded.articles);
    let comparison = parallax::compare_story(&loaded.articles, &story, cfg);
    let text = parallax::report::render(
        std::slice::from_ref(&comparison),
        parallax::report::Format::Json,
    );
    serde_json::from_str(&text).expect("the export is JSON")
}

fn gold(name: &str) -> Vec<alignment_score::Gold> {
    let path = root().join("tests/data").join(name);
    alignment_score::parse_gold(&std::fs::read_to_string(path).expect("gold file"))
}

fn line(name: &str, s: &alignment_score::AlignmentScore, details: bool) {
    println!(
        "{name:<34} gold {:>3} found {:>3}  predicted {:>3} correct {:>3}  P {:.3} R {:.3} F1 {:.3}  unique paired {}/{}",
        s.gold_pairs,
        s.found,
        s.predicted,
        s.correct,
        s.precision,
        s.recall,
        s.f1,
        s.unique_paired,
        s.uniques
    );
    if details {
        for m in &s.missed {
            println!("    missed {m}");
        }
        for w in &s.wrong {
            println!("    wrong  {w}");
        }
    }
}

fn score_set(
    name: &str,
    gold_file: &str,
    stories: &[(&str, &[&str])],
    cfg: &Config,
    details: bool,
) {
    let g = gold(gold_file);
    let docs: Vec<serde_json::Value> = stories
        .iter()
        .map(|(dir, prefixes)| export(&files(&root().join(dir), prefixes), cfg))
        .collect();
    for ((dir, prefixes), doc) in stories.iter().zip(&docs) {
        if stories.len() > 1 {
            let story_ids: Vec<String> = g
                .iter()
                .filter(|x| {
                    x.members
                        .iter()
                        .any(|(f, _)| prefixes.iter().any(|p| f.starts_with(p)))
                })
                .map(|x| x.id.clone())
                .collect();
            let sub: Vec<alignment_score::Gold> = g
                .iter()
                .filter(|x| story_ids.contains(&x.id))
                .cloned()
                .collect();
            let s = alignment_score::score(&sub, std::slice::from_ref(doc));
            line(&format!("  {}", prefixes.join(",")), &s, details);
            let _ = dir;
        }
    }
    let s = alignment_score::score(&g, &docs);
    line(name, &s, details && stories.len() == 1);
}

/// `labels.tsv` of a folder: story id -> file names.
fn labels(dir: &Path) -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(dir.join("labels.tsv")).expect("labels.tsv");
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in text.lines().skip(1) {
        let cols: Vec<&str> = l.split('\t').collect();
        if cols.len() >= 2 {
            out.entry(cols[1].to_string())
                .or_default()
                .push(cols[0].to_string());
        }
    }
    out
}

fn shared_rows(dir: &Path, cfg: &Config) {
    let (mut rows, mut shared, mut leads) = (0usize, 0usize, 0usize);
    let stories = labels(dir);
    for names in stories.values() {
        let paths: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
        let doc = export(&paths, cfg);
        let all = doc["rows"].as_array().cloned().unwrap_or_default();
        rows += all.len();
        shared += all
            .iter()
            .filter(|r| r["cells"].as_array().is_some_and(|c| c.len() >= 2))
            .count();
        // The first rows of every article (headline and lead): do they share a row?
        if let Some(first) = all.first() {
            leads += usize::from(first["cells"].as_array().is_some_and(|c| c.len() >= 2));
        }
    }
    println!(
        "basil-dev, {} stories aligned one by one: {shared} of {rows} rows hold two sources or more ({:.1} %); first row shared in {leads} stories",
        stories.len(),
        100.0 * shared as f64 / rows.max(1) as f64
    );
}

fn null_distribution(dir: &Path, cfg: &Config) {
    let stories: Vec<Vec<String>> = labels(dir).into_values().collect();
    let mut sem = Vec::new();
    let mut blend = Vec::new();
    // Each sentence's best blend in each article of the other story.
    let mut best_blend = Vec::new();
    for (i, a) in stories.iter().enumerate() {
        let b = &stories[(i + 1) % stories.len()];
        let paths: Vec<PathBuf> = a.iter().chain(b).map(|n| dir.join(n)).collect();
        let loaded = parallax::load(&paths, cfg);
        let arts: Vec<&Article> = loaded.articles.iter().collect();
        let story_of: Vec<bool> = arts
            .iter()
            .map(|x| a.iter().any(|n| x.path.ends_with(n.as_str())))
            .collect();
        let mut best: BTreeMap<(usize, usize, usize), f32> = BTreeMap::new();
        for p in parallax::align::pair_scores(&arts, &cfg.align) {
            if story_of[p.articles.0] != story_of[p.articles.1] {
                sem.push(p.semantic_cosine);
                blend.push(p.blend);
                for key in [
                    (p.articles.0, p.spans.0.0, p.articles.1),
                    (p.articles.1, p.spans.1.0, p.articles.0),
                ] {
                    let e = best.entry(key).or_insert(f32::MIN);
                    *e = e.max(p.blend);
                }
            }
        }
        best_blend.extend(best.into_values());
    }
    for (name, mut v) in [
        ("best semantic cosine", sem),
        ("blended score", blend),
        ("best blend per sentence and article", best_blend),
    ] {
        v.sort_by(f32::total_cmp);
        let at = |q: f64| v[((v.len() - 1) as f64 * q) as usize];
        println!(
            "null ({} cross-story pairs) {name}: p50 {:.3} p90 {:.3} p95 {:.3} p99 {:.3} p99.9 {:.3}",
            v.len(),
            at(0.5),
            at(0.9),
            at(0.95),
            at(0.99),
            at(0.999)
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let details = args.iter().any(|a| a == "--details");
    let mut cfg = Config::default();
    if args.iter().any(|a| a == "--lexical") {
        cfg.align.semantic = false;
    }
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .map(PathBuf::from)
    };
    println!(
        "semantic signal: {}",
        if cfg.align.semantic { "on" } else { "off" }
    );
    score_set(
        "seed story (000, 002, 003)",
        "seed-gold.jsonl",
        &[("assets/sample", &["000_", "002_", "003_"])],
        &cfg,
        details,
    );
    score_set(
        "basil-dev tuned (4 stories)",
        "align-gold/basil-dev-tuned.jsonl",
        &[
            ("tests/data/basil-dev", &["2018_06ffda2d"]),
            ("tests/data/basil-dev", &["2017_47a209b0"]),
            ("tests/data/basil-dev", &["2019_3ae35b16"]),
            ("tests/data/basil-dev", &["2010_6b541575"]),
        ],
        &cfg,
        details,
    );
    score_set(
        "basil-dev held out (2 stories)",
        "align-gold/basil-dev-heldout.jsonl",
        &[
            ("tests/data/basil-dev", &["2013_f506aafc"]),
            ("tests/data/basil-dev", &["2016_8385a996"]),
        ],
        &cfg,
        details,
    );
    for (event, note) in [("e02", ""), ("e06", " (held out)"), ("e08", "")] {
        score_set(
            &format!("NewsWCL50 {event}{note}"),
            &format!("align-gold/newswcl50-{event}.jsonl"),
            &[("tests/data/newswcl50", &[event])],
            &cfg,
            details,
        );
    }
    if let Some(dir) = value("--basil") {
        shared_rows(&dir, &cfg);
    }
    if let Some(dir) = value("--null") {
        null_distribution(&dir, &cfg);
    }
}
