"""``veille.entity_resolver.v1``: from overlapping candidates to the mentions kept.

Steps, each a small function:
1. *of*-constructions: *Direction de la recherche … du ministère israélien de la Défense*
   is one mention of the directorate, with the ministry nested inside;
2. overlaps: the most trusted, then the longest candidate wins;
3. cluster keys: the knowledge-base id, else the acronym's long form, else the name
   (a lone surname joins the full name given earlier);
4. descriptive mentions of sources (*le média francophone*, *la même source*) join the
   outlet they stand for;
5. persons get a role from their title and a country from their context.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from veille.kb.aliases import normalise
from veille.nlp.lexicon import EntityLexicon, load_lexicon
from veille.nlp.mentions import (
    Candidate,
    candidates,
    demonyms,
    is_name_like,
    matches_at,
    norm,
    register_extensions,
)

OF_WORDS = (("de", "la"), ("de", "l'"), ("du",), ("des",), ("de",), ("d'",), ("of", "the"), ("of",))
SUBORDINATE_KINDS = {"government", "armed_forces"}
ARTICLES = {"le", "la", "l'", "les", "the", "ce", "cette", "this"}


def extend_of_constructions(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Add ``A de B`` as a mention of A when A and B are state bodies; B stays nested."""
    added = []
    for a in found:
        if a.type != "ORG" or a.kind not in SUBORDINATE_KINDS or a.origin not in ("kb", "generic"):
            continue
        for words in OF_WORDS:
            if not matches_at(doc, a.end, words):
                continue
            b_start = a.end + len(words)
            for b in found:
                if b.start == b_start and b.kind == "government" and b.target != a.target:
                    added.append(a.with_(end=b.end, confidence=a.confidence))
                    added.append(b.with_(nested=True))
            break
    return found + added


def select(found: Iterable[Candidate]) -> list[Candidate]:
    """Keep the most trusted, then longest, candidates that do not overlap; nested ones stay."""
    ranked = sorted(found, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for cand in ranked:
        clash = [k for k in kept if k.overlaps(cand)]
        if cand.nested and all(cand.inside(k) for k in clash) and not any(
            k.start == cand.start and k.end == cand.end for k in clash
        ):
            kept.append(cand)
        elif not clash:
            kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, -c.end))


def assign_keys(doc: Doc, kept: list[Candidate]) -> list[Candidate]:
    """Give each mention the key of the entity it names."""
    out: list[Candidate] = []
    persons: dict[str, str] = {}
    for cand in kept:
        text = normalise(doc[cand.start : cand.end].text)
        if cand.target:
            key = cand.target
        elif cand.type == "PERSON":
            key = persons.get(text) or f"person:{text}"
            for word in text.split():
                persons.setdefault(word, key)
        else:
            key = f"name:{cand.type}:{text}"
        out.append(cand.with_(key=key))
    return out


def _descriptive_np(doc: Doc, i: int, lexicon: EntityLexicon) -> int:
    """End of *le média francophone* / *la même source* starting at ``i`` (``i`` if none)."""
    for phrase in lexicon.same_source:
        if matches_at(doc, i, phrase):
            return i + len(phrase)
    if norm(doc[i]) not in ARTICLES:
        return i
    for noun in lexicon.media_nouns:
        if matches_at(doc, i + 1, noun):
            end = i + 1 + len(noun)
            while end < len(doc) and doc[end].pos_ == "ADJ" and not is_name_like(doc[end]):
                end += 1
            return end
    return i


def link_descriptions(doc: Doc, kept: list[Candidate], lexicon: EntityLexicon) -> list[Candidate]:
    """*le média francophone* → the outlet last named before it (with its country, if said)."""
    added = []
    taken = {i for c in kept for i in range(c.start, c.end)}
    i = 0
    while i < len(doc):
        end = _descriptive_np(doc, i, lexicon)
        if end == i or any(k in taken for k in range(i, end)):
            i += 1
            continue
        country = next((demonyms(doc)[k] for k in range(i, end) if k in demonyms(doc)), None)
        outlet = next(
            (
                c for c in reversed(kept)
                if c.end <= i and c.kind == "media" and country in (None, c.country)
            ),
            None,
        )
        if outlet is not None:
            added.append(outlet.with_(start=i, end=end, origin="coref", form="descriptive",
                                      confidence=0.6, nested=False))
        i = end
    return sorted(kept + added, key=lambda c: (c.start, -c.end))


def _title_before(doc: Doc, start: int, lexicon: EntityLexicon) -> tuple[str | None, int]:
    """The role word in the few tokens before a name, and where it starts."""
    for back in range(1, 5):
        i = start - back
        if i < 0:
            break
        for words, role in lexicon.roles.items():
            if matches_at(doc, i, words) and i + len(words) <= start:
                return role, i
    return None, start


def _role_after(doc: Doc, end: int, lexicon: EntityLexicon) -> tuple[str | None, int]:
    """*X, porte-parole du ministère…*: the role in an apposition after the name."""
    if end >= len(doc) or doc[end].text != ",":
        return None, end
    for i in range(end + 1, min(end + 4, len(doc))):
        for words, role in lexicon.roles.items():
            if matches_at(doc, i, words):
                return role, i + len(words)
    return None, end


def _window_country(doc: Doc, kept: list[Candidate], lo: int, hi: int) -> str | None:
    """The country a window names through a demonym or a non-media organisation."""
    for k in range(lo, hi):
        if k in demonyms(doc):
            return demonyms(doc)[k]
    for cand in kept:
        if lo <= cand.start < hi and cand.type == "ORG" and cand.kind != "media" and cand.country:
            return cand.country
    return None


def _sentence_country(doc: Doc, kept: list[Candidate], person: Candidate) -> str | None:
    """The one country that a person's sentence names (through bodies and demonyms)."""
    sent = doc[person.start].sent
    countries: Counter[str] = Counter()
    for k in range(sent.start, sent.end):
        if k in demonyms(doc):
            countries[demonyms(doc)[k]] += 1
    for cand in kept:
        if sent.start <= cand.start < sent.end and cand.type == "ORG" and cand.kind != "media":
            if cand.country:
                countries[cand.country] += 1
    return next(iter(countries)) if len(countries) == 1 else None


def _apposition_end(doc: Doc, end: int) -> int:
    """The end of *, porte-parole du ministère turc,* after a name (``end`` if none)."""
    if end >= len(doc) or doc[end].text != ",":
        return end
    stop = end + 1
    while stop < min(end + 12, len(doc)) and doc[stop].text not in {",", ".", ";", "»", ":"}:
        stop += 1
    return stop


def describe_persons(doc: Doc, kept: list[Candidate], lexicon: EntityLexicon) -> list[Candidate]:
    """Set each person's role (kind) and country from apposition, title or sentence.

    A function in apposition (*X, porte-parole du ministère*) wins over a rank before
    the name (*le colonel X*)."""
    out = []
    for cand in kept:
        if cand.type != "PERSON":
            out.append(cand)
            continue
        role_after, _ = _role_after(doc, cand.end, lexicon)
        role_before, title_start = _title_before(doc, cand.start, lexicon)
        country = (
            _window_country(doc, kept, title_start, cand.start)
            or _window_country(doc, kept, cand.end, _apposition_end(doc, cand.end))
            or _sentence_country(doc, kept, cand)
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
        if c.type == "PERSON" and c.key in details else c
        for c in kept
    ]


class EntityResolver:
    """Turns the candidates of a Doc into its mentions, each with an entity key."""

    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lexicon = load_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        found = extend_of_constructions(doc, candidates(doc))
        kept = assign_keys(doc, select(found))
        kept = link_descriptions(doc, kept, self.lexicon)
        kept = share_person_details(describe_persons(doc, kept, self.lexicon))
        doc._.veille_mentions = kept
        return doc


@Language.factory(
    "veille_entity_resolver",
    requires=["doc._.veille_candidates"],
    assigns=["doc._.veille_mentions"],
    default_config={"lang": "fr"},
)
def make_entity_resolver(nlp: Language, name: str, lang: str) -> EntityResolver:
    """Register the entity resolver (versioned as ``veille.entity_resolver.v1``)."""
    return EntityResolver(lang)
