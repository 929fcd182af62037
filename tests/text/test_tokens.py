"""What every stage asks of a Doc: noun lemmas the lemmatizer left plural, and names and labels
without the quotation marks and markup glued to their edges."""

from __future__ import annotations

import pytest

from kg.text.tokens import is_headline, noun_lemma, without_marks


@pytest.mark.parametrize("text, expected", [
    ("``Atomic Dog''", "Atomic Dog"), ("“Tempers", "Tempers"), ("References==", "References"),
    ("  Kaesong\n", "Kaesong"), ("'Ndrangheta", "Ndrangheta"),
    # must not: what belongs to the name stays
    ("Apple Inc.", "Apple Inc."), ("the Joneses’", "the Joneses’"), ("AT&T", "AT&T"), ("O'Brien", "O'Brien"),
])
def test_marks_at_the_edges_of_a_span_are_left_out(text, expected):
    start, end = without_marks(text, 0, len(text))
    assert text[start:end] == expected


def test_a_span_of_marks_only_is_empty():
    start, end = without_marks("`` ''", 0, 5)
    assert start == end


@pytest.mark.model
@pytest.mark.parametrize("text, word, lemma", [
    ("Dockworkers in Rotterdam walked off the job.", "Dockworkers", "dockworker"),
    ("Militias attacked the convoy.", "Militias", "militia"),
    ("Refineries shut down on Monday.", "Refineries", "refinery"),
    # must not: a word whose singular is no noun of its own, and a singular noun
    ("The news spread quickly.", "news", "news"),
    ("The series ended.", "series", "series"),
    ("The dockworker spoke.", "dockworker", "dockworker"),
])
def test_a_plural_noun_has_its_singular_as_lemma(nlp, text, word, lemma):
    token = next(t for t in nlp(text) if t.text == word)
    assert noun_lemma(token) == lemma


@pytest.mark.model
@pytest.mark.parametrize("text, word, expected", [
    ("Rebels seize border town\n\nThe rebels took the town on Monday.", "seize", True),
    ("Rebels seize border town\n\nThe rebels took the town on Monday.", "took", False),
    # an abbreviation's full stop ends a sentence too
    ("The monitor said the shells hit a market shortly after 10 a.m. Medics pulled six children out.",
     "said", False),
    ("The plant was sold to Acme Inc. Workers were not told.", "sold", False),
])
def test_a_headline_is_a_line_that_does_not_end_as_a_sentence_does(nlp, text, word, expected):
    assert is_headline(next(t for t in nlp(text) if t.text == word)) is expected
