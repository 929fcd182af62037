"""The pipeline kg loads, on hand-written sentences: what it reads as the model was trained to."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_typographic_apostrophe_after_a_plural_marks_the_possessor(nlp):
    doc = nlp("Rebels threatened to end the countries\u2019 recent truce.")
    countries = next(t for t in doc if t.text == "countries")
    assert (countries.dep_, countries.head.text) == ("poss", "truce")
    assert doc.text == "Rebels threatened to end the countries\u2019 recent truce."  # offsets stay as written


def test_a_typographic_closing_quote_stays_a_quote(nlp):
    doc = nlp("The minister said \u2018the plan is dead\u2019 and left.")
    quote = next(t for t in doc if t.text == "\u2019")
    assert quote.tag_ == "''" and quote.dep_ == "punct"
