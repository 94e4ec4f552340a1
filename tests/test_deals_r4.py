"""Deals: a hedged step that a deal under way has not reached, an order fulfilled by a later
delivery, and a further purchase after a delivery."""

from __future__ import annotations

from functools import lru_cache

from event_helpers import deals_of
from veille.nlp.events_deals import merge, merge_deals
from veille.nlp.events_lexicon import load_deal_rules
from veille.nlp.events_records import Arg, DealFinding


@lru_cache(maxsize=16)
def _system(key: str) -> Arg:
    return Arg(0, 5, None, "SYSTEM", "frigate", "FR", key)


def _finding(status: str, date: str | None, start: int) -> DealFinding:
    return DealFinding(
        supplier="FR",
        supplier_org=None,
        recipient="CL",
        recipient_org=None,
        systems=(_system("SYSTEM:frigate"),),
        category="frigate",
        quantity=None,
        value=None,
        status=status,
        date=date,
        hedged=False,
        sentences=((start, start + 50),),
        start=start,
        end=start + 50,
        confidence=0.8,
    )


def test_a_contract_that_could_be_signed_leaves_the_talks_under_way() -> None:
    texts = {
        "en": (
            "Peru is in talks with Sweden over the purchase of twelve Gripen E fighters from"
            " Saab. Lima could sign the contract with Saab before the end of the year."
        ),
        "fr": (
            "Le Pérou négocie avec la Suède l'achat de douze chasseurs Gripen E auprès de Saab."
            " Lima pourrait signer le contrat avec Saab avant la fin de l'année."
        ),
    }
    for lang, text in texts.items():
        (deal,) = deals_of(text, lang)
        assert (deal.status, deal.date) == ("negotiating", None), lang


def test_an_order_told_with_its_delivery_is_the_delivered_deal() -> None:
    text = (
        "La marine chilienne a réceptionné samedi le deuxième patrouilleur OPV 87 commandé en"
        " 2021 au chantier espagnol Navantia."
    )
    (deal,) = deals_of(text, "fr")
    assert (deal.supplier, deal.recipient, deal.status) == ("ES", "CL", "delivered")
    assert deal.date == "2025-05-31"


def test_an_order_dated_after_a_delivery_is_a_further_purchase() -> None:
    rules = load_deal_rules("en")
    delivered = _finding("delivered", "2019", 0)
    earlier = merge_deals([delivered, _finding("ordered", "2017-03", 100)], rules)
    assert [(d.status, d.date) for d in earlier] == [("delivered", "2019")]
    later = merge_deals([delivered, _finding("ordered", "2024", 100)], rules)
    assert [(d.status, d.date) for d in later] == [("delivered", "2019"), ("ordered", "2024")]
    same_year = merge_deals([delivered, _finding("ordered", "2019-05", 100)], rules)
    assert len(same_year) == 2  # no order of the two within the year


def test_an_undated_order_told_with_a_delivery_is_the_delivered_deal() -> None:
    rules = load_deal_rules("en")
    delivered = _finding("delivered", None, 0)
    beside = merge_deals([delivered, _finding("ordered", "2022", 0)], rules)
    assert [(d.status, d.date) for d in beside] == [("delivered", None)]
    apart = merge_deals([delivered, _finding("ordered", "2022", 100)], rules)
    assert len(apart) == 2  # told in another sentence, undated: no telling which came first


def test_an_intent_after_a_delivery_is_a_deal_of_its_own() -> None:
    text = (
        "Le Chili a réceptionné lundi le dernier des quatre patrouilleurs OPV 87 construits par"
        " Navantia. Santiago envisage de commander un cinquième navire."
    )
    deals = deals_of(text, "fr")
    assert [(d.systems, d.status) for d in deals] == [
        (("OPV 87",), "delivered"),
        (("OPV 87",), "considered"),
    ]
    assert deals[0].quantity == 4
    assert deals[1].quantity is None


def test_a_participle_after_one_of_the_systems_is_a_deal_for_that_system() -> None:
    text = (
        "Selon une source industrielle, le Pérou envisagerait de commander des missiles"
        " air-air Meteor auprès de MBDA pour compléter les missiles MICA commandés avec ses"
        " chasseurs."
    )
    deals = deals_of(text, "fr")
    assert [(d.systems, d.status, d.hedged) for d in deals] == [
        (("Meteor",), "considered", True),
        (("MICA",), "ordered", False),
    ]


def test_a_merged_deal_takes_no_date_of_a_lower_stage() -> None:
    rules = load_deal_rules("en")
    talks = _finding("negotiating", "2024-10", 0)
    order = _finding("ordered", None, 100)
    assert merge(talks, order, rules).date is None
    assert merge(talks, _finding("ordered", "2025-02", 100), rules).date == "2025-02"
    assert merge(_finding("ordered", "2025-02", 0), talks, rules).date == "2025-02"


def test_fire_units_count_the_system() -> None:
    text = (
        "The State Department has approved a possible sale to Estonia of six fire units of the"
        " National Advanced Surface-to-Air Missile System and up to 120 AIM-120C-8 AMRAAM"
        " missiles, the agency said."
    )
    deal = next(d for d in deals_of(text, "en") if "AIM-120C-8 AMRAAM" not in d.systems)
    assert deal.quantity == 6
    text_fr = (
        "L'Estonie a commandé quatre unités de tir du système sol-air IRIS-T SLM auprès de"
        " Diehl Defence."
    )
    (deal_fr,) = deals_of(text_fr, "fr")
    assert deal_fr.quantity == 4
