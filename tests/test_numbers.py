"""French and English number words and digits to numbers."""

from __future__ import annotations

import pytest

from veille.nlp.alpha2digit import alpha2digit
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


A2D_CASES = [
    ("Trois frégates et quarante-deux Rafale.", 2, "3 frégates et 42 Rafale."),
    ("Il a commandé deux mille trois cent douze obus.", 2, "Il a commandé 2312 obus."),
    ("soixante et onze blindés", 2, "71 blindés"),
    ("vingt trois", 2, "23"),
    ("vingt deux trois", 2, "22 3"),
    ("trente-un", 2, "trente-un"),
    ("cent mille quarante-mille", 2, "100000 40000"),
    ("la quarante-troisième brigade", 2, "la 43ème brigade"),
    ("le premier contrat, le onzième", 2, "le premier contrat, le 11ème"),
    ("les trois cents premiers drones", 2, "les 300 premiers drones"),
    ("un dixième du budget", 2, "un 10ème du budget"),
    ("un centième du budget", 2, "un 100ème du budget"),
    ("sept virgule deux pour cent", 2, "7,2 pour cent"),
    ("zéro virgule zéro trois", 2, "0,03"),
    ("il dit virgule trois", 0, "il dit virgule 3"),
    ("appelez le zéro quatre douze", 2, "appelez le 04 12"),
    ("la température chute à moins douze", 2, "la température chute à -12"),
    ("onze moins quatre", 2, "11 moins 4"),
    ("au moins quatre navires", 2, "au moins 4 navires"),
    ("un navire neuf", 7, "un navire neuf"),
    ("un navire neuf", 0, "1 navire 9"),
    ("l'un des deux", 0, "l'un des 2"),
    ("le quai numéro neuf", 7, "le quai numéro 9"),
    ("le neuf mars", 7, "le 9 mars"),
    ("un, deux", 7, "1, 2"),
    ("quatre navires", 7, "quatre navires"),
    ("quatre cinq navires", 7, "4 5 navires"),
    ("une seconde", 7, "une seconde"),
    ("Douze", 7, "12"),
    ("zéro", 7, "zéro"),
    ("zéro", 0, "0"),
]


@pytest.mark.parametrize(("text", "threshold", "expected"), A2D_CASES)
def test_alpha2digit(text: str, threshold: float, expected: str) -> None:
    assert alpha2digit(text, "fr", threshold) == expected


def test_alpha2digit_unsigned() -> None:
    assert alpha2digit("il fait moins douze", "fr", signed=False) == "il fait moins 12"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("twenty-one ships and one hundred and five tanks", "21 ships and 105 tanks"),
        ("three point five", "3.5"),
    ],
)
def test_alpha2digit_english(text: str, expected: str) -> None:
    assert alpha2digit(text, "en") == expected
