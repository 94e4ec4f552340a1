"""Relative and counted time: days relative to the anchor (``hier``, ``le lendemain``),
weekdays, calendar units (``la semaine prochaine``), offsets (``il y a deux ans``),
durations, sets and fixed phrases."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from veille.nlp import timex_anchor as cal
from veille.nlp.timex_context import (
    Context,
    Handler,
    Value,
    duration_value,
    edge_mod,
    positive_number,
    qual_mod,
    unit_code,
    with_pod,
)


def _relday(m: re.Match[str], ctx: Context) -> Value | None:
    offsets: dict[str, int] = ctx.lex.table("relative_days")
    offset = offsets[m.group("rd").lower()]
    day = cal.shift_days(ctx.anchor, offset) if ctx.anchor else None
    return with_pod(ctx, day, m.groupdict().get("pod"))


def _weekday(m: re.Match[str], ctx: Context) -> Value | None:
    weekdays: dict[str, int] = ctx.lex.table("weekdays")
    weekday = weekdays[m.group("wd").lower()]
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-WXX-{weekday}")
    direction = ctx.direction(m.groupdict().get("rel"), m.start())
    if m.groupdict().get("this") and direction is None:
        direction = "future"
    day = cal.weekday_date(weekday, ctx.anchor, direction or "future")
    return with_pod(ctx, day, m.groupdict().get("pod"))


def _ref_day(m: re.Match[str], ctx: Context) -> Value | None:
    """``le lendemain``, ``la veille``: a day from the last full date (or the anchor)."""
    offsets: dict[str, int] = ctx.lex.table("ref_days")
    base = ctx.day()
    day = cal.shift_days(base, offsets[m.group("rd").lower()]) if base else None
    return with_pod(ctx, day, m.groupdict().get("pod"))


def _weekday_week(m: re.Match[str], ctx: Context) -> Value | None:
    """``mardi de la semaine prochaine``, ``mercredi d'après``: a weekday of a given week."""
    weekdays: dict[str, int] = ctx.lex.table("weekdays")
    weekday = weekdays[m.group("wd").lower()]
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-WXX-{weekday}")
    rel = (m.group("rel") or "").lower()
    if m.group("nw") or (rel and rel not in {w.lower() for w in ctx.lex.words("past")}):
        weeks = 1
    else:
        weeks = -1 if rel else 0
    monday = cal.shift_days(ctx.anchor, 7 * weeks - ctx.anchor.isoweekday() + 1)
    return Value("DATE", cal.shift_days(monday, weekday - 1).isoformat())


def _offset(ctx: Context, m: re.Match[str]) -> int | None:
    """0 for this/ce/cette, -1 for last/dernier, +1 for next/prochain, None if unsaid."""
    rel = (m.groupdict().get("rel") or "").lower()
    if rel:
        if rel in {w.lower() for w in ctx.lex.words("past")}:
            return -1
        if rel in {w.lower() for w in ctx.lex.words("future")}:
            return 1
        return 0
    det = (m.groupdict().get("det") or "").lower()
    if det in {w.lower() for w in ctx.lex.words("this")} or m.groupdict().get("ci"):
        return 0
    return 0 if m.groupdict().get("edge") else None


_FINE_ENOUGH = {"Y": "YMD", "H": "MD", "Q": "MD", "M": "MD"}


def _period_base(m: re.Match[str], ctx: Context, unit: str) -> dt.date | None:
    """What a period counts from: for an anaphoric word (``l'année suivante``, ``the
    previous month``) the last date written before it, when at least as fine as the unit;
    else the publication date."""
    rel = (m.groupdict().get("rel") or "").lower()
    anaphoric = {w.lower() for w in ctx.lex.words("anaphoric_rel")}
    if rel in anaphoric and ctx.ref_point is not None:
        day, grain = ctx.ref_point
        if grain in _FINE_ENOUGH.get(unit, "D"):
            return day
    return ctx.anchor


def _period(m: re.Match[str], ctx: Context) -> Value | None:
    offset = _offset(ctx, m)
    if offset is None:
        return None
    units: dict[str, str] = ctx.lex.table("calendar_units")
    unit = units[m.group("cal").lower()]
    mod = edge_mod(ctx, m.groupdict().get("edge"))
    if ctx.anchor is None:
        return Value("DATE", ("PAST_REF", "PRESENT_REF", "FUTURE_REF")[offset + 1], mod)
    if unit == "WE" and offset == 0 and ctx.anchor.isoweekday() < 6:
        offset = -1 if ctx.tense(m.start()) == "past" else 0
    base = _period_base(m, ctx, unit)
    value = cal.calendar_unit(base, unit, offset) if base else None
    return Value("DATE", value, mod) if value else None


def _ago(m: re.Match[str], ctx: Context) -> Value | None:
    amount = positive_number(m.group("num"), ctx.lex.lang)
    if amount is None or not float(amount).is_integer():
        return None
    sign = 1 if m.group("dir").lower() in {w.lower() for w in ctx.lex.words("in")} else -1
    if ctx.anchor is None:
        return Value("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF")
    unit = unit_code(ctx, m.group("unit"))
    if ctx.clock is not None and unit in ("S", "MIN", "H", "D"):
        moved = cal.shift_clock(
            dt.datetime.combine(ctx.anchor, ctx.clock), sign * int(amount), unit
        )
        return Value("TIME" if unit != "D" else "DATE", moved, qual_mod(ctx, m.group("qual")))
    value = cal.shift_unit(ctx.anchor, sign * int(amount), unit)
    return Value("DATE", value, qual_mod(ctx, m.group("qual")))


def _is_age(m: re.Match[str], ctx: Context, unit: str) -> bool:
    if unit != "Y" or m.groupdict().get("since") or m.groupdict().get("qual"):
        return False
    before = ctx.text[max(0, m.start() - 30) : m.start()].lower()
    cues = "|".join(re.escape(c) for c in ctx.lex.words("age_cues"))
    if re.search(r"[(,]\s*$", before) and re.match(r"\s*[),.]", ctx.text[m.end() :]):
        return True
    cue = re.search(rf"(?:^|\W)(?:{cues})\s*$", before)
    if cue is None or re.match(r"\s+(?:de|d'|of)\W", ctx.text[m.end() :]):
        return False
    head = re.search(r"([^\W\d_]+)\W*$", before[: cue.start() + 1])
    heads = {w.lower() for w in ctx.lex.words("duration_heads")}
    return head is None or head.group(1) not in heads


def _duration(m: re.Match[str], ctx: Context) -> Value | None:
    amount = positive_number(m.group("num"), ctx.lex.lang)
    unit = unit_code(ctx, m.group("unit"))
    if amount is None or _is_age(m, ctx, unit):
        return None
    text = f"{amount:g}" if isinstance(amount, float) else str(amount)
    return Value("DURATION", duration_value(text, unit), qual_mod(ctx, m.group("qual")))


def _vague_duration(m: re.Match[str], ctx: Context) -> Value | None:
    surface = m.group("unit").lower()
    if not (surface.endswith("s") or surface in ("mois",)):
        return None
    return Value("DURATION", duration_value("X", unit_code(ctx, surface)))


def _weekly(m: re.Match[str], ctx: Context) -> Value | None:
    weekdays: dict[str, int] = ctx.lex.table("weekdays")
    return Value("SET", f"XXXX-WXX-{weekdays[m.group('wd').lower()]}")


def _weekday_later(m: re.Match[str], ctx: Context) -> Value | None:
    """``lundi en huit``: the coming weekday (today included), one or two weeks on."""
    weekdays: dict[str, int] = ctx.lex.table("weekdays")
    later: dict[str, int] = ctx.lex.table("weekday_later")
    if ctx.anchor is None:
        return None
    day = cal.weekday_date(weekdays[m.group("wd").lower()], ctx.anchor, "future")
    return Value("DATE", cal.shift_days(day, later[m.group("later").lower()]).isoformat())


def _span_units(m: re.Match[str], ctx: Context) -> Value | None:
    """``les 3 prochains jours``, ``2 semaines passées``: a duration anchored on one side."""
    amount = positive_number(m.group("num"), ctx.lex.lang)
    unit = unit_code(ctx, m.group("unit") or m.group("unit2"))
    if amount is None or not float(amount).is_integer() or unit in ("DE", "CE"):
        return None
    n, value = int(amount), duration_value(str(int(amount)), unit)
    rel = m.group("rel") or m.group("rel2")
    if ctx.anchor is None:
        return Value("DURATION", value)
    step = 1 if ctx.direction(rel, m.start()) == "next" else -1
    base = dt.datetime.combine(ctx.anchor, ctx.clock or dt.time())
    points = (step, step * n) if step > 0 else (-n, -1)
    if unit in ("S", "MIN", "H"):
        if ctx.clock is None:
            return Value("DURATION", value)
        begin, end = (cal.shift_clock(base, k, unit, truncate=True) for k in points)
    else:
        begin, end = (cal.calendar_unit(ctx.anchor, unit, k) or "" for k in points)
    return Value("DURATION", value, begin=begin, end=end)


def _word(key: str, kind: str | None) -> Callable[[re.Match[str], Context], Value | None]:
    def handle(m: re.Match[str], ctx: Context) -> Value | None:
        table: dict[str, str] = ctx.lex.table(key)
        value = table[m.group("word").lower()]
        return Value(kind or "DATE", value)

    return handle


HANDLERS: dict[str, Handler] = {
    "relday": _relday,
    "weekday": _weekday,
    "ref_day": _ref_day,
    "weekday_week": _weekday_week,
    "period": _period,
    "ago": _ago,
    "duration": _duration,
    "vague_duration": _vague_duration,
    "weekly": _weekly,
    "weekday_later": _weekday_later,
    "span_units": _span_units,
    "vague": _word("vague", "DATE"),
    "set": _word("sets", "SET"),
    "fixed_duration": _word("fixed_durations", "DURATION"),
}
