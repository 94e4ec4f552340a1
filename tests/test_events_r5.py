"""Events, round 5: modality read from a verb's own form where its lemma is mangled
(sentences written here, run through the session pipelines)."""

from __future__ import annotations

from typing import Any

from event_helpers import of_type
from veille.nlp.events_records import EventFinding

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


# -- episode phrases: a parallel act takes the episode's date ----------------------------


def test_meanwhile_takes_episode_date(nlp_en: Any) -> None:
    text = (
        "On 12 March 2025, the Greek defence minister visited the Naval Group yard in "
        "Lorient. Meanwhile, Athens ordered four helicopters from Airbus."
    )
    orders = of_type(nlp_en, text, "order")
    assert [o.date for o in orders] == ["2025-03-12"]


def test_dans_le_meme_temps_takes_episode_date(nlp_fr: Any) -> None:
    text = (
        "Le 12 mars 2025, le ministre grec de la Défense a visité l'usine de Naval Group à "
        "Lorient. Dans le même temps, Athènes a commandé quatre hélicoptères à Airbus."
    )
    orders = of_type(nlp_fr, text, "order")
    assert [o.date for o in orders] == ["2025-03-12"]


def test_no_episode_phrase_leaves_order_undated(nlp_en: Any) -> None:
    text = (
        "On 12 March 2025, the Greek defence minister visited the Naval Group yard in "
        "Lorient. Athens ordered four helicopters from Airbus."
    )
    orders = of_type(nlp_en, text, "order")
    assert [o.date for o in orders] == [None]


# -- a hedge verb the tagger took for a noun ---------------------------------------------


def _with_mistagged(nlp: Any, text: str, word: str) -> list[EventFinding]:
    """Run the pipeline with ``word`` tagged as a noun of its own form before the events."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "veille_events":
            for token in doc:
                if token.text == word:
                    token.lemma_, token.pos_ = word, "NOUN"
        doc = proc(doc)
    found: list[EventFinding] = doc._.veille_events
    return found


def test_envisage_read_as_noun_still_hedges(nlp_fr: Any) -> None:
    text = "« Le Togo envisage de commander deux patrouilleurs », a confié un officier."
    found = _with_mistagged(nlp_fr, text, "envisage")
    assert [(e.type, e.modality) for e in found] == [("procurement_intent", "hedged")]


def test_episode_date_reaches_a_sentence_whose_dates_are_other_clauses(nlp_fr: Any) -> None:
    text = (
        "Le 12 mai 2025, une délégation roumaine a visité les chantiers de Naval Group à Lorient. "
        "À cette occasion, la délégation a rencontré les dirigeants de Thales, qui prévoit "
        "d'ouvrir une usine en Roumanie dès 2028."
    )
    meetings = of_type(nlp_fr, text, "meeting")
    assert [m.date for m in meetings] == ["2025-05-12"]
