"""GeoNames offline: the place a name denotes among its homonyms, given the other places of the
article; countries and their demonyms; names compared case-, dot- and accent-insensitively."""

from __future__ import annotations

from kg.linking import geo
from kg.linking.gazetteer import name_key


def test_name_key_ignores_case_dots_accents_and_the():
    assert name_key("The U.S.") == name_key("US") == "us"
    assert name_key("Kaesŏng") == "kaesong"
    assert name_key("the South's") == "south"


def test_geonames_links_kaesong_to_the_north_korean_city():
    place = geo.resolve("Kaesong", {"KP"})
    assert (place.geonameid, place.type, place.country) == (1876373, "schema:City", "KP")
    assert geo.resolve("North Korea", set()).geonameid == 1873107
    assert geo.resolve("South Korea", set()).geonameid == 1835841


def test_georgia_is_decided_by_the_other_places_of_the_article():
    assert geo.resolve("Georgia", {"US", "GA"}).type == "schema:State"
    assert geo.resolve("Georgia", {"RU"}).type == "schema:Country"
    assert geo.resolve("Georgia", set()).type == "schema:Country"  # no evidence: the country


def test_a_city_written_with_its_state_is_the_one_in_that_state():
    place = geo.resolve("Mobile", set(), near={"AL", "US"})
    assert (place.country, place.state) == ("US", "AL")


def test_demonyms_name_their_country():
    forms = geo.demonyms()
    assert forms["North Korean"] == "KP" and forms["South Koreans"] == "KR" and forms["British"] == "GB"


def test_a_bare_new_york_or_washington_is_the_city_and_written_as_where_a_place_lies_the_state():
    assert geo.resolve("New York", {"US"}).geonameid == 5128581  # New York City
    assert geo.resolve("Washington", {"US"}).geonameid == 4140963  # Washington, D.C.
    assert geo.resolve("New York", {"US"}, contained=True).type == "schema:State"
    assert geo.resolve("Washington", {"US"}, contained=True).type == "schema:State"
    # must not: a state named like a smaller city ("Oklahoma City") stays the state
    assert geo.resolve("Oklahoma", {"US"}).type == "schema:State"


def test_an_alternate_name_that_translates_a_city_is_not_its_name():
    assert geo.candidates("White House") == ()  # GeoNames lists it, Casablanca in English
    # must not: spellings of the city's own name still link
    assert geo.resolve("Frankfurt", set()).name == "Frankfurt am Main"
    assert geo.resolve("Peking", set()).name == "Beijing"
