"""Inside each fact: which details agree and which conflict.

A fact is a *divergence* when two of its sources state the same kind of
detail differently: a count of the same thing ("270 injured" / "300
wounded"), the age of the same person, the day something happened, the
places filling the same role ("the Schaerbeek district" / "the districts of
Schaerbeek and Jette"), or who said the same words.  Approximate wording is
respected: "almost 300" does not conflict with "300".  Conflicts between
sentences of one source in one fact are reported separately, as intra-source
conflicts.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import combinations
from typing import TypeVar

from tui.details import HOME, DateMention, Details, PersonMention, Quantity, TimeMention, dates_differ, one_name
from tui.lexicon import COUNT_CATEGORIES
from tui.model import Conflict, DetailValue, Difference, DifferenceKind
from tui.numbers import ADDITIONAL


@dataclass(frozen=True, slots=True)
class MemberDetails:
    source: int
    sentence: int
    details: Details
    text: str
    """The source's full text, to quote each detail's wording."""


@dataclass(frozen=True, slots=True)
class _Item:
    source: int
    sentence: int
    start: int
    end: int
    text: str


def _value(item: _Item) -> DetailValue:
    return DetailValue(item.source, item.sentence, item.text, item.start, item.end)


@dataclass(frozen=True, slots=True)
class Setting:
    """What the whole set of articles says that one sentence cannot."""

    current_year: str = ""
    """The year of the articles' event (see ``details.latest_year``): figures of other
    years named on their own are history."""
    shared_surnames: frozenset[str] = frozenset()
    """Surnames the articles give to more than one person ("Gary Gomes" and his mother
    "Catherine Gomes"): an age given to the surname alone is then anyone's."""


Linked = Callable[[tuple[int, int], tuple[int, int]], bool]
"""Whether two sentences (source, index) report the same thing confidently enough
for a conflict between them to be believed."""


def compare_fact(
    members: Sequence[MemberDetails],
    place_key: Callable[[int, int, str], str],
    linked: Linked = lambda a, b: True,
    setting: Setting = Setting(),
) -> list[Difference]:
    """Details that differ between sources of one fact.

    A conflict is only reported between two sentences that ``linked`` vouches
    for: a divergence claim needs more confidence than an agreement, since a
    loosely aligned pair will differ in many details for innocent reasons.
    """
    differences: list[Difference] = []

    def vouched(a: _Item, b: _Item) -> bool:
        return a.source != b.source and linked((a.source, a.sentence), (b.source, b.sentence))

    # counts and ages, compared key by key
    by_key: dict[tuple[str, str], list[tuple[Quantity, _Item]]] = defaultdict(list)
    for m in members:
        for q in m.details.quantities:
            if q.key[0] == "age" and not q.key[1]:
                continue  # an age with no known owner cannot be compared
            by_key[q.key].append((q, _Item(m.source, m.sentence, q.start, q.end, m.text[q.start : q.end])))
    for key, entries in by_key.items():
        what = entries[0][0].what
        # a story may give several lengths or durations (two climbers' falls, a sentence and
        # the time served): a figure the other source also gives is another one, not a conflict
        several = key[0] in SEVERAL
        listed = _sentence_values(entries)
        # the figures of the pairs that conflict, not every figure of the kind: "two people"
        # arrested by German police is no side of Belgian police's six against three
        clashing = [
            item
            for a, b in combinations(entries, 2)
            if vouched(a[1], b[1]) and _counts_conflict(a[0], b[0], setting) and _same_actor(a[0], b[0])
            and not (several and (_also_given(entries, a[0], b[1].source) or _also_given(entries, b[0], a[1].source)))
            and not _listed_beside(listed, a, b)
            for item in (a[1], b[1])
        ]
        if clashing:
            differences.append(_difference("number", what, clashing))

    # dates: the same event (clauses sharing a content word) on different days
    dated = [
        (d, _Item(m.source, m.sentence, d.start, d.end, m.text[d.start : d.end]))
        for m in members
        for d in m.details.dates
    ]
    clashing = _event_clashes(
        dated, lambda a, b: bool(dates_differ(a.key, b.key)), lambda c, a: _confirms(c.key, a.key), vouched
    )
    if clashing:
        differences.append(_difference("date", "day", clashing))

    # times of day: ranges that cannot both hold, unless the other source also gives a matching one
    timed = [
        (t, _Item(m.source, m.sentence, t.time.start, t.time.end, m.text[t.time.start : t.time.end]))
        for m in members
        for t in m.details.times
    ]
    clashing = _event_clashes(
        timed,
        lambda a, b: a.time.conflicts(b.time),
        lambda c, a: c.time.zone == a.time.zone and not c.time.conflicts(a.time),
        vouched,
    )
    if clashing:
        differences.append(_difference("date", "time", clashing))

    # places in the same role
    roles: dict[str, dict[int, list[_Item]]] = defaultdict(lambda: defaultdict(list))
    for m in members:
        for r in m.details.roles:
            roles[r.role][m.source].append(_Item(m.source, m.sentence, r.start, r.end, r.text))
    for role, per_source in roles.items():
        if len(per_source) < 2:
            continue
        keys = {s: {place_key(s, i.start, i.text) for i in items} for s, items in per_source.items()}
        # overlapping but unequal sets ("Schaerbeek" vs "Schaerbeek and Jette"); disjoint
        # places usually mean two different events were aligned, not a conflict
        home = role.startswith(HOME)
        if any(
            keys[a] != keys[b] and (keys[a].isdisjoint(keys[b]) if home else keys[a] & keys[b])
            and any(vouched(x, y) for x in per_source[a] for y in per_source[b])
            for a, b in combinations(keys, 2)
        ):
            differences.append(
                _difference("entity", role, [i for items in per_source.values() for i in items])
            )
    # who: the same words credited to different people
    swapped: dict[tuple[int, int], _Item] = {}
    speaking = [m for m in members if m.details.people]
    for a, b in combinations(speaking, 2):
        if a.source == b.source or not linked((a.source, a.sentence), (b.source, b.sentence)):
            continue
        for p, q in _swapped_people(a.details, b.details):
            swapped[(a.source, p.start)] = _Item(a.source, a.sentence, p.start, p.end, p.text)
            swapped[(b.source, q.start)] = _Item(b.source, b.sentence, q.start, q.end, q.text)
    if swapped:
        differences.append(_difference("entity", "person", list(swapped.values())))
    return differences


SAME_WORDING = 0.7
"""Similarity (difflib's ratio: matched words over both lengths) above which two
sentences, names blanked, are one wording.  difflib, not rapidfuzz: facts are rebuilt
from the cache without loading the alignment's libraries."""
SAME_NAME = 0.8
"""Similarity of two names (or surnames) taken for one spelled two ways ("Raite" / "Rait",
"Moammar Gadhafi" / "Muammar Qaddafi")."""


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _same_person(p: PersonMention, q: PersonMention) -> bool:
    ours, theirs = set(p.words), set(q.words)
    return (
        ours <= theirs or theirs <= ours  # "Xi" / "Xi Jinping"
        or _similarity(p.words[-1], q.words[-1]) >= SAME_NAME
        or _similarity(" ".join(p.words), " ".join(q.words)) >= SAME_NAME
    )


def _swapped_people(a: Details, b: Details) -> list[tuple[PersonMention, PersonMention]]:
    """People in the same place of two largely identical sentences who are not one person.

    Only a sentence most of whose words two sources share is compared (a quote attributed
    to "A.J. Smith" in one and "A.J. Butler" in the other; a statement retold with its
    figures changed, credited to the undersheriff in one and the sheriff in the other), and
    only names that line up: looser paraphrases, or a name one source has and the other
    leaves out, differ for innocent reasons.  On the 273 corpus clusters 0.6 and 0.7 find
    the same two conflicts (0.85 misses the retold one); from 0.5 down, sentences that
    merely share a frame ("..., Palin spokesman Bill McAllister said") start to match."""
    shorter, longer = sorted((len(a.wording), len(b.wording)))
    if not (a.people and b.people) or shorter < 6 or 2 * shorter < SAME_WORDING * (shorter + longer):
        return []
    matcher = SequenceMatcher(None, a.wording, b.wording, autojunk=False)
    # the cheap upper bounds first: most pairs of a fact are not one wording
    if matcher.quick_ratio() < SAME_WORDING or matcher.ratio() < SAME_WORDING:
        return []
    pairs = []
    for i, j, size in matcher.get_matching_blocks():
        for p in a.people:
            if i <= p.first < i + size:
                at = j + p.first - i
                q = next((q for q in b.people if q.first <= at < q.last), None)
                if q is None or _same_person(p, q):
                    continue
                # a name the other sentence also has is not replaced: "Jenna Coleman, who plays
                # Clara, said" / "Jenna Coleman said", or "Smith told Jones" / "Jones told Smith"
                if not any(_same_person(q, o) for o in a.people) and not any(_same_person(p, o) for o in b.people):
                    pairs.append((p, q))
    return pairs


def _counts_conflict(a: Quantity, b: Quantity, setting: Setting) -> bool:
    """Whether two counts of one thing cannot both hold.

    Figures of different years never do (a figure of the setting's current year
    is the day's news like one with no year).  A count of some nationality ("one English
    climber") is part of a count of all ("two climbers"): it conflicts only by
    outnumbering it; counts of different nationalities are of different parts."""
    if {a.era, b.era} - {"", setting.current_year} and a.era != b.era:
        return False  # history ("the 2004 tsunami killed 230,000") and the day's toll
    x, y = a.amount, b.amount
    if x.qualifier == y.qualifier and x.qualifier in ADDITIONAL:
        # "seven other members" / "three other members": the same addition, told twice
        x, y = replace(x, qualifier=""), replace(y, qualifier="")
    if a.key[0] == "age":  # "Gary Gomes, 35" and his mother "Catherine Gomes, 61"
        if a.group and b.group:
            return one_name(a.group, b.group) and x.conflicts(y)
        if a.group != b.group and a.key[1] in setting.shared_surnames:
            return False
        return x.conflicts(y)
    if a.group == b.group:
        return x.conflicts(y)
    if (a.group and b.group) or x.qualifier in ADDITIONAL or y.qualifier in ADDITIONAL:
        return False
    part, whole = (x, y) if a.group else (y, x)
    return part.low > whole.high


def _same_actor(a: Quantity, b: Quantity) -> bool:
    """Whether two counts may be of one event: not when different nations' forces made them."""
    return not a.actor or not b.actor or a.actor == b.actor


HEAD_COUNTS = frozenset(COUNT_CATEGORIES.values()) - {"magnitude"}
"""Counts of people (killed, injured, arrested...): an article gives one toll of an event,
where it may well give several sums of money, percentages, lengths or durations."""


SEVERAL = frozenset(("distance", "duration", "temperature", "weight"))
"""Kinds of figure one story often gives more than one of."""


def _also_given(entries: list[tuple[Quantity, _Item]], q: Quantity, source: int) -> bool:
    return any(item.source == source and not other.amount.conflicts(q.amount) for other, item in entries)


def _sentence_values(entries: list[tuple[Quantity, _Item]]) -> dict[tuple[int, int], list[Quantity]]:
    """Each sentence's figures of one kind."""
    per: dict[tuple[int, int], list[Quantity]] = defaultdict(list)
    for q, item in entries:
        per[(item.source, item.sentence)].append(q)
    return per


def _listed_beside(
    per: dict[tuple[int, int], list[Quantity]], a: tuple[Quantity, _Item], b: tuple[Quantity, _Item]
) -> bool:
    """Whether one sentence lists the other's figure beside its own ("$1,099 for the
    13-inch and $1,799 for the 15-inch" against "the 15-inch starts at $1,799"): its
    own figure is then another item of the list, not another value of the same item.
    Items are matched one by one, so "46 KOs" against "47 KOs" still conflicts when
    both sentences also give the opponent's "36 KOs"."""
    (qa, ia), (qb, ib) = a, b
    return any(_same_figure(v, qb) for v in per[(ia.source, ia.sentence)]) or any(
        _same_figure(v, qa) for v in per[(ib.source, ib.sentence)]
    )


def _same_figure(a: Quantity, b: Quantity) -> bool:
    """Two statements of one figure: a count could satisfy both, and neither is open-ended.
    An addition ("two other bombs") restates no figure, and "at least 11 at the airport"
    is no item matching a toll of 31: anything above 11 would match it."""
    x, y = a.amount, b.amount
    if {x.qualifier, y.qualifier} & ADDITIONAL or not (math.isfinite(x.high) and math.isfinite(y.high)):
        return False
    return not x.conflicts(y)


Mention = TypeVar("Mention", DateMention, TimeMention)


def _event_clashes(
    mentions: list[tuple[Mention, _Item]],
    differ: Callable[[Mention, Mention], bool],
    confirms: Callable[[Mention, Mention], bool],
    vouched: Callable[[_Item, _Item], bool],
) -> list[_Item]:
    """Mentions of one event (clauses sharing a content word: ``.event``) that ``differ``
    between vouched sentences, unless the other source also gives one that ``confirms``
    the first for the same event (it then told of two moments, not another one)."""
    clashing: list[_Item] = []
    for (a, ia), (b, ib) in combinations(mentions, 2):
        if differ(a, b) and a.event & b.event and vouched(ia, ib):
            agrees = any(
                confirms(c, a) and c.event & b.event and ic.source == ib.source for c, ic in mentions
            ) or any(confirms(c, b) and c.event & a.event and ic.source == ia.source for c, ic in mentions)
            if not agrees:
                clashing += [ia, ib]
    return clashing


def _confirms(key: str, claimed: str) -> bool:
    """Whether a date agrees with a claimed one at least as precisely ("03" does not
    confirm "03-20", which may still conflict with "03-21")."""
    return dates_differ(key, claimed) is False and len(key) >= len(claimed)


def source_conflicts(
    source: int,
    details: Sequence[Details],
    text: str,
    related: Callable[[int, int], bool],
    setting: Setting = Setting(),
) -> list[Conflict]:
    """One article stating the same count two ways ("270 injured" … "300 wounded").

    Only sentences that ``related`` says are about the same thing are
    compared, and only counts of people of a known kind (deaths, injuries,
    arrests…), since an article may well give the size of two different crowds.
    """
    by_key: dict[tuple[str, str], list[tuple[Quantity, int]]] = defaultdict(list)
    for k, d in enumerate(details):
        for q in d.quantities:
            if q.key[0] in HEAD_COUNTS:
                by_key[q.key].append((q, k))
    out = []
    for entries in by_key.values():
        clashing: list[_Item] = []
        for (qa, a), (qb, b) in combinations(entries, 2):
            if (
                a != b and _counts_conflict(qa, qb, setting) and _same_actor(qa, qb)
                and related(a, b)
            ):
                clashing += [
                    _Item(source, a, qa.start, qa.end, text[qa.start : qa.end]),
                    _Item(source, b, qb.start, qb.end, text[qb.start : qb.end]),
                ]
        if clashing:
            items = sorted(_unique(clashing), key=lambda i: (i.sentence, i.start))
            out.append(Conflict(source, "number", entries[0][0].what, tuple(_value(i) for i in items)))
    return out


def _unique(items: list[_Item]) -> list[_Item]:
    seen = set()
    out = []
    for i in items:
        k = (i.source, i.sentence, i.start)
        if k not in seen:
            seen.add(k)
            out.append(i)
    return out


def _difference(kind: DifferenceKind, what: str, items: list[_Item]) -> Difference:
    items = sorted(_unique(items), key=lambda i: (i.source, i.sentence, i.start))
    return Difference(kind, what, tuple(_value(i) for i in items))
