"""Rows printed as a plain table, JSON or CSV: the output formats of the listing commands."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

FORMATS = ("table", "json", "csv")
MAX_WIDTH = 48
F = TypeVar("F", bound=Callable[..., Any])


def cell(value: Any) -> str:
    """A value as one line of text: lists joined, amounts and numbers spelt plainly."""
    from veille.store.export import format_amount

    if value is None:
        return ""
    if isinstance(value, dict):
        return format_amount(value) if "currency" in value else json.dumps(value)
    if isinstance(value, list | tuple):
        return " | ".join(cell(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    if not rows:
        return "(none)"
    cells = [[cell(r.get(c))[:MAX_WIDTH] for c in columns] for r in rows]
    widths = [max(len(c), *(len(line[i]) for line in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)) for line in cells]
    return "\n".join(line.rstrip() for line in lines)


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> str:
    """``table`` shows ``columns``; ``json`` and ``csv`` give every field."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        names = list(rows[0]) if rows else list(columns)
        writer = csv.DictWriter(out, names, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: cell(v) for k, v in r.items()} for r in rows)
        return out.getvalue().rstrip("\n")
    return table(rows, columns)


def format_option() -> Callable[[F], F]:
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
        help="Print a table, JSON or CSV.",
    )  # fmt: skip
