"""Event triggers over the dependency parse of one sentence.

``find_hits`` matches the trigger lexicon (``patterns/event_triggers.v1.json``) on the
tokens of a sentence, then ``resolve_hits`` settles how the hits relate: a support verb
takes its type from the trigger noun it governs (*signer un contrat* is an order), a
purchase verb under an intent verb is a procurement intent (*envisagent de commander*),
under a talk verb part of the negotiation, and one event of each type is kept per clause.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from veille.nlp.events_lexicon import EventLexicon, Trigger
from veille.nlp.mentions import low

PASSIVE_DEPS = {"aux:pass", "auxpass", "nsubj:pass", "nsubjpass", "obl:agent", "agent"}
MODIFIER_DEPS = {"acl", "amod", "acl:relcl", "relcl"}
INTENT_HOPS = 2
WORD_ORDER_REACH = 8  # tokens after a trigger verb read when the parse misses its object
QUALIFY_HOPS = 5  # how far up a participle looks for the trigger noun it qualifies
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass"}
LINK_DEPS = {"obj", "dobj", "nsubj:pass", "nsubjpass", "obl:arg", "nmod", "pobj", "attr"}


@dataclass(frozen=True)
class Hit:
    """A trigger found at token ``token`` (``end``: after its last word), with its entry;
    ``verb`` is the token whose clause gives its arguments, ``agent`` the doer's role."""

    token: int
    end: int
    entry: Trigger
    type: str
    verb: int
    agent: str
    linked: bool = False


def is_passive(token: Token) -> bool:
    """Whether a verb is in the passive voice (by its auxiliaries, dependants or morphology)."""
    if "Pass" in token.morph.get("Voice", []) and token.dep_ != "amod":
        return any(child.dep_ in PASSIVE_DEPS for child in token.children) or token.dep_ == "acl"
    return any(child.dep_ in PASSIVE_DEPS for child in token.children)


def _reflexive(token: Token, lex: EventLexicon) -> bool:
    if any(low(child.text) in lex.reflexive for child in token.children):
        return True
    return token.i > 0 and low(token.doc[token.i - 1].text) in lex.reflexive


def participle_lemma(token: Token, lex: EventLexicon) -> str | None:
    """The verb of a past participle the tagger took for a noun or an adjective after a
    numeral (*les 66 commandés en 2019*: *commander*), from the lexicon's endings."""
    if token.pos_ not in ("NOUN", "ADJ") or not lex.participles:
        return None
    text = low(token.text)
    for ending in sorted(lex.participles, key=len, reverse=True):
        if text.endswith(ending) and len(text) > len(ending) + 2:
            return text[: -len(ending)] + lex.participles[ending]
    return None


def _pos_of(token: Token, lex: EventLexicon) -> str:
    return "VERB" if participle_lemma(token, lex) else token.pos_


def _lemma_ok(token: Token, entry: Trigger, lex: EventLexicon) -> bool:
    lemmas = {low(token.lemma_), low(token.text), participle_lemma(token, lex)}
    if not lemmas & entry.lemmas:
        return False
    if entry.pos and _pos_of(token, lex) not in entry.pos:
        return False
    if token.dep_ in entry.not_deps:
        return False
    if entry.voice is not None and (entry.voice == "passive") != is_passive(token):
        return False
    if entry.needs_reflexive and not _reflexive(token, lex):
        return False
    return not (token.pos_ == "NOUN" and _reference_head(token, lex))


def _reference_head(token: Token, lex: EventLexicon) -> bool:
    """Whether a trigger noun follows a noun that makes it name a deal or a place, not an
    event: *le montant du contrat*, *a value for the order*, *la chaîne d'assemblage*; a
    verb is none (*deliveries are scheduled*)."""
    head = token.head
    if head.pos_ == "ADP" and token.dep_ == "pobj":
        head = head.head
    noun = head.pos_ in ("NOUN", "PROPN") and low(head.lemma_) in lex.reference_heads
    return noun or _after_reference(token, lex)


def _after_reference(token: Token, lex: EventLexicon) -> bool:
    """Whether the word before a trigger noun's preposition is a reference noun, where the
    parse hung the preposition on the verb (*give a value for the order*)."""
    cases = [c for c in token.children if c.dep_ == "case"]
    prep = token.head if token.head.pos_ == "ADP" else (cases[0] if cases else None)
    if prep is None or prep.i == 0:
        return False
    return low(token.doc[prep.i - 1].lemma_) in lex.reference_heads


def _phrase_end(sent: Span, i: int, entry: Trigger) -> int | None:
    doc = sent.doc
    for phrase in entry.phrases:
        end = i + len(phrase)
        if end <= sent.end and all(low(doc[i + k].text) == w for k, w in enumerate(phrase)):
            return end
    return None


def _clause_verb(token: Token, lex: EventLexicon) -> int:
    """The verb whose clause holds a trigger: itself (a participle too), or the verb a
    trigger noun hangs on."""
    nominal = token.i > 0 and token.doc[token.i - 1].pos_ == "DET"
    if participle_lemma(token, lex) or (token.pos_ in ("VERB", "AUX") and not nominal):
        return token.i
    head = token
    for _ in range(3):
        if head.head.i == head.i:
            break
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head.i
    return token.i


def _entries_at(token: Token, lex: EventLexicon) -> list[Trigger]:
    """The trigger entries that may start at ``token`` (by its lemma or form), in lexicon
    order; the others cannot match there."""
    words = {low(token.lemma_), low(token.text), participle_lemma(token, lex) or ""}
    found = {i for word in words for i in lex.by_word.get(word, ())}
    return [lex.triggers[i] for i in sorted(found)]


def find_hits(sent: Span, lex: EventLexicon) -> list[Hit]:
    """Every trigger of the sentence, in text order (several entries may hit one token)."""
    hits: list[Hit] = []
    for token in sent:
        for entry in _entries_at(token, lex):
            end = _phrase_end(sent, token.i, entry) if entry.phrases else None
            if end is None and not (entry.lemmas and _lemma_ok(token, entry, lex)):
                continue
            head = _phrase_head(sent.doc, token.i, end) if end else token
            hits.append(
                Hit(
                    token=token.i,
                    end=end or token.i + 1,
                    entry=entry,
                    type=entry.type,
                    verb=_clause_verb(head, lex),
                    agent=entry.agent,
                )
            )
    return _outside_phrases(hits)


def _phrase_head(doc: Doc, start: int, end: int) -> Token:
    """The word of a phrase that the parse hangs its other words on (*produce* in *co -
    produce*, which the tokenizer splits): the phrase's clause is that word's."""
    head = doc[start]
    while start <= head.head.i < end and head.head.i != head.i:
        head = head.head
    return head


def _outside_phrases(hits: list[Hit]) -> list[Hit]:
    """Drop a hit on a word inside a longer phrase that another entry matched (*offer* in
    *letter of offer and acceptance*, *offre* in *demande d'offre*)."""
    phrases = [h for h in hits if h.end - h.token > 1]
    return [
        h
        for h in hits
        if not any(p.token <= h.token < p.end and p.entry != h.entry for p in phrases)
    ]


def _linked(doc_token: Token, noun: Token, modal: bool = False) -> bool:
    """Whether a support verb governs a trigger noun, or qualifies it (*le contrat, signé*),
    or (``modal``) the noun is the subject of a verb over it (*le contrat pourrait être
    signé*)."""
    if noun.head == doc_token and noun.dep_ in LINK_DEPS:
        return True
    if noun.head.head == doc_token and noun.head.dep_ in LINK_DEPS and noun.dep_ in ("nmod",):
        return True
    if modal and doc_token.dep_ == "xcomp" and noun.head == doc_token.head:
        return noun.dep_ in SUBJECT_DEPS
    return doc_token.head == noun and doc_token.dep_ in ("acl", "acl:relcl", "relcl")


def _agrees_to(doc: Doc, light: Hit, hits: list[Hit]) -> bool:
    """Whether a support verb governs a trigger verb (*agreed to buy*, *a accepté de
    livrer*): that verb tells the event."""
    verb = doc[light.token]
    return any(doc[h.token].head == verb and doc[h.token].dep_ == "xcomp" for h in hits)


def _links(doc: Doc, verb: Hit, noun: Hit) -> bool:
    """Whether a support-verb hit is linked to a trigger-noun hit; through a modal only for
    a noun that is an event only with a verb (*contract* is signed, *negotiations* end)."""
    return _linked(doc[verb.token], doc[noun.token], modal=noun.entry.needs_verb)


def _ancestors(token: Token, hops: int) -> list[Token]:
    out = []
    for _ in range(hops):
        if token.head.i == token.i:
            break
        token = token.head
        out.append(token)
    return out


def apply_light_verbs(sent: Span, hits: list[Hit]) -> list[Hit]:
    """A support verb linked to a trigger noun gives the noun its clause and doer's role;
    a support verb with no trigger noun stays (as an agreement) unless it too needs one
    (*finaliser*, *la signature*: *finaliser le financement* is no event); a noun that needs
    a verb and has none is dropped."""
    doc = sent.doc
    light = [h for h in hits if h.entry.light]
    out = []
    for hit in hits:
        if hit.entry.light:
            nouns = [h for h in hits if not h.entry.light and _links(doc, hit, h)]
            if (
                not nouns
                and not hit.entry.needs_verb
                and doc[hit.token].dep_ not in MODIFIER_DEPS
                and not _agrees_to(doc, hit, hits)
            ):
                out.append(hit)
            continue
        verbs = [h for h in light if _links(doc, h, hit)]
        if verbs:
            out.append(replace(hit, verb=verbs[0].token, agent=verbs[0].entry.agent, linked=True))
        elif not hit.entry.needs_verb:
            out.append(hit)
    return out


def apply_intent(
    sent: Span, hits: list[Hit], lex: EventLexicon, dated: set[int] | None = None
) -> list[Hit]:
    """A purchase under an intent verb is a procurement intent; under a talk verb it is
    what is negotiated (the negotiation hit stands for it); but a purchase participle with
    a date of its own (*après les obusiers commandés en 2021*) is a past order of its own;
    ``dated`` holds the first tokens of the sentence's dates. A trigger that needs a date
    (``needs_date``: *sont attendus*, *is expected*) and has none in its own clause, or
    governs an infinitive (*is expected to sign*), is dropped first."""
    doc = sent.doc
    waits = [h for h in hits if h.entry.needs_date]
    hits = [h for h in hits if h not in waits or _dated_wait(doc[h.verb], dated or set(), lex)]
    framed = any(h.type in ("negotiation", "procurement_intent") for h in hits)
    talks = {h.verb for h in hits if h.type == "negotiation"}
    out = []
    for hit in hits:
        if hit.type == "order" and _dated_participle(doc[hit.token], dated or set()):
            out.append(hit)
            continue
        if hit.type == "order" and framed and hit.token != hit.verb and not hit.linked:
            continue  # *talks over an order*, *négociations pour l'achat*: what is discussed
        if _discussed_or_offered(doc[hit.token], hit, talks, lex) or _hoped_win(doc, hit, lex):
            continue
        if hit.type in ("order", "agreement") and not hit.entry.light:
            heads = _ancestors(doc[hit.token], INTENT_HOPS)
            lemmas = [low(t.lemma_) for t in heads]
            if any(lemma in lex.talk_heads for lemma in lemmas):
                continue  # *négocie un accord*: what is negotiated
            intent = next((t for t in heads if low(t.lemma_) in lex.intent_heads), None)
            if hit.type == "order" and intent is not None and _negated(intent, lex):
                continue  # *n'envisage pas de réduire sa commande*
            if hit.type == "order" and intent is not None:
                hit = replace(hit, type="procurement_intent", verb=intent.i)
        out.append(_imminent(doc, hit, lex))
    return out


def _discussed_or_offered(token: Token, hit: Hit, talks: set[int], lex: EventLexicon) -> bool:
    """Whether a purchase infinitive is the purpose of talks (*ont entamé des discussions
    en vue d'acquérir*), or a delivery is what is discussed or offered (*discutent de la
    livraison*, *has offered to transfer six ships*): the talk or offer stands for it."""
    if hit.entry.light or hit.linked:
        return False
    heads = _ancestors(token, INTENT_HOPS)
    infinitive = "Inf" in token.morph.get("VerbForm", []) and hit.token == hit.verb
    if hit.type == "order" and infinitive and any(t.i in talks for t in heads):
        return True
    framing = lex.talk_heads | lex.offer_heads
    return hit.type == "delivery" and any(low(t.lemma_) in framing for t in _governors(token))


SIDE_DEPS = {"advcl", "conj", "parataxis", "acl:relcl", "relcl"}


def _governors(token: Token) -> list[Token]:
    """The words over a trigger within two steps, up to a clause of its own (*alors que X
    doit recevoir* under *a proposé* is no part of the proposal)."""
    out = []
    for _ in range(INTENT_HOPS):
        if token.dep_ in SIDE_DEPS or token.head.i == token.i:
            break
        token = token.head
        out.append(token)
    return out


def _hoped_win(doc: Doc, hit: Hit, lex: EventLexicon) -> bool:
    """Whether a contract is one a supplier hopes to win (*dans l'espoir de décrocher un
    contrat*, *in a bid to win the order*): a winning verb under an ``aspiration`` word."""
    verb = doc[hit.verb]
    if not hit.linked or low(verb.lemma_) not in lex.winning:
        return False
    return any(low(t.lemma_) in lex.aspiration for t in _ancestors(verb, INTENT_HOPS))


CLAUSE_DEPS = {"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis"}


def _dated_wait(verb: Token, dated: set[int], lex: EventLexicon) -> bool:
    """Whether a verb of waiting has a date of its own (*sont attendus au premier semestre
    2026*, *attend des X d'ici l'été*), not one inside another clause or after a participle
    (*attend les Rafale commandés en 2022*), and no infinitive (*is expected to sign*): a
    delivery to come."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False
    doc = verb.doc
    return any(
        _own_clause(t, verb) and not any(_participle(doc[k], lex) for k in range(verb.i + 1, t.i))
        for t in verb.subtree
        if t.i in dated
    )


def _participle(token: Token, lex: EventLexicon) -> bool:
    return "Part" in token.morph.get("VerbForm", []) or participle_lemma(token, lex) is not None


def _own_clause(token: Token, verb: Token) -> bool:
    while token.i != verb.i:
        if token.dep_ in CLAUSE_DEPS:
            return False
        token = token.head
    return True


def _dated_participle(token: Token, dated: set[int]) -> bool:
    """Whether a purchase verb is a participle whose own clause holds a date."""
    participle = "Part" in token.morph.get("VerbForm", []) and token.dep_ not in ("ROOT", "xcomp")
    return participle and bool({t.i for t in token.subtree} & dated)


def _imminent(doc: Doc, hit: Hit, lex: EventLexicon) -> Hit:
    """An act one is about to do is not done (``imminence``: *sur le point de commander*,
    *close to signing a contract*): a purchase so told is a procurement intent, the signing
    of a contract or agreement a negotiation."""
    if hit.type not in ("order", "agreement") or hit.entry.light:
        return hit
    verb = doc[hit.verb] if hit.linked else doc[hit.token]
    if not any(_ends_before(doc, verb.i, phrase) for phrase in lex.imminence):
        return hit
    if hit.linked:
        return replace(hit, type="negotiation")
    return replace(hit, type="procurement_intent") if hit.type == "order" else hit


def _ends_before(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    start = i - len(phrase)
    return start >= 0 and all(low(doc[start + k].text) == w for k, w in enumerate(phrase))


def apply_audience(sent: Span, hits: list[Hit], lex: EventLexicon) -> list[Hit]:
    """A demonstration noun under a verb of attending (*assister à des tirs de démonstration*,
    *attended a demonstration*) was shown to that verb's doer: the doer is its target. A
    talk verb held at a trade show (``venues``: *discussed the type with X at the World
    Defense Show*) tells a meeting there."""
    doc = sent.doc
    out = []
    for hit in hits:
        if hit.type == "negotiation" and _at_venue(doc[hit.token], hit, lex):
            hit = replace(hit, type="meeting")
        if hit.type == "demonstration" and hit.token != hit.verb:
            heads = _ancestors(doc[hit.token], INTENT_HOPS + 1)
            audience = next((t for t in heads if low(t.lemma_) in lex.audience), None)
            if audience is not None:
                hit = replace(hit, verb=audience.i, agent="target")
        out.append(hit)
    return out


def _at_venue(token: Token, hit: Hit, lex: EventLexicon) -> bool:
    if hit.token != hit.verb or token.pos_ != "VERB":
        return False
    return any(low(t.lemma_) in lex.venues or low(t.text) in lex.venues for t in token.subtree)


def apply_approval(sent: Span, hits: list[Hit]) -> list[Hit]:
    """An approval of a sale or export (*the State Department approved a possible sale*,
    *feu vert à l'exportation*) stands for the order or delivery it governs."""
    doc = sent.doc
    approvals = [h for h in hits if h.entry.approval]
    covered: set[int] = set()
    for hit in approvals:
        covered |= {t.i for t in doc[hit.verb].subtree}
    return [
        h
        for h in hits
        if h.entry.approval or h.type not in ("order", "delivery") or h.token not in covered
    ]


def drop_references(sent: Span, hits: list[Hit], lex: EventLexicon, named: set[int]) -> list[Hit]:
    """Drop a trigger noun that names an event already told: definite, the subject of a verb
    that is no trigger, with no participant of its own (*the sale will improve…*, *la
    démonstration a duré trois heures*, *ces livraisons interviennent*), unless that verb
    (or a participle on the noun, or the verb a modal governs: *doivent débuter*) starts,
    resumes or schedules it (``phase_verbs``: *les discussions ont repris*, *les livraisons
    sont attendues*); and one that frames the sentence (*under the agreement*); ``named``
    holds the tokens
    of the sentence's participants."""
    doc = sent.doc
    verbs = {h.token for h in hits}
    out = []
    for hit in hits:
        token = doc[hit.token]
        if _told_before(token, lex, named) and not hit.linked and token.head.i not in verbs:
            continue
        if _framing(token, lex) and not any(t.i in named for t in token.subtree):
            continue
        if _generic(token, hit) and not participle_lemma(token, lex):
            continue
        out.append(hit)
    return out


def _framing(token: Token, lex: EventLexicon) -> bool:
    """Whether a definite event noun frames what its sentence adds about a deal already told
    (*under the planned agreement, …*, *dans le cadre du contrat*)."""
    dets = {low(c.text) for c in token.children if c.dep_ == "det"}
    if token.pos_ != "NOUN" or not dets & (lex.definite | lex.demonstrative):
        return False
    return low(token.head.text) in lex.frames or low(token.head.lemma_) in lex.frames


GENERIC_TYPES = ("order", "agreement")


def _generic(token: Token, hit: Hit) -> bool:
    """Whether a plural purchase or agreement noun with no support verb tells a kind of act,
    not one (*multiplient les achats d'équipements*, *did not rule out future purchases*,
    *après les commandes du Portugal et de la Hongrie*)."""
    plural = "Plur" in token.morph.get("Number", [])
    return hit.type in GENERIC_TYPES and token.pos_ == "NOUN" and plural and not hit.linked


def _told_before(token: Token, lex: EventLexicon, named: set[int]) -> bool:
    dets = {low(c.text) for c in token.children if c.dep_ == "det"}
    if token.pos_ != "NOUN" or not (token.dep_ in SUBJECT_DEPS or dets & lex.demonstrative):
        return False
    phase = [token.head, *(c for c in token.children if c.dep_ in MODIFIER_DEPS)]
    phase += [c for c in token.head.children if c.dep_ == "xcomp"]  # *doivent débuter*
    if any(low(t.lemma_) in lex.phase_verbs for t in phase):
        return False  # *les discussions ont repris*, *les livraisons sont attendues*
    if not dets & (lex.definite | lex.demonstrative):
        return False
    return not any(t.i in named for t in token.subtree)


def check_needs(sent: Span, hits: list[Hit], lex: EventLexicon, named: dict[int, str]) -> list[Hit]:
    """Drop hits whose entry needs a purchase word, a system (``goods``: or a word of
    equipment, *appareils*), an organisation or a party that their clause (with the noun a
    participle qualifies) lacks, and a trigger that is a word of an organisation's name;
    ``named`` maps the tokens of the sentence's mentions to their types."""
    doc = sent.doc
    out = []
    for hit in hits:
        if named.get(hit.token) == "ORG":
            continue  # a word of a name: *Defense Acquisition Program Administration*
        subtree = {t.i for t in doc[hit.verb].subtree} | {t.i for t in doc[hit.token].subtree}
        subtree |= _raised_subject(doc[hit.verb]) | _qualified(doc[hit.verb])
        purchase = any(low(doc[i].lemma_) in lex.purchase for i in subtree)
        goods = any(low(doc[i].lemma_) in lex.goods or _elliptic(doc[i], lex) for i in subtree)
        transfer = any(low(doc[i].lemma_) in lex.transfer for i in subtree)
        types = {named[i] for i in subtree | _just_after(sent, hit, lex) if i in named}
        ok = {
            None: True,
            "purchase": purchase,
            "transfer": transfer,
            "system": "SYSTEM" in types,
            "goods": goods or "SYSTEM" in types,
            "goods_object": _goods_object(doc[hit.token], lex, named),
            "purchase_or_org": purchase or bool(types & {"SYSTEM", "ORG"}),
            "party": True,  # checked on the roles: two parties at least
        }.get(hit.entry.needs, True)
        if ok:
            out.append(hit)
    return out


def _elliptic(token: Token, lex: EventLexicon) -> bool:
    """Whether a subject is an ordinal standing for a unit told before (*le cinquième est
    attendu*, *the fourth is expected*, *les douze derniers devraient arriver*)."""
    if token.dep_ not in SUBJECT_DEPS or token.pos_ != "ADJ":
        return False
    ordinal = "Ord" in token.morph.get("NumType", []) or token.like_num
    return ordinal or low(token.lemma_) in lex.elliptic


def _goods_object(verb: Token, lex: EventLexicon, named: dict[int, str]) -> bool:
    """Whether a verb's direct object is equipment (*requested the weapons*), or a part of
    it (*une partie des blindés*, *part of the tanks*), not a thing about it (*requested a
    comment on the Gripen*)."""
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    objects += [c for o in objects for c in o.children if c.dep_ == "nmod"]
    objects += [g for o in objects for c in o.children if low(c.text) == "of" for g in c.children]
    return any(low(o.lemma_) in lex.goods or named.get(o.i) == "SYSTEM" for o in objects)


def _qualified(verb: Token) -> set[int]:
    """The noun a participle qualifies (*les F-16 …, attendus en 2026*): what it tells of."""
    return {verb.head.i} if verb.dep_ in MODIFIER_DEPS else set()


def _just_after(sent: Span, hit: Hit, lex: EventLexicon) -> set[int]:
    """The tokens just after a trigger verb, up to a boundary or punctuation: where word
    order stands in for a parse that hung the verb's object elsewhere (*will supply Ukraine
    with another 1,600 Lightweight Multirole Missiles*)."""
    doc = sent.doc
    if doc[hit.token].pos_ != "VERB":
        return set()
    out: set[int] = set()
    for i in range(hit.end, min(sent.end, hit.end + WORD_ORDER_REACH)):
        if doc[i].is_punct or low(doc[i].text) in lex.boundaries:
            break
        out.add(i)
    return out


def _raised_subject(verb: Token) -> set[int]:
    """The tokens of the subject of the verb that governs an infinitive trigger (*les Rafale
    doivent arriver*: the Rafale arrive)."""
    if verb.dep_ != "xcomp":
        return set()
    subjects = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    return {t.i for c in subjects for t in c.subtree}


def drop_background(sent: Span, hits: list[Hit], lex: EventLexicon) -> list[Hit]:
    """Drop negated triggers (*aucune négociation*, *no contract … has been signed*), with
    the support verb of a negated noun; a trigger verb a permission governs (*cleared X to
    buy*); a delivery verb whose object is an offer (*remettre
    une offre*); participles that qualify another trigger noun
    (*un contrat … négocié avec X*); triggers of a general statement (``habitual``: *souvent*,
    *often*); refused talks, meetings with no party, and a meeting
    that is a visit's purpose (*s'est rendue à X pour rencontrer Y*)."""
    doc = sent.doc
    nouns = {h.token for h in hits if doc[h.token].pos_ == "NOUN"}
    negated = [
        h.token for h in hits if _negated(doc[h.token], lex) and not _delayed(doc[h.token], lex)
    ]
    offers = [h.token for h in hits if h.type == "offer"]
    visits = {h.token for h in hits if h.type == "visit"}
    out = []
    for hit in hits:
        token = doc[hit.token]
        if hit.token in negated or _permitted(token, lex) or _on_the_market(token, hit, lex):
            continue
        if _habitual(token, lex):
            continue
        if hit.entry.light and any(_linked(token, doc[i], modal=True) for i in negated):
            continue  # *aucun contrat n'a été signé*: the signing is negated with its noun
        if hit.type == "delivery" and any(_linked(token, doc[i], modal=True) for i in offers):
            continue  # *remettre une offre*: the offer is made, nothing is delivered
        if hit.type == "delivery" and _transfers_know_how(token, lex):
            continue
        if _qualifies(token, nouns, deep=hit.type == "negotiation") and not hit.entry.light:
            continue
        if hit.type in TALK_TYPES and (_refused(token, lex) or _meets_no_party(token, lex)):
            continue
        if hit.type == "meeting" and token.dep_ == "advcl" and token.head.i in visits:
            continue  # *s'est rendue à X pour rencontrer Y*: the visit's purpose
        out.append(hit)
    return out


TALK_TYPES = ("negotiation", "meeting")
OBJECT_DEPS = ("obj", "dobj")


def _habitual(token: Token, lex: EventLexicon) -> bool:
    """Whether a trigger tells what usually happens (*les quantités finalement commandées
    sont souvent inférieures*, *sales are often delayed*): a habitual word on it or on a
    word over it, a general statement, no event."""
    words = [token, *_ancestors(token, INTENT_HOPS + 1)]
    return any(
        c.dep_ == "advmod" and low(c.text) in lex.habitual for t in words for c in t.children
    )


def _refused(token: Token, lex: EventLexicon) -> bool:
    """Whether a talk verb is what its subject refuses (*declined to discuss the programme*,
    *a refusé de commenter*): no talk is held."""
    return token.dep_ == "xcomp" and low(token.head.lemma_) in lex.refusal


def _meets_no_party(token: Token, lex: EventLexicon) -> bool:
    """Whether a meeting verb meets a thing, not a party (*meeting its obligations*,
    *rencontrer des difficultés*)."""
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    return any(low(c.lemma_) in lex.not_parties for c in objects)


def _qualifies(token: Token, nouns: set[int], deep: bool) -> bool:
    """Whether a participle qualifies a trigger noun (*un contrat … négocié avec X*), or
    (``deep``: a talk participle) a word of its phrase (*un contrat portant sur … des
    Pantsir-SM, négocié avec X*): it tells of that event."""
    if token.dep_ not in MODIFIER_DEPS:
        return False
    if not deep:
        return token.head.i in nouns
    return any(t.i in nouns for t in _ancestors(token, QUALIFY_HOPS))


def _on_the_market(token: Token, hit: Hit, lex: EventLexicon) -> bool:
    """Whether an offer participle says a system is marketed abroad, not offered to
    someone (*le HQ-9B, proposé à l'export par X*, *offered for export*)."""
    if hit.type != "offer" or not _participial(token):
        return False
    return any(low(c.lemma_) in lex.market for c in token.children)


def _permitted(token: Token, lex: EventLexicon) -> bool:
    """Whether a trigger verb is what a permission allows (*cleared Lithuania to buy*,
    *permettra au Maroc d'acquérir*): a leave to act, no act yet."""
    return token.dep_ == "xcomp" and low(token.head.lemma_) in lex.permission


def drop_retold_purchases(sent: Span, hits: list[Hit], dated: set[int]) -> list[Hit]:
    """Drop an undated purchase participle on what a delivery told as done brought (*has
    operated SkyStriker munitions, bought from Elbit*, *a réceptionné les Rafale commandés
    à X*): the purchase is the delivery's background. One with a date of its own (*commandés
    en 2022*) or under a delivery still to come (*doit recevoir les sous-marins commandés*)
    stays; ``dated`` holds the first tokens of the sentence's dates."""
    doc = sent.doc
    done = [doc[h.verb] for h in hits if h.type == "delivery" and _told_done(doc[h.verb])]
    out = []
    for hit in hits:
        token = doc[hit.token]
        if hit.type == "order" and hit.token == hit.verb and _participial(token):
            own = {t.i for t in token.subtree}
            if not own & dated and any(token.i in {t.i for t in v.subtree} for v in done):
                continue
        out.append(hit)
    return out


def _participial(token: Token) -> bool:
    """Whether a verb heads a participial clause: a modifier, or a bare participle set off
    after its clause (*…, bought from Elbit*)."""
    if token.dep_ in MODIFIER_DEPS:
        return True
    bare = not any(c.dep_.startswith(("aux", "nsubj")) for c in token.children)
    return token.dep_ == "advcl" and "Part" in token.morph.get("VerbForm", []) and bare


def _told_done(verb: Token) -> bool:
    """Whether a verb tells a done or current fact (a finite verb or a perfect participle),
    not one to come (an infinitive under *doit*, *will*)."""
    forms = verb.morph.get("VerbForm", [])
    return verb.pos_ == "VERB" and "Inf" not in forms and not _future_aux(verb)


def _future_aux(verb: Token) -> bool:
    return any("Fut" in c.morph.get("Tense", []) for c in verb.children if c.dep_ == "aux")


def _transfers_know_how(token: Token, lex: EventLexicon) -> bool:
    """Whether a transfer is of technology or know-how (*transfer seeker technology*,
    *technology transfer*): part of an industrial deal, no delivery of equipment."""
    objects = [c for c in token.children if c.dep_ in ("obj", "dobj", "compound", "nmod")]
    return any(low(c.lemma_) in lex.know_how for c in objects)


def _delayed(token: Token, lex: EventLexicon) -> bool:
    """Whether a negated trigger verb is put off, not denied (*will not arrive before 2026*,
    *ne seront pas livrés avant la fin de 2025*): a word of ``delay`` in its clause."""
    if token.pos_ != "VERB":
        return False
    return any(low(t.text) in lex.delay for t in token.subtree if t.i > token.i)


def _negated(token: Token, lex: EventLexicon) -> bool:
    return any(low(child.text) in lex.negation for child in token.children)


def resolve_hits(sent: Span, hits: list[Hit]) -> list[Hit]:
    """One hit per event type: a verb trigger before a noun (in a clause, then in the
    sentence: *ses achats …, les Rafale commandés à X*), then the first."""
    best: dict[tuple[str, int], Hit] = {}
    for hit in hits:
        key = (hit.type, hit.verb)
        current = best.get(key)
        if current is None or (hit.token == hit.verb and current.token != current.verb):
            best[key] = hit
    doc = sent.doc
    ranked = sorted(best.values(), key=lambda h: (doc[h.token].pos_ != "VERB", h.token))
    out: list[Hit] = []
    for hit in ranked:
        same = [h for h in out if h.type == hit.type]
        if same and not all(_coordinated(doc[h.verb], doc[hit.verb]) for h in same):
            continue
        out.append(hit)
    return sorted(out, key=lambda h: h.token)


def _coordinated(first: Token, second: Token) -> bool:
    """Whether two verbs head coordinated clauses (*X a commandé … et Y a commandé …*)."""
    if first.i == second.i or first.pos_ != "VERB" or second.pos_ != "VERB":
        return False
    return (second.dep_ == "conj" and second.head == first) or (
        first.dep_ == "conj" and first.head == second
    )
