//! Loading speed: the embedded sample, a folder of 575 plain-text articles (ECB+), and a
//! saved news page through the Readability extractor. Run with `cargo bench --bench loading`.

use std::path::PathBuf;

use parallax::corpus::{self, LoadConfig};

fn main() {
    divan::main();
}

fn data(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The five seed articles: decode, read and clean (no disk access).
#[divan::bench]
fn sample_story() -> usize {
    corpus::load_sample().articles.len()
}

/// 575 articles from one folder, read from disk and cleaned (cross-file pass included).
#[divan::bench(sample_count = 10)]
fn folder_of_575_text_articles() -> usize {
    let paths = [data("tests/data/ecbplus-dev")];
    corpus::load_paths(&paths, &LoadConfig::default())
        .articles
        .len()
}

/// One saved news page: HTML parsing, main-content extraction, metadata and cleaning.
#[divan::bench]
fn saved_news_page() -> usize {
    let paths = [data("tests/fixtures/formats/kremlin-ties.html")];
    corpus::load_paths(&paths, &LoadConfig::default())
        .articles
        .len()
}

/// A large page (about 1 MB of article paragraphs): how extraction scales.
#[divan::bench(sample_count = 5)]
fn one_megabyte_page(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let para = "<p>The Kremlin said on Tuesday that restoring relations with the United States was a long process that had only just begun, officials said.</p>\n";
    let page = format!(
        "<html><head><title>Long page</title></head><body><article>{}</article></body></html>",
        para.repeat(1_000_000 / para.len())
    );
    let path = dir.path().join("long.html");
    std::fs::write(&path, page).expect("write page");
    let paths = [path];
    bencher.bench(|| {
        corpus::load_paths(&paths, &LoadConfig::default())
            .articles
            .len()
    });
}
