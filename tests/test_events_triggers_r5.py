"""Which events a sentence tells, round 5: a told event that a modal verb schedules
(sentences written here, run through the session pipelines)."""

from __future__ import annotations

from typing import Any

from veille.nlp.events_records import EventFinding


def events(nlp: Any, text: str) -> list[EventFinding]:
    found: list[EventFinding] = nlp(text)._.veille_events
    return found


def of_type(nlp: Any, text: str, type_: str) -> list[EventFinding]:
    return [e for e in events(nlp, text) if e.type == type_]


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
