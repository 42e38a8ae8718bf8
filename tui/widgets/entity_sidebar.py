"""People, places, organisations and other names, merged across sources and spellings."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.wrapping import printable

if TYPE_CHECKING:  # the model loads with the analysis, after the first frame
    from tui.model import Comparison

SIDEBAR_TEXT = 33
"""Text columns of the sidebar (34 wide in app.tcss, less its border) while it is hidden and
has no width of its own."""
GROUPS = (("people", "People"), ("places", "Places"), ("organisations", "Organisations"), ("other", "Other"))


class EntitySidebar(OptionList):
    """A list of entities grouped by kind; choosing one highlights its mentions."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entity-sidebar--group",
        "entity-sidebar--count",
        "entity-sidebar--variant",
    }

    class EntityChosen(Message):
        def __init__(self, entity_id: str) -> None:
            super().__init__()
            self.entity_id = entity_id

    def show_entities(self, comparison: Comparison | None, pending: str = "analysing…") -> None:
        """The entities grouped by kind; ``pending`` stands in until there is a comparison."""
        self.clear_options()
        if comparison is None:
            self.add_option(Option(Text(pending), disabled=True))
            return
        options: list[Option] = []

        def style(name: str) -> Style:
            # the component's colour and weight, not its background: that hid the highlight
            # behind a name's counts and variants
            s = self.get_component_rich_style(name)
            return Style(color=s.color, bold=s.bold, italic=s.italic)

        n_sources = len(comparison.sources)
        # less a scrollbar's width: the list outgrows the sidebar once it is filled
        width = (self.scrollable_content_region.width or SIDEBAR_TEXT) - 2
        for kind, title in GROUPS:
            members = [e for e in comparison.entities if e.kind == kind]
            if not members:
                continue
            options.append(Option(Text(f"{title} ({len(members)})", style=style("entity-sidebar--group")),
                                  disabled=True))
            members.sort(key=lambda e: (-len(e.mentions), e.name.lower()))
            for e in members:
                counts = "·".join(str(e.count_in(s)) for s in range(n_sources))
                if len(counts) > width // 2:
                    # a dozen sources' counts ("2·2·7·3·6·4·2·2·2·8·2·3") left the name 7 columns:
                    # mentions, and in how many of the sources
                    named_in = sum(1 for s in range(n_sources) if e.count_in(s))
                    counts = f"{len(e.mentions)} in {named_in}/{n_sources}"
                # one line per name, cut to fit: a wrapped tail ("Lima  0·0·1") reads as another name
                label = Text(printable(e.name), no_wrap=True)
                label.truncate(max(8, width - len(counts) - 2), overflow="ellipsis")
                label.append(f"  {counts}", style=style("entity-sidebar--count"))
                others = [v for v in e.variants if v != e.name]
                if others:
                    variants = Text("  " + printable(", ".join(others)), style=style("entity-sidebar--variant"))
                    variants.truncate(width, overflow="ellipsis")
                    label.append("\n").append_text(variants)
                options.append(Option(label, id=e.id))
        if not comparison.entities:
            options.append(Option(Text("no names found"), disabled=True))
        self.add_options(options)  # one update: adding options one by one is quadratic

    def on_focus(self) -> None:
        """Enter chooses at once: the list opens on a heading, where it chose nothing."""
        if self.highlighted is None:
            self.action_first()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.EntityChosen(event.option.id))
