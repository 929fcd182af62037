"""Times in the graph: an XSD value where XSD holds one, the TimeML value always, and the
first and last day of what XSD has no type for, so that SPARQL can filter by date.

One hand-written market story (published Wednesday 17 June 2020) through the whole pipeline;
then the shapes must reject each way such a graph can go wrong.
"""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.rdf.shacl import validate
from kg.vocab import KGO, TIME

from ..conftest import SPARQL_PREFIXES, graph_of

pytestmark = pytest.mark.model

STORY = ("Stocks slide as central bank waits\n\n"
         "Asian shares fell sharply overnight. Last week, rebels shelled the port. "
         "Profit at the refiner rose 5 percent in the second quarter. Trading was halted at 09:30 GMT on Tuesday "
         "and the minister spoke at 10 a.m. The embassy is now operating from a hotel. "
         "The refiner expects a loss in fiscal 2021.\n")
BASE = "https://kg.example.org/id/"
ARTICLE = BASE + "article/markets"


@pytest.fixture(scope="module")
def built() -> Graph:
    return graph_of(STORY, date(2020, 6, 17), "markets")


def _rows(graph, query):
    return sorted(tuple(str(v) for v in row) for row in graph.query(SPARQL_PREFIXES + query))


def test_every_time_has_its_timeml_value(built):
    values = _rows(built, "SELECT ?v WHERE { ?t gaf:denotedBy ?m ; kgo:timexValue ?v }")
    assert values == [("2020-06-16",), ("2020-06-16T09:30",), ("2020-06-16T10:00",), ("2020-Q2",), ("2020-W24",),
                      ("FY2021",), ("PRESENT_REF",)]


def test_a_week_is_an_interval_with_its_first_and_last_day(built):
    week = URIRef(BASE + "time/2020-W24")
    assert (week, RDF.type, TIME.ProperInterval) in built
    assert _rows(built, f"""SELECT ?first ?last WHERE {{ <{week}> time:hasBeginning/time:inXSDDate ?first ;
                                                               time:hasEnd/time:inXSDDate ?last }}""") == [
        ("2020-06-08", "2020-06-14")]
    assert not list(built.objects(week, TIME.inXSDDate))


def test_sparql_finds_what_happened_in_a_stretch_of_dates_through_the_bounds(built):
    """Events dated by a week or a quarter are found by a filter on dates, as dated events are."""
    found = _rows(built, """SELECT DISTINCT ?lemma WHERE {
        ?e a sem:Event ; kgo:lemma ?lemma ; sem:hasTime ?t .
        { ?t time:inXSDDate ?first . BIND(?first AS ?last) }
        UNION { ?t time:hasBeginning/time:inXSDDate ?first ; time:hasEnd/time:inXSDDate ?last }
        FILTER(?first >= "2020-06-01"^^xsd:date && ?last <= "2020-06-15"^^xsd:date) }""")
    assert ("shell",) in found
    assert ("rise",) not in found  # dated by the second quarter, which runs from April


def test_a_clock_time_with_its_zone_is_an_xsd_datetime_and_one_node_everywhere(built):
    node = URIRef(BASE + "time/2020-06-16T09:30Z")
    value = built.value(node, TIME.inXSDDateTime)  # "...Z" as kg writes it, "+00:00" as rdflib would: one instant
    assert value.datatype == XSD.dateTime
    assert value.toPython() == Literal("2020-06-16T09:30:00Z", datatype=XSD.dateTime).toPython()


def test_a_clock_time_without_a_zone_and_the_present_stay_inside_the_article(built):
    local = URIRef(ARTICLE + "/time/2020-06-16T10:00")  # on the day named last
    assert built.value(local, TIME.inXSDDateTime) == Literal("2020-06-16T10:00:00", datatype=XSD.dateTime)
    present = URIRef(ARTICLE + "/time/PRESENT_REF")
    assert (present, RDF.type, TIME.Instant) in built
    assert not any(p in (TIME.inXSDDate, TIME.inXSDgYear) for p in built.predicates(present))


def test_a_fiscal_year_is_an_interval_without_bounds_inside_its_article(built):
    # one company's fiscal 2021 is not another's: no shared node, no first and last day
    fiscal = URIRef(ARTICLE + "/time/FY2021")
    assert (fiscal, RDF.type, TIME.ProperInterval) in built
    assert not list(built.objects(fiscal, TIME.hasBeginning))
    assert (URIRef(BASE + "time/FY2021"), None, None) not in built
    assert (URIRef(BASE + "time/2020-Q2"), RDF.type, TIME.ProperInterval) in built  # a quarter of the calendar is shared


def test_what_happened_overnight_is_dated_the_day_before_the_story(built):
    assert _rows(built, """SELECT ?d WHERE { ?e kgo:lemma "fall" ; sem:hasTime/time:inXSDDate ?d }""") == [
        ("2020-06-16",)]


def _broken(built, change) -> bool:
    graph = Graph(bind_namespaces="none")
    graph += built
    change(graph)
    assert len(graph ^ built) > 0, "the defect changed nothing"
    return not validate(graph).conforms


WEEK = URIRef(BASE + "time/2020-W24")
QUARTER = URIRef(BASE + "time/2020-Q2")
DEFECTS = {
    "an interval with a date of its own": lambda g: g.add((WEEK, TIME.inXSDDate, Literal("2020-06-08", datatype=XSD.date))),
    "an interval that ends in a year": lambda g: _bounded_by_a_year(g),
    "a time without its TimeML value": lambda g: g.remove((QUARTER, KGO.timexValue, None)),
    "a time with two TimeML values": lambda g: g.add((QUARTER, KGO.timexValue, Literal("2020-H1"))),
    "the present with a date": lambda g: g.add((URIRef(ARTICLE + "/time/PRESENT_REF"), TIME.inXSDDate,
                                                Literal("2020-06-17", datatype=XSD.date))),
    "a date-time that is a date": lambda g: _swap_value(g, URIRef(BASE + "time/2020-06-16T09:30Z")),
}


def _bounded_by_a_year(graph):
    year = URIRef(BASE + "time/2020")
    graph.add((year, RDF.type, TIME.Instant))
    graph.add((year, TIME.inXSDgYear, Literal("2020", datatype=XSD.gYear)))
    graph.add((year, KGO.timexValue, Literal("2020")))
    graph.remove((QUARTER, TIME.hasEnd, None))
    graph.add((QUARTER, TIME.hasEnd, year))


def _swap_value(graph, node):
    graph.remove((node, TIME.inXSDDateTime, None))
    graph.add((node, TIME.inXSDDateTime, Literal("2020-06-16", datatype=XSD.date)))


def test_the_story_conforms(built):
    assert validate(built).conforms


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_of_a_time_breaks_the_shapes(built, defect):
    assert _broken(built, DEFECTS[defect]), f"the shapes accept {defect}"
