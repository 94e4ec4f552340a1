"""Calendar dates: full and numeric dates, bare days and day ranges, months, years,
decades, seasons, quarters and halves, holidays."""

from __future__ import annotations

import datetime as dt
import re

from veille.nlp import timex_anchor as cal
from veille.nlp.amount_rules import alternation
from veille.nlp.timex_context import (
    Context,
    Handler,
    Value,
    date_as_written,
    day_number,
    edge_mod,
    month_number,
    small_number,
    year_number,
)


def _sentence_start(text: str, offset: int) -> bool:
    before = text[:offset].rstrip()
    return not before or before[-1] in '.!?«"\n:'


def _month_case_ok(ctx: Context, match: re.Match[str]) -> bool:
    """French months are lower case (``Mars`` is the planet); English ones capitalised."""
    surface = match.group("month")
    if ctx.lex.data["month_case"] == "title":
        return surface[0].isupper()
    return surface[0].islower() or _sentence_start(ctx.text, match.start("month"))


def _direction(ctx: Context, rel: str | None, m: re.Match[str]) -> cal.Direction:
    """The direction of a date without its year: a bound ahead (*d'ici juin*, *avant
    l'été*, *by the end of June*) looks forward from the anchor whatever the tense."""
    if not rel and _ahead(ctx, m.start()):
        return "future"
    return ctx.direction(rel, m.start())


def _ahead(ctx: Context, start: int) -> bool:
    """Whether a bound ahead (``ahead_signals``) opens the expression, maybe before an edge
    (*d'ici la fin du mois de mars*)."""
    words = "|".join(re.escape(w) for w in ctx.lex.words("ahead_signals"))
    edge = r"(?:(?:la |the )?(?:fin|end|début|beginning|start)\s+(?:de |du |d'|d’|of )?)?"
    pattern = rf"(?<![\w'’])(?:{words})\s+(?:le |la |l'|l’|the )?{edge}\Z"
    return re.search(pattern, ctx.text[max(0, start - 40) : start], re.IGNORECASE) is not None


def _month_value(m: re.Match[str], ctx: Context, rel: str | None) -> Value | None:
    month = month_number(ctx, m.group("month"))
    mod = edge_mod(ctx, m.groupdict().get("edge"))
    if m.groupdict().get("year"):
        return Value("DATE", f"{year_number(m.group('year'), ctx.anchor):04d}-{month:02d}", mod)
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-{month:02d}", mod)
    if rel and re.search(r"\b(?:année|an|year)\b", m.group(0), re.IGNORECASE):
        offset = -1 if ctx.direction(rel, m.start()) == "last" else 1
        return Value("DATE", f"{ctx.anchor.year + offset:04d}-{month:02d}", mod)
    year = cal.year_of_month(month, ctx.anchor, _direction(ctx, rel, m))
    return Value("DATE", f"{year:04d}-{month:02d}", mod)


def _full_date(m: re.Match[str], ctx: Context) -> Value | None:
    day, month = day_number(m.group("day")), month_number(ctx, m.group("month"))
    if day is None:
        return None
    if m.group("year"):
        year = year_number(m.group("year"), ctx.anchor)
    elif ctx.anchor is not None:
        direction = ctx.direction(m.groupdict().get("rel"), m.start()) or "future"
        year = cal.year_of_day(month, day, ctx.anchor, direction)
    else:
        return Value("DATE", f"XXXX-{month:02d}-{day:02d}")
    try:
        return Value("DATE", dt.date(year, month, day).isoformat())
    except ValueError:
        return None


def _month_year(m: re.Match[str], ctx: Context) -> Value | None:
    return _month_value(m, ctx, None)


def _month_rel(m: re.Match[str], ctx: Context) -> Value | None:
    return _month_value(m, ctx, m.group("rel"))


def _month_only(m: re.Match[str], ctx: Context) -> Value | None:
    return _month_value(m, ctx, None) if _month_case_ok(ctx, m) else None


def _counted_by(after: str, ctx: Context) -> bool:
    """Whether the text after a number makes it a count (``2022 soldats``, ``2022 pour cent``):
    it opens with one of the ``year_blockers`` words or phrases."""
    blockers = alternation(ctx.lex.words("year_blockers"))
    return re.match(rf"\s*(?:{blockers})(?![\w²])", after, re.IGNORECASE) is not None


def _year_rule(m: re.Match[str], ctx: Context) -> Value | None:
    after = ctx.text[m.end() :]
    if re.match(r"[^\W\d_]", after) or _counted_by(after, ctx):
        return None
    if _named_or_priced(ctx.text[: m.start("year")], ctx):
        return None
    return Value("DATE", m.group("year"), edge_mod(ctx, m.groupdict().get("edge")))


def _named_or_priced(before: str, ctx: Context) -> bool:
    """Whether the text before a number makes it no year: another number (``1 2022``), a
    currency sign (``$2022``) or a ``year_designators`` word (``Type 2022``, ``page 2022``)."""
    if re.search(r"(?:\d[\s.,]|[$€£¥])\s*$", before):
        return True
    designators = alternation(ctx.lex.words("year_designators"))
    return re.search(rf"(?<![\w'])(?:{designators})\s*$", before, re.IGNORECASE) is not None


def _decade(m: re.Match[str], ctx: Context) -> Value | None:
    """``les années 60`` is the decade ``196`` (TIMEX3 writes a decade with three digits)."""
    digits = m.group("dec")
    century = digits[:2] if len(digits) == 4 else "19"
    return Value("DATE", f"{century}{digits[-2]}", edge_mod(ctx, m.groupdict().get("edge")))


def _numeric_date(m: re.Match[str], ctx: Context) -> Value | None:
    """``15/02/2013``, ``le 17/02``, ``2013-03-01`` (day first, as French writes it)."""
    day, month = int(m.group("day")), int(m.group("mo"))
    if m.group("year"):
        year = year_number(m.group("year"), ctx.anchor)
    elif ctx.anchor is not None:
        if not m.groupdict().get("pre") and re.match(r"\s+[^\W\d_]{4,}", ctx.text[m.end() :]):
            return None
        try:
            year = cal.year_of_day(
                month, day, ctx.anchor, ctx.direction(None, m.start()) or "future"
            )
            return Value("DATE", dt.date(year, month, day).isoformat())
        except ValueError:
            return Value("DATE", date_as_written(None, month, day))  # ``30/2``: as written
    else:
        return Value("DATE", f"XXXX-{month:02d}-{day:02d}")
    return Value("DATE", date_as_written(year, month, day))  # ``29/2/2019``: as written


def _day_only(m: re.Match[str], ctx: Context) -> Value | None:
    """``le 16``, ``mercredi 13``: a day of this month or a near one (its weekday agreeing)."""
    day = day_number(m.group("day"))
    if day is None or ctx.anchor is None:
        return None
    weekdays: dict[str, int] = ctx.lex.table("weekdays")
    surface = m.group("wd") or m.group("wd2")
    weekday = weekdays[surface.lower()] if surface else None
    past = ctx.direction(None, m.start()) in ("past", "last")
    found = cal.day_of_month(ctx.anchor, day, weekday, past)
    return Value("DATE", found.isoformat()) if found else None


def _day_range(m: re.Match[str], ctx: Context) -> Value | None:
    """``du 13 au 15 juillet``: one expression, valued at the month that holds both days."""
    first, last = day_number(m.group("d1")), small_number(m.group("d2"), ctx.lex.lang)
    if first is None or last is None or not first < last <= 31:
        return None
    month = _month_value(m, ctx, None)
    if month is None or not re.fullmatch(r"\d{4}-\d\d", month.value):
        return month
    begin, end = f"{month.value}-{first:02d}", f"{month.value}-{last:02d}"
    return Value(month.type, month.value, month.mod, begin, end)


def _holiday(m: re.Match[str], ctx: Context) -> Value | None:
    holidays: dict[str, str] = ctx.lex.table("holidays")
    month, day = (int(x) for x in holidays[m.group("word").lower()].split("-"))
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.anchor is None:
        return Value("DATE", f"XXXX-{month:02d}-{day:02d}")
    else:
        direction = ctx.direction(None, m.start()) or "future"
        year = cal.year_of_day(month, day, ctx.anchor, direction)
    return Value("DATE", dt.date(year, month, day).isoformat())


def _season(m: re.Match[str], ctx: Context) -> Value | None:
    seasons: dict[str, str] = ctx.lex.table("seasons")
    code = seasons[m.group("season").lower()]
    det = (m.group("det") or "").lower()
    if m.group("year"):
        return Value("DATE", f"{m.group('year')}-{code}")
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-{code}")
    if m.groupdict().get("rel") or det in ("last", "next"):
        start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        rel = m.groupdict().get("rel") or det
        year = cal.year_of_month(start, ctx.anchor, ctx.direction(rel, m.start()))
        return Value("DATE", f"{year:04d}-{code}")
    if det in ("cet", "cette", "this"):
        return Value("DATE", f"{ctx.anchor.year:04d}-{code}")
    direction = _direction(ctx, None, m)
    if direction is None:
        return Value("DATE", f"XXXX-{code}")
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    return Value("DATE", f"{cal.year_of_month(start, ctx.anchor, direction):04d}-{code}")


def _part(m: re.Match[str], ctx: Context) -> Value | None:
    groups = m.groupdict()
    if groups.get("qh"):
        return Value("DATE", f"{m.group('year')}-{groups['qh'].upper()}")
    ordinals: dict[str, int] = ctx.lex.table("ordinals")
    units: dict[str, str] = ctx.lex.table("calendar_units")
    unit = units.get(m.group("cal").lower(), "H")
    if unit not in ("Q", "H"):
        return None
    number = min(ordinals[m.group("ord").lower()], 4 if unit == "Q" else 2)
    return Value("DATE", f"{_part_year(m, ctx)}-{unit}{number}", edge_mod(ctx, groups.get("edge")))


def _part_year(m: re.Match[str], ctx: Context) -> str:
    """The year of a quarter or half: written, relative (``of next year``) or the anchor's."""
    groups = m.groupdict()
    if groups.get("year"):
        return str(groups["year"])
    if ctx.anchor is None:
        return "XXXX"
    offset = 0
    if groups.get("yrel"):
        offset = -1 if groups["yrel"].lower() in ctx.lex.words("past") else 1
    return f"{ctx.anchor.year + offset:04d}"


def _nth_month(m: re.Match[str], ctx: Context) -> tuple[int, int] | None:
    """The (year, month) of ``d'octobre 2014`` or ``du mois prochain`` (the coming one)."""
    if m.group("rel"):
        if ctx.anchor is None:
            return None
        step = -1 if ctx.direction(m.group("rel"), m.start()) == "last" else 1
        return cal.shift_months(ctx.anchor.year, ctx.anchor.month, step)
    month = month_number(ctx, m.group("month"))
    if m.group("year"):
        return year_number(m.group("year"), ctx.anchor), month
    if ctx.anchor is None:
        return None
    direction = ctx.direction(None, m.start()) or "future"
    return cal.year_of_month(month, ctx.anchor, direction), month


def _nth_of(m: re.Match[str], ctx: Context) -> Value | None:
    """``le 3eme jour d'octobre``, ``la dernière semaine de septembre 2014``, ``premier
    mercredi du mois prochain``: the nth (or last) day, whole week or weekday of a month."""
    surface = m.group("ord").lower()
    digits = re.match(r"\d+", surface)
    ordinals: dict[str, int] = ctx.lex.table("ordinals")
    nth = -1 if surface.startswith("dern") else int(digits.group()) if digits else ordinals[surface]
    found = _nth_month(m, ctx)
    if found is None:
        return None
    weekdays: dict[str, int] = ctx.lex.table("weekdays")
    what = m.group("what").lower()
    unit = "W" if what == "semaine" else str(weekdays.get(what, "D"))
    day = cal.nth_in_month(*found, unit, nth)
    if day is None:
        return None
    return Value("DATE", cal.iso_week(day) if unit == "W" else day.isoformat())


HANDLERS: dict[str, Handler] = {
    "nth_of": _nth_of,
    "full_date": _full_date,
    "month_year": _month_year,
    "month_rel": _month_rel,
    "month_edge": _month_only,
    "month_prep": _month_only,
    "year": _year_rule,
    "decade": _decade,
    "numeric_date": _numeric_date,
    "day_only": _day_only,
    "day_range": _day_range,
    "holiday": _holiday,
    "part": _part,
    "season": _season,
}
