"""Identity across articles: one IRI for one real-world thing, in every article and run."""

from __future__ import annotations

import json

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main

pytestmark = pytest.mark.model

ARTICLES = [
    {"id": "talks", "published": "2023-04-03", "text": "North Korea fired a missile on Monday. "
     "Pyongyang said the launch was a warning. Analyst Jane Park said Moon spoke to reporters."},
    {"id": "border", "published": "2023-04-05", "text": "South Korea said on Wednesday that North Korea "
     "had closed the border crossing. Moon said the talks would resume."},
]


def _store(tmp_path, fmt="nquads"):
    source = tmp_path / "two.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    out = tmp_path / "two.nq"
    result = CliRunner().invoke(main, ["build", str(source), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    store = pyoxigraph.Store()
    store.load(path=str(out), format=pyoxigraph.RdfFormat.N_QUADS)
    return store


def _select(store, query):
    prefix = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX owl: <http://www.w3.org/2002/07/owl#> "
              "PREFIX gaf: <http://groundedannotationframework.org/gaf#> "
              "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> ")
    return [tuple(str(v.value) for v in row) for row in store.query(prefix + query, use_default_graph_as_union=True)]


def test_north_korea_in_two_articles_is_one_node_linked_to_geonames(tmp_path):
    store = _store(tmp_path)
    nodes = _select(store, 'SELECT DISTINCT ?e ?link WHERE { ?e rdfs:label "North Korea"@en ; owl:sameAs ?link }')
    assert nodes == [("https://kg.example.org/id/entity/geonames/1873107", "https://sws.geonames.org/1873107/")]
    articles = _select(store, """SELECT DISTINCT ?a WHERE {
        <https://kg.example.org/id/entity/geonames/1873107> gaf:denotedBy/nif:referenceContext ?a } ORDER BY ?a""")
    assert articles == [("https://kg.example.org/id/article/border",), ("https://kg.example.org/id/article/talks",)]


def test_a_surname_alone_is_not_merged_across_articles(tmp_path):
    store = _store(tmp_path)
    moons = _select(store, 'SELECT DISTINCT ?e WHERE { ?e rdfs:label "Moon"@en } ORDER BY ?e')
    assert len(moons) == 2
    assert all("/article/" in e for (e,) in moons)
