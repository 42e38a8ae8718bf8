"""Alignment: bulk scoring and how facts are grouped from links."""

from __future__ import annotations

import numpy as np

from tui.align import MOST_LINKS, Unit, feature_names, pair_scores, score_links
from tui.facts import FactDraft, group_facts


def links_of(matrix):
    return {
        i: {j: float(matrix[i, j]) for j in range(len(matrix)) if matrix[i, j] > 0 and i != j}
        for i in range(len(matrix))
    }


def unit(source, index, *terms, active=True):
    return Unit(source, index, tuple(terms), tuple("N" for _ in terms), (), active)


def test_scores_are_symmetric_cross_source_and_skip_boilerplate():
    units = [
        unit(0, 0, "quake", "aceh", "#24", "kill"),
        unit(0, 1, "rescue", "team", "search"),
        unit(1, 0, "quake", "aceh", "#24", "kill", "child"),
        unit(1, 1, "rescue", "team", "search", "rubble"),
        unit(1, 2, "quake", "aceh", "#24", "kill", active=False),
    ]
    s = pair_scores(units)
    assert s.shape == (5, 5)
    assert np.allclose(s, s.T)
    assert s[0, 1] == 0 and s[2, 3] == 0  # same source
    assert s[0, 4] == 0  # boilerplate never links
    assert s[0, 2] > s[0, 3] and s[1, 3] > s[1, 2]


def test_feature_names_match_the_model():
    from tui.align import default_model

    assert feature_names() == default_model().features


def test_group_facts_covers_links_and_takes_source_alternatives():
    units = [unit(0, 0, "a"), unit(1, 0, "a"), unit(1, 1, "a"), unit(2, 0, "a"), unit(2, 1, "b")]
    s = np.zeros((5, 5), dtype=np.float32)
    for a, b in [(0, 1), (0, 2), (0, 3), (1, 3), (2, 3), (4, 1)]:
        s[a, b] = s[b, a] = 0.9
    facts = group_facts([u.source for u in units], links_of(s), 0.5)
    members = sorted(f.members for f in facts)
    assert (0, 1, 2, 3) in members  # one source contributes two sentences
    assert (1, 3, 4) in members  # a sentence can be in two facts (1 is in both)
    for f in facts:
        assert isinstance(f, FactDraft) and len({units[m].source for m in f.members}) >= 2


def test_links_from_facts_are_exactly_the_pairs_above_threshold():
    rng = np.random.default_rng(7)
    units = [unit(s, k, "x") for s in range(3) for k in range(6)]
    raw = rng.random((18, 18)).astype(np.float32)
    s = np.triu(raw, 1) + np.triu(raw, 1).T
    src = np.array([u.source for u in units])
    s[src[:, None] == src[None, :]] = 0
    facts = group_facts([u.source for u in units], links_of(s), 0.8)
    links = {
        frozenset((a, b)) for f in facts for a in f.members for b in f.members
        if units[a].source != units[b].source
    }
    expected = {frozenset((a, b)) for a in range(18) for b in range(a + 1, 18) if s[a, b] >= 0.8}
    assert links == expected


def test_a_broad_sentence_does_not_gather_a_whole_article_into_one_fact():
    # one lead sentence (0) links to five sentences of another outlet: a fact takes at most
    # two of them, and the other links still each sit in some fact
    units = [unit(0, 0, "x")] + [unit(1, k, "x") for k in range(5)]
    s = np.zeros((6, 6), dtype=np.float32)
    for k in range(1, 6):
        s[0, k] = s[k, 0] = 0.9 - k / 100
    facts = group_facts([u.source for u in units], links_of(s), 0.5)
    assert all(sum(1 for m in f.members if units[m].source == 1) <= 2 for f in facts)
    covered = {frozenset((0, m)) for f in facts for m in f.members if m != 0}
    assert covered == {frozenset((0, k)) for k in range(1, 6)}
    assert (0, 1, 2) in [f.members for f in facts]  # the strongest two go together


def test_a_sentence_links_only_to_its_best_few_in_another_article():
    # one sentence and a dozen of another article's that all share its terms, some more
    # closely than others: it keeps only its MOST_LINKS best links into that article
    extra = ["rubble", "night", "toll", "coast", "army", "aid", "tent", "road", "school", "river", "town", "mayor"]
    units = [unit(0, 0, "quake", "aceh", "#24", "kill", "child")]
    units += [unit(1, k, "quake", "aceh", "#24", "kill", *extra[: k + 1]) for k in range(12)]
    dense = pair_scores(units)
    links, _ = score_links(units, 0.0, 1.0)
    assert len(links[0]) == MOST_LINKS < 12
    best = sorted(range(1, 13), key=lambda k: -dense[0, k])[:MOST_LINKS]
    assert set(links[0]) == set(best)


def test_an_article_repeating_a_sentence_keeps_a_few_siblings_per_sentence(analyse_texts):
    """Every pair of a thousand repeats was kept as alike (a million entries): a 1 MB file of
    them ran out of memory.  Each sentence keeps its best few, as for links across sources."""
    from tui.align import MOST_LINKS

    repeated = "The police said the man was arrested on Friday after a long chase. " * 40
    _, prepared, _ = analyse_texts("Police arrested a man on Friday.", repeated)
    kept = [len(row) for row in prepared.siblings.values()]
    assert kept and max(kept) <= MOST_LINKS
