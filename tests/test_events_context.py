"""An event told without parties takes the sides of the deal told before it
(``context_parties``): sentences written here, run through the session pipelines."""

from __future__ import annotations

from typing import Any

from event_helpers import events, of_type
from veille.nlp.events_records import DealFinding


def deals(nlp: Any, text: str) -> list[DealFinding]:
    found: list[DealFinding] = nlp(text)._.veille_deals
    return found


def names(args: Any) -> set[str]:
    return {a.code or a.key for a in args}


def test_a_delivery_without_parties_goes_from_the_supplier_to_the_buyer(nlp_fr: Any) -> None:
    text = (
        "Le Chili a commandé six patrouilleurs à Navantia en 2020. Les deux premiers "
        "bâtiments ont été livrés en 2023."
    )
    (delivery,) = of_type(nlp_fr, text, "delivery")
    assert names(delivery.targets) == {"CL"}
    assert [a.code for a in delivery.actors] == [None]  # the company
    assert delivery.date == "2023"


def test_a_done_delivery_advances_the_deal(nlp_fr: Any) -> None:
    text = (
        "Le Chili a commandé six patrouilleurs Fassmer à l'Allemagne en 2020. Les deux "
        "premiers bâtiments ont été livrés en 2023."
    )
    done = [d for d in deals(nlp_fr, text) if d.status == "delivered"]
    assert [(d.supplier, d.recipient, d.date) for d in done] == [("DE", "CL", "2023")]


def test_a_planned_delivery_takes_the_sides_but_leaves_the_deal_ordered(nlp_fr: Any) -> None:
    text = (
        "Le Chili a commandé six patrouilleurs Fassmer à l'Allemagne en 2020. Les "
        "derniers bâtiments doivent être livrés d'ici 2028."
    )
    (delivery,) = of_type(nlp_fr, text, "delivery")
    assert delivery.modality == "planned"
    assert names(delivery.targets) == {"CL"}
    (deal,) = deals(nlp_fr, text)
    assert (deal.status, deal.date) == ("ordered", "2020")


def test_an_order_without_parties_continues_the_negotiation_before(nlp_en: Any) -> None:
    text = (
        "Ghana has been negotiating with Embraer for two Super Tucano aircraft since "
        "March. The contract was signed in June."
    )
    (order,) = of_type(nlp_en, text, "order")
    assert names(order.actors) == {"GH"}
    assert len(order.targets) == 1 and order.targets[0].code is None  # Embraer


def test_no_sides_across_a_paragraph_or_without_a_deal(nlp_fr: Any) -> None:
    apart = (
        "Le Chili a commandé six patrouilleurs à Navantia en 2020.\n\n"
        "Les deux premiers bâtiments ont été livrés en 2023."
    )
    assert of_type(nlp_fr, apart, "delivery") == []
    assert events(nlp_fr, "Les deux premiers bâtiments ont été livrés en 2023.") == []


def test_partners_of_an_agreement_are_no_buyer_and_supplier(nlp_en: Any) -> None:
    text = (
        "Hanwha Aerospace signed a partnership agreement with WB Group in May to produce "
        "rocket launchers together. The first launchers were delivered last year."
    )
    assert of_type(nlp_en, text, "agreement")
    assert of_type(nlp_en, text, "delivery") == []


# -- modality of a trigger noun read through its predicate ---------------------------------


def test_a_subject_noun_is_planned_by_its_predicate(nlp_fr: Any, nlp_en: Any) -> None:
    fr = "Les livraisons de chars coréens à la Pologne sont attendues en 2028."
    (delivery,) = of_type(nlp_fr, fr, "delivery")
    assert delivery.modality == "planned"
    en = "Deliveries of the Korean tanks to Poland are expected in 2028."
    (delivery,) = of_type(nlp_en, en, "delivery")
    assert delivery.modality == "planned"


def test_a_subject_noun_with_a_done_predicate_stays_asserted(nlp_fr: Any) -> None:
    text = "Les livraisons de chars coréens à la Pologne ont commencé en 2023."
    (delivery,) = of_type(nlp_fr, text, "delivery")
    assert delivery.modality == "asserted"


def test_due_over_a_delivery_verb_plans_it(nlp_en: Any) -> None:
    text = "The Korean tanks are due to be handed to Poland in 2028."
    (delivery,) = of_type(nlp_en, text, "delivery")
    assert delivery.modality == "planned"
