"""Regression guard on the quality of the graph, measured with the shared scorer.

Scores on a fixed handful of MEANTIME development articles and the seed article must not
fall below the levels kg reached when this guard was set (the floors sit a little under the
measured values, so that a harmless change in a tie does not fail CI, while a lost rule does).
The full development-set table is in the README; this is a fast tripwire, not the benchmark.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.model import Article
from kg.pipeline import build
from kg.rdf.output import ntriples

from .conftest import ROOT

SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not (TOOLS / "kg_eval").is_dir(), reason="../shared/tools is not beside the checkout")]

# The articles and the floors (F1), measured when the guard was set: see the module docstring.
ARTICLES = ["airbus/100911", "airbus/11716", "airbus/145930", "airbus/3307", "apple/190356", "apple/21302",
            "apple/58383", "apple/199629"]
# Measured on 2026-11-25 (last: names .792, timex .976, timex_value .927, events .849,
# agent .567, patient .419, anchor .520, coref_b3 .803); the floors sit a little below.
# Entity floors raised after the entity-layer fixes of issue #4 (names .817, coref_b3 .811 on
# these articles). Event floors raised after the event rules of issue #3 (copulas and more
# event nouns, passive and control subjects, places of buildings and journeys, dates of
# present-tense reports: events .896, roles .553, agent .583, patient .511, place .571,
# anchor .618 on these articles). Agent floor raised after first-person pronouns in quotations,
# "they" of a company and gerund/participle subjects (agent .583 -> .607 on these articles;
# .58 leaves room for a tie or two on these few articles, where one role moves F1 by ~.01).
# Raised again after the third round of rules (roles, control, definites, company news): on
# these articles names .812, events .896, roles .586-.595, agent .629-.645, patient .527,
# place .571, anchor .630, coref_b3 .828 over hash seeds 0-2; after the business-news and
# second entity rounds agent .634, patient .522, coref_b3 .842.
# Descriptions beside names (kg.appositives: "Apple executive Steve Jobs", "Airbus, Europe's
# biggest aircraft manufacturer") and things a named owner has ("Apple's website") raised
# coref_b3 to .861 and lowered names to .793 (seeds 0-2): the new mentions are true mentions of
# entities, but the scorer counts every mention holding a capital as a name, and the gold has
# no name there (the description's own span, or the whole apposition beside the name's).
FLOORS = {"names": 0.78, "timex": 0.95, "timex_value": 0.90, "events": 0.88, "roles": 0.56, "agent": 0.60,
          "patient": 0.50, "place": 0.55, "anchor": 0.61, "coref_b3": 0.85}


@pytest.fixture(scope="module")
def scorer():
    sys.path.insert(0, str(TOOLS))
    from kg_eval import meantime, rdf

    return meantime, rdf


def _gold(meantime):
    folder = SHARED / "corpora" / "meantime-en"
    files = [next((folder / part.split("/")[0]).glob(f"{part.split('/')[1]}_*.xml")) for part in ARTICLES]
    return [meantime.read(f) for f in files]


def test_scores_on_dev_articles_stay_above_their_floors(tmp_path, scorer):
    meantime, rdf = scorer
    docs = _gold(meantime)
    articles = [Article(d.doc_id, d.text, d.title, date.fromisoformat(d.dct) if d.dct else None) for d in docs]
    out = tmp_path / "dev.nq"
    out.write_text("".join(ntriples(b.graph, b.name) for b in build(articles)), encoding="utf-8")
    rows, _ = meantime.score(docs, rdf.predictions(rdf.load([out], str(ROOT / "ontology"))))
    scores = {name: round(rows[name][2], 3) for name in FLOORS}
    assert {k: v for k, v in scores.items() if v < FLOORS[k]} == {}, scores


def test_seed_article_passes_every_check_of_its_gold(tmp_path, scorer, seed_text):
    sys.path.insert(0, str(TOOLS))
    from kg_eval import seed

    gold_path = SHARED / "corpora" / "seed" / "liaison-office.gold.json"
    out = tmp_path / "seed.nq"
    result = CliRunner().invoke(main, ["build", str(gold_path.parent / "liaison-office.txt"), "--published",
                                       "2020-06-16", "-f", "nquads", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    _, rdf = scorer
    graph = rdf.load([out], str(ROOT / "ontology"))
    failed = [row for row in seed.check(graph, seed.load_gold(gold_path), seed_text) if not row[1]]
    assert failed == []


def test_seed_threatened_closing_is_not_stated_as_happened(tmp_path, seed_text):
    from pyoxigraph import RdfFormat, Store

    out = tmp_path / "seed.ttl"
    path = Path(SHARED / "corpora" / "seed" / "liaison-office.txt")
    assert CliRunner().invoke(main, ["build", str(path), "--published", "2020-06-16", "-o", str(out)]).exit_code == 0
    store = Store()
    store.load(path=str(out), format=RdfFormat.TURTLE)
    at = seed_text.index("threatened to close it down") + len("threatened to ")
    rows = list(store.query(f"""
        PREFIX kgo: <https://kg.example.org/ontology#> PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX gaf: <http://groundedannotationframework.org/gaf#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?f (BOUND(?t) AS ?dated) WHERE {{
          ?e a sem:Event ; gaf:denotedBy/nif:beginIndex {at} ; kgo:factuality ?f . OPTIONAL {{ ?e sem:hasTime ?t }} }}"""))
    assert [(str(r[0].value), str(r[1].value)) for r in rows] == [("https://kg.example.org/ontology#Threatened", "false")]
