"""A merged record computed from its claims: every value with its sources, the dated
status history, and corroboration (independent syndication groups, copies counting once).

Conflicts stay visible: two outlets giving 22 M$ and 20 M$ make two values, each with
the articles and evidence sentences that gave it. Nothing is averaged or chosen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from veille.resolve.keys import sortable


@dataclass(frozen=True)
class Source:
    """Where a claim was read: the article, its outlet and date, and the evidence span."""

    article_id: str
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None
    group_id: str | None
    start: int
    end: int
    evidence: str
    reported_by: tuple[str, ...] = ()
    hedged: bool = False

    def label(self) -> str:
        """``Outlet, 2025-08-12 (article id)``, with whom it cites when it cites someone."""
        text = f"{self.outlet or '?'}, {self.published or 'undated'} ({self.article_id})"
        if self.reported_by:
            text += " citing " + "; ".join(self.reported_by)
        return text + (" [hedged]" if self.hedged else "")


@dataclass(frozen=True)
class Claim:
    """What one article says about a record: field values, status, date, and its source."""

    source: Source
    fields: Mapping[str, Any]
    status: str | None
    date: str | None
    sort_date: str | None


@dataclass(frozen=True)
class FieldValue:
    """One value of a field and the sources that gave it."""

    value: Any
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Step:
    """One step of a status history: the status, since when, according to whom."""

    status: str
    date: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Merged:
    """A deal or event as all its claims give it."""

    id: str
    kind: str
    record: Mapping[str, Any]
    fields: Mapping[str, tuple[FieldValue, ...]]
    history: tuple[Step, ...]
    claims: int
    articles: int
    corroboration: int
    dates: tuple[str, ...] = ()

    def values(self, name: str) -> list[Any]:
        return [fv.value for fv in self.fields.get(name, ())]


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {}


def field_values(claims: Iterable[Claim], name: str) -> tuple[FieldValue, ...]:
    """The distinct values of a field, in order of first report, each with its sources."""
    found: dict[str, tuple[Any, list[Source]]] = {}
    for claim in claims:
        value = claim.fields.get(name)
        if not _empty(value):
            found.setdefault(_key(value), (value, []))[1].append(claim.source)
    return tuple(FieldValue(value, tuple(sources)) for value, sources in found.values())


def chronological(claims: Iterable[Claim]) -> list[Claim]:
    """Claims by their date, then publication date, then article and offset."""
    return sorted(
        claims,
        key=lambda c: (
            sortable(c.sort_date),
            c.source.published or "9999",
            c.source.article_id,
            c.source.start,
        ),
    )


def status_history(claims: Iterable[Claim]) -> tuple[Step, ...]:
    """Statuses in date order; consecutive claims of one status make one step."""
    steps: list[Step] = []
    for claim in chronological(c for c in claims if c.status):
        assert claim.status is not None
        if steps and steps[-1].status == claim.status:
            last = steps[-1]
            steps[-1] = Step(last.status, last.date, (*last.sources, claim.source))
        else:
            steps.append(Step(claim.status, claim.sort_date, (claim.source,)))
    return tuple(steps)


def corroboration(sources: Iterable[Source]) -> int:
    """Independent reports: distinct syndication groups (an article alone is its own)."""
    return len({s.group_id or s.article_id for s in sources})


def merge(
    record_id: str,
    kind: str,
    record: Mapping[str, Any],
    claims: Sequence[Claim],
    fields: Sequence[str],
) -> Merged:
    """The merged view of one record from its claims."""
    ordered = chronological(claims)
    sources = [c.source for c in ordered]
    return Merged(
        id=record_id,
        kind=kind,
        record=record,
        fields={name: field_values(ordered, name) for name in fields},
        history=status_history(ordered),
        claims=len(ordered),
        articles=len({s.article_id for s in sources}),
        corroboration=corroboration(sources),
        dates=tuple(sorted(c.sort_date for c in ordered if c.sort_date)),
    )
