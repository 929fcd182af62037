"""kg view on the command line, in-process: files or a store in, one HTML page out."""

from __future__ import annotations

import json
import re

import pyoxigraph
from click.testing import CliRunner

from kg.cli import main

from .graphs import story_graph


def _view(*args):
    return CliRunner().invoke(main, ["view", *args], catch_exceptions=False)


def _data(page: str) -> dict:
    return json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1))


def _story(tmp_path, name="story.ttl"):
    path = tmp_path / name
    path.write_text(story_graph(), encoding="utf-8")
    return path


def test_view_writes_a_page_and_says_what_it_shows(tmp_path):
    out = tmp_path / "story.html"
    result = _view(str(_story(tmp_path)), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(r"kg: wrote .*story\.html: 1 article, 5 entities, 5 events, 1\.\d MB\n", result.stderr)
    page = out.read_text(encoding="utf-8")
    assert "<title>Port Closed After Shelling</title>" in page
    assert {e["lemma"] for e in _data(page)["events"]} == {"shell", "close", "resign", "say", "talk"}


def test_the_same_graph_gives_the_same_page_bytes(tmp_path):
    story = _story(tmp_path)
    pages = []
    for name in ("a.html", "b.html"):
        assert _view(str(story), "-o", str(tmp_path / name)).exit_code == 0
        pages.append((tmp_path / name).read_bytes())
    assert pages[0] == pages[1]


def test_title_and_one_article(tmp_path):
    out = tmp_path / "one.html"
    assert _view(str(_story(tmp_path)), "--article", "aden", "--title", "Aden & after", "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<title>Aden &amp; after</title>" in page and _data(page)["title"] == "Aden & after"


def test_to_stdout_when_it_is_not_a_terminal(tmp_path):
    result = _view(str(_story(tmp_path)))
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>") and result.stderr == ""


def test_from_a_store(tmp_path):
    folder = tmp_path / "store"
    store = pyoxigraph.Store(str(folder))
    store.load(story_graph().encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE,
               to_graph=pyoxigraph.NamedNode("https://kg.example.org/id/article/aden"))
    store.flush()
    del store
    out = tmp_path / "store.html"
    result = _view("--store", str(folder), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert len(_data(out.read_text(encoding="utf-8"))["events"]) == 5


def test_bad_input_is_one_line_exit_2_and_no_page(tmp_path):
    out = tmp_path / "view.html"
    cases = [
        ([str(tmp_path / "missing.ttl")], "missing.ttl: no such file"),
        ([str(_story(tmp_path)), "--article", "nowhere"], "there is no article 'nowhere'; give one of aden"),
        ([str(_story(tmp_path)), "--store", str(tmp_path)], "give RDF files or --store, not both"),
        ([], "nothing to query: give RDF files, or --store DIR"),
    ]
    for args, message in cases:
        result = _view(*args, "-o", str(out))
        assert result.exit_code == 2, (args, result.stderr)
        assert message in result.stderr and result.stderr.count("\n") == 1
        assert not out.exists()
