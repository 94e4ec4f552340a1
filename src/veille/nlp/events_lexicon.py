"""Rule data of the event and deal extractor, read from ``patterns/event_triggers.v1.json``
and ``patterns/deal_status.v1.json`` (see ``docs/events.md``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.nlp.mentions import low
from veille.nlp.ruledata import load_rules

EVENT_TRIGGERS = "event_triggers.v1.json"
DEAL_STATUS = "deal_status.v1.json"
Phrase = tuple[str, ...]


def _phrases(items: list[str]) -> tuple[Phrase, ...]:
    """Phrases as word tuples, longest first (so the longest match wins)."""
    words = [tuple(low(item).replace("'", "' ").replace("'  ", "' ").split()) for item in items]
    return tuple(sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Trigger:
    """One trigger entry: lemmas (or phrases) raising an event type, and its rules."""

    type: str
    lemmas: frozenset[str]
    phrases: tuple[Phrase, ...]
    pos: frozenset[str]
    voice: str | None
    agent: str
    needs: str | None
    light: bool
    needs_verb: bool
    needs_reflexive: bool
    not_deps: frozenset[str]
    preps: dict[str, str]
    approval: bool = False
    status: str | None = None
    needs_date: bool = False


@dataclass(frozen=True)
class ModalityCues:
    """This extractor's own modality cues (used without the quote component)."""

    denial: tuple[Phrase, ...]
    hedge_lemmas: frozenset[str]
    hedge_words: tuple[Phrase, ...]
    plan_lemmas: frozenset[str]
    plan_words: tuple[Phrase, ...]
    conditional_endings: tuple[str, ...]
    future_endings: tuple[str, ...]
    backshift: frozenset[str] = frozenset()  # *would* under a speech verb: a plan


@dataclass(frozen=True)
class EventLexicon:
    """The event rules of one language."""

    lang: str
    triggers: tuple[Trigger, ...]
    purchase: frozenset[str]
    transfer: frozenset[str]
    goods: frozenset[str]  # nouns of equipment (appareil, aircraft): what is delivered
    elliptic: frozenset[str]  # subjects standing for a unit told before (les derniers)
    intent_heads: frozenset[str]
    talk_heads: frozenset[str]
    offer_heads: frozenset[str]  # verbs over a delivery that is offered, not done
    reflexive: frozenset[str]
    preps: dict[str, str]
    place_preps: frozenset[str]
    reporting: frozenset[str]
    episode: tuple[Phrase, ...]
    episode_types: frozenset[str]
    reference_heads: frozenset[str]
    boundaries: frozenset[str]
    negation: frozenset[str]
    definite: frozenset[str]
    demonstrative: frozenset[str]
    phase_verbs: frozenset[str]
    delegation: frozenset[str]
    audience: frozenset[str]
    know_how: frozenset[str]
    winning: frozenset[str]  # verbs whose subject receives the event noun (win an order)
    aspiration: frozenset[str]  # words over a winning verb that hope for it (in a bid to)
    venues: frozenset[str]  # nouns naming a trade show (salon, exhibition)
    purpose: frozenset[str]  # verbs of a purpose clause whose systems are not bought (replace)
    market: frozenset[str]  # an offer participle with these tells a system marketed abroad
    delay: frozenset[str]  # words that make a negated act a later one (not before 2026)
    imminence: tuple[Phrase, ...]  # words before an act about to be done (about to)
    permission: frozenset[str]  # verbs that allow an act (clear X to buy), not doing it
    frames: frozenset[str]  # words before a told deal that frames new facts (under the deal)
    habitual: frozenset[str]  # adverbs of a general statement (often): no event
    refusal: frozenset[str]  # verbs that refuse a talk (declined to discuss): no talk held
    not_parties: frozenset[str]  # objects a meeting verb meets that are no party (obligations)
    participles: dict[str, str]  # participle ending -> infinitive ending (-és: -er)
    modality: ModalityCues
    # entries that may start at a word: by lemma or form, and by a phrase's first word
    by_word: dict[str, tuple[int, ...]]


def _lower(items: list[str]) -> frozenset[str]:
    return frozenset(low(item) for item in items)


def _by_word(triggers: tuple[Trigger, ...]) -> dict[str, tuple[int, ...]]:
    """Indices of the trigger entries (in lexicon order) that a lower-cased word (a lemma,
    a form, or the first word of a phrase) may start, so a token is tried against those."""
    index: dict[str, list[int]] = {}
    for i, entry in enumerate(triggers):
        words = set(entry.lemmas) | {phrase[0] for phrase in entry.phrases if phrase}
        for word in words:
            index.setdefault(word, []).append(i)
    return {word: tuple(found) for word, found in index.items()}


@dataclass(frozen=True)
class DealRules:
    """How procurement events become deals."""

    status: dict[str, str]
    planned_status: dict[str, str]
    hedged_status: dict[str, str]
    supplier_role: dict[str, str]
    rank: tuple[str, ...]
    joins: frozenset[str]
    cancel: frozenset[str]
    personnel: frozenset[str]
    showings: frozenset[str]  # event types that state a considered deal only when done


def _trigger(item: dict[str, Any]) -> Trigger:
    return Trigger(
        type=item["type"],
        lemmas=_lower(item.get("lemmas", [])),
        phrases=_phrases(item.get("phrases", [])),
        pos=frozenset(item.get("pos", [])),
        voice=item.get("voice"),
        agent=item.get("agent", "actor"),
        needs=item.get("needs"),
        light=bool(item.get("light", False)),
        needs_verb=bool(item.get("needs_verb", False)),
        needs_reflexive=bool(item.get("needs_reflexive", False)),
        not_deps=frozenset(item.get("not_deps", [])),
        preps=dict(item.get("preps", {})),
        approval=bool(item.get("approval", False)),
        status=item.get("status"),
        needs_date=bool(item.get("needs_date", False)),
    )


def _modality(data: dict[str, Any]) -> ModalityCues:
    return ModalityCues(
        denial=_phrases(data["denial"]),
        hedge_lemmas=frozenset(data["hedge_lemmas"]),
        hedge_words=_phrases(data["hedge_words"]),
        plan_lemmas=frozenset(data["plan_lemmas"]),
        plan_words=_phrases(data["plan_words"]),
        conditional_endings=tuple(data["conditional_endings"]),
        future_endings=tuple(data["future_endings"]),
        backshift=frozenset(data.get("backshift", [])),
    )


@lru_cache(maxsize=4)
def load_event_lexicon(lang: str) -> EventLexicon:
    """The event rules of ``lang`` (``fr`` or ``en``)."""
    data = load_rules(EVENT_TRIGGERS)[lang]
    triggers = tuple(_trigger(item) for item in data["triggers"])
    return EventLexicon(
        lang=lang,
        triggers=triggers,
        purchase=_lower(data["purchase_lemmas"]),
        transfer=_lower(data["transfer_lemmas"]),
        goods=_lower(data["goods_lemmas"]),
        elliptic=_lower(data["elliptic"]),
        intent_heads=_lower(data["intent_heads"]),
        talk_heads=_lower(data["talk_heads"]),
        offer_heads=_lower(data["offer_heads"]),
        reflexive=_lower(data["reflexive"]),
        preps={low(k): v for k, v in data["preps"].items()},
        place_preps=_lower(data["place_preps"]),
        reporting=_lower(data["reporting"]),
        episode=_phrases(data["episode"]),
        episode_types=frozenset(data["episode_types"]),
        reference_heads=_lower(data["reference_heads"]),
        boundaries=_lower(data["boundaries"]),
        negation=_lower(data["negation"]),
        definite=_lower(data["definite"]),
        demonstrative=_lower(data["demonstrative"]),
        phase_verbs=_lower(data["phase_verbs"]),
        delegation=_lower(data["delegation"]),
        audience=_lower(data["audience"]),
        know_how=_lower(data["know_how"]),
        winning=_lower(data["winning_verbs"]),
        aspiration=_lower(data["aspiration"]),
        venues=_lower(data["venues"]),
        purpose=_lower(data["purpose_verbs"]),
        market=_lower(data["market"]),
        delay=_lower(data["delay"]),
        imminence=_phrases(data["imminence"]),
        permission=_lower(data["permission"]),
        frames=_lower(data["frames"]),
        habitual=_lower(data["habitual"]),
        refusal=_lower(data["refusal_verbs"]),
        not_parties=_lower(data["not_parties"]),
        participles=dict(data.get("participles", {})),
        modality=_modality(data["modality"]),
        by_word=_by_word(triggers),
    )


@lru_cache(maxsize=4)
def load_deal_rules(lang: str) -> DealRules:
    """The deal rules, with the cancellation words of ``lang``."""
    data = load_rules(DEAL_STATUS)
    return DealRules(
        status=dict(data["status"]),
        planned_status=dict(data["planned_status"]),
        hedged_status=dict(data["hedged_status"]),
        supplier_role=dict(data["supplier_role"]),
        rank=tuple(data["rank"]),
        joins=frozenset(data["joins"]),
        cancel=_lower(data["cancel"][lang]),
        personnel=_lower(data["personnel"]),
        showings=frozenset(data["showings"]),
    )
