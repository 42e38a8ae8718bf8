"""Entity merging across spellings and short forms, without fusing different people."""

from __future__ import annotations

import pytest

from tui.entities import is_junk, merge_entities, normalise
from tui.nlp import AnnotatedSentence, Span, Token


def sentence(*names: tuple[str, str]) -> AnnotatedSentence:
    spans = []
    pos = 0
    for text, label in names:
        spans.append(Span(pos, pos + len(text), text, label, 0, 1))
        pos += len(text) + 1
    return AnnotatedSentence(0, pos, 0, (), tuple(spans))


def groups(index) -> dict[str, set[str]]:
    return {e.name: set(e.variants) for e in index.entities}


def test_spelling_variants_merge():
    index = merge_entities([[sentence(("Schaerbeek", "GPE"))], [sentence(("Schaarbeek", "GPE"))]])
    assert groups(index) == {"Schaerbeek": {"Schaerbeek", "Schaarbeek"}}


def test_short_person_names_join_the_full_name():
    index = merge_entities([
        [sentence(("John Kerry", "PERSON"))],
        [sentence(("Kerry", "PERSON")), sentence(("Mr Kerry", "PERSON"))],
    ])
    (kerry,) = index.entities
    assert kerry.name == "John Kerry" and len(kerry.mentions) == 3
    assert {m.source for m in kerry.mentions} == {0, 1}


def test_ambiguous_surname_does_not_fuse_two_people():
    index = merge_entities([[
        sentence(("Ibrahim El Bakraoui", "PERSON")),
        sentence(("Khalid El Bakraoui", "PERSON")),
        sentence(("Bakraoui", "PERSON")),
    ]])
    names = groups(index)
    assert "Ibrahim El Bakraoui" in names and "Khalid El Bakraoui" in names
    assert names["Ibrahim El Bakraoui"] == {"Ibrahim El Bakraoui"}


def test_places_need_every_word():
    index = merge_entities([[sentence(("Brussels", "GPE")), sentence(("Brussels Airport", "FAC"))]])
    assert len(index.entities) == 2


def test_junk_and_boilerplate_mentions_are_dropped():
    assert is_junk("8.00.54 AMHope")
    assert is_junk("@HenriotGeoffrey")
    index = merge_entities([[sentence(("Geoffrey Henriot", "PERSON")), sentence(("Paris", "GPE"))]],
                           excluded={(0, 0)})
    assert groups(index) == {"Paris": {"Paris"}}


def test_dotted_initials_merge_with_plain_ones():
    index = merge_entities([
        [sentence(("U.S. Geological Survey", "ORG"))], [sentence(("US Geological Survey", "ORG"))],
    ])
    assert groups(index) == {"U.S. Geological Survey": {"U.S. Geological Survey", "US Geological Survey"}}


def test_names_are_shown_without_quotes_or_a_possessive():
    """"Summit Entertainment's" and "``American Pie" were shown as names in the sidebar."""
    index = merge_entities([
        [sentence(("Summit Entertainment's", "ORG")), sentence(("``American Pie", "WORK_OF_ART"))],
        [sentence(("Summit Entertainment's", "ORG")), sentence(("Summit Entertainment", "ORG"))],
    ])
    names = groups(index)
    assert names["Summit Entertainment"] == {"Summit Entertainment"}
    assert "American Pie" in names


def test_normalise_folds_case_accents_and_possessives():
    assert normalise("Belgium’s") == normalise("belgium") == "belgium"
    assert normalise("Université") == "universite"
    assert normalise("the Bataclan") == "bataclan"


def test_a_plural_nationality_tagged_as_a_person_is_a_group():
    index = merge_entities([
        [sentence(("Belgian", "NORP"))],
        [sentence(("Grieving Belgians", "PERSON")), sentence(("Maurice Cheeks", "PERSON"))],
    ])
    labels = {e.name: e.label for e in index.entities}
    assert labels["Grieving Belgians"] == "NORP"
    assert labels["Maurice Cheeks"] == "PERSON"  # a surname in -s, and no nationality "Cheek"


def parsed(*words: tuple[str, str, int, str]) -> AnnotatedSentence:
    """A sentence from (text, dep, head, entity label) per word; entities are one word each."""
    tokens, spans, pos = [], [], 0
    for k, (text, dep, head, label) in enumerate(words):
        tokens.append(Token(pos, text, text.lower(), "PROPN" if label else "X", "", dep, head, False, False, label))
        if label:
            spans.append(Span(pos, pos + len(text), text, label, k, k + 1))
        pos += len(text) + 1
    return AnnotatedSentence(0, pos, 0, tuple(tokens), tuple(spans))


def test_a_person_used_as_a_place_is_a_place():
    seen_in = parsed(("seen", "ROOT", 0, ""), ("in", "prep", 0, ""), ("Maalbeek", "pobj", 1, "PERSON"))
    districts = parsed(
        ("districts", "ROOT", 0, ""), ("of", "prep", 0, ""), ("Schaerbeek", "pobj", 1, "GPE"),
        ("and", "cc", 2, ""), ("Jette", "conj", 2, "PERSON"),
    )
    index = merge_entities([[seen_in, districts]])
    labels = {e.name: e.label for e in index.entities}
    assert labels == {"Maalbeek": "LOC", "Schaerbeek": "GPE", "Jette": "LOC"}


@pytest.mark.parametrize(
    "other",
    [
        # part of a full name elsewhere
        AnnotatedSentence(0, 17, 0, (), (Span(0, 17, "Tyler Hansbrough", "PERSON", 0, 2),)),
        # the subject of a verb elsewhere: "Hansbrough said"
        parsed(("Hansbrough", "nsubj", 1, "PERSON"), ("said", "ROOT", 1, "")),
    ],
)
def test_a_name_used_for_a_person_elsewhere_stays_a_person(other):
    faith_in = parsed(("faith", "ROOT", 0, ""), ("in", "prep", 0, ""), ("Hansbrough", "pobj", 1, "PERSON"))
    index = merge_entities([[faith_in], [other]])
    assert {e.label for e in index.entities} == {"PERSON"}


def test_the_object_of_at_stays_a_person():
    at = parsed(("shouted", "ROOT", 0, ""), ("at", "prep", 0, ""), ("Obama", "pobj", 1, "PERSON"))
    (person,) = merge_entities([[at]]).entities
    assert person.label == "PERSON"


def test_a_common_word_opening_a_sentence_is_no_name():
    """spaCy's small model tags a capitalised common word at a sentence's start as a name
    ("Arson investigators said" gave a person "Arson"); the articles writing the word in
    lower case elsewhere give it away.  A word capitalised mid-sentence too, or never
    written in lower case, stays a name."""
    opening = [
        parsed(("Arson", "compound", 1, "PERSON"), ("investigators", "nsubj", 2, ""), ("said", "ROOT", 2, "")),
        parsed(("Navy", "compound", 1, "ORG"), ("divers", "nsubj", 2, ""), ("searched", "ROOT", 2, "")),
        parsed(("Ketsoyan", "nsubj", 1, "PERSON"), ("said", "ROOT", 1, "")),
    ]
    lower = parsed(("an", "det", 1, ""), ("arson", "compound", 2, ""), ("attack", "ROOT", 2, ""), ("navy", "X", 2, ""))
    assert {e.name for e in merge_entities([opening, [lower]]).entities} == {"Ketsoyan"}
    # "Navy" named mid-sentence as well: a name; without the lower-case "arson", so is "Arson"
    mid = parsed(("the", "det", 1, ""), ("Navy", "nsubj", 2, "ORG"), ("said", "ROOT", 2, ""))
    assert {e.name for e in merge_entities([opening, [mid]]).entities} == {"Arson", "Navy", "Ketsoyan"}


def opening(word: str, pos: str, label: str) -> AnnotatedSentence:
    """A sentence opened by ``word``, tagged ``pos`` by the tagger and ``label`` by the recogniser."""
    first = Token(0, word, word.lower(), pos, "", "nsubj", 1, False, False, label)
    said = Token(len(word) + 1, "said", "say", "VERB", "", "ROOT", 1, False, False, "")
    return AnnotatedSentence(0, said.end, 0, (first, said), (Span(0, len(word), word, label, 0, 1),))


def test_a_word_the_tagger_reads_as_common_is_no_name_at_a_sentence_start():
    """"Eyewitnesses said" gave a place; the tagger's NOUN overrules the recogniser for a plain
    word opening a sentence, but not for a nationality or a coined name."""
    sentences = [
        opening("Eyewitnesses", "NOUN", "GPE"), opening("Spanish", "ADJ", "NORP"),
        opening("TheOregonian", "NOUN", "ORG"), opening("Ketsoyan", "PROPN", "PERSON"),
    ]
    assert {e.name for e in merge_entities([sentences]).entities} == {"Spanish", "TheOregonian", "Ketsoyan"}
    # named mid-sentence elsewhere, the word is a name whatever its class at the start
    mid = parsed(("the", "det", 1, ""), ("Eyewitnesses", "nsubj", 2, "GPE"), ("said", "ROOT", 2, ""))
    assert "Eyewitnesses" in {e.name for e in merge_entities([sentences, [mid]]).entities}


def in_text(text: str, *names: tuple[str, str]) -> AnnotatedSentence:
    """A sentence of ``text`` whose entities are the given spans, found in order."""
    spans, pos = [], 0
    for name, label in names:
        start = text.index(name, pos)
        pos = start + len(name)
        spans.append(Span(start, pos, name, label, 0, 1))
    return AnnotatedSentence(0, len(text), 0, (), tuple(spans))


def test_mentions_span_the_name_without_quotes_or_a_possessive():
    """The export's mention offsets covered "Sarah Palin's" while the name shown was "Sarah Palin"."""
    text = "\"Sarah Palin's\" aide met Sarah Palin’s son, ``Sarah Palin'' and the Joneses' lawyer."
    spans = [
        ('"Sarah Palin\'s"', "PERSON"),
        ("Sarah Palin’s", "PERSON"),
        ("``Sarah Palin''", "PERSON"),
        ("Joneses'", "ORG"),
    ]
    index = merge_entities([[in_text(text, *spans)]])
    names = {e.name: [text[m.start : m.end] for m in e.mentions] for e in index.entities}
    assert names == {"Sarah Palin": ["Sarah Palin"] * 3, "Joneses": ["Joneses"]}
    for e in index.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    # the details look places up by where spaCy's span starts, quote and all
    assert index.by_offset[(0, 0)] == index.by_offset[(0, 1)]


def test_a_handle_is_not_part_of_a_name():
    """spaCy ran a credit line into one "person": "Twitter @newsdesk", "Jane Doe @janedoe"."""
    text = "Follow Twitter @newsdesk for news from Jane Doe (@janedoe). Jane Doe said so."
    spans = [("Twitter @newsdesk", "PERSON"), ("Jane Doe (@janedoe", "PERSON"), ("Jane Doe", "PERSON")]
    index = merge_entities([[in_text(text, *spans)]])
    (jane,) = index.entities
    assert jane.name == "Jane Doe" and [text[m.start : m.end] for m in jane.mentions] == ["Jane Doe"] * 2
    # beside a handle, a lone word may be the platform; an organisation keeps it
    assert [e.name for e in merge_entities([[sentence(("Reuters @Reuters", "ORG"))]]).entities] == ["Reuters"]
    assert not merge_entities([[sentence(("'s", "PERSON"))]]).entities
    # joined with no space, the handle still takes none of the name
    for credit, label, name in (("Jane Doe(@janedoe", "PERSON", "Jane Doe"), ("Reuters/@Reuters", "ORG", "Reuters")):
        assert [e.name for e in merge_entities([[sentence((credit, label))]]).entities] == [name]


def test_initials_alone_are_an_acronym_not_a_person():
    index = merge_entities(
        [
            [sentence(("F. B. I.", "PERSON")), sentence(("N. Y.", "PERSON"))],
            [sentence(("FBI", "ORG")), sentence(("U.S.", "GPE")), sentence(("U. S.", "PERSON"))],
        ]
    )
    labels = {e.name: (e.label, len(e.mentions)) for e in index.entities}
    # the label the articles give the acronym elsewhere, else ORG
    assert labels == {"F. B. I.": ("ORG", 2), "N. Y.": ("ORG", 1), "U.S.": ("GPE", 2)}
    assert normalise("U. S.") == normalise("U.S.") == "us"


def test_an_acronym_finds_a_name_written_with_initials():
    index = merge_entities(
        [
            [sentence(("U. S. Department of Agriculture", "ORG"))],
            [sentence(("U.S. Department of Agriculture", "ORG")), sentence(("USDA", "ORG"))],
        ]
    )
    (usda,) = index.entities
    assert len(usda.mentions) == 3
