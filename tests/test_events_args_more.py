"""Event arguments (``nlp/events_args.py``): places, and participants named by description,
on sentences written here."""

from __future__ import annotations

from functools import lru_cache

from veille.models import Event
from veille.pipeline import analyze

PUBLISHED = "2025-06-01"


@lru_cache(maxsize=64)
def events_of(text: str, lang: str) -> tuple[Event, ...]:
    return analyze(text, lang=lang, published=PUBLISHED).events


def one(text: str, lang: str, type_: str) -> Event:
    found = [e for e in events_of(text, lang) if e.type == type_]
    assert found, f"no {type_} event in {[e.type for e in events_of(text, lang)]}"
    return found[0]


# -- place ---------------------------------------------------------------------------------


def test_place_named_through_a_site() -> None:
    text = "Le Mali a réceptionné quatre drones Akıncı mardi sur la base aérienne de Sévaré."
    assert one(text, "fr", "delivery").place == "Sévaré"


def test_place_of_a_camp_in_a_demonstration() -> None:
    text = "La société Thales a présenté son radar Ground Master au Maroc, au camp militaire de Benguérir."
    assert one(text, "fr", "demonstration").place == "Benguérir"


def test_place_of_the_statement_is_not_the_event_place() -> None:
    text = (
        "Colonel Ana Reyes told reporters in Cebu that the Philippine Navy had ordered "
        "two corvettes from Hyundai Heavy Industries."
    )
    assert one(text, "en", "order").place is None


def test_place_of_a_coordinated_clause_is_its_own() -> None:
    text = (
        "The Chilean Air Force has flown the F-16 since 2006 and deployed it to exercises "
        "in Natal in 2019."
    )
    assert one(text, "en", "delivery").place is None


def test_place_of_a_participle_clause_is_its_host_scene() -> None:
    text = (
        "The agreement was discussed on Monday at a reception in Hanoi, attended by "
        "Defence Minister Le Van Thanh and Indian Defence Secretary Rajesh Kumar."
    )
    assert one(text, "en", "meeting").place == "Hanoi"


def test_place_of_a_sentence_elsewhere_is_not_taken() -> None:
    text = (
        "La marine sénégalaise a admis au service, samedi à Ziguinchor, un patrouilleur "
        "commandé en 2021 au chantier Piriou."
    )
    assert one(text, "fr", "order").place is None


def test_entrusted_is_not_a_speech_verb() -> None:
    text = "La production locale, confiée à la société Bumar à Gliwice, débutera en 2028."
    assert one(text, "fr", "joint_production").place == "Gliwice"
