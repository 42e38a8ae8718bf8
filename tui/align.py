"""Which sentences of different sources report the same fact.

Every cross-source sentence pair is scored in bulk with numpy, with no Python
loop over pairs.  Only *candidate* pairs are scored: two sentences that share
no term at all never report the same fact, and in real articles fewer than
one pair in ten shares one, so features are computed as arrays over the
candidates.  Whole matrices are kept only across two articles (a sentence's
best match in the other, support through a third source); an article's
similarity to itself, needed for support through a sibling sentence, is taken
a slice of rows at a time, so one long article costs memory in proportion to
its length times the others', not to its length squared.

The score is a logistic model over general signals: IDF-weighted term
overlap, overall and per word class; rapidfuzz similarity of the normalised
content (``process.cpdist``, one bulk call); how a pair ranks among each
sentence's candidates; support through a third source or a sibling
sentence; shared counts; entity overlap; position in the article.  Its
weights are fitted by ``benchmarks/fit_alignment.py`` on hand-aligned real
news clusters that are not the demo articles, and stored in
``tui/data/alignment_model.json``.  Facts are then built from the scored
pairs by :mod:`tui.facts`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, partial

import numpy as np

from tui.data import ALIGNMENT_MODEL

FloatMatrix = np.ndarray
PARALLEL_PAIRS = 2000
"""Candidate pairs from which rapidfuzz's bulk comparison runs on every core."""
CLASS_CODES = {"P": 1, "N": 2, "V": 3, "#": 4}
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
    raw = json.loads(ALIGNMENT_MODEL.read_text("utf-8"))
    return AlignmentModel(
        features=tuple(raw["features"]),
        mean=tuple(raw["mean"]),
        scale=tuple(raw["scale"]),
        weights=tuple(raw["weights"]),
        intercept=float(raw["intercept"]),
        threshold=float(raw["threshold"]),
    )


# ----------------------------------------------------------------- term matrix
@dataclass(frozen=True, slots=True)
class _Terms:
    """IDF-weighted sentence × term matrix over the terms two or more sentences share."""

    matrix: FloatMatrix
    rows: np.ndarray
    columns: np.ndarray
    codes: np.ndarray
    """The matrix's non-zero entries (sentence, term) with each occurrence's word
    class as a code: a word can be a noun here and a verb there."""
    norms: np.ndarray
    """Each sentence's norm over all its terms (including ones no other sentence has)."""


def _term_matrix(units: Sequence[Unit]) -> _Terms:
    """IDF weights of the terms that occur in at least two active sentences.

    Terms seen once cannot be shared, so they are left out of the matrix (it
    stays narrow) but still count in each sentence's norm.  The matrix is
    dense: a BLAS product of it is faster, and far lighter, than enumerating
    every pair of sentences that share a common word.
    """
    df: dict[str, int] = {}
    for u in units:
        if u.active:
            for t in set(u.terms):
                df[t] = df.get(t, 0) + 1
    active = sum(1 for u in units if u.active)
    idf = {t: math.log((active + 1) / (d + 0.5)) for t, d in df.items()}
    unseen = math.log(active + 1)
    column = {t: i for i, t in enumerate(sorted(t for t, d in df.items() if d >= 2))}
    matrix = np.zeros((len(units), max(1, len(column))), dtype=np.float32)
    entries: list[tuple[int, int, int]] = []
    norms = np.zeros(len(units), dtype=np.float32)
    for row, u in enumerate(units):
        seen: set[str] = set()
        total = 0.0
        for t, c in zip(u.terms, u.classes, strict=True):
            if t in seen:
                continue
            seen.add(t)
            w = idf.get(t, unseen)
            total += w * w
            col = column.get(t)
            if col is not None:
                matrix[row, col] = w
                entries.append((row, col, CLASS_CODES.get(c, 0)))
        norms[row] = math.sqrt(total)
    table = np.array(entries, dtype=np.int64).reshape(-1, 3)
    return _Terms(matrix, table[:, 0], table[:, 1], table[:, 2], norms)


# ---------------------------------------------------------------------- basis
ROW_CHUNK = 1024
"""Rows of one article's own similarity matrix computed at a time: an article of 8,000
sentences never holds its 8,000 × 8,000 matrix (256 MB), only a slice of it."""


@dataclass(frozen=True, slots=True)
class _Basis:
    n: int
    source: np.ndarray
    blocks: list[slice]
    """Each article's sentences, in order; "block" below is an index into this list."""
    block_of: np.ndarray
    active: np.ndarray
    terms: _Terms
    floored: np.ndarray
    """Each sentence's norm, floored away from zero (a sentence without terms has no
    shared mass, so the floor changes nothing but the division)."""
    cross: dict[tuple[int, int], FloatMatrix]
    """Term cosine between two articles' active sentences (block p < block q), zero where
    either is boilerplate.  Only pairs across articles are ever kept whole: within one
    article the similarity is needed a row slice at a time (:func:`_own_rows`)."""
    rows: np.ndarray
    cols: np.ndarray
    """Candidate pairs: i < j, different sources, both active, at least one shared term."""
    shared: np.ndarray
    """Shared IDF mass of each candidate pair."""
    own: dict[int, _Own] = field(default_factory=dict)
    """What each block's similarity to itself yields, filled by :func:`_own` on first use."""

    def block(self, p: int, q: int) -> FloatMatrix:
        """The cross cosine of block ``p``'s sentences (rows) against block ``q``'s."""
        return self.cross[(p, q)] if p < q else self.cross[(q, p)].T


def _blocks(source: np.ndarray) -> list[slice]:
    """Each source's units as a slice: units are grouped by source, so blocks are views."""
    if len(source) == 0:
        return []
    edges = np.flatnonzero(np.diff(source)) + 1
    starts = [0, *edges.tolist()]
    ends = [*edges.tolist(), len(source)]
    if len(set(source[starts].tolist())) != len(starts):
        raise ValueError("alignment units must be grouped by source")
    return [slice(a, b) for a, b in zip(starts, ends, strict=True)]


def _basis(units: Sequence[Unit]) -> _Basis:
    n = len(units)
    source = np.array([u.source for u in units], dtype=np.int64)
    active = np.array([u.active for u in units], dtype=bool)
    terms = _term_matrix(units)
    blocks = _blocks(source)
    block_of = np.zeros(n, dtype=np.int64)
    for k, blk in enumerate(blocks):
        block_of[blk] = k
    floored = np.maximum(terms.norms, np.float32(1e-6))
    x = terms.matrix
    cross: dict[tuple[int, int], FloatMatrix] = {}
    found_rows, found_cols, found_shared = [], [], []
    for p, a in enumerate(blocks):
        for q in range(p + 1, len(blocks)):
            z = blocks[q]
            shared = x[a] @ x[z].T
            both = active[a][:, None] & active[z][None, :]
            r, c = np.nonzero((shared > 0) & both)
            found_rows.append(r + a.start)
            found_cols.append(c + z.start)
            found_shared.append(shared[r, c])
            # divided into the product's own buffer: no second matrix of the pair's size
            np.divide(shared, np.outer(floored[a], floored[z]), out=shared)
            shared[~both] = 0.0
            cross[(p, q)] = shared
    rows = np.concatenate(found_rows) if found_rows else np.zeros(0, dtype=np.int64)
    cols = np.concatenate(found_cols) if found_cols else np.zeros(0, dtype=np.int64)
    mass = np.concatenate(found_shared) if found_shared else np.zeros(0, dtype=np.float32)
    order = np.lexsort((cols, rows))  # row-major, as the pair lookups expect
    return _Basis(n, source, blocks, block_of, active, terms, floored, cross, rows[order], cols[order], mass[order])


def _own_rows(b: _Basis, k: int) -> Iterator[tuple[slice, FloatMatrix]]:
    """Block ``k``'s own term cosine (diagonal 0), a slice of rows at a time, with the
    slice's rows as positions in the block."""
    blk = b.blocks[k]
    x = b.terms.matrix[blk]
    size = blk.stop - blk.start
    for start in range(0, size, ROW_CHUNK):
        part = slice(start, min(start + ROW_CHUNK, size))
        sub = x[part] @ x.T
        np.divide(sub, np.outer(b.floored[blk][part], b.floored[blk]), out=sub)
        sub[np.arange(part.stop - part.start), np.arange(part.start, part.stop)] = 0.0
        yield part, sub


def _gather(b: _Basis, i: np.ndarray, j: np.ndarray, matrix: Callable[[int, int], FloatMatrix]) -> np.ndarray:
    """``matrix(p, q)[i, j]`` for pairs of sentences in different blocks, where
    ``matrix(p, q)`` is a block-pair matrix (block ``p``'s rows, block ``q``'s columns)."""
    out = np.zeros(len(i), dtype=np.float32)
    if not len(i):
        return out
    blocks = len(b.blocks)
    key = b.block_of[i] * blocks + b.block_of[j]
    order = np.argsort(key, kind="stable")
    keys, firsts = np.unique(key[order], return_index=True)
    ends = [*firsts[1:].tolist(), len(order)]
    for k, first, end in zip(keys.tolist(), firsts.tolist(), ends, strict=True):
        p, q = divmod(k, blocks)
        pick = order[first:end]
        out[pick] = matrix(p, q)[i[pick] - b.blocks[p].start, j[pick] - b.blocks[q].start]
    return out


def _co_occurrences(term_of_entry: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every ordered pair of entries sharing a term (entries grouped by term), as index arrays.

    The sparse product ``X @ X.T`` laid out flat: one entry pair per shared
    term.  A word class is a small slice of the vocabulary, so this is far
    cheaper than a dense product over it.
    """
    if len(term_of_entry) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    _, start, df = np.unique(term_of_entry, return_index=True, return_counts=True)
    group = np.repeat(np.arange(len(df)), df)
    reps = df[group]
    left = np.repeat(np.arange(len(term_of_entry)), reps)
    offset = np.arange(len(left)) - np.repeat(np.cumsum(reps) - reps, reps)
    right = start[group[left]] + offset
    return left, right


def _class_products(b: _Basis, c: str) -> tuple[np.ndarray, np.ndarray]:
    """Shared IDF mass over the words of one class at each candidate, and every sentence's norm."""
    pick = b.terms.codes == CLASS_CODES[c]
    rows, terms = b.terms.rows[pick], b.terms.columns[pick]
    weights = b.terms.matrix[rows, terms].astype(np.float64)
    norms = np.sqrt(np.bincount(rows, weights=weights**2, minlength=b.n))
    return _pair_sums(b, rows, terms, weights), norms


def _pair_sums(b: _Basis, rows: np.ndarray, items: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Sum over shared items of the weight products, for each candidate pair.

    ``rows``/``items``/``weights`` list which sentence has which item (a term,
    a count, an entity) and with what weight.
    """
    order = np.argsort(items, kind="stable")
    rows, items, weights = rows[order], items[order], weights[order]
    left, right = _co_occurrences(items)
    once = rows[left] < rows[right]
    left, right = left[once], right[once]
    keys = b.rows * b.n + b.cols  # row-major, so sorted
    flat = rows[left] * b.n + rows[right]
    pos = np.minimum(np.searchsorted(keys, flat), max(len(keys) - 1, 0))
    hit = (keys[pos] == flat) if len(keys) else np.zeros(len(flat), dtype=bool)
    sums = np.bincount(pos[hit], weights=weights[left[hit]] * weights[right[hit]], minlength=len(keys))
    return sums.astype(np.float64)


def _class_cos(b: _Basis, c: str) -> np.ndarray:
    shared, norms = _class_products(b, c)
    denom = norms[b.rows] * norms[b.cols]
    return np.divide(shared, denom, out=np.zeros_like(shared), where=denom > 0)


# ------------------------------------------------------------------- features
def _rank_in_groups(group: np.ndarray, value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each item's rank in its group by value, best first (0 = best), and the index of its
    group's best item.  Values lie in [0, 1], so one stable sort of a composite key (group,
    then value descending) replaces a lexsort; ties keep the items' order."""
    order = np.argsort(group * 2.0 + (1.0 - value), kind="stable")
    grouped = group[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = grouped[1:] != grouped[:-1]
    group_start = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - group_start
    best = np.empty(len(order), dtype=np.int64)
    best[order] = order[group_start]
    return rank, best


def _ranks(b: _Basis, value: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each candidate (i, j) with cross cosine ``value``: j's rank among i's scores
    over j's source, the same for i seen from j, and the pair's score relative to the
    better of the two bests.

    Only candidates score above zero, so ranking the candidates of each
    (sentence, other source) group is the same as ranking whole rows, at the
    cost of one sort of the candidates instead of one of the n×n matrix.
    """
    i, j = b.rows, b.cols
    value = value.astype(np.float64)
    blocks = len(b.blocks)
    out = []
    for row, other in ((i, j), (j, i)):
        rank, best = _rank_in_groups(row * blocks + b.block_of[other], value)
        out.append(((rank + 1).astype(np.float32), value[best]))
    (rank_ij, best_i), (rank_ji, best_j) = out
    rel = np.minimum(
        np.divide(value, best_i, out=np.zeros_like(value), where=best_i > 0),
        np.divide(value, best_j, out=np.zeros_like(value), where=best_j > 0),
    )
    return rank_ij, rank_ji, rel


def _positions(units: Sequence[Unit], b: _Basis) -> dict[str, np.ndarray]:
    counts = np.bincount(b.source, minlength=int(b.source.max()) + 1 if b.n else 1)
    order = np.zeros(b.n)
    for block in b.blocks:
        order[block] = np.arange(block.stop - block.start)
    size = counts[b.source].astype(float)
    position = order / np.maximum(size - 1, 1)
    return {
        "lengths": np.log1p(np.array([len(set(u.terms)) for u in units], dtype=float)),
        "position": position,
        "lead": (order <= 1).astype(float),
        "size": np.log(np.maximum(size, 1)),
        # lateness damped by article length: a short article puts its facts up front
        "short_position": position * SHORT_ARTICLE / np.maximum(size, SHORT_ARTICLE),
    }


def _features(units: Sequence[Unit], b: _Basis) -> Iterator[tuple[str, np.ndarray]]:
    """Each feature as an array over the candidate pairs, one at a time."""
    i, j = b.rows, b.cols
    cos = _gather(b, i, j, b.block)
    yield "cos", cos
    yield "shared_mass", np.log1p(b.shared.astype(np.float64))
    rank_ij, rank_ji, relative = _ranks(b, cos)
    yield "relative", relative
    # _gather asks for each block pair's matrix once, so none is kept
    yield "third_source", _gather(b, i, j, partial(_through_third, b))
    # support through a sibling: sum over i' in i's source of cos(i, i') * cos(i', j),
    # seen from either end
    within = partial(_through_sibling, b)
    yield "same_source", np.maximum(_gather(b, i, j, within), _gather(b, j, i, within))
    yield "context", _context(b)
    for c, name in (("N", "cos_noun"), ("V", "cos_verb"), ("#", "cos_number"), ("P", "cos_proper")):
        yield name, _class_cos(b, c)
    p = _positions(units, b)
    yield "min_length", np.minimum(p["lengths"][i], p["lengths"][j])
    yield "max_length", np.maximum(p["lengths"][i], p["lengths"][j])
    yield "position_gap", np.abs(p["position"][i] - p["position"][j])
    yield "late_in_short", p["short_position"][i] + p["short_position"][j]
    yield "both_lead", p["lead"][i] * p["lead"][j]
    from rapidfuzz import fuzz, process  # here, so a cached analysis never loads it

    texts = np.array([" ".join(sorted(set(u.terms))) for u in units], dtype=object)
    # terms are pre-sorted, so plain ratio is token_sort_ratio at a fraction of the cost
    fuzzy = np.zeros(len(i), dtype=np.float32)
    if len(i):
        # threads only pay for their start-up from a few thousand pairs on (three articles: ~1200)
        workers = -1 if len(i) >= PARALLEL_PAIRS else 1
        fuzzy = process.cpdist(texts[i], texts[j], scorer=fuzz.ratio, dtype=np.float32, workers=workers) / 100.0
    yield "fuzzy", fuzzy
    yield "same_quantity", _shared_count(b, [u.quantities for u in units])
    yield "entity_gap", _entity_gap(b, units)
    yield "rank_best", 1.0 / np.maximum(np.minimum(rank_ij, rank_ji), 1)
    yield "rank_worst", 1.0 / np.maximum(np.maximum(rank_ij, rank_ji), 1)
    yield "base_rate", p["size"][i] + p["size"][j]


def _through_third(b: _Basis, p: int, q: int) -> FloatMatrix:
    """Support through a third source r, for block pair (p, q): ``sum over r of cos(p, r) @ cos(r, q)``."""
    out = np.zeros((_size(b, p), _size(b, q)), dtype=np.float32)
    for r in range(len(b.blocks)):
        if r not in (p, q):
            out += b.block(p, r) @ b.block(r, q)
    return out


@dataclass(frozen=True, slots=True)
class _Own:
    """One pass over a block's similarity to itself (a slice of rows at a time)."""

    support: dict[int, FloatMatrix]
    """Support through a sibling against each other block q: ``own @ cos(p, q)``."""
    best: np.ndarray
    """Each row's ``MOST_LINKS`` most similar sentences of the block (positions), or all of
    them in a block that small."""
    best_values: np.ndarray


def _own(b: _Basis, p: int) -> _Own:
    """Block ``p``'s pass over its own similarity, made once and kept on the basis: the link
    scores and the siblings both need it, and its products are the costliest ones."""
    if p not in b.own:
        others = [q for q in range(len(b.blocks)) if q != p]
        size = _size(b, p)
        # every other block side by side: one product per slice of rows
        beside = np.hstack([b.block(p, q) for q in others]) if others else np.zeros((size, 0), np.float32)
        support = np.empty_like(beside)
        keep = min(MOST_LINKS, size)
        best = np.empty((size, keep), dtype=np.int64)
        best_values = np.empty((size, keep), dtype=np.float32)
        for part, own in _own_rows(b, p):
            support[part] = own @ beside
            top = (
                np.argpartition(-own, keep - 1, axis=1)[:, :keep]
                if keep < size
                else np.tile(np.arange(size), (len(own), 1))
            )
            best[part] = top
            best_values[part] = np.take_along_axis(own, top, axis=1)
        edges = np.cumsum([0, *(_size(b, q) for q in others)])
        b.own[p] = _Own({q: support[:, edges[k] : edges[k + 1]] for k, q in enumerate(others)}, best, best_values)
    return b.own[p]


def _through_sibling(b: _Basis, p: int, q: int) -> FloatMatrix:
    """Support through a sibling, for block pair (p, q): ``own(p) @ cos(p, q)``, where own(p)
    is block p's similarity to itself."""
    return _own(b, p).support[q]


def _size(b: _Basis, k: int) -> int:
    return b.blocks[k].stop - b.blocks[k].start


def _context(b: _Basis) -> np.ndarray:
    """Similarity of the neighbouring sentences: articles tell a story in a similar order.

    ``max(cos[i-1, j-1], cos[i+1, j+1])`` where those neighbours are in the same source.
    """
    i, j = b.rows, b.cols
    has_prev = np.ones(b.n, dtype=bool)
    has_next = np.ones(b.n, dtype=bool)
    for block in b.blocks:
        has_prev[block.start] = False
        has_next[block.stop - 1] = False
    out = np.zeros(len(i), dtype=np.float32)
    ok = has_prev[i] & has_prev[j]
    out[ok] = _gather(b, i[ok] - 1, j[ok] - 1, b.block)
    ok = has_next[i] & has_next[j]
    out[ok] = np.maximum(out[ok], _gather(b, i[ok] + 1, j[ok] + 1, b.block))
    return out


def _shared_count(b: _Basis, bags: Sequence[Sequence[str]]) -> np.ndarray:
    """How many items (counts, entities) each candidate pair shares."""
    ids: dict[str, int] = {}
    pairs = [(row, ids.setdefault(t, len(ids))) for row, bag in enumerate(bags) for t in set(bag)]
    if not pairs:
        return np.zeros(len(b.rows))
    table = np.array(pairs, dtype=np.int64)
    return _pair_sums(b, table[:, 0], table[:, 1], np.ones(len(table)))


def _entity_gap(b: _Basis, units: Sequence[Unit]) -> np.ndarray:
    """Jaccard distance of the entity sets: different actors suggest different facts."""
    bags = [[t for t in u.terms if t.startswith("@")] for u in units]
    inter = _shared_count(b, bags)
    count = np.array([len(set(bag)) for bag in bags], dtype=float)
    union = count[b.rows] + count[b.cols] - inter
    return np.divide(union - inter, union, out=np.zeros_like(inter), where=union > 0)


# ----------------------------------------------------------------- public API
def feature_table(units: Sequence[Unit]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs (i < j) and their raw feature rows; used to fit the model."""
    b = _basis(units)
    columns = [values for _, values in _features(units, b)]
    table = np.stack(columns, axis=1) if columns else np.zeros((len(b.rows), 0))
    return b.rows, b.cols, table


def feature_names() -> tuple[str, ...]:
    dummy = [Unit(0, 0, ("a",), ("O",), (), True), Unit(1, 0, ("a",), ("O",), (), True)]
    return tuple(name for name, _ in _features(dummy, _basis(dummy)))


def _probabilities(units: Sequence[Unit], b: _Basis, model: AlignmentModel) -> np.ndarray:
    z = np.full(len(b.rows), model.intercept, dtype=np.float64)
    index = {name: k for k, name in enumerate(model.features)}
    for name, values in _features(units, b):
        k = index.get(name)
        if k is not None:
            z += (model.weights[k] / model.scale[k]) * (values - model.mean[k])
    return 1.0 / (1.0 + np.exp(-z))


def pair_scores(units: Sequence[Unit], model: AlignmentModel | None = None) -> FloatMatrix:
    """Probability that each cross-source pair reports the same fact, as a dense matrix.

    Pairs that share no term are 0.  (The reader and exports use
    :func:`score_links`, which never builds this matrix of probabilities.)
    """
    n = len(units)
    out = np.zeros((n, n), dtype=np.float32)
    if n:
        b = _basis(units)
        p = _probabilities(units, b, model or default_model())
        out[b.rows, b.cols] = p
        out[b.cols, b.rows] = p
    return out


Links = dict[int, dict[int, float]]
MOST_LINKS = 8
"""Most sentences of one other article a sentence may link to, its best: no sentence
reports the same fact as more than a handful of another outlet's, and without a bound
an article of near-identical sentences links every pair, and grouping them into facts
grows with the cube of its length (two articles of 600 such sentences: three minutes)."""
LONE_WORD_REACH = 3
"""Most terms a sentence may have to link to a sentence of one term ("Brussels" alone, a
section label): one shared word says nothing of a shared fact."""


def _among_best(b: _Basis, p: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Pairs that are among each end's ``MOST_LINKS`` best links into the other end's source."""
    out = np.zeros(len(p), dtype=bool)
    k = np.flatnonzero(keep)
    if not len(k):
        return out
    i, j, q = b.rows[k], b.cols[k], p[k]
    sources = int(b.source.max()) + 1
    ok = (_rank_in_groups(i * sources + b.source[j], q)[0] < MOST_LINKS) & (
        _rank_in_groups(j * sources + b.source[i], q)[0] < MOST_LINKS
    )
    out[k[ok]] = True
    return out


def score_links(units: Sequence[Unit], floor: float, sibling_floor: float) -> tuple[Links, Links]:
    """Cross-source pairs scoring at least ``floor``, and same-source pairs whose term
    cosine is at least ``sibling_floor``, both as ``{i: {j: score}}`` in both directions.

    Facts are built from these; nothing below the lowest threshold the reader
    offers is ever needed, and the sparse form needs no numpy to use.
    """
    if not units:
        return {}, {}
    b = _basis(units)
    p = _probabilities(units, b, default_model())
    keep = p >= floor
    # one word in common is not one fact: a sentence of a single term links only to short ones
    terms = np.array([len({t for t in u.terms if not t.startswith("@")}) for u in units])  # (not entity ids)
    lone = np.minimum(terms[b.rows], terms[b.cols]) <= 1
    keep &= ~(lone & (np.maximum(terms[b.rows], terms[b.cols]) > LONE_WORD_REACH))
    keep &= _among_best(b, p, keep)
    links: Links = {}
    for i, j, v in zip(b.rows[keep].tolist(), b.cols[keep].tolist(), p[keep].tolist(), strict=True):
        v = round(v, 6)
        links.setdefault(i, {})[j] = v
        links.setdefault(j, {})[i] = v
    siblings: Links = {}
    for k, block in enumerate(b.blocks):
        for i, j, v in _sibling_pairs(b, k, sibling_floor):
            siblings.setdefault(i + block.start, {})[j + block.start] = v
            siblings.setdefault(j + block.start, {})[i + block.start] = v
    return links, siblings


def _sibling_pairs(b: _Basis, k: int, floor: float) -> list[tuple[int, int, float]]:
    """Pairs (i < j, positions in block ``k``) of one article's sentences whose term cosine
    is at least ``floor`` and that are among each other's ``MOST_LINKS`` best: an article
    repeating one sentence a thousand times had every pair kept, a million entries."""
    own = _own(b, k)
    r = np.repeat(np.arange(len(own.best)), own.best.shape[1])
    c, v = own.best.ravel(), own.best_values.ravel()
    alike = v >= floor
    r, c, v = r[alike], c[alike], v[alike]
    # both ways: j among i's best and i among j's (always so in a block of MOST_LINKS or fewer)
    mutual = (own.best[c] == r[:, None]).any(axis=1)
    keep = mutual & (r < c)
    return [
        (i, j, round(float(x), 6)) for i, j, x in zip(r[keep].tolist(), c[keep].tolist(), v[keep].tolist(), strict=True)
    ]
