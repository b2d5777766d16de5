//! parallax: compare how different outlets tell the same news story.
//!
//! The pipeline runs in one direction:
//! files → [`corpus`] (read, clean, metadata) → [`group`] (stories) → [`align`] (rows of
//! passages) → [`compare`] (differences and framing) → [`model::Comparison`] → views
//! (`tui`, [`report`]). Only [`corpus`] and the views do I/O; everything in between is pure.
//! [`fetch`] brings pages from the web into a library folder, which is read like any other.

#![forbid(unsafe_code)]

pub mod align;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod fetch;
pub mod files;
pub mod group;
pub mod model;
pub mod report;
pub mod signals;
pub mod text;
pub mod tui;

use std::path::PathBuf;

use config::Config;
use corpus::{Article, Loaded};
use group::Story;
use model::Comparison;

/// Read articles from files and folders; the bundled sample story when `paths` is empty.
pub fn load(paths: &[PathBuf], cfg: &Config) -> Loaded {
    if paths.is_empty() {
        corpus::load_sample()
    } else {
        corpus::load_paths(paths, &cfg.load)
    }
}

/// Group articles into stories.
pub fn stories(articles: &[Article], cfg: &Config) -> Vec<Story> {
    group::group(articles, &cfg.group)
}

/// Align and compare one story's articles: the model every view reads.
pub fn compare_story(articles: &[Article], story: &Story, cfg: &Config) -> Comparison {
    let members: Vec<&Article> = story.articles.iter().map(|&i| &articles[i]).collect();
    let alignment = align::align(&members, &cfg.align);
    compare::build(story, &members, &alignment, &cfg.compare)
}
