"""Which events a sentence tells, round 4: participles the tagger took for nouns, leave to
act, purchases retold under a delivery (sentences written here, run through the session
pipelines)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from event_helpers import events, of_type, one
from veille.nlp.events_lexicon import load_event_lexicon
from veille.nlp.events_triggers import Hit, check_needs


def types(nlp: Any, text: str) -> list[str]:
    return [e.type for e in events(nlp, text)]


# -- participles after a numeral ---------------------------------------------------------


def test_participle_after_numeral_is_an_order(nlp_fr: Any) -> None:
    text = (
        "Les premiers blindés Titan, sur les 40 commandés en 2021 auprès de Nexter, "
        "arriveront à Lomé au printemps, a indiqué l'état-major togolais."
    )
    orders = of_type(nlp_fr, text, "order")
    assert len(orders) == 1
    assert orders[0].date == "2021"
    assert orders[0].trigger == "commandés"


# -- leave to act --------------------------------------------------------------------------


def test_clearing_a_purchase_is_no_order(nlp_en: Any) -> None:
    text = "Washington has cleared Norway to buy a further batch of Patriot interceptors."
    assert "order" not in types(nlp_en, text)


def test_permission_in_french_is_no_order(nlp_fr: Any) -> None:
    text = "Ce prêt permettra au Bénin d'acquérir des blindés auprès de la Turquie."
    assert "order" not in types(nlp_fr, text)


def test_plain_purchase_still_an_order(nlp_en: Any) -> None:
    text = "Norway has bought a further batch of Patriot interceptors from Raytheon."
    assert "order" in types(nlp_en, text)


# -- purchases retold under a delivery -----------------------------------------------------


def test_undated_purchase_under_done_delivery_is_background(nlp_en: Any) -> None:
    text = (
        "The Kenyan Army has operated a handful of Hermes 450 drones since 2019, "
        "bought from Elbit Systems through a local broker."
    )
    assert "order" not in types(nlp_en, text)
    assert "delivery" in types(nlp_en, text)


def test_dated_purchase_under_delivery_stays(nlp_fr: Any) -> None:
    text = "Le Maroc a reçu en juin les 24 hélicoptères Apache commandés à Boeing en 2020."
    orders = of_type(nlp_fr, text, "order")
    assert [o.date for o in orders] == ["2020"]
    assert of_type(nlp_fr, text, "delivery")


def test_purchase_under_delivery_to_come_stays(nlp_fr: Any) -> None:
    text = "Le Pérou doit encore recevoir les deux frégates commandées à Navantia."
    assert of_type(nlp_fr, text, "order")


# -- kinds of acts ---------------------------------------------------------------------------


def test_plural_purchases_without_support_verb_are_generic(nlp_fr: Any) -> None:
    text = "Les pays du Golfe multiplient les achats d'armements depuis dix ans."
    assert "order" not in types(nlp_fr, text)


def test_plural_agreements_of_a_kind_are_generic(nlp_en: Any) -> None:
    text = "The agency has signed several agreements of this type with American firms."
    assert "agreement" in types(nlp_en, text)  # a support verb: told as done
    text = "He did not rule out future purchases from Korean firms."
    assert "order" not in types(nlp_en, text)


def test_single_purchase_noun_stays(nlp_fr: Any) -> None:
    text = "Le Kenya a confirmé l'achat de six hélicoptères auprès d'Airbus."
    assert "order" in types(nlp_fr, text)


# -- would under a speech verb (published 2025-06-01) ---------------------------------------


def test_would_under_speech_verb_with_future_date_is_planned() -> None:
    text = "The ministry said the howitzers would be delivered to Estonia in 2027."
    assert one(text, "en", "delivery").modality == "planned"


def test_would_outside_speech_stays_hedged() -> None:
    text = (
        "Estonia could sign the contract with Hanwha in May, and the howitzers would be "
        "delivered to Estonia in 2027."
    )
    assert one(text, "en", "delivery").modality == "hedged"


def test_would_with_past_date_stays_hedged() -> None:
    text = "The ministry said the howitzers would have been delivered to Estonia in 2019."
    assert one(text, "en", "delivery").modality != "planned"


# -- selecting a system ----------------------------------------------------------------------


def test_picking_a_system_is_a_procurement_intent(nlp_en: Any) -> None:
    text = "The Chilean Air Force picked the Gripen over the F-16 Block 70 last year."
    assert "procurement_intent" in types(nlp_en, text)


def test_choisir_a_system_is_a_procurement_intent(nlp_fr: Any) -> None:
    text = "L'armée de l'air colombienne a choisi le Gripen pour remplacer ses Kfir."
    assert "procurement_intent" in types(nlp_fr, text)


def test_choosing_without_a_system_is_nothing(nlp_en: Any) -> None:
    text = "Chile chose to postpone the decision until next year."
    assert "procurement_intent" not in types(nlp_en, text)


# -- about to act --------------------------------------------------------------------------


def test_about_to_order_is_a_procurement_intent(nlp_fr: Any) -> None:
    text = "La marine péruvienne serait sur le point de commander deux frégates à Navantia."
    found = types(nlp_fr, text)
    assert "procurement_intent" in found and "order" not in found


def test_close_to_signing_a_contract_is_a_negotiation(nlp_en: Any) -> None:
    text = "Peru and Spain are close to signing a contract for two frigates built by Navantia."
    found = types(nlp_en, text)
    assert "negotiation" in found and "order" not in found


def test_signed_contract_stays_an_order(nlp_en: Any) -> None:
    text = "Peru signed a contract with Navantia for two frigates."
    assert "order" in types(nlp_en, text)


# -- a talk participle deep in a contract's phrase ----------------------------------------------


def test_talk_participle_in_contract_phrase_is_no_negotiation(nlp_fr: Any) -> None:
    text = (
        "Lima a signé en mars un contrat portant sur deux frégates et une dizaine "
        "d'hélicoptères NH90, négocié avec Navantia."
    )
    found = types(nlp_fr, text)
    assert "order" in found and "negotiation" not in found


# -- put off, not denied ------------------------------------------------------------------------


def test_not_before_a_date_is_a_later_delivery(nlp_en: Any) -> None:
    text = "The first of six Sea Guardian drones will not arrive in Chile before 2027."
    assert "delivery" in types(nlp_en, text)


def test_pas_avant_is_a_later_delivery(nlp_fr: Any) -> None:
    text = "Les premiers Rafale ne seront pas livrés à la Serbie avant la fin de 2027."
    assert "delivery" in types(nlp_fr, text)


def test_plain_negation_still_cancels(nlp_en: Any) -> None:
    text = "The drones will not arrive in Chile, the ministry said."
    assert "delivery" not in types(nlp_en, text)


# -- arriver ---------------------------------------------------------------------------------


def test_systems_arriving_is_a_delivery(nlp_fr: Any) -> None:
    text = "Les six premiers Rafale doivent arriver en Serbie au début de l'année prochaine."
    assert "delivery" in types(nlp_fr, text)


def test_minister_arriving_is_no_delivery(nlp_fr: Any) -> None:
    text = "Le ministre serbe de la Défense est arrivé à Paris mardi."
    assert "delivery" not in types(nlp_fr, text)


# -- word order where the parse hangs the object elsewhere -----------------------------------


def test_system_just_after_supply_verb_counts(nlp_en: Any) -> None:
    """A parse that hangs the system on another verb: word order still finds it."""
    words = ["Norway", "will", "supply", "Poland", "with", "missiles", "NSM", ",", "it", "said"]
    heads = [2, 2, 9, 2, 2, 9, 5, 9, 9, 9]  # *missiles* hangs on *said*, not on *with*
    deps = ["nsubj", "aux", "ccomp", "dobj", "prep", "nsubj", "appos", "punct", "nsubj", "ROOT"]
    pos = ["PROPN", "AUX", "VERB", "PROPN", "ADP", "NOUN", "PROPN", "PUNCT", "PRON", "VERB"]
    doc = Doc(nlp_en.vocab, words=words, heads=heads, deps=deps, pos=pos)
    lex = load_event_lexicon("en")
    entry = next(t for t in lex.triggers if "supply" in t.lemmas)
    hit = Hit(token=2, end=3, entry=entry, type="delivery", verb=2, agent="actor")
    assert check_needs(doc[:], [hit], lex, {6: "SYSTEM"}) == [hit]
    far = {9: "SYSTEM"}  # past the comma: no longer the verb's
    assert check_needs(doc[:], [hit], lex, far) == []


# -- marketed abroad ------------------------------------------------------------------------


def test_offered_for_export_is_no_offer(nlp_fr: Any) -> None:
    text = "Le Pérou s'intéresserait au KF-21, proposé à l'export par Korea Aerospace Industries."
    assert "offer" not in types(nlp_fr, text)


def test_offer_to_a_country_stays(nlp_fr: Any) -> None:
    text = "Korea Aerospace Industries a proposé le KF-21 au Pérou."
    assert "offer" in types(nlp_fr, text)
