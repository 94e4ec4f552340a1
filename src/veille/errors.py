"""veille's exceptions: one base class, each carrying the exit code the CLI uses.

Third-party exceptions are mapped at the boundary (``raise InputError(...) from exc``);
only the CLI turns them into messages and exit codes.
"""

from __future__ import annotations


class VeilleError(Exception):
    """Base class of every error veille raises on purpose."""

    exit_code = 1


class InputError(VeilleError):
    """The input cannot be read as an article (empty, binary, undecodable, malformed)."""

    exit_code = 2


class ModelError(VeilleError):
    """A spaCy model or pipeline component is missing or cannot load."""

    exit_code = 3


class KnowledgeBaseError(VeilleError):
    """A knowledge-base data file is missing or malformed."""

    exit_code = 4


class GoldFormatError(VeilleError):
    """A gold annotation file does not follow ``FORMAT.md``."""

    exit_code = 5


class QualityFloorError(VeilleError):
    """An evaluation score fell below a floor given with ``--min``."""

    exit_code = 6
