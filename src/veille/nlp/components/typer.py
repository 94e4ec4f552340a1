"""``veille.entity_typer.v1``: names the knowledge base does not know, typed from context.

Three sources of candidates, all from rule data (``patterns/entity_context.v1.json``):
- the stock NER's spans, mapped to veille's types (its labels are a weak signal: it
  calls companies persons and systems places);
- context: *la société X*, *X, spécialisé dans…*, *des entreprises telles qu'X et Y*,
  *drones de type X*, *le quotidien X*, company suffixes (*… Systems*);
- acronym pairs: *Israel Aerospace Industries (IAI)* makes every later *IAI* a mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from veille.nlp.components.kb_ruler import designation_end
from veille.nlp.lexicon import ENTITY_CONTEXT, EntityLexicon, load_lexicon
from veille.nlp.mentions import (
    Candidate,
    candidates,
    demonyms,
    is_name_like,
    matches_at,
    name_run,
    norm,
    register_extensions,
)
from veille.nlp.ruledata import load_rules

NER_TYPES = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "LOC": "GPE",
    "GPE": "GPE",
    "MISC": None,
    "PRODUCT": None,
    "FAC": None,
}
COORDINATORS = {",", "et", "ou", "and", "or", "&"}
# A designation: capitals, then digits (*K10*, *FK-3*, *HQ-17AE*, *JY-27A*, *J/FPS-3ME*).
DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,4}(?:[-/][A-Z]{1,4})*-?\d[\w/+-]*$")
NOUN_REACH = 4  # words between a designation and the system noun it goes with
VESSEL_ARTICLES = {"le", "la", "l'"}  # *la Tahya Misr*: French names a ship after an article
DETERMINERS = {"le", "la", "l'", "les", "un", "une", "des", "du", "de", "d'", "the", "a", "an"}


def phrase_at(doc: Doc, i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase standing at token ``i`` (0 if none)."""
    if i >= len(doc):
        return 0
    first = norm(doc[i])
    return max((len(p) for p in phrases if p[0] == first and matches_at(doc, i, p)), default=0)


def _modifier(token: Token) -> bool:
    """An adjective (or a lower-case word the tagger took for a noun: *vendéen*)."""
    if token.i in demonyms(token.doc):
        return True
    if is_name_like(token):
        return False
    return token.pos_ == "ADJ" or (token.pos_ == "NOUN" and token.text.isalpha())


def skip_modifiers(doc: Doc, i: int, limit: int = 2) -> int:
    """Skip the adjectives (*israélienne*, *vendéen*) between a noun and a name."""
    start = i
    while i < len(doc) and i - start < limit and _modifier(doc[i]):
        i += 1
    return i


FUNCTION_WORDS = frozenset({"ADV", "ADP", "CCONJ", "SCONJ", "PRON", "DET"})  # never a name alone


def coordinated_runs(doc: Doc, i: int) -> Iterator[tuple[int, int]]:
    """Proper-name runs from ``i`` joined by commas, *et*, *ou*: *X, Y et Z*."""
    while i < len(doc):
        end = name_run(doc, i)
        if end == i:
            return
        yield i, end
        if end < len(doc) and norm(doc[end]) in COORDINATORS:
            i = end + 1
            if i < len(doc) and norm(doc[i]) in {"et", "and"}:
                i += 1
        else:
            return


def runs_before(doc: Doc, end: int) -> Iterator[tuple[int, int]]:
    """Proper-name runs ending at ``end``, walking back over coordinators."""
    while end > 0:
        start = end
        while start > 0 and (is_name_like(doc[start - 1]) or doc[start - 1].text in {"-", "&"}):
            start -= 1
        if start == end:
            return
        yield start, end
        if start > 0 and norm(doc[start - 1]) in COORDINATORS:
            end = start - 1
        else:
            return


def designation_start(doc: Doc, i: int) -> int:
    """Where a designation begins: *J/FPS-3ME* is written *J* */* *FPS-3ME* by the tokenizer."""
    while (
        i >= 2
        and doc[i - 1].text in ("/", "-")
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].text.isalnum()
        and doc[i - 2].text.isupper()
    ):
        i -= 2
    return i


class EntityTyper:
    """Proposes candidates for names from the stock NER, context rules and acronym pairs."""

    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lexicon: EntityLexicon = load_lexicon(lang)
        self.ship_prefixes = frozenset(load_rules(ENTITY_CONTEXT)["ship_prefixes"])

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)
        found.extend(self._from_ner(doc))
        found.extend(self._from_nouns_before(doc))
        found.extend(self._from_words_after(doc))
        found.extend(self._systems_named_after(doc))
        found.extend(self._designations(doc, found))
        found.extend(self._ships(doc))
        found.extend(self._named_vessels(doc, found))
        found.extend(self._classes(doc))
        found.extend(self._acronyms(doc, found))
        return doc

    # -- stock NER ---------------------------------------------------------------------
    def _from_ner(self, doc: Doc) -> Iterator[Candidate]:
        lower_words = {t.text for t in doc if t.text.islower()}
        for ent in doc.ents:
            span = self._trim(ent)
            if span is None or len(span) == 0:
                continue
            if len(span) == 1 and (
                span.text.lower() in lower_words
                or self._starts_title(doc, span.end)
                or span.start in demonyms(doc)  # *les Égyptiens*: a people, not a place
            ):
                continue  # a common word taken for a name (*Direction*, *Defense Undersecretary*)
            kind_type = NER_TYPES.get(ent.label_)
            heads = self.lexicon.org_head_words
            if len(span) > 1 and (norm(span[0]) in heads or norm(span[-1]) in heads):
                yield self._typed_org(span)
            elif self._has_company_suffix(span):
                yield Candidate(
                    span.start, span.end, "ORG", "company", None, "context", confidence=0.7
                )
            elif kind_type == "GPE":
                if " ".join(norm(t) for t in span) not in self.lexicon.regions:
                    yield Candidate(
                        span.start, span.end, "GPE", "city", None, "ner", confidence=0.5
                    )
            elif kind_type == "ORG":
                yield self._typed_org(span)
            elif kind_type == "PERSON" and len(span) > 1 and self._titled(span):
                yield Candidate(span.start, span.end, "PERSON", None, None, "title", confidence=0.7)
            elif kind_type is not None:
                yield Candidate(span.start, span.end, kind_type, None, None, "ner", confidence=0.5)

    def _starts_title(self, doc: Doc, i: int) -> bool:
        """Whether a role title stands at token ``i`` (*Undersecretary*, *Minister*)."""
        return any(matches_at(doc, i, words) for words in self.lexicon.roles)

    def _titled(self, span: Span) -> bool:
        """Whether a role title stands just before the span (*le général X*)."""
        doc = span.doc
        return any(matches_at(doc, span.start - len(words), words) for words in self.lexicon.roles)

    def _typed_org(self, span: Span) -> Candidate:
        """An organisation's kind from its head word, first in French (*Commandement…*,
        *Agence…*) and last in English (*… Industry Agency*), its country from a demonym
        inside its name (*Armée nationale tchadienne*)."""
        heads = self.lexicon.org_head_words
        kind = heads.get(norm(span[0])) or heads.get(norm(span[-1])) or "other"
        country = next((demonyms(span.doc)[t.i] for t in span if t.i in demonyms(span.doc)), None)
        return Candidate(span.start, span.end, "ORG", kind, country, "ner", confidence=0.5)

    def _trim(self, ent: Span) -> Span | None:
        """Drop leading determiners and punctuation; reject spans that are no names."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (norm(doc[start]) in DETERMINERS or not doc[start].text[0].isalnum()):
            start += 1
        bracket = next((t.i for t in doc[start:end] if t.text in '()[]«»"'), end)
        end = bracket
        while end > start and not doc[end - 1].text[0].isalnum():
            end -= 1
        if start == end or not is_name_like(doc[start]):
            return None
        first = doc[start]
        common_word_first = first.is_sent_start and first.pos_ not in ("PROPN", "X")
        if common_word_first and not any(t.pos_ == "PROPN" for t in doc[start + 1 : end]):
            return None
        return doc[start:end]

    def _has_company_suffix(self, span: Span) -> bool:
        return len(span) > 1 and norm(span[-1]) in self.lexicon.company_suffixes

    # -- context -----------------------------------------------------------------------
    def _from_nouns_before(self, doc: Doc) -> Iterator[Candidate]:
        """*la société (israélienne) X*, *des entreprises telles qu'X et Y*, *drones de type X*."""
        for i in range(len(doc)):
            if doc[i].text[:1].isupper() and not doc[i].is_sent_start:
                continue  # *Drone Eye* is a name, not the noun *drone*
            length = phrase_at(doc, i, self.lexicon.company_nouns)
            if length:
                yield from self._names_after(doc, i, i + length, "ORG", "company")
                continue
            length = phrase_at(doc, i, self.lexicon.media_nouns)
            if length:
                yield from self._names_after(doc, i, i + length, "ORG", "media", lists=False)
                continue
            length = phrase_at(doc, i, self.lexicon.place_nouns)  # *la base aérienne d'X*
            if length:
                yield from self._names_after(doc, i, i + length, "GPE", "city", lists=False)
                continue
            kind = self._system_noun_at(doc, i)
            if kind:
                noun_len, category = kind
                yield from self._systems_after(doc, i + noun_len, category)

    def _names_after(
        self, doc: Doc, noun: int, i: int, type_: str, kind: str, lists: bool = True
    ) -> Iterator[Candidate]:
        """Names after a noun; a demonym just before the noun or between gives the country."""
        j = i if phrase_at(doc, i, self.lexicon.list_words) else skip_modifiers(doc, i)
        country = next(
            (demonyms(doc)[k] for k in (*range(i, j), noun - 1) if k in demonyms(doc)), None
        )
        list_len = phrase_at(doc, j, self.lexicon.list_words) if lists else 0
        if list_len:
            j += list_len
        elif j < len(doc) and doc[j].text == ",":
            return
        for start, end in coordinated_runs(doc, j):
            yield Candidate(start, end, type_, kind, country, "context", confidence=0.75)
            if not lists and not list_len:
                return

    def _system_noun_at(self, doc: Doc, i: int) -> tuple[int, str] | None:
        best: tuple[int, str] | None = None
        first = norm(doc[i])
        for noun, category in self.lexicon.system_nouns.items():
            if noun[0] != first or not matches_at(doc, i, noun):
                continue
            if best is None or len(noun) > best[0]:
                best = (len(noun), category)
        return best

    def _systems_after(self, doc: Doc, i: int, category: str) -> Iterator[Candidate]:
        j = skip_modifiers(doc, i)
        country = next((demonyms(doc)[k] for k in range(i, j) if k in demonyms(doc)), None)
        type_len = phrase_at(doc, j, self.lexicon.system_type_words)
        if not type_len and self.lexicon.lang == "en":
            return  # English puts the name first (*Harpy drones*): ``_systems_named_after``
        kind = None if category in ("system", "missile", "aircraft") else category
        for start, end in coordinated_runs(doc, j + type_len):
            yield Candidate(start, end, "SYSTEM", kind, country, "context", confidence=0.7)

    def _systems_named_after(self, doc: Doc) -> Iterator[Candidate]:
        """English *Harop drones*, *the Patriot system*: a name followed by a system noun."""
        if self.lexicon.lang != "en":
            return
        for i in range(1, len(doc)):
            found = self._system_noun_at(doc, i)
            if not found or not is_name_like(doc[i - 1]) or (i - 1) in demonyms(doc):
                continue
            for start, end in runs_before(doc, i):
                country = None
                while start < end and start in demonyms(doc):  # *Chinese CH-92A drones*
                    country = demonyms(doc)[start]
                    start += 1
                if start < end and not doc[start].is_sent_start:
                    kind = None if found[1] in ("system", "missile", "aircraft") else found[1]
                    yield Candidate(start, end, "SYSTEM", kind, country, "context", confidence=0.6)

    def _designations(self, doc: Doc, found: list[Candidate]) -> Iterator[Candidate]:
        """A designation the knowledge base does not know, beside a system noun: *véhicules
        de ravitaillement K10*, *HQ-19 ballistic missile defence systems*."""
        known = {i for c in found if c.origin == "kb" for i in range(c.start, c.end)}
        for token in doc:
            if token.i in known or not DESIGNATION.match(token.text):
                continue
            category = self._system_noun_near(doc, token.i)
            if category is not None:
                kind = None if category in ("system", "missile", "aircraft") else category
                start, end = designation_start(doc, token.i), designation_end(doc, token.i + 1)
                yield Candidate(start, end, "SYSTEM", kind, None, "context", confidence=0.6)

    def _ships(self, doc: Doc) -> Iterator[Candidate]:
        """A named vessel: a navy's ship prefix and the name after it (*HMS Dauntless*)."""
        for token in doc:
            if token.text in self.ship_prefixes:
                end = name_run(doc, token.i + 1)
                if end > token.i + 1:
                    yield Candidate(token.i, end, "SYSTEM", None, None, "context", confidence=0.7)

    def _named_vessels(self, doc: Doc, found: list[Candidate]) -> Iterator[Candidate]:
        """A vessel's name set off by commas beside a system (*une frégate X, la Y, livrée…*,
        *le Y, troisième patrouilleur…*): French writes a ship's name after an article."""
        systems = {c.end for c in found if c.type == "SYSTEM"}
        for token in doc[1:]:
            i = token.i
            if norm(token) not in VESSEL_ARTICLES:
                continue
            end = name_run(doc, i + 1)
            if end == i + 1 or end >= len(doc) or not doc[end].is_punct:
                continue
            category = self._vessel_beside(doc, i - 1, end, systems)
            if category is not None:
                kind = None if category in ("system", "missile", "aircraft") else category
                yield Candidate(i + 1, end, "SYSTEM", kind, None, "context", confidence=0.6)

    def _vessel_beside(self, doc: Doc, comma: int, end: int, systems: set[int]) -> str | None:
        """The category of the system just before ``comma`` (the one before the article) or
        just after the comma that ends the name."""
        before = range(comma, max(comma - NOUN_REACH - 1, -1), -1) if doc[comma].text == "," else ()
        for k in before:
            if k in systems:
                return "system"
            if k < comma and doc[k].is_punct:
                break
            if (found := self._system_noun_at(doc, k)) is not None:
                return found[1]
        if doc[end].text != ",":
            return None
        for k in range(end + 1, min(end + 1 + NOUN_REACH, len(doc))):
            if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX"):
                break
            if (found := self._system_noun_at(doc, k)) is not None:
                return found[1]
        return None

    def _classes(self, doc: Doc) -> Iterator[Candidate]:
        """A ship or system class: the name before *-class* (*Abukuma-class destroyers*)."""
        for token in doc:
            i = token.i
            if token.text not in ("class", "-class", "classes", "-classes") or i == 0:
                continue
            end = i - 1 if doc[i - 1].text == "-" and not doc[i - 1].whitespace_ else i
            runs = list(runs_before(doc, end))
            if runs and not doc[runs[0][0]].is_sent_start:
                start, stop = runs[0]
                yield Candidate(start, stop, "SYSTEM", None, None, "context", confidence=0.6)

    def _system_noun_near(self, doc: Doc, i: int) -> str | None:
        """The category of a system noun a few words before or after token ``i``, with no
        punctuation or verb between."""
        for step in (-1, 1):
            k = i + step
            while 0 <= k < len(doc) and abs(k - i) <= NOUN_REACH:
                if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX"):
                    break
                found = self._system_noun_at(doc, k)
                if found:
                    return found[1]
                k += step
        return None

    def _from_words_after(self, doc: Doc) -> Iterator[Candidate]:
        """*Sentrycs et D-Fend Solutions, spécialisés dans…*, *X, fabricant de…*."""
        for i in range(1, len(doc) - 1):
            if doc[i].text != ",":
                continue
            after = norm(doc[i + 1])
            window = self._apposition(doc, i + 1)
            is_company = after in self.lexicon.company_after_words or any(
                phrase_at(doc, k, self.lexicon.company_nouns) for k in window
            )
            if not is_company:
                continue
            country = next((demonyms(doc)[k] for k in window if k in demonyms(doc)), None)
            for start, end in runs_before(doc, i):
                if end - start == 1 and doc[start].pos_ in FUNCTION_WORDS:
                    continue  # *Enfin, la société X…*: a capitalised adverb, no name
                if not any(norm(t) in self.lexicon.calendar_words for t in doc[start:end]):
                    yield Candidate(
                        start, end, "ORG", "company", country, "context", confidence=0.7
                    )

    @staticmethod
    def _kb_agrees(found: list[Candidate], i: int, long_form: Candidate) -> bool:
        """Whether the knowledge base already reads the acronym at ``i`` as the long form."""
        return any(
            c.start == i
            and c.origin == "kb"
            and c.target == long_form.target
            and c.target is not None
            for c in found
        )

    @staticmethod
    def _apposition(doc: Doc, i: int) -> range:
        """The first few tokens after a comma, up to the next punctuation."""
        end = i
        while end < min(i + 5, len(doc)) and not doc[end].is_punct:
            end += 1
        return range(i, end)

    # -- acronyms ----------------------------------------------------------------------
    def _acronyms(self, doc: Doc, found: list[Candidate]) -> Iterator[Candidate]:
        """*Long Name (ACR)*: the acronym, here and everywhere else, names the long form."""
        for i in range(1, len(doc) - 2):
            if doc[i].text != "(" or doc[i + 2].text != ")":
                continue
            acronym = doc[i + 1].text
            if not (acronym.isupper() and acronym.isalpha() and len(acronym) >= 2):
                continue
            long_form = max(
                (c for c in found if c.end == i and c.type in ("ORG", "SYSTEM")),
                key=lambda c: (c.priority, c.end - c.start),
                default=None,
            )
            if long_form is None or self._kb_agrees(found, i + 1, long_form):
                continue
            target = long_form.target or f"acronym:{acronym}"
            yield long_form.with_(origin="acronym", target=target)
            for token in doc:
                if token.text == acronym:
                    yield long_form.with_(
                        start=token.i,
                        end=token.i + 1,
                        origin="acronym",
                        form="acronym",
                        target=target,
                    )


@Language.factory(
    "veille_entity_typer",
    assigns=["doc._.veille_candidates"],
    default_config={"lang": "fr"},
)
def make_entity_typer(nlp: Language, name: str, lang: str) -> EntityTyper:
    """Register the entity typer (versioned as ``veille.entity_typer.v1``)."""
    return EntityTyper(lang)
