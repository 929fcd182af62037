"""The tense of the clause a time expression sits in, which picks the side of the story a
weekday or a month falls on: from the governing verb's morphology and auxiliaries, and from
what governs it ("planned a rally on Saturday", "postponed until Tuesday" look ahead)."""

from __future__ import annotations

from kg.text.tokens import is_headline
from kg.vocab.lexicon import load_lexicon

_FUTURE_MODALS = {"will", "'ll", "shall", "wo", "would", "should", "may", "might"}
# Present modals of possibility and necessity look ahead too ("parliament can vote on Monday",
# "must repay the loan by Friday"), unless negated ("cannot confirm"); "could" only when
# affirmative (see _could_ahead)
_POSSIBLE_MODALS = {"can", "ca", "must"}
# Verbs of perception, whose "could" tells of a past occasion ("residents could hear gunfire on Monday")
_PERCEIVING = {"see", "hear", "feel", "smell", "taste", "sense", "understand", "remember", "recall", "notice"}
_NEGATIVE_SUBJECTS = {"neither", "nor", "no", "none", "nobody", "nothing", "noone"}
_PERFECT = {"have", "has", "had", "'ve"}
# A clause governed by these looks forward: "plans to open", "is scheduled for", "is due in".
_PROSPECTIVE = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "want", "seek",
                "prepare", "propose", "promise", "vow", "pledge", "anticipate", "forecast", "predict", "go"}
# The verbs of scheduling: what they schedule lies ahead, whatever their own tense
_SCHEDULING = {"plan", "schedule", "slate", "intend"}
# Events that run to a timetable, whose simple present or progressive tells what is scheduled
# (the "futurate" present: "the president arrives on Sunday", "the court hears the case in
# March", "ministers are meeting on Friday"); not verbs a present-tense market report uses for
# what happened that day ("shares close higher", "the index ends the week down").
_TIMETABLED = {"arrive", "leave", "depart", "begin", "start", "open", "resume", "meet", "visit", "travel", "fly",
               "return", "hold", "host", "vote", "convene", "reconvene", "face", "play", "launch", "debut", "expire",
               "retire", "tour", "attend", "address", "hear", "kick", "take", "go", "head", "sit", "testify", "appear"}
# Verbs whose "until" phrase is a deadline or an end ahead, beside the lexicon's delays, suspensions, closings
_DEFERRING = {"extend", "adjourn", "give", "grant", "allow"}
# Verbs that move an event to the date of their "to" phrase ("moved the hearing to Monday",
# "brought the vote forward to Friday"), beside the lexicon's delays ("postponed to March")
_MOVING = {"move", "bring", "push", "shift", "reschedule", "put"}
# Verbs that bind their subject to an act to come ("vowed to retaliate by Friday", "agreed to
# meet on Monday"), beside the lexicon's cues of threats and requests ("threatened to strike on
# Monday", "urged parliament to vote by Friday"): the act lies ahead of the binding, whatever
# its tense. Not verbs of expectation ("growth was expected to slow in March" may be over) nor
# of attempt ("tried to flee on Monday" tells when the attempt was made).
_COMMITTING = {"promise", "pledge", "vow", "swear", "agree", "decide", "vote", "resolve", "undertake", "offer",
               "propose", "threaten"}
_AHEAD_CUES = ("Threatened", "Requested")
# Verbs whose "that" clause in the subjunctive is what is to be done: "proposed that the talks
# be held on Friday", "insisted that the vote take place in March"
_MANDATING = {"demand", "insist", "suggest", "recommend", "ask", "urge", "request", "require", "order", "move"}
# Prepositions of a deadline or an end: "has until Friday", "must be paid by March"
_DEADLINE = {"until", "till", "by"}


def clause_tense(span) -> str:
    """The tense of the clause a span sits in, from its governing verb's morphology and
    auxiliaries. "will"/"would"/"may", "is going to", "plans to", "is scheduled for" are future;
    perfects are past unless "will have". What is scheduled lies ahead whatever the tense of
    the scheduling ("planned a rally on Saturday", "has scheduled a news conference Thursday",
    "planned to leave on Thursday"), and so does the end a delay runs to ("postponed until
    Tuesday"). Without a verb (a headline, a noun phrase) it is past, as news mostly is."""
    if _deferred_to(span.root):
        return "future"
    verb = _verb_above(span.root)
    while verb is not None:
        auxiliaries = {a.lower_: a for a in verb.children if a.dep_ in ("aux", "auxpass")}
        if (verb.lemma_ in _SCHEDULING and verb.dep_ not in ("acl", "amod") and not _pluperfect(auxiliaries)
                and span.start > verb.i):
            return "future"  # but "On Friday, the government planned to ...": the day of the planning
        if verb.lemma_ in _SCHEDULING and verb.dep_ not in ("acl", "amod") and span.start > verb.i:
            # "the vote had been scheduled for Thursday (but was put off)": planned ahead of a past
            # that the story has just told of, so the nearest such day, not the last one
            return "present"
        modals = auxiliaries.keys() & _FUTURE_MODALS
        if auxiliaries.keys() & _POSSIBLE_MODALS and not any(c.dep_ == "neg" for c in verb.children):
            modals = modals | (auxiliaries.keys() & _POSSIBLE_MODALS)
        if "could" in auxiliaries and _could_ahead(verb):
            modals = modals | {"could"}
        if auxiliaries.keys() & _PERFECT and not modals & {"will", "'ll", "shall", "wo"}:
            return "past"  # "has closed", "may have crashed"; but "will have closed" is future
        if modals:
            return "future"
        if "VBD" in {verb.tag_, *(a.tag_ for a in auxiliaries.values())}:
            return "past"
        if futurate(verb):
            return "future"
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries.values()):
            prospective = verb.lemma_ in _PROSPECTIVE or any(
                c.lemma_ in _PROSPECTIVE for c in verb.children if c.dep_ in ("acomp", "xcomp", "oprd"))
            return "future" if prospective or _deadline(span.root) else "present"
        if _mandated(verb, auxiliaries):
            return "future"
        if verb.tag_ == "VBN" and "to" not in auxiliaries:  # a reduced relative: "delivered on Tuesday"
            if verb.lemma_ not in _PROSPECTIVE:
                return "past"
            # "the vote, scheduled for Thursday, could topple ...", but "the service planned for
            # Saturday was cancelled": what was scheduled is as past as the clause it is told in
            main = _verb_above(verb.head) if verb.head.i != verb.i else None
            told = main is not None and "VBD" in {main.tag_, *(c.tag_ for c in main.children if c.dep_ in ("aux", "auxpass"))}
            return "past" if told else "future"
        # an infinitive or a gerund takes its tense from the verb it depends on
        head = _verb_above(verb.head) if verb.head.i != verb.i else None
        if head is None and "to" in auxiliaries:  # a headline's "Boeing to build ..."
            return "future"
        if head is not None and "to" in auxiliaries and head.lemma_ in _SCHEDULING and not _pluperfect(
                {a.lower_: a for a in head.children if a.dep_ in ("aux", "auxpass")}):
            return "future"
        if head is not None and "to" in auxiliaries and binds_ahead(verb):
            return "future"
        if head is not None and "to" in auxiliaries and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") \
                and verb.dep_ == "xcomp":
            return "future"  # "parliament is to vote on Monday": what is arranged
        if head is not None and "to" in auxiliaries and head.lemma_ in _PROSPECTIVE:
            return "past" if clause_tense(head.doc[head.i : head.i + 1]) == "past" else "future"
        if head is not None and "to" in auxiliaries and verb.dep_ in ("advcl", "xcomp", "ccomp") \
                and clause_tense(head.doc[head.i : head.i + 1]) == "past":
            # "subpoenaed him to testify on Feb. 10": after the past of the clause it serves, so
            # the nearest such day to the story's
            return "present"
        verb = head
    return "past"


def _mandated(verb, auxiliaries) -> bool:
    """"proposed that the talks be held on Friday", "demanded that the army withdraw by Monday":
    a clause in the subjunctive under a verb of proposing or demanding is what is to be done,
    after the proposal (no tense of its own: a bare verb, or "be" and a participle)."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.pos_ not in ("VERB", "AUX"):
        return False
    if head.lemma_ not in _COMMITTING | _MANDATING and load_lexicon().cue(head.lemma_) not in _AHEAD_CUES:
        return False
    bare = verb.tag_ == "VB" and not auxiliaries
    passive = verb.tag_ == "VBN" and set(auxiliaries) == {"be"} and auxiliaries["be"].tag_ == "VB"
    return bare or passive


def futurate(verb) -> bool:
    """"The president arrives in Brussels on Sunday", "ministers are meeting on Friday": a
    timetabled event in the simple present or the present progressive, which lies ahead when
    a time is named; but not in a headline, whose present tells what happened ("President
    arrives in Brussels")."""
    auxiliaries = {a.lower_: a for a in verb.children if a.dep_ in ("aux", "auxpass")}
    if verb.lemma_ not in _TIMETABLED or auxiliaries.keys() & {"do", "does", "did"} or is_headline(verb):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxiliaries
    return verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") and a.dep_ == "aux" for a in auxiliaries.values()) \
        and not auxiliaries.keys() & {"been", "have", "has"}


def _could_ahead(verb) -> bool:
    """"The strike could end on Friday", "the bank could cut rates in March": an affirmative
    "could" is a possibility ahead, for English tells a single past achievement with "was able
    to"; not a negated one ("could not be reached on Monday", "neither he nor his wife could be
    located Wednesday"), a perfect ("could have crashed"), nor one of perception ("could hear
    gunfire on Monday")."""
    if verb.lemma_ in _PERCEIVING or any(c.dep_ == "neg" for c in verb.children):
        return False
    if any(c.lower_ in _PERFECT for c in verb.children if c.dep_ == "aux"):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(t.lower_ in _NEGATIVE_SUBJECTS for s in subjects for t in s.subtree)


def binds_ahead(verb) -> bool:
    """Whether an infinitive is the act a verb of commitment, threat or request binds someone
    to ("vowed to retaliate", "urged the court to rule"): it comes after that verb's own time.
    Not when told from a past that has passed ("had promised to pay by March")."""
    head = verb.head
    if head.i == verb.i or verb.dep_ not in ("xcomp", "ccomp", "advcl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if head.pos_ not in ("VERB", "AUX") or _pluperfect({a.lower_: a for a in head.children if a.dep_ in ("aux", "auxpass")}):
        return False
    return head.lemma_ in _COMMITTING or load_lexicon().cue(head.lemma_) in _AHEAD_CUES


def _deadline(token) -> bool:
    """"We have until Monday", "the offer is open till March", "bills must be paid by Friday":
    the object of a preposition of a deadline (not "up until", "not until")."""
    while token.dep_ in ("compound", "nmod", "npadvmod", "appos", "nummod") and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _DEADLINE:
        return False
    return not (any(c.lower_ in ("not", "up") for c in prep.children) or (prep.i > 0 and prep.nbor(-1).lower_ in ("not", "up")))


def _pluperfect(auxiliaries) -> bool:
    """"had planned", "had been scheduled": told from a past that has passed."""
    return "had" in auxiliaries


def _deferred_to(token) -> bool:
    """"postponed until Tuesday", "extended its deadline until 9 a.m. Tuesday", "shut until
    Thursday": the end a delay, a suspension or a closing runs to lies ahead, unless the text
    tells it from a past that has passed ("had been shut until", "not until", "up until")."""
    while token.dep_ in ("compound", "nmod", "npadvmod", "appos", "nummod") and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("until", "till", "to", "for"):
        return False
    if prep.lower_ in ("until", "till") and (any(c.lower_ in ("not", "up") for c in prep.children) or (
            prep.i > 0 and prep.nbor(-1).lower_ in ("not", "up"))):
        return False
    verb = _verb_above(prep.head)
    if verb is None:
        return False
    auxiliaries = {a.lower_: a for a in verb.children if a.dep_ in ("aux", "auxpass")}
    if _pluperfect(auxiliaries) or any(c.dep_ == "neg" for c in verb.children):
        return False
    lexicon = load_lexicon()
    kind = lexicon.event_type(verb.lemma_.lower(), pos="VERB")
    if prep.lower_ in ("to", "for"):
        # "postponed to Friday", "moved the hearing to Monday", "brought forward to Monday",
        # "rescheduled for Tuesday": the new date of what is put off or moved lies ahead
        return (verb.lemma_ in _MOVING and prep.lower_ == "to") or verb.lemma_ == "reschedule" or (
            prep.lower_ == "to" and lexicon.is_a(kind, "kgo:Delay"))
    if verb.lemma_ in _DEFERRING:
        return True
    if verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_ in _DEFERRING and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # "gave the army until Sunday to withdraw", the parser hanging "until" on the infinitive
    return any(lexicon.is_a(kind, c) for c in ("kgo:Delay", "kgo:Suspend", "kgo:Close"))


def _verb_above(token):
    """The nearest verb at or above a token in the parse, or None."""
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token
