//! Print how well parallax's framing marks find the words Wikipedia editors removed as biased
//! (the Wiki Neutrality Corpus sample in tests/data/wnc-sample): precision and recall of marked
//! words, on the training split (used while building the lexicons) and the test split (only
//! ever used to report).
//!
//! Run: `cargo run --release --example wnc_eval` (add `--details` for the words most often
//! marked wrongly and missed on the training split).

#[path = "../tests/support/wnc.rs"]
mod wnc;

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    if std::env::args().any(|a| a == "--details") {
        let sents = wnc::read(&format!(
            "{root}/tests/data/wnc-sample/wnc_sample_train.jsonl"
        ));
        for (name, sel) in [
            ("loaded", wnc::Selection::Loaded),
            ("framing", wnc::Selection::Framing),
        ] {
            let (wrong, missed) = wnc::details(&sents, sel);
            println!("{name}: marked outside removed spans (train): {wrong:?}");
            println!("{name}: removed but not marked (train): {missed:?}");
        }
        return;
    }
    println!(
        "split  marks    sentences  marked words (share)  precision  recall (content words)  spans hit"
    );
    for split in ["train", "test"] {
        let sents = wnc::read(&format!(
            "{root}/tests/data/wnc-sample/wnc_sample_{split}.jsonl"
        ));
        for (name, sel) in [
            ("loaded", wnc::Selection::Loaded),
            ("framing", wnc::Selection::Framing),
        ] {
            let s = wnc::score(&sents, sel);
            println!(
                "{split:<6} {name:<8} {:>9}  {:>5} ({:>4.1}%)        {:>6.3}     {:>6.3}                  {:>5.3} ({}/{})",
                sents.len(),
                s.marked,
                100.0 * s.marked_share(),
                s.precision(),
                s.recall(),
                s.span_recall(),
                s.spans_hit,
                s.spans
            );
        }
    }
}
