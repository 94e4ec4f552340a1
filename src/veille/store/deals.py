"""Reads over merged deals and events: listings with filters, a dyad's timeline, search,
and an entity's dossier. Names given by a user resolve to stored entity ids."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from veille.errors import InputError
from veille.resolve.keys import sortable
from veille.resolve.merge import status_history
from veille.resolve.names import normalise_name
from veille.store.db import Store
from veille.store.dossiers import deal_claims_where
from veille.store.queries import corroboration

Row = dict[str, Any]
_ISO2 = re.compile(r"[A-Za-z]{2}")


def resolve_party(store: Store, text: str) -> list[str]:
    """Entity ids a user's name stands for: an ISO code, a stored id, a name or an alias."""
    text = text.strip()
    if _ISO2.fullmatch(text):
        return [f"country:{text.upper()}"]
    if store.scalar("SELECT 1 FROM entities WHERE id = ?", [text]) or ":" in text:
        return [text]
    wanted = normalise_name(text)
    rows = store.query("SELECT id, name FROM entities UNION SELECT entity_id, alias FROM aliases")
    found = sorted({r["id"] for r in rows if normalise_name(r["name"] or "") == wanted})
    if not found:
        raise InputError(f"no entity named {text!r} in the database")
    return found


def _marks(values: list[str]) -> str:
    return ", ".join("?" for _ in values)


@dataclass(frozen=True)
class DealFilter:
    """What ``veille deals`` filters on; None means any."""

    supplier: str | None = None
    recipient: str | None = None
    system: str | None = None
    status: str | None = None
    since: str | None = None
    limit: int = 100


def _party_clause(store: Store, name: str, roles: tuple[str, ...]) -> tuple[str, list[Any]]:
    ids = resolve_party(store, name)
    clause = (
        f"d.id IN (SELECT record_id FROM parties WHERE entity_id IN ({_marks(ids)}) "
        f"AND kind = 'deal' AND role IN ({_marks(list(roles))}))"
    )
    return clause, [*ids, *roles]


def _deal_where(store: Store, f: DealFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    for name, roles in ((f.supplier, ("supplier", "supplier_org")),
                        (f.recipient, ("recipient", "recipient_org"))):  # fmt: skip
        if name:
            clause, more = _party_clause(store, name, roles)
            clauses.append(clause)
            args.extend(more)
    if f.system:
        clauses.append("(d.systems LIKE ? OR d.system_ids LIKE ?)")
        args.extend([f"%{f.system}%"] * 2)
    if f.status:
        clauses.append("d.status = ?")
        args.append(f.status)
    if f.since:
        clauses.append("d.last_date >= ?")
        args.append(f.since)
    return " AND ".join(clauses) or "1", args


def list_deals(store: Store, f: DealFilter) -> list[Row]:
    """Merged deals, the most recently reported first."""
    where, args = _deal_where(store, f)
    sql = (
        "SELECT id, supplier, recipient, systems, category, status, status_date, "
        "supplier_orgs, recipient_orgs, quantities, amounts, first_date, last_date, claims, "
        f"articles, corroboration FROM deals d WHERE {where} "
        "ORDER BY d.last_date DESC, d.id LIMIT ?"
    )
    return [_decoded(r) for r in store.query(sql, [*args, f.limit])]


def list_events(
    store: Store, party: str | None = None, type_: str | None = None, limit: int = 100
) -> list[Row]:
    """Merged events, the most recent first, optionally of one party or type."""
    clauses, args = [], []
    if party:
        ids = resolve_party(store, party)
        clauses.append(
            f"e.id IN (SELECT record_id FROM parties WHERE entity_id IN ({_marks(ids)}))"
        )
        args.extend(ids)
    if type_:
        clauses.append("e.type = ?")
        args.append(type_)
    sql = (
        "SELECT id, type, participants, systems, places, modalities, first_date, last_date, "
        f"claims, articles, corroboration FROM events e WHERE {' AND '.join(clauses) or '1'} "
        "ORDER BY e.first_date DESC, e.id LIMIT ?"
    )
    return [_decoded(r) for r in store.query(sql, [*args, limit])]


def _decoded(row: Row) -> Row:
    return {k: json.loads(v) if isinstance(v, str) and v[:1] == "[" else v for k, v in row.items()}


def _dyad(store: Store, a: str, b: str, kind: str) -> tuple[str, list[Any]]:
    ids_a, ids_b = resolve_party(store, a), resolve_party(store, b)
    sub = f"SELECT record_id FROM parties WHERE kind = '{kind}' AND entity_id IN "
    sql = f"{sub}({_marks(ids_a)}) INTERSECT {sub}({_marks(ids_b)})"
    return sql, [*ids_a, *ids_b]


def timeline(store: Store, a: str, b: str) -> list[Row]:
    """A dyad's events and deal steps in date order: one row per event, one per status step."""
    rows = _event_steps(store, a, b) + _deal_steps(store, a, b)
    return sorted(rows, key=lambda r: (sortable(r["date"]), r["kind"], r["id"]))


def _event_steps(store: Store, a: str, b: str) -> list[Row]:
    sub, args = _dyad(store, a, b, "event")
    events = store.query(
        "SELECT id, type, participants, systems, first_date, claims, corroboration "
        f"FROM events WHERE id IN ({sub})",
        args,
    )
    return [
        {
            "date": e["first_date"],
            "kind": "event",
            "id": e["id"],
            "what": f"{e['type']}: {', '.join(json.loads(e['participants']))}",
            "systems": ", ".join(json.loads(e["systems"])),
            "sources": e["corroboration"],
        }
        for e in events
    ]


def _deal_steps(store: Store, a: str, b: str) -> list[Row]:
    sub, args = _dyad(store, a, b, "deal")
    out = []
    for deal_id, claims in deal_claims_where(store, f"c.deal_id IN ({sub})", args).items():
        systems = ", ".join(sorted({s for c in claims for s in c.fields.get("systems") or []}))
        for step in status_history(claims):
            out.append(
                {
                    "date": step.date,
                    "kind": "deal",
                    "id": deal_id,
                    "what": f"{step.status}",
                    "systems": systems,
                    "sources": len({s.group_id or s.article_id for s in step.sources}),
                }
            )
    return out


def search(store: Store, query: str, limit: int = 20) -> list[Row]:
    """Articles matching an FTS5 query, with a snippet and the deals and events they support."""
    sql = (
        "SELECT a.id, a.published, a.outlet, a.title, "
        "snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet, "
        "(SELECT group_concat(DISTINCT deal_id) FROM deal_claims c WHERE c.article_id = a.id) "
        "AS deals, "
        "(SELECT group_concat(DISTINCT event_id) FROM event_claims c "
        "WHERE c.article_id = a.id) AS events "
        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
    )
    try:
        cursor = store.db.conn.execute(sql, [query, limit])
    except sqlite3.OperationalError as exc:
        raise InputError(f"not a valid search query: {query!r} ({exc})") from exc
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def entity_dossier(store: Store, text: str) -> Row:
    """An entity: its names, how many articles and groups name it, its deals and events."""
    ids = resolve_party(store, text)
    entity_id = ids[0]
    rows = store.query("SELECT * FROM entities WHERE id = ?", [entity_id])
    record: Row = rows[0] if rows else {"id": entity_id, "name": entity_id}
    aliases = store.query("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY 1", [entity_id])
    seen = corroboration(store, entity_id)
    roles = store.query(
        "SELECT DISTINCT record_id, kind, role FROM parties WHERE entity_id = ? ORDER BY 2, 1, 3",
        [entity_id],
    )
    return {
        **record,
        "aliases": [r["alias"] for r in aliases],
        "articles": seen.articles,
        "corroboration": seen.groups,
        "records": roles,
    }
