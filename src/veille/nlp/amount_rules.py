"""Compiled regular expressions of the money and quantity finder, built from rule data.

Data: ``patterns/currencies.v1.json``, ``quantity_nouns.v1.json``,
``amount_qualifiers.v1.json`` and the number words of ``numbers_<lang>.v1.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.nlp.numbers import load_number_lexicon
from veille.nlp.ruledata import load_rules

CURRENCIES = "currencies.v1.json"
QUANTITY_NOUNS = "quantity_nouns.v1.json"
QUALIFIERS = "amount_qualifiers.v1.json"

NOT_LETTER = r"(?![^\W\d_])"
DIGITS_CORE = r"(?:\d{1,3}(?:[ \u00a0\u202f\u2009.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
DIGITS = rf"(?<![\w.,]){DIGITS_CORE}"


def alternation(items: list[str] | set[str], *, escape: bool = True) -> str:
    """A regex alternation, longest first so that ``dollars américains`` beats ``dollars``."""
    ordered = sorted(items, key=len, reverse=True)
    return "|".join(re.escape(item) if escape else item for item in ordered)


def number_words_pattern(lang: str, *, with_articles: bool = True) -> str:
    """A run of spelled-out number words (validated later by ``parse_number``)."""
    lex = load_number_lexicon(lang)
    words = (set(lex.words) | set(lex.articles)) - set(lex.joiners)
    if not with_articles:
        words -= set(lex.articles)
    word = rf"(?:{alternation(words)})"
    joiner = rf"(?:{alternation(set(lex.joiners))})"
    return rf"(?<![\w-])(?i:{word}(?:[\s-]+(?:{joiner}[\s-]+)?{word})*){NOT_LETTER}"


@dataclass(frozen=True)
class Currency:
    """What a currency mention means: its ISO code and a factor (0.01 for cents)."""

    code: str
    factor: float = 1.0


@dataclass(frozen=True)
class AmountRules:
    """Everything the amount finder needs for one language."""

    lang: str
    currencies: dict[str, Currency]
    scales: dict[str, int]
    subunits: dict[str, int]
    articles: frozenset[str]
    money_after: re.Pattern[str]
    money_before: re.Pattern[str]
    cents: re.Pattern[str]
    quantity: re.Pattern[str]
    units: dict[str, str]
    range_left: re.Pattern[str]
    qualifiers: tuple[tuple[re.Pattern[str], str], ...]
    conversion_gap: re.Pattern[str]
    approx_count: re.Pattern[str]
    approx_counts: dict[str, int]
    designation: re.Pattern[str]
    designation_blockers: frozenset[str]
    range_tail: re.Pattern[str]
    compound_adjective_tails: frozenset[str]

    def currency(self, surface: str) -> Currency | None:
        """The currency a matched surface form names."""
        return self.currencies.get(surface) or self.currencies.get(surface.lower())

    def scale(self, surface: str | None) -> int:
        """The multiplier a matched scale word gives (1 without one)."""
        if not surface:
            return 1
        return self.scales.get(surface) or self.scales.get(surface.lower(), 1)


def _currency_table(data: dict[str, Any], lang: str) -> dict[str, Currency]:
    """Surface form -> currency; names lower-cased, symbols and codes as written."""
    table = {sym: Currency(code) for sym, code in data["symbols"].items()}
    aliases = data["code_aliases"]
    table.update({code: Currency(aliases.get(code, code)) for code in data["codes"]})
    table.update({name.lower(): Currency(code) for name, code in data["names"][lang].items()})
    for name, code in data["standalone_subunits"][lang].items():
        table[name] = Currency(code, 0.01)
    return table


def _scale_table(data: dict[str, Any], lang: str) -> dict[str, int]:
    scales = dict(data["scales"]["words"])
    if lang == "fr":
        scales.update(data["scales"]["fr_words"])
    scales.update(data["scales"]["abbreviations"])
    return scales


def _symbols(symbols: dict[str, str]) -> str:
    """Symbols, longest first; one ending in a letter (``$ c``, ``$HK``) ends a word."""
    ordered = sorted(symbols, key=len, reverse=True)
    return "|".join(re.escape(s) + (NOT_LETTER if s[-1].isalpha() else "") for s in ordered)


def _patterns(data: dict[str, Any], lang: str) -> tuple[str, str, str, str]:
    """(number, scale, currency-after, currency-before) sub-patterns."""
    number = rf"(?:{DIGITS}|{number_words_pattern(lang)})"
    words = _scale_table(data, lang)
    abbreviations = data["scales"]["abbreviations"]
    word_scales = alternation({w for w in words if w not in abbreviations})
    scale = (
        rf"(?:\s*(?P<scale>(?i:{word_scales}){NOT_LETTER}"
        rf"|(?:{alternation(set(abbreviations))})(?![A-Za-z])))"
    )
    names = alternation(set(data["names"][lang]) | set(data["standalone_subunits"][lang]))
    symbols = _symbols(data["symbols"])
    codes = alternation(set(data["codes"]))
    coded = rf"(?<![A-Za-z])(?:{codes})(?![A-Za-z])"
    after = rf"(?:(?i:{names}){NOT_LETTER}|{symbols}|{coded})"
    leading = alternation(set(data["names"][lang]) - set(data["not_before_number"].get(lang, [])))
    before = rf"(?:{symbols}|{coded})" if lang == "fr" else rf"(?:{symbols}|{coded}|(?i:{leading}))"
    return number, scale, after, before


def _qualifiers(data: dict[str, Any], lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<![\w-])(?:{phrase})\s*\Z", re.IGNORECASE), qualifier)
        for phrase, qualifier in data["before"][lang]
    )


@lru_cache(maxsize=4)
def load_amount_rules(lang: str) -> AmountRules:
    """The compiled rules of ``lang`` (``fr``; anything else reads as ``en``)."""
    lang = "fr" if lang == "fr" else "en"
    money, nouns, quals = load_rules(CURRENCIES), load_rules(QUANTITY_NOUNS), load_rules(QUALIFIERS)
    number, scale, after, before = _patterns(money, lang)
    de = r"(?:(?i:de|d['’]|of)\s*)?" if lang == "fr" else r"(?:(?i:of)\s+)?"
    subunits = money["subunits"][lang]
    bare_number = rf"(?:{DIGITS}|{number_words_pattern(lang, with_articles=False)})"
    adjectives = alternation(set(nouns["adjectives"][lang]))
    openers = alternation(set(quals["range_openers"][lang]), escape=False)
    joiners = alternation(set(quals["range_joiners"][lang]))
    markers = alternation(set(quals["conversion_markers"][lang]), escape=False)
    return AmountRules(
        lang=lang,
        currencies=_currency_table(money, lang),
        scales=_scale_table(money, lang),
        subunits={k.lower(): v for k, v in subunits.items()},
        articles=frozenset(money["articles"][lang]),
        money_after=re.compile(rf"(?P<num>{number}){scale}?\s*{de}(?P<cur>{after})"),
        money_before=re.compile(
            rf"(?P<cur>{before})\s?(?P<num>(?<![\d.,]){DIGITS_CORE}|{number}){scale}?"
        ),
        cents=re.compile(
            rf"\s*(?:(?i:et|and)\s+)?(?P<num>\d{{1,2}}(?!\d)|{number})"
            rf"(?:\s*(?P<sub>(?i:{alternation(set(subunits))})){NOT_LETTER})?"
        ),
        quantity=re.compile(
            rf"(?P<num>{bare_number})\s+(?:(?i:{adjectives})\s+)?"
            rf"(?P<noun>(?i:{alternation(set(nouns['nouns'][lang]))})){NOT_LETTER}"
        ),
        units={k.lower(): v for k, v in nouns["nouns"][lang].items()},
        range_left=re.compile(
            rf"(?:(?P<open>(?i:{openers}))\s+)?(?:(?P<cur0>{before})\s?)?(?P<num>{number})"
            rf"{scale}?(?:\s*{de}(?P<cur1>{after}))?\s*(?P<join>(?i:{joiners}))\s*\Z"
        ),
        qualifiers=_qualifiers(quals, lang),
        conversion_gap=re.compile(
            rf"\s*(?:[(\[,;:–—-]\s*(?:(?i:{markers})\s+)?|(?i:{markers})\s+)", re.IGNORECASE
        ),
        approx_count=_approx_count(nouns, lang),
        approx_counts={k.lower(): v for k, v in nouns["approx_counts"][lang].items()},
        designation=re.compile(
            rf"(?P<num>(?<![\w.,]){DIGITS_CORE}|{bare_number})\s+(?:(?i:{adjectives})\s+)?"
            rf"(?P<noun>[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|\d+(?:\s+[A-Z])?)(?![\w-]))*(?:/[A-Z]\b)?)"
        ),
        designation_blockers=frozenset(nouns["designation_blockers"][lang]),
        range_tail=re.compile(rf"(?:{number})\s*(?i:{joiners})\s*\Z"),
        compound_adjective_tails=frozenset(nouns["compound_adjective_tails"]),
    )


def _approx_count(nouns: dict[str, Any], lang: str) -> re.Pattern[str]:
    """``une trentaine (de NOUN)``: an article, a round-number noun, what it counts."""
    articles = alternation(set(nouns["approx_count_articles"][lang]))
    words = alternation(set(nouns["approx_counts"][lang]))
    of = r"(?:de|d['’]|of)" if lang == "fr" else r"of"
    return re.compile(
        rf"(?<![\w-])(?:{articles})\s+(?P<word>{words})s?(?:\s+{of}\s*(?P<noun>[\w-]+))?"
        rf"{NOT_LETTER}",
        re.IGNORECASE,
    )
