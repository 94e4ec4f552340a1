"""The knowledge base: countries, organisations, companies, media and systems as data files."""

from __future__ import annotations

from veille.kb.loader import Country, KnowledgeBase, Record, load_kb

__all__ = ["Country", "KnowledgeBase", "Record", "load_kb"]
