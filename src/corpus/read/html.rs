//! Saved web pages: the main content through a Readability port (`dom_smoothie`), the
//! metadata from the page's meta tags (`og:title`, `og:site_name`, `article:published_time`,
//! JSON-LD, `<link rel=canonical>`), and the text as paragraphs from the block elements.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use crate::corpus::ReadError;
use crate::corpus::dates::parse_date;
use crate::corpus::doc::{Para, RawDoc};

use super::tags;

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "figure",
    "figcaption",
    "nav",
    "aside",
    "footer",
    "form",
    "button",
    "iframe",
    "select",
    "option",
    "input",
    "label",
    "dialog",
    "menu",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "source",
    "map",
    "head",
    "title",
    "meta",
    "link",
    "textarea",
];

/// Elements that start and end a paragraph of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "body",
    "html",
];

/// Deepest element nesting parsed as HTML. The parser checks its stack of open elements at
/// every tag and Readability's scoring walks ancestors, both quadratic in the depth (20,000
/// nested `<div>` took 8.5 s, 100,000 almost five minutes); real pages nest a few dozen
/// levels. Deeper pages are read as text split at their block tags, with a note.
pub const MAX_DEPTH: usize = 256;

/// Read an HTML page into a document. Returns a note for the user when the page could not
/// be read the usual way (nested too deep to parse).
pub fn read(html: &str, doc: &mut RawDoc) -> Result<Option<String>, ReadError> {
    let depth = tags::nesting_depth(html);
    if depth > MAX_DEPTH {
        doc.paras = tags::paras_without_markup(html);
        if doc.paras.is_empty() {
            return Err(ReadError::NoPageText);
        }
        return Ok(Some(format!(
            "elements nested {depth} levels deep (the limit is {MAX_DEPTH}): read as text, \
             without the page's metadata or main-content detection"
        )));
    }
    let page = Document::from(html);
    let meta = PageMeta::of(&page);
    // The tag scan follows the parser closely, not exactly: Readability only runs on a tree
    // it can afford.
    let depth = depth_of(&page.root());
    let mut note = None;
    let extracted = if depth > MAX_DEPTH {
        note = Some(format!(
            "elements nested {depth} levels deep (the limit is {MAX_DEPTH}): \
             read from the page body without main-content detection"
        ));
        None
    } else {
        Readability::with_document(page, None, Some(Config::default()))
            .ok()
            .and_then(|mut r| r.parse().ok())
    };

    let mut paras = Vec::new();
    if let Some(article) = &extracted {
        paras = paras_of_html(&article.content);
        doc.title = non_empty(&article.title);
        doc.source = article.site_name.as_deref().and_then(non_empty);
        doc.date = article.published_time.as_deref().and_then(parse_date);
        doc.url = article.url.as_deref().and_then(non_empty);
    }
    if paras.is_empty() {
        // Readability found nothing it trusts: fall back on the page body, which the line
        // rules of cleaning still sift.
        paras = paras_of_html(html);
    }
    if paras.is_empty() {
        return Err(ReadError::NoPageText);
    }
    doc.paras = paras;
    // Without a headline in the meta tags, Readability falls back on the window title, which
    // often carries the site's name; the page's only <h1> is the better headline.
    if meta.title.is_none()
        && let Some(h1) = meta.h1
    {
        doc.title = Some(h1);
    }
    doc.title = doc.title.take().or(meta.title);
    doc.source = doc.source.take().or(meta.site_name);
    doc.date = doc.date.or(meta.date);
    doc.url = meta.url.or(doc.url.take());
    Ok(note)
}

/// The deepest element nesting below `node`, counted without recursion.
fn depth_of(node: &NodeRef<'_>) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(*node, 0usize)];
    while let Some((n, d)) = stack.pop() {
        deepest = deepest.max(d);
        for child in n.children_it(false).filter(|c| c.is_element()) {
            stack.push((child, d + 1));
        }
    }
    deepest
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Metadata read straight from the page, for what Readability leaves out.
#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    site_name: Option<String>,
    date: Option<chrono::NaiveDate>,
    url: Option<String>,
    /// The text of the page's `<h1>` when there is exactly one.
    h1: Option<String>,
}

impl PageMeta {
    fn of(page: &Document) -> Self {
        let attr = |sel: &str, name: &str| -> Option<String> {
            page.select(sel)
                .nodes()
                .iter()
                .find_map(|n| n.attr(name).map(|v| v.trim().to_string()))
                .filter(|v| !v.is_empty())
        };
        let url = attr(r#"link[rel="canonical"]"#, "href")
            .or_else(|| attr(r#"meta[property="og:url"]"#, "content"))
            .filter(|u| u.starts_with("http"));
        let date = [
            r#"meta[property="article:published_time"]"#,
            r#"meta[itemprop="datePublished"]"#,
            r#"meta[name="pubdate"]"#,
            r#"meta[name="publishdate"]"#,
            r#"meta[name="date"]"#,
            r#"meta[name="dc.date"]"#,
            r#"meta[name="DC.date.issued"]"#,
            r#"meta[name="sailthru.date"]"#,
        ]
        .iter()
        .find_map(|sel| attr(sel, "content").and_then(|v| parse_date(&v)))
        .or_else(|| attr("time[datetime]", "datetime").and_then(|v| parse_date(&v)));
        let site_name = attr(r#"meta[property="og:site_name"]"#, "content")
            .or_else(|| attr(r#"meta[name="application-name"]"#, "content"));
        let title = attr(r#"meta[property="og:title"]"#, "content")
            .or_else(|| attr(r#"meta[name="twitter:title"]"#, "content"));
        let h1s = page.select("h1");
        let h1 = (h1s.length() == 1)
            .then(|| h1s.text().split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty() && t.split_whitespace().count() <= 40);
        Self {
            title,
            h1,
            site_name,
            date,
            url,
        }
    }
}

/// The paragraphs of an HTML fragment or page: the text of each block element, without
/// scripts, styles, figures (captions and credits), navigation, forms and hidden elements.
/// Fragments nested deeper than [`MAX_DEPTH`] are read as text split at their block tags.
pub fn paras_of_html(html: &str) -> Vec<Para> {
    if tags::nesting_depth(html) > MAX_DEPTH {
        return tags::paras_without_markup(html);
    }
    let doc = Document::from(html);
    let mut out = Vec::new();
    let mut cur = String::new();
    walk(&doc.root(), &mut out, &mut cur);
    Para::flush_into(&mut out, &mut cur);
    out
}

/// What is left to do for a node while walking a page: read it, or close it after its
/// children (a block ends its paragraph, an inline box adds its gap).
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave { block: bool, gap: &'static str },
}

/// Gather the text of the page in document order. Iterative, with an explicit stack: the
/// nesting depth of a page is the page's to choose (50,000 nested `<span>` are a few hundred
/// kilobytes), and must not be this program's stack depth.
fn walk(node: &NodeRef<'_>, out: &mut Vec<Para>, cur: &mut String) {
    let mut stack: Vec<Step<'_>> = children_rev(node).map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let child = match step {
            Step::Leave { block: true, .. } => {
                Para::flush_into(out, cur);
                continue;
            }
            Step::Leave { block: false, gap } => {
                cur.push_str(gap);
                continue;
            }
            Step::Enter(child) => child,
        };
        if child.is_text() {
            cur.push_str(&child.text());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIP.contains(&name.as_str()) || hidden(&child) {
            continue;
        }
        if name == "br" {
            Para::flush_into(out, cur);
            continue;
        }
        let block = BLOCKS.contains(&name.as_str());
        let gap = inline_gap(&name);
        if block {
            Para::flush_into(out, cur);
        } else {
            cur.push_str(gap);
        }
        stack.push(Step::Leave { block, gap });
        stack.extend(children_rev(&child).map(Step::Enter));
    }
}

/// A node's children, last first (so that popping a stack visits them in order).
fn children_rev<'a>(node: &NodeRef<'a>) -> impl Iterator<Item = NodeRef<'a>> {
    let mut kids = node.children();
    kids.reverse();
    kids.into_iter()
}

/// Table cells and similar inline boxes need a space between them; ordinary inline elements
/// (links, emphasis) must not add one inside a word.
fn inline_gap(name: &str) -> &'static str {
    if matches!(
        name,
        "span"
            | "a"
            | "em"
            | "strong"
            | "b"
            | "i"
            | "u"
            | "small"
            | "sup"
            | "sub"
            | "mark"
            | "abbr"
            | "cite"
            | "q"
            | "time"
            | "font"
            | "s"
            | "code"
    ) {
        ""
    } else {
        " "
    }
}

fn hidden(node: &NodeRef<'_>) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    if node.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    node.attr("style").is_some_and(|s| {
        let s = s.to_ascii_lowercase().replace(' ', "");
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_inline_markup_does_not_split_words() {
        let p = paras_of_html(
            "<div><h2>Alignment in the background</h2><p>Russia and the <a href='/us'>U.S.</a> appeared <em>more</em> aligned.</p>\
             <figure><img src='x.jpg'><figcaption>Putin speaks. Kevin Lamarque | Reuters</figcaption></figure>\
             <p>Second<br>line</p><script>var x = 1;</script><p style='display: none'>hidden</p></div>",
        );
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Alignment in the background",
                "Russia and the U.S. appeared more aligned.",
                "Second",
                "line"
            ]
        );
    }

    #[test]
    fn page_metadata_from_meta_tags() {
        let html = r#"<html><head><title>Kremlin says ties recovering | Example News</title>
            <meta property="og:title" content="Kremlin says ties recovering">
            <meta property="og:site_name" content="Example News">
            <meta property="article:published_time" content="2025-03-11T09:15:00Z">
            <link rel="canonical" href="https://news.example.com/kremlin-ties">
            </head><body><article>
            <p>The Kremlin said on Tuesday that efforts to restore relations between Russia and the United States were still at an early stage, and that much work remained.</p>
            <p>Kremlin spokesman Dmitry Peskov told reporters that both presidents had shown political will to improve ties, but that the road would be long.</p>
            <p>Peskov also dismissed reports that senior officials would meet in Saudi Arabia this week, calling the claims false and without foundation.</p>
            </article></body></html>"#;
        let mut doc = RawDoc::default();
        assert_eq!(read(html, &mut doc).unwrap(), None);
        assert_eq!(doc.title.as_deref(), Some("Kremlin says ties recovering"));
        assert_eq!(doc.source.as_deref(), Some("Example News"));
        assert_eq!(
            doc.date.map(|d| d.to_string()).as_deref(),
            Some("2025-03-11")
        );
        assert_eq!(
            doc.url.as_deref(),
            Some("https://news.example.com/kremlin-ties")
        );
        assert_eq!(doc.paras.len(), 3);
    }

    #[test]
    fn without_meta_tags_the_only_h1_is_the_headline() {
        let html = r#"<html><head><title>Short news | Site</title></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <div class="content"><h1>Peskov: ties frozen</h1>
            <p>Kremlin spokesman Dmitry Peskov said on Friday that relations remained in a total freeze.</p></div>
            <footer>© 2025 Site. All rights reserved.</footer></body></html>"#;
        let mut doc = RawDoc::default();
        read(html, &mut doc).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Peskov: ties frozen"));
    }

    #[test]
    fn deep_nesting_neither_overflows_nor_takes_long() {
        for (open, close) in [("<span>", "</span>"), ("<div>", "</div>"), ("<i>", "")] {
            let n = 60_000;
            let html = format!(
                "<html><body><p>Before the nest, the Kremlin said on Tuesday.</p>{}deep text{}</body></html>",
                open.repeat(n),
                close.repeat(n)
            );
            let mut doc = RawDoc::default();
            let note = read(&html, &mut doc).unwrap().expect("a note on the depth");
            assert!(note.contains("nested"), "{note}");
            let texts: Vec<&str> = doc.paras.iter().map(|p| p.text.as_str()).collect();
            assert!(texts.contains(&"deep text"), "{open}: {texts:?}");
        }
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        let mut doc = RawDoc::default();
        let err = read(
            "<html><head><title>x</title></head><body><script>1</script></body></html>",
            &mut doc,
        );
        assert!(err.is_err());
    }
}
