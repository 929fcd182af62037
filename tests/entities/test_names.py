"""Name mentions and their classes, on hand-written articles: where the tagger glues two
names into one, cuts a product's name, or takes a unit or a title for a thing."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Literal

from ..conftest import SPARQL_PREFIXES as PREFIXES
from ..conftest import bound_to, graph_of, types_by_label

pytestmark = pytest.mark.model


def _entities(text: str) -> dict[str, set[str]]:
    return types_by_label(graph_of(text, date(2023, 5, 10)))


def test_a_full_personal_name_after_an_organisation_is_the_persons_own():
    entities = _entities("Secretary of the Air Force James Roche said on Monday the deal was sound.")
    assert "Person" in entities["James Roche"]
    assert not any("Roche" in label and "Force" in label for label in entities)


def test_one_word_after_a_company_name_may_end_it():
    assert "Organization" in _entities("Lockheed Martin won the contract on Monday.")["Lockheed Martin"]


def test_units_and_currency_codes_beside_numbers_are_no_entities():
    entities = _entities("The phone comes in 16 GB and 32 GB models. Developers pay $99 (USD) to join the program. "
                         "Volkswagen shares rose to EUR 250.")
    assert "GB" not in entities and "USD" not in entities
    assert not any(label.startswith("EUR") for label in entities)


def test_a_country_after_a_year_is_still_the_country():
    assert "Country" in _entities("In 2008 US sales of the phone fell sharply.")["United States"]


def test_a_numbered_terminal_is_a_structure_not_an_organisation():
    entities = _entities("The prime minister opened Terminal 3 of Changi Airport on Sunday.")
    assert entities["Terminal 3"] == {"CivicStructure"}


def test_two_names_joined_by_a_hyphen_are_two_mentions():
    entities = _entities("Emails expose Boeing-Air Force contract talks. Boeing said the Air Force had agreed.")
    assert "Boeing" in entities and "Air Force" in entities
    assert "Boeing-Air Force" not in entities


def test_a_hyphenated_name_written_whole_stays_whole():
    assert "Rolls-Royce" in _entities("Rolls-Royce said on Monday it would cut jobs.")


def test_a_makers_name_and_model_number_before_a_product_noun_is_a_product():
    entities = _entities("Airbus will replace two Rolls-Royce Trent 900 engines on the prototype.")
    assert "Product" in entities["Rolls-Royce Trent 900"]


def test_a_number_word_opening_a_headline_is_no_part_of_the_name():
    entities = _entities("First Airbus A380 delivered\n\nThe first A380 built by Airbus landed in Singapore on Monday.")
    assert not any(label.startswith("First") for label in entities)
    assert "Product" in entities["A380"]


def test_a_company_whose_name_begins_with_a_number_word_keeps_it():
    assert "First Solar" in _entities("First Solar said on Monday its profits rose.")


def test_a_role_set_beside_a_persons_name_by_commas_is_that_person():
    text = "Ryanair CEO, Michael O'Leary, praised the deal on Monday."
    assert "CEO" not in _entities(text)
    rows = graph_of(text, date(2023, 5, 10)).query(PREFIXES + """SELECT ?label WHERE {
        ?e kgo:agent ?who ; kgo:lemma "praise" . ?who rdfs:label ?label }""")
    assert {str(r[0]) for r in rows} == {"Michael O'Leary"}


def test_a_role_without_a_name_beside_it_stays_a_role():
    entities = _entities("A Ryanair executive praised the deal on Monday. Michael O'Leary was away.")
    assert "Person" in entities["executive"]


def test_a_full_name_set_beside_a_role_is_a_persons():
    entities = _entities("Barclays chairman, Marcus Agius, said on Monday the bank did not need government money.")
    assert entities["Marcus Agius"] == {"Person"}


def test_a_makers_name_listed_with_a_product_is_a_product():
    entities = _entities("The tankers replace existing Lockheed Tristar and Vickers VC-10 aircraft on Monday.")
    assert "Product" in entities["Lockheed Tristar"]


def test_a_company_listed_with_another_stays_a_company():
    assert "Organization" in _entities("Boeing and Lockheed Martin fought for the contract in 2006.")["Lockheed Martin"]


def test_a_lone_word_listed_with_a_company_is_a_company_but_a_full_name_a_person():
    assert "Organization" in _entities("Boeing was challenged by Lockheed and Sikorsky, which won.")["Sikorsky"]
    entities = _entities("Boeing and Mary Smith agreed on Monday.")
    assert entities["Mary Smith"] == {"Person"}


def test_a_full_name_tagged_as_a_persons_outvotes_the_context_of_its_short_form():
    entities = _entities("Employee Phil Schiller discussed new gestures on Monday. Later, Schiller said the Mac had grown.")
    assert entities["Phil Schiller"] == {"Person"}


def _agents(text: str, lemma: str) -> set[str]:
    rows = graph_of(text, date(2023, 5, 10)).query(PREFIXES + """SELECT ?label WHERE {
        ?e kgo:agent ?who ; kgo:lemma ?lemma . ?who rdfs:label ?label }""", initBindings={"lemma": Literal(lemma)})
    return {str(r[0]) for r in rows}


def test_a_definite_post_is_the_one_person_the_article_gave_it():
    text = ("Guests came on Monday, including the Prime Minister of Singapore, Lee Hsien Loong. "
            "In his speech, the Prime Minister applauded the airline.")
    assert _agents(text, "applaud") == {"Lee Hsien Loong"}


def test_a_post_listed_with_a_person_is_another_person():
    text = "The minister and Lee Hsien Loong met on Monday. Later the minister applauded the airline."
    assert "Lee Hsien Loong" not in _agents(text, "applaud")


def test_an_untagged_name_after_an_organisation_noun_is_that_organisations():
    entities = _entities("In April, the technology blog Vorlix obtained a prototype of the new phone.")
    assert "Organization" in entities["Vorlix"]


def test_a_role_or_a_day_after_an_organisation_noun_is_no_name():
    entities = _entities("The company CEO said the airline Tuesday cut 300 jobs.")
    assert not any(label in ("CEO", "Tuesday") for label in entities)


def test_engines_are_not_the_airliner():
    text = ("Airbus said the new A380 airliner will tour Asia.\n\nThe tour was planned in May.\n\n"
            "It was to start on Monday.\n\nAirbus will replace two Rolls-Royce Trent 900 engines on the airliner.")
    rows = graph_of(text, date(2023, 5, 10)).query(PREFIXES + """SELECT ?a WHERE {
        ?e rdfs:label "Rolls-Royce Trent 900"@en ; gaf:denotedBy/nif:anchorOf ?a }""")
    assert {str(r[0]) for r in rows} == {"Rolls-Royce Trent 900"}


def test_a_division_the_tagger_cut_from_its_company_is_one_name():
    entities = _entities("Boeing Commercial Airplanes on Tuesday delivered the final 717 jet to the airline.")
    assert "Organization" in entities["Boeing Commercial Airplanes"]
    assert "Commercial Airplanes" not in entities


def test_a_role_after_a_company_is_no_division():
    entities = _entities("Apple CEO Steve Jobs spoke on Monday.")
    assert "Apple" in entities and "Apple CEO" not in entities


def test_a_name_given_as_an_example_of_companies_is_a_company():
    entities = _entities("Other retailers, including Best Buy and Radio Shack, had no problems on Monday. "
                         "Apple resisted calls to let other carriers, such as Verizon, sell the phone.")
    assert "Organization" in entities["Best Buy"] and "Organization" in entities["Verizon"]


def test_a_name_given_as_an_example_of_people_or_countries_keeps_its_kind():
    entities = _entities("Executives including Tim Cook spoke on Monday. Countries such as France objected.")
    assert entities["Tim Cook"] == {"Person"} and "Country" in entities["France"]


def test_the_article_of_a_noun_a_name_modifies_is_the_nouns():
    entities = _entities("Senators criticized the Obama administration on Monday.")
    assert "Person" in entities["Obama"]


def test_no_person_is_a_which():
    entities = _entities("In 1986 he bought Pixar which was acquired by the Walt Disney Company in 2006.")
    assert "Person" not in entities["Pixar"]


def test_a_website_a_browser_and_an_amount_are_no_people_or_events():
    entities = _entities("GovExec.com quotes a Senate aide. Improvements to the mobile Safari browser were announced. "
                         "The 32GB version is priced at US $299.")
    assert "Person" not in entities["GovExec.com"] and "Product" in entities["Safari"]
    assert not any("299" in label for label in entities)


def test_a_place_name_cut_at_of_is_made_whole():
    assert "Bay of Biscay" in _entities("The aircraft circled the Bay of Biscay on Monday.")


def test_a_place_and_a_company_joined_by_a_dash_are_two_names_but_wal_mart_is_one():
    entities = _entities("Apple was sued by Cisco, a network company based in San Jose - Cisco. Wal - Mart sold more.")
    assert "City" in entities["San Jose"] and "Wal - Mart" in entities


def test_a_makers_name_in_the_plural_names_its_products():
    entities = _entities("Aeroflot plans to buy new Airbuses later. Airbus said so on Monday.")
    assert "Product" in entities["Airbuses"]


def test_a_model_name_after_a_makers_name_is_a_product():
    entities = _entities("Sales of the Chevrolet Malibu fell 40 percent in November, GM said.")
    assert "Product" in entities["Chevrolet Malibu"]


def test_a_foundation_named_after_a_company_is_no_product():
    entities = _entities("The Ford Foundation gave $5 million to the school on Monday.")
    assert "Product" not in entities["Ford Foundation"]


def test_an_untagged_name_listed_with_products_is_a_product():
    entities = _entities("In addition to the iPod Classic, Nano and Shuffle, Apple announced the new iPod touch on Monday.")
    assert "Product" in entities["Shuffle"]


def test_an_untagged_word_opening_a_sentence_is_not_listed_as_a_name():
    entities = _entities("Boeing and Airbus competed. Sales rose on Monday.")
    assert "Sales" not in entities


def test_a_word_inside_a_longer_name_is_not_listed_on_its_own():
    entities = _entities("Boeing and European Aeronautic Defence and Space Company agreed. Lost and Desperate Housewives aired.")
    assert "Space" not in entities and "Desperate" not in entities


def test_a_name_written_after_a_number_and_alone_is_no_unit():
    assert "EU" in "".join(_entities("The 27 EU states agreed on Monday. The EU said the ban stays."))


def test_a_dateline_city_the_tagger_runs_into_the_agency_is_the_city_alone():
    # the tagger read "Milan" and the blanks kg leaves of "(Reuters) -" as one work of art, which
    # held the agency's mention: the article broke the shapes and was lost
    graph = graph_of("Stellantis to cut jobs at Italian plants\n\nMILAN (Reuters) - Stellantis said on Thursday it "
                     "would cut 1,500 jobs at its plants in Italy.\n", date(2024, 3, 14), "stellantis")
    entities = types_by_label(graph)
    assert entities["Milan"] == {"City"} and entities["Reuters"] == {"NewsMediaOrganization"}
    publisher, = graph.query(PREFIXES + "SELECT ?label WHERE { ?a dct:publisher ?p . ?p rdfs:label ?label }")
    assert publisher.label == Literal("Reuters", lang="en")


def test_a_name_opening_a_paragraph_of_the_story_is_no_dateline():
    # must-not: a person named like a city, at the opening of a paragraph and before a comma
    entities = _entities("Patients waited for hours at Leeds General Infirmary.\n\nFlorence, a nurse from Leeds, "
                         "said she had never seen it so full.\n")
    assert "City" not in entities.get("Florence", set())


def test_a_side_and_the_score_the_tagger_took_in_are_the_side_alone():
    entities = _entities("Belgium beat Panama 3-0 in their World Cup opener in Sochi on Monday. Panama had chances.\n")
    assert not any(label.startswith("Panama ") for label in entities)


def test_a_name_the_article_calls_by_its_last_word_alone_is_a_persons():
    entities = _entities("Belgium beat Panama 3-0 on Monday, with Romelu Lukaku scoring twice. Lukaku then headed in "
                         "a second goal. Manchester United striker Lukaku was named man of the match.\n")
    assert entities["Romelu Lukaku"] == {"Person"} and "Lukaku" not in entities


def test_a_company_named_like_another_persons_surname_stays_a_company():
    # must-not: "Stanley" alone is Tom Stanley, named in full, not Morgan Stanley's short form
    entities = _entities("Morgan Stanley hired Tom Stanley as its chief economist on Monday. Stanley said growth "
                         "would slow.\n")
    assert "Person" not in entities["Morgan Stanley"] and entities["Tom Stanley"] == {"Person"}


def test_a_name_before_a_player_of_it_is_the_team():
    entities = _entities("Manchester United striker Romelu Lukaku was named man of the match on Sunday.\n")
    assert "Person" not in entities["Manchester United"] and entities["Romelu Lukaku"] == {"Person"}


def test_a_name_before_a_role_a_person_may_have_stays_a_person():
    # must-not: a person's adviser is no player of a team
    entities = _entities("Senator John McCain adviser Mark Salter said on Monday the talks would go on.\n")
    assert entities["John McCain"] == {"Person"} and entities["Mark Salter"] == {"Person"}


def test_a_company_named_by_the_first_word_of_another_stays_a_company():
    # must-not: "Douglas" alone is Douglas Aircraft's short form, not McDonnell Douglas's surname
    entities = _entities("Douglas Aircraft merged with McDonnell in 1967 to form McDonnell Douglas. Douglas had built "
                         "the DC-3.\n")
    assert "Person" not in entities["McDonnell Douglas"]


def test_a_role_word_the_tagger_took_into_an_organisations_name_is_no_part_of_it():
    entities = _entities("The State Department Spokesperson, Jeff Rathke, said the United States would help.\n")
    assert "State Department" in entities and "State Department Spokesperson" not in entities


def test_an_organisation_named_after_an_office_keeps_its_name():
    # must-not: the role word is the name's own, after "of the"
    entities = _entities("The Office of the President said on Monday the visit would go ahead.\n")
    assert "Office of the President" in entities


def test_a_group_of_countries_named_like_a_model_is_an_organisation():
    entities = _entities("G7 leaders met in Italy on Friday. The G7 said it would support Ukraine. Leaders of the G20 "
                         "agreed on a tax deal.\n")
    assert entities["G7"] == {"Organization"} and entities["G20"] == {"Organization"}


def test_a_makers_model_named_like_a_group_of_countries_stays_a_product():
    # must-not: the article writes it after its maker's name
    entities = _entities("LG unveiled the LG G7 smartphone on Wednesday. The G7 costs $750.\n")
    assert entities["G7"] == {"Product"}


def test_a_dateline_city_is_a_place_whatever_the_tagger_made_of_it():
    # the tagger reads "Lusaka, Aug 14." as a person, and "Harare, Aug 14." as no name at all
    for city, country in (("LUSAKA", "Zambia"), ("HARARE", "Zimbabwe")):
        entities = _entities(f"Talks end\n\n{city}, Aug 14 (Reuters) - {country}'s opposition leader said on "
                             "Saturday the talks had ended.\n")
        assert entities[city.title()] == {"City"}


def test_a_dateline_region_geonames_does_not_know_is_no_organisation():
    # "Calif." is AP's California; kg cannot name it, and must not call it a company
    entities = _entities("Apple sales rise\n\nSAN JOSE, Calif. (AP) _ Apple said sales rose.\n")
    assert entities["San Jose"] == {"City"} and "Calif" not in entities


def test_the_city_a_story_was_filed_from_is_no_antecedent_of_the_town():
    text = ("Mayor charged\n\nCHICAGO (AP) _ A former suburban mayor was charged Tuesday with taking bribes from a "
            "developer who wanted to build a casino in the town, prosecutors said.\n")
    assert "Chicago" not in bound_to(text, "the town")
    # must-not: a city the story itself names is still the town
    text = ("Floods\n\nCHICAGO (AP) _ Floods hit Toledo on Monday. Officials said the town had no power.\n")
    assert bound_to(text, "the town") == {"Toledo"}
