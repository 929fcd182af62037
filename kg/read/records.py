"""What an article is in each form kg reads: a plain text whose first line may be its title,
a JSON object with "id" and "text", and the "published" date either may give.

Each function takes the text already decoded and ``where`` (the file, or "file.jsonl line 7")
for messages; anything malformed raises an InputError that names it and the fix.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from kg.errors import InputError
from kg.model import Article


def parse_published(value: str, where: str) -> date:
    """An ISO date or date-time ("2020-06-16", "2020-06-16T09:30:00Z") as a date."""
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) == 10 else datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(f'{where}: "published" is not a date (got {text!r}); use an ISO date like 2020-06-16') from None


def plain_article(text: str, where: str, stem: str, published: date | None) -> Article:
    """A plain-text article: its first line is the title when a blank line and a body follow."""
    if not text.strip():
        raise InputError(f"{where}: the article is empty; remove the file or give it text")
    lines = text.split("\n", 2)
    title = None
    if len(lines) == 3 and lines[0].strip() and not lines[1].strip() and lines[2].strip():  # a body must follow
        title = lines[0].strip()
    return Article(id=stem, text=text, title=title, published=published, origin=where)


def json_line(line: str, here: str) -> Article:
    """One JSON Lines line: an object with "id" and "text", and optional "title", "published", "url", "source"."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{here}: is not JSON ({error.msg}); write one JSON object per line") from None
    if not isinstance(record, dict):
        raise InputError(f"{here}: is not a JSON object; write one object per line with \"id\" and \"text\"")
    return _json_article(record, here)


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
