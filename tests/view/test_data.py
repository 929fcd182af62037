"""The page's data, read from hand-made graphs with SPARQL: what it holds and what it leaves out."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.view.data import page_data, span

from .graphs import STORY, at, story_graph


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.ttl"
    path.write_text(story_graph(), encoding="utf-8")
    return path


def _event(data, lemma):
    return next(e for e in data["events"] if e["lemma"] == lemma)


def _names(data, indexes):
    return [data["entities"][i]["label"] for i in indexes]


def test_an_event_has_its_roles_its_date_at_its_precision_and_its_factuality(story):
    data = page_data([story])
    shell = _event(data, "shell")
    assert (_names(data, shell["agents"]), _names(data, shell["patients"]), _names(data, shell["places"])) == \
        (["Rebels"], ["Aden"], ["Aden"])
    assert shell["fact"] == "asserted" and shell["tense"] == "past"
    assert shell["time"] == {"value": "2021-05-03", "precision": "day", "start": "2021-05-03", "end": "2021-05-04",
                             "intended": False}
    assert data["classes"][shell["cls"]]["curie"] == "kgo:Fight"
    assert shell["mentions"] == [list(at(STORY, "shelled"))]


def test_a_threat_keeps_the_date_it_was_meant_for_marked_as_intended(story):
    close = _event(page_data([story]), "close")
    assert close["fact"] == "threatened"
    assert close["time"]["intended"] is True and close["time"]["precision"] == "month"
    assert (close["time"]["start"], close["time"]["end"]) == ("2021-06-01", "2021-07-01")


def test_a_threat_shows_the_place_it_was_meant_for_as_its_place(tmp_path):
    path = tmp_path / "story.ttl"
    meant = "<https://kg.example.org/id/article/aden/event/close> kgo:intendedPlace kg:border ."
    path.write_text(story_graph(extra=meant), encoding="utf-8")
    data = page_data([path])
    assert _names(data, _event(data, "close")["places"]) == ["border"]
    assert _names(data, _event(data, "shell")["places"]) == ["Aden"]
    assert _event(page_data([tmp_path / "story.ttl"]), "resign")["places"] == []


def test_undated_and_negated_events_are_there_without_a_time(story):
    data = page_data([story])
    assert _event(data, "say")["time"] is None
    resign = _event(data, "resign")
    assert resign["fact"] == "negated" and resign["time"] is None


def test_an_entity_has_its_kind_names_links_and_mentions(story):
    data = page_data([story])
    aden = next(e for e in data["entities"] if e["label"] == "Aden")
    assert aden["kind"] == "place" and aden["alt"] == ["the port of Aden"]
    assert aden["same"] == ["https://sws.geonames.org/415189/"]
    assert aden["mentions"] == [[0, *at(STORY, "Aden")]]
    kinds = {e["label"]: e["kind"] for e in data["entities"]}
    assert kinds == {"Aden": "place", "border": "place", "government": "organization", "Rebels": "organization",
                     "Saleh": "person"}


def test_the_text_comes_with_the_article_and_otherwise_each_mention_brings_its_words(tmp_path):
    with_text, without = tmp_path / "a.ttl", tmp_path / "b.ttl"
    with_text.write_text(story_graph(), encoding="utf-8")
    without.write_text(story_graph(with_text=False), encoding="utf-8")
    assert page_data([with_text])["articles"][0]["text"] == STORY
    bare = page_data([without])
    assert bare["articles"][0]["text"] is None
    assert _event(bare, "shell")["mentions"] == [[*at(STORY, "shelled"), "shelled"]]
    assert bare["entities"][0]["mentions"][0][-1] == "Aden"


def test_time_values_at_their_own_precision():
    assert span("2020") == {"value": "2020", "precision": "year", "start": "2020-01-01", "end": "2021-01-01"}
    assert span("2020-12")["end"] == "2021-01-01"
    assert span("2020-02-29")["end"] == "2020-03-01"
    assert (span("2008-Q3")["start"], span("2008-Q3")["end"]) == ("2008-07-01", "2008-10-01")
    assert span("2008-Q4")["end"] == "2009-01-01"
    assert span("PRESENT_REF")["precision"] is None  # shown as undated, with its value
    assert span("2020-13")["precision"] is None and span("2021-02-29")["precision"] is None


def test_properties_the_page_does_not_know_leave_it_alone(tmp_path):
    """A graph with more than the page reads (a TimeML value on an instant that OWL-Time
    cannot say, a property of someone else's) still makes a page."""
    extra = """
<https://kg.example.org/id/article/aden/event/talks> <https://example.org/other#confidence> "0.9" .
<https://kg.example.org/id/article/aden/event/say> sem:hasTime <https://kg.example.org/id/time/2021-Q2> .
<https://kg.example.org/id/time/2021-Q2> a time:Instant ; rdfs:label "2021-Q2" ; kgo:timexValue "2021-Q2" .
"""
    path = tmp_path / "more.ttl"
    path.write_text(story_graph(extra=extra), encoding="utf-8")
    data = page_data([path])
    assert _event(data, "say")["time"]["precision"] == "quarter"
    assert _event(data, "talk")["time"]["value"] == "2019"


def test_one_article_of_many(tmp_path):
    path = tmp_path / "two.ttl"
    other = "Updated. " + STORY
    path.write_text(story_graph() + story_graph("mukalla", other).split("@prefix kg: <https://kg.example.org/id/entity/> .\n", 1)[1],
                    encoding="utf-8")
    both = page_data([path])
    assert len(both["articles"]) == 2 and both["title"] == "2 articles"
    one = page_data([path], article="mukalla")
    assert [a["id"] for a in one["articles"]] == ["mukalla"]
    assert {e["article"] for e in one["events"]} == {0} and len(one["events"]) == 5
    rebels = next(e for e in one["entities"] if e["label"] == "Rebels")
    assert rebels["mentions"] == [[0, *at(other, "Rebels")]]  # only its mentions in that article
    assert page_data([path], article="https://kg.example.org/id/article/aden")["articles"][0]["id"] == "aden"


def test_an_article_that_is_not_there_names_the_ones_that_are(story):
    with pytest.raises(InputError, match=r"there is no article 'nowhere'; give one of aden"):
        page_data([story], article="nowhere")


def test_a_graph_without_articles_is_refused(tmp_path):
    path = tmp_path / "empty.ttl"
    path.write_text("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="no schema:NewsArticle"):
        page_data([path])


def test_offsets_count_as_javascript_does_past_the_basic_plane(tmp_path):
    """An emoji is one character to Python and two UTF-16 units to the page's JavaScript."""
    text = STORY.replace("Rebels shelled", "\U0001F4A5 Rebels shelled")
    path = tmp_path / "emoji.ttl"
    path.write_text(story_graph(text=text), encoding="utf-8")
    data = page_data([path])
    begin, end = at(text, "shelled")
    assert _event(data, "shell")["mentions"] == [[begin + 1, end + 1]]
    assert data["articles"][0]["text"] == text


def test_the_same_graph_gives_the_same_data(story, tmp_path):
    again = tmp_path / "again.nt"
    import pyoxigraph

    with open(again, "wb") as out:  # the same statements, in another format and order
        quads = sorted(pyoxigraph.parse(path=str(story), format=pyoxigraph.RdfFormat.TURTLE), key=str, reverse=True)
        pyoxigraph.serialize(quads, out, pyoxigraph.RdfFormat.N_TRIPLES)
    assert page_data([story]) == page_data([again])
