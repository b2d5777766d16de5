//! How long the reader takes to draw a frame (target: under 5 ms), on stories of 5, 20 and 50
//! sources.
//!
//! `cargo bench --bench frame`. Two kinds of story, each at 5, 20 and 50 sources:
//! `newswcl50_N`, N NewsWCL50 articles (one, four and ten events of five outlets each) through
//! the real pipeline; and `dense_N`, a synthetic story where every source carries every one of
//! 60 rows with word differences (the heaviest case for drawing). Measured on a 200×50
//! terminal: a frame of unchanged state; a key press plus its frame; and a change of the
//! reference column, which lays the story out again, plus its frame.

use crossterm::event::{KeyCode, KeyModifiers};
use divan::Bencher;
use parallax::config::Config;
use parallax::tui::{App, TuiConfig, view};
use parallax_devkit::{fixtures, newswcl50};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const W: u16 = 200;
const H: u16 = 50;

const STORIES: [&str; 6] = [
    "newswcl50_5",
    "newswcl50_20",
    "newswcl50_50",
    "dense_5",
    "dense_20",
    "dense_50",
];

fn main() {
    divan::main();
}

/// The reader opened on the story a `STORIES` name describes.
fn app(story: &str) -> App {
    let (kind, sources) = story.split_once('_').expect("kind_sources");
    let sources: usize = sources.parse().expect("number of sources");
    let mut app = if kind == "dense" {
        App::from_comparisons(
            vec![fixtures::many_sources(sources, 60)],
            TuiConfig::default(),
            false,
        )
    } else {
        let cfg = Config::default();
        let loaded = parallax::load(&newswcl50::paths(sources), &cfg);
        assert_eq!(loaded.articles.len(), sources, "{:?}", loaded.warnings);
        let story = parallax::group::one_story(&loaded.articles);
        App::new(loaded.articles, vec![story], cfg, false)
    };
    app.resize(W, H);
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(W, H)).unwrap()
}

#[divan::bench(args = STORIES)]
fn frame(bencher: Bencher, story: &str) {
    let app = app(story);
    let mut t = terminal();
    bencher.bench_local(|| {
        t.draw(|f| view::draw(f, &app)).unwrap();
    });
}

#[divan::bench(args = STORIES)]
fn key_and_frame(bencher: Bencher, story: &str) {
    let mut app = app(story);
    let mut t = terminal();
    let mut down = true;
    bencher.bench_local(|| {
        app.press(
            KeyCode::Char(if down { 'j' } else { 'k' }),
            KeyModifiers::NONE,
        );
        down = !down;
        t.draw(|f| view::draw(f, &app)).unwrap();
    });
}

#[divan::bench(args = STORIES)]
fn reference_change_and_frame(bencher: Bencher, story: &str) {
    let mut app = app(story);
    let mut t = terminal();
    bencher.bench_local(|| {
        app.press(KeyCode::Tab, KeyModifiers::NONE);
        t.draw(|f| view::draw(f, &app)).unwrap();
    });
}
