"""Events and deals of a Doc as records.

``doc_event_records`` and ``doc_deal_records`` read one chunk's findings, shifting their
offsets into the article; once the article's entities and attributions are built,
``build_events`` and ``build_deals`` name each argument (a state by its ISO code, any
other entity by its canonical name, as the gold format does) and give each item the
sources its sentences are attributed to. A deal's sources are those of the sentences that
report it: a sentence whose only claims about the deal tell a step still to come, a
further purchase after its delivery, or qualify other systems, is background (see
``deal_source_sentences``).
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
from veille.nlp.events_deals import status_of
from veille.nlp.events_lexicon import DealRules, load_deal_rules
from veille.nlp.events_records import Arg, DealFinding, EventFinding

EventRecord = tuple[EventFinding, Evidence]
DealRecord = tuple[DealFinding, Evidence]
Range = tuple[int, int]
MODALITIES: tuple[Modality, ...] = ("asserted", "reported", "hedged", "denied", "planned")
CLOSED = ("denied", "cancelled")  # statuses whose every sentence reports the deal
NOUN_MODIFIERS = ("acl", "amod", "relcl", "acl:relcl")
UNDER_WAY = ("considered", "negotiating")
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
    """The deal findings of a chunk, shifted by ``offset``, with their first sentence; each
    keeps the sentences its sources come from (``deal_source_sentences``)."""
    out = []
    for d in doc._.veille_deals or []:
        reporting = deal_source_sentences(doc, d)
        shifted = replace(
            d,
            supplier_org=None if d.supplier_org is None else _shift_arg(d.supplier_org, offset),
            recipient_org=None if d.recipient_org is None else _shift_arg(d.recipient_org, offset),
            systems=_shift_args(d.systems, offset),
            sentences=tuple((s + offset, e + offset) for s, e in d.sentences),
            sources_from=tuple((s + offset, e + offset) for s, e in reporting),
            start=d.start + offset,
            end=d.end + offset,
        )
        out.append((shifted, _evidence(doc, d.start, d.end, offset)))
    return out


def deal_source_sentences(doc: Doc, deal: DealFinding) -> tuple[Range, ...]:
    """The sentences of a deal whose sources report it: all of them but those whose every
    claim about the deal is background, that is a step still to come beyond its status
    (*India signed the contract in 2018* … *Russia will deliver the rest by 2026, an
    officer said*: the officer does not report the order), a claim still under way about a
    deal already delivered (a further purchase), or a claim that qualifies other systems
    (*the MQ-9B drones ordered in 2023*). A denied or cancelled deal keeps every
    sentence, and so does a deal all of whose sentences are background."""
    if deal.status in CLOSED:
        return deal.sentences
    rules = load_deal_rules(doc.lang_ if doc.lang_ in ("fr", "en") else "en")
    events = [e for e in doc._.veille_events or [] if e.type in rules.status]
    kept = []
    for sentence in deal.sentences:
        claims = [e for e in events if (e.start, e.end) == sentence and _about(e, deal)]
        if not claims or not all(_background(doc, e, deal, rules) for e in claims):
            kept.append(sentence)
    return tuple(kept) or deal.sentences


def _system_keys(args: Sequence[Arg]) -> set[str]:
    return {a.key for a in args}


def _about(event: EventFinding, deal: DealFinding) -> bool:
    """Whether an event is a claim about the deal: it names one of its systems, or none."""
    return not event.systems or bool(_system_keys(event.systems) & _system_keys(deal.systems))


def _background(doc: Doc, event: EventFinding, deal: DealFinding, rules: DealRules) -> bool:
    return (
        _step_to_come(event, deal, rules)
        or _prospect_after_delivery(event, deal, rules)
        or _qualifies_other_systems(doc, event, deal)
    )


def _prospect_after_delivery(event: EventFinding, deal: DealFinding, rules: DealRules) -> bool:
    """Whether a claim still under way joined a deal already delivered: it tells a further
    purchase (*Lisbon is negotiating a seventh aircraft*), not the delivery."""
    return deal.status == "delivered" and status_of(event, rules, False) in UNDER_WAY


def _step_to_come(event: EventFinding, deal: DealFinding, rules: DealRules) -> bool:
    """Whether a planned claim tells a stage beyond the deal's status (*will deliver*)."""
    if event.modality != "planned":
        return False
    stage = event.status or rules.status[event.type]
    if stage not in rules.rank or deal.status not in rules.rank:
        return False
    return rules.rank.index(stage) > rules.rank.index(deal.status)


def _qualifies_other_systems(doc: Doc, event: EventFinding, deal: DealFinding) -> bool:
    """Whether a claim without systems qualifies a noun phrase that names systems, none of
    the deal's (*the first of four MQ-9B drones ordered in 2023*)."""
    if event.systems:
        return False
    trigger = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger is None or trigger.root.dep_.lower() not in NOUN_MODIFIERS:
        return False
    own = {t.i for t in trigger.root.subtree}
    phrase = [t for t in trigger.root.head.subtree if t.i not in own]
    if not phrase:
        return False
    named = _systems_named(doc, phrase[0].idx, phrase[-1].idx + len(phrase[-1]))
    return bool(named) and not named & _system_keys(deal.systems)


def _systems_named(doc: Doc, start: int, end: int) -> set[str]:
    """The keys of the system mentions starting between characters ``start`` and ``end``."""
    return {
        m.key or doc[m.start : m.end].text
        for m in doc._.veille_mentions or []
        if m.type == "SYSTEM" and start <= doc[m.start].idx < end
    }


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
    """The sources of the sentences that report the deal, in text order, once each."""
    sentences = deal.sources_from or deal.sentences
    found = [name for start, _ in sentences for name in sources_at(attributions, start)]
    return tuple(dict.fromkeys(found))


def build_deals(
    records: Sequence[DealRecord],
    entities: Sequence[Entity],
    attributions: Sequence[Attribution],
    extractor: Extractor,
) -> tuple[Deal, ...]:
    """Deal records: organisations and systems named, sources from the sentences that
    report them."""
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
