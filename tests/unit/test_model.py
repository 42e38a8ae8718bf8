"""The result model: immutable, and consistent however it is made."""

from __future__ import annotations

import dataclasses
import pickle


def _comparison(analyse_texts):
    _, _, comp = analyse_texts(
        "Storm\n\nThe storm on Monday killed 12 people in Brava. Schools were closed.",
        "Brava\n\nTwelve people died in the storm that hit Brava on Monday. Roads were shut.",
    )
    assert comp.facts
    return comp


def test_a_replaced_comparison_finds_its_own_facts(analyse_texts):
    """The id index was an init field: ``replace`` handed the new comparison the old one's."""
    comp = _comparison(analyse_texts)
    first = comp.facts[0]
    renamed = dataclasses.replace(first, id="other")
    changed = dataclasses.replace(comp, facts=(renamed, *comp.facts[1:]))
    assert changed.fact("other") is renamed
    assert comp.fact(first.id) is first
    assert "other" not in comp._fact_index


def test_a_pickled_comparison_finds_its_facts(analyse_texts):
    comp = _comparison(analyse_texts)
    back = pickle.loads(pickle.dumps(comp))
    assert back == comp
    assert back.fact(comp.facts[0].id) == comp.facts[0]


def test_a_value_repeated_by_one_source_is_described_once():
    from tui.model import DetailValue, Difference

    d = Difference("quantity", "killed", (
        DetailValue(0, 1, "24 dead", 0, 7), DetailValue(0, 4, "24  Dead", 0, 8), DetailValue(1, 2, "a child", 0, 7),
        DetailValue(1, 3, "24 dead", 0, 7),
    ))
    assert d.describe(["a", "b"]) == "killed: 24 dead (a) vs a child, 24 dead (b)"
    assert len(d.values) == 4  # the exports keep every sentence's value
