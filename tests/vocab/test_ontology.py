"""The ontology and the shapes are data that the code must agree with."""

from __future__ import annotations

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.cli import main
from kg.vocab import KGO, SEM
from kg.vocab.resources import data_dir, data_file, ontology, shapes
from kg.vocab.words import name_words

from ..conftest import EXAMPLES


@pytest.mark.parametrize("path", sorted(data_dir("ontology").glob("*.ttl")) + sorted(data_dir("shapes").glob("*.ttl")),
                         ids=lambda p: p.name)
def test_every_data_file_parses_strictly(path):
    assert sum(1 for _ in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)) > 0


def _declared(term) -> bool:
    onto = ontology()
    return any(onto.triples((term, RDF.type, None)))


def test_every_shape_targets_a_declared_class():
    targets = set(shapes().objects(None, SH.targetClass))
    assert targets
    missing = sorted(str(t) for t in targets if not _declared(t))
    assert missing == []


def test_every_class_of_ours_has_a_label_a_comment_and_a_parent():
    onto = ontology()
    for cls in set(onto.subjects(RDF.type, OWL.Class)):
        if not str(cls).startswith(str(KGO)):
            continue
        assert onto.value(cls, RDFS.label) is not None, cls
        assert onto.value(cls, RDFS.comment) or onto.value(cls, URIRef("http://www.w3.org/2004/02/skos/core#definition")), cls
        assert onto.value(cls, RDFS.subClassOf) is not None, cls


def test_roles_are_sub_properties_of_sem_has_actor():
    onto = ontology()
    for role in (KGO.agent, KGO.patient):
        assert (role, RDFS.subPropertyOf, SEM.hasActor) in onto


@pytest.mark.model
def test_output_uses_only_terms_the_ontology_declares(tmp_path):
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES / "articles.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    graph = Graph().parse(out)
    used = {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(str(KGO))}
    used |= {p for p in graph.predicates() if str(p).startswith(str(KGO))}
    assert used, "the example's graph should use the ontology"
    assert sorted(str(t) for t in used if not _declared(t)) == []
    # every class an output node has is declared (ours, schema.org's subset, SEM, OWL-Time, NIF)
    classes = set(graph.objects(None, RDF.type))
    assert sorted(str(c) for c in classes if not _declared(c)) == []


def test_every_class_the_name_tables_give_is_declared():
    from kg.vocab import expand

    classes = {kind for table in name_words().values() if isinstance(table, dict)
               for kind in table.values() if isinstance(kind, str) and ":" in kind}
    assert "schema:PoliticalParty" in classes
    assert sorted(c for c in classes if not _declared(expand(c))) == []


def test_every_class_in_the_tables_is_schema_org_or_declared_in_the_ontology():
    from rdflib import Graph
    from rdflib.namespace import RDF, RDFS

    from kg.vocab import KGO

    graph = Graph()
    for name in ("kg.ttl", "entities.ttl"):
        graph.parse(data_file(name), format="turtle")
    used = {cls for role in name_words().values() for cls in role.values()}
    for curie in sorted(used):
        prefix, local = curie.split(":")
        assert prefix in ("schema", "kgo"), curie
        if prefix == "kgo":
            assert (KGO[local], RDF.type, None) in graph and (KGO[local], RDFS.subClassOf, None) in graph, curie


def test_the_organisation_noun_tables_agree():
    """One set of organisation nouns, with the company nouns and the nouns a name may head as
    subsets of it; every organisation noun of ontology/name-words.csv is in it."""
    from kg.vocab.words import COMPANY_NOUNS, ORGANISATION_CLASSES, ORGANISATION_NOUNS, PERSON_NOUNS, type_of

    assert COMPANY_NOUNS <= ORGANISATION_NOUNS and ORGANISATION_CLASSES <= ORGANISATION_NOUNS
    table = name_words()
    organisations = set(table["org-noun"]) | {word for word, cls in table["class-noun"].items()
                                               if cls in ("schema:Organization", "schema:GovernmentOrganization",
                                                          "schema:Airline")}
    assert organisations <= ORGANISATION_NOUNS, sorted(organisations - ORGANISATION_NOUNS)
    assert type_of("shipper") == type_of("union") == "schema:Organization"
    # must not: a word that names people first ("seller", "developer") stays a person's
    assert type_of("seller") == "schema:Person" and "seller" in PERSON_NOUNS


@pytest.mark.model
def test_gross_domestic_product_is_a_measure_not_a_product(nlp):
    from kg.vocab.words import type_of

    doc = nlp("Gross domestic product grew, and the firm launched a new product.")
    first, second = [t for t in doc if t.lemma_.lower() == "product"]
    assert type_of("product", first) == "schema:Thing"
    assert type_of("product", second) == "schema:Product"
