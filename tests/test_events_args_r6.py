"""Event arguments, round 6, on sentences written here: who is no party of an event."""

from __future__ import annotations

from event_helpers import events_of, one

# -- a demonym that gives a named organisation's nationality is no second party -------------


def test_nationality_of_a_named_yard_fr() -> None:
    event = one(
        "Le Ghana a commandé quatre patrouilleurs au chantier français Ocea.", "fr", "order"
    )
    assert event.actors == ("GH",)
    assert event.targets == ("Ocea",)


def test_nationality_as_a_noun_before_a_name_fr() -> None:
    event = one(
        "Le Kenya a signé avec l'espagnol Navantia un contrat pour deux frégates.", "fr", "order"
    )
    assert "ES" not in event.targets
    assert event.targets == ("Navantia",)


def test_nationality_after_the_company_noun_fr() -> None:
    event = one(
        "La société estonienne Milrem Robotics a livré dix robots au Kenya.", "fr", "delivery"
    )
    assert event.actors == ("Milrem Robotics",)


def test_nationality_past_a_hyphenated_adjective_en() -> None:
    event = one(
        "Ghana has ordered four patrol boats from Turkish state-owned shipbuilder ASFAT.",
        "en",
        "order",
    )
    assert "TR" not in event.targets
    assert "ASFAT" in event.targets


def test_demonym_on_a_bare_noun_is_still_a_party_fr() -> None:
    event = one("Le Ghana a commandé quatre patrouilleurs français.", "fr", "order")
    assert event.targets == ("FR",)


# -- a coordinated verb with a doer of its own tells its own event ---------------------------


def test_doer_of_a_coordinated_participle_en() -> None:
    text = (
        "Kenya signed a contract with Iveco for 40 trucks. The trucks will be delivered from "
        "2027 and partly assembled by Czech firm Excalibur Army, the ministry said."
    )
    deliveries = [e for e in events_of(text, "en") if e.type == "delivery"]
    assert deliveries
    for event in deliveries:
        assert "Excalibur Army" not in event.actors + event.targets
        assert "CZ" not in event.actors + event.targets
    assembly = one(text, "en", "joint_production")
    assert assembly.actors == ("Excalibur Army",)


# -- a person in the phrase of a speech verb speaks, takes no part ---------------------------


def test_spokesperson_in_apposition_fr() -> None:
    text = (
        "Les forces armées kényanes ont reçu jeudi un premier lot de blindés commandés à "
        "Otokar, a indiqué leur porte-parole, le colonel Paul Njoroge."
    )
    for event in events_of(text, "fr"):
        assert "Paul Njoroge" not in event.actors + event.targets


def test_spokesperson_in_apposition_en() -> None:
    text = (
        "The Ghanaian Navy has taken delivery of its first two patrol boats from Ocea, out of "
        "four ordered in 2024, its spokesman, Captain Kofi Asante, said on Tuesday."
    )
    for event in events_of(text, "en"):
        assert "Kofi Asante" not in event.actors + event.targets


# -- descriptions after a contracted article; a state's description as a genitive ------------


def test_description_after_du_fr() -> None:
    text = (
        "Piriou a inauguré une nouvelle cale à Concarneau. Le Ghana envisage d'acquérir deux "
        "patrouilleurs auprès du même chantier."
    )
    event = one(text, "fr", "procurement_intent")
    assert event.actors == ("GH",)
    assert event.targets == ("Piriou",)


def test_description_of_a_group_after_du_fr() -> None:
    text = (
        "Airbus a inauguré une nouvelle usine à Séville. Le Ghana négocie l'achat de deux "
        "avions auprès du groupe européen."
    )
    assert one(text, "fr", "negotiation").targets == ("Airbus",)


def test_state_description_qualifying_a_noun_is_no_party_en() -> None:
    text = (
        "Ghana took delivery of two patrol boats from Ocea in May. The minister welcomed an "
        "agreement that will help monitor the eastern borders of the country."
    )
    assert not [e for e in events_of(text, "en") if e.type == "agreement"]


# -- whoever a source phrase names, however deep in its noun phrase, says ---------------------


def test_body_inside_a_source_phrase_fr() -> None:
    text = (
        "Selon le quotidien Daily Graphic, qui cite des responsables du ministère ghanéen de la "
        "Défense, le contrat pourrait être signé d'ici la fin de l'année."
    )
    assert not [e for e in events_of(text, "fr") if e.type == "order"]


def test_body_inside_a_source_phrase_en() -> None:
    text = (
        "According to officials at the Kenyan Ministry of Defence, the contract could be "
        "signed before the end of the year."
    )
    assert not [e for e in events_of(text, "en") if e.type == "order"]


def test_party_after_a_source_phrase_stays_fr() -> None:
    event = one("Selon Airbus, le Ghana a commandé deux avions C-295.", "fr", "order")
    assert event.actors == ("GH",)


# -- a delivery that retells a purchase participle: its seller delivers, its buyer receives --


def test_seller_of_a_participle_read_as_noun_delivers_fr() -> None:
    text = (
        "Le Ghana a réceptionné lundi ses deux premiers avions de transport, sur les six "
        "commandés en 2022 auprès d'Embraer."
    )
    event = one(text, "fr", "delivery")
    assert event.actors == ("Embraer",)
    assert event.targets == ("GH",)


def test_seller_capital_of_a_retold_purchase_is_its_state_fr() -> None:
    text = "Le Ghana a réceptionné le troisième des quatre patrouilleurs commandés à Paris en 2019."
    event = one(text, "fr", "delivery")
    assert event.actors == ("FR",)
    assert event.place is None


def test_buyer_of_a_retold_purchase_receives_fr() -> None:
    text = "La marine ghanéenne a réceptionné en mars deux patrouilleurs commandés par le Nigeria."
    event = one(text, "fr", "delivery")
    assert "NG" not in event.actors


# -- a participle on a trigger noun: who it was placed with stands as its preposition says --


def test_order_placed_with_a_supplier_en() -> None:
    event = one(
        "Kenya announced an order placed with Otokar for 20 Cobra II vehicles.", "en", "order"
    )
    assert event.actors == ("KE",)
    assert event.targets == ("Otokar",)


def test_order_placed_with_a_supplier_fr() -> None:
    text = "Le Kenya a reçu lundi vingt blindés Cobra II, deuxième lot d'une commande passée auprès d'Otokar."
    event = one(text, "fr", "order")
    assert "Otokar" not in event.actors
    assert "Otokar" in event.targets


# -- the subject over a delivery participle has the systems, it does not deliver them --------


def test_subject_over_a_delivery_participle_receives_fr() -> None:
    text = "Le Ghana a exposé mardi les hélicoptères chinois Z-9 livrés l'an dernier."
    event = one(text, "fr", "delivery")
    assert event.actors == ("CN",)
    assert event.targets == ("GH",)


def test_subject_over_a_delivery_participle_receives_en() -> None:
    event = one("Ghana paraded the Chinese Z-9 helicopters delivered last year.", "en", "delivery")
    assert event.actors == ("CN",)
    assert event.targets == ("GH",)


# -- a name the parse split stands where its noun stands --------------------------------------


def test_split_capital_name_is_the_recipient_fr() -> None:
    event = one("New Delhi a réceptionné en mai trois radars Ground Master 400.", "fr", "delivery")
    assert event.targets == ("IN",)
    assert "IN" not in event.actors
