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
    return {
        "missing": (str(tmp_path / "missing.txt"), "no such file"),
        "empty": (str(empty), "empty file"),
        "blank": (str(blank), "only whitespace"),
        "binary": (str(png), "binary file"),
        "folder without articles": (str(folder), "no articles"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "blank", "binary", "folder without articles"])
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


def test_unknown_model_is_a_clear_error():
    proc = run("--json", "--model", "no_such_pipeline", *SEEDS)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "no_such_pipeline" in err and "Traceback" not in err


def test_stdin_article():
    text = Path(SEEDS[0]).read_bytes()
    proc = run("--json", "-", SEEDS[2], stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert data["sources"][0]["path"] == "-" and data["sources"][0]["name"] == "stdin"


def test_inputs_are_never_written(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Police arrested six people in Brava on Monday.")
    b.write_text("Six people were arrested in Brava on Monday, police said.")
    before = [(p.stat().st_mtime_ns, p.read_bytes()) for p in (a, b)]
    assert run("--json", str(a), str(b)).returncode == 0
    assert [(p.stat().st_mtime_ns, p.read_bytes()) for p in (a, b)] == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
