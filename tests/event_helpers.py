"""The events of a sentence written in a test, analysed once and cached."""

from __future__ import annotations

from functools import lru_cache

from veille.models import Event
from veille.pipeline import analyze

PUBLISHED = "2025-06-01"


@lru_cache(maxsize=256)
def events_of(text: str, lang: str) -> tuple[Event, ...]:
    return analyze(text, lang=lang, published=PUBLISHED).events


def one(text: str, lang: str, type_: str) -> Event:
    """The first event of ``type_`` in ``text`` (the test fails when there is none)."""
    found = [e for e in events_of(text, lang) if e.type == type_]
    assert found, f"no {type_} event in {[e.type for e in events_of(text, lang)]}"
    return found[0]
