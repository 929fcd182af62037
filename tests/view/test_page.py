"""The page file: self-contained, its data apart from its code, its libraries licensed and
shipped, written whole or not at all."""

from __future__ import annotations

import configparser
import json
import re
from pathlib import Path

import pytest

from kg.errors import OutputError
from kg.view import page as page_module
from kg.view.page import DEFAULTS, SCRIPTS, pack, render, write

from ..conftest import ROOT

STATIC = ROOT / "kg" / "view" / "static"
VENDOR = STATIC / "vendor"
DATA = {"title": "Rebels </script><script>alert(1)</script> & <b>", "articles": [], "classes": [], "entities": [],
        "events": []}


def _embedded(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1))


def test_the_data_go_in_as_json_that_cannot_end_its_script_element():
    page = render(DATA)
    assert _embedded(page) == {**DATA, "defaults": DEFAULTS}
    assert page.count("</script>") == page.count("<script")  # the title did not close an element
    assert "<title>Rebels &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;</title>" in page


def test_values_at_their_default_and_the_article_part_of_event_iris_are_left_out():
    article = "https://kg.example.org/id/article/a"
    event = {"iri": f"{article}/event/3-shell", "label": "shell", "cls": None, "fact": "asserted", "tense": "past",
             "time": None, "article": 0, "agents": [1], "patients": [], "places": [], "mentions": [[3, 10]]}
    foreign = {**event, "iri": "https://example.org/e/1", "fact": "threatened"}
    data = {**DATA, "articles": [{"iri": article}], "events": [event, foreign]}
    packed = pack(data)
    assert packed["events"] == [
        {"iri": "/event/3-shell", "label": "shell", "tense": "past", "article": 0, "agents": [1], "mentions": [[3, 10]]},
        {"iri": "https://example.org/e/1", "label": "shell", "fact": "threatened", "tense": "past", "article": 0,
         "agents": [1], "mentions": [[3, 10]]}]
    assert packed["defaults"] == DEFAULTS and data["events"][0]["iri"].startswith(article)  # the data are left as they were


def test_nothing_in_the_page_points_outside_it():
    page = render(DATA)
    assert not re.search(r"<(script|link|img|iframe)[^>]*\b(src|href)=", page, re.I)
    assert "sourceMappingURL" not in page
    assert "default-src 'none'" in page  # and the browser is told to fetch nothing
    assert not re.search(r"@import|url\((?!\"?data:)", page)


def test_template_code_and_libraries_are_files_of_their_own():
    page = render(DATA)
    assert (STATIC / "view.js").read_text(encoding="utf-8").strip() in page
    for name in SCRIPTS:
        assert (STATIC / name).stat().st_size > 10_000
    template = (STATIC / "page.html").read_text(encoding="utf-8")
    assert set(re.findall(r"\{\{(\w+)\}\}", template)) == {"title", "version", "styles", "scripts", "data", "code"}


def test_a_library_holding_a_closing_script_tag_is_refused(monkeypatch):
    real = page_module._static
    monkeypatch.setattr(page_module, "_static", lambda name: real(name) + ("'</script>'" if name == "view.js" else ""))
    with pytest.raises(OutputError, match="view.js holds '</script'"):
        render(DATA)


def test_each_library_is_the_version_its_readme_names_with_its_licence():
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w.-]+\.js)`.*?\| ([\w-]+) \(.*?\| ([\d.]+) \|", readme, re.M)
    assert {file for file, _, _ in rows} == {Path(name).name for name in SCRIPTS}
    for file, package, version in rows:
        header = (VENDOR / file).read_text(encoding="utf-8")[:600]
        assert re.search(rf"version\s*:?\s*{re.escape(version)}\b", header), (file, version)
        assert list(VENDOR.glob(f"{package}.LICENSE*")), f"no licence file for {package}"


def test_setup_cfg_ships_the_page_files():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    patterns = [p.strip() for p in config["options.package_data"]["kg.view"].split(",")]
    package = ROOT / "kg" / "view"
    shipped = {path for pattern in patterns for path in package.glob(pattern)}
    needed = {p for p in package.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")}
    assert needed <= shipped, sorted(str(p.relative_to(package)) for p in needed - shipped)


def test_a_page_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    target = tmp_path / "view.html"
    target.write_text("the old page", encoding="utf-8")
    assert write("<html>new</html>", str(target)) == len("<html>new</html>")
    assert target.read_text(encoding="utf-8") == "<html>new</html>"

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(page_module.os, "replace", broken)
    with pytest.raises(OSError):
        write("<html>newer</html>", str(target))
    assert target.read_text(encoding="utf-8") == "<html>new</html>"
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]  # no part file left


def test_a_page_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(OutputError, match="does not exist; create it first"):
        write("<html></html>", str(tmp_path / "nowhere" / "view.html"))
