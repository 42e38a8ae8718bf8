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
