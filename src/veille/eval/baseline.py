"""The baseline that ``veille eval --baseline`` sets beside veille: off-the-shelf tools only.

- entities: the stock spaCy model's named entities (``fr_core_news_md``, or the English
  model), their label mapped to a gold type; one entity per distinct surface form, with no
  kind, no country and no coreference;
- timexes: dateparser's ``search_dates`` in the article's language, anchored on the
  publication date, its value written at the granularity dateparser reports;
- amounts: a simple regular expression, a number, an optional scale word (``millions``,
  ``bn``) and a currency symbol or word, always ``exact``.

It predicts no quotes, events or deals, so those layers are not scored for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from spacy.language import Language

from veille.errors import ModelError
from veille.kb.aliases import normalise
from veille.nlp.build import MODELS

NAME = "spaCy NER + dateparser + currency regex"
"""How the report names the baseline."""

ENTITY_TYPES: Mapping[str, Mapping[str, str]] = {
    "fr": {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "SYSTEM"},
    "en": {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE", "PRODUCT": "SYSTEM"},
}
"""The stock model's labels that map to a gold type; other labels are dropped."""

_NUMBER = r"\d{1,3}(?:[  .,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE = r"milliards?|millions?|billions?|trillions?|mds?|bn|m|k"
_CURRENCY_WORDS = r"euros?|dollars?|livres? sterling|pounds?|dirhams?|roupies?|rupees?"
_CODES = r"USD|EUR|GBP|MAD|INR"
_BEFORE = re.compile(
    rf"(?P<cur>US\$|\$|€|£|(?:{_CODES})\s)\s?(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE})\b)?",
    re.IGNORECASE,
)
_AFTER = re.compile(
    rf"(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE})\b)?\s?(?:d['’]\s?|de\s)?"
    rf"(?P<cur>€|\$|£|(?:{_CURRENCY_WORDS}|{_CODES})\b)",
    re.IGNORECASE,
)
_SCALES = {"k": 1e3, "m": 1e6, "million": 1e6, "md": 1e9, "milliard": 1e9, "bn": 1e9}
_SCALES |= {"billion": 1e9, "trillion": 1e12}
_CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "euro": "EUR"}
_CURRENCIES |= {"dollar": "USD", "livre sterling": "GBP", "pound": "GBP", "dirham": "MAD"}
_CURRENCIES |= {"livres sterling": "GBP", "roupie": "INR", "rupee": "INR"}


@lru_cache(maxsize=2)
def load_stock_model(lang: str) -> Language:
    """The stock spaCy model of ``lang``, without veille's components (loaded once)."""
    import spacy

    try:
        return spacy.load(MODELS[lang])
    except (KeyError, OSError) as exc:
        raise ModelError(f"no stock spaCy model for {lang!r}: {exc}") from exc


def baseline_entities(text: str, lang: str) -> list[dict[str, Any]]:
    """One entity per distinct (normalised) surface the stock NER labels with a mapped type."""
    types = ENTITY_TYPES.get(lang, {})
    found: dict[str, dict[str, Any]] = {}
    for ent in load_stock_model(lang)(text).ents:
        kind = types.get(ent.label_)
        if kind is not None:
            found.setdefault(normalise(ent.text), _entity(ent.text, kind))
    return list(found.values())


def _entity(name: str, type_: str) -> dict[str, Any]:
    return {"name": name, "type": type_, "kind": None, "country": None, "mentions": [name]}


def format_period(when: dt.datetime, period: str | None) -> str:
    """A TIMEX3 value at dateparser's granularity: year, month, ISO week or day."""
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return when.date().isoformat()


@lru_cache(maxsize=8)
def _date_parser(lang: str, base: dt.datetime | None) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings=_settings(base))


def _settings(base: dt.datetime | None) -> dict[str, Any]:
    return {} if base is None else {"RELATIVE_BASE": base}


def find_dates(text: str, lang: str, base: dt.datetime | None) -> list[tuple[int, str, str]]:
    """dateparser's ``search_dates`` hits as (start, surface, TIMEX3 value), in text order."""
    from dateparser.search import search_dates

    found = search_dates(text, languages=[lang], settings=_settings(base)) or []
    out, cursor = [], 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        period = _date_parser(lang, base).get_date_data(surface).period
        out.append((start, surface, format_period(when, period)))
    return out


def baseline_timexes(text: str, lang: str, published: dt.date | None) -> list[dict[str, Any]]:
    """The dates dateparser finds, anchored on the publication date, as DATE timexes."""
    base = None if published is None else _midnight(published)
    return [_timex(surface, start, value) for start, surface, value in find_dates(text, lang, base)]


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _timex(surface: str, start: int, value: str) -> dict[str, Any]:
    return {
        "text": surface,
        "type": "DATE",
        "value": value,
        "mod": None,
        "start": start,
        "end": start + len(surface),
    }


def parse_plain_number(raw: str, lang: str) -> float:
    """``1 200,5`` (fr) or ``1,200.5`` (en) as a float."""
    digits = raw.replace(" ", "").replace(" ", "")
    if lang == "fr":
        return float(digits.replace(".", "").replace(",", "."))
    return float(digits.replace(",", ""))


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    key = word.lower().rstrip("s")
    return _SCALES.get(key, 1.0)


def _currency(word: str) -> str:
    key = word.strip().lower()
    key = key[:-1] if key.endswith("s") and len(key) > 3 else key
    return _CURRENCIES.get(key, key.upper())


def _regex_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of both patterns, earliest first, longest first at one start."""
    matches = [*_BEFORE.finditer(text), *_AFTER.finditer(text)]
    yield from sorted(matches, key=lambda m: (m.start(), -m.end()))


def baseline_amounts(text: str, lang: str) -> list[dict[str, Any]]:
    """Amounts of money found by the currency regex, without overlaps."""
    out: list[dict[str, Any]] = []
    end = 0
    for match in _regex_matches(text):
        if match.start() < end:
            continue
        end = match.end()
        value = parse_plain_number(match["num"], lang) * _scale(match["scale"])
        out.append(
            {
                "text": match[0],
                "value": value,
                "currency": _currency(match["cur"]),
                "qualifier": "exact",
                "start": match.start(),
                "end": match.end(),
            }
        )
    return out


def baseline_analyze(
    text: str, *, lang: str | None, published: dt.date | None, outlet: str | None
) -> dict[str, Any]:
    """The baseline's prediction for one article, in the JSON shape of ``veille analyze``."""
    lang = lang or "fr"
    return {
        "entities": baseline_entities(text, lang),
        "timexes": baseline_timexes(text, lang, published),
        "amounts": baseline_amounts(text, lang),
    }
