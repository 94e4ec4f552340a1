"""The strict gold reader: what it accepts, and the JSON path it names for each problem."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from veille.errors import GoldFormatError
from veille.eval.gold import load_gold_dir, load_gold_file

TEXT = (
    "Rabat et Tel-Aviv ont conclu un accord en novembre 2021. "
    "«Les FAR envisagent de commander des drones Harop», a confié une source marocaine. "
    "Le montant pourrait dépasser les 100 millions de dollars."
)

GOLD: dict[str, Any] = {
    "id": "g-001",
    "lang": "fr",
    "published": "2025-09-15",
    "outlet": "Yabiladi",
    "note": "free text is allowed at the top level",
    "entities": [
        {"name": "Maroc", "type": "GPE", "kind": "country", "country": "MA",
         "mentions": ["Rabat"]},
        {"name": "Harop", "type": "SYSTEM", "kind": "loitering munition", "country": "IL",
         "mentions": ["Harop"]},
    ],
    "timexes": [{"text": "novembre 2021", "type": "DATE", "value": "2021-11"}],
    "amounts": [
        {"text": "100 millions de dollars", "value": 100000000, "currency": "USD",
         "qualifier": "more_than"},
    ],
    "quotes": [
        {"text_start": "Les FAR envisagent", "source": "anonymous Moroccan source",
         "source_kind": "anonymous", "verb": "a confié", "via": None},
    ],
    "events": [
        {"type": "agreement", "actors": ["MA", "IL"], "targets": [], "place": None,
         "date": "2021-11", "systems": [], "reported_by": [], "modality": "asserted"},
    ],
    "deals": [
        {"supplier": "IL", "supplier_org": None, "recipient": "MA", "recipient_org": None,
         "systems": ["Harop"], "category": "loitering munition", "quantity": None,
         "value": {"value": 100000000, "currency": "USD", "qualifier": "more_than"},
         "status": "considered", "date": None, "reported_by": ["anonymous Moroccan source"],
         "hedged": True},
    ],
}  # fmt: skip

DELETE = object()


def write_gold(directory: Path, data: dict[str, Any], stem: str = "g-001") -> Path:
    """Write a gold file and its article text (``<stem>.txt``) into ``directory``."""
    (directory / f"{stem}.txt").write_text(TEXT, encoding="utf-8")
    path = directory / f"{stem}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def mutated(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A copy of GOLD with the value at ``path`` replaced (or deleted with DELETE)."""
    data = copy.deepcopy(GOLD)
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def test_a_valid_file_loads_with_its_metadata(tmp_path: Path) -> None:
    gold = load_gold_file(write_gold(tmp_path, GOLD))
    assert (gold.id, gold.lang, gold.outlet) == ("g-001", "fr", "Yabiladi")
    assert gold.published == dt.date(2025, 9, 15)
    assert gold.text == TEXT


def test_layers_hold_only_the_annotated_keys(tmp_path: Path) -> None:
    data = mutated(("amounts",), DELETE)
    data["deals"] = []
    gold = load_gold_file(write_gold(tmp_path, data))
    assert "amounts" not in gold.layers
    assert gold.layers["deals"] == []
    assert gold.layers["entities"][0]["name"] == "Maroc"


def test_text_file_is_relative_to_the_gold_file(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "article.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    path = tmp_path / "gold" / "other-name.json"
    path.write_text(json.dumps({**GOLD, "text_file": "../texts/article.txt"}), encoding="utf-8")
    assert load_gold_file(path).text == TEXT


def test_published_may_be_null(tmp_path: Path) -> None:
    gold = load_gold_file(write_gold(tmp_path, mutated(("published",), None)))
    assert gold.published is None


@pytest.mark.parametrize(
    "value",
    ["2025-08-13", "2025-08", "2021-Q3", "2020", "2025-W33", "PAST_REF", "PRESENT_REF",
     "FUTURE_REF", "P3M", "PXM", "P2Y", "2025-08-13T10:30", "P1Y6M"],
)  # fmt: skip
def test_timex_values_of_the_format_are_accepted(tmp_path: Path, value: str) -> None:
    gold = load_gold_file(write_gold(tmp_path, mutated(("timexes", 0, "value"), value)))
    assert gold.layers["timexes"][0]["value"] == value


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("id",), DELETE, "$.id: missing"),
        (("lang",), "de", "$.lang"),
        (("published",), "15/09/2025", "$.published"),
        (("published",), "2025-02-30", "$.published"),
        (("entities",), {"name": "Maroc"}, "$.entities: expected a list"),
        (("entities", 0), "Maroc", "$.entities[0]: expected an object"),
        (("entities", 0, "name"), DELETE, "$.entities[0].name: missing"),
        (("entities", 0, "name"), "", "$.entities[0].name"),
        (("entities", 0, "type"), "LOC", "$.entities[0].type"),
        (("entities", 0, "kind"), "region", "$.entities[0].kind"),
        (("entities", 1, "kind"), None, "$.entities[1].kind"),
        (("entities", 0, "country"), "MAR", "$.entities[0].country"),
        (("entities", 0, "country"), "ma", "$.entities[0].country"),
        (("entities", 0, "mentions"), "Rabat", "$.entities[0].mentions"),
        (("entities", 0, "mentions"), ["Rabat", 3], "$.entities[0].mentions"),
        (("entities", 0, "aliases"), ["Rabat"], "$.entities[0].aliases: unknown key"),
        (("timexes", 0, "type"), "DAY", "$.timexes[0].type"),
        (("timexes", 0, "value"), "novembre 2021", "$.timexes[0].value"),
        (("timexes", 0, "mod"), "EARLY", "$.timexes[0].mod"),
        (("timexes", 0, "text"), "décembre 2021", "$.timexes[0].text"),
        (("timexes", 0, "start"), 3, "$.timexes[0].start"),
        (("timexes", 0, "start"), -1, "$.timexes[0].start"),
        (("amounts", 0, "value"), "100", "$.amounts[0].value"),
        (("amounts", 0, "value"), [5, 1], "$.amounts[0].value"),
        (("amounts", 0, "value"), [1, 2, 3], "$.amounts[0].value"),
        (("amounts", 0, "value"), True, "$.amounts[0].value"),
        (("amounts", 0, "currency"), "usd", "$.amounts[0].currency"),
        (("amounts", 0, "qualifier"), "around", "$.amounts[0].qualifier"),
        (("quotes", 0, "source_kind"), "journalist", "$.quotes[0].source_kind"),
        (("quotes", 0, "text_start"), "Les drones", "$.quotes[0].text_start"),
        (("quotes", 0, "verb"), DELETE, "$.quotes[0].verb: missing"),
        (("events", 0, "type"), "sale", "$.events[0].type"),
        (("events", 0, "actors"), "MA", "$.events[0].actors"),
        (("events", 0, "date"), "last year", "$.events[0].date"),
        (("events", 0, "modality"), "likely", "$.events[0].modality"),
        (("events", 0, "reported_by"), DELETE, "$.events[0].reported_by: missing"),
        (("deals", 0, "supplier"), "Israel", "$.deals[0].supplier"),
        (("deals", 0, "status"), "sold", "$.deals[0].status"),
        (("deals", 0, "quantity"), [3], "$.deals[0].quantity"),
        (("deals", 0, "value"), 100000000, "$.deals[0].value"),
        (("deals", 0, "value", "currency"), "dollars", "$.deals[0].value.currency"),
        (("deals", 0, "value", "qualifier"), DELETE, "$.deals[0].value.qualifier: missing"),
        (("deals", 0, "hedged"), "yes", "$.deals[0].hedged"),
    ],
)
def test_a_malformed_field_names_its_json_path(
    tmp_path: Path, path: tuple[str | int, ...], value: Any, where: str
) -> None:
    gold_path = write_gold(tmp_path, mutated(path, value))
    with pytest.raises(GoldFormatError) as caught:
        load_gold_file(gold_path)
    assert str(caught.value).startswith(f"{gold_path}: ")
    assert where in str(caught.value)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("timexes", 0, "mod"), "START"),
        (("timexes", 0, "start"), TEXT.index("novembre 2021")),
        (("amounts", 0, "value"), [100000000, 120000000]),
        (("amounts", 0, "currency"), None),
        (("quotes", 0, "via"), DELETE),
        (("entities", 0, "note"), "items may carry a note"),
        (("deals", 0, "quantity"), [10, 12]),
        (("deals", 0, "value"), None),
        (("deals", 0, "supplier"), None),
    ],
)
def test_optional_and_nullable_fields_are_accepted(
    tmp_path: Path, path: tuple[str | int, ...], value: Any
) -> None:
    gold = load_gold_file(write_gold(tmp_path, mutated(path, value)))
    assert gold.id == "g-001"


@pytest.mark.parametrize(
    ("content", "problem"),
    [("{not json", "not valid UTF-8 JSON"), ("[1, 2]", r"\$: expected an object")],
)
def test_unreadable_json_is_a_gold_error(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFormatError, match=problem):
        load_gold_file(path)


def test_a_missing_article_text_is_a_gold_error(tmp_path: Path) -> None:
    path = tmp_path / "lonely.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    with pytest.raises(GoldFormatError, match="cannot read the article text"):
        load_gold_file(path)


def test_a_directory_loads_sorted_by_file_name(tmp_path: Path) -> None:
    write_gold(tmp_path, {**GOLD, "id": "b"}, stem="b")
    write_gold(tmp_path, {**GOLD, "id": "a"}, stem="a")
    assert [gold.id for gold in load_gold_dir(tmp_path)] == ["a", "b"]


def test_duplicate_ids_in_a_directory_are_a_gold_error(tmp_path: Path) -> None:
    write_gold(tmp_path, GOLD, stem="one")
    write_gold(tmp_path, GOLD, stem="two")
    with pytest.raises(GoldFormatError, match="duplicate id 'g-001'"):
        load_gold_dir(tmp_path)


def test_a_directory_without_gold_files_is_a_gold_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="no gold files"):
        load_gold_dir(tmp_path)


def test_the_shared_seed_file_is_valid() -> None:
    seed = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seed-001.json"
    if not seed.exists():
        pytest.skip("../shared is absent")
    gold = load_gold_file(seed)
    assert len(gold.layers["entities"]) == 17
