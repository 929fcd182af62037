"""Event frames from the dependency parse: triggers, agent, patient, place, time, factuality.

Verbal predicates (with their particle: "blow up", "cut off"), and nouns the lexicon knows
as events ("explosion", "meetings"). Roles follow PropBank: the agent is Arg0 (the active
subject, the "by" phrase of a passive), the patient Arg1 (the object, the passive subject).
Control verbs lend their subject to the infinitive ("it threatened to close it": the
closing's agent is "it"); coordinated verbs share a subject. Place comes from a locative
phrase, else from where the text locates the patient; time from the clause, else the sentence.
"""

from __future__ import annotations

from datetime import date

from .factuality import factuality, tense
from .lexicon import load_lexicon
from .model import Entity, Event, Span, TimeMention
from .participants import Participants
from .resources import coarse_type

_SKIP_LEMMAS = {"be", "have", "do", "accord", "include", "base", "say"}  # "say" is kept below
_SKIP_LEMMAS.discard("say")
_LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "from", "into", "over"}
_OBJECT_CONTROL = {"ask", "urge", "order", "tell", "force", "persuade", "allow", "invite", "require", "help",
                   "appoint", "hire", "name", "choose", "elect", "select", "pick", "authorize", "encourage"}
_PLACE_TYPES = ("schema:Country", "schema:City", "schema:Place", "schema:AdministrativeArea", "schema:State",
                "schema:Continent", "schema:Landform", "schema:BodyOfWater", "schema:Airport")


def extract_events(doc, entities: tuple[Entity, ...], times: tuple[TimeMention, ...],
                   published: date | None = None) -> tuple[tuple[Event, ...], tuple[Entity, ...]]:
    """The events of one article, and its entities: those given, with the pronouns resolved
    for event arguments added to their mentions, and the nominal entities minted for arguments."""
    lexicon = load_lexicon()
    participants = Participants(doc, entities)
    places = {e.key for e in entities if e.type in _PLACE_TYPES or _is_place(e.type)}
    located = {e.key: e.contained_in for e in entities if e.contained_in}
    located.update(_locations(doc, participants, places))
    named_tokens = _name_tokens(doc, entities)
    time_of = _time_index(doc, times)
    # the publication date, when the text itself names it (a dateline, "on Tuesday")
    today = published.isoformat() if published and any(t.value == published.isoformat() for t in times) else None
    events = []
    for token in doc:
        trigger = _trigger(token, lexicon, named_tokens)
        if trigger is None:
            continue
        lemma, particle = trigger
        agents, patients = _roles(token, participants)
        agents = tuple(k for k in agents if participants.can_act(k))
        place = _place(token, participants, places) or _located_place(patients, located, places)
        start = token.idx
        end = particle.idx + len(particle.text) if particle is not None and particle.i == token.i + 1 else token.idx + len(token.text)
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
        kind = lexicon.event_type(token.lemma_.lower(), pos=pos, particle=particle.lower_ if particle is not None else None)
        when = _clause_time(token, time_of)
        if when is None and today and pos == "VERB" and _reports_today(token, kind, lexicon) and factuality(token) == "asserted":
            when = today
        events.append(Event(
            trigger=Span(start, end, doc.text[start:end]),
            lemma=lemma,
            type=kind,
            agents=_unique(agents),
            patients=_unique(k for k in patients if k not in agents),
            place=place,
            time=when,
            factuality=factuality(token),
            tense=tense(token) if pos == "VERB" else _noun_tense(token),
        ))
    return tuple(events), participants.with_resolved(entities) + participants.new_entities()


def _reports_today(token, kind: str, lexicon) -> bool:
    """A statement in a main clause with no date of its own ("the ministry confirmed that
    ..."): news reports statements on the day of publication."""
    return (token.dep_ == "ROOT" and tense(token) in ("past", "present")
            and lexicon.is_a(kind, "kgo:MakeStatement"))


def _trigger(token, lexicon, named_tokens):
    """(lemma, particle token or None) when the token heads an event."""
    if token.i in named_tokens:
        return None
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and token.tag_.startswith("VB"):
        if lemma in _SKIP_LEMMAS or not lemma.isalpha():
            return None
        particle = _particle(token, lexicon)
        if particle is not None:
            return f"{lemma} {particle.lower_}", particle
        return lemma, None
    if token.pos_ == "NOUN" and lexicon.is_event_noun(lemma):
        return lemma, None
    return None


def _particle(token, lexicon):
    """The particle of a phrasal verb: spaCy marks "blew up" as prt, but "walked off the job"
    and "stepped down" with prep or advmod; the lexicon decides which pairs are phrasal."""
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ in ("prep", "advmod") and child.i == token.i + 1):
            if lexicon.phrasal(token.lemma_.lower(), child.lower_):
                return child
    return None


def _roles(token, participants: Participants) -> tuple[list[str], list[str]]:
    """Agent and patient entity keys for a verbal or nominal trigger."""
    if token.pos_ == "NOUN":
        return _nominal_roles(token, participants)
    agents, patients = [], []
    for child in token.children:  # subjects first: an object pronoun is never its own verb's subject
        if child.dep_ == "nsubj":
            agents += _with_conjuncts(child, participants, may_create=True)
        elif child.dep_ == "agent":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                agents += _with_conjuncts(pobj, participants)
    if not agents and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        agents += _inherited_subject(token, participants)
    for child in token.children:
        if child.dep_ == "nsubjpass" or (child.dep_ in ("dobj", "attr") and token.lemma_ != "be"):
            patients += _with_conjuncts(child, participants, exclude=tuple(agents))
    if token.dep_ == "relcl" and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.tag_ != "WDT" for c in token.children):
        key = participants.entity(token.head)
        if key:
            (agents if any(c.dep_ == "nsubj" for c in token.children) else patients).append(key)
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "the office, staffed by personnel": the office is the patient
        key = participants.entity(token.head)
        if key:
            patients.append(key)
    return agents, patients


def _inherited_subject(token, participants) -> list[str]:
    """Control and coordination: the subject of the verb this one depends on."""
    head = token.head
    if head.i == token.i or token.dep_ not in ("xcomp", "conj", "advcl"):
        return []
    if token.dep_ == "xcomp" and head.lemma_ in _OBJECT_CONTROL:
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if objects:
            return _with_conjuncts(objects[0], participants)
    if token.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return []
    for child in head.children:
        if child.dep_ == "nsubj":
            return _with_conjuncts(child, participants, may_create=True)
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _with_conjuncts(pobj, participants)
    return _inherited_subject(head, participants) if head.pos_ in ("VERB", "AUX") else []


def _nominal_roles(token, participants) -> tuple[list[str], list[str]]:
    agents, patients = [], []
    for child in token.children:
        if child.dep_ == "poss":
            agents += _with_conjuncts(child, participants, may_create=False)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                patients += _with_conjuncts(pobj, participants)
        elif child.dep_ == "prep" and child.lower_ == "by":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                agents += _with_conjuncts(pobj, participants)
        elif child.dep_ == "compound":
            key = participants.entity(child, may_create=False)
            if key:
                agents.append(key)
    head = token.head
    if token.dep_ == "dobj" and head.lemma_ in ("hold", "have", "make", "conduct", "stage", "launch") and not agents:
        for child in head.children:  # "Kim and Moon held meetings": the subject of the light verb acts
            if child.dep_ == "nsubj":
                agents += _with_conjuncts(child, participants)
    return agents, patients


def _with_conjuncts(token, participants, may_create: bool = True, exclude: tuple[str, ...] = ()) -> list[str]:
    keys = []
    for node in [token, *_conjuncts(token)]:
        key = participants.entity(node, may_create=may_create, exclude=exclude)
        if key:
            keys.append(key)
    return keys


def _conjuncts(token):
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjuncts(child)


def _place(token, participants, places) -> str | None:
    """A place entity in a locative phrase of the trigger ("in Kaesong", "at the border")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _LOCATIVE:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                key = participants.entity(pobj, may_create=False)
                if key in places:
                    return key
    return None


def _located_place(patients, located, places) -> str | None:
    """Where the text locates the patient ("the town where the building was located")."""
    for key in patients:
        where = located.get(key)
        if where in places:
            return where
    return None


_LOCATING = {"locate", "base", "situate", "house", "headquarter"}


def _locations(doc, participants, places) -> dict[str, str]:
    """What the text locates where: "the town where the building was located",
    "a factory located in Toulouse", "Seattle-based Boeing" is left to the entity layer."""
    found = {}
    for token in doc:
        if token.lemma_ not in _LOCATING or token.tag_ != "VBN":
            continue
        thing = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if thing is None and token.dep_ == "acl":
            thing = token.head
        where = None
        if any(c.lower_ == "where" for c in token.children) and token.dep_ == "relcl":
            where = participants.entity(token.head, may_create=False)
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                where = participants.entity(pobj, may_create=False) or where
        key = participants.entity(thing, may_create=False) if thing is not None else None
        if key and where in places and key != where:
            found.setdefault(key, where)
    return found


def _time_index(doc, times) -> dict[int, str]:
    index = {}
    for tm in times:
        span = doc.char_span(tm.span.start, tm.span.end, alignment_mode="expand")
        for token in span or ():
            index[token.i] = tm.value
    return index


def _clause_time(token, time_of) -> str | None:
    """The date in the trigger's own clause, else elsewhere in its sentence (nearest first)."""
    clause = [t for t in token.subtree if t.i in time_of and _clause_head(t) == token]
    if clause:
        return time_of[clause[0].i]
    if token.pos_ == "NOUN":
        head = token.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            clause = [t for t in head.subtree if t.i in time_of and _clause_head(t) == head]
            if clause:
                return time_of[clause[0].i]
    sentence = [t for t in token.sent if t.i in time_of]
    if sentence:
        return time_of[min(sentence, key=lambda t: abs(t.i - token.i)).i]
    return None


def _clause_head(token):
    """The nearest verb or event noun above a token."""
    node = token.head
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node


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


def _is_place(curie: str) -> bool:
    return coarse_type(curie) == "place"


def _unique(keys) -> tuple[str, ...]:
    return tuple(dict.fromkeys(keys))
