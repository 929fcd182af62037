"""Articles in: files, folders, JSON Lines, HTML pages, WARC files and stdin become Article records.

In:  paths ("-" for stdin) and, for plain texts, a publication date.
Out: kg.model.Article (the text exactly as decoded: every offset kg writes indexes it), or an
     Unreadable record for an input that cannot be read; ``analyse`` then gives an article's
     kg.model.Layout (headline, dateline, boilerplate and source line).

  files      paths, folders and stdin; decoding; one Unreadable per bad input
  records    a plain text or a JSON object -> Article; the "published" date
  html       a web page -> Article, with trafilatura
  warc       a web archive (.warc, .warc.gz) -> its HTML pages' Articles, with warcio
  structure  the parts of one article that are not its story
"""

from .files import Unreadable, read_articles, read_inputs
from .records import parse_published
from .structure import analyse

__all__ = ["Unreadable", "analyse", "parse_published", "read_articles", "read_inputs"]
