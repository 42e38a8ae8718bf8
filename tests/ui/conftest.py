"""Reader test set-up: deterministic rendering and ready-made apps."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
TARRO = sorted(str(p) for p in (ROOT / "tests" / "data" / "tarro").glob("*.txt"))


@pytest.fixture(autouse=True)
def deterministic(monkeypatch):
    """No animation and no blinking cursor, so every snapshot renders the same."""
    monkeypatch.setattr("textual.constants.TEXTUAL_ANIMATIONS", "none")
    from textual.widgets import Input

    monkeypatch.setattr(Input, "cursor_blink", False)


def load(paths):
    from tui.inputs import load as load_inputs

    loaded = load_inputs(list(paths))
    assert not loaded.errors
    return loaded.articles


@pytest.fixture
def slow_regrouping(monkeypatch):
    """Make each re-grouping (the stricter / looser keys) take ``seconds``, as on a big
    cluster, so keys can be pressed while one runs."""
    import tui.analysis

    build = tui.analysis.build

    def slow(seconds: float) -> None:
        def slow_build(*args, **kwargs):
            time.sleep(seconds)
            return build(*args, **kwargs)

        monkeypatch.setattr(tui.analysis, "build", slow_build)

    return slow


@pytest.fixture
def make_app():
    """A reader over the given files (default: the seeds)."""
    from tui.app import ParallaxApp

    def make(paths=SEEDS, **kwargs):
        return ParallaxApp(load(paths), **kwargs)

    return make


async def analysed(pilot, timeout: float = 30.0) -> None:
    """Wait until the analysis is on screen and the screen has settled.

    The analysis worker starts only after the first frame, so on a loaded machine waiting
    for the workers alone could return before it even existed (seen once in CI: no
    comparison yet); this waits for the comparison itself (or the notice that the analysis
    failed), bounded by ``timeout``.
    """
    app = pilot.app
    deadline = time.monotonic() + timeout
    while True:
        await app.workers.wait_for_complete()
        await pilot.pause()
        failed = any(n.title == "Analysis failed" for n in app._notifications)
        if not app.auto_analyse or app.comparison is not None or failed or time.monotonic() > deadline:
            break
        await pilot.pause(0.05)
    await app.workers.wait_for_complete()
    await pilot.pause()
