//! Story grouping: which articles tell the same event.
//!
//! Pure: takes articles, returns stories as index lists into them. The method:
//! 1. [`features`]: each article becomes counts of content stems, names (capitalised words
//!    and runs of them), numbers, and the stems of its lead (headline and first sentences).
//! 2. [`vectors`]: TF-IDF within each kind of feature; the direct similarity of two articles is
//!    the weighted mean of their per-kind cosines. Names, numbers and leads are what keep two
//!    events of one kind apart (two earthquakes share "magnitude", not "6.1" and "Lake County").
//!    Dates, when both articles have one, damp the similarity of articles far apart in time.
//! 3. [`candidates`]: only pairs sharing a heavy feature are compared (an inverted index), so
//!    the cost follows the corpus, not its square.
//! 4. [`neighbours`]: direct similarity is blended with neighbourhood similarity (do the two
//!    articles have the same nearest neighbours?), which separates look-alike events.
//! 5. [`cluster`]: average-link clustering, cut at the threshold and by a cohesion rule.
//! 6. [`naming`]: a title from the most central headline and a short stable id.
//!
//! The defaults were chosen on the ECB+ development topics by cross-validation over topic
//! halves, among the settings that also keep NewsWCL50's ten stories and the seed story whole
//! (`tests/grouping.rs`, `cross_validate`; figures in README "Stories").

mod candidates;
mod cluster;
mod features;
mod naming;
mod neighbours;
mod parallel;
mod signature;
mod timing;
mod vectors;

use serde::{Deserialize, Serialize};

use crate::corpus::Article;

pub use naming::display_title as title_of;
pub use signature::{ArticleSignature, StorySignature, describe_article, describe_story};
pub use timing::{When, Window, describe as describe_window};

/// Settings for grouping articles into stories.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct GroupConfig {
    /// Similarity (0..1) two groups of articles must reach, as the mean over all their pairs,
    /// to join into one story. Higher splits more. Similarity here is the blend of direct and
    /// neighbourhood similarity, which is near 0 for articles on different stories.
    pub threshold: f32,
    /// Two groups join only when their mean similarity is at least this share (0..1) of the
    /// mean similarity within them: look-alike events are tight inside and looser across, while
    /// two halves of one story are about as close across as within. Higher splits more.
    pub cohesion: f32,
    /// Weight of shared names (people, places, organisations) against shared content words (1).
    pub name_weight: f32,
    /// Weight of shared numbers (ages, magnitudes, counts, years) against content words (1).
    pub number_weight: f32,
    /// Weight of shared words in the leads (headline and first two sentences) against content
    /// words (1).
    pub lead_weight: f32,
    /// How many extra times a headline's words count, on top of once for the body's.
    pub headline_weight: f32,
    /// How many nearest neighbours describe an article's neighbourhood.
    pub neighbours: usize,
    /// Share (0..1) of neighbourhood similarity in the blend with direct similarity.
    pub neighbour_share: f32,
    /// Articles dated at most this many days apart are compared on content alone.
    pub date_grace_days: u32,
    /// Beyond the grace period, similarity halves with every this many days between the dates
    /// (only when both articles have a date). 0 turns the date rule off.
    pub date_half_life_days: f32,
    /// When an article has no date, the window of the dates its text names stands in for it
    /// (a weak signal): similarity halves with every this many days between two windows (or
    /// a window and a date). 0 turns it off.
    pub estimate_half_life_days: f32,
    /// How much (0..1) disagreeing principal actors (the names of headlines and leads) lower
    /// the similarity of two groups of articles before they may join into one story: at 0.5,
    /// groups about wholly different people keep half of it. Only between groups of two or more
    /// articles of which at least one group has no dated article. 0 ignores actors.
    pub actor_gate: f32,
    /// The same for disagreeing events (the trigger words of headlines and leads: resigns,
    /// indicted, endorses, hearing). 0 ignores them.
    pub event_gate: f32,
}

impl Default for GroupConfig {
    fn default() -> Self {
        Self {
            threshold: 0.08,
            cohesion: 0.25,
            name_weight: 0.5,
            number_weight: 0.25,
            lead_weight: 0.5,
            headline_weight: 1.0,
            neighbours: 4,
            neighbour_share: 0.75,
            date_grace_days: 7,
            date_half_life_days: 60.0,
            estimate_half_life_days: 0.0,
            actor_gate: 0.5,
            event_gate: 0.25,
        }
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

/// Bounds on the candidate search (see [`candidates`]): each article posts its 30 heaviest
/// features, reads at most 300 entries of each posting, and keeps its 60 best candidates, so
/// that grouping time grows linearly with the corpus. An article thus links directly to at
/// most about a hundred others: stories far larger than that may come out in parts.
const LIMITS: candidates::Limits = candidates::Limits {
    top_k: 30,
    scan: 300,
    per_article: 60,
};

/// Direct similarities below this are dropped from the graph: a word or two in common is no
/// evidence of one story, and left in, two unrelated articles that are each other's best match
/// would look like neighbours.
const MIN_EDGE: f32 = 0.1;

/// Articles turned into features once, ready to be grouped with any settings (a view that
/// lets the user move the threshold regroups without reading the texts again).
pub struct Prepared {
    interned: vectors::Interned,
    /// Per article, its date or the window estimated from its text.
    when: Vec<When>,
    /// Per article, its actors and its event triggers as unit vectors.
    actors: Vec<vectors::Sparse>,
    triggers: Vec<vectors::Sparse>,
}

/// How many times a headline's actors and triggers count against the lead's.
const SIGNATURE_HEADLINE: f32 = 2.0;

/// Extract the features of every article (the costly part of grouping), on all cores.
pub fn prepare(articles: &[Article]) -> Prepared {
    let headlines: Vec<Option<String>> =
        parallel::map(articles.len(), || (), |_, i| naming::headline(&articles[i]));
    let (docs, extractors) =
        parallel::map_with(articles.len(), features::Extractor::default, |ex, i| {
            ex.extract(
                headlines[i].as_deref().unwrap_or_default(),
                &articles[i].body,
            )
        });
    let vocabs: Vec<_> = extractors
        .into_iter()
        .map(features::Extractor::into_vocab)
        .collect();
    let (docs, windows): (Vec<_>, Vec<_>) = docs
        .into_iter()
        .map(|(worker, (doc, window))| ((worker, doc), window))
        .unzip();
    let interned = vectors::intern(docs, &vocabs);
    Prepared {
        actors: vectors::of_kind(&interned, features::Kind::Actor, SIGNATURE_HEADLINE),
        triggers: vectors::of_kind(&interned, features::Kind::Trigger, SIGNATURE_HEADLINE),
        interned,
        when: articles
            .iter()
            .zip(windows)
            .map(|(a, w)| timing::when(a.date, w))
            .collect(),
    }
}

impl Prepared {
    /// When article `i`'s event happened, as far as grouping knows.
    pub fn when(&self, i: usize) -> When {
        self.when[i]
    }

    /// How far articles `i` and `j` agree on their principal actors and on their events
    /// (cosines, 0..1); `None` for a part either article lacks. For diagnostics.
    pub fn agreement(&self, i: usize, j: usize) -> (Option<f32>, Option<f32>) {
        let cos = |v: &[vectors::Sparse]| {
            (!v[i].is_empty() && !v[j].is_empty()).then(|| vectors::dot(&v[i], &v[j]))
        };
        (cos(&self.actors), cos(&self.triggers))
    }
}

/// Group articles into stories. Stories come largest first, then in the order of their first
/// article; articles within a story keep their input order.
pub fn group(articles: &[Article], cfg: &GroupConfig) -> Vec<Story> {
    group_prepared(articles, &prepare(articles), cfg)
}

/// [`group`] for articles already [`prepare`]d (`prepared` must come from these `articles`).
pub fn group_prepared(articles: &[Article], prepared: &Prepared, cfg: &GroupConfig) -> Vec<Story> {
    assert_eq!(
        articles.len(),
        prepared.when.len(),
        "group_prepared: `prepared` comes from other articles"
    );
    if articles.is_empty() {
        return Vec::new();
    }
    let direct = direct_graph(prepared, cfg);
    let edges = neighbours::blend(articles.len(), &direct, cfg.neighbours, cfg.neighbour_share);
    let profiles = (0..articles.len())
        .map(|i| cluster::Profile {
            actors: prepared.actors[i].clone(),
            events: prepared.triggers[i].clone(),
            counts: [
                u32::from(!prepared.actors[i].is_empty()),
                u32::from(!prepared.triggers[i].is_empty()),
            ],
            dated: matches!(prepared.when[i], When::Dated(_)),
        })
        .collect();
    let gates = cluster::Gates {
        actor: cfg.actor_gate,
        event: cfg.event_gate,
    };
    let clusters = cluster::average_link(
        articles.len(),
        &edges,
        cfg.threshold,
        cfg.cohesion,
        Some((profiles, gates)),
    );
    let clusters = join_copies(clusters, &direct);
    name_stories(articles, clusters, &edges)
}

/// Direct similarity at which two articles are copies of one text (a wire story run by many
/// outlets, a page saved twice): the same story whatever else the clustering found.
const COPY: f32 = 0.8;

/// Join the clusters that hold copies of one text. Average-link clustering counts every
/// pair without an edge as unlike, and each article has edges to at most about a hundred
/// others (see [`LIMITS`]): a pile of 2,000 near-identical articles came out as 920 stories.
fn join_copies(clusters: Vec<Vec<usize>>, direct: &[(u32, u32, f32)]) -> Vec<Vec<usize>> {
    let n = clusters.iter().map(Vec::len).sum::<usize>();
    let mut cluster_of = vec![0usize; n];
    for (c, members) in clusters.iter().enumerate() {
        for &m in members {
            cluster_of[m] = c;
        }
    }
    // Union-find over clusters.
    let mut parent: Vec<usize> = (0..clusters.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(a, b, sim) in direct {
        if sim >= COPY {
            let (ra, rb) = (
                root(&mut parent, cluster_of[a as usize]),
                root(&mut parent, cluster_of[b as usize]),
            );
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut joined: Vec<Vec<usize>> = vec![Vec::new(); clusters.len()];
    for (c, members) in clusters.into_iter().enumerate() {
        let r = root(&mut parent, c);
        joined[r].extend(members);
    }
    let mut out: Vec<Vec<usize>> = joined
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect();
    out.sort_unstable_by_key(|m| m[0]);
    out
}

/// The similarity graph grouping clusters: pairs `(a, b, similarity)` with `a < b`, direct
/// similarity (dates considered) blended with neighbourhood similarity. Only candidate pairs
/// from the index are scored. Public for diagnostics and tests.
pub fn similarity_graph(prepared: &Prepared, cfg: &GroupConfig) -> Vec<(u32, u32, f32)> {
    let direct = direct_graph(prepared, cfg);
    neighbours::blend(
        prepared.when.len(),
        &direct,
        cfg.neighbours,
        cfg.neighbour_share,
    )
}

/// Direct similarity (dates considered) of the candidate pairs from the index, `a < b`, those
/// below [`MIN_EDGE`] left out.
fn direct_graph(prepared: &Prepared, cfg: &GroupConfig) -> Vec<(u32, u32, f32)> {
    let n = prepared.when.len();
    let weights = vectors::Weights {
        term: 1.0,
        name: cfg.name_weight.max(0.0),
        number: cfg.number_weight.max(0.0),
        lead: cfg.lead_weight.max(0.0),
        // The signature is judged apart, between groups (see `cluster::Gates`).
        actor: 0.0,
        trigger: 0.0,
        headline: cfg.headline_weight.max(0.0),
    };
    let docs = vectors::weigh(&prepared.interned, &weights);
    let index = candidates::Index::new(&docs, &prepared.interned.df, LIMITS);
    let mut pairs: Vec<(u32, u32)> = parallel::map(
        n,
        || vec![0f32; n],
        |scratch, i| {
            index
                .candidates(i, scratch)
                .into_iter()
                .map(|j| (j.min(i as u32), j.max(i as u32)))
                .collect::<Vec<_>>()
        },
    )
    .into_iter()
    .flatten()
    .collect();
    pairs.sort_unstable();
    pairs.dedup();
    // Where each article's pairs (as the lower index) start in `pairs`.
    let mut starts = vec![0usize; n + 1];
    for &(a, _) in &pairs {
        starts[a as usize + 1] += 1;
    }
    for i in 0..n {
        starts[i + 1] += starts[i];
    }
    let features = prepared.interned.df.len();
    let per_doc = parallel::map(
        n,
        || vec![0f32; features],
        |dense, i| {
            // Scatter article i into a dense vector: each partner's dot product is then one
            // pass over the partner's own features.
            for &(f, w) in &docs[i] {
                dense[f as usize] = w;
            }
            let row: Vec<(u32, u32, f32)> = pairs[starts[i]..starts[i + 1]]
                .iter()
                .filter_map(|&(_, j)| {
                    let dot: f32 = docs[j as usize]
                        .iter()
                        .map(|&(f, w)| w * dense[f as usize])
                        .sum();
                    let j = j as usize;
                    let sim = dot * time_factor(prepared.when[i], prepared.when[j], cfg);
                    (sim >= MIN_EDGE).then_some((i as u32, j as u32, sim))
                })
                .collect();
            for &(f, _) in &docs[i] {
                dense[f as usize] = 0.0;
            }
            row
        },
    );
    per_doc.into_iter().flatten().collect()
}

/// How much to trust content similarity given when two articles' events happened. Two dates:
/// 1 within the grace period, then halving every `date_half_life_days` (the strong rule).
/// Otherwise, when both have a date or an estimated window: halving every
/// `estimate_half_life_days` of gap between the windows (the weak rule). Else 1.
fn time_factor(a: When, b: When, cfg: &GroupConfig) -> f32 {
    match (a, b) {
        (When::Dated(a), When::Dated(b)) => {
            let days = |d: chrono::NaiveDate| chrono::Datelike::num_days_from_ce(&d);
            date_factor(Some(days(a)), Some(days(b)), cfg)
        }
        (a, b) => match (a.window(), b.window()) {
            (Some(wa), Some(wb)) if cfg.estimate_half_life_days > 0.0 => {
                let apart = (wa.gap_days(&wb) as f32 - cfg.date_grace_days as f32).max(0.0);
                0.5f32.powf(apart / cfg.estimate_half_life_days)
            }
            _ => 1.0,
        },
    }
}

/// How much to trust content similarity given two articles' dates: 1 within the grace period
/// or when a date is unknown, then halving every `date_half_life_days`.
fn date_factor(a: Option<i32>, b: Option<i32>, cfg: &GroupConfig) -> f32 {
    match (a, b) {
        (Some(a), Some(b)) if cfg.date_half_life_days > 0.0 => {
            let apart = a.abs_diff(b).saturating_sub(cfg.date_grace_days);
            0.5f32.powf(apart as f32 / cfg.date_half_life_days)
        }
        _ => 1.0,
    }
}

/// Turn clusters into ordered, titled stories with ids.
fn name_stories(
    articles: &[Article],
    clusters: Vec<Vec<usize>>,
    edges: &[(u32, u32, f32)],
) -> Vec<Story> {
    let mut story_of = vec![0usize; articles.len()];
    for (s, members) in clusters.iter().enumerate() {
        for &m in members {
            story_of[m] = s;
        }
    }
    let centrality = centrality(articles.len(), edges, |a, b| story_of[a] == story_of[b]);
    let mut clusters = clusters;
    clusters.sort_by(|x, y| y.len().cmp(&x.len()).then(x[0].cmp(&y[0])));
    let ids = naming::story_ids(
        clusters
            .iter()
            .map(|m| m.iter().map(|&i| articles[i].id.as_str()).collect()),
    );
    clusters
        .into_iter()
        .zip(ids)
        .map(|(members, id)| Story {
            id,
            title: naming::story_title(articles, &members, &centrality),
            articles: members,
        })
        .collect()
}

/// Treat all given articles as one story, without grouping (`--one-story`). Its title is
/// still the most central headline, by the default similarity.
pub fn one_story(articles: &[Article]) -> Story {
    let members: Vec<usize> = (0..articles.len()).collect();
    let edges = if articles.is_empty() {
        Vec::new()
    } else {
        similarity_graph(&prepare(articles), &GroupConfig::default())
    };
    let centrality = centrality(articles.len(), &edges, |_, _| true);
    let ids = std::iter::once(articles.iter().map(|a| a.id.as_str()).collect());
    Story {
        id: naming::story_ids(ids).pop().unwrap_or_default(),
        title: naming::story_title(articles, &members, &centrality),
        articles: members,
    }
}

/// Each article's summed similarity to the others of its story (`same` says whether two
/// articles share a story): how central it is there.
fn centrality(
    n: usize,
    edges: &[(u32, u32, f32)],
    same: impl Fn(usize, usize) -> bool,
) -> Vec<f32> {
    let mut out = vec![0f32; n];
    for &(a, b, sim) in edges {
        if same(a as usize, b as usize) {
            out[a as usize] += sim;
            out[b as usize] += sim;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;

    fn article(id: &str, date: Option<&str>, body: &str) -> Article {
        let mut a = Article::new(Path::new(&format!("{id}.txt")), body.into());
        a.date = date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        a
    }

    const QUAKE_A: &str = "A magnitude 6.1 earthquake struck Lake County, California, on Sunday, \
        shaking homes in Clearlake and Kelseyville. The US Geological Survey said the quake hit \
        at 7:40 a.m. No injuries were reported by the Lake County sheriff.";
    const QUAKE_A2: &str = "Residents of Clearlake were shaken awake on Sunday when a 6.1 \
        magnitude earthquake hit Lake County. The US Geological Survey placed the epicentre near \
        Kelseyville; the Lake County sheriff reported no injuries.";
    const QUAKE_B: &str = "A magnitude 7.3 earthquake struck off Sumatra, Indonesia, on Tuesday, \
        killing at least 40 people in Padang. Indonesia's disaster agency said hundreds of homes \
        collapsed, and the US Geological Survey issued a tsunami warning.";
    const QUAKE_B2: &str = "At least 40 people died in Padang after a 7.3 earthquake off \
        Sumatra on Tuesday. Rescuers in Indonesia searched collapsed homes as the disaster agency \
        lifted a tsunami warning.";

    /// Other news of the same days, as any real folder has.
    const OTHERS: [&str; 6] = [
        "The central bank raised interest rates by a quarter point on Wednesday, citing \
         stubborn inflation in services and a tight labour market.",
        "Manchester United beat Arsenal 2-1 at Old Trafford, with a late header from a \
         substitute settling a tense league match.",
        "Parliament passed the budget after a long night of debate; the opposition said the \
         spending cuts would hurt schools and hospitals.",
        "A new exhibition of Dutch still lifes opened at the National Gallery, drawing long \
         queues on its first weekend.",
        "Shares of the carmaker fell sharply after it recalled 300,000 vehicles over faulty \
         brakes, the company said in a statement.",
        "Heavy snow closed mountain passes and cancelled flights across the Alps, and \
         forecasters warned of avalanches.",
    ];

    #[test]
    fn reports_of_one_quake_are_closer_than_look_alike_quakes() {
        let mut arts = vec![
            article("a1", None, QUAKE_A),
            article("b1", None, QUAKE_B),
            article("a2", None, QUAKE_A2),
            article("b2", None, QUAKE_B2),
        ];
        for (i, text) in OTHERS.iter().enumerate() {
            arts.push(article(&format!("o{i}"), None, text));
        }
        let edges = similarity_graph(&prepare(&arts), &GroupConfig::default());
        let sim = |a: u32, b: u32| {
            edges
                .iter()
                .find(|e| (e.0, e.1) == (a.min(b), a.max(b)))
                .map_or(0.0, |e| e.2)
        };
        for (same, other) in [
            ((0, 2), (0, 1)),
            ((0, 2), (2, 3)),
            ((1, 3), (0, 3)),
            ((1, 3), (1, 2)),
        ] {
            assert!(sim(same.0, same.1) > sim(other.0, other.1), "{edges:?}");
        }
        // Unrelated news links to nothing.
        assert!(edges.iter().all(|e| e.0 < 4 && e.1 < 4), "{edges:?}");
    }

    #[test]
    fn one_story_alone_stays_whole() {
        // Only the reports of one event: the words they share must still count.
        let arts = vec![
            article("a1", None, QUAKE_A),
            article("a2", None, QUAKE_A2),
            article(
                "a3",
                None,
                "The Lake County sheriff said no one was hurt when a 6.1 earthquake rattled \
                 Clearlake and Kelseyville early on Sunday, according to the US Geological Survey.",
            ),
        ];
        assert_eq!(group(&arts, &GroupConfig::default()).len(), 1);
    }

    #[test]
    fn dates_far_apart_split_otherwise_alike_articles() {
        let arts = vec![
            article("a1", Some("2025-02-25"), QUAKE_A),
            article("a2", Some("2025-02-26"), QUAKE_A2),
            article("a3", Some("2025-09-05"), QUAKE_A2),
        ];
        let stories = group(&arts, &GroupConfig::default());
        assert_eq!(stories[0].articles, vec![0, 1]);
        assert_eq!(stories[1].articles, vec![2]);
        let cfg = GroupConfig {
            date_half_life_days: 0.0,
            ..GroupConfig::default()
        };
        assert_eq!(group(&arts, &cfg)[0].articles, vec![0, 1, 2]);
    }

    #[test]
    fn date_factor_has_grace_then_halves() {
        let cfg = GroupConfig::default();
        assert_eq!(date_factor(Some(100), Some(105), &cfg), 1.0);
        assert_eq!(date_factor(Some(100), None, &cfg), 1.0);
        let f = date_factor(Some(100), Some(100 + 7 + 60), &cfg);
        assert!((f - 0.5).abs() < 1e-6, "{f}");
    }

    #[test]
    fn copies_of_one_text_stay_one_story_however_many() {
        // 2,000 copies of one report, each with its own small change, among unrelated
        // articles: one story of 2,000, not hundreds (each article links directly to about
        // a hundred others only).
        let mut articles: Vec<Article> = (0..2000)
            .map(|i| {
                let body = format!("{QUAKE_A} Reported by desk {i}.");
                article(&format!("copy{i}"), Some("2024-05-01"), &body)
            })
            .collect();
        for (i, other) in OTHERS.iter().enumerate() {
            articles.push(article(&format!("other{i}"), None, other));
        }
        let stories = group(&articles, &GroupConfig::default());
        assert_eq!(stories[0].articles.len(), 2000, "{} stories", stories.len());
        assert!(
            stories[1..]
                .iter()
                .all(|s| s.articles.iter().all(|&i| i >= 2000))
        );
    }

    #[test]
    fn empty_and_single_inputs() {
        assert!(group(&[], &GroupConfig::default()).is_empty());
        let one = group(
            &[article("x", None, "Just one text.")],
            &GroupConfig::default(),
        );
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].articles, vec![0]);
        assert_eq!(one[0].id.len(), 6);
    }
}
