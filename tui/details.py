"""The checkable details of a sentence: counts, ages, days and dates, places by role.

Divergence detection compares these between sentences of one fact.  Each
detail carries a *key* saying what it is about ("injured", ("age", "kriket"),
"district") so only like is compared with like, and the character span of its
wording so the reader can emphasise exactly "270 injured".
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, combinations

from tui.clock import ClockTime, clock_times
from tui.lexicon import (
    COUNT_CATEGORIES,
    DISTANCE_UNITS,
    DURATION_UNITS,
    GENERIC_PERSONS,
    MEASURE_UNITS,
    MONTHS,
    PLACE_NOUNS,
    QUALIFIER_PHRASES,
    SPEECH_VERBS,
    TEMPERATURE_SCALES,
    TEMPERATURE_WORDS,
    TIME_NOUNS,
    WEEKDAYS,
)
from tui.nlp import AnnotatedSentence, Token
from tui.numbers import (
    CURRENCIES,
    CURRENCY_SIGNS,
    FRACTIONS,
    SCALES,
    VAGUE_PLURALS,
    Amount,
    is_number_word,
    is_spaced_point,
    ordinal_value,
    phrase_value,
    qualifier_range,
)

NOMINAL_DEPS = frozenset(("dobj", "nsubj", "nsubjpass", "conj", "pobj", "appos", "attr", "npadvmod"))
# entity labels whose place in a sentence can be compared across sources
ROLE_LABELS = frozenset(("GPE", "LOC", "FAC"))


@dataclass(frozen=True, slots=True)
class Quantity:
    key: tuple[str, str]
    """(category, counted noun): ("injured", ""), ("age", "kriket"), ("", "boat")."""
    amount: Amount
    start: int
    end: int
    actor: str = ""
    """Nationality of whoever did what is counted ("german" in "German police arrested
    two"): counts by two countries' police are two events, not a conflict."""
    group: str = ""
    """Nationalities of what is counted ("english" in "one English climber", "somali
    yemeni" in "23 Somali and Yemeni pirates"): such a count is of part of a whole.  For
    an age, the owner's full name when given ("gary gomes" in "Gary Gomes, 35")."""
    era: str = ""
    """A year its clause names on its own ("the tsunami that killed 230,000 in 2004"): the
    figure is history, which the day's toll ("five people were killed") does not contradict."""

    @property
    def what(self) -> str:
        category, noun = self.key
        if category == "age":
            return f"age of {noun}" if noun else "age"
        if category == "distance" and noun:
            return f"distance ({noun})"
        if category == "temperature" and noun:
            return f"temperature (°{noun})"
        return category or noun


@dataclass(frozen=True, slots=True)
class DateMention:
    key: str
    """A weekday ("thursday"), a calendar date ("03-25") or a month ("04")."""
    start: int
    end: int
    event: frozenset[str] = frozenset()
    """Content lemmas of the clause the date belongs to ("make", "arrest"), so a
    sentence's attack day is not compared with another's arrest day."""


@dataclass(frozen=True, slots=True)
class RoleMention:
    role: str
    """Lemma of the common noun the place hangs off ("district", "city")."""
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimeMention:
    time: ClockTime
    """Its range of minutes and zone; ``time.start``/``end`` are offsets in the article."""
    event: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PersonMention:
    words: tuple[str, ...]
    """The name's words, lower-cased, without accents, titles, suffixes or a possessive
    ("Mrs Palin's" is ("palin",), "Martin Luther King Jr." ("martin", "luther", "king"))."""
    text: str
    start: int
    end: int
    first: int
    """Index of the name's first token in the sentence (and in ``Details.wording``)."""
    last: int


@dataclass(frozen=True, slots=True)
class Details:
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    roles: tuple[RoleMention, ...]
    times: tuple[TimeMention, ...] = ()
    people: tuple[PersonMention, ...] = ()
    wording: tuple[str, ...] = ()
    """The sentence's words, lower-cased, with each word of a person's name blanked: two
    sources crediting the same words to different people ("..., general manager A.J. Smith
    said" / "..., general manager A.J. Butler said") disagree on who.  Kept only for a
    sentence that names someone and quotes or reports speech."""


EMPTY = Details((), (), ())


def extract(sentence: AnnotatedSentence, parsed: bool = True) -> Details:
    tokens = sentence.tokens
    quantities = list(_quantities(tokens, parsed))
    if parsed:
        quantities.extend(_implied_ones(tokens, quantities))
        quantities = [_with_actor(tokens, q) for q in quantities]
        years = _year_clauses(tokens)
        if years:
            quantities = [_with_era(tokens, q, years) for q in quantities]
    lows = [t.text.lower() for t in tokens]
    people = tuple(_people(sentence)) if _reports_speech(tokens, lows) else ()
    return Details(
        tuple(quantities),
        tuple(_dates(tokens, lows)),
        tuple(_roles(sentence) if parsed else ()),
        tuple(_times(tokens, lows, parsed)),
        people,
        tuple(BLANK if t.ent == "PERSON" else low for t, low in zip(tokens, lows, strict=True)) if people else (),
    )


BLANK = "·"
"""Stands for each word of a person's name in ``Details.wording``."""
_QUOTE_MARKS = frozenset(('"', "“", "”", "``", "''", "«", "»"))
_NAME_SUFFIXES = frozenset("jr sr ii iii iv mr mrs ms miss dr sir".split())


def _reports_speech(tokens: tuple[Token, ...], lows: list[str]) -> bool:
    return not _QUOTE_MARKS.isdisjoint(lows) or any(t.lemma in SPEECH_VERBS for t in tokens)


def _people(sentence: AnnotatedSentence) -> Iterator[PersonMention]:
    for ent in sentence.entities:
        if ent.label != "PERSON":
            continue
        plain = unicodedata.normalize("NFKD", ent.text.lower().replace("’", "'")).encode("ascii", "ignore").decode()
        words = re.findall(r"[a-z]+", plain.removesuffix("'s"))
        # "Benedict XVI": a regnal number (but "Xi Jinping" keeps its first word)
        words = [w for k, w in enumerate(words) if w not in _NAME_SUFFIXES and not (k and re.fullmatch("[ivxl]+", w))]
        if words:
            yield PersonMention(tuple(words), ent.text, ent.start, ent.end, ent.first, ent.last)


_MERIDIEM = frozenset(("am", "pm", "a.m.", "p.m.", "a.m", "p.m", "a.", "p.", "m."))
_GLUED = ("am", "pm", "a.m.", "p.m.", "a.m", "p.m")
"""How a tokenizer leaves "a.m." ("2:30 a.m.", "11am", "3 a. m."): a sentence without
one has no time of day, and most sentences are dismissed on that alone."""


def _times(tokens: tuple[Token, ...], lows: list[str], parsed: bool = True) -> Iterator[TimeMention]:
    """Clock times, found in the sentence's text rebuilt from its tokens (offsets kept)."""
    if _MERIDIEM.isdisjoint(lows) and not any(low[:1].isdigit() and low.endswith(_GLUED) for low in lows):
        return  # no time of day ("2:30am" is one token)
    if parsed and not any(t.pos == "VERB" for t in tokens):
        return  # nothing happening at it ("10:55 P. M. FEB. 2, 2009": a timestamp)
    base = tokens[0].start
    parts: list[str] = []
    length = 0
    for t in tokens:
        parts.append(" " * (t.start - base - length) + t.text)
        length = t.start - base + len(t.text)
    text = "".join(parts)
    for found in clock_times(text):
        # the clause hangs off the time's last word ("a.m."), not its number
        at = max((i for i, t in enumerate(tokens) if t.start - base < found.end), default=0)
        yield TimeMention(replace(found, start=found.start + base, end=found.end + base), _event(tokens, at))


_SCALE_WORDS = frozenset(("dozen", "couple", "hundred", "thousand", "million", "billion"))
PERSON_NOUNS = GENERIC_PERSONS | frozenset(
    "child children boy boys girl girls baby babies teenager teenagers student students "
    "officer officers soldier soldiers worker workers civilian civilians tourist tourists "
    "passenger passengers driver drivers resident residents victim victims".split()
)


POUND_KG = 0.45359237


def _sterling(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether "N pounds" (no "£" before it) is a sum: with a scale ("5 million pounds")
    or "sterling" after it.  A plain "4.5 pounds" is a weight far more often."""
    scaled = any(t.text.lower() in ("thousand", "million", "billion", "bn") for t in tokens[start:end])
    return scaled or (end + 1 < len(tokens) and tokens[end + 1].text.lower() == "sterling")


_BILLIONS = re.compile(r"\d+(?:\.\d+)?bn")


def _scale_suffix(tokens: Sequence[Token], k: int) -> float | None:
    """The scale of an abbreviation glued to the number before it ("$1.5m", split as "1.5" "m")."""
    if k >= len(tokens) or k == 0 or tokens[k].start != tokens[k - 1].start + len(tokens[k - 1].text):
        return None
    suffix = tokens[k].text.lower().rstrip(".")
    return float(SCALES[suffix]) if suffix in ("m", "bn", "k") else None


def _numberish(t: Token) -> bool:
    low = t.text.lower()
    if low in VAGUE_PLURALS or _BILLIONS.fullmatch(low):  # "$1.5bn" arrives as one token
        return True
    numeric = t.like_num or low in _SCALE_WORDS or low[-1:] in FRACTIONS or low.startswith("minus-")
    return numeric and is_number_word(low)


def _number_runs(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Maximal runs of number words ("two hundred and fifty", "a dozen", "2.5 million",
    "hundreds of thousands"), with "1, 500" (a tokenising artefact) read as 1500."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(tokens)
    while i < n:
        if not _numberish(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            low = tokens[j].text.lower()
            if _numberish(tokens[j]) and not (
                tokens[j - 1].text[:1].isdigit() and tokens[j].text[:1].isdigit() and "/" not in low
            ):
                j += 1  # two digit tokens are two numbers, but "4 1/2" is one
            elif low == "and" and [x.text.lower() for x in tokens[j + 1 : j + 3]] in (["a", "half"], ["an", "half"]):
                j += 3  # "four and a half"
            elif low in ("and", "-") and j + 1 < n and _numberish(tokens[j + 1]) and (
                (low == "-" and (tokens[j + 1].text.isalpha() or "/" in tokens[j + 1].text))
                or (low == "and" and tokens[j + 1].text.isalpha() and tokens[j - 1].text.lower() in _SCALE_WORDS)
            ):
                j += 2  # "twenty-five" split in two, "2-1/2", "two hundred and fifty" (not "two and three")
            elif (
                low == "of" and j + 1 < n and tokens[j - 1].text.lower() in VAGUE_PLURALS
                and tokens[j + 1].text.lower() in VAGUE_PLURALS
            ):
                j += 2  # "hundreds of thousands"
            elif (
                re.fullmatch(r"\d{3}", low) and re.fullmatch(r"\d{1,3}", tokens[j - 1].text)
                and tokens[j].start == tokens[j - 1].start + len(tokens[j - 1].text) + 1
                and "DATE" not in (tokens[j - 1].ent, tokens[j].ent)
            ):
                j += 1  # "12 000": thousands set off by a space (not "March 25 100 people")
            elif low == "." and j == i + 1 and _spaced_decimal(tokens, i):
                j += 2  # "$2. 6 million"
            elif (
                low == "," and j + 1 < n and re.fullmatch(r"\d{1,3}", tokens[j - 1].text)
                and re.fullmatch(r"\d{3}", tokens[j + 1].text) and j - 1 == i
            ):
                j += 2  # "1, 500"
            else:
                break
        start = i
        # "a dozen", "half a dozen"
        if start > 0 and tokens[start - 1].text.lower() in ("a", "an") and tokens[start].text.lower() in _SCALE_WORDS:
            start -= 1
            if start > 0 and tokens[start - 1].text.lower() == "half":
                start -= 1
        runs.append((start, j))
        i = j
    return runs


def _spaced_decimal(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether "2. 6" at ``i`` is one decimal (:func:`tui.numbers.is_spaced_point`), its point
    glued to the number and one space after it, as the token-rebuilt text prints it."""
    if i + 2 >= len(tokens):
        return False
    number, point, fraction = tokens[i], tokens[i + 1], tokens[i + 2]
    if point.start != number.start + len(number.text) or fraction.start != point.start + 2:
        return False
    window = [tokens[i - 1].text if i else "", *(t.text for t in tokens[i : i + 4])]
    return is_spaced_point(window, 2)


def _run_amount(words: list[str], qualifier: str) -> Amount | None:
    lows = [w.lower() for w in words if w.lower() not in ("of", ",")]
    if any(w in VAGUE_PLURALS for w in lows):
        low, high = 1.0, 1.0
        for w in lows:
            a, b = VAGUE_PLURALS.get(w, (phrase_value([w]) or 1.0,) * 2)
            low, high = low * a, high * b
        return Amount((low * high) ** 0.5, low, high, "vague")
    digits = "".join(words).replace(",", "") if "," in words else None
    value = float(digits) if digits and digits.isdecimal() else phrase_value(words)
    if value is None:
        return None
    return Amount(value, *qualifier_range(value, qualifier), qualifier)


def _qualifier(tokens: tuple[Token, ...], start: int) -> str:
    words = [t.text.lower() for t in tokens[max(0, start - 3) : start]]
    for phrase in QUALIFIER_PHRASES:
        if len(phrase) <= len(words) and tuple(words[len(words) - len(phrase) :]) == phrase:
            return " ".join(phrase)
    return ""


def _then(tokens: tuple[Token, ...], start: int) -> bool:
    """The number follows "then" ("then-15", "then- 15", "then 15-year-old")."""
    before = [t.text.lower() for t in tokens[max(0, start - 2) : start]]
    return bool(before) and (before[-1] in ("then", "then-") or before == ["then", "-"])


def _converted(tokens: tuple[Token, ...], first: int) -> bool:
    """A sum in brackets right after another sum: a conversion, not a second figure."""
    k = first - 1
    if k > 0 and tokens[k].text.lower() in CURRENCY_SIGNS:
        k -= 1  # "($1.52 million)": the sign opens the figure
    if k <= 0 or tokens[k].text != "(":
        return False
    return any(t.ent == "MONEY" or t.lemma in CURRENCIES for t in tokens[max(0, k - 4) : k])


def _is_age(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    after = " ".join(t.text.lower() for t in tokens[end : end + 4])
    if re.match(r"^(- )?years? (- )?old\b|^-?year-old\b|^years? of age\b", after):
        return True
    if "-year-old" in tokens[end - 1].text.lower():
        return True
    # "Reda Kriket, 34," : a bare number in apposition to a name
    if (
        end - start == 1
        and start > 1
        and tokens[start - 1].text == ","
        and (end >= len(tokens) or tokens[end].text in (",", ".", ")"))
        and tokens[start - 2].pos == "PROPN"
    ):
        value = phrase_value([tokens[start].text])
        return value is not None and 1 <= value <= 110
    return False


def _full_name(tokens: tuple[Token, ...], last: int) -> str:
    """The words of the person's name ending at ``tokens[last]`` when it has more than one
    ("catherine gomes", "ann smith jones"): "Catherine Gomes, 61" is not "Gary Gomes, 35"."""
    if tokens[last].ent != "PERSON":
        return ""
    k = last
    while k > 0 and tokens[k - 1].ent == "PERSON" and (tokens[k - 1].pos == "PROPN" or tokens[k - 1].text == "-"):
        k -= 1
    words = [t.text.lower() for t in tokens[k : last + 1] if t.pos == "PROPN"]
    return " ".join(words) if len(words) > 1 else ""


def _age_owner(tokens: tuple[Token, ...], start: int, end: int) -> tuple[str, str]:
    """Who the age belongs to: the adjacent name's last word, else the noun it modifies;
    and the name's first word when it has one."""
    if start > 1 and tokens[start - 2].pos == "PROPN":
        return tokens[start - 2].text.lower(), _full_name(tokens, start - 2)
    j = end
    while j < len(tokens) and (
        tokens[j].text.lower() in ("-", "year", "years", "old", "year-old")
        or tokens[j].text.lower().endswith("year-old")
    ):
        j += 1
    name = -1
    for k in range(j, min(j + 5, len(tokens))):
        t = tokens[k]
        if t.pos == "PROPN":
            name = k
        elif name >= 0 or t.pos not in ("ADJ", "NOUN"):
            break
        elif t.pos == "NOUN":
            return t.lemma, ""
    return (tokens[name].text.lower(), _full_name(tokens, name)) if name >= 0 else ("", "")


_PENALTIES = frozenset(("sentence", "term", "imprisonment", "prison"))


def _category_index(tokens: tuple[Token, ...], indexes: list[int]) -> int | None:
    for i in indexes:
        if 0 <= i < len(tokens) and tokens[i].lemma in COUNT_CATEGORIES:
            if tokens[i].lemma == "life" and i + 1 < len(tokens) and tokens[i + 1].lemma in _PENALTIES:
                continue  # "seven life sentences" took no lives
            return i
    return None


_RESULT_VERBS = frozenset(("leave", "render"))
PREDICATE_DEPS = frozenset(("prep", "pobj", "attr", "acomp", "acl", "amod", "relcl", "dobj"))


def _predicate(tokens: tuple[Token, ...], verb: int, exclude: int, depth: int = 3) -> list[int]:
    """Tokens of a copula's predicate ("were among those hurt"), nearest first, not
    wandering into other clauses ("although it is not clear if any were killed")."""
    out: list[int] = []
    frontier = [verb]
    for _ in range(depth):
        nxt = [
            i for i, t in enumerate(tokens)
            if t.head in frontier and i not in frontier and i != exclude and t.head != i
            and t.dep in PREDICATE_DEPS
        ]
        out.extend(nxt)
        frontier = nxt
    return out


def _counted_noun(tokens: tuple[Token, ...], anchor: int, end: int) -> int | None:
    """The noun a number counts: "six people", "dozens of people", "31 lives".

    ``anchor`` is the number's syntactic head, ``end`` the token after its words
    ("two hundred and fifty of the passengers": "hundred", then "of")."""
    t = tokens[anchor]
    head = tokens[t.head]
    if (
        t.dep in ("nummod", "quantmod", "compound")
        and head.pos in ("NOUN", "PROPN", "ADJ")
        and t.head != anchor
        and head.text.lower() not in VAGUE_PLURALS
    ):
        return t.head
    # "dozens of people", "one of the suspects"
    k = end
    if k + 1 < len(tokens) and tokens[k].text.lower() == "of":
        for m in range(k + 1, min(k + 4, len(tokens))):
            if tokens[m].pos in ("NOUN", "PROPN") and tokens[m].head in (k, m):
                return m
    return None


_COUNTRY_PEOPLE = {"us": "americ", "usa": "americ", "america": "americ", "uk": "brit", "britain": "brit"}
"""Countries written for their people before a counted noun ("three U.S. soldiers" are
American ones); other countries rarely stand there."""


def _group(tokens: tuple[Token, ...], end: int, noun: int) -> str:
    """Nationalities between a number and its noun, up to the next number: "12 Somali and
    11 Yemeni pirates" counts 12 Somali ones ("English" in "one English climber" is a
    language to spaCy).  Each is reduced to a stem, so "Somali" and "Somalian", "American"
    and "U.S." are one nationality."""
    found: set[str] = set()
    for t in tokens[end:noun]:
        if t.like_num:
            break
        word = t.text.lower().replace(".", "")
        if t.ent == "GPE" and word in _COUNTRY_PEOPLE:
            found.add(_COUNTRY_PEOPLE[word])
        elif t.ent == "NORP" or (t.ent == "LANGUAGE" and t.pos == "ADJ"):
            stem = re.sub(r"(ian|an|ese|ish|i)$", "", word)
            found.add(stem if len(stem) >= 3 else word)
    return " ".join(sorted(found))


SEVERITY = frozenset("critically seriously severely badly gravely slightly lightly mortally".split())
_SET_DETERMINERS = frozenset("the his her their its these those our my your".split())


def _partitive(tokens: tuple[Token, ...], end: int, noun: int, toll: bool = False) -> bool:
    """Whether the number picks members of a set it does not size: "one of his schools",
    "8 of 14 shots" (but "killed 3 of 4 passengers" is a toll of three)."""
    return (
        noun > end and tokens[end].text.lower() == "of"
        and any(t.text.lower() in _SET_DETERMINERS or (t.like_num and not toll) for t in tokens[end + 1 : noun])
    )


def _run_before(
    tokens: tuple[Token, ...], runs: list[tuple[int, int]], r: int, joiners: tuple[str, ...]
) -> tuple[int, int, str, str, Amount] | None:
    """The run right before run ``r``, one joining word apart ("20 to 30", "14 of 20"):
    its start and end, the joining word, its qualifier ("some 20") and its amount."""
    if r == 0:
        return None
    start = runs[r][0]
    before_start, before_end = runs[r - 1]
    joiner = tokens[start - 1].text.lower()
    if before_end != start - 1 or joiner not in joiners:
        return None
    qualifier = _qualifier(tokens, before_start)
    amount = _run_amount([t.text for t in tokens[before_start:before_end]], qualifier)
    return None if amount is None else (before_start, before_end, joiner, qualifier, amount)


def _wording_start(start: int, qualifier: str) -> int:
    """Where a number's wording starts: its qualifier ("about 300") leads it."""
    return start - len(qualifier.split()) if qualifier else start


def _range_low(tokens: tuple[Token, ...], runs: list[tuple[int, int]], r: int) -> tuple[int, Amount] | None:
    """The run before run ``r`` when the two make a range ("20 to 30 people", "between 20
    and 30"): where its wording starts, and its amount, so the count is 20..30, not 30."""
    before = _run_before(tokens, runs, r, ("to", "-", "–", "and"))
    if before is None:
        return None
    low_start, low_end, joiner, qualifier, amount = before
    if joiner == "and" and not (low_start > 0 and tokens[low_start - 1].text.lower() == "between"):
        return None  # "two and three": two counts
    if low_start > 0 and tokens[low_start - 1].text.lower() == "from":
        governor = tokens[tokens[low_start - 1].head].lemma
        if governor not in ("range", "vary"):
            return None  # "the toll climbed from 12 to 15": a change, now 15
    if not qualifier and not _range_start(tokens, low_end - 1):
        return None  # "sentenced the two to 15 years"
    return (low_start - 1 if joiner == "and" else _wording_start(low_start, qualifier)), amount


def _listed(tokens: tuple[Token, ...], noun: int) -> bool:
    """Whether a count of people is one item of a list of them: "two women and one man
    died" counts three, of whom two women."""
    t = tokens[noun]
    if t.lemma not in PERSON_NOUNS:
        return False
    joined = [tokens[t.head]] if t.dep == "conj" else []
    joined += [tokens[c] for c in _children(tokens, noun, ("conj",))]
    return any(j.lemma in PERSON_NOUNS and j.pos == "NOUN" for j in joined)


def _part_of(
    tokens: tuple[Token, ...], runs: list[tuple[int, int]], r: int
) -> tuple[int, Amount, int] | None:
    """When run ``r`` sizes the set another number picks from ("14 of 20 passengers"):
    where that number's wording starts, its amount, and its last word."""
    start = runs[r][0]
    # "14 of the 20", "10 of the Saints' 16", "three of its five": the set may be
    # determined or owned; skip that to find the "of" and the number before it
    k = start
    while k > 0 and start - k < _MOST_OWNER_WORDS and _owner_word(tokens[k - 1]):
        k -= 1
    if k == start or tokens[k - 1].text.lower() != "of":
        before = _run_before(tokens, runs, r, ("of",))
    else:
        shifted = [*runs[:r], (k, runs[r][1])]
        before = _run_before(tokens, shifted, r, ("of",))
    if before is None:
        return None
    some_start, some_end, _, qualifier, amount = before
    return _wording_start(some_start, qualifier), amount, some_end - 1


_MOST_OWNER_WORDS = 4
_OWNER_DEPS = frozenset(("det", "poss", "case", "compound"))


def _owner_word(t: Token) -> bool:
    """A word of the determiner or owner before a set's size ("the", "its", "the Saints'")."""
    return t.dep in _OWNER_DEPS or t.text in ("'s", "'", "’s", "’")


def _quantities(tokens: tuple[Token, ...], parsed: bool) -> list[Quantity]:
    lows: set[int] = set()
    found = list(_run_quantities(tokens, parsed, _number_runs(tokens), lows))
    return [q for r, q in found if r not in lows]


def _run_quantities(
    tokens: tuple[Token, ...], parsed: bool, runs: list[tuple[int, int]], lows: set[int]
) -> Iterator[tuple[int, Quantity]]:
    """Each run's quantities with the run's index; adds to ``lows`` the runs that turn out
    to open a range ("10 and 12 suspects"), whose own figure is not a count."""
    for r, (start, end) in enumerate(runs):
        lead = start  # "a dozen", "half a dozen": the article and "half" lead the run
        while lead < end and tokens[lead].text.lower() in ("a", "an", "half"):
            lead += 1
        words = [t.text for t in tokens[lead:end]] or ["1"]
        if tokens[start].text.lower() == "half":
            words = ["half", *words]
        if start > 0 and tokens[start - 1].text.lower() == "no" and tokens[end - 1].text.lower() == "one":
            yield from ((r, q) for q in _zero(tokens, start - 1, end, parsed))
            continue
        if _is_label(tokens, start, end):
            continue
        qualifier = _qualifier(tokens, start)
        amount = _run_amount(words, qualifier)
        if amount is None:
            continue
        first = _wording_start(start, qualifier)
        low = _range_low(tokens, runs, r)
        if low is not None and low[1].value != amount.value:
            ends = (low[1], amount)
            amount = Amount(
                max(e.value for e in ends), min(e.low for e in ends), max(e.high for e in ends),
                low[1].qualifier or amount.qualifier,
            )
            first = low[0]
            lows.add(r - 1)
        part = _part_of(tokens, runs, r)
        if part is not None:
            # "killed 14 of 20 passengers": the count is 14 (of a set of 20)
            first, amount, _ = part
        anchor = end - 1
        if start <= tokens[anchor].head < end and tokens[anchor].head != anchor:
            # "two hundred and fifty people": the run's own head ("hundred") holds the noun
            anchor = next((k for k in range(start, end) if not start <= tokens[k].head < end), anchor)
        if low is not None and tokens[anchor].dep == "conj" and tokens[tokens[anchor].head].pos == "NUM":
            anchor = tokens[anchor].head  # "between 20 and 30 people": the noun hangs off the 20
        span_start = tokens[first].start
        span_end = tokens[end - 1].end
        if _is_age(tokens, start, end):
            if _then(tokens, start):
                continue  # "the then-15-year-old": an age at another time
            owner, first_name = _age_owner(tokens, start, end)
            j = end
            while j < len(tokens) and tokens[j].text.lower() in ("-", "year", "years", "old"):
                span_end = tokens[j].end
                j += 1
            yield r, Quantity(("age", owner), amount, span_start, span_end, group=first_name)
            continue
        temperature = _temperature(tokens, start, end, amount)
        if temperature is not None:
            scale, signed, last = temperature
            if start > 0 and tokens[start - 1].text.lower() == "minus":
                # "about minus 20": the qualifier stands before the sign
                qualifier = qualifier or _qualifier(tokens, start - 1)
                signed = (_run_amount(words, qualifier) or amount).negated()
                span_start = tokens[start - 1 - len(qualifier.split()) if qualifier else start - 1].start
            yield r, Quantity(("temperature", scale), signed, span_start, tokens[last].end)
            continue
        glued = _scale_suffix(tokens, end)  # "1.5m", read as "1.5" then "m"
        if glued is not None and end + 1 < len(tokens) and tokens[end + 1].lemma in CURRENCIES:
            # "1.5m euros", "20m pounds" (read as "1.5" "m" "euros"): a sum, scaled, even in pounds
            unit = CURRENCIES[tokens[end + 1].lemma]
            yield r, Quantity(("money", unit), amount.scaled(glued), span_start, tokens[end + 1].end)
            continue
        if tokens[anchor].ent in ("DATE", "TIME") and not (end < len(tokens) and tokens[end].lemma in PERSON_NOUNS):
            # (spaCy calls "between 20 and 30 people" a date)
            days = _duration(tokens, start, end)
            if days is not None:  # "five days of rioting" / "four days of riots", "served four months"
                yield r, Quantity(("duration", ""), amount.scaled(days), span_start, tokens[end].end)
            continue  # "two days ago", "25 March", "11 a.m.": dates are compared as dates
        unit = CURRENCIES.get(tokens[start - 1].text.lower()) if start > 0 else None
        if unit is None and end + 1 < len(tokens) and tokens[end].text == "-" and tokens[end + 1].lemma in CURRENCIES:
            unit = CURRENCIES[tokens[end + 1].lemma]  # "a two-million-euro booty"
            span_end = tokens[end + 1].end
        elif unit is None and end < len(tokens):
            unit = CURRENCIES.get(tokens[end].lemma)
            if unit == "pound" and not _sterling(tokens, start, end):
                # "weighs 4.5 pounds", "weighing 200 pounds": a weight (in kilograms), not a sum
                yield r, Quantity(("weight", ""), amount.scaled(POUND_KG), span_start, tokens[end].end)
                continue
        if unit is not None:
            if _converted(tokens, first):
                continue  # "110 billion euros ($158 billion)": the same sum in another currency
            if glued is not None and start > 0 and tokens[start - 1].text.lower() in CURRENCIES:
                amount = amount.scaled(glued)  # "$1.5m": a million
                span_end = tokens[end].start + len(tokens[end].text.rstrip("."))
            yield r, Quantity(("money", unit), amount, span_start, span_end)
            continue
        if end < len(tokens) and tokens[end].text.lower() in ("%", "percent", "per"):
            last = end + 1 if end + 1 < len(tokens) and tokens[end + 1].text.lower() == "cent" else end
            span_end = tokens[last].end  # "5.4 per cent", quoted whole
            yield r, Quantity(("percent", ""), amount, span_start, span_end)
            continue
        distance = _distance(tokens, end, amount) if parsed else None
        if distance is not None:
            key, metres = distance
            yield r, Quantity(("distance", key), metres, span_start, tokens[end].end)
            continue
        category = ""
        counted = ""
        # a count word right after the number: "270 injured", "31 dead", "dozens injured"
        found = _category_index(tokens, [end]) if end < len(tokens) else None
        noun_i = _counted_noun(tokens, anchor, end) if parsed and found is None else None
        if found is not None:
            category = COUNT_CATEGORIES[tokens[found].lemma]
            span_end = tokens[found].end
        elif noun_i is not None:
            noun = tokens[noun_i]
            counted = noun.lemma
            category = COUNT_CATEGORIES.get(noun.lemma, "")
            span_end = max(span_end, noun.end)
            if not category and (noun.lemma in PERSON_NOUNS or noun.ent == "NORP"):
                # "dozens of people were injured": the number, not "of", hangs off the verb
                gov = tokens[anchor].head if noun_i > end and tokens[noun.head].text.lower() == "of" else noun.head
                if part is not None and tokens[gov].text.lower() == "of":
                    gov = tokens[part[2]].head  # "killed 14 of the 20 passengers": the 14 was killed
                if tokens[gov].text.lower() == "between":
                    gov = tokens[gov].head  # "arrested between 10 and 12 suspects"
                candidates = [gov]
                if tokens[gov].lemma == "be":
                    candidates += _predicate(tokens, gov, exclude=noun_i)
                result: list[int] = []
                if tokens[gov].lemma in _RESULT_VERBS:
                    # "left 41 people dead": what they were left is the count's kind
                    result = _children(tokens, gov, ("oprd", "acomp", "xcomp"))
                    candidates += result
                k = _category_index(tokens, candidates)
                category = COUNT_CATEGORIES[tokens[k].lemma] if k is not None else ""
                if k in result and 0 < k - noun_i <= 2:
                    span_end = tokens[k].end  # quoted as "41 people dead"
        elif parsed:
            t = tokens[anchor]
            if t.dep in NOMINAL_DEPS:
                k = _category_index(tokens, [t.head])
                if k is not None:
                    category = COUNT_CATEGORIES[tokens[k].lemma]
                    if 0 < anchor - k <= 3:
                        span_start = min(span_start, tokens[k].start)
        if (counted in PERSON_NOUNS and category) or COUNT_CATEGORIES.get(counted):
            counted = ""
        if counted in GENERIC_PERSONS:
            counted = ""
        if noun_i is not None and _names_a_thing(tokens, end, noun_i, amount.value):
            continue
        # some of a set, not the set's size: "one of his schools", "two of the victims",
        # "made 8 of 14 shots" (but "killed 14 of 20 passengers" is a toll of 14), "two
        # women and a man", and "55 wounded, 15 critically" (how badly some were hurt)
        some = noun_i is not None and not amount.qualifier and (
            (part is not None and not category) or _partitive(tokens, end, noun_i, bool(category))
            or _listed(tokens, noun_i)
        )
        hurt = (
            noun_i is None and end < len(tokens) and tokens[end].text.lower() in SEVERITY
            and start > 0 and tokens[start - 1].text == ","
        )
        if some or hurt:
            amount = Amount(amount.value, amount.low, math.inf, "at least")
        group = _group(tokens, end, noun_i) if noun_i is not None else ""
        other = (noun_i is not None and noun_i > end and tokens[end].text.lower() == "other") or (
            start > 0 and tokens[start - 1].text.lower() == "other"
        )
        if noun_i is not None and other and not amount.qualifier:
            # "seven other members", "the other seven members": more of them, or the rest
            amount = replace(amount, qualifier="other")
        if not category and (counted in MEASURE_UNITS or counted in _MERIDIEM):
            continue  # "2 A.M." is a time, not two of something
        if not category and not counted:
            continue  # a bare number with nothing to say what it counts
        if part is not None:
            lows.add(r - 1)  # the set's count replaces the picked number's own reading
        yield r, Quantity((category, counted), amount, span_start, span_end, group=group)


def _temperature(tokens: tuple[Token, ...], start: int, end: int, amount: Amount) -> tuple[str, Amount, int] | None:
    """A temperature ("minus 17 degrees", "minus-20 degree temperatures", "temperatures were
    minus 20", "40 degrees Fahrenheit"): its scale, signed value and its last token.

    A named scale or "below zero" makes a figure a temperature.  Otherwise "minus" or
    "degrees" needs a word of temperature that the figure hangs off ("temperatures of",
    "temperatures were", "degree temperatures"): a weather word elsewhere in the sentence
    does not turn "the wind shifted 180 degrees" or "plus or minus 4 percent" into one."""
    n = len(tokens)
    if end < n and tokens[end].text.lower() in ("%", "percent", "per", "pc"):
        return None
    sign = tokens[start - 1].text.lower() if start > 0 else ""
    if sign == "minus" and start > 2 and tokens[start - 2].text.lower() == "or":
        return None  # "plus or minus 4": a margin
    below = sign == "minus"
    if amount.value < 0:
        below, amount = True, amount.negated()
    k = end
    degree = k < n and (tokens[k].lemma == "degree" or tokens[k].text.startswith("°"))
    if degree:
        k += 1
    scale = ""
    if degree and tokens[k - 1].text.lower() in ("°f", "°c"):
        scale = TEMPERATURE_SCALES[tokens[k - 1].text.lower()]
    elif k < n:
        named = tokens[k].text.lower().rstrip(".")
        # "F" and "C" are scales only after a degree; "Celsius" always is one
        if named in TEMPERATURE_SCALES and (degree or len(named) > 1):
            scale, k = TEMPERATURE_SCALES[named], k + 1
    after = [t.text.lower() for t in tokens[k : k + 2]]
    # "10 below zero", "5 degrees below." (but not "5 degrees below normal")
    zero = after == ["below", "zero"] or (
        degree and after[:1] == ["below"] and (k + 1 >= n or tokens[k + 1].pos == "PUNCT")
    )
    if zero:
        below, k = True, k + (2 if after == ["below", "zero"] else 1)
    evidence = scale or zero or ((degree or below) and _about_temperature(tokens, k - 1 if degree else end - 1))
    if not evidence:
        return None
    return scale, amount.negated() if below else amount, k - 1


def _about_temperature(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether a word of temperature governs ``tokens[i]`` within three steps, or is the
    subject of the "be" that does ("temperatures were minus 20")."""
    for _ in range(3):
        head = tokens[i].head
        if head == i:
            return False
        i = head
        if tokens[i].lemma in TEMPERATURE_WORDS:
            return True
        if tokens[i].lemma == "be":
            return any(tokens[c].lemma in TEMPERATURE_WORDS for c in _children(tokens, i, ("nsubj",)))
    return False


_NOT_A_SPAN = frozenset("within last past next first final previous coming".split())
_DURATION_QUALIFIERS = frozenset(
    "more than less nearly almost about around over some roughly just only least at".split()
)


def _range_start(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether ``tokens[k]`` opens a range ("one to three years"), not a noun phrase that
    happens to be a number ("sentenced the two to 15 years", "the couple")."""
    if k < 0 or tokens[k].pos != "NUM" or not _numberish(tokens[k]):
        return False
    return k == 0 or tokens[k - 1].pos != "DET"


def _duration(tokens: tuple[Token, ...], start: int, end: int) -> float | None:
    """How long something lasted, in days, when the number ``tokens[start:end]`` measures
    it: "five days of rioting", "for four days", "served four months in prison", "sentenced
    to 20 years"; not when something happened ("two days ago", "three years later")."""
    if end >= len(tokens) or tokens[end].tag != "NNS":
        return None
    days = DURATION_UNITS.get(tokens[end].lemma)
    if days is None:
        return None
    after = tokens[end + 1].text.lower() if end + 1 < len(tokens) else ""
    while start > 0 and tokens[start - 1].text.lower() in _DURATION_QUALIFIERS:
        start -= 1
    before = tokens[start - 1] if start > 0 else None
    if before is not None and before.text.lower() in _NOT_A_SPAN:
        return None  # "within two days of the shooting", "the last five years"
    if before is not None and before.text.lower() in ("to", "and", "-") and _range_start(tokens, start - 2):
        return None  # the end of a range ("one to three years") is not how long it lasted
    if after in ("of", "in", "behind"):
        return days
    if before is not None and (before.text.lower() in ("for", "to") or before.lemma in ("serve", "spend", "last")):
        return days
    return None


def _reference(tokens: tuple[Token, ...], i: int) -> list[str]:
    """The object of a direction or preposition, through an "of": "east of Cloverdale"."""
    for k, t in enumerate(tokens):
        if t.head == i and k != i:
            if t.dep == "pobj":
                return [t.lemma]
            if t.dep == "prep":
                return [x.lemma for m, x in enumerate(tokens) if x.head == k and x.dep == "pobj" and m != k][:1]
    return []


_CONVERSION_SLACK = 0.05
"""Rounding when an outlet converts units ("2,000ft" is 610 m, "about 600m")."""


def _distance(tokens: tuple[Token, ...], end: int, amount: Amount) -> tuple[str, Amount] | None:
    """A length ("fell 200m", "60 metres from the ridge", "a depth of 2.7 miles") in metres,
    keyed by what it measures: the word its unit hangs off ("fall", "depth", "east")."""
    if end >= len(tokens) or tokens[end].text == "-":
        return None
    unit = tokens[end]
    factor = DISTANCE_UNITS.get(unit.text.lower(), DISTANCE_UNITS.get(unit.lemma))
    if factor is None:
        return None
    if unit.dep == "appos" or (end + 1 < len(tokens) and tokens[end + 1].text == ")"):
        return None  # "10 kilometers (six miles)": the conversion repeats the figure
    if unit.text.lower() == "m" and end + 1 < len(tokens) and tokens[end + 1].pos in ("NOUN", "PROPN", "ADJ"):
        return None  # "2m people", "the 100m final": millions, or an event's name
    i, seen = end, 0
    while seen < 4:
        seen += 1
        head = tokens[i].head
        if head == i:
            break
        i = head
        if not (tokens[i].pos == "ADP" and tokens[i].lemma == "of"):
            break
    key = tokens[i].lemma if i != end else ""
    if tokens[i].pos in ("ADP", "ADV"):
        # "13 miles east of Cloverdale", "60 metres from the ridge": from where
        key = " ".join((key, *_reference(tokens, i)))
    return key, amount.scaled(factor, _CONVERSION_SLACK)


_SCORE = re.compile(r"^\d+[-–]\d+$")
_MODEL_PREFIX = re.compile(r"^[A-Z]{1,4}$")


def _shouted(tokens: tuple[Token, ...]) -> bool:
    """A headline in capitals ("GUNMEN KILL 12 VILLAGERS"), where a short capitalised word
    before a number is no model name."""
    words = [t.text for t in tokens if t.text.isalpha()]
    return sum(w.isupper() for w in words) * 2 > len(words)


_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def _is_label(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Numbers that rank or label rather than count: ordinals ("11th round", "the
    85th Academy Awards", "a third"), scores and records ("58-3", "9 - 14")."""
    run = tokens[start:end]
    if any(ordinal_value(t.text) is not None for t in run):
        return True
    if any(_SCORE.match(t.text) for t in run):
        return True
    prefix = tokens[start - 1] if start > 0 else None
    if (
        prefix is not None and _MODEL_PREFIX.match(prefix.text) and not prefix.stop and run[0].text[:1].isdigit()
        and not _shouted(tokens)
    ):
        return True  # a model or a standard: "AK 47 rifles", "USB 3.0 ports", "F 16"
    before = start >= 2 and tokens[start - 1].text in ("-", "–") and tokens[start - 2].text[:1].isdigit()
    after = end + 1 < len(tokens) and tokens[end].text in ("-", "–") and tokens[end + 1].text[:1].isdigit()
    return before or after


COLLECTIVE_NOUNS = frozenset("staff crew police personnel militia cattle livestock".split())
"""Singular nouns that are counted like plurals ("100 staff")."""


def _names_a_thing(tokens: tuple[Token, ...], end: int, noun_i: int, value: float) -> bool:
    """A number before a singular noun names something rather than counting it: a
    calibre, an address, a model ("357 caliber", "the 12000 block"), a year before a
    name ("2013 Academy Awards"); "five-boat" is still a count of boats.  So does a
    number after its noun ("Route 52")."""
    noun = tokens[noun_i]
    if noun_i < end - 1:
        return True  # the number follows its noun: "Route 52", "Flight 93", "Room 101"
    hyphenated = end < len(tokens) and tokens[end].text == "-"
    if _YEAR.match(tokens[end - 1].text) and noun.pos == "PROPN":
        return True
    return value > 1 and noun.tag == "NN" and not hyphenated and noun.lemma not in COLLECTIVE_NOUNS


def _zero(tokens: tuple[Token, ...], start: int, end: int, parsed: bool) -> Iterator[Quantity]:
    """ "no one was killed": a count of zero for the event it is the argument of."""
    if not parsed:
        return
    head = tokens[end - 1].head
    category = COUNT_CATEGORIES.get(tokens[head].lemma, "")
    if category:
        yield Quantity((category, ""), Amount(0.0, 0.0, 0.0), tokens[start].start, tokens[end - 1].end)


def _kids(tokens: tuple[Token, ...]) -> list[list[int]]:
    """Children of every token, computed once per sentence."""
    kids: list[list[int]] = [[] for _ in tokens]
    for i, t in enumerate(tokens):
        if t.head != i:
            kids[t.head].append(i)
    return kids


def _children(tokens: tuple[Token, ...], head: int, deps: tuple[str, ...]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.head == head and i != head and t.dep in deps]


def _implied_ones(tokens: tuple[Token, ...], found: list[Quantity]) -> Iterator[Quantity]:
    """ "arrested a 28-year-old man", "killed a child": one person as the object of a
    counted event is a count of one; "no casualties" is a count of zero."""
    kids = _kids(tokens)
    for i, t in enumerate(tokens):
        if t.pos != "NOUN":
            continue
        dets = {tokens[c].text.lower(): c for c in kids[i] if tokens[c].dep == "det"}
        if "no" in dets and (t.lemma in COUNT_CATEGORIES or t.lemma in PERSON_NOUNS):
            category = COUNT_CATEGORIES.get(t.lemma) or COUNT_CATEGORIES.get(tokens[t.head].lemma, "")
            if category:
                yield Quantity((category, ""), Amount(0.0, 0.0, 0.0), tokens[dets["no"]].start, t.end)
            continue
        if t.tag != "NN" or t.dep not in ("dobj", "nsubjpass") or t.lemma not in PERSON_NOUNS:
            continue
        det = dets.get("a", dets.get("an"))
        if det is None:
            continue
        category = COUNT_CATEGORIES.get(tokens[t.head].lemma, "")
        if not category:
            continue
        if any(q.start <= t.start < q.end and q.key[0] != "age" for q in found):
            continue
        yield Quantity((category, ""), Amount(1.0, 1.0, 1.0, "a"), tokens[det].start, t.end)


_MONTH_NAME = "(" + "|".join(f"{m[:3]}(?:{m[3:]})?" if len(m) > 3 else m for m in MONTHS) + r"|sept)\.?"
_DATE_RE = re.compile(
    rf"\b{_MONTH_NAME}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME}(?![a-z])",
    re.IGNORECASE,
)
"""A day of a month: "March 3", "Sept. 3rd", "3 March", "3rd of March" (not "2 decades")."""


LIGHT_VERBS = frozenset("be have make do take get go come say tell report set schedule".split())


_ACTED = (frozenset(COUNT_CATEGORIES.values()) - {"magnitude"}) | {"age"}
"""Details whose actor is read: counts of people, and ages (when the aged person is the
clause's subject: "a 36-year-old Australian climber died" and "a 32-year-old British
climber fell" are two people)."""
_NOT_NATIONS = frozenset(
    "islamist jihadist muslim muslims christian christians catholic protestant jewish sunni shia shiite "
    "buddhist hindu sikh evangelical democrat democratic republican communist socialist conservative "
    "liberal maoist islamic".split()
)
"""NORP words that name a faith or a party rather than a nation: "Islamist gunmen" and
"Jihadist gunmen" may well be the same men."""


def _with_actor(tokens: tuple[Token, ...], q: Quantity) -> Quantity:
    """``q`` with the nationality of the agent of the clause it is counted in.

    Only a nationality (an NORP word: "German", "Belgian") modifying the subject
    ("German police have arrested two people") or the passive agent ("two people were
    arrested by German police") counts: place names are left alone, since "Belgian
    police" and "Brussels police" are one force.
    """
    if q.key[0] not in _ACTED:
        return q
    last = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].start < q.end), None)
    if last is None:
        return q
    i = last
    for _ in range(6):  # up to the verb the count belongs to
        if tokens[i].pos in ("VERB", "AUX") or tokens[i].head == i:
            break
        i = tokens[i].head
    else:
        return q
    agents = _children(tokens, i, ("nsubj",))
    for by in _children(tokens, i, ("agent",)):
        agents += _children(tokens, by, ("pobj",))
    for a in agents:
        if tokens[a].pos != "NOUN":
            continue
        nations = sorted(
            _nation(tokens, k) for k in _children(tokens, a, ("amod", "compound"))
            if tokens[k].ent == "NORP" and tokens[k].lemma not in _NOT_NATIONS
        )
        if nations:
            return replace(q, actor=" ".join(nations))
    return q




_NOT_THEN = frozenset("since than from until till before after compare compared".split())
"""Words that make a year a point of comparison ("the worst since 2004", "up from five
in 2008"), not the time of the clause."""
_NOW = frozenset((*WEEKDAYS, "today", "yesterday", "tonight", "tomorrow"))


def _year_clauses(tokens: tuple[Token, ...]) -> dict[int, str]:
    """The clause (its verb, or the root) of each year named on its own: "in 2004", "the
    2004 tsunami"; not "March 20, 2007", a day compared as a date, nor a year the
    clause compares with ("the worst since 2004", "double the 2008 toll").  A sentence
    that names a weekday, today or yesterday is the day's news whatever years it names."""
    if any(t.text.lower() in _NOW for t in tokens):
        return {}
    clauses: dict[int, str] = {}
    for k, t in enumerate(tokens):
        if t.ent != "DATE" or not _YEAR.match(t.text) or _in_calendar_date(tokens, k):
            continue
        i = k
        compared = False
        while tokens[i].head != i and tokens[i].pos not in ("VERB", "AUX"):
            compared = compared or tokens[i].dep in ("appos", "npadvmod")
            i = tokens[i].head
            compared = compared or tokens[i].lemma in _NOT_THEN or tokens[i].tag in ("JJS", "JJR", "RBS", "RBR")
        if not compared:
            clauses[i] = min(clauses.get(i, t.text), t.text)
    return clauses


def latest_year(documents: Sequence[Sequence[AnnotatedSentence]]) -> str:
    """The latest year the articles name in a calendar date ("January 4, 2009"), taken
    for the year of their event: news looks back far more often than ahead, and a year
    on its own ("the 2004 tsunami") is more often history than a date is."""
    return max(
        (
            t.text for doc in documents for s in doc for k, t in enumerate(s.tokens)
            if t.ent == "DATE" and _YEAR.match(t.text) and _in_calendar_date(s.tokens, k)
        ),
        default="",
    )


def shared_surnames(documents: Sequence[Sequence[AnnotatedSentence]]) -> frozenset[str]:
    """Surnames the articles give to two people ("Gary Gomes", "Catherine Gomes"); one
    person written two ways ("G. Gomes", "Gary Gomes") is one."""
    names: dict[str, set[str]] = {}
    for doc in documents:
        for s in doc:
            for ent in s.entities:
                words = [t.text.lower() for t in s.tokens[ent.first : ent.last] if t.pos == "PROPN"]
                if ent.label == "PERSON" and len(words) > 1:
                    names.setdefault(words[-1], set()).add(" ".join(words))
    return frozenset(
        surname for surname, full in names.items()
        if any(not one_name(x, y) for x, y in combinations(sorted(full), 2))
    )


def one_name(a: str, b: str) -> bool:
    """Whether two full names may be one person's: "Gomez Garcia" ends "Juan Gomez
    Garcia"; "J. Smith" is "John Smith"; "Catherine Gomes" is not "Gary Gomes"."""
    x, y = a.split(), b.split()
    if x[-len(y) :] == y or y[-len(x) :] == x:
        return True
    first_x, first_y = x[0].rstrip("."), y[0].rstrip(".")
    initial = (len(first_x) == 1 and first_y.startswith(first_x)) or (len(first_y) == 1 and first_x.startswith(first_y))
    return (first_x == first_y or initial) and x[-1] == y[-1]





def _in_calendar_date(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether the year ``tokens[k]`` ends a day's date ("January 4, 2009", "Jan. 4, 2009",
    "4 January 2009"); "December 2004" is a month of a year, as often history as a year
    alone, and "20 Marines in 2004" no date at all."""
    words = [x.text.lower().rstrip(".") for x in tokens[max(0, k - 3) : k] if x.text != ","]
    if len(words) < 2:
        return False
    a, b = words[-2:]

    def day(w: str) -> bool:
        w = re.sub(r"(st|nd|rd|th)$", "", w)
        return w.isdecimal() and 1 <= int(w) <= 31

    return (a in _MONTH_WORDS and day(b)) or (day(a) and b in _MONTH_WORDS)


def _with_era(tokens: tuple[Token, ...], q: Quantity, years: dict[int, str]) -> Quantity:
    """A figure inside the clause of a year ("In 2004, a quake triggered a tsunami that
    killed 230,000") is of that year; one outside it ("killing five people in a region
    devastated by the tsunami of 2004") is not."""
    i = next((k for k, t in enumerate(tokens) if t.start >= q.start), 0)
    for _ in range(len(tokens)):
        if i in years:
            return replace(q, era=years[i])
        if tokens[i].head == i:
            break
        i = tokens[i].head
    return q


def _nation(tokens: tuple[Token, ...], k: int) -> str:
    """The whole nationality a word ends: "North Korean", not "Korean"."""
    first = k
    while first > 0 and tokens[first - 1].ent == "NORP":
        first -= 1
    return " ".join(t.lemma for t in tokens[first : k + 1])


def _event(tokens: tuple[Token, ...], i: int) -> frozenset[str]:
    """The clause a token hangs off: its nearest noun or verb head plus the verb's arguments."""
    lemmas: set[str] = set()
    seen = 0
    while seen < 6:
        seen += 1
        head = tokens[i].head
        t = tokens[head]
        if head != i and t.ent == "DATE":
            i = head  # "March 3rd", "the 3rd of March": the rest of the date
            continue
        if t.pos == "NOUN" and head != i and t.lemma not in TIME_NOUNS:
            # "Tuesday's attacks", "a shooting at a party on Friday": the noun is the event
            lemmas.add(t.lemma)
            break
        if t.pos in ("VERB", "AUX") or head == i:
            if t.lemma not in LIGHT_VERBS:
                lemmas.add(t.lemma)
            for c, child in enumerate(tokens):
                if child.head == head and c != head and child.dep in ("nsubj", "nsubjpass", "dobj") \
                        and child.pos in ("NOUN", "PROPN"):
                    lemmas.add(child.lemma)
            if t.dep in ("relcl", "acl") and tokens[t.head].pos == "NOUN":
                # "the fire, which was set Friday night": the noun the clause describes
                lemmas.add(tokens[t.head].lemma)
            break
        i = head
    return frozenset(lemmas)


def _dates(tokens: tuple[Token, ...], lows: list[str]) -> Iterator[DateMention]:
    if not _WEEKDAYS.isdisjoint(lows):
        for i, low in enumerate(lows):
            if low in _WEEKDAYS and not _habitual(tokens, lows, i) and not _zoned(tokens, i):
                t = tokens[i]
                yield DateMention(low, t.start, t.end, _event(tokens, i))
    in_dates = [i for i, t in enumerate(tokens) if t.ent == "DATE"]
    if not in_dates:
        return
    dated: set[int] = set()
    # each run of adjacent date words on its own: "Williams, 32, ... on February 1" is no
    # "32 February" (spaCy may call an age a date)
    runs: list[list[int]] = []
    for i in in_dates:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        text = " ".join(tokens[i].text for i in run)
        offsets = list(accumulate((len(tokens[i].text) + 1 for i in run[:-1]), initial=0))
        for m in _DATE_RE.finditer(text):
            month = (m.group(1) or m.group(4)).lower()[:3]
            day = int(m.group(2) or m.group(3))
            if not 1 <= day <= 31:
                continue
            key = f"{_MONTH_WORDS[month]:02d}-{day:02d}"
            first = next((i for i in run if tokens[i].text.lower().startswith(month)), None)
            if first is not None:
                dated.add(first)
                # quote the whole date ("March 3, 2009"), not its month: the month is what
                # two differing dates most often share
                lo = run[bisect_right(offsets, m.start()) - 1]
                hi = run[bisect_right(offsets, m.end() - 1) - 1]
                year = hi + 2 if hi + 1 < len(tokens) and tokens[hi + 1].text == "," else hi + 1
                if year < len(tokens) and _YEAR.match(tokens[year].text):
                    hi = year
                yield DateMention(key, tokens[lo].start, tokens[hi].end, _event(tokens, first))
    # a month without a day ("in April 2007") still conflicts with a day in another month
    for i in in_dates:
        month = _MONTH_WORDS.get(tokens[i].text.lower().rstrip("."))
        if month and i not in dated:
            yield DateMention(f"{month:02d}", tokens[i].start, tokens[i].end, _event(tokens, i))


_WEEKDAYS = frozenset(WEEKDAYS)
_TIME_ZONES = frozenset("GMT UTC Z ET EST EDT CT CST CDT MT MST MDT PT PST PDT BST CET CEST WIB AEST AEDT".split())


def _zoned(tokens: tuple[Token, ...], i: int) -> bool:
    """A weekday given with a time zone ("18:41 local time (02:41 GMT Friday)"): the
    moment in another zone, whose day may be the next or the last."""
    return any(t.text in _TIME_ZONES for t in tokens[max(0, i - 2) : i])


def _habitual(tokens: tuple[Token, ...], lows: list[str], i: int) -> bool:
    """A weekday that recurs rather than dates: "on the second Tuesday of each month",
    "every Friday"."""
    if i > 0 and lows[i - 1] in ("every", "each"):
        return True
    # "the second Tuesday of each month" (but "the first Friday of Ramadan" is a day)
    return lows[i + 1 : i + 3] in (["of", "each"], ["of", "every"])
_MONTH_WORDS = {
    **{m: k + 1 for k, m in enumerate(MONTHS)},
    **{m[:3]: k + 1 for k, m in enumerate(MONTHS) if m != "may"},
    "sept": 9,
}


def dates_differ(a: str, b: str) -> bool | None:
    """Whether two date keys cannot name the same day (other weekdays, days or months:
    "04" against "03-20"); None when they cannot be compared (a weekday and a date)."""
    if a[:1].isdigit() != b[:1].isdigit():
        return None
    if a[:1].isdigit() and (len(a) == 2 or len(b) == 2):
        return a[:2] != b[:2]
    return a != b


HOME = "home of"
"""Role prefix of a person's home town ("home of LaSalle"): one person has one, so two
different places conflict even when they share nothing."""


def _person_name(sentence: AnnotatedSentence, i: int) -> str:
    """A person's first and last name ("Anthony Phillip LaSalle" is "Anthony LaSalle"), so
    relatives sharing a surname ("Patricia LaRue of Arlington", "Joyce LaRue of Jackson")
    are not taken for one person."""
    tokens = sentence.tokens
    for ent in sentence.entities:
        if ent.label == "PERSON" and ent.first <= i < ent.last:
            words = [t.text for t in tokens[ent.first : ent.last] if t.pos == "PROPN"]
            if len(words) > 1:
                return f"{words[0]} {words[-1]}"
    return tokens[i].text


def _roles(sentence: AnnotatedSentence) -> Iterator[RoleMention]:
    """Places attached to a common noun: "the Schaerbeek district", "the districts of Jette"."""
    tokens = sentence.tokens
    for ent in sentence.entities:
        if ent.label not in ROLE_LABELS:
            continue
        i = ent.last - 1
        seen = 0
        role = ""
        via_preposition = False
        via_of = False
        via_place = False  # "of Bloomington, Minnesota": the state qualifies the town
        while seen < 5:
            seen += 1
            head = tokens[i].head
            if head == i:
                break
            dep = tokens[i].dep
            i = head
            if ent.first <= i < ent.last:
                continue
            t = tokens[i]
            if t.pos == "ADP":
                via_preposition = True
                via_of = t.text.lower() == "of"
                continue
            if via_of and not via_place and t.pos == "PROPN" and t.ent == "PERSON" and dep == "prep":
                # "Anthony LaSalle, 36, of Bloomington": where a named person is from
                role = f"{HOME} {_person_name(sentence, i)}"
                break
            if dep == "conj" or t.ent in ROLE_LABELS:
                via_place = via_place or (t.ent in ROLE_LABELS and dep != "conj")
                continue
            if t.pos == "NOUN" and t.lemma in PLACE_NOUNS:
                named = any(
                    c.head == i and c.dep == "compound" and c.pos == "PROPN"
                    for c in tokens[max(0, i - 4) : i]
                )
                # in "the Forest district of Brussels" Brussels contains the district
                if not (named and via_preposition):
                    role = t.lemma
            break
        if role:
            yield RoleMention(role, ent.text, ent.start, ent.end)
            # "Schaerbeek and Jette": a conjoined name the NER missed shares the role
            for k in _children(tokens, ent.last - 1, ("conj",)):
                t = tokens[k]
                if t.pos == "PROPN" and t.ent not in ROLE_LABELS:
                    yield RoleMention(role, t.text, t.start, t.end)

