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


def _words(doc: Doc, cand: Candidate) -> list[str]:
    return normalise(doc[cand.start : cand.end].text).replace(" - ", "-").split()


def distinct_variants(a: list[str], b: list[str]) -> bool:
    """Whether two names of one record name two variants: *FA-50* / *FA-50PH*, *K2* / *K2PL*
    (a suffix glued on), *HQ-22* / *FK-3* (two numbered designations: an export version),
    *CAESAR* / *CAESAR Mk II* (a variant word added), *Gripen C/D* / *Gripen E/F* (another
    last designation). Not *K2* / *K2 Black Panther* (a name added),
    *MEKO* / *MEKO A-200* (a model added), *Gripen E* / *Gripen E/F*, nor *HIMARS* / *M142*
    (two names of one system)."""
    a = [w.replace("-", "") for w in a]
    b = [w.replace("-", "") for w in b]
    if a == b:
        return False
    if a[0] != b[0]:
        numbered = all(any(ch.isdigit() for ch in w[0]) for w in (a, b))
        return numbered or a[0].startswith(b[0]) or b[0].startswith(a[0])
    short, long_ = sorted((a, b), key=len)
    if long_[: len(short)] == short:
        return long_[len(short)].startswith(tuple(w.lower() for w in VARIANT_WORDS))
    if len(short) != len(long_) or short[:-1] != long_[:-1]:
        return False
    x, y = short[-1], long_[-1]
    return not (x in y.split("/") or y in x.split("/"))


def split_variants(doc: Doc, kept: list[Candidate]) -> list[Candidate]:
    """Give each variant of a system its own key (``distinct_variants``): a mention joins
    the latest group of its record none of whose names is another variant. A system the
    knowledge base does not know, written like a known one's designation (*209/1400mod*
    after *type 209/1400mod*), joins it."""
    groups: dict[str, list[list[int]]] = {}
    keys: dict[int, str] = {}
    for i, cand in enumerate(kept):
        if cand.type != "SYSTEM" or not cand.target:
            continue
        words = _words(doc, cand)
        own = groups.setdefault(cand.target, [])
        fits = [
            n
            for n, group in enumerate(own)
            if not any(distinct_variants(words, _words(doc, kept[j])) for j in group)
        ]
        if fits:
            own[fits[-1]].append(i)
            keys[i] = cand.target if fits[-1] == 0 else f"{cand.target}#{fits[-1]}"
        else:
            own.append([i])
            keys[i] = cand.target if len(own) == 1 else f"{cand.target}#{len(own) - 1}"
    known = {signature(doc, kept[i]): key for i, key in keys.items() if signature(doc, kept[i])}
    for i, cand in enumerate(kept):
        if cand.type == "SYSTEM" and not cand.target and signature(doc, cand) in known:
            keys[i] = known[signature(doc, cand)]
    return [c.with_(key=keys[i]) if i in keys else c for i, c in enumerate(kept)]
