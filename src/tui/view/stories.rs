//! The story list: title, outlets, date range and article count; the selected story marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{rule, title_bar};
use crate::tui::app::App;
use crate::tui::screen::ScreenLayout;

pub fn draw(app: &App, layout: &ScreenLayout, buf: &mut Buffer) {
    let area = layout.area;
    let t = &app.theme;
    let l = &app.list;
    let right = if l.filter.is_empty() {
        format!("{} stories", app.stories.len())
    } else {
        format!("{} of {} stories match", l.visible.len(), app.stories.len())
    };
    title_bar(app, layout.title, buf, "stories", &[right]);
    rule(buf, layout.rule, t.dim);
    let body = layout.body;
    if l.visible.is_empty() {
        buf.set_stringn(
            body.x + 2,
            body.y,
            "No story matches the filter.",
            usize::from(area.width),
            t.placeholder,
        );
        return;
    }
    let w = usize::from(area.width.saturating_sub(3));
    let mut y = body.y;
    for (pos, &i) in l.visible.iter().enumerate().skip(l.top) {
        if y + 1 >= body.bottom() {
            break;
        }
        let s = &app.stories[i];
        let selected = pos == l.selected;
        if selected {
            buf.set_style(Rect::new(area.x, y, area.width, 2), t.current);
            buf.set_style(Rect::new(area.x, y, 1, 2), t.current_gutter);
            buf.set_stringn(area.x, y, "▶", 1, t.cursor);
        }
        buf.set_stringn(area.x + 2, y, &s.title, w, t.header);
        let info = format!(
            "{} article{} · {} · {} · {}",
            s.count,
            if s.count == 1 { "" } else { "s" },
            s.dates,
            s.outlets,
            s.id
        );
        buf.set_stringn(area.x + 2, y + 1, info, w, t.dim);
        y += 2;
    }
}
