//! Word lists kept as data under `assets/words/` (each file says in its header where the list
//! came from): compiled in with `include_str!` and parsed once, on first use, into a
//! `LazyLock<Vec<&str>>` beside the code that reads it.

/// The entries of a word list: one a line, surrounding white space trimmed; blank lines and
/// lines starting with `#` (the header) skipped; file order kept.
pub fn parse(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        assert_eq!(
            parse("# header\n# more\n\nalpha\n  beta gamma \n"),
            ["alpha", "beta gamma"]
        );
    }
}
