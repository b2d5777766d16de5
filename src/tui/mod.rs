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
pub mod styled;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io::stdout;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
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
        ratatui::restore();
    }
}

/// Run the reader on a terminal until the user quits. The terminal is restored on every exit
/// path, panics included (mouse capture too).
pub fn run(articles: Vec<Article>, stories: Vec<Story>, config: Config) -> Result<(), TuiError> {
    let mut app = App::new(articles, stories, config, theme::Theme::no_color_from_env());
    let mouse = app.cfg.mouse;
    with_terminal(mouse, |terminal| {
        let size = terminal.size().map_err(TuiError::Size)?;
        app.resize(size.width, size.height);
        while !app.quit {
            terminal
                .draw(|f| view::draw(f, &app))
                .map_err(TuiError::Draw)?;
            let ev = crossterm::event::read().map_err(TuiError::Input)?;
            app.handle_event(&ev);
        }
        Ok(())
    })
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
    body(&mut terminal)
}
