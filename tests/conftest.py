"""Shared fixtures: the trained spaCy pipeline (loaded once) and paths to the repo's data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.vocab import DCT, PREFIXES, SCHEMA

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "corpora" / "seed" / "liaison-office.txt"
# kg's prefixes as a SPARQL prologue, for queries over built graphs
SPARQL_PREFIXES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


def graph_of(text: str, published: date, article_id: str = "t") -> Graph:
    """The validated graph kg builds of one hand-written article."""
    from kg.model import Article
    from kg.pipeline import build

    built, = build([Article(article_id, text, published=published)])
    return built.graph


def types_by_label(graph: Graph) -> dict[str, set[str]]:
    """label -> the local names of its classes, for the entities of a built graph (not events,
    not times)."""
    rows = graph.query(SPARQL_PREFIXES + """SELECT ?label ?type WHERE {
        ?e rdfs:label ?label ; a ?type ; gaf:denotedBy ?m .
        FILTER NOT EXISTS { ?e a sem:Event } FILTER NOT EXISTS { ?e a time:Instant } }""")
    found: dict[str, set[str]] = {}
    for label, kind in rows:
        found.setdefault(str(label), set()).add(str(kind).rsplit("/", 1)[-1].rsplit("#", 1)[-1])
    return found


def pytest_configure(config):
    for marker in ("model: needs the trained spaCy pipeline", "slow: long-running",
                   "server: starts a real oxigraph server on 127.0.0.1"):
        config.addinivalue_line("markers", marker)


@pytest.fixture(scope="session")
def nlp():
    from kg.text.load import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text():
    if not SEED.exists():
        pytest.skip("../shared/corpora/seed is not beside the checkout")
    return SEED.read_text(encoding="utf-8")


KG = "https://kg.example.org/id/"


def article(name: URIRef, title: str, *labels: str) -> Graph:
    """A small hand-made article graph in kg's vocabulary, with a city per label."""
    graph = Graph(bind_namespaces="none")
    graph.add((name, RDF.type, SCHEMA.NewsArticle))
    graph.add((name, DCT.title, Literal(title)))
    graph.add((name, DCT.created, Literal("2024-03-14", datatype=XSD.date)))
    for label in labels:
        entity = URIRef(f"{KG}entity/place/{label.lower()}")
        graph.add((entity, RDF.type, SCHEMA.City))
        graph.add((entity, RDFS.label, Literal(label, lang="en")))
    return graph
