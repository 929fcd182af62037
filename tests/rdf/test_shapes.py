"""The shapes reject each kind of defect they are there for, and accept what kg builds.

One real graph (the example article, through the whole pipeline) is broken one way at a
time; the shapes must pass the graph as built and fail every broken copy. This keeps the
shapes honest when they are rewritten for speed: a rewrite that stops catching a defect
fails here.
"""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.rdf.shacl import validate, validate_each
from kg.vocab import DCT, GAF, KGO, NIF, SCHEMA, SEM, TIME

from ..conftest import EXAMPLES

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def built() -> Graph:
    from kg.pipeline import build
    from kg.read.files import read_articles

    (result,) = build(read_articles([str(EXAMPLES / "harbour-strike.txt")], published=None))
    return result.graph


def _one(graph: Graph, query: str):
    rows = list(graph.query(query, initNs={"kgo": KGO, "sem": SEM, "schema": SCHEMA, "gaf": GAF, "nif": NIF,
                                            "time": TIME, "rdfs": RDFS, "dct": DCT}))
    assert rows, f"the example graph has nothing for: {query}"
    return rows[0]


def _event(graph, factuality="Asserted", extra=""):
    return _one(graph, f"SELECT ?e WHERE {{ ?e a sem:Event ; kgo:factuality kgo:{factuality} . {extra} }} ORDER BY ?e")[0]


def _entity(graph, cls):
    return _one(graph, f"SELECT ?x WHERE {{ ?x a {cls} }} ORDER BY ?x")[0]


def _mention(graph):
    return _one(graph, "SELECT ?m WHERE { ?m a nif:OffsetBasedString } ORDER BY ?m")[0]


def _article(graph):
    return _entity(graph, "schema:NewsArticle")


def _instant(graph):
    return _entity(graph, "time:Instant")


def _swap(graph, s, p, o=None, new=None):
    for triple in list(graph.triples((s, p, o))):
        graph.remove(triple)
    if new is not None:
        graph.add((s, p, new))


DEFECTS = {
    # articles
    "article without identifier": lambda g: _swap(g, _article(g), DCT.identifier),
    "article with two identifiers": lambda g: g.add((_article(g), DCT.identifier, Literal("other"))),
    "article created is not a date": lambda g: _swap(g, _article(g), DCT.created, new=Literal("June 2020")),
    # mentions
    "mention begins after it ends": lambda g: _swap(g, _mention(g), NIF.beginIndex,
                                                   new=Literal(10**6, datatype=XSD.integer)),
    "mention with a negative offset": lambda g: _swap(g, _mention(g), NIF.beginIndex, new=Literal(-1, datatype=XSD.integer)),
    "mention offset is a plain string": lambda g: _swap(g, _mention(g), NIF.endIndex, new=Literal("12")),
    "mention without anchor": lambda g: _swap(g, _mention(g), NIF.anchorOf),
    "mention with an empty anchor": lambda g: _swap(g, _mention(g), NIF.anchorOf, new=Literal("")),
    "mention outside any article": lambda g: _swap(g, _mention(g), NIF.referenceContext,
                                                  new=URIRef("https://kg.example.org/id/nowhere")),
    # entities of every kind, including a bare schema:Thing
    "person without label": lambda g: _swap(g, _entity(g, "schema:Person"), RDFS.label),
    "organisation with two labels": lambda g: g.add((_entity(g, "schema:Organization"), RDFS.label,
                                                     Literal("Another", lang="en"))),
    "place label without language": lambda g: _swap(g, _entity(g, "schema:City"), RDFS.label,
                                                    new=Literal("Rotterdam")),
    "thing without mentions": lambda g: _swap(g, _entity(g, "schema:Thing"), GAF.denotedBy),
    "entity denoted by something not a mention": lambda g: _swap(g, _entity(g, "schema:Country"), GAF.denotedBy,
                                                                 new=_entity(g, "schema:Person")),
    "entity linked to a literal": lambda g: g.add((_entity(g, "schema:City"), OWL.sameAs, Literal("x"))),
    "entity that is a blank node": lambda g: _blank_entity(g),
    "person contained in a place": lambda g: g.add((_entity(g, "schema:Person"), SCHEMA.containedInPlace,
                                                    _entity(g, "schema:City"))),
    "place contained in a person": lambda g: g.add((_entity(g, "schema:City"), SCHEMA.containedInPlace,
                                                    _entity(g, "schema:Person"))),
    # events
    "event without lemma": lambda g: _swap(g, _event(g), KGO.lemma),
    "event without factuality": lambda g: _swap(g, _event(g), KGO.factuality),
    "event with an unknown factuality": lambda g: _swap(g, _event(g), KGO.factuality, new=KGO.Rumoured),
    "event with two tenses": lambda g: _two_tenses(g),
    "event without mention": lambda g: _swap(g, _event(g), GAF.denotedBy),
    "agent that is an article": lambda g: g.add((_event(g), KGO.agent, _article(g))),
    "agent that is a time": lambda g: g.add((_event(g), KGO.agent, _instant(g))),
    "patient that is a literal": lambda g: g.add((_event(g), KGO.patient, Literal("the port"))),
    "place that is a person": lambda g: g.add((_event(g), SEM.hasPlace, _entity(g, "schema:Person"))),
    "two times for one event": lambda g: _two_times(g),
    "threat with a time": lambda g: g.add((_event(g, "Threatened"), SEM.hasTime, _instant(g))),
    "threat with a place": lambda g: g.add((_event(g, "Threatened"), SEM.hasPlace, _entity(g, "schema:City"))),
    "denied event with a time": lambda g: _negated(g, SEM.hasTime, _instant(g)),
    "asserted event with a time meant": lambda g: g.add((_event(g), KGO.intendedTime, _instant(g))),
    "asserted event with a place meant": lambda g: g.add((_event(g), KGO.intendedPlace, _entity(g, "schema:City"))),
    "place meant that is a person": lambda g: g.add((_event(g, "Threatened"), KGO.intendedPlace,
                                                     _entity(g, "schema:Person"))),
    # times
    "instant without value": lambda g: _retime(g, None),
    "instant with two values": lambda g: g.add((_instant(g), TIME.inXSDgYear, Literal("1999", datatype=XSD.gYear))),
    "instant with a mistyped value": lambda g: _retime(g, Literal("2020-06")),
    "article with two texts": lambda g: [g.add((_article(g), NIF.isString, Literal(t))) for t in ("one", "two")],
    "article text that is no string": lambda g: g.add((_article(g), NIF.isString, Literal(3))),
}


def _blank_entity(graph):
    node = BNode()
    graph.add((node, RDF.type, SCHEMA.Person))
    graph.add((node, RDFS.label, Literal("Nobody", lang="en")))
    graph.add((node, GAF.denotedBy, _mention(graph)))


def _two_times(graph):
    event = _event(graph, extra="?e sem:hasTime ?t .")
    other = URIRef("https://kg.example.org/id/time/1999")
    graph.add((other, RDF.type, TIME.Instant))
    graph.add((other, TIME.inXSDgYear, Literal("1999", datatype=XSD.gYear)))
    graph.add((other, RDFS.label, Literal("1999")))
    graph.add((other, GAF.denotedBy, _mention(graph)))
    graph.add((event, SEM.hasTime, other))


def _two_tenses(graph):
    event = _event(graph)
    other = KGO.Future if (event, KGO.tense, KGO.Past) in graph else KGO.Past
    graph.add((event, KGO.tense, other))


def _retime(graph, value):
    """The first instant loses its value, and gets ``value`` as an xsd:date when given."""
    instant = _instant(graph)
    for prop in (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear):
        _swap(graph, instant, prop)
    if value is not None:
        graph.add((instant, TIME.inXSDDate, value))


def _negated(graph, prop, value):
    event = _event(graph)
    _swap(graph, event, KGO.factuality, new=KGO.Negated)
    graph.add((event, prop, value))


def test_the_graph_kg_builds_conforms(built):
    report = validate(built)
    assert report.conforms, report.violations


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_breaks_the_shapes(built, defect):
    broken = Graph(bind_namespaces="none")
    broken += built
    DEFECTS[defect](broken)
    assert len(broken ^ built) > 0, "the defect changed nothing"
    report = validate(broken)
    assert not report.conforms, f"the shapes accept a graph with: {defect}"
    assert report.violations


def test_batched_validation_finds_a_defect_among_good_graphs(built):
    broken = Graph(bind_namespaces="none")
    broken += built
    DEFECTS["threat with a time"](broken)
    assert [r.conforms for r in validate_each([built, broken, built])] == [True, False, True]


def test_a_users_shapes_with_advanced_features_are_honoured(tmp_path, built):
    # kg's own shapes need no SHACL-AF and are checked without it; a user's that use a
    # SPARQL target must still have it applied.
    shapes = tmp_path / "mine.ttl"
    shapes.write_text("""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/shapes#> .
ex:EveryLabelledThing a sh:NodeShape ;
    sh:target [ a sh:SPARQLTarget ; sh:select "SELECT ?this WHERE { ?this <http://www.w3.org/2000/01/rdf-schema#label> ?l }" ] ;
    sh:property [ sh:path <https://example.org/required> ; sh:minCount 1 ] .
""", encoding="utf-8")
    report = validate(built, str(shapes))
    assert not report.conforms and report.violations


# ---------------------------------------------------------------- kg validate

def _kg(*args):
    from click.testing import CliRunner

    from kg.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("fmt,suffix", [("turtle", "ttl"), ("nt", "nt"), ("nquads", "nq"), ("trig", "trig"),
                                        ("jsonld", "jsonld")])
def test_kg_validate_accepts_what_kg_build_writes_in_every_format(tmp_path, fmt, suffix):
    out = tmp_path / f"harbour.{suffix}"
    built = _kg("build", str(EXAMPLES / "harbour-strike.txt"), "--published", "2024-03-14", "-f", fmt, "-o", str(out))
    assert built.exit_code == 0, built.stderr
    checked = _kg("validate", str(out))
    assert checked.exit_code == 0, checked.output
    assert checked.output == f"{out}: conforms\n"


def test_kg_validate_reports_each_violation_and_exits_1(tmp_path, built):
    broken = Graph(bind_namespaces="none")
    broken += built
    DEFECTS["threat with a time"](broken)
    path = tmp_path / "broken.nt"
    path.write_text(broken.serialize(format="nt"), encoding="utf-8")
    checked = _kg("validate", str(path))
    assert checked.exit_code == 1
    assert checked.output.startswith(f"{path}: 1 violation(s)\n")
    assert "only an asserted event has a sem:hasTime or sem:hasPlace" in checked.output


@pytest.mark.parametrize("name,content,expected", [
    ("cut.ttl", '@prefix ex: <http://e/> .\nex:a ex:b "x" ;\n', "is not valid turtle (Parser error at line 3"),
    ("data.csv", "a,b\n", "unknown RDF suffix; use .ttl"),
    ("remote.jsonld", '{"@context": "https://schema.org/", "@id": "http://e/a", "name": "x"}',
     "its JSON-LD @context is remote, and kg fetches nothing; put the context inline"),
])
def test_kg_validate_names_an_unreadable_file_and_the_fix_and_exits_2(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    checked = _kg("validate", str(path))
    assert checked.exit_code == 2
    assert checked.stderr.startswith(f"kg: {path}: ") and expected in checked.stderr
    assert len(checked.stderr.splitlines()) == 1


def test_batched_validation_blames_only_the_graph_at_fault():
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, RDF, SDO

    def article(name, identifiers):
        graph = Graph()
        node = URIRef(f"https://kg.example.org/id/article/{name}")
        graph.add((node, RDF.type, SDO.NewsArticle))
        for value in identifiers:
            graph.add((node, DCTERMS.identifier, Literal(value)))
        return graph

    reports = validate_each([article("a", ["a"]), article("b", []), article("c", ["c"])])
    assert [r.conforms for r in reports] == [True, False, True]
    assert "dct:identifier" in str(reports[1].violations[0]) or "identifier" in str(reports[1].violations[0])
