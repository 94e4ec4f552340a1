"""``veille.timex.v1`` and ``veille.amounts.v1``: time expressions and amounts on a Doc.

The rules live in pure-text cores (``nlp/timex.py``, ``nlp/amounts.py``) and their data
files; these components run them over the Doc's text, anchor relative dates on the
publication date (``Doc._.veille_published``), and give the time normaliser the tense of
each clause from the parser and the morphology (*en mars* is past in *a été livré en
mars*, future in *sera livré en mars*).
"""

from __future__ import annotations

import bisect
import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Token

from veille.nlp.amounts import find_amounts
from veille.nlp.mentions import text_of
from veille.nlp.timex import TenseAt, find_timexes


def register_extensions() -> None:
    for name in ("veille_published", "veille_timexes", "veille_amounts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _governing_verb(token: Token) -> Token | None:
    """The verb a token hangs from, walking up the parse a few steps."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def clause_tense(token: Token) -> str | None:
    """``past``, ``present`` or ``future`` for the clause of a token, from morphology: the
    tense of its finite words, a perfect (*a reçu*, *aurait reçu*: past even in the
    conditional), a modal or conditional (*devrait être signé*, *could be signed*: ahead)."""
    verb = _governing_verb(token)
    if verb is None:
        return None
    auxiliaries = [child for child in verb.children if child.dep_.startswith("aux")]
    group = [verb, *auxiliaries]
    finite = [word for word in group if "Part" not in word.morph.get("VerbForm", [])]
    tenses = {t for word in finite for t in word.morph.get("Tense", [])}
    moods = {m for word in group for m in word.morph.get("Mood", [])}
    participle = "Part" in verb.morph.get("VerbForm", []) and "Past" in verb.morph.get("Tense", [])
    perfect = participle and (
        not auxiliaries  # *Interrogé mardi, le porte-parole…*
        or any(
            a.dep_ == "aux:tense" or (a.dep_ == "aux" and a.lemma_.lower() == "have")
            for a in auxiliaries
        )
    )
    if perfect and "Fut" not in tenses:
        return "past"
    if "Fut" in tenses or "Cnd" in moods or any(word.tag_ == "MD" for word in group):
        return "future"
    if tenses & {"Past", "Imp"}:
        return "past"
    return "present" if "Pres" in tenses else None


def tense_finder(doc: Doc) -> TenseAt:
    """A ``tense_at(offset)`` function over the Doc's tokens."""
    starts = [token.idx for token in doc]

    def tense_at(offset: int) -> str | None:
        i = bisect.bisect_right(starts, offset) - 1
        return clause_tense(doc[i]) if 0 <= i < len(doc) else None

    return tense_at


class TimexTagger:
    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        anchor: dt.date | None = doc._.veille_published
        doc._.veille_timexes = find_timexes(
            text_of(doc), lang=self.lang, anchor=anchor, tense_at=tense_finder(doc)
        )
        return doc


class AmountTagger:
    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        doc._.veille_amounts = find_amounts(text_of(doc), lang=self.lang)
        return doc


@Language.factory("veille_timex", assigns=["doc._.veille_timexes"], default_config={"lang": "fr"})
def make_timex_tagger(nlp: Language, name: str, lang: str) -> TimexTagger:
    """Register the time tagger (versioned as ``veille.timex.v1``)."""
    return TimexTagger(lang)


@Language.factory("veille_amounts", assigns=["doc._.veille_amounts"], default_config={"lang": "fr"})
def make_amount_tagger(nlp: Language, name: str, lang: str) -> AmountTagger:
    """Register the amount tagger (versioned as ``veille.amounts.v1``)."""
    return AmountTagger(lang)
