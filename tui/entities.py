"""Named entities merged across sources and spellings.

Outlets spell the same name differently (Schaerbeek / Schaarbeek), shorten
it ("Kerry" for "John Kerry", "Mr Kerry") or add particles ("Khalid El
Bakraoui").  A mention joins a longer name only when the match is
unambiguous, so "Bakraoui" alone does not fuse two brothers.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.lexicon import PLACE_NOUNS
from tui.model import Entity, Mention
from tui.nlp import AnnotatedSentence, Span, Token
from tui.spelling import spelling_groups

KEPT_LABELS = frozenset(
    ("PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
)
FAMILY = {"GPE": "place", "LOC": "place", "FAC": "place", "PERSON": "person", "ORG": "org",
          "NORP": "group", "EVENT": "misc", "PRODUCT": "misc", "WORK_OF_ART": "misc", "LAW": "misc"}
TITLES = frozenset(
    "mr mrs ms miss dr sir lord lady president prime minister secretary gen general col "
    "sgt lt capt captain chancellor senator sen rep gov governor king queen prince pope "
    "judge mayor coach officer det detective".split()
)
PARTICLES = frozenset("el al de del da di van von der den la le bin ibn abu ben".split())
FUZZY_MIN = 85.0
"""Similarity (0-100) at which two single-word spellings are the same name;
Schaerbeek/Schaarbeek score 90, Maalbeek/Maelbeek 87.5, Austria/Australia 75."""


_POSSESSIVE = re.compile(r"'s$|'$")
_INITIALS = re.compile(r"\b\w\.(?: ?\w\.)+")
_QUOTES = "`'\"“”‘’«»"
_POSSESSIVE_ENDINGS = ("'s", "’s")


def name_bounds(text: str) -> tuple[int, int]:
    """Where the name lies in a mention's text: ``text[a:b]`` without the quotes around it
    or a possessive ("``American Pie", "Summit Entertainment's", "the Joneses'" ends at
    "Joneses").  Offsets, not a cleaned copy, so a mention highlights exactly the words
    shown as its name; the whole text when nothing would be left."""
    a, b = 0, len(text)
    while True:
        before = (a, b)
        while a < b and (text[a] in _QUOTES or text[a].isspace()):
            a += 1
        while b > a and (text[b - 1] in _QUOTES or text[b - 1].isspace()):
            b -= 1
        # "'s" alone is no name to cut down: something must come before it
        if b - a > 2 and text[b - 2 : b] in _POSSESSIVE_ENDINGS:
            b -= 2
        if (a, b) == before:
            return (a, b) if a < b else (0, len(text))


def shown_name(text: str) -> str:
    """A mention as a name: its ``name_bounds``, on one line."""
    a, b = name_bounds(text)
    return " ".join(text[a:b].split())


_ARTICLE = re.compile(r"^the\s+")
_PUNCT = re.compile(r"[^\w\s-]")


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Case-folded, accent-free, without a leading article or a possessive."""
    t = unicodedata.normalize("NFKD", text)
    if not t.isascii():
        t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.casefold().replace("’", "'")
    t = _POSSESSIVE.sub("", t)
    # "U.S." and the spaced "U. S." are "US"
    t = _INITIALS.sub(lambda m: m.group(0).replace(".", "").replace(" ", ""), t)
    t = _ARTICLE.sub("", t)
    t = _PUNCT.sub(" ", t)
    return " ".join(t.split())


def is_junk(text: str) -> bool:
    """Entities that are artefacts: timestamps, handles, URLs, lone letters."""
    t = text.strip()
    if len(t) < 2 or not any(c.isalpha() for c in t):
        return True
    if re.search(r"\d{1,2}[.:]\d{2}|\d{4}-\d{2}|https?:|www\.|\.com\b|^[@#]", t):
        return True
    return sum(c.isdigit() for c in t) > len(t) / 3


_HANDLE = re.compile(r"@\w")
"""An @handle's or an e-mail address's at sign ("@newsdesk", "jane@example.com")."""
_BEFORE_HANDLE = " \t\r\n([{<|:;,/-–—•·"
"""What joins a name to the handle after it: "Jane Doe (@janedoe", "Jane Doe - @janedoe"."""


def _without_handle(text: str, label: str) -> int | None:
    """Where the name ends in an entity that runs into an @handle, or None for no name.

    spaCy's small model joins a credit or a "follow us" line to the handle in it
    ("Jane Doe @janedoe", "Twitter @newsdesk").  A handle is never part of a name,
    so the name stops before the first one.  What precedes it stays a person only
    when it is a full name, two capitalised words or more: credits name people in
    full, while the lone word beside a handle is as often the platform or the desk
    ("Twitter", "Instagram", "Newsdesk") as a surname, and nothing in the text
    tells the two apart.  Other names keep what precedes ("Reuters @Reuters").
    Returns ``len(text)`` when there is no handle.
    """
    handle = _HANDLE.search(text)
    if handle is None:
        return len(text)
    end = handle.start()
    # back to the start of the word holding it ("jane@example.com"), but not past what
    # joins it to a name with no space ("Jane Doe(@janedoe", "Reuters/@Reuters")
    while end and not text[end - 1].isspace() and text[end - 1] not in _BEFORE_HANDLE:
        end -= 1
    while end and text[end - 1] in _BEFORE_HANDLE:
        end -= 1
    a, b = name_bounds(text[:end])
    words = text[a:b].split()
    if not words or is_junk(text[a:b]):
        return None
    if label == "PERSON" and sum(w[:1].isupper() for w in words) < 2:
        return None
    return end


def name_words(key: str) -> list[str]:
    words = [w for w in key.replace("-", " ").split() if w not in PARTICLES]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return words


ACRONYM_SKIP = frozenset("of the and for in on at to &".split())


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w and w not in ACRONYM_SKIP)


def _could_be_acronym(group: _Group) -> bool:
    """A one-word capitalised name that may abbreviate a longer one: AMD, Advanced Micro Devices.

    Only names of organisations, places and groups are abbreviated this way;
    people are not.
    """
    if len(group.words) != 1 or group.family == "person":
        return False
    letters = group.words[0].replace(".", "")
    return 3 <= len(letters) <= 6 and any(
        m[4].replace(".", "").replace(" ", "").isupper() for m in group.mentions
    )


@dataclass(slots=True)
class _Group:
    keys: set[str]
    words: list[str]
    family: str
    mentions: list[tuple[int, int, int, int, str, str]]
    """(source, sentence, start, end, text, label)"""


def _spellings(groups: Sequence[_Group]) -> dict[str, str]:
    """Fold name words that differ by a letter or two (Schaerbeek/Schaarbeek) to one spelling."""
    vocab = {w for g in groups for w in g.words}
    canon = {w: w for w in vocab}
    for words in spelling_groups([w for w in vocab if len(w) >= 5], FUZZY_MIN, "indel"):
        for w in words:
            canon[w] = words[-1]
    return canon


def _merge(groups: list[_Group]) -> list[_Group]:
    """Fold short forms, spellings and acronyms into the one longer name they stand for.

    Longest names come first, so a short form finds the names that contain all
    its words through an index; it joins only when exactly one name qualifies.
    """
    canon = _spellings(groups)
    words_of = {id(g): [canon[w] for w in g.words] for g in groups}
    groups = sorted(groups, key=lambda g: (-len(g.words), -len(g.mentions), min(g.keys)))
    merged: list[_Group] = []
    by_word: dict[str, set[int]] = defaultdict(set)
    by_initials: dict[str, set[int]] = defaultdict(set)

    def index_keys(i: int, group: _Group) -> None:
        if merged[i].family == "person":
            return
        for key in group.keys:
            words = normalise(key).replace("-", " ").split()
            if len(words) >= 2:
                by_initials[_initials(words)].add(i)
        # an initialism in a longer name gives a letter per initial ("U. S. Department
        # of Agriculture" is USDA), though ``normalise`` makes it one word ("us")
        for text in {m[4] for m in group.mentions if "." in m[4]}:
            if len(normalise(text).split()) >= 2:
                words = normalise(text.replace(".", " ")).replace("-", " ").split()
                by_initials[_initials(words)].add(i)

    for group in groups:
        words = words_of[id(group)]
        targets: list[int] = []
        if words:
            candidates = set.intersection(*(by_word.get(w, set()) for w in set(words)))
            targets = sorted(
                i for i in candidates
                if merged[i].family == group.family
                and (group.family == "person" or len(words_of[id(merged[i])]) == len(words))
            )
        if not targets and _could_be_acronym(group):
            letters = group.words[0].replace(".", "")
            targets = sorted(by_initials.get(letters, ()))
        if len(targets) == 1:
            target = merged[targets[0]]
            target.keys |= group.keys
            target.mentions.extend(group.mentions)
            index_keys(targets[0], group)
        else:
            merged.append(group)
            i = len(merged) - 1
            for w in set(words):
                by_word[w].add(i)
            index_keys(i, group)
    return merged


_ONLY_INITIALS = re.compile(r"[^\W\d_]\.(?: ?[^\W\d_]\.)+")
"""Letters with a full stop each and nothing else: "F. B. I.", "U.S.", "H.R."."""


def _initials_are_not_people(by_key: dict[str, list[tuple[int, int, int, int, str, str]]]) -> None:
    """Relabel "people" named by initials alone ("F. B. I.", "U. N.", "N. Y."): an acronym.

    spaCy's small model reads capital letters with full stops as a person's
    initials, though news text uses them alone for organisations and places
    far more often than for a person (who is named in full: "A. J. Smith").
    The acronym is kept, not dropped: it names something real and links the
    sentences that mention it.  It takes the label the articles give it
    elsewhere ("U. S." beside "U.S." the place, which ``normalise`` makes one
    key), else ORG, what an acronym most often stands for (FBI, UN, WHO).
    """
    for mentions in by_key.values():
        acronym = [m[5] == "PERSON" and _ONLY_INITIALS.fullmatch(m[4]) is not None for m in mentions]
        if not any(acronym):
            continue
        others = Counter(m[5] for m in mentions if m[5] != "PERSON")
        label = others.most_common(1)[0][0] if others else "ORG"
        mentions[:] = [(*m[:5], label) if is_acronym else m for m, is_acronym in zip(mentions, acronym, strict=True)]


def _plural_groups_are_not_people(by_key: dict[str, list[tuple[int, int, int, int, str, str]]]) -> None:
    """Relabel "people" named by the plural of a nationality found elsewhere in the
    articles ("Grieving Belgians" beside "Belgian police"): spaCy's small model
    often tags a plural group as a person.  A surname that happens to end in -s
    (Maurice Cheeks) is left alone, because no nationality "Cheek" is named."""
    groups = {key for key, mentions in by_key.items() if any(m[5] == "NORP" for m in mentions)}
    for key, mentions in by_key.items():
        last = key.split()[-1]
        if last.endswith("s") and last[:-1] in groups:
            mentions[:] = [(*m[:5], "NORP") if m[5] == "PERSON" else m for m in mentions]


def _person_words(documents: Sequence[Sequence[AnnotatedSentence]]) -> set[str]:
    """Words the articles use for a person beyond doubt: part of a full name
    ("Tyler Hansbrough"), or a name that does something or owns something
    ("Obama said", "Merkel's party")."""
    words: set[str] = set()
    for sentences in documents:
        for sent in sentences:
            for ent in sent.entities:
                if ent.label != "PERSON":
                    continue
                if ent.last - ent.first > 1:
                    words.update(ent.text.lower().split())
                elif ent.first < len(sent.tokens) and sent.tokens[ent.first].dep in ("nsubj", "nsubjpass", "poss"):
                    words.add(ent.text.lower())
    return words


def _person_is_a_place(sent: AnnotatedSentence, ent: Span, person_words: set[str]) -> bool:
    """A one-word "person" that the sentence uses as a place: "seen at the station in
    Maalbeek", "the districts of Schaerbeek and Jette", "the Exarchia neighbourhood".

    spaCy's small model often takes an unfamiliar place name for a person.  A name
    the articles also use for a person (``person_words``: "Woodward and Bernstein",
    "faith in Merkel" beside "Merkel said") stays a person, and so does the object
    of "at", which is as often a person ("shouted at Obama").
    """
    if (
        ent.label != "PERSON" or ent.last - ent.first != 1 or ent.first >= len(sent.tokens)
        or ent.text.lower() in person_words
    ):
        return False
    t = sent.tokens[ent.first]
    head = sent.tokens[t.head]
    return (
        (t.dep == "pobj" and head.lemma in ("in", "near"))
        or (t.dep == "compound" and head.lemma in PLACE_NOUNS)
        or (t.dep == "conj" and head.ent in ("GPE", "LOC", "FAC"))
    )


def _lower_case_words(documents: Sequence[Sequence[AnnotatedSentence]]) -> set[str]:
    """Every word the articles write in lower case somewhere."""
    return {t.text for sentences in documents for sent in sentences for t in sent.tokens if t.text.islower()}


def _opening_word(sent: AnnotatedSentence, start: int) -> Token | None:
    """The sentence's first word if a mention starts there (a quote mark may come before it)."""
    first = next((t for t in sent.tokens if any(c.isalnum() for c in t.text)), None)
    return first if first is not None and first.start == start else None


COMMON_CLASSES = frozenset(("NOUN", "ADJ", "VERB"))
"""Word classes of a common word: the tagger's view, which may overrule the entity recogniser's."""


def _capitalised_common_word(
    group: _Group, documents: Sequence[Sequence[AnnotatedSentence]], lower_case: set[str]
) -> bool:
    """A one-word "name" that is only ever capitalised because it opens a sentence
    ("Arson investigators said", "Groups of youths gathered"), and that the articles
    also write in lower case or the tagger reads as a common word ("Eyewitnesses
    said", "Dubbed the ..."): spaCy's small model took a common word for a name.

    A word capitalised inside a sentence even once ("the Navy said") is a name,
    and so is a proper noun the articles never write in lower case ("Ketsoyan said")."""
    if any(len(m[4].split()) != 1 for m in group.mentions):
        return False
    words = [_opening_word(documents[s][k], start) for s, k, start, *_ in group.mentions]
    if any(w is None for w in words):
        return False
    if any(m[4].lower() in lower_case for m in group.mentions):
        return True
    # the tagger's word class decides only for a plain word: not a nationality ("Spanish",
    # an adjective that is a group's name) nor a coined one ("TheOregonian", "SKY-TV")
    return all(
        w is not None and w.pos in COMMON_CLASSES and text.isalpha() and text.istitle() and label != "NORP"
        for w, (*_, text, label) in zip(words, group.mentions, strict=True)
    )


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """Merged entities plus, per sentence, the ids of the entities it mentions."""

    entities: tuple[Entity, ...]
    by_sentence: dict[tuple[int, int], tuple[str, ...]]
    by_offset: dict[tuple[int, int], str]
    """(source, start offset of a mention) -> entity id; the start of the entity span the
    mention was cut from (before a quote) finds it too."""


def merge_entities(
    documents: Sequence[Sequence[AnnotatedSentence]],
    excluded: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
) -> EntityIndex:
    """Merge every entity mention outside ``excluded`` (boilerplate) sentences."""
    by_key: dict[str, list[tuple[int, int, int, int, str, str]]] = defaultdict(list)
    # (source, start of a mention's name) -> start of the entity span it was cut from
    span_start: dict[tuple[int, int], int] = {}
    person_words = _person_words(documents)
    for s_i, sentences in enumerate(documents):
        for k, sent in enumerate(sentences):
            if (s_i, k) in excluded:
                continue
            for ent in sent.entities:
                if ent.label not in KEPT_LABELS or is_junk(ent.text):
                    continue
                end = _without_handle(ent.text, ent.label)
                if end is None:
                    continue
                a, b = name_bounds(ent.text[:end])
                text = ent.text[a:b]
                key = normalise(text)
                if key and not is_junk(text):  # a lone "'s" leaves "s"
                    label = "LOC" if _person_is_a_place(sent, ent, person_words) else ent.label
                    by_key[key].append((s_i, k, ent.start + a, ent.start + b, text, label))
                    span_start[(s_i, ent.start + a)] = ent.start

    _initials_are_not_people(by_key)
    _plural_groups_are_not_people(by_key)
    groups: list[_Group] = []
    for key, mentions in by_key.items():
        label = Counter(m[5] for m in mentions).most_common(1)[0][0]
        groups.append(_Group({key}, name_words(key), FAMILY[label], list(mentions)))
    merged = _merge(groups)
    lower_case = _lower_case_words(documents)
    merged = [g for g in merged if not _capitalised_common_word(g, documents, lower_case)]

    entities: list[Entity] = []
    by_sentence: dict[tuple[int, int], list[str]] = defaultdict(list)
    ordered = sorted(merged, key=lambda g: (min((m[0], m[2]) for m in g.mentions)))
    for n, group in enumerate(ordered):
        eid = f"e{n}"
        ordered_mentions = sorted(group.mentions)
        # spellings as names: "Meyer's" and "Meyer" are one spelling of one name
        spellings = [shown_name(m[4]) for m in ordered_mentions]
        texts = Counter(spellings)
        first_seen = {t: i for i, t in reversed(list(enumerate(spellings)))}
        # the fullest, most frequent spelling; on a tie, the one read first
        name = max(texts, key=lambda t: (len(name_words(normalise(t))), texts[t], -first_seen[t]))
        label = Counter(m[5] for m in group.mentions).most_common(1)[0][0]
        variants = tuple(sorted(texts, key=lambda t: (-texts[t], t)))
        mentions = tuple(
            Mention(source=s, sentence=k, start=a, end=b, text=t)
            for s, k, a, b, t, _ in sorted(group.mentions)
        )
        entities.append(Entity(eid, name, label, variants, mentions))
        for m in mentions:
            if eid not in by_sentence[(m.source, m.sentence)]:
                by_sentence[(m.source, m.sentence)].append(eid)
    # a mention is found by where its name starts and by where spaCy's span did: the
    # details read places from the spans, quote and all ("``Brussels")
    by_offset = {
        (m.source, start): e.id
        for e in entities
        for m in e.mentions
        for start in (m.start, span_start[(m.source, m.start)])
    }
    return EntityIndex(tuple(entities), {k: tuple(v) for k, v in by_sentence.items()}, by_offset)
