"""Quality gate: entity scores on the seed and the example corpus may not drop below floors.

The floors are the issue's acceptance figures; ``veille eval`` prints the full report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from veille.eval.gold import load_gold_dir
from veille.eval.report import format_report
from veille.eval.runner import EvalResult, check_floors, evaluate

ENTITY_FLOORS = {
    "seed": {
        "entities.f1": 0.95,
        "entities.type": 0.95,
        "entities.kind": 0.95,
        "entities.country": 0.95,
    },
    "examples": {
        "entities.f1": 0.90,
        "entities.type": 0.95,
        "entities.kind": 0.95,
        "entities.country": 0.95,
    },
}


def run_analyze(text: str, **meta: Any) -> dict[str, Any]:
    from veille import analyze

    return analyze(text, **meta).to_dict()


def score(gold_dir: Path) -> EvalResult:
    return evaluate(load_gold_dir(gold_dir), run_analyze, layers=["entities"])


@pytest.mark.model
def test_seed_entities_meet_the_floors(shared: Path) -> None:
    result = score(shared / "gold")
    assert check_floors(result, ENTITY_FLOORS["seed"]) == [], format_report(result)


@pytest.mark.model
def test_example_corpus_entities_meet_the_floors() -> None:
    result = score(EXAMPLES / "gold")
    assert check_floors(result, ENTITY_FLOORS["examples"]) == [], format_report(result)
