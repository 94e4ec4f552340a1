"""The four attribution constructions, found over the sentences of a Doc (see
``attribution``): quotes with their verbs, *selon X*, *X affirme que*, and incises."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from veille.nlp.attribution import (
    BOUNDARIES,
    INCISE_MAX,
    QUOTE_CHARS,
    SUBJECT_DEPS,
    Cue,
    Parts,
    VerbHit,
    char_region,
    segment_end,
    split_region,
    subject_region,
    verb_at,
    verbs_in,
)
from veille.nlp.mentions import low, text_of
from veille.nlp.quote_lexicon import QuoteLexicon
from veille.nlp.quotemarks import Passage, trimmed
from veille.nlp.sources import phrase_at

# obl:arg: the parse's reading of *a démenti mardi des informations*
OBJECT_DEPS = {"obj", "dobj", "ccomp", "xcomp", "obl:arg"}
BEFORE_GAP = 14
AFTER_GAP = 10


def token_at(doc: Doc, char: int) -> int:
    """The token holding character ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span.start
    return next((t.i for t in doc if t.idx + len(t.text) > char), len(doc) - 1)


def _sent_end(doc: Doc, i: int) -> int:
    return doc[i].sent.end


# -- quotes ------------------------------------------------------------------------------


def quote_cues(doc: Doc, passages: list[Passage], lex: QuoteLexicon) -> list[Cue]:
    """Each passage with the verb after it, else the verb before it; passages left without
    a verb are not attributions (titles, scare quotes) and are dropped."""
    cues = []
    for passage in passages:
        cue = _after_quote(doc, passage, lex) or _before_quote(doc, passage, lex)
        if cue is not None:
            cues.append(cue)
    return cues


def _after_quote(doc: Doc, passage: Passage, lex: QuoteLexicon) -> Cue | None:
    if passage.close_mark is None:
        return None
    j = token_at(doc, passage.close_mark) + 1
    end = _sent_end(doc, j - 1)
    if j < end and doc[j].text in {",", "—", "–"}:
        j += 1
    if j >= end:
        return None
    verb = verb_at(doc, j, lex) or next(
        (h for h in verbs_in(doc, j, min(end, j + 5), lex) if h.start == j), None
    )
    passage = _from_clause_start(doc, passage, lex)
    if verb is not None:
        stop = _clause_stop(doc, verb.end, end)
        parts = split_region(doc, verb.end, stop, lex, addressee=True)
        return _cue(doc, passage, verb, parts.speaker, parts, "quote")
    for hit in verbs_in(doc, j, min(end, j + AFTER_GAP), lex):
        if all(t.pos_ in ("CCONJ", "ADV") for t in doc[j : hit.start]):
            return None  # *« … » and said that…*: a verb of the sentence's own subject
        stop = _clause_stop(doc, hit.end, end)
        parts = split_region(doc, hit.end, stop, lex, addressee=True, told=hit.lemma == "tell")
        return _cue(doc, passage, hit, (j, hit.start), parts, "quote")
    return None


def _from_clause_start(doc: Doc, passage: Passage, lex: QuoteLexicon) -> Passage:
    """A quotation that ends the clause its sentence opens, the verb after it (*The
    missiles will be delivered “within months,” a spokesperson said*), is reported from
    the start of the sentence; not when a mark, boundary or reporting verb comes between."""
    if passage.open_mark is None or not passage.opened:
        return passage
    o = token_at(doc, passage.open_mark)
    sent = doc[o].sent
    before = doc[sent.start : o]
    if len(before) < 2 or any(t.text in BOUNDARIES for t in before):
        return passage
    if verbs_in(doc, sent.start, o, lex):
        return passage
    return Passage(sent.start_char, passage.end, passage.open_mark, passage.close_mark)


def _clause_stop(doc: Doc, start: int, end: int) -> int:
    for i in range(start, end):
        if doc[i].text in QUOTE_CHARS or doc[i].text in {";", "."}:
            return i
    return end


def _before_quote(doc: Doc, passage: Passage, lex: QuoteLexicon) -> Cue | None:
    if passage.open_mark is None:
        return None
    o = token_at(doc, passage.open_mark)
    sent = doc[o].sent
    hits = [h for h in verbs_in(doc, max(sent.start, o - BEFORE_GAP), o, lex)]
    hits = [h for h in hits if not any(t.text in QUOTE_CHARS for t in doc[h.end : o])]
    if not hits:
        return None
    verb = hits[-1]
    parts = split_region(doc, verb.end, o, lex, addressee=True, told=verb.lemma == "tell")
    first = _clause_start(doc, verb, parts, o, lex)
    if first < o:  # *said the drones would be delivered and would strengthen its “…”*
        passage = Passage(doc[first].idx, passage.end, passage.open_mark, passage.close_mark)
    return _cue(doc, passage, verb, subject_region(doc, verb, sent), parts, "quote")


def _clause_start(doc: Doc, verb: VerbHit, parts: Parts, mark: int, lex: QuoteLexicon) -> int:
    """Where the reported clause that holds a quotation begins: after the complementiser
    (*said on Monday that Washington should “…”*), else right after the verb and whom it
    was said to when a subject follows (*said the drones would … “…”*); ``mark`` (the
    quotation alone) when the quotation opens the clause."""
    k = verb.end
    if parts.addressee is not None and parts.addressee[0] <= k + 1:
        k = parts.addressee[1]
    for q in range(k, mark):
        if low(doc[q].text) in lex.complementisers:
            return q + 1
    between = doc[k:mark]
    if len(between) >= 2 and between[0].pos_ in ("DET", "NOUN", "PROPN", "PRON"):
        return k
    return mark


def _cue(
    doc: Doc, passage: Passage, verb: VerbHit, speaker: tuple[int, int], parts: Parts, kind: str
) -> Cue:
    return Cue(
        (passage.start, passage.end),
        (verb.start, verb.end),
        clitic_subject(doc, verb) or speaker,
        kind,
        marked=True,
        opened=passage.opened,
        addressee=parts.addressee,
        relayed=parts.relayed,
        citing=parts.citing,
    )


def clitic_subject(doc: Doc, verb: VerbHit) -> tuple[int, int] | None:
    """The subject pronoun inside an inverted verb (*a-t-il affirmé*)."""
    for i in range(verb.start, verb.head):
        if doc[i].pos_ == "PRON" and low(doc[i].text).lstrip("-") not in ("t", "on", "se", "s'"):
            return i, i + 1
    return None


def anchor_unopened(doc: Doc, passage: Passage, cue_tokens: set[int]) -> Passage:
    """An unopened passage starts at the first sentence after the last one that holds an
    attribution (a closing quote or a cue), within its paragraph."""
    if passage.opened or passage.close_mark is None:
        return passage
    close = token_at(doc, passage.close_mark)
    start = passage.start
    first = doc[token_at(doc, passage.start)].sent.start
    for sent in doc.sents:
        if sent.start < first:
            continue
        if sent.end > close:
            break
        if any(i in cue_tokens or doc[i].text in QUOTE_CHARS for i in range(sent.start, sent.end)):
            start = sent.end_char
    lo, hi = trimmed(text_of(doc), max(start, passage.start), passage.end)
    return Passage(lo, hi, None, passage.close_mark) if hi > lo else passage


# -- selon X, according to X -------------------------------------------------------------


def preposition_cues(doc: Doc, sent: Span, lex: QuoteLexicon) -> list[Cue]:
    cues = []
    for i in range(sent.start, sent.end):
        phrase = phrase_at(doc, i, lex.prepositions)
        after = i + len(phrase) if phrase else i
        if not phrase or after >= sent.end or low(doc[after].text) in lex.preposition_blockers:
            continue
        cue = _preposition_cue(doc, sent, i, after, lex)
        if cue is not None:
            cues.append(cue)
    return cues


def _preposition_cue(doc: Doc, sent: Span, i: int, after: int, lex: QuoteLexicon) -> Cue | None:
    end = segment_end(doc, after, sent.end, lex)
    while end < sent.end - 1 and doc[end].text == "," and _continues_source(doc, end + 1, lex):
        end = segment_end(doc, end + 1, sent.end, lex)
    rest = [t for t in doc[end : sent.end] if not t.is_punct]
    if len(rest) >= 2:
        first = end + 1 if doc[end].text in BOUNDARIES else end
        passage = (doc[first].idx, sent.end_char)
    else:
        stop = i
        while stop > sent.start and doc[stop - 1].is_punct:
            stop -= 1
        passage = char_region(doc, sent.start, stop)
    lo, hi = trimmed(text_of(doc), *passage)
    if hi <= lo:
        return None
    parts = split_region(doc, after, end, lex, addressee=False)
    return Cue(
        (lo, hi),
        (i, after),
        parts.speaker,
        "preposition",
        relayed=parts.relayed,
        citing=parts.citing,
    )


def _continues_source(doc: Doc, i: int, lex: QuoteLexicon) -> bool:
    word = low(doc[i].text)
    return (
        word in lex.relative_skip
        or phrase_at(doc, i, lex.citing) is not None
        or phrase_at(doc, i, lex.relayed_by) is not None
    )


# -- X affirme que, X said (that) --------------------------------------------------------


def verb_cues(doc: Doc, sent: Span, lex: QuoteLexicon, taken: set[int]) -> list[Cue]:
    cues = []
    for hit in verbs_in(doc, sent.start, sent.end, lex):
        if hit.head in taken:
            continue
        cue = _that_clause(doc, sent, hit, lex)
        if cue is None and not _incise_verb(doc, sent, hit, lex):
            cue = _object_clause(doc, sent, hit, lex)
        if cue is not None:
            cues.append(cue)
    return cues


def _incise_verb(doc: Doc, sent: Span, hit: VerbHit, lex: QuoteLexicon) -> bool:
    """A verb right after a comma, in a short clause: the incise rules read it."""
    if hit.start == sent.start or doc[hit.start - 1].text != ",":
        return False
    if _subject_before(doc, hit, hit.start - 1):
        return False
    return segment_end(doc, hit.end, sent.end, lex) - hit.start <= INCISE_MAX


def _has_object(doc: Doc, hit: VerbHit) -> bool:
    verb = doc[hit.head]
    return any(c.i >= hit.end and c.dep_ in OBJECT_DEPS for c in verb.children)


def _object_after_day(doc: Doc, hit: VerbHit, sent: Span, lex: QuoteLexicon) -> bool:
    """A noun phrase right after the day words (*a démenti jeudi les informations*)."""
    i = hit.end
    while i < sent.end and low(doc[i].text) in lex.time_words:
        i += 1
    return i > hit.end and i < sent.end and doc[i].pos_ == "DET"


def _subject_before(doc: Doc, hit: VerbHit, comma: int) -> bool:
    """Whether the verb's subject opens the sentence, no other verb between it and the
    comma: *Le porte-parole, X, a démenti toute discussion* is a statement, no incise."""
    verb = doc[hit.head]
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < comma]
    opening = [s for s in subjects if s.left_edge.i == s.sent.start]
    return any(not any(_finite(t) for t in doc[s.i : comma]) for s in opening)


def _finite(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm", [])


def _that_clause(doc: Doc, sent: Span, hit: VerbHit, lex: QuoteLexicon) -> Cue | None:
    if "que" not in hit.complements:
        return None
    for q in range(hit.end, min(sent.end, hit.end + BEFORE_GAP)):
        text = low(doc[q].text)
        if text in QUOTE_CHARS or text in {".", ";"}:
            return None
        if verb_at(doc, q, lex) is not None and phrase_at(doc, q, lex.citing) is None:
            return None
        if text in lex.complementisers and q + 1 < sent.end:
            if doc[q + 1].text in QUOTE_CHARS:
                return None  # the quote's own cue
            parts = split_region(doc, hit.end, q, lex, addressee=True, told=hit.lemma == "tell")
            passage = trimmed(text_of(doc), doc[q + 1].idx, sent.end_char)
            return Cue(
                passage,
                (hit.start, hit.end),
                subject_region(doc, hit, sent, relative=True),
                "verb",
                addressee=parts.addressee,
                relayed=parts.relayed,
                citing=parts.citing,
            )
    return None


def _object_clause(doc: Doc, sent: Span, hit: VerbHit, lex: QuoteLexicon) -> Cue | None:
    if "object" not in hit.complements or hit.end >= sent.end - 1:
        return None
    nxt = doc[hit.end]
    if nxt.is_punct or nxt.text in QUOTE_CHARS or hit.lemma == "tell":
        return None
    if (nxt.pos_ == "ADP" or low(nxt.text) in lex.time_words) and not (
        _has_object(doc, hit) or _object_after_day(doc, hit, sent, lex)
    ):
        return None  # *the ministry said on Tuesday.*: no object, an incise's verb
    subject = subject_region(doc, hit, sent)
    if subject[0] >= subject[1]:
        return None
    passage = trimmed(text_of(doc), nxt.idx, sent.end_char)
    return Cue(passage, (hit.start, hit.end), subject, "verb")


# -- incises: …, précise le site. / …, the sources said. ---------------------------------


def incise_cues(doc: Doc, sent: Span, lex: QuoteLexicon, taken: set[int]) -> list[Cue]:
    cues = []
    commas = [i for i in range(sent.start, sent.end) if doc[i].text == ","]
    for comma in commas:
        cue = _incise(doc, sent, comma, lex, taken)
        if cue is not None:
            cues.append(cue)
    return cues


def _incise(doc: Doc, sent: Span, comma: int, lex: QuoteLexicon, taken: set[int]) -> Cue | None:
    start = comma + 1
    stop = segment_end(doc, start, sent.end, lex)
    while stop < sent.end and doc[stop].text not in {",", ";"} | QUOTE_CHARS:
        stop = segment_end(doc, stop + 1, sent.end, lex)  # a complementiser is no end here
    if stop - start > INCISE_MAX or start >= sent.end:
        return None
    hits = [h for h in verbs_in(doc, start, stop, lex) if h.head not in taken]
    if not hits or _has_that(doc, hits[0], stop, lex):
        return None
    hit = hits[0]
    tail = _tail(doc, stop, sent.end, lex)
    first = start + (1 if low(doc[start].text) in lex.relative_skip | {"as", "comme"} else 0)
    if hit.start <= first and (first > start or _subject_before(doc, hit, comma)):
        return None  # *…, qui évoque X*, *Le porte-parole, X, a démenti Y*: no incise
    if hit.start <= first:
        parts = split_region(doc, hit.end, tail, lex, addressee=True)
        speaker = clitic_subject(doc, hit) or _with_apposition(doc, parts.speaker, tail, lex)
    else:
        parts = split_region(doc, hit.end, tail, lex, addressee=True, told=hit.lemma == "tell")
        speaker = (first, hit.start)
    final = tail >= sent.end - 1 or all(t.is_punct for t in doc[tail : sent.end])
    passage = char_region(doc, sent.start, comma) if final else (sent.start_char, sent.end_char)
    lo, hi = trimmed(text_of(doc), *passage)
    if hi <= lo:
        return None
    return Cue(
        (lo, hi),
        (hit.start, hit.end),
        speaker,
        "incise",
        addressee=parts.addressee,
        relayed=parts.relayed,
        citing=parts.citing,
    )


def _has_that(doc: Doc, hit: VerbHit, stop: int, lex: QuoteLexicon) -> bool:
    return any(low(t.text) in lex.complementisers for t in doc[hit.end : stop])


def _tail(doc: Doc, stop: int, end: int, lex: QuoteLexicon) -> int:
    """The incise goes on over segments that say more of its speaker (*, qui cite X*,
    *, cité par X*, *, speaking on condition of anonymity*)."""
    while stop < end - 1 and doc[stop].text == ",":
        nxt = stop + 1
        if not (_continues_source(doc, nxt, lex) or doc[nxt].pos_ in ("DET", "PROPN", "NOUN")):
            break
        if doc[nxt].pos_ in ("DET", "PROPN", "NOUN") and not _short(doc, nxt, end, lex):
            break
        stop = segment_end(doc, nxt, end, lex)
    return stop


def _short(doc: Doc, start: int, end: int, lex: QuoteLexicon) -> bool:
    return segment_end(doc, start, end, lex) - start <= 8


def _with_apposition(
    doc: Doc, speaker: tuple[int, int], tail: int, lex: QuoteLexicon
) -> tuple[int, int]:
    """*le porte-parole du ministère, le général X*: the apposition names the speaker;
    a relative clause (*le site X, qui évoque …*) says more of it and is left out."""
    start, end = speaker
    comma = next((i for i in range(start, end) if doc[i].text == ","), end)
    if comma < end and low(doc[comma + 1].text) in lex.relative_skip:
        return start, comma
    if end < tail and doc[end].text == ",":
        nxt = end + 1
        stop = next((i for i in range(nxt, tail) if doc[i].text == ","), tail)
        return start, stop
    return speaker
