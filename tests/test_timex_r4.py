"""Years that date a deal: a year before a price (``en 2021 pour 3 milliards``), a year used
as a noun modifier (``a 2021 order``), and the counts that must stay counts."""

from __future__ import annotations

import datetime as dt

import pytest

from veille.nlp.timex import find_timexes

ANCHOR = dt.date(2025, 6, 1)


def _values(text: str, lang: str) -> list[str]:
    return [t.value for t in find_timexes(text, lang=lang, anchor=ANCHOR)]


@pytest.mark.parametrize(
    "text",
    [
        "Les vingt Caracal achetés en 2019 pour 1,1 milliard d'euros volent déjà.",
        "La frégate commandée en 2019 pour environ 700 millions d'euros sera livrée.",
        "Un contrat signé en 2019 pour la marine prévoit six patrouilleurs.",
    ],
)
def test_year_before_pour_is_a_date(text: str) -> None:
    assert _values(text, "fr") == ["2019"]


@pytest.mark.parametrize(
    "text",
    [
        "Le taux a atteint 2019 pour cent.",
        "Une proportion de 2019 pour mille.",
        "Le régiment aligne 2019 soldats.",
        "Une parcelle de 2019 m² attend.",
    ],
)
def test_french_counts_are_not_years(text: str) -> None:
    assert _values(text, "fr") == []


@pytest.mark.parametrize(
    "text",
    [
        "The navy confirmed a 2019 order for four corvettes.",
        "Under the 2019 contract, the yard builds two submarines.",
        "Its 2019 purchase of transport aircraft was cut.",
        "Le contrat de 2019 prévoit quatre corvettes.",
    ],
)
def test_year_as_noun_modifier_is_a_date(text: str) -> None:
    lang = "fr" if text.startswith("Le ") else "en"
    assert _values(text, lang) == ["2019"]


def test_english_counts_are_not_years() -> None:
    assert _values("The brigade sent 2019 troops and 2019 vehicles.", "en") == []


def test_pipeline_dates_an_order_with_its_price(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_fr.make_doc("Les douze hélicoptères commandés en 2018 pour 900 millions d'euros.")
    doc._.veille_published = ANCHOR
    doc = nlp_fr(doc)
    assert [t.value for t in doc._.veille_timexes] == ["2018"]
