"""Event participants named by description: *l'avionneur*, *le groupe italien*, *the Korean
manufacturer*, *the ministry*, *le royaume*.

A description is a definite or demonstrative determiner, a head noun of the data
(``patterns/event_corefs.v1.json``) and at most a demonym beside it. It stands for the
closest entity named before it that fits: an organisation of the noun's kind, or a state
(and of the demonym's country when there is one). A noun followed by a name introduces that
name (*le constructeur Nurol Makina*), and one inside a mention is part of it: neither is a
description.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from veille.nlp.mentions import Candidate, low
from veille.nlp.ruledata import load_rules

EVENT_COREFS = "event_corefs.v1.json"
STATE_BODIES = ("government", "armed_forces")


@dataclass(frozen=True)
class CorefRules:
    determiners: frozenset[str]
    between: frozenset[str]
    nouns: dict[str, str]


@dataclass(frozen=True)
class Described:
    """A description (tokens ``start:end``), the mention it stands for, and the demonym it
    holds (token index), if any."""

    start: int
    end: int
    antecedent: Candidate
    demonym: int | None
    kind: str


@lru_cache(maxsize=4)
def load_coref_rules(lang: str) -> CorefRules:
    data = load_rules(EVENT_COREFS)[lang]
    return CorefRules(
        determiners=frozenset(low(w) for w in data["determiners"]),
        between=frozenset(low(w) for w in data["between"]),
        nouns={low(k): v for k, v in data["nouns"].items()},
    )


def _fits(doc: Doc, cand: Candidate, noun: str, kind: str, country: str | None) -> bool:
    """Whether a mention can be what a description (head ``noun``, of ``kind``, of
    ``country``) names: a state, or its government or armed force, for a state; a
    government body whose name holds the noun for a body (*the ministry*: a ministry);
    an organisation of the kind otherwise."""
    if cand.nested or (country is not None and cand.country != country):
        return False
    if kind == "country":
        state = cand.type == "GPE" and cand.kind == "country"
        return state or (cand.type == "ORG" and cand.kind in STATE_BODIES and bool(cand.country))
    if cand.type != "ORG" or cand.kind != kind:
        return False
    return kind != "government" or noun in low(doc[cand.start : cand.end].text)


def _antecedent(
    doc: Doc, mentions: list[Candidate], before: int, noun: str, kind: str, country: str | None
) -> Candidate | None:
    """The closest mention before token ``before`` that fits."""
    found = [m for m in mentions if m.end <= before and _fits(doc, m, noun, kind, country)]
    return max(found, key=lambda m: m.start) if found else None


def _demonym_beside(
    doc: Doc, det: int, noun: int, demonyms: dict[int, str]
) -> tuple[int | None, int]:
    """The demonym just before the noun (*the Korean manufacturer*) or just after it (*le
    groupe italien*), and the end of the description."""
    if noun - 1 > det and noun - 1 in demonyms:
        return noun - 1, noun + 1
    if noun + 1 < len(doc) and noun + 1 in demonyms:
        return noun + 1, noun + 2
    return None, noun + 1


def described(
    doc: Doc, sent: Span, mentions: list[Candidate], demonyms: dict[int, str]
) -> list[Described]:
    """The descriptions of a sentence that stand for an entity named before them."""
    rules = load_coref_rules(doc.lang_)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out: list[Described] = []
    for token in sent:
        kind = rules.nouns.get(low(token.text))
        if kind is None or token.i in covered or token.pos_ not in ("NOUN", "ADJ"):
            continue
        det = _determiner(doc, token.i, sent.start, demonyms, rules)
        if det is None:
            continue
        demonym, end = _demonym_beside(doc, det, token.i, demonyms)
        if _introduces_name(doc, end, mentions) or _possessor(doc, end):
            continue
        if kind == "country" and _genitive(doc, det, token.i):
            continue
        country = demonyms.get(demonym) if demonym is not None else None
        antecedent = _antecedent(doc, mentions, det, low(token.text), kind, country)
        if antecedent is not None:
            out.append(Described(det, end, antecedent, demonym, kind))
    return out


def _determiner(
    doc: Doc, noun: int, floor: int, demonyms: dict[int, str], rules: CorefRules
) -> int | None:
    """The determiner opening a description whose head is ``noun``: a demonym (*the
    Korean manufacturer*) or a word such as *même* / *same* may stand between them."""
    i = noun - 1
    if i in demonyms and i - 1 >= floor:
        i -= 1
    if i > floor and low(doc[i].text) in rules.between:
        i -= 1
    if i >= floor and low(doc[i].text) in rules.determiners:
        return i
    return None


def _introduces_name(doc: Doc, end: int, mentions: list[Candidate]) -> bool:
    """Whether the noun ending at ``end`` introduces a name, after adjectives or *de / of*
    (*le constructeur Nurol Makina*, *le groupe public PGZ*, *le chantier de Piriou*); a
    place after *de* does not (*le chantier de Kiel* still names the company). A name the
    tagger took for an adjective still counts (*au constructeur Piriou*)."""
    named = {i for m in mentions if m.type != "GPE" for i in range(m.start, m.end)}
    i = end
    while i < len(doc) and doc[i].pos_ == "ADJ":
        if i in named:
            return True
        i += 1
    after_prep = i < len(doc) and doc[i].pos_ == "ADP"
    if after_prep:
        i += 1
        while i < len(doc) and doc[i].pos_ == "DET":
            i += 1
    for m in mentions:
        if m.start <= i < m.end:
            return not after_prep or m.type != "GPE"
    return False


GENITIVE = ("du",)  # a determiner that holds *de*
GENITIVE_PREPS = ("de", "d'", "of")


def _genitive(doc: Doc, det: int, noun: int) -> bool:
    """*les frontières du pays*, *the borders of the country*: a state named by a
    description that qualifies another noun tells whose that thing is, it takes no part."""
    before = low(doc[det - 1].text) if det > 0 else ""
    if low(doc[det].text) not in GENITIVE and before not in GENITIVE_PREPS:
        return False
    head = doc[noun].head
    if head.dep_ == "prep" and head.i != noun:  # English: *of* between the two nouns
        head = head.head
    return head.i != noun and head.pos_ == "NOUN"


def _possessor(doc: Doc, end: int) -> bool:
    """*the ministry's director*: the description names whose someone is, not a party."""
    return end < len(doc) and low(doc[end].text) in ("'s", "’s")
