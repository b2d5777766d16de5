//! Drawing: every function here only reads the [`App`] and writes into the frame's buffer.

mod compare;
mod coverage;
mod dialogs;
mod page;
mod stories;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Modal, Screen};
use crate::config::keys::Action;

/// Draw the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    render(app, area, buf);
}

/// Draw into a buffer (what [`draw`] does; benchmarks call it directly).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, area, buf);
        return;
    }
    match app.screen() {
        Screen::Stories => stories::draw(app, area, buf),
        Screen::Compare => compare::draw(app, area, buf),
        Screen::Detail => page::draw_detail(app, area, buf),
        Screen::Article => page::draw_article(app, area, buf),
        Screen::Coverage => coverage::draw(app, area, buf),
        Screen::Help => page::draw_help(app, area, buf),
    }
    match &app.modal {
        Some(Modal::Export(d)) => dialogs::export(app, d, area, buf),
        Some(Modal::Sources(cur)) => dialogs::sources(app, *cur, area, buf),
        _ => {}
    }
    bottom_bar(app, area, buf);
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let msg = [
        "Terminal too small".to_string(),
        format!("parallax needs at least {MIN_WIDTH}×{MIN_HEIGHT}"),
        format!("this one is {}×{}", area.width, area.height),
        "enlarge it, or press q to quit".to_string(),
    ];
    let top = area.y + area.height.saturating_sub(msg.len() as u16) / 2;
    for (i, m) in msg.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let w = unicode_width::UnicodeWidthStr::width(m.as_str()) as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        let style = if i == 0 {
            app.theme.title
        } else {
            app.theme.text
        };
        buf.set_stringn(x, y, m, usize::from(area.width), style);
    }
}

/// The title bar: what is on screen, left; where the reader is, right.
fn title_bar(app: &App, area: Rect, buf: &mut Buffer, left: &str, right: &str) {
    let y = area.y;
    buf.set_style(Rect::new(area.x, y, area.width, 1), app.theme.hint);
    // The right part (where the reader is) keeps at most two thirds of a narrow bar.
    let right: String = {
        let max = usize::from(area.width) * 2 / 3;
        let mut w = 0;
        right
            .chars()
            .take_while(|c| {
                w += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                w <= max
            })
            .collect()
    };
    let rw = unicode_width::UnicodeWidthStr::width(right.as_str()) as u16;
    let lw = area.width.saturating_sub(rw + 2);
    let prefix = if area.width >= 80 { "parallax " } else { "" };
    let (x, _) = buf.set_stringn(area.x, y, prefix, usize::from(lw), app.theme.title);
    let used = x - area.x;
    buf.set_stringn(
        x,
        y,
        left,
        usize::from(lw.saturating_sub(used)),
        app.theme.header,
    );
    buf.set_stringn(area.right() - rw, y, &right, usize::from(rw), app.theme.dim);
}

/// The hints for a screen: (action, short label).
fn hints(app: &App) -> Vec<(Action, &'static str)> {
    use Action::*;
    let Some(o) = &app.open else {
        return vec![
            (Open, "open"),
            (Search, "filter"),
            (Help, "help"),
            (Back, "quit"),
        ];
    };
    let back_label = if app.screens.len() > 1 {
        "back"
    } else {
        "quit"
    };
    match app.screen() {
        Screen::Stories => vec![
            (Down, "down"),
            (Open, "open"),
            (Search, "filter"),
            (Help, "help"),
            (Back, "quit"),
        ],
        Screen::Compare => {
            let mut h = vec![
                (Down, "next row"),
                (NextDiff, "next diff"),
                (NextReference, "reference"),
                (Open, "detail"),
            ];
            if !o.query.is_empty() {
                h.push((NextMatch, "next match"));
            }
            if o.layout.as_ref().is_some_and(|l| l.columns.max_offset > 0) {
                h.push((ColumnsRight, "columns"));
            }
            h.extend([
                (Article, "article"),
                (Coverage, "coverage"),
                (Search, "search"),
                (Export, "export"),
                (Sources, "sources"),
                (Help, "help"),
                (Back, back_label),
            ]);
            h
        }
        Screen::Detail => vec![
            (Down, "scroll"),
            (NextDiff, "next diff"),
            (Help, "help"),
            (Back, "back"),
        ],
        Screen::Article => vec![
            (Down, "scroll"),
            (PageDown, "page"),
            (NextReference, "next article"),
            (Help, "help"),
            (Back, "back"),
        ],
        Screen::Coverage => vec![
            (Down, "row"),
            (NextReference, "source"),
            (Open, "jump"),
            (Help, "help"),
            (Back, "back"),
        ],
        Screen::Help => vec![(Down, "scroll"), (Back, "back")],
    }
}

/// The bottom line: an input being typed, a status message, or key hints for this screen.
fn bottom_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let y = area.bottom() - 1;
    let line_area = Rect::new(area.x, y, area.width, 1);
    buf.set_style(line_area, app.theme.hint);
    for x in area.x..area.right() {
        buf[(x, y)].set_symbol(" ");
    }
    let t = &app.theme;
    let line = match (&app.modal, &app.status) {
        (Some(Modal::Search(text)), _) => {
            input_line("search: ", text, "   Enter search · Esc cancel", t)
        }
        (Some(Modal::Filter), _) => {
            input_line("filter: ", &app.list.filter, "   Enter keep · Esc clear", t)
        }
        (Some(Modal::Export(_)), _) => Line::styled(
            "Tab format · type the path · Enter write · Esc cancel",
            t.hint,
        ),
        (Some(Modal::Sources(_)), _) => {
            Line::styled("j/k move · Space show/hide · Enter or Esc done", t.hint)
        }
        (None, Some(s)) => Line::styled(s.text.clone(), if s.error { t.error } else { t.text }),
        (None, None) => {
            let mut spans = Vec::new();
            for (a, label) in hints(app) {
                spans.push(Span::styled(app.keymap.first_key(a), t.hint_key));
                spans.push(Span::styled(format!(" {label}  "), t.hint));
            }
            Line::from(spans)
        }
    };
    buf.set_line(area.x, y, &line, area.width);
}

fn input_line(label: &str, text: &str, help: &str, t: &super::theme::Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(label.to_string(), t.hint_key),
        Span::styled(super::sanitize::sanitize_line(text).into_owned(), t.text),
        Span::styled("█".to_string(), t.cursor),
        Span::styled(help.to_string(), t.hint),
    ])
}

/// Fill a rectangle with spaces in a style (clears what was under a dialog).
fn clear(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            buf[(x, y)].reset();
            buf[(x, y)].set_style(style);
        }
    }
}
