"""Extractions -> RDF: the one place that makes triples, checks them and writes them.

In:  kg.model.Extraction (an article with its entities, times and events).
Out: each article's statements as sorted N-Triples lines (an rdflib Graph when a caller asks),
     validated against the SHACL shapes in shapes/, and serialised (Turtle, N-Triples,
     N-Quads, TriG, JSON-LD) by an atomic writer, to a file or into a folder of shards.

  iris          IRIs minted from content: the base, slugs, article ids
  graph         build_graph(): the only code that decides which statements an article makes
  statements    the sink graph writes to: N-Triples lines, no rdflib objects
  shacl         validate() against kg's shapes or a user's; load_rdf() reads any RDF file
  shacl_sparql  the shapes compiled to SPARQL run by pyoxigraph: kg build's default validator
  output        serialisation and atomic, strictly re-parsed writing (GraphWriter)
  folders       a folder of output files on this machine or at an fsspec URL (s3://...), atomic writes
"""

from .graph import article_iri, build_graph
from .output import FORMATS, GraphWriter
from .shacl import validate, validate_each

__all__ = ["FORMATS", "GraphWriter", "article_iri", "build_graph", "validate", "validate_each"]
