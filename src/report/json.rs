//! JSON report: the Comparison model serialised as-is (the contract of DESIGN.md, documented
//! field by field in README's "JSON format").

use crate::model::Comparison;

/// One object for one comparison, an array for several (and `[]` for none).
pub fn render(comparisons: &[Comparison]) -> String {
    let mut out = match comparisons {
        [one] => serde_json::to_string_pretty(one),
        many => serde_json::to_string_pretty(many),
    }
    // The model is plain data (strings, numbers, lists), which serde_json always serialises;
    // should that ever change, the reader still gets valid JSON that says what went wrong.
    .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string());
    out.push('\n');
    out
}
