"""The evaluation report: a plain-text table, or a JSON-ready dict.

Per layer: P, R, F1 and each field accuracy with its counts; then one line per gold file
and layer that falls short, with the first missed, spurious and wrong items, so that a
regression points at its article.
"""

from __future__ import annotations

from typing import Any

from veille.eval.runner import EvalResult, FileResult, result_metrics
from veille.eval.score import FieldCount, LayerScore

SHOWN_ITEMS = 3
"""How many missed, spurious or wrong items a file line shows."""


def _accuracy(count: FieldCount) -> str:
    value = count.accuracy
    shown = "n/a" if value is None else f"{value:.2f}"
    return f"{shown} ({count.correct}/{count.total})"


def _layer_rows(result: EvalResult) -> list[str]:
    header = f"{'layer':<9} {'files':>5} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}"
    rows = [header, "-" * len(header)]
    for layer, score in result.layers.items():
        rows.append(
            f"{layer:<9} {result.files_scored(layer):>5} {score.tp:>5} {score.fp:>5} "
            f"{score.fn:>5} {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f}"
        )
        if score.fields:
            fields = "  ".join(f"{name} {_accuracy(c)}" for name, c in score.fields.items())
            rows.append(f"{'':<9} {fields}")
    return rows


def _first(label: str, items: tuple[str, ...]) -> str | None:
    if not items:
        return None
    more = f" (+{len(items) - SHOWN_ITEMS} more)" if len(items) > SHOWN_ITEMS else ""
    return f"{label}: " + "; ".join(items[:SHOWN_ITEMS]) + more


def format_file_line(file_id: str, layer: str, score: LayerScore) -> str:
    """One line for a file that falls short on a layer: id, layer, F1 and first problems."""
    parts = [
        _first("missed", score.missed),
        _first("spurious", score.spurious),
        _first("wrong", score.wrong),
    ]
    details = " | ".join(p for p in parts if p is not None)
    line = f"{file_id}  {layer}  F1 {score.f1:.3f}"
    return f"{line}  {details}" if details else line


def format_report(result: EvalResult) -> str:
    """The plain-text report of an evaluation."""
    lines = [f"veille eval: {len(result.files)} gold file(s)", ""]
    if result.layers:
        lines += _layer_rows(result)
    else:
        lines.append("no layer scored (no layer is both annotated and predicted)")
    short = [
        format_file_line(f.id, layer, score)
        for f in result.files
        for layer, score in f.layers.items()
        if not score.perfect
    ]
    lines += ["", "files that fall short:" if short else "every file is perfect", *short]
    return "\n".join(lines)


def format_figure(value: float | None) -> str:
    """A score with three decimals, or ``-`` when there is none."""
    return "-" if value is None else f"{value:.3f}"


def format_comparison(veille: EvalResult, baseline: EvalResult, baseline_name: str) -> str:
    """veille's and the baseline's P, R, F1 and field accuracies, one metric a line."""
    ours, theirs = result_metrics(veille), result_metrics(baseline)
    header = f"{'layer':<9} {'metric':<12} {'veille':>7} {'baseline':>9}"
    lines = [f"veille vs baseline ({baseline_name})", "", header, "-" * len(header)]
    for name in [*ours, *(n for n in theirs if n not in ours)]:
        layer, _, metric = name.partition(".")
        lines.append(
            f"{layer:<9} {metric:<12} {format_figure(ours.get(name)):>7} "
            f"{format_figure(theirs.get(name)):>9}"
        )
    return "\n".join(lines)


def _score_to_json(score: LayerScore) -> dict[str, Any]:
    return {
        "p": score.precision,
        "r": score.recall,
        "f1": score.f1,
        "tp": score.tp,
        "fp": score.fp,
        "fn": score.fn,
        "fields": {
            name: {"accuracy": c.accuracy, "correct": c.correct, "total": c.total}
            for name, c in score.fields.items()
        },
    }


def _file_to_json(file: FileResult) -> dict[str, Any]:
    layers = {
        layer: {
            **_score_to_json(score),
            "missed": list(score.missed),
            "spurious": list(score.spurious),
            "wrong": list(score.wrong),
        }
        for layer, score in file.layers.items()
    }
    return {"id": file.id, "path": str(file.path), "layers": layers}


def result_to_json(result: EvalResult) -> dict[str, Any]:
    """A JSON-ready dict: totals per layer, then per file its layer scores and problems."""
    totals = {
        layer: {"files": result.files_scored(layer), **_score_to_json(score)}
        for layer, score in result.layers.items()
    }
    return {"layers": totals, "files": [_file_to_json(f) for f in result.files]}
