"""Deals, round 6: a batch delivered of a larger order is that order, counted as ordered;
counted systems of one kind from different makers are separate sales, not one sum."""

from __future__ import annotations

from event_helpers import deals_of


def test_a_batch_delivered_of_an_earlier_order_is_that_order() -> None:
    text = (
        "Selon l'état-major, Ankara a livré en avril cinq hélicoptères T129 ATAK à "
        "l'armée de l'air kényane, sur les 24 appareils commandés en 2021."
    )
    deals = [d for d in deals_of(text, "fr") if d.recipient == "KE"]
    assert [(d.status, d.quantity) for d in deals] == [("delivered", 24)]


def test_an_order_after_a_delivery_stays_apart() -> None:
    text = (
        "The Kenyan Air Force received five T129 ATAK helicopters from Turkey in 2021. "
        "In March 2025, Nairobi ordered 12 more T129 ATAK helicopters from Turkey."
    )
    deals = [d for d in deals_of(text, "en") if d.recipient == "KE"]
    assert sorted((d.status, d.quantity) for d in deals) == [("delivered", 5), ("ordered", 12)]


def test_counted_systems_of_one_kind_from_two_makers_are_two_sales() -> None:
    text = (
        "Estonia has ordered 300 Switchblade 600 loitering munitions and 150 Altius-700M "
        "systems from the United States, the ministry said on Monday."
    )
    deals = [d for d in deals_of(text, "en") if d.recipient == "EE"]
    counts = {d.systems[0]: d.quantity for d in deals}
    assert counts == {"Switchblade 600": 300, "Altius-700M": 150}


def test_a_first_batch_counts_the_whole_order() -> None:
    text = (
        "La marine kényane a réceptionné lundi ses deux premiers patrouilleurs OPV 58 S, "
        "sur les cinq commandés à la France en 2022, selon son porte-parole."
    )
    deals = [d for d in deals_of(text, "fr") if d.recipient == "KE"]
    assert [d.quantity for d in deals] == [5]


def test_the_first_of_a_count_still_to_come_counts_the_order() -> None:
    text = (
        "Washington is due to deliver the first of nine Black Hawk helicopters to the "
        "Kenyan Air Force later this year, the ministry said."
    )
    deals = [d for d in deals_of(text, "en") if d.recipient == "KE"]
    assert [(d.status, d.quantity) for d in deals] == [("ordered", 9)]


def test_a_count_without_a_whole_stays_the_batch() -> None:
    text = (
        "La marine kényane a réceptionné lundi deux patrouilleurs OPV 58 S livrés par "
        "la France, selon son porte-parole."
    )
    deals = [d for d in deals_of(text, "fr") if d.recipient == "KE"]
    assert [d.quantity for d in deals] == [2]


def test_a_state_showing_systems_delivered_to_it_considers_no_deal() -> None:
    text = (
        "Bucarest a exhibé samedi ses nouveaux obusiers K9 lors d'une démonstration sur le "
        "polygone de Capu Midia. Selon la presse locale, l'armée roumaine a reçu en "
        "octobre une deuxième batterie de K9 livrée par la Corée du Sud."
    )
    deals = [d for d in deals_of(text, "fr") if d.recipient == "RO"]
    assert [d.status for d in deals] == ["delivered"]


def test_an_order_dated_after_publication_is_still_negotiated() -> None:
    text = (
        "Nairobi could order six T129 ATAK helicopters from Turkey in 2027, a Kenyan "
        "defence official said."
    )
    deals = [d for d in deals_of(text, "en") if d.recipient == "KE"]
    assert [(d.status, d.date) for d in deals] == [("negotiating", None)]


def test_a_hedged_order_by_the_end_of_the_season_is_still_to_come() -> None:
    text = (
        "Nairobi devrait confirmer d'ici la fin de l'été la commande de six hélicoptères "
        "T129 ATAK auprès de la Turquie, selon la presse kényane."
    )
    deals = [d for d in deals_of(text, "fr") if d.recipient == "KE"]
    assert [(d.status, d.date) for d in deals] == [("negotiating", None)]


def test_an_adverbial_clause_retelling_the_delivery_dates_it() -> None:
    text = (
        "Israel has already supplied Cyprus with six Drone Dome systems built by Rafael "
        "under a contract signed in 2019, the last of which was delivered in 2023."
    )
    deals = [d for d in deals_of(text, "en") if d.recipient == "CY"]
    assert [(d.status, d.date) for d in deals] == [("delivered", "2023")]


def test_a_delivery_coordinated_with_a_wait_stays_done() -> None:
    text = (
        "Selon la presse locale, l'armée kényane a reçu en mars un premier lot de drones "
        "Bayraktar TB2 livrés par la Turquie et attend des Akinci d'ici l'automne."
    )
    deals = [d for d in deals_of(text, "fr") if d.recipient == "KE"]
    assert ("delivered", "2025-03") in [(d.status, d.date) for d in deals]


def test_a_considered_deal_has_no_date() -> None:
    text = (
        "Selon la presse locale, Nairobi envisagerait depuis mars l'achat de douze "
        "hélicoptères T129 ATAK auprès de la Turquie."
    )
    deals = [d for d in deals_of(text, "fr") if d.recipient == "KE"]
    assert [(d.status, d.date) for d in deals] == [("considered", None)]


def test_a_sum_without_a_deal_word_is_no_value() -> None:
    text = (
        "The Kenyan Air Force received six T129 ATAK helicopters from Turkey last month. "
        "Turkish arms exports could exceed $9 billion this year, the agency said."
    )
    deals = [d for d in deals_of(text, "en") if d.recipient == "KE"]
    assert [d.value for d in deals] == [None]


def test_a_sum_with_a_deal_word_values_the_deal_before() -> None:
    text = (
        "The Kenyan Air Force received six T129 ATAK helicopters from Turkey last month. "
        "The contract is worth about $300 million, the agency said."
    )
    deals = [d for d in deals_of(text, "en") if d.recipient == "KE"]
    assert [d.value.value if d.value else None for d in deals] == [300000000]


def test_an_aid_total_and_a_yearly_rate_are_no_value() -> None:
    text = (
        "Norway has provided more than $4 billion in military aid to Ukraine, including "
        "NASAMS air defence systems, and plans to spend $1 billion a year on it."
    )
    deals = [d for d in deals_of(text, "en") if d.recipient == "UA"]
    assert deals, "the provision makes a deal"
    assert all(d.value is None for d in deals)
