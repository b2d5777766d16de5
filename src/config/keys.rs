//! Key bindings: what each key does, with defaults a user can override in part from the
//! `[tui.keys]` section of the config file. Here, below the reader, because the config file
//! names actions and keys: the config depends on this vocabulary, the reader on both.

use std::collections::BTreeMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Where an action applies: the reader's screens, as the help page groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Every screen.
    Everywhere,
    /// The story list.
    Stories,
    /// Sources side by side.
    Compare,
    /// One row's detail.
    Detail,
    /// One article whole.
    Article,
    /// The coverage map.
    Coverage,
    /// One outlet's summary.
    Outlet,
    /// The list of skipped files.
    Warnings,
    /// The help page itself (hints only; not a section of the help).
    Help,
}

impl Context {
    /// The help page's sections, in order, with their headings.
    pub const SECTIONS: [(Context, &'static str); 8] = [
        (Context::Everywhere, "Everywhere"),
        (Context::Stories, "Story list"),
        (Context::Compare, "Compare view"),
        (Context::Detail, "Row detail"),
        (Context::Article, "Article"),
        (Context::Coverage, "Coverage map"),
        (Context::Outlet, "Outlet summary"),
        (Context::Warnings, "Warnings"),
    ];
}

/// One context an action applies in: its help text there when it differs from the action's
/// own, and its label in that screen's hint bar when it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Use {
    /// The screen.
    pub context: Context,
    /// Help text in this context (None: the action's own).
    pub help: Option<&'static str>,
    /// Label in this screen's hint bar (None: not hinted).
    pub hint: Option<&'static str>,
}

impl Use {
    const fn on(context: Context) -> Use {
        Use {
            context,
            help: None,
            hint: None,
        }
    }

    const fn hint(self, label: &'static str) -> Use {
        Use {
            hint: Some(label),
            ..self
        }
    }

    const fn help(self, text: &'static str) -> Use {
        Use {
            help: Some(text),
            ..self
        }
    }
}

/// Everything known about one action: the one place an action is described.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionInfo {
    /// The action.
    pub action: Action,
    /// Its name in the config file.
    pub name: &'static str,
    /// What it does, for the help page.
    pub help: &'static str,
    /// Default keys, as written in the config file.
    pub keys: &'static [&'static str],
    /// Where it applies, in help order; hint labels.
    pub uses: &'static [Use],
}

/// Declares [`Action`] and [`Action::TABLE`] from one list, so adding an action is one entry
/// here and its handler in the reader.
macro_rules! actions {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident = $name:literal, $help:literal, [$($key:literal),*], [$($use:expr),* $(,)?];
    )*) => {
        /// Everything a key can ask for. Views interpret an action in their own context (`open`
        /// opens a story in the list and a row's detail in the compare view). The order is the
        /// help page's.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Action {
            /// Every action's description, in the enum's order.
            pub const TABLE: &'static [ActionInfo] = &[$(
                ActionInfo {
                    action: Action::$variant,
                    name: $name,
                    help: $help,
                    keys: &[$($key),*],
                    uses: &[$($use),*],
                },
            )*];

            /// Every action's config name, in the enum's order.
            pub const NAMES: &'static [&'static str] = &[$($name),*];
        }
    };
}

use Context::{
    Article as InArticle, Compare as InCompare, Coverage as InCoverage, Detail as InDetail,
    Everywhere, Help as InHelp, Outlet as InOutlet, Stories as InStories, Warnings as InWarnings,
};

actions! {
    /// The help screen.
    Help = "help", "this help", ["?", "f1"], [Use::on(Everywhere).hint("help")];
    /// Back one screen; quit from the first one.
    Back = "back", "back; quit from the first screen", ["q", "esc"], [Use::on(Everywhere).hint("back")];
    /// Quit at once.
    Quit = "quit", "quit at once", ["ctrl-c"], [Use::on(Everywhere)];
    /// Next row or line.
    Down = "down", "next row / line", ["j", "down"], [
        Use::on(InStories).hint("down"),
        Use::on(InCompare).hint("next row"),
        Use::on(InDetail).hint("scroll"),
        Use::on(InArticle).hint("scroll"),
        Use::on(InCoverage).hint("row"),
        Use::on(InOutlet).hint("scroll"),
        Use::on(InWarnings).hint("scroll"),
        Use::on(InHelp).hint("scroll"),
    ];
    /// Previous row or line.
    Up = "up", "previous row / line", ["k", "up"], [
        Use::on(InStories), Use::on(InCompare), Use::on(InDetail), Use::on(InArticle),
        Use::on(InCoverage), Use::on(InOutlet), Use::on(InWarnings), Use::on(InHelp),
    ];
    /// One screen down.
    PageDown = "page_down", "one screen down", ["pagedown", "ctrl-d"], [
        Use::on(InStories), Use::on(InCompare), Use::on(InDetail),
        Use::on(InArticle).hint("page"), Use::on(InOutlet), Use::on(InWarnings),
        Use::on(InHelp),
    ];
    /// One screen up.
    PageUp = "page_up", "one screen up", ["pageup", "ctrl-u"], [
        Use::on(InStories), Use::on(InCompare), Use::on(InDetail), Use::on(InArticle),
        Use::on(InOutlet), Use::on(InWarnings), Use::on(InHelp),
    ];
    /// First row.
    Top = "top", "first row", ["g", "home"], [
        Use::on(InStories), Use::on(InCompare), Use::on(InArticle), Use::on(InOutlet),
        Use::on(InWarnings), Use::on(InHelp),
    ];
    /// Last row.
    Bottom = "bottom", "last row", ["G", "end"], [
        Use::on(InStories), Use::on(InCompare), Use::on(InArticle), Use::on(InOutlet),
        Use::on(InWarnings), Use::on(InHelp),
    ];
    /// Next row whose sources differ.
    NextDiff = "next_diff", "next row where the sources differ", ["n"], [
        Use::on(InCompare).hint("next diff"),
        Use::on(InDetail).help("next row that differs").hint("next diff"),
    ];
    /// Previous row whose sources differ.
    PrevDiff = "prev_diff", "previous row where the sources differ", ["N"], [
        Use::on(InCompare),
        Use::on(InDetail).help("previous row that differs"),
    ];
    /// Next source as the reference column (next article in the article view).
    NextReference = "next_reference", "next source as reference (next article)", ["tab", "right", "l"], [
        Use::on(InCompare).hint("reference"),
        Use::on(InArticle).help("next article").hint("next article"),
        Use::on(InCoverage).help("next source").hint("source"),
        Use::on(InOutlet).help("next outlet").hint("next outlet"),
    ];
    /// Previous source as the reference column.
    PrevReference = "prev_reference", "previous source as reference", ["backtab", "left", "h"], [
        Use::on(InCompare),
        Use::on(InArticle).help("previous article"),
        Use::on(InCoverage).help("previous source"),
        Use::on(InOutlet).help("previous outlet"),
    ];
    /// Open: a story, a row's detail, the coverage map's selected row.
    Open = "open", "open story / row detail / jump to row", ["enter"], [
        Use::on(InStories).help("open the story").hint("open"),
        Use::on(InCompare).help("row detail").hint("detail"),
        Use::on(InCoverage).help("jump to the selected row").hint("jump"),
    ];
    /// Read one article whole.
    Article = "article", "read the reference source's article whole", ["a"], [
        Use::on(InCompare).hint("article"),
    ];
    /// The coverage map.
    Coverage = "coverage", "coverage map: rows × sources", ["c"], [
        Use::on(InCompare).hint("coverage"),
    ];
    /// Search rows (filter stories in the list).
    Search = "search", "search rows (filter stories)", ["/"], [
        Use::on(InStories).help("filter the stories").hint("filter"),
        Use::on(InCompare).hint("search"),
    ];
    /// Next search match.
    NextMatch = "next_match", "next search match", ["]"], [Use::on(InCompare).hint("next match")];
    /// Previous search match.
    PrevMatch = "prev_match", "previous search match", ["["], [Use::on(InCompare)];
    /// Export the story as a report.
    Export = "export", "export a report (JSON, Markdown, HTML)", ["e"], [
        Use::on(InCompare).hint("export"),
    ];
    /// Choose which sources are shown.
    Sources = "sources", "choose which sources are shown", ["v"], [
        Use::on(InCompare).hint("sources"),
    ];
    /// Scroll the columns left when they do not all fit.
    ColumnsLeft = "columns_left", "scroll columns left", ["<"], [Use::on(InCompare)];
    /// Scroll the columns right.
    ColumnsRight = "columns_right", "scroll columns right", [">"], [
        Use::on(InCompare).hint("columns"),
    ];
    /// Show only the rows where the sources differ, or all rows again.
    DiffOnly = "diff_only", "only rows where the sources differ (again: all rows)", ["d"], [
        Use::on(InCompare).hint("diffs only"),
    ];
    /// Show only the rows two or more sources share, or all rows again.
    SharedOnly = "shared_only", "only rows two or more sources share (again: all rows)", ["s"], [
        Use::on(InCompare),
    ];
    /// One outlet's summary: quotes carried, what only it reports, what it omits, its words.
    Outlet = "outlet", "the reference outlet's summary: quotes, only-here, omissions, words", ["o"], [
        Use::on(InCompare).hint("outlet"),
    ];
    /// Open the source's web address in the browser.
    OpenUrl = "open_url", "open the reference source's web address in the browser", ["u"], [
        Use::on(InCompare),
        Use::on(InArticle).help("open this article's web address in the browser"),
        Use::on(InOutlet).help("open this outlet's article in the browser"),
    ];
    /// Copy to the clipboard through the terminal.
    Copy = "copy", "copy the current row (every source's passage) to the clipboard", ["y"], [
        Use::on(InCompare),
        Use::on(InDetail),
        Use::on(InArticle).help("copy this article's text to the clipboard"),
    ];
    /// The files that could not be read.
    Warnings = "warnings", "files skipped while loading, and why", ["w"], [
        Use::on(InStories).hint("warnings"),
        Use::on(InCompare),
    ];
}

impl Action {
    /// Every action, in help order.
    pub const ALL: [Action; Action::TABLE.len()] = {
        let mut all = [Action::Help; Action::TABLE.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = Action::TABLE[i].action;
            i += 1;
        }
        all
    };

    /// This action's entry in [`Action::TABLE`].
    pub fn info(self) -> &'static ActionInfo {
        &Action::TABLE[self as usize]
    }

    /// The name used in the config file.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// What the action does, for the help screen.
    pub fn describe(self) -> &'static str {
        self.info().help
    }

    /// The action of a config-file name.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::TABLE
            .iter()
            .find(|i| i.name == name)
            .map(|i| i.action)
    }

    /// How this action is used in a context, if it applies there.
    pub fn in_context(self, context: Context) -> Option<&'static Use> {
        self.info().uses.iter().find(|u| u.context == context)
    }

    fn default_keys(self) -> &'static [&'static str] {
        self.info().keys
    }
}

impl Serialize for Action {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Action {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Action, D::Error> {
        let name = String::deserialize(d)?;
        Action::from_name(&name)
            .ok_or_else(|| serde::de::Error::unknown_variant(&name, Action::NAMES))
    }
}

/// A key or a binding of `[tui.keys]` that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyError {
    /// A control character written as itself.
    #[error("{0:?} is a control character; write its name (enter, tab, esc)")]
    ControlCharacter(String),
    /// No key of that name.
    #[error(
        "unknown key {0:?} (use a character, ctrl-X, alt-X, or a name such as enter, esc, tab, up, pagedown, f1)"
    )]
    Unknown(String),
    /// A key the user gave an action that is not a key.
    #[error("[tui.keys] {action}: {problem}")]
    Binding {
        /// The action's name in the config.
        action: &'static str,
        /// What is wrong with the key.
        problem: Box<KeyError>,
    },
    /// Ctrl-C given to an action other than quitting: it always quits.
    #[error("Ctrl-c always quits; it cannot be bound to {0}")]
    Reserved(&'static str),
    /// One key given to two actions.
    #[error("[tui.keys]: key {key} is bound to both {first} and {second}")]
    BoundTwice {
        /// The key, as the help shows it.
        key: String,
        /// The action it was given first.
        first: &'static str,
        /// The action it was given again.
        second: &'static str,
    },
}

/// One key with its Ctrl/Alt modifiers (Shift is folded into the character: `G`, not `shift-g`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
}

/// `KeyCode` lacks `Ord`; keys are kept in a sorted map, so this mirrors the codes we accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Key {
    /// The key of a terminal key event, if it is one that can be bound.
    pub fn from_event(ev: &KeyEvent) -> Option<Key> {
        let code = match ev.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::Enter => KeyCodeOrd::Enter,
            KeyCode::Esc => KeyCodeOrd::Esc,
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCodeOrd::BackTab,
            KeyCode::Tab => KeyCodeOrd::Tab,
            KeyCode::BackTab => KeyCodeOrd::BackTab,
            KeyCode::Backspace => KeyCodeOrd::Backspace,
            KeyCode::Delete => KeyCodeOrd::Delete,
            KeyCode::Insert => KeyCodeOrd::Insert,
            KeyCode::Up => KeyCodeOrd::Up,
            KeyCode::Down => KeyCodeOrd::Down,
            KeyCode::Left => KeyCodeOrd::Left,
            KeyCode::Right => KeyCodeOrd::Right,
            KeyCode::PageUp => KeyCodeOrd::PageUp,
            KeyCode::PageDown => KeyCodeOrd::PageDown,
            KeyCode::Home => KeyCodeOrd::Home,
            KeyCode::End => KeyCodeOrd::End,
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        })
    }

    /// A character with Ctrl held.
    fn ctrl(c: char) -> Key {
        Key {
            code: KeyCodeOrd::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Parse a key as written in the config: `j`, `G`, `?`, `ctrl-c`, `alt-x`, `enter`, `esc`,
    /// `tab`, `backtab` (or `shift-tab`), `backspace`, `delete`, `insert`, `up`, `down`, `left`,
    /// `right`, `pageup`, `pagedown`, `home`, `end`, `space`, `f1`..`f12`.
    pub fn parse(s: &str) -> Result<Key, KeyError> {
        let mut rest = s.trim();
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 2
                && (lower.starts_with("ctrl-") || lower.starts_with("ctrl+"))
            {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 2
                && (lower.starts_with("alt-") || lower.starts_with("alt+"))
            {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_control() => {
                return Err(KeyError::ControlCharacter(s.to_string()));
            }
            (Some(c), None) => KeyCodeOrd::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCodeOrd::Enter,
                "esc" | "escape" => KeyCodeOrd::Esc,
                "tab" => KeyCodeOrd::Tab,
                "backtab" | "shift-tab" | "shift+tab" => KeyCodeOrd::BackTab,
                "backspace" => KeyCodeOrd::Backspace,
                "delete" | "del" => KeyCodeOrd::Delete,
                "insert" | "ins" => KeyCodeOrd::Insert,
                "up" => KeyCodeOrd::Up,
                "down" => KeyCodeOrd::Down,
                "left" => KeyCodeOrd::Left,
                "right" => KeyCodeOrd::Right,
                "pageup" | "pgup" => KeyCodeOrd::PageUp,
                "pagedown" | "pgdn" => KeyCodeOrd::PageDown,
                "home" => KeyCodeOrd::Home,
                "end" => KeyCodeOrd::End,
                "space" => KeyCodeOrd::Char(' '),
                f if f.starts_with('f')
                    && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
                {
                    KeyCodeOrd::F(f[1..].parse().unwrap_or(1))
                }
                _ => {
                    return Err(KeyError::Unknown(s.to_string()));
                }
            },
        };
        Ok(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("Space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "F{n}"),
            KeyCodeOrd::Enter => f.write_str("Enter"),
            KeyCodeOrd::Esc => f.write_str("Esc"),
            KeyCodeOrd::Tab => f.write_str("Tab"),
            KeyCodeOrd::BackTab => f.write_str("S-Tab"),
            KeyCodeOrd::Backspace => f.write_str("Bksp"),
            KeyCodeOrd::Delete => f.write_str("Del"),
            KeyCodeOrd::Insert => f.write_str("Ins"),
            KeyCodeOrd::Up => f.write_str("↑"),
            KeyCodeOrd::Down => f.write_str("↓"),
            KeyCodeOrd::Left => f.write_str("←"),
            KeyCodeOrd::Right => f.write_str("→"),
            KeyCodeOrd::PageUp => f.write_str("PgUp"),
            KeyCodeOrd::PageDown => f.write_str("PgDn"),
            KeyCodeOrd::Home => f.write_str("Home"),
            KeyCodeOrd::End => f.write_str("End"),
        }
    }
}

/// The user's key bindings as written in `[tui.keys]`: action name → list of keys. Actions left
/// out keep their default keys; a listed action gets exactly the listed keys.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(
    try_from = "BTreeMap<Action, Vec<String>>",
    into = "BTreeMap<Action, Vec<String>>"
)]
pub struct KeyBindings {
    overrides: BTreeMap<Action, Vec<String>>,
}

impl TryFrom<BTreeMap<Action, Vec<String>>> for KeyBindings {
    type Error = KeyError;

    fn try_from(overrides: BTreeMap<Action, Vec<String>>) -> Result<Self, KeyError> {
        let bindings = KeyBindings { overrides };
        KeyMap::new(&bindings)?;
        Ok(bindings)
    }
}

impl From<KeyBindings> for BTreeMap<Action, Vec<String>> {
    fn from(k: KeyBindings) -> Self {
        k.overrides
    }
}

/// Key → action lookup built from the defaults and the user's bindings.
#[derive(Debug, Clone)]
pub struct KeyMap {
    by_key: BTreeMap<Key, Action>,
    by_action: BTreeMap<Action, Vec<Key>>,
}

impl Default for KeyMap {
    fn default() -> Self {
        Self::new(&KeyBindings::default()).unwrap_or_else(|_| KeyMap {
            by_key: BTreeMap::new(),
            by_action: BTreeMap::new(),
        })
    }
}

impl KeyMap {
    /// Combine the defaults with the user's bindings. A key the user binds to one action is
    /// taken away from any action it had by default; binding one key to two actions is an
    /// error.
    pub fn new(bindings: &KeyBindings) -> Result<KeyMap, KeyError> {
        let mut user: BTreeMap<Key, Action> = BTreeMap::new();
        let mut by_action: BTreeMap<Action, Vec<Key>> = BTreeMap::new();
        for (&action, keys) in &bindings.overrides {
            let mut parsed = Vec::new();
            for k in keys {
                let key = Key::parse(k).map_err(|e| KeyError::Binding {
                    action: action.name(),
                    problem: Box::new(e),
                })?;
                if action != Action::Quit && key == Key::ctrl('c') {
                    return Err(KeyError::Binding {
                        action: action.name(),
                        problem: Box::new(KeyError::Reserved(action.name())),
                    });
                }
                if let Some(other) = user.insert(key, action)
                    && other != action
                {
                    return Err(KeyError::BoundTwice {
                        key: key.to_string(),
                        first: other.name(),
                        second: action.name(),
                    });
                }
                parsed.push(key);
            }
            by_action.insert(action, parsed);
        }
        let mut by_key = user.clone();
        for action in Action::ALL {
            if bindings.overrides.contains_key(&action) {
                continue;
            }
            let mut keys = Vec::new();
            for k in action.default_keys() {
                let key = Key::parse(k)?;
                if user.contains_key(&key) {
                    continue;
                }
                by_key.insert(key, action);
                keys.push(key);
            }
            by_action.insert(action, keys);
        }
        Ok(KeyMap { by_key, by_action })
    }

    /// The action bound to a key event, if any.
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(ev)?;
        self.by_key.get(&key).copied()
    }

    /// The keys bound to an action, for hints and help ("j/↓").
    pub fn keys_of(&self, action: Action) -> String {
        match self.by_action.get(&action) {
            Some(keys) if !keys.is_empty() => keys
                .iter()
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
                .join("/"),
            _ => "(unbound)".into(),
        }
    }

    /// The first key bound to an action, for the compact hint bar.
    pub fn first_key(&self, action: Action) -> String {
        self.by_action
            .get(&action)
            .and_then(|k| k.first())
            .map(|k| k.to_string())
            .unwrap_or_else(|| "-".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn defaults_cover_the_documented_keys() {
        let m = KeyMap::default();
        assert_eq!(
            m.action(&ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            m.action(&ev(KeyCode::Down, KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            m.action(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            m.action(&ev(KeyCode::Char('N'), KeyModifiers::SHIFT)),
            Some(Action::PrevDiff)
        );
        assert_eq!(
            m.action(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            m.action(&ev(KeyCode::Char('c'), KeyModifiers::NONE)),
            Some(Action::Coverage)
        );
        assert_eq!(
            m.action(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevReference)
        );
        assert_eq!(
            m.action(&ev(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::Back)
        );
        assert_eq!(m.action(&ev(KeyCode::Char('z'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn every_action_has_a_default_key() {
        let m = KeyMap::default();
        for a in Action::ALL {
            assert_ne!(m.keys_of(a), "(unbound)", "{a:?}");
        }
    }

    #[test]
    fn user_binding_replaces_the_action_and_steals_the_key() {
        let mut overrides = BTreeMap::new();
        overrides.insert(Action::Down, vec!["ctrl-n".to_string(), "down".into()]);
        overrides.insert(Action::Coverage, vec!["j".to_string()]);
        let m = KeyMap::new(&KeyBindings { overrides }).unwrap();
        assert_eq!(
            m.action(&ev(KeyCode::Char('n'), KeyModifiers::CONTROL)),
            Some(Action::Down)
        );
        assert_eq!(
            m.action(&ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Coverage)
        );
        assert_eq!(m.action(&ev(KeyCode::Char('c'), KeyModifiers::NONE)), None);
        assert_eq!(m.keys_of(Action::Down), "Ctrl-n/↓");
    }

    #[test]
    fn one_key_for_two_actions_is_an_error() {
        let mut overrides = BTreeMap::new();
        overrides.insert(Action::Down, vec!["x".to_string()]);
        overrides.insert(Action::Up, vec!["x".to_string()]);
        let err = KeyMap::new(&KeyBindings { overrides }).unwrap_err();
        assert!(matches!(err, KeyError::BoundTwice { .. }), "{err:?}");
        assert!(err.to_string().contains("both"), "{err}");
    }

    #[test]
    fn ctrl_c_cannot_be_bound_to_another_action() {
        let mut overrides = BTreeMap::new();
        overrides.insert(Action::Down, vec!["ctrl-C".to_string()]);
        let err = KeyMap::new(&KeyBindings { overrides }).unwrap_err();
        assert_eq!(
            err.to_string(),
            "[tui.keys] down: Ctrl-c always quits; it cannot be bound to down"
        );
        let err = crate::config::Config::parse("[tui.keys]\nexport = [\"ctrl-c\"]\n").unwrap_err();
        assert!(
            err.message.contains("cannot be bound to export"),
            "{}",
            err.message
        );
        assert_eq!(err.line, Some(1), "the [tui.keys] table: {}", err.message);
        let mut overrides = BTreeMap::new();
        overrides.insert(Action::Quit, vec!["ctrl-c".to_string(), "x".into()]);
        assert!(KeyMap::new(&KeyBindings { overrides }).is_ok());
    }

    #[test]
    fn key_names_parse() {
        for s in [
            "enter",
            "Esc",
            "shift-tab",
            "pgdn",
            "f5",
            "ctrl-d",
            "alt-x",
            "space",
            "-",
            "+",
        ] {
            assert!(Key::parse(s).is_ok(), "{s}");
        }
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f13").is_err());
        assert!(Key::parse("\u{1b}").is_err());
        assert_eq!(Key::parse("ctrl-C").unwrap().to_string(), "Ctrl-c");
    }
}
