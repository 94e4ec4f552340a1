"""Merged deals and events read back from their claims (see ``docs/deals.md``).

Every claim row is joined with its article (outlet, date, URL, syndication group) and
handed to :func:`veille.resolve.merge.merge`, which keeps every value with its sources.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from veille.resolve.merge import Claim, Merged, Source, merge
from veille.store.db import Store

DEAL_FIELDS = (
    "supplier",
    "supplier_org",
    "recipient",
    "recipient_org",
    "systems",
    "category",
    "quantity",
    "value",
    "date",
    "reported_by",
)
EVENT_FIELDS = ("type", "actors", "targets", "place", "date", "systems", "modality", "reported_by")
_SOURCE_COLS = (
    "c.*, a.outlet AS a_outlet, a.url AS a_url, a.title AS a_title, a.group_id AS a_group"
)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) and value[:1] in "[{" else value


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _number_or_range(low: Any, high: Any) -> Any:
    return _number(low) if high is None else [_number(low), _number(high)]


def _source(row: Mapping[str, Any]) -> Source:
    return Source(
        article_id=row["article_id"],
        outlet=row["a_outlet"],
        published=row["published"],
        url=row["a_url"],
        title=row["a_title"],
        group_id=row["a_group"],
        start=row["evidence_start"],
        end=row["evidence_end"],
        evidence=row["evidence"],
        reported_by=tuple(_json(row["reported_by"]) or ()),
        hedged=bool(row.get("hedged")),
    )


def _deal_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    fields = {name: _json(row[name]) for name in DEAL_FIELDS if name in row}
    fields["quantity"] = _number_or_range(row["quantity"], row["quantity_max"])
    if row["value"] is not None:
        amount = _number_or_range(row["value"], row["value_max"])
        fields["value"] = {
            "value": amount,
            "currency": row["currency"],
            "qualifier": row["qualifier"],
        }
    return fields


def _deal_claim(row: Mapping[str, Any]) -> Claim:
    return Claim(_source(row), _deal_fields(row), row["status"], row["date"], row["sort_date"])


def deal_claims_where(store: Store, where: str, args: Sequence[Any]) -> dict[str, list[Claim]]:
    """Claims of the deals ``where`` selects (over ``c``, the claims), by deal id."""
    rows = store.query(
        f"SELECT {_SOURCE_COLS} FROM deal_claims c JOIN articles a ON a.id = c.article_id "
        f"WHERE {where}",
        args,
    )
    out: dict[str, list[Claim]] = {}
    for row in rows:
        out.setdefault(row["deal_id"], []).append(_deal_claim(row))
    return out


def deal_claims(store: Store, deal_id: str) -> list[Claim]:
    return deal_claims_where(store, "c.deal_id = ?", [deal_id]).get(deal_id, [])


def event_claims(store: Store, event_id: str) -> list[Claim]:
    rows = store.query(
        f"SELECT {_SOURCE_COLS} FROM event_claims c JOIN articles a ON a.id = c.article_id "
        "WHERE c.event_id = ?",
        [event_id],
    )
    return [
        Claim(
            _source(r),
            {name: _json(r[name]) for name in EVENT_FIELDS},
            None,
            r["date"],
            r["sort_date"],
        )
        for r in rows
    ]


def _record(store: Store, table: str, record_id: str) -> dict[str, Any] | None:
    rows = store.query(f"SELECT * FROM [{table}] WHERE id = ?", [record_id])
    return {k: _json(v) for k, v in rows[0].items()} if rows else None


def merged_deal(store: Store, deal_id: str) -> Merged | None:
    """The deal as all its claims give it, or None when no such deal is stored."""
    record = _record(store, "deals", deal_id)
    if record is None:
        return None
    return merge(deal_id, "deal", record, deal_claims(store, deal_id), DEAL_FIELDS)


def merged_event(store: Store, event_id: str) -> Merged | None:
    """The event as all its claims give it, or None when no such event is stored."""
    record = _record(store, "events", event_id)
    if record is None:
        return None
    return merge(event_id, "event", record, event_claims(store, event_id), EVENT_FIELDS)
