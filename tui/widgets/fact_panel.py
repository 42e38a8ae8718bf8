"""The current fact: what each source says, what differs, and how sure the match is."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from tui.wrapping import printable

if TYPE_CHECKING:  # the model loads with the analysis, after the first frame
    from rich.style import Style
    from textual.app import ComposeResult

    from tui.model import Comparison, Fact

HINT = "n/p next/previous fact · d/D divergence · u/U unique · e entities · / search · ? help"


class FactPanel(VerticalScroll, can_focus=False):
    """Bottom panel describing the fact under the cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "fact-panel--title",
        "fact-panel--source",
        "fact-panel--difference",
        "fact-panel--muted",
    }

    expanded: reactive[bool] = reactive(False)
    """Taller, to read a fact of four sources with several differences whole."""

    _shown: tuple[Comparison, Fact | None, str] | None = None
    """What ``show_fact`` shows, to lay it out again at a new width."""
    _shown_width = 0

    def compose(self) -> ComposeResult:
        yield Static(id="fact-body", markup=False)

    def watch_expanded(self, expanded: bool) -> None:
        self.set_class(expanded, "-expanded")
        self.call_after_refresh(self._mark_overflow)

    def on_resize(self) -> None:
        if self._shown is not None and self._shown_width != self.size.width:
            self.show_fact(*self._shown)  # the names' column is sized from the width
        self.call_after_refresh(self._mark_overflow)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._mark_overflow()

    def watch_virtual_size(self) -> None:
        # the content's height settles a layout pass after the update: count again then
        self.call_after_refresh(self._mark_overflow)

    def _mark_overflow(self) -> None:
        """Say on the panel's top rule when the fact goes on below it: a panel that
        cannot take focus gives no other sign that a source is cut off."""
        hidden = self.max_scroll_y - round(self.scroll_y)  # below the panel's bottom edge
        key = "f: less" if self.expanded else "f: all"
        if hidden > 0:
            self.border_title = f"{hidden} more line{'s' if hidden != 1 else ''} · shift+↓ · {key}"
        else:
            self.border_title = key if self.expanded else ""

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"fact-panel--{name}")

    def _marked(self, lines: list[str]) -> Table:
        """Lines marked "≠", in a two-column grid: a wrapped line goes on under its text."""
        style = self._style("difference")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for line in lines:
            grid.add_row(Text("≠", style=style), Text(_flat(line), style=style))
        return grid

    def show_message(self, message: str) -> None:
        self._shown = None
        self.query_one("#fact-body", Static).update(Text(message, style=self._style("muted")))

    def show_fact(self, comparison: Comparison, fact: Fact | None, position: str) -> None:
        self._shown = (comparison, fact, position)
        self._shown_width = self.size.width
        body = self.query_one("#fact-body", Static)
        if fact is None:
            body.update(Text.assemble((f"{position}  ", self._style("title")), (HINT, self._style("muted"))))
            return
        names = [printable(s.name) for s in comparison.sources]
        mark = "≠ divergence" if fact.status == "divergence" else "= agreement"
        title = Text.assemble(
            (f"{position} · {mark} · score {fact.score:.2f}", self._style("title")),
            (f" · {len(fact.sources)} sources", self._style("muted")),
        )
        differences = self._marked([d.describe(names) for d in fact.differences])
        members = Table.grid(padding=(0, 1))
        # names take at most a quarter of the panel: the sentences are what is read
        names_width = max(10, self.size.width // 4) if self.size.width else None
        members.add_column(no_wrap=True, justify="right", max_width=names_width, overflow="ellipsis")
        members.add_column(no_wrap=True)
        members.add_column()
        for m in fact.members:
            sentence = comparison.sentence(m)
            members.add_row(Text(names[m.source], style=self._style("source")),
                            Text("│", style=self._style("source")),
                            Text(_flat(sentence.text)))
        # a source contradicting itself in one of these sentences ("270 injured" here, "wounded
        # 300" further on): the exports listed it, the reader nowhere.  After the sentences,
        # which matter more where the panel is short
        here = {(m.source, m.sentence) for m in fact.members}
        within = self._marked([
            f"within {names[c.source]}: {c.what}: {' vs '.join(c.texts())}"
            for c in comparison.conflicts
            if any((c.source, v.sentence) in here for v in c.values)
        ])
        body.update(Group(title, differences, members, within))
        self.scroll_home(animate=False)  # the note follows: watch_virtual_size, watch_scroll_y


def _flat(text: str) -> str:
    """Article text on one line, safe to draw."""
    return printable(" ".join(text.split()))
