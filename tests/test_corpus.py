"""Corpus runs: bad articles skipped and reported, the rest written; same bytes for any
number of workers; text, HTML, JSON Lines and stdin in one call."""

from __future__ import annotations

import json

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import GOOD, PAGE_DATED, bad_folder


def _build(*args, **kwargs):
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False, **kwargs)


def _quads(path):
    return list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS))


# ---------------------------------------------------------------- kg build over a corpus

@pytest.mark.model
def test_folder_with_bad_files_gives_the_good_graph_three_skips_and_exit_1(tmp_path):
    folder = bad_folder(tmp_path)
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
    folder = bad_folder(tmp_path)
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
    folder = bad_folder(tmp_path)
    out = tmp_path / "out.nq"
    result = _build(str(folder), "-f", "nquads", "-o", str(out), "--fail-fast")
    assert result.exit_code == 2
    assert result.stderr == f"kg: {folder / 'a-binary.txt'}: is a binary file, not text; give kg UTF-8 text or JSON Lines\n"
    assert not out.exists()


@pytest.mark.model
def test_quiet_prints_only_the_skips(tmp_path):
    folder = bad_folder(tmp_path)
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
