"""The alignment's features, computed article pair by article pair and a slice of rows at
a time, against the plain whole-matrix formulas they stand for.

The whole n×n matrices are what the block-wise code avoids (one long article made them
gigabytes); here, on a few dozen sentences, they are the reference.
"""

from __future__ import annotations

import numpy as np
import pytest

from tui import align
from tui.align import Unit, feature_table, score_links

WORDS = [f"w{k}" for k in range(40)]


def articles(seed: int, sizes: tuple[int, ...]) -> list[Unit]:
    """Random sentences over a small vocabulary, so that many pairs share terms; a few
    are boilerplate, and one sentence of each article has no terms at all."""
    rng = np.random.default_rng(seed)
    units = []
    for source, size in enumerate(sizes):
        for index in range(size):
            count = 0 if index == size - 1 else int(rng.integers(2, 8))
            terms = tuple(rng.choice(WORDS, size=count, replace=False).tolist())
            classes = tuple(rng.choice(["P", "N", "V", "#", "O"], size=count).tolist())
            units.append(Unit(source, index, terms, classes, (), bool(rng.random() > 0.1)))
    return units


def dense_reference(units: list[Unit]) -> dict[str, np.ndarray]:
    """cos, third-source and sibling support, and context, from whole matrices."""
    t = align._term_matrix(units)
    n = len(units)
    source = np.array([u.source for u in units])
    active = np.array([u.active for u in units])
    shared = t.matrix.astype(np.float64) @ t.matrix.T.astype(np.float64)
    floored = np.maximum(t.norms.astype(np.float64), 1e-6)
    cos = shared / np.outer(floored, floored)
    np.fill_diagonal(cos, 0.0)
    cross = (source[:, None] != source[None, :]) & active[:, None] & active[None, :]
    cx = np.where(cross, cos, 0.0)
    same = source[:, None] == source[None, :]
    within = np.where(same, cos, 0.0) @ cx
    rows, cols = np.nonzero(np.triu((shared > 0) & cross, 1))
    first = np.array([k == 0 or source[k - 1] != source[k] for k in range(n)])
    last = np.array([k == n - 1 or source[k + 1] != source[k] for k in range(n)])
    context = np.zeros(len(rows))
    for k, (i, j) in enumerate(zip(rows, cols, strict=True)):
        if not first[i] and not first[j]:
            context[k] = cx[i - 1, j - 1]
        if not last[i] and not last[j]:
            context[k] = max(context[k], cx[i + 1, j + 1])
    return {
        "rows": rows,
        "cols": cols,
        "cos": cx[rows, cols],
        "shared_mass": np.log1p(shared[rows, cols]),
        "third_source": (cx @ cx.T)[rows, cols],
        "same_source": np.maximum(within[rows, cols], within[cols, rows]),
        "context": context,
        "own": np.where(same, cos, 0.0),
    }


@pytest.mark.parametrize("sizes", [(7, 9), (5, 11, 6), (4, 3, 8, 5)])
def test_block_features_equal_the_whole_matrix_formulas(monkeypatch, sizes):
    monkeypatch.setattr(align, "ROW_CHUNK", 3)  # several slices per article, one ragged
    units = articles(len(sizes), sizes)
    reference = dense_reference(units)
    rows, cols, table = feature_table(units)
    assert np.array_equal(rows, reference["rows"]) and np.array_equal(cols, reference["cols"])
    names = align.feature_names()
    for name in ("cos", "shared_mass", "third_source", "same_source", "context"):
        assert np.allclose(table[:, names.index(name)], reference[name], atol=1e-5), name


def test_siblings_sliced_by_rows_are_the_mutual_best_of_the_whole_matrix(monkeypatch):
    monkeypatch.setattr(align, "ROW_CHUNK", 4)
    units = articles(7, (30, 5))
    own = dense_reference(units)["own"]
    _, siblings = score_links(units, 1.0, 0.2)
    block = own[:30, :30]
    best = np.argsort(-block, axis=1, kind="stable")[:, : align.MOST_LINKS]
    among = np.zeros_like(block, dtype=bool)
    np.put_along_axis(among, best, True, axis=1)
    expected = {
        (i, j)
        for i in range(30)
        for j in range(i + 1, 30)
        if block[i, j] >= 0.2 and among[i, j] and among[j, i]
    }
    found = {(i, j) for i, row in siblings.items() for j in row if i < j}
    # ties at the MOST_LINKS-th place may go either way in a partial sort
    kth = np.sort(block, axis=1)[:, -align.MOST_LINKS]
    tied = {(i, j) for i in range(30) for j in range(30) if block[i, j] == kth[i] or block[j, i] == kth[j]}
    assert found - tied == expected - tied
    assert expected, "the example must have siblings to compare"
