//! The screen's bands — title, column headers, rule, body, info line, key hints — computed
//! once from the terminal area with ratatui's `Layout`. Drawing and mouse hit-testing both read
//! this one geometry, so a click lands on what is drawn.

use ratatui::layout::{Constraint, Layout, Rect};

/// Which bands a screen has besides the title, body and hint bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Title, column headers, a rule, the rows (the compare view).
    Columns,
    /// Title, a rule, the list (the story list).
    List,
    /// Title, column numbers, the map, an info line (the coverage map).
    Map,
    /// Title and scrolling text (detail, article, help, summaries).
    Page,
}

/// Where each band of a screen is. Bands a shape lacks are zero-height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenLayout {
    /// The whole area.
    pub area: Rect,
    /// The title bar.
    pub title: Rect,
    /// Column headers (compare view) or column numbers (coverage map).
    pub header: Rect,
    /// A horizontal rule under the headers or the title.
    pub rule: Rect,
    /// What scrolls.
    pub body: Rect,
    /// A line about what is under the cursor (coverage map).
    pub info: Rect,
    /// The key hints, status or input line.
    pub bar: Rect,
}

impl ScreenLayout {
    /// The bands of a screen of this shape in `area`.
    pub fn new(area: Rect, shape: Shape) -> ScreenLayout {
        let (header, rule, info) = match shape {
            Shape::Columns => (1, 1, 0),
            Shape::List => (0, 1, 0),
            Shape::Map => (1, 0, 1),
            Shape::Page => (0, 0, 0),
        };
        let [title, header, rule, body, info, bar] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(header),
            Constraint::Length(rule),
            Constraint::Fill(1),
            Constraint::Length(info),
            Constraint::Length(1),
        ])
        .areas(area);
        ScreenLayout {
            area,
            title,
            header,
            rule,
            body,
            info,
            bar,
        }
    }

    /// The body line at screen row `y`, counted from the body's top, if `y` is in the body.
    pub fn body_line(&self, y: u16) -> Option<u16> {
        (y >= self.body.top() && y < self.body.bottom()).then(|| y - self.body.top())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_stack_without_gaps() {
        let area = Rect::new(0, 0, 80, 24);
        let l = ScreenLayout::new(area, Shape::Columns);
        assert_eq!((l.title.y, l.header.y, l.rule.y, l.body.y), (0, 1, 2, 3));
        assert_eq!(l.body.height, 20);
        assert_eq!(l.bar.y, 23);
        let m = ScreenLayout::new(area, Shape::Map);
        assert_eq!((m.body.y, m.body.height, m.info.y), (2, 20, 22));
        let p = ScreenLayout::new(area, Shape::Page);
        assert_eq!((p.body.y, p.body.height), (1, 22));
        let s = ScreenLayout::new(area, Shape::List);
        assert_eq!((s.rule.y, s.body.y, s.body.height), (1, 2, 21));
    }

    #[test]
    fn body_line_is_relative_to_the_body() {
        let l = ScreenLayout::new(Rect::new(0, 0, 80, 24), Shape::Columns);
        assert_eq!(l.body_line(2), None);
        assert_eq!(l.body_line(3), Some(0));
        assert_eq!(l.body_line(22), Some(19));
        assert_eq!(l.body_line(23), None);
    }
}
