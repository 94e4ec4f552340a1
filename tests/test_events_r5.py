"""Events, round 5: modality read from a verb's own form where its lemma is mangled
(sentences written here, run through the session pipelines)."""

from __future__ import annotations

from typing import Any

from veille.nlp.events_records import EventFinding


def events(nlp: Any, text: str) -> list[EventFinding]:
    found: list[EventFinding] = nlp(text)._.veille_events
    return found


def of_type(nlp: Any, text: str, type_: str) -> list[EventFinding]:
    return [e for e in events(nlp, text) if e.type == type_]


# -- plan verbs read from their form -----------------------------------------------------


def test_hoped_to_sign_is_planned(nlp_en: Any) -> None:
    text = (
        "Officials in Vilnius hoped to sign a contract with Raytheon for new radars "
        "before the end of the year."
    )
    orders = of_type(nlp_en, text, "order")
    assert len(orders) == 1
    assert orders[0].modality == "planned"


def test_signed_contract_stays_asserted(nlp_en: Any) -> None:
    text = "Vilnius signed a contract with Raytheon for new radars last week."
    orders = of_type(nlp_en, text, "order")
    assert len(orders) == 1
    assert orders[0].modality == "asserted"
