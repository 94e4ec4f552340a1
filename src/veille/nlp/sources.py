"""Who a speaker phrase stands for: an entity, an anonymous source, or an earlier source.

``SourceResolver.resolve`` reads the tokens of a speaker phrase (*une source sécuritaire
marocaine*, *le média francophone*, *il*, *the official*) and returns a ``SourceRef``;
it keeps the sources already attributed, in order, so that *la même source*, *ce
responsable*, *he* or *the sources* refer back to them (with the outlets they spoke to).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from veille.kb.loader import KnowledgeBase
from veille.nlp.mentions import Candidate, low
from veille.nlp.quote_lexicon import Phrase, QuoteLexicon
from veille.nlp.ruledata import load_rules

ORG_KINDS = {"media": "media", "government": "official", "armed_forces": "official"}


@dataclass(frozen=True)
class SourceRef:
    """A resolved source: ``mention`` is the character span of the entity mention it
    stands for (None for an anonymous source or an unnamed one)."""

    text: str
    kind: str
    mention: tuple[int, int] | None = None
    type: str | None = None
    country: str | None = None
    description: str | None = None
    noun: str | None = None
    key: str | None = None

    @property
    def anonymous(self) -> bool:
        return self.kind == "anonymous"

    @property
    def identity(self) -> str:
        """What makes two references the same source (entity key, else description)."""
        return self.key or self.description or self.text


@dataclass(frozen=True)
class Attributed:
    """A source and the outlets it reached the article through, outermost first;
    ``quoted`` when its words were quoted (a passage in quotation marks), ``voiced`` when
    a person spoke for it (*a ministry spokesperson* → the ministry), whom *he* or *the
    spokesperson* may then stand for."""

    source: SourceRef
    relays: tuple[SourceRef, ...] = ()
    quoted: bool = False
    voiced: bool = False


def _words(lang: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules("sources.v1.json").get(lang, {}).get(key, []))


@lru_cache(maxsize=4)
def organisation_pronouns(lang: str) -> frozenset[str]:
    """Pronouns that stand for an organisation or outlet quoted before (*it added*)."""
    return _words(lang, "organisation_pronouns")


@lru_cache(maxsize=4)
def company_nouns(lang: str) -> frozenset[str]:
    """Heads that describe a company (*l'industriel turc*, *the manufacturer*)."""
    return _words(lang, "company_nouns")


def phrase_at(doc: Doc | Span, i: int, phrases: tuple[Phrase, ...]) -> Phrase | None:
    """The first (longest) phrase whose words stand at token ``i``."""
    if i >= len(doc):
        return None
    first = low(doc[i].text)
    for phrase in phrases:
        if phrase[0] != first or i + len(phrase) > len(doc):
            continue  # the cheap test first: this runs at every token for every phrase
        if all(low(doc[i + k].text) == word for k, word in enumerate(phrase)):
            return phrase
    return None


@dataclass
class SourceResolver:
    """Resolves speaker phrases of one Doc, remembering what it resolved."""

    doc: Doc
    lex: QuoteLexicon
    kb: KnowledgeBase
    mentions: list[Candidate]
    history: list[Attributed] = field(default_factory=list)

    def remember(self, item: Attributed) -> None:
        self.history.append(item)

    def same_channel(self, item: Attributed) -> Attributed:
        """A source named again as before (*two officials told X …, the officials
        adding …*) came through the same outlets as the last time."""
        last = self.history[-1] if self.history else None
        if item.relays or last is None or last.source.identity != item.source.identity:
            return item
        return replace(item, relays=last.relays)

    # -- entry point -------------------------------------------------------------------

    def resolve(self, start: int, end: int) -> Attributed | None:
        """The source of the speaker phrase ``doc[start:end]``, or None."""
        start, end = self._trim(start, end)
        if start >= end:
            return None
        words = [low(t.text) for t in self.doc[start:end]]
        for step in (self._same_source, self._pronoun, self._anonymous, self._press):
            found = step(start, end, words)
            if found is not None:
                return found
        named = self._named(start, end)
        if named is not None and self._voices(named, start, end):
            return replace(named, voiced=True)  # *un porte-parole du ministère X*
        return named or self._described(start, end, words)

    def _voices(self, found: Attributed, start: int, end: int) -> bool:
        """Whether a person named by role speaks for the organisation found."""
        words = [low(t.text) for t in self.doc[start:end] if t.pos_ != "DET"]
        return (
            bool(words)
            and found.source.type != "PERSON"
            and (self._head(words) in self.lex.role_nouns)
        )

    def outlet(self, start: int, end: int) -> SourceRef | None:
        """Who a source spoke to or was relayed by: a named or described entity."""
        found = self.resolve(start, end)
        if found is None or found.source.mention is None or found.source.type == "GPE":
            return None
        return found.source

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        skip = self.lex.relative_skip | {",", "—", "–", "(", ")", ":", ";", ".", '"'}
        while start < end and (self.doc[start].is_punct or low(self.doc[start].text) in skip):
            start += 1
        while end > start and self.doc[end - 1].is_punct:
            end -= 1
        return start, end

    # -- back references -------------------------------------------------------------

    def _same_source(self, start: int, end: int, words: list[str]) -> Attributed | None:
        if not any(phrase_at(self.doc, i, self.lex.same_source) for i in range(start, end)):
            return None
        head = words[-1]
        if head in self.lex.media_nouns or head in self.lex.org_nouns:
            return self._last(lambda a: a.source.kind == "media") or self._last(lambda a: True)
        if head in ("source", "outlet", "report"):
            single = self._last(lambda a: a.source.noun == "source")
            if single is not None:
                return single
        # *selon la même source* goes on with the last report, not a quotation between
        return self._last(lambda a: not a.quoted) or self._last(lambda a: True)

    def _last(self, test: object) -> Attributed | None:
        assert callable(test)
        return next((a for a in reversed(self.history) if test(a)), None)

    def _pronoun(self, start: int, end: int, words: list[str]) -> Attributed | None:
        if end - start != 1:
            return None
        if words[0] in self.lex.pronouns:
            found = self._last(_one_person)
            if found is not None:
                return found
            person = self._last_mention(start, lambda c: c.type == "PERSON")
            return None if person is None else Attributed(self._from_mention(person))
        if words[0] in self.lex.plural_pronouns:
            return self._last(lambda a: a.source.anonymous) or self._last(lambda a: True)
        if words[0] in organisation_pronouns(self.doc.lang_):
            return self._last(_organisation)
        return None

    # -- anonymous sources ---------------------------------------------------------------

    def _anonymous(self, start: int, end: int, words: list[str]) -> Attributed | None:
        noun_at = next(
            (i for i, w in enumerate(words) if (w,) in self.lex.anonymous_nouns),
            None,
        )
        if noun_at is None or self._person_inside(start, end):
            return None
        noun = words[noun_at]
        if self._anaphoric(words[:noun_at]):
            previous = self._last(lambda a: a.source.anonymous or a.source.type == "PERSON")
            if previous is not None:
                return previous
        return Attributed(self._describe(start, end, words, self.lex.anonymous_nouns[(noun,)]))

    def _press(self, start: int, end: int, words: list[str]) -> Attributed | None:
        """The press of a country that no outlet names (*plusieurs médias russes* →
        *Russian media*); none without the country."""
        noun = next((self.lex.press_nouns[w] for w in words if w in self.lex.press_nouns), None)
        if noun is None or self._inside(start, end):
            return None
        demonym = self._demonym_en(self._country(start, end))
        if demonym is None:
            return None
        text = self.doc[start:end].text
        return Attributed(
            SourceRef(
                text,
                "media",
                country=self._country(start, end),
                description=f"{demonym} {noun}",
                noun=noun,
            )
        )

    def _anaphoric(self, before: list[str]) -> bool:
        """Whether the words before an anonymous noun refer back: they open with an
        anaphoric determiner or phrase (*ce responsable*, *one of the officials*)."""
        return any(" ".join(before[:k]) in self.lex.anaphoric for k in range(1, len(before) + 1))

    def _person_inside(self, start: int, end: int) -> bool:
        return any(c.type == "PERSON" for c in self._inside(start, end))

    def _describe(self, start: int, end: int, words: list[str], noun: str) -> SourceRef:
        country = self._country(start, end)
        parts = ["anonymous"]
        demonym = self._demonym_en(country)
        if demonym:
            parts.append(demonym)
        domains = [v for i in range(len(words)) if (v := self._domain(words, i))]
        parts.extend(dict.fromkeys(domains))
        parts.append(noun)
        qualifiers = [
            v
            for i in range(start, end)
            if (q := phrase_at(self.doc, i, tuple(self.lex.qualifiers)))
            if (v := self.lex.qualifiers[q])
        ]
        parts.extend(qualifiers[:1])
        text = self.doc[start:end].text
        return SourceRef(text, "anonymous", None, None, country, " ".join(parts), noun)

    def _domain(self, words: list[str], i: int) -> str | None:
        return self.lex.domains.get((words[i],))

    def _country(self, start: int, end: int) -> str | None:
        demonyms = self.doc._.veille_demonyms or {}
        for i in range(start, end):
            if i in demonyms:
                return str(demonyms[i])
        return next((c.country for c in self._inside(start, end) if c.country), None)

    def _demonym_en(self, country: str | None) -> str | None:
        record = self.kb.country(country) if country else None
        if record is None or not record.demonyms_en:
            return None
        return record.demonyms_en[0]

    # -- named and described sources ---------------------------------------------------

    def _inside(self, start: int, end: int) -> list[Candidate]:
        return [c for c in self.mentions if start <= c.start and c.end <= end and not c.nested]

    def _named(self, start: int, end: int) -> Attributed | None:
        inside = [c for c in self._inside(start, end) if not self._in_a_name(c, end)]
        named = [c for c in inside if not self._descriptive(c)]
        for wanted in ("PERSON", "ORG", "GPE"):
            found = next((c for c in named + inside if c.type == wanted), None)
            if found is not None:
                return Attributed(self._from_mention(found))
        return self._proper_name(start, end)

    def _descriptive(self, cand: Candidate) -> bool:
        """A mention that describes rather than names (*le site spécialisé*, opening with
        a determiner and holding no proper noun): a name beside it in the phrase wins
        (*le site spécialisé espagnol Defensa.com*)."""
        span = self.doc[cand.start : cand.end]
        return span[0].pos_ == "DET" and not any(t.pos_ == "PROPN" for t in span)

    def _in_a_name(self, cand: Candidate, end: int) -> bool:
        """A place that begins a longer proper name (*the Bangkok Post*, *The Moscow
        Times*) names a paper, not the state."""
        return cand.type == "GPE" and cand.end < end and self.doc[cand.end].pos_ == "PROPN"

    def _proper_name(self, start: int, end: int) -> Attributed | None:
        """A proper name no entity covers, such as a paper named after its city."""
        names = [t for t in self.doc[start:end] if t.pos_ == "PROPN" and t.text[:1].isupper()]
        if len(names) < 2 or names[-1].i - names[0].i != len(names) - 1:
            return None
        text = self.doc[names[0].i : names[-1].i + 1].text
        return Attributed(SourceRef(text, "organisation", description=text))

    def _from_mention(self, cand: Candidate) -> SourceRef:
        span = self.doc[cand.start : cand.end]
        return SourceRef(
            span.text,
            self._kind(cand),
            (span.start_char, span.end_char),
            cand.type,
            cand.country,
            key=cand.key,
        )

    def _kind(self, cand: Candidate) -> str:
        if cand.type == "PERSON":
            return "official" if (cand.kind or "") in self.lex.official_roles else "person"
        if cand.type == "GPE":
            return "official"
        return ORG_KINDS.get(cand.kind or "", "organisation")

    def _last_mention(self, before: int, test: object) -> Candidate | None:
        assert callable(test)
        return next(
            (c for c in reversed(self.mentions) if c.end <= before and not c.nested and test(c)),
            None,
        )

    def _described(self, start: int, end: int, words: list[str]) -> Attributed | None:
        if " ".join(words) in self.lex.not_sources or words[-1] in self.lex.not_sources:
            return None
        head = self._head(words)
        if head in self.lex.role_nouns:
            return (
                self._last(lambda a: a.source.type == "PERSON" or a.voiced)
                or self._role_of_org(start, words)
                or self._mention_ref(start, lambda c: c.type == "PERSON")
            )
        if head in company_nouns(self.doc.lang_):
            return self._holding(start, head) or self._company(start)
        if head in self.lex.media_nouns or head in self.lex.org_nouns:
            return self._holding(start, head) or self._by_noun(start, head)
        if head in self.lex.document_nouns:  # *le communiqué du ministère* → the ministry
            issuer = self._role_of_org(start, words)
            if issuer is not None:
                return replace(issuer, voiced=False)
            return Attributed(SourceRef(self.doc[start:end].text, "document"))
        return None

    def _head(self, words: list[str]) -> str:
        """The head noun of a description: the last word in English (*a ministry
        spokesperson*), the first after the determiners in French (*le porte-parole du
        ministère*)."""
        if self.doc.lang_ == "en":
            return next((w for w in reversed(words) if w[:1].isalpha()), words[-1])
        return next((w for w in words if w not in self.lex.anaphoric), words[-1])

    def _role_of_org(self, start: int, words: list[str]) -> Attributed | None:
        """*a ministry spokesperson*, no person quoted before → the ministry named before."""
        nouns = [w for w in words if w in self.lex.org_nouns]
        found = next((f for n in nouns if (f := self._holding(start, n)) is not None), None)
        return None if found is None else replace(found, voiced=True)

    def _holding(self, start: int, noun: str) -> Attributed | None:
        """*the agency*, *le ministère* → the last organisation whose name holds the noun
        or a word it stands for in another language (*Defence Industry Agency*, *Agence
        ivoirienne de presse*; *l'agence* → *Defense Security Cooperation Agency*)."""
        nouns = (noun, *self.lex.name_nouns.get(noun, ()))

        def holds(c: Candidate) -> bool:
            name = low(self.doc[c.start : c.end].text)
            return c.type == "ORG" and any(n in name for n in nouns)

        return self._mention_ref(start, holds)

    def _company(self, start: int) -> Attributed | None:
        """*l'industriel*, *the manufacturer* → the last company quoted, else the last
        company named before the phrase."""
        return self._last(_company_source) or self._mention_ref(
            start, lambda c: c.type == "ORG" and c.kind == "company"
        )

    def _by_noun(self, start: int, noun: str) -> Attributed | None:
        if noun in self.lex.media_nouns:
            return self._media(start, noun)
        return self._last(lambda a: a.source.type == "ORG")

    def _mention_ref(self, before: int, test: object) -> Attributed | None:
        found = self._last_mention(before, test)
        return None if found is None else Attributed(self._from_mention(found))

    def _media(self, start: int, noun: str) -> Attributed | None:
        """*le site spécialisé* → the outlet last introduced as a *site*, else the last
        outlet quoted, else the last outlet named."""

        def introduced(c: Candidate) -> bool:
            window = self.doc[max(0, c.start - 3) : c.start]
            return c.kind == "media" and any(low(t.text) == noun for t in window)

        return (
            self._mention_ref(start, introduced)
            or self._last(lambda a: a.source.kind == "media")
            or self._last_relay()
            or self._mention_ref(start, lambda c: c.kind == "media")
        )

    def _last_relay(self) -> Attributed | None:
        """The last outlet a source spoke to (*told the Manila Courier*): a paper, even
        one no entity names."""
        relay = next((a.relays[-1] for a in reversed(self.history) if a.relays), None)
        return None if relay is None else Attributed(relay)


def _company_source(item: Attributed) -> bool:
    return item.source.type == "ORG" and item.source.kind == "organisation"


def _organisation(item: Attributed) -> bool:
    """A source that *it* can stand for: a named organisation, outlet or state."""
    return item.source.type in ("ORG", "GPE") or item.source.kind == "media"


def _one_person(item: Attributed) -> bool:
    """A source *il*, *he* can stand for: a person, one anonymous source, or an
    organisation a person spoke for."""
    return item.source.type == "PERSON" or _one_anonymous(item.source) or item.voiced


def _one_anonymous(source: SourceRef) -> bool:
    """An anonymous source that *il*, *he* can stand for: one person (*un responsable
    français*), not several (*des sources*)."""
    return source.anonymous and not (source.noun or "s").endswith("s")
