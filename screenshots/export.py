"""Render the README's screenshots headlessly: ``python screenshots/export.py``.

Each state is driven by the same keys a user would press, on the bundled
articles (and the four-source test articles), and saved as an SVG here.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from tui.app import ParallaxApp  # noqa: E402
from tui.inputs import bundled_seeds, load  # noqa: E402

TARRO = sorted(str(p) for p in (ROOT / "tests" / "data" / "tarro").glob("*.txt"))

STATES = [
    # (file, files, terminal size, keys)
    ("main.svg", None, (160, 45), ["d"]),
    ("fact.svg", None, (160, 45), ["n", "n", "n"]),
    ("entity.svg", None, (160, 45), ["e", "enter", "n"]),
    ("small.svg", None, (80, 24), ["d"]),
    ("four-sources.svg", TARRO, (160, 45), ["d"]),
    ("help.svg", None, (160, 45), ["question_mark"]),
]


async def shoot(name: str, files: list[str] | None, size: tuple[int, int], keys: list[str]) -> None:
    app = ParallaxApp(load(files or bundled_seeds()).articles)
    async with app.run_test(size=size) as pilot:
        # the analysis worker starts after the first frame: wait for its result, not for
        # whichever workers happen to exist yet
        for _ in range(1200):
            if app.comparison is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(filename=name, path=str(HERE))
    print(f"wrote screenshots/{name}")


async def main() -> None:
    for state in STATES:
        await shoot(*state)


if __name__ == "__main__":
    asyncio.run(main())
