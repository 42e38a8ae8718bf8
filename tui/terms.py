"""What a sentence is about, as weighted terms for alignment.

Outlets paraphrase, so surface strings are a poor basis for matching.  Each
sentence becomes a bag of *terms*: content lemmas without stop words, numbers
as values ("six" and "6" are both ``#6``), and merged entities (``@e3`` for
"Kerry", "John Kerry" and "Mr Kerry").  Proper-noun spellings that differ by a
letter or two (Schaarbeek) are folded into one term first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.nlp import Token
from tui.numbers import is_number_word, is_spaced_point, is_thousands_comma, phrase_value, term
from tui.spelling import spelling_groups

SKIP_POS = frozenset(("PUNCT", "SPACE", "SYM", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "X"))
_NUMBER_POS = frozenset(("NUM", "NOUN", "ADJ", "PROPN", "X", ""))
_NUMBER_JOINERS = frozenset(("hundred", "thousand", "million", "billion", "and"))
SPELLING_MIN = 0.85
"""Normalised Levenshtein similarity at which two proper-noun spellings fold."""
# words so common in news prose that sharing them says nothing about the fact
REPORTING = frozenset(
    "say tell report accord add claim state describe confirm believe understand "
    "also just still even already now today yesterday year time".split()
)


def word_class(token: Token) -> str:
    """Coarse class used to weigh overlap: P proper name, N noun, V verb, # number, O other."""
    if token.pos == "PROPN" or token.ent in ("PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"):
        return "P"
    if token.pos == "NOUN":
        return "N"
    if token.pos == "VERB":
        return "V"
    if token.pos == "NUM":
        return "#"
    return "O"


def sentence_terms(tokens: Sequence[Token], entity_ids: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Raw (term, class) pairs of one sentence, before spelling folding and weighting."""
    out: list[tuple[str, str]] = []
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t.pos in _NUMBER_POS and (t.like_num or is_number_word(t.text)):
            j = i + 1
            texts = [x.text for x in tokens]
            while j < n and (
                tokens[j].like_num
                or tokens[j].text.lower() in _NUMBER_JOINERS
                or is_thousands_comma(texts, j)
                or (j == i + 1 and is_spaced_point(texts, j))
            ):
                j += 1
            value = phrase_value([x.text for x in tokens[i:j]])
            if value is not None:
                out.append((term(value), "#"))
                i = j
                continue
        i += 1
        if t.pos in SKIP_POS or t.stop or t.lemma in REPORTING:
            continue
        lemma = t.lemma.strip("'’-.")
        if len(lemma) < 2 or not any(c.isalpha() for c in lemma):
            continue
        out.append((lemma, word_class(t)))
    out.extend(("@" + e, "P") for e in entity_ids)
    return out


def fold_spellings(bags: Sequence[Sequence[tuple[str, str]]]) -> dict[str, str]:
    """Map near-identical proper-noun spellings to the most frequent one.

    Uses bulk rapidfuzz comparisons over the proper-noun vocabulary (see
    :mod:`tui.spelling`), so it costs one pass however many sentences there are.
    """
    counts = Counter(t for bag in bags for t, _ in bag)
    proper = {t for bag in bags for t, c in bag if c == "P" and not t.startswith(("@", "#"))}
    vocab = sorted(w for w in proper if len(w) >= 6)
    if len(vocab) < 2:
        return {}
    mapping: dict[str, str] = {}
    for words in spelling_groups(vocab, SPELLING_MIN, "levenshtein"):
        best = max(words, key=lambda w: (counts[w], w))
        mapping.update({w: best for w in words if w != best})
    return mapping
