"""veille's spaCy components; importing this package registers their factories."""

from __future__ import annotations

from veille.nlp.components import events, kb_ruler, quotes, resolver, sentences, time_money, typer

__all__ = ["events", "kb_ruler", "quotes", "resolver", "sentences", "time_money", "typer"]
