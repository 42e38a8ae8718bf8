"""Reader test set-up: deterministic rendering and ready-made apps."""

from __future__ import annotations

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
def make_app():
    """A reader over the given files (default: the seeds)."""
    from tui.app import ParallaxApp

    def make(paths=SEEDS, **kwargs):
        return ParallaxApp(load(paths), **kwargs)

    return make


async def analysed(pilot) -> None:
    """Wait until the analysis worker has finished and the screen has settled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
