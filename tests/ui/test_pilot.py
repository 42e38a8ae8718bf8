"""The reader's behaviour, asserted on state rather than pixels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ui.conftest import SEEDS, TARRO, analysed


def current_rows(app):
    """(pane, cursor sentence, screen row) for every pane with a member of the current fact."""
    fact = app.comparison.facts[app.fact_index]
    out = []
    for pane in app.panes:
        if pane.source in fact.sources:
            out.append((pane.source, pane.cursor, pane.row_of(pane.cursor)))
    return fact, out


@pytest.mark.asyncio
async def test_next_fact_puts_every_member_on_one_row(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        for _ in range(5):
            await pilot.press("n")
            await pilot.pause()
            fact, rows = current_rows(app)
            members = {(m.source, m.sentence) for m in fact.members}
            assert len(rows) >= 2
            assert all((source, cursor) in members for source, cursor, _ in rows)
            assert len({row for _, _, row in rows}) == 1, rows
            height = app.panes[0].scrollable_content_region.height
            assert 0 <= rows[0][2] < height


@pytest.mark.asyncio
async def test_previous_and_bracket_keys_walk_back(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        await pilot.press("n", "n", "n")
        assert app.fact_index == 2
        await pilot.press("p")
        assert app.fact_index == 1
        await pilot.press("right_square_bracket")
        assert app.fact_index == 2
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.fact_index == 0


@pytest.mark.asyncio
async def test_divergence_keys_visit_only_divergences(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        divergent = [i for i, f in enumerate(app.comparison.facts) if f.status == "divergence"]
        assert divergent
        seen = []
        for _ in range(len(divergent)):
            await pilot.press("d")
            seen.append(app.fact_index)
        assert seen == divergent
        await pilot.press("D")
        assert app.fact_index == divergent[-2 if len(divergent) > 1 else 0]


@pytest.mark.asyncio
async def test_unique_key_moves_the_cursor_to_unique_sentences(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        pane = app.panes[1]
        pane.focus()
        await pilot.press("u")
        first = pane.cursor
        assert app.comparison.sources[1].sentences[first].status == "unique"
        await pilot.press("u")
        assert pane.cursor > first
        await pilot.press("U")
        assert pane.cursor == first


@pytest.mark.asyncio
async def test_sync_follows_content_and_can_be_switched_off(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        leader, follower = app.panes[1], app.panes[2]
        leader.focus()
        leader.scroll_to(y=60, animate=False, immediate=True)
        await pilot.pause()
        moved = follower.scroll_y
        assert moved > 0  # the follower moved to the matching content
        assert moved != leader.scroll_y  # by content, not by equal offsets
        await pilot.press("s")
        assert app.sync is False
        leader.scroll_to(y=0, animate=False, immediate=True)
        await pilot.pause()
        assert follower.scroll_y == moved
        await pilot.press("s")
        assert app.sync is True


@pytest.mark.asyncio
async def test_the_cursor_moves_only_its_own_pane_when_sync_is_off(make_app):
    """With sync off, j walking onto a fact's sentence still lined the other panes up."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        leader = app.panes[0]
        leader.focus()
        await pilot.press("s")
        others = {p.source: p.scroll_y for p in app.panes[1:]}
        reached = 0
        for _ in range(25):
            await pilot.press("j")
            await pilot.pause()
            reached += app.fact_index is not None
            assert {p.source: p.scroll_y for p in app.panes[1:]} == others
        assert reached  # the walk did step onto facts


@pytest.mark.asyncio
async def test_threshold_keys_realign_without_rerunning_spacy(make_app, monkeypatch):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        before = len(app.comparison.facts)
        threshold = app.comparison.threshold
        import tui.nlp

        def fail(*_args, **_kwargs):
            raise AssertionError("spaCy must not run again")

        monkeypatch.setattr(tui.nlp, "annotate", fail)
        for _ in range(4):
            await pilot.press("plus")
            await analysed(pilot)
        stricter = len(app.comparison.facts)
        assert app.comparison.threshold > threshold
        assert stricter < before
        for _ in range(8):
            await pilot.press("minus")
            await analysed(pilot)
        assert len(app.comparison.facts) > before


@pytest.mark.asyncio
async def test_quick_threshold_presses_each_take_a_step(make_app, slow_regrouping):
    """Each press stepped from the threshold on screen, so presses made while a
    re-alignment ran were lost: three quick '+' moved one step."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        slow_regrouping(0.3)
        start = app.comparison.threshold
        await pilot.press("plus", "plus", "plus")  # no wait between them
        await analysed(pilot)
        assert app.comparison.threshold == pytest.approx(start + 0.15)
        await pilot.press("minus", "minus")
        await analysed(pilot)
        assert app.comparison.threshold == pytest.approx(start + 0.05)


@pytest.mark.asyncio
async def test_stricter_then_looser_comes_back_to_the_same_fact(make_app):
    """The fact to stay on was the reading sentence's first fact, and a sentence is
    often in several: stricter then looser landed on another fact for most facts."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        start = app.comparison.threshold
        for index in range(0, len(app.comparison.facts), 6):  # facts 18, 48, 66 are split by '+'
            app.go_to_fact(index)
            await pilot.pause()
            members = app.comparison.facts[index].members
            await pilot.press("plus")
            await analysed(pilot)
            await pilot.press("minus")
            await analysed(pilot)
            assert app.comparison.threshold == pytest.approx(start)
            assert app.fact_index is not None
            assert app.comparison.facts[app.fact_index].members == members


@pytest.mark.asyncio
async def test_a_cursor_on_a_sentence_of_the_current_fact_keeps_that_fact(make_app):
    """A sentence in several facts switched the reader to its first fact when the
    cursor landed on it, though it belongs to the fact being read."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        shared = next(
            (i, m) for i, fact in enumerate(app.comparison.facts) for m in fact.members
            if len(app.comparison.sentence(m).facts) > 1 and app.comparison.sentence(m).facts[0] != fact.id
        )
        index, member = shared
        app.go_to_fact(index)
        await pilot.pause()
        app.pane(member.source).move_cursor(member.sentence)
        await pilot.pause()
        assert app.fact_index == index


@pytest.mark.asyncio
async def test_a_fact_cut_by_the_panel_says_so_and_f_shows_it_whole(make_app):
    """The panel cannot take focus, so a fourth source below its edge could not be
    reached from the keyboard, and nothing said it was there."""
    from tests.ui.conftest import TARRO
    from tui.widgets.fact_panel import FactPanel

    app = make_app(TARRO)
    async with app.run_test(size=(100, 30)) as pilot:
        await analysed(pilot)
        await pilot.press("d")
        await pilot.pause()
        panel = app.query_one(FactPanel)
        hidden = panel.max_scroll_y
        assert hidden > 0
        assert f"{hidden} more lines" in panel.border_title
        rows = panel.size.height
        await pilot.press("f")
        await pilot.pause()
        await pilot.pause()
        assert panel.max_scroll_y == 0
        assert panel.size.height > rows
        assert "more line" not in panel.border_title
        await pilot.press("f")
        await pilot.pause()
        await pilot.pause()
        assert panel.size.height == rows
        assert panel.border_title == f"{panel.max_scroll_y} more lines · shift+↓ · f: all"


@pytest.mark.asyncio
async def test_the_cut_lines_note_counts_what_is_cut_at_the_smallest_size(make_app):
    """Counted one layout pass too early, the note said 10 more lines where 11 were cut."""
    from tests.ui.conftest import TARRO
    from tui.widgets.fact_panel import FactPanel

    app = make_app(TARRO)
    async with app.run_test(size=(60, 20)) as pilot:
        await analysed(pilot)
        panel = app.query_one(FactPanel)
        for key in "dnd":
            await pilot.press(key)
            for _ in range(3):
                await pilot.pause()
            assert panel.max_scroll_y > 0
            assert panel.border_title == f"{panel.max_scroll_y} more lines · shift+↓ · f: all"


@pytest.mark.asyncio
async def test_entity_selection_filters_fact_navigation(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        kerry = next(e for e in app.comparison.entities if e.name == "John Kerry")
        app.choose_entity(kerry.id)
        await pilot.pause()
        mentioned = {(m.source, m.sentence) for m in kerry.mentions}
        visited = set()
        for _ in range(6):
            await pilot.press("n")
            fact = app.comparison.facts[app.fact_index]
            assert any((m.source, m.sentence) in mentioned for m in fact.members)
            visited.add(app.fact_index)
        assert len(visited) >= 2
        await pilot.press("escape")
        assert app.entity is None
        await pilot.pause()
        # the fact panel drops the filter too, at once (it named it until the next move)
        panel = fact_panel_text(app)
        assert "John Kerry:" not in panel and panel.startswith("fact "), panel[:60]


@pytest.mark.asyncio
async def test_sidebar_enter_chooses_an_entity(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        await pilot.press("e")
        assert app.query_one("#entities").has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.entity is not None


@pytest.mark.asyncio
async def test_enter_right_after_e_chooses_the_first_name(make_app):
    """The list opened on a heading with nothing highlighted: Enter did nothing, silently."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        await pilot.press("e", "enter")
        await pilot.pause()
        sidebar = app.query_one("#entities")
        assert app.entity is not None and app.entity == sidebar.get_option_at_index(sidebar.highlighted).id
        # typed quickly (one read of the terminal), both keys came before the focus moved
        await pilot.press("escape", "e")  # the filter off, back to the pane
        sidebar.highlighted = None
        app.action_entities()  # e, and Enter with no message handled in between
        sidebar.action_select()
        await pilot.pause()
        assert app.entity is not None


@pytest.mark.asyncio
async def test_the_sidebar_highlight_spans_counts_and_variants(make_app):
    """The counts ("2·2·2") and the variants kept their own background over the highlight."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        await pilot.press("e", "down")
        await pilot.pause()
        sidebar = app.query_one("#entities")
        highlighted = sidebar.get_component_rich_style("option-list--option-highlighted").bgcolor
        rows = [sidebar.render_line(y) for y in range(sidebar.size.height)]
        lit = [r for r in rows if any(seg.style and seg.style.bgcolor == highlighted for seg in r)]
        assert any("·" in r.text for r in lit)  # the highlighted name's line, counts and all
        for r in lit:
            assert {seg.style.bgcolor for seg in r if seg.text.strip() and seg.style} == {highlighted}


@pytest.mark.asyncio
async def test_an_entity_filter_lines_up_the_sentences_naming_it(make_app):
    """Stepping through "Ibrahim El Bakraoui"'s facts lined up other members of the fact,
    so no pane showed the name (it was only in the fact panel)."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        checked = 0
        for entity in app.comparison.entities[:12]:
            app.choose_entity(entity.id)
            await pilot.pause()
            naming = {(m.source, m.sentence) for m in entity.mentions}
            for _ in app._fact_candidates():
                fact = app.comparison.facts[app.fact_index]
                for source in fact.sources:
                    if any((m.source, m.sentence) in naming for m in fact.members if m.source == source):
                        assert (source, app.pane(source).cursor) in naming, (entity.name, fact.id, source)
                        checked += 1
                await pilot.press("n")
                await pilot.pause()
        assert checked > 20


@pytest.mark.asyncio
async def test_an_entity_in_no_fact_says_so(make_app):
    """"Portuguese: 1 mentions, 0 facts — n/p step through them", then n said "No facts: no
    sentence is reported by two sources." beside a header counting 71 facts."""
    from tui import navigation

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        lone = next(
            e for e in app.comparison.entities
            if len(e.mentions) == 1 and not navigation.facts_mentioning(app.comparison, e)
        )
        app.choose_entity(lone.id)
        await pilot.press("n")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert f"{lone.name}: 1 mention, in no fact (no other source reports them) — esc clears" in messages
        assert f"No fact mentions {lone.name}" in messages


@pytest.mark.asyncio
async def test_clicking_a_sentence_selects_its_fact(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        pane = app.panes[2]
        target = next(s for s in app.comparison.sources[2].sentences if s.facts)
        pane.place(target.index, 3)
        await pilot.pause()
        await pilot.click(pane, offset=(10, 3))
        await pilot.pause()
        assert pane.cursor == target.index
        assert app.comparison.facts[app.fact_index].id in target.facts


@pytest.mark.asyncio
async def test_boilerplate_can_be_hidden(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        pane = app.panes[0]
        chrome = [s.index for s in app.comparison.sources[0].sentences if s.status == "boilerplate"]
        assert chrome and pane.first_line(chrome[0]) is not None
        await pilot.press("b")
        assert pane.first_line(chrome[0]) is None
        await pilot.press("b")
        assert pane.first_line(chrome[0]) is not None


@pytest.mark.asyncio
async def test_search_jumps_between_matches_in_all_panes(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        await pilot.press("slash")
        await pilot.press(*"Kriket")
        await pilot.press("enter")
        await pilot.pause()
        sources = set()
        for _ in range(len(app._matches)):
            match = app._matches[app._match]
            pane = app.pane(match.source)
            assert pane.cursor == match.sentence
            assert "kriket" in app.comparison.sources[match.source].sentences[match.sentence].text.lower()
            sources.add(match.source)
            await pilot.press("enter")
        assert sources == {0, 1, 2}


@pytest.mark.asyncio
async def test_hiding_boilerplate_drops_its_search_matches(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        await pilot.press("slash", *"Trending", "enter")
        await pilot.pause()
        assert app._matches
        await pilot.press("escape", "b")
        await pilot.pause()
        assert app._matches == []
        await pilot.press("b")
        await pilot.pause()
        assert app._matches


@pytest.mark.asyncio
async def test_tab_cycles_panes(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        order = []
        for _ in range(4):
            order.append(app.focused.id)
            await pilot.press("tab")
        assert order == ["pane-0", "pane-1", "pane-2", "pane-0"]
        assert app.focused.id == "pane-1"
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused.id == "pane-2"


@pytest.mark.asyncio
async def test_narrow_terminal_hides_the_sidebar_until_asked(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        sidebar = app.query_one("#entities")
        assert not sidebar.display
        await pilot.press("e")
        assert sidebar.display and sidebar.has_focus
        await pilot.press("e")
        assert not sidebar.display


@pytest.mark.asyncio
async def test_export_writes_json_but_never_an_input(make_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        app._write_export("json", str(tmp_path / "out.json"))
        data = json.loads((tmp_path / "out.json").read_text())
        assert data["schema"] == "parallax/1"
        seed = Path(SEEDS[0])
        before = seed.read_bytes()
        app._write_export("markdown", SEEDS[0])
        assert seed.read_bytes() == before


@pytest.mark.asyncio
async def test_four_articles_and_their_divergence(make_app):
    app = make_app(TARRO)
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        assert len(app.panes) == 4
        whats = {d.what for f in app.comparison.facts for d in f.differences}
        assert "injured" in whats


@pytest.mark.asyncio
async def test_single_article_opens_with_a_notice(make_app):
    app = make_app(SEEDS[:1])
    async with app.run_test(size=(100, 30)) as pilot:
        await analysed(pilot)
        assert [n.message for n in app._notifications if "nothing to compare" in n.message]
        assert app.comparison.facts == ()


@pytest.mark.asyncio
async def test_failed_analysis_is_an_in_app_notice(make_app):
    app = make_app(model="no_such_pipeline")
    async with app.run_test(size=(100, 30)) as pilot:
        await analysed(pilot)
        assert app.comparison is None
        assert any("no_such_pipeline" in n.message for n in app._notifications)
        # the text is still there to read
        assert app.panes[0].sentences


@pytest.mark.asyncio
async def test_a_source_contradicting_itself_is_told_in_the_fact_panel(make_app):
    """Intra-source conflicts ("wounded 300" / "270 injured" in one article) were in the
    exports only: the reader showed them nowhere."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        comp = app.comparison
        conflict = next(c for c in comp.conflicts if c.what == "injured")
        at = {(conflict.source, v.sentence) for v in conflict.values}
        index = next(i for i, f in enumerate(comp.facts) if any((m.source, m.sentence) in at for m in f.members))
        app.go_to_fact(index)
        await pilot.pause()
        shown = " ".join(fact_panel_text(app).split())
        name = comp.sources[conflict.source].name
        assert f"≠ within {name}: injured: " + " vs ".join(v.text for v in conflict.values) in shown


def fact_panel_text(app) -> str:
    """The fact panel's text as shown, one line per row."""
    from rich.console import Console

    from tui.widgets.fact_panel import FactPanel

    panel = app.query_one(FactPanel)
    console = Console(width=panel.scrollable_content_region.width, record=True, file=__import__("io").StringIO())
    console.print(panel.query_one("#fact-body").content)
    return console.export_text()


def screen_lines(app) -> list[str]:
    """The screen as the terminal shows it, rebuilt from the SVG export: a widget's
    stale lines (ones it failed to mark for repainting) show up here as they would
    on screen."""
    import html
    import re

    rows: dict[int, list[str]] = {}
    svg = app.export_screenshot()
    for x, line, text in re.findall(r'<text[^>]*x="([\d.]+)"[^>]*clip-path="url\(#[\w-]*line-(\d+)\)">([^<]*)<', svg):
        row = rows.setdefault(int(line), [" "] * app.size.width)
        col = round(float(x) / 12.2)
        for k, ch in enumerate(html.unescape(text).replace("\xa0", " ")):
            if col + k < len(row):
                row[col + k] = ch
    return ["".join(rows.get(y, [])) for y in range(app.size.height)]


@pytest.mark.asyncio
async def test_the_cursor_mark_moves_on_screen_in_a_scrolled_pane(make_app):
    """The pane's cursor mark is repainted where the cursor is, also when the pane is
    scrolled (the repaint was aimed at rows offset by the scroll, leaving the old mark)."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        pane = app.panes[0]
        pane.focus()
        await pilot.press("G")
        await pilot.pause()
        assert pane.scroll_offset.y > 0
        for key in ("k", "k", "j", "u", "u"):
            await pilot.press(key)
            await pilot.pause()
            x, top = pane.region.x, pane.region.y
            marked = [y - top for y, line in enumerate(screen_lines(app))
                      if top <= y < top + pane.region.height and line[x] == "▶"]
            lines = pane.region_of(pane.cursor)
            start = lines.y - round(pane.scroll_offset.y)
            assert marked == list(range(start, start + lines.height)), (key, marked, pane.cursor)


@pytest.mark.asyncio
async def test_page_down_always_moves_forward_with_the_cursor_on_screen(make_app):
    """Paging onto a sentence of a fact lined the fact up on its first member in that
    pane, which could lie above: the page went back and the cursor off screen."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        pane = app.panes[0]
        pane.focus()
        height = pane.scrollable_content_region.height
        seen = [pane.scroll_offset.y]
        for _ in range(6):
            await pilot.press("pagedown")
            await pilot.pause()
            seen.append(pane.scroll_offset.y)
            assert 0 <= pane.row_of(pane.cursor) < height
        assert seen == sorted(seen) and seen[1] > seen[0], seen
        assert pane.cursor == len(pane.sentences) - 1  # the end is reached, and stays
        await pilot.press("pageup")
        assert pane.scroll_offset.y < seen[-1]
        assert 0 <= pane.row_of(pane.cursor) < height


@pytest.mark.asyncio
async def test_a_search_without_match_quotes_what_was_typed(make_app):
    """The notice showed the query's repr: a typed backslash appeared doubled."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        await pilot.press("slash", *"zq[(*", "backslash", "enter")
        await pilot.pause()
        assert "No match for “zq[(*\\”" in [n.message for n in app._notifications]


@pytest.mark.asyncio
async def test_the_focused_pane_is_marked_in_its_header(make_app):
    """Keys like j/k and u act on the focused pane, which nothing on screen showed."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)

        def marked() -> list[str]:
            return [h.id for h in app.query("SourceHeader") if h.has_class("-focused")]

        assert marked() == ["header-0"]
        await pilot.press("tab")
        assert marked() == ["header-1"]
        await pilot.press("e")  # the sidebar: no pane has focus
        assert marked() == []
        await pilot.press("e")
        assert marked() == ["header-1"]
        # a dialog over the reader leaves the mark where the keys will act when it closes
        for opened in (["question_mark"], ["ctrl+p"]):
            await pilot.press(*opened)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert marked() == ["header-1"], opened


@pytest.mark.asyncio
async def test_a_pane_outside_the_fact_shows_no_cursor(make_app):
    """A pane the current fact leaves out kept its cursor on an earlier fact's sentence, at
    another row, so it looked part of this fact (or out of step with the others)."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        outside = 0
        for _ in range(25):
            await pilot.press("n")
            await pilot.pause()
            fact = app.comparison.facts[app.fact_index]
            for pane in app.panes:
                if pane.source in fact.sources:
                    continue
                outside += 1
                rows = range(pane.scrollable_content_region.height)
                assert not any(pane.render_line(y).text.startswith("▶") for y in rows), (app.fact_index, pane.source)
        assert outside > 3  # the walk met facts that leave a pane out
        # the keys still start from what is on screen there
        while all(p.source in app.comparison.facts[app.fact_index].sources for p in app.panes):
            await pilot.press("p")
        pane = next(p for p in app.panes if p.source not in app.comparison.facts[app.fact_index].sources)
        pane.focus()
        await pilot.press("j")
        assert pane.cursor is not None
        assert 0 <= pane.row_of(pane.cursor) < pane.scrollable_content_region.height


def _gutter_mark(pane, sentence: int) -> str | None:
    """The status mark beside a sentence on screen (None when it is scrolled away)."""
    row = pane.row_of(sentence)
    if row is None or not 0 <= row < pane.scrollable_content_region.height:
        return None
    return pane.render_line(row).text[1]


@pytest.mark.asyncio
async def test_the_current_facts_sentences_show_its_status(make_app):
    """A sentence in an agreeing fact and in a divergent one showed ≠ while the agreeing
    fact was current, contradicting the fact panel's '= agreement'."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        comp = app.comparison
        index, fact = next(
            (i, f) for i, f in enumerate(comp.facts)
            if f.status == "agreement" and any(comp.sentence(m).status == "divergence" for m in f.members)
        )
        app.fact_index = index
        await pilot.pause()
        shared = [m for m in fact.members if comp.sentence(m).status == "divergence"]
        marks = [_gutter_mark(app.pane(m.source), m.sentence) for m in shared]
        assert "=" in marks and set(marks) <= {"=", None}, marks
        divergent = next(i for i, f in enumerate(comp.facts) if f.status == "divergence")
        app.fact_index = divergent
        await pilot.pause()
        marks = [_gutter_mark(app.pane(m.source), m.sentence) for m in comp.facts[divergent].members]
        assert "≠" in marks and set(marks) <= {"≠", None}, marks


@pytest.mark.asyncio
async def test_the_current_fact_emphasises_only_its_own_details(make_app):
    """An agreeing fact's sentences showed the conflict emphasis of another fact they are
    also in ("300 wounded" against "almost 300" is no conflict here)."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        comp = app.comparison
        cited = {(v.source, v.sentence) for f in comp.facts for d in f.differences for v in d.values}
        index, fact = next(
            (i, f) for i, f in enumerate(comp.facts)
            if f.status == "agreement" and any((m.source, m.sentence) in cited for m in f.members)
        )

        def emphasised(members) -> bool:
            for m in members:
                pane = app.pane(m.source)
                lines = pane.region_of(m.sentence)
                top = lines.y - round(pane.scroll_offset.y)
                for row in range(max(0, top), min(top + lines.height, pane.scrollable_content_region.height)):
                    if any(seg.style and seg.style.underline for seg in pane.render_line(row)):
                        return True
            return False

        app.fact_index = index
        await pilot.pause()
        shared = [m for m in fact.members if (m.source, m.sentence) in cited]
        assert not emphasised(shared)
        divergent = next(i for i, f in enumerate(comp.facts) if f.status == "divergence")
        app.fact_index = divergent
        await pilot.pause()
        assert emphasised(comp.facts[divergent].members)


@pytest.mark.asyncio
async def test_a_divergence_lines_up_the_sentences_that_differ(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        comp = app.comparison

        def cited(fact) -> set[tuple[int, int]]:
            return {(v.source, v.sentence) for d in fact.differences for v in d.values}

        def first_members(fact) -> set[tuple[int, int]]:
            return {(s, min(m.sentence for m in fact.members if m.source == s)) for s in fact.sources}

        # a divergence whose differing sentence is not its first in some pane
        index, fact = next(
            (i, f) for i, f in enumerate(comp.facts)
            if f.status == "divergence" and any(
                (s, k) not in cited(f) for s, k in first_members(f) if any(c[0] == s for c in cited(f))
            )
        )
        app.fact_index = index
        await pilot.pause()
        for s in fact.sources:
            if any(src == s for src, _ in cited(fact)):
                assert (s, app.pane(s).cursor) in cited(fact)


@pytest.mark.asyncio
async def test_choosing_an_entity_on_the_current_fact_updates_the_fact_panel(make_app):
    from tui import navigation

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        comp = app.comparison
        entity = next(e for e in comp.entities if "Kerry" in e.name)
        facts = navigation.facts_mentioning(comp, entity)
        app.fact_index = facts[1]
        await pilot.pause()
        app.choose_entity(entity.id)
        await pilot.pause()
        body = fact_panel_text(app)
        assert body.startswith(f"{entity.name}: fact 2/{len(facts)}"), body


@pytest.mark.asyncio
async def test_the_palette_offers_one_screenshot_command_that_asks_where(make_app):
    """Textual's own "Screenshot" saved to a Downloads folder without asking, and
    failed where there is none; ours asks for a path."""
    from tui.commands import ACTIONS
    from tui.screens.export import PathScreen

    app = make_app(analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Quit" in titles and "Screenshot" not in titles
        assert [name for name, _, _ in ACTIONS if "screenshot" in name.lower()] == ["Save screenshot…"]
        await app.run_action("screenshot")
        await pilot.pause()
        assert isinstance(app.screen, PathScreen)


@pytest.mark.asyncio
async def test_a_notice_already_shown_is_not_stacked_again(make_app):
    """'-' held at the loosest match stacked one identical notice per press."""
    from tui.model import THRESHOLD_RANGE

    app = make_app(threshold=THRESHOLD_RANGE[0])
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        for _ in range(4):
            await pilot.press("minus")
            await pilot.pause()
        limit = [n for n in app._notifications if "as loose as it goes" in n.message]
        assert len(limit) == 1


@pytest.mark.asyncio
async def test_a_folders_notes_are_shown_in_the_reader(make_app):
    note = "news/: 13 articles, opening the first 12 (name them to choose)"
    app = make_app(analyse=False, folder_notes=[note])
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert [(n.title, n.message) for n in app._notifications if n.title == "Left out"] == [("Left out", note)]


@pytest.mark.asyncio
async def test_stepping_past_the_last_divergence_says_it_wrapped(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        count = len(app.comparison.divergences)
        for _ in range(count):
            await pilot.press("d")
            await pilot.pause()
        assert not [n for n in app._notifications if n.message.startswith("Wrapped")]
        await pilot.press("d")
        await pilot.pause()
        assert [n.message for n in app._notifications if n.message.startswith("Wrapped")] == [
            "Wrapped to the first divergence"
        ]
        assert app.comparison.facts[app.fact_index] == app.comparison.divergences[0]


@pytest.mark.asyncio
async def test_a_move_made_while_regrouping_is_kept(make_app, slow_regrouping):
    """The re-grouping kept the sentence read when the key was pressed, so moves made
    while it ran were undone when it landed."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        slow_regrouping(0.5)
        app.go_to_fact(2)
        await pilot.pause()
        left = set(app.comparison.facts[2].members)
        far = next(i for i, f in enumerate(app.comparison.facts) if i > 2 and not left & set(f.members))
        await pilot.press("plus")
        app.go_to_fact(far)  # as the palette's jump does, while the re-grouping runs
        await pilot.pause()
        moved_to = set(app.comparison.facts[far].members)
        await analysed(pilot)
        assert app.fact_index is not None
        landed = set(app.comparison.facts[app.fact_index].members)
        assert landed & moved_to and not landed & left


@pytest.mark.asyncio
async def test_the_newest_notice_tells_the_latest_state(make_app):
    """A repeated notice was dropped while its first copy showed, so 's s s' ended with
    sync off under a newest notice saying "on"."""
    app = make_app(analyse=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("s", "s", "s")
        await pilot.pause()
        assert app.sync is False
        sync = [n.message for n in app._notifications if n.message.startswith("Synchronised")]
        assert sync == ["Synchronised scrolling on", "Synchronised scrolling off"]


@pytest.mark.asyncio
async def test_the_default_matching_is_reached_again_after_a_limit(make_app):
    """Steps from a clamped limit (0.05) landed on 0.10, 0.15 ... and never on the default
    again; now they lie on a grid through it, and '0' goes straight back."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        default = app.comparison.threshold
        facts = len(app.comparison.facts)
        for _ in range(8):
            await pilot.press("minus")
            await analysed(pilot)
        assert app.comparison.threshold == pytest.approx(0.05)
        seen = []
        for _ in range(6):
            await pilot.press("plus")
            await analysed(pilot)
            seen.append(round(app.comparison.threshold, 2))
        assert round(default, 2) in seen
        await pilot.press("plus", "plus")
        await analysed(pilot)
        await pilot.press("0")
        await analysed(pilot)
        assert app.comparison.threshold == pytest.approx(default)
        assert len(app.comparison.facts) == facts


@pytest.mark.asyncio
async def test_shift_arrows_scroll_the_fact_panel_and_its_note_follows(make_app):
    """The panel takes no focus: its cut lines could be reached only with the mouse wheel."""
    from tests.ui.conftest import TARRO
    from tui.widgets.fact_panel import FactPanel

    app = make_app(TARRO)
    async with app.run_test(size=(60, 20)) as pilot:
        await analysed(pilot)
        await pilot.press("d")
        for _ in range(3):
            await pilot.pause()
        panel = app.query_one(FactPanel)
        cut = panel.max_scroll_y
        await pilot.press("shift+down")
        await pilot.pause()
        assert panel.scroll_y > 0
        below = cut - round(panel.scroll_y)
        note = f"{below} more line{'s' if below != 1 else ''} · shift+↓ · f: all"
        assert panel.border_title == (note if below else "")
        for _ in range(cut):
            await pilot.press("shift+down")
        await pilot.pause()
        assert panel.scroll_y == cut and panel.border_title == ""
        await pilot.press("shift+up")
        await pilot.pause()
        assert panel.scroll_y < cut


@pytest.mark.asyncio
async def test_a_dozen_sources_counts_leave_the_names_readable(make_app):
    """Per-source counts for twelve articles ("2·2·7·3·6·4·2·2·2·8·2·3") cut names to
    seven columns and wrapped; beyond half the width they are summed."""
    from tests.ui.conftest import TARRO
    from tui.widgets.entity_sidebar import EntitySidebar

    app = make_app(TARRO * 3)
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot, timeout=60)
        sidebar = app.query_one(EntitySidebar)
        width = sidebar.scrollable_content_region.width - 2
        lines = [str(sidebar.get_option_at_index(i).prompt).split("\n")[0] for i in range(sidebar.option_count)
                 if sidebar.get_option_at_index(i).id]
        assert lines
        for line in lines:
            assert " in " in line and "/12" in line and len(line) <= width
        marta = next(line for line in lines if line.startswith("Marta Illesca"))
        assert marta.endswith("/12")


@pytest.mark.asyncio
async def test_a_search_matching_only_hidden_chrome_says_where(make_app):
    """With chrome hidden, "/Trending" said only "No match", though b would show it."""
    from tui import navigation

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        word = next(
            w
            for source in app.comparison.sources
            for s in source.sentences if s.status == "boilerplate"
            for w in source.text[s.start : s.end].split()
            if w.isalpha() and len(w) > 3 and not navigation.search(app.comparison, w, boilerplate=False)
        )
        found = len(navigation.search(app.comparison, word, boilerplate=True))
        await pilot.press("b", "slash", *word, "enter")
        await pilot.pause()
        plural = "match" if found == 1 else "matches"
        assert f"No match for “{word}” outside page chrome: {found} {plural} there, b shows it" in [
            n.message for n in app._notifications
        ]


@pytest.mark.asyncio
async def test_hiding_boilerplate_keeps_the_match_being_read(make_app):
    """Recounting the matches when chrome is hidden reset the reader to "0/N"."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        await pilot.press("slash", *"Brussels", "enter", "enter")
        await pilot.pause()
        current = app._matches[app._match]
        status = app.comparison.sources[current.source].sentences[current.sentence].status
        assert status != "boilerplate"
        await pilot.press("escape", "b")
        await pilot.pause()
        assert app._matches[app._match] == current


@pytest.mark.asyncio
async def test_a_search_going_round_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        await pilot.press("slash", *"Kriket", "enter")
        await pilot.pause()
        for _ in range(len(app._matches) - 1):
            await pilot.press("enter")
        await pilot.pause()
        assert not [n for n in app._notifications if n.message == "Wrapped to the first match"]
        await pilot.press("enter")
        await pilot.pause()
        assert app._match == 0
        assert [n for n in app._notifications if n.message == "Wrapped to the first match"]


@pytest.mark.asyncio
async def test_the_path_dialog_asks_before_replacing_a_file_and_refuses_an_article(make_app, tmp_path):
    """A typed name that was another file's replaced it without a word."""
    from textual.widgets import Input

    from tui.screens.export import PathScreen

    existing = tmp_path / "notes.json"
    existing.write_text("keep me")
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot)
        await app.run_action("export('json')")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PathScreen)
        dialog.query_one(Input).value = SEEDS[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "never writes to its inputs" in str(dialog.query_one("#path-hint").render())
        dialog.query_one(Input).value = str(existing)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and existing.read_text() == "keep me"
        assert "Enter again replaces it" in str(dialog.query_one("#path-hint").render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not dialog
        assert json.loads(existing.read_text())["schema"] == "parallax/1"


@pytest.mark.asyncio
async def test_the_path_dialog_says_in_place_what_cannot_be_written_and_wraps_it(make_app, tmp_path):
    """A missing folder closed the dialog with a toast, losing the typed path; and a long
    warning was cut mid-word at the dialog's edge ("is one of the articl")."""
    from textual.widgets import Input

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        await app.run_action("export('json')")
        await pilot.pause()
        dialog = app.screen
        hint = dialog.query_one("#path-hint")
        for value, said in (
            (str(tmp_path / "no" / "such.json"), f"No folder {tmp_path / 'no'}"),
            (str(tmp_path), f"{tmp_path} is a folder: add a file name"),
            (SEEDS[0], "Parallax never writes to its inputs"),
        ):
            dialog.query_one(Input).value = value
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog and dialog.query_one(Input).value == value
            # every word on screen, wrapped within the dialog rather than cut at its edge
            shown = "".join(hint.render_line(y).text.replace(" ", "") for y in range(hint.size.height))
            assert said.replace(" ", "") in shown, (value, shown)
            box = dialog.query_one("#path-box")
            assert hint.region.right <= box.content_region.right, (hint.region, box.content_region)
