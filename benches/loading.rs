//! Loading speed: the embedded sample; folders of 575 plain-text articles (ECB+) and of 1,000
//! and 10,000 tiny files; a saved news page through the Readability extractor, and a 1 MB
//! page. Run with `cargo bench --bench loading`.

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

/// `n` tiny articles (the first two lines of an ECB+ article and a numbered line) in folders
/// of 1,000 files, each folder with a `sources.toml` naming the outlet of its first 100 files:
/// the per-file cost of walking, reading, sidecar lookup and the cross-file cleaning pass.
#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn tiny_files(bencher: divan::Bencher, n: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let ecb: Vec<String> =
        corpus::load_paths(&[data("tests/data/ecbplus-dev")], &LoadConfig::default())
            .articles
            .into_iter()
            .map(|a| a.body.lines().take(2).collect::<Vec<_>>().join("\n"))
            .collect();
    for i in 0..n {
        let sub = dir.path().join(format!("d{}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir(&sub).expect("folder");
            let sidecar: String = (i..i + 100)
                .map(|j| format!("[\"a{j:05}.txt\"]\nsource = \"Outlet {}\"\n", j % 7))
                .collect();
            std::fs::write(sub.join("sources.toml"), sidecar).expect("write sidecar");
        }
        let text = format!("{}\nReport number {i}.", ecb[i % ecb.len()]);
        std::fs::write(sub.join(format!("a{i:05}.txt")), text).expect("write article");
    }
    let paths = [dir.path().to_path_buf()];
    bencher.bench(|| {
        let loaded = corpus::load_paths(&paths, &LoadConfig::default());
        assert_eq!(loaded.articles.len(), n, "{:?}", loaded.warnings.first());
        loaded.articles.len()
    });
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
