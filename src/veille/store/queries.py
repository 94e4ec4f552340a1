"""Reads over the store: item outcomes for resuming, counts, listings, corroboration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from veille.store.db import Store


def item_outcome(store: Store, key: str) -> tuple[str, str | None] | None:
    """``(status, digest)`` of an input item already seen, or None."""
    rows = store.query("SELECT status, digest FROM items WHERE key = ?", [key])
    return (rows[0]["status"], rows[0]["digest"]) if rows else None


def has_article(store: Store, article_id: str) -> bool:
    return store.scalar("SELECT 1 FROM articles WHERE id = ?", [article_id]) is not None


def unfinished_run(store: Store, job: str) -> str | None:
    """The id of a run of ``job`` that never finished (it was interrupted), if any."""
    return store.scalar(  # type: ignore[no-any-return]
        "SELECT id FROM runs WHERE job = ? AND status = 'running' ORDER BY started DESC", [job]
    )


def count_runs(store: Store, job: str) -> int:
    return int(store.scalar("SELECT count(*) FROM runs WHERE job = ?", [job]))


def job_counts(store: Store, keys_run: str) -> dict[str, int]:
    """Outcomes recorded for the items of a run."""
    rows = store.query(
        "SELECT status, count(*) AS n FROM items WHERE run_id = ? GROUP BY status", [keys_run]
    )
    return {row["status"]: row["n"] for row in rows}


@dataclass(frozen=True)
class Corroboration:
    """How many articles mention something, and how many independent groups they form."""

    articles: int
    groups: int


def corroboration(store: Store, entity_id: str) -> Corroboration:
    """Articles mentioning an entity, and syndication groups: copies count once."""
    row = store.query(
        "SELECT count(DISTINCT a.id) AS articles, count(DISTINCT a.group_id) AS groups "
        "FROM article_entities e JOIN articles a ON a.id = e.article_id WHERE e.entity_id = ?",
        [entity_id],
    )[0]
    return Corroboration(row["articles"], row["groups"])


def count_groups(store: Store, article_ids: list[str]) -> int:
    """Independent reports among articles: distinct syndication groups."""
    marks = ", ".join("?" for _ in article_ids)
    sql = f"SELECT count(DISTINCT group_id) FROM articles WHERE id IN ({marks})"
    return int(store.scalar(sql, article_ids))


def stats(store: Store) -> dict[str, Any]:
    """Counts for ``veille stats``: articles, groups, items, errors, entities, countries."""
    one = store.scalar
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "syndication_groups": one("SELECT count(*) FROM syndication_groups"),
        "grouped_copies": one("SELECT count(*) FROM articles WHERE group_id != id"),
        "urls": one("SELECT count(*) FROM article_urls"),
        "analyzed": one("SELECT count(*) FROM extractions"),
        "items": _pairs(store, "SELECT status, count(*) FROM items GROUP BY status ORDER BY 1"),
        "errors": _pairs(store, "SELECT reason, count(*) FROM errors GROUP BY reason ORDER BY 1"),
        "languages": _pairs(store, "SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY 1"),
        "entities": _pairs(
            store,
            "SELECT e.type, count(*) FROM article_entities a JOIN entities e "
            "ON e.id = a.entity_id GROUP BY e.type ORDER BY 2 DESC",
        ),
        "countries": _pairs(
            store,
            "SELECT e.country, count(DISTINCT a.article_id) FROM article_entities a "
            "JOIN entities e ON e.id = a.entity_id WHERE e.country IS NOT NULL "
            "GROUP BY e.country ORDER BY 2 DESC, 1 LIMIT 10",
        ),
    }


def _pairs(store: Store, sql: str) -> dict[str, int]:
    return {str(key): int(n) for key, n in store.db.execute(sql).fetchall()}


def list_articles(store: Store, search: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Articles, newest first; with ``search``, those matching it in title or text (FTS5)."""
    cols = "a.id, a.published, a.lang, a.outlet, a.title, a.group_id, a.chars"
    if search:
        sql = (
            f"SELECT {cols} FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        return store.query(sql, [search, limit])
    sql = f"SELECT {cols} FROM articles a ORDER BY a.published DESC, a.id LIMIT ?"
    return store.query(sql, [limit])
