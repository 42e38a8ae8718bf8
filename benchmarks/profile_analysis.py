"""Where the analysis time goes: a pyinstrument profile of everything after NLP.

    python benchmarks/profile_analysis.py               # 10 synthetic outlets × 200 sentences
    python benchmarks/profile_analysis.py --articles 5  # another size
    python benchmarks/profile_analysis.py --seeds       # the seeds, with spaCy included

The scale input comes from ``benchmarks/scale_corpus.py`` (written to a
scratch folder).  spaCy runs first, outside the profile, unless ``--seeds``,
where the whole analysis (ingest, ``annotate``, ``prepare``, ``build``) is
profiled as ``benchmarks/run.py``'s nlp section times it.  Prints the call
tree, then the functions with the most time of their own.  Needs ``pip
install pyinstrument`` (a benchmark tool, not a dependency of Parallax).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import scale_corpus  # noqa: E402

FLAT_LINES = 40


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10)
    ap.add_argument("--sentences", type=int, default=200)
    ap.add_argument("--seeds", action="store_true", help="profile the seeds' whole analysis, spaCy included")
    ap.add_argument("--interval", type=float, default=0.001, help="sampling interval in seconds")
    args = ap.parse_args(argv)

    from pyinstrument import Profiler

    from tui.analysis import build, prepare
    from tui.ingest import load_article
    from tui.nlp import annotate, load_pipeline

    pipeline, _ = load_pipeline()
    profile = Profiler(interval=args.interval)
    with tempfile.TemporaryDirectory(prefix="parallax-profile-") as tmp:
        if args.seeds:
            paths = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
            warm = [load_article(p) for p in paths]
            build(prepare(warm, annotate(warm, pipeline)))  # first calls: imports, caches
            profile.start()
            articles = [load_article(p) for p in paths]
            build(prepare(articles, annotate(articles, pipeline)))
            profile.stop()
        else:
            paths = [str(p) for p in scale_corpus.write(Path(tmp), args.articles, args.sentences)]
            articles = [load_article(p) for p in paths]
            annotation = annotate(articles, pipeline)
            build(prepare(articles[:2], type(annotation)(annotation.model, annotation.has_ner,
                                                          annotation.has_parse, annotation.documents[:2])))
            profile.start()
            build(prepare(articles, annotation))
            profile.stop()
    print(profile.output_text(unicode=True, color=False))
    flat = profile.output_text(unicode=True, color=False, flat=True)
    print("\n".join(flat.splitlines()[:FLAT_LINES]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
