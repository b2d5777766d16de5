//! The terminal reader: a story's sources side by side, row by row, with the differences
//! marked; a row's detail, one article whole, a coverage map, search and export.
//!
//! Built in the ratatui template style: an [`App`] owns the state, an event step turns keys
//! and mouse into actions, and [`view::draw`] only reads the state. The one model it reads is
//! the [`Comparison`](crate::model::Comparison); it never runs analysis itself, and builds a
//! story's comparison once, when the story is first opened.

pub mod app;
pub mod config;
pub mod keys;
pub mod layout;
pub mod pages;
mod plain;
pub mod sanitize;
pub mod styled;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io::stdout;

use color_eyre::eyre::{Result, WrapErr};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};

pub use app::App;
pub use config::{ThemeName, TuiConfig};
pub use plain::{marked_text, plain_text};

use crate::config::Config;
use crate::corpus::Article;
use crate::group::Story;

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
pub fn run(articles: Vec<Article>, stories: Vec<Story>, config: Config) -> Result<()> {
    let mut app = App::new(articles, stories, config, theme::Theme::no_color_from_env());
    let mouse = app.cfg.mouse;
    with_terminal(mouse, |terminal| {
        let size = terminal.size().wrap_err("cannot read the terminal size")?;
        app.resize(size.width, size.height);
        while !app.quit {
            terminal
                .draw(|f| view::draw(f, &app))
                .wrap_err("cannot draw")?;
            let ev = crossterm::event::read().wrap_err("cannot read the keyboard")?;
            app.handle_event(&ev);
        }
        Ok(())
    })
}

/// Run `body` on the terminal in raw mode on the alternate screen (capturing the mouse if
/// `mouse`), and give the terminal back as it was however `body` ends: returning, failing or
/// panicking. On a panic the screen is restored before the message is printed, so the
/// message stays readable on the user's normal screen.
pub fn with_terminal<T>(
    mouse: bool,
    body: impl FnOnce(&mut ratatui::DefaultTerminal) -> Result<T>,
) -> Result<T> {
    let mut terminal = ratatui::try_init().wrap_err("cannot set up the terminal")?;
    // Declared after the terminal, so dropped before it: the screen and mouse are restored
    // first, then the terminal's own drop shows the cursor again.
    let _restore = Restore { mouse };
    if mouse {
        // ratatui's hook (installed by init) restores the screen; mouse capture is ours.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = crossterm::execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
        crossterm::execute!(stdout(), EnableMouseCapture).wrap_err("cannot capture the mouse")?;
    }
    body(&mut terminal)
}
