"""Who does what to whom: an event trigger's agent (PropBank Arg0) and patient (Arg1).

The agent is the active subject or the "by" phrase of a passive, the patient the object or
the passive subject. Control verbs lend their subject to the infinitive ("it threatened to
close it"), coordinated verbs and participles share the subject of the verb they hang on, so
do gerunds after a preposition ("fined after breaking the rules"),
relative pronouns stand for their antecedent, and verbs whose subject undergoes the event
("the jetliner crashed") make it the patient. Event nouns take their agent from a
possessive or a "by"/"between" phrase, their patient from "of" or "for".
"""

from __future__ import annotations

from kg.text.tokens import is_headline, noun_lemma, quoted_subject
from kg.vocab.lexicon import load_lexicon
from kg.vocab.resources import coarse_type
from kg.vocab.words import VALUE_NOUNS, type_of

from .control import JUDGING, inherited_subject, shared_passive, subject_of
from .factuality import LIGHT, RESULTS, SERIES, factuality, is_infinitive
from .participants import (
    after,
    antecedent,
    intends,
    members,
    quantity_of,
    same_kind,
    undergoes,
    with_conjuncts,
    with_members,
)

# Verbs whose subject undergoes the event when they have no object (PropBank Arg1):
# "the jetliner crashed", "prices rose", "the talks collapsed".
_UNACCUSATIVE = {"crash", "die", "fall", "rise", "drop", "decline", "increase", "decrease", "grow", "shrink",
                 "collapse", "explode", "sink", "arrive", "happen", "occur", "emerge", "disappear", "vanish",
                 "burn", "break", "freeze", "melt", "soar", "plunge", "slump", "surge", "jump", "tumble",
                 "climb", "slide", "slip", "fail", "stall", "land", "depart", "begin", "end", "start",
                 "stop", "continue", "remain", "survive", "suffer", "recover", "expire", "close", "open",
                 # a change in a value or a state, said of what changes: "the yen plummeted", "the
                 # economy contracted", "growth slowed", "the gap widened"
                 "plummet", "rebound", "contract", "dip", "sag", "skyrocket", "spike", "dive", "weaken",
                 "strengthen", "widen", "narrow", "accelerate", "slow", "stabilize", "stabilise", "deteriorate",
                 "worsen", "ease", "edge", "retreat", "recede", "soften", "expand", "double", "triple", "halve",
                 "rally", "finish",
                 # where trading leaves a price: "Brent settled at $84", "the dollar firmed", "stocks
                 # advanced"; a person or a company settles, advances on purpose (_ASPECTUAL)
                 "settle", "firm", "advance"}


# What a market report's verb of ending spans, no object of it: "the index ended the day down 1%",
# "shares finished the session higher"
_PERIODS = {"day", "session", "week", "month", "year", "quarter", "trading"}


def _result(token) -> bool:
    """An infinitive of where a value ended after its change, which the parser may make a
    complement: "oil rose to settle at $80" (oil rose; it did not set out to settle)."""
    return token.dep_ == "xcomp" and is_infinitive(token) and token.lemma_.lower() in RESULTS


def gains_ground(verb) -> bool:
    """"gained ground", "lost ground": an idiom of a rise or a fall (kg.vocab.words.IDIOM_OBJECTS)."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() == "ground" for c in verb.children)


def _time_object(token) -> bool:
    """A span of time for object: "ended the day lower"; not "ended seven years of hostility",
    which ends the hostility."""
    return (token.dep_ == "dobj" and (token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in _PERIODS)
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children))


# Nouns of the level a value stands at, which nothing undergoes: "its lowest level", "a record high"
_LEVELS = {"level", "low", "high", "record", "peak", "mark", "value"}


# Adverbs of direction whose measure is by how much a value moved: "closed 200 points higher"
_DIRECTIONS = {"up", "down", "higher", "lower"}


# Verbs whose subject is what the clause describes, never a doer (PropBank Arg1): "the
# airline is the largest", "the phone comes in two colours", "the nano costs $149"
_THEME_SUBJECT = {"be", "come", "appear", "seem", "cost", "weigh", "last", "belong", "consist"}


# Of those, the ones a person or a company may also do on purpose
_ASPECTUAL = {"begin", "start", "stop", "continue", "end", "close", "open", "fail", "survive", "recover", "remain",
              "rally", "finish",  # "supporters rallied" (they protest), "markets rallied" (they rose)
              "settle", "advance"}  # "the two sides settled", "troops advanced"


# Verbs of a change in value whose object is the amount: "the index lost 4.3 percent" (the
# index underwent it); with money for object a company does lose or gain it ("lost $1 billion")
_VALUE_CHANGES = {"lose", "gain", "add", "shed"}


def _measure(token) -> bool:
    """A percentage or a number of points: "4.3 percent", "370 points"."""
    return token.ent_type_ == "PERCENT" or token.lemma_ in ("percent", "point", "%")


def amounts(token) -> list:
    """"lost 120 points, or 1.5%", "fell 7%", "contracted by 0.3%", "a rise of 7%": the amounts
    a change in value is by (PropBank's extent, never its patient), each as the token that
    heads it. A percentage or a number of points after any verb or noun of change; a sum of
    money only where it cannot be the thing changed hands ("sales fell $2 billion", "cut costs
    by $1 billion"; but "Acme raised $2 billion", "lost $1 billion" are what was raised or lost)."""
    lexicon = load_lexicon()
    pos = "NOUN" if token.pos_ == "NOUN" else "VERB"
    kind = lexicon.event_type(token.lemma_.lower(), pos=pos)
    if token.lemma_ not in _UNACCUSATIVE | _VALUE_CHANGES and not any(
            lexicon.is_a(kind, cls) for cls in ("kgo:Increase", "kgo:Decrease")):
        return []
    found = []
    for child in token.children:
        if child.dep_ in ("dobj", "npadvmod") and pos == "VERB":
            money = child.dep_ == "npadvmod" or token.lemma_ in _UNACCUSATIVE - _VALUE_CHANGES
            found += [child] if _measure(child) or money and child.ent_type_ == "MONEY" else []
        elif child.dep_ == "advmod" and child.lower_ in _DIRECTIONS and pos == "VERB":
            # "ended the day down 1.2 percent", "closed 200 points higher"
            found += [o for o in child.children if o.dep_ == "npadvmod" and (_measure(o) or o.ent_type_ == "MONEY")]
        elif child.dep_ == "prep" and (child.lower_ == "by" or pos == "NOUN" and child.lower_ == "of"):
            found += [o for o in child.children if o.dep_ == "pobj" and (_measure(o) or o.ent_type_ == "MONEY")]
    found += [c for f in found for c in f.children if c.dep_ in ("appos", "conj") and (_measure(c) or c.ent_type_ == "MONEY")]
    # "cut 12 percent of its staff": a share of something is what was cut, no extent
    return [f for f in found if not any(c.dep_ == "prep" and c.lower_ == "of" for c in f.children)]


def amount_text(token) -> tuple[int, int]:
    """The characters of an amount without what is set beside it: "120 points" of "120 points,
    or 1.5%"; "about 3 percent"."""
    aside = {t.i for c in token.children if c.dep_ in ("appos", "conj", "cc", "punct", "prep", "relcl")
             for t in c.subtree}
    kept = [t for t in token.subtree if t.i not in aside]
    return kept[0].idx, kept[-1].idx + len(kept[-1].text)


def said_of_a_value(verb, participants) -> bool:
    """Whether a verb's subject is a thing whose value rises and falls: a market, a price, a
    currency (VALUE_NOUNS) or a financial index. An infinitive of purpose or result has the
    subject of the verb it hangs on: "the Dow fell 3% to close at 10,200"."""
    while verb.dep_ in ("advcl", "xcomp") and is_infinitive(verb) and verb.head.pos_ == "VERB" \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    key = participants.entity(subject, may_create=False)
    if key is not None and participants.types.get(key) == "kgo:FinancialIndex":
        return True
    return noun_lemma(subject) in VALUE_NOUNS or subject.lemma_.lower() in VALUE_NOUNS


# Motion verbs whose vehicle subject is moved, not the mover: "the aircraft can fly" (PropBank fly.01 Arg1)
_VEHICLE_MOTION = {"fly", "sail", "drive", "refuel", "taxi", "cruise", "travel", "head", "return"}


# Verbs whose thing given comes with "with": "supply the Air Force with tankers"
# (PropBank supply.01: the thing supplied is Arg1; but equip/fit/arm "X with Y": X is Arg1)
_SUPPLY = {"supply", "provide", "furnish", "feed"}


def roles(token, participants) -> tuple[list[str], list[str]]:
    """Agent and patient entity keys for a verbal, nominal or adjectival trigger."""
    if token.pos_ == "NOUN":
        return _nominal_roles(token, participants)
    if token.pos_ == "ADJ":  # "nine people were dead", "a man was shot dead": who is so underwent it
        verb = token.head
        # "shot dead by police": the "by" phrase of a passive verb of violence did it (not "found
        # dead by a neighbour")
        kind = load_lexicon().event_type(verb.lemma_.lower(), pos="VERB")
        violent = any(load_lexicon().is_a(kind, cls) for cls in ("kgo:Assault", "kgo:Kill", "kgo:Fight", "kgo:Injure"))
        doers = [k for by in verb.children if by.dep_ == "agent" and violent for o in by.children if o.dep_ == "pobj"
                 for k in with_conjuncts(o, participants)]
        return doers, [k for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                       for k in with_members(antecedent(quantity_of(c)), participants)]
    agents, patients = [], []
    measured = {t.i for t in amounts(token)}  # "fell 7%": by how much, not what fell (kg.events.extract)
    # "Apple swamped by pre-orders": a headline's passive drops its auxiliary, the "by" phrase
    # shows it; but "had worked side by side" is an active perfect with its own subject,
    # whatever the parser made of "by", and that "by" names no doer
    active = any(c.dep_ == "aux" for c in token.children) and any(c.dep_ == "nsubj" for c in token.children)
    reduced_passive = (token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children)
                       and not active) or _headline_passive(token)
    for child in token.children:  # subjects first: objects and control lean on them
        if quoted_subject(child):  # '"Nothing," said the minister': what was said
            continue
        if child.dep_ == "nsubj" and (reduced_passive or token.lemma_ in _THEME_SUBJECT):
            patients += with_members(antecedent(quantity_of(child)), participants)
        elif child.dep_ == "nsubj":  # "One of the A380s is flying": the A380s
            agents += with_conjuncts(antecedent(quantity_of(child)), participants, may_create=True)
        elif child.dep_ == "agent" and not active:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                agents += with_conjuncts(antecedent(pobj), participants)
    if not agents and _passive(token):
        agents += _parties(token, participants)
    if not agents and _passive(token) and _harms(token):
        agents += _attackers(token, participants)
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        if (any(c.dep_ == "auxpass" for c in token.children) or _bare_participle(token) or shared_passive(token)) \
                and not _got_rid(token):
            # "the building appeared to be blown apart": the building was blown; "airliners are
            # selected and purchased by the government": the airliners are purchased
            patients += inherited_subject(token, participants)
        elif not agents:
            agents += inherited_subject(token, participants)
    for child in token.children:
        if child.dep_ == "nsubjpass" and _got_rid(token):
            agents += with_conjuncts(antecedent(child), participants, may_create=True)
        elif child.dep_ == "nsubjpass" or child.dep_ == "dobj":
            if child.i in measured or token.lemma_ in _UNACCUSATIVE and _time_object(child):
                continue
            if child.dep_ == "dobj" and token.lemma_ in _UNACCUSATIVE | _VALUE_CHANGES and child.lemma_.lower() in _LEVELS:
                continue  # "lost 4% to close at 8,577, its lowest level": the parser's object is a figure
            if child.dep_ == "dobj" and token.lemma_ in _SUPPLY and _with_object(token) is not None:
                continue  # "supply the Air Force with tankers": the Air Force receives
            if child.lower_ == "it" and any(c.dep_ in ("ccomp", "csubjpass") for c in token.children):
                continue  # "it is expected that ...": an empty subject, the clause is what is expected
            if child.dep_ == "nsubjpass" and _raising(token):
                continue  # "the minister is expected to resign": what is expected is that he resigns
            patients += with_members(antecedent(quantity_of(child)), participants)
    if _got_rid(token):  # "get rid of unnecessary things": the things go
        patients += [k for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                     for pobj in prep.children if pobj.dep_ == "pobj" for k in with_conjuncts(pobj, participants)]
    supplied = _with_object(token) if token.lemma_ in _SUPPLY else None
    if supplied is not None:
        patients += with_conjuncts(supplied, participants)
    # (a clause before the verb is no complement of it: "The decline helped airlines: AMR climbed
    # 9 percent", which the parser may hang on "climbed")
    if token.lemma_ in _UNACCUSATIVE and not any(c.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp")
                                                 and c.i not in measured and not _time_object(c)
                                                 and not (c.dep_ == "ccomp" and c.i < token.i)
                                                 and not _result(c)
                                                 for c in token.children):
        # "the jetliner crashed": it underwent the crash; but "Jobs started by hinting": people
        # and companies do what begins, stops or goes on
        moved = [k for k in agents if token.lemma_ not in _ASPECTUAL or not intends(k, participants)]
        agents, patients = [k for k in agents if k not in moved], moved + patients
    elif token.lemma_ in _VALUE_CHANGES and gains_ground(token) and not all(intends(k, participants) for k in agents):
        # "blue chips gained ground", "the euro lost ground" (but "the army lost ground": it retreated)
        agents, patients = [], agents + patients
    elif token.lemma_ in _VALUE_CHANGES and any(_measure(c) for c in token.children if c.dep_ in ("dobj", "npadvmod")):
        # "the Nasdaq lost 4.3 percent", "shares gained 50 cents": the subject's value changed
        figures = {participants.entity(c, may_create=False) for c in token.children if _measure(c)}
        agents, patients = [], agents + [k for k in patients if k not in figures]
    elif not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in token.children) and said_of_a_value(token, participants):
        # "shares went up 5%", "the yen traded higher", "the pound hovered near a low": a price,
        # a market or an index does nothing, what it does is a move of its value
        agents, patients = [], agents + patients
    elif token.lemma_ in _VEHICLE_MOTION and not any(c.dep_ == "dobj" for c in token.children):
        moved = [k for k in agents if undergoes(k, participants)]  # "the aircraft can fly": it is flown
        agents, patients = [k for k in agents if k not in moved], moved + patients
    patients += [k for o in _fired_at(token) for k in with_members(antecedent(quantity_of(o)), participants)]
    if not any(c.dep_ == "dobj" for c in token.children) and _fighting(token):
        # "troops clashed with rebels", "rebels fought against government forces": the other side
        patients += [k for p in token.children if p.dep_ == "prep" and p.lower_ in ("with", "against")
                     for o in p.children if o.dep_ == "pobj"
                     for k in with_conjuncts(quantity_of(o), participants, may_create=True)
                     if participants.can_act(k) and not undergoes(k, participants)]
    if token.dep_ == "acl" and token.tag_ == "VBN" and not _raising(token):
        # (not "a suspect believed to have planted the bomb": what is believed is that he did)
        # "the office, staffed by personnel": the office is the patient; "a girl and four men
        # injured", "hundreds of people killed": each conjunct, and what a number counts
        first = token.head
        # the participle follows the last of a list joined by "and" (not "composites instead of
        # the aluminium previously used", which the parser may coordinate too)
        while first.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in first.head.children):
            first = first.head
        patients += with_members(antecedent(quantity_of(first)), participants)
    if patients:  # "ten people were arrested, including two teenagers": the teenagers were arrested
        patients += [k for m in members(token) for k in with_conjuncts(m, participants)
                     if same_kind(k, patients[0], participants)]
    return agents, patients


# Verbs whose passive subject is raised from the infinitive after them: "the minister is expected
# to resign", "the company is said to be planning cuts" (PropBank: what is expected or said is
# the whole "minister to resign", no entity alone)
_RAISING = {"expect", "say", "report", "believe", "think", "know", "rumor", "rumour", "understand", "allege",
            "estimate", "consider", "suppose", "presume", "reckon"}
# (not "set", "scheduled", "due": "the plane was set to land" is the plane's own, set up to land)


def _harms(token) -> bool:
    """A verb of killing or wounding."""
    lexicon = load_lexicon()
    kind = lexicon.event_type(token.lemma_.lower(), pos="VERB")
    return any(lexicon.is_a(kind, cls) for cls in ("kgo:Kill", "kgo:Injure"))


def _attackers(token, participants) -> list[str]:
    """"Ten soldiers were killed in a Taliban attack", "wounded in an attack by rebels": who
    carries out the attack a passive verb of killing or wounding happened in kills or wounds."""
    found = []
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "during")):
        for attack in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and striking_verb(o) is None
                       and not any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in o.children)):
            # (not "wounded in a battle between troops and rebels": which side wounded is not said)
            lexicon = load_lexicon()
            if any(lexicon.is_a(lexicon.event_type(attack.lemma_.lower(), pos="NOUN"), cls) for cls in _FORCES):
                found += [k for k in _nominal_roles(attack, participants)[0] if participants.can_act(k)]
    return found


def _raising(token) -> bool:
    return token.lemma_.lower() in _RAISING and any(c.dep_ == "xcomp" and is_infinitive(c) for c in token.children)


def _fired_at(token) -> list:
    """"fired at the crowd", "shot at police", "opened fire on protesters": what is shot at is
    the target (not "fired at dawn", a time)."""
    opened = token.lemma_ == "open" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in token.children)
    if token.lemma_ not in ("fire", "shoot") and not opened or not opened and any(c.dep_ == "dobj" for c in token.children):
        return []  # "fired 200 workers at its plant", "shot a man at his home": "at" is where
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ == ("on" if opened else "at")
            for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]


def _fighting(token) -> bool:
    """A verb of fighting, whose "with" or "against" phrase names the other side."""
    lexicon = load_lexicon()
    return lexicon.is_a(lexicon.event_type(token.lemma_.lower(), pos="VERB"), "kgo:Fight")


def _got_rid(token) -> bool:
    """"get rid of": an idiom that looks passive ("get" + participle) but whose subject acts."""
    return token.lower_ == "rid" and any(c.dep_ in ("auxpass", "aux") and c.lemma_ == "get" for c in token.children)


def _passive(token) -> bool:
    """A passive verb: with its auxiliary ("was fought for"), or a participle after a noun
    ("the settlement reached between the parties")."""
    return token.tag_ == "VBN" and (any(c.dep_ == "auxpass" for c in token.children) or token.dep_ == "acl")


def _parties(token, participants) -> list[str]:
    """"the settlement reached between the two firms", "the contract was fought for between
    Acme and Globex": a passive verb with no "by" phrase names those who do it together with
    "between", as an event noun does ("a dispute between Acme and Globex")."""
    found = []
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "between"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found += with_conjuncts(pobj, participants)
    return found


def _bare_participle(token) -> bool:
    """"Founded in 1976, the firm grew", "calls dropped when held that way": a past
    participle clause with no auxiliary is passive, so the subject it shares undergoes it."""
    return (token.tag_ == "VBN" and token.dep_ == "advcl"
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in token.children))


def _headline_passive(token) -> bool:
    """Headlines tell the news in the present and drop the auxiliary of a passive, so a bare
    past form there is a passive participle: "First A380 delivered", "Boeing allowed to bid"."""
    return (token.tag_ in ("VBD", "VBN") and is_headline(token)
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "nsubjpass") for c in token.children))


def _with_object(token):
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _nominal_roles(token, participants) -> tuple[list[str], list[str]]:
    agents, patients = [], []
    measured = {t.i for t in amounts(token)}  # "a drop of 12%"
    suffered = _suffered(token)
    lexicon = load_lexicon()
    kind = lexicon.event_type(token.lemma_.lower(), pos="NOUN")
    done = kind != "kgo:OtherEvent" and not any(lexicon.is_a(kind, cls) for cls in _UNDERGONE)
    aimed = any(lexicon.is_a(kind, cls) for cls in _AIMED)
    by_of = any(lexicon.is_a(kind, cls) for cls in _DONE_BY_OF)
    fallen = any(lexicon.is_a(kind, cls) for cls in _FALLEN_INTO)
    fight = lexicon.is_a(kind, "kgo:Fight")
    aid = lexicon.is_a(kind, "kgo:ProvideAid")
    sold = lexicon.is_a(kind, "kgo:Sell")
    for child in token.children:
        if child.dep_ in ("poss", "compound"):
            # "Airbus's offer": Airbus offers; "the plane's maiden flight", "A380 delays": the
            # plane flies, the A380 is delayed (a thing that undergoes, PropBank's Arg1);
            # "rebel attacks", "police raids", "the rebels' attack", "the unions' strike": a
            # noun naming people or a body does it, but "army casualties", "civilian deaths",
            # "the soldiers' deaths": what is suffered happens to them
            people = (child.pos_ == "NOUN" and (done or suffered) and not _kind_of(child, token)
                      and type_of(noun_lemma(child), child) in _DOERS)
            for key in with_conjuncts(child, participants, may_create=people):
                if suffered and people or fallen:  # "Chrysler's insolvency": Chrysler went bankrupt
                    patients.append(key)
                    continue
                if child.dep_ == "compound" and participants.types.get(key) == "schema:City":
                    continue  # "the Beijing summit", "the Geneva talks": where, not who (kg.circumstances)
                if sold and child.dep_ == "compound" and coarse_type(participants.types.get(key, "schema:Thing")) == "place":
                    continue  # "U.S. sales", "China sales": where things are sold, not who sells them
                (patients if undergoes(key, participants) else agents).append(key)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in (c for c in child.children if c.dep_ == "pobj" and c.i not in measured):
                for key in with_conjuncts(pobj, participants):
                    # "the resignation of the minister", "a strike of dockworkers": the noun of a
                    # verb with no object takes its doer with "of" (PropBank's Arg0), people or a
                    # body of them ("a tour of Asia" goes there: kg.circumstances)
                    doer = by_of and intends(key, participants)
                    (agents if doer else patients).append(key)
        elif child.dep_ == "prep" and (child.lower_ == "against" or aimed and child.lower_ in ("on", "upon")) \
                and not patients:
            # "the raid on the compound", "attacks against civilians", "sanctions on Iran", "a
            # vote on the bill": what the event is aimed at (a day is no participant: "on Monday")
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                patients += with_conjuncts(quantity_of(pobj), participants)
        elif child.dep_ == "prep" and child.lower_ == "with":
            # "a deal with Boeing", "negotiations with film studios": the other party; "clashes
            # with demonstrators": the other side of a fight, named by a noun of people or a
            # body of them, as the verb's is ("clashed with demonstrators"; not "clashes with
            # stones", what they fought with)
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                side = fight and type_of(noun_lemma(pobj), pobj) in _DOERS
                patients += with_conjuncts(pobj, participants, may_create=side)
        elif child.dep_ == "prep" and child.lower_ in ("by", "between", "among"):
            # "a dispute between Airbus and Boeing"; not "from": "the departure from France",
            # "documents from Lockheed" name a source (measured on MEANTIME: no agent right of four)
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                agents += with_conjuncts(pobj, participants)
        elif child.dep_ == "nsubj":  # the parser's reading of "the Northrop and EADS plan to assemble"
            agents += with_conjuncts(child, participants, may_create=False)
        elif child.dep_ == "prep" and child.lower_ == "to" and aid and not patients:
            # "aid to Ukraine", "a bailout to the carmakers": who is helped (PropBank's Arg1)
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                patients += [k for k in with_conjuncts(pobj, participants) if participants.can_act(k)]
        elif child.dep_ == "prep" and child.lower_ == "for" and not patients:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):  # "an order for 60 jets"
                patients += with_conjuncts(quantity_of(pobj), participants)
    head = token.head
    if not patients:
        patients += _struck(token, participants)
    if not patients:
        patients += _aimed_at(token, participants)
    if not patients and token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _SUFFERERS:
        # "the victims of the attack", "casualties of the war": who suffered it
        patients += with_conjuncts(head.head, participants)
    if token.dep_ == "pobj" and head.lower_ in ("in", "during") and head.head.pos_ in ("VERB", "AUX") and not agents \
            and not _undergone_clause(head.head):
        # "Enders said in a statement", "Boeing challenged the award in a formal protest",
        # "executives are in negotiations": who does the clause does the event it is in (not
        # "30 militants died in air strikes", "soldiers were killed in an attack": they underwent it)
        verb = head.head
        agents += next((with_conjuncts(antecedent(c), participants) for c in verb.children if c.dep_ == "nsubj"), [])
    if token.lemma_.lower() in _CHANGES:
        # "a rise in oil prices", "a drop in profit": what changed; "the index posted a gain",
        # "the dollar suffered its biggest fall": who posts or suffers it is what changed; and
        # nobody does a fall ("the bank reported a drop": the bank told of it, no more)
        if not patients:
            patients += [k for o in after(token, ("in",)) for k in with_conjuncts(o, participants, may_create=False)]
        own = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in token.children)  # "suffered its biggest fall"
        if (own or not patients) and token.dep_ == "dobj" and head.lemma_ in _UNDERGO_VERBS:
            patients = subject_of(head, participants) or patients
        return [], patients
    if not patients and not _outcome(token):
        patients += _facing(token, participants)
    phrase = head if fallen and token.dep_ == "compound" and head.lemma_.lower() == "protection" else token
    if not patients and fallen and (phrase.dep_ == "pobj" and phrase.head.lower_ in ("for", "into") or phrase.dep_ == "dobj"):
        # "Lehman filed for bankruptcy", "the carmaker went into liquidation", "entered receivership",
        # "Chrysler filed for bankruptcy protection"
        verb = phrase.head.head if phrase.dep_ == "pobj" else phrase.head
        patients += subject_of(verb, participants) if verb.pos_ in ("VERB", "AUX") else []
    if (token.dep_ == "dobj" and head.pos_ == "VERB" and not agents and _announces(head) and not _outcome(token)
            and not _answers(head, token) and head.lemma_.lower() not in _FORESEES):
        # "Airbus announced 10,000 job cuts", "Aeroflot negotiated the purchase": who announces
        # or negotiates an undertaking of its own undertakes it
        agents += next((with_conjuncts(antecedent(c), participants) for c in head.children if c.dep_ == "nsubj"), [])
    if token.dep_ == "pobj" and head.lower_ == "on" and not agents:
        # "Jobs is on medical leave", "dockworkers went on strike", "nurses remained on strike",
        # a headline's "Acme CEO on leave": who is on it takes it; but "the phone went on sale":
        # a thing on sale is what is sold
        above = head.head
        if above.lemma_ in _ON:
            (patients if lexicon.is_a(kind, "kgo:Sell") else agents).extend(subject_of(above, participants))
        elif above.pos_ == "PROPN" and above.dep_ == "ROOT" and is_headline(above):
            agents += [k for k in with_conjuncts(above, participants, may_create=False) if participants.can_act(k)]
    if token.dep_ == "dobj" and head.lemma_ == "take" and not agents and token.lemma_ not in _TAKEN_IN:
        # "Jobs has taken medical leave"
        agents += subject_of(head, participants)
    slot = _series(token)  # "launched a series of attacks": the attacks are what is launched
    verb = slot.head
    if slot.dep_ == "dobj" and _light(verb) and not agents:
        # "Kim and Moon held meetings": the subject of the light verb acts; "the A380 made
        # its maiden flight": a plane is flown (it undergoes the flight)
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        # "Acme operates ten mills and has made the purchase a priority": a coordinated light
        # verb's subject; "the group's decision to carry out the attacks": a controlled one's
        doers = ([k for c in subjects for k in with_conjuncts(antecedent(quantity_of(c)), participants)] if subjects
                 else subject_of(verb, participants) if verb.dep_ == "conj" or verb.lemma_ in _CONTROLLED else [])
        for key in doers:
            if verb.lemma_ == "lead" and not intends(key, participants):
                continue  # a plane makes a flight it undergoes, but leads none
            (patients if undergoes(key, participants) else agents).append(key)
    if not agents:
        # "the attack was carried out by ETA", "raids conducted by the army": the "by" phrase of a
        # passive light verb does the event
        passive = verb if slot.dep_ == "nsubjpass" and _doing(verb) else next(
            (c for c in slot.children if c.dep_ == "acl" and c.tag_ == "VBN" and _doing(c)), None)
        for by in (c for c in passive.children if c.dep_ == "agent") if passive is not None else ():
            agents += [k for o in by.children if o.dep_ == "pobj" for k in with_conjuncts(o, participants)]
    if not agents:
        agents += _responsible(token, participants)
    if not agents:
        agents += _judged_for(token, participants)
    if not agents and _sent(token):
        agents += _senders(token, participants)
    return agents, patients


# Verbs by which a force reaches what it hits: "the blast rocked the market", "an airstrike
# hit the hospital", "the explosion targeted a bakery"
_STRIKING = {"target", "hit", "strike", "rock", "destroy", "damage", "shatter", "wreck", "devastate", "level",
             "flatten", "raze", "demolish", "gut"}


# Classes of the events that are a force: what they hit is what they are done to ("the blast
# rocked the market"); a slowdown or a strike that "hit exporters" hit them only in a figure
_FORCES = ("kgo:Explode", "kgo:Bomb", "kgo:Fight", "kgo:Assault", "kgo:Disaster", "kgo:Accident", "kgo:Destroy")


# Verbs of being or going "on" an event, whose subject takes part in it: "is on leave", "went on
# strike", "remained on hunger strike"
_ON = {"be", "go", "remain", "stay"}


# Verbs whose subject undergoes the event their object names: "Italy faces sanctions", "he faces
# charges", "the minister survived an assassination attempt", "the troops suffered a defeat"
_FACING = {"face", "suffer", "undergo", "endure", "survive", "escape"}
# Verbs whose subject is "under" an event it undergoes: "the base came under attack", "the
# minister is under investigation", "the suspect remains under arrest"
_UNDER = {"come", "be", "remain", "stay", "fall", "go"}


def _facing(token, participants) -> list[str]:
    """Who faces, suffers or survives an event, or comes under it, undergoes it."""
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in _FACING:
        return subject_of(head, participants)
    if token.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in _UNDER:
        return subject_of(head.head, participants)
    return []


def striking_verb(token):
    """The verb of striking whose force an event noun of force is ("the blast rocked",
    "shattered by an explosion"), or None."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "agent" else \
        token.head if token.dep_ == "nsubj" else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in _STRIKING:
        return None
    lexicon = load_lexicon()
    kind = lexicon.event_type(token.lemma_.lower(), pos="NOUN")
    return verb if any(lexicon.is_a(kind, cls) for cls in _FORCES) else None


def _struck(token, participants) -> list[str]:
    """"The explosion targeted a bakery", "a blast rocked the market", "the building was
    shattered by an explosion": an event noun that is the force of a verb of striking takes
    what that verb strikes as its own patient."""
    verb = striking_verb(token)
    if verb is None:
        return []
    struck = [c for c in verb.children if c.dep_ == ("dobj" if token.dep_ == "nsubj" else "nsubjpass")]
    return [k for c in struck for k in with_members(antecedent(quantity_of(c)), participants)]


# Participles that say at whom an event was aimed: "bombings targeted at the military", "attacks,
# which seemed to be aimed at civilians", "violence directed against journalists"
_AIMING = {"target", "aim", "direct"}


def _aimed_at(token, participants) -> list[str]:
    """What the participle of aiming in a clause on an event noun names with "at" or "against",
    and what "targeting" after it names."""
    found = []
    for clause in (c for c in token.children if c.dep_ in ("acl", "relcl")):
        if clause.lemma_.lower() == "target" and clause.tag_ == "VBG":
            # "the second attack targeting security forces": what the attack targets
            found += [k for o in clause.children if o.dep_ == "dobj" for k in with_members(quantity_of(o), participants)]
        for verb in (t for t in clause.subtree if t.lemma_.lower() in _AIMING and t.tag_ == "VBN"):
            found += [k for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "against")
                      for o in p.children if o.dep_ == "pobj" for k in with_members(quantity_of(o), participants)]
    return found


def _kind_of(possessor, noun) -> bool:
    """"a developers' conference", "a women's march": a plural possessor of an indefinite noun
    says what kind of event it is (for whom), not who does it. The parser hangs the "a" on
    either word; an "a" cannot open a plural, so it is the event noun's."""
    plural = possessor.tag_ in ("NNS", "NNPS") or possessor.lower_ in ("women", "men", "children", "people")
    return possessor.dep_ == "poss" and plural and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in (*possessor.children, *noun.children))


# Light verbs whose object is the event their subject does: "held talks", "launched an
# offensive", "carried out a raid", "committed the murder", "issued a ban", "imposed a
# curfew", "declared a ceasefire" ("carry" only with "out")
_LIGHT = LIGHT - {"carry"} | {"lead"}  # and "led the attack", "protests led by students": who leads does it
# Of those, the verbs of doing only, whose subject a controlling verb or noun lends them ("planned
# to launch an offensive", "the decision to carry out the attacks")
_DOING = {"conduct", "stage", "launch", "mount", "commit", "perpetrate", "wage", "carry", "lead"}
# and "hold", whose controlled subject holds the talks or the vote ("agreed to hold talks",
# "plans to hold a referendum"), though its passive "by" phrase is no doer ("talks held by the UN")
_CONTROLLED = _DOING | {"hold"}


def _light(verb) -> bool:
    """A light verb: one of _LIGHT, or "carry out"."""
    if verb.lemma_ == "carry":
        return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "out" for c in verb.children)
    return verb.lemma_ in _LIGHT


def _doing(verb) -> bool:
    """A light verb of doing, whose "by" phrase in the passive is the doer: "carried out by",
    "launched by", "imposed by"; not "held by", "made by", which also tell who owns or
    produced a thing ("the seat held by the party", "the comment made by")."""
    return _light(verb) and verb.lemma_ not in ("hold", "have", "make")


def _series(token):
    """The noun that stands for an event noun in its clause: "a series of attacks" for "attacks"."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SERIES:
        return head.head
    return token


# Verbs that judge, hold or punish someone for a crime named by a noun after "of", "for" or
# "with": "charged with murder", "convicted of fraud", "arrested for the bombing", "jailed for
# the attack" (the gerund's doer is found alike: kg.events.control)
_JUDGED_FOR = JUDGING | {"jail", "imprison", "try", "detain", "prosecute", "investigate", "want", "extradite",
                         "execute", "hang", "question"}
# Classes of the crimes and violence a person is judged for
_CRIMES = ("kgo:CommitCrime", "kgo:Assault", "kgo:Kill", "kgo:Fight", "kgo:Bomb", "kgo:CyberAttack", "kgo:Riot",
           "kgo:UseUnconventionalMassViolence", "kgo:SeizeOrDamageProperty")


def _judged_for(token, participants) -> list[str]:
    """"Two brothers were charged with murder", "a man convicted of fraud", "police arrested him
    for the attack": who is judged, held or punished for a crime is who it is said to have
    done (as a gerund's doer: "accused of smuggling"); people only."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ not in ("of", "for", "with"):
        return []
    verb, judged = head.head, []
    if verb.dep_ == "dobj" and verb.pos_ in ("NOUN", "PROPN", "PRON"):
        # "accused the opposition of sabotage": the parser may hang "of" on the object
        verb, judged = verb.head, [verb]
    if verb.pos_ != "VERB":
        return []
    lexicon = load_lexicon()
    kind = lexicon.event_type(token.lemma_.lower(), pos="NOUN")
    if verb.lemma_.lower() not in _JUDGED_FOR or not any(lexicon.is_a(kind, cls) for cls in _CRIMES):
        return []
    judged = judged or [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not judged and verb.dep_ == "acl" and verb.tag_ == "VBN":
        judged = [verb.head]  # "a man convicted of fraud"
    if not judged and shared_passive(verb):
        judged = [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # "were arrested and charged with murder"
    return [k for c in judged[:1] for k in with_conjuncts(antecedent(quantity_of(c)), participants)
            if intends(k, participants)]


# Verbs by which a subject owns up to an event: "ETA claimed responsibility for the bombing"
# (not "denied": who denies it is not said to have done it)
_OWN_UP = {"claim", "accept", "admit", "take", "assume", "bear"}


def _responsible(token, participants) -> list[str]:
    """"The group claimed responsibility for the bombing": the subject that claims, accepts or
    takes responsibility for an event did it; but "no group has claimed responsibility" names
    no one, nor does a claim that is negated or only possible, expected or planned."""
    head = token.head
    if not (token.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in ("responsibility", "credit")):
        return []
    claim = head.head
    verb = claim.head
    if claim.dep_ != "dobj" or verb.lemma_ not in _OWN_UP or factuality(verb) != "asserted":
        return []  # "did not claim", "may claim responsibility": no one is said to have done it
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(d.dep_ == "det" and d.lower_ in ("no", "neither") for s in subjects for d in s.children):
        return []
    return [k for k in subject_of(verb, participants) if participants.can_act(k)]


# Classes of what someone sends or gives to another: an order, a request, a demand, a statement;
# aid, a payment, an investment ("aid from the government", "investment from China")
_SENT = ("kgo:Order", "kgo:Appeal", "kgo:Demand", "kgo:MakeStatement", "kgo:ProvideAid", "kgo:Pay", "kgo:Invest")


def _sent(token) -> bool:
    lexicon = load_lexicon()
    kind = lexicon.event_type(token.lemma_.lower(), pos="NOUN")
    return any(lexicon.is_a(kind, cls) for cls in _SENT)


def _senders(token, participants) -> list[str]:
    """"an order from Acme", "won an order from Acme", "a request from the union", "aid from
    the government": who sends an order, a request or a statement, or gives aid or a payment,
    is who makes it; "from" may hang on the noun or on the verb the noun is the object of, or
    whose sum of money it is ("received $30 billion in aid from the government")."""
    holders = [token] + ([token.head] if token.dep_ == "dobj" and token.head.pos_ == "VERB" else [])
    amount = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "in" else None
    if amount is not None and amount.ent_type_ == "MONEY" and amount.dep_ == "dobj" and amount.head.pos_ == "VERB":
        holders.append(amount.head)  # "received $30 billion in aid from the government"
    found = []
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == "from"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                # a noun of people or a body of them names a new one: "aid from the government"
                doer = type_of(noun_lemma(pobj), pobj) in _DOERS
                found += [k for k in with_conjuncts(pobj, participants, may_create=doer) if participants.can_act(k)]
    return found


# Who may do what an event noun names, when a common noun modifies it ("rebel attacks")
_DOERS = ("schema:Person", "schema:Organization")
# Classes whose modifier noun undergoes or rides along rather than acts: "employee reductions",
# "passenger flights"
_UNDERGONE = ("kgo:Increase", "kgo:Decrease", "kgo:Move", "kgo:Fly", "kgo:Die", "kgo:Injure")
# Classes of force and pressure, aimed "on" their target ("the raid on the compound", "sanctions
# on Iran"); "on" after other nouns says where or about what ("a statement on its website")
_AIMED = ("kgo:Fight", "kgo:Assault", "kgo:Coerce", "kgo:ImposeSanctions", "kgo:Protest", "kgo:Threaten")
# Classes of the nouns of verbs that take no object, whose "of" names who does them: "the
# resignation of the minister", "the visit of the president", "a strike of dockworkers", "the
# victory of the Socialists", "a statement of the ministry"
_DONE_BY_OF = ("kgo:Resign", "kgo:Visit", "kgo:Protest", "kgo:StrikeOrBoycott", "kgo:Win", "kgo:MakeStatement")
# Classes of what is suffered rather than done: "army casualties", "civilian deaths"
_SUFFERED = ("kgo:Die", "kgo:Injure")
# Classes of a state one falls into, whose owner undergoes it: "Chrysler's insolvency"
_FALLEN_INTO = ("kgo:GoBankrupt",)
# Figures a report gives: "the bank reported losses" tells of the bank's results, the bank did
# not do the losses (but "Airbus announced job cuts": Airbus cuts the jobs)
_OUTCOMES = {"loss", "profit", "earnings", "earning", "deficit", "surplus", "revenue", "income", "result"}


# Nouns of those who suffer an event named after "of": "the victims of the bombing"
_SUFFERERS = {"victim", "casualty", "survivor"}


def _undergone_clause(verb) -> bool:
    """A clause whose subject undergoes its verb: a passive ("were killed") or a verb whose
    subject undergoes it with no object ("died", "fell")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.lemma_ in _UNACCUSATIVE - _ASPECTUAL and not any(c.dep_ == "dobj" for c in verb.children))


def _suffered(token) -> bool:
    lexicon = load_lexicon()
    kind = lexicon.event_type(token.lemma_.lower(), pos="NOUN")
    return any(lexicon.is_a(kind, cls) for cls in _SUFFERED) or token.lemma_.lower() in ("casualty", "death")


# Nouns of a change that happens to a value, which nobody does (the nouns of _UNACCUSATIVE's
# verbs): "a fall", "a gain", "a downturn"; not "a cut", "an increase" (someone cuts, raises)
_CHANGES = {"fall", "drop", "decline", "rise", "gain", "slump", "surge", "jump", "dip", "plunge", "slide",
            "tumble", "rebound", "downturn", "upturn", "slowdown", "contraction", "growth", "spike"}
# Verbs whose subject undergoes the change their object names: "the index posted a gain",
# "shares saw a sell-off", "the dollar suffered its biggest fall", "banks led the decline"
_UNDERGO_VERBS = {"post", "see", "suffer", "record", "register", "log", "notch", "book", "experience",
                  "show", "undergo", "endure",
                  "lead"}  # "bank stocks led the decline": what leads a fall falls most


def _outcome(token) -> bool:
    """An event noun that reports a figure: a loss, a profit, earnings."""
    return token.lemma_.lower() in _OUTCOMES


# what one takes in rather than does: "the airline will take delivery" (the maker delivers)
_TAKEN_IN = {"delivery", "receipt", "possession", "ownership", "charge", "control", "place", "part", "note"}


# Verbs that answer what others said: "denied the reports", "confirmed the claim" (the reports
# and the claim are someone else's)
_ANSWERS = {"deny", "confirm", "refute", "dismiss", "dispute", "reject", "welcome", "question", "acknowledge"}


def _answers(verb, noun) -> bool:
    """Whether the verb answers a statement noun: its subject did not make the statement."""
    if verb.lemma_.lower() not in _ANSWERS:
        return False
    lexicon = load_lexicon()
    kind = lexicon.event_type(noun.lemma_.lower(), pos="NOUN")
    return any(lexicon.is_a(kind, cls) for cls in ("kgo:MakeStatement", "kgo:Accuse", "kgo:Charge"))


# Verbs of statement whose object is what the speaker sees coming, not what it will do:
# "economists forecast a recession", "the IMF predicted a slowdown"
_FORESEES = {"forecast", "predict", "project", "estimate", "expect", "anticipate", "foresee", "fear", "warn"}


def _announces(verb) -> bool:
    """Verbs of statement and negotiation (classes of the lexicon): "announce", "negotiate"."""
    lexicon = load_lexicon()
    kind = lexicon.event_type(verb.lemma_.lower(), pos="VERB")
    return any(lexicon.is_a(kind, cls) for cls in ("kgo:MakeStatement", "kgo:Negotiate"))

