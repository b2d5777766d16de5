//! Checks that read a rendered report the way a browser or a Markdown renderer would, and
//! fail on anything an article could have smuggled in: a tag, an event attribute, a link to
//! a script. They return the visible text, so tests can also check that hostile text is
//! shown literally rather than dropped.

use html5gum::{DefaultEmitter, Token, Tokenizer};
use pulldown_cmark::{Event, Options, Parser, Tag};

/// Elements the HTML report is made of; anything else must have come from an article.
const HTML_ELEMENTS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "section", "nav", "header", "footer", "h1",
    "h2", "h3", "p", "a", "div", "span", "table", "thead", "tbody", "tr", "th", "td", "del",
    "strong", "em", "code", "small", "ul", "li", "i", "label", "input", "wbr",
];

/// What an HTML report holds, as a tokenizer reads it.
pub struct HtmlDoc {
    /// Start tags: name and attributes.
    pub tags: Vec<(String, Vec<(String, String)>)>,
    /// All text outside tags, character references decoded, `<style>` left out.
    pub text: String,
}

impl HtmlDoc {
    /// Start tags with this name that have this class.
    pub fn count(&self, name: &str, class: &str) -> usize {
        self.tags
            .iter()
            .filter(|(n, attrs)| {
                n == name
                    && attrs
                        .iter()
                        .any(|(k, v)| k == "class" && v.split(' ').any(|c| c == class))
            })
            .count()
    }

    /// Value of an attribute on every start tag that has it.
    pub fn attr_values(&self, attr: &str) -> Vec<&str> {
        self.tags
            .iter()
            .flat_map(|(_, attrs)| {
                attrs
                    .iter()
                    .filter(|(k, _)| k == attr)
                    .map(|(_, v)| v.as_str())
            })
            .collect()
    }
}

/// Tokenize an HTML report and assert that it is made only of the report's own markup:
/// known elements, no `on*` attribute, no `<script>`, links only to anchors or http(s), and
/// no network fetches (`src`, external styles).
pub fn safe_html(html: &str) -> HtmlDoc {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut tags = Vec::new();
    let mut text = String::new();
    let mut in_style = false;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                assert!(
                    HTML_ELEMENTS.contains(&name.as_str()),
                    "unexpected element <{name}>"
                );
                let attrs: Vec<(String, String)> = tag
                    .attributes
                    .iter()
                    .map(|(k, v)| {
                        (
                            String::from_utf8_lossy(k).into_owned(),
                            String::from_utf8_lossy(&v.value).into_owned(),
                        )
                    })
                    .collect();
                for (k, v) in &attrs {
                    assert!(
                        !k.starts_with("on"),
                        "event attribute {k}={v:?} on <{name}>"
                    );
                    assert!(
                        k != "src" && k != "srcset",
                        "fetching attribute {k} on <{name}>"
                    );
                    if k == "href" {
                        assert!(
                            v.starts_with('#')
                                || v.starts_with("https://")
                                || v.starts_with("http://"),
                            "link to {v:?}"
                        );
                    }
                }
                in_style = name == "style";
                tags.push((name, attrs));
            }
            Token::EndTag(_) => in_style = false,
            Token::String(s) if !in_style => text.push_str(&String::from_utf8_lossy(&s.value)),
            Token::String(s) => {
                let css = String::from_utf8_lossy(&s.value);
                assert!(
                    !css.contains("url(") && !css.contains("@import"),
                    "CSS fetches something"
                );
            }
            _ => {}
        }
    }
    HtmlDoc { tags, text }
}

/// What a Markdown report renders to.
pub struct MdDoc {
    /// Text and code-span contents, in order.
    pub text: String,
    /// Link destinations.
    pub links: Vec<String>,
    /// Number of strikethrough and strong runs.
    pub struck: usize,
    /// Number of strong runs.
    pub strong: usize,
    /// Number of table rows (head and body).
    pub table_rows: usize,
    /// Number of emphasis (italic) runs.
    pub emphasis: usize,
}

/// Parse a Markdown report as GitHub would (tables, strikethrough) and assert that it holds no
/// raw HTML, no image and no link other than to an anchor or http(s).
pub fn safe_markdown(md: &str) -> MdDoc {
    let mut doc = MdDoc {
        text: String::new(),
        links: Vec::new(),
        struck: 0,
        strong: 0,
        table_rows: 0,
        emphasis: 0,
    };
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH;
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in Markdown: {h:?}"),
            Event::InlineMath(m) | Event::DisplayMath(m) => panic!("math in Markdown: {m:?}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("image in Markdown: {dest_url}"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                assert!(
                    dest_url.starts_with('#')
                        || dest_url.starts_with("https://")
                        || dest_url.starts_with("http://"),
                    "link to {dest_url:?}"
                );
                doc.links.push(dest_url.to_string());
            }
            Event::Start(Tag::Strikethrough) => doc.struck += 1,
            Event::Start(Tag::Strong) => doc.strong += 1,
            Event::Start(Tag::Emphasis) => doc.emphasis += 1,
            Event::Start(Tag::TableRow) | Event::Start(Tag::TableHead) => doc.table_rows += 1,
            Event::Text(t) | Event::Code(t) => doc.text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => doc.text.push(' '),
            _ => {}
        }
    }
    doc
}
