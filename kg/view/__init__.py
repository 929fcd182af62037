"""The page that shows a graph: a timeline, who acted on whom, and each fact's sentence.

In:  kg's output: RDF files in any format kg validate reads, or an Oxigraph store.
Out: one self-contained HTML file that works offline from file:// (no network request).

  data     the page's data, read from the graph with SPARQL (queries/*.rq) through kg.stores
  page     the template, style, code and vendored libraries (static/) with the data, as one
           HTML file, written atomically

The page's own code is static/view.js; the libraries it draws with (vis-timeline,
vis-network) are in static/vendor/ with their licences.
"""

from __future__ import annotations

from dataclasses import dataclass

from .data import page_data
from .page import render, write


@dataclass(frozen=True)
class View:
    """What a written page shows, and how big it is."""

    articles: int
    entities: int
    events: int
    bytes: int


def view(paths=(), *, store: str | None = None, output: str | None = None, article: str | None = None,
         title: str | None = None, version: str = "") -> View:
    """Write the page for RDF files or a store (or one article of them) to ``output``."""
    data = page_data(paths, store, article=article, title=title)
    size = write(render(data, version), output)
    return View(len(data["articles"]), len(data["entities"]), len(data["events"]), size)


__all__ = ["View", "page_data", "render", "view"]
