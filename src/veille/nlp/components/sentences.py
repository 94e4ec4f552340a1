"""``veille.sentences.v1``: sentence boundaries from punctuation, set before the parser.

The stock parsers split news sentences inside names (*Tel - Aviv*) and after commas
(*Selon X, …*); evidence must be whole sentences, so boundaries come from rules and the
parser respects them: a sentence starts after ``.``, ``!``, ``?`` or ``…`` (and the
closing quotes that follow), or after a line break, when the next word does not start
in lower case.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

TERMINATORS = {".", "!", "?", "…", "...", "?!", "!?"}
CLOSING = {"»", "”", '"', "’", ")", "›"}


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Whether a sentence ends just before token ``i``."""
    prev = doc[i - 1]
    if "\n" in prev.text or "\n" in prev.whitespace_:
        return True
    if prev.text in CLOSING and i >= 2 and doc[i - 2].text in TERMINATORS:
        return True
    return prev.text in TERMINATORS


def _may_start(token: Token) -> bool:
    first = token.text[:1]
    return not first.islower() and token.text not in CLOSING


def set_sentence_starts(doc: Doc) -> Doc:
    for i in range(1, len(doc)):
        doc[i].is_sent_start = _ends_sentence(doc, i) and _may_start(doc[i])
    return doc


@Language.component("veille_sentences")
def sentences_component(doc: Doc) -> Doc:
    """Register the sentence rules (versioned as ``veille.sentences.v1``)."""
    return set_sentence_starts(doc)
