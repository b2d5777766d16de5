//! Publication dates written the many ways outlets write them, normalised to a calendar date.
//!
//! A date without a year is unknown: guessing the year would put an article in the wrong
//! story as easily as the right one.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use regex::Regex;

use crate::text::calendar::{self, month_number};

/// How much a date can be trusted to be the publication date; the highest wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateKind {
    /// A crawl, retrieval or export date ("Document Date:", "Load-Date:", "Retrieved").
    Document,
    /// A date the text was updated or modified.
    Updated,
    /// A bare date line at the top of an article, or an unlabelled "Date:".
    Dateline,
    /// An explicit publication line ("Published on March 11, 2025", "Posted ...").
    Published,
    /// A field of the file format meant for it (front matter, JSON, HTML meta tags).
    Field,
}

/// A month's name or abbreviation, captured as `mon`, with an optional dot: longest first,
/// so that `June` is not read as `Jun`.
fn months() -> String {
    let mut words: Vec<&str> = calendar::month_words().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    format!(r"(?P<mon>{})\.?", words.join("|"))
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<y>(?:19|20)\d\d)\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})\b")
        .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b,?\s*(?P<y>(?:19|20)\d\d)\b",
        months()
    ))
    .expect("valid regex")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{},?\s+(?P<y>(?:19|20)\d\d)\b",
        months()
    ))
    .expect("valid regex")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<a>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<b>\d{1,2})\s*[/.-]\s*(?P<y>\d{4}|\d{2})\b")
        .expect("valid regex")
});

/// The calendar date in a piece of text such as "Published on March 11, 2025",
/// "Wed, Dec 31 2025 12:35:16 pm", "2025-02-25T10:00:00Z", "14 June 2013" or "11/30/09".
///
/// Numeric day-month orders: with `/` the US month/day order is read unless the first number
/// cannot be a month; with `.` or `-` the day comes first unless it cannot. Text with no year
/// gives `None`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    if let Ok(dt) = DateTime::parse_from_rfc3339(text.trim()) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(text.trim()) {
        return Some(dt.date_naive());
    }
    // The earliest date written in the text wins ("Published March 11, 2025, updated ...").
    let mut found: Vec<(usize, NaiveDate)> = Vec::new();
    if let Some(c) = ISO.captures(text) {
        found.extend(ymd(&c["y"], &c["m"], &c["d"]).map(|d| (start(&c), d)));
    }
    for re in [&*MONTH_DAY_YEAR, &*DAY_MONTH_YEAR] {
        if let Some(c) = re.captures(text) {
            let m = month_number(&c["mon"]);
            found.extend(named(&c["y"], m, &c["d"]).map(|d| (start(&c), d)));
        }
    }
    if found.is_empty()
        && let Some(c) = NUMERIC.captures(text)
    {
        let a: u32 = c["a"].parse().ok()?;
        let b: u32 = c["b"].parse().ok()?;
        let y = full_year(&c["y"])?;
        let (m, d) = match &c["sep"] {
            "/" if a <= 12 => (a, b),
            "/" => (b, a),
            _ if b <= 12 => (b, a),
            _ => (a, b),
        };
        found.extend(NaiveDate::from_ymd_opt(y, m, d).map(|d| (0, d)));
    }
    found.into_iter().min_by_key(|&(at, _)| at).map(|(_, d)| d)
}

fn start(c: &regex::Captures<'_>) -> usize {
    c.get(0).map_or(0, |m| m.start())
}

/// A date from a number in a data file: Unix seconds, or milliseconds when it is that large.
pub fn from_timestamp(n: f64) -> Option<NaiveDate> {
    if !n.is_finite() || n <= 0.0 {
        return None;
    }
    let secs = if n > 1e11 { n / 1000.0 } else { n };
    DateTime::from_timestamp(secs as i64, 0).map(|d| d.date_naive())
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn named(y: &str, m: Option<u32>, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m?, d.parse().ok()?)
}

fn full_year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    Some(match y.len() {
        2 if n < 70 => 2000 + n,
        2 => 1900 + n,
        _ => n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn publication_lines_from_real_pages() {
        assert_eq!(
            d("Published on March 11, 2025").as_deref(),
            Some("2025-03-11")
        );
        assert_eq!(
            d("Document Date: Wed, Dec 31 2025 12:35:16 pm").as_deref(),
            Some("2025-12-31")
        );
        assert_eq!(d("May 2, 2013, 1:12 PM").as_deref(), Some("2013-05-02"));
        assert_eq!(d("14 June 2013").as_deref(), Some("2013-06-14"));
        assert_eq!(
            d("Posted Oct 26, 2011 8:57 AM CDT").as_deref(),
            Some("2011-10-26")
        );
        assert_eq!(
            d("THURSDAY, DECEMBER 3, 2009, 9:36 AM").as_deref(),
            Some("2009-12-03")
        );
        assert_eq!(
            d("Tuesday 28 April 2009 22. 34 BST").as_deref(),
            Some("2009-04-28")
        );
        assert_eq!(
            d("December 15th, 2008, 7:35 am").as_deref(),
            Some("2008-12-15")
        );
        assert_eq!(d("Nov. 30, 2009").as_deref(), Some("2009-11-30"));
        assert_eq!(d("Sept. 5, 2025").as_deref(), Some("2025-09-05"));
        assert_eq!(
            d("Published on Friday, 27 September 2013").as_deref(),
            Some("2013-09-27")
        );
    }

    #[test]
    fn machine_formats() {
        assert_eq!(d("2025-02-25").as_deref(), Some("2025-02-25"));
        assert_eq!(
            d("2025-02-25T10:04:00+03:00").as_deref(),
            Some("2025-02-25")
        );
        assert_eq!(
            d("Tue, 25 Feb 2025 10:00:00 GMT").as_deref(),
            Some("2025-02-25")
        );
        assert_eq!(d("2025/09/05").as_deref(), Some("2025-09-05"));
    }

    #[test]
    fn numeric_day_month_orders() {
        assert_eq!(d("11 / 30 / 09 05:40 PM ET").as_deref(), Some("2009-11-30"));
        assert_eq!(d("27 / 09 / 2013").as_deref(), Some("2013-09-27"));
        assert_eq!(d("05.09.2025").as_deref(), Some("2025-09-05"));
        assert_eq!(d("03/04/2025").as_deref(), Some("2025-03-04"));
    }

    #[test]
    fn no_year_or_no_date_is_unknown() {
        assert_eq!(d("Feb 24, Mon"), None);
        assert_eq!(d("Yesterday 02: 17"), None);
        assert_eq!(d("18 hours ago"), None);
        assert_eq!(d("Category: ,English,International - ,Snippets"), None);
        assert_eq!(d("February 30, 2025"), None);
    }

    #[test]
    fn timestamps_in_seconds_and_milliseconds() {
        let s = from_timestamp(1_740_441_600.0).unwrap();
        assert_eq!(s.to_string(), "2025-02-25");
        let ms = from_timestamp(1_740_441_600_000.0).unwrap();
        assert_eq!(ms.to_string(), "2025-02-25");
        assert_eq!(from_timestamp(-3.0), None);
    }
}
