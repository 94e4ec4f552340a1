"""Ranges between two time expressions: ``du 10 juin au 1er juillet``, ``de 9h30 à 11h jeudi``.

TimeBank writes a range as two TIMEX3, so both ends keep their own span and value; each end
also records the interval it bounds (``begin`` and ``end_value``, inclusive, at their own
granularity). A clock range takes the day written after its end (``de 9h30 à 11h jeudi``)
and reads an end earlier than its start in the afternoon (``de 11h30 à 1h30``). The linking
and opening words are the ``range_links`` and ``range_openers`` of the time lexicon.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from veille.nlp.amount_rules import alternation

if TYPE_CHECKING:
    from veille.nlp.timex import TimexMatch

_POINT = re.compile(r"(\d{4}-\d\d(?:-\d\d)?)(T\d\d:\d\d(?::\d\d)?)?")


def _link(text: str, first: TimexMatch, second: TimexMatch, words: dict[str, list[str]]) -> bool:
    """``au``, ``à``, ``-`` between the ends; ``et`` only after ``entre``."""
    links = alternation(words["range_links"])
    gap = text[first.end : second.start]
    opening = re.match(rf"({links})\s", second.text, re.IGNORECASE)
    if opening and gap.isspace():  # ``au 3 octobre`` holds its own link word
        gap += opening.group(1)
    found = re.fullmatch(rf"\s*({links})\s*", gap, re.IGNORECASE)
    if found is None:
        return False
    before = text[max(0, first.start - 12) : first.start] + first.text
    openers = alternation(words["range_openers"])
    opened = re.search(rf"(?<![\w'])({openers})\s", before, re.IGNORECASE) is not None
    return opened or not found.group(1).lower().startswith(("et", "and"))


def _clock_pair(first: str, second: str) -> tuple[str, str] | None:
    """Two clock values on the second's day, the end moved past noon if it came first."""
    a, b = _POINT.fullmatch(first), _POINT.fullmatch(second)
    if a is None or b is None or not a.group(2) or not b.group(2):
        return None
    day = b.group(1)
    start, end = a.group(2), b.group(2)
    if end < start and int(end[1:3]) < 12:
        end = f"T{int(end[1:3]) + 12:02d}{end[3:]}"
    return day + start, day + end


def _pair(first: TimexMatch, second: TimexMatch) -> tuple[str, str] | None:
    """The begin and end values of a range, or None when the ends do not make one."""
    a, b = _POINT.fullmatch(first.value), _POINT.fullmatch(second.value)
    if a is None or b is None:
        return None
    if a.group(2) or b.group(2):
        return _clock_pair(first.value, second.value)
    return (first.value, second.value) if first.value < second.value else None


def link_ranges(
    text: str, found: list[TimexMatch], words: dict[str, list[str]]
) -> list[TimexMatch]:
    """Mark consecutive expressions that make a range with the interval they bound."""
    out = list(found)
    for k in range(len(out) - 1):
        first, second = out[k], out[k + 1]
        if first.begin or not _link(text, first, second, words):
            continue
        pair = _pair(first, second)
        if pair is None:
            continue
        begin, end = pair
        value = begin if first.type == "TIME" else first.value
        out[k] = replace(first, value=value, begin=begin, end_value=end)
        out[k + 1] = replace(
            second, value=end if second.type == "TIME" else second.value, begin=begin, end_value=end
        )
    return out
