"""Time expressions of news genres in running text: markets, politics, conflict.

Each rule has a sentence it must read and one it must leave alone, all hand-written. The
story is published on Wednesday 17 June 2020 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.times.extract import extract_times

pytestmark = pytest.mark.model

WED = date(2020, 6, 17)


def _found(nlp, text, anchor=WED):
    return [(t.span.text, t.value) for t in extract_times(nlp(text), anchor)]


def _zones(nlp, text, anchor=WED):
    return [(t.span.text, t.value, t.zone) for t in extract_times(nlp(text), anchor)]


# ---------------------------------------------------------------- markets


def test_the_trading_day_of_a_market_report(nlp):
    text = ("The Dow Jones industrial average fell 120 points on Tuesday, down 1.2 percent for the day. "
            "Later in the day, the central bank lowered its main interest rate.")
    assert _found(nlp, text) == [("Tuesday", "2020-06-16"), ("the day", "2020-06-16"), ("Later in the day", "2020-06-16")]


def test_the_trading_day_is_the_story_s_unless_its_sentence_names_one(nlp):
    text = "The carmaker said on Monday it would cut 2,000 jobs. The S&P 500 gained 2.2 percent for the day."
    assert _found(nlp, text) == [("Monday", "2020-06-15"), ("the day", "2020-06-17")]


def test_the_session_a_market_closes_or_ends_is_the_trading_day_or_week(nlp):
    text = "The Dow closed the day down 128 points. The Nasdaq ended the week 2 percent higher."
    assert _found(nlp, text) == [("the day", "2020-06-17"), ("the week", "2020-W25")]


def test_a_day_or_week_ended_that_is_said_to_be_another_is_no_session(nlp):
    text = "She ended the day she had feared. The talks ended the week before the vote."
    assert _found(nlp, text) == []


def test_the_year_of_a_report_is_the_year_last_named_else_the_story_s(nlp):
    text = "Profit rose in the fourth quarter. For the year, it fell 3 percent."
    assert _found(nlp, text, date(2013, 2, 13)) == [("the fourth quarter", "2012-Q4"), ("the year", "2012")]
    assert _found(nlp, "For the year, the index gained 12 percent.") == [("the year", "2020")]


def test_a_year_that_is_said_to_be_some_other_is_no_time(nlp):
    text = "He was named man of the year. He was jailed for the year he spent abroad. The firm restated its year-end accounts."
    assert _found(nlp, text) == []


def test_a_day_that_is_said_to_be_some_other_day_is_not_the_trading_day(nlp):
    text = "Thousands marched on the day of the vote. Many remembered the day the dictator fell."
    assert _found(nlp, text) == []


def test_the_trading_week_of_a_market_report(nlp):
    text = ("The Nasdaq fell 2 percent on Friday and 5 percent for the week. "
            "For the week, the yen gained 3 percent against the dollar.")
    assert _found(nlp, text) == [("Friday", "2020-06-12"), ("the week", "2020-W24"), ("the week", "2020-W25")]


def test_a_week_that_is_said_to_be_some_other_week_is_not_the_trading_week(nlp):
    text = "Shops stayed shut for the week of the funeral. He spent the week in Paris."
    assert _found(nlp, text) == []


def test_where_a_stretch_of_time_began_is_not_the_day_the_story_is_at(nlp):
    text = ("On Monday, rebels overran the base after a siege that had lasted since late January. "
            "The previous day, warplanes bombed the town.")
    assert _found(nlp, text) == [("Monday", "2020-06-15"), ("late January", "2020-01"),
                                 ("The previous day", "2020-06-14")]


def test_a_month_named_next_in_a_story_told_of_a_past_year_is_of_that_year(nlp):
    text = ("On March 3, 2019, rebels attacked the town. By the end of the month, the fighting had spread. "
            "In April, talks began in Geneva.")
    assert _found(nlp, text) == [("March 3, 2019", "2019-03-03"), ("the end of the month", "2019-03"),
                                 ("April", "2019-04")]


def test_a_past_year_that_names_a_thing_or_only_a_year_does_not_move_the_story(nlp):
    text = ("Two agents were charged in the Dec. 21, 2018, bombing of the embassy. They were freed after the "
            "government agreed in April to a deal. The company was founded in 1990. In May, it cut 500 jobs.")
    assert _found(nlp, text) == [("Dec. 21, 2018", "2018-12-21"), ("April", "2020-04"), ("1990", "1990"),
                                 ("May", "2020-05")]


def test_where_a_stretch_began_told_in_a_since_clause_is_not_counted_from(nlp):
    text = ("The attack killed 26 people on Monday. Fighting has killed 70,000 people since the uprising "
            "began in March 2011. Two days earlier, rebels had seized a checkpoint.")
    assert _found(nlp, text)[-1] == ("Two days earlier", "2020-06-13")


def test_a_date_in_a_clause_of_time_that_is_not_since_is_counted_from(nlp):
    text = "Rebels attacked the town after the army left on Monday. Two days later, the army returned."
    assert _found(nlp, text)[-1] == ("Two days later", "2020-06-17")


def test_a_month_the_story_moves_to_is_what_the_previous_day_counts_from(nlp):
    # "in January" is when things happened, not a boundary: there is no day to count from
    text = "On Monday, rebels overran the base. In January, they had laid siege to it. The previous day, ..."
    assert _found(nlp, text)[:2] == [("Monday", "2020-06-15"), ("January", "2020-01")]
    assert ("The previous day", "2020-06-14") not in _found(nlp, text)


def test_the_same_period_a_year_before_is_the_period_last_named_a_year_back(nlp):
    text = "Profit rose 5 percent to $2.1 billion in the second quarter from the same period last year."
    assert _found(nlp, text) == [("the second quarter", "2020-Q2"), ("the same period last year", "2019-Q2")]


def test_the_year_before_counts_from_the_year_last_named(nlp):
    text = "Exports fell to $300 million last year, down from $450 million the year before."
    assert _found(nlp, text) == [("last year", "2019"), ("the year before", "2018")]


def test_a_quarter_without_a_year_is_the_one_the_tense_gives(nlp):
    text = "Sales rose 4 percent in the third quarter, and the company expects growth to slow in the fourth quarter."
    assert _found(nlp, text) == [("the third quarter", "2019-Q3"), ("the fourth quarter", "2020-Q4")]


def test_the_quarter_of_an_earnings_report_is_the_quarter_named_last(nlp):
    text = ("Sales fell 9 percent in the second quarter, the carmaker said on Monday. "
            "Its loss for the quarter was $1.4 billion, against a profit in the same quarter a year earlier.")
    assert _found(nlp, text)[:3] == [("the second quarter", "2020-Q2"), ("Monday", "2020-06-15"),
                                     ("the quarter", "2020-Q2")]


def test_a_year_earlier_in_an_earnings_report_is_the_same_quarter_and_the_story_stays_in_its_own(nlp):
    text = ("Profit fell 20 percent in the third quarter from $56 million a year earlier. "
            "Revenue in the quarter rose 3 percent.")
    assert _found(nlp, text) == [("the third quarter", "2019-Q3"), ("a year earlier", "2018-Q3"),
                                 ("the quarter", "2019-Q3")]


def test_a_year_earlier_after_a_day_is_a_year(nlp):
    text = "The plant closed on June 2, a year earlier than planned."
    assert [found for found in _found(nlp, text) if "year" in found[0]] == []
    text = "The plant closed on June 2. A year earlier, it had been sold."
    assert _found(nlp, text) == [("June 2", "2020-06-02"), ("A year earlier", "2019")]


def test_the_previous_and_the_latest_quarter_of_an_earnings_report(nlp):
    text = ("Sales fell 3 percent in the first quarter from the previous quarter. "
            "Profit rose 5 percent in the latest quarter.")
    assert _found(nlp, text) == [("the first quarter", "2020-Q1"), ("the previous quarter", "2019-Q4"),
                                 ("the latest quarter", "2020-Q1")]


def test_the_previous_quarter_of_a_game_is_no_time(nlp):
    assert _found(nlp, "The Lakers trailed by ten points in the previous quarter.") == []


def test_a_quarter_that_no_quarter_named_before_gives_is_no_time(nlp):
    text = "Shops in the quarter were looted overnight. The Celtics led by ten points late in the quarter."
    assert [found for found in _found(nlp, text) if "quarter" in found[0]] == []


def test_a_fiscal_year_and_its_quarter_are_timeml_s_fiscal_values(nlp):
    text = "The retailer lost $1.2 billion in the third quarter of fiscal 2019 and expects a profit in fiscal 2021."
    assert _found(nlp, text) == [("the third quarter of fiscal 2019", "FY2019-Q3"), ("fiscal 2021", "FY2021")]


def test_a_fiscal_quarter_without_its_year_is_no_time(nlp):
    text = "The retailer lost $1.2 billion in its first fiscal quarter."
    assert _found(nlp, text) == []


def test_a_quarter_of_a_game_is_not_a_quarter_of_the_year(nlp):
    text = "The Lakers scored 12 points in the fourth quarter."
    assert _found(nlp, text) == []


def test_index_levels_and_index_names_are_not_years(nlp):
    text = ("The FTSE 100 rose 20 points to 6,512.3, the Nikkei closed at 1985 and the Russell 2000 "
            "gained 2 percent. Oil traded at 1998.50 dollars a tonne.")
    assert _found(nlp, text) == []


def test_a_year_after_a_preposition_of_time_is_still_a_year(nlp):
    text = "The merger was delayed to 2010, and the Developers Conference 2010 opened in June."
    assert _found(nlp, text) == [("2010", "2010"), ("2010", "2010"), ("June", "2020-06")]


def test_overnight_dates_what_happened_in_the_night_before_the_story(nlp):
    assert _found(nlp, "Asian shares fell sharply overnight.") == [("overnight", "2020-06-16")]


def test_an_overnight_rate_is_not_a_time(nlp):
    assert _found(nlp, "The bank raised its overnight lending rate to 2 percent.") == []


# ---------------------------------------------------------------- names with date words


def test_a_weekday_after_a_word_that_says_which_is_a_date(nlp):
    text = "Earlier Friday, a roadside bomb hit a bus. Late Thursday, police arrived."
    assert _found(nlp, text) == [("Friday", "2020-06-12"), ("Thursday", "2020-06-11")]


def test_a_month_after_every_is_a_set_not_a_date(nlp):
    assert _found(nlp, "The congress, which meets every March, ends on Sunday.") == [("Sunday", "2020-06-14")]


def test_date_words_inside_names_are_not_dates(nlp):
    text = ("Black Friday sales were strong. The October Revolution changed Russia. "
            "Protesters joined the annual March for Life.")
    assert _found(nlp, text) == []


def test_the_same_words_as_dates_are_dates(nlp):
    text = "Shops reopened on Friday. Police reopened the inquiry into the October shooting."
    assert _found(nlp, text) == [("Friday", "2020-06-12"), ("October", "2019-10")]


# ---------------------------------------------------------------- clock times


def test_a_clock_time_with_its_zone_and_its_day_is_one_instant(nlp):
    text = "Trading was halted at 09:30 GMT on Tuesday and resumed at 4 p.m. EDT."
    assert _zones(nlp, text) == [("09:30 GMT on Tuesday", "2020-06-16T09:30", "Z"),
                                 ("4 p.m. EDT", "2020-06-16T16:00", "-04:00")]


def test_a_day_before_its_clock_time_stays_a_mention_of_its_own(nlp):
    text = "The rebels attacked on Tuesday at 9 a.m. local time."
    assert _zones(nlp, text) == [("Tuesday", "2020-06-16", None), ("9 a.m. local time", "2020-06-16T09:00", None)]


def test_a_clock_time_alone_is_on_the_day_of_its_clause_s_side_of_the_story(nlp):
    text = "Ministers will meet again on Monday. The finance minister said at 3 p.m. that the budget was ready."
    assert _found(nlp, text) == [("Monday", "2020-06-22"), ("3 p.m.", "2020-06-17T15:00")]


def test_a_clock_time_alone_is_on_the_day_last_named_in_the_past(nlp):
    text = "Rebels attacked the garrison on Monday. The assault began at 4 a.m. and lasted until noon."
    assert _found(nlp, text) == [("Monday", "2020-06-15"), ("4 a.m.", "2020-06-15T04:00"), ("noon", "2020-06-15T12:00")]


# ---------------------------------------------------------------- direction from tense and preposition


def test_what_is_scheduled_lies_ahead_whatever_the_tense_of_the_scheduling(nlp):
    text = ("The opposition planned a large rally on Saturday. The court has scheduled a hearing Thursday. "
            "The minister planned to leave for Geneva on Monday.")
    assert _found(nlp, text) == [("Saturday", "2020-06-20"), ("Thursday", "2020-06-18"), ("Monday", "2020-06-22")]


def test_the_day_a_plan_was_made_and_a_plan_told_as_past_stay_in_the_past(nlp):
    text = ("On Monday, the government planned to pay the families. "
            "The ceremony planned for Saturday was cancelled after the bombing.")
    assert _found(nlp, text) == [("Monday", "2020-06-15"), ("Saturday", "2020-06-13")]


def test_the_end_a_delay_or_a_closing_runs_to_lies_ahead(nlp):
    text = "Judges postponed the trial until Tuesday. The stock exchange was shut until Thursday."
    assert _found(nlp, text) == [("Tuesday", "2020-06-23"), ("Thursday", "2020-06-18")]


def test_until_told_from_a_past_that_has_passed_stays_in_the_past(nlp):
    text = "Up until Monday, police had described him only as a witness."
    assert _found(nlp, text) == [("Monday", "2020-06-15")]


def test_a_thing_of_a_weekday_under_a_future_is_of_the_nearest_one(nlp):
    text = "Exiles said they would look for ways to get around Monday's ruling."
    assert _found(nlp, text) == [("Monday", "2020-06-15")]


def test_a_future_in_the_past_counts_from_the_day_it_was_told(nlp):
    # published on Wednesday 17 June 2020: told on Monday the 15th, "would meet on Tuesday" is the 16th
    text = "The minister said on Monday that the cabinet would meet on Tuesday."
    assert _found(nlp, text) == [("Monday", "2020-06-15"), ("Tuesday", "2020-06-16")]
    text = "On June 5, the company said it would close the plant on Friday."
    assert _found(nlp, text) == [("June 5", "2020-06-05"), ("Friday", "2020-06-12")]


def test_tomorrow_or_this_week_in_a_quotation_counts_from_the_day_it_was_said(nlp):
    # published on Wednesday 17 June 2020: said on Monday the 15th
    text = ('"We will vote tomorrow," the minister said on Monday. '
            'Speaking on Saturday, the general said: "Our troops entered the city yesterday." '
            '"This week has been the hardest of my life," he told reporters on Friday.')
    assert _found(nlp, text) == [("tomorrow", "2020-06-16"), ("Monday", "2020-06-15"), ("Saturday", "2020-06-13"),
                                 ("yesterday", "2020-06-12"), ("This week", "2020-W24"), ("Friday", "2020-06-12")]


def test_tomorrow_outside_a_quotation_or_in_one_said_today_counts_from_the_story(nlp):
    text = ('The minister said on Monday that parliament would vote tomorrow. '
            '"We will vote tomorrow," the minister said.')
    assert _found(nlp, text) == [("Monday", "2020-06-15"), ("tomorrow", "2020-06-18"), ("tomorrow", "2020-06-18")]


def test_a_future_told_today_or_a_past_told_of_counts_from_the_story(nlp):
    text = "The union said it would strike on Tuesday."
    assert _found(nlp, text) == [("Tuesday", "2020-06-23")]
    text = "The minister said on Monday that the cabinet met on Friday."
    assert _found(nlp, text) == [("Monday", "2020-06-15"), ("Friday", "2020-06-12")]


def test_a_weekday_ahead_may_be_the_story_s_own_day(nlp):
    # the story is published on a Wednesday: its "on Wednesday" is that day, also ahead
    text = "The Senate will vote on the rescue plan on Wednesday, its leader said."
    assert _found(nlp, text) == [("Wednesday", "2020-06-17")]


def test_next_weekday_ahead_is_a_week_on(nlp):
    text = "The Senate will vote on the rescue plan next Wednesday, its leader said."
    assert _found(nlp, text) == [("next Wednesday", "2020-06-24")]


def test_a_timetabled_event_in_the_present_lies_ahead(nlp):
    text = ("The president arrives in Brussels on Sunday for a two-day summit. "
            "Finance ministers are meeting on Monday to discuss the bailout.")
    assert _found(nlp, text) == [("Sunday", "2020-06-21"), ("Monday", "2020-06-22")]


def test_a_headline_s_present_and_a_present_of_what_happened_stay_behind(nlp):
    text = ("President arrives in Brussels on Sunday\n\n"
            "Oil prices close higher on Monday as traders weigh the cuts.")
    assert _found(nlp, text) == [("Sunday", "2020-06-14"), ("Monday", "2020-06-15")]


def test_what_a_clause_is_ahead_of_comes_after_it(nlp):
    # published on Wednesday 17 June 2020
    text = ("Campaigning intensified on Tuesday ahead of Sunday's election. "
            "Shares rose in the run-up to Friday's jobs report. "
            "Bonds rallied on Monday ahead of Tuesday's rate decision.")
    assert _found(nlp, text) == [("Tuesday", "2020-06-16"), ("Sunday", "2020-06-21"), ("Friday", "2020-06-19"),
                                 ("Monday", "2020-06-15"), ("Tuesday", "2020-06-16")]


def test_what_came_after_or_before_a_day_keeps_the_tense_of_its_clause(nlp):
    text = "Voters went to the polls after Sunday's debate. Police were deployed before Saturday's match."
    assert _found(nlp, text) == [("Sunday", "2020-06-14"), ("Saturday", "2020-06-13")]


def test_what_someone_vows_threatens_or_is_urged_to_do_lies_ahead_of_the_vow(nlp):
    # published on Wednesday 17 June 2020; threatened on Monday the 15th: the strike is after it
    text = ("The militants vowed to retaliate by Friday. Dock workers threatened on Monday to strike on Saturday. "
            "The envoy urged both sides to sign the truce by Thursday.")
    assert _found(nlp, text) == [("Friday", "2020-06-19"), ("Monday", "2020-06-15"), ("Saturday", "2020-06-20"),
                                 ("Thursday", "2020-06-18")]


def test_what_someone_tried_or_had_promised_to_do_is_told_from_the_past(nlp):
    text = "Rebels tried to storm the base on Monday. The government had promised to repay the loan by March."
    assert _found(nlp, text) == [("Monday", "2020-06-15"), ("March", "2020-03")]


def test_a_deadline_in_the_present_lies_ahead(nlp):
    text = ('"We have until Monday to find the money," the minister said. '
            "The rebels gave the army until Sunday to withdraw.")
    assert _found(nlp, text) == [("Monday", "2020-06-22"), ("Sunday", "2020-06-21")]


def test_an_end_reached_in_the_past_stays_in_the_past(nlp):
    text = "Trading stayed thin until Monday, brokers said."
    assert _found(nlp, text) == [("Monday", "2020-06-15")]


def test_what_had_been_scheduled_is_the_nearest_such_day(nlp):
    # told on Wednesday: put off before it came, so the Thursday ahead; one that went ahead, behind
    text = ("The vote had been scheduled for Thursday but was postponed. "
            "The rally had been scheduled for Monday and went ahead as planned.")
    assert _found(nlp, text) == [("Thursday", "2020-06-18"), ("Monday", "2020-06-15")]


def test_a_stretch_since_the_story_s_own_weekday_began_a_week_before(nlp):
    # published on Wednesday 17 June 2020: a camp kept "since Wednesday" began the Wednesday before
    text = "Protesters have camped in the square since Wednesday."
    assert _found(nlp, text) == [("Wednesday", "2020-06-10")]


def test_a_stretch_since_another_weekday_began_on_it(nlp):
    text = "Banks have been closed since Monday. Rebels have held the town since last Wednesday."
    assert _found(nlp, text) == [("Monday", "2020-06-15"), ("last Wednesday", "2020-06-10")]


def test_the_new_date_of_what_is_put_off_or_moved_lies_ahead(nlp):
    text = ("The vote was postponed to Friday. The court moved the hearing to Monday. "
            "The summit was rescheduled for Tuesday.")
    assert _found(nlp, text) == [("Friday", "2020-06-19"), ("Monday", "2020-06-22"), ("Tuesday", "2020-06-23")]


def test_a_move_to_a_place_on_a_day_is_told_in_its_tense(nlp):
    text = "Troops moved to the border on Monday."
    assert _found(nlp, text) == [("Monday", "2020-06-15")]


def test_what_is_to_happen_or_is_due_or_expected_to_be_done_lies_ahead(nlp):
    text = ("Parliament is to vote on the measure on Monday. He is due to be sentenced in August. "
            "The plant is expected to be closed in May.")
    assert _found(nlp, text) == [("Monday", "2020-06-22"), ("August", "2020-08"), ("May", "2021-05")]


def test_what_was_done_in_a_passive_is_told_from_the_past(nlp):
    text = "The plant was closed in May. He was sentenced on Monday."
    assert _found(nlp, text) == [("May", "2020-05"), ("Monday", "2020-06-15")]


def test_what_could_happen_lies_ahead(nlp):
    text = "The strike could end on Friday. Officials said the vote could take place on Sunday."
    assert _found(nlp, text) == [("Friday", "2020-06-19"), ("Sunday", "2020-06-21")]


def test_what_could_not_be_done_could_be_perceived_or_could_have_been_is_past(nlp):
    text = ("Neither he nor his wife could be located on Monday. Residents could hear gunfire on Sunday. "
            "The plane could have crashed on Saturday.")
    assert _found(nlp, text) == [("Monday", "2020-06-15"), ("Sunday", "2020-06-14"), ("Saturday", "2020-06-13")]


def test_an_infinitive_after_a_past_verb_counts_from_the_story(nlp):
    text = "The committee subpoenaed the minister to testify on July 2."
    assert _found(nlp, text) == [("July 2", "2020-07-02")]


# ---------------------------------------------------------------- weeks, seasons, the present


def test_weeks_and_weekends_are_iso_weeks(nlp):
    text = "Last week, rebels shelled the town. Over the weekend, talks failed. Voters go to the polls next week."
    assert _found(nlp, text) == [("Last week", "2020-W24"), ("the weekend", "2020-W24-WE"), ("next week", "2020-W26")]


def test_a_week_that_is_a_stretch_of_time_has_no_value(nlp):
    assert _found(nlp, "Prices rose over the past week, and a week of protests followed.") == []


def test_seasons_with_their_year(nlp):
    text = "Unemployment rose last fall and will fall this summer."
    assert _found(nlp, text) == [("last fall", "2019-FA"), ("this summer", "2020-SU")]


def test_a_fall_and_a_spring_that_are_not_seasons(nlp):
    text = "The fall in prices worried investors who remembered the Arab Spring."
    assert _found(nlp, text) == []


def test_now_is_the_present_of_the_story(nlp):
    text = "The embassy is now operating from a hotel, and in the future it will move."
    assert _found(nlp, text) == [("now", "PRESENT_REF"), ("the future", "FUTURE_REF")]


def test_currently_and_recently_are_the_present_and_the_past_of_the_story(nlp):
    text = ("Pre-orders of the recently announced phone opened on Monday. The chain currently sells music "
            "and, more recently, films.")
    assert _found(nlp, text) == [("recently", "PAST_REF"), ("Monday", "2020-06-15"), ("currently", "PRESENT_REF"),
                                 ("more recently", "PAST_REF")]


def test_in_the_past_is_the_past_of_the_story(nlp):
    text = "In the past, the carmaker sold units to raise cash, and it has done so more often than in the past."
    assert _found(nlp, text) == [("the past", "PAST_REF"), ("the past", "PAST_REF")]


def test_the_past_before_a_noun_or_a_stretch_of_time_is_no_time(nlp):
    text = "The past president of the union spoke. Prices rose in the past two years and the past week."
    assert _found(nlp, text) == []


def test_the_adjectives_recent_and_current_are_not_times(nlp):
    text = "Recent sales were weak, and the current chief executive resigned in recent weeks."
    assert _found(nlp, text) == []


def test_now_as_a_discourse_word_or_in_a_compound_is_not_a_time(nlp):
    text = "Now, the question is who pays. The now-defunct airline owed millions."
    assert _found(nlp, text) == []


def test_the_decades_of_history(nlp):
    assert _found(nlp, "The violence of the late 1980s returned.") == [("the late 1980s", "198")]


def test_a_decade_ago_is_the_year_ten_years_back(nlp):
    text = "A decade ago, the party won a landslide. Founded in 1990, it lost every seat two decades later."
    assert _found(nlp, text) == [("A decade ago", "2010"), ("1990", "1990"), ("two decades later", "2010")]


def test_decades_without_a_number_are_no_time(nlp):
    text = "The feud began decades ago and has lasted for several decades."
    assert _found(nlp, text) == []


def test_the_end_of_the_week_is_the_story_s_week_or_the_week_told_of(nlp):
    text = ("The union will decide by the end of the week. The strike began on June 2, "
            "and by the end of the week the port was closed.")
    assert _found(nlp, text) == [("the end of the week", "2020-W25"), ("June 2", "2020-06-02"),
                                 ("the end of the week", "2020-W23")]


def test_a_second_day_of_the_same_month(nlp):
    assert _found(nlp, "Leaders met on April 24 and 25.") == [("April 24", "2020-04-24"), ("25", "2020-04-25")]


def test_a_number_after_a_day_that_is_not_a_day(nlp):
    assert _found(nlp, "Prices rose on June 5 and 20 people were hurt.") == [("June 5", "2020-06-05")]


def test_moving_holidays(nlp):
    text = "The boy was found at sea on Thanksgiving Day."
    assert _found(nlp, text, date(2000, 1, 7)) == [("Thanksgiving Day", "1999-11-25")]


def test_the_holidays_us_news_names_without_a_year(nlp):
    text = ("U.S. markets were closed for Martin Luther King Day. Voters go to the polls on Election Day. "
            "Workers marched on May Day. Shops were shut on New Years Day.")
    assert _found(nlp, text, date(2011, 1, 18)) == [("Martin Luther King Day", "2011-01-17"),
                                                     ("Election Day", "2011-11-08"), ("May Day", "2010-05-01"),
                                                     ("New Years Day", "2011-01-01")]


def test_an_election_day_of_another_country_s_vote_is_not_the_us_one(nlp):
    text = "Turnout was low on election day, the commission said."
    assert _found(nlp, text, date(2011, 1, 18)) == []


def test_christmas_is_its_day(nlp):
    text = "Retailers had a weak Christmas, and they expect more shoppers this Christmas."
    assert _found(nlp, text, date(2013, 1, 10)) == [("Christmas", "2012-12-25"), ("this Christmas", "2013-12-25")]


def test_christmas_that_names_a_kind_of_thing_is_no_day(nlp):
    text = "The Christmas tree was lit, and Christmas sales fell."
    assert _found(nlp, text, date(2013, 1, 10)) == []


def test_results_of_a_quarter_are_reported_after_it(nlp):
    text = "The carmaker will report a third-quarter loss next week, and expects sales to recover in the first quarter."
    assert _found(nlp, text, date(2008, 10, 10)) == [("third-quarter", "2008-Q3"), ("next week", "2008-W42"),
                                                     ("the first quarter", "2009-Q1")]


def test_the_same_quarter_last_year_is_the_quarter_the_report_named_a_year_back(nlp):
    text = ("Profit rose 5 percent in the second quarter. The carmaker, founded in 1903, earned 46 cents a share "
            "in the same quarter last year.")
    assert _found(nlp, text) == [("the second quarter", "2020-Q2"), ("1903", "1903"),
                                 ("the same quarter last year", "2019-Q2")]


def test_a_date_that_tells_who_someone_is_does_not_move_the_story(nlp):
    text = ("Profit rose 5 percent in the first quarter. The chief executive, who joined in 2006, said the "
            "company would meet its targets for the whole year.")
    assert _found(nlp, text)[-1] == ("the whole year", "2020")


def test_a_date_in_a_clause_on_an_event_moves_the_story(nlp):
    text = "The strike, which began on March 3, ended two days later."
    assert _found(nlp, text) == [("March 3", "2020-03-03"), ("two days later", "2020-03-05")]


def test_a_half_without_its_year_in_a_report_of_money_or_output(nlp):
    text = "Profit rose 4 percent in the first half. Analysts expect slower growth in the second half."
    assert _found(nlp, text) == [("the first half", "2020-H1"), ("the second half", "2020-H2")]


def test_a_half_of_a_match_or_of_an_hour_is_no_time(nlp):
    text = "Chelsea scored twice in the second half. Shares fell 3 percent in the last half hour of trading."
    assert _found(nlp, text) == []


def test_the_year_end_and_midyear_are_the_story_s_year(nlp):
    text = "The bank expects a recovery by year-end. Its plan will be reviewed at midyear."
    assert _found(nlp, text) == [("year-end", "2020"), ("midyear", "2020")]


def test_year_end_bonuses_and_results_are_no_time(nlp):
    text = "The bank paid year-end bonuses. Its year-end results disappointed investors."
    assert _found(nlp, text) == []


def test_earlier_or_later_in_the_week_and_through_the_weekend(nlp):
    text = "Earlier in the week, the central bank cut rates. Talks will go on through the weekend."
    assert _found(nlp, text) == [("Earlier in the week", "2020-W25"), ("the weekend", "2020-W25-WE")]


def test_a_weekend_that_says_what_kind_is_no_time(nlp):
    text = "The weekend edition sold out. Shops opened for weekend trading."
    assert _found(nlp, text) == []


def test_the_same_period_after_a_month_is_only_the_year_before(nlp):
    text = "Car sales fell in September, and sales in the first nine months fell 13 percent from the same period a year earlier."
    assert _found(nlp, text, date(2008, 10, 10)) == [("September", "2008-09"), ("the same period a year earlier", "2007")]


def test_a_day_named_with_its_year_in_its_noun_phrase(nlp):
    text = "It was the first coordinated cut since the September 11 attacks in 2001. The July 4 parade was cancelled."
    assert _found(nlp, text, date(2008, 10, 10)) == [("September 11", "2001-09-11"), ("2001", "2001"), ("July 4", "2008-07-04")]


def test_noon_as_a_time_and_not_as_a_title(nlp):
    text = "Ministers watched the film High Noon. For Poland, high noon had come. Talks resumed at noon."
    assert _found(nlp, text) == [("noon", "2020-06-17T12:00")]


def test_what_is_expected_lies_ahead_but_what_was_expected_is_told_from_the_past(nlp):
    text = "A ruling is expected in March. Growth was expected to slow in March, the minister said."
    assert _found(nlp, text) == [("March", "2021-03"), ("March", "2020-03")]


def test_the_day_of_what_is_prepared_or_planned_for_lies_ahead(nlp):
    # published on Wednesday 2020-06-17: Sunday is the 21st, not the 14th
    assert _found(nlp, "Officials prepared for Sunday's election.") == [("Sunday", "2020-06-21")]
    # must not: a plan told from a past that has passed, or as past as the clause it hangs on
    assert _found(nlp, "Officials had prepared for Sunday's election.") == [("Sunday", "2020-06-14")]
    assert _found(nlp, "A memorial service planned for Saturday was cancelled.") == [("Saturday", "2020-06-13")]


def test_what_is_proposed_or_demanded_in_the_subjunctive_lies_ahead(nlp):
    # published on Wednesday 17 June 2020
    text = ("The ministry proposed that the talks be held on Friday. "
            "Officials insisted that the vote take place on Monday.")
    assert _found(nlp, text) == [("Friday", "2020-06-19"), ("Monday", "2020-06-22")]


def test_what_is_said_to_have_been_held_keeps_its_past(nlp):
    # must-not: an indicative clause reported in the past tells what happened
    text = "The minister said that the talks were held on Friday. The ministry proposed on Monday that talks resume."
    assert _found(nlp, text) == [("Friday", "2020-06-12"), ("Monday", "2020-06-15")]


# ---------------------------------------------------------------- periods told of in the past


def test_the_end_of_the_year_told_of_in_the_past_before_it_began_is_last_year_s(nlp):
    text = "Sales of pickups slumped at the end of the year. The carmaker expects to break even by the end of the year."
    assert _found(nlp, text, date(2011, 2, 4)) == [("the end of the year", "2010"), ("the end of the year", "2011")]


def test_the_end_of_the_year_or_month_already_begun_is_this_one(nlp):
    text = "Sales slumped at the end of the year."
    assert _found(nlp, text, date(2011, 11, 20)) == [("the end of the year", "2011")]
    text = "Orders picked up at the end of the month."
    assert _found(nlp, text, date(2011, 3, 29)) == [("the end of the month", "2011-03")]
    assert _found(nlp, text, date(2011, 3, 4)) == [("the end of the month", "2011-02")]


def test_a_half_or_quarter_told_of_in_the_past_is_one_mostly_over(nlp):
    text = "In the first half, the carmaker lost $1.2 billion. Its sales rose in the third quarter."
    assert _found(nlp, text, date(2011, 2, 4)) == [("the first half", "2010-H1"), ("the third quarter", "2010-Q3")]


def test_a_half_or_quarter_still_ahead_is_this_year_s(nlp):
    text = "The carmaker expects to return to profit in the second half. Sales rose in the first quarter."
    assert _found(nlp, text, date(2011, 5, 4)) == [("the second half", "2011-H2"), ("the first quarter", "2011-Q1")]


def test_a_year_earlier_than_a_month_is_that_month_of_the_year_before(nlp):
    text = "The carmaker sold 145,000 vehicles in January, down 22 percent from a year earlier."
    assert _found(nlp, text, date(2011, 2, 4)) == [("January", "2011-01"), ("a year earlier", "2010-01")]


def test_a_year_earlier_than_a_day_or_a_year_is_only_the_year_before(nlp):
    text = "Shares fell on Tuesday, and profit was lower than a year earlier. In 2009 it rose, two years later it fell."
    assert _found(nlp, text) == [("Tuesday", "2020-06-16"), ("a year earlier", "2019"), ("2009", "2009"),
                                 ("two years later", "2011")]


# ---------------------------------------------------------------- wire datelines


def _wire(nlp, text, published):
    from kg.model import Article
    from kg.read.structure import analyse

    layout = analyse(Article("t", text, published=published))
    doc = nlp(layout.analysis_text)
    return [(t.span.text, t.value) for t in extract_times(doc, published)]


def test_yesterday_counts_from_the_day_of_the_wire_dateline(nlp):
    text = "BEIJING, Jan. 5 (Xinhua) -- The central bank raised interest rates. The bank said yesterday that growth was strong."
    assert _wire(nlp, text, date(2011, 1, 6)) == [("Jan. 5", "2011-01-05"), ("yesterday", "2011-01-04")]
    text = "LONDON, Monday - The opposition leader called for an election. He spoke to reporters yesterday."
    assert _wire(nlp, text, date(2019, 3, 5)) == [("Monday", "2019-03-04"), ("yesterday", "2019-03-03")]


def test_a_day_that_is_not_a_dateline_or_long_before_publication_moves_no_anchor(nlp):
    text = "The central bank raised rates on Jan. 5. The bank said yesterday that growth was strong."
    assert _wire(nlp, text, date(2011, 1, 6))[-1] == ("yesterday", "2011-01-05")
    text = "BEIJING, Jan. 5 (Xinhua) -- The central bank raised interest rates. The bank said yesterday that growth was strong."
    assert _wire(nlp, text, date(2011, 2, 6))[-1] == ("yesterday", "2011-02-05")


def test_the_month_of_a_sales_report_is_the_month_named_last(nlp):
    text = "The carmaker sold 145,000 vehicles in January. In the month, its truck sales fell 30 percent."
    assert _found(nlp, text, date(2011, 2, 4)) == [("January", "2011-01"), ("the month", "2011-01")]
    text = "Shares fell on Tuesday. For the month, the index is down 3 percent."
    assert _found(nlp, text, date(2011, 2, 4)) == [("Tuesday", "2011-02-01"), ("the month", "2011-02")]


def test_the_month_with_no_month_named_or_said_to_be_another_is_no_time(nlp):
    text = "The carmaker sold 200,000 cars in the month. In January, sales fell. He was paid for the month he worked."
    assert _found(nlp, text, date(2011, 2, 4)) == [("January", "2011-01")]


def test_a_model_year_is_no_time(nlp):
    text = "The carmaker will keep building the model year 2011 sedan. Sales of 2010 model-year trucks fell."
    assert _found(nlp, text, date(2011, 2, 4)) == []


def test_a_year_beside_a_model_that_is_no_model_year_is_a_time(nlp):
    text = "The model was redesigned in 2009, a year of record sales."
    assert _found(nlp, text, date(2011, 2, 4)) == [("2009", "2009")]


def test_a_company_s_year_to_a_month_is_not_the_calendar_year(nlp):
    text = "The carmaker's net profit for the year to March fell 77 percent. Profit for the year ended March 31 rose."
    assert _found(nlp, text, date(2011, 5, 12)) == [("March", "2011-03"), ("March 31", "2011-03-31")]


def test_for_the_year_alone_is_still_the_year(nlp):
    text = "Profit fell in March. For the year, the index gained 12 percent."
    assert _found(nlp, text, date(2011, 5, 12)) == [("March", "2011-03"), ("the year", "2011")]
