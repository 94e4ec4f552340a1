"""Claims in the store: one writer, stable ids, and the same rows after a rerun."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import EXAMPLES
from test_cli_deals import write_multi_outlet_jsonl
from veille.demo import write_corpus_jsonl
from veille.ingest import IngestOptions, ingest
from veille.pipeline import analyze
from veille.store import Store
from veille.store.records import save_extraction

BOOKKEEPING = {"runs", "items", "errors", "migrations"}


def content(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every content table, in a stable order."""
    names = [
        r["name"]
        for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")
        if r["name"] not in BOOKKEEPING and not r["name"].startswith(("sqlite_", "articles_fts"))
    ]
    return {n: sorted(map(tuple, store.db.execute(f"SELECT * FROM [{n}]").fetchall()),
                      key=repr) for n in names}  # fmt: skip


def test_ingesting_the_corpus_twice_leaves_the_same_rows(tmp_path: Path) -> None:
    corpus = write_multi_outlet_jsonl(tmp_path / "corpus.jsonl")
    with Store.open(tmp_path / "v.db") as store:
        ingest(store, [str(corpus)], IngestOptions())
        first = content(store)
        ingest(store, [str(corpus)], IngestOptions())
        assert content(store) == first
    assert len(first["deal_claims"]) == 3 and len(first["deals"]) == 1


def test_ingesting_the_example_corpus_twice_leaves_the_same_rows(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_corpus_jsonl(EXAMPLES, corpus)
    with Store.open(tmp_path / "v.db") as store:
        ingest(store, [str(corpus)], IngestOptions())
        first = content(store)
        ingest(store, [str(corpus)], IngestOptions())
        assert content(store) == first
    assert len(first["articles"]) == len(list((EXAMPLES / "gold").glob("*.json")))


def test_reanalysing_an_article_replaces_its_claims(tmp_path: Path) -> None:
    corpus = write_multi_outlet_jsonl(tmp_path / "corpus.jsonl")
    with Store.open(tmp_path / "v.db") as store:
        ingest(store, [str(corpus)], IngestOptions())
        first = content(store)
        row = store.query("SELECT * FROM articles ORDER BY published LIMIT 1")[0]
        extraction = analyze(row["text"], lang="fr", published=row["published"])
        save_extraction(store, extraction, "rerun")
        again = content(store)
        assert {k: v for k, v in again.items() if k != "extractions"} == {
            k: v for k, v in first.items() if k != "extractions"
        }
        empty = analyze("Rien à signaler.", lang="fr", published=row["published"])
        save_extraction(store, type(extraction)(**{**vars(empty), "article": extraction.article}),
                        "rerun")  # fmt: skip
        claims = store.scalar("SELECT claims FROM deals")
        assert claims == 2
