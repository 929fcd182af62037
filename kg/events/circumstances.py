"""Where and when an event happened: its places and its date, as the text states them.

Places come from locative phrases on the trigger and its arguments ("in Kaesong", "from New
York to Singapore", "at its headquarters"), else from where the text locates a participant
("the town where the building was located"). The date is the one in the trigger's own phrase, else in the clause
it depends on; a main-clause statement or present perfect takes the publication date when
the text names that date.
"""

from __future__ import annotations

import re

from kg.linking.gazetteer import name_key
from kg.text.tokens import conjuncts, is_headline
from kg.vocab.lexicon import load_lexicon
from kg.vocab.resources import coarse_type
from kg.vocab.words import INSTITUTION_HEADS, PLACE_NOUNS, VALUE_NOUNS, type_of

from .factuality import LIGHT, OCCUR, SERIES, factuality, occurs, set_for, stands_for, tense
from .participants import unique
from .roles import striking_verb

# Classes of journeys: their nouns take the places they go to with "of" ("a tour of Asia"),
# and what they are made for happens where they go
TRAVEL = ("kgo:Visit", "kgo:Move", "kgo:Fly")

_LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "from", "into", "over", "to", "via",
             "onto", "around", "within", "off", "before", "on", "along", "beside"}  # "before the court": only places and institutions count

# Settlements and states, which "on" makes a target rather than a place ("sanctions on Iran",
# "an assault on the town"); a street, a site or a building after "on" is where ("on Oxford
# Street", "on the bridge", "on the base")
_TARGETS_AFTER_ON = {"country", "region", "city", "town", "village", "capital", "province", "district", "state"}
_STREETS = {"street", "st", "road", "avenue", "boulevard"}


# Determiners of a quantity of places, none of which the event is said to be at
_EVERY = {"every", "each", "all", "any", "most", "many", "several", "some"}

# Nouns of a part of a place, which is where the part is: "in the north of Mali", "on the
# outskirts of Kabul", "in the centre of Lyon"
_PARTS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre",
          "center", "heart", "outskirts", "edge", "part", "rest", "suburbs", "area"}


def _part_of(node) -> list:
    """"the north of Mali": Mali (and its conjuncts), when the noun names a part of what follows."""
    if node.lemma_.lower() not in _PARTS and node.lower_ not in _PARTS:
        return []
    return [p for prep in node.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children if pobj.dep_ == "pobj" for p in [pobj, *conjuncts(pobj)]]


# Words of a direction away from a place: "20 km north of Baghdad", "just west of Kabul" say
# where an event happened as "near Kabul" does
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "north-east", "north-west", "south-east", "south-west"}

# Adverbs of place, and of a level a value stands at, whose locative phrase says where the
# verb's event was: "Elsewhere in Asia, the Hang Seng fell", "Here in Detroit, workers
# protested", "shares were up 3% in Tokyo"
_PLACE_ADVERBS = {"elsewhere", "here", "there", "back", "abroad", "overseas", "nearby"}
_LEVELS = {"up", "down", "higher", "lower"}

# Nouns of a division of a country, which a name before them names whole: "in Anbar province",
# "in Kent county" are Anbar and Kent (a building before a name is not: "at its Cupertino
# headquarters" is the headquarters)
_DIVISIONS = {"province", "state", "region", "district", "county", "governorate", "prefecture", "municipality",
              "oblast", "territory"}


def _named_division(node, participants, places) -> list:
    """"in Anbar province": the named place for the noun of its division."""
    if node.pos_ != "NOUN" or node.lemma_.lower() not in _DIVISIONS:
        return []
    return [c for c in node.children if c.dep_ == "compound" and c.pos_ == "PROPN"
            and participants.entity(c, may_create=False) in places]


def _named_before(node, participants, places) -> list:
    """"in New York trading", "at the Detroit auto show", "at the Geneva motor show": a place
    named before the noun of a locative phrase is where it was (not after "over" or "on": "a
    row over the Iran deal"), however many nouns stand between ("Geneva" modifies "motor").
    A building or an institution is the place itself ("at its Cupertino headquarters", "in a
    London court"). A named event is where its name says, when the text names that place
    ("at the Paris Air Show" is in Paris)."""
    if node.pos_ == "PROPN" and coarse_type(participants.types.get(participants.entity(node, may_create=False)
                                                                     or "", "schema:Thing")) == "event":
        return _named_in_its_name(node, participants, places)
    if node.pos_ != "NOUN" or _is_site(node) or node.lemma_.lower() in INSTITUTION_HEADS:
        return []
    return [c for c in _compounds(node) if c.pos_ == "PROPN" and participants.entity(c, may_create=False) in places]


def _compounds(node) -> list:
    """The nouns compounded before a noun, and those before them: "Geneva" and "motor" in
    "the Geneva motor show"."""
    found = []
    for child in (c for c in node.children if c.dep_ == "compound" and c.i < node.i):
        found += [child, *(_compounds(child) if child.pos_ == "NOUN" else [])]
    return found


def _named_in_its_name(node, participants, places) -> list:
    """"the Paris Air Show", "the Frankfurt Motor Show": the place a named event's first words
    name, when the text names it as a place of its own (the name finder makes the event's whole
    name one mention, so the town in it is found by its name)."""
    event = participants.entity(node, may_create=False)
    called = _place_names(node.doc, participants, places)
    words = [t for t in node.doc[node.left_edge.i : node.i] if t.pos_ == "PROPN"]
    for end in range(len(words), 0, -1):  # the longest run of first words: "New York", not "New"
        named = called.get(name_key(" ".join(t.text for t in words[:end])))
        if named is not None and participants.entity(named, may_create=False) != event:
            return [named]
    return []


def _place_names(doc, participants, places) -> dict:
    """The article's place names, folded, and a token of the place each names: each run of
    tokens of one place's mention ("New York" -> "York", a token of the city)."""
    called, run = {}, []
    for token in [*doc, None]:
        key = participants.entity(token, may_create=False) if token is not None else None
        if run and (key != run[-1][1] or token.i != run[-1][0].i + 1 or token.text == ","):
            if run[0][1] in places:
                called.setdefault(name_key(" ".join(t.text for t, _ in run)), run[-1][0])
            run = []
        if key is not None and token.text != ",":
            run.append((token, key))
    return called


def _on_site(node) -> bool:
    """Whether "on" + this noun says where: a street named, or a site or building."""
    if node.pos_ == "PROPN":
        return node.lower_.rstrip(".") in _STREETS
    return node.lemma_.lower() in PLACE_NOUNS and node.lemma_.lower() not in _TARGETS_AFTER_ON


# Prepositions whose date starts or ends a stretch of time, and adverbs that move a
# clause away from the date of the clause it depends on
_BOUNDARIES = {"since", "until", "till", "by", "before", "after"}
_BASELINES = {"from", "than", "over", "versus", "vs."}
# Conjunctions that put a clause before or after the one it hangs on
_SEQUENCE = {"after", "before", "until", "till", "once", "since"}
_ANOTHER_TIME = {"later", "afterwards", "afterward", "subsequently", "earlier", "previously"}
# Verbs that say, judge, decide or ask something of an event: the event they take as object is
# at its own time ("rejected the proposal in October", "condemned the attack on Tuesday",
# "announced job cuts on Monday"), not at theirs (a report of results is of its period)
_ABOUT_AN_EVENT = ("kgo:MakeStatement", "kgo:Disapprove", "kgo:Reject", "kgo:Approve", "kgo:Demand", "kgo:Appeal",
                   "kgo:Investigate", "kgo:Threaten", "kgo:EngageInDiplomaticCooperation", "kgo:Consult",
                   "kgo:ExpressIntentToCooperate")
_OF_ITS_TIME = ("kgo:ReportResults", "kgo:Sue")


def reports_today(token, kind: str, lexicon) -> bool:
    """A main-clause statement with no date of its own ("the ministry confirmed that ...",
    "Boeing says"), a main-clause present perfect ("Airbus has won an order") or present
    ("the store sells music"): news reports these on the day of publication. Not in a
    headline, whose present tells of a past event of no particular day ("Airbus wins
    contract"). (Measured on MEANTIME: the present adds anchor F1 .442 -> .493; every past
    main verb, or present verbs in subordinate clauses, cost more precision than they gain.)"""
    said = tense(token)
    if token.dep_ != "ROOT" or said not in ("past", "present") or is_headline(token) or _told_when(token):
        return False
    perfect = token.tag_ == "VBN" and any(c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in token.children)
    if any(c.dep_ == "prep" and c.lower_ == "since" for c in token.children):
        return False  # "relations have soured since then" tells of a stretch of time, not a day
    present = said == "present" and _finite_tense(token) == "present"
    return perfect or present or lexicon.is_a(kind, "kgo:MakeStatement")


def _told_when(verb) -> bool:
    """The clause says when, though kg found no day for it ("The Treasury said the following
    day", "said a week later" after a date of no day): it is then, not the story's day."""
    for child in verb.children:
        words = [child] if child.dep_ in ("npadvmod", "advmod") else [
            t for t in child.children if t.dep_ == "pobj"] if child.dep_ == "prep" else []
        if any(w.ent_type_ in ("DATE", "TIME") for w in words):
            return True
    return False


def places_of(token, participants, places) -> tuple[str, ...]:
    """Place entities in the locative phrases of the trigger's clause: "in Kaesong", "from
    New York to Singapore", "cut 4,300 jobs in France, Germany and Spain" (a locative on the
    object counts), "Dockworkers in Rotterdam walked off" (so does one on the subject).
    A coordinated verb without its own shares the first verb's ("selected and purchased")."""
    found = []
    for prep in _locative_preps(token, participants, places):
        if _whom_to(prep):
            continue  # "sold its unit to Magna", "bought the planes from Europe": whom or where to or from, not where
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            parts = _part_of(pobj)
            named = _named_before(pobj, participants, places) if prep.lower_ in ("in", "at") else []
            nodes = [pobj, *conjuncts(pobj), *parts, *named]
            nodes += [a for n in nodes for a in _appositions(n)]  # "in Dearborn, Michigan, and Kansas City, Missouri"
            divisions = {n.i: _named_division(n, participants, places) for n in nodes}
            nodes = [m for n in nodes for m in (divisions[n.i] or [n])]
            for node in nodes:
                if node.pos_ not in ("PROPN", "NOUN"):
                    continue  # "an American plant": a demonym says whose, not where
                if _currency(node):
                    continue  # "priced at US $199": whose dollars, not where
                if any(c.dep_ in ("det", "amod", "predet") and c.lower_ in _EVERY for c in node.children):
                    continue  # "fell in every region", "in all its plants": no one place
                if prep.lower_ == "on" and not _on_site(node) and not _exchange(node) and node not in parts:
                    continue
                key = participants.entity(node, may_create=_is_site(node) or _exchange(node)
                                          or node.lemma_.lower() in INSTITUTION_HEADS and prep.lower_ in _AT_INSTITUTION)
                if key in places or (key and coarse_type(participants.types.get(key, "schema:Thing")) == "place"):
                    found.append(key)  # a named place, or a building or site ("at its headquarters")
                elif key and prep.lower_ in _AT_INSTITUTION and _institution(node, key, participants):
                    found.append(key)  # "in parliament", "before the Supreme Court"
                elif key and prep.lower_ in ("on", "in", "at") and _exchange(node) \
                        and coarse_type(participants.types.get(key, "schema:Thing")) == "organization":
                    found.append(key)  # "fell 6% on the New York Stock Exchange"
    if token.pos_ == "NOUN" and not _of_an_economy(token):  # "the Cupertino, California event"
        for child in (c for c in token.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"):
            key = participants.entity(child, may_create=False)
            if key in places:
                found.append(key)
    if not found and token.dep_ == "conj" and token.head.pos_ == "VERB" and not _own_clause(token) \
            and not _own_path(token):
        return places_of(token.head, participants, places)
    if not found and token.pos_ == "VERB" and _of_kind(token, set(), _STRIKING):
        # "a device exploded on Friday, wounding 13 people on a street in Lyon": what a blast, a
        # crash or an attack did to those it struck, it did where it happened (not "police are
        # hunting a suspect ..., wounding": the parse may hang the participle on any verb)
        found = [k for c in token.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > token.i
                 and not any(m.dep_ in ("mark", "nsubj") for m in c.children) and _of_kind(c, set(), _HARMING)
                 for k in places_of(c, participants, places)]
    if not found and token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_ in _WITNESSING:
        # "the city has seen numerous bombings", "Iraq witnessed clashes": where they happened
        found = [k for c in token.head.children if c.dep_ == "nsubj"
                 and (k := participants.entity(c, may_create=False)) in places]
    if not found and token.pos_ == "NOUN":
        found = _destination(token, participants, places)
    if not found:
        found = _where(token, participants, places)
    if not found:
        found = _there(token, participants, places)
    return unique(found)


# Classes of harm an event does to those it strikes, told in a participle after it ("killing
# five", "wounding 13 people in Lyon")
_HARMING = ("kgo:Kill", "kgo:Injure", "kgo:Destroy")
_STRIKING = ("kgo:Explode", "kgo:Accident", "kgo:Assault", "kgo:Fight", "kgo:Disaster")

# Verbs whose subject is where their object happened: "the republic has seen numerous bombings"
_WITNESSING = {"see", "witness", "experience", "suffer"}


def _there(token, participants, places) -> list[str]:
    """"GM has a plant in Lordstown. Workers there went on strike": "there" on the trigger or on
    its subject or object is the place last named in a locative phrase, in its sentence or the
    one before (not the "there" of "there were no injuries", which is no adverb)."""
    words = [token, *(c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))]
    there = next((c for w in words for c in w.children if c.dep_ == "advmod" and c.lower_ == "there"), None)
    if there is None:
        return []
    sentence = there.sent
    start = sentence.start if sentence.start == 0 else token.doc[sentence.start - 1].sent.start
    for word in reversed(token.doc[start : there.i]):
        if word.dep_ == "pobj" and word.head.lower_ in _WITHIN | {"to", "into"}:
            key = participants.entity(word, may_create=False)
            if key in places:
                return [key]
    return []


# Classes and nouns of what an economy or a market does: a country's name before them says
# whose economy ("the US slowdown", "the Japan recession"), not where something happened
_ECONOMY = ("kgo:Increase", "kgo:Decrease", "kgo:Grow")
_ECONOMY_NOUNS = {"recession", "recovery", "boom", "crisis", "inflation", "unemployment", "deficit", "surplus"}


def _of_an_economy(noun) -> bool:
    if noun.lemma_.lower() in _ECONOMY_NOUNS:
        return True
    lexicon = load_lexicon()
    kind = lexicon.event_type(noun.lemma_.lower(), pos="NOUN")
    return any(lexicon.is_a(kind, cls) for cls in _ECONOMY)


def _where(token, participants, places) -> list[str]:
    """"the bus station, where six people were killed": a relative clause opened by "where"
    happens at the place or site it hangs on."""
    if token.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in token.children):
        return []
    node = token.head
    key = participants.entity(node, may_create=_is_site(node))
    if key in places or (key and coarse_type(participants.types.get(key, "schema:Thing")) == "place"):
        return [key]
    return []


# Prepositions that put an event inside an institution ("in parliament", "at the UN") or by its
# building ("protesters gathered outside the court"); not "from", "to", "over": "a letter from
# the court", "appealed to the court" name a party
_AT_INSTITUTION = {"in", "at", "before", "inside", "outside", "near"}


def _institution(node, key: str, participants) -> bool:
    """An organisation that is also a place where things are done: a legislature or a court,
    named ("the Supreme Court", "the Bundestag") or not ("parliament")."""
    if coarse_type(participants.types.get(key, "schema:Thing")) != "organization":
        return False
    return node.lemma_.lower() in INSTITUTION_HEADS or node.lower_ in INSTITUTION_HEADS


def _exchange(node) -> bool:
    """A stock exchange, where shares are traded: "on the Tokyo Stock Exchange", "on the
    stock exchange", "on the Paris Bourse" (not "an exchange of prisoners", "in the market")."""
    lemma = node.lemma_.lower()
    if lemma == "bourse":
        return True
    if lemma not in ("exchange", "market"):
        return False
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() == "stock" for c in node.children)


def _destination(token, participants, places) -> list[str]:
    """"flew to Oslo for the wedding", "travelled to Rome for talks": the event a journey is
    made for happens where the journey goes."""
    verb = token.head.head
    if token.dep_ != "pobj" or token.head.lower_ != "for" or verb.pos_ != "VERB" or not _journey(verb):
        return []
    found = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found += [k for n in [pobj, *conjuncts(pobj), *_appositions(pobj)]
                      if (k := participants.entity(n, may_create=False)) in places]
    return found


# Classes of giving: what is sold, delivered, paid or given "to" a country or a company goes
# to it, and is not done there ("sold its unit to Magna", "shipped cars to China"), unlike a
# journey's "to" or "taken to hospital"
_GIVING = ("kgo:Sell", "kgo:Deliver", "kgo:Award", "kgo:Pay", "kgo:ProvideAid")
_GIVING_LEMMAS = {"give", "lend", "loan", "export", "transfer", "hand"}


def _whom_to(prep) -> bool:
    """"to" after a word of giving, "from" after one of getting: whom or where a thing goes to
    ("sold its unit to Magna", "shipped cars to China", "paid $50 million to a dealer in Texas")
    or comes from ("imports from China"), not where the giving or getting was."""
    return prep.lower_ == "to" and _gives(prep.head) or prep.lower_ == "from" and _gets(prep.head)


def _gives(word) -> bool:
    """A word of giving: a sale, a delivery, a payment, a loan, an export."""
    return _of_kind(word, _GIVING_LEMMAS, _GIVING)


def _of_kind(word, lemmas: set[str], classes: tuple[str, ...]) -> bool:
    """One of the words, or a verb or noun of one of the lexicon's classes."""
    if word.lemma_.lower() in lemmas:
        return True
    if word.pos_ not in ("VERB", "NOUN"):
        return False
    lexicon = load_lexicon()
    kind = lexicon.event_type(word.lemma_.lower(), pos=word.pos_)
    return any(lexicon.is_a(kind, cls) for cls in classes)


# Classes and words of getting: what is bought, imported or received "from" a country comes
# from there, and is not got there ("bought the plane from Europe", "imports from China")
_GETTING = ("kgo:Acquire", "kgo:Order")
_GETTING_LEMMAS = {"buy", "purchase", "import", "receive", "obtain", "borrow", "order", "acquire", "source"}


def _gets(word) -> bool:
    """A word of getting: a purchase, an import, an order, a loan taken."""
    return _of_kind(word, _GETTING_LEMMAS, _GETTING)


def _currency(node) -> bool:
    """"US $199", "HK$ 12", "A$ 50": a country's name marking whose dollars an amount is in."""
    following = node.nbor(1) if node.i + 1 < len(node.doc) else None
    return node.text.endswith("$") or following is not None and following.tag_ == "$" \
        and following.idx == node.idx + len(node.text) + len(node.whitespace_)


def _journey(verb) -> bool:
    lexicon = load_lexicon()
    kind = lexicon.event_type(verb.lemma_.lower(), pos="VERB")
    return any(lexicon.is_a(kind, travel) for travel in TRAVEL)


def _is_site(token) -> bool:
    """"at its headquarters", and a site noun capitalised in a name ("at their Everett Factory
    near Seattle"), unless a named venue says which town it is in ("the Grand Expo Hall in Lyon")."""
    if token.lemma_.lower() not in PLACE_NOUNS:
        return False
    return token.pos_ == "NOUN" or not any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in token.children)


def _own_clause(token) -> bool:
    """"can fly from London and has been named", "investors sold shares in Seoul, and the yen
    rose": a verb with its own auxiliary or its own subject is a clause of its own, and does
    not share the places of the verb it is coordinated with."""
    return any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "expl") for c in token.children)


def _own_path(verb) -> bool:
    """"made landfall near Chittagong and moved north towards the capital": a verb going its own
    way from where the first verb was is not where the first verb was."""
    return any(c.dep_ == "prep" and c.lower_ in ("to", "towards", "toward", "into")
               or c.dep_ == "advmod" and c.lower_ in _DIRECTIONS for c in verb.children)


def _locative_preps(token, participants, places):
    """Locative prepositions on the trigger, on its arguments, and one level into them. An
    argument that is an event keeps its own ("the departure from France was delayed")."""
    heads = [token] + [c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
                       and c.i not in participants.events and token.lemma_ != "be"]
    if token.pos_ == "VERB":  # "fell 12% in the US and 8% in Canada": an amount of the verb's, its own verb left out
        heads += [c for head in list(heads) for c in head.children if c.dep_ == "conj" and _amount(c)]
        # "builds the Pacifica in Windsor and the Ram in Saltillo": each object where it is made
        heads += [c for obj in token.children if obj.dep_ == "dobj" and obj.i not in participants.events
                  for c in conjuncts(obj) if c.pos_ in ("NOUN", "PROPN") and c.i not in participants.events
                  and not _own_clause(c)]
    if token.pos_ == "VERB":  # "the dollar fell against the yen in Tokyo": a rate is traded where the verb says
        heads += [c for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("against", "versus")
                  for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in VALUE_NOUNS]
    if token.pos_ == "NOUN":  # "a media event held at its headquarters"
        heads += [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    lead = _series(token)
    if lead is not token:  # "a wave of shootings in the suburbs", "a series of raids broke out in Gao"
        heads.append(lead)
    if token.pos_ == "NOUN" and lead.dep_ == "nsubj" and occurs(lead.head, _OCCURRING):
        heads.append(lead.head)  # "the explosion was at the bus station", "the attack took place near Gao"
    if token.pos_ == "NOUN" and lead.dep_ in ("dobj", "nsubjpass") and _lends_place(lead.head):
        # "launched an offensive in the north", "held talks in Geneva", "elections were held in
        # Poland": a light verb's places are its noun's
        heads.append(lead.head)
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "on" and token.head.head.lemma_ == "go":
        heads.append(token.head.head)  # "workers went on strike in Windsor", "went on trial in Paris"
    if token.pos_ == "NOUN":  # "the talks, which were held in Geneva", "a protest that began in the square"
        heads += [c for c in token.children if c.dep_ == "relcl" and _relative_subject(c)
                  and (_lends_place(c) and _passive(c) or occurs(c, _OCCURRING))]
    # "condemned the attack in a speech in Bamako": the speech is how the verb was done, though
    # the parse hangs it on the object; its place is the verb's, not the attack's
    said_in = {p.i for p in token.children if _said_in(p)} if token.pos_ == "NOUN" and token.dep_ == "dobj" else set()
    if token.pos_ == "NOUN" and _about_an_event(token):  # "appealed the verdict at the Court of Appeal"
        said_in |= {p.i for p in token.children if _at_institution(p)}
    if token.pos_ == "VERB":
        heads += [c for obj in token.children if obj.dep_ == "dobj" and obj.i in participants.events
                  for prep in obj.children if _said_in(prep) for c in prep.children if c.dep_ == "pobj"]
    struck = striking_verb(token) if token.pos_ == "NOUN" else None
    if struck is not None:  # "a blast rocked the market in the old town": where it struck
        heads += [struck, *(c for c in struck.children if c.dep_ in ("dobj", "nsubjpass"))]
    for head in list(heads):  # "in ceremonies in Long Beach", "at the Macworld Conference in San Francisco"
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE and c.i not in said_in
                     and not _whom_to(c)):
            heads += [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN", "NUM")
                      and participants.entity(c, may_create=False) not in places]  # "reduced to $199 in the US"
            if _said_in(prep):  # "said in a statement issued in Tokyo": where the statement was made
                heads += [c for pobj in prep.children if pobj.dep_ == "pobj"
                          for c in pobj.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for head in heads:
        for child in head.children:
            if _served(head, child, token):
                continue  # "faces 20 years in prison", "carry a penalty of life in jail": a sentence, not a place
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE and child.i not in said_in:
                yield child
                # "in the capital and in Omdurman": a locative phrase coordinated with it
                yield from (c for c in conjuncts(child) if c.pos_ == "ADP" and c.lower_ in _LOCATIVE)
            elif child.dep_ == "prep" and child.lower_ == "out" and any(c.lower_ == "of" for c in child.children):
                yield from (c for c in child.children if c.lower_ == "of")
            elif child.dep_ == "advmod" and child.lower_ in _PLACE_ADVERBS:
                # "elsewhere in Asia", "here in Detroit"
                yield from (c for c in child.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE)
            elif child.dep_ == "advmod" and child.lower_ in _LEVELS:
                # "shares were up 3% in Tokyo" (not "no higher than 10,000 feet nor further than 100
                # miles from Toulouse": how far from a place is no place)
                yield from (c for c in child.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "at"))
            elif child.dep_ in ("advmod", "npadvmod") and child.lower_ in _DIRECTIONS and not _far(child):
                yield from (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of")  # "south of Mosul"
    if token.pos_ == "VERB":  # "filed for Chapter 11 protection in U.S. Bankruptcy Court in New York"
        for sought in (c for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "for"
                       for c in prep.children if c.dep_ == "pobj"):
            if any(_at_institution(p) for p in sought.children):
                yield from (p for p in sought.children if p.dep_ == "prep" and p.lower_ in _WITHIN)
    if token.pos_ == "VERB":  # "appealed the verdict at the Court of Appeal": the appeal is there, not the verdict
        yield from (p for obj in token.children if obj.dep_ == "dobj" and obj.i in participants.events
                    and _about_an_event(obj) for p in obj.children if _at_institution(p))
    # "died in clashes with militants in Ramadi": the clashes' places are where the death was
    events_in = [h for h in heads if h.dep_ == "pobj" and h.head.head.i == token.i and h.i in participants.events]
    for party in (p for noun in [token, *events_in] for p in _parties(noun, participants, places)):
        yield from (c for c in party.children if c.dep_ == "prep" and c.lower_ in _WITHIN)


# Beyond this many units from a town, an event is not in it: news measures from the nearest
# town it expects its readers to know ("20 km north of Baghdad" is the city's edge; "150
# kilometres west of Kampala" another district)
_NEAR = {"kilometre": 50, "kilometer": 50, "km": 50, "mile": 30}


def _far(direction) -> bool:
    """"150 kilometres west of Kampala": the distance from the town tells the event was not in it
    (but "south of Mosul" and "20 km north of Baghdad" are the town's)."""
    for unit in (c for c in direction.children if c.dep_ == "npadvmod" and c.lemma_.lower() in _NEAR):
        for number in (n for n in unit.children if n.like_num):
            try:
                if float(number.text.replace(",", "")) > _NEAR[unit.lemma_.lower()]:
                    return True
            except ValueError:  # "dozens of kilometres", "hundreds of miles"
                return True
    return False


# Nouns of a span of time served, whose "in prison" is a sentence: "20 years in prison", "life in
# jail" (not "claimed nine lives at the bus station")
_TERMS = {"year", "month", "week", "day", "decade", "life", "term", "sentence", "penalty", "punishment"}
_PRISONS = {"prison", "jail", "gaol", "detention", "custody", "penitentiary"}


def _served(head, prep, token) -> bool:
    """"20 years in prison", "a penalty of life in jail": a term served, where the event is not."""
    if head.lemma_.lower() not in _TERMS or (head is token and head.pos_ != "NOUN"):
        return False
    return any(c.dep_ == "pobj" and c.lemma_.lower() in _PRISONS for c in prep.children)

# Prepositions that put what they hang on inside a place: "militants in Ramadi", "a man at the
# station" (not "from", "to": "talks with officials from Iran" were not in Iran)
_WITHIN = {"in", "at", "near", "inside", "outside", "within", "throughout", "across", "along", "beside"}
# Nouns of a share in a company, whose "in" names the company or its asset, not a place: "the
# sale of its stake in the port", "an interest in a Jakarta mine"
_HOLDINGS = {"stake", "interest", "share", "holding", "investment", "position"}


def _parties(token, participants, places) -> list:
    """"clashes with militants in Ramadi", "the arrest of two men in Leeds", "a battle between
    troops and rebels in the old city", "clashed with police outside parliament", "was questioned
    by lawmakers in the Bundestag": who or what an event is with, of, between or by, where the
    parse hangs the event's locative phrase (not an event of its own, nor a holding)."""
    if token.pos_ == "NOUN":
        with_ = ("with", "between", "against", "of", "among")
    elif token.pos_ == "VERB":  # "of" on a verb is no party ("accused him of fraud in Paris")
        with_ = ("with", "against", "among", "by")
    else:
        return []
    objects = [(prep.lower_, c) for prep in token.children if prep.dep_ in ("prep", "agent") and prep.lower_ in with_
               for pobj in prep.children if pobj.dep_ == "pobj" for c in [pobj, *conjuncts(pobj)]]
    return [c for word, c in objects if c.pos_ in ("NOUN", "PROPN") and c.i not in participants.events
            and c.lemma_.lower() not in _HOLDINGS and _somewhere(token, word, c, participants)
            and participants.entity(c, may_create=False) not in places]


def _somewhere(event, word: str, node, participants) -> bool:
    """Whether an event's party is somewhere the event is: a verb's people or bodies ("driven by
    demand in China" was not in China); a noun's people, bodies, goods and buildings after "of"
    ("the characterization of his retention in the US" was not there); whatever a noun is
    with or against ("an operation against the group's infrastructure in Madrid")."""
    if event.pos_ == "VERB":
        return _kind(node, participants) in ("person", "organization")
    return word != "of" or _kind(node, participants) in ("person", "organization", "product", "place")


def _kind(node, participants) -> str:
    """The coarse type of a noun, named ("Hamas") or not ("police", "homes")."""
    key = participants.entity(node, may_create=False)
    return coarse_type(participants.types.get(key, "schema:Thing") if key else type_of(node.lemma_.lower(), node))


def _series(token):
    """"a wave of shootings", "a series of raids": the noun of the series, which stands in the
    clause for the events it counts; else the token itself."""
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "of" \
            and token.head.head.lemma_.lower() in SERIES:
        return token.head.head
    return token


def _amount(token) -> bool:
    """A number or a counted noun with no verb of its own: "8%", "400", "3,700 jobs"."""
    if token.pos_ == "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in token.children):
        return False
    return token.pos_ == "NUM" or any(c.dep_ == "nummod" for c in token.children)


def _at_institution(prep) -> bool:
    """"at the Court of Appeal", "in parliament", "before the Supreme Court": a phrase that puts
    what is done in an institution."""
    return prep.dep_ == "prep" and prep.lower_ in _AT_INSTITUTION and any(
        c.dep_ == "pobj" and (c.lemma_.lower() in INSTITUTION_HEADS or c.lower_ in INSTITUTION_HEADS) for c in prep.children)


def _said_in(prep) -> bool:
    """"in a speech", "in a statement", "in an interview": where something was said."""
    if prep.dep_ != "prep" or prep.lower_ != "in":
        return False
    lexicon = load_lexicon()
    return any(c.dep_ == "pobj" and c.pos_ == "NOUN"
               and lexicon.is_a(lexicon.event_type(c.lemma_.lower(), pos="NOUN"), "kgo:MakeStatement")
               for c in prep.children)


# Verbs whose subject event happened where they say, beside those that say only that it
# happened: it was, began, went on or ended there ("talks resumed in Geneva", "the explosion was
# at the bus station", "fighting broke out in the north")
_OCCURRING = OCCUR | {"be", "unfold", "erupt", "flare", "begin", "start", "continue", "resume", "end", "break out"}


def _relative_subject(verb) -> bool:
    """A relative clause whose subject is the relative pronoun ("which were held", "that began")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that", "who") for c in verb.children)


def _passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _lends_place(verb) -> bool:
    """A light verb ("hold", "launch", "carry out" ...), whose object is its own event."""
    if verb.lemma_ == "carry":
        return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "out" for c in verb.children)
    return verb.lemma_ in LIGHT and verb.lemma_ != "carry"


def _appositions(token):
    """"Mobile, Alabama": the state is part of the place phrase; and so is the town when the
    parse makes it the state's modifier ("in Dearborn, Michigan" read as Dearborn's Michigan):
    a "City, State" pair is one place phrase, two places."""
    return [c for c in token.children if c.dep_ in ("appos", "npadvmod")
            or token.pos_ == "PROPN" and c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and c.i < token.i
            and _comma_after(c)]


def _comma_after(token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ","


def located_place(agents, patients, located, places, participants) -> tuple[str, ...]:
    """Where the text locates a participant ("the town where the building was located").
    Not the country around a participant that is a place itself: "Rotterdam handled 14.5
    million containers" does not place the handling in the Netherlands at large. Nor the seat
    of a company or a person that acts: "Ford, based in Dearborn, lost $1 billion" says where
    Ford is based, not where it lost the money (what is done to a building happens where it is)."""
    seated = {k for k in agents if coarse_type(participants.types.get(k, "schema:Thing")) in ("organization", "person")}
    for key in [*agents, *patients]:
        if key in places or key in seated:
            continue
        where = located.get(key)
        if where in places:
            return (where,)
    return ()


_LOCATING = {"locate", "base", "situate", "house", "headquarter"}


def locations(doc, participants, places) -> dict[str, str]:
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


def time_index(doc, times) -> dict[int, str]:
    """Token -> the time value of the mention it is in. Events are dated to the day: a clock
    time ("at 08:30 UTC") dates its event by its day when the text names that day as well
    (the clock time stays in the graph as an instant of its own)."""
    days = {tm.value for tm in times}
    index = {}
    for tm in times:
        span = doc.char_span(tm.span.start, tm.span.end, alignment_mode="expand")
        value = tm.value[:10] if "T" in tm.value and tm.value[:10] in days else tm.value
        for token in span or ():
            index[token.i] = value
    return index


def clause_time(token, time_of) -> str | None:
    """The date in the trigger's own clause; for a verb, else the date of a clause it depends
    on ("delivered ... on Tuesday, bringing production to an end"); for a noun, the date of
    the clause it is an argument of ("signed the agreement on June 15")."""
    own = _own_date(token, time_of)
    if own is not None:
        return own
    if token.dep_ == "relcl" and token.head.i in time_of:  # "since January, when it was closed"
        return time_of[token.head.i]
    if token.dep_ == "relcl" and _of_a_dated_event(token):
        # "a tsunami in December 2004 that killed 130,000 people": what the event did, then
        return _own_date(token.head, time_of)
    if token.pos_ == "NOUN":
        if token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and token.head.pos_ in ("VERB", "AUX"):
            # "production will resume on Monday": the date of what is only expected dates no noun;
            # but the object of a light verb and the subject of "take place" are the event the
            # verb stands for ("agreed to hold talks next week", "the meeting will take place on
            # March 10": intended for then). What the verb threatens, calls off or puts off, and
            # what it says, judges or decides about, is not dated by it: "on Tuesday postponed
            # the vote" is no vote on Tuesday, "rejected the proposal in October" no proposal then
            meant = _date_for(token.head, time_of) if token.dep_ == "dobj" else None
            if meant is not None:  # "reported a loss for the quarter", "forecast growth for next year"
                return meant
            if stands_for(token) or (factuality(token.head) == factuality(token) == "asserted"
                                     and not _about_an_event(token)):
                return _own_date(token.head, time_of)
            date = set_for(token.head) if token.dep_ == "nsubjpass" else None
            if date is not None:  # "the vote is scheduled for Sunday", "called a strike for Monday"
                return next((time_of[t.i] for t in date.subtree if t.i in time_of), None)
            return None
        return None
    if any(c.dep_ == "advmod" and c.lower_ in _ANOTHER_TIME for c in token.children):
        return None  # "took time off in early 2009, later revealing ...": not in 2009
    node = token
    while node.dep_ in ("conj", "advcl", "xcomp") and node.head.i != node.i:
        if _finite_tense(node) and _finite_tense(node.head) and _finite_tense(node) != _finite_tense(node.head):
            return None  # "rejected the proposal in October, although experts say ...": now, not then
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SEQUENCE for c in node.children):
            return None  # "resigned on Sunday after his party lost the election": lost before Sunday
        if node.dep_ == "advcl" and node.head.dep_ in ("relcl", "acl"):
            # "blew up a building where officials had recently worked, signaling ...": the date of a
            # relative clause is its own; the parser hangs a clause of the sentence's below it
            return None
        if node.dep_ == "conj" and any(t.i in time_of and _in_its_infinitives(t, node) for t in node.subtree):
            # "Lehman filed for bankruptcy early Monday, and Merrill agreed to be sold on Sunday":
            # a clause whose own infinitive names a date is not of its conjunct's date
            return None
        node = node.head
        found = _own_date(node, time_of)
        if found is not None:
            return found
    return None


def _of_a_dated_event(verb) -> bool:
    """A relative clause in the past on an event noun, with no date and no "later" of its own."""
    head = verb.head
    return (head.pos_ == "NOUN" and load_lexicon().is_event_noun(head.lemma_.lower())
            and _finite_tense(verb) == "past" and not any(
                c.dep_ == "advmod" and c.lower_ in _ANOTHER_TIME for c in verb.children))


def _in_its_infinitives(t, verb) -> bool:
    """The date ``t`` is in ``verb``'s own clause or in an infinitive it governs, with no other
    clause between ("agreed to be sold on Sunday"; not "said he would leave in June")."""
    node = _clause_head(t) if t.pos_ not in ("VERB", "AUX") else t
    while node.i != verb.i and node.dep_ == "xcomp" and node.head.i != node.i:
        node = node.head
    return node.i == verb.i


def _about_an_event(noun) -> bool:
    """The noun is the object of a verb that says, judges, decides or asks something of it."""
    if noun.dep_ != "dobj":
        return False
    lexicon = load_lexicon()
    verb = noun.head
    kind = lexicon.event_type(verb.lemma_.lower(), pos="VERB")
    return any(lexicon.is_a(kind, c) for c in _ABOUT_AN_EVENT) and not any(lexicon.is_a(kind, c) for c in _OF_ITS_TIME)


def _finite_tense(verb) -> str | None:
    """past | present for a finite verb (by its own form or its auxiliaries), else None."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    tags = {verb.tag_, *(c.tag_ for c in auxiliaries)}
    if "MD" in tags:
        return None
    if "VBD" in tags:
        return "past"
    if verb.tag_ == "VBN" and not auxiliaries and any(c.dep_ == "nsubj" for c in verb.children):
        return "past"  # "The bank cut rates": a past tense the tagger took for a participle
    return "present" if tags & {"VBZ", "VBP"} else None


def _own_date(token, time_of) -> str | None:
    """A date inside the trigger's phrase with no other verb between them; of several, the one
    nearest the trigger in the parse: "reported a loss in the fourth quarter on Friday" was
    reported on Friday (the quarter is the loss's, one phrase further down)."""
    dates = [t for t in token.subtree
             if t.i in time_of and _no_verb_between(t, token) and not _dates_a_noun(t, token, time_of)
             and not _bounds(t, token, time_of)]
    return time_of[min(dates, key=lambda t: (_depth(t, token), t.i)).i] if dates else None


def _depth(t, top) -> int:
    """How many arcs of the parse lie between a token and a head above it."""
    depth = 0
    while t.i != top.i and t.head.i != t.i:
        t, depth = t.head, depth + 1
    return depth


def _bounds(t, top, time_of) -> bool:
    """"suspended since July 24, 2003", "delayed until October": the date bounds a stretch
    of time, or is that of a value compared with ("up 5 percent from a year earlier"); it
    is not the day the event happened on."""
    while t.head.i in time_of and t.head.i != t.i:
        t = t.head
    if t.dep_ in ("pobj", "pcomp"):
        prep = t.head
        if _continues_a_bound(prep):
            return True
        # "down 23 percent from a year earlier", "compared with a year ago": the time of the
        # value compared with, not of the event
        if prep.lower_ == "over" and re.search(r"-WE$|^\d{4}-\d\d-\d\d", time_of[t.i]):
            return False  # "met over the weekend", "over Christmas Day": during it, no comparison
        if prep.lower_ in _BOUNDARIES or prep.lower_ in _BASELINES or (
                prep.lower_ in ("with", "to") and prep.head.lemma_ == "compare"):
            return True
        if getattr(set_for(prep.head), "i", None) == t.i or _for_its_object(prep) or (
                prep.lower_ == "for" and prep.head.pos_ in ("NOUN", "PROPN") and top.pos_ in ("VERB", "AUX")):
            # "was scheduled for Sunday", "reported a loss for the fourth quarter", "forecast
            # growth for next year": the time of what was scheduled, reported or forecast (also
            # where the parser hung the "for" phrase on the object noun)
            return True
    node = t.head  # "the highest since the fall of communism in 1989": the stretch starts there
    while node.i != top.i and node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ == "prep" and node.lower_ in _BOUNDARIES:
            return True
        node = node.head
    return False


def _continues_a_bound(prep) -> bool:
    """"its biggest fall since Black Monday in 1987": a phrase right after a "since" or
    "until" phrase is of what that phrase names, wherever the parser hangs it."""
    return prep.lower_ in ("in", "of", "on") and any(
        s.dep_ == "prep" and s.lower_ in _BOUNDARIES and s.i < prep.i and s.right_edge.i == prep.i - 1
        for s in prep.head.children)


def _date_for(verb, time_of) -> str | None:
    """The date of a "for" phrase on a verb with an object, which is the object's."""
    for prep in verb.children:
        if prep.dep_ == "prep" and _for_its_object(prep):
            found = next((time_of[t.i] for t in prep.subtree if t.i in time_of), None)
            if found is not None:
                return found
    return None


def _for_its_object(prep) -> bool:
    """A "for" phrase of a verb with an object: the period or day of the object ("reported a
    loss for the quarter", "called a strike for Monday"), not of the verb."""
    verb = prep.head
    return (prep.lower_ == "for" and verb.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "dobj" for c in verb.children))


def _dates_a_noun(t, top, time_of) -> bool:
    """"replaces the 1991 agreement": a date before another noun dates that noun, not the trigger."""
    while t.head.i in time_of and t.head.i != t.i:
        t = t.head  # the head of a date of several words ("June 15, 2009")
    return (t.dep_ in ("compound", "amod", "nmod", "nummod", "poss") and t.head.i != top.i
            and t.head.pos_ in ("NOUN", "PROPN"))


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
