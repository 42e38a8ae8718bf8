"""Word wrapping that remembers where each line came from in the text.

The reader emphasises spans given as character offsets ("270 injured", an
entity mention, a search hit), so wrapped lines must map back to offsets.
Widths are measured in terminal cells (wide CJK characters count twice).
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+")


def wrap_offsets(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into lines of at most ``width`` cells, as offset pairs.

    Breaks at whitespace; a word longer than the width is cut.  Newlines inside
    the span (a hard-wrapped paragraph) are treated as spaces, so the reader
    re-flows text to the pane's width.
    """
    width = max(1, width)
    # for ASCII text a character is a cell; rich's cell_len is only needed otherwise
    measure = len if text.isascii() else cell_len
    lines: list[tuple[int, int]] = []
    line_start = -1
    line_end = -1
    used = 0
    for match in _WORD.finditer(text, start, end):
        w_start, w_end = match.start(), match.end()
        w_cells = measure(match.group())
        if line_start >= 0 and used + 1 + w_cells <= width:
            line_end = w_end
            used += 1 + w_cells
            continue
        if line_start >= 0:
            lines.append((line_start, line_end))
            line_start = -1
        while w_cells > width:  # cut a word too long for any line
            cut = w_start
            cells = 0
            while cut < w_end and cells + measure(text[cut]) <= width:
                cells += measure(text[cut])
                cut += 1
            cut = max(cut, w_start + 1)
            lines.append((w_start, cut))
            w_start = cut
            w_cells = measure(text[w_start:w_end])
        if w_start < w_end:
            line_start, line_end, used = w_start, w_end, w_cells
    if line_start >= 0:
        lines.append((line_start, line_end))
    return lines or [(start, start)]


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """The text with every control character replaced, one for one, so it is safe to draw.

    Article text and file names go to the terminal: a tab would move the cursor
    past the pane's edge, and an escape sequence in a file (``ESC ] 0 ;`` sets the
    window title) would reach the terminal itself.  Whitespace controls become
    spaces, the others U+FFFD; the length is unchanged, so offsets still hold.
    """
    return _UNPRINTABLE.sub(lambda m: " " if m.group().isspace() else "\ufffd", text)


def counted(n: int, noun: str, plural: str = "") -> str:
    """"1 fact", "2 facts" ("1 match", "2 matches" given the plural): totals read in the
    header, the notices and the Markdown report."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"
