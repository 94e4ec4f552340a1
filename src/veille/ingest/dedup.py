"""Near-duplicates (syndicated copies, mirrors, light edits) with MinHash LSH.

Each article's text becomes a set of word 4-grams, summarised by a MinHash of
``NUM_PERM`` permutations. LSH cuts the signature into ``BANDS`` bands of ``ROWS``
values; articles sharing a band bucket are candidates, and a candidate whose estimated
Jaccard similarity reaches the threshold puts the new article in its syndication group.
Bands live in the store (``minhash_bands``), not in memory, so the index survives reruns
and memory stays flat however many articles there are.

Signing is vectorised with numpy (scheme :data:`SCHEME`): each word is hashed once
(CRC-32 of its UTF-8), a 4-gram's hash combines its four word hashes and is mixed to 32
bits, and the permutations are ``(a * x + b) >> 32`` over 64 bits, with ``a`` and ``b``
drawn from BLAKE2b so that they never depend on a library's random generator. A
signature is ``NUM_PERM`` little-endian 32-bit values; signatures of another scheme (or
length) never match.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from collections.abc import Iterator
from typing import Any

import numpy as np
import numpy.typing as npt

from veille.store.db import Store

SCHEME = "veille.minhash.v2"
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 4
THRESHOLD = 0.5
SEED = 1
MAX_CANDIDATES = 50  # those sharing the most bands; bounds the work per article
_WORD = re.compile(r"\w+")
_DTYPE = np.dtype("<u4")
_SIZE = NUM_PERM * _DTYPE.itemsize
_MUL = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(32)
_CHUNK = 1024  # 4-grams permuted at once: 1 MiB of temporaries
U64 = npt.NDArray[np.uint64]


def _parameters(name: str) -> U64:
    digests = (
        hashlib.blake2b(f"{SCHEME}:{SEED}:{name}:{i}".encode(), digest_size=8).digest()
        for i in range(NUM_PERM)
    )
    return np.array([int.from_bytes(d, "little") for d in digests], dtype=np.uint64)


_A = _parameters("a") | np.uint64(1)  # odd multipliers
_B = _parameters("b")


def _mix(values: U64) -> U64:
    """SplitMix64's finaliser: every input bit reaches every output bit."""
    values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def shingles(text: str) -> U64:
    """Distinct 32-bit hashes of the word 4-grams of the case-folded text (of the words
    themselves for very short texts), sorted."""
    words = _WORD.findall(text.casefold())
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), np.uint64, len(words))
    with np.errstate(over="ignore"):
        if len(words) >= SHINGLE:
            count = len(words) - SHINGLE + 1
            grams = hashes[:count].copy()
            for k in range(1, SHINGLE):
                grams = grams * _MUL + hashes[k : k + count]
            hashes = grams
        return np.unique(_mix(hashes) >> _SHIFT)


def signature(text: str) -> bytes:
    """The MinHash signature of a text, as bytes (empty when the text has no words)."""
    grams = shingles(text)
    if not len(grams):
        return b""
    least = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, len(grams), _CHUNK):  # bounded temporaries, whatever the text
            permuted = np.multiply.outer(grams[start : start + _CHUNK], _A)
            permuted += _B
            permuted >>= _SHIFT
            np.minimum(least, permuted.min(axis=0), out=least)
    return bytes(least.astype(_DTYPE).tobytes())


def _values(sig: bytes) -> npt.NDArray[np.uint32]:
    return np.frombuffer(sig, dtype=_DTYPE)


@functools.lru_cache(maxsize=8)  # an article's bands are looked up, then stored
def bands(sig: bytes) -> tuple[int, ...]:
    """One bucket per band: a signed 64-bit hash of the band's values and its number."""
    rows = _values(sig).reshape(BANDS, ROWS).astype(np.uint64)
    with np.errstate(over="ignore"):
        bucket = np.arange(BANDS, dtype=np.uint64)
        for k in range(ROWS):
            bucket = bucket * _MUL + rows[:, k]
        return tuple(int(v) for v in _mix(bucket).view(np.int64))


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (0 when they are not comparable)."""
    if len(a) != _SIZE or len(b) != _SIZE:
        return 0.0
    return float(np.count_nonzero(_values(a) == _values(b))) / NUM_PERM


class SyndicationIndex:
    """Assigns each new article to a syndication group, through the store."""

    def __init__(self, store: Store, threshold: float = THRESHOLD) -> None:
        self.store = store
        self.threshold = threshold

    def group_of(self, article_id: str, sig: bytes) -> tuple[str, float | None]:
        """The group of the most similar stored article above threshold, else a new one."""
        best: tuple[float, str, str] | None = None
        for candidate, group, other in self._candidates(sig):
            score = similarity(sig, other)
            if score >= self.threshold and (best is None or (score, candidate) > best[:2]):
                best = (score, candidate, group)
        if best is None:
            return article_id, None
        return best[2], round(best[0], 4)

    def _candidates(self, sig: bytes) -> list[tuple[str, str, bytes]]:
        if not sig:
            return []
        buckets = bands(sig)
        pairs = ", ".join("(?, ?)" for _ in buckets)
        args = [v for band, bucket in enumerate(buckets) for v in (band, bucket)]
        sql = (
            f"WITH q(band, bucket) AS (VALUES {pairs}), "
            "c(article_id, shared) AS (SELECT m.article_id, count(*) FROM minhash_bands m "
            "JOIN q ON q.band = m.band AND q.bucket = m.bucket GROUP BY m.article_id "
            f"ORDER BY count(*) DESC, m.article_id LIMIT {MAX_CANDIDATES}) "
            "SELECT c.article_id, a.group_id, h.signature FROM c "
            "JOIN minhashes h ON h.article_id = c.article_id "
            "JOIN articles a ON a.id = c.article_id"
        )
        rows = self.store.query(sql, args)
        return [(row["article_id"], str(row["group_id"]), row["signature"]) for row in rows]

    def add(self, article_id: str, sig: bytes) -> None:
        if not sig:
            return
        self.store.upsert("minhashes", {"article_id": article_id, "signature": sig}, ["article_id"])
        rows = [(band, bucket, article_id) for band, bucket in enumerate(bands(sig))]
        self.store.insert_many("minhash_bands", ("band", "bucket", "article_id"), rows)


_INSERT_BANDS = (
    "INSERT INTO minhash_bands (band, bucket, article_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
)


def reindex(db: Any) -> int:
    """Sign every stored article again with this scheme, replacing its MinHash rows
    (used by the migration that changed the scheme); returns how many were signed."""
    db.execute("DELETE FROM minhash_bands")
    db.execute("DELETE FROM minhashes")
    count = 0
    for article_id, text in _articles(db):
        sig = signature(text)
        if sig:
            db.execute(
                "INSERT INTO minhashes (article_id, signature) VALUES (?, ?)", [article_id, sig]
            )
            rows = [(band, bucket, article_id) for band, bucket in enumerate(bands(sig))]
            db.conn.executemany(_INSERT_BANDS, rows)
            count += 1
    return count


def _articles(db: Any) -> Iterator[tuple[str, str]]:
    last = ""
    while True:
        batch = db.execute(
            "SELECT id, text FROM articles WHERE id > ? ORDER BY id LIMIT 500", [last]
        ).fetchall()
        if not batch:
            return
        yield from ((str(i), str(t or "")) for i, t in batch)
        last = batch[-1][0]
