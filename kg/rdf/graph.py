"""The only module that creates triples: an Extraction becomes an rdflib Graph.

IRIs come from content: the article's id, an entity's link or its (coarse type, name),
a time's value, an event's trigger offset and lemma. Never from counters or clocks.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.model import Entity, Event, Extraction, Span
from kg.vocab import DCT, GAF, GEONAMES, KGO, NIF, SCHEMA, SEM, TIME, expand
from kg.vocab.resources import coarse_type

from .iris import id_segment, slug

VALUE_PROPERTY = {  # length of the value -> (OWL-Time property, datatype)
    10: (TIME.inXSDDate, XSD.date),
    7: (TIME.inXSDgYearMonth, XSD.gYearMonth),
    4: (TIME.inXSDgYear, XSD.gYear),
}
FACTUALITY = {name: KGO[name.capitalize()] for name in
              ("asserted", "negated", "threatened", "planned", "expected", "requested", "possible")}
TENSE = {"past": KGO.Past, "present": KGO.Present, "future": KGO.Future}


def article_iri(base: str, article_id: str) -> URIRef:
    return URIRef(f"{base}article/{id_segment(article_id)}")


def time_iri(base: str, value: str) -> URIRef:
    return URIRef(f"{base}time/{value}")


def _entity_nodes(base: str, entities, article: URIRef) -> dict[str, URIRef]:
    """Entity key -> IRI. Things of one article that the entity stages told apart on purpose
    but whose names give one IRI (two men called "Kim", keys "Person:kim" and "Person:kim#2";
    "workers" on strike and other "workers", "nominal:worker:True" and "...:True:1006") stay
    two nodes: the one mentioned later carries where it is first mentioned. Otherwise one
    name is one node, as everywhere."""
    nodes: dict[str, URIRef] = {}
    used: dict[URIRef, set[str]] = {}
    for entity in sorted(entities, key=lambda e: (e.mentions[0].start if e.mentions else -1, e.key)):
        iri = entity_iri(base, entity, article)
        stem = _unsplit(entity.key)
        if entity.article_scoped and entity.mentions and stem in used.get(iri, ()) and stem != entity.key:
            iri = URIRef(f"{iri}-{entity.mentions[0].start}")
        used.setdefault(iri, set()).add(stem)
        nodes[entity.key] = iri
    return nodes


def _unsplit(key: str) -> str:
    """The key a thing was told apart from: "Person:kim" for "Person:kim#2", "nominal:worker:True"
    for "nominal:worker:True:1006"."""
    if key.startswith("nominal:"):
        return ":".join(key.split(":")[:3])
    return key.split("#", 1)[0]


def entity_iri(base: str, entity: Entity, article: URIRef) -> URIRef:
    """Shared across articles: from the GeoNames link, else from (coarse type, name);
    an entity known only by a surname stays inside its article."""
    for link in entity.same_as:
        if link.startswith(str(GEONAMES)):
            return URIRef(f"{base}entity/geonames/{link[len(GEONAMES):].strip('/')}")
    kind = coarse_type(entity.type)
    if entity.article_scoped:
        return URIRef(f"{article}/entity/{kind}/{slug(entity.label)}")
    return URIRef(f"{base}entity/{kind}/{slug(entity.label)}")


def build_graph(extraction: Extraction, base: str, *, with_text: bool = False) -> Graph:
    """All statements kg makes about one article; with ``with_text``, the article's text too,
    as NIF's nif:isString on the article (the context every mention's offsets index)."""
    graph = Graph(store="SimpleMemory", bind_namespaces="none")  # no contexts: a third faster to fill
    article = extraction.article
    doc = article_iri(base, article.id)
    text = article.text

    def mention(span: Span) -> URIRef:
        node = URIRef(f"{doc}#char={span.start},{span.end}")
        graph.add((node, RDF.type, NIF.OffsetBasedString))
        graph.add((node, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        graph.add((node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        graph.add((node, NIF.anchorOf, Literal(text[span.start : span.end])))
        graph.add((node, NIF.referenceContext, doc))
        return node

    graph.add((doc, RDF.type, SCHEMA.NewsArticle))
    graph.add((doc, DCT.identifier, Literal(article.id)))
    if article.title:
        graph.add((doc, DCT.title, Literal(article.title)))
    if article.published:
        graph.add((doc, DCT.created, Literal(article.published.isoformat(), datatype=XSD.date)))
    if article.url and _is_iri(article.url):
        graph.add((doc, SCHEMA.url, URIRef(article.url)))
    if with_text:
        graph.add((doc, NIF.isString, Literal(text)))

    nodes = _entity_nodes(base, extraction.entities, doc)
    for entity in extraction.entities:
        _add_entity(graph, entity, nodes, mention)
    publisher = _publisher(extraction)
    if publisher is not None:
        graph.add((doc, DCT.publisher, nodes[publisher.key]))

    instants = {}
    for tm in extraction.times:
        node = instants.setdefault(tm.value, time_iri(base, tm.value))
        prop, datatype = VALUE_PROPERTY[len(tm.value)]
        graph.add((node, RDF.type, TIME.Instant))
        graph.add((node, prop, Literal(tm.value, datatype=datatype)))
        graph.add((node, RDFS.label, Literal(tm.value)))
        graph.add((node, GAF.denotedBy, mention(tm.span)))

    for event in extraction.events:
        _add_event(graph, event, doc, nodes, instants, base, mention)
    return graph


def _add_entity(graph: Graph, entity: Entity, nodes: dict, mention) -> None:
    node = nodes[entity.key]
    graph.add((node, RDF.type, expand(entity.type)))
    graph.add((node, RDFS.label, Literal(entity.label, lang="en")))
    for alias in entity.aliases:
        if alias != entity.label:
            graph.add((node, SKOS.altLabel, Literal(alias, lang="en")))
    for link in entity.same_as:
        graph.add((node, OWL.sameAs, URIRef(link)))
    if entity.contained_in in nodes and entity.contained_in != entity.key:
        graph.add((node, SCHEMA.containedInPlace, nodes[entity.contained_in]))
    for span in entity.mentions:
        graph.add((node, GAF.denotedBy, mention(span)))


def _add_event(graph: Graph, event: Event, doc: URIRef, nodes: dict, instants: dict, base: str, mention) -> None:
    node = URIRef(f"{doc}/event/{event.trigger.start}-{slug(event.lemma)}")
    graph.add((node, RDF.type, SEM.Event))
    graph.add((node, RDF.type, expand(event.type)))
    graph.add((node, RDFS.label, Literal(_event_label(event, graph, nodes), lang="en")))
    graph.add((node, KGO.lemma, Literal(event.lemma)))
    graph.add((node, KGO.factuality, FACTUALITY[event.factuality]))
    graph.add((node, KGO.tense, TENSE[event.tense]))
    for span in (event.trigger, *event.mentions):
        graph.add((node, GAF.denotedBy, mention(span)))
    for key in event.agents:
        if key in nodes:
            graph.add((node, KGO.agent, nodes[key]))
    for key in event.patients:
        if key in nodes:
            graph.add((node, KGO.patient, nodes[key]))
    when = instants.get(event.time) if event.time else None
    if event.asserted:  # only what the text says happened gets a time and a place
        if when is not None:
            graph.add((node, SEM.hasTime, when))
        for key in event.places:
            if key in nodes:
                graph.add((node, SEM.hasPlace, nodes[key]))
    elif when is not None:
        graph.add((node, KGO.intendedTime, when))


def _event_label(event: Event, graph: Graph, nodes: dict) -> str:
    def names(keys):
        return " and ".join(str(graph.value(nodes[k], RDFS.label)) for k in keys if k in nodes)

    label = event.lemma
    if event.agents and names(event.agents):
        label = f"{names(event.agents)}: {label}"
    if event.patients and names(event.patients):
        label = f"{label} {names(event.patients)}"
    if not event.asserted:
        label = f"{label} ({event.factuality})"
    return label


def _publisher(extraction: Extraction) -> Entity | None:
    span = extraction.layout.publisher
    if span is None:
        return None
    return next((e for e in extraction.entities if any(m.start <= span.start < m.end for m in e.mentions)), None)


def _is_iri(value: str) -> bool:
    return value.startswith(("http://", "https://")) and not any(c in value for c in ' <>"{}|\\^`\n\t')
