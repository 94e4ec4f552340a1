"""The modality of a clause: denied, hedged, planned, or plainly said.

Cues come from ``patterns/modality.v1.json``: denial phrases (*a démenti*, *n'a pas
confirmé*, *denied*) beat hedges (the conditional mood, *pourrait*, *envisager*, *may*,
*reportedly*), which beat plans (the future tense, *prévoit*, *doit être livré*, *will*).
A clause with none of them is ``reported`` when a source is given for it, else
``asserted``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from veille.nlp.quote_lexicon import ModalityLexicon, Phrase, load_modality_lexicon
from veille.nlp.sources import phrase_at


def _any_phrase(doc: Doc, start: int, end: int, phrases: tuple[Phrase, ...]) -> bool:
    return any(phrase_at(doc, i, phrases) is not None for i in range(start, end))


def _hedged_token(token: Token, lex: ModalityLexicon) -> bool:
    if lex.hedge_conditional and "Cnd" in token.morph.get("Mood", []):
        return True
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex.hedge_lemmas


def _planned_token(token: Token, lex: ModalityLexicon) -> bool:
    if lex.plan_future and "Fut" in token.morph.get("Tense", []) and token.pos_ in ("VERB", "AUX"):
        return True
    return token.pos_ == "VERB" and token.lemma_.lower() in lex.plan_lemmas


def clause_modality(doc: Doc, start: int, end: int, lang: str, *, reported: bool) -> str:
    """The modality of tokens ``start:end``."""
    lex = load_modality_lexicon(lang)
    start, end = max(0, start), min(len(doc), end)
    if _any_phrase(doc, start, end, lex.denial):
        return "denied"
    tokens = doc[start:end]
    if any(_hedged_token(t, lex) for t in tokens) or _any_phrase(doc, start, end, lex.hedge_words):
        return "hedged"
    if any(_planned_token(t, lex) for t in tokens) or _any_phrase(doc, start, end, lex.plan_words):
        return "planned"
    return "reported" if reported else "asserted"
