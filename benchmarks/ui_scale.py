"""Reader responsiveness at scale: 3 articles × 500 sentences, headless.

    python benchmarks/ui_scale.py

Builds three long articles from the real articles of ``../shared/corpus``
(assembled in a temporary folder, never committed), analyses them once, then
measures in a headless Textual app of 160×45: mounting the reader with the
analysis applied, a "next fact" step (every pane re-aligned), a cursor move
(one highlight repainted) and a synchronised scroll.  Prints CPU-second
figures beside the Line API reference of ``docs/textual-notes`` (0.32 s
mount, 35 ms per highlight move).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from goldsets import CORPUS

SENTENCES = 500
ARTICLES = 3


def long_articles(folder: Path, count: int = ARTICLES, sentences: int = SENTENCES) -> list[str]:
    """``count`` articles of about ``sentences`` lines each, from the corpus, one line per paragraph."""
    files = sorted(CORPUS.glob("*/*.txt"))
    paths = []
    k = 0
    for n in range(count):
        lines: list[str] = []
        while len(lines) < sentences and k < len(files):
            # interleave so each outlet covers many of the same events
            lines += [ln for ln in files[(k * count + n) % len(files)].read_text("utf-8").splitlines() if ln.strip()]
            k += 1
        path = folder / f"outlet{n}.txt"
        path.write_text("\n\n".join(lines[:sentences]) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


async def measure(paths: list[str]) -> dict[str, float]:
    from tui.analysis import prepare_articles
    from tui.app import ParallaxApp
    from tui.inputs import load

    articles = load(paths).articles
    prepare_articles(articles)  # warm the cache: the app then measures the UI, not spaCy
    app = ParallaxApp(articles)
    start = time.process_time()
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        mount = time.process_time() - start
        steps = []
        for _ in range(10):
            t = time.process_time()
            await pilot.press("n")
            await pilot.pause()
            steps.append(time.process_time() - t)
        moves = []
        app.panes[0].focus()
        for _ in range(10):
            t = time.process_time()
            await pilot.press("j")
            await pilot.pause()
            moves.append(time.process_time() - t)
        scrolls = []
        for _ in range(10):
            t = time.process_time()
            await pilot.press("pagedown")
            await pilot.pause()
            scrolls.append(time.process_time() - t)
        sentences = sum(len(s.sentences) for s in app.comparison.sources)
    return {
        "sentences": sentences,
        "mount": mount,
        "next fact": statistics.median(steps),
        "cursor move": statistics.median(moves),
        "synced page": statistics.median(scrolls),
    }


def report(figures: dict[str, float]) -> list[tuple[str, float, float]]:
    """(figure, measured seconds, reference seconds) rows."""
    return [
        ("mount with analysis", figures["mount"], 0.32),
        ("next fact (all panes)", figures["next fact"], 0.035 * ARTICLES),
        ("cursor move", figures["cursor move"], 0.035),
        ("synchronised page down", figures["synced page"], 0.97 / 30 * ARTICLES),
    ]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        paths = long_articles(Path(tmp))
        figures = asyncio.run(measure(paths))
    print(f"reader at scale: {ARTICLES} articles, {figures['sentences']:.0f} sentences, 160×45, CPU seconds")
    print(f"{'figure':28}{'measured':>10}{'reference':>11}")
    for name, value, ref in report(figures):
        print(f"{name:28}{value:10.3f}{ref:11.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
