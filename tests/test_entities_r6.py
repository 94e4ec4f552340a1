"""Entity candidates from context: a capitalised function word before a description is no
name; the place of a base is a city (invented sentences and names)."""

from __future__ import annotations

import pytest

from veille import analyze

PUBLISHED = "2025-06-01"


@pytest.mark.parametrize("opening", ["Enfin", "Ensuite", "Toutefois", "Par ailleurs"])
def test_an_opening_adverb_before_a_company_description_is_no_company(opening: str) -> None:
    text = (
        f"{opening}, la société norvégienne Fjordmek Systems a livré douze radars mobiles "
        "à la Lituanie, selon le ministère lituanien de la Défense."
    )
    names = [m for e in analyze(text, lang="fr", published=PUBLISHED).entities for m in e.mentions]
    assert opening not in names and opening.split()[-1] not in names
    assert any("Fjordmek" in name for name in names)


def test_a_name_before_a_company_description_is_still_a_company() -> None:
    text = "Fjordmek Systems, la société norvégienne, a livré douze radars mobiles à la Lituanie."
    entities = analyze(text, lang="fr", published=PUBLISHED).entities
    company = next(e for e in entities if any("Fjordmek" in m for m in e.mentions))
    assert (company.type, company.kind) == ("ORG", "company")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Les chasseurs sont stationnés sur la base aérienne de Bou Sfer depuis mai.", "Bou Sfer"),
        ("La frégate a rejoint la base navale de Sidi Kerrou après ses essais.", "Sidi Kerrou"),
    ],
)
def test_the_place_of_a_base_is_a_city_not_a_person(text: str, name: str) -> None:
    entities = analyze(text, lang="fr", published=PUBLISHED).entities
    place = next(e for e in entities if name in e.mentions)
    assert (place.type, place.kind) == ("GPE", "city")
