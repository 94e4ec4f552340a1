"""Which events a sentence tells, round 5: a told event that a modal verb schedules
(sentences written here, run through the session pipelines)."""

from __future__ import annotations

from typing import Any

from event_helpers import of_type

# -- a definite event noun under a modal and a phase verb --------------------------------


def test_modal_phase_verb_keeps_a_told_delivery(nlp_fr: Any) -> None:
    text = (
        "Le Maroc a commandé douze hélicoptères Caracal à Airbus Helicopters. "
        "Les livraisons doivent commencer en 2027, selon le constructeur."
    )
    deliveries = of_type(nlp_fr, text, "delivery")
    assert len(deliveries) == 1
    assert deliveries[0].date == "2027"


def test_told_delivery_with_plain_verb_stays_dropped(nlp_fr: Any) -> None:
    text = (
        "Le Maroc a reçu douze hélicoptères Caracal d'Airbus Helicopters. "
        "Ces livraisons interviennent dans un contexte régional tendu."
    )
    assert len(of_type(nlp_fr, text, "delivery")) == 1


# -- talks that are refused, meetings that meet no party ---------------------------------


def test_declined_to_discuss_is_no_negotiation(nlp_en: Any) -> None:
    text = "Saab declined to discuss the programme with Norway, a spokesperson said."
    assert of_type(nlp_en, text, "negotiation") == []


def test_discussing_with_a_supplier_is_a_negotiation(nlp_en: Any) -> None:
    text = "Saab is discussing the programme with Norway, a spokesperson said."
    assert len(of_type(nlp_en, text, "negotiation")) == 1


def test_a_refused_comment_in_french_is_no_negotiation(nlp_fr: Any) -> None:
    text = "Le ministère norvégien de la Défense a refusé de discuter du programme avec Saab."
    assert of_type(nlp_fr, text, "negotiation") == []


def test_meeting_obligations_is_no_meeting(nlp_en: Any) -> None:
    text = (
        "Kongsberg said it was committed to meeting its obligations to the Polish Navy "
        "under the contract."
    )
    assert of_type(nlp_en, text, "meeting") == []


def test_meeting_a_minister_is_a_meeting(nlp_en: Any) -> None:
    text = "Kongsberg executives met the Polish defence minister in Warsaw on Monday."
    assert len(of_type(nlp_en, text, "meeting")) == 1


# -- a meeting that is a visit's purpose --------------------------------------------------


def test_meeting_as_a_visits_purpose_is_the_visit(nlp_fr: Any) -> None:
    text = (
        "Une délégation marocaine s'est rendue à Toulouse mardi pour rencontrer "
        "les dirigeants d'Airbus Helicopters."
    )
    assert len(of_type(nlp_fr, text, "visit")) == 1
    assert of_type(nlp_fr, text, "meeting") == []


def test_meeting_without_a_visit_stays(nlp_fr: Any) -> None:
    text = "Le ministre marocain a rencontré mardi les dirigeants d'Airbus Helicopters."
    assert len(of_type(nlp_fr, text, "meeting")) == 1


# -- a dated purchase participle beside an intent or talks -------------------------------


def test_dated_participle_under_talks_stays_an_order(nlp_fr: Any) -> None:
    text = (
        "Après les radars Ground Master commandés en 2023 pour environ 80 millions "
        "d'euros, Tbilissi négocierait l'acquisition du système sol-air Mistral."
    )
    orders = of_type(nlp_fr, text, "order")
    assert [e.date for e in orders] == ["2023"]
    assert len(of_type(nlp_fr, text, "negotiation")) == 1


def test_undated_purchase_under_talks_is_what_is_negotiated(nlp_fr: Any) -> None:
    text = "Bakou négocierait avec Elbit Systems l'acquisition de drones Hermes 900."
    assert of_type(nlp_fr, text, "order") == []


# -- a told deal that frames what the sentence adds ---------------------------------------


def test_under_the_agreement_is_no_new_agreement(nlp_en: Any) -> None:
    text = (
        "Under the planned agreement, Rheinmetall would build 40 Lynx vehicles "
        "in Hungary, a ministry official said."
    )
    assert of_type(nlp_en, text, "agreement") == []


def test_an_agreement_that_is_signed_stays(nlp_en: Any) -> None:
    text = "Hungary signed an agreement with Rheinmetall for 40 Lynx vehicles on Monday."
    assert len(of_type(nlp_en, text, "agreement")) == 1
