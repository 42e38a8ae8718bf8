"""Finding text the way a keyboard types it."""

from __future__ import annotations

import pytest

from tui.navigation import search


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("laachraoui's", "Laachraoui’s"),
        ('"a new threat"', "“a new threat”"),
        ("anti-terror", "anti‐terror"),
        ("Laachraoui’s", "Laachraoui’s"),
    ],
)
def test_typed_quotes_and_dashes_find_typographic_ones(analyse_texts, query, found):
    _, _, comp = analyse_texts(
        "Raids\n\nLaachraoui’s DNA was found in the flat, which police called “a new threat” to anti‐terror work.",
        "Brussels\n\nPolice searched a flat in Schaerbeek on Thursday.",
    )
    (match,) = search(comp, query)
    assert comp.sources[match.source].text[match.start : match.end] == found


def test_a_regular_expression_character_is_literal(analyse_texts):
    _, _, comp = analyse_texts("Raids\n\nPolice made 9/11-style arrests (six).", "Other\n\nNothing else [here].")
    assert [m.source for m in search(comp, "(six)")] == [0]
    assert [m.source for m in search(comp, "[here]")] == [1]
    assert search(comp, "s.x") == []


def test_hidden_boilerplate_is_not_searched(analyse_texts):
    """With chrome hidden, its matches were counted (and visited) though not on screen."""
    _, _, comp = analyse_texts(
        "Raids\n\nPolice searched a flat in Schaerbeek on Thursday.\n\nTrending: Schaerbeek flat photos",
        "Brussels\n\nA flat in Schaerbeek was searched by police on Thursday.",
    )
    chrome = {(m.source, m.sentence) for m in search(comp, "Schaerbeek")
              if comp.sources[m.source].sentences[m.sentence].status == "boilerplate"}
    assert chrome  # the teaser is chrome, and it matches
    shown = {(m.source, m.sentence) for m in search(comp, "Schaerbeek", boilerplate=False)}
    assert shown and not shown & chrome
    assert len(shown) == len(search(comp, "Schaerbeek")) - len(chrome)


@pytest.mark.parametrize(
    ("current", "target", "forward", "expected"),
    [(None, 0, True, False), (3, 5, True, False), (5, 0, True, True), (4, 4, True, True),
     (5, 3, False, False), (0, 5, False, True), (2, None, True, False)],
)
def test_a_step_round_the_end_is_told_apart(current, target, forward, expected):
    from tui.navigation import wrapped

    assert wrapped(current, target, forward) is expected
