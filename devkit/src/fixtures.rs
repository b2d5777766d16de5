//! Small hand-built comparisons, independent of how alignment and comparison evolve:
//! [`three_outlets`] and [`many_sources`] for the reader's tests and benchmarks (realistic prose
//! with word diffs, framing marks, a shared quotation and a discrepancy), and
//! [`report_comparison`] for the report tests: passages of the sample story (CNBC,
//! Cryptopolitan and the translated Chinese report) with everything a report shows, optionally
//! with a fourth, hostile "article" whose every field carries markup.
//!
//! Word differences are computed here with `similar`, in two ways: [`word_diff`] over word
//! tokens as `compare` does (the report comparison) and [`whitespace_word_diff`] over
//! whitespace-separated words (the reader's comparisons). They give different spans on the same
//! passages, and the recorded snapshots of each comparison hold its own; making them one would
//! re-record those snapshots.

use parallax::model::*;

/// One article's body assembled from passages; returns the body and each passage's range.
fn body(passages: &[&str]) -> (String, Vec<(usize, usize)>) {
    let mut body = String::new();
    let mut ranges = Vec::new();
    for p in passages {
        if !body.is_empty() {
            body.push('\n');
        }
        let start = body.len();
        body.push_str(p);
        ranges.push((start, body.len()));
    }
    (body, ranges)
}

fn entry(
    id: &str,
    source: &str,
    date: Option<&str>,
    body: String,
    marks: Vec<Mark>,
) -> ArticleEntry {
    ArticleEntry {
        id: id.into(),
        path: format!("fixtures/{id}.txt"),
        source: Some(source.into()),
        title: None,
        date: date.map(Into::into),
        url: None,
        words: body.split_whitespace().count(),
        body,
        marks,
    }
}

fn mark(body: &str, kind: MarkKind, word: &str, note: &str) -> Mark {
    let start = body.find(word).expect("mark word in body");
    Mark {
        kind,
        start,
        end: start + word.len(),
        text: word.into(),
        note: note.into(),
        grade: 1,
    }
}

/// A word diff of `text` (at `base`) against `other`, computed with `similar` over
/// whitespace-separated words (spaces are tokens of their own).
pub fn whitespace_word_diff(text: &str, base: usize, other: &str, against: &str) -> WordDiff {
    use similar::{Algorithm, DiffTag, TextDiff};
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(other, text);
    let diff: TextDiff<'_, '_, str> = diff;
    let old: Vec<&str> = diff.iter_old_slices().collect();
    let new: Vec<&str> = diff.iter_new_slices().collect();
    // Byte offset of each new token.
    let mut offsets = vec![base];
    for t in &new {
        offsets.push(offsets.last().unwrap() + t.len());
    }
    let mut spans = Vec::new();
    for op in diff.ops() {
        let (tag, o, n) = op.as_tag_tuple();
        let old_text: String = old[o.clone()].concat();
        let new_text: String = new[n.clone()].concat();
        let (start, end) = (offsets[n.start], offsets[n.end]);
        let span = |op, text: String, old: Option<String>| DiffSpan {
            op,
            text,
            old,
            start,
            end,
        };
        spans.push(match tag {
            DiffTag::Equal => span(DiffOp::Equal, new_text, None),
            DiffTag::Insert => span(DiffOp::Added, new_text, None),
            DiffTag::Delete => span(DiffOp::Dropped, old_text, None),
            DiffTag::Replace => span(DiffOp::Changed, new_text, Some(old_text)),
        });
    }
    WordDiff {
        against: against.into(),
        spans,
    }
}

/// Rows of cells given as (row, [(article index, passage index)]); relations are set from the
/// first cell as the row's reference, and every cell gets diffs against every other.
fn rows(
    articles: &[ArticleEntry],
    ranges: &[Vec<(usize, usize)>],
    layout: &[&[(usize, usize)]],
) -> Vec<Row> {
    layout
        .iter()
        .enumerate()
        .map(|(ri, members)| {
            let text_of = |a: usize, p: usize| {
                let (s, e) = ranges[a][p];
                (&articles[a].body[s..e], s, e)
            };
            let (ref_text, _, _) = text_of(members[0].0, members[0].1);
            let cells = members
                .iter()
                .enumerate()
                .map(|(k, &(a, p))| {
                    let (text, start, end) = text_of(a, p);
                    let diffs = members
                        .iter()
                        .filter(|&&(b, _)| b != a)
                        .map(|&(b, q)| {
                            whitespace_word_diff(text, start, text_of(b, q).0, &articles[b].id)
                        })
                        .collect();
                    let (relation, similarity) = if k == 0 {
                        (
                            if members.len() == 1 {
                                Relation::Unique
                            } else {
                                Relation::Reference
                            },
                            1.0,
                        )
                    } else if text == ref_text {
                        (Relation::Identical, 1.0)
                    } else {
                        let sim = similarity(text, ref_text);
                        (
                            if sim > 0.6 {
                                Relation::Close
                            } else {
                                Relation::Paraphrase
                            },
                            sim,
                        )
                    };
                    Cell {
                        article: articles[a].id.clone(),
                        text: text.into(),
                        start,
                        end,
                        relation,
                        similarity,
                        diffs,
                    }
                })
                .collect();
            Row {
                id: ri + 1,
                reference: articles[members[0].0].id.clone(),
                cells,
                discrepancies: Vec::new(),
            }
        })
        .collect()
}

fn similarity(a: &str, b: &str) -> f32 {
    let wa: std::collections::HashSet<String> =
        a.split_whitespace().map(|w| w.to_lowercase()).collect();
    let wb: std::collections::HashSet<String> =
        b.split_whitespace().map(|w| w.to_lowercase()).collect();
    let inter = wa.intersection(&wb).count() as f32;
    let union = wa.union(&wb).count().max(1) as f32;
    inter / union
}

/// Three outlets on one event, five rows: shared, reworded, a discrepancy, a passage only one
/// outlet has, and a passage two of three carry.
pub fn three_outlets() -> Comparison {
    let (wire_body, wire) = body(&[
        "Russian Foreign Minister Sergey Lavrov said on Tuesday that talks with U.S. officials in Riyadh were useful.",
        "\u{201c}We have agreed to restore the work of our embassies,\u{201d} Lavrov told reporters.",
        "About 40 diplomats are expected to return to their posts by the end of March.",
        "The Kremlin said any further steps would take time.",
    ]);
    let (state_body, state) = body(&[
        "Foreign Minister Sergey Lavrov said on Tuesday that the talks with American officials in Riyadh were very useful.",
        "\u{201c}We have agreed to restore the work of our embassies,\u{201d} Lavrov said.",
        "Some 60 diplomats will return to their posts by the end of March, the state-run agency reported.",
    ]);
    let (blog_body, blog) = body(&[
        "Lavrov claimed on Tuesday that the so-called talks with U.S. officials in Riyadh were useful.",
        "The regime reportedly wants sanctions relief first.",
        "\u{201c}We agreed to restore our embassies,\u{201d} Lavrov claimed.",
    ]);
    let wire_marks = vec![mark(
        &wire_body,
        MarkKind::Attribution,
        "told",
        "neutral reporting verb",
    )];
    let state_marks = vec![mark(
        &state_body,
        MarkKind::Label,
        "state-run",
        "source label",
    )];
    let blog_marks = vec![
        mark(
            &blog_body,
            MarkKind::Attribution,
            "claimed",
            "reporting verb that casts doubt",
        ),
        mark(&blog_body, MarkKind::ScareQuote, "so-called", "distancing"),
        mark(&blog_body, MarkKind::Loaded, "regime", "loaded label"),
        mark(&blog_body, MarkKind::Hedge, "reportedly", "hedge"),
    ];
    let articles = vec![
        entry(
            "wire",
            "Wire Service",
            Some("2025-02-25"),
            wire_body,
            wire_marks,
        ),
        entry(
            "state",
            "State Agency",
            Some("2025-02-26"),
            state_body,
            state_marks,
        ),
        entry("blog", "Crypto Blog", None, blog_body, blog_marks),
    ];
    let ranges = vec![wire, state, blog];
    let mut rows = rows(
        &articles,
        &ranges,
        &[
            &[(0, 0), (1, 0), (2, 0)],
            &[(0, 1), (1, 1), (2, 2)],
            &[(0, 2), (1, 2)],
            &[(2, 1)],
            &[(0, 3)],
        ],
    );
    let num = |a: usize, p: usize, w: &str| {
        let (s, e) = ranges[a][p];
        let off = articles[a].body[s..e].find(w).expect("number in passage") + s;
        DiscrepancyValue {
            article: articles[a].id.clone(),
            text: w.into(),
            start: off,
            end: off + w.len(),
            resolved: None,
        }
    };
    rows[2].discrepancies.push(Discrepancy {
        kind: DiscrepancyKind::Number,
        values: vec![num(0, 2, "40"), num(1, 2, "60")],
        note: "how many diplomats return".into(),
        doubtful: false,
    });
    let quote = |a: usize, p: usize, text: &str, verb: &str| {
        let (s, _) = ranges[a][p];
        let off = articles[a].body[s..].find(text).expect("quote in passage") + s;
        Quote {
            article: articles[a].id.clone(),
            start: off,
            end: off + text.len(),
            text: text.into(),
            speaker: Some("Lavrov".into()),
            verb: Some(verb.into()),
            confidence: None,
            said_by: None,
        }
    };
    let quotes = vec![QuoteGroup {
        id: "q1".into(),
        speaker: Some("Sergey Lavrov".into()),
        members: vec![
            QuoteMember {
                quote: quote(
                    0,
                    1,
                    "We have agreed to restore the work of our embassies,",
                    "told",
                ),
                fidelity: Fidelity::Fullest,
                cut: vec![],
                added: vec![],
                similarity: 1.0,
            },
            QuoteMember {
                quote: quote(
                    1,
                    1,
                    "We have agreed to restore the work of our embassies,",
                    "said",
                ),
                fidelity: Fidelity::Identical,
                cut: vec![],
                added: vec![],
                similarity: 1.0,
            },
            QuoteMember {
                quote: quote(2, 2, "We agreed to restore our embassies,", "claimed"),
                fidelity: Fidelity::Trimmed,
                cut: vec!["have".into(), "the work of".into()],
                added: vec![],
                similarity: 0.7,
            },
        ],
    }];
    Comparison {
        version: VERSION,
        story: StoryRef {
            id: "s1".into(),
            title: "Lavrov: Riyadh talks with U.S. were useful".into(),
        },
        reference: "wire".into(),
        articles,
        rows,
        quotes,
        summary: Vec::new(),
    }
}

/// A story of `n` sources and `rows` rows, every source carrying every row with small
/// rewordings: the heavy case for drawing.
pub fn many_sources(n: usize, rows_n: usize) -> Comparison {
    let base = [
        "Officials said on Monday that the agreement would be signed in the capital next week after months of talks.",
        "The minister told reporters the deal was a significant step toward restoring normal relations between the two countries.",
        "Critics argued that the terms favoured one side and warned that the process could still collapse.",
        "Negotiators are expected to meet again to settle the remaining disputes over trade and security guarantees.",
    ];
    let swaps = [
        ("said", "announced"),
        ("significant", "major"),
        ("argued", "claimed"),
        ("expected", "scheduled"),
        ("talks", "negotiations"),
    ];
    let mut articles = Vec::new();
    let mut ranges = Vec::new();
    for i in 0..n {
        let passages: Vec<String> = (0..rows_n)
            .map(|r| {
                let mut p = base[r % base.len()].to_string();
                let (from, to) = swaps[(i + r) % swaps.len()];
                if i % 2 == 1 {
                    p = p.replacen(from, to, 1);
                }
                if i % 3 == 2 {
                    p = format!("{p} The outlet added that more details would follow.");
                }
                p
            })
            .collect();
        let refs: Vec<&str> = passages.iter().map(String::as_str).collect();
        let (b, r) = body(&refs);
        articles.push(entry(
            &format!("a{i:02}"),
            &format!("Outlet {i:02}"),
            Some("2025-03-01"),
            b,
            Vec::new(),
        ));
        ranges.push(r);
    }
    let layout: Vec<Vec<(usize, usize)>> = (0..rows_n)
        .map(|r| (0..n).map(|a| (a, r)).collect())
        .collect();
    let layout_refs: Vec<&[(usize, usize)]> = layout.iter().map(Vec::as_slice).collect();
    let rows = rows(&articles, &ranges, &layout_refs);
    Comparison {
        version: VERSION,
        story: StoryRef {
            id: "big".into(),
            title: format!("{n} sources, {rows_n} rows"),
        },
        reference: "a00".into(),
        articles,
        rows,
        quotes: Vec::new(),
        summary: Vec::new(),
    }
}

// ---- the report tests' comparison ----

/// Script, attribute break-out and Markdown link payloads, as an article could hold them.
pub const HOSTILE: &str = "Peskov said <script>alert('x')</script> that \"><img src=x \
     onerror=alert(1)> and [click](javascript:alert(3)) **were** ~~not~~ `code` | &lt;b&gt; \
     \u{1b}[31mred\u{1b}[0m ties were damaged.";

struct Source {
    id: &'static str,
    source: &'static str,
    title: Option<&'static str>,
    date: Option<&'static str>,
    url: Option<&'static str>,
    passages: Vec<&'static str>,
}

fn sources(hostile: bool) -> Vec<Source> {
    let mut v = vec![
        Source {
            id: "000_cnbc",
            source: "CNBC",
            title: Some("Kremlin plays it cool on rapprochement with the U.S."),
            date: Some("2025-02-25"),
            url: Some("https://www.cnbc.com/2025/02/25/kremlin-plays-it-cool.html"),
            passages: vec![
                "“The previous Washington administration messed things up badly. There’s a lot of work to be done,” he added in Google-translated emailed comments.",
                "Ukraine and its European allies were left fuming by the U.S. and Russia rekindling diplomatic ties and forging ahead with talks without their input.",
                "There were 10 votes in favor and none against, but five abstentions including France and Britain.",
            ],
        },
        Source {
            id: "002_crypto",
            source: "Cryptopolitan",
            title: Some("How Putin is playing his on-the-mend US relations with Trump"),
            date: Some("2025-02-25"),
            url: None,
            passages: vec![
                "“The previous Washington administration messed things up badly. There’s a lot of work to be done,” Peskov told CNBC.",
                "The meeting sent shockwaves through Kyiv and European capitals, where officials felt blindsided.",
                "There were 11 votes in favor and none against, but five abstentions including France and the UK.",
                "Europe was furious.",
            ],
        },
        Source {
            id: "003_cn",
            source: "Chinese outlet (translated)",
            title: None,
            date: None,
            url: None,
            passages: vec![
                "He emphasized that the previous U.S. administration caused the severe deterioration of relations between the two countries, and therefore, much work remains to be done.",
                "High-level talks resumed without Ukrainian and European representatives, causing displeasure among Ukraine and European allies.",
            ],
        },
    ];
    if hostile {
        v.push(Source {
            id: "evil",
            source: "Evil <b>News</b> [x](javascript:alert(4))",
            title: Some("\"><img src=x onerror=alert(5)> <script>alert(6)</script>"),
            date: Some("2025-02-26"),
            url: Some("javascript:alert(7)"),
            passages: vec![HOSTILE],
        });
    }
    v
}

/// Words with the spaces and punctuation up to the next word: (start, end, key) in `text`.
fn tokens(text: &str) -> Vec<(usize, usize, String)> {
    let words = parallax::text::words(text);
    let mut out = Vec::new();
    if let Some(first) = words.first().filter(|w| w.start > 0) {
        out.push((0, first.start, String::new()));
    }
    for (k, w) in words.iter().enumerate() {
        let end = words.get(k + 1).map_or(text.len(), |n| n.start);
        out.push((w.start, end, w.text.to_lowercase()));
    }
    out
}

/// The word diff of `this` (at `start` in its body) against `other`, over word tokens (case
/// folded, punctuation kept with its word) as `compare` does.
pub fn word_diff(this: &str, start: usize, other: &str, against: &str) -> WordDiff {
    let new = tokens(this);
    let old = tokens(other);
    let nk: Vec<&str> = new.iter().map(|t| t.2.as_str()).collect();
    let ok: Vec<&str> = old.iter().map(|t| t.2.as_str()).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &ok, &nk);
    let mut spans = Vec::new();
    let range = |r: std::ops::Range<usize>, toks: &[(usize, usize, String)]| -> (usize, usize) {
        (toks[r.start].0, toks[r.end - 1].1)
    };
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        let at = new.get(n.start).map_or(this.len(), |t| t.0);
        let span = match tag {
            similar::DiffTag::Equal | similar::DiffTag::Insert | similar::DiffTag::Replace => {
                let (s, e) = range(n.clone(), &new);
                let op = match tag {
                    similar::DiffTag::Equal => DiffOp::Equal,
                    similar::DiffTag::Insert => DiffOp::Added,
                    _ => DiffOp::Changed,
                };
                let old_text = (op == DiffOp::Changed).then(|| {
                    let (a, b) = range(o.clone(), &old);
                    other[a..b].trim_end().to_string()
                });
                DiffSpan {
                    op,
                    text: this[s..e].to_string(),
                    old: old_text,
                    start: start + s,
                    end: start + e,
                }
            }
            similar::DiffTag::Delete => {
                let (a, b) = range(o.clone(), &old);
                DiffSpan {
                    op: DiffOp::Dropped,
                    text: other[a..b].trim_end().to_string(),
                    old: None,
                    start: start + at,
                    end: start + at,
                }
            }
        };
        spans.push(span);
    }
    WordDiff {
        against: against.to_string(),
        spans,
    }
}

fn marks_in(body: &str) -> Vec<Mark> {
    let lexicon: &[(&str, MarkKind, &str, u8)] = &[
        ("told", MarkKind::Attribution, "reporting verb", 0),
        ("added", MarkKind::Attribution, "reporting verb", 0),
        ("said", MarkKind::Attribution, "reporting verb", 0),
        ("emphasized", MarkKind::Attribution, "reporting verb", 1),
        ("fuming", MarkKind::Loaded, "emotive: anger", 2),
        ("shockwaves", MarkKind::Loaded, "emotive: alarm", 2),
        ("blindsided", MarkKind::Loaded, "emotive: surprise", 2),
        ("furious", MarkKind::Loaded, "emotive: anger", 3),
        ("severe", MarkKind::Booster, "intensifier", 1),
        ("badly", MarkKind::Booster, "intensifier", 1),
    ];
    let mut marks = Vec::new();
    for &(w, kind, note, grade) in lexicon {
        for (s, _) in body.match_indices(w) {
            marks.push(Mark {
                kind,
                start: s,
                end: s + w.len(),
                text: w.into(),
                note: note.into(),
                grade,
            });
        }
    }
    if let (Some(s), Some(e)) = (body.find('“'), body.find('”')) {
        let s = s + '“'.len_utf8();
        marks.push(Mark {
            kind: MarkKind::Quote,
            start: s,
            end: e,
            text: body[s..e].into(),
            note: String::new(),
            grade: 0,
        });
    }
    if let Some(s) = body.find("<script>") {
        marks.push(Mark {
            kind: MarkKind::Loaded,
            start: s,
            end: s + 8,
            text: "<script>".into(),
            note: "<img src=x onerror=alert(8)>".into(),
            grade: 3,
        });
    }
    marks.sort_by_key(|m| m.start);
    marks
}

/// The report tests' comparison; with `hostile`, a fourth source full of markup joins row 1.
pub fn report_comparison(hostile: bool) -> Comparison {
    let sources = sources(hostile);
    // Bodies: passages joined by newlines; remember where each passage starts.
    let mut articles = Vec::new();
    let mut at: Vec<Vec<usize>> = Vec::new();
    for s in &sources {
        let (body, ranges) = body(&s.passages);
        at.push(ranges.iter().map(|r| r.0).collect());
        articles.push(ArticleEntry {
            id: s.id.into(),
            path: format!("stories/{}.txt", s.id),
            source: Some(s.source.into()),
            title: s.title.map(Into::into),
            date: s.date.map(Into::into),
            url: s.url.map(Into::into),
            words: body.split_whitespace().count(),
            marks: marks_in(&body),
            body,
        });
    }
    // Rows: (article index, passage index, relation, similarity); the first is the reference.
    let mut layout: Vec<Vec<(usize, usize, Relation, f32)>> = vec![
        vec![
            (0, 0, Relation::Reference, 1.0),
            (1, 0, Relation::Verbatim, 0.82),
            (2, 0, Relation::Paraphrase, 0.31),
        ],
        vec![
            (0, 1, Relation::Reference, 1.0),
            (1, 1, Relation::Paraphrase, 0.18),
            (2, 1, Relation::Paraphrase, 0.27),
        ],
        vec![
            (0, 2, Relation::Reference, 1.0),
            (1, 2, Relation::Close, 0.86),
        ],
        vec![(1, 3, Relation::Unique, 1.0)],
    ];
    if hostile {
        layout[0].push((3, 0, Relation::Close, 0.4));
    }
    let rows: Vec<Row> = layout
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            let reference = articles[cells[0].0].id.clone();
            let text_of = |a: usize, p: usize| sources[a].passages[p];
            let cells = cells
                .iter()
                .map(|&(a, p, relation, similarity)| {
                    let text = text_of(a, p);
                    let start = at[a][p];
                    let diffs = cells
                        .iter()
                        .filter(|o| o.0 != a)
                        .map(|&(oa, op, _, _)| {
                            word_diff(text, start, text_of(oa, op), &articles[oa].id)
                        })
                        .collect();
                    Cell {
                        article: articles[a].id.clone(),
                        text: text.into(),
                        start,
                        end: start + text.len(),
                        relation,
                        similarity,
                        diffs,
                    }
                })
                .collect();
            Row {
                id: i + 1,
                reference,
                cells,
                discrepancies: Vec::new(),
            }
        })
        .collect();
    let mut c = Comparison {
        version: VERSION,
        story: StoryRef {
            id: "s1".into(),
            title: "Kremlin says US–Russia ties are only beginning to mend".into(),
        },
        reference: "000_cnbc".into(),
        articles,
        rows,
        quotes: Vec::new(),
        summary: Vec::new(),
    };
    // Row 3: 10 votes against 11.
    let value = |c: &Comparison, a: usize, w: &str| {
        let body = &c.articles[a].body;
        let s = body.find(w).unwrap();
        DiscrepancyValue {
            article: c.articles[a].id.clone(),
            text: w.into(),
            start: s,
            end: s + w.len(),
            resolved: None,
        }
    };
    let d = Discrepancy {
        kind: DiscrepancyKind::Number,
        values: vec![value(&c, 0, "10 votes"), value(&c, 1, "11 votes")],
        note: "vote count".into(),
        doubtful: false,
    };
    c.rows[2].discrepancies.push(d);
    // The Peskov quote as CNBC, Cryptopolitan and the translation carry it.
    let quote = |c: &Comparison, a: usize, text: &str, verb: Option<&str>| {
        let body = &c.articles[a].body;
        let s = body.find(text).unwrap();
        Quote {
            article: c.articles[a].id.clone(),
            start: s,
            end: s + text.len(),
            text: text.into(),
            speaker: Some("Dmitry Peskov".into()),
            verb: verb.map(Into::into),
            confidence: None,
            said_by: None,
        }
    };
    let full = "The previous Washington administration messed things up badly. There’s a lot of work to be done,";
    let mut members = vec![
        QuoteMember {
            quote: quote(&c, 0, full, Some("added")),
            fidelity: Fidelity::Fullest,
            cut: vec![],
            added: vec![],
            similarity: 1.0,
        },
        QuoteMember {
            quote: quote(&c, 1, full, Some("told")),
            fidelity: Fidelity::Identical,
            cut: vec![],
            added: vec![],
            similarity: 1.0,
        },
        QuoteMember {
            quote: quote(
                &c,
                2,
                "the previous U.S. administration caused the severe deterioration of relations",
                Some("emphasized"),
            ),
            fidelity: Fidelity::Indirect,
            cut: vec!["messed things up badly".into()],
            added: vec![],
            similarity: 0.0,
        },
    ];
    if hostile {
        members.push(QuoteMember {
            quote: quote(&c, 3, "<script>alert('x')</script>", Some("said")),
            fidelity: Fidelity::Reworded,
            cut: vec!["[y](javascript:alert(9))".into()],
            added: vec!["<svg onload=alert(11)>".into()],
            similarity: 0.2,
        });
        let d = Discrepancy {
            kind: DiscrepancyKind::Speaker,
            values: vec![
                DiscrepancyValue {
                    resolved: Some("Dmitry Peskov".into()),
                    ..value(&c, 0, "he added")
                },
                DiscrepancyValue {
                    resolved: Some("<u>Peskov</u>".into()),
                    ..value(&c, 3, "Peskov said <script>")
                },
            ],
            note: "<i>who</i> said it".into(),
            doubtful: false,
        };
        c.rows[0].discrepancies.push(d);
    }
    c.quotes.push(QuoteGroup {
        id: "q1".into(),
        speaker: Some("Dmitry Peskov".into()),
        members,
    });
    let count = |w: &str, n: usize| Count {
        word: w.into(),
        count: n,
    };
    c.summary = vec![
        OutletSummary {
            article: "000_cnbc".into(),
            quotes: vec!["q1".into()],
            only_here: vec![],
            omits: vec![4],
            reporting_verbs: vec![count("added", 1)],
            loaded_words: vec![count("fuming", 1)],
            speakers: vec![count("Dmitry Peskov", 1)],
            labels: vec![],
            hedges: vec![],
        },
        OutletSummary {
            article: "002_crypto".into(),
            quotes: vec!["q1".into()],
            only_here: vec![4],
            omits: vec![],
            reporting_verbs: vec![count("told", 1)],
            loaded_words: vec![
                count("shockwaves", 1),
                count("blindsided", 1),
                count("furious", 1),
            ],
            speakers: vec![count("Dmitry Peskov", 1)],
            labels: vec![],
            hedges: vec![count("felt", 1)],
        },
        OutletSummary {
            article: "003_cn".into(),
            quotes: vec!["q1".into()],
            only_here: vec![],
            omits: vec![3],
            reporting_verbs: vec![count("emphasized", 1)],
            loaded_words: vec![],
            speakers: vec![],
            labels: vec![],
            hedges: vec![],
        },
    ];
    if hostile {
        c.summary.push(OutletSummary {
            article: "evil".into(),
            quotes: vec!["q1".into()],
            only_here: vec![],
            omits: vec![2, 3],
            reporting_verbs: vec![count("<b>said</b>", 1)],
            loaded_words: vec![count("[z](javascript:alert(10))", 1)],
            speakers: vec![count("<em>Peskov</em>", 1)],
            labels: vec![count("state-run <b>x</b>", 1)],
            hedges: vec![count("_reportedly_", 1)],
        });
    }
    c
}
