"""Time expressions: spans, types, values and modifiers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from veille.nlp.timex import TimexMatch, find_timexes

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_TEXT = SHARED / "seeds" / "seed-001.txt"
SEED_GOLD = SHARED / "gold" / "seed-001.json"
ANCHOR = dt.date(2025, 9, 15)

Case = tuple[str, str, str, str, str | None]

FRENCH: list[Case] = [
    # text, expected span, type, value, mod
    ("Ils se sont rencontrés récemment.", "récemment", "DATE", "PAST_REF", None),
    ("Début août, une délégation", "Début août", "DATE", "2025-08", "START"),
    ("fin mars 2024", "fin mars 2024", "DATE", "2024-03", "END"),
    ("à la mi-juillet", "mi-juillet", "DATE", "2025-07", "MID"),
    ("En mars dernier, une délégation", "En mars dernier", "DATE", "2025-03", None),
    ("une source a confié le 13 août", "le 13 août", "DATE", "2025-08-13", None),
    ("en novembre 2021", "novembre 2021", "DATE", "2021-11", None),
    ("l'an dernier", "l'an dernier", "DATE", "2024", None),
    ("l'année prochaine", "l'année prochaine", "DATE", "2026", None),
    ("en novembre de l'année dernière", "en novembre de l'année dernière", "DATE", "2024-11", None),
    ("la semaine prochaine", "la semaine prochaine", "DATE", "2025-W39", None),
    ("cette semaine", "cette semaine", "DATE", "2025-W38", None),
    ("le mois dernier", "le mois dernier", "DATE", "2025-08", None),
    ("il y a deux ans", "il y a deux ans", "DATE", "2023", None),
    ("hier", "hier", "DATE", "2025-09-14", None),
    ("demain matin", "demain matin", "TIME", "2025-09-16TMO", None),
    ("La réunion a eu lieu mardi.", "mardi", "DATE", "2025-09-09", None),
    ("vendredi prochain", "vendredi prochain", "DATE", "2025-09-19", None),
    ("au troisième trimestre 2021", "au troisième trimestre 2021", "DATE", "2021-Q3", None),
    ("au premier semestre 2021", "au premier semestre 2021", "DATE", "2021-H1", None),
    ("l'été 2025", "l'été 2025", "DATE", "2025-SU", None),
    ("cet été", "cet été", "DATE", "2025-SU", None),
    ("pendant trois mois", "pendant trois mois", "DURATION", "P3M", None),
    ("depuis deux ans", "depuis deux ans", "DURATION", "P2Y", None),
    ("environ une heure", "environ une heure", "DURATION", "PT1H", "APPROX"),
    ("plus de dix ans", "plus de dix ans", "DURATION", "P10Y", "MORE_THAN"),
    ("ces derniers mois", "ces derniers mois", "DURATION", "PXM", None),
    ("depuis quelques mois", "depuis quelques mois", "DURATION", "PXM", None),
    ("chaque année", "chaque année", "SET", "P1Y", None),
    ("tous les jeudis", "tous les jeudis", "SET", "XXXX-WXX-4", None),
    ("vers 21 h 45", "vers 21 h 45", "TIME", "2025-09-15T21:45", "APPROX"),
    ("les années 60", "les années 60", "DATE", "196", None),
    ("le 10 novembre 93", "le 10 novembre 93", "DATE", "1993-11-10", None),
    ("actuellement", "actuellement", "DATE", "PRESENT_REF", None),
    ("prochainement", "prochainement", "DATE", "FUTURE_REF", None),
    ("La revue est prévue le 03/11/2024.", "le 03/11/2024", "DATE", "2024-11-03", None),
    ("Publié 2024-06-07.", "2024-06-07", "DATE", "2024-06-07", None),
    ("Rendez-vous le 20 à 10h.", "le 20 à 10h", "TIME", "2025-09-20T10:00", None),
    ("Les essais auront lieu du 4 au 9 octobre.", "du 4 au 9 octobre", "DATE", "2025-10", None),
    ("Le salon ouvrira à Noël.", "Noël", "DATE", "2025-12-25", None),
    (
        "Le ministre arrivera à dix-sept heures trente.",
        "à dix-sept heures trente",
        "TIME",
        "2025-09-15T17:30",
        None,
    ),
    (
        "Le vol part à 7 heures et quart du soir.",
        "à 7 heures et quart du soir",
        "TIME",
        "2025-09-15T19:15",
        None,
    ),
    ("La frégate sera livrée d'ici 2027.", "d'ici 2027", "DATE", "2027", "BEFORE"),
    ("Les essais commenceront dès 2028.", "dès 2028", "DATE", "2028", "AFTER"),
    ("Il l'avait annoncé à la fin des années 90.", "la fin des années 90", "DATE", "199", "END"),
    (
        "Il viendra jeudi de la semaine prochaine.",
        "jeudi de la semaine prochaine",
        "DATE",
        "2025-09-25",
        None,
    ),
    ("Ils se sont vus en fin de journée.", "fin de journée", "DATE", "2025-09-15", "END"),
]

ENGLISH: list[Case] = [
    ("It happened last March.", "last March", "DATE", "2025-03", None),
    ("next year", "next year", "DATE", "2026", None),
    ("on August 13, 2025", "August 13, 2025", "DATE", "2025-08-13", None),
    ("on 13 August 2025", "13 August 2025", "DATE", "2025-08-13", None),
    ("in November 2021", "November 2021", "DATE", "2021-11", None),
    ("early August", "early August", "DATE", "2025-08", "START"),
    ("two years ago", "two years ago", "DATE", "2023", None),
    ("yesterday", "yesterday", "DATE", "2025-09-14", None),
    ("recently", "recently", "DATE", "PAST_REF", None),
    ("for three months", "for three months", "DURATION", "P3M", None),
    ("in recent months", "in recent months", "DURATION", "PXM", None),
    ("Q3 2021", "Q3 2021", "DATE", "2021-Q3", None),
    ("the first half of 2021", "the first half of 2021", "DATE", "2021-H1", None),
    ("summer 2025", "summer 2025", "DATE", "2025-SU", None),
]

TRAPS = [
    ("fr", "Le contrat a été signé par les deux parties."),
    ("fr", "Il est venu, mais sans délégation."),
    ("fr", "La sonde a atteint Mars sans encombre."),
    ("fr", "Le drone a une portée de 1 000 km."),
    ("fr", "Le pays a déployé 2 500 soldats."),
    ("fr", "Plus de 2000 soldats ont été mobilisés."),
    ("fr", "Un chauffeur de bus de 38 ans a été agressé."),
    ("en", "The ministry may sign the deal."),
    ("en", "The troops march to the border."),
    ("fr", "Appelez le 03.29.88.43.12 pour vous inscrire."),
    ("fr", "Une fillette de 6 ans a été blessée."),
]


def _only(text: str, lang: str, anchor: dt.date | None = ANCHOR) -> TimexMatch:
    found = find_timexes(text, lang=lang, anchor=anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "span", "type_", "value", "mod"), FRENCH)
def test_french(text: str, span: str, type_: str, value: str, mod: str | None) -> None:
    found = _only(text, "fr")
    assert (found.text, found.type, found.value, found.mod) == (span, type_, value, mod)
    assert text[found.start : found.end] == span


@pytest.mark.parametrize(("text", "span", "type_", "value", "mod"), ENGLISH)
def test_english(text: str, span: str, type_: str, value: str, mod: str | None) -> None:
    found = _only(text, "en")
    assert (found.text, found.type, found.value, found.mod) == (span, type_, value, mod)


@pytest.mark.parametrize(("lang", "text"), TRAPS)
def test_traps(lang: str, text: str) -> None:
    assert find_timexes(text, lang=lang, anchor=ANCHOR) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("en mars dernier", "XXXX-03"), ("le 13 août", "XXXX-08-13"), ("en novembre 2021", "2021-11")],
)
def test_without_anchor_values_stay_underspecified(text: str, value: str) -> None:
    assert _only(text, "fr", anchor=None).value == value


@pytest.mark.parametrize(
    ("tense", "value"), [("past", "2025-08-13"), ("future", "2026-08-13"), (None, "2026-08-13")]
)
def test_tense_callback_decides_the_year(tense: str | None, value: str) -> None:
    found = find_timexes(
        "le 13 août", lang="fr", anchor=dt.date(2025, 12, 31), tense_at=lambda _: tense
    )
    assert found[0].value == value


def test_clock_time_takes_the_last_day() -> None:
    text = "Un homme a été blessé mardi vers 21 h 45."
    found = find_timexes(text, lang="fr", anchor=dt.date(1999, 5, 20))
    assert [(t.text, t.value) for t in found] == [
        ("mardi", "1999-05-18"),
        ("vers 21 h 45", "1999-05-18T21:45"),
    ]


def _seed_cases() -> list[tuple[str, str, str, str | None]]:
    if not SEED_GOLD.exists():
        return []
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return [(t["text"], t["type"], t["value"], t.get("mod")) for t in gold["timexes"]]


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="shared seed absent")
@pytest.mark.parametrize("anchor", [dt.date(2025, 8, 14), ANCHOR, dt.date(2025, 12, 31)])
@pytest.mark.parametrize(("span", "type_", "value", "mod"), _seed_cases())
def test_seed_timexes(span: str, type_: str, value: str, mod: str | None, anchor: dt.date) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    start = text.index(span)
    found = [
        t
        for t in find_timexes(text, lang="fr", anchor=anchor)
        if t.start < start + len(span) and start < t.end
    ]
    assert len(found) == 1
    assert (found[0].type, found[0].value, found[0].mod) == (type_, value, mod)


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="shared seed absent")
def test_seed_has_no_extra_timex() -> None:
    found = find_timexes(SEED_TEXT.read_text(encoding="utf-8"), lang="fr", anchor=ANCHOR)
    assert len(found) == len(_seed_cases())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a été arrêté hier à 10 h.", [("hier à 10 h", "2025-09-14T10:00")]),
        ("Le feu a pris vers 15 h 30, hier.", [("vers 15 h 30, hier", "2025-09-14T15:30")]),
        (
            "Les offices ont eu lieu samedi 13 septembre, à 18 h 30.",
            [("samedi 13 septembre", "2025-09-13"), ("18 h 30", "2025-09-13T18:30")],
        ),
        (
            "Le sommet s'est tenu le 3 mars. Le lendemain, l'accord a été signé.",
            [("le 3 mars", "2025-03-03"), ("Le lendemain", "2025-03-04")],
        ),
    ],
)
def test_days_and_clock_times(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_timexes(text, lang="fr", anchor=ANCHOR)
    assert [(t.text, t.value) for t in found] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ils se sont rendus ce week-end à Brest.", "2025-W37-WE"),
        ("Il ira ce week-end.", "2025-W38-WE"),
    ],
)
def test_this_weekend_follows_the_tense(text: str, value: str) -> None:
    assert _only(text, "fr", anchor=dt.date(2025, 9, 16)).value == value


def test_a_contract_length_is_not_an_age() -> None:
    assert _only("un contrat de 10 ans", "fr").value == "P10Y"


NOW = dt.datetime(2025, 9, 15, 10, 0)  # a Monday, 10:00


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        ("jeudi en huit", "jeudi en huit", "2025-09-25", None),
        ("lundi en quinze", "lundi en quinze", "2025-09-29", None),
        ("rendez-vous l'après-midi", "l'après-midi", "2025-09-15TAF", None),
        ("en fin de matinée", "en fin de matinée", "2025-09-15TMO", "END"),
        ("tôt le matin", "tôt le matin", "2025-09-15TMO", "START"),
        ("après le dîner", "après le dîner", "2025-09-15TNI", None),
        ("dans 5 minutes", "dans 5 minutes", "2025-09-15T10:05:00", None),
        ("il y a trois heures", "il y a trois heures", "2025-09-15T07:00", None),
        ("le 3 mars à environ 8h", "le 3 mars à environ 8h", "2026-03-03T08:00", None),
    ],
)
def test_clock_anchor_and_parts_of_day(text: str, span: str, value: str, mod: str | None) -> None:
    found = find_timexes(text, lang="fr", anchor=NOW)
    assert [(t.text, t.value, t.mod) for t in found] == [(span, value, mod)]


@pytest.mark.parametrize(
    ("text", "begin", "end"),
    [
        ("les 4 prochains jours", "2025-09-16", "2025-09-19"),
        ("les deux dernières semaines", "2025-W36", "2025-W37"),
        ("3 mois suivants", "2025-10", "2025-12"),
        ("les 2 prochaines heures", "2025-09-15T11", "2025-09-15T12"),
        ("du 2 au 6 octobre", "2025-10-02", "2025-10-06"),
        ("du 20 septembre au 3 octobre", "2025-09-20", "2025-10-03"),
        ("de 10h à 12h30 mardi", "2025-09-16T10:00", "2025-09-16T12:30"),
        ("entre 11h et 2h", "2025-09-15T11:00", "2025-09-15T14:00"),
    ],
)
def test_intervals_carry_their_ends(text: str, begin: str, end: str) -> None:
    found = find_timexes(text, lang="fr", anchor=NOW)
    assert {(t.begin, t.end_value) for t in found} == {(begin, end)}


def test_a_range_keeps_two_expressions() -> None:
    found = find_timexes("du 2 au 6 octobre 2025, puis 2024", lang="fr", anchor=ANCHOR)
    assert found[-1].begin is None and found[-1].value == "2024"


TUESDAY = dt.datetime(2013, 2, 12, 4, 30)  # a Tuesday, before dawn


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("le 31 octobre", "2013-10-31"),  # no tense: the coming one
        ("12 03", "2013-03-12"),
        ("le 5 6 2015", "2015-06-05"),
        ("le 2e jour de mai", "2013-05-02"),
        ("le dernier jour de juin 2016", "2016-06-30"),
        ("la première semaine de juin 2014", "2014-W23"),
        ("la dernière semaine de mai 2014", "2014-W21"),
        ("le deuxième jeudi du mois prochain", "2013-03-14"),
        ("minuit", "2013-02-13T00:00"),  # the coming midnight
        ("2 heures du matin", "2013-02-13T02:00"),
        ("7 heures 15", "2013-02-12T07:15"),
        ("dix heures trois quarts", "2013-02-12T10:45"),
        ("le jour suivant", "2013-02-13"),
        ("dans 3 min", "2013-02-12T04:33:00"),
    ],
)
def test_duckling_style_readings(text: str, value: str) -> None:
    found = find_timexes(text, lang="fr", anchor=TUESDAY)
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize(
    "text", ["un vol de 2 heures 30", "pendant 3 heures 15", "Appelez le 06 12 34 56 78."]
)
def test_lengths_and_phone_numbers_are_not_clocks_or_dates(text: str) -> None:
    assert all(
        t.type != "TIME" and t.type != "DATE" for t in find_timexes(text, lang="fr", anchor=TUESDAY)
    )


def test_a_past_clause_keeps_the_past_date() -> None:
    found = find_timexes("Le contrat a été signé le 31 octobre.", lang="fr", anchor=TUESDAY)
    assert [t.value for t in found] == ["2012-10-31"]


WRITTEN_FORMS: list[tuple[str, str, str, str, str | None, str | None]] = [
    # text, span, type, value, begin, end (anchor 2025-09-15)
    (
        "Permanence de 2 à 4pm demain.",
        "de 2 à 4pm demain",
        "TIME",
        "2025-09-16T14:00",
        "2025-09-16T14:00",
        "2025-09-16T16:00",
    ),
    (
        "Ouvert entre 9 du matin et 5 apres-midi",
        "entre 9 du matin et 5 apres-midi",
        "TIME",
        "2025-09-15T09:00",
        "2025-09-15T09:00",
        "2025-09-15T17:00",
    ),
    (
        "Guichet 8:15 a 11 heures.",
        "8:15 a 11 heures",
        "TIME",
        "2025-09-15T08:15",
        "2025-09-15T08:15",
        "2025-09-15T11:00",
    ),
    ("Réunion 9h tous les mardis", "9h tous les mardis", "SET", "XXXX-WXX-2T09:00", None, None),
    ("Livraison fin de mercredi", "fin de mercredi", "DATE", "2025-09-17", None, None),
    ("On partira cette mars", "cette mars", "DATE", "2025-03", None, None),
    ("Un arrêt de 2,5ans", "2,5ans", "DURATION", "P2.5Y", None, None),
    ("Il a plu tout le mois", "tout le mois", "DURATION", "P1M", None, None),
    ("Arrivée 12/déc/2021", "12/déc/2021", "DATE", "2021-12-12", None, None),
    ("Envoi avant le 03.07.98", "03.07.98", "DATE", "1998-07-03", None, None),
    ("Bilan 2019-7", "2019-7", "DATE", "2019-07", None, None),
    ("Stage 30/1-2/2/2022", "30/1-2/2/2022", "DATE", "2022-01-30", "2022-01-30", "2022-02-02"),
    ("Salon octobre 8-11", "octobre 8-11", "DATE", "2025-10", "2025-10-08", "2025-10-11"),
    ("Échéance 31/4/2023", "31/4/2023", "DATE", "2023-04-31", None, None),  # as written
    ("Horodatage 21:05:42", "21:05:42", "TIME", "2025-09-15T21:05:42", None, None),
]


@pytest.mark.parametrize(("text", "span", "type_", "value", "begin", "end"), WRITTEN_FORMS)
def test_written_forms(
    text: str, span: str, type_: str, value: str, begin: str | None, end: str | None
) -> None:
    found = _only(text, "fr")
    assert (found.text, found.type, found.value) == (span, type_, value)
    assert (found.begin, found.end_value) == (begin, end)


@pytest.mark.parametrize(
    "text",
    [
        "Le score est passé de 12 à 14 points.",
        "du 13 au 18",
        "le 3 à 5h",
        "livré début octobre trois nouveaux avions",
    ],
)
def test_written_forms_traps(text: str) -> None:
    found = find_timexes(text, lang="fr", anchor=ANCHOR)
    assert all(t.type != "TIME" or t.begin is None for t in found), found
    assert all(not t.value.endswith("-03") for t in found), found
