"""From articles to a :class:`~tui.model.Comparison`, in two steps.

``prepare`` does everything that does not depend on the match threshold
(boilerplate, entities, details, pair scores); ``build`` turns a prepared
set into facts and statuses for one threshold.  The reader's stricter /
looser keys call only ``build`` again, so re-aligning takes milliseconds and
never re-runs spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui import boilerplate
from tui.compare import MemberDetails, Setting, compare_fact, source_conflicts
from tui.details import EMPTY, Details, extract, latest_year, shared_surnames
from tui.entities import EntityIndex, merge_entities, normalise
from tui.facts import FactDraft, Links, group_facts
from tui.ingest import Article
from tui.model import THRESHOLD_RANGE, Comparison, Conflict, Fact, Member, Sentence, Source
from tui.nlp import Annotation
from tui.numbers import format_value
from tui.terms import fold_spellings, sentence_terms

if TYPE_CHECKING:
    # numpy-based scoring is imported by ``prepare`` only: re-building facts from a
    # cached analysis needs neither numpy nor spaCy
    from tui.align import Unit

MIN_THRESHOLD, MAX_THRESHOLD = THRESHOLD_RANGE
CONFIDENT = 0.4
"""Pair score above which two sentences surely report the same thing: two
sentences of one article both this close to one sentence elsewhere are about
the same thing, so a conflict between them is an intra-source conflict."""
SIBLING = 0.3
"""Term similarity at which two sentences of one article talk about the same thing."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """Everything about a set of articles that does not depend on the threshold."""

    articles: tuple[Article, ...]
    annotation: Annotation
    rules: tuple[tuple[str, ...], ...]
    """Boilerplate rule per sentence ("" for story text)."""
    details: tuple[tuple[Details, ...], ...]
    entities: EntityIndex
    keys: tuple[tuple[int, int], ...]
    """(source, sentence) of each alignment unit."""
    unit_of: dict[tuple[int, int], int]
    links: Links
    """Cross-source pair scores at or above the lowest threshold."""
    siblings: Links
    """Same-source pairs that are alike (term similarity at least ``SIBLING``)."""
    default_threshold: float
    setting: Setting = field(default_factory=Setting)
    """What the set of articles says that one sentence cannot (the event's year...)."""

    def score(self, a: tuple[int, int], b: tuple[int, int]) -> float:
        return self.links.get(self.unit_of[a], {}).get(self.unit_of[b], 0.0)

    def related_in_source(self, source: int, a: int, b: int) -> bool:
        """Two sentences of one source about the same thing: alike, or both
        confidently linked to one sentence of another source."""
        ua, ub = self.unit_of[(source, a)], self.unit_of[(source, b)]
        if ub in self.siblings.get(ua, {}):
            return True
        sure_a = {k for k, v in self.links.get(ua, {}).items() if v >= CONFIDENT}
        return any(v >= CONFIDENT and k in sure_a for k, v in self.links.get(ub, {}).items())


def prepare(articles: Sequence[Article], annotation: Annotation) -> Prepared:
    from tui.align import default_model, score_links

    rules, details, entities, units, unit_of = alignment_units(articles, annotation)
    links, siblings = score_links(units, MIN_THRESHOLD, SIBLING)
    return Prepared(
        tuple(articles), annotation, rules, details, entities,
        keys=tuple((u.source, u.index) for u in units),
        unit_of=unit_of,
        links=links,
        siblings=siblings,
        default_threshold=default_model().threshold,
        setting=Setting(latest_year(annotation.documents), shared_surnames(annotation.documents)),
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
    from tui.align import Unit

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
                    terms=tuple([spelling.get(t, t) for t, _ in bag]),
                    classes=tuple([c for _, c in bag]),
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
    drafts = group_facts([s for s, _ in prepared.keys], prepared.links, threshold)
    # a looser threshold (the reader's key) shows more links, but a conflict is only
    # believed between sentences linked at least as surely as the default asks: a
    # loosely aligned pair differs in many details for innocent reasons
    sure = max(threshold, prepared.default_threshold)
    drafts.sort(key=lambda d: _reading_order(prepared, d))
    facts: list[Fact] = []
    conflicts: list[Conflict] = []
    sentence_facts: dict[tuple[int, int], list[str]] = {}
    found = [
        compare_fact(
            [
                MemberDetails(s, k, prepared.details[s][k], prepared.articles[s].text)
                for s, k in (prepared.keys[u] for u in draft.members)
            ],
            lambda s, start, text: _place_key(prepared.entities, s, start, text),
            lambda a, b: prepared.score(a, b) >= sure,
            prepared.setting,
        )
        for draft in drafts
    ]
    # a conflict shared by several overlapping facts is reported once, in the surest
    reported: list[frozenset[tuple[int, int]]] = []
    for i in sorted(range(len(drafts)), key=lambda i: -drafts[i].score):
        kept = []
        for d in found[i]:
            key = frozenset((v.source, v.start) for v in d.values)
            if not any(key <= seen for seen in reported):
                reported.append(key)
                kept.append(d)
        found[i] = kept
    for n, (draft, diffs) in enumerate(zip(drafts, found, strict=True), start=1):
        fid = f"f{n}"
        members = tuple(Member(*prepared.keys[u]) for u in draft.members)
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
                             lambda a, b, s=s: prepared.related_in_source(s, a, b), prepared.setting)
        )
    divergent = {f.id for f in facts if f.status == "divergence"}
    sources = []
    for s, article in enumerate(prepared.articles):
        headline = article.paragraphs.index(article.headline) if article.headline is not None else None
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
                    headline=headline is not None and sent.paragraph == headline,
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
                format=article.format,
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
    return min(prepared.keys[u] for u in draft.members)


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


def cached(
    articles: Sequence[Article], model: str | None = None, entry_key: str | None = None
) -> tuple[Prepared, str | None] | None:
    """The cached analysis and its warning, or None; never loads spaCy.

    ``entry_key`` is ``cache.key(articles, model)`` when the caller has it already
    (hashing every article again is the cost of a cache hit)."""
    from tui import cache
    from tui.pipelines import FALLBACK_WARNING, RULES

    hit = cache.load(entry_key or cache.key(articles, model), articles)
    if hit is None:
        return None
    fell_back = hit.annotation.model == RULES and model != RULES
    return hit, FALLBACK_WARNING if fell_back else None


def prepare_articles(
    articles: Sequence[Article], model: str | None = None, use_cache: bool = True
) -> tuple[Prepared, str | None]:
    """The prepared analysis of the articles, from the on-disk cache when it has them.

    Returns it with the warning to show the user (the rule-based fallback).
    Raises :class:`tui.nlp.ModelError` when a named pipeline cannot be loaded.
    """
    from tui import cache
    from tui.nlp import annotate, load_pipeline

    entry = cache.key(articles, model) if use_cache else ""
    if use_cache:
        hit = cached(articles, model, entry)
        if hit is not None:
            return hit
    pipeline, warning = load_pipeline(model)
    prepared = prepare(articles, annotate(articles, pipeline))
    if use_cache:
        cache.store(entry, prepared)
    return prepared, warning


def compare_articles(
    articles: Sequence[Article], model: str | None = None, threshold: float | None = None, use_cache: bool = True
) -> tuple[Prepared, Comparison, str | None]:
    """The prepared analysis, the comparison at ``threshold`` and the warning to show.

    A cached entry that loads but cannot be built from (written by other code in a
    shape the layout check cannot tell apart) is forgotten and the articles are
    analysed afresh: a cache problem is never the user's problem.
    """
    from tui import cache

    prepared, warning = prepare_articles(articles, model, use_cache)
    try:
        return prepared, build(prepared, threshold), warning
    except Exception:
        if not use_cache:
            raise
    cache.forget(cache.key(articles, model))
    prepared, warning = prepare_articles(articles, model, use_cache=False)
    return prepared, build(prepared, threshold), warning
