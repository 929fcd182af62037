"""Article structure: a wire dateline is structure, not the first sentence's subject."""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.read.structure import analyse, dateline_places


@pytest.mark.parametrize("text, city", [
    ("WASHINGTON, June 5 (Reuters) - The Senate approved the budget on Tuesday.", "Washington"),
    ("NAIROBI, Kenya (AP) _\n\nSuspected bombs exploded outside the embassy.", "Nairobi"),
    ("MOSCOW (AP) -- Russia's parliament approved the treaty on Friday.", "Moscow"),
    ("DAR ES SALAAM, Tanzania (AFP) - Rescuers searched the rubble.", "Dar Es Salaam"),
    ("NICOSIA, Cyprus, March 19, 2013 (AFP) - Parliament rejected the deal.", "Nicosia, Cyprus, March 19, 2013."),
    ("Hong Kong (CNN) -- Protesters marched on Sunday.", "Hong Kong."),
])
def test_a_wire_dateline_ends_before_the_first_sentence_and_names_its_agency(text, city):
    layout = analyse(Article("t", text))
    assert layout.analysis_text.startswith(city)
    assert len(layout.analysis_text) == len(text)
    dateline, _, story = layout.analysis_text.partition("\n")
    assert "(" not in dateline and story.strip()[0].isupper()
    assert layout.publisher is not None and layout.publisher.text in ("Reuters", "AP", "AFP", "CNN")


def test_a_dateline_of_its_agency_alone_is_left_out_of_the_story():
    text = "(CNN) -- The Cypriot parliament rejected the bailout deal on Tuesday."
    layout = analyse(Article("t", text))
    assert layout.analysis_text.lstrip().startswith("The Cypriot parliament")
    assert len(layout.analysis_text) == len(text) and layout.publisher.text == "CNN"


@pytest.mark.parametrize("text", [
    "Shares fell - traders said the bank was to blame.",  # no upper-case city
    "Hong Kong (the city) - a free port - grew fast.",  # what is in brackets is no agency
    "Protesters (CNN reported) -- marched on Sunday.",
    "UN - NATO talks resume",  # a headline of two short names
    "The Senate approved the budget on Tuesday.",
])
def test_a_line_that_is_no_dateline_is_left_as_it_is(text):
    assert analyse(Article("t", text)).analysis_text == text


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "MOSCOW (AP) -- Russia's parliament approved the treaty on Friday.",
    "Moscow (CNN) -- Russia's parliament approved the treaty on Friday.",
])
def test_the_dateline_city_and_agency_are_no_actors_of_the_lead(text):
    from kg.pipeline import extract
    from kg.text.load import load_nlp

    article = Article("t", text)
    layout = analyse(article)
    extraction = extract(article, load_nlp()(layout.analysis_text), layout)
    labels = {e.key: e.label for e in extraction.entities}
    (approve,) = [e for e in extraction.events if e.lemma == "approve"]
    assert [labels[k] for k in approve.agents] == ["parliament"]
    assert "Moscow" in labels.values()  # the city is still a place the story names


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "ANKARA, March 3 (Reuters) - Turkey and Greece agreed on Tuesday to hold talks in Athens next week.",
    "Turkey and Greece agreed on Tuesday to hold talks in Athens next week.",
])
def test_the_lead_after_a_dateline_is_read_as_any_first_sentence(text):
    """The parser reads a few words across a sentence boundary: after a dateline left as
    blanks it made "Turkey" a fragment of its own and "Greece" the only one who agreed."""
    from kg.pipeline import extract
    from kg.text.load import load_nlp

    article = Article("t", text)
    layout = analyse(article)
    extraction = extract(article, load_nlp()(layout.analysis_text), layout)
    labels = {e.key: e.label for e in extraction.entities}
    (agree,) = [e for e in extraction.events if e.lemma == "agree"]
    assert sorted(labels[k] for k in agree.agents) == ["Greece", "Turkey"]


@pytest.mark.parametrize("text, places", [
    ("LUSAKA, Aug 14 (Reuters) - Zambia's opposition leader claimed victory.", ["LUSAKA"]),
    ("SAN JOSE, Calif. (AP) _ Apple said sales rose.", ["SAN JOSE", "Calif"]),
    ("NAIROBI, Kenya (AP) - Kenya's president spoke.", ["NAIROBI", "Kenya"]),
    ("Shares fell - traders said the bank was to blame.", []),  # must-not: no dateline, no place
])
def test_a_wire_datelines_city_and_region_are_found_by_their_form(text, places):
    assert [span.text for span in dateline_places(text)] == places
