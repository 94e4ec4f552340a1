"""Dossiers as text: every field of a merged record with its values, each value with
its sources and evidence sentences, and the dated status history."""

from __future__ import annotations

import json
from typing import Any

from veille.resolve.merge import FieldValue, Merged, Source
from veille.store.export import format_amount, merged_to_dict


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return format_amount(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _source_lines(sources: tuple[Source, ...], indent: str) -> list[str]:
    lines = []
    for s in sources:
        lines.append(f"{indent}- {s.label()}")
        lines.append(f'{indent}  "{s.evidence}" [{s.start}:{s.end}]')
    return lines


def _field_lines(name: str, values: tuple[FieldValue, ...]) -> list[str]:
    if not values:
        return [f"{name}: (not reported)"]
    note = "  (sources disagree)" if len(values) > 1 else ""
    lines = [f"{name}:{note}"]
    for fv in values:
        lines.append(f"  {_value(fv.value)}")
        lines.extend(_source_lines(fv.sources, "    "))
    return lines


def merged_text(merged: Merged, as_json: bool = False) -> str:
    """A deal or event dossier, readable or as JSON."""
    if as_json:
        return json.dumps(merged_to_dict(merged), ensure_ascii=False, indent=2)
    lines = [
        f"{merged.kind} {merged.id}",
        f"claims: {merged.claims} in {merged.articles} articles; "
        f"corroboration: {merged.corroboration} independent sources",
    ]
    if merged.history:
        lines.append("status history:")
        for step in merged.history:
            lines.append(f"  {step.date or 'undated'}  {step.status}")
            lines.extend(_source_lines(step.sources, "    "))
    for name, values in merged.fields.items():
        lines.extend(_field_lines(name, values))
    return "\n".join(lines)


def entity_text(dossier: dict[str, Any], as_json: bool = False) -> str:
    """An entity dossier: names, how often it is reported, its deals and events."""
    if as_json:
        return json.dumps(dossier, ensure_ascii=False, indent=2)
    lines = [
        f"entity {dossier['id']}: {dossier.get('name')} ({dossier.get('type') or '?'}, "
        f"{dossier.get('kind') or '?'}, country {dossier.get('country') or '?'})",
        f"names seen: {', '.join(dossier['aliases']) or '(none)'}",
        f"articles: {dossier['articles']} in {dossier['corroboration']} independent groups",
        "records:",
        *(f"  {r['kind']} {r['record_id']} as {r['role']}" for r in dossier["records"]),
    ]
    return "\n".join(lines)
