"""Weapon-system mentions: whole designations, variants kept apart, makers split off, and
the systems a participle describes attached to its event."""

from __future__ import annotations

from typing import Any

from event_helpers import events_of, one
from veille.nlp.designations import is_designation_word


def _systems(nlp: Any, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    return [(doc[m.start : m.end].text, m.key) for m in doc._.veille_mentions if m.type == "SYSTEM"]


def test_designation_words() -> None:
    for word in ("F-16V", "70", "C/D", "NASAMS", "Mk", "MkII", "Block"):
        assert is_designation_word(word), word
    for word in ("Gripen", "Black", "type", "class"):
        assert not is_designation_word(word), word


def test_a_hyphenated_variant_letter_is_part_of_the_name(nlp_en: Any) -> None:
    found = _systems(nlp_en, "Jakarta may add HİSAR-O+ batteries to its air defence network.")
    assert [text for text, _ in found] == ["HİSAR-O+"]


def test_lower_case_type_before_a_number_is_part_of_the_designation(nlp_fr: Any) -> None:
    text = "Athènes étudie deux sous-marins de type 209/1400 supplémentaires."
    assert [t for t, _ in _systems(nlp_fr, text)] == ["type 209/1400"]


def test_the_maker_before_a_system_is_no_part_of_its_name(nlp_en: Any) -> None:
    doc = nlp_en("Uganda took delivery of ten Otokar Cobra II vehicles in May.")
    spans = {doc[m.start : m.end].text: m.type for m in doc._.veille_mentions}
    assert spans.get("Cobra II") == "SYSTEM"
    assert spans.get("Otokar") == "ORG"


def test_variants_of_one_record_are_two_systems(nlp_en: Any) -> None:
    text = (
        "Manila flies the FA-50PH today. It now wants the newer FA-50 jets,"
        " and the FA-50PH fleet will be upgraded."
    )
    keys = dict(_systems(nlp_en, text))
    assert keys["FA-50"] != keys["FA-50PH"]


def test_a_bare_name_joins_the_variant_named_before_it(nlp_en: Any) -> None:
    text = "Bangkok operates the Gripen C/D fleet. Each Gripen was upgraded in 2024."
    found = _systems(nlp_en, text)
    assert [t for t, _ in found] == ["Gripen C/D", "Gripen"]
    assert found[0][1] == found[1][1]


def test_a_participle_attaches_the_systems_of_its_noun_fr() -> None:
    text = (
        "Les premiers Rafale F4, commandés en 2022 auprès de Dassault Aviation par la Grèce,"
        " seront livrés en 2027."
    )
    orders = [e for e in events_of(text, "fr") if e.type == "order"]
    assert orders and "Rafale F4" in orders[0].systems


def test_a_participle_attaches_the_systems_of_its_noun_en() -> None:
    text = "The six Patriot batteries ordered by Poland in 2023 will arrive before 2027."
    orders = [e for e in events_of(text, "en") if e.type == "order"]
    assert orders and orders[0].systems == ("Patriot",)


def test_a_participle_that_disagrees_with_its_parsed_noun_is_not_attached() -> None:
    from veille.nlp.events_args import agrees

    class _Word:
        def __init__(self, text: str) -> None:
            self.text = text
            self.morph = _NoMorph()

    class _NoMorph:
        def get(self, _: str, default: list[str]) -> list[str]:
            return []

    assert not agrees(_Word("négocié"), _Word("livrées"))  # type: ignore[arg-type]
    assert agrees(_Word("commandés"), _Word("livrés"))  # type: ignore[arg-type]


def test_which_names_are_two_variants() -> None:
    from veille.nlp.designations import distinct_variants

    assert distinct_variants(["fa-50"], ["fa-50ph"])
    assert distinct_variants(["caesar"], ["caesar", "mkii"])
    assert distinct_variants(["gripen", "c/d"], ["gripen", "e/f"])
    assert not distinct_variants(["k2"], ["k2", "black", "panther"])
    assert not distinct_variants(["meko"], ["meko", "a-200"])
    assert not distinct_variants(["gripen", "e"], ["gripen", "e/f"])
    assert not distinct_variants(["himars"], ["m142"])
    assert distinct_variants(["hq-22"], ["fk-3"])
    assert not distinct_variants(["j-35a"], ["j35a"])


def test_an_unknown_designation_beside_a_system_noun_is_a_system(nlp_fr: Any, nlp_en: Any) -> None:
    fr = _systems(
        nlp_fr, "L'armée a reçu trois véhicules de dépannage ZX-41B fabriqués localement."
    )
    assert [t for t, _ in fr] == ["ZX-41B"]
    en = _systems(nlp_en, "The navy bought two Q/TRS-7B coastal radars from a local firm.")
    assert [t for t, _ in en] == ["Q/TRS-7B"]


def test_a_designation_far_from_any_system_noun_is_not_a_system(nlp_en: Any) -> None:
    assert _systems(nlp_en, "Officials met at the G20 summit in Rome last week.") == []


def test_a_ship_prefix_makes_a_named_vessel_a_system(nlp_fr: Any) -> None:
    doc = nlp_fr("La marine a reçu l’ENS Port-Said et l’ENS Damiette en mars.")
    spans = {doc[m.start : m.end].text: m.type for m in doc._.veille_mentions}
    assert spans.get("ENS Port-Said") == "SYSTEM"
    assert spans.get("ENS Damiette") == "SYSTEM"


def test_a_class_is_named_without_its_class_suffix(nlp_en: Any) -> None:
    found = _systems(nlp_en, "Lima may buy two Zelkova-class patrol ships from a Korean yard.")
    assert [t for t, _ in found] == ["Zelkova"]


def test_a_trigger_noun_subject_takes_the_systems_of_its_verb() -> None:
    text = (
        "Le contrat, signé en mars avec Embraer par le Portugal, porterait sur six avions"
        " de transport C-390 Millennium."
    )
    orders = [e for e in events_of(text, "fr") if e.type == "order"]
    assert orders and "C-390 Millennium" in orders[0].systems


def test_a_plural_system_noun_ending_an_alias_is_the_alias(nlp_en: Any) -> None:
    found = _systems(nlp_en, "Oslo ordered more Lightweight Multirole Missiles for its army.")
    assert [t for t, _ in found] == ["Lightweight Multirole Missile"]
    kept = _systems(nlp_en, "Manila flies two C-130 Hercules transports.")
    assert [t for t, _ in kept] == ["C-130 Hercules"]


def test_a_name_after_a_system_noun_and_its_adjectives_is_a_system(nlp_fr: Any) -> None:
    found = _systems(nlp_fr, "La marine a reçu quatre patrouilleurs rapides Vortex Mk III.")
    assert [t for t, _ in found] == ["Vortex Mk III"]


def test_systems_of_a_purpose_clause_are_not_those_bought() -> None:
    order = one(
        "La Grèce va commander des drones Heron pour remplacer ses lanceurs M270.", "fr", "order"
    )
    assert order.systems == ("Heron",)
    order = one(
        "Manila ordered six Black Hawk helicopters to replace its ageing Huey fleet.", "en", "order"
    )
    assert order.systems == ("Black Hawk",)


def test_a_purpose_clause_of_buying_keeps_its_systems() -> None:
    order = one("Athènes a signé un contrat pour acquérir douze Rafale.", "fr", "order")
    assert order.systems == ("Rafale",)
