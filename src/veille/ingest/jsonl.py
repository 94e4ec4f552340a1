"""JSON lines: one article per line, through a documented field mapping.

By default a line's fields are read under these names (the first present wins):

============  =============================================
veille field  JSON keys
============  =============================================
text          ``text``, ``body``, ``content``
html          ``html``, ``raw_html`` (extracted like a page)
title         ``title``, ``headline``
url           ``url``, ``link``
published     ``published``, ``date``, ``published_at``
outlet        ``outlet``, ``source``, ``site_name``, ``sitename``
lang          ``lang``, ``language``
author        ``author``
============  =============================================

``--map FIELD=KEY`` (``mapping`` here) replaces the keys of a field with one key.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from veille.ingest.sources import ItemError, Meta, RawItem, SourceInfo

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at"),
    "outlet": ("outlet", "source", "site_name", "sitename"),
    "lang": ("lang", "language"),
    "author": ("author",),
}

META_FIELDS = ("url", "title", "published", "outlet", "lang", "author")


def field_mapping(overrides: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The default mapping with ``FIELD=KEY`` overrides applied."""
    fields = dict(DEFAULT_FIELDS)
    for name, key in overrides.items():
        if name not in fields:
            raise ValueError(f"unknown field {name!r}; fields are {', '.join(fields)}")
        fields[name] = (key,)
    return fields


class JsonlSource:
    """The lines of a JSONL stream (a file, or standard input)."""

    def __init__(
        self,
        location: str,
        open_stream: Any,
        fields: Mapping[str, tuple[str, ...]],
        max_bytes: int,
    ) -> None:
        self.location = location
        self.open_stream = open_stream
        self.fields = fields
        self.max_bytes = max_bytes
        self.info = SourceInfo.of("jsonl", location)

    def items(self) -> Iterator[RawItem | ItemError]:
        try:
            stream: IO[bytes] = self.open_stream()
        except OSError as exc:
            yield ItemError(self.location, self.info, "unreadable", f"cannot read: {exc}")
            return
        with stream:
            for number, line in enumerate(stream, start=1):
                if line.strip():
                    yield self._item(f"{self.location}#{number}", number, line)

    def _item(self, key: str, number: int, line: bytes) -> RawItem | ItemError:
        if len(line) > self.max_bytes:
            return ItemError(key, self.info, "too_large", f"line {number} is {len(line):,} bytes")
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            return ItemError(key, self.info, "unreadable", f"line {number} is not JSON ({exc})")
        if not isinstance(record, dict):
            return ItemError(key, self.info, "unreadable", f"line {number} is not a JSON object")
        value = {name: _first(record, keys) for name, keys in self.fields.items()}
        meta = Meta(**{name: _text(value[name]) for name in META_FIELDS})
        if isinstance(value["text"], str) and value["text"].strip():
            return RawItem.of(key, self.info, "text", value["text"], meta)
        if isinstance(value["html"], str) and value["html"].strip():
            return RawItem.of(key, self.info, "html", value["html"], meta)
        return ItemError(key, self.info, "empty", f"line {number} has no text")


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[k] for k in keys if record.get(k) not in (None, "")), None)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
