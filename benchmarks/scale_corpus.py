"""Assemble long synthetic "outlets" from the real ECB+ articles, for the scale benchmark.

    python benchmarks/scale_corpus.py OUT_DIR [--articles 20] [--sentences 200]

Real news clusters have 2–4 short articles, so a 10 × 200-sentence input has
to be assembled.  Each synthetic outlet is a digest: the articles of many
events, one after another.  The clusters (events) are walked in a fixed
order and each cluster's articles are dealt to consecutive outlets, rotating,
so neighbouring outlets report the same events in their own words (real
alignments, real divergences, lots of non-matching text), and no article is
used twice (no identical sentences, which would make alignment trivially
easy).  Each outlet is cut at the requested number of sentences (ECB+ has
one sentence per paragraph).

The assembly depends on the number of outlets: with fewer outlets the same
events are dealt among fewer of them, so the first 10 of a 20-outlet
assembly overlap less than a 10-outlet assembly does.  ``benchmarks/run.py``
uses the first N of one 20-outlet assembly for its growth table (nested
inputs) and a 10-outlet assembly as the dense case.

The output goes to a scratch folder and is never committed: the corpus is
read from ``../shared/corpus`` (ECB+, CC BY 3.0), and the same script gives
the same files every time.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PARALLAX_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "ecbplus"


def _paragraphs(path: Path) -> list[str]:
    text = path.read_text("utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def assemble(articles: int, sentences: int, corpus: Path = CORPUS) -> list[list[str]]:
    """Paragraphs of each synthetic outlet (``sentences`` of them, one sentence each)."""
    clusters = sorted(d for d in corpus.iterdir() if d.is_dir())
    if not clusters:
        raise SystemExit(f"no clusters in {corpus}")
    outlets: list[list[str]] = [[] for _ in range(articles)]
    turn = 0
    for cluster in clusters:
        needy = [(turn + k) % articles for k in range(articles)]
        needy = [o for o in needy if len(outlets[o]) < sentences]
        if not needy:
            break
        files = sorted(cluster.glob("*.txt"))
        for path, outlet in zip(files, needy, strict=False):
            outlets[outlet].extend(_paragraphs(path))
        turn += len(files)
    short = [i for i, o in enumerate(outlets) if len(o) < sentences]
    if short:
        raise SystemExit(f"corpus too small: outlets {short} have fewer than {sentences} sentences")
    return [o[:sentences] for o in outlets]


def write(out_dir: Path, articles: int = 20, sentences: int = 200) -> list[Path]:
    """Write ``outlet_NN.txt`` files (headline line, then paragraphs); return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, paragraphs in enumerate(assemble(articles, sentences)):
        path = out_dir / f"outlet_{i:02d}.txt"
        # a short first line without final punctuation is the headline (tui.ingest)
        path.write_text(f"Outlet {i:02d} news digest\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--sentences", type=int, default=200)
    args = ap.parse_args(argv)
    for path in write(args.out_dir, args.articles, args.sentences):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
