"""``veille.events.v1``: events and deals of one article, over the dependency parse.

For each sentence: the triggers of the lexicon (``nlp/events_triggers.py``), their
arguments (``nlp/events_args.py``), date and modality (``nlp/events_time.py``); then the
deals the procurement events state (``nlp/events_deals.py``), with the quantities and
values the amount tagger found. Attribution comes from the quote component when it ran
(``Doc._.veille_attributions``): a sentence with a source makes its events ``reported``.
Results stay on the Doc (``doc._.veille_events``, ``doc._.veille_deals``);
``convert_events`` makes records of them. Rules: ``patterns/event_triggers.v1.json`` and
``patterns/deal_status.v1.json``; see ``docs/events.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from veille.kb.loader import load_kb
from veille.nlp.events_args import (
    clause_systems,
    context_parties,
    event_roles,
    mention_arg,
    sentence_args,
    unique,
)
from veille.nlp.events_deals import (
    STATE_BODIES,
    aid_or_rate,
    attach_value,
    deal_from_event,
    group_units,
    join_context,
    merge_deals,
    priced_sentence,
    status_of,
    told_totals,
    verb_qualifier,
)
from veille.nlp.events_lexicon import (
    DealRules,
    EventLexicon,
    load_deal_rules,
    load_event_lexicon,
)
from veille.nlp.events_records import Arg, DealFinding, EventFinding, MoneyValue, NumberOrRange
from veille.nlp.events_time import (
    SINCE,
    TOTALS,
    DatedSpan,
    continues_episode,
    event_modality,
    own_date,
    period_end,
    sentence_dates,
)
from veille.nlp.events_triggers import (
    Hit,
    apply_approval,
    apply_audience,
    apply_intent,
    apply_light_verbs,
    check_needs,
    drop_background,
    drop_references,
    drop_retold_purchases,
    find_hits,
    resolve_hits,
)
from veille.nlp.mentions import Candidate, low, text_of

VALUE_REACH = 400
SHOWN_TO_VISITORS = ("demonstration", "offer")
JOIN_REACH = 600  # also how far back an event without parties looks for its deal
ADVANCES = "delivery"  # a step without parties that, told as done, advances its deal
QUANTITY_REACH = 40
COUNT_BEFORE = 12  # *les quatre unités déjà livrées*


def register_extensions() -> None:
    for name in ("veille_events", "veille_deals"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _attributions(doc: Doc) -> list[Any] | None:
    """The quote component's sentence attributions, when it ran."""
    if not Doc.has_extension("veille_attributions"):
        return None
    found: list[Any] | None = doc._.veille_attributions
    return found


def _attribution_at(found: list[Any] | None, sent: Span) -> tuple[bool, str | None]:
    """(has a source, modality) of the sentence under the quote component's attributions."""
    for item in found or []:
        if item.start <= sent.start_char < item.end:
            return item.source is not None, item.modality
    return False, None


def _confidence(hit: Hit, actors: int, targets: int, dated: bool) -> float:
    score = 0.45 + (0.15 if hit.token == hit.verb else 0.05)
    score += 0.1 * bool(actors) + 0.1 * bool(targets) + 0.05 * dated
    return round(min(score, 0.9), 2)


class EventExtractor:
    """Finds the events and deals of a Doc."""

    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lang = lang
        self.lex: EventLexicon = load_event_lexicon(lang)
        self.rules: DealRules = load_deal_rules(lang)

    def __call__(self, doc: Doc) -> Doc:
        events, retold = self._events_and_retold(doc)
        doc._.veille_events = events
        claims = [e for k, e in enumerate(events) if k not in retold]
        doc._.veille_deals = self.find_deals(doc, claims)
        return doc

    # -- events ----------------------------------------------------------------------

    def find_events(self, doc: Doc) -> list[EventFinding]:
        return self._events_and_retold(doc)[0]

    def _events_and_retold(self, doc: Doc) -> tuple[list[EventFinding], set[int]]:
        """The events of the Doc, and the indexes of those that only retell a deal told
        before them (they took its sides and stay out of the deals, see ``_sides_of``)."""
        mentions: list[Candidate] = list(doc._.veille_mentions or [])
        demonyms: dict[int, str] = dict(doc._.veille_demonyms or {})
        timexes = [
            DatedSpan(t.start, t.end, t.value)
            for t in doc._.veille_timexes or []
            if t.type == "DATE"
        ]
        attributions = _attributions(doc)
        events: list[EventFinding] = []
        retold: set[int] = set()
        paragraph = 0  # the index of the paragraph's first event
        told: str | None = None  # the date of the previous sentence's episode event
        said: str | None = None  # the last date of the paragraph
        visitors: tuple[Arg, ...] = ()  # who visited, in the previous sentence
        for sent in doc.sents:
            if _new_paragraph(doc, sent):
                told = said = None
                visitors = ()
                paragraph = len(events)
            dates = sentence_dates(doc, sent, timexes, self.lex)
            found = self.sentence_events(doc, sent, mentions, demonyms, dates, attributions)
            found = [self._inherit(e, sent, told, said) for e in found]
            found = [_shown_to(e, visitors) for e in found]
            for event in found:
                sided = self._sides_of(event, events[paragraph:])
                if sided is None:
                    continue
                if sided is not event and _retells(sided):
                    retold.add(len(events))
                events.append(sided)
            visitors = tuple(a for e in found if e.type == "visit" for a in e.actors)
            told = _episode_date(found, self.lex) if dates else None
            said = str(dates[-1][0].value) if dates else said
        return events, retold

    def _sides_of(self, event: EventFinding, told: list[EventFinding]) -> EventFinding | None:
        """An event with parties as it is; one without (only a step of a deal, the rules'
        ``joins``, is kept so) takes the sides of the paragraph's last deal told before it
        (``context_parties``), or is dropped."""
        if event.actors or event.targets:
            return event
        sided = context_parties(event, told, self.rules, JOIN_REACH)
        return sided if sided.actors or sided.targets else None

    def _inherit(
        self, event: EventFinding, sent: Span, told: str | None, said: str | None
    ) -> EventFinding:
        """The date an undated event takes from the sentences before it (see events_time),
        also in a sentence whose dates all belong to other clauses."""
        if event.date:
            return event
        if continues_episode(sent, self.lex):
            return replace(event, date=said)
        if event.type in self.lex.episode_types:
            return replace(event, date=told)
        return event

    def sentence_events(
        self,
        doc: Doc,
        sent: Span,
        mentions: list[Candidate],
        demonyms: dict[int, str],
        dates: list[Any],
        attributions: list[Any] | None,
    ) -> list[EventFinding]:
        participants, places, systems = sentence_args(doc, sent, mentions, demonyms)
        named = {i: "GPE" for i in demonyms if sent.start <= i < sent.end}
        for m in mentions:
            if sent.start <= m.start < sent.end:
                named.update((i, m.type) for i in range(m.start, m.end))
        hits = drop_background(sent, find_hits(sent, self.lex), self.lex)
        hits = drop_references(sent, apply_light_verbs(sent, hits), self.lex, set(named))
        dated = {root.i for _, root in dates}
        hits = apply_audience(sent, apply_intent(sent, hits, self.lex, dated), self.lex)
        hits = resolve_hits(sent, apply_approval(sent, check_needs(sent, hits, self.lex, named)))
        hits = drop_retold_purchases(sent, hits, dated)
        sourced, attributed = _attribution_at(attributions, sent)
        out = []
        for hit in hits:
            roles = event_roles(doc, hit, (participants, places), self.lex)
            date = own_date(doc, hit, dates)
            modality = event_modality(doc, sent, hit, self.lex, sourced, attributed)
            if _after(date, doc._.veille_published):
                modality = _future_in_past(doc, hit, modality, self.lex)
            out.append(
                EventFinding(
                    type=hit.type,
                    start=sent.start_char,
                    end=sent.end_char,
                    trigger_start=doc[hit.token].idx,
                    trigger_end=doc[hit.end - 1].idx + len(doc[hit.end - 1].text),
                    trigger=doc[hit.token : hit.end].text,
                    actors=roles.actors,
                    targets=roles.targets,
                    place=roles.place,
                    date=date,
                    systems=clause_systems(doc, hit, systems, self.lex),
                    modality=modality,
                    confidence=_confidence(hit, len(roles.actors), len(roles.targets), bool(date)),
                    status=hit.entry.status,
                )
            )
        kept = [
            (e, hit)
            for e, hit in zip(out, hits, strict=True)
            if _enough_parties(e, hit) or e.type in self.rules.joins
        ]
        events = [e for e, _ in kept]
        visit = self._delegation_visit(doc, sent, kept, participants)
        return [*events, visit] if visit is not None else events

    def _delegation_visit(
        self,
        doc: Doc,
        sent: Span,
        kept: list[tuple[EventFinding, Hit]],
        participants: list[tuple[Arg, int, int]],
    ) -> EventFinding | None:
        """A delegation present at an event of its clause that no visit tells (*présenté à une
        délégation grecque*, *en présence d'une délégation turque*, *to an Indonesian
        delegation in Ankara*) visited the event's other party: its members are the actors."""
        if any(e.type == "visit" for e, _ in kept):
            return None
        for token in sent:
            if low(token.lemma_) not in self.lex.delegation or token.pos_ != "NOUN":
                continue
            members = {t.i for t in token.subtree}
            visitors = [arg for arg, start, _ in participants if start in members]
            for event, hit in kept:
                if token.i not in {t.i for t in doc[hit.verb].subtree} or not visitors:
                    continue
                keys = {a.code or a.key for a in visitors}
                hosts = [
                    a for a in (*event.actors, *event.targets) if (a.code or a.key) not in keys
                ]
                return replace(
                    event,
                    type="visit",
                    trigger_start=token.idx,
                    trigger_end=token.idx + len(token.text),
                    trigger=token.text,
                    actors=unique(visitors),
                    targets=unique(hosts),
                    systems=(),
                    confidence=round(event.confidence - 0.1, 2),
                    status=None,
                )
        return None

    # -- deals -----------------------------------------------------------------------

    def find_deals(self, doc: Doc, events: list[EventFinding]) -> list[DealFinding]:
        amounts = list(doc._.veille_amounts or [])
        designations = [
            mention_arg(doc, m) for m in doc._.veille_mentions or [] if m.type == "SYSTEM"
        ]
        states = [
            arg
            for m in doc._.veille_mentions or []
            if (arg := mention_arg(doc, m)).code or (arg.kind in STATE_BODIES and arg.country)
        ]
        deals: list[DealFinding] = []
        for event, count in _per_kind(events, amounts, self.rules.personnel, designations):
            if _running_total(doc, event) or _shows_own(event, events, self.rules):
                continue
            quantity = _whole_count(doc, event, count)
            cancelled = self._cancelled(doc, event)
            nearby = _states_before(doc, event, states)
            deal = deal_from_event(event, self.rules, cancelled, quantity, nearby)
            if deal is not None:
                # a date still to come is no date of a status reached
                if _to_come(event, deal.date, doc._.veille_published):
                    deal = replace(deal, date=None, status=self._to_come(event, deal, cancelled))
                deals.append(deal)
            else:
                tense = _tense(event, doc._.veille_published)
                reach = _join_reach(doc, event.start, JOIN_REACH)
                deals = join_context(deals, event, self.rules, cancelled, reach, quantity, tense)
            deals = merge_deals(deals, self.rules)
        for amount in amounts:
            if amount.currency is None or amount.converts is not None:
                continue
            if aid_or_rate(doc, amount.end):
                continue
            qualifier = verb_qualifier(doc, amount.start, amount.qualifier)
            value = MoneyValue(amount.value, amount.currency, qualifier)
            reach = _paragraph_reach(doc, amount.start, VALUE_REACH)
            attach_value(deals, value, amount.start, reach, priced_sentence(doc, amount.start))
        return deals

    def _to_come(self, event: EventFinding, deal: DealFinding, cancelled: bool) -> str:
        """The status a step dated after publication states: that of a planned one (*the
        contract is to be signed in 2027*: still negotiating), whatever its modality."""
        if deal.status in ("denied", "cancelled"):
            return deal.status
        return status_of(replace(event, modality="planned"), self.rules, cancelled)

    def _cancelled(self, doc: Doc, event: EventFinding) -> bool:
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
        return span is not None and any(low(t.lemma_) in self.rules.cancel for t in span)


def _whole_count(
    doc: Doc, event: EventFinding, count: NumberOrRange | None
) -> NumberOrRange | None:
    """The count of the whole a batch of the event's sentence is part of, when the sentence
    tells one (*les deux premiers T129, sur les six commandés*: the deal is for six), over a
    smaller count or none; the count as it is otherwise."""
    totals = told_totals(doc, event.start, event.end)
    if len(totals) != 1:
        return count
    whole = totals[0]
    if count is None:
        return whole
    if isinstance(count, int | float) and isinstance(whole, int | float) and count < whole:
        return whole
    return count


def _shows_own(event: EventFinding, events: list[EventFinding], rules: DealRules) -> bool:
    """Whether a showing is a state showing systems delivered to it, as a delivery of the
    article tells (*Belgrade a exhibé ses FK-3* … *l'armée serbe aurait reçu une deuxième
    batterie FK-3*): no one offered them to it, no deal is considered."""
    if event.type not in rules.showings:
        return False
    shown = {a.key for a in event.systems}
    showing = {c for a in event.actors if (c := a.code or a.country)}
    if len(showing) != 1:
        return False
    for other in events:
        if other.type != ADVANCES or other.modality in ("planned", "denied"):
            continue
        received = {c for a in other.targets if (c := a.code or a.country)}
        if shown & {a.key for a in other.systems} and showing <= received:
            return True
    return False


def _running_total(doc: Doc, event: EventFinding) -> bool:
    """Whether the event's sentence sums the acts of a period (*Depuis 2022, X a commandé
    au total 400 chars*): a running total of several deals, none of them."""
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    if span is None:
        return False
    words = [low(t.text) for t in span]
    since = any(
        low(t.text) in SINCE and any(n.like_num for n in doc[t.i + 1 : t.i + 4]) for t in span
    )
    return since and any(
        tuple(words[i : i + len(p)]) == p for p in TOTALS for i in range(len(words))
    )


def _future_in_past(doc: Doc, hit: Hit, modality: str, lex: EventLexicon) -> str:
    """A clause dated after publication that a speech verb governs, hedged only by a
    backshifted auxiliary (the lexicon's ``backshift``: *the ministry said the drones would
    be delivered next year*), tells a plan: ``planned``; *would* elsewhere (*and deliveries
    would follow in 2028*) stays a hedge, and so does one with a past date (*they would fly
    the drones received in 2020*)."""
    backshift = lex.modality.backshift
    verb = doc[hit.verb]
    if modality != "hedged" or not backshift or verb.dep_ != "ccomp":
        return modality
    if low(verb.head.lemma_) not in lex.reporting:
        return modality
    auxiliaries = {low(c.text) for c in verb.children if c.dep_.startswith("aux")}
    words = {low(t.text) for t in verb.subtree}
    others = (lex.modality.hedge_lemmas - backshift) | {p[0] for p in lex.modality.hedge_words}
    if not auxiliaries & backshift or words & others:
        return modality
    return "planned"


def _states_before(doc: Doc, event: EventFinding, states: list[Arg]) -> list[Arg]:
    """The states (and their forces or governments) told before an event in its sentence
    and the one before it in the same paragraph, nearest first."""
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    if span is None:
        return []
    sent = span.sent
    first = sent.start_char
    if sent.start > 0 and not _new_paragraph(doc, sent):
        first = doc[sent.start - 1].sent.start_char
    told = [a for a in states if first <= a.start and a.end <= event.start]
    return sorted(told, key=lambda a: -a.start)


def _enough_parties(event: EventFinding, hit: Hit) -> bool:
    """An event needs a participant; one whose entry needs a party (*meet*) needs someone
    it is directed at, or two participants (*X and Y met*)."""
    if hit.entry.needs == "party":
        return bool(event.targets) or len(event.actors) >= 2
    return bool(event.actors or event.targets)


def _retells(event: EventFinding) -> bool:
    """Whether an event that took the sides of a deal told before it only retells that deal
    (*le contrat avait été signé en 2022*, *doivent être livrés d'ici 2027*): all but a
    delivery told as done, which advances it."""
    return event.type != ADVANCES or event.modality == "planned"


def _shown_to(event: EventFinding, visitors: tuple[Arg, ...]) -> EventFinding:
    """A demonstration or offer that names no one it was made to was made to the visitors
    of the sentence before (*une délégation a été conviée… des démonstrations*)."""
    if event.type in SHOWN_TO_VISITORS and not event.targets and visitors:
        keys = {a.code or a.key for a in event.actors}
        return replace(event, targets=tuple(v for v in visitors if (v.code or v.key) not in keys))
    return event


def _episode_date(found: list[EventFinding], lex: Any) -> str | None:
    """The date of the first dated episode event (a visit, a meeting...) of a sentence: the
    date it lends to the undated episode events of the next one (a delivery's date does not
    date the offer told after it)."""
    return next((e.date for e in found if e.type in lex.episode_types and e.date), None)


def _new_paragraph(doc: Doc, sent: Span) -> bool:
    """Whether a paragraph break separates the sentence from the one before it."""
    before = text_of(doc)[max(0, sent.start_char - 4) : sent.start_char]
    return "\n" in before


def _tense(event: EventFinding, published: dt.date | None) -> str:
    """``future`` for an event planned or whose date is still to come (``_to_come``),
    ``past`` for one asserted or reported, else ``open`` (hedged)."""
    if event.modality == "planned" or _to_come(event, event.date, published):
        return "future"
    return "past" if event.modality in ("asserted", "reported") else "open"


def _to_come(event: EventFinding, date: str | None, published: dt.date | None) -> bool:
    """Whether the date of an event's status is still to come: after the month of
    publication, or, for a step hedged or planned, a part of the year that ends after it
    (*devrait confirmer la commande d'ici la fin de l'été*, told in June)."""
    if _after(date, published):
        return True
    end = period_end(date)
    if end is None or published is None or event.modality not in ("hedged", "planned"):
        return False
    return end > (published.year, published.month)


def _after(date: str | None, published: dt.date | None) -> bool:
    """Whether a timex value falls after the month of publication (a year: after its year)."""
    if not date or published is None or not date[:4].isdigit() or len(date) < 4:
        return False
    month = date[5:7] if date[4:5] == "-" and date[5:7].isdigit() else ""
    told = (date[:4], month)
    return told > (f"{published.year:04d}", f"{published.month:02d}" if month else "")


def _paragraph_reach(doc: Doc, at: int, reach: int) -> int:
    """How far back from ``at`` a deal may be and still share its paragraph."""
    start = text_of(doc).rfind("\n", 0, at)
    return min(reach, at - start) if start >= 0 else reach


def _join_reach(doc: Doc, at: int, reach: int) -> int:
    """How far back from ``at`` a deal may end and still lie in its paragraph or the one
    just before it (*Le contrat, signé en octobre…* opens the paragraph after the
    delivery; a claim two paragraphs on is about something else)."""
    text = text_of(doc)
    start = at
    for _ in range(2):  # back over the break of this paragraph, then of the one before
        start = text.rfind("\n", 0, start)
        if start < 0:
            return reach
        start = len(text[:start].rstrip("\n"))  # a blank line is one break
    return min(reach, at - start - 1)


def _per_kind(
    events: list[EventFinding],
    amounts: list[Any],
    personnel: frozenset[str],
    designations: list[Arg],
) -> Iterator[tuple[EventFinding, NumberOrRange | None]]:
    """Each event with its quantity; an event naming systems of different kinds is one claim
    per kind (*des chasseurs Su-35 et des systèmes S-400*), or, when they have counts of
    their own (*600 missiles Javelin et 18 lance-roquettes HIMARS*), one claim per counted
    system, the systems without a count going with the first; so are counted systems of
    one kind from different makers (*720 Switchblade 300 and 291 Altius-600M*: two sales,
    where *trois Akıncı et six TB2* from one maker are one lot of nine)."""
    for event in events:
        counts = _system_counts(event, amounts)
        kinds = {event.systems[i].kind for i in counts}
        if not counts and len({s.kind for s in event.systems if s.kind}) > 1:
            groups: dict[str | None, list[Arg]] = {}
            for system in event.systems:
                groups.setdefault(system.kind, []).append(system)
            for group in groups.values():
                part = replace(event, systems=tuple(group))
                yield part, _quantity(part, amounts, personnel, designations)
            continue
        every_kind = {s.kind for s in event.systems if s.kind}
        if len(counts) == 1 and 0 not in counts and len(every_kind) > 1:
            # *eight fire units of NASAMS, up to 180 AMRAAM missiles*: a system counted
            # after others of another kind is a deal of its own, the others one more
            ((i, count),) = counts.items()
            loose = tuple(s for k, s in enumerate(event.systems) if k != i)
            yield replace(event, systems=(event.systems[i],)), count.value
            yield replace(event, systems=loose), None
            continue
        if len(counts) < 2 or (len(kinds) < 2 and not _other_makers(event, counts)):
            yield event, _quantity(event, amounts, personnel, designations)
            continue
        counted = sorted(counts)
        loose = tuple(s for i, s in enumerate(event.systems) if i not in counts)
        for n, i in enumerate(counted):
            systems = (event.systems[i], *loose) if n == 0 else (event.systems[i],)
            yield replace(event, systems=systems), counts[i].value


def _other_makers(event: EventFinding, counts: dict[int, Any]) -> bool:
    """Whether systems counted one by one (no group of them: *quatre batteries de S-400 et
    une trentaine de Pantsir* is one contract) come from makers the knowledge base tells
    apart: their counts are no one lot."""
    if any(_unit_of(c) for c in counts.values()):
        return False
    makers = set()
    for i in counts:
        record = load_kb().record(event.systems[i].key)
        makers.add(record.maker if record is not None else None)
    return None not in makers and len(makers) > 1


def _system_counts(event: EventFinding, amounts: list[Any]) -> dict[int, Any]:
    """The count written just before each system of the event (by its index), one count
    for one system."""
    counts = [a for a in amounts if a.currency is None and event.start <= a.start < event.end]
    found: dict[int, Any] = {}
    for i, system in enumerate(event.systems):
        near = [a for a in counts if a.start <= system.start <= a.end + QUANTITY_REACH]
        if near:
            found[i] = max(near, key=lambda a: a.start)
    firsts: dict[int, int] = {}
    for i, count in found.items():
        firsts.setdefault(count.start, i)
    return {i: c for i, c in found.items() if firsts[c.start] == i}


def _quantity(
    event: EventFinding, amounts: list[Any], personnel: frozenset[str], designations: list[Arg]
) -> NumberOrRange | None:
    """The count written just before the event's systems (*48 véhicules Ejder Yalçın*); the
    sum when each of several systems has its own (*trois Akıncı et six TB2*: 9); else the
    count of a counted noun just after the trigger (*commander six batteries du système Drone
    Dome*) that is not part of a designation (*Hermes 900*); for an event naming no system,
    else one just before it (*les quatre unités déjà livrées*)."""
    counts = [a for a in amounts if a.currency is None and event.start <= a.start < event.end]
    found: dict[int, Any] = {}
    for system in event.systems:
        near = [a for a in counts if a.start <= system.start <= a.end + QUANTITY_REACH]
        if near:
            closest = max(near, key=lambda a: a.start)
            found[closest.start] = closest
    if len(found) == 1:
        single: NumberOrRange = next(iter(found.values())).value
        return single
    if found:
        return _total(list(found.values()))
    counted = [
        a
        for a in counts
        if a.unit is not None
        and a.unit.lower() not in personnel
        and not any(s.start <= a.start < s.end for s in designations)
    ]
    after = [a for a in counted if 0 <= a.start - event.trigger_end <= QUANTITY_REACH]
    before = [a for a in counted if 0 <= event.trigger_start - a.end <= COUNT_BEFORE]
    chosen = after[:1] or (before[-1:] if not event.systems else [])
    value: NumberOrRange | None = chosen[0].value if chosen else None
    return value


def _total(counts: list[Any]) -> NumberOrRange | None:
    """The sum of single counts of one unit (a range among them makes no sum, nor do counts
    of different units: *quatre batteries de S-400 et une trentaine de Pantsir*)."""
    numbers = [c.value for c in counts if isinstance(c.value, int | float)]
    if len(numbers) < len(counts) or len({_unit_of(c) for c in counts}) > 1:
        return None
    return sum(numbers)


def _unit_of(count: Any) -> str | None:
    """The group a count counts (*batteries*, `group_units`), or None when it counts
    systems (*trois drones Akıncı*, *six TB2*)."""
    unit = low(count.unit) if count.unit else None
    return unit if unit in group_units() else None


@Language.factory(
    "veille_events",
    requires=["doc._.veille_mentions", "doc._.veille_timexes", "doc._.veille_amounts"],
    assigns=["doc._.veille_events", "doc._.veille_deals"],
    default_config={"lang": "fr"},
)
def make_event_extractor(nlp: Language, name: str, lang: str) -> EventExtractor:
    """Register the event and deal extractor (versioned as ``veille.events.v1``)."""
    return EventExtractor(lang)
