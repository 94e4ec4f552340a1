"""One article's extraction as claim rows: what it says about each deal and event.

A claim is one row per (article, span, record): the values the article gives, its date,
who it cites, whether it hedges, and the evidence sentence. Its record id comes from
:mod:`veille.resolve.keys`, so the same deal in another outlet lands on the same record.
Rows are plain mappings ready for the store; nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from veille.models import Deal, Entity, Event, Evidence, Extraction, NumberOrRange
from veille.resolve.keys import deal_key, event_key
from veille.resolve.names import id_of_entity, name_index, party_id

Row = dict[str, Any]


@dataclass(frozen=True)
class Resolver:
    """An article's names to canonical ids, and the countries of its organisations."""

    index: Mapping[str, str]
    countries: Mapping[str, str]

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> Resolver:
        entities = tuple(entities)
        countries = {id_of_entity(e): e.country for e in entities if e.country}
        return cls(name_index(entities), countries)

    def party(self, name: str, type_: str = "ORG") -> str:
        return party_id(name, self.index, type_)

    def systems(self, names: Iterable[str]) -> list[str]:
        return [self.party(name, "SYSTEM") for name in names]

    def country_of(self, party: str) -> str | None:
        code = self.countries.get(party)
        return f"country:{code}" if code else None


@dataclass(frozen=True)
class ClaimRows:
    """The rows one article gives: claims, the records they name, and their parties."""

    deal_claims: list[Row]
    deals: list[Row]
    event_claims: list[Row]
    events: list[Row]
    parties: list[Row]


def span_columns(article_id: str, start: int, end: int, evidence: Evidence) -> Row:
    """The columns every stored item has: its article, offsets and evidence sentence."""
    return {
        "article_id": article_id,
        "start": start,
        "end": end,
        "evidence_start": evidence.start,
        "evidence_end": evidence.end,
        "evidence": evidence.text,
    }


def _low_high(value: NumberOrRange | None) -> tuple[Any, Any]:
    if isinstance(value, tuple):
        return value
    return value, None


def _when(date: str | None, published: str | None) -> str | None:
    """The date a claim sorts by: its own date when it is one, else the publication."""
    if date and date[:4].isdigit():
        return date
    return published


def _deal_id(deal: Deal, resolver: Resolver) -> str:
    parties = (f"country:{deal.supplier}" if deal.supplier else None,
               f"country:{deal.recipient}" if deal.recipient else None)  # fmt: skip
    return deal_key(*parties, resolver.systems(deal.systems))


def deal_claim(article_id: str, published: str | None, deal: Deal, deal_id: str) -> Row:
    row = span_columns(article_id, deal.start, deal.end, deal.evidence)
    quantity, quantity_max = _low_high(deal.quantity)
    value = deal.value
    amount, amount_max = _low_high(value.value if value else None)
    row.update(deal_id=deal_id, supplier=deal.supplier, supplier_org=deal.supplier_org)
    row.update(recipient=deal.recipient, recipient_org=deal.recipient_org)
    row.update(systems=list(deal.systems), category=deal.category)
    row.update(quantity=quantity, quantity_max=quantity_max, value=amount, value_max=amount_max)
    row.update(currency=value.currency if value else None)
    row.update(qualifier=value.qualifier if value else None, status=deal.status)
    row.update(date=deal.date, published=published, sort_date=_when(deal.date, published))
    row.update(reported_by=list(deal.reported_by), hedged=int(deal.hedged))
    row.update(extractor=f"{deal.extractor.name}@{deal.extractor.version}")
    row.update(confidence=deal.confidence)
    return row


def _deal_record(deal: Deal, deal_id: str, resolver: Resolver) -> Row:
    return {
        "id": deal_id,
        "supplier": deal.supplier,
        "recipient": deal.recipient,
        "systems": sorted(set(deal.systems)),
        "system_ids": sorted(set(resolver.systems(deal.systems))),
        "category": deal.category,
    }


def _party(record_id: str, kind: str, entity: str, role: str) -> Row:
    return {"record_id": record_id, "entity_id": entity, "kind": kind, "role": role}


def _deal_parties(deal: Deal, deal_id: str, resolver: Resolver) -> list[Row]:
    rows = []
    for role, name in (("supplier", deal.supplier), ("recipient", deal.recipient)):
        if name:
            rows.append(_party(deal_id, "deal", f"country:{name}", role))
    for role, name in (("supplier_org", deal.supplier_org), ("recipient_org", deal.recipient_org)):
        if name:
            rows.append(_party(deal_id, "deal", resolver.party(name), role))
    rows.extend(_party(deal_id, "deal", s, "system") for s in resolver.systems(deal.systems))
    return rows


def _event_participants(event: Event, resolver: Resolver) -> list[tuple[str, str]]:
    """(role, id) of the actors and targets, with the countries of organisations."""
    out = []
    for role, names in (("actor", event.actors), ("target", event.targets)):
        for name in names:
            party = resolver.party(name)
            out.append((role, party))
            country = resolver.country_of(party)
            if country and country != party:
                out.append((f"{role}_country", country))
    return out


def _event_id(event: Event, published: str | None, resolver: Resolver) -> str:
    named = [p for role, p in _event_participants(event, resolver) if "country" not in role]
    return event_key(event.type, named, _when(event.date, published))


def event_claim(article_id: str, published: str | None, event: Event, event_id: str) -> Row:
    row = span_columns(article_id, event.start, event.end, event.evidence)
    row.update(event_id=event_id, type=event.type, actors=list(event.actors))
    row.update(targets=list(event.targets), place=event.place, date=event.date)
    row.update(published=published, sort_date=_when(event.date, published))
    row.update(systems=list(event.systems), reported_by=list(event.reported_by))
    row.update(modality=event.modality)
    row.update(extractor=f"{event.extractor.name}@{event.extractor.version}")
    row.update(confidence=event.confidence)
    return row


def _event_record(event: Event, event_id: str, published: str | None) -> Row:
    names = sorted({*event.actors, *event.targets})
    return {
        "id": event_id,
        "type": event.type,
        "participants": names,
        "systems": sorted(set(event.systems)),
        "month": (_when(event.date, published) or "?")[:7],
    }


def _event_parties(event: Event, event_id: str, resolver: Resolver) -> list[Row]:
    rows = [_party(event_id, "event", p, role) for role, p in _event_participants(event, resolver)]
    rows.extend(_party(event_id, "event", s, "system") for s in resolver.systems(event.systems))
    return rows


def _unique(rows: list[Row], key: tuple[str, ...]) -> list[Row]:
    """The last row for each key: a record named twice in one article is written once."""
    return list({tuple(row[k] for k in key): row for row in rows}.values())


def claim_rows(extraction: Extraction) -> ClaimRows:
    """Every claim of one article, with the records and parties they name."""
    article = extraction.article
    published = article.published.isoformat() if article.published else None
    resolver = Resolver.of(extraction.entities)
    out = ClaimRows([], [], [], [], [])
    for deal in extraction.deals:
        deal_id = _deal_id(deal, resolver)
        out.deal_claims.append(deal_claim(article.id, published, deal, deal_id))
        out.deals.append(_deal_record(deal, deal_id, resolver))
        out.parties.extend(_deal_parties(deal, deal_id, resolver))
    for event in extraction.events:
        event_id = _event_id(event, published, resolver)
        out.event_claims.append(event_claim(article.id, published, event, event_id))
        out.events.append(_event_record(event, event_id, published))
        out.parties.extend(_event_parties(event, event_id, resolver))
    claim_key = ("article_id", "start", "end")
    return ClaimRows(
        _unique(out.deal_claims, (*claim_key, "deal_id")),
        _unique(out.deals, ("id",)),
        _unique(out.event_claims, (*claim_key, "event_id")),
        _unique(out.events, ("id",)),
        _unique(out.parties, ("record_id", "entity_id", "role")),
    )
