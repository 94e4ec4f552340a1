"""The arguments of an event: who acts, who is acted upon, where, which systems.

Participants are the entity mentions (organisations, states, persons) and the demonyms of
the sentence. Each is placed by its path in the dependency parse to the trigger's clause:

- the doer of the clause verb (its active subject, or the *par*/*by* agent of a passive)
  takes the trigger's ``agent`` role (the actor, or the target for *réceptionner*);
- a participant introduced by a preposition takes the role the preposition gives
  (``preps`` in the data: *entre* both sides, *avec*/*à* the other side, *de*/*par* the doer);
- anything else in the clause takes the other role.

A participant outside the clause counts only as the subject of a governing verb that is
not a speech verb (*X envisage de commander…*). Descriptions (*l'avionneur*) stand for the
entity named before them (``events_corefs``); an event with no participant at all may take
those of the deal told just before it (``context_parties``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from veille.kb.loader import load_kb
from veille.nlp.events_corefs import Described, described
from veille.nlp.events_lexicon import DealRules, EventLexicon
from veille.nlp.events_records import Arg, EventFinding
from veille.nlp.events_time import SINCE
from veille.nlp.events_triggers import Hit, is_passive, participle_lemma
from veille.nlp.mentions import Candidate, low, text_of
from veille.nlp.quote_lexicon import load_quote_lexicon

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubj:pass", "nsubjpass"}
AGENT_DEPS = {"obl:agent", "agent"}
CASE_DEPS = {"case", "prep"}
SKIP = "skip"
MODIFIER_DEPS = {"acl", "amod", "acl:relcl", "relcl"}
CLAUSE_DEPS = {"conj"}
PARTICIPANT_TYPES = {"ORG", "GPE", "PERSON"}
PARTNERS = "agreed"  # the deal status of a partnership, whose sides are no buyer and supplier
OBJECT_DEPS = {"obj", "dobj"}
RETOLD_BY_PURCHASE = {"delivery"}  # receiving systems ordered from X: X delivers them
COUNTRY_PLACED = {"visit", "joint_production", "demonstration"}  # a state may be their place
NAME_DEPS = {"appos", "flat", "flat:name", "nmod", "compound", "nn", "amod"}  # a name on its noun


@dataclass(frozen=True)
class Roles:
    """The participants of one event, by role, and its place."""

    actors: tuple[Arg, ...]
    targets: tuple[Arg, ...]
    place: Arg | None


def mention_arg(doc: Doc, cand: Candidate) -> Arg:
    """An argument from a kept mention; states (and generic bodies) carry their ISO code."""
    span = doc[cand.start : cand.end]
    state = cand.type == "GPE" and cand.kind == "country"
    code = cand.country if state or (cand.form == "generic" and cand.type == "ORG") else None
    return Arg(
        start=span.start_char,
        end=span.end_char,
        code=code,
        type=cand.type,
        kind=cand.kind,
        country=cand.country,
        key=cand.key or span.text,
    )


def demonym_arg(doc: Doc, i: int, code: str) -> Arg:
    token = doc[i]
    return Arg(
        token.idx, token.idx + len(token.text), code, "GPE", "country", code, f"country:{code}"
    )


def _root(doc: Doc, start: int, end: int) -> Token:
    """The token of ``start:end`` whose head lies outside it; of several (a name the parse
    split: *New* an adverb, *Delhi* the subject), the first noun or name."""
    tops = [t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    nominal = [t for t in tops if t.pos_ in ("NOUN", "PROPN")]
    return (nominal or tops or [doc[start]])[0]


def _case(token: Token) -> str | None:
    """The preposition introducing a token (*entre*, *avec*, *by*), as written."""
    for child in token.children:
        if child.dep_ in CASE_DEPS and child.i < token.i:
            return low(child.text)
    if token.dep_ == "pobj":
        return low(token.head.text)
    return None


def _side_by_dep(child: Token, verb: Token, lex: EventLexicon, hit: Hit) -> str | None:
    """``agent``, ``other``, ``both`` (or None: an unknown preposition) for a dependant of
    the clause verb. A preposition decides before the relation (*Sous l'impulsion de X*
    parsed as a subject is still a circumstance)."""
    if _case(child) is not None:
        return _side_by_case(child, lex, hit, default=None) or SKIP
    if child.dep_ in SUBJECT_DEPS:
        return "other" if is_passive(verb) else "agent"
    if child.dep_ in PASSIVE_SUBJECT_DEPS:
        return "other"
    if child.dep_ in AGENT_DEPS:
        return "agent"
    return "other"


def _side_by_case(child: Token, lex: EventLexicon, hit: Hit, default: str | None) -> str | None:
    case = _case(child)
    if case is None and child.dep_ == "prep":
        case = low(child.text)
    if case is None:
        return default
    return hit.entry.preps.get(case) or lex.preps.get(case)


def side_of(doc: Doc, cand_root: Token, hit: Hit, lex: EventLexicon) -> str | None:
    """Where a participant stands relative to the hit: ``agent``, ``other``, ``both``,
    ``skip`` (a circumstance: *sous la direction de X*), or None when the parse does not
    tie it to the clause (a speech verb's subject, another clause, a parse error)."""
    verb, trigger = doc[hit.verb], doc[hit.token]
    token = cand_root
    below: Token | None = None  # the step before ``token`` on the path
    for _ in range(12):
        head = token.head
        if token.i in (trigger.i, verb.i):
            return None
        if _own_clause(token, lex):
            return SKIP
        if head.i == trigger.i and trigger.i != verb.i:
            near = below is not None and below.i in (cand_root.i, cand_root.head.i)
            if below is not None and near and _noun_participle(token, trigger):
                below = _first_conjunct(below, token)
                return _side_by_dep(below, token, lex, hit)  # *an order placed with X*
            return _side_by_case(token, lex, hit, default="agent") or SKIP
        if head.i == verb.i:
            return _side_by_dep(token, verb, lex, hit)
        if head.i == token.i:
            return None
        if low(head.lemma_) in lex.reporting and head.pos_ in ("VERB", "AUX"):
            return None
        below, token = token, head
    return None


def _first_conjunct(child: Token, verb: Token) -> Token:
    """A nominal the parse coordinated with a verb, not with the noun before it (*formée par
    X et Y*, Y hung on *formée*): it stands where that noun stands."""
    if child.dep_ != "conj" or child.pos_ not in ("PROPN", "NOUN"):
        return child
    before = [c for c in verb.children if c.i < child.i and c.pos_ in ("PROPN", "NOUN")]
    return before[-1] if before else child


def _noun_participle(token: Token, trigger: Token) -> bool:
    """Whether a token is a participle qualifying a trigger noun (*an order placed with X*,
    *le contrat signé avec X*): who it is placed with or by stands as its preposition says."""
    return trigger.pos_ == "NOUN" and token.dep_ in ("acl",) and token.pos_ == "VERB"


def _own_clause(token: Token, lex: EventLexicon) -> bool:
    """A clause coordinated with (or adverbial to) the hit's, with its own subject (*the
    RSAF operates X, and SAMI has been negotiating*), or a trigger verb with its own *par /
    by* doer (*will be delivered and partly assembled by X*): it tells its own event."""
    if token.dep_ not in CLAUSE_DEPS or token.pos_ not in ("VERB", "AUX"):
        return False
    deps = {c.dep_ for c in token.children}
    if deps & (SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
        return True
    return bool(deps & AGENT_DEPS) and low(token.lemma_) in lex.by_word


def _outside_own_clause(doc: Doc, root: Token, hit: Hit, lex: EventLexicon) -> bool:
    """Whether the hit's verb heads a coordinated clause with its own subject and the token
    lies outside it (*the RSAF operates X, and SAMI is negotiating*: the RSAF takes no part
    in the negotiation)."""
    verb, trigger = doc[hit.verb], doc[hit.token]
    if not _own_clause(verb, lex) or any(_subject_holds(c, trigger) for c in verb.children):
        return False
    return not verb.left_edge.i <= root.i <= verb.right_edge.i


def _subject_holds(child: Token, trigger: Token) -> bool:
    """Whether a subject is or holds the trigger (*part of the assembly will take place*:
    the clause tells the assembly, whose doers may be named before)."""
    return child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and (
        child.left_edge.i <= trigger.i <= child.right_edge.i
    )


def _governing_subject(doc: Doc, cand_root: Token, hit: Hit, lex: EventLexicon) -> bool:
    """Whether a participant is the subject of a verb that governs the hit's clause."""
    if cand_root.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        return False
    governor = cand_root.head
    if low(governor.lemma_) in lex.reporting and not _raised(cand_root, doc[hit.verb]):
        return False
    return any(t.i == governor.i for t in doc[hit.verb].ancestors)


def _raised(subject: Token, verb: Token) -> bool:
    """Whether the passive subject of a speech verb is the doer of the infinitive it governs
    (*X is reported to be considering*, *X is said to have ordered*): the report is about
    X's act, whose subject X is."""
    governor = subject.head
    if subject.dep_ not in PASSIVE_SUBJECT_DEPS:
        return False
    token = verb
    while token.i != governor.i and token.dep_ == "xcomp" and token.head.i != token.i:
        token = token.head
    return token.i == governor.i and verb.i != governor.i


def _received_participle(doc: Doc, hit: Hit) -> bool:
    """Whether the hit is a delivery participle qualifying a noun (*la Serbie a exposé les
    drones livrés à son armée*, *X operates jets delivered in 2020*): the subject of the verb
    that governs it has the systems delivered, it does not deliver them."""
    verb = doc[hit.verb]
    return hit.type in RETOLD_BY_PURCHASE and verb.dep_ == "acl" and verb.i == hit.token


def _blocked(doc: Doc, arg: Arg, token: Token, hit: Hit, lex: EventLexicon) -> bool:
    """Whether a participant depends directly on a speech verb (its speaker or addressee),
    or is a person in the phrase of one (*a annoncé son porte-parole, le commodore X*):
    a body or a state there may still be the party the speaker speaks for."""
    head = token.head
    if head.i != token.i and low(head.lemma_) in lex.reporting and head.pos_ == "VERB":
        return True
    return arg.type == "PERSON" and _under_speech(token, {hit.verb, hit.token}, lex)


def _region(doc: Doc, hit: Hit, lex: EventLexicon) -> tuple[int, int]:
    """The tokens around a trigger up to the nearest clause boundaries (quote marks,
    semicolons, *que*/*that*): where word order stands in for a failed parse."""
    sent = doc[hit.token].sent
    start, end = sent.start, sent.end
    for i in range(hit.token - 1, sent.start - 1, -1):
        if low(doc[i].text) in lex.boundaries:
            start = i + 1
            break
    for i in range(hit.end, sent.end):
        if low(doc[i].text) in lex.boundaries:
            end = i
            break
    return start, end


def _side_by_order(doc: Doc, hit: Hit, start: int, lex: EventLexicon) -> str | None:
    """Before the trigger in its region: the doer; after it: the other side."""
    lo, hi = _region(doc, hit, lex)
    if not lo <= start < hi:
        return None
    return "agent" if start < hit.token else "other"


def _role(side: str, agent: str) -> tuple[bool, bool]:
    """(is actor, is target) for a side, given the role of the doer."""
    if side == "both":
        return True, False
    doer = side == "agent"
    actor = doer == (agent == "actor")
    return actor, not actor


def _possessor_elsewhere(root: Token, hit: Hit) -> bool:
    """*Türkiye's MILGEM design*, *since Russia's invasion*: a state possessing a noun other
    than the trigger qualifies that noun and takes no part in the event (*Pakistan's
    order* keeps its buyer; a company's system, *AVIC's Wing Loong II*, keeps its maker)."""
    return root.dep_ == "poss" and root.head.i not in (hit.token, hit.verb)


def _won(doc: Doc, hit: Hit, lex: EventLexicon) -> bool:
    """Whether the trigger noun is the object of a winning verb (*X a obtenu une commande*,
    *X won a delivery contract*): its subject receives the event, so stands on the side
    opposite the doer's."""
    trigger = doc[hit.token]
    verb = doc[hit.verb]
    return (
        trigger.i != verb.i
        and trigger.head.i == verb.i
        and trigger.dep_ in OBJECT_DEPS
        and low(verb.lemma_) in lex.winning
    )


def _venue(doc: Doc, start: int, end: int, root: Token, lex: EventLexicon) -> bool:
    """Whether a mention names a trade show: its last word is a show noun (*World Defense
    Show*) or it qualifies one (*au salon IDEF*, *the IDEX exhibition*)."""
    if low(doc[end - 1].lemma_) in lex.venues or low(doc[end - 1].text) in lex.venues:
        return True
    head = root.head
    return head.i != root.i and root.dep_ in NAME_DEPS and low(head.lemma_) in lex.venues


def _subject_of(root: Token, verb: Token) -> bool:
    """Whether a mention is the subject of ``verb`` or names it (*le groupe Thales*)."""
    token = root
    while token.head.i != verb.i and token.dep_ in NAME_DEPS and token.head.i != token.i:
        token = token.head
    return token.head.i == verb.i and token.dep_ in SUBJECT_DEPS


def _in_purchase_clause(root: Token, hit: Hit, lex: EventLexicon) -> bool:
    """Whether a token lies in a participle or relative clause of a purchase word other
    than the trigger (*autorisé la livraison de systèmes commandés à X*): X is a party of
    that purchase, not of the event around it."""
    for ancestor in root.ancestors:
        if ancestor.i in (hit.token, hit.verb):
            return False
        if (
            ancestor.dep_ in MODIFIER_DEPS
            and ancestor.pos_ == "VERB"
            and low(ancestor.lemma_) in lex.purchase
        ):
            return True
    return False


SELLER_CASES = {"à", "au", "aux", "auprès", "from"}  # *commandés auprès de X*: X sells
BUYER_CASES = {"par", "by"}  # *commandés par X*: X buys


def _retold_purchase_role(root: Token, hit: Hit, lex: EventLexicon) -> str | None:
    """The role in a delivery of a party to a purchase participle it retells (*a réceptionné
    ses deux premiers hélicoptères, sur les six commandés auprès de X*, *les S-400
    commandés à Moscou*): the seller delivers (``actor``), the buyer receives (``target``);
    None for any other participant."""
    if hit.type not in RETOLD_BY_PURCHASE:
        return None
    below = root
    for ancestor in root.ancestors:
        if ancestor.i in (hit.token, hit.verb):
            return None
        participle = participle_lemma(ancestor, lex)
        retold = ancestor.dep_ in MODIFIER_DEPS and ancestor.pos_ == "VERB"
        if (participle or low(ancestor.lemma_)) in lex.purchase and (retold or participle):
            if below.i != root.i and below.i != root.head.i:
                return None  # deeper in a phrase of the participle (*au profit de X*)
            case = _case(below) or (low(below.text) if below.pos_ in ("ADV", "ADP") else None)
            if case in SELLER_CASES:
                return "actor"
            return "target" if case in BUYER_CASES else None
        below = ancestor
    return None


def _flip(side: str) -> str:
    return {"agent": "other", "other": "agent"}.get(side, side)


def assign_roles(
    doc: Doc,
    hit: Hit,
    args: list[tuple[Arg, int, int]],
    lex: EventLexicon,
) -> tuple[list[Arg], list[Arg]]:
    """Actors and targets among ``args`` (each with its token range)."""
    actors: list[Arg] = []
    targets: list[Arg] = []
    won = _won(doc, hit, lex)
    for arg, start, end in args:
        root = _root(doc, start, end)
        if arg.type == "GPE" and _possessor_elsewhere(root, hit):
            continue
        if arg.type == "ORG" and _venue(doc, start, end, root, lex):
            continue
        if hit.type not in RETOLD_BY_PURCHASE and _in_purchase_clause(root, hit, lex):
            continue
        retold = _retold_purchase_role(root, hit, lex)
        if retold is not None:
            (actors if retold == "actor" else targets).append(arg)
            continue
        side = side_of(doc, root, hit, lex)
        if side is None and _outside_own_clause(doc, root, hit, lex):
            continue
        if side is None and _governing_subject(doc, root, hit, lex):
            side = "other" if _received_participle(doc, hit) else "agent"
        if side is None and not _blocked(doc, arg, root, hit, lex):
            side = _side_by_order(doc, hit, start, lex)
        if side is None or side == SKIP:
            continue
        if won and _subject_of(root, doc[hit.verb]):
            side = _flip(side)
        is_actor, is_target = _role(side, hit.agent)
        if is_actor:
            actors.append(arg)
        if is_target:
            targets.append(arg)
    return actors, targets


def _placed(root: Token, before: str, lex: EventLexicon) -> bool:
    """Whether a place is introduced by a place preposition, directly (*à Mérignac*) or
    through the noun it names (*sur la base aérienne de Gao*, *au camp de Kornos*)."""
    if _case(root) in lex.place_preps or before in lex.place_preps:
        return True
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head.i != root.i and head.pos_ == "NOUN" and _case(head) in lex.place_preps


def _under_speech(token: Token, stop: set[int], lex: EventLexicon) -> bool:
    """Whether a speech verb governs a token before the path reaches ``stop`` (*said at a
    ceremony in Manila*, *told reporters in Jakarta*: the place of the statement)."""
    for ancestor in token.ancestors:
        if ancestor.i in stop:
            return False
        if _speech_clause(ancestor, lex):
            return True
    return False


def _speech_clause(token: Token, lex: EventLexicon) -> bool:
    """A speech verb heading a clause (not a participle qualifying a noun: *la production,
    confiée à X*)."""
    return (
        low(token.lemma_) in lex.reporting and token.pos_ in ("VERB", "AUX") and token.dep_ != "acl"
    )


def _scene(doc: Doc, hit: Hit) -> set[int]:
    """The tokens that can place an event: the trigger's clause, and for a participle
    clause hanging on another verb (*a ceremony in Manila, attended by X*) that verb's own
    dependants outside other clauses."""
    verb, trigger = doc[hit.verb], doc[hit.token]
    scene = {t.i for t in verb.subtree} | {t.i for t in trigger.subtree}
    for child in verb.children:  # a coordinated clause tells its own event
        if child.dep_ == "conj" and child.pos_ == "VERB" and trigger not in child.subtree:
            scene.difference_update(t.i for t in child.subtree)
    if verb.dep_ == "advcl" and "Part" in verb.morph.get("VerbForm", []):
        host = verb.head
        for child in host.children:
            if child.i != verb.i and child.pos_ not in ("VERB", "AUX"):
                scene.update(t.i for t in child.subtree if t.pos_ not in ("VERB", "AUX"))
    return scene


def find_place(
    doc: Doc, hit: Hit, places: list[tuple[Arg, int, int]], lex: EventLexicon
) -> Arg | None:
    """A place named in the event's scene after a place preposition (a city before a
    country; a country only for a visit, a production or a demonstration: *assemblés aux
    Émirats arabes unis*); none said where a statement was made."""
    scene = _scene(doc, hit)
    found: list[Arg] = []
    for arg, start, end in places:
        root = _root(doc, start, end)
        before = low(doc[start - 1].text) if start > 0 else ""
        in_scene = root.i in scene and _placed(root, before, lex)
        if in_scene and not _under_speech(root, {hit.verb, hit.token}, lex):
            found.append(arg)
    cities = [a for a in found if a.kind != "country"]
    if cities:
        return cities[0]
    if found and hit.type in COUNTRY_PLACED:
        return found[0]
    return None


Located = list[tuple[Arg, int, int]]


SourcePhrases = dict[str, tuple[tuple[str, ...], ...]]  # source phrases by their last word


def _source_phrases(doc: Doc) -> SourcePhrases:
    """The phrases that introduce a source (*selon*, *d'après*, *according to*, *cité par*,
    *citing*), from the quote lexicon, by their last word."""
    return _source_index(doc.lang_)


@lru_cache(maxsize=4)
def _source_index(lang: str) -> SourcePhrases:
    lex = load_quote_lexicon(lang)
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in (*lex.prepositions, *lex.relayed_by, *lex.citing):
        index.setdefault(phrase[-1], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in index.items()}


def introduced_as_source(doc: Doc, start: int, phrases: SourcePhrases) -> bool:
    """Whether a source phrase stands just before token ``start`` (determiners skipped):
    *selon la DIRPA*, *according to the DSCA* name who says, not who acts."""
    end = start
    while end > 0 and doc[end - 1].pos_ == "DET":
        end -= 1
    if end == 0:
        return False
    for phrase in phrases.get(low(doc[end - 1].text), ()):
        begin = end - len(phrase)
        if begin >= 0 and all(low(doc[begin + k].text) == w for k, w in enumerate(phrase)):
            return True
    return False


def source_phrases_of(doc: Doc, sent: Span, phrases: SourcePhrases) -> set[int]:
    """The tokens of the noun phrases a source phrase introduces (*selon une source au sein
    de la marine X*, *according to officials at the Y ministry*): whom they name says, or
    is who says; none of them is a party."""
    tokens: set[int] = set()
    for token in sent:
        if token.pos_ in ("NOUN", "PROPN") and introduced_as_source(
            doc, token.left_edge.i, phrases
        ):
            tokens.update(range(token.i, token.right_edge.i + 1))
    return tokens


def _described_arg(doc: Doc, found: Described) -> Arg:
    """The argument a description stands for: its antecedent's entity, or the state of the
    government or armed force it was found through (*l'émirat*)."""
    cand = found.antecedent
    if cand.type == "ORG" and found.kind == "country" and cand.country:
        start, end = doc[found.start].idx, doc[found.end - 1].idx + len(doc[found.end - 1].text)
        code = cand.country
        return Arg(start, end, code, "GPE", "country", code, f"country:{code}")
    return mention_arg(doc, cand)


def sentence_args(
    doc: Doc, sent: Span, mentions: list[Candidate], demonyms: dict[int, str]
) -> tuple[Located, Located, Located]:
    """Participants, places and systems of a sentence (each with its token range)."""
    participants: Located = []
    places: Located = []
    systems: Located = []
    inside: set[int] = set()
    sources = _source_phrases(doc)
    said_by = source_phrases_of(doc, sent, sources)
    for cand in mentions:
        if not sent.start <= cand.start < sent.end or cand.nested:
            continue
        inside.update(range(cand.start, cand.end))
        if introduced_as_source(doc, cand.start, sources) or cand.start in said_by:
            continue
        arg = mention_arg(doc, cand)
        if cand.type == "SYSTEM":
            systems.append((arg, cand.start, cand.end))
        elif cand.type == "GPE":
            places.append((arg, cand.start, cand.end))
            if cand.kind == "country":
                participants.append((arg, cand.start, cand.end))
        elif cand.type in PARTICIPANT_TYPES and cand.kind != "media":
            participants.append((arg, cand.start, cand.end))
    for found in described(doc, sent, mentions, demonyms):
        if not introduced_as_source(doc, found.start, sources) and found.start not in said_by:
            participants.append((_described_arg(doc, found), found.start, found.end))
        inside.update(range(found.start, found.end))  # its demonym is not a party of its own
    for i, code in sorted(demonyms.items()):
        if (
            sent.start <= i < sent.end
            and i not in inside
            and not _names_nationality(doc, i, mentions)
        ):
            participants.append((demonym_arg(doc, i, code), i, i + 1))
    participants.sort(key=lambda item: item[1])
    return participants, places, systems


NATIONALITY_GAP = 4  # words between a demonym and the name it qualifies (*Greek firm X*)


def _names_nationality(doc: Doc, i: int, mentions: list[Candidate]) -> bool:
    """Whether the demonym at token ``i`` gives the nationality of an organisation named
    just after it, maybe past a noun or adjective (*au chantier français Piriou*, *l'allemand
    X*, *la société estonienne X*, *Turkish state-owned shipbuilder X*): the organisation
    is the party, its state no second one."""
    starts = {m.start for m in mentions if m.type == "ORG" and not m.nested}
    for j in range(i + 1, min(i + 2 + NATIONALITY_GAP, len(doc))):
        if j in starts:
            return True
        if doc[j].pos_ not in ("NOUN", "ADJ") and not _hyphenated(doc, j):
            return False
    return False


def _hyphenated(doc: Doc, j: int) -> bool:
    """A hyphen, or the word after one (*state-owned*)."""
    return doc[j].text in HYPHENS or (j > 0 and doc[j - 1].text in HYPHENS)


HYPHENS = ("-", "‑")


def clause_systems(doc: Doc, hit: Hit, systems: Located, lex: EventLexicon) -> tuple[Arg, ...]:
    """The systems of the trigger's clause; all those of the sentence when a main clause
    names none (the parse often hangs them elsewhere). Systems a purpose clause says the
    act serves are not its own (*commander des X pour remplacer ses Y*)."""
    served = purpose_clauses(doc, hit, lex)
    systems = [
        (arg, start, end) for arg, start, end in systems if _root(doc, start, end).i not in served
    ]
    clause = {t.i for t in doc[hit.verb].subtree} | {t.i for t in doc[hit.token].subtree}
    inside = [arg for arg, start, end in systems if _root(doc, start, end).i in clause]
    if not inside and doc[hit.verb].dep_ in MODIFIER_DEPS:
        inside = modified_systems(doc, doc[hit.verb], systems)
    if not inside:
        inside = predicate_systems(doc, doc[hit.token], systems)
    if inside or doc[hit.verb].dep_ in MODIFIER_DEPS | {"conj"}:
        return unique(inside)  # a relative or coordinated clause names its own, or none
    return unique([arg for arg, _, _ in systems])


def purpose_clauses(doc: Doc, hit: Hit, lex: EventLexicon) -> set[int]:
    """The tokens of the sentence's purpose clauses whose verb names what bought systems
    serve (*pour remplacer ses lanceurs*, *to equip its helicopters*), except one that holds
    the trigger (*pour compléter les missiles X commandés*: the order is inside)."""
    served: set[int] = set()
    for token in doc[hit.token].sent:
        if token.dep_ not in PURPOSE_DEPS or low(token.lemma_) not in lex.purpose:
            continue
        inside = {t.i for t in token.subtree}
        if hit.token not in inside:
            served |= inside
    return served


PURPOSE_DEPS = {"advcl", "acl", "xcomp"}
PHRASE_DEPS = {"conj", "nmod", "appos", "flat", "flat:name", "compound"}


PARTICIPLE_ENDINGS = {"ées": ("Fem", "Plur"), "és": ("Masc", "Plur"), "ée": ("Fem", "Sing")}


def _gender_number(token: Token) -> tuple[str | None, str | None]:
    """Gender and number of a word, from the tagger, else from a French participle ending
    (*négocié*, *livrées*)."""
    gender, number = token.morph.get("Gender", []), token.morph.get("Number", [])
    if gender or number:
        return (gender[0] if gender else None, number[0] if number else None)
    word = low(token.text)
    ending = next((e for e in PARTICIPLE_ENDINGS if word.endswith(e)), None)
    if ending:
        return PARTICIPLE_ENDINGS[ending]
    return ("Masc", "Sing") if word.endswith("é") else (None, None)


def agrees(participle: Token, noun: Token) -> bool:
    """Whether a participle can describe a noun: no gender or number tells them apart."""
    return all(
        a is None or b is None or a == b
        for a, b in zip(_gender_number(participle), _gender_number(noun), strict=True)
    )


def predicate_systems(doc: Doc, trigger: Token, systems: Located) -> list[Arg]:
    """A trigger noun that is the subject of its verb takes the systems of that verb's
    clause (*le contrat, signé avec X, porterait sur une quinzaine de Y*; *the deal covers
    Y*)."""
    if trigger.pos_ != "NOUN" or not trigger.dep_.startswith("nsubj"):
        return []
    verb = trigger.head
    clause = {t.i for t in verb.subtree} - {t.i for t in trigger.subtree}
    return [arg for arg, start, end in systems if _root(doc, start, end).i in clause]


def described_noun(clause: Token, named: set[int]) -> Token | None:
    """The noun a participle describes: the one it hangs on, or when the two disagree in
    gender or number (a misparse), the first noun above it that agrees (*les drones de
    combat X livrés*), else the nearest one before it below (*la découpe du premier des
    sous-marins X commandés*). A system's name (``named``) carries no reliable gender."""
    head = clause.head
    if head.i in named or agrees(clause, head):
        return head
    for noun in head.ancestors:  # *les drones de combat X livrés*: the drones
        if noun.pos_ != "NOUN":
            break
        if agrees(clause, noun):
            return noun
    before = [t for t in head.subtree if t.i < clause.i and t.pos_ == "NOUN"]
    return next((t for t in reversed(before) if t.i not in named and agrees(clause, t)), None)


def modified_systems(doc: Doc, clause: Token, systems: Located) -> list[Arg]:
    """The systems a participle or relative clause describes: those of the noun phrase it
    hangs on, coordination included (*les F-16 Block 72, commandés en 2019*, *quatre S-400
    et une trentaine de Pantsir, négociés avec X*)."""
    named = {i for _, start, end in systems for i in range(start, end)}
    top = described_noun(clause, named)
    if top is None:
        return []  # a misparse: *une trentaine de X, négocié avec Y* (it is the contract)
    while top.dep_ in PHRASE_DEPS and top.head.i != top.i:
        top = top.head
    own = {t.i for t in clause.subtree}
    phrase = {t.i for t in top.subtree} - own
    return [arg for arg, start, end in systems if _root(doc, start, end).i in phrase]


def unique(args: list[Arg]) -> tuple[Arg, ...]:
    """One argument per entity (or state), in order."""
    seen: dict[str, Arg] = {}
    for arg in args:
        seen.setdefault(arg.code or arg.key, arg)
    return tuple(seen.values())


def _capital(doc: Doc, arg: Arg) -> bool:
    """Whether a city is the capital of its state (as the knowledge base names it)."""
    country = load_kb().country(arg.country) if arg.country else None
    return country is not None and text_of(doc)[arg.start : arg.end] in country.capital.values()


def _on_purchase_word(root: Token, hit: Hit) -> bool:
    """Whether a token hangs on the trigger, or on its object (*commandé six radars à X*,
    which the parse often attaches to *radars*)."""
    head = root.head
    if head.i == hit.token:
        return True
    return head.dep_ in OBJECT_DEPS and head.head.i == hit.token


def _seller_capitals(doc: Doc, hit: Hit, places: Located, lex: EventLexicon) -> Located:
    """Capitals on the seller's side of the purchase word itself (*commandés à Moscou*,
    *acquis auprès de Pékin*), or of a purchase participle a delivery retells (*a
    réceptionné les S-400 commandés à Moscou*): the state that sells, not the place of the
    event (*signé à Madrid une commande* keeps its place)."""
    purchase = low(doc[hit.token].lemma_) in lex.purchase
    if not purchase and hit.type not in RETOLD_BY_PURCHASE:
        return []
    sellers: Located = []
    for arg, start, end in places:
        if arg.kind == "country" or not _capital(doc, arg):
            continue
        root = _root(doc, start, end)
        on_trigger = _on_purchase_word(root, hit) and side_of(doc, root, hit, lex) == "other"
        if (purchase and on_trigger) or _retold_purchase_role(root, hit, lex) == "actor":
            code = arg.country
            state = Arg(arg.start, arg.end, code, "GPE", "country", code, f"country:{code}")
            sellers.append((state, start, end))
    return sellers


def period_phrases(doc: Doc, hit: Hit) -> set[int]:
    """The tokens of the sentence's *since* / *depuis* phrases (*since Russia's invasion of
    Ukraine*, *depuis l'invasion de l'Ukraine*) that do not hold the trigger: the states they
    name date a period, they take no part in the event."""
    tokens: set[int] = set()
    for token in doc[hit.token].sent:
        if low(token.text) not in SINCE:
            continue
        phrase = token if token.dep_ == "prep" else token.head  # en: the head; fr: case of
        inside = {t.i for t in phrase.subtree}
        if hit.token not in inside and phrase.i != hit.verb:
            tokens |= inside
    return tokens


def event_roles(
    doc: Doc,
    hit: Hit,
    found: tuple[list[tuple[Arg, int, int]], list[tuple[Arg, int, int]]],
    lex: EventLexicon,
) -> Roles:
    """Actors, targets and place of one hit."""
    participants, places = found
    period = period_phrases(doc, hit)
    participants = [item for item in participants if _root(doc, item[1], item[2]).i not in period]
    sellers = _seller_capitals(doc, hit, places, lex)
    if sellers:
        taken = {start for _, start, _ in sellers}
        places = [item for item in places if item[1] not in taken]
        participants = sorted([*participants, *sellers], key=lambda item: item[1])
    actors, targets = assign_roles(doc, hit, participants, lex)
    actor_keys = {a.code or a.key for a in actors}
    targets = [t for t in targets if (t.code or t.key) not in actor_keys]
    place = find_place(doc, hit, places, lex)
    if hit.type == "visit" and actors and not targets and place is not None:
        targets = host_state(place, actors)
    return Roles(unique(actors), unique(targets), place)


def host_state(place: Arg, actors: Sequence[Arg]) -> list[Arg]:
    """The host of a visit that names none: the state of the place abroad it went to (*une
    délégation s'est rendue à Haïfa*: IL); none for a place in the visitor's own state."""
    country = place.code or place.country
    if country is None or country in {a.code or a.country for a in actors}:
        return []
    return [replace(place, code=country, type="GPE", kind="country", key=f"country:{country}")]


def context_parties(
    event: EventFinding,
    told: Sequence[EventFinding],
    rules: DealRules,
    reach: int,
) -> EventFinding:
    """An intent, negotiation, order or delivery (the deal rules' ``joins``) with no
    participant in its sentence (*Les premiers véhicules doivent être livrés en 2026*, *Le
    contrat avait été signé en 2022*) continues the last procurement event with both sides
    told at most ``reach`` characters before it: it takes that event's supplier and
    recipient sides, each in the role its own type gives them (``supplier_role``). Events
    between partners (``_buys``) give no sides."""
    supplier_role = rules.supplier_role
    if event.actors or event.targets or event.type not in rules.joins:
        return event
    for before in reversed(told):
        if event.start - before.end > reach:
            break
        if not (before.actors and before.targets) or not _buys(before, rules):
            continue
        supplier, recipient = _sides(before, supplier_role[before.type])
        if supplier_role[event.type] == "actor":
            return replace(event, actors=supplier, targets=recipient)
        return replace(event, actors=recipient, targets=supplier)
    return event


def _buys(event: EventFinding, rules: DealRules) -> bool:
    """Whether an event is between a buyer and a supplier: a partnership (an agreement or a
    joint production, whose deal is ``agreed``) is between partners, and a showing (a
    demonstration) is no step of a purchase that later claims continue."""
    if event.type in rules.showings:
        return False
    return event.type in rules.supplier_role and rules.status.get(event.type) != PARTNERS


def _sides(event: EventFinding, supplier: str) -> tuple[tuple[Arg, ...], tuple[Arg, ...]]:
    """(supplier side, recipient side) of an event whose supplier has role ``supplier``."""
    if supplier == "actor":
        return event.actors, event.targets
    return event.targets, event.actors
