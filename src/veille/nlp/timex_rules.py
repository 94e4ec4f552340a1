"""The time-expression lexicons (``patterns/timex_<lang>.v1.json``) and the regular
expressions built from them. Each rule is a name and a pattern; ``timex.py`` turns a match
of rule ``name`` into a value with the handler of that name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.nlp.amount_rules import alternation, number_words_pattern
from veille.nlp.ruledata import load_rules
from veille.nlp.timex_forms_rules import form_rules

B = r"(?<![\w'-])"
E = r"(?![\w])"
YEAR4 = r"(?<![\d.,])(?:1[5-9]\d\d|20\d\d)(?![\d])(?![.,]\d)"
# The second year of ``2024-2030`` (TimeBank writes a range as two TIMEX3).
_YEAR_RANGE_END = rf"(?<=(?<![\w-])(?:1[5-9]|20)\d\d[-–])(?P<year>{YEAR4})"
DAYNUM = r"(?:1er|1re|premier|first|[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|e)?"


@dataclass(frozen=True)
class TimexLexicon:
    """The words of one language's time expressions (see the JSON file's keys)."""

    lang: str
    data: dict[str, Any]
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    past_cues: re.Pattern[str]
    future_cues: re.Pattern[str]

    def table(self, key: str) -> dict[str, Any]:
        """A word table, keyed by lower-case surface form."""
        return {k.lower(): v for k, v in self.data[key].items()}

    def words(self, key: str) -> list[str]:
        """A word list."""
        return list(self.data[key])


def _alt(words: list[str] | dict[str, Any]) -> str:
    return alternation(list(words))


def _full_months(months: dict[str, int]) -> list[str]:
    """Month names that are not abbreviations of a longer name (``sept`` of ``septembre``)."""
    return [m for m in months if not any(o != m and o.startswith(m) for o in months)]


def _abbreviations(months: dict[str, int]) -> list[str]:
    """Month names that shorten a longer one (``sept``), which may take a full stop."""
    full = set(_full_months(months))
    return [m for m in months if m not in full]


def _meridiem_words(data: dict[str, Any]) -> list[str]:
    """``pm``, ``du matin``: what follows a clock number (``(?!)`` where a language has none)."""
    return list(data.get("meridiem_pm", []) + data.get("meridiem_am", [])) or ["(?!)"]


def _parts(data: dict[str, Any], lang: str) -> dict[str, str]:
    """Named sub-patterns shared by the rules."""
    months = data["months"]
    return {
        "month": rf"(?:{_alt(_full_months(months))}|(?:{_alt(_abbreviations(months))})\.?)",
        "fmonth": rf"(?:{_alt(_full_months(months))})",
        "wd": rf"(?:{_alt(data['weekdays'])})",
        "season": rf"(?:{_alt(data['seasons'])})",
        "unit": rf"(?:{_alt(data['units'])})",
        "cal": rf"(?:{_alt(data['calendar_units'])})",
        "pod": rf"(?:{_alt(data['parts_of_day'])})",
        "past": rf"(?:{_alt(data['past'])})",
        "future": rf"(?:{_alt(data['future'])})",
        "rel": rf"(?:{_alt(data['past'] + data['future'])})",
        "edge": rf"(?:{_alt(data['edges'])})",
        "qual": rf"(?:{_alt(data['approx'] + data['more'] + data['less'])})",
        "since": rf"(?:{_alt(data['since'])})",
        "vq": rf"(?:{_alt(data['vague_quantities'])})",
        "ord": rf"(?:{_alt(data['ordinals'])})",
        "num": rf"(?:\d+(?:[.,]\d+)?|{number_words_pattern(lang)})",
        "relday": rf"(?:{_alt(data['relative_days'])})",
        "named": rf"(?:{_alt(data['named_times'])})",
        "mprep": rf"(?:{_alt(data['month_preps'])})",
        "sprep": rf"(?:{_alt(data['season_preps'])})",
        "ago": rf"(?:{_alt(data['ago'])})",
        "in": rf"(?:{_alt(data['in'])})",
        "holiday": rf"(?:{_alt(data['holidays'])})",
        "refday": rf"(?:{_alt(data['ref_days'])})",
        "nextweek": rf"(?:{_alt(data['next_week'])})",
        "ampm": rf"(?:{_alt(data['clock_pm'] + data['clock_am'])})",
        "words": number_words_pattern(lang, with_articles=False),
        "later": rf"(?:{_alt(data.get('weekday_later', {}) or ['(?!)'])})",
        "early": rf"(?:{_alt(data.get('early_words', []) or ['(?!)'])})",
        "event": rf"(?:{_alt(data.get('day_events', {}) or ['(?!)'])})",
        "meridiem": rf"(?:{_alt(_meridiem_words(data))})",
    }


def _clock_tail(p: dict[str, str]) -> str:
    """``et quart``, ``et demie``, ``trois quarts``, ``moins le quart``, ``du soir``."""
    return (
        rf"(?:\s+et\s+(?P<frac>quart|demie?)|\s+(?P<tq>trois\s+quarts)"
        rf"|\s+moins\s+(?:le\s+)?(?P<minus>quart|\d+|{p['words']}))?"
        rf"(?:\s+(?P<ampm>{p['ampm']}))?"
    )


def _fr_rules(p: dict[str, str], p_address: list[str]) -> list[tuple[str, str]]:
    return [
        (
            "full_date",
            rf"{B}(?:(?:le|du|au)\s+)?(?:(?P<wd>{p['wd']})\s+)?(?P<day>{DAYNUM})\s+"
            rf"(?P<month>{p['month']})(?:\s+(?P<year>{YEAR4}|'?\d{{2}}(?![\w%])))?"
            rf"(?:\s+(?P<rel>{p['rel']}))?{E}",
        ),
        (
            "month_year",
            rf"{B}(?:(?P<edge>{p['edge']})(?:\s+|-)(?:de\s+|d')?)?"
            rf"(?P<month>{p['fmonth']})\s+(?P<year>{YEAR4}|'?\d{{2}}(?![\w%]))",
        ),
        (
            "month_rel",
            rf"{B}(?:en\s+)?(?:(?P<edge>{p['edge']})(?:\s+|-)(?:de\s+|d')?)?"
            rf"(?P<month>{p['fmonth']})\s+(?:(?:de\s+l'|de\s+la\s+|du\s+)(?:année|an)\s+)?"
            rf"(?P<rel>{p['rel']}){E}",
        ),
        (
            "month_edge",
            rf"{B}(?P<edge>{p['edge']})(?:\s+|-)(?:du\s+mois\s+)?(?:de\s+|d')?"
            rf"(?P<month>{p['fmonth']}){E}",
        ),
        ("month_prep", rf"{B}(?:{p['mprep']})\s*(?P<t>(?P<month>{p['fmonth']})){E}"),
        (
            "year",
            rf"{B}(?:(?P<edge>{p['edge']})(?:\s+|-)(?:de\s+l'année\s+|d'année\s+|de\s+)?)?"
            rf"(?:l'(?:année|an)\s+)?(?P<year>{YEAR4})",
        ),
        (
            "decade",
            rf"{B}(?:(?:la\s+|au\s+)?(?P<edge>{p['edge']})\s+(?:des|de\s+la\s+décennie)\s+|les\s+)?"
            rf"années\s+(?P<dec>(?:19|20)?\d0){E}",
        ),
        (
            "relday",
            rf"{B}(?P<rd>{p['relday']})(?:\s+(?P<wd>{p['wd']}))?"
            rf"(?:,?\s+(?:au\s+|dans\s+la\s+|en\s+)?(?P<pod>{p['pod']}))?{E}",
        ),
        (
            "weekday",
            rf"{B}(?:(?P<this>ce|cet)\s+(?:même\s+)?)?(?P<wd>{p['wd']})"
            rf"(?:\s+(?P<rel>{p['rel']}))?(?:\s+(?:en\s+|dans\s+l'|dans\s+l[ea]\s+|au\s+)?(?P<pod>{p['pod']}))?{E}",
        ),
        (
            "time",
            rf"{B}(?:(?P<approx>vers|aux\s+alentours\s+de)\s+)?(?P<h>[01]?\d|2[0-3])\s*h"
            rf"(?:\s*(?P<m>[0-5]\d))?{_clock_tail(p)}{E}",
        ),
        (
            "time",
            rf"{B}(?:(?P<approx>vers|à\s+environ|environ)|à|dès|jusqu'à)\s+"
            rf"(?P<h>[01]?\d|2[0-3]|{p['words']})\s+heures?"
            rf"(?:\s+(?P<m>[0-5]\d|{p['words']})(?!\s+{p['unit']}))?{_clock_tail(p)}{E}",
        ),
        (
            "nth_of",
            rf"{B}(?:(?:le|la)\s+)?(?P<ord>{p['ord']}|\d{{1,2}}(?:e|eme|ème))\s+"
            rf"(?P<what>jour|semaine|{p['wd']})\s+(?:de\s+|d'|du\s+)(?:(?P<month>{p['fmonth']})"
            rf"(?:\s+(?P<year>{YEAR4}))?|mois\s+(?P<rel>{p['rel']})){E}",
        ),
        (
            "bare_time",
            rf"{B}(?P<h>[01]?\d|2[0-3]|{p['words']})\s+heures?"
            rf"(?:\s+(?P<m>[0-5]\d|{p['words']})(?!\s+(?:{p['unit']}|quarts)))?"
            rf"{_clock_tail(p)}{E}",
        ),
        (
            "numeric_date",
            rf"{B}(?:(?P<pre>le|du|au)\s+)?(?P<day>[12]\d|3[01]|0?[1-9])/(?P<mo>1[0-2]|0?[1-9])"
            rf"(?:/(?P<year>\d{{4}}|\d\d))?(?![\d/,.]\d|\s*%)",
        ),
        (
            "numeric_date",
            rf"{B}(?P<year>1[5-9]\d\d|20\d\d)-(?P<mo>1[0-2]|0?[1-9])-(?P<day>[12]\d|3[01]|0?[1-9])"
            rf"(?!\d)",
        ),
        (
            "numeric_date",
            rf"{B}(?<!\d\s)(?:(?P<pre>le|du|au)\s+)?(?P<day>[12]\d|3[01]|0?[1-9]) "
            rf"(?P<mo>1[0-2]|0?[1-9])(?: (?P<year>\d{{4}}|\d\d))?(?!\d)(?![.,]\d)"
            rf"(?!\s*(?:[\d%€$£]|[^\W\d_]))",
        ),
        (
            "day_only",
            rf"{B}(?:(?P<pre>le|du|au)\s+(?:(?P<wd>{p['wd']})\s+)?|(?P<wd2>{p['wd']})\s+)"
            rf"(?P<day>{DAYNUM})(?=\s*(?:$|[,;!?)]|:(?!\d)|\.(?!\d)|(?:à|a|vers|au|et|jusqu'|plutôt)\s))"
            rf"(?!,?\s*(?:{_alt(p_address)})\b)",
        ),
        (
            "day_range",
            rf"{B}(?:(?:du|entre\s+le)\s+)?(?:{p['wd']}\s+)?(?P<d1>{DAYNUM})\s*"
            rf"(?:au|-|et\s+le|jusqu'au)\s*(?:{p['wd']}\s+)?(?P<d2>{DAYNUM}|{p['words']})\s+"
            rf"(?P<month>{p['month']})(?:\s+(?P<year>{YEAR4}))?{E}",
        ),
        (
            "holiday",
            rf"{B}(?:(?:le\s+)?jour\s+de\s+|la\s+journée\s+de\s+|le\s+)?(?:la\s+|l')?"
            rf"(?P<word>{p['holiday']})(?:\s+(?P<year>{YEAR4}))?{E}",
        ),
        (
            "ref_day",
            rf"{B}(?:le\s+|la\s+)?(?P<rd>{p['refday']})(?:\s+(?:au\s+)?(?P<pod>{p['pod']}))?{E}",
        ),
        (
            "weekday_week",
            rf"{B}(?P<wd>{p['wd']})\s+(?:(?:de\s+)?(?:la|cette)\s+semaine"
            rf"(?:\s+(?P<rel>{p['rel']}|{p['nextweek']}|qui\s+suit))?|(?P<nw>{p['nextweek']})){E}",
        ),
        (
            "time",
            rf"{B}(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?"
            rf"(?:\s*(?P<ampm>a\.m\.|p\.m\.|am|pm))?{E}",
        ),
        (
            "named_time",
            rf"{B}(?:(?P<approx>vers)\s+)?(?P<named>{p['named']})"
            rf"(?:\s+(?P<m>[0-5]?\d|{p['words']})(?!\s+{p['unit']}))?{_clock_tail(p)}{E}",
        ),
        (
            "pod",
            rf"{B}(?:(?P<this>ce|cet|cette)|(?P<the>la|le|dans\s+la|en|dans\s+le))\s+"
            rf"(?P<pod>{p['pod']})(?:\s+(?P<same>même))?{E}",
        ),
        (
            "period",
            rf"{B}(?:(?P<edge>{p['edge']})\s+(?:de\s+l'|de\s+la\s+|du\s+|d'|de\s+)?)?"
            rf"(?:(?P<det>ce|cet|cette|l'|la|le)\s*)?(?P<cal>{p['cal']})"
            rf"(?:\s+(?P<rel>{p['rel']}|en\s+cours)|(?P<ci>-ci))?{E}",
        ),
        (
            "part",
            rf"{B}(?:(?:la\s+|le\s+|à\s+la\s+|en\s+)?(?P<edge>{p['edge']})(?:\s+|-)(?:du|de\s+la)\s+"
            rf"|(?:le|au|du)\s+)?(?P<ord>{p['ord']})\s+(?P<cal>{p['cal']})"
            rf"(?:\s+(?:de\s+l'année\s+|de\s+|d')?(?P<year>{YEAR4})"
            rf"|\s+de\s+l'(?:année|an)\s+(?P<yrel>{p['rel']})|\s+de\s+(?P<ythis>cette)\s+année)?{E}",
        ),
        (
            "ago",
            rf"{B}(?P<dir>il\s+y\s+a|dans)\s+(?:(?P<qual>{p['qual']})\s+)?"
            rf"(?P<num>{p['num']})\s+(?P<unit>{p['unit']}){E}",
        ),
        (
            "duration",
            rf"{B}(?:(?P<since>{p['since']})\s+)?(?:(?P<qual>{p['qual']})\s+)?"
            rf"(?P<num>{p['num']})\s+(?P<unit>{p['unit']}){E}",
        ),
        (
            "vague_duration",
            rf"{B}(?:(?P<since>{p['since']})\s+)?(?P<vq>{p['vq']})\s+"
            rf"(?P<unit>{p['unit']}){E}",
        ),
        (
            "season",
            rf"{B}(?:(?P<det>{p['sprep']})\s*)(?P<season>{p['season']})"
            rf"(?:\s+(?P<year>{YEAR4})|\s+(?P<rel>{p['rel']}))?{E}",
        ),
        ("weekly", rf"{B}(?:chaque|tous\s+les)\s+(?P<wd>{p['wd']})s?{E}"),
        ("weekday_later", rf"{B}(?P<wd>{p['wd']})\s+en\s+(?P<later>{p['later']}){E}"),
        ("pod", rf"{B}(?P<the>l')(?P<pod>{p['pod']}){E}"),
        (
            "pod_edge",
            rf"{B}(?:en|au|à\s+la|dans\s+la)\s+(?P<edge>{p['edge']})\s+"
            rf"(?:de\s+la\s+|de\s+l'|du\s+|d'|de\s+)(?P<pod>{p['pod']}){E}",
        ),
        ("pod_edge", rf"{B}(?P<early>{p['early']}|dès)\s+le\s+(?P<pod>{p['pod']}){E}"),
        ("pod_edge", rf"{B}(?:le|la)\s+(?P<pod>{p['pod']})\s+(?P<early>{p['early']}){E}"),
        (
            "day_event",
            rf"{B}(?P<rel>après|avant|pendant|à\s+l'heure\s+du|au\s+moment\s+d[eu]|lors\s+du)"
            rf"\s+(?:le\s+)?(?P<event>{p['event']}){E}",
        ),
        (
            "span_units",
            rf"{B}(?:(?:les|ces|durant\s+les|pendant\s+les)\s+)?(?P<num>{p['num']})\s+"
            rf"(?:(?P<rel>{p['rel']})\s+(?P<unit>{p['unit']})"
            rf"|(?P<unit2>{p['unit']})\s+(?P<rel2>{p['rel']})){E}",
        ),
    ]


def _en_rules(p: dict[str, str]) -> list[tuple[str, str]]:
    return [
        (
            "full_date",
            rf"{B}(?:(?P<wd>{p['wd']}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?"
            rf"(?P<month>{p['month']})(?:,?\s+(?P<year>{YEAR4}))?{E}",
        ),
        (
            "full_date",
            rf"{B}(?:(?P<wd>{p['wd']}),?\s+)?(?P<month>{p['month']})\s+(?P<day>{DAYNUM})"
            rf"(?:,?\s+(?P<year>{YEAR4}))?{E}",
        ),
        (
            "month_year",
            rf"{B}(?:(?P<edge>{p['edge']})(?:\s+|-)(?:of\s+)?)?"
            rf"(?P<month>{p['fmonth']}),?\s+(?P<year>{YEAR4})",
        ),
        ("month_rel", rf"{B}(?P<rel>{p['rel']})\s+(?P<month>{p['fmonth']}){E}"),
        ("month_rel", rf"{B}(?P<month>{p['fmonth']})\s+(?:of\s+)?(?P<rel>{p['rel']})\s+year{E}"),
        ("month_edge", rf"{B}(?P<edge>{p['edge']})(?:\s+|-)(?:of\s+)?(?P<month>{p['fmonth']}){E}"),
        ("month_prep", rf"{B}(?:{p['mprep']})\s+(?P<t>(?P<month>{p['fmonth']})){E}"),
        ("year", rf"{B}(?:(?P<edge>{p['edge']})(?:\s+|-))?(?P<year>{YEAR4})"),
        (
            "decade",
            rf"{B}(?:(?:the\s+)?(?P<edge>{p['edge']})\s+)?the\s+(?P<dec>(?:19|20)?\d0)'?s{E}",
        ),
        ("relday", rf"{B}(?P<rd>{p['relday']})(?:\s+(?P<pod>{p['pod']}))?{E}"),
        (
            "weekday",
            rf"{B}(?:(?P<this>this)\s+|(?P<rel>{p['rel']})\s+)?(?P<wd>{p['wd']})"
            rf"(?:\s+(?P<pod>{p['pod']}))?{E}",
        ),
        ("time", rf"{B}(?:(?P<approx>around|about)\s+)?(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d){E}"),
        (
            "time",
            rf"{B}(?:(?P<approx>around|about)\s+)?(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?"
            rf"\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?!\w)",
        ),
        ("named_time", rf"{B}(?:(?P<approx>around)\s+)?(?P<named>{p['named']}){E}"),
        ("pod", rf"{B}(?:(?P<this>this|tonight)|(?P<the>the|in\s+the))\s+(?P<pod>{p['pod']}){E}"),
        (
            "period",
            rf"{B}(?:(?P<edge>{p['edge']})\s+)?(?:(?P<det>this|the)\s+)?"
            rf"(?:(?P<rel>{p['rel']})\s+)?(?P<cal>{p['cal']}){E}",
        ),
        (
            "part",
            rf"{B}(?:(?P<edge>{p['edge']})\s+)?(?:the\s+)?(?P<ord>{p['ord']})\s+(?P<cal>{p['cal']}|half)"
            rf"(?:\s+(?:of\s+)?(?P<year>{YEAR4})"
            rf"|\s+(?:of\s+)?(?:(?P<yrel>{p['rel']})|(?P<ythis>this))\s+year)?{E}",
        ),
        ("part", rf"{B}(?P<qh>[QH][1-4])\s+(?P<year>{YEAR4}){E}"),
        (
            "ago",
            rf"{B}(?:(?P<qual>{p['qual']})\s+)?(?P<num>{p['num']})\s+(?P<unit>{p['unit']})"
            rf"\s+(?P<dir>ago){E}",
        ),
        (
            "duration",
            rf"{B}(?:(?P<since>{p['since']})\s+)?(?:(?P<qual>{p['qual']})\s+)?"
            rf"(?P<num>{p['num']})\s+(?P<unit>{p['unit']}){E}",
        ),
        (
            "vague_duration",
            rf"{B}(?:(?P<since>{p['since']})\s+)?(?P<vq>{p['vq']})\s+"
            rf"(?P<unit>{p['unit']}){E}",
        ),
        (
            "season",
            rf"{B}(?:(?P<det>{p['sprep']})\s+)?(?P<season>{p['season']})"
            rf"(?:\s+(?:of\s+)?(?P<year>{YEAR4}))?{E}",
        ),
        ("weekly", rf"{B}(?:every|each)\s+(?P<wd>{p['wd']}){E}"),
    ]


def _word_rules(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Fixed phrases: vague references, sets, fixed durations."""
    return [
        ("vague", rf"{B}(?P<word>{_alt(data['vague'])}){E}"),
        ("set", rf"{B}(?P<word>{_alt(data['sets'])}){E}"),
        ("fixed_duration", rf"{B}(?P<word>{_alt(data['fixed_durations'])}){E}"),
    ]


@lru_cache(maxsize=4)
def load_timex_lexicon(lang: str) -> TimexLexicon:
    """The compiled time rules of ``lang`` (``fr``; anything else reads as ``en``)."""
    lang = "fr" if lang == "fr" else "en"
    data = load_rules(f"timex_{lang}.v1.json")
    parts = _parts(data, lang)
    rules = _fr_rules(parts, data["address_words"]) if lang == "fr" else _en_rules(parts)
    rules += form_rules(parts, B, E) if lang == "fr" else []
    rules += _word_rules(data)
    rules.append(("year", _YEAR_RANGE_END))
    return TimexLexicon(
        lang=lang,
        data=data,
        rules=tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in rules),
        past_cues=re.compile(data["past_cues"], re.IGNORECASE),
        future_cues=re.compile(data["future_cues"], re.IGNORECASE),
    )
