"""Rule data of the entity components, read from ``nlp/patterns/*.vN.json``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.kb.aliases import normalise
from veille.nlp.ruledata import load_rules

ENTITY_CONTEXT = "entity_context.v1.json"
ROLES = "roles.v1.json"
GENERIC_ORGS = "generic_orgs.v1.json"


def _phrases(items: list[Any]) -> tuple[tuple[str, ...], ...]:
    """Phrases as tuples of normalised words (a string is split on spaces)."""
    out = []
    for item in items:
        words = item.split() if isinstance(item, str) else item
        out.append(tuple(normalise(word) for word in words))
    return tuple(out)


@dataclass(frozen=True)
class EntityLexicon:
    """The context words of one language, normalised (see ``normalise``)."""

    lang: str
    company_nouns: tuple[tuple[str, ...], ...]
    company_after_words: frozenset[str]
    list_words: tuple[tuple[str, ...], ...]
    media_nouns: tuple[tuple[str, ...], ...]
    place_nouns: tuple[tuple[str, ...], ...]
    same_source: tuple[tuple[str, ...], ...]
    system_nouns: dict[tuple[str, ...], str]
    system_type_words: tuple[tuple[str, ...], ...]
    company_suffixes: frozenset[str]
    regions: frozenset[str]
    org_head_words: dict[str, str]
    calendar_words: frozenset[str]
    roles: dict[tuple[str, ...], str]
    body_words: frozenset[str]
    generic_orgs: tuple[dict[str, str], ...]


@lru_cache(maxsize=4)
def load_lexicon(lang: str) -> EntityLexicon:
    """The entity rules for ``lang`` (``fr`` or ``en``)."""
    context = load_rules(ENTITY_CONTEXT)
    roles = load_rules(ROLES)
    generic = load_rules(GENERIC_ORGS)
    system_nouns = {
        tuple(normalise(w) for w in noun.split()): kind
        for noun, kind in context["system_nouns"][lang].items()
    }
    return EntityLexicon(
        lang=lang,
        company_nouns=_phrases(context["company_nouns"][lang]),
        company_after_words=frozenset(normalise(w) for w in context["company_after_words"][lang]),
        list_words=_phrases(context["list_words"][lang]),
        media_nouns=_phrases(context["media_nouns"][lang]),
        place_nouns=_phrases(context["place_nouns"][lang]),
        same_source=_phrases(context["same_source"][lang]),
        system_nouns=system_nouns,
        system_type_words=_phrases(context["system_type_words"][lang]),
        company_suffixes=frozenset(normalise(w) for w in context["company_suffixes"]),
        regions=frozenset(normalise(r) for r in context["regions"]),
        calendar_words=frozenset(normalise(w) for w in context["calendar_words"]),
        org_head_words={
            normalise(word): kind
            for kind, words in context["org_head_words"].items()
            for word in words
        },
        roles={tuple(normalise(w) for w in k.split()): v for k, v in roles[lang].items()},
        body_words=frozenset(normalise(w) for w in roles["body_words"]),
        generic_orgs=tuple(generic[lang]),
    )
