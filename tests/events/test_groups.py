"""Plural pronouns for groups named by a common noun (kg.events.groups), on hand-written news:
"they" and "their" are the plural subject above them or, for a main clause, of the sentence
before; never a pair, a rival of the same kind, or "them"."""

from __future__ import annotations

from datetime import date

import pytest

from ..conftest import SPARQL_PREFIXES, graph_of
from ..conftest import bound_to as _bound

pytestmark = pytest.mark.model


def test_they_in_a_clause_under_a_plural_subject_is_that_group():
    # business: a that-clause under a group of people named by a common noun
    assert _bound("Transport workers said on Friday that they would strike for a week.", "they") == {"Transport workers"}


def test_their_is_the_plural_subject_of_its_clause():
    # courts: "their" under the subject of its own clause
    assert _bound("The parents are accused of putting their social life ahead of the child.", "their") == {"parents"}


def test_a_main_clause_they_is_the_group_that_was_the_subject_before():
    # science and policy: the sentence before names the group as its subject
    assert _bound("Scientists studied crop yields in China. They found that ozone cut yields by a fifth.", "They") \
        == {"Scientists"}


def test_they_acts_for_the_group_it_stands_for():
    text = "Transport authorities said they closed the station on Friday."
    graph = graph_of(text, date(2024, 3, 5))
    rows = graph.query(SPARQL_PREFIXES + """SELECT ?label WHERE { ?e a sem:Event ; kgo:lemma "close" ;
        kgo:agent/rdfs:label ?label }""")
    assert {str(r[0]) for r in rows} == {"Transport authorities"}


def test_they_after_a_rival_group_of_people_is_left_alone():
    # must-not (conflict): the protesters stand between the police and "they"
    assert _bound("The police chased the protesters until they reached the square.", "they") == set()


def test_they_after_a_pair_is_left_alone():
    # must-not (politics): two groups, which kg gives no one node
    assert _bound("Republicans and Democrats said on Tuesday that they would vote against the bill.", "they") == set()


def test_them_is_left_alone():
    # must-not (conflict): "them" is the bombs, not the people who carried them
    text = "Police say the brothers carried the bombs to the street before detonating them."
    assert _bound(text, "them") == set()


def test_a_main_clause_they_after_a_thing_is_left_alone():
    # must-not (sport): the subject before is no group of people
    assert _bound("Ticket prices rose sharply this season. They said the club had no choice.", "They") == set()


def test_it_in_reported_speech_is_the_body_named_by_the_subject():
    # conflict: a body named by a common noun, speaking of itself
    assert _bound("The army said on Monday that it had captured 30 fighters near the border.", "it") == {"army"}
    # business: the "its" of a subject in the clause
    assert _bound("The union said its members would strike for a week.", "its") == {"union"}


@pytest.mark.parametrize("text, pronoun", [
    ("The ministry said it was unclear whether the talks would resume.", "it"),  # an empty "it"
    ("The blog obtained a prototype of the phone and published details of it.", "it"),  # an object: the phone
    ("The company told the agency that it would close the office.", "it"),  # another body between
])
def test_it_is_no_body_when_empty_an_object_or_rivalled(text, pronoun):
    assert _bound(text, pronoun) == set()


def test_it_acts_for_the_body_it_stands_for():
    text = "The army said it had captured 30 fighters in the north."
    graph = graph_of(text, date(2024, 3, 5))
    rows = graph.query(SPARQL_PREFIXES + """SELECT ?label WHERE { ?e a sem:Event ; kgo:lemma "capture" ;
        kgo:agent/rdfs:label ?label }""")
    assert {str(r[0]) for r in rows} == {"army"}
