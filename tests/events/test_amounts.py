"""Amounts of a change in value (PropBank's extent): "the index lost 120 points, or 1.5%" says
by how much the index changed; the amount is kgo:extent, a string as the text writes it, and
never a patient. Markets, economies and currencies undergo what their verb says."""

from __future__ import annotations

from datetime import date

import pytest

from ..conftest import SPARQL_PREFIXES as PREFIXES
from ..conftest import graph_of

pytestmark = pytest.mark.model


def _events(text: str) -> dict[str, dict[str, set[str]]]:
    """lemma -> {"extent": amounts, "patient": labels of patients}."""
    graph = graph_of(text, date(2024, 3, 7))
    found: dict[str, dict[str, set[str]]] = {}
    rows = graph.query(PREFIXES + """SELECT ?lemma ?extent ?patient WHERE { ?e kgo:lemma ?lemma .
        OPTIONAL { ?e kgo:extent ?extent } OPTIONAL { ?e kgo:patient/rdfs:label ?patient } }""")
    for lemma, extent, patient in rows:
        event = found.setdefault(str(lemma), {"extent": set(), "patient": set()})
        if extent is not None:
            event["extent"].add(str(extent))
        if patient is not None:
            event["patient"].add(str(patient))
    return found


def test_the_amount_of_a_change_is_its_extent_and_what_changed_its_patient():
    events = _events("London's FTSE 100 index lost 120 points, or 1.5%, on Tuesday. "
                     "Oil prices rebounded 3% on Wednesday. The economy contracted by 0.3% in the quarter.")
    assert events["lose"] == {"extent": {"120 points", "1.5%"}, "patient": {"FTSE 100 index"}}
    assert events["rebound"] == {"extent": {"3%"}, "patient": {"Oil prices"}}
    assert events["contract"] == {"extent": {"0.3%"}, "patient": {"economy"}}


def test_an_event_nouns_amount_is_its_extent():
    events = _events("Exports fell in May, a drop of 12% from a year earlier.")
    assert events["drop"]["extent"] == {"12%"} and events["drop"]["patient"] == set()


def test_a_change_of_state_verb_makes_its_subject_the_patient():
    events = _events("The yen plummeted to a two-year low on Monday, and the economy slowed in the third quarter.")
    assert events["plummet"]["patient"] == {"yen"}
    assert events["slow"]["patient"] == {"economy"}


def test_money_lost_raised_or_cut_is_what_changed_hands_not_an_extent():
    # must not: a sum a company loses or raises is the thing lost or raised
    events = _events("Acme Corp lost $1 billion last year. Globex raised $2 billion from investors.")
    assert events["lose"]["extent"] == set()
    assert events["raise"]["extent"] == set()
    # must: a sum a value moves by is its extent
    events = _events("Sales at Acme Corp fell $2 billion in the third quarter.")
    assert events["fall"]["extent"] == {"$2 billion"}


def test_people_killed_are_no_amount():
    events = _events("Gunmen killed 12 people and wounded 30 in an attack on a market on Sunday.")
    assert events["kill"]["extent"] == set() and events["kill"]["patient"] == {"12 people"}


def _agents(text: str) -> dict[str, set[str]]:
    graph = graph_of(text, date(2024, 3, 7))
    found: dict[str, set[str]] = {}
    for lemma, agent in graph.query(PREFIXES + """SELECT ?lemma ?agent WHERE { ?e kgo:lemma ?lemma .
            OPTIONAL { ?e kgo:agent/rdfs:label ?agent } }"""):
        found.setdefault(str(lemma), set()).update([str(agent)] if agent is not None else [])
    return found


def test_who_posts_or_suffers_a_change_is_what_changed():
    events = _events("The Nikkei index posted a gain of 2% on Monday. The dollar suffered its biggest fall in a year.")
    assert events["gain"] == {"extent": {"2%"}, "patient": {"Nikkei index"}}
    assert events["fall"]["patient"] == {"dollar"}


def test_nobody_does_a_fall_that_is_reported():
    # must not: the bank told of the drop, it did not drop anything
    assert _agents("Acme Bank reported a drop of 5% in profit on Monday.")["drop"] == set()
    # must still: a company that announces cuts makes them
    assert _agents("Acme Corp announced 10,000 job cuts on Monday.")["cut"] == {"Acme Corp"}


def test_a_market_that_rallies_rises_and_people_who_rally_protest():
    graph = graph_of("Markets rallied in Europe on Thursday. Supporters of the opposition rallied in Rome on Friday.",
                     date(2024, 3, 7))
    rows = {(str(kind).rsplit("#", 1)[-1], str(agent) if agent else None, str(patient) if patient else None)
            for kind, agent, patient in graph.query(PREFIXES + """SELECT ?kind ?agent ?patient WHERE {
                ?e kgo:lemma "rally" ; a ?kind . FILTER(?kind != sem:Event)
                OPTIONAL { ?e kgo:agent/rdfs:label ?agent } OPTIONAL { ?e kgo:patient/rdfs:label ?patient } }""")}
    assert rows == {("Increase", None, "Markets"), ("Protest", "Supporters", None)}


def test_a_close_up_or_down_is_by_its_measure_and_the_day_is_no_object():
    # markets: "ended the day down 1.2 percent", "closed 200 points higher"
    events = _events("The Nikkei index ended the day down 1.2 percent. Oil prices closed 2 points higher on Friday.")
    assert events["end"] == {"extent": {"1.2 percent"}, "patient": {"Nikkei index"}}
    assert events["close"] == {"extent": {"2 points"}, "patient": {"Oil prices"}}


def test_a_company_that_ends_an_activity_does_it():
    events = _events("The carmaker ended production of the sedan in Ohio.")
    assert events["end"]["extent"] == set()
    assert "carmaker" not in events["end"]["patient"]


def test_a_price_that_settles_closes_or_opens_does_no_deal_and_shuts_no_plant():
    graph = graph_of("Brent crude settled at $84.10 a barrel on Friday. The Dow closed at 10,200. The union settled "
                     "the dispute on Friday. Ford closed the plant in May.", date(2024, 3, 8))
    rows = {(str(lemma), str(kind).rsplit("#", 1)[-1]) for lemma, kind in graph.query(PREFIXES + """
        SELECT ?lemma ?kind WHERE { ?e kgo:lemma ?lemma ; a ?kind . FILTER(?kind != sem:Event) }""")}
    assert ("settle", "Agree") in rows and ("close", "Close") in rows  # must not: people's acts keep their class
    assert rows & {("settle", "OtherEvent"), ("close", "OtherEvent")} == {("settle", "OtherEvent"), ("close", "OtherEvent")}


def test_days_that_pass_are_time_going_by_and_a_bill_that_passes_is_voted():
    text = ("After 42 days passed without a new case, the outbreak was declared over. The deadline passed on Friday. "
            "The Senate passed the bill on Monday.")
    graph = graph_of(text, date(2024, 3, 8))
    rows = graph.query(PREFIXES + """
        SELECT ?kind ?begin WHERE { ?e kgo:lemma "pass" ; a ?kind ; gaf:denotedBy/nif:beginIndex ?begin .
                                    FILTER(?kind != sem:Event) }""")
    approved = sorted(int(begin) for kind, begin in rows if str(kind).endswith("#Approve"))
    assert approved == [text.index("passed the bill")]  # the Senate's vote; the days and the deadline went by


def test_a_plea_and_a_fight_with_no_foe_are_no_appeal_and_no_battle():
    text = ("The former mayor pleaded not guilty on Tuesday. Firefighters battled the blaze for a second day. "
            "The nurse pleaded for help. Rebels fought the army for weeks.")
    graph = graph_of(text, date(2024, 3, 8))
    kinds = {(str(lemma), str(kind).rsplit("#", 1)[-1]) for lemma, kind in graph.query(PREFIXES + """
        SELECT ?lemma ?kind WHERE { ?e kgo:lemma ?lemma ; a ?kind . FILTER(?kind != sem:Event) }""")}
    assert ("plead", "OtherEvent") in kinds and ("battle", "OtherEvent") in kinds
    assert ("plead", "Appeal") in kinds and ("fight", "Fight") in kinds  # must-not: a plea for help, a battle
