"""Event arguments (``nlp/events_args.py``): the subject of a winning verb, and trade shows,
on sentences written here."""

from __future__ import annotations

from event_helpers import events_of, one


def test_company_winning_an_order_is_its_supplier_fr() -> None:
    event = one(
        "Le groupe Thales a remporté une commande de 40 radars auprès de la Pologne.", "fr", "order"
    )
    assert event.targets == ("Thales",)
    assert "Thales" not in event.actors


def test_company_obtaining_an_order_is_no_buyer_fr() -> None:
    event = one("Safran a obtenu une commande de 30 moteurs.", "fr", "order")
    assert event.actors == ()
    assert event.targets == ("Safran",)


def test_company_winning_an_order_is_its_supplier_en() -> None:
    event = one("Saab has won an order from Sweden for 20 radars.", "en", "order")
    assert event.actors == ("SE",)
    assert event.targets == ("Saab",)


def test_company_placing_an_order_stays_the_buyer() -> None:
    event = one("Le Maroc a passé une commande de 12 hélicoptères à Airbus.", "fr", "order")
    assert "MA" in event.actors


def test_trade_show_takes_no_part_fr() -> None:
    text = "Le Koweït a commandé quatre patrouilleurs à Fincantieri en marge du salon naval NAVDEX."
    event = one(text, "fr", "order")
    assert event.targets == ("Fincantieri",)


def test_trade_show_misparsed_as_modifier_takes_no_part_fr() -> None:
    event = one("Le contrat a été signé avec Piriou en marge du salon Euronaval.", "fr", "order")
    assert event.targets == ("Piriou",)


def test_exhibition_takes_no_part_en() -> None:
    text = "Kuwait signed the contract with Fincantieri on the sidelines of the NAVDEX exhibition."
    event = one(text, "en", "order")
    assert event.actors == ("KW",)
    assert event.targets == ("Fincantieri",)


def test_capital_after_a_purchase_word_is_the_seller_state() -> None:
    event = one("Le Chili avait commandé trois frégates à Rome en 2020.", "fr", "order")
    assert event.targets == ("IT",)
    assert event.place is None


def test_capital_after_aupres_de_is_the_seller_state() -> None:
    event = one("Le Pérou a acquis six radars auprès de Madrid en 2021.", "fr", "order")
    assert event.targets == ("ES",)


def test_capital_where_an_order_is_signed_stays_its_place() -> None:
    event = one("Le Pérou a signé à Madrid une commande de six radars.", "fr", "order")
    assert event.place == "Madrid"
    assert "ES" not in event.targets


def test_seller_of_an_embedded_purchase_takes_no_part_in_an_authorisation() -> None:
    text = (
        "Washington a autorisé l'exportation de douze hélicoptères commandés l'an dernier à Bell."
    )
    for event in events_of(text, "fr"):
        if event.type != "order":
            assert "Bell" not in (*event.actors, *event.targets), event


def test_seller_of_systems_ordered_from_it_delivers_them() -> None:
    text = "Lima a réceptionné les deux premiers des douze Super Tucano commandés à Embraer."
    event = one(text, "fr", "delivery")
    assert event.actors == ("Embraer",)
    assert event.targets == ("PE",)


def test_coordinated_clause_with_its_own_subject_tells_its_own_event() -> None:
    text = (
        "The Royal Thai Navy already operates Saab's Gripen C, and Thailand has been "
        "negotiating with several foreign suppliers to build frigates locally."
    )
    delivery = one(text, "en", "delivery")
    assert "TH" not in delivery.actors
    negotiation = one(text, "en", "negotiation")
    assert negotiation.actors == ("TH",)
