//! The compare view: one column per source, rows kept level, the current row marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{put, rule, title_bar};
use crate::tui::app::{App, visible_rows};
use crate::tui::layout::GUTTER;
use crate::tui::sanitize::sanitize_line;
use crate::tui::screen::ScreenLayout;

pub fn draw(app: &App, layout: &ScreenLayout, buf: &mut Buffer) {
    let area = layout.area;
    let t = &app.theme;
    let Some(o) = &app.open else { return };
    let Some(l) = &o.layout else { return };
    let c = &o.c;
    let shown = o.shown.iter().filter(|s| **s).count();
    let mut position = format!("row {}/{}", (o.row + 1).min(c.rows.len()), c.rows.len());
    if !o.filter.is_all() {
        let which = match (o.filter.differs, o.filter.shared) {
            (true, true) => "shared, differ",
            (true, false) => "differ",
            _ => "shared",
        };
        position.push_str(&format!(" · {} {which}", o.filtered));
    }
    let reference = format!("ref {}", sanitize_line(c.display_name(o.reference)));
    let mut sources = crate::tui::plural(c.articles.len(), "source");
    if shown < c.articles.len() {
        sources.push_str(&format!(" ({} hidden)", c.articles.len() - shown));
    }
    let scrolled = l.columns.hidden_left + l.columns.hidden_right;
    let counter = format!("◀{} {}▶", l.columns.hidden_left, l.columns.hidden_right);
    let mut right = vec![
        format!("{position} · {reference} · {sources}"),
        format!("{position} · {sources}"),
        position.clone(),
    ];
    if scrolled > 0 {
        for r in &mut right {
            r.push_str(" · ");
            r.push_str(&counter);
        }
    }
    title_bar(
        app,
        layout.title,
        buf,
        &sanitize_line(&c.story.title),
        &right,
    );

    // Column headers and the rule under them.
    let hy = layout.header.y;
    if l.columns.stacked {
        let msg = format!(
            "stacked: {shown} sources · ref {}",
            sanitize_line(c.display_name(o.reference))
        );
        let w = usize::from(area.width.saturating_sub(GUTTER + 1));
        buf.set_stringn(area.x + GUTTER + 1, hy, msg, w, t.dim);
    } else {
        for col in &l.columns.cols {
            let a = &c.articles[col.article];
            let is_ref = col.article == o.reference;
            let name = sanitize_line(c.display_name(col.article));
            let (mark, style) = if is_ref {
                ("★ ", t.header_reference)
            } else {
                ("", t.header)
            };
            let (x0, w) = (area.x + col.text_x(), col.text_width());
            let (x, _) = buf.set_stringn(x0, hy, format!("{mark}{name}"), usize::from(w), style);
            let used = x - x0;
            if let Some(d) = &a.date
                && used + 3 < w
            {
                let date = format!(" · {}", sanitize_line(d));
                buf.set_stringn(x, hy, date, usize::from(w - used), t.dim);
            }
        }
        if l.columns.hidden_left > 0 {
            buf.set_stringn(
                area.x,
                hy,
                format!("◀{}", l.columns.hidden_left),
                usize::from(GUTTER - 1),
                t.hint_key,
            );
        }
    }
    rule(buf, layout.rule, t.dim);
    let ry = layout.rule.y;
    let body_top = layout.body.top();
    let body_bottom = layout.body.bottom();
    if c.rows.is_empty() {
        buf.set_stringn(
            area.x + GUTTER,
            body_top,
            "This story has no passages to compare.",
            usize::from(area.width),
            t.placeholder,
        );
        return;
    }
    // Separators between columns.
    if !l.columns.stacked {
        for col in l.columns.cols.iter().skip(1) {
            let x = area.x + col.x - 1;
            put(buf, x, ry, "┬", t.dim);
            for y in body_top..body_bottom {
                put(buf, x, y, "│", t.dim);
            }
        }
    }
    for (ri, top, h) in visible_rows(o, layout.body) {
        let row = &c.rows[ri];
        let Some(rl) = l.row(ri) else { break };
        let current = ri == o.row;
        if current {
            buf.set_style(Rect::new(area.x, top, area.width, h), t.current);
            buf.set_style(Rect::new(area.x, top, GUTTER - 1, h), t.current_gutter);
            buf.set_stringn(area.x, top, "▶", 1, t.cursor);
        }
        let id_style = if current { t.cursor } else { t.dim };
        buf.set_stringn(area.x + 1, top, format!("{:>4}", row.id), 4, id_style);
        if row.cells.len() == 1 && c.articles.len() > 1 {
            buf.set_stringn(area.x + 5, top, "◆", 1, t.unique);
        } else if o.differs.get(ri).copied().unwrap_or(false) {
            buf.set_stringn(area.x + 5, top, "≠", 1, t.hint_key);
        }
        if h >= 2 {
            let cov = format!("{}/{}", row.cells.len(), c.articles.len());
            buf.set_stringn(area.x, top + 1, format!("{cov:>6}"), 6, t.dim);
        }
        for (ci, col) in l.columns.cols.iter().enumerate() {
            let Some(lines) = rl.cells.get(ci) else {
                continue;
            };
            for (li, line) in lines.iter().take(usize::from(h)).enumerate() {
                buf.set_line(
                    area.x + col.text_x(),
                    top + li as u16,
                    line,
                    col.text_width(),
                );
            }
        }
    }
}
