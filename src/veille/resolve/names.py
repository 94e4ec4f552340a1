"""Canonical entity ids: the knowledge-base id when there is one, else type and name.

Names are compared in a normal form (case, accents, apostrophes and spacing folded), so
*Forces Armées Royales* in one outlet and *forces armées royales* in another are one entity.
A participant named by an ISO country code (how events and deals name states) resolves to
the country's knowledge-base id, ``country:XX``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from veille.models import Entity

_SPACES = re.compile(r"\s+")
_ISO2 = re.compile(r"[A-Z]{2}")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "–": "-", "—": "-"})


def normalise_name(name: str) -> str:
    """Casefolded, without accents, with one kind of apostrophe and single spaces."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", plain).strip().casefold()


def entity_id(kb_id: str | None, type_: str, name: str) -> str:
    """The entity's id across articles: its knowledge-base id, else ``TYPE:normal name``."""
    return kb_id or f"{type_}:{normalise_name(name)}"


def id_of_entity(entity: Entity) -> str:
    return entity_id(entity.kb_id, entity.type, entity.name)


def name_index(entities: Iterable[Entity]) -> dict[str, str]:
    """Normal form of every name and mention of an article's entities, to the entity's id."""
    index: dict[str, str] = {}
    for entity in entities:
        key = id_of_entity(entity)
        for surface in (entity.name, *entity.mentions):
            index.setdefault(normalise_name(surface), key)
    return index


def party_id(name: str, index: Mapping[str, str], type_: str = "ORG") -> str:
    """A participant (an ISO code or a name) to its canonical id."""
    if _ISO2.fullmatch(name):
        return f"country:{name}"
    return index.get(normalise_name(name)) or entity_id(None, type_, name)


def country_code(party: str) -> str | None:
    """``country:XX`` to ``XX``; None for other ids."""
    return party.removeprefix("country:") if party.startswith("country:") else None
