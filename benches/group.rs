//! Grouping speed at growing corpus sizes (synthetic corpora recombined from the test data's
//! real news sentences; see `devkit/src/synthetic.rs`).
//!
//! `cargo bench --bench group`. Peak memory is measured separately, with
//! `examples/group_synthetic.rs` and `/usr/bin/time -v` (README "Performance").

use std::sync::OnceLock;

use divan::Bencher;
use parallax::corpus::Article;
use parallax::group::{self, GroupConfig};
use parallax_devkit::synthetic;

fn main() {
    divan::main();
}

/// The source sentences, read once.
fn sources() -> &'static [Vec<String>] {
    static SOURCES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    SOURCES.get_or_init(synthetic::source_stories)
}

fn articles(n: usize) -> Vec<Article> {
    synthetic::corpus(sources(), n)
        .into_iter()
        .map(|s| s.article)
        .collect()
}

/// The whole of grouping: features, similarity graph, clustering, titles.
#[divan::bench(args = [1_000, 3_000, 10_000], sample_count = 5)]
fn group_articles(bencher: Bencher, n: usize) {
    let articles = articles(n);
    let cfg = GroupConfig::default();
    bencher.bench_local(|| group::group(divan::black_box(&articles), &cfg));
}

/// Feature extraction alone (the part that reads every word).
#[divan::bench(args = [10_000], sample_count = 5)]
fn prepare(bencher: Bencher, n: usize) {
    let articles = articles(n);
    bencher.bench_local(|| group::prepare(divan::black_box(&articles)));
}

/// Regrouping with other settings once features are extracted.
#[divan::bench(args = [10_000], sample_count = 5)]
fn regroup_prepared(bencher: Bencher, n: usize) {
    let articles = articles(n);
    let prepared = group::prepare(&articles);
    let cfg = GroupConfig::default();
    bencher.bench_local(|| group::group_prepared(divan::black_box(&articles), &prepared, &cfg));
}
