"""Speed benchmarks: every figure of the performance issue beside its reference.

    python benchmarks/run.py                    # everything (a few minutes on 2 cores)
    python benchmarks/run.py --quick            # fewer repeats
    python benchmarks/run.py --only paint,cache # some sections: paint, nlp, cache, scale

The machine is noisy, so every target is a ratio against a reference measured
in the same run, repeated and interleaved, compared by medians:

- paint: time from process start to the first frame showing the articles'
  text, ``parallax`` against a bare Textual app showing the same text in the
  same kind of panes (``benchmarks/bare_app.py``), both on a real
  pseudo-terminal (``benchmarks/terminal.py``); plus the time to the coloured
  frame on a second opening (warm cache), and whether spaCy was imported only
  after the text was on screen (``benchmarks/paint_probe.py``);
- nlp: Parallax's whole analysis of the seeds (ingest, spaCy, alignment,
  divergence, entities) against spaCy's own ``nlp.pipe`` over the same texts
  with the same loaded pipeline;
- cache: ``parallax --json`` cold against cached, same output, ``--no-cache``
  bypass, and a corrupt entry rebuilt;
- scale: everything after NLP on 10 synthetic articles × 200 sentences
  (``benchmarks/scale_corpus.py``, assembled from ``../shared/corpus``), its
  growth from 2 to 20 articles, a trace proving no Python loop runs over
  sentence pairs, the peak memory of ``parallax --json`` on that input, and
  a denser 10 × 200 assembly (more sentences shared across outlets), two
  articles of near-identical short sentences (every pair alike), growing, and
  the peak memory of one long article against a short one, at two lengths.

Prints a table (figure, measured, reference, ratio, target, PASS/FAIL) and
exits 1 if a target is missed.  Not part of the test suite: it takes minutes
and its figures depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import scale_corpus  # noqa: E402
from terminal import COLUMNS, LINES, time_markers  # noqa: E402

if TYPE_CHECKING:
    from tui.ingest import Article
    from tui.nlp import Annotation, Pipeline

SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
HIGHLIGHT_MARKER = " facts · "
"""Drawn by the summary bar only once the analysis is applied ("31 facts · 5 divergences")."""
SECTIONS = ("paint", "nlp", "cache", "scale")
PROBES = 3
"""Cold starts through ``paint_probe.py`` (each waits for the highlights, several seconds)."""

TARGET_PAINT = 1.3
TARGET_NLP = 1.15
TARGET_HIGHLIGHT = 1.5
TARGET_CACHE_SPEEDUP = 10.0
TARGET_SCALE_SECONDS = 1.0
TARGET_RSS_MB = 500.0
TARGET_GROWTH_EXPONENT = 2.0
"""Time against sentences, log-log slope from 2 to 20 articles: at most quadratic."""
LONG_PARAGRAPHS = (1000, 4000)
TARGET_LONG_EXPONENT = 1.6
"""Growth of the peak memory with one article's length: above linear (the vocabulary grows
with the text), well below the square that whole sentence × sentence matrices gave (1.8)."""
SCALE_ARTICLES, SCALE_SENTENCES = 10, 200
GROWTH = (2, 5, 10, 15, 20)
BOUND_SECONDS = 60.0
"""Longest one size of the growth table may take before it is stopped and reported."""
BOUND_MEMORY_MB = 4096
LOOP_CHECK = (3, 6)
"""Article counts at which the Python lines executed are counted (traced, so small)."""
LOOP_MIN_HITS = 2000
"""Lines run fewer times than this at the larger size are not worth looking at."""
LINEAR_SLACK = 1.25
"""How much faster than the number of sentences the Python work may grow before it
counts as a loop over pairs (pairs grow twice as fast as sentences, in exponent)."""


# --------------------------------------------------------------------- report
@dataclass
class Row:
    figure: str
    measured: str
    reference: str
    ratio: str
    target: str
    ok: bool | None
    """None: information only."""

    @property
    def result(self) -> str:
        return "info" if self.ok is None else "PASS" if self.ok else "FAIL"


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(self, figure: str, measured: str, reference: str, ratio: str, target: str, ok: bool | None) -> None:
        self.rows.append(Row(figure, measured, reference, ratio, target, ok))

    def failed(self) -> list[Row]:
        return [r for r in self.rows if r.ok is False]

    def print(self) -> None:
        head = ("figure", "measured", "reference", "ratio", "target", "result")
        cells = [head] + [
            (r.figure, r.measured, r.reference, r.ratio, r.target, r.result) for r in self.rows
        ]
        widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
        rule = "  ".join("-" * w for w in widths)
        print()
        print(rule)
        for k, c in enumerate(cells):
            print("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)).rstrip())
            if k == 0:
                print(rule)
        print(rule)


def say(message: str = "") -> None:
    print(message, flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.3f} s"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(values: Sequence[float]) -> str:
    """Median with min–max, so the noise of the machine is visible beside each figure."""
    return f"{ms(median(values))} (min {ms(min(values))}, max {ms(max(values))}, n={len(values)})"


def parallax_command() -> list[str]:
    """The console script the user runs, from the same environment as this interpreter."""
    script = Path(sys.executable).parent / "parallax"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


def base_env(cache_dir: str) -> dict[str, str]:
    """The environment of every program timed: a user's terminal, a cache folder of our own.

    ``PYTHONDONTWRITEBYTECODE`` is dropped: with it, Python compiles Parallax's
    modules from source at every start (an installed package has its ``.pyc``
    files), which would charge Parallax for the benchmark machine's settings.
    """
    env = dict(os.environ)
    env.update(TERM="xterm-256color", PARALLAX_CACHE_DIR=cache_dir)
    for name in ("PARALLAX_DEBUG", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def paint_marker(path: str) -> str:
    """A few words starting the first body paragraph of the article (not its headline).

    Short enough (at most 24 characters, cut at a space) not to wrap in a
    pane at 160 columns, and drawn in a single style, so it is one run of
    bytes on the terminal in both apps.
    """
    text = Path(path).read_text("utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = paragraphs[1] if len(paragraphs) > 1 else paragraphs[0]
    words, out = body.split(), ""
    for w in words:
        if len(out) + len(w) + 1 > 24:
            break
        out = f"{out} {w}".strip()
    return out or body[:24]


# ---------------------------------------------------------------------- paint
def section_paint(report: Report, repeats: int) -> None:
    say(f"== paint: first frame on a {COLUMNS}x{LINES} pseudo-terminal, {len(SEEDS)} seed articles")
    marker = paint_marker(SEEDS[0])
    say(f"   text marker {marker!r}; highlight marker {HIGHLIGHT_MARKER!r}")
    bare_cmd = [sys.executable, str(HERE / "bare_app.py"), *SEEDS]
    parallax_cmd = [*parallax_command(), *SEEDS]
    bare, cold, warm_text, warm_colour = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
        warm_dir = os.path.join(tmp, "warm")
        subprocess.run([*parallax_command(), "--json", *SEEDS], env=base_env(warm_dir),
                       stdout=subprocess.DEVNULL, check=True)
        # warm-up: the first start of each reads its files from disk into the page cache
        time_markers(bare_cmd, [marker], env=base_env(warm_dir))
        time_markers(parallax_cmd, [marker], env=base_env(warm_dir))
        for rep in range(repeats):
            cold_dir = os.path.join(tmp, f"cold-{rep}")  # empty: the first opening ever
            b = time_markers(bare_cmd, [marker], env=base_env(cold_dir))
            c = time_markers(parallax_cmd, [marker], env=base_env(cold_dir))
            w = time_markers(parallax_cmd, [marker, HIGHLIGHT_MARKER], env=base_env(warm_dir))
            for value, into in ((b[marker], bare), (c[marker], cold), (w[marker], warm_text),
                                (w[HIGHLIGHT_MARKER], warm_colour)):
                if value is None:
                    raise SystemExit("paint: a marker never appeared (see benchmarks/terminal.py)")
                into.append(value)
        probes = [_probe_spacy_import(marker, os.path.join(tmp, f"probe-{k}")) for k in range(PROBES)]
    say(f"   bare Textual app, first text    {spread(bare)}")
    say(f"   parallax, first text (cold)     {spread(cold)}")
    say(f"   parallax, first text (cached)   {spread(warm_text)}")
    say(f"   parallax, highlights (cached)   {spread(warm_colour)}")
    ref = median(bare)
    report.add("first paint: process start → text", ms(median(cold)), f"bare Textual {ms(ref)}",
               f"{median(cold) / ref:.2f}×", f"≤ {TARGET_PAINT}×", median(cold) / ref <= TARGET_PAINT)
    first = 0
    for painted, imported, coloured in probes:
        first += imported is None or painted < imported
        say(f"   probe (cold): text at {ms(painted)}, spaCy import starts at "
            f"{ms(imported) if imported is not None else 'never'}, "
            f"highlights at {ms(coloured) if coloured is not None else '—'}")
    text_at = median([p[0] for p in probes])
    spacy_at = [p[1] for p in probes if p[1] is not None]
    report.add("text painted before spaCy import", f"text first {first}/{len(probes)}",
               f"median text {ms(text_at)}, spaCy {ms(median(spacy_at)) if spacy_at else 'never'}", "",
               "every time", first == len(probes))
    report.add("2nd opening: start → highlights", ms(median(warm_colour)), f"bare first paint {ms(ref)}",
               f"{median(warm_colour) / ref:.2f}×", f"≤ {TARGET_HIGHLIGHT}×",
               median(warm_colour) / ref <= TARGET_HIGHLIGHT)


def _probe_spacy_import(marker: str, cache_dir: str) -> tuple[float, float | None, float | None]:
    """One cold start through ``paint_probe.py``: (first text, spaCy import, highlights), in seconds."""
    out = cache_dir + ".spacy-time"
    env = base_env(cache_dir)
    env["PARALLAX_PROBE_FILE"] = out
    sighting = time_markers([sys.executable, str(HERE / "paint_probe.py"), *SEEDS], [marker, HIGHLIGHT_MARKER],
                            env=env, timeout=120)
    imported = None
    with contextlib.suppress(FileNotFoundError, ValueError):
        imported = float(Path(out).read_text("utf-8")) - sighting.started
    painted = sighting[marker]
    if painted is None:
        raise SystemExit("paint probe: the text never appeared")
    return painted, imported, sighting[HIGHLIGHT_MARKER]


# ------------------------------------------------------------------------ nlp
def section_nlp(report: Report, repeats: int) -> None:
    from tui.analysis import build, prepare
    from tui.ingest import load_article
    from tui.nlp import annotate, load_pipeline

    say(f"== nlp: Parallax's analysis of the {len(SEEDS)} seeds against spaCy's nlp.pipe, same pipeline")
    started = time.perf_counter()
    pipeline, _ = load_pipeline()
    say(f"   pipeline {pipeline.name}, loaded in {ms(time.perf_counter() - started)}")
    say(f"   runs: {', '.join(pipeline.nlp.pipe_names)}; disabled: {', '.join(pipeline.nlp.disabled) or 'none'}")
    nlp = pipeline.nlp
    articles = [load_article(p) for p in SEEDS]
    texts = [a.analysis_text for a in articles]
    paragraphs = [a.analysis_text[p.start : p.end] for a in articles for p in a.paragraphs]
    tokens = sum(len(d) for d in nlp.pipe(texts))
    say(f"   {len(texts)} texts, {len(paragraphs)} paragraphs, {tokens} tokens")

    stages: dict[str, list[float]] = {k: [] for k in ("ingest", "annotate", "prepare", "build")}

    def parallax() -> None:
        t0 = time.perf_counter()
        arts = [load_article(p) for p in SEEDS]
        t1 = time.perf_counter()
        annotation = annotate(arts, pipeline)
        t2 = time.perf_counter()
        prepared = prepare(arts, annotation)
        t3 = time.perf_counter()
        build(prepared)
        t4 = time.perf_counter()
        for name, value in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            stages[name].append(value)

    runs: dict[str, Callable[[], object]] = {
        "nlp.pipe(texts)": lambda: list(nlp.pipe(texts)),
        "nlp.pipe(paragraphs)": lambda: list(nlp.pipe(paragraphs, batch_size=64)),
        "parallax analysis": parallax,
    }
    timings: dict[str, list[float]] = {k: [] for k in runs}
    for fn in runs.values():  # warm-up: first calls allocate and fill caches
        fn()
    for name in stages:
        stages[name].clear()
    names = list(runs)
    for round_ in range(repeats):
        # the order turns each round, so no run always follows the same one (warm caches,
        # a frequency step) and a drift within a round does not always favour the same run
        k = round_ % len(names)
        for name in names[k:] + names[:k]:
            t = time.perf_counter()
            runs[name]()
            timings[name].append(time.perf_counter() - t)
    for name, values in timings.items():
        say(f"   {name:<22} {spread(values)}")
    say("   parallax stages (median): " + ", ".join(f"{k} {ms(median(v))}" for k, v in stages.items()))
    pipe_paragraphs = median(timings["nlp.pipe(paragraphs)"])
    say(f"   beyond spaCy: annotate's conversion ≈ {ms(median(stages['annotate']) - pipe_paragraphs)} "
        f"(annotate − nlp.pipe(paragraphs)), prepare {ms(median(stages['prepare']))}, "
        f"build {ms(median(stages['build']))}, ingest {ms(median(stages['ingest']))}")
    fastest_pipe = min(min(timings["nlp.pipe(texts)"]), min(timings["nlp.pipe(paragraphs)"]))
    best = min(timings["parallax analysis"]) / fastest_pipe
    say(f"   ratio of the fastest runs (less noise, for comparison): {best:.2f}×")
    # each round's analysis against the floor measured in the same round: the machine's
    # speed drifts over a run, and a ratio of medians taken minutes apart carries the drift
    paired = [
        mine / min(whole, part)
        for mine, whole, part in zip(
            timings["parallax analysis"], timings["nlp.pipe(texts)"], timings["nlp.pipe(paragraphs)"], strict=True
        )
    ]
    say(f"   per-round ratios: {', '.join(f'{r:.2f}' for r in sorted(paired))}")
    # the floor is the cheaper way of running this model over this content: Parallax pipes
    # paragraphs, which is cheaper than whole texts here, so whole texts would hide overhead
    whole, by_paragraph = median(timings["nlp.pipe(texts)"]), median(timings["nlp.pipe(paragraphs)"])
    ref = min(whole, by_paragraph)
    how = "paragraphs" if by_paragraph <= whole else "texts"
    mine = median(timings["parallax analysis"])
    report.add("nlp: analysis of the seeds", ms(mine), f"nlp.pipe({how}) {ms(ref)}", f"{mine / ref:.2f}×",
               f"≤ {TARGET_NLP}×", mine / ref <= TARGET_NLP)
    report.add("  (median of per-round ratios)", "", "same round's floor", f"{median(paired):.2f}×", "", None)
    other, other_how = (whole, "texts") if how == "paragraphs" else (by_paragraph, "paragraphs")
    report.add("  (against the other floor)", ms(mine), f"nlp.pipe({other_how}) {ms(other)}",
               f"{mine / other:.2f}×", "", None)


# ---------------------------------------------------------------------- cache
def _json_run(args: Sequence[str], cache_dir: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    proc = subprocess.run([*parallax_command(), "--json", *args], env=base_env(cache_dir),
                          capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"parallax --json failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}")
    return elapsed, proc.stdout


def section_cache(report: Report, repeats: int) -> None:
    say(f"== cache: parallax --json on the {len(SEEDS)} seeds, cold (empty cache) against cached")
    cold, warm = [], []
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
        warm_dir = os.path.join(tmp, "warm")
        _, reference = _json_run(SEEDS, warm_dir)
        same = True
        for rep in range(repeats):
            t, out = _json_run(SEEDS, os.path.join(tmp, f"cold-{rep}"))
            cold.append(t)
            same &= out == reference
            t, out = _json_run(SEEDS, warm_dir)
            warm.append(t)
            same &= out == reference
        say(f"   cold   {spread(cold)}")
        say(f"   cached {spread(warm)}")
        speedup = median(cold) / median(warm)
        report.add("cache: parallax --json, cached", ms(median(warm)), f"cold {ms(median(cold))}",
                   f"{speedup:.1f}× faster", f"≥ {TARGET_CACHE_SPEEDUP:.0f}×", speedup >= TARGET_CACHE_SPEEDUP)
        report.add("cache: cached output = cold output", "same" if same else "DIFFERENT", "", "", "same", same)

        bypass_dir = os.path.join(tmp, "bypass")
        os.makedirs(bypass_dir)
        t, out = _json_run(["--no-cache", *SEEDS], bypass_dir)
        untouched = not os.listdir(bypass_dir) and out == reference
        say(f"   --no-cache {ms(t)}; cache folder left empty: {not os.listdir(bypass_dir)}")
        report.add("cache: --no-cache bypasses it", ms(t), f"cold {ms(median(cold))}", "", "writes nothing",
                   untouched)

        entries = sorted(Path(warm_dir).glob("*.pickle"))
        if len(entries) != 1:
            report.add("cache: corrupt entry rebuilt", f"{len(entries)} entries", "", "", "1 entry", False)
            return
        entry = entries[0]
        good = entry.read_bytes()
        entry.write_bytes(good[: len(good) // 2])  # truncated, as after a crash mid-write
        t, out = _json_run(SEEDS, warm_dir)
        rebuilt = out == reference and entry.exists() and entry.read_bytes() != good[: len(good) // 2]
        t2, out2 = _json_run(SEEDS, warm_dir)
        rebuilt &= out2 == reference and t2 < t / 3
        say(f"   corrupt entry: {ms(t)} (rebuilt), then {ms(t2)} (cached again)")
        report.add("cache: corrupt entry ignored, rebuilt", ms(t), f"then {ms(t2)}", "", "same output", rebuilt)


# ---------------------------------------------------------------------- scale
STEPS = {
    "tui.analysis": ("_boilerplate", "merge_entities", "extract", "sentence_terms", "fold_spellings",
                     "group_facts", "compare_fact", "source_conflicts"),
    "tui.align": ("_basis", "_probabilities"),
}
"""The steps after NLP, by the module namespace ``prepare``/``build`` look them up in."""


def _cross_pairs(sizes: Sequence[int]) -> int:
    total = sum(sizes)
    return (total * total - sum(s * s for s in sizes)) // 2


@dataclass
class ScaleInput:
    """The synthetic articles and their NLP, done once; each size takes the first n."""

    articles: list[Article]
    annotation: Annotation

    def subset(self, n: int) -> tuple[list[Article], Annotation]:
        from tui.nlp import Annotation

        a = self.annotation
        return self.articles[:n], Annotation(a.model, a.has_ner, a.has_parse, a.documents[:n])

    def sizes(self, n: int) -> list[int]:
        return [len(d) for d in self.annotation.documents[:n]]


def _bounded(fn: Callable[[], object], seconds: float, memory_mb: int = BOUND_MEMORY_MB) -> object | None:
    """Run ``fn`` in a forked child with a time and a memory limit; its result, or None if it
    ran out of either.  Some sizes blow up (a clique search, a dense matrix), and a benchmark
    must report that, not take the machine down with it."""
    import multiprocessing
    import resource

    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            send.send(("ok", fn()))
        except MemoryError:
            send.send(("memory", None))

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    send.close()
    result = None
    if receive.poll(seconds):
        with contextlib.suppress(EOFError):
            status, value = receive.recv()
            result = value if status == "ok" else None
    if proc.is_alive():
        proc.kill()
    proc.join()
    return result


def _time_after_nlp(
    articles: Sequence[Article], annotation: Annotation, repeats: int
) -> tuple[float, float, float]:
    """Medians of ``prepare`` and ``build`` (everything after NLP), and the first run's
    total (cold: a fresh process pays its first large allocations there), in seconds."""
    from tui.analysis import build, prepare

    preps, builds = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        prepared = prepare(articles, annotation)
        t1 = time.perf_counter()
        build(prepared)
        t2 = time.perf_counter()
        preps.append(t1 - t0)
        builds.append(t2 - t1)
    return median(preps), median(builds), preps[0] + builds[0]


def section_scale(report: Report, repeats: int) -> None:
    from tui.analysis import build, prepare
    from tui.ingest import load_article
    from tui.nlp import annotate, load_pipeline

    largest = max(GROWTH)
    say(f"== scale: {largest} synthetic outlets × {SCALE_SENTENCES} sentences from ../shared/corpus")
    with tempfile.TemporaryDirectory(prefix="parallax-scale-") as tmp:
        paths = [str(p) for p in scale_corpus.write(Path(tmp) / "articles", largest, SCALE_SENTENCES)]
        articles = [load_article(p) for p in paths]
        pipeline, _ = load_pipeline()
        started = time.perf_counter()
        data = ScaleInput(articles, annotate(articles, pipeline))
        say(f"   NLP of all {largest} ({sum(data.sizes(largest))} sentences): "
            f"{secs(time.perf_counter() - started)} (once; every size below reuses it)")
        build(prepare(*data.subset(2)))  # imports (numpy, rapidfuzz) before any timing

        say(f"   after NLP (prepare + build), each size in a child limited to {BOUND_SECONDS:.0f} s "
            f"and {BOUND_MEMORY_MB} MB:")
        say("   articles  sentences  cross pairs   prepare     build     total   s per M pairs")
        growth: list[tuple[int, int, float]] = []
        stopped: list[int] = []
        for n in GROWTH:
            sizes = data.sizes(n)
            pairs = _cross_pairs(sizes)
            reps = repeats if n <= SCALE_ARTICLES else 1  # the big sizes take long enough to be steady
            timed = _bounded(lambda n=n, reps=reps: _time_after_nlp(*data.subset(n), reps), BOUND_SECONDS * reps)
            if timed is None:
                stopped.append(n)
                say(f"   {n:>8}  {sum(sizes):>9}  {pairs:>11,}  stopped: over {BOUND_SECONDS * reps:.0f} s "
                    f"or {BOUND_MEMORY_MB} MB")
                continue
            prep, bld, _ = timed  # type: ignore[misc]
            total = prep + bld
            growth.append((sum(sizes), pairs, total))
            say(f"   {n:>8}  {sum(sizes):>9}  {pairs:>11,}  {prep:>7.3f} s {bld:>7.3f} s "
                f"{total:>7.3f} s  {total / pairs * 1e6:>9.3f}")
            if n == SCALE_ARTICLES:
                ten = total
        sizes10 = data.sizes(SCALE_ARTICLES)
        if SCALE_ARTICLES in stopped:
            report.add(f"scale: after NLP, {SCALE_ARTICLES}×{SCALE_SENTENCES}", f"> {BOUND_SECONDS:.0f} s",
                       f"{sum(sizes10)} sentences", "", f"≤ {TARGET_SCALE_SECONDS:.0f} s", False)
        else:
            report.add(f"scale: after NLP, {SCALE_ARTICLES}×{SCALE_SENTENCES}", secs(ten),
                       f"{sum(sizes10)} sentences", "", f"≤ {TARGET_SCALE_SECONDS:.0f} s",
                       ten <= TARGET_SCALE_SECONDS)
        if len(growth) >= 2:
            xs = [math.log(s) for s, _, _ in growth]
            ys = [math.log(t) for _, _, t in growth]
            slope = statistics.linear_regression(xs, ys).slope
            measured = f"∝ sentences^{slope:.2f}"
            if stopped:
                measured += f" (stopped at {', '.join(map(str, stopped))})"
            report.add(f"scale: time growth, {GROWTH[0]}→{largest} articles", measured, "", "", "≤ quadratic",
                       slope <= TARGET_GROWTH_EXPONENT and not stopped)
        budget = TARGET_SCALE_SECONDS / _cross_pairs(sizes10) * 1e6
        if largest in stopped:
            pairs_big = _cross_pairs(data.sizes(largest))
            report.add(f"scale: cost per M pairs at {largest}", "stopped", f"{pairs_big:,} pairs",
                       "", f"≤ {budget:.2f} s (1 s per 10×200)", False)
        else:
            _, p_big, t_big = growth[-1]
            report.add(f"scale: cost per M pairs at {largest}", f"{t_big / p_big * 1e6:.3f} s", f"{p_big:,} pairs",
                       "", f"≤ {budget:.2f} s (1 s per 10×200)", t_big / p_big * 1e6 <= budget)

        steps = _bounded(lambda: _breakdown(*data.subset(SCALE_ARTICLES)), BOUND_SECONDS)
        if steps is not None:
            say(f"   where the time goes at {SCALE_ARTICLES}×{SCALE_SENTENCES} (prepare + build, by step): "
                + ", ".join(f"{name} {ms(t)}" for name, t in steps.items()))  # type: ignore[union-attr]
        loops = _bounded(lambda: _loop_counts(data), BOUND_SECONDS * 4)
        if loops is None:
            report.add("scale: no Python loop over pairs", "stopped", "", "", "pair_scores: none", False)
        else:
            _loop_check(report, data, loops)  # type: ignore[arg-type]
        _peak_rss(report, paths[:SCALE_ARTICLES], tmp)
        _dense(report, Path(tmp) / "dense", pipeline, repeats)
        _repetitive(report, pipeline)
        _long_article(report, tmp)


def _dense(report: Report, folder: Path, pipeline: Pipeline, repeats: int) -> None:
    """10×200 assembled for 10 outlets (not the first 10 of 20): the events are dealt among
    fewer outlets, so far more sentences match across sources, as when every outlet
    covers the same story; the fact grouping has many more cliques to merge."""
    from tui.ingest import load_article
    from tui.nlp import annotate

    paths = scale_corpus.write(folder, SCALE_ARTICLES, SCALE_SENTENCES)
    articles = [load_article(str(p)) for p in paths]
    data = ScaleInput(articles, annotate(articles, pipeline))
    # the median of a few runs, like the other 10×200 row: one run in a fresh child is the
    # noisiest figure there is (measured 0.78 to 1.12 s on one day, with no code change)
    reps = min(repeats, 3)
    timed = _bounded(lambda: _time_after_nlp(*data.subset(SCALE_ARTICLES), reps), BOUND_SECONDS * reps)
    figure = f"scale: after NLP, {SCALE_ARTICLES}×{SCALE_SENTENCES} dense"
    sentences = f"{sum(data.sizes(SCALE_ARTICLES))} sentences"
    if timed is None:
        say(f"   dense {SCALE_ARTICLES}×{SCALE_SENTENCES} (scale_corpus.py --articles {SCALE_ARTICLES}): "
            f"stopped after {BOUND_SECONDS:.0f} s")
        report.add(figure, f"> {BOUND_SECONDS:.0f} s", sentences, "", f"≤ {TARGET_SCALE_SECONDS:.0f} s", False)
        return
    prep, bld, first = timed  # type: ignore[misc]
    say(f"   dense {SCALE_ARTICLES}×{SCALE_SENTENCES} (scale_corpus.py --articles {SCALE_ARTICLES}): "
        f"prepare {secs(prep)}, build {secs(bld)} (median of {reps}); first run {secs(first)}")
    report.add(figure, secs(prep + bld), sentences, "", f"≤ {TARGET_SCALE_SECONDS:.0f} s",
               prep + bld <= TARGET_SCALE_SECONDS)
    report.add("  (first run in a fresh process)", secs(first), sentences, "", "", None)


REPETITIVE_SIZES = (150, 300, 600)
REPETITIVE_WORDS = (
    "police said the man was arrested near the station on monday after a search of the area "
    "by officers who found a bag"
).split()


def _repetitive_text(n: int, seed: int) -> str:
    """A headline and n five-word sentences drawn from twenty words: every sentence shares
    terms with nearly every other, the worst case for linking and grouping."""
    import random

    rng = random.Random(seed)
    paragraphs = []
    for start in range(0, n, 10):
        sentences = [" ".join(rng.sample(REPETITIVE_WORDS, 5)).capitalize() + "." for _ in range(min(10, n - start))]
        paragraphs.append(" ".join(sentences))
    return "Police search the area\n\n" + "\n\n".join(paragraphs) + "\n"


def _repetitive(report: Report, pipeline: Pipeline) -> None:
    """Two articles of near-identical sentences, at growing lengths.  Each sentence keeps only
    its best few links (``tui.align.MOST_LINKS``); without that bound every pair linked and
    grouping them grew with the cube of the length (600 each: three minutes)."""
    from tui.ingest import build_article
    from tui.nlp import annotate

    say("   two articles of near-identical sentences (every pair alike), after NLP:")
    say("   sentences each   total")
    points: list[tuple[int, float]] = []
    for n in REPETITIVE_SIZES:
        articles = [build_article(f"r{k}.txt", f"r{k}", _repetitive_text(n, k)) for k in range(2)]
        annotation = annotate(articles, pipeline)
        timed = _bounded(lambda a=articles, an=annotation: _time_after_nlp(a, an, 1), BOUND_SECONDS)
        if timed is None:
            say(f"   {n:>14}   stopped after {BOUND_SECONDS:.0f} s")
            report.add(f"repetitive: 2×{n} alike sentences", f"> {BOUND_SECONDS:.0f} s", "", "",
                       "≤ quadratic", False)
            return
        prep, bld, _ = timed  # type: ignore[misc]
        points.append((n, prep + bld))
        say(f"   {n:>14}   {secs(prep + bld)}")
    slope = statistics.linear_regression([math.log(n) for n, _ in points], [math.log(t) for _, t in points]).slope
    n, t = points[-1]
    report.add(f"repetitive: 2×{n} alike sentences", secs(t), f"∝ sentences^{slope:.2f}", "", "≤ quadratic",
               slope <= TARGET_GROWTH_EXPONENT)


def _breakdown(articles: Sequence[Article], annotation: Annotation) -> dict[str, float]:
    """Seconds spent in each step of ``prepare`` + ``build``, by wrapping the functions they
    call in a timer for one run (no change to Parallax; nested steps are counted once)."""
    import importlib

    from tui.analysis import build, prepare

    totals: dict[str, float] = {}
    depth = [0]
    saved: list[tuple[object, str, object]] = []

    def timed(name: str, fn: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            if depth[0]:
                return fn(*args, **kwargs)
            depth[0] += 1
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[name] = totals.get(name, 0.0) + time.perf_counter() - started
                depth[0] -= 1

        return wrapper

    for module_name, names in STEPS.items():
        module = importlib.import_module(module_name)
        for name in names:
            saved.append((module, name, getattr(module, name)))
            setattr(module, name, timed(name, getattr(module, name)))
    try:
        t0 = time.perf_counter()
        build(prepare(articles, annotation))
        totals["everything else"] = time.perf_counter() - t0 - sum(totals.values())
    finally:
        for module, name, fn in saved:
            setattr(module, name, fn)
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


@contextlib.contextmanager
def _line_counts() -> Iterator[Counter[tuple[str, int]]]:
    """Count every Python line executed (in any module) while the block runs."""
    counts: Counter[tuple[str, int]] = Counter()

    def tracer(frame: FrameType, event: str, _arg: object) -> Callable[..., object]:
        if event == "line":
            counts[(frame.f_code.co_filename, frame.f_lineno)] += 1
        return tracer

    sys.settrace(tracer)
    try:
        yield counts
    finally:
        sys.settrace(None)


LoopCounts = dict[str, dict[int, Counter[tuple[str, int]]]]


def _loop_counts(data: ScaleInput) -> LoopCounts:
    """Python lines executed by ``pair_scores`` and by ``prepare`` + ``build``, at two sizes."""
    from tui.align import pair_scores
    from tui.analysis import alignment_units, build, prepare

    counts: LoopCounts = {"pair_scores": {}, "prepare+build": {}}
    for n in LOOP_CHECK:
        articles, annotation = data.subset(n)
        units = alignment_units(articles, annotation)[3]
        with _line_counts() as c:
            pair_scores(units)
        counts["pair_scores"][n] = c
        with _line_counts() as c:
            build(prepare(articles, annotation))
        counts["prepare+build"][n] = c
    return counts


def _loop_check(report: Report, data: ScaleInput, counts: LoopCounts) -> None:
    """A loop over pairs makes some line run as often as there are pairs, which grows twice
    as fast (in exponent) as the sentences; vectorised code grows with the sentences at most."""
    small, large = LOOP_CHECK
    unit_growth = sum(data.sizes(large)) / sum(data.sizes(small))
    pair_growth = _cross_pairs(data.sizes(large)) / _cross_pairs(data.sizes(small))
    say(f"   Python lines executed, {small} vs {large} articles (sentences ×{unit_growth:.2f}, "
        f"cross pairs ×{pair_growth:.2f}):")
    for name, by_n in counts.items():
        lo, hi = sum(by_n[small].values()), sum(by_n[large].values())
        say(f"     {name:<14} {lo:>11,} → {hi:>11,} lines (×{hi / lo:.2f})")
        fast = [
            (count, by_n[small].get(key, 0), key)
            for key, count in by_n[large].items()
            if count >= LOOP_MIN_HITS and count > by_n[small].get(key, 0) * unit_growth * LINEAR_SLACK
        ]
        for count, before, (filename, line) in sorted(fast, reverse=True)[:8]:
            where = os.path.relpath(filename, ROOT) if filename.startswith(str(ROOT)) else filename
            say(f"       grows faster than the sentences: {where}:{line}  {before:,} → {count:,} runs")
        if name == "pair_scores":
            report.add("scale: no Python loop over pairs", f"lines ×{hi / lo:.2f}",
                       f"sentences ×{unit_growth:.2f}", "", "pair_scores: none", not fast)


PEAK_PROBE = """
import atexit, sys
def _peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write("\\nPEAK_KB " + line.split()[1] + "\\n")
atexit.register(_peak)
from tui.cli import main
sys.argv = ["parallax", *sys.argv[1:]]
raise SystemExit(main())
"""
"""Runs ``parallax`` and reports the process's own peak (VmHWM, reset at exec).  wait4's
ru_maxrss would not do: it keeps the high-water mark of the forked copy of this benchmark,
spaCy and all, from before the exec."""


def _peak_of(paths: Sequence[str], tmp: str, *options: str) -> tuple[float, float]:
    """Peak resident memory (MB) and wall time of a cold ``parallax --json``."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", PEAK_PROBE, "--json", "--no-cache", *options, *paths],
                          env=base_env(os.path.join(tmp, "cache")), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, errors="replace")
    elapsed = time.perf_counter() - started
    peaks = [line.split()[1] for line in proc.stderr.splitlines() if line.startswith("PEAK_KB ")]
    if proc.returncode != 0 or not peaks:
        raise SystemExit(f"parallax --json on {', '.join(paths)} failed: {proc.stderr}")
    return int(peaks[-1]) / 1024, elapsed


def _peak_rss(report: Report, paths: Sequence[str], tmp: str) -> None:
    """Peak resident memory of a cold ``parallax --json`` on the 10-article set."""
    peak, elapsed = _peak_of(paths, tmp)
    say(f"   parallax --json --no-cache on {len(paths)}×{SCALE_SENTENCES}: {secs(elapsed)}, peak RSS {peak:.0f} MB")
    report.add(f"scale: peak RSS, --json {len(paths)}×{SCALE_SENTENCES}", f"{peak:.0f} MB",
               f"wall {secs(elapsed)}", "", f"≤ {TARGET_RSS_MB:.0f} MB", peak <= TARGET_RSS_MB)


def _long_article(report: Report, tmp: str) -> None:
    """One long article against a short one, at two lengths: how the peak memory above a
    run on two short articles grows with the long one.  Whole sentence × sentence
    matrices made it grow with the square (1 MB of text: 2 GB); the term matrix still
    grows with the sentences times the vocabulary, which itself grows with the text."""
    short = SEEDS[:1]
    base, _ = _peak_of(SEEDS[:2], tmp, "--model", "rules")
    points = []
    for n in LONG_PARAGRAPHS:
        path = scale_corpus.write(Path(tmp) / f"long{n}", 1, n)[0]
        peak, elapsed = _peak_of([str(path), *short], tmp, "--model", "rules")
        points.append((n, peak, elapsed, path.stat().st_size))
        say(f"   one article of {n} paragraphs ({path.stat().st_size / 1e6:.2f} MB) and a seed, "
            f"--model rules: {secs(elapsed)}, peak RSS {peak:.0f} MB (two seeds: {base:.0f} MB)")
    (n1, p1, _, _), (n2, p2, _, size) = points[0], points[-1]
    slope = math.log(max(p2 - base, 1.0) / max(p1 - base, 1.0)) / math.log(n2 / n1)
    report.add(f"scale: peak RSS, one {size / 1e6:.1f} MB article", f"{p2:.0f} MB",
               f"∝ length^{slope:.2f} above {base:.0f} MB", "", f"≤ length^{TARGET_LONG_EXPONENT}",
               slope <= TARGET_LONG_EXPONENT)


# ----------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer repeats (noisier figures)")
    ap.add_argument("--repeats", type=int, help="repeats per measurement (default 7, 3 with --quick)")
    ap.add_argument("--only", default=",".join(SECTIONS),
                    help=f"comma-separated sections to run (default all: {','.join(SECTIONS)})")
    args = ap.parse_args(argv)
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        ap.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    repeats = args.repeats or (3 if args.quick else 7)
    if shutil.which("parallax", path=str(Path(sys.executable).parent)) is None:
        say("note: no parallax script beside this interpreter; using python -m tui")
    say(f"Parallax speed benchmarks — {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {repeats} repeats")
    report = Report()
    runners = {"paint": section_paint, "nlp": section_nlp, "cache": section_cache, "scale": section_scale}
    started = time.perf_counter()
    for name in SECTIONS:
        if name in chosen:
            runners[name](report, repeats)
            say()
    report.print()
    failed = report.failed()
    say(f"{len(report.rows) - len(failed)} of {len(report.rows)} rows pass or inform; "
        f"{len(failed)} target(s) missed; {time.perf_counter() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
