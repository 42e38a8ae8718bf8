"""Saved web pages: the article's text, title and site name, extracted with trafilatura.

A saved page is mostly not the article (navigation, share bars, "most read"
lists, cookie notices, scripts), so its text cannot simply be stripped of tags
the way Markdown is masked.  Extraction produces a new text, and for a page
that extracted text *is* the text as read: sentences quote it and offsets
point into it, not into the HTML file (the JSON export carries it for that
reason).

trafilatura is an optional extra (``pip install 'parallax-reader[html]'``):
it is imported only when a page is opened, and its absence is a one-line
message, never a traceback.  Why trafilatura: see the README ("Which HTML
extractor and why").
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from dataclasses import dataclass
from types import ModuleType
from urllib.parse import urlsplit

from tui.ingest import MAX_BYTES, InputError

INSTALL_HINT = "pip install 'parallax-reader[html]'"
MIN_WORDS = 10
"""Fewer extracted words than this is a page without an article (a menu, a login wall)."""
_QUIET = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")
"""Libraries whose log warnings would otherwise reach standard error as stray lines."""


class ExtractorMissing(InputError):
    """The optional HTML extractor is not installed."""


@dataclass(frozen=True, slots=True)
class Page:
    """What extraction found in a page."""

    text: str
    """The article: its title as the first paragraph, paragraphs separated by blank lines."""
    title: str
    site_name: str
    """The outlet (og:site_name, the publisher, or the site's host name); "" if unknown."""
    notes: tuple[str, ...] = ()


def _trafilatura(label: str) -> ModuleType:
    try:
        module = importlib.import_module("trafilatura")
    except ImportError:
        raise ExtractorMissing(
            f"{label}: reading saved web pages needs the optional HTML extractor ({INSTALL_HINT})"
        ) from None
    for name in _QUIET:
        logger = logging.getLogger(name)
        logger.setLevel(logging.CRITICAL)
        logger.propagate = False
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
    return module


def available() -> bool:
    """Whether web pages can be read (the extractor is installed)."""
    return importlib.util.find_spec("trafilatura") is not None


def extract(data: bytes, label: str) -> Page:
    """The article in a saved page, or :class:`InputError` with a one-line reason.

    trafilatura decodes the bytes itself (``<meta charset>``, then detection),
    so a page in any encoding is read as its author meant it.
    """
    trafilatura = _trafilatura(label)
    try:
        doc = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
        )
    except Exception as exc:  # a parser failure on a malformed page is bad input, not a crash
        raise InputError(f"{label}: cannot read the web page ({type(exc).__name__})") from None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
        # what is left of a page without an article is a menu ("Home")
        raise InputError(f"{label}: no article text found in the web page")
    title = " ".join((getattr(doc, "title", None) or "").split())
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    text = "\n\n".join(paragraphs) + "\n"
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise InputError(f"{label}: the page's article is too large (over {MAX_BYTES / 1e6:.0f} MB of text)")
    return Page(text=text, title=title, site_name=_site_name(doc))


def _site_name(doc: object) -> str:
    name = " ".join((getattr(doc, "sitename", None) or "").split())
    if name and not name.startswith(("http://", "https://")):
        return name.lstrip("@")[:60]
    host = getattr(doc, "hostname", None) or (urlsplit(name).hostname if name else None)
    if host:
        return host.removeprefix("www.")
    return ""
