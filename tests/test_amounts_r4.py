"""Round 4 of the amount tagger: counts around designations, ranges before names, currencies."""

from __future__ import annotations

from veille.nlp.amounts import find_amounts


def _found(text: str, lang: str) -> list[tuple[str, object, str | None, str]]:
    return [(a.text, a.value, a.currency, a.qualifier) for a in find_amounts(text, lang=lang)]


def test_digits_of_a_designation_are_not_a_count() -> None:
    found = _found("The navy will buy up to 48 Tiger 500 loitering munitions.", "en")
    assert found == [("48 Tiger 500", 48, None, "up_to")]


def test_number_after_a_capitalised_name_is_no_quantity() -> None:
    assert _found("Rabat fielded its Falcon 700 drones last year.", "en") == []


def test_count_opening_a_sentence_after_a_capitalised_qualifier() -> None:
    found = _found("Roughly 200 drones were shot down. About 40 tanks were lost.", "en")
    assert [(text, value) for text, value, _, _ in found] == [("200 drones", 200), ("40 tanks", 40)]


def test_count_through_an_adjective_before_a_system_name() -> None:
    assert _found("Athens ordered three more Kestrel Mk IV drones.", "en")[0][:2] == (
        "three more Kestrel Mk IV",
        3,
    )
    assert _found("Lima recevra cinq nouveaux Condor B en mars.", "fr")[0][:2] == (
        "cinq nouveaux Condor B",
        5,
    )


def test_range_count_before_a_system_name() -> None:
    found = find_amounts("Le Chili étudie l'achat de 12 à 16 Falcon C/D d'occasion.", lang="fr")
    assert [(a.value, a.unit) for a in found] == [((12, 16), "Falcon C/D")]


def test_blocker_before_a_number_still_blocks_without_a_range() -> None:
    assert _found("Le sommet s'ouvre à 10 Downing Street.", "fr") == []


def test_peso_and_baht_amounts() -> None:
    assert _found("Manila set aside 12.5 billion pesos for radars.", "en") == [
        ("12.5 billion pesos", 12_500_000_000, "PHP", "exact")
    ]
    assert _found("Bangkok approved 7.2 billion baht for the frigate.", "en") == [
        ("7.2 billion baht", 7_200_000_000, "THB", "exact")
    ]
    assert _found("Un contrat de 3 milliards de bahts thaïlandais.", "fr")[0][1:3] == (
        3_000_000_000,
        "THB",
    )


def test_currency_words_that_are_also_english_words_only_follow_a_number() -> None:
    assert _found("Hanwha won 3 tenders last year.", "en") == []
    assert _found("The bid was worth 900 billion won.", "en")[0][1:3] == (900_000_000_000, "KRW")


def test_a_compound_adjective_is_not_a_system_name() -> None:
    assert _found("It quoted two Paris-based analysts.", "en") == []
    found = find_amounts("Cairo took nine Italian-built Orca B boats.", lang="en")
    assert [(a.text, a.value, a.unit) for a in found] == [
        ("nine Italian-built Orca B", 9, "Orca B")
    ]
