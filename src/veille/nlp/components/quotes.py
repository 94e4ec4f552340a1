"""``veille.quotes.v1``: quotes, reported speech, their sources, chains and modality.

The component finds the attribution cues of the Doc (``nlp/cues.py``), resolves each
speaker in text order (``nlp/sources.py``, so that *la même source* and *il* refer back),
links nested attributions into chains (*selon X, qui cite Y, …*), and gives every
sentence its attribution and modality. Results stay on the Doc
(``doc._.veille_quotes``, ``doc._.veille_attributions``); ``convert_quotes`` makes
records of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from veille.kb.loader import load_kb
from veille.nlp.attribution import Cue, char_region, relative_report_cues
from veille.nlp.cues import (
    anchor_unopened,
    incise_cues,
    preposition_cues,
    quote_cues,
    token_at,
    verb_cues,
)
from veille.nlp.mentions import text_of
from veille.nlp.modality import clause_modality
from veille.nlp.quote_lexicon import QuoteLexicon, load_quote_lexicon
from veille.nlp.quotemarks import Passage, find_passages
from veille.nlp.sources import Attributed, SourceRef, SourceResolver

CONFIDENCE = {"quote": 0.85, "preposition": 0.8, "relative": 0.75, "verb": 0.75, "incise": 0.7}


@dataclass(frozen=True)
class QuoteFinding:
    """A quoted or reported passage (characters of the Doc) and who says it."""

    start: int
    end: int
    verb: str
    verb_start: int
    verb_end: int
    source: SourceRef
    relays: tuple[SourceRef, ...]
    construction: str
    marked: bool
    modality: str
    confidence: float

    @property
    def via(self) -> SourceRef | None:
        """The outlet the source spoke to: the last relay."""
        return self.relays[-1] if self.relays else None


@dataclass(frozen=True)
class SentenceAttribution:
    """A sentence and the source it is reported under (None: the outlet itself)."""

    start: int
    end: int
    source: SourceRef | None
    relays: tuple[SourceRef, ...]
    modality: str
    confidence: float


def register_extensions() -> None:
    for name in ("veille_quotes", "veille_attributions"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _inside_marked(cue: Cue, doc: Doc, marked: list[tuple[int, int]]) -> bool:
    at = doc[cue.verb[0]].idx
    return any(lo <= at < hi for lo, hi in marked)


def find_cues(doc: Doc, lex: QuoteLexicon) -> list[Cue]:
    """Every attribution cue of the Doc, in text order of their verbs."""
    passages = find_passages(text_of(doc))
    quoted = quote_cues(doc, passages, lex)
    taken = {i for c in quoted for i in range(*c.verb)} | {
        i for c in quoted for i in range(*c.speaker)
    }
    others: list[Cue] = []
    for sent in doc.sents:
        others.extend(preposition_cues(doc, sent, lex))
        found = verb_cues(doc, sent, lex, taken)
        taken |= {i for c in found for i in range(*c.verb)}
        others.extend(found)
        others.extend(incise_cues(doc, sent, lex, taken))
        others = _give_reports_to_their_outlet(doc, others, relative_report_cues(doc, sent, lex))
    spans = [c.passage for c in quoted]
    others = [c for c in others if not _inside_marked(c, doc, spans)]
    cue_tokens = {i for c in quoted + others for i in range(*c.verb)}
    quoted = [_anchor(doc, c, cue_tokens) for c in quoted]
    return sorted(quoted + others, key=lambda c: c.verb[0])


def _give_reports_to_their_outlet(doc: Doc, cues: list[Cue], reports: list[Cue]) -> list[Cue]:
    """*X a démenti les informations du quotidien Y, selon lesquelles P*: P is Y's report,
    so the verb whose object holds it no longer speaks for P."""
    if not reports:
        return cues

    def holds_a_report(cue: Cue) -> bool:
        return cue.construction == "verb" and any(
            cue.verb[0] < r.verb[0] and cue.passage[0] <= doc[r.verb[0]].idx < cue.passage[1]
            for r in reports
        )

    return [c for c in cues if not holds_a_report(c)] + reports


def _anchor(doc: Doc, cue: Cue, cue_tokens: set[int]) -> Cue:
    if cue.opened or not cue.marked:
        return cue
    close = cue.passage[1]
    inner = {i for i in cue_tokens if i < cue.verb[0]}
    moved = anchor_unopened(doc, Passage(cue.passage[0], close, None, close), inner)
    return replace(cue, passage=(moved.start, moved.end))


def _same(a: SourceRef, b: SourceRef) -> bool:
    return a.identity == b.identity


def _chain(relays: tuple[SourceRef, ...], extra: SourceRef | None) -> tuple[SourceRef, ...]:
    if extra is None or any(_same(extra, r) for r in relays):
        return relays
    return (*relays, extra)


def resolve_cue(doc: Doc, cue: Cue, resolver: SourceResolver, lang: str) -> QuoteFinding | None:
    """The finding of one cue, its speaker resolved; None when nobody can be named."""
    base = resolver.resolve(*cue.speaker)
    if base is None:
        return None
    base = resolver.same_channel(base)
    source, relays, voiced = base.source, base.relays, base.voiced
    if cue.citing is not None:
        cited = resolver.resolve(*cue.citing)
        if cited is not None and not _same(cited.source, source):
            source, relays, voiced = cited.source, _chain(relays, base.source), cited.voiced
    if cue.relayed is not None:
        relays = _chain(relays, resolver.outlet(*cue.relayed))
    if cue.addressee is not None:
        outlet = resolver.outlet(*cue.addressee)
        if outlet is not None and not _same(outlet, source):
            relays = _chain(relays, outlet)
    resolver.remember(Attributed(source, relays, cue.marked, voiced))
    start, end = cue.passage
    verb_start, verb_end = char_region(doc, *cue.verb)
    first, last = token_at(doc, start), token_at(doc, max(start, end - 1)) + 1
    return QuoteFinding(
        start=start,
        end=end,
        verb=text_of(doc)[verb_start:verb_end],
        verb_start=verb_start,
        verb_end=verb_end,
        source=source,
        relays=relays,
        construction=cue.construction,
        marked=cue.marked,
        modality=clause_modality(doc, first, last, lang, reported=True),
        confidence=CONFIDENCE[cue.construction] - (0.1 if source.mention is None else 0.0),
    )


def link_chains(findings: list[QuoteFinding]) -> list[QuoteFinding]:
    """A finding whose cue lies in another's passage reached us through that source:
    *Selon X, qui cite Y, une source a confié à Y que «…»* gives X → Y → the source."""
    out = []
    for finding in findings:
        outer = next(
            (
                o
                for o in findings
                if o is not finding
                and o.start <= finding.verb_start < o.end
                and not _same(o.source, finding.source)
            ),
            None,
        )
        if outer is not None:
            relays = outer.relays
            for ref in (outer.source, *finding.relays):
                relays = _chain(relays, ref)
            finding = replace(finding, relays=relays)
        out.append(finding)
    return out


def attribute_sentences(
    doc: Doc, findings: list[QuoteFinding], lang: str
) -> list[SentenceAttribution]:
    """Every sentence with the finding that covers most of it (None: the outlet)."""
    out = []
    for sent in doc.sents:
        best = _covering(sent, findings)
        out.append(
            SentenceAttribution(
                start=sent.start_char,
                end=sent.end_char,
                source=best.source if best else None,
                relays=best.relays if best else (),
                modality=clause_modality(doc, sent.start, sent.end, lang, reported=bool(best)),
                confidence=best.confidence if best else 0.6,
            )
        )
    return out


def _covering(sent: Span, findings: list[QuoteFinding]) -> QuoteFinding | None:
    """The finding that covers most of the sentence, else the reported speech whose cue
    and passage both lie in it (*X told reporters on Monday that …*; *…, affirme le site
    X, qui évoque …*; *According to X (Y), the contract is worth …*)."""

    def overlap(f: QuoteFinding) -> int:
        return max(0, min(f.end, sent.end_char) - max(f.start, sent.start_char))

    best = max(findings, key=overlap, default=None)
    if best is None:
        return None
    if overlap(best) * 2 >= len(sent.text.strip()):
        return best
    return next((f for f in findings if _reported_within(sent, f)), None)


def _reported_within(sent: Span, finding: QuoteFinding) -> bool:
    """Reported speech or a quotation whose cue and passage both lie in the sentence (*« P
    », a précisé jeudi le porte-parole du ministère, X, lors d'un point de presse*); a
    preposition only when it opens the sentence's first clause (*According to X, …*, not
    *… et reste, selon X, le premier client*)."""
    cue_inside = sent.start_char <= finding.verb_start < sent.end_char
    passage_inside = sent.start_char <= finding.start and finding.end <= sent.end_char
    if not (cue_inside and passage_inside):
        return False
    if finding.construction == "preposition":
        before = [t for t in sent if t.idx < finding.verb_start]
        return not any(t.pos_ in ("VERB", "AUX") for t in before)
    return finding.construction in ("verb", "incise", "quote", "relative")


class QuoteFinder:
    """Finds the quotes and attributions of a Doc."""

    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lang = lang
        self.lex = load_quote_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        resolver = SourceResolver(doc, self.lex, load_kb(), list(doc._.veille_mentions or []))
        findings = [
            f
            for cue in find_cues(doc, self.lex)
            if (f := resolve_cue(doc, cue, resolver, self.lang)) is not None
        ]
        findings = link_chains(sorted(findings, key=lambda f: (f.start, f.end)))
        doc._.veille_quotes = findings
        doc._.veille_attributions = attribute_sentences(doc, findings, self.lang)
        return doc


@Language.factory(
    "veille_quotes",
    requires=["doc._.veille_mentions"],
    assigns=["doc._.veille_quotes", "doc._.veille_attributions"],
    default_config={"lang": "fr"},
)
def make_quote_finder(nlp: Language, name: str, lang: str) -> QuoteFinder:
    """Register the quote finder (versioned as ``veille.quotes.v1``)."""
    return QuoteFinder(lang)
