"""Near-duplicates (syndicated copies, mirrors, light edits) with MinHash LSH.

Each article's text becomes a set of word 4-grams, summarised by a datasketch
``MinHash`` of ``NUM_PERM`` permutations. LSH cuts the signature into ``BANDS`` bands of
``ROWS`` values; articles sharing a band bucket are candidates, and a candidate whose
estimated Jaccard similarity reaches the threshold puts the new article in its
syndication group. Bands live in the store (``minhash_bands``), not in memory, so the
index survives reruns and memory stays flat however many articles there are.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

from veille.store.db import Store

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 4
THRESHOLD = 0.5
SEED = 1
MAX_CANDIDATES = 50  # those sharing the most bands; bounds the work per article
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Word n-grams of the case-folded text (the words themselves for very short texts)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {w.encode() for w in words}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of a text, as bytes (empty when the text has no words)."""
    grams = shingles(text)
    if not grams:
        return b""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(list(grams))
    return bytes(minhash.hashvalues.astype(np.uint64).tobytes())


def _values(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype=np.uint64)


def bands(sig: bytes) -> list[int]:
    """One bucket per band: a signed 64-bit hash of the band's values."""
    size = ROWS * 8
    parts = (sig[i : i + size] for i in range(0, len(sig), size))
    digests = (hashlib.blake2b(part, digest_size=8).digest() for part in parts)
    return [int.from_bytes(d, "big", signed=True) for d in digests]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(_values(a) == _values(b)))


class SyndicationIndex:
    """Assigns each new article to a syndication group, through the store."""

    def __init__(self, store: Store, threshold: float = THRESHOLD) -> None:
        self.store = store
        self.threshold = threshold

    def group_of(self, article_id: str, sig: bytes) -> tuple[str, float | None]:
        """The group of the most similar stored article above threshold, else a new one."""
        best: tuple[float, str] | None = None
        for candidate, other in self._candidates(sig):
            score = similarity(sig, other)
            if score >= self.threshold and (best is None or (score, candidate) > best):
                best = (score, candidate)
        if best is None:
            return article_id, None
        group = self.store.scalar("SELECT group_id FROM articles WHERE id = ?", [best[1]])
        return str(group), round(best[0], 4)

    def _candidates(self, sig: bytes) -> list[tuple[str, bytes]]:
        if not sig:
            return []
        buckets = bands(sig)
        pairs = ", ".join("(?, ?)" for _ in buckets)
        args = [v for band, bucket in enumerate(buckets) for v in (band, bucket)]
        sql = (
            f"WITH q(band, bucket) AS (VALUES {pairs}) "
            "SELECT m.article_id, h.signature FROM minhash_bands m "
            "JOIN q ON q.band = m.band AND q.bucket = m.bucket "
            "JOIN minhashes h ON h.article_id = m.article_id GROUP BY m.article_id "
            f"ORDER BY count(*) DESC, m.article_id LIMIT {MAX_CANDIDATES}"
        )
        return [(row["article_id"], row["signature"]) for row in self.store.query(sql, args)]

    def add(self, article_id: str, sig: bytes) -> None:
        if not sig:
            return
        self.store.upsert("minhashes", {"article_id": article_id, "signature": sig}, ["article_id"])
        for band, bucket in enumerate(bands(sig)):
            row = {"band": band, "bucket": bucket, "article_id": article_id}
            self.store.upsert("minhash_bands", row, ["band", "bucket", "article_id"])
