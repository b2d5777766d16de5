//! How long comparison takes: the whole analysis of the sample story (five articles, its
//! alignment computed once outside the timing), one article's framing marks, and one word diff.
//!
//! Run: `cargo bench --bench compare`

use parallax::compare::{self, diff, lexicon::Lexicon};
use parallax::config::Config;

fn main() {
    divan::main();
}

#[divan::bench]
fn sample_story(bencher: divan::Bencher) {
    let loaded = parallax::load(&[], &Config::default());
    let story = parallax::group::one_story(&loaded.articles);
    let members: Vec<&parallax::corpus::Article> = story
        .articles
        .iter()
        .map(|&i| &loaded.articles[i])
        .collect();
    let alignment = parallax::align::align(&members, &Default::default());
    let cfg = compare::CompareConfig::default();
    bencher.bench(|| compare::build(&story, &members, &alignment, &cfg));
}

#[divan::bench]
fn marks_of_the_longest_article(bencher: divan::Bencher) {
    let loaded = parallax::load(&[], &Config::default());
    let body = loaded
        .articles
        .iter()
        .map(|a| a.body.as_str())
        .max_by_key(|b| b.len())
        .unwrap_or("");
    let lex = Lexicon::builtin();
    bencher.bench(|| compare::marks(body, lex));
}

#[divan::bench]
fn word_diff_of_two_passages(bencher: divan::Bencher) {
    let a = "Russian Foreign Minister Sergey Lavrov later confirmed that a second round of US-Russia talks would happen before the week’s end, possibly in Saudi Arabia.";
    let b = "Additionally, Russian Deputy Foreign Minister Sergey Ryabkov revealed that the second round of U.S.-Russia talks will be held this weekend, possibly in Saudi Arabia, where the two countries are expected to discuss ways to eliminate irritants affecting bilateral relations.";
    bencher.bench(|| {
        let pa = diff::Passage::new(a, 0..a.len());
        let pb = diff::Passage::new(b, 0..b.len());
        let script = diff::ops(&pa.keys, &pb.keys);
        diff::spans(&pb, &pa, &script)
    });
}
