"""Events (``veille.events.v1``): types, roles, dates and modality on sentences written here."""

from __future__ import annotations

import pytest

from event_helpers import PUBLISHED, events_of, one
from veille.pipeline import analyze

# (lang, sentence, type, actors, targets): every event type, in French and English.
TYPES = [
    ("fr", "Début mars, une délégation marocaine s'est rendue en Israël.", "visit", ["MA"], ["IL"]),
    ("fr", "Le Maroc et Israël ont tenu une réunion à Rabat en mai.", "meeting", ["MA", "IL"], []),
    (
        "fr",
        "La société Elbit Systems a organisé des démonstrations pour l'armée marocaine.",
        "demonstration",
        ["Elbit Systems"],
        ["MA"],
    ),
    ("fr", "Baykar a proposé ses drones au Tchad.", "offer", ["Baykar"], ["TD"]),
    (
        "fr",
        "Le Maroc négocie avec Israel Aerospace Industries l'achat de drones Harop.",
        "negotiation",
        ["MA"],
        ["Israel Aerospace Industries"],
    ),
    (
        "fr",
        "Les Forces armées royales envisagent de commander des drones Harop.",
        "procurement_intent",
        ["Forces armées royales"],
        [],
    ),
    (
        "fr",
        "L'Indonésie a commandé 42 Rafale à Dassault Aviation en 2022.",
        "order",
        ["ID"],
        ["Dassault Aviation"],
    ),
    ("fr", "La Turquie a livré six drones Bayraktar TB2 au Tchad.", "delivery", ["TR"], ["TD"]),
    ("fr", "Jakarta a réceptionné trois Rafale en mars.", "delivery", [], ["ID"]),
    (
        "fr",
        "Rabat et Tel-Aviv ont signé un accord de coopération militaire en novembre 2021.",
        "agreement",
        ["MA", "IL"],
        [],
    ),
    (
        "fr",
        "Saudi Arabian Military Industries et KNDS France ont signé un accord de coentreprise.",
        "joint_production",
        ["Saudi Arabian Military Industries", "KNDS France"],
        [],
    ),
    ("fr", "La Grèce et Chypre mèneront un exercice naval en 2026.", "exercise", ["GR", "CY"], []),
    ("en", "A Moroccan delegation visited Israel in March.", "visit", ["MA"], ["IL"]),
    (
        "en",
        "Indian officials met representatives of Dassault Aviation in Paris on Tuesday.",
        "meeting",
        ["IN"],
        ["Dassault Aviation"],
    ),
    (
        "en",
        "Elbit Systems demonstrated its SkyStriker loitering munition to the Indian Army.",
        "demonstration",
        ["Elbit Systems"],
        ["Indian Army"],
    ),
    ("en", "Kongsberg offered NASAMS to Lithuania.", "offer", ["Kongsberg"], ["LT"]),
    (
        "en",
        "The Philippines is in advanced talks with South Korea over twelve FA-50 jets.",
        "negotiation",
        ["PH"],
        ["KR"],
    ),
    (
        "en",
        "India is considering buying more Rafale Marine jets from Dassault Aviation.",
        "procurement_intent",
        ["IN"],
        ["Dassault Aviation"],
    ),
    (
        "en",
        "Poland ordered 96 K2 tanks from Hyundai Rotem in 2025.",
        "order",
        ["PL"],
        ["Hyundai Rotem"],
    ),
    ("en", "Turkey delivered six Bayraktar TB2 drones to Chad.", "delivery", ["TR"], ["TD"]),
    ("en", "Lithuania received its first NASAMS batteries in 2020.", "delivery", [], ["LT"]),
    (
        "en",
        "India and Israel signed a defence cooperation agreement in March.",
        "agreement",
        ["IN", "IL"],
        [],
    ),
    (
        "en",
        "Elbit Systems and Adani Defence & Aerospace will jointly manufacture SkyStriker "
        "loitering munitions in India.",
        "joint_production",
        ["Elbit Systems", "Adani Defence & Aerospace"],
        ["IN"],
    ),
    ("en", "Greece and Cyprus held a joint naval drill in May.", "exercise", ["GR", "CY"], []),
    # an approval of a sale is an offer by the approving state, not an order
    (
        "en",
        "The State Department has approved a possible sale to Norway of 40 Javelin missiles.",
        "offer",
        ["State Department"],
        ["NO"],
    ),
    (
        "fr",
        "Washington a donné son feu vert à une possible vente au Maroc de 24 hélicoptères "
        "AH-64E Apache.",
        "offer",
        ["US"],
        ["MA"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "type_", "actors", "targets"), TYPES)
def test_event_type_and_roles(
    lang: str, text: str, type_: str, actors: list[str], targets: list[str]
) -> None:
    event = one(text, lang, type_)
    assert list(event.actors) == actors
    assert list(event.targets) == targets


# (lang, sentence, type, date): the date of the clause, not of the statement.
DATES = [
    ("fr", "Début mars, une délégation marocaine s'est rendue en Israël.", "visit", "2025-03"),
    (
        "fr",
        "La Turquie a livré six drones Bayraktar TB2 au Tchad en février.",
        "delivery",
        "2025-02",
    ),
    ("fr", "Jakarta a réceptionné trois Rafale en mars.", "delivery", "2025-03"),
    ("en", "Poland ordered 96 K2 tanks from Hyundai Rotem in 2025.", "order", "2025"),
    (
        "en",
        "Indian officials met representatives of Dassault Aviation on Tuesday.",
        "meeting",
        "2025-05-27",
    ),
    (
        "fr",
        "Une source marocaine a confié le 13 août à Yabiladi que les Forces armées royales "
        "envisagent de commander des drones Harop.",
        "procurement_intent",
        None,
    ),
    (
        "fr",
        "En mars dernier, une délégation marocaine s'est rendue en Israël. À cette occasion, "
        "Elbit Systems a présenté ses drones aux officiers marocains.",
        "demonstration",
        "2025-03",
    ),
    (
        "fr",
        "En mars dernier, une délégation marocaine s'est rendue en Israël. Le Maroc avait "
        "déjà acheté des drones Harop. Des entreprises israéliennes ont négocié avec Rabat.",
        "negotiation",
        None,
    ),
]


@pytest.mark.parametrize(("lang", "text", "type_", "date"), DATES)
def test_event_date(lang: str, text: str, type_: str, date: str | None) -> None:
    assert one(text, lang, type_).date == date


# (lang, sentence, type, modality, reported_by)
MODALITY = [
    ("fr", "La Turquie a livré des drones au Niger.", "delivery", "asserted", []),
    # *possible* qualifies the sale, not the approval
    (
        "en",
        "The State Department has approved a possible sale to Norway of 40 Javelin missiles.",
        "offer",
        "asserted",
        [],
    ),
    (
        "fr",
        "Selon Africa Intelligence, la Turquie a livré des drones au Niger.",
        "delivery",
        "reported",
        ["Africa Intelligence"],
    ),
    ("fr", "L'Algérie aurait commandé des S-400 à la Russie.", "order", "hedged", []),
    (
        "fr",
        "Le porte-parole de l'armée a démenti les informations selon lesquelles l'Égypte "
        "négocierait l'achat de frégates FREMM auprès de Fincantieri.",
        "negotiation",
        "denied",
        None,
    ),
    (
        "fr",
        "Quinze Rafale doivent être livrés à l'Indonésie d'ici 2027.",
        "delivery",
        "planned",
        [],
    ),
    ("fr", "La Grèce et Chypre mèneront un exercice naval en 2026.", "exercise", "planned", []),
    (
        "en",
        "India is considering buying more Rafale Marine jets from Dassault Aviation.",
        "procurement_intent",
        "hedged",
        [],
    ),
    (
        "en",
        "Saudi Arabia's Ministry of Defense denied a report that Riyadh ordered Wing Loong-3 "
        "drones from China.",
        "order",
        "denied",
        None,
    ),
    (
        "en",
        "Elbit Systems and Adani Defence & Aerospace will jointly manufacture SkyStriker "
        "loitering munitions in India.",
        "joint_production",
        "planned",
        [],
    ),
]


@pytest.mark.parametrize(("lang", "text", "type_", "modality", "sources"), MODALITY)
def test_event_modality_and_sources(
    lang: str, text: str, type_: str, modality: str, sources: list[str] | None
) -> None:
    event = one(text, lang, type_)
    assert event.modality == modality
    if sources is not None:
        assert list(event.reported_by) == sources


def test_place_after_a_place_preposition() -> None:
    event = one("Début mars, une délégation marocaine s'est rendue en Israël.", "fr", "visit")
    assert event.place == "Israël"


def test_demonstration_without_audience_was_for_the_visitors() -> None:
    text = (
        "Début août, une délégation marocaine a été conviée par Sibat. "
        "Elbit Systems a ensuite organisé des démonstrations."
    )
    assert list(one(text, "fr", "demonstration").targets) == ["MA"]


def test_a_sentence_without_trigger_has_no_event() -> None:
    assert (
        events_of("La coopération entre le Maroc et Israël continue de se renforcer.", "fr") == ()
    )


def test_a_trigger_naming_the_deal_is_not_a_new_event() -> None:
    text = "Le montant du contrat pourrait dépasser les 100 millions de dollars."
    assert events_of(text, "fr") == ()


def test_evidence_is_the_sentence_and_offsets_are_the_trigger() -> None:
    text = "La coopération continue. La Turquie a livré six drones Bayraktar TB2 au Tchad."
    event = one(text, "fr", "delivery")
    assert event.evidence.text == text[25:]
    assert text[event.start : event.end] == "livré"
    assert 0 < event.confidence <= 1
    assert event.extractor.name == "veille.events"


def test_the_component_leaves_findings_on_the_doc(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_fr("La Turquie a livré six drones Bayraktar TB2 au Tchad.")
    assert [e.type for e in doc._.veille_events] == ["delivery"]
    assert [d.status for d in doc._.veille_deals] == ["delivered"]


def test_offsets_stay_right_across_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    import veille.pipeline

    monkeypatch.setattr(veille.pipeline, "CHUNK_CHARS", 80)
    text = (
        "La coopération entre les deux pays continue de se renforcer.\n"
        "La Turquie a livré six drones Bayraktar TB2 au Tchad en février.\n"
        "L'Indonésie a commandé 42 Rafale à Dassault Aviation en 2022."
    )
    extraction = analyze(text, lang="fr", published=PUBLISHED)
    assert [e.type for e in extraction.events] == ["delivery", "order"]
    for event in extraction.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert text[event.start : event.end] in ("livré", "commandé")
    assert [d.status for d in extraction.deals] == ["delivered", "ordered"]
    assert all(text[d.start : d.end] == d.evidence.text for d in extraction.deals)


def test_without_the_quote_component_own_cues_decide(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    with nlp_fr.select_pipes(disable=["veille_quotes"]):
        reported = nlp_fr("Selon Africa Intelligence, la Turquie a livré des drones au Niger.")
        hedged = nlp_fr("L'Algérie aurait commandé des S-400 à la Russie.")
    assert [e.modality for e in reported._.veille_events] == ["asserted"]
    assert [e.modality for e in hedged._.veille_events] == ["hedged"]
