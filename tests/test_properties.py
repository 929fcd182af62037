"""Any text in, valid output out: every article becomes a graph that a strict parser accepts
in every format and that conforms to the shapes, or it is skipped cleanly with a reason."""

from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.namespace import XSD

from kg.model import Article
from kg.pipeline import Built, build_batch
from kg.rdf.output import jsonld, ntriples, trig, turtle
from kg.rdf.shacl import validate
from kg.vocab import NIF

pytestmark = pytest.mark.model

ODD = ["\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\x00", "\x07", "\x1b", "\x7f",
       "\u0085", "\u2028", "\ufffd", "\ufffe", "\U0001f600", "\U0001f1fa\U0001f1f8", "\U0001f468\u200d\U0001f469",
       "\r\n", "\n\n", "\t", "<", ">", "&amp;", '"', "'", "\\", "`", "{", "}", "|", "^", "%20", "#", "@", "©"]
NAMES = ["Airbus", "Boeing", "Apple Inc.", "Tim Cook", "North Korea", "Paris", "Acme <Corp>", 'The "Big" Bank',
         "O'Brien", "Dr. Ng", "São Paulo", "Zürich", "Kim Jong-un", "<script>alert(1)</script>", "مصر", "東京"]
WORDS = ["said", "on Monday", "in", "opened", "a plant", "sued", "attacked", "met", "on 5 June 2020", "the",
         "company", "announced", "yesterday", "will", "not", "threatened to", "strike", ".", ",", "’s", "--"]

token = st.one_of(
    st.sampled_from(ODD), st.sampled_from(NAMES), st.sampled_from(WORDS),
    st.text(min_size=1, max_size=12),  # any code point, controls and surrogates' neighbours included
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=400),  # a very long token
)
texts = st.lists(token, min_size=1, max_size=40).map(" ".join)
ids = st.one_of(st.sampled_from(["a", "story-1", "x y", "ü/ä?#", "<id>", '"q"', "\u202eevil"]), st.text(min_size=1, max_size=20))
articles = st.builds(
    Article, id=ids, text=texts,
    title=st.one_of(st.none(), texts.map(lambda t: t[:80])),
    published=st.one_of(st.none(), st.dates()),
    url=st.one_of(st.none(), st.sampled_from(["https://x.org/a b", "https://x.org/<a>", "https://news.example/1"])),
    source=st.one_of(st.none(), st.sampled_from(NAMES)),
)


def _parses(document: str, fmt) -> int:
    return sum(1 for _ in pyoxigraph.parse(input=document.encode("utf-8"), format=fmt))


def _check(batch: list[Article]) -> None:
    batch = [a for a in batch if a.text.strip()]  # the reader refuses empty articles before this stage
    if not batch:
        return
    outcomes = build_batch(batch)
    assert len(outcomes) == len(batch)
    for article, outcome in zip(batch, outcomes, strict=True):
        if not isinstance(outcome, Built):
            # skipped: cleanly, with a reason that names the article; an exception in a stage is a bug
            assert outcome.stage == "validate", outcome.reason
            continue
        graph, name = outcome.graph, outcome.name
        assert validate(graph).conforms
        assert _parses(ntriples(graph), pyoxigraph.RdfFormat.N_TRIPLES) == len(graph)
        assert _parses(ntriples(graph, name), pyoxigraph.RdfFormat.N_QUADS) == len(graph)
        assert _parses(turtle(graph), pyoxigraph.RdfFormat.TURTLE) == len(graph)
        assert _parses(trig([(name, graph)]), pyoxigraph.RdfFormat.TRIG) == len(graph)
        assert _parses(jsonld(graph), pyoxigraph.RdfFormat.JSON_LD) == len(graph)
        for node in graph.subjects(NIF.beginIndex, None):  # offsets index the text as given
            begin, end = (int(graph.value(node, p)) for p in (NIF.beginIndex, NIF.endIndex))
            assert graph.value(node, NIF.anchorOf).toPython() == article.text[begin:end]
            assert graph.value(node, NIF.beginIndex).datatype == XSD.integer  # what stores keep


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(articles, min_size=1, max_size=3))
def test_any_text_gives_valid_output_or_a_clean_skip(batch):
    _check(batch)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(articles, min_size=1, max_size=3))
def test_any_text_gives_valid_output_or_a_clean_skip_many(batch):
    _check(batch)
