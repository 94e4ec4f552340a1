"""Exports of merged deals and events: CSV in the trade-register shape, JSONL, Parquet
(when ``pyarrow`` is installed) and GraphML (entities as nodes, deals and events as edges)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from veille.errors import InputError
from veille.resolve.merge import Merged, Source
from veille.store.db import Store
from veille.store.dossiers import merged_deal, merged_event

REGISTER_COLUMNS = (
    "supplier", "recipient", "designation", "description", "number", "order_year",
    "status", "value", "sources", "deal_id",
)  # fmt: skip
FORMATS = ("csv", "jsonl", "parquet", "graphml")


def format_amount(amount: Any) -> str:
    """``about 22,000,000 USD`` from a value object of the gold format."""
    if not isinstance(amount, dict):
        return str(amount)
    value = amount.get("value")
    shown = "–".join(f"{v:,.0f}" for v in value) if isinstance(value, list) else f"{value:,.0f}"
    words = {"approx": "about ", "more_than": "over ", "less_than": "under ", "up_to": "up to "}
    return f"{words.get(amount.get('qualifier') or '', '')}{shown} {amount.get('currency') or ''}"


def _outlets(sources: tuple[Source, ...]) -> str:
    return ", ".join(f"{s.outlet or '?'} {s.published or ''}".strip() for s in sources)


def merged_deals(store: Store) -> Iterator[Merged]:
    for row in store.query("SELECT id FROM deals ORDER BY first_date, id"):
        merged = merged_deal(store, row["id"])
        if merged is not None:
            yield merged


def merged_events(store: Store) -> Iterator[Merged]:
    for row in store.query("SELECT id FROM events ORDER BY first_date, id"):
        merged = merged_event(store, row["id"])
        if merged is not None:
            yield merged


def _order_year(deal: Merged) -> str:
    for step in deal.history:
        if step.status in ("ordered", "delivered") and step.date:
            return step.date[:4]
    return ""


def register_row(deal: Merged) -> dict[str, str]:
    """One deal as a trade-register line; conflicting values are all given, with sources."""
    values = "; ".join(
        f"{format_amount(fv.value)} ({_outlets(fv.sources)})" for fv in deal.fields["value"]
    )
    sources = {s.article_id: s for step in deal.history for s in step.sources}
    return {
        "supplier": deal.record.get("supplier") or "",
        "recipient": deal.record.get("recipient") or "",
        "designation": ", ".join(deal.record.get("systems") or []),
        "description": deal.record.get("category") or "",
        "number": " / ".join(str(v) for v in deal.values("quantity")),
        "order_year": _order_year(deal),
        "status": deal.history[-1].status if deal.history else "",
        "value": values,
        "sources": "; ".join(s.label() for s in sources.values()),
        "deal_id": deal.id,
    }


def merged_to_dict(merged: Merged) -> dict[str, Any]:
    return dataclasses.asdict(merged)


def export_csv(store: Store) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, REGISTER_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(register_row(deal) for deal in merged_deals(store))
    return out.getvalue()


def export_jsonl(store: Store) -> str:
    records = [*merged_deals(store), *merged_events(store)]
    return "".join(json.dumps(merged_to_dict(m), ensure_ascii=False) + "\n" for m in records)


def export_parquet(store: Store, path: Path) -> None:
    """The trade-register table as Parquet; needs ``pyarrow`` (``pip install pyarrow``)."""
    try:
        import pyarrow as pa  # type: ignore[import-not-found,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise InputError("--format parquet needs the pyarrow package: pip install pyarrow") from exc
    rows = [register_row(deal) for deal in merged_deals(store)]
    table = pa.table({col: [r[col] for r in rows] for col in REGISTER_COLUMNS})
    pq.write_table(table, str(path))


def _node(entity_id: str, name: str) -> str:
    return f'    <node id={quoteattr(entity_id)}><data key="name">{_text(name)}</data></node>'


def _text(value: str) -> str:
    return quoteattr(value)[1:-1]


def _edge(record: Merged, source: str, target: str) -> str:
    label = ", ".join(record.record.get("systems") or [])
    status = record.history[-1].status if record.history else record.record.get("type", "")
    data = (
        f'<data key="kind">{record.kind}</data><data key="status">{_text(str(status))}</data>'
        f'<data key="systems">{_text(label)}</data>'
        f'<data key="corroboration">{record.corroboration}</data>'
    )
    return f"    <edge id={quoteattr(record.id)} source={quoteattr(source)} target={quoteattr(target)}>{data}</edge>"  # noqa: E501


def _graph_edges(store: Store) -> list[tuple[Merged, str, str]]:
    edges = []
    for deal in merged_deals(store):
        supplier, recipient = deal.record.get("supplier"), deal.record.get("recipient")
        if supplier and recipient:
            edges.append((deal, f"country:{supplier}", f"country:{recipient}"))
    for event in merged_events(store):
        roles = store.query(
            "SELECT DISTINCT entity_id, role FROM parties WHERE record_id = ? ORDER BY 1",
            [event.id],
        )
        actors = [r["entity_id"] for r in roles if r["role"] == "actor"]
        targets = [r["entity_id"] for r in roles if r["role"] == "target"]
        edges.extend((event, a, t) for a in actors for t in targets if a != t)
    return edges


def export_graphml(store: Store) -> str:
    """Entities as nodes, deals (supplier to recipient) and events (actor to target) as edges."""
    edges = _graph_edges(store)
    ids = sorted({end for _, s, t in edges for end in (s, t)})
    names = {r["id"]: r["name"] for r in store.query("SELECT id, name FROM entities")}
    keys = [("name", "node"), ("kind", "edge"), ("status", "edge"), ("systems", "edge")]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        *(f'  <key id="{k}" for="{f}" attr.name="{k}" attr.type="string"/>' for k, f in keys),
        '  <key id="corroboration" for="edge" attr.name="corroboration" attr.type="int"/>',
        '  <graph id="veille" edgedefault="directed">',
        *(_node(i, names.get(i, i)) for i in ids),
        *(_edge(record, s, t) for record, s, t in edges),
        "  </graph>",
        "</graphml>",
    ]
    return "\n".join(lines) + "\n"
