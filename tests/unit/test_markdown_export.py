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
