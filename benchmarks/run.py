"""``make bench``: veille's full pipeline against bare spaCy on the same articles, in one run.

Throughput is reported as a ratio to bare ``fr_core_news_md`` ``nlp.pipe`` measured in the
same run, so the figure does not depend on the machine; 1 and 2 worker processes, each
loading its models once; peak RSS per worker; the share of the time each component and
each conversion step takes; ingest throughput when ``benchmarks/ingest.py`` exists.
Results go to stdout and to ``docs/benchmarks.md``.

``python benchmarks/run.py [--repeat N] [--processes 1,2] [--no-write]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from components import bare_shares, component_shares
from throughput import RUNNERS, Article, Measure, measure

REPO = Path(__file__).resolve().parents[1]
BARE = "bare fr_core_news_md nlp.pipe"
TARGET_RATIO = 0.8
TARGET_RSS_MB = 1024


def french_articles(repeat: int) -> list[Article]:
    """The example corpus's French articles with their publication dates, repeated."""
    from veille.eval.gold import load_gold_dir

    gold = [g for g in load_gold_dir(REPO / "examples" / "gold") if g.lang == "fr"]
    return [(g.text, g.published) for g in gold] * repeat


def throughput_table(measures: Sequence[Measure]) -> str:
    """One line per runner and process count, with the ratio to bare spaCy."""
    bare = {m.processes: m.per_second for m in measures if m.runner == BARE}
    header = f"{'runner':<31} {'procs':>5} {'articles/s':>10} {'ratio':>6} {'RSS/worker':>11}"
    lines = [header, "-" * len(header)]
    for m in measures:
        ratio = m.per_second / bare[m.processes]
        lines.append(
            f"{m.runner:<31} {m.processes:>5} {m.per_second:>10.1f} {ratio:>5.2f}x "
            f"{m.peak_rss_mb:>8.0f} MB"
        )
    return "\n".join(lines)


def verdict(measures: Sequence[Measure]) -> str:
    """Whether the targets are met: ratio >= 0.8 and peak RSS <= 1 GB per worker."""
    bare = {m.processes: m.per_second for m in measures if m.runner == BARE}
    full = [m for m in measures if m.runner != BARE]
    best = {p: max(m.per_second for m in full if m.processes == p) / bare[p] for p in bare}
    rss = max(m.peak_rss_mb for m in full)
    ratios = ", ".join(f"{p} proc: {r:.2f}x" for p, r in sorted(best.items()))
    ok_ratio = all(r >= TARGET_RATIO for r in best.values())
    ok_rss = rss <= TARGET_RSS_MB
    return (
        f"throughput ratio (best veille runner / bare): {ratios} — target >= {TARGET_RATIO}x: "
        f"{'met' if ok_ratio else 'MISSED'}\n"
        f"peak RSS per worker (veille): {rss:.0f} MB — target <= {TARGET_RSS_MB} MB: "
        f"{'met' if ok_rss else 'MISSED'}"
    )


def shares_table(
    total: float, parts: Sequence[tuple[str, float]], bare: dict[str, float], articles: int
) -> str:
    """Each part's time per article and share of ``analyze``, beside bare spaCy's."""
    header = f"{'part':<34} {'ms/article':>10} {'share':>6} {'bare ms/article':>16}"
    lines = [header, "-" * len(header)]
    for name, seconds in parts:
        theirs = f"{1000 * bare[name] / articles:.2f}" if name in bare else ""
        lines.append(
            f"{name:<34} {1000 * seconds / articles:>10.2f} {seconds / total:>6.1%} {theirs:>16}"
        )
    bare_total = 1000 * sum(bare.values()) / articles
    lines.append(f"{'total':<34} {1000 * total / articles:>10.2f} {1:>6.0%} {bare_total:>16.2f}")
    return "\n".join(lines)


def script_report(name: str) -> str:
    """The output of another benchmark script (``benchmarks/NAME``), run in its own process."""
    script = REPO / "benchmarks" / name
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=REPO, check=False
    )
    return (done.stdout or done.stderr).strip() or f"{name} exited {done.returncode}"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--repeat", type=int, default=4, help="copies of the French articles")
    parser.add_argument("--processes", default="1,2", help="worker counts, e.g. 1,2")
    parser.add_argument("--no-write", action="store_true", help="do not write the docs page")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> dict[str, str]:
    """Every measurement, as named plain-text sections."""
    articles = french_articles(args.repeat)
    counts = [int(n) for n in args.processes.split(",")]
    measures = [measure(name, articles, n) for n in counts for name in RUNNERS]
    total, parts = component_shares(articles)
    bare = bare_shares(articles)
    return {
        "throughput": throughput_table(measures),
        "targets": verdict(measures),
        "time per component (one process; veille analyze vs bare nlp.pipe)": shares_table(
            total, parts, bare, len(articles)
        ),
        "ingest": script_report("ingest.py"),
        "query latency": script_report("queries.py"),
        "setup": (
            f"{len(articles)} French articles (examples/gold, x{args.repeat}), "
            f"{sum(len(t) for t, _ in articles) // len(articles)} characters on average; "
            f"best of 2 rounds per worker; Python {platform.python_version()}, "
            f"{os.cpu_count()} CPUs"
        ),
    }


def write_doc(sections: dict[str, str], command: str) -> None:
    """``docs/benchmarks.md``: the figures, the command and the date, then the notes."""
    path = REPO / "docs" / "benchmarks.md"
    notes = ""
    if path.exists():
        old = path.read_text("utf-8")
        marker = "\n## Notes"
        notes = old[old.index(marker) :] if marker in old else ""
    body = "".join(f"## {name}\n\n```\n{text}\n```\n\n" for name, text in sections.items())
    head = (
        "# Benchmarks\n\n"
        f"Written by `make bench` (`{command}`) on {dt.date.today().isoformat()}.\n"
        "Ratios compare veille with bare `fr_core_news_md` measured in the same run, so they\n"
        "do not depend on the machine; the notes below interpret them.\n\n"
    )
    path.write_text(head + body.rstrip() + "\n" + notes, "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    sections = run(args)
    for name, text in sections.items():
        sys.stdout.write(f"== {name}\n{text}\n\n")
    if not args.no_write:
        command = " ".join(["python benchmarks/run.py", *(sys.argv[1:] if argv is None else argv)])
        write_doc(sections, command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
