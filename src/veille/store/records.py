"""What veille writes: articles, item outcomes, runs and extractions, as upserts.

Every function takes the :class:`~veille.store.db.Store` (the one writer) and writes
rows keyed by stable ids; none commits, the caller groups writes with ``Store.commit``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from veille.models import Amount, Article, Entity, Extraction, Quote, Timex
from veille.resolve.claims import span_columns
from veille.resolve.names import entity_id
from veille.store.claims import save_claims
from veille.store.db import Store

ItemStatus = Literal["processed", "duplicate", "error"]
CHILD_TABLES = ("article_entities", "mentions", "timexes", "amounts", "quotes")


@dataclass(frozen=True)
class ArticleMeta:
    """What the store keeps about an article beyond ``Article``: where and how it was read."""

    author: str | None = None
    encoding: str | None = None
    source_id: str | None = None


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def save_source(store: Store, source_id: str, kind: str, location: str) -> None:
    store.upsert("sources", {"id": source_id, "kind": kind, "location": location}, ["id"])


def start_run(store: Store, run_id: str, job: str, fields: Mapping[str, Any]) -> None:
    row = {"id": run_id, "job": job, "status": "running", "started": now(), **fields}
    store.upsert("runs", row, ["id"])


def finish_run(store: Store, run_id: str, status: str, counts: Mapping[str, int]) -> None:
    started = store.scalar("SELECT started FROM runs WHERE id = ?", [run_id])
    seconds = (dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(started)).total_seconds()
    row: dict[str, Any] = {"id": run_id, "status": status, "finished": now(), "seconds": seconds}
    row.update({f"count_{key}": value for key, value in counts.items()})
    store.upsert("runs", row, ["id"])


def save_article(
    store: Store,
    article: Article,
    meta: ArticleMeta,
    run_id: str,
    group: tuple[str, float | None],
) -> None:
    """Insert a new article, its URL and its syndication group."""
    group_id, similarity = group
    if group_id == article.id:
        store.upsert(
            "syndication_groups", {"id": group_id, "article_id": article.id, "run_id": run_id},
            ["id"],
        )  # fmt: skip
    row = {
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "lang": article.lang,
        "published": article.published.isoformat() if article.published else None,
        "outlet": article.outlet,
        "url": article.url,
        "author": meta.author,
        "encoding": meta.encoding,
        "chars": len(article.text),
        "group_id": group_id,
        "similarity": similarity,
        "source_id": meta.source_id,
        "run_id": run_id,
    }
    store.upsert("articles", row, ["id"])
    add_url(store, article.id, article.url)


def add_url(store: Store, article_id: str, url: str | None) -> None:
    if url:
        store.upsert("article_urls", {"article_id": article_id, "url": url}, ["article_id", "url"])


def record_item(
    store: Store,
    key: str,
    source_id: str,
    run_id: str,
    outcome: tuple[ItemStatus, str | None, str | None],
    digest: str | None,
) -> None:
    """The outcome of one input item: processed, duplicate (of an article) or error."""
    status, article_id, reason = outcome
    row = {
        "key": key,
        "source_id": source_id,
        "run_id": run_id,
        "digest": digest,
        "status": status,
        "article_id": article_id,
        "reason": reason,
    }
    store.upsert("items", row, ["key"])
    if status != "error":
        store.delete_where("errors", "item_key = ?", [key])


def record_error(
    store: Store, key: str, source_id: str, run_id: str, reason: str, message: str
) -> None:
    record_item(store, key, source_id, run_id, ("error", None, reason), None)
    row = {
        "item_key": key,
        "run_id": run_id,
        "source_id": source_id,
        "reason": reason,
        "message": message,
    }
    store.upsert("errors", row, ["item_key"])


# -- extractions ---------------------------------------------------------------------------


def entity_key(entity: Entity) -> str:
    """The entity's id across articles: its knowledge-base id, else type and normal name."""
    return entity_id(entity.kb_id, entity.type, entity.name)


def _save_entity(store: Store, article_id: str, entity: Entity) -> None:
    key = entity_key(entity)
    store.upsert(
        "entities",
        {
            "id": key,
            "name": entity.name,
            "type": entity.type,
            "kind": entity.kind,
            "country": entity.country,
            "kb_id": entity.kb_id,
        },
        ["id"],
    )
    for alias in entity.mentions:
        store.upsert("aliases", {"entity_id": key, "alias": alias}, ["entity_id", "alias"])
    row = span_columns(article_id, entity.start, entity.end, entity.evidence)
    row.update(local_id=entity.id, entity_id=key, name=entity.name)
    row.update(extractor=_extractor(entity), confidence=entity.confidence)
    store.upsert("article_entities", row, ["article_id", "local_id"])
    for span in entity.spans:
        mention = {"article_id": article_id, "start": span.start, "end": span.end}
        mention.update(text=span.text, entity_id=key, local_id=entity.id)
        store.upsert("mentions", mention, ["article_id", "start", "end"])


def _extractor(item: Entity | Timex | Amount | Quote) -> str:
    return f"{item.extractor.name}@{item.extractor.version}"


def _timex_row(article_id: str, timex: Timex) -> dict[str, Any]:
    row = span_columns(article_id, timex.start, timex.end, timex.evidence)
    row.update(text=timex.text, type=timex.type, value=timex.value, mod=timex.mod)
    row.update(extractor=_extractor(timex), confidence=timex.confidence)
    return row


def _amount_row(article_id: str, amount: Amount) -> dict[str, Any]:
    low, high = amount.value if isinstance(amount.value, tuple) else (amount.value, None)
    row = span_columns(article_id, amount.start, amount.end, amount.evidence)
    row.update(text=amount.text, value=low, value_max=high, currency=amount.currency)
    row.update(qualifier=amount.qualifier, unit=amount.unit, converts=amount.converts)
    row.update(extractor=_extractor(amount), confidence=amount.confidence)
    return row


def _quote_row(article_id: str, quote: Quote) -> dict[str, Any]:
    row = span_columns(article_id, quote.start, quote.end, quote.evidence)
    row.update(text=quote.text, text_start=quote.text_start, source=quote.source)
    row.update(source_kind=quote.source_kind, verb=quote.verb, via=quote.via)
    row.update(extractor=_extractor(quote), confidence=quote.confidence)
    return row


def save_extraction(store: Store, extraction: Extraction, run_id: str) -> None:
    """Replace what is stored of the article's extraction with this one."""
    article_id = extraction.article.id
    for table in CHILD_TABLES:
        store.delete_where(table, "article_id = ?", [article_id])
    store.upsert(
        "extractions",
        {
            "article_id": article_id,
            "schema_version": extraction.schema_version,
            "layers": list(extraction.layers),
            "pipeline": [dataclasses.asdict(x) for x in extraction.pipeline],
            "warnings": list(extraction.warnings),
            "run_id": run_id,
        },
        ["article_id"],
    )
    for entity in extraction.entities:
        _save_entity(store, article_id, entity)
    span = ["article_id", "start", "end"]
    store.upsert_all("timexes", [_timex_row(article_id, t) for t in extraction.timexes], span)
    store.upsert_all("amounts", [_amount_row(article_id, a) for a in extraction.amounts], span)
    store.upsert_all("quotes", [_quote_row(article_id, q) for q in extraction.quotes], span)
    save_claims(store, extraction)
