"""Sums of money and counted quantities in French and English text.

``find_amounts(text, lang="fr")`` returns ``AmountMatch`` records: the span of the amount
itself (``100 millions de dollars``), its value in units, an ISO 4217 currency (None for a
counted quantity, whose noun is in ``unit``), the qualifier read from the words just before
it (``pourrait dépasser les`` -> ``more_than``), and ``converts``: the index of the amount
that this one restates in another currency (``22 millions de dollars (soit 200 millions de
dirhams)``). Bare numbers, years, percentages and distances are not amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from veille.nlp.amount_rules import AmountRules, Currency, load_amount_rules
from veille.nlp.numbers import Number, parse_number

NumberOrRange = Number | tuple[Number, Number]


@dataclass(frozen=True)
class AmountMatch:
    """One amount of money or counted quantity found in a text."""

    start: int
    end: int
    text: str
    value: NumberOrRange
    currency: str | None
    qualifier: str = "exact"
    unit: str | None = None
    converts: int | None = None


@dataclass(frozen=True)
class _Piece:
    """An amount before qualifiers and conversions are read."""

    start: int
    end: int
    value: NumberOrRange
    currency: str | None
    unit: str | None
    scale: int
    approx: bool = False


def _clean(value: float) -> Number:
    """Round away float noise (``1.23`` not ``1.2300000000000002``); ints stay ints."""
    rounded = round(value, 6)
    return int(rounded) if float(rounded).is_integer() else rounded


def _number(text: str, rules: AmountRules) -> Number | None:
    value = parse_number(text, rules.lang)
    if value is None and text.strip().lower() in rules.articles:
        return 1
    return value


def _money(match: re.Match[str], rules: AmountRules) -> _Piece | None:
    """A money piece from a currency-after or currency-before match."""
    currency = rules.currency(match.group("cur"))
    value = _number(match.group("num"), rules)
    if currency is None or value is None or _number_word_as_cents(match, currency, rules):
        return None
    scale = rules.scale(match.group("scale"))
    amount = _clean(value * scale * currency.factor)
    return _Piece(match.start(), match.end(), amount, currency.code, None, scale)


def _number_word_as_cents(match: re.Match[str], currency: Currency, rules: AmountRules) -> bool:
    """``deux cents`` is 200, not two cents: a cent word counts only after digits."""
    if currency.factor == 1 or parse_number(match.group("cur"), rules.lang) is None:
        return False
    return not match.group("num").strip()[:1].isdigit()


def _with_cents(piece: _Piece, text: str, rules: AmountRules) -> _Piece:
    """``20 dollars 43 cents``, ``1 USD et 23 centimes``, ``$20 43`` (at the end)."""
    value = piece.value
    if isinstance(value, tuple) or piece.scale != 1 or not float(value).is_integer():
        return piece
    match = rules.cents.match(text, piece.end)
    if match is None:
        return piece
    cents = parse_number(match.group("num"), rules.lang)
    at_end = re.match(r"\s*(?:[.;!?)]|$)", text[match.end() :]) is not None
    if cents is None or not 0 < cents < 100 or not (match.group("sub") or at_end):
        return piece
    return replace(piece, end=match.end(), value=_clean(value + cents / 100))


def _money_pieces(text: str, rules: AmountRules) -> list[_Piece]:
    pieces = []
    for pattern in (rules.money_after, rules.money_before):
        for match in pattern.finditer(text):
            piece = _money(match, rules)
            if piece is not None:
                pieces.append(_with_cents(piece, text, rules))
    return pieces


def _inside_designation(text: str, start: int) -> bool:
    """``Hermes 900 drones``: digits right after a capitalised word inside a sentence
    belong to a designation (``Some 300 drones`` opens a sentence and is a count)."""
    before = re.search(r"(?:^|([^\s])\s+)([A-Z][\w-]*|[\w-]+-) \Z", text[:start])
    return before is not None and before.group(1) is not None and before.group(1) not in ".!?"


def _quantity_pieces(text: str, rules: AmountRules) -> list[_Piece]:
    pieces = []
    for match in rules.quantity.finditer(text):
        if match.group("num")[0].isdigit() and _inside_designation(text, match.start()):
            continue
        value = parse_number(match.group("num"), rules.lang)
        if value is None or value <= 0 or not float(value).is_integer():
            continue
        unit = rules.units.get(match.group("noun").lower())
        pieces.append(_Piece(match.start(), match.end(), value, None, unit, 1))
    return pieces


def _approx_pieces(text: str, rules: AmountRules) -> list[_Piece]:
    """``une trentaine de Pantsir``, ``une vingtaine``: approximate counts."""
    pieces = []
    for match in rules.approx_count.finditer(text):
        value = rules.approx_counts[match.group("word").lower()]
        end = match.end("noun") if match.group("noun") else match.end("word")
        pieces.append(_Piece(match.start(), end, value, None, None, 1, approx=True))
    return pieces


def _part_of_designation(before: str, rules: AmountRules) -> bool:
    """``S-400``, ``Hermes 900``, ``le 14``: the number belongs to what precedes it.

    ``de 26 à 30 Gripen``: a range joiner after a number does not block."""
    word = re.search(r"(\S+)\s*\Z", before)
    if word is None:
        return False
    text = word.group(1)
    if text.lower() in rules.designation_blockers and rules.range_tail.search(before):
        return False
    return text[0].isupper() or text.endswith("-") or text.lower() in rules.designation_blockers


def _designation_pieces(text: str, rules: AmountRules) -> list[_Piece]:
    """``26 Rafale Marine``, ``six Bayraktar TB2``: a count of a named system."""
    pieces = []
    for match in rules.designation.finditer(text):
        if _part_of_designation(text[max(0, match.start() - 60) : match.start()], rules):
            continue
        value = parse_number(match.group("num"), rules.lang)
        if value is None or not 1 < value < 10_000 or not float(value).is_integer():
            continue
        noun = _without_compound_adjective(match.group("noun"), rules)
        if noun:
            pieces.append(_Piece(match.start(), match.end(), value, None, noun, 1))
    return pieces


def _without_compound_adjective(noun: str, rules: AmountRules) -> str:
    """``US-made F-16`` -> ``F-16``; ``Gulf-based`` (an adjective alone) -> empty."""
    first, _, rest = noun.partition(" ")
    tail = re.fullmatch(r"[^\W\d_]\w*-([a-z]+)", first)
    return rest if tail and tail.group(1) in rules.compound_adjective_tails else noun


def _non_overlapping(pieces: list[_Piece]) -> list[_Piece]:
    """Keep the longest pieces (money first on ties), dropping those that overlap them."""
    ranked = sorted(pieces, key=lambda p: (-(p.end - p.start), p.currency is None, p.start))
    kept: list[_Piece] = []
    for piece in ranked:
        if all(piece.end <= other.start or piece.start >= other.end for other in kept):
            kept.append(piece)
    return sorted(kept, key=lambda p: p.start)


def _range_piece(piece: _Piece, text: str, rules: AmountRules) -> _Piece | None:
    """``entre 200 et 300 millions de dollars``: widen ``piece`` to a range, or None."""
    window_start = max(0, piece.start - 80)
    match = rules.range_left.search(text[window_start : piece.start])
    if match is None or isinstance(piece.value, tuple):
        return None
    if match.group("join").lower() in ("et", "and") and not match.group("open"):
        return None
    low = _number(match.group("num"), rules)
    if low is None:
        return None
    scale = rules.scale(match.group("scale")) if match.group("scale") else piece.scale
    low = _clean(low * scale)
    if not low < piece.value:
        return None
    start = window_start + match.start()
    return replace(piece, start=start, value=(low, piece.value))


def _with_ranges(pieces: list[_Piece], text: str, rules: AmountRules) -> list[_Piece]:
    out: list[_Piece] = []
    for piece in pieces:
        wide = _range_piece(piece, text, rules)
        if wide is None:
            out.append(piece)
            continue
        out = [p for p in out if p.end <= wide.start]
        out.append(wide)
    return out


def qualifier_before(text: str, start: int, rules: AmountRules) -> tuple[str, int]:
    """The qualifier the words before ``start`` give, and where those words begin."""
    window_start = max(0, start - 60)
    window = text[window_start:start]
    best, best_start = "exact", start
    for pattern, qualifier in rules.qualifiers:
        match = pattern.search(window)
        if match and window_start + match.start() < best_start:
            best, best_start = qualifier, window_start + match.start()
    return best, best_start


def _converts(
    pieces: list[_Piece], index: int, qual_start: int, text: str, rules: AmountRules
) -> int | None:
    """The index of the money amount that the money amount ``index`` restates, if any."""
    piece = pieces[index]
    if index == 0 or piece.currency is None:
        return None
    previous = pieces[index - 1]
    if previous.currency is None or previous.currency == piece.currency:
        return None
    gap = text[previous.end : min(qual_start, piece.start)]
    return index - 1 if rules.conversion_gap.fullmatch(gap) else None


def find_amounts(text: str, *, lang: str) -> list[AmountMatch]:
    """Every sum of money and counted military quantity in ``text``, in text order."""
    rules = load_amount_rules(lang)
    found = _money_pieces(text, rules) + _quantity_pieces(text, rules)
    found += _approx_pieces(text, rules) + _designation_pieces(text, rules)
    pieces = _non_overlapping(found)
    pieces = _with_ranges(pieces, text, rules)
    out = []
    for index, piece in enumerate(pieces):
        qualifier, qual_start = qualifier_before(text, piece.start, rules)
        if piece.approx and qualifier == "exact":
            qualifier = "approx"
        out.append(
            AmountMatch(
                start=piece.start,
                end=piece.end,
                text=text[piece.start : piece.end],
                value=piece.value,
                currency=piece.currency,
                qualifier=qualifier,
                unit=piece.unit,
                converts=_converts(pieces, index, qual_start, text, rules),
            )
        )
    return out
