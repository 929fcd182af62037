"""Roles in constructions of conflict, politics and market news (kg.roles, kg.control,
kg.extract): participles after a list or a number, who is judged for a gerund, the quoted words
before an inverted "said", the intransitive sense of "decline", who faces or comes under an
event, a headline's "X to do", and "who" as a mention of its person."""

from __future__ import annotations

from datetime import date

import pytest

from ..conftest import SPARQL_PREFIXES as PREFIXES
from ..conftest import bound_to, graph_of

pytestmark = pytest.mark.model


def _roles(text: str, lemma: str) -> dict[str, set[str]]:
    """role -> labels of the entities in that role of the events with this lemma, and "type" ->
    their classes and "factuality" -> their factuality (local names)."""
    graph = graph_of(text, date(2024, 3, 7))
    found: dict[str, set[str]] = {"agent": set(), "patient": set(), "type": set(), "factuality": set()}
    rows = graph.query(PREFIXES + """SELECT ?role ?label WHERE { ?e kgo:lemma ?lemma .
        { ?e ?p ?x . ?x rdfs:label ?label . VALUES (?p ?role) { (kgo:agent "agent") (kgo:patient "patient") } }
        UNION { ?e a ?label . FILTER(STRSTARTS(STR(?label), STR(kgo:))) BIND("type" AS ?role) }
        UNION { ?e kgo:factuality ?label . BIND("factuality" AS ?role) } }""",
                       initBindings={"lemma": __import__("rdflib").Literal(lemma)})
    for role, label in rows:
        found[str(role)].add(str(label).rsplit("#", 1)[-1].rsplit("/", 1)[-1] if str(role) in ("type", "factuality")
                             else str(label))
    return found


def test_a_participle_after_a_list_was_done_to_each_of_it():
    # conflict: "there were ... injured", a list the participle follows
    roles = _roles("There were six women, a boy and four men injured in the blast on Friday.", "injure")
    assert {"boy", "four men"} <= roles["patient"]


def test_a_participle_after_a_number_was_done_to_the_people_it_counts():
    roles = _roles("Of the 40 injured in the attack, 12 were children.", "injure")
    assert roles["patient"] == {"the 40"}


def test_a_participle_after_a_noun_the_parser_coordinates_without_and_is_the_nouns_only():
    # industry: "instead of" is no list; the composites were not used before
    roles = _roles("The jet is built with carbon composites instead of the aluminium previously used.", "use")
    assert "carbon composites" not in roles["patient"]


def test_who_a_verb_of_judging_judges_did_the_gerund():
    # politics: "of" hangs on the object, the object is who sabotaged
    roles = _roles("The prime minister accused the opposition of sabotaging the recovery.", "sabotage")
    assert roles["agent"] == {"opposition"}


def test_a_gerund_under_an_object_of_another_verb_has_no_doer_from_it():
    roles = _roles("The farmers announced the start of selling grain.", "sell")
    assert roles["agent"] == set()


def test_the_words_quoted_before_an_inverted_said_are_not_who_said_them():
    # politics: '"Nothing," said the minister': the minister said something
    roles = _roles('"Nothing," said the finance minister when asked about the budget.', "say")
    assert roles["agent"] == {"finance minister"}
    assert roles["factuality"] == {"Asserted"}


def test_nobody_as_a_subject_still_negates_what_nobody_did():
    roles = _roles("Nobody said anything about the budget at the meeting.", "say")
    assert roles["factuality"] == {"Negated"}


def test_decline_without_an_object_is_a_fall():
    # markets: "sales declined 12 percent", "shares declined"
    roles = _roles("Shares of the carmaker declined 4 percent on Tuesday.", "decline")
    assert roles["type"] == {"Decrease"}
    assert roles["patient"] == {"Shares"}


def test_decline_with_an_object_or_an_infinitive_is_a_refusal():
    assert _roles("The minister declined the offer of talks.", "decline")["type"] == {"Reject"}
    assert _roles("The bank declined to comment on the report.", "decline")["type"] == {"Reject"}


def test_shed_is_a_fall_of_what_sheds():
    roles = _roles("Tokyo's Nikkei index shed 3 percent on Friday.", "shed")
    assert roles["type"] == {"Decrease"}
    assert roles["patient"] == {"Nikkei index"}


@pytest.mark.parametrize("text, lemma, patient", [
    ("Italy faces sanctions from the European Union over its deficit.", "sanction", "Italy"),  # politics
    ("The army base came under attack on Sunday.", "attack", "army base"),  # conflict
    ("The governor survived a bombing in May.", "bombing", "governor"),
])
def test_who_faces_suffers_or_comes_under_an_event_undergoes_it(text, lemma, patient):
    roles = _roles(text, lemma)
    assert roles["patient"] == {patient}
    assert patient not in roles["agent"]


def test_who_reports_or_announces_an_event_is_not_made_its_patient():
    # markets: a loss is a figure the company reports, and no one "faces" it here
    assert _roles("The carmaker reported a loss of $2 billion.", "loss")["patient"] == set()
    # politics: who imposes sanctions does them
    assert _roles("The European Union imposed sanctions on Iran.", "sanction")["patient"] == {"Iran"}


def test_a_headline_name_before_to_does_the_verb_the_parser_rooted_and_its_conjunct():
    # business: "GM to close four plants, cut 10,000 jobs", the name a loose dependent of "close"
    text = ("GM to close four plants, cut 10,000 jobs\n\nJune 3, 2008\n\n"
            "General Motors said on Tuesday that it would close four truck plants.")
    graph = graph_of(text, date(2008, 6, 3))
    rows = graph.query(PREFIXES + """SELECT ?lemma ?agent WHERE { ?e kgo:lemma ?lemma ; gaf:denotedBy/nif:beginIndex ?b ;
        kgo:agent/rdfs:label ?agent . FILTER(?b < 40) }""")
    assert {(str(lemma), str(agent)) for lemma, agent in rows} >= {("close", "General Motors"), ("cut", "General Motors")}


def test_a_headline_noun_that_cannot_act_does_not_do_the_infinitive():
    text = "Time to close the plants\n\nJune 3, 2008\n\nThe union said the plants were too old."
    assert _roles(text, "close")["agent"] == set()


def test_who_is_a_mention_of_the_person_its_clause_modifies():
    # politics: the victim of "died" is written "who"
    text = "Supporters of Hugo Chavez, who died in 2013, marched in Caracas on Sunday."
    assert bound_to(text, "who") == {"Hugo Chavez"}


def test_who_after_people_at_a_place_is_the_people():
    assert bound_to("Officials urged help for migrants at sea who are in need of rescue.", "who") == {"migrants"}


def test_a_relative_pronoun_of_a_thing_is_no_mention_of_it():
    assert bound_to("The airport, which serves the capital, was closed on Sunday.", "which") == set()


@pytest.mark.parametrize("text, lemma, patient", [
    ("The region has seen numerous bombings targeted at the Russian military.", "bombing", "military"),
    ("Rebels claimed the attacks, which seemed to be aimed at civilians.", "attack", "civilians"),
])
def test_an_event_noun_aimed_at_someone_is_done_to_them(text, lemma, patient):
    assert patient in _roles(text, lemma)["patient"]


def test_an_event_noun_aimed_at_a_goal_has_no_patient_from_it():
    # "aimed to weaken": an infinitive is a purpose, not a target
    assert _roles("The attacks aimed to weaken the government.", "attack")["patient"] == set()


@pytest.mark.parametrize("text, lemma, kind", [
    ("Protests grew after the slaying of seven demonstrators by police.", "slaying", "Kill"),
    ("Church leaders deplored the maiming of children in the bombing.", "maiming", "Injure"),
    ("Residents heard heavy gunfire in the north of the city overnight.", "gunfire", "Fight"),
])
def test_event_nouns_of_conflict_news_are_events_of_their_class(text, lemma, kind):
    assert _roles(text, lemma)["type"] == {kind}


def test_the_slaying_of_people_was_done_to_them_by_the_by_phrase():
    roles = _roles("Protests grew after the slaying of seven demonstrators by police.", "slaying")
    assert roles["patient"] == {"seven demonstrators"}
    assert roles["agent"] == {"police"}


def test_who_files_for_or_owns_a_bankruptcy_went_bankrupt():
    # business: the company undergoes its insolvency, it does not do it
    roles = _roles("The carmaker filed for bankruptcy on Monday.", "bankruptcy")
    assert roles["type"] == {"GoBankrupt"}
    assert roles["patient"] == {"carmaker"}
    roles = _roles("Analysts said Chrysler's insolvency was expected for months.", "insolvency")
    assert roles["patient"] == {"Chrysler"}
    assert roles["agent"] == set()


def test_who_announces_redundancies_makes_them():
    roles = _roles("The bank announced 500 redundancies at its London offices.", "redundancy")
    assert roles["type"] == {"Oust"}
    assert roles["agent"] == {"bank"}


@pytest.mark.parametrize("text, lemma, agents", [
    ("Prices of new cars rose in May. Ford and GM said on Monday that they would raise prices again.", "raise",
     {"Ford", "GM"}),
    ("Toyota and Honda cut output in March, and they warned of more cuts.", "warn", {"Toyota", "Honda"}),
])
def test_they_of_a_reported_or_joined_clause_is_each_of_the_coordinated_subject(text, lemma, agents):
    assert agents <= _roles(text, lemma)["agent"]


def test_they_after_one_subject_is_not_shared_out():
    # must-not: the unions said it, not the carmakers who met
    agents = _roles("Ford and GM met on Monday, and the unions said they would strike.", "strike")["agent"]
    assert "Ford" not in agents and "GM" not in agents


def test_the_other_side_of_clashes_is_named_by_with():
    # conflict and protest news: "after clashes with demonstrators"
    roles = _roles("Police arrested 40 people on Saturday after clashes with demonstrators.", "clash")
    assert roles["patient"] == {"demonstrators"}


def test_what_a_side_clashes_with_is_no_side():
    roles = _roles("Rioters clashed with stones and bottles in the square on Saturday.", "clash")
    assert not roles["patient"] & {"stones", "bottles", "stones and bottles"}


def test_who_went_on_strike_strikes():
    # labour news: "went on strike", "remained on strike" as "is on leave"
    assert _roles("Dockworkers in Rotterdam went on strike on Monday.", "strike")["agent"] == {"Dockworkers"}
    assert _roles("Nurses at the hospital remained on strike on Friday.", "strike")["agent"] == {"Nurses"}


def test_what_went_on_sale_is_sold_not_the_seller():
    roles = _roles("The new Ford pickup went on sale in March.", "sale")
    assert roles["agent"] == set()


def test_who_aid_comes_from_gives_it_and_whom_it_goes_to_gets_it():
    # car makers and politics: "$30 billion in aid from the government", "aid to Ukraine"
    roles = _roles("GM will receive $30 billion in aid from the government.", "aid")
    assert roles["agent"] == {"government"}
    roles = _roles("Congress approved military aid to Ukraine on Tuesday.", "aid")
    assert roles["patient"] == {"Ukraine"}


def test_what_aid_comes_from_is_no_giver():
    # "aid from the budget", "relief from the heat": a thing is no giver
    roles = _roles("The carmaker asked for aid from the federal budget.", "aid")
    assert roles["agent"] == set()


def test_an_event_noun_written_with_a_hyphen_is_the_event_not_a_thing():
    # "launched a crack-down on protesters": no thing called "down" was launched
    roles = _roles("Police launched a crack-down on protesters in the capital on Sunday.", "crackdown")
    assert roles["type"] == {"Repress"}
    assert roles["agent"] == {"Police"}
    assert roles["patient"] == {"protesters"}
    assert "down" not in _roles("Police launched a crack-down on protesters in the capital on Sunday.", "launch")["patient"]


def test_who_leads_an_attack_or_a_protest_does_it():
    # conflict and politics: "the army led the attack", "protests led by students"
    assert _roles("The army led the attack on the town on Sunday.", "attack")["agent"] == {"army"}
    assert _roles("Protests led by students spread to five cities on Friday.", "protest")["agent"] == {"students"}


def test_what_leads_a_fall_of_a_market_falls_and_does_nothing():
    # markets: "bank stocks led the decline": the stocks fell most, nobody declined anything
    roles = _roles("Bank stocks led the decline on Wall Street on Monday.", "decline")
    assert roles["patient"] == {"Bank stocks"}
    assert roles["agent"] == set()
