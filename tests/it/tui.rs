//! The terminal reader: snapshots of every view (sample story, wide and narrow), key and mouse
//! sequences → state, styles that must survive NO_COLOR, untrusted text, a smoke test of
//! the real binary in a pseudo-terminal, and a panic inside the terminal giving it back.

use parallax_devkit::fixtures;

use crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use parallax::config::Config;
use parallax::group::Story;
use parallax::model::Comparison;
use parallax::tui::app::{App, Modal, Screen};
use parallax::tui::{TuiConfig, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

const WIDE: (u16, u16) = (160, 48);
const NARROW: (u16, u16) = (50, 30);

/// Where the test readers export a relative name: a folder that does not exist, so a test
/// that confirms the export dialog by accident writes nothing (and snapshots do not show the
/// folder the tests run in).
const NO_EXPORTS: &str = "/nonexistent/exports";

fn sample_app() -> App {
    let cfg = Config::default();
    let loaded = parallax::load(&[], &cfg);
    let story = parallax::group::one_story(&loaded.articles);
    let mut app = App::new(loaded.articles, vec![story], cfg, true);
    app.export_dir = NO_EXPORTS.into();
    app
}

fn fixture_app(no_color: bool) -> App {
    let mut app = App::from_comparisons(
        vec![fixtures::three_outlets()],
        TuiConfig::default(),
        no_color,
    );
    app.export_dir = NO_EXPORTS.into();
    app
}

fn draw(app: &mut App, (w, h): (u16, u16)) -> Buffer {
    app.resize(w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let a = buf.area;
    let mut out = String::new();
    for y in a.top()..a.bottom() {
        let mut line = String::new();
        for x in a.left()..a.right() {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn screen(app: &mut App, size: (u16, u16)) -> String {
    text(&draw(app, size))
}

/// Press keys written as in the config file, separated by spaces ("j j enter", "/ R i y").
fn keys(app: &mut App, seq: &str) {
    for k in seq.split(' ').filter(|k| !k.is_empty()) {
        let (code, mods) = match k {
            "enter" => (KeyCode::Enter, KeyModifiers::NONE),
            "esc" => (KeyCode::Esc, KeyModifiers::NONE),
            "tab" => (KeyCode::Tab, KeyModifiers::NONE),
            "backtab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
            "left" => (KeyCode::Left, KeyModifiers::NONE),
            "right" => (KeyCode::Right, KeyModifiers::NONE),
            "down" => (KeyCode::Down, KeyModifiers::NONE),
            "up" => (KeyCode::Up, KeyModifiers::NONE),
            "pgdn" => (KeyCode::PageDown, KeyModifiers::NONE),
            "space" => (KeyCode::Char(' '), KeyModifiers::NONE),
            "bksp" => (KeyCode::Backspace, KeyModifiers::NONE),
            "ctrl-c" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
            "ctrl-u" => (KeyCode::Char('u'), KeyModifiers::CONTROL),
            c if c.chars().count() == 1 => {
                let ch = c.chars().next().unwrap();
                let m = if ch.is_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                (KeyCode::Char(ch), m)
            }
            other => panic!("unknown key {other}"),
        };
        app.press(code, mods);
    }
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.press(KeyCode::Char(c), KeyModifiers::NONE);
    }
}

// ---- snapshots of every view on the sample story ----

/// (name, keys that lead to the view from the opened story)
const VIEWS: &[(&str, &str)] = &[
    ("compare", ""),
    ("compare_row3", "j j"),
    ("detail", "j j enter"),
    ("article", "a"),
    ("article_next", "a tab"),
    ("coverage", "c j"),
    ("help", "?"),
    ("search_typing", "/ P e s k o v"),
    ("search_done", "/ P e s k o v enter"),
    ("export_dialog", "e tab"),
    ("sources_dialog", "v j space"),
    ("sources_hidden", "v j space enter"),
    ("reference_changed", "tab"),
];

#[test]
fn snapshots_of_every_view_wide_and_narrow() {
    for (name, seq) in VIEWS {
        for (size_name, size) in [("wide", WIDE), ("narrow", NARROW)] {
            let mut app = sample_app();
            app.resize(size.0, size.1);
            keys(&mut app, seq);
            let shot = screen(&mut app, size);
            insta::assert_snapshot!(format!("sample_{name}_{size_name}"), shot);
        }
    }
}

fn three_story_app() -> App {
    let cfg = Config::default();
    let loaded = parallax::load(&[], &cfg);
    let a = &loaded.articles;
    let story = |id: &str, members: Vec<usize>| Story {
        id: id.into(),
        title: parallax::group::title_of(&a[members[0]]),
        articles: members,
    };
    let stories = vec![
        story("s1", vec![0, 1, 2]),
        story("s2", vec![3]),
        story("s3", vec![4]),
    ];
    App::new(loaded.articles, stories, cfg, true)
}

#[test]
fn snapshots_of_the_story_list() {
    for (size_name, size) in [("wide", WIDE), ("narrow", NARROW)] {
        let mut app = three_story_app();
        insta::assert_snapshot!(format!("stories_{size_name}"), screen(&mut app, size));
        keys(&mut app, "/ R T");
        insta::assert_snapshot!(
            format!("stories_filtered_{size_name}"),
            screen(&mut app, size)
        );
    }
}

#[test]
fn snapshot_too_small() {
    let mut app = sample_app();
    insta::assert_snapshot!("too_small", screen(&mut app, (30, 8)));
}

#[test]
fn snapshots_of_a_comparison_with_differences() {
    for (size_name, size) in [("wide", (120, 30)), ("narrow", NARROW)] {
        let mut app = fixture_app(true);
        insta::assert_snapshot!(
            format!("fixture_compare_{size_name}"),
            screen(&mut app, size)
        );
        keys(&mut app, "j enter");
        insta::assert_snapshot!(
            format!("fixture_detail_quote_{size_name}"),
            screen(&mut app, size)
        );
        keys(&mut app, "q j enter");
        insta::assert_snapshot!(
            format!("fixture_detail_discrepancy_{size_name}"),
            screen(&mut app, size)
        );
        keys(&mut app, "q");
        // Blog as reference: its row differs from the others the other way round.
        keys(&mut app, "g tab tab a");
        insta::assert_snapshot!(
            format!("fixture_article_blog_{size_name}"),
            screen(&mut app, size)
        );
        keys(&mut app, "q c");
        insta::assert_snapshot!(
            format!("fixture_coverage_{size_name}"),
            screen(&mut app, size)
        );
    }
}

#[test]
fn twenty_sources_scroll_their_columns() {
    let mut app = App::from_comparisons(
        vec![fixtures::many_sources(20, 6)],
        TuiConfig::default(),
        true,
    );
    let s = screen(&mut app, WIDE);
    assert!(s.contains("◀0 14▶"), "{s}");
    keys(&mut app, "> > >");
    let s = screen(&mut app, WIDE);
    assert!(s.contains("◀3 11▶"), "{s}");
    assert!(s.contains("★ Outlet 00"), "the reference stays pinned: {s}");
    insta::assert_snapshot!("many_sources_scrolled", s);
}

// ---- key sequences → state ----

#[test]
fn moving_between_rows() {
    let mut app = fixture_app(true);
    app.resize(120, 30);
    let row = |app: &App| app.open.as_ref().unwrap().row;
    keys(&mut app, "j j");
    assert_eq!(row(&app), 2);
    keys(&mut app, "k");
    assert_eq!(row(&app), 1);
    keys(&mut app, "G");
    assert_eq!(row(&app), 4);
    keys(&mut app, "j");
    assert_eq!(row(&app), 4, "stays on the last row");
    keys(&mut app, "g");
    assert_eq!(row(&app), 0);
    keys(&mut app, "down down up");
    assert_eq!(row(&app), 1);
    keys(&mut app, "pgdn");
    assert!(row(&app) > 1);
}

#[test]
fn n_and_shift_n_visit_rows_that_differ() {
    let mut app = fixture_app(true);
    app.resize(120, 30);
    let row = |app: &App| app.open.as_ref().unwrap().row;
    // Rows 0 (reworded), 1 (quote trimmed), 2 (discrepancy) differ; 3 and 4 are single-source.
    keys(&mut app, "n");
    assert_eq!(row(&app), 1);
    keys(&mut app, "n n");
    assert_eq!(row(&app), 2);
    assert!(app.status.as_ref().unwrap().text.contains("no more"));
    keys(&mut app, "N N");
    assert_eq!(row(&app), 0);
}

#[test]
fn tab_and_arrows_change_the_reference_without_rebuilding_the_comparison() {
    let mut app = fixture_app(true);
    app.resize(120, 30);
    let reference = |app: &App| app.open.as_ref().unwrap().reference;
    assert_eq!(reference(&app), 0);
    keys(&mut app, "tab");
    assert_eq!(reference(&app), 1);
    keys(&mut app, "right right");
    assert_eq!(reference(&app), 0, "wraps around");
    keys(&mut app, "left");
    assert_eq!(reference(&app), 2);
    keys(&mut app, "backtab");
    assert_eq!(reference(&app), 1);
    let s = screen(&mut app, (120, 30));
    assert!(s.contains("★ State Agency"), "{s}");
    assert_eq!(app.built, 0, "prebuilt comparison: nothing built");
}

#[test]
fn screens_open_and_back_out() {
    let mut app = fixture_app(true);
    app.resize(120, 30);
    keys(&mut app, "enter");
    assert_eq!(app.screen(), Screen::Detail);
    keys(&mut app, "q");
    assert_eq!(app.screen(), Screen::Compare);
    keys(&mut app, "a");
    assert_eq!(app.screen(), Screen::Article);
    keys(&mut app, "esc c");
    assert_eq!(app.screen(), Screen::Coverage);
    keys(&mut app, "j j enter");
    assert_eq!(app.screen(), Screen::Compare);
    assert_eq!(
        app.open.as_ref().unwrap().row,
        2,
        "coverage jumps to the selected row"
    );
    keys(&mut app, "?");
    assert_eq!(app.screen(), Screen::Help);
    keys(&mut app, "q");
    assert!(!app.quit);
    keys(&mut app, "q");
    assert!(app.quit, "q on the first screen quits");
}

#[test]
fn ctrl_c_quits_from_anywhere_even_while_typing() {
    let mut app = fixture_app(true);
    keys(&mut app, "/ a b");
    assert!(matches!(app.modal, Some(Modal::Search(_))));
    keys(&mut app, "ctrl-c");
    assert!(app.quit);
}

#[test]
fn story_list_opens_stories_once_and_filters() {
    let mut app = three_story_app();
    app.resize(120, 30);
    assert_eq!(app.screen(), Screen::Stories);
    assert_eq!(app.built, 0, "nothing is compared before a story is opened");
    keys(&mut app, "j enter");
    assert_eq!(app.screen(), Screen::Compare);
    assert_eq!(app.open.as_ref().unwrap().story, 1);
    assert_eq!(app.built, 1);
    for _ in 0..20 {
        keys(&mut app, "j k tab n");
    }
    assert_eq!(app.built, 1, "no analysis per keypress");
    keys(&mut app, "q k enter q j enter");
    assert_eq!(app.built, 2, "each story compared once, then cached");
    keys(&mut app, "q / R T");
    assert_eq!(app.list.visible, [2]);
    keys(&mut app, "esc");
    assert_eq!(app.list.visible.len(), 3, "Esc clears the filter");
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn search_jumps_to_matching_rows() {
    let mut app = fixture_app(true);
    app.resize(120, 30);
    keys(&mut app, "/");
    typed(&mut app, "DIPLOMATS");
    keys(&mut app, "enter");
    let o = app.open.as_ref().unwrap();
    assert_eq!(o.matches, [2]);
    assert_eq!(o.row, 2);
    keys(&mut app, "g /");
    typed(&mut app, "lavrov");
    assert!(
        matches!(&app.modal, Some(Modal::Search(t)) if t == "lavrov"),
        "input starts empty"
    );
    keys(&mut app, "enter");
    assert_eq!(app.open.as_ref().unwrap().matches, [0, 1]);
    keys(&mut app, "]");
    assert_eq!(app.open.as_ref().unwrap().row, 1);
    keys(&mut app, "] [");
    assert_eq!(app.open.as_ref().unwrap().row, 1);
    keys(&mut app, "/");
    typed(&mut app, "no such words");
    keys(&mut app, "enter");
    assert!(app.status.as_ref().unwrap().error);
}

#[test]
fn export_writes_the_chosen_format_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = fixture_app(true);
    app.resize(120, 30);
    keys(&mut app, "e tab");
    match &app.modal {
        Some(Modal::Export(d)) => assert_eq!(d.path, "s1.md"),
        other => panic!("{other:?}"),
    }
    keys(&mut app, "backtab ctrl-u");
    let path = dir.path().join("story.json");
    typed(&mut app, &path.display().to_string());
    keys(&mut app, "enter");
    assert!(app.modal.is_none());
    let status = app.status.clone().unwrap();
    assert!(!status.error, "{status:?}");
    let written: Comparison =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(written, fixtures::three_outlets());
    // A path that cannot be written gives a clear error in the status line.
    keys(&mut app, "e ctrl-u");
    typed(&mut app, "/nonexistent-dir/x.json");
    keys(&mut app, "enter");
    assert!(app.status.as_ref().unwrap().error);
}

#[test]
fn sources_can_be_hidden_but_not_all() {
    let mut app = fixture_app(true);
    app.resize(120, 30);
    keys(&mut app, "v space");
    let o = app.open.as_ref().unwrap();
    assert_eq!(o.shown, [false, true, true]);
    assert_eq!(o.reference, 1, "the reference moves to a shown source");
    keys(&mut app, "j j space");
    assert_eq!(app.open.as_ref().unwrap().shown, [false, true, false]);
    keys(&mut app, "k space");
    assert_eq!(
        app.open.as_ref().unwrap().shown,
        [false, true, false],
        "the last one stays"
    );
    keys(&mut app, "enter");
    assert!(app.modal.is_none());
    let s = screen(&mut app, (120, 30));
    assert!(
        !s.contains("Crypto Blog ·") && s.contains("State Agency"),
        "{s}"
    );
}

#[test]
fn mouse_wheel_scrolls_and_click_selects() {
    let mut app = fixture_app(true);
    draw(&mut app, (120, 30));
    let mouse = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    app.handle_event(&mouse(MouseEventKind::ScrollDown, 50, 10));
    app.handle_event(&mouse(MouseEventKind::ScrollDown, 50, 10));
    assert_eq!(app.open.as_ref().unwrap().row, 2);
    app.handle_event(&mouse(MouseEventKind::ScrollUp, 50, 10));
    assert_eq!(app.open.as_ref().unwrap().row, 1);
    // Row 1 (index 0) starts at the first body line.
    app.handle_event(&mouse(MouseEventKind::Down(MouseButton::Left), 20, 3));
    assert_eq!(app.open.as_ref().unwrap().row, 0);
    app.handle_event(&mouse(MouseEventKind::Down(MouseButton::Left), 20, 3));
    assert_eq!(
        app.screen(),
        Screen::Detail,
        "a second click opens the detail"
    );
    keys(&mut app, "q");
    // Clicking a header makes that source the reference.
    let x = app
        .open
        .as_ref()
        .unwrap()
        .layout
        .as_ref()
        .unwrap()
        .columns
        .cols[2]
        .x
        + 2;
    app.handle_event(&mouse(MouseEventKind::Down(MouseButton::Left), x, 1));
    assert_eq!(app.open.as_ref().unwrap().reference, 2);

    // Switched off in the config: mouse events are ignored.
    let cfg = TuiConfig {
        mouse: false,
        ..TuiConfig::default()
    };
    let mut app = App::from_comparisons(vec![fixtures::three_outlets()], cfg, true);
    app.resize(120, 30);
    app.handle_event(&mouse(MouseEventKind::ScrollDown, 50, 10));
    assert_eq!(app.open.as_ref().unwrap().row, 0);
}

#[test]
fn resize_below_the_minimum_shows_a_message_and_recovers() {
    let mut app = fixture_app(true);
    app.handle_event(&Event::Resize(30, 6));
    assert!(app.too_small());
    keys(&mut app, "j");
    assert_eq!(
        app.open.as_ref().unwrap().row,
        0,
        "keys wait while too small"
    );
    let s = screen(&mut app, (30, 6));
    assert!(s.contains("too small"), "{s}");
    app.handle_event(&Event::Resize(120, 30));
    let s = screen(&mut app, (120, 30));
    assert!(s.contains("Wire Service"), "{s}");
}

#[test]
fn narrow_terminal_stacks_cells() {
    let mut app = fixture_app(true);
    let s = screen(&mut app, NARROW);
    assert!(
        app.open
            .as_ref()
            .unwrap()
            .layout
            .as_ref()
            .unwrap()
            .columns
            .stacked
    );
    let wire = s.find("Wire Service · reference").unwrap();
    let state = s
        .find("State Agency · close")
        .or(s.find("State Agency · paraphrase"))
        .unwrap();
    assert!(wire < state, "{s}");
}

#[test]
fn user_key_bindings_apply() {
    let cfg = Config::parse("[tui.keys]\ndown = [\"x\"]\nback = [\"ctrl-q\"]\n").unwrap();
    let mut app = App::from_comparisons(vec![fixtures::three_outlets()], cfg.tui, true);
    app.resize(120, 30);
    keys(&mut app, "x x j");
    assert_eq!(
        app.open.as_ref().unwrap().row,
        2,
        "x moves down; j no longer does"
    );
    keys(&mut app, "q");
    assert!(!app.quit, "q was rebound away");
    let s = screen(&mut app, (120, 30));
    assert!(s.contains("x next row"), "hints show the user's keys: {s}");
}

#[test]
fn configured_reference_is_used_when_the_story_has_it() {
    let cfg = TuiConfig {
        reference: Some("crypto blog".into()),
        ..TuiConfig::default()
    };
    let app = App::from_comparisons(vec![fixtures::three_outlets()], cfg, true);
    assert_eq!(app.open.as_ref().unwrap().reference, 2);
    let cfg = TuiConfig {
        reference: Some("nowhere".into()),
        ..TuiConfig::default()
    };
    let app = App::from_comparisons(vec![fixtures::three_outlets()], cfg, true);
    assert_eq!(app.open.as_ref().unwrap().reference, 0);
}

// ---- styles ----

/// The style of the first cell of `word` on screen.
fn style_of(buf: &Buffer, word: &str) -> ratatui::style::Style {
    let a = buf.area;
    for y in a.top()..a.bottom() {
        let row: Vec<String> = (a.left()..a.right())
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        let line: String = row.concat();
        if let Some(byte) = line.find(word) {
            // Map the byte offset back to a column (all symbols here are one cell wide).
            let col = line[..byte].chars().count() as u16;
            return buf[(a.left() + col, y)].style();
        }
    }
    panic!("{word:?} not on screen");
}

#[test]
fn differences_are_emphasised_with_colour_and_a_modifier() {
    let mut app = fixture_app(false);
    let buf = draw(&mut app, (160, 40));
    // Against the wire service, the blog's "claimed" replaces "said".
    let s = style_of(&buf, "claimed on");
    assert!(s.add_modifier.contains(Modifier::BOLD), "{s:?}");
    assert!(s.fg.is_some(), "{s:?}");
    let plain = style_of(&buf, "Foreign Minister Sergey");
    assert!(!plain.add_modifier.contains(Modifier::BOLD), "{plain:?}");
    // Framing marks are styled by kind.
    let loaded = style_of(&buf, "regime");
    assert!(
        loaded.add_modifier.contains(Modifier::UNDERLINED),
        "{loaded:?}"
    );
}

#[test]
fn no_color_keeps_the_emphasis_readable() {
    let mut app = fixture_app(true);
    let buf = draw(&mut app, (160, 40));
    let s = style_of(&buf, "claimed on");
    assert!(s.add_modifier.contains(Modifier::BOLD), "{s:?}");
    let no_colour =
        |c: Option<ratatui::style::Color>| c.is_none_or(|c| c == ratatui::style::Color::Reset);
    assert!(no_colour(s.fg) && no_colour(s.bg), "{s:?}");
    let a = buf.area;
    for y in a.top()..a.bottom() {
        for x in a.left()..a.right() {
            let st = buf[(x, y)].style();
            assert!(
                no_colour(st.fg) && no_colour(st.bg),
                "colour at {x},{y}: {st:?}"
            );
        }
    }
}

// ---- untrusted text ----

#[test]
fn escape_and_bidi_characters_never_reach_the_screen() {
    let mut c = fixtures::three_outlets();
    let evil = "Tu\u{1b}[2Jy";
    assert_eq!(evil.len(), "Tuesday".len());
    c.articles[0].body = c.articles[0].body.replacen("Tuesday", evil, 1);
    c.rows[0].cells[0].text = c.rows[0].cells[0].text.replacen("Tuesday", evil, 1);
    c.articles[1].source = Some("State\u{202e}Agency\u{7}".into());
    c.story.title = "Title\u{1b}]0;owned\u{7}".into();
    let mut app = App::from_comparisons(vec![c], TuiConfig::default(), false);
    for seq in ["", "enter", "q a", "q c", "q ?", "q e", "esc v"] {
        keys(&mut app, seq);
        for size in [(160, 40), NARROW] {
            let buf = draw(&mut app, size);
            for cell in buf.content() {
                assert!(
                    !cell
                        .symbol()
                        .chars()
                        .any(|ch| ch.is_control() || ('\u{202a}'..='\u{202e}').contains(&ch)),
                    "raw control in {seq:?}: {:?}",
                    cell.symbol()
                );
            }
        }
    }
}

#[test]
fn plain_text_of_the_fixture_marks_differences() {
    let text = parallax::tui::plain_text(&fixtures::three_outlets(), &TuiConfig::default());
    assert!(text.contains("Crypto Blog (paraphrase"), "{text}");
    assert!(
        text.contains("Lavrov [-said-]{+claimed+} on Tuesday"),
        "{text}"
    );
    assert!(
        text.contains("Discrepancy (Number): Wire Service: 40 | State Agency: 60"),
        "{text}"
    );
    assert!(
        text.contains("── Row 4 · 1 of 3 sources · only this source"),
        "{text}"
    );
    insta::assert_snapshot!("fixture_plain_text", text);
}

// ---- the real binary ----

#[test]
fn piped_output_prints_the_story_as_plain_text() {
    let out = assert_cmd::Command::cargo_bin("parallax")
        .unwrap()
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("# "), "{s}");
    assert!(s.contains("── Row 1 ·"), "{s}");
    for outlet in ["CNBC", "Anadolu Agency", "Cryptopolitan"] {
        assert!(s.contains(outlet), "{outlet}");
    }
    assert!(!s.contains('\u{1b}'), "no escape sequences in plain text");
}

/// Read what the program writes into a terminal emulator until its screen shows `text`;
/// returns every byte read, for checks on the escape sequences themselves.
#[cfg(unix)]
pub(crate) fn wait_for_screen(
    p: &mut expectrl::session::OsSession,
    vt: &mut vt100::Parser,
    raw: &mut Vec<u8>,
    text: &str,
) -> bool {
    use std::time::{Duration, Instant};
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut buf = [0u8; 65536];
    while Instant::now() < deadline {
        if vt.screen().contents().contains(text) {
            return true;
        }
        match p.try_read(&mut buf) {
            Ok(0) => return vt.screen().contents().contains(text),
            Ok(n) => {
                vt.process(&buf[..n]);
                raw.extend_from_slice(&buf[..n]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(20))
            }
            Err(_) => return vt.screen().contents().contains(text),
        }
    }
    false
}

#[cfg(unix)]
#[test]
fn real_binary_in_a_pseudo_terminal_opens_steps_and_restores() {
    use expectrl::Expect;

    let (mut p, mut vt, mut raw) = open_sample_story();
    let screen = vt.screen().contents();
    // The sources side by side on one line, under the title.
    let header = screen.lines().nth(1).unwrap_or("");
    for outlet in ["CNBC", "Anadolu Agency", "Cryptopolitan"] {
        assert!(header.contains(outlet), "{outlet} missing from {header:?}");
    }
    assert!(
        String::from_utf8_lossy(&raw).contains("\u{1b}[?1049h"),
        "uses the alternate screen"
    );
    p.send("j").unwrap();
    assert!(
        wait_for_screen(&mut p, &mut vt, &mut raw, "row 2/"),
        "{}",
        vt.screen().contents()
    );
    // A long paste into the search (#18 item 6): asked for bracketed, it arrives as one event
    // and the Enter after it is taken at once, with no further key needed.
    assert!(
        String::from_utf8_lossy(&raw).contains("\u{1b}[?2004h"),
        "asks for bracketed paste"
    );
    let pasted = "zqx paste ".repeat(2_000);
    p.send(format!("/\u{1b}[200~{pasted}\u{1b}[201~\r"))
        .unwrap();
    assert!(
        wait_for_screen(&mut p, &mut vt, &mut raw, "no row matches"),
        "{}",
        vt.screen().contents()
    );
    // `q` goes back to the story list, a second `q` quits.
    p.send("q").unwrap();
    assert!(
        wait_for_screen(&mut p, &mut vt, &mut raw, "2 stories"),
        "{}",
        vt.screen().contents()
    );
    p.send("q").unwrap();
    let status = p.get_process().wait().unwrap();
    wait_for_screen(&mut p, &mut vt, &mut raw, "\u{0}never");
    let tail = String::from_utf8_lossy(&raw).into_owned();
    assert!(tail.contains("\u{1b}[?1049l"), "left the alternate screen");
    assert!(tail.contains("\u{1b}[?1000l"), "released the mouse");
    assert!(tail.contains("\u{1b}[?2004l"), "bracketed paste off again");
    assert!(
        tail.ends_with("\u{1b}[?25h"),
        "cursor shown again at the end: {:?}",
        &tail[tail.len().saturating_sub(80)..]
    );
    let status = format!("{status:?}");
    assert!(
        status.starts_with("Exited(") && status.ends_with(", 0)"),
        "{status}"
    );
}

/// Set only by [`a_panic_inside_the_terminal_gives_it_back`] for the copy of this test binary
/// it runs; without it [`panicking_terminal_child`] does nothing.
#[cfg(unix)]
const PANIC_CHILD: &str = "PARALLAX_TESTS_PANIC_CHILD";

/// Run by [`a_panic_inside_the_terminal_gives_it_back`] in a pseudo-terminal: takes the
/// terminal as the reader does, draws, waits for a key, then panics.
#[cfg(unix)]
#[test]
#[ignore = "the child of a_panic_inside_the_terminal_gives_it_back; does nothing alone"]
fn panicking_terminal_child() {
    if std::env::var_os(PANIC_CHILD).is_none() {
        return;
    }
    let _ = parallax::tui::with_terminal(true, |terminal| -> color_eyre::Result<()> {
        terminal.draw(|f| {
            f.render_widget(
                ratatui::widgets::Paragraph::new("drawn before the panic"),
                f.area(),
            )
        })?;
        crossterm::event::read()?;
        panic!("a bug inside the reader");
    });
}

/// Start `parallax` with no path in a 160×40 pseudo-terminal, with no user config or library
/// (so the bundled sample is what opens), and open the sample's four-source story from the
/// story list. Returns the session, the screen as drawn and every byte written so far.
#[cfg(unix)]
pub(crate) fn open_sample_story() -> (expectrl::session::OsSession, vt100::Parser, Vec<u8>) {
    use expectrl::Expect;
    use expectrl::session::Session;

    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.env("TERM", "xterm-256color")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_DATA_HOME", "/nonexistent");
    let mut p = Session::spawn(cmd).unwrap();
    p.get_process_mut().set_window_size(160, 40).unwrap();
    let nz = |n| std::num::NonZeroU16::new(n).unwrap();
    let mut vt = vt100::Parser::new(nz(40), nz(160), 0);
    let mut raw = Vec::new();
    // The sample is grouped like any folder: the story list opens, the four-source story
    // first and selected; Enter opens it.
    assert!(
        wait_for_screen(&mut p, &mut vt, &mut raw, "4 articles"),
        "{}",
        vt.screen().contents()
    );
    p.send("\r").unwrap();
    assert!(
        wait_for_screen(&mut p, &mut vt, &mut raw, "row 1/"),
        "{}",
        vt.screen().contents()
    );
    (p, vt, raw)
}

/// Raw mode as the terminal driver sees it: no line editing, no echo.
#[cfg(unix)]
pub(crate) fn raw_mode(p: &expectrl::session::OsSession) -> bool {
    use rustix::termios::LocalModes;
    let pty = p.get_process().get_raw_handle().unwrap();
    let modes = rustix::termios::tcgetattr(&pty).unwrap().local_modes;
    !modes.contains(LocalModes::ICANON) && !modes.contains(LocalModes::ISIG)
}

#[cfg(unix)]
#[test]
fn a_panic_inside_the_terminal_gives_it_back() {
    use expectrl::Expect;
    use expectrl::session::Session;

    let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "tui::panicking_terminal_child",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    cmd.env(PANIC_CHILD, "1")
        .env("TERM", "xterm-256color")
        .env("RUST_BACKTRACE", "0");
    let mut p = Session::spawn(cmd).unwrap();
    p.get_process_mut().set_window_size(80, 24).unwrap();
    let nz = |n| std::num::NonZeroU16::new(n).unwrap();
    let mut vt = vt100::Parser::new(nz(24), nz(80), 0);
    let mut raw = Vec::new();
    assert!(
        wait_for_screen(&mut p, &mut vt, &mut raw, "drawn before the panic"),
        "{}",
        String::from_utf8_lossy(&raw)
    );
    let before = String::from_utf8_lossy(&raw).into_owned();
    assert!(
        before.contains("\u{1b}[?1049h"),
        "alternate screen: {before:?}"
    );
    assert!(
        before.contains("\u{1b}[?1000h"),
        "mouse captured: {before:?}"
    );
    assert!(raw_mode(&p), "the terminal is in raw mode while drawing");

    p.send("x").unwrap();
    let status = p.get_process().wait().unwrap();
    wait_for_screen(&mut p, &mut vt, &mut raw, "\u{0}never");
    let out = String::from_utf8_lossy(&raw).into_owned();
    let at = out
        .find("a bug inside the reader")
        .unwrap_or_else(|| panic!("no panic message: {out:?}"));
    // The hook restores before the message; the unwinding restores again after it, and the
    // terminal's drop shows the cursor: the user's shell gets a usable terminal either way.
    let (message, after) = out.split_at(at);
    for (what, seq) in [
        ("left the alternate screen", "\u{1b}[?1049l"),
        ("released the mouse", "\u{1b}[?1000l"),
    ] {
        assert!(message.contains(seq), "{what} before the message: {out:?}");
        assert!(after.contains(seq), "{what} after the message: {out:?}");
    }
    assert!(after.contains("\u{1b}[?25h"), "cursor shown: {out:?}");
    let status = format!("{status:?}");
    assert!(
        status.starts_with("Exited(") && !status.ends_with(", 0)"),
        "the child failed: {status}"
    );
    assert!(!raw_mode(&p), "raw mode is off again");
}

#[test]
fn a_jump_shows_its_row_near_the_top_with_context() {
    let mut app = App::from_comparisons(
        vec![fixtures::many_sources(3, 40)],
        TuiConfig::default(),
        true,
    );
    app.resize(120, 30);
    keys(&mut app, "/");
    typed(&mut app, "remaining disputes");
    keys(&mut app, "enter");
    let o = app.open.as_ref().unwrap();
    assert_eq!(o.row, 3);
    assert_eq!(o.top, 0, "already on screen: no scroll");
    keys(&mut app, "] ]");
    let o = app.open.as_ref().unwrap();
    assert_eq!(o.row, 11);
    assert_eq!(o.top, 10, "one row of context above the jump");
    // Stepping with j scrolls only as far as needed.
    keys(&mut app, "g");
    for _ in 0..6 {
        keys(&mut app, "j");
    }
    let o = app.open.as_ref().unwrap();
    let rows = parallax::tui::app::visible_rows(o, app.layout().body);
    let current = rows
        .iter()
        .find(|r| r.0 == 6)
        .expect("current row on screen");
    let full = o.layout.as_ref().unwrap().row(6).unwrap().height;
    assert_eq!(current.2, full, "shown whole");
    assert!(
        o.top > 0 && o.top < 6,
        "scrolled just enough: top {}",
        o.top
    );
    let before_top = o.top;
    keys(&mut app, "k");
    assert_eq!(
        app.open.as_ref().unwrap().top,
        before_top,
        "moving up inside the screen does not scroll"
    );
}

#[test]
fn a_story_without_rows_still_draws_every_view() {
    let mut c = fixtures::three_outlets();
    c.rows.clear();
    c.quotes.clear();
    let mut app = App::from_comparisons(vec![c], TuiConfig::default(), true);
    for seq in [
        "",
        "j n tab enter",
        "a j",
        "q c j enter",
        "? q",
        "/ x enter",
        "e esc",
        "v space enter",
    ] {
        keys(&mut app, seq);
        for size in [WIDE, NARROW, (40, 10)] {
            screen(&mut app, size);
        }
    }
    let s = screen(&mut app, WIDE);
    assert!(s.contains("no passages to compare"), "{s}");
}

mod random_use {
    use super::*;
    use proptest::prelude::*;

    const KEYS: &[&str] = &[
        "j", "k", "g", "G", "n", "N", "tab", "backtab", "left", "right", "pgdn", "enter", "a", "c",
        "/", "]", "[", "e", "v", "space", "<", ">", "?", "q", "esc", "x", "bksp",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Any key sequence at any size leaves a drawable state and never panics.
        #[test]
        fn any_key_sequence_draws(
            seq in proptest::collection::vec(0..KEYS.len(), 1..40),
            w in 20u16..200,
            h in 5u16..60,
            many in any::<bool>(),
        ) {
            let c = if many { fixtures::many_sources(12, 8) } else { fixtures::three_outlets() };
            let mut app = App::from_comparisons(vec![c], TuiConfig::default(), false);
            // Random keys can confirm the export dialog: its file must land in a temporary
            // folder, never in the working directory (the repository, under `cargo test`).
            // Relative names go to the export folder; a name typed to climb out of it or
            // start from the root is flattened into a plain file name there.
            let dir = tempfile::tempdir().unwrap();
            app.export_dir = dir.path().to_path_buf();
            for k in seq {
                keys(&mut app, KEYS[k]);
                if let Some(Modal::Export(d)) = app.modal.as_mut() {
                    let p = std::path::Path::new(&d.path);
                    let escapes = p.is_absolute()
                        || p.components().any(|c| !matches!(c, std::path::Component::Normal(_)));
                    if escapes {
                        d.path = d.path.replace(['/', '.'], "_");
                    }
                }
                if app.quit {
                    break;
                }
                draw(&mut app, (w, h));
            }
        }
    }
}

// ---- robustness of the reader (#18) ----

/// A story of `n` rows, made by repeating the rows of a small fixture.
fn long_story(n: usize) -> Comparison {
    let mut c = fixtures::many_sources(3, 4);
    let rows = c.rows.clone();
    c.rows = (0..n)
        .map(|i| {
            let mut r = rows[i % rows.len()].clone();
            r.id = i + 1;
            r
        })
        .collect();
    c
}

#[test]
fn the_last_row_of_a_long_story_costs_a_screenful_of_layout() {
    let mut app = App::from_comparisons(vec![long_story(30_000)], TuiConfig::default(), true);
    app.resize(100, 30);
    keys(&mut app, "G");
    let o = app.open.as_ref().unwrap();
    assert_eq!(o.row, 29_999);
    let laid = o.layout.as_ref().unwrap().laid_out();
    assert!(laid < 100, "{laid} rows laid out to show the last one");
    let s = screen(&mut app, (100, 30));
    assert!(s.contains("row 30000/30000"), "{s}");
    // Paging back up and jumping to the top stay as cheap.
    keys(&mut app, "pgdn k k g");
    let laid = app
        .open
        .as_ref()
        .unwrap()
        .layout
        .as_ref()
        .unwrap()
        .laid_out();
    assert!(laid < 200, "{laid}");
}

#[test]
fn a_frame_drawn_after_the_terminal_shrank_stays_inside_it() {
    // The reader last heard of 200 columns; the frame it draws into has 45 (tmux resized the
    // window and the key came before the resize event). Nothing may be written outside.
    for seq in ["", "v", "e", "c", "?", "enter"] {
        let mut app = App::from_comparisons(
            vec![fixtures::many_sources(12, 8)],
            TuiConfig::default(),
            true,
        );
        app.export_dir = NO_EXPORTS.into();
        app.resize(200, 40);
        keys(&mut app, seq);
        for (w, h) in [(45, 40), (45, 12), (200, 10), (41, 10)] {
            let area = ratatui::layout::Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            view::render(&app, area, &mut buf);
        }
    }
}

#[test]
fn a_paste_is_typed_into_the_open_input_line_only() {
    let mut app = fixture_app(true);
    app.resize(120, 30);
    let long = "Riyadh ".repeat(3_000);
    // Outside an input line a paste does nothing (its letters are not keys).
    app.handle_event(&Event::Paste("qqq".into()));
    assert!(!app.quit && app.modal.is_none());
    keys(&mut app, "/");
    app.handle_event(&Event::Paste(format!("{long}\nline two\u{1b}[31m")));
    match &app.modal {
        Some(Modal::Search(text)) => {
            assert!(text.starts_with("Riyadh Riyadh") && text.ends_with("line two [31m"));
            assert!(!text.chars().any(char::is_control), "one line, no controls");
        }
        other => panic!("{other:?}"),
    }
    keys(&mut app, "ctrl-u");
    app.handle_event(&Event::Paste("Riyadh".into()));
    keys(&mut app, "enter");
    assert!(app.modal.is_none());
    assert!(!app.open.as_ref().unwrap().matches.is_empty());
}

// ---- the features readers of news expect (#15) ----

#[test]
fn d_shows_only_rows_that_differ_and_s_only_shared_rows() {
    let mut app = sample_app();
    app.resize(120, 30);
    let all = app.open.as_ref().unwrap().c.rows.len();
    keys(&mut app, "d");
    assert!(app.status.as_ref().unwrap().text.contains("differ"));
    let filtered = app.open.as_ref().unwrap().filtered;
    let s = screen(&mut app, (120, 30));
    assert!(
        s.contains(&format!("· {filtered} differ")),
        "title says so: {s}"
    );
    let o = app.open.as_ref().unwrap();
    assert!(
        o.filtered < all && o.filtered > 0,
        "{} of {all}",
        o.filtered
    );
    let shown: Vec<usize> = (0..all).filter(|&i| o.row_shown(i)).collect();
    assert!(shown.iter().all(|&i| o.differs[i]));
    assert!(o.row_shown(o.row));
    // j visits only shown rows, and the screen lists only those.
    for _ in 0..5 {
        keys(&mut app, "j");
        let o = app.open.as_ref().unwrap();
        assert!(o.differs[o.row]);
    }
    let o = app.open.as_ref().unwrap();
    let body = app.layout().body;
    for (i, _, _) in parallax::tui::app::visible_rows(o, body) {
        assert!(o.differs[i], "row {i} drawn under d");
    }
    keys(&mut app, "s");
    let o = app.open.as_ref().unwrap();
    for i in (0..all).filter(|&i| o.row_shown(i)) {
        assert!(o.c.rows[i].cells.len() >= 2 && o.differs[i]);
    }
    keys(&mut app, "d s");
    let o = app.open.as_ref().unwrap();
    assert_eq!(o.filtered, all);
    assert!((0..all).all(|i| o.row_shown(i)));
    let s = screen(&mut app, (120, 30));
    assert!(s.contains("row "), "{s}");
}

#[test]
fn o_shows_an_outlets_summary_and_tab_the_next() {
    let mut app = App::from_comparisons(
        vec![fixtures::report_comparison(false)],
        TuiConfig::default(),
        true,
    );
    app.resize(100, 30);
    keys(&mut app, "o");
    assert_eq!(app.screen(), Screen::Outlet);
    let first = app.outlet.1;
    let s = screen(&mut app, (100, 30));
    for heading in [
        "Only this source reports",
        "leaves out",
        "Quotations carried",
        "Reporting verbs",
        "Loaded words",
    ] {
        assert!(s.contains(heading), "{heading} missing:\n{s}");
    }
    keys(&mut app, "tab");
    assert_eq!(app.screen(), Screen::Outlet);
    assert_ne!(app.outlet.1, first);
    keys(&mut app, "q");
    assert_eq!(app.screen(), Screen::Compare);
}

#[test]
fn u_opens_only_a_web_address_and_y_copies_sanitised_text() {
    use parallax::tui::app::Effect;
    let c = fixtures::report_comparison(true);
    let cnbc = c
        .articles
        .iter()
        .position(|a| a.url.as_deref().is_some_and(|u| u.starts_with("https:")))
        .unwrap();
    let script = c
        .articles
        .iter()
        .position(|a| {
            a.url
                .as_deref()
                .is_some_and(|u| u.starts_with("javascript:"))
        })
        .unwrap();
    let none = c.articles.iter().position(|a| a.url.is_none()).unwrap();
    let mut app = App::from_comparisons(vec![c], TuiConfig::default(), true);
    app.resize(120, 30);
    let to = |app: &mut App, i: usize| {
        while app.open.as_ref().unwrap().reference != i {
            keys(app, "tab");
        }
    };
    to(&mut app, cnbc);
    keys(&mut app, "u");
    assert_eq!(
        app.effects.drain(..).collect::<Vec<_>>(),
        [Effect::OpenUrl(
            "https://www.cnbc.com/2025/02/25/kremlin-plays-it-cool.html".into()
        )]
    );
    for i in [script, none] {
        to(&mut app, i);
        keys(&mut app, "u");
        assert!(app.effects.is_empty(), "no browser for article {i}");
        assert!(app.status.as_ref().unwrap().error);
    }
    // y copies every source's passage of the row, escapes removed.
    for _ in 0..8 {
        keys(&mut app, "y");
        assert!(app.status.as_ref().unwrap().text.contains("OSC 52"));
        match app.effects.pop() {
            Some(Effect::Copy(text)) => {
                assert!(!text.is_empty());
                assert!(!text.contains('\u{1b}'), "{text:?}");
            }
            other => panic!("{other:?}"),
        }
        keys(&mut app, "j");
    }
}

#[test]
fn skipped_files_are_announced_and_listed_on_the_warnings_screen() {
    let cfg = Config::default();
    let loaded = parallax::load(&[], &cfg);
    let a = &loaded.articles;
    let stories = vec![
        Story {
            id: "s1".into(),
            title: parallax::group::title_of(&a[0]),
            articles: vec![0, 1],
        },
        Story {
            id: "s2".into(),
            title: parallax::group::title_of(&a[2]),
            articles: vec![2],
        },
    ];
    let mut app = App::new(loaded.articles, stories, cfg, true).with_warnings(vec![
        "feed.jsonl: 198 records without article text skipped".into(),
        "big.html: larger than max_file_bytes".into(),
    ]);
    let s = screen(&mut app, (100, 30));
    assert!(
        s.contains("2 files skipped while loading — w lists them"),
        "{s}"
    );
    keys(&mut app, "w");
    assert_eq!(app.screen(), Screen::Warnings);
    let s = screen(&mut app, (100, 30));
    assert!(
        s.contains("• feed.jsonl: 198 records") && s.contains("• big.html"),
        "{s}"
    );
    keys(&mut app, "q");
    assert_eq!(app.screen(), Screen::Stories);
}

#[test]
fn hiding_the_reference_says_where_it_moved() {
    let mut app = fixture_app(true);
    app.resize(120, 30);
    keys(&mut app, "v space");
    let status = app.status.clone().unwrap();
    assert!(status.text.contains("the reference is now"), "{status:?}");
}

#[test]
fn export_names_must_fit_the_format_and_land_in_the_export_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = fixture_app(true);
    app.export_dir = dir.path().to_path_buf();
    app.resize(120, 30);
    // The keys of issue #15: q typed into the name makes "s1.jsonqq", which is refused.
    keys(&mut app, "e q q enter");
    let s = screen(&mut app, (120, 30));
    assert!(
        s.contains("does not fit JSON"),
        "the reason shows under the dialog: {s}"
    );
    assert!(
        matches!(app.modal, Some(Modal::Export(_))),
        "dialog stays open"
    );
    assert!(app.status.as_ref().unwrap().error);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // A name without an extension gets the format's; the message names the whole path.
    keys(&mut app, "ctrl-u");
    typed(&mut app, "report");
    keys(&mut app, "tab enter");
    assert!(app.modal.is_none());
    let written = dir.path().join("report.md");
    assert!(written.is_file());
    let status = app.status.clone().unwrap();
    assert!(
        status.text.contains(&*written.to_string_lossy()),
        "{status:?}"
    );
}

#[test]
fn plain_text_labels_a_single_source_row_only_here() {
    let c = fixtures::three_outlets();
    let text = parallax::tui::plain_text(&c, &TuiConfig::default());
    for block in text
        .split("── Row ")
        .filter(|b| b.contains("only this source"))
    {
        assert!(!block.contains("(reference)"), "{block}");
        assert!(block.contains("(only here)"), "{block}");
    }
}

#[test]
fn reader_flags_choose_theme_reference_and_story() {
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("parallax")
            .unwrap()
            .args(args)
            .env("HOME", std::env::temp_dir())
            .env(
                "XDG_CONFIG_HOME",
                std::env::temp_dir().join("parallax-no-config"),
            )
            .output()
            .unwrap()
    };
    // (Cryptopolitan: RT, six months later, shares no row with the others once their leads
    // are aligned with each other.)
    let out = run(&["--theme", "light", "--reference", "Cryptopolitan"]);
    assert!(out.status.success(), "{out:?}");
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Cryptopolitan (reference)"), "{s}");
    let out = run(&["--story", "no-such-story"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no story with id"));
    let out = run(&["--theme", "neon"]);
    assert!(!out.status.success());
    let out = run(&["stories", "--theme", "light"]);
    assert!(
        !out.status.success(),
        "reader flags are not for subcommands"
    );
}

/// The sizes of issue #15, where the essentials must stay on screen.
const SIZES: [(u16, u16); 4] = [(160, 45), (100, 30), (70, 30), (50, 20)];

#[test]
fn nineteen_sources_at_four_sizes_keep_help_quit_title_and_counter() {
    let mut c = fixtures::many_sources(19, 8);
    c.story.title = "Russian foreign minister says talks with U.S. officials in Riyadh were useful, embassies to reopen".into();
    for (w, h) in SIZES {
        let mut app = App::from_comparisons(vec![c.clone()], TuiConfig::default(), true);
        app.resize(w, h);
        let shot = screen(&mut app, (w, h));
        insta::assert_snapshot!(format!("nineteen_sources_{w}x{h}"), shot);
        let lines: Vec<&str> = shot.lines().collect();
        let bar = lines[usize::from(h) - 1];
        assert!(
            bar.contains("? help") && bar.contains("q quit"),
            "{w}×{h}: {bar:?}"
        );
        let title = lines[0];
        assert!(title.starts_with("parallax "), "{title:?}");
        assert!(
            title.contains(&c.story.title) || title.contains('…'),
            "{w}×{h}: a cut title ends with …: {title:?}"
        );
        let cols = &app.open.as_ref().unwrap().layout.as_ref().unwrap().columns;
        let hidden = cols.hidden_left + cols.hidden_right;
        if cols.stacked {
            assert_eq!(hidden, 0);
        } else {
            assert_eq!(hidden, 19 - cols.cols.len(), "{w}×{h}");
            assert!(
                title.contains(&format!("◀{} {}▶", cols.hidden_left, cols.hidden_right)),
                "{w}×{h}: counter in {title:?}"
            );
        }
        // The coverage map says how many sources are out of view.
        keys(&mut app, "c");
        let shot = screen(&mut app, (w, h));
        let title = shot.lines().next().unwrap_or("");
        let (_, count) = parallax::tui::pages::coverage_window(19, w, 0);
        if count < 19 {
            let counter = format!("◀0 {}▶", 19 - count);
            assert!(title.contains(&counter), "{w}×{h}: {title:?}");
        }
        insta::assert_snapshot!(format!("nineteen_sources_coverage_{w}x{h}"), shot);
    }
}

#[test]
fn a_one_line_row_still_says_how_many_sources_carry_it() {
    let cfg = TuiConfig {
        wrap_width: 0,
        ..TuiConfig::default()
    };
    let mut app = App::from_comparisons(vec![fixtures::three_outlets()], cfg, true);
    let s = screen(&mut app, (400, 20));
    let lines: Vec<&str> = s.lines().collect();
    let first = lines.iter().position(|l| l.starts_with("▶")).unwrap();
    let row = &app.open.as_ref().unwrap().c.rows[0];
    let count = format!("{}/3", row.cells.len());
    assert!(
        lines[first + 1].trim_start().starts_with(&count),
        "{:?}",
        &lines[first..first + 2]
    );
}
