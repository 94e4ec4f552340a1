"""Benchmarks: veille's full pipeline against bare spaCy on the same articles, in one run.

Throughput is reported as a ratio to the bare ``fr_core_news_md`` ``nlp.pipe`` baseline
measured in the same process, so the figure does not depend on the machine. Results go
to stdout and to ``docs/benchmarks.md``.
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROUNDS = 3


def example_texts(lang: str) -> list[str]:
    from veille.eval.gold import load_gold_dir

    return [g.text for g in load_gold_dir(REPO / "examples" / "gold") if g.lang == lang]


def best_time(run: Callable[[], object]) -> float:
    """The fastest of a few rounds (the least disturbed by other work on the machine)."""
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    import spacy

    from veille import analyze
    from veille.nlp.build import MODELS

    texts = example_texts("fr") * 5
    bare = spacy.load(MODELS["fr"])
    analyze(texts[0], lang="fr")  # load the full pipeline before timing

    bare_s = best_time(lambda: list(bare.pipe(texts)))
    full_s = best_time(lambda: [analyze(t, lang="fr") for t in texts])
    ratio = bare_s / full_s
    rows = [
        ("articles per round", f"{len(texts)}"),
        ("bare fr_core_news_md nlp.pipe", f"{len(texts) / bare_s:.1f} articles/s"),
        ("veille analyze (entities)", f"{len(texts) / full_s:.1f} articles/s"),
        ("throughput ratio veille / bare", f"{ratio:.2f}"),
        ("peak RSS of the process", f"{peak_rss_mb():.0f} MB"),
    ]
    width = max(len(name) for name, _ in rows)
    report = "\n".join(f"{name:<{width}}  {value}" for name, value in rows)
    print(report)
    doc = (
        "# Benchmarks\n\n"
        "Written by `make bench` (`benchmarks/run.py`): the example corpus's French articles,\n"
        f"repeated to {len(texts)}, best of {ROUNDS} rounds, one process.\n"
        "The ratio compares veille's full pipeline with bare `fr_core_news_md` in the same run.\n\n"
        f"Last run: {dt.date.today().isoformat()}\n\n```\n{report}\n```\n"
    )
    (REPO / "docs" / "benchmarks.md").write_text(doc, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
