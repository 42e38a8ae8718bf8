"""The analysis core never imports Textual: the exporters and scripts must work without a UI."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "tui.model", "tui.pipelines", "tui.ingest", "tui.inputs", "tui.nlp", "tui.numbers", "tui.lexicon", "tui.details",
    "tui.boilerplate", "tui.entities", "tui.terms", "tui.align", "tui.compare", "tui.analysis",
    "tui.export", "tui.cli", "tui.cache", "tui.navigation", "tui.html_input", "tui.markdown_input",
    "tui.facts", "tui.spelling", "tui.wrapping", "tui.clock", "tui.language",
]


def run_clean(code: str) -> None:
    """Run ``code`` in a fresh interpreter, so modules imported by other tests do not count."""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_core_modules_import_without_textual():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'textual' or name.startswith('textual.'):\n"
        "            raise ImportError('textual is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {CORE!r}:\n"
        "    __import__(m)\n"
        "assert not any(k == 'textual' or k.startswith('textual.') for k in sys.modules)\n"
    )
    run_clean(code)


def test_cli_does_not_load_spacy_or_textual_before_it_needs_them():
    code = (
        "import sys, tui.cli\n"
        "assert 'spacy' not in sys.modules and 'textual' not in sys.modules, sorted(sys.modules)\n"
    )
    run_clean(code)


def test_rebuilding_facts_needs_neither_numpy_nor_spacy():
    """A cached analysis is re-grouped (stricter/looser, --json on a cache hit) without them."""
    code = (
        "import sys, tui.analysis, tui.cache, tui.facts, tui.export\n"
        "heavy = [m for m in ('numpy', 'spacy', 'rapidfuzz') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    run_clean(code)


def test_the_reader_reaches_its_first_frame_without_the_analysis_code():
    """The reader and the cache lookup before the first frame load neither the result
    model nor the annotation code: each costs milliseconds of start-up (dataclass
    creation) that the user would wait for before seeing any text."""
    code = (
        "import sys, tui.app, tui.cache\n"
        "early = [m for m in ('tui.model', 'tui.nlp', 'tui.analysis', 'numpy') if m in sys.modules]\n"
        "assert not early, early\n"
    )
    run_clean(code)
