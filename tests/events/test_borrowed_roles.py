"""Who does a verb that borrows its doer, and who is on the other side (kg.roles, kg.control):
a counted subject ("thousands of students marched to protest"), a relative pronoun before a light
verb ("a group which has carried out attacks"), the noun a passive participle tells of ("two men
accused of smuggling"), raised passive subjects ("the minister is expected to resign") and the
other side of a fight ("troops clashed with rebels")."""

from __future__ import annotations

import pytest

from .test_news_roles import _roles

pytestmark = pytest.mark.model


def test_a_counted_subject_lends_the_people_it_counts_to_a_purpose_infinitive():
    # politics: the number is no doer; the students protest
    roles = _roles("Thousands of students marched through Rome to protest against the cuts.", "protest")
    assert roles["agent"] == {"students"}


def test_a_counted_subject_lends_the_people_it_counts_to_a_participle():
    # conflict: "Dozens of gunmen stormed the village, killing 12 villagers"
    roles = _roles("Dozens of gunmen stormed the village on Sunday, killing 12 villagers.", "kill")
    assert roles["agent"] == {"gunmen"}
    assert roles["patient"] == {"12 villagers"}


def test_a_subject_that_is_not_counted_is_lent_whole():
    roles = _roles("The union marched through Rome to protest against the cuts.", "protest")
    assert roles["agent"] == {"union"}


def test_a_relative_pronoun_before_a_light_verb_stands_for_the_group_that_does_the_event():
    # conflict: "which" is the group, which carried out the bombings
    roles = _roles("The rebel group, which has carried out several bombings in the capital, denied any role.",
                   "bombing")
    assert roles["agent"] == {"rebel group"}


def test_a_relative_pronoun_before_a_verb_that_is_not_light_lends_no_doer():
    # "which" is the capital, which saw the bombings: it did not carry them out
    roles = _roles("The capital, which has seen several bombings this year, was calm on Friday.", "bombing")
    assert "capital" not in roles["agent"]


def test_the_noun_a_passive_participle_tells_of_did_the_gerund_after_it():
    # crime: "two men accused of smuggling weapons" smuggled them, if anyone did
    roles = _roles("Police arrested two men accused of smuggling weapons across the border.", "smuggle")
    assert roles["agent"] == {"two men"}


def test_the_noun_a_passive_participle_tells_of_lends_nothing_when_it_is_a_thing():
    # a report is no doer of a "saying"
    roles = _roles("The minister rejected a report published after warning of a recession.", "warn")
    assert "report" not in roles["agent"]


def test_a_raised_passive_subject_is_not_what_is_expected_or_said():
    # politics: what is expected is that the minister resigns; the minister resigns
    expected = _roles("The finance minister is expected to resign on Friday.", "expect")
    assert expected["patient"] == set()
    assert _roles("The finance minister is expected to resign on Friday.", "resign")["agent"] == {"finance minister"}
    said = _roles("The carmaker is said to be planning job cuts.", "say")
    assert said["patient"] == set()


def test_a_passive_subject_without_an_infinitive_is_what_is_expected():
    # politics: "the minister is expected in Brussels": no infinitive, the minister is awaited
    roles = _roles("The finance minister is expected in Brussels on Friday.", "expect")
    assert roles["patient"] == {"finance minister"}


def test_a_raised_subject_undergoes_a_passive_infinitive():
    # conflict: "two soldiers were reported to have been killed": the soldiers were killed
    roles = _roles("Two soldiers were reported to have been killed near the border.", "kill")
    assert roles["patient"] == {"Two soldiers"}


def test_the_other_side_of_a_fight_is_its_patient():
    # conflict and politics: PropBank fight.01's Arg1 is the opponent, "with" or "against"
    assert _roles("Troops clashed with rebels near the border on Sunday.", "clash")["patient"] == {"rebels"}
    fought = _roles("Rebels fought against government forces for control of the town.", "fight")
    assert fought["agent"] == {"Rebels"}
    assert fought["patient"] == {"government forces"}


def test_what_a_fight_is_fought_with_is_no_side_of_it():
    # "with knives" is the means, a thing: no opponent
    roles = _roles("The two gangs fought with knives outside the stadium.", "fight")
    assert roles["patient"] == set()


def test_who_is_charged_with_or_arrested_for_a_crime_is_said_to_have_done_it():
    # crime news: "charged with murder", "arrested for the robbery", "a man convicted of fraud"
    assert _roles("Two men were charged with murder after the shooting.", "murder")["agent"] == {"Two men"}
    assert _roles("Police arrested a man for the robbery on Friday.", "robbery")["agent"] == {"man"}
    assert _roles("A man convicted of fraud was jailed on Monday.", "fraud")["agent"] == {"man"}
    assert _roles("A man convicted of fraud was jailed on Monday.", "fraud")["type"] == {"CommitCrime"}


def test_who_is_questioned_about_a_crime_or_judged_for_no_crime_did_not_do_it():
    # "about" names a subject of talk; a delay is no crime
    assert _roles("The minister was questioned about the bombing on Friday.", "bombing")["agent"] == set()
    assert "mayor" not in _roles("The mayor was criticised for the delay.", "delay")["agent"]


def test_opening_fire_on_people_is_an_attack_on_them():
    # conflict: "opened fire on worshippers": no fire is opened, the worshippers are the target
    roles = _roles("A gunman opened fire on worshippers at a church on Sunday.", "open fire")
    assert roles["type"] == {"Fight"}
    assert roles["agent"] == {"gunman"}
    assert roles["patient"] == {"worshippers"}


def test_what_is_fired_at_is_the_target_and_what_is_fired_is_not():
    # conflict: "fired at the crowd"; business: "fired 200 workers at its plant" (dismissed there)
    assert _roles("Soldiers fired at the crowd outside the palace.", "fire")["patient"] == {"crowd"}
    fired = _roles("The carmaker fired 200 workers at its plant in Ohio.", "fire")
    assert "plant" not in fired["patient"]


def test_the_victims_of_an_attack_suffered_it():
    # conflict: "the victims of the bombing"
    roles = _roles("The victims of the bombing included two children.", "bombing")
    assert roles["patient"] == {"victims"}


def test_the_causes_of_an_attack_did_not_suffer_it():
    roles = _roles("The causes of the bombing remain unclear, police said.", "bombing")
    assert roles["patient"] == set()


def test_what_an_attack_targeting_names_is_its_target():
    # conflict: "the second attack targeting police this week"
    roles = _roles("It was the second attack targeting police officers in the province this week.", "attack")
    assert roles["patient"] == {"police officers"}


def test_what_another_event_targets_is_not_an_attacks_target():
    roles = _roles("The attack came a day after a raid targeting a militant hideout.", "attack")
    assert "militant hideout" not in roles["patient"]


def test_who_died_in_air_strikes_did_not_strike():
    # conflict: an "air strike" is fighting, and those killed in it underwent it
    roles = _roles("At least 30 militants died in air strikes on their hideouts.", "strike")
    assert roles["type"] == {"Fight"}
    assert roles["agent"] == set()


def test_who_speaks_in_a_statement_makes_it_and_a_general_strike_is_a_walkout():
    assert _roles("The minister said in a statement that talks would resume.", "statement")["agent"] == {"minister"}
    assert _roles("Dockworkers began a general strike on Monday.", "strike")["type"] == {"StrikeOrBoycott"}


def test_who_carries_out_an_attack_kills_those_killed_in_it():
    # conflict: "killed in a Taliban attack", "wounded in an attack by rebels"
    assert _roles("Ten soldiers were killed in a Taliban attack on a checkpoint.", "kill")["agent"] == {"Taliban"}
    assert _roles("Three policemen were wounded in an attack by rebels.", "wound")["agent"] == {"rebels"}


def test_an_accident_or_an_attack_by_no_one_named_kills_with_no_killer():
    assert _roles("Five workers were injured in an accident at the plant.", "injure")["agent"] == set()
    assert _roles("The bombers were killed in the attack on Monday.", "kill")["agent"] == set()


def test_who_fights_a_battle_with_another_is_not_said_to_wound_those_wounded_in_it():
    roles = _roles("Five people were wounded in a battle between troops and rebels.", "wound")
    assert roles["agent"] == set()


def test_a_participle_coordinated_with_a_passive_verb_shares_its_subject_as_patient():
    # crime: "were arrested and charged"; business: "selected and purchased by the government"
    charged = _roles("Two men were arrested and charged with murder on Friday.", "charge")
    assert charged["patient"] == {"Two men"}
    assert _roles("Two men were arrested and charged with murder on Friday.", "murder")["agent"] == {"Two men"}
    bought = _roles("In China, airliners are selected and purchased by the government.", "purchase")
    assert bought["patient"] == {"airliners"}
    assert bought["agent"] == {"government"}


def test_a_verb_coordinated_after_an_active_one_keeps_its_subject_the_doer():
    # "the rebels seized the town and killed 12 civilians": active, the rebels kill
    roles = _roles("The rebels seized the town and killed 12 civilians.", "kill")
    assert roles["agent"] == {"rebels"}
    replaced = _roles("The minister resigned on Monday and was replaced by his deputy.", "replace")
    assert replaced["patient"] == {"minister"}


def test_the_noun_a_passive_participle_tells_of_does_the_infinitive_after_it():
    # crime: "a suspect believed to have planted the bomb" planted it, if anyone did; he is not
    # what is believed, and a perfect infinitive tells of the past, no plan
    planted = _roles("Police are looking for a suspect believed to have planted the bomb.", "plant")
    assert planted["agent"] == {"suspect"}
    assert planted["factuality"] == {"Possible"}
    assert _roles("Police are looking for a suspect believed to have planted the bomb.", "believe")["patient"] == set()


def test_a_perfect_infinitive_after_an_asserted_report_happened_and_a_plain_one_is_planned():
    assert _roles("Two soldiers were reported to have been killed near the border.", "kill")["factuality"] \
        == {"Asserted"}
    assert _roles("The army said it wanted to capture the town.", "capture")["factuality"] == {"Planned"}


def test_who_is_released_after_being_questioned_was_questioned():
    roles = _roles("The suspect was released after being questioned by police.", "question")
    assert roles["patient"] == {"suspect"}
    assert roles["agent"] == {"police"}


def test_releasing_people_frees_them_and_releasing_a_product_launches_it():
    assert _roles("A third man was released on bail on Friday.", "release")["type"] == {"ReleasePersons"}
    assert _roles("The rebels released two hostages on Sunday.", "release")["type"] == {"ReleasePersons"}
    assert _roles("The carmaker released a new electric car on Monday.", "release")["type"] == {"Launch"}
