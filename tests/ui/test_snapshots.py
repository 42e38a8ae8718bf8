"""Snapshots of every screen and state of the reader, at fixed terminal sizes.

Update after an intended visual change with ``pytest --snapshot-update`` and
look at the SVGs (or ``snapshot_report.html``) before committing them.
"""

from __future__ import annotations

from tests.ui.conftest import SEEDS, TARRO, analysed

BIG = (160, 45)
SMALL = (80, 24)


def press_after_analysis(*keys):
    async def run_before(pilot):
        await analysed(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await analysed(pilot)

    return run_before


class TestMainScreen:
    def test_initial_view_large(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=BIG, run_before=press_after_analysis())

    def test_initial_view_small(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SMALL, run_before=press_after_analysis())

    def test_plain_text_before_analysis(self, snap_compare, make_app):
        """What the window paints before spaCy has finished: readable text, no colours yet."""
        assert snap_compare(make_app(analyse=False), terminal_size=BIG)

    def test_third_fact(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=BIG, run_before=press_after_analysis("n", "n", "n"))

    def test_divergence_with_fact_panel(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=BIG, run_before=press_after_analysis("d"))

    def test_divergence_small(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SMALL, run_before=press_after_analysis("d"))

    def test_entity_selected(self, snap_compare, make_app):
        async def run_before(pilot):
            await analysed(pilot)
            app = pilot.app
            kerry = next(e for e in app.comparison.entities if e.name == "John Kerry")
            app.choose_entity(kerry.id)
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=BIG, run_before=run_before)

    def test_search_matches(self, snap_compare, make_app):
        assert snap_compare(
            make_app(), terminal_size=BIG, run_before=press_after_analysis("slash", *"Kerry", "enter")
        )

    def test_boilerplate_hidden(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=BIG, run_before=press_after_analysis("b"))


class TestInputs:
    def test_two_articles(self, snap_compare, make_app):
        assert snap_compare(make_app(SEEDS[1:]), terminal_size=BIG, run_before=press_after_analysis("d"))

    def test_four_articles(self, snap_compare, make_app):
        assert snap_compare(make_app(TARRO), terminal_size=BIG, run_before=press_after_analysis("d"))

    def test_four_articles_small(self, snap_compare, make_app):
        assert snap_compare(make_app(TARRO), terminal_size=SMALL, run_before=press_after_analysis("d"))

    def test_four_articles_fact_panel_expanded(self, snap_compare, make_app):
        """'f': the fact panel tall enough for all four sources, which the usual height cuts."""
        assert snap_compare(make_app(TARRO), terminal_size=SMALL, run_before=press_after_analysis("d", "f"))


class TestHelpScreen:
    def test_help(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=BIG, run_before=press_after_analysis("question_mark"))


class TestCommandPalette:
    def test_palette_open(self, snap_compare, make_app):
        # with a query the hits are ordered by score; bare discovery order varies between runs
        assert snap_compare(make_app(), terminal_size=BIG, run_before=press_after_analysis("ctrl+p", *"expo"))

    def test_palette_search_facts(self, snap_compare, make_app):
        assert snap_compare(
            make_app(), terminal_size=BIG, run_before=press_after_analysis("ctrl+p", *"Kriket")
        )


class TestNotices:
    def test_rule_based_fallback_notice(self, snap_compare, make_app, monkeypatch):
        monkeypatch.setattr("tui.nlp.installed_models", lambda: [])
        assert snap_compare(make_app(), terminal_size=BIG, run_before=press_after_analysis())

    def test_error_notice(self, snap_compare, make_app):
        assert snap_compare(
            make_app(model="no_such_pipeline"), terminal_size=BIG, run_before=press_after_analysis()
        )

    def test_unreadable_file_notice(self, snap_compare, make_app):
        app = make_app(notices=["missing.txt: no such file"])
        assert snap_compare(app, terminal_size=SMALL, run_before=press_after_analysis())


MINIMUM = (60, 20)
TOO_SMALL = (50, 15)


class TestTerminal:
    def test_smallest_size(self, snap_compare, make_app):
        """60×20, the smallest size the layout works at: one pane in view, a divergence selected."""
        assert snap_compare(make_app(), terminal_size=MINIMUM, run_before=press_after_analysis("d"))

    def test_too_small(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=TOO_SMALL, run_before=press_after_analysis("d"))

    def test_no_color(self, snap_compare, make_app, monkeypatch):
        """NO_COLOR is read when the app is constructed: the marks (= ≠ +) still carry the meaning."""
        monkeypatch.setenv("NO_COLOR", "1")
        assert snap_compare(make_app(), terminal_size=SMALL, run_before=press_after_analysis("d"))

    def test_markdown_and_web_page(self, snap_compare, make_app):
        """A Markdown file (markup kept in the text, headline from its heading) beside a saved page
        (named by its og:site_name, text as extracted)."""
        from tests.ui.conftest import ROOT

        md = ROOT / "tests" / "data" / "pages" / "courier.md"
        page = ROOT / "tests" / "data" / "pages" / "daily_example.html"
        assert snap_compare(make_app([str(md), str(page)]), terminal_size=SMALL,
                            run_before=press_after_analysis("n"))
