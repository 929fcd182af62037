"""kg load (SPARQL Graph Store Protocol) and kg serve, against a real oxigraph server on 127.0.0.1,
and the retry rules against a tiny local HTTP server."""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from typing import ClassVar

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.cli import main
from kg.errors import InputError, StoreError
from kg.rdf.output import ntriples, turtle
from kg.stores.embedded import StoreWriter, open_store
from kg.stores.remote import credentials, graph_url, load, put
from kg.vocab import DCT

from ..conftest import LOCALHOST, article, free_port, stop, wait_until_answers

KG = "https://kg.example.org/id/"
FIRST = URIRef(f"{KG}article/first")
SECOND = URIRef(f"{KG}article/second")
THIRD = URIRef(f"{KG}article/third")


def kg(*args, env=None):
    return CliRunner(env=env).invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "news.nq").write_text(ntriples(article(FIRST, "Dockers strike", "Rotterdam"), FIRST)
                                      + ntriples(article(SECOND, "Port reopens", "Antwerp", "Ghent"), SECOND),
                                      encoding="utf-8")
    (tmp_path / "changed.nq").write_text(ntriples(article(FIRST, "Dockers end strike"), FIRST), encoding="utf-8")
    (tmp_path / "third.ttl").write_text(turtle(article(THIRD, "Ships wait", "Delft")), encoding="utf-8")
    both = article(FIRST, "Dockers strike") + article(SECOND, "Port reopens")
    (tmp_path / "two.ttl").write_text(turtle(both), encoding="utf-8")
    (tmp_path / "bad.nq").write_text(f"<{FIRST}> <{RDFS.label}> \"unterminated .\n", encoding="utf-8")
    return tmp_path




def sparql(url: str, text: str) -> list[dict]:
    request = urllib.request.Request(f"{url}/query", data=urllib.parse.urlencode({"query": text}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["results"]["bindings"]


def graphs(url: str) -> dict[str, int]:
    found = sparql(url, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"]["value"]: int(row["n"]["value"]) for row in found}


def default_graph_size(url: str) -> int:
    return int(sparql(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]["value"])


@pytest.mark.server
def test_load_puts_each_article_in_its_own_graph(oxigraph, files):
    result = kg("load", files / "news.nq", "--endpoint", f"{oxigraph}/store")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"kg: loaded 2 graphs, 12 triples into {oxigraph}/store\n"
    assert graphs(oxigraph) == {str(FIRST): 5, str(SECOND): 7}
    assert default_graph_size(oxigraph) == 0


@pytest.mark.server
def test_loading_again_changes_nothing(oxigraph, files):
    kg("load", files / "news.nq", "--endpoint", f"{oxigraph}/store")
    before = graphs(oxigraph)
    again = kg("load", files / "news.nq", "--endpoint", f"{oxigraph}/store")
    assert again.exit_code == 0
    assert graphs(oxigraph) == before


@pytest.mark.server
def test_loading_a_changed_article_replaces_only_its_graph(oxigraph, files):
    kg("load", files / "news.nq", "--endpoint", f"{oxigraph}/store")
    kg("load", files / "changed.nq", "--endpoint", f"{oxigraph}/store")
    assert graphs(oxigraph) == {str(FIRST): 3, str(SECOND): 7}
    titles = sparql(oxigraph, f"SELECT ?t WHERE {{ GRAPH <{FIRST}> {{ ?a <{DCT.title}> ?t }} }}")
    assert [row["t"]["value"] for row in titles] == ["Dockers end strike"]


@pytest.mark.server
def test_a_bad_file_leaves_the_store_unchanged(oxigraph, files):
    kg("load", files / "news.nq", "--endpoint", f"{oxigraph}/store")
    before = graphs(oxigraph)
    result = kg("load", files / "changed.nq", files / "bad.nq", "--endpoint", f"{oxigraph}/store")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kg: {files / 'bad.nq'}: ")
    assert result.stderr.endswith("; nothing was sent\n")
    assert graphs(oxigraph) == before


@pytest.mark.server
def test_a_triples_file_goes_to_the_graph_of_its_article(oxigraph, files):
    result = kg("load", files / "third.ttl", "--endpoint", f"{oxigraph}/store")
    assert result.exit_code == 0, result.stderr
    assert graphs(oxigraph) == {str(THIRD): 5}


@pytest.mark.server
def test_a_triples_file_of_several_articles_needs_a_graph(oxigraph, files):
    result = kg("load", files / "two.ttl", "--endpoint", f"{oxigraph}/store")
    assert result.exit_code == 2
    assert result.stderr == (f"kg: {files / 'two.ttl'}: 2 articles in a file without named graphs, so kg cannot "
                             "tell which graph to put it in; build it with -f nquads (one graph per article) "
                             "or give --graph IRI\n")
    assert graphs(oxigraph) == {}
    target = "https://example.org/graphs/all"
    assert kg("load", files / "two.ttl", "--graph", target, "--endpoint", f"{oxigraph}/store").exit_code == 0
    assert graphs(oxigraph) == {target: 6}


@pytest.mark.server
def test_one_target_graph_holds_everything_and_leaves_the_rest(oxigraph, files):
    kg("load", files / "news.nq", "--endpoint", f"{oxigraph}/store")
    target = "https://example.org/graphs/all"
    result = kg("load", files / "news.nq", files / "third.ttl", "--graph", target, "--endpoint", f"{oxigraph}/store")
    assert result.stderr == f"kg: loaded 1 graph, 17 triples into {oxigraph}/store\n"
    assert graphs(oxigraph) == {str(FIRST): 5, str(SECOND): 7, target: 17}


@pytest.mark.server
def test_replace_all_replaces_the_whole_dataset(oxigraph, files):
    kg("load", files / "news.nq", "--endpoint", f"{oxigraph}/store")
    result = kg("load", files / "third.ttl", "--replace-all", "--endpoint", f"{oxigraph}/store")
    assert result.exit_code == 0, result.stderr
    assert graphs(oxigraph) == {str(THIRD): 5}


@pytest.mark.server
@pytest.mark.model
def test_a_built_graph_loaded_into_a_server_and_read_back_conforms(oxigraph, tmp_path):
    from ..conftest import EXAMPLES

    built, back = tmp_path / "harbour.nq", tmp_path / "back.nq"
    assert kg("build", EXAMPLES / "harbour-strike.txt", "--published", "2024-03-14", "-f", "nquads",
              "-o", built).exit_code == 0
    assert kg("load", built, "--endpoint", f"{oxigraph}/store").exit_code == 0
    request = urllib.request.Request(f"{oxigraph}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:
        back.write_bytes(response.read())
    checked = kg("validate", back)
    assert checked.exit_code == 0, checked.stdout

    def quads(path):
        return set(map(str, pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)))

    assert quads(back) == quads(built)  # the server keeps every statement as kg wrote it


@pytest.mark.server
def test_kg_serve_answers_queries_and_stops_with_its_server(tmp_path):
    if shutil.which("oxigraph") is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    path = tmp_path / "news.db"
    with StoreWriter(path) as writer:
        writer.add(FIRST, article(FIRST, "Dockers strike", "Rotterdam"))
    bind = f"{LOCALHOST}:{free_port()}"
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(path), "--bind", bind,
                                "--writable"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_answers(f"http://{bind}", process)
        found = sparql(f"http://{bind}", "SELECT ?label WHERE { ?c a <https://schema.org/City> ; "
                                         "<http://www.w3.org/2000/01/rdf-schema#label> ?label }")
        assert [row["label"]["value"] for row in found] == ["Rotterdam"]  # the union of the graphs
    finally:
        stop(process)
    assert process.returncode == 0
    with open_store(path):  # the server released the store: it stopped with kg
        pass


def test_serve_a_missing_store(tmp_path):
    result = kg("serve", "--store", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "there is no store there" in result.stderr


# ---------------------------------------------------------------- retries, against a tiny local server

class _Scripted(http.server.BaseHTTPRequestHandler):
    """Answers PUTs with the statuses in ``script``, in turn, and records each request."""

    script: ClassVar[list[int]] = []
    seen: ClassVar[list[dict]] = []

    def do_PUT(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).seen.append({"path": self.path, "headers": dict(self.headers), "body": body})
        status = type(self).script.pop(0)
        answer = b"" if status < 300 else f"status {status}\nline two\nline three\n".encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def scripted():
    """A local server on 127.0.0.1 and the handler class, whose script the test sets."""
    handler = type("Handler", (_Scripted,), {"script": [], "seen": []})
    server = http.server.ThreadingHTTPServer((LOCALHOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCALHOST}:{server.server_address[1]}/store", handler
    finally:
        server.shutdown()
        server.server_close()


def test_5xx_is_retried_with_exponential_backoff(scripted):
    url, handler = scripted
    handler.script = [503, 503, 204]
    waits = []
    assert put(url, b"", "application/n-triples", retries=3, backoff=0.5, sleep=waits.append) == 204
    assert len(handler.seen) == 3
    assert waits == [0.5, 1.0]


def test_4xx_is_not_retried_and_the_message_shows_the_answer(scripted):
    url, handler = scripted
    handler.script = [400]
    waits = []
    with pytest.raises(StoreError) as caught:
        put(url, b"", "application/n-triples", retries=3, sleep=waits.append)
    assert len(handler.seen) == 1 and waits == []
    assert str(caught.value) == (f"PUT {url}: the server answered 400 Bad Request:\n"
                                 "  status 400\n  line two\n  line three")


def test_retries_are_bounded(scripted):
    url, handler = scripted
    handler.script = [502, 502, 502]
    waits = []
    with pytest.raises(StoreError, match=r"answered 502 Bad Gateway \(after 3 attempts\):\n  status 502\n"):
        put(url, b"", "application/n-triples", retries=2, backoff=0.1, sleep=waits.append)
    assert len(handler.seen) == 3 and waits == [0.1, 0.2]


def test_a_connection_error_is_retried_then_reported():
    waits = []
    url = f"http://{LOCALHOST}:{free_port()}/store"  # nothing listens there
    with pytest.raises(StoreError, match=r"cannot reach the server .*\(after 3 attempts\)$"):
        put(url, b"", "application/n-triples", retries=2, backoff=0.1, sleep=waits.append)
    assert waits == [0.1, 0.2]


def test_a_silent_server_times_out():
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind((LOCALHOST, 0))
        silent.listen()
        url = f"http://{LOCALHOST}:{silent.getsockname()[1]}/store"
        with pytest.raises(StoreError, match=r"cannot reach the server \(.*timed out.*\) \(after 1 attempts\)$"):
            put(url, b"", "application/n-triples", timeout=0.2, retries=0)


def test_load_sends_n_triples_per_graph_with_the_credentials(scripted, files):
    url, handler = scripted
    handler.script = [201, 201]
    loaded = load([str(files / "news.nq")], url, environ={"KG_ENDPOINT_TOKEN": "s3cret"}, sleep=lambda s: None)
    assert (loaded.graphs, loaded.triples) == (2, 12)
    assert [r["path"] for r in handler.seen] == [
        "/store?" + urllib.parse.urlencode({"graph": str(FIRST)}),
        "/store?" + urllib.parse.urlencode({"graph": str(SECOND)}),
    ]
    first = handler.seen[0]
    assert first["headers"]["Content-Type"] == "application/n-triples"
    assert first["headers"]["Authorization"] == "Bearer s3cret"
    assert len(Graph().parse(data=first["body"].decode(), format="nt")) == 5


def test_load_through_the_cli_takes_credentials_from_the_environment(scripted, files):
    url, handler = scripted
    handler.script = [204]
    env = {"KG_ENDPOINT_USER": "reader", "KG_ENDPOINT_PASSWORD": "pa:ss"}
    result = kg("load", files / "third.ttl", "--endpoint", url, env=env)
    assert result.exit_code == 0, result.stderr
    assert handler.seen[0]["headers"]["Authorization"] == "Basic cmVhZGVyOnBhOnNz"


def test_a_file_that_fails_is_reported_before_any_request(scripted, files):
    url, handler = scripted
    with pytest.raises(InputError):
        load([str(files / "news.nq"), str(files / "bad.nq")], url)
    assert handler.seen == []


@pytest.mark.parametrize("environ, expected", [
    ({}, {}),
    ({"KG_ENDPOINT_TOKEN": "t"}, {"Authorization": "Bearer t"}),
    ({"KG_ENDPOINT_USER": "u", "KG_ENDPOINT_PASSWORD": "p"}, {"Authorization": "Basic dTpw"}),
])
def test_credentials(environ, expected):
    assert credentials(environ) == expected


@pytest.mark.parametrize("environ", [
    {"KG_ENDPOINT_TOKEN": "t", "KG_ENDPOINT_USER": "u", "KG_ENDPOINT_PASSWORD": "p"},
    {"KG_ENDPOINT_USER": "u"},
])
def test_credentials_that_do_not_fit(environ):
    with pytest.raises(StoreError):
        credentials(environ)


def test_credentials_in_the_endpoint_url_are_refused(files):
    result = kg("load", files / "third.ttl", "--endpoint", f"http://user:pw@{LOCALHOST}:9/store")
    assert result.exit_code == 2
    assert "KG_ENDPOINT_USER" in result.stderr


def test_graph_url_keeps_the_endpoint_query():
    assert graph_url("http://h/ds/data", "https://x/a?b=c") == "http://h/ds/data?graph=https%3A%2F%2Fx%2Fa%3Fb%3Dc"
    assert graph_url("http://h/crud?x=1", "urn:g") == "http://h/crud?x=1&graph=urn%3Ag"
