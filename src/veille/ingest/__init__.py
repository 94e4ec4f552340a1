"""Ingestion: files, feeds, archives, JSONL, URLs and stdin to stored articles.

``ingest(store, inputs, options)`` is the one entry point (see docs/ingest.md).
"""

from __future__ import annotations

from veille.ingest.discover import ReadOptions
from veille.ingest.runner import Counts, IngestOptions, IngestResult, ingest

__all__ = ["Counts", "IngestOptions", "IngestResult", "ReadOptions", "ingest"]
