"""Scoring of one layer of one article, exactly as ``FORMAT.md`` states the rules.

Each ``score_<layer>(gold_items, pred_items, text, *, entities=())`` pairs gold and
predicted items one to one, then counts, over the matched pairs, how often each field
agrees. ``entities`` is the article's gold entities layer: quotes, events and deals use it
to resolve mentions and country names ("Rabat", "Maroc" and "MA" are one country).
Predicted items may carry extra keys (``start``, ``end``, ``evidence``, ...); only the
gold format's keys are compared, except the offsets used to match spans.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from veille.eval.counts import FieldCount, FieldRule, LayerScore, short, show, tally
from veille.eval.match import (
    Item,
    NameResolver,
    dates_compatible,
    fold,
    gold_span,
    match_greedy,
    overlaps,
    pred_span,
    same_amount,
    same_number,
    same_text,
)

__all__ = [
    "FIELDS",
    "SCORERS",
    "FieldCount",
    "LayerScore",
    "LayerScorer",
    "score_amounts",
    "score_deals",
    "score_entities",
    "score_events",
    "score_quotes",
    "score_timexes",
]

FIELDS: Mapping[str, tuple[str, ...]] = {
    "entities": ("type", "kind", "country"),
    "timexes": ("value",),
    "amounts": ("value",),
    "quotes": ("source", "verb", "via"),
    "events": ("date", "place", "reported_by", "modality"),
    "deals": ("status", "value", "quantity", "date", "reported_by"),
}
"""The field accuracies reported per layer, in report order."""


class LayerScorer(Protocol):
    """The shared signature of the ``score_<layer>`` functions."""

    def __call__(
        self,
        gold_items: Sequence[Item],
        pred_items: Sequence[Item],
        text: str,
        *,
        entities: Sequence[Item] = (),
    ) -> LayerScore: ...


# -- entities ---------------------------------------------------------------------------


def _surfaces(entity: Item) -> set[str]:
    names = [entity.get("name"), *(entity.get("mentions") or ())]
    return {fold(name) for name in names if isinstance(name, str)}


def _describe_entity(item: Item) -> str:
    return short(f"{item.get('name')} ({item.get('type')})")


_ENTITY_RULES = (
    FieldRule("type", lambda g, p: g["type"] == p.get("type"), show("type")),
    FieldRule("kind", lambda g, p: same_text(g["kind"], p.get("kind")), show("kind")),
    FieldRule("country", lambda g, p: g["country"] == p.get("country"), show("country")),
)


def score_entities(
    gold_items: Sequence[Item],
    pred_items: Sequence[Item],
    text: str,
    *,
    entities: Sequence[Item] = (),
) -> LayerScore:
    """Entities match when a name or mention of one equals a name or mention of the other."""
    gold_sets = [_surfaces(g) for g in gold_items]
    pred_sets = [_surfaces(p) for p in pred_items]
    pairs = match_greedy(
        len(gold_sets), len(pred_sets), lambda g, p: len(gold_sets[g] & pred_sets[p])
    )
    return tally(gold_items, pred_items, pairs, _ENTITY_RULES, _describe_entity)


# -- timexes and amounts ------------------------------------------------------------------


def _match_spans(
    gold_items: Sequence[Item], pred_items: Sequence[Item], text: str
) -> list[tuple[int, int]]:
    """Pairs whose spans overlap, the longest overlap first."""
    gold_spans = [gold_span(g, text) for g in gold_items]
    pred_spans = [pred_span(p, text) for p in pred_items]

    def weight(g: int, p: int) -> float:
        a, b = gold_spans[g], pred_spans[p]
        return overlaps(a, b) if a is not None and b is not None else 0

    return match_greedy(len(gold_spans), len(pred_spans), weight)


def _timex_value(item: Item) -> str:
    mod = item.get("mod")
    return f"{item.get('value')}" + (f" {mod}" if mod else "")


def _describe_timex(item: Item) -> str:
    return short(f"'{item.get('text')}' {_timex_value(item)}")


_TIMEX_RULES = (
    FieldRule(
        "value",
        lambda g, p: g["value"] == p.get("value") and g.get("mod") == p.get("mod"),
        _timex_value,
    ),
)


def score_timexes(
    gold_items: Sequence[Item],
    pred_items: Sequence[Item],
    text: str,
    *,
    entities: Sequence[Item] = (),
) -> LayerScore:
    """Timexes match when spans overlap; ``value`` counts value and mod together."""
    pairs = _match_spans(gold_items, pred_items, text)
    return tally(gold_items, pred_items, pairs, _TIMEX_RULES, _describe_timex)


def _amount_value(item: Item) -> str:
    return f"{item.get('value')} {item.get('currency')} {item.get('qualifier')}"


def _describe_amount(item: Item) -> str:
    return short(f"'{item.get('text')}' {_amount_value(item)}")


_AMOUNT_RULES = (FieldRule("value", same_amount, _amount_value),)


def score_amounts(
    gold_items: Sequence[Item],
    pred_items: Sequence[Item],
    text: str,
    *,
    entities: Sequence[Item] = (),
) -> LayerScore:
    """Amounts match when spans overlap; ``value`` counts value, currency and qualifier."""
    pairs = _match_spans(gold_items, pred_items, text)
    return tally(gold_items, pred_items, pairs, _AMOUNT_RULES, _describe_amount)


# -- quotes -------------------------------------------------------------------------------


def _describe_quote(item: Item) -> str:
    start = item.get("text_start") or item.get("text") or ""
    return short(f"«{start[:30]}» {item.get('source')}")


def _quote_rules(resolver: NameResolver) -> tuple[FieldRule, ...]:
    return (
        FieldRule(
            "source",
            lambda g, p: resolver.same_source(g["source"], p.get("source"), p.get("source_kind")),
            show("source"),
        ),
        FieldRule("verb", lambda g, p: same_text(g["verb"], p.get("verb")), show("verb")),
        FieldRule(
            "via", lambda g, p: resolver.same_source(g.get("via"), p.get("via")), show("via")
        ),
    )


def score_quotes(
    gold_items: Sequence[Item],
    pred_items: Sequence[Item],
    text: str,
    *,
    entities: Sequence[Item] = (),
) -> LayerScore:
    """Quotes match when the gold ``text_start`` (first occurrence) lies in the predicted span."""
    starts = [text.find(g["text_start"]) for g in gold_items]
    spans = [pred_span(p, text) for p in pred_items]

    def weight(g: int, p: int) -> float:
        span = spans[p]
        if span is None or starts[g] < 0 or not span[0] <= starts[g] < span[1]:
            return 0
        return 1 + 1 / (1 + span[1] - span[0])  # the tightest span first

    pairs = match_greedy(len(starts), len(spans), weight)
    rules = _quote_rules(NameResolver.from_entities(entities))
    return tally(gold_items, pred_items, pairs, rules, _describe_quote)


# -- events -------------------------------------------------------------------------------


def _participants(item: Item, resolver: NameResolver) -> set[str]:
    names = [*(item.get("actors") or ()), *(item.get("targets") or ())]
    return {resolver.key(name) for name in names if isinstance(name, str)}


def _describe_event(item: Item) -> str:
    actors = ", ".join(item.get("actors") or ())
    targets = ", ".join(item.get("targets") or ())
    return short(f"{item.get('type')} {actors} -> {targets} ({item.get('date')})")


def _event_rules(resolver: NameResolver) -> tuple[FieldRule, ...]:
    return (
        FieldRule("date", lambda g, p: g["date"] == p.get("date"), show("date")),
        FieldRule("place", lambda g, p: resolver.same(g["place"], p.get("place")), show("place")),
        FieldRule(
            "reported_by",
            lambda g, p: resolver.same_sources(g["reported_by"], p.get("reported_by") or ()),
            show("reported_by"),
        ),
        FieldRule("modality", lambda g, p: g["modality"] == p.get("modality"), show("modality")),
    )


def score_events(
    gold_items: Sequence[Item],
    pred_items: Sequence[Item],
    text: str,
    *,
    entities: Sequence[Item] = (),
) -> LayerScore:
    """Events match on type, a shared actor-or-target (resolved) and compatible dates."""
    resolver = NameResolver.from_entities(entities)
    gold_sides = [_participants(g, resolver) for g in gold_items]
    pred_sides = [_participants(p, resolver) for p in pred_items]

    def weight(g: int, p: int) -> float:
        gold, pred = gold_items[g], pred_items[p]
        if gold["type"] != pred.get("type"):
            return 0
        if not dates_compatible(gold["date"], pred.get("date")):
            return 0
        shared = len(gold_sides[g] & pred_sides[p])
        return shared + 0.5 * (gold["date"] == pred.get("date")) if shared else 0

    pairs = match_greedy(len(gold_items), len(pred_items), weight)
    return tally(gold_items, pred_items, pairs, _event_rules(resolver), _describe_event)


# -- deals --------------------------------------------------------------------------------


def _describe_deal(item: Item) -> str:
    systems = ", ".join(item.get("systems") or ())
    return short(
        f"{item.get('supplier')} -> {item.get('recipient')} [{systems}] {item.get('status')}"
    )


def _deal_rules(resolver: NameResolver) -> tuple[FieldRule, ...]:
    return (
        FieldRule("status", lambda g, p: g["status"] == p.get("status"), show("status")),
        FieldRule("value", lambda g, p: same_amount(g["value"], p.get("value")), show("value")),
        FieldRule(
            "quantity",
            lambda g, p: same_number(g["quantity"], p.get("quantity")),
            show("quantity"),
        ),
        FieldRule("date", lambda g, p: g["date"] == p.get("date"), show("date")),
        FieldRule(
            "reported_by",
            lambda g, p: resolver.same_sources(g["reported_by"], p.get("reported_by") or ()),
            show("reported_by"),
        ),
    )


def _shared_systems(gold: Item, pred: Item) -> float:
    """How many systems two deals share; 0.5 when neither names one."""
    gold_systems = {fold(s) for s in gold.get("systems") or ()}
    pred_systems = {fold(s) for s in pred.get("systems") or () if isinstance(s, str)}
    if not gold_systems and not pred_systems:
        return 0.5
    return len(gold_systems & pred_systems)


def score_deals(
    gold_items: Sequence[Item],
    pred_items: Sequence[Item],
    text: str,
    *,
    entities: Sequence[Item] = (),
) -> LayerScore:
    """Deals match when supplier and recipient agree (resolved) and a system is shared."""
    resolver = NameResolver.from_entities(entities)

    def weight(g: int, p: int) -> float:
        gold, pred = gold_items[g], pred_items[p]
        if not resolver.same(gold["supplier"], pred.get("supplier")):
            return 0
        if not resolver.same(gold["recipient"], pred.get("recipient")):
            return 0
        return _shared_systems(gold, pred)

    pairs = match_greedy(len(gold_items), len(pred_items), weight)
    return tally(gold_items, pred_items, pairs, _deal_rules(resolver), _describe_deal)


SCORERS: Mapping[str, LayerScorer] = {
    "entities": score_entities,
    "timexes": score_timexes,
    "amounts": score_amounts,
    "quotes": score_quotes,
    "events": score_events,
    "deals": score_deals,
}
"""The scorer of each layer, in ``veille.models.LAYERS`` order."""
