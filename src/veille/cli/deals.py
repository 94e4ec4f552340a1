"""``veille deals``, ``events``, ``timeline``, ``search``, ``show`` and ``export``: thin
shells over ``veille.store.deals``, ``veille.store.dossiers`` and ``veille.store.export``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from veille.cli.ingest import DEFAULT_DB, reading
from veille.cli.output import format_option, render
from veille.errors import InputError
from veille.store import Store, deals, export
from veille.store.dossiers import merged_deal, merged_event
from veille.store.show import entity_text, merged_text

DEAL_COLUMNS = ("id", "supplier", "recipient", "systems", "status", "status_date", "amounts",
                "quantities", "claims", "corroboration")  # fmt: skip
EVENT_COLUMNS = ("id", "first_date", "type", "participants", "systems", "places", "claims",
                 "corroboration")  # fmt: skip
db_option = click.option("--db", default=DEFAULT_DB, show_default=True, help="The SQLite database.")
STATUSES = ("considered", "negotiating", "agreed", "ordered", "delivered", "cancelled", "denied")


@click.command("deals")
@db_option
@click.option("--supplier", help="Supplier: an ISO country code, a name or an entity id.")
@click.option("--recipient", help="Recipient: an ISO country code, a name or an entity id.")
@click.option("--system", help="A system designation (or part of one).")
@click.option("--status", type=click.Choice(STATUSES), help="The latest status.")
@click.option("--since", help="Deals reported on or after this date (YYYY-MM-DD).")
@click.option("--limit", type=int, default=100, show_default=True, help="At most N deals.")
@format_option()
def deals_command(db: str, fmt: str, **filters: Any) -> None:
    """List merged deals, most recent first: parties, systems, latest status, every value."""
    with reading(db) as store:
        rows = deals.list_deals(store, deals.DealFilter(**filters))
    click.echo(render(rows, DEAL_COLUMNS, fmt))


@click.command("events")
@db_option
@click.option("--party", help="Only events this entity (ISO code, name or id) takes part in.")
@click.option("--type", "type_", help="Only events of this type (visit, order, ...).")
@click.option("--limit", type=int, default=100, show_default=True, help="At most N events.")
@format_option()
def events_command(db: str, party: str | None, type_: str | None, limit: int, fmt: str) -> None:
    """List merged events, most recent first, with their participants and sources."""
    with reading(db) as store:
        rows = deals.list_events(store, party, type_, limit)
    click.echo(render(rows, EVENT_COLUMNS, fmt))


@click.command("timeline")
@click.argument("party_a")
@click.argument("party_b")
@db_option
@format_option()
def timeline_command(party_a: str, party_b: str, db: str, fmt: str) -> None:
    """The events and deal steps of two parties (ISO codes, names or ids), in date order."""
    with reading(db) as store:
        rows = deals.timeline(store, party_a, party_b)
    click.echo(render(rows, ("date", "kind", "what", "systems", "sources", "id"), fmt))


@click.command("search")
@click.argument("query")
@db_option
@click.option("--limit", type=int, default=20, show_default=True, help="At most N articles.")
@format_option()
def search_command(query: str, db: str, limit: int, fmt: str) -> None:
    """Full-text search (FTS5) of articles, with the deals and events each one supports."""
    with reading(db) as store:
        rows = deals.search(store, query, limit)
    columns = ("id", "published", "outlet", "snippet", "deals", "events")
    click.echo(render(rows, columns, fmt))


@click.command("show")
@click.argument("kind", type=click.Choice(["deal", "event", "entity"]))
@click.argument("record_id", metavar="ID")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the dossier as JSON.")
def show_command(kind: str, record_id: str, db: str, as_json: bool) -> None:
    """A dossier: every field of a deal, event or entity with its sources and evidence."""
    with reading(db) as store:
        click.echo(_dossier(store, kind, record_id, as_json))


def _dossier(store: Store, kind: str, record_id: str, as_json: bool) -> str:
    if kind == "entity":
        return entity_text(deals.entity_dossier(store, record_id), as_json)
    merged = (merged_deal if kind == "deal" else merged_event)(store, record_id)
    if merged is None:
        raise InputError(f"no {kind} {record_id!r} in the database")
    return merged_text(merged, as_json)


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(export.FORMATS), default="csv",
              show_default=True, help="csv (trade register), jsonl, parquet, graphml.")  # fmt: skip
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to FILE (needed for parquet), not stdout.")  # fmt: skip
def export_command(db: str, fmt: str, out: Path | None) -> None:
    """Export merged deals (and events) as CSV, JSONL, Parquet or GraphML."""
    with reading(db) as store:
        _export(store, fmt, out)


def _export(store: Store, fmt: str, out: Path | None) -> None:
    if fmt == "parquet":
        if out is None:
            raise InputError("--format parquet needs --out FILE")
        export.export_parquet(store, out)
        return
    writers = {"csv": export.export_csv, "jsonl": export.export_jsonl,
               "graphml": export.export_graphml}  # fmt: skip
    text = writers[fmt](store)
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


COMMANDS = (deals_command, events_command, timeline_command, search_command, show_command,
            export_command)  # fmt: skip
