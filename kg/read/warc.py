"""Read news articles from a web archive: a WARC file (.warc, .warc.gz), as crawlers and
Common Crawl's CC-NEWS write them, streamed one record at a time with warcio.

Each ``response`` record with HTTP status 200 and an HTML payload goes through kg's HTML
reader (kg.read.html: text, title, site and date from the page); the record's
WARC-Target-URI is the article's id and its url. The crawl date (WARC-Date) is not a
publication date and is not used. Every other record (request, warcinfo, metadata and
revisit records, responses with another status or another content type) is passed over
and counted in ``passed``, not reported one by one.

A record whose bytes do not match its WARC digest is an Unreadable of its own and reading
goes on. A file that ends inside a record, or that holds bytes no WARC reader can parse,
ends with one Unreadable naming the file, the byte where it breaks and how many articles
were read before it: those articles are kept (a partly downloaded archive still gives
what it holds), and the run reports the file as skipped, so the loss is never silent.
"""

from __future__ import annotations

import contextlib
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError
from kg.model import Article

from .html import read_html

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BLOCK = 1 << 16


@dataclass(frozen=True)
class Broken:
    """A record, or the rest of a file, that cannot be read: where, and the whole message."""

    where: str
    reason: str


class CorruptArchive(Exception):
    """The file breaks at ``offset``: a record cut short, or bytes that are no WARC record."""

    def __init__(self, offset: int, detail: str):
        detail = " ".join(detail.split())  # warcio quotes the bad line, newline and all: keep one line
        super().__init__(detail)
        self.offset = offset
        self.detail = detail if len(detail) <= 160 else detail[:157] + "..."


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def looks_like_warc(data: bytes) -> bool:
    """Whether bytes (stdin's) start a WARC file, compressed or not."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 16)
        except zlib.error:
            return False
    return data.startswith(b"WARC/")


def read_warc(path: Path | str, passed: Counter | None = None, stream: BinaryIO | None = None) -> Iterator[Article | Broken]:
    """The articles of one WARC file (or of ``stream``, seekable, which ``path`` then names),
    in record order, and a Broken for each record or break that cannot be read. Records that
    are not HTML pages served with status 200 are counted in ``passed`` by kind. InputError
    when warcio is not installed."""
    try:
        from warcio.archiveiterator import WARCIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as error:
        raise InputError(f"{path}: reading WARC files needs warcio: pip install warcio") from error
    passed = passed if passed is not None else Counter()
    articles = 0
    end = 0  # where the last whole record ends
    try:
        with open(path, "rb") if stream is None else contextlib.nullcontext(stream) as stream:
            records = WARCIterator(stream, check_digests=True)
            try:
                for record in records:
                    item = _article(record, records, path, passed)
                    offset, length = records.get_record_offset(), records.get_record_length()
                    if record.length is None or getattr(record.raw_stream, "limit", 0):
                        raise CorruptArchive(offset, "the file ends inside a record")
                    end = offset + length
                    if isinstance(item, Article):
                        articles += 1
                    if item is not None:
                        yield item
            except (ArchiveLoadFailed, EOFError, ValueError, AttributeError, KeyError) as error:
                raise CorruptArchive(end, f"{type(error).__name__}: {error}") from None
            if trailing := _trailing(stream, end):
                raise CorruptArchive(end, f"{trailing} bytes after the last whole record are no WARC record")
    except OSError as error:
        yield Broken(str(path), f"{path}: cannot be read ({error.strerror or error}); check the file")
    except CorruptArchive as broken:
        read = f"the {articles} articles before it were read" if articles else "no article was read before it"
        yield Broken(str(path), f"{path}: truncated or corrupt WARC at byte {broken.offset} ({broken.detail}); "
                         f"{read}; fetch the file again")


def _article(record, records, path: Path | str, passed: Counter) -> Article | Broken | None:
    """The article of one record, a Broken, or None (counted in ``passed``) for a record
    that is no HTML page served with status 200."""
    kind = record.rec_type
    if kind != "response":
        passed[kind] += 1
        records.read_to_end(record)
        return None
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status != "200":
        passed["not status 200"] += 1
        records.read_to_end(record)
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type and content_type not in _HTML_TYPES:
        passed["not HTML"] += 1
        records.read_to_end(record)
        return None
    page = record.content_stream().read()
    records.read_to_end(record)
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{uri or 'a record'} (in {path})"
    if not content_type and not page[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith((b"<!doctype html",
                                                                                                  b"<html")):
        passed["not HTML"] += 1
        return None
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.passed is False:
        return Broken(where, f"{where}: its bytes do not match its WARC digest, so the record is corrupt; "
                          "fetch the file again")
    if not uri:
        return Broken(where, f"{where}: the response has no WARC-Target-URI, so the article has no id; "
                          "give the record its URI")
    try:
        article = read_html(page, where, uri)
    except InputError as error:
        return Broken(where, str(error))
    return Article(id=uri, text=article.text, title=article.title, published=article.published, url=uri,
                   source=article.source, origin=where)


def _trailing(stream, end: int) -> int:
    """The bytes after the last whole record that are not the blank lines a WARC ends with."""
    stream.seek(end)
    left = 0
    while block := stream.read(_BLOCK):
        left += len(block.translate(None, b"\r\n"))
    return left


def describe(passed: Counter) -> str:
    """A summary of the records passed over: "passed over 4 WARC records that are no HTML
    page with status 200 (2 request, 1 not status 200, 1 not HTML)"; empty when none were."""
    total = sum(passed.values())
    if not total:
        return ""
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(passed.items(), key=lambda kv: (-kv[1], kv[0])))
    records = "record" if total == 1 else "records"
    return f"passed over {total} WARC {records} that are not HTML pages served with status 200 ({kinds})"
