"""Temporal normalisation: a table of expressions with their values, then detection in text."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

import kg.times.patterns
import kg.times.values
from kg.times.extract import extract_times, normalise
from kg.times.tense import clause_tense
from kg.times.values import begins_after, bounds, xsd

TUE = date(2020, 6, 16)  # a Tuesday

# (expression, anchor, tense, last) -> value
CASES = [
    # absolute dates in the common news forms; these need no anchor
    ("March 01, 2008", None, "past", None, "2008-03-01"),
    ("March 01, 2008", TUE, "future", None, "2008-03-01"),
    ("5 June 2020", None, "past", None, "2020-06-05"),
    ("June 5, 2020", None, "past", None, "2020-06-05"),
    ("Tuesday, June 16, 2020", None, "past", None, "2020-06-16"),
    ("Jan. 5, 2009", None, "past", None, "2009-01-05"),
    ("the 5th of June 2020", None, "past", None, "2020-06-05"),
    ("April 2nd", date(2008, 4, 9), "past", None, "2008-04-02"),
    ("2020-06-16", None, "past", None, "2020-06-16"),
    ("7/8/07", date(2007, 7, 9), "past", None, "2007-07-08"),
    ("2018", None, "past", None, "2018"),
    ("in 2018", None, "past", None, "2018"),
    ("2009's", None, "past", None, "2009"),
    ("May 2008", None, "past", None, "2008-05"),
    ("September of 2006", None, "past", None, "2006-09"),
    ("mid-2009", None, "past", None, "2009"),
    ("mid\u20132009", None, "past", None, "2009"),
    ("early 2009", None, "past", None, "2009"),
    ("the end of 2009", None, "past", None, "2009"),
    ("the fall of 2011", None, "future", None, "2011-FA"),
    ("Q3 2009", None, "past", None, "2009-Q3"),
    ("the third quarter of 2009", None, "past", None, "2009-Q3"),
    ("the first half of 2009", None, "past", None, "2009-H1"),
    ("H2 2010", None, "past", None, "2010-H2"),
    ("Christmas Day", date(2021, 1, 5), "past", None, "2020-12-25"),
    ("New Year\u2019s Day 2009", None, "past", None, "2009-01-01"),
    # what XSD cannot hold has its TimeML value: quarters (of the year the tense gives; a
    # quarter told of in the past has begun), decades, centuries
    ("the first quarter", TUE, "past", None, "2020-Q1"),
    ("the third quarter", TUE, "past", None, "2019-Q3"),
    ("the third quarter", TUE, "future", None, "2020-Q3"),
    ("first-quarter", date(2008, 4, 20), "past", None, "2008-Q1"),
    ("the fourth quarter", date(2007, 1, 18), "past", None, "2006-Q4"),
    ("the last quarter", date(2007, 1, 18), "past", None, "2006-Q4"),
    ("last quarter", TUE, "past", None, "2020-Q1"),
    ("this quarter", TUE, "present", None, "2020-Q2"),
    ("the second half of the year", TUE, "future", None, "2020-H2"),
    ("the 1990s", TUE, "past", None, "199"),
    ("the early 1990s", TUE, "past", None, "199"),
    ("the '90s", TUE, "past", None, "199"),
    ("the '20s", TUE, "past", None, "202"),
    ("the '20s", date(1998, 1, 1), "past", None, "192"),
    ("the 20th century", TUE, "past", None, "19"),
    ("the 1800s", TUE, "past", None, "18"),  # a century, as TIMEX3 writes it
    ("the early 1900s", TUE, "past", None, "19"),
    ("the 2000s", TUE, "past", None, "200"),  # but the decade
    ("this decade", TUE, "present", None, "202"),
    ("the latest quarter", TUE, "past", None, "2020-Q1"),
    ("the most recent quarter", date(2007, 1, 18), "past", None, "2006-Q4"),
    ("the previous quarter", TUE, "past", "2019-Q1", "2018-Q4"),
    ("the previous quarter", TUE, "past", None, None),  # before which?
    # a fiscal year is TimeML's "FY2009" (a company's year is its own: no bounds), its quarter
    # "FY2009-Q3"; but no fiscal quarter without its year, no quarter without an ordinal
    ("fiscal 2009", TUE, "past", None, "FY2009"),
    ("fiscal year 1998", TUE, "past", None, "FY1998"),
    ("FY09", TUE, "past", None, "FY2009"),
    ("fiscal '98", TUE, "past", None, "FY1998"),
    ("the third quarter of fiscal 2009", TUE, "past", None, "FY2009-Q3"),
    ("the second half of fiscal 2021", TUE, "future", None, "FY2021-H2"),
    ("Q3", TUE, "past", None, None),
    ("the first fiscal quarter", TUE, "past", None, None),
    ("the 90s", TUE, "past", None, None),
    # seasons: the northern year's, a winter named by the year it begins in
    ("summer 2008", None, "past", None, "2008-SU"),
    ("last fall", date(1999, 4, 10), "past", None, "1998-FA"),
    ("this summer", TUE, "future", None, "2020-SU"),
    ("next spring", TUE, "future", None, "2021-SP"),
    ("last winter", TUE, "past", None, "2019-WI"),
    ("the winter", date(2021, 1, 20), "present", None, "2020-WI"),
    ("the fall", TUE, "past", None, None),  # "the fall in prices"
    # the present and the future of the story
    ("now", TUE, "present", None, "PRESENT_REF"),
    ("at present", TUE, "present", None, "PRESENT_REF"),
    ("in the future", TUE, "future", None, "FUTURE_REF"),
    ("the near future", TUE, "future", None, "FUTURE_REF"),
    ("June 31", TUE, "past", None, None),
    ("February 29, 2009", None, "past", None, None),
    # durations, sets, vague times
    ("weeks", TUE, "past", None, None),
    ("decades", TUE, "past", None, None),
    ("fifty-year", TUE, "past", None, None),
    ("a year", TUE, "past", None, None),
    ("every day", TUE, "past", None, None),
    ("every Tuesday", TUE, "past", None, None),
    ("recently", TUE, "past", None, "PAST_REF"),  # TIMEX3: the past of the story, as "now" is its present
    ("lately", TUE, "past", None, None),
    ("the past decade", TUE, "past", None, None),
    ("the next four years", TUE, "future", None, None),
    ("the last year", TUE, "past", None, None),
    ("several years", TUE, "past", None, None),
    # a day or month without a year: the anchor's year, unless the tense says otherwise
    ("June 5", TUE, "past", None, "2020-06-05"),
    ("June 5", None, "past", None, None),
    ("December 28", date(2021, 1, 5), "past", None, "2020-12-28"),
    ("January 5", date(2020, 12, 20), "future", None, "2021-01-05"),
    ("June 5", TUE, "future", None, "2021-06-05"),
    ("February 3", date(2020, 1, 10), "past", None, "2020-02-03"),  # "was postponed to": not far
    ("December", date(2021, 1, 10), "past", None, "2020-12"),
    ("December", date(2021, 1, 10), "future", None, "2021-12"),
    ("January", date(2020, 12, 10), "past", None, "2020-01"),
    ("January", date(2020, 12, 10), "future", None, "2021-01"),
    ("January", date(2020, 11, 20), "present", None, "2021-01"),
    ("June", TUE, "present", None, "2020-06"),
    ("May", TUE, "future", None, "2021-05"),
    ("mid-March", TUE, "past", None, "2020-03"),
    ("late May", date(2005, 5, 7), "future", None, "2005-05"),
    ("January", None, "past", None, None),
    # 29 February exists only in leap years
    ("February 29", date(2008, 7, 2), "past", None, "2008-02-29"),
    ("February 29", date(2009, 3, 1), "past", None, "2008-02-29"),
    ("February 29", date(2009, 3, 1), "future", None, "2012-02-29"),
    ("February 29", date(2101, 3, 1), "past", None, "2096-02-29"),  # 2100 is not a leap year
    # weekdays: past = latest on or before the anchor, future = the first on or after it (the
    # anchor's own day counts both ways), present = the nearest
    ("Tuesday", TUE, "past", None, "2020-06-16"),
    ("on Tuesday", TUE, "past", None, "2020-06-16"),
    ("Tuesday", TUE, "future", None, "2020-06-16"),  # the story's own day; a week on is "next Tuesday"
    ("next Tuesday", TUE, "future", None, "2020-06-23"),
    ("Tuesday", TUE, "present", None, "2020-06-16"),
    ("Monday", TUE, "past", None, "2020-06-15"),
    ("Wednesday", TUE, "past", None, "2020-06-10"),
    ("Wednesday", TUE, "future", None, "2020-06-17"),
    ("Monday", TUE, "future", None, "2020-06-22"),
    ("Wednesday", TUE, "present", None, "2020-06-17"),
    ("Monday", TUE, "present", None, "2020-06-15"),
    ("last Tuesday", TUE, "past", None, "2020-06-09"),
    ("next Tuesday", TUE, "past", None, "2020-06-23"),
    ("Friday morning", TUE, "past", None, "2020-06-12"),
    ("Sunday", date(2021, 1, 1), "past", None, "2020-12-27"),
    ("Tuesday", None, "past", None, None),
    # days around the anchor
    ("today", TUE, "past", None, "2020-06-16"),
    ("this morning", TUE, "past", None, "2020-06-16"),
    ("tonight", TUE, "future", None, "2020-06-16"),
    ("yesterday", TUE, "past", None, "2020-06-15"),
    ("Yesterday", date(2020, 3, 1), "past", None, "2020-02-29"),
    ("yesterday", date(2021, 3, 1), "past", None, "2021-02-28"),
    ("last night", TUE, "past", None, "2020-06-15"),
    ("tomorrow", date(2020, 12, 31), "future", None, "2021-01-01"),
    ("yesterday", None, "past", None, None),
    # calendar weeks are ISO weeks (never a day invented); weekends their Saturday and Sunday
    ("last week", TUE, "past", None, "2020-W24"),
    ("earlier this week", TUE, "past", None, "2020-W25"),
    ("this week", TUE, "present", None, "2020-W25"),
    ("next week", TUE, "future", None, "2020-W26"),
    ("next week", date(2020, 12, 28), "future", None, "2021-W01"),
    ("this week", date(2021, 1, 2), "present", None, "2020-W53"),
    ("this weekend", TUE, "future", None, "2020-W25-WE"),
    ("this weekend", date(2010, 1, 24), "past", None, "2010-W03-WE"),
    ("over the weekend", TUE, "past", None, "2020-W24-WE"),
    ("last weekend", TUE, "past", None, "2020-W24-WE"),
    ("the week of March 6", date(2000, 2, 24), "future", None, "2000-W10"),
    ("six weeks ago", date(2000, 1, 6), "past", None, "1999-W47"),
    ("two weeks later", TUE, "past", "2020-06-01", "2020-W25"),
    ("the following week", TUE, "past", "2020-06-01", "2020-W24"),
    ("that week", TUE, "past", "2020-06-01", "2020-W23"),
    ("that week", TUE, "past", "2020", None),
    ("the past week", TUE, "past", None, None),  # a duration
    ("the week", TUE, "past", None, "2020-W25"),  # alone, as "for the week" of a market report
    ("for the week", TUE, "past", "2020-06-12", "2020-W24"),
    ("the week", TUE, "past", "2020-06", None),
    # months and years around the anchor
    ("this month", TUE, "present", None, "2020-06"),
    ("last month", TUE, "past", None, "2020-05"),
    ("last month", date(2021, 1, 15), "past", None, "2020-12"),
    ("next month", date(2020, 12, 15), "future", None, "2021-01"),
    ("earlier this month", TUE, "past", None, "2020-06"),
    ("the end of the month", TUE, "future", None, "2020-06"),
    # the end of the week: the story's week, or in a past clause that of the day told of
    ("the end of the week", TUE, "future", None, "2020-W25"),
    ("the end of the week", TUE, "future", "2020-06-02", "2020-W25"),
    ("the end of the week", TUE, "past", "2020-06-02", "2020-W23"),
    ("the start of the week", TUE, "past", "2020-06-23", "2020-W25"),
    ("the end of the weekend", TUE, "past", None, None),
    ("this year", TUE, "present", None, "2020"),
    ("last year", TUE, "past", None, "2019"),
    ("last year's", TUE, "past", None, "2019"),
    ("next year", date(2020, 12, 31), "future", None, "2021"),
    ("earlier this year", TUE, "past", None, "2020"),
    ("later this year", TUE, "future", None, "2020"),
    ("the beginning of the year", TUE, "past", None, "2020"),
    ("last November", date(2005, 2, 17), "past", None, "2004-11"),
    ("last June", TUE, "past", None, "2019-06"),
    ("next March", TUE, "future", None, "2021-03"),
    ("January next year", TUE, "future", None, "2021-01"),
    ("September of this year", TUE, "future", None, "2020-09"),
    ("last month", None, "past", None, None),
    # counted from the anchor
    ("two years ago", TUE, "past", None, "2018"),
    ("three months ago", date(2020, 1, 15), "past", None, "2019-10"),
    ("five days ago", date(2020, 3, 2), "past", None, "2020-02-26"),
    ("a year ago", TUE, "past", None, "2019"),
    ("a decade ago", TUE, "past", None, "2010"),  # the year, as "ten years ago"
    ("two decades ago", TUE, "past", None, "2000"),
    ("more than four decades ago", TUE, "past", None, None),
    ("a decade later", TUE, "past", "2001-05-03", "2011"),
    # years from a quarter or a half named last: that quarter or half of another year
    ("a year earlier", TUE, "past", "2020-Q1", "2019-Q1"),
    ("two years later", TUE, "past", "2016-H2", "2018-H2"),
    ("a year earlier", TUE, "past", "2020-06-03", "2019"),
    ("six months earlier", TUE, "past", "2020-Q1", None),  # a quarter moved by months is no month
    ("decades ago", TUE, "past", None, None),
    ("several decades ago", TUE, "past", None, None),
    ("about two years ago", TUE, "past", None, "2018"),  # the year, as TimeML gives it
    ("about two weeks ago", TUE, "past", None, None),  # but no approximate week
    ("post-1959", None, "past", None, "1959"),
    ("a few days ago", TUE, "past", None, None),
    # chains: counted from the last date named, else from the anchor
    ("Four days later", TUE, "past", "2020-06-01", "2020-06-05"),
    ("four days later", TUE, "past", None, "2020-06-20"),
    ("Four days later", None, "past", "2008-03-05", "2008-03-09"),
    ("Four days later", TUE, "past", "2009", None),
    ("two weeks earlier", TUE, "past", "2020-06-01", "2020-W21"),
    ("a year later", TUE, "past", "2009", "2010"),
    ("hours later", TUE, "past", "2020-06-01", "2020-06-01"),
    ("hours later", TUE, "past", None, "2020-06-16"),
    ("the next day", TUE, "past", "2020-02-28", "2020-02-29"),
    ("the following day", TUE, "past", "2020-12-31", "2021-01-01"),
    ("the following year", TUE, "past", "2009-05", "2010"),
    ("the previous month", TUE, "past", "2020-01-10", "2019-12"),
    ("that day", TUE, "past", "2020-06-01", "2020-06-01"),
    ("that day", TUE, "past", None, None),
    ("three days later than planned", TUE, "past", "2020-06-01", None),
    # the year or month under discussion, and the one before or after it
    ("later that year", TUE, "past", "1998-06-03", "1998"),
    ("that month", TUE, "past", "1998-06-03", "1998-06"),
    ("that month", TUE, "past", "1998", None),
    ("the year before", TUE, "past", "1997", "1996"),
    ("the day after", TUE, "past", "2020-06-01", "2020-06-02"),
    ("the whole year", TUE, "past", None, "2020"),
    ("the same period last year", TUE, "past", "2020-Q2", "2019-Q2"),
    ("the same quarter a year earlier", TUE, "past", "2020-Q2", "2019-Q2"),
    ("the same month last year", TUE, "past", "2020-05", "2019-05"),
    ("the same period last year", TUE, "past", None, "2019"),
    ("the year-ago quarter", TUE, "past", "2020-Q2", "2019-Q2"),
    # in a market report, the trading day: the day last named, else the story's
    ("for the day", TUE, "past", None, "2020-06-16"),
    ("for the day", TUE, "past", "2020-06-12", "2020-06-12"),
    ("the day", TUE, "past", "2020-06", None),
    ("later in the day", TUE, "past", "2020-06-12", "2020-06-12"),
    # overnight: the night before the story in a past clause, the story's night otherwise
    ("overnight", TUE, "past", None, "2020-06-15"),
    ("overnight", TUE, "future", None, "2020-06-16"),
    # holidays that move: Easter, US Thanksgiving
    ("Easter", TUE, "past", None, "2020-04-12"),
    ("Good Friday", date(2021, 1, 5), "past", None, "2020-04-10"),
    ("Thanksgiving Day", date(2000, 1, 7), "past", None, "1999-11-25"),
    ("last Thanksgiving", date(2000, 2, 10), "past", None, "1999-11-25"),
    ("Thanksgiving 2008", None, "past", None, "2008-11-27"),
    ("Easter", None, "past", None, None),
    # clock times: on the day under discussion, or the story's when the text is still in its year
    ("18:00 UTC", TUE, "past", "2009-12-15", "2009-12-15T18:00"),
    ("6:40 p.m. (GMT +8)", TUE, "past", None, "2020-06-16T18:40"),
    ("12 a.m.", TUE, "past", None, "2020-06-16T00:00"),
    ("4 in the morning", TUE, "future", None, "2020-06-16T04:00"),
    ("8 in the evening", TUE, "future", None, "2020-06-16T20:00"),
    ("noon", TUE, "past", "2020-06-12", "2020-06-12T12:00"),
    ("midnight", TUE, "past", None, "2020-06-16"),  # the end of one day or the start of the next
    ("9:45 a.m.", TUE, "past", "2009", "2020-06-16T09:45"),  # a year named last says nothing of the day
    # a day named last on the other side of the story's from the clause is not the clause's
    ("3 p.m.", TUE, "past", "2020-06-22", "2020-06-16T15:00"),  # "will meet Monday. He said at 3 p.m."
    ("3 p.m.", TUE, "future", "2020-06-12", "2020-06-16T15:00"),
    ("3 p.m.", TUE, "future", "2020-06-22", "2020-06-22T15:00"),
    ("hours later", TUE, "past", "2009", None),  # but hours after something in 2009 is in 2009
    ("earlier in the day", TUE, "past", None, "2020-06-16"),
]


@pytest.mark.parametrize(("expression", "anchor", "tense", "last", "value"), CASES,
                         ids=[f"{c[0]}|{c[1]}|{c[2]}|{c[3]}" for c in CASES])
def test_normalise(expression, anchor, tense, last, value):
    assert normalise(expression, anchor, tense=tense, last=last) == value


def test_the_table_is_long_enough_to_mean_something():
    assert len(CASES) >= 60


@pytest.mark.parametrize("tense", ["past", "present", "future"])
def test_weekday_resolves_the_same_for_every_anchor_in_a_week(tense):
    """The same input gives the same day on every run, whatever weekday the anchor falls on,
    and the day is always the named weekday on the side of the anchor that the tense says."""
    for offset in range(14):
        anchor = date(2020, 6, 15) + timedelta(days=offset)
        for weekday in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
            first = normalise(weekday, anchor, tense=tense)
            assert first == normalise(weekday, anchor, tense=tense)
            day = date.fromisoformat(first)
            assert day.strftime("%A") == weekday
            if tense == "past":
                assert timedelta(0) <= anchor - day < timedelta(days=7)
            elif tense == "future":
                assert timedelta(0) <= day - anchor < timedelta(days=7)
            else:
                assert abs(day - anchor) <= timedelta(days=3)


WORDS = ["the", "on", "in", "of", "last", "next", "this", "early", "mid-", "late", "end", "a", "two", "31",
         "5th", "29", "days", "weeks", "months", "year", "ago", "later", "earlier", "Tuesday", "February",
         "May", "Dec.", "2020", "1999", "7/8/07", "18:00", "p.m.", "UTC", "today", "yesterday", "quarter", ",",
         "week", "weekend", "third", "summer", "winter", "1990s", "now", "same", "period", "for", "day", "Easter"]
VALUE = (r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d)?)?|-W\d\d(-WE)?|-[QH][1-4]|-(SP|SU|FA|WI))?|\d{2,3}"
         r"|(PRESENT|PAST|FUTURE)_REF")


@given(words=st.lists(st.sampled_from(WORDS), max_size=6) | st.lists(st.text(max_size=8), max_size=3),
       anchor=st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       tense=st.sampled_from(["past", "present", "future"]),
       last=st.none() | st.dates(min_value=date(1900, 1, 1)).map(str) | st.integers(1900, 2099).map(str))
def test_any_expression_gives_none_or_a_value_the_graph_can_carry(words, anchor, tense, last):
    value = normalise(" ".join(words), anchor, tense=tense, last=last)
    if value is not None:
        assert re.fullmatch(VALUE, value)
        if re.match(r"\d{4}(-\d\d)*(T|$)", value):
            date.fromisoformat((value.split("T")[0] + "-01-01")[:10])  # a day that exists
        assert xsd(value) is not None or value.endswith("_REF") or bounds(value) or re.search(r"-(SP|SU|FA|WI)|^\d\d$", value)


def test_normalise_never_reads_the_clock(monkeypatch):
    class NoClock(date):
        @classmethod
        def today(cls):
            raise AssertionError("read the machine's clock")

    monkeypatch.setattr(kg.times.patterns, "date", NoClock)
    monkeypatch.setattr(kg.times.values, "date", NoClock)
    assert normalise("Tuesday", TUE) == "2020-06-16"
    assert normalise("June 5", None) is None


def test_an_unknown_tense_is_refused():
    with pytest.raises(ValueError, match="tense must be one of"):
        normalise("Tuesday", TUE, tense="pluperfect")


def test_a_last_value_that_is_not_a_date_is_refused():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        normalise("the next day", TUE, last="yesterday")
    with pytest.raises(ValueError, match="no such date"):
        normalise("the next day", TUE, last="2020-13")


# ---------------------------------------------------------------- detection in text


def _doc(words, tags, pos, heads, deps, ents):
    return Doc(spacy.blank("en").vocab, words=words, tags=tags, pos=pos, heads=heads, deps=deps, ents=ents)


@pytest.mark.parametrize(("aux", "verb", "tag", "value"), [
    ([], "delivered", "VBD", "2020-06-10"),
    (["will"], "deliver", "VB", "2020-06-17"),
])
def test_a_hand_parsed_sentence_takes_its_tense_from_the_verb(aux, verb, tag, value):
    words = ["Boeing", *aux, verb, "the", "jet", "on", "Wednesday", "."]
    n = len(aux)
    doc = _doc(words,
               tags=["NNP", *["MD"] * n, tag, "DT", "NN", "IN", "NNP", "."],
               pos=["PROPN", *["AUX"] * n, "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
               heads=[1 + n, *[1 + n] * n, 1 + n, 3 + n, 1 + n, 1 + n, 4 + n, 1 + n],
               deps=["nsubj", *["aux"] * n, "ROOT", "det", "dobj", "prep", "pobj", "punct"],
               ents=["B-ORG", *["O"] * n, "O", "O", "O", "O", "B-DATE", "O"])
    [mention] = extract_times(doc, TUE)
    assert (mention.span.text, mention.value) == ("Wednesday", value)
    assert doc.text[mention.span.start : mention.span.end] == "Wednesday"


def _found(nlp, text, anchor=TUE):
    return [(t.span.text, t.value) for t in extract_times(nlp(text), anchor)]


@pytest.mark.model
def test_spans_leave_out_the_preposition_and_keep_the_offsets(nlp):
    text = "Apple Opens New Store\n\nJune 16, 2020\n\nApple opened its new store on Tuesday."
    doc = nlp(text)
    mentions = extract_times(doc, TUE)
    assert [(m.span.text, m.value) for m in mentions] == [("June 16, 2020", "2020-06-16"), ("Tuesday", "2020-06-16")]
    assert all(text[m.span.start : m.span.end] == m.span.text for m in mentions)


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The company announced its results on Thursday.", [("Thursday", "2020-06-11")]),
    ("The company will announce its results on Thursday.", [("Thursday", "2020-06-18")]),
    ("The airline is going to resume flights on Friday.", [("Friday", "2020-06-19")]),
    ("Boeing delivered the last jet in March.", [("March", "2020-03")]),
    ("Boeing plans to deliver the next jet in March.", [("March", "2021-03")]),
    ("The launch is scheduled for January.", [("January", "2021-01")]),
    ("The vote, scheduled for Thursday, could topple the government.", [("Thursday", "2020-06-18")]),
    ("The aircraft delivered on Thursday was the last one.", [("Thursday", "2020-06-11")]),
    ("The report is due on Friday.", [("Friday", "2020-06-19")]),
    ("The factory closed in December and it will reopen in December.", [("December", "2019-12"), ("December", "2020-12")]),
])
def test_the_tense_of_the_clause_picks_the_day(nlp, sentence, expected):
    assert _found(nlp, sentence) == expected


@pytest.mark.model
def test_durations_and_sets_give_nothing(nlp):
    text = ("The strike lasted three weeks, the contract runs for the next four years, "
            "and the plant works every day, as it has for decades. Talks resume after the past week's pause.")
    assert _found(nlp, text) == []


@pytest.mark.model
def test_the_verb_may_and_a_head_count_are_not_dates(nlp):
    text = ("Prices may rise in May. The airline, founded in 1998, employs 2000 people. "
            "The temple was built 1,000 years ago.")
    assert _found(nlp, text) == [("May", "2021-05"), ("1998", "1998")]


@pytest.mark.model
def test_chains_count_from_the_last_date_named(nlp):
    text = ("The prototype first flew on March 3, 2010. Four days later it flew again, "
            "and hours later the company said so. The following year it entered service.")
    assert _found(nlp, text) == [("March 3, 2010", "2010-03-03"), ("Four days later", "2010-03-07"),
                                 ("hours later", "2010-03-07"), ("The following year", "2011")]


@pytest.mark.model
def test_forms_spacy_tends_to_miss(nlp):
    text = ("Deliveries slipped to mid-2009, sales rose earlier this year, and yesterday the chief "
            "executive said the plant would reopen next month.")
    assert _found(nlp, text) == [("mid-2009", "2009"), ("earlier this year", "2020"),
                                 ("yesterday", "2020-06-15"), ("next month", "2020-07")]


@pytest.mark.model
def test_a_lower_cased_month_is_a_date_unless_it_could_be_a_verb(nlp):
    text = "Boeing delays first delivery until july. Troops march on sunday; prices may rise."
    assert _found(nlp, text) == [("july", "2020-07"), ("sunday", "2020-06-14")]


@pytest.mark.model
def test_names_and_identifiers_are_not_dates(nlp):
    text = ("Theresa May met June Carter. The Long March began in 1934. "
            "Flight 1549 landed in March.")
    assert _found(nlp, text) == [("1934", "1934"), ("March", "2020-03")]


@pytest.mark.model
def test_a_clock_time_and_the_day_right_after_it_are_one_instant(nlp):
    text = "The blast happened at 3 a.m. local time on Sunday, and police spoke at 10:30."
    assert _found(nlp, text) == [("3 a.m. local time on Sunday", "2020-06-14T03:00"), ("10:30", "2020-06-14T10:30")]


@pytest.mark.model
def test_a_date_line_is_not_pointed_back_at(nlp):
    text = "Markets\n\nJune 16, 2020\n\nHe said that day would come."
    assert _found(nlp, text) == [("June 16, 2020", "2020-06-16")]


@pytest.mark.model
def test_clause_tense_reads_auxiliaries(nlp):
    doc = nlp("The plane has landed on Monday, will land on Tuesday and is landing on Wednesday. "
              "It may have crashed on Thursday.")
    spans = {doc[i].text: doc[i : i + 1] for i in range(len(doc))}
    tenses = [clause_tense(spans[d]) for d in ("Monday", "Tuesday", "Wednesday", "Thursday")]
    assert tenses == ["past", "future", "present", "past"]


def test_present_modals_of_possibility_and_necessity_look_ahead(nlp):
    doc = nlp("Parliament can vote on the bill on Monday, and the firm must repay the loan by Friday.")
    spans = {doc[i].text: doc[i : i + 1] for i in range(len(doc))}
    assert [clause_tense(spans[d]) for d in ("Monday", "Friday")] == ["future", "future"]


def test_a_negated_or_past_modal_does_not_look_ahead(nlp):
    doc = nlp("Rescuers cannot reach the village on Monday. Police could not locate him on Friday. "
              "The plant could have closed on Sunday.")
    spans = {doc[i].text: doc[i : i + 1] for i in range(len(doc))}
    assert "future" not in [clause_tense(spans[d]) for d in ("Monday", "Friday", "Sunday")]


@pytest.mark.parametrize(("value", "after"), [
    ("2021-H1", True), ("2021", True), ("FUTURE_REF", True), ("2020-06-22T15:00", True), ("2020-W26", True),
    ("2020-W25", False), ("2020-06", False), ("2020-06-16", False), ("2020-Q2", False), ("FY2021", False),
    ("PAST_REF", False), ("PRESENT_REF", False), ("199", False),
])
def test_begins_after_the_publication_date(value, after):
    assert begins_after(value, TUE) is after
