"""Countries of things the knowledge base does not know, from what they are attached to.

Used by ``veille.entity_resolver.v1`` (see ``docs/entities.md``, rule 8).
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.nlp.mentions import Candidate, matches_at

OF_WORDS = (("de", "la"), ("de", "l'"), ("du",), ("des",), ("de",), ("d'",), ("of", "the"), ("of",))


NEAR_WORDS = (("pres", "de"), ("pres", "d'"), ("near",), ("outside",), ("a", "cote", "de"))


def place_country(doc: Doc, kept: list[Candidate]) -> list[Candidate]:
    """A place the knowledge base does not know takes the country of the known place it
    is said to be near (*Kornos, près de Larnaca*)."""
    places = {c.start: c for c in kept if c.type == "GPE" and c.country}
    out = []
    for cand in kept:
        if cand.type == "GPE" and cand.country is None:
            at = cand.end + 1 if cand.end < len(doc) and doc[cand.end].text == "," else cand.end
            for words in NEAR_WORDS:
                near = places.get(at + len(words))
                if matches_at(doc, at, words) and near is not None:
                    cand = cand.with_(country=near.country)
                    break
        out.append(cand)
    return out


def system_maker_country(doc: Doc, kept: list[Candidate]) -> list[Candidate]:
    """A system the knowledge base does not know takes the country of the one company
    its sentence names (*Encorp … a présenté son système Drone Eye*)."""
    out = []
    for cand in kept:
        if cand.type == "SYSTEM" and cand.country is None and not cand.target:
            sent = doc[cand.start].sent
            makers = {
                c.country
                for c in kept
                if sent.start <= c.start < sent.end and c.kind == "company" and c.country
            }
            if len(makers) == 1:
                cand = cand.with_(country=makers.pop())
        out.append(cand)
    return out


def inherit_country(doc: Doc, kept: list[Candidate]) -> list[Candidate]:
    """An organisation with no country takes the one its name is attached to:
    *South Korea's Ministry of National Defense*, *le ministère de la Défense du Mali*."""
    starts = {c.start: c for c in kept if c.type == "GPE" and c.kind == "country"}
    ends = {c.end: c for c in kept if c.type == "GPE" and c.kind == "country"}
    out = []
    for cand in kept:
        owner = None
        if cand.type == "ORG" and cand.country is None:
            if cand.start >= 2 and doc[cand.start - 1].text in ("'s", "’s"):
                owner = ends.get(cand.start - 1)
            for words in OF_WORDS[:6]:
                if owner is None and matches_at(doc, cand.end, words):
                    owner = starts.get(cand.end + len(words))
        out.append(cand.with_(country=owner.country) if owner else cand)
    return out
