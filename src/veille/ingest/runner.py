"""The ingest job: sources in, articles (and extractions) out, every item accounted for.

Readers run in this process and stream items; ``prepare`` (decode, extract, analyze,
MinHash) runs here or in a local process pool (``workers``), each worker loading the
models once. One writer writes, in input order: with one worker, a writer process
(:mod:`veille.ingest.writer_process`, which also signs) beside this one, so that
extraction and writing share no GIL; with a pool, this process. Every item ends as processed,
duplicate (same text as a stored article: its URL is added) or error (a row saying
why), and ``in = processed + duplicates + errors``. A run is identified by its inputs
and settings: rerunning an interrupted one resumes it, skipping what is already stored.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille import __version__
from veille.errors import VeilleError
from veille.ingest import dedup
from veille.ingest.discover import ReadOptions, open_sources
from veille.ingest.html import fragment_document, html_document
from veille.ingest.sources import (
    Document,
    ItemError,
    ItemFailure,
    Meta,
    RawItem,
    check_size,
    decode_bytes,
)
from veille.ingest.text import text_document
from veille.ingest.web import Fetcher
from veille.ingest.writer import GroupWriter, Prepared
from veille.ingest.writer_process import WriterProcess, held_interrupts
from veille.lang import detect_language
from veille.models import Article, Extraction, parse_date
from veille.store import queries
from veille.store.db import Store
from veille.store.records import ArticleMeta, finish_run, start_run


@dataclass(frozen=True)
class IngestOptions:
    """Settings of an ingest job (those that change results make its identity)."""

    analyze: bool = True
    workers: int = 1
    since: dt.date | None = None
    threshold: float = dedup.THRESHOLD
    read: ReadOptions = field(default_factory=ReadOptions)
    commit_every: int = 200  # at most; a group goes as soon as the writer is idle
    strict: bool = False

    def identity(self) -> dict[str, Any]:
        return {
            "analyze": self.analyze,
            "since": self.since.isoformat() if self.since else None,
            "threshold": self.threshold,
            "max_bytes": self.read.max_bytes,
            "fetch_links": self.read.fetch_links,
            "fields": dict(self.read.fields),
        }


@dataclass
class Counts:
    """``in = processed + duplicates + errors``; ``resumed`` were already in the store."""

    inputs: int = 0
    processed: int = 0
    duplicates: int = 0
    errors: int = 0
    resumed: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, status: str, resumed: bool = False) -> None:
        self.inputs += 1
        self.resumed += resumed
        if status == "processed":
            self.processed += 1
        elif status == "duplicate":
            self.duplicates += 1
        else:
            self.errors += 1

    def as_row(self) -> dict[str, int]:
        return {
            "in": self.inputs,
            "processed": self.processed,
            "duplicates": self.duplicates,
            "errors": self.errors,
            "resumed": self.resumed,
        }

    @property
    def rate(self) -> float:
        return self.inputs / max(time.monotonic() - self.started, 1e-9)


@dataclass(frozen=True)
class Resumed:
    """An item already recorded by an earlier (interrupted) run of the same job."""

    status: str


@dataclass(frozen=True)
class IngestResult:
    run_id: str
    counts: Counts
    resumed_run: bool


# -- worker side ---------------------------------------------------------------------------


@functools.cache
def _fetcher() -> Fetcher:
    return Fetcher()


def _document(raw: RawItem, options: IngestOptions) -> Document:
    data, meta, kind = raw.data, raw.meta, raw.kind
    if kind == "url":
        fetched = _fetcher().fetch(str(data))
        data, meta, kind = fetched.data, meta.merged(Meta(url=fetched.url)), "html"
    encoding = None
    if isinstance(data, bytes):
        check_size(data, options.read.max_bytes)
        data, encoding = decode_bytes(data)
    if kind == "html":
        doc = html_document(data, meta, encoding)
    elif kind == "fragment":
        doc = fragment_document(data, meta, encoding)
    else:
        doc = text_document(data, kind, meta, encoding)
    return doc


def _published(value: str | None) -> dt.date | None:
    try:
        return parse_date(value)
    except VeilleError:
        return None


def _article(doc: Document) -> Article:
    lang = (doc.meta.lang or "").lower()[:2] or detect_language(doc.text)
    return Article.create(
        doc.text,
        lang=lang,
        published=_published(doc.meta.published),
        outlet=doc.meta.outlet,
        url=doc.meta.url,
        title=doc.meta.title,
    )


def _analyze(article: Article) -> Extraction:
    from veille.pipeline import analyze

    try:
        return analyze(
            article.text,
            lang=article.lang,
            published=article.published,
            outlet=article.outlet,
            url=article.url,
            title=article.title,
        )
    except VeilleError as exc:
        raise ItemFailure("not_analyzable", str(exc)) from exc


def prepare(raw: RawItem, options: IngestOptions, sign: bool = True) -> Prepared | ItemError:
    """Decode, extract, analyze and sign one item; a failure becomes an ``ItemError``.
    Unsigned (``sign=False``), the item is signed by the writer."""
    try:
        doc = _document(raw, options)
        article = _article(doc)
        if options.since and article.published and article.published < options.since:
            raise ItemFailure("before_since", f"published {article.published}, before --since")
        extraction = _analyze(article) if options.analyze else None
    except ItemFailure as exc:
        return ItemError(raw.key, raw.source, exc.reason, str(exc))
    except Exception as exc:  # one bad document never ends the batch
        if options.strict:
            raise
        return ItemError(raw.key, raw.source, "unreadable", f"unexpected {exc!r}")
    meta = ArticleMeta(author=doc.meta.author, encoding=doc.encoding, source_id=raw.source.id)
    sig = dedup.signature(article.text) if sign else None
    return Prepared(raw.key, raw.source, raw.digest, article, meta, extraction, sig)


# -- parent side ---------------------------------------------------------------------------

LOOKAHEAD = 64  # items read ahead, whose earlier outcomes are looked up at once
LOOKAHEAD_BYTES = 16_000_000  # at most, as read
MIN_GROUP = 25  # items handed to an idle writer process at once (fewer: more hand-offs)
Work = RawItem | ItemError | Resumed
Outcome = Prepared | ItemError | Resumed


def ordered_map(
    work: Iterable[Work], fn: Callable[[RawItem], Outcome], workers: int
) -> Iterator[Outcome]:
    """``fn`` over the raw items, in order, with at most a few items in flight per worker."""
    if workers <= 1:
        for item in work:
            yield fn(item) if isinstance(item, RawItem) else item
        return
    window: deque[Future[Outcome] | Outcome] = deque()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for item in work:
            window.append(pool.submit(fn, item) if isinstance(item, RawItem) else item)
            if len(window) >= workers * 4:
                yield _result(window.popleft())
        while window:
            yield _result(window.popleft())


def _result(entry: Future[Outcome] | Outcome) -> Outcome:
    return entry.result() if isinstance(entry, Future) else entry


class Job:
    """One ingest run writing to a store."""

    def __init__(self, store: Store, inputs: list[str], options: IngestOptions) -> None:
        self.store = store
        self.inputs = inputs
        self.options = options
        self.counts = Counts()
        self.job = _job_id(inputs, options)
        resumed = queries.unfinished_run(store, self.job)
        self.resumed_run = resumed is not None
        self.run_id = resumed or f"{self.job}-{queries.count_runs(store, self.job) + 1}"
        self._group: list[Prepared | ItemError] = []
        self._group_keys: set[str] = set()
        self._writing_keys: set[str] = set()  # the group the writer process has
        self._separate = options.workers <= 1  # a writer process beside the extraction
        self._process: WriterProcess | None = None
        self._writer: GroupWriter | None = None

    def run(self, progress: Callable[[Counts], None] | None = None) -> IngestResult:
        start_run(self.store, self.run_id, self.job, self._run_fields())
        self.store.commit()
        try:
            with Store.read(self.store.path) as self._reader:
                self._start_writer()
                try:
                    self._read_and_write(progress)
                finally:
                    self._stop_writer()
        except KeyboardInterrupt:
            finish_run(self.store, self.run_id, "interrupted", self.counts.as_row())
            self.store.commit()
            raise
        finish_run(self.store, self.run_id, "done", self.counts.as_row())
        self.store.commit()
        return IngestResult(self.run_id, self.counts, self.resumed_run)

    def _start_writer(self) -> None:
        if self._separate:
            self._process = WriterProcess(self.store.path, self.run_id, self.options.threshold)
        else:
            self._writer = GroupWriter(self.store, self.run_id, self.options.threshold)

    def _stop_writer(self) -> None:
        if self._process is not None:
            self._process.close()
            self._process = None

    def _read_and_write(self, progress: Callable[[Counts], None] | None) -> None:
        # with one worker, MinHash runs in the writer process, beside extraction
        fn = functools.partial(prepare, options=self.options, sign=not self._separate)
        try:
            for outcome in ordered_map(self._work(), fn, self.options.workers):
                self._write(outcome)
                if progress:
                    progress(self.counts)
        except KeyboardInterrupt:  # what was read is written
            self._flush(wait=True)
            raise
        self._flush(wait=True)

    def _run_fields(self) -> dict[str, Any]:
        return {
            "command": "ingest",
            "inputs": self.inputs,
            "settings": {**self.options.identity(), "workers": self.options.workers},
            "versions": dict(_versions(self.options.analyze)),
        }

    def _work(self) -> Iterator[Work]:
        """The input items, read a batch ahead so that their earlier outcomes are looked up
        with one query a batch."""
        fetcher = functools.partial(Fetcher, max_bytes=self.options.read.max_bytes)
        batch: list[RawItem | ItemError] = []
        size = 0
        for source in open_sources(self.inputs, self.options.read, fetcher):
            for item in source.items():
                batch.append(item)
                size += len(item.data) if isinstance(item, RawItem) else 0
                if len(batch) >= LOOKAHEAD or size >= LOOKAHEAD_BYTES:
                    yield from self._looked_up(batch)
                    batch, size = [], 0
        yield from self._looked_up(batch)

    def _looked_up(self, batch: list[RawItem | ItemError]) -> Iterator[Work]:
        keys = [item.key for item in batch if isinstance(item, RawItem)]
        known = self._outcomes(keys)
        # an outcome still on its way to the store, or one of this batch, is not known yet
        unsure = {k for k in keys if k in self._group_keys or k in self._writing_keys}
        for item in batch:
            if not isinstance(item, RawItem):
                yield item
            elif item.key in unsure:
                yield self._resumed(item, self._outcome(item.key))
            else:
                unsure.add(item.key)
                yield self._resumed(item, known.get(item.key))

    def _outcome(self, key: str) -> tuple[str, str | None] | None:
        """The stored outcome of an item key, once any earlier outcome of it is written."""
        if key in self._group_keys or key in self._writing_keys:
            self._flush(wait=True)
        return self._outcomes([key]).get(key)

    def _outcomes(self, keys: list[str]) -> dict[str, tuple[str, str | None]]:
        """The stored ``(status, digest)`` of the item keys the store knows."""
        if not keys:
            return {}
        return {
            row[0]: (row[1], row[2]) for row in self._reader.rows(_OUTCOMES, [json.dumps(keys)])
        }

    @staticmethod
    def _resumed(item: RawItem, known: tuple[str, str | None] | None) -> RawItem | Resumed:
        """The item, or ``Resumed`` when an earlier run stored it (the same content)."""
        if known and known[0] != "error" and (item.kind == "url" or known[1] == item.digest):
            return Resumed(known[0])
        return item

    def _write(self, outcome: Outcome) -> None:
        """Add the outcome to the commit group; a full group is written and committed."""
        if isinstance(outcome, Resumed):
            self.counts.add(outcome.status, resumed=True)
            return
        if self._writer is not None:  # worker processes wait for nothing long: write it now
            for status in self._writer.write([outcome]):
                self.counts.add(status)
        self._group.append(outcome)
        self._group_keys.add(outcome.key)
        size = len(self._group)
        if size >= self.options.commit_every or (size >= MIN_GROUP and self._writer_idle()):
            self._flush()

    def _writer_idle(self) -> bool:
        process = self._process
        if process is not None and process.answered():
            self._wait()
        return process is not None and not process.busy

    def _flush(self, wait: bool = False) -> None:
        """Send the commit group to the writer process, once it has written the last one
        (with worker processes, the group is already written: commit it)."""
        self._wait()
        if self._process is None:  # written as they came: only the commit is left
            self.store.commit()
            self._group, self._group_keys = [], set()
            return
        if self._group:
            with held_interrupts():  # a group sent is a group no longer waiting
                self._process.write(self._group)
                self._writing_keys = self._group_keys
                self._group, self._group_keys = [], set()
        if wait:
            self._wait()

    def _wait(self) -> None:
        """Wait for the writer process's answer, and count the statuses of its group."""
        if self._process is not None:
            with held_interrupts():  # a group written is a group counted
                for status in self._process.wait():
                    self.counts.add(status)
                self._writing_keys = set()


_OUTCOMES = "SELECT key, status, digest FROM items WHERE key IN (SELECT value FROM json_each(?))"


def _job_id(inputs: list[str], options: IngestOptions) -> str:
    names = [n if n == "-" or "://" in n else str(Path(n).resolve()) for n in inputs]
    blob = json.dumps({"inputs": names, **options.identity()}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:12]


@functools.cache  # read from the installed packages' metadata once a process
def _versions(analyze: bool) -> dict[str, str]:
    import importlib.metadata as md

    names = ("trafilatura", "feedparser", "warcio", "numpy", "sqlite-utils")
    versions = {"veille": __version__, "minhash": dedup.SCHEME}
    versions.update({n: md.version(n) for n in names})
    if analyze:
        versions["spacy"] = md.version("spacy")
    return versions


def ingest(
    store: Store,
    inputs: list[str],
    options: IngestOptions | None = None,
    progress: Callable[[Counts], None] | None = None,
) -> IngestResult:
    """Ingest ``inputs`` (files, directories, URLs, ``-``) into ``store``."""
    return Job(store, inputs, options or IngestOptions()).run(progress)


__all__ = ["Counts", "IngestOptions", "IngestResult", "Prepared", "ingest", "prepare"]
