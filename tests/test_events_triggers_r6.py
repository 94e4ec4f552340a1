"""Which events a sentence tells, round 6: awaited deliveries, support verbs that need a
trigger noun, split phrases, technology transfers and selections (sentences written here,
run through the session pipelines)."""

from __future__ import annotations

from typing import Any

from event_helpers import of_type

# -- a delivery awaited at a date ---------------------------------------------------------


def test_equipment_awaited_at_a_date_is_a_delivery(nlp_fr: Any) -> None:
    text = (
        "La Croatie a commandé douze hélicoptères Black Hawk à Sikorsky en 2023. "
        "Les premiers appareils sont attendus à la fin de l'année 2026."
    )
    deliveries = of_type(nlp_fr, text, "delivery")
    assert len(deliveries) == 1
    assert deliveries[0].date == "2026"


def test_a_force_awaiting_a_system_at_a_date_receives_it(nlp_fr: Any) -> None:
    text = "La marine chilienne attend deux frégates Type 23 d'ici le printemps prochain."
    deliveries = of_type(nlp_fr, text, "delivery")
    assert len(deliveries) == 1
    assert [a.key for a in deliveries[0].targets] == ["org:cl-navy"]


def test_awaiting_with_no_date_of_its_own_is_no_delivery(nlp_fr: Any) -> None:
    text = "La marine chilienne attend toujours les deux frégates Type 23 commandées en 2022."
    assert of_type(nlp_fr, text, "delivery") == []


def test_an_awaited_decision_is_no_delivery(nlp_fr: Any) -> None:
    text = "Une décision du gouvernement croate est attendue d'ici la fin de l'année 2026."
    assert of_type(nlp_fr, text, "delivery") == []


def test_expected_to_sign_is_no_delivery(nlp_en: Any) -> None:
    text = "Croatia is expected to sign a contract for 12 Black Hawk helicopters in 2026."
    assert of_type(nlp_en, text, "delivery") == []


def test_equipment_arriving_is_a_delivery(nlp_fr: Any) -> None:
    text = (
        "La Croatie a commandé douze hélicoptères Black Hawk à Sikorsky en 2023. "
        "Les six premiers appareils doivent arriver en 2026."
    )
    assert len(of_type(nlp_fr, text, "delivery")) == 1


# -- support verbs that need a trigger noun ----------------------------------------------


def test_finalising_a_contract_is_an_order(nlp_fr: Any) -> None:
    text = "Zagreb et Washington ont finalisé lundi le contrat portant sur douze Black Hawk."
    assert len(of_type(nlp_fr, text, "order")) == 1


def test_finalising_the_funding_is_no_agreement(nlp_fr: Any) -> None:
    text = "Zagreb et Washington doivent encore finaliser le financement du programme."
    assert of_type(nlp_fr, text, "agreement") == []


def test_finalising_an_english_deal_is_an_order(nlp_en: Any) -> None:
    text = "Croatia finalised a deal with Sikorsky for 12 Black Hawk helicopters on Monday."
    assert len(of_type(nlp_en, text, "order")) == 1


# -- a phrase the tokenizer splits; technology transfers; selections ----------------------


def test_co_produce_split_by_the_tokenizer_is_joint_production(nlp_en: Any) -> None:
    text = "Croatia plans to co-produce the Bayraktar TB2 with Baykar from 2027."
    found = of_type(nlp_en, text, "joint_production")
    assert len(found) == 1
    assert "country:HR" in [a.key for a in found[0].actors]


def test_technology_transfer_is_joint_production(nlp_fr: Any) -> None:
    text = "Le contrat prévoit un transfert de technologie de Hanwha Aerospace vers Tatra."
    assert len(of_type(nlp_fr, text, "joint_production")) == 1


def test_transfers_of_technology_in_general_are_no_event(nlp_fr: Any) -> None:
    text = "Les discussions ont porté sur l'étendue des transferts de technologie demandés."
    assert of_type(nlp_fr, text, "joint_production") == []


def test_selection_of_a_system_is_a_procurement_intent(nlp_en: Any) -> None:
    text = "Croatia's selection of the Bayraktar TB2 was announced by the defence ministry."
    assert len(of_type(nlp_en, text, "procurement_intent")) == 1


def test_english_ships_expected_at_a_date_are_a_delivery(nlp_en: Any) -> None:
    text = (
        "Chile ordered two Type 23 frigates from BAE Systems in 2023. "
        "The first frigate is expected in March 2026, the navy said."
    )
    deliveries = of_type(nlp_en, text, "delivery")
    assert len(deliveries) == 1
    assert deliveries[0].date == "2026-03"


# -- words that are no acts: names, reference nouns, general statements --------------------


def test_a_trigger_word_inside_an_organisation_name_is_no_event(nlp_fr: Any) -> None:
    text = (
        "« Un accord pourrait être signé avant la fin de l'année », a déclaré un responsable "
        "de la Colombian Defence Acquisition Agency (CDAA)."
    )
    assert of_type(nlp_fr, text, "order") == []


def test_a_value_for_the_order_names_the_order(nlp_en: Any) -> None:
    text = (
        "Colombia ordered eight Black Hawk helicopters from Sikorsky in March. "
        "Sikorsky did not give a value for the order, which will be financed by a loan."
    )
    assert len(of_type(nlp_en, text, "order")) == 1


def test_a_habitual_statement_is_no_order(nlp_fr: Any) -> None:
    text = (
        "Les quantités finalement commandées par le Maroc aux États-Unis sont souvent "
        "inférieures à celles notifiées."
    )
    assert of_type(nlp_fr, text, "order") == []


def test_usually_delivered_late_is_no_delivery(nlp_en: Any) -> None:
    text = "Such radars are usually delivered late to export customers like Colombia."
    assert of_type(nlp_en, text, "delivery") == []


# -- what talks and offers are about -----------------------------------------------------


def test_a_delivery_under_talks_is_what_is_discussed(nlp_fr: Any) -> None:
    text = "Paris et Bogota discutent de la livraison de missiles Mistral 3 de MBDA."
    assert of_type(nlp_fr, text, "delivery") == []
    assert len(of_type(nlp_fr, text, "negotiation")) == 1


def test_a_transfer_offered_is_no_delivery(nlp_en: Any) -> None:
    text = "Spain has offered to transfer two retired Santa María-class frigates to Colombia."
    assert of_type(nlp_en, text, "delivery") == []
    assert len(of_type(nlp_en, text, "offer")) == 1


def test_a_delivery_in_a_side_clause_of_an_offer_stays(nlp_fr: Any) -> None:
    text = (
        "La France a proposé de former des mécaniciens colombiens, alors que Bogota doit "
        "encore recevoir deux patrouilleurs OPV 87 commandés à Naval Group."
    )
    assert len(of_type(nlp_fr, text, "delivery")) == 1


def test_buying_as_the_purpose_of_talks_is_no_order(nlp_fr: Any) -> None:
    text = "La Colombie a ouvert des négociations avec Saab en vue d'acheter seize Gripen E."
    assert of_type(nlp_fr, text, "order") == []
    assert len(of_type(nlp_fr, text, "negotiation")) == 1


# -- contracts won and awarded -------------------------------------------------------------


def test_a_contract_awarded_is_an_order_of_the_awarding_buyer(nlp_en: Any) -> None:
    text = "The Colombian Navy awarded Damen a contract for two OPV 2400 patrol vessels."
    orders = of_type(nlp_en, text, "order")
    assert len(orders) == 1
    assert [a.key for a in orders[0].targets] == ["org:damen-shipyards-group"]


def test_a_contract_won_is_an_order_with_the_winner_as_supplier(nlp_en: Any) -> None:
    text = "Damen won a contract from the Colombian Navy for two OPV 2400 patrol vessels."
    orders = of_type(nlp_en, text, "order")
    assert len(orders) == 1
    assert [a.key for a in orders[0].targets] == ["org:damen-shipyards-group"]


def test_a_french_order_won_is_an_order(nlp_fr: Any) -> None:
    text = "Damen a décroché une commande de la Colombie pour deux patrouilleurs OPV 2400."
    assert len(of_type(nlp_fr, text, "order")) == 1


def test_winning_alone_is_no_event(nlp_en: Any) -> None:
    text = "Damen won praise from the Colombian Navy for its two OPV 2400 patrol vessels."
    assert of_type(nlp_en, text, "agreement") == []
    assert of_type(nlp_en, text, "order") == []


def test_a_contract_hoped_for_is_no_order(nlp_fr: Any) -> None:
    text = (
        "Damen a présenté son patrouilleur OPV 2400 à la marine colombienne, dans l'espoir "
        "de décrocher un contrat pour deux navires."
    )
    assert of_type(nlp_fr, text, "order") == []


# -- reference nouns are nouns; requests; evaluation flights --------------------------------


def test_deliveries_scheduled_to_begin_are_a_delivery(nlp_en: Any) -> None:
    text = (
        "Peru signed a contract with Saab for four Gripen E fighters on Monday. "
        "Deliveries are scheduled to begin in 2029, the air force said."
    )
    deliveries = of_type(nlp_en, text, "delivery")
    assert len(deliveries) == 1
    assert deliveries[0].date == "2029"


def test_requesting_weapons_is_a_procurement_intent(nlp_en: Any) -> None:
    text = "Peru's defence ministry has requested the weapons from the United States."
    assert len(of_type(nlp_en, text, "procurement_intent")) == 1


def test_requesting_comment_is_no_procurement_intent(nlp_en: Any) -> None:
    text = "Peru's defence ministry requested a comment from Saab on the Gripen E offer."
    assert of_type(nlp_en, text, "procurement_intent") == []


def test_a_delegation_on_an_evaluation_flight_visited(nlp_fr: Any) -> None:
    text = (
        "Une délégation péruvienne a effectué un vol d'évaluation du Gripen E chez Saab à "
        "Linköping le 8 janvier."
    )
    assert len(of_type(nlp_fr, text, "demonstration")) == 1
    assert len(of_type(nlp_fr, text, "visit")) == 1


# -- financing equipment -----------------------------------------------------------------


def test_financing_equipment_is_an_other_event(nlp_fr: Any) -> None:
    text = "Oslo aurait financé une partie des blindés livrés à l'Ukraine par Patria."
    assert len(of_type(nlp_fr, text, "other")) == 1


def test_an_english_state_funding_a_batch_is_an_other_event(nlp_en: Any) -> None:
    text = "Norway will fund a second batch of Patria AMV vehicles for Ukraine next year."
    assert len(of_type(nlp_en, text, "other")) == 1


def test_financing_talks_are_no_other_event(nlp_fr: Any) -> None:
    text = "La Norvège doit encore financer la formation des équipages ukrainiens."
    assert of_type(nlp_fr, text, "other") == []


def test_equipment_financed_by_a_state_is_no_other_event(nlp_fr: Any) -> None:
    text = "Patria a livré à l'Ukraine douze blindés AMV financés par la Norvège."
    assert of_type(nlp_fr, text, "other") == []


# -- talks held at a trade show ------------------------------------------------------------


def test_talks_at_a_trade_show_are_a_meeting(nlp_en: Any) -> None:
    text = (
        "Peruvian officials discussed the KF-21 with Korea Aerospace Industries at the "
        "Seoul ADEX show last month."
    )
    assert len(of_type(nlp_en, text, "meeting")) == 1
    assert of_type(nlp_en, text, "negotiation") == []


def test_talks_elsewhere_stay_a_negotiation(nlp_en: Any) -> None:
    text = "Peruvian officials discussed the KF-21 with Korea Aerospace Industries in Lima."
    assert len(of_type(nlp_en, text, "negotiation")) == 1


# -- an ordinal standing for a unit ------------------------------------------------------


def test_the_fourth_expected_at_a_date_is_a_delivery(nlp_en: Any) -> None:
    text = (
        "Peru ordered four corvettes from Navantia in 2022. The first two were built in "
        "Spain and the fourth is expected in March 2026."
    )
    deliveries = of_type(nlp_en, text, "delivery")
    assert len(deliveries) == 1
    assert deliveries[0].date == "2026-03"


def test_an_ordinal_with_no_date_is_no_delivery(nlp_en: Any) -> None:
    text = "Peru ordered four corvettes from Navantia. The fourth is expected to be larger."
    assert of_type(nlp_en, text, "delivery") == []
