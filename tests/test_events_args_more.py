"""Event arguments (``nlp/events_args.py``): places, and participants named by description,
on sentences written here."""

from __future__ import annotations

from event_helpers import events_of, one
from veille.nlp.events_args import context_parties
from veille.nlp.events_lexicon import load_deal_rules
from veille.nlp.events_records import Arg, EventFinding

# -- place ---------------------------------------------------------------------------------


def test_place_named_through_a_site() -> None:
    text = "Le Mali a réceptionné quatre drones Akıncı mardi sur la base aérienne de Sévaré."
    assert one(text, "fr", "delivery").place == "Sévaré"


def test_place_of_a_camp_in_a_demonstration() -> None:
    text = "La société Thales a présenté son radar Ground Master au Maroc, au camp militaire de Benguérir."
    assert one(text, "fr", "demonstration").place == "Benguérir"


def test_place_of_the_statement_is_not_the_event_place() -> None:
    text = (
        "Colonel Ana Reyes told reporters in Cebu that the Philippine Navy had ordered "
        "two corvettes from Hyundai Heavy Industries."
    )
    assert one(text, "en", "order").place is None


def test_place_of_a_coordinated_clause_is_its_own() -> None:
    text = (
        "The Chilean Air Force has flown the F-16 since 2006 and deployed it to exercises "
        "in Natal in 2019."
    )
    assert one(text, "en", "delivery").place is None


def test_place_of_a_participle_clause_is_its_host_scene() -> None:
    text = (
        "The agreement was discussed on Monday at a reception in Hanoi, attended by "
        "Defence Minister Le Van Thanh and Indian Defence Secretary Rajesh Kumar."
    )
    assert one(text, "en", "meeting").place == "Hanoi"


def test_place_of_a_sentence_elsewhere_is_not_taken() -> None:
    text = (
        "La marine sénégalaise a admis au service, samedi à Ziguinchor, un patrouilleur "
        "commandé en 2021 au chantier Piriou."
    )
    assert one(text, "fr", "order").place is None


def test_entrusted_is_not_a_speech_verb() -> None:
    text = "La production locale, confiée à la société Bumar à Gliwice, débutera en 2028."
    assert one(text, "fr", "joint_production").place == "Gliwice"


# -- sources are not parties -----------------------------------------------------------------


def test_source_after_selon_is_not_a_party() -> None:
    text = "Selon la DIRPA, un quatrième patrouilleur doit être livré d'ici mars 2026."
    assert not [e for e in events_of(text, "fr") if e.type == "delivery"]


def test_source_after_according_to_is_not_a_party() -> None:
    text = "According to the DSCA, the first radars will be delivered to Romania in 2027."
    event = one(text, "en", "delivery")
    assert event.actors == () and event.targets == ("RO",)


# -- participants named by description ------------------------------------------------------


def test_company_description_links_to_the_company_named_before() -> None:
    text = (
        "Airbus Helicopters a présenté son H145M à Abidjan en mai. "
        "L'hélicoptériste a livré deux appareils à la Côte d'Ivoire en juin."
    )
    event = one(text, "fr", "delivery")
    assert event.actors == ("Airbus Helicopters",) and event.targets == ("CI",)


def test_description_with_a_demonym_takes_a_company_of_that_country() -> None:
    text = (
        "Rheinmetall and Leonardo both bid for the Hungarian contract. "
        "The Italian group delivered four radars to Hungary in May."
    )
    assert one(text, "en", "delivery").actors == ("Leonardo",)


def test_the_demonym_of_a_resolved_description_is_not_a_party() -> None:
    text = (
        "Le chantier Naval Group a lancé la construction d'une corvette. "
        "Le groupe français a livré la corvette au Brésil en avril."
    )
    event = one(text, "fr", "delivery")
    assert "FR" not in event.actors and "Naval Group" in event.actors


def test_state_description_links_to_the_state_named_before() -> None:
    text = (
        "Morocco has expanded its air defence. "
        "In March the kingdom ordered six Patriot batteries from Raytheon."
    )
    event = one(text, "en", "order")
    assert event.actors == ("MA",) and "Raytheon" in event.targets


def test_the_same_company_is_a_description() -> None:
    text = (
        "Le Niger a reçu deux drones fabriqués par Baykar en mai. "
        "Le même industriel a livré quatre drones au Togo en juin."
    )
    to_togo = [e for e in events_of(text, "fr") if e.type == "delivery" and "TG" in e.targets]
    assert to_togo and to_togo[0].actors == ("Baykar",)


def test_a_noun_that_introduces_a_name_is_not_a_description() -> None:
    text = (
        "Thales a présenté un radar en avril. "
        "Le Maroc a commandé deux navires au constructeur Piriou en mai."
    )
    event = one(text, "fr", "order")
    assert "Thales" not in event.targets and "Piriou" in event.targets


def test_a_ministry_description_needs_a_ministry() -> None:
    text = (
        "The US Congress approved the budget in May. "
        "The ministry ordered two corvettes from Navantia in June."
    )
    event = one(text, "en", "order")
    assert "Congress" not in (*event.actors, *event.targets)


# -- parties from the deal told before ------------------------------------------------------


def _arg(name: str, code: str | None = None) -> Arg:
    return Arg(0, 1, code, "GPE" if code else "ORG", "country" if code else "company", code, name)


def _event(
    type_: str, start: int, actors: tuple[Arg, ...], targets: tuple[Arg, ...]
) -> EventFinding:
    return EventFinding(
        type_,
        start,
        start + 50,
        start,
        start + 5,
        "t",
        actors,
        targets,
        None,
        None,
        (),
        "asserted",
        0.5,
    )


def test_a_partyless_delivery_continues_the_order_told_before() -> None:
    rules = load_deal_rules("fr")
    order = _event("order", 0, (_arg("country:NG", "NG"),), (_arg("org:nurol"),))
    delivery = context_parties(_event("delivery", 120, (), ()), [order], rules, 600)
    assert [a.key for a in delivery.actors] == ["org:nurol"]
    assert [a.code for a in delivery.targets] == ["NG"]


def test_an_order_continuing_a_delivery_keeps_the_buyer_as_actor() -> None:
    rules = load_deal_rules("en")
    delivery = _event("delivery", 0, (_arg("org:saab"),), (_arg("country:BR", "BR"),))
    order = context_parties(_event("order", 200, (), ()), [delivery], rules, 600)
    assert [a.code for a in order.actors] == ["BR"] and [a.key for a in order.targets] == [
        "org:saab"
    ]


def test_no_parties_from_a_deal_told_too_far_before() -> None:
    rules = load_deal_rules("fr")
    order = _event("order", 0, (_arg("country:NG", "NG"),), (_arg("org:nurol"),))
    delivery = context_parties(_event("delivery", 2000, (), ()), [order], rules, 600)
    assert delivery.actors == () and delivery.targets == ()


def test_an_event_with_its_own_party_or_outside_the_deal_types_keeps_it() -> None:
    rules = load_deal_rules("fr")
    order = _event("order", 0, (_arg("country:NG", "NG"),), (_arg("org:nurol"),))
    own = _event("delivery", 100, (), (_arg("country:GH", "GH"),))
    assert context_parties(own, [order], rules, 600) is own
    visit = _event("visit", 100, (), ())
    assert context_parties(visit, [order], rules, 600) is visit


# -- possessors --------------------------------------------------------------------------------


def test_a_state_possessing_another_noun_is_no_party() -> None:
    text = "Since Russia's invasion of Ukraine, Estonia has received six HIMARS launchers."
    event = one(text, "en", "delivery")
    assert "RU" not in (*event.actors, *event.targets) and "EE" in event.targets


def test_a_state_possessing_the_trigger_is_its_party() -> None:
    text = "Poland's order of 96 K2 tanks from Hyundai Rotem was signed in May."
    assert "PL" in one(text, "en", "order").actors
