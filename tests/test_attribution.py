"""Reported speech, sources, coreference of sources and chains, on sentences written for
these tests (the names of people are invented)."""

from __future__ import annotations

from typing import Any

import pytest

from veille import analyze
from veille.models import Extraction, Quote

pytestmark = pytest.mark.model


def quote_at(extraction: Extraction, words: str) -> Quote:
    at = extraction.article.text.find(words)
    found = [q for q in extraction.quotes if q.start <= at < q.end]
    assert found, f"no quote covers {words!r}: {extraction.quotes}"
    return min(found, key=lambda q: q.end - q.start)


REPORTED_FR = [
    # (text, words of the passage, source, kind, verb, via)
    (
        "Selon Africa Intelligence, Rabat négocie l'achat de drones.",
        "Rabat négocie",
        "Africa Intelligence",
        "media",
        "Selon",
    ),
    (
        "Alger aurait signé le contrat, d'après Menadefense.",
        "Alger aurait",
        "Menadefense",
        "media",
        "d'après",
    ),
    (
        "Le ministère tchadien des Armées précise que les drones sont arrivés.",
        "les drones",
        "ministère tchadien des Armées",
        "official",
        "précise",
    ),
    (
        "Les livraisons commenceront en 2026, ajoute Military Africa.",
        "Les livraisons",
        "Military Africa",
        "media",
        "ajoute",
    ),
    (
        "La Marine a reçu trois patrouilleurs, rapporte Jeune Afrique.",
        "La Marine",
        "Jeune Afrique",
        "media",
        "rapporte",
    ),
]


@pytest.mark.parametrize(("text", "words", "source", "kind", "verb"), REPORTED_FR)
def test_french_reported_speech(
    nlp_fr: Any, text: str, words: str, source: str, kind: str, verb: str
) -> None:
    quote = quote_at(analyze(text, lang="fr"), words)
    assert (quote.source, quote.source_kind, quote.verb) == (source, kind, verb)


REPORTED_EN = [
    (
        "Manila is close to a deal, according to Reuters.",
        "Manila is",
        "Reuters",
        "media",
        "according to",
    ),
    (
        "The Defense Security Cooperation Agency said on Monday that the sale was approved.",
        "the sale",
        "Defense Security Cooperation Agency",
        "official",
        "said",
    ),
    (
        "The navy wants six more frigates, Reuters reported.",
        "The navy",
        "Reuters",
        "media",
        "reported",
    ),
]


@pytest.mark.parametrize(("text", "words", "source", "kind", "verb"), REPORTED_EN)
def test_english_reported_speech(
    nlp_en: Any, text: str, words: str, source: str, kind: str, verb: str
) -> None:
    quote = quote_at(analyze(text, lang="en"), words)
    assert (quote.source, quote.source_kind, quote.verb) == (source, kind, verb)


ANONYMOUS = [
    # (lang, text, words, description start, via)
    (
        "fr",
        "Selon une source sécuritaire marocaine, la commande est signée.",
        "la commande",
        "anonymous Moroccan security source",
        None,
    ),
    (
        "fr",
        "Le contrat est signé, confie une source proche du dossier à La Tribune.",
        "Le contrat",
        "anonymous source close to the matter",
        "La Tribune",
    ),
    (
        "en",
        "The talks have resumed, Indian officials told Reuters.",
        "The talks",
        "anonymous Indian officials",
        "Reuters",
    ),
    (
        "en",
        "The army wants drones, a ministry official said.",
        "The army",
        "anonymous ministry official",
        None,
    ),
]


@pytest.mark.parametrize(("lang", "text", "words", "description", "via"), ANONYMOUS)
def test_anonymous_sources_keep_what_the_text_says(
    nlp_fr: Any,
    nlp_en: Any,
    lang: str,
    text: str,
    words: str,
    description: str,
    via: str | None,
) -> None:
    quote = quote_at(analyze(text, lang=lang), words)
    assert (quote.source, quote.source_kind, quote.via) == (description, "anonymous", via)


def test_cite_par_makes_the_citing_outlet_the_via(nlp_fr: Any) -> None:
    text = "Le contrat est signé, selon une source militaire tchadienne citée par Anadolu."
    quote = quote_at(analyze(text, lang="fr"), "Le contrat")
    assert quote.source_kind == "anonymous" and quote.via == "Anadolu"


def test_according_to_citing_makes_the_cited_the_source(nlp_en: Any) -> None:
    text = "Seoul will sell tanks to Warsaw, according to Janes, citing industry sources."
    quote = quote_at(analyze(text, lang="en"), "Seoul will")
    assert (quote.source_kind, quote.via, quote.verb) == ("anonymous", "Janes", "according to")


def test_told_names_the_outlet_spoken_to(nlp_en: Any) -> None:
    text = "Deputy Minister Ilona Varga told Reuters that the order was ready."
    quote = quote_at(analyze(text, lang="en"), "the order")
    assert (quote.source, quote.verb, quote.via) == ("Ilona Varga", "told", "Reuters")


def test_la_meme_source_refers_to_the_last_anonymous_source(nlp_fr: Any) -> None:
    text = (
        "Le contrat est signé, confie une source proche du dossier à La Tribune. "
        "Toujours selon la même source, les livraisons suivront."
    )
    quote = quote_at(analyze(text, lang="fr"), "les livraisons")
    assert (quote.source_kind, quote.via) == ("anonymous", "La Tribune")


def test_le_media_francophone_refers_to_the_outlet(nlp_fr: Any) -> None:
    text = (
        "Selon Africa Intelligence, Rabat négocie. Le Maroc a visité Israël, "
        "affirme le média francophone."
    )
    quote = quote_at(analyze(text, lang="fr"), "Le Maroc a visité")
    assert quote.source == "Africa Intelligence"


def test_a_pronoun_refers_to_the_last_person_quoted(nlp_en: Any) -> None:
    text = (
        "Deputy Minister Ilona Varga told Reuters that the order was ready. "
        "The first jets would arrive in May, she said."
    )
    quote = quote_at(analyze(text, lang="en"), "The first jets")
    assert (quote.source, quote.via) == ("Ilona Varga", "Reuters")


def test_the_official_refers_to_the_last_official(nlp_en: Any) -> None:
    text = (
        "The talks have resumed, an Indian official told Reuters. "
        "A deal could follow in June, the official added."
    )
    quote = quote_at(analyze(text, lang="en"), "A deal could")
    assert (quote.source_kind, quote.via, quote.verb) == ("anonymous", "Reuters", "added")


def test_a_chain_of_three_links_is_kept(nlp_fr: Any) -> None:
    text = (
        "Selon Al-Monitor, qui cite Haaretz, un officier israélien a confié au quotidien "
        "que « la vente est approuvée »."
    )
    extraction = analyze(text, lang="fr", outlet="Le Fil")
    quote = quote_at(extraction, "la vente")
    assert quote.source_kind == "anonymous" and quote.via == "Haaretz"
    sentence = extraction.attributions[0]
    assert (sentence.source, sentence.via) == ("Haaretz", ("Le Fil", "Al-Monitor"))


def test_every_sentence_gets_an_attribution(nlp_fr: Any) -> None:
    text = "Rabat a commandé des drones. Selon Yabiladi, la livraison est prévue en mai."
    extraction = analyze(text, lang="fr", outlet="Le Fil")
    first, second = extraction.attributions
    assert first.source is None and first.modality == "asserted"
    assert second.source == "Yabiladi" and second.via == ("Le Fil",)
