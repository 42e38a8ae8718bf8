"""The first-paint reference: the least a Textual app can do to show the same articles.

    python benchmarks/bare_app.py a.txt b.txt c.txt

Side-by-side scrolling panes, one ``Static`` per article with the whole text
(``markup=False``, so article text is never parsed as markup), a one-line
header per pane.  It reads the files with plain ``open`` and imports nothing
from Parallax, so its start-up is Python + Textual + painting the text: the
floor Parallax's first paint is compared with (``benchmarks/run.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static


class BareApp(App[None]):
    """Panes of plain text, nothing else."""

    CSS = """
    .column { width: 1fr; height: 1fr; }
    .name { height: 1; background: $panel; }
    VerticalScroll { height: 1fr; }
    """

    def __init__(self, texts: list[tuple[str, str]]) -> None:
        super().__init__()
        self.texts = texts

    def compose(self) -> ComposeResult:
        with Horizontal():
            for name, text in self.texts:
                with Vertical(classes="column"):
                    yield Static(name, classes="name", markup=False)
                    with VerticalScroll():
                        yield Static(text, markup=False)


def main(paths: list[str]) -> None:
    texts = [(Path(p).stem, Path(p).read_text("utf-8")) for p in paths]
    BareApp(texts).run()


if __name__ == "__main__":
    main(sys.argv[1:])
