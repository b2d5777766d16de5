//! Group a synthetic corpus of N articles and print how long it took; optionally write the
//! corpus to a folder (with a `sources.toml` of outlets and dates) for `parallax stories`.
//!
//! ```sh
//! cargo build --release --example group_synthetic
//! /usr/bin/time -v target/release/examples/group_synthetic 10000      # time and peak memory
//! target/release/examples/group_synthetic 1000 /tmp/synthetic-1k      # also write the files
//! ```
//!
//! The articles are those of the grouping benchmark (`devkit/src/synthetic.rs`): real
//! news sentences recombined into stories. Peak memory includes the corpus itself, as in the
//! application.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use color_eyre::eyre::{Result, WrapErr, eyre};
use parallax::corpus::Article;
use parallax::group::{self, GroupConfig};
use parallax_devkit::{grouping_score, synthetic};

fn main() -> Result<()> {
    color_eyre::install()?;
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .ok_or_else(|| eyre!("usage: group_synthetic N [DIR]"))?
        .parse()
        .wrap_err("N must be a number of articles")?;
    let dir = args.next().map(PathBuf::from);
    let synthetic = synthetic::corpus(&synthetic::source_stories(), n);
    let gold: BTreeMap<String, String> = synthetic
        .iter()
        .map(|s| (format!("{}.txt", s.article.id), s.story.to_string()))
        .collect();
    let articles: Vec<Article> = synthetic.into_iter().map(|s| s.article).collect();
    let megabytes = articles.iter().map(|a| a.body.len()).sum::<usize>() as f64 / 1e6;
    let start = Instant::now();
    let stories = group::group(&articles, &GroupConfig::default());
    let took = start.elapsed();
    let predicted = grouping_score::story_paths(&stories, &articles);
    let score = grouping_score::score(&gold, &predicted);
    println!(
        "{n} articles ({megabytes:.1} MB of text): {} stories in {:.2} s; \
         BCubed F1 {:.3} against the {} synthetic stories",
        stories.len(),
        took.as_secs_f64(),
        score.bcubed_f1,
        score.gold_stories
    );
    if let Some(dir) = dir {
        write_corpus(&articles, &dir)?;
        println!("wrote {n} articles to {}", dir.display());
    }
    Ok(())
}

fn write_corpus(articles: &[Article], dir: &std::path::Path) -> Result<()> {
    std::fs::create_dir_all(dir).wrap_err_with(|| format!("cannot create {}", dir.display()))?;
    let mut sidecar = String::new();
    for a in articles {
        let name = format!("{}.txt", a.id);
        std::fs::write(dir.join(&name), &a.body)?;
        writeln!(sidecar, "[\"{name}\"]")?;
        if let Some(source) = &a.source {
            writeln!(sidecar, "source = \"{source}\"")?;
        }
        if let Some(date) = a.date_iso() {
            writeln!(sidecar, "date = {date}")?;
        }
    }
    std::fs::write(dir.join("sources.toml"), sidecar)?;
    Ok(())
}
