#!/usr/bin/env python3
"""Builds the corpus truth files (tests/corpus/truth-layout.json, truth-plain.json) from
annotations written against the layout texts, so that no report text is committed.

Input lines (tab-separated): NN kind context figure stated recomputed verdict note, where
`context` is an exact one-line substring of ../shared/corpus/layout/NN.txt containing `figure`.
Each annotation is located in layout/NN.txt (first occurrence of the context) and, ignoring
whitespace and line breaks, in plain/NN.txt; the truth keeps only the figure, its byte
offsets, the values and the verdict. Annotations a shape does not contain (a table laid out
differently) are left out of that shape and counted.

Usage: scripts/truth-from-contexts.py ANNOTATIONS.tsv [...]
"""
import json, sys, os, collections

CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "corpus")


def squeeze(b):
    """Bytes without ASCII whitespace and form feeds, and the offset of each kept byte."""
    kept, where = bytearray(), []
    for i, c in enumerate(b):
        if c in b" \t\r\n\x0c":
            continue
        kept.append(c)
        where.append(i)
    return bytes(kept), where


def locate(text, context, figure, loose):
    ctx, fig = context.encode(), figure.encode()
    if not loose:
        i = text.find(ctx)
        if i < 0:
            return None
        j = ctx.find(fig)
        return (i + j, i + j + len(fig))
    sq, where = loose
    c2, _ = squeeze(ctx)
    f2, _ = squeeze(fig)
    i = sq.find(c2)
    if i < 0:
        return None
    j = c2.find(f2)
    if j < 0:
        return None
    return (where[i + j], where[i + j + len(f2) - 1] + 1)


def main():
    rows = []
    for path in sys.argv[1:]:
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 7 and cols[0].strip().isdigit():
                rows.append(cols + [""] * (8 - len(cols)))
    for shape in ("layout", "plain"):
        docs = collections.OrderedDict()
        missing = collections.Counter()
        texts = {}
        for n, (nn, kind, context, figure, stated, recomputed, verdict, note) in enumerate(rows):
            name = f"{int(nn):02d}.txt"
            if name not in texts:
                b = open(os.path.join(CORPUS, shape, name), "rb").read()
                texts[name] = (b, squeeze(b) if shape == "plain" else None)
            b, loose = texts[name]
            at = locate(b, context, figure, loose)
            if at is None:
                missing[name] += 1
                continue
            claims = docs.setdefault(name, {"claims": []})["claims"]
            claims.append({
                "id": f"{name[:2]}-{len(claims) + 1:03d}",
                "kind": kind, "quote": figure, "start": at[0], "end": at[1],
                "stated": stated, "recomputed": recomputed, "verdict": verdict, "note": note,
            })
        truth = {
            "description": f"Gouji's ground truth for ../shared/corpus/{shape}: slips a careful reader "
                           "finds and consistent claims checked by hand, by byte offsets (no report text).",
            "docs": docs,
        }
        out = os.path.join(OUT, f"truth-{shape}.json")
        json.dump(truth, open(out, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
        total = sum(len(d["claims"]) for d in docs.values())
        print(f"{shape}: {total} claims in {len(docs)} texts; not found: {sum(missing.values())} {dict(missing)}")


if __name__ == "__main__":
    main()
