"""Ingestion benchmarks, run by hand: ``python benchmarks/ingest.py [--pages N] [--warc-gb G]``.

1. HTML throughput: ``veille.ingest`` (``--no-analyze``: read, trafilatura, MinHash,
   SQLite with FTS) against bare ``trafilatura.bare_extraction`` on the same generated
   pages, in one process; printed as a ratio (the target is >= 0.9).
2. Memory: a generated WARC of about G GB (default 1) ingested by ``veille ingest
   --no-analyze`` in a child process; its peak RSS is printed (the target is < 1 GB).
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
from pathlib import Path

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


def html_ratio(pages: int, tmp: Path) -> tuple[float, float, float]:
    import trafilatura

    from veille.ingest import IngestOptions, ingest
    from veille.store import Store

    rng = random.Random(1)
    folder = tmp / "pages"
    folder.mkdir()
    for i in range(pages):
        (folder / f"p{i:05d}.html").write_text(make_page(i, rng), "utf-8")
    files = sorted(folder.iterdir())
    start = time.perf_counter()
    for path in files:
        trafilatura.bare_extraction(
            path.read_bytes().decode("utf-8"), with_metadata=True, include_comments=False
        )
    bare = time.perf_counter() - start
    start = time.perf_counter()
    with Store.open(tmp / "bench.db") as store:
        ingest(store, [str(folder)], IngestOptions(analyze=False))
    veille = time.perf_counter() - start
    return pages / bare, pages / veille, bare / veille


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


def warc_memory(gigabytes: float, tmp: Path, workers: int) -> tuple[int, float, float]:
    warc = tmp / "big.warc"
    records = write_warc(warc, gigabytes)
    veille = Path(sys.executable).parent / "veille"
    start = time.perf_counter()
    subprocess.run(
        [str(veille), "ingest", str(warc), "--db", str(tmp / "warc.db"), "--no-analyze",
         "--workers", str(workers)],
        check=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return records, seconds, peak_mb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--warc-gb", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        bare, ours, ratio = html_ratio(args.pages, tmp)
        print(f"HTML pages: {args.pages}")
        print(f"bare trafilatura: {bare:.1f} pages/s; veille ingest: {ours:.1f} pages/s")
        print(f"throughput ratio veille / bare trafilatura: {ratio:.2f} (target >= 0.9)")
        if args.warc_gb > 0:
            records, seconds, peak = warc_memory(args.warc_gb, tmp, args.workers)
            print(f"WARC: {args.warc_gb} GB, {records} records in {seconds:.0f} s")
            print(f"peak RSS of one ingest process: {peak:.0f} MB (target < 1024)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
