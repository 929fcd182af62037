"""Given names from the US Census lists the `names` package ships."""

from kg.vocab.given import given_name


def test_a_given_name_has_its_usual_gender_and_how_common_it_is():
    assert given_name("Mary")[0] == "f" and given_name("Mary")[1] > 1
    assert given_name("Peter")[0] == "m"
    assert given_name("Jordan")[0] == ""  # either


def test_a_word_that_is_no_given_name_has_none():
    assert given_name("Airbus") is None
