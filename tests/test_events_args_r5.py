"""Event arguments (``nlp/convert_events.py`` naming), round 5, on sentences written here."""

from __future__ import annotations

from event_helpers import one

# -- an armed force is named by its own entity, a state by its code -------------------------


def test_navy_that_receives_is_named_fr() -> None:
    event = one(
        "La marine italienne a réceptionné en mars deux patrouilleurs livrés par Fincantieri.",
        "fr",
        "delivery",
    )
    assert "IT" not in event.targets
    assert any("marine" in name.lower() for name in event.targets)


def test_navy_that_takes_delivery_is_named_en() -> None:
    event = one(
        "The Egyptian Navy took delivery of two corvettes from TKMS in May.", "en", "delivery"
    )
    assert event.targets == ("Egyptian Navy",)


def test_armed_forces_as_a_whole_stand_for_the_state_fr() -> None:
    event = one("Rheinmetall a livré en mai des blindés à l'armée chilienne.", "fr", "delivery")
    assert event.targets == ("CL",)


def test_state_keeps_its_code_fr() -> None:
    event = one("Madrid a commandé vingt avions d'entraînement à Pilatus en avril.", "fr", "order")
    assert event.actors == ("ES",)


# -- the passive subject of a speech verb does the act it reports ---------------------------


def test_subject_raised_by_a_speech_verb_is_the_doer_en() -> None:
    event = one(
        "Chile is widely reported to be considering ten F-16s from Lockheed Martin.",
        "en",
        "procurement_intent",
    )
    assert event.actors == ("CL",)
    assert event.targets == ("Lockheed Martin",)


def test_subject_of_a_speech_verb_alone_does_not_act_en() -> None:
    event = one(
        "Chile said that Lockheed Martin had delivered ten F-16s to Peru.", "en", "delivery"
    )
    assert "CL" not in event.actors


def test_states_of_a_since_phrase_take_no_part() -> None:
    text = (
        "Estonia received its first CV90 vehicles in 2019 and has kept buying since "
        "Russia's invasion of Georgia."
    )
    delivery = one(text, "en", "delivery")
    parties = {*delivery.actors, *delivery.targets}
    assert "EE" in parties and not parties & {"RU", "GE"}


def test_a_visit_abroad_with_no_host_is_hosted_by_the_place_state() -> None:
    text = (
        "Une délégation de l'armée de l'air roumaine s'est rendue à Toulouse pour voir l'appareil."
    )
    visit = one(text, "fr", "visit")
    assert "FR" in visit.targets and visit.place == "Toulouse"


def test_a_visit_at_home_takes_no_host_from_the_place() -> None:
    text = (
        "Une délégation de l'armée de l'air roumaine s'est rendue à Constanța pour voir l'appareil."
    )
    visit = one(text, "fr", "visit")
    assert visit.targets == ()
