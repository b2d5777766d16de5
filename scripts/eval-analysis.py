#!/usr/bin/env python3
"""Measure parallax's analysis (quote speakers, discrepancies, framing marks) on the shared
corpora, each split into a tuning half and a held-out half.

    scripts/eval-analysis.py [--bin target/release/parallax] [--out target/eval]
                             [--list] [--wnc] [--only quotes|basil]

What it runs (all with the release binary; build it first with `cargo build --release`):
- polnear-dev: every article exported alone (`parallax export --format json FILE`), scored with
  ../shared/eval/score_quotes.py against ../shared/eval/polnear-dev-quotes-gold.jsonl, for the
  tuning half, the held-out half and all articles (the last line of each is the figure).
- basil-dev: every story of labels.tsv exported with `--one-story` (its three articles); the
  discrepancies of all rows are counted (headline ones, and doubtful ones shown only in row
  detail), and framing marks are scored with ../shared/eval/score_marks.py against
  ../shared/eval/basil-dev-lexical-spans.jsonl, per half and for all stories.
  `--list` prints every discrepancy with its values and note.
- `--wnc`: the Wiki Neutrality sample figures (`cargo run --release --example wnc_eval -- --test`).

The halves: ids (polnear-dev file names, basil-dev story ids) sorted by their SHA-256; the first
half tunes, the second is held out. Deterministic and independent of file order. Exports go to
--out (default target/eval), which is rewritten on every run.
"""
import argparse
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))


def halves(ids):
    """Split ids into (tuning, held-out) by their SHA-256, deterministically."""
    order = sorted(ids, key=lambda i: hashlib.sha256(i.encode()).hexdigest())
    mid = len(order) // 2
    return set(order[:mid]), set(order[mid:])


def export(binary, files, out, one_story=False):
    cmd = [binary, "export", "--format", "json", "-o", out]
    if one_story:
        cmd.append("--one-story")
    subprocess.run(cmd + files, check=True, stdout=subprocess.DEVNULL)


def run_scorer(args):
    r = subprocess.run([sys.executable] + args, check=True, capture_output=True, text=True)
    return r.stdout.strip()


def polnear(binary, out):
    data = os.path.join(SHARED, "data", "polnear-dev")
    gold = os.path.join(SHARED, "eval", "polnear-dev-quotes-gold.jsonl")
    exp = os.path.join(out, "polnear")
    os.makedirs(exp, exist_ok=True)
    files = sorted(f for f in os.listdir(data) if f.endswith(".txt"))
    for f in files:
        export(binary, [os.path.join(data, f)], os.path.join(exp, f[:-4] + ".json"))
    tune, held = halves(files)
    lines = [l for l in open(gold, encoding="utf-8") if l.strip()]
    print("== polnear-dev quote speakers (score_quotes.py) ==")
    for name, part in (("tuning", tune), ("held-out", held), ("all", set(files))):
        g = os.path.join(out, f"polnear-gold-{name}.jsonl")
        with open(g, "w", encoding="utf-8") as w:
            w.writelines(l for l in lines if json.loads(l)["file"] in part)
        print(f"-- {name} half: {len(part)} articles" if name != "all" else f"-- all: {len(part)} articles")
        print(run_scorer([os.path.join(SHARED, "eval", "score_quotes.py"), g, exp]))


def basil(binary, out, listing):
    data = os.path.join(SHARED, "data", "basil-dev")
    spans = os.path.join(SHARED, "eval", "basil-dev-lexical-spans.jsonl")
    exp = os.path.join(out, "basil")
    os.makedirs(exp, exist_ok=True)
    stories = {}
    for r in csv.DictReader(open(os.path.join(data, "labels.tsv"), encoding="utf-8"), delimiter="\t"):
        stories.setdefault(r["story_id"], []).append(r["file"])
    tune, held = halves(stories)
    counts = {"tuning": [0, 0], "held-out": [0, 0]}
    found = []
    for sid in sorted(stories):
        o = os.path.join(exp, sid + ".json")
        export(binary, [os.path.join(data, f) for f in sorted(stories[sid])], o, one_story=True)
        doc = json.load(open(o, encoding="utf-8"))
        half = "tuning" if sid in tune else "held-out"
        for row in doc["rows"]:
            for d in row.get("discrepancies", []):
                doubtful = d.get("doubtful", False)
                counts[half][1 if doubtful else 0] += 1
                found.append((half, sid, row["id"], d, doubtful))
    print("== basil-dev discrepancies (66 stories, --one-story) ==")
    for h, (c, dbt) in counts.items():
        print(f"-- {h}: {c} headline, {dbt} doubtful (row detail only)")
    total = sum(c for c, _ in counts.values())
    doubt = sum(d for _, d in counts.values())
    print(f"basil-dev discrepancies: {total} headline, {doubt} doubtful, {total + doubt} in all")
    if listing:
        for half, sid, rid, d, doubtful in found:
            vals = " | ".join(f"{v['article']}: {v['text']!r}" + (f" ({v['resolved']})" if v.get("resolved") else "") for v in d["values"])
            flag = " [doubtful]" if doubtful else ""
            print(f"  [{half}] {sid[:8]} row {rid} {d['kind']}{flag}: {vals} -- {d.get('note', '')}")
    print("== basil-dev framing marks (score_marks.py) ==")
    lines = [l for l in open(spans, encoding="utf-8") if l.strip()]
    file_story = {f: sid for sid, fs in stories.items() for f in fs}
    for name, part in (("tuning", tune), ("held-out", held), ("all", set(stories))):
        s = os.path.join(out, f"basil-spans-{name}.jsonl")
        with open(s, "w", encoding="utf-8") as w:
            w.writelines(l for l in lines if file_story.get(json.loads(l)["file"]) in part)
        exports = [os.path.join(exp, sid + ".json") for sid in sorted(part)]
        print(f"-- {name}: {len(part)} stories")
        print(run_scorer([os.path.join(SHARED, "eval", "score_marks.py"), s] + exports))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "parallax"))
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "eval"))
    ap.add_argument("--list", action="store_true", help="print every basil-dev discrepancy")
    ap.add_argument("--wnc", action="store_true", help="also run the WNC sample evaluation")
    ap.add_argument("--only", choices=["quotes", "basil"])
    a = ap.parse_args()
    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(a.out)
    if a.only in (None, "quotes"):
        polnear(a.bin, a.out)
    if a.only in (None, "basil"):
        basil(a.bin, a.out, a.list)
    if a.wnc:
        print("== WNC sample (examples/wnc_eval.rs) ==")
        r = subprocess.run(["cargo", "run", "--quiet", "--release", "--example", "wnc_eval", "--", "--test"],
                           cwd=ROOT, check=True, capture_output=True, text=True)
        print(r.stdout.strip())


if __name__ == "__main__":
    main()
