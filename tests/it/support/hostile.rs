//! Hostile text for robustness tests: terminal escape sequences, control characters,
//! bidirectional overrides and invisible characters, and a check that text bound for a
//! terminal holds none of them.

/// Sequences a terminal would act on, or characters that would reorder or hide text.
pub const NASTIES: &[&str] = &[
    "\u{1b}]52;c;cm0gLXJmIH4=\u{7}", // OSC 52: write to the clipboard
    "\u{1b}[2J",                     // CSI: clear the screen
    "\u{1b}[31;1m",                  // CSI: colours
    "\u{1b}]0;owned\u{1b}\\",        // OSC: window title, ST-terminated
    "\u{1b}P+q544e\u{1b}\\",         // DCS: terminfo query
    "\u{1b}_apc\u{1b}\\",            // APC
    "\u{1b}c",                       // full reset
    "\u{9b}2J",                      // C1 CSI
    "\u{9d}0;c1title\u{9c}",         // C1 OSC … ST
    "\u{90}q\u{9c}",                 // C1 DCS … ST
    "\u{85}",                        // C1 next line
    "\u{7}",                         // bell
    "\u{8}\u{8}",                    // backspaces
    "\r",                            // carriage return (overwrites the line)
    "\u{7f}",                        // DEL
    "\u{202e}",                      // right-to-left override
    "\u{202a}\u{202b}\u{202c}\u{202d}",
    "\u{2066}\u{2067}\u{2068}\u{2069}", // isolates
    "\u{200e}\u{200f}\u{61c}",          // direction marks
    "\u{200b}\u{200c}\u{200d}\u{2060}", // zero-width space, non-joiner, joiner, word joiner
    "\u{feff}",                         // zero-width no-break space (BOM)
    "\u{e0041}\u{e0042}",               // tag characters (invisible text)
];

/// `text` with one of [`NASTIES`] glued inside every fourth word, in turn. (Denser, and the
/// loader would take the file for binary data.)
pub fn poison(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i % 4 == 1 && word.chars().count() > 2 {
            let cut = word.char_indices().nth(1).map_or(0, |(b, _)| b);
            out.push_str(&word[..cut]);
            out.push_str(NASTIES[(i / 4) % NASTIES.len()]);
            out.push_str(&word[cut..]);
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Is this character unsafe on a terminal: a control character other than the line feed,
/// a bidirectional control, or an invisible formatting character?
pub fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c,
            '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{61c}'
            | '\u{feff}'
            | '\u{e0000}'..='\u{e007f}')
}

/// Panic naming the first unsafe character of `text` (and where) if there is one.
pub fn assert_terminal_safe(what: &str, text: &str) {
    if let Some((i, c)) = text.char_indices().find(|&(_, c)| unsafe_char(c)) {
        let context: String = text[..i]
            .chars()
            .rev()
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .chain(text[i..].chars().take(40))
            .collect();
        panic!("{what}: raw {c:?} at byte {i} reaches the terminal: {context:?}");
    }
}

/// Bytes written for a terminal: valid UTF-8 and terminal-safe.
pub fn assert_terminal_safe_bytes(what: &str, bytes: &[u8]) {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => panic!(
            "{what}: not UTF-8 ({e}): {:?}",
            String::from_utf8_lossy(bytes)
        ),
    };
    assert_terminal_safe(what, text);
}
