//! The terminal reader: a story's sources side by side, row by row, with the differences
//! marked; a row's detail, one article whole, a coverage map, search and export.
//!
//! Built in the ratatui template style: an [`App`] owns the state, an event step turns keys
//! and mouse into actions, and [`view::draw`] only reads the state. The one model it reads is
//! the [`Comparison`](crate::model::Comparison); it never runs analysis itself, and builds a
//! story's comparison once, when the story is first opened.

pub mod app;
pub mod layout;
pub mod pages;
mod plain;
pub mod screen;
pub mod styled;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io::stdout;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use thiserror::Error;

pub use crate::config::keys;
pub use crate::config::reader::{ThemeName, TuiConfig};
/// Terminal-safe text lives in [`crate::text::sanitize`]; re-exported for the views.
pub use crate::text::sanitize;
pub use app::App;
pub use plain::{marked_text, plain_text};

use crate::config::Config;
use crate::corpus::Article;
use crate::group::Story;

/// "1 source", "3 sources": a count and an English word that takes an -s.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The terminal could not be used: set up, measured, drawn on or read from.
#[derive(Debug, Error)]
pub enum TuiError {
    /// Raw mode or the alternate screen cannot be entered.
    #[error("cannot set up the terminal")]
    Setup(#[source] std::io::Error),
    /// Mouse capture cannot be turned on.
    #[error("cannot capture the mouse")]
    Mouse(#[source] std::io::Error),
    /// The terminal's size cannot be read.
    #[error("cannot read the terminal size")]
    Size(#[source] std::io::Error),
    /// A frame cannot be drawn.
    #[error("cannot draw")]
    Draw(#[source] std::io::Error),
    /// Keys and mouse events cannot be read.
    #[error("cannot read the keyboard")]
    Input(#[source] std::io::Error),
}

/// Restores the terminal when dropped: on normal exit, on error, and while unwinding.
struct Restore {
    mouse: bool,
}

impl Drop for Restore {
    fn drop(&mut self) {
        if self.mouse {
            let _ = crossterm::execute!(stdout(), DisableMouseCapture);
        }
        let _ = crossterm::execute!(stdout(), DisableBracketedPaste);
        ratatui::restore();
    }
}

/// Run the reader on a terminal until the user quits. The terminal is restored on every exit
/// path, panics included (mouse capture too).
///
/// `warnings` are the files loading skipped, for the warnings screen.
pub fn run(
    articles: Vec<Article>,
    stories: Vec<Story>,
    config: Config,
    warnings: Vec<String>,
) -> Result<(), TuiError> {
    let mut app = App::new(articles, stories, config, theme::Theme::no_color_from_env())
        .with_warnings(warnings);
    let mouse = app.cfg.mouse;
    with_terminal(mouse, |terminal| {
        let size = terminal.size().map_err(TuiError::Size)?;
        app.resize(size.width, size.height);
        while !app.quit {
            terminal
                .draw(|f| {
                    // The terminal may have changed size since the last event: lay out for
                    // the area this frame really has before drawing into it.
                    let area = f.area();
                    if app.size != (area.width, area.height) {
                        app.resize(area.width, area.height);
                    }
                    view::draw(f, &app);
                })
                .map_err(TuiError::Draw)?;
            let ev = crossterm::event::read().map_err(TuiError::Input)?;
            app.handle_event(&ev);
            for effect in std::mem::take(&mut app.effects) {
                perform(&mut app, effect);
            }
        }
        Ok(())
    })
}

/// Do what the reader asked outside the screen; a failure becomes the status message.
fn perform(app: &mut App, effect: app::Effect) {
    use std::io::Write;
    match effect {
        app::Effect::Copy(text) => {
            let seq = osc52(&text);
            let mut out = stdout();
            if out
                .write_all(seq.as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                app.status = Some(app::Status {
                    text: "copy failed: the terminal did not take it".into(),
                    error: true,
                });
            }
        }
        app::Effect::OpenUrl(url) => {
            if let Err(e) = webbrowser::open(&url) {
                app.status = Some(app::Status {
                    text: format!(
                        "cannot open a browser: {}",
                        sanitize::sanitize_line(&e.to_string())
                    ),
                    error: true,
                });
            }
        }
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard. Inside tmux it
/// works when tmux's `set-clipboard` is on (the default `external` passes it on).
pub fn osc52(text: &str) -> String {
    format!("\u{1b}]52;c;{}\u{7}", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648), for OSC 52.
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(TABLE[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Run `body` on the terminal in raw mode on the alternate screen (capturing the mouse if
/// `mouse`), and give the terminal back as it was however `body` ends: returning, failing or
/// panicking. On a panic the screen is restored before the message is printed, so the
/// message stays readable on the user's normal screen. `body` may fail with its own error
/// type, into which the terminal's own failures convert.
pub fn with_terminal<T, E: From<TuiError>>(
    mouse: bool,
    body: impl FnOnce(&mut ratatui::DefaultTerminal) -> Result<T, E>,
) -> Result<T, E> {
    let mut terminal = ratatui::try_init().map_err(TuiError::Setup)?;
    // Declared after the terminal, so dropped before it: the screen and mouse are restored
    // first, then the terminal's own drop shows the cursor again.
    let _restore = Restore { mouse };
    // Told while the terminal is ours, so that a SIGTERM or SIGHUP gives it back too.
    let _held = crate::signals::TerminalHeld::enter(mouse);
    if mouse {
        // ratatui's hook (installed by init) restores the screen; mouse capture is ours.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = crossterm::execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
        crossterm::execute!(stdout(), EnableMouseCapture).map_err(TuiError::Mouse)?;
    }
    // A paste arrives as one event, not as thousands of key presses: crossterm reads a long
    // paste typed as keys in 1 KB pieces and may stop until the next key (issue #18 item 6).
    // A terminal without bracketed paste ignores the request.
    let _ = crossterm::execute!(stdout(), EnableBracketedPaste);
    body(&mut terminal)
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(super::base64(plain.as_bytes()), coded);
        }
        assert_eq!(super::osc52("hi"), "\u{1b}]52;c;aGk=\u{7}");
    }
}
