"""What the time-expression handlers share: the match record, the value a handler returns,
the context it reads (text, rules, anchor, tense, last full date) and small readers of
months, years, numbers, units and modifiers. ``timex.py`` dispatches; ``timex_dates``,
``timex_relative`` and ``timex_clock`` hold the handlers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from veille.nlp import timex_anchor as cal
from veille.nlp.numbers import parse_number
from veille.nlp.timex_rules import TimexLexicon

TenseAt = Callable[[int], str | None]


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
class Value:
    type: str
    value: str
    mod: str | None = None
    begin: str | None = None
    end: str | None = None


@dataclass
class Context:
    """What a handler may read: the text, the rules, the anchor and the last full date."""

    text: str
    lex: TimexLexicon
    anchor: dt.date | None
    tense_at: TenseAt | None
    ref_day: dt.date | None = None
    ref_point: tuple[dt.date, str] | None = None
    clock: dt.time | None = None

    def tense(self, offset: int) -> str | None:
        """past/present/future for the clause at ``offset``, from the callback or cues."""
        if self.tense_at is not None and (said := self.tense_at(offset)) not in (None, "present"):
            return said
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


def edge_mod(ctx: Context, word: str | None) -> str | None:
    if not word:
        return None
    edges: dict[str, str | None] = ctx.lex.table("edges")
    return edges.get(word.lower().rstrip("-"))


def month_number(ctx: Context, surface: str) -> int:
    months: dict[str, int] = ctx.lex.table("months")
    return months[surface.lower().rstrip(".")]


def year_number(surface: str, anchor: dt.date | None) -> int:
    digits = surface.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    if anchor is None:
        return (1900 if int(digits) > 30 else 2000) + int(digits)
    year = anchor.year // 100 * 100 + int(digits)
    return year - 100 if year > anchor.year + 10 else year


def day_number(surface: str) -> int | None:
    digits = re.match(r"\d+", surface)
    if digits:
        return int(digits.group())
    return 1 if surface.lower() in ("1er", "1re", "premier", "first") else None


def date_as_written(year: int | None, month: int, day: int) -> str:
    """``2019-03-01``; a day the calendar lacks (``2019-02-29``) as written; no year: XXXX."""
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}-{day:02d}"


def with_pod(ctx: Context, day: dt.date | None, pod: str | None) -> Value:
    if day is None:
        return Value("DATE", "XXXX-XX-XX")
    if pod:
        parts: dict[str, str] = ctx.lex.table("parts_of_day")
        return Value("TIME", f"{day.isoformat()}T{parts[pod.lower()]}")
    return Value("DATE", day.isoformat())


def small_number(surface: str | None, lang: str) -> int | None:
    """A clock number written in digits or words (``quinze``), or None."""
    if not surface:
        return None
    value = parse_number(surface, lang)
    return int(value) if value is not None and float(value).is_integer() else None


def positive_number(surface: str, lang: str) -> int | float | None:
    value = parse_number(surface, lang)
    return value if value is not None and value > 0 else None


def qual_mod(ctx: Context, qual: str | None) -> str | None:
    if not qual:
        return None
    qual = qual.lower()
    for key, mod in (("approx", "APPROX"), ("more", "MORE_THAN"), ("less", "LESS_THAN")):
        if qual in {w.lower() for w in ctx.lex.words(key)}:
            return mod
    return None


def unit_code(ctx: Context, surface: str) -> str:
    units: dict[str, str] = ctx.lex.table("units")
    return units[surface.lower()]


def duration_value(amount: str, unit: str) -> str:
    if unit in _TIME_UNITS:
        return f"PT{amount}{_TIME_UNITS[unit]}"
    return f"P{amount}{unit}"


Handler = Callable[[re.Match[str], Context], Value | None]
