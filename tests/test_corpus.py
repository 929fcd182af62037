"""Corpus runs: bad articles skipped and reported, the rest written; same bytes for any
number of workers; long texts in pieces with offsets into the original; HTML pages."""

from __future__ import annotations

import json

import pyoxigraph
import pytest
import spacy
from click.testing import CliRunner

from kg.cli import main
from kg.rdf.shacl import validate_each
from kg.read.files import Unreadable, read_inputs
from kg.text.parse import parse, split

GOOD = "Airbus opened a plant in Toulouse on 5 June 2020.\n\nThe plant employs 300 people, the company said.\n"
PAGE_NO_DATE = b"""<html><head><title>Ferry sinks off Crete</title>
<meta property="og:site_name" content="Island News"></head><body><nav>Home | World</nav>
<article><h1>Ferry sinks off Crete</h1>
<p>A ferry sank off the coast of Crete on Monday, the coast guard said. All 40 passengers were rescued.</p>
<p>The ministry of shipping opened an inquiry into the accident on Tuesday.</p></article>
<footer>Copyright 2024 Island News</footer></body></html>"""
PAGE_DATED = PAGE_NO_DATE.replace(b"<head>", b'<head><meta property="article:published_time" content="2024-05-07">')


def _build(*args, **kwargs):
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False, **kwargs)


def _quads(path):
    return list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS))


def _bad_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-binary.txt").write_bytes(b"\x00\x01\x02\xff binary")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-latin.txt").write_bytes("Caf\u00e9 fire in Lyon.".encode("latin-1"))
    (folder / "d-good.txt").write_text(GOOD, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- reading

def test_unreadable_inputs_are_records_and_reading_goes_on(tmp_path):
    folder = _bad_folder(tmp_path)
    items = list(read_inputs([str(folder)]))
    assert [type(i).__name__ for i in items] == ["Unreadable", "Unreadable", "Unreadable", "Article"]
    reasons = [i.reason for i in items if isinstance(i, Unreadable)]
    assert ["is a binary file" in reasons[0], "the article is empty" in reasons[1], "is not UTF-8" in reasons[2]] == [True] * 3


def test_a_bad_json_line_is_skipped_and_the_next_lines_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "one", "text": "One."}\n{oops\n{"id": "three", "text": "Three."}\n', encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [getattr(i, "id", None) for i in items] == ["one", None, "three"]
    assert items[1].origin == f"{path} line 2" and "is not JSON" in items[1].reason


def test_missing_path_fails_before_anything_is_read(tmp_path):
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    from kg.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        read_inputs([str(tmp_path / "ok.txt"), str(tmp_path / "missing.txt")])


def test_glob_picks_the_files_of_a_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.story").write_text("Story one.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Story two.", encoding="utf-8")
    assert [a.id for a in read_inputs([str(tmp_path)], glob="*.story")] == ["x"]


def test_html_page_gives_text_title_site_and_no_date_when_the_page_has_none(tmp_path):
    page = tmp_path / "ferry.html"
    page.write_bytes(PAGE_NO_DATE)
    (article,) = read_inputs([str(page)])
    assert article.id == "ferry" and article.title == "Ferry sinks off Crete" and article.source == "Island News"
    assert "A ferry sank off the coast of Crete on Monday" in article.text and "Home | World" not in article.text
    # no date on the page: none, not today's date and not a guess from the copyright line
    assert article.published is None


def test_html_page_date_comes_from_the_page(tmp_path):
    page = tmp_path / "ferry.htm"
    page.write_bytes(PAGE_DATED)
    (article,) = read_inputs([str(page)])
    assert article.published.isoformat() == "2024-05-07"


def test_html_page_without_article_text_is_unreadable(tmp_path):
    page = tmp_path / "empty.html"
    page.write_bytes(b"<html><head><title>Nothing here</title></head><body><div></div></body></html>")
    (item,) = read_inputs([str(page)])
    assert isinstance(item, Unreadable) and "no article text found" in item.reason


# ---------------------------------------------------------------- long texts

def test_split_gives_consecutive_slices_cut_at_paragraphs():
    text = "One two.\n\nThree four five.\nSix seven.\n\nEight."
    pieces = split(text, 20)
    assert "".join(pieces) == text and all(len(p) <= 20 for p in pieces)
    assert pieces[0] == "One two.\n\n"


def test_long_text_is_parsed_in_pieces_with_offsets_into_the_original():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "".join(f"Paragraph {n} says that Anna met Ben.\n\n" for n in range(50))
    (whole,) = parse(nlp, [text])
    (pieces,) = parse(nlp, [text], limit=200)
    assert pieces.text == text
    assert [(t.idx, t.text) for t in pieces] == [(t.idx, t.text) for t in whole]
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in pieces)


# ---------------------------------------------------------------- validation in batches

def test_batched_validation_blames_only_the_graph_at_fault():
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, RDF, SDO

    def article(name, identifiers):
        graph = Graph()
        node = URIRef(f"https://kg.example.org/id/article/{name}")
        graph.add((node, RDF.type, SDO.NewsArticle))
        for value in identifiers:
            graph.add((node, DCTERMS.identifier, Literal(value)))
        return graph

    reports = validate_each([article("a", ["a"]), article("b", []), article("c", ["c"])])
    assert [r.conforms for r in reports] == [True, False, True]
    assert "dct:identifier" in str(reports[1].violations[0]) or "identifier" in str(reports[1].violations[0])


# ---------------------------------------------------------------- kg build over a corpus

@pytest.mark.model
def test_folder_with_bad_files_gives_the_good_graph_three_skips_and_exit_1(tmp_path):
    folder = _bad_folder(tmp_path)
    out, errors = tmp_path / "out.nq", tmp_path / "errors.jsonl"
    result = _build(str(folder), "-f", "nquads", "-o", str(out), "--errors", str(errors), "--workers", "1")
    assert result.exit_code == 1
    graphs = {q.graph_name.value for q in _quads(out)}
    assert graphs == {"https://kg.example.org/id/article/d-good"}
    lines = result.stderr.splitlines()
    assert [line.split(":")[0:2] for line in lines[:3]] == [
        ["kg", f" skipped {folder / name}"] for name in ("a-binary.txt", "b-empty.txt", "c-latin.txt")]
    assert lines[3].startswith("kg: 1 articles, ") and " 3 skipped in " in lines[3] and len(lines) == 4
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(r["article"], r["stage"]) for r in records] == [
        (str(folder / "a-binary.txt"), "read"), (str(folder / "b-empty.txt"), "read"), (str(folder / "c-latin.txt"), "read")]
    assert "is not UTF-8" in records[2]["reason"]


@pytest.mark.model
def test_every_article_bad_exits_2_and_leaves_the_output_untouched(tmp_path):
    folder = _bad_folder(tmp_path)
    (folder / "d-good.txt").unlink()
    out = tmp_path / "out.ttl"
    out.write_text("keep me", encoding="utf-8")
    result = _build(str(folder), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "kg: none of the 3 articles could be built; each is reported above"
    assert result.stderr.count("kg: skipped ") == 3
    assert out.read_text(encoding="utf-8") == "keep me"


@pytest.mark.model
def test_fail_fast_stops_at_the_first_skip_and_writes_nothing(tmp_path):
    folder = _bad_folder(tmp_path)
    out = tmp_path / "out.nq"
    result = _build(str(folder), "-f", "nquads", "-o", str(out), "--fail-fast")
    assert result.exit_code == 2
    assert result.stderr == f"kg: {folder / 'a-binary.txt'}: is a binary file, not text; give kg UTF-8 text or JSON Lines\n"
    assert not out.exists()


@pytest.mark.model
def test_quiet_prints_only_the_skips(tmp_path):
    folder = _bad_folder(tmp_path)
    result = _build(str(folder / "d-good.txt"), str(folder / "b-empty.txt"), "-f", "nt", "--quiet")
    assert result.exit_code == 1
    assert result.stderr == f"kg: skipped {folder / 'b-empty.txt'}: the article is empty; remove the file or give it text\n"
    assert result.stdout.count(" .\n") > 10


@pytest.mark.model
def test_mixed_inputs_in_one_call(tmp_path):
    text, page, lines = tmp_path / "one.txt", tmp_path / "two.html", tmp_path / "three.jsonl"
    text.write_text(GOOD, encoding="utf-8")
    page.write_bytes(PAGE_DATED)
    lines.write_text(json.dumps({"id": "three", "text": "Boeing cut 100 jobs in Seattle on Friday."}) + "\n", encoding="utf-8")
    stdin = json.dumps({"id": "four", "text": "Apple sued Samsung in Seoul."}) + "\n"
    out = tmp_path / "all.nq"
    result = _build(str(text), str(page), str(lines), "-", "-f", "nquads", "-o", str(out), input=stdin)
    assert result.exit_code == 0, result.stderr
    names = {q.graph_name.value.rsplit("/", 1)[-1] for q in _quads(out)}
    assert names == {"one", "two", "three", "four"}


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["nquads", "nt", "turtle", "trig", "jsonld"])
def test_same_bytes_for_one_and_two_workers(tmp_path, fmt):
    corpus = tmp_path / "corpus.jsonl"
    sentences = ["Airbus opened a plant in Toulouse.", "Boeing cut 100 jobs in Seattle on Friday.",
                 "Apple sued Samsung in Seoul on 3 May 2012.", "Tim Cook visited Beijing."]
    corpus.write_text("".join(json.dumps({"id": f"a{n}", "text": sentences[n % 4], "published": "2012-05-10"}) + "\n"
                              for n in range(9)), encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"{workers}.out"
        result = _build(str(corpus), "-f", fmt, "-o", str(out), "--workers", workers, "--batch-size", "2")
        assert result.exit_code == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    if fmt == "nquads":  # articles in input order
        order = []
        for line in outputs[0].decode().splitlines():
            name = line.rsplit("<", 1)[-1].split(">")[0].rsplit("/", 1)[-1]
            if not order or order[-1] != name:
                order.append(name)
        assert order == [f"a{n}" for n in range(9)]


def test_a_folder_read_leaves_its_readme_out(tmp_path):
    from kg.read.files import read_articles

    (tmp_path / "story.txt").write_text("A ferry sank off Crete on Monday.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About these articles", encoding="utf-8")
    assert [a.id for a in read_articles([str(tmp_path)]) if hasattr(a, "id")] == ["story"]
