"""Ingestion benchmarks, run by hand: ``python benchmarks/ingest.py [--pages N] [--warc-gb G]``.

1. HTML throughput: ``veille.ingest.ingest`` with ``analyze=False`` (what ``veille ingest
   --no-analyze`` runs: directory walk, read, digest, decoding, the same
   ``trafilatura.bare_extraction`` call, language, article id, resume lookup; then MinHash,
   LSH lookup and SQLite upserts with FTS5 into a new database, committed in groups of 25
   to 200 items, in the writer process beside the extraction) against bare
   ``trafilatura.bare_extraction`` (same settings: ``with_metadata=True,
   include_comments=False``) on the same generated pages read from the same files, best of
   ``--repeat`` alternated runs; printed as a wall-clock ratio (the target is >= 0.9) over
   ``--pages`` pages (default 2,000: the steady rate) and over ``--short`` pages (default
   300, where the run's fixed cost shows), with that fixed cost measured apart (a run over
   one page); then CPU times (veille's main process alone, and with its writer process),
   where the main process's time goes, stage by stage, and the ratio with ``--workers``
   processes.
2. Memory: a generated WARC of about G GB (default 1) ingested by ``veille ingest
   --no-analyze --workers W`` (``--warc-workers W``, default 1) in a child process; the
   peak of the summed RSS of the process tree (sampled every 50 ms) and the largest
   single-process peak are printed (the target is < 1 GB).
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

WORDS = [
    "défense",
    "contrat",
    "drones",
    "armée",
    "ministère",
    "livraison",
    "commande",
    "accord",
    "marine",
    "frégate",
    "missile",
    "système",
    "industriel",
    "coopération",
    "exercice",
    "visite",
    "général",
    "rapport",
    "source",
]


def make_page(i: int, rng: random.Random) -> str:
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + f" {i}-{p}.</p>" for p in range(8)
    )
    links = "".join(f"<li><a href='/r{j}'>Article lié {j}</a></li>" for j in range(15))
    return (
        f"<html lang='fr'><head><title>Page {i}</title><meta property='og:site_name' "
        f"content='Bench'><meta property='article:published_time' content='2024-05-0{i % 9 + 1}'>"
        f"</head><body><nav><ul>{links}</ul></nav><article><h1>Page {i}</h1>{paragraphs}"
        f"</article><div class='comments'><p>Commentaire {i}</p></div>"
        f"<aside class='related'><ul>{links}</ul></aside><footer>© Bench</footer></body></html>"
    )


STAGES = ("open store", "walk + read + resume lookup", "trafilatura", "sending groups (pickle)",
          "waiting for the writer")  # fmt: skip


def write_pages(pages: int, folder: Path) -> list[Path]:
    rng = random.Random(1)
    folder.mkdir()
    for i in range(pages):
        (folder / f"p{i:05d}.html").write_text(make_page(i, rng), "utf-8")
    return sorted(folder.iterdir())


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its ended children (the writer
    process, once it has been waited for)."""
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


class Timing(NamedTuple):
    wall: float
    cpu: float  # this process: bare trafilatura, or veille's main process
    child_cpu: float = 0.0  # veille's writer process


def timed(run: Callable[[], Any]) -> Timing:
    start, (cpu, child) = time.perf_counter(), cpu_seconds()
    run()
    wall, (cpu_after, child_after) = time.perf_counter() - start, cpu_seconds()
    return Timing(wall, cpu_after - cpu, child_after - child)


def bare_seconds(files: list[Path]) -> Timing:
    import trafilatura

    def run() -> None:
        for path in files:
            # the settings of veille.ingest.html.html_document (url is None for files there)
            trafilatura.bare_extraction(
                path.read_bytes().decode("utf-8"), with_metadata=True, include_comments=False
            )

    return timed(run)


def veille_seconds(folder: Path, db: Path, workers: int = 1) -> Timing:
    from veille.ingest import IngestOptions, ingest
    from veille.store import Store

    def run() -> None:
        with Store.open(db) as store:
            ingest(store, [str(folder)], IngestOptions(analyze=False, workers=workers))

    return timed(run)


class Stopwatch:
    """Seconds spent in wrapped functions, by stage (outer calls only)."""

    def __init__(self) -> None:
        self.seconds = dict.fromkeys(STAGES, 0.0)

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - start

        return timed


def stage_seconds(folder: Path, db: Path) -> tuple[Timing, dict[str, float]]:
    """One more veille run, with the main process's stages timed (MinHash and the writes
    are the writer process's, at the same time)."""
    import trafilatura

    from veille.ingest import runner, writer_process
    from veille.store import Store

    watch = Stopwatch()
    saved = (Store.__dict__["open"], runner.Job._work, runner.Job._wait)
    send, plain = writer_process.WriterProcess.write, trafilatura.bare_extraction
    Store.open = classmethod(watch.wrap("open store", saved[0].__func__))  # type: ignore[assignment, method-assign]
    runner.Job._work = _timed_generator(watch, saved[1])  # type: ignore[method-assign]
    runner.Job._wait = watch.wrap("waiting for the writer", saved[2])  # type: ignore[method-assign]
    writer_process.WriterProcess.write = watch.wrap("sending groups (pickle)", send)  # type: ignore[method-assign]
    trafilatura.bare_extraction = watch.wrap("trafilatura", plain)
    try:
        timing = veille_seconds(folder, db)
    finally:
        Store.open, runner.Job._work, runner.Job._wait = saved  # type: ignore[method-assign]
        writer_process.WriterProcess.write, trafilatura.bare_extraction = send, plain  # type: ignore[method-assign]
    return timing, watch.seconds


def _timed_generator(watch: Stopwatch, fn: Callable[..., Iterator[Any]]) -> Callable[..., Any]:
    def timed(*args: Any) -> Iterator[Any]:
        items = fn(*args)
        while True:
            start = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                watch.seconds["walk + read + resume lookup"] += time.perf_counter() - start
            yield item

    return timed


def alternated(files: list[Path], folder: Path, tmp: Path, repeat: int) -> tuple[Timing, Timing]:
    """The best of ``repeat`` alternated runs of each side over the same pages."""
    bare, ours = [], []
    for _ in range(repeat):
        bare.append(bare_seconds(files))
        ours.append(veille_seconds(folder, tmp / f"bench{len(ours)}.db"))
        (tmp / f"bench{len(ours) - 1}.db").unlink()
    return min(bare), min(ours)  # by wall clock


def html_report(pages: int, short: int, tmp: Path, repeat: int, workers: int) -> None:
    folder, small = tmp / "pages", tmp / "short"
    files = write_pages(pages, folder)
    small.mkdir()
    for path in files[:short]:
        (small / path.name).hardlink_to(path)
    bare_seconds(files[:10])  # warm both sides' imports and trafilatura's first-call set-up
    veille_seconds(small, tmp / "warm.db")
    bare, ours = alternated(files, folder, tmp, repeat)
    bare_rate, our_rate = pages / bare.wall, pages / ours.wall
    print(f"HTML pages: {pages}, best of {repeat} alternated runs; bare trafilatura: one process")
    print(
        "veille side: veille.ingest.ingest(analyze=False, workers=1) = veille ingest "
        "--no-analyze (walk, read, decode, trafilatura, MinHash LSH, SQLite + FTS5, new DB), "
        "in two processes: this one reads and extracts, a writer process signs and writes"
    )
    print(f"bare trafilatura: {bare_rate:.1f} pages/s; veille ingest: {our_rate:.1f} pages/s")
    print(f"throughput ratio veille / bare trafilatura: {our_rate / bare_rate:.2f} (target >= 0.9)")
    short_bare, short_ours = alternated(files[:short], small, tmp, repeat)
    (tmp / "one").mkdir()
    (tmp / "one" / files[0].name).hardlink_to(files[0])
    fixed = min(veille_seconds(tmp / "one", tmp / f"one{n}.db").wall for n in range(repeat))
    print(
        f"over the first {short} pages: ratio {short_bare.wall / short_ours.wall:.2f}; a run's "
        f"fixed cost (new database, run records, writer start and stop; a run over one page): "
        f"{fixed * 1e3:.0f} ms"
    )
    cpu_report(pages, bare, ours)
    timing, stages = stage_seconds(folder, tmp / "stages.db")
    print(
        f"where veille's time goes ({timing.wall * 1e3 / pages:.2f} ms/page, one instrumented run):"
    )
    print("  main process (wall clock)")
    stages["other (decode, ids, language, loop)"] = timing.wall - sum(stages.values())
    for stage, seconds in stages.items():
        print(f"    {stage:<36} {seconds * 1e3 / pages:6.3f} ms/page  {seconds / timing.wall:6.1%}")
    print("  writer process (at the same time as the main process; CPU time)")
    writer_ms = timing.child_cpu * 1e3 / pages
    print(f"    {'start-up + MinHash + SQLite + FTS5':<36} {writer_ms:6.3f} ms/page")
    if workers > 1:
        rate = pages / veille_seconds(folder, tmp / "workers.db", workers).wall
        print(
            f"veille ingest --workers {workers} ({workers} extraction processes, the main "
            f"process writes; bare trafilatura uses 1): {rate:.1f} pages/s, "
            f"ratio {rate / bare_rate:.2f}"
        )


def cpu_report(pages: int, bare: Timing, ours: Timing) -> None:
    """CPU time of the best runs, veille's two processes apart and summed."""
    ms = 1e3 / pages
    both = ours.cpu + ours.child_cpu
    print(
        f"CPU time (best runs, user + system): bare trafilatura {bare.cpu * ms:.2f} ms/page; "
        f"veille {both * ms:.2f} ms/page = main process {ours.cpu * ms:.2f} + writer process "
        f"{ours.child_cpu * ms:.2f}"
    )
    print(
        f"CPU-time ratio bare / veille, both processes: {bare.cpu / both:.2f}; main process "
        f"only: {bare.cpu / ours.cpu:.2f}"
    )


def write_warc(path: Path, gigabytes: float) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng, size, count = random.Random(2), 0, 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        while size < gigabytes * 1e9:
            body = make_page(count, rng).encode() + b"<!--" + b"x" * 60_000 + b"-->"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"http://bench.example/{count}", "response",
                    payload=io.BytesIO(body), http_headers=headers,
                )
            )  # fmt: skip
            size, count = out.tell(), count + 1
    return count


def tree_rss_mb(pid: int) -> float:
    """Summed resident memory of a process and its descendants, from /proc (Linux)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        proc = Path(f"/proc/{current}")
        try:
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in (proc / "task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total / 1024


def warc_memory(gigabytes: float, tmp: Path, workers: int) -> tuple[int, float, float, float]:
    warc = tmp / "big.warc"
    records = write_warc(warc, gigabytes)
    veille = Path(sys.executable).parent / "veille"
    command = [str(veille), "ingest", str(warc), "--db", str(tmp / "warc.db"), "--no-analyze",
               "--workers", str(workers)]  # fmt: skip
    start, tree_peak = time.perf_counter(), 0.0
    with subprocess.Popen(command, stdout=subprocess.DEVNULL) as proc:
        while proc.poll() is None:
            tree_peak = max(tree_peak, tree_rss_mb(proc.pid))
            time.sleep(0.05)
    if proc.returncode:
        raise SystemExit(f"veille ingest failed ({proc.returncode})")
    seconds = time.perf_counter() - start
    warc.unlink()
    single_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return records, seconds, tree_peak, single_peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--short", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--warc-gb", type=float, default=1.0)
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="N > 1 adds a line for --workers N (use 2,000+ pages)",
    )
    parser.add_argument("--warc-workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if args.pages > 0:
            html_report(args.pages, args.short, tmp, args.repeat, args.workers)
        if args.warc_gb > 0:
            records, seconds, tree, single = warc_memory(args.warc_gb, tmp, args.warc_workers)
            print(
                f"WARC: {args.warc_gb} GB, {records} records, veille ingest --no-analyze "
                f"--workers {args.warc_workers}: {seconds:.0f} s ({records / seconds:.0f}/s)"
            )
            print(
                f"peak RSS: {tree:.0f} MB for the process tree (sampled), {single:.0f} MB for "
                "the largest process (target < 1024)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
