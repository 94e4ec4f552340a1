"""Time expressions (TIMEX3 style) in French and English text, normalised to ISO values.

``find_timexes(text, lang="fr", anchor=date(2025, 9, 15))`` returns ``TimexMatch`` records
with values at the granularity the text gives (``2025-08-13``, ``2025-08``, ``2021-Q3``,
``2025-W33``, ``2025-SU``), durations (``P3M``, ``PXM``), sets and vague references
(``PAST_REF``). Relative expressions are anchored on ``anchor``; without one the value is
left underspecified (``XXXX-03``). ``tense_at(offset)`` may say whether the clause at an
offset is in the past, present or future; without it, auxiliaries nearby are read.
Clock times take the day of the last full date before them (``mardi ... vers 21 h 45``).
The lexicons and rules are ``patterns/timex_<lang>.v1.json`` and ``timex_rules.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from veille.nlp import timex_anchor as cal
from veille.nlp.numbers import parse_number
from veille.nlp.timex_ranges import link_ranges
from veille.nlp.timex_rules import TimexLexicon, load_timex_lexicon

TenseAt = Callable[[int], str | None]
_NORMALISE = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " "})
_TIME_UNITS = {"S": "S", "MIN": "M", "H": "H"}


@dataclass(frozen=True)
class TimexMatch:
    """One time expression: its span, TIMEX3 type, normalised value and modifier."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    signal: str | None = None  # the bounding words that open the span (``d'ici ``), if any
    begin: str | None = None  # first point of an anchored interval (``du 13 au 15``), if any
    end_value: str | None = None  # last point of that interval, inclusive, at its own grain


@dataclass(frozen=True)
class _Value:
    type: str
    value: str
    mod: str | None = None
    begin: str | None = None
    end: str | None = None


@dataclass
class _Context:
    """What a handler may read: the text, the rules, the anchor and the last full date."""

    text: str
    lex: TimexLexicon
    anchor: dt.date | None
    tense_at: TenseAt | None
    ref_day: dt.date | None = None
    clock: dt.time | None = None

    def tense(self, offset: int) -> str | None:
        """past/present/future for the clause at ``offset``, from the callback or cues."""
        if self.tense_at is not None:
            return self.tense_at(offset)
        left = max(self.text.rfind(c, 0, offset) for c in ".;!?«»\n")
        rights = [i for i in (self.text.find(c, offset) for c in ".;!?«»\n") if i >= 0]
        clause = self.text[max(left + 1, offset - 160) : min(rights + [offset + 100])]
        past = self.lex.past_cues.search(clause) is not None
        future = self.lex.future_cues.search(clause) is not None
        if past != future:
            return "past" if past else "future"
        return None

    def direction(self, rel: str | None, offset: int) -> cal.Direction:
        """``last``/``next`` from a relative word, else ``past``/``future`` from the tense."""
        if rel:
            rel = rel.lower()
            if rel in {w.lower() for w in self.lex.words("past")}:
                return "last"
            if rel in {w.lower() for w in self.lex.words("future")}:
                return "next"
        tense = self.tense(offset)
        return "past" if tense == "past" else "future" if tense == "future" else None

    def day(self) -> dt.date | None:
        """The day clock times and parts of the day refer to."""
        return self.ref_day or self.anchor


def _edge(ctx: _Context, word: str | None) -> str | None:
    if not word:
        return None
    edges: dict[str, str | None] = ctx.lex.table("edges")
    return edges.get(word.lower().rstrip("-"))


def _sentence_start(text: str, offset: int) -> bool:
    before = text[:offset].rstrip()
    return not before or before[-1] in '.!?«"\n:'


def _month_case_ok(ctx: _Context, match: re.Match[str]) -> bool:
    """French months are lower case (``Mars`` is the planet); English ones capitalised."""
    surface = match.group("month")
    if ctx.lex.data["month_case"] == "title":
        return surface[0].isupper()
    return surface[0].islower() or _sentence_start(ctx.text, match.start("month"))


def _month(ctx: _Context, surface: str) -> int:
    months: dict[str, int] = ctx.lex.table("months")
    return months[surface.lower().rstrip(".")]


def _year(surface: str, anchor: dt.date | None) -> int:
    digits = surface.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    if anchor is None:
        return (1900 if int(digits) > 30 else 2000) + int(digits)
    year = anchor.year // 100 * 100 + int(digits)
    return year - 100 if year > anchor.year + 10 else year


def _day_number(surface: str) -> int | None:
    digits = re.match(r"\d+", surface)
    if digits:
        return int(digits.group())
    return 1 if surface.lower() in ("1er", "1re", "premier", "first") else None


def _full_date(m: re.Match[str], ctx: _Context) -> _Value | None:
    day, month = _day_number(m.group("day")), _month(ctx, m.group("month"))
    if day is None:
        return None
    if m.group("year"):
        year = _year(m.group("year"), ctx.anchor)
    elif ctx.anchor is not None:
        direction = ctx.direction(m.groupdict().get("rel"), m.start())
        year = cal.year_of_day(month, day, ctx.anchor, direction)
    else:
        return _Value("DATE", f"XXXX-{month:02d}-{day:02d}")
    try:
        return _Value("DATE", dt.date(year, month, day).isoformat())
    except ValueError:
        return None


def _month_value(m: re.Match[str], ctx: _Context, rel: str | None) -> _Value | None:
    month = _month(ctx, m.group("month"))
    mod = _edge(ctx, m.groupdict().get("edge"))
    if m.groupdict().get("year"):
        return _Value("DATE", f"{_year(m.group('year'), ctx.anchor):04d}-{month:02d}", mod)
    if ctx.anchor is None:
        return _Value("DATE", f"XXXX-{month:02d}", mod)
    if rel and re.search(r"\b(?:année|an|year)\b", m.group(0), re.IGNORECASE):
        offset = -1 if ctx.direction(rel, m.start()) == "last" else 1
        return _Value("DATE", f"{ctx.anchor.year + offset:04d}-{month:02d}", mod)
    year = cal.year_of_month(month, ctx.anchor, ctx.direction(rel, m.start()))
    return _Value("DATE", f"{year:04d}-{month:02d}", mod)


def _month_year(m: re.Match[str], ctx: _Context) -> _Value | None:
    return _month_value(m, ctx, None)


def _month_rel(m: re.Match[str], ctx: _Context) -> _Value | None:
    return _month_value(m, ctx, m.group("rel"))


def _month_only(m: re.Match[str], ctx: _Context) -> _Value | None:
    return _month_value(m, ctx, None) if _month_case_ok(ctx, m) else None


def _year_rule(m: re.Match[str], ctx: _Context) -> _Value | None:
    after = ctx.text[m.end() :]
    if re.match(r"[^\W\d_]", after):
        return None
    following = re.match(r"\s*([%\w²]+)", after)
    blockers = {w.lower() for w in ctx.lex.words("year_blockers")}
    if following and following.group(1).lower() in blockers:
        return None
    if re.search(r"\d[\s.,]$", ctx.text[: m.start("year")]):
        return None
    return _Value("DATE", m.group("year"), _edge(ctx, m.groupdict().get("edge")))


def _decade(m: re.Match[str], ctx: _Context) -> _Value | None:
    """``les années 60`` is the decade ``196`` (TIMEX3 writes a decade with three digits)."""
    digits = m.group("dec")
    century = digits[:2] if len(digits) == 4 else "19"
    return _Value("DATE", f"{century}{digits[-2]}", _edge(ctx, m.groupdict().get("edge")))


def _with_pod(ctx: _Context, day: dt.date | None, pod: str | None) -> _Value:
    if day is None:
        return _Value("DATE", "XXXX-XX-XX")
    if pod:
        parts: dict[str, str] = ctx.lex.table("parts_of_day")
        return _Value("TIME", f"{day.isoformat()}T{parts[pod.lower()]}")
    return _Value("DATE", day.isoformat())


def _relday(m: re.Match[str], ctx: _Context) -> _Value | None:
    offsets: dict[str, int] = ctx.lex.table("relative_days")
    offset = offsets[m.group("rd").lower()]
    day = cal.shift_days(ctx.anchor, offset) if ctx.anchor else None
    return _with_pod(ctx, day, m.groupdict().get("pod"))


def _weekday(m: re.Match[str], ctx: _Context) -> _Value | None:
    weekdays: dict[str, int] = ctx.lex.table("weekdays")
    weekday = weekdays[m.group("wd").lower()]
    if ctx.anchor is None:
        return _Value("DATE", f"XXXX-WXX-{weekday}")
    direction = ctx.direction(m.groupdict().get("rel"), m.start())
    if m.groupdict().get("this") and direction is None:
        direction = "future"
    day = cal.weekday_date(weekday, ctx.anchor, direction or "future")
    return _with_pod(ctx, day, m.groupdict().get("pod"))


def _clock(ctx: _Context, hour: int, minute: int, approx: str | None) -> _Value:
    day = ctx.day()
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return _Value("TIME", f"{prefix}T{hour:02d}:{minute:02d}", "APPROX" if approx else None)


def _small(surface: str | None, lang: str) -> int | None:
    """A clock number written in digits or words (``quinze``), or None."""
    if not surface:
        return None
    value = parse_number(surface, lang)
    return int(value) if value is not None and float(value).is_integer() else None


def _minutes(m: re.Match[str], ctx: _Context) -> int | None:
    """Minutes past the hour: ``30``, ``trente``, ``et quart``, ``moins le quart`` (negative)."""
    groups = m.groupdict()
    frac = (groups.get("frac") or "").lower()
    if frac:
        return 15 if frac == "quart" else 30
    if groups.get("tq"):
        return 45
    minus = (groups.get("minus") or "").lower()
    if minus:
        back = 15 if minus == "quart" else _small(minus, ctx.lex.lang)
        return -back if back is not None and 0 < back < 60 else None
    minute = _small(groups.get("m"), ctx.lex.lang)
    return minute if minute is None or minute < 60 else None


def _meridiem(m: re.Match[str], ctx: _Context, hour: int) -> int:
    """The hour on a 24-hour clock after ``pm``, ``du soir``, ``du matin``."""
    ampm = (m.groupdict().get("ampm") or "").lower()
    pm = {w.lower() for w in ctx.lex.data.get("clock_pm", [])}
    if (ampm.startswith("p") or ampm in pm) and hour < 12:
        return hour + 12
    if ampm.startswith("a") and hour == 12:
        return 0
    return hour


def _clock_at(m: re.Match[str], ctx: _Context, hour: int) -> _Value | None:
    minute = _minutes(m, ctx) if m.groupdict().get("m") or _has_tail(m) else 0
    if minute is None:
        return None
    hour = _meridiem(m, ctx, hour)
    if minute < 0:
        hour, minute = (hour - 1) % 24, 60 + minute
    return _clock(ctx, hour, minute, m.groupdict().get("approx"))


def _has_tail(m: re.Match[str]) -> bool:
    return any(m.groupdict().get(g) for g in ("frac", "tq", "minus"))


def _time(m: re.Match[str], ctx: _Context) -> _Value | None:
    hour = _small(m.group("h"), ctx.lex.lang)
    if hour is None or hour > 23:
        return None
    return _clock_at(m, ctx, hour)


def _named_time(m: re.Match[str], ctx: _Context) -> _Value | None:
    named: dict[str, str] = ctx.lex.table("named_times")
    hour = int(named[m.group("named").lower()].split(":")[0])
    return _clock_at(m, ctx, hour)


def _numeric_date(m: re.Match[str], ctx: _Context) -> _Value | None:
    """``15/02/2013``, ``le 17/02``, ``2013-03-01`` (day first, as French writes it)."""
    day, month = int(m.group("day")), int(m.group("mo"))
    if m.group("year"):
        year = _year(m.group("year"), ctx.anchor)
    elif ctx.anchor is not None:
        if not m.groupdict().get("pre") and re.match(r"\s+[^\W\d_]{4,}", ctx.text[m.end() :]):
            return None
        year = cal.year_of_day(month, day, ctx.anchor, ctx.direction(None, m.start()) or "future")
    else:
        return _Value("DATE", f"XXXX-{month:02d}-{day:02d}")
    try:
        return _Value("DATE", dt.date(year, month, day).isoformat())
    except ValueError:
        return None


def _day_only(m: re.Match[str], ctx: _Context) -> _Value | None:
    """``le 16``, ``mercredi 13``: a day of this month or a near one (its weekday agreeing)."""
    day = _day_number(m.group("day"))
    if day is None or ctx.anchor is None:
        return None
    weekdays: dict[str, int] = ctx.lex.table("weekdays")
    surface = m.group("wd") or m.group("wd2")
    weekday = weekdays[surface.lower()] if surface else None
    past = ctx.direction(None, m.start()) in ("past", "last")
    found = cal.day_of_month(ctx.anchor, day, weekday, past)
    return _Value("DATE", found.isoformat()) if found else None


def _day_range(m: re.Match[str], ctx: _Context) -> _Value | None:
    """``du 13 au 15 juillet``: one expression, valued at the month that holds both days."""
    first, last = _day_number(m.group("d1")), _small(m.group("d2"), ctx.lex.lang)
    if first is None or last is None or not first < last <= 31:
        return None
    month = _month_value(m, ctx, None)
    if month is None or not re.fullmatch(r"\d{4}-\d\d", month.value):
        return month
    begin, end = f"{month.value}-{first:02d}", f"{month.value}-{last:02d}"
    return _Value(month.type, month.value, month.mod, begin, end)


def _holiday(m: re.Match[str], ctx: _Context) -> _Value | None:
    holidays: dict[str, str] = ctx.lex.table("holidays")
    month, day = (int(x) for x in holidays[m.group("word").lower()].split("-"))
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.anchor is None:
        return _Value("DATE", f"XXXX-{month:02d}-{day:02d}")
    else:
        direction = ctx.direction(None, m.start()) or "future"
        year = cal.year_of_day(month, day, ctx.anchor, direction)
    return _Value("DATE", dt.date(year, month, day).isoformat())


def _ref_day(m: re.Match[str], ctx: _Context) -> _Value | None:
    """``le lendemain``, ``la veille``: a day from the last full date (or the anchor)."""
    offsets: dict[str, int] = ctx.lex.table("ref_days")
    base = ctx.day()
    day = cal.shift_days(base, offsets[m.group("rd").lower()]) if base else None
    return _with_pod(ctx, day, m.groupdict().get("pod"))


def _weekday_week(m: re.Match[str], ctx: _Context) -> _Value | None:
    """``mardi de la semaine prochaine``, ``mercredi d'après``: a weekday of a given week."""
    weekdays: dict[str, int] = ctx.lex.table("weekdays")
    weekday = weekdays[m.group("wd").lower()]
    if ctx.anchor is None:
        return _Value("DATE", f"XXXX-WXX-{weekday}")
    rel = (m.group("rel") or "").lower()
    if m.group("nw") or (rel and rel not in {w.lower() for w in ctx.lex.words("past")}):
        weeks = 1
    else:
        weeks = -1 if rel else 0
    monday = cal.shift_days(ctx.anchor, 7 * weeks - ctx.anchor.isoweekday() + 1)
    return _Value("DATE", cal.shift_days(monday, weekday - 1).isoformat())


def _pod(m: re.Match[str], ctx: _Context) -> _Value | None:
    the, pod = (m.groupdict().get("the") or "").lower(), m.group("pod").lower()
    if the == "le" and not m.groupdict().get("same"):
        return None
    if pod in ("journée", "day") and the != "dans la":
        return None
    day = ctx.anchor if m.groupdict().get("this") else ctx.day()
    return _with_pod(ctx, day, pod)


def _offset(ctx: _Context, m: re.Match[str]) -> int | None:
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


def _period(m: re.Match[str], ctx: _Context) -> _Value | None:
    offset = _offset(ctx, m)
    if offset is None:
        return None
    units: dict[str, str] = ctx.lex.table("calendar_units")
    unit = units[m.group("cal").lower()]
    mod = _edge(ctx, m.groupdict().get("edge"))
    if ctx.anchor is None:
        return _Value("DATE", ("PAST_REF", "PRESENT_REF", "FUTURE_REF")[offset + 1], mod)
    if unit == "WE" and offset == 0 and ctx.anchor.isoweekday() < 6:
        offset = -1 if ctx.tense(m.start()) == "past" else 0
    value = cal.calendar_unit(ctx.anchor, unit, offset)
    return _Value("DATE", value, mod) if value else None


def _part(m: re.Match[str], ctx: _Context) -> _Value | None:
    groups = m.groupdict()
    if groups.get("qh"):
        return _Value("DATE", f"{m.group('year')}-{groups['qh'].upper()}")
    ordinals: dict[str, int] = ctx.lex.table("ordinals")
    units: dict[str, str] = ctx.lex.table("calendar_units")
    unit = units.get(m.group("cal").lower(), "H")
    if unit not in ("Q", "H"):
        return None
    number = min(ordinals[m.group("ord").lower()], 4 if unit == "Q" else 2)
    year = m.group("year") or (f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX")
    return _Value("DATE", f"{year}-{unit}{number}")


def _number(surface: str, lang: str) -> int | float | None:
    value = parse_number(surface, lang)
    return value if value is not None and value > 0 else None


def _qual_mod(ctx: _Context, qual: str | None) -> str | None:
    if not qual:
        return None
    qual = qual.lower()
    for key, mod in (("approx", "APPROX"), ("more", "MORE_THAN"), ("less", "LESS_THAN")):
        if qual in {w.lower() for w in ctx.lex.words(key)}:
            return mod
    return None


def _unit(ctx: _Context, surface: str) -> str:
    units: dict[str, str] = ctx.lex.table("units")
    return units[surface.lower()]


def _ago(m: re.Match[str], ctx: _Context) -> _Value | None:
    amount = _number(m.group("num"), ctx.lex.lang)
    if amount is None or not float(amount).is_integer():
        return None
    sign = 1 if m.group("dir").lower() in {w.lower() for w in ctx.lex.words("in")} else -1
    if ctx.anchor is None:
        return _Value("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF")
    unit = _unit(ctx, m.group("unit"))
    if ctx.clock is not None and unit in ("S", "MIN", "H", "D"):
        moved = cal.shift_clock(
            dt.datetime.combine(ctx.anchor, ctx.clock), sign * int(amount), unit
        )
        return _Value("TIME" if unit != "D" else "DATE", moved, _qual_mod(ctx, m.group("qual")))
    value = cal.shift_unit(ctx.anchor, sign * int(amount), unit)
    return _Value("DATE", value, _qual_mod(ctx, m.group("qual")))


def _duration_value(amount: str, unit: str) -> str:
    if unit in _TIME_UNITS:
        return f"PT{amount}{_TIME_UNITS[unit]}"
    return f"P{amount}{unit}"


def _is_age(m: re.Match[str], ctx: _Context, unit: str) -> bool:
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


def _duration(m: re.Match[str], ctx: _Context) -> _Value | None:
    amount = _number(m.group("num"), ctx.lex.lang)
    unit = _unit(ctx, m.group("unit"))
    if amount is None or _is_age(m, ctx, unit):
        return None
    text = f"{amount:g}" if isinstance(amount, float) else str(amount)
    return _Value("DURATION", _duration_value(text, unit), _qual_mod(ctx, m.group("qual")))


def _vague_duration(m: re.Match[str], ctx: _Context) -> _Value | None:
    surface = m.group("unit").lower()
    if not (surface.endswith("s") or surface in ("mois",)):
        return None
    return _Value("DURATION", _duration_value("X", _unit(ctx, surface)))


def _season(m: re.Match[str], ctx: _Context) -> _Value | None:
    seasons: dict[str, str] = ctx.lex.table("seasons")
    code = seasons[m.group("season").lower()]
    det = (m.group("det") or "").lower()
    if m.group("year"):
        return _Value("DATE", f"{m.group('year')}-{code}")
    if ctx.anchor is None:
        return _Value("DATE", f"XXXX-{code}")
    if m.groupdict().get("rel") or det in ("last", "next"):
        start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        rel = m.groupdict().get("rel") or det
        year = cal.year_of_month(start, ctx.anchor, ctx.direction(rel, m.start()))
        return _Value("DATE", f"{year:04d}-{code}")
    if det in ("cet", "this"):
        return _Value("DATE", f"{ctx.anchor.year:04d}-{code}")
    direction = ctx.direction(None, m.start())
    if direction is None:
        return _Value("DATE", f"XXXX-{code}")
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    return _Value("DATE", f"{cal.year_of_month(start, ctx.anchor, direction):04d}-{code}")


def _weekly(m: re.Match[str], ctx: _Context) -> _Value | None:
    weekdays: dict[str, int] = ctx.lex.table("weekdays")
    return _Value("SET", f"XXXX-WXX-{weekdays[m.group('wd').lower()]}")


def _weekday_later(m: re.Match[str], ctx: _Context) -> _Value | None:
    """``lundi en huit``: the coming weekday (today included), one or two weeks on."""
    weekdays: dict[str, int] = ctx.lex.table("weekdays")
    later: dict[str, int] = ctx.lex.table("weekday_later")
    if ctx.anchor is None:
        return None
    day = cal.weekday_date(weekdays[m.group("wd").lower()], ctx.anchor, "future")
    return _Value("DATE", cal.shift_days(day, later[m.group("later").lower()]).isoformat())


def _pod_edge(m: re.Match[str], ctx: _Context) -> _Value | None:
    """``en fin d'après-midi`` (END), ``tôt le matin`` (START): a part of the anchor's day."""
    if m.group("pod").lower() in ("journée", "day"):
        return None  # ``en fin de journée`` is the day's end: the ``period`` rule
    value = _with_pod(ctx, ctx.day(), m.group("pod"))
    mod = _edge(ctx, m.groupdict().get("edge")) or ("START" if m.groupdict().get("early") else None)
    return _Value(value.type, value.value, mod)


def _day_event(m: re.Match[str], ctx: _Context) -> _Value | None:
    """``après déjeuner`` (afternoon), ``avant déjeuner`` (morning), ``après le travail``."""
    rel, event = m.group("rel").lower(), m.group("event").lower()
    key = {"après": "day_events_after", "avant": "day_events_before"}.get(rel, "day_events")
    pod = ctx.lex.table(key).get(event)
    day = ctx.day()
    if pod is None or day is None:
        return None
    return _Value("TIME", f"{day.isoformat()}T{pod}")


def _span_units(m: re.Match[str], ctx: _Context) -> _Value | None:
    """``les 3 prochains jours``, ``2 semaines passées``: a duration anchored on one side."""
    amount = _number(m.group("num"), ctx.lex.lang)
    unit = _unit(ctx, m.group("unit") or m.group("unit2"))
    if amount is None or not float(amount).is_integer() or unit in ("DE", "CE"):
        return None
    n, value = int(amount), _duration_value(str(int(amount)), unit)
    rel = m.group("rel") or m.group("rel2")
    if ctx.anchor is None:
        return _Value("DURATION", value)
    step = 1 if ctx.direction(rel, m.start()) == "next" else -1
    base = dt.datetime.combine(ctx.anchor, ctx.clock or dt.time())
    points = (step, step * n) if step > 0 else (-n, -1)
    if unit in ("S", "MIN", "H"):
        if ctx.clock is None:
            return _Value("DURATION", value)
        begin, end = (cal.shift_clock(base, k, unit, truncate=True) for k in points)
    else:
        begin, end = (cal.calendar_unit(ctx.anchor, unit, k) or "" for k in points)
    return _Value("DURATION", value, begin=begin, end=end)


def _word(key: str, kind: str | None) -> Callable[[re.Match[str], _Context], _Value | None]:
    def handle(m: re.Match[str], ctx: _Context) -> _Value | None:
        table: dict[str, str] = ctx.lex.table(key)
        value = table[m.group("word").lower()]
        return _Value(kind or "DATE", value)

    return handle


_HANDLERS: dict[str, Callable[[re.Match[str], _Context], _Value | None]] = {
    "full_date": _full_date,
    "month_year": _month_year,
    "month_rel": _month_rel,
    "month_edge": _month_only,
    "month_prep": _month_only,
    "year": _year_rule,
    "decade": _decade,
    "relday": _relday,
    "weekday": _weekday,
    "time": _time,
    "named_time": _named_time,
    "numeric_date": _numeric_date,
    "day_only": _day_only,
    "day_range": _day_range,
    "holiday": _holiday,
    "ref_day": _ref_day,
    "weekday_week": _weekday_week,
    "pod": _pod,
    "period": _period,
    "part": _part,
    "ago": _ago,
    "duration": _duration,
    "vague_duration": _vague_duration,
    "season": _season,
    "weekly": _weekly,
    "weekday_later": _weekday_later,
    "pod_edge": _pod_edge,
    "day_event": _day_event,
    "span_units": _span_units,
    "vague": _word("vague", "DATE"),
    "set": _word("sets", "SET"),
    "fixed_duration": _word("fixed_durations", "DURATION"),
}


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rank: int
    name: str
    match: re.Match[str]


def _candidates(ctx: _Context) -> list[_Candidate]:
    """Every rule match whose handler accepts it (read without the running context)."""
    out = []
    for rank, (name, pattern) in enumerate(ctx.lex.rules):
        for match in pattern.finditer(ctx.text):
            span = match.span("t") if "t" in pattern.groupindex else match.span()
            if span[1] > span[0] and _HANDLERS[name](match, ctx) is not None:
                out.append(_Candidate(span[0], span[1], rank, name, match))
    return out


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest candidates that do not overlap (earlier rules win ties), in text order."""
    kept: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.rank, c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _day_of(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def find_timexes(
    text: str,
    *,
    lang: str,
    anchor: dt.date | None,
    tense_at: TenseAt | None = None,
) -> list[TimexMatch]:
    """Every time expression in ``text``, normalised, in text order.

    ``anchor`` may be a datetime: its clock then anchors ``dans 2 minutes``."""
    clock = anchor.time() if isinstance(anchor, dt.datetime) else None
    day = anchor.date() if isinstance(anchor, dt.datetime) else anchor
    ctx = _Context(text.translate(_NORMALISE), load_timex_lexicon(lang), day, tense_at)
    ctx.clock = clock
    out = []
    for cand in _select(_candidates(ctx)):
        value = _HANDLERS[cand.name](cand.match, ctx)
        if value is None:
            continue
        surface = text[cand.start : cand.end]
        out.append(
            TimexMatch(
                cand.start,
                cand.end,
                surface,
                *_fields(value),
                begin=value.begin,
                end_value=value.end,
            )
        )
        if re.match(r"\d{4}-\d\d-\d\d", value.value):
            ctx.ref_day = _day_of(value.value)
    words = {k: ctx.lex.words(k) for k in ("range_links", "range_openers")}
    return link_ranges(text, [_with_bound(ctx, t) for t in _merge_clock_days(text, out)], words)


def _with_bound(ctx: _Context, timex: TimexMatch) -> TimexMatch:
    """``d'ici 2027`` (BEFORE), ``dès 2027`` (AFTER): a date bounded by the word before it."""
    if timex.type != "DATE" or timex.mod or not re.match(r"\d{3}", timex.value):
        return timex
    before = ctx.text[max(0, timex.start - 30) : timex.start]
    for key, mod in (("bound_before", "BEFORE"), ("bound_after", "AFTER")):
        words = "|".join(re.escape(w) for w in ctx.lex.words(key))
        found = re.search(rf"(?<![\w'])(?:{words})\s*\Z", before, re.IGNORECASE)
        if found:
            start = timex.start - len(before) + found.start()
            text, signal = ctx.text[start : timex.end], ctx.text[start : timex.start]
            return TimexMatch(start, timex.end, text, timex.type, timex.value, mod, signal)
    return timex


_CLOCK = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(T\d\d:\d\d)")
_DAY = re.compile(r"(\d{4}-\d\d-\d\d)(?:T[A-Z]{2})?")


def _clock_day(first: TimexMatch, second: TimexMatch, gap: str) -> TimexMatch | None:
    """``hier à 10 h`` / ``vers 15 h 30, hier``: a day and a clock time as one TIME.

    A comma between a day and the clock that follows it is an apposition (``samedi 4 janvier,
    à 18 h 30``): two expressions, the clock taking the day."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", first.value) and (clock := _CLOCK.fullmatch(second.value)):
        joined = re.fullmatch(r"\s+(?:(?:à|a|at)(?:\s+environ)?|autour\s+de)\s+", gap, re.I)
        if not joined and not (gap.isspace() and re.match(r"(?:à|a|at)\s", second.text, re.I)):
            return None
        day, time, mod = first.value[:10], clock.group(1), second.mod
    elif (clock := _CLOCK.fullmatch(first.value)) and _DAY.fullmatch(second.value):
        if not re.fullmatch(r"\s*,?\s*", gap):
            return None
        day, time, mod = second.value[:10], clock.group(1), first.mod
    else:
        return None
    surface = first.text + gap + second.text
    return TimexMatch(first.start, second.end, surface, "TIME", day + time, mod)


def _merge_clock_days(text: str, found: list[TimexMatch]) -> list[TimexMatch]:
    out: list[TimexMatch] = []
    for timex in found:
        if out:
            merged = _clock_day(out[-1], timex, text[out[-1].end : timex.start])
            if merged is not None:
                out[-1] = merged
                continue
        out.append(timex)
    return out


def _fields(value: _Value) -> tuple[str, str, str | None]:
    return value.type, value.value, value.mod
