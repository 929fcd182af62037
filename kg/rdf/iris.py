"""The minting of IRIs from content, never from counters or clocks: the base, name slugs,
article ids as path segments."""

from __future__ import annotations

import hashlib
import re
import unicodedata

DEFAULT_BASE = "https://kg.example.org/id/"

_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,80}")


def slug(text: str) -> str:
    """A readable, IRI-safe key for a name: ASCII letters and digits joined by hyphens,
    with a short hash when folding to ASCII lost something (so distinct names stay distinct)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", folded.lower())
    readable = "-".join(words)[:60].strip("-")
    lossless = readable.replace("-", "") == re.sub(r"[\W_]+", "", text.lower())
    if readable and lossless:
        return readable
    digest = hashlib.sha1(text.strip().lower().encode("utf-8")).hexdigest()[:10]
    return f"{readable}-{digest}" if readable else digest


def id_segment(article_id: str) -> str:
    """An article id as a path segment: kept when already safe, otherwise slugged."""
    return article_id if _SAFE_ID.fullmatch(article_id) else slug(article_id)  # fullmatch: "$" allows a final newline
