"""Where the time goes: each pipeline component, and each conversion step of ``analyze``.

Every component of the full French pipeline is wrapped in a timer (its batched ``pipe`` is
kept), and so are the conversion functions that ``veille.pipeline`` calls on each Doc
(``doc_mentions``, ``build_entities``, ...). The rest of ``analyze`` (input checks, the
record) is reported as ``other``.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from throughput import Article

CONVERSIONS = (
    "doc_mentions",
    "doc_timexes",
    "doc_amounts",
    "doc_quote_records",
    "doc_attribution_records",
    "doc_event_records",
    "build_entities",
    "build_quotes",
    "build_attributions",
    "build_events",
    "pipeline_extractors",
)
"""The functions of ``veille.pipeline`` timed as conversion steps (those present)."""


class TimedComponent:
    """A pipeline component that adds its time to a shared counter."""

    def __init__(self, name: str, proc: Any, spent: Counter[str]) -> None:
        self.name, self.proc, self.spent = name, proc, spent

    def __call__(self, doc: Any) -> Any:
        start = time.perf_counter()
        doc = self.proc(doc)
        self.spent[self.name] += time.perf_counter() - start
        return doc

    def pipe(self, docs: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        batch = list(docs)  # materialised, so that upstream time is not counted here
        start = time.perf_counter()
        if hasattr(self.proc, "pipe"):
            out = list(self.proc.pipe(batch, **kwargs))
        else:
            out = [self.proc(doc) for doc in batch]
        self.spent[self.name] += time.perf_counter() - start
        yield from out


def _timed_function(name: str, func: Callable[..., Any], spent: Counter[str]) -> Any:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start

    return timed


def time_components(nlp: Any, spent: Counter[str]) -> None:
    """Wrap each component of ``nlp`` in a timer."""
    nlp._components = [  # noqa: SLF001 (spaCy keeps its components there)
        (name, TimedComponent(name, proc, spent)) for name, proc in nlp._components
    ]


def instrument(spent: Counter[str]) -> None:
    """Wrap the French pipeline's components and the conversion steps (for this process)."""
    import veille.pipeline as pipeline
    from veille.nlp.build import load_pipeline

    time_components(load_pipeline("fr"), spent)
    for name in CONVERSIONS:
        if hasattr(pipeline, name):
            setattr(pipeline, name, _timed_function(name, getattr(pipeline, name), spent))


def component_shares(articles: Sequence[Article]) -> tuple[float, list[tuple[str, float]]]:
    """The total time of ``analyze`` over the articles, and each part's seconds."""
    from veille.pipeline import analyze

    analyze(articles[0][0], lang="fr")  # load before instrumenting
    spent: Counter[str] = Counter()
    instrument(spent)
    spent.clear()
    start = time.perf_counter()
    for text, published in articles:
        analyze(text, lang="fr", published=published)
    total = time.perf_counter() - start
    measured = sum(spent.values())
    parts = sorted(spent.items(), key=lambda item: -item[1])
    return total, [*parts, ("other (checks, make_doc, record)", total - measured)]


def bare_shares(articles: Sequence[Article]) -> dict[str, float]:
    """Seconds per component of bare ``fr_core_news_md`` ``nlp.pipe`` over the articles."""
    import spacy

    nlp = spacy.load("fr_core_news_md")
    list(nlp.pipe(text for text, _ in articles[:2]))
    spent: Counter[str] = Counter()
    time_components(nlp, spent)
    start = time.perf_counter()
    list(nlp.pipe(text for text, _ in articles))
    total = time.perf_counter() - start
    return {**spent, "other (checks, make_doc, record)": total - sum(spent.values())}
