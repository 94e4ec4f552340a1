"""Quotation marks and quotes: pairing on plain text, quotes over sentences written for
these tests, property tests over random text, and the seed's five gold quotes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille import analyze
from veille.models import Quote
from veille.nlp.quotemarks import find_passages


def quote_starting(quotes: tuple[Quote, ...], text: str, words: str) -> Quote | None:
    at = text.find(words)
    return next((q for q in quotes if q.start <= at < q.end), None)


# -- pairing on plain text ---------------------------------------------------------------

PAIRING_CASES = [
    # (text, expected passages)
    ("« Nous signerons », dit-il.", ["Nous signerons"]),
    ("“We will sign,” he said.", ["We will sign,"]),
    ('"We will sign," he said.', ["We will sign,"]),
    ("‹ Nous verrons › dit-elle.", ["Nous verrons"]),
    ("A. Le contrat est signé », note X.", ["A. Le contrat est signé"]),
    ("« Un passage\n« qui continue. »", ["Un passage\n« qui continue."]),
    ("« jamais fermé", ["jamais fermé"]),
    ("« a « b » c »", ["a « b » c"]),
    ("« extérieur “intérieur” fin »", ["extérieur “intérieur” fin"]),
    ("« »", []),
]


@pytest.mark.parametrize(("text", "expected"), PAIRING_CASES)
def test_quote_marks_pair_into_passages(text: str, expected: list[str]) -> None:
    assert [text[p.start : p.end] for p in find_passages(text)] == expected


def test_an_unopened_passage_is_marked_unopened() -> None:
    (passage,) = find_passages("Le contrat est signé », note X.")
    assert not passage.opened and passage.close_mark is not None


MARKS = st.sampled_from(list('«»“”‹›"„ ') + ["\n", "\n\n", ". ", ", "])
WORDS = st.sampled_from(["selon", "Reuters", "a", "dit", "que", "le", "said", "X", "é", ""])
TEXTS = st.lists(st.one_of(MARKS, WORDS), max_size=60).map("".join)


@given(TEXTS)
def test_pairing_never_fails_and_stays_inside_the_text(text: str) -> None:
    previous_end = 0
    for passage in find_passages(text):
        assert 0 <= passage.start < passage.end <= len(text)
        assert passage.start >= previous_end or passage.start < previous_end  # ordered below
        previous_end = passage.end


@given(TEXTS)
def test_passages_never_overlap(text: str) -> None:
    passages = find_passages(text)
    for a, b in zip(passages, passages[1:], strict=False):
        assert a.end <= b.start + 1


# -- quotes over whole sentences ---------------------------------------------------------

FRENCH_QUOTES = [
    # (text, start words, source, kind, verb, via)
    (
        "« Les essais commenceront en mai », a déclaré Lucien Ferrandi, porte-parole de la DGA.",
        "Les essais",
        "Lucien Ferrandi",
        "official",
        "a déclaré",
        None,
    ),
    (
        "Un officier marocain a confié à Yabiladi que « la commande est prête ».",
        "la commande",
        "anonymous Moroccan officer",
        "anonymous",
        "a confié",
        "Yabiladi",
    ),
    (
        "Le général Paul Mercier était à Toulon. « Le calendrier sera tenu », a-t-il affirmé.",
        "Le calendrier",
        "Paul Mercier",
        "official",
        "a-t-il affirmé",
        None,
    ),
    (
        "Thales se borne à évoquer « un partenariat de long terme ».",
        "un partenariat",
        "Thales",
        "organisation",
        "se borne à évoquer",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "start", "source", "kind", "verb", "via"), FRENCH_QUOTES)
def test_french_quote_source_verb_and_via(
    nlp_fr: Any,
    text: str,
    start: str,
    source: str | None,
    kind: str | None,
    verb: str,
    via: str | None,
) -> None:
    quote = quote_starting(analyze(text, lang="fr").quotes, text, start)
    assert quote is not None
    assert quote.verb == verb
    if source is not None:
        assert (quote.source, quote.source_kind, quote.via) == (source, kind, via)


ENGLISH_QUOTES = [
    (
        '"We will deliver on time," Defence Minister Kari Halvorsen told Reuters.',
        "We will deliver",
        "Kari Halvorsen",
        "official",
        "told",
        "Reuters",
    ),
    (
        "Saab said the radar “meets every requirement” of the navy.",
        "meets every",
        "Saab",
        "organisation",
        "said",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "start", "source", "kind", "verb", "via"), ENGLISH_QUOTES)
def test_english_quote_source_verb_and_via(
    nlp_en: Any,
    text: str,
    start: str,
    source: str | None,
    kind: str | None,
    verb: str,
    via: str | None,
) -> None:
    quote = quote_starting(analyze(text, lang="en").quotes, text, start)
    assert quote is not None
    assert quote.verb == verb
    if source is not None:
        assert (quote.source, quote.source_kind, quote.via) == (source, kind, via)


@pytest.mark.model
def test_a_quote_over_two_paragraphs_is_one_passage(nlp_fr: Any) -> None:
    text = (
        "« Les premiers chars arriveront en mars.\n\n"
        "« Les suivants suivront en juin », a précisé le colonel Marc Dubreuil."
    )
    quote = quote_starting(analyze(text, lang="fr").quotes, text, "Les premiers")
    assert quote is not None and "Les suivants" in quote.text
    assert quote.source == "Marc Dubreuil"


@pytest.mark.model
def test_an_unopened_quote_starts_after_the_previous_attribution(nlp_fr: Any) -> None:
    text = (
        "« La Marine a reçu deux frégates », révèle La Tribune. Une troisième suivra. "
        "Elle sera armée de missiles Aster », précise la même source."
    )
    quote = quote_starting(analyze(text, lang="fr").quotes, text, "Une troisième")
    assert quote is not None and quote.start == text.find("Une troisième")
    assert (quote.source, quote.verb) == ("La Tribune", "précise")


@pytest.mark.model
def test_scare_quotes_without_a_verb_are_no_quote(nlp_fr: Any) -> None:
    text = "Le « bouclier » aérien du pays reste incomplet."
    assert analyze(text, lang="fr").quotes == ()


@pytest.mark.model
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS.filter(lambda t: t.strip() != ""))
def test_the_quote_finder_never_fails_on_random_marks(text: str) -> None:
    extraction = analyze(text, lang="fr")
    for quote in extraction.quotes:
        assert 0 <= quote.start <= quote.end <= len(extraction.article.text)
    for item in extraction.attributions:
        assert 0 <= item.start <= item.end <= len(extraction.article.text)


# -- the seed ----------------------------------------------------------------------------


def seed_quotes(shared: Path) -> tuple[str, list[dict[str, Any]], tuple[Quote, ...]]:
    gold = json.loads((shared / "gold" / "seed-001.json").read_text("utf-8"))
    text = (shared / "gold" / gold["text_file"]).read_text("utf-8")
    extraction = analyze(text, lang="fr", published=gold["published"], outlet=gold["outlet"])
    return extraction.article.text, gold["quotes"], extraction.quotes


@pytest.mark.model
@pytest.mark.parametrize("index", range(5))
def test_seed_gold_quotes(shared: Path, index: int) -> None:
    text, gold, quotes = seed_quotes(shared)
    expected = gold[index]
    quote = quote_starting(quotes, text, expected["text_start"])
    assert quote is not None, expected["text_start"]
    assert quote.verb == expected["verb"]
    assert quote.source_kind == expected["source_kind"]
    assert quote.via == expected["via"]
    if expected["source_kind"] == "anonymous":
        assert quote.source.startswith("anonymous Moroccan")
    else:
        assert quote.source == expected["source"]
