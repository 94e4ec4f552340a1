"""Plain text and Markdown: one file, one article; Markdown loses its markup."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from veille.ingest.sources import (
    Document,
    ItemError,
    ItemFailure,
    Kind,
    Meta,
    RawItem,
    SourceInfo,
    read_limited,
)

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")


class FileSource:
    """A file holding one document (text, Markdown or HTML): one item, keyed by its path."""

    def __init__(self, path: str | Path, kind: Kind, max_bytes: int) -> None:
        self.path = str(path)
        self.kind = kind
        self.max_bytes = max_bytes
        self.info = SourceInfo.of(kind, self.path)

    def items(self) -> Iterator[RawItem | ItemError]:
        key = self.path
        try:
            data = read_limited(self.path, self.max_bytes)
        except ItemFailure as exc:
            yield ItemError(key, self.info, exc.reason, str(exc))
            return
        yield RawItem.of(key, self.info, self.kind, data, Meta())


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Text without Markdown markup, and the first heading as the title."""
    title = None
    lines = []
    for line in markdown.splitlines():
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1)
            title = title or line
        line = _QUOTE.sub("", _LIST.sub("", line))
        line = _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", line))
        if line.strip() in ("---", "***", "```"):
            continue
        lines.append(line)
    return "\n".join(lines).strip(), title


def text_document(text: str, kind: Kind, meta: Meta, encoding: str | None) -> Document:
    """A document from decoded text or Markdown; empty text is refused."""
    title = None
    if kind == "markdown":
        text, title = markdown_to_text(text)
    if not text.strip():
        raise ItemFailure("empty", "no text (empty or whitespace only)")
    return Document(text.strip(), meta.merged(Meta(title=title)), encoding)
