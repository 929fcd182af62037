"""kg query: SPARQL over files and stores, the named queries, and the refusal of SERVICE and LOAD."""

from __future__ import annotations

import http.server
import json
import threading
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.cli import main
from kg.rdf.output import ntriples, trig, turtle
from kg.stores.sparql import example, examples, query, remote_uses, rows
from kg.vocab import DCT, GAF, KGO, NIF, SCHEMA, SEM, TIME

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "corpora" / "seed" / "liaison-office.txt"  # as tests/conftest.py finds it
KG = "https://kg.example.org/id/"
OFFICE_ARTICLE = URIRef(f"{KG}article/liaison-office")
SEOUL_ARTICLE = URIRef(f"{KG}article/seoul-condemns")
NORTH_KOREA = URIRef(f"{KG}entity/geonames/1873107")
SOUTH_KOREA = URIRef(f"{KG}entity/geonames/1835841")
KAESONG = URIRef(f"{KG}entity/geonames/1876373")
SEOUL = URIRef(f"{KG}entity/geonames/1835848")
OFFICE = URIRef(f"{KG}entity/organization/joint-liaison-office")


# ---------------------------------------------------------------- a hand-made dataset in kg's vocabulary

def _mention(graph: Graph, article: URIRef, start: int, text: str) -> URIRef:
    node = URIRef(f"{article}#char={start},{start + len(text)}")
    graph.add((node, RDF.type, NIF.OffsetBasedString))
    graph.add((node, NIF.beginIndex, Literal(start, datatype=XSD.integer)))
    graph.add((node, NIF.endIndex, Literal(start + len(text), datatype=XSD.integer)))
    graph.add((node, NIF.anchorOf, Literal(text)))
    graph.add((node, NIF.referenceContext, article))
    return node


def _entity(graph, article, node, kind, label, mentions, aliases=(), inside=None, geonames=None):
    graph.add((node, RDF.type, kind))
    graph.add((node, RDFS.label, Literal(label, lang="en")))
    for alias in aliases:
        graph.add((node, SKOS.altLabel, Literal(alias, lang="en")))
    if geonames:
        graph.add((node, OWL.sameAs, URIRef(f"https://sws.geonames.org/{geonames}/")))
    if inside is not None:
        graph.add((node, SCHEMA.containedInPlace, inside))
    for start, text in mentions:
        graph.add((node, GAF.denotedBy, _mention(graph, article, start, text)))


def _time(graph, article, value, start, text):
    node = URIRef(f"{KG}time/{value}")
    graph.add((node, RDF.type, TIME.Instant))
    graph.add((node, TIME.inXSDDate, Literal(value, datatype=XSD.date)))
    graph.add((node, RDFS.label, Literal(value)))
    graph.add((node, GAF.denotedBy, _mention(graph, article, start, text)))
    return node


def _event(graph, article, start, trigger, lemma, kind, label, agent=None, patient=None, when=None,
           place=None, factuality=KGO.Asserted):
    node = URIRef(f"{article}/event/{start}-{lemma.replace(' ', '-')}")
    graph.add((node, RDF.type, SEM.Event))
    graph.add((node, RDF.type, kind))
    graph.add((node, RDFS.label, Literal(label, lang="en")))
    graph.add((node, KGO.lemma, Literal(lemma)))
    graph.add((node, KGO.factuality, factuality))
    graph.add((node, KGO.tense, KGO.Past))
    graph.add((node, GAF.denotedBy, _mention(graph, article, start, trigger)))
    when_prop, where_prop = (SEM.hasTime, SEM.hasPlace) if factuality == KGO.Asserted else (KGO.intendedTime,
                                                                                             KGO.intendedPlace)
    for prop, value in ((KGO.agent, agent), (KGO.patient, patient), (when_prop, when), (where_prop, place)):
        if value is not None:
            graph.add((node, prop, value))


def _office_article() -> Graph:
    g = Graph(bind_namespaces="none")
    a = OFFICE_ARTICLE
    g.add((a, RDF.type, SCHEMA.NewsArticle))
    g.add((a, DCT.identifier, Literal("liaison-office")))
    g.add((a, DCT.title, Literal("North Korea Blows Up Liaison Office")))
    g.add((a, DCT.created, Literal("2020-06-16", datatype=XSD.date)))
    _entity(g, a, NORTH_KOREA, SCHEMA.Country, "North Korea", [(37, "North Korea"), (1890, "the North")],
            aliases=["the North"], geonames=1873107)
    _entity(g, a, SOUTH_KOREA, SCHEMA.Country, "South Korea", [(240, "South Korea")], geonames=1835841)
    _entity(g, a, KAESONG, SCHEMA.City, "Kaesong", [(300, "Kaesong")], inside=NORTH_KOREA, geonames=1876373)
    _entity(g, a, OFFICE, SCHEMA.GovernmentOffice, "Joint Liaison Office", [(520, "liaison office")],
            aliases=["liaison office"], inside=KAESONG)
    tuesday = _time(g, a, "2020-06-16", 49, "Tuesday")
    june5 = _time(g, a, "2020-06-05", 1870, "June 5")
    _event(g, a, 57, "blew up", "blow up", KGO.Destroy, "North Korea: blow up Joint Liaison Office",
           agent=NORTH_KOREA, patient=OFFICE, when=tuesday, place=KAESONG)
    _event(g, a, 1882, "threatened", "threaten", KGO.Threaten, "North Korea: threaten", agent=NORTH_KOREA, when=june5)
    _event(g, a, 1896, "close", "close", KGO.Close, "North Korea: close Joint Liaison Office (threatened)",
           agent=NORTH_KOREA, patient=OFFICE, place=KAESONG, factuality=KGO.Threatened)
    return g


def _seoul_article() -> Graph:
    g = Graph(bind_namespaces="none")
    a = SEOUL_ARTICLE
    g.add((a, RDF.type, SCHEMA.NewsArticle))
    g.add((a, DCT.identifier, Literal("seoul-condemns")))
    g.add((a, DCT.title, Literal("Seoul Condemns the Demolition")))
    g.add((a, DCT.created, Literal("2020-06-17", datatype=XSD.date)))
    _entity(g, a, SOUTH_KOREA, SCHEMA.Country, "South Korea", [(0, "South Korea")], geonames=1835841)
    _entity(g, a, NORTH_KOREA, SCHEMA.Country, "North Korea", [(24, "North Korea"), (90, "North Korea"),
                                                                (150, "the North")],
            aliases=["the North"], geonames=1873107)
    _entity(g, a, SEOUL, SCHEMA.City, "Seoul", [(60, "Seoul")], inside=SOUTH_KOREA, geonames=1835848)
    wednesday = _time(g, a, "2020-06-17", 40, "Wednesday")
    _event(g, a, 12, "condemned", "condemn", KGO.Condemn, "South Korea: condemn North Korea",
           agent=SOUTH_KOREA, patient=NORTH_KOREA, when=wednesday, place=SEOUL)
    return g


GRAPHS = [(OFFICE_ARTICLE, _office_article()), (SEOUL_ARTICLE, _seoul_article())]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """The two articles as TriG and N-Quads (a named graph each) and as one Turtle graph."""
    folder = tmp_path_factory.mktemp("rdf")
    union = Graph(bind_namespaces="none")
    for _, graph in GRAPHS:
        union += graph
    (folder / "news.trig").write_text(trig(GRAPHS), encoding="utf-8")
    (folder / "news.nq").write_text("".join(ntriples(g, name) for name, g in GRAPHS), encoding="utf-8")
    (folder / "news.ttl").write_text(turtle(union), encoding="utf-8")
    (folder / "office.ttl").write_text(turtle(GRAPHS[0][1]), encoding="utf-8")
    return folder


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def select(path, text, **params):
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(path=str(path))
    return rows(query(store, text, params=params))


def run_example(files, query_name, **params):
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(path=str(files / "news.trig"))
    return rows(query(store, example(query_name).text, params=params))


# ---------------------------------------------------------------- kg query

def test_select_prints_an_aligned_table(files):
    result = kg("query", files / "news.ttl",
                "SELECT ?label ?type WHERE { ?e a schema:City ; rdfs:label ?label ; a ?type } ORDER BY ?label")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "label    type\n"
        "-------  -----------\n"
        "Kaesong  schema:City\n"
        "Seoul    schema:City\n"
    )


def test_named_graphs_are_kept_and_a_plain_query_sees_them_all(files):
    result = kg("query", files / "news.nq",
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a schema:NewsArticle } } GROUP BY ?g ORDER BY ?g")
    assert result.stdout.splitlines()[2:] == [f"{OFFICE_ARTICLE}  1", f"{SEOUL_ARTICLE}  1"]
    result = kg("query", files / "news.nq", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }")
    assert result.stdout.splitlines()[2:] == ["2"]


def test_several_files_are_queried_together(files):
    result = kg("query", files / "office.ttl", files / "news.nq",
                "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }")
    assert result.stdout.splitlines()[2:] == ["2"]


@pytest.mark.parametrize("fmt, expected", [
    ("csv", "label\r\nKaesong\r\nSeoul\r\n"),
    ("tsv", '?label\n"Kaesong"@en\n"Seoul"@en\n'),
    ("json", json.dumps({"head": {"vars": ["label"]}, "results": {"bindings": [
        {"label": {"type": "literal", "value": "Kaesong", "xml:lang": "en"}},
        {"label": {"type": "literal", "value": "Seoul", "xml:lang": "en"}}]}}, separators=(",", ":"))),
])
def test_machine_formats_are_the_w3c_result_formats(files, fmt, expected):
    result = kg("query", files / "news.ttl", "--format", fmt,
                "SELECT ?label WHERE { ?e a schema:City ; rdfs:label ?label } ORDER BY ?label")
    assert result.exit_code == 0
    assert result.stdout_bytes.decode("utf-8") == expected


def test_ask_prints_true_or_false_and_exits_0_or_1(files):
    yes = kg("query", files / "news.ttl", "ASK { ?e rdfs:label 'Kaesong'@en }")
    no = kg("query", files / "news.ttl", "ASK { ?e rdfs:label 'Pyongyang'@en }")
    assert (yes.exit_code, yes.stdout) == (0, "true\n")
    assert (no.exit_code, no.stdout) == (1, "false\n")
    assert kg("query", files / "news.ttl", "-f", "json", "ASK {}").stdout == '{"head":{},"boolean":true}'


def test_construct_prints_turtle(files):
    result = kg("query", files / "news.ttl",
                "CONSTRUCT { ?place schema:containedInPlace ?area } WHERE { ?place schema:containedInPlace ?area }")
    assert result.exit_code == 0
    expected = Graph().parse(data=f"""
        <{KAESONG}> <https://schema.org/containedInPlace> <{NORTH_KOREA}> .
        <{OFFICE}> <https://schema.org/containedInPlace> <{KAESONG}> .
        <{SEOUL}> <https://schema.org/containedInPlace> <{SOUTH_KOREA}> .""", format="nt")
    assert result.stdout.startswith("@prefix")
    assert isomorphic(Graph().parse(data=result.stdout, format="turtle"), expected)


def test_a_query_from_a_file(files, tmp_path):
    rq = tmp_path / "cities.rq"
    rq.write_text("SELECT (COUNT(?c) AS ?n) WHERE { ?c a schema:City }\n", encoding="utf-8")
    result = kg("query", "--file", rq, files / "news.ttl")
    assert result.stdout.splitlines()[2:] == ["2"]


def test_a_syntax_error_gives_exit_2_with_line_and_column(files):
    result = kg("query", files / "news.ttl", "SELECT ?s\nWHERE {\n  ?s ?p ?o\n}\nLIMIT x")
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: the query line 5, column 7: expected one of ")
    assert result.stderr.endswith("\n  LIMIT x\n")
    assert result.stdout == ""


def test_no_query_says_how_to_give_one(files):
    result = kg("query", files / "news.ttl")
    assert result.exit_code == 2
    assert result.stderr == "kg: no query: give its text as the last argument, or use --file or --example\n"


def test_an_unreadable_file_names_the_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    result = kg("query", bad, "ASK {}")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kg: {bad}: ")


# ---------------------------------------------------------------- nothing reaches the network unless asked

@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE {\n  # a comment\n  SERVICE SILENT ?endpoint { ?s ?p ?o } }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "PREFIX ex: <http://example.org/>\nSELECT * WHERE { ?s ex:p 'x' . SERVICE<http://127.0.0.1:9/q>{?s ?p ?o} }",
])
def test_service_and_load_are_refused(files, text):
    result = kg("query", files / "news.ttl", text)
    assert result.exit_code == 2
    assert "would reach the network" in result.stderr
    assert "--allow-remote" in result.stderr


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { ?s ?p 'SERVICE <http://127.0.0.1:9/>' }",
    'SELECT * WHERE { ?s ?p """a long\nstring with LOAD in it""" }',
    "SELECT * WHERE { ?s ?p <http://example.org/SERVICE> }",
    "PREFIX service: <http://example.org/>\nSELECT * WHERE { ?s service:load ?o }",
    "SELECT ?service ?load WHERE { ?service ?p ?load } # SERVICE in a comment",
    "SELECT * WHERE { ?s ?p 'it\\'s SERVICE' }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 || ?o > 5) } # LOAD",
])
def test_service_and_load_inside_strings_iris_comments_and_names_are_not_keywords(text):
    assert remote_uses(text) == []


def test_remote_uses_give_line_and_column():
    assert remote_uses("SELECT * WHERE {\n  ?s ?p 'service' .\n  SERVICE <x:y> {} }") == [("SERVICE", 3, 3)]


class _SparqlResults(http.server.BaseHTTPRequestHandler):
    """Answers every query with one solution, ?o = "from the endpoint"."""

    answer = json.dumps({"head": {"vars": ["o"]},
                         "results": {"bindings": [{"o": {"type": "literal", "value": "from the endpoint"}}]}})

    def _reply(self):
        body = self.answer.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self._reply()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self._reply()

    def log_message(self, *args):
        pass


def test_allow_remote_lets_service_run(files):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SparqlResults)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        result = kg("query", files / "news.ttl", "--allow-remote", f"SELECT ?o WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[2:] == ["from the endpoint"]


# ---------------------------------------------------------------- values are bound, never pasted

def test_a_param_is_bound_to_its_variable(files):
    result = kg("query", files / "news.ttl", "--param", "name=kaesong",
                "SELECT ?name ?e WHERE { ?e rdfs:label ?l FILTER(LCASE(STR(?l)) = ?name) }")
    assert result.stdout.splitlines()[2:] == [f"kaesong  {KAESONG}"]


def test_an_iri_param(files):
    result = kg("query", files / "news.ttl", "--param", f"place=<{KAESONG}>",
                "SELECT ?place ?label WHERE { ?place rdfs:label ?label }")
    assert result.stdout.splitlines()[2:] == [f"{KAESONG}  Kaesong"]


def test_a_param_value_cannot_change_the_query(files):
    hostile = "x')) } ?s ?p ?o . FILTER(('1"
    result = kg("query", files / "news.ttl", "--example", "entity", "--param", f"name={hostile}")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[2:] == []


def test_a_param_for_a_variable_the_query_lacks(files):
    result = kg("query", files / "news.ttl", "--param", "nmae=x", "SELECT ?name WHERE { ?s rdfs:label ?name }")
    assert result.exit_code == 2
    assert result.stderr == "kg: --param nmae: the query has no variable ?nmae\n"


def test_a_named_query_says_which_param_it_needs(files):
    result = kg("query", files / "news.ttl", "--example", "entity")
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: the example query 'entity' needs --param name=VALUE (the entity's name")


def test_an_unknown_named_query(files):
    result = kg("query", files / "news.ttl", "--example", "timelime")
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: there is no example query 'timelime'; choose one of articles-mentioning, ")


# ---------------------------------------------------------------- the named queries

def test_list_examples():
    result = kg("query", "--list-examples")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == ["articles-mentioning", "entity", "events-in-place", "timeline", "who-acted-on-whom"]
    assert "timeline             The dated events of every article in time order" in result.stdout


def test_every_named_query_has_a_description_and_parses(files):
    for name, chosen in examples().items():
        assert chosen.description and not chosen.description.startswith("PREFIX"), name
        params = {p: "x" for p in chosen.params}
        run_example(files, name, **params)


def test_timeline(files):
    assert run_example(files, "timeline") == [
        {"date": "2020-06-05", "type": "Threaten", "label": "North Korea: threaten", "agent": "North Korea",
         "patient": "", "place": "", "trigger": "1882-1892", "article": str(OFFICE_ARTICLE)},
        {"date": "2020-06-16", "type": "Destroy", "label": "North Korea: blow up Joint Liaison Office",
         "agent": "North Korea", "patient": "Joint Liaison Office", "place": "Kaesong", "trigger": "57-64",
         "article": str(OFFICE_ARTICLE)},
        {"date": "2020-06-17", "type": "Condemn", "label": "South Korea: condemn North Korea",
         "agent": "South Korea", "patient": "North Korea", "place": "Seoul", "trigger": "12-21",
         "article": str(SEOUL_ARTICLE)},
    ]


def test_timeline_table(files):
    result = kg("query", files / "news.trig", "--example", "timeline")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["date", "type", "label", "agent", "patient", "place", "trigger", "article"]
    assert lines[3].startswith("2020-06-16  Destroy   North Korea: blow up Joint Liaison Office  North Korea  "
                               "Joint Liaison Office  Kaesong  57-64")


def test_entity(files):
    found = [(r["relation"], r["value"], r["article"]) for r in run_example(files, "entity", name="the north")]
    assert found == [
        ("agent of", "North Korea: blow up Joint Liaison Office", str(OFFICE_ARTICLE)),
        ("agent of", "North Korea: close Joint Liaison Office (threatened)", str(OFFICE_ARTICLE)),
        ("agent of", "North Korea: threaten", str(OFFICE_ARTICLE)),
        ("alias", "the North", ""),
        ("label", "North Korea", ""),
        ("patient of", "South Korea: condemn North Korea", str(SEOUL_ARTICLE)),
        ("same as", "https://sws.geonames.org/1873107/", ""),
        ("type", "schema:Country", ""),
    ]
    assert {r["entity"] for r in run_example(files, "entity", name="the north")} == {str(NORTH_KOREA)}


def test_entity_gives_the_events_in_a_place_and_those_only_meant_for_it(files):
    found = [(r["relation"], r["value"]) for r in run_example(files, "entity", name="Kaesong")
             if r["relation"].startswith("place")]
    assert found == [("place meant for", "North Korea: close Joint Liaison Office (threatened)"),
                     ("place of", "North Korea: blow up Joint Liaison Office")]


def test_events_in_place_include_the_places_inside_it(files):
    found = [(r["date"], r["type"], r["label"], r["where"]) for r in run_example(files, "events-in-place",
                                                                                 place="North Korea")]
    assert found == [("2020-06-16", "Destroy", "North Korea: blow up Joint Liaison Office", "Kaesong")]
    assert [r["where"] for r in run_example(files, "events-in-place", place="seoul")] == ["Seoul"]


def test_who_acted_on_whom_counts_what_happened(files):
    assert run_example(files, "who-acted-on-whom") == [
        {"agent": "North Korea", "patient": "Joint Liaison Office", "events": "1", "articles": "1"},
        {"agent": "South Korea", "patient": "North Korea", "events": "1", "articles": "1"},
    ]


def test_articles_mentioning(files):
    assert run_example(files, "articles-mentioning", name="North Korea") == [
        {"name": "North Korea", "article": str(SEOUL_ARTICLE), "title": "Seoul Condemns the Demolition",
         "published": "2020-06-17", "mentions": "3"},
        {"name": "North Korea", "article": str(OFFICE_ARTICLE), "title": "North Korea Blows Up Liaison Office",
         "published": "2020-06-16", "mentions": "2"},
    ]


# ---------------------------------------------------------------- on real graphs (need the trained pipeline)

@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory, seed_text):
    from kg.pipeline import build
    from kg.rdf.output import GraphWriter
    from kg.read.files import read_articles
    from kg.read.records import parse_published

    path = tmp_path_factory.mktemp("seed") / "seed.nq"
    with GraphWriter(str(path), "nquads") as writer:
        for built in build(read_articles([str(SEED)], parse_published("2020-06-16", "--published"))):
            writer.add(built.name, built.graph)
    return path


def seed_rows(seed_graph, query_name, **params):
    """The rows of a named query on the seed, with names folded to ASCII (GeoNames says "Kaesŏng")."""
    found = select(seed_graph, example(query_name).text, **params)
    return [{k: _fold(v) for k, v in row.items()} for row in found]


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@pytest.mark.model
def test_seed_timeline_lists_the_demolition_of_the_liaison_office(seed_graph):
    rows_ = seed_rows(seed_graph, "timeline")
    demolition = [r for r in rows_ if r["date"] == "2020-06-16" and r["type"] == "Destroy"
                  and r["agent"] == "North Korea" and r["patient"] == "Joint Liaison Office"
                  and r["place"] == "Kaesong"]
    assert demolition, "\n".join(str(r) for r in rows_)


@pytest.mark.model
def test_seed_entity_north_korea(seed_graph):
    found = seed_rows(seed_graph, "entity", name="North Korea")
    assert ("label", "North Korea") in {(r["relation"], r["value"]) for r in found}
    assert "schema:Country" in {r["value"] for r in found if r["relation"] == "type"}
    assert any(r["relation"] == "agent of" for r in found), found


@pytest.mark.model
def test_seed_articles_mentioning_north_korea(seed_graph):
    found = seed_rows(seed_graph, "articles-mentioning", name="North Korea")
    assert [r["article"] for r in found] == [f"{KG}article/liaison-office"]
    assert int(found[0]["mentions"]) >= 3


@pytest.mark.model
def test_seed_events_in_north_korea_include_kaesong(seed_graph):
    found = seed_rows(seed_graph, "events-in-place", place="North Korea")
    assert any(r["where"] == "Kaesong" and r["date"] == "2020-06-16" for r in found), found


@pytest.mark.model
def test_seed_who_acted_on_whom(seed_graph):
    found = seed_rows(seed_graph, "who-acted-on-whom")
    # the demolition is one event however often the story names it (headline, lede, later)
    row = next(r for r in found if r["agent"] == "North Korea" and r["patient"] == "Joint Liaison Office")
    assert row["events"] == "1" and row["articles"] == "1", found


@pytest.mark.model
def test_kg_build_then_query_the_harbour_strike(tmp_path):
    graph = tmp_path / "strike.nq"
    built = kg("build", EXAMPLES / "harbour-strike.txt", "--published", "2024-03-14", "-f", "nquads", "-o", graph)
    assert built.exit_code == 0, built.stderr
    result = kg("query", graph, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }")
    assert result.stdout.splitlines()[2:] == ["1"]
    assert kg("query", graph, "--example", "timeline").exit_code == 0
