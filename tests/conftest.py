"""Shared fixtures: the spaCy pipeline and the seeds' analysis are built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def pipeline():
    from tui.nlp import load_pipeline

    pipe, warning = load_pipeline()
    assert warning is None, "tests need the English spaCy pipeline installed"
    return pipe


@pytest.fixture(scope="session")
def seed_articles():
    from tui.ingest import load_article

    return [load_article(str(p)) for p in SEEDS]


@pytest.fixture(scope="session")
def seed_prepared(seed_articles, pipeline):
    from tui.analysis import prepare
    from tui.nlp import annotate

    return prepare(seed_articles, annotate(seed_articles, pipeline))


@pytest.fixture(scope="session")
def seed_comparison(seed_prepared):
    from tui.analysis import build

    return build(seed_prepared)


@pytest.fixture(scope="session")
def analyse_texts(pipeline):
    """Analyse small articles given as strings; returns (articles, prepared, comparison)."""
    from tui.analysis import build, prepare
    from tui.ingest import build_article
    from tui.nlp import annotate

    def run(*texts: str, threshold: float | None = None):
        articles = [build_article(f"a{i}.txt", f"a{i}", t) for i, t in enumerate(texts)]
        prepared = prepare(articles, annotate(articles, pipeline))
        return articles, prepared, build(prepared, threshold)

    return run


@pytest.fixture(scope="session")
def sentence_details(pipeline):
    """Details extracted from one sentence of text."""
    from tui.details import extract
    from tui.ingest import build_article
    from tui.nlp import annotate

    def run(text: str):
        article = build_article("x.txt", "x", text)
        sentences = annotate([article], pipeline).documents[0]
        return extract(sentences[0]), text

    return run


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's analysis cache (subprocesses inherit this)."""
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path_factory.mktemp("cache") / "parallax"))
