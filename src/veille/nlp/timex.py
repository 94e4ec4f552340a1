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
from dataclasses import dataclass

from veille.nlp import timex_clock, timex_dates, timex_forms, timex_relative
from veille.nlp.timex_clock import merge_clock_days
from veille.nlp.timex_context import Context, Handler, TenseAt, TimexMatch, Value
from veille.nlp.timex_ranges import link_ranges
from veille.nlp.timex_rules import load_timex_lexicon

__all__ = ["TenseAt", "TimexMatch", "find_timexes"]

_HANDLERS: dict[str, Handler] = {
    **timex_dates.HANDLERS,
    **timex_relative.HANDLERS,
    **timex_clock.HANDLERS,
    **timex_forms.HANDLERS,
}

_NORMALISE = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " "})


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rank: int
    name: str
    match: re.Match[str]


def _candidates(ctx: Context) -> list[_Candidate]:
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


def _point_of(value: str) -> tuple[dt.date, str] | None:
    """The first day of a year, month or day value (``2022``, ``2022-03``) and its grain
    (``Y``, ``M``, ``D``), else None."""
    found = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    day = found and _day_of(f"{found[1]}-{found[2] or '01'}-{found[3] or '01'}")
    if not found or day is None:
        return None
    return day, "D" if found[3] else "M" if found[2] else "Y"


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
    ctx = Context(text.translate(_NORMALISE), load_timex_lexicon(lang), day, tense_at)
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
        ctx.ref_point = _point_of(value.value) or ctx.ref_point
    words = {k: ctx.lex.words(k) for k in ("range_links", "range_openers")}
    return link_ranges(text, [_with_bound(ctx, t) for t in merge_clock_days(text, out)], words)


def _with_bound(ctx: Context, timex: TimexMatch) -> TimexMatch:
    """``d'ici 2027`` (BEFORE), ``dès 2027`` (AFTER), ``à l'horizon 2032`` (APPROX): a date
    bounded by the word before it."""
    if timex.type != "DATE" or timex.mod or not re.match(r"\d{3}", timex.value):
        return timex
    before = ctx.text[max(0, timex.start - 30) : timex.start]
    bounds = (("bound_before", "BEFORE"), ("bound_after", "AFTER"), ("bound_approx", "APPROX"))
    for key, mod in bounds:
        words = "|".join(re.escape(w) for w in ctx.lex.words(key))
        found = re.search(rf"(?<![\w'])(?:{words})\s*\Z", before, re.IGNORECASE)
        if found:
            start = timex.start - len(before) + found.start()
            text, signal = ctx.text[start : timex.end], ctx.text[start : timex.start]
            return TimexMatch(start, timex.end, text, timex.type, timex.value, mod, signal)
    return timex


def _fields(value: Value) -> tuple[str, str, str | None]:
    return value.type, value.value, value.mod
