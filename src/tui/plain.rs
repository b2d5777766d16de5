//! The story as plain text, for when output is not a terminal (piped or redirected): aligned
//! passages one after another with their outlets, differences marked `[-old-]{+new+}`.

use std::fmt::Write;

use super::app::initial_reference;
use super::layout::effective_reference;
use super::sanitize::{sanitize, sanitize_line};
use crate::config::reader::TuiConfig;
use crate::model::{Cell, Comparison, DiffOp, DiffSpan};

/// The whole comparison as plain text.
pub fn plain_text(c: &Comparison, cfg: &TuiConfig) -> String {
    let mut out = String::new();
    let reference = initial_reference(c, cfg.reference.as_deref());
    let _ = writeln!(out, "# {}", sanitize_line(&c.story.title));
    let _ = writeln!(out);
    let _ = writeln!(out, "Sources:");
    for (i, a) in c.articles.iter().enumerate() {
        let date = a
            .date
            .as_deref()
            .map(sanitize_line)
            .unwrap_or("undated".into());
        let title = a
            .title
            .as_deref()
            .map(|t| format!(" — {}", sanitize_line(t)))
            .unwrap_or_default();
        let r = if i == reference { " (reference)" } else { "" };
        let _ = writeln!(
            out,
            "  {}. {} ({date}){title}{r}",
            i + 1,
            sanitize_line(c.display_name(i))
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Words that differ from the reference are marked [-reference's words-]{{+this source's words+}}."
    );
    for row in &c.rows {
        let against = effective_reference(c, row, reference);
        let _ = writeln!(out);
        let only = if row.cells.len() == 1 && c.articles.len() > 1 {
            " · only this source"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "── Row {} · {} of {}{only}",
            row.id,
            row.cells.len(),
            super::plural(c.articles.len(), "source")
        );
        for cell in &row.cells {
            let Some(i) = c.article_index(&cell.article) else {
                continue;
            };
            // A passage no other source has is compared with nothing: not a "reference".
            let label = if row.cells.len() == 1 && c.articles.len() > 1 {
                "only here".to_string()
            } else if cell.article == against {
                "reference".to_string()
            } else {
                format!("{}, {:.2}", cell.relation.as_str(), cell.similarity)
            };
            let _ = writeln!(out, "{} ({label}):", sanitize_line(c.display_name(i)));
            let text = if cell.article == against {
                None
            } else {
                marked(cell, against)
            };
            let text = text.unwrap_or_else(|| sanitize(&cell.text).into_owned());
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let _ = writeln!(out, "  {}", line.trim_end());
            }
        }
        let absent: Vec<String> = c
            .absent_from(row)
            .into_iter()
            .map(|i| sanitize_line(c.display_name(i)).into_owned())
            .collect();
        if !absent.is_empty() && row.cells.len() > 1 {
            let _ = writeln!(out, "Not in: {}", absent.join(", "));
        }
        for d in &row.discrepancies {
            let values: Vec<String> = d
                .values
                .iter()
                .map(|v| {
                    let name = c
                        .article_index(&v.article)
                        .map_or(v.article.as_str(), |i| c.display_name(i));
                    format!("{}: {}", sanitize_line(name), sanitize_line(&v.text))
                })
                .collect();
            let _ = writeln!(out, "Discrepancy ({:?}): {}", d.kind, values.join(" | "));
        }
    }
    out
}

/// A cell's text with its differences against another cell marked, when the diff is there and
/// consistent with the text.
fn marked(cell: &Cell, against: &str) -> Option<String> {
    let spans = &cell.diffs.iter().find(|d| d.against == against)?.spans;
    marked_text(&cell.text, cell.start, spans)
}

/// `text` (at byte `base` of its body) with diff spans marked `[-old-]{+new+}`.
pub fn marked_text(text: &str, base: usize, spans: &[DiffSpan]) -> Option<String> {
    let end = base + text.len();
    let slice = |s: usize, e: usize| -> Option<&str> {
        if s < base || e > end || s > e {
            return None;
        }
        text.get(s - base..e - base)
    };
    let mut out = String::new();
    let mut pos = base;
    for s in spans {
        if s.op != DiffOp::Dropped && s.start > pos {
            out.push_str(slice(pos, s.start)?);
        }
        match s.op {
            DiffOp::Equal => out.push_str(slice(s.start, s.end)?),
            DiffOp::Changed => {
                let new = slice(s.start, s.end)?;
                match &s.old {
                    Some(old) => {
                        let _ = write!(out, "[-{}-]{{+{}+}}", old.trim(), new);
                    }
                    None => {
                        let _ = write!(out, "{{+{new}+}}");
                    }
                }
            }
            DiffOp::Added => {
                let _ = write!(out, "{{+{}+}}", slice(s.start, s.end)?);
            }
            DiffOp::Dropped => {
                let spaced_before = out.is_empty() || out.ends_with(char::is_whitespace);
                let _ = write!(out, "[-{}-]", s.text.trim());
                // Keep the marker a word of its own when it was lost together with a space.
                let next = text.get(pos.saturating_sub(base)..).unwrap_or("");
                if spaced_before && next.starts_with(|c: char| !c.is_whitespace()) {
                    out.push(' ');
                }
            }
        }
        if s.op != DiffOp::Dropped {
            pos = pos.max(s.end);
        }
    }
    if pos < end {
        out.push_str(slice(pos, end)?);
    }
    Some(sanitize(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(op: DiffOp, text: &str, old: Option<&str>, start: usize, end: usize) -> DiffSpan {
        DiffSpan {
            op,
            text: text.into(),
            old: old.map(Into::into),
            start,
            end,
        }
    }

    #[test]
    fn differences_are_marked_like_word_diff() {
        // "Lavrov claimed the talks were useful" at body offset 10, against
        // "Lavrov said the talks were very useful".
        let text = "Lavrov claimed the talks were useful";
        let spans = vec![
            span(DiffOp::Equal, "Lavrov ", None, 10, 17),
            span(DiffOp::Changed, "claimed", Some("said"), 17, 24),
            span(DiffOp::Equal, " the talks were", None, 24, 39),
            span(DiffOp::Dropped, "very", None, 39, 39),
            span(DiffOp::Equal, " useful", None, 39, 46),
        ];
        assert_eq!(
            marked_text(text, 10, &spans).unwrap(),
            "Lavrov [-said-]{+claimed+} the talks were[-very-] useful"
        );
    }

    #[test]
    fn inconsistent_offsets_give_none() {
        let spans = vec![span(DiffOp::Equal, "x", None, 0, 500)];
        assert!(marked_text("short", 0, &spans).is_none());
    }
}
