"""A pane's title: the outlet's name and a one-line coverage bar.

The bar is drawn with the gutter marks themselves (= ≠ +), so it still reads
without colour.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from tui.navigation import Coverage
from tui.wrapping import printable


class SourceHeader(Widget):
    """Outlet name over a bar of agreement / divergence / unique shares."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "source-header--name",
        "source-header--detail",
        "source-header--agreement",
        "source-header--divergence",
        "source-header--unique",
        "source-header--pending",
        "source-header--focused",
    }

    def __init__(self, name: str, title: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source_name = printable(name)
        self.title = printable(title)
        self.coverage: Coverage | None = None
        self.pending = "analysing…"
        """Where the bar will be, until there is a coverage ("no analysis" when it failed)."""

    def set_coverage(self, coverage: Coverage | None) -> None:
        self.coverage = coverage
        self.refresh()

    def set_pending(self, text: str) -> None:
        self.pending = text
        self.refresh()

    def render(self) -> Text:
        width = max(10, self.size.width)
        style = self.get_component_rich_style
        # the pane the keys act on: reversed, so it shows without colour too
        name_style = style("source-header--focused" if self.has_class("-focused") else "source-header--name")
        head = Text(self.source_name, style=name_style, no_wrap=True, overflow="ellipsis")
        if self.title and len(self.source_name) + 3 < width:
            head.append(f"  {self.title}", style=style("source-header--detail"))
        head.truncate(width, overflow="ellipsis")
        cov = self.coverage
        if cov is None:
            bar = Text(self.pending.ljust(width), style=style("source-header--pending"), no_wrap=True)
            return Text("\n").join([head, bar])
        label = f" {cov.agreement:.0%}= {cov.divergence:.0%}≠ {cov.unique:.0%}+"
        cells = max(4, width - len(label))
        parts = [("agreement", "=", cov.agreement), ("divergence", "≠", cov.divergence), ("unique", "+", cov.unique)]
        counts = [round(share * cells) for _, _, share in parts]
        counts[-1] = max(0, cells - sum(counts[:-1]))
        bar = Text(no_wrap=True)
        for (name, mark, _), n in zip(parts, counts, strict=True):
            bar.append(mark * n, style=style(f"source-header--{name}"))
        bar.append(label, style=style("source-header--detail"))
        bar.truncate(width)
        return Text("\n").join([head, bar])
