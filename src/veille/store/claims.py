"""Writing claims: one article's deal and event claims, in the writer's transaction.

An article's claims replace those it had (re-analysis), then each deal and event they
touch, before or after, has its summary recomputed from all its claims; a record left
without claims is deleted. The same extraction written twice leaves the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from veille.models import Extraction
from veille.resolve.claims import claim_rows
from veille.resolve.merge import Merged
from veille.store.db import Store
from veille.store.dossiers import merged_deal, merged_event

CLAIM_KEY = ["article_id", "start", "end"]


def _ids(store: Store, sql: str, article_id: str) -> set[str]:
    return {row["id"] for row in store.query(sql, [article_id])}


def save_claims(store: Store, extraction: Extraction) -> None:
    """Replace the article's claims and parties, and refresh the records they touch."""
    article_id = extraction.article.id
    old_deals = _ids(
        store, "SELECT deal_id AS id FROM deal_claims WHERE article_id = ?", article_id
    )
    old_events = _ids(
        store, "SELECT event_id AS id FROM event_claims WHERE article_id = ?", article_id
    )
    for table in ("deal_claims", "event_claims", "parties"):
        store.delete_where(table, "article_id = ?", [article_id])
    rows = claim_rows(extraction)
    store.upsert_all("deals", rows.deals, ["id"])
    store.upsert_all("events", rows.events, ["id"])
    store.upsert_all("deal_claims", rows.deal_claims, [*CLAIM_KEY, "deal_id"])
    store.upsert_all("event_claims", rows.event_claims, [*CLAIM_KEY, "event_id"])
    parties = [{**row, "article_id": article_id} for row in rows.parties]
    store.upsert_all("parties", parties, ["record_id", "entity_id", "role", "article_id"])
    refresh_deals(store, old_deals | {row["id"] for row in rows.deals})
    refresh_events(store, old_events | {row["id"] for row in rows.events})


def _summary(merged: Merged) -> dict[str, Any]:
    return {
        "claims": merged.claims,
        "articles": merged.articles,
        "corroboration": merged.corroboration,
        "first_date": merged.dates[0] if merged.dates else None,
        "last_date": merged.dates[-1] if merged.dates else None,
    }


def deal_summary(merged: Merged) -> dict[str, Any]:
    """The columns of ``deals`` that a listing needs, computed from the merged deal."""
    last = merged.history[-1] if merged.history else None
    row = _summary(merged)
    row.update(status=last.status if last else None, status_date=last.date if last else None)
    row.update(supplier_orgs=merged.values("supplier_org"))
    row.update(recipient_orgs=merged.values("recipient_org"))
    row.update(quantities=merged.values("quantity"), amounts=merged.values("value"))
    return row


def event_summary(merged: Merged) -> dict[str, Any]:
    """The columns of ``events`` that a listing needs, computed from the merged event."""
    row = _summary(merged)
    row.update(places=merged.values("place"), modalities=merged.values("modality"))
    return row


def refresh_deals(store: Store, deal_ids: Iterable[str]) -> None:
    """Recompute each deal's summary from its claims; delete deals left without any."""
    for deal_id in sorted(deal_ids):
        merged = merged_deal(store, deal_id)
        if merged is None or merged.claims == 0:
            store.delete_where("deals", "id = ?", [deal_id])
            continue
        store.upsert("deals", {"id": deal_id, **deal_summary(merged)}, ["id"])


def refresh_events(store: Store, event_ids: Iterable[str]) -> None:
    """Recompute each event's summary from its claims; delete events left without any."""
    for event_id in sorted(event_ids):
        merged = merged_event(store, event_id)
        if merged is None or merged.claims == 0:
            store.delete_where("events", "id = ?", [event_id])
            continue
        store.upsert("events", {"id": event_id, **event_summary(merged)}, ["id"])
