"""``veille ingest`` and ``veille stats``: thin shells over ``veille.ingest`` and the store."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from veille.cli.analyze import fail
from veille.errors import InputError, VeilleError
from veille.ingest import Counts, IngestOptions, ReadOptions, ingest
from veille.ingest.sources import MAX_BYTES
from veille.store import Store, queries

DEFAULT_DB = "veille.db"


@contextmanager
def reading(db: str) -> Iterator[Store]:
    """The database, opened for reading; a veille error ends the command with its message
    and exit code (``fail``), never a traceback."""
    try:
        with Store.read(db) as store:
            yield store
    except VeilleError as exc:
        fail(exc)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"--since needs a date as YYYY-MM-DD, not {value!r}") from exc


def _mapping(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, key = pair.partition("=")
        if not sep or not name or not key:
            raise InputError(f"--map needs FIELD=KEY, not {pair!r}")
        out[name.strip()] = key.strip()
    return out


@contextmanager
def _progress() -> Iterator[Callable[[Counts], None]]:
    """A rich progress line on a terminal (documents, errors, rate); nothing otherwise."""
    console = Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=not console.is_terminal) as bar:
        task = bar.add_task("starting")

        def update(counts: Counts) -> None:
            bar.update(
                task,
                description=f"{counts.inputs} documents, {counts.errors} errors, "
                f"{counts.rate:.1f}/s",
            )

        yield update


def format_counts(counts: Counts, run_id: str, resumed_run: bool) -> str:
    line = (
        f"veille: {counts.inputs} in, {counts.processed} processed, "
        f"{counts.duplicates} duplicates, {counts.errors} errors (run {run_id}"
    )
    if counts.resumed:
        line += f"; {counts.resumed} already stored"
    return line + ("; resumed an interrupted run)" if resumed_run else ")")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH|URL|-...")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="The SQLite database.")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Local worker processes for extraction and analysis.")  # fmt: skip
@click.option("--no-analyze", is_flag=True, help="Store articles only; do not run the NLP.")
@click.option("--since", help="Keep only articles published on or after this date.")
@click.option("--max-bytes", type=int, default=MAX_BYTES, show_default=True,
              help="Refuse documents (files, records, pages) larger than this.")  # fmt: skip
@click.option("--fetch-links", is_flag=True,
              help="Fetch the links of feed entries that carry no content.")  # fmt: skip
@click.option("--map", "mapping", multiple=True, metavar="FIELD=KEY",
              help="JSONL: read FIELD (text, title, url, ...) from KEY.")  # fmt: skip
def ingest_command(
    paths: tuple[str, ...],
    db: str,
    workers: int,
    no_analyze: bool,
    since: str | None,
    max_bytes: int,
    fetch_links: bool,
    mapping: tuple[str, ...],
) -> None:
    """Read files, directories, feeds, WARC archives, JSONL, URLs or - (stdin) into DB.

    Each article is analyzed unless --no-analyze; every input ends as processed,
    duplicate or error, and a summary line counts them. Rerunning an interrupted
    ingest finishes it.
    """
    try:
        read = ReadOptions(max_bytes=max_bytes, fetch_links=fetch_links, fields=_mapping(mapping))
        options = IngestOptions(
            analyze=not no_analyze, workers=workers, since=_date(since), read=read
        )
        with Store.open(db) as store, _progress() as progress:
            result = ingest(store, list(paths), options, progress)
        click.echo(format_counts(result.counts, result.run_id, result.resumed_run))
    except VeilleError as exc:
        fail(exc)


def _format_stats(stats: dict[str, object]) -> str:
    lines = []
    for key, value in stats.items():
        if isinstance(value, dict):
            shown = ", ".join(f"{k} {n}" for k, n in value.items()) or "none"
            lines.append(f"{key.replace('_', ' ')}: {shown}")
        else:
            lines.append(f"{key.replace('_', ' ')}: {value}")
    return "\n".join(lines)


@click.command("stats")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="The SQLite database.")
@click.option("--articles", "limit", type=int, default=0, help="Also list N articles.")
@click.option("--search", help="List the articles whose title or text match (FTS5 query).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats_command(db: str, limit: int, search: str | None, as_json: bool) -> None:
    """Print what a veille database holds: articles, groups, items, errors, entities."""
    with reading(db) as store:
        stats = queries.stats(store)
        rows = queries.list_articles(store, search, limit or 20) if limit or search else []
    if as_json:
        click.echo(json.dumps({"stats": stats, "articles": rows}, ensure_ascii=False, indent=2))
        return
    click.echo(_format_stats(stats))
    for row in rows:
        click.echo(f"{row['id']}  {row['published'] or '----------'}  {row['title'] or ''}")
