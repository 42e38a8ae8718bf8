"""Exporters: the comparison as JSON (schema ``parallax/1``) or a Markdown report."""

from tui.export.json_export import to_dict, to_json
from tui.export.markdown_export import to_markdown

__all__ = ["to_dict", "to_json", "to_markdown"]
