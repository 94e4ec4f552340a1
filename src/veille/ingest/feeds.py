"""RSS and Atom through feedparser: one item per entry, with its link, title and date.

An entry's full article is its ``content`` when the feed carries it; otherwise its
link is fetched when ``fetch_links`` is on, else its summary is what there is.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from veille.ingest.sources import (
    ItemError,
    Meta,
    RawItem,
    SourceInfo,
)


class FeedSource:
    """The entries of an RSS or Atom document (read from a file or fetched)."""

    def __init__(self, location: str, data: bytes, *, fetch_links: bool = False) -> None:
        self.location = location
        self.data = data
        self.fetch_links = fetch_links
        self.info = SourceInfo.of("feed", location)

    def items(self) -> Iterator[RawItem | ItemError]:
        try:
            parsed = feedparser.parse(self.data)
        except (ValueError, TypeError) as exc:  # feedparser rarely raises; map it anyway
            yield ItemError(self.location, self.info, "unreadable", f"feed not parsed ({exc})")
            return
        entries = list(parsed.entries)
        if not entries:
            yield self._no_entries(parsed)
            return
        channel = _channel_meta(parsed.feed)
        broken = f"invalid feed XML ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        for index, entry in enumerate(entries):
            yield self._entry_item(index, entry, channel, broken)

    def _no_entries(self, parsed: Any) -> ItemError:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            return ItemError(
                self.location, self.info, "unreadable", f"invalid feed XML ({problem})"
            )
        return ItemError(self.location, self.info, "empty", "the feed has no entries")

    def _entry_item(
        self, index: int, entry: Any, channel: Meta, broken: str
    ) -> RawItem | ItemError:
        key = f"{self.location}#{entry.get('id') or entry.get('link') or index}"
        meta = _entry_meta(entry).merged(channel)
        content = entry.get("content") or []
        html = "\n".join(part.get("value", "") for part in content).strip()
        if html:
            return RawItem.of(key, self.info, "fragment", html, meta)
        if self.fetch_links and meta.url:
            return RawItem.of(key, self.info, "url", meta.url, meta)
        summary = (entry.get("summary") or "").strip()
        if summary:
            return RawItem.of(key, self.info, "fragment", summary, meta)
        if broken:
            return ItemError(key, self.info, "unreadable", broken)
        return ItemError(key, self.info, "empty", "the entry has no content, summary or link")


def _date(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()


def _entry_meta(entry: Any) -> Meta:
    return Meta(
        url=entry.get("link"),
        title=entry.get("title"),
        published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        author=entry.get("author"),
    )


def _channel_meta(feed: Any) -> Meta:
    lang = (feed.get("language") or "")[:2].lower() or None
    return Meta(outlet=feed.get("title"), lang=lang)
