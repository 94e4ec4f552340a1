"""Deal and timeline query latency on 100 000 synthetic articles' worth of claims.

The claims are generated straight into a fresh store (no NLP): each article reports one
deal (random supplier, recipient, system, status, value) and one event between the same
parties. Prints the median and worst latency of ``veille deals`` filters, ``timeline``
and a deal dossier; the target is under 100 ms each.

``python benchmarks/queries.py [--articles N] [--repeat N]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from veille.store import Store
from veille.store.claims import refresh_deals, refresh_events
from veille.store.deals import DealFilter, list_deals, timeline
from veille.store.dossiers import merged_deal

SUPPLIERS = ["FR", "US", "IL", "TR", "RU", "CN", "DE", "IT", "KR", "GB"]
RECIPIENTS = [f"{a}{b}" for a in "ABCDEGHIKLMNPQ" for b in "AEIMNORSUZ"][:80]
STATUSES = ["considered", "negotiating", "agreed", "ordered", "delivered"]
TARGET_MS = 100.0


def _article(i: int, rng: random.Random) -> tuple[str, dict[str, Any]]:
    day = f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    art = f"a{i:07d}"
    row = {"id": art, "title": f"t{i}", "text": "synthetic", "published": day}
    row.update(outlet=f"outlet{i % 300}", group_id=None, lang="fr")
    return art, row


def _claims(art: str, day: str, rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    sup, rec = rng.choice(SUPPLIERS), rng.choice(RECIPIENTS)
    system = f"SYS-{rng.randint(1, 50)}"
    deal_id, event_id = f"deal-{sup}{rec}{system}", f"event-{sup}{rec}{day[:7]}"
    span = {"article_id": art, "start": 0, "end": 50, "evidence_start": 0}
    span.update(evidence_end=50, evidence="synthetic", published=day, sort_date=day, date=day)
    deal = {"id": deal_id, "supplier": sup, "recipient": rec, "systems": [system]}
    claim = {**span, "deal_id": deal_id, "supplier": sup, "recipient": rec}
    claim.update(systems=[system], status=rng.choice(STATUSES), reported_by=[], hedged=0)
    claim.update(value=rng.choice([20e6, 22e6, 1e8]), currency="USD", qualifier="exact")
    event = {"id": event_id, "type": "meeting", "participants": [sup, rec], "systems": []}
    econ = {**span, "event_id": event_id, "type": "meeting", "actors": [sup], "targets": [rec]}
    econ.update(systems=[], reported_by=[], modality="asserted")
    parties = [
        {"record_id": deal_id, "entity_id": f"country:{sup}", "role": "supplier", "kind": "deal"},
        {"record_id": deal_id, "entity_id": f"country:{rec}", "role": "recipient", "kind": "deal"},
        {"record_id": event_id, "entity_id": f"country:{sup}", "role": "actor", "kind": "event"},
        {"record_id": event_id, "entity_id": f"country:{rec}", "role": "target", "kind": "event"},
    ]
    parties = [{**p, "article_id": art} for p in parties]
    return {"deals": [deal], "deal_claims": [claim], "events": [event],
            "event_claims": [econ], "parties": parties}  # fmt: skip


KEYS = {
    "articles": ["id"],
    "deals": ["id"],
    "events": ["id"],
    "deal_claims": ["article_id", "start", "end", "deal_id"],
    "event_claims": ["article_id", "start", "end", "event_id"],
    "parties": ["record_id", "entity_id", "role", "article_id"],
}


def generate(store: Store, n: int, seed: int = 5) -> None:
    """``n`` synthetic articles with one deal claim and one event claim each."""
    rng = random.Random(seed)
    batch: dict[str, list[dict[str, Any]]] = {table: [] for table in KEYS}
    for i in range(n):
        art, row = _article(i, rng)
        batch["articles"].append({**row, "group_id": None})
        for table, rows in _claims(art, row["published"], rng).items():
            batch[table].extend(rows)
    for table in KEYS:
        store.upsert_all(table, batch[table], KEYS[table])
    store.commit()
    refresh_deals(store, [r["id"] for r in store.query("SELECT id FROM deals")])
    refresh_events(store, [r["id"] for r in store.query("SELECT id FROM events")])
    store.commit()


def latency(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and worst milliseconds of ``call``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        start = time.perf_counter()
        with Store.open(path) as store:
            generate(store, args.articles)
        built = time.perf_counter() - start
        with Store.read(path) as store:
            deals = store.scalar("SELECT count(*) FROM deals")
            some = store.scalar("SELECT id FROM deals ORDER BY claims DESC LIMIT 1")
            queries: dict[str, Callable[[], object]] = {
                "deals (all, 100)": lambda: list_deals(store, DealFilter()),
                "deals --recipient AE": lambda: list_deals(store, DealFilter(recipient="AE")),
                "deals --supplier FR --status ordered": lambda: list_deals(
                    store, DealFilter(supplier="FR", status="ordered")
                ),
                "deals --since 2025-06-01": lambda: list_deals(
                    store, DealFilter(since="2025-06-01")
                ),
                "timeline FR AE": lambda: timeline(store, "FR", "AE"),
                "show deal (most claims)": lambda: merged_deal(store, some),
            }
            print(f"{args.articles} articles, {deals} deals; built in {built:.1f} s")
            worst_all = 0.0
            for name, call in queries.items():
                median, worst = latency(call, args.repeat)
                worst_all = max(worst_all, median)
                print(f"{name:<40} median {median:7.1f} ms   worst {worst:7.1f} ms")
    verdict = "met" if worst_all < TARGET_MS else "NOT met"
    print(f"target: every median under {TARGET_MS:.0f} ms: {verdict}")
    return 0 if worst_all < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
