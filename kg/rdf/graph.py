"""The only module that creates triples: an Extraction becomes the statements of its graph.

The statements go to a kg.rdf.statements.Statements, which keeps them as sorted N-Triples
lines (an rdflib Graph of them is made only where a caller asks for one).

IRIs come from content: the article's id, an entity's link or its (coarse type, name),
a time's value, an event's trigger offset and lemma. Never from counters or clocks.
"""

from __future__ import annotations

from rdflib import URIRef

from kg.model import Entity, Event, Extraction, Span
from kg.times.values import bounds, xsd
from kg.vocab import DCT, GAF, GEONAMES, KGO, NIF, OWL, RDF, RDFS, SCHEMA, SEM, SKOS, TIME, XSD, expand
from kg.vocab.resources import coarse_type

from .iris import id_segment, slug
from .statements import Literal, Statements

VALUE_PROPERTY = {  # the XSD type that holds a time's value -> (OWL-Time property, datatype)
    "date": (TIME.inXSDDate, XSD.date),
    "gYearMonth": (TIME.inXSDgYearMonth, XSD.gYearMonth),
    "gYear": (TIME.inXSDgYear, XSD.gYear),
    "dateTime": (TIME.inXSDDateTime, XSD.dateTime),
}
FACTUALITY = {name: KGO[name.capitalize()] for name in
              ("asserted", "negated", "threatened", "planned", "expected", "requested", "possible")}
TENSE = {"past": KGO.Past, "present": KGO.Present, "future": KGO.Future}


def article_iri(base: str, article_id: str) -> URIRef:
    return URIRef(f"{base}article/{id_segment(article_id)}")


def time_iri(base: str, value: str, zone: str | None = None, article: URIRef | None = None) -> URIRef:
    """A date, a month, a week ... is the same node in every article; a clock time without a
    zone, "now", or a fiscal year stays inside its article (10:35 in Nairobi is not 10:35 in New
    York, and one company's fiscal 2009 is not another's)."""
    kind = xsd(value, zone)
    if article is not None and (value.endswith("_REF") or value.startswith("FY")
                                or (kind and kind[0] == "dateTime" and not zone)):
        return URIRef(f"{article}/time/{value}")
    return URIRef(f"{base}time/{value}{zone or ''}")


def _entity_nodes(base: str, entities, article: URIRef) -> dict[str, URIRef]:
    """Entity key -> IRI, one IRI per entity: minting is injective over the entities of an
    article. Things the entity stages told apart but whose names give one IRI (two men called
    "Kim", keys "Person:kim" and "Person:kim#2"; "Police" opening a sentence and "police"
    later, which the stages kept apart) stay two nodes: the one mentioned later carries where
    it is first mentioned, inside its article (a shared IRI is for what the name alone
    identifies). Otherwise one name is one node, as everywhere."""
    nodes: dict[str, URIRef] = {}
    taken: set[URIRef] = set()
    for entity in sorted(entities, key=lambda e: (e.mentions[0].start if e.mentions else -1, e.key)):
        iri = entity_iri(base, entity, article)
        if iri in taken:
            start = entity.mentions[0].start if entity.mentions else slug(entity.key)
            scoped = iri if str(iri).startswith(f"{article}/") else \
                URIRef(f"{article}/entity/{coarse_type(entity.type)}/{slug(entity.label)}")
            iri = URIRef(f"{scoped}-{start}")
        taken.add(iri)
        nodes[entity.key] = iri
    return nodes


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


def build_graph(extraction: Extraction, base: str, *, with_text: bool = False) -> Statements:
    """All statements kg makes about one article; with ``with_text``, the article's text too,
    as NIF's nif:isString on the article (the context every mention's offsets index)."""
    graph = Statements()
    article = extraction.article
    doc = article_iri(base, article.id)
    text = article.text

    def mention(span: Span) -> URIRef:
        node = URIRef(f"{doc}#char={span.start},{span.end}")
        graph.add((node, RDF.type, NIF.OffsetBasedString))
        # xsd:integer, not NIF's xsd:nonNegativeInteger: Oxigraph stores (and so kg --store, kg
        # export and a loaded server) turn the one into the other; the shapes ask for >= 0
        graph.add((node, NIF.beginIndex, Literal(span.start, datatype=XSD.integer)))
        graph.add((node, NIF.endIndex, Literal(span.end, datatype=XSD.integer)))
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
        node = _add_time(graph, tm.value, tm.zone, base, doc)
        instants.setdefault(tm.value, node)
        graph.add((node, GAF.denotedBy, mention(tm.span)))

    for event in extraction.events:
        _add_event(graph, event, doc, nodes, instants, base, mention)
    return graph


def _add_time(graph: Statements, value: str, zone: str | None, base: str, article: URIRef) -> URIRef:
    """A time's node: a time:Instant with the XSD value that holds it (a date, month, year or
    date-time), or, for what XSD has no type for (a week, a quarter, a season, a decade), a
    time:ProperInterval with its first and last day where those are exact. Both carry the
    TimeML value (kgo:timexValue), which says what XSD cannot ("2020-Q2", "2020-06-16TMO")."""
    node = time_iri(base, value, zone, article)
    kind = xsd(value, zone)
    graph.add((node, RDFS.label, Literal(value)))
    graph.add((node, KGO.timexValue, Literal(value)))
    if kind is not None:
        prop, datatype = VALUE_PROPERTY[kind[0]]
        graph.add((node, RDF.type, TIME.Instant))
        graph.add((node, prop, Literal(kind[1], datatype=datatype)))
    elif value == "PRESENT_REF":
        graph.add((node, RDF.type, TIME.Instant))
    else:
        graph.add((node, RDF.type, TIME.ProperInterval))
        span = bounds(value)
        if span is not None:
            graph.add((node, TIME.hasBeginning, _add_time(graph, span[0].isoformat(), None, base, article)))
            graph.add((node, TIME.hasEnd, _add_time(graph, span[1].isoformat(), None, base, article)))
    return node


def _add_entity(graph: Statements, entity: Entity, nodes: dict, mention) -> None:
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


def _add_event(graph: Statements, event: Event, doc: URIRef, nodes: dict, instants: dict, base: str, mention) -> None:
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
    for amount in event.extents:
        graph.add((node, KGO.extent, Literal(amount.text)))
    # Only what the text says happened gets sem:hasTime and sem:hasPlace; a threat or a plan
    # gets the time and place it was meant for, so that no query for what happened finds it.
    when_property, where_property = (SEM.hasTime, SEM.hasPlace) if event.asserted else (KGO.intendedTime,
                                                                                        KGO.intendedPlace)
    when = instants.get(event.time) if event.time else None
    if when is not None:
        graph.add((node, when_property, when))
    for key in event.places:
        if key in nodes:
            graph.add((node, where_property, nodes[key]))


def _event_label(event: Event, graph: Statements, nodes: dict) -> str:
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
