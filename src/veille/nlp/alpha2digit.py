"""Rewrite spelled-out numbers inside running text as digits.

``alpha2digit("Vingt-cinq vaches et cent vingt-cinq kg", "fr") == "25 vaches et 125 kg"``.
Runs of number words are cut into the longest well-formed numbers (``vingt un`` is two,
``quatre vingt quinze`` one), at word boundaries only (``vingt-un`` is left alone). Ordinals
keep their mark (``21ème``, ``1er``), decimals use the language's mark (``12,5``), leading
zeros stay (``zéro six`` -> ``06``, read in pairs as phone numbers are) and a sign word
before a number becomes ``+``/``-`` unless it reads as an operator (``trois plus cinq``).

A one-word number below ``threshold`` stays a word when it is isolated: no other number
next to it (only spaces or a comma between). Ambiguous words (``un`` the article, ``neuf``
the adjective, ``seconde`` the unit) are numbers only next to a plain cardinal, after a cue
(``numéro neuf``), before one (``neuf février``), or when ``threshold`` is 0 or less; never
after an apostrophe (``l'un``). ``premier`` right after a cardinal (``les cinq cents
premiers``) and ``un`` before a fraction-like ordinal (``un millième``) stay words.
Lexicons live in the ``in_text`` section of ``patterns/numbers_<lang>.v1.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from veille.nlp.numbers import (
    NumberLexicon,
    SpelledNumber,
    load_number_lexicon,
    read_spelled,
    strip_ordinal,
)
from veille.nlp.ruledata import load_rules

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_APOSTROPHES = "'\u2019"
_SPACE_GAP = re.compile(r"\s+")
_LIST_GAP = re.compile(r"\s*,?\s*")


@dataclass(frozen=True)
class InTextRules:
    """What decides whether a number word in running text is rewritten."""

    ambiguous: frozenset[str]
    cue_before: frozenset[str]
    cue_after: frozenset[str]
    signs: dict[str, str]
    sign_blockers: frozenset[str]
    idioms: frozenset[str]
    decimal_mark: str
    zero_prefixed_below: int


@lru_cache(maxsize=4)
def load_in_text_rules(lang: str) -> InTextRules:
    """The ``in_text`` rules of ``lang`` (``fr`` or ``en``)."""
    data = load_rules(f"numbers_{'fr' if lang == 'fr' else 'en'}.v1.json")["in_text"]
    return InTextRules(
        ambiguous=frozenset(data["ambiguous"]),
        cue_before=frozenset(data["cue_before"]),
        cue_after=frozenset(data["cue_after"]),
        signs=dict(data["signs"]),
        sign_blockers=frozenset(data["sign_blockers"]),
        idioms=frozenset(data["idioms"]),
        decimal_mark=str(data["decimal_mark"]),
        zero_prefixed_below=int(data["zero_prefixed_below"]),
    )


@dataclass(frozen=True)
class Word:
    """A word of the text (hyphenated compounds are one word), lower-cased, with its span."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """One number read from words ``first`` to ``last`` (exclusive)."""

    first: int
    last: int
    digits: str
    value: float
    ordinal: bool
    decimal: bool = False

    @property
    def simple(self) -> bool:
        """A one-word number (the threshold only applies to these)."""
        return self.last - self.first == 1 and not self.decimal


@dataclass(frozen=True)
class _Context:
    text: str
    words: list[Word]
    lex: NumberLexicon
    rules: InTextRules
    lang: str


def _words(text: str) -> list[Word]:
    return [Word(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _is_numberish(word: str, lex: NumberLexicon) -> bool:
    """Every part of the word is a number word, an ordinal or a decimal word."""
    for part in word.split("-"):
        known = part in lex.words or part in lex.first_ordinals or part in lex.decimal_words
        if not known and strip_ordinal(part, lex) is None:
            return False
    return True


def _runs(ctx: _Context) -> list[tuple[int, int]]:
    """Ranges of consecutive number-like words separated by spaces only."""
    runs: list[tuple[int, int]] = []
    for k, word in enumerate(ctx.words):
        if not _is_numberish(word.text, ctx.lex):
            continue
        if (
            runs
            and runs[-1][1] == k
            and _SPACE_GAP.fullmatch(ctx.text[ctx.words[k - 1].end : word.start])
        ):
            runs[-1] = (runs[-1][0], k + 1)
        else:
            runs.append((k, k + 1))
    return runs


def _reading(ctx: _Context, i: int, j: int) -> SpelledNumber | None:
    """The number spelled by words ``i..j``, or None."""
    head = ctx.words[i].text.split("-")[0]
    if head in ctx.lex.joiners or head in ctx.lex.decimal_words:
        return None
    spelled = read_spelled(" ".join(w.text for w in ctx.words[i:j]), ctx.lang)
    if spelled is None:
        return None
    if spelled.zeros and (spelled.value or 0) >= ctx.rules.zero_prefixed_below:
        return None
    return spelled


def _longest(ctx: _Context, i: int, stop: int) -> tuple[int, SpelledNumber] | None:
    for j in range(stop, i, -1):
        spelled = _reading(ctx, i, j)
        if spelled is not None:
            return j, spelled
    return None


def _fraction_ordinal(word: str, lex: NumberLexicon) -> bool:
    """``centième``, ``millième``: an ordinal of a bare hundred or scale word."""
    stripped = strip_ordinal(word, lex)
    return stripped is not None and (stripped[0] in lex.hundred or stripped[0] in lex.scales)


def _skip_word(ctx: _Context, segments: list[Segment], i: int, j: int, ordinal: bool) -> bool:
    """Words read as a number that stay words: ``un millième``, ``cinq cents premiers``,
    ``pour cent``."""
    words, lex = ctx.words, ctx.lex
    if j - i == 1 and i > 0 and f"{words[i - 1].text} {words[i].text}" in ctx.rules.idioms:
        return True
    if j - i == 2 and ordinal and words[i].text in lex.articles:
        return _fraction_ordinal(words[i + 1].text, lex)
    after_cardinal = bool(segments) and segments[-1].last == i and not segments[-1].ordinal
    return j - i == 1 and words[i].text in lex.first_ordinals and after_cardinal


def _segment_run(ctx: _Context, start: int, stop: int) -> list[Segment]:
    """Cut a run of number words into numbers, longest first."""
    segments: list[Segment] = []
    i = start
    while i < stop:
        found = _longest(ctx, i, stop)
        if found is None or _skip_word(ctx, segments, i, found[0], bool(found[1].ordinal)):
            i += 1
            continue
        j, spelled = found
        segment = Segment(i, j, spelled.digits(), spelled.value or 0, bool(spelled.ordinal))
        if not spelled.ordinal and j + 1 < stop and ctx.words[j].text in ctx.lex.decimal_words:
            segment = _with_fraction(ctx, segment, stop)
        segments.append(segment)
        i = segment.last
    return segments


def _with_fraction(ctx: _Context, whole: Segment, stop: int) -> Segment:
    """``douze virgule cinq`` -> ``12,5``; the whole part alone when no fraction follows."""
    found = _longest(ctx, whole.last + 1, stop)
    if found is None or found[1].ordinal:
        return whole
    j, fraction = found
    digits = f"{whole.digits}{ctx.rules.decimal_mark}{fraction.digits()}"
    value = float(f"{whole.value}.{fraction.digits()}")
    return Segment(whole.first, j, digits, value, False, decimal=True)


def _adjacent(ctx: _Context, left: Segment, right: Segment) -> bool:
    """Only spaces or one comma between two numbers."""
    gap = ctx.text[ctx.words[left.last - 1].end : ctx.words[right.first].start]
    return bool(_LIST_GAP.fullmatch(gap))


def _neighbours(ctx: _Context, segments: list[Segment], k: int) -> list[int]:
    out = []
    if k > 0 and _adjacent(ctx, segments[k - 1], segments[k]):
        out.append(k - 1)
    if k + 1 < len(segments) and _adjacent(ctx, segments[k], segments[k + 1]):
        out.append(k + 1)
    return out


def _is_ambiguous(ctx: _Context, segment: Segment) -> bool:
    return segment.simple and ctx.words[segment.first].text in ctx.rules.ambiguous


def _after_apostrophe(ctx: _Context, segment: Segment) -> bool:
    start = ctx.words[segment.first].start
    return start > 0 and ctx.text[start - 1] in _APOSTROPHES


def _cued(ctx: _Context, segment: Segment) -> bool:
    """``numéro neuf``, ``neuf février``."""
    before = ctx.words[segment.first - 1].text if segment.first > 0 else ""
    after = ctx.words[segment.last].text if segment.last < len(ctx.words) else ""
    return before in ctx.rules.cue_before or after in ctx.rules.cue_after


def _spread(
    ambiguous: list[bool],
    near: list[list[int]],
    cardinal: list[bool],
    chosen: list[bool],
    allowed: list[bool],
) -> None:
    """Ambiguous words next to a plain cardinal (or to one already taken) are numbers."""
    changed = True
    while changed:
        changed = False
        for k, amb in enumerate(ambiguous):
            if not amb or not allowed[k] or chosen[k]:
                continue
            if any(cardinal[n] or (ambiguous[n] and chosen[n]) for n in near[k]):
                chosen[k] = changed = True


def _choose(ctx: _Context, segments: list[Segment], threshold: float) -> list[bool]:
    """Which numbers are rewritten (see the module docstring)."""
    ambiguous = [_is_ambiguous(ctx, s) for s in segments]
    near = [_neighbours(ctx, segments, k) for k in range(len(segments))]
    cardinal = [not s.ordinal and not a for s, a in zip(segments, ambiguous, strict=True)]
    chosen = [False] * len(segments)
    for k, segment in enumerate(segments):
        if ambiguous[k] and not _after_apostrophe(ctx, segment):
            chosen[k] = threshold <= 0 or _cued(ctx, segment)
    _spread(ambiguous, near, cardinal, chosen, [not _after_apostrophe(ctx, s) for s in segments])
    for k, segment in enumerate(segments):
        if not ambiguous[k]:
            grouped = any(chosen[n] or not ambiguous[n] for n in near[k])
            chosen[k] = not segment.simple or segment.value >= threshold or grouped
    return chosen


def _sign(ctx: _Context, segment: Segment, taken: set[int]) -> str | None:
    """``plus vingt`` -> ``+``, unless the word is an operator or a comparison."""
    p = segment.first - 1
    if segment.ordinal or p < 0 or ctx.words[p].text not in ctx.rules.signs:
        return None
    if not _SPACE_GAP.fullmatch(ctx.text[ctx.words[p].end : ctx.words[segment.first].start]):
        return None
    if p > 0 and (p - 1 in taken or ctx.words[p - 1].text in ctx.rules.sign_blockers):
        return None
    return ctx.rules.signs[ctx.words[p].text]


def alpha2digit(text: str, lang: str, threshold: float = 2, *, signed: bool = True) -> str:
    """``text`` with its spelled-out numbers written in digits."""
    ctx = _Context(text, _words(text), load_number_lexicon(lang), load_in_text_rules(lang), lang)
    segments = [s for start, stop in _runs(ctx) for s in _segment_run(ctx, start, stop)]
    chosen = [
        s for s, keep in zip(segments, _choose(ctx, segments, threshold), strict=True) if keep
    ]
    taken = {k for s in segments for k in range(s.first, s.last)}
    out, cursor = [], 0
    for segment in chosen:
        start, digits = ctx.words[segment.first].start, segment.digits
        sign = _sign(ctx, segment, taken) if signed else None
        if sign:
            start, digits = ctx.words[segment.first - 1].start, sign + digits
        out += [text[cursor:start], digits]
        cursor = ctx.words[segment.last - 1].end
    return "".join(out) + text[cursor:]
