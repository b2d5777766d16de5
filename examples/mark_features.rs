//! Print the learned mark scorer's candidates with their features, one JSON object per line,
//! for `scripts/train-mark-scorer.py` (which is the only intended caller).
//!
//! Input: comparison JSON exports (`parallax export --format json`); every article's `body` is
//! analysed as `parallax` analyses it, with its story's topic words (those of the export's
//! articles) left out. With `--wnc FILE.jsonl`, the sentences of a Wiki
//! Neutrality Corpus file are analysed instead, one per line, keyed by their `id`.
//!
//! Output: a first line `{"features": [...]}`, then `{"file", "start", "end", "text", "x"}` per
//! candidate, `start`/`end` being byte offsets into the body (or sentence) and `x` the feature
//! vector in the order of the first line.
//!
//! Run: `cargo run --release --example mark_features -- EXPORT.json ...`

use parallax::compare::framing::{Topic, candidate_features};
use parallax::compare::lexicon::Lexicon;
use parallax::compare::mark_scorer::FEATURES;
use serde_json::{Value, json};

fn emit(file: &str, body: &str, lex: &Lexicon, topic: &Topic) {
    for (start, end, x) in candidate_features(body, lex, topic) {
        let row =
            json!({"file": file, "start": start, "end": end, "text": &body[start..end], "x": x});
        println!("{row}");
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lex = Lexicon::builtin();
    println!("{}", json!({ "features": FEATURES }));
    if args.first().is_some_and(|a| a == "--wnc") {
        for path in &args[1..] {
            for line in std::fs::read_to_string(path)?.lines() {
                let v: Value = serde_json::from_str(line)?;
                let (Some(id), Some(s)) = (v["id"].as_str(), v["sentence"].as_str()) else {
                    continue;
                };
                emit(id, s, lex, &Topic::default());
            }
        }
        return Ok(());
    }
    for path in &args {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
        let docs = match doc {
            Value::Array(a) => a,
            d => vec![d],
        };
        for d in docs {
            // The story's topic words, as `parallax` finds them over the story's articles.
            let articles: Vec<&Value> = d["articles"].as_array().into_iter().flatten().collect();
            let bodies: Vec<&str> = articles
                .iter()
                .map(|a| a["body"].as_str().unwrap_or(""))
                .collect();
            let topic = Topic::of_texts(&bodies);
            for (a, body) in articles.iter().zip(&bodies) {
                let file = a["path"].as_str().unwrap_or("");
                let file = file.rsplit('/').next().unwrap_or(file);
                emit(file, body, lex, &topic);
            }
        }
    }
    Ok(())
}
