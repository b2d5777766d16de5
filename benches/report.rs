//! How long the three reports take to render, on the sample story (five articles, the whole
//! pipeline run once beforehand) and on that story repeated to a large comparison.
//!
//! `cargo bench --bench report`

use parallax::config::Config;
use parallax::model::Comparison;
use parallax::report::{Format, render};

fn main() {
    divan::main();
}

fn sample() -> Comparison {
    let cfg = Config::default();
    let loaded = parallax::load(&[], &cfg);
    let story = parallax::group::one_story(&loaded.articles);
    parallax::compare_story(&loaded.articles, &story, &cfg)
}

/// The sample's comparison with its rows repeated `times` over (ids renumbered), standing in
/// for a long story with many passages.
fn long(times: usize) -> Comparison {
    let mut c = sample();
    let rows = c.rows.clone();
    for k in 1..times {
        c.rows.extend(rows.iter().cloned().map(|mut r| {
            r.id += k * rows.len();
            r
        }));
    }
    c
}

const FORMATS: [Format; 3] = [Format::Json, Format::Md, Format::Html];

#[divan::bench(args = FORMATS)]
fn sample_story(bencher: divan::Bencher, format: Format) {
    let c = [sample()];
    bencher.bench(|| render(divan::black_box(&c), format));
}

#[divan::bench(args = FORMATS)]
fn ten_times_the_rows(bencher: divan::Bencher, format: Format) {
    let c = [long(10)];
    bencher.bench(|| render(divan::black_box(&c), format));
}
