"""Which words become event triggers, and with which lemma: kg.parsing's lemma mending and
kg.events' refusal of nouns the tagger read as verbs, on hand-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import Article
from kg.pipeline import build
from kg.text.parse import parse

from .test_news_roles import _roles

pytestmark = pytest.mark.model


def _lemmas(text: str) -> set[str]:
    built, = build([Article("t", text, published=date(2021, 3, 4))])
    query = "SELECT ?l WHERE { ?e <https://kg.example.org/ontology#lemma> ?l }"
    return {str(row[0]) for row in built.graph.query(query)}


@pytest.mark.parametrize("form, lemma", [
    ("hoping", "hope"), ("hoped", "hope"), ("rated", "rate"), ("coping", "cope"),  # silent e restored
    ("hopped", "hop"), ("planning", "plan"),  # a doubled consonant: the short verb is right
    ("visited", "visit"), ("opened", "open"), ("fixed", "fix"), ("needed", "need"), ("ended", "end"),
])
def test_an_undoubled_consonant_after_a_short_vowel_means_a_silent_e(nlp, form, lemma):
    text = f"The ministers said they were {form} it." if form.endswith("ing") else f"The ministers {form} it."
    doc, = parse(nlp, [text])
    assert next(t for t in doc if t.text == form).lemma_ == lemma


def test_events_carry_the_mended_lemma():
    lemmas = _lemmas("Officials were hoping the talks would resume. The agency rated the risk as high.")
    assert {"hope", "rate"} <= lemmas
    assert not {"hop", "rat"} & lemmas


def test_a_noun_read_as_a_verb_is_no_event():
    lemmas = _lemmas("The blast was so strong that windows in nearby houses were shattered. "
                     "The army said it would cut all contact means with the rebels.")
    assert {"shatter", "cut"} <= lemmas
    assert not {"window", "mean"} & lemmas


def test_a_verb_with_its_own_object_stays_an_event_in_a_misparsed_headline():
    lemmas = _lemmas("Acme releases new phone, announces upcoming update\n\nAcme released a phone on Tuesday.")
    assert {"release", "announce"} <= lemmas


def test_a_noun_read_as_a_verb_in_subject_position_after_a_determiner_is_no_event():
    lemmas = _lemmas("This month the rebels began making the liaison office a rhetorical target.")
    assert {"begin", "make"} <= lemmas
    assert "office" not in lemmas


@pytest.mark.model
@pytest.mark.parametrize("text, patient", [
    ("A man was shot dead in Belfast on Friday.", "man"),
    ("Nine people were dead after the blast.", "Nine people"),
])
def test_a_result_adjective_said_of_someone_is_the_event_they_underwent(text, patient):
    from kg.pipeline import extract
    from kg.read.structure import analyse
    from kg.text.load import load_nlp

    article = Article("t", text)
    layout = analyse(article)
    extraction = extract(article, load_nlp()(layout.analysis_text), layout)
    labels = {e.key: e.label for e in extraction.entities}
    (dead,) = [e for e in extraction.events if e.lemma == "dead"]
    assert dead.type == "kgo:Die" and [labels[k] for k in dead.patients] == [patient]


@pytest.mark.model
def test_an_adjective_that_only_intensifies_is_no_event():
    from kg.pipeline import extract
    from kg.read.structure import analyse
    from kg.text.load import load_nlp

    article = Article("t", "The rescuers were dead tired after the night.")
    layout = analyse(article)
    extraction = extract(article, load_nlp()(layout.analysis_text), layout)
    assert not [e for e in extraction.events if e.lemma == "dead"]


def test_a_participle_used_as_a_preposition_is_no_event_but_the_verb_is():
    lemmas = _lemmas("Police arrested six people, including two teenagers.")
    assert "include" not in lemmas and "arrest" in lemmas
    assert "include" in _lemmas("The ministry is including two new clauses in the bill.")


@pytest.mark.parametrize("text, lemma", [
    ("The index posted a gain of 1.2 percent on Monday.", "gain"),
    ("The rebels made a move towards the capital.", "move"),
    ("The central bank's move to cut rates lifted shares.", "move"),
])
def test_the_bare_form_of_a_verb_of_change_or_motion_is_its_event_with_its_argument(text, lemma):
    assert lemma in _lemmas(text)


@pytest.mark.parametrize("text, lemma", [
    ("The new kitchen has a sink in the corner.", "sink"),  # a thing, where it is
    ("The move was small, analysts said.", "move"),  # no argument says it is the event
])
def test_a_noun_that_is_the_bare_form_of_a_verb_without_its_argument_is_no_event(text, lemma):
    assert lemma not in _lemmas(text)


def test_a_pull_out_and_a_stand_off_written_with_a_hyphen_are_events():
    # conflict news in wire style: "the pull-out of troops", "a stand-off between police and protesters"
    assert _roles("The army completed the pull-out of its troops on Friday.", "pullout")["type"] == {"Retreat"}
    assert _roles("A stand-off between police and protesters ended on Sunday.", "standoff")["type"] == {"ExhibitForcePosture"}
