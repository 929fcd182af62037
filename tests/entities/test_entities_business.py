"""Entities in company, bank and market news kg's development set never showed it: carmakers,
central banks, indices, mergers. The stories in tests/entities/fixtures/business/ were written for these
tests (Wikinews style: headline, date, titles, legal forms, acronyms, "the Detroit-based
automaker"); each rule also has a short text of its own, with a case it must not merge."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

import pytest
from rdflib.namespace import SKOS

from kg.entities.coref import abbreviates

from ..conftest import SPARQL_PREFIXES as PREFIXES
from ..conftest import graph_of

STORIES = Path(__file__).parent / "fixtures" / "business"


def _nodes(text: str) -> dict[str, dict]:
    """label -> {"types", "mentions", "same_as"} of every entity node (no events, no times)."""
    graph = graph_of(text, date(2009, 4, 30))
    rows = graph.query(PREFIXES + """SELECT ?e ?l ?t ?a ?s WHERE {
        ?e rdfs:label ?l ; a ?t ; gaf:denotedBy/nif:anchorOf ?a . OPTIONAL { ?e owl:sameAs ?s }
        FILTER NOT EXISTS { ?e a sem:Event } FILTER NOT EXISTS { ?e a time:Instant } }""")
    found: dict[str, dict] = {}
    for _, label, kind, anchor, same in rows:
        node = found.setdefault(str(label), {"types": set(), "mentions": set(), "same_as": set()})
        node["types"].add(str(kind).rsplit("/", 1)[-1].rsplit("#", 1)[-1])
        node["mentions"].add(str(anchor))
        if same is not None:
            node["same_as"].add(str(same))
    return found


def _owner_of(nodes: dict[str, dict], mention: str) -> set[str]:
    return {label for label, node in nodes.items() if mention in node["mentions"]}


# ---------------------------------------------------------------- places


@pytest.mark.model
def test_new_york_after_a_city_is_the_state_and_alone_the_city():
    nodes = _nodes("Shares rose in New York on Monday.")
    assert "https://sws.geonames.org/5128581/" in nodes["New York City"]["same_as"]
    nodes = _nodes("The bank, based in Buffalo, New York, hired 200 people.")
    assert "https://sws.geonames.org/5128638/" in nodes["New York"]["same_as"]
    # must not: a list of cities is no city and its state
    nodes = _nodes("Shares fell in Tokyo, New York and London on Monday.")
    assert "https://sws.geonames.org/5128581/" in nodes["New York City"]["same_as"]
    assert "Casablanca" not in _nodes("Obama spoke at the White House on Monday.")


# ---------------------------------------------------------------- short forms


def test_an_abbreviation_with_small_letters_or_a_number_spells_its_name():
    assert abbreviates("BoJ", "Bank of Japan")
    assert abbreviates("G7", "Group of Seven")
    assert not abbreviates("Tx", "Texas Instruments")  # must not: a capital short
    assert not abbreviates("Reuters", "London")


@pytest.mark.model
def test_an_abbreviation_defined_in_parentheses_is_its_name_and_of_its_class():
    nodes = _nodes("The Bank of Japan (BoJ) kept rates on hold. Ministers of the Group of Seven (G7) met in Rome. "
                   "The BoJ said prices fell.")
    assert {"BoJ"} <= nodes["Bank of Japan"]["mentions"]
    assert "Organization" in nodes["Group of Seven"]["types"] and "G7" in nodes["Group of Seven"]["mentions"]
    assert "BoJ" not in nodes and "G7" not in nodes
    # must not: a news agency after a dateline's city is no short form of the city
    nodes = _nodes("LONDON (Reuters) - Barclays Bank cut 300 jobs, Reuters reported.")
    assert not any("Reuters" in node["mentions"] and "London" in label for label, node in nodes.items())


@pytest.mark.model
def test_the_fed_is_the_federal_reserve_and_a_word_of_its_own_is_no_clipping():
    nodes = _nodes("The U.S. Federal Reserve cut rates on Tuesday. Fed chairman Ben Bernanke said the Fed was ready.")
    assert {"Fed", "U.S. Federal Reserve"} <= nodes["U.S. Federal Reserve"]["mentions"]
    # the Federal Reserve is a government body, never "the planemaker", however often it is named
    nodes = _nodes("Stocks rose after the Federal Reserve said it would be patient. Fed Chairman Jerome Powell "
                   "spoke in Washington. The Fed left rates unchanged. Boeing Co. rose 6 percent. The "
                   "Chicago-based planemaker said it expected to deliver 900 jets.")
    assert "GovernmentOrganization" in nodes["Federal Reserve"]["types"]
    assert _owner_of(nodes, "The Chicago-based planemaker") == {"Boeing Co."}
    # must not: "Sun" is no clipping of "Sunday" (two papers), nor "Intel" of "Intelsat" (no English word)
    nodes = _nodes("The Sunday Times and The Sun both criticised the plan. The Sun said it would sue. "
                   "Intelsat Ltd. signed a deal with Intel. Intel said the deal was small.")
    assert not _owner_of(nodes, "Sun") & _owner_of(nodes, "Sunday Times")
    assert not _owner_of(nodes, "Intel") & _owner_of(nodes, "Intelsat Ltd.")


@pytest.mark.model
def test_an_index_written_short_is_the_index():
    nodes = _nodes("Nikkei falls\n\nThe Nikkei 225 Stock Average dropped 2.4 percent on Wednesday.")
    assert "Nikkei" in nodes["Nikkei 225 Stock Average"]["mentions"]
    # must not: a short form two indices share is neither
    nodes = _nodes("The Dow Jones Industrial Average rose and the Dow Jones Transportation Average fell. "
                   "The Dow closed higher.")
    assert _owner_of(nodes, "Dow") == {"Dow"}


@pytest.mark.model
@pytest.mark.parametrize("text, index", [
    ("The Standard & Poor's 500 index rose 0.4 percent.", "Standard & Poor's 500 index"),
    ("Standard & Poor's cut the bank's rating.", None),  # must not: the rating agency is no index
    ("Germany's 500 largest companies hired more people.", None),
])
def test_an_index_named_with_an_ampersand_and_an_owners_s_is_whole(nlp, text, index):
    from kg.entities.markets import find_indices
    assert [n.text for n in find_indices(nlp(text), text)] == ([index] if index else [])


@pytest.mark.model
def test_european_legal_forms_end_a_companys_name():
    nodes = _nodes("The insurer Allianz SE bought Dresdner Bank. Fiat SpA will take a stake in Chrysler LLC.")
    assert "Corporation" in nodes["Allianz SE"]["types"] and "Corporation" in nodes["Fiat SpA"]["types"]
    # must not: a compass abbreviation is no legal form
    assert "Asia" in _nodes("Exports to SE Asia grew fast, Polaris Motors said.")


# ---------------------------------------------------------------- people


@pytest.mark.model
def test_a_surname_particle_joins_a_persons_name_and_the_whole_title_is_kept():
    nodes = _nodes("German Economy Minister Karl-Theodor zu Guttenberg said Berlin would help. "
                   "Senate Majority Leader Harry Reid said lawmakers would vote.")
    assert "Karl-Theodor zu Guttenberg" in nodes and "zu Guttenberg" not in nodes and "Karl-Theodor" not in nodes
    graph = graph_of("Senate Majority Leader Harry Reid said lawmakers would vote.", date(2009, 4, 30))
    aliases = {str(a) for a in graph.objects(None, SKOS.altLabel)}
    assert "Senate Majority Leader Harry Reid" in aliases and "Leader Harry Reid" not in aliases
    # must not: two people written side by side stay two
    nodes = _nodes("The award went to Jane Miller and Tom Baker on Monday.")
    assert "Jane Miller" in nodes and "Tom Baker" in nodes


@pytest.mark.model
def test_a_ministers_field_is_no_organisation_and_the_nationality_is_the_country():
    nodes = _nodes("British Business Secretary Peter Mandelson said jobs would be protected.")
    assert "British Business" not in nodes
    assert "British" in nodes["United Kingdom"]["mentions"]
    # must not: an airline's name before a title stays the airline
    nodes = _nodes("American Airlines Chairman Gerard Arpey said fares would rise.")
    assert "American Airlines" in nodes


# ---------------------------------------------------------------- references


@pytest.mark.model
def test_a_description_right_before_a_name_introduces_that_name():
    nodes = _nodes("Chrysler LLC filed for bankruptcy on Thursday. Obama said the company would form an alliance "
                   "with the Italian carmaker Fiat. The carmaker will take a 20 percent stake.")
    assert "the Italian carmaker" not in nodes["Chrysler LLC"]["mentions"]
    assert "the company" in nodes["Chrysler LLC"]["mentions"]  # must not: a description alone still resolves


@pytest.mark.model
def test_a_description_in_what_an_officer_says_is_the_officers_organisation():
    nodes = _nodes("Opel Europe plans to sell a stake in its plants to Magna International. Siegfried Wolf, "
                   "Magna's co-chief executive, said the company would keep the plants open.")
    assert "the company" in nodes["Magna International"]["mentions"]
    # must not: an analyst speaks of others; nor is the bank a company that no one calls a bank
    nodes = _nodes("Opel Europe plans to sell a stake to Magna International. Jane Roe, an analyst at Kessler "
                   "Partners, said the company would keep the plants open.")
    assert "the company" not in nodes.get("Kessler Partners", {"mentions": set()})["mentions"]
    nodes = _nodes("The European Central Bank cut rates. Polaris Motors cut jobs. Jean-Claude Trichet, the ECB's "
                   "president, said the bank was ready to act. Fed chairman Ben Bernanke said the central bank "
                   "would act too.")
    assert _owner_of(nodes, "the bank") == {"European Central Bank"}
    assert "the central bank" not in nodes["European Central Bank"]["mentions"]


@pytest.mark.model
def test_the_insurer_is_the_company_the_text_called_an_insurer():
    nodes = _nodes("American International Group (AIG), the largest insurer in the country, asked for a loan. "
                   "The New York-based insurer said it was selling assets.")
    assert "The New York-based insurer" in nodes["American International Group"]["mentions"]
    # must not: a carmaker nobody called an insurer
    nodes = _nodes("Polaris Motors asked for a loan on Monday. The insurer said it was selling assets.")
    assert "The insurer" not in nodes["Polaris Motors"]["mentions"]


@pytest.mark.model
def test_it_that_is_an_increase_is_no_organisation():
    nodes = _nodes("The Federal Reserve raised its key rate on Wednesday. It was the thirteenth increase in a row.")
    assert "It" not in nodes["Federal Reserve"]["mentions"]
    # must not: "it" that does something is still the bank
    nodes = _nodes("The Federal Reserve raised its key rate on Wednesday. It said inflation was a risk.")
    assert "It" in nodes["Federal Reserve"]["mentions"]


@pytest.mark.model
def test_amounts_owners_and_origins_tell_things_of_one_kind_apart():
    # amounts are no things at all: each is its event's kgo:extent (tests/events/test_amounts.py)
    nodes = _nodes("The Nikkei lost 9.6 percent on Friday. Morgan Stanley lost 22 percent.")
    assert _owner_of(nodes, "9.6 percent") == _owner_of(nodes, "22 percent") == set()
    nodes = _nodes("Workers at two British car plants went on strike. Magna said it would keep all its "
                   "German plants open.")
    assert _owner_of(nodes, "two British car plants") != _owner_of(nodes, "plants")
    nodes = _nodes("The Federal Reserve raised its benchmark interest rate. The Bank of England kept its rate.")
    assert _owner_of(nodes, "benchmark interest rate") != _owner_of(nodes, "rate")
    # must not: a headline's thing and "its" thing in the story are one
    nodes = _nodes("Acme loses court case\n\nAcme Corp. lost its court case against Zenith Inc. on Monday.")
    assert len({label for label, node in nodes.items() if "court case" in node["mentions"]}) == 1


@pytest.mark.model
def test_an_indefinite_description_is_a_new_thing():
    nodes = _nodes("The Air Force chose a European company. Critics said a tanker should be built by an "
                   "American company.")
    assert _owner_of(nodes, "European company") != _owner_of(nodes, "American company")
    # must not: "the contract" takes up "a contract"
    nodes = _nodes("Polaris Motors won a defence contract on Monday. Rivals criticized the contract on Tuesday.")
    assert nodes["defence contract"]["mentions"] == {"defence contract", "contract"}


@pytest.mark.model
def test_a_bare_plural_is_a_new_group_and_keeps_a_node_of_its_own():
    graph = graph_of("Workers at two British car plants went on strike. The workers were angry. Spanish and "
                     "Belgian workers also fear cuts.", date(2009, 6, 18))
    rows = graph.query(PREFIXES + """SELECT ?e (COUNT(?m) AS ?n) WHERE { ?e rdfs:label ?l ; gaf:denotedBy ?m .
        FILTER(LCASE(STR(?l)) = "workers") } GROUP BY ?e""")
    assert sorted(int(n) for _, n in rows) == [1, 2]  # "Workers" and "the workers"; the Spanish and Belgian
    # must not: the headline's thing is the lead's "a ferry"
    nodes = _nodes("Ferry sinks off Crete\n\nA ferry sank off the coast of Crete on Monday, the coast guard said.")
    assert len([label for label in nodes if label.lower() == "ferry"]) == 1


@pytest.mark.model
def test_the_union_named_with_its_abbreviation_is_the_union_later():
    nodes = _nodes("The United Auto Workers (UAW) union said it would accept changes. The union represents "
                   "140,000 workers at Polaris Motors.")
    assert "The union" in nodes["United Auto Workers"]["mentions"]
    assert "union" not in nodes  # no second node for the union
    # must not: "the union" is no company
    nodes = _nodes("Polaris Motors said it would cut jobs. The union said it would strike.")
    assert "The union" not in nodes["Polaris Motors"]["mentions"]


@pytest.mark.model
def test_a_state_body_named_after_its_country_is_the_body_named_alone():
    nodes = _nodes("Congress to vote on aid\n\nThe United States Congress will vote on the loans next week.")
    assert {"Congress", "United States Congress"} <= nodes["United States Congress"]["mentions"]
    # must not: "Congress" with two countries' congresses is neither
    nodes = _nodes("The Mexico Congress and the United States Congress met. Congress voted on Monday.")
    assert len(_owner_of(nodes, "Congress")) == 1 and "Congress" not in nodes["Mexico Congress"]["mentions"] \
        and "Congress" not in nodes["United States Congress"]["mentions"]


@pytest.mark.model
def test_a_company_noun_before_an_untagged_proper_noun_makes_it_a_company():
    nodes = _nodes("GM Europe also runs the German carmaker Opel, which employs 50,000 people.")
    assert "Organization" in nodes["Opel"]["types"]
    assert not any("carmaker" in label for label in nodes)
    # must not: a title after the noun is no company
    nodes = _nodes("The company's President Jane Roe said sales fell.")
    assert "President" not in nodes


@pytest.mark.model
def test_a_city_and_state_based_description_is_the_company_before():
    nodes = _nodes("Ford Motor Co. earned $2.6 billion. The Dearborn, Michigan-based company said sales rose.")
    assert "The Dearborn, Michigan-based company" in nodes["Ford Motor Co."]["mentions"]


@pytest.mark.model
def test_names_of_a_makers_models_are_products_and_the_maker_is_not():
    nodes = _nodes("Ford said sales of its Fusion and Focus models rose. Sales of Toyota models fell, Toyota said.")
    assert "Product" in nodes["Fusion"]["types"] and "Product" in nodes["Focus"]["types"]
    assert "Product" not in nodes["Toyota"]["types"]
    assert "GovernmentOrganization" in _nodes("Treasury Secretary Henry Paulson met bankers.")["Treasury"]["types"]


# ---------------------------------------------------------------- the stories


_FACTS = [  # (story, mention, label of the node that must hold it)
    ("gm-asks-congress", "Washington", "Washington"),
    ("stocks-tumble", "G7", "Group of Seven"),
    ("stocks-tumble", "Fed", "U.S. Federal Reserve"),
    ("stocks-tumble", "New York", "New York City"),
    ("bofa-buys-merrill", "Fed", "Federal Reserve"),
    ("chrysler-bankruptcy", "White House", "White House"),
    ("nikkei-falls", "BoJ", "Bank of Japan"),
    ("nikkei-falls", "Nikkei", "Nikkei 225 Stock Average"),
    ("vauxhall-strike", "Karl-Theodor zu Guttenberg", "Karl-Theodor zu Guttenberg"),
    ("vauxhall-strike", "the company", "Magna International"),
    ("commerzbank-dresdner", "the bank", "Commerzbank AG"),
    ("commerzbank-dresdner", "Allianz", "Allianz SE"),
    ("wall-street-rallies", "Fed", "Federal Reserve"),
    ("wall-street-rallies", "The Chicago-based planemaker", "Boeing Co."),
]


@functools.cache
def _story(name: str) -> dict[str, dict]:
    return _nodes((STORIES / f"{name}.txt").read_text(encoding="utf-8"))


@pytest.mark.model
@pytest.mark.parametrize("story, mention, label", _FACTS)
def test_the_business_stories_say_who_is_who(story, mention, label):
    assert _owner_of(_story(story), mention) == {label}


@pytest.mark.model
def test_washington_in_a_story_about_congress_is_the_capital():
    assert _story("gm-asks-congress")["Washington"]["same_as"] == {"https://sws.geonames.org/4140963/"}
