"""The date and modality of an event.

Date: a date expression of the trigger's clause, else of the verb it is the infinitive
complement of (*had agreed late last year to buy*), else one elsewhere in the sentence that
no speech verb governs (*a confié le 13 août que…* dates the statement, not the event);
else, for a decision told in the past with no date of its own, the date of the statement
that reports it (*the agency said on June 4 that the State Department had approved a
sale*); else, when the sentence continues the previous one's episode, that sentence's
date: it says so (*À cette occasion*, *ensuite*), or the previous sentence told of an
event and dated it (*Début août, une délégation a été conviée… La MAFAT a organisé des
démonstrations*). Durations (*depuis quelques mois*) date nothing. A relative or
participle clause on another word (*les frégates commandées en 2017*) dates its own act,
and a sum over a period (*Depuis 2022, X a commandé au total…*) none.

Modality: a denial anywhere in the sentence (*a démenti les informations selon
lesquelles…*); else a hedge (the conditional, *pourrait*, *envisager*, *could*) or a plan
(the future, *prévoit de*, *doit être livré*, *will*) in the trigger's clause and the
verbs that govern it; else ``reported`` when the sentence has a source, ``asserted``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from veille.nlp.events_lexicon import EventLexicon, Phrase, load_event_lexicon
from veille.nlp.events_triggers import Hit
from veille.nlp.mentions import low, text_of

MODIFIER_DEPS = {"acl", "amod", "acl:relcl", "relcl"}
SEPARATE_CLAUSES = {"conj", "parataxis", "ccomp"}
TEMPORAL_MARKS = {
    "when",
    "after",
    "before",
    "once",
    "until",
    "lorsque",
    "quand",
    "après",
    "avant",
    "dès",
}
OWN_CLAUSE_DEPS = MODIFIER_DEPS | SEPARATE_CLAUSES | {"advcl"}
PLACE_RELATIVES = {"où", "where"}
SINCE = {"depuis", "since"}  # a date opening a period (*depuis 2022*, *since February 2022*)
TOTALS = (("au", "total"), ("en", "tout"), ("in", "total"), ("in", "all"))  # a sum over a period
SPEECH_LINKS = {"ccomp", "parataxis", "conj"}
# acts decided on a day, which their announcement dates (not deliveries, talks or plans)
DECISIONS = {"order", "agreement", "offer", "joint_production"}


@dataclass(frozen=True)
class DatedSpan:
    """A date expression of the Doc: characters ``start:end`` and its TIMEX3 value."""

    start: int
    end: int
    value: str


class SentenceDates(list[tuple[DatedSpan, Token]]):
    """The date expressions of a sentence that no speech verb governs, each with its first
    token; ``speech`` holds the others, each with its first token and the speech verb, unless
    the sentence denies (*a démenti mardi toute discussion*: a denial dates nothing it denies)."""

    def __init__(
        self,
        dates: list[tuple[DatedSpan, Token]],
        speech: list[tuple[DatedSpan, Token, Token]],
    ) -> None:
        super().__init__(dates)
        self.speech = speech


PERIOD_ENDS = {  # the last month of a part of a year (*l'été 2025*: 2025-SU, ends in August)
    "SP": 5, "SU": 8, "FA": 11, "WI": 12, "Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "H1": 6, "H2": 12
}  # fmt: skip


def period_end(value: str | None) -> tuple[int, int] | None:
    """(year, month) of the end of a timex value naming a part of a year (a season, a
    quarter, a half: ``2025-SU`` ends in August 2025), else None."""
    if not value or len(value) != 7 or not value[:4].isdigit() or value[4] != "-":
        return None
    month = PERIOD_ENDS.get(value[5:])
    return (int(value[:4]), month) if month else None


def sentence_dates(
    doc: Doc, sent: Span, timexes: list[DatedSpan], lex: EventLexicon
) -> SentenceDates:
    """The date expressions of a sentence, those a speech verb governs apart."""
    out: list[tuple[DatedSpan, Token]] = []
    speech: list[tuple[DatedSpan, Token, Token]] = []
    for timex in timexes:
        if not sent.start_char <= timex.start < sent.end_char:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        verb = _governing_verb(span.root)
        if verb is not None and low(verb.lemma_) in lex.reporting:
            speech.append((timex, span.root, verb))
            continue
        out.append((timex, span.root))
    return SentenceDates(out, [] if _has_phrase(sent, lex.modality.denial) else speech)


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "aux:tense", "cop"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def own_date(doc: Doc, hit: Hit, dates: list[tuple[DatedSpan, Token]]) -> str | None:
    """The date of the hit's clause, else the closest date of its sentence, else the date
    of the statement that reports it."""
    verb = doc[hit.verb]
    if _totals(doc[hit.verb]):
        dates = _without_periods(doc, dates)
    trigger = doc[hit.token]
    retelling = _retelling(doc, hit)

    def nested(token: Token) -> bool:
        return _nested_clause(token, verb, trigger, retelling)

    inside = [d for d, root in dates if _in_clause(root, verb, nested, retelling)]
    inside = inside or _controller_dates(verb, dates)
    if verb.dep_ in MODIFIER_DEPS:
        # *les Rafale commandés à Dassault*: a participle tells background; but *s'est rendu
        # le 14 juin en Israël, où Elbit lui a présenté…* tells what happened there, then
        pool = inside or _host_dates(verb, dates)
    else:
        pool = inside or [
            d for d, root in dates if _opens(doc, d, root) or not _in_other_clause(root, verb)
        ]
    if not pool:
        return _reported_date(verb, dates) if hit.type in DECISIONS else None
    return min(pool, key=lambda d: abs(d.start - trigger.idx)).value


def _controller_dates(verb: Token, dates: list[tuple[DatedSpan, Token]]) -> list[DatedSpan]:
    """The dates of the verb whose infinitive complement the hit's verb is (*had agreed late
    last year to buy*): the decision dates the act (a speech verb's dates are set apart)."""
    controller = verb
    while controller.dep_ == "xcomp" and controller.head.i != controller.i:
        controller = controller.head
    if controller.i == verb.i:
        return []
    return [d for d, root in dates if _clause_verb_is(root, controller)]


def _clause_verb_is(token: Token, verb: Token) -> bool:
    governor = _governing_verb(token)
    return governor is not None and governor.i == verb.i


def _without_periods(
    doc: Doc, dates: list[tuple[DatedSpan, Token]]
) -> list[tuple[DatedSpan, Token]]:
    """The dates that do not open a period: *Depuis 2022, X a commandé au total…* sums acts
    repeated over the period, none of them on its first day (but *a fourni des hélicoptères
    depuis 2021* dates the first delivery). Kept as a ``SentenceDates``."""
    kept = [(d, root) for d, root in dates if not _opens_period(doc, d)]
    if isinstance(dates, SentenceDates):
        return SentenceDates(kept, dates.speech)
    return kept


def _totals(verb: Token) -> bool:
    """Whether a verb's clause sums its acts (*a commandé au total*, *in all*)."""
    words = _own_words(verb)
    return any(_starts(words, i, phrase) for phrase in TOTALS for i in range(len(words)))


def _opens_period(doc: Doc, date: DatedSpan) -> bool:
    """Whether a date expression is introduced by *depuis* / *since* (inside it or before it)."""
    text = text_of(doc)
    first = text[date.start : date.end].split()[:1]
    before = text[max(0, date.start - 12) : date.start].split()[-1:]
    return any(low(word) in SINCE for word in [*first, *before])


def _reported_date(verb: Token, dates: list[tuple[DatedSpan, Token]]) -> str | None:
    """The date of the statement that reports a completed act (*the agency said on Tuesday
    that the State Department had approved a sale*, *X a signé un contrat, a indiqué mardi
    le ministère*): the act has no date of its own, its announcement dates it. A state or a
    plan (*a confié le 13 août que les FAR envisagent…*) is not dated by its report."""
    if not isinstance(dates, SentenceDates):
        return None
    for timex, _, speech in dates.speech:
        if speech.i == verb.i:
            return timex.value  # *ont annoncé en novembre la création d'une coentreprise*
    if not _completed(verb):
        return None
    for timex, _, speech in dates.speech:
        if _reports(speech, verb) and not _pluperfect(speech):
            return timex.value
    return None


def _reports(speech: Token, verb: Token) -> bool:
    """Whether a speech verb reports the verb's clause: the clause is its complement, or it
    is a parenthesis of the clause (*…, the ministry said on Wednesday*)."""
    if speech.head.i == verb.i and speech.dep_ in SPEECH_LINKS:
        return True
    token = verb
    for _ in range(3):
        if token.dep_ not in SPEECH_LINKS or token.head.i == token.i:
            return False
        token = token.head
        if token.i == speech.i:
            return True
    return False


def _completed(verb: Token) -> bool:
    """Whether a verb tells a completed act: a simple past or a perfect (*signed*, *has
    approved*, *had approved*, *a signé*), not a conditional, a modal, a future or a
    progressive form."""
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if any(_open(word) for word in group):
        return False
    if any(_simple_past(word) for word in group):
        return True
    perfect = [c for c in group[1:] if c.dep_ in ("aux", "aux:tense")]
    return "Part" in verb.morph.get("VerbForm", []) and bool(perfect)


def _open(word: Token) -> bool:
    """A conditional, future, modal or progressive form: no completed act."""
    morph = word.morph
    return (
        "Cnd" in morph.get("Mood", [])
        or "Fut" in morph.get("Tense", [])
        or word.tag_ == "MD"
        or ("Part" in morph.get("VerbForm", []) and "Pres" in morph.get("Tense", []))
    )


def _pluperfect(verb: Token) -> bool:
    """*avait affirmé le 27 septembre que…*, *had said*: an earlier claim, background to the
    news, whose date does not date what it claimed."""
    return any(
        c.dep_ in ("aux", "aux:tense") and {"Past", "Imp"} & set(c.morph.get("Tense", []))
        for c in verb.children
    )


def _simple_past(word: Token) -> bool:
    return "Past" in word.morph.get("Tense", []) and "Fin" in word.morph.get("VerbForm", [])


def _in_clause(
    token: Token,
    verb: Token,
    nested: Callable[[Token], bool] | None = None,
    retelling: frozenset[str] = frozenset(),
) -> bool:
    """Whether a token belongs to the verb's clause, not to a clause coordinated with it nor
    to a clause ``nested`` in it (see ``_nested_clause``), nor to an adverbial clause of its
    own act, unless one whose verb is in ``retelling`` retells the event as done (*supplied
    four radars, the last of which was delivered in 2024*)."""
    for _ in range(12):
        if token.i == verb.i:
            return True
        if token.head.i == token.i:
            return False
        if token.pos_ in ("VERB", "AUX") and token.dep_ in SEPARATE_CLAUSES:
            return False
        if nested is not None and nested(token):
            return False
        if _adverbial_clause(token) and not _retells_done(token, retelling):
            return False
        token = token.head
    return False


def _retells_done(token: Token, retelling: frozenset[str]) -> bool:
    return low(token.lemma_) in retelling and not _open(token)


def _adverbial_clause(token: Token) -> bool:
    """An adverbial clause with a subject of its own that does not say when (*as the kingdom
    aims to spend … by 2030*, *alors que Rome prévoit…*): it tells its own act."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ != "advcl" or not _has_subject(token):
        return False
    marks = [c for c in token.children if c.dep_ in ("mark", "advmod") and c.i < token.i]
    return not any(low(c.text) in TEMPORAL_MARKS for c in marks)


def _retelling(doc: Doc, hit: Hit) -> frozenset[str]:
    """The lemmas that raise the hit's event type: a clause of one retells the event."""
    lex = load_event_lexicon(doc.lang_)
    return frozenset(lemma for t in lex.triggers if t.type == hit.type for lemma in t.lemmas)


def _nested_clause(token: Token, verb: Token, trigger: Token, retelling: frozenset[str]) -> bool:
    """Whether a token heads a relative or participle clause telling an act of its own (*les
    unités commandées en 2018*, *the Navy, which has been testing drones since March*): not
    the trigger's own, one qualifying a word of the trigger's phrase (*an order for 118
    vehicles placed last year*), one retelling the event as done (*they would fly the CH-92A
    that Serbia received in 2020*) or qualifying a word of its type (*présenté lors d'une
    démonstration organisée en juin*), nor a name the tagger took for a participle."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ not in MODIFIER_DEPS:
        return False
    if not token.text[:1].islower() or token.i == trigger.i:
        return False
    if low(token.lemma_) in retelling and not _open(token):
        return False
    if low(token.head.lemma_) in retelling:
        return False  # *présenté lors d'une démonstration organisée en juin*
    phrase = trigger.pos_ == "NOUN" or trigger.dep_ in MODIFIER_DEPS
    if phrase and token.head in trigger.subtree:
        return False
    return token.head.i != verb.i


def _host_dates(verb: Token, dates: list[tuple[DatedSpan, Token]]) -> list[DatedSpan]:
    """The dates of the clause that a place relative (*où*, *where*) hangs on."""
    words = [verb.head, *verb.children]  # the parse may hang the clause on *où*
    if not any(low(w.text) in PLACE_RELATIVES for w in words):
        return []
    host = _governing_verb(verb.head)
    if host is None or host.i == verb.i:
        return []
    return [d for d, root in dates if _opens(root.doc, d, root) or _in_clause(root, host)]


def _opens(doc: Doc, date: DatedSpan, root: Token) -> bool:
    """Whether a date opens its sentence, set off by a comma (*La semaine dernière, une
    délégation … s'est rendue à Mérignac, où l'avionneur lui a présenté…*): it frames the
    whole sentence, whatever clause the parse hangs it on."""
    sent = root.sent
    lead = text_of(doc)[sent.start_char : date.start]
    return len(lead.split()) <= 1 and text_of(doc)[date.end : date.end + 1] == ","


def _in_other_clause(token: Token, verb: Token) -> bool:
    """Whether a date lies in a clause of its own, relative, coordinated or adverbial, or in a
    complement of one (*que la Serbie a reçus en 2020*, *as the kingdom aims to spend … by
    2030*): it dates that clause."""
    governor = _governing_verb(token)
    if governor is None or governor.i == verb.i:
        return False
    if verb.dep_ in ("conj", "parataxis") and _under(token, verb.head, verb):
        return True  # *aurait reçu une batterie en octobre et négocierait…*: the first one's
    for clause in (governor, *governor.ancestors):  # *as the kingdom aims to spend … by 2030*
        if clause.i == verb.i:
            return False
        if clause.pos_ in ("VERB", "AUX") and clause.dep_ in OWN_CLAUSE_DEPS:
            return True
    return False


def _under(token: Token, head: Token, verb: Token) -> bool:
    """Whether a token hangs from ``head`` without passing through ``verb``."""
    for ancestor in token.ancestors:
        if ancestor.i == verb.i:
            return False
        if ancestor.i == head.i:
            return True
    return False


def continues_episode(sent: Span, lex: EventLexicon) -> bool:
    """Whether the sentence opens by saying it continues the previous one's episode."""
    words = [low(t.text) for t in sent[:8]]
    return any(_starts(words, i, phrase) for phrase in lex.episode for i in range(len(words)))


def _starts(words: list[str], i: int, phrase: Phrase) -> bool:
    return tuple(words[i : i + len(phrase)]) == phrase


def _has_phrase(sent: Span, phrases: tuple[Phrase, ...]) -> bool:
    words = [low(t.text) for t in sent]
    present = set(words)  # a phrase whose first word is absent cannot start anywhere
    return any(
        _starts(words, i, p)
        for p in phrases
        if p and p[0] in present
        for i in range(len(words))
        if words[i] == p[0]
    )


def _clause_tokens(doc: Doc, hit: Hit) -> list[Token]:
    """The trigger, its clause verb with auxiliaries, and the verbs governing it (*pourrait
    signer*), up to a coordinated or adverbial clause with a subject of its own."""
    verb = doc[hit.verb]
    tokens = [doc[hit.token], verb, *_auxiliaries(verb)]
    head = verb
    for _ in range(2):
        if head.head.i == head.i or head.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
            break
        if head.dep_ in ("advcl", "conj") and _has_subject(head):
            break  # a clause of its own: *les discussions ont repris, et un accord pourrait…*
        head = head.head
        tokens += [head, *_auxiliaries(head)]
    return tokens


def _auxiliaries(verb: Token) -> list[Token]:
    """The auxiliaries and copula of a verb or predicate (*serait en discussions*)."""
    return [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]


def _own_words(verb: Token) -> list[str]:
    """The words of a verb's clause, without the relative, participial and coordinated
    clauses inside it (*une feuille de route, qui prévoit des essais d'ici 2026*: a plan of
    the road map)."""
    nested = {
        t.i
        for c in verb.subtree
        if c.i != verb.i and (_relative(c) or _own_clause(c))
        for t in c.subtree
    }
    return [low(t.text) for t in verb.subtree if t.i not in nested]


def _own_clause(token: Token) -> bool:
    """Whether a verb heads a clause coordinated with its own subject (*les discussions
    ont repris, et un accord pourrait être trouvé d'ici l'été*), or with a tense of its own
    (*a reçu un premier lot et attend le reste d'ici l'été*: a finite verb coordinated with
    a compound tense tells another act)."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ not in SEPARATE_CLAUSES:
        return False
    return _has_subject(token) or _tense_of_its_own(token)


def _tense_of_its_own(token: Token) -> bool:
    """Whether a coordinated verb is finite while the verb it joins has an auxiliary."""
    head = token.head
    compound = any(c.dep_.startswith("aux") for c in head.children) and not _auxiliaries(token)
    return token.dep_ == "conj" and compound and "Fin" in token.morph.get("VerbForm", [])


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for c in verb.children)


def _relative(token: Token) -> bool:
    """Whether a verb heads a relative or participial clause (by its dependency, or by a
    relative pronoun among its dependants where the parse makes it a complement)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ in MODIFIER_DEPS:
        return True
    return any("Rel" in c.morph.get("PronType", []) for c in token.children)


def _finite_ending(token: Token, endings: tuple[str, ...]) -> bool:
    """Whether a finite verb ends like a mood or tense (for tags the tagger misses)."""
    finite = token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm", [])
    return finite and bool(endings) and low(token.text).endswith(endings)


def _conditional(token: Token, lex: EventLexicon) -> bool:
    if "Cnd" in token.morph.get("Mood", []):
        return True
    return _finite_ending(token, lex.modality.conditional_endings)


def _future(token: Token, lex: EventLexicon) -> bool:
    if "Fut" in token.morph.get("Tense", []) and token.pos_ in ("VERB", "AUX"):
        return True
    return _finite_ending(token, lex.modality.future_endings)


def _subject_predicate(noun: Token) -> list[Token]:
    """The predicate of a trigger noun that is its clause's subject, with its auxiliaries in
    text order (*les livraisons sont attendues en 2027*, *the sale is expected*)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass"):
        return []
    return sorted([noun.head, *_auxiliaries(noun.head)], key=lambda t: t.i)


def _lemma_forms(token: Token) -> set[str]:
    """A token's lemma and the stems of its inflected form, for the lemmas the tagger
    mangles (*hoped* lemmatised *hop*: the form gives *hope*)."""
    form = low(token.text)
    forms = {low(token.lemma_), form}
    for ending, cut in (("ed", 1), ("ed", 2), ("s", 1)):
        if form.endswith(ending) and len(form) > cut + 2:
            forms.add(form[:-cut])
    return forms


def own_modality(doc: Doc, sent: Span, hit: Hit, lex: EventLexicon) -> str | None:
    """``denied``, ``hedged`` or ``planned`` from this extractor's own cues, else None."""
    cues = lex.modality
    if _has_phrase(sent, cues.denial):
        return "denied"
    predicate = _subject_predicate(doc[hit.verb])
    tokens = _clause_tokens(doc, hit) + predicate
    lemmas = {form for t in tokens for form in _lemma_forms(t)}
    if any(_conditional(t, lex) for t in tokens) or lemmas & cues.hedge_lemmas:
        return "hedged"
    words = _own_words(doc[hit.verb]) + [low(t.text) for t in predicate]
    hedge_words = () if hit.entry.approval else cues.hedge_words  # *a possible sale*
    if any(_starts(words, i, p) for p in hedge_words for i in range(len(words))):
        return "hedged"
    if any(_future(t, lex) for t in tokens) or lemmas & cues.plan_lemmas:
        return "planned"
    if any(_starts(words, i, p) for p in cues.plan_words for i in range(len(words))):
        return "planned"
    return None


def event_modality(
    doc: Doc, sent: Span, hit: Hit, lex: EventLexicon, sourced: bool, attributed: str | None
) -> str:
    """The modality of an event: this extractor's cues, else a denial the quote component
    saw in the sentence (``attributed``), else ``reported`` when the sentence has a source."""
    own = own_modality(doc, sent, hit, lex)
    if own is not None:
        return own
    if attributed == "denied":
        return "denied"
    return "reported" if sourced else "asserted"
