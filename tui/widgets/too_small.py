"""What the reader shows instead of its layout when the terminal is too small for it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget


class TooSmall(Widget, can_focus=True):
    """A centred request for more room, covering the reader below its smallest workable size.

    Below about 60×20 the panes, the fact panel and the footer no longer fit
    beside each other and the text would be cut mid-word; a clear message is
    better than a broken layout.  The reader keeps its state underneath, so
    making the window larger again shows it exactly as it was.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"too-small--size"}

    def __init__(self, min_width: int, min_height: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.min_width = min_width
        self.min_height = min_height

    def render(self) -> Text:
        width, height = self.app.size
        text = Text(justify="center")
        text.append("Parallax needs more room\n\n", style=self.get_component_rich_style("too-small--size"))
        text.append(f"at least {self.min_width}×{self.min_height};\n")
        text.append(f"this terminal is {width}×{height}.\n\n")
        text.append("Enlarge the window or make\nthe font smaller. q quits.")
        return text
