"""Weapon-system designations: which words of a name say *which variant* it is.

*FA-50* and *FA-50PH*, *Gripen C/D* and *Gripen E/F*, *CAESAR* and *CAESAR Mk II* are
variants the knowledge base files under one record; an article that names two of them
names two systems. The words that tell them apart are designation words (a digit, capitals
only, *Mk*, *Block*); plain name words (*Gripen*, *Black Panther*, *type*) are not.
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.kb.aliases import normalise
from veille.nlp.mentions import Candidate

VARIANT_WORDS = ("Block", "Mk", "Mark", "Batch", "Flight", "Increment", "Lot")


def is_designation_word(text: str) -> bool:
    """*F-16V*, *70*, *C/D*, *HIMARS*, *Mk*, *MkII*: a word that tells a variant apart."""
    if any(ch.isdigit() for ch in text) or text.startswith(VARIANT_WORDS):
        return True
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def signature(doc: Doc, cand: Candidate) -> str:
    """The designation words of a mention, normalised and run together (*Mk II* and
    *MkII* read alike); empty for a plain name (*Gripen*, *Black Panther*)."""
    words = [t.text for t in doc[cand.start : cand.end] if is_designation_word(t.text)]
    return normalise("".join(words)).replace(" ", "")


def split_variants(doc: Doc, kept: list[Candidate]) -> list[Candidate]:
    """Give each variant of a system its own key: *FA-50* and *FA-50PH* are two systems.
    A mention without designation (*Gripen*) joins the variant of its record named last
    before it (else first after it); a system the knowledge base does not know that is
    written like a known variant (*209/1400mod* after *type 209/1400mod*) joins it."""
    systems = [i for i, c in enumerate(kept) if c.type == "SYSTEM"]
    sigs = {i: signature(doc, kept[i]) for i in systems}
    keys: dict[int, str] = {}
    known: dict[str, str] = {}
    for i in systems:
        cand = kept[i]
        if cand.target and sigs[i]:
            keys[i] = f"{cand.target}#{sigs[i]}"
            known.setdefault(sigs[i], keys[i])
    for i in systems:
        cand = kept[i]
        if cand.target and not sigs[i]:
            keys[i] = _nearest_variant(kept, keys, i) or cand.target
        elif not cand.target and sigs[i] in known:
            keys[i] = known[sigs[i]]
    return [c.with_(key=keys[i]) if i in keys else c for i, c in enumerate(kept)]


def _nearest_variant(kept: list[Candidate], keys: dict[int, str], i: int) -> str | None:
    """The key of the variant of the same record named last before ``i``, else first after."""
    target = kept[i].target
    same = [j for j in keys if kept[j].target == target and keys[j] != target]
    before = [j for j in same if j < i]
    if before:
        return keys[max(before)]
    after = [j for j in same if j > i]
    return keys[min(after)] if after else None
