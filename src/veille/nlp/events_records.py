"""What the event extractor leaves on a Doc: frozen findings with character offsets.

``Doc._.veille_events`` holds ``EventFinding``s and ``Doc._.veille_deals`` holds
``DealFinding``s; their offsets are characters of the Doc (one chunk of an article).
``convert_events`` turns them into ``Event`` and ``Deal`` records, naming each argument
by its entity (or its ISO code, for a state).
"""

from __future__ import annotations

from dataclasses import dataclass

NumberOrRange = int | float | tuple[int | float, int | float]


@dataclass(frozen=True)
class Arg:
    """A participant, place or system: the characters of its mention (``start:end``), and
    ``code``, the ISO code of the state it stands for when it is a state (a country name, a
    metonym, a demonym or a generic body such as *l'armée marocaine*)."""

    start: int
    end: int
    code: str | None
    type: str
    kind: str | None
    country: str | None
    key: str


@dataclass(frozen=True)
class EventFinding:
    """One event: its type, arguments, date and modality; ``start:end`` is its sentence."""

    type: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    actors: tuple[Arg, ...]
    targets: tuple[Arg, ...]
    place: Arg | None
    date: str | None
    systems: tuple[Arg, ...]
    modality: str
    confidence: float
    status: str | None = None  # the deal status the trigger states, when not its type's


@dataclass(frozen=True)
class MoneyValue:
    """The value of a deal as the amount tagger read it."""

    value: NumberOrRange
    currency: str | None
    qualifier: str


@dataclass(frozen=True)
class DealFinding:
    """One procurement relationship, from one or more events of the Doc.

    ``sentences`` are the character ranges of the sentences that state it (their
    attributions give the deal's ``reported_by``); ``start:end`` is the first of them.
    ``sources_from`` are those of its sentences whose sources it keeps (empty: all of them),
    filled when the Doc's findings are read (``convert_events``)."""

    supplier: str | None
    supplier_org: Arg | None
    recipient: str | None
    recipient_org: Arg | None
    systems: tuple[Arg, ...]
    category: str | None
    quantity: NumberOrRange | None
    value: MoneyValue | None
    status: str
    date: str | None
    hedged: bool
    sentences: tuple[tuple[int, int], ...]
    start: int
    end: int
    confidence: float
    sources_from: tuple[tuple[int, int], ...] = ()
