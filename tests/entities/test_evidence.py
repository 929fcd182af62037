"""A name's class from all the evidence of its entity, not from one mention: every mention's
label weighed by what shows it, a surname of a person named in full, no initials read into a
country's name. Each rule with the case it must leave alone."""

from __future__ import annotations

from kg.entities.coref import group, group_label
from kg.entities.names import Name


def names_in(text: str, spans: list[tuple[str, str]], cued: frozenset = frozenset()) -> list[Name]:
    """Name mentions of the words given, in order; the k-th is cued when k is in ``cued``."""
    out, at = [], 0
    for k, (word, label) in enumerate(spans):
        at = text.index(word, at)
        out.append(Name(at, at + len(word), word, label, cued=k in cued))
        at += len(word)
    return out


def _group_of(groups: list[list[Name]], word: str) -> list[Name]:
    return next(g for g in groups if all(n.text == word for n in g))


def test_one_cue_does_not_outvote_every_other_mention():
    text = ("Warhol said he liked it. Warhol said so again. Warhol left. Warhol came back. "
            "Warhol smiled. Warhol wrote. Warhol painted. Warhol slept. Visitors saw the Warhol exhibit.")
    names = names_in(text, [("Warhol", "PERSON")] * 8 + [("Warhol", "PRODUCT")], cued=frozenset({8}))
    assert group_label(names) == "PERSON"


def test_a_cue_still_decides_against_the_taggers_lone_guess():
    # must-not: "Apple unveiled Lion" -- one cued product against one bare guess of a person
    text = "Apple unveiled Lion on Monday. Lion costs $29."
    names = names_in(text, [("Lion", "PRODUCT"), ("Lion", "PERSON")], cued=frozenset({0}))
    assert group_label(names) == "PRODUCT"


def test_a_cue_wins_a_tie():
    text = "Apple released the MacBook. The Macbook sells well. Macbook buyers like the Macbook."
    names = names_in(text, [("MacBook", "PRODUCT"), ("Macbook", "ORG"), ("Macbook", "ORG"), ("Macbook", "ORG")],
                     cued=frozenset({0}))
    assert group_label(names) == "PRODUCT"


def test_the_surname_of_two_people_named_in_full_is_a_persons_name():
    text = ("Kristin Wilkins opened the show. Kristen Wilkins, the curator, spoke. "
            "Wilkins said the photos were rare. Wilkins added that more would come.")
    names = names_in(text, [("Kristin Wilkins", "PERSON"), ("Kristen Wilkins", "PERSON"),
                            ("Wilkins", "ORG"), ("Wilkins", "ORG")])
    groups = group(names, text)
    alone = _group_of(groups, "Wilkins")
    assert len(alone) == 2  # which of the two is not said: kept apart
    assert group_label(alone) == "PERSON"


def test_a_surname_joins_the_one_person_rather_than_a_thing_named_after_him():
    text = "Andy Warhol worked at the Warhol Factory. Warhol said the studio was his home."
    names = names_in(text, [("Andy Warhol", "PERSON"), ("Warhol Factory", "ORG"), ("Warhol", "PERSON")])
    groups = group(names, text)
    assert sorted(n.text for n in next(g for g in groups if any(n.text == "Andy Warhol" for n in g))) == [
        "Andy Warhol", "Warhol"]


def test_a_company_named_after_its_founder_keeps_its_class():
    # must-not: "Ford" with both Henry Ford and the Ford Motor Company named is not made a person
    text = "Henry Ford founded Ford Motor in 1903. Ford said on Monday it would cut 3,000 jobs."
    names = names_in(text, [("Henry Ford", "PERSON"), ("Ford Motor", "ORG"), ("Ford", "ORG")])
    assert group_label(_group_of(group(names, text), "Ford")) == "ORG"


def test_a_surname_shared_by_two_people_merges_with_neither():
    # must-not: two people with one surname
    text = "Robert Lee met Lee Hsien Loong in Singapore. Lee said the talks went well."
    names = names_in(text, [("Robert Lee", "PERSON"), ("Lee Hsien Loong", "PERSON"), ("Lee", "PERSON")])
    assert len(_group_of(group(names, text), "Lee")) == 1


def test_a_countrys_name_spells_no_organisations_initials():
    text = "A team from the US and the University of Sheffield of the UK studied the crops."
    names = names_in(text, [("US", "GPE"), ("University of Sheffield", "ORG"), ("UK", "GPE")])
    assert len(group(names, text)) == 3


def test_an_acronym_of_one_long_name_still_joins_it():
    text = "The Government Accountability Office reviewed the deal. The GAO said it was flawed."
    names = names_in(text, [("Government Accountability Office", "ORG"), ("GAO", "ORG")])
    assert len(group(names, text)) == 1


def test_a_full_name_later_called_by_its_last_word_is_a_persons():
    text = "Dries Mertens scored after the break. Mertens said the goal was for his father. Mertens left."
    names = names_in(text, [("Dries Mertens", "PRODUCT"), ("Mertens", "PERSON"), ("Mertens", "PERSON")])
    assert group_label(names) == "PERSON"


def test_a_maker_and_model_called_by_the_model_stays_a_product():
    # must-not: "Airbus A380" ... "the A380" is no surname
    text = "The Airbus A380 landed in Singapore. The A380 carried 455 people."
    names = names_in(text, [("Airbus A380", "PRODUCT"), ("A380", "PERSON")])
    assert group_label(names) == "PRODUCT"
