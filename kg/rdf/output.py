"""Serialisation and safe writing: Turtle, N-Triples, N-Quads, TriG, JSON-LD.

kg writes Turtle, TriG and the line formats itself: rdflib's serialisers are slow and
their order depends on hashing, and kg promises byte-identical output for the same input.
Every file is written beside its target and parsed by pyoxigraph's strict parser (N-Triples
and N-Quads as each article is written, the documents once written), and only then renamed
over the target, so a failed run leaves no partial or overwritten file.
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
_UNESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
_UNESCAPED = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_TYPE = f"<{RDF.type}>"


# ---------------------------------------------------------------- documents

def ntriples(graph: Graph, context: URIRef | None = None) -> str:
    """Sorted N-Triples, or N-Quads in ``context``."""
    tail = f" {_iri(context)} .\n" if context is not None else " .\n"
    return "".join(sorted(f"{term(s)} {term(p)} {term(o)}{tail}" for s, p, o in graph))


def in_graph(lines: str, context: URIRef) -> str:
    """kg's sorted N-Triples as N-Quads in ``context``: the same lines, in the same order,
    as ntriples(graph, context) gives."""
    tail = f" {_iri(context)} .\n"
    return "".join(f"{line[:-3]}{tail}" for line in _each_line(lines))


def _each_line(lines: str) -> list[str]:
    """N-Triples lines, each with its newline. Not str.splitlines: a literal may hold U+0085 or
    U+2028, which N-Triples leaves unescaped and splitlines takes for line ends."""
    return [f"{line}\n" for line in lines.split("\n")[:-1]]


def rdflib_graph(statements) -> Graph:
    """pyoxigraph triples or quads as one rdflib Graph (graph names dropped)."""
    graph = Graph(bind_namespaces="none")
    graph.addN((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object), graph) for t in statements)
    return graph


def graph_from_ntriples(lines: str) -> Graph:
    """An rdflib Graph of N-Triples text, read by pyoxigraph (rdflib's own reader is slow)."""
    return rdflib_graph(pyoxigraph.parse(lines.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES))


# Turtle, TriG and JSON-LD are written from kg's N-Triples lines (one statement a line, each
# term as kg.rdf.output.term writes it), never from rdflib objects: the lines are what the
# workers send, and reading them into rdflib cost the parent process as much as the parse.

def _statements(lines, by_subject: dict | None = None) -> dict:
    """subject -> predicate -> the set of its objects, each term as its N-Triples text; the
    lines are added to ``by_subject`` when given (a document that grows article by article)."""
    by_subject = by_subject if by_subject is not None else defaultdict(lambda: defaultdict(set))
    for line in lines:
        subject, predicate, thing = line[:-3].split(" ", 2)
        by_subject[subject][predicate].add(thing)
    return by_subject


@lru_cache(maxsize=1 << 16)
def _short(node: str) -> str:
    """An N-Triples term in Turtle with kg's prefixes."""
    if node[0] == "<":
        return _qname_of(node[1:-1])
    if node[0] == '"' and node[-1] == ">":
        body, _, datatype = node.rpartition('"^^<')
        return f'{body}"^^{_qname_of(datatype[:-1])}'
    return node


@lru_cache(maxsize=1 << 16)
def _qname_of(iri: str) -> str:
    for prefix, namespace in _PREFIXES:
        if iri.startswith(namespace) and _LOCAL.match(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return nt_iri(iri)


def _lexical(node: str) -> str:
    """The lexical form of an N-Triples literal."""
    body = node[1 : node.rindex('"')]
    if "\\" not in body:
        return body
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if m.group(3) is None
                         else _UNESCAPED.get(m.group(3), m.group(3)), body)


def _order(node: str) -> tuple:
    """Things first, mentions after them in text order; then by IRI (of an N-Triples term)."""
    if node[0] == "<":
        mention = _CHAR.match(node[1:-1])
        if mention:
            return (1, mention.group(1), int(mention.group(2)), int(mention.group(3)), "")
        return (0, node[1:-1], 0, 0, node)
    return (2, node[2:] if node[0] == "_" else _lexical(node), 0, 0, node)


def _prefix_block() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(_PREFIXES))


def _turtle_body(by_subject: dict, indent: str = "") -> str:
    blocks = []
    for subject in sorted(by_subject, key=_order):
        predicates = by_subject[subject]
        ordered = sorted(predicates, key=lambda p: (p != _TYPE, p[1:-1]))
        said = []
        for p in ordered:
            verb = "a" if p == _TYPE else _short(p)
            objects = " , ".join(_short(o) for o in sorted(predicates[p], key=_order))
            said.append(f"{verb} {objects}")
        joint = f" ;\n{indent}    "
        blocks.append(f"{indent}{_short(subject)} {joint.join(said)} .\n")
    return "\n".join(blocks)


def _trig_block(name: URIRef, lines) -> str:
    return f"\n{term(name, short=True)} {{\n{_turtle_body(_statements(lines), '    ')}}}\n"


def _lines(graph: Graph) -> list[str]:
    return _each_line(ntriples(graph))


def turtle(graph: Graph) -> str:
    return _turtle_document(_statements(_lines(graph)))


def _turtle_document(by_subject: dict) -> str:
    return _prefix_block() + "\n" + _turtle_body(by_subject)


def trig(graphs: list[tuple[URIRef, Graph]]) -> str:
    blocks = [(str(name), _trig_block(name, _lines(graph))) for name, graph in graphs]
    return _trig_document(blocks)


def _trig_document(blocks: list[tuple[str, str]]) -> str:
    return _prefix_block() + "".join(block for _, block in sorted(blocks, key=lambda b: b[0]))


def jsonld(graph: Graph) -> str:
    return _jsonld_document(_statements(_lines(graph)))


def _jsonld_document(by_subject: dict) -> str:
    """JSON-LD with an inline context (nothing is fetched), one node object per subject in a
    stable order. Written by kg: rdflib's serialiser is quadratic on large graphs."""
    context = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
    document = []
    for subject in sorted(by_subject, key=_order):
        node: dict = defaultdict(list)
        for p, objects in by_subject[subject].items():
            for o in objects:
                if p == _TYPE and o[0] == "<":
                    node["@type"].append(_json_key(o[1:-1]))
                else:
                    node[_json_key(p[1:-1])].append(_json_value(o))
        body = {"@id": _json_id(subject)}
        for key, values in sorted(node.items()):
            body[key] = sorted(values, key=lambda v: json.dumps(v, sort_keys=True))
        document.append(body)
    return json.dumps({"@context": context, "@graph": document}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _json_key(iri: str) -> str:
    short = _qname_of(iri)
    return short if not short.startswith("<") else iri


def _json_id(node: str) -> str:
    return node if node[0] == "_" else node[1:-1]  # the lines' IRIs were checked when written


def _json_value(node: str) -> dict:
    if node[0] in "<_":
        return {"@id": _json_id(node)}
    value = {"@value": _lexical(node)}
    if node[-1] == ">":
        value["@type"] = _json_key(node.rpartition('"^^<')[2][:-1])
    elif node[-1] != '"':
        value["@language"] = node.rpartition('"@')[2]
    return value


# ---------------------------------------------------------------- writing

class GraphWriter:
    """Collects article graphs and writes them in one format to a file or stdout.

    N-Triples and N-Quads stream, one article at a time, each article's lines parsed by a
    strict parser as they are written; Turtle, TriG and JSON-LD are one document, written when
    the writer closes and then parsed again. A file appears only when everything succeeded.
    """

    def __init__(self, target: str | None, fmt: str):
        if fmt not in FORMATS:
            raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.format = fmt
        self.stdout = target in (None, "-")
        self.target = None if self.stdout else Path(target)
        self._blocks: list[tuple[str, str]] = []  # TriG: (graph name, its block)
        self._union: dict = _statements(())  # Turtle, JSON-LD: every statement, by subject and predicate
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
        """One article's outcome (a kg.pipeline.Built): its N-Triples are written as they are
        (N-Triples, N-Quads), laid out as a TriG block at once, or kept for the one Turtle or
        JSON-LD document; no rdflib Graph is made."""
        self._add(built.name, built.lines, built.triples)

    def add(self, name: URIRef | None, graph: Graph) -> None:
        """One article's graph, named ``name`` in the quad formats."""
        self._add(name, ntriples(graph), len(graph))

    def _add(self, name: URIRef | None, lines: str, count: int) -> None:
        self.triples += count
        if self.format in STREAMING:
            chunk = lines if self.format == "nt" or name is None else in_graph(lines, name)
            if not self.stdout:  # checked as it is written, while the workers go on, not all at the end
                _check_text(chunk, self.format)
            self._stream.write(chunk)
        elif self.format == "trig":
            self._blocks.append((str(name), _trig_block(name, _each_line(lines))))
        else:  # one document: statements several articles make (a shared entity's) are one
            _statements(_each_line(lines), self._union)

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
        if self.format == "turtle":
            self._stream.write(_turtle_document(self._union))
        elif self.format == "jsonld":
            self._stream.write(_jsonld_document(self._union))
        elif self.format == "trig":
            self._stream.write(_trig_document(self._blocks))
        if self.stdout:
            return
        self._stream.close()
        if self.format not in STREAMING:  # each article's lines were checked as they were written
            check_parses(self._tmp, self.format)
        os.chmod(self._tmp, file_mode())  # mkstemp made it private; a graph file is not
        os.replace(self._tmp, self.target)
        self._tmp = None


def file_mode() -> int:
    """The mode of a new file under this process's umask (mkstemp makes files private)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def checked_nquads(graphs) -> tuple[str, int]:
    """kg's N-Triples of each named graph, (name, lines, triples), as one N-Quads text, as
    GraphWriter writes it, checked by the strict parser; and its number of triples."""
    text = "".join(in_graph(lines, name) for name, lines, _ in graphs)
    _check_text(text, "nquads")
    return text, sum(count for _, _, count in graphs)


def _check_text(text: str, fmt: str) -> None:
    try:
        for _ in pyoxigraph.parse(text.encode("utf-8"), format=FORMATS[fmt][0]):
            pass
    except (SyntaxError, ValueError) as error:
        raise OutputError(f"kg wrote {fmt} that a strict parser rejects ({error}); this is a bug in kg, please report it") from error


def check_parses(path: Path, fmt: str) -> int:
    """Re-read a written file with pyoxigraph's strict parser; the number of statements."""
    try:
        with open(path, "rb") as handle:
            return sum(1 for _ in pyoxigraph.parse(handle, format=FORMATS[fmt][0]))
    except (SyntaxError, ValueError) as error:
        raise OutputError(f"kg wrote {fmt} that a strict parser rejects ({error}); this is a bug in kg, please report it") from error
