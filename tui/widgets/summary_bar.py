"""The top line: totals, the legend, and where the reader is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from tui.wrapping import counted, printable


@dataclass(frozen=True, slots=True)
class Summary:
    sources: int
    facts: int | None
    divergences: int = 0
    unique: int = 0
    position: str = ""
    flags: tuple[str, ...] = ()
    pending: str = "analysing…"
    """What stands for the totals until there are some ("no analysis" when it failed)."""


class SummaryBar(Widget):
    """Totals ("31 facts · 5 divergences · 28 unique"), a legend, and status flags."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "summary-bar--title",
        "summary-bar--totals",
        "summary-bar--agreement",
        "summary-bar--divergence",
        "summary-bar--unique",
        "summary-bar--boilerplate",
        "summary-bar--position",
        "summary-bar--flag",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.summary = Summary(0, None)

    def show(self, summary: Summary) -> None:
        self.summary = summary
        self.refresh()

    def render(self) -> Text:
        s = self.summary
        style = self.get_component_rich_style
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(" Parallax ", style=style("summary-bar--title"))
        if s.facts is None:
            totals = f" {s.sources} sources · {s.pending}"
        else:
            totals = f" {counted(s.facts, 'fact')} · {counted(s.divergences, 'divergence')} · {s.unique} unique"
        text.append(totals, style=style("summary-bar--totals"))
        legend = Text.assemble(
            ("  = agree", style("summary-bar--agreement")),
            (" ≠ differ", style("summary-bar--divergence")),
            (" + unique", style("summary-bar--unique")),
            (" · chrome", style("summary-bar--boilerplate")),
        )
        right = Text(no_wrap=True)
        for flag in s.flags:
            right.append(f" {flag} ", style=style("summary-bar--flag"))
        if s.position:
            right.append(f" {printable(s.position)} ", style=style("summary-bar--position"))
        width = self.size.width
        if text.cell_len + legend.cell_len + right.cell_len + 1 <= width:
            text.append_text(legend)
        # where the reader is matters more than the totals: the left side gives way
        text.truncate(max(0, width - right.cell_len), overflow="ellipsis")
        gap = width - text.cell_len - right.cell_len
        if gap > 0:
            text.append(" " * gap)
        text.append_text(right)
        text.truncate(width, overflow="ellipsis")
        return text
