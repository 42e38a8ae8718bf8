"""Property-based: any text, laid out any way, goes through the whole analysis without breaking
the export's promises (offsets, order, coverage, statuses, facts).

Articles are built from a shared pool of sentences (so facts form and the fact
invariants are exercised), mixed with random Unicode, random numbers and every
kind of line layout a saved article has: blank lines, single newlines, hard
wraps, CRLF, tabs, no-break spaces.  The real spaCy pipeline is loaded once per
session (``pipeline`` fixture); examples are short so the suite stays quick.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.analysis import build, prepare
from tui.export.json_export import to_dict
from tui.ingest import InputError, build_article
from tui.markdown_input import mask
from tui.nlp import annotate

STATUSES = {"agreement", "divergence", "unique", "boilerplate"}

WORDS = (
    "police arrested people in the city on Monday officials said storm killed injured were "
    "the raid followed an investigation into network prosecutor told reporters court Brava "
    "Maria Santos council Wednesday harbour fire two six dozens about least more than"
).split()

number = st.one_of(
    st.integers(0, 100_000).map(str),
    st.integers(1, 999).map(lambda n: f"{n:,}000"),
    st.floats(0, 1000, allow_nan=False).map(lambda x: f"{x:.1f}"),
    st.integers(0, 100).map(lambda n: f"{n}%"),
    st.sampled_from(["one", "two", "twelve", "a dozen", "270", "300", "1.5 million", "$4m", "No one"]),
)
unicode_word = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), min_size=1, max_size=8
)
markup = st.sampled_from(
    ["**six**", "*Brava*", "_said_", "[the report](https://ex.test/a_(b))", "`code`", "<b>", "</i>", "&amp;",
     "![img](x.png)", "[^1]", "\\*", "~~two~~", "|", "<https://ex.test>"]
)
word = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), number, unicode_word, markup)
line_start = st.sampled_from(["", "", "", "# ", "## ", "- ", "* ", "1. ", "> ", "| ", "    "])
gap = st.sampled_from([" ", " ", " ", "  ", "\t", "\u00a0", " \n", "\n", "\r\n"])  # the last three: hard wraps


@st.composite
def sentence(draw) -> str:
    words = draw(st.lists(word, min_size=1, max_size=10))
    out = words[0].capitalize()
    for w in words[1:]:
        out += draw(gap) + w
    return out + draw(st.sampled_from([".", ".", "!", "?", "", ":", '."', "…"]))


paragraph_break = st.sampled_from(["\n\n", "\n\n", "\n", "\r\n\r\n", "\r\n", "\n \t\n", "\n\u00a0\n", "\n\n\n"])


@st.composite
def articles(draw) -> list[tuple[str, str]]:
    pool = draw(st.lists(sentence(), min_size=2, max_size=6))  # sentences several articles share
    out = []
    for _ in range(draw(st.integers(2, 3))):
        paras = []
        for _ in range(draw(st.integers(1, 5))):
            chosen = draw(st.lists(st.one_of(st.sampled_from(pool), sentence()), min_size=1, max_size=3))
            paras.append(draw(line_start) + " ".join(chosen))
        if draw(st.booleans()):
            paras.insert(draw(st.integers(0, len(paras))), draw(st.sampled_from(["---", "```", "[a]: https://x.test"])))
        text = draw(st.sampled_from(["", "\n", "  \t", "\ufeff"[:0]])) + paras[0]
        for p in paras[1:]:
            text += draw(paragraph_break) + p
        text += draw(st.sampled_from(["", "\n", "\r\n", "  \n\n"]))
        out.append((draw(st.sampled_from(["text", "text", "markdown"])), text))
    return out


def check(data: dict, articles) -> None:
    facts = {f["id"]: f for f in data["facts"]}
    for src, article in zip(data["sources"], articles, strict=True):
        text = article.text
        previous_end = 0
        for i, s in enumerate(src["sentences"]):
            assert s["index"] == i
            assert text[s["start"] : s["end"]] == s["text"], "offsets round-trip"
            assert previous_end <= s["start"] < s["end"], "in order, without overlap"
            previous_end = s["end"]
            assert s["status"] in STATUSES
            assert all(fid in facts for fid in s["facts"])
            statuses = {facts[fid]["status"] for fid in s["facts"]}
            if s["status"] == "boilerplate":
                assert not s["facts"]
            else:
                expected = "divergence" if "divergence" in statuses else "agreement" if statuses else "unique"
                assert s["status"] == expected, "status consistent with its facts"
        # every non-blank stretch of what the analysis reads is inside a sentence
        # (for plain text that is the text itself; Markdown markup is not a sentence)
        seen = "".join(article.analysis_text[s["start"] : s["end"]] for s in src["sentences"])
        assert "".join(seen.split()) == "".join(article.analysis_text.split()), "coverage"
    for f in data["facts"]:
        assert len({m["source"] for m in f["members"]}) >= 2, "a fact spans two sources"
        assert (f["status"] == "divergence") == bool(f["differences"])
        for m in f["members"]:
            assert f["id"] in data["sources"][m["source"]]["sentences"][m["sentence"]]["facts"]
    json.dumps(data)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(texts=articles())
def test_any_layout_keeps_the_export_promises(pipeline, texts):
    built = []
    for i, (format, text) in enumerate(texts):
        try:
            built.append(build_article(f"a{i}.txt", f"a{i}", text, format=format))
        except InputError:
            # only text that is blank once markup is masked may be refused
            assert not mask(text).strip() if format == "markdown" else not text.strip()
            return
    for article in built:
        assert len(article.analysis_text) == len(article.text)
    prepared = prepare(built, annotate(built, pipeline))
    for threshold in (None, 0.1):
        check(to_dict(build(prepared, threshold)), built)
