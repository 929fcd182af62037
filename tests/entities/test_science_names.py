"""Science and space news, on hand-written sentences: worlds, formulas, aircraft models with
letters, and what one writes on an online service."""

from __future__ import annotations

from datetime import date

import pytest

from kg.entities.products import is_model

from ..conftest import graph_of, types_by_label


def test_a_model_number_with_letters_is_a_model_and_a_formula_is_none():
    assert is_model("747SP") and is_model("777-200LR") and is_model("A350")
    assert not is_model("CO2") and not is_model("H2O") and not is_model("H5N1")


@pytest.mark.model
def test_the_moon_is_a_place_and_a_formula_no_product():
    types = types_by_label(graph_of("Scientists said they had found H2O on the sunlit surface of the Moon. "
                                    "The Moon has no air.", date(2020, 10, 23)))
    assert types["Moon"] == {"Place"}
    assert "Product" not in types.get("H2O", set())


@pytest.mark.model
def test_a_product_named_with_the_stays_a_product():
    # must-not: "the" before a name the tagger calls a person's still makes a product of any other name
    types = types_by_label(graph_of("Velta Motors said the Dreamliner would fly in May. The Dreamliner is "
                                    "late.", date(2020, 10, 23)))
    assert "Product" in types["Dreamliner"]


@pytest.mark.model
def test_the_aircraft_model_with_letters_is_a_product():
    types = types_by_label(graph_of("SOFIA is a modified Boeing 747SP jetliner that flies above the clouds.",
                                    date(2020, 10, 23)))
    assert types["Boeing 747SP"] == {"Product"}


@pytest.mark.model
def test_what_one_writes_on_is_an_online_service_and_whom_one_writes_to_a_person():
    types = types_by_label(graph_of("Jim Bridenstine wrote on Twitter that the agency would land on the Moon. "
                                    "Mary Hale wrote to Obama in May.", date(2020, 10, 23)))
    assert types["Twitter"] == {"OnlineBusiness"}
    assert types["Obama"] == {"Person"}
