"""The demo: veille's main job over the bundled example corpus, into a SQLite store.

Each article of ``examples/corpus`` is ingested with the metadata of its gold file
(``examples/gold``) into ``veille-demo.db`` (rebuilt each time), analyzed, and the
summary is read back from the store: articles, entities by type, most named countries,
the merged deals and the timeline of the two countries that share the most events.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from veille.cli.output import table
from veille.errors import InputError
from veille.eval.gold import load_gold_dir
from veille.ingest import IngestOptions, ingest
from veille.store import Store, queries
from veille.store.deals import DealFilter, list_deals, timeline

DEMO_DB = Path("veille-demo.db")


def write_corpus_jsonl(examples: Path, out: Path) -> int:
    """The example corpus as JSONL (text, lang, published, outlet, id); returns its size."""
    gold_dir = examples / "gold"
    if not gold_dir.is_dir():
        raise InputError(f"no example corpus in {examples} (expected {gold_dir})")
    golds = load_gold_dir(gold_dir)
    with out.open("w", encoding="utf-8") as handle:
        for g in golds:
            published = g.published.isoformat() if g.published else None
            row = {"id": g.id, "text": g.text, "lang": g.lang, "published": published}
            handle.write(json.dumps({**row, "outlet": g.outlet, "title": g.id}) + "\n")
    return len(golds)


def _article_lines(store: Store) -> list[str]:
    rows = store.query(
        "SELECT a.title, a.published, a.outlet, a.lang, count(e.local_id) AS entities "
        "FROM articles a LEFT JOIN article_entities e ON e.article_id = a.id "
        "GROUP BY a.id ORDER BY a.title"
    )
    return [
        f"{r['title']:<6} {r['lang']}  {r['published'] or '?':<10}  "
        f"{(r['outlet'] or '?')[:28]:<28} {r['entities']} entities"
        for r in rows
    ]


DEAL_COLUMNS = ("supplier", "recipient", "systems", "status", "status_date", "amounts", "claims")


def busiest_dyad(store: Store) -> tuple[str, str] | None:
    """The two countries that share the most merged events, if any."""
    rows = store.query(
        "SELECT a.entity_id AS x, b.entity_id AS y, count(DISTINCT a.record_id) AS n "
        "FROM parties a JOIN parties b ON a.record_id = b.record_id "
        "AND a.entity_id < b.entity_id WHERE a.kind = 'event' "
        "AND a.entity_id LIKE 'country:%' AND b.entity_id LIKE 'country:%' "
        "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1"
    )
    return (rows[0]["x"], rows[0]["y"]) if rows else None


def _deal_lines(store: Store) -> list[str]:
    deals = list_deals(store, DealFilter(limit=15))
    lines = ["deals (veille deals):", table(deals, DEAL_COLUMNS)]
    dyad = busiest_dyad(store)
    if dyad:
        a, b = (party.removeprefix("country:") for party in dyad)
        steps = timeline(store, a, b)
        lines += ["", f"timeline {a} {b} (veille timeline {a} {b}):"]
        lines.append(table(steps, ("date", "kind", "what", "systems", "sources")))
    return lines


def run_demo(examples: Path, db: Path = DEMO_DB) -> str:
    """Ingest and analyze the example corpus into ``db``; return a readable report."""
    db.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus_jsonl(examples, corpus)
        with Store.open(db) as store:
            result = ingest(store, [str(corpus)], IngestOptions(analyze=True))
            stats = queries.stats(store)
            lines = _article_lines(store)
            deal_lines = _deal_lines(store)
    Path(f"{db}.lock").unlink(missing_ok=True)
    counts = result.counts
    by_type = ", ".join(f"{n} {t}" for t, n in stats["entities"].items())
    top = ", ".join(f"{c} {n}" for c, n in stats["countries"].items())
    return "\n".join(
        [
            f"ingested into {db}: {counts.inputs} in, {counts.processed} processed, "
            f"{counts.duplicates} duplicates, {counts.errors} errors",
            "",
            *lines,
            "",
            f"{stats['articles']} articles in {stats['syndication_groups']} syndication groups",
            f"entity mentions by type: {by_type}",
            f"most named countries (articles): {top}",
            "",
            *deal_lines,
            "",
            f"explore: veille stats --db {db} --search 'drones'   or   datasette {db}",
        ]
    )
