"""Entities that events and deals need as parties or systems: knowledge-base systems and
bodies, the Greek demonym *hellénique*, long ministry names, and a state's branch named
through its demonym standing as a party of its own."""

from __future__ import annotations

import pytest

from event_helpers import one
from veille import analyze
from veille.models import Entity, Extraction

PUBLISHED = "2025-06-01"


def entity_with(extraction: Extraction, mention: str) -> Entity | None:
    return next((e for e in extraction.entities if mention in e.mentions), None)


CASES = [
    # (lang, sentence, mention, type, kind, country)
    (
        "fr",
        "Athènes étudie l'achat de radars Kronos Grand Mobile pour couvrir ses îles.",
        "Kronos Grand Mobile",
        "SYSTEM",
        "radar",
        "IT",
    ),
    (
        "fr",
        "Le programme a été confié à l'armée de l'air hellénique l'an dernier.",
        "armée de l'air hellénique",
        "ORG",
        "armed_forces",
        "GR",
    ),
    (
        "fr",
        "Le ministère malien de la Défense et des Anciens combattants a salué l'arrivée "
        "des appareils.",
        "ministère malien de la Défense et des Anciens combattants",
        "ORG",
        "government",
        "ML",
    ),
    (
        "en",
        "The brigade received several SkyWall launchers to catch small drones.",
        "SkyWall",
        "SYSTEM",
        "counter-UAS",
        "GB",
    ),
    (
        "en",
        "The base will test a Leonidas high-power microwave system next year.",
        "Leonidas",
        "SYSTEM",
        "counter-UAS",
        "US",
    ),
    (
        "en",
        "Canberra plans to join the Wideband Global SATCOM constellation.",
        "Wideband Global SATCOM",
        "SYSTEM",
        "satellite",
        "US",
    ),
]


@pytest.mark.parametrize(("lang", "text", "mention", "type_", "kind", "country"), CASES)
def test_named_entity(
    lang: str, text: str, mention: str, type_: str, kind: str, country: str
) -> None:
    entity = entity_with(analyze(text, lang=lang, published=PUBLISHED), mention)
    assert entity is not None
    assert (entity.type, entity.kind, entity.country) == (type_, kind, country)


def test_long_ministry_name_is_not_cut() -> None:
    text = "Le ministère malien de la Défense et des Anciens combattants a démenti l'achat."
    names = [m for e in analyze(text, lang="fr", published=PUBLISHED).entities for m in e.mentions]
    assert "ministère malien de la Défense" not in names
    assert "Anciens" not in names


def test_navy_named_by_demonym_is_a_party() -> None:
    event = one("La marine égyptienne a commandé deux frégates à Fincantieri.", "fr", "order")
    assert "EG" not in event.actors
    assert any("marine" in actor.lower() or "navy" in actor.lower() for actor in event.actors)


def test_armed_forces_named_by_demonym_stand_for_the_state() -> None:
    event = one("L'armée marocaine a commandé des radars à Thales.", "fr", "order")
    assert "MA" in event.actors


def test_possessive_state_is_no_part_of_the_ministry_name() -> None:
    text = "Taiwan's Ministry of National Defense said the radars would arrive in spring."
    extraction = analyze(text, lang="en", published=PUBLISHED)
    ministry = entity_with(extraction, "Ministry of National Defense")
    assert ministry is not None and ministry.country == "TW"
    assert entity_with(extraction, "Taiwan") is not None


def test_canonical_name_is_the_first_name_in_full() -> None:
    text = (
        "The navy commissioned its second Babur-class corvette on Friday. "
        "The MILGEM design was adapted for the local yard."
    )
    extraction = analyze(text, lang="en", published=PUBLISHED)
    corvette = entity_with(extraction, "MILGEM")
    assert corvette is not None and corvette.name == "Babur"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "La flotte aligne aussi une corvette de conception coréenne, la Bella Vento, "
            "livrée en 2019.",
            "Bella Vento",
        ),
        (
            "La marine a admis au service le Korvado, deuxième patrouilleur de la série.",
            "Korvado",
        ),
    ],
)
def test_vessel_named_after_an_article_beside_a_system(text: str, name: str) -> None:
    entity = entity_with(analyze(text, lang="fr", published=PUBLISHED), name)
    assert entity is not None and entity.type == "SYSTEM"


def test_place_after_an_article_is_no_vessel() -> None:
    text = "Le groupe a livré des radars à la marine, la Grèce, selon le ministère."
    entity = entity_with(analyze(text, lang="fr", published=PUBLISHED), "Grèce")
    assert entity is not None and entity.type == "GPE"


def test_a_french_class_name_links_to_its_class() -> None:
    text = "La marine roumaine étudie l'achat de deux sous-marins de la classe Dolphin."
    system = entity_with(analyze(text, lang="fr", published=PUBLISHED), "Dolphin")
    assert system is not None and system.country == "DE" and system.kind == "submarine"
    assert "classe Dolphin" not in system.mentions
