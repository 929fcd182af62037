"""Shared fixtures: the trained spaCy pipeline (loaded once) and paths to the repo's data."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.vocab import DCT, PREFIXES, SCHEMA

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "corpora" / "seed" / "liaison-office.txt"
# A good plain-text article, and a news page without a date and with one
GOOD = "Airbus opened a plant in Toulouse on 5 June 2020.\n\nThe plant employs 300 people, the company said.\n"
PAGE_NO_DATE = b"""<html><head><title>Ferry sinks off Crete</title>
<meta property="og:site_name" content="Island News"></head><body><nav>Home | World</nav>
<article><h1>Ferry sinks off Crete</h1>
<p>A ferry sank off the coast of Crete on Monday, the coast guard said. All 40 passengers were rescued.</p>
<p>The ministry of shipping opened an inquiry into the accident on Tuesday.</p></article>
<footer>Copyright 2024 Island News</footer></body></html>"""
PAGE_DATED = PAGE_NO_DATE.replace(b"<head>", b'<head><meta property="article:published_time" content="2024-05-07">')
# kg's prefixes as a SPARQL prologue, for queries over built graphs
SPARQL_PREFIXES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


def graph_of(text: str, published: date, article_id: str = "t") -> Graph:
    """The validated graph kg builds of one hand-written article."""
    from kg.model import Article
    from kg.pipeline import build

    built, = build([Article(article_id, text, published=published)])
    return built.graph


def bad_folder(tmp_path):
    """A folder of four articles, three of which cannot be read: binary, empty, not UTF-8."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-binary.txt").write_bytes(b"\x00\x01\x02\xff binary")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-latin.txt").write_bytes("Caf\u00e9 fire in Lyon.".encode("latin-1"))
    (folder / "d-good.txt").write_text(GOOD, encoding="utf-8")
    return folder


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
                   "server: starts a real oxigraph server on 127.0.0.1",
                   "browser: opens kg view's pages in headless Chromium (scripts/install-chromium installs it)"):
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


LOCALHOST = "127.0.0.1"


# ---------------------------------------------------------------- a real oxigraph server

def free_port() -> int:
    # oxigraph cannot bind port 0, so ask the system for a free port and hand it over
    with socket.socket() as probe:
        probe.bind((LOCALHOST, 0))
        return probe.getsockname()[1]


def wait_until_answers(url: str, process: subprocess.Popen, attempts: int = 300) -> None:
    for _ in range(attempts):
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def oxigraph(tmp_path):
    """The URL of a fresh read-write oxigraph server on 127.0.0.1."""
    if shutil.which("oxigraph") is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    url = f"http://{LOCALHOST}:{free_port()}"
    process = subprocess.Popen(["oxigraph", "serve", "--location", str(tmp_path / "server.db"),
                                "--bind", url.removeprefix("http://")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_answers(url, process)
        yield url
    finally:
        stop(process)


def bound_to(text: str, pronoun: str) -> set[str]:
    """The labels of the entities a pronoun (by its exact text) is a mention of, in the graph
    of ``text`` published on 2024-03-05."""
    graph = graph_of(text, date(2024, 3, 5))
    rows = graph.query(SPARQL_PREFIXES + """SELECT ?label WHERE { ?e rdfs:label ?label ; gaf:denotedBy/nif:anchorOf ?p .
        FILTER NOT EXISTS { ?e a sem:Event } }""", initBindings={"p": Literal(pronoun)})
    return {str(r[0]) for r in rows}


def interrupted_build(args: list[str], ready, sig: int = signal.SIGINT) -> tuple[int, str]:
    """Run ``python -m kg build ARGS`` in a process of its own (this checkout first on the path),
    send it ``sig`` as soon as ``ready()`` holds, and return its exit code and stderr."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in [root, os.environ.get("PYTHONPATH", "")] if p)}
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", *args], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not ready() and process.poll() is None:
            assert time.monotonic() < deadline, "the run never got to the point of the signal"
            time.sleep(0.01)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode, stderr
