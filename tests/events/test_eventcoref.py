"""Merging the mentions of one event, and keeping different events apart."""

from __future__ import annotations

from kg.events.eventcoref import merge_events
from kg.model import Event, Span


def _event(start, lemma="blow up", kind="kgo:Destroy", agents=("nk",), patients=("office",), time=None, **more):
    return Event(Span(start, start + 5, lemma), lemma, kind, agents, patients, time=time, **more)


def test_headline_lede_and_later_mentions_are_one_event_led_by_the_dated_one():
    headline, lede, later = _event(0), _event(100, time="2020-06-16"), _event(500, "demolish", agents=())
    (merged,) = merge_events((headline, lede, later))
    assert merged.trigger.start == 100 and merged.time == "2020-06-16"
    assert sorted(s.start for s in merged.mentions) == [0, 500]
    assert merged.agents == ("nk",) and merged.patients == ("office",)


def test_different_dates_stay_apart():
    assert len(merge_events((_event(0, time="2020-06-05"), _event(50, time="2020-06-09")))) == 2


def test_same_agent_alone_is_no_evidence():
    one = _event(0, "announce", "kgo:MakeStatement", patients=())
    two = _event(50, "announce", "kgo:MakeStatement", patients=())
    assert len(merge_events((one, two))) == 2


def test_generic_events_threats_and_other_patients_stay_apart():
    assert len(merge_events((_event(0, kind="kgo:OtherEvent"), _event(9, kind="kgo:OtherEvent")))) == 2
    assert len(merge_events((_event(0), _event(9, factuality="threatened")))) == 2
    assert len(merge_events((_event(0), _event(9, patients=("embassy",))))) == 2
    assert len(merge_events((_event(0, agents=("nk",)), _event(9, agents=("sk",))))) == 2


def test_two_states_of_one_thing_stay_apart():
    # "Airbus is the largest maker" and "Airbus is based in Toulouse": one patient, two states
    largest = _event(0, "be", "kgo:State", agents=(), patients=("airbus",))
    based = _event(60, "be", "kgo:State", agents=(), patients=("airbus",))
    assert len(merge_events((largest, based))) == 2


def test_different_places_stay_apart():
    to_us = _event(0, "fly", "kgo:Fly", agents=(), patients=("a380",), places=("us",))
    to_sydney = _event(50, "fly", "kgo:Fly", agents=(), patients=("a380",), places=("sydney",))
    assert len(merge_events((to_us, to_sydney))) == 2
