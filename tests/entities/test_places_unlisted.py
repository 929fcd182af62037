"""Places in a disaster story of my own: provinces GeoNames spells otherwise, a city one
visits, a town the tagger calls an event, a highway, a park written with its city."""

from __future__ import annotations

from datetime import date

import pytest

from ..conftest import graph_of, types_by_label

pytestmark = pytest.mark.model


def _types(text: str) -> dict[str, set[str]]:
    return types_by_label(graph_of(text, date(2022, 8, 16)))


def test_a_province_named_as_such_and_a_destination_are_places():
    types = _types("At least 36 people died in Pakistan's Balochistan province, officials said. The World Health "
                   "Organization sent medical teams to Sindh on Monday.")
    province = next(kinds for label, kinds in types.items() if label.startswith("Balochistan"))
    assert province & {"Place", "AdministrativeArea"} and not province & {"Organization"}
    assert types["Sindh"] == {"Place"}


def test_an_organisation_the_tagger_calls_a_place_stays_one():
    # must-not: a name GeoNames does not know, acting, with no area noun and no "to" before it
    types = _types("Hezbollah said on Monday it would respond to the strike.")
    assert types["Hezbollah"] == {"Organization"}


def test_a_large_city_one_visits_and_a_town_near_a_landslide_are_cities():
    types = _types("Prime Minister Shehbaz Sharif visited Quetta on Sunday. The road was closed after a landslide "
                   "near Gilgit, officials said.")
    assert types["Quetta"] == {"City"}
    assert types["Gilgit"] == {"City"}


def test_a_company_one_visits_is_a_company():
    # must-not: a visited name GeoNames lists as no large city stays what the tagger said
    types = _types("Shehbaz Sharif visited Microsoft on Sunday and met its engineers.")
    assert types["Microsoft"] == {"Organization"}


def test_a_highway_is_a_place_and_a_park_written_with_its_city_is_two_places():
    types = _types("The Karakoram Highway was closed on Friday. Khan addressed a rally at the Liaquat Bagh in "
                   "Rawalpindi on Saturday.")
    assert types["Karakoram Highway"] == {"Place"}
    assert types["Rawalpindi"] == {"City"}
    assert "Liaquat Bagh" in types
