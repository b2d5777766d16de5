//! Story grouping against gold: the seed story, ECB+ (two look-alike events per topic) and
//! NewsWCL50 (one event told by five outlets), through the CLI and the library; and the port
//! of the scoring script. The development reports that chose the default settings are the
//! `grouping_report` example.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use assert_cmd::cargo::cargo_bin_cmd;
use parallax::config::Config;
use parallax::corpus::{self, Article};
use parallax::group::{self, GroupConfig};

use parallax_devkit::grouping_score::{read_labels, score, stories_from_json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn data(name: &str) -> PathBuf {
    root().join("tests/data").join(name)
}

fn sample() -> PathBuf {
    root().join("assets/sample")
}

fn load(dir: &Path) -> Vec<Article> {
    corpus::load_paths(&[dir.to_path_buf()], &Config::default().load).articles
}

/// The ECB+ development articles, loaded once for the tests that group parts of them.
fn ecbplus() -> &'static [Article] {
    static ARTICLES: LazyLock<Vec<Article>> = LazyLock::new(|| load(&data("ecbplus-dev")));
    &ARTICLES
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// `parallax stories PATH --format json` with the default settings (no user config file).
fn stories_json(path: &Path) -> serde_json::Value {
    let home = tempfile::tempdir().unwrap();
    let out = cargo_bin_cmd!("parallax")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .arg("stories")
        .arg(path)
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

/// Stories as sets of file names.
fn partition(stories: &[Vec<String>]) -> BTreeSet<BTreeSet<String>> {
    stories
        .iter()
        .map(|s| s.iter().map(|p| file_name(p)).collect())
        .collect()
}

/// Gold stories as sets of file names.
fn gold_partition(gold: &BTreeMap<String, String>) -> BTreeSet<BTreeSet<String>> {
    let mut by_story: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (file, story) in gold {
        by_story.entry(story).or_default().insert(file.clone());
    }
    by_story.into_values().collect()
}

#[test]
fn seed_story_holds_000_002_003_and_not_004() {
    let doc = stories_json(&sample());
    let stories = stories_from_json(&doc);
    let story_of = |prefix: &str| {
        stories
            .iter()
            .position(|s| s.iter().any(|p| file_name(p).starts_with(prefix)))
            .unwrap()
    };
    let story = story_of("000");
    assert_eq!(story_of("002"), story, "{stories:?}");
    assert_eq!(story_of("003"), story, "{stories:?}");
    assert_ne!(story_of("004"), story, "{stories:?}");
}

#[test]
fn ecbplus_dev_bcubed_f1_is_at_least_0_93() {
    let dir = data("ecbplus-dev");
    let gold = read_labels(&dir.join("labels.tsv"));
    let stories = stories_from_json(&stories_json(&dir));
    let s = score(&gold, &stories);
    println!("{s}");
    assert_eq!(s.articles, 575);
    assert!(s.bcubed_f1 >= 0.93, "{s}");
}

#[test]
fn newswcl50_ten_stories_are_recovered() {
    let dir = data("newswcl50");
    let gold = read_labels(&dir.join("labels.tsv"));
    let stories = stories_from_json(&stories_json(&dir));
    assert_eq!(partition(&stories), gold_partition(&gold));
}

#[test]
fn json_listing_keeps_the_contract() {
    let doc = stories_json(&sample());
    let stories = doc["stories"].as_array().unwrap();
    assert!(!stories.is_empty());
    let mut ids = BTreeSet::new();
    for s in stories {
        let id = s["id"].as_str().unwrap();
        assert!(ids.insert(id.to_string()), "duplicate id {id}");
        assert!(
            id.len() >= 6 && id.chars().all(|c| c.is_ascii_hexdigit()),
            "{id}"
        );
        assert!(!s["title"].as_str().unwrap().is_empty());
        for a in s["articles"].as_array().unwrap() {
            for key in ["id", "path", "source", "title", "date"] {
                assert!(a.get(key).is_some(), "article lacks {key}: {a}");
            }
        }
    }
}

#[test]
fn text_listing_shows_id_title_count_dates_and_outlets() {
    let home = tempfile::tempdir().unwrap();
    let out = cargo_bin_cmd!("parallax")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .arg("stories")
        .arg(sample())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let doc = stories_json(&sample());
    let first = &doc["stories"][0];
    let first_line = format!(
        "{}  {}",
        first["id"].as_str().unwrap(),
        first["title"].as_str().unwrap()
    );
    assert!(text.starts_with(&first_line), "{text}");
    assert!(text.contains("2025-02-25 to"), "{text}");
    assert!(text.contains("CNBC"), "{text}");
    assert!(text.contains("1 article, 2025-09-05, RT"), "{text}");
}

#[test]
fn stories_and_ids_do_not_depend_on_input_order() {
    let articles = load(&data("newswcl50"));
    let cfg = GroupConfig::default();
    let named = |arts: &[Article]| -> BTreeSet<(String, String, BTreeSet<String>)> {
        group::group(arts, &cfg)
            .into_iter()
            .map(|s| {
                let ids = s.articles.iter().map(|&i| arts[i].id.clone()).collect();
                (s.id, s.title, ids)
            })
            .collect()
    };
    let forward = named(&articles);
    let mut reversed = articles.clone();
    reversed.reverse();
    assert_eq!(forward, named(&reversed));
}

#[test]
fn scoring_port_matches_the_python_script() {
    // Figures printed by shared/eval/score_grouping.py on the same input: BCubed precision,
    // recall and F1 0.611, pairwise F1 0.250 (tp 1, fp 3, fn 3).
    let dir = tempfile::tempdir().unwrap();
    let labels = dir.path().join("labels.tsv");
    std::fs::write(
        &labels,
        "file\tstory_id\tsource\tdate\r\na.txt\tX\nb.txt\tX\nc.txt\tX\nd.txt\tY\ne.txt\tY\nf.txt\tZ\n",
    )
    .unwrap();
    let doc: serde_json::Value = serde_json::from_str(
        r#"{"stories": [{"articles": [{"path": "dir/a.txt"}, {"path": "b.txt"}, {"path": "d.txt"}]},
                        {"articles": [{"path": "c.txt"}]},
                        {"articles": [{"path": "e.txt"}, {"path": "f.txt"}, {"path": "zz.txt"}]}]}"#,
    )
    .unwrap();
    let s = score(&read_labels(&labels), &stories_from_json(&doc));
    assert_eq!((s.articles, s.gold_stories, s.predicted_stories), (6, 3, 3));
    assert!((s.bcubed_precision - 11.0 / 18.0).abs() < 1e-12);
    assert!((s.bcubed_recall - 11.0 / 18.0).abs() < 1e-12);
    assert!((s.bcubed_f1 - 11.0 / 18.0).abs() < 1e-12);
    assert_eq!((s.tp, s.fp, s.fn_), (1, 3, 3));
    assert!((s.pairwise_f1 - 0.25).abs() < 1e-12);
    // A gold file missing from the prediction counts as a story of its own.
    let partial = score(
        &read_labels(&labels),
        &[vec!["a.txt".into(), "b.txt".into()]],
    );
    assert_eq!(partial.predicted_stories, 5);
}

/// The articles of `dir` whose gold label satisfies `keep`.
fn subset(
    articles: &[Article],
    gold: &BTreeMap<String, String>,
    keep: impl Fn(&str) -> bool,
) -> Vec<Article> {
    articles
        .iter()
        .filter(|a| keep(&gold[&file_name(&a.path)]))
        .cloned()
        .collect()
}

#[test]
fn a_story_grouped_on_its_own_mostly_stays_whole() {
    // A folder holding one story only: the words its articles share must still count.
    let dir = data("ecbplus-dev");
    let gold = read_labels(&dir.join("labels.tsv"));
    let articles = ecbplus();
    let labels: BTreeSet<&String> = gold.values().collect();
    let whole = labels
        .iter()
        .filter(|g| {
            let alone = subset(articles, &gold, |l| l == g.as_str());
            group::group(&alone, &GroupConfig::default()).len() == 1
        })
        .count();
    assert!(whole >= 40, "{whole} of {} stories whole", labels.len());
}

#[test]
fn two_look_alike_events_on_their_own_stay_apart() {
    // Each ECB+ topic alone: a small folder holding just two events of one kind.
    let dir = data("ecbplus-dev");
    let gold = read_labels(&dir.join("labels.tsv"));
    let articles = ecbplus();
    let topic = |l: &str| l.split('_').next().unwrap_or(l).to_string();
    let topics: BTreeSet<String> = gold.values().map(|g| topic(g)).collect();
    let mut total = 0.0;
    for t in &topics {
        let alone = subset(articles, &gold, |l| topic(l) == *t);
        let stories = group::group(&alone, &GroupConfig::default());
        let predicted: Vec<Vec<String>> = stories
            .iter()
            .map(|s| s.articles.iter().map(|&i| alone[i].path.clone()).collect())
            .collect();
        let sub: BTreeMap<String, String> = gold
            .iter()
            .filter(|(_, g)| topic(g) == *t)
            .map(|(f, g)| (f.clone(), g.clone()))
            .collect();
        total += score(&sub, &predicted).bcubed_f1;
    }
    let mean = total / topics.len() as f64;
    assert!(
        mean >= 0.9,
        "mean BCubed F1 {mean:.3} over {} topics",
        topics.len()
    );
}

#[test]
fn config_example_documents_the_group_defaults() {
    let text = std::fs::read_to_string(root().join("config.example.toml")).unwrap();
    let start = text.find("\n[group]\n").unwrap();
    let section = match text[start + 1..].find("\n[") {
        Some(end) => &text[start..start + 1 + end],
        None => &text[start..],
    };
    let cfg = Config::parse(section).unwrap();
    assert_eq!(cfg.group, GroupConfig::default());
    // Every option is shown, not left to its default.
    let shown = section.lines().filter(|l| l.contains(" = ")).count();
    let fields = toml::Table::try_from(GroupConfig::default()).unwrap().len();
    assert_eq!(shown, fields, "{section}");
}
