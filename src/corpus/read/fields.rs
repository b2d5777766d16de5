//! Article fields in structured records (JSON, JSON Lines, front matter), under the names
//! the usual tools give them: scrapers (news-please, newspaper), APIs (NewsAPI, GDELT),
//! feeds and static-site generators.

use serde_json::{Map, Value};

use crate::corpus::dates::{from_timestamp, parse_date};
use crate::corpus::doc::{Para, RawDoc, paras_of_text};

use super::html::paras_of_html;

/// Field names for each piece of metadata, in order of preference (compared without case,
/// `_` and `-`).
const TITLE: &[&str] = &["title", "headline", "heading", "name"];
const SOURCE: &[&str] = &[
    "source",
    "outlet",
    "site",
    "sitename",
    "publisher",
    "publication",
    "sourcename",
    "sourcedomain",
    "domain",
    "newspaper",
    "media",
    "feed",
];
const DATE: &[&str] = &[
    "date",
    "published",
    "publishedat",
    "pubdate",
    "datepublished",
    "publishdate",
    "datepublish",
    "publicationdate",
    "publishedon",
    "pubdatetime",
    "createdat",
    "created",
    "time",
    "timestamp",
    "seendate",
    "datetime",
    "isodate",
    "updated",
    "updatedat",
    "datemodified",
    "modified",
];
const URL: &[&str] = &[
    "url",
    "link",
    "href",
    "permalink",
    "canonicalurl",
    "sourceurl",
    "uri",
    "articleurl",
];
const TEXT: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "maintext",
    "fulltext",
    "articlebody",
    "articletext",
    "bodytext",
    "story",
    "html",
    "contenthtml",
    "contentencoded",
    "description",
    "summary",
    "abstract",
    "excerpt",
];
/// Fields that hold a list of records when the top-level object is a wrapper.
const LISTS: &[&str] = &[
    "articles",
    "items",
    "data",
    "results",
    "records",
    "documents",
    "docs",
    "posts",
    "entries",
    "stories",
    "hits",
    "news",
];

fn key(k: &str) -> String {
    k.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' ' | ':'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The first field present (non-empty) under one of the names, in preference order.
fn field<'a>(obj: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|name| {
        obj.iter()
            .find(|(k, v)| key(k) == *name && !is_empty(v))
            .map(|(_, v)| v)
    })
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// Text from a feed or scraper often keeps HTML entities (`&amp;`, `&#8217;`): decode them.
fn unescape(s: &str) -> String {
    if s.contains('&') && s.contains(';') {
        html_escape::decode_html_entities(s).into_owned()
    } else {
        s.to_string()
    }
}

/// A field value as one short string: strings as they are, objects by their `name`
/// (`{"source": {"id": "cnn", "name": "CNN"}}`), lists by their first item.
fn string_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(unescape(s.trim())).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => a.iter().find_map(string_of),
        Value::Object(o) => field(o, &["name", "title", "domain", "url", "id"]).and_then(string_of),
        _ => None,
    }
}

/// The records in a JSON document: an array of records, a record, or an object wrapping a
/// list of records (`{"articles": [...]}`).
pub fn records(v: Value) -> Vec<Value> {
    match v {
        Value::Array(items) => items,
        Value::Object(obj) => {
            if field(&obj, TEXT).is_none()
                && let Some(Value::Array(items)) = field(&obj, LISTS)
            {
                return items.clone();
            }
            vec![Value::Object(obj)]
        }
        other => vec![other],
    }
}

/// Fill a document's metadata from a record's fields.
pub fn apply_meta(obj: &Map<String, Value>, doc: &mut RawDoc) {
    if let Some(t) = field(obj, TITLE).and_then(string_of) {
        doc.title = Some(t);
    }
    if let Some(s) = field(obj, SOURCE).and_then(string_of) {
        doc.source = Some(s);
    }
    if let Some(d) = field(obj, DATE) {
        doc.date = match d {
            Value::Number(n) => n.as_f64().and_then(from_timestamp),
            other => string_of(other)
                .as_deref()
                .and_then(|s| parse_date(s).or_else(|| compact_date(s))),
        };
    }
    if let Some(u) = field(obj, URL).and_then(string_of) {
        doc.url = Some(u);
    }
    // Web clippers put the page address in `source`.
    if let Some(src) = doc.source.take() {
        if src.starts_with("http://") || src.starts_with("https://") {
            doc.source = host_of(&src);
            doc.url.get_or_insert(src);
        } else {
            doc.source = Some(src);
        }
    }
    if doc.source.is_none() {
        doc.source = doc.url.as_deref().and_then(host_of);
    }
}

/// GDELT's `20250225T101500Z` and bare `20250225` dates.
fn compact_date(s: &str) -> Option<chrono::NaiveDate> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 8 {
        return None;
    }
    chrono::NaiveDate::parse_from_str(&digits[..8], "%Y%m%d").ok()
}

/// The site of an address without `www.`: `https://www.cnbc.com/2025/...` → `cnbc.com`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.')).then(|| host.to_ascii_lowercase())
}

/// The article text of a record as paragraphs: plain text split at line breaks, HTML
/// through the HTML paragraph reader, a list of strings as one paragraph each.
pub fn text_of(obj: &Map<String, Value>) -> Option<Vec<Para>> {
    let v = field(obj, TEXT)?;
    let paras = match v {
        Value::String(s) => paras_of_field(s),
        Value::Array(items) => items
            .iter()
            .filter_map(|i| match i {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => field(o, TEXT).and_then(string_of),
                _ => None,
            })
            .flat_map(|s| paras_of_field(&s))
            .collect(),
        Value::Object(o) => text_of(o)?,
        _ => return None,
    };
    (!paras.is_empty()).then_some(paras)
}

fn paras_of_field(s: &str) -> Vec<Para> {
    if looks_like_html(s) {
        paras_of_html(s)
    } else {
        paras_of_text(&unescape(s))
    }
}

/// True for text marked up with HTML paragraph or line tags.
pub fn looks_like_html(s: &str) -> bool {
    let lower = s
        .get(..s.len().min(20_000))
        .unwrap_or(s)
        .to_ascii_lowercase();
    ["<p>", "<p ", "</p>", "<br", "<div", "</h2>", "<li>"]
        .iter()
        .any(|t| lower.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc_of(v: Value) -> RawDoc {
        let mut d = RawDoc::default();
        let obj = v.as_object().unwrap();
        apply_meta(obj, &mut d);
        d.paras = text_of(obj).unwrap_or_default();
        d
    }

    #[test]
    fn newsapi_record() {
        let d = doc_of(json!({
            "source": {"id": "cnbc", "name": "CNBC"},
            "author": "Holly Ellyatt",
            "title": "Kremlin plays it cool on U.S. ties",
            "url": "https://www.cnbc.com/2025/02/25/kremlin.html",
            "publishedAt": "2025-02-25T10:04:00Z",
            "content": "After its initial enthusiasm, the Kremlin now appears to be playing it cool."
        }));
        assert_eq!(d.source.as_deref(), Some("CNBC"));
        assert_eq!(
            d.title.as_deref(),
            Some("Kremlin plays it cool on U.S. ties")
        );
        assert_eq!(d.date.unwrap().to_string(), "2025-02-25");
        assert_eq!(
            d.url.as_deref(),
            Some("https://www.cnbc.com/2025/02/25/kremlin.html")
        );
        assert_eq!(d.paras.len(), 1);
    }

    #[test]
    fn news_please_record_with_html_and_no_outlet_name() {
        let d = doc_of(json!({
            "title": "Kremlin says ties in early stages",
            "maintext": "<p>The Kremlin has stated that efforts are in early stages.</p><p>Peskov said more.</p>",
            "date_publish": "2025-03-11 09:15:00",
            "url": "https://www.aa.com.tr/en/world/kremlin/3506044"
        }));
        assert_eq!(d.source.as_deref(), Some("aa.com.tr"));
        assert_eq!(d.date.unwrap().to_string(), "2025-03-11");
        assert_eq!(d.paras.len(), 2);
    }

    #[test]
    fn unix_and_compact_dates() {
        assert_eq!(
            doc_of(json!({"timestamp": 1740441600, "text": "x"}))
                .date
                .unwrap()
                .to_string(),
            "2025-02-25"
        );
        assert_eq!(
            doc_of(json!({"seendate": "20250225T101500Z", "text": "x"}))
                .date
                .unwrap()
                .to_string(),
            "2025-02-25"
        );
    }

    #[test]
    fn wrappers_and_arrays_give_records() {
        assert_eq!(
            records(json!({"articles": [{"text": "a"}, {"text": "b"}]})).len(),
            2
        );
        assert_eq!(
            records(json!([{"text": "a"}, {"text": "b"}, {"text": "c"}])).len(),
            3
        );
        assert_eq!(records(json!({"text": "a", "items": [1, 2]})).len(), 1);
    }

    #[test]
    fn entities_are_decoded_and_a_source_address_becomes_the_url() {
        let d = doc_of(json!({
            "title": "Putin&#8217;s &quot;rational&quot; Trump",
            "source": "https://www.rt.com/russia/peskov-ties/",
            "text": "Peskov said ties were in a &ldquo;total freeze&rdquo; &amp; would take time."
        }));
        assert_eq!(d.title.as_deref(), Some("Putin’s \"rational\" Trump"));
        assert_eq!(d.source.as_deref(), Some("rt.com"));
        assert_eq!(
            d.url.as_deref(),
            Some("https://www.rt.com/russia/peskov-ties/")
        );
        assert_eq!(
            d.paras[0].text,
            "Peskov said ties were in a “total freeze” & would take time."
        );
    }

    #[test]
    fn paragraph_lists() {
        let d = doc_of(json!({"body": ["First paragraph.", "Second paragraph."]}));
        assert_eq!(d.paras.len(), 2);
    }
}
