"""What scoring counts: matched, spurious and missed items, and field agreement.

A layer's scorer pairs gold and predicted items, then :func:`tally` turns the pairs and
the layer's :class:`FieldRule` s into a :class:`LayerScore`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from veille.eval.match import Item

SHOWN = 60
"""How many characters of an item the report shows."""


@dataclass(frozen=True)
class FieldCount:
    """How many matched pairs agree on one field."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        """``correct / total``, or ``None`` when no pair was matched."""
        return self.correct / self.total if self.total else None

    def __add__(self, other: FieldCount) -> FieldCount:
        return FieldCount(self.correct + other.correct, self.total + other.total)


@dataclass(frozen=True)
class LayerScore:
    """Counts for one layer: matched (tp), spurious (fp), missed (fn), and field agreement.

    ``missed``, ``spurious`` and ``wrong`` describe the items behind the counts in a few
    words each, for the report; sums of scores (:meth:`combine`) leave them empty.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: Mapping[str, FieldCount] = field(default_factory=dict)
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        """Matched over predicted (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Matched over gold (1.0 when the gold has nothing)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def perfect(self) -> bool:
        """No missed or spurious item and no wrong field."""
        return not (self.fp or self.fn or self.wrong)

    def metric(self, name: str) -> float | None:
        """``p``, ``r``, ``f1`` or a field's accuracy; ``None`` if unknown or undefined."""
        if name in ("p", "r", "f1"):
            return {"p": self.precision, "r": self.recall, "f1": self.f1}[name]
        count = self.fields.get(name)
        return count.accuracy if count is not None else None

    @classmethod
    def combine(cls, scores: Iterable[LayerScore]) -> LayerScore:
        """Micro-average: the sum of the counts (item descriptions are dropped)."""
        tp = fp = fn = 0
        fields: dict[str, FieldCount] = {}
        for score in scores:
            tp, fp, fn = tp + score.tp, fp + score.fp, fn + score.fn
            for name, count in score.fields.items():
                fields[name] = fields.get(name, FieldCount()) + count
        return cls(tp=tp, fp=fp, fn=fn, fields=fields)


@dataclass(frozen=True)
class FieldRule:
    """One field accuracy: its name, how a pair agrees, how a value reads in the report."""

    name: str
    same: Callable[[Item, Item], bool]
    show: Callable[[Item], str]


def short(value: Any) -> str:
    """A value as the report shows it: a string as is, anything else as its repr, cut short."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def show(key: str) -> Callable[[Item], str]:
    """How a field rule shows the value of ``key`` in an item."""
    return lambda item: short(item.get(key))


def tally(
    gold: Sequence[Item],
    pred: Sequence[Item],
    pairs: Sequence[tuple[int, int]],
    rules: Sequence[FieldRule],
    describe: Callable[[Item], str],
) -> LayerScore:
    """Counts, field agreement and item descriptions for a set of matched pairs."""
    fields = {rule.name: FieldCount() for rule in rules}
    wrong: list[str] = []
    for g, p in pairs:
        for rule in rules:
            agrees = rule.same(gold[g], pred[p])
            fields[rule.name] += FieldCount(int(agrees), 1)
            if not agrees:
                wrong.append(
                    f"{describe(gold[g])}: {rule.name} {rule.show(gold[g])}, "
                    f"got {rule.show(pred[p])}"
                )
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    return LayerScore(
        tp=len(pairs),
        fp=len(pred) - len(pairs),
        fn=len(gold) - len(pairs),
        fields=fields,
        missed=tuple(describe(g) for i, g in enumerate(gold) if i not in matched_gold),
        spurious=tuple(describe(p) for i, p in enumerate(pred) if i not in matched_pred),
        wrong=tuple(wrong),
    )
