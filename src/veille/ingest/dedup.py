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
import json
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
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
_CRC_WORDS = 100_000  # words whose CRC-32 is cached (about 15 MB at most)
_CRC: dict[str, int] = {}
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


def _word_hashes(words: list[str]) -> U64:
    """CRC-32 of each word's UTF-8, through a bounded cache (news reuses its words)."""
    found = list(map(_CRC.get, words))
    if None in found:
        if len(_CRC) > _CRC_WORDS:
            _CRC.clear()
        for i, value in enumerate(found):
            if value is None:
                found[i] = _CRC[words[i]] = zlib.crc32(words[i].encode())
    return np.array(found, dtype=np.uint64)


def words(text: str) -> list[str]:
    """``\\w+`` runs of the case-folded text. Whitespace never belongs to a word and a token
    of letters and digits only (``isalnum``) is one word, so the regex runs only on the
    other tokens (those with punctuation): the same words, several times faster."""
    found: list[str] = []
    for token in text.casefold().split():
        if token.isalnum():
            found.append(token)
        else:
            found.extend(_WORD.findall(token))
    return found


def _gram_hashes(text: str) -> U64:
    """32-bit hashes of the word 4-grams of the case-folded text (of the words themselves
    for very short texts), in text order, repeats included."""
    words_ = words(text)
    hashes = _word_hashes(words_)
    with np.errstate(over="ignore"):
        if len(words_) >= SHINGLE:
            count = len(words_) - SHINGLE + 1
            grams = hashes[:count] * _MUL
            grams += hashes[1 : 1 + count]
            for k in range(2, SHINGLE):
                grams *= _MUL
                grams += hashes[k : k + count]
            hashes = grams
        return _mix(hashes) >> _SHIFT


def shingles(text: str) -> U64:
    """Distinct 32-bit hashes of the word 4-grams of the case-folded text (of the words
    themselves for very short texts), sorted."""
    return np.unique(_gram_hashes(text))


def signature(text: str) -> bytes:
    """The MinHash signature of a text, as bytes (empty when the text has no words).

    Repeated 4-grams do not change a minimum, so they are not removed first; and the
    shift to 32 bits is monotonic, so it is applied to the minima only."""
    grams = _gram_hashes(text)
    if not len(grams):
        return b""
    least = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, len(grams), _CHUNK):  # bounded temporaries, whatever the text
            permuted = np.multiply.outer(grams[start : start + _CHUNK], _A)
            permuted += _B
            np.minimum(least, permuted.min(axis=0), out=least)
    least >>= _SHIFT
    return bytes(least.astype(_DTYPE).tobytes())


def _values(sig: bytes) -> npt.NDArray[np.uint32]:
    return np.frombuffer(sig, dtype=_DTYPE)


@functools.lru_cache(maxsize=512)  # a batch's bands are looked up, then stored
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


Candidate = tuple[int, str, str, bytes]  # bands shared, article id, its group, its signature


class SyndicationIndex:
    """Assigns new articles to syndication groups, through the store.

    :meth:`groups` takes a batch of new articles in input order and gives each the group
    it would get if every article before it had been stored first: its candidates are the
    stored articles (one query for the batch) and the batch's earlier articles (in memory),
    the ``MAX_CANDIDATES`` sharing the most bands, ties by id."""

    def __init__(self, store: Store, threshold: float = THRESHOLD) -> None:
        self.store = store
        self.threshold = threshold

    def groups(self, entries: Sequence[tuple[str, bytes]]) -> list[tuple[str, float | None]]:
        """``(group id, similarity)`` of each ``(article id, signature)``: the group of the
        most similar earlier article above threshold, else a new group (its own id)."""
        buckets = [bands(sig) if sig else () for _, sig in entries]
        stored = self._stored_candidates(buckets)
        batch = _BatchBands()
        found = []
        for i, ((article_id, sig), keys) in enumerate(zip(entries, buckets, strict=True)):
            pool = stored.get(i, []) + batch.candidates(keys)
            pool.sort(key=lambda c: (-c[0], c[1]))
            group = self._best(article_id, sig, pool[:MAX_CANDIDATES])
            found.append(group)
            batch.add(article_id, group[0], sig, keys)
        return found

    def _best(self, article_id: str, sig: bytes, pool: list[Candidate]) -> tuple[str, float | None]:
        best: tuple[float, str, str] | None = None
        for _, candidate, group, other in pool:
            score = similarity(sig, other)
            if score >= self.threshold and (best is None or (score, candidate) > best[:2]):
                best = (score, candidate, group)
        if best is None:
            return article_id, None
        return best[2], round(best[0], 4)

    def _stored_candidates(self, buckets: list[tuple[int, ...]]) -> dict[int, list[Candidate]]:
        found: dict[int, list[Candidate]] = defaultdict(list)
        if any(buckets):
            for item, shared, article_id, group, other in self.store.rows(
                _CANDIDATES, [json.dumps(buckets)]
            ):
                found[item].append((shared, article_id, str(group), other))
        return found

    def save_bands(self, entries: Sequence[tuple[str, bytes]]) -> None:
        """Store the band buckets of ``(article id, signature)`` pairs (none without one)."""
        rows = [(article_id, bands(sig)) for article_id, sig in entries if sig]
        if rows:
            self.store.execute(_INSERT_BATCH, [json.dumps(rows)])


# one JSON parameter rather than thousands of ``?``: parsing those cost more than the work
_CANDIDATES = (
    "WITH q(item, band, bucket) AS (SELECT a.key, b.key, b.value "
    "FROM json_each(?) a, json_each(a.value) b), "
    "c AS (SELECT q.item, m.article_id, count(*) AS shared FROM q JOIN minhash_bands m "
    "ON m.band = q.band AND m.bucket = q.bucket GROUP BY q.item, m.article_id), "
    "r AS (SELECT *, row_number() OVER (PARTITION BY item ORDER BY shared DESC, article_id) "
    "AS n FROM c) "
    "SELECT r.item, r.shared, r.article_id, a.group_id, h.signature FROM r "
    "JOIN minhashes h ON h.article_id = r.article_id JOIN articles a ON a.id = r.article_id "
    f"WHERE r.n <= {MAX_CANDIDATES}"
)
_INSERT_BATCH = (
    "INSERT INTO minhash_bands (band, bucket, article_id) "
    "SELECT b.key, b.value, json_extract(a.value, '$[0]') "
    "FROM json_each(?) a, json_each(a.value, '$[1]') b WHERE true ON CONFLICT DO NOTHING"
)


class _BatchBands:
    """The band buckets of a batch's articles already grouped, in memory."""

    def __init__(self) -> None:
        self.buckets: dict[tuple[int, int], list[str]] = {}
        self.known: dict[str, tuple[str, bytes]] = {}

    def candidates(self, keys: tuple[int, ...]) -> list[Candidate]:
        shared = Counter(
            a for band, key in enumerate(keys) for a in self.buckets.get((band, key), ())
        )
        return [(n, a, *self.known[a]) for a, n in shared.items()]

    def add(self, article_id: str, group: str, sig: bytes, keys: tuple[int, ...]) -> None:
        if keys:
            self.known[article_id] = (group, sig)
            for bucket in enumerate(keys):
                self.buckets.setdefault(bucket, []).append(article_id)


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
