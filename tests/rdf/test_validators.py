"""The compiled validator (kg build's default) gives pyshacl's verdicts on kg's shapes.

pyshacl is the oracle. Both judge the graphs kg builds of the development corpora (a sample
here, every article in the slow run) and broken copies of them that tests/rdf/variants.py
generates from the shapes; for each graph they must agree on whether it conforms and on
every result: focus node, constraint component, path, value node, and the shape's sh:message
where it has one. A weakened engine (a constraint dropped, a check loosened) must fail the
comparison, or the comparison proves nothing.
"""

from __future__ import annotations

import itertools
import sys
from datetime import date

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from kg.rdf import shacl, shacl_sparql
from kg.rdf.output import graph_from_ntriples, ntriples
from kg.rdf.shacl import validate, validate_each
from kg.rdf.shacl_sparql import CompiledShapes, UnsupportedShapes
from kg.vocab import KGO, SCHEMA, SEM
from kg.vocab.resources import class_tree, shapes

from ..conftest import EXAMPLES, KG, ROOT, SEED, article
from .variants import KINDS, Breaker

TOOLS = ROOT.parent / "shared" / "tools"
CORPORA = ROOT.parent / "shared" / "corpora"
SOURCES = {"meantime": [CORPORA / "meantime-en" / "airbus", CORPORA / "meantime-en" / "apple"],
           "gum": [CORPORA / "gum-news"], "timeml": [CORPORA / "aquaint-timeml"],
           "wikievents": [CORPORA / "wikievents-dev"]}


# ---------------------------------------------------------------- the comparison

def verdict(report) -> tuple[bool, frozenset]:
    """What a validator said of one graph: whether it conforms, and each result."""
    messages = {str(m) for m in shapes().objects(None, SH.message)}
    results = set()
    graph = report.graph
    for result in graph.objects(None, SH.result):
        def term(prop, node=result):
            value = graph.value(node, prop)
            return "_:blank" if isinstance(value, BNode) else (value.n3() if value is not None else None)

        message = str(graph.value(result, SH.resultMessage))
        results.add((term(SH.focusNode), term(SH.sourceConstraintComponent), term(SH.resultPath), term(SH.value),
                     message if message in messages else None))
    return report.conforms, frozenset(results)


def oracle(graphs: list[Graph]) -> list:
    """pyshacl's verdict on each graph, validated alone."""
    return [verdict(validate(graph)) for graph in graphs]


def compiled_verdicts(graphs: list[Graph], compiled: CompiledShapes | None = None) -> list:
    """The compiled engine's verdicts, in batches of 16 graphs as kg build gives them (so one
    graph's nodes must not leak into another's verdict)."""
    compiled = compiled or CompiledShapes(shapes(), class_tree())
    texts = [ntriples(graph) for graph in graphs]
    judged = [r for i in range(0, len(texts), 16) for r in compiled.results(texts[i:i + 16])]
    assert all(results is not None for results in judged), "a kg graph went to the pyshacl fallback"
    return [verdict(shacl._report(results)) for results in judged]


def disagreements(names: list[str], expected: list, got: list) -> list[str]:
    found = []
    for name, want, have in zip(names, expected, got, strict=True):
        if want != have:
            found.append(f"{name}: pyshacl conforms={want[0]} {sorted(want[1] - have[1], key=str)}; "
                         f"compiled conforms={have[0]} {sorted(have[1] - want[1], key=str)}")
    return found


# ---------------------------------------------------------------- graphs kg builds

def unvalidated_graphs(articles) -> list[Graph]:
    """kg's graph of each article, before any validation (one may break the shapes)."""
    from kg.pipeline import extract
    from kg.rdf.graph import build_graph
    from kg.read.structure import analyse
    from kg.text.load import load_nlp
    from kg.text.parse import parse

    layouts = [analyse(a) for a in articles]
    docs = parse(load_nlp(), [layout.analysis_text for layout in layouts])
    return [graph_from_ntriples(build_graph(extract(a, doc, layout), KG).ntriples())
            for a, layout, doc in zip(articles, layouts, docs, strict=True)]


def corpus_articles(name: str, limit: int | None = None, tmp_path=None):
    """The articles of a development corpus, read the way kg-eval hands them to kg."""
    if not (TOOLS / "kg_eval").is_dir():
        pytest.skip("../shared/tools is not beside the checkout")
    sys.path.insert(0, str(TOOLS))
    import importlib

    from kg.read.files import read_articles

    module = importlib.import_module(f"kg_eval.{name}")
    path = tmp_path / f"{name}.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        module.write_jsonl(module.load(SOURCES[name])[:limit], out)
    return list(read_articles([str(path)]))


def seed_article():
    from kg.model import Article

    if not SEED.exists():
        pytest.skip("../shared/corpora/seed is not beside the checkout")
    return Article("liaison-office", SEED.read_text(encoding="utf-8"), published=date(2020, 6, 16))


@pytest.fixture(scope="module")
def harbour() -> Graph:
    from kg.read.files import read_articles

    return unvalidated_graphs(list(read_articles([str(EXAMPLES / "harbour-strike.txt")], published=date(2024, 3, 14))))[0]


@pytest.fixture(scope="module")
def broken(harbour):
    """The example article's variants, with pyshacl's verdicts (computed once: they are slow)."""
    variants = Breaker(shapes(), class_tree()).variants(harbour)
    return variants, oracle([v.graph for v in variants])


# ---------------------------------------------------------------- agreement

@pytest.mark.model
def test_the_validators_agree_on_broken_copies_of_a_built_graph(broken):
    variants, expected = broken
    names = [f"{v.kind}: {v.where}" for v in variants]
    assert disagreements(names, expected, compiled_verdicts([v.graph for v in variants])) == []


@pytest.mark.model
def test_the_variants_break_the_graph_every_way_the_shapes_guard_against(broken):
    variants, expected = broken
    made = {v.kind for v in variants}
    assert made == set(KINDS), f"never generated: {set(KINDS) - made}"
    caught = {v.kind for v, (conforms, _) in zip(variants, expected, strict=True) if not conforms}
    assert caught == set(KINDS), f"kinds the shapes never catch: {set(KINDS) - caught}"


@pytest.mark.model
def test_the_validators_agree_on_a_sample_of_the_development_corpora(tmp_path):
    articles = [seed_article()] + [a for name in SOURCES for a in corpus_articles(name, 2, tmp_path)]
    graphs = unvalidated_graphs(articles)
    assert disagreements([a.id for a in articles], oracle(graphs), compiled_verdicts(graphs)) == []


@pytest.mark.model
@pytest.mark.slow
def test_the_validators_agree_on_every_development_graph_and_on_broken_copies_of_some(tmp_path):
    # every graph as built; the broken copies of the seed's and of the first article of each
    # corpus (pyshacl takes about a tenth of a second a copy, and a graph has about a hundred)
    by_corpus = {name: corpus_articles(name, None, tmp_path) for name in SOURCES}
    articles = [seed_article()] + [a for found in by_corpus.values() for a in found]
    graphs = unvalidated_graphs(articles)
    assert disagreements([a.id for a in articles], oracle(graphs), compiled_verdicts(graphs)) == []
    breaker = Breaker(shapes(), class_tree())
    firsts = {0} | set(itertools.accumulate([1] + [len(found) for found in by_corpus.values()][:-1]))
    for index in sorted(firsts):
        variants = breaker.variants(graphs[index])
        names = [f"{articles[index].id}: {v.kind}: {v.where}" for v in variants]
        assert disagreements(names, oracle([v.graph for v in variants]),
                             compiled_verdicts([v.graph for v in variants])) == []


# ---------------------------------------------------------------- the comparison can fail

WEAKENINGS = {
    "ill-formed literals pass": lambda mp: mp.setattr(shacl_sparql, "_CASTS", set()),
    "sh:lessThan read as <=": lambda mp: mp.setattr(shacl_sparql, "_PAIRS", {**shacl_sparql._PAIRS, SH.lessThan: "<="}),
    "sh:languageIn dropped": lambda mp: mp.setattr(shacl_sparql._Compiler, "_value_tests", _without_language),
    "subclasses are not instances": lambda mp: mp.setattr(shacl_sparql._Compiler, "_subclasses", lambda self, c: {c}),
    "sh:maxCount off by one": lambda mp: mp.setattr(shacl_sparql, "_COUNT_LIMIT", 8) or mp.setattr(
        shacl_sparql._Compiler, "_distinct", _one_more),
}
_original_tests = shacl_sparql._Compiler._value_tests
_original_distinct = shacl_sparql._Compiler._distinct


def _without_language(self, shape, x):
    return [(c, t) for c, t in _original_tests(self, shape, x) if c != SH.LanguageInConstraintComponent]


def _one_more(self, x, path, count):
    return _original_distinct(self, x, path, count + 1 if count > 1 else count)


@pytest.mark.model
@pytest.mark.parametrize("weakening", sorted(WEAKENINGS))
def test_the_comparison_catches_a_weakened_engine(broken, monkeypatch, weakening):
    variants, expected = broken
    WEAKENINGS[weakening](monkeypatch)
    weak = CompiledShapes(shapes(), class_tree())
    names = [f"{v.kind}: {v.where}" for v in variants]
    assert disagreements(names, expected, compiled_verdicts([v.graph for v in variants], weak)) != []


# ---------------------------------------------------------------- without the model

def _hand_made() -> Graph:
    name = URIRef(f"{KG}article/a")
    graph = article(name, "Dockers strike", "Rotterdam")
    graph.remove((None, RDFS.label, None))  # the cities now lack their label and mentions
    return graph


def test_the_validators_agree_on_a_hand_made_graph_that_breaks_the_shapes():
    graph = _hand_made()
    expected = oracle([graph])
    assert not expected[0][0]
    assert compiled_verdicts([graph]) == expected


def test_a_violation_reports_its_shapes_message():
    graph = Graph(bind_namespaces="none")
    event, instant = URIRef(f"{KG}article/a/event/1-x"), URIRef(f"{KG}time/2020")
    graph.add((event, SEM.hasTime, instant))
    graph.add((event, KGO.factuality, KGO.Threatened))
    report, = validate_each([graph])
    assert [str(v) for v in report.violations] == [
        f"{event} factuality: only an asserted event has a sem:hasTime or sem:hasPlace"]


def test_a_graph_with_its_own_class_tree_is_left_to_pyshacl():
    # pyshacl reads rdfs:subClassOf in the data as part of the class tree; the compiled
    # queries know only the ontology's, so such a graph goes to pyshacl
    graph = _hand_made()
    graph.add((URIRef("https://example.org/Port"), RDFS.subClassOf, SCHEMA.City))
    assert CompiledShapes(shapes(), class_tree()).results([ntriples(graph)]) == [None]
    assert [verdict(r) for r in validate_each([graph])] == oracle([graph])


def test_a_literal_the_store_would_retype_is_left_to_pyshacl():
    graph = _hand_made()
    mention = URIRef(f"{KG}article/a#char=0,5")
    graph.add((mention, RDF.type, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#OffsetBasedString")))
    graph.add((mention, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex"),
               Literal(0, datatype=XSD.nonNegativeInteger)))
    assert CompiledShapes(shapes(), class_tree()).results([ntriples(graph)]) == [None]
    assert [verdict(r) for r in validate_each([graph])] == oracle([graph])


@pytest.mark.parametrize("extra", [
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:D ] ; sh:qualifiedMinCount 1 ] .",
    "ex:S a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select \"SELECT ?this WHERE { ?this ?p ?o }\" ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:datatype xsd:nonNegativeInteger ] .",
])
def test_shapes_the_compiled_engine_does_not_implement_are_refused(tmp_path, extra):
    path = tmp_path / "mine.ttl"
    path.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <https://example.org/> .\n"
                    f"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n{extra}\n", encoding="utf-8")
    with pytest.raises(UnsupportedShapes, match="use --validator pyshacl"):
        CompiledShapes(shapes(str(path)), class_tree())
