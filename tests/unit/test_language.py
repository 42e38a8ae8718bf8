"""The English check is cheap and errs on the side of silence."""

from __future__ import annotations

from tui.language import english_ratio, language_note

GERMAN = (
    "Die Polizei hat am Montagmorgen bei einer Reihe von Razzien in Brava sechs Personen festgenommen, "
    "wie die Behörden mitteilten. Die Razzien folgten auf eine dreimonatige Untersuchung eines "
    "Schmugglernetzes, das Waren über den Hafen transportierte. Was genau geschah, ist unklar."
)


def test_english_prose_scores_high_and_gets_no_note():
    text = ("Police arrested six people in a series of raids across Brava on Monday, officials said. "
            "The raids followed a three-month investigation into a smuggling network, according to the "
            "prosecutor, who said two of them were later released without charge.")
    ratio, words = english_ratio(text)
    assert words > 30 and ratio > 0.3
    assert language_note(text) is None


def test_german_gets_a_note():
    note = language_note(GERMAN)
    assert note is not None and "does not look like English" in note


def test_non_latin_script_gets_a_note():
    chinese = ("警方周一在布拉瓦港口城市进行了一系列突袭，逮捕了六人。"
               "官员表示，突袭行动是在对一个走私网络进行了三个月的调查之后进行的。") * 3
    assert "non-Latin script" in (language_note(chinese) or "")


def test_short_texts_are_not_judged():
    assert language_note("Razzien in Brava: sechs Festnahmen") is None
