"""Read a news article from an HTML page with trafilatura: its text, title, date and site.

The date comes only from the page itself (its metadata and markup): htmldate's extensive
search, which guesses from any date-like string such as a copyright line, is off, so a
page without a date gives an article without one, never today's date or a guess.
"""

from __future__ import annotations

from kg.errors import InputError
from kg.model import Article

from .records import parse_published

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# original_date: the publication date, not the last update; no extensive search (guesses);
# a fixed upper bound instead of htmldate's default of today, so output does not depend on the day.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}


def read_html(data: bytes, where: str, stem: str) -> Article:
    """The article in one HTML page; ``where`` names the page in messages."""
    try:
        from trafilatura import bare_extraction
    except ImportError as error:  # lxml.html.clean ships apart from lxml now
        raise InputError(f"{where}: reading HTML needs trafilatura: pip install trafilatura lxml_html_clean") from error
    try:
        page = bare_extraction(data, with_metadata=True, include_comments=False, include_tables=False,
                               date_extraction_params=dict(_DATE_PARAMS))
    except Exception as error:  # trafilatura and lxml raise many kinds of parse errors
        raise InputError(f"{where}: is not a readable HTML page ({type(error).__name__}); save the page again") from error
    text = page.text if page is not None else None
    if not text or not text.strip():
        raise InputError(f"{where}: no article text found in the HTML page; give the article's own page")
    published = parse_published(page.date, f"{where} (page date)") if page.date else None
    return Article(id=stem, text=text, title=page.title or None, published=published,
                   url=page.url or None, source=page.sitename or None, origin=where)
