"""Who events and deals are reported by, and their modality, over sentences written for
these tests (issue 5: attribution and modality of events)."""

from __future__ import annotations

from veille import analyze
from veille.models import Event, Extraction


def _event(result: Extraction, type_: str) -> Event:
    return next(e for e in result.events if e.type == type_)


# -- reported speech --------------------------------------------------------------------


def test_an_incise_after_a_time_adverbial_attributes_the_sentence() -> None:
    text = (
        "Norway will buy ten NASAMS batteries from the United States, "
        "the Norwegian Ministry of Defence said on Monday."
    )
    result = analyze(text, lang="en")
    quote = result.quotes[0]
    assert quote.source == "Norwegian Ministry of Defence"
    assert quote.text.startswith("Norway will buy")
    assert _event(result, "order").reported_by == ("Norwegian Ministry of Defence",)


def test_a_speaker_in_apposition_who_told_reporters_that_reports_the_event() -> None:
    text = (
        "Colonel John Smith, the ministry's director of artillery programmes, told "
        "reporters in Oslo that a letter of intent had been signed with Nammo last week."
    )
    result = analyze(text, lang="en")
    assert result.quotes[0].source == "John Smith"
    assert _event(result, "agreement").reported_by == ("John Smith",)
    assert _event(result, "agreement").modality == "reported"


def test_a_relative_clause_after_an_incise_neither_names_nor_hides_its_speaker() -> None:
    text = (
        "Le Maroc aurait réceptionné ses premiers hélicoptères AH-64E, affirme le site "
        "spécialisé Le360, qui évoque la livraison de six appareils sur la base de Salé."
    )
    result = analyze(text, lang="fr")
    assert [q.source for q in result.quotes] == ["Le360"]
    assert _event(result, "delivery").reported_by == ("Le360",)


def test_a_verb_after_its_subject_in_apposition_is_a_statement_not_an_incise() -> None:
    text = (
        "Le porte-parole de Naval Group, Jean Dupont, a démenti mardi toute discussion "
        "sur un assemblage en Grèce."
    )
    result = analyze(text, lang="fr")
    assert [q.source for q in result.quotes] == ["Jean Dupont"]
    event = _event(result, "joint_production")
    assert (event.reported_by, event.modality) == (("Jean Dupont",), "denied")


def test_the_agency_refers_back_to_the_organisation_named_agency() -> None:
    text = (
        "According to Norway's Defence Materiel Agency (NDMA), the contract is worth about "
        "$300 million. Norway is also considering a larger purchase of NSM missiles from "
        "Kongsberg, the agency said, without giving figures."
    )
    result = analyze(text, lang="en")
    assert [q.source for q in result.quotes] == ["Defence Materiel Agency"] * 2
    assert [a.source for a in result.attributions] == ["Defence Materiel Agency"] * 2
    assert _event(result, "procurement_intent").reported_by == ("Defence Materiel Agency",)


def test_l_agence_is_the_press_agency_not_the_last_newspaper() -> None:
    text = (
        "Selon le quotidien Le Soleil, Dakar a commandé trois patrouilleurs. L'Agence "
        "béninoise de presse (ABP) rapporte que Cotonou a reçu deux vedettes. L'agence "
        "ajoute qu'un lot de fusils doit être livré d'ici la fin de l'année."
    )
    sources = [q.source for q in analyze(text, lang="fr").quotes]
    assert sources == ["Le Soleil", "Agence béninoise de presse", "Agence béninoise de presse"]


def test_an_addressee_without_determiner_stops_before_the_speaker() -> None:
    text = (
        "Le Cameroun voudrait acquérir douze blindés Cobra auprès de la Turquie, a confié "
        "à Africanews un officier camerounais, sans autre précision."
    )
    result = analyze(text, lang="fr")
    assert [q.source for q in result.quotes] == ["anonymous Cameroonian officer"]
    assert _event(result, "procurement_intent").reported_by == ("anonymous Cameroonian officer",)


def test_a_paper_named_after_its_city_is_not_the_state() -> None:
    text = (
        "Kenya picked the Gripen over the F-16 last year after the United States declined "
        "to offer the financing terms Nairobi had requested, the Nairobi Star reported at "
        "the time."
    )
    result = analyze(text, lang="en")
    assert [q.source for q in result.quotes] == ["Nairobi Star"]
    assert _event(result, "offer").reported_by == ("Nairobi Star",)


def test_il_refers_back_to_a_single_anonymous_official() -> None:
    text = (
        "Rien n'est encore décidé, a assuré à l'AFP un responsable espagnol. "
        "« Navantia a remis son offre en mai », a-t-il précisé."
    )
    result = analyze(text, lang="fr")
    assert [q.source for q in result.quotes] == ["anonymous Spanish official"] * 2
    assert _event(result, "offer").reported_by == ("anonymous Spanish official",)


def test_a_verb_coordinated_after_a_quotation_keeps_the_sentence_subject() -> None:
    text = (
        "Colonel John Smith told reporters in Oslo that a letter of intent had been signed "
        "with Nammo. He described the programme as “a national priority, not a vanity "
        "project” and said a firm contract could follow by the end of the year."
    )
    result = analyze(text, lang="en")
    assert [q.source for q in result.quotes] == ["John Smith", "John Smith"]
    assert [a.source for a in result.attributions] == ["John Smith", "John Smith"]


def test_a_ministry_spokesperson_stands_for_the_ministry_when_no_one_is_named() -> None:
    text = (
        "Britain's Ministry of Defence has ordered 200 Brimstone missiles from MBDA for "
        "Ukraine. The missiles will be delivered soon, a ministry spokesperson said, adding "
        "that Ukrainian crews were already trained on the system."
    )
    result = analyze(text, lang="en")
    assert {q.source for q in result.quotes} == {"Ministry of Defence"}
    assert result.attributions[1].source == "Ministry of Defence"


# -- modality ---------------------------------------------------------------------------


def test_a_plan_in_a_relative_clause_leaves_the_main_event_asserted() -> None:
    text = (
        "La Grèce et l'Italie ont signé en mai un mémorandum de défense, "
        "qui prévoit des manœuvres communes d'ici 2027."
    )
    result = analyze(text, lang="fr")
    assert _event(result, "agreement").modality == "asserted"
    assert _event(result, "exercise").modality == "planned"


def test_a_plan_in_a_dont_clause_leaves_the_order_asserted() -> None:
    text = (
        "Le Pérou a commandé 12 Gripen à Saab en 2023, "
        "dont les premières livraisons sont attendues l'an prochain."
    )
    assert _event(analyze(text, lang="fr"), "order").modality == "asserted"


def test_a_denial_with_an_adverb_inside_the_verb_still_denies() -> None:
    text = (
        "Rabat a par ailleurs démenti les informations selon lesquelles le Maroc "
        "aurait commandé des frégates FREMM."
    )
    result = analyze(text, lang="fr")
    assert _event(result, "order").modality == "denied"
    assert result.quotes[0].verb == "a par ailleurs démenti"


def test_a_conditional_copula_hedges_a_noun_predicate() -> None:
    text = (
        "Le Maroc serait en discussions avec Naval Group pour l'achat de deux frégates, "
        "selon une source proche du dossier."
    )
    event = _event(analyze(text, lang="fr"), "negotiation")
    assert event.modality == "hedged"
    assert event.reported_by == ("anonymous source close to the matter",)


def test_a_future_auxiliary_plans_the_verbs_coordinated_with_it() -> None:
    text = (
        "The howitzers will be delivered from 2027 and partly assembled by Norwegian firm "
        "Nammo, the ministry said."
    )
    assert _event(analyze(text, lang="en"), "joint_production").modality == "planned"


def test_expected_to_plans_the_verb_it_governs() -> None:
    text = (
        "Talks with Hanwha are expected to conclude with an agreement early next year, "
        "a Norwegian official said."
    )
    event = _event(analyze(text, lang="en"), "agreement")
    assert (event.modality, event.reported_by) == ("planned", ("anonymous Norwegian official",))


def test_s_appreter_a_plans_the_delivery() -> None:
    text = (
        "L'armée sénégalaise s'apprête à recevoir une dizaine de blindés Bastion d'Arquus, "
        "selon le site Africa Intelligence."
    )
    event = _event(analyze(text, lang="fr"), "delivery")
    assert (event.modality, event.reported_by) == ("planned", ("Africa Intelligence",))


def test_a_hedge_in_a_coordinated_clause_leaves_the_first_clause_reported() -> None:
    text = (
        "« Les discussions ont repris début mars entre Naval Group et le ministère grec de "
        "la Défense, et un accord pourrait être trouvé d'ici l'été », confie une source "
        "proche du dossier au quotidien."
    )
    result = analyze(text, lang="fr")
    assert _event(result, "negotiation").modality == "reported"
    assert _event(result, "agreement").modality == "hedged"


def test_no_contract_yet_does_not_deny_the_talks_of_the_sentence() -> None:
    text = (
        "A Polish official familiar with the talks told Reuters that negotiations with "
        "Hanwha on price were continuing, and that no contract would be signed before June."
    )
    event = _event(analyze(text, lang="en"), "negotiation")
    assert event.modality == "reported"
    assert event.reported_by == ("anonymous Polish official familiar with the matter",)
