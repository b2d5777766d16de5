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

fn sample_app() -> App {
    let cfg = Config::default();
    let loaded = parallax::load(&[], &cfg);
    let story = parallax::group::one_story(&loaded.articles);
    App::new(loaded.articles, vec![story], cfg, true)
}

fn fixture_app(no_color: bool) -> App {
    App::from_comparisons(
        vec![fixtures::three_outlets()],
        TuiConfig::default(),
        no_color,
    )
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
fn wait_for_screen(
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
    use expectrl::session::Session;

    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.env("TERM", "xterm-256color");
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
    p.send("q").unwrap();
    let status = p.get_process().wait().unwrap();
    wait_for_screen(&mut p, &mut vt, &mut raw, "\u{0}never");
    let tail = String::from_utf8_lossy(&raw).into_owned();
    assert!(tail.contains("\u{1b}[?1049l"), "left the alternate screen");
    assert!(tail.contains("\u{1b}[?1000l"), "released the mouse");
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

/// Raw mode as the terminal driver sees it: no line editing, no echo.
#[cfg(unix)]
fn raw_mode(p: &expectrl::session::OsSession) -> bool {
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
    let rows = parallax::tui::app::visible_rows(o, 30);
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
            let dir = tempfile::tempdir().unwrap();
            for k in seq {
                keys(&mut app, KEYS[k]);
                if let Some(Modal::Export(d)) = app.modal.as_mut()
                    && !d.path.starts_with(&*dir.path().to_string_lossy())
                {
                    let name = d.path.replace('/', "_");
                    d.path = dir.path().join(name).to_string_lossy().into_owned();
                }
                if app.quit {
                    break;
                }
                draw(&mut app, (w, h));
            }
        }
    }
}
