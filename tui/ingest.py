"""Reading article files: decoding, paragraphs and the headline.

Everything downstream works with character offsets into the text exactly as
decoded here, so nothing in this module may change the text's length or
content; markup that should not be analysed is *masked* (replaced by spaces of
the same length) in a separate analysis copy instead of being removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 2_000_000
"""Largest article accepted; a news article is rarely over 100 kB, and spaCy
would take minutes over a book-sized file while the user waits."""

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")


class InputError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """A decoded article plus the masked copy the NLP reads."""

    path: str
    name: str
    text: str
    analysis_text: str
    paragraphs: tuple[Paragraph, ...]
    headline: Paragraph | None
    notes: tuple[str, ...] = ()


def decode(data: bytes, label: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as UTF-8 (BOM removed), UTF-16 with a BOM, or Windows-1252.

    Windows-1252 is the fallback because it is what mis-labelled "Latin-1"
    web text almost always is, and it maps every byte, so a fallback cannot
    fail; the note tells the user it happened.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ("decoded as UTF-16 (byte-order mark)",)
        except UnicodeDecodeError as exc:
            raise InputError(f"{label}: invalid UTF-16 text ({exc.reason})") from None
    if _looks_binary(data):
        raise InputError(f"{label}: binary file, not text")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        return text, ("not valid UTF-8; decoded as Windows-1252 (Latin-1)",)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 50)


def read_file(path: Path) -> tuple[str, tuple[str, ...]]:
    """Read and decode one file, raising :class:`InputError` with a one-line reason."""
    label = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{label}: is a directory")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{label}: too large ({size / 1e6:.1f} MB); articles up to "
                f"{MAX_BYTES / 1e6:.0f} MB are read"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{label}: no such file") from None
    except PermissionError:
        raise InputError(f"{label}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{label}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if not data:
        raise InputError(f"{label}: empty file")
    text, notes = decode(data, label)
    if not text.strip():
        raise InputError(f"{label}: contains only whitespace")
    return text, notes


_BLANK_LINE = re.compile(r"\n[ \t\f\v\r\u00a0]*\n")


def paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs, each trimmed of surrounding whitespace.

    A blank line always separates paragraphs.  Inside a block, each line is its
    own paragraph (many saved articles put one paragraph per line) unless the
    block looks hard-wrapped, i.e. its lines fill a similar width and continue
    each other; then the block is one paragraph.
    """
    out: list[Paragraph] = []
    pos = 0
    for match in [*_BLANK_LINE.finditer(text), None]:
        end = match.start() if match else len(text)
        block_start = pos
        pos = match.end() if match else len(text)
        lines = _line_spans(text, block_start, end)
        if not lines:
            continue
        if _hard_wrapped(text, lines):
            out.append(Paragraph(lines[0][0], lines[-1][1]))
        else:
            out.extend(Paragraph(s, e) for s, e in lines)
    return out


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 2:
        return False
    widths = [e - s for s, e in lines]
    widest = max(widths[:-1])
    if widest > 100:
        return False
    # every line but the last fills most of the width, and the next line
    # continues the sentence (a wrapped line rarely ends a sentence)
    full = sum(1 for w in widths[:-1] if w >= 0.6 * widest)
    if full < len(widths) - 1:
        return False
    open_ends = sum(1 for s, e in lines[:-1] if text[e - 1] not in ".!?:\"”’'")
    return open_ends >= (len(lines) - 1) / 2


_FINAL_PUNCT = ".!?;:…\"”’'»)]"


def find_headline(text: str, paras: list[Paragraph]) -> Paragraph | None:
    """The first paragraph, if it is a short single line without final punctuation."""
    if not paras:
        return None
    first = paras[0]
    line = text[first.start : first.end]
    if "\n" in line or len(line) > 150 or len(line.split()) > 25:
        return None
    if line[-1] in _FINAL_PUNCT:
        return None
    return first


def display_name(path: Path, text: str) -> str:
    """The outlet when the text names it on a ``Source:`` line, else the file stem."""
    match = re.search(r"^\s*Source:\s*(\S[^\n]{0,60}?)\s*$", text[:4000], re.MULTILINE)
    if match:
        return match.group(1)
    return path.stem


def build_article(path_label: str, name: str, text: str, notes: tuple[str, ...] = ()) -> Article:
    paras = paragraphs(text)
    if not paras:
        raise InputError(f"{path_label}: contains only whitespace")
    # inner newlines become spaces so a hard-wrapped line break is not read
    # as a sentence boundary; offsets are unchanged
    analysis = text.replace("\n", " ").replace("\r", " ")
    return Article(
        path=path_label,
        name=name,
        text=text,
        analysis_text=analysis,
        paragraphs=tuple(paras),
        headline=find_headline(text, paras),
        notes=notes,
    )


def load_article(path_label: str) -> Article:
    """Read one article file; ``path_label`` is kept as given for display and export."""
    path = Path(path_label)
    text, notes = read_file(path)
    return build_article(path_label, display_name(path, text), text, notes)
