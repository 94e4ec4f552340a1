"""Comparison primitives of the scorer: text folding, name resolution, one-to-one matching.

Everything here is pure and works on the plain JSON shapes of ``FORMAT.md`` (gold items)
and of ``veille analyze`` (predicted items), so that a gold file and a prediction can be
compared without building model objects.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Item = Mapping[str, Any]

_ISO2 = re.compile(r"[A-Z]{2}")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_VOWELS = frozenset("aeiouy")
_REL_TOL = 1e-6


def fold(text: str) -> str:
    """Case-, accent- and whitespace-insensitive form of ``text``."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def same_text(a: str | None, b: str | None) -> bool:
    """Equality under :func:`fold`; ``None`` equals only ``None``."""
    if a is None or b is None:
        return a is b
    return fold(a) == fold(b)


def same_number(a: Any, b: Any) -> bool:
    """Numbers equal within a relative tolerance; ranges ``[min, max]`` elementwise."""
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same_number(x, y) for x, y in zip(a, b, strict=True))
    if _is_number(a) and _is_number(b):
        return math.isclose(a, b, rel_tol=_REL_TOL)
    return a is None and b is None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def same_amount(gold: Item | None, pred: Item | None) -> bool:
    """Amount objects agree on value, currency and qualifier; ``None`` equals only ``None``."""
    if gold is None or pred is None:
        return gold is pred
    return (
        same_number(gold.get("value"), pred.get("value"))
        and gold.get("currency") == pred.get("currency")
        and gold.get("qualifier") == pred.get("qualifier")
    )


def date_contains(outer: str, inner: str) -> bool:
    """Whether the timex value ``outer`` contains ``inner`` ("2025-08" contains "2025-08-13")."""
    if inner.startswith(outer + "-") or inner.startswith(outer + "T"):
        return True
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", outer)
    month = re.match(r"(\d{4})-(\d{2})(?:-|$)", inner)
    if quarter and month and quarter.group(1) == month.group(1):
        return (int(month.group(2)) - 1) // 3 + 1 == int(quarter.group(2))
    return False


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal timex values, or one containing the other; ``None`` only with ``None``."""
    if a is None or b is None:
        return a is b
    return a == b or date_contains(a, b) or date_contains(b, a)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Length of the overlap of two half-open spans (0 when they do not overlap)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def gold_span(item: Item, text: str, key: str = "text") -> tuple[int, int] | None:
    """Span of a gold item: its ``start`` offset if given, else the first occurrence."""
    surface = item.get(key)
    if not isinstance(surface, str) or not surface:
        return None
    start = item.get("start")
    if not isinstance(start, int):
        start = text.find(surface)
    return None if start < 0 else (start, start + len(surface))


def pred_span(item: Item, text: str) -> tuple[int, int] | None:
    """Span of a predicted item: its ``start``/``end`` offsets, else where its text occurs."""
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        return (start, end)
    return gold_span({"text": item.get("text")}, text)


def match_greedy(
    n_gold: int, n_pred: int, weight: Callable[[int, int], float]
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best ``weight`` first; 0 = no match."""
    candidates = [
        (w, g, p) for g in range(n_gold) for p in range(n_pred) if (w := weight(g, p)) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def skeleton(word: str) -> str:
    """A loose key for demonyms across languages: "Moroccan" and "marocaine" give "mrcn"."""
    folded = fold(word)
    if not folded:
        return ""
    out = folded[0]
    for ch in folded[1:]:
        if ch.isalpha() and ch not in _VOWELS and ch != out[-1]:
            out += ch
    return out[:4]


def is_anonymous(source: str, kind: str | None = None) -> bool:
    """Whether a source is an anonymous one (by kind, or by its description)."""
    return kind == "anonymous" or fold(source).startswith("anonym")


@dataclass(frozen=True)
class NameResolver:
    """Resolves names, mentions and ISO codes to one key, using an article's gold entities.

    A country entity's name and every mention of it resolve to its ISO code ("Rabat",
    "Maroc" and "MA" are the same); any other entity's mentions resolve to its name; an
    unknown name resolves to itself.
    """

    keys: Mapping[str, str] = field(default_factory=dict)
    countries: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_entities(cls, entities: Iterable[Item]) -> NameResolver:
        """Build the resolver from a gold ``entities`` layer (names win over mentions)."""
        keys: dict[str, str] = {}
        countries: dict[str, str] = {}
        items = list(entities)
        for entity in items:
            for mention in entity.get("mentions") or ():
                keys.setdefault(fold(mention), _entity_key(entity))
        for entity in items:
            keys[fold(entity["name"])] = _entity_key(entity)
            if _entity_key(entity).startswith("iso:"):
                for surface in [entity["name"], *(entity.get("mentions") or ())]:
                    countries.setdefault(fold(surface), entity["country"])
        return cls(keys=keys, countries=countries)

    def key(self, name: str) -> str:
        """The resolved key of a name, mention or ISO code."""
        if _ISO2.fullmatch(name.strip()):
            return "iso:" + name.strip()
        folded = fold(name)
        return self.keys.get(folded, "name:" + folded)

    def same(self, a: str | None, b: str | None) -> bool:
        """Whether two names resolve to the same thing; ``None`` equals only ``None``."""
        if a is None or b is None:
            return a is b
        return self.key(a) == self.key(b)

    def country_of_word(self, word: str) -> str | None:
        """The ISO code a word (a demonym, a country name) points at, if the article says."""
        folded = fold(word)
        if len(folded) < 4:
            return None
        for surface, code in self.countries.items():
            common = len(_common_prefix(folded, surface))
            if common >= max(4, len(surface) - 1):
                return code
        return None

    def country_words(self, description: str) -> list[str]:
        """Words of a source description that name a country: known ones, or capitalised."""
        words = _WORD.findall(description)[1:]
        return [w for w in words if w[0].isupper() or self.country_of_word(w) is not None]

    def same_country_word(self, a: str, b: str) -> bool:
        """Loose comparison of two country words (codes when both are known, else skeletons)."""
        code_a, code_b = self.country_of_word(a), self.country_of_word(b)
        if code_a is not None and code_b is not None:
            return code_a == code_b
        return skeleton(a) == skeleton(b)

    def same_source(self, gold: str | None, pred: str | None, pred_kind: str | None = None) -> bool:
        """Source equality: names resolved; an anonymous gold source matches any anonymous
        prediction whose country word (when both state one) is the same."""
        if gold is None or pred is None:
            return gold is pred
        if not is_anonymous(gold):
            return self.same(gold, pred)
        if not is_anonymous(pred, pred_kind):
            return False
        gold_words, pred_words = self.country_words(gold), self.country_words(pred)
        if not gold_words or not pred_words:
            return True
        return any(self.same_country_word(g, p) for g in gold_words for p in pred_words)

    def same_sources(self, gold: Sequence[str], pred: Sequence[str]) -> bool:
        """Set equality of two source lists under :meth:`same_source`."""
        gold_names = _first_by_key(self, gold)
        pred_names = _first_by_key(self, pred)
        if len(gold_names) != len(pred_names):
            return False
        pairs = match_greedy(
            len(gold_names),
            len(pred_names),
            lambda g, p: float(self.same_source(gold_names[g], pred_names[p])),
        )
        return len(pairs) == len(gold_names)


def _first_by_key(resolver: NameResolver, names: Sequence[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(resolver.key(name), name)
    return list(seen.values())


def _entity_key(entity: Item) -> str:
    country = entity.get("country")
    if entity.get("type") == "GPE" and entity.get("kind") == "country" and country:
        return "iso:" + str(country)
    return "name:" + fold(entity["name"])


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
