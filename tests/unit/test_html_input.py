"""Saved web pages: the article, its title and the outlet's name, or a one-line reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.ingest import InputError, load_article

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"

needs_extractor = pytest.mark.skipif(
    not __import__("tui.html_input").html_input.available(), reason="optional HTML extractor not installed"
)


@needs_extractor
def test_article_text_title_and_site_name():
    article = load_article(str(PAGES / "daily_example.html"))
    assert article.format == "html"
    assert article.name == "The Daily Example"  # og:site_name
    assert article.headline is not None
    assert article.text[article.headline.start : article.headline.end] == "Six arrested in Brava port raids"
    assert "Police arrested six people" in article.text
    for chrome in ("Share on Facebook", "cookies", "Most read", "Celebrity chef", "All rights reserved", "dataLayer"):
        assert chrome not in article.text
    # paragraphs are separated by blank lines in the extracted text
    assert article.text.count("\n\n") == len(article.paragraphs) - 1


@needs_extractor
def test_declared_latin1_page_and_host_name_as_site_name():
    article = load_article(str(PAGES / "valley_post.html"))
    assert article.name == "valleypost.test"  # no og:site_name: the canonical URL's host
    assert "café" in article.text
    assert article.notes == ()


@needs_extractor
def test_page_without_an_article(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(InputError) as info:
        load_article(str(page))
    assert str(info.value) == f"{page}: no article text found in the web page"


def test_missing_extractor_is_one_line(monkeypatch):
    import importlib

    real = importlib.import_module

    def without_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("No module named 'trafilatura'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", without_trafilatura)
    with pytest.raises(InputError) as info:
        load_article(str(PAGES / "daily_example.html"))
    message = str(info.value)
    assert "\n" not in message
    assert message.endswith("needs the optional HTML extractor (pip install 'parallax-reader[html]')")


def test_oversized_page_is_refused_before_extraction(tmp_path, monkeypatch):
    monkeypatch.setattr("tui.ingest.MAX_PAGE_BYTES", 1000)
    page = tmp_path / "huge.html"
    page.write_text("<html><body>" + "<p>Six people died.</p>" * 200 + "</body></html>")
    with pytest.raises(InputError, match="too large"):
        load_article(str(page))
