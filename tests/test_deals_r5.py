"""Deals, round 5: a deal's quantity sums the counts of its systems only when they count
the same thing (systems, not batteries of one and units of another)."""

from __future__ import annotations

from functools import lru_cache

from event_helpers import deals_of


@lru_cache(maxsize=16)
def test_counts_of_batteries_and_of_systems_make_no_sum() -> None:
    text = (
        "Le Caire a commandé en mars à la Russie deux batteries de S-400 et une "
        "vingtaine de Pantsir-SM, selon le ministère égyptien de la Défense."
    )
    deals = [d for d in deals_of(text, "fr") if d.supplier == "RU"]
    assert deals, "the order makes a deal"
    assert all(d.quantity != 22 for d in deals)


def test_counts_of_systems_of_one_kind_add_up() -> None:
    text = (
        "Selon le ministère nigérien de la Défense, deux drones Bayraktar Akıncı et "
        "cinq Bayraktar TB2 fabriqués par Baykar ont été livrés au Niger le 3 mars."
    )
    deals = [d for d in deals_of(text, "fr") if d.recipient == "NE"]
    assert [d.quantity for d in deals] == [7]


def test_a_running_total_over_a_period_is_no_deal() -> None:
    text = (
        "Depuis 2019, Bucarest a commandé au total plus de 200 véhicules Piranha 5 "
        "au groupe américain General Dynamics."
    )
    assert not [d for d in deals_of(text, "fr") if d.recipient == "RO"]


def test_a_company_pitch_alone_is_no_deal() -> None:
    text = (
        "Selon la presse locale, Saab a proposé son radar Giraffe 4A à l'armée "
        "roumaine lors d'un salon."
    )
    assert not [d for d in deals_of(text, "fr") if d.recipient == "RO"]


def test_a_total_without_a_period_stays_a_deal() -> None:
    text = (
        "Selon la presse locale, Bucarest a reçu au total une vingtaine de véhicules "
        "Piranha 5 livrés par les États-Unis."
    )
    deals = [d for d in deals_of(text, "fr") if d.recipient == "RO"]
    assert [d.status for d in deals] == ["delivered"]


def test_a_state_selling_to_a_company_alone_is_no_deal() -> None:
    text = "Selon la presse, Thales négocie avec la DRDO le radar du futur chasseur indien AMCA."
    assert [(d.supplier, d.recipient) for d in deals_of(text, "fr")] == []


def test_an_offer_by_a_state_is_a_deal() -> None:
    text = (
        "Washington a proposé à la Roumanie douze hélicoptères Black Hawk, a annoncé "
        "mardi le département d'État."
    )
    deals = [d for d in deals_of(text, "fr") if d.recipient == "RO"]
    assert [(d.supplier, d.status) for d in deals] == [("US", "considered")]


def test_a_demonstration_to_a_state_is_an_undated_considered_deal() -> None:
    text = (
        "Le 3 mai, Airbus Helicopters a présenté l'hélicoptère H145M à une délégation de "
        "l'armée de l'air roumaine."
    )
    deals = deals_of(text, "fr")
    assert [(d.recipient, d.systems, d.status, d.date) for d in deals] == [
        ("RO", ("H145M",), "considered", None)
    ]


def test_a_demonstration_still_to_come_is_no_deal() -> None:
    text = (
        "Airbus Helicopters doit présenter l'hélicoptère H145M à une délégation roumaine "
        "en septembre."
    )
    assert deals_of(text, "fr") == ()


def test_a_demonstration_during_talks_is_a_step_of_that_deal() -> None:
    text = (
        "Bucarest négocie depuis mars l'achat de douze hélicoptères H145M auprès d'Airbus "
        "Helicopters. Le 3 mai, le constructeur a présenté le H145M à une délégation roumaine."
    )
    deals = deals_of(text, "fr")
    assert [(d.status, d.date) for d in deals] == [("negotiating", "2025-03")]
