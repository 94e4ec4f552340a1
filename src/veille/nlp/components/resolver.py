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

from spacy.language import Language
from spacy.tokens import Doc

from veille.kb.aliases import normalise
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


class EntityResolver:
    """Turns the candidates of a Doc into its mentions, each with an entity key."""

    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lexicon = load_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        found = extend_of_constructions(doc, candidates(doc))
        kept = merge_adjacent(doc, assign_keys(doc, select(found)))
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
