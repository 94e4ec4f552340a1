"""Peer suites (shared/eval, outside the repo): each score must stay above its floor.

Floors are the issue's acceptance targets, or the measured figure rounded down where the
target is not reached yet (marked ``measured``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from veille.eval import peers, peers_recognizers
from veille.nlp.timex import TimexMatch


def _shared_eval() -> Path:
    env = os.environ.get("VEILLE_SHARED")
    if env:
        return Path(env) / "eval"
    return Path(__file__).resolve().parents[2] / "shared" / "eval"


ROOT = _shared_eval()

FLOORS = [
    # (suite, metric, floor)
    ("fr_timebank_dev (veille)", "span F1 (overlap)", 0.90),
    ("fr_timebank_dev (veille)", "value accuracy (matched)", 0.90),
    ("duckling money fr", "value+currency+qualifier", 0.95),
    ("duckling money en", "value+currency+qualifier", 0.90),
    ("duckling time fr", "value at grain", 0.85),
    ("recognizers fr datetime", "all expected found", 0.85),
    ("recognizers fr currency", "all expected found", 0.85),
    ("text2num fr", "text2num+text2digits", 0.95),
    ("text2num fr", "alpha2digit exact", 0.95),
    ("text2num fr", "all functions", 0.95),
]


@pytest.fixture(scope="module")
def scores() -> dict[tuple[str, str], float]:
    if not ROOT.is_dir():
        pytest.skip(f"peer data absent: {ROOT}")
    return {(s.suite, s.metric): s.value for s in peers.score_all(ROOT, baseline=False)}


@pytest.mark.parametrize(("suite", "metric", "floor"), FLOORS)
def test_floor(scores: dict[tuple[str, str], float], suite: str, metric: str, floor: float) -> None:
    assert scores[(suite, metric)] >= floor


def test_table_lists_every_suite(scores: dict[tuple[str, str], float]) -> None:
    suites = {suite for suite, _ in scores}
    assert {s for s, _, _ in FLOORS} <= suites


def _timex(value: str, begin: str | None = None, end: str | None = None) -> TimexMatch:
    return TimexMatch(0, 1, "x", "DATE", value, begin=begin, end_value=end)


def _ended(value: str) -> TimexMatch:
    return TimexMatch(0, 1, "x", "DATE", value, "END")


def _few(value: str, text: str) -> TimexMatch:
    return TimexMatch(0, len(text), text, "DURATION", value)


@pytest.mark.parametrize(
    ("timex", "wanted", "ok"),
    [
        (_timex("2021-07-14T09:00"), "T09", True),  # the hour alone, notation only
        (_timex("2021-07-14T09:30"), "T09", False),
        (_timex("2021-07-14T09:30"), "T09:30:15", False),
        (_timex("2021-07-16"), "XXXX-WXX-5", True),  # a Friday
        (_timex("2021-07-15"), "XXXX-WXX-5", False),
        (_timex("2022-03-08"), "XXXX-03-08", True),
        (_timex("2022-03-09"), "XXXX-03-08", False),
        (_timex("2021-05", "2021-05-03", "2021-05-07"), "(2021-05-03,2021-05-07,P4D)", True),
        (_timex("2021-05", "2021-05-03", "2021-05-08"), "(2021-05-03,2021-05-07,P4D)", False),
        (_timex("2021-05-03"), "(2021-05-03,2021-05-07,P4D)", False),
        (_timex("XXXX-WXX-3T10:00"), "XXXX-WXX-3T10", True),  # a weekly set at a clock
        (_timex("XXXX-WXX-3T10:00"), "XXXX-WXX-4T10", False),
        (_ended("2021-07-16"), "2021-07-16T23:59:59", True),  # the end of a day
        (_ended("2021-07-16"), "2021-07-17T23:59:59", False),
        (_timex("2021-07-16"), "2021-07-16T23:59:59", False),
        (_few("PXW", "quelques semaines"), "P3W", True),  # ``quelques`` written as three
        (_few("PXW", "quelques semaines"), "P2W", False),
        (_few("PXW", "plusieurs semaines"), "P3W", False),
    ],
)
def test_recognizer_notation(timex: TimexMatch, wanted: str, ok: bool) -> None:
    assert peers_recognizers.recognizer_value_ok(timex, wanted) is ok
