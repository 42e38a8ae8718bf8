"""One article, as a scrolling column of sentences coloured by status.

A Line API widget (the pattern of toolong's log view): sentences are wrapped
once per width into a flat list of lines, each line maps back to its
sentence and character offsets, and ``render_line`` styles only the lines on
screen.  Moving the cursor refreshes just the lines of the sentences that
changed, so navigation stays fast with thousands of sentences.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.wrapping import printable, wrap_offsets

MARKS = {"agreement": "=", "divergence": "≠", "unique": "+", "boilerplate": "·", "plain": " "}
"""Gutter marks, so meaning never rests on colour alone."""
GUTTER = 3


@dataclass(frozen=True, slots=True)
class PaneSentence:
    """What the pane needs to draw one sentence (or, before analysis, one paragraph)."""

    index: int
    start: int
    end: int
    status: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class _Line:
    sentence: int
    """Position in the pane's sentence list, or -1 for the gap between paragraphs."""
    start: int
    end: int
    first: bool


class ArticlePane(ScrollView, can_focus=True):
    """The text of one source, one sentence per block, with a status gutter."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-pane--plain",
        "article-pane--agreement",
        "article-pane--divergence",
        "article-pane--unique",
        "article-pane--boilerplate",
        "article-pane--current",
        "article-pane--cursor",
        "article-pane--gutter",
        "article-pane--mark-plain",
        "article-pane--mark-agreement",
        "article-pane--mark-divergence",
        "article-pane--mark-unique",
        "article-pane--mark-boilerplate",
        "article-pane--detail",
        "article-pane--entity",
        "article-pane--search",
    }
    """
    | Class | Description |
    | :- | :- |
    | `article-pane--plain` | Text before analysis has finished. |
    | `article-pane--agreement` | A sentence in a fact whose sources agree. |
    | `article-pane--divergence` | A sentence in a fact with a conflicting detail. |
    | `article-pane--unique` | A sentence no other source reports. |
    | `article-pane--boilerplate` | Page chrome. |
    | `article-pane--current` | A member of the current fact. |
    | `article-pane--cursor` | The sentence under this pane's cursor. |
    | `article-pane--gutter` | The gutter on the left. |
    | `article-pane--mark-*` | A status mark in the gutter (one class per status). |
    | `article-pane--detail` | The conflicting detail inside a divergent sentence. |
    | `article-pane--entity` | A mention of the selected entity. |
    | `article-pane--search` | A search match. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Next sentence", show=False),
        Binding("k,up", "cursor(-1)", "Previous sentence", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "edge(0)", "Top", show=False),
        Binding("end,G", "edge(1)", "Bottom", show=False),
    ]

    cursor: reactive[int | None] = reactive(None, layout=False, repaint=False)
    """Position of the cursor sentence in the pane's list (None: no cursor yet)."""

    class CursorMoved(Message):
        """The user moved this pane's cursor (keys or mouse)."""

        def __init__(self, pane: ArticlePane, sentence: int) -> None:
            super().__init__()
            self.pane = pane
            self.sentence = sentence

        @property
        def control(self) -> ArticlePane:
            return self.pane

    class Rewrapped(Message):
        """The pane's width changed and its text was wrapped again: rows have moved."""

        def __init__(self, pane: ArticlePane) -> None:
            super().__init__()
            self.pane = pane

        @property
        def control(self) -> ArticlePane:
            return self.pane

    def __init__(self, source: int, text: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.source = source
        """Index of the source in the comparison."""
        self.text = printable(text)
        """The article as read, control characters made printable one for one (so a tab or an
        escape sequence in the file cannot move the terminal's cursor); sentences are offsets into it."""
        self._sentences: list[PaneSentence] = []
        self._current: frozenset[int] = frozenset()
        self._current_status = ""
        """The current fact's status: its sentences show it, whatever their other facts say."""
        self._current_details: dict[int, list[tuple[int, int]]] = {}
        """The current fact's differing details: its sentences emphasise only these."""
        self._spans: dict[int, list[tuple[int, int, str]]] = {}
        self._hide_boilerplate = False
        self._lines: list[_Line] = []
        self._line_starts: list[int] = []
        self._line_owner: list[int] = []
        self._first_line: dict[int, int] = {}
        self._last_line: dict[int, int] = {}
        self._layout_width = -1
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(2048)

    # ----------------------------------------------------------- attributes down
    def show(self, sentences: list[PaneSentence]) -> None:
        """Replace what the pane shows (plain paragraphs, then analysed sentences)."""
        self._sentences = sentences
        if self.cursor is not None and self.cursor >= len(sentences):
            self.cursor = None
        self._relayout()

    def set_marks(
        self,
        current: frozenset[int] = frozenset(),
        spans: dict[int, list[tuple[int, int, str]]] | None = None,
        status: str = "",
        current_details: dict[int, list[tuple[int, int]]] | None = None,
    ) -> None:
        """Which sentences belong to the current fact (and its status), and which spans to
        emphasise.

        A sentence can be in several facts; its own mark says whether any of them diverges.
        While a fact is current its sentences show that fact's status instead, so the marks
        beside the text say what the fact panel says (an agreement showed rows of ≠ when its
        sentences also belonged to a divergent fact).  For the same reason they emphasise
        only the current fact's differing details, not another fact's."""
        changed = current | self._current
        self._current = current
        self._current_status = status
        self._current_details = current_details or {}
        if spans is not None:
            self._spans = spans
            self._cache.clear()
            self.refresh()
        else:
            self._refresh_sentences(changed)

    @property
    def hide_boilerplate(self) -> bool:
        return self._hide_boilerplate

    @hide_boilerplate.setter
    def hide_boilerplate(self, hide: bool) -> None:
        if hide != self._hide_boilerplate:
            self._hide_boilerplate = hide
            self._relayout()

    @property
    def sentences(self) -> list[PaneSentence]:
        return self._sentences

    # ------------------------------------------------------------------ layout
    def _visible(self, i: int) -> bool:
        return not (self._hide_boilerplate and self._sentences[i].status == "boilerplate")

    def _relayout(self) -> None:
        """Forget the wrapped lines; they are rebuilt on the next use, at the pane's real width."""
        self._layout_width = -1
        self._cache.clear()
        if self.size.width:
            self._ensure_layout()
        self.refresh()

    def _text_width(self) -> int:
        return max(8, self.scrollable_content_region.width - GUTTER)

    def _ensure_layout(self) -> None:
        width = self._text_width()
        if width == self._layout_width:
            return
        self._layout_width = width
        lines: list[_Line] = []
        first: dict[int, int] = {}
        last: dict[int, int] = {}
        paragraph = None
        for i, s in enumerate(self._sentences):
            if not self._visible(i):
                continue
            if paragraph is not None and s.paragraph != paragraph:
                lines.append(_Line(-1, s.start, s.start, False))
            paragraph = s.paragraph
            first[i] = len(lines)
            for k, (a, b) in enumerate(wrap_offsets(self.text, s.start, s.end, width)):
                lines.append(_Line(i, a, b, k == 0))
            last[i] = len(lines) - 1
        self._lines = lines
        self._first_line = first
        self._last_line = last
        self._line_starts = sorted(first.values())
        self._line_owner = sorted(first, key=first.__getitem__)
        self._cache.clear()
        self._update_virtual_size()

    def _update_virtual_size(self) -> None:
        # room to scroll any line to the top, so facts can always share a row
        pad = max(0, self.scrollable_content_region.height - 1)
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines) + pad)

    def on_resize(self, event: events.Resize) -> None:
        anchor = self.sentence_at_row(0)
        offset = 0 if anchor is None else self.scroll_offset.y - self._first_line[anchor]
        self._ensure_layout()
        self._update_virtual_size()
        if anchor is not None:
            self.scroll_to(y=self._first_line[anchor] + offset, animate=False, immediate=True)
        self.post_message(self.Rewrapped(self))

    def first_line(self, sentence: int) -> int | None:
        """Virtual line on which a sentence starts (None if hidden)."""
        self._ensure_layout()
        return self._first_line.get(sentence)

    def sentence_at_line(self, line: int) -> int | None:
        """Sentence drawn at a virtual line (the one above, for a paragraph gap)."""
        self._ensure_layout()
        if not self._line_starts:
            return None
        k = bisect_right(self._line_starts, line) - 1
        return self._line_owner[max(0, k)]

    def sentence_at_row(self, row: int) -> int | None:
        """Sentence drawn at a screen row of the pane."""
        return self.sentence_at_line(round(self.scroll_offset.y) + row)

    def row_of(self, sentence: int) -> int | None:
        """Screen row of a sentence's first line (may be off screen)."""
        line = self.first_line(sentence)
        return None if line is None else line - round(self.scroll_offset.y)

    def place(self, sentence: int, row: int) -> None:
        """Scroll so the sentence's first line is on the given screen row."""
        line = self.first_line(sentence)
        if line is not None:
            self.scroll_to(y=max(0, line - row), animate=False, immediate=True)

    # ----------------------------------------------------------------- cursor
    def watch_cursor(self, old: int | None, new: int | None) -> None:
        self._refresh_sentences({i for i in (old, new) if i is not None})

    def _refresh_sentences(self, sentences: set[int] | frozenset[int]) -> None:
        for i in sentences:
            if i in self._first_line:
                a, b = self._first_line[i], self._last_line[i]
                for y in range(a, b + 1):
                    self._cache.discard((y, self._layout_width))
                self.refresh_lines(a, b - a + 1)  # virtual lines: ScrollView subtracts the scroll

    def scroll_cursor_into_view(self) -> None:
        if self.cursor is None or self.cursor not in self._first_line:
            return
        top, bottom = self._first_line[self.cursor], self._last_line[self.cursor]
        height = self.scrollable_content_region.height
        y = round(self.scroll_offset.y)
        if top < y + 1 or bottom > y + height - 2:
            self.scroll_to(y=max(0, top - height // 3), animate=False, immediate=True)

    def move_cursor(self, sentence: int, *, notify: bool = True) -> None:
        self.cursor = sentence
        self.scroll_cursor_into_view()
        if notify:
            self.post_message(self.CursorMoved(self, sentence))

    def _neighbour(self, start: int, step: int) -> int | None:
        i = start + step
        while 0 <= i < len(self._sentences):
            if self._visible(i):
                return i
            i += step
        return None

    def action_cursor(self, step: int) -> None:
        if not self._sentences:
            return
        target = self.sentence_at_row(0) if self.cursor is None else self._neighbour(self.cursor, step)
        if target is not None:
            self.move_cursor(target)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 2)
        self._ensure_layout()
        # no further than the last sentence's first line: the padding below it is not a page
        last = self._line_starts[-1] if self._line_starts else 0
        y = min(max(last, round(self.scroll_offset.y)), self.scroll_offset.y + direction * height)
        self.scroll_to(y=max(0, y), animate=False, immediate=True)
        # the first sentence that starts on screen: one begun above would put the cursor off it
        target = self.sentence_at_row(0)
        if target is not None and (self.row_of(target) or 0) < 0:
            target = self._neighbour(target, 1) or target
        if target is not None:
            self.cursor = target
            self.post_message(self.CursorMoved(self, target))

    def action_edge(self, end: int) -> None:
        visible = [i for i in range(len(self._sentences)) if self._visible(i)]
        if visible:
            self.move_cursor(visible[-1] if end else visible[0])

    def on_focus(self) -> None:
        self._refresh_sentences({self.cursor} if self.cursor is not None else set())

    def on_blur(self) -> None:
        self._refresh_sentences({self.cursor} if self.cursor is not None else set())

    def on_click(self, event: events.Click) -> None:
        line = round(self.scroll_offset.y) + event.y
        if 0 <= line < len(self._lines) and self._lines[line].sentence >= 0:
            self.focus()
            self.move_cursor(self._lines[line].sentence)

    # --------------------------------------------------------------- rendering
    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        width = self.scrollable_content_region.width
        index = round(self.scroll_offset.y) + y
        base = self.rich_style
        if index >= len(self._lines) or width <= 0:
            return Strip.blank(width, base)
        key = (index, self._layout_width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render(self._lines[index], width, base)
            self._cache[key] = strip
        return strip.apply_offsets(0, index)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"article-pane--{name}")

    def _render(self, line: _Line, width: int, base: Style) -> Strip:
        if line.sentence < 0:
            return Strip.blank(width, base)
        sentence = self._sentences[line.sentence]
        status = sentence.status
        if line.sentence in self._current and self._current_status:
            status = self._current_status
        style = base + self._style(status)
        is_cursor = line.sentence == self.cursor
        if line.sentence in self._current:
            style += self._style("current")
        if is_cursor and self.has_focus:
            style += self._style("cursor")
        pointer = "▶" if is_cursor else ("▸" if line.sentence in self._current else " ")
        gutter_style = base + self._style("gutter")
        if line.sentence in self._current or is_cursor:
            gutter_style = style
        gutter = Text.assemble(
            (pointer, gutter_style),
            (MARKS.get(status, " "), gutter_style + self._style(f"mark-{status}")),
            (" ", gutter_style),
        )
        body = Text(self.text[line.start : line.end].replace("\n", " "), no_wrap=True)
        body.pad_right(max(0, width - GUTTER - cell_len(body.plain)))
        # Text.render ignores a Text's base style, so the base goes in as a span
        body.stylize(style)
        spans = self._spans.get(line.sentence, ())
        if line.sentence in self._current:
            own = [(a, b, "detail") for a, b in self._current_details.get(line.sentence, ())]
            spans = [span for span in spans if span[2] != "detail"] + own
        for a, b, name in spans:
            lo, hi = max(a, line.start), min(b, line.end)
            if lo < hi:
                body.stylize(self._style(name), lo - line.start, hi - line.start)
        segments = list(gutter.render(self.app.console)) + list(body.render(self.app.console))
        return Strip(segments).crop_extend(0, width, base)

    def region_of(self, sentence: int) -> Region | None:
        line = self.first_line(sentence)
        if line is None:
            return None
        return Region(0, line, self.scrollable_content_region.width, self._last_line[sentence] - line + 1)
