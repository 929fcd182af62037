"""How heavy kg view's page is, and how long a browser takes to draw it, for N articles.

Builds a corpus of N articles from the MEANTIME development texts (repeated with fresh ids,
as bench/speed.py does) with kg build --with-text, or takes a graph you give, then times
kg view and opens the page in headless Chromium (Debian's, driven by Playwright) from
file:// several times. It prints the page's weight and, for each load, the seconds from
navigation until the first frame after the page's code has run (the timeline, the network,
the list and the detail panel drawn), and the median.

    python bench/view.py --articles 1000                 # builds the corpus first (minutes)
    python bench/view.py --graph corpus.nq --loads 5     # an existing graph
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MEANTIME = [SHARED / "corpora" / "meantime-en" / name for name in ("airbus", "apple")]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# the first frame after the page's code set data-ready: everything is drawn
DRAWN = "() => new Promise(done => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0)))"


def write_corpus(path: Path, articles: int) -> None:
    sys.path.insert(0, str(SHARED / "tools"))
    from kg_eval.meantime import load, write_jsonl

    with tempfile.TemporaryFile("w+", encoding="utf-8") as once:
        write_jsonl(load(MEANTIME), once)
        once.seek(0)
        records = [json.loads(line) for line in once]
    with open(path, "w", encoding="utf-8") as out:
        for n in range(articles):
            record = records[n % len(records)]
            out.write(json.dumps(dict(record, id=f"{record['id']}-{n // len(records)}")) + "\n")


def kg(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", *args], check=True, cwd=ROOT)
    return time.perf_counter() - started


def loads(page: Path, count: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    seconds = []
    with sync_playwright() as driver, tempfile.TemporaryDirectory() as profile:
        browser = driver.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                           args=FLAGS, viewport={"width": 1440, "height": 960})
        for _ in range(count):
            tab = browser.new_page()
            tab.goto(page.resolve().as_uri())
            tab.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
            seconds.append(tab.evaluate(DRAWN) / 1000)
            tab.close()
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the corpus built (default 1000)")
    parser.add_argument("--graph", type=Path, help="use this graph instead of building one")
    parser.add_argument("--loads", type=int, default=3, help="times the page is opened (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        graph = args.graph
        if graph is None:
            write_corpus(folder / "corpus.jsonl", args.articles)
            graph = folder / "corpus.nq"
            took = kg("build", str(folder / "corpus.jsonl"), "--with-text", "-f", "nquads", "-q", "-o", str(graph))
            print(f"kg build: {args.articles:,} articles in {took:.1f} s")
        page = folder / "view.html"
        took = kg("view", str(graph), "-o", str(page))
        print(f"kg view: {took:.1f} s; the page weighs {page.stat().st_size / 1e6:.1f} MB")
        seconds = loads(page, args.loads)
        print("drawn after " + ", ".join(f"{s:.2f}" for s in seconds) + f" s; median {statistics.median(seconds):.2f} s")


if __name__ == "__main__":
    main()
