"""The ``parallax/1`` JSON export (see ``docs/export-schema.md``; its fields are a contract)."""

from __future__ import annotations

import json
from typing import Any

from tui.ingest import read_otherwise, rereadable
from tui.model import Comparison, Difference, Source


def _difference(d: Difference) -> dict[str, Any]:
    return {
        "kind": d.kind,
        "what": d.what,
        "values": [
            {"source": v.source, "sentence": v.sentence, "text": v.text, "start": v.start, "end": v.end}
            for v in d.values
        ],
    }


def to_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "schema": comparison.schema,
        "model": comparison.model,
        "threshold": round(comparison.threshold, 3),
        "sources": [
            {
                "id": src.id,
                "path": src.path,
                "name": src.name,
                "title": src.title,
                "notes": list(src.notes),
                "format": src.format,
                # offsets that no file can resolve carry their text: a web page's refer to the
                # extracted article; standard input's, a pipe's (/dev/stdin, <(cat a.txt)) or
                # a device's to what was read from it, which reading its path again cannot give;
                # a Windows-1252 or UTF-16 file's to a text its UTF-8 reading does not give
                **({"text": src.text} if _unresolvable(src) else {}),
                "sentences": [
                    {
                        "index": s.index,
                        "text": s.text,
                        "start": s.start,
                        "end": s.end,
                        "status": s.status,
                        "facts": list(s.facts),
                        **({"boilerplate_rule": s.boilerplate_rule} if s.boilerplate_rule else {}),
                        **({"headline": True} if s.headline else {}),
                    }
                    for s in src.sentences
                ],
            }
            for src in comparison.sources
        ],
        "facts": [
            {
                "id": f.id,
                "status": f.status,
                "score": f.score,
                "members": [{"source": m.source, "sentence": m.sentence} for m in f.members],
                "differences": [_difference(d) for d in f.differences],
            }
            for f in comparison.facts
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "label": e.label,
                "variants": list(e.variants),
                "mentions": [
                    {"source": m.source, "sentence": m.sentence, "start": m.start, "end": m.end}
                    for m in e.mentions
                ],
            }
            for e in comparison.entities
        ],
        "intra_source_conflicts": [
            {
                "source": c.source,
                "kind": c.kind,
                "what": c.what,
                "values": [
                    {"sentence": v.sentence, "text": v.text, "start": v.start, "end": v.end}
                    for v in c.values
                ],
            }
            for c in comparison.conflicts
        ],
    }


def to_json(comparison: Comparison) -> str:
    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=2) + "\n"


def _unresolvable(src: Source) -> bool:
    return src.format == "html" or not rereadable(src.path) or read_otherwise(src.notes)
