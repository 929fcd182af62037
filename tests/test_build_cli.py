"""kg build end to end, in-process: real text in, RDF out that a strict parser and SPARQL accept."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.rdf.output import FORMATS
from kg.vocab import KGO

from .conftest import EXAMPLES

pytestmark = pytest.mark.model
EXAMPLE = str(EXAMPLES / "harbour-strike.txt")


def _build(*args):
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)


def _store(path, fmt):
    store = pyoxigraph.Store()
    store.load(path=str(path), format=FORMATS[fmt][0])
    return store


def _rows(store, query):
    prefixes = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX kgo: <https://kg.example.org/ontology#> PREFIX schema: <https://schema.org/>
PREFIX time: <http://www.w3.org/2006/time#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX gaf: <http://groundedannotationframework.org/gaf#> PREFIX dct: <http://purl.org/dc/terms/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
    return [tuple(str(v.value) if v is not None else None for v in row)
            for row in store.query(prefixes + query, use_default_graph_as_union=True)]


def test_example_builds_to_turtle_that_parses_and_answers_sparql(tmp_path):
    out = tmp_path / "strike.ttl"
    result = _build(EXAMPLE, "--published", "2024-03-14", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    store = _store(out, "turtle")
    (article,) = _rows(store, "SELECT ?id ?created WHERE { ?a a schema:NewsArticle ; dct:identifier ?id ; dct:created ?created }")
    assert article == ("harbour-strike", "2024-03-14")
    # Rotterdam is one node, a city linked to GeoNames
    links = _rows(store, 'SELECT ?link WHERE { ?e rdfs:label "Rotterdam"@en ; owl:sameAs ?link }')
    assert links == [("https://sws.geonames.org/2747891/",)]
    # the walk-out is dated Monday = 2024-03-11, resolved against the publication date
    dates = _rows(store, """SELECT ?date WHERE { ?e a sem:Event ; kgo:lemma "walk off" ; sem:hasTime/time:inXSDDate ?date }""")
    assert dates == [("2024-03-11",)]


def test_threatened_event_is_not_stated_as_happened(tmp_path):
    out = tmp_path / "strike.nt"
    assert _build(EXAMPLE, "--published", "2024-03-14", "-f", "nt", "-o", str(out)).exit_code == 0
    store = _store(out, "nt")
    rows = _rows(store, """SELECT ?f ?time WHERE { ?e kgo:lemma "divert" ; kgo:factuality ?f .
                           OPTIONAL { ?e sem:hasTime ?time } }""")
    assert rows and all(f.endswith("#Threatened") and t is None for f, t in rows)


def test_a_planned_event_has_the_place_it_was_meant_for_and_no_place_it_happened(tmp_path):
    out = tmp_path / "strike.nt"
    assert _build(EXAMPLE, "--published", "2024-03-14", "-f", "nt", "-o", str(out)).exit_code == 0
    store = _store(out, "nt")
    # "appointed a mediator ... to lead new negotiations in The Hague": planned, not held
    meant = _rows(store, """SELECT ?f ?where WHERE { ?e kgo:lemma "negotiation" ; kgo:factuality ?f ;
                            kgo:intendedPlace/rdfs:label ?where }""")
    assert meant == [(str(KGO.Planned), "The Hague")]
    # no query for what happened finds it there, and no asserted event has a place meant
    assert _rows(store, 'SELECT ?e WHERE { ?e kgo:lemma "negotiation" ; sem:hasPlace ?p }') == []
    assert _rows(store, "SELECT ?e WHERE { ?e kgo:factuality kgo:Asserted ; kgo:intendedPlace|kgo:intendedTime ?x }") == []


def test_every_mention_points_into_the_text_as_read(tmp_path):
    out = tmp_path / "strike.nq"
    assert _build(EXAMPLE, "--published", "2024-03-14", "-f", "nquads", "-o", str(out)).exit_code == 0
    text = open(EXAMPLE, encoding="utf-8").read()
    rows = _rows(_store(out, "nquads"), "SELECT ?b ?e ?anchor WHERE { ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor }")
    assert len(rows) > 20
    assert all(text[int(b):int(e)] == anchor for b, e, anchor in rows)


def test_with_text_stores_the_text_every_offset_indexes(tmp_path):
    out, bare = tmp_path / "strike.nq", tmp_path / "bare.nq"
    assert _build(EXAMPLE, "--published", "2024-03-14", "--with-text", "-f", "nquads", "-o", str(out)).exit_code == 0
    store = _store(out, "nquads")
    (stored,), = _rows(store, "SELECT ?text WHERE { ?a a schema:NewsArticle ; nif:isString ?text }")
    assert stored == open(EXAMPLE, encoding="utf-8").read()
    rows = _rows(store, """SELECT ?b ?e ?anchor WHERE { ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ;
                                                         nif:referenceContext/nif:isString ?text }""")
    assert len(rows) > 20 and all(stored[int(b):int(e)] == anchor for b, e, anchor in rows)
    assert _build(EXAMPLE, "--published", "2024-03-14", "-f", "nquads", "-o", str(bare)).exit_code == 0
    assert _rows(_store(bare, "nquads"), "SELECT ?t WHERE { ?a nif:isString ?t }") == []


def test_quads_put_each_article_in_its_named_graph(tmp_path):
    out = tmp_path / "two.nq"
    assert _build(str(EXAMPLES / "articles.jsonl"), "-f", "nquads", "-o", str(out)).exit_code == 0
    graphs = {str(q.graph_name.value) for q in _store(out, "nquads")}
    assert graphs == {"https://kg.example.org/id/article/rotterdam-strike", "https://kg.example.org/id/article/antwerp-braces"}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_same_input_gives_identical_bytes_across_processes(tmp_path, fmt):
    """Separate processes with different hash seeds: no set order leaks into the output."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}{FORMATS[fmt][1]}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg", "build", str(EXAMPLES / "articles.jsonl"), "-f", fmt, "-o", str(out)],
                       check=True, env=env, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the article is empty"),
        ("binary.txt", b"\x00\x01\xff", "is a binary file"),
        ("latin.txt", "Caf\u00e9 fire".encode("latin-1"), "is not UTF-8"),
        ("bad.jsonl", b'{"id": "a"\n', "line 1: is not JSON"),
        ("notext.jsonl", b'{"id": "a"}\n', 'line 1: lacks "text"'),
        ("date.jsonl", b'{"id": "a", "text": "Hi.", "published": "June"}\n', '"published" is not a date'),
    ],
)
def test_bad_input_exit_2_one_line_and_existing_output_untouched(tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    out = tmp_path / "graph.ttl"
    out.write_text("keep me", encoding="utf-8")
    result = _build(str(bad), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr and message in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "graph.ttl"])


def test_missing_file_and_bad_published_exit_2(tmp_path):
    result = _build(str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.ttl"))
    assert result.exit_code == 2 and "no such file" in result.stderr
    result = _build(EXAMPLE, "--published", "last Tuesday")
    assert result.exit_code == 2 and "--published" in result.stderr
    assert not (tmp_path / "x.ttl").exists()


def test_stdin_jsonl_to_stdout_jsonld():
    line = json.dumps({"id": "s1", "text": "Airbus opened a plant in Toulouse on 5 June 2020.", "published": "2020-06-10"})
    result = CliRunner().invoke(main, ["build", "-", "-f", "jsonld"], input=line + "\n")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert "@graph" in document and any("s1" in json.dumps(node) for node in document["@graph"])


def test_both_validators_pass_the_same_articles_and_write_the_same_bytes(tmp_path):
    outputs = []
    for validator in ("sparql", "pyshacl"):
        out = tmp_path / f"{validator}.nq"
        result = _build(str(EXAMPLES), "-f", "nquads", "-o", str(out), "--validator", validator, "--workers", "1")
        assert result.exit_code == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0]


@pytest.mark.parametrize("shards", [False, True])
def test_a_second_article_with_an_id_already_read_is_refused_not_merged(tmp_path, shards):
    corpus = tmp_path / "news.jsonl"
    lines = [{"id": "acme-1", "text": "Acme Corp said on Monday that it would hire 200 workers."},
             {"id": "globex", "text": "Globex said on Tuesday that it would close a plant in Ohio."},
             {"id": "acme 1", "text": "Initech said on Wednesday that it would buy Acme Corp."}]  # the IRI of acme-1
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / ("shards" if shards else "news.nq")
    result = _build(str(corpus), "-f", "nquads", "-o", f"{out}/" if shards else str(out))
    assert result.exit_code == 1
    assert (f"kg: skipped {corpus} line 3: article id 'acme 1' names the same article as {corpus} line 1; "
            "give each article its own id") in result.stderr
    store = pyoxigraph.Store()
    for path in (sorted(out.glob("part-*.nq")) if shards else [out]):
        store.load(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)
    # the first article's graph holds only its own story
    assert _rows(store, "SELECT ?id WHERE { ?a a schema:NewsArticle ; dct:identifier ?id } ORDER BY ?id") == \
        [("acme-1",), ("globex",)]
    assert not _rows(store, 'SELECT ?e WHERE { ?e rdfs:label "Initech"@en }')
