"""WARC and ARC archives through warcio, streamed record by record.

Items are the ``response`` records whose payload is HTML; other records (requests,
metadata, images) are not articles and are passed over. A record is never read past
``max_bytes``, so memory stays flat whatever the archive's size. A truncated or corrupt
archive ends with an error item where it breaks; the records before it count.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from veille.ingest.sources import ItemError, Meta, RawItem, SourceInfo

HTML_TYPES = ("text/html", "application/xhtml")


class WarcSource:
    """The HTML response records of a WARC or ARC file (gzipped or not)."""

    def __init__(self, path: Path, max_bytes: int) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.info = SourceInfo.of("warc", str(path))

    def items(self) -> Iterator[RawItem | ItemError]:
        offset = 0
        try:
            with self.path.open("rb") as stream:
                records = ArchiveIterator(stream, arc2warc=True)
                for record in records:
                    item = self._item(record)
                    offset = records.get_record_offset()  # after reading: it reads to the end
                    if item is not None:
                        yield _keyed(item, f"{self.path}#{offset}")
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
            yield ItemError(
                f"{self.path}#{offset}", self.info, "unreadable",
                f"truncated or corrupt archive after byte {offset} ({exc})",
            )  # fmt: skip

    def _item(self, record: Any) -> RawItem | ItemError | None:
        if record.rec_type != "response" or not _is_html(record):
            return None
        key = ""  # set by the caller once the record's offset is known
        if (record.length or 0) > self.max_bytes:
            message = f"record of {record.length:,} bytes, over the limit of {self.max_bytes:,}"
            return ItemError(key, self.info, "too_large", message)
        payload = record.content_stream().read(self.max_bytes + 1)
        if getattr(record.raw_stream, "limit", 0) > 0:
            return ItemError(key, self.info, "unreadable", "truncated record")
        url = record.rec_headers.get_header("WARC-Target-URI")
        return RawItem.of(key, self.info, "html", payload, Meta(url=url))


def _keyed(item: RawItem | ItemError, key: str) -> RawItem | ItemError:
    return dataclasses.replace(item, key=key)


def _is_html(record: Any) -> bool:
    headers = record.http_headers
    kind = (headers.get_header("Content-Type") if headers else None) or "text/html"
    return kind.split(";")[0].strip().lower() in HTML_TYPES
