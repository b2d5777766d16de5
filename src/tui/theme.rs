//! Colours and modifiers of every element on screen. Each emphasis pairs a colour with a
//! modifier (bold, underline, italic), so the screen still reads with colour switched off
//! (`NO_COLOR`) or for readers who do not tell the colours apart.

use ratatui::style::{Color, Modifier, Style};

use crate::config::reader::ThemeName;
use crate::model::MarkKind;

/// The colours a theme is made from.
struct Palette {
    fg: Color,
    dim: Color,
    accent: Color,
    current_bg: Color,
    /// (foreground, background) of changed words.
    changed: (Color, Color),
    /// (foreground, background) of added words.
    added: (Color, Color),
    dropped: Color,
    heat: [Color; 5],
    marks: [Color; 7],
}

/// Styles of the screen's elements.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Body text.
    pub text: Style,
    /// Secondary text: dates, counts, placeholders.
    pub dim: Style,
    /// Title bar.
    pub title: Style,
    /// Column headers.
    pub header: Style,
    /// The reference column's header.
    pub header_reference: Style,
    /// Background of the current row or selected item.
    pub current: Style,
    /// The marker of the current row in the gutter.
    pub cursor: Style,
    /// The gutter beside every line of the current row: without colour, reversed, so the
    /// current row shows by more than its ▶.
    pub current_gutter: Style,
    /// Words changed against the reference.
    pub changed: Style,
    /// Words only this source has.
    pub added: Style,
    /// Marker where this source leaves out the reference's words (`[−3]`, and the brackets
    /// around left-out words). Not struck through, so the minus sign stays readable.
    pub dropped: Style,
    /// The left-out words themselves, struck through.
    pub struck: Style,
    /// Where a source says nothing in a row.
    pub placeholder: Style,
    /// Passages only one source has.
    pub unique: Style,
    /// Passages that have counterparts (article view tint).
    pub aligned: Style,
    /// Search matches.
    pub matched: Style,
    /// Key hints and the status line.
    pub hint: Style,
    /// Keys inside hints.
    pub hint_key: Style,
    /// Errors in the status line.
    pub error: Style,
    /// Borders of dialogs.
    pub border: Style,
    /// Coverage map, from weakest to strongest correspondence.
    pub heat: [Style; 5],
    marks: [Style; 8],
}

impl Theme {
    /// The theme a user chose; without colour when `no_color` (the `NO_COLOR` convention).
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        let theme = match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::ColourBlind => Theme::colour_blind(),
        };
        if no_color {
            theme.without_colour()
        } else {
            theme
        }
    }

    /// Whether the environment asks for no colour (`NO_COLOR` set and not empty).
    pub fn no_color_from_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    /// Style of a framing mark.
    pub fn mark(&self, kind: MarkKind) -> Style {
        self.marks[mark_index(kind)]
    }

    fn base(p: Palette) -> Theme {
        let Palette {
            fg,
            dim,
            accent,
            current_bg,
            changed,
            added,
            dropped,
            heat,
            marks,
        } = p;
        let b = Modifier::BOLD;
        Theme {
            text: Style::new().fg(fg),
            dim: Style::new().fg(dim),
            title: Style::new().fg(accent).add_modifier(b),
            header: Style::new().fg(fg).add_modifier(b),
            header_reference: Style::new()
                .fg(accent)
                .add_modifier(b | Modifier::UNDERLINED),
            current: Style::new().bg(current_bg),
            cursor: Style::new().fg(accent).add_modifier(b),
            current_gutter: Style::new().bg(current_bg),
            changed: Style::new().fg(changed.0).bg(changed.1).add_modifier(b),
            added: Style::new()
                .fg(added.0)
                .bg(added.1)
                .add_modifier(b | Modifier::UNDERLINED),
            dropped: Style::new().fg(dropped).add_modifier(Modifier::DIM),
            struck: Style::new()
                .fg(dropped)
                .add_modifier(Modifier::CROSSED_OUT | Modifier::DIM),
            placeholder: Style::new()
                .fg(dim)
                .add_modifier(Modifier::DIM | Modifier::ITALIC),
            unique: Style::new().fg(marks[6]).add_modifier(Modifier::ITALIC),
            aligned: Style::new().bg(current_bg),
            matched: Style::new()
                .fg(Color::Black)
                .bg(heat[3])
                .add_modifier(Modifier::REVERSED),
            hint: Style::new().fg(dim),
            hint_key: Style::new().fg(accent).add_modifier(b),
            error: Style::new().fg(dropped).add_modifier(b),
            border: Style::new().fg(accent),
            heat: [
                Style::new().fg(heat[0]),
                Style::new().fg(heat[1]),
                Style::new().fg(heat[2]),
                Style::new().fg(heat[3]),
                Style::new().fg(heat[4]).add_modifier(b),
            ],
            marks: [
                // attribution, hedge, booster, loaded, label, quote, scare quote, and a loaded
                // word inside a quotation (the quotation's colour, underlined like loaded words)
                Style::new().fg(marks[0]),
                Style::new().fg(marks[1]).add_modifier(Modifier::ITALIC),
                Style::new().fg(marks[2]).add_modifier(Modifier::UNDERLINED),
                Style::new().fg(marks[3]).add_modifier(Modifier::UNDERLINED),
                Style::new().fg(marks[4]).add_modifier(Modifier::UNDERLINED),
                Style::new().fg(marks[5]).add_modifier(Modifier::ITALIC),
                Style::new()
                    .fg(marks[3])
                    .add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
                Style::new()
                    .fg(marks[5])
                    .add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
            ],
        }
    }

    fn dark() -> Theme {
        Theme::base(Palette {
            fg: Color::Rgb(220, 220, 215),
            dim: Color::Rgb(130, 130, 130),
            accent: Color::Rgb(120, 180, 250),
            current_bg: Color::Rgb(38, 42, 54),
            changed: (Color::Rgb(255, 215, 120), Color::Rgb(80, 60, 10)),
            added: (Color::Rgb(140, 230, 140), Color::Rgb(20, 70, 30)),
            dropped: Color::Rgb(240, 110, 110),
            heat: [
                Color::Rgb(90, 90, 90),
                Color::Rgb(80, 120, 170),
                Color::Rgb(90, 170, 200),
                Color::Rgb(130, 210, 170),
                Color::Rgb(240, 240, 200),
            ],
            marks: [
                Color::Rgb(110, 200, 220),
                Color::Rgb(230, 200, 100),
                Color::Rgb(220, 140, 230),
                Color::Rgb(250, 120, 100),
                Color::Rgb(250, 160, 80),
                Color::Rgb(150, 200, 130),
                Color::Rgb(190, 160, 250),
            ],
        })
    }

    fn light() -> Theme {
        Theme::base(Palette {
            fg: Color::Rgb(30, 30, 30),
            dim: Color::Rgb(110, 110, 110),
            accent: Color::Rgb(20, 80, 170),
            current_bg: Color::Rgb(225, 230, 240),
            changed: (Color::Rgb(110, 70, 0), Color::Rgb(255, 230, 160)),
            added: (Color::Rgb(0, 90, 20), Color::Rgb(200, 240, 200)),
            dropped: Color::Rgb(180, 20, 20),
            heat: [
                Color::Rgb(190, 190, 190),
                Color::Rgb(150, 180, 220),
                Color::Rgb(70, 130, 200),
                Color::Rgb(30, 90, 170),
                Color::Rgb(10, 40, 110),
            ],
            marks: [
                Color::Rgb(0, 110, 140),
                Color::Rgb(140, 100, 0),
                Color::Rgb(140, 40, 150),
                Color::Rgb(190, 30, 20),
                Color::Rgb(170, 80, 0),
                Color::Rgb(40, 110, 30),
                Color::Rgb(90, 60, 180),
            ],
        })
    }

    /// Okabe–Ito colours: blue and orange carry the differences instead of red and green.
    fn colour_blind() -> Theme {
        let orange = Color::Rgb(230, 159, 0);
        let sky = Color::Rgb(86, 180, 233);
        let green = Color::Rgb(0, 158, 115);
        let yellow = Color::Rgb(240, 228, 66);
        let blue = Color::Rgb(0, 114, 178);
        let vermillion = Color::Rgb(213, 94, 0);
        let purple = Color::Rgb(204, 121, 167);
        Theme::base(Palette {
            fg: Color::Rgb(225, 225, 225),
            dim: Color::Rgb(140, 140, 140),
            accent: sky,
            current_bg: Color::Rgb(40, 40, 48),
            changed: (Color::Black, orange),
            added: (Color::White, blue),
            dropped: vermillion,
            heat: [Color::Rgb(90, 90, 90), blue, sky, orange, yellow],
            marks: [sky, yellow, purple, vermillion, orange, green, purple],
        })
    }

    fn without_colour(self) -> Theme {
        fn strip(s: Style) -> Style {
            let mut s = s;
            s.fg = None;
            s.bg = None;
            s.underline_color = None;
            s
        }
        Theme {
            text: strip(self.text),
            dim: strip(self.dim).add_modifier(Modifier::DIM),
            title: strip(self.title),
            header: strip(self.header),
            header_reference: strip(self.header_reference),
            current: Style::new(),
            cursor: strip(self.cursor),
            current_gutter: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            changed: strip(self.changed),
            added: strip(self.added),
            dropped: strip(self.dropped),
            struck: strip(self.struck),
            placeholder: strip(self.placeholder),
            unique: strip(self.unique),
            aligned: Style::new(),
            matched: strip(self.matched),
            hint: strip(self.hint),
            hint_key: strip(self.hint_key),
            error: strip(self.error),
            border: strip(self.border),
            heat: self.heat.map(strip),
            // Attribution is told by colour alone in the themes; without colour it is
            // underlined and dimmed so "said" and "claimed" still stand out.
            marks: {
                let mut marks = self.marks.map(strip);
                marks[mark_index(MarkKind::Attribution)] =
                    Style::new().add_modifier(Modifier::UNDERLINED | Modifier::DIM);
                marks
            },
        }
    }
}

fn mark_index(kind: MarkKind) -> usize {
    match kind {
        MarkKind::Attribution => 0,
        MarkKind::Hedge => 1,
        MarkKind::Booster => 2,
        MarkKind::Loaded => 3,
        MarkKind::Label => 4,
        MarkKind::Quote => 5,
        MarkKind::ScareQuote => 6,
        MarkKind::SpeakerLoaded => 7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_keeps_modifiers_and_drops_colours() {
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::ColourBlind] {
            let t = Theme::new(name, true);
            for s in [t.changed, t.added, t.mark(MarkKind::Loaded), t.heat[4]] {
                assert!(s.fg.is_none() && s.bg.is_none(), "{name:?} {s:?}");
            }
            assert!(t.changed.add_modifier.contains(Modifier::BOLD));
            assert!(t.added.add_modifier.contains(Modifier::UNDERLINED));
            assert!(t.struck.add_modifier.contains(Modifier::CROSSED_OUT));
        }
    }

    #[test]
    fn without_colour_every_mark_and_the_current_row_keep_a_modifier() {
        let kinds = [
            MarkKind::Attribution,
            MarkKind::Hedge,
            MarkKind::Booster,
            MarkKind::Loaded,
            MarkKind::Label,
            MarkKind::Quote,
            MarkKind::ScareQuote,
            MarkKind::SpeakerLoaded,
        ];
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::ColourBlind] {
            let t = Theme::new(name, true);
            for k in kinds {
                assert!(!t.mark(k).add_modifier.is_empty(), "{name:?} {k:?}");
            }
            assert!(
                t.current_gutter.add_modifier.contains(Modifier::REVERSED),
                "{name:?}: the current row shows by more than its ▶"
            );
        }
    }

    #[test]
    fn the_left_out_count_is_not_struck_through() {
        // "[−3]": a line through it hides the minus sign.
        for no_color in [false, true] {
            let t = Theme::new(ThemeName::Dark, no_color);
            assert!(!t.dropped.add_modifier.contains(Modifier::CROSSED_OUT));
        }
    }

    #[test]
    fn differences_have_colour_and_a_modifier() {
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::ColourBlind] {
            let t = Theme::new(name, false);
            for s in [t.changed, t.added] {
                assert!(s.fg.is_some() && !s.add_modifier.is_empty(), "{name:?}");
            }
        }
    }
}
