"""Turning command-line arguments into articles: files, folders, standard input, the seeds.

Every problem becomes a one-line message naming the input; nothing here
raises past its caller, and nothing ever writes to an input.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from tui.ingest import (
    ARTICLE_SUFFIXES,
    MAX_PAGE_BYTES,
    Article,
    InputError,
    article_from_bytes,
    file_label,
    load_article,
)

MAX_ARTICLES = 12
"""Most articles opened from one folder; side-by-side panes stop being readable beyond this."""
FOLDER_SUFFIXES = ARTICLE_SUFFIXES
STDIN = "-"
STDIN_LABEL = "standard input"
"""How messages, notes and the pane header name the article read from ``-``; the
export's ``path`` stays ``-``, the name given on the command line."""


@dataclass
class Loaded:
    articles: list[Article] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Everything said on the way, for standard error: the folders' notes below, and
    each article's own (how it was decoded), which its pane's notice repeats."""
    folder_notes: list[str] = field(default_factory=list)
    """What a folder left out (beyond its first twelve, broken links): the reader shows
    these too, since standard error is hidden under its screen."""


def bundled_seeds() -> list[str]:
    """The demo articles: ``seeds/`` beside the package in a checkout or an editable
    install, else the copy a regular install ships as ``tui/seeds``."""
    checkout = Path(__file__).resolve().parent.parent / "seeds"
    if checkout.is_dir():
        return sorted(str(p) for p in checkout.glob("*.txt"))
    from importlib import resources  # only a regular install needs it; it costs start-up time

    try:
        base = resources.files("tui.seeds")
        return sorted(str(p) for p in base.iterdir() if p.name.endswith(".txt"))
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        return []


def _is_dir(path: Path) -> bool:
    """Whether a path is a folder; a name the system cannot even look up (too long) is
    not one, and reading it then says why."""
    try:
        return path.is_dir()
    except OSError:
        return False


def expand(args: list[str], loaded: Loaded) -> list[str]:
    """Replace folders by the articles inside them."""
    out: list[str] = []
    for arg in args:
        if not arg.strip():  # Path("") is the current folder, which nobody meant
            loaded.errors.append(f"{arg!r}: no such file (an empty name)")
            continue
        path = Path(arg)
        if arg != STDIN and _is_dir(path):
            try:
                candidates = sorted(
                    p for p in path.iterdir() if not p.name.startswith(".") and p.suffix.lower() in FOLDER_SUFFIXES
                )
                found = [str(p) for p in candidates if p.is_file()]
                broken = [str(p) for p in candidates if p.is_symlink() and not p.exists()]
            except PermissionError:
                loaded.errors.append(f"{arg}: permission denied")
                continue
            # an article's name that leads nowhere was left out without a word, and the
            # comparison silently lacked it
            loaded.folder_notes.extend(f"{link}: broken symbolic link, skipped" for link in broken)
            if not found:
                loaded.errors.append(f"{arg}: no articles in folder (looked for {', '.join(FOLDER_SUFFIXES)})")
                continue
            if len(found) > MAX_ARTICLES:
                loaded.folder_notes.append(
                    f"{arg}: {len(found)} articles, opening the first {MAX_ARTICLES} (name them to choose)"
                )
                found = found[:MAX_ARTICLES]
            out.extend(found)
        else:
            out.append(arg)
    return out


def read_stdin() -> Article:
    """One article from standard input: text, or a web page recognised by its first bytes.

    The read is bounded like a file's, so piping in something huge is refused
    instead of filling memory.
    """
    if sys.stdin is None:
        raise InputError(f"{STDIN_LABEL}: closed")
    data = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
    return article_from_bytes(STDIN, STDIN_LABEL, data, label=STDIN_LABEL)


def input_label(path: str) -> str:
    """How a message names an input: its path, or "standard input" for ``-`` (a note
    beginning "-:" read as a stray dash, while its errors said "standard input")."""
    return STDIN_LABEL if path == STDIN else path


def load(args: list[str]) -> Loaded:
    """Load every article named; an unreadable one is an error message, not an exception."""
    loaded = Loaded()
    paths = expand(args, loaded)
    loaded.notes.extend(loaded.folder_notes)
    if paths.count(STDIN) > 1:
        loaded.errors.append(f"{STDIN_LABEL} ({STDIN}) can be read only once")
        paths = [p for i, p in enumerate(paths) if p != STDIN or paths.index(STDIN) == i]
    seen: set[str] = set()
    for path in paths:
        if path != STDIN:
            # allowed (it is numbered "story (2)"), but rarely meant: said, not silent
            where = os.path.realpath(path)
            if where in seen:
                loaded.notes.append(f"{input_label(path)}: given twice, so compared with itself")
            seen.add(where)
        try:
            article = read_stdin() if path == STDIN else load_article(path)
        except InputError as exc:
            loaded.errors.append(str(exc))
            continue
        loaded.articles.append(article)
        loaded.notes.extend(f"{input_label(article.path)}: {note}" for note in article.notes)
    loaded.articles = distinct_names(loaded.articles)
    return loaded


def distinct_names(articles: list[Article]) -> list[Article]:
    """Names a reader can tell apart: two ``story.txt`` from different folders (or two
    pieces from one outlet) were both "story" in every pane header, difference and report.

    A shared name gains its folder ("a/story"), or the file's name when the outlet was
    the shared part ("Reuters (story)"); what still collides is numbered ("story (2)").
    """
    shared = _collisions(articles)
    if not shared:
        return articles
    out = []
    for a in articles:
        if a.name in shared and a.path != STDIN:
            label = file_label(Path(a.path))
            where = label
            if [file_label(Path(b.path)) for b in articles if b.name == a.name].count(label) > 1:
                where = f"{Path(a.path).parent.name}/{label}" if Path(a.path).parent.name else label
            out.append(replace(a, name=where if a.name == label else f"{a.name} ({where})"))
        else:
            out.append(a)
    shared = _collisions(out)
    seen: dict[str, int] = {}
    for k, a in enumerate(out):
        if a.name in shared:
            seen[a.name] = seen.get(a.name, 0) + 1
            if seen[a.name] > 1:
                out[k] = replace(a, name=f"{a.name} ({seen[a.name]})")
    return out


def _collisions(articles: list[Article]) -> set[str]:
    names = [a.name for a in articles]
    return {n for n in names if names.count(n) > 1}
