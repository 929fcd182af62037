"""validate(): kg's graphs against the SHACL shapes in shapes/.

Two validators give the same verdicts (tests/rdf/test_validators.py holds them to it):
pyshacl, the reference, which ``kg validate`` uses; and "sparql", the shapes compiled to
SPARQL queries run by pyoxigraph (kg.rdf.shacl_sparql), which ``kg build`` uses by default
because it costs a small part of pyshacl's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, SH

from kg.errors import InputError, OutputError
from kg.vocab.resources import class_tree, shapes

from .output import ntriples, rdflib_graph, rdflib_term

VALIDATORS = ("sparql", "pyshacl")
DEFAULT_VALIDATOR = "sparql"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: tuple[Violation, ...]
    graph: Graph  # the SHACL validation report as RDF


def validate(data: Graph, shapes_path: str | None = None, *, with_tree: bool = False) -> Report:
    """Check a graph against the shapes. The ontology's class tree is mixed in so that a
    schema:City counts as a schema:Place (pyshacl copies the data to do so, unless
    ``with_tree`` says the caller's graph holds the tree already); no inference is run."""
    if not data.store.context_aware:  # pyshacl reads through a Dataset, which needs contexts
        data = _with_contexts(data)
    import pyshacl  # here, not at the top: `kg --help` and `kg query` need not load it

    conforms, report_graph, _ = pyshacl.validate(
        data,
        shacl_graph=shapes(shapes_path),
        ont_graph=None if with_tree else class_tree(),
        inference="none",
        advanced=_advanced(shapes_path),
        allow_warnings=True,
    )
    return Report(bool(conforms), _violations(report_graph), report_graph)


# SHACL Advanced Features cost pyshacl about a fifth more on every call; kg's own shapes use
# none, so they are switched on only for a user's shapes that do.
_ADVANCED_TERMS = {SH.rule, SH.target, SH.SPARQLRule, SH.TripleRule, SH.SPARQLTarget, SH.SPARQLTargetType,
                   SH.SPARQLFunction, SH.JSTarget, SH.JSRule}


@lru_cache(maxsize=8)
def _advanced(shapes_path: str | None) -> bool:
    graph = shapes(shapes_path)
    return any(p in _ADVANCED_TERMS for p in graph.predicates()) or any(
        o in _ADVANCED_TERMS for o in graph.objects(None, RDF.type))


def validate_each(graphs: list, shapes_path: str | None = None, validator: str = DEFAULT_VALIDATOR) -> list[Report]:
    """One report per graph (an rdflib Graph or kg's N-Triples text), as if each were
    validated alone."""
    if not graphs:
        return []
    if validator == "pyshacl":
        return _pyshacl_each([_rdflib(g) for g in graphs], shapes_path)
    if validator != "sparql":
        raise InputError(f"unknown validator {validator!r}; choose one of {', '.join(VALIDATORS)}")
    judged = _compiled(shapes_path).results([g if isinstance(g, str) else ntriples(g) for g in graphs])
    return [validate(_rdflib(graph), shapes_path) if results is None else _report(results)
            for graph, results in zip(graphs, judged, strict=True)]


@lru_cache(maxsize=8)
def _compiled(shapes_path: str | None):
    from .shacl_sparql import CompiledShapes

    return CompiledShapes(shapes(shapes_path), class_tree())


def _rdflib(graph) -> Graph:
    if isinstance(graph, Graph):
        return graph
    from .output import graph_from_ntriples

    return graph_from_ntriples(graph)


_PASSED = Report(True, (), Graph(bind_namespaces="none"))


def _report(results) -> Report:
    """The compiled validator's results as pyshacl would report them."""
    if not results:
        return _PASSED
    graph = Graph(bind_namespaces="none")
    report = BNode()
    conforms = not any(r.constraint.severity == SH.Violation for r in results)
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(conforms)))
    for result in results:
        node, constraint = BNode(), result.constraint
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.focusNode, rdflib_term(result.focus)))
        if result.value is not None:
            graph.add((node, SH.value, rdflib_term(result.value)))
        if constraint.path is not None and not isinstance(constraint.path, BNode):
            graph.add((node, SH.resultPath, constraint.path))
        graph.add((node, SH.sourceConstraintComponent, constraint.component))
        graph.add((node, SH.sourceShape, constraint.shape))
        graph.add((node, SH.resultSeverity, constraint.severity))
        graph.add((node, SH.resultMessage, Literal(constraint.message)))
    return Report(conforms, _violations(graph), graph)


def _pyshacl_each(graphs: list[Graph], shapes_path: str | None = None) -> list[Report]:
    """pyshacl pays per call and per graph, so the graphs are checked as one union first.
    Only when the union breaks the shapes are the graphs that hold a failing focus node (or
    all, when none does) validated again alone, and only those can fail."""
    union = _with_contexts(*graphs, class_tree())  # ours: mixing the tree in saves pyshacl a copy
    joint = validate(union, shapes_path, with_tree=True)
    passed = Report(True, (), Graph(bind_namespaces="none"))
    if joint.conforms:
        return [passed] * len(graphs)
    if len(graphs) == 1:
        return [joint]
    focus = {node for node in joint.graph.objects(None, SH.focusNode)}
    suspects = [i for i, graph in enumerate(graphs) if any((node, None, None) in graph for node in focus)]
    # Graphs share entity nodes, so a node can look wrong only in the union: re-check alone.
    return [validate(graph, shapes_path) if i in suspects or not suspects else passed for i, graph in enumerate(graphs)]


def _with_contexts(*graphs: Graph) -> Graph:
    """One graph on rdflib's context-aware store holding all of ``graphs`` (kg builds each
    article's graph on the lighter store without contexts, which pyshacl cannot read)."""
    union = Graph(bind_namespaces="none")
    for graph in graphs:
        union += graph
    return union


def _violations(report: Graph) -> tuple[Violation, ...]:
    found = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        found.append(Violation(str(focus), _short(path), str(message or "does not conform")))
    return tuple(sorted(set(found), key=lambda v: (v.focus, v.path, v.message)))


def _short(path) -> str:
    if path is None:
        return "(node)"
    text = str(path)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if text.startswith("http") else text


RDF_SUFFIXES = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".trig": "TRIG", ".jsonld": "JSON_LD",
                ".json": "JSON_LD", ".rdf": "RDF_XML", ".owl": "RDF_XML", ".n3": "N3"}


def load_rdf(path: str) -> Graph:
    """Any RDF file (named graphs merged into one graph), by its suffix. pyoxigraph reads it:
    strictly, ten times faster than rdflib's parsers, and without fetching anything (a
    JSON-LD context must be inline)."""
    import pyoxigraph

    fmt = RDF_SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF suffix; use .ttl, .nt, .nq, .trig or .jsonld")
    try:
        with open(path, "rb") as handle:
            graph = rdflib_graph(pyoxigraph.parse(handle, format=getattr(pyoxigraph.RdfFormat, fmt),
                                                  base_iri=Path(path).resolve().as_uri()))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; give the RDF files in it") from None
    except (SyntaxError, ValueError, OutputError) as error:
        name = fmt.replace("_", "-").lower()
        if "remote context" in str(error):
            raise InputError(f"{path}: its JSON-LD @context is remote, and kg fetches nothing; "
                             "put the context inline") from error
        raise InputError(f"{path}: is not valid {name} ({str(error).splitlines()[0][:200]}); fix or re-export it") from error
    return graph
