"""From articles to a :class:`~tui.model.Comparison`, in two steps.

``prepare`` does everything that does not depend on the match threshold
(boilerplate, entities, details, pair scores); ``build`` turns a prepared
set into facts and statuses for one threshold.  The reader's stricter /
looser keys call only ``build`` again, so re-aligning takes milliseconds and
never re-runs spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tui import boilerplate
from tui.align import FactDraft, Unit, default_model, group_facts, pair_scores, sibling_similarity
from tui.compare import MemberDetails, compare_fact, source_conflicts
from tui.details import EMPTY, Details, extract
from tui.entities import EntityIndex, merge_entities, normalise
from tui.ingest import Article
from tui.model import Comparison, Conflict, Fact, Member, Sentence, Source
from tui.nlp import Annotation
from tui.numbers import format_value
from tui.terms import fold_spellings, sentence_terms

MIN_THRESHOLD = 0.05
MAX_THRESHOLD = 0.95
CONFIDENT = 0.4
"""Pair score above which two sentences surely report the same thing: a
conflicting detail is only reported between such sentences."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """Everything about a set of articles that does not depend on the threshold."""

    articles: tuple[Article, ...]
    annotation: Annotation
    rules: tuple[tuple[str, ...], ...]
    """Boilerplate rule per sentence ("" for story text)."""
    details: tuple[tuple[Details, ...], ...]
    entities: EntityIndex
    units: tuple[Unit, ...]
    unit_of: dict[tuple[int, int], int]
    scores: np.ndarray
    siblings: np.ndarray

    @property
    def default_threshold(self) -> float:
        return default_model().threshold

    def score(self, a: tuple[int, int], b: tuple[int, int]) -> float:
        return float(self.scores[self.unit_of[a], self.unit_of[b]])

    def related_in_source(self, source: int, a: int, b: int) -> bool:
        """Two sentences of one source about the same thing: alike, or both
        confidently linked to one sentence of another source."""
        ua, ub = self.unit_of[(source, a)], self.unit_of[(source, b)]
        if self.siblings[ua, ub] >= 0.3:
            return True
        return bool(np.any((self.scores[ua] >= CONFIDENT) & (self.scores[ub] >= CONFIDENT)))


def prepare(articles: Sequence[Article], annotation: Annotation) -> Prepared:
    rules, details, entities, units, unit_of = alignment_units(articles, annotation)
    return Prepared(
        tuple(articles), annotation, rules, details, entities, tuple(units), unit_of,
        scores=pair_scores(units), siblings=sibling_similarity(units),
    )


def alignment_units(
    articles: Sequence[Article], annotation: Annotation
) -> tuple[
    tuple[tuple[str, ...], ...],
    tuple[tuple[Details, ...], ...],
    EntityIndex,
    list[Unit],
    dict[tuple[int, int], int],
]:
    """Boilerplate, entities, details and the alignment view of every sentence."""
    rules = tuple(_boilerplate(a, sents) for a, sents in zip(articles, annotation.documents, strict=True))
    excluded = {(s, k) for s, per in enumerate(rules) for k, r in enumerate(per) if r}
    entities = merge_entities(annotation.documents, excluded)
    details = tuple(
        tuple(
            EMPTY if rules[s][k] else extract(sent, annotation.has_parse)
            for k, sent in enumerate(sents)
        )
        for s, sents in enumerate(annotation.documents)
    )
    bags = [
        sentence_terms(sent.tokens, entities.by_sentence.get((s, k), ()))
        for s, sents in enumerate(annotation.documents)
        for k, sent in enumerate(sents)
    ]
    spelling = fold_spellings(bags)
    units: list[Unit] = []
    unit_of: dict[tuple[int, int], int] = {}
    n = 0
    for s, sents in enumerate(annotation.documents):
        for k, _sent in enumerate(sents):
            bag = bags[n]
            units.append(
                Unit(
                    source=s,
                    index=k,
                    terms=tuple(spelling.get(t, t) for t, _ in bag),
                    classes=tuple(c for _, c in bag),
                    quantities=tuple(
                        f"{q.key[0]}|{q.key[1]}={format_value(q.amount.value)}"
                        for q in details[s][k].quantities
                    ),
                    active=not rules[s][k],
                )
            )
            unit_of[(s, k)] = n
            n += 1
    return rules, details, entities, units, unit_of


def _boilerplate(article: Article, sentences: Sequence) -> tuple[str, ...]:
    para_rule: dict[int, str] = {}
    out = []
    for sent in sentences:
        if sent.paragraph not in para_rule:
            p = article.paragraphs[sent.paragraph]
            para_rule[sent.paragraph] = boilerplate.paragraph_rule(article.text[p.start : p.end])
        out.append(para_rule[sent.paragraph] or boilerplate.sentence_rule(article.text[sent.start : sent.end]))
    return tuple(out)


def build(prepared: Prepared, threshold: float | None = None) -> Comparison:
    """Facts, differences and sentence statuses at one link threshold."""
    if threshold is None:
        threshold = prepared.default_threshold
    threshold = min(MAX_THRESHOLD, max(MIN_THRESHOLD, threshold))
    drafts = group_facts(prepared.units, prepared.scores, threshold)
    drafts.sort(key=lambda d: _reading_order(prepared, d))
    facts: list[Fact] = []
    conflicts: list[Conflict] = []
    sentence_facts: dict[tuple[int, int], list[str]] = {}
    for n, draft in enumerate(drafts, start=1):
        fid = f"f{n}"
        members = tuple(
            Member(prepared.units[u].source, prepared.units[u].index) for u in draft.members
        )
        diffs = compare_fact(
            [
                MemberDetails(m.source, m.sentence, prepared.details[m.source][m.sentence],
                              prepared.articles[m.source].text)
                for m in members
            ],
            lambda s, start, text: _place_key(prepared.entities, s, start, text),
            lambda a, b: prepared.score(a, b) >= CONFIDENT,
        )
        facts.append(
            Fact(
                id=fid,
                status="divergence" if diffs else "agreement",
                score=round(draft.score, 3),
                members=members,
                differences=tuple(diffs),
            )
        )
        for m in members:
            sentence_facts.setdefault((m.source, m.sentence), []).append(fid)
    for s, article in enumerate(prepared.articles):
        conflicts.extend(
            source_conflicts(s, prepared.details[s], article.text,
                             lambda a, b, s=s: prepared.related_in_source(s, a, b))
        )
    divergent = {f.id for f in facts if f.status == "divergence"}
    sources = []
    for s, article in enumerate(prepared.articles):
        sentences = []
        for k, sent in enumerate(prepared.annotation.documents[s]):
            rule = prepared.rules[s][k]
            fids = tuple(sentence_facts.get((s, k), ()))
            if rule:
                status = "boilerplate"
            elif any(f in divergent for f in fids):
                status = "divergence"
            elif fids:
                status = "agreement"
            else:
                status = "unique"
            sentences.append(
                Sentence(
                    index=k,
                    start=sent.start,
                    end=sent.end,
                    text=article.text[sent.start : sent.end],
                    status=status,
                    facts=fids,
                    paragraph=sent.paragraph,
                    headline=article.headline is not None and sent.paragraph == 0,
                    boilerplate_rule=rule,
                )
            )
        title = ""
        if article.headline is not None:
            title = article.text[article.headline.start : article.headline.end]
        sources.append(
            Source(
                id=f"s{s}",
                path=article.path,
                name=article.name,
                title=title,
                text=article.text,
                sentences=tuple(sentences),
                notes=article.notes,
            )
        )
    return Comparison(
        model=prepared.annotation.model,
        sources=tuple(sources),
        facts=tuple(facts),
        entities=prepared.entities.entities,
        conflicts=_dedupe(conflicts),
        threshold=threshold,
    )


def _reading_order(prepared: Prepared, draft: FactDraft) -> tuple[int, int]:
    first = min(draft.members, key=lambda u: (prepared.units[u].source, prepared.units[u].index))
    unit = prepared.units[first]
    return unit.source, unit.index


def _place_key(entities: EntityIndex, source: int, start: int, text: str) -> str:
    """The merged entity a place mention belongs to, so spellings do not diverge."""
    eid = entities.by_offset.get((source, start))
    return eid or normalise(text)


def _dedupe(conflicts: list[Conflict]) -> tuple[Conflict, ...]:
    seen = set()
    out = []
    for c in conflicts:
        key = (c.source, c.what, tuple((v.sentence, v.start) for v in c.values))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return tuple(out)


def analyse(articles: Sequence[Article], annotation: Annotation, threshold: float | None = None) -> Comparison:
    return build(prepare(articles, annotation), threshold)
