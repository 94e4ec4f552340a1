"""Clock times (``15h30``, ``à quinze heures trente``, ``midi et quart``), parts of the day
(``l'après-midi``, ``en fin de matinée``, ``après déjeuner``) and a clock joined to its day
(``hier à 10 h``)."""

from __future__ import annotations

import datetime as dt
import re

from veille.nlp import timex_anchor as cal
from veille.nlp.timex_context import (
    Context,
    Handler,
    TimexMatch,
    Value,
    edge_mod,
    small_number,
    with_pod,
)


def _day_of_clock(ctx: Context, hour: int, minute: int, offset: int) -> dt.date | None:
    """The day of a clock time: the last full date; else, with a clock in the anchor and no
    past tense, the next time the clock reads so (``minuit`` at 04:30 is tomorrow's)."""
    day = ctx.day()
    if ctx.ref_day is not None or ctx.clock is None or day is None:
        return day
    if dt.time(hour, minute) < ctx.clock and ctx.tense(offset) != "past":
        return cal.shift_days(day, 1)
    return day


def _clock(ctx: Context, hour: int, minute: int, m: re.Match[str]) -> Value:
    day = _day_of_clock(ctx, hour, minute, m.start())
    approx = m.groupdict().get("approx")
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    second = f":{m.group('s')}" if m.groupdict().get("s") else ""
    value = f"{prefix}T{hour:02d}:{minute:02d}{second}"
    return Value("TIME", value, "APPROX" if approx else None)


def _minutes(m: re.Match[str], ctx: Context) -> int | None:
    """Minutes past the hour: ``30``, ``trente``, ``et quart``, ``moins le quart`` (negative)."""
    groups = m.groupdict()
    frac = (groups.get("frac") or "").lower()
    if frac:
        return 15 if frac == "quart" else 30
    if groups.get("tq"):
        return 45
    minus = (groups.get("minus") or "").lower()
    if minus:
        back = 15 if minus == "quart" else small_number(minus, ctx.lex.lang)
        return -back if back is not None and 0 < back < 60 else None
    minute = small_number(groups.get("m"), ctx.lex.lang)
    return minute if minute is None or minute < 60 else None


def _meridiem(m: re.Match[str], ctx: Context, hour: int) -> int:
    """The hour on a 24-hour clock after ``pm``, ``du soir``, ``du matin``."""
    ampm = (m.groupdict().get("ampm") or "").lower()
    pm = {w.lower() for w in ctx.lex.data.get("clock_pm", [])}
    if (ampm.startswith("p") or ampm in pm) and hour < 12:
        return hour + 12
    if ampm.startswith("a") and hour == 12:
        return 0
    return hour


def _clock_at(m: re.Match[str], ctx: Context, hour: int) -> Value | None:
    minute = _minutes(m, ctx) if m.groupdict().get("m") or _has_tail(m) else 0
    if minute is None:
        return None
    hour = _meridiem(m, ctx, hour)
    if minute < 0:
        hour, minute = (hour - 1) % 24, 60 + minute
    return _clock(ctx, hour, minute, m)


def _has_tail(m: re.Match[str]) -> bool:
    return any(m.groupdict().get(g) for g in ("frac", "tq", "minus"))


def _time(m: re.Match[str], ctx: Context) -> Value | None:
    hour = small_number(m.group("h"), ctx.lex.lang)
    if hour is None or hour > 23:
        return None
    return _clock_at(m, ctx, hour)


def _bare_time(m: re.Match[str], ctx: Context) -> Value | None:
    """``9 heures 30``, ``3 heures du matin``: a clock without ``à`` when minutes or a part
    of the day follow and no duration word (``pendant``, ``environ``) comes before."""
    if not (m.group("m") or m.group("ampm") or _has_tail(m)):
        return None
    before = re.search(r"([^\W\d_]+)\W*\Z", ctx.text[max(0, m.start() - 20) : m.start()])
    cues = {w.lower() for w in ctx.lex.words("duration_cues")}
    if before and before.group(1).lower() in cues and not _opens_range(ctx, m, before.group(1)):
        return None
    return _time(m, ctx)


def _opens_range(ctx: Context, m: re.Match[str], word: str) -> bool:
    """``de 9 heures 30 à 11h``: ``de`` opening a clock range, not a length."""
    links = r"(?:à|a|jusqu'à)\s"
    return word.lower() == "de" and re.match(rf"\s+{links}", ctx.text[m.end() :]) is not None


def _named_time(m: re.Match[str], ctx: Context) -> Value | None:
    named: dict[str, str] = ctx.lex.table("named_times")
    hour = int(named[m.group("named").lower()].split(":")[0])
    return _clock_at(m, ctx, hour)


def _pod(m: re.Match[str], ctx: Context) -> Value | None:
    the, pod = (m.groupdict().get("the") or "").lower(), m.group("pod").lower()
    if the == "le" and not m.groupdict().get("same"):
        return None
    if pod in ("journée", "day") and the != "dans la":
        return None
    day = ctx.anchor if m.groupdict().get("this") else ctx.day()
    return with_pod(ctx, day, pod)


def _pod_edge(m: re.Match[str], ctx: Context) -> Value | None:
    """``en fin d'après-midi`` (END), ``tôt le matin`` (START): a part of the anchor's day."""
    if m.group("pod").lower() in ("journée", "day"):
        return None  # ``en fin de journée`` is the day's end: the ``period`` rule
    value = with_pod(ctx, ctx.day(), m.group("pod"))
    mod = edge_mod(ctx, m.groupdict().get("edge")) or (
        "START" if m.groupdict().get("early") else None
    )
    return Value(value.type, value.value, mod)


def _day_event(m: re.Match[str], ctx: Context) -> Value | None:
    """``après déjeuner`` (afternoon), ``avant déjeuner`` (morning), ``après le travail``."""
    rel, event = m.group("rel").lower(), m.group("event").lower()
    key = {"après": "day_events_after", "avant": "day_events_before"}.get(rel, "day_events")
    pod = ctx.lex.table(key).get(event)
    day = ctx.day()
    if pod is None or day is None:
        return None
    return Value("TIME", f"{day.isoformat()}T{pod}")


_CLOCK = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(T\d\d:\d\d(?::\d\d)?)")


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


def merge_clock_days(text: str, found: list[TimexMatch]) -> list[TimexMatch]:
    out: list[TimexMatch] = []
    for timex in found:
        if out:
            merged = _clock_day(out[-1], timex, text[out[-1].end : timex.start])
            if merged is not None:
                out[-1] = merged
                continue
        out.append(timex)
    return out


HANDLERS: dict[str, Handler] = {
    "time": _time,
    "named_time": _named_time,
    "bare_time": _bare_time,
    "pod": _pod,
    "pod_edge": _pod_edge,
    "day_event": _day_event,
}
