"""Market reports and car-maker news (kg.extract, kg.roles): a verb of people's acts said of a
price, a market or an index is a change in its value, an infinitive of result ("fell 3% to
close at") has the subject of the verb of change, and the genre's verbs have their classes."""

from __future__ import annotations

import pytest

from .test_news_roles import _roles

pytestmark = pytest.mark.model


def test_an_index_that_fell_to_close_at_a_level_closed_no_plant():
    roles = _roles("The Dow fell 3% on Tuesday to close at 10,200.", "close")
    assert roles["type"] == {"OtherEvent"}
    assert roles["patient"] == {"Dow"}


def test_a_company_that_promised_to_close_a_plant_closes_it():
    roles = _roles("The carmaker promised on Monday to close its plant in Ohio.", "close")
    assert roles["type"] == {"Close"}
    assert roles["agent"] == {"carmaker"}


def test_oil_that_rose_to_settle_at_a_price_settled_no_dispute():
    roles = _roles("Brent crude rose 2% on Friday to settle at $84 a barrel.", "settle")
    assert roles["type"] == {"OtherEvent"}
    assert roles["patient"] == {"Brent crude"}
    assert roles["agent"] == set()


def test_companies_that_settled_a_dispute_agreed():
    roles = _roles("The two companies settled their dispute on Monday.", "settle")
    assert roles["type"] == {"Agree"}
    assert roles["agent"] == {"two companies"}


def test_stocks_that_advanced_rose_and_troops_that_advanced_moved():
    assert _roles("Bank stocks advanced 2% on Wednesday.", "advance")["type"] == {"Increase"}
    assert _roles("Bank stocks advanced 2% on Wednesday.", "advance")["patient"] == {"Bank stocks"}
    troops = _roles("Government troops advanced on the rebel stronghold on Wednesday.", "advance")
    assert troops["type"] != {"Increase"}
    assert troops["agent"] == {"Government troops"}


def test_prices_that_edged_higher_rose_and_that_edged_lower_fell():
    assert _roles("Treasury prices edged higher on Monday.", "edge")["type"] == {"Increase"}
    assert _roles("Copper prices edged lower on Monday.", "edge")["type"] == {"Decrease"}


def test_a_currency_that_firmed_rose():
    roles = _roles("The dollar firmed against the yen on Thursday.", "firm")
    assert roles["type"] == {"Increase"}
    assert roles["patient"] == {"dollar"}


def test_a_carmaker_that_laid_off_and_furloughed_workers_ousted_them():
    roles = _roles("The automaker said it would close 14 plants and lay off about 20,000 workers.", "lay off")
    assert roles["type"] == {"Oust"}
    assert roles["patient"] == {"20,000 workers"}
    assert _roles("Ford furloughed 3,000 workers in Michigan on Friday.", "furlough")["type"] == {"Oust"}


def test_a_carmaker_that_idled_a_plant_suspended_it():
    roles = _roles("Ford idled two plants in Michigan on Friday.", "idle")
    assert roles["type"] == {"Suspend"}
    assert roles["agent"] == {"Ford"}


def test_an_index_that_lost_ground_to_close_at_a_level_closed_there():
    # the parser reads "lost 4.4% to close at" as a complement: the close happened all the same
    roles = _roles("The Dow Jones Industrial Average lost 4.4% on Monday to close at 8,577, its lowest level in five years.",
                   "close")
    assert roles["factuality"] == {"Asserted"}


def test_a_company_that_wants_to_close_a_plant_has_not_closed_it():
    roles = _roles("The carmaker wants to close its plant in Ohio next year.", "close")
    assert roles["factuality"] != {"Asserted"}


def test_the_level_an_index_fell_to_underwent_nothing():
    roles = _roles("The Dow Jones Industrial Average lost 4.4% on Monday to close at 8,577, its lowest level in five years.",
                   "lose")
    assert roles["patient"] == {"Dow Jones Industrial Average"}


def test_what_a_company_lost_it_lost():
    roles = _roles("The airline lost its biggest customer in March.", "lose")
    assert roles["patient"] == {"biggest customer"}


def test_a_price_that_went_up_or_traded_higher_is_what_moved():
    # markets: verbs the lexicon has no class for, said of a price, a market or an index
    roles = _roles("Shares of Ford went up 5% on Monday.", "go")
    assert roles["type"] == {"Increase"}
    assert roles["patient"] == {"Shares"}
    assert _roles("The yen traded higher against the dollar on Friday.", "trade")["patient"] == {"yen"}


def test_people_who_traded_did_it():
    roles = _roles("Investors traded bonds on Friday.", "trade")
    assert roles["agent"] == {"Investors"}
    assert roles["type"] != {"Increase"}


def test_oil_that_rose_to_settle_rose():
    # the parser makes "to settle" a complement of "rose", which had kept oil from undergoing the rise
    assert _roles("Oil rose on Thursday to settle at $80 a barrel.", "rise")["patient"] == {"Oil"}


def test_prices_that_began_to_fall_did_not_begin_anything():
    roles = _roles("Oil prices began to fall in March.", "begin")
    assert roles["patient"] == set()


def test_the_country_sales_are_made_in_is_no_seller():
    # car makers: "U.S. sales", "China sales" are sales in a market
    roles = _roles("Chrysler fell to third place in U.S. sales in May.", "sale")
    assert "United States" not in roles["agent"] | roles["patient"]


def test_the_company_whose_sales_they_are_sells():
    roles = _roles("Chrysler's sales fell 30% in May.", "sale")
    assert roles["agent"] == {"Chrysler"}


def test_a_government_that_lent_a_carmaker_money_financed_it():
    roles = _roles("The Treasury lent GM $13.4 billion in December.", "lend")
    assert roles["type"] == {"Invest"}
    assert roles["agent"] == {"Treasury"}


def test_a_country_that_lent_its_support_lent_no_money():
    assert _roles("Russia lent its support to the plan on Monday.", "lend")["type"] == {"OtherEvent"}


def test_a_currency_that_lost_ground_fell():
    roles = _roles("The euro lost ground against the dollar on Tuesday.", "lose")
    assert roles["type"] == {"Decrease"}
    assert roles["patient"] == {"euro"}
    assert "ground" not in roles["patient"]


def test_an_army_that_lost_ground_did_so_itself():
    roles = _roles("The army lost ground to the rebels in the north on Tuesday.", "lose")
    assert roles["agent"] == {"army"}
