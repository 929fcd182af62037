"""Reading many inputs: one Unreadable record per bad input and reading goes on; folders, globs
and HTML pages (text, title, site and a date only from the page itself)."""

from __future__ import annotations

import pytest

from kg.read.files import Unreadable, read_inputs

from ..conftest import GOOD, PAGE_DATED, PAGE_NO_DATE, bad_folder


def test_unreadable_inputs_are_records_and_reading_goes_on(tmp_path):
    folder = bad_folder(tmp_path)
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


def test_count_inputs_counts_what_read_inputs_gives_when_it_is_cheap(tmp_path):
    from kg.read.files import count_inputs

    (tmp_path / "wire.jsonl").write_text('{"id": "a", "text": "A."}\n\n{oops\n{"id": "c", "text": "C."}\n')
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "page.html").write_bytes(PAGE_DATED)
    paths = [str(tmp_path / "wire.jsonl"), str(tmp_path / "story.txt"), str(tmp_path / "page.html")]
    assert count_inputs(paths) == 5 == len(list(read_inputs(paths)))  # the blank line is no item, the bad one is
    assert count_inputs([str(tmp_path)]) == 5  # a folder: its files


def test_count_inputs_knows_no_total_for_stdin_or_an_unknown_kind_of_file(tmp_path):
    from kg.read.files import count_inputs

    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "crawl.dat").write_text(GOOD, encoding="utf-8")
    assert count_inputs([str(tmp_path / "story.txt"), "-"]) is None
    assert count_inputs([str(tmp_path / "crawl.dat")]) is None  # it may hold many articles
