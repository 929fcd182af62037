"""Verbs of market reports (kg.extract, kg.roles): "added" and "lost" with a percentage or a
number of points for object are changes in value, and a clause the parser hangs before the verb
of change is no complement that keeps its subject from undergoing it."""

from __future__ import annotations

import pytest

from .test_news_roles import _roles

pytestmark = pytest.mark.model


def test_an_index_that_added_a_percentage_rose():
    roles = _roles("The Nasdaq composite index added 1.8 percent on Tuesday.", "add")
    assert roles["type"] == {"Increase"}
    assert roles["patient"] == {"composite index"}  # the name finder leaves "Nasdaq" out


def test_who_added_something_said_it():
    roles = _roles("The minister added that the talks would resume on Monday.", "add")
    assert roles["type"] == {"MakeStatement"}


def test_an_index_that_lost_a_percentage_fell_and_a_party_that_lost_an_election_lost():
    assert _roles("The benchmark index lost 3 percent on Monday.", "lose")["type"] == {"Decrease"}
    assert _roles("The ruling party lost the election in March.", "lose")["type"] == {"Lose"}


def test_a_clause_before_a_verb_of_change_leaves_its_subject_the_patient():
    # markets: "The decline helped airlines: AMR climbed 9 percent" (the parser may make the
    # first clause a complement of "climbed")
    roles = _roles("The decline helped airline stocks: American Airlines' parent AMR climbed 9 percent.", "climb")
    assert roles["patient"] == {"AMR"}
    assert roles["agent"] == set()


def test_a_company_that_filed_for_bankruptcy_protection_went_bankrupt():
    # car industry: "bankruptcy protection" is what one files for
    roles = _roles("Chrysler filed for bankruptcy protection on Thursday.", "bankruptcy")
    assert roles["patient"] == {"Chrysler"}


def test_who_is_given_time_to_do_something_does_it():
    # "gave the carmaker 60 days to cut its costs": the carmaker cuts them
    roles = _roles("The government gave the carmaker 60 days to cut its costs.", "cut")
    assert roles["agent"] == {"carmaker"}


def test_who_gives_a_speech_to_mark_a_day_marks_it():
    roles = _roles("The president gave a speech to mark the anniversary of the war.", "mark")
    assert "speech" not in roles["agent"]


def test_forcing_out_a_chief_executive_ousts_him():
    roles = _roles("The board forced out the chief executive on Monday.", "force out")
    assert roles["type"] == {"Oust"}
