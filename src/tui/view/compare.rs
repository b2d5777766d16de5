//! The compare view: one column per source, rows kept level, the current row marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::title_bar;
use crate::tui::app::{App, visible_rows};
use crate::tui::layout::GUTTER;
use crate::tui::sanitize::sanitize_line;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(o) = &app.open else { return };
    let Some(l) = &o.layout else { return };
    let c = &o.c;
    let shown = o.shown.iter().filter(|s| **s).count();
    let mut right = format!(
        "row {}/{} · ref {} · {} sources",
        (o.row + 1).min(c.rows.len()),
        c.rows.len(),
        sanitize_line(c.display_name(o.reference)),
        c.articles.len()
    );
    if shown < c.articles.len() {
        right.push_str(&format!(" ({} hidden)", c.articles.len() - shown));
    }
    if l.columns.hidden_left + l.columns.hidden_right > 0 {
        right.push_str(&format!(
            " · ◀{} {}▶",
            l.columns.hidden_left, l.columns.hidden_right
        ));
    }
    title_bar(app, area, buf, &sanitize_line(&c.story.title), &right);

    // Column headers and the rule under them.
    let hy = area.y + 1;
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
    let ry = area.y + 2;
    for x in area.left()..area.right() {
        buf[(x, ry)].set_symbol("─").set_style(t.dim);
    }

    let body_top = area.y + 3;
    let body_bottom = area.bottom().saturating_sub(1);
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
            buf[(x, ry)].set_symbol("┬");
            for y in body_top..body_bottom {
                buf[(x, y)].set_symbol("│").set_style(t.dim);
            }
        }
    }
    for (ri, top, h) in visible_rows(o, area.height) {
        let top = area.y + top;
        let row = &c.rows[ri];
        let Some(rl) = l.row(ri) else { break };
        let current = ri == o.row;
        if current {
            buf.set_style(Rect::new(area.x, top, area.width, h), t.current);
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
