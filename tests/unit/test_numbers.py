"""Number normalisation: words, digits and approximate wording."""

from __future__ import annotations

import math

import pytest

from tui.numbers import Amount, is_spaced_point, phrase_value, qualifier_range, term, word_value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["six"], 6),
        (["6"], 6),
        (["a", "dozen"], 12),
        (["half", "a", "dozen"], 6),
        (["1,200"], 1200),
        (["2.5", "million"], 2_500_000),
        (["twenty", "five"], 25),
        (["twenty-five"], 25),
        (["two", "hundred", "and", "fifty"], 250),
        (["THIRTY-STRONG"], 30),
        (["15kg"], 15),
        (["4½"], 4.5),
        (["½"], 0.5),
        (["4", "1/2"], 4.5),
        (["2-1/2"], 2.5),
        (["four", "and", "a", "half"], 4.5),
        (["two", "and", "a", "half", "million"], 2_500_000),
        (["2½", "million"], 2_500_000),
        (["a", "dozen", "and", "a", "half"], 18),
        (["a", "million", "and", "a", "half"], 1_500_000),
        (["two", "million", "and", "a", "half"], 2_500_000),
        (["2", ".", "6", "million"], 2_600_000),  # "$2. 6 million", a token-rebuilt decimal
    ],
)
def test_phrase_values(words, value):
    assert phrase_value(words) == value


@pytest.mark.parametrize("word", ["9/11", "24/7", "3/2", "x½", "10²½"])
def test_slashes_that_are_not_fractions(word):
    assert word_value(word) is None


def test_two_separate_numbers_are_not_one_phrase():
    assert phrase_value(["2016", "25"]) is None


@pytest.mark.parametrize(
    ("words", "k", "expected"),
    [
        (["$", "2", ".", "6", "million"], 2, True),
        (["worth", "1", ".", "7", "m"], 2, True),
        (["rose", "0", ".", "26", "%"], 2, True),
        (["exit", "9", ".", "4", "others"], 2, False),  # two numbers either side of a full stop
        (["in", "2010", ".", "15", "million"], 2, False),  # a year ends the sentence
        (["$", "2", ",", "600"], 2, False),
    ],
)
def test_a_spaced_decimal_point_needs_money_or_a_scale(words, k, expected):
    assert is_spaced_point(words, k) is expected


def test_word_value_rejects_words():
    assert word_value("people") is None


def test_same_term_for_word_and_digit():
    assert term(phrase_value(["six"])) == term(phrase_value(["6"])) == "#6"


def test_approximate_amounts_do_not_conflict_but_exact_ones_do():
    almost_300 = Amount(300, *qualifier_range(300, "almost"), "almost")
    assert not almost_300.conflicts(Amount(300, 300, 300))
    assert Amount(270, 270, 270).conflicts(Amount(300, 300, 300))
    at_least_31 = Amount(31, *qualifier_range(31, "at least"), "at least")
    assert at_least_31.high == math.inf
    assert not at_least_31.conflicts(Amount(35, 35, 35))
    assert at_least_31.conflicts(Amount(20, 20, 20))


def test_a_further_count_never_conflicts():
    assert not Amount(3, 3, 3, "a further").conflicts(Amount(6, 6, 6))


def test_nearly_and_over_the_same_value_conflict():
    nearly_100 = Amount(100, *qualifier_range(100, "nearly"), "nearly")
    over_100 = Amount(100, *qualifier_range(100, "over"), "over")
    at_least_100 = Amount(100, *qualifier_range(100, "at least"), "at least")
    assert nearly_100.conflicts(over_100) and over_100.conflicts(nearly_100)
    assert not nearly_100.conflicts(Amount(100, 100, 100))  # rounding: "nearly 100" may be reported as 100
    assert not nearly_100.conflicts(at_least_100)  # "at least" includes the value itself
    assert not Amount(90, *qualifier_range(90, "over"), "over").conflicts(nearly_100)  # 95 fits both


def test_minus_joined_to_a_number_is_negative():
    assert word_value("minus-20") == -20
    assert word_value("minus-") is None and word_value("minus-two") is None
