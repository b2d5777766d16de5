//! Full-screen text pages: a row's detail, one article whole, and the help. Each is built into
//! wrapped, styled lines when opened (or when the width changes) and then only scrolled.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::app::App;
use super::layout::effective_reference;
use super::sanitize::{sanitize, sanitize_line};
use super::styled::passage_pieces;
use super::theme::Theme;
use super::wrap::wrap;
use crate::config::keys::{Action, Context};
use crate::model::{Comparison, DiffOp, DiffSpan, MarkKind, Row};

/// Left margin of text pages (row numbers in the article view).
pub const PAGE_GUTTER: u16 = 6;
/// Left edge of the first source column in the coverage map.
pub const COVERAGE_LEFT: u16 = 8;

/// A scrollable page of prepared lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Shown in the title bar.
    pub title: String,
    /// The lines, gutter included.
    pub lines: Vec<Line<'static>>,
    /// First line shown.
    pub scroll: usize,
    /// Text width the lines were wrapped to.
    pub width: u16,
    /// (row index, line) where each aligned passage starts (article page).
    pub anchors: Vec<(usize, usize)>,
}

fn owned(pieces: &[(String, Style)]) -> Vec<(&str, Style)> {
    pieces.iter().map(|(t, s)| (t.as_str(), *s)).collect()
}

fn indent(lines: Vec<Line<'static>>, by: usize) -> impl Iterator<Item = Line<'static>> {
    lines.into_iter().map(move |mut l| {
        l.spans.insert(0, Span::raw(" ".repeat(by)));
        l
    })
}

/// Pieces showing a cell's full word diff: removed words crossed out before their
/// replacement, added words emphasised, framing marks kept.
fn full_diff_pieces(
    text: &str,
    base: usize,
    marks: &[crate::model::Mark],
    spans: &[DiffSpan],
    theme: &Theme,
) -> Vec<(String, Style)> {
    let end = base + text.len();
    let covered: usize = spans
        .iter()
        .filter(|s| s.op != DiffOp::Dropped)
        .map(|s| s.end.saturating_sub(s.start))
        .sum();
    let valid = |s: &DiffSpan| {
        s.start >= base
            && s.end <= end
            && s.start <= s.end
            && text.is_char_boundary(s.start - base)
            && text.is_char_boundary(s.end - base)
    };
    if spans.is_empty() || covered != text.len() || !spans.iter().all(valid) {
        return passage_pieces(text, base, marks, spans, "", theme);
    }
    let mut out: Vec<(String, Style)> = Vec::new();
    let mut pos = base;
    for s in spans {
        if s.start > pos {
            out.extend(passage_pieces(
                &text[pos - base..s.start - base],
                pos,
                marks,
                &[],
                "",
                theme,
            ));
        }
        let lead = |out: &[(String, Style)]| {
            out.last()
                .is_some_and(|(t, _)| !t.ends_with(char::is_whitespace))
        };
        match s.op {
            DiffOp::Dropped => {
                let sp = if lead(&out) { " " } else { "" };
                out.push((format!("{sp}[-"), theme.dropped));
                out.push((sanitize(s.text.trim()).into_owned(), theme.struck));
                out.push(("-]".into(), theme.dropped));
                out.push((" ".into(), theme.text));
            }
            _ => {
                if let (DiffOp::Changed, Some(old)) = (s.op, &s.old) {
                    out.push(("[-".into(), theme.dropped));
                    out.push((sanitize(old.trim()).into_owned(), theme.struck));
                    out.push(("-]".into(), theme.dropped));
                    out.push((" ".into(), theme.text));
                }
                let style = match s.op {
                    DiffOp::Changed => Some(theme.changed),
                    DiffOp::Added => Some(theme.added),
                    _ => None,
                };
                for (t, st) in passage_pieces(
                    &text[s.start - base..s.end - base],
                    s.start,
                    marks,
                    &[],
                    "",
                    theme,
                ) {
                    out.push((t, style.map_or(st, |x| st.patch(x))));
                }
            }
        }
        pos = pos.max(s.end);
    }
    if pos < end {
        out.extend(passage_pieces(
            &text[pos - base..],
            pos,
            marks,
            &[],
            "",
            theme,
        ));
    }
    out
}

fn heading(text: &str, theme: &Theme) -> Line<'static> {
    Line::styled(text.to_string(), theme.title)
}

/// Everything about one row: each source's passage with its relation and word differences,
/// quotations and their fidelity, discrepancies and framing notes.
pub fn detail(
    c: &Comparison,
    row_index: usize,
    reference: usize,
    theme: &Theme,
    width: u16,
) -> Page {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let Some(row) = c.rows.get(row_index) else {
        return Page {
            title: "Row".into(),
            width,
            ..Page::default()
        };
    };
    let w = usize::from(width);
    let against = effective_reference(c, row, reference).to_string();
    let against_i = c.article_index(&against).unwrap_or(0);
    lines.push(Line::from(vec![
        Span::styled(
            format!("{} of {} sources", row.cells.len(), c.articles.len()),
            theme.dim,
        ),
        Span::styled(" · differences against ".to_string(), theme.dim),
        Span::styled(
            sanitize_line(c.display_name(against_i)).into_owned(),
            theme.header_reference,
        ),
    ]));
    lines.push(Line::default());
    for cell in &row.cells {
        let Some(i) = c.article_index(&cell.article) else {
            continue;
        };
        let a = &c.articles[i];
        let is_ref = cell.article == against;
        let mut head = vec![Span::styled(
            sanitize_line(c.display_name(i)).into_owned(),
            if is_ref {
                theme.header_reference
            } else {
                theme.header
            },
        )];
        if let Some(d) = &a.date {
            head.push(Span::styled(format!(" · {}", sanitize_line(d)), theme.dim));
        }
        let rel = if is_ref {
            "reference".to_string()
        } else if row.cells.len() == 1 {
            "only this source".to_string()
        } else {
            format!(
                "{} · similarity {:.2}",
                cell.relation.as_str(),
                cell.similarity
            )
        };
        head.push(Span::styled(
            format!(" · {rel}"),
            if row.cells.len() == 1 {
                theme.unique
            } else {
                theme.dim
            },
        ));
        lines.push(Line::from(head));
        let spans = if is_ref {
            &[][..]
        } else {
            cell.diffs
                .iter()
                .find(|d| d.against == against)
                .map_or(&[][..], |d| d.spans.as_slice())
        };
        let pieces = full_diff_pieces(&cell.text, cell.start, &a.marks, spans, theme);
        lines.extend(indent(
            wrap(&owned(&pieces), w.saturating_sub(2).max(10)),
            2,
        ));
        lines.push(Line::default());
    }
    let absent: Vec<String> = c
        .absent_from(row)
        .into_iter()
        .map(|i| sanitize_line(c.display_name(i)).into_owned())
        .collect();
    if !absent.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Not in this row: ".to_string(), theme.header),
            Span::styled(absent.join(", "), theme.placeholder),
        ]));
        lines.push(Line::default());
    }
    quotes_section(c, row, theme, w, &mut lines);
    discrepancies_section(c, row, theme, w, &mut lines);
    framing_section(c, row, theme, w, &mut lines);
    Page {
        title: format!("Row {} of {}", row.id, c.rows.len()),
        lines,
        scroll: 0,
        width,
        anchors: Vec::new(),
    }
}

fn quotes_section(
    c: &Comparison,
    row: &Row,
    theme: &Theme,
    w: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let in_row = |article: &str, start: usize, end: usize| {
        row.cells
            .iter()
            .any(|cell| cell.article == article && start < cell.end && end > cell.start)
    };
    let groups: Vec<_> = c
        .quotes
        .iter()
        .filter(|g| {
            g.members
                .iter()
                .any(|m| in_row(&m.quote.article, m.quote.start, m.quote.end))
        })
        .collect();
    if groups.is_empty() {
        return;
    }
    lines.push(heading("Quotations", theme));
    for g in groups {
        let who = g
            .speaker
            .as_deref()
            .map(|s| format!(" — {}", sanitize_line(s)))
            .unwrap_or_default();
        lines.push(Line::styled(format!("  {}{who}", g.id), theme.header));
        for m in &g.members {
            let name = c
                .article_index(&m.quote.article)
                .map_or(m.quote.article.as_str(), |i| c.display_name(i));
            let fidelity = format!("{:?}", m.fidelity).to_lowercase();
            let mut text = format!(
                "{}: {fidelity} — “{}”",
                sanitize_line(name),
                sanitize_line(&m.quote.text)
            );
            if !m.cut.is_empty() {
                text.push_str(&format!(" (cut: {})", sanitize_line(&m.cut.join(" … "))));
            }
            if let Some(v) = &m.quote.verb {
                text.push_str(&format!(" [{}]", sanitize_line(v)));
            }
            lines.extend(indent(
                wrap(&[(&text, theme.text)], w.saturating_sub(4).max(10)),
                4,
            ));
        }
    }
    lines.push(Line::default());
}

fn discrepancies_section(
    c: &Comparison,
    row: &Row,
    theme: &Theme,
    w: usize,
    lines: &mut Vec<Line<'static>>,
) {
    if row.discrepancies.is_empty() {
        return;
    }
    lines.push(heading("Discrepancies", theme));
    for d in &row.discrepancies {
        let mut kind = format!("{:?}", d.kind).to_lowercase();
        if d.doubtful {
            kind.push_str(" (doubtful)");
        }
        let note = if d.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", sanitize_line(&d.note))
        };
        lines.push(Line::styled(format!("  {kind}{note}"), theme.header));
        for v in &d.values {
            let name = c
                .article_index(&v.article)
                .map_or(v.article.as_str(), |i| c.display_name(i));
            let text = format!("{}: {}", sanitize_line(name), sanitize_line(&v.text));
            lines.extend(indent(
                wrap(&[(&text, theme.changed)], w.saturating_sub(4).max(10)),
                4,
            ));
        }
    }
    lines.push(Line::default());
}

fn framing_section(
    c: &Comparison,
    row: &Row,
    theme: &Theme,
    w: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let mut found = Vec::new();
    for cell in &row.cells {
        let Some(i) = c.article_index(&cell.article) else {
            continue;
        };
        for m in c.articles[i]
            .marks
            .iter()
            .filter(|m| m.start < cell.end && m.end > cell.start)
        {
            found.push((i, m));
        }
    }
    if found.is_empty() {
        return;
    }
    lines.push(heading("Framing", theme));
    for (i, m) in found {
        let mut spans = vec![
            Span::raw("  "),
            Span::styled(sanitize_line(c.display_name(i)).into_owned(), theme.header),
            Span::styled(
                format!(" · {} · ", m.kind.as_str().replace('_', " ")),
                theme.dim,
            ),
            Span::styled(format!("“{}”", sanitize_line(&m.text)), theme.mark(m.kind)),
        ];
        if !m.note.is_empty() {
            spans.push(Span::styled(
                format!(" — {}", sanitize_line(&m.note)),
                theme.dim,
            ));
        }
        let line = Line::from(spans);
        if super::wrap::line_width(&line) <= w {
            lines.push(line);
        } else {
            let pieces: Vec<(String, Style)> = line
                .spans
                .iter()
                .map(|s| (s.content.to_string(), s.style))
                .collect();
            lines.extend(indent(
                wrap(&owned(&pieces), w.saturating_sub(2).max(10)),
                2,
            ));
        }
    }
    lines.push(Line::default());
}

/// One article whole, passage by passage: passages other sources share are tinted, passages
/// only this source has are marked, text outside any row is dim. The gutter gives row numbers.
pub fn article(c: &Comparison, index: usize, theme: &Theme, width: u16) -> Page {
    let Some(a) = c.articles.get(index) else {
        return Page::default();
    };
    let w = usize::from(width);
    // (start, end, row index, shared with other sources)
    let mut passages: Vec<(usize, usize, usize, bool)> = Vec::new();
    for (ri, row) in c.rows.iter().enumerate() {
        for cell in row.cells.iter().filter(|cell| cell.article == a.id) {
            if cell.start < cell.end && cell.end <= a.body.len() {
                passages.push((cell.start, cell.end, ri, row.cells.len() > 1));
            }
        }
    }
    passages.sort_unstable();
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut anchors = Vec::new();
    let mut head = vec![Span::styled(
        sanitize_line(c.display_name(index)).into_owned(),
        theme.header_reference,
    )];
    if let Some(d) = &a.date {
        head.push(Span::styled(format!(" · {}", sanitize_line(d)), theme.dim));
    }
    if let Some(t) = &a.title {
        head.push(Span::styled(
            format!(" · {}", sanitize_line(t)),
            theme.header,
        ));
    }
    let shared = passages.iter().filter(|p| p.3).count();
    head.push(Span::styled(
        format!(
            " · {} passages, {} shared, {} only here",
            passages.len(),
            shared,
            passages.len() - shared
        ),
        theme.dim,
    ));
    let pad = " ".repeat(usize::from(PAGE_GUTTER));
    lines.push(Line::from(head));
    if let Some(url) = &a.url {
        lines.push(Line::styled(
            format!("{} (u opens it in the browser)", sanitize_line(url)),
            theme.dim,
        ));
    }
    lines.push(Line::default());
    let mut pos = 0usize;
    let emit = |lines: &mut Vec<Line<'static>>,
                pieces: Vec<(String, Style)>,
                gutter: Option<Span<'static>>| {
        for (k, mut l) in wrap(&owned(&pieces), w).into_iter().enumerate() {
            let g = match (&gutter, k) {
                (Some(g), 0) => g.clone(),
                _ => Span::raw(pad.clone()),
            };
            l.spans.insert(0, g);
            lines.push(l);
        }
    };
    let body = a.body.as_str();
    let paragraph_break = |lines: &mut Vec<Line<'static>>, gap: &str| {
        if gap.contains('\n') && lines.last().is_some_and(|l| !l.spans.is_empty()) {
            lines.push(Line::default());
        }
    };
    for &(start, end, ri, is_shared) in &passages {
        if start < pos || !body.is_char_boundary(start) || !body.is_char_boundary(end) {
            continue;
        }
        let gap = &body[pos..start];
        if !gap.trim().is_empty() {
            paragraph_break(&mut lines, &gap[..gap.len() - gap.trim_start().len()]);
            let pieces = passage_pieces(
                gap.trim(),
                pos + (gap.len() - gap.trim_start().len()),
                &a.marks,
                &[],
                "",
                theme,
            );
            let pieces = pieces
                .into_iter()
                .map(|(t, s)| (t, s.patch(theme.dim)))
                .collect();
            emit(&mut lines, pieces, None);
            paragraph_break(&mut lines, &gap[gap.trim_end().len()..]);
        } else {
            paragraph_break(&mut lines, gap);
        }
        anchors.push((ri, lines.len()));
        let tint = if is_shared {
            theme.aligned
        } else {
            theme.unique
        };
        let pieces = passage_pieces(&body[start..end], start, &a.marks, &[], "", theme)
            .into_iter()
            .map(|(t, s)| (t, s.patch(tint)))
            .collect();
        let id = c.rows[ri].id;
        let gutter = if is_shared {
            Span::styled(format!("{id:>4}  "), theme.dim)
        } else {
            Span::styled(format!("{id:>4}◆ "), theme.unique)
        };
        emit(&mut lines, pieces, Some(gutter));
        pos = end;
    }
    if pos < body.len() && !body[pos..].trim().is_empty() {
        let rest = &body[pos..];
        paragraph_break(&mut lines, rest);
        let lead = rest.len() - rest.trim_start().len();
        let pieces = passage_pieces(rest.trim(), pos + lead, &a.marks, &[], "", theme)
            .into_iter()
            .map(|(t, s)| (t, s.patch(theme.dim)))
            .collect();
        emit(&mut lines, pieces, None);
    }
    Page {
        title: format!("Article {} of {}", index + 1, c.articles.len()),
        lines,
        scroll: 0,
        width,
        anchors,
    }
}

/// One outlet's summary, as the reports compute it: the quotations it carries, what only it
/// reports, what most others have and it leaves out, its reporting verbs, loaded words,
/// labels, hedges and whom it quotes.
pub fn outlet(c: &Comparison, index: usize, theme: &Theme, width: u16) -> Page {
    let Some(a) = c.articles.get(index) else {
        return Page::default();
    };
    let w = usize::from(width).max(20);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut head = vec![Span::styled(
        sanitize_line(c.display_name(index)).into_owned(),
        theme.header_reference,
    )];
    if let Some(d) = &a.date {
        head.push(Span::styled(format!(" · {}", sanitize_line(d)), theme.dim));
    }
    head.push(Span::styled(format!(" · {} words", a.words), theme.dim));
    lines.push(Line::from(head));
    if let Some(t) = &a.title {
        lines.extend(wrap(&[(&sanitize_line(t), theme.header)], w));
    }
    if let Some(url) = &a.url {
        lines.push(Line::styled(sanitize_line(url).into_owned(), theme.dim));
    }
    lines.push(Line::default());
    let Some(sum) = c.summary.iter().find(|s| s.article == a.id) else {
        lines.push(Line::styled(
            "No summary for this source in the comparison.",
            theme.placeholder,
        ));
        return Page {
            title: format!("Outlet {} of {}", index + 1, c.articles.len()),
            lines,
            scroll: 0,
            width,
            anchors: Vec::new(),
        };
    };
    let passage = |row_id: usize| -> Option<String> {
        let row = c.rows.iter().find(|r| r.id == row_id)?;
        let cell = row
            .cells
            .iter()
            .find(|cell| cell.article == a.id)
            .or_else(|| row.cells.first())?;
        Some(sanitize_line(&cell.text).into_owned())
    };
    let list = |lines: &mut Vec<Line<'static>>, title: &str, items: Vec<String>| {
        lines.push(heading(&format!("{title} ({})", items.len()), theme));
        if items.is_empty() {
            lines.push(Line::styled("  none", theme.placeholder));
        }
        for item in items {
            lines.extend(indent(wrap(&[(item.as_str(), theme.text)], w - 4), 2));
        }
        lines.push(Line::default());
    };
    let rows = |ids: &[usize]| -> Vec<String> {
        ids.iter()
            .map(|&id| match passage(id) {
                Some(t) => format!("row {id}: {t}"),
                None => format!("row {id}"),
            })
            .collect()
    };
    list(&mut lines, "Only this source reports", rows(&sum.only_here));
    list(
        &mut lines,
        "Most others report, this source leaves out",
        rows(&sum.omits),
    );
    let quotes: Vec<String> = sum
        .quotes
        .iter()
        .filter_map(|id| c.quotes.iter().find(|q| &q.id == id))
        .map(|g| {
            let text = g
                .members
                .iter()
                .find(|m| m.quote.article == a.id)
                .or_else(|| g.members.first())
                .map(|m| sanitize_line(&m.quote.text).into_owned())
                .unwrap_or_default();
            let who = g
                .speaker
                .as_deref()
                .map(|s| format!("{}: ", sanitize_line(s)))
                .unwrap_or_default();
            format!(
                "{who}“{text}” ({} of {} sources)",
                g.members.len(),
                c.articles.len()
            )
        })
        .collect();
    list(&mut lines, "Quotations carried", quotes);
    let counts = |v: &[crate::model::Count]| -> Vec<String> {
        if v.is_empty() {
            Vec::new()
        } else {
            vec![
                v.iter()
                    .map(|x| format!("{} ×{}", sanitize_line(&x.word), x.count))
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        }
    };
    for (title, v) in [
        ("Reporting verbs", &sum.reporting_verbs),
        ("Loaded words", &sum.loaded_words),
        ("Labels", &sum.labels),
        ("Hedges", &sum.hedges),
        ("Quotes directly", &sum.speakers),
    ] {
        let items = counts(v);
        lines.push(heading(title, theme));
        if items.is_empty() {
            lines.push(Line::styled("  none", theme.placeholder));
        }
        for item in items {
            lines.extend(indent(wrap(&[(item.as_str(), theme.text)], w - 4), 2));
        }
        lines.push(Line::default());
    }
    Page {
        title: format!("Outlet {} of {}", index + 1, c.articles.len()),
        lines,
        scroll: 0,
        width,
        anchors: Vec::new(),
    }
}

/// The files loading skipped, one per warning, with why.
pub fn warnings(warnings: &[String], theme: &Theme, width: u16) -> Page {
    let w = usize::from(width).max(20);
    let mut lines = Vec::new();
    if warnings.is_empty() {
        lines.push(Line::styled(
            "Every file given was read: nothing was skipped.",
            theme.placeholder,
        ));
    } else {
        lines.push(Line::styled(
            format!(
                "{} could not be read and {} left out:",
                super::plural(warnings.len(), "file or record"),
                if warnings.len() == 1 { "was" } else { "were" }
            ),
            theme.dim,
        ));
        lines.push(Line::default());
    }
    for warning in warnings {
        let text = sanitize_line(warning);
        let mut wrapped = wrap(&[(&text, theme.text)], w - 2).into_iter();
        if let Some(mut first) = wrapped.next() {
            first.spans.insert(0, Span::styled("• ", theme.hint_key));
            lines.push(first);
        }
        lines.extend(indent(wrapped.collect(), 2));
    }
    Page {
        title: super::plural(warnings.len(), "warning"),
        lines,
        scroll: 0,
        width,
        anchors: Vec::new(),
    }
}

/// The help page: every key as bound now, the mouse, and what the styles mean.
pub fn help(app: &App) -> Page {
    let t = &app.theme;
    let km = &app.keymap;
    let mut lines = vec![
        Line::styled(
            "Keys (change them in the [tui.keys] section of the config file)",
            t.dim,
        ),
        Line::default(),
    ];
    for (context, name) in Context::SECTIONS {
        let entries: Vec<(Action, &str)> = Action::TABLE
            .iter()
            .filter_map(|info| {
                let usage = info.action.in_context(context)?;
                Some((info.action, usage.help.unwrap_or(info.help)))
            })
            .collect();
        if entries.is_empty() {
            continue;
        }
        lines.push(heading(name, t));
        for (a, desc) in entries {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<16}", km.keys_of(a)), t.hint_key),
                Span::styled(desc.to_string(), t.text),
            ]));
        }
        lines.push(Line::default());
    }
    lines.push(heading("Dialogs", t));
    for (k, d) in [
        (
            "Enter / Esc",
            "confirm / cancel the search, filter or export",
        ),
        ("Tab ← →", "export: change the format"),
        (
            "Space / x",
            "sources: show or hide the source under the cursor",
        ),
        ("Ctrl-u", "clear the text typed"),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("  {k:<16}"), t.hint_key),
            Span::styled(d.to_string(), t.text),
        ]));
    }
    lines.push(Line::default());
    lines.push(heading("Mouse", t));
    let mouse = if app.cfg.mouse {
        "wheel scrolls; click a row to select it, click it again for its detail; click a column header to make it the reference; set mouse = false in [tui] to select text with the mouse instead"
    } else {
        "off (mouse = false in [tui]): the terminal's own text selection works"
    };
    lines.extend(indent(
        wrap(
            &[(mouse, t.text)],
            usize::from(app.size.0.saturating_sub(4)).max(20),
        ),
        2,
    ));
    lines.push(Line::default());
    lines.push(heading("What the styles mean", t));
    let legend: Vec<(Span<'static>, &str)> = vec![
        (
            Span::styled("changed", t.changed),
            "words that differ from the reference column",
        ),
        (
            Span::styled("added", t.added),
            "words the reference does not have",
        ),
        (
            Span::styled("[−3]", t.dropped),
            "three words of the reference left out here",
        ),
        (
            Span::styled("—", t.placeholder),
            "this source says nothing in this row",
        ),
        (Span::styled("◆", t.unique), "a row only one source has"),
        (Span::styled("▶", t.cursor), "the current row"),
        (
            Span::styled("said", t.mark(MarkKind::Attribution)),
            "attribution",
        ),
        (Span::styled("reportedly", t.mark(MarkKind::Hedge)), "hedge"),
        (
            Span::styled("clearly", t.mark(MarkKind::Booster)),
            "booster",
        ),
        (
            Span::styled("regime", t.mark(MarkKind::Loaded)),
            "loaded wording",
        ),
        (
            Span::styled("state-run", t.mark(MarkKind::Label)),
            "label of a source or actor",
        ),
        (
            Span::styled("“quoted”", t.mark(MarkKind::Quote)),
            "direct quotation",
        ),
        (
            Span::styled("“so-called”", t.mark(MarkKind::ScareQuote)),
            "scare quotes",
        ),
        (
            Span::styled("disgraceful", t.mark(MarkKind::SpeakerLoaded)),
            "loaded word in a quotation (the speaker's)",
        ),
        (
            Span::styled("██ ▓▓ ▒▒ ░░ ··", t.text),
            "coverage map: similarity to the reference column, high to low; absent",
        ),
    ];
    for (sample, what) in legend {
        let pad = 16usize.saturating_sub(unicode_width::UnicodeWidthStr::width(
            sample.content.as_ref(),
        ));
        lines.push(Line::from(vec![
            Span::raw("  "),
            sample,
            Span::raw(" ".repeat(pad)),
            Span::styled(what.to_string(), t.text),
        ]));
    }
    Page {
        title: "Help".into(),
        lines,
        scroll: 0,
        width: app.text_width(),
        anchors: Vec::new(),
    }
}

/// Which sources fit in the coverage map: (first, count), keeping `selected` in view.
pub fn coverage_window(sources: usize, width: u16, selected: usize) -> (usize, usize) {
    let room = usize::from(width.saturating_sub(COVERAGE_LEFT + 24) / 3).max(1);
    let count = sources.min(room);
    let first = if selected >= count {
        selected + 1 - count
    } else {
        0
    };
    (first.min(sources.saturating_sub(count)), count)
}
