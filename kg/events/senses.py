"""Which sense a trigger has in its clause, where the lexicon lists the word under another.

The lexicon (ontology/events.ttl) gives a word one event class. Its subject, object or
modifier may say another: "markets rallied" is a rise (nobody protests), "released the
hostages" frees them (no product is launched), "battled the blaze" fights no one, "42 days
passed" is no vote. Each table below is a class of English words with the context that
turns it; ``sense_in_context`` reads them in order, the last that applies deciding.
"""

from __future__ import annotations

from kg.vocab.resources import coarse_type

from .factuality import JUDGMENTS
from .roles import amounts, gains_ground, said_of_a_value


def sense_in_context(token, lemma: str, pos: str, kind: str, patients, participants) -> str:
    """The event class of a trigger (``kind`` is the lexicon's) as its clause reads it."""
    if kind in _NOT_OF_VALUES and pos == "VERB" and said_of_a_value(token, participants):
        # "markets rallied": a rise, nobody protests; "the index closed at 9,955", "Brent
        # settled at $84", "shares opened higher": a price is where trading left it, no plant
        # was closed and no dispute settled
        kind = _NOT_OF_VALUES[kind]
    if pos == "VERB" and kind in ("kgo:OtherEvent", "kgo:Retreat") and said_of_a_value(token, participants):
        # "stocks advanced 1%", "the dollar firmed", "oil retreated", "prices edged higher":
        # no army advanced or retreated; the direction of "edged" is its adverb's
        kind = _VALUE_SENSES.get(lemma) or _direction(token) or kind
    if pos == "VERB" and lemma in _INTRANSITIVE_SENSES and not any(
            c.dep_ in ("dobj", "xcomp", "ccomp") for c in token.children):
        kind = _INTRANSITIVE_SENSES[lemma]  # "sales declined 12 percent": no offer was declined
    if pos == "NOUN" and any(c.dep_ in ("compound", "amod") and c.lower_ in _MODIFIED_SENSES.get(lemma, {})
                             for c in token.children):
        kind = _MODIFIED_SENSES[lemma][next(c.lower_ for c in token.children if c.lower_ in _MODIFIED_SENSES[lemma])]
    if pos == "VERB" and lemma in _PERSON_SENSES and patients and all(
            coarse_type(participants.types.get(k, "schema:Thing")) == "person" for k in patients):
        kind = _PERSON_SENSES[lemma]  # "a third man was released on bail": freed, no product launched
    if pos == "VERB" and lemma in _STRUGGLES and any(c.dep_ == "dobj" and _no_foe(c, participants)
                                                     for c in token.children):
        # "battled the blaze", "will fight the charges", "to combat inflation": no one is fought
        kind = "kgo:OtherEvent"
    if pos == "VERB" and lemma in _PLEAS and any(c.lower_ in _PLEAS[lemma] for c in token.children):
        kind = "kgo:OtherEvent"  # "pleaded not guilty", "pleaded no contest": an answer in court, no appeal
    if pos == "VERB" and lemma in _TIME_SENSES and _time_goes_by(token):
        kind = _TIME_SENSES[lemma]  # "after 42 days passed", "the deadline passed": nothing was voted
    if pos == "VERB" and lemma in _MONEY_VERBS and not _money_object(token):
        kind = "kgo:OtherEvent"  # "lent its support to the plan": no money was lent
    if pos == "VERB" and lemma in _MEASURED_SENSES and (amounts(token) or gains_ground(token)):
        kind = _MEASURED_SENSES[lemma]  # "the index added 1.8 percent": no one said a thing
    return kind


# What a verb of people's acts means when a price or a market does it
_NOT_OF_VALUES = {"kgo:Protest": "kgo:Increase", "kgo:Agree": "kgo:OtherEvent", "kgo:Close": "kgo:OtherEvent",
                  "kgo:Open": "kgo:OtherEvent"}


# Verbs whose sense said of a price, a market or an index is a change in its value: "stocks
# advanced", "the yen firmed", "oil retreated from its high"
_VALUE_SENSES = {"advance": "kgo:Increase", "firm": "kgo:Increase", "recover": "kgo:Increase",
                 "strengthen": "kgo:Increase", "retreat": "kgo:Decrease"}
# Adverbs and particles that give a verb of motion in value its direction: "edged higher", "ticked down"
_DIRECTION = {"up": "kgo:Increase", "higher": "kgo:Increase", "down": "kgo:Decrease", "lower": "kgo:Decrease"}


def _direction(verb) -> str | None:
    """The direction of a change in value its adverb or particle says ("edged higher"), or None."""
    return next((_DIRECTION[c.lower_] for c in verb.children if c.dep_ in ("advmod", "prt") and c.lower_ in _DIRECTION),
                None)


# Verbs whose sense without an object or a complement is another event: "declined the offer",
# "declined to comment" (a refusal), but "sales declined 12 percent" (a fall)
_INTRANSITIVE_SENSES = {"decline": "kgo:Decrease"}
# Nouns whose modifier says which of their senses they are: an "air strike" is fighting, a
# "general strike" a walk-out (the lexicon's sense)
_FORCE = "kgo:Fight"
_MODIFIED_SENSES = {"strike": dict.fromkeys(("air", "drone", "missile", "rocket", "artillery", "aerial", "naval",
                                             "military", "nuclear", "retaliatory", "preemptive", "pre-emptive"), _FORCE)}
# Verbs whose sense with people for patient is another event: "released the hostages" frees
# them, "released a new phone" launches it
_PERSON_SENSES = {"release": "kgo:ReleasePersons"}
# Verbs whose sense with a percentage or a number of points for object is a change in value:
# "the Nasdaq added 1.8 percent", "the index lost 3 percent" (but "he added that ...", "lost
# the election", "lost $1 billion")
_MEASURED_SENSES = {"add": "kgo:Increase", "lose": "kgo:Decrease"}
# Verbs of fighting that also take what is no foe: a fire, a disease, a charge in court
_STRUGGLES = {"fight", "battle", "combat"}


def _no_foe(noun, participants) -> bool:
    """An object one struggles with that is nobody: an event ("the blaze", "inflation"), a
    judgment ("the charges"), or a thing; not people, a group, a place or a vehicle."""
    if noun.i in participants.events or noun.lemma_.lower() in JUDGMENTS:
        return True
    key = participants.entity(noun, may_create=False)
    return key is None or coarse_type(participants.types.get(key, "schema:Thing")) == "thing"


# Verbs whose sense with these words is a plea in court: "pleaded guilty" (not "pleaded for help")
_PLEAS = {"plead": {"guilty", "innocent", "contest"}}
# Verbs whose sense with a span of time for subject is time going by: "a law passed" was voted,
# "42 days passed" went by
_TIME_SENSES = {"pass": "kgo:OtherEvent"}
_SPANS_OF_TIME = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century",
                  "time", "deadline", "period", "moment", "season", "weekend", "night"}


def _time_goes_by(verb) -> bool:
    """A span of time is the verb's subject, or the noun right before a verb with none (the
    parser reads "after 42 days passed" as "after 42 days", then "passed")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.i > 0:
        subjects = [verb.doc[verb.i - 1]]
    return any(s.lemma_.lower() in _SPANS_OF_TIME for s in subjects)


# Verbs of the lexicon's kgo:Invest that lend money only when money is what they lend: "the
# Treasury lent GM $13.4 billion", but "Russia lent its support to the plan"
_MONEY_VERBS = {"lend", "loan"}
_MONEY_NOUNS = {"money", "cash", "fund", "funds", "capital", "credit", "loan", "dollar", "euro"}


def _money_object(verb) -> bool:
    """Whether a verb's object (or the second one of "lent GM $13.4 billion") is a sum of money."""
    return any(c.dep_ in ("dobj", "dative") and (c.ent_type_ == "MONEY" or c.lemma_.lower() in _MONEY_NOUNS)
               for c in verb.children)
