"""Rule data of the quote and attribution components, read from ``nlp/patterns``.

``quote_verbs.v1.json`` (reporting verbs and phrases), ``sources.v1.json`` (what the
text says of a source) and ``modality.v1.json`` (hedge, plan and denial cues). Phrases
are kept as tuples of lower-case words split the way spaCy splits them (*d'après* is
*d'* + *après*), so they match tokens one to one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from veille.nlp.mentions import low
from veille.nlp.ruledata import load_rules

Phrase = tuple[str, ...]
_WORDS = re.compile(r"[^\s']+'|[^\s']+")


def words(phrase: str) -> Phrase:
    """The words of a phrase as tokens: *d'après* → (*d'*, *après*)."""
    return tuple(_WORDS.findall(low(phrase)))


def _phrases(items: list[str]) -> tuple[Phrase, ...]:
    """Longest first, so that a longer phrase wins over its prefix."""
    return tuple(sorted({words(item) for item in items}, key=len, reverse=True))


def _mapping(items: dict[str, str]) -> dict[Phrase, str]:
    return {words(key): value for key, value in items.items()}


@dataclass(frozen=True)
class VerbEntry:
    """One reporting verb form (or phrase) and what may follow it."""

    form: Phrase
    lemma: str
    complements: frozenset[str]


@dataclass(frozen=True)
class QuoteLexicon:
    """Everything the quote component reads for one language."""

    lang: str
    verbs: tuple[VerbEntry, ...]
    auxiliaries: frozenset[str]
    clitics: frozenset[str]
    prepositions: tuple[Phrase, ...]
    preposition_blockers: frozenset[str]
    relayed_by: tuple[Phrase, ...]
    citing: tuple[Phrase, ...]
    addressee: tuple[Phrase, ...]
    complementisers: frozenset[str]
    relative_skip: frozenset[str]
    time_words: frozenset[str]
    anonymous_nouns: dict[Phrase, str]
    domains: dict[Phrase, str]
    qualifiers: dict[Phrase, str]
    same_source: tuple[Phrase, ...]
    pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    anaphoric: frozenset[str]
    media_nouns: frozenset[str]
    org_nouns: frozenset[str]
    role_nouns: frozenset[str]
    document_nouns: frozenset[str]
    not_sources: frozenset[str]
    official_roles: frozenset[str]
    relative_prepositions: tuple[Phrase, ...] = ()
    verb_inserts: tuple[Phrase, ...] = ()
    infinitive_leads: tuple[Phrase, ...] = ()
    name_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    press_nouns: dict[str, str] = field(default_factory=dict)

    @cached_property
    def verbs_by_first_word(self) -> dict[str, tuple[VerbEntry, ...]]:
        """The verb entries by the first word of their form, in lexicon order (longest first)."""
        index: dict[str, list[VerbEntry]] = {}
        for entry in self.verbs:
            index.setdefault(entry.form[0], []).append(entry)
        return {word: tuple(entries) for word, entries in index.items()}

    @cached_property
    def infinitives(self) -> dict[str, frozenset[str]]:
        """The one-word lemmas of the verbs (their infinitives) and what may follow them."""
        return {e.lemma: e.complements for e in self.verbs if " " not in e.lemma}


def _verbs(items: list[dict[str, Any]]) -> tuple[VerbEntry, ...]:
    entries = [
        VerbEntry(words(form), item["lemma"], frozenset(item["complement"]))
        for item in items
        for form in item["forms"]
    ]
    return tuple(sorted(entries, key=lambda e: len(e.form), reverse=True))


def _lower(items: list[str]) -> frozenset[str]:
    return frozenset(low(item) for item in items)


@lru_cache(maxsize=4)
def load_quote_lexicon(lang: str) -> QuoteLexicon:
    """The quote lexicon of ``lang`` (``fr`` or ``en``), loaded once."""
    verbs = load_rules("quote_verbs.v1.json")[lang]
    sources_all = load_rules("sources.v1.json")
    sources = sources_all[lang]
    return QuoteLexicon(
        lang=lang,
        verbs=_verbs(verbs["verbs"]),
        auxiliaries=_lower(verbs["auxiliaries"]),
        clitics=_lower(verbs["clitics"]),
        prepositions=_phrases(verbs["prepositions"]),
        preposition_blockers=_lower(verbs["preposition_blockers"]),
        relayed_by=_phrases(verbs["relayed_by"]),
        citing=_phrases(verbs["citing"]),
        addressee=_phrases(verbs["addressee"]),
        complementisers=_lower(verbs["complementisers"]),
        relative_skip=_lower(verbs["relative_skip"]),
        time_words=_lower(verbs["time_words"]),
        anonymous_nouns=_mapping(sources["anonymous_nouns"]),
        domains=_mapping(sources["domains"]),
        qualifiers=_mapping(sources["qualifier_phrases"]),
        same_source=_phrases(sources["same_source"]),
        pronouns=_lower(sources["pronouns"]),
        plural_pronouns=_lower(sources["plural_pronouns"]),
        anaphoric=_lower(sources["anaphoric_determiners"]),
        media_nouns=_lower(sources["media_nouns"]),
        org_nouns=_lower(sources["org_nouns"]),
        role_nouns=_lower(sources["role_nouns"]),
        document_nouns=_lower(sources["document_nouns"]),
        not_sources=_lower(sources["not_sources"]),
        official_roles=_lower(sources_all["official_roles"]),
        relative_prepositions=_phrases(verbs["relative_prepositions"]),
        verb_inserts=_phrases(verbs.get("verb_inserts", [])),
        infinitive_leads=_phrases(verbs.get("infinitive_leads", [])),
        press_nouns={low(k): v for k, v in sources.get("press_nouns", {}).items()},
        name_nouns={
            low(k): tuple(low(w) for w in v) for k, v in sources.get("name_nouns", {}).items()
        },
    )


@dataclass(frozen=True)
class ModalityLexicon:
    """Cues of modality for one language."""

    denial: tuple[Phrase, ...]
    hedge_lemmas: frozenset[str]
    hedge_words: tuple[Phrase, ...]
    hedge_conditional: bool
    plan_lemmas: frozenset[str]
    plan_words: tuple[Phrase, ...]
    plan_future: bool


@lru_cache(maxsize=4)
def load_modality_lexicon(lang: str) -> ModalityLexicon:
    """The modality cues of ``lang``, loaded once."""
    data = load_rules("modality.v1.json")[lang]
    return ModalityLexicon(
        denial=_phrases(data["denial"]),
        hedge_lemmas=_lower(data["hedge_lemmas"]),
        hedge_words=_phrases(data["hedge_words"]),
        hedge_conditional=bool(data["hedge_conditional"]),
        plan_lemmas=_lower(data["plan_lemmas"]),
        plan_words=_phrases(data["plan_words"]),
        plan_future=bool(data["plan_future"]),
    )
