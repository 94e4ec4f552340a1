"""HTML pages through trafilatura: main text, title, date (htmldate), site name, author.

Boilerplate (menus, comments, related-article blocks, footers) is left out by
trafilatura; a page whose main text is shorter than ``MIN_CHARS`` is not an article.
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml.etree import ParserError

from veille.ingest.sources import Document, ItemFailure, Meta

MIN_CHARS = 100
_LANG = re.compile(rb"""<html[^>]*?\blang\s*=\s*["']?([a-zA-Z]{2})""", re.IGNORECASE)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def declared_language(html: str) -> str | None:
    """The two-letter language of ``<html lang=...>``, if the page declares one."""
    found = _LANG.search(html[:4096].encode("utf-8", errors="ignore"))
    return found.group(1).decode().lower() if found else None


def html_document(html: str, meta: Meta, encoding: str | None) -> Document:
    """The page's main text and metadata; metadata the reader already knew comes first."""
    try:
        found = trafilatura.bare_extraction(
            html, url=meta.url, with_metadata=True, include_comments=False
        )
    except (ValueError, TypeError, ParserError) as exc:
        raise ItemFailure("unreadable", f"HTML could not be parsed ({exc})") from exc
    if found is None:
        raise ItemFailure("not_an_article", "no main text found in the page")
    get = found.get if isinstance(found, dict) else lambda name: getattr(found, name, None)
    text = (get("text") or "").strip()
    if len(text) < MIN_CHARS:
        raise ItemFailure(
            "not_an_article", f"main text has {len(text)} characters (under {MIN_CHARS})"
        )
    page = Meta(
        url=get("url"),
        title=get("title"),
        published=get("date"),
        outlet=get("sitename") or get("hostname"),
        lang=get("language") or declared_language(html),
        author=get("author"),
    )
    return Document(text, meta.merged(page), encoding)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content): blocks become lines."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError) as exc:
        raise ItemFailure("unreadable", f"HTML fragment could not be parsed ({exc})") from exc
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (line.strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def fragment_document(html: str, meta: Meta, encoding: str | None) -> Document:
    text = fragment_text(html)
    if not text:
        raise ItemFailure("empty", "the entry has no text")
    return Document(text, meta, encoding)
