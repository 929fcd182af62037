"""Broken copies of a graph, generated from the shapes: the inputs of the differential test.

For every shape with a target, one focus node of the graph is picked (for each property, one
that has a value there when any has), and for each constraint on it the graph is broken the
way that constraint is there to catch: a required value removed, a value added past
sh:maxCount, a literal of another datatype, an ill-formed literal of the right datatype
("2008-02-30"^^xsd:date), a node of another class, a literal where an IRI belongs, a begin
that is not before its end, another language, a value outside sh:in, a string too short, a
number below its minimum, a focus that is a blank node, a second alternative of sh:xone.
The shapes nested under sh:node, sh:or, sh:xone and sh:and are broken at the same focus.
Nothing here names kg's shapes, so a new shape or property is covered when it is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

# Lexical forms that are ill-formed for a datatype (XSD facts, not kg's)
ILL_FORMED = {XSD.date: "2008-02-30", XSD.gYearMonth: "2008-13", XSD.gYear: "20x8", XSD.integer: "1.5",
              XSD.dateTime: "2008-02-30T10:00:00", XSD.boolean: "maybe", XSD.decimal: "1,5"}
# Well-formed values of a datatype, for a value added beside or instead of another
OTHER_VALUES = {XSD.date: ("1999-05-04", "1999-05-05", "1999-05-06"), XSD.gYearMonth: ("1999-05", "1999-06", "1999-07"),
                XSD.gYear: ("1999", "2001", "2003"), XSD.integer: ("7", "8", "9"), XSD.boolean: ("true", "false"),
                XSD.decimal: ("1.5", "2.5", "3.5"), XSD.dateTime: ("1999-05-04T10:00:00", "1999-05-04T11:00:00")}
KINDS = ("removed", "doubled", "wrong datatype", "ill-formed literal", "wrong class", "literal for an IRI",
         "begin not before end", "other language", "not in the list", "too short", "below the minimum",
         "blank focus", "two alternatives", "value it must not have", "required value replaced")


@dataclass(frozen=True)
class Variant:
    kind: str
    where: str  # the shape, the property and the focus node broken
    graph: Graph


class Breaker:
    """Generates the variants of graphs against one shapes graph and class tree."""

    def __init__(self, shapes: Graph, tree: Graph):
        self.shapes = shapes
        self._below: dict = {}
        for child, parent in tree.subject_objects(RDFS.subClassOf):
            self._below.setdefault(parent, set()).add(child)
        self.classes = sorted({c for pair in tree.subject_objects(RDFS.subClassOf) for c in pair}, key=str)

    def variants(self, graph: Graph) -> list[Variant]:
        found: list[Variant] = []
        for shape in sorted({s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
                             for s in self.shapes.subjects(p, None)}, key=str):
            focus = self._focus_nodes(graph, shape)
            if focus:
                found += self._break(graph, shape, focus, self._name(shape))
        unique = {(v.kind, v.where): v for v in found}  # members of one sh:or break a focus alike
        return list(unique.values())

    # ------------------------------------------------------------ shapes

    def _break(self, graph: Graph, shape, focus: list, where: str) -> list[Variant]:
        path = self.shapes.value(shape, SH.path)
        if path is not None:
            return self._break_property(graph, shape, path, focus, where) if isinstance(path, URIRef) else []
        node = focus[0]
        found = []
        if self.shapes.value(shape, SH.nodeKind) == SH.IRI and isinstance(node, URIRef):
            found.append(self._variant(graph, "blank focus", f"{where} at {node}", lambda g: _rename(g, node, BNode())))
        classes = list(self.shapes.objects(shape, SH["class"]))
        for members in self.shapes.objects(shape, SH["or"]):
            classes += [c for m in Collection(self.shapes, members) for c in self.shapes.objects(m, SH["class"])]
        if classes and (other := self._outside(classes)) is not None:
            found.append(self._variant(graph, "wrong class", f"{where} at {node}: a {other}",
                                       lambda g: _retype(g, node, other)))
        for nested in [*self.shapes.objects(shape, SH.node), *self.shapes.objects(shape, SH.property)]:
            found += self._break(graph, nested, focus, f"{where}/{self._name(nested)}")
        for logic in (SH["or"], SH["and"], SH.xone):
            for members in self.shapes.objects(shape, logic):
                for member in Collection(self.shapes, members):
                    found += self._break(graph, member, focus, f"{where}/{self._name(member)}")
        for members in self.shapes.objects(shape, SH.xone):
            found += self._second_alternative(graph, list(Collection(self.shapes, members)), focus, where)
        return found

    def _break_property(self, graph: Graph, shape, path: URIRef, focus: list, where: str) -> list[Variant]:
        node = next((f for f in focus if (f, path, None) in graph), focus[0])
        values = sorted(graph.objects(node, path), key=str)
        where = f"{where} {self._name(path)} at {node}"
        found = []

        def add(kind, change):
            found.append(self._variant(graph, kind, where, change))

        def replace(new):
            return lambda g: (g.remove((node, path, values[0])), g.add((node, path, new)))

        low, high = self.shapes.value(shape, SH.minCount), self.shapes.value(shape, SH.maxCount)
        if low is not None and int(low) > 0 and values:
            add("removed", lambda g: g.remove((node, path, None)))
        if high is not None and int(high) == 0:
            add("value it must not have", lambda g: g.add((node, path, focus[-1] if focus[-1] != node else URIRef("urn:x:other"))))
        if high is not None and int(high) > 0 and values:
            add("doubled", lambda g: [g.add((node, path, _another(values[0], i))) for i in range(int(high))])
        if not values:
            return found
        value = values[0]
        for datatype in self.shapes.objects(shape, SH.datatype):
            add("wrong datatype", replace(_other_datatype(datatype, value)))
            if datatype in ILL_FORMED:
                add("ill-formed literal", replace(Literal(ILL_FORMED[datatype], datatype=datatype)))
        for cls in self.shapes.objects(shape, SH["class"]):
            other = self._not_instance(graph, cls)
            if other is not None:
                add("wrong class", replace(other))
            add("literal for an IRI", replace(Literal(str(value))))
        if self.shapes.value(shape, SH.nodeKind) in (SH.IRI, SH.BlankNodeOrIRI):
            add("literal for an IRI", replace(Literal(str(value))))
        for other in self.shapes.objects(shape, SH.lessThan):
            bound = graph.value(node, other)
            if bound is not None:
                add("begin not before end", replace(bound))
        if next(self.shapes.objects(shape, SH.languageIn), None) is not None and isinstance(value, Literal):
            add("other language", replace(Literal(str(value), lang="fr")))
        if next(self.shapes.objects(shape, SH["in"]), None) is not None:
            add("not in the list", replace(URIRef(f"{value}Variant")))
        for required in self.shapes.objects(shape, SH.hasValue):
            add("required value replaced", lambda g, r=required: (g.remove((node, path, r)), g.add((node, path, URIRef(f"{r}Variant")))))
        if self.shapes.value(shape, SH.minLength) is not None and isinstance(value, Literal):
            add("too short", replace(Literal("", lang=value.language, datatype=value.datatype)))
        for bound in self.shapes.objects(shape, SH.minInclusive):
            add("below the minimum", replace(Literal(int(bound) - 1, datatype=bound.datatype)))
        for nested in self.shapes.objects(shape, SH.node):
            found += self._break(graph, nested, [v for v in values if not isinstance(v, Literal)] or [value], where)
        return found

    def _second_alternative(self, graph: Graph, members: list, focus: list, where: str) -> list[Variant]:
        node = focus[0]
        found = []
        for member in members:
            path, datatype = self.shapes.value(member, SH.path), self.shapes.value(member, SH.datatype)
            if isinstance(path, URIRef) and (node, path, None) not in graph and datatype in OTHER_VALUES:
                found.append(self._variant(graph, "two alternatives", f"{where} {self._name(path)} at {node}",
                                           lambda g, p=path, d=datatype: g.add((node, p, Literal(OTHER_VALUES[d][0], datatype=d)))))
        return found

    # ------------------------------------------------------------ nodes

    def _focus_nodes(self, graph: Graph, shape) -> list:
        found = set()
        for cls in self.shapes.objects(shape, SH.targetClass):
            below = self._subclasses(cls)
            found |= {s for s, o in graph.subject_objects(RDF.type) if o in below}
        for prop in self.shapes.objects(shape, SH.targetSubjectsOf):
            found |= set(graph.subjects(prop, None))
        for prop in self.shapes.objects(shape, SH.targetObjectsOf):
            found |= set(graph.objects(None, prop))
        return sorted(found, key=str)

    def _subclasses(self, cls) -> set:
        seen, todo = set(), [cls]
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(self._below.get(node, ()))
        return seen

    def _outside(self, classes: list):
        """A class of the tree under none of ``classes`` (and not above one of them)."""
        inside = set().union(*(self._subclasses(c) for c in classes))
        return next((c for c in self.classes if c not in inside and not self._subclasses(c) & set(classes)), None)

    def _not_instance(self, graph: Graph, cls):
        below = self._subclasses(cls)
        for node in sorted(set(graph.subjects(RDF.type, None)), key=str):
            if isinstance(node, URIRef) and not set(graph.objects(node, RDF.type)) & below:
                return node
        return None

    def _variant(self, graph: Graph, kind: str, where: str, change) -> Variant:
        broken = Graph(bind_namespaces="none")
        broken += graph
        change(broken)
        return Variant(kind, where, broken)

    def _name(self, node) -> str:
        return self.shapes.qname(node) if isinstance(node, URIRef) else "[]"


def _rename(graph: Graph, old, new) -> None:
    for s, p, o in list(graph):
        if old in (s, o):
            graph.remove((s, p, o))
            graph.add((new if s == old else s, p, new if o == old else o))


def _retype(graph: Graph, node, cls) -> None:
    graph.remove((node, RDF.type, None))
    graph.add((node, RDF.type, cls))


def _another(value, n: int):
    """The n-th value like ``value`` but another one."""
    if isinstance(value, URIRef):
        return URIRef(f"{value}-another{n}")
    if isinstance(value, BNode):
        return BNode()
    if value.datatype in OTHER_VALUES:
        return Literal([v for v in OTHER_VALUES[value.datatype] if v != str(value)][n], datatype=value.datatype)
    return Literal(f"{value} another{n}", lang=value.language, datatype=value.datatype)


def _other_datatype(datatype, value) -> Literal:
    """``value`` as a literal of another datatype than ``datatype``."""
    if datatype == XSD.string:
        return Literal("7", datatype=XSD.integer)
    return Literal(str(value))  # a plain string
