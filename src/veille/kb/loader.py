"""Load the knowledge base: versioned JSON Lines files in ``veille/kb/data``.

See ``docs/kb.md`` for the record shapes. Loading validates every record and raises
``KnowledgeBaseError`` naming the file and line of the first problem.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from veille.errors import KnowledgeBaseError

KB_FILES = {
    "countries": "countries.v1.jsonl",
    "organisations": "organisations.v1.jsonl",
    "companies": "companies.v1.jsonl",
    "media": "media.v1.jsonl",
    "systems": "systems.v1.jsonl",
    "cities": "cities.v1.jsonl",
}
ORG_KINDS = {"company", "government", "armed_forces", "media", "intergovernmental", "other"}
ISO2 = re.compile(r"^[A-Z]{2}$")
DEMONYM_SLOTS = ("ms", "fs", "mp", "fp")


@dataclass(frozen=True)
class Country:
    """A state: codes, names, demonyms and the place names that stand for it."""

    iso2: str
    names: dict[str, str]
    aliases: tuple[str, ...]
    demonyms_fr: dict[str, tuple[str, ...]]
    demonyms_en: tuple[str, ...]
    capital: dict[str, str]
    metonyms: tuple[str, ...]
    un_member: bool

    @property
    def id(self) -> str:
        return f"country:{self.iso2}"

    def name(self, lang: str | None) -> str:
        return self.names.get(lang or "fr") or self.names["en"]


@dataclass(frozen=True)
class City:
    """A city or town named in the news, with the state it lies in."""

    id: str
    names: dict[str, str]
    country: str
    aliases: tuple[str, ...] = ()

    def all_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.names.values(), *self.aliases)))


@dataclass(frozen=True)
class Record:
    """An organisation, company, outlet or system."""

    id: str
    type: str
    kind: str
    name: str
    country: str | None
    aliases: tuple[str, ...] = ()
    names: dict[str, str] = field(default_factory=dict)
    role: str | None = None
    parent: str | None = None
    maker: str | None = None
    lang: str | None = None

    def all_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.names.values(), *self.aliases)))


@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    """Every record of the knowledge base, with the versions of the files it came from."""

    countries: tuple[Country, ...]
    records: tuple[Record, ...]
    cities: tuple[City, ...]
    versions: dict[str, int]
    _countries_by_iso: dict[str, Country] = field(init=False, repr=False)
    _records_by_id: dict[str, Record] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_countries_by_iso", {c.iso2: c for c in self.countries})
        object.__setattr__(self, "_records_by_id", {r.id: r for r in self.records})

    def country(self, iso2: str) -> Country | None:
        return self._countries_by_iso.get(iso2)

    def record(self, record_id: str) -> Record | None:
        return self._records_by_id.get(record_id)

    def org_with_role(self, iso2: str, role: str) -> Record | None:
        """The organisation of a state with a role (``armed_forces``, ``defence_ministry``...)."""
        for record in self.records:
            if record.country == iso2 and record.role == role:
                return record
        return None


def _read_lines(filename: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each record line; check the header first."""
    try:
        text = resources.files("veille.kb").joinpath("data", filename).read_text("utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(f"knowledge-base file missing: {filename}") from exc
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KnowledgeBaseError(f"{filename}:{number}: not JSON ({exc.msg})") from exc
        if not header_seen:
            if "_meta" not in obj:
                raise KnowledgeBaseError(
                    f"{filename}:{number}: first line must be the _meta header"
                )
            header_seen = True
            continue
        yield number, obj


def _file_version(filename: str) -> int:
    match = re.search(r"\.v(\d+)\.jsonl$", filename)
    if not match:
        raise KnowledgeBaseError(f"knowledge-base file name lacks a version: {filename}")
    return int(match.group(1))


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise KnowledgeBaseError(f"{where}: expected a list of strings")
    return tuple(item for item in value if item.strip())


def _country_from(obj: dict[str, Any], where: str) -> Country:
    iso2 = obj.get("iso2", "")
    if not ISO2.match(iso2):
        raise KnowledgeBaseError(f"{where}: bad iso2 {iso2!r}")
    names = obj.get("name") or {}
    if not names.get("fr") or not names.get("en"):
        raise KnowledgeBaseError(f"{where}: name needs fr and en")
    demonyms = obj.get("demonyms") or {}
    fr = demonyms.get("fr") or {}
    demonyms_fr = {
        slot: _strings(fr.get(slot), f"{where} demonyms.fr.{slot}") for slot in DEMONYM_SLOTS
    }
    en = demonyms.get("en") or {}
    aliases = obj.get("aliases") or {}
    return Country(
        iso2=iso2,
        names={"fr": names["fr"], "en": names["en"]},
        aliases=_strings(aliases.get("fr"), where) + _strings(aliases.get("en"), where),
        demonyms_fr=demonyms_fr,
        demonyms_en=_strings(en.get("adj"), where) + _strings(en.get("people"), where),
        capital={k: v for k, v in (obj.get("capital") or {}).items() if isinstance(v, str)},
        metonyms=_strings(obj.get("metonyms"), f"{where} metonyms"),
        un_member=bool(obj.get("un_member", False)),
    )


def _city_from(obj: dict[str, Any], where: str) -> City:
    names = {k: v for k, v in (obj.get("name") or {}).items() if isinstance(v, str) and v}
    if not names or not isinstance(obj.get("id"), str):
        raise KnowledgeBaseError(f"{where}: a city needs an id and a name")
    if not ISO2.match(obj.get("country") or ""):
        raise KnowledgeBaseError(f"{where}: bad country {obj.get('country')!r}")
    return City(obj["id"], names, obj["country"], _strings(obj.get("aliases"), where))


def _record_from(obj: dict[str, Any], where: str) -> Record:
    for key in ("id", "type", "kind", "name"):
        if not isinstance(obj.get(key), str) or not obj[key]:
            raise KnowledgeBaseError(f"{where}: missing {key}")
    if obj["type"] == "ORG" and obj["kind"] not in ORG_KINDS:
        raise KnowledgeBaseError(f"{where}: unknown ORG kind {obj['kind']!r}")
    if obj["type"] not in ("ORG", "SYSTEM"):
        raise KnowledgeBaseError(f"{where}: type must be ORG or SYSTEM")
    country = obj.get("country")
    if country is not None and not ISO2.match(country):
        raise KnowledgeBaseError(f"{where}: bad country {country!r}")
    names = {k: v for k, v in (obj.get("names") or {}).items() if isinstance(v, str) and v}
    return Record(
        id=obj["id"],
        type=obj["type"],
        kind=obj["kind"],
        name=obj["name"],
        country=country,
        aliases=_strings(obj.get("aliases"), f"{where} aliases"),
        names=names,
        role=obj.get("role"),
        parent=obj.get("parent"),
        maker=obj.get("maker"),
        lang=obj.get("lang"),
    )


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """Read and validate every knowledge-base file (cached: the files ship with the package)."""
    countries = tuple(
        _country_from(obj, f"{KB_FILES['countries']}:{number}")
        for number, obj in _read_lines(KB_FILES["countries"])
    )
    records: list[Record] = []
    seen: set[str] = set()
    for key in ("organisations", "companies", "media", "systems"):
        filename = KB_FILES[key]
        for number, obj in _read_lines(filename):
            record = _record_from(obj, f"{filename}:{number}")
            if record.id in seen:
                raise KnowledgeBaseError(f"{filename}:{number}: duplicate id {record.id}")
            seen.add(record.id)
            records.append(record)
    cities = tuple(
        _city_from(obj, f"{KB_FILES['cities']}:{number}")
        for number, obj in _read_lines(KB_FILES["cities"])
    )
    versions = {key: _file_version(name) for key, name in KB_FILES.items()}
    return KnowledgeBase(
        countries=countries, records=tuple(records), cities=cities, versions=versions
    )
