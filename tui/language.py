"""A cheap guess at whether a text is English, so the user is warned before trusting the analysis.

The pipeline is English only: on French or German text spaCy still returns
sentences, names and numbers, just wrong ones, and the comparison looks
plausible while meaning little.  A language-identification model would be a
dependency for one yes/no answer; counting English function words is enough:
they make up roughly 40% of the words of any English prose and almost none of
another language's (the few shared spellings, "a", "in", "on", stay far below
the threshold).
"""

from __future__ import annotations

import re

FUNCTION_WORDS = frozenset(
    """
    the of and to a in is was that for on it with as at by from he she his her they their them
    be been being has have had are were this these those which who whom whose but not or an
    will would can could should may might must said says after before about than more also into
    over under when where while there here its our we you your i my me him us what all any no
    one two some out up if so do did does then just only very such other new
    """.split()
)
MIN_WORDS = 30
"""Fewer words say too little to judge (a headline, a caption)."""
MIN_RATIO = 0.15
"""English prose scores 0.35–0.5; French, German, Spanish or Dutch news 0.02–0.08."""
MIN_LETTERS = 100
"""Enough letters to judge the script of a text without spaces (Chinese, Japanese)."""

_WORD = re.compile(r"[^\W\d_]+")

NOT_ENGLISH = (
    "does not look like English ({detail}); the English pipeline may split sentences, "
    "find names and read numbers wrongly"
)


def english_ratio(text: str) -> tuple[float, int]:
    """Share of words that are common English function words, and the number of words."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in FUNCTION_WORDS) / len(words), len(words)


def latin_share(text: str) -> tuple[float, int]:
    """Share of letters written in the Latin script (ASCII and Latin-1/Extended-A), and their count."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0, 0
    return sum(1 for c in letters if c < "\u0250") / len(letters), len(letters)


def language_note(text: str) -> str | None:
    """A note for the user when the text is surely not English, else None (also when unsure)."""
    share, letters = latin_share(text)
    if letters >= MIN_LETTERS and share < 0.5:
        return NOT_ENGLISH.format(detail="mostly non-Latin script")
    ratio, words = english_ratio(text)
    if words >= MIN_WORDS and ratio < MIN_RATIO:
        return NOT_ENGLISH.format(detail=f"only {ratio:.0%} common English words")
    return None
