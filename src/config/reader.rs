//! The `[tui]` section of the config file: how the reader looks and which keys it answers to.

use serde::{Deserialize, Serialize};

use super::keys::KeyBindings;

/// Settings of the terminal reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TuiConfig {
    /// Colour theme.
    pub theme: ThemeName,
    /// Capture the mouse: wheel scrolls, click selects. Capture stops the terminal's own text
    /// selection, so it can be switched off.
    pub mouse: bool,
    /// Widest a column of text may be, in terminal cells (0: as wide as the screen allows).
    pub wrap_width: u16,
    /// The source to compare against when a story opens: an article id or an outlet name
    /// (case-insensitive). Unset, or not in the story: the story's own reference.
    pub reference: Option<String>,
    /// Key bindings: action name → keys. Actions left out keep their defaults.
    pub keys: KeyBindings,
}

impl Default for TuiConfig {
    fn default() -> Self {
        Self {
            theme: ThemeName::Dark,
            mouse: true,
            wrap_width: 100,
            reference: None,
            keys: KeyBindings::default(),
        }
    }
}

/// The colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// Light text on a dark terminal.
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// A palette that stays distinct with red–green colour blindness (Okabe–Ito colours).
    #[serde(
        alias = "color-blind",
        alias = "colorblind",
        alias = "colour-blind-safe"
    )]
    ColourBlind,
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    #[test]
    fn tui_section_parses() {
        let cfg = Config::parse(
            "[tui]\ntheme = \"colour-blind\"\nmouse = false\nwrap_width = 72\nreference = \"RT\"\n\n[tui.keys]\ndown = [\"ctrl-n\", \"down\"]\n",
        )
        .unwrap();
        assert_eq!(cfg.tui.theme, super::ThemeName::ColourBlind);
        assert!(!cfg.tui.mouse);
        assert_eq!(cfg.tui.wrap_width, 72);
        assert_eq!(cfg.tui.reference.as_deref(), Some("RT"));
    }

    #[test]
    fn bad_key_is_an_error_naming_the_line() {
        let err =
            Config::parse("[tui]\nmouse = true\n\n[tui.keys]\ndown = [\"hyper-j\"]\n").unwrap_err();
        assert!(err.message.contains("unknown key"), "{err}");
        assert!(matches!(err.line, Some(4 | 5)), "{err:?}");
        assert!(
            err.message.contains("line 4") || err.message.contains("line 5"),
            "{err}"
        );
    }

    #[test]
    fn unknown_action_and_theme_are_errors() {
        let err = Config::parse("[tui.keys]\nfly = [\"f\"]\n").unwrap_err();
        assert!(err.message.contains("fly"), "{err}");
        let err = Config::parse("[tui]\ntheme = \"neon\"\n").unwrap_err();
        assert!(err.message.contains("line 2"), "{err}");
    }

    #[test]
    fn example_config_lists_every_action_with_its_default_keys() {
        let text = include_str!("../../config.example.toml");
        for info in crate::config::keys::Action::TABLE {
            let keys: Vec<String> = info.keys.iter().map(|k| format!("{k:?}")).collect();
            let line = format!("# {} = [{}]", info.name, keys.join(", "));
            assert!(text.contains(&line), "config.example.toml lacks {line:?}");
        }
    }

    #[test]
    fn example_config_parses() {
        let text = include_str!("../../config.example.toml");
        Config::parse(text).unwrap();
    }
}
