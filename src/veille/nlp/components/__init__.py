"""veille's spaCy components; importing this package registers their factories."""

from __future__ import annotations

from veille.nlp.components import kb_ruler, quotes, resolver, sentences, time_money, typer

__all__ = ["kb_ruler", "quotes", "resolver", "sentences", "time_money", "typer"]
