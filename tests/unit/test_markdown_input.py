"""Markdown: markup is blanked for the analysis, the text as read is kept for offsets."""

from __future__ import annotations

import pytest

from tui.ingest import InputError, build_article, load_article
from tui.markdown_input import mask

CASES = {
    "# Storm hits Brava": "  Storm hits Brava",
    "## Update ##": "   Update   ",
    "The **police** said *six* died.": "The   police   said  six  died.",
    "Use `grep` here.": "Use  grep  here.",
    "A [report](https://ex.test/a_(b)) said.": "A  report" + " " * 24 + " said.",
    "A [report][ref] said.": "A  report       said.",
    "![a photo](img/x.png) Six died.": "                      Six died.",
    "- Six died.": "  Six died.",
    "12. Six died.": "    Six died.",
    "> Six died.": "  Six died.",
    "> > Six died.": "    Six died.",
    "---": "   ",
    "* * *": "     ",
    "Six <b>died</b>.": "Six    died    .",
    "[ref]: https://ex.test/a \"Title\"": " " * 32,
    "snake_case_name stays": "snake_case_name stays",
    "5 * 3 = 15": "5 * 3 = 15",
    "Tom &amp; Jerry": "Tom &     Jerry",
    "\\*not emphasis\\*": " *not emphasis *",
    "| Arrested | 6 |": "  Arrested   6  ",
    # a link with no text (an icon's) and an embed's script and style: nothing to read
    "Six died.[](https://t.co/x1)": "Six died." + " " * 19,
    'A <script src="w.js">var s = "Read more.";</script> B': "A " + " " * 49 + " B",
    "A <STYLE>p { color: red }</STYLE> B": "A " + " " * 31 + " B",
    "~~wrong~~ right": "  wrong   right",
    "Use ``a ` b`` here.": "Use   a ` b   here.",
}


@pytest.mark.parametrize("source", list(CASES))
def test_markup_is_masked_with_spaces(source):
    assert mask(source) == CASES[source]


def test_mask_keeps_length_and_line_breaks():
    text = "---\ntitle: x\n---\n\n# Head\r\n\n```py\nprint(1)\n```\n\nText *here*.\n"
    masked = mask(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(text) if c in "\r\n"] == [i for i, c in enumerate(masked) if c in "\r\n"]
    assert masked.split() == ["Head", "Text", "here", "."]


def test_markdown_article_headline_paragraphs_and_offsets():
    text = (
        "# Six arrested in **Brava** raids?\n\n"
        "Police arrested [six people](https://ex.test/six) across Brava on\n"
        "Monday, officials said, after a three-month investigation into the\n"
        "smuggling network.\n\n"
        "- Two were released.\n"
        "- Four will appear in court on **Wednesday**.\n\n"
        "---\n\n"
        "[six people]: https://ex.test/six\n"
    )
    article = build_article("a.md", "a", text, format="markdown")
    assert len(article.analysis_text) == len(article.text) == len(text)
    assert "\n" not in article.analysis_text
    paras = [text[p.start : p.end] for p in article.paragraphs]
    assert paras[0] == "Six arrested in **Brava** raids?"
    assert paras[1].startswith("Police arrested [six people]") and paras[1].endswith("network.")
    assert paras[2:] == ["Two were released.", "Four will appear in court on **Wednesday**."]
    assert article.headline == article.paragraphs[0]  # a heading is the headline despite its "?"
    assert article.format == "markdown"


def test_markdown_file_is_read_as_markdown_with_its_source_line(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("**Source:** *The Daily Example*\n\n# Storm hits Brava\n\nSix people died.\n")
    article = load_article(str(path))
    assert article.format == "markdown"
    assert article.name == "The Daily Example"


def test_markup_only_file_is_refused(tmp_path):
    path = tmp_path / "links.md"
    path.write_text("[a]: https://ex.test/a\n\n---\n\n![img](x.png)\n")
    with pytest.raises(InputError, match="only markup"):
        load_article(str(path))


def test_sentences_quote_the_original_markdown(analyse_texts, pipeline):
    from tui.analysis import build, prepare
    from tui.nlp import annotate

    texts = [
        "# Storm hits Brava\n\nThe storm killed **six** people in [Brava](https://ex.test) on Monday.\n",
        "Brava storm\n\nSix people died when the storm hit Brava on Monday, officials said.\n",
    ]
    articles = [
        build_article("a.md", "a", texts[0], format="markdown"),
        build_article("b.txt", "b", texts[1]),
    ]
    comparison = build(prepare(articles, annotate(articles, pipeline)))
    md = comparison.sources[0]
    assert md.title == "Storm hits Brava"
    for s in md.sentences:
        assert texts[0][s.start : s.end] == s.text
    assert any("**six** people in [Brava](https://ex.test)" in s.text for s in md.sentences)
    assert md.format == "markdown"


def test_a_code_span_opens_only_with_a_whole_run_of_backticks():
    """CommonMark: "``" can only be closed by "``", so "a``b`c" has no code span (the
    second backtick of the run opened one, and trying every backtick of a long run
    against the rest of the file took minutes)."""
    assert mask("a``b`c") == "a``b`c"  # literal backticks, nothing blanked
    text = "Police said " + "`" * 2000 + " hi.\n\nSix people died."
    assert mask(text).endswith("Six people died.")
