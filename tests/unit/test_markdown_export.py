"""The Markdown report renders article text as the text it is."""

from __future__ import annotations

from markdown_it import MarkdownIt

from tui.export.markdown_export import to_markdown


def test_article_markup_characters_render_as_text(analyse_texts):
    """The corpus's ``quotes'' opened code spans that swallowed the text between them,
    and a <b> tag in a plain-text article passed into the report as HTML."""
    _, _, comp = analyse_texts(
        "Storm\n\nThe storm on Monday killed 12 people in Brava, the ``worst in memory'' said the mayor.\n\n"
        "Residents called it <b>the big one</b> and a *disaster* for the_town & its port.",
        "Brava storm\n\nThe storm on Monday killed 15 people in Brava, officials said.",
    )
    html = MarkdownIt("commonmark").enable("table").render(to_markdown(comp))
    assert "killed 12 people in Brava, the ``worst in memory'' said the mayor." in html
    assert "&lt;b&gt;the big one&lt;/b&gt; and a *disaster* for the_town &amp; its port." in html


def test_sentences_that_start_like_a_block_stay_text(analyse_texts):
    """A unique sentence is written as "- {text}": "1." alone made an empty numbered list
    that swallowed it, "- CUMBRIA POLICE" a nested list, "# …" a heading."""
    _, _, comp = analyse_texts(
        "Storm\n\nThe storm on Monday killed 12 people in Brava, officials said.\n\n1.\n\n"
        "- CUMBRIA POLICE\n\n# The prosecutor spoke.\n\n2) Juror twelve was dismissed.",
        "Brava storm\n\nThe storm on Monday killed 15 people in Brava, officials said.",
    )
    html = MarkdownIt("commonmark").enable("table").render(to_markdown(comp))
    for text in ("<li>1.</li>", "<li>- CUMBRIA POLICE</li>", "<li># The prosecutor spoke.</li>",
                 "<li>2) Juror twelve was dismissed.</li>"):
        assert text in html
    assert "<ol" not in html and "<h1>The prosecutor" not in html


def test_escape_sequences_never_reach_the_terminal(analyse_texts):
    _, _, comp = analyse_texts(
        "Storm\x1b]0;pwned\x07\n\nThe storm on Monday killed 12 people in Brava.\x1b[2J",
        "Brava storm\n\nThe storm on Monday killed 15 people in Brava, officials said.",
    )
    report = to_markdown(comp)
    assert "\x1b" not in report and "\x07" not in report


def test_paths_and_names_are_shown_as_they_are(analyse_texts):
    """A file name's escape sequence reached the terminal through the path (the name beside
    it was made safe), a tab in it became a space that names another file, and a source
    named "_Times_" came out in italics."""
    from dataclasses import replace

    _, _, comp = analyse_texts(
        "Storm\n\nThe storm on Monday killed 12 people in Brava.",
        "Brava storm\n\nThe storm on Monday killed 15 people in Brava, officials said.",
    )
    first = replace(comp.sources[0], path="evil\x1b[2J\tname.txt", name="The _Times_ of my_town")
    report = to_markdown(replace(comp, sources=(first, *comp.sources[1:])))
    assert "\x1b" not in report and "`evil\\x1b[2J\\tname.txt`" in report
    html = MarkdownIt("commonmark").enable("table").render(report)
    assert "<em>" not in html and "The _Times_ of my_town" in html
    assert "- **The \\_Times\\_ of my_town**" in report  # inside a word an underscore is left bare


def test_a_value_one_source_repeats_in_its_own_conflict_is_listed_once(analyse_texts):
    from dataclasses import replace

    from tui.model import Conflict, DetailValue

    _, _, comp = analyse_texts(
        "Storm\n\nThe storm on Monday killed 12 people in Brava.",
        "Brava storm\n\nThe storm on Monday killed 15 people in Brava, officials said.",
    )
    values = (DetailValue(0, 1, "24 dead", 0, 7), DetailValue(0, 3, "24 dead", 9, 16), DetailValue(0, 4, "ten", 0, 3))
    report = to_markdown(replace(comp, conflicts=(Conflict(0, "number", "killed", values),)))
    assert "killed: 24 dead vs ten" in report
