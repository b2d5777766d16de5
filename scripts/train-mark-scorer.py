#!/usr/bin/env python3
"""Rebuild the learned mark scorer's weights (assets/lexicons/mark_scorer.tsv).

    cargo build --release && cargo build --release --example mark_features
    pip install -r scripts/requirements-mark-scorer.txt
    python3 scripts/train-mark-scorer.py [--wnc] [--target-precision 0.4]

Runs outside the build; the binary only reads the weights it writes. What it does:
1. exports every basil-dev story (../shared/data/basil-dev, labels.tsv) with
   `parallax export --one-story`, and reads the scorer's candidates and their features with
   `examples/mark_features.rs` (so the features are exactly those the program computes);
2. labels a candidate 1 when it lies inside a lexical-bias span annotated for its article
   (../shared/eval/basil-dev-lexical-spans.jsonl), else 0;
3. fits a logistic regression (L2, Newton's method) on the TUNING half of the stories only —
   the halves are those of scripts/eval-analysis.py (story ids sorted by SHA-256) — and with
   `--wnc` also on the WNC training sentences (../shared/data/wnc-sample, words an editor
   removed as biased);
4. picks two thresholds, for the outlet's words and for words inside quotations (the speaker's),
   with the best recall on the tuning half whose precision reaches `--target-precision`, both
   as ../shared/eval/score_marks.py counts them for an export whose loaded marks are the
   scorer's (the other marks are those the program exports); grades 2 and 3 start at the
   median and the top fifth of the marked scores;
5. prints the figures of both halves and writes the weights file.

The model sees only general features (which licensed lists hold a word and how strongly, a
part-of-speech guess, quotation, reported speech, position, neighbours): no word identity, so
no phrase of these articles is learned as such.
"""
import argparse
import csv
import importlib.util
import json
import os
import re
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
spec = importlib.util.spec_from_file_location("eval_analysis", os.path.join(ROOT, "scripts", "eval-analysis.py"))
ev = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ev)


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u2019", "'").replace("\u2018", "'")).strip().lower()


def features(feature_bin, args):
    out = subprocess.run([feature_bin] + args, check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()
    names = json.loads(lines[0])["features"]
    return names, [json.loads(l) for l in lines[1:]]


def basil_rows(binary, feature_bin, out):
    data = os.path.join(SHARED, "data", "basil-dev")
    stories = {}
    for r in csv.DictReader(open(os.path.join(data, "labels.tsv"), encoding="utf-8"), delimiter="\t"):
        stories.setdefault(r["story_id"], []).append(r["file"])
    exp = os.path.join(out, "basil")
    os.makedirs(exp, exist_ok=True)
    paths = []
    for sid in sorted(stories):
        o = os.path.join(exp, sid + ".json")
        ev.export(binary, [os.path.join(data, f) for f in sorted(stories[sid])], o, one_story=True)
        paths.append(o)
    bodies = {}
    other = {}
    for p in paths:
        for a in json.load(open(p, encoding="utf-8"))["articles"]:
            f = os.path.basename(a["path"])
            bodies[f] = a["body"]
            # The marks the scorer does not decide: labels, hedges, boosters, quotes, verbs.
            other[f] = [m for m in a.get("marks", []) if m["kind"] not in ("loaded", "speaker_loaded")]
    names, rows = features(feature_bin, paths)
    spans = {}
    for l in open(os.path.join(SHARED, "eval", "basil-dev-lexical-spans.jsonl"), encoding="utf-8"):
        if l.strip():
            d = json.loads(l)
            spans[d["file"]] = d
    story_of = {f: sid for sid, fs in stories.items() for f in fs}
    tune, held = ev.halves(stories)
    # Byte intervals of each lexical span in its article body.
    intervals = {}
    for f, d in spans.items():
        body = bodies.get(f, "").encode("utf-8")
        iv = []
        for s in d["lexical"]:
            needle = s.strip().encode("utf-8")
            i = body.find(needle)
            while needle and i >= 0:
                iv.append((i, i + len(needle)))
                i = body.find(needle, i + 1)
        intervals[f] = iv
    for r in rows:
        f = r["file"]
        r["y"] = int(any(a <= r["start"] and r["end"] <= b for a, b in intervals.get(f, [])))
        r["half"] = "tuning" if story_of.get(f) in tune else "held-out"
        allsp = [norm(s) for s in spans.get(f, {}).get("lexical", []) + spans.get(f, {}).get("informational", [])]
        r["in_any_span"] = int(any(norm(r["text"]) in s for s in allsp))
    return names, rows, spans, story_of, tune, held, other


def wnc_rows(feature_bin):
    path = os.path.join(SHARED, "data", "wnc-sample", "wnc_sample_train.jsonl")
    sents = {}
    for l in open(path, encoding="utf-8"):
        d = json.loads(l)
        s = d["sentence"]
        sents[d["id"]] = [(len(s[: x["start"]].encode()), len(s[: x["end"]].encode())) for x in d["spans"]]
    names, rows = features(feature_bin, ["--wnc", path])
    for r in rows:
        r["y"] = int(any(a <= r["start"] and r["end"] <= b for a, b in sents.get(r["file"], [])))
        r["half"] = "wnc"
    return names, rows


FEATURES_INDEX = {}


def fit(X, y, l2=1.0, iters=50):
    """Logistic regression by Newton's method with an L2 penalty (not on the bias, column 0)."""
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-X @ w))
        g = X.T @ (p - y) + reg * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg) + 1e-6 * np.eye(X.shape[1])
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def curve(rows, p, spans, files):
    """(threshold, marks, precision, span recall) from the highest score down."""
    order = np.argsort(-p)
    hit_spans = set()
    marks = good = 0
    out = []
    n_spans = sum(len(spans[f]["lexical"]) for f in files if f in spans)
    for i in order:
        r = rows[i]
        marks += 1
        good += r["in_any_span"]
        if r["y"]:
            for j, s in enumerate(spans[r["file"]]["lexical"]):
                if re.search(r"\b" + re.escape(norm(r["text"])) + r"\b", norm(s)):
                    hit_spans.add((r["file"], j))
        out.append((p[i], marks, good / marks, len(hit_spans) / max(n_spans, 1)))
    return out


def score_marks(marks, spans, files):
    """score_marks.py's figures for `marks` (file -> list of {kind, text}) over `files`."""
    loaded = lambda m: re.search(r"load|emot|label|bias|charg", m["kind"], re.I)
    rec_n = rec_hit = prec_n = prec_hit = 0
    for f in files:
        d = spans.get(f)
        if not d:
            continue
        ms = marks.get(f, [])
        texts = [norm(m["text"]) for m in ms if m["text"]]
        for s in d["lexical"]:
            rec_n += 1
            ns = norm(s)
            rec_hit += any(t and re.search(r"\b" + re.escape(t) + r"\b", ns) for t in texts)
        sel = [m for m in ms if loaded(m)] or ms
        allsp = [norm(s) for s in d["lexical"] + d["informational"]]
        for m in sel:
            t = norm(m["text"])
            if t:
                prec_n += 1
                prec_hit += any(t in s for s in allsp)
    return rec_hit / max(rec_n, 1), prec_hit / max(prec_n, 1)


def simulate(rows, p, t, other, files, spans):
    """The figures of an export whose loaded marks are the candidates scored at least `t`."""
    marks = {f: list(other.get(f, [])) for f in files}
    in_quote = FEATURES_INDEX["in_quote"]
    for r, pi in zip(rows, p):
        if pi >= t:
            kind = "speaker_loaded" if r["x"][in_quote] else "loaded"
            marks.setdefault(r["file"], []).append({"kind": kind, "text": r["text"]})
    return score_marks(marks, spans, files)


def pick(c, target):
    """The lowest threshold at which precision is still at least `target` (from 20 marks on)."""
    best = None
    for t, m, prec, rec in c:
        if m >= 20 and prec >= target:
            best = (t, m, prec, rec)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "parallax"))
    ap.add_argument("--features-bin", default=os.path.join(ROOT, "target", "release", "examples", "mark_features"))
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "mark-scorer"))
    ap.add_argument("--wnc", action="store_true", help="also train on the WNC training sentences")
    ap.add_argument("--target-precision", type=float, default=0.36)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--dry-run", action="store_true", help="print the figures, do not write the weights")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    names, rows, spans, story_of, tune, held, other = basil_rows(a.bin, a.features_bin, a.out)
    train = [r for r in rows if r["half"] == "tuning"]
    if a.wnc:
        wn, wrows = wnc_rows(a.features_bin)
        assert wn == names
        train += wrows
    FEATURES_INDEX.update({n: i for i, n in enumerate(names)})
    X = np.array([r["x"] for r in train], dtype=float)
    y = np.array([r["y"] for r in train], dtype=float)
    w = fit(X, y, a.l2)
    print(f"trained on {len(train)} candidates ({int(y.sum())} inside a lexical span)")
    cuts = {}
    q = FEATURES_INDEX["in_quote"]
    g2, g3 = FEATURES_INDEX["lex_g2"], FEATURES_INDEX["lex_g3"]
    for half in ("tuning", "held-out"):
        hr = [r for r in rows if r["half"] == half]
        p = 1 / (1 + np.exp(-np.array([r["x"] for r in hr]) @ w))
        quoted = np.array([r["x"][q] for r in hr]) > 0
        files = {f for f, s in story_of.items() if (s in tune) == (half == "tuning")}

        # The curated lists' clear cases (grade 2 and 3) outside quotations are marked whatever
        # the score (src/compare/framing.rs), so the thresholds are chosen with them marked.
        curated = np.array([(r["x"][g2] > 0 or r["x"][g3] > 0) and not r["x"][q] for r in hr])

        def marked(t_out, t_in):
            return (np.where(quoted, p >= t_in, p >= t_out) | curated).astype(float)

        if half == "tuning":
            # Two thresholds, for the outlet's words and for words inside quotations: the pair
            # with the best recall whose precision (as score_marks.py counts it) reaches the
            # target, the higher pair on ties. Grades 2 and 3 start at the median and the top
            # fifth of the marked scores.
            grid = [float(np.quantile(p, x)) for x in np.linspace(0.90, 0.995, 24)]
            best = None
            for t_out in grid:
                for t_in in grid:
                    if t_in > t_out:
                        continue
                    rec, prec = simulate(hr, marked(t_out, t_in), 0.5, other, files, spans)
                    if prec >= a.target_precision and (best is None or (rec, t_out + t_in) > best[0]):
                        best = ((rec, t_out + t_in), t_out, t_in)
            if best is None:
                sys.exit(f"no thresholds reach precision {a.target_precision} on the tuning half")
            cuts["threshold"], cuts["threshold_quoted"] = best[1], best[2]
            on = p[marked(best[1], best[2]) > 0]
            cuts["grade2"] = max(float(np.quantile(on, 0.5)), best[1])
            cuts["grade3"] = max(float(np.quantile(on, 0.8)), cuts["grade2"])
        m = marked(cuts["threshold"], cuts["threshold_quoted"])
        rec, prec = simulate(hr, m, 0.5, other, files, spans)
        print(f"{half}: {len(hr)} candidates, {int(m.sum())} marked (thresholds {cuts['threshold']:.4f}, "
              f"quoted {cuts['threshold_quoted']:.4f}): score_marks recall {rec:.3f} precision {prec:.3f}")
    for n, v in sorted(zip(names, w), key=lambda x: -abs(x[1])):
        print(f"  {n:<18} {v:+.3f}")
    if a.dry_run:
        return
    target = os.path.join(ROOT, "assets", "lexicons", "mark_scorer.tsv")
    with open(target, "w", encoding="utf-8") as f:
        f.write("# Weights of the learned mark scorer (src/compare/mark_scorer.rs): a logistic regression over the\n")
        f.write("# features named there. Generated by scripts/train-mark-scorer.py"
                + (" --wnc" if a.wnc else "") + f" (target precision {a.target_precision}, L2 {a.l2})\n")
        f.write("# from the tuning half of the basil-dev lexical-bias spans" + (" and the WNC training sentences" if a.wnc else "")
                + "; do not edit by hand.\n")
        f.write("# threshold / threshold_quoted: scores from which a candidate outside / inside a quotation is marked\n")
        f.write("# (grade 1); grade2 / grade3: scores from which it has grade 2 and 3.\n")
        for k in ("threshold", "threshold_quoted", "grade2", "grade3"):
            f.write(f"{k}\t{cuts[k]:.4f}\n")
        for n, v in zip(names, w):
            f.write(f"{n}\t{v:.4f}\n")
    print(f"wrote {os.path.relpath(target, ROOT)}")


if __name__ == "__main__":
    main()
