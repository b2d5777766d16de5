//! One story of N sources from start to finish, the way `parallax` and `parallax export` run
//! it: load N NewsWCL50 articles (five US outlets per event, events taken whole), treat them as
//! one story, compare, draw one frame of the reader (200×50) and render the three reports.
//! Prints the time of each step; run it under `/usr/bin/time -v` for the peak memory of the
//! whole process:
//!
//! ```sh
//! cargo build --release --example story_scale
//! /usr/bin/time -v target/release/examples/story_scale 50   # "Maximum resident set size"
//! ```

use std::time::Instant;

use color_eyre::eyre::{Result, WrapErr, bail, eyre};
use parallax::config::Config;
use parallax::report::{self, Format};
use parallax::tui::{App, TuiConfig, view};
use parallax_devkit::newswcl50;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() -> Result<()> {
    color_eyre::install()?;
    let n: usize = std::env::args()
        .nth(1)
        .ok_or_else(|| eyre!("usage: story_scale N (1 to 50 sources)"))?
        .parse()
        .wrap_err("N must be a number of sources")?;
    if !(1..=50).contains(&n) {
        bail!("N must be between 1 and 50");
    }
    let cfg = Config::default();
    let mut step = Instant::now();
    let mut lap = |what: &str| {
        println!("{what:<12} {:>9.1} ms", step.elapsed().as_secs_f64() * 1e3);
        step = Instant::now();
    };
    let start = Instant::now();

    let loaded = parallax::load(&newswcl50::paths(n), &cfg);
    if loaded.articles.len() != n {
        bail!(
            "loaded {} articles: {:?}",
            loaded.articles.len(),
            loaded.warnings
        );
    }
    let words: usize = loaded
        .articles
        .iter()
        .map(|a| a.body.split_whitespace().count())
        .sum();
    lap("load");
    let story = parallax::group::one_story(&loaded.articles);
    let comparison = parallax::compare_story(&loaded.articles, &story, &cfg);
    let rows = comparison.rows.len();
    lap("compare");

    let mut sizes = Vec::new();
    for format in [Format::Json, Format::Md, Format::Html] {
        sizes.push(report::render(std::slice::from_ref(&comparison), format).len());
    }
    lap("3 reports");
    let mut app = App::from_comparisons(vec![comparison], TuiConfig::default(), true);
    app.resize(200, 50);
    let mut terminal = Terminal::new(TestBackend::new(200, 50))?;
    terminal.draw(|f| view::draw(f, &app))?;
    lap("first frame");
    println!(
        "{n} sources, {words} words, {rows} rows; reports of {} KB JSON, {} KB Markdown, \
         {} KB HTML; {:.1} ms in all",
        sizes[0] / 1000,
        sizes[1] / 1000,
        sizes[2] / 1000,
        start.elapsed().as_secs_f64() * 1e3
    );
    Ok(())
}
