"""The analysis cache: hits skip spaCy, and bad entries are rebuilt, never trusted."""

from __future__ import annotations

import pickle

import pytest

from tui import cache
from tui.analysis import build, prepare_articles
from tui.ingest import build_article


@pytest.fixture
def articles():
    return [
        build_article("a.txt", "a", "Storm hits Brava\n\nThe storm killed six people in Brava on Monday."),
        build_article("b.txt", "b", "Brava storm\n\nSix people died when the storm hit Brava on Monday."),
    ]


def test_second_run_uses_the_cache_without_spacy(articles, monkeypatch):
    first, _ = prepare_articles(articles)
    assert list(cache.cache_dir().glob("*.pickle"))

    def no_spacy(*_args, **_kwargs):
        raise AssertionError("the cache should have answered")

    monkeypatch.setattr("tui.nlp.load_pipeline", no_spacy)
    second, _ = prepare_articles(articles)
    assert build(second).facts == build(first).facts
    assert second.articles == tuple(articles)


def test_key_depends_on_text_and_model(articles):
    edited = [articles[0], build_article("b.txt", "b", articles[1].text + " More.")]
    assert cache.key(articles, None) != cache.key(edited, None)
    assert cache.key(articles, None) != cache.key(articles, "rules")
    renamed = [build_article("x.txt", "x", a.text) for a in articles]
    assert cache.key(articles, None) == cache.key(renamed, None)


def test_key_depends_on_the_alignment_weights(articles, monkeypatch, tmp_path):
    """Refitted weights change every link, so entries made with the old ones are stale."""
    before = cache.key(articles, None)
    refitted = tmp_path / "alignment_model.json"
    refitted.write_bytes(cache.ALIGNMENT_MODEL.read_bytes().replace(b"{", b'{"refit": 1,', 1))
    monkeypatch.setattr(cache, "ALIGNMENT_MODEL", refitted)
    assert cache.key(articles, None) != before


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(("other-key", "layout", object()))])
def test_corrupt_or_foreign_entries_are_rebuilt(articles, damage):
    prepare_articles(articles)
    (entry,) = cache.cache_dir().glob("*.pickle")
    entry.write_bytes(damage)
    assert cache.load(entry.stem, articles) is None
    assert not entry.exists()
    prepared, _ = prepare_articles(articles)  # rebuilt and stored again
    assert entry.exists() and build(prepared).facts


def test_an_entry_that_loads_but_cannot_be_built_is_forgotten(articles):
    """An entry in the right layout whose contents do not fit together (as one written by
    other code may) is removed and the articles analysed afresh, never a crash."""
    import dataclasses

    from tui.analysis import compare_articles

    good, _ = prepare_articles(articles)
    (entry,) = cache.cache_dir().glob("*.pickle")
    with entry.open("wb") as f:
        pickle.dump((entry.stem, cache._layout(), dataclasses.replace(good, unit_of={})), f)
    prepared, comparison, _ = compare_articles(articles)
    assert comparison.facts and prepared.unit_of
    assert not entry.exists()


def test_layout_covers_nested_types():
    """A field added to a token or a detail makes old entries stale, not misread."""
    layout = cache._layout()
    assert "tui.nlp.Token(" in layout and "tui.details.Details(" in layout


def test_a_cache_folder_that_cannot_be_entered_is_no_cache(articles, monkeypatch):
    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cache.Path, "is_file", refuse)
    assert not cache.has("x")
    assert cache.load("x", articles) is None


def test_no_cache_writes_nothing(articles):
    prepare_articles(articles, use_cache=False)
    assert not cache.cache_dir().exists()


def test_cache_lives_where_documented(monkeypatch, tmp_path):
    monkeypatch.delenv("PARALLAX_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "parallax"
