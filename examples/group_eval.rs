//! Every figure issue 14 asks of story grouping, in one run: basil-dev (undated; the tuning
//! half, stories whose id starts 0-7, and the held-out half, 8-f, each grouped on its own, and
//! all 66 together), ECB+ development topics, NewsWCL50, the seed articles without their
//! sources.toml, and the bundled sample as `parallax` with no path groups it.
//!
//! ```sh
//! cargo run --release --example group_eval
//! cargo run --release --example group_eval -- errors     # merged and split basil-dev stories (tuning half)
//! cargo run --release --example group_eval -- agreement  # actor/event agreement, same vs other story
//! ```
//!
//! The shared data is read from `../shared` beside the package (`PARALLAX_SHARED` overrides).
//! Settings come from the defaults, each overridable from the environment for experiments:
//! T, COH, NAME, NUM, LEAD, HEAD, K, SHARE, AG (actor_gate), EG (event_gate), EH
//! (estimate_half_life_days), DH (date_half_life_days).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use parallax::config::Config;
use parallax::corpus::{self, Article};
use parallax::group::{self, GroupConfig};
use parallax_devkit::grouping_score::{Score, read_labels, score, story_paths};

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let cfg = env_cfg();
    match mode.as_str() {
        "" => figures(&cfg),
        "errors" => errors(&cfg),
        "agreement" => agreement(),
        other => {
            eprintln!("unknown mode {other:?} (none, errors, agreement)");
            std::process::exit(2);
        }
    }
}

fn shared() -> PathBuf {
    std::env::var_os("PARALLAX_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| parallax_devkit::package_root().join("../shared"))
}

fn load(dir: &Path) -> Vec<Article> {
    corpus::load_paths(&[dir.to_path_buf()], &Config::default().load).articles
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Defaults, each overridable from the environment (see the module doc).
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
        cohesion: get("COH", d.cohesion),
        name_weight: get("NAME", d.name_weight),
        number_weight: get("NUM", d.number_weight),
        lead_weight: get("LEAD", d.lead_weight),
        headline_weight: get("HEAD", d.headline_weight),
        neighbours: get("K", d.neighbours as f32) as usize,
        neighbour_share: get("SHARE", d.neighbour_share),
        actor_gate: get("AG", d.actor_gate),
        event_gate: get("EG", d.event_gate),
        estimate_half_life_days: get("EH", d.estimate_half_life_days),
        date_half_life_days: get("DH", d.date_half_life_days),
        ..d
    }
}

fn score_of(articles: &[Article], gold: &BTreeMap<String, String>, cfg: &GroupConfig) -> Score {
    let stories = group::group(articles, cfg);
    score(gold, &story_paths(&stories, articles))
}

fn line(name: &str, s: &Score) {
    println!(
        "{name:<44} BCubed F1 {:.3} (P {:.3}, R {:.3}), {} stories for {} gold, {} articles",
        s.bcubed_f1,
        s.bcubed_precision,
        s.bcubed_recall,
        s.predicted_stories,
        s.gold_stories,
        s.articles
    );
}

/// The basil-dev articles and gold, and which stories are in the tuning half.
struct Basil {
    articles: Vec<Article>,
    gold: BTreeMap<String, String>,
}

fn basil() -> Basil {
    let dir = shared().join("data/basil-dev");
    Basil {
        articles: load(&dir),
        gold: read_labels(&dir.join("labels.tsv")),
    }
}

/// The tuning half: stories whose id starts with 0-7.
fn tuning(story: &str) -> bool {
    story.starts_with(['0', '1', '2', '3', '4', '5', '6', '7'])
}

impl Basil {
    /// Articles and gold of the stories `keep` selects.
    fn half(&self, keep: impl Fn(&str) -> bool) -> (Vec<Article>, BTreeMap<String, String>) {
        let gold: BTreeMap<String, String> = self
            .gold
            .iter()
            .filter(|(_, s)| keep(s))
            .map(|(f, s)| (f.clone(), s.clone()))
            .collect();
        let articles = self
            .articles
            .iter()
            .filter(|a| gold.contains_key(&file_name(&a.path)))
            .cloned()
            .collect();
        (articles, gold)
    }
}

fn figures(cfg: &GroupConfig) {
    println!("settings: {cfg:?}\n");
    let b = basil();
    let (tune_a, tune_g) = b.half(tuning);
    let (held_a, held_g) = b.half(|s| !tuning(s));
    line(
        "basil-dev, tuning half (ids 0-7)",
        &score_of(&tune_a, &tune_g, cfg),
    );
    line(
        "basil-dev, held-out half (ids 8-f)",
        &score_of(&held_a, &held_g, cfg),
    );
    line(
        "basil-dev, all 66 stories",
        &score_of(&b.articles, &b.gold, cfg),
    );

    let ecb = shared().join("data/ecbplus-dev");
    line(
        "ecbplus-dev",
        &score_of(&load(&ecb), &read_labels(&ecb.join("labels.tsv")), cfg),
    );
    let ecb_articles = load(&ecb);
    let ecb_gold = read_labels(&ecb.join("labels.tsv"));
    let labels: std::collections::BTreeSet<&String> = ecb_gold.values().collect();
    let whole = labels
        .iter()
        .filter(|g| {
            let alone: Vec<Article> = ecb_articles
                .iter()
                .filter(|a| ecb_gold.get(&file_name(&a.path)) == Some(g))
                .cloned()
                .collect();
            group::group(&alone, cfg).len() == 1
        })
        .count();
    println!(
        "{:<44} {whole} of {} stay whole",
        "ecbplus-dev, each story alone",
        labels.len()
    );
    let wcl = shared().join("data/newswcl50");
    line(
        "newswcl50",
        &score_of(&load(&wcl), &read_labels(&wcl.join("labels.tsv")), cfg),
    );

    println!();
    seeds_without_sidecar(cfg);
    println!();
    let sample = corpus::load_sample().articles;
    let stories = group::group(&sample, cfg);
    println!(
        "sample (no path): {} stories: {}",
        stories.len(),
        stories
            .iter()
            .map(|s| format!(
                "[{}]",
                s.articles
                    .iter()
                    .map(|&i| &sample[i].id[..3])
                    .collect::<Vec<_>>()
                    .join(" ")
            ))
            .collect::<Vec<_>>()
            .join(" ")
    );
}

/// The seed articles copied to a temporary folder without their sources.toml.
fn seeds_without_sidecar(cfg: &GroupConfig) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let seeds = shared().join("seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        println!("seeds: {} not found", seeds.display());
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        if name != "sources.toml" {
            std::fs::copy(e.path(), tmp.path().join(&name)).expect("copy a seed");
        }
    }
    let articles = load(tmp.path());
    let stories = group::group(&articles, cfg);
    for s in &stories {
        let members: Vec<String> = s
            .articles
            .iter()
            .map(|&i| {
                let a = &articles[i];
                let when = match group::describe_article(a).when {
                    group::When::Dated(d) => d.to_string(),
                    group::When::Estimated(w) => format!("~{}", group::describe_window(&w)),
                    group::When::Unknown => "undated".into(),
                };
                format!("{} ({when})", &a.id[..3])
            })
            .collect();
        println!("seeds without sources.toml: story {}", members.join(", "));
    }
}

/// Basil-dev tuning-half stories merged with others or split, with headlines.
fn errors(cfg: &GroupConfig) {
    let b = basil();
    let (articles, gold) = b.half(tuning);
    let stories = group::group(&articles, cfg);
    for s in &stories {
        let labels: Vec<&str> = s
            .articles
            .iter()
            .map(|&i| gold[&file_name(&articles[i].path)].as_str())
            .collect();
        let mixed = labels.iter().any(|l| *l != labels[0]);
        let whole = gold.values().filter(|g| *g == labels[0]).count() == labels.len();
        if mixed || !whole {
            println!("{} story {}:", if mixed { "MERGED" } else { "SPLIT" }, s.id);
            for &i in &s.articles {
                let a = &articles[i];
                let sig = group::describe_article(a);
                println!(
                    "  {:.8}  {:<60.60}  {:?} {:?}",
                    gold[&file_name(&a.path)],
                    group::title_of(a),
                    sig.actors,
                    sig.events
                );
            }
        }
    }
}

/// Distribution of actor and event agreement over candidate pairs of basil-dev (tuning half)
/// and ECB+, for pairs of one story and pairs of two.
fn agreement() {
    let b = basil();
    let (articles, gold) = b.half(tuning);
    let ecb = shared().join("data/ecbplus-dev");
    let ecb_a = load(&ecb);
    let ecb_g = read_labels(&ecb.join("labels.tsv"));
    for (name, articles, gold) in [
        ("basil-dev tuning", &articles, &gold),
        ("ecbplus-dev", &ecb_a, &ecb_g),
    ] {
        let prepared = group::prepare(articles);
        let edges = group::similarity_graph(&prepared, &GroupConfig::default());
        let mut same = [Vec::new(), Vec::new()];
        let mut other = [Vec::new(), Vec::new()];
        for &(i, j, _) in &edges {
            let (i, j) = (i as usize, j as usize);
            let one = gold[&file_name(&articles[i].path)] == gold[&file_name(&articles[j].path)];
            let (a, e) = prepared.agreement(i, j);
            let bucket = if one { &mut same } else { &mut other };
            bucket[0].push(a);
            bucket[1].push(e);
        }
        for (part, k) in [("actors", 0), ("events", 1)] {
            for (label, v) in [("same story", &same[k]), ("other story", &other[k])] {
                let missing = v.iter().filter(|x| x.is_none()).count();
                let mut xs: Vec<f32> = v.iter().flatten().copied().collect();
                xs.sort_by(f32::total_cmp);
                let q = |p: f32| {
                    xs.get(((xs.len() as f32 - 1.0) * p) as usize)
                        .copied()
                        .unwrap_or(f32::NAN)
                };
                println!(
                    "{name:<18} {part:<7} {label:<12} pairs {:>5}, missing {:>4}, quartiles {:.2} {:.2} {:.2}, zero {:>4}",
                    v.len(),
                    missing,
                    q(0.25),
                    q(0.5),
                    q(0.75),
                    xs.iter().filter(|&&x| x == 0.0).count()
                );
            }
        }
    }
}
