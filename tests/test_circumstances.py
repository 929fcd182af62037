"""When events happened (kg.circumstances), on hand-written articles."""

from __future__ import annotations

from datetime import date

import pytest

from kg.events import extract_events
from kg.times import extract_times

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 3, 14)


def _times(nlp, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    events, _ = extract_events(doc, (), tuple(extract_times(doc, PUBLISHED)), PUBLISHED)
    return {event.trigger.text: event.time for event in events}


def test_a_present_tense_main_clause_happens_on_the_publication_day(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe bakery sells bread to the school.")
    assert times["sells"] == "2024-03-14"


def test_a_headline_present_tense_is_not_dated_to_the_publication_day(nlp):
    times = _times(nlp, "Bakery announces second shop\n\nMarch 14, 2024\n\nThe owners were pleased.")
    assert times["announces"] is None


def test_a_date_before_an_object_noun_dates_the_noun_not_the_verb(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe council rewrote the 1998 agreement with the union.")
    assert times["rewrote"] != "1998"
