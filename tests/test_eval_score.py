"""The scoring rules of FORMAT.md, one layer at a time, and the runner over gold files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from veille.eval.gold import GoldFile
from veille.eval.match import dates_compatible
from veille.eval.runner import EvalResult, check_floors, evaluate
from veille.eval.score import (
    FIELDS,
    SCORERS,
    FieldCount,
    LayerScore,
    score_amounts,
    score_deals,
    score_entities,
    score_events,
    score_quotes,
    score_timexes,
)

TEXT = (
    "Rabat et Tel-Aviv ont conclu un accord en novembre 2021. Selon Africa Intelligence, "
    "le média francophone, «les FAR envisagent de commander des drones Harop», a confié une "
    "source marocaine à Yabiladi. Le montant pourrait dépasser les 100 millions de dollars. "
    "Une visite a eu lieu en novembre 2021."
)

ENTITIES: list[dict[str, Any]] = [
    {"name": "Maroc", "type": "GPE", "kind": "country", "country": "MA",
     "mentions": ["Maroc", "Rabat"]},
    {"name": "Israël", "type": "GPE", "kind": "country", "country": "IL",
     "mentions": ["Israël", "Tel-Aviv"]},
    {"name": "Africa Intelligence", "type": "ORG", "kind": "media", "country": "FR",
     "mentions": ["Africa Intelligence", "le média francophone"]},
    {"name": "Israel Aerospace Industries", "type": "ORG", "kind": "company", "country": "IL",
     "mentions": ["IAI"]},
]  # fmt: skip


def entity(name: str, *mentions: str, **fields: Any) -> dict[str, Any]:
    base = {"name": name, "type": "ORG", "kind": "company", "country": None}
    return {**base, "mentions": list(mentions), **fields}


def at(surface: str, occurrence: int = 0, **fields: Any) -> dict[str, Any]:
    """A predicted item spanning the n-th occurrence of ``surface`` in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(surface, start + 1)
    return {"start": start, "end": start + len(surface), **fields}


def quote(text_start: str = "les FAR envisagent", **fields: Any) -> dict[str, Any]:
    base = {"text_start": text_start, "source": "Africa Intelligence", "source_kind": "media",
            "verb": "révèle", "via": None}  # fmt: skip
    return {**base, **fields}


def event(**fields: Any) -> dict[str, Any]:
    base = {"type": "agreement", "actors": ["MA"], "targets": ["IL"], "place": None,
            "date": "2021-11", "systems": [], "reported_by": [],
            "modality": "asserted"}  # fmt: skip
    return {**base, **fields}


def deal(**fields: Any) -> dict[str, Any]:
    base = {"supplier": "IL", "supplier_org": None, "recipient": "MA", "recipient_org": None,
            "systems": ["Harop"], "category": "loitering munition", "quantity": None,
            "value": None, "status": "negotiating", "date": None, "reported_by": [],
            "hedged": False}  # fmt: skip
    return {**base, **fields}


# -- LayerScore -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "p", "r", "f1"),
    [
        (3, 1, 0, 0.75, 1.0, 6 / 7),
        (1, 1, 1, 0.5, 0.5, 0.5),
        (0, 0, 0, 1.0, 1.0, 1.0),
        (0, 2, 0, 0.0, 1.0, 0.0),
        (0, 0, 2, 1.0, 0.0, 0.0),
    ],
)
def test_precision_recall_f1(tp: int, fp: int, fn: int, p: float, r: float, f1: float) -> None:
    score = LayerScore(tp=tp, fp=fp, fn=fn)
    assert (score.precision, score.recall, score.f1) == pytest.approx((p, r, f1))


def test_combine_sums_counts_and_fields() -> None:
    a = LayerScore(tp=1, fp=1, fields={"type": FieldCount(1, 1)}, missed=("x",))
    b = LayerScore(tp=2, fn=3, fields={"type": FieldCount(1, 2)})
    total = LayerScore.combine([a, b])
    assert (total.tp, total.fp, total.fn) == (3, 1, 3)
    assert total.fields["type"] == FieldCount(2, 3)
    assert total.missed == ()


# -- entities -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred", "tp"),
    [
        (entity("Elbit Systems"), entity("Elbit Systems"), 1),
        (entity("Israel Aerospace Industries"), entity("israel aerospace INDUSTRIES"), 1),
        (entity("Israël"), entity("Israel"), 1),
        (entity("Forces armées royales"), entity("forces armees  royales"), 1),
        (entity("Elbit Systems"), entity(" Elbit\nSystems "), 1),
        (entity("Israel Aerospace Industries", "IAI"), entity("IAI"), 1),
        (entity("Israel Aerospace Industries", "IAI"), entity("I.A.I.", "iai"), 1),
        (entity("Africa Intelligence"), entity("AI", "Africa Intelligence"), 1),
        (entity("Elbit Systems"), entity("Elbit"), 0),
    ],
)
def test_entities_match_on_any_name_or_mention(
    gold: dict[str, Any], pred: dict[str, Any], tp: int
) -> None:
    score = score_entities([gold], [pred], TEXT)
    assert (score.tp, score.fp, score.fn) == (tp, 1 - tp, 1 - tp)


def test_entity_matching_is_one_to_one() -> None:
    score = score_entities([entity("IAI")], [entity("IAI"), entity("iai")], TEXT)
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)


def test_entity_matching_prefers_the_largest_overlap() -> None:
    gold = [entity("Rabat", "Rabat", kind="city"), entity("Maroc", "Maroc", "Rabat")]
    pred = [entity("Maroc", "Maroc", "Rabat"), entity("Rabat", kind="city")]
    score = score_entities(gold, pred, TEXT)
    assert score.tp == 2
    assert score.fields["kind"] == FieldCount(2, 2)


@pytest.mark.parametrize(
    ("pred_fields", "expected"),
    [
        ({}, {"type": 1, "kind": 1, "country": 1}),
        ({"type": "GPE"}, {"type": 0, "kind": 1, "country": 1}),
        ({"kind": "Company"}, {"type": 1, "kind": 1, "country": 1}),
        ({"kind": "government"}, {"type": 1, "kind": 0, "country": 1}),
        ({"country": None}, {"type": 1, "kind": 1, "country": 0}),
    ],
)
def test_entity_field_accuracy(pred_fields: dict[str, Any], expected: dict[str, int]) -> None:
    gold = entity("IAI", country="IL")
    score = score_entities([gold], [{**gold, **pred_fields, "spans": [], "confidence": 1}], TEXT)
    assert {name: count.correct for name, count in score.fields.items()} == expected


def test_entity_report_strings_name_missed_spurious_and_wrong() -> None:
    gold = [entity("IAI"), entity("Sibat", type="ORG")]
    pred = [entity("IAI", type="PERSON"), entity("Harop", type="SYSTEM")]
    score = score_entities(gold, pred, TEXT)
    assert score.missed == ("Sibat (ORG)",)
    assert score.spurious == ("Harop (SYSTEM)",)
    assert score.wrong == ("IAI (ORG): type ORG, got PERSON",)


# -- timexes --------------------------------------------------------------------------------

GOLD_TIMEX = {"text": "novembre 2021", "type": "DATE", "value": "2021-11"}
TIMEX_START = TEXT.index("novembre 2021")


@pytest.mark.parametrize(
    ("start", "end", "tp"),
    [
        (TIMEX_START, TIMEX_START + 13, 1),
        (TIMEX_START - 3, TIMEX_START + 1, 1),
        (TIMEX_START + 9, TIMEX_START + 20, 1),
        (TIMEX_START - 10, TIMEX_START + 30, 1),
        (TIMEX_START - 5, TIMEX_START, 0),
        (TIMEX_START + 13, TIMEX_START + 20, 0),
    ],
)
def test_timexes_match_when_spans_overlap(start: int, end: int, tp: int) -> None:
    pred = {**GOLD_TIMEX, "start": start, "end": end}
    assert score_timexes([GOLD_TIMEX], [pred], TEXT).tp == tp


@pytest.mark.parametrize(("gold_start", "occurrence", "tp"), [(None, 1, 0), ("second", 1, 1)])
def test_gold_timex_is_the_first_occurrence_unless_start_is_given(
    gold_start: str | None, occurrence: int, tp: int
) -> None:
    gold: dict[str, Any] = dict(GOLD_TIMEX)
    if gold_start is not None:
        gold["start"] = TEXT.index("novembre 2021", TIMEX_START + 1)
    pred = at("novembre 2021", occurrence, value="2021-11")
    assert score_timexes([gold], [pred], TEXT).tp == tp


def test_a_prediction_without_offsets_is_placed_by_its_text() -> None:
    assert score_timexes([GOLD_TIMEX], [dict(GOLD_TIMEX)], TEXT).tp == 1


@pytest.mark.parametrize(
    ("gold_fields", "pred_fields", "correct"),
    [
        ({}, {}, 1),
        ({}, {"mod": None}, 1),
        ({"mod": "START"}, {"mod": "START"}, 1),
        ({"mod": "START"}, {}, 0),
        ({}, {"mod": "APPROX"}, 0),
        ({}, {"value": "2021"}, 0),
    ],
)
def test_timex_value_counts_value_and_mod(
    gold_fields: dict[str, Any], pred_fields: dict[str, Any], correct: int
) -> None:
    gold = {**GOLD_TIMEX, **gold_fields}
    pred = {**at("novembre 2021"), "value": "2021-11", **pred_fields}
    assert score_timexes([gold], [pred], TEXT).fields["value"] == FieldCount(correct, 1)


# -- amounts --------------------------------------------------------------------------------

GOLD_AMOUNT = {"text": "100 millions de dollars", "value": 100000000, "currency": "USD",
               "qualifier": "more_than"}  # fmt: skip


@pytest.mark.parametrize(
    ("gold_fields", "pred_fields", "correct"),
    [
        ({}, {}, 1),
        ({}, {"value": 100000000.0}, 1),
        ({}, {"value": 100000050}, 1),
        ({}, {"value": 100001000}, 0),
        ({}, {"currency": "EUR"}, 0),
        ({}, {"qualifier": "exact"}, 0),
        ({"value": [100, 200]}, {"value": [100, 200]}, 1),
        ({"value": [100, 200]}, {"value": (100.0, 200.00001)}, 1),
        ({"value": [100, 200]}, {"value": [100, 250]}, 0),
        ({"value": [100, 200]}, {"value": 100}, 0),
        ({"currency": None}, {"currency": None}, 1),
    ],
)
def test_amount_value_counts_value_currency_and_qualifier(
    gold_fields: dict[str, Any], pred_fields: dict[str, Any], correct: int
) -> None:
    gold = {**GOLD_AMOUNT, **gold_fields}
    pred = {**at("100 millions"), **GOLD_AMOUNT, **pred_fields}
    score = score_amounts([gold], [pred], TEXT)
    assert score.tp == 1
    assert score.fields["value"] == FieldCount(correct, 1)


def test_amounts_without_overlap_do_not_match() -> None:
    pred = {**at("novembre 2021"), **GOLD_AMOUNT}
    score = score_amounts([GOLD_AMOUNT], [pred], TEXT)
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)


# -- quotes ---------------------------------------------------------------------------------

QUOTE_START = TEXT.index("les FAR envisagent")


@pytest.mark.parametrize(
    ("start", "end", "tp"),
    [
        (QUOTE_START, QUOTE_START + 40, 1),
        (QUOTE_START - 1, QUOTE_START + 1, 1),
        (QUOTE_START - 20, QUOTE_START, 0),
        (QUOTE_START + 1, QUOTE_START + 40, 0),
    ],
)
def test_quotes_match_when_text_start_lies_in_the_span(start: int, end: int, tp: int) -> None:
    pred = quote(start=start, end=end)
    assert score_quotes([quote()], [pred], TEXT, entities=ENTITIES).tp == tp


@pytest.mark.parametrize(
    ("gold_source", "pred_source", "pred_kind", "correct"),
    [
        ("Africa Intelligence", "Africa Intelligence", "media", 1),
        ("Africa Intelligence", "africa  intelligence", "media", 1),
        ("Africa Intelligence", "le média francophone", "media", 1),
        ("Africa Intelligence", "Yabiladi", "media", 0),
        ("anonymous Moroccan security source", "anonymous source", "anonymous", 1),
        ("anonymous Moroccan security source", "une source marocaine", "anonymous", 1),
        ("anonymous Moroccan security source", "anonymous Moroccan official", "official", 1),
        ("anonymous Moroccan security source", "anonymous Marocain source", "official", 1),
        ("anonymous Moroccan security source", "anonymous Algerian source", "anonymous", 0),
        ("anonymous Moroccan security source", "anonymous Israeli source", "anonymous", 0),
        ("anonymous Moroccan security source", "une source israélienne", "anonymous", 0),
        ("anonymous security source", "anonymous Israeli source", "anonymous", 1),
        ("anonymous Moroccan security source", "Africa Intelligence", "media", 0),
        ("Africa Intelligence", "anonymous source", "anonymous", 0),
    ],
)
def test_quote_source_accuracy(
    gold_source: str, pred_source: str, pred_kind: str, correct: int
) -> None:
    gold = quote(source=gold_source)
    pred = quote(source=pred_source, source_kind=pred_kind, **at("les FAR"))
    score = score_quotes([gold], [pred], TEXT, entities=ENTITIES)
    assert score.fields["source"] == FieldCount(correct, 1)


@pytest.mark.parametrize(
    ("field", "gold_value", "pred_value", "correct"),
    [
        ("verb", "révèle", "Révèle", 1),
        ("verb", "révèle", "revele", 1),
        ("verb", "a confié", "a  confié", 1),
        ("verb", "révèle", "affirme", 0),
        ("verb", None, None, 1),
        ("via", None, None, 1),
        ("via", "Yabiladi", "yabiladi", 1),
        ("via", "Yabiladi", None, 0),
        ("via", "Africa Intelligence", "le média francophone", 1),
    ],
)
def test_quote_verb_and_via_accuracy(
    field: str, gold_value: str | None, pred_value: str | None, correct: int
) -> None:
    gold = {**quote(), field: gold_value}
    pred = {**quote(), field: pred_value, **at("les FAR")}
    score = score_quotes([gold], [pred], TEXT, entities=ENTITIES)
    assert score.fields[field] == FieldCount(correct, 1)


# -- events ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred_fields", "tp"),
    [
        ({}, 1),
        ({"actors": ["Maroc"], "targets": []}, 1),
        ({"actors": ["Rabat"], "targets": []}, 1),
        ({"actors": [], "targets": ["Tel-Aviv"]}, 1),
        ({"actors": ["IL"], "targets": ["DZ"]}, 1),
        ({"actors": ["Morocco"], "targets": ["DZ"]}, 0),
        ({"type": "meeting"}, 0),
        ({"actors": ["DZ"], "targets": ["FR"]}, 0),
    ],
)
def test_events_match_on_type_and_a_resolved_participant(
    pred_fields: dict[str, Any], tp: int
) -> None:
    score = score_events([event()], [event(**pred_fields)], TEXT, entities=ENTITIES)
    assert score.tp == tp


@pytest.mark.parametrize(
    ("gold_actor", "pred_actor", "tp"),
    [
        ("Israel Aerospace Industries", "IAI", 1),
        ("Israel Aerospace Industries", "israel aerospace industries", 1),
        ("Israel Aerospace Industries", "IL", 0),
        ("Elbit Systems", "Elbit Systems", 1),
    ],
)
def test_an_organisation_resolves_to_itself(gold_actor: str, pred_actor: str, tp: int) -> None:
    gold = event(actors=[gold_actor], targets=[])
    pred = event(actors=[pred_actor], targets=[])
    assert score_events([gold], [pred], TEXT, entities=ENTITIES).tp == tp


@pytest.mark.parametrize(
    ("gold_date", "pred_date", "tp"),
    [
        ("2025-08", "2025-08", 1),
        ("2025-08", "2025-08-13", 1),
        ("2025-08-13", "2025-08", 1),
        ("2025", "2025-08-13", 1),
        ("2025-Q3", "2025-08-13", 1),
        ("2025-Q3", "2025-10", 0),
        ("2025-08", "2025-09", 0),
        ("2025-1", "2025-10", 0),
        (None, None, 1),
        (None, "2025-08", 0),
        ("2025-08", None, 0),
        ("PAST_REF", "PAST_REF", 1),
    ],
)
def test_event_dates_must_be_compatible(
    gold_date: str | None, pred_date: str | None, tp: int
) -> None:
    score = score_events([event(date=gold_date)], [event(date=pred_date)], TEXT, entities=ENTITIES)
    assert score.tp == tp
    assert dates_compatible(gold_date, pred_date) is bool(tp)


@pytest.mark.parametrize(
    ("gold_fields", "pred_fields", "field", "correct"),
    [
        ({"date": "2025-08"}, {"date": "2025-08-13"}, "date", 0),
        ({"place": "Israël"}, {"place": "Tel-Aviv"}, "place", 1),
        ({"place": "Israël"}, {"place": "IL"}, "place", 1),
        ({"place": None}, {"place": "Rabat"}, "place", 0),
        ({"reported_by": ["Africa Intelligence"]}, {"reported_by": ["le média francophone"]},
         "reported_by", 1),
        ({"reported_by": ["Africa Intelligence"]},
         {"reported_by": ["Africa Intelligence", "africa intelligence"]}, "reported_by", 1),
        ({"reported_by": ["Africa Intelligence"]},
         {"reported_by": ["Africa Intelligence", "Yabiladi"]}, "reported_by", 0),
        ({"reported_by": []}, {"reported_by": []}, "reported_by", 1),
        ({"reported_by": ["anonymous Moroccan security source"]},
         {"reported_by": ["anonymous source marocaine"]}, "reported_by", 1),
        ({"modality": "hedged"}, {"modality": "hedged"}, "modality", 1),
        ({"modality": "hedged"}, {"modality": "reported"}, "modality", 0),
    ],
)  # fmt: skip
def test_event_field_accuracy(
    gold_fields: dict[str, Any], pred_fields: dict[str, Any], field: str, correct: int
) -> None:
    gold, pred = event(**gold_fields), event(**pred_fields)
    score = score_events([gold], [pred], TEXT, entities=ENTITIES)
    assert score.fields[field] == FieldCount(correct, 1)


def test_event_matching_is_one_to_one_preferring_the_same_date() -> None:
    gold = [event(date="2021-11"), event(date="2021")]
    pred = [event(date="2021"), event(date="2021-11")]
    score = score_events(gold, pred, TEXT, entities=ENTITIES)
    assert score.tp == 2
    assert score.fields["date"] == FieldCount(2, 2)


# -- deals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred_fields", "tp"),
    [
        ({}, 1),
        ({"systems": ["harop", "Harpy"]}, 1),
        ({"systems": ["HAROP"]}, 1),
        ({"supplier": "Israël"}, 1),
        ({"systems": ["Harpy"]}, 0),
        ({"supplier": "US"}, 0),
        ({"recipient": "DZ"}, 0),
        ({"supplier": "MA", "recipient": "IL"}, 0),
    ],
)
def test_deals_match_on_supplier_recipient_and_a_system(
    pred_fields: dict[str, Any], tp: int
) -> None:
    assert score_deals([deal()], [deal(**pred_fields)], TEXT, entities=ENTITIES).tp == tp


USD_100M = {"value": 100000000, "currency": "USD", "qualifier": "more_than"}


@pytest.mark.parametrize(
    ("gold_fields", "pred_fields", "field", "correct"),
    [
        ({"status": "negotiating"}, {"status": "ordered"}, "status", 0),
        ({"value": USD_100M}, {"value": {**USD_100M, "value": 1e8}}, "value", 1),
        ({"value": USD_100M}, {"value": {**USD_100M, "qualifier": "approx"}}, "value", 0),
        ({"value": USD_100M}, {"value": None}, "value", 0),
        ({"value": None}, {"value": None}, "value", 1),
        ({"quantity": [10, 12]}, {"quantity": [10, 12]}, "quantity", 1),
        ({"quantity": 10}, {"quantity": None}, "quantity", 0),
        ({"quantity": None}, {"quantity": None}, "quantity", 1),
        ({"date": "2025-08"}, {"date": "2025-08"}, "date", 1),
        ({"date": "2025-08"}, {"date": None}, "date", 0),
        ({"reported_by": ["anonymous Moroccan security source"]},
         {"reported_by": ["anonymous source"]}, "reported_by", 1),
        ({"reported_by": ["Africa Intelligence"]}, {"reported_by": []}, "reported_by", 0),
    ],
)  # fmt: skip
def test_deal_field_accuracy(
    gold_fields: dict[str, Any], pred_fields: dict[str, Any], field: str, correct: int
) -> None:
    score = score_deals([deal(**gold_fields)], [deal(**pred_fields)], TEXT, entities=ENTITIES)
    assert score.fields[field] == FieldCount(correct, 1)


# -- runner ---------------------------------------------------------------------------------


def gold_file(file_id: str, layers: Mapping[str, list[dict[str, Any]]]) -> GoldFile:
    return GoldFile(
        id=file_id,
        path=Path(f"{file_id}.json"),
        text=TEXT,
        lang="fr",
        published=dt.date(2025, 9, 15),
        outlet="Yabiladi",
        layers=layers,
    )


def test_evaluate_passes_the_article_metadata() -> None:
    seen: list[tuple[str, str | None, dt.date | None, str | None]] = []

    def analyze(
        text: str, *, lang: str | None, published: dt.date | None, outlet: str | None
    ) -> dict[str, Any]:
        seen.append((text, lang, published, outlet))
        return {}

    evaluate([gold_file("a", {})], analyze)
    assert seen == [(TEXT, "fr", dt.date(2025, 9, 15), "Yabiladi")]


def fixed(predicted: dict[str, Any]) -> Any:
    """An analyze function that returns ``predicted`` for every article."""
    return lambda text, **_: predicted


@pytest.mark.parametrize(
    ("gold_layers", "predicted", "scored"),
    [
        ({"entities": ENTITIES, "timexes": []}, {"entities": ENTITIES}, ["entities"]),
        ({"entities": ENTITIES}, {"entities": ENTITIES, "timexes": []}, ["entities"]),
        ({"timexes": []}, {"timexes": [], "deals": []}, ["timexes"]),
        ({"deals": []}, {"entities": []}, []),
    ],
)
def test_a_layer_is_scored_when_gold_and_prediction_both_have_it(
    gold_layers: dict[str, Any], predicted: dict[str, Any], scored: list[str]
) -> None:
    result = evaluate([gold_file("a", gold_layers)], fixed(predicted))
    assert list(result.files[0].layers) == scored
    assert list(result.layers) == scored


def test_evaluate_restricts_to_the_layers_asked() -> None:
    gold = gold_file("a", {"entities": ENTITIES, "timexes": []})
    result = evaluate([gold], fixed({"entities": [], "timexes": []}), layers=["timexes"])
    assert list(result.layers) == ["timexes"]


def test_evaluate_micro_averages_over_files() -> None:
    files = [gold_file("a", {"entities": ENTITIES[:1]}), gold_file("b", {"entities": ENTITIES})]
    result = evaluate(files, fixed({"entities": ENTITIES[:2]}))
    total = result.layers["entities"]
    assert (total.tp, total.fp, total.fn) == (3, 1, 2)
    assert [f.layers["entities"].tp for f in result.files] == [1, 2]
    assert result.files_scored("entities") == 2


def scored_result() -> EvalResult:
    gold = gold_file("a", {"entities": ENTITIES, "events": [event()]})
    pred = [*ENTITIES[:3], {**ENTITIES[3], "type": "PERSON"}]
    return evaluate([gold], fixed({"entities": pred, "events": []}))


@pytest.mark.parametrize(
    ("floors", "failures"),
    [
        ({"entities.f1": 1.0}, []),
        ({"entities.type": 0.75}, []),
        ({"entities.type": 0.8}, ["entities.type = 0.750 < 0.8"]),
        ({"entities.p": 1.0, "entities.r": 1.0, "entities.country": 1.0}, []),
        ({"events.r": 0.5}, ["events.r = 0.000 < 0.5"]),
        ({"events.date": 0.5}, ["events.date: undefined (no matched pair), floor 0.5"]),
        ({"deals.f1": 0.5}, ["deals.f1: layer 'deals' was not scored"]),
        ({"entities.value": 0.5}, ["entities.value: unknown metric (known: p, r, f1, type, "
                                   "kind, country)"]),
    ],
)  # fmt: skip
def test_check_floors(floors: dict[str, float], failures: list[str]) -> None:
    assert check_floors(scored_result(), floors) == failures


@pytest.mark.parametrize("layer", list(SCORERS))
def test_each_scorer_reports_the_fields_listed_in_fields(layer: str) -> None:
    gold = {
        "entities": ENTITIES[:1],
        "timexes": [GOLD_TIMEX],
        "amounts": [GOLD_AMOUNT],
        "quotes": [quote()],
        "events": [event()],
        "deals": [deal()],
    }[layer]
    pred = [{**item, **at("les FAR")} for item in gold] if layer == "quotes" else gold
    score = SCORERS[layer](gold, pred, TEXT, entities=ENTITIES)
    assert score.tp == 1
    assert tuple(score.fields) == FIELDS[layer]
