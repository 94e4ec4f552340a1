"""Deals: a recipient told in the sentence before, a supplier named as a company, and the
date of a step still to come."""

from __future__ import annotations

from functools import lru_cache

from event_helpers import deals_of
from veille.models import Deal


@lru_cache(maxsize=16)
def deal_for(text: str, lang: str, system: str) -> Deal | None:
    return next((d for d in deals_of(text, lang) if system in d.systems), None)


def test_recipient_from_the_sentence_before() -> None:
    text = (
        "Chile already operates F-16 fighters from its northern bases. Washington is due "
        "to deliver six Black Hawk helicopters later this year."
    )
    deal = deal_for(text, "en", "Black Hawk")
    assert deal is not None
    assert (deal.supplier, deal.recipient) == ("US", "CL")


def test_recipient_body_of_the_sentence_before_fr() -> None:
    text = (
        "Les forces armées du Pérou exploitent déjà des hélicoptères Mi-17. L'allemand "
        "Heckler & Koch doit leur livrer 3 000 fusils HK416 d'ici la fin de l'année."
    )
    deal = deal_for(text, "fr", "HK416")
    assert deal is not None
    assert (deal.supplier, deal.recipient) == ("DE", "PE")


def test_no_recipient_across_a_paragraph() -> None:
    text = (
        "Chile already operates F-16 fighters from its northern bases.\n\nWashington is due "
        "to deliver six Black Hawk helicopters later this year."
    )
    assert deal_for(text, "en", "Black Hawk") is None


def test_a_delivery_still_to_come_dates_no_order() -> None:
    text = (
        "Chile already operates F-16 fighters from its northern bases. Washington is due "
        "to deliver six Black Hawk helicopters later this year."
    )
    deal = deal_for(text, "en", "Black Hawk")
    assert deal is not None
    assert deal.status == "ordered"
    assert deal.date is None


SALE = (
    "The State Department has approved a possible sale of 40 Javelin missiles to Estonia, "
    "the agency said on Monday. Estonia's defence ministry said the missiles would arrive "
    "next year.\n\n"
)
LATER = "The first of six drones that Estonia ordered in 2022 will not arrive before 2026."


def test_a_claim_two_paragraphs_on_joins_no_deal() -> None:
    text = SALE + "Moscow condemned the decision as a provocation.\n\n" + LATER
    deal = deal_for(text, "en", "Javelin")
    assert deal is not None
    assert deal.status == "negotiating"


def test_a_claim_in_the_next_paragraph_still_joins() -> None:
    deal = deal_for(SALE + LATER, "en", "Javelin")
    assert deal is not None
    assert (deal.status, deal.date) == ("ordered", "2022")


def test_a_system_counted_after_others_is_a_deal_of_its_own() -> None:
    text = (
        "Romania has signed a contract for several NASAMS batteries and 120 AIM-120C-8 "
        "AMRAAM missiles with the United States."
    )
    missiles = deal_for(text, "en", "AIM-120C-8 AMRAAM")
    batteries = deal_for(text, "en", "NASAMS")
    assert missiles is not None and batteries is not None
    assert missiles is not batteries
    assert missiles.systems == ("AIM-120C-8 AMRAAM",)
    assert missiles.quantity == 120
    assert batteries.quantity is None
