"""The comparison result: the one thing the analysis hands to its consumers.

Everything here is frozen so the Textual app, the exporters and tests can share
one result without defensive copies, and so a cached result can never be
mutated behind a consumer's back.  Indexes (``source``, ``sentence``) are
positions in :attr:`Comparison.sources` and :attr:`Source.sentences`, exactly as
the ``parallax/1`` JSON schema numbers them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SCHEMA = "parallax/1"
THRESHOLD_RANGE = (0.05, 0.95)
"""Valid link thresholds (pair probabilities): the UI's stricter/looser keys stay inside."""

SentenceStatus = Literal["agreement", "divergence", "unique", "boilerplate"]
FactStatus = Literal["agreement", "divergence"]
DifferenceKind = Literal["number", "entity", "date", "other"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article, as a span of the text exactly as read."""

    index: int
    start: int
    end: int
    text: str
    status: SentenceStatus
    facts: tuple[str, ...] = ()
    paragraph: int = 0
    headline: bool = False
    boilerplate_rule: str = ""
    """Name of the rule that marked the sentence as page chrome ("" if none)."""


@dataclass(frozen=True, slots=True)
class Source:
    """One article: its text as read, and its sentences in order."""

    id: str
    path: str
    name: str
    title: str
    text: str
    sentences: tuple[Sentence, ...]
    notes: tuple[str, ...] = ()
    """Warnings about how the file was read (encoding fallback, language...)."""
    format: str = "text"
    """How the file was read: "text", "markdown" (markup masked for the analysis) or
    "html" (``text`` is the article extracted from the page, not the file)."""


@dataclass(frozen=True, slots=True)
class Member:
    source: int
    sentence: int


@dataclass(frozen=True, slots=True)
class DetailValue:
    """One source's wording of a conflicting detail, with its offsets in the text."""

    source: int
    sentence: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Difference:
    kind: DifferenceKind
    what: str
    values: tuple[DetailValue, ...]

    def describe(self, names: list[str] | None = None) -> str:
        """Short human form: ``injured: 270 injured (s1) vs 300 wounded (s2)``.

        A source that gives one value in two of the fact's sentences is named once
        for it: "24 dead (a) vs 24 dead (a) vs a child (b)" spent a panel line on a
        repeat; its different values are one side ("a child, 24 dead (b)").  (The
        values keep every sentence, for the exports.)
        """
        per_source: dict[int, list[str]] = {}
        said: set[tuple[int, str]] = set()
        for value in self.values:
            key = (value.source, " ".join(value.text.casefold().split()))
            if key not in said:
                said.add(key)
                per_source.setdefault(value.source, []).append(value.text)
        # one side per source: "Schaerbeek (a) vs Schaerbeek (b) vs Jette (b)" read as three
        # accounts where b gave one, naming two districts
        parts = [
            f"{', '.join(texts)} ({names[source] if names else f's{source}'})"
            for source, texts in per_source.items()
        ]
        label = f"{self.what}: " if self.what else ""
        return label + " vs ".join(parts)


@dataclass(frozen=True, slots=True)
class Fact:
    """Sentences from at least two sources that report the same thing."""

    id: str
    status: FactStatus
    score: float
    members: tuple[Member, ...]
    differences: tuple[Difference, ...] = ()

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({m.source for m in self.members}))


@dataclass(frozen=True, slots=True)
class Mention:
    source: int
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place or organisation, merged across spellings and sources."""

    id: str
    name: str
    label: str
    variants: tuple[str, ...]
    mentions: tuple[Mention, ...]

    @property
    def kind(self) -> str:
        """Sidebar group: people, places, organisations or other."""
        return ENTITY_KINDS.get(self.label, "other")

    def count_in(self, source: int) -> int:
        return sum(1 for m in self.mentions if m.source == source)


ENTITY_KINDS: dict[str, str] = {
    "PERSON": "people",
    "GPE": "places",
    "LOC": "places",
    "FAC": "places",
    "ORG": "organisations",
    "NORP": "other",
    "EVENT": "other",
    "PRODUCT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two sentences of the same article that disagree on a detail."""

    source: int
    kind: DifferenceKind
    what: str
    values: tuple[DetailValue, ...]

    def texts(self) -> list[str]:
        """Each wording once, in order, spaces flattened: "24 dead vs 24 dead vs Twelve
        people" (one wording in two sentences) read as three accounts.  (The values keep
        every sentence, for the JSON.)"""
        return list(dict.fromkeys(" ".join(v.text.split()) for v in self.values))


@dataclass(frozen=True, slots=True)
class Comparison:
    """The whole analysis of one set of articles."""

    model: str
    sources: tuple[Source, ...]
    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...]
    conflicts: tuple[Conflict, ...] = ()
    threshold: float = 0.0
    """Link threshold the facts were built with (the UI's +/- moves it)."""
    schema: str = SCHEMA
    _fact_index: dict[str, int] = field(init=False, compare=False, repr=False)
    """Fact id -> position, built from ``facts`` by every construction (a field given
    to ``__init__`` would be shared, stale, by ``dataclasses.replace``)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_fact_index", {fact.id: i for i, fact in enumerate(self.facts)})

    def fact(self, fact_id: str) -> Fact:
        return self.facts[self._fact_index[fact_id]]

    def position(self, fact_id: str) -> int:
        """Where the fact is in ``facts`` (the reader's current-fact index)."""
        return self._fact_index[fact_id]

    @property
    def divergences(self) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if f.status == "divergence")

    def count(self, status: SentenceStatus) -> int:
        return sum(1 for src in self.sources for s in src.sentences if s.status == status)

    def sentence(self, member: Member) -> Sentence:
        return self.sources[member.source].sentences[member.sentence]
