"""Quotes and sentence attributions of a Doc as records.

``doc_quote_records`` and ``doc_attribution_records`` read one chunk into frozen records
with offsets into the whole article; once the article's entities are built,
``build_quotes`` and ``build_attributions`` name each source by its entity (the
canonical name of the cluster its mention belongs to) or by its description.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from veille.models import Attribution, Entity, Evidence, Extractor, Modality, Quote
from veille.nlp.components.quotes import QuoteFinding, SentenceAttribution
from veille.nlp.mentions import text_of
from veille.nlp.sources import SourceRef

TEXT_START_WORDS = 6


@dataclass(frozen=True)
class SourceRecord:
    """A source with article offsets: its mention's span, or a description."""

    text: str
    kind: str
    span: tuple[int, int] | None
    description: str | None


@dataclass(frozen=True)
class QuoteRecord:
    start: int
    end: int
    text: str
    verb: str
    source: SourceRecord
    relays: tuple[SourceRecord, ...]
    evidence: Evidence
    confidence: float


@dataclass(frozen=True)
class AttributionRecord:
    start: int
    end: int
    source: SourceRecord | None
    relays: tuple[SourceRecord, ...]
    modality: str
    evidence: Evidence
    confidence: float


def _source(ref: SourceRef, offset: int) -> SourceRecord:
    span = None if ref.mention is None else (ref.mention[0] + offset, ref.mention[1] + offset)
    return SourceRecord(ref.text, ref.kind, span, ref.description)


def _evidence(doc: Doc, start: int, end: int, offset: int) -> Evidence:
    """The sentence(s) holding characters ``start:end`` of the Doc."""
    span = doc.char_span(start, max(start + 1, end), alignment_mode="expand")
    if span is None or not len(span):
        return Evidence(start + offset, end + offset, text_of(doc)[start:end])
    first, last = span[0].sent, span[-1].sent
    return Evidence(
        first.start_char + offset,
        last.end_char + offset,
        text_of(doc)[first.start_char : last.end_char],
    )


def doc_quote_records(doc: Doc, offset: int = 0) -> list[QuoteRecord]:
    """The quote finder's passages, shifted by ``offset`` (the chunk's start)."""
    found: list[QuoteFinding] = doc._.veille_quotes or []
    return [
        QuoteRecord(
            start=f.start + offset,
            end=f.end + offset,
            text=text_of(doc)[f.start : f.end],
            verb=f.verb,
            source=_source(f.source, offset),
            relays=tuple(_source(r, offset) for r in f.relays),
            evidence=_evidence(doc, f.start, f.end, offset),
            confidence=f.confidence,
        )
        for f in found
    ]


def doc_attribution_records(doc: Doc, offset: int = 0) -> list[AttributionRecord]:
    """Every sentence's attribution, shifted by ``offset``."""
    found: list[SentenceAttribution] = doc._.veille_attributions or []
    return [
        AttributionRecord(
            start=a.start + offset,
            end=a.end + offset,
            source=None if a.source is None else _source(a.source, offset),
            relays=tuple(_source(r, offset) for r in a.relays),
            modality=a.modality,
            evidence=Evidence(a.start + offset, a.end + offset, text_of(doc)[a.start : a.end]),
            confidence=a.confidence,
        )
        for a in found
    ]


def _names(entities: Sequence[Entity]) -> dict[tuple[int, int], str]:
    return {(m.start, m.end): e.name for e in entities for m in e.spans}


def source_name(source: SourceRecord, names: dict[tuple[int, int], str]) -> str:
    """The entity name of a source's mention, else its description, else its words."""
    if source.span is not None:
        if source.span in names:
            return names[source.span]
        for (start, end), name in names.items():
            if start < source.span[1] and source.span[0] < end:
                return name
    return source.description or source.text


def text_start(text: str, words: int = TEXT_START_WORDS) -> str:
    """The first words of a passage (the gold format's ``text_start``)."""
    return " ".join(text.split()[:words])


def build_quotes(
    records: Sequence[QuoteRecord], entities: Sequence[Entity], extractor: Extractor
) -> tuple[Quote, ...]:
    """Quote records with their sources named; ``via`` is the outlet the source spoke to."""
    names = _names(entities)
    return tuple(
        Quote(
            text_start=text_start(r.text),
            text=r.text,
            source=source_name(r.source, names),
            source_kind=r.source.kind,
            verb=r.verb,
            start=r.start,
            end=r.end,
            evidence=r.evidence,
            extractor=extractor,
            confidence=round(r.confidence, 2),
            via=source_name(r.relays[-1], names) if r.relays else None,
        )
        for r in records
    )


def build_attributions(
    records: Sequence[AttributionRecord],
    entities: Sequence[Entity],
    outlet: str | None,
    extractor: Extractor,
) -> tuple[Attribution, ...]:
    """Attribution records named; ``via`` starts with the publishing outlet when known."""
    names = _names(entities)
    out = []
    for r in records:
        relays = [source_name(s, names) for s in r.relays]
        path = ([outlet] if outlet and r.source is not None else []) + relays
        out.append(
            Attribution(
                start=r.start,
                end=r.end,
                source=None if r.source is None else source_name(r.source, names),
                source_kind=None if r.source is None else r.source.kind,
                via=tuple(dict.fromkeys(path)),
                modality=_modality(r.modality),
                evidence=r.evidence,
                extractor=extractor,
                confidence=round(r.confidence, 2),
            )
        )
    return tuple(out)


def _modality(value: str) -> Modality:
    for known in ("asserted", "reported", "hedged", "denied", "planned"):
        if value == known:
            return known
    return "asserted"
