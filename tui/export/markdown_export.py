"""A readable Markdown report: each fact side by side, its differences, then what is unique."""

from __future__ import annotations

import re

from tui.model import Comparison, Fact
from tui.wrapping import counted, printable

_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-+#=>])")
"""What opens a block when a line starts with it: a numbered or bulleted list item, a
heading, a quote, a setext underline."""


def _escaped(text: str, markup: str) -> str:
    """``text`` on one line with each of the ``markup`` characters backslash-escaped, which
    CommonMark allows before any ASCII punctuation, and control characters made harmless
    (the report is often read straight in a terminal, where an escape sequence would act).

    A leading list or heading marker is escaped too: the text follows "- " or "| " in the
    report, and "- 1. …" is an empty numbered list that swallows the sentence."""
    flat = "".join("\\" + c if c in markup else c for c in " ".join(printable(text).split()))
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", flat, count=1)


def _cell(text: str) -> str:
    """Article text as plain text, safe in a table row: a pipe or newline would break the
    row, and the corpus's ``quotes'' opened code spans, ``<b>`` passed through as HTML and
    ``*`` or ``_`` opened emphasis."""
    return _escaped(text, "\\`*_[]<>|~&")


_LOOSE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
"""An underscore not between two letters or digits: one that may open or close emphasis."""


def _name(text: str) -> str:
    """A source's name or title as plain text: its own markup characters ("a`b", "**",
    "_Times_") would otherwise open code or emphasis that runs on into the report.  An
    underscore inside a word, as in file names, emphasises nothing and is left bare."""
    return _LOOSE_UNDERSCORE.sub(r"\_", _escaped(text, "\\`*[]<>#|~&"))


def _path(path: str) -> str:
    """A path as inline code, a control character in it written as its escape ("\\t",
    "\\x1b"): not acted on by the terminal the report is read in, nor turned into a space
    that names another file."""
    return _code("".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in path))


def _code(text: str) -> str:
    """Inline code that holds any text: fenced by one backtick more than its longest run,
    padded with a space when it holds a backtick (CommonMark strips one on each side)."""
    text = " ".join(text.split())
    runs = [len(r) for r in "".join(c if c == "`" else " " for c in text).split()]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if runs else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _fact_section(comparison: Comparison, fact: Fact, number: int) -> list[str]:
    names = [s.name for s in comparison.sources]
    label = "Divergence" if fact.status == "divergence" else "Agreement"
    lines = [f"### {number}. {label} (`{fact.id}`, score {fact.score:.2f})", ""]
    lines.append("| " + " | ".join(_name(n) for n in names) + " |")
    lines.append("|" + "---|" * len(names))
    per_source: list[list[str]] = [[] for _ in names]
    for m in fact.members:
        per_source[m.source].append(comparison.sentence(m).text)
    lines.append("| " + " | ".join(_cell(" … ".join(t)) if t else "—" for t in per_source) + " |")
    lines.append("")
    for d in fact.differences:
        lines.append(f"- **{d.kind}** {_cell(d.describe(names))}")
    if fact.differences:
        lines.append("")
    return lines


def to_markdown(comparison: Comparison) -> str:
    names = [s.name for s in comparison.sources]
    divergences = len(comparison.divergences)
    unique = comparison.count("unique")
    lines = [
        "# Parallax comparison",
        "",
        f"{len(comparison.sources)} sources · {counted(len(comparison.facts), 'fact')} · "
        f"{counted(divergences, 'divergence')} · {counted(unique, 'unique sentence')} · model `{comparison.model}`",
        "",
    ]
    for src in comparison.sources:
        title = f": {src.title}" if src.title else ""
        lines.append(f"- **{_name(src.name)}** ({_path(src.path)}){_name(title)}")
    lines += ["", "## Facts", ""]
    if not comparison.facts:
        lines += ["No sentence is reported by more than one source.", ""]
    for n, fact in enumerate(comparison.facts, start=1):
        lines += _fact_section(comparison, fact, n)
    if comparison.conflicts:
        lines += ["## Conflicts within one source", ""]
        for c in comparison.conflicts:
            values = " vs ".join(_cell(t) for t in c.texts())
            lines.append(f"- **{_name(names[c.source])}**, {c.what}: {values}")
        lines.append("")
    lines += ["## Unique to one source", ""]
    for src in comparison.sources:
        only = [s for s in src.sentences if s.status == "unique"]
        lines.append(f"### {_name(src.name)} ({len(only)})")
        lines.append("")
        lines += [f"- {_cell(s.text)}" for s in only] or ["- (nothing)"]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
