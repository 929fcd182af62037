"""Company and market news, on hand-written articles: legal forms, "Detroit-based", company
nouns, financial indices and the result infinitive of a change in value."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Literal

from ..conftest import SPARQL_PREFIXES as PREFIXES
from ..conftest import graph_of, types_by_label

pytestmark = pytest.mark.model


def _graph(text: str):
    return graph_of(text, date(2023, 5, 10))


def _mentions(graph, label: str) -> set[str]:
    rows = graph.query(PREFIXES + "SELECT ?a WHERE { ?e rdfs:label ?l ; gaf:denotedBy/nif:anchorOf ?a . FILTER(STR(?l) = ?want) }",
                       initBindings={"want": Literal(label)})
    return {str(row[0]) for row in rows}


def test_a_legal_form_the_tagger_left_out_belongs_to_the_name():
    entities = types_by_label(_graph("Ford Motor Co. and Chrysler LLC reported lower sales in September."))
    assert "Chrysler LLC" in entities
    assert "LLC" not in entities


def test_a_city_before_based_is_a_place_not_part_of_a_company_name():
    graph = _graph("Shares of Polaris Motors rose on Tuesday. The Detroit-based automaker, which lost "
                   "$2 billion last year, will close a plant.")
    entities = types_by_label(graph)
    assert "City" in entities["Detroit"]
    assert not any("based" in label for label in entities)
    assert "The Detroit-based automaker" in _mentions(graph, "Polaris Motors")


def test_a_restrictive_relative_clause_keeps_a_description_apart():
    graph = _graph("Polaris Motors said sales rose. The automaker that builds its engines cut prices.")
    assert not any("automaker" in m for m in _mentions(graph, "Polaris Motors"))


def test_company_nouns_in_maker_are_organisations_and_lawmakers_people():
    entities = types_by_label(_graph("An automaker and two lawmakers met on Monday. The automaker hired the lawmakers."))
    assert "Organization" in entities["automaker"]
    assert "Person" in entities["two lawmakers"]


@pytest.mark.parametrize("text, name", [
    ("The Dow Jones Industrial Average lost 370 points on Monday.", "Dow Jones Industrial Average"),
    ("The S&P 500 index dropped 3.9 percent.", "S&P 500 index"),
    ("In London, the FTSE 100 closed down 7.9 percent.", "FTSE 100"),
    ("Japan's Nikkei 225 Stock Average fell 4.2 percent.", "Nikkei 225 Stock Average"),
    ("The Hang Seng index was flat.", "Hang Seng index"),
    ("The Nasdaq fell 2 percent.", "Nasdaq"),
])
def test_financial_indices_are_named_whole_and_typed_as_indices(text, name):
    entities = types_by_label(_graph(text))
    assert entities.get(name, set()) >= {"FinancialIndex"}
    assert not {"Organization", "Corporation", "Product"} & entities[name]


@pytest.mark.parametrize("text, company", [
    ("Dow Chemical cut 2,000 jobs.", "Dow Chemical"),
    ("Dow Jones & Co. sold a newspaper.", "Dow Jones & Co."),
])
def test_a_company_named_like_an_index_is_no_index(nlp, text, company):
    from kg.entities.markets import find_indices
    doc = nlp(text)
    assert find_indices(doc, text) == []


def test_a_change_in_value_to_close_at_a_level_closed_there():
    graph = _graph("The Dow Jones Industrial Average fell 3 percent to close at 9,955 on Monday. "
                   "The company hopes to close the deal.")
    rows = graph.query(PREFIXES + """SELECT ?a ?f WHERE { ?e kgo:lemma "close" ; kgo:factuality ?f ;
                                     gaf:denotedBy/nif:anchorOf ?a ; gaf:denotedBy/nif:beginIndex ?b } ORDER BY ?b""")
    assert [str(f).rsplit("#", 1)[-1] for _, f in rows] == ["Asserted", "Planned"]


def test_an_acronym_spells_a_company_name_without_its_legal_form():
    from kg.entities.coref import acronym_of
    assert acronym_of("GM", "General Motors Corp.")
    assert acronym_of("IBM", "International Business Machines Corp.")
    assert not acronym_of("AC", "Acme Co.")  # one word and its legal form spell no acronym
    graph = _graph("General Motors Corp. will cut 10,000 jobs. GM shares fell 11 percent.")
    assert "GM" in _mentions(graph, "General Motors Corp.")


def test_it_is_not_the_country_that_only_says_where_the_subject_is_from():
    graph = _graph("Polaris Motors cut jobs on Monday. The largest U.S. automaker also said it would suspend its dividend.")
    assert not {"it", "its"} & _mentions(graph, "United States")


def test_a_description_with_a_named_modifier_is_not_another_description_of_the_same_head():
    graph = _graph("The largest U.S. automaker said on Monday that sales fell. Kiyota Motor Corp., the Japanese "
                   "automaker, reported a drop in profit.")
    rows = graph.query(PREFIXES + """SELECT ?l WHERE { ?e kgo:lemma "say" ; kgo:agent/rdfs:label ?l }""")
    assert [str(row[0]) for row in rows] != ["Kiyota Motor Corp."]


def test_an_organisation_noun_headed_by_a_name_is_that_organisation():
    graph = _graph("The United Auto Workers union said on Monday that it opposed the cuts.")
    rows = graph.query(PREFIXES + """SELECT ?l WHERE { ?e kgo:lemma "say" ; kgo:agent/rdfs:label ?l }""")
    assert [str(row[0]) for row in rows] == ["United Auto Workers"]


def test_a_site_noun_headed_by_a_company_name_is_not_the_company():
    graph = _graph("Polaris Motors said on Monday that the Polaris plant closed.")
    rows = graph.query(PREFIXES + """SELECT ?l WHERE { ?e kgo:lemma "close" ; kgo:patient/rdfs:label ?l }""")
    assert "Polaris Motors" not in {str(row[0]) for row in rows}


def test_rescuers_and_traders_are_people():
    entities = types_by_label(_graph("Rescuers pulled a girl from the rubble. Traders sold shares on Monday."))
    assert "Person" in entities["Rescuers"]
    assert "Person" in entities["Traders"]


def test_an_untagged_proper_name_keeps_all_its_words():
    entities = types_by_label(_graph("Wall Street fell sharply on Monday."))
    assert "Wall Street" in entities
    assert "Street" not in entities


def test_nominal_arguments_with_different_noun_modifiers_are_different_things():
    graph = _graph("The central bank said on Monday it would lend emergency money to banks. "
                   "The minister said he would not use taxpayer money to rescue the lender.")
    labels = set(types_by_label(graph))
    assert {"emergency money", "taxpayer money"} <= labels


def test_a_short_form_fits_a_name_and_its_longer_form_with_a_legal_form_as_one():
    graph = _graph("Vantor Motors reports loss\n\nVantor Motors Corp. reported a loss on Thursday. "
                   "Vantor also lowered its forecast.")
    entities = types_by_label(graph)
    assert "Vantor" not in entities
    assert "Vantor" in _mentions(graph, "Vantor Motors Corp.")


def test_a_company_and_a_person_written_again_by_a_short_form_the_tagger_left_unlabelled():
    graph = _graph("Richard Hale, the chief executive of Orvane Corp., resigned on Wednesday. "
                   "Orvane said it would restate its earnings. Hale, 58, had led the company since 2001.")
    entities = types_by_label(graph)
    assert "Orvane" not in entities and "Hale" not in entities
    assert "Orvane" in _mentions(graph, "Orvane Corp.")
    assert "Hale" in _mentions(graph, "Richard Hale")


def test_proper_nouns_ending_in_a_company_word_are_a_company_the_tagger_missed():
    graph = _graph("Carmaker to close plant\n\nWednesday, November 12, 2008\n\nBrennan Automotive said on "
                   "Wednesday that it will close its plant. Brennan closed two plants last year.")
    entities = types_by_label(graph)
    assert "Corporation" in entities["Brennan Automotive"]
    assert "Automotive" not in entities and "Brennan" not in entities


def test_the_company_is_not_the_union_and_the_union_is_the_one_called_so():
    graph = _graph("About 12,000 members of the United Auto Workers union walked off the job on Monday. "
                   "The union said the company had refused to guarantee jobs.")
    mentions = _mentions(graph, "United Auto Workers")
    assert "The union" in mentions
    assert "the company" not in mentions


def test_a_town_that_shares_a_companys_first_word_is_not_the_company():
    entities = types_by_label(_graph("Auto workers strike at Keller Motors plants\n\nWorkers walked off the job at "
                                "three Keller Motors plants. Keller spokesman Tom Reyes said the talks would go on."))
    assert "Corporation" in entities["Keller Motors"]
    assert "Keller" not in entities


def test_shares_of_two_companies_are_two_things():
    entities = types_by_label(_graph("Halvorsen ASA agreed to buy Petrix Inc. Shares of Petrix jumped 35 percent in "
                                "New York. Halvorsen shares fell 6 percent in Oslo."))
    shares = [label for label in entities if label.lower().endswith("shares")]
    assert len(shares) == 2


def test_a_time_is_no_participant_of_an_event():
    entities = types_by_label(_graph("The union threatened to strike if no agreement was reached by Friday. "
                                "The carmaker reported a loss for the second quarter."))
    assert "Friday" not in entities
    assert not any("quarter" in label for label in entities)


def test_shares_in_a_company_are_not_the_markets_shares():
    entities = types_by_label(_graph("European shares fell on Wednesday. Shares in Barclays dropped 9 percent."))
    assert "Shares in Barclays" in entities or "shares in Barclays" in entities


def test_a_plural_party_or_faith_word_names_people_who_can_act():
    graph = _graph("The Senate rejected the plan after Republicans demanded deep wage cuts.")
    assert "Person" in types_by_label(graph)["Republicans"]


def test_a_description_takes_up_the_subject_of_a_clause_reported_before_the_saying():
    graph = _graph("The White House and the Treasury met the carmakers on Monday. Without the loans, "
                   "Polaris Motors could run out of cash within weeks, analysts said. "
                   "The automaker has hired lawyers.")
    assert "The automaker" in _mentions(graph, "Polaris Motors")
