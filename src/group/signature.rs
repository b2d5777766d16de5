//! An article's and a story's event signature, for people and scripts: who it is principally
//! about, what happened, and when.
//!
//! Grouping compares the same three parts (see `features::Kind::Actor` and `Kind::Trigger`,
//! and [`super::timing`]); this module puts them in words for `inspect`, `stories --format
//! json` and the story list. It extracts the features again, which costs little for the
//! articles a listing shows.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::features::{Extractor, Kind};
use super::naming;
use super::timing::{self, When, Window};
use super::{SIGNATURE_HEADLINE, Story};
use crate::corpus::Article;
use crate::text;

/// Most actors and events shown for an article or a story.
const SHOWN: usize = 4;

/// An actor or event is shown when it weighs at least this share of the heaviest one.
const SHOWN_SHARE: f32 = 0.34;

/// What one article is about, as grouping sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSignature {
    /// Principal actors, as written, heaviest first (names of the headline and lead).
    pub actors: Vec<String>,
    /// Events its headline and lead name (labels of `assets/events/triggers.tsv`).
    pub events: Vec<String>,
    /// Its date, or the window estimated from its text.
    pub when: When,
}

/// What a story is about: the actors and events its articles share, and when it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorySignature {
    /// Principal actors, as written, heaviest first.
    pub actors: Vec<String>,
    /// Events named in its articles' headlines and leads, most named first.
    pub events: Vec<String>,
    /// First and last date of its dated articles.
    pub dates: Option<(NaiveDate, NaiveDate)>,
    /// When no article has a date: the window its articles' texts agree on (their overlap, or
    /// the span of them all when they do not overlap).
    pub estimated: Option<Window>,
}

/// The signature of one article.
pub fn describe_article(a: &Article) -> ArticleSignature {
    let (weights, windows) = weigh(&[a]);
    ArticleSignature {
        actors: actors_as_written(&weights.actors, &[a]),
        events: heaviest(&weights.events),
        when: timing::when(a.date, windows[0]),
    }
}

/// The signature of one story of `articles`.
pub fn describe_story(articles: &[Article], story: &Story) -> StorySignature {
    let members: Vec<&Article> = story.articles.iter().map(|&i| &articles[i]).collect();
    let (weights, windows) = weigh(&members);
    let first = members.iter().filter_map(|a| a.date).min();
    let last = members.iter().filter_map(|a| a.date).max();
    let estimated = if first.is_none() {
        windows.iter().flatten().copied().reduce(|x, y| {
            if x.gap_days(&y) == 0 {
                Window {
                    from: x.from.max(y.from),
                    to: x.to.min(y.to),
                }
            } else {
                Window {
                    from: x.from.min(y.from),
                    to: x.to.max(y.to),
                }
            }
        })
    } else {
        None
    };
    StorySignature {
        actors: actors_as_written(&weights.actors, &members),
        events: heaviest(&weights.events),
        dates: first.zip(last),
        estimated,
    }
}

/// Summed weights of actor keys and event labels.
#[derive(Default)]
struct Weights {
    actors: HashMap<String, f32>,
    events: HashMap<String, f32>,
}

/// Actor and event weights over some articles (a headline's count [`SIGNATURE_HEADLINE`]
/// times, the lead's once; each article's weights scaled to sum 1 per part, so a long lead
/// does not outweigh the others), and each article's estimated window.
fn weigh(members: &[&Article]) -> (Weights, Vec<Option<Window>>) {
    let mut ex = Extractor::default();
    let docs: Vec<_> = members
        .iter()
        .map(|a| ex.extract(&naming::headline(a).unwrap_or_default(), &a.body))
        .collect();
    let vocab = ex.into_vocab();
    let mut out = Weights::default();
    let mut windows = Vec::with_capacity(docs.len());
    for (doc, window) in docs {
        windows.push(window);
        for (kind, map) in [
            (Kind::Actor, &mut out.actors),
            (Kind::Trigger, &mut out.events),
        ] {
            let mine: Vec<(&str, f32)> = doc
                .iter()
                .filter(|&&(id, _, _)| vocab[id as usize].0 == kind)
                .map(|&(id, h, b)| (vocab[id as usize].1.as_str(), h * SIGNATURE_HEADLINE + b))
                .collect();
            let total: f32 = mine.iter().map(|x| x.1).sum();
            for (key, w) in mine {
                *map.entry(key.to_string()).or_insert(0.0) += w / total;
            }
        }
    }
    (out, windows)
}

/// The heaviest keys, heaviest first (ties by key), at most [`SHOWN`], each at least
/// [`SHOWN_SHARE`] of the heaviest.
fn heaviest(weights: &HashMap<String, f32>) -> Vec<String> {
    let mut v: Vec<(&String, f32)> = weights.iter().map(|(k, &w)| (k, w)).collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let top = v.first().map_or(0.0, |x| x.1);
    v.into_iter()
        .take_while(|x| x.1 >= top * SHOWN_SHARE)
        .take(SHOWN)
        .map(|x| x.0.clone())
        .collect()
}

/// The principal actors as written in the articles, a given name and a surname that follow
/// each other joined (`dmitry` and `peskov` become "Dmitry Peskov").
fn actors_as_written(weights: &HashMap<String, f32>, members: &[&Article]) -> Vec<String> {
    // Candidates: more than will be shown, since pairs join into one.
    let mut ranked: Vec<(&String, f32)> = weights.iter().map(|(k, &w)| (k, w)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let top = ranked.first().map_or(0.0, |x| x.1);
    let keys: Vec<&str> = ranked
        .iter()
        .take_while(|x| x.1 >= top * SHOWN_SHARE)
        .take(2 * SHOWN)
        .map(|x| x.0.as_str())
        .collect();
    // How each key is written, and which key follows it most often within a name.
    let mut written: HashMap<&str, String> = HashMap::new();
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for a in members {
        let headline = naming::headline(a).unwrap_or_default();
        for part in [headline.as_str(), a.body.as_str()] {
            let words = text::words(part);
            let mut prev: Option<(&str, usize)> = None;
            for w in &words {
                let key = text::word_key(w.text);
                let Some(&k) = keys.iter().find(|&&k| k == key) else {
                    prev = None;
                    continue;
                };
                if text::is_capitalised(w.text) {
                    // As written, without a possessive ("Trump's" is "Trump").
                    let bare = w.text.trim_end_matches("'s").trim_end_matches("\u{2019}s");
                    written.entry(k).or_insert_with(|| bare.to_string());
                }
                if let Some((p, end)) = prev
                    && part[end..w.start].bytes().all(|b| b == b' ')
                {
                    *pairs.entry((p, k)).or_insert(0) += 1;
                }
                prev = Some((k, w.end));
            }
        }
    }
    let shown = |k: &str| written.get(k).cloned().unwrap_or_else(|| k.to_string());
    let mut used: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for &k in &keys {
        if used.contains(&k) {
            continue;
        }
        // Joined with the key it most often follows or precedes in a name.
        let partner = keys
            .iter()
            .filter(|&&o| o != k && !used.contains(&o))
            .map(|&o| {
                let before = pairs.get(&(o, k)).copied().unwrap_or(0);
                let after = pairs.get(&(k, o)).copied().unwrap_or(0);
                (o, before, after)
            })
            .filter(|&(_, b, a)| b + a > 0)
            .max_by_key(|&(o, b, a)| (b + a, std::cmp::Reverse(o)));
        used.push(k);
        match partner {
            Some((o, before, after)) => {
                used.push(o);
                out.push(if before > after {
                    format!("{} {}", shown(o), shown(k))
                } else {
                    format!("{} {}", shown(k), shown(o))
                });
            }
            None => out.push(shown(k)),
        }
        if out.len() == SHOWN {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn article(id: &str, date: Option<&str>, body: &str) -> Article {
        let mut a = Article::new(Path::new(&format!("{id}.txt")), body.into());
        a.date = date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        a
    }

    #[test]
    fn an_article_is_about_the_names_of_its_lead_and_what_they_did() {
        let a = article(
            "a",
            None,
            "Governor Quits After Audit\nGovernor Helena Marsh resigned on Tuesday after an \
             audit found missing funds. Marsh, elected in 2019, denied wrongdoing.\nLater, \
             Senator Ortiz and the mayor of Brookfield commented, as did Ortiz's aide Webb.",
        );
        let s = describe_article(&a);
        assert_eq!(s.actors.first().map(String::as_str), Some("Helena Marsh"));
        assert!(!s.actors.iter().any(|x| x.contains("Webb")), "{s:?}");
        assert!(s.events.contains(&"resign".to_string()), "{s:?}");
        match s.when {
            When::Estimated(w) => assert_eq!(timing::describe(&w), "2019 to 2020"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_story_has_dates_or_an_agreed_window() {
        let arts = vec![
            article(
                "a",
                None,
                "Helena Marsh resigned in March 2021 after the audit.",
            ),
            article("b", None, "Marsh, governor since 2019, quit in 2021."),
            article("c", Some("2021-03-04"), "Helena Marsh resigns."),
        ];
        let undated = Story {
            id: "x".into(),
            title: "t".into(),
            articles: vec![0, 1],
        };
        let s = describe_story(&arts, &undated);
        assert_eq!(s.dates, None);
        let w = s.estimated.unwrap();
        assert_eq!(timing::describe(&w), "2021-03 to 2021-08");
        assert_eq!(s.actors.first().map(String::as_str), Some("Helena Marsh"));
        let dated = Story {
            articles: vec![0, 1, 2],
            ..undated
        };
        let s = describe_story(&arts, &dated);
        let d = NaiveDate::from_ymd_opt(2021, 3, 4).unwrap();
        assert_eq!((s.dates, s.estimated), (Some((d, d)), None));
    }
}
