"""The checkable details of a sentence: counts, ages, days and dates, places by role.

Divergence detection compares these between sentences of one fact.  Each
detail carries a *key* saying what it is about ("injured", ("age", "kriket"),
"district") so only like is compared with like, and the character span of its
wording so the reader can emphasise exactly "270 injured".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.lexicon import (
    COUNT_CATEGORIES,
    GENERIC_PERSONS,
    MONTHS,
    PLACE_NOUNS,
    QUALIFIER_PHRASES,
    WEEKDAYS,
)
from tui.nlp import AnnotatedSentence, Token
from tui.numbers import QUALIFIERS, Amount, is_number_word, is_thousands_comma, ordinal_value, phrase_value

NOMINAL_DEPS = frozenset(("dobj", "nsubj", "nsubjpass", "conj", "pobj", "appos", "attr", "npadvmod"))
SKIP_ENTS = frozenset(("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"))
# entity labels whose place in a sentence can be compared across sources
ROLE_LABELS = frozenset(("GPE", "LOC", "FAC"))


@dataclass(frozen=True, slots=True)
class Quantity:
    key: tuple[str, str]
    """(category, counted noun): ("injured", ""), ("age", "kriket"), ("", "boat")."""
    amount: Amount
    start: int
    end: int

    @property
    def what(self) -> str:
        category, noun = self.key
        if category == "age":
            return f"age of {noun}" if noun else "age"
        return category or noun


@dataclass(frozen=True, slots=True)
class DateMention:
    key: str
    """A weekday ("thursday") or a calendar date ("03-25")."""
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RoleMention:
    role: str
    """Lemma of the common noun the place hangs off ("district", "city")."""
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Details:
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    roles: tuple[RoleMention, ...]


EMPTY = Details((), (), ())


def extract(sentence: AnnotatedSentence, parsed: bool = True) -> Details:
    tokens = sentence.tokens
    quantities = list(_quantities(tokens, parsed))
    if parsed:
        quantities.extend(_implied_ones(tokens, quantities))
    return Details(tuple(quantities), tuple(_dates(tokens)), tuple(_roles(sentence) if parsed else ()))


def _number_runs(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Maximal runs of number words ("two hundred and fifty", "a dozen", "2.5 million")."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if _numberish(t):
            j = i + 1
            texts = [x.text for x in tokens]
            while j < n and (
                _numberish(tokens[j])
                or tokens[j].text.lower() in ("and", "-") and j + 1 < n and _numberish(tokens[j + 1])
                or is_thousands_comma(texts, j)
            ):
                j += 1
            start = i
            # "a dozen", "half a dozen"
            if start > 0 and tokens[start - 1].text.lower() in ("a", "an") and tokens[start].text.lower() in ("dozen", "couple", "pair", "hundred", "thousand", "million"):
                start -= 1
                if start > 0 and tokens[start - 1].text.lower() == "half":
                    start -= 1
            runs.append((start, j))
            i = j
        else:
            i += 1
    return runs


_SCALE_WORDS = frozenset(("dozen", "couple", "hundred", "thousand", "million", "billion"))


def _numberish(t: Token) -> bool:
    return is_number_word(t.text) and (t.like_num or t.text.lower() in _SCALE_WORDS)


def _qualifier(tokens: tuple[Token, ...], start: int) -> str:
    words = [t.text.lower() for t in tokens[max(0, start - 3) : start]]
    for phrase in QUALIFIER_PHRASES:
        if len(phrase) <= len(words) and tuple(words[len(words) - len(phrase) :]) == phrase:
            return " ".join(phrase)
    return ""


def _is_age(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    after = " ".join(t.text.lower() for t in tokens[end : end + 4])
    if re.match(r"^(- )?years? (- )?old\b|^-?year-old\b|^years? of age\b", after):
        return True
    last = tokens[end - 1]
    if "-year-old" in last.text.lower():
        return True
    # "Reda Kriket, 34," : a bare number in apposition to a person
    if (
        end - start == 1
        and start > 0
        and tokens[start - 1].text == ","
        and (end >= len(tokens) or tokens[end].text in (",", ".", ")"))
        and start > 1
        and tokens[start - 2].pos == "PROPN"
    ):
        value = phrase_value([tokens[start].text])
        return value is not None and 1 <= value <= 110
    return False


def _age_owner(tokens: tuple[Token, ...], start: int, end: int) -> str:
    """Who the age belongs to: the adjacent name's last word, else the noun it modifies."""
    if start > 1 and tokens[start - 2].pos == "PROPN":
        return tokens[start - 2].text.lower()
    j = end
    while j < len(tokens) and (
        tokens[j].text.lower() in ("-", "year", "years", "old", "year-old")
        or tokens[j].text.lower().endswith("year-old")
    ):
        j += 1
    name = ""
    for k in range(j, min(j + 5, len(tokens))):
        t = tokens[k]
        if t.pos == "PROPN":
            name = t.text.lower()
        elif name or t.pos not in ("ADJ", "NOUN"):
            break
        elif t.pos == "NOUN":
            return t.lemma
    return name


def _category_near(tokens: tuple[Token, ...], indexes: list[int]) -> str:
    i = _category_index(tokens, indexes)
    return COUNT_CATEGORIES[tokens[i].lemma] if i is not None else ""


def _category_index(tokens: tuple[Token, ...], indexes: list[int]) -> int | None:
    for i in indexes:
        if 0 <= i < len(tokens) and tokens[i].lemma in COUNT_CATEGORIES:
            return i
    return None


def _predicate(tokens: tuple[Token, ...], verb: int, exclude: int, depth: int = 3) -> list[int]:
    """Tokens under a copula's predicate ("were among those hurt"), nearest first."""
    out: list[int] = []
    frontier = [verb]
    for _ in range(depth):
        nxt = [
            i for i, t in enumerate(tokens)
            if t.head in frontier and i not in frontier and i != exclude and t.head != i
        ]
        out.extend(nxt)
        frontier = nxt
    return out


def _quantities(tokens: tuple[Token, ...], parsed: bool):
    for start, end in _number_runs(tokens):
        words = [t.text for t in tokens[start:end]]
        value = phrase_value(words)
        if value is None:
            continue
        anchor = end - 1
        qualifier = _qualifier(tokens, start)
        low, high = QUALIFIERS.get(qualifier, (1.0, 1.0))
        amount = Amount(value, value * low, value * high, qualifier)
        first = start - len(qualifier.split()) if qualifier else start
        span_start = tokens[first].start
        span_end = tokens[end - 1].end
        if _is_age(tokens, start, end):
            owner = _age_owner(tokens, start, end)
            j = end
            while j < len(tokens) and tokens[j].text.lower() in ("-", "year", "years", "old"):
                span_end = tokens[j].end
                j += 1
            yield Quantity(("age", owner), amount, span_start, span_end)
            continue
        if tokens[anchor].ent in ("DATE", "TIME"):
            continue  # "two days ago", "25 March", "11 a.m.": dates are compared as dates
        t = tokens[anchor]
        counted = ""
        category = ""
        if parsed and t.dep in ("nummod", "quantmod") and tokens[t.head].pos in ("NOUN", "PROPN", "ADJ"):
            head_i = t.head
            noun = tokens[head_i]
            counted = noun.lemma
            category = COUNT_CATEGORIES.get(noun.lemma, "")
            span_end = max(span_end, noun.end)
            if not category and (noun.lemma in GENERIC_PERSONS or noun.ent in ("NORP", "")):
                gov = noun.head
                candidates = [gov]
                if tokens[gov].lemma == "be":
                    candidates += _predicate(tokens, gov, exclude=head_i)
                category = _category_near(tokens, candidates)
        else:
            found = None
            if parsed and t.dep in NOMINAL_DEPS:
                found = _category_index(tokens, [t.head])
            if found is None and end < len(tokens) and tokens[end].pos != "ADP":
                # "31 dead and 300 wounded": the word right after the number
                found = _category_index(tokens, [end, end + 1])
            if found is not None:
                category = COUNT_CATEGORIES[tokens[found].lemma]
                if 0 <= found - anchor <= 2:
                    span_end = tokens[found].end
                elif 0 < anchor - found <= 3:
                    span_start = min(span_start, tokens[found].start)
        if counted in GENERIC_PERSONS or COUNT_CATEGORIES.get(counted):
            counted = ""
        if not category and not counted:
            continue  # a bare number with nothing to say what it counts
        yield Quantity((category, counted), amount, span_start, span_end)


def _children(tokens: tuple[Token, ...], head: int, deps: tuple[str, ...]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.head == head and i != head and t.dep in deps]


def _implied_ones(tokens: tuple[Token, ...], found: list[Quantity]):
    """ "arrested a 28-year-old man": a singular person as the object of a counted event is one."""
    for i, t in enumerate(tokens):
        if t.pos != "NOUN" or t.tag != "NN" or t.dep not in ("dobj", "nsubjpass"):
            continue
        if t.lemma not in GENERIC_PERSONS:
            continue
        det = [c for c in _children(tokens, i, ("det",)) if tokens[c].text.lower() in ("a", "an")]
        if not det:
            continue
        category = COUNT_CATEGORIES.get(tokens[t.head].lemma, "")
        if not category:
            continue
        start = tokens[det[0]].start
        if any(q.start <= t.start < q.end and q.key[0] != "age" for q in found):
            continue
        yield Quantity((category, ""), Amount(1.0, 1.0, 1.0, "a"), start, t.end)


_DATE_RE = re.compile(
    r"\b(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+("
    + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\b",
    re.IGNORECASE,
)


def _dates(tokens: tuple[Token, ...]):
    for t in tokens:
        low = t.text.lower()
        if low in WEEKDAYS:
            yield DateMention(low, t.start, t.end)
    text = " ".join(t.text for t in tokens if t.ent == "DATE")
    for m in _DATE_RE.finditer(text):
        month = (m.group(1) or m.group(4)).lower()[:3]
        day = int(m.group(2) or m.group(3))
        key = f"{[x[:3] for x in MONTHS].index(month) + 1:02d}-{day:02d}"
        first = next((t for t in tokens if t.ent == "DATE" and t.text.lower().startswith(month)), None)
        if first is not None:
            yield DateMention(key, first.start, first.end)


def _roles(sentence: AnnotatedSentence):
    """Places attached to a common noun: "the Schaerbeek district", "the districts of Jette"."""
    tokens = sentence.tokens
    for ent in sentence.entities:
        if ent.label not in ROLE_LABELS:
            continue
        i = ent.last - 1
        seen = 0
        role = ""
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
            if dep == "conj" or t.pos == "ADP" or t.ent in ROLE_LABELS:
                continue
            if t.pos == "NOUN" and t.lemma in PLACE_NOUNS:
                role = t.lemma
            break
        if role:
            yield RoleMention(role, ent.text, ent.start, ent.end)
            # "Schaerbeek and Jette": a conjoined name the NER missed shares the role
            for k in _children(tokens, ent.last - 1, ("conj",)):
                t = tokens[k]
                if t.pos == "PROPN" and not t.ent:
                    yield RoleMention(role, t.text, t.start, t.end)

