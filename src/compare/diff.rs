//! Word differences between two passages, with `similar`'s Patience algorithm over word keys
//! (case, curly quotes, dashes and spacing folded away; punctuation is not a word).
//!
//! One passage is diffed against another, never a whole article: a diff is cheap on passages
//! and `similar` is run without a deadline, so it never falls back to an all-changed result.

use std::hash::Hash;
use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::model::{DiffOp, DiffSpan};
use crate::text::{self, is_stopword, word_key};

/// One step of an edit script between word sequences `a` (the other passage) and `b` (this
/// passage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Op {
    /// What happened.
    pub tag: DiffTag,
    /// Word indices in `a`.
    pub a: Range<usize>,
    /// Word indices in `b`.
    pub b: Range<usize>,
}

/// Largest product of two passages' lengths in words that is diffed word by word. Without a
/// deadline Myers' algorithm (Patience falls back to it between unique words) takes time
/// proportional to length times differences: sentence-sized passages take microseconds, but
/// text without sentence punctuation makes a "sentence" of a whole article, and two such
/// articles of a million words never finished. Beyond this (two passages of 2,000 words),
/// [`coarse`] gives a deterministic script instead.
const MAX_DIFF_PRODUCT: usize = 4_000_000;

/// A cheap edit script for passages too long to diff: the words both share at the start and
/// at the end are equal, everything between is one change.
fn coarse<K: Eq>(a: &[K], b: &[K]) -> Vec<Op> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (pre..a.len() - suf, pre..b.len() - suf);
    let mut out = Vec::new();
    if pre > 0 {
        out.push(Op {
            tag: DiffTag::Equal,
            a: 0..pre,
            b: 0..pre,
        });
    }
    let tag = match (a_mid.is_empty(), b_mid.is_empty()) {
        (true, true) => None,
        (true, false) => Some(DiffTag::Insert),
        (false, true) => Some(DiffTag::Delete),
        (false, false) => Some(DiffTag::Replace),
    };
    if let Some(tag) = tag {
        out.push(Op {
            tag,
            a: a_mid.clone(),
            b: b_mid.clone(),
        });
    }
    if suf > 0 {
        out.push(Op {
            tag: DiffTag::Equal,
            a: a_mid.end..a.len(),
            b: b_mid.end..b.len(),
        });
    }
    out
}

/// The edit script from `a` to `b`, cleaned up for reading: a lone function word that happens
/// to match between two changes ("the") is folded into the change, and a deletion next to an
/// insertion becomes one replacement.
pub fn ops<K: Hash + Eq + AsRef<str>>(a: &[K], b: &[K]) -> Vec<Op> {
    let mut out: Vec<Op> = if a.len().saturating_mul(b.len()) > MAX_DIFF_PRODUCT {
        coarse(a, b)
    } else {
        capture_diff_slices(Algorithm::Patience, a, b)
            .iter()
            .map(|op| {
                let (tag, ar, br) = op.as_tag_tuple();
                Op { tag, a: ar, b: br }
            })
            .filter(|op| !(op.a.is_empty() && op.b.is_empty()))
            .collect()
    };
    // Fold short runs of function words between two changes into the change.
    let mut i = 1;
    while i + 1 < out.len() {
        let (prev, cur, next) = (&out[i - 1], &out[i], &out[i + 1]);
        let trivial = cur.tag == DiffTag::Equal
            && cur.a.len() == 1
            && a[cur.a.clone()]
                .iter()
                .all(|k| is_stopword(k.as_ref()) && k.as_ref().len() <= 3);
        if trivial && prev.tag != DiffTag::Equal && next.tag != DiffTag::Equal {
            let merged = Op {
                tag: DiffTag::Replace,
                a: prev.a.start..next.a.end,
                b: prev.b.start..next.b.end,
            };
            out.splice(i - 1..i + 2, [merged]);
            i = i.saturating_sub(1).max(1);
        } else {
            i += 1;
        }
    }
    // Join neighbouring changes.
    let mut joined: Vec<Op> = Vec::with_capacity(out.len());
    for op in out {
        match joined.last_mut() {
            Some(last) if last.tag != DiffTag::Equal && op.tag != DiffTag::Equal => {
                last.a.end = op.a.end;
                last.b.end = op.b.end;
                last.tag = match (last.a.is_empty(), last.b.is_empty()) {
                    (true, _) => DiffTag::Insert,
                    (_, true) => DiffTag::Delete,
                    _ => DiffTag::Replace,
                };
            }
            _ => joined.push(op),
        }
    }
    joined
}

/// The same script seen from the other side.
pub fn flip(ops: &[Op]) -> Vec<Op> {
    ops.iter()
        .map(|op| Op {
            tag: match op.tag {
                DiffTag::Insert => DiffTag::Delete,
                DiffTag::Delete => DiffTag::Insert,
                t => t,
            },
            a: op.b.clone(),
            b: op.a.clone(),
        })
        .collect()
}

/// Number of words the two sides share.
pub fn matched(ops: &[Op]) -> usize {
    ops.iter()
        .filter(|o| o.tag == DiffTag::Equal)
        .map(|o| o.a.len())
        .sum()
}

/// A passage's words: byte ranges into its article body, and keys.
#[derive(Debug, Clone)]
pub struct Passage<'a> {
    /// The article body.
    pub body: &'a str,
    /// The passage's byte range in it.
    pub range: Range<usize>,
    /// Byte ranges of its words (into the body).
    pub words: Vec<Range<usize>>,
    /// Their keys.
    pub keys: Vec<String>,
}

impl<'a> Passage<'a> {
    /// The words of `body[range]`.
    pub fn new(body: &'a str, range: Range<usize>) -> Self {
        let mut words = Vec::new();
        let mut keys = Vec::new();
        if let Some(slice) = body.get(range.clone()) {
            for w in text::words(slice) {
                words.push(range.start + w.start..range.start + w.end);
                keys.push(word_key(w.text));
            }
        }
        Passage {
            body,
            range,
            words,
            keys,
        }
    }

    /// The text of words `ws` (from the first one's start to the last one's end).
    pub fn text_of(&self, ws: Range<usize>) -> &'a str {
        if ws.is_empty() {
            return "";
        }
        &self.body[self.words[ws.start].start..self.words[ws.end - 1].end]
    }

    /// Byte range of words `ws`.
    pub fn bytes_of(&self, ws: Range<usize>) -> Range<usize> {
        if ws.is_empty() {
            return self.range.start..self.range.start;
        }
        self.words[ws.start].start..self.words[ws.end - 1].end
    }
}

/// The spans of passage `this` against passage `other`, given the script from `other` (a) to
/// `this` (b). The spans tile `this` in reading order: equal runs carry the spaces and
/// punctuation after them, changed and added runs cover their words, and dropped runs (the
/// other passage's words) sit, empty, where they were lost.
pub fn spans(this: &Passage, other: &Passage, script: &[Op]) -> Vec<DiffSpan> {
    let mut out = Vec::new();
    let mut cursor = this.range.start;
    let end_of_passage = this.range.end;
    // Where the next word of `this` starts (the end of the passage after the last one).
    let next_start = |j: usize| this.words.get(j).map_or(end_of_passage, |w| w.start);
    for op in script {
        match op.tag {
            DiffTag::Equal => {
                let end = next_start(op.b.end);
                if end > cursor {
                    out.push(span(DiffOp::Equal, this.body, cursor..end, None));
                }
                cursor = cursor.max(end);
            }
            DiffTag::Delete => {
                out.push(DiffSpan {
                    op: DiffOp::Dropped,
                    text: other.text_of(op.a.clone()).to_string(),
                    old: None,
                    start: cursor,
                    end: cursor,
                });
            }
            DiffTag::Insert | DiffTag::Replace => {
                let words = this.bytes_of(op.b.clone());
                if words.start > cursor {
                    out.push(span(DiffOp::Equal, this.body, cursor..words.start, None));
                }
                let (kind, old) = if op.tag == DiffTag::Insert {
                    (DiffOp::Added, None)
                } else {
                    (
                        DiffOp::Changed,
                        Some(other.text_of(op.a.clone()).to_string()),
                    )
                };
                out.push(span(kind, this.body, words.start..words.end, old));
                cursor = words.end;
            }
        }
    }
    if cursor < end_of_passage {
        out.push(span(DiffOp::Equal, this.body, cursor..end_of_passage, None));
    }
    out
}

fn span(op: DiffOp, body: &str, r: Range<usize>, old: Option<String>) -> DiffSpan {
    DiffSpan {
        op,
        text: body[r.clone()].to_string(),
        old,
        start: r.start,
        end: r.end,
    }
}

/// Share of words the two passages have in common, 0..1 (Dice over matched words).
pub fn similarity(ops: &[Op], a_len: usize, b_len: usize) -> f32 {
    if a_len + b_len == 0 {
        return 1.0;
    }
    2.0 * matched(ops) as f32 / (a_len + b_len) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(a: &str, b: &str) -> Vec<(DiffOp, String, Option<String>)> {
        let pa = Passage::new(a, 0..a.len());
        let pb = Passage::new(b, 0..b.len());
        let script = ops(&pa.keys, &pb.keys);
        let sp = spans(&pb, &pa, &script);
        // The non-dropped spans tile `b` exactly.
        let tiled: String = sp
            .iter()
            .filter(|s| s.op != DiffOp::Dropped)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(tiled, b);
        sp.into_iter().map(|s| (s.op, s.text, s.old)).collect()
    }

    #[test]
    fn names_swapped_in_a_shared_sentence_are_a_change() {
        let a = "Russian Foreign Minister Sergey Lavrov later confirmed that a second round of US-Russia talks would happen.";
        let b = "Additionally, Russian Deputy Foreign Minister Sergey Ryabkov revealed that the second round of U.S.-Russia talks will be held.";
        let d = diff(a, b);
        assert!(
            d.contains(&(DiffOp::Added, "Additionally".into(), None)),
            "{d:?}"
        );
        assert!(d.contains(&(DiffOp::Added, "Deputy".into(), None)), "{d:?}");
        assert!(
            d.contains(&(
                DiffOp::Changed,
                "Ryabkov revealed".into(),
                Some("Lavrov later confirmed".into())
            )),
            "{d:?}"
        );
        // "U.S." and "US" are the same word.
        assert!(
            d.iter()
                .any(|s| s.0 == DiffOp::Equal && s.1.contains("U.S.-Russia talks")),
            "{d:?}"
        );
    }

    #[test]
    fn passages_too_long_to_diff_keep_their_shared_ends() {
        // Two "sentences" of 3,000 words (text without sentence punctuation): the same start
        // and end, different middles. Word by word this took time with the square.
        let words = |k: usize| -> String {
            (0..1000)
                .map(|i| format!("w{}", (i * k) % 997))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (start, end) = (words(1), words(3));
        let a = format!("{start} {} {end}", words(5).replace('w', "x"));
        let b = format!("{start} {} {end}", words(7).replace('w', "y"));
        let d = diff(&a, &b);
        let ops: Vec<DiffOp> = d.iter().map(|s| s.0).collect();
        assert_eq!(ops, [DiffOp::Equal, DiffOp::Changed, DiffOp::Equal]);
        assert_eq!(d[0].1.trim_end(), start);
        assert_eq!(d[2].1.trim_start(), end);
        assert_eq!(diff(&a, &a).len(), 1, "identical: one equal run");
    }

    #[test]
    fn typography_and_case_are_not_differences() {
        let d = diff(
            "“It’s impossible to rebuild it all in an instant,” he said.",
            "\"It's impossible to rebuild it all in an instant,\" He said.",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, DiffOp::Equal);
    }

    #[test]
    fn dropped_words_sit_where_they_were_lost() {
        let a = "It seems to me that he wants to improve the situation. And in general, this is not so much for the benefit of Russia.";
        let b = "It seems to me that he wants to improve the situation.";
        let pa = Passage::new(a, 0..a.len());
        let pb = Passage::new(b, 0..b.len());
        let sp = spans(&pb, &pa, &ops(&pa.keys, &pb.keys));
        let dropped: Vec<_> = sp.iter().filter(|s| s.op == DiffOp::Dropped).collect();
        assert_eq!(dropped.len(), 1);
        assert_eq!(
            dropped[0].text,
            "And in general, this is not so much for the benefit of Russia"
        );
        assert_eq!(dropped[0].start, b.len());
    }

    #[test]
    fn a_lone_function_word_does_not_split_a_change() {
        let a = "The meeting sent shockwaves through Kyiv and the European capitals.";
        let b = "Ukraine and its European allies were left fuming.";
        let script = ops(
            &Passage::new(a, 0..a.len()).keys,
            &Passage::new(b, 0..b.len()).keys,
        );
        assert!(
            script
                .iter()
                .filter(|o| o.tag == DiffTag::Equal)
                .all(|o| !o.a.is_empty())
        );
        assert!(similarity(&script, 10, 8) < 0.4);
    }
}
