"""kg_mend's repairs of the small English pipeline, on hand-written sentences."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _word(doc, text):
    return next(t for t in doc if t.text == text)


def test_a_second_subject_after_a_preposition_of_the_first_is_its_object(nlp):
    doc = nlp("The government's truce with the rebels collapsed on Monday.")
    rebels = _word(doc, "rebels")
    assert (rebels.dep_, rebels.head.text) == ("pobj", "with")
    assert [c.text for c in _word(doc, "collapsed").children if c.dep_ == "nsubj"] == ["truce"]


def test_the_subject_of_another_clause_stays_its_subject(nlp):
    doc = nlp("The truce with the rebels collapsed and the army attacked the town.")
    army = _word(doc, "army")
    assert (army.dep_, army.head.text) == ("nsubj", "attacked")


def test_lay_with_an_object_or_off_is_lay_not_the_past_of_lie(nlp):
    # car industry: the parser reads the bare "lay" after "would close ... and" as a past tense
    doc = nlp("The automaker said it would close 14 plants and lay off about 20,000 workers.")
    assert _word(doc, "lay").lemma_ == "lay"


def test_lay_without_an_object_is_the_past_of_lie(nlp):
    doc = nlp("The injured miner lay on the ground for an hour.")
    assert _word(doc, "lay").lemma_ == "lie"


def test_an_event_noun_written_with_a_hyphen_has_its_lemma(nlp):
    # markets, labour, conflict: wire style writes "sell-off", "lay-offs", "cease-fire"
    doc = nlp("The sell-off deepened after the carmaker announced 2,000 lay-offs and the rebels broke the cease-fire.")
    assert [t.lemma_ for t in doc if t.text in ("off", "offs", "fire")] == ["selloff", "layoff", "ceasefire"]


def test_a_word_written_with_a_hyphen_that_is_no_event_noun_keeps_its_lemma(nlp):
    doc = nlp("A well-known lawyer bought a run-down house in the hill-top village.")
    assert [t.lemma_ for t in doc if t.text in ("known", "down", "top")] == ["know", "down", "top"]
