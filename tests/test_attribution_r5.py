"""Who reports events and deals (issue 5, round 5), over sentences written for these tests:
a sentence that ends on a closing quote glued to its full stop (*›.*), and reports named
by the outlet that published them (*les informations du journal X, selon lesquelles …*)."""

from __future__ import annotations

from spacy.language import Language

from veille import analyze
from veille.models import Event, Extraction


def _event(result: Extraction, type_: str) -> Event:
    return next(e for e in result.events if e.type == type_)


def test_a_closing_quote_glued_to_its_full_stop_ends_the_sentence(nlp_fr: Language) -> None:
    doc = nlp_fr(
        "Le ministre ira à Gdynia pour ‹ voir les chantiers du partenaire polonais ›. "
        "Selon Le Temps, Berne envisage aussi des corvettes."
    )
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts == ["Le", "Selon"]


def test_a_report_after_a_closed_quotation_keeps_its_own_source() -> None:
    text = (
        "Le ministère suisse de la Défense indique que le chef de l'armée se rendra à Gdynia "
        "afin de ‹ visiter les chantiers du partenaire polonais ›. Selon Handelsblatt, "
        "Berne envisagerait également d'acheter deux corvettes à PGZ."
    )
    result = analyze(text, lang="fr", published="2025-01-10")
    reporters = {e.reported_by for e in result.events if e.type == "procurement_intent"}
    assert reporters == {("Handelsblatt",)}


def test_a_denied_report_named_by_its_outlet_is_that_outlets() -> None:
    text = (
        "Le ministère béninois de la Défense a démenti jeudi les informations du "
        "quotidien Handelsblatt, selon lesquelles Cotonou aurait commandé six drones "
        "au constructeur Baykar."
    )
    result = analyze(text, lang="fr", published="2025-01-10")
    assert [(q.source, q.verb) for q in result.quotes] == [("Handelsblatt", "selon lesquelles")]
    order = _event(result, "order")
    assert order.reported_by == ("Handelsblatt",)
    assert order.modality == "denied"


def test_a_denied_report_named_by_nobody_stays_with_the_denier() -> None:
    text = (
        "Le ministère béninois de la Défense a démenti jeudi les informations selon "
        "lesquelles Cotonou aurait commandé six drones au constructeur Baykar."
    )
    result = analyze(text, lang="fr", published="2025-01-10")
    order = _event(result, "order")
    assert order.reported_by == ("ministère béninois de la Défense",)
    assert order.modality == "denied"


def test_a_toutefois_nuance_introduces_a_quotation() -> None:
    text = (
        "« Rien n'est encore signé avec Nexter », a toutefois nuancé Jean Dufresne, "
        "porte-parole du ministère belge de la Défense."
    )
    result = analyze(text, lang="fr", published="2025-01-10")
    assert [(q.source, q.verb) for q in result.quotes] == [("Jean Dufresne", "a toutefois nuancé")]


def test_a_annonce_with_a_noun_object_reports_that_object() -> None:
    text = (
        "L'Agence de l'armement a annoncé mardi la signature d'un contrat avec Hanwha "
        "Aerospace pour quarante-huit obusiers K9."
    )
    result = analyze(text, lang="fr", published="2025-01-10")
    assert [(q.source, q.verb) for q in result.quotes] == [("Agence de l'armement", "a annoncé")]
    assert result.quotes[0].text.startswith("mardi la signature")


def test_a_document_consulted_by_an_outlet_reached_us_through_it() -> None:
    text = (
        "Selon une note de l'Agence de l'armement consultée par le quotidien Le Temps, "
        "Berne aurait commandé douze drones à Elbit Systems."
    )
    result = analyze(text, lang="fr", published="2025-01-10")
    assert [(q.source, q.via) for q in result.quotes] == [("Agence de l'armement", "Le Temps")]


def test_a_memo_seen_by_an_outlet_reached_us_through_it() -> None:
    text = (
        "Seoul has agreed to sell 18 K9 howitzers to Oslo, according to a memo from the "
        "Defense Acquisition Program Administration seen by Reuters."
    )
    result = analyze(text, lang="en", published="2025-01-10")
    assert [(q.source, q.via) for q in result.quotes] == [
        ("Defense Acquisition Program Administration", "Reuters")
    ]
