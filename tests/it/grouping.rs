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

/// Look-alike events without dates, as a folder of saved pages holds them: each event told by
/// three outlets in their own words, beside unrelated news. Invented texts of the shape of
/// political news (one politician on two occasions; one kind of event for two people years
/// apart), not copies of any corpus.
mod look_alike {
    /// Senator Whitfield endorses a candidate for governor.
    pub const ENDORSEMENT: [&str; 3] = [
        "Whitfield Endorses Quintero in Governor's Race\n\
         Senator Dana Whitfield endorsed Mayor Rosa Quintero for governor on Saturday, handing \
         the mayor the backing of the state's best-known Democrat. Whitfield announced her \
         support at a rally in Springfield, telling a crowd of union members that Quintero \
         \"gets things done.\"\nQuintero, who trails in early polls, thanked the senator and \
         said the endorsement would help her reach voters outside the capital. Her rival in \
         the primary, Tom Becker, said endorsements do not fix potholes.",
        "Dana Whitfield backs Rosa Quintero for governor\n\
         Rosa Quintero won the endorsement of Senator Dana Whitfield at a Springfield rally, a \
         boost for the mayor weeks before the primary. \"She gets things done,\" Whitfield told \
         union members gathered outside the hall.\nThe endorsement is Whitfield's first in a \
         contested race in years. Becker's campaign played it down, and a spokesman said the \
         primary would be decided by voters, not by senators.",
        "A Senator's Blessing for the Mayor\n\
         The mayor of Springfield, Rosa Quintero, gained a powerful ally in her bid for \
         governor when Dana Whitfield, the state's senior senator, endorsed her at a union rally \
         on Saturday.\nWhitfield praised Quintero's record on housing and transit. Quintero, \
         who has struggled to raise money, called the endorsement a turning point; her \
         opponent Tom Becker was unmoved.",
    ];

    /// The same senator's campaign airs an attack ad on her own rival.
    pub const AD: [&str; 3] = [
        "Whitfield Campaign Launches Attack Ad Against Hollis\n\
         Senator Dana Whitfield's re-election campaign released a television ad on Tuesday \
         accusing her Republican challenger, Grant Hollis, of dodging taxes on his trucking \
         company. The 30-second spot will air in three media markets.\nHollis called the ad \
         a lie and said his company paid every cent it owed. Whitfield's campaign manager \
         said the ad relies on public court filings.",
        "New Whitfield ad hits Grant Hollis over taxes\n\
         A new television commercial from Dana Whitfield's campaign says Grant Hollis avoided \
         taxes for years through his trucking firm. The ad, the senator's first of the race, \
         begins airing this week.\nHollis, a businessman running his first campaign, said the \
         commercial was false and demanded stations pull it. Whitfield's aides stood by every \
         claim in the spot.",
        "Senator Goes Negative Early\n\
         Dana Whitfield, the senator facing a tough re-election, aired her first attack ad \
         against Grant Hollis on Tuesday, a spot that says his trucking company skipped its \
         taxes.\nHollis denied it. Strategists said the early ad shows the Whitfield campaign \
         takes the Republican seriously, months before voters pay attention.",
    ];

    /// A congressman indicted for fraud, 2012.
    pub const INDICTMENT_A: [&str; 3] = [
        "Congressman Ridley Indicted on Fraud Charges\n\
         Representative Paul Ridley was indicted on Thursday on charges that he used campaign \
         money to pay for family vacations, federal prosecutors said. Ridley, first elected in \
         2004, pleaded not guilty in federal court in 2012 and said he would not resign.\nThe \
         indictment lists $140,000 in spending on hotels and flights.",
        "Paul Ridley charged with misusing campaign funds\n\
         A federal grand jury indicted Paul Ridley, accusing the congressman of spending \
         $140,000 of campaign funds on vacations for his family. Ridley denied the charges \
         and called the 2012 case a political attack.\nHis lawyer said the spending was \
         approved by the campaign's treasurer.",
        "Ridley Indictment Rocks His District\n\
         Voters in Paul Ridley's district reacted with dismay to his indictment on fraud \
         charges in 2012. Prosecutors say the congressman billed vacations to his campaign, \
         some $140,000 in all.\nRidley has refused calls to resign.",
    ];

    /// A congresswoman indicted for bribery, 2019.
    pub const INDICTMENT_B: [&str; 3] = [
        "Congresswoman Kessler Indicted in Bribery Case\n\
         Representative Ann Kessler was indicted on Monday on charges that she took bribes \
         from a defense contractor in exchange for steering contracts, prosecutors said. \
         Kessler pleaded not guilty in 2019 and said she would not resign.\nThe indictment \
         says the contractor paid for a lake house.",
        "Ann Kessler charged with taking bribes\n\
         A federal grand jury indicted Ann Kessler, accusing the congresswoman of taking bribes \
         from a defense contractor, including a lake house. Kessler denied the charges in \
         2019 and called the case a political attack.\nHer lawyer said the house was a gift \
         from an old friend.",
        "Kessler Indictment Shakes Her District\n\
         Voters in Ann Kessler's district reacted with dismay to her indictment on bribery \
         charges in 2019. Prosecutors say the congresswoman steered contracts to a defense \
         firm that paid for her lake house.\nKessler has refused calls to resign.",
    ];

    /// Other news of the same seasons.
    pub const OTHERS: [&str; 6] = [
        "Rates Rise Again\nThe central bank raised interest rates by a quarter point on \
         Wednesday, citing stubborn inflation in services and a tight labour market.",
        "United Beat Arsenal\nManchester United beat Arsenal 2-1 at Old Trafford, with a late \
         header from a substitute settling a tense league match.",
        "Budget Passes After Long Night\nParliament passed the budget after a long night of \
         debate; the opposition said the spending cuts would hurt schools and hospitals.",
        "Still Lifes at the Gallery\nA new exhibition of Dutch still lifes opened at the \
         National Gallery, drawing long queues on its first weekend.",
        "Carmaker Recalls Vehicles\nShares of the carmaker fell sharply after it recalled \
         300,000 vehicles over faulty brakes, the company said in a statement.",
        "Snow Closes the Alps\nHeavy snow closed mountain passes and cancelled flights across \
         the Alps, and forecasters warned of avalanches.",
    ];
}

/// The look-alike events as undated articles (ids say which event: `end1`, `ad2`, ...).
fn look_alike_articles() -> Vec<Article> {
    use look_alike::*;
    let mut out = Vec::new();
    for (prefix, texts) in [
        ("end", &ENDORSEMENT[..]),
        ("ad", &AD[..]),
        ("ria", &INDICTMENT_A[..]),
        ("kes", &INDICTMENT_B[..]),
        ("other", &OTHERS[..]),
    ] {
        for (i, t) in texts.iter().enumerate() {
            let path = PathBuf::from(format!("{prefix}{i}.txt"));
            out.push(Article::new(&path, (*t).to_string()));
        }
    }
    out
}

/// Stories as sorted lists of article ids.
fn id_stories(articles: &[Article], stories: &[group::Story]) -> BTreeSet<Vec<String>> {
    stories
        .iter()
        .map(|s| {
            let mut ids: Vec<String> = s.articles.iter().map(|&i| articles[i].id.clone()).collect();
            ids.sort();
            ids
        })
        .collect()
}

#[test]
fn undated_look_alike_events_stay_apart_and_each_stays_whole() {
    let articles = look_alike_articles();
    let got = id_stories(&articles, &group::group(&articles, &GroupConfig::default()));
    for prefix in ["end", "ad", "ria", "kes"] {
        let whole: Vec<String> = (0..3).map(|i| format!("{prefix}{i}")).collect();
        assert!(got.contains(&whole), "{prefix}: {got:?}");
    }
    // Without the event signature, words and names alone join some of them.
    let off = GroupConfig {
        actor_gate: 0.0,
        event_gate: 0.0,
        ..GroupConfig::default()
    };
    let without = id_stories(&articles, &group::group(&articles, &off));
    assert_ne!(without, got);
}

/// `parallax ARGS` with no user config and an empty library.
fn parallax_at_home(args: &[&str], cwd: &Path) -> String {
    let home = tempfile::tempdir().unwrap();
    let out = cargo_bin_cmd!("parallax")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .current_dir(cwd)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_sample_with_no_path_is_grouped_into_its_two_stories() {
    let out = parallax_at_home(&["stories", "--format", "json"], root());
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let stories = stories_from_json(&doc);
    assert_eq!(stories.len(), 2, "{out}");
    let first: BTreeSet<String> = stories[0]
        .iter()
        .map(|p| file_name(p)[..3].to_string())
        .collect();
    assert_eq!(
        first,
        ["000", "001", "002", "003"].map(String::from).into(),
        "{out}"
    );
    // The reader opens on the story list, the four-source story first and selected.
    let loaded = corpus::load_sample();
    let grouped = group::group(&loaded.articles, &GroupConfig::default());
    let app = parallax::tui::app::App::new(loaded.articles, grouped, Config::default(), true);
    assert_eq!(app.screen(), parallax::tui::app::Screen::Stories);
    assert_eq!(app.list.selected, 0);
    assert_eq!(app.stories[0].count, 4);
}

#[test]
#[ignore = "open (issue 14): without dates 004 still joins 000-003; its signature (Peskov, no \
            event word in the lead) agrees with theirs"]
fn the_sample_without_its_sidecar_keeps_the_later_report_apart() {
    // No outlets, no dates: only the texts. 000, 002 and 003 report one statement; 004 is a
    // later statement of the same spokesman on the same relations.
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(sample()).unwrap() {
        let e = e.unwrap();
        if e.file_name() != "sources.toml" {
            std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
        }
    }
    let stories = stories_from_json(&stories_json(dir.path()));
    let story_of = |prefix: &str| {
        stories
            .iter()
            .position(|s| s.iter().any(|p| file_name(p).starts_with(prefix)))
            .unwrap()
    };
    assert_eq!(story_of("002"), story_of("000"), "{stories:?}");
    assert_eq!(story_of("003"), story_of("000"), "{stories:?}");
    assert_ne!(story_of("004"), story_of("000"), "{stories:?}");
}

#[test]
fn json_listing_gives_each_story_its_actors_and_when() {
    let dir = tempfile::tempdir().unwrap();
    for a in look_alike_articles() {
        std::fs::write(dir.path().join(&a.path), &a.body).unwrap();
    }
    let doc = stories_json(dir.path());
    let stories = doc["stories"].as_array().unwrap();
    let story_with = |id: &str| {
        stories
            .iter()
            .find(|s| {
                s["articles"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a["id"] == id)
            })
            .unwrap()
    };
    let kessler = story_with("kes0");
    let actors: Vec<&str> = kessler["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(actors.first().copied(), Some("Ann Kessler"), "{kessler}");
    assert_eq!(kessler["when"]["estimated"], true, "{kessler}");
    assert_eq!(kessler["when"]["from"], "2019-01-01", "{kessler}");
    let ad = story_with("ad0");
    assert!(
        ad["events"].as_array().unwrap().iter().any(|e| e == "ad"),
        "{ad}"
    );
    // Unrelated one-line news names no year: no window.
    assert!(story_with("other1")["when"].is_null());
}

#[test]
fn inspect_shows_the_window_an_undated_text_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("undated.txt");
    std::fs::write(
        &file,
        "Mayor Quits\nMayor Ivo Brandt resigned in March 2021, two years after his election.",
    )
    .unwrap();
    let text = parallax_at_home(&["inspect", file.to_str().unwrap()], dir.path());
    assert!(
        text.contains("date:   - (estimated from the text: 2021-03 to 2021-08)"),
        "{text}"
    );
    assert!(text.contains("actors: Ivo Brandt"), "{text}");
    assert!(text.contains("events: resign"), "{text}");
}
