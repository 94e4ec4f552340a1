"""The quality gate: veille's scores may not drop more than ``TOLERANCE`` below pinned floors.

The floors live in one file, ``quality/floors.toml``: one table per corpus, one line per
``LAYER.METRIC`` (the names of ``veille.eval.suite``'s rows), so raising a floor is a
one-line change. ``make test`` runs the gate (``tests/test_gate.py``) and ``make eval``
checks it after printing the table. A corpus that is absent from this machine is skipped;
a metric that a present corpus did not produce fails: a gate must not pass by absence.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from veille.errors import QualityFloorError
from veille.eval.runner import AnalyzeFn
from veille.eval.suite import (
    PEER_CORPORA,
    PEERS,
    Row,
    available,
    run_suite,
    scores_by_corpus,
    veille_analyze,
)

TOLERANCE = 0.02
"""How far below its floor a score may fall before the gate fails."""

Floors = Mapping[str, Mapping[str, float]]
Scores = Mapping[str, Mapping[str, float | None]]


@dataclass(frozen=True)
class GateResult:
    """What the gate found: one line per failure, and the corpora it could not score."""

    failures: tuple[str, ...]
    skipped: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.failures


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    """The floors file: ``{corpus: {"entities.f1": 0.97, ...}}``."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise QualityFloorError(f"cannot read the floors file {path}: {exc}") from exc
    floors: dict[str, dict[str, float]] = {}
    for corpus, table in data.items():
        if not isinstance(table, dict):
            raise QualityFloorError(f"{path}: [{corpus}] must be a table of LAYER.METRIC = floor")
        floors[corpus] = {name: _floor(path, corpus, name, v) for name, v in table.items()}
    return floors


def _floor(path: Path, corpus: str, name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise QualityFloorError(f"{path}: [{corpus}] {name} must be a number in [0, 1]")
    return float(value)


def check_gate(scores: Scores, floors: Floors) -> list[str]:
    """The floors that scores fall more than ``TOLERANCE`` below, one line each."""
    failures = []
    for corpus, corpus_floors in floors.items():
        if corpus not in scores:
            continue
        for name, floor in corpus_floors.items():
            failure = _check_one(corpus, name, scores[corpus].get(name), floor)
            if failure is not None:
                failures.append(failure)
    return failures


def _check_one(corpus: str, name: str, value: float | None, floor: float) -> str | None:
    if value is None:
        return f"{corpus} {name}: not measured (floor {floor:.2f})"
    if value < floor - TOLERANCE:
        return f"{corpus} {name} = {value:.3f}, more than {TOLERANCE} below its floor {floor:.2f}"
    return None


def run_gate(
    corpora: Mapping[str, Path], floors: Floors, *, analyze: AnalyzeFn = veille_analyze
) -> GateResult:
    """Score veille (without the baseline) on the corpora that have floors, and check them."""
    present = available({name: path for name, path in corpora.items() if _wanted(name, floors)})
    rows = run_suite(present, baseline=False, analyze=analyze)
    return gate_rows(rows, floors, present)


def gate_rows(rows: Iterable[Row], floors: Floors, present: Collection[str]) -> GateResult:
    """Check the rows of ``run_suite`` (over the ``present`` corpora) against the floors."""
    scores = scores_by_corpus(rows)
    unscored = [
        f"{name}: a present corpus gave no scores"
        for name in floors
        if _source(name) in present and name not in scores
    ]
    return GateResult(
        failures=tuple(unscored + check_gate(scores, floors)),
        skipped=tuple(name for name in floors if _source(name) not in present),
    )


def _source(corpus: str) -> str:
    """The corpus whose folder a floors table needs (the peer suites share one)."""
    return PEERS if corpus in PEER_CORPORA else corpus


def _wanted(name: str, floors: Floors) -> bool:
    return any(_source(corpus) == name for corpus in floors)
