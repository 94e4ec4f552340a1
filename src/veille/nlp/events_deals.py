"""Deals from procurement events (rules in ``patterns/deal_status.v1.json``).

An event of a procurement type that names a system makes a deal: the supplier is the
country of the system's maker (else of the supplier side of the event: the target of an
order, the actor of a delivery), the recipient the other state among its participants.
The status comes from the event type, turned to ``denied`` by a denial, to ``cancelled``
by a cancellation word, and to an earlier stage when the event is only planned (a
delivery still to come means an order). An event that names no system joins the deal
told just before it between the same states (*Les négociations entre la partie
marocaine et IAI ont commencé* after *les FAR envisagent de commander des Harpy*); a step
still to come, or a hedged one beyond negotiation for a deal still under way, leaves its
status and date as they are; a delivery told as done after a deal still under way is an
earlier deal for the same systems, and an intent after a delivery a further purchase.
Claims about one deal merge: the furthest status wins, a denial wins over all, and a
delivered deal stays apart from one still under way unless one sentence tells both with
one date; an order dated before a delivery is the order it fulfils.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from veille.nlp.events_lexicon import DEAL_STATUS, DealRules
from veille.nlp.events_records import Arg, DealFinding, EventFinding, MoneyValue, NumberOrRange
from veille.nlp.mentions import low, text_of
from veille.nlp.numbers import parse_number, parse_ordinal
from veille.nlp.ruledata import load_rules

STATE_BODIES = ("armed_forces", "government")
UNDATED = ("PRESENT_REF", "FUTURE_REF")  # *now*, *soon*: no date of a status
UNDER_WAY = ("considered", "negotiating")
QUALIFIER_GAP = 1  # a space between a system's name and a participle that qualifies it
FULFILLED = ("agreed", "ordered")  # statuses a later delivery of the same systems fulfils
Phrase = tuple[str, ...]


def _status_date(event: EventFinding, rules: DealRules) -> str | None:
    """The date an event gives the status it states (*now* gives none, nor does a step
    still to come that states an earlier one: *due to deliver this year* dates no order,
    nor a claim that a deal is considered: *envisagerait l'achat …, un dossier évoqué en
    mars* tells when the interest was told or shown, not when it began)."""
    if event.modality == "planned" and event.type in rules.planned_status:
        return None
    if status_of(event, rules, False) == "considered":
        return None  # the day an interest is shown or told is not when it began
    return None if event.date in UNDATED else event.date


def _country(arg: Arg) -> str | None:
    return arg.code or arg.country


def _sides(event: EventFinding, rules: DealRules) -> tuple[tuple[Arg, ...], tuple[Arg, ...]]:
    """(supplier side, buyer side) of an event."""
    if rules.supplier_role.get(event.type) == "actor":
        return event.actors, event.targets
    return event.targets, event.actors


def status_of(event: EventFinding, rules: DealRules, cancelled: bool) -> str:
    """The status of the deal an event states."""
    if event.modality == "denied":
        return "denied"
    if cancelled:
        return "cancelled"
    status = event.status or rules.status[event.type]
    if event.modality == "planned":
        return rules.planned_status.get(event.type, status)
    if event.modality == "hedged":
        return rules.hedged_status.get(event.type, status)
    return status


def _supplier(event: EventFinding, supplier_side: tuple[Arg, ...]) -> str | None:
    """The supplier state: the state that approves a sale (*the State Department approved
    a possible sale of NASAMS*: the US, whoever made them), else a company on the supplier
    side from the systems' country, else that country when it takes part (a partner's
    company assembling them is no supplier), else the one company there, else the systems'
    country, else a state on that side."""
    if event.status is not None:
        approving = [a for a in supplier_side if a.code or a.kind in STATE_BODIES]
        if approving and (country := _country(approving[0])):
            return country
    made = {s.country for s in event.systems if s.country}
    companies = [a.country for a in supplier_side if a.kind == "company" and a.country]
    for country in companies:
        if country in made:
            return country
    makers = [c for a in (*event.actors, *event.targets) if (c := _country(a)) in made]
    if makers and len(made) == 1:
        return makers[0]
    if len(set(companies)) == 1:
        return companies[0]
    anywhere = {a.country for a in (*event.actors, *event.targets) if a.kind == "company"}
    if len(anywhere - {None}) == 1:
        return next(c for c in anywhere if c)
    if made:
        return next(s.country for s in event.systems if s.country)
    return next((c for a in supplier_side if (c := _country(a))), None)


def _recipient(everyone: Sequence[Arg], supplier: str | None, companies: bool = True) -> str | None:
    """The recipient: a state other than the supplier named as a participant, before the
    country of a body or company (a mis-placed *armée de l'air* names no state); a
    company's country only when ``companies`` (a company supplies: *assembled by PGZ*)."""
    states = [a.code for a in everyone if a.code and a.code != supplier]
    if states:
        return states[0]
    bodies = [a for a in everyone if companies or a.kind != "company"]
    return next((c for a in bodies if (c := _country(a)) and c != supplier), None)


def _org(args: Sequence[Arg], country: str | None, kinds: tuple[str, ...]) -> Arg | None:
    found = [a for a in args if a.type == "ORG" and a.kind in kinds and a.country == country]
    found.sort(key=lambda a: kinds.index(a.kind or ""))
    return found[0] if found else None


def _sales_pitch(event: EventFinding, supplier_side: tuple[Arg, ...]) -> bool:
    """An offer made by companies alone (*Rafael a proposé son Spike NLOS à Athènes*) is
    a sales pitch, no deal until a state takes it up or offers it."""
    return (
        event.type == "offer"
        and bool(supplier_side)
        and all(a.kind == "company" for a in supplier_side)
    )


def deal_from_event(
    event: EventFinding,
    rules: DealRules,
    cancelled: bool,
    quantity: NumberOrRange | None,
    nearby: Sequence[Arg] = (),
) -> DealFinding | None:
    """The deal an event with systems states, or None (no system, or no two states). An
    event that names only its supplier's side takes as recipient the nearest state told
    before it (``nearby``: *Thailand flies Gripens… Washington is due to deliver eight
    Black Hawks*)."""
    if event.type not in rules.status or not event.systems:
        return None
    supplier_side, buyer_side = _sides(event, rules)
    if _sales_pitch(event, supplier_side):
        return None
    if event.type in rules.showings and event.modality == "planned":
        return None  # a showing still to come states no deal
    supplier = _supplier(event, supplier_side)
    everyone = (*buyer_side, *supplier_side)
    # a state that sells to a company alone is a reading of the sides the wrong way round
    # (*Safran négocie avec la DRDO un moteur du chasseur indien AMCA*)
    selling = any(a.kind == "company" for a in supplier_side)
    recipient = _recipient(everyone, supplier, selling) or _recipient(nearby, supplier)
    if supplier is None or recipient is None:
        return None
    return DealFinding(
        supplier=supplier,
        supplier_org=_org((*supplier_side, *buyer_side), supplier, ("company",)),
        recipient=recipient,
        recipient_org=_org(everyone, recipient, STATE_BODIES),
        systems=event.systems,
        category=next((s.kind for s in event.systems if s.kind), None),
        quantity=quantity,
        value=None,
        status=status_of(event, rules, cancelled),
        date=_status_date(event, rules),
        hedged=event.modality == "hedged",
        sentences=((event.start, event.end),),
        start=event.start,
        end=event.end,
        confidence=round(min(0.9, event.confidence), 2),
    )


def _keys(args: Sequence[Arg]) -> set[str]:
    return {a.key for a in args}


def _differ(a: object, b: object) -> bool:
    return a is not None and b is not None and a != b


def _compatible(a: DealFinding, b: DealFinding) -> bool:
    """Two claims about one deal: same states, a shared system, no conflicting quantity;
    an order dated before a delivery, or else no conflicting date and not one delivered
    while the other is still under way, unless one sentence tells both with one date
    (*operated since 2021, bought from Elbit*)."""
    if (a.supplier, a.recipient) != (b.supplier, b.recipient):
        return False
    if not _keys(a.systems) & _keys(b.systems):
        return False
    if _batch_of_order(a, b) or _batch_of_order(b, a):
        return True
    if _differ(a.quantity, b.quantity):
        return False
    if _ordered_before_delivery(a, b) or _ordered_before_delivery(b, a):
        return True
    if _same_pursuit(a, b):
        return True
    if _differ(a.date, b.date):
        return False
    if (a.status == "delivered") == (b.status == "delivered"):
        return True
    return a.date is not None and a.date == b.date and _same_sentence(a, b)


def _same_pursuit(a: DealFinding, b: DealFinding) -> bool:
    """Whether a claim that a deal is considered (an intent, a demonstration) and another
    claim still under way are steps of one pursuit, whatever their dates (*a présenté le
    standard F4 du X* in November, *négocie l'achat de X supplémentaires* since October)."""
    statuses = {a.status, b.status}
    return "considered" in statuses and statuses <= set(UNDER_WAY)


def _batch_of_order(order: DealFinding, delivery: DealFinding) -> bool:
    """Whether a delivery of fewer systems than an order it fulfils is a batch of that
    order (*quatre nouveaux Gripen E, sur les 36 appareils commandés en 2014*): one deal,
    whose count is the order's."""
    if not _ordered_before_delivery(order, delivery):
        return False
    ordered, delivered = order.quantity, delivery.quantity
    if not isinstance(ordered, int | float) or not isinstance(delivered, int | float):
        return False
    return delivered < ordered


def _ordered_before_delivery(order: DealFinding, delivery: DealFinding) -> bool:
    """Whether an order (or agreement) is the one a delivery of the same systems fulfils:
    dated before it (*le Niani, troisième OPV 58 S commandé en 2019, admis au service
    samedi*), or told in its sentence with one of them undated (*delivered 17 tanks, the
    second batch from a 2022 order*); one dated after it is a further purchase."""
    if delivery.status != "delivered" or order.status not in FULFILLED:
        return False
    if _earlier(order.date, delivery.date):
        return True
    undated = order.date is None or delivery.date is None
    return undated and _same_sentence(order, delivery)


def _earlier(a: str | None, b: str | None) -> bool:
    """Whether timex value ``a`` falls before ``b`` at the granularity both give (a year
    before another year; a month before another month of the same year)."""
    if not a or not b or not (a[:4].isdigit() and b[:4].isdigit()):
        return False
    if a[:4] != b[:4]:
        return a[:4] < b[:4]
    months = a[5:7], b[5:7]
    return all(m.isdigit() for m in months) and months[0] < months[1]


def _same_sentence(a: DealFinding, b: DealFinding) -> bool:
    return bool(set(a.sentences) & set(b.sentences))


def _merged_status(a: str, b: str, rules: DealRules) -> str:
    if "denied" in (a, b):
        return "denied"
    return max(a, b, key=rules.rank.index)


def _merged_date(a: DealFinding, b: DealFinding, status: str) -> str | None:
    """The date of the merged status: that of the later claim stating it, else of the
    earlier one (a date of a lower stage is no date of the status)."""
    if status == b.status and b.date:
        return b.date
    return a.date if status == a.status else None


def _merged_quantity(a: DealFinding, b: DealFinding) -> NumberOrRange | None:
    """The count of the first claim that gives one, but an order's over that of a batch
    delivered of it."""
    if _batch_of_order(b, a):
        return b.quantity
    return a.quantity if a.quantity is not None else b.quantity


def merge(a: DealFinding, b: DealFinding, rules: DealRules) -> DealFinding:
    """One deal from two claims about it (``a`` told first)."""
    status = _merged_status(a.status, b.status, rules)
    systems = {s.key: s for s in (*a.systems, *b.systems)}
    return replace(
        a,
        supplier_org=a.supplier_org or b.supplier_org,
        recipient_org=a.recipient_org or b.recipient_org,
        systems=tuple(systems.values()),
        quantity=_merged_quantity(a, b),
        value=a.value or b.value,
        status=status,
        date=_merged_date(a, b, status),
        hedged=a.hedged or b.hedged,
        sentences=tuple(dict.fromkeys((*a.sentences, *b.sentences))),
        confidence=max(a.confidence, b.confidence),
    )


def merge_deals(deals: list[DealFinding], rules: DealRules) -> list[DealFinding]:
    """Merge the claims of a Doc about the same deal, keeping text order; a claim joins
    a deal told in its own sentence before any other."""
    out: list[DealFinding] = []
    for deal in deals:
        fits = [k for k, d in enumerate(out) if _compatible(d, deal)]
        beside = [k for k in fits if _same_sentence(out[k], deal)]
        chosen = beside or fits
        if not chosen:
            out.append(deal)
        else:
            out[chosen[0]] = merge(out[chosen[0]], deal, rules)
    return out


def _joined(
    deals: list[DealFinding], event: EventFinding, countries: set[str], under_way: bool, reach: int
) -> int | None:
    """The deal a claim without systems is about: one told in its own sentence, else the
    last one told at most ``reach`` characters before it between its states; for a claim
    still under way, the last such deal still under way when there is one (not an earlier
    delivery told beside it)."""
    found: list[int] = []
    for k in range(len(deals) - 1, -1, -1):
        deal = deals[k]
        if event.start - max(e for _, e in deal.sentences) > reach:
            break
        if countries and countries <= {deal.supplier, deal.recipient}:
            found.append(k)
    beside = [k for k in found if (event.start, event.end) in deals[k].sentences]
    if under_way:
        going = [k for k in found if deals[k].status != "delivered"]
        found = going or found
    chosen = beside or found
    return chosen[0] if chosen else None


def _joins(event: EventFinding, rules: DealRules) -> bool:
    """Whether an event without systems may be a claim about a deal told before it: the
    types of ``joins``, and an agreement signed with a company (a general agreement between
    states joins nothing)."""
    if event.type in rules.joins:
        return True
    return event.type == "agreement" and any(
        a.kind == "company" for a in (*event.actors, *event.targets)
    )


def join_context(
    deals: list[DealFinding],
    event: EventFinding,
    rules: DealRules,
    cancelled: bool,
    reach: int,
    quantity: NumberOrRange | None = None,
    tense: str = "open",
) -> list[DealFinding]:
    """An event without systems whose states are those of a deal told at most ``reach``
    characters before it is a claim about that deal (*Les négociations entre la partie
    marocaine et IAI ont commencé*, *Le contrat, signé en octobre, …*); agreements without
    systems are general ones and join nothing. A claim told as done with a count of its own
    that differs from the deal's, and a delivery told as done after a deal still under way,
    are other deals for the same systems (*deux sous-marins de plus, qui rejoindraient les
    quatre déjà livrés*)."""
    if event.systems or not _joins(event, rules):
        return deals
    participants = (*event.actors, *event.targets)
    countries = {c for a in participants if (c := _country(a))}
    status = status_of(event, rules, cancelled)
    k = _joined(deals, event, countries, status != "delivered", reach)
    if k is None:
        return deals
    k = _split_qualified(deals, k, event)
    deal = deals[k]
    claim = replace(
        deal,
        supplier_org=_org(participants, deal.supplier, ("company",)),
        recipient_org=_org(participants, deal.recipient, STATE_BODIES),
        quantity=deal.quantity if deal.quantity is not None else quantity,
        status=status,
        date=_status_date(event, rules),
        hedged=event.modality == "hedged",
        sentences=((event.start, event.end),),
    )
    if tense == "future" or _prospect(deal, claim, rules):
        claim = replace(claim, status=deal.status, date=deal.date)  # the deal stays
    other = replace(claim, quantity=quantity, value=None, start=event.start, end=event.end)
    if tense == "past" and _differ(deal.quantity, quantity):
        deals.append(other)  # another deal for the same systems (*trois batteries*)
    elif deal.status == "delivered" and claim.status == "considered":
        deals.append(other)  # a further purchase (*envisage de commander un quatrième*)
    elif claim.status != "delivered" or deal.status == "delivered":
        deals[k] = merge(deal, claim, rules)
    elif tense == "past" and deal.recipient in countries:
        deals.append(other)
    return deals


def _split_qualified(deals: list[DealFinding], k: int, event: EventFinding) -> int:
    """The index of the deal a claim is about, once a system of deal ``k`` that the claim's
    trigger qualifies right after its name is made a deal of its own (*envisagerait de
    commander des Meteor pour compléter les missiles MICA commandés avec les avions*: the
    order is about the MICA only)."""
    deal = deals[k]
    own = [s for s in deal.systems if 0 <= event.trigger_start - s.end <= QUALIFIER_GAP]
    if len(deal.systems) < 2 or len(own) != 1:
        return k
    rest = tuple(s for s in deal.systems if s is not own[0])
    deals[k] = replace(deal, systems=rest)
    deals.insert(k + 1, replace(deal, systems=(own[0],), quantity=None, value=None, hedged=False))
    return k + 1


def _prospect(deal: DealFinding, claim: DealFinding, rules: DealRules) -> bool:
    """Whether a hedged claim without systems only tells where a deal still under way
    could go (*le contrat pourrait être signé avant l'automne*, *Belgrade could order up to
    six*): a stage beyond negotiation that the deal has not reached."""
    if not claim.hedged or deal.status not in UNDER_WAY:
        return False
    return rules.rank.index(claim.status) > rules.rank.index("negotiating")


def attach_value(
    deals: list[DealFinding], value: MoneyValue, at: int, reach: int, priced: bool = True
) -> None:
    """Give the amount at character ``at`` to the deal whose sentence holds it, else, when
    its sentence is ``priced`` (it names a deal or a price: ``value_words``), to the closest
    deal told before it within ``reach`` characters that has no value yet."""
    for k, deal in enumerate(deals):
        if deal.value is None and any(s <= at < e for s, e in deal.sentences):
            deals[k] = replace(deal, value=value)
            return
    if not priced:
        return
    before = [
        (at - max(e for _, e in d.sentences), k)
        for k, d in enumerate(deals)
        if d.value is None and min(s for s, _ in d.sentences) <= at
    ]
    close = [(gap, k) for gap, k in before if gap <= reach]
    if close:
        _, k = min(close)
        deals[k] = replace(deals[k], value=value)


@lru_cache(maxsize=1)
def value_verbs() -> dict[str, str]:
    """Verb lemma -> the qualifier it gives the sum it governs (``value_verbs``)."""
    data = load_rules(DEAL_STATUS)
    return {low(verb): q for q, verbs in data["value_verbs"].items() for verb in verbs}


@lru_cache(maxsize=2)
def no_value_after(lang: str) -> tuple[Phrase, ...]:
    """Words after a sum that make it no deal's value (``no_value_after``)."""
    phrases = load_rules(DEAL_STATUS)["no_value_after"][lang]
    return tuple(tuple(low(w) for w in p) for p in phrases)


def aid_or_rate(doc: Doc, end: int) -> bool:
    """Whether the words right after a sum ending at character ``end`` make it an aid
    total or a yearly rate (*£12.8 billion in military aid*, *£3 billion a year*)."""
    span = doc.char_span(end, min(end + 40, len(text_of(doc))), alignment_mode="expand")
    if span is None:
        return False
    words = tuple(low(t.text) for t in span if not t.is_punct or t.text == "'")
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "en"
    return any(words[: len(p)] == p for p in no_value_after(lang))


@lru_cache(maxsize=2)
def value_words(lang: str) -> frozenset[str]:
    """Words that name a deal or its price (``value_words``)."""
    return frozenset(low(word) for word in load_rules(DEAL_STATUS)["value_words"][lang])


def priced_sentence(doc: Doc, at: int) -> bool:
    """Whether the sentence of character ``at`` names a deal or a price (``value_words``)."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return True
    words = value_words(doc.lang_ if doc.lang_ in ("fr", "en") else "en")
    return any(low(t.lemma_) in words or low(t.text) in words for t in span.sent)


@lru_cache(maxsize=1)
def group_units() -> frozenset[str]:
    """Counted nouns that count groups of systems, not systems (``group_units``)."""
    return frozenset(low(unit) for unit in load_rules(DEAL_STATUS)["group_units"])


@lru_cache(maxsize=2)
def total_words(lang: str) -> tuple[tuple[Phrase, ...], frozenset[str], tuple[Phrase, ...]]:
    """(links, parts, part links) of ``totals``: the words before the count of a whole."""
    data = load_rules(DEAL_STATUS)["totals"][lang]
    links = tuple(tuple(low(w) for w in p) for p in data["links"])
    part_links = tuple(tuple(low(w) for w in p) for p in data["part_links"])
    return links, frozenset(low(w) for w in data["parts"]), part_links


def told_totals(doc: Doc, start: int, end: int) -> list[NumberOrRange]:
    """The counts of wholes told between characters ``start`` and ``end``, a batch being
    part of them (*ses deux premiers hélicoptères, sur les six commandés*: 6; *the first of
    eight helicopters*: 8; *le troisième des six appareils*: 6)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "en"
    links, parts, part_links = total_words(lang)
    words = [low(t.text) for t in span]
    found: list[NumberOrRange] = []
    for i in range(len(words)):
        after_part = i > 0 and (words[i - 1] in parts or parse_ordinal(words[i - 1], lang))
        phrases = (*links, *(part_links if after_part else ()))
        for phrase in phrases:
            at = i + len(phrase)
            if tuple(words[i:at]) == phrase and at < len(span) and span[at].like_num:
                number = parse_number(span[at].text, lang)
                if number is not None:
                    found.append(number)
                    break
    return found


def verb_qualifier(doc: Doc, at: int, qualifier: str) -> str:
    """The qualifier of the sum at character ``at``: a verb just before it that bounds it
    (*dépasserait les 5 milliards*, *avoisinerait 1,8 milliard*) makes an exact sum
    ``more_than`` or ``approx``."""
    if qualifier != "exact":
        return qualifier
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return qualifier
    verbs = value_verbs()
    for token in reversed(doc[max(span.start - 3, span.sent.start) : span.start]):
        if token.pos_ in ("VERB", "AUX") or low(token.lemma_) in verbs:
            return verbs.get(low(token.lemma_), qualifier)
    return qualifier
