"""Who reports events and deals (issue 5, round 4), over sentences written for these tests:
*it* standing for an organisation quoted before, *one of the officials* referring back,
and a quotation whose speaker is named after it in the same sentence."""

from __future__ import annotations

from veille import analyze
from veille.models import Event, Extraction


def _event(result: Extraction, type_: str) -> Event:
    return next(e for e in result.events if e.type == type_)


def test_it_after_an_agency_quoted_before_is_that_agency() -> None:
    text = (
        "According to the Norwegian Defence Materiel Agency, the frigate programme is "
        "worth about $2 billion. Turkish officials plan to present the Hisar air defence "
        "system to a Norwegian delegation in Ankara in March, it added."
    )
    result = analyze(text, lang="en", published="2025-01-10")
    sources = [q.source for q in result.quotes]
    assert sources == ["Norwegian Defence Materiel Agency"] * 2
    assert _event(result, "demonstration").reported_by == ("Norwegian Defence Materiel Agency",)


def test_it_without_an_organisation_quoted_before_names_nobody() -> None:
    text = "The first tanks will reach Vilnius in June, it added."
    result = analyze(text, lang="en", published="2025-01-10")
    assert result.quotes == ()


def test_one_of_the_officials_is_the_officials_quoted_before() -> None:
    text = (
        "Chile is close to ordering six C-390 aircraft from Embraer, three Chilean "
        "officials familiar with the talks told the newspaper. The aircraft would replace "
        "the air force's ageing C-130s, one of the officials said."
    )
    result = analyze(text, lang="en", published="2025-01-10")
    sources = {q.source for q in result.quotes}
    assert len(sources) == 1
    assert next(iter(sources)).startswith("anonymous Chilean officials")
    deal = next(d for d in result.deals if d.recipient == "CL")
    assert len(deal.reported_by) == 1


def test_a_short_quotation_with_its_speaker_after_it_reports_the_sentence() -> None:
    text = (
        "« Aucun contrat n'a été signé avec Hanwha », a précisé jeudi le porte-parole du "
        "ministère roumain de la Défense, Andrei Popescu, lors d'un point de presse à Bucarest."
    )
    result = analyze(text, lang="fr", published="2025-01-10")
    assert [q.source for q in result.quotes] == ["Andrei Popescu"]
    sentence = result.attributions[0]
    assert sentence.source == "Andrei Popescu"


def test_the_manufacturer_named_by_its_description_reports_the_order() -> None:
    text = (
        "L'armée roumaine a commandé 54 obusiers K9 à Hanwha Aerospace pour 920 millions "
        "de dollars, a annoncé l'industriel sud-coréen dans un communiqué."
    )
    result = analyze(text, lang="fr", published="2025-01-10")
    assert [q.source for q in result.quotes] == ["Hanwha Aerospace"]
    assert _event(result, "order").reported_by == ("Hanwha Aerospace",)


def test_a_company_noun_without_a_company_before_names_nobody() -> None:
    text = "Les livraisons débuteront en mars, a précisé l'industriel."
    result = analyze(text, lang="fr", published="2025-01-10")
    assert result.quotes == ()


def test_a_name_beside_a_describing_mention_is_the_source() -> None:
    text = (
        "Le360 affirme que Rabat a reçu des drones turcs. Le royaume diversifie ses "
        "fournisseurs : d'après le site spécialisé espagnol Defensa.com, Rabat "
        "négocierait avec Elbit Systems l'achat de drones Hermes 900."
    )
    result = analyze(text, lang="fr", published="2025-01-10")
    assert [q.source for q in result.quotes] == ["Le360", "Defensa.com"]


def test_an_executive_of_the_manufacturer_is_an_anonymous_industry_source() -> None:
    text = (
        "« Une délégation roumaine a visité nos usines d'Ankara le 8 janvier », a indiqué "
        "un cadre de l'industriel turc."
    )
    result = analyze(text, lang="fr", published="2025-01-10")
    assert [q.source for q in result.quotes] == ["anonymous Turkish industry executive"]


def test_an_inverted_on_is_an_anonymous_official_of_the_side_named() -> None:
    text = "Ce contrat ne se fait pas au détriment de la France, assure-t-on côté roumain."
    result = analyze(text, lang="fr", published="2025-01-10")
    assert [q.source for q in result.quotes] == ["anonymous Romanian official"]


def test_the_subject_of_a_coordinated_verb_stops_before_its_own_verb() -> None:
    text = (
        "The Defense Security Cooperation Agency (DSCA) said on Tuesday that the State "
        "Department had approved a possible sale to Romania of 54 Patriot launchers for "
        "about $4 billion. The agency named Raytheon and the German company Diehl Defence "
        'as principal contractors, and said the sale "will strengthen Romania\'s air defence".'
    )
    result = analyze(text, lang="en", published="2025-01-10")
    assert [q.source for q in result.quotes] == ["Defense Security Cooperation Agency"] * 2
