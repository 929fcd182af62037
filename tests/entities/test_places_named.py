"""Places a news story names as settlements ("the town of Amatrice"), on hand-written text:
typed as towns though GeoNames may not list them, and "the town of X" is X."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Literal

from ..conftest import SPARQL_PREFIXES as PREFIXES
from ..conftest import graph_of

pytestmark = pytest.mark.model

TEXT = ("Quake flattens mountain town\n\nA strong earthquake struck on Wednesday, flattening the town of "
        "Montevalle. The prime minister promised to rebuild the town. Rescuers later reached Ferraccia, "
        "a village nearby. The mayor said half of the town was gone.")


@pytest.fixture(scope="module")
def graph():
    return graph_of(TEXT, date(2016, 8, 24), "q")


def _patients(graph, lemma: str) -> set[str]:
    rows = graph.query(PREFIXES + "SELECT ?l WHERE { ?e kgo:lemma ?lemma ; kgo:patient/rdfs:label ?l }",
                       initBindings={"lemma": Literal(lemma)})
    return {str(row[0]) for row in rows}


def test_a_name_after_town_of_is_a_town_not_an_organisation(graph):
    rows = graph.query(PREFIXES + 'SELECT ?t WHERE { ?e rdfs:label ?l ; a ?t . FILTER(STR(?l) = "Montevalle") }')
    assert {str(row[0]).rsplit("/", 1)[-1] for row in rows} == {"City"}


def test_the_town_of_a_name_is_that_town(graph):
    assert _patients(graph, "flatten") == {"Montevalle"}


def test_a_later_the_town_is_not_a_town_named_after_it(graph):
    assert "Ferraccia" not in _patients(graph, "rebuild")


def test_a_place_name_goes_on_after_a_romance_particle(nlp):
    from kg.entities.mentions import find_names
    text = "Rescuers pulled a 10-year-old girl from the rubble in Pescara del Tronto 17 hours after the quake."
    names = {n.text for n in find_names(nlp(text), text)}
    assert "Pescara del Tronto" in names
    assert "Pescara" not in names  # not the city of Pescara, 90 km away


def test_a_city_before_an_event_noun_is_where_it_happens_not_who_does_it():
    graph = graph_of("Leaders meet at Beijing summit\n\nThe Beijing summit ended on Friday.", date(2024, 5, 17), "s")
    rows = graph.query(PREFIXES + """SELECT ?agent ?place WHERE { ?e kgo:lemma "summit" . OPTIONAL { ?e kgo:agent/rdfs:label ?agent }
                                     OPTIONAL { ?e sem:hasPlace/rdfs:label ?place } }""")
    rows = list(rows)
    assert all(agent is None for agent, _ in rows)
    assert any(str(place) == "Beijing" for _, place in rows)


def test_a_demonym_after_a_comma_is_not_where_a_city_lies(nlp):
    graph = graph_of("In Kyiv, Ukrainian officials condemned the visit on Friday.", date(2024, 5, 17), "k")
    rows = graph.query(PREFIXES + """SELECT ?a WHERE { ?e rdfs:label ?l ; gaf:denotedBy/nif:anchorOf ?a . FILTER(STR(?l) = "Kyiv") }""")
    assert {str(row[0]) for row in rows} == {"Kyiv"}
