"""``parallax`` with a stopwatch on the spaCy import: did the text paint before spaCy loaded?

    PARALLAX_PROBE_FILE=/tmp/x python benchmarks/paint_probe.py FILES...

Runs the real command line (``tui.cli.main``) after putting a finder first on
``sys.meta_path`` that writes ``time.monotonic()`` to ``$PARALLAX_PROBE_FILE``
the first time a spaCy submodule is looked up (an import really running).  ``time.monotonic`` is the
system-wide monotonic clock on Linux, so ``benchmarks/run.py`` can compare it
with the moment it saw the first frame on the pty.  The finder only looks
(it always returns None) and changes no behaviour; the timed runs still use
the plain ``parallax`` so that not even this lookup is in their figures.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _SpacyWatch:
    """A meta-path finder that never finds anything; it notes when spaCy is first imported."""

    def __init__(self, out: str) -> None:
        self.out = out
        self.done = False

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        # a submodule is only ever looked up by a real import; ``find_spec("spacy")``
        # alone may just be locating the package (the cache reads its version file)
        if not self.done and name.startswith("spacy."):
            self.done = True
            Path(self.out).write_text(repr(time.monotonic()), encoding="utf-8")
        return None


def main() -> int:
    sys.meta_path.insert(0, _SpacyWatch(os.environ["PARALLAX_PROBE_FILE"]))
    sys.path.insert(0, str(ROOT))
    from tui.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
