"""Turning arguments into articles: names a reader can tell apart."""

from __future__ import annotations

from pathlib import Path

from tui.inputs import load

STORY = "Storm hits Brava\n\nThe storm on Monday killed 12 people in the coastal town of Brava.\n"


def _write(path: Path, text: str = STORY) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_files_of_one_name_in_two_folders_are_named_by_folder(tmp_path):
    a, b = _write(tmp_path / "afp" / "story.txt"), _write(tmp_path / "ap" / "story.txt")
    assert [x.name for x in load([a, b]).articles] == ["afp/story", "ap/story"]


def test_one_file_given_twice_is_numbered_and_said(tmp_path):
    a = _write(tmp_path / "story.txt")
    loaded = load([a, a])
    assert [x.name for x in loaded.articles] == [f"{tmp_path.name}/story", f"{tmp_path.name}/story (2)"]
    # it compared the file with itself without a word
    assert loaded.notes == [f"{a}: given twice, so compared with itself"]
    other = _write(tmp_path / "other.txt")
    assert load([a, other]).notes == []


def test_two_pieces_from_one_outlet_keep_the_outlet(tmp_path):
    a = _write(tmp_path / "monday.txt", "Source: Reuters\n\n" + STORY)
    b = _write(tmp_path / "tuesday.txt", "Source: Reuters\n\n" + STORY)
    c = _write(tmp_path / "other.txt")
    names = [x.name for x in load([a, b, c]).articles]
    assert names == ["Reuters (monday)", "Reuters (tuesday)", "other"]


def test_a_broken_link_in_a_folder_is_a_note_not_a_silence(tmp_path):
    a, b = _write(tmp_path / "a.txt"), _write(tmp_path / "b.txt", "Source: Reuters\n\n" + STORY)
    link = tmp_path / "c.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    (tmp_path / ".hidden.txt").symlink_to(tmp_path / "deleted.txt")  # hidden: never an article
    (tmp_path / "logo.png").symlink_to(tmp_path / "deleted.png")  # not an article's name
    loaded = load([str(tmp_path)])
    assert [x.path for x in loaded.articles] == [a, b]
    assert loaded.errors == []
    assert loaded.notes == [f"{link}: broken symbolic link, skipped"]


def test_an_article_from_standard_input_is_named_so_everywhere(monkeypatch):
    """Its errors said "standard input", its notes "-" and its pane "stdin"."""
    import io
    import sys
    from types import SimpleNamespace

    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(STORY.encode("utf-16"))))
    loaded = load(["-"])
    (article,) = loaded.articles
    assert (article.path, article.name) == ("-", "standard input")
    assert loaded.notes == ["standard input: decoded as UTF-16 (byte-order mark)"]
    assert load(["-", "-"]).errors[0] == "standard input (-) can be read only once"


def test_what_a_folder_leaves_out_is_kept_apart_for_the_reader(tmp_path):
    """The reader showed each article's own notes but not the folder's: "the first 12
    of 13" reached only standard error, hidden under the reader's screen."""
    from tui.inputs import MAX_ARTICLES

    for i in range(MAX_ARTICLES + 1):
        _write(tmp_path / f"{i:02}.txt")
    loaded = load([str(tmp_path)])
    assert len(loaded.articles) == MAX_ARTICLES
    assert loaded.folder_notes == [
        f"{tmp_path}: {MAX_ARTICLES + 1} articles, opening the first {MAX_ARTICLES} (name them to choose)"
    ]
    assert loaded.notes == loaded.folder_notes  # standard error has them too
