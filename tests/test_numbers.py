"""French and English number words and digits to numbers."""

from __future__ import annotations

import pytest

from veille.nlp.numbers import parse_number, parse_ordinal, words_to_digits

CASES = [
    ("vingt-et-un", "fr", 21),
    ("vingt et une", "fr", 21),
    ("quatre-vingt-dix-sept", "fr", 97),
    ("quatre-vingts", "fr", 80),
    ("soixante et onze", "fr", 71),
    ("mille deux cents", "fr", 1200),
    ("deux millions", "fr", 2_000_000),
    ("un milliard vingt-cinq millions", "fr", 1_025_000_000),
    ("nonante-huit", "fr", 98),
    ("un million et demi", "fr", 1_500_000),
    ("douze virgule cinq", "fr", 12.5),
    ("1,5", "fr", 1.5),
    ("22 000 000", "fr", 22_000_000),
    ("22\u202f000\u202f000", "fr", 22_000_000),
    ("22\u00a0000\u00a0000", "fr", 22_000_000),
    ("10.000", "fr", 10_000),
    ("3.5", "en", 3.5),
    ("1,200", "en", 1200),
    ("twenty-one", "en", 21),
    ("one hundred and five", "en", 105),
    ("a hundred", "en", 100),
    ("two million", "en", 2_000_000),
]

INVALID = [
    ("vingt un", "fr"),
    ("mille mille deux cent", "fr"),
    ("soixante quinze cent", "fr"),
    ("cinq zéro", "fr"),
    ("soixante et", "fr"),
    ("mais", "fr"),
    ("", "fr"),
]


@pytest.mark.parametrize(("text", "lang", "expected"), CASES)
def test_parse_number(text: str, lang: str, expected: float) -> None:
    assert parse_number(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), INVALID)
def test_parse_number_rejects(text: str, lang: str) -> None:
    assert parse_number(text, lang) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("zéro huit", "08"), ("vingt-cinquièmes", "25èmes"), ("vingt et unième", "21ème")],
)
def test_words_to_digits(text: str, expected: str) -> None:
    assert words_to_digits(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [("premier", "fr", 1), ("3e", "fr", 3), ("vingtième", "fr", 20), ("3rd", "en", 3)],
)
def test_parse_ordinal(text: str, lang: str, expected: int) -> None:
    assert parse_ordinal(text, lang) == expected
