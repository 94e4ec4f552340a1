"""Events and deals of a Doc as records.

``doc_event_records`` and ``doc_deal_records`` read one chunk's findings, shifting their
offsets into the article; once the article's entities and attributions are built,
``build_events`` and ``build_deals`` name each argument (a state by its ISO code, any
other entity by its canonical name, as the gold format does) and give each item the
sources its sentences are attributed to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from veille.models import (
    Attribution,
    Deal,
    DealValue,
    Entity,
    Event,
    Evidence,
    Extractor,
    Modality,
    Qualifier,
)
from veille.nlp.convert import entity_names
from veille.nlp.events_records import Arg, DealFinding, EventFinding

EventRecord = tuple[EventFinding, Evidence]
DealRecord = tuple[DealFinding, Evidence]
MODALITIES: tuple[Modality, ...] = ("asserted", "reported", "hedged", "denied", "planned")
QUALIFIERS: tuple[Qualifier, ...] = ("exact", "approx", "more_than", "less_than", "up_to")


def _shift_arg(arg: Arg, offset: int) -> Arg:
    return replace(arg, start=arg.start + offset, end=arg.end + offset)


def _shift_args(args: tuple[Arg, ...], offset: int) -> tuple[Arg, ...]:
    return tuple(_shift_arg(a, offset) for a in args)


def _evidence(doc: Doc, start: int, end: int, offset: int) -> Evidence:
    return Evidence(start + offset, end + offset, doc.text[start:end])


def doc_event_records(doc: Doc, offset: int = 0) -> list[EventRecord]:
    """The event findings of a chunk, shifted by ``offset``, with their sentences."""
    out = []
    for e in doc._.veille_events or []:
        shifted = replace(
            e,
            start=e.start + offset,
            end=e.end + offset,
            trigger_start=e.trigger_start + offset,
            trigger_end=e.trigger_end + offset,
            actors=_shift_args(e.actors, offset),
            targets=_shift_args(e.targets, offset),
            place=None if e.place is None else _shift_arg(e.place, offset),
            systems=_shift_args(e.systems, offset),
        )
        out.append((shifted, _evidence(doc, e.start, e.end, offset)))
    return out


def doc_deal_records(doc: Doc, offset: int = 0) -> list[DealRecord]:
    """The deal findings of a chunk, shifted by ``offset``, with their first sentence."""
    out = []
    for d in doc._.veille_deals or []:
        shifted = replace(
            d,
            supplier_org=None if d.supplier_org is None else _shift_arg(d.supplier_org, offset),
            recipient_org=None if d.recipient_org is None else _shift_arg(d.recipient_org, offset),
            systems=_shift_args(d.systems, offset),
            sentences=tuple((s + offset, e + offset) for s, e in d.sentences),
            start=d.start + offset,
            end=d.end + offset,
        )
        out.append((shifted, _evidence(doc, d.start, d.end, offset)))
    return out


def _name(arg: Arg, names: dict[tuple[int, int], str], state_codes: bool = True) -> str:
    """A state's ISO code, else the canonical name of the entity of the mention."""
    if state_codes and arg.code:
        return arg.code
    span = (arg.start, arg.end)
    if span in names:
        return names[span]
    for (start, end), name in names.items():
        if start < arg.end and arg.start < end:
            return name
    return arg.code or arg.key.split(":", 1)[-1]


def _names(args: Sequence[Arg], names: dict[tuple[int, int], str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_name(a, names) for a in args))


def sources_at(attributions: Sequence[Attribution], start: int) -> tuple[str, ...]:
    """The source a sentence starting at ``start`` is attributed to (none: asserted)."""
    for item in attributions:
        if item.start <= start < item.end and item.source:
            return (item.source,)
    return ()


def _modality(value: str) -> Modality:
    return next((m for m in MODALITIES if m == value), "asserted")


def _qualifier(value: str) -> Qualifier:
    return next((q for q in QUALIFIERS if q == value), "exact")


def build_events(
    records: Sequence[EventRecord],
    entities: Sequence[Entity],
    attributions: Sequence[Attribution],
    extractor: Extractor,
) -> tuple[Event, ...]:
    """Event records, arguments named, sources from the sentence attributions."""
    names = entity_names(entities)
    return tuple(
        Event(
            type=e.type,
            actors=_names(e.actors, names),
            targets=_names(e.targets, names),
            place=None if e.place is None else _name(e.place, names, state_codes=False),
            date=e.date,
            systems=_names(e.systems, names),
            reported_by=sources_at(attributions, e.start),
            modality=_modality(e.modality),
            start=e.trigger_start,
            end=e.trigger_end,
            evidence=evidence,
            extractor=extractor,
            confidence=e.confidence,
        )
        for e, evidence in records
    )


def _deal_sources(deal: DealFinding, attributions: Sequence[Attribution]) -> tuple[str, ...]:
    found = [name for start, _ in deal.sentences for name in sources_at(attributions, start)]
    return tuple(dict.fromkeys(found))


def build_deals(
    records: Sequence[DealRecord],
    entities: Sequence[Entity],
    attributions: Sequence[Attribution],
    extractor: Extractor,
) -> tuple[Deal, ...]:
    """Deal records: organisations and systems named, sources from every sentence."""
    names = entity_names(entities)
    out = []
    for d, evidence in records:
        value = None
        if d.value is not None:
            value = DealValue(d.value.value, d.value.currency, _qualifier(d.value.qualifier))
        out.append(
            Deal(
                supplier=d.supplier,
                supplier_org=None
                if d.supplier_org is None
                else _name(d.supplier_org, names, False),
                recipient=d.recipient,
                recipient_org=(
                    None if d.recipient_org is None else _name(d.recipient_org, names, False)
                ),
                systems=_names(d.systems, names),
                category=d.category,
                quantity=d.quantity,
                value=value,
                status=d.status,  # type: ignore[arg-type]
                date=d.date,
                reported_by=_deal_sources(d, attributions),
                hedged=d.hedged,
                start=d.start,
                end=d.end,
                evidence=evidence,
                extractor=extractor,
                confidence=d.confidence,
            )
        )
    return tuple(out)
