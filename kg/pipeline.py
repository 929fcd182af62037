"""Compose the stages over a stream of articles: text -> Doc -> entities, times, events -> graph.

Articles go through spaCy in batches (nlp.pipe); each batch's graphs are validated together
against the SHACL shapes. ``build_batch`` gives one outcome per article, Built or Skipped, so a corpus
run can go on past a bad article (kg.corpus); ``build`` raises at the first instead.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from rdflib import Graph, URIRef

from .entities.extract import extract_entities
from .errors import InputError, KgError, ValidationError
from .events.extract import extract_events
from .model import Article, Extraction
from .rdf.graph import article_iri, build_graph
from .rdf.iris import DEFAULT_BASE
from .rdf.output import graph_from_ntriples, ntriples
from .rdf.shacl import DEFAULT_VALIDATOR, validate_each
from .read.structure import analyse
from .text.load import load_nlp
from .text.parse import parse
from .times.extract import extract_times


@dataclass(frozen=True, eq=False)
class Built:
    """One article's validated graph, named by the article's IRI.

    The graph is held as rdflib terms (``graph``) or as kg's sorted N-Triples (``lines``),
    and each is made from the other only when asked for: a worker process sends the text,
    which the line formats and the store write as it is; the parent rebuilds an rdflib
    Graph only for Turtle, TriG, JSON-LD or a library caller that wants one.
    """

    article: Article
    name: URIRef
    words: int = 0
    entities: int = 0
    events: int = 0
    triples: int = 0
    made_graph: Graph | None = field(default=None, repr=False)
    made_lines: str | None = field(default=None, repr=False)

    @cached_property
    def graph(self) -> Graph:
        return self.made_graph if self.made_graph is not None else graph_from_ntriples(self.made_lines)

    @cached_property
    def lines(self) -> str:
        return self.made_lines if self.made_lines is not None else ntriples(self.made_graph)


@dataclass(frozen=True)
class Skipped:
    """An article left out of the output, and why."""

    article: str  # the article's id, or where it came from when it has none yet
    reason: str  # one line naming the article and the fix
    stage: str  # read | extract | validate
    report: Graph | None = None  # the SHACL report, for a graph that breaks the shapes

    def error(self) -> KgError:
        return ValidationError(self.reason, self.report) if self.stage == "validate" else InputError(self.reason)


def extract(article: Article, doc, layout, gazetteer=None) -> Extraction:
    """Entities, times and events of one parsed article."""
    anchor = article.published or layout.dateline
    entities = extract_entities(doc, article, layout, gazetteer)
    times = tuple(extract_times(doc, anchor))
    events, entities = extract_events(doc, entities, times, anchor)
    return Extraction(article, layout, entities, times, events)


def build_batch(articles: list[Article], *, model: str | None = None, base: str = DEFAULT_BASE,
                gazetteer=None, shapes: str | None = None, with_text: bool = False,
                validator: str = DEFAULT_VALIDATOR) -> list[Built | Skipped]:
    """One outcome per article, in order: parsed together, validated together (by
    ``validator``: "sparql", the shapes compiled to queries, or "pyshacl"); with
    ``with_text``, each graph holds its article's text (nif:isString)."""
    nlp = load_nlp(model)
    layouts = [analyse(a) for a in articles]
    docs = parse(nlp, [layout.analysis_text for layout in layouts])
    outcomes: list[Built | Skipped] = []
    for article, layout, doc in zip(articles, layouts, docs, strict=True):
        try:
            extraction = extract(article, doc, layout, gazetteer)
            graph = build_graph(extraction, base, with_text=with_text)
        except Exception as error:  # a bug in a stage: skip the article, keep the corpus going
            where = traceback.extract_tb(error.__traceback__)[-1]
            outcomes.append(Skipped(article.id, f"{article.origin or article.id}: kg failed on this article "
                                    f"({type(error).__name__}: {error} at {where.name}:{where.lineno}); "
                                    "this is a bug in kg, please report it with the article", "extract"))
            continue
        words = sum(1 for token in doc if not token.is_space)
        outcomes.append(Built(article, article_iri(base, article.id), words, len(extraction.entities),
                              len(extraction.events), len(graph), made_lines=graph.ntriples()))
    return _validated(outcomes, shapes, validator)


def _validated(outcomes: list[Built | Skipped], shapes: str | None, validator: str) -> list[Built | Skipped]:
    built = [o for o in outcomes if isinstance(o, Built)]
    reports = dict(zip((id(b) for b in built), validate_each([b.lines for b in built], shapes, validator), strict=True))
    result = []
    for outcome in outcomes:
        report = reports.get(id(outcome))
        if report is not None and not report.conforms:
            article = outcome.article
            lines = "; ".join(str(v) for v in report.violations[:3])
            more = f" (and {len(report.violations) - 3} more)" if len(report.violations) > 3 else ""
            outcome = Skipped(article.id, f"{article.origin or article.id}: the graph breaks kg's shapes, a bug in "
                              f"extraction: {lines}{more}", "validate", report.graph)
        result.append(outcome)
    return result


def build(articles: Iterable[Article], *, model: str | None = None, base: str = DEFAULT_BASE,
          gazetteer=None, batch_size: int = 32, shapes: str | None = None, with_text: bool = False,
          validator: str = DEFAULT_VALIDATOR) -> Iterator[Built]:
    """Each article's validated graph, in order. Raises ValidationError, with the SHACL
    report, for a graph that breaks the shapes (kg.corpus skips such articles instead)."""
    options = {"model": model, "base": base, "gazetteer": gazetteer, "shapes": shapes, "with_text": with_text,
               "validator": validator}
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == batch_size:
            yield from _raising(build_batch(batch, **options))
            batch = []
    if batch:
        yield from _raising(build_batch(batch, **options))


def _raising(outcomes: list[Built | Skipped]) -> Iterator[Built]:
    for outcome in outcomes:
        if isinstance(outcome, Skipped):
            raise outcome.error()
        yield outcome
