"""Ask where to write an export (JSON, Markdown) or a screenshot."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class PathScreen(ModalScreen[str | None]):
    """A one-field dialog: the file to write; Enter confirms, Escape cancels.

    A file that exists is replaced only on a second Enter: a typed name that happens
    to be another file's should not cost that file without a word.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, default: str, inputs: frozenset[Path] = frozenset()) -> None:
        super().__init__()
        self.title_text = title
        self.default = default
        self.inputs = inputs
        """The articles' resolved paths: never written, so never offered for replacing."""
        self._replace: str | None = None
        """The existing file the reader was warned of; Enter on it again replaces it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="path-box"):
            yield Label(self.title_text, id="path-title")
            yield Input(value=self.default, id="path-input")
            yield Label("Enter writes · Escape cancels · never overwrites an input", id="path-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        target = Path(value).expanduser()
        hint = self.query_one("#path-hint", Label)
        if value and target.resolve() in self.inputs:
            hint.update(f"{value} is one of the articles: Parallax never writes to its inputs")
            hint.add_class("-warning")
            return
        problem = _unwritable(target) if value else None
        if problem:  # said here, where the path can be corrected, not after the dialog closed
            hint.update(problem)
            hint.add_class("-warning")
            return
        if value and value != self._replace and target.is_file():
            self._replace = value
            hint.update(f"{value} exists · Enter again replaces it · Escape cancels")
            hint.add_class("-warning")
            return
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _unwritable(target: Path) -> str | None:
    """Why a file could not be written at ``target``, where that is plain before trying."""
    if target.is_dir():
        return f"{target} is a folder: add a file name"
    folder = target.parent
    if not folder.is_dir():
        return f"No folder {folder}" if not folder.exists() else f"{folder} is not a folder"
    return None
