//! The reader's state and how events change it. `draw` (in `view`) only reads this state;
//! everything a frame needs (wrapped lines, styles) is prepared here when the state changes.

use std::rc::Rc;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use ratatui::layout::Rect;

use super::layout::{CompareLayout, LayoutKey};
use super::pages::{self, Page};
use super::sanitize::sanitize_line;
use super::screen::{ScreenLayout, Shape};
use super::styled;
use super::theme::Theme;
use crate::config::Config;
use crate::config::keys::{Action, Context, KeyMap};
use crate::config::reader::TuiConfig;
use crate::corpus::Article;
use crate::group::Story;
use crate::model::{Comparison, Relation};
use crate::report::Format;

/// Smallest terminal the reader draws in; below it a message asks for more room.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 10;

/// The screens, stacked: `Back` returns to the one below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The list of stories.
    Stories,
    /// Sources side by side, row by row.
    Compare,
    /// Everything about the current row.
    Detail,
    /// One article whole.
    Article,
    /// Rows × sources heat map.
    Coverage,
    /// Keys and legend.
    Help,
    /// One outlet's summary.
    Outlet,
    /// Files skipped while loading.
    Warnings,
}

impl Screen {
    /// Its bands.
    pub fn shape(self) -> Shape {
        match self {
            Screen::Stories => Shape::List,
            Screen::Compare => Shape::Columns,
            Screen::Coverage => Shape::Map,
            Screen::Detail | Screen::Article | Screen::Help | Screen::Outlet | Screen::Warnings => {
                Shape::Page
            }
        }
    }

    /// Which actions apply here (the action table's context).
    pub fn context(self) -> Context {
        match self {
            Screen::Stories => Context::Stories,
            Screen::Compare => Context::Compare,
            Screen::Detail => Context::Detail,
            Screen::Article => Context::Article,
            Screen::Coverage => Context::Coverage,
            Screen::Help => Context::Help,
            Screen::Outlet => Context::Outlet,
            Screen::Warnings => Context::Warnings,
        }
    }
}

/// A dialog or input line that takes the keys while open.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// Typing a search in the compare view.
    Search(String),
    /// Typing the story list's filter (kept in the list state, applied live).
    Filter,
    /// The export dialog.
    Export(ExportDialog),
    /// Choosing which sources are shown; the cursor's position.
    Sources(usize),
}

/// The export dialog's fields.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDialog {
    /// Chosen format.
    pub format: Format,
    /// Where to write.
    pub path: String,
}

/// The export formats in the dialog's order.
pub const FORMATS: [Format; 3] = [Format::Json, Format::Md, Format::Html];

/// Something the reader asks of the world outside the terminal's screen; the run loop does
/// it (tests read it instead).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52). Already sanitised.
    Copy(String),
    /// Open this http(s) address in the browser.
    OpenUrl(String),
}

/// A one-line message in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// Shown as an error.
    pub error: bool,
}

/// A story as the list shows it (computed once, without comparing anything).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryItem {
    /// Story id.
    pub id: String,
    /// Title (sanitised).
    pub title: String,
    /// Outlets, comma-separated (sanitised).
    pub outlets: String,
    /// Earliest and latest date, when known.
    pub dates: String,
    /// Number of articles.
    pub count: usize,
}

/// The story list's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListState {
    /// Filter text.
    pub filter: String,
    /// Indices of the stories matching the filter.
    pub visible: Vec<usize>,
    /// Selected position in `visible`.
    pub selected: usize,
    /// First visible position.
    pub top: usize,
}

/// The coverage map's cursor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CoverageState {
    /// Selected row.
    pub row: usize,
    /// Selected source.
    pub col: usize,
    /// First visible row.
    pub top: usize,
}

/// The state of the story being read.
#[derive(Debug, Clone)]
pub struct OpenStory {
    /// Index into the story list.
    pub story: usize,
    /// The story's comparison (shared with the cache).
    pub c: Rc<Comparison>,
    /// Reference column.
    pub reference: usize,
    /// Which sources are shown.
    pub shown: Vec<bool>,
    /// Scroll of the non-reference columns when they do not fit.
    pub col_offset: usize,
    /// Current row.
    pub row: usize,
    /// First visible row.
    pub top: usize,
    /// Committed search text.
    pub query: String,
    /// Rows matching the search.
    pub matches: Vec<usize>,
    /// Rows whose sources differ.
    pub differs: Vec<bool>,
    /// Which rows are shown.
    pub filter: RowFilter,
    /// How many rows the filter shows.
    pub filtered: usize,
    /// Layout of the compare view.
    pub layout: Option<CompareLayout>,
    /// The row detail page.
    pub detail: Page,
    /// The article page and which article it shows.
    pub article: Page,
    /// Article shown in the article page.
    pub article_index: usize,
    /// Coverage map cursor.
    pub coverage: CoverageState,
    /// The last move was a jump (to a difference, a match, a row of the map): when its row is
    /// off screen, it is shown near the top with one row of context above.
    pub jumped: bool,
}

enum Origin {
    Corpus {
        articles: Vec<Article>,
        stories: Vec<Story>,
        config: Box<Config>,
    },
    Built,
}

/// The reader.
pub struct App {
    /// Key bindings.
    pub keymap: KeyMap,
    /// Styles.
    pub theme: Theme,
    /// Settings.
    pub cfg: TuiConfig,
    origin: Origin,
    /// The stories, as the list shows them.
    pub stories: Vec<StoryItem>,
    comparisons: Vec<Option<Rc<Comparison>>>,
    /// Screen stack; the last is shown.
    pub screens: Vec<Screen>,
    /// Story list state.
    pub list: ListState,
    /// The story being read.
    pub open: Option<OpenStory>,
    /// Open dialog, if any.
    pub modal: Option<Modal>,
    /// Status message.
    pub status: Option<Status>,
    /// Help page.
    pub help: Page,
    /// Terminal size (width, height).
    pub size: (u16, u16),
    /// Set when the reader should exit.
    pub quit: bool,
    /// How many comparisons were built (each story at most once).
    pub built: usize,
    /// Files that could not be read, one line each (the warnings screen).
    pub warnings: Vec<String>,
    /// The warnings page.
    pub warnings_page: Page,
    /// An outlet's summary page and which article it is of.
    pub outlet: (Page, usize),
    /// What the run loop should do next outside the screen.
    pub effects: Vec<Effect>,
    /// The folder a relative export name is written into (the current folder when the
    /// reader started).
    pub export_dir: std::path::PathBuf,
}

impl App {
    /// A reader over loaded articles and their stories; comparisons are built when a story is
    /// first opened. One story opens at once; several start at the list.
    pub fn new(articles: Vec<Article>, stories: Vec<Story>, config: Config, no_color: bool) -> App {
        let items = stories.iter().map(|s| story_item(s, &articles)).collect();
        let n = stories.len();
        let cfg = config.tui.clone();
        let origin = Origin::Corpus {
            articles,
            stories,
            config: Box::new(config),
        };
        App::with(origin, items, vec![None; n], cfg, no_color)
    }

    /// A reader over comparisons already built (tests, benchmarks, saved JSON).
    pub fn from_comparisons(comparisons: Vec<Comparison>, cfg: TuiConfig, no_color: bool) -> App {
        let items = comparisons.iter().map(comparison_item).collect();
        let built = comparisons.into_iter().map(|c| Some(Rc::new(c))).collect();
        App::with(Origin::Built, items, built, cfg, no_color)
    }

    fn with(
        origin: Origin,
        stories: Vec<StoryItem>,
        comparisons: Vec<Option<Rc<Comparison>>>,
        cfg: TuiConfig,
        no_color: bool,
    ) -> App {
        let keymap = KeyMap::new(&cfg.keys).unwrap_or_default();
        let theme = Theme::new(cfg.theme, no_color);
        let mut app = App {
            keymap,
            theme,
            cfg,
            origin,
            stories,
            comparisons,
            screens: vec![Screen::Stories],
            list: ListState::default(),
            open: None,
            modal: None,
            status: None,
            help: Page::default(),
            size: (80, 24),
            quit: false,
            built: 0,
            export_dir: std::env::current_dir().unwrap_or_default(),
            warnings: Vec::new(),
            warnings_page: Page::default(),
            outlet: (Page::default(), 0),
            effects: Vec::new(),
        };
        app.refilter();
        if app.stories.len() == 1 {
            app.open_story(0);
            app.screens = vec![Screen::Compare];
        }
        app.sync();
        app
    }

    /// The files loading skipped, for the warnings screen; the status line says how many.
    pub fn with_warnings(mut self, warnings: Vec<String>) -> App {
        if !warnings.is_empty() {
            let msg = format!(
                "{} skipped while loading — w lists them",
                super::plural(warnings.len(), "file")
            );
            self.warnings = warnings;
            self.say(&msg);
        }
        self
    }

    /// The screen on top.
    pub fn screen(&self) -> Screen {
        *self.screens.last().unwrap_or(&Screen::Stories)
    }

    /// The bands of the screen on top, at the current terminal size.
    pub fn layout(&self) -> ScreenLayout {
        self.layout_of(self.screen())
    }

    /// The bands a screen would have at the current terminal size.
    pub fn layout_of(&self, screen: Screen) -> ScreenLayout {
        ScreenLayout::new(Rect::new(0, 0, self.size.0, self.size.1), screen.shape())
    }

    /// Whether the terminal is too small to draw in.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Take one terminal event.
    pub fn handle_event(&mut self, ev: &Event) {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.on_key(k),
            Event::Mouse(m) if self.cfg.mouse => self.on_mouse(m),
            Event::Resize(w, h) => self.size = (*w, *h),
            Event::Paste(text) => self.paste(text),
            _ => {}
        }
        self.sync();
    }

    /// Text pasted into the terminal (bracketed paste: one event however long): typed into
    /// the open input line as one line; ignored elsewhere, so pasted text never turns into
    /// key presses.
    fn paste(&mut self, text: &str) {
        let line: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        match self.modal.as_mut() {
            Some(Modal::Search(s)) => s.push_str(&line),
            Some(Modal::Export(d)) => d.path.push_str(line.trim()),
            Some(Modal::Filter) => {
                self.list.filter.push_str(&line);
                self.refilter();
            }
            _ => {}
        }
    }

    /// Set the terminal size (as at start-up) and lay out again.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.sync();
    }

    /// Press a key (tests and scripted use).
    pub fn press(&mut self, code: KeyCode, mods: KeyModifiers) {
        self.handle_event(&Event::Key(KeyEvent::new(code, mods)));
    }

    // ---- keys ----

    fn on_key(&mut self, k: &KeyEvent) {
        self.status = None;
        if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return;
        }
        if self.modal.is_some() {
            self.on_modal_key(k);
            return;
        }
        let Some(action) = self.keymap.action(k) else {
            return;
        };
        if action == Action::Quit {
            self.quit = true;
            return;
        }
        if self.too_small() {
            if action == Action::Back {
                self.quit = true;
            }
            return;
        }
        self.dispatch(action);
    }

    /// Do an action on the screen on top.
    fn dispatch(&mut self, action: Action) {
        match self.screen() {
            Screen::Stories => self.stories_action(action),
            Screen::Compare => self.compare_action(action),
            Screen::Detail => self.detail_action(action),
            Screen::Article => self.article_action(action),
            Screen::Coverage => self.coverage_action(action),
            Screen::Help => self.help_action(action),
            Screen::Outlet => self.outlet_action(action),
            Screen::Warnings => self.warnings_action(action),
        }
    }

    fn back(&mut self) {
        self.screens.pop();
        if self.screens.is_empty() {
            self.quit = true;
        }
    }

    fn push(&mut self, s: Screen) {
        self.screens.push(s);
    }

    fn show_help(&mut self) {
        self.help = pages::help(self);
        self.push(Screen::Help);
    }

    fn stories_action(&mut self, a: Action) {
        let n = self.list.visible.len();
        let page = usize::from(self.list_height() / 2).max(1);
        let sel = &mut self.list.selected;
        match a {
            Action::Up => *sel = sel.saturating_sub(1),
            Action::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
            Action::PageUp => *sel = sel.saturating_sub(page),
            Action::PageDown => *sel = (*sel + page).min(n.saturating_sub(1)),
            Action::Top => *sel = 0,
            Action::Bottom => *sel = n.saturating_sub(1),
            Action::Open => {
                if let Some(&i) = self.list.visible.get(self.list.selected) {
                    self.open_story(i);
                    self.push(Screen::Compare);
                }
            }
            Action::Search => self.modal = Some(Modal::Filter),
            Action::Warnings => self.show_warnings(),
            Action::Help => self.show_help(),
            Action::Back => {
                if self.list.filter.is_empty() {
                    self.back();
                } else {
                    self.list.filter.clear();
                    self.refilter();
                }
            }
            _ => {}
        }
    }

    fn compare_action(&mut self, a: Action) {
        let body_h = self.layout_of(Screen::Compare).body.height;
        let Some(o) = self.open.as_mut() else {
            self.back();
            return;
        };
        let n = o.c.rows.len();
        match a {
            Action::Up => o.row = o.prev_shown(o.row).unwrap_or(o.row),
            Action::Down => o.row = o.next_shown(o.row).unwrap_or(o.row),
            Action::PageUp | Action::PageDown => {
                let h = usize::from(body_h);
                o.row = page_move(o, h, a == Action::PageDown, &self.theme);
            }
            Action::Top => {
                o.row = if o.row_shown(0) {
                    0
                } else {
                    o.next_shown(0).unwrap_or(o.row)
                }
            }
            Action::Bottom => {
                let last = n.saturating_sub(1);
                o.row = if o.row_shown(last) {
                    last
                } else {
                    o.prev_shown(last).unwrap_or(o.row)
                }
            }
            Action::NextDiff | Action::PrevDiff => match o.next_diff(a == Action::NextDiff) {
                Some(i) => {
                    o.row = i;
                    o.jumped = true;
                }
                None => self.say("no more rows where the sources differ"),
            },
            Action::NextReference | Action::PrevReference => {
                let shown: Vec<usize> = (0..o.shown.len()).filter(|&i| o.shown[i]).collect();
                if let Some(pos) = shown.iter().position(|&i| i == o.reference) {
                    let k = shown.len();
                    let next = if a == Action::NextReference {
                        (pos + 1) % k
                    } else {
                        (pos + k - 1) % k
                    };
                    o.reference = shown[next];
                }
            }
            Action::ColumnsLeft => o.col_offset = o.col_offset.saturating_sub(1),
            Action::ColumnsRight => {
                let max = o.layout.as_ref().map_or(0, |l| l.columns.max_offset);
                o.col_offset = (o.col_offset + 1).min(max);
            }
            Action::Open => {
                if n > 0 {
                    self.open_detail();
                }
            }
            Action::Article => {
                let i = o.reference;
                self.open_article(i);
            }
            Action::Coverage => {
                o.coverage.row = o.row;
                o.coverage.col = o.reference;
                self.push(Screen::Coverage);
            }
            Action::Search => self.modal = Some(Modal::Search(String::new())),
            Action::NextMatch | Action::PrevMatch => {
                if o.matches.is_empty() {
                    self.say("no search (press / to search)");
                    return;
                }
                let shown: Vec<usize> = o
                    .matches
                    .iter()
                    .copied()
                    .filter(|&i| o.row_shown(i))
                    .collect();
                let found = if a == Action::NextMatch {
                    shown
                        .iter()
                        .copied()
                        .find(|&i| i > o.row)
                        .or(shown.first().copied())
                } else {
                    shown
                        .iter()
                        .rev()
                        .copied()
                        .find(|&i| i < o.row)
                        .or(shown.last().copied())
                };
                if let Some(i) = found {
                    o.row = i;
                    o.jumped = true;
                }
            }
            Action::Export => {
                let ext = FORMATS[0].extension();
                self.modal = Some(Modal::Export(ExportDialog {
                    format: FORMATS[0],
                    path: format!("{}.{ext}", safe_file_stem(&o.c.story.id)),
                }));
            }
            Action::Sources => self.modal = Some(Modal::Sources(o.reference)),
            Action::Outlet => {
                let i = o.reference;
                self.open_outlet(i);
            }
            Action::OpenUrl => {
                let i = o.reference;
                self.open_url(i);
            }
            Action::Copy => {
                let text = row_text(&o.c, o.row);
                let what = format!("row {}", o.c.rows.get(o.row).map_or(0, |r| r.id));
                self.copy(text, &what);
            }
            Action::Warnings => self.show_warnings(),
            Action::DiffOnly | Action::SharedOnly => {
                let before = o.filter;
                if a == Action::DiffOnly {
                    o.filter.differs = !o.filter.differs;
                } else {
                    o.filter.shared = !o.filter.shared;
                }
                let count = (0..n).filter(|&i| o.row_shown(i)).count();
                if count == 0 {
                    o.filter = before;
                    self.error("no row would be left to show");
                    return;
                }
                o.filtered = count;
                o.settle();
                o.jumped = true;
                let msg = match (o.filter.differs, o.filter.shared) {
                    (false, false) => format!("showing all {n} rows"),
                    (true, false) => format!("{count} of {n} rows: where the sources differ"),
                    (false, true) => format!("{count} of {n} rows: shared by two or more sources"),
                    (true, true) => {
                        format!("{count} of {n} rows: shared, and the sources differ")
                    }
                };
                self.say(&msg);
            }
            Action::Help => self.show_help(),
            Action::Back => self.back(),
            Action::Quit => self.quit = true,
        }
    }

    fn page_scroll(page: &mut Page, a: Action, height: u16) -> bool {
        let h = usize::from(height).max(1);
        let max = page.lines.len().saturating_sub(h);
        match a {
            Action::Up => page.scroll = page.scroll.saturating_sub(1),
            Action::Down => page.scroll = (page.scroll + 1).min(max),
            Action::PageUp => page.scroll = page.scroll.saturating_sub(h.saturating_sub(1).max(1)),
            Action::PageDown => page.scroll = (page.scroll + h.saturating_sub(1).max(1)).min(max),
            Action::Top => page.scroll = 0,
            Action::Bottom => page.scroll = max,
            _ => return false,
        }
        true
    }

    fn page_height(&self) -> u16 {
        self.layout_of(Screen::Help).body.height
    }

    fn detail_action(&mut self, a: Action) {
        let h = self.page_height();
        let Some(o) = self.open.as_mut() else { return };
        if Self::page_scroll(&mut o.detail, a, h) {
            return;
        }
        match a {
            Action::NextDiff | Action::PrevDiff => match o.next_diff(a == Action::NextDiff) {
                Some(i) => {
                    o.row = i;
                    o.jumped = true;
                    self.open_detail_page();
                }
                None => self.say("no more rows where the sources differ"),
            },
            Action::Help => self.show_help(),
            Action::Back | Action::Open => self.back(),
            _ => {}
        }
    }

    fn article_action(&mut self, a: Action) {
        let h = self.page_height();
        let Some(o) = self.open.as_mut() else { return };
        if Self::page_scroll(&mut o.article, a, h) {
            return;
        }
        match a {
            Action::NextReference | Action::PrevReference => {
                let k = o.c.articles.len();
                let i = if a == Action::NextReference {
                    (o.article_index + 1) % k
                } else {
                    (o.article_index + k - 1) % k
                };
                self.screens.pop();
                self.open_article(i);
            }
            Action::OpenUrl => {
                let i = o.article_index;
                self.open_url(i);
            }
            Action::Copy => {
                let i = o.article_index;
                let text = crate::text::sanitize::sanitize(&o.c.articles[i].body).into_owned();
                let what = format!("the article of {}", sanitize_line(o.c.display_name(i)));
                self.copy(text, &what);
            }
            Action::Help => self.show_help(),
            Action::Back => self.back(),
            _ => {}
        }
    }

    fn outlet_action(&mut self, a: Action) {
        let h = self.page_height();
        if Self::page_scroll(&mut self.outlet.0, a, h) {
            return;
        }
        let k = self.open.as_ref().map_or(0, |o| o.c.articles.len());
        let i = self.outlet.1;
        match a {
            Action::NextReference | Action::PrevReference if k > 0 => {
                let next = if a == Action::NextReference {
                    (i + 1) % k
                } else {
                    (i + k - 1) % k
                };
                self.screens.pop();
                self.open_outlet(next);
            }
            Action::OpenUrl => self.open_url(i),
            Action::Help => self.show_help(),
            Action::Back => self.back(),
            _ => {}
        }
    }

    fn warnings_action(&mut self, a: Action) {
        let h = self.page_height();
        if Self::page_scroll(&mut self.warnings_page, a, h) {
            return;
        }
        match a {
            Action::Help => self.show_help(),
            Action::Back | Action::Warnings => self.back(),
            _ => {}
        }
    }

    fn show_warnings(&mut self) {
        self.warnings_page = pages::warnings(&self.warnings, &self.theme, self.text_width());
        self.push(Screen::Warnings);
    }

    fn open_outlet(&mut self, i: usize) {
        let width = self.text_width();
        let Some(o) = self.open.as_ref() else { return };
        self.outlet = (pages::outlet(&o.c, i, &self.theme, width), i);
        self.push(Screen::Outlet);
    }

    /// Ask for an article's web address to be opened in the browser: only an http(s) address
    /// that parses, handed to the browser as one argument (never through a shell).
    fn open_url(&mut self, i: usize) {
        let Some(o) = self.open.as_ref() else { return };
        let name = sanitize_line(o.c.display_name(i)).into_owned();
        let Some(raw) = o.c.articles.get(i).and_then(|a| a.url.clone()) else {
            self.error(&format!("no web address is known for {name}"));
            return;
        };
        match url::Url::parse(raw.trim()) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => {
                let shown = sanitize_line(u.as_str()).into_owned();
                self.effects.push(Effect::OpenUrl(u.into()));
                self.say(&format!("opening {shown}"));
            }
            _ => self.error(&format!(
                "{name}'s address is not a web address: {}",
                sanitize_line(&raw)
            )),
        }
    }

    /// Ask for text to be put on the clipboard.
    fn copy(&mut self, text: String, what: &str) {
        if text.is_empty() {
            self.error("nothing to copy here");
            return;
        }
        let n = text.chars().count();
        self.effects.push(Effect::Copy(text));
        self.say(&format!(
            "copied {what} ({n} characters) through the terminal (OSC 52; a terminal that does not allow it copies nothing)"
        ));
    }

    fn coverage_action(&mut self, a: Action) {
        let page = usize::from(self.coverage_height()).max(1);
        let Some(o) = self.open.as_mut() else { return };
        let n = o.c.rows.len();
        let k = o.c.articles.len();
        let cv = &mut o.coverage;
        match a {
            Action::Up => cv.row = cv.row.saturating_sub(1),
            Action::Down => cv.row = (cv.row + 1).min(n.saturating_sub(1)),
            Action::PageUp => cv.row = cv.row.saturating_sub(page),
            Action::PageDown => cv.row = (cv.row + page).min(n.saturating_sub(1)),
            Action::Top => cv.row = 0,
            Action::Bottom => cv.row = n.saturating_sub(1),
            Action::NextReference => cv.col = (cv.col + 1) % k,
            Action::PrevReference => cv.col = (cv.col + k - 1) % k,
            Action::Open => self.coverage_jump(),
            Action::Help => self.show_help(),
            Action::Back => self.back(),
            _ => {}
        }
    }

    /// Leave the coverage map at its selected row, with its selected source in view.
    fn coverage_jump(&mut self) {
        let Some(o) = self.open.as_mut() else { return };
        o.row = o.coverage.row;
        o.jumped = true;
        if !o.row_shown(o.row) {
            o.filter = RowFilter::default();
            o.filtered = o.c.rows.len();
            self.say("showing all rows again: the filter hid this one");
        }
        let Some(o) = self.open.as_mut() else { return };
        let col = o.coverage.col;
        o.shown[col] = true;
        if let Some(l) = &o.layout
            && col != o.reference
        {
            let others: Vec<usize> = (0..o.shown.len())
                .filter(|&i| o.shown[i] && i != o.reference)
                .collect();
            let room = l.columns.cols.len().saturating_sub(1).max(1);
            if let Some(p) = others.iter().position(|&i| i == col)
                && (p < o.col_offset || p >= o.col_offset + room)
            {
                o.col_offset = p.saturating_sub(room - 1);
            }
        }
        self.screens.pop();
    }

    fn help_action(&mut self, a: Action) {
        let h = self.page_height();
        if Self::page_scroll(&mut self.help, a, h) {
            return;
        }
        if matches!(a, Action::Back | Action::Help) {
            self.back();
        }
    }

    fn on_modal_key(&mut self, k: &KeyEvent) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        self.modal = match modal {
            Modal::Search(mut text) => match k.code {
                KeyCode::Esc => None,
                KeyCode::Enter => {
                    self.commit_search(text.trim());
                    None
                }
                _ => {
                    edit(&mut text, k);
                    Some(Modal::Search(text))
                }
            },
            Modal::Filter => match k.code {
                KeyCode::Esc => {
                    self.list.filter.clear();
                    self.refilter();
                    None
                }
                KeyCode::Enter => None,
                KeyCode::Up | KeyCode::Down => {
                    let n = self.list.visible.len();
                    self.list.selected = if k.code == KeyCode::Up {
                        self.list.selected.saturating_sub(1)
                    } else {
                        (self.list.selected + 1).min(n.saturating_sub(1))
                    };
                    Some(Modal::Filter)
                }
                _ => {
                    edit(&mut self.list.filter, k);
                    self.refilter();
                    Some(Modal::Filter)
                }
            },
            Modal::Export(mut d) => match k.code {
                KeyCode::Esc => None,
                KeyCode::Enter => {
                    if self.export(&mut d) {
                        None
                    } else {
                        Some(Modal::Export(d))
                    }
                }
                KeyCode::Tab
                | KeyCode::BackTab
                | KeyCode::Left
                | KeyCode::Right
                | KeyCode::Up
                | KeyCode::Down => {
                    let pos = FORMATS.iter().position(|f| *f == d.format).unwrap_or(0);
                    let back = matches!(k.code, KeyCode::BackTab | KeyCode::Left | KeyCode::Up)
                        || k.modifiers.contains(KeyModifiers::SHIFT);
                    let k = FORMATS.len();
                    let next = if back {
                        (pos + k - 1) % k
                    } else {
                        (pos + 1) % k
                    };
                    let old_ext = format!(".{}", FORMATS[pos].extension());
                    if let Some(stem) = d.path.strip_suffix(&old_ext) {
                        d.path = format!("{stem}.{}", FORMATS[next].extension());
                    }
                    d.format = FORMATS[next];
                    Some(Modal::Export(d))
                }
                _ => {
                    edit(&mut d.path, k);
                    Some(Modal::Export(d))
                }
            },
            Modal::Sources(cur) => {
                let k_count = self.open.as_ref().map_or(0, |o| o.shown.len());
                match (k.code, self.keymap.action(k)) {
                    (KeyCode::Char(' ') | KeyCode::Char('x'), _) => {
                        self.toggle_source(cur);
                        Some(Modal::Sources(cur))
                    }
                    (KeyCode::Enter | KeyCode::Esc, _)
                    | (_, Some(Action::Back | Action::Sources)) => None,
                    (_, Some(Action::Up)) => Some(Modal::Sources(cur.saturating_sub(1))),
                    (_, Some(Action::Down)) => {
                        Some(Modal::Sources((cur + 1).min(k_count.saturating_sub(1))))
                    }
                    _ => Some(Modal::Sources(cur)),
                }
            }
        };
    }

    fn toggle_source(&mut self, i: usize) {
        let Some(o) = self.open.as_mut() else { return };
        if i >= o.shown.len() {
            return;
        }
        if o.shown[i] && o.shown.iter().filter(|s| **s).count() == 1 {
            self.say("at least one source stays shown");
            return;
        }
        o.shown[i] = !o.shown[i];
        if !o.shown[o.reference] {
            // The reference moves to the next shown source, and the reader is told.
            let k = o.shown.len();
            if let Some(next) = (1..k).map(|d| (o.reference + d) % k).find(|&j| o.shown[j]) {
                o.reference = next;
                let msg = format!(
                    "{} hidden; the reference is now {}",
                    sanitize_line(o.c.display_name(i)),
                    sanitize_line(o.c.display_name(next))
                );
                self.say(&msg);
            }
        }
    }

    fn commit_search(&mut self, text: &str) {
        let Some(o) = self.open.as_mut() else { return };
        o.query = text.to_string();
        o.matches = if text.is_empty() {
            Vec::new()
        } else {
            o.c.rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.cells.iter().any(|c| styled::contains(&c.text, text)))
                .map(|(i, _)| i)
                .collect()
        };
        if text.is_empty() {
            return;
        }
        let n = o.matches.len();
        let shown: Vec<usize> = o
            .matches
            .iter()
            .copied()
            .filter(|&i| o.row_shown(i))
            .collect();
        if n > 0 && shown.is_empty() {
            let msg = format!(
                "{} match “{}”, all hidden by the row filter",
                super::plural(n, "row"),
                sanitize_line(text)
            );
            self.error(&msg);
            return;
        }
        match shown
            .iter()
            .copied()
            .find(|&i| i >= o.row)
            .or(shown.first().copied())
        {
            Some(i) => {
                o.row = i;
                o.jumped = true;
                let msg = format!(
                    "{n} row{} match “{}”",
                    if n == 1 { "" } else { "s" },
                    sanitize_line(text)
                );
                self.say(&msg);
            }
            None => {
                let msg = format!("no row matches “{}”", sanitize_line(text));
                self.error(&msg);
            }
        }
    }

    /// Write the export the dialog describes; whether the dialog is done (written, or failed
    /// in a way typing cannot fix). A name whose extension does not fit the format keeps the
    /// dialog open with a message; a name without one gets the format's.
    fn export(&mut self, d: &mut ExportDialog) -> bool {
        let name = d.path.trim().to_string();
        if name.is_empty() {
            self.error("export: type a file name (Esc cancels)");
            return false;
        }
        let ext = d.format.extension();
        let given = std::path::Path::new(&name)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        let name = match given.as_deref() {
            None => format!("{name}.{ext}"),
            Some(e)
                if e == ext
                    || (ext == "html" && e == "htm")
                    || (ext == "md" && e == "markdown") =>
            {
                name
            }
            Some(e) => {
                let msg = format!(
                    "export: “.{}” does not fit {} — end the name in .{ext}, or Tab for another format (Esc cancels)",
                    sanitize_line(e),
                    format_name(d.format)
                );
                self.error(&msg);
                return false;
            }
        };
        d.path = name.clone();
        let path = self.export_dir.join(&name);
        let Some(o) = self.open.as_ref() else {
            return true;
        };
        let text = crate::report::render(std::slice::from_ref(o.c.as_ref()), d.format);
        // The articles, and every existing file in their folders (what the user pointed
        // at, loaded or not: a file too large to load, a sources.toml).
        let inputs: Vec<&std::path::Path> =
            o.c.articles
                .iter()
                .map(|a| std::path::Path::new(&a.path))
                .flat_map(|p| [p, p.parent().unwrap_or(p)])
                .filter(|p| !p.as_os_str().is_empty())
                .collect();
        match crate::report::write_atomic(&path, text.as_bytes(), &inputs) {
            Ok(()) => {
                let shown = std::path::absolute(&path).unwrap_or(path);
                let msg = format!(
                    "wrote {} ({} bytes)",
                    sanitize_line(&shown.display().to_string()),
                    text.len()
                );
                self.say(&msg);
            }
            Err(e) => {
                let msg = format!("export failed: {}", sanitize_line(&e.to_string()));
                self.error(&msg);
            }
        }
        true
    }

    fn say(&mut self, text: &str) {
        self.status = Some(Status {
            text: text.to_string(),
            error: false,
        });
    }

    fn error(&mut self, text: &str) {
        self.status = Some(Status {
            text: text.to_string(),
            error: true,
        });
    }

    // ---- mouse ----

    fn on_mouse(&mut self, m: &MouseEvent) {
        if self.modal.is_some() || self.too_small() {
            return;
        }
        let screen = self.screen();
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let a = if m.kind == MouseEventKind::ScrollDown {
                    Action::Down
                } else {
                    Action::Up
                };
                let steps = if screen.shape() == Shape::Page { 3 } else { 1 };
                for _ in 0..steps {
                    self.dispatch(a);
                }
            }
            MouseEventKind::Down(MouseButton::Left) => self.click(m.column, m.row),
            _ => {}
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let layout = self.layout();
        match self.screen() {
            Screen::Stories => {
                let Some(line) = layout.body_line(y) else {
                    return;
                };
                let pos = self.list.top + usize::from(line / 2);
                if pos < self.list.visible.len() {
                    if pos == self.list.selected {
                        self.stories_action(Action::Open);
                    } else {
                        self.list.selected = pos;
                    }
                }
            }
            Screen::Compare => {
                let Some(o) = self.open.as_mut() else { return };
                let Some(l) = &o.layout else { return };
                if y == layout.header.y && layout.header.height > 0 && !l.columns.stacked {
                    if let Some(col) = l
                        .columns
                        .cols
                        .iter()
                        .find(|c| x >= c.x && x < c.x + c.width)
                    {
                        o.reference = col.article;
                    }
                    return;
                }
                let hit = visible_rows(o, layout.body)
                    .into_iter()
                    .find(|&(_, top, h)| y >= top && y < top + h);
                if let Some((row, _, _)) = hit {
                    if row == o.row {
                        self.open_detail();
                    } else {
                        o.row = row;
                    }
                }
            }
            Screen::Coverage => {
                let Some(o) = self.open.as_mut() else { return };
                let Some(line) = layout.body_line(y) else {
                    return;
                };
                let row = o.coverage.top + usize::from(line);
                if row >= o.c.rows.len() {
                    return;
                }
                let (first, count) =
                    pages::coverage_window(o.c.articles.len(), self.size.0, o.coverage.col);
                let col = x
                    .checked_sub(pages::COVERAGE_LEFT)
                    .map(|d| usize::from(d / 3))
                    .filter(|&k| k < count)
                    .map(|k| first + k);
                let same = row == o.coverage.row && col.is_none_or(|c| c == o.coverage.col);
                o.coverage.row = row;
                if let Some(c) = col {
                    o.coverage.col = c;
                }
                if same {
                    self.coverage_jump();
                }
            }
            _ => {}
        }
    }

    // ---- stories ----

    fn refilter(&mut self) {
        let f = self.list.filter.to_lowercase();
        self.list.visible = self
            .stories
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                f.is_empty()
                    || format!("{} {} {}", s.title, s.outlets, s.id)
                        .to_lowercase()
                        .contains(&f)
            })
            .map(|(i, _)| i)
            .collect();
        self.list.selected = self
            .list
            .selected
            .min(self.list.visible.len().saturating_sub(1));
    }

    fn list_height(&self) -> u16 {
        self.layout_of(Screen::Stories).body.height
    }

    fn coverage_height(&self) -> u16 {
        self.layout_of(Screen::Coverage).body.height
    }

    /// The comparison of a story, built on first use and then kept.
    fn comparison(&mut self, i: usize) -> Option<Rc<Comparison>> {
        if let Some(c) = self.comparisons.get(i)?.as_ref() {
            return Some(Rc::clone(c));
        }
        let Origin::Corpus {
            articles,
            stories,
            config,
        } = &self.origin
        else {
            return None;
        };
        let c = Rc::new(crate::compare_story(articles, stories.get(i)?, config));
        self.built += 1;
        self.comparisons[i] = Some(Rc::clone(&c));
        Some(c)
    }

    /// Open a story in the compare view (the screen is pushed by the caller).
    pub fn open_story(&mut self, i: usize) {
        if self.open.as_ref().is_some_and(|o| o.story == i) {
            return;
        }
        let Some(c) = self.comparison(i) else { return };
        let reference = initial_reference(&c, self.cfg.reference.as_deref());
        let differs = c.rows.iter().map(row_differs).collect();
        self.open = Some(OpenStory {
            story: i,
            reference,
            shown: vec![true; c.articles.len()],
            col_offset: 0,
            row: 0,
            top: 0,
            query: String::new(),
            matches: Vec::new(),
            differs,
            filter: RowFilter::default(),
            filtered: c.rows.len(),
            layout: None,
            detail: Page::default(),
            article: Page::default(),
            article_index: reference,
            coverage: CoverageState::default(),
            jumped: false,
            c,
        });
    }

    fn open_detail(&mut self) {
        self.open_detail_page();
        self.push(Screen::Detail);
    }

    fn open_detail_page(&mut self) {
        let width = self.text_width();
        let Some(o) = self.open.as_mut() else { return };
        o.detail = pages::detail(&o.c, o.row, o.reference, &self.theme, width);
    }

    fn open_article(&mut self, i: usize) {
        let width = self.text_width();
        let h = usize::from(self.page_height());
        let Some(o) = self.open.as_mut() else { return };
        o.article_index = i;
        o.article = pages::article(&o.c, i, &self.theme, width);
        // Start at the current row's passage, a little below the top.
        o.article.scroll = o
            .article
            .anchors
            .iter()
            .find(|a| a.0 >= o.row)
            .map_or(0, |a| a.1.saturating_sub(2));
        o.article.scroll = o
            .article
            .scroll
            .min(o.article.lines.len().saturating_sub(h));
        self.push(Screen::Article);
    }

    /// Width for full-screen text pages.
    pub fn text_width(&self) -> u16 {
        let w = self.size.0.saturating_sub(2 + pages::PAGE_GUTTER);
        if self.cfg.wrap_width > 0 {
            w.min(self.cfg.wrap_width)
        } else {
            w
        }
        .max(10)
    }

    // ---- keeping derived state current ----

    /// Bring layouts and viewports in line with the state; runs after every event.
    fn sync(&mut self) {
        let width = self.text_width();
        let w = self.size.0;
        let body_h = self.layout_of(Screen::Compare).body.height;
        // Story list viewport: two lines per story.
        let fit = usize::from(self.list_height() / 2).max(1);
        if self.list.selected < self.list.top {
            self.list.top = self.list.selected;
        } else if self.list.selected >= self.list.top + fit {
            self.list.top = self.list.selected + 1 - fit;
        }
        if self.help.width != width && self.screen() == Screen::Help {
            self.help = pages::help(self);
        }
        if self.warnings_page.width != width && self.screens.contains(&Screen::Warnings) {
            let scroll = self.warnings_page.scroll;
            self.warnings_page = pages::warnings(&self.warnings, &self.theme, width);
            self.warnings_page.scroll =
                scroll.min(self.warnings_page.lines.len().saturating_sub(1));
        }
        if self.outlet.0.width != width
            && self.screens.contains(&Screen::Outlet)
            && let Some(o) = &self.open
        {
            let scroll = self.outlet.0.scroll;
            self.outlet.0 = pages::outlet(&o.c, self.outlet.1, &self.theme, width);
            self.outlet.0.scroll = scroll.min(self.outlet.0.lines.len().saturating_sub(1));
        }
        let screens = self.screens.clone();
        let theme = self.theme.clone();
        let cov_h = usize::from(self.coverage_height()).max(1);
        let Some(o) = self.open.as_mut() else { return };
        let key = LayoutKey {
            reference: o.reference,
            shown: o.shown.clone(),
            col_offset: o.col_offset,
            width: w,
            wrap_width: self.cfg.wrap_width,
            query: o.query.clone(),
        };
        if o.layout.as_ref().is_none_or(|l| l.key != key) {
            let l = CompareLayout::new(&o.c, key);
            o.col_offset = o.col_offset.min(l.columns.max_offset);
            o.layout = Some(l);
        }
        o.settle();
        ensure_visible(o, body_h, &theme);
        // Coverage viewport.
        let cv = &mut o.coverage;
        if cv.row < cv.top {
            cv.top = cv.row;
        } else if cv.row >= cv.top + cov_h {
            cv.top = cv.row + 1 - cov_h;
        }
        // Pages re-wrap when the width changes.
        if screens.contains(&Screen::Detail) && o.detail.width != width {
            o.detail = pages::detail(&o.c, o.row, o.reference, &theme, width);
        }
        if screens.contains(&Screen::Article) && o.article.width != width {
            let scroll = o.article.scroll;
            o.article = pages::article(&o.c, o.article_index, &theme, width);
            o.article.scroll = scroll.min(o.article.lines.len().saturating_sub(1));
        }
    }
}

/// Rows on screen in the compare view: (row index, top y, height), clipped to `body`.
pub fn visible_rows(o: &OpenStory, body: Rect) -> Vec<(usize, u16, u16)> {
    let Some(l) = &o.layout else {
        return Vec::new();
    };
    let bottom = body.bottom();
    let mut y = body.top();
    let mut out = Vec::new();
    for i in (o.top..l.len()).filter(|&i| o.row_shown(i)) {
        let Some(r) = l.row(i) else { break };
        if y >= bottom {
            break;
        }
        let h = r.height.min(bottom - y);
        out.push((i, y, h));
        y = y.saturating_add(r.height + 1);
    }
    out
}

/// Which rows the compare view shows: all, or only some kinds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// Only rows where the sources differ.
    pub differs: bool,
    /// Only rows two or more sources share.
    pub shared: bool,
}

impl RowFilter {
    /// Whether row `i` passes (`differs` is the story's per-row "sources differ").
    pub fn shows(self, c: &Comparison, differs: &[bool], i: usize) -> bool {
        (!self.differs || differs.get(i).copied().unwrap_or(false))
            && (!self.shared || c.rows.get(i).is_some_and(|r| r.cells.len() >= 2))
    }

    /// Whether every row is shown.
    pub fn is_all(self) -> bool {
        !self.differs && !self.shared
    }
}

impl OpenStory {
    /// Whether row `i` is shown under the current filter.
    pub fn row_shown(&self, i: usize) -> bool {
        i < self.c.rows.len() && self.filter.shows(&self.c, &self.differs, i)
    }

    /// The next shown row after `i`.
    pub fn next_shown(&self, i: usize) -> Option<usize> {
        (i + 1..self.c.rows.len()).find(|&j| self.row_shown(j))
    }

    /// The shown row before `i`.
    pub fn prev_shown(&self, i: usize) -> Option<usize> {
        (0..i.min(self.c.rows.len()))
            .rev()
            .find(|&j| self.row_shown(j))
    }

    /// The next (or previous) shown row where the sources differ.
    fn next_diff(&self, forward: bool) -> Option<usize> {
        let is = |i: &usize| self.differs[*i] && self.row_shown(*i);
        if forward {
            (self.row + 1..self.c.rows.len()).find(is)
        } else {
            (0..self.row).rev().find(is)
        }
    }

    /// Move the current row to a shown one (itself, else the next, else the previous).
    fn settle(&mut self) {
        self.row = self.row.min(self.c.rows.len().saturating_sub(1));
        if !self.row_shown(self.row) {
            self.row = self
                .next_shown(self.row)
                .or_else(|| self.prev_shown(self.row))
                .unwrap_or(self.row);
        }
    }
}

/// Scroll so the current row is on screen (its top when it is taller than the screen), and
/// lay out every row that shows. Costs a screenful of rows wherever the current row is: a
/// jump to the last of 30,000 rows lays out only the rows around it.
fn ensure_visible(o: &mut OpenStory, body: u16, theme: &Theme) {
    let Some(l) = o.layout.as_mut() else { return };
    let (c, differs, filter) = (&o.c, &o.differs, o.filter);
    let shown = |i: usize| filter.shows(c, differs, i);
    let n = l.len();
    let next = |i: usize| (i + 1..n).find(|&j| shown(j));
    let prev = |i: usize| (0..i).rev().find(|&j| shown(j));
    if n == 0 || !shown(o.row) {
        o.top = 0;
        return;
    }
    if !shown(o.top) {
        o.top = next(o.top).unwrap_or(o.row);
    }
    let body = usize::from(body);
    if std::mem::take(&mut o.jumped) {
        // Is the row wholly on screen from the current top? Walk at most a screenful.
        let mut y = 0usize;
        let mut on_screen = false;
        let mut i = Some(o.top);
        while let Some(k) = i {
            if k > o.row {
                break;
            }
            y += usize::from(l.ensure(c, theme, k));
            if y > body {
                break;
            }
            if k == o.row {
                on_screen = true;
            }
            y += 1;
            i = next(k);
        }
        if o.row < o.top || !on_screen {
            o.top = prev(o.row).unwrap_or(o.row);
        }
    }
    if o.row < o.top {
        o.top = o.row;
    }
    // Lowest top that still shows the whole row, walking up from the row: a screenful.
    let mut used = usize::from(l.ensure(c, theme, o.row)) + 1;
    let mut t = o.row;
    while let Some(p) = prev(t).filter(|&p| p >= o.top) {
        used += usize::from(l.ensure(c, theme, p)) + 1;
        if used > body + 1 {
            break;
        }
        t = p;
    }
    o.top = t.max(o.top).min(o.row);
    if !shown(o.top) {
        o.top = o.row;
    }
    let mut y = 0usize;
    let mut i = Some(o.top);
    while let Some(k) = i {
        if y >= body {
            break;
        }
        y += usize::from(l.ensure(c, theme, k)) + 1;
        i = next(k);
    }
}

/// The row a page up or down lands on: about one screen of shown rows away.
fn page_move(o: &mut OpenStory, body: usize, down: bool, theme: &Theme) -> usize {
    let Some(l) = o.layout.as_mut() else {
        return o.row;
    };
    let (c, differs, filter) = (&o.c, &o.differs, o.filter);
    let n = l.len();
    let step = |i: usize| {
        if down {
            (i + 1..n).find(|&j| filter.shows(c, differs, j))
        } else {
            (0..i).rev().find(|&j| filter.shows(c, differs, j))
        }
    };
    let mut used = 0usize;
    let mut row = o.row;
    while let Some(next) = step(row) {
        used += usize::from(l.ensure(c, theme, next)) + 1;
        if used > body && row != o.row {
            break;
        }
        row = next;
    }
    row
}

/// Whether a row's sources differ: a discrepancy, or two or more cells that are not all the
/// same words.
pub fn row_differs(row: &crate::model::Row) -> bool {
    if !row.discrepancies.is_empty() {
        return true;
    }
    row.cells.len() >= 2
        && row.cells.iter().any(|c| {
            !matches!(c.relation, Relation::Reference | Relation::Identical)
                || c.diffs
                    .iter()
                    .any(|d| d.spans.iter().any(|s| s.op != crate::model::DiffOp::Equal))
        })
}

/// The reference column a story opens with: the configured source when the story has it
/// (by article id or outlet name), else the comparison's own reference.
pub fn initial_reference(c: &Comparison, wanted: Option<&str>) -> usize {
    let by_config = wanted.and_then(|w| {
        c.articles.iter().position(|a| {
            a.id.eq_ignore_ascii_case(w)
                || a.source
                    .as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case(w))
        })
    });
    by_config
        .or_else(|| c.article_index(&c.reference))
        .unwrap_or(0)
}

fn edit(text: &mut String, k: &KeyEvent) {
    match k.code {
        KeyCode::Backspace => {
            text.pop();
        }
        KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => text.clear(),
        KeyCode::Char(c)
            if !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && !c.is_control() =>
        {
            text.push(c);
        }
        _ => {}
    }
}

/// A row as plain text for the clipboard: each source's passage under its name.
pub fn row_text(c: &Comparison, row: usize) -> String {
    let Some(r) = c.rows.get(row) else {
        return String::new();
    };
    let mut out = String::new();
    for cell in &r.cells {
        let name = c
            .article_index(&cell.article)
            .map_or(cell.article.as_str(), |i| c.display_name(i));
        out.push_str(&format!(
            "{}:\n{}\n\n",
            crate::text::sanitize::sanitize_line(name),
            crate::text::sanitize::sanitize(cell.text.trim())
        ));
    }
    out.trim_end().to_string()
}

/// A format's name as the dialog and messages say it.
pub fn format_name(f: Format) -> &'static str {
    match f {
        Format::Json => "JSON",
        Format::Md => "Markdown",
        Format::Html => "HTML",
    }
}

fn safe_file_stem(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() { "story".into() } else { s }
}

fn story_item(s: &Story, articles: &[Article]) -> StoryItem {
    let members: Vec<&Article> = s.articles.iter().filter_map(|&i| articles.get(i)).collect();
    let mut outlets: Vec<String> = Vec::new();
    for a in &members {
        if let Some(name) = a.source.clone()
            && !outlets.contains(&name)
        {
            outlets.push(name);
        }
    }
    // Say how many articles have no known outlet, rather than let the known one seem to
    // stand for all of them.
    let unknown = members.iter().filter(|a| a.source.is_none()).count();
    if unknown > 0 && !outlets.is_empty() {
        outlets.push(format!("{unknown} of unknown outlet"));
    } else if unknown > 0 {
        outlets.push("outlets unknown".into());
    }
    let dates: Vec<String> = members.iter().filter_map(|a| a.date_iso()).collect();
    item(&s.id, &s.title, &outlets, dates, members.len())
}

fn comparison_item(c: &Comparison) -> StoryItem {
    let mut outlets: Vec<String> = Vec::new();
    for i in 0..c.articles.len() {
        let name = c.display_name(i).to_string();
        if !outlets.contains(&name) {
            outlets.push(name);
        }
    }
    let dates = c.articles.iter().filter_map(|a| a.date.clone()).collect();
    item(
        &c.story.id,
        &c.story.title,
        &outlets,
        dates,
        c.articles.len(),
    )
}

fn item(
    id: &str,
    title: &str,
    outlets: &[String],
    mut dates: Vec<String>,
    count: usize,
) -> StoryItem {
    dates.sort();
    let dates = match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "undated".into(),
    };
    StoryItem {
        id: sanitize_line(id).into_owned(),
        title: sanitize_line(title).into_owned(),
        outlets: sanitize_line(&outlets.join(", ")).into_owned(),
        dates,
        count,
    }
}
