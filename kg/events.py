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
from .nlp import VERBS_TABLE, text_of
from .participants import Participants
from .resources import coarse_type

_SKIP_LEMMAS = {"be", "have", "do", "accord", "include", "base", "say"}  # "say" is kept below
_SKIP_LEMMAS.discard("say")
_LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "from", "into", "over", "to", "via",
             "onto", "around", "within", "off"}
_OBJECT_CONTROL = {"ask", "urge", "order", "tell", "force", "persuade", "allow", "invite", "require", "help",
                   "appoint", "hire", "name", "choose", "elect", "select", "pick", "authorize", "encourage"}
# Verbs whose subject undergoes the event when they have no object (PropBank Arg1):
# "the jetliner crashed", "prices rose", "the talks collapsed".
_UNACCUSATIVE = {"crash", "die", "fall", "rise", "drop", "decline", "increase", "decrease", "grow", "shrink",
                 "collapse", "explode", "sink", "arrive", "happen", "occur", "emerge", "disappear", "vanish",
                 "burn", "break", "freeze", "melt", "soar", "plunge", "slump", "surge", "jump", "tumble",
                 "climb", "slide", "slip", "fail", "stall", "land", "depart", "begin", "end", "start",
                 "stop", "continue", "remain", "survive", "suffer", "recover", "expire", "close", "open"}
# Motion verbs whose vehicle subject is moved, not the mover: "the aircraft can fly" (PropBank fly.01 Arg1)
_VEHICLE_MOTION = {"fly", "sail", "drive", "refuel", "taxi", "cruise", "travel", "head", "return"}
# Verbs whose thing given comes with "with": "supply the Air Force with tankers"
_SUPPLY = {"supply", "provide", "equip", "fit", "furnish", "arm", "present", "reward", "feed", "load"}
_PLACE_TYPES = ("schema:Country", "schema:City", "schema:Place", "schema:AdministrativeArea", "schema:State",
                "schema:Continent", "schema:Landform", "schema:BodyOfWater", "schema:Airport")


def extract_events(doc, entities: tuple[Entity, ...], times: tuple[TimeMention, ...],
                   published: date | None = None) -> tuple[tuple[Event, ...], tuple[Entity, ...]]:
    """The events of one article, and its entities: those given, with the pronouns resolved
    for event arguments added to their mentions, and the nominal entities minted for arguments."""
    lexicon = load_lexicon()
    verbs = doc.vocab.lookups.get_table(VERBS_TABLE) if doc.vocab.lookups.has_table(VERBS_TABLE) else {}
    participants = Participants(doc, entities)
    places = {e.key for e in entities if e.type in _PLACE_TYPES or _is_place(e.type)}
    located = {e.key: e.contained_in for e in entities if e.contained_in}
    located.update(_locations(doc, participants, places))
    named_tokens = _name_tokens(doc, entities)
    time_of = _time_index(doc, times)
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
        agents, patients = _roles(token, participants)
        agents = tuple(k for k in agents if participants.can_act(k))
        where = _places(token, participants, places) or _located_place([*agents, *patients], located, places)
        start = token.idx
        end = particle.idx + len(particle.text) if particle is not None and particle.i == token.i + 1 else token.idx + len(token.text)
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
        kind = lexicon.event_type(token.lemma_.lower(), pos=pos, particle=particle.lower_ if particle is not None else None)
        when = _clause_time(token, time_of)
        if when is None and today and pos == "VERB" and _reports_today(token, kind, lexicon) and factuality(token) == "asserted":
            when = today
        events.append(Event(
            trigger=Span(start, end, text_of(doc)[start:end]),
            lemma=lemma,
            type=kind,
            agents=_unique(agents),
            patients=_unique(k for k in patients if k not in agents),
            places=where,
            time=when,
            factuality=factuality(token),
            tense=tense(token) if pos == "VERB" else _noun_tense(token),
        ))
    return tuple(events), participants.with_resolved(entities) + participants.new_entities()


def _reports_today(token, kind: str, lexicon) -> bool:
    """A main-clause statement with no date of its own ("the ministry confirmed that ...",
    "Boeing says"), or a main-clause present perfect ("Airbus has won an order"): news
    reports these on the day of publication. (Measured on MEANTIME: stating every present
    tense main verb as happening on that day costs more precision than it gains.)"""
    if token.dep_ != "ROOT" or tense(token) not in ("past", "present"):
        return False
    perfect = token.tag_ == "VBN" and any(c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in token.children)
    return perfect or lexicon.is_a(kind, "kgo:MakeStatement")


def _trigger(token, lexicon, named_tokens, verbs=frozenset()):
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
    if token.pos_ == "NOUN" and (lexicon.is_event_noun(lemma) or lexicon.deverbal(lemma, verbs)):
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
        if child.dep_ == "nsubj":  # "One of the A380s is flying": the A380s
            agents += _with_conjuncts(_antecedent(_quantity_of(child)), participants, may_create=True)
        elif child.dep_ == "agent":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                agents += _with_conjuncts(_antecedent(pobj), participants)
    if not agents and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        agents += _inherited_subject(token, participants)
    for child in token.children:
        if child.dep_ == "nsubjpass" or (child.dep_ in ("dobj", "attr") and token.lemma_ != "be"):
            if child.dep_ == "dobj" and token.lemma_ in _SUPPLY and _with_object(token) is not None:
                continue  # "supply the Air Force with tankers": the Air Force receives
            patients += _with_conjuncts(_antecedent(_quantity_of(child)), participants, exclude=tuple(agents))
    supplied = _with_object(token) if token.lemma_ in _SUPPLY else None
    if supplied is not None:
        patients += _with_conjuncts(supplied, participants, exclude=tuple(agents))
    if token.lemma_ in _UNACCUSATIVE and not any(c.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp") for c in token.children):
        agents, patients = [], agents + patients  # "the jetliner crashed": it underwent the crash
    elif token.lemma_ in _VEHICLE_MOTION and not any(c.dep_ == "dobj" for c in token.children):
        moved = [k for k in agents if _undergoes(k, participants)]  # "the aircraft can fly": it is flown
        agents, patients = [k for k in agents if k not in moved], moved + patients
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "the office, staffed by personnel": the office is the patient
        key = participants.entity(token.head)
        if key:
            patients.append(key)
    return agents, patients


def _undergoes(key: str, participants) -> bool:
    """Products and things undergo what is done with them; people and organisations act."""
    return coarse_type(participants.types.get(key, "schema:Thing")) in ("product", "thing")


def _antecedent(token):
    """A relative pronoun stands for the noun its clause modifies: "AirTanker, who retains"."""
    if token.tag_ in ("WDT", "WP") or (token.lower_ == "that" and token.dep_ in ("nsubj", "nsubjpass", "dobj")):
        clause = token.head
        while clause.dep_ != "relcl" and clause.head.i != clause.i and clause.pos_ in ("VERB", "AUX"):
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


def _quantity_of(token):
    """"purchase 20 of Boeing's 777 planes": the planes, not the number."""
    if token.pos_ == "NUM" or token.lower_ in ("some", "all", "many", "most", "one", "none", "part", "half"):
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return token


def _with_object(token):
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _inherited_subject(token, participants) -> list[str]:
    """Control, coordination and participles: the subject of the verb this one depends on
    ("threatened to close", "said and added", "citing flaws"), and for "a contract to
    supply" the subject of the verb whose object the noun is ("won a contract to supply")."""
    head = token.head
    if head.i == token.i:
        return []
    if token.dep_ == "acl" and _is_infinitive(token) and head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "pobj"):
        verb = head.head if head.dep_ == "dobj" else head.head.head
        return _subject_of(verb, participants) if verb.pos_ == "VERB" else []
    if token.dep_ not in ("xcomp", "conj", "advcl"):
        return []
    if token.dep_ == "xcomp" and head.lemma_ in _OBJECT_CONTROL:
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if objects:
            return _with_conjuncts(objects[0], participants)
    if token.dep_ == "advcl" and not (_is_infinitive(token) or token.tag_ in ("VBG", "VBN")):
        return []
    return _subject_of(head, participants)


def _subject_of(verb, participants) -> list[str]:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _with_conjuncts(_antecedent(child), participants, may_create=True)
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _with_conjuncts(pobj, participants)
    if verb.pos_ in ("VERB", "AUX") and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return _inherited_subject(verb, participants)
    return []


def _is_infinitive(token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _nominal_roles(token, participants) -> tuple[list[str], list[str]]:
    agents, patients = [], []
    for child in token.children:
        if child.dep_ in ("poss", "compound"):
            # "Airbus's offer": Airbus offers; "the plane's maiden flight", "A380 delays": the
            # plane flies, the A380 is delayed (a thing that undergoes, PropBank's Arg1)
            for key in _with_conjuncts(child, participants, may_create=False):
                (patients if _undergoes(key, participants) else agents).append(key)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                patients += _with_conjuncts(pobj, participants)
        elif child.dep_ == "prep" and child.lower_ in ("by", "between", "from", "among"):
            for pobj in (c for c in child.children if c.dep_ == "pobj"):  # "a dispute between Airbus and Boeing"
                agents += _with_conjuncts(pobj, participants, may_create=child.lower_ != "from")
        elif child.dep_ == "prep" and child.lower_ == "for" and not patients:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):  # "an order for 60 jets"
                patients += _with_conjuncts(_quantity_of(pobj), participants)
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


def _places(token, participants, places) -> tuple[str, ...]:
    """Place entities in the locative phrases of the trigger's clause: "in Kaesong", "from
    New York to Singapore", "cut 4,300 jobs in France, Germany and Spain" (a locative on the
    object counts), "Dockworkers in Rotterdam walked off" (so does one on the subject).
    A coordinated verb without its own shares the first verb's ("selected and purchased")."""
    found = []
    for prep in _locative_preps(token):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for node in [pobj, *_conjuncts(pobj), *_appositions(pobj)]:
                if node.pos_ not in ("PROPN", "NOUN"):
                    continue  # "an American plant": a demonym says whose, not where
                key = participants.entity(node, may_create=False)
                if key in places:
                    found.append(key)
    if not found and token.dep_ == "conj" and token.head.pos_ == "VERB":
        return _places(token.head, participants, places)
    return _unique(found)


def _locative_preps(token):
    """Locative prepositions on the trigger, on its arguments, and one level into them."""
    heads = [token] + [c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")]
    for head in list(heads):  # "in ceremonies in Long Beach"
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE):
            heads += [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE:
                yield child
            elif child.dep_ == "prep" and child.lower_ == "out" and any(c.lower_ == "of" for c in child.children):
                yield from (c for c in child.children if c.lower_ == "of")


def _appositions(token):
    """"Mobile, Alabama": the state is part of the place phrase."""
    return [c for c in token.children if c.dep_ in ("appos", "npadvmod")]


def _located_place(participants, located, places) -> tuple[str, ...]:
    """Where the text locates a participant ("the town where the building was located")."""
    for key in participants:
        where = located.get(key)
        if where in places:
            return (where,)
    return ()


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
    """The date in the trigger's own clause; for a verb, else the date of a clause it depends
    on ("delivered ... on Tuesday, bringing production to an end"); for a noun, the date of
    the clause it is an argument of ("signed the agreement on June 15")."""
    own = _own_date(token, time_of)
    if own is not None:
        return own
    if token.dep_ == "relcl" and token.head.i in time_of:  # "since January, when it was closed"
        return time_of[token.head.i]
    if token.pos_ == "NOUN":
        if token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and token.head.pos_ in ("VERB", "AUX"):
            return _own_date(token.head, time_of)
        return None
    node = token
    while node.dep_ in ("conj", "advcl", "xcomp") and node.head.i != node.i:
        node = node.head
        found = _own_date(node, time_of)
        if found is not None:
            return found
    return None


def _own_date(token, time_of) -> str | None:
    """A date inside the trigger's phrase with no other verb between them."""
    for t in token.subtree:
        if t.i in time_of and _no_verb_between(t, token):
            return time_of[t.i]
    return None


def _no_verb_between(t, top) -> bool:
    node = t.head
    while node.i != top.i:
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return True


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
