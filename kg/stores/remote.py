"""Load graphs into a remote triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

Every file is read and checked before anything is sent, so a bad file leaves the store as
it was. Each article goes to its own named graph with ``PUT ?graph=IRI``, which replaces
that graph and nothing else: loading the same files again changes nothing. Credentials
come from the environment, never from the command line.
"""

from __future__ import annotations

import base64
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from kg.errors import InputError, StoreError
from kg.vocab import SCHEMA

NTRIPLES = "application/n-triples"
NQUADS = "application/n-quads"
_NEWS_ARTICLE = pyoxigraph.NamedNode(str(SCHEMA.NewsArticle))
_RDF_TYPE = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_BODY_LINES = 5  # of a failing server's answer, in the error message


@dataclass(frozen=True)
class Loaded:
    """What ``load`` sent: the number of graphs and of triples."""

    graphs: int
    triples: int


# ---------------------------------------------------------------- reading

def read_graphs(paths: Sequence[str], graph: str | None = None) -> dict[str, list]:
    """The triples to send, by target graph IRI, from every file (all read and checked first).

    Named graphs of N-Quads and TriG files keep their names; the triples of a Turtle or
    N-Triples file go to the one article it describes. ``graph`` puts everything in one graph.
    """
    if graph is not None:
        _check_iri(graph, "--graph")
    graphs: dict[str, dict] = defaultdict(dict)  # dicts as ordered sets: a triple counts once
    for path in paths:
        quads = _parse(Path(path))
        unnamed = [q.triple for q in quads if isinstance(q.graph_name, pyoxigraph.DefaultGraph)]
        for quad in quads:
            if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
                graphs[graph or _graph_iri(quad.graph_name, path)][quad.triple] = None
        if unnamed:
            graphs[graph or _article_of(unnamed, path)].update(dict.fromkeys(unnamed))
    return {iri: list(triples) for iri, triples in graphs.items()}


def _parse(path: Path) -> list:
    rdf_format = pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip(".")) if path.suffix else None
    if rdf_format is None:
        raise InputError(f"{path}: kg cannot tell the RDF format from the name; use .ttl, .nt, .nq, .trig or .jsonld")
    try:
        with open(path, "rb") as handle:
            return list(pyoxigraph.parse(handle, format=rdf_format))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (SyntaxError, ValueError, OSError) as error:
        raise InputError(f"{path}: {error}; nothing was sent") from error


def _graph_iri(name, path) -> str:
    if isinstance(name, pyoxigraph.BlankNode):
        raise InputError(f"{path}: a graph is named by a blank node, which the Graph Store Protocol cannot "
                         "address; name it with an IRI or give --graph IRI")
    return name.value


def _article_of(triples: list, path) -> str:
    articles = sorted({t.subject.value for t in triples
                       if t.predicate == _RDF_TYPE and t.object == _NEWS_ARTICLE})
    if len(articles) == 1:
        return articles[0]
    found = "no article" if not articles else f"{len(articles)} articles"
    raise InputError(f"{path}: {found} in a file without named graphs, so kg cannot tell which graph to put "
                     "it in; build it with -f nquads (one graph per article) or give --graph IRI")


def _check_iri(iri: str, what: str) -> None:
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError as error:
        raise InputError(f"{what} {iri!r} is not an IRI ({error})") from None
    if ":" not in iri:
        raise InputError(f"{what} {iri!r} is not an absolute IRI")


# ---------------------------------------------------------------- sending

def credentials(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The Authorization header from KG_ENDPOINT_TOKEN (bearer) or KG_ENDPOINT_USER and
    KG_ENDPOINT_PASSWORD (basic), or none."""
    token = environ.get("KG_ENDPOINT_TOKEN")
    user, password = environ.get("KG_ENDPOINT_USER"), environ.get("KG_ENDPOINT_PASSWORD")
    if token and (user or password):
        raise StoreError("set KG_ENDPOINT_TOKEN or KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, not both")
    if token:
        return {"Authorization": f"Bearer {token}"}
    if user or password:
        if not (user and password):
            raise StoreError("set both KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD for basic authentication")
        pair = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return {"Authorization": f"Basic {pair}"}
    return {}


def graph_url(endpoint: str, iri: str) -> str:
    """The endpoint's URL for one named graph (indirect identification: ?graph=IRI)."""
    joint = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{joint}{urllib.parse.urlencode({'graph': iri})}"


def put(url: str, body: bytes, content_type: str, *, headers: Mapping[str, str] | None = None,
        timeout: float = 30.0, retries: int = 3, backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep) -> int:
    """PUT ``body`` at ``url``; the status. Connection errors, timeouts and 5xx answers are
    retried up to ``retries`` times, waiting backoff, 2*backoff, 4*backoff... seconds; a 4xx
    answer is final. StoreError with the server's answer when it fails."""
    request_headers = {"Content-Type": content_type, **(headers or {})}
    for attempt in range(retries + 1):
        request = urllib.request.Request(url, data=body, method="PUT", headers=request_headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status
        except urllib.error.HTTPError as error:
            failure, answer = f"the server answered {error.code} {error.reason}", _first_lines(error)
            if error.code < 500:
                raise StoreError(f"PUT {url}: {failure}{answer}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            failure, answer = f"cannot reach the server ({getattr(error, 'reason', error)})", ""
        if attempt < retries:
            sleep(backoff * 2 ** attempt)
    raise StoreError(f"PUT {url}: {failure} (after {retries + 1} attempts){answer}")


def _first_lines(error: urllib.error.HTTPError) -> str:
    try:
        text = error.read(4096).decode("utf-8", "replace")
    except OSError:
        return ""
    lines = [line.rstrip() for line in text.strip().splitlines()[:_BODY_LINES]]
    return (":\n  " + "\n  ".join(lines)) if lines else ""


def check_endpoint(endpoint: str, environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The Authorization header for ``endpoint``; StoreError when the URL is no http(s) URL,
    holds credentials, or the credentials in the environment are incomplete."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"--endpoint {endpoint!r} is not an http:// or https:// URL")
    if parts.username or parts.password:
        raise StoreError("--endpoint holds credentials; put them in KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD "
                         "(or KG_ENDPOINT_TOKEN) instead, where other users and shell history cannot see them")
    return credentials(environ)


def send_graph(endpoint: str, iri: str, lines: str, *, headers: Mapping[str, str] | None = None,
               timeout: float = 30.0, retries: int = 3) -> None:
    """Replace the named graph ``iri`` at ``endpoint`` with these N-Triples (kg build
    --endpoint: each article as it is built, from whichever process built it)."""
    put(graph_url(endpoint, iri), lines.encode("utf-8"), NTRIPLES, headers=headers, timeout=timeout, retries=retries)


def load(paths: Sequence[str], endpoint: str, *, graph: str | None = None, replace_all: bool = False,
         timeout: float = 30.0, retries: int = 3, backoff: float = 1.0,
         environ: Mapping[str, str] = os.environ, sleep: Callable[[float], None] = time.sleep) -> Loaded:
    """Send RDF files to a Graph Store Protocol endpoint, one PUT per named graph.

    Only the graphs in the files are replaced. ``replace_all`` instead replaces the whole
    dataset with one PUT of N-Quads to the endpoint itself (Oxigraph's /store supports it).
    """
    headers = check_endpoint(endpoint, environ)
    graphs = read_graphs(paths, graph)
    options = {"headers": headers, "timeout": timeout, "retries": retries, "backoff": backoff, "sleep": sleep}
    if replace_all:
        quads = [pyoxigraph.Quad(t.subject, t.predicate, t.object, pyoxigraph.NamedNode(iri))
                 for iri, triples in graphs.items() for t in triples]
        put(endpoint, pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS), NQUADS, **options)
    else:
        for iri, triples in sorted(graphs.items()):
            body = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
            put(graph_url(endpoint, iri), body, NTRIPLES, **options)
    return Loaded(len(graphs), sum(len(t) for t in graphs.values()))
