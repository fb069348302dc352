#!/usr/bin/env python3
"""Copies reviewed verdicts into the corpus snapshot (tests/corpus/findings.tsv).

Input lines: file<TAB>start<TAB>end<TAB>rule<TAB>verdict<TAB>note (verdict: slip or false).
A verdict applies to the snapshot row with the same file, offsets and rule; rows it does not
name keep theirs. Usage: scripts/apply-verdicts.py REVIEW.tsv [...]
"""
import sys

SNAP = "tests/corpus/findings.tsv"
verdicts = {}
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 5 or cols[0].startswith("#"):
            continue
        verdicts[tuple(cols[:4])] = (cols[4], cols[5] if len(cols) > 5 else "")
out, applied = [], 0
for line in open(SNAP, encoding="utf-8"):
    cols = line.rstrip("\n").split("\t")
    if line.startswith("#") or len(cols) < 9:
        out.append(line.rstrip("\n"))
        continue
    key = (cols[0], cols[1], cols[2], cols[4])
    if key in verdicts:
        v, note = verdicts[key]
        cols = cols[:8] + [v, note.replace("\t", " ")]
        applied += 1
    out.append("\t".join(cols))
open(SNAP, "w", encoding="utf-8").write("\n".join(out) + "\n")
print(f"applied {applied} of {len(verdicts)} verdicts")
