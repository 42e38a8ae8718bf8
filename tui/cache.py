"""On-disk cache of prepared analyses, so a second opening skips spaCy entirely.

An entry is keyed by everything its content depends on: each article's text
(hashed), the spaCy pipeline that would be used and its version, spaCy's
version and Parallax's version.  Working out the key never imports spaCy
(package metadata is enough), so a cache hit costs only reading the entry.
A corrupt, truncated or foreign entry is ignored, removed and rebuilt.

Location: ``$PARALLAX_CACHE_DIR`` if set, else the platform's user cache
folder (``$XDG_CACHE_HOME/parallax`` or ``~/.cache/parallax`` on Linux,
``~/Library/Caches/parallax`` on macOS, ``%LOCALAPPDATA%\\parallax\\Cache`` on
Windows).  Nothing else is ever written, and never next to the articles.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.data import ALIGNMENT_MODEL
from tui.ingest import Article
from tui.pipelines import DEFAULT_MODELS, RULES

if TYPE_CHECKING:
    from tui.analysis import Prepared

FORMAT = 47
"""Bumped when the meaning of a cache entry changes (the layout is checked anyway)."""
MAX_ENTRIES = 200
"""Oldest entries beyond this are pruned, so the cache cannot grow without bound."""


def cache_dir() -> Path:
    override = os.environ.get("PARALLAX_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "parallax"
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "parallax" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "parallax"


def _version(package: str) -> str:
    """An installed package's version, read from its own files.

    ``importlib.metadata`` scans every installed distribution, which costs
    more than a cache hit should; a spaCy pipeline carries ``meta.json`` and
    spaCy its ``about.py``.
    """
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return "?"
    if spec is None or not spec.origin:
        return "?"
    folder = Path(spec.origin).parent
    try:
        meta = folder / "meta.json"
        if meta.is_file():
            return str(json.loads(meta.read_text("utf-8")).get("version", "?"))
        about = (folder / "about.py").read_text("utf-8")
    except (OSError, ValueError):
        return "?"
    match = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", about)
    return match.group(1) if match else "?"


def model_identity(name: str | None) -> str:
    """Which pipeline an analysis would use, with versions, without importing spaCy."""
    if name == RULES:
        chosen = RULES
    elif name:
        chosen = name
    else:
        chosen = next((m for m in DEFAULT_MODELS if importlib.util.find_spec(m) is not None), RULES)
    model_version = "" if chosen == RULES else _version(chosen)
    return f"{chosen}=={model_version}|spacy=={_version('spacy')}"


@functools.cache
def _layout() -> str:
    """The shape of what is stored, nested types included, so an entry written by other
    code is never trusted: slotted dataclasses are restored by position, and an entry from
    code whose tokens or details gained a field would load with values in the wrong ones."""
    import dataclasses
    import typing

    from tui.analysis import Prepared

    seen: dict[type, str] = {}

    def shape(cls: type) -> None:
        if cls in seen or not dataclasses.is_dataclass(cls):
            return
        seen[cls] = ""
        hints = typing.get_type_hints(cls)
        seen[cls] = f"{cls.__module__}.{cls.__qualname__}(" + ",".join(
            f"{f.name}:{hints.get(f.name, f.type)}" for f in dataclasses.fields(cls)
        ) + ")"
        for hint in hints.values():
            for inner in _types_in(hint):
                shape(inner)

    shape(Prepared)
    return ";".join(seen[c] for c in sorted(seen, key=lambda c: (c.__module__, c.__qualname__)))


def _types_in(hint: object) -> list[type]:
    """The classes a type hint mentions (``tuple[Token, ...] | None`` gives Token)."""
    import typing

    if isinstance(hint, type):
        return [hint]
    return [t for arg in typing.get_args(hint) for t in _types_in(arg)]


def key(articles: Sequence[Article], model: str | None) -> str:
    """What an entry depends on, hashed; cheap to compute (no spaCy, no analysis import),
    so the reader can look for a cached analysis before its first frame."""
    h = hashlib.sha256()
    h.update(f"parallax {__version__} format {FORMAT}\n{model_identity(model)}\n".encode())
    # the links are the alignment model's: refitted weights make every entry stale
    with contextlib.suppress(OSError):
        h.update(ALIGNMENT_MODEL.read_bytes())
    for article in articles:
        # the analysis copy too: one Markdown text opened as .md and piped in as plain text
        # is analysed differently
        h.update(hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).digest())
        h.update(hashlib.sha256(article.analysis_text.encode("utf-8", "surrogatepass")).digest())
    return h.hexdigest()


def _path(entry_key: str) -> Path:
    return cache_dir() / f"{entry_key}.pickle"


def has(entry_key: str) -> bool:
    try:
        return _path(entry_key).is_file()
    except OSError:  # a cache folder the user may not enter is no cache
        return False


def forget(entry_key: str) -> None:
    """Remove an entry that loaded but could not be used, so the next run analyses afresh."""
    with contextlib.suppress(OSError):
        _path(entry_key).unlink()


def load(entry_key: str, articles: Sequence[Article]) -> Prepared | None:
    """The cached analysis for these articles, or None (missing, stale or corrupt)."""
    import dataclasses

    path = _path(entry_key)
    if not has(entry_key):
        return None
    try:
        with path.open("rb") as f:
            stored_key, layout, prepared = pickle.load(f)
        if stored_key != entry_key or layout != _layout() or len(prepared.articles) != len(articles):
            raise ValueError("foreign or stale cache entry")
        if any(
            a.text != b.text or a.analysis_text != b.analysis_text
            for a, b in zip(prepared.articles, articles, strict=True)
        ):
            raise ValueError("cache entry for other texts")
    except FileNotFoundError:
        return None
    except Exception:  # corrupt or from an incompatible version: forget it and rebuild
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used entries survive pruning
    # paths and names may differ from the run that stored it; the texts do not
    return dataclasses.replace(prepared, articles=tuple(articles))


def slim(prepared: Prepared) -> Prepared:
    """What re-building facts needs: sentence spans, not spaCy's tokens (most of the bytes)."""
    import dataclasses

    documents = tuple(
        tuple(dataclasses.replace(s, tokens=(), entities=()) for s in doc)
        for doc in prepared.annotation.documents
    )
    return dataclasses.replace(prepared, annotation=dataclasses.replace(prepared.annotation, documents=documents))


def store(entry_key: str, prepared: Prepared) -> None:
    """Write an entry atomically; a cache that cannot be written is silently skipped."""
    prepared = slim(prepared)
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as f:
            pickle.dump((entry_key, _layout(), prepared), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, _path(entry_key))
        _prune(folder)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            old.unlink()
