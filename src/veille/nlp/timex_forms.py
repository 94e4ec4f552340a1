"""Values of the written forms in ``timex_forms_rules``: clock ranges from bare numbers
(``de 5 à 7 aujourd'hui``: an interval with ``begin`` and ``end``), a clock with a weekly
set, the end of a day (``fin de demain``: the day, mod ``END``), ``cette`` before a month
(this year's), glued durations, a whole unit and date notations. A date that the calendar
lacks (``29/2/2019``) is kept as written."""

from __future__ import annotations

import datetime as dt
import re

from veille.nlp import timex_anchor as cal
from veille.nlp.timex_context import (
    Context,
    Handler,
    Value,
    date_as_written,
    duration_value,
    edge_mod,
    month_number,
    small_number,
    unit_code,
    year_number,
)

_WHOLE = {"jour": "P1D", "journée": "P1D", "mois": "P1M", "année": "P1Y"}


def _year_of(ctx: Context, month: int, day: int, offset: int) -> int | None:
    if ctx.anchor is None:
        return None
    direction = ctx.direction(None, offset) or "future"
    try:
        return cal.year_of_day(month, day, ctx.anchor, direction)
    except ValueError:
        return None


def _meridiem(ctx: Context, hour: int, ap: str | None) -> int:
    word = (ap or "").lower()
    if word in {w.lower() for w in ctx.lex.words("meridiem_pm")} and hour < 12:
        return hour + 12
    if word in {w.lower() for w in ctx.lex.words("meridiem_am")} and hour == 12:
        return 0
    return hour


def _known_clock(m: re.Match[str], n: str) -> bool:
    """An end the clock rules read by themselves (``9h30``, ``10:15``, ``à 11 heures``)."""
    unit = (m.group(f"unit{n}") or "").strip().lower()
    glued = unit == "h" or bool(m.group(f"m{n}"))
    return glued or (n == "2" and unit.startswith("heure") and m.group("link").lower() == "à")


def _range_day(m: re.Match[str], ctx: Context) -> dt.date | None:
    groups = m.groupdict()
    if groups.get("rd"):
        word = groups["rd"].lower()
        relative: dict[str, int] = ctx.lex.table("relative_days")
        if word in relative:
            return cal.shift_days(ctx.anchor, relative[word]) if ctx.anchor else None
        base = ctx.day()
        return cal.shift_days(base, ctx.lex.table("ref_days")[word]) if base else None
    if groups.get("month"):
        month, day = month_number(ctx, groups["month"]), int(groups["day"])
        year = _year_of(ctx, month, day, m.start())
        return dt.date(year, month, day) if year else None
    return ctx.day()


def _after_day_word(ctx: Context, offset: int) -> bool:
    before = ctx.text[max(0, offset - 12) : offset].lower()
    words = ["le", "la", *ctx.lex.table("weekdays")]
    return re.search(rf"(?<!\w)(?:{'|'.join(words)})\s+\Z", before) is not None


def _clock_range(m: re.Match[str], ctx: Context) -> Value | None:
    """``de 5 à 6pm``, ``entre 17 et 18 apres-midi``, ``de 3:00 au 4:00 lendemain``."""
    lang = ctx.lex.lang
    h1, h2 = small_number(m.group("h1"), lang), small_number(m.group("h2"), lang)
    if h1 is None or h2 is None or h1 > 23 or h2 > 23:
        return None
    if m.group("link").lower() == "et" and not m.group("open"):
        return None
    if _after_day_word(ctx, m.start()):
        return None  # ``le 2 à 5h``, ``vendredi quinze à seize heures``: a day, then a clock
    dated = bool(m.group("rd") or m.group("month"))
    said = m.group("ap1") or m.group("ap2")
    if not (said or dated) and _known_clock(m, "1") and _known_clock(m, "2"):
        return None  # two clocks: ``link_ranges`` joins them
    marked = any(m.group(g) for g in ("m1", "m2", "unit1", "unit2"))
    day_words = (m.group("open") or "").lower() == "du" or m.group("link").lower() == "au"
    if not (said or dated or marked) and (day_words or not _at_phrase_end(ctx, m.end())):
        return None  # ``du 13 au 18``: days
    start, end = _meridiem(ctx, h1, m.group("ap1")), _meridiem(ctx, h2, m.group("ap2"))
    if not m.group("ap1") and end >= 12 and start + 12 <= end:
        start += 12
    if start >= end:
        return None
    day = _range_day(m, ctx)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    begin = f"{prefix}T{start:02d}:{int(m.group('m1') or 0):02d}"
    last = f"{prefix}T{end:02d}:{int(m.group('m2') or 0):02d}"
    return Value("TIME", begin, None, begin, last)


def _clock_set(m: re.Match[str], ctx: Context) -> Value | None:
    """``16 heures chaque lundi``: a weekly set at a clock time."""
    weekday = ctx.lex.table("weekdays")[m.group("wd").lower()]
    hour = _meridiem(ctx, int(m.group("h")), m.group("ap"))
    return Value("SET", f"XXXX-WXX-{weekday}T{hour:02d}:{int(m.group('m') or 0):02d}")


def _day_edge(m: re.Match[str], ctx: Context) -> Value | None:
    """``fin de demain``, ``fin de dimanche``: the day with the edge as its modifier."""
    mod = edge_mod(ctx, m.group("edge"))
    if ctx.anchor is None:
        return None
    if m.group("rd"):
        day = cal.shift_days(ctx.anchor, ctx.lex.table("relative_days")[m.group("rd").lower()])
    else:
        weekday = ctx.lex.table("weekdays")[m.group("wd").lower()]
        day = cal.weekday_date(weekday, ctx.anchor, "future")
    return Value("DATE", day.isoformat(), mod)


def _this_month(m: re.Match[str], ctx: Context) -> Value | None:
    """``cette décembre``: the month of the anchor's year."""
    month = month_number(ctx, m.group("month"))
    year = f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX"
    return Value("DATE", f"{year}-{month:02d}")


def _glued_duration(m: re.Match[str], ctx: Context) -> Value | None:
    """``3heures``, ``3.5ans``: a number glued to its unit."""
    amount = float(m.group("num").replace(",", "."))
    if amount <= 0:
        return None
    return Value("DURATION", duration_value(f"{amount:g}", unit_code(ctx, m.group("unit"))))


def _whole_unit(m: re.Match[str], ctx: Context) -> Value | None:
    """``toute la journée``, ``tout le mois``: one whole unit."""
    return Value("DURATION", _WHOLE[m.group("unit").lower()])


def _at_phrase_end(ctx: Context, offset: int) -> bool:
    return re.match(r"\s*(?:$|[.,;:!?)])", ctx.text[offset:]) is not None


def _named_date(m: re.Match[str], ctx: Context) -> Value | None:
    """``23/sep/2020``, ``2020/sep/23``, ``oct/2``, ``mai vingt-neuf``."""
    month = month_number(ctx, m.group("month"))
    groups = m.groupdict()
    day = int(groups["day"]) if groups.get("day") else small_number(groups.get("dw"), "fr")
    if day is None or not 1 <= day <= 31:
        return None
    if groups.get("dw") and not _at_phrase_end(ctx, m.end()):
        return None  # ``début septembre quatre nouveaux Gripen``: a count, not a day
    year = int(groups["year"]) if groups.get("year") else _year_of(ctx, month, day, m.start())
    return Value("DATE", date_as_written(year, month, day))


def _dotted_date(m: re.Match[str], ctx: Context) -> Value | None:
    """``15.05.99``, ``15.05.1999``."""
    year = year_number(m.group("year"), ctx.anchor)
    return Value("DATE", date_as_written(year, int(m.group("mo")), int(m.group("day"))))


def _year_month(m: re.Match[str], ctx: Context) -> Value | None:
    """``2015-3``: March 2015."""
    return Value("DATE", f"{m.group('year')}-{int(m.group('mo')):02d}")


def _numeric_range(m: re.Match[str], ctx: Context) -> Value | None:
    """``28/2-1/3``, ``10/1-11/2/2017``: two days, the year written once at the end."""
    d1, m1, d2, m2 = (int(m.group(g)) for g in ("d1", "m1", "d2", "m2"))
    last = year_number(m.group("y2"), ctx.anchor) if m.group("y2") else None
    first = int(m.group("y1")) if m.group("y1") else last
    if last is None:
        first = _year_of(ctx, m1, d1, m.start())
        last = first + (1 if first is not None and (m2, d2) < (m1, d1) else 0) if first else None
    begin, end = date_as_written(first, m1, d1), date_as_written(last, m2, d2)
    return Value("DATE", begin, None, begin, end)


def _month_day_range(m: re.Match[str], ctx: Context) -> Value | None:
    """``novembre 19-20``, ``4-23 mois prochain``: two days of one month."""
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not d1 < d2 or ctx.anchor is None:
        return None
    if m.groupdict().get("rel"):
        step = 1 if ctx.direction(m.group("rel"), m.start()) == "next" else -1
        year, month = cal.shift_months(ctx.anchor.year, ctx.anchor.month, step)
    else:
        month = month_number(ctx, m.group("month"))
        year = cal.year_of_month(month, ctx.anchor, ctx.direction(None, m.start()))
    begin, end = date_as_written(year, month, d1), date_as_written(year, month, d2)
    return Value("DATE", f"{year:04d}-{month:02d}", None, begin, end)


HANDLERS: dict[str, Handler] = {
    "clock_range": _clock_range,
    "clock_set": _clock_set,
    "day_edge": _day_edge,
    "this_month": _this_month,
    "glued_duration": _glued_duration,
    "whole_unit": _whole_unit,
    "named_date": _named_date,
    "dotted_date": _dotted_date,
    "year_month": _year_month,
    "numeric_range": _numeric_range,
    "month_day_range": _month_day_range,
}
