"""The date of an event: its own, or the date of the statement that announces a decision
(sentences written here)."""

from __future__ import annotations

import datetime as dt

from veille import analyze
from veille.models import Event

PUBLISHED = dt.date(2025, 3, 14)  # a Friday


def dated(text: str, lang: str, type_: str) -> str | None:
    found = [e for e in _events(text, lang) if e.type == type_]
    assert len(found) == 1, [e.type for e in _events(text, lang)]
    return found[0].date


def _events(text: str, lang: str) -> list[Event]:
    return list(analyze(text, lang=lang, published=PUBLISHED).events)


def test_a_signing_is_dated_by_the_statement_that_announces_it() -> None:
    text = (
        "Norway has signed a contract with Kongsberg for 14 radars, the ministry said on Tuesday."
    )
    assert dated(text, "en", "order") == "2025-03-11"


def test_an_approval_is_dated_by_the_statement_that_reports_it() -> None:
    text = (
        "The agency said on March 3 that the State Department had approved a possible sale "
        "of 40 missiles to Finland."
    )
    assert dated(text, "en", "offer") == "2025-03-03"


def test_a_french_signing_is_dated_by_its_announcement() -> None:
    text = "La Grèce a signé un contrat avec Thales pour six radars, a indiqué mardi le ministère."
    assert dated(text, "fr", "order") == "2025-03-11"


def test_an_intent_is_not_dated_by_the_statement() -> None:
    text = "Un officier a confié le 3 mars que l'armée envisage d'acheter des drones à Elbit."
    assert dated(text, "fr", "procurement_intent") is None


def test_an_earlier_claim_does_not_date_what_it_claimed() -> None:
    text = (
        "Le journal avait affirmé le 3 mars que Paris et Rome étaient parvenus à un accord "
        "sur deux frégates."
    )
    assert dated(text, "fr", "agreement") is None


def test_a_delivery_is_not_dated_by_its_report() -> None:
    text = "Turkey has delivered six drones to Mali, the army said on Tuesday."
    assert dated(text, "en", "delivery") is None


def timex_values(text: str, lang: str) -> list[str]:
    return [t.value for t in analyze(text, lang=lang, published=PUBLISHED).timexes]


def test_a_month_bounded_ahead_is_the_coming_one() -> None:
    text = "Le ministère a indiqué que le contrat serait signé d'ici la fin du mois de février."
    assert timex_values(text, "fr") == ["2026-02"]
    text = "The navy hopes the deal can be signed by the end of January, officials said."
    assert timex_values(text, "en") == ["2026-01"]


def test_a_season_bounded_ahead_is_the_coming_one() -> None:
    assert timex_values("Le contrat devrait être signé avant l'hiver.", "fr") == ["2025-WI"]


def test_a_month_in_a_past_clause_is_still_the_last_one() -> None:
    assert timex_values("L'Estonie a commandé six radars en janvier.", "fr") == ["2025-01"]


def test_a_conditional_perfect_reads_its_month_in_the_past() -> None:
    assert timex_values("L'armée aurait reçu un radar en janvier.", "fr") == ["2025-01"]
    assert timex_values("Le dossier aurait été abordé mardi à Rome.", "fr") == ["2025-03-11"]


def test_a_passive_under_a_modal_reads_its_month_ahead() -> None:
    assert timex_values("Le contrat devrait être signé en mai.", "fr") == ["2025-05"]
    assert timex_values("The contract could be signed in May.", "en") == ["2025-05"]


def test_a_bare_past_participle_reads_its_weekday_in_the_past() -> None:
    text = "Interrogé mardi, le porte-parole n'a rien confirmé."
    assert timex_values(text, "fr") == ["2025-03-11"]


def test_an_opening_date_frames_the_whole_sentence() -> None:
    text = (
        "Début mars, une délégation indonésienne conduite par le vice-amiral Budi Santoso, "
        "sous-chef d'état-major de la marine, s'est rendue à Lorient, où le chantier lui a "
        "présenté la frégate FDI."
    )
    assert dated(text, "fr", "demonstration") == "2025-03"
    text = (
        "La semaine dernière, une délégation marocaine conduite par le général Ahmed Benali, "
        "chef d'état-major de la marine royale, s'est rendue à Toulouse, où l'avionneur lui a "
        "présenté l'A400M."
    )
    assert dated(text, "fr", "demonstration") == "2025-W10"


def test_a_place_relative_takes_the_date_of_its_host_clause() -> None:
    text = (
        "Le ministre grec s'est rendu le 4 mars en Israël, où Elbit Systems lui a présenté "
        "son lance-roquettes PULS."
    )
    assert dated(text, "fr", "demonstration") == "2025-03-04"


def test_a_date_of_the_first_conjunct_does_not_date_the_second() -> None:
    text = (
        "Selon le journal, l'armée serbe aurait reçu un radar chinois en janvier et négocierait "
        "avec la Chine l'achat de missiles supplémentaires."
    )
    assert dated(text, "fr", "negotiation") is None


def test_a_date_deep_in_the_first_conjunct_does_not_date_the_second() -> None:
    text = (
        "D'après un diplomate cité par l'AFP, Le Caire a demandé à Berlin d'avancer à 2026 la "
        "livraison du premier sous-marin et discuterait aussi de l'achat de torpilles auprès "
        "de TKMS."
    )
    assert dated(text, "fr", "negotiation") is None


def test_an_announced_decision_takes_the_announcement_date() -> None:
    text = (
        "Le ministre a reçu mardi les dirigeants de Naval Group et de PT PAL, qui ont annoncé "
        "en janvier la création d'une coentreprise chargée de construire des sous-marins."
    )
    assert dated(text, "fr", "joint_production") == "2025-01"


def test_a_denial_does_not_date_what_it_denies() -> None:
    text = "Le porte-parole de Thales a démenti mardi toute discussion sur un assemblage en Inde."
    assert dated(text, "fr", "joint_production") is None


def test_a_bare_month_after_d_ici_is_a_bounded_date() -> None:
    assert timex_values("Le chantier doit livrer la corvette d'ici juin.", "fr") == ["2025-06"]
