"""Stable ids for merged records: a deal by its parties and systems, an event by type,
participants and month. The same key from two articles means the same record."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

UNKNOWN = "?"


def _digest(prefix: str, parts: Iterable[str]) -> str:
    blob = "|".join(parts)
    return f"{prefix}-{hashlib.sha256(blob.encode('utf-8')).hexdigest()[:12]}"


def deal_key(supplier: str | None, recipient: str | None, systems: Iterable[str]) -> str:
    """``deal-…`` from supplier, recipient and the canonical ids of the systems."""
    return _digest("deal", [supplier or UNKNOWN, recipient or UNKNOWN, *sorted(set(systems))])


def month_of(date: str | None) -> str:
    """The month of a timex value (``2025-08-13`` → ``2025-08``), the year, or ``?``."""
    if date and len(date) >= 4 and date[:4].isdigit():
        return date[:7] if len(date) >= 7 and date[5:7].isdigit() else date[:4]
    return UNKNOWN


def event_key(type_: str, participants: Iterable[str], date: str | None) -> str:
    """``event-…`` from type, sorted participant ids and the month of the date."""
    return _digest("event", [type_, month_of(date), *sorted(set(participants))])


def sortable(date: str | None) -> str:
    """A timex value that sorts among ISO dates: a quarter or week as its first month."""
    if not date:
        return "9999"
    if len(date) >= 7 and date[5] == "Q" and date[6].isdigit():
        return f"{date[:4]}-{3 * int(date[6]) - 2:02d}"
    if len(date) >= 8 and date[5] == "W" and date[6:8].isdigit():
        return f"{date[:4]}-{min(12, int(date[6:8]) * 12 // 53 + 1):02d}"
    return date
