"""Writing a commit group of ingest outcomes: a few multi-row statements per table.

The rows are exactly those that writing the items one by one would leave: an article
already stored (or earlier in the group) makes a duplicate; each new article's syndication
group is decided in input order (:meth:`SyndicationIndex.groups`); for an item key seen
twice, the later outcome wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from veille.ingest import dedup
from veille.ingest.sources import ItemError, SourceInfo
from veille.models import Article, Extraction
from veille.store.db import Store
from veille.store.records import ArticleMeta, ItemStatus, save_extraction

ARTICLE_COLUMNS = (
    *("id", "title", "text", "lang", "published", "outlet", "url", "author", "encoding"),
    *("chars", "group_id", "similarity", "source_id", "run_id"),
)
ITEM_COLUMNS = ("key", "source_id", "run_id", "digest", "status", "article_id", "reason")
ERROR_COLUMNS = ("item_key", "run_id", "source_id", "reason", "message")


@dataclass(frozen=True)
class Prepared:
    """An item made ready in a worker: its article, extraction and MinHash signature."""

    key: str
    source: SourceInfo
    digest: str | None
    article: Article
    meta: ArticleMeta
    extraction: Extraction | None
    signature: bytes | None  # None: signed when written


def _signature(item: Prepared) -> bytes:
    return dedup.signature(item.article.text) if item.signature is None else item.signature


@dataclass
class _Rows:
    """The rows a group leaves, by table; ``items`` and ``errors`` keyed by item key."""

    groups: list[tuple[str, str, str]] = field(default_factory=list)
    articles: list[tuple[Any, ...]] = field(default_factory=list)
    urls: list[tuple[str, str]] = field(default_factory=list)
    minhashes: list[tuple[str, bytes]] = field(default_factory=list)
    items: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    errors: dict[str, tuple[Any, ...] | None] = field(default_factory=dict)


class GroupWriter:
    """Writes groups of outcomes (prepared articles and item errors) to the store."""

    def __init__(self, store: Store, run_id: str, threshold: float) -> None:
        self.store = store
        self.run_id = run_id
        self.index = dedup.SyndicationIndex(store, threshold)
        self._sources: set[str] = set()

    def write(self, outcomes: Sequence[Prepared | ItemError]) -> list[ItemStatus]:
        """Write the group (uncommitted); the status of each outcome, in order."""
        self._save_sources([o.source for o in outcomes])
        statuses, new = self._statuses(outcomes)
        rows = _Rows()
        signed = [(item, _signature(item)) for item in new]
        groups = self.index.groups([(item.article.id, sig) for item, sig in signed])
        for (item, sig), group in zip(signed, groups, strict=True):
            self._article_rows(rows, item, sig, group)
        for outcome, status in zip(outcomes, statuses, strict=True):
            self._item_rows(rows, outcome, status)
        self._save(rows)
        for item in new:
            if item.extraction is not None:
                save_extraction(self.store, item.extraction, self.run_id)
        return statuses

    def _statuses(
        self, outcomes: Sequence[Prepared | ItemError]
    ) -> tuple[list[ItemStatus], list[Prepared]]:
        prepared = [o for o in outcomes if isinstance(o, Prepared)]
        seen = self._stored([item.article.id for item in prepared])
        statuses: list[ItemStatus] = []
        new: list[Prepared] = []
        for outcome in outcomes:
            if isinstance(outcome, ItemError):
                statuses.append("error")
            elif outcome.article.id in seen:
                statuses.append("duplicate")
            else:
                statuses.append("processed")
                seen.add(outcome.article.id)
                new.append(outcome)
        return statuses, new

    def _stored(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        per_query = self.store.max_params()
        for start in range(0, len(ids), per_query):
            chunk = ids[start : start + per_query]
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT id FROM articles WHERE id IN ({marks})"
            found.update(row[0] for row in self.store.rows(sql, chunk))
        return found

    def _article_rows(
        self, rows: _Rows, item: Prepared, sig: bytes, group: tuple[str, float | None]
    ) -> None:
        article, meta = item.article, item.meta
        if group[0] == article.id:
            rows.groups.append((article.id, article.id, self.run_id))
        published = article.published.isoformat() if article.published else None
        rows.articles.append((
            article.id, article.title, article.text, article.lang, published, article.outlet,
            article.url, meta.author, meta.encoding, len(article.text), group[0], group[1],
            meta.source_id, self.run_id,
        ))  # fmt: skip
        if sig:
            rows.minhashes.append((article.id, sig))

    def _item_rows(self, rows: _Rows, outcome: Prepared | ItemError, status: ItemStatus) -> None:
        key, source = outcome.key, outcome.source.id
        if isinstance(outcome, ItemError):
            reason = outcome.reason
            rows.items[key] = (key, source, self.run_id, None, status, None, reason)
            rows.errors[key] = (key, self.run_id, source, reason, outcome.message)
            return
        article = outcome.article
        if article.url:
            rows.urls.append((article.id, article.url))
        rows.items[key] = (key, source, self.run_id, outcome.digest, status, article.id, None)
        rows.errors[key] = None

    def _save(self, rows: _Rows) -> None:
        upsert = self.store.upsert_rows
        upsert("syndication_groups", ("id", "article_id", "run_id"), rows.groups, ["id"])
        upsert("articles", ARTICLE_COLUMNS, rows.articles, ["id"])
        upsert("article_urls", ("article_id", "url"), rows.urls, ["article_id", "url"])
        upsert("minhashes", ("article_id", "signature"), rows.minhashes, ["article_id"])
        self.index.save_bands(rows.minhashes)
        upsert("items", ITEM_COLUMNS, list(rows.items.values()), ["key"])
        gone = [key for key, row in rows.errors.items() if row is None]
        per_statement = self.store.max_params()
        for start in range(0, len(gone), per_statement):
            chunk = gone[start : start + per_statement]
            marks = ", ".join(["?"] * len(chunk))
            self.store.delete_where("errors", f"item_key IN ({marks})", chunk)
        errors = [row for row in rows.errors.values() if row is not None]
        upsert("errors", ERROR_COLUMNS, errors, ["item_key"])

    def _save_sources(self, sources: list[SourceInfo]) -> None:
        new = {s.id: (s.id, s.kind, s.location) for s in sources if s.id not in self._sources}
        self.store.upsert_rows("sources", ("id", "kind", "location"), list(new.values()), ["id"])
        self._sources.update(new)
