"""Courts, politics, disasters and science news, on hand-written articles: what kg, tuned on
company news, must not state falsely there."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Literal

from kg.events.factuality import factuality

from ..conftest import SPARQL_PREFIXES as PREFIXES
from ..conftest import graph_of

pytestmark = pytest.mark.model


def _graph(text: str):
    return graph_of(text, date(2019, 4, 3))


def _of(nlp, text: str, word: str) -> str:
    return factuality(next(t for t in nlp(text) if t.text == word))


def _anchors_per_event(graph) -> list[set[str]]:
    rows = graph.query(PREFIXES + "SELECT ?e ?a WHERE { ?e kgo:lemma ?l ; gaf:denotedBy/nif:anchorOf ?a }")
    events: dict[str, set[str]] = {}
    for event, anchor in rows:
        events.setdefault(str(event), set()).add(str(anchor))
    return list(events.values())


@pytest.mark.parametrize("text, word", [
    ("Miller had been charged with killing his neighbour.", "killing"),
    ("The clerk was accused of stealing the money.", "stealing"),
    ("Two men are suspected of attacking the guards.", "attacking"),
])
def test_what_someone_is_charged_with_or_accused_of_is_not_stated_as_done(nlp, text, word):
    assert _of(nlp, text, word) == "possible"


def test_a_meeting_where_something_was_discussed_did_take_place(nlp):
    assert _of(nlp, "The ministers discussed the deal at a meeting.", "meeting") == "asserted"


@pytest.mark.parametrize("word", ["warning", "issued"])
def test_no_before_a_compound_subject_negates_the_noun_and_its_verb(nlp, word):
    # the parser hangs "No" on "tsunami", the first noun of the compound
    assert _of(nlp, "No tsunami warning was issued.", word) == "negated"


def test_a_charge_and_an_arrest_of_one_man_are_two_events():
    graph = _graph("Man charged with theft\n\nWednesday, April 3, 2019\n\n"
                   "John Miller has been charged with theft. Police arrested Miller in Boston.")
    events = _anchors_per_event(graph)
    assert not any({"charged", "arrested"} <= anchors for anchors in events)


def _patients(graph) -> dict[str, str]:
    rows = graph.query(PREFIXES + "SELECT ?l ?p WHERE { ?e kgo:lemma ?l ; kgo:patient/rdfs:label ?p }")
    return {str(lemma): str(patient) for lemma, patient in rows}


def test_a_similar_drug_is_not_the_drug_named_before():
    patients = _patients(_graph("The agency on Tuesday approved a new drug for asthma. It rejected "
                                "a similar drug from a rival firm last year."))
    assert patients["approve"] != patients["reject"]


def _mentions(graph, label: str) -> set[str]:
    rows = graph.query(PREFIXES + "SELECT ?a WHERE { ?e rdfs:label ?l ; gaf:denotedBy/nif:anchorOf ?a . "
                                  "FILTER(STR(?l) = ?want) }", initBindings={"want": Literal(label)})
    return {str(row[0]) for row in rows}


def test_it_after_an_unnamed_subject_is_not_the_place_named_beside_it():
    graph = _graph("The company recalled 5,000 cars in Germany last week. It denied that the cars were unsafe.")
    assert "It" not in _mentions(graph, "Germany")


def test_her_in_what_an_unnamed_speaker_said_is_not_the_man_named_before():
    graph = _graph("Police arrested John Miller on Monday. The district attorney said her office would "
                   "not appeal the decision.")
    assert "her" not in _mentions(graph, "John Miller")


def test_a_clause_after_after_does_not_take_the_date_of_the_clause_it_hangs_on():
    graph = _graph("Prime Minister Jan Novak resigned on Sunday after his party lost the election.")
    rows = graph.query(PREFIXES + """SELECT ?l WHERE { ?e kgo:lemma ?l ; sem:hasTime ?t }""")
    assert {str(row[0]) for row in rows} == {"resign"}


def test_a_jury_and_researchers_may_act_and_what_one_is_acquitted_of_is_not_stated():
    text = ("Baker acquitted of theft\n\nTuesday, March 12, 2019\n\nA jury acquitted John Baker of stealing "
            "the bread on Monday. Researchers discovered a new comet in May.")
    rows = graph_of(text, date(2019, 3, 12), "a").query(PREFIXES + """
        SELECT ?lemma ?f ?agent WHERE { ?e kgo:lemma ?lemma ; kgo:factuality ?f .
                                        OPTIONAL { ?e kgo:agent/rdfs:label ?agent } }""")
    facts = {(str(lemma), str(f).rsplit("#", 1)[-1], str(agent) if agent else None) for lemma, f, agent in rows}
    assert ("steal", "Possible", "John Baker") in facts  # alleged, and not by the jury
    assert any(lemma == "acquit" and agent == "jury" for lemma, _, agent in facts)
    assert any(lemma == "discover" and agent == "Researchers" for lemma, _, agent in facts)
