"""Ingest keeps the text exactly as read and locates paragraphs and the headline."""

from __future__ import annotations

import pytest

from tui.ingest import (
    InputError,
    build_article,
    decode,
    find_headline,
    load_article,
    paragraphs,
    read_file,
)


def spans(text: str) -> list[str]:
    return [text[p.start : p.end] for p in paragraphs(text)]


def test_blank_lines_and_single_newlines_both_separate_paragraphs():
    text = "First para.\n\nSecond para.\nThird para on its own line.\n"
    assert spans(text) == ["First para.", "Second para.", "Third para on its own line."]


def test_hard_wrapped_block_stays_one_paragraph():
    text = (
        "The council met on Monday to discuss the new budget for the\n"
        "coming year, and after a long debate the members agreed to\n"
        "raise spending on schools.\n\nA second paragraph."
    )
    assert len(spans(text)) == 2
    assert spans(text)[0].startswith("The council") and spans(text)[0].endswith("schools.")


def test_paragraph_offsets_round_trip_with_odd_whitespace():
    text = "  \n Lead line here.  \r\n\n\t Body text\u00a0with nbsp.\n\n\n"
    for p in paragraphs(text):
        chunk = text[p.start : p.end]
        assert chunk == chunk.strip()
        assert chunk in ("Lead line here.", "Body text\u00a0with nbsp.")


def test_headline_is_short_first_line_without_final_punctuation():
    text = "Quake hits Aceh province\n\nA strong earthquake struck on Tuesday."
    head = find_headline(text, paragraphs(text))
    assert head is not None and text[head.start : head.end] == "Quake hits Aceh province"


@pytest.mark.parametrize(
    "text",
    ["A strong earthquake struck on Tuesday.\n\nMore.", "Is this a headline?\nBody.", "x" * 200 + "\nBody."],
)
def test_no_headline_when_first_line_is_a_sentence_or_long(text):
    assert find_headline(text, paragraphs(text)) is None


def test_analysis_text_has_same_length_and_no_inner_newlines():
    art = build_article("a.txt", "a", "Line one wraps\nhere.\n\nTwo.")
    assert len(art.analysis_text) == len(art.text)
    assert "\n" not in art.analysis_text


def test_decode_strips_utf8_bom():
    text, notes = decode("\ufeffHello".encode("utf-8"), "f")
    assert text == "Hello" and notes == ()


def test_decode_utf16_with_bom():
    text, notes = decode("Zoë said hi".encode("utf-16"), "f")
    assert text == "Zoë said hi"
    assert "UTF-16" in notes[0]


def test_decode_latin1_falls_back_with_a_note():
    text, notes = decode("Café crème".encode("latin-1"), "f")
    assert text == "Café crème"
    assert "Windows-1252" in notes[0]


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.png")


def test_read_file_errors_are_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\t\n")
    cases = {
        str(tmp_path / "missing.txt"): "no such file",
        str(empty): "empty file",
        str(blank): "only whitespace",
        str(tmp_path): "is a directory",
    }
    for path, reason in cases.items():
        with pytest.raises(InputError) as info:
            read_file(__import__("pathlib").Path(path))
        assert reason in str(info.value)
        assert "\n" not in str(info.value)


def test_load_article_never_writes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline here\n\nBody sentence.")
    before = path.stat().st_mtime_ns, path.read_bytes()
    article = load_article(str(path))
    assert article.name == "a"
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_source_line_names_the_outlet(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Source: The Daily Example\n\nSomething happened today.")
    assert load_article(str(path)).name == "The Daily Example"
