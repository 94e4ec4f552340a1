"""veille: source-attributed, time-anchored records of defence cooperation from the news.

The public API is small: ``analyze`` reads one article, ``analyze_many`` a stream of
them with the models loaded once; both return ``Extraction`` records.
"""

from __future__ import annotations

from veille.errors import VeilleError
from veille.models import SCHEMA_VERSION, Article, Extraction

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Extraction",
    "VeilleError",
    "__version__",
    "analyze",
    "analyze_many",
]


def __getattr__(name: str) -> object:
    # The pipeline imports spaCy; load it only when analysis is asked for.
    if name in ("analyze", "analyze_many"):
        from veille import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
