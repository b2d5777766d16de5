//! Print how well parallax's framing marks find the words Wikipedia editors removed as biased
//! (the Wiki Neutrality Corpus sample in tests/data/wnc-sample): precision and recall of marked
//! words. The training split (used while building the lexicons) gets a curve over the grade
//! threshold (`[compare] min_grade`); the test split (only ever used to report) is scored once,
//! at the default threshold.
//!
//! Run: `cargo run --release --example wnc_eval` for the training curve, with `--test` for the
//! test split too; `--details [GRADE]` lists the words most often marked wrongly and missed on
//! the training split.

use parallax::compare::DEFAULT_MIN_GRADE;
use parallax_devkit::wnc;

const SELECTIONS: [(&str, wnc::Selection); 2] = [
    ("loaded", wnc::Selection::Loaded),
    ("framing", wnc::Selection::Framing),
];

fn line(split: &str, name: &str, min_grade: u8, n: usize, s: &wnc::Score) {
    println!(
        "{split:<6} {name:<8} {min_grade:>9}  {n:>9}  {:>5} ({:>4.1}%)        {:>6.3}     {:>6.3}                  {:>5.3} ({}/{})",
        s.marked,
        100.0 * s.marked_share(),
        s.precision(),
        s.recall(),
        s.span_recall(),
        s.spans_hit,
        s.spans
    );
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |split: &str| {
        wnc::read(&format!(
            "{root}/tests/data/wnc-sample/wnc_sample_{split}.jsonl"
        ))
    };
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--details") {
        let grade = args
            .get(at + 1)
            .and_then(|g| g.parse().ok())
            .unwrap_or(DEFAULT_MIN_GRADE);
        let sents = read("train");
        for (name, sel) in SELECTIONS {
            let (wrong, missed) = wnc::details(&sents, sel, grade);
            println!("{name}: marked outside removed spans (train): {wrong:?}");
            println!("{name}: removed but not marked (train): {missed:?}");
        }
        let rows = wnc::entry_precision(&sents, wnc::Selection::Framing, grade);
        println!("marked phrase (grade): marks / touching a removed span (train)");
        for (text, g, n, hit) in rows {
            println!("  {text} ({g}): {n} / {hit}");
        }
        return;
    }
    println!(
        "split  marks    min_grade  sentences  marked words (share)  precision  recall (content words)  spans hit"
    );
    let train = read("train");
    for (name, sel) in SELECTIONS {
        for g in 0..=3 {
            line(
                "train",
                name,
                g,
                train.len(),
                &wnc::score_from(&train, sel, g),
            );
        }
    }
    if !args.iter().any(|a| a == "--test") {
        println!("(add --test to score the test split, at the default threshold)");
        return;
    }
    let test = read("test");
    for (name, sel) in SELECTIONS {
        line(
            "test",
            name,
            DEFAULT_MIN_GRADE,
            test.len(),
            &wnc::score(&test, sel),
        );
    }
}
