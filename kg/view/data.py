"""What the page shows, read from a graph with SPARQL: articles, entities, events, mentions.

The graph is read by its vocabulary (README, "The graph"), with the queries in queries/*.rq
run by kg's pyoxigraph layer (kg.stores.sparql); a property the page does not know is left
alone. The result is plain data for JSON, every list sorted, so the same graph gives the
same page. Its shape, which view.js reads:

    title     the page's title
    articles  [{iri, id, title, date, url, text}]      text is null unless built --with-text
    classes   [{iri, curie, label}]                     every class an entity or event has
    entities  [{iri, label, kind, classes, alt, same, in, mentions}]
    events    [{iri, label, lemma, cls, fact, tense, time, article, agents, patients,
                places, mentions}]

``kind`` is person | organization | place | product | event | thing; ``classes``, ``cls``
and ``in`` are indexes into classes and entities; agents, patients and places index
entities. An entity's mention is [article, begin, end] and an event's [begin, end]
(offsets in UTF-16 code units, as JavaScript counts), each with its words appended when the
article has no text. ``time`` is null or {value, precision, start, end, intended}:
precision is year | quarter | month | day | instant (start and end ISO dates bounding the
value, end exclusive), or null for a value the page cannot place (then it is undated);
``intended`` is true for kgo:intendedTime, the date of what was only threatened or planned.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache
from importlib.resources import files as package_files

from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.errors import InputError
from kg.stores.sparql import dataset, query
from kg.vocab import KGO, PREFIXES, SCHEMA, SEM, TIME
from kg.vocab.resources import COARSE, class_tree, ontology

_NOT_ENTITIES = {str(SEM.Event), str(TIME.Instant), str(SCHEMA.NewsArticle)}
# role -> the properties that fill it; a threat's or a plan's place (kgo:intendedPlace) is
# shown as its place, beside its factuality
_ROLES = {"agents": (str(KGO.agent),), "patients": (str(KGO.patient),),
          "places": (str(SEM.hasPlace), str(KGO.intendedPlace))}
_TYPE, _LABEL, _ALT, _SAME, _IN = (str(p) for p in (RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs,
                                                     SCHEMA.containedInPlace))
_LEMMA, _FACTUALITY, _TENSE, _EVENT = (str(p) for p in (KGO.lemma, KGO.factuality, KGO.tense, SEM.Event))
_ASSERTED, _INTENDED = str(KGO.Asserted), str(KGO.intendedTime)
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_NONE: frozenset = frozenset()
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def page_data(paths=(), store: str | None = None, *, article: str | None = None, title: str | None = None) -> dict:
    """The page's data for RDF files or a store, or for one article of them (its id or IRI)."""
    with dataset(paths, store) as data:
        rows = {name: _select(data, name) for name in ("articles", "mentions", "statements", "times")}
    where = store or ", ".join(str(p) for p in paths)
    articles = _articles(rows["articles"])
    if not articles:
        raise InputError(f"{where}: no schema:NewsArticle in the graph; give kg build's output")
    if article is not None:
        articles = _one_article(articles, article, where)
    return _assemble(articles, rows, title)


def _select(data, name: str) -> list[tuple]:
    """The rows of queries/NAME.rq, each a tuple of its variables' values (None when unbound)."""
    text = package_files("kg.view").joinpath("queries", f"{name}.rq").read_text(encoding="utf-8")
    return [tuple(v.value if v is not None else None for v in row)
            for row in query(data, text, source=f"kg view's query {name}.rq")]


def _articles(rows: list[tuple]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for iri, id_, title, date_, url, text in sorted(rows, key=lambda r: tuple(v or "" for v in r)):
        found.setdefault(iri, {"iri": iri, "id": id_, "title": title, "date": date_, "url": url, "text": text})
    return found


def _one_article(articles: dict[str, dict], wanted: str, where: str) -> dict[str, dict]:
    chosen = [a for a in articles.values() if wanted in (a["id"], a["iri"])]
    if not chosen:
        known = sorted(a["id"] or a["iri"] for a in articles.values())
        shown = ", ".join(known[:5]) + (f" (and {len(known) - 5} more)" if len(known) > 5 else "")
        raise InputError(f"{where}: there is no article {wanted!r}; give one of {shown}")
    return {chosen[0]["iri"]: chosen[0]}


def _assemble(articles: dict[str, dict], rows: dict[str, list[tuple]], title: str | None) -> dict:
    article_index = {iri: i for i, iri in enumerate(articles)}
    facts: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for node, prop, value in rows["statements"]:
        facts[node][prop].add(value)
    mentions: dict[str, list] = defaultdict(list)
    for node, article, begin, end, anchor in rows["mentions"]:
        if article in article_index:
            mentions[node].append((article_index[article], int(begin), int(end), anchor or ""))
    cuts = [_utf16(a["text"]) for a in articles.values()]
    texts = [a["text"] is not None for a in articles.values()]

    def values(node, prop):
        return facts[node].get(prop, _NONE) if node in facts else _NONE

    types = {node: values(node, _TYPE) for node in mentions}
    # events in reading order: by article, then where the text first mentions them
    event_nodes = sorted((n for n in mentions if _EVENT in types[n]), key=lambda n: (min(mentions[n]), n))
    entity_nodes = sorted(n for n in mentions if not types[n] & _NOT_ENTITIES and values(n, _LABEL))
    classes = sorted({t for n in (*event_nodes, *entity_nodes) for t in types[n]} - _NOT_ENTITIES)
    class_index = {iri: i for i, iri in enumerate(classes)}
    entity_index = {iri: i for i, iri in enumerate(entity_nodes)}

    def mention(node, with_article):
        out = []
        for article, begin, end, anchor in sorted(mentions[node]):
            cut = cuts[article]
            item = [article, cut(begin), cut(end)] if with_article else [cut(begin), cut(end)]
            out.append(item if texts[article] else [*item, anchor])
        return out

    def entities_of(node, *props):
        return sorted({entity_index[v] for prop in props for v in values(node, prop) if v in entity_index})

    entities = [{
        "iri": node, "label": min(values(node, _LABEL)), "kind": _kind(types[node]),
        "classes": sorted(class_index[t] for t in types[node] if t in class_index),
        "alt": sorted(values(node, _ALT) - values(node, _LABEL)),
        "same": sorted(values(node, _SAME)),
        "in": entities_of(node, _IN),
        "mentions": mention(node, True),
    } for node in entity_nodes]
    times = _times(rows["times"])
    events = [{
        "iri": node, "label": min(values(node, _LABEL), default=""),
        "lemma": min(values(node, _LEMMA), default=""),
        "cls": min((class_index[t] for t in types[node] if t in class_index), default=None),
        "fact": _local(min(values(node, _FACTUALITY), default=_ASSERTED)).lower(),
        "tense": _local(min(values(node, _TENSE), default="")).lower(),
        "time": times.get(node),
        "article": min(mentions[node])[0],
        **{role: entities_of(node, *props) for role, props in _ROLES.items()},
        "mentions": mention(node, False),
    } for node in event_nodes]
    return {
        "title": title or _title(articles),
        "articles": list(articles.values()),
        "classes": [{"iri": c, "curie": _curie(c), "label": _class_label(c)} for c in classes],
        "entities": entities,
        "events": events,
    }


def _title(articles: dict[str, dict]) -> str:
    if len(articles) == 1:
        only = next(iter(articles.values()))
        return only["title"] or only["id"] or only["iri"]
    return f"{len(articles):,} articles"


# ---------------------------------------------------------------- times

def _times(rows: list[dict]) -> dict[str, dict]:
    """Event -> its time; a sem:hasTime wins over a kgo:intendedTime, a placed value over one
    the page cannot place, and then the earliest."""
    found: dict[str, dict] = {}
    for event, relation, value, timex, label in rows:
        intended = relation == _INTENDED
        time = span(value or timex or label or "")
        time["intended"] = intended
        old = found.get(event)
        rank = (intended, time["precision"] is None, time["start"] or "", time["value"])
        if old is None or rank < (old["intended"], old["precision"] is None, old["start"] or "", old["value"]):
            found[event] = time
    return found


def span(value: str) -> dict:
    """A time value at its own precision: the dates that bound it (end exclusive); a value
    that is no date the page can place ("PRESENT_REF", "2020-13") has precision None."""
    try:
        return _bounds(value)
    except ValueError:  # a month or day out of range
        return {"value": value, "precision": None, "start": None, "end": None}


def _bounds(value: str) -> dict:
    if match := _DATE.match(value):
        year, month, day = (int(g) if g else None for g in match.groups())
        if day is not None:
            first = date(year, month, day)
            return _span(value, "day", first, date.fromordinal(first.toordinal() + 1))
        if month is not None:
            return _span(value, "month", date(year, month, 1), date(year + month // 12, month % 12 + 1, 1))
        return _span(value, "year", date(year, 1, 1), date(year + 1, 1, 1))
    if match := _QUARTER.match(value):
        year, quarter = int(match[1]), int(match[2])
        end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return _span(value, "quarter", date(year, 3 * quarter - 2, 1), end)
    if re.match(r"^\d{4}-\d{2}-\d{2}T", value):
        return {"value": value, "precision": "instant", "start": value, "end": None}
    return {"value": value, "precision": None, "start": None, "end": None}


def _span(value: str, precision: str, start: date, end: date) -> dict:
    return {"value": value, "precision": precision, "start": start.isoformat(), "end": end.isoformat()}


# ---------------------------------------------------------------- classes and text

@lru_cache(maxsize=1024)
def _kind_of_class(iri: str) -> str:
    tree, seen, todo = class_tree(), set(), [URIRef(iri)]
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(tree.objects(node, RDFS.subClassOf))
    return next((name for name, cls in COARSE if cls in seen), "thing")


def _kind(classes: set[str]) -> str:
    """The entity's coarse type: the one most of its classes fall under (an entity may be
    typed differently in two articles), in the order of COARSE on a tie."""
    counts = Counter(k for k in map(_kind_of_class, classes) if k != "thing")
    order = [name for name, _ in COARSE]
    return min(counts, key=lambda k: (-counts[k], order.index(k))) if counts else "thing"


@lru_cache(maxsize=1024)
def _class_label(iri: str) -> str:
    label = ontology().value(URIRef(iri), RDFS.label)
    return str(label) if label is not None else re.sub(r"(?<=[a-z])(?=[A-Z])", " ", _local(iri)).lower()


def _curie(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri


def _local(iri: str) -> str:
    return re.sub(r"^.*[/#]", "", iri)


def _utf16(text: str | None):
    """Python's offsets into ``text`` -> JavaScript's (UTF-16 code units): the same unless the
    text holds characters beyond the Basic Multilingual Plane (emoji, rare CJK)."""
    if text is None or not _ASTRAL.search(text):
        return lambda offset: offset
    units, total = [0], 0
    for c in text:
        total += 2 if ord(c) >= 0x10000 else 1
        units.append(total)
    return lambda offset: units[min(offset, len(text))]
