"""Inside each fact: which details agree and which conflict.

A fact is a *divergence* when two of its sources state the same kind of
detail differently: a count of the same thing ("270 injured" / "300
wounded"), the age of the same person, the day something happened, or the
places filling the same role ("the Schaerbeek district" / "the districts of
Schaerbeek and Jette").  Approximate wording is respected: "almost 300" does
not conflict with "300".  Conflicts between sentences of one source in one
fact are reported separately, as intra-source conflicts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from tui.details import Details, Quantity
from tui.model import Conflict, DetailValue, Difference, DifferenceKind


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


def compare_fact(
    members: Sequence[MemberDetails],
    place_key: Callable[[int, int, str], str],
) -> tuple[list[Difference], list[Conflict]]:
    """Differences across sources, and conflicts within one source, for one fact."""
    differences: list[Difference] = []
    conflicts: list[Conflict] = []

    # counts and ages, compared key by key
    by_key: dict[tuple[str, str], list[tuple[Quantity, _Item]]] = defaultdict(list)
    for m in members:
        for q in m.details.quantities:
            if q.key[0] == "age" and not q.key[1]:
                continue  # an age with no known owner cannot be compared
            by_key[q.key].append((q, _Item(m.source, m.sentence, q.start, q.end, m.text[q.start : q.end])))
    for key, entries in by_key.items():
        what = entries[0][0].what
        cross = [(a, b) for a, b in combinations(entries, 2) if a[1].source != b[1].source]
        if any(a[0].amount.conflicts(b[0].amount) for a, b in cross):
            differences.append(_difference("number", what, [e[1] for e in entries]))
        same = [
            (a, b) for a, b in combinations(entries, 2)
            if a[1].source == b[1].source and a[1].sentence != b[1].sentence
        ]
        for source in sorted({a[1].source for a, b in same if a[0].amount.conflicts(b[0].amount)}):
            items = _unique([e[1] for e in entries if e[1].source == source])
            conflicts.append(Conflict(source, "number", what, tuple(_value(i) for i in items)))
        del key

    # days of the week: sources naming only disjoint days for the same fact
    days: dict[int, list[_Item]] = defaultdict(list)
    for m in members:
        for d in m.details.dates:
            days[m.source].append(_Item(m.source, m.sentence, d.start, d.end, m.text[d.start : d.end]))
    if len(days) >= 2:
        sets = {s: {i.text.lower() for i in items} for s, items in days.items()}
        if any(not (sets[a] & sets[b]) for a, b in combinations(sets, 2)):
            differences.append(_difference("date", "day", [i for items in days.values() for i in items]))

    # places in the same role
    roles: dict[str, dict[int, list[_Item]]] = defaultdict(lambda: defaultdict(list))
    for m in members:
        for r in m.details.roles:
            roles[r.role][m.source].append(_Item(m.source, m.sentence, r.start, r.end, r.text))
    for role, per_source in roles.items():
        if len(per_source) < 2:
            continue
        keys = {s: {place_key(s, i.start, i.text) for i in items} for s, items in per_source.items()}
        if any(keys[a] != keys[b] for a, b in combinations(keys, 2)):
            differences.append(
                _difference("entity", role, [i for items in per_source.values() for i in items])
            )
    return differences, conflicts


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
