"""Round-3 trigger vocabulary and date inheritance (sentences written here, run through the
session pipelines)."""

from __future__ import annotations

from typing import Any

from event_helpers import events


def types(nlp: Any, text: str) -> list[str]:
    return [e.type for e in events(nlp, text)]


def targets(nlp: Any, text: str, type_: str) -> set[str]:
    return {a.code or a.key for e in events(nlp, text) if e.type == type_ for a in e.targets}


# -- delivery vocabulary ------------------------------------------------------------------


def test_taking_possession_is_a_delivery(nlp_fr: Any) -> None:
    text = "La marine tunisienne a pris possession lundi de deux patrouilleurs Combattante à Cherbourg."
    assert "delivery" in types(nlp_fr, text)


def test_admission_to_service_is_a_delivery(nlp_fr: Any) -> None:
    text = "L'armée de l'air grecque a admis au service actif jeudi son dixième Rafale."
    assert "delivery" in types(nlp_fr, text)


def test_supplying_a_system_is_a_delivery(nlp_fr: Any) -> None:
    text = "La Turquie a fourni au Niger plusieurs drones Bayraktar TB2 en 2022."
    assert "delivery" in types(nlp_fr, text)


def test_supplying_without_a_system_is_no_delivery(nlp_fr: Any) -> None:
    assert "delivery" not in types(nlp_fr, "Le ministère a fourni des explications au Parlement.")


def test_taking_delivery_in_english(nlp_en: Any) -> None:
    text = "The Royal Danish Air Force took delivery of its fourth F-35A on Friday."
    assert "delivery" in types(nlp_en, text)


def test_providing_a_system_in_english(nlp_en: Any) -> None:
    text = "Germany will provide Ukraine with two more IRIS-T SLM batteries next year."
    assert "delivery" in types(nlp_en, text)
    assert "UA" in targets(nlp_en, text, "delivery")


# -- date inheritance ---------------------------------------------------------------------


def dates_of(nlp: Any, text: str, type_: str) -> list[str | None]:
    return [e.date for e in events(nlp, text) if e.type == type_]


def test_an_offer_does_not_take_the_date_of_a_delivery_before_it(nlp_fr: Any) -> None:
    text = (
        "La Grèce a reçu ses premiers Rafale en 2021. "
        "Dassault Aviation a proposé à la Grèce six Rafale supplémentaires."
    )
    assert dates_of(nlp_fr, text, "offer") == [None]


def test_an_offer_takes_the_date_of_the_visit_before_it(nlp_en: Any) -> None:
    text = (
        "A Moroccan delegation visited Israel Aerospace Industries in March 2024. "
        "The company offered Morocco its Barak MX air defence system."
    )
    assert dates_of(nlp_en, text, "offer") == ["2024-03"]


def test_a_delivery_date_beside_an_offer_dates_no_later_offer(nlp_en: Any) -> None:
    text = (
        "Sweden has offered to add crew training to the package, and deliveries would start "
        "in 2029. Saab has also pitched its GlobalEye aircraft to Polish Air Force officers."
    )
    assert "2029" not in dates_of(nlp_en, text, "offer")


# -- joint production ---------------------------------------------------------------------


def test_building_under_licence_is_joint_production(nlp_fr: Any) -> None:
    text = "Les frégates seront construites sous licence par Naval Group pour la Grèce."
    assert "joint_production" in types(nlp_fr, text)


def test_building_under_license_in_english(nlp_en: Any) -> None:
    text = "The rifles will be produced under license by FAME in Lima."
    assert "joint_production" in types(nlp_en, text)


# -- trials -------------------------------------------------------------------------------


def test_an_army_testing_a_system_was_shown_it(nlp_fr: Any) -> None:
    text = "L'armée roumaine a testé en mai le radar Ground Master 400 de Thales près de Constanța."
    assert "demonstration" in types(nlp_fr, text)
    assert "RO" in targets(nlp_fr, text, "demonstration")


def test_testing_without_a_system_is_no_demonstration(nlp_en: Any) -> None:
    assert "demonstration" not in types(nlp_en, "The minister tested the patience of the unions.")
