//! What can go wrong fetching one address or changing the library, each as one line a user
//! can act on.

use std::path::PathBuf;

/// Why one address was not stored. Its `Display` is the one-line reason printed after the URL.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not an `http:` or `https:` address (`javascript:`, `file:`, a typo).
    #[error("not an http(s) address")]
    NotHttp,
    /// The server answered with an error status.
    #[error("HTTP {status}{}", reason_suffix(*status))]
    Status {
        /// The status code.
        status: u16,
    },
    /// No connection within the connect timeout.
    #[error("could not connect within {0}")]
    ConnectTimeout(String),
    /// The whole request took longer than the request timeout.
    #[error("timed out: no complete answer within {0}")]
    Timeout(String),
    /// The redirect chain was longer than allowed.
    #[error("too many redirects (more than {0})")]
    TooManyRedirects(u32),
    /// The body grew past the size limit (bytes counted as read, not taken from headers).
    #[error("refused: the body is larger than {0}")]
    TooLarge(String),
    /// A content type parallax does not read.
    #[error("refused: content type {0} (parallax reads HTML, XHTML, RSS/Atom feeds and JSON)")]
    ContentType(String),
    /// robots.txt disallows the path for parallax.
    #[error("disallowed by the site's robots.txt (--ignore-robots fetches it anyway)")]
    Robots,
    /// robots.txt could not be read, which counts as "disallow everything" (RFC 9309).
    #[error(
        "the site's robots.txt could not be read ({0}); not fetched (--ignore-robots fetches anyway)"
    )]
    RobotsUnreadable(String),
    /// The host name does not resolve.
    #[error("host not found")]
    HostNotFound,
    /// Any other network or protocol failure.
    #[error("{0}")]
    Network(String),
    /// A feed address that is not a feed, or a feed where an article was expected.
    #[error("{0}")]
    Kind(String),
    /// The page was fetched but holds no article parallax can read.
    #[error("{0}")]
    Unreadable(String),
    /// The page could not be stored.
    #[error(transparent)]
    Library(#[from] LibraryError),
}

fn reason_suffix(status: u16) -> String {
    ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default()
}

/// A failure reading or changing the library folder.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The library's sources.toml is not valid TOML: it is left as it is, and nothing is
    /// stored until it is fixed.
    #[error("{}: malformed, left untouched (fix or move it): {message}", path.display())]
    Sidecar {
        /// The sources.toml file.
        path: PathBuf,
        /// What is wrong, one line.
        message: String,
    },
    /// `--remove` named no stored article.
    #[error("no article {0:?} in the library (see `parallax library`)")]
    NoSuchArticle(String),
    /// No folder for the library: no home folder, and none configured.
    #[error("no library folder: set [fetch] library in the config file or pass --into DIR")]
    NoFolder,
}

impl LibraryError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }
}
