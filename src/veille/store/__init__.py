"""The SQLite store: one writer, upserts on stable ids, FTS5, migrations (docs/store.md)."""

from __future__ import annotations

from veille.store.db import Store
from veille.store.errors import StoreError

__all__ = ["Store", "StoreError"]
