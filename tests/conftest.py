"""Shared fixtures: cheap ones, and the spaCy pipelines loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests explore at random while developing; in CI they replay a fixed search and
# have no deadline, so a busy machine cannot turn a slow example into a failure.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def shared_path() -> Path:
    """``../shared`` beside the repository, or ``$VEILLE_SHARED``."""
    return Path(os.environ.get("VEILLE_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared evaluation data; tests that need it skip cleanly where it is absent."""
    path = shared_path()
    if not (path / "gold").is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path


@pytest.fixture(scope="session")
def nlp_fr():  # type: ignore[no-untyped-def]
    from veille.nlp.build import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def nlp_en():  # type: ignore[no-untyped-def]
    from veille.nlp.build import load_pipeline

    return load_pipeline("en")
