"""Deals told over several claims: joins, earlier deliveries, steps still to come, dates of
a status, merges within one sentence, and the qualifier a verb gives a sum."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache

from event_helpers import deals_of
from veille.nlp.components.events import _after, _tense
from veille.nlp.events_deals import (
    deal_from_event,
    join_context,
    merge_deals,
    verb_qualifier,
)
from veille.nlp.events_lexicon import load_deal_rules
from veille.nlp.events_records import Arg, EventFinding

RULES = load_deal_rules("fr")


@lru_cache(maxsize=32)
def _arg(key: str, code: str | None, kind: str | None = None, country: str | None = None) -> Arg:
    return Arg(0, 1, code, "GPE" if code else "ORG", kind, country or code, key)


BUYER = _arg("country:MA", "MA")
SELLER = _arg("country:TR", "TR")
DRONE = Arg(0, 1, None, "SYSTEM", "UCAV", "TR", "sys:drone")


def _event(
    type_: str,
    start: int,
    systems: tuple[Arg, ...] = (DRONE,),
    modality: str = "asserted",
    date: str | None = None,
) -> EventFinding:
    actors, targets = ((SELLER,), (BUYER,)) if type_ == "delivery" else ((BUYER,), (SELLER,))
    return EventFinding(
        type=type_,
        start=start,
        end=start + 80,
        trigger_start=start,
        trigger_end=start + 5,
        trigger="x",
        actors=actors,
        targets=targets,
        place=None,
        date=date,
        systems=systems,
        modality=modality,
        confidence=0.8,
    )


def _deal(event: EventFinding, quantity: int | None = None):  # type: ignore[no-untyped-def]
    deal = deal_from_event(event, RULES, False, quantity)
    assert deal is not None
    return deal


def test_a_join_brings_the_count_the_deal_lacks() -> None:
    deals = [_deal(_event("negotiation", 0))]
    joined = join_context(deals, _event("order", 100, systems=()), RULES, False, 600, (20, 24))
    assert [(d.status, d.quantity) for d in joined] == [("ordered", (20, 24))]


def test_a_past_delivery_after_a_deal_under_way_is_an_earlier_deal() -> None:
    deals = [_deal(_event("negotiation", 0), quantity=2)]
    delivery = _event("delivery", 0, systems=())
    found = join_context(deals, delivery, RULES, False, 600, 4, "past")
    assert [(d.status, d.quantity) for d in found] == [("negotiating", 2), ("delivered", 4)]


def test_a_delivery_still_to_come_neither_splits_nor_advances_the_deal() -> None:
    deals = [_deal(_event("agreement", 0, date="2025-03"))]
    handed = _event("delivery", 100, systems=(), date="2026")
    found = join_context(deals, handed, RULES, False, 600, 500, "future")
    assert [(d.status, d.date, d.quantity) for d in found] == [("agreed", "2025-03", 500)]


def test_a_claim_under_way_joins_the_deal_under_way_not_the_delivery_beside_it() -> None:
    deals = [_deal(_event("negotiation", 0))]
    deals = join_context(deals, _event("delivery", 0, systems=()), RULES, False, 600, None, "past")
    talks = _event("procurement_intent", 100, systems=(), modality="hedged")
    found = join_context(deals, talks, RULES, False, 600)
    assert [d.status for d in found] == ["negotiating", "delivered"]
    assert len(found[0].sentences) == 2


def test_an_agreement_with_a_company_joins_but_one_between_states_does_not() -> None:
    maker = _arg("org:maker", None, "company", "TR")
    signed = replace(_event("agreement", 100, systems=(), date="2025-W38"), targets=(maker,))
    deals = join_context([_deal(_event("order", 0, modality="planned"))], signed, RULES, False, 600)
    assert [(d.status, d.date) for d in deals] == [("agreed", "2025-W38")]
    general = _event("agreement", 100, systems=())
    kept = join_context([_deal(_event("order", 0, modality="planned"))], general, RULES, False, 600)
    assert [d.status for d in kept] == ["negotiating"]


def test_now_is_no_date_of_a_status() -> None:
    deal = _deal(_event("negotiation", 0, date="PRESENT_REF"))
    assert deal.date is None


def test_an_order_and_a_delivery_told_together_with_one_date_are_one_deal() -> None:
    order = _deal(_event("order", 0, date="2020"))
    delivery = _deal(_event("delivery", 0, date="2020"))
    earlier = _deal(_event("negotiation", 200))
    merged = merge_deals([earlier, delivery, order], RULES)
    assert [d.status for d in merged] == ["negotiating", "delivered"]


def test_a_delivery_and_an_order_told_apart_stay_two_deals() -> None:
    order = _deal(_event("order", 300, date="2020"))
    delivery = _deal(_event("delivery", 0, date="2020"))
    assert [d.status for d in merge_deals([delivery, order], RULES)] == ["delivered", "ordered"]


def test_tense_of_an_event() -> None:
    published = dt.date(2025, 6, 1)
    assert _tense(_event("delivery", 0, date="2024"), published) == "past"
    assert _tense(_event("delivery", 0, date="2025-09"), published) == "future"
    assert _tense(_event("delivery", 0, date="2025"), published) == "past"
    assert _tense(_event("delivery", 0, modality="planned"), published) == "future"
    assert _tense(_event("delivery", 0, modality="hedged"), published) == "open"


def test_a_verb_bounds_the_sum_it_governs(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_fr("Le montant du contrat excéderait les 3 milliards d'euros.")
    assert verb_qualifier(doc, doc.text.index("3"), "exact") == "more_than"
    doc = nlp_fr("La facture avoisinerait 900 millions d'euros.")
    assert verb_qualifier(doc, doc.text.index("900"), "exact") == "approx"
    doc = nlp_fr("Le contrat a coûté 900 millions d'euros.")
    assert verb_qualifier(doc, doc.text.index("900"), "exact") == "exact"
    doc = nlp_en("The package could exceed $2 billion.")
    assert verb_qualifier(doc, doc.text.index("$"), "exact") == "more_than"
    assert verb_qualifier(doc, doc.text.index("$"), "up_to") == "up_to"


def test_a_deal_and_the_units_already_delivered_are_two_deals() -> None:
    text = (
        "La marine tunisienne négocie avec le chantier Fincantieri l'achat de trois "
        "corvettes supplémentaires de la classe Bergamini, qui rejoindraient les deux "
        "unités déjà livrées par le chantier italien."
    )
    found = [(d.status, d.quantity) for d in deals_of(text, "fr")]
    assert found == [("negotiating", 3), ("delivered", 2)]


def test_a_date_after_publication_is_no_date_of_the_deal() -> None:
    published = dt.date(2025, 6, 1)
    assert _after("2030", published) and _after("2025-09", published)
    assert not _after("2025", published) and not _after("2025-05-30", published)
    assert not _after("PRESENT_REF", published) and not _after(None, published)
    text = "Le Maroc a commandé des drones Bayraktar TB2 à la Turquie, livrables en 2027."
    assert [d.date for d in deals_of(text, "fr")] == [None]


def test_a_claim_done_with_its_own_count_is_another_deal() -> None:
    deals = [_deal(_event("negotiation", 0), quantity=2)]
    order = _event("order", 100, systems=(), date="2022-01")
    found = join_context(deals, order, RULES, False, 600, 3, "past")
    assert [(d.status, d.quantity, d.date) for d in found] == [
        ("negotiating", 2, None),
        ("ordered", 3, "2022-01"),
    ]
    same = join_context([_deal(_event("negotiation", 0), quantity=3)], order, RULES, False, 600, 3)
    assert [(d.status, d.quantity) for d in same] == [("ordered", 3)]


def test_counted_systems_of_different_kinds_are_one_deal_each() -> None:
    text = (
        "L'Égypte a commandé 500 missiles antichars Javelin et 12 systèmes HIMARS aux États-Unis."
    )
    found = [(d.systems, d.quantity) for d in deals_of(text, "fr")]
    assert found == [(("Javelin",), 500), (("HIMARS",), 12)]
    text = "Egypt ordered 500 Javelin missiles and 12 HIMARS launchers from the United States."
    assert [d.quantity for d in deals_of(text, "en")] == [500, 12]


def test_counted_systems_of_one_kind_are_one_deal_with_the_sum() -> None:
    text = "Le Tchad a commandé trois drones Akıncı et six drones TB2 à la Turquie."
    assert [d.quantity for d in deals_of(text, "fr")] == [9]


def test_the_state_that_approves_a_sale_is_the_supplier() -> None:
    text = (
        "The State Department approved a possible sale to Lithuania of NASAMS air defence systems."
    )
    assert [(d.supplier, d.recipient, d.status) for d in deals_of(text, "en")] == [
        ("US", "LT", "negotiating")
    ]
    text = "Washington a donné son feu vert à la vente de systèmes NASAMS à Taïwan."
    assert [(d.supplier, d.recipient) for d in deals_of(text, "fr")] == [("US", "TW")]


def test_systems_of_different_kinds_are_one_deal_each() -> None:
    text = (
        "L'armée égyptienne a reçu en 2021 des chasseurs Su-35 et des systèmes S-400 de la Russie."
    )
    found = [(d.systems, d.status, d.date) for d in deals_of(text, "fr")]
    assert found == [(("Su-35",), "delivered", "2021"), (("S-400",), "delivered", "2021")]
    text = "L'armée égyptienne a reçu en 2021 des drones Bayraktar TB2 et Akıncı de la Turquie."
    assert [d.systems for d in deals_of(text, "fr")] == [("Bayraktar TB2", "Akıncı")]


def test_a_partner_company_is_no_supplier_when_the_makers_state_takes_part() -> None:
    text = (
        "Under the planned agreement, 40 of the tanks would be built in South Korea by Hyundai "
        "Rotem and the remaining 20 assembled by Polska Grupa Zbrojeniowa as the K2PL variant."
    )
    assert [(d.supplier, d.recipient) for d in deals_of(text, "en")] == [("KR", "PL")]
