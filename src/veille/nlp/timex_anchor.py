"""Calendar arithmetic for anchoring relative time expressions on a reference date.

A *direction* says which occurrence of a partial date is meant: ``last``/``next`` (strictly
before or after the anchor: ``mars dernier``), ``past``/``future`` (on or before, on or after:
the tense of the clause) or None (the occurrence closest to the anchor).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Direction = Literal["last", "next", "past", "future"] | None


def shift_days(anchor: dt.date, days: int) -> dt.date:
    """``anchor`` moved by a number of days."""
    return anchor + dt.timedelta(days=days)


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by a number of months."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    """``2025-W33``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _pick(candidates: list[tuple[int, ...]], anchor: tuple[int, ...], direction: Direction) -> int:
    """Index of the candidate (as comparable tuples) the direction selects."""
    if direction == "last":
        ok = [i for i, c in enumerate(candidates) if c < anchor]
        return ok[-1] if ok else 0
    if direction == "past":
        ok = [i for i, c in enumerate(candidates) if c <= anchor]
        return ok[-1] if ok else 0
    if direction == "next":
        ok = [i for i, c in enumerate(candidates) if c > anchor]
        return ok[0] if ok else len(candidates) - 1
    if direction == "future":
        ok = [i for i, c in enumerate(candidates) if c >= anchor]
        return ok[0] if ok else len(candidates) - 1
    return 1


def year_of_month(month: int, anchor: dt.date, direction: Direction) -> int:
    """The year of ``month`` as the direction reads it from ``anchor``."""
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    if direction is None:
        return min(years, key=lambda y: abs((y - anchor.year) * 12 + month - anchor.month))
    index = _pick([(y, month) for y in years], (anchor.year, anchor.month), direction)
    return years[index]


def year_of_day(month: int, day: int, anchor: dt.date, direction: Direction) -> int:
    """The year of ``day``/``month`` as the direction reads it from ``anchor``."""
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    if direction is None:
        return min(years, key=lambda y: abs(_days_between(y, month, day, anchor)))
    key = (anchor.year, anchor.month, anchor.day)
    index = _pick([(y, month, day) for y in years], key, direction)
    return years[index]


def _days_between(year: int, month: int, day: int, anchor: dt.date) -> int:
    try:
        return (dt.date(year, month, day) - anchor).days
    except ValueError:
        return 10_000


def weekday_date(weekday: int, anchor: dt.date, direction: Direction) -> dt.date:
    """The date of ISO ``weekday`` (1 = Monday) around ``anchor``; past by default."""
    delta = weekday - anchor.isoweekday()
    if direction in ("next", "future"):
        if delta < 0 or (delta == 0 and direction == "next"):
            delta += 7
        return shift_days(anchor, delta)
    if delta > 0 or (delta == 0 and direction == "last"):
        delta -= 7
    return shift_days(anchor, delta)


def shift_unit(anchor: dt.date, amount: int, unit: str) -> str:
    """``anchor`` moved by ``amount`` units, at that unit's granularity (``il y a deux ans``)."""
    if unit == "Y":
        return f"{anchor.year + amount:04d}"
    if unit == "DE":
        return f"{(anchor.year + 10 * amount) // 10:03d}X"
    if unit == "M":
        year, month = shift_months(anchor.year, anchor.month, amount)
        return f"{year:04d}-{month:02d}"
    days = {"D": 1, "W": 7}.get(unit)
    if days is None:
        return anchor.isoformat()
    return shift_days(anchor, amount * days).isoformat()


def calendar_unit(anchor: dt.date, unit: str, offset: int) -> str | None:
    """The week, weekend, month, quarter, half or year ``offset`` units from ``anchor``."""
    if unit in ("W", "WE"):
        week = iso_week(shift_days(anchor, 7 * offset))
        return week + ("-WE" if unit == "WE" else "")
    if unit == "M":
        year, month = shift_months(anchor.year, anchor.month, offset)
        return f"{year:04d}-{month:02d}"
    if unit == "Q":
        year, month = shift_months(anchor.year, anchor.month, 3 * offset)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "H":
        year, month = shift_months(anchor.year, anchor.month, 6 * offset)
        return f"{year:04d}-H{(month - 1) // 6 + 1}"
    if unit == "Y":
        return f"{anchor.year + offset:04d}"
    if unit == "D":
        return shift_days(anchor, offset).isoformat()
    return None


def day_of_month(anchor: dt.date, day: int, weekday: int | None, past: bool) -> dt.date | None:
    """Day ``day`` of the anchor's month or the nearest month after (before, if ``past``)
    where it exists, is on or after (before) the anchor, and falls on ``weekday`` if given."""
    step = -1 if past else 1
    for months in range(0, 12 * step, step):
        year, month = shift_months(anchor.year, anchor.month, months)
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        ahead = found <= anchor if past else found >= anchor
        if ahead and (weekday is None or found.isoweekday() == weekday):
            return found
    return None


def nth_in_month(year: int, month: int, unit: str, nth: int) -> dt.date | None:
    """The ``nth`` (-1: last) day (``D``), whole Monday-to-Sunday week (``W``, its Monday) or
    ISO weekday (``"1"``..``"7"``) of a month; None past the month's end."""
    first = dt.date(year, month, 1)
    following = dt.date(*shift_months(year, month, 1), 1)
    if unit == "D":
        days = [first + dt.timedelta(days=k) for k in range((following - first).days)]
    elif unit == "W":
        monday = shift_days(first, (8 - first.isoweekday()) % 7)
        days = [d for d in (monday + dt.timedelta(weeks=k) for k in range(5)) if d.month == month]
        days = [d for d in days if shift_days(d, 6) < following]
    else:
        start = shift_days(first, (int(unit) - first.isoweekday()) % 7)
        days = [d for d in (start + dt.timedelta(weeks=k) for k in range(5)) if d < following]
    if nth == -1:
        return days[-1] if days else None
    return days[nth - 1] if 0 < nth <= len(days) else None


_CLOCK_STEPS = {
    "S": dt.timedelta(seconds=1),
    "MIN": dt.timedelta(minutes=1),
    "H": dt.timedelta(hours=1),
    "D": dt.timedelta(days=1),
}
_CLOCK_FORMATS = {
    "S": "%Y-%m-%dT%H:%M:%S",
    "MIN": "%Y-%m-%dT%H:%M:%S",
    "H": "%Y-%m-%dT%H:%M",
    "D": "%Y-%m-%dT%H:%M",
}
_TRUNCATED = {"S": "%Y-%m-%dT%H:%M:%S", "MIN": "%Y-%m-%dT%H:%M", "H": "%Y-%m-%dT%H"}


def shift_clock(moment: dt.datetime, amount: int, unit: str, truncate: bool = False) -> str:
    """``moment`` moved by ``amount`` seconds, minutes, hours or days; written to the second
    (``dans 2 minutes``), or cut to the unit when ``truncate`` (``les 3 prochaines heures``)."""
    moved = moment + amount * _CLOCK_STEPS[unit]
    return moved.strftime((_TRUNCATED if truncate else _CLOCK_FORMATS)[unit])
