"""When events happened (kg.circumstances), on hand-written articles."""

from __future__ import annotations

from datetime import date

import pytest

from kg.events.extract import extract_events
from kg.model import Entity, Span
from kg.times.extract import extract_times

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


def test_a_date_before_the_subject_of_a_reported_clause_dates_the_report(nlp):
    # published on Thursday 14 March 2024: "on Tuesday" is the 12th, and the saying, not the closing
    text = "March 14, 2024\n\nThe bakery said on Tuesday it would close its second shop."
    doc = nlp(text)
    assert [t.value for t in extract_times(doc, PUBLISHED) if t.span.text == "Tuesday"] == ["2024-03-12"]
    times = _times(nlp, text)
    assert times["said"] == "2024-03-12"
    assert times["close"] is None


def test_a_date_inside_a_reported_clause_stays_there(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe bakery said that on Tuesday it closed its second shop.")
    assert times["closed"] == "2024-03-12"
    assert times["said"] != "2024-03-12"


def test_a_date_inside_a_since_phrase_starts_a_stretch_and_dates_no_verb(nlp):
    times = _times(nlp, "March 14, 2024\n\nTurnout reached 74 percent, the highest since the fall of the regime in 1989.")
    assert times["reached"] is None
    assert times["fall"] == "1989"  # the date still dates the event noun it belongs to


@pytest.mark.parametrize("text, trigger", [
    ("March 14, 2024\n\nThe bakery sold 9,000 loaves in February, down 23 percent from a year earlier.", "sold"),
    ("March 14, 2024\n\nRevenue rose 5 percent compared with a year earlier.", "rose"),
])
def test_the_time_of_a_value_compared_with_is_not_the_events(nlp, text, trigger):
    assert _times(nlp, text)[trigger] != "2023"


def test_over_a_weekend_or_a_day_is_when_it_happened(nlp):
    # published on Thursday 14 March 2024: the weekend before is 2024-W10-WE
    times = _times(nlp, "Talks broke down last Friday, and the cabinet met again over the weekend.")
    assert (times["broke"], times["met"]) == ("2024-03-08", "2024-W10-WE")


def test_over_a_year_is_a_value_compared_with(nlp):
    times = _times(nlp, "March 14, 2024\n\nSales rose 5 percent over last year.")
    assert times["rose"] != "2023"


def test_a_clause_in_another_tense_does_not_take_the_date_of_the_clause_it_hangs_on(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe council rejected the plan in October, although critics say "
                        "the plan was doomed from the start.")
    assert times["rejected"] == "2023-10"
    assert times["say"] != "2023-10"


def test_a_conjoined_clause_whose_infinitive_names_a_date_takes_not_its_conjunct_s(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe bank filed for bankruptcy early on Tuesday, and its rival agreed "
                        "to be sold to a fund on Sunday.")
    assert times["filed"] == "2024-03-12"
    assert times["agreed"] != "2024-03-12"


def test_a_conjoined_clause_with_a_date_only_in_what_it_reports_takes_its_conjunct_s(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe minister resigned on Tuesday and said he would leave politics "
                        "in June.")
    assert times["resigned"] == times["said"] == "2024-03-12"


def test_a_noun_takes_no_date_from_a_verb_that_has_not_happened(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe strike ended on Tuesday. Production will resume on Monday.")
    assert times["Production"] is None
    assert times["strike"] == "2024-03-12"


def _places(nlp, text: str, cities: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    doc = nlp(text)
    entities = tuple(
        Entity(key=f"city:{name}", label=name, type="schema:City",
               mentions=(Span(text.index(name), text.index(name) + len(name), name),))
        for name in cities
    )
    events, _ = extract_events(doc, entities, (), PUBLISHED)
    return {event.trigger.text: event.places for event in events}


def test_a_coordinated_verb_with_its_own_auxiliary_keeps_its_own_places(nlp):
    places = _places(nlp, "The jet can fly from Paris to Rome and has been named the Skyrunner.", ("Paris", "Rome"))
    assert places["named"] == ()


def test_a_coordinated_verb_with_its_own_subject_keeps_its_own_places(nlp):
    places = _places(nlp, "Investors sold shares in Seoul, and the yen rose against the dollar.", ("Seoul",))
    assert places["sold"] == ("city:Seoul",)
    assert places["rose"] == ()


def test_a_coordinated_verb_without_its_own_subject_shares_the_places(nlp):
    places = _places(nlp, "In Seoul, the bonds were selected and bought by the fund.", ("Seoul",))
    assert places["bought"] == ("city:Seoul",)


def test_a_locative_phrase_coordinated_with_another_is_a_place_too(nlp):
    places = _places(nlp, "Police arrested 14 people in raids in Leeds and in Bradford.", ("Leeds", "Bradford"))
    assert places["arrested"] == ("city:Leeds", "city:Bradford")


def test_a_coordinated_phrase_that_is_no_place_adds_none(nlp):
    places = _places(nlp, "Police arrested 14 people in Leeds and in the early hours.", ("Leeds",))
    assert places["arrested"] == ("city:Leeds",)


def test_an_event_subject_keeps_its_own_locative(nlp):
    places = _places(nlp, "The departure from Lisbon of the ferry has been postponed.", ("Lisbon",))
    assert places["postponed"] == ()


def test_a_named_venue_passes_on_the_town_it_is_in(nlp):
    places = _places(nlp, "Acme presented the phone at the Grand Expo Hall in Lyon.", ("Lyon",))
    assert places["presented"] == ("city:Lyon",)


def test_a_building_is_a_place(nlp):
    places = _places(nlp, "The council met the builders at its headquarters.", ())
    assert [key.split(":")[1] for key in places["met"]] == ["headquarters"]


def test_a_place_name_before_an_event_noun_is_where_it_happened(nlp):
    places = _places(nlp, "Acme showed the new phone at the Lyon event.", ("Lyon",))
    assert places["event"] == ("city:Lyon",)


def test_an_event_noun_takes_the_place_of_the_participle_that_describes_it(nlp):
    places = _places(nlp, "During a ceremony held at its headquarters, the council thanked the builders.", ())
    assert [key.split(":")[1] for key in places["ceremony"]] == ["headquarters"]


def test_a_date_after_since_or_until_bounds_the_event_and_does_not_date_it(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe mill had been closed since July 2, 2019 after a fire.")
    assert times["closed"] is None
    times = _times(nlp, "March 14, 2024\n\nThe mayor has been campaigning since 2019.")
    assert times["campaigning"] is None


def test_later_moves_a_clause_away_from_the_date_it_depends_on(nlp):
    times = _times(nlp, "March 14, 2024\n\nShe resigned in May 2021, later admitting that she had erred.")
    assert times["resigned"] == "2021-05" and times["admitting"] is None


def test_a_journey_noun_takes_the_places_it_goes_to_with_of(nlp):
    text = "The orchestra began a tour of Spain last week."
    doc = nlp(text)
    spain = Entity(key="country:spain", label="Spain", type="schema:Country",
                   mentions=(Span(text.index("Spain"), text.index("Spain") + 5, "Spain"),))
    events = {e.trigger.text: e for e in extract_events(doc, (spain,), (), PUBLISHED)[0]}
    assert events["tour"].places == ("country:spain",) and "country:spain" not in events["tour"].patients


def test_a_place_after_an_amount_is_where_the_event_happened(nlp):
    places = _places(nlp, "The price has been cut to $199 in Lyon, with prices in other towns equal.", ("Lyon",))
    assert places["cut"] == ("city:Lyon",)


def test_a_site_noun_capitalised_in_a_name_is_a_place(nlp):
    places = _places(nlp, "The brewers have opened their new cellar at their Dunmore Brewery Plant.", ())
    assert [key.split(":")[1].lower() for key in places["opened"]] == ["plant"]
    places = _places(nlp, "The brewers have opened their new cellar at their Dunmore Brewery Festival.", ())
    assert places["opened"] == ()


def test_what_a_journey_is_made_for_happens_where_it_goes(nlp):
    places = _places(nlp, "After the talks, the mayor flew to Lyon for the ceremony.", ("Lyon",))
    assert places["ceremony"] == ("city:Lyon",) and places["talks"] == ()


def test_a_clock_time_alone_does_not_date_a_past_event_to_a_day_ahead(nlp):
    # Thursday 14 March 2024: the meeting is on Monday the 18th; the minister spoke on the 14th
    times = _times(nlp, "March 14, 2024\n\nMinisters will meet again on Monday. The finance minister said at "
                        "3 p.m. that the budget was ready.")
    assert times["said"] == "2024-03-14"


def test_a_clock_time_alone_dates_its_event_to_the_past_day_last_named(nlp):
    times = _times(nlp, "March 14, 2024\n\nRebels attacked the garrison on Monday. The assault began at 4 a.m.")
    assert times["began"] == "2024-03-11"


def test_an_event_noun_said_judged_or_decided_on_is_not_dated_by_the_verb(nlp):
    times = _times(nlp, "March 14, 2024\n\nLawmakers rejected the proposal in October. The ministry condemned "
                        "the attack on Tuesday. The carmaker announced job cuts on Monday.")
    assert (times["rejected"], times["condemned"], times["announced"]) == ("2023-10", "2024-03-12", "2024-03-11")
    assert (times["proposal"], times["attack"], times["cuts"]) == (None, None, None)


def test_an_event_noun_done_by_the_verb_takes_its_date(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe two sides signed the agreement on March 5. The union filed a "
                        "lawsuit on Monday. The rebels launched an offensive on Sunday.")
    assert (times["agreement"], times["lawsuit"], times["offensive"]) == ("2024-03-05", "2024-03-11", "2024-03-10")


def test_a_past_or_present_telling_is_not_dated_to_the_future_it_tells_of(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe retailer forecast a return to growth early next year. "
                        "Analysts expect a rebound in the first half of next year.")
    assert times["forecast"] != "2025" and times["expect"] != "2025-H1"


def test_an_event_ahead_keeps_its_date_ahead(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe minister arrives in Paris on Sunday. Ministers will meet next week. "
                        "The plant closed on Monday.")
    assert (times["arrives"], times["meet"], times["closed"]) == ("2024-03-17", "2024-W12", "2024-03-11")
    times = _times(nlp, "March 14, 2024\n\nThe council announced a referendum to be held on April 12.")
    assert times["held"] == "2024-04-12"


def test_a_clause_hung_below_a_relative_clause_takes_no_date_of_it(nlp):
    # "recently" is when the rebels set up camp, not when the shelling forced anyone out
    times = _times(nlp, "March 14, 2024\n\nThe army on Monday shelled a village where rebels had recently set up "
                        "camp, forcing hundreds of families to flee.")
    assert (times["shelled"], times["set up"]) == ("2024-03-11", "PAST_REF")
    assert times["forcing"] != "PAST_REF" and times["flee"] != "PAST_REF"


def test_a_participle_clause_of_the_main_clause_takes_its_date(nlp):
    times = _times(nlp, "March 14, 2024\n\nTroops shelled the village on Monday, forcing hundreds of families to flee.")
    assert times["forcing"] == "2024-03-11"


def test_a_clock_time_dates_its_event_by_the_day_the_text_names(nlp):
    # Thursday 14 March 2024: rebels attacked on Tuesday the 12th, at 9 a.m. of it
    times = _times(nlp, "March 14, 2024\n\nRebels attacked the base on Tuesday. The assault, at 9 a.m., killed four guards.")
    assert times["attacked"] == "2024-03-12"
    assert times["killed"] == "2024-03-12"


def test_a_clock_time_whose_day_is_named_only_with_it_dates_its_event_to_the_minute(nlp):
    times = _times(nlp, "Trading was halted at 09:30 GMT on Tuesday.")
    assert times["halted"] == "2024-03-12T09:30"


def test_the_times_of_news_genres_date_events(nlp):
    text = ("Asian shares fell sharply overnight. Bonds slipped on Tuesday. Later in the day, the central bank "
            "lowered its main interest rate. Rebels attacked the base late on Tuesday. Last week, troops shelled the town.")
    times = _times(nlp, text)
    assert (times["fell"], times["lowered"], times["attacked"], times["shelled"]) == (
        "2024-03-13", "2024-03-12", "2024-03-12", "2024-W10")


# ---------------------------------------------------------------- places that are not on a map

def _places_named(text: str) -> dict[str, list[str]]:
    from kg.model import Article
    from kg.pipeline import extract
    from kg.read.structure import analyse
    from kg.text.load import load_nlp

    article = Article("t", text, published=PUBLISHED)
    layout = analyse(article)
    extraction = extract(article, load_nlp()(layout.analysis_text), layout)
    labels = {e.key: e.label for e in extraction.entities}
    return {e.lemma: [labels[k] for k in e.places] for e in extraction.events}


@pytest.mark.parametrize("text, lemma, place", [
    ("The budget bill was approved in parliament on Tuesday.", "approve", "parliament"),
    ("The minister testified before the Supreme Court on Monday.", "testify", "Supreme Court"),
    ("A bomb exploded at the station on Friday.", "explode", "station"),
    ("Gunmen opened fire inside a bakery in the old town.", "open fire", "bakery"),
    ("A bomb exploded near the presidential palace on Monday.", "explode", "presidential palace"),
    ("Police carried out raids in the northern suburbs on Monday.", "raid", "northern suburbs"),
    ("The finance minister met union leaders at the ministry.", "meet", "ministry"),
])
def test_an_institution_or_a_building_is_where_an_event_happened(text, lemma, place):
    assert place in _places_named(text)[lemma]


@pytest.mark.parametrize("text, lemma", [
    ("Pension funds invested in Apple last year.", "invest"),  # "in" a company is no place
    ("The union appealed to the court on Monday.", "appeal"),  # "to" the court names a party
    ("The vote came before Christmas.", "come"),  # "before" a day is no place
    ("The minister sent a letter to the ministry.", "send"),  # "to" a ministry names a party
    ("The deal puts the bank at the centre of the market.", "put"),  # a centre of something is no place
])
def test_a_company_a_party_or_a_day_after_a_preposition_is_no_place(text, lemma):
    assert _places_named(text)[lemma] == []


def test_a_clause_opened_by_where_happens_at_the_place_it_hangs_on(nlp):
    places = _places(nlp, "The blast hit the main bus station, where six people were killed.", ())
    assert [key.split(":")[1] for key in places["killed"]] == ["station"]
    places = _places(nlp, "Police sealed off the hospital, where four of the wounded were treated.", ())
    assert [key.split(":")[1] for key in places["treated"]] == ["hospital"]


def test_a_clause_of_a_relative_pronoun_takes_no_place_from_its_noun(nlp):
    places = _places(nlp, "The blast hit the main bus station, which reopened on Friday.", ())
    assert places["reopened"] == ()


def test_an_event_that_was_at_a_place_happened_there(nlp):
    places = _places(nlp, "The worst explosion was at the main bus station.", ())
    assert [key.split(":")[1] for key in places["explosion"]] == ["station"]
    places = _places(nlp, "The second attack was in Kandahar.", ("Kandahar",))
    assert places["attack"] == ("city:Kandahar",)


def test_an_event_that_was_at_a_time_is_at_no_place(nlp):
    places = _places(nlp, "The worst explosion was at noon on Friday.", ())
    assert places["explosion"] == ()


@pytest.mark.parametrize("text, lemma, place", [
    ("A car bomb exploded on Harland Road on Friday.", "explode", "Harland Road"),
    ("Two soldiers were shot on the bridge.", "shoot", "bridge"),
])
def test_a_street_or_a_site_after_on_is_where_an_event_happened(text, lemma, place):
    assert place in _places_named(text)[lemma]


@pytest.mark.parametrize("text, lemma", [
    ("The rebels launched an assault on the town.", "launch"),  # the town is the target
    ("The ministers agreed on Monday.", "agree"),
])
def test_a_town_or_a_day_after_on_is_no_place(text, lemma):
    assert _places_named(text)[lemma] == []


@pytest.mark.parametrize("text, trigger, expected", [
    # published Thursday 14 March 2024
    ("The two governments agreed on Tuesday to hold talks in Geneva next week.", "talks", "2024-W12"),
    ("The union said the strike would take place on March 20.", "strike", "2024-03-20"),
    ("The referendum took place on Sunday.", "referendum", "2024-03-10"),
    # must-not: what is only expected to resume on a day is not dated by it ("production" goes on)
    ("Production at the plant will resume on Monday.", "Production", None),
])
def test_an_event_noun_takes_the_date_of_the_verb_that_stands_for_it(nlp, text, trigger, expected):
    assert _times(nlp, text)[trigger] == expected


def test_an_event_that_will_take_place_is_not_stated_as_done(nlp):
    from kg.events.factuality import factuality

    doc = nlp("The minister said the meeting would take place on March 20.")
    assert factuality(next(t for t in doc if t.text == "meeting")) == "possible"
    doc = nlp("The meeting took place on Monday.")
    assert factuality(next(t for t in doc if t.text == "meeting")) == "asserted"


def test_a_present_clause_coordinated_with_a_past_one_keeps_no_date_of_it(nlp):
    # "cut" is tagged as a participle; with its own subject and no auxiliary it is a past tense
    times = _times(nlp, "The central bank cut interest rates last week and is expected to announce more measures.")
    assert times["cut"] == "2024-W10"
    assert times["announce"] is None and times["expected"] is None


def test_an_event_noun_that_strikes_happens_where_it_strikes():
    assert _places_named("The bombing destroyed two houses in the village of Kirkuk.")["bombing"] == ["Kirkuk"]


def test_an_event_noun_heard_somewhere_did_not_happen_there():
    assert _places_named("The blast was heard in Kirkuk.")["blast"] == []


def test_the_country_that_does_an_event_is_not_where_it_happens():
    assert _places_named("US sanctions on Iran took effect on Monday.")["sanction"] == []
    assert _places_named("The Geneva talks ended without a deal.")["talk"] == ["Geneva"]


@pytest.mark.parametrize("text, lemma, place", [
    ("The two leaders held talks in Geneva on Monday.", "talk", "Geneva"),
    ("Police carried out raids in Leeds.", "raid", "Leeds"),
    ("Talks between the two leaders were held in Geneva on Monday.", "talk", "Geneva"),
])
def test_the_noun_of_a_light_verb_happens_where_the_verb_says(text, lemma, place):
    assert _places_named(text)[lemma] == [place]


def test_the_passive_subject_of_another_verb_does_not_take_its_places():
    # the raids were condemned in parliament, not carried out there
    assert _places_named("The raids were condemned in parliament on Monday.")["raid"] == []


def test_the_object_of_another_verb_does_not_take_its_places():
    # the raids were defended in parliament, not carried out there
    assert _places_named("The minister defended the raids in parliament on Monday.")["raid"] == []


@pytest.mark.parametrize("text, word", [
    ("March 14, 2024\n\nThe commission on Tuesday postponed the presidential vote.", "vote"),
    ("March 14, 2024\n\nThe rebels on Monday threatened a new offensive.", "offensive"),
])
def test_what_a_verb_threatens_or_puts_off_is_not_dated_by_it(nlp, text, word):
    times = _times(nlp, text)
    assert times[word] is None
    assert next(t for w, t in times.items() if w not in (word,)) is not None  # the verb keeps its own


def test_what_a_verb_did_is_dated_by_it(nlp):
    assert _times(nlp, "March 14, 2024\n\nThe two sides signed the agreement on Tuesday.")["agreement"] == "2024-03-12"


def test_an_event_set_for_a_date_is_meant_for_it_and_the_setting_is_not_on_it(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe run-off vote is scheduled for Sunday. The trial was postponed "
                        "until March 20.")
    assert times["vote"] == "2024-03-17" and times["scheduled"] != "2024-03-17"
    assert times["trial"] == "2024-03-20" and times["postponed"] is None


def _events(nlp, text: str):
    doc = nlp(text)
    return extract_events(doc, (), tuple(extract_times(doc, PUBLISHED)), PUBLISHED)[0]


def test_a_strike_called_for_a_day_is_meant_for_it(nlp):
    events = _events(nlp, "March 14, 2024\n\nThe union called a strike for Monday, March 18.")
    strike = next(e for e in events if e.lemma == "strike")
    assert (strike.time, strike.factuality) == ("2024-03-18", "planned")
    assert next(e for e in events if e.lemma == "call").time != "2024-03-18"


def test_compared_with_is_no_event(nlp):
    events = _events(nlp, "March 14, 2024\n\nThe bank posted a loss, compared with a profit a year earlier.")
    assert "compare" not in {e.lemma for e in events}


@pytest.mark.parametrize("text, verb, noun, date", [
    ("The bank reported a net loss of 340 million euros for the fourth quarter.", "reported", "loss", "2023-Q4"),
    ("The ministry forecast growth of 2 percent for next year.", "forecast", "growth", "2025"),
    ("The commission set the run-off vote for March 20.", "set", "vote", "2024-03-20"),
])
def test_a_for_phrase_on_a_verb_with_an_object_dates_the_object_not_the_verb(nlp, text, verb, noun, date):
    events = {e.trigger.text: e for e in _events(nlp, "March 14, 2024\n\n" + text)}
    assert events[noun].time == date and events[verb].time != date


def test_where_a_company_acting_is_based_is_not_where_it_acts():
    places = _places_named("Acme Motors, based in Dearborn, Michigan, lost $1.2 billion in the third quarter.")
    assert places["lose"] == []


def test_where_a_building_is_located_is_where_what_is_done_to_it_happened():
    from types import SimpleNamespace

    from kg.events.circumstances import located_place

    types = SimpleNamespace(types={"office": "schema:GovernmentOffice", "army": "schema:Organization",
                                   "acme": "schema:Corporation", "kaesong": "schema:City", "dearborn": "schema:City"})
    located = {"office": "kaesong", "acme": "dearborn"}
    places = {"kaesong", "dearborn"}
    assert located_place(("army",), ("office",), located, places, types) == ("kaesong",)
    assert located_place(("acme",), (), located, places, types) == ()  # where the company that acts is based


@pytest.mark.parametrize("text, lemma, place", [
    ("The attack took place near the town of Gao on Wednesday.", "attack", "Gao"),
    ("The explosion happened at a market in Kabul on Friday.", "explosion", "Kabul"),
    ("Fighting broke out in Mogadishu on Monday.", "fighting", "Mogadishu"),
])
def test_an_event_that_took_place_somewhere_happened_there(text, lemma, place):
    assert place in _places_named(text)[lemma]


def test_an_event_that_took_something_else_somewhere_did_not_happen_there():
    # the strike took its toll in Rotterdam; where the strike was, the sentence does not say
    assert _places_named("The strike took a heavy toll in Rotterdam.")["strike"] == []


@pytest.mark.parametrize("text, lemma, place", [
    ("Shares of Acme fell 6% on the New York Stock Exchange on Monday.", "fall", "New York Stock Exchange"),
    ("The airline was floated on the stock exchange in 2006.", "float", "stock exchange"),
    ("Its shares rose 2% on the Paris Bourse.", "rise", "Paris Bourse"),
])
def test_a_stock_exchange_is_where_shares_are_traded(text, lemma, place):
    assert place in _places_named(text)[lemma]


@pytest.mark.parametrize("text, lemma", [
    ("The two sides agreed on an exchange of prisoners.", "agree"),
    ("Prices fell sharply in the market on Monday.", "fall"),
])
def test_an_exchange_of_prisoners_or_a_market_at_large_is_no_place(text, lemma):
    assert _places_named(text)[lemma] == []


def test_the_speech_a_verb_was_made_in_gives_its_place_to_the_verb_not_to_its_object():
    places = _places_named("The president condemned the attack in a speech in Bamako on Monday.")
    assert places["condemn"] == ["Bamako"]
    assert places["attack"] == []


@pytest.mark.parametrize("text, lemma, place", [
    ("A bomb exploded on the outskirts of Kabul on Monday.", "explode", "Kabul"),
    ("Rebels seized two villages in the north of Syria on Monday.", "seize", "Syria"),
])
def test_a_part_of_a_place_is_in_that_place(text, lemma, place):
    assert place in _places_named(text)[lemma]


def test_the_centre_of_something_that_is_no_place_is_no_place():
    assert _places_named("The union was at the centre of the dispute over pay.")["be"] == []


@pytest.mark.parametrize("text, lemma", [
    ("Acme shipped 5,000 cars to China last year.", "ship"),
    ("The bank lent $2 billion to Greece on Monday.", "lend"),
    ("The company sold its steel unit to India's Tata in March.", "sell"),
])
def test_what_is_given_to_a_place_is_not_done_there(text, lemma):
    assert _places_named(text)[lemma] == []


@pytest.mark.parametrize("text, lemma, place", [
    ("The minister flew to Oslo on Monday.", "fly", "Oslo"),
    ("The wounded were taken to a hospital in Kabul.", "take", "Kabul"),
])
def test_where_a_journey_or_a_transport_goes_is_where_it_happened(text, lemma, place):
    assert place in _places_named(text)[lemma]


@pytest.mark.parametrize("text, lemma, place", [
    ("The Dow Jones Industrial Average fell 500 points in New York trading.", "fall", "New York City"),
    ("At the Detroit auto show on Monday, Ford unveiled a new pickup truck.", "unveil", "Detroit"),
])
def test_a_place_named_before_the_noun_of_a_locative_phrase_is_where_it_happened(text, lemma, place):
    assert place in _places_named(text)[lemma]


def test_a_place_named_before_a_noun_of_what_it_is_about_is_no_place():
    assert _places_named("The two leaders clashed over the Iran deal on Monday.")["clash"] == []


def test_a_court_named_by_its_town_is_the_place_not_the_town():
    assert _places_named("The union filed a lawsuit in a London court on Monday.")["file"] == ["court"]


@pytest.mark.parametrize("text, lemma", [
    ("The US slowdown hurt exporters in Asia.", "slowdown"),
    ("The Japan recession deepened in the second quarter.", "recession"),
])
def test_a_country_named_before_what_its_economy_does_is_no_place(text, lemma):
    assert _places_named(text)[lemma] == []


def test_a_town_named_before_a_bombing_is_where_it_happened():
    assert _places_named("The Baghdad bombing killed 40 people.")["bombing"] == ["Baghdad"]


@pytest.mark.parametrize("text, lemma, place", [
    ("Elections were held in Poland on Sunday.", "election", "Poland"),
    ("Clashes erupted in Cairo on Friday.", "clash", "Cairo"),
    ("The talks, which were held in Geneva, ended without a deal.", "talk", "Geneva"),
    ("The protest, which began in Tahrir Square, ended peacefully.", "protest", "Tahrir Square"),
])
def test_an_event_held_begun_or_broken_out_somewhere_happened_there(text, lemma, place):
    assert place in _places_named(text)[lemma]


@pytest.mark.parametrize("text, lemma", [
    ("The strike ended it in Detroit on Friday.", "strike"),  # what the strike ended was there
    ("The talks, which the minister mentioned in Geneva, ended without a deal.", "talk"),
])
def test_an_event_that_ends_something_or_is_mentioned_somewhere_is_not_there(text, lemma):
    assert _places_named(text)[lemma] == []


@pytest.mark.parametrize("text, lemma, places", [
    ("Sales fell 12% in the United States and 8% in Canada.", "fall", ["United States", "Canada"]),
    ("Airbus cut 4,300 jobs in France, 3,700 in Germany and 400 in Spain.", "cut", ["France", "Germany", "Spain"]),
])
def test_the_places_of_amounts_coordinated_without_their_verb_are_the_verbs(text, lemma, places):
    assert _places_named(text)[lemma] == places


def test_a_verb_coordinated_with_its_own_subject_keeps_its_amounts_places_to_itself():
    places = _places_named("Sales fell 12% in the United States, and rents rose 8% in Canada.")
    assert places["fall"] == ["United States"]


def test_every_region_is_no_one_place():
    assert _places_named("Sales fell in every region except Asia.")["fall"] == []
    assert _places_named("Workers walked out at several plants in Ohio.")["walk out"] == ["Ohio"]


def test_the_place_a_term_is_spent_in_is_not_where_it_was_set(nlp):
    places = _places(nlp, "A court in Nairobi sentenced the former minister to eight years in prison.", ("Nairobi",))
    assert places["sentenced"] == ("city:Nairobi",)  # not the prison: that is where the years are spent
    # must still: a place after a date is the event's ("On December 21 in Bagram, a bomber ...")
    places = _places(nlp, "On December 21 in Bagram, a bomber blew himself up.", ("Bagram",))
    assert places["blew"] == ("city:Bagram",)


def test_an_event_noun_dated_after_the_story_is_expected_not_done():
    from ..conftest import SPARQL_PREFIXES, graph_of
    graph = graph_of("The talks next week are the first since 2019. The vote on Sunday was peaceful.", date(2024, 3, 13))
    rows = {(str(lemma), str(f).rsplit("#", 1)[-1]) for lemma, f in graph.query(SPARQL_PREFIXES + """
        SELECT ?lemma ?f WHERE { ?e kgo:lemma ?lemma ; kgo:factuality ?f }""")}
    assert ("talk", "Expected") in rows
    assert ("vote", "Asserted") in rows  # must not: a vote on the Sunday before the story was held


def test_a_report_is_on_the_day_it_was_made_and_the_loss_in_its_quarter(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe carmaker reported a loss of $410 million in the fourth quarter on Tuesday.")
    assert times["reported"] == "2024-03-12"
    assert times["loss"] == "2023-Q4"


def test_a_period_on_the_verb_with_no_day_beside_it_dates_the_verb(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe carmaker cut its dividend to 10 cents in the fourth quarter.")
    assert times["cut"] == "2023-Q4"


def test_a_year_after_a_since_phrase_is_of_what_it_names(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe index closed down 7.9%, its biggest one-day fall since Black Monday in 1987.")
    assert times["closed down"] is None
    assert times["fall"] is None


def test_a_year_after_a_phrase_that_bounds_nothing_dates_its_event(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe index suffered its biggest one-day fall on record in 1987.")
    assert times["fall"] == "1987"


def test_what_a_dated_event_did_in_its_relative_clause_is_of_its_date(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe region was hit by a tsunami in December 2004 that killed 130,000 people.")
    assert times["killed"] == "2004-12"


def test_a_relative_clause_on_a_thing_or_told_as_later_keeps_no_date_of_its_head(nlp):
    times = _times(nlp, "March 14, 2024\n\nThe firm built a plant in 2004 that employed 300 people. "
                        "Voters rejected the plan in 2004 that the council later adopted.")
    assert times["employed"] is None
    assert times["adopted"] is None


def test_a_statement_that_says_when_though_no_day_is_found_is_not_of_the_story_s_day(nlp):
    text = ("March 14, 2024\n\nThe carmaker received $4 billion in loans in January. "
            "The Treasury said the following day that it would lend more.")
    assert _times(nlp, text)["said"] is None


def test_a_statement_with_no_time_of_its_own_is_of_the_story_s_day_whoever_says_it(nlp):
    text = "March 14, 2024\n\nThe carmaker received $4 billion in loans. Jobs, 55, said that it would lend more."
    assert _times(nlp, text)["said"] == "2024-03-14"
