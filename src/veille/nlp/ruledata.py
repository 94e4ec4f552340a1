"""Read the versioned rule files of ``veille/nlp/patterns``: every component uses this loader."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from veille.errors import ModelError


@lru_cache(maxsize=32)
def load_rules(filename: str) -> dict[str, Any]:
    """One JSON rule file shipped in ``veille/nlp/patterns`` (cached; treat it as read-only)."""
    try:
        path = resources.files("veille").joinpath("nlp", "patterns", filename)
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        raise ModelError(f"rule file {filename} is missing or not JSON: {exc}") from exc
    return data
