//! Scrolling text pages: row detail, article, help.

use ratatui::buffer::Buffer;

use super::title_bar;
use crate::tui::app::App;
use crate::tui::pages::Page;
use crate::tui::sanitize::sanitize_line;
use crate::tui::screen::ScreenLayout;

fn draw_page(app: &App, page: &Page, layout: &ScreenLayout, buf: &mut Buffer, left: &str) {
    let body = layout.body;
    let body_h = usize::from(body.height);
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
    title_bar(app, layout.title, buf, left, &[right, page.title.clone()]);
    for (i, line) in page.lines.iter().skip(page.scroll).take(body_h).enumerate() {
        buf.set_line(
            body.x + 1,
            body.y + i as u16,
            line,
            body.width.saturating_sub(1),
        );
    }
}

pub fn draw_detail(app: &App, layout: &ScreenLayout, buf: &mut Buffer) {
    if let Some(o) = &app.open {
        let left = format!("row detail · {}", sanitize_line(&o.c.story.title));
        draw_page(app, &o.detail, layout, buf, &left);
    }
}

pub fn draw_article(app: &App, layout: &ScreenLayout, buf: &mut Buffer) {
    if let Some(o) = &app.open {
        let left = format!(
            "article · {}",
            sanitize_line(o.c.display_name(o.article_index))
        );
        draw_page(app, &o.article, layout, buf, &left);
    }
}

pub fn draw_help(app: &App, layout: &ScreenLayout, buf: &mut Buffer) {
    draw_page(app, &app.help, layout, buf, "help");
}

pub fn draw_outlet(app: &App, layout: &ScreenLayout, buf: &mut Buffer) {
    if let Some(o) = &app.open {
        let left = format!("outlet · {}", sanitize_line(o.c.display_name(app.outlet.1)));
        draw_page(app, &app.outlet.0, layout, buf, &left);
    }
}

pub fn draw_warnings(app: &App, layout: &ScreenLayout, buf: &mut Buffer) {
    draw_page(app, &app.warnings_page, layout, buf, "warnings");
}
