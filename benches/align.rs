//! Alignment speed on real articles: `cargo bench --bench align`.
//!
//! - `newswcl50`: one NewsWCL50 event (5 US outlets), then 2, 4 and 10 events together (10,
//!   20 and 50 sources): long articles, much shared content within each event.
//! - `ecbplus`: 20 to 575 short ECB+ articles, topic after topic, to show how the cost grows
//!   with the number of sentences.
//!
//! - `story_semantic`, `story_lexical`: align and compare (the whole `Comparison` a reader opens) for NewsWCL50 stories
//!   of 5 and 20 sources, with the semantic signal on (the default) and off.
//! - `semantic_table_load`: parsing the built-in embedding table, paid once per run.
//!
//! Each benchmark's name carries the number of sources; the number of sentences is printed
//! once to standard error when the data is read.

use std::path::{Path, PathBuf};

use parallax::align::{AlignConfig, align};
use parallax::corpus::Article;

fn main() {
    divan::main();
}

fn data(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(dir)
}

/// Articles of a folder whose file names start with `prefix`, in name order.
fn read(dir: &str, prefix: &str) -> Vec<Article> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(data(dir))
        .expect("test data folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            Some(Article::new(p, text.trim().to_string()))
        })
        .collect()
}

fn report(name: &str, articles: &[Article]) {
    let sentences: usize = articles
        .iter()
        .map(|a| parallax::text::sentences(&a.body).len())
        .sum();
    eprintln!("{name}: {} sources, {sentences} sentences", articles.len());
}

fn run(bencher: divan::Bencher, articles: Vec<Article>) {
    let cfg = AlignConfig::default();
    bencher.bench(|| {
        let refs: Vec<&Article> = articles.iter().collect();
        align(divan::black_box(&refs), &cfg)
    });
}

/// NewsWCL50: events told by 5 US outlets each; 5 sources is one event, more sources add
/// whole events (10 events, 50 articles in all).
#[divan::bench(args = [5, 10, 20, 50])]
fn newswcl50(bencher: divan::Bencher, sources: usize) {
    let articles: Vec<Article> = read("newswcl50", "e").into_iter().take(sources).collect();
    report(&format!("newswcl50({sources})"), &articles);
    run(bencher, articles);
}

/// ECB+: topics of about 20 short articles each on one kind of event; the first 39 articles
/// are all one topic (celebrities entering rehab), larger stories add whole topics.
#[divan::bench(args = [20, 39, 80, 160, 320, 575])]
fn ecbplus(bencher: divan::Bencher, sources: usize) {
    let articles: Vec<Article> = read("ecbplus-dev", "t").into_iter().take(sources).collect();
    report(&format!("ecbplus({sources})"), &articles);
    run(bencher, articles);
}

fn story(bencher: divan::Bencher, sources: usize, semantic: bool) {
    let articles: Vec<Article> = read("newswcl50", "e").into_iter().take(sources).collect();
    report(&format!("story({sources})"), &articles);
    let mut cfg = parallax::config::Config::default();
    cfg.align.semantic = semantic;
    let story = parallax::group::one_story(&articles);
    // The table is parsed once per run, not per story: that has its own benchmark.
    let _ = parallax::align::embedding::Table::builtin();
    bencher.bench(|| parallax::compare_story(divan::black_box(&articles), &story, &cfg));
}

/// Align and compare with the semantic signal (the default): what opening a story costs.
#[divan::bench(args = [5, 20])]
fn story_semantic(bencher: divan::Bencher, sources: usize) {
    story(bencher, sources, true);
}

/// Align and compare with word overlap alone (`align.semantic = false`).
#[divan::bench(args = [5, 20])]
fn story_lexical(bencher: divan::Bencher, sources: usize) {
    story(bencher, sources, false);
}

/// Parsing the built-in semantic table (once per run of parallax).
#[divan::bench]
fn semantic_table_load() -> Option<parallax::align::embedding::Table> {
    parallax::align::embedding::Table::parse_builtin()
}
