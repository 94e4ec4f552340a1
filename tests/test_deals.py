"""Deals from procurement events: parties, status, value, quantity, attribution."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from event_helpers import deals_of
from veille.models import Deal
from veille.pipeline import analyze


@lru_cache(maxsize=64)
def only(text: str, lang: str) -> Deal:
    found = deals_of(text, lang)
    assert len(found) == 1, found
    return found[0]


# (lang, sentence, status): the status follows the verb and the modality.
STATUS = [
    ("fr", "Les Forces armées royales envisagent de commander des drones Harop.", "considered"),
    (
        "fr",
        "Le Maroc négocie avec Israel Aerospace Industries l'achat de drones Harop.",
        "negotiating",
    ),
    ("fr", "L'Indonésie a commandé 42 Rafale à Dassault Aviation en 2022.", "ordered"),
    ("fr", "L'Algérie aurait commandé des S-400 à la Russie.", "ordered"),
    ("fr", "La Turquie a livré six drones Bayraktar TB2 au Tchad en février.", "delivered"),
    ("fr", "Quinze Rafale doivent être livrés à l'Indonésie d'ici 2027.", "ordered"),
    (
        "fr",
        "Le porte-parole de l'armée a démenti les informations selon lesquelles l'Égypte "
        "négocierait l'achat de frégates FREMM auprès de Fincantieri.",
        "denied",
    ),
    (
        "fr",
        "Le Maroc a annulé la commande de drones Harop passée à Israel Aerospace Industries.",
        "cancelled",
    ),
    (
        "en",
        "India is considering buying more Rafale Marine jets from Dassault Aviation.",
        "considered",
    ),
    (
        "en",
        "The Philippines is in advanced talks with South Korea over twelve FA-50 jets.",
        "negotiating",
    ),
    ("en", "Poland ordered 96 K2 tanks from Hyundai Rotem in 2025.", "ordered"),
    ("en", "Lithuania received its first NASAMS batteries in 2020.", "delivered"),
    (
        "en",
        "Saudi Arabia's Ministry of Defense denied a report that Riyadh ordered Wing Loong-3 "
        "drones from China.",
        "denied",
    ),
    # an approved sale or export is an offer still under negotiation
    (
        "en",
        "The State Department has approved a possible sale to Norway of 40 Javelin missiles.",
        "negotiating",
    ),
    (
        "fr",
        "Le Conseil fédéral de sécurité a approuvé la livraison à l'Égypte de quatre "
        "batteries IRIS-T SLM.",
        "negotiating",
    ),
]


@pytest.mark.parametrize(("lang", "text", "status"), STATUS)
def test_deal_status(lang: str, text: str, status: str) -> None:
    assert only(text, lang).status == status


# (lang, sentence, supplier, supplier_org, recipient, systems, quantity)
PARTIES = [
    (
        "fr",
        "L'Indonésie a commandé 42 Rafale à Dassault Aviation en 2022.",
        "FR",
        "Dassault Aviation",
        "ID",
        ["Rafale"],
        42,
    ),
    (
        "fr",
        "La Turquie a livré six drones Bayraktar TB2 au Tchad.",
        "TR",
        None,
        "TD",
        ["Bayraktar TB2"],
        6,
    ),
    (
        "fr",
        "Le Maroc négocie avec Fincantieri l'achat de frégates FREMM.",
        "IT",
        "Fincantieri",
        "MA",
        ["FREMM"],
        None,
    ),
    (
        "en",
        "Poland ordered 96 K2 tanks from Hyundai Rotem.",
        "KR",
        "Hyundai Rotem",
        "PL",
        ["K2"],
        96,
    ),
    (
        "en",
        "Norway and Kongsberg offered NASAMS to Lithuania.",
        "NO",
        "Kongsberg",
        "LT",
        ["NASAMS"],
        None,
    ),
    # a count range before the system
    (
        "en",
        "Saudi Arabia agreed to buy between 20 and 24 Wing Loong-3 drones from China.",
        "CN",
        None,
        "SA",
        ["Wing Loong-3"],
        (20, 24),
    ),
    # a counted noun just after the trigger, the system further on
    (
        "fr",
        "La Pologne a décidé de commander six batteries du système Patriot à Raytheon.",
        "US",
        "Raytheon",
        "PL",
        ["Patriot"],
        6,
    ),
    (
        "fr",
        "Washington a donné son feu vert à une possible vente au Maroc de 24 hélicoptères "
        "AH-64E Apache.",
        "US",
        None,
        "MA",
        ["AH-64E Apache"],
        24,
    ),
    # neither a designation's number nor a count of soldiers is a quantity
    (
        "fr",
        "Le Maroc a commandé des drones Hermes 900 à Elbit Systems pour 300 soldats.",
        "IL",
        "Elbit Systems",
        "MA",
        ["Hermes 900"],
        None,
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "supplier", "supplier_org", "recipient", "systems", "quantity"), PARTIES
)
def test_deal_parties(
    lang: str,
    text: str,
    supplier: str,
    supplier_org: str | None,
    recipient: str,
    systems: list[str],
    quantity: int | tuple[int, int] | None,
) -> None:
    deal = only(text, lang)
    assert (deal.supplier, deal.supplier_org, deal.recipient) == (supplier, supplier_org, recipient)
    assert list(deal.systems) == systems
    assert deal.quantity == quantity


def test_recipient_org_and_category() -> None:
    deal = only("Les Forces armées royales envisagent de commander des drones Harop.", "fr")
    assert deal.recipient_org == "Forces armées royales"
    assert deal.category == "loitering munition"
    assert deal.hedged


def test_claims_about_one_deal_merge_and_the_value_follows() -> None:
    text = (
        "Les Forces armées royales envisagent de commander des drones Harop. "
        "Les négociations entre la partie marocaine et Israel Aerospace Industries ont commencé. "
        "Le montant du contrat pourrait dépasser les 100 millions de dollars."
    )
    deal = only(text, "fr")
    assert deal.status == "negotiating"
    assert deal.supplier_org == "Israel Aerospace Industries"
    assert deal.value is not None
    assert (deal.value.value, deal.value.currency, deal.value.qualifier) == (
        100_000_000,
        "USD",
        "more_than",
    )


def test_a_delivered_deal_stays_apart_from_one_under_way() -> None:
    text = (
        "Le Maroc a reçu ses premiers drones Harop en 2020. "
        "Rabat envisage de commander des drones Harop supplémentaires."
    )
    assert sorted(d.status for d in deals_of(text, "fr")) == ["considered", "delivered"]


def test_a_general_agreement_does_not_join_a_deal() -> None:
    text = (
        "Les Forces armées royales envisagent de commander des drones Harop. "
        "Rabat et Tel-Aviv ont conclu un accord de coopération militaire."
    )
    assert only(text, "fr").status == "considered"


def test_reported_by_comes_from_the_attribution() -> None:
    text = "Selon Africa Intelligence, la Turquie a livré six drones Bayraktar TB2 au Niger."
    assert list(only(text, "fr").reported_by) == ["Africa Intelligence"]


def test_seed_deal(shared: Path) -> None:
    gold = json.loads((shared / "gold" / "seed-001.json").read_text("utf-8"))
    text = (shared / "gold" / gold["text_file"]).read_text("utf-8")
    found = analyze(text, lang="fr", published=gold["published"], outlet=gold["outlet"]).deals
    assert len(found) == 1
    deal = found[0]
    assert (deal.supplier, deal.recipient, deal.status, deal.hedged) == (
        "IL",
        "MA",
        "negotiating",
        True,
    )
    assert set(deal.systems) == {"Harpy", "Harop"}
    assert deal.supplier_org == "Israel Aerospace Industries"
    assert deal.recipient_org == "Forces armées royales"
    assert deal.category == "loitering munition"
    assert deal.value is not None
    assert (deal.value.value, deal.value.currency, deal.value.qualifier) == (
        100_000_000,
        "USD",
        "more_than",
    )
    assert list(deal.reported_by) == ["anonymous Moroccan security source"]
