//! How long the reader takes to draw a frame of a 20-source story (target: under 5 ms).
//!
//! `cargo bench --bench frame`. Three stories: 20 NewsWCL50 articles (four events, five
//! outlets each) through the real pipeline; and a synthetic 20-source story where every
//! source carries every row with word differences (the heaviest case for drawing).
//! Measured: a frame of unchanged state; a key press plus its frame; and a change of the
//! reference column, which lays the story out again, plus its frame.

#[path = "../tests/support/fixtures.rs"]
mod fixtures;

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyModifiers};
use divan::Bencher;
use parallax::config::Config;
use parallax::tui::{App, TuiConfig, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const W: u16 = 200;
const H: u16 = 50;

fn main() {
    divan::main();
}

fn newswcl50_app() -> App {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/newswcl50");
    let paths: Vec<PathBuf> = (0..4)
        .flat_map(|e| ["L", "LL", "M", "R", "RR"].map(|s| root.join(format!("e0{e}_{s}.txt"))))
        .collect();
    let cfg = Config::default();
    let loaded = parallax::load(&paths, &cfg);
    assert_eq!(loaded.articles.len(), 20, "{:?}", loaded.warnings);
    let story = parallax::group::one_story(&loaded.articles);
    let mut app = App::new(loaded.articles, vec![story], cfg, false);
    app.resize(W, H);
    app
}

fn dense_app() -> App {
    let mut app = App::from_comparisons(
        vec![fixtures::many_sources(20, 60)],
        TuiConfig::default(),
        false,
    );
    app.resize(W, H);
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(W, H)).unwrap()
}

#[divan::bench(args = ["newswcl50", "dense"])]
fn frame(bencher: Bencher, story: &str) {
    let app = if story == "dense" {
        dense_app()
    } else {
        newswcl50_app()
    };
    let mut t = terminal();
    bencher.bench_local(|| {
        t.draw(|f| view::draw(f, &app)).unwrap();
    });
}

#[divan::bench(args = ["newswcl50", "dense"])]
fn key_and_frame(bencher: Bencher, story: &str) {
    let mut app = if story == "dense" {
        dense_app()
    } else {
        newswcl50_app()
    };
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

#[divan::bench(args = ["newswcl50", "dense"])]
fn reference_change_and_frame(bencher: Bencher, story: &str) {
    let mut app = if story == "dense" {
        dense_app()
    } else {
        newswcl50_app()
    };
    let mut t = terminal();
    bencher.bench_local(|| {
        app.press(KeyCode::Tab, KeyModifiers::NONE);
        t.draw(|f| view::draw(f, &app)).unwrap();
    });
}
