"""Serialisation: every format re-parses strictly, the same graph gives the same bytes,
and a failed write leaves no file behind and no existing file changed."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import OutputError
from kg.rdf.output import FORMATS, GraphWriter, check_parses, jsonld, ntriples, trig, turtle
from kg.vocab import SCHEMA

A = URIRef("https://kg.example.org/id/article/a1")
B = URIRef("https://kg.example.org/id/article/a2")
TRICKY = 'quotes " and \\ back\\slash, tab\t, newline\n, bell\x07, RTL \u202e, emoji \U0001f600, <angle>'


def _graph(name=A) -> Graph:
    graph = Graph()
    graph.add((name, RDF.type, SCHEMA.NewsArticle))
    graph.add((name, RDFS.label, Literal(TRICKY, lang="en")))
    graph.add((name, SCHEMA.dateCreated, Literal("2020-06-16", datatype=XSD.date)))
    graph.add((name, SCHEMA.position, Literal(3, datatype=XSD.nonNegativeInteger)))
    graph.add((name, SCHEMA.about, URIRef("https://example.org/odd%20path/x(1)")))
    return graph


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_reparses_strictly_to_the_same_graph(tmp_path, fmt):
    target = tmp_path / f"out{FORMATS[fmt][1]}"
    with GraphWriter(str(target), fmt) as writer:
        writer.add(A, _graph(A))
        writer.add(B, _graph(B))
    assert check_parses(target, fmt) == 10
    back = Graph()
    if fmt in ("nquads", "trig"):
        store = pyoxigraph.Store()
        store.load(path=str(target), format=FORMATS[fmt][0])
        assert {str(q.graph_name.value) for q in store} == {str(A), str(B)}
        dataset = Dataset()
        dataset.parse(target, format=fmt)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            back.add((s, p, o))
    else:
        back.parse(target, format={"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt])
    assert isomorphic(back, _graph(A) + _graph(B))


def test_same_graph_gives_same_bytes():
    one, two = _graph(), Graph()
    for triple in sorted(_graph(), reverse=True):  # a different insertion order
        two.add(triple)
    assert turtle(one) == turtle(two)
    assert ntriples(one, A) == ntriples(two, A)
    assert trig([(A, one)]) == trig([(A, two)])
    assert jsonld(one) == jsonld(two)


def test_a_failed_run_leaves_the_existing_file_untouched(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with GraphWriter(str(target), "turtle") as writer:
            writer.add(A, _graph())
            raise RuntimeError("crash in the middle")
    assert target.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_an_iri_with_forbidden_characters_is_refused_not_written(tmp_path):
    graph = Graph()
    graph.add((A, RDFS.seeAlso, URIRef("https://example.org/a b")))
    target = tmp_path / "x.nt"
    with pytest.raises(OutputError, match="forbid"):
        with GraphWriter(str(target), "nt") as writer:
            writer.add(A, graph)
    assert not target.exists()


def test_missing_output_folder_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        with GraphWriter(str(tmp_path / "no" / "x.ttl"), "turtle"):
            pass


def test_written_file_has_ordinary_permissions_not_mkstemps_private_ones(tmp_path):
    import os
    import stat

    target = tmp_path / "graph.ttl"
    with GraphWriter(str(target), "turtle") as writer:
        writer.add(A, _graph())
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_line_separator_inside_a_literal_is_no_line_end(tmp_path, fmt):
    # N-Triples leaves U+0085 and U+2028 unescaped; str.splitlines takes them for line ends,
    # which cut an article's lines in two when a worker's N-Triples were put in a named graph
    from kg.model import Article
    from kg.pipeline import Built

    graph = _graph(A)
    graph.add((A, RDFS.comment, Literal("one\x85two\u2028three")))
    built = Built(Article("a1", "text"), A, triples=len(graph), made_lines=ntriples(graph))
    target = tmp_path / f"out{FORMATS[fmt][1]}"
    with GraphWriter(str(target), fmt) as writer:
        writer.add_article(built)
    assert check_parses(target, fmt) == len(graph)


@pytest.mark.parametrize("fmt", ["nt", "nquads", "turtle", "trig"])  # JSON-LD re-encodes each literal
def test_what_a_strict_parser_rejects_leaves_no_file(tmp_path, fmt):
    from kg.model import Article
    from kg.pipeline import Built

    target = tmp_path / f"out{FORMATS[fmt][1]}"
    target.write_text("kept", encoding="utf-8")
    broken = Built(Article("a1", "text"), A, triples=1, made_lines=f'<{A}> <{RDFS.label}> "unterminated .\n')
    with pytest.raises(OutputError, match="strict parser rejects"):
        with GraphWriter(str(target), fmt) as writer:
            writer.add_article(broken)
    assert target.read_text(encoding="utf-8") == "kept"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
