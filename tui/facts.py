"""Facts from links: the maximal groups of sentences that all report the same thing.

Pure Python over a sparse link map, so re-grouping at a new threshold (the
reader's stricter / looser keys) or from a cached analysis needs neither
numpy nor spaCy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Links = Mapping[int, Mapping[int, float]]
"""Pair scores, ``links[i][j]``, present in both directions; absent means 0."""

PER_SOURCE = 2
"""Most sentences one source brings to a fact: a summary sentence elsewhere may
cover two of its sentences, but a broad lead sentence that links to eight
sentences of another outlet is not one fact with them; those links are kept
in facts of their own instead."""


@dataclass(frozen=True, slots=True)
class FactDraft:
    members: tuple[int, ...]
    """Unit indexes, sorted."""
    score: float


def group_facts(sources: Sequence[int], links: Links, threshold: float) -> list[FactDraft]:
    """Groups of sentences whose cross-source pairs all link, covering every link.

    ``sources[i]`` is the source of unit ``i``.  Links are taken strongest
    first; a link not yet inside a fact seeds one, which then takes in, best
    first, every sentence linked to all of its members from other sources,
    up to ``PER_SOURCE`` sentences from each source.  So a summary sentence
    can join two facts, one source can contribute two sentences to a fact
    (one covering what the other outlet says in one), and the facts'
    cross-source pairs are exactly the links above the threshold: no pair is
    linked that did not pass, none that passed is lost.  Cost grows with the number of links, not
    with the number of possible groups (enumerating maximal cliques explodes
    when many outlets cover the same story).
    """
    adjacency: dict[int, set[int]] = {}
    edges: list[tuple[float, int, int]] = []
    for a, row in links.items():
        for c, score in row.items():
            if score >= threshold and sources[a] != sources[c]:
                adjacency.setdefault(a, set()).add(c)
                if a < c:
                    edges.append((score, a, c))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    # per unit, the drafts it is in: a link is covered when both its ends share one
    facts_of: dict[int, set[int]] = {}
    drafts: list[FactDraft] = []
    for _, a, c in edges:
        if a in facts_of and c in facts_of and not facts_of[a].isdisjoint(facts_of[c]):
            continue
        group = [a, c]
        # candidates linked to every member of another source, with their summed link scores
        fit: dict[int, list[float]] = {}
        near_a, near_c = adjacency[a], adjacency[c]
        row_a, row_c = links[a], links[c]
        for x in near_a & near_c:  # a third source's sentence linked to both
            fit[x] = [row_a[x] + row_c[x], 2]
        if PER_SOURCE > 1:
            sa, sc = sources[a], sources[c]
            for x in near_c:  # a second sentence of a's source, linked to c
                if sources[x] == sa and x != a:
                    fit[x] = [row_c[x], 1]
            for x in near_a:
                if sources[x] == sc and x != c:
                    fit[x] = [row_a[x], 1]
        taken = {sources[a]: 1, sources[c]: 1}
        while fit:
            best = max(fit, key=lambda x: (fit[x][0] / fit[x][1], -x))
            del fit[best]
            source = sources[best]
            group.append(best)
            taken[source] = taken.get(source, 0) + 1
            full = taken[source] >= PER_SOURCE
            for x in list(fit):
                if sources[x] == source:
                    if full:  # that source has given all it may
                        del fit[x]
                elif x in adjacency[best]:
                    fit[x][0] += links[x][best]
                    fit[x][1] += 1
                else:
                    del fit[x]
        members = sorted(group)
        total, count = 0.0, 0
        for k, m in enumerate(members):
            row = links[m]
            for n in members[k + 1 :]:
                if sources[m] != sources[n]:
                    total += row[n]
                    count += 1
        for m in members:
            facts_of.setdefault(m, set()).add(len(drafts))
        drafts.append(FactDraft(tuple(members), total / count))
    return drafts
