"""Read articles from plain-text files, JSON Lines, HTML pages, WARC files, folders and stdin.

Offsets in kg's output are offsets into the text exactly as decoded here: no newline
translation, no cleaning (a leading byte-order mark is the one thing dropped). For an HTML
page the text is the article text trafilatura extracts, and offsets index that text.

``read_inputs`` streams articles and, for each input that cannot be read, an Unreadable
record, so that one bad file does not stop a corpus; ``read_articles`` raises instead.
A WARC file is streamed record by record (kg.read.warc), never read whole.
"""

from __future__ import annotations

import io
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.model import Article

from .html import HTML_SUFFIXES, read_html
from .records import json_line, plain_article
from .warc import Broken, is_warc, looks_like_warc, read_warc

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
# A folder is read for these; .md is left out, since a folder of articles often has a
# README beside them (a named .md file, or --glob '*.md', is read as text all the same)
FOLDER_SUFFIXES = JSONL_SUFFIXES | {".txt", ".text"} | HTML_SUFFIXES


@dataclass(frozen=True)
class Unreadable:
    """An input (a file, a JSON line) that could not be read as an article."""

    origin: str  # the file, or "file.jsonl line 7"
    reason: str  # the whole message: names the input and the fix


def read_inputs(paths: Iterable[str], published: date | None = None, glob: str | None = None,
                passed: Counter | None = None) -> Iterator[Article | Unreadable]:
    """Articles from each path in turn: a file, a folder (recursively, in sorted order: its
    .txt, .jsonl, .html and .warc(.gz) files, or those matching ``glob``) or "-" for stdin.
    ``published`` dates plain-text articles. Missing paths and empty folders raise
    InputError at once, before any article is read; a file that cannot be read gives an
    Unreadable and reading goes on. The WARC records that are no article (requests,
    responses other than HTML pages with status 200) are counted in ``passed``, by kind."""
    return _read_sources(_sources(paths, glob), published, passed)


def count_inputs(paths: Iterable[str], glob: str | None = None) -> int | None:
    """How many items read_inputs gives (an article or an Unreadable each), when that is cheap
    to know: one for a text or HTML file, one per non-blank line of a JSON Lines file. None with
    stdin among the paths, or a file whose suffix does not say how many articles it holds."""
    total = 0
    for source in _sources(paths, glob):
        suffix = source.suffix.lower() if source != "-" else None
        if suffix in JSONL_SUFFIXES:
            try:
                with open(source, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1  # read_inputs reports it once
        elif suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
            total += 1
        else:
            return None
    return total


def _read_sources(sources: list, published: date | None, passed: Counter | None) -> Iterator[Article | Unreadable]:
    for source in sources:
        if source == "-":
            yield from _read_stdin(published, passed)
        elif is_warc(source):
            yield from _read_warc(source, passed)
        else:
            yield from _guard(source.read_bytes, str(source), source.stem, published, _kind(source))


def _read_stdin(published: date | None, passed: Counter | None) -> Iterator[Article | Unreadable]:
    """stdin: a web archive when it starts like one, else as _read_blob tells."""
    try:
        data = sys.stdin.buffer.read()
    except OSError as error:
        yield Unreadable("<stdin>", f"<stdin>: cannot be read ({error.strerror})")
        return
    if looks_like_warc(data):
        yield from _read_warc("<stdin>", passed, io.BytesIO(data))
    else:
        yield from _guard(lambda: data, "<stdin>", "stdin", published, None)


def _read_warc(path: Path | str, passed: Counter | None, stream=None) -> Iterator[Article | Unreadable]:
    try:
        for item in read_warc(path, passed, stream):
            yield Unreadable(item.where, item.reason) if isinstance(item, Broken) else item
    except InputError as error:  # warcio is not installed
        yield Unreadable(str(path), str(error))


def read_articles(paths: Iterable[str], published: date | None = None, glob: str | None = None) -> Iterator[Article]:
    """Like read_inputs, but the first input that cannot be read raises InputError."""
    for item in read_inputs(paths, published, glob):
        if isinstance(item, Unreadable):
            raise InputError(item.reason)
        yield item


def _sources(paths: Iterable[str], glob: str | None) -> list:
    """Every file to read, checked up front: a typo in a path fails before any work."""
    sources = []
    for name in paths:
        if name == "-":
            sources.append("-")
            continue
        path = Path(name)
        if path.is_dir():
            found = path.rglob(glob) if glob else (p for p in path.rglob("*")
                                                   if p.suffix.lower() in FOLDER_SUFFIXES or is_warc(p))
            files = sorted(p for p in found if p.is_file())
            if not files:
                wanted = f"files matching {glob!r}" if glob else ".txt, .jsonl, .html or .warc files"
                raise InputError(f"{path}: folder holds no {wanted}; point kg at the articles themselves")
            sources.extend(files)
        elif path.is_file():
            sources.append(path)
        else:
            raise InputError(f"{path}: no such file; check the path (use - to read stdin)")
    return sources


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    return "jsonl" if suffix in JSONL_SUFFIXES else "html" if suffix in HTML_SUFFIXES else "text"


def _guard(read, where: str, stem: str, published: date | None, kind: str | None) -> Iterator[Article | Unreadable]:
    try:
        data = read()
    except OSError as error:
        yield Unreadable(where, f"{where}: cannot be read ({error.strerror}); check its permissions")
        return
    try:
        yield from _read_blob(data, where, stem, published, kind)
    except InputError as error:
        yield Unreadable(where, str(error))


def _read_blob(data: bytes, where: str, stem: str, published: date | None, kind: str | None) -> Iterator[Article | Unreadable]:
    if kind is None:  # stdin: HTML when it starts with a tag, JSON Lines with an object
        head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        kind = "html" if head.startswith((b"<!doctype html", b"<html")) else None
    if kind == "html":
        yield read_html(data, where, stem)
        return
    text = _decode(data, where)
    if kind is None:
        kind = "jsonl" if text.lstrip().startswith("{") else "text"
    if kind == "jsonl":
        yield from _read_jsonl(text, where)
    else:
        yield plain_article(text, where, stem, published)


def _decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: is a binary file, not text; give kg UTF-8 text or JSON Lines")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{where}: is not UTF-8 (byte {error.start}); convert it, e.g. `iconv -f latin1 -t utf-8`"
        ) from None


def _read_jsonl(text: str, where: str) -> Iterator[Article | Unreadable]:
    """One article per line; a bad line is an Unreadable of its own and the next lines are read."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        here = f"{where} line {number}"
        try:
            yield json_line(line, here)
        except InputError as error:
            yield Unreadable(here, str(error))
