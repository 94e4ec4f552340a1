"""The store: schema, upserts, FTS, and clear errors for corrupt, locked or newer databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.cli import main
from veille.models import Article
from veille.store import Store, StoreError, queries
from veille.store.migrations import LATEST
from veille.store.records import ArticleMeta, save_article

TABLES = {
    "runs", "sources", "articles", "article_urls", "syndication_groups", "minhashes",
    "minhash_bands", "items", "errors", "extractions", "entities", "aliases",
    "article_entities", "mentions", "timexes", "amounts", "quotes", "migrations",
}  # fmt: skip


def test_new_database_has_every_table_and_the_latest_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "v.db") as store:
        assert set(store.db.table_names()) >= TABLES
        assert store.scalar("PRAGMA user_version") == LATEST
        assert "articles_fts" in store.db.table_names()


@pytest.mark.parametrize(
    ("table", "column", "other"),
    [("articles", "group_id", "syndication_groups"), ("items", "article_id", "articles"),
     ("mentions", "entity_id", "entities"), ("errors", "item_key", "items")],
)  # fmt: skip
def test_foreign_keys_are_declared_for_datasette(
    tmp_path: Path, table: str, column: str, other: str
) -> None:
    with Store.open(tmp_path / "v.db") as store:
        keys = {(fk.column, fk.other_table) for fk in store.db[table].foreign_keys}
    assert (column, other) in keys


def test_the_same_article_twice_changes_nothing(tmp_path: Path) -> None:
    article = Article.create("Le Maroc a commandé des drones.", url="http://a/1", lang="fr")
    with Store.open(tmp_path / "v.db") as store:
        for _ in range(2):
            save_article(store, article, ArticleMeta(), "r1", (article.id, None))
        store.commit()
        assert store.query("SELECT id, url FROM articles") == [
            {"id": article.id, "url": "http://a/1"}
        ]
        assert store.scalar("SELECT count(*) FROM article_urls") == 1
        assert queries.list_articles(store, "drones")[0]["id"] == article.id


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    article = Article.create("Texte.", lang="fr")
    with Store.open(tmp_path / "v.db") as store:
        save_article(store, article, ArticleMeta(), "r1", (article.id, None))
    with Store.read(tmp_path / "v.db") as store:
        assert store.scalar("SELECT count(*) FROM articles") == 1


def corrupt(path: Path) -> None:
    path.write_bytes(b"this is not a database at all" * 200)


def newer(path: Path) -> None:
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()


@pytest.mark.parametrize(
    ("make", "message"), [(corrupt, "corrupt"), (newer, "newer")], ids=["corrupt", "newer"]
)
def test_bad_database_gives_a_clear_message_and_exit_code(
    tmp_path: Path, make: object, message: str
) -> None:
    path = tmp_path / "v.db"
    make(path)  # type: ignore[operator]
    before = path.read_bytes()
    with pytest.raises(StoreError, match=message):
        Store.open(path)
    for args in (
        ["ingest", str(path), "--db", str(path), "--no-analyze"],
        ["stats", "--db", str(path)],
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 7
        assert "veille: error:" in result.output and "Traceback" not in result.output
    assert path.read_bytes() == before


def test_a_database_locked_by_another_writer(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    Store.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked"):
            Store.open(path)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_second_veille_writer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    with Store.open(path):
        result = CliRunner().invoke(main, ["ingest", "-", "--db", str(path)], input="x")
    assert result.exit_code == 7 and "another veille process" in result.output


def test_missing_database_for_stats(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 7 and "no database" in result.output
