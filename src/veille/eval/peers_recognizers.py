"""How Microsoft Recognizers-Text's French expectations compare with veille's output.

Recognizers writes currencies as a unit word and times as TIMEX notation with ``X`` for
any digit; these functions decide whether what veille found says the same thing.
``veille.eval.peers.score_recognizers`` uses them to score the trusted cases.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from veille.nlp.amounts import AmountMatch
from veille.nlp.numbers import parse_number
from veille.nlp.timex import TimexMatch

_RECOGNIZER_UNITS = {
    "dollar": {"USD", "CAD", "AUD", "HKD"},
    "dollar canadien": {"CAD"},
    "euro": {"EUR"},
    "livre": {"GBP"},
    "yen japonais": {"JPY"},
    "dollar états-unis": {"USD"},
    "dollar australien": {"AUD"},
    "dollar de hong kong": {"HKD"},
    "yuan chinois": {"CNY"},
    "franc suisse": {"CHF"},
    "franc": {"FRF", "CHF"},
    "mark finlandais": {"FIM"},
}


def currency_ok(amounts: list[AmountMatch], item: dict[str, Any]) -> bool:
    resolution = item["resolution"]
    unit = str(resolution.get("unit") or "").lower()
    value = parse_number(str(resolution.get("value")), "fr")
    if value is None:
        return False
    codes = _RECOGNIZER_UNITS.get(unit)
    for amount in amounts:
        if isinstance(amount.value, tuple) or amount.currency is None:
            continue
        target = (
            value / 100
            if codes is None and unit in ("cent", "centimes", "pence", "penny")
            else value
        )
        if abs(amount.value - target) < 1e-6 and (codes is None or amount.currency in codes):
            return True
    return False


def _time_ok(value: str, wanted: str) -> bool:
    """``T16`` (the hour alone) is ``T16:00`` in veille's notation; seconds must agree."""
    return value.startswith(wanted) and set(value[len(wanted) :]) <= {":", "0"}


def _date_ok(value: str, wanted: str) -> bool:
    """An anchored date against Recognizers' underspecified one: ``XXXX`` stands for any
    digits, ``XXXX-WXX-5`` for any Friday."""
    weekday = re.fullmatch(r"XXXX-WXX-([1-7])", wanted)
    if weekday and value != wanted:
        day = re.fullmatch(r"\d{4}-\d\d-\d\d", value)
        return bool(day) and dt.date.fromisoformat(value).isoweekday() == int(weekday[1])
    pattern = re.escape(wanted).replace("X", r"\d")
    return value == wanted or re.fullmatch(pattern, value) is not None


def recognizer_point_ok(value: str, wanted: str) -> bool:
    """veille's value against one Recognizers TIMEX point (a date, a ``T`` time, or both)."""
    if value == wanted:
        return True
    date, _, time = wanted.partition("T")
    got_date, _, got_time = value.partition("T")
    if time and not _time_ok("T" + got_time, "T" + time):
        return False
    return not date or _date_ok(got_date, date)


def recognizer_value_ok(timex: TimexMatch, wanted: str) -> bool:
    """veille's value or interval against Recognizers' TIMEX: ``(begin,end,duration)`` ranges
    are compared with ``begin`` / ``end_value``, points with the value (notation only). A day
    with mod END is Recognizers' ``T23:59:59`` of that day, and ``quelques jours`` (``PXD``)
    its ``P3D``."""
    ends = re.fullmatch(r"\(([^,]+),([^,]+),[^,)]+\)", wanted)
    if ends:
        if not (timex.begin and timex.end_value):
            return False
        return recognizer_point_ok(timex.begin, ends[1]) and recognizer_point_ok(
            timex.end_value, ends[2]
        )
    if timex.mod == "END" and wanted.endswith("T23:59:59") and "T" not in timex.value:
        return _date_ok(timex.value, wanted.partition("T")[0])  # the end of a day
    vague = re.fullmatch(r"P(T?)X([A-Z]+)", timex.value)
    if vague and timex.text.lower().startswith("quelques"):
        return wanted == f"P{vague[1]}3{vague[2]}"  # ``quelques`` written as three
    return recognizer_point_ok(timex.value, wanted)


def date_ok(timexes: list[TimexMatch], item: dict[str, Any], text: str) -> bool:
    start = item["start"] if item.get("start") is not None else text.find(item["text"])
    span = (start, start + len(item["text"]))
    wanted = [str(v.get("timex")) for v in item.get("values", [])[:1]]
    return any(
        t.start < span[1] and span[0] < t.end and any(recognizer_value_ok(t, w) for w in wanted)
        for t in timexes
    )
