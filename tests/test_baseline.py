"""The baseline of ``veille eval --baseline``: stock spaCy NER, dateparser, a currency regex."""

from __future__ import annotations

import datetime as dt

import pytest

from veille.eval.baseline import (
    baseline_amounts,
    baseline_analyze,
    baseline_entities,
    baseline_timexes,
    format_period,
    parse_plain_number,
)


@pytest.mark.parametrize(
    ("text", "lang", "value", "currency", "surface"),
    [
        ("un contrat de 5 milliards d'euros signé", "fr", 5e9, "EUR", "5 milliards d'euros"),
        ("pour 1,8 milliard de dollars.", "fr", 1.8e9, "USD", "1,8 milliard de dollars"),
        ("un budget de 30 M€ cette année", "fr", 3e7, "EUR", "30 M€"),
        ("une enveloppe de 1 200 euros", "fr", 1200, "EUR", "1 200 euros"),
        ("a $250m deal", "en", 2.5e8, "USD", "$250m"),
        ("worth €2.3bn in total", "en", 2.3e9, "EUR", "€2.3bn"),
        ("USD 1,200 million", "en", 1.2e9, "USD", "USD 1,200 million"),
        ("about 40 million pounds", "en", 4e7, "GBP", "40 million pounds"),
        ("un contrat de 300 millions de dirhams", "fr", 3e8, "MAD", "300 millions de dirhams"),
    ],
)
def test_the_currency_regex_reads_number_scale_and_currency(
    text: str, lang: str, value: float, currency: str, surface: str
) -> None:
    (amount,) = baseline_amounts(text, lang)
    assert amount["value"] == pytest.approx(value)
    assert (amount["currency"], amount["text"], amount["qualifier"]) == (currency, surface, "exact")
    assert text[amount["start"] : amount["end"]] == surface


@pytest.mark.parametrize(
    "text", ["trois frégates et 12 drones", "en 2025, 40 % des crédits", "deux milliards"]
)
def test_the_currency_regex_ignores_plain_quantities(text: str) -> None:
    assert baseline_amounts(text, "fr") == []


@pytest.mark.parametrize(
    ("raw", "lang", "value"),
    [("1 200,5", "fr", 1200.5), ("1.200", "fr", 1200), ("1,200.5", "en", 1200.5), ("7", "en", 7)],
)
def test_plain_numbers_follow_the_language(raw: str, lang: str, value: float) -> None:
    assert parse_plain_number(raw, lang) == value


@pytest.mark.parametrize(
    ("period", "value"),
    [("year", "2025"), ("month", "2025-08"), ("week", "2025-W33"), ("day", "2025-08-13"),
     ("time", "2025-08-13"), (None, "2025-08-13")],
)  # fmt: skip
def test_dateparser_values_are_written_at_their_granularity(period: str | None, value: str) -> None:
    assert format_period(dt.datetime(2025, 8, 13, 10, 30), period) == value


def test_dates_are_found_in_order_with_offsets() -> None:
    text = "Le 13 août 2025, puis en octobre."
    found = baseline_timexes(text, "fr", dt.date(2025, 9, 1))
    assert [(t["text"], t["value"]) for t in found] == [
        ("Le 13 août 2025", "2025-08-13"),
        ("en octobre", "2025-10"),
    ]
    assert all(text[t["start"] : t["end"]] == t["text"] for t in found)


@pytest.mark.model
def test_entities_come_from_the_stock_model_without_kind_or_country() -> None:
    entities = baseline_entities("Emmanuel Macron a reçu Narendra Modi à Paris.", "fr")
    by_name = {e["name"]: e for e in entities}
    assert by_name["Paris"]["type"] == "GPE"
    assert {e["kind"] for e in entities} == {None}
    assert {e["country"] for e in entities} == {None}


@pytest.mark.model
def test_the_baseline_predicts_only_entities_timexes_and_amounts() -> None:
    predicted = baseline_analyze(
        "Rabat a commandé des drones pour 5 millions d'euros en 2024.",
        lang="fr",
        published=dt.date(2025, 1, 1),
        outlet=None,
    )
    assert set(predicted) == {"entities", "timexes", "amounts"}
