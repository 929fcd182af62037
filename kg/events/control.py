"""Whose subject a verb without one of its own borrows: control verbs ("threatened to
close"), coordination ("said and added"), participles ("citing flaws"), gerunds after a
preposition ("fined after breaking the rules") and raising passives ("are reported to want")."""

from __future__ import annotations

from kg.text.tokens import is_headline

from .factuality import is_infinitive
from .participants import antecedent, intends, quantity_of, with_conjuncts

_OBJECT_CONTROL = {"ask", "urge", "order", "tell", "force", "persuade", "allow", "invite", "require", "help",
                   "appoint", "hire", "name", "choose", "elect", "select", "pick", "authorize", "encourage",
                   "enable", "permit", "empower", "prompt", "press", "pressure", "push", "warn", "remind",
                   "advise", "instruct", "command", "beg", "implore", "call"}
# Verbs whose infinitive the object of a preposition does: "called on Moscow to withdraw"
_PREPOSITION_CONTROL = {"call": ("on", "upon"), "appeal": ("to",), "plead": ("with",), "rely": ("on",),
                        "count": ("on",), "wait": ("for",)}

def inherited_subject(token, participants) -> list[str]:
    """Control, coordination and participles: the subject of the verb this one depends on
    ("threatened to close", "said and added", "citing flaws"), and for "a contract to
    supply" the subject of the verb whose object the noun is ("won a contract to supply")."""
    head = token.head
    if token.dep_ == "ROOT" and is_infinitive(token) and is_headline(token):
        # "GM to close four plants", which the parser may root at the verb, the name hanging
        # on it as an unlabelled dependent: the name before "to" does it, if it can act
        named = [c for c in token.children if c.dep_ in ("dep", "npadvmod") and c.i < token.i
                 and c.pos_ in ("PROPN", "NOUN")]
        return [k for c in named[:1] for k in with_conjuncts(c, participants, may_create=True) if participants.can_act(k)]
    if head.i == token.i or _quoted_imperative(token):
        return []
    stranded = _stranded_subject(token)
    if stranded is not None:
        return with_conjuncts(antecedent(stranded), participants, may_create=True)
    if token.dep_ == "acl" and token.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        # "an executive overseeing hardware", "reports stating that ...": the noun does it, if it can act;
        # "resigned in a letter stating ...": who writes the letter says it
        found = [k for k in with_conjuncts(antecedent(head), participants, may_create=True) if participants.can_act(k)]
        if not found and head.dep_ == "pobj" and head.head.lower_ in ("in", "through") and head.head.head.pos_ == "VERB":
            found = subject_of(head.head.head, participants)
        return found
    if token.dep_ in ("acl", "relcl", "advcl") and is_infinitive(token) and head.dep_ == "ROOT" and is_headline(token):
        # a headline's "Acme to cut 500 jobs" is "Acme is to cut": the noun before does it, if
        # it can act ("A plan to cut jobs": no)
        return [k for k in with_conjuncts(head, participants, may_create=True) if participants.can_act(k)]
    if token.dep_ == "acl" and is_infinitive(token) and head.pos_ == "NOUN":
        # "Boeing's plan to build", "the Northrop and EADS plan to assemble": whose plan it is
        owners = [c for c in head.children if c.dep_ in ("poss", "nsubj")]
        found = with_conjuncts(antecedent(owners[0]), participants, may_create=False) if owners else []
        if found:
            return found
    if token.dep_ == "acl" and is_infinitive(token) and head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "pobj"):
        verb = head.head if head.dep_ == "dobj" else head.head.head
        return subject_of(verb, participants) if verb.pos_ in ("VERB", "AUX") else []
    if token.dep_ == "pcomp" and head.lower_ == "as" and head.head.pos_ == "VERB":
        # "quoted Djamal as saying", "described the plan as saving jobs": the object does it
        objects = [c for c in head.head.children if c.dep_ == "dobj"]
        return with_conjuncts(objects[0], participants) if objects else []
    being = any(c.dep_ == "auxpass" and c.lower_ == "being" for c in token.children)
    if token.dep_ == "pcomp" and (token.tag_ == "VBG" or being) and head.dep_ == "prep":
        # "after breaking the rules", "released after being questioned": who the phrase is of
        return _gerund_doer(head, participants)
    if token.dep_ not in ("xcomp", "conj", "advcl"):
        return []
    if token.dep_ == "xcomp" and head.pos_ in ("ADJ", "VERB") and head.dep_ == "acomp":
        # "they will be willing to contribute", "we are committed to support"
        return subject_of(head.head, participants)
    if token.dep_ == "xcomp" and is_infinitive(token) and head.dep_ == "acl" and head.tag_ == "VBN" \
            and head.head.pos_ in ("NOUN", "PROPN"):
        # "a suspect believed to have planted the bomb", "troops ordered to withdraw": the noun
        # the passive participle tells of does the infinitive
        return with_conjuncts(antecedent(quantity_of(head.head)), participants, may_create=True)
    raised = _passive_subject(token, head)
    if raised is not None:
        return with_conjuncts(antecedent(raised), participants, may_create=True)
    if token.dep_ in ("xcomp", "advcl") and is_infinitive(token) and head.lemma_ in ("give", "grant"):
        # "gave GM until June 1 to restructure", "gave the union a week to respond": who is given
        # the time or the chance does it (not "gave a speech to mark the day": a speech does nothing)
        given = [c for c in head.children if c.dep_ in ("dative", "dobj") and c.ent_type_ not in ("DATE", "TIME")]
        doers = [k for c in given[:1] for k in with_conjuncts(antecedent(c), participants) if intends(k, participants)]
        if doers:
            return doers
    if token.dep_ == "xcomp" and head.lemma_ in _OBJECT_CONTROL:
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if objects:
            return with_conjuncts(objects[0], participants)
    if token.dep_ == "xcomp" and head.lemma_ in _PREPOSITION_CONTROL:
        # "called on both sides to respect the truce", "appealed to voters to stay calm": the
        # object of the preposition does it, not the caller
        objects = [o for p in head.children if p.dep_ in ("prep", "prt") and p.lower_ in _PREPOSITION_CONTROL[head.lemma_]
                   for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
        if objects:  # "called on Monday to end the strike": no one called on, the caller does it
            return with_conjuncts(objects[0], participants)
    if token.dep_ == "advcl" and not (is_infinitive(token) or token.tag_ in ("VBG", "VBN")):
        return []
    if token.dep_ == "advcl" and head.dep_ == "relcl" and token.i > 0 and token.doc[token.i - 1].text == ",":
        # ", signaling its displeasure" after a relative clause tells of the main clause:
        # "North Korea blew up a building where officials had worked, signaling ..."
        main = head.head
        while main.head.i != main.i and main.pos_ not in ("VERB", "AUX"):
            main = main.head
        if main.pos_ in ("VERB", "AUX"):
            return subject_of(main, participants)
    return subject_of(head, participants)


_OPENING_QUOTES = {'"', "``", "\u201c", "'", "\u2018"}


def _quoted_imperative(token) -> bool:
    """'saying, "Stop me if you have seen this"': a bare verb opening a quotation is an order to
    the listener, not something the speaker does."""
    return (token.tag_ == "VB" and token.i > 0 and token.doc[token.i - 1].text in _OPENING_QUOTES
            and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in token.children))


# prepositions whose gerund the object of the verb does: "barred Acme from using the name"
_OBJECT_GERUND = {"from", "into"}


# Verbs that judge someone for what they did, whose "of" or "for" phrase the parser may hang on
# the object: "accused the opposition of sabotaging", "praised the union for calling off"
JUDGING = {"accuse", "suspect", "convict", "acquit", "blame", "charge", "criticize", "criticise", "praise",
            "thank", "fine", "sentence", "sue", "punish", "condemn", "commend", "credit", "arrest", "indict"}


def _gerund_doer(prep, participants) -> list[str]:
    """A gerund after a preposition ("after violating the law", "by saying", "as a means of
    modernising its fleet") is done by the subject of the verb the phrase hangs on, through
    at most a few nouns and prepositions; after "from" by its object ("barred Acme from using"),
    and after "of" or "for" by whom a verb of judging judges ("accused Acme of dumping")."""
    verb = prep.head
    if prep.lower_ in ("of", "for") and verb.dep_ == "dobj" and verb.head.lemma_.lower() in JUDGING:
        return [k for k in with_conjuncts(antecedent(verb), participants) if intends(k, participants)]
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        if verb.pos_ == "ADJ" or verb.pos_ in ("NOUN", "PROPN") and verb.dep_ != "pobj":
            # "an iPod capable of showing video", "announced the integration of podcasting":
            # what the adjective or the noun tells of, not the verb's subject
            return []
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if prep.lower_ in _OBJECT_GERUND and prep.head.i == verb.i and objects:
        return with_conjuncts(objects[0], participants)
    if prep.lower_ in ("for", "of") and prep.head.i == verb.i and objects:
        # "sentenced Hale for taking bribes", "acquitted Baker of stealing", "blamed Acme for
        # delaying": the person or company the verb acts on did it, or is said to have;
        # "used the plane for testing": a thing does nothing on purpose
        doers = [k for k in with_conjuncts(objects[0], participants) if intends(k, participants)]
        if doers:
            return doers
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and prep.head.i == verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
        # "two men accused of smuggling weapons", "a man arrested after attacking a guard": the
        # noun a passive participle tells of is its subject, and the gerund's doer
        return [k for k in with_conjuncts(antecedent(quantity_of(verb.head)), participants) if intends(k, participants)]
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:  # "Acme was suspended after violating the law"
        return with_conjuncts(antecedent(quantity_of(passive)), participants, may_create=True)
    return subject_of(verb, participants)


def _passive_subject(token, head):
    """The subject of a passive verb does what an active verb depending on it says: "some
    studios are reported to want", "the team was merged into another and would cease"; and
    undergoes a passive one: "two soldiers were reported to have been killed", "two men were
    arrested and charged", "the minister resigned and was replaced"."""
    passive = token.dep_ in ("xcomp", "conj") and any(c.dep_ == "auxpass" for c in token.children)
    if token.dep_ not in ("xcomp", "conj") or token.tag_ == "VBN" and not (passive or shared_passive(token)) \
            or head.pos_ not in ("VERB", "AUX"):
        return None
    raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if raised is None and passive and token.dep_ == "conj":
        raised = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return raised


def shared_passive(token) -> bool:
    """A past participle coordinated with a passive verb whose auxiliary it shares: "were
    arrested and charged", "are selected and purchased by the government"."""
    return (token.dep_ == "conj" and token.tag_ == "VBN" and token.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in token.children)
            and any(c.dep_ == "auxpass" for c in token.head.children))


def subject_of(verb, participants) -> list[str]:
    """Who does a verb: its subject, its "by" phrase, or the subject it borrows. "Thousands
    of students marched to protest": the students, not the number."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return with_conjuncts(antecedent(quantity_of(child)), participants, may_create=True)
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return with_conjuncts(pobj, participants)
    if verb.pos_ in ("VERB", "AUX") and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return inherited_subject(verb, participants)
    return []


def _stranded_subject(token):
    """"after Lehman filed for bankruptcy and Merrill Lynch agreed to be sold": the parser
    made "Merrill Lynch" a conjunct of "bankruptcy" and "agreed" a conjunct of the main verb.
    A coordinated verb follows "and" (or an adverb); a noun right before it is its subject."""
    if token.dep_ != "conj":
        return None
    before = token.i - 1
    while before > 0 and token.doc[before].pos_ == "ADV":
        before -= 1
    noun = token.doc[before]
    if noun.pos_ in ("PROPN", "NOUN") and noun.dep_ in ("conj", "pobj", "dobj", "appos") and noun.head.i != token.i:
        return noun
    return None
