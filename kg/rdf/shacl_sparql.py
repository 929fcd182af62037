"""SHACL shapes compiled to SPARQL and run by pyoxigraph: kg build's default validator.

pyshacl is kg's reference validator (``kg validate``, ``kg build --validator pyshacl`` and the
tests' oracle), but it costs more than parsing an article. This engine reads the shapes graph
and writes, for every shape that has a target, one SELECT query that finds the results
pyshacl would report: the focus node, the constraint component, the value node, and the
shape's sh:message. Nothing here restates kg's shapes: change shapes/ and the queries follow.
tests/rdf/test_validators.py holds it to pyshacl's verdicts on the development corpora's
graphs and on broken copies of them generated from the shapes.

A batch of graphs is loaded into one in-memory Oxigraph store, each in its own named graph,
and every pattern of a query is matched inside one graph (``GRAPH ?g``), so a graph is judged
as if alone. A class (sh:class, sh:targetClass) is its subclasses in the class tree given to
the compiler, the same tree pyshacl is given. The SHACL Core subset it implements:

  targets     sh:targetClass, sh:targetSubjectsOf, sh:targetObjectsOf
  paths       predicates, inverse, sequence, alternative, zero-or-more, one-or-more, zero-or-one
  values      sh:class, sh:datatype (an ill-formed literal fails where pyshacl reads the datatype:
              "2008-02-30"^^xsd:date, "1.5"^^xsd:integer; neither reads xsd:gYear's),
              sh:nodeKind, sh:in, sh:hasValue, sh:languageIn, sh:minLength, sh:maxLength,
              sh:pattern, sh:minInclusive, sh:maxInclusive, sh:minExclusive, sh:maxExclusive
  counts      sh:minCount, sh:maxCount (up to 8)
  pairs       sh:lessThan, sh:lessThanOrEquals (values SPARQL cannot order, such as ill-formed
              numbers, are ordered by their lexical forms when of one datatype, as rdflib does)
  logic       sh:node, sh:property, sh:and, sh:or, sh:xone, sh:not

Anything else in the shapes (sh:closed, SPARQL constraints, SHACL-AF rules ...) makes the
compiler refuse with UnsupportedShapes: use pyshacl for such shapes. A graph the store cannot
judge exactly goes to pyshacl instead: one holding rdfs:subClassOf statements (pyshacl would
read them as part of the class tree) or a literal of a datatype Oxigraph rewrites on loading
(it stores xsd:nonNegativeInteger, xsd:int ... as xsd:integer). Literals are compared as the
store keeps them: numbers by value ("007"^^xsd:integer is 7), language tags in lower case.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import XSDToPython

from kg.errors import KgError

GRAPH_PREFIX = "urn:x-kg-validate:"  # the named graph of each document in the scratch store

# What a shape may say beyond its constraints; any other sh: term is refused.
_QUIET = {SH.message, SH.name, SH.description, SH.order, SH.group, SH.severity, SH.deactivated, SH.path,
          SH.flags, SH.defaultValue, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf}
_COUNT_LIMIT = 8
# Datatypes whose lexical form is checked, as pyshacl does through rdflib (which can read
# xsd:date but not xsd:gYear), and that Oxigraph can cast to: well-formed when the cast succeeds.
_CASTS = {XSD[name] for name in ("boolean", "integer", "decimal", "float", "double", "dateTime", "date", "time",
                                 "duration", "yearMonthDuration", "dayTimeDuration")} & {
    datatype for datatype, read in XSDToPython.items() if read is not None}
_XSD_NAMES = ("anyURI base64Binary boolean byte date dateTime dateTimeStamp dayTimeDuration decimal double "
              "duration float gDay gMonth gMonthDay gYear gYearMonth hexBinary int integer language long Name "
              "NCName negativeInteger NMTOKEN nonNegativeInteger nonPositiveInteger normalizedString "
              "positiveInteger short string time token unsignedByte unsignedInt unsignedLong unsignedShort "
              "yearMonthDuration").split()
_NODE_KINDS = {SH.IRI: "isIRI({x})", SH.BlankNode: "isBlank({x})", SH.Literal: "isLiteral({x})",
               SH.BlankNodeOrIRI: "!isLiteral({x})", SH.BlankNodeOrLiteral: "!isIRI({x})",
               SH.IRIOrLiteral: "!isBlank({x})"}
_RANGES = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_PAIRS = {SH.lessThan: "<", SH.lessThanOrEquals: "<="}


class UnsupportedShapes(KgError):
    """The shapes use SHACL that the compiled validator does not implement."""


@dataclass(frozen=True)
class Constraint:
    """What one kind of result of the queries stands for."""

    shape: object  # the shape's node in the shapes graph
    component: URIRef
    path: object  # the shape's sh:path, None for a node shape
    severity: URIRef
    message: str


@dataclass(frozen=True)
class Result:
    focus: object  # pyoxigraph term
    value: object  # pyoxigraph term, or None
    constraint: Constraint


class CompiledShapes:
    """The queries of one shapes graph over one class tree; ``check`` judges documents."""

    def __init__(self, shapes: Graph, tree: Graph):
        compiler = _Compiler(shapes, tree)
        self.queries = compiler.queries()
        self.constraints = compiler.constraints
        self._rewritten = _rewritten_datatypes()

    def results(self, documents: list[str]) -> list[list[Result] | None]:
        """The results for each N-Triples document (empty when it conforms), or None for a
        document the store cannot judge exactly (see the module's docstring)."""
        store = pyoxigraph.Store()
        judged: list[list[Result] | None] = []
        for index, text in enumerate(documents):
            if "<http://www.w3.org/2000/01/rdf-schema#subClassOf>" in text or self._rewritten.search(text):
                judged.append(None)
                continue
            judged.append([])
            store.load(text.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES,
                       to_graph=pyoxigraph.NamedNode(f"{GRAPH_PREFIX}{index}"), lenient=True)
        for query in self.queries:
            for row in store.query(query):
                index = int(row["g"].value[len(GRAPH_PREFIX):])
                judged[index].append(Result(row["f"], row["value"], self.constraints[int(row["c"].value)]))
        return judged


@lru_cache(maxsize=1)
def _rewritten_datatypes() -> re.Pattern:
    """The XSD datatypes whose literals Oxigraph stores under another datatype."""
    store = pyoxigraph.Store()
    rewritten = []
    for name in _XSD_NAMES:
        literal = pyoxigraph.Literal("1", datatype=pyoxigraph.NamedNode(str(XSD[name])))
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("urn:x:s"), pyoxigraph.NamedNode("urn:x:p"), literal))
        kept = {q.object.datatype.value for q in store.quads_for_pattern(None, None, None)}
        store.clear()
        if kept != {str(XSD[name])}:
            rewritten.append(name)
    names = "|".join(sorted(rewritten)) or "(?!)"
    return re.compile(rf"\^\^<http://www\.w3\.org/2001/XMLSchema#(?:{names})>")


class _Compiler:
    """Shapes -> SPARQL. ``fragments`` gives, for a shape and the variable holding its focus
    node, the graph patterns that match when the shape is violated there; each belongs to
    one constraint (its index in ``constraints``) and may bind the result's value node."""

    def __init__(self, shapes: Graph, tree: Graph):
        self.shapes = shapes
        self.constraints: list[Constraint] = []
        self._variables = itertools.count()
        self._below: dict = {}
        for child, parent in tree.subject_objects(RDFS.subClassOf):
            self._below.setdefault(parent, set()).add(child)
        for term in (SH.rule, SH.target, SH.sparql, SH.closed, SH.qualifiedValueShape, SH.equals, SH.disjoint,
                     SH.uniqueLang, SH.targetNode):
            if next(shapes.subjects(term, None), None) is not None:
                raise UnsupportedShapes(f"the shapes use {shapes.qname(term)}, which the sparql validator does "
                                        "not implement; use --validator pyshacl")

    # ------------------------------------------------------------ queries

    def queries(self) -> list[str]:
        """One query per shape with a target: its focus nodes once (per graph), then each of
        its constraints at each of them (LATERAL: the right side sees ?g and ?f bound)."""
        targeted = {s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
                    for s in self.shapes.subjects(p, None)}
        found = []
        for shape in sorted(targeted, key=str):
            if self._deactivated(shape):
                continue
            branches = []
            for pattern, index, value in self.fragments(shape, "?f"):
                bound = f" BIND({value} AS ?value)" if value else ""
                branches.append(f"{{ {pattern} BIND({index} AS ?c){bound} }}")
            if branches:
                found.append(f"SELECT ?g ?f ?c ?value WHERE {{\n  {{ SELECT DISTINCT ?g ?f WHERE {{ {self._targets(shape)} }} }}\n"
                             "  LATERAL { GRAPH ?g {\n    " + "\n    UNION ".join(branches) + "\n  } }\n}")
        return found

    def _targets(self, shape) -> str:
        options = []
        for cls in sorted(self.shapes.objects(shape, SH.targetClass), key=str):
            classes = self._subclasses(cls)
            if len(classes) == 1:
                options.append(f"GRAPH ?g {{ ?f a {_iri(cls)} }}")
            else:  # the classes first: one look-up each, not a scan of every typed node
                t = self._fresh()
                options.append(f"VALUES {t} {{ {' '.join(_iri(c) for c in sorted(classes, key=str))} }} "
                               f"GRAPH ?g {{ ?f a {t} }}")
        for prop in sorted(self.shapes.objects(shape, SH.targetSubjectsOf), key=str):
            options.append(f"GRAPH ?g {{ ?f {_iri(prop)} {self._fresh()} }}")
        for prop in sorted(self.shapes.objects(shape, SH.targetObjectsOf), key=str):
            options.append(f"GRAPH ?g {{ {self._fresh()} {_iri(prop)} ?f }}")
        return options[0] if len(options) == 1 else "{ " + " } UNION { ".join(options) + " }"

    # ------------------------------------------------------------ shapes

    def fragments(self, shape, x: str) -> list[tuple[str, int, str | None]]:
        """(pattern, constraint index, value variable) for each way ``shape`` fails at ``x``."""
        if self._deactivated(shape):
            return []
        self._check_terms(shape)
        path = self.shapes.value(shape, SH.path)
        return self._property(shape, path, x) if path is not None else self._node(shape, x)

    def _node(self, shape, x: str) -> list:
        found = [(f"FILTER(!({test}))", self._constraint(shape, component), x)
                 for component, test in self._value_tests(shape, x)]
        found += [(f"FILTER({fails})", self._constraint(shape, component), x)
                  for component, fails in self._logic(shape, x)]
        for value in self.shapes.objects(shape, SH.hasValue):
            found.append((f"FILTER(!sameTerm({x}, {_term(value)}))", self._constraint(shape, SH.HasValueConstraintComponent), None))
        for prop in sorted(self.shapes.objects(shape, SH.property), key=str):
            found += self.fragments(prop, x)
        return found

    def _property(self, shape, path, x: str) -> list:
        sparql_path = self._path(path)
        found = []
        low = self.shapes.value(shape, SH.minCount)
        if low is not None and int(low) > 0:
            found.append((f"FILTER NOT EXISTS {{ {self._distinct(x, sparql_path, int(low))} }}",
                          self._constraint(shape, SH.MinCountConstraintComponent), None))
        high = self.shapes.value(shape, SH.maxCount)
        if high is not None:
            found.append((f"FILTER EXISTS {{ {self._distinct(x, sparql_path, int(high) + 1)} }}",
                          self._constraint(shape, SH.MaxCountConstraintComponent), None))
        for value in self.shapes.objects(shape, SH.hasValue):
            found.append((f"FILTER NOT EXISTS {{ {x} {sparql_path} {_term(value)} }}",
                          self._constraint(shape, SH.HasValueConstraintComponent), None))
        for parameter, operator in _PAIRS.items():
            for other in self.shapes.objects(shape, parameter):
                v, w = self._fresh(), self._fresh()
                test = (f"COALESCE({v} {operator} {w}, IF(isLiteral({v}) && isLiteral({w}), sameTerm(datatype({v}), "
                        f"datatype({w})) && STR({v}) {operator} STR({w}), isIRI({v}) && isIRI({w}) && STR({v}) {operator} STR({w})))")
                component = SH.LessThanConstraintComponent if parameter == SH.lessThan \
                    else SH.LessThanOrEqualsConstraintComponent
                found.append((f"{x} {sparql_path} {v} . {x} {_iri(other)} {w} . FILTER(!({test}))",
                              self._constraint(shape, component), v))
        v = self._fresh()
        for component, test in self._value_tests(shape, v):
            found.append((f"{x} {sparql_path} {v} . FILTER(!({test}))", self._constraint(shape, component), v))
        for component, fails in self._logic(shape, v):
            found.append((f"{x} {sparql_path} {v} . FILTER({fails})", self._constraint(shape, component), v))
        if next(self.shapes.objects(shape, SH.property), None) is not None:
            raise UnsupportedShapes("a property shape with its own sh:property; use --validator pyshacl")
        return found

    def _value_tests(self, shape, x: str) -> list[tuple[URIRef, str]]:
        """(component, an expression true when the value ``x`` passes), never an error."""
        tests = []
        for cls in self.shapes.objects(shape, SH["class"]):
            tests.append((SH.ClassConstraintComponent, f"EXISTS {{ {self._instance(x, cls)} }}"))
        for datatype in self.shapes.objects(shape, SH.datatype):
            tests.append((SH.DatatypeConstraintComponent, _datatype_test(x, datatype)))
        for kind in self.shapes.objects(shape, SH.nodeKind):
            if kind not in _NODE_KINDS:
                raise UnsupportedShapes(f"unknown sh:nodeKind {kind}")
            tests.append((SH.NodeKindConstraintComponent, _NODE_KINDS[kind].format(x=x)))
        for members in self.shapes.objects(shape, SH["in"]):
            options = " || ".join(f"sameTerm({x}, {_term(m)})" for m in Collection(self.shapes, members))
            tests.append((SH.InConstraintComponent, options or "false"))
        for tags in self.shapes.objects(shape, SH.languageIn):
            options = " || ".join(f'langMatches(lang({x}), "{tag}")' for tag in Collection(self.shapes, tags))
            tests.append((SH.LanguageInConstraintComponent, f"COALESCE(isLiteral({x}) && ({options or 'false'}), false)"))
        for parameter, operator, component in ((SH.minLength, ">=", SH.MinLengthConstraintComponent),
                                               (SH.maxLength, "<=", SH.MaxLengthConstraintComponent)):
            for length in self.shapes.objects(shape, parameter):
                tests.append((component, f"COALESCE(!isBlank({x}) && STRLEN(STR({x})) {operator} {int(length)}, false)"))
        for pattern in self.shapes.objects(shape, SH.pattern):
            flags = self.shapes.value(shape, SH.flags)
            tests.append((SH.PatternConstraintComponent,
                          f"COALESCE(!isBlank({x}) && REGEX(STR({x}), {_term(pattern)}, {_term(flags or Literal(''))}), false)"))
        for parameter, operator in _RANGES.items():
            for bound in self.shapes.objects(shape, parameter):
                component = next(c for c, (p, _) in _MESSAGES.items() if p == parameter)
                tests.append((component, f"COALESCE({x} {operator} {_term(bound)}, false)"))
        return tests

    def _logic(self, shape, x: str) -> list[tuple[URIRef, str]]:
        """(component, an expression true when ``x`` breaks it) for the shape-based constraints."""
        found = []
        for node in self.shapes.objects(shape, SH.node):
            found.append((SH.NodeConstraintComponent, self._fails(node, x)))
        for members in self.shapes.objects(shape, SH["and"]):
            found.append((SH.AndConstraintComponent, " || ".join(self._fails(m, x) for m in self._list(members)) or "false"))
        for members in self.shapes.objects(shape, SH["or"]):
            found.append((SH.OrConstraintComponent, " && ".join(self._fails(m, x) for m in self._list(members)) or "true"))
        for members in self.shapes.objects(shape, SH.xone):
            passing = " + ".join(f"IF({self._fails(m, x)}, 0, 1)" for m in self._list(members)) or "0"
            found.append((SH.XoneConstraintComponent, f"({passing}) != 1"))
        for negated in self.shapes.objects(shape, SH["not"]):
            found.append((SH.NotConstraintComponent, f"!{self._fails(negated, x)}"))
        return found

    def _fails(self, shape, x: str) -> str:
        """An expression true when ``x`` does not conform to ``shape``."""
        patterns = [pattern for pattern, _, _ in self.fragments(shape, x)]
        if not patterns:
            return "false"
        return "EXISTS { { " + " } UNION { ".join(patterns) + " } }"

    # ------------------------------------------------------------ pieces

    def _constraint(self, shape, component: URIRef) -> int:
        severity = self.shapes.value(shape, SH.severity) or SH.Violation
        message = self.shapes.value(shape, SH.message)
        path = self.shapes.value(shape, SH.path)
        self.constraints.append(Constraint(shape, component, path, severity,
                                           str(message) if message is not None else self._message(shape, component)))
        return len(self.constraints) - 1

    def _message(self, shape, component: URIRef) -> str:
        """What went wrong, for a shape without sh:message: "not an instance of schema:Place"."""
        parameter, template = _MESSAGES[component]
        return template.format(" and ".join(self._show(v) for v in sorted(self.shapes.objects(shape, parameter), key=str)))

    def _show(self, node) -> str:
        if isinstance(node, URIRef):
            return self.shapes.namespace_manager.normalizeUri(node)
        if isinstance(node, Literal):
            return str(node)
        if (node, RDF.first, None) in self.shapes:
            return "(" + " ".join(self._show(m) for m in Collection(self.shapes, node)) + ")"
        said = sorted((p, o) for p, o in self.shapes.predicate_objects(node) if p not in (SH.message, RDF.type))
        return "[ " + " ; ".join(f"{self._show(p)} {self._show(o)}" for p, o in said) + " ]"

    def _instance(self, x: str, cls) -> str:
        """A pattern matching when ``x`` is an instance of ``cls``: its few types are looked
        up and tested against the class and its subclasses."""
        classes = self._subclasses(cls)
        if len(classes) == 1:
            return f"{x} a {_iri(cls)} ."
        t = self._fresh()
        return f"{x} a {t} . FILTER({t} IN ({', '.join(_iri(c) for c in sorted(classes, key=str))}))"

    def _subclasses(self, cls) -> set:
        seen, todo = set(), [cls]
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(self._below.get(node, ()))
        return seen

    def _distinct(self, x: str, path: str, count: int) -> str:
        """A pattern matching when ``x`` has at least ``count`` distinct values over ``path``."""
        if count > _COUNT_LIMIT:
            raise UnsupportedShapes(f"a count above {_COUNT_LIMIT - 1} in sh:minCount or sh:maxCount")
        values = [self._fresh() for _ in range(count)]
        pattern = " ".join(f"{x} {path} {v} ." for v in values)
        different = " && ".join(f"!sameTerm({a}, {b})" for a, b in itertools.combinations(values, 2))
        return f"{pattern} FILTER({different})" if different else pattern

    def _path(self, path) -> str:
        if isinstance(path, URIRef):
            return _iri(path)
        if (path, RDF.first, None) in self.shapes:
            return "(" + "/".join(self._path(p) for p in Collection(self.shapes, path)) + ")"
        for parameter, form in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"),
                                (SH.zeroOrOnePath, "{}?")):
            inner = self.shapes.value(path, parameter)
            if inner is not None:
                return "(" + form.format(self._path(inner)) + ")"
        alternatives = self.shapes.value(path, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self._path(p) for p in Collection(self.shapes, alternatives)) + ")"
        raise UnsupportedShapes(f"the path {path} is not a SHACL path the sparql validator knows")

    def _list(self, members) -> list:
        return list(Collection(self.shapes, members))

    def _fresh(self) -> str:
        return f"?v{next(self._variables)}"

    def _deactivated(self, shape) -> bool:
        return self.shapes.value(shape, SH.deactivated) == Literal(True)

    def _check_terms(self, shape) -> None:
        known = _QUIET | {SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.languageIn, SH.minLength, SH.maxLength,
                          SH.pattern, SH.minCount, SH.maxCount, SH.hasValue, SH.node, SH["and"], SH["or"], SH.xone,
                          SH["not"], SH.property, *_RANGES, *_PAIRS}
        for predicate in self.shapes.predicates(shape, None):
            if str(predicate).startswith(str(SH)) and predicate not in known:
                raise UnsupportedShapes(f"the shapes use {self.shapes.qname(predicate)}, which the sparql validator "
                                        "does not implement; use --validator pyshacl")


def _datatype_test(x: str, datatype) -> str:
    if datatype == RDF.langString:
        test = f'isLiteral({x}) && lang({x}) != ""'
    elif datatype == RDFS.Literal:
        test = f"isLiteral({x})"
    elif datatype in _CASTS:
        test = f"isLiteral({x}) && datatype({x}) = {_iri(datatype)} && isLiteral({_iri(datatype)}(STR({x})))"
    elif _rewritten_datatypes().search(f"^^{_iri(datatype)}"):
        raise UnsupportedShapes(f"sh:datatype {datatype}: Oxigraph stores its literals as another datatype; "
                                "use --validator pyshacl")
    else:
        test = f"isLiteral({x}) && datatype({x}) = {_iri(datatype)}"
    return f"COALESCE({test}, false)"


_MESSAGES = {  # component -> (its parameter, the message of a shape without sh:message)
    SH.MinCountConstraintComponent: (SH.minCount, "fewer than {} values"),
    SH.MaxCountConstraintComponent: (SH.maxCount, "more than {} values"),
    SH.ClassConstraintComponent: (SH["class"], "not an instance of {}"),
    SH.DatatypeConstraintComponent: (SH.datatype, "not a well-formed literal of {}"),
    SH.NodeKindConstraintComponent: (SH.nodeKind, "not of node kind {}"),
    SH.InConstraintComponent: (SH["in"], "not one of {}"),
    SH.HasValueConstraintComponent: (SH.hasValue, "without the value {}"),
    SH.LanguageInConstraintComponent: (SH.languageIn, "a language not in {}"),
    SH.MinLengthConstraintComponent: (SH.minLength, "shorter than {}"),
    SH.MaxLengthConstraintComponent: (SH.maxLength, "longer than {}"),
    SH.PatternConstraintComponent: (SH.pattern, "does not match {}"),
    SH.LessThanConstraintComponent: (SH.lessThan, "not less than its {}"),
    SH.LessThanOrEqualsConstraintComponent: (SH.lessThanOrEquals, "greater than its {}"),
    SH.NodeConstraintComponent: (SH.node, "does not conform to {}"),
    SH.AndConstraintComponent: (SH["and"], "does not conform to each of {}"),
    SH.OrConstraintComponent: (SH["or"], "conforms to none of {}"),
    SH.XoneConstraintComponent: (SH.xone, "does not conform to exactly one of {}"),
    SH.NotConstraintComponent: (SH["not"], "conforms to {}, which it must not"),
    SH.MinInclusiveConstraintComponent: (SH.minInclusive, "less than {}"),
    SH.MaxInclusiveConstraintComponent: (SH.maxInclusive, "greater than {}"),
    SH.MinExclusiveConstraintComponent: (SH.minExclusive, "not greater than {}"),
    SH.MaxExclusiveConstraintComponent: (SH.maxExclusive, "not less than {}"),
}


def _iri(node) -> str:
    return f"<{node}>"


def _term(node) -> str:
    if isinstance(node, URIRef):
        return _iri(node)
    if isinstance(node, BNode):
        raise UnsupportedShapes("a blank node as a value in the shapes")
    text = str(node).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if node.language:
        return f'"{text}"@{node.language}'
    if node.datatype and node.datatype != XSD.string:
        return f'"{text}"^^{_iri(node.datatype)}'
    return f'"{text}"'
