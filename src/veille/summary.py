"""Readable one-screen summaries of extractions, for the CLI and the demo."""

from __future__ import annotations

from veille.models import Extraction


def format_summary(extraction: Extraction) -> str:
    """A few readable lines: the article, then its entities grouped by type."""
    article = extraction.article
    head = f"{article.id}  lang={article.lang}  published={article.published or '?'}"
    if article.outlet:
        head += f"  outlet={article.outlet}"
    lines = [head]
    for type_ in ("GPE", "ORG", "PERSON", "SYSTEM"):
        items = [
            f"{e.name} ({', '.join(x for x in (e.kind, e.country) if x) or '?'})"
            for e in extraction.entities
            if e.type == type_
        ]
        if items:
            lines.append(f"  {type_:<7} " + "; ".join(items))
    lines.extend(f"  warning: {w}" for w in extraction.warnings)
    return "\n".join(lines)
