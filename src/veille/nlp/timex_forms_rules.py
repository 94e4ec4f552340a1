"""Patterns of the written forms that the main French rules leave out: clock ranges from bare
numbers (``de 5 à 7``, ``entre 4pm et 5pm``), a clock with a weekly set (``16h chaque
lundi``), the end of a day (``fin de demain``), ``cette`` before a month, glued durations
(``3heures``), a whole unit (``toute la journée``) and date notations (``23/sep/2020``,
``15.05.99``, ``2015-3``, ``28/2-1/3``, ``novembre 19-20``). ``timex_forms`` values them.

The sub-patterns come from ``timex_rules`` (``p``) with its word guards ``b`` and ``e``.
"""

from __future__ import annotations

_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MO = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"


def _clock_end(n: str, p: dict[str, str]) -> str:
    """One end of a clock range: ``5``, ``4:00``, ``7 heures``, ``6pm``, ``3 du matin``."""
    return (
        rf"(?P<h{n}>[01]?\d|2[0-3]|{p['words']})(?::(?P<m{n}>[0-5]\d))?"
        rf"(?P<unit{n}>\s*h(?:eures?)?(?!\w))?(?:\s*(?P<ap{n}>{p['meridiem']}))?"
    )


def form_rules(p: dict[str, str], b: str, e: str) -> list[tuple[str, str]]:
    """The (handler name, pattern) pairs of the written forms."""
    day_word = rf"(?P<rd>{p['relday']}|{p['refday']})"
    return [
        (
            "clock_range",
            rf"{b}(?:(?P<open>de|du|entre)\s+)?{_clock_end('1', p)}"
            rf"\s+(?P<link>à|a|au|et|jusqu'à|jusqu'a|-)\s+{_clock_end('2', p)}"
            rf"(?:\s+(?:{day_word}|(?P<day>{_DAY})\s+(?P<month>{p['month']})))?{e}",
        ),
        (
            "clock_set",
            rf"{b}(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ap>{p['meridiem']}|h|heures?)"
            rf"\s+(?:chaque|tous\s+les)\s+(?P<wd>{p['wd']})s?{e}",
        ),
        (
            "day_edge",
            rf"{b}(?P<edge>{p['edge']})\s+(?:de\s+|d')(?:(?:ce|cette)\s+)?"
            rf"(?:(?P<rd>{p['relday']})|(?P<wd>{p['wd']})){e}",
        ),
        ("this_month", rf"{b}(?:ce|cet|cette)\s+(?P<month>{p['fmonth']}){e}"),
        ("glued_duration", rf"{b}(?P<num>\d+(?:[.,]\d+)?)(?P<unit>{p['unit']}){e}"),
        ("whole_unit", rf"{b}tou(?:te|t)\s+(?:le|la)\s+(?P<unit>jour|journée|mois|année){e}"),
        (
            "named_date",
            rf"{b}(?P<day>{_DAY})[/-](?P<month>{p['month']})[/-](?P<year>{_YEAR}){e}",
        ),
        (
            "named_date",
            rf"{b}(?P<year>{_YEAR})[/-](?P<month>{p['month']})[/-](?P<day>{_DAY})(?!\d)",
        ),
        ("named_date", rf"{b}(?P<day>{_DAY})-(?P<year>{_YEAR})-(?P<month>{p['month']}){e}"),
        ("named_date", rf"{b}(?P<month>{p['month']})/(?P<day>{_DAY})(?![\d/])"),
        ("named_date", rf"{b}(?P<month>{p['fmonth']})\s+(?P<dw>{p['words']}){e}"),
        (
            "dotted_date",
            rf"{b}(?P<day>{_DAY})\.(?P<mo>0[1-9]|1[0-2])\.(?P<year>{_YEAR}|\d\d)(?![.,]?\d)",
        ),
        ("year_month", rf"{b}(?P<year>{_YEAR})-(?P<mo>[1-9])(?![\w-])"),
        (
            "numeric_range",
            rf"{b}(?P<d1>{_DAY})/(?P<m1>{_MO})(?:/(?P<y1>{_YEAR}))?\s*-\s*"
            rf"(?P<d2>{_DAY})/(?P<m2>{_MO})(?:/(?P<y2>{_YEAR}|\d\d))?(?![\d/])",
        ),
        (
            "month_day_range",
            rf"{b}(?P<month>{p['fmonth']})\s+(?P<d1>{_DAY})\s*-\s*(?P<d2>{_DAY}){e}",
        ),
        (
            "month_day_range",
            rf"{b}(?:(?:de|du)\s+)?(?P<d1>{_DAY})\s*-\s*(?P<d2>{_DAY})\s+(?:du\s+)?"
            rf"mois\s+(?P<rel>{p['rel']}){e}",
        ),
    ]
