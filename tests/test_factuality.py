"""Factuality of events governed by other words, on hand-written sentences."""

from __future__ import annotations

import pytest

from kg.factuality import factuality

pytestmark = pytest.mark.model


def _of(nlp, text: str, word: str) -> str:
    return factuality(next(t for t in nlp(text) if t.text == word))


def test_what_a_verb_only_may_bring_about_has_not_happened(nlp):
    assert _of(nlp, "The union hoped the deal would lead to the reopening of the port.", "reopening") == "possible"
    assert _of(nlp, "The two ministers will hold talks in Geneva.", "talks") == "expected"


def test_the_object_of_a_denied_or_past_verb_keeps_its_own_factuality(nlp):
    # the meeting took place; only the attending is denied
    assert _of(nlp, "The mayor did not attend the meeting.", "meeting") == "asserted"
    assert _of(nlp, "The deal led to the reopening of the port.", "reopening") == "asserted"
