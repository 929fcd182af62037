"""Serialisation and safe writing: Turtle, N-Triples, N-Quads, TriG, JSON-LD.

kg writes Turtle, TriG and the line formats itself: rdflib's serialisers are slow and
their order depends on hashing, and kg promises byte-identical output for the same input.
Every file is written beside its target, re-parsed by pyoxigraph's strict parser, and
only then renamed over the target, so a failed run leaves no partial or overwritten file.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.errors import OutputError
from kg.vocab import PREFIXES

FORMATS = {  # name -> (pyoxigraph format for the re-parse, file suffix)
    "turtle": (pyoxigraph.RdfFormat.TURTLE, ".ttl"),
    "nt": (pyoxigraph.RdfFormat.N_TRIPLES, ".nt"),
    "nquads": (pyoxigraph.RdfFormat.N_QUADS, ".nq"),
    "trig": (pyoxigraph.RdfFormat.TRIG, ".trig"),
    "jsonld": (pyoxigraph.RdfFormat.JSON_LD, ".jsonld"),
}
STREAMING = {"nt", "nquads"}
_PREFIXES = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda x: -len(x[1]))
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r\t\x00-\x1f\x7f\ufffe\uffff]')
_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`]')


# ---------------------------------------------------------------- terms

def nt_iri(text: str) -> str:
    """An IRI in N-Triples syntax; one with characters IRIs forbid is refused."""
    if _FORBIDDEN.search(text):
        raise OutputError(f"cannot write the IRI {str(text)!r}: it holds characters IRIs forbid")
    return f"<{text}>"


def nt_literal(lexical: str, language: str | None = None, datatype: str | None = None) -> str:
    """A literal in N-Triples syntax (no datatype is written for xsd:string)."""
    text = _string(lexical)
    if language:
        return f"{text}@{language}"
    if datatype:
        return f"{text}^^{nt_iri(datatype)}"
    return text


# The same IRIs (predicates, classes, entities) recur in every article: remember them.
@lru_cache(maxsize=1 << 16)
def _iri(term: URIRef) -> str:
    return nt_iri(str(term))


@lru_cache(maxsize=1 << 16)
def _qname(term: URIRef) -> str:
    text = str(term)
    for prefix, namespace in _PREFIXES:
        if text.startswith(namespace) and _LOCAL.match(text[len(namespace):]):
            return f"{prefix}:{text[len(namespace):]}"
    return _iri(term)


def _string(value: str) -> str:
    body = _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04X}"), value)
    return f'"{body}"'


def term(node, short: bool = False) -> str:
    """One RDF term in N-Triples syntax, or in Turtle syntax with kg's prefixes when short."""
    if isinstance(node, URIRef):
        return _qname(node) if short else _iri(node)
    if isinstance(node, Literal):
        text = _string(str(node))
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype and node.datatype != XSD.string:
            return f"{text}^^{_qname(node.datatype) if short else _iri(node.datatype)}"
        return text
    if isinstance(node, BNode):
        return f"_:{node}"
    raise OutputError(f"cannot write {node!r} as an RDF term")


def rdflib_term(node):
    """A pyoxigraph term as the rdflib term kg's writers take."""
    if isinstance(node, pyoxigraph.NamedNode):
        return URIRef(node.value)
    if isinstance(node, pyoxigraph.BlankNode):
        return BNode(node.value)
    if isinstance(node, pyoxigraph.Literal):
        if node.language:
            return Literal(node.value, lang=node.language)
        plain = node.datatype.value in (str(XSD.string), str(RDF.langString))
        return Literal(node.value, datatype=None if plain else URIRef(node.datatype.value), normalize=False)
    raise OutputError(f"kg cannot handle the RDF term {node!r} (RDF-star triples are not supported)")


_CHAR = re.compile(r"^(.*)#char=(\d+),(\d+)$")


def _order(node) -> tuple:
    """Things first, mentions after them in text order; then by IRI."""
    text = str(node)
    mention = _CHAR.match(text) if isinstance(node, URIRef) else None
    if mention:
        return (1, mention.group(1), int(mention.group(2)), int(mention.group(3)), "")
    return (0 if isinstance(node, URIRef) else 2, text, 0, 0, term(node))


# ---------------------------------------------------------------- documents

def ntriples(graph: Graph, context: URIRef | None = None) -> str:
    """Sorted N-Triples, or N-Quads in ``context``."""
    tail = f" {_iri(context)} .\n" if context is not None else " .\n"
    return "".join(sorted(f"{term(s)} {term(p)} {term(o)}{tail}" for s, p, o in graph))


def in_graph(lines: str, context: URIRef) -> str:
    """kg's sorted N-Triples as N-Quads in ``context``: the same lines, in the same order,
    as ntriples(graph, context) gives."""
    tail = f" {_iri(context)} .\n"
    return "".join(f"{line[:-3]}{tail}" for line in lines.splitlines(keepends=True))


def rdflib_graph(statements) -> Graph:
    """pyoxigraph triples or quads as one rdflib Graph (graph names dropped)."""
    graph = Graph(bind_namespaces="none")
    graph.addN((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object), graph) for t in statements)
    return graph


def graph_from_ntriples(lines: str) -> Graph:
    """An rdflib Graph of N-Triples text, read by pyoxigraph (rdflib's own reader is slow)."""
    return rdflib_graph(pyoxigraph.parse(lines.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES))


def _prefix_block() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(_PREFIXES))


def _turtle_body(graph: Graph, indent: str = "") -> str:
    by_subject = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        by_subject[s][p].append(o)
    blocks = []
    for subject in sorted(by_subject, key=_order):
        predicates = by_subject[subject]
        ordered = sorted(predicates, key=lambda p: (p != RDF.type, str(p)))
        lines = []
        for p in ordered:
            verb = "a" if p == RDF.type else term(p, short=True)
            objects = " , ".join(term(o, short=True) for o in sorted(predicates[p], key=_order))
            lines.append(f"{verb} {objects}")
        joint = f" ;\n{indent}    "
        blocks.append(f"{indent}{term(subject, short=True)} {joint.join(lines)} .\n")
    return "\n".join(blocks)


def turtle(graph: Graph) -> str:
    return _prefix_block() + "\n" + _turtle_body(graph)


def trig(graphs: list[tuple[URIRef, Graph]]) -> str:
    parts = [_prefix_block()]
    for name, graph in sorted(graphs, key=lambda x: str(x[0])):
        parts.append(f"\n{term(name, short=True)} {{\n{_turtle_body(graph, '    ')}}}\n")
    return "".join(parts)


def jsonld(graph: Graph) -> str:
    """JSON-LD with an inline context (nothing is fetched), one node object per subject in a
    stable order. Written by kg: rdflib's serialiser is quadratic on large graphs."""
    context = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
    nodes: dict = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        node = nodes[s]
        if p == RDF.type and isinstance(o, URIRef):
            node["@type"].append(_json_key(o))
        else:
            node[_json_key(p)].append(_json_value(o))
    document = []
    for subject in sorted(nodes, key=_order):
        body = {"@id": _json_id(subject)}
        for key, values in sorted(nodes[subject].items()):
            body[key] = sorted(values, key=lambda v: json.dumps(v, sort_keys=True))
        document.append(body)
    return json.dumps({"@context": context, "@graph": document}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _json_key(iri: URIRef) -> str:
    short = _qname(iri)
    return short if not short.startswith("<") else str(iri)


def _json_id(node) -> str:
    if isinstance(node, BNode):
        return f"_:{node}"
    _iri(node)  # refuses an IRI with forbidden characters, as the other writers do
    return str(node)


def _json_value(node) -> dict:
    if isinstance(node, (URIRef, BNode)):
        return {"@id": _json_id(node)}
    value = {"@value": str(node)}
    if node.language:
        value["@language"] = node.language
    elif node.datatype and node.datatype != XSD.string:
        value["@type"] = _json_key(node.datatype)
    return value


# ---------------------------------------------------------------- writing

class GraphWriter:
    """Collects article graphs and writes them in one format to a file or stdout.

    N-Triples and N-Quads stream, one article at a time; Turtle, TriG and JSON-LD are one
    document, written when the writer closes. A file appears only when everything succeeded.
    """

    def __init__(self, target: str | None, fmt: str):
        if fmt not in FORMATS:
            raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.format = fmt
        self.stdout = target in (None, "-")
        self.target = None if self.stdout else Path(target)
        self._graphs: list[tuple[URIRef, Graph]] = []
        self._tmp = None
        self.triples = 0

    def __enter__(self) -> GraphWriter:
        if self.stdout:
            self._stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=True) \
                if hasattr(sys.stdout, "buffer") else sys.stdout
        else:
            folder = self.target.parent if str(self.target.parent) else Path(".")
            if not folder.is_dir():
                raise OutputError(f"{self.target}: folder {folder} does not exist; create it first")
            handle, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part", dir=folder)
            self._tmp = Path(name)
            self._stream = os.fdopen(handle, "w", encoding="utf-8", newline="\n")
        return self

    def add_article(self, built) -> None:
        """One article's outcome (a kg.pipeline.Built). The line formats write its N-Triples
        as they are, so a graph that came from a worker process is never rebuilt."""
        if self.format not in STREAMING:
            self.add(built.name, built.graph)
            return
        self.triples += built.triples
        self._stream.write(built.lines if self.format == "nt" else in_graph(built.lines, built.name))

    def add(self, name: URIRef, graph: Graph) -> None:
        """One article's graph, named ``name`` in the quad formats."""
        self.triples += len(graph)
        if self.format == "nt":
            self._stream.write(ntriples(graph))
        elif self.format == "nquads":
            self._stream.write(ntriples(graph, name))
        else:
            self._graphs.append((name, graph))

    def __exit__(self, kind, error, trace) -> None:
        try:
            if kind is None:
                self._finish()
        finally:
            if self.stdout:
                self._stream.flush()
                if self._stream is not sys.stdout:
                    self._stream.detach()
            else:
                if not self._stream.closed:
                    self._stream.close()
                if self._tmp is not None and self._tmp.exists():
                    self._tmp.unlink()

    def _finish(self) -> None:
        if self.format in ("turtle", "jsonld"):
            union = Graph(bind_namespaces="none")
            for _, graph in self._graphs:
                union += graph
            self._stream.write(turtle(union) if self.format == "turtle" else jsonld(union))
        elif self.format == "trig":
            self._stream.write(trig(self._graphs))
        if self.stdout:
            return
        self._stream.close()
        check_parses(self._tmp, self.format)
        os.chmod(self._tmp, 0o666 & ~_umask())  # mkstemp made it private; a graph file is not
        os.replace(self._tmp, self.target)
        self._tmp = None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_parses(path: Path, fmt: str) -> int:
    """Re-read a written file with pyoxigraph's strict parser; the number of statements."""
    try:
        with open(path, "rb") as handle:
            return sum(1 for _ in pyoxigraph.parse(handle, format=FORMATS[fmt][0]))
    except (SyntaxError, ValueError) as error:
        raise OutputError(f"kg wrote {fmt} that a strict parser rejects ({error}); this is a bug in kg, please report it") from error
