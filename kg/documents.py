"""Read articles from plain-text files, JSON Lines, folders and stdin.

Offsets in kg's output are offsets into the text exactly as decoded here: no newline
translation, no cleaning (a leading byte-order mark is the one thing dropped).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from .errors import InputError
from .model import Article

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}


def read_articles(paths: Iterable[str], published: date | None = None) -> Iterator[Article]:
    """Articles from each path in turn: a file, a folder (its .txt and .jsonl files,
    recursively, in sorted order) or "-" for stdin. ``published`` dates plain-text articles."""
    for name in paths:
        if name == "-":
            yield from _read_blob(sys.stdin.buffer.read(), "<stdin>", "stdin", published)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in JSONL_SUFFIXES | TEXT_SUFFIXES)
            if not files:
                raise InputError(f"{path}: folder holds no .txt or .jsonl files; point kg at the articles themselves")
            for file in files:
                yield from _read_file(file, published)
        elif path.is_file():
            yield from _read_file(path, published)
        else:
            raise InputError(f"{path}: no such file; check the path (use - to read stdin)")


def parse_published(value: str, where: str) -> date:
    """An ISO date or date-time ("2020-06-16", "2020-06-16T09:30:00Z") as a date."""
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) == 10 else datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(f'{where}: "published" is not a date (got {text!r}); use an ISO date like 2020-06-16') from None


def _read_file(path: Path, published: date | None) -> Iterator[Article]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror}); check its permissions") from None
    yield from _read_blob(data, str(path), path.stem, published, jsonl=path.suffix.lower() in JSONL_SUFFIXES)


def _read_blob(data: bytes, where: str, stem: str, published: date | None, jsonl: bool | None = None) -> Iterator[Article]:
    text = _decode(data, where)
    if jsonl is None:  # stdin: JSON Lines when it starts with an object
        jsonl = text.lstrip().startswith("{")
    if jsonl:
        yield from _read_jsonl(text, where)
    else:
        yield _plain_article(text, where, stem, published)


def _decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: is a binary file, not text; give kg UTF-8 text or JSON Lines")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{where}: is not UTF-8 (byte {error.start}); convert it, e.g. `iconv -f latin1 -t utf-8`"
        ) from None


def _plain_article(text: str, where: str, stem: str, published: date | None) -> Article:
    if not text.strip():
        raise InputError(f"{where}: the article is empty; remove the file or give it text")
    lines = text.split("\n", 2)
    title = None
    if len(lines) >= 2 and lines[0].strip() and not lines[1].strip():
        title = lines[0].strip()
    return Article(id=stem, text=text, title=title, published=published, origin=where)


def _read_jsonl(text: str, where: str) -> Iterator[Article]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        here = f"{where} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{here}: is not JSON ({error.msg}); write one JSON object per line") from None
        if not isinstance(record, dict):
            raise InputError(f"{here}: is not a JSON object; write one object per line with \"id\" and \"text\"")
        yield _json_article(record, here)


def _json_article(record: dict, here: str) -> Article:
    for key in ("id", "text"):
        if key not in record or record[key] in (None, ""):
            raise InputError(f'{here}: lacks "{key}"; every line needs "id" and "text"')
    if not isinstance(record["text"], str) or not record["text"].strip():
        raise InputError(f'{here}: "text" is empty or not a string; give the article\'s text')
    optional = {}
    for key in ("title", "url", "source"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'{here}: "{key}" must be a string (got {type(value).__name__})')
        optional[key] = value or None
    published = parse_published(record["published"], here) if record.get("published") else None
    return Article(id=str(record["id"]), text=record["text"], published=published, origin=here, **optional)
