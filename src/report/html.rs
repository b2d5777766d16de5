//! HTML report: one self-contained page (inline CSS, no script, no network) with the sources
//! side by side, word differences and framing marks highlighted as in the reader, a legend, a
//! coverage heat map, quotes, discrepancies and the per-outlet summary. Light and dark follow
//! the reader's system setting; printing gives clean landscape pages.
//!
//! Every piece of article text goes through [`escape::html`]; article text is only ever
//! element content or a quoted `title` attribute, and a Content-Security-Policy forbids any
//! script, so even a missed escape could not run code.

use std::fmt::Write;
use std::io;

use super::StoryHead;
use super::escape::{self, html as esc};
use super::layout::{self, Piece};
use crate::model::{Cell, Comparison, DiffOp, DiscrepancyValue, MarkKind, Relation, Row};

const CSS: &str = include_str!("report.css");

/// Kinds of framing marks in legend order, with how they look and what they mean.
const MARK_LEGEND: &[(MarkKind, &str, &str)] = &[
    (
        MarkKind::Attribution,
        "said",
        "attribution: who says it, and the reporting verb",
    ),
    (MarkKind::Hedge, "reportedly", "hedge: doubt or distance"),
    (
        MarkKind::Booster,
        "clearly",
        "booster: certainty or intensity",
    ),
    (
        MarkKind::Loaded,
        "fuming",
        "loaded: emotive or judging words",
    ),
    (
        MarkKind::Label,
        "state-run",
        "label: how a source or actor is labelled",
    ),
    (MarkKind::Quote, "“we support it”", "quotation"),
    (
        MarkKind::ScareQuote,
        "“reset”",
        "scare quotes: quote marks that keep a word at a distance",
    ),
    (
        MarkKind::SpeakerLoaded,
        "“disgraceful”",
        "a loaded word inside a quotation: the speaker's, not the outlet's",
    ),
];

/// Relations in heat-map legend order.
const RELATIONS: &[(Relation, &str)] = &[
    (Relation::Reference, "reference passage"),
    (Relation::Identical, "identical"),
    (Relation::Verbatim, "verbatim copy"),
    (Relation::Close, "close edit"),
    (Relation::Paraphrase, "paraphrase"),
    (Relation::Unique, "only this outlet"),
];

/// Render comparisons as one HTML page.
pub fn render(comparisons: &[Comparison]) -> String {
    let heads: Vec<StoryHead> = comparisons.iter().map(StoryHead::of).collect();
    let mut out = Vec::with_capacity(64 * 1024);
    // Writing into memory cannot fail.
    let _ = write_all(
        &mut out,
        &heads,
        comparisons.iter().cloned().map(Ok::<_, io::Error>),
    );
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Write the page story by story: each comparison is taken from `comparisons` when its turn
/// comes, rendered and written, so only one story is held in memory.
pub fn write_all<W, E>(
    out: &mut W,
    heads: &[StoryHead],
    comparisons: impl IntoIterator<Item = Result<Comparison, E>>,
) -> Result<(), E>
where
    W: io::Write + ?Sized,
    E: From<io::Error>,
{
    let mut comparisons = comparisons.into_iter().take(heads.len());
    // One story: its page is titled with its full headline, which its comparison knows.
    let first = match heads {
        [_] => comparisons.next().transpose()?,
        _ => None,
    };
    let title = match (&first, heads) {
        (Some(c), _) => layout::full_title(c),
        (None, [one]) => one.title.clone(),
        (None, many) => format!("parallax comparison: {} stories", many.len()),
    };
    let mut text = String::with_capacity(64 * 1024);
    text.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    text.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">\n",
    );
    text.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    text.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n");
    let _ = writeln!(
        text,
        "<meta name=\"generator\" content=\"parallax {}\">",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(text, "<title>{} · parallax</title>", esc(&title));
    let _ = writeln!(text, "<style>\n{CSS}</style>\n</head>\n<body>");

    if heads.len() != 1 {
        let _ = writeln!(text, "<h1>{}</h1>", esc(&title));
        if heads.is_empty() {
            text.push_str("<p>No stories to compare.</p>\n");
        } else {
            text.push_str("<nav class=\"toc\">");
            for (k, h) in heads.iter().enumerate() {
                let _ = write!(text, "<a href=\"#s{k}\">{}</a> ", esc(&h.title));
            }
            text.push_str("</nav>\n");
        }
    }
    if heads.len() > 1 {
        toolbar(&mut text);
    }
    out.write_all(text.as_bytes())?;
    for (k, c) in first.map(Ok).into_iter().chain(comparisons).enumerate() {
        let c = c?;
        text.clear();
        story(&mut text, &c, k, heads.len() == 1);
        out.write_all(text.as_bytes())?;
    }
    text.clear();
    let _ = writeln!(
        text,
        "<footer>Made with parallax {} from the files listed under Sources. Highlights are \
         pointers for a reader, not verdicts.</footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    out.write_all(text.as_bytes())?;
    Ok(())
}

fn toolbar(out: &mut String) {
    out.push_str(
        "<div class=\"toolbar\" role=\"group\" aria-label=\"Display\">\
         <strong>Show</strong>\
         <label><input type=\"checkbox\" id=\"t-diff\" checked> word differences</label>\
         <label><input type=\"checkbox\" id=\"t-full\"> replaced and dropped words in full</label>\
         <label><input type=\"checkbox\" id=\"t-marks\" checked> framing marks</label>\
         <label><input type=\"checkbox\" id=\"t-single\" checked> passages only one outlet has</label>\
         </div>\n",
    );
}

fn story(out: &mut String, c: &Comparison, k: usize, alone: bool) {
    let p = format!("s{k}");
    let _ = writeln!(out, "<section class=\"story\" id=\"{p}\">");
    let tag = if alone { "h1" } else { "h2" };
    let _ = writeln!(out, "<{tag}>{}</{tag}>", esc(&layout::full_title(c)));
    let reference = esc(layout::reference_name(c));
    let _ = writeln!(
        out,
        "<p class=\"meta\">Story <code>{}</code> · {} · {} · reading order of {}</p>",
        esc(&c.story.id),
        layout::count(c.articles.len(), "source", "sources"),
        layout::count(c.rows.len(), "aligned passage", "aligned passages"),
        reference
    );
    if alone {
        toolbar(out);
    }
    let _ = writeln!(
        out,
        "<nav class=\"toc\"><a href=\"#{p}-sources\">Sources</a><a href=\"#{p}-legend\">Legend</a>\
         <a href=\"#{p}-coverage\">Coverage</a><a href=\"#{p}-passages\">Passages</a>\
         <a href=\"#{p}-quotes\">Quotes</a><a href=\"#{p}-facts\">Discrepancies</a>\
         <a href=\"#{p}-outlets\">Per outlet</a></nav>"
    );
    sources(out, c, &p);
    legend(out, &p);
    heat_map(out, c, &p);
    passages(out, c, &p);
    quotes(out, c, &p);
    discrepancies(out, c, &p);
    summary(out, c, &p);
    out.push_str("</section>\n");
}

fn opt(s: Option<&str>) -> String {
    s.map_or("—".to_string(), esc)
}

fn sources(out: &mut String, c: &Comparison, p: &str) {
    let _ = writeln!(out, "<h2 id=\"{p}-sources\">Sources</h2>");
    out.push_str(
        "<div class=\"scroll\"><table class=\"list\"><thead><tr><th class=\"num\">#</th><th>Outlet</th><th>Title</th>\
         <th>Date</th><th class=\"num\">Words</th><th class=\"num\">Passages</th><th>File</th>\
         </tr></thead><tbody>\n",
    );
    for (i, a) in c.articles.iter().enumerate() {
        let title = opt(a.title.as_deref());
        let title = match a.url.as_deref().and_then(escape::safe_url) {
            Some(href) => format!("<a href=\"{href}\" rel=\"noreferrer noopener\">{title}</a>"),
            None => title,
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"date\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td><code>{}</code></td></tr>",
            i + 1,
            opt(a.source.as_deref()),
            title,
            opt(a.date.as_deref()),
            layout::thousands(a.words),
            layout::carried(c, &a.id),
            path_html(&a.path)
        );
    }
    out.push_str("</tbody></table></div>\n");
}

/// A file path that may break across lines after each `/` and nowhere else.
fn path_html(path: &str) -> String {
    esc(path).replace('/', "/<wbr>")
}

fn legend(out: &mut String, p: &str) {
    let _ = writeln!(out, "<h2 id=\"{p}-legend\">Legend</h2>");
    out.push_str(
        "<p class=\"muted\">Each row holds the passages that tell the same thing; the shaded \
         cell is the row's reference. The other cells are compared with it word by word.</p>\n\
         <ul class=\"legend\">\n\
         <li><span class=\"sample\"><span class=\"d-added\">words</span></span>\
         <span>added: words the reference does not have</span></li>\n\
         <li><span class=\"sample\"><del class=\"was full\">said</del> <span class=\"d-changed\">told</span></span>\
         <span>changed: words in place of the reference's (hover for them, or show them in full)</span></li>\n\
         <li><span class=\"sample\"><span class=\"drop\">[\u{2212}2]</span><del class=\"full\">very badly</del></span>\
         <span>dropped: a count of the reference's words this outlet leaves out here (hover, or show in full)</span></li>\n\
         <li><span class=\"sample\"><span class=\"f\">10 votes</span></span>\
         <span>a name, number, date or speaker that differs between outlets</span></li>\n\
         <li><span class=\"sample\"><span class=\"rel\">shown whole</span></span>\
         <span>most words differ from the reference (a paraphrase): the passage is shown as it \
         stands, without word marks, to be read beside the reference</span></li>\n",
    );
    for (kind, sample, meaning) in MARK_LEGEND {
        let _ = writeln!(
            out,
            "<li><span class=\"sample\"><span class=\"m m-{}\">{}</span></span><span>{}</span></li>",
            kind.as_str(),
            esc(sample),
            esc(meaning)
        );
    }
    out.push_str("</ul>\n");
}

fn heat_class(cell: Option<&Cell>) -> &'static str {
    match cell.map(|c| c.relation) {
        None => "h-absent",
        Some(Relation::Reference) => "h-reference",
        Some(Relation::Identical) => "h-identical",
        Some(Relation::Verbatim) => "h-verbatim",
        Some(Relation::Close) => "h-close",
        Some(Relation::Paraphrase) => "h-paraphrase",
        Some(Relation::Unique) => "h-unique",
    }
}

fn heat_map(out: &mut String, c: &Comparison, p: &str) {
    let _ = writeln!(out, "<h2 id=\"{p}-coverage\">Coverage</h2>");
    out.push_str(
        "<p class=\"muted\">One line per outlet, one square per aligned passage in reading \
         order: which outlet carries which passage, and how close to the row's reference. \
         Each square links to its passage.</p>\n",
    );
    // Squares share the width; past about 300 passages the map scrolls sideways in its own
    // box, outlet names staying in view.
    let _ = writeln!(
        out,
        "<div class=\"scroll heat-box\"><div class=\"heat\" style=\"--rows: {}\">",
        c.rows.len().max(1)
    );
    for i in layout::column_order(c) {
        let a = &c.articles[i];
        let name = esc(c.display_name(i));
        let _ = write!(out, "<div class=\"who\" title=\"{name}\">{name}</div>");
        for row in &c.rows {
            let cell = layout::cell_of(row, &a.id);
            let what = cell.map_or("absent".to_string(), layout::relation_label);
            let _ = write!(
                out,
                "<a class=\"{}\" href=\"#{p}-r{}\" title=\"passage {} · {name} · {}\"></a>",
                heat_class(cell),
                row.id,
                row.id,
                esc(&what)
            );
        }
        if c.rows.is_empty() {
            out.push_str("<span></span>");
        }
        out.push('\n');
    }
    out.push_str("</div></div>\n<ul class=\"swatches\">");
    for (rel, name) in RELATIONS {
        let _ = write!(
            out,
            "<li><i class=\"h-{}\"></i>{}</li>",
            rel.as_str(),
            esc(name)
        );
    }
    out.push_str("<li><i class=\"h-absent\" style=\"box-shadow: inset 0 0 0 1px var(--line)\"></i>not carried</li></ul>\n");
}

/// Most sources printed side by side on an A4 landscape page; a story with more prints its
/// passages one after another, each labelled with its outlet.
const PRINT_SIDE_BY_SIDE: usize = 5;

fn passages(out: &mut String, c: &Comparison, p: &str) {
    let _ = writeln!(out, "<h2 id=\"{p}-passages\">Passages side by side</h2>");
    if c.rows.is_empty() {
        out.push_str("<p>No passages.</p>\n");
        return;
    }
    let order = layout::column_order(c);
    if c.articles.len() > 2 {
        out.push_str(
            "<p class=\"muted\">The story's reference stays in view on the left; scroll the \
             table sideways for the other outlets.</p>\n",
        );
    }
    // The table scrolls inside its own box, both ways, so that its head and the reference
    // column can stay in view (sticky) while the page itself never gets wider than the window.
    let _ = writeln!(
        out,
        "<div class=\"scroll passages-box\" role=\"region\" aria-label=\"Passages side by side\" tabindex=\"0\">\
         <table class=\"passages{}\" style=\"--cols: {}\"><thead><tr><th class=\"rowid\">#</th>",
        if c.articles.len() > PRINT_SIDE_BY_SIDE {
            " many"
        } else {
            ""
        },
        c.articles.len()
    );
    for (k, &i) in order.iter().enumerate() {
        let a = &c.articles[i];
        let _ = write!(
            out,
            "<th{}>{}<small>{}</small></th>",
            if k == 0 { " class=\"pin\"" } else { "" },
            esc(c.display_name(i)),
            opt(a.date.as_deref())
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &c.rows {
        passage_row(out, c, &order, row, p);
    }
    out.push_str("</tbody></table></div>\n");
}

fn passage_row(out: &mut String, c: &Comparison, order: &[usize], row: &Row, p: &str) {
    let single = if row.cells.len() <= 1 {
        " class=\"single\""
    } else {
        ""
    };
    let _ = write!(
        out,
        "<tr id=\"{p}-r{id}\"{single}><th class=\"rowid\"><a href=\"#{p}-r{id}\">{id}</a></th>",
        id = row.id
    );
    let label = c.articles.len() > PRINT_SIDE_BY_SIDE;
    for (k, &i) in order.iter().enumerate() {
        let a = &c.articles[i];
        let mut classes: Vec<&str> = Vec::new();
        if k == 0 {
            classes.push("pin");
        }
        let Some(cell) = layout::cell_of(row, &a.id) else {
            classes.push("absent");
            let _ = write!(out, "<td class=\"{}\"></td>", classes.join(" "));
            continue;
        };
        if cell.article == row.reference {
            classes.push("ref");
        }
        let whole = layout::show_whole(row, cell);
        if whole {
            classes.push("whole");
        }
        out.push_str("<td dir=\"auto\"");
        if !classes.is_empty() {
            let _ = write!(out, " class=\"{}\"", classes.join(" "));
        }
        if label {
            let _ = write!(out, " data-outlet=\"{}\"", esc(c.display_name(i)));
        }
        let _ = write!(
            out,
            "><span class=\"rel\">{}{}</span><div class=\"txt\">",
            esc(&layout::relation_label(cell)),
            if whole { " · shown whole" } else { "" }
        );
        if whole {
            cell_html(out, &layout::whole_pieces(a, row, cell));
        } else {
            cell_html(out, &layout::pieces(a, row, cell));
        }
        out.push_str("</div></td>");
    }
    out.push_str("</tr>\n");
    if !row.discrepancies.is_empty() {
        let _ = write!(
            out,
            "<tr class=\"facts{}\"><th class=\"rowid\"></th><td colspan=\"{}\"><div class=\"note\">",
            if row.cells.len() <= 1 { " single" } else { "" },
            c.articles.len()
        );
        for (i, d) in row.discrepancies.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            let _ = write!(
                out,
                "<strong>{}</strong> differs{}: ",
                layout::fact_name(d.kind),
                if d.doubtful { " (doubtful)" } else { "" }
            );
            versions(out, c, &d.values);
            if !d.note.trim().is_empty() {
                let _ = write!(out, " — {}", esc(d.note.trim()));
            }
        }
        out.push_str("</div></td></tr>\n");
    }
}

/// "CNBC “10” · RT “11”", with the name a pronoun stands for: "“he” (Dmitry Peskov)".
fn versions(out: &mut String, c: &Comparison, values: &[DiscrepancyValue]) {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(" · ");
        }
        let _ = write!(
            out,
            "{} “<span class=\"quote-text\">{}</span>”",
            esc(layout::name_of(c, &v.article)),
            esc(v.text.trim())
        );
        if let Some(r) = &v.resolved {
            let _ = write!(out, " ({})", esc(r));
        }
    }
}

/// One cell's text: each piece in a span whose classes say what the model found there.
fn cell_html(out: &mut String, pieces: &[Piece<'_>]) {
    // The reference's words that the changed words being written replace.
    let mut was: Option<&str> = None;
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Gone { text, replaced } => {
                let (before, after) = layout::gone_spacing(pieces, i);
                let words = esc(text.trim());
                // Spaces outside the elements: `pre-line` collapses them when these are hidden.
                out.push_str(if before { " " } else { "" });
                if *replaced {
                    was = Some(text.trim());
                    let _ = write!(out, "<del class=\"was full\">{words}</del>");
                } else {
                    // As in the reader: a compact count, the words on hover or in full view.
                    let n = crate::text::words(text).len().max(1);
                    let _ = write!(
                        out,
                        "<span class=\"drop\" title=\"dropped: {words}\">[\u{2212}{n}]</span>\
                         <del class=\"full\">{words}</del>"
                    );
                }
                out.push_str(if after { " " } else { "" });
            }
            Piece::Text {
                text,
                op,
                marks,
                facts,
            } => {
                let mut classes: Vec<String> = Vec::new();
                let mut titles: Vec<String> = Vec::new();
                match op {
                    DiffOp::Added => {
                        classes.push("d-added".into());
                        titles.push("added".into());
                    }
                    DiffOp::Changed => {
                        classes.push("d-changed".into());
                        titles.push(match was {
                            Some(w) => format!("changed, was: {w}"),
                            None => "changed".into(),
                        });
                    }
                    _ => {}
                }
                if *op != DiffOp::Changed {
                    was = None;
                }
                if !marks.is_empty() {
                    classes.push("m".into());
                }
                for m in marks {
                    classes.push(format!("m-{}", m.kind.as_str()));
                    let kind = m.kind.as_str().replace('_', " ");
                    titles.push(if m.note.trim().is_empty() {
                        kind
                    } else {
                        format!("{kind}: {}", m.note.trim())
                    });
                }
                if !facts.is_empty() {
                    classes.push("f".into());
                    for f in facts.iter() {
                        titles.push(format!("{} differs between outlets", layout::fact_name(*f)));
                    }
                }
                if classes.is_empty() {
                    escape::push_html(out, text);
                } else {
                    classes.dedup();
                    titles.dedup();
                    let _ = write!(
                        out,
                        "<span class=\"{}\" title=\"{}\">{}</span>",
                        classes.join(" "),
                        esc(&titles.join("; ")),
                        esc(text)
                    );
                }
            }
        }
    }
}

fn quotes(out: &mut String, c: &Comparison, p: &str) {
    let _ = writeln!(out, "<h2 id=\"{p}-quotes\">Quotes</h2>");
    if c.quotes.is_empty() {
        out.push_str("<p class=\"muted\">No direct quotation was found.</p>\n");
        return;
    }
    out.push_str(
        "<p class=\"muted\">The direct quotations, and how each outlet that carries one gives it: \
         <em>fullest</em> is the longest version, <em>identical</em> the same words, \
         <em>trimmed</em> the same words with parts cut, <em>reworded</em> other words inside \
         quote marks, <em>indirect</em> reported speech.</p>\n",
    );
    for g in &c.quotes {
        let _ = write!(out, "<h3 id=\"{p}-{}\">Quote {}", anchor(&g.id), esc(&g.id));
        if let Some(s) = &g.speaker {
            let _ = write!(out, " — {}", esc(s));
        }
        out.push_str(
            "</h3>\n<div class=\"scroll\"><table class=\"list quotes\"><thead><tr><th>Outlet</th><th>Verb</th>\
             <th>Fidelity</th><th>Words</th><th>Left out</th><th>Added</th></tr></thead><tbody>\n",
        );
        for m in &g.members {
            let name = esc(layout::name_of(c, &m.quote.article));
            let verb = opt(m.quote.verb.as_deref());
            let f = layout::fidelity_name(m.fidelity);
            let _ = writeln!(
                out,
                "<tr><td>{name}</td><td>{verb}</td><td><span class=\"fid fid-{f}\">{}</span></td>\
                 <td class=\"quote-text\" dir=\"auto\">“{}”</td><td class=\"quote-text\">{}</td>\
                 <td class=\"quote-text\">{}</td></tr>",
                esc(&layout::fidelity_label(m)),
                esc(m.quote.text.trim()),
                words_list(&m.cut, "del"),
                words_list(&m.added, "d-added"),
            );
        }
        out.push_str("</tbody></table></div>\n");
    }
}

/// Runs of words, each in its own highlight ("del" strikes them through).
fn words_list(words: &[String], class: &str) -> String {
    if words.is_empty() {
        return String::new();
    }
    words
        .iter()
        .map(|w| {
            if class == "del" {
                format!("<del>{}</del>", esc(w))
            } else {
                format!("<span class=\"{class}\">{}</span>", esc(w))
            }
        })
        .collect::<Vec<_>>()
        .join(" … ")
}

/// A model id made safe for an element id and a `#` link: letters, digits, `-` and `_` only.
fn anchor(id: &str) -> String {
    id.chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() || ch == '-' || ch == '_' {
                ch
            } else {
                '_'
            }
        })
        .collect()
}

fn discrepancies(out: &mut String, c: &Comparison, p: &str) {
    let _ = writeln!(out, "<h2 id=\"{p}-facts\">Discrepancies</h2>");
    let rows: Vec<&Row> = c
        .rows
        .iter()
        .filter(|r| r.discrepancies.iter().any(|d| !d.doubtful))
        .collect();
    if rows.is_empty() {
        out.push_str(
            "<p class=\"muted\">No names, numbers, dates or speakers differ between aligned \
             passages.</p>\n",
        );
        return;
    }
    out.push_str(
        "<div class=\"scroll\"><table class=\"list\"><thead><tr><th class=\"num\">Passage</th><th>Kind</th>\
                  <th>Versions</th><th>Note</th></tr></thead><tbody>\n",
    );
    // Doubtful ones stay in the row's detail only.
    for row in rows {
        for d in row.discrepancies.iter().filter(|d| !d.doubtful) {
            let _ = write!(
                out,
                "<tr><td class=\"num\"><a href=\"#{p}-r{id}\">{id}</a></td><td>{}</td><td>",
                layout::fact_name(d.kind),
                id = row.id
            );
            versions(out, c, &d.values);
            let _ = writeln!(out, "</td><td>{}</td></tr>", esc(d.note.trim()));
        }
    }
    out.push_str("</tbody></table></div>\n");
}

fn row_links(out: &mut String, ids: &[usize], p: &str, max: usize) {
    if ids.is_empty() {
        out.push('—');
        return;
    }
    for (i, id) in ids.iter().take(max).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "<a href=\"#{p}-r{id}\">{id}</a>");
    }
    if ids.len() > max {
        let _ = write!(out, " and {} more", ids.len() - max);
    }
}

fn counts(out: &mut String, words: &[crate::model::Count], max: usize) {
    if words.is_empty() {
        out.push('—');
        return;
    }
    for (i, w) in words.iter().take(max).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{} ×{}", esc(&w.word), w.count);
    }
}

fn summary(out: &mut String, c: &Comparison, p: &str) {
    let _ = writeln!(out, "<h2 id=\"{p}-outlets\">Per outlet</h2>");
    out.push_str(
        "<div class=\"scroll\"><table class=\"list outlets\"><thead><tr><th>Outlet</th><th class=\"num\">Passages</th>\
         <th>Only here</th><th>Leaves out</th><th>Quotes</th><th>Reporting verbs</th>\
         <th>Hedges</th><th>Labels</th><th>Loaded words</th><th>Framing marks</th></tr></thead>\
         <tbody>\n",
    );
    for (i, a) in c.articles.iter().enumerate() {
        let s = c.summary.iter().find(|s| s.article == a.id);
        let _ = write!(
            out,
            "<tr><th>{}</th><td class=\"num\">{}</td><td>",
            esc(c.display_name(i)),
            layout::carried(c, &a.id)
        );
        row_links(out, s.map_or(&[][..], |s| &s.only_here), p, 15);
        out.push_str("</td><td>");
        row_links(out, s.map_or(&[][..], |s| &s.omits), p, 15);
        out.push_str("</td><td>");
        counts(out, s.map_or(&[][..], |s| &s.speakers), 6);
        if let Some(s) = s.filter(|s| !s.quotes.is_empty()) {
            out.push_str(" <small>(");
            for (j, q) in s.quotes.iter().enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "<a href=\"#{p}-{}\">{}</a>", anchor(q), esc(q));
            }
            out.push_str(")</small>");
        }
        for list in [
            s.map_or(&[][..], |s| &s.reporting_verbs),
            s.map_or(&[][..], |s| &s.hedges),
            s.map_or(&[][..], |s| &s.labels),
            s.map_or(&[][..], |s| &s.loaded_words),
        ] {
            out.push_str("</td><td>");
            counts(out, list, 8);
        }
        out.push_str("</td><td>");
        let kinds = layout::mark_counts(a);
        if kinds.is_empty() {
            out.push('—');
        }
        for (j, (kind, n)) in kinds.iter().enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            let _ = write!(
                out,
                "<span class=\"m m-{}\">{}</span> {n}",
                kind.as_str(),
                kind.as_str().replace('_', " ")
            );
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_words_are_a_count_with_the_words_for_the_full_view() {
        let pieces = [
            Piece::Text {
                text: "the ties were",
                op: DiffOp::Equal,
                marks: vec![],
                facts: vec![],
            },
            Piece::Gone {
                text: "very badly",
                replaced: false,
            },
            Piece::Text {
                text: " damaged.",
                op: DiffOp::Equal,
                marks: vec![],
                facts: vec![],
            },
        ];
        let mut out = String::new();
        cell_html(&mut out, &pieces);
        assert_eq!(
            out,
            "the ties were <span class=\"drop\" title=\"dropped: very badly\">[\u{2212}2]</span>\
             <del class=\"full\">very badly</del> damaged."
        );
    }
}
