"""The `/` search line: type, Enter to jump to the next match, Escape to close."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """A one-line search across every pane."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close search", show=False)]

    class Closed(Message):
        """The user left the search line."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search all sources — Enter: next match, Escape: close", id=id)

    def action_close(self) -> None:
        self.post_message(self.Closed())
