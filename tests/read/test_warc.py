"""Web archives (WARC, .warc and .warc.gz) written here with warcio from hand-written news
pages: each HTML page served with status 200 is an article whose id and url are the record's
target URI; other records are passed over and counted; a cut or corrupt file is reported."""

from __future__ import annotations

import io
from collections import Counter

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.read.files import Unreadable, read_inputs

from ..conftest import SPARQL_PREFIXES

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

SITE = "https://news.example.org/2024/"


def page(title: str, day: str | None, *paragraphs: str) -> bytes:
    dated = f'<meta property="article:published_time" content="{day}">' if day else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html><head><title>{title}</title>{dated}<meta property="og:site_name" content="Harbour Times">'
            f"</head><body><nav>Home | Business | Sport</nav><article><h1>{title}</h1>{body}</article>"
            "<footer>Copyright 2024 Harbour Times</footer></body></html>").encode()


PAGES = [
    (f"{SITE}dockers-strike", page("Dockers strike in Rotterdam", "2024-03-11",
        "Dockworkers in Rotterdam walked off the job on Monday, halting container traffic at the port.",
        "The union said the strike would last until the port authority agreed to talks.")),
    (f"{SITE}ferry-sinks", page("Ferry sinks off Crete", None,
        "A ferry sank off the coast of Crete on Tuesday, the coast guard said. All 40 passengers were rescued.",
        "The ministry of shipping opened an inquiry into the accident on Wednesday.")),
    (f"{SITE}bank-rate", page("Central bank raises rates", "2024-03-14",
        "Brazil's central bank raised its main interest rate on Thursday for the fourth time this year.",
        "Economists had expected the increase after inflation rose in February.")),
]


def _response(writer, uri: str, payload: bytes, status: str = "200 OK", content_type: str = "text/html; charset=utf-8"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers)


def write_warc(path, pages=PAGES, gzip: bool = True):
    """A crawl as crawlers write it: warcinfo, then a request and a response per page, a page
    that is gone (404), an image, and the pages themselves."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "a test crawler"}))
        for uri, html in pages:
            request = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            writer.write_record(_response(writer, uri, html))
            if uri == pages[0][0]:
                writer.write_record(_response(writer, f"{SITE}gone", b"<html><body>Not found</body></html>",
                                              status="404 Not Found"))
                writer.write_record(_response(writer, f"{SITE}logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"))
    return path


# ---------------------------------------------------------------- reading

@pytest.mark.parametrize("name, gzip", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_each_html_page_with_status_200_is_an_article_named_by_its_uri(tmp_path, name, gzip):
    passed = Counter()
    items = list(read_inputs([str(write_warc(tmp_path / name, gzip=gzip))], passed=passed))
    assert [a.id for a in items] == [uri for uri, _ in PAGES]
    assert [a.url for a in items] == [uri for uri, _ in PAGES]
    assert [a.title for a in items] == ["Dockers strike in Rotterdam", "Ferry sinks off Crete", "Central bank raises rates"]
    assert [a.published and a.published.isoformat() for a in items] == ["2024-03-11", None, "2024-03-14"]
    assert items[0].source == "Harbour Times" and "walked off the job" in items[0].text and "Home |" not in items[0].text
    # the crawl date (WARC-Date, today) is no publication date: the undated page stays undated
    assert passed == {"request": 3, "warcinfo": 1, "not status 200": 1, "not HTML": 1}


def test_a_folder_of_warc_files_is_read_and_glob_picks_them(tmp_path):
    write_warc(tmp_path / "a.warc.gz", PAGES[:1])
    write_warc(tmp_path / "b.warc", PAGES[1:2], gzip=False)
    (tmp_path / "c.txt").write_text("Rain fell on Paris on Monday.", encoding="utf-8")
    (tmp_path / "notes.gz").write_bytes(b"\x1f\x8b not a warc")  # a .gz that is no .warc.gz is not read
    assert [a.id for a in read_inputs([str(tmp_path)])] == [PAGES[0][0], PAGES[1][0], "c"]
    assert [a.id for a in read_inputs([str(tmp_path)], glob="*.warc.gz")] == [PAGES[0][0]]


def test_a_cut_warc_keeps_the_articles_before_the_cut_and_names_the_file(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz").read_bytes()
    for cut in (len(whole) - 40, len(whole) * 2 // 3):
        cut_file = tmp_path / "cut.warc.gz"
        cut_file.write_bytes(whole[:cut])
        items = list(read_inputs([str(cut_file)]))
        *articles, broken = items
        assert all(not isinstance(a, Unreadable) for a in articles) and len(articles) < len(PAGES)
        assert [a.id for a in articles] == [uri for uri, _ in PAGES[:len(articles)]]
        assert isinstance(broken, Unreadable) and broken.origin == str(cut_file)
        assert broken.reason.startswith(f"{cut_file}: truncated or corrupt WARC at byte ")
        assert "fetch the file again" in broken.reason and "\n" not in broken.reason


def test_a_whole_warc_is_not_reported_broken_and_garbage_is(tmp_path):
    items = list(read_inputs([str(write_warc(tmp_path / "plain.warc", gzip=False))]))
    assert not any(isinstance(i, Unreadable) for i in items)
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is a saved e-mail, not a web archive\n" * 3)
    (item,) = read_inputs([str(junk)])
    assert isinstance(item, Unreadable) and "truncated or corrupt WARC" in item.reason
    assert "no article was read before it" in item.reason and "\n" not in item.reason


def test_a_record_whose_bytes_break_its_digest_is_skipped_and_the_next_read(tmp_path):
    data = bytearray(write_warc(tmp_path / "crawl.warc", gzip=False).read_bytes())
    at = data.index(b"sank off the coast")
    data[at:at + 4] = b"SANK"  # same length: the file still parses, the digest no longer matches
    (tmp_path / "crawl.warc").write_bytes(bytes(data))
    items = list(read_inputs([str(tmp_path / "crawl.warc")]))
    assert [type(i).__name__ for i in items] == ["Article", "Unreadable", "Article"]
    assert items[1].origin == f"{PAGES[1][0]} (in {tmp_path / 'crawl.warc'})"
    assert "do not match its WARC digest" in items[1].reason


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("gzip", [True, False])
def test_a_warc_on_stdin_is_read_as_one_and_plain_text_is_not(tmp_path, monkeypatch, gzip):
    _stdin(monkeypatch, write_warc(tmp_path / "crawl.warc", gzip=gzip).read_bytes())
    passed = Counter()
    assert [a.url for a in read_inputs(["-"], passed=passed)] == [uri for uri, _ in PAGES]
    assert passed["request"] == 3
    _stdin(monkeypatch, b"WARC files keep what crawlers fetch, the archivists said on Monday.\n")
    (article,) = read_inputs(["-"])
    assert article.id == "stdin" and article.text.startswith("WARC files keep")


# ---------------------------------------------------------------- building

def _kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _articles(*paths) -> dict[str, tuple]:
    store = pyoxigraph.Store()
    for path in paths:
        store.load(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)
    rows = store.query(SPARQL_PREFIXES + """
        SELECT ?id ?url ?title ?date WHERE { GRAPH ?g {
          ?a a schema:NewsArticle ; dct:identifier ?id ; schema:url ?url ; dct:title ?title .
          OPTIONAL { ?a dct:created ?date } } }""")
    return {r["id"].value: (r["url"].value, r["title"].value, r["date"] and r["date"].value) for r in rows}


WANTED = {
    PAGES[0][0]: (PAGES[0][0], "Dockers strike in Rotterdam", "2024-03-11"),
    PAGES[1][0]: (PAGES[1][0], "Ferry sinks off Crete", None),
    PAGES[2][0]: (PAGES[2][0], "Central bank raises rates", "2024-03-14"),
}


@pytest.mark.model
@pytest.mark.parametrize("name, gzip", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_a_warc_builds_its_pages_and_counts_the_rest_in_the_summary(tmp_path, name, gzip):
    out = tmp_path / "news.nq"
    result = _kg("build", write_warc(tmp_path / name, gzip=gzip), "-f", "nquads", "-o", out, "--workers", "1")
    assert result.exit_code == 0, result.stderr
    assert _articles(out) == WANTED
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("kg: 3 articles, ")
    assert summary.endswith("; passed over 6 WARC records that are not HTML pages served with status 200 "
                            "(3 request, 1 not HTML, 1 not status 200, 1 warcinfo)")
    assert "skipped" not in result.stderr.replace("0 skipped", "")


@pytest.mark.model
def test_a_warc_is_cut_into_shards_and_resumed_with_the_same_inputs(tmp_path):
    crawl = write_warc(tmp_path / "crawl.warc.gz")
    folder = tmp_path / "shards"
    first = _kg("build", crawl, "--partition-size", "2", "--workers", "1", "-o", f"{folder}/")
    assert first.exit_code == 0, first.stderr
    assert sorted(p.name for p in folder.glob("part-*.nq")) == ["part-00000.nq", "part-00001.nq"]
    assert _articles(*folder.glob("part-*.nq")) == WANTED
    manifest = (folder / "manifest.json").read_bytes()
    again = _kg("build", crawl, "--partition-size", "2", "--workers", "1", "-o", f"{folder}/", "--resume")
    assert again.exit_code == 0, again.stderr
    assert "kept 2 shards of an earlier run" in again.stderr  # the inputs' hashes are the same from a WARC
    assert (folder / "manifest.json").read_bytes() == manifest


@pytest.mark.model
def test_a_cut_warc_builds_what_it_holds_and_exits_1_naming_the_file(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[:len(whole) - 40])
    out = tmp_path / "news.nq"
    result = _kg("build", cut, "-f", "nquads", "-o", out, "--workers", "1")
    assert result.exit_code == 1
    assert set(_articles(out)) == {PAGES[0][0], PAGES[1][0]}
    (line,) = [x for x in result.stderr.splitlines() if "skipped" in x and "truncated" in x]
    assert line.startswith(f"kg: skipped {cut}: truncated or corrupt WARC at byte ")
