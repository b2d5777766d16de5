//! A small but complete `Comparison` built by hand from passages of the sample story (CNBC,
//! Cryptopolitan and the translated Chinese report), with everything a report shows: word
//! differences both ways, framing marks, a quote group, a discrepancy, a single-source row and
//! the per-outlet summary. Optionally a fourth, hostile "article" whose every field carries
//! markup, to test escaping in places the pipeline does not yet fill.
//!
//! Word differences are computed here with `similar` over words, as `compare` does, so the
//! spans and offsets are consistent with the bodies.

use parallax::model::*;

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

/// The word diff of `this` (at `start` in its body) against `other`.
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

/// The fixture comparison; with `hostile`, a fourth source full of markup joins row 1.
pub fn comparison(hostile: bool) -> Comparison {
    let sources = sources(hostile);
    // Bodies: passages joined by newlines; remember where each passage starts.
    let mut articles = Vec::new();
    let mut at: Vec<Vec<usize>> = Vec::new();
    for s in &sources {
        let mut body = String::new();
        let mut starts = Vec::new();
        for p in &s.passages {
            if !body.is_empty() {
                body.push('\n');
            }
            starts.push(body.len());
            body.push_str(p);
        }
        at.push(starts);
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
