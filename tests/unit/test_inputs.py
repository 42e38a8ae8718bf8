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


def test_one_file_given_twice_is_numbered(tmp_path):
    a = _write(tmp_path / "story.txt")
    assert [x.name for x in load([a, a]).articles] == [f"{tmp_path.name}/story", f"{tmp_path.name}/story (2)"]


def test_two_pieces_from_one_outlet_keep_the_outlet(tmp_path):
    a = _write(tmp_path / "monday.txt", "Source: Reuters\n\n" + STORY)
    b = _write(tmp_path / "tuesday.txt", "Source: Reuters\n\n" + STORY)
    c = _write(tmp_path / "other.txt")
    names = [x.name for x in load([a, b, c]).articles]
    assert names == ["Reuters (monday)", "Reuters (tuesday)", "other"]
