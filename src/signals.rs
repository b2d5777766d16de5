//! Leaving cleanly when told to stop: on SIGTERM, SIGINT or SIGHUP the terminal is given back
//! (raw mode off, main screen, mouse released, cursor shown) and the temporary files of
//! exports being written are removed, then the process exits with 128 + the signal's number,
//! as a shell reports a death by signal.
//!
//! The reader and the report writer tell this module what they hold ([`TerminalHeld`],
//! [`TempFile`]); [`install`] starts the thread that waits for the signals. Without
//! [`install`] (in tests, in programs using the library) nothing changes.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, Ordering};

/// Temporary files being written, removed on a signal.
static TEMP_FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// What the terminal is in: 0 normal, 1 raw mode on the alternate screen, 2 the same with
/// mouse capture.
static TERMINAL: AtomicU8 = AtomicU8::new(0);

/// A temporary file registered for removal on a signal, for as long as this lives.
#[derive(Debug)]
pub struct TempFile(PathBuf);

impl TempFile {
    /// Register `path`; dropping the returned value unregisters it (the file has been
    /// renamed into place or removed by its owner by then).
    pub fn register(path: &Path) -> TempFile {
        if let Ok(mut files) = TEMP_FILES.lock() {
            files.push(path.to_path_buf());
        }
        TempFile(path.to_path_buf())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Ok(mut files) = TEMP_FILES.lock()
            && let Some(i) = files.iter().rposition(|p| *p == self.0)
        {
            files.swap_remove(i);
        }
    }
}

/// The terminal taken over by the reader, for as long as this lives.
#[derive(Debug)]
pub struct TerminalHeld(());

impl TerminalHeld {
    /// The terminal is in raw mode on the alternate screen (with mouse capture if `mouse`).
    pub fn enter(mouse: bool) -> TerminalHeld {
        TERMINAL.store(if mouse { 2 } else { 1 }, Ordering::SeqCst);
        TerminalHeld(())
    }
}

impl Drop for TerminalHeld {
    fn drop(&mut self) {
        TERMINAL.store(0, Ordering::SeqCst);
    }
}

/// Give the terminal back and remove the temporary files: what a signal does before exiting.
fn clean_up() {
    match TERMINAL.swap(0, Ordering::SeqCst) {
        0 => {}
        held => {
            let mut out = std::io::stdout();
            if held == 2 {
                let _ = crossterm::execute!(out, crossterm::event::DisableMouseCapture);
            }
            let _ = crossterm::execute!(
                out,
                crossterm::terminal::LeaveAlternateScreen,
                crossterm::cursor::Show
            );
            let _ = crossterm::terminal::disable_raw_mode();
        }
    }
    for f in take_temp_files() {
        let _ = std::fs::remove_file(f);
    }
}

/// The registered temporary files, forgotten by the register.
fn take_temp_files() -> Vec<PathBuf> {
    match TEMP_FILES.lock() {
        Ok(mut files) => std::mem::take(&mut *files),
        Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
    }
}

/// Start waiting for SIGTERM, SIGINT and SIGHUP on a thread of their own; on one, clean up
/// and exit. Call once, early in `main`.
#[cfg(unix)]
pub fn install() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                clean_up();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Signals are a Unix matter; elsewhere there is nothing to install.
#[cfg(not(unix))]
pub fn install() -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_files_are_listed_and_dropped_ones_forgotten() {
        let kept = Path::new("/nonexistent/kept");
        let gone = Path::new("/nonexistent/.report.md.x.tmp");
        drop(TempFile::register(kept));
        let _held = TempFile::register(gone);
        // Other tests may have files registered right now: take the list, delete nothing.
        let files = take_temp_files();
        assert!(files.iter().any(|f| f == gone), "{files:?}");
        assert!(!files.iter().any(|f| f == kept), "{files:?}");
    }
}
