"""Score the time, number and money normalisers on public peer suites.

The suites live outside the repository (``shared/eval``, see its README): French TimeBank
(dev half), Duckling's French time and French/English money corpora, Microsoft
Recognizers-Text's trusted French date and currency specs, and text2num's French cases.
``python -m veille.eval.peers /path/to/shared/eval`` prints one table of scores; French
TimeBank is also scored with dateparser (when installed) as a baseline.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veille.eval import peers_recognizers as recognizers
from veille.nlp.alpha2digit import alpha2digit
from veille.nlp.amounts import AmountMatch, find_amounts
from veille.nlp.numbers import parse_number, words_to_digits
from veille.nlp.timex import TimexMatch, find_timexes

Span = tuple[int, int]
DEFAULT_THRESHOLD = 2.0  # alpha2digit's own default, for cases that pass none


@dataclass(frozen=True)
class Score:
    """One line of the table: a suite, what was measured, the figure and its support."""

    suite: str
    metric: str
    value: float
    support: int


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON-lines file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def ratio(hits: int, total: int) -> float:
    """hits / total, 0 for an empty total."""
    return hits / total if total else 0.0


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: list[Span], predicted: list[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans, in text order."""
    pairs, used = [], set()
    for g, gspan in enumerate(gold):
        for p, pspan in enumerate(predicted):
            if p not in used and _overlaps(gspan, pspan):
                pairs.append((g, p))
                used.add(p)
                break
    return pairs


# ---- French TimeBank -------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """A predicted time expression for span scoring: span, value and modifier."""

    start: int
    end: int
    value: str
    mod: str | None = None


Predictor = Callable[[str, dt.date], list[Prediction]]


def veille_timebank(text: str, dct: dt.date) -> list[Prediction]:
    """veille's predictions on one TimeBank document."""
    return [_prediction(t) for t in find_timexes(text, lang="fr", anchor=dct)]


def _prediction(timex: TimexMatch) -> Prediction:
    """TimeBank leaves bounding words (``dès``, ``d'ici``) outside the TIMEX3 as a SIGNAL
    where veille folds them into the span and ``mod``: map back to TimeBank's reading."""
    if timex.signal:
        return Prediction(timex.start + len(timex.signal), timex.end, timex.value, None)
    return Prediction(timex.start, timex.end, timex.value, timex.mod)


def dateparser_timebank(text: str, dct: dt.date) -> list[Prediction]:
    """dateparser's ``search_dates`` on one document, anchored on its creation date."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(dct, dt.time())
    found = search_dates(text, languages=["fr"], settings={"RELATIVE_BASE": base}) or []
    out, cursor = [], 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        out.append(Prediction(start, cursor, when.isoformat(timespec="minutes")))
    return out


def _value_ok(gold: dict[str, Any], pred: Prediction, lenient: bool) -> bool:
    """Value and mod equal; for dateparser (no granularity) the gold's length decides."""
    value, mod = str(gold["value"]), gold.get("mod")
    if not lenient:
        return bool(pred.value == value and pred.mod == mod)
    if re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d(?:T\d\d:\d\d)?)?)?", value):
        return pred.value[: len(value)] == value
    return False


def score_timebank(
    root: Path, predictor: Predictor, name: str, lenient: bool = False
) -> list[Score]:
    """Span P/R/F1 (overlap) and value accuracy over matched TIMEX3."""
    gold_n = pred_n = matched = correct = 0
    for doc in read_jsonl(root / "fr_timebank_dev" / "ftib_dev.jsonl"):
        gold = doc["timex3"]
        preds = predictor(doc["text"], dt.date.fromisoformat(doc["dct"]))
        pairs = match_spans(
            [(g["start"], g["end"]) for g in gold], [(p.start, p.end) for p in preds]
        )
        gold_n, pred_n, matched = gold_n + len(gold), pred_n + len(preds), matched + len(pairs)
        correct += sum(_value_ok(gold[g], preds[p], lenient) for g, p in pairs)
    precision, recall = ratio(matched, pred_n), ratio(matched, gold_n)
    f1 = ratio(2 * matched, pred_n + gold_n)
    suite = f"fr_timebank_dev ({name})"
    return [
        Score(suite, "span precision", precision, pred_n),
        Score(suite, "span recall", recall, gold_n),
        Score(suite, "span F1 (overlap)", f1, gold_n),
        Score(suite, "value accuracy (matched)", ratio(correct, matched), matched),
    ]


# ---- Duckling time ---------------------------------------------------------------------


def _period(value: str) -> tuple[dt.datetime, dt.datetime] | None:
    """The interval a TIMEX value covers (None for vague or underspecified values)."""
    week = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if week:
        monday = dt.datetime.fromisocalendar(int(week[1]), int(week[2]), 1)
        start = monday + dt.timedelta(days=5) if week[3] else monday
        return start, monday + dt.timedelta(days=7)
    clock = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d)(?::(\d\d)(?::(\d\d))?)?", value)
    if clock:
        start = dt.datetime.fromisoformat(
            f"{clock[1]}T{clock[2]}:{clock[3] or '00'}:{clock[4] or '00'}"
        )
        step = "seconds" if clock[4] else "minutes" if clock[3] else "hours"
        return start, start + dt.timedelta(**{step: 1})
    day = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T[A-Z]{2})?", value)
    if not day:
        return None
    year, month, mday = int(day[1]), int(day[2] or 1), int(day[3] or 1)
    start = dt.datetime(year, month, mday)
    if day[3]:
        return start, start + dt.timedelta(days=1)
    if day[2]:
        return start, dt.datetime(year + month // 12, month % 12 + 1, 1)
    return start, dt.datetime(year + 1, 1, 1)


_GRAIN_LENGTH = {"Year": 4, "Month": 7, "Day": 10, "Hour": 13, "Minute": 16, "Second": 19}


def _duckling_point_ok(value: str, expected: dict[str, Any]) -> bool:
    grain, when = expected["grain"], expected["value"]
    if grain == "Week":
        period = _period(value)
        target = dt.datetime.fromisoformat(when[:10])
        return period is not None and period[0] == target and value.count("W") == 1
    size = _GRAIN_LENGTH[grain]
    return len(value) >= size and value[:size] == when[:size].replace("-00", "-01")[:size]


def _parse_when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("-00", "-01"))


def duckling_time_ok(timexes: list[TimexMatch], expected: dict[str, Any]) -> bool:
    """Whether the longest predicted expression gives Duckling's value at its grain."""
    if not timexes:
        return False
    longest = max(timexes, key=lambda t: t.end - t.start)
    value = longest.value
    if expected["kind"] == "datetime":
        if expected["grain"] in ("Month", "Year"):
            expected = {**expected, "value": expected["value"].replace("-00", "-01")}
        return _duckling_point_ok(value, expected)
    period = _interval(longest)
    if period is None:
        return False
    if expected["kind"] == "interval":
        start, end = _parse_when(expected["start"]), _parse_when(expected["end_exclusive"])
        return period[0] <= start and end <= period[1]
    point = _parse_when(expected["value"])
    return period[0] <= point < period[1]


def _interval(timex: TimexMatch) -> tuple[dt.datetime, dt.datetime] | None:
    """What a prediction covers: from its first to its last point when it has both."""
    if timex.begin and timex.end_value:
        first, last = _period(timex.begin), _period(timex.end_value)
        return (first[0], last[1]) if first and last else None
    return _period(timex.value)


def _reference(row: dict[str, Any]) -> dt.datetime:
    """The row's reference moment, as a naive local datetime (its clock anchors ``dans 2 min``)."""
    return dt.datetime.fromisoformat(row["reference_time"]).replace(tzinfo=None)


def score_duckling_time(root: Path) -> list[Score]:
    """Duckling French time examples, compared at the stated grain (intervals: contained)."""
    rows = list(read_jsonl(root / "duckling" / "duckling_time_fr.jsonl"))
    hits = sum(
        duckling_time_ok(find_timexes(r["text"], lang="fr", anchor=_reference(r)), r["expected"])
        for r in rows
    )
    return [Score("duckling time fr", "value at grain", ratio(hits, len(rows)), len(rows))]


# ---- Duckling money --------------------------------------------------------------------

_LOOSE_CURRENCIES = {
    "Dollar": {"USD", "CAD", "AUD", "HKD", "SGD"},
    "Pound": {"GBP", "EGP", "LBP"},
    "Rial": {"IRR", "OMR", "YER"},
    "Riyal": {"SAR", "QAR"},
    "Dinar": {"DZD", "KWD", "TND", "IQD", "JOD", "BHD", "LYD"},
}


def _currency_ok(expected: str, got: str | None) -> bool:
    """Duckling's looser names: ``Dollar`` is any dollar, ``Unnamed`` anything, ``Cent`` any."""
    if expected in ("Unnamed", "Cent"):
        return True
    return got in _LOOSE_CURRENCIES.get(expected, {expected})


def _money_ok(amount: AmountMatch, expected: dict[str, Any]) -> bool:
    kind, currency = expected["kind"], expected["currency"]
    if not _currency_ok(currency, amount.currency):
        return False
    if kind == "money_range":
        return amount.value == (expected["from"], expected["to"])
    if isinstance(amount.value, tuple):
        return False
    target = expected["value"] / 100 if currency == "Cent" else expected["value"]
    qualifier = {"money_above": {"more_than"}, "money_under": {"less_than", "up_to"}}
    return abs(amount.value - target) < 1e-6 and amount.qualifier in qualifier.get(
        kind, {"exact", "approx"}
    )


def score_duckling_money(root: Path, lang: str) -> list[Score]:
    """Duckling money examples: some amount with the value, currency and qualifier."""
    rows = list(read_jsonl(root / "duckling" / f"duckling_amountofmoney_{lang}.jsonl"))
    hits = sum(
        any(_money_ok(a, r["expected"]) for a in find_amounts(r["text"], lang=lang)) for r in rows
    )
    return [
        Score(
            f"duckling money {lang}", "value+currency+qualifier", ratio(hits, len(rows)), len(rows)
        )
    ]


# ---- Recognizers-Text ------------------------------------------------------------------


def score_recognizers(root: Path) -> list[Score]:
    """Trusted French cases (empty ``not_supported_in``): every expected item found."""
    rows = [
        r
        for r in read_jsonl(root / "recognizers" / "fr_flat_datetime_currency_number.jsonl")
        if not r["not_supported_in"] and r["kind"] in ("datetime", "currency")
    ]
    hits = {"datetime": 0, "currency": 0}
    totals = {"datetime": 0, "currency": 0}
    for row in rows:
        totals[row["kind"]] += 1
        if row["kind"] == "currency":
            amounts = find_amounts(row["input"], lang="fr")
            ok = all(recognizers.currency_ok(amounts, e) for e in row["expected"])
        else:
            anchor = dt.datetime.fromisoformat(row["reference_datetime"]).replace(tzinfo=None)
            timexes = find_timexes(row["input"], lang="fr", anchor=anchor)
            ok = all(recognizers.date_ok(timexes, e, row["input"]) for e in row["expected"])
        hits[row["kind"]] += ok
    return [
        Score(
            f"recognizers fr {kind}",
            "all expected found",
            ratio(hits[kind], totals[kind]),
            totals[kind],
        )
        for kind in ("datetime", "currency")
    ]


# ---- text2num --------------------------------------------------------------------------


def text2num_ok(row: dict[str, Any]) -> bool | None:
    """One text2num case (None for functions veille does not offer)."""
    expected = row.get("expected")
    if row["function"] == "text2num":
        return parse_number(row["input"], "fr") == expected
    if row["function"] == "text2digits":
        return words_to_digits(row["input"], "fr") == expected
    if row["function"] == "alpha2digit":
        kwargs = row.get("kwargs") or {}
        threshold = float(kwargs.get("threshold", DEFAULT_THRESHOLD))
        signed = bool(kwargs.get("signed", True))
        return alpha2digit(row["input"], "fr", threshold, signed=signed) == expected
    return None


def score_text2num(root: Path) -> list[Score]:
    """text2num French cases, per function and overall."""
    rows = list(read_jsonl(root / "text2num" / "text2num_fr_cases.jsonl"))
    results: dict[str, list[bool]] = {}
    for row in rows:
        ok = text2num_ok(row)
        results.setdefault(row["function"] if ok is not None else "unsupported", []).append(
            bool(ok)
        )
    supported = results.get("text2num", []) + results.get("text2digits", [])
    every = [ok for oks in results.values() for ok in oks]
    out = [
        Score("text2num fr", f"{name} exact", ratio(sum(oks), len(oks)), len(oks))
        for name, oks in sorted(results.items())
        if name != "unsupported"
    ]
    return out + [
        Score(
            "text2num fr",
            "text2num+text2digits",
            ratio(sum(supported), len(supported)),
            len(supported),
        ),
        Score(
            "text2num fr",
            "all functions",
            ratio(sum(every), len(every)),
            len(every),
        ),
    ]


# ---- all -------------------------------------------------------------------------------


def score_all(root: Path, *, baseline: bool = True) -> list[Score]:
    """Every suite; the dateparser baseline only when asked and installed."""
    scores = score_timebank(root, veille_timebank, "veille")
    if baseline:
        try:
            import dateparser  # noqa: F401
        except ImportError:
            pass
        else:
            scores += score_timebank(root, dateparser_timebank, "dateparser", lenient=True)
    scores += score_duckling_time(root)
    scores += score_duckling_money(root, "fr") + score_duckling_money(root, "en")
    return scores + score_recognizers(root) + score_text2num(root)


def format_table(scores: list[Score]) -> str:
    """A plain-text table, one score a line."""
    lines = [f"{'suite':<32} {'metric':<28} {'score':>6} {'n':>5}"]
    lines += [f"{s.suite:<32} {s.metric:<28} {s.value:>6.3f} {s.support:>5}" for s in scores]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m veille.eval.peers SHARED_EVAL_DIR``: print the table of scores."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path("shared/eval")
    if not root.is_dir():
        sys.stderr.write(f"no peer data at {root}\n")
        return 2
    sys.stdout.write(format_table(score_all(root)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
