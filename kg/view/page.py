"""The page: kg view's template, style, code and libraries, with the graph's data, as one
self-contained HTML file.

The template (static/page.html), the page code (static/view.js, static/view.css) and the
libraries (static/vendor/) are files of their own; the data go in as JSON in a
``<script type="application/json">`` element. Nothing in the page points outside it, and
its Content-Security-Policy forbids every fetch, so it works offline from file://.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import tempfile
from importlib.resources import files as package_files
from pathlib import Path

from kg.errors import OutputError

# The libraries, in the order they must load: vis-data and moment before what uses them.
SCRIPTS = ("vendor/vis-data.min.js", "vendor/moment.min.js", "vendor/vis-timeline-graph2d.min.js",
           "vendor/vis-network.min.js")
STYLES = ("vendor/vis-timeline-graph2d.min.css", "view.css")
# What most entities and events have is left out of the page and put back by view.js (the
# page's own JSON says so under "defaults"): a third of a large corpus's weight.
DEFAULTS = {
    "entities": {"classes": [], "alt": [], "same": [], "in": []},
    "events": {"label": "", "cls": None, "fact": "asserted", "tense": "", "time": None, "agents": [], "patients": [],
               "places": []},
}
_SOURCE_MAP = re.compile(r"^\s*/[/*][#@] sourceMappingURL=.*$", re.M)
_SLOT = re.compile(r"\{\{(\w+)\}\}")


def _static(name: str) -> str:
    text = package_files("kg.view").joinpath("static", *name.split("/")).read_text(encoding="utf-8")
    return _SOURCE_MAP.sub("", text)  # a source map is a file the page would ask for


def render(data: dict, version: str = "") -> str:
    """The HTML page showing ``data`` (kg.view.data.page_data)."""
    for name in (*SCRIPTS, "view.js"):
        if "</script" in _static(name).lower():
            raise OutputError(f"kg/view/static/{name} holds '</script', which would end its script element early")
    slots = {
        "title": html.escape(data["title"]),
        "version": html.escape(version),
        "styles": "\n".join(_static(name) for name in STYLES),
        "scripts": "\n".join(f"<script>\n{_static(name)}\n</script>" for name in SCRIPTS),
        "data": _json(pack(data)),
        "code": _static("view.js"),
    }
    # one pass over the template, so nothing inserted is read as a slot
    return _SLOT.sub(lambda m: slots[m.group(1)], _static("page.html"))


def pack(data: dict) -> dict:
    """The data as the page holds them: values at their default left out, and an event's IRI
    that begins with its article's written as the rest ("/event/145-blow-up")."""
    packed = {**data, "defaults": DEFAULTS}
    for kind, defaults in DEFAULTS.items():
        packed[kind] = [{k: v for k, v in record.items() if k not in defaults or v != defaults[k]}
                        for record in data[kind]]
    for event in packed["events"]:
        article = data["articles"][event["article"]]["iri"]
        if event["iri"].startswith(article + "/"):
            event["iri"] = event["iri"][len(article):]
    return packed


def _json(data: dict) -> str:
    """JSON that cannot end its script element: every "<" is written as \\u003c."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def write(page: str, target: str | None) -> int:
    """Write the page to ``target`` (a file, replaced only once it is complete) or to stdout
    for None or "-"; the number of bytes."""
    data = page.encode("utf-8")
    if target in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return len(data)
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist; create it first")
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(name, 0o666 & ~mask)  # mkstemp made it private; a page is not
        os.replace(name, path)
    finally:
        if os.path.exists(name):
            os.unlink(name)
    return len(data)
