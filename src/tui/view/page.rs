//! Scrolling text pages: row detail, article, help.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::title_bar;
use crate::tui::app::App;
use crate::tui::pages::Page;
use crate::tui::sanitize::sanitize_line;

fn draw_page(app: &App, page: &Page, area: Rect, buf: &mut Buffer, left: &str) {
    let body_h = usize::from(area.height.saturating_sub(2));
    let total = page.lines.len();
    let right = if total > body_h {
        let end = (page.scroll + body_h).min(total);
        format!(
            "{} · lines {}–{} of {}",
            page.title,
            page.scroll + 1,
            end,
            total
        )
    } else {
        page.title.clone()
    };
    title_bar(app, area, buf, left, &right);
    for (i, line) in page.lines.iter().skip(page.scroll).take(body_h).enumerate() {
        buf.set_line(
            area.x + 1,
            area.y + 1 + i as u16,
            line,
            area.width.saturating_sub(1),
        );
    }
}

pub fn draw_detail(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(o) = &app.open {
        let left = format!("row detail · {}", sanitize_line(&o.c.story.title));
        draw_page(app, &o.detail, area, buf, &left);
    }
}

pub fn draw_article(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(o) = &app.open {
        let left = format!(
            "article · {}",
            sanitize_line(o.c.display_name(o.article_index))
        );
        draw_page(app, &o.article, area, buf, &left);
    }
}

pub fn draw_help(app: &App, area: Rect, buf: &mut Buffer) {
    draw_page(app, &app.help, area, buf, "help");
}
