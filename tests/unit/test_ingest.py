"""Ingest keeps the text exactly as read and locates paragraphs and the headline."""

from __future__ import annotations

import contextlib
import os

import pytest

from tui.ingest import (
    InputError,
    build_article,
    decode,
    find_headline,
    load_article,
    paragraphs,
    rereadable,
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


def test_stray_windows_1252_bytes_in_utf8_are_read_alone():
    # UTF-8 throughout but for two pasted quote marks: the UTF-8 accents and dashes stay right
    data = "Café — “one”".encode() + b" and \x93two\x94"
    text, notes = decode(data, "f")
    assert text == "Café — “one” and “two”"
    assert notes == ("UTF-8 but for 2 bytes, read as Windows-1252",)


def test_latin1_with_few_utf8_lookalikes_is_still_latin1():
    # more stray high bytes than well-formed sequences: the whole file is Windows-1252
    data = "Crème brûlée à la française".encode("cp1252") + "é".encode()
    text, notes = decode(data, "f")
    assert text.startswith("Crème brûlée à la française")
    assert "decoded as Windows-1252" in notes[0]


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
            load_article(path)
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



@pytest.mark.parametrize(
    ("filename", "name"),
    [("dailymail.co.uk.txt", "dailymail.co.uk"), ("nytimes.com.md", "nytimes.com"), ("Report.TXT", "Report"),
     ("reuters.com", "reuters.com"), ("notes.v2.text", "notes.v2")],
)
def test_names_keep_dots_that_are_not_an_article_suffix(tmp_path, filename, name):
    """Articles saved under their outlet's domain keep the whole domain as their name."""
    path = tmp_path / filename
    path.write_text("Something happened in the city today, officials said.")
    assert load_article(str(path)).name == name

# ---------------------------------------------------------------- bad input


def test_permission_denied_is_one_line(tmp_path, monkeypatch):
    """Tests run as root, who can read anything: the error is simulated where the file is opened."""
    from pathlib import Path

    path = tmp_path / "locked.txt"
    path.write_text("Some text.")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=r"locked.txt: permission denied$"):
        load_article(str(path))


def test_a_5_mb_article_is_refused_at_once(tmp_path):
    import time

    big = tmp_path / "book.txt"
    big.write_bytes(b"All work and no play makes Jack a dull boy. " * 120_000)
    assert big.stat().st_size > 5_000_000
    started = time.perf_counter()
    with pytest.raises(InputError) as info:
        load_article(str(big))
    assert time.perf_counter() - started < 0.5
    assert str(info.value) == f"{big}: too large (5.3 MB); articles up to 2 MB are read"


def test_the_read_is_bounded_even_when_the_size_lies(tmp_path):
    """A file that grows after stat, or a device like /dev/zero, is still refused, not read forever."""
    from pathlib import Path

    from tui.ingest import read_bytes

    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 100)
    with pytest.raises(InputError, match="too large"):
        read_bytes(path, limit=50)
    if Path("/dev/zero").exists():
        with pytest.raises(InputError, match="too large"):
            read_bytes(Path("/dev/zero"), limit=1000)


def test_utf16_and_latin1_files_are_read_with_a_note(tmp_path):
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Zoë Müller said the café had closed.".encode("utf-16"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Zoë Müller said the café had closed.".encode("latin-1"))
    for path, note in ((utf16, "UTF-16"), (latin, "Windows-1252")):
        article = load_article(str(path))
        assert article.text == "Zoë Müller said the café had closed."
        assert any(note in n for n in article.notes)


def test_binary_file_with_a_text_name_is_refused(tmp_path):
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary file"):
        load_article(str(png))


def test_fingerprint_is_taken_when_the_file_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Police arrested six people.")
    article = load_article(str(path))
    st = path.stat()
    assert article.fingerprint is not None
    assert (article.fingerprint.mtime_ns, article.fingerprint.size) == (st.st_mtime_ns, st.st_size)


def test_another_language_gets_a_note():
    french = (
        "La police a arrêté six personnes lors d'une série de perquisitions menées lundi matin "
        "dans la ville portuaire de Brava, ont annoncé les autorités. Les perquisitions faisaient "
        "suite à une enquête de trois mois sur un réseau de contrebande, selon le procureur."
    )
    article = build_article("fr.txt", "fr", french)
    assert any("does not look like English" in n for n in article.notes)
    english = build_article("en.txt", "en", "Police arrested six people in Brava on Monday. " * 5)
    assert english.notes == ()


def test_a_page_with_a_text_name_is_recognised_as_html(tmp_path):
    from tui.html_input import available

    if not available():
        pytest.skip("the optional HTML extractor is not installed")
    page = tmp_path / "saved.txt"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Storm hits Brava</title></head><body><article>"
        "<h1>Storm hits Brava</h1><p>The storm killed six people in Brava on Monday, "
        "officials said, and left thousands of homes without power for the night.</p>"
        "<p>Rescue teams were still searching the harbour district on Tuesday morning.</p>"
        "</article></body></html>"
    )
    article = load_article(str(page))
    assert article.format == "html"
    assert article.text.startswith("Storm hits Brava\n\nThe storm killed six people")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_read_once_and_whole(tmp_path):
    """Sniffing a pipe's first bytes for a web page and then opening it again lost
    those bytes (or, with a writer that stops at the first close, waited forever)."""
    import threading

    text = "Belgian police arrest six\n\n" + "Police arrested six people in Brussels on Thursday. " * 60
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with contextlib.suppress(BrokenPipeError), open(fifo, "w", encoding="utf-8") as f:
            f.write(text)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result: list = []
    reader = threading.Thread(target=lambda: result.append(load_article(str(fifo))), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert not reader.is_alive(), "reading the pipe hung"
    (article,) = result
    assert article.text == text
    # a pipe's time and size say nothing about what was read, and it cannot be read again
    assert article.fingerprint is None


@pytest.mark.parametrize("newline", ["\r", "\u2028", "\x85"])
def test_lone_carriage_returns_and_unicode_line_breaks_end_lines(newline):
    """A file written with old Mac line ends (or Unicode separators) was one paragraph:
    its embedded-tweet line then made the whole article page chrome."""
    lines = [
        "Police arrest three in Brussels",
        "Police arrested three men in Brussels on Friday.",
        "The raids began at dawn, prosecutors said.",
        "A video was shared online pic.twitter.com/abc123",
    ]
    unix = build_article("a.txt", "a", "\n".join(lines) + "\n")
    other = build_article("b.txt", "b", newline.join(lines) + newline)
    assert other.text == newline.join(lines) + newline  # kept as read
    assert other.paragraphs == unix.paragraphs
    assert other.headline == unix.headline
    assert [other.text[p.start : p.end] for p in other.paragraphs] == lines


def test_utf32_with_a_byte_order_mark_is_read_and_wide_text_with_nuls_is_binary():
    """A UTF-32 mark begins with UTF-16's: the file was read as UTF-16, every letter
    followed by a NUL, and accepted; NULs in UTF-16 text were never checked."""
    from tui.ingest import decode

    text, notes = decode("Zoë Müller said six died.".encode("utf-32"), "a.txt")
    assert text == "Zoë Müller said six died."
    assert notes == ("decoded as UTF-32 (byte-order mark)",)
    with pytest.raises(InputError, match=r"a\.txt: binary file, not text"):
        decode("Six died.\x00\x00\x01\x02".encode("utf-16") * 5, "a.txt")


@pytest.mark.parametrize(
    "text",
    [
        "Source: Reuters\n\nBelgian police arrest three in Brussels raids\n\nPolice arrested three people on Friday.\n",
        "Belgian police arrest three in Brussels raids\nSource: Reuters\n\nPolice arrested three people on Friday.\n",
    ],
)
def test_a_source_line_is_neither_the_headline_nor_part_of_it(text):
    article = build_article("a.txt", "a", text)
    assert article.headline is not None
    assert text[article.headline.start : article.headline.end] == "Belgian police arrest three in Brussels raids"
    assert "Source: Reuters" in [text[p.start : p.end] for p in article.paragraphs]


def test_a_file_of_zero_width_characters_has_no_text(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\u200b\u200b\n\u2060\ufeff", encoding="utf-8")
    with pytest.raises(InputError, match="contains only whitespace"):
        load_article(str(path))


def test_a_crlf_file_saved_again_in_text_mode_keeps_its_wrapped_paragraphs():
    """'\r\r\n' ends one line: reading its first '\r' as a line end made every line
    end a blank line, so a hard-wrapped paragraph fell apart into one per line."""
    lines = [
        "Police arrested three men in a series of raids in the",
        "district of Schaerbeek on Thursday, and two more on the",
        "same day, prosecutors said in a statement on Friday.",
    ]
    crlf = build_article("a.txt", "a", "Raids in Brussels\r\n\r\n" + "\r\n".join(lines) + "\r\n")
    doubled = build_article("b.txt", "b", "Raids in Brussels\r\r\n\r\r\n" + "\r\r\n".join(lines) + "\r\r\n")
    assert len(doubled.paragraphs) == len(crlf.paragraphs) == 2


def test_a_plain_text_file_over_every_limit_names_the_article_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Six people died. " * 750_000)
    with pytest.raises(InputError) as info:
        load_article(str(path))
    assert str(info.value) == f"{path}: too large (12.8 MB); articles up to 2 MB are read"


@pytest.mark.parametrize("suffix", ["/", "/."])
def test_a_file_name_with_a_trailing_slash_is_refused_like_the_system_does(tmp_path, suffix):
    """pathlib drops the slash (and the dot), so ``a.txt/`` read ``a.txt``."""
    path = tmp_path / "a.txt"
    path.write_text("Police arrested six people.")
    with pytest.raises(InputError) as info:
        load_article(str(path) + suffix)
    assert str(info.value) == f"{path}{suffix}: not a directory"
    with pytest.raises(InputError, match="no such file"):
        load_article(str(tmp_path / "missing.txt") + suffix)
    assert load_article(f"{tmp_path}/./a.txt").text == "Police arrested six people."


def test_only_a_regular_file_can_be_read_again(tmp_path):
    """What decides whether the export carries a source's text."""
    path = tmp_path / "a.txt"
    path.write_text("Police arrested six people.")
    assert rereadable(str(path))
    assert not rereadable("-")
    assert not rereadable("/dev/stdin")
    assert not rereadable(str(tmp_path / "deleted.txt"))
    assert not rereadable(str(tmp_path))
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        assert not rereadable(str(tmp_path / "pipe.txt"))
