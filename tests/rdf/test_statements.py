"""The sink kg.rdf.graph writes to gives, for the same statements, the N-Triples that rdflib's
Graph and kg's writer give: the same lines, the same bytes."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Graph, URIRef
from rdflib import Literal as RdflibLiteral
from rdflib.namespace import RDF as RDFLIB_RDF
from rdflib.namespace import XSD

from kg.errors import OutputError
from kg.rdf.output import ntriples
from kg.rdf.statements import Literal, Statements
from kg.vocab import NIF, RDF, RDFS, SCHEMA

A = URIRef("https://kg.example.org/id/article/a")
TRICKY = 'quotes " and \\ back\\slash, tab\t, newline\n, bell\x07, RTL \u202e, emoji \U0001f600, <angle>'
STATEMENTS = [  # (subject, predicate, kg's object, rdflib's object)
    (A, RDF.type, SCHEMA.NewsArticle, SCHEMA.NewsArticle),
    (A, RDFS.label, Literal(TRICKY, lang="en"), RdflibLiteral(TRICKY, lang="en")),
    (A, RDFS.comment, Literal(TRICKY), RdflibLiteral(TRICKY)),
    (A, NIF.beginIndex, Literal(84, datatype=XSD.integer), RdflibLiteral(84, datatype=XSD.integer)),
    (A, NIF.endIndex, Literal(7), RdflibLiteral(7)),
    (A, SCHEMA.dateCreated, Literal("2020-06-16", datatype=XSD.date), RdflibLiteral("2020-06-16", datatype=XSD.date)),
    (A, SCHEMA.datePublished, Literal(date(2020, 6, 17)), RdflibLiteral(date(2020, 6, 17))),
    (A, SCHEMA.isAccessibleForFree, Literal(True), RdflibLiteral(True)),
    (A, SCHEMA.name, Literal("typed string", datatype=XSD.string), RdflibLiteral("typed string", datatype=XSD.string)),
    (A, SCHEMA.alternateName, RdflibLiteral("rdflib's own", lang="fr"), RdflibLiteral("rdflib's own", lang="fr")),
    (A, SCHEMA.about, URIRef("https://example.org/odd%20path/x(1)"), URIRef("https://example.org/odd%20path/x(1)")),
    (A, RDF.type, SCHEMA.NewsArticle, SCHEMA.NewsArticle),  # twice: one statement
]


def test_the_same_statements_give_the_same_n_triples_as_an_rdflib_graph():
    ours, theirs = Statements(), Graph(bind_namespaces="none")
    for subject, predicate, mine, rdflibs in STATEMENTS:
        ours.add((subject, predicate, mine))
        theirs.add((subject, predicate, rdflibs))
    assert len(ours) == len(theirs) == len(STATEMENTS) - 1
    assert ours.ntriples() == ntriples(theirs)


def test_value_gives_the_first_object_of_a_property():
    ours = Statements()
    ours.add((A, RDFS.label, Literal("Rotterdam", lang="en")))
    assert str(ours.value(A, RDFS.label)) == "Rotterdam"
    assert ours.value(A, RDFS.comment) is None


@pytest.mark.parametrize("iri", ["https://example.org/a b", "https://example.org/<a>", 'https://example.org/"'])
def test_an_iri_with_characters_iris_forbid_is_refused(iri):
    with pytest.raises(OutputError, match="characters IRIs forbid"):
        Statements().add((A, SCHEMA.about, URIRef(iri)))


def test_a_literal_of_a_type_kg_does_not_write_is_refused():
    with pytest.raises(TypeError, match="str, int, bool or date"):
        Literal(1.5)


def test_namespace_terms_are_made_once_and_are_rdflibs():
    assert NIF.beginIndex is NIF.beginIndex
    assert NIF.beginIndex == URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex")
    assert RDF.type is RDF.type and RDF.type == RDFLIB_RDF.type
    with pytest.raises(AttributeError):
        RDF.notAnRdfTerm  # noqa: B018 - a closed namespace still refuses a term it lacks
