"""``veille.sentences.v1``: sentence boundaries from punctuation, set before the parser.

The stock parsers split news sentences inside names (*Tel - Aviv*) and after commas
(*Selon X, …*); evidence must be whole sentences, so boundaries come from rules and the
parser respects them: a sentence starts after ``.``, ``!``, ``?`` or ``…`` (and the
closing quotes that follow, or that precede it in one token: *›.*), after a blank line,
or after a short line with no full stop (a title), when the next word does not start in
lower case.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from veille.nlp.mentions import text_of
from veille.nlp.ruledata import load_rules

TERMINATORS = {".", "!", "?", "…", "...", "?!", "!?"}
CLOSING = {"»", "”", '"', "’", ")", "›"}
RULES = load_rules("sentences.v1.json")
SHORT_LINE: int = RULES["short_line"]
RUN_ON_WORDS = frozenset(RULES["run_on_words"])


def _line_break_ends(doc: Doc, i: int) -> bool:
    """A line break before token ``i`` ends a sentence at a blank line, or after a short
    line (a title); text wrapped at a fixed width runs on across single breaks."""
    text = text_of(doc)
    j = i - 1
    while j > 0 and doc[j].is_space:
        j -= 1
    last = doc[j]
    if text[last.idx + len(last.text) : doc[i].idx].count("\n") >= 2:
        return True
    if last.text.lower() in RUN_ON_WORDS:
        return False  # a line ending on *à*, *de*, *the* goes on
    line_start = text.rfind("\n", 0, last.idx) + 1
    return last.idx + len(last.text) - line_start < SHORT_LINE


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Whether a sentence ends just before token ``i``."""
    prev = doc[i - 1]
    if prev.text in TERMINATORS or _glued_close(prev.text):
        return True
    if prev.text in CLOSING and i >= 2 and doc[i - 2].text in TERMINATORS:
        return True
    if prev.is_space or "\n" in prev.whitespace_ or "\n" in prev.text:
        return _line_break_ends(doc, i)
    return False


def _glued_close(text: str) -> bool:
    """A closing quote glued to its full stop in one token (*›.*, *».*, *".*)."""
    rest = text.lstrip("".join(CLOSING))
    return rest != text and rest in TERMINATORS


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
