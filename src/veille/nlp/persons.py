"""Persons: their role from titles and appositions, their country from context.

Used by ``veille.entity_resolver.v1`` (see ``docs/entities.md``, rule 5).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from veille.nlp.lexicon import EntityLexicon
from veille.nlp.mentions import Candidate, demonyms, matches_at, norm

RANKS = {
    "general",
    "admiral",
    "colonel",
    "lieutenant colonel",
    "commander",
    "captain",
    "major",
    "lieutenant",
    "sergeant",
}


def _title_before(doc: Doc, start: int, lexicon: EntityLexicon) -> tuple[str | None, int]:
    """The role word before a name, and where the titles start.

    Looks back over the noun phrase before the name, across one apposition comma
    (*Le porte-parole des Forces armées égyptiennes, le colonel X*), stopping at a verb
    or the end of a sentence. A function (*spokesperson*) wins over a rank (*colonel*);
    the longest title wins (*Vice Minister* over *Minister*)."""
    found: list[tuple[str, int, int]] = []
    for i in range(start - 1, max(start - 12, -1), -1):
        token = doc[i]
        if token.text in {".", ";", "«", "»", '"', ":"} or token.pos_ in ("VERB", "AUX"):
            break
        for words, role in lexicon.roles.items():
            if matches_at(doc, i, words) and i + len(words) <= start:
                found.append((role, i, len(words)))
    if not found:
        return None, start
    functions = [item for item in found if item[0] not in RANKS] or found
    role = max(functions, key=lambda item: (item[2], item[1]))[0]
    return role, min(i for _, i, _ in found)


def _role_after(doc: Doc, end: int, lexicon: EntityLexicon) -> tuple[str | None, int]:
    """*X, porte-parole du ministère…*: the role in an apposition after the name."""
    if end >= len(doc) or doc[end].text != ",":
        return None, end
    for i in range(end + 1, min(end + 4, len(doc))):
        for words, role in lexicon.roles.items():
            if matches_at(doc, i, words):
                return role, i + len(words)
    return None, end


def _organisation_countries(kept: list[Candidate]) -> dict[str, str]:
    """The country of each organisation (not outlet), by entity key, from any mention."""
    countries: dict[str, str] = {}
    for cand in kept:
        if cand.key and cand.country and cand.type == "ORG" and cand.kind != "media":
            countries.setdefault(cand.key, cand.country)
    return countries


def _window_country(
    doc: Doc, kept: list[Candidate], lo: int, hi: int, countries: dict[str, str]
) -> str | None:
    """The country a window names through a demonym or a mention of an organisation
    (whatever that one mention was typed: the entity is what counts)."""
    for k in range(max(lo, 0), hi):
        if k in demonyms(doc):
            return demonyms(doc)[k]
    for cand in kept:
        if lo <= cand.start < hi and cand.key in countries:
            return countries[cand.key]
    return None


def _sentence_country(doc: Doc, kept: list[Candidate], person: Candidate) -> str | None:
    """The one country that a person's sentence names through state bodies and demonyms."""
    sent = doc[person.start].sent
    others = [c for c in kept if c.type == "PERSON" and c.key != person.key]
    if any(sent.start <= c.start < sent.end for c in others):
        return None  # with two people in the sentence, its countries may be the other's
    named: Counter[str] = Counter()
    for k in range(sent.start, sent.end):
        if k in demonyms(doc):
            named[demonyms(doc)[k]] += 1
    for cand in kept:
        in_sentence = sent.start <= cand.start < sent.end
        if in_sentence and cand.kind in ("government", "armed_forces") and cand.country:
            named[cand.country] += 1
    return next(iter(named)) if len(named) == 1 else None


def _body_country(
    doc: Doc,
    kept: list[Candidate],
    lo: int,
    person: Candidate,
    hi: int,
    lexicon: EntityLexicon,
) -> str | None:
    """*porte-parole du ministère*, *ministry spokesperson X*: an official whose title
    refers to a state body without saying whose belongs to the body last named before."""
    words = {norm(t) for t in doc[max(lo, 0) : person.start]} | {
        norm(t) for t in doc[person.end : hi]
    }
    if not words & lexicon.body_words:
        return None
    bodies = [
        c
        for c in kept
        if c.end <= person.start
        and c.type == "ORG"
        and c.kind in ("government", "armed_forces")
        and c.country
    ]
    return bodies[-1].country if bodies else None


def _apposition_end(doc: Doc, end: int) -> int:
    """The end of *, porte-parole du ministère turc,* after a name (``end`` if none)."""
    if end >= len(doc) or doc[end].text != ",":
        return end
    stop = end + 1
    while stop < min(end + 12, len(doc)) and doc[stop].text not in {",", ".", ";", "»", ":"}:
        stop += 1
    return stop


def describe_persons(doc: Doc, kept: list[Candidate], lexicon: EntityLexicon) -> list[Candidate]:
    """Set each person's role (kind) and country.

    The role: a function in apposition (*X, porte-parole du ministère*) or before the
    name wins over a rank (*le colonel X*). The country, first found: a demonym or state
    body among the titles or just before them (*une délégation nigériane conduite par le
    général X*), in the apposition (*X, directeur … d'Encorp*), else the one country the
    sentence names through state bodies and demonyms."""
    countries = _organisation_countries(kept)
    out = []
    for cand in kept:
        if cand.type != "PERSON":
            out.append(cand)
            continue
        role_after, _ = _role_after(doc, cand.end, lexicon)
        role_before, title_start = _title_before(doc, cand.start, lexicon)
        lookback = title_start - 4 if role_before else cand.start
        apposition_end = _apposition_end(doc, cand.end)
        country = (
            _window_country(doc, kept, lookback, cand.start, countries)
            or _window_country(doc, kept, cand.end, apposition_end, countries)
            or _sentence_country(doc, kept, cand)
            or _body_country(doc, kept, lookback, cand, apposition_end, lexicon)
        )
        out.append(cand.with_(kind=role_after or role_before, country=country))
    return out


def share_person_details(kept: list[Candidate]) -> list[Candidate]:
    """Every mention of a person carries the role and country found at any of them."""
    details: dict[str, tuple[str | None, str | None]] = {}
    for cand in kept:
        if cand.type == "PERSON" and cand.key:
            role, country = details.get(cand.key, (None, None))
            details[cand.key] = (role or cand.kind, country or cand.country)
    return [
        c.with_(kind=details[c.key][0], country=details[c.key][1])
        if c.type == "PERSON" and c.key in details
        else c
        for c in kept
    ]
