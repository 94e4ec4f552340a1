"""The one place where a spaCy ``Doc`` becomes records.

``doc_mentions`` reads a Doc (one chunk of an article) into frozen ``MentionRecord``s
with offsets into the whole article; ``build_entities`` groups the mentions of all
chunks into ``Entity`` records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from veille.kb.loader import KnowledgeBase
from veille.models import Amount, Entity, Evidence, Extractor, Mention, Timex
from veille.nlp.mentions import Candidate

# Which surface forms may give an entity its name, best first.
NAME_FORMS = ("name", "generic", "acronym")
FORM_RANK = {"name": 0, "generic": 1, "acronym": 2, "metonym": 3, "descriptive": 4}


@dataclass(frozen=True)
class MentionRecord:
    """A kept mention, with offsets into the article and the sentence around it."""

    key: str
    text: str
    start: int
    end: int
    type: str
    kind: str | None
    country: str | None
    form: str
    origin: str
    confidence: float
    target: str | None
    sentence: Evidence


def doc_mentions(doc: Doc, offset: int = 0) -> list[MentionRecord]:
    """The mentions the resolver kept, shifted by ``offset`` (the chunk's start)."""
    records = []
    for cand in doc._.veille_mentions or []:
        records.append(_record(doc, cand, offset))
    return records


def _record(doc: Doc, cand: Candidate, offset: int) -> MentionRecord:
    span = doc[cand.start : cand.end]
    sent = span.sent
    return MentionRecord(
        key=cand.key or f"name:{cand.type}:{span.text}",
        text=span.text,
        start=span.start_char + offset,
        end=span.end_char + offset,
        type=cand.type,
        kind=cand.kind,
        country=cand.country,
        form=cand.form,
        origin=cand.origin,
        confidence=cand.confidence,
        target=cand.target,
        sentence=Evidence(sent.start_char + offset, sent.end_char + offset, sent.text),
    )


def _canonical_name(group: list[MentionRecord], kb: KnowledgeBase, lang: str | None) -> str:
    """The fullest form of the first name the article gives (*F-16V*, then *F-16V Block
    70*); another name of the same thing (*Babur*, then *MILGEM*) does not replace it. The
    knowledge base's name when the article gives none."""
    named = [m for m in group if m.form in NAME_FORMS and m.form != "acronym"]
    if named:
        proper = [m for m in named if m.form == "name"] or named  # not *armée marocaine*
        first = proper[0].text.casefold()
        fuller = [m for m in named if first in m.text.casefold()]
        return max(fuller, key=lambda m: len(m.text)).text
    target = group[0].target or ""
    if target.startswith("country:"):
        country = kb.country(target.split(":")[1])
        if country:
            return country.name(lang)
    record = kb.record(target)
    if record is not None:
        return record.names.get(lang or "", record.name)
    return min(group, key=lambda m: FORM_RANK.get(m.form, 9)).text


def _best(group: list[MentionRecord]) -> MentionRecord:
    """The mention whose typing is most trusted (knowledge base before context before NER)."""
    order = {"acronym": 0, "title": 0, "kb": 1, "generic": 2, "context": 3, "coref": 4, "ner": 5}
    return min(
        group,
        key=lambda m: (order.get(m.origin, 9), FORM_RANK.get(m.form, 9), m.country is None),
    )


def _kb_id(target: str | None) -> str | None:
    if target and target.split(":")[0] in ("org", "sys", "country"):
        return target
    return None


def build_entities(
    mentions: list[MentionRecord], kb: KnowledgeBase, lang: str | None, extractor: Extractor
) -> tuple[Entity, ...]:
    """Group mentions by key into entities, numbered in order of first mention."""
    groups: dict[str, list[MentionRecord]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        groups[mention.key].append(mention)
    entities = []
    for number, group in enumerate(groups.values(), start=1):
        best, first = _best(group), group[0]
        entities.append(
            Entity(
                id=f"e{number}",
                name=_canonical_name(group, kb, lang),
                type=best.type,  # type: ignore[arg-type]
                kind=best.kind,
                country=best.country,
                spans=tuple(Mention(m.text, m.start, m.end) for m in group),
                start=first.start,
                end=first.end,
                evidence=first.sentence,
                extractor=extractor,
                confidence=round(max(m.confidence for m in group), 2),
                kb_id=_kb_id(best.target),
            )
        )
    return tuple(entities)


def entity_names(entities: Sequence[Entity]) -> dict[tuple[int, int], str]:
    """The canonical name of the entity each mention (by its article offsets) belongs to."""
    return {(m.start, m.end): e.name for e in entities for m in e.spans}


def _sentence_at(doc: Doc, start: int, end: int, offset: int) -> Evidence:
    """The sentence holding the characters ``start:end`` of the Doc, shifted by ``offset``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    sent = span.sent if span is not None and len(span) else doc[:].sent
    return Evidence(sent.start_char + offset, sent.end_char + offset, sent.text)


def doc_timexes(doc: Doc, offset: int, extractor: Extractor) -> list[Timex]:
    """The time expressions the timex tagger found, as records."""
    return [
        Timex(
            text=m.text,
            type=m.type,
            value=m.value,
            mod=m.mod,
            start=m.start + offset,
            end=m.end + offset,
            evidence=_sentence_at(doc, m.start, m.end, offset),
            extractor=extractor,
            confidence=0.8 if "X" not in m.value else 0.6,
        )
        for m in doc._.veille_timexes or []
    ]


def doc_amounts(doc: Doc, offset: int, first_index: int, extractor: Extractor) -> list[Amount]:
    """The amounts the amount tagger found, as records; ``converts`` indexes the article's
    amounts, so it is shifted by ``first_index`` (the amounts of earlier chunks)."""
    return [
        Amount(
            text=m.text,
            value=m.value,
            currency=m.currency,
            qualifier=m.qualifier,
            start=m.start + offset,
            end=m.end + offset,
            evidence=_sentence_at(doc, m.start, m.end, offset),
            extractor=extractor,
            confidence=0.85 if m.currency else 0.7,
            unit=m.unit,
            converts=None if m.converts is None else m.converts + first_index,
        )
        for m in doc._.veille_amounts or []
    ]
