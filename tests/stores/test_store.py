"""The embedded store: one named graph per article, replaced on rebuild; export; a store in use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.stores.embedded import StoreWriter, build_writer, graph_of, open_store, replace_graph

from ..conftest import article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
KG = "https://kg.example.org/id/"
FIRST = URIRef(f"{KG}article/first")
SECOND = URIRef(f"{KG}article/second")


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def store(tmp_path):
    """A store holding two articles, written the way kg build --store writes them."""
    path = tmp_path / "news.db"
    with StoreWriter(path) as writer:
        writer.add(FIRST, article(FIRST, "Dockers strike", "Rotterdam"))
        writer.add(SECOND, article(SECOND, "Port reopens", "Antwerp", "Ghent"))
    return path


def named_graphs(path) -> dict[str, int]:
    with open_store(path, create=False) as opened:
        return {n.value: len(graph_of(opened, n)) for n in opened.named_graphs()}


# ---------------------------------------------------------------- writing

def test_each_article_is_its_own_named_graph(store):
    assert named_graphs(store) == {str(FIRST): 5, str(SECOND): 7}


def test_writing_an_article_again_replaces_its_graph(store):
    with StoreWriter(store) as writer:
        writer.add(FIRST, article(FIRST, "Dockers strike", "Rotterdam"))
    assert named_graphs(store) == {str(FIRST): 5, str(SECOND): 7}

    changed = article(FIRST, "Dockers end strike", "Rotterdam", "Delft")
    with StoreWriter(store) as writer:
        writer.add(FIRST, changed)
    assert named_graphs(store) == {str(FIRST): 7, str(SECOND): 7}
    with open_store(store) as opened:
        assert isomorphic(graph_of(opened, pyoxigraph.NamedNode(str(FIRST))), changed)


def test_replace_graph_keeps_text_that_looks_like_sparql_as_data(tmp_path):
    name = URIRef(f"{KG}article/odd")
    graph = article(name, 'x" } } ; DROP ALL ; INSERT DATA { <a:b> <a:b> "c')
    with open_store(tmp_path / "db") as opened:
        replace_graph(opened, name, graph)
        assert isomorphic(graph_of(opened, pyoxigraph.NamedNode(str(name))), graph)
        assert len(opened) == len(graph)


def test_build_writer_writes_the_store_only_unless_an_output_is_given(tmp_path, capsys):
    with build_writer(None, "turtle", str(tmp_path / "db")) as writer:
        writer.add(FIRST, article(FIRST, "Dockers strike"))
    assert capsys.readouterr().out == ""
    out = tmp_path / "out.nq"
    with build_writer(str(out), "nquads", str(tmp_path / "db")) as writer:
        writer.add(SECOND, article(SECOND, "Port reopens"))
    assert out.read_text(encoding="utf-8").count(f"<{SECOND}> .\n") == 3
    assert set(named_graphs(tmp_path / "db")) == {str(FIRST), str(SECOND)}


# ---------------------------------------------------------------- reading

def test_query_a_store(store):
    result = kg("query", "--store", store, "SELECT ?label WHERE { ?c a schema:City ; rdfs:label ?label } ORDER BY ?label")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[2:] == ["Antwerp", "Ghent", "Rotterdam"]


@pytest.mark.parametrize("empty", [False, True])
def test_query_a_missing_store_does_not_make_one(tmp_path, empty):
    nowhere = tmp_path / "nowhere"
    if empty:
        nowhere.mkdir()
    result = kg("query", "--store", nowhere, "ASK {}")
    assert result.exit_code == 2
    assert result.stderr == f"kg: {nowhere}: there is no store there; make one with kg build ARTICLES --store {nowhere}\n"
    if empty:
        assert list(nowhere.iterdir()) == []
    else:
        assert not nowhere.exists()


@pytest.mark.parametrize("fmt, suffix", [("nquads", "nq"), ("trig", "trig")])
def test_export_keeps_every_named_graph(store, tmp_path, fmt, suffix):
    out = tmp_path / f"news.{suffix}"
    result = kg("export", "--store", store, "-f", fmt, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"kg: exported 2 graphs, 12 triples from {store}\n"
    written = pyoxigraph.Store()
    written.load(path=str(out))
    assert isomorphic(graph_of(written, pyoxigraph.NamedNode(str(FIRST))), article(FIRST, "Dockers strike", "Rotterdam"))
    assert isomorphic(graph_of(written, pyoxigraph.NamedNode(str(SECOND))),
                      article(SECOND, "Port reopens", "Antwerp", "Ghent"))


def test_export_to_stdout_is_deterministic(store):
    first, second = kg("export", "--store", store, "-f", "turtle"), kg("export", "--store", store, "-f", "turtle")
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    assert first.stdout.startswith("@prefix ")


def test_export_into_a_missing_folder_writes_nothing(store, tmp_path):
    result = kg("export", "--store", store, "-o", tmp_path / "no" / "such" / "out.nq")
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: ")
    assert not (tmp_path / "no").exists()


# ---------------------------------------------------------------- a store in use

HOLD = "import pyoxigraph, sys; s = pyoxigraph.Store(sys.argv[1]); print('ready', flush=True); sys.stdin.read()"


@pytest.fixture
def held(store):
    """Another process holding the store open for writing, until the test ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(store)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "ready\n"
        yield store
    finally:
        holder.stdin.close()
        try:
            holder.wait(timeout=30)
        except subprocess.TimeoutExpired:
            holder.kill()
            holder.wait()


@pytest.mark.parametrize("command", [["export"], ["query", "ASK {}"]])
def test_a_store_in_use_gives_a_one_line_error(held, command):
    result = kg(command[0], "--store", held, *command[1:])
    assert result.exit_code == 2
    assert result.stderr == (f"kg: {held}: the store is in use by another process (kg build --store, "
                             "kg serve --writable or an oxigraph server); stop it and try again\n")


def test_writing_to_a_store_in_use_fails_before_anything_is_written(held, tmp_path):
    from kg.errors import StoreError

    out = tmp_path / "out.ttl"
    with pytest.raises(StoreError, match="in use by another process"), build_writer(str(out), "turtle", str(held)):
        pass
    assert not out.exists()


# ---------------------------------------------------------------- kg build --store (needs the trained pipeline)

@pytest.mark.model
def test_kg_build_into_a_store_twice_does_not_grow_it(tmp_path):
    path = tmp_path / "news.db"
    args = ["build", EXAMPLES / "harbour-strike.txt", "--published", "2024-03-14", "--store", path]
    first = kg(*args)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""
    counts = named_graphs(path)
    assert len(counts) == 1 and next(iter(counts.values())) > 0
    assert kg(*args).exit_code == 0
    assert named_graphs(path) == counts


@pytest.mark.model
def test_a_built_store_exports_what_kg_build_writes_and_it_conforms(tmp_path):
    # Oxigraph keeps xsd:integer as written but turned NIF's xsd:nonNegativeInteger into it,
    # so every exported mention broke the shapes; now the round trip gives the same bytes.
    path, direct, exported = tmp_path / "news.db", tmp_path / "direct.nq", tmp_path / "x.nq"
    built = kg("build", EXAMPLES / "harbour-strike.txt", "--published", "2024-03-14", "--store", path,
               "-f", "nquads", "-o", direct)
    assert built.exit_code == 0, built.stderr
    assert kg("export", "--store", path, "-o", exported).exit_code == 0
    assert exported.read_bytes() == direct.read_bytes()
    checked = kg("validate", exported)
    assert checked.exit_code == 0, checked.stdout
    assert checked.stdout == f"{exported}: conforms\n"
