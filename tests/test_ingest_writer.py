"""Commit groups: writing items a group at a time leaves the rows that writing them one by
one leaves (duplicates, syndication groups, errors, an item key seen twice)."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from veille.ingest import IngestOptions, dedup, ingest, runner
from veille.store import Store
from veille.store.errors import StoreError

TABLES = ("articles", "article_urls", "syndication_groups", "items", "errors", "sources",
          "minhashes", "minhash_bands")  # fmt: skip
VOCABULARY = [f"terme{i}" for i in range(150)] + ["rapport", "frégate", "livraison", "contrat"]


def write_corpus(folder: Path) -> Path:
    """Stories, their edited copies (some far apart), exact copies, empty files, and a
    family of texts sharing a long common part (more candidates than MAX_CANDIDATES)."""
    rng = random.Random(3)
    folder.mkdir()
    stories = [[rng.choice(VOCABULARY) for _ in range(rng.randint(20, 200))] for _ in range(40)]
    for i, words in enumerate(stories):
        (folder / f"a{i:03d}.txt").write_text(" ".join(words), "utf-8")
        if i % 3 == 0:
            kept = words[: int(len(words) * rng.uniform(0.5, 1.0))]
            (folder / f"z{i:03d}.txt").write_text(" ".join([*kept, "fin"]), "utf-8")
        if i % 5 == 0:
            (folder / f"b{i:03d}.txt").write_text(" ".join(words), "utf-8")
        if i % 7 == 0:
            (folder / f"e{i:03d}.txt").write_text("  ", "utf-8")
    common = " ".join(stories[0][:150] + stories[1][:150])
    for k in range(dedup.MAX_CANDIDATES + 10):
        tail = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(3, 60)))
        (folder / f"f{k:03d}.txt").write_text(f"{common} variante {k} {tail}", "utf-8")
    return folder


def rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    found = {t: sorted(conn.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in TABLES}
    found["runs"] = conn.execute(
        "SELECT count_in, count_processed, count_duplicates, count_errors FROM runs"
    ).fetchall()
    conn.close()
    return found


def ingest_with(
    inputs: list[str], db: Path, commit_every: int
) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(db) as store:
        ingest(store, inputs, IngestOptions(analyze=False, commit_every=commit_every))
    return rows(db)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("writer") / "in")


def test_groups_of_any_size_leave_the_same_rows(corpus: Path, tmp_path: Path) -> None:
    one_by_one = ingest_with([str(corpus)], tmp_path / "one.db", 1)
    assert len({row[10] for row in one_by_one["articles"]}) < len(one_by_one["articles"])
    for size in (4, 1000):
        assert ingest_with([str(corpus)], tmp_path / f"g{size}.db", size) == one_by_one


def feed(path: Path, entries: list[tuple[str, str]]) -> Path:
    items = "".join(
        f"<item><guid>{guid}</guid><title>{guid}</title><description>{text}</description></item>"
        for guid, text in entries
    )
    path.write_text(f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>", "utf-8")
    return path


@pytest.mark.parametrize("size", [1, 1000])
@pytest.mark.parametrize("lookahead", [1, 2, 64])  # the twins in one read-ahead batch or two
def test_an_entry_seen_twice_is_resumed_unless_it_changed(
    tmp_path: Path, size: int, lookahead: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "LOOKAHEAD", lookahead)
    story = " ".join(VOCABULARY[:60])
    other = " ".join(VOCABULARY[60:120])
    entries = [("x", story), ("y", ""), ("x", story), ("w", other), ("w", story), ("y", other)]
    found = ingest_with([str(feed(tmp_path / "f.rss", entries))], tmp_path / "f.db", size)
    assert found["runs"] == [(6, 3, 2, 1)]  # the second "x" is resumed (counted processed)
    assert [(row[0][-1], row[4]) for row in found["items"]] == [
        ("w", "duplicate"),
        ("x", "processed"),
        ("y", "duplicate"),
    ]
    assert found["errors"] == []


def test_signatures_ignore_repeated_4grams() -> None:
    text = "le contrat de la frégate " * 40 + "La Frégate, livrée."
    grams = dedup.shingles(text)
    least = ((grams[:, None] * dedup._A + dedup._B) >> dedup._SHIFT).min(axis=0)
    assert dedup.signature(text) == least.astype("<u4").tobytes()


def test_an_error_in_the_writer_ends_the_job(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    with Store.open(db) as store:  # every article insert fails, in whichever process writes
        store.execute(
            "CREATE TRIGGER full BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    with Store.open(db) as store, pytest.raises(StoreError, match="disk"):
        ingest(store, [str(corpus)], IngestOptions(analyze=False))
