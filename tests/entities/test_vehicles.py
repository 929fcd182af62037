"""Car-maker news, on hand-written articles: models named like towns, a make and its models,
what a plant builds. A model is a product apart from its maker; a town is still a town."""

from __future__ import annotations

from datetime import date

import pytest

from ..conftest import graph_of, types_by_label

pytestmark = pytest.mark.model


def _types(text: str) -> dict[str, set[str]]:
    return types_by_label(graph_of(text, date(2021, 11, 17)))


def test_a_model_named_like_a_town_owned_and_new_is_a_product():
    types = _types("Velta Motors said on Tuesday it would unveil its new electric Mustang at the show. "
                   "The company expects strong demand.")
    assert "Product" in types["Mustang"]
    assert "City" not in types["Mustang"]


def test_a_town_of_that_name_stays_a_town():
    # must-not: no owner, no "new", no product noun: the town in Nepal is a place
    types = _types("Trekkers reached Mustang on Tuesday after a week on the trail, police said.")
    assert types["Mustang"] == {"City"}


def test_a_company_plant_in_a_town_is_no_product():
    # must-not: "its new Detroit plant": the town names where the plant is, not a model
    types = _types("Velta Motors said it would open its new Detroit plant next year.")
    assert types["Detroit"] == {"City"}


def test_a_make_and_a_model_named_like_a_town_before_a_product_noun_is_one_product():
    types = _types("Sales of the Chevrolet Malibu sedan fell 8 percent in October, the company said.")
    assert "Product" in types["Chevrolet Malibu"]
    assert "Malibu" not in types


def test_two_models_of_one_make_are_products_and_a_model_listed_with_them_too():
    types = _types("Sales rose 12 percent, led by the Chevrolet Tahoe and the GMC Yukon. "
                   "Sales of the Chevrolet Malibu sedan fell.")
    for model in ("Chevrolet Tahoe", "GMC Yukon", "Chevrolet Malibu"):
        assert "Product" in types[model], model
        assert "Organization" not in types[model], model


def test_two_companies_that_share_a_first_word_stay_companies():
    # must-not: "Royal Dutch" and "Royal Mail" share a first word, and neither is a model
    types = _types("Royal Mail said on Monday it would cut 2,000 jobs. Royal Dutch said its profit rose.")
    assert types["Royal Mail"] == types["Royal Dutch"] == {"Organization"}


def test_what_a_plant_builds_is_a_product():
    types = _types("Velta Motors said the Dodge Durango and the Chrysler Aspen would be built in Detroit. "
                   "The plant also builds the Jeep Cherokee.")
    for model in ("Dodge Durango", "Chrysler Aspen", "Jeep Cherokee"):
        assert "Product" in types[model], model


def test_a_company_someone_helped_build_is_no_product():
    # must-not: a bare name the object of "build" is the organisation built up
    types = _types("Kenneth Marsh helped build Halvorsen Partners into a large firm, the company said.")
    assert types["Halvorsen Partners"] == {"Organization"}


def test_a_lone_name_before_a_product_noun_listed_with_a_model_is_a_model():
    types = _types("Velta Motors said it would recall 400,000 F-150 pickup trucks and Explorer sport utility "
                   "vehicles to fix a brake line.")
    assert "Product" in types["Explorer"]


def test_makers_before_their_products_listed_stay_makers():
    # must-not: "Ford trucks and Toyota cars" lists two makers' things, no model number among them
    types = _types("Dealers said Ford trucks and Toyota cars sold well in October.")
    assert "Product" not in types.get("Toyota", set())
    assert "Organization" in types["Toyota"]


def test_a_plant_and_a_ground_named_as_such_are_places():
    types = _types("Velta Motors builds the sedan at its Chicago Assembly Plant. Australia beat England "
                   "at the Melbourne Cricket Ground on Saturday.")
    assert types["Chicago Assembly Plant"] == {"Place"}
    assert types["Melbourne Cricket Ground"] == {"StadiumOrArena"}


def test_a_person_whose_surname_is_a_plant_is_a_person():
    # must-not: the head word of a plant's name makes no place of a person
    types = _types("Robert Plant said on Monday he would tour again next year.")
    assert types["Robert Plant"] == {"Person"}


def test_a_company_with_a_legal_form_written_without_its_dot_is_a_corporation():
    types = _types("Ford Motor Co said on Tuesday it would recall 40,000 trucks.")
    assert types["Ford Motor Co"] == {"Corporation"}


def test_its_plant_is_no_products():
    from ..conftest import bound_to
    text = ("Velta Motors said on Monday it would recall 90,000 F-150 pickup trucks and Explorer sport utility "
            "vehicles. The Explorer models were built at its Chicago Assembly Plant.\n")
    assert "Explorer" not in bound_to(text, "its")


def test_its_battery_may_be_a_products():
    # must-not: what a product has goes to the product as before
    from ..conftest import bound_to
    text = "Velta Motors unveiled the Velta Roadster on Monday. The Velta Roadster can drive 300 miles before its battery runs out.\n"
    assert "Velta Roadster" in bound_to(text, "its")


def test_a_model_written_once_before_a_product_noun_is_a_product():
    types = _types("Velta Motors reported a loss on Monday. Its sales of the Fusion sedan rose in March.")
    assert types["Fusion"] == {"Product"}


def test_a_maker_named_again_before_its_product_noun_is_the_maker():
    # must-not: "the Boeing jets" of an article that names Boeing again
    types = _types("Qantas said it would retire the Boeing jets next year. Boeing said it would build new ones.")
    assert "Product" not in types["Boeing"]


def test_a_lone_product_guess_listed_with_companies_is_a_company():
    types = _types("GM said on Monday it would cut 21,000 jobs. The company is also trying to sell Saab, Hummer "
                   "and Saturn.")
    assert types["Saturn"] == types["Saab"] == {"Organization"}


def test_a_product_listed_with_products_stays_a_product():
    # must-not: a model number listed with two names the tagger read as companies is still a model
    types = _types("Velta Motors said sales of the F-150, the Velta Roadster and the Velta Coupe rose in May.")
    assert types["F-150"] == {"Product"}


def test_a_name_the_tagger_missed_that_an_apposition_calls_a_car_or_a_unit_is_one():
    types = _types("GM will begin selling the Chevrolet Volt, an electric car, next year. Opel, GM's German unit, "
                   "will be sold to Magna International.")
    assert types["Chevrolet Volt"] == {"Product"}
    assert types["Opel"] == {"Organization"}


def test_a_person_an_apposition_calls_a_nurse_is_no_company():
    # must-not: an apposition of a person's noun makes no product or company
    types = _types("Mary Hale, a nurse, said the hospital was full.")
    assert types["Mary Hale"] == {"Person"}
