//! Development reports on story grouping: how the default settings were chosen (README
//! "Stories", docs/GROUPING.md) and where grouping goes wrong. They print and assert nothing;
//! the tests in `tests/it/grouping.rs` hold the floors.
//!
//! ```sh
//! cargo run --release --example grouping_report -- cross-validate
//! T=0.1 cargo run --release --example grouping_report -- errors-ecbplus
//! ```
//!
//! Reports: sweep, errors-small, errors-ecbplus, cross-validate, baseline, per-topic,
//! titled-loader, small-corpora.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use parallax::config::Config;
use parallax::corpus::{self, Article};
use parallax::group::{self, GroupConfig};
use parallax_devkit::grouping_score::{Score, read_labels, score, story_paths};

const REPORTS: &[(&str, fn())] = &[
    ("sweep", sweep_ecbplus),
    ("errors-small", errors_small),
    ("errors-ecbplus", errors_ecbplus),
    ("cross-validate", cross_validate),
    ("baseline", baseline),
    ("per-topic", per_topic),
    ("titled-loader", titled_loader),
    ("small-corpora", small_corpora),
];

fn main() {
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    let names: Vec<&str> = REPORTS.iter().map(|r| r.0).collect();
    if wanted.is_empty() {
        eprintln!(
            "usage: grouping_report REPORT...   (one of: {})",
            names.join(", ")
        );
        std::process::exit(2);
    }
    for w in &wanted {
        match REPORTS.iter().find(|r| r.0 == w) {
            Some((_, report)) => report(),
            None => {
                eprintln!("unknown report {w:?} (one of: {})", names.join(", "));
                std::process::exit(2);
            }
        }
    }
}

fn data(name: &str) -> PathBuf {
    parallax_devkit::data(name)
}

fn sample() -> PathBuf {
    parallax_devkit::package_root().join("assets/sample")
}

fn load(dir: &Path) -> Vec<Article> {
    corpus::load_paths(&[dir.to_path_buf()], &Config::default().load).articles
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// Group `articles` with `cfg` and score against the gold labels of those articles.
fn score_with(articles: &[Article], gold: &BTreeMap<String, String>, cfg: &GroupConfig) -> Score {
    score_prepared(articles, &group::prepare(articles), gold, cfg)
}

fn score_prepared(
    articles: &[Article],
    prepared: &group::Prepared,
    gold: &BTreeMap<String, String>,
    cfg: &GroupConfig,
) -> Score {
    let sub: BTreeMap<String, String> = articles
        .iter()
        .filter_map(|a| {
            let n = file_name(&a.path);
            gold.get(&n).map(|g| (n, g.clone()))
        })
        .collect();
    let stories = group::group_prepared(articles, prepared, cfg);
    let predicted = story_paths(&stories, articles);
    score(&sub, &predicted)
}

/// ECB+ topic of a gold story id (`12_ecbplus` → `12`).
fn topic(story: &str) -> &str {
    story.split('_').next().unwrap_or(story)
}

/// Gold stories recovered exactly: predicted clusters equal to a gold story.
fn exact_stories(
    articles: &[Article],
    stories: &[group::Story],
    gold: &BTreeMap<String, String>,
) -> usize {
    let mut by_gold: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (f, g) in gold {
        by_gold.entry(g).or_default().push(f.clone());
    }
    let mut n = 0;
    for s in stories {
        let mut files: Vec<String> = s
            .articles
            .iter()
            .map(|&i| file_name(&articles[i].path))
            .collect();
        files.sort();
        let g = &gold[&files[0]];
        if by_gold[g.as_str()] == files {
            n += 1;
        }
    }
    n
}

/// True when 000, 002 and 003 share a story that 004 is not in.
fn seeds_ok(articles: &[Article], stories: &[group::Story]) -> bool {
    let story_of = |prefix: &str| {
        let i = articles
            .iter()
            .position(|a| a.id.starts_with(prefix))
            .unwrap();
        stories
            .iter()
            .position(|s| s.articles.contains(&i))
            .unwrap()
    };
    let s = story_of("000");
    story_of("002") == s && story_of("003") == s && story_of("004") != s
}

/// Sweep of the weights and thresholds over ECB+, with NewsWCL50 and the seed story as
/// constraints (lists of values from the environment: NAME, NUM, LEAD, HEAD, K, SHARE, COH, TS).
fn sweep_ecbplus() {
    let dir = data("ecbplus-dev");
    let gold = read_labels(&dir.join("labels.tsv"));
    let articles = load(&dir);
    let prepared = group::prepare(&articles);
    let nw_dir = data("newswcl50");
    let nw_gold = read_labels(&nw_dir.join("labels.tsv"));
    let nw = load(&nw_dir);
    let nw_prepared = group::prepare(&nw);
    let seeds = load(&sample());
    let seeds_prepared = group::prepare(&seeds);
    let list = |k: &str, d: &str| -> Vec<f32> {
        std::env::var(k)
            .unwrap_or(d.into())
            .split(',')
            .map(|v| v.parse().unwrap())
            .collect()
    };
    let mut results = Vec::new();
    for name_weight in list("NAME", "0.5,1") {
        for number_weight in list("NUM", "0.25,0.5") {
            for lead_weight in list("LEAD", "0") {
                for headline_weight in list("HEAD", "1,2") {
                    for neighbours in list("K", "4,5,6,8") {
                        for neighbour_share in list("SHARE", "0,0.5,0.75,1") {
                            for cohesion in list("COH", "0,0.3,0.4,0.5,0.6") {
                                let mut profile = String::new();
                                let mut best = (0.0, GroupConfig::default());
                                let mut best_valid = (0.0, 0.0);
                                for t in list(
                                    "TS",
                                    "0.02,0.04,0.06,0.08,0.1,0.12,0.14,0.16,0.18,0.2,0.22,0.24,0.26,0.28,0.3",
                                ) {
                                    let cfg = GroupConfig {
                                        threshold: t,
                                        name_weight,
                                        number_weight,
                                        lead_weight,
                                        headline_weight,
                                        neighbours: neighbours as usize,
                                        neighbour_share,
                                        cohesion,
                                        ..GroupConfig::default()
                                    };
                                    let s = score_prepared(&articles, &prepared, &gold, &cfg);
                                    let nws = group::group_prepared(&nw, &nw_prepared, &cfg);
                                    let exact = exact_stories(&nw, &nws, &nw_gold);
                                    let ok = seeds_ok(
                                        &seeds,
                                        &group::group_prepared(&seeds, &seeds_prepared, &cfg),
                                    );
                                    profile += &format!(
                                        " {:.0}{}{}",
                                        s.bcubed_f1 * 100.0,
                                        if exact == 10 { "" } else { "-" },
                                        if ok { "" } else { "x" }
                                    );
                                    if s.bcubed_f1 > best.0 {
                                        best = (s.bcubed_f1, cfg);
                                    }
                                    if exact == 10 && ok && s.bcubed_f1 > best_valid.0 {
                                        best_valid = (s.bcubed_f1, t);
                                    }
                                }
                                results.push((best_valid, best.0, best.1, profile));
                            }
                        }
                    }
                }
            }
        }
    }
    results.sort_by(|a, b| b.0.0.total_cmp(&a.0.0));
    for (v, f, c, p) in results.iter().take(50) {
        println!(
            "valid {:.3}@{} best {f:.3} name={} num={} lead={} head={} k={} share={} coh={} |{p}",
            v.0,
            v.1,
            c.name_weight,
            c.number_weight,
            c.lead_weight,
            c.headline_weight,
            c.neighbours,
            c.neighbour_share,
            c.cohesion
        );
    }
}

/// The default settings, each overridable from the environment (T, NAME, NUM, LEAD, HEAD, K,
/// SHARE, COH).
fn env_cfg() -> GroupConfig {
    let get = |k: &str, d: f32| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let d = GroupConfig::default();
    GroupConfig {
        threshold: get("T", d.threshold),
        name_weight: get("NAME", d.name_weight),
        number_weight: get("NUM", d.number_weight),
        lead_weight: get("LEAD", d.lead_weight),
        headline_weight: get("HEAD", d.headline_weight),
        neighbours: get("K", d.neighbours as f32) as usize,
        neighbour_share: get("SHARE", d.neighbour_share),
        cohesion: get("COH", d.cohesion),
        ..d
    }
}

/// The stories of NewsWCL50 and the sample, and the sample's similarity edges.
fn errors_small() {
    let cfg = env_cfg();
    println!("{cfg:?}");
    for dir in [data("newswcl50"), sample()] {
        let articles = load(&dir);
        let prepared = group::prepare(&articles);
        let edges = group::similarity_graph(&prepared, &cfg);
        for s in group::group_prepared(&articles, &prepared, &cfg) {
            let ids: Vec<&str> = s
                .articles
                .iter()
                .map(|&i| articles[i].id.as_str())
                .collect();
            println!("{} {:?} {}", s.id, ids, s.title);
        }
        if articles.len() < 10 {
            for (a, b, w) in edges {
                println!(
                    "  {} {} {w:.3}",
                    articles[a as usize].id, articles[b as usize].id
                );
            }
        }
    }
}

/// ECB+ stories that mix gold stories, and gold stories split over several.
fn errors_ecbplus() {
    let dir = data("ecbplus-dev");
    let gold = read_labels(&dir.join("labels.tsv"));
    let articles = load(&dir);
    let cfg = env_cfg();
    let stories = group::group(&articles, &cfg);
    println!("{}", score_with(&articles, &gold, &cfg));
    for s in &stories {
        let mut labels: BTreeMap<String, usize> = BTreeMap::new();
        for &i in &s.articles {
            *labels
                .entry(gold[&file_name(&articles[i].path)].clone())
                .or_default() += 1;
        }
        if labels.len() > 1 || s.articles.len() < 4 {
            println!("{:?}  {}", labels, s.title);
        }
    }
    // Gold stories split over several predicted ones.
    let mut parts: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for s in &stories {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for &i in &s.articles {
            *counts
                .entry(gold[&file_name(&articles[i].path)].clone())
                .or_default() += 1;
        }
        for (g, c) in counts {
            parts.entry(g).or_default().push(c);
        }
    }
    for (g, p) in parts.iter().filter(|(_, p)| p.len() > 1) {
        println!("split {g}: {p:?}");
    }
}

/// The settings tried when choosing defaults (see README "Stories").
fn grid() -> Vec<GroupConfig> {
    let list = |k: &str, d: &str| -> Vec<f32> {
        std::env::var(k)
            .unwrap_or(d.into())
            .split(',')
            .map(|v| v.parse().unwrap())
            .collect()
    };
    let mut out = vec![GroupConfig::default()];
    for name_weight in list("NAME", "0.5,1") {
        for number_weight in list("NUM", "0.25,0.5") {
            for lead_weight in list("LEAD", "0.25,0.5,0.75") {
                for neighbours in list("K", "4,5") {
                    for neighbour_share in list("SHARE", "0.5,0.75") {
                        for cohesion in list("COH", "0.2,0.25,0.3") {
                            for threshold in list("TS", "0.02,0.06,0.1,0.14,0.18") {
                                out.push(GroupConfig {
                                    threshold,
                                    name_weight,
                                    number_weight,
                                    lead_weight,
                                    headline_weight: 1.0,
                                    neighbours: neighbours as usize,
                                    neighbour_share,
                                    cohesion,
                                    ..GroupConfig::default()
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// Choose settings by cross-validation over ECB+ topic halves.
fn cross_validate() {
    let dir = data("ecbplus-dev");
    let gold = read_labels(&dir.join("labels.tsv"));
    let articles = load(&dir);
    let nw_dir = data("newswcl50");
    let nw_gold = read_labels(&nw_dir.join("labels.tsv"));
    let nw = load(&nw_dir);
    let nw_prepared = group::prepare(&nw);
    let seeds = load(&sample());
    let seeds_prepared = group::prepare(&seeds);
    // Settings must keep NewsWCL50's 10 stories and the seed story whole, whatever ECB+ says.
    let grid: Vec<GroupConfig> = grid()
        .into_iter()
        .filter(|cfg| {
            exact_stories(
                &nw,
                &group::group_prepared(&nw, &nw_prepared, cfg),
                &nw_gold,
            ) == 10
                && seeds_ok(&seeds, &group::group_prepared(&seeds, &seeds_prepared, cfg))
        })
        .collect();
    println!("{} settings keep NewsWCL50 and the seeds", grid.len());
    let mut topics: Vec<String> = gold.values().map(|g| topic(g).to_string()).collect();
    topics.sort();
    topics.dedup();
    let half_articles = |chosen: &[String]| -> Vec<Article> {
        articles
            .iter()
            .filter(|a| {
                chosen
                    .iter()
                    .any(|t| t == topic(&gold[&file_name(&a.path)]))
            })
            .cloned()
            .collect()
    };
    let splits: usize = std::env::var("SPLITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut held_out = Vec::new();
    let mut chosen_counts: BTreeMap<String, usize> = BTreeMap::new();
    for split in 0..splits {
        let mut order = topics.clone();
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        let (a, b) = order.split_at(order.len() / 2);
        for (train, test) in [(a, b), (b, a)] {
            let train_articles = half_articles(train);
            let test_articles = half_articles(test);
            let train_prepared = group::prepare(&train_articles);
            let best = grid
                .iter()
                .map(|cfg| {
                    (
                        score_prepared(&train_articles, &train_prepared, &gold, cfg).bcubed_f1,
                        cfg,
                    )
                })
                .max_by(|x, y| x.0.total_cmp(&y.0))
                .unwrap();
            let test_score = score_with(&test_articles, &gold, best.1);
            let default_score = score_with(&test_articles, &gold, &GroupConfig::default());
            let label = format!(
                "t={} name={} num={} lead={} k={} share={} coh={}",
                best.1.threshold,
                best.1.name_weight,
                best.1.number_weight,
                best.1.lead_weight,
                best.1.neighbours,
                best.1.neighbour_share,
                best.1.cohesion
            );
            println!(
                "split {split}: train {:.3} held-out {:.3} with {label} (defaults there {:.3})",
                best.0, test_score.bcubed_f1, default_score.bcubed_f1
            );
            *chosen_counts.entry(label).or_default() += 1;
            held_out.push(test_score.bcubed_f1);
        }
    }
    let mean = held_out.iter().sum::<f64>() / held_out.len() as f64;
    let min = held_out.iter().cloned().fold(1.0, f64::min);
    println!(
        "held-out BCubed F1: mean {mean:.3}, min {min:.3} over {} halves",
        held_out.len()
    );
    println!("chosen: {chosen_counts:?}");
    let all_prepared = group::prepare(&articles);
    let best_all = grid
        .iter()
        .map(|cfg| {
            (
                score_prepared(&articles, &all_prepared, &gold, cfg).bcubed_f1,
                cfg,
            )
        })
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .unwrap();
    println!(
        "best on all 50 stories: {:.3} with {:?}",
        best_all.0, best_all.1
    );
}

/// The TF-IDF + average-link baseline at its best threshold.
fn baseline() {
    let dir = data("ecbplus-dev");
    let gold = read_labels(&dir.join("labels.tsv"));
    let articles = load(&dir);
    let prepared = group::prepare(&articles);
    let best = (1..=60)
        .map(|t| {
            let cfg = GroupConfig {
                threshold: t as f32 / 100.0,
                cohesion: 0.0,
                name_weight: 0.0,
                number_weight: 0.0,
                lead_weight: 0.0,
                headline_weight: 0.0,
                neighbour_share: 0.0,
                date_half_life_days: 0.0,
                ..GroupConfig::default()
            };
            (
                score_prepared(&articles, &prepared, &gold, &cfg).bcubed_f1,
                cfg.threshold,
            )
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap();
    println!("baseline: BCubed F1 {:.3} at threshold {}", best.0, best.1);
}

/// BCubed F1 per ECB+ topic with the defaults.
fn per_topic() {
    let dir = data("ecbplus-dev");
    let gold = read_labels(&dir.join("labels.tsv"));
    let articles = load(&dir);
    let cfg = env_cfg();
    let stories = group::group(&articles, &cfg);
    let predicted = story_paths(&stories, &articles);
    let mut topics: Vec<&str> = gold.values().map(|g| topic(g)).collect();
    topics.sort();
    topics.dedup();
    for t in topics {
        let sub: BTreeMap<String, String> = gold
            .iter()
            .filter(|(_, g)| topic(g) == t)
            .map(|(f, g)| (f.clone(), g.clone()))
            .collect();
        let s = score(&sub, &predicted);
        if s.bcubed_f1 < 0.999 {
            println!(
                "topic {t:>3}: F1 {:.3} P {:.3} R {:.3}",
                s.bcubed_f1, s.bcubed_precision, s.bcubed_recall
            );
        }
    }
}

/// Scores when a loader moves the first line into the title.
fn titled_loader() {
    for set in ["ecbplus-dev", "newswcl50"] {
        let dir = data(set);
        let gold = read_labels(&dir.join("labels.tsv"));
        let articles = load(&dir);
        for all in [false, true] {
            let moved: Vec<Article> = articles
                .iter()
                .map(|a| {
                    let mut a = a.clone();
                    let (first, rest) = a.body.split_once('\n').unwrap_or((&a.body, ""));
                    let looks = group::title_of(&a) == first.trim()
                        && first.split_whitespace().count() <= 30;
                    if all || looks {
                        a.title = Some(first.trim().to_string());
                        a.body = rest.trim().to_string();
                    }
                    a
                })
                .collect();
            let s = score_with(&moved, &gold, &GroupConfig::default());
            println!(
                "{set} first line moved to title ({}): {:.3}",
                if all { "always" } else { "when headline-like" },
                s.bcubed_f1
            );
        }
    }
}

/// Each gold story and each ECB+ topic grouped on its own.
fn small_corpora() {
    for set in ["newswcl50", "ecbplus-dev"] {
        let dir = data(set);
        let gold = read_labels(&dir.join("labels.tsv"));
        let articles = load(&dir);
        let mut keys: Vec<String> = gold.values().cloned().collect();
        keys.sort();
        keys.dedup();
        let mut whole = 0;
        for g in &keys {
            let sub: Vec<Article> = articles
                .iter()
                .filter(|a| &gold[&file_name(&a.path)] == g)
                .cloned()
                .collect();
            let stories = group::group(&sub, &GroupConfig::default());
            if stories.len() == 1 {
                whole += 1;
            } else {
                let sizes: Vec<usize> = stories.iter().map(|s| s.articles.len()).collect();
                println!("{set} {g} alone: {sizes:?}");
            }
        }
        println!(
            "{set}: {whole} of {} stories whole when grouped alone",
            keys.len()
        );
        if set == "ecbplus-dev" {
            let mut topics: Vec<&str> = keys.iter().map(|k| topic(k)).collect();
            topics.dedup();
            let mut sum = 0.0;
            for t in &topics {
                let sub: Vec<Article> = articles
                    .iter()
                    .filter(|a| topic(&gold[&file_name(&a.path)]) == *t)
                    .cloned()
                    .collect();
                sum += score_with(&sub, &gold, &GroupConfig::default()).bcubed_f1;
            }
            println!(
                "ecbplus-dev topics alone: mean BCubed F1 {:.3}",
                sum / topics.len() as f64
            );
        }
    }
}
