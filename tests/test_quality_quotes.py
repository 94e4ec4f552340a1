"""Quality gate: quote scores on the seed and the example corpus may not drop below floors.

The floors are the issue's acceptance figures; ``veille eval --layers quotes`` prints the
full report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from veille.eval.gold import load_gold_dir
from veille.eval.report import format_report
from veille.eval.runner import EvalResult, check_floors, evaluate

QUOTE_FLOORS = {
    "seed": {"quotes.f1": 1.0, "quotes.source": 1.0, "quotes.verb": 1.0, "quotes.via": 1.0},
    "examples": {"quotes.f1": 0.85, "quotes.source": 0.9, "quotes.verb": 0.9},
}


def run_analyze(text: str, **meta: Any) -> dict[str, Any]:
    from veille import analyze

    return analyze(text, **meta).to_dict()


def score(gold_dir: Path) -> EvalResult:
    return evaluate(load_gold_dir(gold_dir), run_analyze, layers=["quotes"])


@pytest.mark.model
def test_seed_quotes_meet_the_floors(shared: Path) -> None:
    result = score(shared / "gold")
    assert check_floors(result, QUOTE_FLOORS["seed"]) == [], format_report(result)


@pytest.mark.model
def test_example_corpus_quotes_meet_the_floors() -> None:
    result = score(EXAMPLES / "gold")
    assert check_floors(result, QUOTE_FLOORS["examples"]) == [], format_report(result)
