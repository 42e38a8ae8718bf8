"""Where the reader's start-up time goes: pyinstrument profiles of the first paint.

    python benchmarks/profile_paint.py                  # process start → first frame, cold cache
    python benchmarks/profile_paint.py --highlights     # → the coloured frame, warm cache
    python benchmarks/profile_paint.py FILES...         # other articles (default: the seeds)

A profile of the reader needs a terminal, so the script re-runs itself on a
pseudo-terminal (``benchmarks/terminal.py``, 160×45) as the child that
profiles.  The child starts pyinstrument before importing anything from
Parallax or Textual, runs the real ``ParallaxApp`` and exits on the first
frame (Textual's ``Ready``, posted right after the first compositor refresh)
or, with ``--highlights``, right after the analysis is applied.  With
``--highlights`` the analysis worker thread is profiled too (pyinstrument
samples one thread per profiler).  Needs ``pip install pyinstrument`` (a
benchmark tool, not a dependency of Parallax).
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

FLAT_LINES = 40
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def child(out: str, paths: list[str], highlights: bool) -> None:
    """Run the reader under pyinstrument and write the profiles as text to ``out``."""
    from pyinstrument import Profiler

    main_profile = Profiler(interval=0.0005)
    main_profile.start()
    worker_profile = Profiler(interval=0.0005)
    sys.path.insert(0, str(ROOT))
    from tui.app import ParallaxApp
    from tui.inputs import load

    loaded = load(paths)

    def finish(app: ParallaxApp, coloured: float | None) -> None:
        """Write the profiles and leave at once: quitting (and waiting for the
        worker still loading spaCy) is not what is being measured."""
        main_profile.stop()
        first = getattr(app, "first_frame", float("nan"))
        sections = [
            f"first frame at {first * 1000:.0f} ms"
            + (f", highlights at {coloured * 1000:.0f} ms" if coloured is not None else "")
            + " (from interpreter start, under the profiler)",
            *_render("main thread", main_profile),
        ]
        if coloured is not None:
            if worker_profile.is_running:
                worker_profile.stop()
            sections += _render("analysis worker thread", worker_profile)
        Path(out).write_text("\n".join(sections), encoding="utf-8")
        os._exit(0)

    from textual import work

    class ProfiledApp(ParallaxApp):
        """The real reader, stopping at the frame being measured."""

        CSS_PATH = str(ROOT / "tui" / "app.tcss")  # a relative path would resolve beside this file

        def on_ready(self) -> None:
            self.first_frame = time.perf_counter() - STARTED
            if not highlights:
                finish(self, None)

        def run_analysis(self) -> None:  # type: ignore[override]
            self._profiled_analysis()

        @work(thread=True, exclusive=True, group="analysis")
        def _profiled_analysis(self) -> None:
            worker_profile.start()
            try:
                ParallaxApp.run_analysis.__wrapped__(self)  # type: ignore[attr-defined]
            finally:
                worker_profile.stop()

        def _apply(self, comparison, keep) -> None:  # type: ignore[no-untyped-def]
            super()._apply(comparison, keep)
            coloured = time.perf_counter() - STARTED
            if highlights:
                self.call_after_refresh(lambda: finish(self, coloured))

    ProfiledApp(loaded.articles, analyse=True).run()


def _render(title: str, profile: object) -> list[str]:
    """The call tree, then the functions with the most time of their own (the tree hides library frames)."""
    flat = profile.output_text(unicode=True, color=False, flat=True)  # type: ignore[attr-defined]
    return [
        f"== {title}: call tree",
        profile.output_text(unicode=True, color=False),  # type: ignore[attr-defined]
        f"== {title}: top functions by own time",
        "\n".join(flat.splitlines()[:FLAT_LINES]),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="articles (default: the seeds)")
    ap.add_argument("--highlights", action="store_true", help="profile up to the coloured frame, warm cache")
    ap.add_argument("--child", metavar="OUT", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    paths = args.files or sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    if args.child:
        child(args.child, paths, args.highlights)
        return 0
    sys.path.insert(0, str(HERE))
    from terminal import time_markers

    with tempfile.TemporaryDirectory(prefix="parallax-profile-") as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as a user has it
        env.update(PARALLAX_CACHE_DIR=os.path.join(tmp, "cache"), TERM="xterm-256color")
        if args.highlights:  # warm the cache first: the second opening is what is profiled
            import subprocess

            subprocess.run([sys.executable, "-m", "tui", "--json", *paths], env=env, check=True,
                           stdout=subprocess.DEVNULL, cwd=ROOT)
        out = os.path.join(tmp, "profile.txt")
        flags = ["--highlights"] if args.highlights else []
        time_markers([sys.executable, __file__, "--child", out, *flags, *paths], [], env=env, timeout=120)
        try:
            print(Path(out).read_text("utf-8"))
        except FileNotFoundError:
            print("the profiled child wrote no profile (did it crash? run it by hand in a terminal)")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
