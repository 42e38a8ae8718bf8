"""Markdown articles: the markup is blanked out for the analysis, the text itself is kept.

Offsets everywhere refer to the file's text, so nothing is removed: :func:`mask`
returns a copy of the same length in which every markup character (``#``,
``*``, ``_``, backticks, link brackets and URLs, list bullets, ``>``, rules,
HTML tags, reference definitions, front matter, code blocks) is a space and
line breaks stay where they are.  The NLP reads the masked copy; sentences
still quote the original, so ``**police** said`` stays as written in exports.

This is not a Markdown renderer: it recognises the syntax news exports and
note apps produce, and a stray ``*`` it misreads costs one blanked character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.ingest import _BLANK_LINE, Paragraph, _hard_wrapped, find_headline

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n(?:.*\r?\n){0,80}?(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_HTML_CODE = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE)
"""An embedded script or style sheet (a tweet or video embed pasted into the Markdown):
its whole content is code, not article text."""
_REFERENCE_DEF = re.compile(
    r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<[^>\n]*>|\S*[/.#]\S*)"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$",
    re.MULTILINE,
)
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]\n]+\]:", re.MULTILINE)
_RULE = re.compile(r"^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$|^ {0,3}=+[ \t]*$", re.MULTILINE)
_TABLE_DIVIDER = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*$", re.MULTILINE)
_QUOTE = re.compile(r"[ \t]{0,3}>[ \t]?")
_LIST = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
"""A whole run of backticks opens a span (CommonMark): starting inside a run tried every
backtick of it against the rest of the file, minutes for a long run."""
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_PARENS = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_IMAGE = re.compile(r"!\[[^\]\n]*\](?:" + _PARENS + r"|\[[^\]\n]*\])|\[\](?:" + _PARENS + r"|\[[^\]\n]*\])")
"""An image, or a link with no text ("[](https://…)", an icon's link): nothing to read."""
_LINK = re.compile(r"\[([^\[\]\n]+)\](" + _PARENS + r"|\[[^\]\n]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\n]+\]")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_DELIMITER = re.compile(r"\*+|_+|~~")
_ENTITY = re.compile(r"&(?:nbsp|amp|quot|#39|apos|zwj|zwnj|shy);")
_BLOCK_START = re.compile(r"[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,3}[.)][ \t]|>|\|)")


class _Mask:
    """A mutable same-length copy of the text; positions in ``kept`` are never blanked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.chars = list(text)
        self.kept: set[int] = set()

    def blank(self, start: int, end: int) -> None:
        for i in range(start, end):
            if i not in self.kept and self.chars[i] not in "\r\n":
                self.chars[i] = " "

    def keep(self, start: int, end: int) -> None:
        self.kept.update(range(start, end))

    def is_blank(self, i: int) -> bool:
        return self.chars[i].isspace()

    def result(self) -> str:
        return "".join(self.chars)


def mask(text: str) -> str:
    """The text with Markdown syntax replaced by spaces: same length, same line breaks."""
    m = _Mask(text)
    front = _FRONT_MATTER.match(text)
    if front:
        m.blank(0, front.end())
    for pattern in (_HTML_COMMENT, _HTML_CODE):
        for match in pattern.finditer(text):
            m.blank(match.start(), match.end())
    code_blocks = _fenced_blocks(text)
    for start, end in code_blocks:
        m.blank(start, end)
    in_code = _Ranges(code_blocks)
    for pattern in (_REFERENCE_DEF, _FOOTNOTE_DEF, _RULE, _TABLE_DIVIDER):
        for match in pattern.finditer(text):
            if not in_code(match.start()):
                m.blank(match.start(), match.end())
    for start, end in _lines(text):
        if not in_code(start):
            _mask_line_prefix(m, text, start, end)
    _mask_inline(m, text, in_code)
    return m.result()


class _Ranges:
    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = ranges

    def __call__(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.ranges)


def _lines(text: str) -> Iterable[tuple[int, int]]:
    """Every line as (start, end), without its line break (``\\r\\n`` included)."""
    start = 0
    while start <= len(text):
        nl = text.find("\n", start)
        end = len(text) if nl < 0 else nl
        yield start, end - 1 if end > start and text[end - 1] == "\r" else end
        if nl < 0:
            return
        start = nl + 1


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks (``` or ~~~), fences included; an unclosed one runs to the end."""
    blocks = []
    opening: tuple[int, str] | None = None
    for start, end in _lines(text):
        match = _FENCE.match(text, start, end)
        if opening is None:
            if match:
                opening = (start, match.group(1))
        elif match and match.group(1)[0] == opening[1][0] and len(match.group(1)) >= len(opening[1]):
            blocks.append((opening[0], end))
            opening = None
    if opening is not None:
        blocks.append((opening[0], len(text)))
    return blocks


def _mask_line_prefix(m: _Mask, text: str, start: int, end: int) -> None:
    """Blockquote markers, then a list bullet or a heading's hashes, at the start of a line."""
    pos = start
    while match := _QUOTE.match(text, pos, end):
        m.blank(match.start(), match.end())
        pos = match.end()
    if match := _HEADING.match(text, pos, end):
        m.blank(match.start(), match.end())
        if closing := _CLOSING_HASHES.search(text, match.end(), end):
            m.blank(closing.start(), closing.end())
    elif match := _LIST.match(text, pos, end):
        m.blank(match.start(), match.end())


def _mask_inline(m: _Mask, text: str, in_code: _Ranges) -> None:
    # code spans first: what is inside them is not markup, only the backticks are
    for match in _CODE_SPAN.finditer(text):
        if in_code(match.start()):
            continue
        ticks = len(match.group(1))
        m.blank(match.start(), match.start() + ticks)
        m.blank(match.end() - ticks, match.end())
        m.keep(match.start() + ticks, match.end() - ticks)
    for match in _ESCAPE.finditer(text):
        m.blank(match.start(), match.start() + 1)
        m.keep(match.start(1), match.end(1))
    for pattern in (_AUTOLINK, _HTML_TAG, _IMAGE, _FOOTNOTE_REF):
        for match in pattern.finditer(text):
            m.blank(match.start(), match.end())
    for match in _LINK.finditer(text):
        m.blank(match.start(), match.start(1))  # "["
        m.blank(match.end(1), match.end())  # "](url)" or "][ref]"
    for match in _ENTITY.finditer(text):
        m.blank(match.start() + (1 if match.group() == "&amp;" else 0), match.end())
    for match in _DELIMITER.finditer(text):
        if _is_emphasis(m, text, match.start(), match.end()):
            m.blank(match.start(), match.end())
    _mask_table_pipes(m, text)


def _is_emphasis(m: _Mask, text: str, start: int, end: int) -> bool:
    """A run of ``*``, ``_`` or ``~~`` that opens or closes emphasis (CommonMark's flanking rule,
    simplified): not surrounded by spaces, and for ``_`` not inside a word (snake_case)."""
    before = text[start - 1] if start > 0 and not m.is_blank(start - 1) else " "
    after = text[end] if end < len(text) and not m.is_blank(end) else " "
    if before.isspace() and after.isspace():
        return False
    return not (text[start] == "_" and before.isalnum() and after.isalnum())


def _mask_table_pipes(m: _Mask, text: str) -> None:
    for start, end in _lines(text):
        line = text[start:end]
        if line.lstrip().startswith("|") or line.count("|") >= 2:
            for i, ch in enumerate(line):
                if ch == "|" and (i == 0 or line[i - 1] != "\\"):
                    m.blank(start + i, start + i + 1)


def paragraphs(text: str, masked: str) -> list[Paragraph]:
    """Paragraphs of a Markdown text, trimmed to what is left after masking.

    Blank lines separate paragraphs, and so does every line that starts a
    block (a heading, a list item, a quote, a table row); the lines in
    between follow the plain-text rule (a hard-wrapped block is one paragraph,
    otherwise one paragraph per line).  Paragraphs that are only markup (a
    rule, a link definition, a code block) are dropped: there is nothing in
    them to analyse.
    """
    out: list[Paragraph] = []
    pos = 0
    for match in [*_BLANK_LINE.finditer(text), None]:
        end = match.start() if match else len(text)
        block = [(s, e) for s, e in _lines_between(text, pos, end) if masked[s:e].strip()]
        pos = match.end() if match else len(text)
        for group in _groups(text, block):
            spans = [_trim(text, s, e) for s, e in group]
            candidates = [(group[0][0], group[-1][1])] if _hard_wrapped(text, spans) else group
            for s, e in candidates:
                trimmed = _trim(masked, s, e)
                if trimmed[0] < trimmed[1]:
                    out.append(Paragraph(*trimmed))
    return out


def _lines_between(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + mt.start(), start + mt.end()) for mt in re.finditer(r"[^\n]+", text[start:end])]


def _groups(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    for s, e in lines:
        starts_block = bool(_BLOCK_START.match(text, s, e))
        follows_heading = bool(groups) and bool(_HEADING.match(text, groups[-1][-1][0], groups[-1][-1][1]))
        if not groups or starts_block or follows_heading:
            groups.append([(s, e)])
        else:
            groups[-1].append((s, e))
    return groups


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def headline(text: str, masked: str, paras: list[Paragraph]) -> Paragraph | None:
    """A first-line ``# Heading`` (any level) is the headline whatever its punctuation;
    otherwise the plain-text rule applies to what is left after masking."""
    if not paras:
        return None
    first = paras[0]
    line_start = text.rfind("\n", 0, first.start) + 1
    if _HEADING.match(text, line_start, first.end) and "\n" not in text[first.start : first.end]:
        return first
    return find_headline(text, paras)
