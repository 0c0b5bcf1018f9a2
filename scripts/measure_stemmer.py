#!/usr/bin/env python3
"""Measure risalah's stemmed tokens against Sastrawi on the corpus vocabulary.

Sastrawi (MIT, with a Kateglo-derived dictionary under CC-BY-NC-SA) is used
here for measurement only; nothing of it ships with risalah.

    pip install Sastrawi
    cargo build --release
    python3 scripts/measure_stemmer.py [--corpus corpus] [--bin target/release/risalah] [--show 30]

Reports, over the words of the corpus bodies (running tokens and distinct
words): how often risalah's stemmed token equals Sastrawi's stem, how often
risalah sends a word to a *different real word* (a changed token that is a
word of Sastrawi's dictionary but not Sastrawi's stem), and the largest
groups of distinct words merged into one token, for review.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def corpus_texts(root):
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if name.startswith("README") or name.startswith("."):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            if name.endswith(".jsonl"):
                for line in text.splitlines():
                    try:
                        yield json.loads(line).get("text", "")
                    except json.JSONDecodeError:
                        continue
            elif name.endswith(".txt"):
                parts = text.split("\n---\n", 1)
                yield parts[1] if len(parts) == 2 else text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="corpus")
    ap.add_argument("--bin", default="target/release/risalah")
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--words", help="a file of words, one per line, instead of the corpus")
    args = ap.parse_args()

    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    import Sastrawi

    factory = StemmerFactory()
    sastrawi = factory.create_stemmer()
    dict_path = os.path.join(os.path.dirname(Sastrawi.__file__), "Stemmer", "data", "kata-dasar.txt")
    with open(dict_path, encoding="utf-8") as f:
        dictionary = {w.strip() for w in f if w.strip()}

    counts = collections.Counter()
    if args.words:
        with open(args.words, encoding="utf-8") as f:
            counts.update(w.strip().lower() for w in f if w.strip() and not w.startswith("#"))
    else:
        for text in corpus_texts(args.corpus):
            counts.update(m.group(0).lower() for m in WORD.finditer(text))
    words = sorted(counts)
    out = subprocess.run(
        [args.bin, "analyze", "--json", "--per-word", "-"],
        input="\n".join(words), capture_output=True, text=True, check=True,
    ).stdout
    ours = {a["word"]: " ".join(a["stemmed"]) for a in json.loads(out)}

    agree_tokens = agree_words = other_word_tokens = 0
    disagreements = []
    groups = collections.defaultdict(set)
    for word in words:
        n = counts[word]
        mine = ours.get(word, "")
        theirs = sastrawi.stem(word)
        groups[mine].add(word)
        if mine == theirs:
            agree_tokens += n
            agree_words += 1
            continue
        wrong_word = mine != word and mine in dictionary
        if wrong_word:
            other_word_tokens += n
        disagreements.append((n, word, mine, theirs, wrong_word))

    total_tokens = sum(counts.values())
    print(f"words: {total_tokens} running tokens, {len(words)} distinct")
    print(f"agreement with Sastrawi: {100 * agree_tokens / total_tokens:.1f}% of running tokens, "
          f"{100 * agree_words / len(words):.1f}% of distinct words")
    print(f"sent to a different real word: {100 * other_word_tokens / total_tokens:.2f}% of running tokens")
    print(f"\ndisagreements (count word risalah sastrawi), most frequent first; * = a different real word:")
    for n, word, mine, theirs, wrong in sorted(disagreements, reverse=True)[: args.show]:
        print(f"  {n:5d} {word:24} {mine:18} {theirs:18}{' *' if wrong else ''}")
    print("\nlargest merged groups (token: words):")
    for token, members in sorted(groups.items(), key=lambda kv: -len(kv[1]))[: min(args.show, 15)]:
        print(f"  {token}: {', '.join(sorted(members))}")


if __name__ == "__main__":
    sys.exit(main())
