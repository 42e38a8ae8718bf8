"""Facts from links: the maximal groups of sentences that all report the same thing.

Pure Python over a sparse link map, so re-grouping at a new threshold (the
reader's stricter / looser keys) or from a cached analysis needs neither
numpy nor spaCy.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

Links = Mapping[int, Mapping[int, float]]
"""Pair scores, ``links[i][j]``, present in both directions; absent means 0."""


@dataclass(frozen=True, slots=True)
class FactDraft:
    members: tuple[int, ...]
    """Unit indexes, sorted."""
    score: float


def group_facts(sources: Sequence[int], links: Links, threshold: float) -> list[FactDraft]:
    """Maximal groups whose cross-source pairs all link.

    ``sources[i]`` is the source of unit ``i``.  Groups are the maximal
    cliques of the link graph (at most one sentence per source); cliques
    sharing a member then merge whenever the result is still fully linked
    across sources, which lets one source contribute several sentences to a
    fact without adding a single link that did not pass.
    """
    adjacency: dict[int, set[int]] = {}
    for a, row in links.items():
        for c, score in row.items():
            if score >= threshold and sources[a] != sources[c]:
                adjacency.setdefault(a, set()).add(c)
                adjacency.setdefault(c, set()).add(a)
    cliques = [sorted(c) for c in _maximal_cliques(adjacency)]

    def mean_score(members: Sequence[int]) -> float:
        vals = [
            links[a].get(c, 0.0)
            for k, a in enumerate(members)
            for c in members[k + 1 :]
            if sources[a] != sources[c]
        ]
        return sum(vals) / len(vals) if vals else 0.0

    cliques.sort(key=lambda c: (-mean_score(c), c))
    merged: list[set[int]] = []
    for clique in cliques:
        for group in merged:
            if group & set(clique) and _fully_linked(group | set(clique), adjacency, sources):
                group.update(clique)
                break
        else:
            merged.append(set(clique))
    return [FactDraft(tuple(sorted(g)), mean_score(sorted(g))) for g in merged]


def _fully_linked(group: set[int], adjacency: dict[int, set[int]], sources: Sequence[int]) -> bool:
    items = sorted(group)
    return all(
        c in adjacency.get(a, ())
        for k, a in enumerate(items)
        for c in items[k + 1 :]
        if sources[a] != sources[c]
    )


def _maximal_cliques(adjacency: dict[int, set[int]]) -> Iterator[set[int]]:
    """Bron–Kerbosch with pivoting; the link graph is sparse, so this is cheap."""
    stack: list[tuple[set[int], set[int], set[int]]] = [(set(), set(adjacency), set())]
    while stack:
        r, p, x = stack.pop()
        if not p and not x:
            if len(r) >= 2:
                yield r
            continue
        pivot = max(p | x, key=lambda v: len(adjacency[v] & p))
        for v in list(p - adjacency[pivot]):
            stack.append((r | {v}, p & adjacency[v], x & adjacency[v]))
            p = p - {v}
            x = x | {v}
