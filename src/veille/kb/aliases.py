"""The alias index: every name of the knowledge base, matched over token sequences.

Matching is case- and accent-insensitive on normalised tokens; the case rules of
``docs/kb.md`` (acronyms exact, capitalised names only where the text capitalises
them) are checked on the surface text.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from veille.kb.loader import KnowledgeBase

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
DASHES = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-"})
MAX_ALIAS_TOKENS = 14


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Case-fold, strip accents, unify apostrophes, dashes and spaces."""
    text = text.translate(APOSTROPHES).translate(DASHES)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def is_acronym(alias: str) -> bool:
    """An alias with capitals and no lower-case letter (``IAI``, ``FAR``, ``SAMP/T``)."""
    letters = [ch for ch in alias if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(letters) <= 8


@dataclass(frozen=True)
class AliasEntry:
    """One name of one knowledge-base entry.

    ``target`` is a record id or ``country:XX``; ``form`` says how the name refers:
    ``name`` (a name or alias), ``metonym`` (a place name standing for a state),
    ``city`` (a place in the state of ``target``, ``city:XX``) or ``demonym`` (an
    adjective; ``slot`` gives gender and number: ms, fs, mp, fp, en).
    """

    target: str
    alias: str
    form: str
    slot: str | None = None

    def case_ok(self, surface: str) -> bool:
        """Whether the text writes the name with the case the alias requires."""
        if is_acronym(self.alias):
            return surface.replace(" ", "") == self.alias.replace(" ", "")
        if self.alias[:1].isupper():
            return surface[:1].isupper() or surface[:1].isdigit()
        return True


class AliasIndex:
    """Maps normalised token sequences to the knowledge-base entries they name."""

    def __init__(self, tokenize: Callable[[str], Sequence[str]]) -> None:
        self._tokenize = tokenize
        self._entries: dict[tuple[str, ...], list[AliasEntry]] = defaultdict(list)
        self._lengths: dict[str, list[int]] = {}  # key lengths by first token, longest first
        self.max_len = 1

    def add(self, entry: AliasEntry) -> None:
        """Index an alias, under its tokens with either apostrophe (the tokenizer splits
        *d'Ivoire* and *d’Ivoire* differently)."""
        self._add(entry, entry.alias)
        if "'" in entry.alias:
            self._add(entry, entry.alias.replace("'", "’"))

    def _add(self, entry: AliasEntry, alias: str) -> None:
        key = tuple(normalise(token) for token in self._tokenize(alias))
        key = tuple(token for token in key if token)
        if not key or len(key) > MAX_ALIAS_TOKENS:
            return
        if entry not in self._entries[key]:
            self._entries[key].append(entry)
        lengths = self._lengths.setdefault(key[0], [])
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)
        self.max_len = max(self.max_len, len(key))

    def lookup(self, tokens: Sequence[str]) -> list[AliasEntry]:
        return self._entries.get(tuple(normalise(token) for token in tokens), [])

    def find(self, tokens: Sequence[str]) -> list[tuple[int, int, list[AliasEntry]]]:
        """All (start, end, entries) over a token list, longest first at each start."""
        norms = [normalise(token) for token in tokens]
        found = []
        for start, first in enumerate(norms):
            for length in self._lengths.get(first, ()):  # only lengths some key has
                end = start + length
                entries = self._entries.get(tuple(norms[start:end])) if end <= len(norms) else None
                if entries:
                    found.append((start, end, entries))
        return found


def build_alias_index(kb: KnowledgeBase, tokenize: Callable[[str], Sequence[str]]) -> AliasIndex:
    """Index every country name, metonym and demonym, and every record name and alias."""
    index = AliasIndex(tokenize)
    for country in kb.countries:
        for name in (*country.names.values(), *country.aliases):
            index.add(AliasEntry(country.id, name, "name"))
        for metonym in country.metonyms:
            index.add(AliasEntry(country.id, metonym, "metonym"))
        for slot, forms in country.demonyms_fr.items():
            for form in forms:
                index.add(AliasEntry(country.id, form, "demonym", slot))
        for form in country.demonyms_en:
            index.add(AliasEntry(country.id, form, "demonym", "en"))
    for record in kb.records:
        for name in record.all_names():
            index.add(AliasEntry(record.id, name, "name"))
            if (french := french_class_name(name)) is not None:
                index.add(AliasEntry(record.id, french, "name"))
    for city in kb.cities:
        for name in city.all_names():
            index.add(AliasEntry(f"city:{city.country}", name, "city"))
    return index


CLASS_ENDINGS = (" class", "-class")


def french_class_name(name: str) -> str | None:
    """The French form of a ship class's name (*Thaon di Revel class*: *classe Thaon di
    Revel*), which puts the class word first; None for other names."""
    for ending in CLASS_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            return f"classe {name[: -len(ending)]}"
    return None


def hyphenated_names(kb: KnowledgeBase) -> set[str]:
    """Names written with an inner hyphen between letters (``Tel-Aviv``, ``D-Fend``).

    The tokenizer keeps them whole so that the parser does not split sentences inside.
    """
    names: set[str] = set()
    for country in kb.countries:
        names.update(country.metonyms)
        names.update(country.names.values())
    for record in kb.records:
        names.update(record.all_names())
    for city in kb.cities:
        names.update(city.all_names())
    out = set()
    for name in names:
        for word in name.split():
            parts = word.split("-")
            if len(parts) > 1 and word[:1].isupper() and all(p[:1].isalpha() for p in parts):
                out.add(word)
    return out
