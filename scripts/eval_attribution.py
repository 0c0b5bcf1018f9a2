#!/usr/bin/env python3
"""Measure `risalah attribute` against annotated news reports kept outside
the repository (the project commits no third-party text).

    cargo build --release
    python3 scripts/eval_attribution.py --reports DIR --annotations FILE [--files LIST] [--show]

DIR holds the reports, each a news file in the front-matter format. FILE is
a TSV with a header and the columns

    file  anchor  mode  speaker  role  patterns

one row per quote or paraphrase: `anchor` is 20-60 characters copied from the
quoted or paraphrased words (unique in the file), `mode` is quote or
paraphrase, `role` a canonical role, `patterns` comma-separated tags. LIST
(optional) names the files to score, one per line (a dev or held-out split).

For each annotated item the attribution that covers the anchor is looked up
(its `excerpt` holds the anchor; failing that, the paragraph's attribution of
the same mode). Reported, per role, mode and pattern:

- coverage: items given a role / items;
- precision: items given the right role / items given a role;
- speaker: items whose speaker shares a word with the annotated speaker.

Attributions that cover no annotated item are counted as unmatched: each is
a role the user would see on words nobody annotated as speech.
"""

import argparse
import collections
import json
import os
import subprocess
import sys


def attribute(binary, path):
    out = subprocess.run([binary, "attribute", "--json", path], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{path}: risalah attribute failed: {out.stderr}")
    return json.loads(out.stdout)


def words(name):
    return {w.lower().strip(".,") for w in (name or "").split() if len(w) > 2}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", required=True)
    ap.add_argument("--annotations", required=True)
    ap.add_argument("--files")
    ap.add_argument("--binary", default="target/release/risalah")
    ap.add_argument("--show", action="store_true", help="list every miss and error")
    a = ap.parse_args()

    rows = []
    with open(a.annotations, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            if line.strip():
                rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    if a.files:
        with open(a.files, encoding="utf-8") as f:
            wanted = {l.strip() for l in f if l.strip()}
        rows = [r for r in rows if r["file"] in wanted]
    rows = [r for r in rows if r["role"] not in ("unknown",)]

    by_file = collections.defaultdict(list)
    for r in rows:
        by_file[r["file"]].append(r)

    stats = collections.defaultdict(lambda: [0, 0, 0, 0])  # items, given, right, speaker
    unmatched = 0
    predicted_total = 0
    problems = []
    for name, items in sorted(by_file.items()):
        passages = attribute(a.binary, os.path.join(a.reports, name))
        used = set()
        for r in items:
            found = None
            for pi, p in enumerate(passages):
                if r["anchor"] not in p["text"]:
                    continue
                candidates = [
                    (ai, x) for ai, x in enumerate(p["attributions"]) if r["anchor"] in (x.get("excerpt") or "")
                ]
                if not candidates:
                    candidates = [(ai, x) for ai, x in enumerate(p["attributions"]) if x["mode"] == r["mode"]]
                if not candidates:
                    candidates = list(enumerate(p["attributions"]))
                if candidates:
                    ai, found = candidates[0]
                    used.add((pi, ai))
                break
            role = found.get("role") if found else None
            right = role == r["role"]
            same_speaker = bool(found) and bool(
                words(r["speaker"]) & (words(found.get("speaker")) | words(found.get("descriptor")))
            )
            keys = [("all", "all"), ("role", r["role"]), ("mode", r["mode"])]
            keys += [("pattern", p.split(":")[0]) for p in r["patterns"].split(",") if p]
            for k in keys:
                s = stats[k]
                s[0] += 1
                s[1] += role is not None
                s[2] += right
                s[3] += same_speaker
            if not right:
                problems.append((name, r, found))
        for pi, p in enumerate(passages):
            for ai, x in enumerate(p["attributions"]):
                if x.get("role"):
                    predicted_total += 1
                    if (pi, ai) not in used:
                        unmatched += 1
                        if a.show:
                            problems.append((name, None, x))

    def ratio(x, y):
        return x / y if y else float("nan")

    print(f"{len(by_file)} reports, {len(rows)} annotated items")
    print(f"{'':22} {'items':>6} {'coverage':>9} {'precision':>9} {'speaker':>8}")
    for k in sorted(stats, key=lambda k: (k[0] != "all", k[0], -stats[k][0], k[1])):
        n, given, right, spk = stats[k]
        label = k[1] if k[0] == "all" else f"{k[0]}:{k[1]}"
        print(f"{label:22} {n:6} {ratio(given, n):9.2f} {ratio(right, given):9.2f} {ratio(spk, n):8.2f}")
    print(f"attributions with a role on no annotated item: {unmatched} of {predicted_total}")
    if a.show:
        for name, r, found in problems:
            if r is None:
                print(f"UNMATCHED {name}: {found.get('speaker') or found.get('descriptor')} [{found.get('role')}] {found['mode']}: {(found.get('excerpt') or '')[:80]}")
            else:
                got = f"{found.get('speaker') or found.get('descriptor')} [{found.get('role')}]" if found else "nothing"
                print(f"MISS {name} {r['mode']} {r['speaker']} [{r['role']}] got {got} :: {r['anchor'][:50]} ({r['patterns']})")


if __name__ == "__main__":
    main()
