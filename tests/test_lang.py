"""Language detection: French or English from function words."""

from __future__ import annotations

import pytest

from veille.lang import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministère de la Défense a confirmé la commande des drones pour l'armée.", "fr"),
        ("The ministry said the order for the drones was confirmed by the army.", "en"),
        ("Selon une source proche du dossier, les négociations sont avancées.", "fr"),
        ("According to the newspaper, the deal is worth more than $300 million.", "en"),
        ("IAI 2025 Harop", "fr"),  # no sign either way: French first
    ],
)
def test_detects_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected
