//! The whole per-story pipeline, `parallax::compare_story` (alignment, then every comparison:
//! word diffs, quotes, discrepancies, framing marks), on stories of 5, 20 and 50 sources:
//! NewsWCL50 events of five US outlets each, one, four and all ten events in one story.
//! Loading and grouping are done once outside the timing.
//!
//! `cargo bench --bench story`

use parallax::config::Config;
use parallax_devkit::newswcl50;

fn main() {
    divan::main();
}

#[divan::bench(args = [5, 20, 50], sample_count = 20)]
fn compare_story(bencher: divan::Bencher, sources: usize) {
    let cfg = Config::default();
    let loaded = parallax::load(&newswcl50::paths(sources), &cfg);
    assert_eq!(loaded.articles.len(), sources, "{:?}", loaded.warnings);
    let story = parallax::group::one_story(&loaded.articles);
    bencher.bench(|| parallax::compare_story(&loaded.articles, &story, &cfg));
}
