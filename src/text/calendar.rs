//! Month and weekday names in English with their usual short forms: the one list behind the
//! loader (publication dates, timestamp lines), grouping (datelines), alignment (`Feb.` is
//! `February`) and comparison (a day or month is no name; dates that differ).
//!
//! Everything takes lower-case words without a trailing dot.

/// A month: its name and the short forms outlets write for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    /// The full name, lower case.
    pub name: &'static str,
    /// Abbreviations, lower case, without the dot (`may` has none).
    pub abbreviations: &'static [&'static str],
}

/// A day of the week: its name, its three-letter abbreviation and longer short forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weekday {
    /// The full name, lower case.
    pub name: &'static str,
    /// The three-letter abbreviation (`mon`).
    pub abbreviation: &'static str,
    /// Other short forms (`tues`, `thurs`).
    pub other_short_forms: &'static [&'static str],
}

/// The months, January first.
pub const MONTHS: [Month; 12] = [
    month("january", &["jan"]),
    month("february", &["feb"]),
    month("march", &["mar"]),
    month("april", &["apr"]),
    month("may", &[]),
    month("june", &["jun"]),
    month("july", &["jul"]),
    month("august", &["aug"]),
    month("september", &["sep", "sept"]),
    month("october", &["oct"]),
    month("november", &["nov"]),
    month("december", &["dec"]),
];

/// The days of the week, Monday first.
pub const WEEKDAYS: [Weekday; 7] = [
    weekday("monday", "mon", &[]),
    weekday("tuesday", "tue", &["tues"]),
    weekday("wednesday", "wed", &[]),
    weekday("thursday", "thu", &["thur", "thurs"]),
    weekday("friday", "fri", &[]),
    weekday("saturday", "sat", &[]),
    weekday("sunday", "sun", &[]),
];

const fn month(name: &'static str, abbreviations: &'static [&'static str]) -> Month {
    Month {
        name,
        abbreviations,
    }
}

const fn weekday(
    name: &'static str,
    abbreviation: &'static str,
    other_short_forms: &'static [&'static str],
) -> Weekday {
    Weekday {
        name,
        abbreviation,
        other_short_forms,
    }
}

/// Every way of writing a month: full names and abbreviations.
pub fn month_words() -> impl Iterator<Item = &'static str> {
    MONTHS
        .iter()
        .flat_map(|m| std::iter::once(m.name).chain(m.abbreviations.iter().copied()))
}

/// A month's full name or abbreviation (`january`, `jan`, `sept`).
pub fn is_month_word(word: &str) -> bool {
    month_words().any(|w| w == word)
}

/// A weekday's full name (`monday`).
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| d.name == word)
}

/// A weekday's full name or three-letter abbreviation (`monday`, `mon`).
pub fn is_weekday_or_abbreviation(word: &str) -> bool {
    WEEKDAYS
        .iter()
        .any(|d| d.name == word || d.abbreviation == word)
}

/// A weekday in any of its forms (`tuesday`, `tue`, `tues`).
pub fn is_weekday_word(word: &str) -> bool {
    WEEKDAYS
        .iter()
        .any(|d| d.name == word || d.abbreviation == word || d.other_short_forms.contains(&word))
}

/// The number (1–12) of the month whose name starts with the first three letters of `name`
/// (case and a trailing dot ignored): `Jan.`, `january` and `Janvier` are all 1.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let prefix = n.get(..3)?;
    MONTHS
        .iter()
        .position(|m| m.name.starts_with(prefix))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_days_in_every_form() {
        assert_eq!(month_words().count(), 12 + 12);
        for w in ["january", "jan", "sep", "sept", "may", "march", "mar"] {
            assert!(is_month_word(w), "{w}");
        }
        assert!(!is_month_word("mai") && !is_month_word("ma"));
        assert!(is_weekday("monday") && !is_weekday("mon"));
        assert!(is_weekday_or_abbreviation("thu") && !is_weekday_or_abbreviation("thurs"));
        assert!(is_weekday_word("thurs") && is_weekday_word("tues"));
        assert!(!is_weekday_word("today"));
    }

    #[test]
    fn month_numbers_from_names_and_abbreviations() {
        assert_eq!(month_number("Jan."), Some(1));
        assert_eq!(month_number("June"), Some(6));
        assert_eq!(month_number("jul"), Some(7));
        assert_eq!(month_number("SEPT"), Some(9));
        assert_eq!(month_number("December"), Some(12));
        assert_eq!(month_number("ma"), None);
        assert_eq!(month_number("Mon"), None);
    }
}
