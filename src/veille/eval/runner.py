"""Run an analysis function over gold files and score it, layer by layer.

The analysis function is injected, so the scorer needs no model: ``veille eval`` passes
``veille.analyze(...).to_dict()``, tests pass a function returning fixed predictions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from veille.eval.gold import GoldFile
from veille.eval.score import FIELDS, SCORERS, LayerScore
from veille.models import LAYERS


class AnalyzeFn(Protocol):
    """Reads one article and returns its extraction as the JSON dict of ``veille analyze``."""

    def __call__(
        self, text: str, *, lang: str | None, published: dt.date | None, outlet: str | None
    ) -> Mapping[str, Any]: ...


@dataclass(frozen=True)
class FileResult:
    """The scores of one gold file, for each layer both the gold and the prediction have."""

    id: str
    path: Path
    layers: Mapping[str, LayerScore]


@dataclass(frozen=True)
class EvalResult:
    """Per-file scores and their micro-averaged totals per layer (in ``LAYERS`` order)."""

    files: tuple[FileResult, ...]
    layers: Mapping[str, LayerScore]

    def files_scored(self, layer: str) -> int:
        """How many files were scored on ``layer``."""
        return sum(layer in f.layers for f in self.files)


def score_file(
    gold: GoldFile, predicted: Mapping[str, Any], layers: Collection[str] | None = None
) -> FileResult:
    """Score the layers that the gold file annotates and the prediction produced."""
    entities = gold.layers.get("entities", [])
    scores: dict[str, LayerScore] = {}
    for layer, gold_items in gold.layers.items():
        pred_items = predicted.get(layer)
        if pred_items is None or (layers is not None and layer not in layers):
            continue
        scores[layer] = SCORERS[layer](gold_items, pred_items, gold.text, entities=entities)
    return FileResult(id=gold.id, path=gold.path, layers=scores)


def combine_files(files: Sequence[FileResult]) -> EvalResult:
    """Micro-average the per-file scores of each layer."""
    totals = {
        layer: LayerScore.combine(f.layers[layer] for f in files if layer in f.layers)
        for layer in LAYERS
        if any(layer in f.layers for f in files)
    }
    return EvalResult(files=tuple(files), layers=totals)


def evaluate(
    gold_files: Sequence[GoldFile],
    analyze: AnalyzeFn,
    *,
    layers: Collection[str] | None = None,
) -> EvalResult:
    """Analyse each gold article with ``analyze`` and score it; ``layers`` restricts scoring."""
    results = []
    for gold in gold_files:
        predicted = analyze(gold.text, lang=gold.lang, published=gold.published, outlet=gold.outlet)
        results.append(score_file(gold, predicted, layers))
    return combine_files(results)


def known_metrics(layer: str) -> tuple[str, ...]:
    """The metric names a floor may name for ``layer``: p, r, f1 and its fields."""
    return ("p", "r", "f1", *FIELDS.get(layer, ()))


def metric_value(result: EvalResult, name: str) -> float | None:
    """The value of ``LAYER.METRIC`` (``entities.f1``), None when unscored or undefined."""
    layer, _, metric = name.partition(".")
    score = result.layers.get(layer)
    if score is None or metric not in known_metrics(layer):
        return None
    return score.metric(metric)


def result_metrics(result: EvalResult) -> dict[str, float | None]:
    """Every metric of every scored layer: ``{"entities.p": 0.95, "entities.type": ...}``."""
    return {
        f"{layer}.{metric}": score.metric(metric)
        for layer, score in result.layers.items()
        for metric in known_metrics(layer)
    }


def check_floors(result: EvalResult, floors: Mapping[str, float]) -> list[str]:
    """The floors (``{"entities.f1": 0.95}``) that the result falls below, one line each.

    A floor on a layer that was not scored, an unknown metric, or a field accuracy with no
    matched pair to measure it fails too: a quality gate must not pass by absence.
    """
    failures = []
    for name, floor in floors.items():
        layer, _, metric = name.partition(".")
        score = result.layers.get(layer)
        if metric not in known_metrics(layer):
            failures.append(f"{name}: unknown metric (known: {', '.join(known_metrics(layer))})")
        elif score is None:
            failures.append(f"{name}: layer {layer!r} was not scored")
        elif (value := score.metric(metric)) is None:
            failures.append(f"{name}: undefined (no matched pair), floor {floor:g}")
        elif value < floor:
            failures.append(f"{name} = {value:.3f} < {floor:g}")
    return failures
