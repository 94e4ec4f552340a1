"""Reporting cues over a Doc: who says a passage, with which verb or phrase.

Five constructions, each a function that returns ``Cue``s (token regions, nothing
resolved yet):

- ``quote_cues``: a passage in quotation marks and the verb after it (*», révèle X*,
  *," X said*) or before it (*X a confié à Y que «*);
- ``preposition_cues``: *selon X, …*, *…, d'après X*, *according to X*;
- ``verb_cues``: *X affirme que …*, *X said (that) …*, *X a démenti les informations…*;
- ``incise_cues``: a short clause after a comma (*…, précise le site*, *…, the sources said*);
- ``relative_report_cues`` (here): *les informations du quotidien X, selon lesquelles …*.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from veille.nlp.mentions import low, text_of
from veille.nlp.quote_lexicon import QuoteLexicon
from veille.nlp.quotemarks import trimmed
from veille.nlp.sources import phrase_at

QUOTE_CHARS = set('«»“”‹›"„')
BOUNDARIES = {",", ";", ":", "—", "–"} | QUOTE_CHARS
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "expl:subj"}
CLIMB_DEPS = {"conj", "advcl", "xcomp", "acl", "ccomp", "acl:relcl"}
INCISE_MAX = 16
RELATIVE_PRONOUNS = {"qui", "who", "which"}
QUALIFIER_DEPS = {"nmod", "amod", "flat:name", "flat", "compound", "appos", "pobj", "prep"}
Region = tuple[int, int]


@dataclass(frozen=True)
class VerbHit:
    """A reporting verb in the text: ``start:end`` with its auxiliaries, ``head`` the form."""

    start: int
    end: int
    head: int
    lemma: str
    complements: frozenset[str]


@dataclass(frozen=True)
class Cue:
    """An attribution found in the text, before its speaker is resolved.

    ``passage`` is in characters; the regions are token ranges: ``speaker`` the phrase
    that names who speaks, ``addressee`` whom they spoke to (*à Yabiladi*, *told Reuters*),
    ``relayed`` who relayed them (*cité par X*), ``citing`` whom they rely on (*citing X*)."""

    passage: tuple[int, int]
    verb: Region
    speaker: Region
    construction: str
    marked: bool = False
    opened: bool = True
    addressee: Region | None = None
    relayed: Region | None = None
    citing: Region | None = None


def verb_at(doc: Doc, i: int, lex: QuoteLexicon) -> VerbHit | None:
    """The reporting verb whose form starts at token ``i`` (lower case, not after a
    determiner), extended left over auxiliaries and clitics (*a-t-il affirmé*)."""
    if not doc[i].text[:1].islower() or (i and doc[i - 1].pos_ == "DET"):
        return None
    for entry in lex.verbs_by_first_word.get(low(doc[i].text), ()):
        if phrase_at(doc, i, (entry.form,)):
            return VerbHit(
                _extend_left(doc, i, lex), i + len(entry.form), i, entry.lemma, entry.complements
            )
    return _infinitive_at(doc, i, lex)


def _infinitive_at(doc: Doc, i: int, lex: QuoteLexicon) -> VerbHit | None:
    """A reporting verb in the infinitive after a lead (*s'est borné à rappeler que*,
    *s'est contenté de préciser*): the verb of its clause, its auxiliaries taken with the lead."""
    complements = lex.infinitives.get(low(doc[i].text))
    if complements is None:
        return None
    lead = next(
        (p for p in lex.infinitive_leads if i >= len(p) and phrase_at(doc, i - len(p), (p,))),
        None,
    )
    if lead is None:
        return None
    return VerbHit(_extend_left(doc, i - len(lead), lex), i + 1, i, low(doc[i].text), complements)


def _extend_left(doc: Doc, i: int, lex: QuoteLexicon) -> int:
    j = i
    while j > 0 and low(doc[j - 1].text) in lex.clitics:
        j -= 1
    k = j  # *a par ailleurs démenti*, *has also said*: an adverb inside the verb
    while k > 0 and j - k < 3 and doc[k - 1].pos_ in ("ADV", "ADP"):
        k -= 1
    insert = next(  # *a pour sa part indiqué*
        (p for p in lex.verb_inserts if k >= len(p) and phrase_at(doc, k - len(p), (p,))), None
    )
    k -= len(insert or ())
    if k < j and k > 0 and low(doc[k - 1].text) in lex.auxiliaries:
        j = k
    for _ in range(2):
        if j > 0 and low(doc[j - 1].text) in lex.auxiliaries:
            j -= 1
    return j


def verbs_in(doc: Doc, start: int, end: int, lex: QuoteLexicon) -> list[VerbHit]:
    found = []
    for i in range(start, end):
        hit = verb_at(doc, i, lex)
        if hit is not None and hit.end <= end:
            found.append(hit)
    return found


def char_region(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Characters of tokens ``start:end`` (empty at ``start`` when the range is empty)."""
    if start >= end:
        at = doc[start].idx if start < len(doc) else len(text_of(doc))
        return at, at
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def segment_end(doc: Doc, start: int, end: int, lex: QuoteLexicon) -> int:
    """The first clause boundary (comma, quote mark, complementiser) at or after ``start``."""
    for i in range(start, end):
        if doc[i].text in BOUNDARIES or low(doc[i].text) in lex.complementisers:
            return i
    return end


def _np_end(doc: Doc, start: int, end: int, lex: QuoteLexicon) -> int:
    """End of the noun phrase at ``start``: before the next determiner (after its own,
    if it has one: *à l'AFP une source*, *à RFI une source*) or boundary."""
    stop = segment_end(doc, start, end, lex)
    first = start + 2 if doc[start].pos_ == "DET" else start + 1
    for i in range(first, stop):
        if doc[i].pos_ == "DET" and doc[i - 1].pos_ not in ("ADP",):
            return i
    return stop


@dataclass(frozen=True)
class Parts:
    speaker: Region
    addressee: Region | None
    relayed: Region | None
    citing: Region | None


def split_region(
    doc: Doc, start: int, end: int, lex: QuoteLexicon, *, addressee: bool, told: bool = False
) -> Parts:
    """Split a speaker region into the speaker and who they spoke to, were relayed by or
    cite; ``told`` takes the words right after the verb as the addressee (*told Reuters*)."""
    addr = relayed = citing = None
    addr_at = -1
    cuts = [end]
    i = start
    if told and start < end and low(doc[start].text) not in lex.complementisers:
        addr, addr_at = (start, _np_end(doc, start, end, lex)), start
        i = addr[1]
    while i < end:
        hit_relay = phrase_at(doc, i, lex.relayed_by)
        hit_cite = phrase_at(doc, i, lex.citing)
        hit_addr = phrase_at(doc, i, lex.addressee) if addressee and addr is None else None
        if hit_relay or hit_cite:
            k = i + len(hit_relay or hit_cite or ())
            region = (k, segment_end(doc, k, end, lex))
            relayed, citing = (region, citing) if hit_relay else (relayed, region)
            cuts.append(i)
            i = max(region[1], i + 1)
        elif hit_addr and i + len(hit_addr) < end:
            k = i + len(hit_addr)
            addr, addr_at = (k, _np_end(doc, k, end, lex)), i
            cuts.append(i)
            i = max(addr[1], i + 1)
        else:
            i += 1
    first = addr[1] if addr is not None and addr_at == start else start
    stops = [c for c in cuts if c > first]
    return Parts((first, min(stops) if stops else end), addr, relayed, citing)


def subject_region(doc: Doc, verb: VerbHit, sent: Span, *, relative: bool = False) -> Region:
    """The subject of a verb from the parse, else the clause before it; a clause before
    it that names nobody (*…, tout en confirmant que*) gives the subject of the
    sentence's main verb, and a verb right after a comma the noun phrases set off
    before it (*X, porte-parole de Y, a démenti*); with ``relative``, a relative pronoun
    subject stands for its antecedent (*l'agence X, qui précise que*)."""
    found = _parsed_subject(doc, verb.head, verb.start, sent, relative)
    if found is not None:
        return found
    j = _segment_start(doc, verb.start, sent)
    if not all(_gerund_link(t) for t in doc[j : verb.start]):
        return j, verb.start
    root = sent.root
    if root.i < verb.start and root.i != verb.head and root.pos_ in ("VERB", "AUX"):
        root_start = min([c.i for c in root.children if c.dep_.startswith("aux")] + [root.i])
        found = _parsed_subject(doc, root.i, root_start, sent) or _after_comma(
            doc, root_start, sent
        )
        if found is not None:
            return found
    return _after_comma(doc, verb.start, sent) or (j, verb.start)


def _parsed_subject(
    doc: Doc, head: int, before: int, sent: Span, relative: bool = False
) -> Region | None:
    token = doc[head]
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            subj = subjects[0]
            if relative and _relative_after_comma(doc, subj, sent):
                return _antecedent(doc, subj.i - 1, sent)
            start, end = max(subj.left_edge.i, sent.start), min(subj.right_edge.i + 1, before)
            end = _before_finite_verb(doc, subj.i + 1, end)
            return (start, end) if start < end else None
        if token.dep_ not in CLIMB_DEPS or token.head is token:
            return None
        token = token.head
    return None


def _relative_after_comma(doc: Doc, subj: Token, sent: Span) -> bool:
    return (
        low(subj.text) in RELATIVE_PRONOUNS
        and subj.i - 2 >= sent.start
        and doc[subj.i - 1].text == ","
        and doc[subj.i - 2].pos_ in ("NOUN", "PROPN", "PUNCT")
    )


def _antecedent(doc: Doc, comma: int, sent: Span) -> Region | None:
    """The noun phrase before the comma that a relative pronoun subject stands for (*…
    par l'agence X, qui précise que …*: *l'agence X*): the noun before it, climbed up
    to the head it qualifies."""
    token = doc[comma - 1]
    if token.text == ")":
        token = doc[max(sent.start, token.i - 1)]
    while token.dep_ in QUALIFIER_DEPS and token.head.i < token.i and token.head.i >= sent.start:
        token = token.head
    start = max(token.left_edge.i, sent.start)
    while start < token.i and doc[start].pos_ == "ADP":
        start += 1
    return (start, comma) if start < comma else None


def _after_comma(doc: Doc, start: int, sent: Span) -> Region | None:
    if start - 1 > sent.start and doc[start - 1].text == ",":
        found = _apposition_before(doc, start - 1, sent)
        return found if found[0] < found[1] else None
    return None


def _apposition_before(doc: Doc, comma: int, sent: Span) -> Region:
    """The subject set off by commas before its verb, found by no parse (*Joint par
    l'agence X, Ilya Petrov, porte-parole de Y, a démenti …*): the noun phrase before the
    comma and the one before it, not a participial or prepositional opener."""
    start = _segment_start(doc, comma, sent)
    if start == comma or not _nominal(doc[start]):
        return comma, comma
    if start - 1 > sent.start and doc[start - 1].text == ",":
        earlier = _segment_start(doc, start - 1, sent)
        if earlier < start - 1 and _nominal(doc[earlier]):
            start = earlier
    return start, comma


def _segment_start(doc: Doc, end: int, sent: Span) -> int:
    j = end
    while j > sent.start and doc[j - 1].text not in BOUNDARIES:
        j -= 1
    return j


def _gerund_link(token: Token) -> bool:
    """A word that may stand between a comma and a gerund (*, tout en confirmant*)."""
    return token.pos_ in ("ADV", "CCONJ") or low(token.text) == "en"


def _nominal(token: Token) -> bool:
    return token.pos_ in ("DET", "PROPN", "NOUN")


def _before_finite_verb(doc: Doc, start: int, end: int) -> int:
    """The end of a subject region cut before a finite verb after its head: a parse that
    hangs a whole clause on the subject (*The agency named X and Y as contractors, and
    said …*) keeps *The agency*."""
    for i in range(start, end):
        if doc[i].pos_ in ("VERB", "AUX") and "Fin" in doc[i].morph.get("VerbForm", []):
            return i
    return end


# -- les informations du quotidien X, selon lesquelles … ----------------------------------


def relative_report_cues(doc: Doc, sent: Span, lex: QuoteLexicon) -> list[Cue]:
    """*les informations du quotidien X, selon lesquelles P*, *a report by X according to
    which P*: a report named by whoever published it (a proper name in the noun phrase
    before) is theirs, even when the sentence denies it; a report nobody is named for
    (*les informations selon lesquelles*) stays with the verb that denies or confirms it."""
    cues = []
    for i in range(sent.start, sent.end):
        phrase = phrase_at(doc, i, lex.relative_prepositions)
        after = i + len(phrase) if phrase else i
        if not phrase or after >= sent.end:
            continue
        speaker = _report_phrase(doc, sent, i)
        if not _names_a_publisher(doc, speaker, lex):
            continue
        lo, hi = trimmed(text_of(doc), doc[after].idx, sent.end_char)
        if hi > lo:
            cues.append(Cue((lo, hi), (i, after), speaker, "relative"))
    return cues


def _names_a_publisher(doc: Doc, phrase: Region, lex: QuoteLexicon) -> bool:
    """A proper name, or the press of a country (*plusieurs médias russes*, not *les
    informations de presse*)."""
    tokens = range(*phrase)
    demonyms = doc._.veille_demonyms or {}
    press = any(low(doc[k].text) in lex.press_nouns for k in tokens)
    return any(doc[k].pos_ == "PROPN" for k in tokens) or (
        press and any(k in demonyms for k in tokens)
    )


def _report_phrase(doc: Doc, sent: Span, i: int) -> Region:
    """The noun phrase before token ``i`` back to the verb or boundary before it."""
    end = i
    while end > sent.start and doc[end - 1].is_punct:
        end -= 1
    start = end
    while start > sent.start and not _clause_edge(doc[start - 1]):
        start -= 1
    return start, end


def _clause_edge(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.text in BOUNDARIES
