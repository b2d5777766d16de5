//! When an article's event happened: its publication date when known, else a window estimated
//! from the dates its text names.
//!
//! Most saved articles carry no date (a copied page, a `.txt`), yet two reports of look-alike
//! events years apart should not become one story. An undated article's text still says much:
//! the latest year it names ("in 2024"), a month with a year ("March 11, 2025"). News rarely
//! names the current year, and it names past and coming years freely (an earlier election, the
//! next one), so such a window is a guess: grouping uses it as a weak signal, a real date as a
//! strong one. Relative expressions ("last month", "on Friday") place nothing without a date
//! to read them against, and an undated article has none.

use chrono::{Datelike, Duration, NaiveDate};

use crate::text::calendar;

/// What grouping knows about when an article's event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The article's publication date (from its file, page or sidecar).
    Dated(NaiveDate),
    /// A window estimated from the dates the text names (the article has no date).
    Estimated(Window),
    /// Neither a date nor a date in the text.
    Unknown,
}

/// A stretch of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl Window {
    /// Days between two windows: 0 when they overlap.
    pub fn gap_days(&self, other: &Window) -> i64 {
        if self.to < other.from {
            (other.from - self.to).num_days()
        } else if other.to < self.from {
            (self.from - other.to).num_days()
        } else {
            0
        }
    }
}

impl When {
    /// The days this covers: one day for a date, the window for an estimate.
    pub fn window(&self) -> Option<Window> {
        match *self {
            When::Dated(d) => Some(Window { from: d, to: d }),
            When::Estimated(w) => Some(w),
            When::Unknown => None,
        }
    }
}

/// Years outside this range are not read as years (counts, prices, model numbers).
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2099;

/// How long after the latest date a text names its article is taken to have been written:
/// a named month opens a window of half a year, a bare year one of that year and the next.
const AFTER_MONTH_DAYS: i64 = 182;

/// The latest date named by a text given as its word keys (lower case, see
/// [`crate::text::word_key`]), as a window: a year (`2024`), a month and year (`march 2025`,
/// `march 11, 2025`). `None` when the text names no year.
pub fn estimate<'a>(keys: impl IntoIterator<Item = &'a str>) -> Option<Window> {
    // (year, month) of the latest date named; month 0 for a bare year.
    let mut latest: Option<(i32, u32)> = None;
    // The last two keys before the current one.
    let mut before: [&str; 2] = ["", ""];
    for key in keys {
        if let Some(year) = year_of(key) {
            let month = month_before(before);
            let named = (year, month);
            // A month with its year is more precise than the bare year: it wins a tie.
            if latest.is_none_or(|l| named > l) {
                latest = Some(named);
            }
        }
        before = [before[1], key];
    }
    let (year, month) = latest?;
    if month == 0 {
        Some(Window {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year + 1, 12, 31)?,
        })
    } else {
        let from = NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(Window {
            from,
            to: from + Duration::days(AFTER_MONTH_DAYS),
        })
    }
}

/// A four-digit year in [`YEARS`].
fn year_of(key: &str) -> Option<i32> {
    if key.len() != 4 || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    key.parse().ok().filter(|y| YEARS.contains(y))
}

/// The month named just before a year: `march 2025`, or `march 11, 2025` (a day between).
/// 0 when there is none. `may` counts only with a day (`may 2, 2013`), since alone it is
/// usually the verb.
fn month_before(before: [&str; 2]) -> u32 {
    let is_day = |k: &str| {
        k.len() <= 2
            && k.bytes().all(|b| b.is_ascii_digit())
            && k.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let month = |k: &str| {
        calendar::is_month_word(k)
            .then(|| calendar::month_number(k))
            .flatten()
    };
    if is_day(before[1]) {
        month(before[0]).unwrap_or(0)
    } else if before[1] != "may" {
        month(before[1]).unwrap_or(0)
    } else {
        0
    }
}

/// The `when` of an article: its date when it has one, else the estimate from its text.
pub fn when(date: Option<NaiveDate>, estimate: Option<Window>) -> When {
    match (date, estimate) {
        (Some(d), _) => When::Dated(d),
        (None, Some(w)) => When::Estimated(w),
        (None, None) => When::Unknown,
    }
}

/// A short form of a window for people: `2025-03 to 2025-08`, or `2024 to 2025` when it spans
/// whole years.
pub fn describe(w: &Window) -> String {
    if w.from.month() == 1 && w.from.day() == 1 && w.to.month() == 12 && w.to.day() == 31 {
        format!("{} to {}", w.from.year(), w.to.year())
    } else {
        format!("{} to {}", w.from.format("%Y-%m"), w.to.format("%Y-%m"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        crate::text::words(s)
            .iter()
            .map(|w| crate::text::word_key(w.text))
            .collect()
    }

    fn est(s: &str) -> Option<Window> {
        let k = keys(s);
        estimate(k.iter().map(String::as_str))
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_latest_year_named_opens_a_window_of_it_and_the_next() {
        let w = est("The senator, first elected in 1998, faced voters again in 2012.").unwrap();
        assert_eq!((w.from, w.to), (day("2012-01-01"), day("2013-12-31")));
        assert_eq!(describe(&w), "2012 to 2013");
    }

    #[test]
    fn a_month_with_its_year_narrows_the_window() {
        let w = est("Talks began on March 11, 2025, and a deal followed in 2024 terms.").unwrap();
        assert_eq!(w.from, day("2025-03-01"));
        assert_eq!(describe(&w), "2025-03 to 2025-08");
        // The same year with and without its month: the month wins.
        let w = est("In 2025 much changed; in June 2025 the law passed.").unwrap();
        assert_eq!(w.from, day("2025-06-01"));
        // "may" alone is the verb.
        let w = est("Officials may 2019 be wrong").unwrap();
        assert_eq!(w.from, day("2019-01-01"));
        let w = est("On May 2, 2019 it rained").unwrap();
        assert_eq!(w.from, day("2019-05-01"));
    }

    #[test]
    fn counts_and_prices_are_not_years() {
        assert_eq!(est("Some 3000 people paid $1500 each; 12 were hurt."), None);
        assert_eq!(est("No year here, only last month and Friday."), None);
    }

    #[test]
    fn gaps_between_windows() {
        let a = Window {
            from: day("2020-01-01"),
            to: day("2020-12-31"),
        };
        let b = Window {
            from: day("2021-01-10"),
            to: day("2021-02-01"),
        };
        assert_eq!(a.gap_days(&b), 10);
        assert_eq!(b.gap_days(&a), 10);
        assert_eq!(a.gap_days(&a), 0);
        assert_eq!(
            when(Some(day("2020-05-05")), Some(a)),
            When::Dated(day("2020-05-05"))
        );
        assert_eq!(when(None, None).window(), None);
    }
}
