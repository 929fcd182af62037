"""Compose the stages over a stream of articles: text -> Doc -> entities, times, events -> graph."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import Graph, URIRef

from .entities import extract_entities
from .errors import ValidationError
from .events import extract_events
from .graph import article_iri, build_graph
from .model import Article, Extraction
from .nlp import load_nlp
from .shacl import validate
from .structure import analyse
from .times import extract_times
from .vocab import DEFAULT_BASE


@dataclass(frozen=True)
class Built:
    """One article's validated graph, named by the article's IRI."""

    article: Article
    name: URIRef
    graph: Graph
    extraction: Extraction


def extract(article: Article, doc, layout, gazetteer=None) -> Extraction:
    """Entities, times and events of one parsed article."""
    anchor = article.published or layout.dateline
    entities = extract_entities(doc, article, layout, gazetteer)
    times = tuple(extract_times(doc, anchor))
    events, entities = extract_events(doc, entities, times, anchor)
    return Extraction(article, layout, entities, times, events)


def build(articles: Iterable[Article], *, model: str | None = None, base: str = DEFAULT_BASE,
          gazetteer=None, batch_size: int = 32, shapes: str | None = None) -> Iterator[Built]:
    """Parse the articles with one spaCy pipeline (nlp.pipe) and yield each validated graph.
    Raises ValidationError, with the SHACL report, for a graph that breaks the shapes."""
    nlp = load_nlp(model)
    laid_out = ((a.text, (a, analyse(a))) for a in articles)
    stream = ((layout.analysis_text, (article, layout)) for _, (article, layout) in laid_out)
    for doc, (article, layout) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        extraction = extract(article, doc, layout, gazetteer)
        graph = build_graph(extraction, base)
        report = validate(graph, shapes)
        if not report.conforms:
            lines = "\n".join(f"  {v}" for v in report.violations)
            raise ValidationError(
                f"{article.origin or article.id}: the graph breaks kg's shapes (a bug in extraction, "
                f"nothing was written):\n{lines}",
                report.graph,
            )
        yield Built(article, article_iri(base, article.id), graph, extraction)
