"""``analyze``: one article in, one ``Extraction`` out; ``analyze_many`` for a stream.

Input is checked before any model runs: bytes are decoded (UTF-8, else Windows-1252,
recorded as a warning), binary data and empty text are refused with ``InputError``,
and an article longer than ``max_chars`` is refused rather than truncated. Long
articles run in chunks cut at paragraph or sentence ends, so offsets stay exact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from veille.errors import InputError, VeilleError
from veille.kb.loader import load_kb
from veille.lang import detect_language
from veille.models import Amount, Article, Extraction, Timex
from veille.nlp.build import (
    AMOUNT_EXTRACTOR,
    DEAL_EXTRACTOR,
    ENTITY_EXTRACTOR,
    EVENT_EXTRACTOR,
    LANGUAGES,
    QUOTE_EXTRACTOR,
    TIMEX_EXTRACTOR,
    load_pipeline,
    pipeline_extractors,
)
from veille.nlp.convert import (
    MentionRecord,
    build_entities,
    doc_amounts,
    doc_mentions,
    doc_timexes,
)
from veille.nlp.convert_events import (
    DealRecord,
    EventRecord,
    build_deals,
    build_events,
    doc_deal_records,
    doc_event_records,
)
from veille.nlp.convert_quotes import (
    AttributionRecord,
    QuoteRecord,
    build_attributions,
    build_quotes,
    doc_attribution_records,
    doc_quote_records,
)

MAX_CHARS = 1_000_000
CHUNK_CHARS = 50_000
LAYERS_PRODUCED = (
    "entities",
    "timexes",
    "amounts",
    "quotes",
    "attributions",
    "events",
    "deals",
)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class DecodedText:
    text: str
    warnings: tuple[str, ...] = ()


def decode_input(data: bytes | str) -> DecodedText:
    """Text from bytes: UTF-8 (with or without BOM), else Windows-1252; refuse binary data."""
    if isinstance(data, str):
        return DecodedText(data)
    if b"\x00" in data[:8192]:
        raise InputError("input looks binary (it contains NUL bytes), not an article's text")
    try:
        return DecodedText(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    return DecodedText(text, ("input is not UTF-8; decoded as Windows-1252 (Latin-1)",))


def check_text(text: str, max_chars: int = MAX_CHARS) -> None:
    """Refuse what cannot be an article: empty, mostly control characters, too long."""
    if not text.strip():
        raise InputError("empty input: there is no text to analyze")
    sample = text[:20000]
    if len(CONTROL.findall(sample)) > 0.05 * len(sample):
        raise InputError("input looks binary (too many control characters), not an article")
    if len(text) > max_chars:
        raise InputError(
            f"input has {len(text):,} characters, over the limit of {max_chars:,} for one "
            "article; split it into articles (one per line with --jsonl) or raise --max-chars"
        )


def split_chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut text into (offset, chunk) pieces of at most ``size`` characters at natural ends."""
    chunks, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n"), window.rfind(". ") + 1)
        if cut <= size // 4:
            cut = window.rfind(" ") + 1 or size
        chunks.append((start, text[start : start + cut]))
        start += cut
    chunks.append((start, text[start:]))
    return chunks


def _resolve_lang(text: str, lang: str | None) -> str:
    lang = (lang or detect_language(text)).lower()
    if lang not in LANGUAGES:
        raise InputError(f"language {lang!r} is not supported; veille reads {', '.join(LANGUAGES)}")
    return lang


def _docs(nlp: Language, article: Article, chunks: list[tuple[int, str]]) -> Iterator[Doc]:
    """Run the pipeline over the chunks, each Doc knowing the publication date."""
    for _, chunk in chunks:
        doc = nlp.make_doc(chunk)
        doc._.veille_published = article.published
        yield doc


def _extract(article: Article, warnings: tuple[str, ...]) -> Extraction:
    lang = article.lang or "fr"
    nlp = load_pipeline(lang)
    chunks = split_chunks(article.text, CHUNK_CHARS)
    mentions: list[MentionRecord] = []
    timexes: list[Timex] = []
    amounts: list[Amount] = []
    quotes: list[QuoteRecord] = []
    attributions: list[AttributionRecord] = []
    events: list[EventRecord] = []
    deals: list[DealRecord] = []
    for (offset, _), doc in zip(chunks, nlp.pipe(_docs(nlp, article, chunks)), strict=True):
        mentions.extend(doc_mentions(doc, offset))
        timexes.extend(doc_timexes(doc, offset, TIMEX_EXTRACTOR))
        amounts.extend(doc_amounts(doc, offset, len(amounts), AMOUNT_EXTRACTOR))
        quotes.extend(doc_quote_records(doc, offset))
        attributions.extend(doc_attribution_records(doc, offset))
        events.extend(doc_event_records(doc, offset))
        deals.extend(doc_deal_records(doc, offset))
    entities = build_entities(mentions, load_kb(), lang, ENTITY_EXTRACTOR)
    sentences = build_attributions(attributions, entities, article.outlet, QUOTE_EXTRACTOR)
    return Extraction(
        article=article,
        layers=LAYERS_PRODUCED,
        entities=entities,
        timexes=tuple(timexes),
        amounts=tuple(amounts),
        quotes=build_quotes(quotes, entities, QUOTE_EXTRACTOR),
        attributions=sentences,
        events=build_events(events, entities, sentences, EVENT_EXTRACTOR),
        deals=build_deals(deals, entities, sentences, DEAL_EXTRACTOR),
        pipeline=pipeline_extractors(lang),
        warnings=warnings,
    )


def analyze(
    text: str | bytes,
    *,
    lang: str | None = None,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    id: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Extraction:
    """Read one article. ``lang`` is detected when absent; ``published`` anchors dates."""
    decoded = decode_input(text)
    check_text(decoded.text, max_chars)
    article = Article.create(
        decoded.text,
        lang=_resolve_lang(decoded.text, lang),
        published=published,
        outlet=outlet,
        url=url,
        title=title,
        id=id,
    )
    return _extract(article, decoded.warnings)


@dataclass(frozen=True)
class Failure:
    """An article that could not be analyzed, and why (``analyze_many`` yields these too)."""

    id: str | None
    line: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "line": self.line, "error": self.reason}


def analyze_many(
    items: Iterable[dict[str, Any]], *, max_chars: int = MAX_CHARS, strict: bool = False
) -> Iterator[Extraction | Failure]:
    """Analyze a stream of article dicts (``id``, ``text``, ``published``, ``lang``,
    ``outlet``); the models load once. A bad item yields a ``Failure``, never stops the run.
    A reader that could not parse an item passes ``{"_error": reason}`` to have it counted.
    An unexpected error (a bug) in one article is recorded as a failure too, so one article
    never kills a batch; ``strict=True`` (for tests) lets it raise instead."""
    for line, item in enumerate(items, start=1):
        item_id = item.get("id") if isinstance(item, dict) else None
        try:
            if isinstance(item, dict) and "_error" in item:
                raise InputError(str(item["_error"]))
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise InputError("each item needs a 'text' string")
            yield analyze(
                item["text"],
                lang=item.get("lang"),
                published=item.get("published"),
                outlet=item.get("outlet"),
                url=item.get("url"),
                title=item.get("title"),
                id=None if item_id is None else str(item_id),
                max_chars=max_chars,
            )
        except VeilleError as exc:
            yield Failure(None if item_id is None else str(item_id), line, str(exc))
        except Exception as exc:
            if strict:
                raise
            reason = f"internal error ({type(exc).__name__}: {exc}); please report it"
            yield Failure(None if item_id is None else str(item_id), line, reason)
