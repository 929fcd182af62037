"""Namespaces kg writes, and the minting of IRIs from content (never from counters or clocks)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SDO, SKOS, XSD

SCHEMA = SDO  # https://schema.org/, rdflib's own binding, used everywhere
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GAF = Namespace("http://groundedannotationframework.org/gaf#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
TIME = Namespace("http://www.w3.org/2006/time#")
DCT = DCTERMS
KGO = Namespace("https://kg.example.org/ontology#")
GEONAMES = Namespace("https://sws.geonames.org/")

DEFAULT_BASE = "https://kg.example.org/id/"

PREFIXES = {
    "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "dct": DCT, "schema": SCHEMA,
    "sem": SEM, "gaf": GAF, "nif": NIF, "time": TIME, "kgo": KGO,
}

_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,80}")


def slug(text: str) -> str:
    """A readable, IRI-safe key for a name: ASCII letters and digits joined by hyphens,
    with a short hash when folding to ASCII lost something (so distinct names stay distinct)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", folded.lower())
    readable = "-".join(words)[:60].strip("-")
    lossless = readable.replace("-", "") == re.sub(r"[\W_]+", "", text.lower())
    if readable and lossless:
        return readable
    digest = hashlib.sha1(text.strip().lower().encode("utf-8")).hexdigest()[:10]
    return f"{readable}-{digest}" if readable else digest


def id_segment(article_id: str) -> str:
    """An article id as a path segment: kept when already safe, otherwise slugged."""
    return article_id if _SAFE_ID.fullmatch(article_id) else slug(article_id)  # fullmatch: "$" allows a final newline


def expand(curie: str):
    """"schema:Person" -> the IRI; a CURIE with an unknown prefix is a bug and raises."""
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES or not local:
        raise ValueError(f"not a CURIE kg knows: {curie!r}")
    if PREFIXES[prefix] is SCHEMA:
        # rdflib's copy of schema.org lags the site and warns on schema:PoliticalParty;
        # tests/test_ontology.py checks that kg's ontology declares every class kg uses
        return URIRef(f"{SCHEMA}{local}")
    return PREFIXES[prefix][local]
