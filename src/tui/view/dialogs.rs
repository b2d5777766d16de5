//! Dialogs drawn over a screen: export, and the choice of sources shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use super::clear;
use crate::tui::app::{App, ExportDialog, FORMATS, format_name};
use crate::tui::sanitize::sanitize_line;

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height.saturating_sub(1));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height.saturating_sub(1) - h) / 2,
        w,
        h,
    )
}

fn frame(app: &App, r: Rect, title: &str, buf: &mut Buffer) -> Rect {
    clear(buf, r, app.theme.text);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title(format!(" {title} "));
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}

pub fn export(app: &App, d: &ExportDialog, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let r = centered(area, 64, 7);
    let inner = frame(app, r, "Export story", buf);
    let w = usize::from(inner.width);
    let (mut x, y) = buf.set_stringn(inner.x + 1, inner.y, "Format: ", w, t.dim);
    for f in FORMATS {
        let name = f.extension();
        let style = if f == d.format {
            t.header_reference
        } else {
            t.dim
        };
        let label = if f == d.format {
            format!("[{name}]")
        } else {
            format!(" {name} ")
        };
        x = buf
            .set_stringn(
                x,
                y,
                label,
                usize::from(inner.right().saturating_sub(x)),
                style,
            )
            .0;
        x = buf.set_stringn(x, y, " ", 1, t.dim).0;
    }
    let (x, y) = buf.set_stringn(inner.x + 1, inner.y + 2, "File:   ", w, t.dim);
    let room = usize::from(inner.right().saturating_sub(x + 1));
    let path = sanitize_line(&d.path);
    // Show the end of a long path, where the typing happens.
    let shown: String = {
        let chars: Vec<char> = path.chars().collect();
        chars[chars.len().saturating_sub(room)..].iter().collect()
    };
    let (x, _) = buf.set_stringn(x, y, shown, room, t.text);
    buf.set_stringn(x, y, "█", 1, t.cursor);
    let (x, y) = buf.set_stringn(inner.x + 1, inner.y + 3, "Folder: ", w, t.dim);
    let room = usize::from(inner.right().saturating_sub(x + 1));
    let folder = sanitize_line(&app.export_dir.display().to_string()).into_owned();
    // The end of a long folder says most.
    let folder: String = {
        let chars: Vec<char> = folder.chars().collect();
        if chars.len() > room && room > 1 {
            let tail: String = chars[chars.len() + 1 - room..].iter().collect();
            format!("…{tail}")
        } else {
            folder
        }
    };
    buf.set_stringn(x, y, folder, room, t.text);
    let note = format!("{} · written whole or not at all.", format_name(d.format));
    buf.set_stringn(inner.x + 1, inner.y + 4, note, w.saturating_sub(1), t.dim);
}

pub fn sources(app: &App, cur: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(o) = &app.open else { return };
    let c = &o.c;
    let h = (c.articles.len() as u16 + 2).min(area.height.saturating_sub(2));
    let r = centered(area, 60, h);
    let inner = frame(app, r, "Sources shown", buf);
    let rows = usize::from(inner.height);
    let first = cur.saturating_sub(rows.saturating_sub(1));
    for (k, i) in (first..c.articles.len()).take(rows).enumerate() {
        let y = inner.y + k as u16;
        let mark = if o.shown[i] { "[x]" } else { "[ ]" };
        let date = c.articles[i]
            .date
            .as_deref()
            .map(|d| format!(" · {}", sanitize_line(d)))
            .unwrap_or_default();
        let reference = if i == o.reference {
            " · reference"
        } else {
            ""
        };
        let style = if i == cur { t.cursor } else { t.text };
        if i == cur {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), t.current);
        }
        let text = format!(
            "{} {mark} {}{date}{reference}",
            if i == cur { "▶" } else { " " },
            sanitize_line(c.display_name(i))
        );
        buf.set_stringn(inner.x, y, text, usize::from(inner.width), style);
    }
}
