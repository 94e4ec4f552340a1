"""The schema, as numbered migrations built with sqlite-utils.

``PRAGMA user_version`` holds the number of the last migration applied, and the
``migrations`` table says when each ran. A database whose version is higher than
:data:`LATEST` was written by a newer veille and is refused rather than guessed at.
Each migration runs in one transaction: a failure leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]

_SPAN = {"start": int, "end": int}
_ITEM = {
    "evidence_start": int,
    "evidence_end": int,
    "evidence": str,
    "extractor": str,
    "confidence": float,
}


def _create(
    db: sqlite_utils.Database,
    name: str,
    columns: dict[str, type],
    pk: str | tuple[str, ...],
    foreign_keys: list[tuple[str, str, str]] | None = None,
) -> None:
    db[name].create(columns, pk=pk, foreign_keys=foreign_keys or [])  # type: ignore[union-attr]


def _bookkeeping(db: sqlite_utils.Database) -> None:
    _create(
        db,
        "runs",
        {
            "id": str,
            "job": str,
            "status": str,
            "command": str,
            "inputs": str,
            "settings": str,
            "versions": str,
            "started": str,
            "finished": str,
            "seconds": float,
            "count_in": int,
            "count_processed": int,
            "count_duplicates": int,
            "count_errors": int,
            "count_resumed": int,
        },
        "id",
    )
    _create(db, "sources", {"id": str, "kind": str, "location": str}, "id")


def _articles(db: sqlite_utils.Database) -> None:
    _create(
        db, "syndication_groups", {"id": str, "article_id": str, "run_id": str}, "id",
        [("run_id", "runs", "id")],
    )  # fmt: skip
    _create(
        db,
        "articles",
        {
            "id": str,
            "title": str,
            "text": str,
            "lang": str,
            "published": str,
            "outlet": str,
            "url": str,
            "author": str,
            "encoding": str,
            "chars": int,
            "group_id": str,
            "similarity": float,
            "source_id": str,
            "run_id": str,
        },
        "id",
        [
            ("group_id", "syndication_groups", "id"),
            ("source_id", "sources", "id"),
            ("run_id", "runs", "id"),
        ],
    )
    db["articles"].enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)
    db["articles"].create_index(["group_id"])  # type: ignore[union-attr]
    _create(
        db, "article_urls", {"article_id": str, "url": str}, ("article_id", "url"),
        [("article_id", "articles", "id")],
    )  # fmt: skip
    _create(
        db, "minhashes", {"article_id": str, "signature": bytes}, "article_id",
        [("article_id", "articles", "id")],
    )  # fmt: skip
    _create(
        db, "minhash_bands", {"band": int, "bucket": int, "article_id": str},
        ("band", "bucket", "article_id"), [("article_id", "articles", "id")],
    )  # fmt: skip


def _items(db: sqlite_utils.Database) -> None:
    _create(
        db,
        "items",
        {
            "key": str,
            "source_id": str,
            "run_id": str,
            "digest": str,
            "status": str,
            "article_id": str,
            "reason": str,
        },
        "key",
        [
            ("source_id", "sources", "id"),
            ("run_id", "runs", "id"),
            ("article_id", "articles", "id"),
        ],
    )
    db["items"].create_index(["status"])  # type: ignore[union-attr]
    _create(
        db,
        "errors",
        {"item_key": str, "run_id": str, "source_id": str, "reason": str, "message": str},
        "item_key",
        [("item_key", "items", "key"), ("run_id", "runs", "id"), ("source_id", "sources", "id")],
    )


def _extractions(db: sqlite_utils.Database) -> None:
    art = [("article_id", "articles", "id")]
    _create(
        db,
        "extractions",
        {
            "article_id": str,
            "schema_version": str,
            "layers": str,
            "pipeline": str,
            "warnings": str,
            "run_id": str,
        },
        "article_id",
        [*art, ("run_id", "runs", "id")],
    )
    _create(
        db,
        "entities",
        {"id": str, "name": str, "type": str, "kind": str, "country": str, "kb_id": str},
        "id",
    )
    _create(
        db, "aliases", {"entity_id": str, "alias": str}, ("entity_id", "alias"),
        [("entity_id", "entities", "id")],
    )  # fmt: skip
    ent = [*art, ("entity_id", "entities", "id")]
    _create(
        db,
        "article_entities",
        {"article_id": str, "local_id": str, "entity_id": str, "name": str, **_SPAN, **_ITEM},
        ("article_id", "local_id"),
        ent,
    )
    _create(
        db,
        "mentions",
        {"article_id": str, **_SPAN, "text": str, "entity_id": str, "local_id": str},
        ("article_id", "start", "end"),
        ent,
    )
    db["mentions"].create_index(["entity_id"])  # type: ignore[union-attr]
    db["article_entities"].create_index(["entity_id"])  # type: ignore[union-attr]
    _layers(db, art)


def _layers(db: sqlite_utils.Database, art: list[tuple[str, str, str]]) -> None:
    span = ("article_id", "start", "end")
    timex = {"text": str, "type": str, "value": str, "mod": str}
    _create(db, "timexes", {"article_id": str, **_SPAN, **timex, **_ITEM}, span, art)
    amount = {
        "text": str,
        "value": float,
        "value_max": float,
        "currency": str,
        "qualifier": str,
        "unit": str,
        "converts": int,
    }
    _create(db, "amounts", {"article_id": str, **_SPAN, **amount, **_ITEM}, span, art)
    quote = {
        "text": str,
        "text_start": str,
        "source": str,
        "source_kind": str,
        "verb": str,
        "via": str,
    }
    _create(db, "quotes", {"article_id": str, **_SPAN, **quote, **_ITEM}, span, art)


def _minhash_v2(db: sqlite_utils.Database) -> None:
    """MinHash signatures of the vectorised scheme: stored articles are signed again."""
    from veille.ingest.dedup import reindex  # the scheme lives with ingestion

    reindex(db)


def _claims(db: sqlite_utils.Database) -> None:
    """Deals and events merged across articles, their claims, and who takes part."""
    art = [("article_id", "articles", "id")]
    claim = {"article_id": str, **_SPAN, "published": str, "sort_date": str, "date": str}
    deal: dict[str, type] = {"supplier": str, "supplier_org": str, "recipient": str}
    deal["recipient_org"] = str
    deal.update({"systems": str, "category": str, "quantity": float, "quantity_max": float})
    deal.update({"value": float, "value_max": float, "currency": str, "qualifier": str})
    deal.update({"status": str, "reported_by": str, "hedged": int})
    summary: dict[str, type] = {"first_date": str, "last_date": str, "claims": int}
    summary["articles"] = int
    summary["corroboration"] = int
    _create(
        db, "deals",
        {"id": str, "supplier": str, "recipient": str, "systems": str, "system_ids": str,
         "category": str, "status": str, "status_date": str, "supplier_orgs": str,
         "recipient_orgs": str, "quantities": str, "amounts": str, **summary},
        "id",
    )  # fmt: skip
    _create(
        db, "deal_claims", {**claim, "deal_id": str, **deal, **_ITEM},
        ("article_id", "start", "end", "deal_id"), [*art, ("deal_id", "deals", "id")],
    )  # fmt: skip
    _create(
        db, "events",
        {"id": str, "type": str, "participants": str, "systems": str, "month": str,
         "places": str, "modalities": str, **summary},
        "id",
    )  # fmt: skip
    event: dict[str, type] = {"type": str, "actors": str, "targets": str, "place": str}
    event["systems"] = str
    event.update({"reported_by": str, "modality": str})
    _create(
        db, "event_claims", {**claim, "event_id": str, **event, **_ITEM},
        ("article_id", "start", "end", "event_id"), [*art, ("event_id", "events", "id")],
    )  # fmt: skip
    _create(
        db, "parties",
        {"record_id": str, "entity_id": str, "role": str, "article_id": str, "kind": str},
        ("record_id", "entity_id", "role", "article_id"), art,
    )  # fmt: skip
    for table, columns in _CLAIM_INDEXES:
        db[table].create_index(columns)  # type: ignore[union-attr]


_CLAIM_INDEXES: tuple[tuple[str, list[str]], ...] = (
    ("deal_claims", ["deal_id", "sort_date"]),
    ("event_claims", ["event_id", "sort_date"]),
    ("parties", ["entity_id", "kind", "record_id"]),
    ("parties", ["article_id"]),
    ("deals", ["recipient", "last_date"]),
    ("deals", ["supplier", "last_date"]),
    ("deals", ["status", "last_date"]),
    ("deals", ["last_date"]),
    ("events", ["first_date"]),
)


MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("0001_bookkeeping", _bookkeeping),
    ("0002_articles", _articles),
    ("0003_items", _items),
    ("0004_extractions", _extractions),
    ("0005_minhash_v2", _minhash_v2),
    ("0006_claims", _claims),
)
LATEST = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations the database lacks, each in its own transaction."""
    applied = []
    if "migrations" not in db.table_names():
        with db.conn:
            _create(db, "migrations", {"version": int, "name": str, "applied": str}, "version")
    for version, (name, migration) in enumerate(MIGRATIONS, start=1):
        if version <= schema_version(db):
            continue
        with db.conn:
            migration(db)
            now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            db.execute(
                "INSERT INTO migrations (version, name, applied) VALUES (?, ?, ?)",
                [version, name, now],
            )
            db.execute(f"PRAGMA user_version = {version}")
        applied.append(name)
    return applied
