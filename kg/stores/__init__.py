"""Graphs in stores, and questions to them.

In:  built graphs (from kg.pipeline) or RDF files.
Out: an embedded Oxigraph store (one named graph per article), SPARQL results, a local
     endpoint, or graphs PUT to any SPARQL 1.1 Graph Store endpoint.

  embedded  the embedded store: writing, export, `oxigraph serve`
  sparql    SPARQL over files or a store; kg's named queries (queries/*.rq)
  remote    loading into a Graph Store endpoint, idempotently
  resolve   identity across articles: owl:sameAs between nodes of different articles that name one thing
"""

from .embedded import build_writer, export, open_store, serve
from .remote import load
from .resolve import resolve_lines, resolve_store, same_as_graph
from .sparql import examples, query, run

__all__ = ["build_writer", "examples", "export", "load", "open_store", "query", "resolve_lines", "resolve_store",
           "run", "same_as_graph", "serve"]
