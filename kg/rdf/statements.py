"""An article's statements as kg's N-Triples lines: the sink kg.rdf.graph writes to.

kg.rdf.graph says which statements an article makes, one ``graph.add((s, p, o))`` each, as
it would to an rdflib Graph. This sink turns each statement into its N-Triples line at once,
keeps the lines as a set (a statement made twice is one) and gives them sorted: the form the
validator, the writers, the store and the worker processes take. No rdflib term or Graph is
made on the way (they cost more than spaCy's parse of the article); an rdflib Graph is made
of the lines only when a caller asks for one (kg.pipeline.Built.graph).

Subjects and predicates are IRIs, given as strings or rdflib URIRefs (kg.vocab's namespaces
give those); an object is an IRI, a ``Literal`` of this module, or an rdflib Literal.
"""

from __future__ import annotations

from datetime import date

from rdflib import Literal as RdflibLiteral
from rdflib.namespace import XSD

from .output import nt_iri, nt_literal, term

_XSD_STRING = str(XSD.string)


class Literal:
    """A literal: its lexical form and its N-Triples text, made at once. The same arguments
    as rdflib's Literal: ``Literal("Rotterdam", lang="en")``, ``Literal(84, datatype=XSD.integer)``;
    an int, bool or date without a datatype takes rdflib's (xsd:integer, xsd:boolean, xsd:date)."""

    __slots__ = ("value", "nt")

    def __init__(self, value, lang: str | None = None, datatype=None):
        if not isinstance(value, str):
            value, datatype = _lexical(value, datatype)
        self.value = value
        self.nt = nt_literal(value, lang, None if datatype is None or str(datatype) == _XSD_STRING else str(datatype))

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Literal({self.nt})"


def _lexical(value, datatype) -> tuple[str, object]:
    if isinstance(value, bool):
        return ("true" if value else "false"), datatype or XSD.boolean
    if isinstance(value, int):
        return str(value), datatype or XSD.integer
    if isinstance(value, date):
        return value.isoformat(), datatype or (XSD.date if type(value) is date else XSD.dateTime)
    raise TypeError(f"kg's Literal takes a str, int, bool or date (got {type(value).__name__})")


class Statements:
    """One article's statements, as a set of N-Triples lines."""

    def __init__(self):
        self._lines: set[str] = set()
        self._iris: dict[str, str] = {}
        self._first: dict[tuple, object] = {}

    def add(self, statement: tuple) -> None:
        subject, predicate, thing = statement
        iris = self._iris
        s = iris.get(subject) or iris.setdefault(subject, nt_iri(subject))
        p = iris.get(predicate) or iris.setdefault(predicate, nt_iri(predicate))
        if isinstance(thing, Literal):
            o = thing.nt
        elif isinstance(thing, str) and not isinstance(thing, RdflibLiteral):  # an IRI
            o = iris.get(thing) or iris.setdefault(thing, nt_iri(thing))
        else:
            o = term(thing)
        self._lines.add(f"{s} {p} {o} .\n")
        self._first.setdefault((subject, predicate), thing)

    def value(self, subject, predicate):
        """The first object given for ``subject`` and ``predicate``, or None (as rdflib's
        Graph.value, for a property with one value)."""
        return self._first.get((subject, predicate))

    def __len__(self) -> int:
        return len(self._lines)

    def ntriples(self) -> str:
        """The statements as kg's sorted N-Triples (what kg.rdf.output.ntriples gives of the
        same statements in an rdflib Graph)."""
        return "".join(sorted(self._lines))
