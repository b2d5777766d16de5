//! Where things go in the compare view: which sources get a column and how wide, and each
//! row's wrapped, styled lines. Computed when the story, the reference, the shown sources, the
//! search or the terminal size change — never per frame — and read by both drawing and mouse
//! hit-testing.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::sanitize::sanitize_line;
use super::styled::{Emphasis, cell_pieces};
use super::theme::Theme;
use super::wrap::wrap;
use crate::model::{Comparison, Row};

/// Width of the gutter left of the rows: cursor, row number, coverage glyph.
pub const GUTTER: u16 = 7;
/// Narrowest useful column; below two of these side by side, cells are stacked.
pub const MIN_COL: u16 = 24;

/// Everything that decides the compare layout; the layout is rebuilt when it changes.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutKey {
    /// Column of the reference source.
    pub reference: usize,
    /// Which sources are shown.
    pub shown: Vec<bool>,
    /// How far the non-reference columns are scrolled when they do not all fit.
    pub col_offset: usize,
    /// Terminal width.
    pub width: u16,
    /// Widest text column allowed (0: no limit).
    pub wrap_width: u16,
    /// Search text highlighted in cells.
    pub query: String,
}

/// One on-screen column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col {
    /// Article index (column of the comparison).
    pub article: usize,
    /// Left edge on screen.
    pub x: u16,
    /// Width in cells.
    pub width: u16,
}

impl Col {
    /// Where text starts: one cell of padding after the separator or gutter.
    pub fn text_x(&self) -> u16 {
        self.x + 1
    }

    /// Width of the text: one cell of padding on each side.
    pub fn text_width(&self) -> u16 {
        self.width.saturating_sub(2).max(1)
    }
}

/// Which sources get columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// Too narrow for two columns: a row's cells are shown one under another.
    pub stacked: bool,
    /// Visible columns in screen order (in stacked mode: one full-width column).
    pub cols: Vec<Col>,
    /// Shown sources scrolled out of view to the left and right.
    pub hidden_left: usize,
    /// See `hidden_left`.
    pub hidden_right: usize,
    /// The largest useful `col_offset`.
    pub max_offset: usize,
}

/// One row's wrapped lines, per visible column (stacked: one list).
#[derive(Debug, Clone, PartialEq)]
pub struct RowLayout {
    /// Lines on screen: the tallest cell.
    pub height: u16,
    /// Lines per visible column.
    pub cells: Vec<Vec<Line<'static>>>,
}

/// The compare view's layout. Rows are laid out on demand — the ones on screen and the ones
/// scrolling passes over — and kept until the key changes, so a change of reference or size
/// costs a screenful of wrapping, not the whole story.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareLayout {
    /// What it was built for.
    pub key: LayoutKey,
    /// Columns.
    pub columns: Columns,
    rows: Vec<Option<RowLayout>>,
}

impl CompareLayout {
    /// An empty layout for a comparison: columns decided, no row laid out yet.
    pub fn new(c: &Comparison, key: LayoutKey) -> CompareLayout {
        let columns = columns(&key);
        CompareLayout {
            key,
            columns,
            rows: vec![None; c.rows.len()],
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// How many rows have been laid out so far (the rest cost nothing yet).
    pub fn laid_out(&self) -> usize {
        self.rows.iter().filter(|r| r.is_some()).count()
    }

    /// A row's layout, if it has been laid out.
    pub fn row(&self, i: usize) -> Option<&RowLayout> {
        self.rows.get(i).and_then(Option::as_ref)
    }

    /// Lay out row `i` if needed; its height.
    pub fn ensure(&mut self, c: &Comparison, theme: &Theme, i: usize) -> u16 {
        let Some(slot) = self.rows.get_mut(i) else {
            return 0;
        };
        if slot.is_none() {
            *slot = Some(row_layout(c, &c.rows[i], &self.key, &self.columns, theme));
        }
        slot.as_ref().map_or(0, |r| r.height)
    }
}

/// The article id a row's cells are compared against: the chosen reference when it has a cell
/// in the row, else the row's own reference.
pub fn effective_reference<'a>(c: &'a Comparison, row: &'a Row, reference: usize) -> &'a str {
    let id = c.articles[reference].id.as_str();
    if row.cells.iter().any(|cell| cell.article == id) {
        id
    } else {
        row.reference.as_str()
    }
}

/// How close a cell is to the passage of `against` in the same row, 0..1: the model's own
/// similarity when `against` is the row's reference, else the share of words the word diff
/// against it finds equal (so the coverage map shades against the reference the reader
/// chose, with no analysis run again).
pub fn closeness(row: &Row, cell: &crate::model::Cell, against: &str) -> f32 {
    if cell.article == against {
        return 1.0;
    }
    if row.reference == against {
        return cell.similarity;
    }
    let Some(diff) = cell.diffs.iter().find(|d| d.against == against) else {
        return cell.similarity;
    };
    let words = |t: &str| t.split_whitespace().count();
    let (mut equal, mut total) = (0usize, 0usize);
    for span in &diff.spans {
        let n = words(&span.text);
        match span.op {
            crate::model::DiffOp::Equal => {
                equal += n;
                total += n;
            }
            crate::model::DiffOp::Changed => {
                total += n.max(span.old.as_deref().map_or(0, words));
            }
            _ => total += n,
        }
    }
    if total == 0 {
        cell.similarity
    } else {
        equal as f32 / total as f32
    }
}

/// Decide the columns.
pub fn columns(key: &LayoutKey) -> Columns {
    let shown: Vec<usize> = key
        .shown
        .iter()
        .enumerate()
        .filter(|(_, s)| **s)
        .map(|(i, _)| i)
        .collect();
    let avail = key.width.saturating_sub(GUTTER);
    let fit = usize::from(avail.saturating_add(1) / (MIN_COL + 1)).max(1);
    let cap = |w: u16| {
        if key.wrap_width > 0 {
            w.min(key.wrap_width)
        } else {
            w
        }
    };
    if shown.len() >= 2 && fit < 2 {
        return Columns {
            stacked: true,
            cols: vec![Col {
                article: key.reference,
                x: GUTTER,
                width: cap(avail).max(1),
            }],
            hidden_left: 0,
            hidden_right: 0,
            max_offset: 0,
        };
    }
    let k = fit.min(shown.len()).max(1);
    let width = cap((avail.saturating_sub(k as u16 - 1)) / k as u16).max(1);
    let (order, hidden_left, hidden_right, max_offset) = if k >= shown.len() {
        (shown, 0, 0, 0)
    } else {
        let others: Vec<usize> = shown
            .iter()
            .copied()
            .filter(|&i| i != key.reference)
            .collect();
        let room = k - 1;
        let max_offset = others.len().saturating_sub(room);
        let off = key.col_offset.min(max_offset);
        let mut order = vec![key.reference];
        order.extend(&others[off..off + room]);
        (order, off, others.len() - off - room, max_offset)
    };
    let cols = order
        .into_iter()
        .enumerate()
        .map(|(i, article)| Col {
            article,
            x: GUTTER + i as u16 * (width + 1),
            width,
        })
        .collect();
    Columns {
        stacked: false,
        cols,
        hidden_left,
        hidden_right,
        max_offset,
    }
}

/// Lay out every row at once (tests and measurements; the reader lays out on demand).
pub fn build(c: &Comparison, key: LayoutKey, theme: &Theme) -> CompareLayout {
    let mut l = CompareLayout::new(c, key);
    for i in 0..l.len() {
        l.ensure(c, theme, i);
    }
    l
}

fn row_layout(
    c: &Comparison,
    row: &Row,
    key: &LayoutKey,
    columns: &Columns,
    theme: &Theme,
) -> RowLayout {
    let against = effective_reference(c, row, key.reference);
    let emph = Emphasis {
        against: Some(against),
        query: &key.query,
    };
    if columns.stacked {
        let width = usize::from(columns.cols[0].text_width());
        let mut lines = Vec::new();
        let mut absent = Vec::new();
        for (i, a) in c.articles.iter().enumerate().filter(|(i, _)| key.shown[*i]) {
            let Some(cell) = row.cells.iter().find(|cell| cell.article == a.id) else {
                absent.push(sanitize_line(c.display_name(i)).into_owned());
                continue;
            };
            let head = if cell.article == against {
                theme.header_reference
            } else {
                theme.header
            };
            let mut spans = vec![Span::styled(
                sanitize_line(c.display_name(i)).into_owned(),
                head,
            )];
            if row.cells.len() == 1 && key.shown.len() > 1 {
                spans.push(Span::styled(" · only this source", theme.unique));
            } else if cell.article == against {
                spans.push(Span::styled(" · reference", theme.dim));
            } else {
                let info = format!(" · {} · {:.2}", cell.relation.as_str(), cell.similarity);
                spans.push(Span::styled(info, theme.dim));
            }
            lines.push(Line::from(spans));
            let pieces = cell_pieces(c, cell, &emph, theme);
            let refs: Vec<(&str, Style)> = pieces.iter().map(|(t, s)| (t.as_str(), *s)).collect();
            lines.extend(wrap(&refs, width));
        }
        if !absent.is_empty() && absent.len() < key.shown.iter().filter(|s| **s).count() {
            let text = format!("not in: {}", absent.join(", "));
            lines.extend(wrap(&[(text.as_str(), theme.placeholder)], width));
        }
        return RowLayout {
            height: lines.len().max(1) as u16,
            cells: vec![lines],
        };
    }
    let cells: Vec<Vec<Line<'static>>> = columns
        .cols
        .iter()
        .map(|col| {
            let id = &c.articles[col.article].id;
            match row.cells.iter().find(|cell| &cell.article == id) {
                Some(cell) => {
                    let pieces = cell_pieces(c, cell, &emph, theme);
                    let refs: Vec<(&str, Style)> =
                        pieces.iter().map(|(t, s)| (t.as_str(), *s)).collect();
                    wrap(&refs, usize::from(col.text_width()))
                }
                None => vec![Line::styled("—", theme.placeholder)],
            }
        })
        .collect();
    // Two lines at least when there are sources to count: the gutter's second line says how
    // many carry the row ("2/3"), which a one-line row would have no room for.
    let min = if c.articles.len() > 1 { 2 } else { 1 };
    let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(min) as u16;
    RowLayout { height, cells }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: usize, width: u16) -> LayoutKey {
        LayoutKey {
            reference: 2,
            shown: vec![true; n],
            col_offset: 0,
            width,
            wrap_width: 0,
            query: String::new(),
        }
    }

    #[test]
    fn all_columns_fit_in_article_order() {
        let cols = columns(&key(5, 200));
        assert!(!cols.stacked);
        assert_eq!(
            cols.cols.iter().map(|c| c.article).collect::<Vec<_>>(),
            [0, 1, 2, 3, 4]
        );
        let last = cols.cols.last().unwrap();
        assert!(last.x + last.width <= 200);
    }

    #[test]
    fn too_many_columns_pin_the_reference_and_scroll_the_rest() {
        let mut k = key(20, 130);
        let cols = columns(&k);
        assert_eq!(cols.cols[0].article, 2);
        assert_eq!(cols.cols.len(), 4);
        assert_eq!(cols.hidden_right, 16);
        k.col_offset = 100;
        let cols = columns(&k);
        assert_eq!(cols.hidden_left, cols.max_offset);
        assert_eq!(cols.cols.last().unwrap().article, 19);
    }

    #[test]
    fn narrow_terminal_stacks() {
        let cols = columns(&key(3, 50));
        assert!(cols.stacked);
        assert_eq!(cols.cols.len(), 1);
    }

    #[test]
    fn wrap_width_caps_columns() {
        let mut k = key(2, 200);
        k.wrap_width = 60;
        let cols = columns(&k);
        assert!(cols.cols.iter().all(|c| c.width == 60));
    }
}
