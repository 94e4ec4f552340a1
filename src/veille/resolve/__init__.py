"""Resolve: canonical entity ids across articles, and claims merged into deals and events.

``names`` gives the canonical ids, ``keys`` the stable ids of deals, events and claims,
``claims`` turns one article's extraction into claim rows, ``merge`` computes a merged
record (values side by side, dated status history, corroboration) from its claims.
See ``docs/deals.md``.
"""

from __future__ import annotations

from veille.resolve.keys import deal_key, event_key
from veille.resolve.names import entity_id, normalise_name

__all__ = ["deal_key", "entity_id", "event_key", "normalise_name"]
