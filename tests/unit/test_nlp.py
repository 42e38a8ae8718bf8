"""The spaCy pass: every article in one call, batched so the model's own steps are not split."""

from __future__ import annotations

from tui.ingest import build_article
from tui.nlp import annotate


def test_articles_go_through_spacy_once_and_each_parser_sees_them_together(pipeline, monkeypatch):
    calls = []
    real = pipeline.nlp.pipe

    def spy(texts, **kwargs):
        texts = list(texts)
        calls.append((len(texts), kwargs))
        return real(texts, **kwargs)

    monkeypatch.setattr(pipeline.nlp, "pipe", spy)
    texts = [f"Storm hits town {i}\n\nThe storm hit the town." for i in range(3)]
    articles = [build_article(f"a{i}.txt", f"a{i}", text) for i, text in enumerate(texts)]
    annotation = annotate(articles, pipeline)

    assert [n for n, _ in calls] == [3]
    assert all(len(doc) == 2 for doc in annotation.documents)  # headline + sentence
    (_, kwargs), = calls
    parsers = [n for n in ("parser", "ner") if n in pipeline.nlp.pipe_names]
    assert parsers
    for name in parsers:
        # spaCy's parsers work through their batch a quarter at a time: all three
        # short articles must fit in one quarter, or the model runs twice
        assert kwargs["component_cfg"][name]["batch_size"] // 4 >= 3


PARAGRAPH = (
    "Police arrested {i} men in Brussels on Thursday. "
    "The raids followed searches in the Schaerbeek district."
)


def _spans(annotation):
    return [[(s.start, s.end, s.paragraph) for s in doc] for doc in annotation.documents]


def test_a_long_article_is_read_in_pieces_with_the_same_sentences(pipeline, monkeypatch):
    """spaCy refuses texts over its length limit and needs memory in proportion to
    one document, so a long article is read in pieces cut at paragraph breaks;
    the sentences, their offsets and their entities must not depend on that."""
    text = "\n\n".join(PARAGRAPH.format(i=i) for i in range(40))
    article = build_article("long.txt", "long", text)
    whole = annotate([article], pipeline)
    monkeypatch.setattr("tui.nlp.MAX_DOCUMENT", 1_000)
    pieces = annotate([article], pipeline)

    assert len(text) > 4_000
    assert _spans(pieces) == _spans(whole)
    assert len(pieces.documents[0]) == 80
    for sentence in pieces.documents[0]:
        for e in sentence.entities:
            assert text[e.start : e.end] == e.text
        for t in sentence.tokens:
            assert text[t.start : t.start + len(t.text)] == t.text


def test_a_paragraph_longer_than_a_piece_is_cut_after_a_sentence(pipeline, monkeypatch):
    text = " ".join(PARAGRAPH.format(i=i) for i in range(40))
    monkeypatch.setattr("tui.nlp.MAX_DOCUMENT", 1_000)
    (doc,) = annotate([build_article("one.txt", "one", text)], pipeline).documents

    assert len(doc) == 80
    assert all(text[s.start : s.end].endswith(".") for s in doc)
    assert {text[s.start : s.end] for s in doc} == {
        sentence + "." for p in (PARAGRAPH.format(i=i) for i in range(40)) for sentence in p[:-1].split(". ")
    }


def test_an_article_over_spacys_length_limit_is_annotated(pipeline, monkeypatch):
    """A text longer than the pipeline's ``max_length`` made spaCy raise (E088)."""
    monkeypatch.setattr(pipeline.nlp, "max_length", 2_000)
    text = "\n\n".join(PARAGRAPH.format(i=i) for i in range(60))
    assert len(text) > pipeline.nlp.max_length
    (doc,) = annotate([build_article("book.txt", "book", text)], pipeline).documents
    assert len(doc) == 120
    assert text[doc[-1].start : doc[-1].end] == "The raids followed searches in the Schaerbeek district."


def test_a_long_paragraph_is_not_cut_after_an_abbreviation(pipeline, monkeypatch):
    """The cut inside an over-long paragraph went after the last '. X', which can be
    'Mr. Smith': the pieces then split one sentence in two."""
    monkeypatch.setattr("tui.nlp.MAX_DOCUMENT", 1_000)
    sentence = "Police said the raids in Brussels would go on. "
    tail = "Officials said Mr. Smith would attend the meeting in Brussels next week."
    pad = sentence * (950 // len(sentence))
    text = pad + " " * (980 - len(pad) - len("Officials said ")) + tail
    assert text.index("Mr. Smith") < 1_000 < text.index(" next week")
    (doc,) = annotate([build_article("one.txt", "one", text)], pipeline).documents
    assert text[doc[-1].start : doc[-1].end] == tail


def test_a_decimal_printed_with_a_space_after_its_point_is_one_number_term(pipeline):
    # token-rebuilt corpora print "$2.6 million" as "$2. 6 million": the same figure to align on
    from tui.numbers import term
    from tui.terms import sentence_terms

    texts = ["Heist\n\nThieves took jewels worth $2. 6 million.", "Heist\n\nThieves took jewels worth $2.6 million."]
    articles = [build_article(f"a{i}.txt", f"a{i}", text) for i, text in enumerate(texts)]
    numbers = [
        {t for t, c in sentence_terms(doc[1].tokens) if c == "#"} for doc in annotate(articles, pipeline).documents
    ]
    assert numbers[0] == numbers[1] == {term(2_600_000)}
