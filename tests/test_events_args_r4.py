"""Event arguments and dates (``nlp/events_args.py``, ``nlp/events_time.py``), round 4, on
sentences written here."""

from __future__ import annotations

from event_helpers import one

# -- dates: a sum over a period, a date of a nested clause ---------------------------------


def test_total_since_a_year_has_no_date_fr() -> None:
    event = one(
        "Depuis 2019, Lisbonne a commandé au total 30 blindés à Rheinmetall.", "fr", "order"
    )
    assert event.actors == ("PT",)
    assert event.date is None


def test_delivery_since_a_year_is_dated_by_it_fr() -> None:
    event = one("Moscou a fourni des hélicoptères Mi-17 au Pérou depuis 2014.", "fr", "delivery")
    assert event.date == "2014"


def test_date_of_a_participle_on_another_noun_dates_nothing_fr() -> None:
    event = one(
        "Le Caire négocie avec Naval Group deux corvettes, qui rejoindraient les quatre "
        "frégates commandées en 2017.",
        "fr",
        "negotiation",
    )
    assert event.date is None


def test_date_of_a_relative_clause_on_a_party_dates_nothing_en() -> None:
    event = one(
        "Manila is considering a new order for the Philippine Navy, which has been testing "
        "drones since last March.",
        "en",
        "procurement_intent",
    )
    assert event.date is None


def test_participle_of_the_trigger_noun_dates_it_en() -> None:
    event = one(
        "The Chilean Army has received 20 trucks from an order for 60 vehicles placed last year.",
        "en",
        "order",
    )
    assert event.date == "2024"


def test_relative_clause_retelling_the_delivery_dates_it_en() -> None:
    event = one(
        "The air force operates the Hawk trainers that Oman received in 2019.", "en", "delivery"
    )
    assert event.date == "2019"


def test_participle_on_a_word_of_the_event_type_dates_it_fr() -> None:
    event = one(
        "Selon la revue, l'armée marocaine étudierait le blindé VBCI de KNDS France, présenté "
        "lors d'une démonstration de tir organisée en mars près de Kénitra.",
        "fr",
        "demonstration",
    )
    assert event.date == "2025-03"


def test_date_in_a_complement_of_another_clause_dates_nothing_en() -> None:
    event = one(
        "The Royal Thai Navy already operates Saab's Gripen fighters, and the ministry has been "
        "negotiating with several foreign firms, as the kingdom aims to build half of its ships "
        "at home by 2035.",
        "en",
        "delivery",
    )
    assert event.date is None


def test_decision_governing_the_act_dates_it_en() -> None:
    event = one(
        "The agency reported on Friday that Ecuador had agreed in March to buy six Super Tucano "
        "aircraft from Embraer.",
        "en",
        "order",
    )
    assert event.date == "2025-03"


def test_date_of_an_adverbial_clause_with_its_own_subject_dates_nothing_en() -> None:
    event = one(
        "The navy already flies Leonardo helicopters, and the ministry has been negotiating with "
        "Fincantieri, as the government aims to spend half of its budget at home by 2030.",
        "en",
        "negotiation",
    )
    assert event.date is None


def test_date_of_a_when_clause_dates_the_event_en() -> None:
    event = one(
        "Chile ordered six radars from Thales when its defence minister visited Paris in May.",
        "en",
        "order",
    )
    assert event.date == "2025-05"


# -- place: a country for a demonstration (or a production), not for an order -----------


def test_country_is_the_place_of_a_demonstration_fr() -> None:
    event = one(
        "Elbit a présenté son drone Hermes 900 à l'armée grecque en Israël.", "fr", "demonstration"
    )
    assert event.place == "Israël"


def test_country_is_no_place_of_an_order_fr() -> None:
    event = one("Le Maroc a commandé 12 hélicoptères à Airbus en France.", "fr", "order")
    assert event.place is None
