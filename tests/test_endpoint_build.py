"""kg build --endpoint: each article's graph PUT into a Graph Store endpoint by the process that
builds it (a --workers process, a Dask worker), against a real oxigraph server on 127.0.0.1."""

from __future__ import annotations

import json
import urllib.request

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import LOCALHOST, free_port

STORIES = [
    "Dockworkers in Rotterdam walked off the job on Monday, halting container traffic at the port.",
    "The mayor of Lyon announced on Tuesday that the city would close three schools after heavy flooding.",
    "Police in Nairobi arrested two men on Wednesday over the theft of medical supplies from a hospital.",
    "Farmers blocked roads outside Madrid on Thursday to protest against rising fuel costs.",
    "A fire destroyed a textile factory in Dhaka on Friday, and firefighters rescued twenty workers.",
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"id": f"story-{n}", "text": text, "published": f"2024-05-0{n + 1}"}) + "\n"
                            for n, text in enumerate(STORIES)), encoding="utf-8")
    return path


@pytest.fixture
def endpoint(oxigraph):
    """The Graph Store URL of a fresh oxigraph server on 127.0.0.1 (tests/conftest.py)."""
    return f"{oxigraph}/store"


def _kg(*args):
    return CliRunner().invoke(main, ["build", *[str(a) for a in args]], catch_exceptions=False)


def _served(endpoint: str) -> set[str]:
    """Every quad in the endpoint's dataset."""
    request = urllib.request.Request(endpoint, headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return {str(q) for q in pyoxigraph.parse(response.read(), format=pyoxigraph.RdfFormat.N_QUADS)}


def _file(path) -> set[str]:
    return {str(q) for q in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)}


@pytest.mark.model
@pytest.mark.server
def test_workers_of_a_local_cluster_load_the_quads_of_a_local_build_and_again_change_nothing(corpus, endpoint,
                                                                                             tmp_path):
    pytest.importorskip("distributed")
    local = tmp_path / "local.nq"
    assert _kg(corpus, "-f", "nquads", "-o", local, "--workers", "1", "-q").exit_code == 0
    result = _kg(corpus, "--cluster", "local:2", "--partition-size", "2", "--endpoint", endpoint)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip().endswith(f"; loaded into {endpoint}") and "5 articles" in result.stderr
    assert result.stdout == ""  # the graphs went to the endpoint, not to stdout
    wanted = _file(local)
    assert _served(endpoint) == wanted
    graphs = {q.graph_name for q in pyoxigraph.parse(path=str(local), format=pyoxigraph.RdfFormat.N_QUADS)}
    assert len(graphs) == len(STORIES)  # one named graph per article
    again = _kg(corpus, "--workers", "2", "--batch-size", "2", "--endpoint", endpoint, "-q")
    assert again.exit_code == 0, again.stderr
    assert _served(endpoint) == wanted


@pytest.mark.model
@pytest.mark.server
def test_a_rebuilt_article_replaces_its_graph_and_no_other(corpus, endpoint, tmp_path):
    assert _kg(corpus, "--workers", "1", "--endpoint", endpoint, "-q").exit_code == 0
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({"id": "story-0", "text": STORIES[0].replace("Rotterdam", "Antwerp"),
                                   "published": "2024-05-01"}) + "\n", encoding="utf-8")
    assert _kg(changed, "--workers", "1", "--endpoint", endpoint, "-q").exit_code == 0
    served = _served(endpoint)
    assert not any("Rotterdam" in quad for quad in served) and any("Antwerp" in quad for quad in served)
    assert any("Lyon" in quad for quad in served)  # the other articles' graphs are untouched


def test_endpoint_goes_with_no_output_file_and_a_bad_url_is_refused_before_work(corpus, tmp_path):
    result = _kg(corpus, "--endpoint", "http://127.0.0.1:9/store", "-o", tmp_path / "out.nq", "-f", "nquads")
    assert result.exit_code == 2 and "-o does not go with --endpoint" in result.stderr
    assert not (tmp_path / "out.nq").exists()
    result = _kg(corpus, "--endpoint", "ftp://store.example.org/", "--workers", "1")
    assert result.exit_code == 2 and result.stderr == "kg: --endpoint 'ftp://store.example.org/' is not an http:// or https:// URL\n"
    result = _kg(corpus, "--endpoint", "http://kg:secret@127.0.0.1:9/store", "--workers", "1")
    assert result.exit_code == 2 and "holds credentials" in result.stderr and "secret" not in result.stderr


@pytest.mark.model
def test_an_endpoint_out_of_reach_stops_a_cluster_run_with_one_line(corpus):
    pytest.importorskip("distributed")
    nobody = f"http://{LOCALHOST}:{free_port()}/store"  # nothing listens there
    result = _kg(corpus, "--cluster", "local:1", "--partition-size", "2", "--endpoint", nobody)
    assert result.exit_code == 2
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("kg: ")]
    assert line.startswith(f"kg: PUT {nobody}?graph=") and "cannot reach the server" in line
    assert "skipped" not in result.stderr  # not every partition reported as failed, one by one
