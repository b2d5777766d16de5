//! Markdown report: reads well rendered on GitHub and as plain text in an editor.
//!
//! Word differences use GitHub's strikethrough and CommonMark's strong emphasis: `**words**`
//! are this outlet's own words (added, or put in place of others), `~~words~~` are the
//! reference's words it lacks, shown where they are missing. Every piece of article text goes
//! through [`escape::markdown`], so an article can add no link, image, HTML or emphasis.

use std::fmt::Write;
use std::io;

use super::StoryHead;
use super::escape::{self, markdown as esc};
use super::layout::{self, Piece};
use crate::model::{Comparison, DiffOp, DiscrepancyValue, Row};

/// Render comparisons as one Markdown document (stories one after another).
pub fn render(comparisons: &[Comparison]) -> String {
    let heads: Vec<StoryHead> = comparisons.iter().map(StoryHead::of).collect();
    let mut out = Vec::with_capacity(16 * 1024);
    // Writing into memory cannot fail.
    let _ = write_all(
        &mut out,
        &heads,
        comparisons.iter().cloned().map(Ok::<_, io::Error>),
    );
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Write the document story by story: each comparison is taken from `comparisons` when its
/// turn comes, rendered and written, so only one story is held in memory.
pub fn write_all<W, E>(
    out: &mut W,
    heads: &[StoryHead],
    comparisons: impl IntoIterator<Item = Result<Comparison, E>>,
) -> Result<(), E>
where
    W: io::Write + ?Sized,
    E: From<io::Error>,
{
    let mut text = String::new();
    match heads {
        [] => text.push_str("# parallax comparison\n\nNo stories to compare.\n"),
        [_] => {}
        many => {
            let _ = writeln!(text, "# parallax comparison: {} stories\n", many.len());
            for h in many {
                let _ = writeln!(
                    text,
                    "- {} (`{}`, {})",
                    esc(&h.title),
                    code(&h.id),
                    layout::count(h.sources, "source", "sources")
                );
            }
        }
    }
    out.write_all(text.as_bytes())?;
    for (k, c) in comparisons.into_iter().take(heads.len()).enumerate() {
        let c = c?;
        text.clear();
        if heads.len() > 1 {
            text.push_str("\n---\n\n");
        }
        story(&mut text, &c, k);
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// Text for inside a code span: backticks would end it, line breaks don't belong there, and
/// in a GitHub table even a code span needs its `|` escaped. Control, bidirectional and
/// invisible characters become `'` too.
fn code(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '`' || crate::text::controls::is_unsafe(c) {
                '\''
            } else {
                c
            }
        })
        .collect::<String>()
        .replace('|', "\\|")
}

/// The anchor GitHub gives the heading "Row N" of the k-th story (duplicates get `-1`, `-2`, ...).
fn row_anchor(row: usize, k: usize) -> String {
    if k == 0 {
        format!("#row-{row}")
    } else {
        format!("#row-{row}-{k}")
    }
}

fn row_link(row: usize, k: usize) -> String {
    format!("[{row}]({})", row_anchor(row, k))
}

fn story(out: &mut String, c: &Comparison, k: usize) {
    let _ = writeln!(out, "# {}\n", esc(&layout::full_title(c)));
    let reference = esc(layout::reference_name(c));
    let _ = writeln!(
        out,
        "Story `{}` · {} · {} · reading order of {} · parallax {}\n",
        code(&c.story.id),
        layout::count(c.articles.len(), "source", "sources"),
        layout::count(c.rows.len(), "aligned passage", "aligned passages"),
        reference,
        env!("CARGO_PKG_VERSION"),
    );
    sources(out, c);
    legend(out);
    passages(out, c);
    quotes(out, c);
    discrepancies(out, c, k);
    summary(out, c, k);
}

fn sources(out: &mut String, c: &Comparison) {
    out.push_str("## Sources\n\n");
    out.push_str("| # | Outlet | Title | Date | Words | Passages | File |\n");
    out.push_str("|--:|---|---|---|--:|--:|---|\n");
    for (i, a) in c.articles.iter().enumerate() {
        let rows = layout::carried(c, &a.id);
        let title = match (&a.title, a.url.as_deref().and_then(link_target)) {
            (Some(t), Some(u)) => format!("[{}]({u})", esc(t)),
            (Some(t), None) => esc(t),
            (None, Some(u)) => format!("[{}]({u})", esc(u)),
            (None, None) => "—".into(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | `{}` |",
            i + 1,
            esc(a.source.as_deref().unwrap_or("—")),
            title,
            esc(a.date.as_deref().unwrap_or("—")),
            layout::thousands(a.words),
            rows,
            code(&a.path),
        );
    }
    out.push('\n');
}

/// A URL to link to: plain http(s) made only of characters that need no escaping in a
/// Markdown link destination (no spaces, brackets, parentheses or angle brackets); anything
/// else is not linked.
fn link_target(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let plain = u
        .chars()
        .all(|ch| ch.is_ascii_alphanumeric() || "-._~:/?#@!$&'*+,;=%".contains(ch));
    (web && plain).then_some(u)
}

fn legend(out: &mut String) {
    out.push_str(
        "## How to read the passages\n\n\
         Each aligned passage lists the outlets that carry it, the row's reference first. For the \
         others, the label says how the passage relates to the reference (identical, verbatim \
         copy, close edit, paraphrase; with the share of words in common) and the text shows \
         the word differences:\n\n\
         - **bold** — this outlet's own words: added, or put in place of the reference's words\n\
         - ~~struck~~ — the reference's words this outlet leaves out, shown where they are \
         missing; struck words just before bold ones are the words those replace\n\
         - ⚠ — names, numbers, dates or speakers that differ between outlets in this passage\n\n\
         A passage marked *shown whole* shares fewer than half its words with the reference (a \
         paraphrase): it is given as it stands, without word marks, to be read against the \
         reference above it.\n\n",
    );
}

fn passages(out: &mut String, c: &Comparison) {
    out.push_str("## Aligned passages\n\n");
    if c.rows.is_empty() {
        out.push_str("No passages.\n\n");
    }
    for row in &c.rows {
        let _ = writeln!(out, "### Row {}\n", row.id);
        let ref_name = esc(layout::name_of(c, &row.reference));
        if layout::coverage(row) == 1 {
            let _ = writeln!(out, "*Only in {ref_name}*\n");
        } else {
            let _ = writeln!(
                out,
                "*{} of {} · reference: {}*\n",
                layout::coverage(row),
                layout::count(c.articles.len(), "source", "sources"),
                ref_name
            );
        }
        let ordered = row
            .cells
            .iter()
            .filter(|cell| cell.article == row.reference)
            .chain(
                row.cells
                    .iter()
                    .filter(|cell| cell.article != row.reference),
            );
        for cell in ordered {
            let Some(ai) = c.article_index(&cell.article) else {
                continue;
            };
            let a = &c.articles[ai];
            let (whole, pieces) = if layout::show_whole(row, cell) {
                (" · shown whole", layout::whole_pieces(a, row, cell))
            } else {
                ("", layout::pieces(a, row, cell))
            };
            let _ = writeln!(
                out,
                "- **{}** · {}{whole} — {}",
                esc(c.display_name(ai)),
                layout::relation_label(cell),
                cell_text(&pieces)
            );
        }
        for d in &row.discrepancies {
            let _ = writeln!(
                out,
                "- {} *{} differs{}:* {}{}",
                if d.doubtful { "?" } else { "⚠" },
                layout::fact_name(d.kind),
                if d.doubtful { " (doubtful)" } else { "" },
                versions(c, &d.values,),
                note(&d.note)
            );
        }
        out.push('\n');
    }
}

fn note(n: &str) -> String {
    if n.trim().is_empty() {
        String::new()
    } else {
        format!(" — {}", esc(n.trim()))
    }
}

/// "**CNBC** “10” · **RT** “11”", with the name a pronoun stands for: "“he” (Dmitry Peskov)".
fn versions(c: &Comparison, values: &[DiscrepancyValue]) -> String {
    values
        .iter()
        .map(|v| {
            let resolved = v
                .resolved
                .as_deref()
                .map_or(String::new(), |r| format!(" ({})", esc(r)));
            format!(
                "**{}** “{}”{resolved}",
                esc(layout::name_of(c, &v.article)),
                esc(v.text.trim())
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One cell's text with its differences against the reference marked.
fn cell_text(pieces: &[Piece<'_>]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < pieces.len() {
        match &pieces[i] {
            Piece::Gone { text, .. } => {
                let (before, after) = layout::gone_spacing(pieces, i);
                if before {
                    out.push(' ');
                }
                let _ = write!(out, "~~{}~~", esc(text.trim()));
                if after {
                    out.push(' ');
                }
                i += 1;
            }
            Piece::Text { op, .. } => {
                // Runs of the same operation become one emphasis, whatever marks split them.
                let mut run = String::new();
                while let Some(Piece::Text { text, op: o, .. }) = pieces.get(i) {
                    if o != op {
                        break;
                    }
                    run.push_str(text);
                    i += 1;
                }
                match op {
                    DiffOp::Added | DiffOp::Changed => {
                        let (lead, words, trail) = escape::markdown_parts(&run);
                        if lead && !out.ends_with(' ') {
                            out.push(' ');
                        }
                        if !words.is_empty() {
                            let _ = write!(out, "**{words}**");
                        }
                        if trail {
                            out.push(' ');
                        }
                    }
                    _ => {
                        let t = esc(&run);
                        out.push_str(
                            t.strip_prefix(' ')
                                .filter(|_| out.ends_with(' '))
                                .unwrap_or(&t),
                        );
                    }
                }
            }
        }
    }
    out.trim().to_string()
}

fn quotes(out: &mut String, c: &Comparison) {
    out.push_str("## Quotes\n\n");
    if c.quotes.is_empty() {
        out.push_str("No direct quotation was found.\n\n");
        return;
    }
    out.push_str(
        "The direct quotations, and how each outlet that carries one gives it: *fullest* is the longest \
         version, *identical* the same words, *trimmed* the same words with parts cut, \
         *reworded* other words inside quote marks, *indirect* reported speech.\n\n",
    );
    for g in &c.quotes {
        let speaker = g
            .speaker
            .as_deref()
            .map_or(String::new(), |s| format!(" — {}", esc(s)));
        let _ = writeln!(out, "### Quote {}{}\n", code(&g.id), speaker);
        out.push_str(
            "| Outlet | Verb | Fidelity | Words | Left out | Added |\n|---|---|---|---|---|---|\n",
        );
        for m in &g.members {
            let _ = writeln!(
                out,
                "| {} | {} | {} | “{}” | {} | {} |",
                esc(layout::name_of(c, &m.quote.article)),
                esc(m.quote.verb.as_deref().unwrap_or("—")),
                layout::fidelity_label(m),
                esc(m.quote.text.trim()),
                esc(&m.cut.join(" … ")),
                esc(&m.added.join(" … ")),
            );
        }
        out.push('\n');
    }
}

fn discrepancies(out: &mut String, c: &Comparison, k: usize) {
    out.push_str("## Discrepancies\n\n");
    let rows: Vec<&Row> = c
        .rows
        .iter()
        .filter(|r| r.discrepancies.iter().any(|d| !d.doubtful))
        .collect();
    if rows.is_empty() {
        out.push_str("No names, numbers, dates or speakers differ between aligned passages.\n\n");
        return;
    }
    out.push_str("| Row | Kind | Versions | Note |\n|--:|---|---|---|\n");
    // Doubtful ones stay in the row's detail only.
    for row in rows {
        for d in row.discrepancies.iter().filter(|d| !d.doubtful) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                row_link(row.id, k),
                layout::fact_name(d.kind),
                versions(c, &d.values,),
                esc(d.note.trim()),
            );
        }
    }
    out.push('\n');
}

/// Row links, at most `max` of them, then how many more.
fn row_list(ids: &[usize], k: usize, max: usize) -> String {
    if ids.is_empty() {
        return "—".into();
    }
    let mut s = ids
        .iter()
        .take(max)
        .map(|&r| row_link(r, k))
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > max {
        let _ = write!(s, " and {} more", ids.len() - max);
    }
    s
}

fn counts(words: &[crate::model::Count], max: usize) -> String {
    if words.is_empty() {
        return "—".into();
    }
    words
        .iter()
        .take(max)
        .map(|w| format!("{} ×{}", esc(&w.word), w.count))
        .collect::<Vec<_>>()
        .join(", ")
}

fn summary(out: &mut String, c: &Comparison, k: usize) {
    out.push_str("## Per outlet\n\n");
    for (i, a) in c.articles.iter().enumerate() {
        let _ = writeln!(out, "### {}\n", esc(c.display_name(i)));
        let s = c.summary.iter().find(|s| s.article == a.id);
        let _ = writeln!(
            out,
            "- Carries {} of {} · only here: {} · leaves out: {}",
            layout::carried(c, &a.id),
            layout::count(c.rows.len(), "passage", "passages"),
            s.map_or("—".into(), |s| row_list(&s.only_here, k, 12)),
            s.map_or("—".into(), |s| row_list(&s.omits, k, 12)),
        );
        if let Some(s) = s {
            let quotes = if s.quotes.is_empty() {
                String::new()
            } else {
                format!(
                    " · shared quotations: {}",
                    s.quotes
                        .iter()
                        .map(|q| code(q))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let _ = writeln!(out, "- Quotes directly: {}{quotes}", counts(&s.speakers, 8));
            let _ = writeln!(out, "- Reporting verbs: {}", counts(&s.reporting_verbs, 8));
            let _ = writeln!(
                out,
                "- Hedges: {} · labels: {} · loaded words: {}",
                counts(&s.hedges, 6),
                counts(&s.labels, 6),
                counts(&s.loaded_words, 8)
            );
        }
        let kinds = layout::mark_counts(a);
        if !kinds.is_empty() {
            let marks = kinds
                .iter()
                .map(|(kind, n)| format!("{} {n}", kind.as_str().replace('_', " ")))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(out, "- Framing marks: {marks}");
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_web_urls_are_linked() {
        assert_eq!(
            link_target("https://www.rt.com/news/a-b/"),
            Some("https://www.rt.com/news/a-b/")
        );
        assert_eq!(link_target("javascript:alert(1)"), None);
        assert_eq!(link_target("https://x.example/a>b"), None);
        assert_eq!(link_target("https://x.example/a b"), None);
        assert_eq!(link_target("https://x.example/a_(b)"), None);
    }

    #[test]
    fn anchors_follow_github_duplicates() {
        assert_eq!(row_anchor(3, 0), "#row-3");
        assert_eq!(row_anchor(3, 2), "#row-3-2");
    }

    #[test]
    fn cell_text_marks_changes_and_drops() {
        let pieces = vec![
            Piece::Text {
                text: "Peskov ",
                op: DiffOp::Equal,
                marks: vec![],
                facts: vec![],
            },
            Piece::Gone {
                text: "said",
                replaced: true,
            },
            Piece::Text {
                text: "told CNBC",
                op: DiffOp::Changed,
                marks: vec![],
                facts: vec![],
            },
            Piece::Text {
                text: " the ties were ",
                op: DiffOp::Equal,
                marks: vec![],
                facts: vec![],
            },
            Piece::Text {
                text: "badly ",
                op: DiffOp::Added,
                marks: vec![],
                facts: vec![],
            },
            Piece::Text {
                text: "damaged",
                op: DiffOp::Equal,
                marks: vec![],
                facts: vec![],
            },
            Piece::Gone {
                text: "in recent years",
                replaced: false,
            },
            Piece::Text {
                text: ".",
                op: DiffOp::Equal,
                marks: vec![],
                facts: vec![],
            },
        ];
        assert_eq!(
            cell_text(&pieces),
            "Peskov ~~said~~ **told CNBC** the ties were **badly** damaged ~~in recent years~~."
        );
    }
}
