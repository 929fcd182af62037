"""Event frames from the dependency parse: triggers, their type, factuality and tense, with
roles (kg.roles), places and dates (kg.circumstances) and participants (kg.participants).

Triggers are verbal predicates with their particle ("blow up", "cut off", "walk off"),
copulas with a subject (a state: "the airline is the largest"), and nouns the lexicon
knows as events or that are made of a verb ("explosion", "evaluation"), or that are the bare
form of a verb of change or motion with its argument ("a gain of 5%", "the move to cut rates").
Types come from the lexicon in ontology/events.ttl; anything else is kgo:OtherEvent with
its lemma. Words inside proper names are no triggers.
"""

from __future__ import annotations

from datetime import date

from kg.model import Entity, Event, Span, TimeMention
from kg.text.tokens import VERBS_TABLE, hyphen_first, text_of
from kg.times.values import begins_after
from kg.vocab.lexicon import load_lexicon
from kg.vocab.resources import coarse_type
from kg.vocab.words import IDIOM_OBJECTS, PERSON_NOUNS

from .circumstances import TRAVEL, clause_time, located_place, locations, places_of, reports_today, time_index
from .eventcoref import merge_events
from .factuality import factuality, tense
from .participants import Participants, unique
from .roles import amount_text, amounts, roles
from .senses import sense_in_context

# Classes of events done to people, whose patient a bare number counts ("killed 12")
_DONE_TO_PEOPLE = ("kgo:Kill", "kgo:Injure", "kgo:Assault", "kgo:Arrest", "kgo:Abduct", "kgo:ReleasePersons")

# Auxiliaries and light verbs that carry no event of their own ("according to", "based in");
# a copula with a subject is kept below: it states what a thing is or was, a state
_SKIP_LEMMAS = {"be", "have", "do", "accord", "base"}


def extract_events(doc, entities: tuple[Entity, ...], times: tuple[TimeMention, ...],
                   published: date | None = None) -> tuple[tuple[Event, ...], tuple[Entity, ...]]:
    """The events of one article, and its entities: those given, and the nominal entities
    minted for event arguments the entity layer does not cover and for things a named owner
    has ("Apple's website")."""
    lexicon = load_lexicon()
    verbs = doc.vocab.lookups.get_table(VERBS_TABLE) if doc.vocab.lookups.has_table(VERBS_TABLE) else {}
    participants = Participants(doc, entities)
    places = {e.key for e in entities if coarse_type(e.type) == "place"}  # the class tree knows our own place classes too
    located = {e.key: e.contained_in for e in entities if e.contained_in}
    located.update(locations(doc, participants, places))
    named_tokens = _name_tokens(doc, entities)
    time_of = time_index(doc, times)
    # the publication date, when the text itself names it (a dateline, "on Tuesday")
    today = published.isoformat() if published and any(t.value == published.isoformat() for t in times) else None
    triggers = {t.i: found for t in doc if (found := _trigger(t, lexicon, named_tokens, verbs)) is not None}
    # an argument that is itself an event ("rejected the proposal") is no entity
    participants.events = {i for i, t in triggers.items() if doc[i].pos_ == "NOUN"}
    events = []
    for token in doc:
        trigger = triggers.get(token.i)
        if trigger is None:
            continue
        lemma, particle = trigger
        agents, patients = roles(token, participants)
        agents = tuple(k for k in agents if participants.can_act(k))
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "ADJ" if token.pos_ == "ADJ" else "NOUN"
        kind = lexicon.event_type(token.lemma_.lower(), pos=pos, particle=particle.lower_ if particle is not None else None)
        if kind == "kgo:OtherEvent" and pos == "NOUN" and _zero_derived(token, lexicon):
            kind = lexicon.event_type(token.lemma_.lower(), pos="VERB")  # "a gain of 5%": the verb's event
        kind = sense_in_context(token, lemma, pos, kind, patients, participants)
        if not patients and pos == "VERB" and any(lexicon.is_a(kind, cls) for cls in _DONE_TO_PEOPLE):
            # "killed 12", "15 were injured", "of the 130 injured"
            counted = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            counted += [token.head] if token.dep_ == "acl" and token.tag_ == "VBN" else []
            patients = [k for c in counted if (k := participants.people_counted(c)) is not None]
        where = places_of(token, participants, places) or located_place(agents, patients, located, places, participants)
        start = _hyphened_start(token)
        end = particle.idx + len(particle.text) if particle is not None and particle.i == token.i + 1 else token.idx + len(token.text)
        if pos == "NOUN" and any(lexicon.is_a(kind, travel) for travel in TRAVEL):
            # "a tour of Asia and Australia": the places a journey takes in are where it happens
            gone = [k for k in patients if k in places]
            patients, where = [k for k in patients if k not in gone], unique((*where, *gone))
        # who does an event is not where it is done: "US sanctions on Iran" are the United
        # States', not in it (a country's name before an event noun is read both ways)
        where = tuple(k for k in where if k not in agents)
        when = clause_time(token, time_of)
        stated = factuality(token)
        if when is not None and published and stated == "asserted" and _finite(token) \
                and tense(token) in ("past", "present") and begins_after(when, published):
            when = None  # "forecast a return to growth early next year": what is told of happens then, not the telling
        if when is not None and published and stated == "asserted" and pos == "NOUN" and begins_after(when, published):
            stated = "expected"  # "ahead of the vote on Sunday": a news story cannot tell it as done

        if when is None and today and pos == "VERB" and stated == "asserted" and reports_today(token, kind, lexicon):
            when = today
        events.append(Event(
            trigger=Span(start, end, text_of(doc)[start:end]),
            lemma=lemma,
            type=kind,
            agents=unique(agents),
            patients=unique(k for k in patients if k not in agents),
            places=where,
            extents=tuple(Span(a, b, text_of(doc)[a:b]) for a, b in map(amount_text, amounts(token))),
            time=when,
            factuality=stated,
            tense=tense(token) if pos == "VERB" else _noun_tense(token),
        ))
    participants.bind_pronouns()
    participants.bind_relatives()
    _owned_things(doc, participants)
    return merge_events(tuple(events)), participants.named_entities(entities) + participants.new_entities()


def _hyphened_start(token) -> int:
    """Where a trigger starts: at its first part when it is a noun written with a hyphen whose
    parts kg.text.mend joined into its lemma ("sell-off", "lay-offs"), else at the token."""
    first = hyphen_first(token)
    lemma = token.lemma_.lower()
    return first.idx if first is not None and lemma.startswith(first.lower_) and lemma != first.lower_ else token.idx


def _finite(verb) -> bool:
    """A verb in a tense of its own ("forecast", "expects", "has said"), not an infinitive or a
    participle ("an event to be held on October 12")."""
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return verb.pos_ in ("VERB", "AUX") and any(w.tag_ in ("VBD", "VBZ", "VBP") for w in words)


def _owned_things(doc, participants) -> None:
    """"Apple's website", "the phone's antenna", "iPod users": a common noun whose possessor
    is a thing of the entity layer (or people named by a thing's name) is a thing of its own, mentioned by its common-noun phrase, though no
    event takes it as an argument (the possessor keeps its own mention)."""
    for token in doc:
        if token.pos_ != "NOUN" or token.i in participants.events or participants.known(token) \
                or token.dep_ in ("appos", "attr"):
            continue  # "Airbus, Europe's biggest planemaker", "It is Boeing's best seller": the thing named
        modifiers = [c for c in token.lefts if participants.named(c)]
        # "its Airbus A400M transport plane" is the A400M: a name modifying the noun is left to
        # it, unless the noun names people ("iPod users", "iPhone 4 owners": not the iPod)
        people = token.tag_ == "NNS" and token.lemma_.lower() in PERSON_NOUNS
        if modifiers and (people or all(c.dep_ == "poss" for c in modifiers)):
            participants.entity(token)


def _trigger(token, lexicon, named_tokens, verbs=frozenset()):
    """(lemma, particle token or None) when the token heads an event."""
    if token.i in named_tokens:
        return None
    lemma = token.lemma_.lower()
    if _copula(token):
        return lemma, None
    if token.pos_ == "VERB" and token.tag_.startswith("VB"):
        if lemma in _SKIP_LEMMAS or not lemma.isalpha() or _noun_tagged_verb(token):
            return None
        if token.dep_ == "prep" and token.tag_ == "VBG" and token.head.pos_ != "AUX":
            # "six people, including two teenagers", "following the vote": a preposition (but the
            # parser reads "is including two clauses" so too)
            return None
        if lemma == "compare" and token.tag_ == "VBN" and token.dep_ in ("prep", "advcl") \
                and any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in token.children):
            return None  # "a loss, compared with a profit a year earlier": a preposition too
        particle = _particle(token, lexicon)
        if particle is not None:
            return f"{lemma} {particle.lower_}", particle
        return lemma, None
    if token.pos_ == "NOUN" and (lexicon.is_event_noun(lemma) or lexicon.deverbal(lemma, verbs)
                                 or _zero_derived(token, lexicon)):
        return lemma, None
    if token.pos_ == "ADJ" and lemma in lexicon.adjectives and token.dep_ in ("acomp", "oprd"):
        return lemma, None  # "shot dead", "nine people were dead": a result said of someone
    return None


# Classes of the verbs whose bare form is also a noun of the same event ("a move", "a gain of
# 5%", "a dip in sales"): changes of value and motion
_ZERO_CLASSES = ("kgo:Increase", "kgo:Decrease", "kgo:Move")
# What a change or a motion says with a preposition: of what or by how much, in what, to or from where
# ("in" is left out: "a dip in sales", but "a sink in the corner")
_ZERO_PREPS = {"of", "to", "toward", "towards", "into"}


def _zero_derived(token, lexicon) -> bool:
    """"the move to cut jobs", "a gain of 5%", "a move towards the capital": a noun that is the
    bare form of a lexicon verb of change or motion names that event when a determiner opens it
    and by how much or where to follows (a preposition or an infinitive). Not "the kitchen
    sink", nor "a sink in the corner"."""
    lemma = token.lemma_.lower()
    if lemma not in lexicon.verbs or not any(c.dep_ in ("det", "poss") for c in token.children):
        return False
    kind = lexicon.event_type(lemma, pos="VERB")
    if not any(lexicon.is_a(kind, cls) for cls in _ZERO_CLASSES):
        return False
    for child in token.children:
        if child.dep_ == "acl" and child.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return True  # "the move to cut jobs"
        if child.dep_ == "prep" and child.lower_ in _ZERO_PREPS:
            if any(c.dep_ == "pobj" for c in child.children):
                return True
    return False


# Dependencies only a noun phrase fills (a subject may be a verb the parser misread in a
# headline, "Apple releases iPhone SDK, announces ...", so subjects are not among them)
_OBJECT_DEPS = {"nsubjpass", "dobj", "iobj", "pobj", "poss"}


def _noun_tagged_verb(token) -> bool:
    """"windows in nearby buildings were shattered", "all contact means": a plural noun the
    tagger read as a verb, which the parser still attaches as an object or a passive subject.
    Only a gerund is a verb in those places ("stopped flying"). A base form in subject
    position with a determiner before it is a noun too ("making the liaison office a target"):
    no verb takes "the"."""
    if token.dep_ == "nsubj" and token.tag_ == "VB":
        return any(t.dep_ == "det" for t in token.subtree if t.i < token.i)
    return token.dep_ in _OBJECT_DEPS and token.tag_ != "VBG"


def _copula(token) -> bool:
    """"The airline is the third largest", "there was a glitch": a state, which MEANTIME and
    TimeML count as events (measured: events .838 -> .860, anchor .502 -> .522)."""
    return (token.lemma_ == "be" and token.tag_.startswith("VB") and token.dep_ not in ("aux", "auxpass")
            and any(c.dep_ in ("nsubj", "expl") for c in token.children))


def _particle(token, lexicon):
    """The particle of a phrasal verb: spaCy marks "blew up" as prt, but "walked off the job"
    and "stepped down" with prep or advmod; the lexicon decides which pairs are phrasal."""
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ in ("prep", "advmod") and child.i == token.i + 1):
            if lexicon.phrasal(token.lemma_.lower(), child.lower_):
                return child
        if child.dep_ == "dobj" and child.i == token.i + 1 and child.lower_ in IDIOM_OBJECTS.get(token.lemma_.lower(), ()) \
                and lexicon.phrasal(token.lemma_.lower(), child.lower_):
            return child  # "opened fire": an idiom the lexicon lists as one event
    return None


def _noun_tense(token) -> str:
    head = token.head
    while head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return tense(head) if head.pos_ in ("VERB", "AUX") else "past"


def _name_tokens(doc, entities) -> set[int]:
    """Tokens inside proper names: "Shared" in a company's name is no event."""
    tokens = set()
    for entity in entities:
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and any(t.pos_ == "PROPN" for t in span):
                tokens.update(t.i for t in span if t.pos_ == "PROPN" or t.is_title)
    return tokens
