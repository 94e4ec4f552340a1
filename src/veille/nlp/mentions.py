"""Entity mention candidates: what the entity components propose and the resolver keeps.

Candidates live on ``Doc._.veille_candidates`` while the pipeline runs; the resolver
leaves the kept ones, with their cluster keys, on ``Doc._.veille_mentions``. They never
leave ``nlp/``: ``convert`` turns them into ``Entity`` records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from veille.kb.aliases import normalise

# Who proposed a candidate, from most to least trusted. What the article itself states
# beats the knowledge base: an acronym it spells out (*Philippine Air Force (PAF)*), a
# person it introduces with a title (*le vice-amiral Arjun Mehta*).
PRIORITY = {
    "acronym": 7,
    "title": 6,
    "kb": 5,
    "generic": 4,
    "context": 3,
    "coref": 2,
    "ner": 1,
}


@dataclass(frozen=True)
class Candidate:
    """A token span proposed as a mention of an entity."""

    start: int
    end: int
    type: str
    kind: str | None
    country: str | None
    origin: str
    form: str = "name"
    target: str | None = None
    confidence: float = 0.5
    key: str | None = None
    nested: bool = False

    @property
    def priority(self) -> int:
        return PRIORITY[self.origin]

    def with_(self, **changes: object) -> Candidate:
        return replace(self, **changes)  # type: ignore[arg-type]

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def inside(self, other: Candidate) -> bool:
        return other.start <= self.start and self.end <= other.end


def register_extensions() -> None:
    """Declare the Doc attributes the components share (idempotent)."""
    for name in ("veille_candidates", "veille_mentions"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("veille_demonyms"):
        Doc.set_extension("veille_demonyms", default=None)


def low(text: str) -> str:
    """Lower case with the typographic apostrophe made plain (the quote and event rules)."""
    return text.lower().replace("’", "'")


def text_of(doc: Doc) -> str:
    """The Doc's text, built once (``Doc.text`` joins every token on each call)."""
    text: str | None = doc.user_data.get("veille_text")
    if text is None:
        text = doc.user_data["veille_text"] = doc.text
    return text


def candidates(doc: Doc) -> list[Candidate]:
    if doc._.veille_candidates is None:
        doc._.veille_candidates = []
    found: list[Candidate] = doc._.veille_candidates
    return found


def demonyms(doc: Doc) -> dict[int, str]:
    """Token index → ISO code, for every demonym in the text."""
    if doc._.veille_demonyms is None:
        doc._.veille_demonyms = {}
    found: dict[int, str] = doc._.veille_demonyms
    return found


def norm(token: Token) -> str:
    return normalise(token.text)


def is_name_like(token: Token) -> bool:
    """A token that can be part of a proper name: capitalised, an acronym or a designation."""
    text = token.text
    if not text or not (text[0].isalnum()):
        return False
    if text[0].isupper():
        return True
    return any(ch.isdigit() for ch in text) and any(ch.isalpha() for ch in text)


CONNECTORS = {"-", "&", "/", "'s"}
# Lower-case particles inside foreign names (not French *de*: it joins names to nouns).
PARTICLES = {"di", "da", "del", "della", "von", "van", "der", "den", "al", "el", "bin", "ibn"}


def _designation_prefix(token: Token) -> bool:
    text = token.text
    return (text.isalpha() and text.isupper() and len(text) >= 2) or text in ("Type", "type")


def _joins_run(doc: Doc, start: int, end: int) -> bool:
    """Whether token ``end`` continues the name run that began at ``start``."""
    token = doc[end]
    if is_name_like(token):
        return not (end > start and token.is_sent_start)
    if end == start:
        return False
    if token.is_digit:
        return _designation_prefix(doc[end - 1])  # *OPV 58 S*, *FPB 98*, *Type 214*
    if token.text in PARTICLES:
        return end + 1 < len(doc) and is_name_like(doc[end + 1])  # *Thaon di Revel*
    return (
        token.text in CONNECTORS
        and end + 1 < len(doc)
        and is_name_like(doc[end + 1])
        and (token.text == "&" or not doc[end - 1].whitespace_)
    )


def name_run(doc: Doc, start: int, max_len: int = 6) -> int:
    """The end of the proper-name run beginning at ``start`` (``start`` if none)."""
    end = start
    while end < len(doc) and end - start < max_len and _joins_run(doc, start, end):
        end += 1
    return end


def matches_at(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    """Whether the normalised words of ``phrase`` stand at token ``i``."""
    if i < 0 or i + len(phrase) > len(doc):
        return False
    return all(norm(doc[i + k]) == word for k, word in enumerate(phrase))
