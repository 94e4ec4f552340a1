"""The demo: veille's main job over the bundled example corpus.

Each article of ``examples/corpus`` is analyzed with the metadata of its gold file
(``examples/gold``); the summary lists what was found in each and in all.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from veille.errors import InputError
from veille.eval.gold import load_gold_dir
from veille.models import Extraction
from veille.pipeline import analyze
from veille.summary import format_summary


def analyze_examples(examples: Path) -> list[Extraction]:
    """Analyze every article of the example corpus, in file order."""
    gold_dir = examples / "gold"
    if not gold_dir.is_dir():
        raise InputError(f"no example corpus in {examples} (expected {gold_dir})")
    return [
        analyze(g.text, lang=g.lang, published=g.published, outlet=g.outlet, id=g.id)
        for g in load_gold_dir(gold_dir)
    ]


def run_demo(examples: Path) -> str:
    """Analyze the example corpus and return a readable report."""
    extractions = analyze_examples(examples)
    blocks = [format_summary(x) for x in extractions]
    totals: Counter[str] = Counter(e.type for x in extractions for e in x.entities)
    countries: Counter[str] = Counter(
        e.country for x in extractions for e in x.entities if e.country
    )
    top = ", ".join(f"{code} {n}" for code, n in countries.most_common(8))
    footer = (
        f"{len(extractions)} articles; entities: "
        + ", ".join(f"{n} {t}" for t, n in sorted(totals.items()))
        + f"\nmost named countries: {top}"
    )
    return "\n\n".join([*blocks, footer])
