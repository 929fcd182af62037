"""Place phrases of industry and market news (kg.events.circumstances): a "City, State" pair
whichever way the parse reads it, a named show and the town in its name, an institution where a
judgement of an event was made, the trading place of a rate, "along", and where a thing given
goes. Read from the validated graph with SPARQL, as a reader of the graph would."""

from __future__ import annotations

from datetime import date

import pytest

from ..conftest import SPARQL_PREFIXES as PREFIXES
from ..conftest import graph_of
from .test_news_places import _places
from .test_news_roles import _roles as roles_of

pytestmark = pytest.mark.model


def _roles(text: str, lemma: str) -> set[str]:
    """The labels of the agents and patients of the events of this lemma."""
    found = roles_of(text, lemma)
    return found["agent"] | found["patient"]


def _parsed(words, heads, deps, pos, lemmas):
    """A Doc with the parse given: spaCy's own on a long story, which one sentence alone does
    not reproduce."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


class _Participants:
    """The entities of a hand-parsed sentence, by token."""

    def __init__(self, keys: dict[int, str], types: dict[str, str]):
        self._keys, self.types, self.events = keys, types, set()

    def entity(self, token, *, may_create: bool = True):
        return self._keys.get(token.i)


def test_a_town_the_parse_makes_the_states_modifier_is_a_place_too():
    # car makers: "at its headquarters in Dearborn, Michigan", parsed as Dearborn's Michigan
    from kg.events.circumstances import places_of

    doc = _parsed(["Ford", "reported", "a", "loss", "at", "its", "headquarters", "in", "Dearborn", ",", "Michigan", "."],
                  [1, 1, 3, 1, 1, 6, 4, 6, 10, 8, 7, 1],
                  ["nsubj", "ROOT", "det", "dobj", "prep", "poss", "pobj", "prep", "nmod", "punct", "pobj", "punct"],
                  ["PROPN", "VERB", "DET", "NOUN", "ADP", "PRON", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT"],
                  ["Ford", "report", "a", "loss", "at", "its", "headquarters", "in", "Dearborn", ",", "Michigan", "."])
    participants = _Participants({0: "ford", 5: "ford", 6: "hq", 8: "dearborn", 10: "michigan"},
                                 {"ford": "schema:Organization", "hq": "schema:Place", "dearborn": "schema:City",
                                  "michigan": "schema:State"})
    assert set(places_of(doc[1], participants, {"dearborn", "michigan"})) == {"hq", "dearborn", "michigan"}


def test_a_name_modifying_a_common_noun_after_a_comma_is_no_pair():
    # "at the Cupertino, California event": the event is no state whose town Cupertino is
    from kg.events.circumstances import places_of

    doc = _parsed(["Apple", "unveiled", "phones", "at", "the", "Cupertino", ",", "California", "event", "."],
                  [1, 1, 1, 1, 8, 8, 5, 5, 3, 1],
                  ["nsubj", "ROOT", "dobj", "prep", "det", "nmod", "punct", "conj", "pobj", "punct"],
                  ["PROPN", "VERB", "NOUN", "ADP", "DET", "PROPN", "PUNCT", "PROPN", "NOUN", "PUNCT"],
                  ["Apple", "unveil", "phone", "at", "the", "Cupertino", ",", "California", "event", "."])
    participants = _Participants({0: "apple", 5: "cupertino", 7: "california"},
                                 {"apple": "schema:Organization", "cupertino": "schema:City",
                                  "california": "schema:State"})
    assert places_of(doc[1], participants, {"cupertino", "california"}) == ()


def test_each_city_state_pair_of_a_list_keeps_its_state():
    places = _places("Ford builds the pickup in Dearborn, Michigan, and Kansas City, Missouri.", "build")
    assert {"Dearborn", "Michigan", "Kansas City", "Missouri"} <= places


def test_a_city_state_pair_is_no_participant():
    text = "Workers at the plant in St. Louis, Missouri, were laid off on Monday."
    assert _roles(text, "lay off") & {"St. Louis", "Missouri"} == set()
    assert {"St. Louis", "Missouri"} <= _places(text, "lay off")


def test_a_town_named_before_a_compound_noun_is_where():
    # car makers: "Geneva" modifies "motor", which modifies "show"
    assert "Geneva" in _places("Fiat's chief told reporters at the Geneva motor show that sales rose.", "tell")


def test_a_name_before_a_compound_of_something_else_is_not_where():
    # "the Detroit Free Press" is a newspaper, not a show in Detroit
    assert _places("The chief executive told the Detroit Free Press that sales rose.", "tell") == set()


def test_a_named_show_is_in_the_town_its_name_says():
    text = "The air show opened in Paris on Sunday. Airbus unveiled the A350 at the Paris Air Show on Monday."
    assert _places(text, "unveil") == {"Paris"}


def test_a_named_show_whose_town_the_text_does_not_name_gets_no_place():
    # nothing but the show's own name: no place of its own to point to, and never the show
    assert _places("Airbus unveiled the A350 at the Farnborough Air Show on Monday.", "unveil") == set()


def test_an_institution_where_a_judgement_is_appealed_is_the_appeals_place():
    # courts: the verdict was given elsewhere; the appeal is at the Court of Appeal
    text = "Chrysler appealed the verdict at the Court of Appeal on Monday."
    assert _places(text, "appeal") == {"Court of Appeal"}
    assert _places(text, "verdict") == set()


def test_an_institution_on_an_event_that_is_not_judged_stays_the_events():
    # the verdict itself at the High Court: nothing moves it
    assert "High Court" in _places("The verdict at the High Court on Monday surprised analysts.", "verdict")


def test_a_rate_traded_against_a_currency_is_traded_where_the_phrase_says():
    # markets: "in Tokyo" hangs on the yen, but it is where the dollar weakened
    assert _places("The dollar weakened against the yen in Tokyo on Monday.", "weaken") == {"Tokyo"}


def test_what_is_opposed_somewhere_does_not_place_the_opposing():
    # politics: the war is in Iraq; the campaign is not said to be
    assert _places("Protesters campaigned against the war in Iraq on Sunday.", "campaign") == set()


def test_along_says_where():
    # disasters: "along the Bay of Bengal"
    assert "Bay of Bengal" in _places("More than 3,000 people died in storms along the Bay of Bengal.", "die")


def test_where_the_buyer_of_a_sale_is_is_no_place_of_the_sale():
    # car makers: the company is in China; the selling is not said to be
    assert _places("GM sold the brand to a company in China last year.", "sell") == set()


def test_where_goods_are_sold_stays_the_place_of_the_sale():
    assert _places("GM sold 2 million vehicles in China last year.", "sell") == {"China"}


@pytest.mark.parametrize("text, lemma, place", [
    ("Elsewhere in Asia, Hong Kong's Hang Seng index fell 2 percent.", "fall", "Asia"),  # markets
    ("Here in Detroit, workers protested on Monday.", "protest", "Detroit"),  # car makers
])
def test_a_locative_phrase_on_an_adverb_of_place_says_where(text, lemma, place):
    assert place in _places(text, lemma)


def test_an_adverb_of_place_places_only_its_own_clause():
    text = "Shares rose in Tokyo, while elsewhere in Asia they fell."
    assert _places(text, "rise") == {"Tokyo"}
    assert _places(text, "fall") == {"Asia"}


def test_a_level_in_a_market_says_where_it_stood():
    # markets: "up 3 percent in Tokyo"
    assert _places("Shares of Toyota were up 3 percent in Tokyo on Monday.", "be") == {"Tokyo"}


def test_how_far_from_a_place_is_no_place():
    # "flying no higher than 10,000 feet from Toulouse", the parse hanging "from" on "higher":
    # a limit, not where
    from kg.events.circumstances import places_of

    doc = _parsed(["The", "jet", "flew", "no", "higher", "than", "10,000", "feet", "from", "Toulouse", "."],
                  [1, 2, 2, 4, 2, 7, 7, 4, 4, 8, 2],
                  ["det", "nsubj", "ROOT", "neg", "advmod", "quantmod", "nummod", "npadvmod", "prep", "pobj", "punct"],
                  ["DET", "NOUN", "VERB", "ADV", "ADV", "ADP", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"],
                  ["the", "jet", "fly", "no", "high", "than", "10,000", "foot", "from", "Toulouse", "."])
    participants = _Participants({9: "toulouse"}, {"toulouse": "schema:City"})
    assert places_of(doc[2], participants, {"toulouse"}) == ()


def test_a_city_state_pair_before_a_noun_is_no_participant():
    # car makers: the parse makes Windsor the subject of "lose"; it is the plant's town
    assert "Windsor" not in _roles("Chrysler's Windsor, Ontario plant will lose a shift on Monday.", "lose")


def test_a_city_before_a_comma_and_a_possessive_still_acts():
    # "Paris, France's capital": no pair before a noun, and the city hosts
    assert "Paris" in _roles("Paris, France's capital, hosted the talks on Monday.", "host")


def test_each_object_of_a_list_is_made_where_its_phrase_says():
    # car makers: the second object's place is the making's too
    places = _places("The automaker builds the Pacifica in Windsor, Ontario, and the Ram in Saltillo, Mexico.", "build")
    assert {"Saltillo", "Mexico"} <= places


def test_the_subject_of_a_clause_of_its_own_lends_no_place():
    # "and the bank in Tokyo approved the deal": a clause of its own, not a second thing sold
    assert _places("Ford sold its stake in Mazda and the bank in Tokyo approved the deal.", "sell") == set()


@pytest.mark.parametrize("text, lemma, place", [
    ("GM has a plant in Lordstown, Ohio. Workers there walked out on Monday.", "walk out", "Lordstown"),  # car makers
    ("Ford sells cars in Brazil. Sales there fell 5 percent in May.", "fall", "Brazil"),  # markets
    ("Toyota opened a factory in Kentucky in 1988. It now builds the Camry there.", "build", "Kentucky"),
])
def test_there_is_the_place_last_named(text, lemma, place):
    assert _places(text, lemma) == {place}


def test_there_far_from_any_place_named_is_no_place():
    # three sentences on, "there" may be anywhere the story has moved to
    text = ("Ford sells cars in Brazil. The company's shares rose on Monday. Analysts were pleased. "
            "Its chief executive said sales there fell 5 percent.")
    assert _places(text, "fall") == set()


def test_an_existential_there_is_no_place():
    assert _places("The bus crashed in Lagos. There were no injuries in the crash on Monday.", "be") == set()


def test_going_on_strike_somewhere_is_striking_there():
    assert "Windsor" in _places("Workers went on strike in Windsor on Monday.", "strike")


def test_outside_an_institution_is_by_its_building():
    # courts: the protest is outside the court, which is where it was
    text = "The trial was held at Southwark Crown Court. Outside the court, about 50 protesters held banners."
    graph = graph_of(text, date(2024, 3, 7))
    rows = graph.query(PREFIXES + """SELECT ?label WHERE { ?e kgo:lemma "hold" ; kgo:agent ?who ;
        sem:hasPlace/rdfs:label ?label }""")
    assert {str(label) for label, in rows} == {"Southwark Crown Court"}


def test_a_letter_from_an_institution_is_not_there():
    assert _places("A letter from the court arrived on Monday.", "arrive") == set()


def test_a_place_that_saw_an_event_is_where_it_happened():
    # conflict: "Iraq witnessed clashes"
    assert _places("Iraq witnessed fierce clashes on Monday.", "clash") == {"Iraq"}


def test_a_person_who_saw_an_event_is_not_where_it_happened():
    assert _places("The minister from Iraq saw the clashes on Monday.", "clash") == set()


def test_an_event_is_where_the_harm_it_did_was():
    # conflict: "wounding 13 people on a busy street in Lyon" is where the device exploded
    assert "Lyon" in _places("A device exploded on Friday, wounding 13 people on a busy street in Lyon.", "explode")


def test_an_event_is_not_where_a_later_clause_of_its_own_happened():
    # the meeting was in Paris; the flight home was not
    assert _places("The minister flew home on Friday after meeting officials in Paris.", "fly") == set()


def test_a_search_is_not_where_the_harm_of_what_is_searched_for_was():
    # the parse hangs "wounding" on "hunting": the hunt is not said to be in Lyon
    text = "Police are hunting a man who left a device that exploded, wounding 13 people on a street in Lyon."
    assert "Lyon" not in _places(text, "hunt")


def test_what_is_filed_for_in_a_court_is_filed_there():
    # car makers: "in U.S. Bankruptcy Court in New York" hangs on the protection sought
    places = _places("Chrysler filed for Chapter 11 protection in U.S. Bankruptcy Court in New York.", "file")
    assert places == {"U.S. Bankruptcy Court", "New York City"}


def test_what_is_asked_for_somewhere_that_is_no_court_is_not_asked_there():
    # the asylum is sought for Germany, not asked there
    assert _places("The family applied for asylum in Germany on Monday.", "apply") == set()


def test_a_verb_going_its_own_way_does_not_share_the_first_verbs_place():
    # disasters: the storm hit land near Galveston, then moved away from it
    text = "The storm made landfall near Galveston on Sunday and moved north towards the capital."
    assert "Galveston" not in _places(text, "move")
    assert "Galveston" in _places(text, "make")


def test_a_verb_with_no_way_of_its_own_shares_the_first_verbs_place():
    assert "Galveston" in _places("The storm struck near Galveston on Sunday and killed 12 people.", "kill")


def test_a_statement_issued_somewhere_was_said_there():
    # car makers: the statement was issued in Tokyo, and so the saying was there
    assert "Tokyo" in _places("Toyota said in a statement issued in Tokyo that sales fell.", "say")


def test_a_statement_about_a_place_was_not_said_there():
    # what a statement is about is not where it was made
    assert "Tokyo" not in _places("Toyota said in a statement about its plants in Tokyo that sales fell.", "say")
