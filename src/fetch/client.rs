//! The HTTP client: `ureq` (pure Rust, rustls) with parallax's limits. Bodies are counted as
//! they are read and refused past the size limit whatever the headers say; only the content
//! types parallax reads are downloaded at all.

use std::io::{BufRead, BufReader, Read};
use std::time::Duration;

use ureq::ResponseExt;
use url::Url;

use super::FetchConfig;
use super::error::FetchError;
use super::pace::Pacer;

/// What a response holds, by its `Content-Type` (or, without one, by its first bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An HTML or XHTML page.
    Html,
    /// JSON: a NewsAPI-style list of articles, one record, or a JSON Feed.
    Json,
    /// An RSS or Atom feed (or XML that may be one).
    Feed,
    /// Plain text (robots.txt only).
    Text,
}

/// A fetched body.
#[derive(Debug, Clone)]
pub struct Page {
    /// The address the body came from, after redirects.
    pub url: Url,
    /// What it holds.
    pub kind: Kind,
    /// The charset named in the `Content-Type` header.
    pub charset: Option<String>,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
}

/// What a request is for: an article or feed, or a robots.txt file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Want {
    Article,
    Robots,
}

/// Most bytes of robots.txt read (RFC 9309 asks parsers to read at least 500 KiB).
const ROBOTS_LIMIT: u64 = 512 * 1024;

/// The client shared by the fetch workers.
pub(crate) struct Client {
    agent: ureq::Agent,
    cfg: FetchConfig,
    pacer: Pacer,
}

impl Client {
    pub(crate) fn new(cfg: &FetchConfig) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_connect(Some(secs(cfg.connect_timeout_secs)))
            .timeout_global(Some(secs(cfg.timeout_secs)))
            .max_redirects(cfg.max_redirects)
            .max_redirects_will_error(true)
            .http_status_as_error(false)
            .user_agent(cfg.user_agent.as_str())
            .accept(
                "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,\
                 application/xml;q=0.9,application/json;q=0.9,*/*;q=0.1",
            )
            .accept_encoding("gzip, deflate, br")
            .build()
            .into();
        Self {
            agent,
            cfg: cfg.clone(),
            pacer: Pacer::new(secs(cfg.host_interval_secs)),
        }
    }

    pub(crate) fn pacer(&self) -> &Pacer {
        &self.pacer
    }

    /// GET one address, waiting for its host's turn. Error statuses, refused content types
    /// and oversized bodies are errors.
    pub(crate) fn get(&self, url: &Url, want: Want) -> Result<Page, FetchError> {
        self.pacer.wait(&host_key(url));
        let mut resp = self
            .agent
            .get(url.as_str())
            .call()
            .map_err(|e| self.error(e))?;
        let status = resp.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(FetchError::Status { status });
        }
        let final_url = Url::parse(&resp.get_uri().to_string()).unwrap_or_else(|_| url.clone());
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.trim().to_ascii_lowercase())
        };
        let content_type = header("content-type").filter(|v| !v.is_empty());
        let deflate = header("content-encoding").is_some_and(|v| v == "deflate");
        let (mime, charset) = match &content_type {
            Some(ct) => split_content_type(ct),
            None => (String::new(), None),
        };
        let declared = match want {
            Want::Robots => Some(Kind::Text),
            Want::Article if mime.is_empty() => None,
            Want::Article => Some(kind_of(&mime).ok_or(FetchError::ContentType(mime.clone()))?),
        };
        let limit = match want {
            Want::Robots => ROBOTS_LIMIT,
            Want::Article => self.cfg.max_body_bytes,
        };
        let body = resp.body_mut().with_config().reader();
        let bytes = if deflate {
            read_limited(inflate(body), limit)
        } else {
            read_limited(body, limit)
        }
        .map_err(|e| match e {
            Limited::Over => FetchError::TooLarge(human_bytes(limit)),
            Limited::Io(e) => self.error(ureq::Error::from(e)),
        })?;
        let kind = match declared {
            Some(k) => k,
            None => sniff(&bytes).ok_or_else(|| FetchError::ContentType("(none given)".into()))?,
        };
        Ok(Page {
            url: final_url,
            kind,
            charset,
            bytes,
        })
    }

    fn error(&self, e: ureq::Error) -> FetchError {
        use ureq::Timeout as T;
        match e {
            ureq::Error::Timeout(T::Connect | T::Resolve) => {
                FetchError::ConnectTimeout(seconds(self.cfg.connect_timeout_secs))
            }
            ureq::Error::Timeout(_) => FetchError::Timeout(seconds(self.cfg.timeout_secs)),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout(seconds(self.cfg.timeout_secs))
            }
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
                FetchError::Network("connection refused".into())
            }
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects(self.cfg.max_redirects),
            ureq::Error::HostNotFound => FetchError::HostNotFound,
            ureq::Error::ConnectionFailed => FetchError::Network("could not connect".into()),
            ureq::Error::BodyExceedsLimit(_) => {
                FetchError::TooLarge(human_bytes(self.cfg.max_body_bytes))
            }
            ureq::Error::BadUri(_) => FetchError::NotHttp,
            ureq::Error::StatusCode(status) => FetchError::Status { status },
            other => FetchError::Network(one_line(&other.to_string())),
        }
    }
}

/// The key hosts are paced by: host and port.
pub(crate) fn host_key(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

/// `text/html; charset=UTF-8` → (`text/html`, `utf-8`).
fn split_content_type(ct: &str) -> (String, Option<String>) {
    let mut parts = ct.split(';');
    let mime = parts.next().unwrap_or("").trim().to_string();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim() == "charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    });
    (mime, charset)
}

/// The kind of a declared media type; `None` for types parallax does not read.
fn kind_of(mime: &str) -> Option<Kind> {
    Some(match mime {
        "text/html" | "application/xhtml+xml" => Kind::Html,
        "application/rss+xml"
        | "application/atom+xml"
        | "application/rdf+xml"
        | "application/xml"
        | "text/xml"
        | "application/feed+json" => Kind::Feed,
        "application/json" | "text/json" => Kind::Json,
        m if m.ends_with("+json") => Kind::Json,
        _ => return None,
    })
}

/// The kind of a body served without a content type, from its first bytes.
fn sniff(bytes: &[u8]) -> Option<Kind> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') || head.starts_with('[') {
        Some(Kind::Json)
    } else if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") {
        Some(Kind::Feed)
    } else if head.starts_with('<') {
        Some(Kind::Html)
    } else {
        None
    }
}

enum Limited {
    Over,
    Io(std::io::Error),
}

/// Read at most `limit` bytes; one more is an error. The count is of bytes as read
/// (decompressed), never a header's promise.
fn read_limited(r: impl Read, limit: u64) -> Result<Vec<u8>, Limited> {
    let mut buf = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(Limited::Io)?;
    if buf.len() as u64 > limit {
        return Err(Limited::Over);
    }
    Ok(buf)
}

/// `Content-Encoding: deflate`, which servers send either zlib-wrapped (as the standard
/// says) or raw.
fn inflate<'a>(r: impl Read + 'a) -> Box<dyn Read + 'a> {
    let mut r = BufReader::new(r);
    let zlib = match r.fill_buf() {
        Ok([a, b, ..]) => a & 0x0f == 8 && (u16::from(*a) << 8 | u16::from(*b)) % 31 == 0,
        _ => false,
    };
    if zlib {
        Box::new(flate2::read::ZlibDecoder::new(r))
    } else {
        Box::new(flate2::read::DeflateDecoder::new(r))
    }
}

fn secs(s: f64) -> Duration {
    Duration::try_from_secs_f64(s).unwrap_or(Duration::from_secs(30))
}

/// `10 s`, `0.5 s`.
fn seconds(s: f64) -> String {
    format!("{s} s")
}

/// `10 MB`, `512 KB`.
pub(crate) fn human_bytes(n: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if n >= MB && n.is_multiple_of(MB) {
        format!("{} MB", n / MB)
    } else if n >= MB {
        format!("{:.1} MB", n as f64 / MB as f64)
    } else if n >= 1024 {
        format!("{} KB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_and_charsets() {
        assert_eq!(
            split_content_type("text/html; charset=\"windows-1252\""),
            ("text/html".into(), Some("windows-1252".into()))
        );
        assert_eq!(kind_of("application/xhtml+xml"), Some(Kind::Html));
        assert_eq!(kind_of("application/atom+xml"), Some(Kind::Feed));
        assert_eq!(kind_of("application/vnd.api+json"), Some(Kind::Json));
        assert_eq!(kind_of("image/png"), None);
        assert_eq!(kind_of("application/pdf"), None);
    }

    #[test]
    fn sniffing_without_a_content_type() {
        assert_eq!(sniff(b"  <!doctype html><p>x"), Some(Kind::Html));
        assert_eq!(
            sniff(b"<?xml version='1.0'?><rss version='2.0'>"),
            Some(Kind::Feed)
        );
        assert_eq!(sniff(b"{\"articles\": []}"), Some(Kind::Json));
        assert_eq!(sniff(b"\x89PNG\r\n"), None);
    }

    #[test]
    fn bodies_are_counted_not_trusted() {
        let ten = [b'x'; 10];
        assert_eq!(read_limited(&ten[..], 10).ok().map(|b| b.len()), Some(10));
        assert!(matches!(read_limited(&ten[..], 9), Err(Limited::Over)));
    }

    #[test]
    fn deflate_zlib_and_raw() {
        use flate2::Compression;
        use std::io::Write;
        let text = b"<p>The Kremlin said relations were recovering.</p>";
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), Compression::default());
        z.write_all(text).unwrap();
        let mut raw = flate2::write::DeflateEncoder::new(Vec::new(), Compression::default());
        raw.write_all(text).unwrap();
        for body in [z.finish().unwrap(), raw.finish().unwrap()] {
            let mut out = Vec::new();
            inflate(&body[..]).read_to_end(&mut out).unwrap();
            assert_eq!(out, text);
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(human_bytes(10 * 1024 * 1024), "10 MB");
        assert_eq!(human_bytes(512 * 1024), "512 KB");
    }
}
