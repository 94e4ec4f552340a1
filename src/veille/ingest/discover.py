"""From what the user names (files, directories, URLs, ``-``) to sources, by type."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from veille.ingest.feeds import FeedSource
from veille.ingest.jsonl import JsonlSource, field_mapping
from veille.ingest.sources import (
    MAX_BYTES,
    ItemError,
    ItemFailure,
    Kind,
    Meta,
    RawItem,
    Source,
    SourceInfo,
    read_limited,
)
from veille.ingest.text import FileSource
from veille.ingest.warc import WarcSource
from veille.ingest.web import Fetcher, UrlSource

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".arc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


@dataclass(frozen=True)
class ReadOptions:
    """How readers read: size limit, feed links, JSONL mapping."""

    max_bytes: int = MAX_BYTES
    fetch_links: bool = False
    fields: Mapping[str, str] = field(default_factory=dict)


def file_type(path: Path) -> str | None:
    """The reader a file name calls for (``.warc.gz`` and ``.arc.gz`` included), or None."""
    return _name_type(path.name)


def _name_type(name: str) -> str | None:
    if name.endswith("."):  # no suffix, as Path.suffixes has it
        return None
    parts = name.lower().lstrip(".").split(".")[1:]
    if not parts:
        return None
    if parts[-1] == "gz" and len(parts) > 1 and parts[-2] in ("warc", "arc"):
        return "warc"
    return SUFFIXES.get("." + parts[-1])


def sniff(head: bytes) -> str:
    """The type of content from its first bytes."""
    start = head.lstrip()[:512].lower()
    if head.startswith(b"WARC/") or head.startswith(b"\x1f\x8b"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith(b"<"):
        return "html"
    return "text"


class ErrorSource:
    """A source that could not be opened: one error item."""

    def __init__(self, location: str, failure: ItemFailure) -> None:
        self.info = SourceInfo.of("file", location)
        self.failure = failure

    def items(self) -> Iterator[RawItem | ItemError]:
        yield ItemError(self.info.location, self.info, self.failure.reason, str(self.failure))


class BytesSource:
    """Content already in memory (standard input) holding one document."""

    def __init__(self, location: str, kind: Kind, data: bytes) -> None:
        self.info = SourceInfo.of("stdin", location)
        self.kind: Kind = kind
        self.data = data

    def items(self) -> Iterator[RawItem | ItemError]:
        if not self.data.strip():
            yield ItemError(self.info.location, self.info, "empty", "standard input is empty")
            return
        yield RawItem.of(self.info.location, self.info, self.kind, self.data, Meta())


def file_source(name: str | Path, kind: str, options: ReadOptions) -> Source:
    path = Path(name)
    if kind == "warc":
        return WarcSource(path, options.max_bytes)
    if kind == "jsonl":
        fields = field_mapping(options.fields)
        return JsonlSource(str(path), lambda: path.open("rb"), fields, options.max_bytes)
    if kind == "feed":
        try:
            data = read_limited(path, options.max_bytes)
        except ItemFailure as exc:
            return ErrorSource(str(path), exc)
        return FeedSource(str(path), data, fetch_links=options.fetch_links)
    return FileSource(name, "html" if kind == "html" else _text_kind(kind), options.max_bytes)


def _text_kind(kind: str) -> Kind:
    return "markdown" if kind == "markdown" else "text"


def _sniffed_file(path: Path, options: ReadOptions) -> Source:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        return ErrorSource(str(path), ItemFailure("unreadable", f"cannot read: {exc.strerror}"))
    return file_source(path, file_type(path) or sniff(head), options)


def stdin_source(stream: IO[bytes], options: ReadOptions) -> Source:
    """Standard input: JSONL is streamed; anything else is read as one document or feed."""
    data = stream.read(options.max_bytes + 1)
    kind = sniff(data[:4096])
    if kind == "jsonl":
        import io

        fields = field_mapping(options.fields)
        return JsonlSource("-", lambda: io.BytesIO(data), fields, options.max_bytes)
    if len(data) > options.max_bytes:
        return ErrorSource("-", ItemFailure("too_large", "standard input is over the limit"))
    if kind == "feed":
        return FeedSource("-", data, fetch_links=options.fetch_links)
    return BytesSource("-", "html" if kind == "html" else "text", data)


def open_sources(
    inputs: list[str], options: ReadOptions, fetcher: Callable[[], Fetcher]
) -> Iterator[Source]:
    """Sources for the inputs, in order; directories are walked in sorted order."""
    seen: set[str] = set()
    for name in inputs:
        if name == "-":
            yield stdin_source(sys.stdin.buffer, options)
        elif name.startswith(("http://", "https://")):
            yield UrlSource(name, fetcher(), fetch_links=True)
        else:
            yield from _path_sources(Path(name), options, seen)


def _path_sources(path: Path, options: ReadOptions, seen: set[str]) -> Iterator[Source]:
    if path.is_dir():
        for entry in _walk(str(path.resolve())):
            if isinstance(entry, ErrorSource):
                yield entry
                continue
            kind = _name_type(entry.name)
            real = os.path.realpath(entry.path) if entry.is_symlink() else entry.path
            if kind and real not in seen:
                seen.add(real)
                yield file_source(real, kind, options)
    elif str(path.resolve()) not in seen:
        seen.add(str(path.resolve()))
        if not path.exists():
            yield ErrorSource(str(path), ItemFailure("unreadable", f"no such file: {path}"))
        else:
            yield _sniffed_file(path.resolve(), options)


def _walk(folder: str) -> Iterator[os.DirEntry[str] | ErrorSource]:
    """The files under a folder in the order of their sorted paths (each folder's entries by
    name, depth first), leaving out hidden names and not entering symlinked folders; a
    folder that cannot be listed is an error source."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield ErrorSource(folder, ItemFailure("unreadable", f"cannot list: {exc.strerror}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file():
            yield entry
