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
use super::screen::ScreenLayout;
use crate::config::keys::{Action, Context};

/// Draw the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    render(app, area, buf);
}

/// Draw into a buffer (what [`draw`] does; benchmarks call it directly). Everything is placed
/// from `area` as it is now, so a frame drawn right after the terminal shrank, before the
/// reader heard of it, is clipped rather than written outside the buffer.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, area, buf);
        return;
    }
    let layout = ScreenLayout::new(area, app.screen().shape());
    match app.screen() {
        Screen::Stories => stories::draw(app, &layout, buf),
        Screen::Compare => compare::draw(app, &layout, buf),
        Screen::Detail => page::draw_detail(app, &layout, buf),
        Screen::Article => page::draw_article(app, &layout, buf),
        Screen::Coverage => coverage::draw(app, &layout, buf),
        Screen::Help => page::draw_help(app, &layout, buf),
        Screen::Outlet => page::draw_outlet(app, &layout, buf),
        Screen::Warnings => page::draw_warnings(app, &layout, buf),
    }
    match &app.modal {
        Some(Modal::Export(d)) => dialogs::export(app, d, area, buf),
        Some(Modal::Sources(cur)) => dialogs::sources(app, *cur, area, buf),
        _ => {}
    }
    bottom_bar(app, layout.bar, buf);
}

/// Width of a text on screen, in cells.
fn width_of(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` cut to `max` cells, ending in `…` when it was cut.
pub fn fit(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if width_of(text) <= max {
        return text.into();
    }
    if max == 0 {
        return "".into();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > max - 1 {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out.into()
}

/// Set one cell's symbol and style, if the cell is in the buffer.
fn put(buf: &mut Buffer, x: u16, y: u16, symbol: &str, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_symbol(symbol).set_style(style);
    }
}

/// A horizontal rule across `area`'s first line.
fn rule(buf: &mut Buffer, area: Rect, style: Style) {
    if area.height == 0 {
        return;
    }
    for x in area.left()..area.right() {
        put(buf, x, area.y, "─", style);
    }
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

/// The title bar: "parallax", what is on screen (cut with … when long), and where the reader
/// is on the right. `right` holds ways of saying where, longest first: the first that fits in
/// two thirds of the bar is shown.
fn title_bar(app: &App, area: Rect, buf: &mut Buffer, left: &str, right: &[String]) {
    let y = area.y;
    buf.set_style(Rect::new(area.x, y, area.width, 1), app.theme.hint);
    let total = usize::from(area.width);
    let max = total * 2 / 3;
    let right = right
        .iter()
        .find(|r| width_of(r) <= max)
        .map(|r| std::borrow::Cow::Borrowed(r.as_str()))
        .or_else(|| right.last().map(|r| fit(r, max)))
        .unwrap_or_default();
    let rw = width_of(&right) as u16;
    let lw = area.width.saturating_sub(rw + 2);
    let (x, _) = buf.set_stringn(area.x, y, "parallax ", usize::from(lw), app.theme.title);
    let room = usize::from(lw.saturating_sub(x - area.x));
    buf.set_stringn(x, y, fit(left, room), room, app.theme.header);
    buf.set_stringn(area.right() - rw, y, &right, usize::from(rw), app.theme.dim);
}

/// The hints for the screen on top, in the action table's order: (action, label, pinned).
/// Pinned hints (help, back or quit) are always shown; the others while they fit.
fn hints(app: &App) -> Vec<(Action, &'static str, bool)> {
    let context = app.screen().context();
    let mut out = Vec::new();
    for info in Action::TABLE {
        let Some(label) = info.action.in_context(context).and_then(|u| u.hint) else {
            continue;
        };
        if hint_applies(app, info.action) {
            out.push((info.action, label, false));
        }
    }
    for info in Action::TABLE {
        let Some(label) = info
            .action
            .in_context(Context::Everywhere)
            .and_then(|u| u.hint)
        else {
            continue;
        };
        let label = if info.action == Action::Back && app.screens.len() <= 1 {
            "quit"
        } else {
            label
        };
        out.push((info.action, label, true));
    }
    out
}

/// Whether a hint is worth its room now (a next match needs a search, and so on).
fn hint_applies(app: &App, action: Action) -> bool {
    if action == Action::Warnings {
        return !app.warnings.is_empty();
    }
    let Some(o) = &app.open else {
        return true;
    };
    match action {
        Action::NextMatch => !o.query.is_empty(),
        Action::ColumnsRight => o.layout.as_ref().is_some_and(|l| l.columns.max_offset > 0),
        _ => true,
    }
}

/// The bottom line: an input being typed, a status message, or key hints for this screen.
fn bottom_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let y = area.y;
    buf.set_style(area, app.theme.hint);
    for x in area.x..area.right() {
        put(buf, x, y, " ", app.theme.hint);
    }
    let t = &app.theme;
    let line = match (&app.modal, &app.status) {
        (Some(Modal::Search(text)), _) => {
            input_line("search: ", text, "   Enter search · Esc cancel", t)
        }
        (Some(Modal::Filter), _) => {
            input_line("filter: ", &app.list.filter, "   Enter keep · Esc clear", t)
        }
        (Some(Modal::Export(_)), Some(s)) if s.error => Line::styled(s.text.clone(), t.error),
        (Some(Modal::Export(_)), _) => Line::styled(
            "Tab format · type the path · Enter write · Esc cancel",
            t.hint,
        ),
        (Some(Modal::Sources(_)), _) => {
            Line::styled("j/k move · Space show/hide · Enter or Esc done", t.hint)
        }
        (None, Some(s)) => Line::styled(s.text.clone(), if s.error { t.error } else { t.text }),
        (None, None) => {
            let items: Vec<(String, &str, bool)> = hints(app)
                .into_iter()
                .map(|(a, label, pinned)| (app.keymap.first_key(a), label, pinned))
                .collect();
            let cost = |(k, l, _): &(String, &str, bool)| width_of(k) + 1 + width_of(l) + 2;
            let pinned: usize = items.iter().filter(|i| i.2).map(cost).sum();
            let mut room = usize::from(area.width).saturating_sub(pinned) + 2;
            let mut spans = Vec::new();
            let mut dropping = false;
            for item in items.iter().filter(|i| !i.2) {
                dropping = dropping || cost(item) > room;
                if !dropping {
                    room -= cost(item);
                    spans.push(Span::styled(item.0.clone(), t.hint_key));
                    spans.push(Span::styled(format!(" {}  ", item.1), t.hint));
                }
            }
            for (k, l, _) in items.iter().filter(|i| i.2) {
                spans.push(Span::styled(k.clone(), t.hint_key));
                spans.push(Span::styled(format!(" {l}  "), t.hint));
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
