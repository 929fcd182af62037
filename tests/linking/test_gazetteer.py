"""The user's authority file, in CSV or SKOS: labels, aliases, types and IRIs; a bad file is one
clear error that names it and the fix."""

from __future__ import annotations

import pytest
from rdflib.namespace import OWL

from kg.errors import InputError
from kg.linking.gazetteer import load_gazetteer
from kg.vocab.resources import data_file


def test_csv_gazetteer_reads_labels_aliases_types_and_iris(tmp_path):
    path = tmp_path / "authority.csv"
    path.write_text("label,aliases,type,iri\nMinistry of Unification,Unification Ministry|MOU,"
                    "GovernmentOrganization,https://example.org/mou\n", encoding="utf-8")
    entry = load_gazetteer(path).lookup("the Unification Ministry")
    assert entry.label == "Ministry of Unification"
    assert entry.type == "schema:GovernmentOrganization"
    assert entry.iri == "https://example.org/mou"


def test_turtle_gazetteer_reads_skos_labels(tmp_path):
    path = tmp_path / "authority.ttl"
    path.write_text("""
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix schema: <https://schema.org/> .
        <https://example.org/kcna> a skos:Concept, schema:NewsMediaOrganization ;
            skos:prefLabel "Korean Central News Agency"@en ; skos:altLabel "KCNA" .
    """, encoding="utf-8")
    entry = load_gazetteer(path).lookup("KCNA")
    assert (entry.label, entry.type, entry.iri) == (
        "Korean Central News Agency", "schema:NewsMediaOrganization", "https://example.org/kcna")


def test_the_shipped_example_gazetteer_loads():
    with pytest.MonkeyPatch.context():
        from importlib import resources

        with resources.as_file(data_file("gazetteer-example.csv")) as path:
            assert load_gazetteer(path).lookup("MOU").label == "Ministry of Unification"


@pytest.mark.parametrize(("content", "message"), [
    ("name,iri\nX,https://x.org\n", "header `label,aliases,type,iri`"),
    ("label,aliases,type,iri\n,X,,\n", "row 2: empty label"),
    ("label,aliases,type,iri\nX,,not a class,\n", "is not a class"),
    ("label,aliases,type,iri\nX,,,example.org/x\n", "not an absolute IRI"),
])
def test_a_bad_csv_gazetteer_says_which_file_and_how_to_fix_it(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        load_gazetteer(path)
    assert str(path) in str(error.value) and "\n" not in str(error.value)


def test_a_bad_turtle_gazetteer_or_a_missing_file_is_an_input_error(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="not valid Turtle"):
        load_gazetteer(path)
    with pytest.raises(InputError, match="no such gazetteer file"):
        load_gazetteer(tmp_path / "missing.csv")


def test_the_shipped_wikidata_example_loads_with_declared_classes_and_wikidata_iris():
    from importlib import resources

    from kg.vocab import expand
    from kg.vocab.resources import ontology

    with resources.as_file(data_file("wikidata-example.csv")) as path:
        gazetteer = load_gazetteer(path)
    assert gazetteer.lookup("the U.N.").iri == "http://www.wikidata.org/entity/Q1065"
    assert all(e.iri.startswith("http://www.wikidata.org/entity/Q") for e in gazetteer.entries)
    declared = set(ontology().subjects())
    assert all(expand(e.type) in declared for e in gazetteer.entries)


@pytest.mark.model
def test_a_name_in_the_wikidata_example_links_to_its_item(tmp_path):
    from datetime import date

    from kg.model import Article
    from kg.pipeline import build

    with resources_path("wikidata-example.csv") as path:
        gazetteer = load_gazetteer(path)
    built, = build([Article("t", "Microsoft said on Monday that Twitter would join the alliance the U.N. set up.",
                            published=date(2024, 3, 5))], gazetteer=gazetteer)
    links = {str(o) for o in built.graph.objects(None, OWL.sameAs)}
    assert {"http://www.wikidata.org/entity/Q918", "http://www.wikidata.org/entity/Q1065",
            "http://www.wikidata.org/entity/Q2283"} <= links


def resources_path(name: str):
    from importlib import resources

    return resources.as_file(data_file(name))
