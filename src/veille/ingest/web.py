"""URLs through httpx: timeouts, a size limit, a user agent, and robots.txt respected.

A URL given to ``veille ingest`` is fetched by the reader; what comes back is read by
its content type (a feed gives its entries, a page one article). Feed entries whose
links are to be fetched are fetched by the workers, each with its own ``Fetcher``.
"""

from __future__ import annotations

import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from veille import __version__
from veille.ingest.feeds import FeedSource
from veille.ingest.sources import (
    MAX_BYTES,
    ItemError,
    ItemFailure,
    Kind,
    Meta,
    RawItem,
    SourceInfo,
)

USER_AGENT = f"veille/{__version__} (news research; +https://github.com/veille/veille)"
TIMEOUT_S = 10.0
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


@dataclass(frozen=True)
class Fetched:
    url: str
    content_type: str
    data: bytes


class Fetcher:
    """An HTTP client that asks robots.txt first and never reads more than ``max_bytes``."""

    def __init__(
        self,
        *,
        timeout: float = TIMEOUT_S,
        max_bytes: int = MAX_BYTES,
        user_agent: str = USER_AGENT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.client = httpx.Client(
            timeout=timeout,
            headers={"User-Agent": user_agent},
            follow_redirects=True,
            transport=transport,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's site lets veille's user agent fetch it."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        return self._robots[origin].can_fetch(self.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            response = self.client.get(f"{origin}/robots.txt")
        except httpx.HTTPError:
            parser.parse([])
            return parser
        if response.status_code in (401, 403):
            parser.parse(["User-agent: *", "Disallow: /"])
        elif response.status_code >= 400:
            parser.parse([])
        else:
            parser.parse(response.text.splitlines())
        return parser

    def fetch(self, url: str) -> Fetched:
        """The body of ``url``; failures raise ``ItemFailure`` with their reason."""
        if not self.allowed(url):
            raise ItemFailure("disallowed", f"robots.txt disallows {url}")
        try:
            with self.client.stream("GET", url) as response:
                response.raise_for_status()
                data = self._read(response)
                kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                return Fetched(str(response.url), kind, data)
        except httpx.HTTPStatusError as exc:
            raise ItemFailure("fetch_failed", f"{url}: HTTP {exc.response.status_code}") from exc
        except httpx.HTTPError as exc:
            raise ItemFailure("fetch_failed", f"{url}: {exc.__class__.__name__} {exc}") from exc

    def _read(self, response: httpx.Response) -> bytes:
        declared = int(response.headers.get("content-length") or 0)
        if declared > self.max_bytes:
            raise ItemFailure("too_large", f"{declared:,} bytes, over {self.max_bytes:,}")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise ItemFailure("too_large", f"over the limit of {self.max_bytes:,} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        self.client.close()


def looks_like_feed(content_type: str, data: bytes) -> bool:
    if content_type in FEED_TYPES[:2]:
        return True
    head = data[:1024].lstrip().lower()
    return (
        content_type in FEED_TYPES[2:]
        or head.startswith(b"<?xml")
        and (b"<rss" in data[:4096].lower() or b"<feed" in data[:4096].lower())
    )


class UrlSource:
    """A URL given on the command line: a page, or a feed and its entries."""

    def __init__(self, url: str, fetcher: Fetcher, *, fetch_links: bool = True) -> None:
        self.url = url
        self.fetcher = fetcher
        self.fetch_links = fetch_links
        self.info = SourceInfo.of("url", url)

    def items(self) -> Iterator[RawItem | ItemError]:
        try:
            fetched = self.fetcher.fetch(self.url)
        except ItemFailure as exc:
            yield ItemError(self.url, self.info, exc.reason, str(exc))
            return
        if looks_like_feed(fetched.content_type, fetched.data):
            feed = FeedSource(self.url, fetched.data, fetch_links=self.fetch_links)
            yield from feed.items()
            return
        kind: Kind = "text" if fetched.content_type == "text/plain" else "html"
        yield RawItem.of(self.url, self.info, kind, fetched.data, Meta(url=fetched.url))
