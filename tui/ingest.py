"""Reading article files: decoding, paragraphs and the headline.

Everything downstream works with character offsets into the text exactly as
decoded here, so nothing in this module may change the text's length or
content; markup that should not be analysed is *masked* (replaced by spaces of
the same length) in a separate analysis copy instead of being removed.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tui.language import language_note

MAX_BYTES = 2_000_000
"""Largest article accepted; a news article is rarely over 100 kB, and spaCy
would take minutes over a book-sized file while the user waits."""
MAX_PAGE_BYTES = 10_000_000
"""Largest saved web page accepted: scripts, styles and inlined images make a
page many times its article, and only the extracted text (at most
``MAX_BYTES``) is analysed."""

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")

Format = Literal["text", "markdown", "html"]


class InputError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a file looked like when it was read, to notice later that it changed."""

    mtime_ns: int
    size: int


@dataclass(frozen=True, slots=True)
class Article:
    """A decoded article plus the masked copy the NLP reads."""

    path: str
    name: str
    text: str
    """The text as read: the file decoded, or for a web page the extracted text.
    Every offset refers to this."""
    analysis_text: str
    """Same length as ``text``; markup and line breaks are spaces (what the NLP reads)."""
    paragraphs: tuple[Paragraph, ...]
    headline: Paragraph | None
    notes: tuple[str, ...] = ()
    format: Format = "text"
    fingerprint: Fingerprint | None = None
    """Modification time and size of the file when read (None for standard input, a pipe
    or any other file that is not a regular one: there is nothing to compare later)."""


_WIDE_MARKS = (("utf-32", (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")), ("utf-16", (b"\xff\xfe", b"\xfe\xff")))
"""Byte-order marks of the wide encodings, UTF-32's first: it begins with UTF-16's, and read
as UTF-16 it is text with a NUL between every letter.  Decoded text is then refused like
bytes when it holds NULs or many controls."""


_DECODED_NOTES = (
    "decoded as {} (byte-order mark)",
    "UTF-8 but for {}, read as Windows-1252",
    "not valid UTF-8; decoded as Windows-1252 (Latin-1)",
)
"""What :func:`decode` notes when it did not read a file as plain UTF-8 ("{}" is filled in)."""


def read_otherwise(notes: tuple[str, ...] | list[str]) -> bool:
    """Whether a file's notes (from :func:`decode`) say it was not read as UTF-8: its
    offsets then index a text that no UTF-8 reading of the file gives."""
    shapes = [template.partition("{}") for template in _DECODED_NOTES]
    return any(n.startswith(head) and n.endswith(tail) for n in notes for head, _, tail in shapes)


def decode(data: bytes, label: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as UTF-8 (BOM removed), UTF-16 or UTF-32 with a BOM, or Windows-1252.

    Windows-1252 is the fallback because it is what mis-labelled "Latin-1"
    web text almost always is, and it maps every byte, so a fallback cannot
    fail; the note tells the user it happened.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for codec, marks in _WIDE_MARKS:
        if data.startswith(marks):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{label}: invalid {codec.upper()} text ({exc.reason})") from None
            if _looks_binary(text[:8192].encode("utf-8", errors="replace")):
                raise InputError(f"{label}: binary file, not text")
            return text, (_DECODED_NOTES[0].format(codec.upper()),)
    if _looks_binary(data):
        raise InputError(f"{label}: binary file, not text")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_strays(data)
    if mixed is not None:
        text, strays = mixed
        which = "1 byte" if strays == 1 else f"{strays} bytes"
        return text, (_DECODED_NOTES[1].format(which),)
    text = data.decode("cp1252", errors="replace")
    return text, (_DECODED_NOTES[2],)


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
"""A well-formed UTF-8 sequence of two to four bytes."""
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error("parallax-cp1252", _stray_as_cp1252)


def _utf8_with_strays(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with a few stray single-byte characters pasted in, and how many.

    Articles assembled from several pages often are UTF-8 throughout except for
    a quote mark or an accented letter in Windows-1252.  Decoding the whole
    file as Windows-1252 would turn every correct curly quote and accent into
    mojibake ("â€œ"), so when the well-formed multi-byte UTF-8 sequences are at
    least as many as the stray bytes, only the stray bytes are read as
    Windows-1252.  None when the file is not mostly UTF-8 (a plain Latin-1 file
    has no well-formed multi-byte sequences at all).
    """
    sequences = _UTF8_SEQUENCE.findall(data)
    strays = len(_HIGH_BYTE.findall(data)) - sum(len(q) for q in sequences)
    if not sequences or len(sequences) < strays:
        return None
    return data.decode("utf-8", errors="parallax-cp1252"), strays


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 50)


def file_format(path: Path) -> Format:
    """The format a file's name announces (contents can still reveal HTML)."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's current fingerprint, or None when it is gone or unreadable."""
    try:
        st = path.stat()
    except OSError:
        return None
    return Fingerprint(st.st_mtime_ns, st.st_size)


_STREAM_FOLDERS = ("/dev/", "/proc/")
"""Where names stand for a process's own streams and devices: ``/dev/stdin`` or ``/dev/fd/3``
is another file for every process that opens it, even when it leads to a regular file."""


def rereadable(path_label: str) -> bool:
    """Whether ``path_label`` names a regular file, which can be read again.

    Standard input (``-``), ``/dev/stdin``, a process substitution (``<(cat a.txt)``, a
    pipe under ``/dev/fd``), a named pipe or a device cannot be read a second time, so
    nothing but the export itself can resolve their offsets: the JSON carries their
    ``text`` (the README's "JSON export", beyond the schema).  A regular file edited
    since it was read is still rereadable here; the reader warns of that change.
    """
    if path_label == "-" or os.path.abspath(path_label).startswith(_STREAM_FOLDERS):
        return False
    try:
        return stat.S_ISREG(os.stat(path_label).st_mode)
    except (OSError, ValueError):  # gone, unreadable, or a name no system call takes
        return False


def read_bytes(path: Path, limit: int = MAX_BYTES, told: int | None = None) -> tuple[bytes, Fingerprint | None]:
    """Read at most ``limit`` bytes of a file, raising :class:`InputError` with a one-line reason.

    The size is checked before reading (a 5 MB file is refused at once), and the
    read itself is bounded, so a file that grows meanwhile or a device such as
    ``/dev/zero`` cannot make Parallax read forever.  The file is opened
    read-only and never written.

    The fingerprint is None for anything but a regular file: a pipe's or a terminal's
    time and size say nothing about what was read (``/dev/stdin`` becomes the terminal
    once the reader takes its keys from it, whose time changes at every key).
    """
    label = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{label}: is a directory")
        with path.open("rb") as f:
            st = os.fstat(f.fileno())
            if st.st_size > limit:
                raise InputError(_too_large(label, st.st_size, told or limit))
            data = f.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"{label}: no such file") from None
    except PermissionError:
        raise InputError(f"{label}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{label}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise InputError(_too_large(label, len(data), told or limit))
    if not data:
        raise InputError(f"{label}: empty file")
    return data, Fingerprint(st.st_mtime_ns, st.st_size) if stat.S_ISREG(st.st_mode) else None


def _too_large(label: str, size: int, limit: int) -> str:
    what = "saved pages" if limit == MAX_PAGE_BYTES else "articles"
    # a bounded read of a pipe stops one byte past a limit: its real size is unknown
    unknown = size > 10 * limit or size in (limit + 1, MAX_BYTES + 1, MAX_PAGE_BYTES + 1)
    shown = f"over {limit / 1e6:.0f} MB" if unknown else f"{size / 1e6:.1f} MB"
    return f"{label}: too large ({shown}); {what} up to {limit / 1e6:.0f} MB are read"


_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def _blank(text: str) -> bool:
    """Whether the text is only whitespace and zero-width characters: nothing to show."""
    return all(c.isspace() or c in _ZERO_WIDTH for c in text)


_LONE_BREAKS = re.compile("\r+(?![\r\n])|[\u2028\u2029\x85]")
"""Carriage returns not ending in a newline ("\r\r\n", a CRLF file saved again in text mode,
is one line end), and Unicode separators."""


def unify_breaks(text: str) -> str:
    """The text with every line break written as ``\n``, at the same offsets: a lone
    carriage return (old Mac files), a Unicode line or paragraph separator and NEL
    become newlines, one character for one, so paragraphs are found in such files
    too (``\r\n`` already ends in one)."""
    if not _LONE_BREAKS.search(text):
        return text
    return _LONE_BREAKS.sub(lambda m: "\n" * len(m.group()), text)


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


_SOURCE_LINE = re.compile(r"source:[ \t]*\S[^\n]{0,70}$", re.IGNORECASE)
"""A "Source: Reuters" line: its own paragraph, never a headline nor a wrapped line's end."""


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 2 or any(_SOURCE_LINE.match(text, s, e) for s, e in lines[1:]):
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
    """The first paragraph, if it is a short single line without final punctuation
    (after a "Source: Reuters" line, which names the outlet, not the story)."""
    while paras and _SOURCE_LINE.match(text, paras[0].start, paras[0].end):
        paras = paras[1:]
    if not paras:
        return None
    first = paras[0]
    line = text[first.start : first.end]
    if "\n" in line or len(line) > 150 or len(line.split()) > 25:
        return None
    if line[-1] in _FINAL_PUNCT:
        return None
    return first


def file_label(path: Path) -> str:
    """The file name without an article suffix: ``dailymail.co.uk.txt`` is ``dailymail.co.uk``.

    Only the suffixes Parallax reads are removed, since outlets often name their
    saved articles after a domain, whose last dot is not a file extension.
    """
    name = path.name
    if path.suffix.lower() in ARTICLE_SUFFIXES and len(name) > len(path.suffix):
        return name[: -len(path.suffix)]
    return name


def display_name(fallback: str, text: str) -> str:
    """The outlet when the text names it on a ``Source:`` line, else ``fallback`` (the file's label)."""
    match = re.search(r"^\s*Source:\s*(\S[^\n]{0,60}?)\s*$", text[:4000], re.MULTILINE)
    if match:
        return " ".join(match.group(1).split())
    return fallback


def build_article(
    path_label: str,
    name: str,
    text: str,
    notes: tuple[str, ...] = (),
    *,
    format: Format = "text",
    fingerprint: Fingerprint | None = None,
    title: str = "",
) -> Article:
    """An article from decoded text: paragraphs, headline, the analysis copy, notes.

    Markdown keeps its text as read (sentences quote it, offsets point into it)
    while the analysis copy has the markup blanked out.  A ``title`` known from
    elsewhere (a web page's metadata) makes the first paragraph the headline
    when it is that title, whatever its punctuation.
    """
    read = text
    text = unify_breaks(text)  # the layout is read from this copy; the Article keeps the text as read
    if format == "markdown":
        from tui import markdown_input

        masked = markdown_input.mask(text)
        paras = markdown_input.paragraphs(text, masked)
        headline = markdown_input.headline(text, masked, paras)
    else:
        masked = text
        paras = paragraphs(text)
        known = bool(title) and bool(paras) and text[paras[0].start : paras[0].end] == title
        headline = paras[0] if known else find_headline(text, paras)
    if not paras:
        raise InputError(f"{path_label}: contains only whitespace" if not text.strip()
                         else f"{path_label}: contains only markup, no text")
    # inner newlines become spaces so a hard-wrapped line break is not read
    # as a sentence boundary; offsets are unchanged
    analysis = masked.replace("\n", " ").replace("\r", " ")
    note = language_note(analysis)
    if note:
        notes = (*notes, note)
    return Article(
        path=path_label,
        name=name,
        text=read,
        analysis_text=analysis,
        paragraphs=tuple(paras),
        headline=headline,
        notes=notes,
        format=format,
        fingerprint=fingerprint,
    )


def looks_like_html(data: bytes) -> bool:
    """A saved web page, whatever its name says (``<!DOCTYPE html>`` or ``<html`` up front)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def article_from_bytes(
    path_label: str,
    stem: str,
    data: bytes,
    format: Format = "text",
    fingerprint: Fingerprint | None = None,
    *,
    label: str = "",
) -> Article:
    """Decode (or, for a web page, extract) an article read as bytes from a file or standard input.

    ``label`` names the input in messages when ``path_label`` would not ("standard input" for "-").
    """
    label = label or path_label
    if not data:
        raise InputError(f"{label}: empty file" if label == path_label else f"{label}: empty")
    if format == "text" and looks_like_html(data):
        format = "html"
    if format == "html":
        if len(data) > MAX_PAGE_BYTES:
            raise InputError(_too_large(label, len(data), MAX_PAGE_BYTES))
        if _looks_binary(data):
            raise InputError(f"{label}: binary file, not text")
        from tui import html_input

        page = html_input.extract(data, label)
        return build_article(path_label, page.site_name or stem, page.text, page.notes,
                             format="html", fingerprint=fingerprint, title=page.title)
    if len(data) > MAX_BYTES:
        raise InputError(_too_large(label, len(data), MAX_BYTES))
    text, notes = decode(data, label)
    if _blank(text):
        raise InputError(f"{label}: contains only whitespace")
    if format == "markdown":
        from tui.markdown_input import mask

        name = display_name(stem, mask(text)) if "Source:" in text[:4000] else stem
    else:
        name = display_name(stem, text)
    try:
        return build_article(path_label, name, text, notes, format=format, fingerprint=fingerprint)
    except InputError as exc:
        raise InputError(str(exc).replace(path_label, label, 1)) from None


def load_article(path_label: str) -> Article:
    """Read one article file; ``path_label`` is kept as given for display and export.

    The file is only ever opened for reading.
    """
    path = Path(path_label)
    if str(path) != path_label:
        _refuse_what_the_system_would(path_label)
    format = file_format(path)
    # read once, up to a saved page's limit: a "text" file may turn out to be a page (known by
    # its first bytes), and a pipe or FIFO cannot be reopened to read it again
    # (the limit a refusal names is the article's, unless the file is known to be a page)
    data, stamp = read_bytes(
        path, MAX_PAGE_BYTES if format in ("text", "html") else MAX_BYTES,
        told=MAX_PAGE_BYTES if format == "html" else MAX_BYTES,
    )
    return article_from_bytes(path_label, file_label(path), data, format, stamp)


def _refuse_what_the_system_would(path_label: str) -> None:
    """Refuse ``a.txt/`` (or ``a.txt/.``) as the system does, which pathlib would not.

    ``Path`` drops a trailing slash and ``.`` parts, so ``a.txt/`` named and read the
    file ``a.txt``, where ``cat a.txt/`` says "Not a directory".  Only that refusal is
    taken from the name as given; any other problem with it is the file's own, and
    reading the file reports it as usual.
    """
    try:
        os.stat(path_label)
    except NotADirectoryError:
        raise InputError(f"{path_label}: not a directory") from None
    except (OSError, ValueError):
        pass
