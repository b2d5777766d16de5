//! Small hand-built comparisons for TUI tests and benchmarks: realistic prose with word diffs,
//! framing marks, a shared quotation and a discrepancy, independent of how alignment and
//! comparison evolve.

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

/// A word diff of `text` (at `base`) against `other`, computed with `similar` over words.
pub fn word_diff(text: &str, base: usize, other: &str, against: &str) -> WordDiff {
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
                        .map(|&(b, q)| word_diff(text, start, text_of(b, q).0, &articles[b].id))
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
