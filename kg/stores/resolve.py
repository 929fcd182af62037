"""Identity across articles for what no identifier links: owl:sameAs in a named graph of its own.

kg mints an entity's IRI from its name and coarse type, so "Airbus" is one node in every
article; two articles that name one organisation differently ("the International Committee of
the Red Cross", "the Red Cross") make two. Resolution links such nodes of different articles
when the label of one is a name (label or alias) of the other and their classes are compatible;
the links go to the graph ``{base}graph/same-as``, which a new run replaces, so re-running after
new articles arrive gives the links of the whole corpus, and the same corpus gives the same bytes.

Never linked, since a wrong merge costs more than a missed one:
  * on a person's one-word name ("Smith"): two people share surnames; a person's full name of
    two words or more is needed;
  * on a name that is no proper name (no capital letter: "the company", "liaison office");
  * nodes kg kept inside their article (a person known by one name, a description);
  * two nodes linked to different external identifiers (two GeoNames places, two Wikidata items);
  * a person with anything but a person, a place with a GeoNames link with anything but itself.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph
from rdflib import Graph, URIRef
from rdflib.namespace import OWL

from kg.linking.gazetteer import name_key
from kg.vocab import NIF, PREFIXES, SCHEMA, SEM, TIME
from kg.vocab.resources import coarse_type

from .embedded import open_store, replace_graph

SAME_AS_GRAPH = "graph/same-as"  # under the base IRI
_LABEL = str(PREFIXES["rdfs"]) + "label"
_ALT = str(PREFIXES["skos"]) + "altLabel"
_TYPE = str(PREFIXES["rdf"]) + "type"
_SAME = str(OWL.sameAs)
_KEPT = {_LABEL, _ALT, _TYPE, _SAME}
_NOT_ENTITIES = {str(SEM.Event), str(TIME.Instant), str(SCHEMA.NewsArticle), str(NIF.OffsetBasedString)}
_MERGEABLE = {"organization", "place", "product"}  # coarse types a tagger confuses for one named thing


@dataclass
class Node:
    """What resolution knows of one entity node: its names, classes, links and articles."""

    iri: str
    label: str = ""
    aliases: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)  # external IRIs (owl:sameAs)
    articles: set[str] = field(default_factory=set)

    @property
    def coarse(self) -> str:
        kinds = {coarse_type(_curie(t)) for t in self.types if _curie(t)}
        return next((k for k in ("person", "organization", "place", "product", "event") if k in kinds), "thing")


def same_as_graph(base: str) -> URIRef:
    return URIRef(f"{base}{SAME_AS_GRAPH}")


def resolve_store(path, base: str) -> tuple[int, int]:
    """Link the nodes of different articles of the store at ``path`` that name one thing;
    (nodes linked, entities they make). Replaces the store's same-as graph."""
    name = same_as_graph(base)
    with open_store(path, create=False) as store:
        nodes: dict[str, Node] = {}
        for quad in store.quads_for_pattern(None, None, None, None):
            if isinstance(quad.graph_name, pyoxigraph.NamedNode) and quad.graph_name.value != str(name):
                _note(nodes, quad.graph_name.value, quad.subject, quad.predicate.value, quad.object)
        graph = links(nodes.values(), base)
        replace_graph(store, name, graph)
    return _counts(graph)


def naming_lines(lines: str) -> str:
    """The N-Triples lines of an article that resolution reads: labels, aliases, classes, links."""
    return "".join(line + "\n" for line in lines.splitlines() if any(f"> <{p}> " in line for p in _KEPT))


def resolve_lines(articles: list[tuple[str, str]], base: str) -> Graph:
    """The same-as graph of built articles given as (article IRI, N-Triples; naming_lines
    of them are enough)."""
    nodes: dict[str, Node] = {}
    for article, lines in articles:
        for triple in pyoxigraph.parse(naming_lines(lines), format=pyoxigraph.RdfFormat.N_TRIPLES):
            _note(nodes, article, triple.subject, triple.predicate.value, triple.object)
    return links(nodes.values(), base)


def links(nodes, base: str) -> Graph:
    """owl:sameAs from every node of an entity found in several articles to the first of its
    nodes in IRI order."""
    candidates = [n for n in nodes if n.label and n.types and not _kept_inside(n) and n.coarse != "thing"]
    by_label: dict[str, list[Node]] = defaultdict(list)
    for node in candidates:
        by_label[name_key(node.label)].append(node)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for node in sorted(candidates, key=lambda n: n.iri):
        for alias in sorted({node.label} | node.aliases):
            key = name_key(alias)
            if not _proper(alias, node):
                continue
            for other in by_label.get(key, ()):
                if other.iri != node.iri and _compatible(node, other, alias):
                    a, b = sorted((find(node.iri), find(other.iri)))
                    if a != b:
                        parent[b] = a
    graph = Graph(bind_namespaces="none")
    for iri in sorted(parent):
        root = find(iri)
        if root != iri:
            graph.add((URIRef(iri), OWL.sameAs, URIRef(root)))
    return graph


def _note(nodes: dict[str, Node], article: str, subject, predicate: str, obj) -> None:
    if not isinstance(subject, pyoxigraph.NamedNode) or predicate not in _KEPT:
        return
    node = nodes.setdefault(subject.value, Node(subject.value))
    node.articles.add(article)
    if predicate == _LABEL:
        node.label = min(filter(None, (node.label, obj.value)))
    elif predicate == _ALT:
        node.aliases.add(obj.value)
    elif predicate == _TYPE:
        node.types.add(obj.value)
    elif isinstance(obj, pyoxigraph.NamedNode):
        node.links.add(obj.value)


def _kept_inside(node: Node) -> bool:
    """kg's own decision that the name alone says nothing across articles: the node's IRI lies
    under an article's; and nodes that are not entities."""
    return "/article/" in node.iri and "/entity/" in node.iri or bool(node.types & _NOT_ENTITIES)


def _proper(name: str, node: Node) -> bool:
    """A proper name that may carry identity: with a capital letter, and for a person at least
    two words ("Smith" alone is anyone's surname)."""
    words = name_key(name).split()
    if not words or not any(c.isupper() for c in name):
        return False
    return len(words) >= 2 or node.coarse != "person"


def _compatible(a: Node, b: Node, name: str) -> bool:
    if a.articles == b.articles and len(a.articles) == 1:
        return False  # within one article kg decided already, on more evidence
    if a.links and b.links and not a.links & b.links:
        return False  # two different external identifiers: two things
    if a.coarse == b.coarse:
        return a.coarse != "place" or not (a.links and b.links) or bool(a.links & b.links)
    if "person" in (a.coarse, b.coarse):
        return False
    geonames = any("geonames" in link for link in a.links | b.links)
    return {a.coarse, b.coarse} <= _MERGEABLE and not geonames and len(name_key(name).split()) >= 2


def _curie(iri: str) -> str | None:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)) and prefix in ("schema", "kgo"):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return None


def _counts(graph: Graph) -> tuple[int, int]:
    roots = {str(o) for o in graph.objects(None, OWL.sameAs)}
    return len(graph) + len(roots), len(roots)

