"""The records that stages exchange: frozen dataclasses, serialised to JSON.

Field and layer names follow the gold format (``shared/gold/FORMAT.md``); every
extracted item adds its character offsets into ``Article.text`` (``start``,
``end``), its ``evidence`` (the sentence that supports it), the ``extractor``
that produced it and a ``confidence``. See ``docs/schema.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

EntityType = Literal["PERSON", "ORG", "GPE", "SYSTEM"]
Qualifier = Literal["exact", "approx", "more_than", "less_than", "up_to"]
Modality = Literal["asserted", "reported", "hedged", "denied", "planned"]
DealStatus = Literal[
    "considered", "negotiating", "agreed", "ordered", "delivered", "cancelled", "denied"
]
Number = int | float
NumberOrRange = Number | tuple[Number, Number]

LAYERS = ("entities", "timexes", "amounts", "quotes", "events", "deals")


@dataclass(frozen=True)
class Extractor:
    """Who produced an item: a registered component name and its version."""

    name: str
    version: str


@dataclass(frozen=True)
class Evidence:
    """The sentence (or passage) that supports an item, with its offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One news article as veille reads it; ``id`` is a hash of its normalised text."""

    id: str
    text: str
    lang: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None

    @classmethod
    def create(
        cls,
        text: str,
        *,
        lang: str | None = None,
        published: dt.date | str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        title: str | None = None,
        id: str | None = None,
    ) -> Article:
        """Build an article, deriving its id from the text unless one is given."""
        return cls(
            id=id or article_id(text),
            text=text,
            lang=lang,
            published=parse_date(published),
            outlet=outlet,
            url=url,
            title=title,
        )


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or system, with every mention of it in the article."""

    id: str
    name: str
    type: EntityType
    kind: str | None
    country: str | None
    spans: tuple[Mention, ...]
    start: int
    end: int
    evidence: Evidence
    extractor: Extractor
    confidence: float
    kb_id: str | None = None

    @property
    def mentions(self) -> tuple[str, ...]:
        """Distinct surface forms, in order of first appearance (the gold format's list)."""
        return tuple(dict.fromkeys(span.text for span in self.spans))


@dataclass(frozen=True)
class Timex:
    """A TIMEX3-style time expression with its normalised value."""

    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    start: int
    end: int
    evidence: Evidence
    extractor: Extractor
    confidence: float
    mod: str | None = None


@dataclass(frozen=True)
class Amount:
    """A sum of money (``currency`` set) or a counted quantity (``currency`` None)."""

    text: str
    value: NumberOrRange
    currency: str | None
    qualifier: Qualifier
    start: int
    end: int
    evidence: Evidence
    extractor: Extractor
    confidence: float
    unit: str | None = None
    converts: int | None = None


@dataclass(frozen=True)
class Quote:
    """A quoted or reported passage and who it is attributed to."""

    text_start: str
    text: str
    source: str
    source_kind: str
    verb: str | None
    start: int
    end: int
    evidence: Evidence
    extractor: Extractor
    confidence: float
    via: str | None = None


@dataclass(frozen=True)
class Attribution:
    """The source a sentence is reported under, and how (see ``docs/attribution.md``).

    ``source`` is None when the publishing outlet asserts the sentence itself. ``via`` is
    the path the claim travelled, outermost first: the publishing outlet (when known),
    then each outlet that relayed it, ending with the one the source spoke to."""

    start: int
    end: int
    source: str | None
    source_kind: str | None
    via: tuple[str, ...]
    modality: Modality
    evidence: Evidence
    extractor: Extractor
    confidence: float


@dataclass(frozen=True)
class Event:
    """A typed event: who did what to whom, where, when, according to whom."""

    type: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    place: str | None
    date: str | None
    systems: tuple[str, ...]
    reported_by: tuple[str, ...]
    modality: Modality
    start: int
    end: int
    evidence: Evidence
    extractor: Extractor
    confidence: float


@dataclass(frozen=True)
class DealValue:
    """The value of a deal, as an amount object of the gold format."""

    value: NumberOrRange
    currency: str | None
    qualifier: Qualifier


@dataclass(frozen=True)
class Deal:
    """One procurement or transfer relationship, as a trade register would hold it."""

    supplier: str | None
    supplier_org: str | None
    recipient: str | None
    recipient_org: str | None
    systems: tuple[str, ...]
    category: str | None
    quantity: NumberOrRange | None
    value: DealValue | None
    status: DealStatus
    date: str | None
    reported_by: tuple[str, ...]
    hedged: bool
    start: int
    end: int
    evidence: Evidence
    extractor: Extractor
    confidence: float


@dataclass(frozen=True)
class Extraction:
    """Everything veille read in one article. ``layers`` names what was produced."""

    article: Article
    layers: tuple[str, ...]
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    amounts: tuple[Amount, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    deals: tuple[Deal, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    pipeline: tuple[Extractor, ...] = ()
    schema_version: str = SCHEMA_VERSION
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The JSON shape documented in ``docs/schema.md``."""
        return extraction_to_dict(self, include_text=include_text)


def normalise_text(text: str) -> str:
    """NFC, unified line ends and collapsed trailing spaces: what the article id hashes."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def article_id(text: str) -> str:
    """A stable id for an article: the first 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def parse_date(value: dt.date | str | None) -> dt.date | None:
    """Accept a date, an ISO 8601 string (a time part is dropped) or None."""
    if value is None or isinstance(value, dt.date):
        return value
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        from veille.errors import InputError

        raise InputError(f"not an ISO 8601 date: {value!r}") from exc


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and dates to JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, Entity):
            out["mentions"] = list(value.mentions)
        return out
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _article_to_dict(article: Article, include_text: bool) -> dict[str, Any]:
    out = _plain(article)
    if not include_text:
        del out["text"]
    return out  # type: ignore[no-any-return]


def extraction_to_dict(extraction: Extraction, *, include_text: bool = False) -> dict[str, Any]:
    """Serialise an extraction; only the produced layers appear, as in the gold format."""
    out: dict[str, Any] = {
        "schema_version": extraction.schema_version,
        "id": extraction.article.id,
        "lang": extraction.article.lang,
        "published": _plain(extraction.article.published),
        "outlet": extraction.article.outlet,
        "article": _article_to_dict(extraction.article, include_text),
        "pipeline": _plain(extraction.pipeline),
    }
    for layer in extraction.layers:
        out[layer] = _plain(getattr(extraction, layer))
    if extraction.warnings:
        out["warnings"] = list(extraction.warnings)
    return out
