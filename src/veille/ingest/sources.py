"""The ``Source`` protocol and what flows through ingestion.

A source (a file, a directory entry, a feed, an archive, a URL, standard input) yields
``RawItem`` objects: undecoded content with a stable ``key`` saying where it came from,
or an ``ItemError`` when an item cannot even be read. Workers turn a ``RawItem`` into a
``Document`` (decoded, extracted text and metadata); the runner makes it an ``Article``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal, Protocol

import charset_normalizer

from veille.errors import InputError

Reason = Literal[
    "unreadable",
    "empty",
    "too_large",
    "not_an_article",
    "decoding_failed",
    "fetch_failed",
    "disallowed",
    "before_since",
    "not_analyzable",
]
Kind = Literal["text", "markdown", "html", "fragment", "url"]
MAX_BYTES = 10_000_000
_WESTERN = frozenset("àâäéèêëîïôöùûüÿçœæÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇŒÆ«»‘’“”–—€…°·ñÑáíóúÁÍÓÚ\u00a0\u202f")


class ItemFailure(InputError):
    """One input item cannot become an article; ``reason`` is one of :data:`Reason`."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason: Reason = reason


@dataclass(frozen=True)
class Meta:
    """Metadata that a reader knows before extraction (a feed entry's link and date...)."""

    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    lang: str | None = None
    author: str | None = None

    def merged(self, other: Meta) -> Meta:
        """These values, with ``other``'s filling the gaps."""
        return Meta(*(getattr(self, k) or getattr(other, k) for k in _META_FIELDS))


_META_FIELDS = tuple(f.name for f in fields(Meta))


@dataclass(frozen=True)
class SourceInfo:
    id: str
    kind: str
    location: str

    @classmethod
    def of(cls, kind: str, location: str) -> SourceInfo:
        return cls(hashlib.sha256(location.encode()).hexdigest()[:16], kind, location)


@dataclass(frozen=True)
class RawItem:
    """One input item before decoding and extraction."""

    key: str
    source: SourceInfo
    kind: Kind
    data: bytes | str
    meta: Meta = Meta()
    digest: str | None = None

    @classmethod
    def of(cls, key: str, source: SourceInfo, kind: Kind, data: bytes | str, meta: Meta) -> RawItem:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        return cls(key, source, kind, data, meta, hashlib.sha256(raw).hexdigest()[:16])


@dataclass(frozen=True)
class ItemError:
    """An item that ended as an error row, and why."""

    key: str
    source: SourceInfo
    reason: Reason
    message: str


@dataclass(frozen=True)
class Document:
    """Extracted text and metadata, ready to become an ``Article``."""

    text: str
    meta: Meta
    encoding: str | None = None
    warnings: tuple[str, ...] = ()


class Source(Protocol):
    """Anything that yields input items: readers for each format implement this."""

    info: SourceInfo

    def items(self) -> Iterator[RawItem | ItemError]: ...


def read_limited(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of a file, refusing files over ``max_bytes`` before reading them."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise ItemFailure("too_large", f"{size:,} bytes, over the limit of {max_bytes:,}")
            return handle.read()
    except OSError as exc:
        raise ItemFailure("unreadable", f"cannot read {path}: {exc.strerror}") from exc


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``: UTF-8 when valid, else Western European when it reads as such
    (veille reads French and English news), else what charset-normalizer detects."""
    if b"\x00" in data[:8192]:
        raise ItemFailure("decoding_failed", "binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        return western
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ItemFailure("decoding_failed", "not UTF-8, and no text encoding fits the bytes")
    return str(best), best.encoding


def _western(data: bytes) -> tuple[str, str] | None:
    """Windows-1252 (``latin_1`` when no byte differs) if the text reads as French or English."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    foreign = [c for c in text if ord(c) > 127]
    if sum(c in _WESTERN for c in foreign) < 0.9 * len(foreign):
        return None
    plain_latin = not any(0x80 <= b <= 0x9F for b in data)
    return text, "latin_1" if plain_latin else "cp1252"


def check_size(data: bytes | str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise ItemFailure("too_large", f"{len(data):,} bytes, over the limit of {max_bytes:,}")
