"""The scorer for the gold format (``shared/gold/FORMAT.md``) behind ``veille eval``.

``load_gold_dir`` reads and checks gold files, ``evaluate`` runs an analysis function
over them and scores each layer, ``check_floors`` compares the result with pinned
floors, ``format_report`` and ``result_to_json`` present it. See ``docs/eval.md``.
"""

from __future__ import annotations

from veille.eval.gold import GoldFile, load_gold_dir, load_gold_file
from veille.eval.report import format_report, result_to_json
from veille.eval.runner import (
    AnalyzeFn,
    EvalResult,
    FileResult,
    check_floors,
    evaluate,
    known_metrics,
    score_file,
)
from veille.eval.score import (
    FIELDS,
    SCORERS,
    FieldCount,
    LayerScore,
    score_amounts,
    score_deals,
    score_entities,
    score_events,
    score_quotes,
    score_timexes,
)

__all__ = [
    "FIELDS",
    "SCORERS",
    "AnalyzeFn",
    "EvalResult",
    "FieldCount",
    "FileResult",
    "GoldFile",
    "LayerScore",
    "check_floors",
    "evaluate",
    "format_report",
    "known_metrics",
    "load_gold_dir",
    "load_gold_file",
    "result_to_json",
    "score_amounts",
    "score_deals",
    "score_entities",
    "score_events",
    "score_file",
    "score_quotes",
    "score_timexes",
]
