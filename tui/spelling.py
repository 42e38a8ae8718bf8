"""Words that are one spelling apart (Schaerbeek / Schaarbeek, Maalbeek / Maelbeek).

Both the alignment terms and the entity list fold such spellings.  Words are
compared in bulk with rapidfuzz, and only within the same first letter: a
spelling variant keeps its initial, and grouping by it makes the comparison
some twenty times cheaper than all against all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence


def spelling_groups(words: Sequence[str], cutoff: float, metric: str = "levenshtein") -> list[list[str]]:
    """Groups (of two or more) of the given words whose similarity reaches ``cutoff``.

    ``metric`` is "levenshtein" (normalised Levenshtein, 0..1) or "indel"
    (rapidfuzz's ``fuzz.ratio``, 0..100).  Similarity is made transitive.
    """
    from rapidfuzz import fuzz, process  # imported on first use: a cached analysis never needs it
    from rapidfuzz.distance import Levenshtein

    scorer: Callable = Levenshtein.normalized_similarity if metric == "levenshtein" else fuzz.ratio
    by_initial: dict[str, list[str]] = defaultdict(list)
    for w in sorted(set(words)):
        if w:
            by_initial[w[0]].append(w)
    out: list[list[str]] = []
    for group in by_initial.values():
        if len(group) < 2:
            continue
        sim = process.cdist(group, group, scorer=scorer, score_cutoff=cutoff, workers=1)
        parent = list(range(len(group)))
        rows, cols = (sim > 0).nonzero()
        for a, b in zip(rows.tolist(), cols.tolist(), strict=True):
            if a < b:
                parent[_find(parent, a)] = _find(parent, b)
        clusters: dict[int, list[str]] = defaultdict(list)
        for i, w in enumerate(group):
            clusters[_find(parent, i)].append(w)
        out.extend(c for c in clusters.values() if len(c) > 1)
    return out


def _find(parent: list[int], x: int) -> int:
    """Union-find root, halving the path as it goes."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
