"""Reading articles: formats, offsets as read, and one clear error per kind of bad input."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kg.errors import InputError
from kg.read.files import read_articles
from kg.read.records import parse_published


def test_plain_text_title_is_first_line_before_a_blank_line(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Ferry Sinks Off Crete\n\nA ferry sank on Monday.\n", encoding="utf-8")
    (article,) = read_articles([str(path)], date(2024, 5, 7))
    assert article.id == "story"
    assert article.title == "Ferry Sinks Off Crete"
    assert article.published == date(2024, 5, 7)
    assert article.text.startswith("Ferry Sinks")


def test_no_title_when_no_blank_line_follows(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("A ferry sank on Monday.\nIt carried 40 people.\n", encoding="utf-8")
    (article,) = read_articles([str(path)])
    assert article.title is None


def test_offsets_are_into_the_text_as_read_with_crlf_kept(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title\r\n\r\nBody text.\r\n")
    (article,) = read_articles([str(path)])
    assert article.text == "Title\r\n\r\nBody text.\r\n"


def test_jsonl_fields(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [{"id": "a1", "text": "One.", "title": "T", "published": "2020-06-16T09:30:00Z", "url": "https://x.org/1"},
            {"id": 7, "text": "Two."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = read_articles([str(path)])
    assert (first.id, first.title, first.published, first.url) == ("a1", "T", date(2020, 6, 16), "https://x.org/1")
    assert second.id == "7" and second.published is None


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Aye.", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    assert [a.id for a in read_articles([str(tmp_path)])] == ["a", "z"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the article is empty"),
        (b"   \n\n", "the article is empty"),
        (b"\x00\x01\x02binary", "is a binary file"),
        ("caf\u00e9 cr\u00e8me".encode("latin-1"), "is not UTF-8"),
    ],
)
def test_bad_text_files_name_the_file_and_the_fix(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        list(read_articles([str(path)]))
    text = str(caught.value)
    assert text.startswith(str(path)) and message in text and "\n" not in text


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: is not JSON"),
        ('{"id": "x"}', 'line 2: lacks "text"'),
        ('{"text": "x"}', 'line 2: lacks "id"'),
        ('{"id": "x", "text": "y", "published": "yesterday"}', 'line 2: "published" is not a date'),
        ("[1, 2]", "line 2: is not a JSON object"),
    ],
)
def test_bad_jsonl_lines_name_the_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "Fine."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(read_articles([str(path)]))


def test_missing_file():
    with pytest.raises(InputError, match="no such file"):
        list(read_articles(["/nonexistent/article.txt"]))


def test_published_accepts_dates_and_date_times():
    assert parse_published("2020-06-16", "x") == date(2020, 6, 16)
    assert parse_published("2020-06-16T23:30:00+02:00", "x") == date(2020, 6, 16)
    with pytest.raises(InputError, match="use an ISO date"):
        parse_published("16/06/2020", "x")


def test_a_one_line_article_is_its_own_body_not_a_title(tmp_path):
    """Regression: "hello\\n" was read as a title with no text."""
    path = tmp_path / "one.txt"
    path.write_text("A ferry sank off Crete on Monday.\n", encoding="utf-8")
    (article,) = read_articles([str(path)])
    assert article.title is None
