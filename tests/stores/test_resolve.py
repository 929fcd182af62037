"""Identity across articles (kg resolve, kg build --resolve): nodes of different articles that
name one thing are linked by owl:sameAs in a graph of their own, and the named queries follow
the links; never on a surname, never across two identifiers, never a person with a thing."""

from __future__ import annotations

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import URIRef
from rdflib.namespace import OWL

from kg.cli import main
from kg.stores.resolve import Node, links

BASE = "https://kg.example.org/id/"
ORG = "https://schema.org/Organization"
PERSON = "https://schema.org/Person"
PLACE = "https://schema.org/City"


def node(name: str, label: str, article: str, kind: str = ORG, aliases=(), links_=()) -> Node:
    return Node(f"{BASE}entity/x/{name}", label, set(aliases), {kind}, set(links_), {f"{BASE}article/{article}"})


def pairs(nodes) -> set[tuple[str, str]]:
    return {(str(s).rsplit("/", 1)[-1], str(o).rsplit("/", 1)[-1]) for s, o in links(nodes, BASE).subject_objects(OWL.sameAs)}


def test_a_name_of_one_that_is_the_label_of_another_links_them():
    found = pairs([node("lockheed-martin", "Lockheed Martin", "a1", aliases={"Lockheed"}),
                   node("lockheed", "Lockheed", "a2")])
    assert found == {("lockheed-martin", "lockheed")}


def test_two_people_with_one_surname_are_never_linked():
    assert not pairs([node("john-smith", "John Smith", "a1", PERSON, aliases={"Smith"}),
                      node("mary-smith", "Mary Smith", "a2", PERSON, aliases={"Smith"}),
                      node("smith", "Smith", "a3", PERSON)])


def test_two_companies_that_share_a_short_name_are_not_linked():
    assert not pairs([node("apple-inc", "Apple Inc.", "a1", aliases={"Apple"}),
                      node("apple-corps", "Apple Corps", "a2", aliases={"Apple"})])


def test_two_identifiers_are_two_things():
    assert not pairs([node("georgia-1", "Georgia", "a1", PLACE, links_={"https://sws.geonames.org/614540/"}),
                      node("georgia-2", "Georgia", "a2", PLACE, aliases={"Georgia"},
                           links_={"https://sws.geonames.org/4197000/"})])


def test_a_person_is_never_linked_with_a_place_or_an_organisation():
    assert not pairs([node("jordan-henderson", "Jordan Henderson", "a1", PERSON),
                      node("jordan-henderson-fc", "Jordan Henderson", "a2", ORG)])


def test_an_organisation_typed_a_place_elsewhere_is_linked_by_its_full_name():
    assert pairs([node("red-cross-hospital", "Red Cross Hospital", "a1"),
                  node("red-cross-hospital-place", "Red Cross Hospital", "a2", "https://schema.org/Place")])


def test_names_without_capitals_and_nodes_inside_an_article_carry_no_identity():
    inside = Node(f"{BASE}article/a2/entity/organization/the-company", "the company", set(), {ORG}, set(),
                  {f"{BASE}article/a2"})
    assert not pairs([node("acme", "Acme", "a1", aliases={"the company"}), inside])


def test_nodes_of_one_article_are_left_as_the_article_decided():
    assert not pairs([node("lockheed-martin", "Lockheed Martin", "a1", aliases={"Lockheed"}),
                      node("lockheed", "Lockheed", "a1")])


def test_links_are_the_same_whatever_the_order_of_the_nodes():
    nodes = [node("b", "Acme Corp", "a1", aliases={"Acme"}), node("a", "Acme", "a2"), node("c", "Acme", "a3")]
    assert links(nodes, BASE).serialize(format="nt") == links(nodes[::-1], BASE).serialize(format="nt")


# ---------------------------------------------------------------- the commands (trained pipeline)

STORIES = (
    '{"id": "b1", "published": "2024-03-04", "text": "Lockheed Martin won a $2 billion contract on Monday. '
    'Lockheed said it would hire 500 engineers."}\n'
    '{"id": "b2", "published": "2024-03-05", "text": "Lockheed lost a bid for a new tanker on Tuesday, the '
    'company said. John Smith, its spokesman, declined to comment."}\n'
    '{"id": "b3", "published": "2024-03-06", "text": "Mary Smith, a pilot, said on Wednesday the tanker was '
    'safe. Smith flew it twice."}\n'
)


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.model
def test_kg_resolve_links_a_store_and_the_named_queries_follow(tmp_path):
    src = tmp_path / "news.jsonl"
    src.write_text(STORIES, encoding="utf-8")
    store = tmp_path / "store"
    assert kg("build", src, "--store", store, "-q").exit_code == 0
    result = kg("resolve", "--store", store)
    assert result.exit_code == 0, result.output
    assert "linked 2 nodes of 1 entity" in result.stderr
    again = kg("resolve", "--store", store)  # re-run: the graph is replaced, not grown
    assert again.stderr == result.stderr
    rows = kg("query", "--store", store, "--example", "entity", "--param", "name=Lockheed", "-f", "csv")
    articles = {line.rsplit(",", 1)[-1].strip() for line in rows.stdout.splitlines()[1:]} - {""}
    assert articles == {f"{BASE}article/b1", f"{BASE}article/b2"}
    who = kg("query", "--store", store, "--example", "who-acted-on-whom", "-f", "csv").stdout
    assert "Lockheed Martin" not in who  # one entity, one name
    names = kg("query", "--store", store, "--example", "entity", "--param", "name=John Smith", "-f", "csv").stdout
    assert "john-smith" in names and "mary-smith" not in names  # must-not: two Smiths stay two
    assert "same as" not in names


@pytest.mark.model
def test_kg_build_resolve_writes_the_links_in_a_graph_of_their_own(tmp_path):
    src = tmp_path / "news.jsonl"
    src.write_text(STORIES, encoding="utf-8")
    out = tmp_path / "news.nq"
    assert kg("build", src, "-f", "nquads", "-o", out, "--resolve", "-q").exit_code == 0
    dataset = pyoxigraph.Dataset(pyoxigraph.parse(path=str(out), format=pyoxigraph.RdfFormat.N_QUADS))
    graph = pyoxigraph.NamedNode(f"{BASE}graph/same-as")
    quads = list(dataset.quads_for_graph_name(graph))
    assert [(q.subject.value, q.object.value) for q in quads] == [
        (f"{BASE}entity/organization/lockheed-martin", f"{BASE}entity/organization/lockheed")]
    plain = tmp_path / "plain.nq"
    assert kg("build", src, "-f", "nquads", "-o", plain, "-q").exit_code == 0
    assert str(URIRef(f"{BASE}graph/same-as")) not in plain.read_text(encoding="utf-8")
