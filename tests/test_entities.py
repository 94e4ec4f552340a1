"""Entity extraction on sentences written for these tests (invented names are deliberate:
they show that context, not the knowledge base, types unknown names)."""

from __future__ import annotations

import pytest

from veille import analyze
from veille.models import Entity, Extraction


def entity_with(extraction: Extraction, mention: str) -> Entity | None:
    for entity in extraction.entities:
        if mention in entity.mentions:
            return entity
    return None


FRENCH_CASES = [
    # (sentence, mention, type, kind, country)
    (
        "La société israélienne Zorvex a présenté ses capteurs à Paris.",
        "Zorvex",
        "ORG",
        "company",
        "IL",
    ),
    (
        "Nuvaltek, spécialisée dans la guerre électronique, a remporté le marché.",
        "Nuvaltek",
        "ORG",
        "company",
        None,
    ),
    (
        "Le ministère a reçu des entreprises telles qu'Arvantis et Belmorel.",
        "Arvantis",
        "ORG",
        "company",
        None,
    ),
    (
        "Le ministère a reçu des entreprises telles qu'Arvantis et Belmorel.",
        "Belmorel",
        "ORG",
        "company",
        None,
    ),
    (
        "L'armée envisage d'acheter des drones de type Kestrel et Falx.",
        "Falx",
        "SYSTEM",
        "UAV",
        None,
    ),
    ("Rabat et Ankara ont signé un accord de défense.", "Rabat", "GPE", "country", "MA"),
    ("Rabat et Ankara ont signé un accord de défense.", "Ankara", "GPE", "country", "TR"),
    (
        "La cérémonie de livraison s'est tenue à Dakar la semaine dernière.",
        "Dakar",
        "GPE",
        "city",
        "SN",
    ),
    (
        "Des officiers de l'armée algérienne ont visité le salon.",
        "armée algérienne",
        "ORG",
        "armed_forces",
        "DZ",
    ),
    (
        "Le ministère turc de la Défense a confirmé la commande.",
        "ministère turc de la Défense",
        "ORG",
        "government",
        "TR",
    ),
    (
        "Le contrat a été signé par le général Armand Delcourt à Paris.",
        "Armand Delcourt",
        "PERSON",
        "general",
        None,
    ),
    ("Le Maroc a commandé des blindés à la Turquie.", "Maroc", "GPE", "country", "MA"),
]


ENGLISH_CASES = [
    (
        "The Estonian firm Zorvex, which makes radar sensors, won the tender.",
        "Zorvex",
        "ORG",
        "company",
        "EE",
    ),
    (
        "Washington approved the sale of the missiles on Monday.",
        "Washington",
        "GPE",
        "country",
        "US",
    ),
    ("The aircraft were handed over at a ceremony in Manila.", "Manila", "GPE", "city", "PH"),
    (
        "Officers of the Indian Army inspected the howitzers.",
        "Indian Army",
        "ORG",
        "armed_forces",
        "IN",
    ),
]


TYPED_CASES = [("fr", *case) for case in FRENCH_CASES] + [("en", *case) for case in ENGLISH_CASES]


@pytest.mark.model
@pytest.mark.parametrize(("lang", "text", "mention", "type_", "kind", "country"), TYPED_CASES)
def test_entity_is_typed(
    lang: str, text: str, mention: str, type_: str, kind: str | None, country: str | None
) -> None:
    entity = entity_with(analyze(text, lang=lang), mention)
    assert entity is not None, f"{mention!r} not found"
    assert (entity.type, entity.kind, entity.country) == (type_, kind, country)


SAME_ENTITY_CASES = [
    # an acronym pair makes the lone acronym a mention of the long form
    (
        "fr",
        "Karvex Dynamics (KVD) a livré les radars. KVD a confirmé la livraison.",
        "Karvex Dynamics",
        "KVD",
    ),
    (
        "en",
        "Karvex Dynamics (KVD) delivered the radars. KVD confirmed the delivery.",
        "Karvex Dynamics",
        "KVD",
    ),
    # a descriptive mention of a cited outlet joins the outlet
    (
        "fr",
        "Selon Haaretz, l'accord est proche. Le quotidien israélien ajoute que la "
        "livraison est prévue.",
        "Haaretz",
        "Le quotidien israélien",
    ),
    # a surname joins the full name given before
    (
        "fr",
        "Le général Armand Delcourt a visité la base. Delcourt a salué les équipes.",
        "Armand Delcourt",
        "Delcourt",
    ),
    # a capital standing for the state is a mention of the country
    ("fr", "Le Maroc renforce sa défense ; Rabat a commandé des radars.", "Maroc", "Rabat"),
]


@pytest.mark.model
@pytest.mark.parametrize(("lang", "text", "first", "second"), SAME_ENTITY_CASES)
def test_mentions_join_one_entity(lang: str, text: str, first: str, second: str) -> None:
    extraction = analyze(text, lang=lang)
    entity = entity_with(extraction, first)
    assert entity is not None, f"{first!r} not found"
    assert second in entity.mentions


NOT_ENTITY_CASES = [
    # a country named only by its demonym is no entity (demonyms are not mentions)
    ("fr", "Une délégation marocaine a visité le salon.", "marocaine"),
    ("fr", "Les responsables ont évoqué le Sahel et le Moyen-Orient.", "Moyen-Orient"),
    ("fr", "La rafale de vent a surpris les soldats.", "rafale"),
]


@pytest.mark.model
@pytest.mark.parametrize(("lang", "text", "surface"), NOT_ENTITY_CASES)
def test_not_an_entity(lang: str, text: str, surface: str) -> None:
    assert entity_with(analyze(text, lang=lang), surface) is None


@pytest.mark.model
def test_mentions_carry_exact_offsets() -> None:
    text = "Rabat et Tel-Aviv ont conclu un accord en novembre 2021."
    extraction = analyze(text, lang="fr")
    spans = [span for entity in extraction.entities for span in entity.spans]
    assert spans, "no mentions found"
    assert all(text[s.start : s.end] == s.text for s in spans)


@pytest.mark.model
def test_every_entity_keeps_evidence_and_extractor() -> None:
    extraction = analyze("La société Zorvex a livré des radars au Maroc.", lang="fr")
    assert extraction.entities
    for entity in extraction.entities:
        assert entity.evidence.text in extraction.article.text
        assert entity.extractor.name == "veille.entities"
        assert 0.0 < entity.confidence <= 1.0


SENTENCE_CASES = [
    (
        "Selon Africa Intelligence, une délégation est arrivée. Rabat a signé.",
        ["Selon Africa Intelligence, une délégation est arrivée.", "Rabat a signé."],
    ),
    (
        "«Les essais sont finis.» Le ministre a confirmé.",
        ["«Les essais sont finis.»", "Le ministre a confirmé."],
    ),
    (
        "Rabat et Tel-Aviv ont conclu un accord. etc. et la suite.",
        ["Rabat et Tel-Aviv ont conclu un accord. etc. et la suite."],
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "sentences"), SENTENCE_CASES)
def test_sentences_split_at_punctuation_only(
    nlp_fr: object, text: str, sentences: list[str]
) -> None:
    doc = nlp_fr(text)  # type: ignore[operator]
    assert [s.text for s in doc.sents] == sentences


LINE_CASES = [
    ("Rabat envisagerait de commander des drones de type Harop à\nIsrael Aerospace Industries.", 1),
    ("Le Maroc commande des drones\n\nLe contrat a été signé hier.", 2),
    ("Le Maroc commande des drones\nLe contrat a été signé hier.", 2),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "count"), LINE_CASES)
def test_wrapped_lines_run_on_but_titles_and_paragraphs_end(
    nlp_fr: object, text: str, count: int
) -> None:
    assert len(list(nlp_fr(text).sents)) == count  # type: ignore[operator]


@pytest.mark.model
def test_a_capitalised_word_before_a_title_is_not_an_organisation() -> None:
    extraction = analyze(
        "The deal was attended by Defense Undersecretary Carlo Mendoza in Manila.", lang="en"
    )
    assert entity_with(extraction, "Defense") is None
    person = entity_with(extraction, "Carlo Mendoza")
    assert person is not None and person.kind == "undersecretary"


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "mention", "kind", "country"),
    [
        (
            "en",
            "Officials of the Defence Industry Agency visited the plant.",
            "Defence Industry Agency",
            "government",
            None,
        ),
        (
            "en",
            "Belgrade is considering Chinese Skyhawk-7 drones for its army.",
            "Skyhawk-7",
            "UAV",
            "CN",
        ),
    ],
)
def test_english_heads_and_leading_demonyms(
    lang: str, text: str, mention: str, kind: str | None, country: str | None
) -> None:
    entity = entity_with(analyze(text, lang=lang), mention)
    assert entity is not None, f"{mention!r} not found"
    assert (entity.kind, entity.country) == (kind, country)


@pytest.mark.model
def test_a_capitalised_demonym_is_a_people_not_a_place() -> None:
    extraction = analyze("Les Égyptiens ont reçu la frégate en mars.", lang="fr")
    assert entity_with(extraction, "Égyptiens") is None
