"""Which sentences of different sources report the same fact.

Every cross-source sentence pair is scored at once, as matrices: there is no
Python loop over pairs, so 10 articles of 200 sentences align in well under a
second.  The score is a logistic model over a handful of general signals
(IDF-weighted term overlap, overall and per word class; rapidfuzz similarity
of the normalised content; how a pair ranks among each sentence's
candidates; support through a third source or a sibling sentence; shared
quantities; position in the article).  Its weights are fitted by
``benchmarks/fit_alignment.py`` on hand-aligned real news clusters that are
not the demo articles, and stored in ``tui/data/alignment_model.json``.

Facts are then (in ``tui.facts``) the maximal groups of sentences whose cross-source pairs all
score above the threshold, so a summary sentence can belong to two facts and
one source can contribute several sentences to one fact.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

FloatMatrix = np.ndarray
SHORT_ARTICLE = 10.0
"""Sentences up to which an article counts as short (see ``late_in_short``)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """What alignment needs to know about one sentence."""

    source: int
    index: int
    terms: tuple[str, ...]
    classes: tuple[str, ...]
    """Word class of each term: P proper/entity, N noun, V verb, # number, O other."""
    quantities: tuple[str, ...]
    """Counted details as keys ("injured=270"), for exact-agreement evidence."""
    active: bool
    """False for boilerplate: it never aligns."""


@dataclass(frozen=True, slots=True)
class AlignmentModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float
    """Default link threshold (probability) chosen when the model was fitted."""


@cache
def default_model() -> AlignmentModel:
    raw = json.loads(resources.files("tui.data").joinpath("alignment_model.json").read_text("utf-8"))
    return AlignmentModel(
        features=tuple(raw["features"]),
        mean=tuple(raw["mean"]),
        scale=tuple(raw["scale"]),
        weights=tuple(raw["weights"]),
        intercept=float(raw["intercept"]),
        threshold=float(raw["threshold"]),
    )


@dataclass(frozen=True, slots=True)
class _Basis:
    """Matrices shared by several features, computed once."""

    n: int
    source: np.ndarray
    cross: np.ndarray
    """Boolean n×n: pair from different sources, both active."""
    cos: FloatMatrix
    shared: FloatMatrix
    class_cos: dict[str, FloatMatrix]
    lengths: np.ndarray
    position: np.ndarray
    lead: np.ndarray
    source_size: np.ndarray
    short_position: np.ndarray
    """Relative position damped by article length: a short article puts its facts
    up front, a long one spreads them, so lateness only counts in short ones."""


def _weight_matrix(units: Sequence[Unit]) -> tuple[FloatMatrix, np.ndarray, np.ndarray, list[str]]:
    """IDF-weighted term matrix over terms that occur in at least two active sentences.

    Terms seen once cannot be shared, so they are left out of the matrix (it
    stays small) but still count in each sentence's norm.
    """
    df: dict[str, int] = {}
    for u in units:
        if u.active:
            for t in set(u.terms):
                df[t] = df.get(t, 0) + 1
    active = sum(1 for u in units if u.active)
    idf = {t: math.log((active + 1) / (d + 0.5)) for t, d in df.items()}
    vocab = sorted(t for t, d in df.items() if d >= 2)
    column = {t: i for i, t in enumerate(vocab)}
    matrix = np.zeros((len(units), max(1, len(vocab))), dtype=np.float32)
    norms = np.zeros(len(units), dtype=np.float32)
    term_class: dict[str, str] = {}
    for row, u in enumerate(units):
        seen: set[str] = set()
        total = 0.0
        for t, c in zip(u.terms, u.classes, strict=True):
            if t in seen:
                continue
            seen.add(t)
            term_class.setdefault(t, c)
            w = idf.get(t, math.log(active + 1))
            total += w * w
            col = column.get(t)
            if col is not None:
                matrix[row, col] = w
        norms[row] = math.sqrt(total)
    classes = np.array([term_class.get(t, "O") for t in vocab] or ["O"])
    return matrix, norms, classes, vocab


def _gram(matrix: FloatMatrix) -> FloatMatrix:
    """``matrix @ matrix.T`` for a sparse sentence × term matrix, without the dense product.

    A sentence has a dozen terms out of thousands, so summing w·w over the
    sentence pairs that share each term is far cheaper than the dense matmul;
    it is still pure numpy (one ``bincount``), with no loop over pairs.
    """
    n = matrix.shape[0]
    term, row = np.nonzero(matrix.T)  # entries grouped by term
    if len(term) == 0:
        return np.zeros((n, n), dtype=np.float32)
    value = matrix[row, term].astype(np.float64)
    df = np.bincount(term, minlength=matrix.shape[1])
    start = np.cumsum(df) - df
    rep = df[term]
    left = np.repeat(np.arange(len(term)), rep)
    offset = np.arange(len(left)) - np.repeat(np.cumsum(rep) - rep, rep)
    right = start[term[left]] + offset
    flat = row[left] * n + row[right]
    out = np.bincount(flat, weights=value[left] * value[right], minlength=n * n)
    return out.reshape(n, n).astype(np.float32)


def _cosine(matrix: FloatMatrix, norms: np.ndarray) -> tuple[FloatMatrix, FloatMatrix]:
    shared = _gram(matrix)
    denom = np.outer(norms, norms)
    cos = np.divide(shared, denom, out=np.zeros_like(shared), where=denom > 0)
    np.fill_diagonal(cos, 0.0)
    return cos, shared


def _basis(units: Sequence[Unit]) -> _Basis:
    n = len(units)
    source = np.array([u.source for u in units])
    active = np.array([u.active for u in units])
    cross = (source[:, None] != source[None, :]) & active[:, None] & active[None, :]
    matrix, norms, classes, _ = _weight_matrix(units)
    cos, shared = _cosine(matrix, norms)
    class_cos = {}
    for c in "PNV#":
        sub = matrix[:, classes == c]
        sub_norms = np.sqrt((sub * sub).sum(1))
        class_cos[c], _ = _cosine(sub, sub_norms)
    counts = np.bincount(source, minlength=int(source.max()) + 1 if n else 1)
    order = np.zeros(n)
    seen: dict[int, int] = {}
    for i, u in enumerate(units):
        order[i] = seen.get(u.source, 0)
        seen[u.source] = int(order[i]) + 1
    size = counts[source].astype(float)
    return _Basis(
        n=n,
        source=source,
        cross=cross,
        cos=cos,
        shared=shared,
        class_cos=class_cos,
        lengths=np.log1p(np.array([len(set(u.terms)) for u in units], dtype=float)),
        position=order / np.maximum(size - 1, 1),
        lead=(order <= 1).astype(float),
        source_size=np.log(size),
        short_position=order / np.maximum(size - 1, 1) * SHORT_ARTICLE / np.maximum(size, SHORT_ARTICLE),
    )


def _per_source_rank(b: _Basis, cx: FloatMatrix) -> tuple[FloatMatrix, FloatMatrix]:
    """Row-relative score and rank of each candidate among its source's sentences."""
    best = np.zeros_like(cx)
    rank = np.zeros_like(cx)
    for s in np.unique(b.source):
        cols = np.where(b.source == s)[0]
        sub = cx[:, cols]
        best[:, cols] = sub.max(axis=1, keepdims=True)
        rank[:, cols] = (-sub).argsort(axis=1, kind="stable").argsort(axis=1, kind="stable") + 1
    rel = np.divide(cx, best, out=np.zeros_like(cx), where=best > 0)
    return rel, rank


def _features(units: Sequence[Unit], b: _Basis) -> Iterator[tuple[str, FloatMatrix]]:
    """Each feature as an n×n matrix, produced one at a time to keep memory flat."""
    cx = np.where(b.cross, b.cos, 0.0).astype(np.float32)
    yield "cos", cx
    yield "shared_mass", np.log1p(b.shared)
    rel, rank = _per_source_rank(b, cx)
    yield "relative", np.minimum(rel, rel.T)
    # support through a third source k: sum over k of cx[i, k] * cx[k, j]; cx is zero
    # inside a source, so k is automatically outside both i's and j's source
    yield "third_source", cx @ cx.T
    # support through a sibling sentence of the same source, one block per source
    within = np.zeros_like(cx)
    for s in np.unique(b.source):
        rows = np.where(b.source == s)[0]
        within[rows] = b.cos[np.ix_(rows, rows)] @ cx[rows]
    yield "same_source", np.maximum(within, within.T)
    yield "context", _context(units, cx)
    for c, name in (("N", "cos_noun"), ("V", "cos_verb"), ("#", "cos_number"), ("P", "cos_proper")):
        yield name, b.class_cos[c]
    yield "min_length", np.minimum.outer(b.lengths, b.lengths)
    yield "max_length", np.maximum.outer(b.lengths, b.lengths)
    yield "position_gap", np.abs(np.subtract.outer(b.position, b.position))
    yield "late_in_short", np.add.outer(b.short_position, b.short_position)
    yield "both_lead", np.outer(b.lead, b.lead)
    from rapidfuzz import fuzz, process  # here, so a cached analysis never loads it

    texts = [" ".join(sorted(set(u.terms))) for u in units]
    # terms are pre-sorted, so plain ratio is token_sort_ratio at a fraction of the cost
    yield "fuzzy", process.cdist(texts, texts, scorer=fuzz.ratio, dtype=np.float32, workers=-1) / 100.0
    yield "same_quantity", _shared_count([u.quantities for u in units])
    yield "entity_gap", _entity_gap(units)
    rt = rank.T
    yield "rank_best", 1.0 / np.maximum(np.minimum(rank, rt), 1)
    yield "rank_worst", 1.0 / np.maximum(np.maximum(rank, rt), 1)
    yield "base_rate", np.add.outer(b.source_size, b.source_size)


def _context(units: Sequence[Unit], cx: FloatMatrix) -> FloatMatrix:
    """Similarity of the neighbouring sentences: articles tell a story in a similar order."""
    n = len(units)
    idx = np.arange(n)
    same_prev = np.array([i > 0 and units[i - 1].source == units[i].source for i in range(n)])
    same_next = np.array([i + 1 < n and units[i + 1].source == units[i].source for i in range(n)])
    out = np.zeros_like(cx)
    for ok, shift in ((same_prev, -1), (same_next, 1)):
        rows = idx[ok]
        out[np.ix_(rows, rows)] = np.maximum(out[np.ix_(rows, rows)], cx[np.ix_(rows + shift, rows + shift)])
    return out


def _incidence(bags: Sequence[Sequence[str]]) -> FloatMatrix:
    vocab = sorted({t for bag in bags for t in bag})
    column = {t: i for i, t in enumerate(vocab)}
    m = np.zeros((len(bags), max(1, len(vocab))), dtype=np.float32)
    for row, bag in enumerate(bags):
        for t in bag:
            m[row, column[t]] = 1.0
    return m


def _shared_count(bags: Sequence[Sequence[str]]) -> FloatMatrix:
    m = _incidence(bags)
    return m @ m.T


def _entity_gap(units: Sequence[Unit]) -> FloatMatrix:
    """Jaccard distance of the entity sets: different actors suggest different facts."""
    m = _incidence([[t for t in u.terms if t.startswith("@")] for u in units])
    inter = m @ m.T
    count = m.sum(axis=1)
    union = np.add.outer(count, count) - inter
    return np.divide(union - inter, union, out=np.zeros_like(inter), where=union > 0)


def feature_table(units: Sequence[Unit]) -> tuple[np.ndarray, np.ndarray, FloatMatrix]:
    """Pairs (i < j, cross-source) and their raw feature rows; used to fit the model."""
    b = _basis(units)
    rows, cols = np.where(np.triu(b.cross, 1))
    columns = [m[rows, cols] for _, m in _features(units, b)]
    return rows, cols, np.stack(columns, axis=1) if columns else np.zeros((0, 0))


def feature_names() -> tuple[str, ...]:
    dummy = [Unit(0, 0, ("a",), ("O",), (), True), Unit(1, 0, ("a",), ("O",), (), True)]
    return tuple(name for name, _ in _features(dummy, _basis(dummy)))


def pair_scores(units: Sequence[Unit], model: AlignmentModel | None = None) -> FloatMatrix:
    """Probability that each cross-source pair reports the same fact (0 elsewhere)."""
    model = model or default_model()
    n = len(units)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    b = _basis(units)
    z = np.zeros((n, n), dtype=np.float32)
    offset = model.intercept
    index = {name: i for i, name in enumerate(model.features)}
    for name, matrix in _features(units, b):
        i = index.get(name)
        if i is None:
            continue
        coef = model.weights[i] / model.scale[i]
        z += np.float32(coef) * matrix.astype(np.float32, copy=False)
        offset -= coef * model.mean[i]
    z += np.float32(offset)
    z = 0.5 * (z + z.T)
    p = 1.0 / (1.0 + np.exp(-z))
    # sentences that share no term at all never report the same fact, however
    # well their positions or ranks line up (tiny articles have few candidates)
    return np.where(b.cross & (b.shared > 0), p, 0.0).astype(np.float32)


def sibling_similarity(units: Sequence[Unit]) -> FloatMatrix:
    """Term cosine between sentences of the same source (0 across sources).

    Used to decide whether two sentences of one article talk about the same
    thing, for conflicts within one source."""
    if not units:
        return np.zeros((0, 0), dtype=np.float32)
    matrix, norms, _, _ = _weight_matrix(units)
    cos, _ = _cosine(matrix, norms)
    source = np.array([u.source for u in units])
    return np.where(source[:, None] == source[None, :], cos, 0.0).astype(np.float32)


def sparse(matrix: FloatMatrix, floor: float) -> dict[int, dict[int, float]]:
    """The pairs scoring at least ``floor``, as ``{i: {j: score}}`` in both directions.

    Facts are built from these; nothing below the lowest threshold the reader
    offers is ever needed, and the sparse form needs no numpy to use.
    """
    out: dict[int, dict[int, float]] = {}
    rows, cols = np.nonzero(matrix >= floor)
    for i, j, v in zip(rows.tolist(), cols.tolist(), matrix[rows, cols].tolist(), strict=True):
        if i != j and v > 0:
            out.setdefault(i, {})[j] = round(v, 6)
    return out
