"""The store's error: a corrupt, locked or too-new database, each with a clear message."""

from __future__ import annotations

from veille.errors import VeilleError


class StoreError(VeilleError):
    """The SQLite store cannot be opened or written (corrupt, locked, newer schema)."""

    exit_code = 7
