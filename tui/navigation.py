"""Pure navigation logic over a comparison: no Textual, so it is tested directly.

The reader asks questions such as "which sentence of pane 2 reports what pane
0's sentence 14 reports?" (to keep panes aligned by content, like vimdiff's
scrollbind), "which facts mention this entity?" and "where does this text
occur?".  Answers are indexes into the result model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model loads with the analysis, after the first frame
    from tui.model import Comparison, Entity, Fact, Member


@dataclass(frozen=True, slots=True)
class Coverage:
    """Share of a source's story sentences (boilerplate excluded) by status."""

    agreement: float
    divergence: float
    unique: float
    sentences: int


def coverage(comparison: Comparison, source: int) -> Coverage:
    story = [s for s in comparison.sources[source].sentences if s.status != "boilerplate"]
    n = len(story) or 1
    return Coverage(
        agreement=sum(s.status == "agreement" for s in story) / n,
        divergence=sum(s.status == "divergence" for s in story) / n,
        unique=sum(s.status == "unique" for s in story) / n,
        sentences=len(story),
    )


def members_in(fact: Fact, source: int) -> list[int]:
    return sorted(m.sentence for m in fact.members if m.source == source)


def fact_label(comparison: Comparison, fact: Fact, width: int = 90) -> str:
    """A line that tells this fact apart: the member sentence in the fewest other facts.

    Summary sentences belong to many facts, so the first member alone would
    label several facts identically.
    """
    def spread(m: Member) -> tuple[int, int]:
        sentence = comparison.sentence(m)
        return len(sentence.facts), len(sentence.text)

    text = " ".join(comparison.sentence(min(fact.members, key=spread)).text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def counterpart(comparison: Comparison, source: int, sentence: int, target: int) -> int | None:
    """The sentence of ``target`` that reports what (source, sentence) reports, if any."""
    if source == target:
        return sentence
    best: tuple[float, int] | None = None
    for fid in comparison.sources[source].sentences[sentence].facts:
        fact = comparison.fact(fid)
        for k in members_in(fact, target):
            key = (fact.score, -k)
            if best is None or key > best:
                best = key
    return None if best is None else -best[1]


def anchor(comparison: Comparison, source: int, sentence: int, target: int, reach: int = 40) -> tuple[int, int] | None:
    """The nearest pair (source sentence, target sentence) that report the same thing.

    Searches outward from ``sentence``; the caller aligns that pair's rows and
    so keeps the target pane next to the matching content even while the
    source pane shows a stretch the target does not have.
    """
    count = len(comparison.sources[source].sentences)
    for d in range(reach + 1):
        for k in (sentence - d, sentence + d) if d else (sentence,):
            if 0 <= k < count:
                other = counterpart(comparison, source, k, target)
                if other is not None:
                    return k, other
    return None


def facts_mentioning(comparison: Comparison, entity: Entity) -> list[int]:
    """Indexes of the facts with at least one member sentence naming the entity."""
    sentences = {(m.source, m.sentence) for m in entity.mentions}
    return [
        i for i, f in enumerate(comparison.facts)
        if any((m.source, m.sentence) in sentences for m in f.members)
    ]


def step(candidates: Sequence[int], current: int | None, forward: bool) -> int | None:
    """Next (or previous) candidate after ``current``, wrapping around; None if there are none."""
    if not candidates:
        return None
    if current is None:
        return candidates[0] if forward else candidates[-1]
    if forward:
        later = [c for c in candidates if c > current]
        return later[0] if later else candidates[0]
    earlier = [c for c in candidates if c < current]
    return earlier[-1] if earlier else candidates[-1]


def wrapped(current: int | None, target: int | None, forward: bool) -> bool:
    """Whether stepping from ``current`` to ``target`` went round the end (as vim's
    "search hit BOTTOM, continuing at TOP"): a silent wrap looks like a jump back."""
    if current is None or target is None:
        return False
    return target <= current if forward else target >= current


def sentences_with_status(comparison: Comparison, source: int, status: str) -> list[int]:
    return [s.index for s in comparison.sources[source].sentences if s.status == status]


@dataclass(frozen=True, slots=True)
class Match:
    source: int
    sentence: int
    start: int
    end: int


_APOSTROPHES = "'’‘`´"
_QUOTES = '"“”„«»'
_DASHES = "-–—‐"
_LIKE = {
    c: f"[{re.escape(group)}]" for group in (_APOSTROPHES, _QUOTES, _DASHES) for c in group
}
"""Typographic marks a keyboard types one way and articles print another: a typed
"Laachraoui's" finds "Laachraoui’s".  Each is one character either way, so match
offsets stay the text's own."""


def search(comparison: Comparison, query: str, *, boilerplate: bool = True) -> list[Match]:
    """Case-insensitive matches of ``query`` in every sentence, in pane then reading order.

    ``boilerplate=False`` leaves out page chrome, for a reader that has hidden it:
    a match there could be neither shown nor counted honestly.
    """
    query = query.strip()
    if not query:
        return []
    pattern = re.compile("".join(_LIKE.get(c, re.escape(c)) for c in query), re.IGNORECASE)
    out = []
    for s, src in enumerate(comparison.sources):
        for sent in src.sentences:
            if not boilerplate and sent.status == "boilerplate":
                continue
            for m in pattern.finditer(sent.text):
                out.append(Match(s, sent.index, sent.start + m.start(), sent.start + m.end()))
    return out
