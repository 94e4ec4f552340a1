"""MinHash signatures: Jaccard estimates, a pinned scheme, bounded work, and the migration
that signs stored articles again when the scheme changes."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from veille.ingest import dedup
from veille.store import Store
from veille.store.migrations import LATEST, MIGRATIONS

WORDS = [f"mot{i}" for i in range(400)]


def text_of(words: list[str]) -> str:
    return " ".join(words)


def jaccard(a: str, b: str) -> float:
    def grams(text: str) -> set[tuple[str, ...]]:
        words = text.casefold().split()
        return {tuple(words[i : i + dedup.SHINGLE]) for i in range(len(words) - dedup.SHINGLE + 1)}

    x, y = grams(a), grams(b)
    return len(x & y) / len(x | y)


@pytest.mark.parametrize("kept", [0.2, 0.5, 0.8, 1.0])
def test_similarity_estimates_the_jaccard_of_word_4grams(kept: float) -> None:
    rng = random.Random(7)
    words = [rng.choice(WORDS) for _ in range(600)]
    edited = words[: int(600 * kept)] + [rng.choice(WORDS) for _ in range(600 - int(600 * kept))]
    a, b = text_of(words), text_of(edited)
    estimate = dedup.similarity(dedup.signature(a), dedup.signature(b))
    assert abs(estimate - jaccard(a, b)) < 0.12


def test_the_scheme_is_pinned() -> None:
    """Stored signatures must stay comparable: a change here needs a new SCHEME and a
    migration that signs the stored articles again."""
    sig = dedup.signature("Rabat a reçu les premiers drones commandés à Baykar.")
    assert len(sig) == dedup.NUM_PERM * 4
    assert sig[:16].hex() == "27026611d810220c1c8aa30397dfd10a"


def test_long_texts_are_signed_in_chunks_like_one_block() -> None:
    words = [f"w{i}" for i in range(3 * dedup._CHUNK)]
    grams = dedup.shingles(text_of(words))
    whole = ((grams[:, None] * dedup._A + dedup._B) >> dedup._SHIFT).min(axis=0)
    assert dedup.signature(text_of(words)) == whole.astype("<u4").tobytes()


@pytest.mark.parametrize("text", ["", "   ", "…!"])
def test_texts_without_words_have_no_signature(text: str) -> None:
    assert dedup.signature(text) == b""


def test_signatures_of_another_scheme_never_match() -> None:
    sig = dedup.signature(text_of(WORDS))
    assert dedup.similarity(sig, b"\x00" * 1024) == 0.0
    assert dedup.similarity(sig, sig) == 1.0


def test_migration_signs_stored_articles_again(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    for version, (_, migration) in enumerate(MIGRATIONS[:4], start=1):
        migration(db)
        conn.execute(f"PRAGMA user_version = {version}")
    text = text_of(WORDS[:50])
    conn.execute("INSERT INTO articles (id, text) VALUES ('a1', ?)", [text])
    conn.execute("INSERT INTO minhashes VALUES ('a1', ?)", [b"\x01" * 1024])
    conn.execute("INSERT INTO minhash_bands VALUES (0, 42, 'a1')")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert store.scalar("PRAGMA user_version") == LATEST
        assert store.scalar("SELECT signature FROM minhashes") == dedup.signature(text)
        bands = store.query("SELECT band, bucket FROM minhash_bands ORDER BY band")
        assert [(r["band"], r["bucket"]) for r in bands] == list(
            enumerate(dedup.bands(dedup.signature(text)))
        )
