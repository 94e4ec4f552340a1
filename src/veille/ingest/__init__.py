"""Ingestion: files, feeds, archives, JSONL, URLs and stdin to stored articles.

``ingest(store, inputs, options)`` is the one entry point (see docs/ingest.md). Its names
are imported on first use, so that the writer process (``veille.ingest.writer_process``)
starts without the readers and trafilatura.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from veille.ingest.discover import ReadOptions
    from veille.ingest.runner import Counts, IngestOptions, IngestResult, ingest

_HOMES = {
    "ReadOptions": "veille.ingest.discover",
    **dict.fromkeys(("Counts", "IngestOptions", "IngestResult", "ingest"), "veille.ingest.runner"),
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)


__all__ = ["Counts", "IngestOptions", "IngestResult", "ReadOptions", "ingest"]
