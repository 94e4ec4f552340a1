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


@pytest.mark.parametrize(
    ("text", "lang", "value", "mod"),
    [
        ("Upgrades start in the third quarter of next year.", "en", "2026-Q3", None),
        ("Sales fell in the first half of last year.", "en", "2024-H1", None),
        ("The hull is due by the end of the first quarter.", "en", "2025-Q1", "END"),
        ("Livraison au premier semestre de l'année prochaine.", "fr", "2026-H1", None),
        ("Essais à la fin du quatrième trimestre.", "fr", "2025-Q4", "END"),
        ("Signature au début du deuxième trimestre 2027.", "fr", "2027-Q2", "START"),
    ],
)
def test_quarter_with_edge_or_relative_year(
    text: str, lang: str, value: str, mod: str | None
) -> None:
    found = find_timexes(text, lang=lang, anchor=ANCHOR)
    assert [(t.value, t.mod) for t in found] == [(value, mod)]


@pytest.mark.parametrize(
    "text",
    [
        "The Type 2019 corvette sailed.",
        "See page 2019 of the annex.",
        "A $2019 fee was paid.",
        "Le modèle 2019 du radar est prêt.",
    ],
)
def test_designations_and_prices_are_not_years(text: str) -> None:
    lang = "fr" if text.startswith("Le ") else "en"
    assert _values(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "mod"),
    [
        ("Trials resume in mid-2027 at sea.", "en", "MID"),
        ("An early-2027 launch is planned.", "en", "START"),
        ("Les essais reprendront à la mi-2027.", "fr", "MID"),
    ],
)
def test_hyphenated_edge_year(text: str, lang: str, mod: str) -> None:
    found = find_timexes(text, lang=lang, anchor=ANCHOR)
    assert [(t.value, t.mod) for t in found] == [("2027", mod)]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("La flotte a reçu un navire en mai 2020, puis un autre l'année suivante.", "fr", "2021"),
        (
            "Trials ended in October 2020 and the contract came the following month.",
            "en",
            "2020-11",
        ),
        ("The first boat sank in 2020; the previous year it had been refitted.", "en", "2019"),
    ],
)
def test_anaphoric_period_counts_from_the_last_date(text: str, lang: str, value: str) -> None:
    assert _values(text, lang)[-1] == value


def test_anaphoric_month_after_a_bare_year_keeps_the_anchor() -> None:
    # A year is too coarse to say which month follows it.
    assert _values("En 2020, l'armée a acheté dix chars ; le mois suivant, deux.", "fr")[-1] == (
        "2025-07"
    )


def test_next_year_still_counts_from_publication() -> None:
    assert _values("It bought a tanker in 2020 and will buy another next year.", "en")[-1] == "2026"


@pytest.mark.parametrize(
    ("text", "lang", "span"),
    [
        ("La flotte sera renouvelée à l'horizon 2035.", "fr", "à l'horizon 2035"),
        ("Le chasseur volera vers 2035.", "fr", "vers 2035"),
        ("The tanker enters service around 2035.", "en", "around 2035"),
    ],
)
def test_approximate_year(text: str, lang: str, span: str) -> None:
    found = find_timexes(text, lang=lang, anchor=ANCHOR)
    assert [(t.text, t.value, t.mod) for t in found] == [(span, "2035", "APPROX")]


def test_year_range_gives_both_years() -> None:
    assert _values("Le plan 2026-2032 prévoit douze frégates.", "fr") == ["2026", "2032"]
    assert _values("Dial 555-2032 for the desk.", "en") == []


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("À ce stade, le ministère n'a rien commandé.", "fr", "PRESENT_REF"),
        ("Jusqu'ici, l'usine a produit trois corvettes.", "fr", "PRESENT_REF"),
        ("So far, the yard has built two hulls.", "en", "PRESENT_REF"),
        ("At the time, the navy had no tanker.", "en", "PAST_REF"),
    ],
)
def test_vague_present_and_past(text: str, lang: str, value: str) -> None:
    assert _values(text, lang) == [value]
