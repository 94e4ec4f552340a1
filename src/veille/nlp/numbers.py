"""French and English numbers, in digits or in words, to Python numbers.

``parse_number("quatre-vingt-dix-sept", "fr") == 97``; ``parse_number("22 000 000", "fr")``
reads thin and no-break spaces as group separators; ``parse_number("1,200", "en") == 1200``.
The word grammar is strict (``"vingt un"`` is not a French number, ``"quatre-vingt un"`` is),
so that callers can scan text for maximal well-formed runs. Lexicons live in
``patterns/numbers_<lang>.v1.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from veille.nlp.ruledata import load_rules

Number = int | float

SPACES = "\u00a0\u202f\u2009\u2007"
_SPACE_TABLE = str.maketrans({c: " " for c in SPACES})
_WORD_SPLIT = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class NumberLexicon:
    """The number words of one language."""

    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    tens_taking_teens: frozenset[str]
    eighty_head: str | None
    eighty_tail: frozenset[str]
    hundred: frozenset[str]
    scales: dict[str, int]
    joiners: frozenset[str]
    one_needs_joiner: bool
    hundred_takes_one: bool
    decimal_words: frozenset[str]
    half_words: frozenset[str]
    ordinal_suffixes: tuple[str, ...]
    ordinal_stems: dict[str, str]
    ordinal_marks: dict[str, str]
    first_ordinals: dict[str, str]
    articles: frozenset[str]

    @property
    def words(self) -> frozenset[str]:
        """Every word that may be part of a spelled-out cardinal."""
        out = set(self.units) | set(self.teens) | set(self.tens) | set(self.hundred)
        return frozenset(out | set(self.scales) | self.joiners | self.eighty_tail)


@lru_cache(maxsize=4)
def load_number_lexicon(lang: str) -> NumberLexicon:
    """The number words of ``lang`` (``fr`` or ``en``; anything else reads as ``en``)."""
    data = load_rules(f"numbers_{'fr' if lang == 'fr' else 'en'}.v1.json")
    eighty = data["eighty"]
    return NumberLexicon(
        units=dict(data["units"]),
        teens=dict(data["teens"]),
        tens=dict(data["tens"]),
        tens_taking_teens=frozenset(data["tens_taking_teens"]),
        eighty_head=eighty["head"] if eighty else None,
        eighty_tail=frozenset(eighty["tail"] if eighty else ()),
        hundred=frozenset(data["hundred"]),
        scales=dict(data["scales"]),
        joiners=frozenset(data["joiners"]),
        one_needs_joiner=bool(data["one_needs_joiner"]),
        hundred_takes_one=bool(data["hundred_takes_one"]),
        decimal_words=frozenset(data["decimal_words"]),
        half_words=frozenset(data["half_words"]),
        ordinal_suffixes=tuple(data["ordinal_suffixes"]),
        ordinal_stems=dict(data["ordinal_stems"]),
        ordinal_marks=dict(data["ordinal_marks"]),
        first_ordinals=dict(data["first_ordinals"]),
        articles=frozenset(data["articles"]),
    )


class _Invalid(Exception):
    """Raised inside the word parser when a run is ill-formed (caught in this module)."""


Step = tuple[int, int] | None  # (value, next position) or no match


def split_number_words(text: str) -> list[str]:
    """Lower-cased words of a spelled number, split on spaces and hyphens."""
    return [w for w in _WORD_SPLIT.split(text.translate(_SPACE_TABLE).lower().strip()) if w]


def _small_after(tokens: list[str], j: int, lex: NumberLexicon, one: bool, teens: bool) -> Step:
    """A unit (2-9, or 1 when ``one``) or, when ``teens``, a teen after a ten."""
    if j >= len(tokens):
        return None
    word = tokens[j]
    unit = lex.units.get(word)
    if unit is not None and (unit >= 2 or (unit == 1 and one)):
        return unit, j + 1
    if teens and word in lex.teens:
        return _teen(tokens, j, lex)
    return None


def _teen(tokens: list[str], i: int, lex: NumberLexicon) -> Step:
    """A teen word, with French ``dix-sept``..``dix-neuf`` built from ``dix`` and a unit."""
    value = lex.teens[tokens[i]]
    if value == 10 and 17 not in lex.teens.values() and i + 1 < len(tokens):
        unit = lex.units.get(tokens[i + 1])
        if unit is not None and unit >= 7:
            return 10 + unit, i + 2
    return value, i + 1


def _after_ten(tokens: list[str], i: int, lex: NumberLexicon) -> Step:
    """A ten word and what may follow it (``vingt et un``, ``soixante-douze``, ``forty-two``)."""
    word = tokens[i]
    value, j = lex.tens[word], i + 1
    if j + 1 < len(tokens) and tokens[j] in lex.joiners:
        follower = tokens[j + 1]
        if lex.units.get(follower) == 1:
            return value + 1, j + 2
        if word in lex.tens_taking_teens and lex.teens.get(follower) == 11:
            return value + 11, j + 2
        return value, j
    rest = _small_after(tokens, j, lex, not lex.one_needs_joiner, word in lex.tens_taking_teens)
    return (value + rest[0], rest[1]) if rest else (value, j)


def _below_100(tokens: list[str], i: int, lex: NumberLexicon) -> Step:
    """A number from 1 to 99 starting at ``i``."""
    if i >= len(tokens):
        return None
    word = tokens[i]
    if word == lex.eighty_head and i + 1 < len(tokens) and tokens[i + 1] in lex.eighty_tail:
        if tokens[i + 1].endswith("s"):
            return 80, i + 2
        rest = _small_after(tokens, i + 2, lex, True, True)
        return (80 + rest[0], rest[1]) if rest else (80, i + 2)
    if word in lex.tens:
        return _after_ten(tokens, i, lex)
    if word in lex.teens:
        return _teen(tokens, i, lex)
    unit = lex.units.get(word)
    if unit:
        return unit, i + 1
    if word in lex.articles and i + 1 < len(tokens):
        following = tokens[i + 1]
        if following in lex.hundred or following in lex.scales:
            return 1, i + 1
    return None


def _skip_joiner(tokens: list[str], j: int, lex: NumberLexicon) -> int:
    """Skip an English ``and`` between a hundred or a scale and what follows."""
    if lex.one_needs_joiner or j + 1 >= len(tokens) or tokens[j] not in lex.joiners:
        return j
    return j + 1 if _below_100(tokens, j + 1, lex) else j


def _below_1000(tokens: list[str], i: int, lex: NumberLexicon) -> Step:
    """A number from 1 to 999; raises ``_Invalid`` on ``un cent`` or ``soixante-quinze cent``."""
    if i < len(tokens) and tokens[i] in lex.hundred:
        j = _skip_joiner(tokens, i + 1, lex)
        rest = _below_100(tokens, j, lex)
        return (100 + rest[0], rest[1]) if rest else (100, i + 1)
    head = _below_100(tokens, i, lex)
    if head is None or head[1] >= len(tokens) or tokens[head[1]] not in lex.hundred:
        return head
    value, j = head
    if not (2 <= value <= 9 or 11 <= value <= 19 or (value == 1 and lex.hundred_takes_one)):
        raise _Invalid
    k = _skip_joiner(tokens, j + 1, lex)
    rest = _below_100(tokens, k, lex)
    return (value * 100 + rest[0], rest[1]) if rest else (value * 100, j + 1)


def _scale_at(tokens: list[str], j: int, lex: NumberLexicon) -> tuple[int, int] | None:
    """A scale word (and ``mille millions``) at ``j``: (multiplier, next position)."""
    if j >= len(tokens) or tokens[j] not in lex.scales:
        return None
    scale, j = lex.scales[tokens[j]], j + 1
    if j < len(tokens) and lex.scales.get(tokens[j], 0) > scale:
        scale, j = scale * lex.scales[tokens[j]], j + 1
    return scale, j


def parse_cardinal(tokens: list[str], i: int, lex: NumberLexicon) -> Step:
    """The longest cardinal starting at ``tokens[i]``; raises ``_Invalid`` if ill-formed."""
    total, last_scale, start = 0, 0, i
    while True:
        group = _below_1000(tokens, i, lex)
        value, j = group if group else (None, i)
        scaled = _scale_at(tokens, j, lex)
        if scaled is None:
            if value is not None:
                total, i = total + value, j
            break
        scale, j = scaled
        if value is None:
            if scale != 1000:
                break
            value = 1
        if last_scale and scale >= last_scale:
            raise _Invalid
        total, last_scale, i = total + value * scale, scale, _skip_joiner(tokens, j, lex)
    return (total, i) if i > start else None


def strip_ordinal(word: str, lex: NumberLexicon) -> tuple[str, bool] | None:
    """``vingtième`` -> (``vingt``, singular); None when not an ordinal word."""
    for suffix in lex.ordinal_suffixes:
        if word.endswith(suffix) and len(word) > len(suffix):
            stem = word[: -len(suffix)]
            cardinal = lex.ordinal_stems.get(stem, stem)
            if cardinal in lex.words or cardinal in lex.ordinal_stems.values():
                return cardinal, not suffix.endswith("s")
    return None


@dataclass(frozen=True)
class SpelledNumber:
    """A fully read spelled-out number: leading zeros, value, ordinal mark."""

    zeros: int
    value: int | None
    ordinal: str

    def digits(self) -> str:
        """The digit string, as in ``08`` or ``25ème``."""
        body = "" if self.value is None else str(self.value)
        return "0" * self.zeros + body + self.ordinal


def read_spelled(text: str, lang: str) -> SpelledNumber | None:
    """Read a whole spelled-out integer or ordinal; None if the words are not one number."""
    lex = load_number_lexicon(lang)
    tokens = split_number_words(text)
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0] in lex.first_ordinals:
        mark = lex.first_ordinals[tokens[0]]
        return SpelledNumber(0, int(mark[0]), mark[1:])
    ordinal = ""
    stripped = strip_ordinal(tokens[-1], lex)
    if stripped is not None:
        tokens[-1] = stripped[0]
        ordinal = lex.ordinal_marks["singular" if stripped[1] else "plural"]
    if ordinal and len(tokens) == 1 and tokens[0] in lex.scales:
        return SpelledNumber(0, lex.scales[tokens[0]], ordinal)
    zeros = 0
    while zeros < len(tokens) and lex.units.get(tokens[zeros]) == 0:
        zeros += 1
    if zeros == len(tokens):
        return SpelledNumber(zeros, None, ordinal) if not ordinal else None
    try:
        step = parse_cardinal(tokens, zeros, lex)
    except _Invalid:
        return None
    if step is None or step[1] != len(tokens):
        return None
    return SpelledNumber(zeros, step[0], ordinal)


def words_to_digits(text: str, lang: str) -> str | None:
    """Spelled number to digits, keeping leading zeros and ordinal marks (``25ème``)."""
    spelled = read_spelled(text, lang)
    return spelled.digits() if spelled else None


def parse_ordinal(text: str, lang: str) -> int | None:
    """``vingt et unième`` -> 21, ``premier`` -> 1, ``3e``/``3ème``/``3rd`` -> 3."""
    match = re.fullmatch(r"(\d+)\s*(?:e|è|ème|eme|er|ère|re|st|nd|rd|th)", text.strip().lower())
    if match:
        return int(match.group(1))
    spelled = read_spelled(text, lang)
    if spelled is None or not spelled.ordinal or spelled.value is None:
        return None
    return spelled.value


def _to_number(value: float) -> Number:
    """An int when the value is integral, else the float."""
    return int(value) if float(value).is_integer() else value


_FR_DIGITS = (
    (re.compile(r"[+-]?\d{1,3}(?: \d{3})+(?:,\d+)?"), " ", ","),
    (re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?"), ".", ","),
    (re.compile(r"[+-]?\d+(?:[.,]\d+)?"), "", None),
)
_EN_DIGITS = (
    (re.compile(r"[+-]?\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?"), ", ", "."),
    (re.compile(r"[+-]?\d+(?:[.,]\d+)?"), "", None),
)


def parse_digits(text: str, lang: str) -> Number | None:
    """A number written in digits, with the group and decimal marks of ``lang``."""
    text = text.translate(_SPACE_TABLE).strip()
    for pattern, groups, decimal in _FR_DIGITS if lang == "fr" else _EN_DIGITS:
        if not pattern.fullmatch(text):
            continue
        body = text
        for mark in groups:
            body = body.replace(mark, "")
        body = body.replace(decimal or ",", ".") if decimal else body.replace(",", ".")
        if "." not in body:
            return int(body)
        return _to_number(float(body))
    return None


def _parse_decimal_words(tokens: list[str], lang: str) -> Number | None:
    """``douze virgule cinq`` -> 12.5, ``zéro virgule zéro cinq`` -> 0.05."""
    lex = load_number_lexicon(lang)
    marks = [k for k, tok in enumerate(tokens) if tok in lex.decimal_words]
    if len(marks) != 1 or marks[0] in (0, len(tokens) - 1):
        return None
    whole = read_spelled(" ".join(tokens[: marks[0]]), lang)
    fraction = read_spelled(" ".join(tokens[marks[0] + 1 :]), lang)
    if whole is None or fraction is None or whole.ordinal or fraction.ordinal:
        return None
    return _to_number(float(f"{whole.value or 0}.{fraction.digits()}"))


def _parse_half(tokens: list[str], lang: str) -> Number | None:
    """``un million et demi`` -> 1500000, ``deux et demi`` -> 2.5."""
    lex = load_number_lexicon(lang)
    if len(tokens) < 3 or tokens[-1] not in lex.half_words or tokens[-2] not in lex.joiners:
        return None
    head = read_spelled(" ".join(tokens[:-2]), lang)
    if head is None or head.value is None or head.ordinal:
        return None
    last = tokens[-3]
    unit = lex.scales.get(last, 100 if last in lex.hundred else 1)
    return _to_number(head.value + unit / 2)


def parse_number(text: str, lang: str) -> Number | None:
    """A cardinal in digits or words (``mille deux cents``, ``1,5``, ``22 000 000``), or None.

    Ordinals (``vingtième``) are not cardinals: see ``parse_ordinal``.
    """
    digits = parse_digits(text, lang)
    if digits is not None:
        return digits
    tokens = split_number_words(text)
    if not tokens:
        return None
    spelled = read_spelled(text, lang)
    if spelled is not None:
        return None if spelled.ordinal else (spelled.value or 0)
    return _parse_decimal_words(tokens, lang) or _parse_half(tokens, lang)
