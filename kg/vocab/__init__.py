"""What kg's words mean: the RDF vocabulary it writes and the word tables it reads.

Shared by every stage, importing nothing of kg's but its errors:
  kg.vocab            namespaces, prefixes and CURIEs ("schema:Person" -> its IRI)
  kg.vocab.resources  the data files shipped in ontology/ and shapes/, and the class tree
                      (what is a person, an organisation, a place; who may act)
  kg.vocab.words      word tables: name words (ontology/name-words.csv), head nouns of people,
                      organisations, products and places
  kg.vocab.lexicon    the event lexicon: trigger lemma -> event class, factuality cues
                      (ontology/events.ttl)
  kg.vocab.given      given names and their usual gender (the US Census lists of the `names`
                      package)
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SDO, SKOS, XSD


class _Namespace(Namespace):
    """rdflib's Namespace, each of whose terms is made once: rdflib makes a new URIRef on every
    access (2-3 µs), and kg.rdf.graph asks for some 1,500 terms an article."""

    def __getattr__(self, name: str):
        term = super().__getattr__(name)
        self.__dict__[name] = term  # found as an attribute from now on
        return term


class _Kept:
    """A closed namespace of rdflib's (RDF, XSD ...): a term is checked and made by rdflib on
    first use, then kept."""

    def __init__(self, namespace):
        self.__dict__["_namespace"] = namespace

    def __getattr__(self, name: str):
        term = getattr(self._namespace, name)
        self.__dict__[name] = term
        return term

    def __str__(self) -> str:
        return str(self._namespace)


SCHEMA = SDO  # https://schema.org/, rdflib's own binding, used everywhere
SEM = _Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GAF = _Namespace("http://groundedannotationframework.org/gaf#")
NIF = _Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
TIME = _Namespace("http://www.w3.org/2006/time#")
DCT = DCTERMS
KGO = _Namespace("https://kg.example.org/ontology#")
GEONAMES = _Namespace("https://sws.geonames.org/")

PREFIXES = {
    "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "dct": DCT, "schema": SCHEMA,
    "sem": SEM, "gaf": GAF, "nif": NIF, "time": TIME, "kgo": KGO,
}

# rdflib's closed namespaces with their terms kept, for code that asks for them many times
# over (kg.rdf.graph); PREFIXES above holds rdflib's own
RDF, RDFS, OWL, SKOS, XSD = (_Kept(ns) for ns in (RDF, RDFS, OWL, SKOS, XSD))


def expand(curie: str):
    """"schema:Person" -> the IRI; a CURIE with an unknown prefix is a bug and raises."""
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES or not local:
        raise ValueError(f"not a CURIE kg knows: {curie!r}")
    if PREFIXES[prefix] is SCHEMA:
        # rdflib's copy of schema.org lags the site and warns on schema:PoliticalParty;
        # tests/vocab/test_ontology.py checks that kg's ontology declares every class kg uses
        return URIRef(f"{SCHEMA}{local}")
    return PREFIXES[prefix][local]
