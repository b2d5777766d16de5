//! The coverage map: rows down, sources across, each cell shaded by how closely that source
//! carries the row's passage (a heat map in colour, block glyphs without it).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::title_bar;
use crate::tui::app::App;
use crate::tui::layout::{closeness, effective_reference};
use crate::tui::pages::{COVERAGE_LEFT, coverage_window};
use crate::tui::sanitize::sanitize_line;
use crate::tui::screen::ScreenLayout;

pub fn draw(app: &App, layout: &ScreenLayout, buf: &mut Buffer) {
    let area = layout.area;
    let t = &app.theme;
    let Some(o) = &app.open else { return };
    let c = &o.c;
    let cv = &o.coverage;
    let (first, count) = coverage_window(c.articles.len(), area.width, cv.col);
    let position = format!("row {}/{}", (cv.row + 1).min(c.rows.len()), c.rows.len());
    let mut right = vec![
        format!(
            "{position} · {} · ref {}",
            sanitize_line(c.display_name(cv.col)),
            sanitize_line(c.display_name(o.reference))
        ),
        format!("{position} · {}", sanitize_line(c.display_name(cv.col))),
        position,
    ];
    let (left_out, right_out) = (first, c.articles.len() - first - count);
    if left_out + right_out > 0 {
        for r in &mut right {
            r.push_str(&format!(" · ◀{left_out} {right_out}▶"));
        }
    }
    title_bar(
        app,
        layout.title,
        buf,
        &format!("coverage · {}", sanitize_line(&c.story.title)),
        &right,
    );
    let hy = layout.header.y;
    buf.set_stringn(area.x + 1, hy, " row", 5, t.dim);
    for k in 0..count {
        let i = first + k;
        let style = if i == cv.col {
            t.header_reference
        } else {
            t.dim
        };
        buf.set_stringn(
            area.x + COVERAGE_LEFT + 3 * k as u16,
            hy,
            format!("{:>2}", i + 1),
            2,
            style,
        );
    }
    let text_x = area.x + COVERAGE_LEFT + 3 * count as u16 + 2;
    let text_w = usize::from(area.right().saturating_sub(text_x));
    buf.set_stringn(text_x, hy, "passage", text_w, t.dim);
    let body = layout.body;
    for (k, ri) in (cv.top..c.rows.len())
        .take(usize::from(body.height))
        .enumerate()
    {
        let y = body.y + k as u16;
        let row = &c.rows[ri];
        let current = ri == cv.row;
        if current {
            buf.set_style(Rect::new(area.x, y, area.width, 1), t.current);
            buf.set_stringn(area.x, y, "▶", 1, t.cursor);
        }
        buf.set_stringn(
            area.x + 1,
            y,
            format!("{:>4}", row.id),
            4,
            if current { t.cursor } else { t.dim },
        );
        buf.set_stringn(area.x + COVERAGE_LEFT - 1, y, "│", 1, t.dim);
        for j in 0..count {
            let i = first + j;
            let cell = row
                .cells
                .iter()
                .find(|cell| cell.article == c.articles[i].id);
            let against = effective_reference(c, row, o.reference);
            let (glyph, mut style) = match cell {
                None => ("··", t.heat[0]),
                Some(_) if row.cells.len() == 1 => ("◆◆", t.unique),
                Some(cell) => match closeness(row, cell, against) {
                    x if x >= 0.9 => ("██", t.heat[4]),
                    x if x >= 0.7 => ("▓▓", t.heat[3]),
                    x if x >= 0.45 => ("▒▒", t.heat[2]),
                    _ => ("░░", t.heat[1]),
                },
            };
            if current && i == cv.col {
                style = style.add_modifier(Modifier::REVERSED);
            }
            buf.set_stringn(area.x + COVERAGE_LEFT + 3 * j as u16, y, glyph, 2, style);
        }
        let against = effective_reference(c, row, o.reference);
        let snippet = row
            .cells
            .iter()
            .find(|cell| cell.article == against)
            .or(row.cells.first());
        if let Some(cell) = snippet {
            buf.set_stringn(area.x + COVERAGE_LEFT + 3 * count as u16, y, "│", 1, t.dim);
            buf.set_stringn(text_x, y, sanitize_line(&cell.text), text_w, t.text);
        }
    }
    // What is under the cursor.
    let iy = layout.info.y;
    let a = &c.articles[cv.col];
    let info = match c
        .rows
        .get(cv.row)
        .and_then(|r| r.cells.iter().find(|cell| cell.article == a.id))
    {
        Some(cell) => format!(
            "{} · row {} · {} · similarity {:.2}",
            sanitize_line(c.display_name(cv.col)),
            cv.row + 1,
            cell.relation.as_str(),
            cell.similarity
        ),
        None => format!(
            "{} · row {} · not in this source",
            sanitize_line(c.display_name(cv.col)),
            cv.row + 1
        ),
    };
    let legend = "   ██ ▓▓ ▒▒ ░░ similarity to the reference · ◆ only one source · ·· absent";
    let (x, _) = buf.set_stringn(
        area.x + 1,
        iy,
        info,
        usize::from(area.width.saturating_sub(1)),
        t.header,
    );
    buf.set_stringn(
        x,
        iy,
        legend,
        usize::from(area.right().saturating_sub(x)),
        t.dim,
    );
}
