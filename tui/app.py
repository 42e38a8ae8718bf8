"""The Parallax reader: synchronised panes, fact navigation, entity sidebar.

The app owns the UI state (current fact, sync, filters) as reactive
attributes and pushes it down to the widgets; widgets report user actions
up as messages.  The analysis runs in a thread worker, so the window paints
the plain text at once and the colours arrive when spaCy is done.  No
widget computes alignment: they read the :class:`~tui.model.Comparison`.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, HorizontalScroll, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import AwaitMount, Widget
from textual.widgets import Footer

from tui import navigation
from tui.commands import ParallaxCommands
from tui.ingest import Article, fingerprint
from tui.screens.export import PathScreen
from tui.screens.help import HelpScreen
from tui.widgets.article_pane import ArticlePane, PaneSentence
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.fact_panel import FactPanel
from tui.widgets.search_bar import SearchBar
from tui.widgets.source_header import SourceHeader
from tui.widgets.summary_bar import Summary, SummaryBar
from tui.widgets.too_small import TooSmall
from tui.wrapping import counted, printable

if TYPE_CHECKING:
    # the analysis (numpy, rapidfuzz, spaCy) is imported by the worker, after the first paint
    from collections.abc import Callable

    from textual.app import SystemCommand
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from tui.analysis import Prepared
    from tui.model import Comparison, Entity, Fact

THRESHOLD_STEP = 0.05
NO_ANALYSIS = "no analysis"
WIDE_FOOTER = 80
"""Width from which the footer also shows the command palette's key."""
CACHED_AT_ONCE = 150_000
"""Characters (all articles) up to which a cached analysis is applied before the first frame;
a longer set's facts take seconds to rebuild, so they come from the cache in the worker while
the text is already on screen (a 390 KB article left the screen blank for 15 s)."""
NARROW = 110
"""Below this many columns the entity sidebar is hidden until asked for, whatever the panes."""
SHORT = 32
"""Below this many rows the fact panel is shorter: more room for the text."""
FIRST_FRAME_GRACE = 0.15
"""Seconds the analysis worker waits, so the plain text reaches the terminal first."""
MIN_COLUMN = 31
"""Narrowest readable pane (27 cells of text); with more articles than fit, the panes scroll
sideways.  31 keeps four sources side by side beside the sidebar at 160 columns."""
MIN_WIDTH, MIN_HEIGHT = 60, 20
"""Smallest terminal the layout works in; below it the reader asks for more room."""
WATCH_SECONDS = 2.0
"""How often the reader looks whether its files changed on disk (a stat per file)."""


@dataclass
class AnalysisReady(Message):
    """The worker finished: the prepared analysis and its comparison."""

    prepared: Prepared
    comparison: Comparison
    warning: str | None = None


@dataclass
class AnalysisFailed(Message):
    """The worker could not analyse the articles; the message is for the user."""

    error: str


@dataclass(frozen=True, slots=True)
class ReadingPosition:
    """Where the reader was when the facts are re-grouped: a sentence, and the
    fact it was read in (its members), if any."""

    sentence: tuple[int, int]
    fact: frozenset[tuple[int, int]]


def _kept_fact(comparison: Comparison, keep: ReadingPosition) -> int | None:
    """Index of the new fact to stay on: of the sentence's facts, the one sharing
    most members with the fact the reader was on.  A sentence may be in several
    facts, so its first one is not always the one the reader left, and a
    stricter then looser key would land elsewhere."""
    source, sentence = keep.sentence
    fids = comparison.sources[source].sentences[sentence].facts
    if not fids:
        return None
    best = max(fids, key=lambda fid: len(keep.fact & {(m.source, m.sentence) for m in comparison.fact(fid).members}))
    return comparison.position(best)


def _detail_spans(facts: Iterable[Fact]) -> dict[int, dict[int, list[tuple[int, int]]]]:
    """Where the facts' differing details lie, per source and sentence."""
    out: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for fact in facts:
        for d in fact.differences:
            for v in d.values:
                out.setdefault(v.source, {}).setdefault(v.sentence, []).append((v.start, v.end))
    return out


class ParallaxApp(App[int]):
    """Side-by-side reader of several articles about one event."""

    CSS_PATH = "app.tcss"
    TITLE = "Parallax"
    COMMANDS = App.COMMANDS | {ParallaxCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "fact(1)", "Next", tooltip="Next fact"),
        Binding("p", "fact(-1)", "Prev", tooltip="Previous fact"),
        Binding("right_square_bracket", "fact(1)", "Next fact", show=False),
        Binding("left_square_bracket", "fact(-1)", "Previous fact", show=False),
        Binding("d", "divergence(1)", "Diff", tooltip="Next divergence"),
        Binding("D", "divergence(-1)", "Previous divergence", show=False),
        Binding("u", "unique(1)", "Unique", tooltip="Next unique sentence in this pane"),
        Binding("U", "unique(-1)", "Previous unique sentence", show=False),
        Binding("tab", "pane(1)", "Next pane", show=False, priority=True),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False, priority=True),
        Binding("e", "entities", "Names", tooltip="Show and focus the entity sidebar (again: back to the text)"),
        Binding("b", "toggle_boilerplate", "Chrome", show=False, tooltip="Show or hide boilerplate"),
        Binding("f", "toggle_details", "Fact panel", show=False,
                tooltip="Taller fact panel, for a long fact (again: back)"),
        Binding("shift+down", "scroll_details(1)", "Scroll the fact panel down", show=False),
        Binding("shift+up", "scroll_details(-1)", "Scroll the fact panel up", show=False),
        Binding("s", "toggle_sync", "Sync", show=False, tooltip="Synchronised scrolling on or off"),
        Binding("plus,equals_sign", "threshold(1)", "Stricter", key_display="+", show=False,
                tooltip="Stricter matching: fewer, surer facts"),
        Binding("minus", "threshold(-1)", "Looser", key_display="-", show=False,
                tooltip="Looser matching: more facts"),
        Binding("0", "threshold(0)", "Default matching", show=False,
                tooltip="Matching back at its default"),
        Binding("slash", "search", "Find", key_display="/", tooltip="Search across all panes"),
        Binding("escape", "clear_filters", "Clear entity or search filter", show=False),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="All keys and marks"),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    HELP_SECTIONS: ClassVar[tuple[tuple[str, tuple[str, ...]], ...]] = (
        ("Facts", ("fact(1)", "fact(-1)", "divergence(1)", "divergence(-1)", "unique(1)", "unique(-1)")),
        ("Panes", ("pane(1)", "pane(-1)", "toggle_sync", "toggle_boilerplate")),
        ("Fact panel", ("toggle_details", "scroll_details(1)", "scroll_details(-1)")),
        ("Names and search", ("entities", "search", "clear_filters")),
        ("Matching", ("threshold(1)", "threshold(-1)", "threshold(0)")),
        ("App", ("help", "command_palette", "quit")),
    )

    fact_index: reactive[int | None] = reactive(None, init=False)
    """Index of the current fact in the comparison, or None."""
    sync: reactive[bool] = reactive(True, init=False)
    """Whether scrolling one pane scrolls the others to the matching content."""
    show_boilerplate: reactive[bool] = reactive(True, init=False)
    entity: reactive[str | None] = reactive(None, init=False)
    """Id of the selected entity; fact navigation then visits only facts naming it."""
    sidebar_open: reactive[bool] = reactive(True, init=False)

    def __init__(
        self,
        articles: list[Article],
        *,
        model: str | None = None,
        threshold: float | None = None,
        notices: list[str] | None = None,
        folder_notes: list[str] | None = None,
        analyse: bool = True,
        use_cache: bool = True,
    ) -> None:
        super().__init__()
        self.articles = articles
        self.model_name = model
        self.threshold = threshold
        self.notices = list(notices or [])
        self.folder_notes = list(folder_notes or [])
        self.auto_analyse = analyse
        self.use_cache = use_cache
        self.failure = ""
        """Why there is no analysis, once the worker has given up ("" until then)."""
        self._asked_threshold: float | None = None
        """The threshold the last stricter/looser key asked for, kept after its facts are
        shown: a slower, older re-grouping that finishes later must not replace them."""
        self.prepared: Prepared | None = None
        self.comparison: Comparison | None = None
        self._syncing = False
        self._cursor_led = False
        """The current fact changes because the reader moved a cursor onto it: that pane
        stays where the reader put it, and the others line up with it."""
        self._behind_cover: Widget | None = None
        """What had focus when the too-small cover took it."""
        self._query = ""
        self._matches: list[navigation.Match] = []
        self._match = -1
        self._disk_notices: dict[int, set[str]] = {}
        """Per article, the changes on disk already told ("changed", "deleted")."""
        self._realign_pending = False
        self._anchor: ReadingPosition | None = None
        """Where the reader was when the first of a run of stricter / looser keys was
        pressed, kept until they move: each re-grouping looks for that fact, so
        stricter then looser comes back to it even when the stricter grouping had
        split it up."""
        self._regrouping = False

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield SummaryBar(id="summary")
        with Horizontal(id="body"):
            with HorizontalScroll(id="columns"):
                for i, article in enumerate(self.articles):
                    with Vertical(classes="column"):
                        title = ""
                        if article.headline is not None:
                            title = article.text[article.headline.start : article.headline.end]
                        yield SourceHeader(article.name, title, id=f"header-{i}")
                        yield ArticlePane(i, article.text, id=f"pane-{i}")
            yield EntitySidebar(id="entities")
        yield FactPanel(id="fact")
        yield TooSmall(MIN_WIDTH, MIN_HEIGHT, id="too-small")

    @property
    def panes(self) -> list[ArticlePane]:
        return list(self.screen.query(ArticlePane)) if self.screen.is_mounted else []

    def pane(self, source: int) -> ArticlePane:
        return self.query_one(f"#pane-{source}", ArticlePane)

    def on_mount(self) -> None:
        for i, article in enumerate(self.articles):
            self.pane(i).show([
                PaneSentence(k, p.start, p.end, "plain", k) for k, p in enumerate(article.paragraphs)
            ])
            self.watch(self.pane(i), "scroll_y", self._scroll_watcher(i), init=False)
        self.sidebar_open = self._sidebar_fits()
        self.watch_sidebar_open(self.sidebar_open)
        self.query_one(EntitySidebar).show_entities(None)
        self.query_one(FactPanel).show_message("analysing… the text is readable now; colours follow")
        if self.auto_analyse:
            self.call_after_refresh(self._show_loading)
        self._update_summary()
        if self.articles:
            self.pane(0).focus()
        for notice in self.notices:
            self.notify(notice, title="Not opened", severity="error", timeout=8)
        for note in self.folder_notes:
            self.notify(note, title="Left out", severity="warning", timeout=10)
        for article in self.articles:
            for note in article.notes:
                self.notify(note, title=article.name, severity="warning", timeout=10)
        if len(self.articles) == 1:
            self.notify("Only one article: there is nothing to compare it with.", severity="warning")
        self._fit_terminal()
        self.set_interval(WATCH_SECONDS, self.check_inputs, name="watch inputs")
        # the footer's key widgets come right after the first frame: the text first
        self.call_after_refresh(self._mount_footer)
        small = sum(len(a.text) for a in self.articles) <= CACHED_AT_ONCE
        if self.auto_analyse and self.use_cache and small and self._apply_cached():
            return
        if self.auto_analyse:
            # after the first frame: the worker's imports would compete with it for the GIL
            self.call_after_refresh(self.run_analysis)

    def _mount_footer(self) -> AwaitMount | None:
        """The footer, unless the app is already closing: a quit pressed in the first
        frames would otherwise mount it on a screen that is being taken down.  (The mount
        is returned, so the call after the refresh waits for it, as it did for a mount.)"""
        if self._exit or not self.screen_stack or not self.screen.is_attached:
            return None
        return self.mount(Footer(compact=True, show_command_palette=self.size.width >= WIDE_FOOTER))

    def on_ready(self) -> None:
        """The first frame is on screen: if the command line paused garbage collection
        for start-up, resume it, leaving out everything that exists by now (imports,
        styles, the widget tree), which lives as long as the app anyway."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notices quote file names and article text, so they are never read as markup
        (a file called ``a[/b].txt`` would crash the toast) and never draw control characters.
        A notice already on screen is not stacked again (``-`` held at the loosest match):
        it moves to the end, as the newest, so the last notice always tells the latest state
        ("on", "off", "on" again leaves "off" above "on")."""
        message, title = printable(message), printable(title)
        for shown in list(self._notifications):
            if shown.message == message and shown.title == title and shown.severity == severity:
                self._unnotify(shown, refresh=False)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def check_inputs(self) -> None:
        """Say once per file and change that a file changed or vanished since it was read.

        The reader keeps the version it opened (its offsets and analysis belong
        to it) and never re-reads or writes the file; it only compares the
        file's modification time and size with those taken when it was read.
        """
        for i, article in enumerate(self.articles):
            if article.fingerprint is None:
                continue
            now = fingerprint(Path(article.path))
            state = "deleted" if now is None else "changed" if now != article.fingerprint else None
            told = self._disk_notices.setdefault(i, set())
            if state is None or state in told:
                continue
            told.add(state)
            what = "was deleted" if state == "deleted" else "changed on disk"
            self.notify(f"{Path(article.path).name} {what} — the reader shows the version it opened",
                        title="File on disk", severity="warning", timeout=8)

    def _scroll_watcher(self, source: int) -> Callable[[float, float], None]:
        def scrolled(_old: float, _new: float) -> None:
            self._scrolled(source)

        return scrolled

    def on_resize(self) -> None:
        # the app's size is current only after this event has been handled
        self.call_after_refresh(self._resized)

    def _sidebar_fits(self) -> bool:
        """Whether the entity sidebar shows unasked: from NARROW columns, unless hiding it
        is what lets every pane show.  At 120 columns it had pushed the third of three
        panes out of view, so a wider terminal showed fewer sources; with more articles
        than fit either way, the panes scroll sideways anyway and it stays."""
        sidebar = self.query_one(EntitySidebar).styles.width
        beside = self.size.width - (int(sidebar.value) if sidebar is not None else 0)
        needed = MIN_COLUMN * len(self.articles)
        return self.size.width >= NARROW and (beside >= needed or self.size.width < needed)

    def _resized(self) -> None:
        # the sidebar follows the width, except while it is being read (e gave it focus)
        if not self.query_one(EntitySidebar).has_focus:
            self.sidebar_open = self._sidebar_fits()
        self._layout_columns()
        self._fit_terminal()
        for footer in self.query(Footer):
            # the palette key is docked over the keys' right end: below this it hid '? Help'
            # and 'q Quit' and left a stray letter of them ('ctrl+p' stays in the help)
            wide = self.size.width >= WIDE_FOOTER
            if footer.show_command_palette != wide:
                footer.show_command_palette = wide
                footer.refresh(recompose=True)  # the key is only added or left out in compose

    @on(ArticlePane.Rewrapped)
    def _pane_rewrapped(self) -> None:
        """A pane re-wrapped at a new size: put the current fact back on one row, once per burst."""
        if not self._realign_pending:
            self._realign_pending = True
            self.call_after_refresh(self._realign_current)

    def _fit_terminal(self) -> None:
        """Cover the reader with a request for more room while the terminal is too small,
        and shorten the fact panel on a short one.

        The panel's class is set on the panel, not as a screen breakpoint class: a
        class change on the screen restyles every widget, which before the first
        frame costs more than anything else the reader does (see
        ``benchmarks/profile_paint.py``).
        """
        width, height = self.size
        self.query_one(FactPanel).set_class(height < SHORT, "-short")
        cover = self.query_one(TooSmall)
        cramped = width < MIN_WIDTH or height < MIN_HEIGHT
        if cramped and not cover.display:
            # keys go to the cover, so nothing moves underneath (only q quits)
            self._behind_cover = self.focused if self.focused is not cover else None
            cover.display = True
            cover.focus()
        elif not cramped and cover.display:
            cover.display = False
            if self._behind_cover is not None and self._behind_cover.is_attached:
                self._behind_cover.focus()
            elif self.panes:  # opened already too small: nothing had focus yet
                self.panes[0].focus()
            self._behind_cover = None
        cover.refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the terminal is too small, the reader keeps its state: no key acts but quit."""
        cover = self.query("#too-small")  # none before the screen is composed
        return action == "quit" or not (cover and cover.first().display)

    def _realign_current(self) -> None:
        self._realign_pending = False
        if self.comparison is not None and self.fact_index is not None and not self.query_one(TooSmall).display:
            self._align_fact(self.fact_index)

    def _layout_columns(self) -> None:
        """Share the width between panes; below MIN_COLUMN each, scroll sideways instead."""
        columns = list(self.query(".column"))
        if not columns:
            return
        sidebar = self.query_one(EntitySidebar)
        available = self.size.width - (sidebar.outer_size.width if sidebar.display else 0)
        fits = available // max(1, len(columns)) >= MIN_COLUMN
        self._columns_fit = fits
        per_view = max(1, available // MIN_COLUMN)
        width = available // per_view  # whole panes fill the view
        for column in columns:
            column.styles.width = "1fr" if fits else width
        # the view holds whole panes only: the columns left over by the division (100 for
        # three panes of 33) showed a sliver of the next pane
        self.query_one("#columns").styles.width = "1fr" if fits else per_view * width
        if not fits:
            # once the new widths are laid out (``_snap_columns`` waits for them), for the pane
            # focused by then: keys pressed meanwhile (tab) must not be undone
            self.call_after_refresh(lambda: self._snap_columns(self._focused_pane() or self._last_pane, width))

    def _snap_columns(
        self, pane: ArticlePane | None, width: int | None = None, tries: int = 5, prefer: frozenset[int] = frozenset()
    ) -> None:
        """Scroll sideways by whole panes, keeping ``pane`` in view: the minimal scroll
        that shows it (or a resize) could stop half-way through a pane, cutting words.
        Of the views that show it, one with most of the ``prefer`` panes (the current
        fact's sources) is taken, the nearest on a tie."""
        scroller = self.query_one("#columns", HorizontalScroll)
        columns = list(self.query(".column"))
        if not columns or pane is None:
            return
        if width and columns[0].outer_size.width != width and tries:
            # the new widths are not laid out yet: a scroll now is clamped to the old range
            self.call_after_refresh(self._snap_columns, pane, width, tries - 1, prefer)
            return
        width = width or columns[0].outer_size.width or 1
        per_view = max(1, scroller.size.width // width)
        index = self.panes.index(pane) if pane in self.panes else 0
        now = round(scroller.scroll_x / width)
        last_first = max(0, len(columns) - per_view)
        showing = range(max(0, index - per_view + 1), min(index, last_first) + 1)
        first = max(
            showing, key=lambda f: (sum(f <= p < f + per_view for p in prefer), -abs(f - now), -f), default=0
        )
        scroller.scroll_to(x=first * width, animate=False, immediate=True)

    def _show_sources(self, leader: int, sources: frozenset[int]) -> None:
        """With more panes than fit, bring a fact's panes into view (n, p, d): it was read
        in panes scrolled out of sight.  A focused pane the view leaves gives its focus to
        the fact's leading pane, where j/k then act."""
        if self._columns_fit:
            return
        focused = self._focused_pane()
        target = self.pane(leader)
        if focused is not None and focused is not target and focused.source not in sources:
            self.screen.set_focus(target, scroll_visible=False)
        self._snap_columns(target, prefer=sources)

    # ---------------------------------------------------------------- analysis
    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        # let the terminal writer flush the first frame before spaCy's imports take the GIL
        time.sleep(FIRST_FRAME_GRACE)
        from tui.analysis import compare_articles
        from tui.nlp import ModelError

        try:
            prepared, comparison, warning = compare_articles(
                self.articles, self.model_name, self.threshold, self.use_cache
            )
        except ModelError as exc:
            self.post_message(AnalysisFailed(str(exc)))
            return
        except Exception as exc:  # an in-app notice, never a traceback over the reader
            self.post_message(AnalysisFailed(f"analysis failed: {type(exc).__name__}: {exc}"))
            return
        self.post_message(AnalysisReady(prepared, comparison, warning))

    def _apply_cached(self) -> bool:
        """Show a cached analysis at once, so a second opening paints in colour from the
        first frame.  Only the cache file is read; spaCy is never loaded."""
        from tui import cache

        try:
            entry_key = cache.key(self.articles, self.model_name)
            if not cache.has(entry_key):
                return False  # the usual first opening: nothing more to import before painting
            from tui.analysis import build, cached

            hit = cached(self.articles, self.model_name, entry_key)
            if hit is None:
                return False
            prepared, warning = hit
            comparison = build(prepared, self.threshold)
        except Exception:  # a cache problem is never the user's problem: analyse instead
            with contextlib.suppress(Exception):
                cache.forget(entry_key)
            return False
        self.post_message(AnalysisReady(prepared, comparison, warning))
        return True

    def _show_loading(self) -> None:
        if self.comparison is None and self.prepared is None:
            self.query_one(FactPanel).loading = True

    def _search_bar(self) -> SearchBar:
        """The search line, mounted the first time it is needed (one widget less to style at start)."""
        bars = self.query("#search")
        if bars:
            return bars.first(SearchBar)
        bar = SearchBar(id="search")
        footers = self.query(Footer)
        self.mount(bar, before=footers.first()) if footers else self.mount(bar)
        return bar

    @on(AnalysisReady)
    def _analysis_ready(self, message: AnalysisReady) -> None:
        self.prepared = message.prepared
        self.query_one(FactPanel).loading = False
        if message.warning:
            self.notify(message.warning, title="Rule-based fallback", severity="warning", timeout=10)
        self._apply(message.comparison, keep=None)

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        panel = self.query_one(FactPanel)
        panel.loading = False
        panel.show_message(f"No analysis: {message.error}. The articles are shown as plain text.")
        self.notify(message.error, title="Analysis failed", severity="error", timeout=12)
        # nothing is coming: every "analysing…" placeholder says so
        self.failure = message.error
        for header in self.query(SourceHeader):
            header.set_pending(NO_ANALYSIS)
        self.query_one(EntitySidebar).show_entities(None, NO_ANALYSIS)
        self._update_summary()

    def _not_ready(self) -> None:
        """Tell a key that needs the comparison why there is none."""
        if self.failure:
            self.notify(f"No analysis: {self.failure}", severity="error", timeout=4)
        else:
            self.notify("Still analysing…", timeout=2)

    def _apply(self, comparison: Comparison, keep: ReadingPosition | None) -> None:
        """Show a (new) comparison, keeping the reader on the same sentence if asked."""
        self.comparison = comparison
        self.threshold = comparison.threshold
        for i, src in enumerate(comparison.sources):
            self.pane(i).show([
                PaneSentence(s.index, s.start, s.end, s.status, s.paragraph) for s in src.sentences
            ])
            self.query_one(f"#header-{i}", SourceHeader).set_coverage(navigation.coverage(comparison, i))
        self.query_one(EntitySidebar).show_entities(comparison)
        if self.entity and not any(e.id == self.entity for e in comparison.entities):
            self.entity = None
        self._matches = self._search(self._query)
        target = _kept_fact(comparison, keep) if keep is not None else None
        self._regrouping = True  # not a move of the reader's: the anchor stays
        try:
            self.fact_index = None
            self._refresh_marks()
            if target is not None:
                self.fact_index = target
        finally:
            self._regrouping = False
        if target is None:
            self._update_fact_panel()
            self._update_summary()

    # ------------------------------------------------------------- state down
    def watch_fact_index(self, _old: int | None, new: int | None) -> None:
        if not self._regrouping:
            self._anchor = None
        if self.comparison is None:
            return
        if new is not None and not self._cursor_led:
            self._align_fact(new)
        self._refresh_marks(spans=False)
        self._update_fact_panel()
        self._update_summary()

    def watch_sync(self, _old: bool, new: bool) -> None:
        self.notify(f"Synchronised scrolling {'on' if new else 'off'}", timeout=2)
        if new:
            focused = self._focused_pane()
            if focused is not None:
                self._scrolled(focused.source)
        self._update_summary()

    def watch_show_boilerplate(self, _old: bool, new: bool) -> None:
        for pane in self.panes:
            pane.hide_boilerplate = not new
        if self._query:  # hidden chrome is not searched: its matches could not be shown
            current = self._matches[self._match] if 0 <= self._match < len(self._matches) else None
            self._matches = self._search(self._query)
            self._match = self._matches.index(current) if current in self._matches else -1
            self._refresh_marks()
        if self.fact_index is not None:
            self._align_fact(self.fact_index)
        self._update_summary()

    def watch_entity(self, _old: str | None, _new: str | None) -> None:
        self._refresh_marks()
        self._update_fact_panel()  # its position reads "Kerry: fact 2/8" now, even on the same fact
        self._update_summary()

    def watch_sidebar_open(self, open_: bool) -> None:
        self.query_one(EntitySidebar).display = open_
        self._layout_columns()
        # again once the sidebar has its size: a sidebar just shown measures 0 wide until
        # laid out, so the panes were sized as if it were not there (a strip of the next showed)
        self.call_after_refresh(self._layout_columns)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._mark_focused_header()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._mark_focused_header()

    def _mark_focused_header(self) -> None:
        """The header of the pane that has focus stands out: j/k, u and Tab act there.

        The reader's own screen decides: a dialog over it (help, the palette) takes the
        focus only until it closes, and no focus event comes back when it does."""
        focused = self.screen_stack[0].focused
        focused = focused if isinstance(focused, ArticlePane) else None
        for header in self.query(SourceHeader):
            header.set_class(focused is not None and header.id == f"header-{focused.source}", "-focused")
            header.refresh()

    def _focused_pane(self) -> ArticlePane | None:
        focused = self.focused
        return focused if isinstance(focused, ArticlePane) else None

    def _current_members(self) -> dict[int, list[int]]:
        if self.comparison is None or self.fact_index is None:
            return {}
        fact = self.comparison.facts[self.fact_index]
        return {s: navigation.members_in(fact, s) for s in fact.sources}

    def _spans(self) -> dict[int, dict[int, list[tuple[int, int, str]]]]:
        """Emphasis per pane and sentence: conflicting details, entity mentions, search hits."""
        out: dict[int, dict[int, list[tuple[int, int, str]]]] = {i: {} for i in range(len(self.articles))}
        comparison = self.comparison
        if comparison is None:
            return out
        for source, sentences in _detail_spans(comparison.facts).items():
            for sentence, spans in sentences.items():
                out[source].setdefault(sentence, []).extend((a, b, "detail") for a, b in spans)
        entity = self._entity()
        if entity is not None:
            for m in entity.mentions:
                out[m.source].setdefault(m.sentence, []).append((m.start, m.end, "entity"))
        for m in self._matches:
            out[m.source].setdefault(m.sentence, []).append((m.start, m.end, "search"))
        return out

    def _refresh_marks(self, spans: bool = True) -> None:
        members = self._current_members()
        all_spans = self._spans() if spans else None
        status = ""
        details: dict[int, dict[int, list[tuple[int, int]]]] = {}
        if self.comparison is not None and self.fact_index is not None:
            fact = self.comparison.facts[self.fact_index]
            status = fact.status
            details = _detail_spans([fact])
        for pane in self.panes:
            pane.set_marks(
                frozenset(members.get(pane.source, ())),
                all_spans[pane.source] if all_spans is not None else None,
                status,
                details.get(pane.source, {}),
            )

    def _entity(self) -> Entity | None:
        if self.comparison is None or self.entity is None:
            return None
        return next((e for e in self.comparison.entities if e.id == self.entity), None)

    def _fact_candidates(self) -> list[int]:
        if self.comparison is None:
            return []
        entity = self._entity()
        if entity is not None:
            return navigation.facts_mentioning(self.comparison, entity)
        return list(range(len(self.comparison.facts)))

    def _position(self) -> str:
        if self.comparison is None:
            return ""
        candidates = self._fact_candidates()
        entity = self._entity()
        prefix = f"{entity.name}: " if entity is not None else ""
        if self.fact_index is not None and self.fact_index in candidates:
            return f"{prefix}fact {candidates.index(self.fact_index) + 1}/{len(candidates)}"
        return f"{prefix}fact –/{len(candidates)}"

    def _update_fact_panel(self) -> None:
        panel = self.query_one(FactPanel)
        if self.comparison is None:
            return
        fact = self.comparison.facts[self.fact_index] if self.fact_index is not None else None
        panel.show_fact(self.comparison, fact, self._position())

    def _update_summary(self) -> None:
        c = self.comparison
        flags = []
        if not self.sync:
            flags.append("sync off")
        if not self.show_boilerplate:
            flags.append("chrome hidden")
        if c is not None:
            flags.append(f"match ≥ {c.threshold:.2f}")
        if self._query:
            flags.append(f"/{self._query} {self._match + 1 if self._match >= 0 else 0}/{len(self._matches)}")
        if c is None:
            pending = NO_ANALYSIS if self.failure else "analysing…"
            summary = Summary(len(self.articles), None, flags=tuple(flags), pending=pending)
        else:
            summary = Summary(
                len(c.sources), len(c.facts), len(c.divergences), c.count("unique"), self._position(), tuple(flags)
            )
        self.query_one(SummaryBar).show(summary)

    # --------------------------------------------------------------- alignment
    def _align_fact(self, index: int, lead: tuple[int, int] | None = None) -> None:
        """vimdiff-style: the fact's sentences on one screen row in every pane.

        ``lead`` is a member the reader moved a cursor onto: it stays on its row (as
        near as the others allow) instead of the fact's first member in that pane
        being brought to a third of the screen, which could scroll the page back."""
        assert self.comparison is not None
        fact = self.comparison.facts[index]
        members = {s: navigation.members_in(fact, s) for s in fact.sources}
        entity = self._entity()
        if lead is None:
            # a divergence lines up the sentences that hold the differing details; under an
            # entity filter, those naming it come first: the fact was found through them
            cited = {(v.source, v.sentence) for d in fact.differences for v in d.values}
            naming = {(m.source, m.sentence) for m in entity.mentions} if entity is not None else set()
            for s, ks in members.items():
                members[s] = sorted(ks, key=lambda k: ((s, k) not in naming, (s, k) not in cited))
        focused = self._focused_pane()
        leader = focused.source if focused is not None and focused.source in members else min(members)
        panes = self.panes
        height = min(p.scrollable_content_region.height for p in panes) if panes else 1
        row = max(1, height // 3)
        if lead is not None and lead[0] in members:
            leader = lead[0]
            members[leader] = [lead[1]]
            for s in members:  # in each other pane, the member that reports what the lead does
                cp = navigation.counterpart(self.comparison, leader, lead[1], s)
                if s != leader and cp in members[s]:
                    members[s] = [cp]
            at = self.pane(leader).row_of(lead[1])
            row = row if at is None else min(max(0, at), height - 1)
        if lead is not None and not self.sync:
            # scrolling unsynchronised: the cursor walked onto the fact in its own pane,
            # and the other panes stay where the reader left them
            members = {leader: members[leader]}
        lines = [self.pane(s).first_line(ks[0]) for s, ks in members.items()]
        row = min([row, *[ln for ln in lines if ln is not None]])
        self._syncing = True
        try:
            for s, ks in members.items():
                pane = self.pane(s)
                pane.cursor = ks[0]
                pane.place(ks[0], row)
            for pane in panes:
                if pane.source not in members and self.sync:
                    # a cursor left on another fact's sentence read as part of this one
                    pane.cursor = None
                    self._follow(self.pane(leader), pane, members[leader][0])
        finally:
            self._syncing = False
        if lead is None:
            self._show_sources(leader, frozenset(members))

    def _follow(self, leader: ArticlePane, follower: ArticlePane, sentence: int) -> None:
        """Scroll the follower so its counterpart of the leader's sentence sits on the same row."""
        if self.comparison is None:
            return
        pair = navigation.anchor(self.comparison, leader.source, sentence, follower.source)
        if pair is None:
            return
        ks, kt = pair
        row = leader.row_of(ks)
        if row is not None:
            follower.place(kt, row)

    def _scrolled(self, source: int) -> None:
        if self._syncing or not self.sync:
            return
        leader = self.pane(source)
        self._syncing = True
        try:
            if self.comparison is None:
                # before analysis: keep the same relative position
                for pane in self.panes:
                    if pane is not leader and leader.max_scroll_y:
                        frac = leader.scroll_y / leader.max_scroll_y
                        pane.scroll_to(y=frac * pane.max_scroll_y, animate=False, immediate=True)
                return
            top = leader.sentence_at_row(0)
            if top is None:
                return
            for pane in self.panes:
                if pane is not leader:
                    self._follow(leader, pane, top)
        finally:
            self._syncing = False

    # ----------------------------------------------------------------- actions
    def action_fact(self, step: int) -> None:
        self._step_fact(self._fact_candidates(), step)

    def action_divergence(self, step: int) -> None:
        if self.comparison is None:
            return
        divergent = {i for i, f in enumerate(self.comparison.facts) if f.status == "divergence"}
        candidates = [i for i in self._fact_candidates() if i in divergent]
        if not candidates:
            self.notify("No divergence" + (" mentions this entity" if self.entity else "s found"), timeout=3)
            return
        self._step_fact(candidates, step, "divergence")

    def _step_fact(self, candidates: list[int], step: int, what: str = "fact") -> None:
        if self.comparison is None:
            self._not_ready()
            return
        if not candidates:
            entity = self._entity()
            if entity is not None:
                self.notify(f"No fact mentions {entity.name}", timeout=3)
            else:
                self.notify("No facts: no sentence is reported by two sources.", timeout=3)
            return
        target = navigation.step(candidates, self.fact_index, step > 0)
        if navigation.wrapped(self.fact_index, target, step > 0):
            self._say_wrapped(step > 0, what)
        if target == self.fact_index and target is not None:
            self._align_fact(target)
        self.fact_index = target

    def _say_wrapped(self, forward: bool, what: str) -> None:
        self.notify(f"Wrapped to the {'first' if forward else 'last'} {what}", timeout=3)

    def go_to_fact(self, index: int) -> None:
        self.fact_index = index

    def action_unique(self, step: int) -> None:
        pane = self._focused_pane() or (self.panes[0] if self.panes else None)
        if pane is None or self.comparison is None:
            return
        unique = navigation.sentences_with_status(self.comparison, pane.source, "unique")
        target = navigation.step(unique, pane.cursor, step > 0)
        if target is None:
            self.notify(f"{self.comparison.sources[pane.source].name} has no unique sentences", timeout=3)
            return
        if navigation.wrapped(pane.cursor, target, step > 0):
            self._say_wrapped(step > 0, "unique sentence")
        pane.move_cursor(target)

    def action_pane(self, step: int) -> None:
        panes = self.panes
        if not panes:
            return
        current = self._focused_pane()
        index = panes.index(current) if current in panes else -1
        target = panes[(index + step) % len(panes)]
        # focused now, not after the queued messages (Widget.focus defers it): two tabs in
        # one read of the terminal both stepped from the same pane.  And no scroll of
        # Textual's own: its least move to show the pane left the view half-way through one
        self.screen.set_focus(target, scroll_visible=False)
        self._snap_columns(target)

    def action_entities(self) -> None:
        sidebar = self.query_one(EntitySidebar)
        if sidebar.has_focus:
            self.sidebar_open = self._sidebar_fits()
            if self.panes:
                (self._last_pane or self.panes[0]).focus()
            return
        self._last_pane = self._focused_pane()
        self.sidebar_open = True
        # focused and highlighted now, not after the queued messages: "e" and Enter in one
        # read of the terminal sent Enter to a list with nothing highlighted yet
        self.screen.set_focus(sidebar, scroll_visible=False)
        if sidebar.highlighted is None:
            sidebar.action_first()

    _last_pane: ArticlePane | None = None
    _columns_fit = True
    """Whether every pane is in view side by side (else they scroll sideways)."""

    def action_toggle_boilerplate(self) -> None:
        self.show_boilerplate = not self.show_boilerplate

    def action_toggle_details(self) -> None:
        panel = self.query_one(FactPanel)
        panel.expanded = not panel.expanded
        self.call_after_refresh(self._realign_current)  # the panes changed height, not width

    def action_scroll_details(self, direction: int) -> None:
        """The panel takes no focus (the keys stay with the panes), so it scrolls from here."""
        panel = self.query_one(FactPanel)
        panel.scroll_relative(y=direction * max(1, panel.scrollable_content_region.height - 1), animate=False)

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync

    def action_threshold(self, direction: int) -> None:
        if self.prepared is None or self.comparison is None:
            self._not_ready()
            return
        from tui.model import THRESHOLD_RANGE

        low, high = THRESHOLD_RANGE
        # quick presses step on from the last one asked for, not from what is on screen
        # while that is still being re-aligned (three quick '+' moved one step)
        current = self._asked_threshold if self._asked_threshold is not None else self.comparison.threshold
        default = self.prepared.default_threshold
        # steps lie on a grid through the default, so stepping back always reaches it, even
        # after a limit clamped the threshold off the grid (0.29, 0.05, then 0.09 ... 0.29)
        steps = round((current - default) / THRESHOLD_STEP) + direction if direction else 0
        new = round(min(high, max(low, default + steps * THRESHOLD_STEP)), 2)
        if new == round(current, 2):
            if direction:
                self.notify("Matching is already as " + ("strict" if direction > 0 else "loose") + " as it goes",
                            timeout=2)
            else:
                self.notify(f"Matching is at its default ({default:.2f})", timeout=2)
            return
        self._asked_threshold = new
        if self._anchor is None:
            self._anchor = self._reading_position()
        self.realign(new, self._anchor)

    def _reading_position(self) -> ReadingPosition | None:
        """The sentence the reader is on (the focused pane's cursor if it is in the
        current fact, else the current fact's first member, else the cursor) and the
        current fact's members."""
        pane = self._focused_pane()
        cursor = (pane.source, pane.cursor) if pane is not None and pane.cursor is not None else None
        if self.comparison is not None and self.fact_index is not None:
            members = tuple((m.source, m.sentence) for m in self.comparison.facts[self.fact_index].members)
            return ReadingPosition(cursor if cursor in members else members[0], frozenset(members))
        return ReadingPosition(cursor, frozenset()) if cursor is not None else None

    @work(thread=True, exclusive=True, group="realign")
    def realign(self, threshold: float, keep: ReadingPosition | None) -> None:
        """Re-group facts at a new threshold from the cached analysis: no spaCy."""
        from tui.analysis import build

        assert self.prepared is not None
        try:
            comparison = build(self.prepared, threshold)
        except Exception as exc:  # an in-app notice, never a traceback over the reader
            self.call_from_thread(self._realign_failed, threshold, f"{type(exc).__name__}: {exc}")
            return
        self.call_from_thread(self._realigned, comparison, keep)

    def _realign_failed(self, threshold: float, reason: str) -> None:
        if threshold == self._asked_threshold:
            self._asked_threshold = None
            self.notify(f"Could not re-group at {threshold:.2f}: {reason}", severity="error", timeout=6)

    def _realigned(self, comparison: Comparison, keep: ReadingPosition | None) -> None:
        if comparison.threshold != self._asked_threshold:
            return  # overtaken by a later press: its own result is on the way, or shown
        before = len(self.comparison.facts) if self.comparison else 0
        if self._anchor is not keep:
            # the reader moved on while it ran (the anchor is dropped by any move): keep
            # where they are now, not where they were when the key was pressed
            keep = self._reading_position()
        self._apply(comparison, keep)
        self.notify(
            f"Matching ≥ {comparison.threshold:.2f}: {len(comparison.facts)} facts (was {before})", timeout=3
        )

    def action_search(self) -> None:
        bar = self._search_bar()
        bar.display = True
        bar.focus()

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        query = event.value.strip()
        if self.comparison is None:
            self._not_ready()
            return
        if query != self._query:
            self._query = query
            self._matches = self._search(query)
            self._match = -1
            self._refresh_marks()
        if not self._matches:
            self.notify(self._no_match(query), timeout=3)
            self._update_summary()
            return
        if self._match == len(self._matches) - 1 and len(self._matches) > 1:
            self._say_wrapped(True, "match")
        self._match = (self._match + 1) % len(self._matches)
        m = self._matches[self._match]
        pane = self.pane(m.source)
        pane.move_cursor(m.sentence, notify=False)
        self._cursor_moved(pane, m.sentence)
        self._update_summary()

    def _no_match(self, query: str) -> str:
        if not query:
            return "Type something to search"
        hidden = (
            navigation.search(self.comparison, query, boilerplate=True)
            if self.comparison is not None and not self.show_boilerplate
            else []
        )
        if hidden:  # all in the page chrome b hides
            there = counted(len(hidden), "match", "matches")
            return f"No match for “{query}” outside page chrome: {there} there, b shows it"
        return f"No match for “{query}”"

    def _search(self, query: str) -> list[navigation.Match]:
        if self.comparison is None or not query:
            return []
        return navigation.search(self.comparison, query, boilerplate=self.show_boilerplate)

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        bar = self._search_bar()
        bar.display = False
        if self._matches and 0 <= self._match < len(self._matches):
            self.pane(self._matches[self._match].source).focus()
        elif self.panes:
            self.panes[0].focus()

    def action_clear_filters(self) -> None:
        had = self.entity is not None or bool(self._query)
        self.entity = None
        self._query = ""
        self._matches = []
        self._match = -1
        for bar in self.query("#search").results(SearchBar):
            bar.value = ""
            bar.display = False
        self._refresh_marks()
        self._update_summary()
        self._update_fact_panel()  # its position line named the entity ("John Kerry: fact 1/8")
        if had:
            self.notify("Filters cleared", timeout=2)

    def choose_entity(self, entity_id: str) -> None:
        self.entity = entity_id
        entity = self._entity()
        if entity is None or self.comparison is None:
            return
        facts = navigation.facts_mentioning(self.comparison, entity)
        if self.fact_index in facts:
            self._align_fact(self.fact_index)  # again: now around the sentences naming it
        elif facts:
            self.fact_index = facts[0]
        else:
            first = entity.mentions[0]
            self.pane(first.source).move_cursor(first.sentence)
        mentions = counted(len(entity.mentions), "mention")
        if facts:
            what = f"{mentions}, {counted(len(facts), 'fact')} — n/p step through them, esc clears"
        else:
            what = f"{mentions}, in no fact (no other source reports them) — esc clears"
        self.notify(f"{entity.name}: {what}", timeout=4)

    @on(EntitySidebar.EntityChosen)
    def _entity_chosen(self, event: EntitySidebar.EntityChosen) -> None:
        self.choose_entity(event.entity_id)

    @on(ArticlePane.CursorMoved)
    def _pane_cursor(self, event: ArticlePane.CursorMoved) -> None:
        self._cursor_moved(event.pane, event.sentence)

    def _cursor_moved(self, pane: ArticlePane, sentence: int) -> None:
        """The user moved a cursor: its sentence's fact becomes current, the others follow."""
        self._anchor = None
        if self.comparison is None:
            return
        fids = self.comparison.sources[pane.source].sentences[sentence].facts
        if fids:
            current = self.comparison.facts[self.fact_index].id if self.fact_index is not None else None
            # a sentence in several facts keeps the current one rather than jump to its first
            fid = current if current in fids else fids[0]
            index = self.comparison.position(fid)
            if index != self.fact_index:
                self._cursor_led = True
                try:
                    self.fact_index = index
                finally:
                    self._cursor_led = False
            self._align_fact(index, lead=(pane.source, sentence))
        else:
            self.fact_index = None
            if self.sync:
                self._syncing = True
                try:
                    for other in self.panes:
                        if other is not pane:
                            self._follow(pane, other, sentence)
                finally:
                    self._syncing = False

    def action_help(self) -> None:
        by_action = {}
        for b in [*self.BINDINGS]:
            if isinstance(b, Binding):
                by_action.setdefault(b.action, []).append(b)
        sections = []
        for title, actions in self.HELP_SECTIONS:
            rows = []
            for action in actions:
                if action == "command_palette":
                    palette = "Command palette: jump, export, screenshot, theme"
                    rows.append(Binding("ctrl+p", "command_palette", palette))
                    continue
                found = by_action.get(action, [])
                if found:
                    keys = ",".join(b.key for b in found)
                    described = [b.tooltip or b.description for b in found]
                    rows.append(Binding(keys, action, max(described, key=len)))
            sections.append((title, rows))
        sections.insert(2, ("In a pane", [b for b in ArticlePane.BINDINGS if isinstance(b, Binding)]))
        self.push_screen(HelpScreen(sections))

    def action_export(self, kind: str) -> None:
        if self.comparison is None:
            self._not_ready()
            return
        suffix = "json" if kind == "json" else "md"
        default = self._free_name(f"parallax-comparison.{suffix}")
        self.push_screen(
            PathScreen(f"Export the comparison as {'JSON' if kind == 'json' else 'Markdown'} to:", default,
                       self._inputs()),
            lambda path: self._write_export(kind, path),
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands, less its "Screenshot": that one saves to a Downloads
        folder without asking (and fails where there is none); ours asks where."""
        for command in super().get_system_commands(screen):
            if command.title != "Screenshot":
                yield command

    def action_screenshot(self) -> None:
        default = self._free_name("parallax-screenshot.svg")
        self.push_screen(PathScreen("Save a screenshot (SVG) to:", default, self._inputs()), self._write_screenshot)

    def _free_name(self, name: str) -> str:
        path = Path(name)
        n = 1
        while path.exists():
            path = Path(f"{Path(name).stem}-{n}{Path(name).suffix}")
            n += 1
        return str(path)

    def _inputs(self) -> frozenset[Path]:
        return frozenset(Path(a.path).resolve() for a in self.articles if a.path != "-")

    def _refuse(self, path: Path) -> bool:
        if path.resolve() in self._inputs():
            self.notify(f"{path} is one of the articles: Parallax never writes to its inputs.",
                        severity="error", timeout=6)
            return True
        return False

    def _write_export(self, kind: str, path: str | None) -> None:
        if not path or self.comparison is None:
            return
        target = Path(path).expanduser()
        if self._refuse(target):
            return
        from tui.export import to_json, to_markdown

        text = to_json(self.comparison) if kind == "json" else to_markdown(self.comparison)
        try:
            # a path read from an undecodable file name is written back as its own bytes' escapes
            target.write_text(text, encoding="utf-8", errors="backslashreplace")
        except OSError as exc:
            self.notify(f"Cannot write {target}: {exc.strerror or exc}", severity="error", timeout=6)
            return
        self.notify(f"Wrote {target}", timeout=4)

    def _write_screenshot(self, path: str | None) -> None:
        if not path:
            return
        target = Path(path).expanduser()
        if self._refuse(target):
            return
        try:
            written = self.save_screenshot(filename=target.name, path=str(target.parent or "."))
        except OSError as exc:
            self.notify(f"Cannot write {target}: {exc.strerror or exc}", severity="error", timeout=6)
            return
        self.notify(f"Saved {written}", timeout=4)
