//! Values a config file may parse into but must not hold: `nan`, infinities, negative weights,
//! thresholds outside 0..1. Each would change results silently (`group.threshold = nan` puts
//! every article in a story of its own), so each is an error naming the key and its line.

use toml_edit::{Document, Item};

use super::{Config, ParseError};

/// The range each numeric setting must lie in (ends included), and why, in words.
const BOUNDS: &[(&str, &str, f64, f64)] = &[
    ("load", "max_file_bytes", 1.0, 1e12),
    ("load", "max_text_bytes", 1.0, 1e12),
    ("group", "threshold", 0.0, 1.0),
    ("group", "cohesion", 0.0, 1.0),
    ("group", "name_weight", 0.0, 100.0),
    ("group", "number_weight", 0.0, 100.0),
    ("group", "lead_weight", 0.0, 100.0),
    ("group", "headline_weight", 0.0, 100.0),
    ("group", "neighbours", 1.0, 1000.0),
    ("group", "neighbour_share", 0.0, 1.0),
    ("group", "date_grace_days", 0.0, 36500.0),
    ("group", "date_half_life_days", 0.0, 36500.0),
    ("align", "threshold", 0.0, 1.0),
    ("align", "max_cell_sentences", 1.0, 100.0),
    ("compare", "pairwise_diff_max_cells", 0.0, 1000.0),
];

/// Check the parsed config against [`BOUNDS`] and every number in the text for finiteness.
/// The error names the key and the line where the text sets it.
pub fn check(text: &str, cfg: &Config) -> Result<(), ParseError> {
    let doc = Document::parse(text).ok();
    let line_of = |section: &str, key: &str| -> Option<usize> {
        let span = doc.as_ref()?.get(section)?.get(key)?.span()?;
        text.get(..span.start)
            .map(|before| before.matches('\n').count() + 1)
    };
    let fail = |section: &str, key: &str, message: String| {
        let line = line_of(section, key);
        let at = line.map_or_else(String::new, |l| format!(" (line {l})"));
        ParseError {
            message: format!("[{section}] {key}{at}: {message}"),
            line,
        }
    };
    if let Some(doc) = &doc {
        for (section, item) in doc.iter() {
            let Some(table) = item.as_table_like() else {
                continue;
            };
            for (key, value) in table.iter() {
                if let Item::Value(toml_edit::Value::Float(f)) = value
                    && !f.value().is_finite()
                {
                    return Err(fail(
                        section,
                        key,
                        format!("{} is not a number this setting can use", f.value()),
                    ));
                }
            }
        }
    }
    let values = serde_json::to_value(cfg).unwrap_or_default();
    for &(section, key, min, max) in BOUNDS {
        let Some(v) = values.get(section).and_then(|s| s.get(key)) else {
            continue;
        };
        let ok = v
            .as_f64()
            .is_some_and(|x| x.is_finite() && (min..=max).contains(&x));
        if !ok {
            let shown = v.to_string();
            return Err(fail(
                section,
                key,
                format!("{shown} is out of range (from {min} to {max})"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::Config;

    #[test]
    fn non_finite_and_out_of_range_values_are_refused_with_key_and_line() {
        for (text, key, line) in [
            ("[group]\nthreshold = nan\n", "[group] threshold", 2),
            ("\n[align]\nthreshold = inf\n", "[align] threshold", 3),
            ("[group]\ncohesion = -0.5\n", "[group] cohesion", 2),
            ("[group]\nname_weight = -1\n", "[group] name_weight", 2),
            ("[align]\nthreshold = 1.5\n", "[align] threshold", 2),
            ("[group]\nneighbours = 0\n", "[group] neighbours", 2),
            ("[load]\nmax_file_bytes = 0\n", "[load] max_file_bytes", 2),
        ] {
            let err = Config::parse(text).unwrap_err();
            assert!(err.message.starts_with(key), "{text:?}: {}", err.message);
            assert_eq!(err.line, Some(line), "{text:?}: {}", err.message);
            assert!(
                err.message.contains(&format!("line {line}")),
                "{}",
                err.message
            );
        }
        assert!(Config::parse("[group]\nthreshold = 0.2\n[align]\nthreshold = 0.5\n").is_ok());
    }
}
