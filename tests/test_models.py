"""The data model: ids, dates, and the JSON contract."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from veille.errors import InputError
from veille.models import (
    SCHEMA_VERSION,
    Article,
    Entity,
    Evidence,
    Extraction,
    Extractor,
    Mention,
    article_id,
)

EXTRACTOR = Extractor("veille.test", "1")


def make_entity() -> Entity:
    spans = (Mention("Maroc", 10, 15), Mention("Rabat", 40, 45), Mention("Maroc", 60, 65))
    return Entity(
        id="e1",
        name="Maroc",
        type="GPE",
        kind="country",
        country="MA",
        spans=spans,
        start=10,
        end=15,
        evidence=Evidence(0, 30, "Le texte du Maroc."),
        extractor=EXTRACTOR,
        confidence=0.9,
        kb_id="country:MA",
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Un texte.", "Un texte.\n"),
        ("Un texte.", "Un texte.\r\n"),
        ("Un texte.", "  Un texte.  "),
        ("Caf\u00e9", "Cafe\u0301"),  # NFC and NFD spell the same text
    ],
)
def test_article_id_ignores_spacing_and_normal_form(first: str, second: str) -> None:
    assert article_id(first) == article_id(second)


def test_article_id_differs_for_different_text() -> None:
    assert article_id("Un texte.") != article_id("Un autre texte.")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-09-15", dt.date(2025, 9, 15)),
        ("2025-09-15T08:30:00Z", dt.date(2025, 9, 15)),
        (dt.date(2024, 1, 2), dt.date(2024, 1, 2)),
        (None, None),
        ("", None),
    ],
)
def test_published_dates_are_parsed(value: object, expected: dt.date | None) -> None:
    assert Article.create("x", published=value).published == expected  # type: ignore[arg-type]


def test_bad_published_date_is_an_input_error() -> None:
    with pytest.raises(InputError, match="ISO 8601"):
        Article.create("x", published="15/09/2025")


def test_entity_mentions_are_distinct_surface_forms_in_order() -> None:
    assert make_entity().mentions == ("Maroc", "Rabat")


def test_extraction_json_has_version_layers_and_item_provenance() -> None:
    article = Article.create("Le texte du Maroc.", lang="fr", published="2025-09-15")
    extraction = Extraction(article=article, layers=("entities",), entities=(make_entity(),))
    payload = json.loads(json.dumps(extraction.to_dict()))
    assert payload["schema_version"] == SCHEMA_VERSION
    assert payload["published"] == "2025-09-15"
    assert "timexes" not in payload  # a layer not produced is absent, as in the gold format
    entity = payload["entities"][0]
    assert entity["mentions"] == ["Maroc", "Rabat"]
    assert entity["spans"][1] == {"text": "Rabat", "start": 40, "end": 45}
    assert entity["extractor"] == {"name": "veille.test", "version": "1"}
    assert entity["evidence"]["text"] == "Le texte du Maroc."
    assert "text" not in payload["article"]


def test_records_are_frozen() -> None:
    entity = make_entity()
    with pytest.raises(AttributeError):
        entity.name = "Autre"  # type: ignore[misc]
