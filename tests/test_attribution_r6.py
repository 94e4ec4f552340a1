"""Who reports a sentence (round 6), over sentences written for these tests: a speaker set
off by commas that the parse does not hang on its verb, a gerund that shares the main
verb's subject, a reporting verb in the infinitive after a lead (*s'est borné à
rappeler*), a phrase between the auxiliary and the participle (*a pour sa part
indiqué*), a denial whose object the parse reads as an oblique, and *la même source*
after a quotation."""

from __future__ import annotations

from veille import analyze
from veille.models import Extraction

PUBLISHED = "2025-03-01"


def _fr(text: str) -> Extraction:
    return analyze(text, lang="fr", published=PUBLISHED)


def _sources(result: Extraction) -> list[tuple[str, str]]:
    return [(q.source, q.verb) for q in result.quotes]


def test_a_gerund_speaks_for_the_subject_set_off_by_commas() -> None:
    result = _fr(
        "Contacté par l'agence Reuters, Piotr Malinowski, porte-parole de Bumar, a contesté "
        "ce calendrier, tout en confirmant que « les premières tourelles partiront en juin »."
    )
    assert _sources(result) == [("Piotr Malinowski", "confirmant")]


def test_an_infinitive_after_se_borner_a_is_the_reporting_verb() -> None:
    result = _fr(
        "Interrogé sur ce contrat, le général Rémi Castagnet, porte-parole de l'état-major, "
        "s'est borné à rappeler que « la flotte sera renouvelée d'ici 2030 »."
    )
    assert _sources(result) == [("Rémi Castagnet", "s'est borné à rappeler")]
    sentence = result.attributions[0]
    assert sentence.source == "Rémi Castagnet"


def test_a_phrase_between_auxiliary_and_participle_stays_in_the_verb() -> None:
    result = _fr(
        "« Les essais en mer se poursuivent comme prévu », a pour sa part indiqué "
        "Anne Verdier, directrice du programme chez Naval Group."
    )
    assert _sources(result) == [("Anne Verdier", "a pour sa part indiqué")]


def test_a_denial_followed_by_a_day_keeps_its_object() -> None:
    result = _fr(
        "Le ministère tchadien des Armées a démenti lundi des informations relayées par "
        "plusieurs sites, selon lesquelles N'Djamena aurait commandé six drones Bayraktar."
    )
    order = next(e for e in result.events if e.type == "order")
    assert order.reported_by == ("ministère tchadien des Armées",)
    assert order.modality == "denied"


def test_la_meme_source_goes_on_with_the_report_not_the_quotation() -> None:
    result = _fr(
        "Lima aurait commandé quatre patrouilleurs, affirme le site Infodefensa. "
        "Joint par téléphone, Jorge Quispe, porte-parole de la marine, a refusé de commenter, "
        "tout en assurant que « la flotte a besoin de navires neufs ». "
        "Lima négocierait aussi l'achat de deux frégates, selon la même source."
    )
    last = result.attributions[-1]
    assert last.source == "Infodefensa"
    assert ("Jorge Quispe", "assurant") in _sources(result)


def test_il_stands_for_the_ministry_a_spokesperson_spoke_for() -> None:
    result = _fr(
        "Un porte-parole du ministère sénégalais des Forces armées a démenti tout achat de "
        "drones turcs. « Aucun contrat n'a été signé », a-t-il déclaré."
    )
    assert _sources(result)[-1] == ("ministère sénégalais des Forces armées", "a-t-il déclaré")


def test_the_spokesperson_stands_for_the_ministry_a_spokesperson_spoke_for() -> None:
    result = analyze(
        "Estonia will buy six more CAESAR howitzers, a Ministry of Defence spokesperson said. "
        "The first guns would arrive in May, the spokesperson said.",
        lang="en",
        published=PUBLISHED,
    )
    assert [q.source for q in result.quotes] == ["Ministry of Defence", "Ministry of Defence"]


def test_l_agence_stands_for_an_agency_named_in_english() -> None:
    result = _fr(
        "La Defense Security Cooperation Agency a approuvé mardi la vente de douze "
        "hélicoptères au Maroc. Selon l'agence, ces appareils renforceront la flotte royale."
    )
    assert result.attributions[-1].source == "Defense Security Cooperation Agency"


def _en(text: str) -> Extraction:
    return analyze(text, lang="en", published=PUBLISHED)


def test_the_newspaper_is_the_outlet_a_source_spoke_to() -> None:
    result = _en(
        "Manila will buy two used frigates from Seoul, three Philippine navy officers told "
        "the Mindanao Daily Courier. According to the newspaper, the ships would sail in May."
    )
    assert result.quotes[-1].source == "Mindanao Daily Courier"
    assert result.quotes[-1].verb == "According to"


def test_a_source_named_again_came_through_the_same_outlet() -> None:
    result = _en(
        "Chile is close to ordering four patrol boats, two Chilean officials told Reuters, "
        "adding that the contract could be signed in June."
    )
    assert [(q.verb, q.via) for q in result.quotes] == [("told", "Reuters"), ("adding", "Reuters")]


def test_a_relative_pronoun_speaks_for_its_antecedent() -> None:
    result = _fr(
        "L'annonce a été faite jeudi par la Direction générale de l'armement, qui précise que "
        "les vingt blindés seront livrés à la Belgique d'ici 2027."
    )
    assert _sources(result) == [("Direction générale de l'armement", "précise")]
    assert result.attributions[0].source == "Direction générale de l'armement"


def test_a_denied_report_of_a_countrys_press_is_that_press() -> None:
    result = _fr(
        "Le ministère burkinabè de la Défense a démenti jeudi des informations publiées par "
        "plusieurs médias turcs, selon lesquelles Ouagadougou aurait commandé six drones."
    )
    order = next(e for e in result.events if e.type == "order")
    assert order.reported_by == ("Turkish media",)
    assert order.modality == "denied"


def test_a_denied_press_report_of_no_country_stays_with_the_denier() -> None:
    result = _fr(
        "Le ministère burkinabè de la Défense a démenti jeudi les informations de presse "
        "selon lesquelles Ouagadougou aurait commandé six drones."
    )
    order = next(e for e in result.events if e.type == "order")
    assert order.reported_by == ("ministère burkinabè de la Défense",)


def test_a_quotation_inside_a_that_clause_is_reported_from_the_clause() -> None:
    text = (
        'Ghana\'s Ministry of Defence said on Friday that the corvettes would be "ready by June".'
    )
    quote = _en(text).quotes[0]
    assert text[quote.start : quote.end] == 'the corvettes would be "ready by June'


def test_a_quotation_inside_a_bare_clause_is_reported_from_the_clause() -> None:
    text = 'Vilnius said the howitzers would arrive in March and "fill a critical gap".'
    quote = _en(text).quotes[0]
    assert text[quote.start :].startswith("the howitzers would arrive")


def test_a_quotation_opening_the_clause_stays_the_passage() -> None:
    text = (
        "Le ministère tchadien des Armées a rappelé que « la flotte sera renouvelée d'ici 2030 »."
    )
    quote = _fr(text).quotes[0]
    assert text[quote.start :].startswith("la flotte sera renouvelée")


def test_an_outlet_that_understands_reports_what_it_understands() -> None:
    result = _en("Naval News understands the Chilean navy will order two more frigates.")
    assert [(q.source, q.verb) for q in result.quotes] == [("Naval News", "understands")]


def test_an_outlet_that_croit_savoir_reports_the_clause() -> None:
    result = _fr("La Tribune croit savoir que Bogota commandera six hélicoptères H145M.")
    assert _sources(result) == [("La Tribune", "croit savoir")]


def test_au_meme_site_is_the_outlet_the_source_spoke_to() -> None:
    result = _fr(
        "Lima va commander deux patrouilleurs, selon le site Infodefensa. « Les essais sont "
        "terminés », a indiqué au même site une source industrielle espagnole."
    )
    assert [(q.source, q.via) for q in result.quotes][-1] == (
        "anonymous Spanish industry source",
        "Infodefensa",
    )


def test_a_quotation_ending_the_opening_clause_is_reported_from_the_sentence_start() -> None:
    text = 'The radars will be installed "before the winter," a Latvian army spokesman said.'
    quote = _en(text).quotes[0]
    assert (quote.start, quote.source) == (0, "Latvian army")


def test_a_quotation_after_a_comma_keeps_its_own_start() -> None:
    text = 'On Monday, "the radars are ready," Latvian Defence Minister Ivo Berzins said.'
    quote = _en(text).quotes[0]
    assert text[quote.start :].startswith("the radars are ready")


def test_a_communique_of_the_ministry_is_the_ministrys() -> None:
    result = _fr(
        "Le ministère togolais des Armées a reçu deux patrouilleurs. « Aucun autre navire "
        "n'a été commandé », précise le communiqué du ministère."
    )
    assert _sources(result)[-1] == ("ministère togolais des Armées", "précise")
