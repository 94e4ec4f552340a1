"""Which events a sentence tells: trigger sets and how triggers combine (sentences written
here, run through the session pipelines)."""

from __future__ import annotations

from typing import Any

from event_helpers import events
from veille.nlp.events_records import EventFinding


def types(nlp: Any, text: str) -> list[str]:
    return [e.type for e in events(nlp, text)]


def sides(event: EventFinding) -> tuple[set[str], set[str]]:
    def names(args: Any) -> set[str]:
        return {a.code or a.key for a in args}

    return names(event.actors), names(event.targets)


def only(nlp: Any, text: str, type_: str) -> EventFinding:
    found = [e for e in events(nlp, text) if e.type == type_]
    assert len(found) == 1, f"{type_}: {[e.type for e in events(nlp, text)]}"
    return found[0]


# -- support verbs ------------------------------------------------------------------------


def test_contract_signed_under_a_modal_is_an_order(nlp_fr: Any) -> None:
    text = "Selon un officier, le contrat avec Thales pourrait être signé avant l'hiver."
    assert "order" in types(nlp_fr, text)
    assert "agreement" not in types(nlp_fr, text)


def test_negated_contract_takes_its_signing_with_it(nlp_fr: Any, nlp_en: Any) -> None:
    assert types(nlp_fr, "Aucun contrat n'a été signé avec la Corée du Sud.") == []
    assert types(nlp_en, "No contract has been signed with Turkey.") == []


def test_agreeing_to_buy_is_an_order_not_an_agreement(nlp_en: Any) -> None:
    found = types(nlp_en, "Kenya agreed in March to buy six helicopters from Airbus.")
    assert found == ["order"]


def test_agreement_under_talks_is_what_is_negotiated(nlp_fr: Any) -> None:
    text = "Le Sénégal négocie avec l'Espagne un accord de coopération navale."
    assert types(nlp_fr, text) == ["negotiation"]


def test_letter_of_offer_and_acceptance_is_an_order(nlp_en: Any) -> None:
    text = "Poland signed a letter of offer and acceptance with the United States in May."
    assert types(nlp_en, text) == ["order"]


# -- words that tell no new event ---------------------------------------------------------


def test_definite_subject_noun_names_an_event_already_told(nlp_en: Any, nlp_fr: Any) -> None:
    assert types(nlp_en, "The sale will strengthen the navy of Chile, Madrid said.") == []
    assert types(nlp_fr, "La démonstration a duré deux heures, selon l'armée tunisienne.") == []


def test_definite_subject_noun_with_a_phase_verb_still_tells_it(nlp_fr: Any) -> None:
    text = "Les discussions ont repris en mars entre le Pérou et la Corée du Sud."
    assert types(nlp_fr, text) == ["negotiation"]


def test_denial_of_any_talks_tells_none(nlp_fr: Any, nlp_en: Any) -> None:
    assert types(nlp_fr, "Le Pérou dément toute négociation avec Séoul.") == []
    assert "negotiation" not in types(nlp_en, "Peru denied any talks with Seoul.")


def test_assembly_site_is_a_place_not_a_joint_production(nlp_fr: Any) -> None:
    text = "Les hélicoptères ont été remis au Chili sur le site d'assemblage d'Airbus."
    assert "joint_production" not in types(nlp_fr, text)
    assert "delivery" in types(nlp_fr, text)


def test_handing_over_an_offer_is_no_delivery(nlp_fr: Any) -> None:
    text = "Naval Group a remis son offre finale à la marine grecque en avril."
    assert types(nlp_fr, text) == ["offer"]


def test_technology_transfer_is_no_delivery(nlp_en: Any) -> None:
    text = "Under the deal, Saab would transfer radar technology to Brazil."
    assert "delivery" not in types(nlp_en, text)


def test_export_figures_are_no_delivery(nlp_en: Any) -> None:
    text = "Turkey's arms exports could exceed $5 billion this year, Ankara said."
    assert "delivery" not in types(nlp_en, text)


# -- types told in other words ------------------------------------------------------------


def test_plan_to_buy_is_a_procurement_intent(nlp_en: Any) -> None:
    event = only(nlp_en, "Chile plans to buy four frigates from Spain.", "procurement_intent")
    assert "CL" in sides(event)[0]
    assert "order" not in types(nlp_en, "Chile plans to buy four frigates from Spain.")


def test_request_for_offers_is_a_procurement_intent(nlp_fr: Any) -> None:
    text = "Le Pérou a adressé une demande d'offre à Naval Group pour deux sous-marins."
    assert types(nlp_fr, text) == ["procurement_intent"]


def test_presenting_a_system_is_a_demonstration(nlp_en: Any) -> None:
    text = "Rafael will present its Iron Beam system to the Indian Army in Delhi in May."
    assert "demonstration" in types(nlp_en, text)


def test_entering_service_is_a_delivery(nlp_en: Any) -> None:
    text = "The first Rafale fighters of Greece entered service in 2021."
    assert types(nlp_en, text) == ["delivery"]


def test_operating_a_system_is_a_delivery(nlp_fr: Any) -> None:
    text = "L'armée marocaine met en œuvre des drones Bayraktar TB2 depuis 2021."
    event = only(nlp_fr, text, "delivery")
    assert "MA" in sides(event)[1]


# -- visits from a delegation --------------------------------------------------------------


def test_delegation_at_a_demonstration_visited_the_demonstrator(nlp_fr: Any) -> None:
    text = "Thales a présenté son radar Ground Master 200 à une délégation tunisienne à Tunis."
    visit = only(nlp_fr, text, "visit")
    assert sides(visit)[0] == {"TN"}
    assert "demonstration" in types(nlp_fr, text)


def test_delegation_present_at_a_delivery_visited(nlp_fr: Any) -> None:
    text = (
        "Deux hélicoptères ont été réceptionnés le 3 mai par l'armée tchadienne, en présence "
        "d'une délégation française."
    )
    visit = only(nlp_fr, text, "visit")
    assert sides(visit)[0] == {"FR"}


def test_delegation_that_travelled_makes_one_visit(nlp_fr: Any) -> None:
    text = "Une délégation grecque s'est rendue à Haïfa en juin pour visiter les usines d'Elbit."
    assert types(nlp_fr, text).count("visit") == 1


def test_demonstration_attended_was_shown_to_the_attendee(nlp_fr: Any) -> None:
    text = "Des officiers égyptiens ont assisté en mai à une démonstration du Caesar en France."
    event = only(nlp_fr, text, "demonstration")
    assert "EG" in sides(event)[1]


# -- how same-type triggers combine --------------------------------------------------------


def test_verb_trigger_wins_over_a_noun_of_another_clause(nlp_fr: Any) -> None:
    text = (
        "Le Pérou, qui diversifie ses achats, attend les quatre frégates commandées à "
        "Navantia en 2023."
    )
    order = only(nlp_fr, text, "order")
    assert order.trigger == "commandées"


def test_coordinated_clauses_each_tell_their_order(nlp_en: Any) -> None:
    text = "Chile ordered two frigates from Spain and Peru ordered four corvettes from Italy."
    orders = [e for e in events(nlp_en, text) if e.type == "order"]
    assert len(orders) == 2


def test_demonstrative_noun_names_an_event_already_told(nlp_fr: Any) -> None:
    text = "Interrogé sur cette livraison, un porte-parole de l'armée chilienne n'a rien dit."
    assert types(nlp_fr, text) == []


def test_purchase_under_a_negated_intent_tells_nothing(nlp_fr: Any) -> None:
    text = "Le Chili n'envisage pas de réduire sa commande de frégates espagnoles."
    assert types(nlp_fr, text) == []


def test_agreement_one_wishes_to_conclude_stays_an_agreement(nlp_fr: Any) -> None:
    text = "Le Chili souhaite conclure un accord de défense avec l'Espagne."
    assert types(nlp_fr, text) == ["agreement"]
