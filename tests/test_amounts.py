"""Money and counted quantities."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.nlp.amounts import AmountMatch, find_amounts

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "seed-001.txt"

Value = int | float | tuple[int | float, int | float]

CASES: list[tuple[str, str, str, Value, str | None, str]] = [
    # text, lang, span, value, currency, qualifier
    (
        "Le montant pourrait dépasser les 100 millions de dollars.",
        "fr",
        "100 millions de dollars",
        100_000_000,
        "USD",
        "more_than",
    ),
    (
        "un contrat de 22 millions de dollars",
        "fr",
        "22 millions de dollars",
        22_000_000,
        "USD",
        "exact",
    ),
    ("environ 3,5 Md€", "fr", "3,5 Md€", 3_500_000_000, "EUR", "approx"),
    ("près de 2 milliards d'euros", "fr", "2 milliards d'euros", 2_000_000_000, "EUR", "approx"),
    ("jusqu'à 50 M$", "fr", "50 M$", 50_000_000, "USD", "up_to"),
    ("au moins 10 000 dirhams", "fr", "10 000 dirhams", 10_000, "MAD", "more_than"),
    ("moins de 300 shekels", "fr", "300 shekels", 300, "ILS", "less_than"),
    ("deux millions de roupies", "fr", "deux millions de roupies", 2_000_000, "INR", "exact"),
    ("5 milliards de yuans", "fr", "5 milliards de yuans", 5_000_000_000, "CNY", "exact"),
    ("40 millions de roubles", "fr", "40 millions de roubles", 40_000_000, "RUB", "exact"),
    ("12 millions de livres", "fr", "12 millions de livres", 12_000_000, "GBP", "exact"),
    ("un milliard de zlotys", "fr", "un milliard de zlotys", 1_000_000_000, "PLN", "exact"),
    ("3 000 milliards de wons", "fr", "3 000 milliards de wons", 3_000_000_000_000, "KRW", "exact"),
    (
        "entre 200 et 300 millions de dollars",
        "fr",
        "entre 200 et 300 millions de dollars",
        (200_000_000, 300_000_000),
        "USD",
        "exact",
    ),
    (
        "200 à 300 millions d'euros",
        "fr",
        "200 à 300 millions d'euros",
        (200_000_000, 300_000_000),
        "EUR",
        "exact",
    ),
    ("a USD 3.5bn deal", "en", "USD 3.5bn", 3_500_000_000, "USD", "exact"),
    ("nearly $1,200", "en", "$1,200", 1200, "USD", "approx"),
    ("more than 4 billion dollars", "en", "4 billion dollars", 4_000_000_000, "USD", "more_than"),
    ("up to £9m", "en", "£9m", 9_000_000, "GBP", "up_to"),
    ("about US$4.7 billion", "en", "US$4.7 billion", 4_700_000_000, "USD", "approx"),
]

QUANTITIES: list[tuple[str, str, str, Value, str]] = [
    ("Rabat a commandé 150 drones.", "fr", "150 drones", 150, "drone"),
    (
        "entre 200 et 300 munitions rôdeuses",
        "fr",
        "entre 200 et 300 munitions rôdeuses",
        (200, 300),
        "munition rôdeuse",
    ),
    ("trois hélicoptères", "fr", "trois hélicoptères", 3, "hélicoptère"),
    ("2 500 soldats", "fr", "2 500 soldats", 2500, "soldat"),
    ("twelve aircraft", "en", "twelve aircraft", 12, "aircraft"),
    ("40 new tanks", "en", "40 new tanks", 40, "tank"),
]

NOTHING = [
    ("en 2021, le Maroc", "fr"),
    ("à 1 000 km de la frontière", "fr"),
    ("une hausse de 15 %", "fr"),
    ("il y a 3 ans", "fr"),
    ("un drone", "fr"),
    ("in 2020 the army", "en"),
    ("a 25 percent rise", "en"),
]


def _only(text: str, lang: str) -> AmountMatch:
    found = find_amounts(text, lang=lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "lang", "span", "value", "currency", "qualifier"), CASES)
def test_money(
    text: str, lang: str, span: str, value: Value, currency: str | None, qualifier: str
) -> None:
    found = _only(text, lang)
    assert (found.text, found.value, found.currency, found.qualifier) == (
        span,
        value,
        currency,
        qualifier,
    )
    assert text[found.start : found.end] == span


@pytest.mark.parametrize(("text", "lang", "span", "value", "unit"), QUANTITIES)
def test_quantities(text: str, lang: str, span: str, value: Value, unit: str) -> None:
    found = _only(text, lang)
    assert (found.text, found.value, found.currency, found.unit) == (span, value, None, unit)


@pytest.mark.parametrize(("text", "lang"), NOTHING)
def test_not_amounts(text: str, lang: str) -> None:
    assert find_amounts(text, lang=lang) == []


def test_conversion_points_at_the_converted_amount() -> None:
    text = "22 millions de dollars (soit un peu plus de 200 millions de dirhams)"
    first, second = find_amounts(text, lang="fr")
    assert (first.currency, first.converts) == ("USD", None)
    assert (second.value, second.currency, second.qualifier) == (200_000_000, "MAD", "more_than")
    assert second.converts == 0


@pytest.mark.skipif(not SEED.exists(), reason="shared seed text absent")
def test_seed_amount() -> None:
    found = _only(SEED.read_text(encoding="utf-8"), "fr")
    assert (found.text, found.value, found.currency, found.qualifier) == (
        "100 millions de dollars",
        100_000_000,
        "USD",
        "more_than",
    )


@pytest.mark.parametrize(
    ("text", "span", "value", "currency", "qualifier"),
    [
        ("Le titre a perdu 34 cents.", "34 cents", 0.34, "USD", "exact"),
        ("Vendu 250 pence l'action.", "250 pence", 2.5, "GBP", "exact"),
        (
            "Une charge de 300 millions de $ CAD.",
            "300 millions de $ CAD",
            300000000,
            "CAD",
            "exact",
        ),
        (
            "Il a reçu une trentaine de Pantsir-SM.",
            "une trentaine de Pantsir-SM",
            30,
            None,
            "approx",
        ),
        ("Le pays a commandé 26 Rafale Marine.", "26 Rafale Marine", 26, None, "exact"),
        ("Il en a acheté deux cents.", "deux cents", 200, None, "exact"),
    ],
)
def test_subunits_round_counts_and_designations(
    text: str, span: str, value: float, currency: str | None, qualifier: str
) -> None:
    found = [a for a in find_amounts(text, lang="fr") if a.text == span]
    if currency is None and span == "deux cents":
        assert all(a.currency is None for a in find_amounts(text, lang="fr"))
        return
    assert len(found) == 1
    assert (found[0].value, found[0].currency, found[0].qualifier) == (value, currency, qualifier)


@pytest.mark.parametrize("text", ["le missile S-400 Triumph", "la KF-21 Boramae", "Il Sole 24 Ore"])
def test_numbers_inside_designations_are_not_counts(text: str) -> None:
    assert find_amounts(text, lang="fr") == []
