"""``veille.entity_resolver.v1``: from overlapping candidates to the mentions kept.

Steps, each a small function:
1. *of*-constructions: *Direction de la recherche … du ministère israélien de la Défense*
   is one mention of the directorate, with the ministry nested inside;
2. overlaps: the most trusted, then the longest candidate wins;
3. cluster keys: the knowledge-base id, else the acronym's long form, else the name
   (a lone surname joins the full name given earlier);
4. descriptive mentions of sources (*le média francophone*, *la même source*) join the
   outlet they stand for;
5. countries for what the knowledge base does not know (``nlp/countries.py``);
6. persons get a role from their title and a country from their context
   (``nlp/persons.py``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from veille.kb.aliases import normalise
from veille.nlp.countries import OF_WORDS, inherit_country, place_country, system_maker_country
from veille.nlp.designations import split_variants
from veille.nlp.lexicon import EntityLexicon, load_lexicon
from veille.nlp.mentions import (
    PRIORITY,
    Candidate,
    candidates,
    demonyms,
    is_name_like,
    matches_at,
    norm,
    register_extensions,
)
from veille.nlp.persons import describe_persons, share_person_details

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


def _rank(cand: Candidate, found: list[Candidate]) -> float:
    """A name typed from context that contains place names is a name of its own
    (*le quotidien Cyprus Mail*, *the Times of Israel*): it outranks the places."""
    if cand.origin == "context" and cand.type != "GPE":
        inner = [c for c in found if c is not cand and c.inside(cand) and c.origin == "kb"]
        if (
            inner
            and all(c.type == "GPE" for c in inner)
            and not any(c.start == cand.start and c.end == cand.end for c in inner)
        ):
            return PRIORITY["kb"] + 0.5
    return float(cand.priority)


def select(found: list[Candidate]) -> list[Candidate]:
    """Keep the most trusted, then longest, candidates that do not overlap; nested ones stay."""
    ranked = sorted(
        found,
        key=lambda c: (-_rank(c, found), -(c.end - c.start), c.country is None, c.start),
    )
    kept: list[Candidate] = []
    for cand in ranked:
        clash = [k for k in kept if k.overlaps(cand)]
        if (
            cand.nested
            and all(cand.inside(k) for k in clash)
            and not any(k.start == cand.start and k.end == cand.end for k in clash)
            or not clash
        ):
            kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, -c.end))


def assign_keys(doc: Doc, kept: list[Candidate]) -> list[Candidate]:
    """Give each mention the key of the entity it names.

    A lone word that begins an earlier name of a person (surname or first word) joins
    that name; a company, and any organisation the knowledge base does not know, is also
    known by its first word (*Adani* for *Adani Defence & Aerospace*) and by its name
    without a final demonym (*Garde nationale* for *Garde nationale chypriote*). The same
    text always gets the same key."""
    out: list[Candidate] = []
    persons: dict[str, str] = {}
    org_shorts: dict[str, str] = {}
    for cand in kept:
        if cand.type == "ORG":
            text = normalise(doc[cand.start : cand.end].text)
            first_word = not cand.target or cand.kind == "company"
            for short in _short_forms(doc, cand, text, first_word):
                org_shorts.setdefault(short, cand.target or f"name:{text}")
    for cand in kept:
        text = normalise(doc[cand.start : cand.end].text)
        key: str | None
        if cand.target:
            key = cand.target
        elif cand.type == "PERSON":
            key = persons.get(text) or f"person:{text}"
            for word in text.split():
                persons.setdefault(word, key)
        else:
            key = org_shorts.get(text) or f"name:{text}"
        out.append(cand.with_(key=key))
    return out


def merge_adjacent(doc: Doc, kept: list[Candidate]) -> list[Candidate]:
    """Two mentions of one entity side by side are one mention (*AIM-120C-8 AMRAAM*)."""
    out: list[Candidate] = []
    for cand in kept:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.key == cand.key
            and prev.end == cand.start
            and not prev.nested
            and doc[prev.end - 1].whitespace_
        ):
            out[-1] = prev.with_(end=cand.end)
        else:
            out.append(cand)
    return out


def _short_forms(doc: Doc, cand: Candidate, text: str, first_word: bool) -> list[str]:
    """Shorter names an organisation goes by: its first word (if ``first_word``), and its
    name without the demonym that ends it (*Garde nationale* for *Garde nationale
    chypriote*)."""
    words = text.split()
    shorts = [words[0]] if first_word and len(words) > 1 else []
    if cand.end - 1 in demonyms(doc) and cand.end - cand.start > 2:
        shorts.append(normalise(doc[cand.start : cand.end - 1].text))
    return shorts


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
        if end == i or any(k in taken for k in range(i, end + 1)):
            i += 1
            continue
        country = next((demonyms(doc)[k] for k in range(i, end) if k in demonyms(doc)), None)
        outlet = next(
            (
                c
                for c in reversed(kept)
                if c.end <= i and c.kind == "media" and country in (None, c.country)
            ),
            None,
        )
        if outlet is not None:
            added.append(
                outlet.with_(
                    start=i,
                    end=end,
                    origin="coref",
                    form="descriptive",
                    confidence=0.6,
                    nested=False,
                )
            )
        i = end
    return sorted(kept + added, key=lambda c: (c.start, -c.end))


class EntityResolver:
    """Turns the candidates of a Doc into its mentions, each with an entity key."""

    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lexicon = load_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        found = extend_of_constructions(doc, candidates(doc))
        kept = merge_adjacent(doc, split_variants(doc, assign_keys(doc, select(found))))
        kept = place_country(doc, inherit_country(doc, kept))
        kept = system_maker_country(doc, kept)
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
