"""spaCy: sentences, lemmas, dependencies and entities, reduced to plain data.

The output (:class:`Annotation`) holds no spaCy objects, so it can be cached,
pickled and re-aligned at another threshold without running the model again.
spaCy itself is imported lazily: the reader paints before this module loads it.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.ingest import Article
from tui.pipelines import DEFAULT_MODELS, FALLBACK_WARNING, RULES

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    """Offset of the token in the article text."""
    text: str
    lemma: str
    """Lower-cased lemma."""
    pos: str
    tag: str
    dep: str
    head: int
    """Index of the syntactic head within the sentence (itself for the root)."""
    stop: bool
    like_num: bool
    ent: str
    """Entity label of the token ("" outside entities)."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str
    label: str
    first: int
    """Index of the span's first token within its sentence."""
    last: int
    """Index one past the span's last token."""


@dataclass(frozen=True, slots=True)
class AnnotatedSentence:
    start: int
    end: int
    paragraph: int
    tokens: tuple[Token, ...]
    entities: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Annotation:
    """The NLP view of a set of articles: the only input alignment needs."""

    model: str
    has_ner: bool
    has_parse: bool
    documents: tuple[tuple[AnnotatedSentence, ...], ...]


class ModelError(Exception):
    """A named spaCy pipeline could not be loaded; the message is one line."""


@dataclass(slots=True)
class Pipeline:
    nlp: Language
    name: str
    """Name and version for the export, or ``"rules"`` for the fallback."""
    has_ner: bool
    has_parse: bool


def installed_models() -> list[str]:
    return [name for name in DEFAULT_MODELS if importlib.util.find_spec(name) is not None]


def load_pipeline(name: str | None = None) -> tuple[Pipeline, str | None]:
    """Load the named pipeline, or the first installed default, or the rule fallback.

    Returns the pipeline and a warning to show the user when it fell back.
    A model named explicitly that cannot be loaded is an error, not a fallback:
    the user asked for it.
    """
    import spacy

    _warm_up_rapidfuzz()
    if name and name != RULES:
        try:
            return _load(spacy, name), None
        except Exception as exc:  # any package name reaches spacy.load: numpy fails its own way
            raise ModelError(f"cannot load spaCy pipeline {name!r}: {_first_line(exc)}") from None
    if name != RULES:
        for candidate in installed_models():
            try:
                return _load(spacy, candidate), None
            except (OSError, ImportError, ValueError):
                continue
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    _add_paragraph_breaks(spacy, nlp)
    warning = None if name == RULES else FALLBACK_WARNING
    return Pipeline(nlp, RULES, has_ner=False, has_parse=False), warning


def _warm_up_rapidfuzz() -> None:
    """Load rapidfuzz's bulk functions while the model loads, not in the middle of
    the analysis: its first ``cdist`` call imports its scorer tables (~0.2 s)."""
    from rapidfuzz import fuzz, process

    process.cdist(["warm"], ["up"], scorer=fuzz.ratio)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _load(spacy: Any, name: str) -> Pipeline:
    nlp = spacy.load(name)
    _add_paragraph_breaks(spacy, nlp)
    meta = nlp.meta
    label = f"{meta.get('lang', 'xx')}_{meta.get('name', name)} {meta.get('version', '')}".strip()
    return Pipeline(
        nlp,
        label,
        has_ner="ner" in nlp.pipe_names,
        has_parse="parser" in nlp.pipe_names,
    )


def annotate(articles: Sequence[Article], pipeline: Pipeline) -> Annotation:
    """Run the pipeline once, over every article as one document each.

    Whole articles cost what spaCy costs on them and nothing more (many small
    paragraph documents would not).  Paragraph breaks are kept as newlines in
    the text the model reads, and the ``parallax_paragraph_breaks`` component
    makes every one of them a sentence start, so no sentence spans two
    paragraphs; newlines inside a hard-wrapped paragraph are read as spaces.
    """
    chrome = [_chrome_paragraphs(a) for a in articles]
    limit = min(MAX_DOCUMENT, pipeline.nlp.max_length)
    pieces = [_pieces(_model_text(a, skip), limit) for a, skip in zip(articles, chrome, strict=True)]
    texts = [text for per in pieces for _, text in per]
    documents: list[tuple[AnnotatedSentence, ...]] = []
    # spaCy's memory grows with the text in one batch: long articles go one at a time
    batch = max(1, min(8, BATCH_CHARACTERS // max((len(t) for t in texts), default=1)))
    # the parser and the entity recogniser parse their batch a quarter at a time (two
    # documents at least), so they get four batches' worth: each sub-batch is then one
    # batch, as long as that (three articles in two sub-batches cost ~15 ms more)
    parsers = {
        name: {"batch_size": 4 * batch if batch > 1 else 1}
        for name in _TRANSITION_BASED if name in pipeline.nlp.pipe_names
    }
    docs = iter(pipeline.nlp.pipe(texts, batch_size=batch, component_cfg=parsers))
    for article, skip, per in zip(articles, chrome, pieces, strict=True):
        starts = [p.start for p in article.paragraphs]
        sentences = [*_plain_sentences(article, skip)]
        for offset, _ in per:
            sentences.extend(_sentences(next(docs), starts, pipeline, offset))
        documents.append(tuple(sorted(sentences, key=lambda s: s.start)))
    return Annotation(
        model=pipeline.name,
        has_ner=pipeline.has_ner,
        has_parse=pipeline.has_parse,
        documents=tuple(documents),
    )


def _chrome_paragraphs(article: Article) -> set[int]:
    """Paragraphs that are page chrome: the model never needs to read them."""
    from tui.boilerplate import paragraph_rule

    return {
        i for i, p in enumerate(article.paragraphs) if paragraph_rule(article.text[p.start : p.end])
    }


def _model_text(article: Article, skip: Collection[int] = ()) -> str:
    """The analysis text (same length as the file's) with newlines only between
    paragraphs, and the ``skip`` paragraphs (page chrome) blanked out."""
    chars = list(article.analysis_text)
    for before, after in zip(article.paragraphs, article.paragraphs[1:], strict=False):
        for k in range(before.end, after.start):
            if article.text[k] in "\r\n\u2028\u2029\x85":
                chars[k] = "\n"
    for i in skip:
        p = article.paragraphs[i]
        chars[p.start : p.end] = " " * (p.end - p.start)
    return "".join(chars)


def _pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """The text cut into documents of at most ``limit`` characters, with their offsets.

    An article is one document (see :func:`annotate`) unless it is longer than
    ``limit``: spaCy refuses a text over its ``max_length`` and needs about a
    gigabyte per 100,000 characters to parse one, so a book-length file is read
    in pieces, cut at the last paragraph break before the limit, or, inside a
    paragraph longer than that, after its last sentence end (else its last
    space).  Cuts land only where a sentence starts anyway.
    """
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + limit)
        if end < n:
            cut = text.rfind("\n", start + 1, end)
            if cut < 0:
                ends = [m.end() - 1 for m in _SENTENCE_END.finditer(text, start, end) if _clear_end(text, m)]
                cut = ends[-1] if ends else text.rfind(" ", start + 1, end)
            end = cut if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


_WORD_BEFORE = re.compile(r"(\w+)\W*\Z")


def _clear_end(text: str, end: Any) -> bool:
    """Whether a sentence-end match surely ends a sentence: a capital follows, and the word
    before is no abbreviation ("Mr.", "Gen.", "U.S."): not a capitalised word of up to four
    letters, not initials."""
    nxt = text[end.end() - 1]
    word = _WORD_BEFORE.search(text, max(0, end.start() - 40), end.start() + 1)
    if not (nxt.isupper() or nxt in "\"“‘'(") or word is None:
        return False
    w = word.group(1)
    initials = text[end.start() - 2 : end.start() - 1] == "."  # "U.S."
    return len(w) >= 2 and not (w[:1].isupper() and len(w) <= 4) and not initials


_PLAIN_SENTENCE = re.compile(r"\S.*?(?:[.!?][\"”’')\]]*(?=\s)|$)", re.DOTALL)


def _plain_sentences(article: Article, paragraphs: Collection[int]) -> Iterable[AnnotatedSentence]:
    """Sentences of chrome paragraphs, split by punctuation alone: they are shown and
    exported, but never analysed."""
    for i in sorted(paragraphs):
        p = article.paragraphs[i]
        for m in _PLAIN_SENTENCE.finditer(article.text, p.start, p.end):
            end = m.end()
            while end > m.start() and article.text[end - 1].isspace():
                end -= 1
            if end > m.start():
                yield AnnotatedSentence(m.start(), end, i, (), ())


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+\S")
_TRANSITION_BASED = ("parser", "ner")
MAX_DOCUMENT = 100_000
"""Characters of one article read as one spaCy document (see :func:`_pieces`)."""
BATCH_CHARACTERS = 40_000
"""Text handed to spaCy at once: batching helps short articles, and costs memory on long ones."""
SHORT_PARAGRAPH = 150
"""A paragraph this short with no sentence end inside (a headline, a dateline) stays one sentence."""


def paragraph_breaks(doc: Any) -> Any:
    """A token after a line break starts a sentence (the parser keeps preset starts),
    and a short paragraph without a sentence end inside is not split at all.

    The starts are written in one ``from_array``: setting ``Token.is_sent_start``
    rescans the whole document each time, and a ``Token`` per word would cost as
    much as a fifth of the parser.
    """
    from spacy.attrs import IS_SPACE, SENT_START

    n = len(doc)
    if n < 2:
        return doc
    table = doc.to_array([IS_SPACE, SENT_START])
    starts = table[:, 1].view("int64").copy()
    begin = 0
    for i in table[:-1, 0].nonzero()[0].tolist():
        if "\n" in doc[i].text:
            _keep_whole(doc, begin, i + 1, starts)
            begin = i + 1
            starts[begin] = 1
    _keep_whole(doc, begin, n, starts)
    doc.from_array([SENT_START], starts.view("uint64").reshape(-1, 1))
    return doc


def _keep_whole(doc: Any, start: int, end: int, starts: Any) -> None:
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end - start < 2:
        return
    span = doc[start:end]
    if len(span.text) <= SHORT_PARAGRAPH and not _SENTENCE_END.search(span.text):
        starts[start + 1 : end] = -1


def _add_paragraph_breaks(spacy: Any, nlp: Any) -> None:
    from spacy.language import Language

    if "parallax_paragraph_breaks" not in Language.factories:
        Language.component("parallax_paragraph_breaks", func=paragraph_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("parallax_paragraph_breaks", before="parser")
    else:
        nlp.add_pipe("parallax_paragraph_breaks", last=True)


def _sentences(
    doc: Any, paragraph_starts: list[int], pipeline: Pipeline, offset: int = 0
) -> Iterable[AnnotatedSentence]:
    """The document's sentences, at their offsets in the article (``offset`` is the
    document's own: an article may be read in pieces)."""
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_SPACE, IS_STOP, LEMMA, LIKE_NUM, ORTH, POS, TAG

    if not len(doc):
        return
    lemmatized = pipeline.name != RULES
    # the document's entities once, by start token (``sent.ents`` rescans the whole doc)
    ents = sorted(
        (ab[0], ab[1], e.label_)
        for e in doc.ents
        if (ab := _trim(doc, e.start, e.end, e.label_)) is not None
    )
    ent_starts = [e[0] for e in ents]
    # every token attribute in one array: a spaCy Token object per attribute read
    # would cost more than the rest of the conversion
    table = doc.to_array([IDX, ORTH, LEMMA, POS, TAG, DEP, HEAD, IS_STOP, LIKE_NUM, ENT_TYPE, IS_SPACE])
    heads = (table[:, 6].view("int64") + range(len(doc))).tolist()
    local, orth, lemma, pos, tag, dep, _, stop, like_num, ent, space = table.T.tolist()
    idx = [i + offset for i in local] if offset else local
    strings = doc.vocab.strings
    name = {h: strings[h] for h in {*orth, *lemma, *pos, *tag, *dep, *ent} if h} | {0: ""}
    text = [name[h] for h in orth]
    doc_text = doc.text
    if lemmatized:
        lemmas = [(name[h] if h else t).lower() for h, t in zip(lemma, text, strict=True)]
    else:
        lemmas = [t.lower() for t in text]

    for sent in doc.sents:
        base, stop_at = sent.start, sent.end
        words = [i for i in range(base, stop_at) if not space[i]]
        if not words:
            continue
        # positional arguments, in field order: a third cheaper than keywords here
        tokens = tuple(
            Token(
                idx[i], text[i], lemmas[i], name[pos[i]], name[tag[i]], name[dep[i]],
                heads[i] - base, bool(stop[i]), bool(like_num[i]), name[ent[i]],
            )
            for i in range(base, stop_at)
        )
        lo, hi = bisect_left(ent_starts, base), bisect_left(ent_starts, stop_at)
        entities = tuple(
            Span(
                start=idx[a],
                end=idx[b - 1] + len(text[b - 1]),
                text=doc_text[local[a] : local[b - 1] + len(text[b - 1])],
                label=label,
                first=a - base,
                last=b - base,
            )
            for a, b, label in ents[lo:hi]
            if b <= stop_at
        )
        start = idx[words[0]]
        end = idx[words[-1]] + len(text[words[-1]])
        para_i = max(0, bisect_right(paragraph_starts, start) - 1)
        yield AnnotatedSentence(start, end, para_i, tokens, entities)


_NAME_PARTICLES = frozenset("el al de del da di van von der den la le bin ibn abu ben st".split())


def _trim(doc: Any, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Drop stray edge tokens from a name span ("Abdelhamid Abaaoud - after" -> the name).

    spaCy's small model sometimes runs a name into punctuation or a following
    lower-case word; numbers and dates keep their words ("two days ago").
    """
    if label not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"):
        return start, end

    def stray(t: Any) -> bool:
        return t.is_punct or t.is_space or t.text[:1].islower()

    while start < end and stray(doc[start]):
        start += 1
    while end > start and stray(doc[end - 1]) and doc[end - 1].text.lower() not in _NAME_PARTICLES:
        end -= 1
    return (start, end) if start < end else None
