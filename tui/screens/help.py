"""The `?` help screen, written from the bindings' own descriptions."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

LEGEND = (
    ("=", "agreement", "same fact, same details in another source"),
    ("≠", "divergence", "same fact, a detail conflicts (the detail is emphasised)"),
    ("+", "unique", "only this source reports it"),
    ("·", "boilerplate", "page chrome, left out of the comparison"),
    ("▶", "cursor", "the sentence under the cursor; ▸ marks the other members of its fact"),
    ("", "current fact", "its sentences show its own mark: = or ≠ for this fact, whatever other facts they are in"),
    ("", "pane name", "reversed over the focused pane, where j/k, u and tab act"),
)


def key_label(key: str) -> str:
    names = {
        "right_square_bracket": "]", "left_square_bracket": "[", "question_mark": "?", "slash": "/",
        "plus": "+", "minus": "-", "equals_sign": "=", "shift+tab": "shift+tab", "escape": "esc", "space": "space",
    }
    return ", ".join(names.get(k.strip(), k.strip()) for k in key.split(","))


class HelpScreen(ModalScreen[None]):
    """Every key the reader knows, with the legend of marks."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "dismiss_help", "Close help")]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "help-screen--mark",
        "help-screen--section",
        "help-screen--key",
        "help-screen--hint",
    }

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(id="help-legend")
            yield Static(id="help-keys")
            yield Static(id="help-hint")

    def on_mount(self) -> None:
        # filled once mounted: the component styles come from the stylesheet (app.tcss)
        self.query_one("#help-legend", Static).update(self._legend())
        self.query_one("#help-keys", Static).update(self._keys())
        hint = "esc or ? closes this help · ctrl+p opens the command palette"
        self.query_one("#help-hint", Static).update(Text(hint, style=self._style("hint")))

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"help-screen--{name}")

    def _legend(self) -> Table:
        table = Table(title="Marks", title_justify="left", show_header=False, box=None, padding=(0, 1))
        for mark, name, meaning in LEGEND:
            table.add_row(Text(mark, style=self._style("mark")), Text(name, style=self._style("mark")), meaning)
        return table

    def _keys(self) -> Table:
        table = Table(title="Keys", title_justify="left", show_header=False, box=None, padding=(0, 1))
        for title, bindings in self.sections:
            table.add_row(Text(title, style=self._style("section")), "")
            for b in bindings:
                table.add_row(Text(key_label(b.key), style=self._style("key")), b.description)
        return table

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
