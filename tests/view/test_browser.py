"""The page in a real browser: headless Chromium (Debian's package), driven by Playwright.

Each page is built from real text (the seed article, and 60 MEANTIME articles read from
../shared at test time), opened from file:// and checked from what the browser rendered:
no console error, no network request, the events where they belong, the sentence one click
away. A screenshot of each page is written to $KG_VIEW_ARTIFACTS (or to pytest's tmp_path).

Without Chromium these tests fail, naming the command that installs it: a missing browser
must not pass for a working page.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

from ..conftest import ROOT, SEED
from .graphs import story_graph

pytestmark = pytest.mark.browser
built_by_kg = pytest.mark.model  # the pages of real text need the trained pipeline to build their graphs

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
INSTALL = "bash scripts/install-chromium (it runs apt-get install chromium)"
# Without the background-networking flags Chromium reaches for Google's services at start-up,
# which this project's closed machines refuse, many times over.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MEANTIME = ROOT.parent / "shared" / "corpora" / "meantime-en"
KG_EVAL = ROOT.parent / "shared" / "tools"


def _missing_browser() -> str | None:
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM}; the browser tests need it: install it with {INSTALL}, or set KG_CHROMIUM"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return 'the browser tests need the playwright package: pip install -e ".[test]" (never "playwright install")'
    return None


def test_chromium_and_playwright_are_installed():
    problem = _missing_browser()
    if problem:
        pytest.fail(problem, pytrace=False)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A headless Chromium with an empty profile, the viewport of a laptop."""
    problem = _missing_browser()
    if problem:
        pytest.fail(problem, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
            args=FLAGS, viewport={"width": 1440, "height": 960})
        yield context
        context.close()


@dataclass
class Opened:
    """A page as the browser loaded it, with everything it said and asked for."""

    page: object
    url: str
    seconds: float
    problems: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def _open(browser, path: Path) -> Opened:
    page = browser.new_page()
    opened = Opened(page, path.resolve().as_uri(), 0.0)
    page.on("console", lambda m: m.type in ("error", "warning") and opened.problems.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda error: opened.problems.append(f"uncaught: {error}"))
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("websocket", lambda socket: opened.requests.append(socket.url))
    started = time.perf_counter()
    page.goto(opened.url)
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
    opened.seconds = time.perf_counter() - started
    return opened


def _screenshot(opened: Opened, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("KG_VIEW_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    opened.page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 20_000  # a page with something on it, not a blank one
    return path


def _kg(*args: str) -> None:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr


# ---------------------------------------------------------------- a graph without its text

def test_without_the_text_a_mention_shows_its_words(browser, tmp_path):
    graph = tmp_path / "story.ttl"
    graph.write_text(story_graph(with_text=False), encoding="utf-8")
    _kg("view", str(graph), "-o", str(tmp_path / "story.html"))
    opened = _open(browser, tmp_path / "story.html")
    page = opened.page
    assert opened.problems == [] and opened.requests == [opened.url]
    shelling = _timeline_item(page, "shell")
    assert shelling.inner_text() == "3 May 2021 Rebels → shell → Aden, Aden"
    threat = _timeline_item(page, "close")  # a month, the date the threat was meant for: a bar as long as June
    assert "vis-range" in threat.get_attribute("class") and "fact-threatened" in threat.get_attribute("class")
    assert page.locator("#undated li[data-event]").all_inner_texts() == ["say"]  # the negated resignation is hidden
    shelling.click()
    detail = page.locator("#detail")
    assert detail.locator("blockquote mark.trigger").inner_text() == "shelled"
    assert "kg build --with-text" in detail.inner_text()
    page.close()


# ---------------------------------------------------------------- the seed article

@pytest.fixture(scope="module")
def seed_page(browser, tmp_path_factory):
    if not SEED.exists():
        pytest.fail(f"{SEED} is missing: the browser tests need ../shared beside the checkout")
    folder = tmp_path_factory.mktemp("seed")
    _kg("build", str(SEED), "--published", "2020-06-16", "--with-text", "--workers", "1", "-q", "-o", str(folder / "seed.ttl"))
    _kg("view", str(folder / "seed.ttl"), "-o", str(folder / "seed.html"))
    opened = _open(browser, folder / "seed.html")
    opened.page.wait_for_timeout(500)  # the network settles
    yield opened
    opened.page.close()


def _timeline_item(page, *words):
    items = page.locator("#timeline .vis-item.vis-box, #timeline .vis-item.vis-range")
    for word in words:
        items = items.filter(has_text=word)
    assert items.count() == 1, f"{items.count()} timeline items hold {words}"
    return items.first


@built_by_kg
def test_seed_page_loads_without_errors_and_asks_the_network_nothing(seed_page, tmp_path):
    _screenshot(seed_page, "view-seed.png", tmp_path)
    assert seed_page.problems == []
    assert seed_page.requests == [seed_page.url]  # the page itself, and nothing else


@built_by_kg
def test_seed_demolition_is_on_the_timeline_on_its_day_with_its_agent_and_patient(seed_page):
    page = seed_page.page
    demolition = _timeline_item(page, "blow up", "16 Jun 2020")
    assert demolition.is_visible()
    assert "fact-asserted" in demolition.get_attribute("class")
    assert demolition.locator("b").all_inner_texts() == ["North Korea", "Joint Liaison Office"]
    assert demolition.inner_text().startswith("16 Jun 2020 North Korea → blow up → Joint Liaison Office")
    # and it is drawn after the cutting of the lines on 9 June, which is after the threat of 5 June
    x = {day: _timeline_item(page, words, day).bounding_box()["x"]
         for day, words in (("16 Jun 2020", "blow up"), ("9 Jun 2020", "cut off"), ("5 Jun 2020", "→ threaten"))}
    assert x["5 Jun 2020"] < x["9 Jun 2020"] < x["16 Jun 2020"]


@built_by_kg
def test_seed_threatened_closing_is_shown_as_threatened(seed_page):
    page = seed_page.page
    closing = _timeline_item(page, "close down")
    assert "fact-threatened" in closing.get_attribute("class")
    assert closing.inner_text().lower().startswith("5 jun 2020 threatened north korea → close down")
    style = closing.evaluate("e => { const s = getComputedStyle(e); return [s.borderTopStyle, s.backgroundColor] }")
    asserted = _timeline_item(page, "blow up").evaluate("e => getComputedStyle(e).backgroundColor")
    assert style[0] == "dashed" and style[1] != asserted


@built_by_kg
def test_seed_clicking_the_threat_shows_its_sentence(seed_page):
    page = seed_page.page
    _timeline_item(page, "close down").click()
    sentence = page.locator("#detail blockquote.sentence")
    sentence.first.wait_for()
    assert sentence.count() == 1
    assert sentence.inner_text() == "On June 5, it threatened to close it down."
    assert sentence.locator("mark.trigger").inner_text().startswith("close")
    assert "threatened" in page.locator("#detail dl").inner_text()


@built_by_kg
def test_seed_negated_events_wait_behind_their_toggle_struck_through(seed_page):
    page = seed_page.page
    negated = page.locator("#undated li.fact-negated")
    assert negated.count() == 0
    page.locator("#f-negated").check()
    assert negated.count() >= 1
    assert "line-through" in negated.first.evaluate("e => getComputedStyle(e).textDecorationLine")
    page.locator("#f-negated").uncheck()
    assert negated.count() == 0


@built_by_kg
def test_seed_an_entity_shows_its_links_and_events(seed_page):
    page = seed_page.page
    _timeline_item(page, "blow up").click()
    page.locator("#detail .chip", has_text="North Korea").first.click()
    detail = page.locator("#detail")
    assert detail.locator("h3").inner_text().startswith("North Korea")
    assert detail.locator("a[href='https://sws.geonames.org/1873107/']").count() == 1
    assert detail.locator("li.event-link", has_text="blow up").count() >= 1
    assert detail.locator("blockquote.sentence mark.entity").count() >= 3


# ---------------------------------------------------------------- 60 articles

@pytest.fixture(scope="module")
def corpus_page(browser, tmp_path_factory):
    if not MEANTIME.exists():
        pytest.fail(f"{MEANTIME} is missing: the browser tests need ../shared beside the checkout")
    sys.path.insert(0, str(KG_EVAL))
    try:
        from kg_eval.meantime import load, write_jsonl
    finally:
        sys.path.remove(str(KG_EVAL))
    folder = tmp_path_factory.mktemp("meantime")
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
        write_jsonl(load([MEANTIME / "airbus", MEANTIME / "apple"]), out)
    _kg("build", str(folder / "articles.jsonl"), "--with-text", "-f", "nquads", "--workers", "2", "-q",
        "-o", str(folder / "corpus.nq"))
    _kg("view", str(folder / "corpus.nq"), "-o", str(folder / "corpus.html"))
    opened = _open(browser, folder / "corpus.html")
    yield opened
    opened.page.close()


@built_by_kg
def test_corpus_page_loads_fast_without_errors_or_requests(corpus_page, tmp_path):
    _screenshot(corpus_page, "view-meantime-60.png", tmp_path)
    assert corpus_page.problems == []
    assert corpus_page.requests == [corpus_page.url]
    assert corpus_page.seconds < 10, f"the 60-article page took {corpus_page.seconds:.1f} s to draw"
    page = corpus_page.page
    assert page.locator("#f-article option").count() == 61  # every article, and "all articles"
    assert page.locator("#timeline .vis-item").count() > 20
    assert page.locator("#undated li[data-event]").count() > 100


@built_by_kg
def test_corpus_filtering_by_article_keeps_its_events_only(corpus_page):
    page = corpus_page.page
    data = json.loads(page.locator("#kg-data").text_content())
    data["events"] = [{**data["defaults"]["events"], **e} for e in data["events"]]  # as view.js puts them back
    chosen = max(range(len(data["articles"])), key=lambda a: sum(1 for e in data["events"] if e["article"] == a))
    page.locator("#f-article").select_option(str(chosen))
    undated = sum(1 for e in data["events"] if e["article"] == chosen and not (e["time"] and e["time"]["precision"])
                  and e["fact"] != "negated")
    assert page.locator("#undated li[data-event]").count() == min(undated, 300)
    events = [int(i) for i in page.locator("#undated li[data-event]").evaluate_all("l => l.map(e => e.dataset.event)")]
    assert {data["events"][i]["article"] for i in events} == {chosen}
    assert "pass the filters" in page.locator("#stats").inner_text()
    page.locator("#undated li[data-event]").first.click()
    assert page.locator("#detail blockquote.sentence mark.trigger").count() >= 1
    page.locator("#f-reset").click()
    page.wait_for_function("() => !document.getElementById('stats').textContent.includes('pass the filters')")
