//! JSON report: the Comparison model serialised as-is.

use crate::model::Comparison;

/// One object for one comparison, an array for several.
pub fn render(comparisons: &[Comparison]) -> String {
    let mut out = match comparisons {
        [one] => serde_json::to_string_pretty(one),
        many => serde_json::to_string_pretty(many),
    }
    .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
