"""Modality of clauses and sentences, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from veille import analyze

pytestmark = pytest.mark.model

CASES = [
    # (lang, sentence, modality of its attribution)
    ("fr", "Rabat a commandé douze drones.", "asserted"),
    ("fr", "Selon Yabiladi, Rabat a commandé douze drones.", "reported"),
    ("fr", "Rabat envisage de commander douze drones.", "hedged"),
    ("fr", "Le montant pourrait dépasser 100 millions de dollars.", "hedged"),
    ("fr", "Rabat serait en négociations avec Elbit Systems.", "hedged"),
    ("fr", "Rabat devrait commander douze drones.", "hedged"),
    ("fr", "Rabat prévoit de commander douze drones.", "planned"),
    ("fr", "Les drones seront livrés en 2026.", "planned"),
    ("fr", "Le ministère a démenti toute commande.", "denied"),
    ("fr", "Le ministère n'a pas confirmé cette information.", "denied"),
    ("fr", "Cette commande, non confirmée, porterait sur six drones.", "denied"),
    ("en", "Manila ordered twelve jets.", "asserted"),
    ("en", "Manila may order twelve jets.", "hedged"),
    ("en", "Manila has reportedly ordered twelve jets.", "hedged"),
    ("en", "Manila will order twelve jets next year.", "planned"),
    ("en", "The ministry denied that a contract had been signed.", "denied"),
]


@pytest.mark.parametrize(("lang", "sentence", "modality"), CASES)
def test_sentence_modality(
    nlp_fr: Any, nlp_en: Any, lang: str, sentence: str, modality: str
) -> None:
    (attribution,) = analyze(sentence, lang=lang).attributions
    assert attribution.modality == modality


def test_a_hedged_quote_is_hedged_in_its_sentence(nlp_fr: Any) -> None:
    text = "Une source a confié à Yabiladi que « les FAR envisagent de commander des Harop »."
    (attribution,) = analyze(text, lang="fr").attributions
    assert (attribution.modality, attribution.source_kind) == ("hedged", "anonymous")
