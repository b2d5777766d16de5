//! A web server on 127.0.0.1 for trying `parallax fetch` by hand and for measuring it: the
//! routes of the fetch tests (`parallax_devkit::web`: seed pages, feeds, failures) and any
//! number of article pages `/page/N.html`.
//!
//! `cargo run --release --example serve_pages -- 200 > urls.txt` prints the addresses of 200
//! pages (the server's base address goes to standard error) and serves until stopped
//! (Ctrl-C, or `timeout SECONDS` around it). README "Performance" has the measuring command.

use std::io::Write;

use parallax_devkit::web;

fn main() {
    let pages: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(0);
    let server = web::Server::start();
    eprintln!("serving on {}", server.base);
    let mut out = std::io::stdout().lock();
    for n in 0..pages {
        let _ = writeln!(out, "{}", server.url(&format!("/page/{n}.html")));
    }
    let _ = out.flush();
    drop(out);
    loop {
        std::thread::park();
    }
}
