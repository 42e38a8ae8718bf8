"""Reading numbers the way news prose writes them.

"six", "a dozen", "2.5 million", "1,200", "thirty-strong", "almost 300": all
become a value and, for approximate wording, a range, so that "almost 300"
and "300" agree while "270" and "300" do not.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
COLLECTIVE = {"dozen": 12, "couple": 2, "pair": 2, "score": 20}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fifteenth": 15, "twentieth": 20,
}
VAGUE_PLURALS = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
                 "thousands": (2_000, 9_999), "millions": (2e6, 9.99e8)}

# qualifier -> (low factor, high factor) around the stated value
QUALIFIERS: dict[str, tuple[float, float]] = {
    "almost": (0.9, 1.0), "nearly": (0.9, 1.0), "close to": (0.9, 1.0),
    "about": (0.85, 1.15), "around": (0.85, 1.15), "some": (0.85, 1.15),
    "approximately": (0.85, 1.15), "roughly": (0.85, 1.15), "an estimated": (0.85, 1.15),
    "estimated": (0.85, 1.15), "up to": (0.0, 1.0), "as many as": (0.5, 1.0),
    "at least": (1.0, math.inf), "more than": (1.0, math.inf), "over": (1.0, math.inf),
    "upwards of": (1.0, math.inf), "in excess of": (1.0, math.inf),
    "fewer than": (0.0, 1.0), "less than": (0.0, 1.0), "under": (0.0, 1.0),
    "at most": (0.0, 1.0), "a further": (1.0, 1.0), "another": (1.0, 1.0),
}

BELOW = frozenset(("almost", "nearly", "close to", "fewer than", "less than", "under"))
"""Qualifiers that put the count strictly below the stated value."""
ABOVE = frozenset(("more than", "over", "upwards of", "in excess of"))
"""Qualifiers that put the count strictly above the stated value ("at least" includes it)."""

FRACTIONS = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 1 / 8}
"""Vulgar fractions, alone ("½") or after a whole number ("4½")."""

_DIGITS = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_SLASH_FRACTION = re.compile(r"^([1-7])/([2348])$")
""""1/2", "3/4": a fraction of something ("4 1/2 months"); not "9/11" or "24/7"."""
_DIGIT_UNIT = re.compile(r"^(\d+(?:\.\d+)?)([a-z]{1,3})$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$")


def word_value(word: str) -> float | None:
    """Value of one token ("31", "1,200", "six", "twenty-five", "thirty-strong")."""
    w = word.lower().strip()
    if not w:
        return None
    if _DIGITS.match(w):
        return float(w.replace(",", ""))
    if w[-1] in FRACTIONS:
        whole = w[:-1]
        if not whole:
            return FRACTIONS[w]
        return float(whole) + FRACTIONS[w[-1]] if whole.isdecimal() else None
    m = _SLASH_FRACTION.match(w)
    if m:
        numerator, denominator = int(m.group(1)), int(m.group(2))
        return numerator / denominator if numerator < denominator else None
    m = _DIGIT_UNIT.match(w)
    if m:
        # "15kg", "2m", "300bn": the unit is the counted thing, the scale multiplies
        scale = SCALES[m.group(2)] if m.group(2) in ("m", "bn", "k") else 1
        return float(m.group(1)) * scale
    if w.startswith("minus-") and _DIGITS.match(w[6:]):
        return -float(w[6:].replace(",", ""))  # "minus-20 degree temperatures"
    if w in UNITS:
        return float(UNITS[w])
    if w in TENS:
        return float(TENS[w])
    if "-" in w:
        head, _, rest = w.partition("-")
        if head in TENS and rest in UNITS and 0 < UNITS[rest] < 10:
            return float(TENS[head] + UNITS[rest])
        if head.isdecimal() and _SLASH_FRACTION.match(rest):
            fraction = word_value(rest)
            return float(head) + fraction if fraction is not None else None  # "2-1/2"
        # "thirty-strong", "three-year-old": the leading number
        if head in TENS or head in UNITS or _DIGITS.match(head):
            return word_value(head)
    return None


def ordinal_value(word: str) -> int | None:
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    m = _ORDINAL_DIGITS.match(w)
    return int(m.group(1)) if m else None


_GROUP_HEAD = re.compile(r"^\d{1,3}$")
_GROUP = re.compile(r"^\d{3}$")


def is_thousands_comma(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is a comma splitting one number: "230 , 000" from tokenised text.

    Some corpora are rebuilt from tokens, so "230,000" arrives as "230, 000"
    and would otherwise read as the two numbers 230 and 0.
    """
    return (
        0 < k < len(words) - 1
        and words[k] == ","
        and _GROUP.match(words[k + 1]) is not None
        and (_GROUP_HEAD.match(words[k - 1]) is not None)
    )


CURRENCIES = {
    "$": "dollar", "usd": "dollar", "us$": "dollar", "dollar": "dollar", "€": "euro", "eur": "euro",
    "euro": "euro", "£": "pound", "gbp": "pound", "pound": "pound", "¥": "yen", "yen": "yen",
}
"""The currency a sign, code or word (lemma) names: "$5" and "5 dollars" are one sum."""
CURRENCY_SIGNS = frozenset(k for k in CURRENCIES if not k.isalpha())
_DECIMAL_SCALES = frozenset(("thousand", "million", "billion", "trillion", "m", "bn", "%", "percent", "per"))


def is_spaced_point(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is the point of a decimal printed with a space after it: "$2. 6
    million", "£1. 7m", "0. 26%", from the same token-rebuilt corpora.  Only after a currency
    sign or before a scale or percentage, since "near exit 9. 4 others" is two numbers."""
    if not (0 < k < len(words) - 1 and words[k] == "."):
        return False
    if not (re.fullmatch(r"\d{1,3}", words[k - 1]) and words[k + 1].isdecimal()):
        return False
    before = words[k - 2].lower() if k > 1 else ""
    after = words[k + 2].lower() if k + 2 < len(words) else ""
    return before in CURRENCY_SIGNS or after in _DECIMAL_SCALES


def phrase_value(words: list[str]) -> float | None:
    """Combine a run of number words: "two hundred and fifty", "2.5 million", "a dozen"."""
    if "." in words[1:-1]:  # "2", ".", "6" of "$2. 6 million": one decimal
        k = words.index(".")
        words = [*words[: k - 1], f"{words[k - 1]}.{words[k + 1]}", *words[k + 2 :]]
    total = 0.0
    current: float | None = None
    seen = False
    group = False
    unit = 1.0  # what the last number word counted in: "a dozen and a half" is 12 + 6
    lows = [w.lower() for w in words]
    for k, w in enumerate(lows):
        if is_thousands_comma(words, k):
            group = True
            continue
        if k and current is not None and _GROUP.match(w) and _GROUP_HEAD.match(lows[k - 1]):
            group = True  # "12 000": a group of thousands set off by a space, not "12" then "0"
        if group:
            group = False
            current = (current or 0.0) * 1000 + float(w)
            continue
        if w == "half":
            if not seen and current is None:
                current = 0.5  # "half a dozen"
            elif seen and k > 1 and lows[k - 2 : k] in (["and", "a"], ["and", "an"]):
                # "four and a half", "a dozen and a half", "two million and a half"
                if current is None:
                    total += unit / 2
                else:
                    current += unit / 2
            else:
                return None
            continue
        if w in ("and", "-", "a", "an"):
            if w in ("a", "an") and current is None and not seen:
                current = 1.0
            continue
        if (w in SCALES and w not in ("m", "k", "bn")) or w in COLLECTIVE:
            factor = SCALES.get(w) or COLLECTIVE[w]
            base = current if current is not None else 1.0
            unit = factor
            if factor >= 1000:
                total += base * factor
                current = None
            else:
                current = base * factor
            seen = True
            continue
        value = word_value(w)
        if value is None:
            return None
        unit = 1.0
        if current is None:
            current = value
        elif value < _place(current):
            current += value  # "twenty five", "two hundred and fifty"
        else:
            return None  # two separate numbers, not one phrase
        seen = True
    if not seen:
        return None
    return total + (current or 0.0)


def _place(value: float) -> float:
    """Largest power of ten that divides the value: 20 -> 10, 200 -> 100, 250 -> 10."""
    place = 1.0
    v = int(value)
    if v != value or v == 0:
        return 1.0
    while v % 10 == 0:
        v //= 10
        place *= 10
    return place


_HAS_DIGIT = re.compile(r"\d").search
_NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | (frozenset(SCALES) - {"m", "k", "bn"}) | frozenset(COLLECTIVE)
_NUMBER_PREFIXES = tuple(sorted(frozenset(UNITS) | frozenset(TENS)))


def is_number_word(word: str) -> bool:
    w = word.lower()
    if w in _NUMBER_WORDS:
        return True
    if w[-1:] in FRACTIONS:
        return word_value(w) is not None
    # called on every token: most words have no digit and no number-word prefix
    if not _HAS_DIGIT(w) and not ("-" in w and w.startswith(_NUMBER_PREFIXES)):
        return False
    return word_value(w) is not None


def qualifier_range(value: float, qualifier: str) -> tuple[float, float]:
    """The values ``qualifier value`` allows ("almost 300": 270..300), for comparing counts."""
    low, high = QUALIFIERS.get(qualifier, (1.0, 1.0))
    return value * low, value * high


ADDITIONAL = frozenset(("a further", "another", "other"))
"""Qualifiers of a count added to one told before ("a further three arrests", "seven other
members"): it never restates, so never contradicts, a total."""


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    low: float
    high: float
    qualifier: str = ""

    def conflicts(self, other: Amount) -> bool:
        """True when no count could satisfy both statements."""
        if self.qualifier in ADDITIONAL or other.qualifier in ADDITIONAL:
            return False
        if self.high < other.low or other.high < self.low:
            return True
        # "nearly 100" and "over 100": one strictly below, the other strictly above
        return (self.qualifier in BELOW and other.qualifier in ABOVE and self.value <= other.value) or (
            other.qualifier in BELOW and self.qualifier in ABOVE and other.value <= self.value
        )

    def scaled(self, factor: float, slack: float = 0.0) -> Amount:
        """The same statement in another unit ("four months" in days), widened by ``slack``
        for an outlet's rounding when it converted."""
        return Amount(
            self.value * factor, self.low * factor * (1 - slack), self.high * factor * (1 + slack), self.qualifier
        )

    def negated(self) -> Amount:
        """The same statement below zero ("minus 20")."""
        return Amount(-self.value, -self.high, -self.low, self.qualifier)

    @property
    def label(self) -> str:
        return format_value(self.value)


def format_value(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def term(value: float) -> str:
    """The alignment term for a number: the same for "six" and "6"."""
    return "#" + format_value(value)
