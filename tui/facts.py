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
    covered: set[tuple[int, int]] = set()
    drafts: list[FactDraft] = []
    for _, a, c in edges:
        if (a, c) in covered:
            continue
        group = [a, c]
        # candidates linked to every member of another source, with their summed link scores
        fit: dict[int, list[float]] = {}
        for x in (adjacency[a] | adjacency[c]) - {a, c}:
            total, count = 0.0, 0
            for m in (a, c):
                if sources[m] != sources[x]:
                    if x not in adjacency[m]:
                        break
                    total += links[x][m]
                    count += 1
            else:
                fit[x] = [total, count]
        while fit:
            best = max(fit, key=lambda x: (fit[x][0] / fit[x][1], -x))
            del fit[best]
            if sum(1 for m in group if sources[m] == sources[best]) >= PER_SOURCE:
                continue
            group.append(best)
            for x in list(fit):
                if sources[x] != sources[best]:
                    if x in adjacency[best]:
                        fit[x][0] += links[x][best]
                        fit[x][1] += 1
                    else:
                        del fit[x]
        members = sorted(group)
        pairs = [(m, n) for k, m in enumerate(members) for n in members[k + 1 :] if sources[m] != sources[n]]
        covered.update(pairs)
        score = sum(links[m][n] for m, n in pairs) / len(pairs)
        drafts.append(FactDraft(tuple(members), score))
    return drafts
