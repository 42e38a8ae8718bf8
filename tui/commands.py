"""Command palette entries: jump to a fact or an entity, export, screenshot."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui import navigation

if TYPE_CHECKING:
    from tui.app import ParallaxApp

ACTIONS = (
    ("Export comparison as JSON…", "export('json')", "Write the parallax/1 JSON export to a file"),
    ("Export comparison as Markdown…", "export('markdown')", "Write the readable Markdown report to a file"),
    ("Save screenshot…", "screenshot", "Save the current screen as an SVG"),
    ("Toggle synchronised scrolling", "toggle_sync", "Keep panes aligned by content"),
    ("Show or hide boilerplate", "toggle_boilerplate", "Page chrome such as teasers and tweets"),
    ("Clear entity and search filters", "clear_filters", "Back to all facts"),
)


class ParallaxCommands(Provider):
    """Facts by their text, entities by name, and the reader's own actions."""

    @property
    def parallax(self) -> ParallaxApp:
        return self.app  # type: ignore[return-value]

    async def discover(self) -> Hits:
        for name, action, help_text in ACTIONS:
            yield DiscoveryHit(name, partial(self.parallax.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app = self.parallax
        for name, action, help_text in ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(app.run_action, action), help=help_text)
        comparison = app.comparison
        if comparison is None:
            return
        names = [s.name for s in comparison.sources]
        for i, fact in enumerate(comparison.facts):
            label = f"Fact {i + 1}: {navigation.fact_label(comparison, fact)}"
            score = matcher.match(label)
            if score > 0:
                where = ", ".join(names[s] for s in fact.sources)
                yield Hit(score, matcher.highlight(label), partial(app.go_to_fact, i),
                          help=f"{fact.status} · {where}")
        for entity in comparison.entities:
            label = f"Entity: {entity.name}"
            score = max(matcher.match(label), *(matcher.match(v) for v in entity.variants))
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(app.choose_entity, entity.id),
                          help=f"{entity.label} · {len(entity.mentions)} mentions")
