"""The events of a sentence written in a test: analysed once and cached (``events_of``,
``deals_of``, ``one``), or as the events component finds them in a session pipeline (``events``,
``of_type``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from veille.models import Deal, Event, Extraction
from veille.nlp.events_records import EventFinding
from veille.pipeline import analyze

PUBLISHED = "2025-06-01"


@lru_cache(maxsize=256)
def _analysis(text: str, lang: str) -> Extraction:
    return analyze(text, lang=lang, published=PUBLISHED)


def events_of(text: str, lang: str) -> tuple[Event, ...]:
    return _analysis(text, lang).events


def deals_of(text: str, lang: str) -> tuple[Deal, ...]:
    return _analysis(text, lang).deals


def one(text: str, lang: str, type_: str) -> Event:
    """The first event of ``type_`` in ``text`` (the test fails when there is none)."""
    found = [e for e in events_of(text, lang) if e.type == type_]
    assert found, f"no {type_} event in {[e.type for e in events_of(text, lang)]}"
    return found[0]


def events(nlp: Any, text: str) -> list[EventFinding]:
    """The events component's findings for ``text`` (no publication date: XXXX years)."""
    found: list[EventFinding] = nlp(text)._.veille_events
    return found


def of_type(nlp: Any, text: str, type_: str) -> list[EventFinding]:
    return [e for e in events(nlp, text) if e.type == type_]
