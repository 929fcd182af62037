"""Agent and patient rules of kg.roles, on hand-written sentences."""

from __future__ import annotations

import pytest

from kg.participants import Participants
from kg.roles import roles

pytestmark = pytest.mark.model


def _roles(nlp, text: str, trigger: str) -> tuple[list[str], list[str]]:
    doc = nlp(text)
    participants = Participants(doc, ())
    token = next(t for t in doc if t.text == trigger)
    return roles(token, participants)


def test_passive_subject_does_the_infinitive_it_is_said_to_want(nlp):
    agents, _ = _roles(nlp, "Some farmers are reported to want a higher price.", "want")
    assert agents == ["nominal:farmer:True"]


def test_coordinated_active_verb_shares_the_passive_subject(nlp):
    agents, _ = _roles(nlp, "The committee was dissolved last year and would stop meeting.", "stop")
    assert agents == ["nominal:committee:False"]


def test_adjective_lends_the_subject_of_its_copula_to_the_infinitive(nlp):
    agents, _ = _roles(nlp, "The workers said the union is willing to negotiate wages.", "negotiate")
    assert agents == ["nominal:union:False"]


def test_subject_of_come_or_appear_is_what_is_described(nlp):
    agents, patients = _roles(nlp, "The new tablet comes in three colours.", "comes")
    assert (agents, patients) == ([], ["nominal:tablet:False"])


def test_headline_passive_with_a_by_phrase_makes_the_subject_the_patient(nlp):
    agents, patients = _roles(nlp, "Shop owners swamped by orders", "swamped")
    assert "nominal:owner:True" in patients and "nominal:owner:True" not in agents
