//! A web server on 127.0.0.1 for the fetch tests and for trying and measuring fetch
//! (`examples/serve_pages`): the seed articles as pages with meta tags, feeds linking to them,
//! and every way a fetch can go wrong. Started on a free port; nothing leaves the machine.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use tiny_http::{Header, Response, StatusCode};

/// The seed articles' headlines (the files hold no clean headline line of their own).
const SEED_TITLES: [&str; 5] = [
    "Kremlin plays it cool on the revival of ties with the U.S.",
    "Kremlin says US–Russia relationship in early stages of recovery",
    "How Putin is playing his on-the-mend US relations with Trump",
    "Kremlin: restoring relations with the US will take sustained effort",
    "Reviving US-Russia ties will take time – Kremlin",
];

/// One seed article as the server shows it.
#[derive(Debug, Clone)]
pub struct Seed {
    /// `000` … `004`.
    pub n: String,
    /// The text file's name in assets/sample.
    pub file: String,
    /// Its headline.
    pub title: String,
    /// From assets/sample/sources.toml.
    pub outlet: String,
    /// Its publication date, when the sidecar gives one.
    pub date: Option<String>,
    /// Its text.
    pub text: String,
}

/// The five seed articles with their outlets and dates from the sample's sidecar.
pub fn seeds() -> Vec<Seed> {
    let dir = crate::package_root().join("assets/sample");
    let sidecar: toml::Table =
        toml::from_str(&std::fs::read_to_string(dir.join("sources.toml")).unwrap()).unwrap();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .enumerate()
        .map(|(i, file)| {
            let meta = &sidecar[&file];
            Seed {
                n: file[..3].to_string(),
                title: SEED_TITLES[i].to_string(),
                outlet: meta["source"].as_str().unwrap().to_string(),
                date: meta.get("date").map(|d| d.to_string()),
                text: std::fs::read_to_string(dir.join(&file)).unwrap(),
                file,
            }
        })
        .collect()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A page with the article's lines as paragraphs, and the outlet, title and date as meta tags
/// when given (an empty title: no `<title>` either).
pub fn page(title: &str, outlet: Option<&str>, date: Option<&str>, text: &str) -> String {
    let mut head = if title.is_empty() {
        String::new()
    } else {
        format!("<title>{}</title>\n", esc(title))
    };
    if let Some(o) = outlet {
        head.push_str(&format!(
            "<meta property=\"og:site_name\" content=\"{}\">\n<meta property=\"og:title\" content=\"{}\">\n",
            esc(o),
            esc(title)
        ));
    }
    if let Some(d) = date {
        head.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{d}T09:00:00Z\">\n"
        ));
    }
    let paras: String = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("<p>{}</p>\n", esc(l)))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n{head}</head>\n<body>\n\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n\
         <article>\n{paras}</article>\n<footer>© Site</footer>\n</body></html>\n"
    )
}

/// A synthetic article for the many-pages routes (`/page/N.html`): distinct text per N.
pub fn numbered_page(n: usize) -> String {
    let words = [
        "council", "harbour", "budget", "railway", "festival", "drought", "election", "museum",
        "bridge", "vaccine", "airport", "library",
    ];
    let topic = words[n % words.len()];
    let other = words[(n / words.len()) % words.len()];
    let text: String = (0..12)
        .map(|i| {
            format!(
                "Officials in district {n} said on Tuesday that the {topic} plan, number {i}, would be reviewed alongside the {other} report before the end of the month, according to a statement.\n"
            )
        })
        .collect();
    page(
        &format!("District {n} reviews its {topic} plan"),
        Some("Local Wire"),
        Some("2025-03-11"),
        &text,
    )
}

fn rss(base: &str, seeds: &[Seed]) -> String {
    let items: String = seeds
        .iter()
        .map(|s| {
            let date = s.date.as_deref().map(|d| {
                let d = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
                format!(
                    "<pubDate>{}</pubDate>",
                    d.format("%a, %d %b %Y 09:00:00 GMT")
                )
            });
            format!(
                "<item><title>{}</title><link>{base}/news/{}.html</link>{}</item>\n",
                esc(&s.title),
                s.n,
                date.unwrap_or_default()
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Seed Wire</title><link>{base}/</link>\n{items}</channel></rss>\n"
    )
}

/// An Atom feed of the bare pages (no meta tags): their titles and dates are the feed's.
fn atom(base: &str, seeds: &[Seed]) -> String {
    let entries: String = seeds
        .iter()
        .map(|s| {
            let date = s.date.as_deref().unwrap_or("2025-01-01");
            format!(
                "<entry><title>{}</title><id>urn:seed:{}</id><link rel=\"alternate\" href=\"/bare/{}.html\"/><updated>{date}T09:00:00Z</updated></entry>\n",
                esc(&s.title),
                s.n,
                s.n
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"{base}/\"><title>Bare Wire</title><id>urn:bare</id><updated>2025-09-05T09:00:00Z</updated>\n{entries}</feed>\n"
    )
}

/// A body of `len` bytes of HTML made as it is read, never held whole.
struct Endless {
    left: usize,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        const LINE: &[u8; 64] =
            b"<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n";
        let n = buf.len().min(self.left).min(LINE.len());
        buf[..n].copy_from_slice(&LINE[..n]);
        self.left -= n;
        Ok(n)
    }
}

/// The running server. Stops when dropped.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    max_in_flight: Arc<AtomicUsize>,
    log: Arc<Mutex<Vec<(String, String)>>>,
}

/// How long `/page/N.html` takes to answer (so that overlapping requests can be seen).
pub static PAGE_DELAY_MS: AtomicUsize = AtomicUsize::new(0);

impl Server {
    /// Start on a free port of 127.0.0.1.
    pub fn start() -> Self {
        let http = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = http.server_addr().to_ip().expect("an IP address").port();
        let base = format!("http://127.0.0.1:{port}");
        let stop = Arc::new(AtomicBool::new(false));
        let in_flight = Arc::new(AtomicUsize::new(0));
        let max_in_flight = Arc::new(AtomicUsize::new(0));
        let log = Arc::new(Mutex::new(Vec::new()));
        let seeds = Arc::new(seeds());
        let thread = {
            let (stop, base, in_flight, max_in_flight, log) = (
                stop.clone(),
                base.clone(),
                in_flight.clone(),
                max_in_flight.clone(),
                log.clone(),
            );
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let Ok(Some(req)) = http.recv_timeout(Duration::from_millis(50)) else {
                        continue;
                    };
                    let (base, seeds, in_flight, max_in_flight, log, stop) = (
                        base.clone(),
                        seeds.clone(),
                        in_flight.clone(),
                        max_in_flight.clone(),
                        log.clone(),
                        stop.clone(),
                    );
                    std::thread::spawn(move || {
                        let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                        max_in_flight.fetch_max(now, Ordering::SeqCst);
                        let agent = req
                            .headers()
                            .iter()
                            .find(|h| h.field.equiv("User-Agent"))
                            .map(|h| h.value.to_string())
                            .unwrap_or_default();
                        log.lock().unwrap().push((req.url().to_string(), agent));
                        serve(req, &base, &seeds, &stop);
                        in_flight.fetch_sub(1, Ordering::SeqCst);
                    });
                }
            })
        };
        Self {
            base,
            stop,
            thread: Some(thread),
            max_in_flight,
            log,
        }
    }

    /// The address of a path on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Most requests that were being answered at one time.
    pub fn max_in_flight(&self) -> usize {
        self.max_in_flight.load(Ordering::SeqCst)
    }

    /// The paths asked for so far, with the User-Agent of each request.
    pub fn requests(&self) -> Vec<(String, String)> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn header(k: &str, v: &str) -> Header {
    Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap()
}

fn html(body: impl Into<Vec<u8>>) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body.into()).with_header(header("Content-Type", "text/html; charset=utf-8"))
}

fn serve(req: tiny_http::Request, base: &str, seeds: &[Seed], stop: &AtomicBool) {
    let path = req.url().split('?').next().unwrap_or("").to_string();
    let seed = |n: &str| seeds.iter().find(|s| s.n == n);
    let stem = |prefix: &str| {
        path.strip_prefix(prefix)
            .and_then(|r| r.strip_suffix(".html"))
            .map(str::to_string)
    };
    let _ = match path.as_str() {
        "/robots.txt" => req.respond(
            Response::from_string("User-agent: *\nDisallow: /private/\n")
                .with_header(header("Content-Type", "text/plain")),
        ),
        "/feeds/rss.xml" => req.respond(
            Response::from_string(rss(base, seeds))
                .with_header(header("Content-Type", "application/rss+xml")),
        ),
        "/feeds/atom.xml" => req.respond(
            Response::from_string(atom(base, seeds))
                .with_header(header("Content-Type", "application/atom+xml")),
        ),
        "/missing.html" => req.respond(html("<p>Not here</p>").with_status_code(404)),
        "/error.html" => req.respond(html("<p>Oops</p>").with_status_code(500)),
        "/slow.html" => {
            // Past the client's timeout (the tests set two seconds), but not forever.
            for _ in 0..120 {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            req.respond(html(page("Slow", Some("Slow News"), None, "Late text.")))
        }
        "/huge.html" => req.respond(Response::new(
            StatusCode(200),
            vec![header("Content-Type", "text/html")],
            Endless {
                left: 50 * 1024 * 1024,
            },
            None,
            None,
        )),
        "/image.png" => req.respond(
            Response::from_data(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec())
                .with_header(header("Content-Type", "image/png")),
        ),
        "/gzip.html" | "/deflate.html" => {
            let s = &seeds[1];
            let body = page(&s.title, Some(&s.outlet), s.date.as_deref(), &s.text);
            let (enc, bytes) = if path == "/gzip.html" {
                let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                e.write_all(body.as_bytes()).unwrap();
                ("gzip", e.finish().unwrap())
            } else {
                let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
                e.write_all(body.as_bytes()).unwrap();
                ("deflate", e.finish().unwrap())
            };
            req.respond(
                Response::from_data(bytes)
                    .with_header(header("Content-Type", "text/html"))
                    .with_header(header("Content-Encoding", enc)),
            )
        }
        "/script.html" => req.respond(html(format!(
            "<!DOCTYPE html><html><head><title>Peskov on ties</title>\
             <meta property=\"og:site_name\" content=\"Script News\">\
             <meta property=\"og:url\" content=\"javascript:alert(document.cookie)\">\
             <script>document.write('INJECTED-SCRIPT-TEXT'); fetch('/steal');</script></head>\
             <body><article><p>{}</p><script>alert('INJECTED-SCRIPT-TEXT')</script>\
             <p>{}</p></article></body></html>",
            "Kremlin spokesman Dmitry Peskov said on Friday that relations with Washington remained in a deep freeze and that reviving them would take a long time.",
            "He added that dialogue channels did exist, but that they had not yet led to a complex revival of bilateral relations between the two countries."
        ))),
        "/latin1.html" => {
            // windows-1252 bytes, the charset only in the header.
            let mut body = b"<html><head><title>Le Kremlin</title></head><body><article><p>Le porte-parole du Kremlin a d\xe9clar\xe9 vendredi que la relance des relations avec Washington prendrait du temps, selon l'agence.</p><p>Il a ajout\xe9 que des canaux de dialogue existaient, mais que le d\xe9gel restait lent et difficile \xe0 obtenir.</p></article></body></html>".to_vec();
            body.shrink_to_fit();
            req.respond(
                Response::from_data(body)
                    .with_header(header("Content-Type", "text/html; charset=windows-1252")),
            )
        }
        "/newsapi.json" => {
            let s = &seeds[0];
            let t = &seeds[2];
            let doc = serde_json::json!({
                "status": "ok", "totalResults": 2,
                "articles": [
                    {"source": {"id": null, "name": s.outlet}, "title": s.title,
                     "url": format!("{base}/news/{}.html", s.n), "publishedAt": "2025-02-25T09:00:00Z",
                     "content": s.text},
                    {"source": {"id": null, "name": t.outlet}, "title": t.title,
                     "url": format!("{base}/news/{}.html", t.n), "publishedAt": "2025-02-25T10:00:00Z",
                     "content": t.text},
                ]
            });
            req.respond(
                Response::from_string(doc.to_string())
                    .with_header(header("Content-Type", "application/json")),
            )
        }
        p if p.starts_with("/redirect/") => {
            let n: usize = p["/redirect/".len()..].parse().unwrap_or(0);
            let to = if n == 0 {
                "/news/003.html".to_string()
            } else {
                format!("/redirect/{}", n - 1)
            };
            req.respond(
                Response::empty(302)
                    .with_header(header("Location", &format!("{base}{to}"))),
            )
        }
        _ => {
            if let Some(s) = stem("/news/").as_deref().and_then(seed) {
                req.respond(html(page(&s.title, Some(&s.outlet), s.date.as_deref(), &s.text)))
            } else if let Some(s) = stem("/bare/").as_deref().and_then(seed) {
                req.respond(html(page("", None, None, &s.text)))
            } else if let Some(s) = stem("/private/").as_deref().and_then(seed) {
                req.respond(html(page(&s.title, Some(&s.outlet), s.date.as_deref(), &s.text)))
            } else if let Some(n) = stem("/page/").and_then(|n| n.parse::<usize>().ok()) {
                let delay = PAGE_DELAY_MS.load(Ordering::Relaxed) as u64;
                if delay > 0 {
                    std::thread::sleep(Duration::from_millis(delay));
                }
                req.respond(html(numbered_page(n)))
            } else {
                req.respond(html("<p>Not found</p>").with_status_code(404))
            }
        }
    };
}
