"""Which sentences of a deal give its ``reported_by`` (``deal_source_sentences``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from veille.nlp.convert_events import deal_source_sentences
from veille.nlp.events_records import DealFinding
from veille.pipeline import analyze

PUBLISHED = "2025-03-12"
ORDER_THEN_DELIVERY = {
    "en": (
        "Romania signed a $1.2 billion contract with Hanwha Aerospace in July 2024 for 54 K9"
        " Thunder howitzers. Hanwha will deliver the last K9 Thunder howitzers to Romania in"
        " 2027, a Romanian army officer told reporters on Monday."
    ),
    "fr": (
        "La Roumanie a signé en juillet 2024 un contrat avec Hanwha Aerospace pour 54 obusiers"
        " K9 Thunder. Hanwha livrera les derniers K9 Thunder à la Roumanie en 2027, a indiqué"
        " un officier roumain."
    ),
}
OTHER_SYSTEMS = (
    "Germany delivered a fourth IRIS-T SLM system to Ukraine last week, the Pentagon said."
    " Two Skynex systems ordered by Germany for Ukraine in 2023 will arrive before the end of"
    " the year, according to Der Spiegel."
)


def _doc(nlp: Any, text: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.veille_published = dt.date.fromisoformat(PUBLISHED)
    return nlp(doc)  # type: ignore[no-any-return]


def _only_deal(doc: Doc) -> DealFinding:
    deals = list(doc._.veille_deals or [])
    assert len(deals) == 1
    return deals[0]


def test_a_step_still_to_come_does_not_report_the_order(nlp_en: Any, nlp_fr: Any) -> None:
    for nlp, text in ((nlp_en, ORDER_THEN_DELIVERY["en"]), (nlp_fr, ORDER_THEN_DELIVERY["fr"])):
        doc = _doc(nlp, text)
        deal = _only_deal(doc)
        assert deal.status == "ordered"
        assert len(deal.sentences) == 2  # the delivery to come is a claim about the order
        assert deal_source_sentences(doc, deal) == deal.sentences[:1]


def test_the_officer_of_a_delivery_to_come_is_no_source_of_the_order() -> None:
    for lang, text in ORDER_THEN_DELIVERY.items():
        (deal,) = analyze(text, lang=lang, published=PUBLISHED).deals
        assert (deal.status, deal.reported_by) == ("ordered", ())


def test_a_denied_deal_keeps_every_sentence(nlp_en: Any) -> None:
    doc = _doc(nlp_en, ORDER_THEN_DELIVERY["en"])
    deal = replace(_only_deal(doc), status="denied")
    assert deal_source_sentences(doc, deal) == deal.sentences


def test_a_claim_qualifying_other_systems_is_background(nlp_en: Any) -> None:
    doc = _doc(nlp_en, OTHER_SYSTEMS)
    delivery = next(d for d in doc._.veille_deals if d.status == "delivered")
    skynex = next(d for d in doc._.veille_deals if d.status == "ordered")
    # *ordered* names the Skynex systems it qualifies: no claim about the IRIS-T SLM delivery
    assert len(delivery.sentences) == 1
    assert deal_source_sentences(doc, delivery) == delivery.sentences
    # the same claim, had the deal been for the systems it qualifies, reports it
    own = replace(delivery, systems=(*delivery.systems, *skynex.systems))
    assert deal_source_sentences(doc, own) == delivery.sentences


def test_the_source_of_other_systems_is_no_source_of_the_delivery() -> None:
    deals = analyze(OTHER_SYSTEMS, lang="en", published=PUBLISHED).deals
    delivery = next(d for d in deals if d.status == "delivered")
    assert delivery.reported_by == ("Pentagon",)


PROSPECT_AFTER_DELIVERY = {
    "en": (
        "The Portuguese Air Force took delivery of the third of six C-390 Millennium aircraft"
        " ordered from Embraer in 2019 on Thursday. Lisbon is negotiating the purchase of a"
        " seventh aircraft, the Lisbon Daily reported."
    ),
    "fr": (
        "L'armée de l'Air portugaise a réceptionné jeudi à Beja le troisième des six avions"
        " C-390 Millennium commandés à Embraer en 2019. Selon le quotidien Diário de Lisboa, le"
        " ministère portugais de la Défense négocierait l'achat d'un septième exemplaire."
    ),
}


def test_a_further_purchase_does_not_report_the_delivery() -> None:
    for lang, text in PROSPECT_AFTER_DELIVERY.items():
        (deal,) = analyze(text, lang=lang, published=PUBLISHED).deals
        assert (deal.status, deal.reported_by) == ("delivered", ())


def test_a_further_purchase_joined_to_a_deal_under_way_reports_it(nlp_en: Any) -> None:
    doc = _doc(nlp_en, PROSPECT_AFTER_DELIVERY["en"])
    deal = _only_deal(doc)
    assert len(deal.sentences) == 2
    assert deal_source_sentences(doc, deal) == deal.sentences[:1]
    ordered = replace(deal, status="ordered")
    assert deal_source_sentences(doc, ordered) == deal.sentences
