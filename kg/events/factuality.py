"""Tense and factuality of an event trigger, read off the dependency parse.

An event is "asserted" only when the text states that it happened or is happening: a
negation, a modal, a future, a conditional, or a governing cue word ("threatened to",
"plans to", "denied") takes that away. Cue words are data, in ontology/events.ttl.
"""

from __future__ import annotations

from kg.text.tokens import quoted_subject
from kg.times.tense import futurate
from kg.vocab.lexicon import load_lexicon

_MODALS = {"may": "possible", "might": "possible", "could": "possible", "would": "possible",
           "should": "possible", "must": "possible", "can": "possible"}
_FUTURE = {"will", "shall", "'ll"}
_NEGATIONS = {"not", "n't", "never", "no"}
_NOBODY = {"nobody", "nothing", "none", "no-one"}
# Verbs whose infinitive complement did happen ("managed to land", "began to fall")
_IMPLICATIVE = {"manage", "begin", "start", "continue", "go", "happen", "seem", "appear", "tend",
                "use", "help", "remember", "get", "come", "stop", "cease", "keep",
                "force", "compel", "oblige", "cause"}  # "forced thousands to flee": they fled
# Verbs that let or make their object do what their infinitive says: not letting it, one keeps it
# from happening ("did not allow the rebels to enter")
_PERMITS = {"allow", "let", "permit", "enable", "force", "compel"}
# Verbs whose direct object is a decision already made, which they contest: it happened
# whether or not the contest does
_CONTESTS = {"appeal"}
# and verbs that contest a judgment when one is their object: "will fight the charges", "would
# challenge the ruling" (but "will fight the takeover": that may not come)
_CHALLENGES = {"fight", "contest", "challenge", "dispute"}
JUDGMENTS = {"charge", "verdict", "ruling", "decision", "result", "conviction", "sentence", "fine", "indictment",
             "allegation", "accusation", "claim", "finding", "judgment", "judgement", "order", "ban", "election"}
_DENIALS = {"deny", "cancel", "scrap", "abandon", "call", "prevent", "avert", "thwart", "foil", "axe", "ditch"}
# Prepositions through which a cue of possibility reaches what is alleged or considered
_CHARGED = {"of", "with", "about", "over"}
# Nouns that count events of one kind: "a series of attacks", "a wave of arrests" (the events
# are what the clause says of the series)
SERIES = {"series", "wave", "spate", "string", "campaign", "round", "flurry", "barrage", "volley"}
# Light verbs, whose object is their own event: "did not launch an offensive", "held no talks"
LIGHT = {"hold", "have", "make", "conduct", "stage", "launch", "mount", "commit", "perpetrate", "wage",
         "issue", "impose", "declare", "carry"}
# Verbs whose object comes into being by them, as a light verb's does: "signed a deal", "reached
# an agreement" (not "reported the attack": what one did not report happened all the same)
_CONCLUDE = {"sign", "reach", "strike", "seal", "conclude", "clinch"}
# Clausal links through which a cue word governs the event it introduces
_COMPLEMENTS = {"xcomp", "ccomp", "acl", "advcl", "pcomp", "pobj", "relcl", "dobj", "conj"}


def tense(token) -> str:
    """past | present | future, from the verb's auxiliaries and morphology."""
    if _shares_auxiliaries(token):
        return tense(token.head)
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & _FUTURE or _going_to(token) or _headline_infinitive(token) or _timetabled(token):
        return "future"
    if token.tag_ in ("VBD",) or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    if token.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries):
        return "past"  # the present perfect reports a past event
    if token.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
        return "present"
    head = token.head
    if head.i != token.i and token.dep_ in ("xcomp", "ccomp", "conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return tense(head)
    return "past"


def factuality(token) -> str:
    """asserted | negated | threatened | planned | expected | requested | possible."""
    if _shares_auxiliaries(token):
        return factuality(token.head)  # "will close the plant and cut 2,000 jobs": both to come
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and stands_for(token):
        # "the meeting would take place on March 10": may take place; "the summit will be held
        # in Rome": is to come
        return factuality(token.head)
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and set_for(token.head) is not None \
            and _own_factuality(token.head) != "negated":
        return "planned"  # "set the vote for March 20", "called elections for May"
    put_off = _put_off(token.head) if token.pos_ == "NOUN" and token.dep_ == "nsubjpass" else None
    if put_off is not None:
        # "the talks were cancelled": none; "the talks may be cancelled", "were postponed": to come
        verb = _own_factuality(token.head)
        if verb != "negated":
            return put_off if verb == "asserted" else "planned"
    own = _own_factuality(token)
    if own != "asserted":
        return own
    return _governed(token)


# Verbs that say no more than that their subject event happens: "the vote will take place on
# Sunday", "the strike went ahead" (its factuality and date are the noun's; kg.circumstances
# reads more of them for places: "clashes erupted in Cairo")
OCCUR = {"happen", "occur", "take place", "go ahead"}


def occurs(verb, words=OCCUR) -> bool:
    """Whether the verb is one of ``words`` that say its subject event happened; not with an
    object of its own: "the strike ended production in Detroit" is not where the strike was."""
    if not _forms(verb, ("dobj", "prt", "advmod")) & words:
        return False
    return not any(c.dep_ in ("dobj", "xcomp", "ccomp") and c.lower_ != "place" for c in verb.children)


def _forms(verb, deps=("prt",)) -> set[str]:
    """The verb's lemma, and with the word right after it when that word is one of ``deps``
    ("call off", "take place", "go ahead")."""
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ in deps and c.i == verb.i + 1), None)
    return {lemma, f"{lemma} {particle}"} if particle else {lemma}


# Verbs whose passive subject event did not happen ("the talks were cancelled", "the attack was
# foiled"), or is still to come ("the vote was postponed"); not "denied" or "rejected", whose
# subject may be a statement or an offer that was made, nor "delayed": a delayed flight may
# only have left late
_CALLED_OFF = {"cancel", "scrap", "abandon", "axe", "ditch", "call off", "prevent", "avert", "thwart", "foil",
               "block"}
_PUT_OFF = {"postpone", "defer", "reschedule", "put off", "push back", "schedule"}


# Cues whose complement clause always follows them ("agreed to", "planned that", "threatened
# to"); only a verb of saying or thinking takes one before it ("the strike is over, he said")
_AHEAD = ("Planned", "Threatened", "Requested", "Expected")


def _cue(verb, lexicon) -> str | None:
    """The cue a verb is, with its particle first: "called off the strike" (Negated) is not
    "called for a strike" (Requested)."""
    lemma = verb.lemma_.lower()
    phrasal = next((cue for form in _forms(verb) - {lemma} if (cue := lexicon.cue(form))), None)
    return phrasal or lexicon.cue(lemma)


def _put_off(verb) -> str | None:
    """negated | planned for an event noun that is the passive subject of a verb that calls it
    off or puts it off, or sets it for a date ("talks are set for Friday"), else None."""
    words = _forms(verb, ("prt", "advmod"))
    if words & _CALLED_OFF:
        return "negated"
    if words & _PUT_OFF or set_for(verb) is not None:
        return "planned"
    return None


# Conjunctions of reason and concession: the clause they open holds whatever becomes of the
# clause it explains ("will close the plant because sales slumped", "although talks resumed")
_REASONS = {"as", "because", "since", "although", "though", "while", "whereas", "given"}


# Verbs that fix the date of an event: "the vote is scheduled for Sunday", "talks are set for
# Friday", "the summit was planned for May", "the trial was postponed until March", "called a
# strike for Monday"
SCHEDULING = {"schedule", "reschedule", "set", "slate", "plan", "fix", "postpone", "defer", "push", "move", "call"}
_FOR_A_DATE = {"for", "until", "till", "to"}


def set_for(verb):
    """The date word a scheduling verb sets its event for ("scheduled for Sunday": Sunday), or
    None; not "planned by the army" nor "set to rise"."""
    if verb.lemma_.lower() not in SCHEDULING:
        return None
    return next((o for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in _FOR_A_DATE
                 for o in prep.children if o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME")), None)


def stands_for(noun) -> bool:
    """Whether the verb above an event noun only stands for it: the noun is the object of a
    light verb ("will hold talks"), its passive subject ("talks were held") or the subject of
    "take place" ("the meeting will take place")."""
    verb = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in LIGHT:
        return True
    return noun.dep_ in ("nsubj", "nsubjpass") and occurs(verb)


def _shares_auxiliaries(token) -> bool:
    """A verb coordinated with another, with no subject or auxiliary of its own and in the
    base form ("will close the plant and cut jobs", "did not close it or cut jobs"), is under
    the same modal, future or negation as the first; "closed the plant and cut jobs" is past."""
    head = token.head
    if token.dep_ != "conj" or head.pos_ not in ("VERB", "AUX") or token.pos_ != "VERB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in token.children):
        return False
    base = token.tag_ == "VB" or (token.tag_ == "VBD" and token.lower_ == token.lemma_.lower())
    return base and (token.tag_ == "VB" or head.tag_ == "VB")


def _own_factuality(token) -> str:
    children = list(token.children)
    if token.pos_ == "NOUN":  # "no explosion"; but in "an armistice, not a peace treaty" the armistice was
        return "negated" if _has_no(token) else "asserted"
    if token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN") and _has_no(token.head):
        return "negated"  # "there is no approved vaccine", "no injured passengers": none was approved
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
        # "if the government does not release the prisoners": a condition, neither done nor
        # denied; "asked whether the talks had failed": a question
        return "possible"
    if any(c.dep_ == "neg" or c.lower_ in _NEGATIONS and c.dep_ in ("neg", "advmod", "det") for c in children):
        return "negated"
    if any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NOBODY or _has_no(c)) and not quoted_subject(c)
           for c in children):  # but '"Nothing," said the minister' said something
        return "negated"  # "No South Koreans had worked there": nobody did
    auxiliaries = [c.lower_ for c in children if c.dep_ in ("aux", "auxpass")]
    for word in auxiliaries:
        if word in _MODALS:
            return _MODALS[word]
        if word in _FUTURE:
            return "possible" if _on_condition(token) else "expected"
    if _going_to(token):  # "is going to close"; "we're not going to launch until it's right": will not
        return "negated" if any(c.dep_ == "neg" for c in token.head.children) else "expected"
    if _headline_infinitive(token) or _timetabled(token):
        return "expected"
    return "asserted"


def _on_condition(verb) -> bool:
    """Whether a clause of condition hangs on the verb: "the army will bomb the town if the
    talks fail" only may; "will bomb the town when the talks end" is expected."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in verb.children)


def _timetabled(token) -> bool:
    """"The president arrives in Brussels on Sunday", "ministers are meeting on Friday": a
    timetabled event told in the present with a date of its own is to come (see
    kg.times.tense.futurate, which reads that date as one ahead)."""
    if token.pos_ != "VERB" or not futurate(token):
        return False
    dated = [c for c in token.children if c.dep_ == "npadvmod"]
    dated += [p for c in token.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(t.ent_type_ in ("DATE", "TIME") for t in dated)


def _has_no(noun) -> bool:
    """Whether "no" determines the noun phrase: "no explosion", and "No tsunami warning", where
    the parser hangs the determiner on the first noun of the compound."""
    nouns = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    return any(d.dep_ == "det" and d.lower_ == "no" for n in nouns for d in n.children)


# Verbs whose object is already going on, whatever becomes of the verb: "voted to end a
# two-week strike", "threatened to extend the strike" (not "stop", "block": the closure one
# hopes to stop may only be planned)
_UNDER_WAY = {"end", "extend", "continue", "prolong", "escalate", "intensify", "suspend", "widen"}


def _governed(token) -> str:
    """Walk up the clauses: the first cue word that governs this event decides."""
    lexicon = load_lexicon()
    if token.dep_ == "dobj" and token.head.lemma_.lower() in _UNDER_WAY and token.pos_ == "NOUN":
        return "asserted"
    if _denied_statement(token, lexicon):
        return "asserted"  # "denied reports that it had withdrawn": the reports were made
    node, steps = token, 0
    if token.dep_ == "conj" and token.tag_ == "VBG" and is_infinitive(token.head) and token.head.head.tag_ == "VBG":
        # "forcing thousands to flee their homes and destroying dozens of buildings": the parser
        # hangs the second participle on the infinitive; it is the first participle's fellow
        return factuality(token.head.head)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in SERIES:
        node = token.head.head  # "will launch a series of raids": the raids are what is launched
    while node.head.i != node.i and steps < 4:
        link, head = node.dep_, node.head
        if link not in _COMPLEMENTS:
            return "asserted"
        if link == "relcl":
            return "asserted"  # "a charge the army denied": the clause tells of its noun, no cue of the noun's governs it
        if link == "pobj" and head.lower_ == "for" and head.dep_ == "prep":
            # "called for a strike", "asked the government for help": what is asked for is to come
            cue = lexicon.cue(head.head.lemma_.lower())
            if cue in ("Requested", "Planned", "Threatened", "Expected") and _own_factuality(head.head) != "negated":
                return cue.lower()
        if link == "pcomp" and head.lower_ in ("toward", "towards") and node.tag_ == "VBG":
            return "planned"  # "a step toward ending decades of enmity": a goal, not done
        if link in ("pobj", "pcomp") and head.dep_ == "prep" and (
                head.lower_ in _CHARGED or link == "pcomp" and head.lower_ == "on"):  # "talks on reuniting families"
            # "accused of stealing", "charged with killing", "talk of a merger": alleged or
            # considered, not stated as done
            # "warned of an attack", "threatened with expulsion": threatened
            cue = lexicon.cue(head.head.lemma_.lower())
            if cue in ("Possible", "Threatened"):
                return cue.lower()
        if _unvouched(node, head):
            return "possible"
        if link in ("ccomp", "xcomp") and is_infinitive(node) and head.pos_ in ("VERB", "AUX") \
                and _own_factuality(head) == "negated":
            # "did not allow the rebels to enter the city", "failed to stop": it did not happen;
            # "did not ask them to leave", "will not order troops to withdraw": it may yet
            # ("did not allow them to disrupt the vote": what was not to be disrupted may still be)
            permits = head.lemma_.lower() in _IMPLICATIVE | _PERMITS
            return "negated" if permits and node.i == token.i else "possible"
        cue = _cue(head, lexicon)
        if link == "ccomp" and node.i < head.i and cue in _AHEAD:
            # "Air strikes killed 14 civilians, a monitor said, a day after the two sides agreed
            # to a truce": what one agrees, plans or threatens follows the verb; a clause before
            # it is the parser's mistake (it took "agreed" for the root), and was stated as done
            return "asserted"
        if cue is not None and link != "conj" and _governs(cue, head, link, node):
            return cue.lower()
        if link in ("advcl", "xcomp") and _result(node, head):  # (the parser reads "lost 4% to close" either way)
            return _own_factuality(head)
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children)  # "believed to have planted"
        if is_infinitive(node) and link in ("xcomp", "acl", "advcl") and head.lemma_.lower() not in _IMPLICATIVE \
                and not perfect:
            return "planned"  # "a contract to supply", "wants to buy", "fitted ... to boost": not (yet) done
        verb = _verb_of_object(node)
        if (verb is not None and node.dep_ == "dobj" and verb.lemma_.lower() in LIGHT | _CONCLUDE
                and _own_factuality(verb) == "negated"):
            return "negated"  # "did not launch an offensive", "would not sign any deal": there was none
        if verb is not None and node.dep_ == "dobj" and _refuses_action(verb, node, lexicon):
            # "rejects auto bailout": no bailout; "has not ruled out a bailout": one may come
            return "possible" if _own_factuality(verb) == "negated" else "negated"
        if verb is not None and not _contests(verb, node) and _own_factuality(verb) in (
                "expected", "possible", "planned"):
            # "would lead to the establishment of missions": what a verb only may bring about
            # has not happened either (a denied verb says nothing of its object's event; what
            # one would appeal was decided all the same)
            return _own_factuality(verb)
        if link == "xcomp" and head.pos_ in ("VERB", "AUX"):  # "will try to close"; not "will say that"
            inherited = _own_factuality(head)
            if inherited != "asserted":
                return inherited
        if link == "advcl" and any(c.dep_ == "mark" and c.lower_ in _REASONS for c in node.children):
            return "asserted"  # "to cut 3,000 jobs as sales slump": the slump is why, and is real
        if link == "advcl" and not is_infinitive(node):
            # "the strike would continue until the operators returned": a clause of time under
            # an event that did not happen did not happen either
            inherited = _own_factuality(head) if head.pos_ in ("VERB", "AUX") else "asserted"
            return inherited if inherited in ("expected", "possible", "planned") else "asserted"
        if link == "acl" and node.tag_ == "VBN" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in node.children):
            # "talks on reuniting families split by the war", "threatened to attack a convoy
            # guarded by soldiers": a participle tells what became of its noun, whatever becomes
            # of the noun (but "a suspect believed to have ..." is what the noun's cue says)
            return "asserted"
        node, steps = head, steps + 1
    return "asserted"


# Verbs that vouch for what they report: "confirmed the raid", "said the talks had failed".
# Negated, they vouch for nothing: "did not confirm that the ministers met", "declined to
# confirm the strike", "did not say the truce had collapsed" leave it open; but "did not say how
# many died" still tells that people died, and "did not report the attack" that there was one
_CONFIRMS = {"confirm", "verify", "corroborate", "acknowledge"}
_VOUCHES = _CONFIRMS | {"say", "report", "announce", "state"}
_ASKS = {"whether", "if", "how", "when", "where", "why", "who", "what", "which", "whom", "whose"}


def _unvouched(node, head) -> bool:
    """What a negated verb of reporting does not vouch for: it is possible, no more."""
    verb = head.lemma_.lower()
    if not (node.dep_ == "ccomp" and verb in _VOUCHES or node.dep_ == "dobj" and verb in _CONFIRMS):
        return False
    if node.dep_ == "ccomp" and any(c.lower_ in _ASKS for c in node.subtree if c.i < node.i):
        return False
    return factuality(head) == "negated"


# "fell 3 percent to close at 9,955": an infinitive of where a change of value ended is its
# result, which happened when the change did, not a purpose
_CHANGES = {"fall", "rise", "drop", "climb", "gain", "lose", "slip", "slide", "jump", "surge", "tumble",
            "plunge", "sink", "advance", "decline", "edge", "soar", "dip", "rally", "add", "shed",
            "increase", "decrease", "grow", "shrink", "retreat", "rebound", "recover", "plummet", "trade"}
# Verbs of where a value stands after a change, in an infinitive of result: "fell 3% to close at"
RESULTS = {"close", "end", "finish", "settle", "stand", "reach", "hit", "trade"}


# Verbs that deny what a statement says, not that it was made: "denied reports that ...",
# "refuted the allegation"; what the statement says is negated through it all the same
_DISPUTES = {"deny", "refute"}
_STATEMENTS = ("kgo:MakeStatement", "kgo:Accuse", "kgo:Charge")  # "denied the charges": they were brought


def _denied_statement(token, lexicon) -> bool:
    if token.dep_ != "dobj" or token.pos_ != "NOUN" or token.head.lemma_.lower() not in _DISPUTES:
        return False
    kind = lexicon.event_type(token.lemma_.lower(), pos="NOUN")
    return any(lexicon.is_a(kind, statement) for statement in _STATEMENTS)


def _result(node, head) -> bool:
    return (is_infinitive(node) and node.lemma_.lower() in RESULTS and head.lemma_.lower() in _CHANGES)


# Verbs that keep their object from happening ("blocked the merger"); others of the lexicon's
# kgo:Reject ("resisted the attack", "violated the truce") do not
_REFUSALS = {"reject", "refuse", "veto", "block", "turn down", "rule out"}
_SAID = ("kgo:MakeStatement", "kgo:Demand", "kgo:Appeal", "kgo:Reject")


def _refuses_action(verb, noun, lexicon) -> bool:
    """Whether a verb of refusal has an action for object: "rejected the bailout", not
    "rejected the offer" (an offer, a plan, a claim or a demand was made all the same)."""
    if not _forms(verb, ("prt", "advmod", "prep")) & _REFUSALS:
        return False
    kind = lexicon.event_type(noun.lemma_.lower(), pos="NOUN")
    return lexicon.cue(noun.lemma_.lower()) is None and not any(lexicon.is_a(kind, said) for said in _SAID)


def _verb_of_object(node):
    """The verb whose object ``node`` is, directly ("will hold talks") or through a
    preposition ("would lead to the establishment"), or None."""
    head = node.head
    if node.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif node.dep_ != "dobj":
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.i != node.i else None


# Verbs whose object may yet come: "investors feared a recession" (but "discussed the attack":
# the attack was)
_FEARS = {"fear", "dread"}


def _contests(verb, noun) -> bool:
    """Whether a verb contests its object as a judgment already given ("appeal the verdict",
    "fight the charges"), which happened whatever becomes of the contest."""
    lemma = verb.lemma_.lower()
    return lemma in _CONTESTS or lemma in _CHALLENGES and noun.lemma_.lower() in JUDGMENTS


def _governs(cue: str, head, link: str, node) -> bool:
    """A cue governs a clause it introduces; an object noun only when the cue says the
    event is to come ("threatened a strike", "demanded a recount"), or is denied or called
    off: "rejected an offer" rejects what was offered, the offer itself was made. An adverbial
    clause other than an infinitive is none of its business: in "rejected the plan after
    Republicans demanded cuts" the demand was made."""
    if link == "advcl":
        return is_infinitive(node)
    if link not in ("dobj", "pobj"):
        return True
    if link == "dobj" and _contests(head, node):
        return False  # "will appeal the verdict": the verdict was given; "appealed for calm" asks
    return (cue in ("Threatened", "Planned", "Requested", "Expected")
            or head.lemma_.lower() in _DENIALS | _FEARS)


def is_infinitive(token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _headline_infinitive(token) -> bool:
    """A headline's "Carmaker to close Ohio plant": announced, still to come."""
    return (token.dep_ == "ROOT" and is_infinitive(token)
            and any(c.dep_ == "nsubj" for c in token.children))


def _going_to(token) -> bool:
    """'is going to close': the future of 'close'."""
    head = token.head
    return (token.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"
            and any(c.lemma_ == "be" for c in head.children if c.dep_ == "aux"))
