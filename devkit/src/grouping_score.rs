//! Story grouping scores: a faithful port of `shared/eval/score_grouping.py`.
//!
//! Gold is a `labels.tsv` (header line, then `file<TAB>story_id[<TAB>...]`); a prediction is a
//! list of stories, each a list of article paths. Articles are matched by file name; gold files
//! missing from the prediction count as singletons. BCubed precision and recall are averaged
//! over the gold articles; pairwise F1 counts pairs of gold articles put together.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// Scores of one predicted grouping against gold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// Number of gold articles.
    pub articles: usize,
    /// Number of gold stories.
    pub gold_stories: usize,
    /// Number of predicted stories over the gold articles (singletons included).
    pub predicted_stories: usize,
    /// BCubed precision.
    pub bcubed_precision: f64,
    /// BCubed recall.
    pub bcubed_recall: f64,
    /// BCubed F1, the headline score.
    pub bcubed_f1: f64,
    /// F1 over pairs of articles put together.
    pub pairwise_f1: f64,
    /// Pairs together in both.
    pub tp: usize,
    /// Pairs together in the prediction only.
    pub fp: usize,
    /// Pairs together in the gold only.
    pub fn_: usize,
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "articles {}, gold stories {}, predicted stories {}",
            self.articles, self.gold_stories, self.predicted_stories
        )?;
        writeln!(
            f,
            "pairwise F1 {:.3} (tp {}, fp {}, fn {})",
            self.pairwise_f1, self.tp, self.fp, self.fn_
        )?;
        write!(
            f,
            "BCubed precision {:.3} recall {:.3} F1 {:.3}",
            self.bcubed_precision, self.bcubed_recall, self.bcubed_f1
        )
    }
}

/// Read a `labels.tsv` into file name → gold story id (ordered by file name).
pub fn read_labels(path: &Path) -> BTreeMap<String, String> {
    // Python's text mode reads "\r\n" and "\r" as line ends.
    let text = std::fs::read_to_string(path)
        .unwrap()
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut gold = BTreeMap::new();
    for line in text.split_inclusive('\n').skip(1) {
        let parts: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
        if parts.len() >= 2 {
            gold.insert(parts[0].to_string(), parts[1].to_string());
        }
    }
    gold
}

/// The file name of a path, as the Python `os.path.basename`.
fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Each story as the paths of its articles, the form [`score`] takes.
pub fn story_paths(
    stories: &[parallax::group::Story],
    articles: &[parallax::corpus::Article],
) -> Vec<Vec<String>> {
    stories
        .iter()
        .map(|s| {
            s.articles
                .iter()
                .map(|&i| articles[i].path.clone())
                .collect()
        })
        .collect()
}

/// Score predicted stories (each a list of article paths) against gold labels.
pub fn score(gold: &BTreeMap<String, String>, stories: &[Vec<String>]) -> Score {
    let mut pred: HashMap<&str, usize> = HashMap::new();
    for (i, s) in stories.iter().enumerate() {
        for path in s {
            let name = basename(path);
            if let Some((key, _)) = gold.get_key_value(name) {
                pred.insert(key.as_str(), i);
            }
        }
    }
    let mut next = stories.len();
    for f in gold.keys() {
        if !pred.contains_key(f.as_str()) {
            pred.insert(f.as_str(), next);
            next += 1;
        }
    }
    let mut by_pred: HashMap<usize, HashSet<&str>> = HashMap::new();
    let mut by_gold: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (f, g) in gold {
        by_pred.entry(pred[f.as_str()]).or_default().insert(f);
        by_gold.entry(g.as_str()).or_default().insert(f);
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (f, g) in gold {
        let pc = &by_pred[&pred[f.as_str()]];
        let gc = &by_gold[g.as_str()];
        let inter = pc.intersection(gc).count() as f64;
        p += inter / pc.len() as f64;
        r += inter / gc.len() as f64;
    }
    let n = gold.len();
    let (p, r) = (p / n as f64, r / n as f64);
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let files: Vec<(&str, &str)> = gold.iter().map(|(f, g)| (f.as_str(), g.as_str())).collect();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (i, a) in files.iter().enumerate() {
        for b in &files[i + 1..] {
            let same_p = pred[a.0] == pred[b.0];
            let same_g = a.1 == b.1;
            tp += usize::from(same_p && same_g);
            fp += usize::from(same_p && !same_g);
            fn_ += usize::from(same_g && !same_p);
        }
    }
    let pairwise_f1 = if tp > 0 {
        2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
    } else {
        0.0
    };
    Score {
        articles: n,
        gold_stories: by_gold.len(),
        predicted_stories: by_pred.len(),
        bcubed_precision: p,
        bcubed_recall: r,
        bcubed_f1: f1,
        pairwise_f1,
        tp,
        fp,
        fn_,
    }
}

/// Predicted stories from `parallax stories --format json` output (or a bare list of stories).
pub fn stories_from_json(doc: &serde_json::Value) -> Vec<Vec<String>> {
    let list = doc.get("stories").unwrap_or(doc);
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| match a {
                    serde_json::Value::String(p) => p.clone(),
                    other => other["path"].as_str().unwrap().to_string(),
                })
                .collect()
        })
        .collect()
}
