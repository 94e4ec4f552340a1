"""A strict reader of gold annotation files (``shared/gold/FORMAT.md``).

Every field of every layer is checked; the first problem raises
:class:`veille.errors.GoldFormatError` naming the file and the JSON path
(``seed-001.json: $.entities[3].type: ...``). Unknown top-level keys (``note``) are
allowed; unknown keys inside items are not, except ``note``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from veille.errors import GoldFormatError
from veille.models import LAYERS

Check = Callable[[Any], str | None]
"""A field check: ``None`` when the value is valid, else what is wrong with it."""

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "SYSTEM")
ORG_KINDS = ("company", "government", "armed_forces", "media", "intergovernmental", "other")
GPE_KINDS = ("country", "city")
TIMEX_TYPES = ("DATE", "DURATION", "SET", "TIME")
TIMEX_MODS = ("START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "BEFORE", "AFTER")
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "up_to")
SOURCE_KINDS = ("media", "official", "anonymous", "document", "person", "organisation")
EVENT_TYPES = (
    "visit", "meeting", "demonstration", "offer", "negotiation", "procurement_intent",
    "order", "delivery", "agreement", "joint_production", "exercise", "other",
)  # fmt: skip
MODALITIES = ("asserted", "reported", "hedged", "denied", "planned")
DEAL_STATUSES = (
    "considered", "negotiating", "agreed", "ordered", "delivered", "cancelled", "denied",
)  # fmt: skip

_DIGIT = r"[\dX]"
_TIMEX_DATE = (
    rf"{_DIGIT}{{2,4}}"
    rf"(?:-(?:{_DIGIT}{{2}}(?:-{_DIGIT}{{2}})?|Q[1-4X]|H[12X]|W{_DIGIT}{{2}}(?:-\d)?|SP|SU|FA|WI))?"
    r"(?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI))?"
)
_TIMEX_DURATION = r"P(?:(?:[\d.]+|X)[YMWDQ])*(?:T(?:(?:[\d.]+|X)[HMS])+)?"
_TIMEX_VALUE = re.compile(
    rf"{_TIMEX_DATE}|{_TIMEX_DURATION}|PAST_REF|PRESENT_REF|FUTURE_REF|T(?:MO|AF|EV|NI)"
)


@dataclass(frozen=True)
class GoldFile:
    """One annotated article: its text, metadata, and the layers the file annotates."""

    id: str
    path: Path
    text: str
    lang: str
    published: dt.date | None
    outlet: str | None
    layers: Mapping[str, list[dict[str, Any]]]


# -- field checks -------------------------------------------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _nullable(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _one_of(allowed: tuple[str, ...]) -> Check:
    return lambda value: None if value in allowed else f"expected one of {', '.join(allowed)}"


def _pattern(regex: str, what: str) -> Check:
    compiled = re.compile(regex)

    def check(value: Any) -> str | None:
        ok = isinstance(value, str) and compiled.fullmatch(value)
        return None if ok else f"expected {what}"

    return check


def _string(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "expected a non-empty string"


def _strings(value: Any) -> str | None:
    if not isinstance(value, list):
        return "expected a list of strings"
    bad = [i for i, item in enumerate(value) if _string(item) is not None]
    return f"item {bad[0]}: expected a non-empty string" if bad else None


def _boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else "expected true or false"


def _number_or_range(value: Any) -> str | None:
    if _is_number(value):
        return None
    if isinstance(value, list) and len(value) == 2 and all(_is_number(v) for v in value):
        return None if value[0] <= value[1] else "expected [min, max] with min <= max"
    return "expected a number or [min, max]"


def _timex_value(value: Any) -> str | None:
    ok = isinstance(value, str) and _TIMEX_VALUE.fullmatch(value)
    return None if ok else "expected a TIMEX3 value (2025-08-13, 2021-Q3, P3M, PAST_REF, ...)"


def _offset(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else "expected a character offset (an integer >= 0)"


def _object(value: Any) -> str | None:
    return None if isinstance(value, dict) else "expected an object"


_ISO2 = _pattern(r"[A-Z]{2}", "an ISO 3166-1 alpha-2 code (MA) or null")
_ISO4217 = _pattern(r"[A-Z]{3}", "an ISO 4217 code (USD) or null")
_OPTIONAL = frozenset({"note"})

Fields = Mapping[str, tuple[bool, Check]]
"""A layer's keys: whether each is required, and its check."""

_FIELDS: Mapping[str, Fields] = {
    "entities": {
        "name": (True, _string),
        "type": (True, _one_of(ENTITY_TYPES)),
        "kind": (True, _nullable(_string)),
        "country": (True, _nullable(_ISO2)),
        "mentions": (True, _strings),
    },
    "timexes": {
        "text": (True, _string),
        "type": (True, _one_of(TIMEX_TYPES)),
        "value": (True, _timex_value),
        "mod": (False, _nullable(_one_of(TIMEX_MODS))),
        "start": (False, _offset),
    },
    "amounts": {
        "text": (True, _string),
        "value": (True, _number_or_range),
        "currency": (True, _nullable(_ISO4217)),
        "qualifier": (True, _one_of(QUALIFIERS)),
        "start": (False, _offset),
    },
    "quotes": {
        "text_start": (True, _string),
        "source": (True, _string),
        "source_kind": (True, _one_of(SOURCE_KINDS)),
        "verb": (True, _nullable(_string)),
        "via": (False, _nullable(_string)),
    },
    "events": {
        "type": (True, _one_of(EVENT_TYPES)),
        "actors": (True, _strings),
        "targets": (True, _strings),
        "place": (True, _nullable(_string)),
        "date": (True, _nullable(_timex_value)),
        "systems": (True, _strings),
        "reported_by": (True, _strings),
        "modality": (True, _one_of(MODALITIES)),
    },
    "deals": {
        "supplier": (True, _nullable(_ISO2)),
        "supplier_org": (True, _nullable(_string)),
        "recipient": (True, _nullable(_ISO2)),
        "recipient_org": (True, _nullable(_string)),
        "systems": (True, _strings),
        "category": (True, _nullable(_string)),
        "quantity": (True, _nullable(_number_or_range)),
        "value": (True, _nullable(_object)),
        "status": (True, _one_of(DEAL_STATUSES)),
        "date": (True, _nullable(_timex_value)),
        "reported_by": (True, _strings),
        "hedged": (True, _boolean),
    },
}

_AMOUNT_OBJECT: Fields = {
    "value": (True, _number_or_range),
    "currency": (True, _nullable(_ISO4217)),
    "qualifier": (True, _one_of(QUALIFIERS)),
    "text": (False, _string),
}

_TOP: Fields = {
    "id": (True, _string),
    "text_file": (False, _string),
    "lang": (True, _one_of(("fr", "en"))),
    "published": (False, _nullable(_pattern(r"\d{4}-\d{2}-\d{2}", "YYYY-MM-DD or null"))),
    "outlet": (False, _nullable(_string)),
}


# -- validation ---------------------------------------------------------------------------


def _fail(path: Path, where: str, problem: str) -> NoReturn:
    raise GoldFormatError(f"{path}: {where}: {problem}")


def _check_fields(
    fields: Fields, obj: Any, path: Path, where: str, *, extra_keys: bool = False
) -> None:
    """Check an object against a field table; unknown keys fail unless ``extra_keys``."""
    if not isinstance(obj, dict):
        _fail(path, where, "expected an object")
    for key, (required, check) in fields.items():
        if key not in obj:
            if required:
                _fail(path, f"{where}.{key}", "missing")
            continue
        problem = check(obj[key])
        if problem is not None:
            _fail(path, f"{where}.{key}", f"{problem} (found {obj[key]!r})")
    unknown = sorted(set(obj) - set(fields) - _OPTIONAL)
    if unknown and not extra_keys:
        _fail(path, f"{where}.{unknown[0]}", "unknown key")


def _check_entity_kind(item: dict[str, Any], path: Path, where: str) -> None:
    allowed = {"ORG": ORG_KINDS, "GPE": GPE_KINDS}.get(item["type"])
    if allowed is not None and item["kind"] not in allowed:
        _fail(path, f"{where}.kind", f"for {item['type']} expected one of {', '.join(allowed)}")
    if item["type"] == "SYSTEM" and item["kind"] is None:
        _fail(path, f"{where}.kind", "a SYSTEM needs its category")


def _check_in_text(item: dict[str, Any], key: str, text: str, path: Path, where: str) -> None:
    surface = item[key]
    start = item.get("start")
    if start is not None and text[start : start + len(surface)] != surface:
        _fail(path, f"{where}.start", f"the text at offset {start} is not {surface!r}")
    if start is None and surface not in text:
        _fail(path, f"{where}.{key}", f"{surface!r} does not occur in the article text")


def _check_item(layer: str, item: Any, text: str, path: Path, where: str) -> None:
    """Check one item of a layer, including the rules that tie fields together."""
    _check_fields(_FIELDS[layer], item, path, where)
    if layer == "entities":
        _check_entity_kind(item, path, where)
    elif layer in ("timexes", "amounts"):
        _check_in_text(item, "text", text, path, where)
    elif layer == "quotes":
        _check_in_text(item, "text_start", text, path, where)
    elif layer == "deals" and item["value"] is not None:
        _check_fields(_AMOUNT_OBJECT, item["value"], path, f"{where}.value")


def _check_layers(data: dict[str, Any], text: str, path: Path) -> dict[str, list[dict[str, Any]]]:
    layers: dict[str, list[dict[str, Any]]] = {}
    for layer in LAYERS:
        if layer not in data:
            continue
        items = data[layer]
        if not isinstance(items, list):
            _fail(path, f"$.{layer}", "expected a list")
        for index, item in enumerate(items):
            _check_item(layer, item, text, path, f"$.{layer}[{index}]")
        layers[layer] = items
    return layers


# -- reading ------------------------------------------------------------------------------


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc.strerror}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: not valid UTF-8 JSON: {exc}") from exc
    if not isinstance(data, dict):
        _fail(path, "$", "expected an object")
    return data


def _read_text(path: Path, data: dict[str, Any]) -> str:
    """The article text: ``text_file`` relative to the gold file, else ``<stem>.txt`` beside it."""
    text_path = path.parent / data["text_file"] if "text_file" in data else path.with_suffix(".txt")
    try:
        text = text_path.read_text(encoding="utf-8")
    except OSError as exc:
        where = "$.text_file" if "text_file" in data else "$"
        _fail(path, where, f"cannot read the article text {text_path}: {exc.strerror}")
    except UnicodeDecodeError as exc:
        _fail(path, "$.text_file", f"the article text {text_path} is not UTF-8: {exc}")
    return text.removeprefix("\ufeff")


def load_gold_file(path: str | Path) -> GoldFile:
    """Read and check one gold file; raise ``GoldFormatError`` at the first problem."""
    path = Path(path)
    data = _read_json(path)
    _check_fields(_TOP, data, path, "$", extra_keys=True)
    text = _read_text(path, data)
    published = data.get("published")
    try:
        date = dt.date.fromisoformat(published) if published is not None else None
    except ValueError:
        _fail(path, "$.published", f"not a calendar date: {published!r}")
    return GoldFile(
        id=data["id"],
        path=path,
        text=text,
        lang=data["lang"],
        published=date,
        outlet=data.get("outlet"),
        layers=_check_layers(data, text, path),
    )


def load_gold_dir(path: str | Path) -> list[GoldFile]:
    """Read every ``*.json`` gold file of a directory (not recursive), sorted by file name."""
    directory = Path(path)
    if not directory.is_dir():
        raise GoldFormatError(f"{directory}: not a directory")
    files = [load_gold_file(p) for p in sorted(directory.glob("*.json"))]
    if not files:
        raise GoldFormatError(f"{directory}: no gold files (*.json)")
    seen: dict[str, Path] = {}
    for gold in files:
        if gold.id in seen:
            _fail(gold.path, "$.id", f"duplicate id {gold.id!r} (also in {seen[gold.id]})")
        seen[gold.id] = gold.path
    return files
