"""Throughput and peak memory of veille's full pipeline and of bare spaCy, per worker process.

Each worker is a fresh (spawned) process that loads its models once, waits until every
worker is ready, then times its share of the articles; throughput is the number of
articles over the slowest worker's time, and each worker reports its own peak RSS.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.synchronize import Barrier
from typing import Any

Article = tuple[str, "dt.date | None"]
ROUNDS = 2
BARE_MODEL = "fr_core_news_md"


@dataclass(frozen=True)
class WorkerResult:
    """One worker's best time over its articles, and its peak resident memory."""

    seconds: float
    articles: int
    peak_rss_mb: float


@dataclass(frozen=True)
class Measure:
    """One configuration: what ran, in how many processes, and the figures."""

    runner: str
    processes: int
    articles: int
    seconds: float
    peak_rss_mb: float

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (``ru_maxrss`` is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_runner() -> Callable[[Sequence[Article]], object]:
    """Bare ``fr_core_news_md``: ``nlp.pipe`` over the texts."""
    import spacy

    nlp = spacy.load(BARE_MODEL)
    return lambda articles: list(nlp.pipe(text for text, _ in articles))


def analyze_runner() -> Callable[[Sequence[Article]], object]:
    """veille's full pipeline, one ``analyze`` call per article."""
    from veille.pipeline import analyze

    return lambda articles: [analyze(t, lang="fr", published=p) for t, p in articles]


def analyze_many_runner() -> Callable[[Sequence[Article]], object]:
    """veille's full pipeline over a stream, ``analyze_many``."""
    from veille.pipeline import analyze_many

    def run(articles: Sequence[Article]) -> object:
        items = ({"text": t, "lang": "fr", "published": p} for t, p in articles)
        return list(analyze_many(items, strict=True))

    return run


RUNNERS: dict[str, Callable[[], Callable[[Sequence[Article]], object]]] = {
    "bare fr_core_news_md nlp.pipe": bare_runner,
    "veille analyze (per article)": analyze_runner,
    "veille analyze_many (stream)": analyze_many_runner,
}


def _best_time(run: Callable[[Sequence[Article]], object], articles: Sequence[Article]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        run(articles)
        times.append(time.perf_counter() - start)
    return min(times)


def _worker(name: str, articles: list[Article], barrier: Barrier, out: Any) -> None:
    run = RUNNERS[name]()
    run(articles[:2])  # warm up: lazy tables, caches, first-call costs
    barrier.wait()
    seconds = _best_time(run, articles)
    out.put(WorkerResult(seconds, len(articles), peak_rss_mb()))


def measure(name: str, articles: Sequence[Article], processes: int) -> Measure:
    """Run ``RUNNERS[name]`` in ``processes`` spawned workers, the articles split between them."""
    context = mp.get_context("spawn")
    barrier, out = context.Barrier(processes), context.Queue()
    shards = [list(articles[i::processes]) for i in range(processes)]
    workers = [
        context.Process(target=_worker, args=(name, shard, barrier, out)) for shard in shards
    ]
    for worker in workers:
        worker.start()
    results = [out.get() for _ in workers]
    for worker in workers:
        worker.join()
    return Measure(
        runner=name,
        processes=processes,
        articles=sum(r.articles for r in results),
        seconds=max(r.seconds for r in results),
        peak_rss_mb=max(r.peak_rss_mb for r in results),
    )
