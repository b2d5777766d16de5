//! A faithful Rust port of `shared/eval/score_alignment.py`: scores a comparison export
//! (JSON) against gold passage correspondences.
//!
//! Gold lines: `{"story", "id", "kind", "members": [{"file", "snippet"}]}`.
//! - kind `quote` | `fact` | `paraphrase`: members should share one aligned row;
//! - kind `unique`: the member's passage has no counterpart; pairing it is an error;
//! - kind `boilerplate`: captions, credits, ads, metadata; must not appear in any cell.
//!
//! A gold member matches a cell when its normalised snippet lies inside the normalised cell
//! text and the cell's article path ends with the member's file name.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// One gold correspondence.
#[derive(Debug, Clone)]
pub struct Gold {
    /// Gold id, e.g. `seed-c1`.
    pub id: String,
    /// `quote`, `fact`, `paraphrase`, `unique` or `boilerplate`.
    pub kind: String,
    /// `(file name, snippet)` pairs.
    pub members: Vec<(String, String)>,
}

/// The scorer's findings.
#[derive(Debug, Clone, Default)]
pub struct AlignmentScore {
    /// Gold pairs (recall denominator).
    pub gold_pairs: usize,
    /// Gold pairs found in one row.
    pub found: usize,
    /// Predicted pairs whose two cells both hold annotated snippets.
    pub predicted: usize,
    /// Of those, the correct ones.
    pub correct: usize,
    /// Unique passages paired with something.
    pub unique_paired: usize,
    /// Number of unique gold passages.
    pub uniques: usize,
    /// Boilerplate snippets found in some cell.
    pub leaks: usize,
    /// Number of boilerplate gold items.
    pub boilerplate: usize,
    /// Pair precision.
    pub precision: f64,
    /// Pair recall.
    pub recall: f64,
    /// F1 of the two.
    pub f1: f64,
    /// Missed gold pairs, as the Python scorer prints them.
    pub missed: Vec<String>,
    /// Wrong predicted pairs, as the Python scorer prints them.
    pub wrong: Vec<String>,
}

impl AlignmentScore {
    /// The report the Python scorer prints (missed and wrong pairs, then the summary lines).
    pub fn report(&self) -> String {
        let mut out = String::new();
        for m in self.missed.iter().take(40) {
            out.push_str(&format!("missed {m}\n"));
        }
        for w in self.wrong.iter().take(40) {
            out.push_str(&format!("wrong  {w}\n"));
        }
        out.push_str(&format!(
            "pairs: gold {}, found {}; predicted annotated pairs {}, correct {}\n",
            self.gold_pairs, self.found, self.predicted, self.correct
        ));
        out.push_str(&format!(
            "unique passages paired with something: {}/{}; boilerplate in cells: {}/{}\n",
            self.unique_paired, self.uniques, self.leaks, self.boilerplate
        ));
        out.push_str(&format!(
            "precision {:.3} recall {:.3} F1 {:.3}\n",
            self.precision, self.recall, self.f1
        ));
        out
    }
}

/// The scorer's normalisation: NFKC, curly quotes and dashes folded, white space collapsed,
/// trimmed, lower case.
pub fn norm(s: &str) -> String {
    let folded: String = s
        .nfkc()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{00A0}' => ' ',
            c => c,
        })
        .collect();
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.to_lowercase()
}

/// Parse gold JSON lines.
pub fn parse_gold(text: &str) -> Vec<Gold> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("gold line is JSON");
            Gold {
                id: v["id"].as_str().unwrap_or_default().to_string(),
                kind: v["kind"].as_str().unwrap_or_default().to_string(),
                members: v["members"]
                    .as_array()
                    .map(|ms| {
                        ms.iter()
                            .map(|m| {
                                (
                                    m["file"].as_str().unwrap_or_default().to_string(),
                                    m["snippet"].as_str().unwrap_or_default().to_string(),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn basename(p: &str) -> &str {
    p.rsplit(['/', '\\']).next().unwrap_or(p)
}

/// Rows of exports as the scorer sees them: file name → normalised text of its cell(s).
pub fn rows_of(exports: &[Value]) -> Vec<BTreeMap<String, String>> {
    let mut rows = Vec::new();
    for doc in exports {
        let docs: Vec<&Value> = match doc.as_array() {
            Some(a) => a.iter().collect(),
            None => vec![doc],
        };
        for d in docs {
            let mut names: HashMap<String, String> = HashMap::new();
            for a in d["articles"].as_array().into_iter().flatten() {
                let id = a["id"].as_str().unwrap_or_default().to_string();
                let path = a["path"].as_str().filter(|p| !p.is_empty()).unwrap_or(&id);
                names.insert(id.clone(), basename(path).to_string());
            }
            for r in d["rows"].as_array().into_iter().flatten() {
                let mut cells: BTreeMap<String, String> = BTreeMap::new();
                for c in r["cells"].as_array().into_iter().flatten() {
                    let text = c["text"].as_str().unwrap_or_default();
                    if text.is_empty() {
                        continue;
                    }
                    let article = c["article"].as_str().unwrap_or_default();
                    let f = names
                        .get(article)
                        .cloned()
                        .unwrap_or_else(|| article.to_string());
                    let entry = cells.entry(f).or_default();
                    entry.push(' ');
                    entry.push_str(&norm(text));
                }
                rows.push(cells);
            }
        }
    }
    rows
}

/// Score exports against gold, exactly as `score_alignment.py` does.
pub fn score(gold: &[Gold], exports: &[Value]) -> AlignmentScore {
    let rows = rows_of(exports);
    let mut where_: BTreeMap<(String, String), BTreeSet<usize>> = BTreeMap::new();
    for g in gold {
        for (file, snippet) in &g.members {
            let sn = norm(snippet);
            let idx = rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.get(file).is_some_and(|t| t.contains(&sn)))
                .map(|(i, _)| i)
                .collect();
            where_.insert((g.id.clone(), file.clone()), idx);
        }
    }
    let kind: HashMap<&str, &str> = gold
        .iter()
        .map(|g| (g.id.as_str(), g.kind.as_str()))
        .collect();
    let mut s = AlignmentScore::default();
    for g in gold {
        if g.kind == "unique" || g.kind == "boilerplate" {
            continue;
        }
        for (i, a) in g.members.iter().enumerate() {
            for b in &g.members[i + 1..] {
                s.gold_pairs += 1;
                let wa = &where_[&(g.id.clone(), a.0.clone())];
                let wb = &where_[&(g.id.clone(), b.0.clone())];
                if wa.intersection(wb).next().is_some() {
                    s.found += 1;
                } else {
                    let snip: String = a.1.chars().take(50).collect();
                    s.missed.push(format!(
                        "{}: {}~{} \"{}\"",
                        g.id,
                        a.0.chars().take(3).collect::<String>(),
                        b.0.chars().take(3).collect::<String>(),
                        snip
                    ));
                }
            }
        }
    }
    let mut labels: HashMap<(usize, String), BTreeSet<String>> = HashMap::new();
    for ((gid, f), idx) in &where_ {
        for &i in idx {
            labels
                .entry((i, f.clone()))
                .or_default()
                .insert(gid.clone());
        }
    }
    let empty = BTreeSet::new();
    for (i, r) in rows.iter().enumerate() {
        let files: Vec<&String> = r.keys().collect();
        for (x, fa) in files.iter().enumerate() {
            for fb in &files[x + 1..] {
                let keep = |set: &BTreeSet<String>| -> BTreeSet<String> {
                    set.iter()
                        .filter(|id| kind.get(id.as_str()) != Some(&"boilerplate"))
                        .cloned()
                        .collect()
                };
                let la = keep(labels.get(&(i, (*fa).clone())).unwrap_or(&empty));
                let lb = keep(labels.get(&(i, (*fb).clone())).unwrap_or(&empty));
                if la.is_empty() || lb.is_empty() {
                    continue;
                }
                let shared_non_unique = la
                    .intersection(&lb)
                    .any(|id| kind.get(id.as_str()) != Some(&"unique"));
                if shared_non_unique {
                    s.correct += 1;
                } else {
                    s.wrong.push(format!(
                        "row {i}: {}{:?} ~ {}{:?}",
                        fa.chars().take(3).collect::<String>(),
                        la,
                        fb.chars().take(3).collect::<String>(),
                        lb
                    ));
                }
                s.predicted += 1;
            }
        }
    }
    for ((gid, _), idx) in &where_ {
        match kind.get(gid.as_str()) {
            Some(&"unique") if idx.iter().any(|&i| rows[i].len() > 1) => s.unique_paired += 1,
            Some(&"boilerplate") if !idx.is_empty() => s.leaks += 1,
            _ => {}
        }
    }
    s.uniques = gold.iter().filter(|g| g.kind == "unique").count();
    s.boilerplate = gold.iter().filter(|g| g.kind == "boilerplate").count();
    s.precision = if s.predicted > 0 {
        s.correct as f64 / s.predicted as f64
    } else {
        0.0
    };
    s.recall = if s.gold_pairs > 0 {
        s.found as f64 / s.gold_pairs as f64
    } else {
        0.0
    };
    s.f1 = if s.precision + s.recall > 0.0 {
        2.0 * s.precision * s.recall / (s.precision + s.recall)
    } else {
        0.0
    };
    s
}
