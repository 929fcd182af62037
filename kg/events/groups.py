""""They", "their" and "themselves" for a group named by a plural common noun ("Web developers
face problems with the browser. As they design their pages, ..."; "The parents are accused of
putting their social life first").

The entity layer binds "they" to organisations and named groups; a group named by a common
noun is an entity only once an event's argument mints it (kg.participants), so its pronouns are
bound here, by the salience preferences of Lappin and Leass (1994) reduced to the safest one:
the subject. A plural pronoun is the plural subject of the nearest clause above it that has
one before it; a main-clause "they" or "their" with no such subject is the plural subject of
the main clause of the sentence before, when that names people ("Scientists studied ... They
found"). Never a pair ("Apple and Google said they"); never when a plural noun of the same kind
(people, or things) stands between as an object, which the text leaves as likely ("The police
chased the protesters until they ..."); and not "them", which an object before it is as often
as a subject ("carried the bombs to the street before detonating them").

"It" and "its" likewise stand for a body named by a singular common noun that is the subject of
a clause above them ("The army said it had captured 30 fighters", "the ministry said its
spokesman ..."): reported speech, where the speaker is what "it" most often is. Only a subject
"it" or the "its" of a subject (an object "it" is as often a thing: "published details of
it"), only a body of people (an organisation noun: army, ministry, company, union), only within
the sentence, never an "it" that is the subject of a copula ("the ministry said it was unclear
whether ..."), and never when another singular noun of a body stands between."""

from __future__ import annotations

from kg.text.tokens import noun_lemma, sentence_of
from kg.vocab.words import type_of

_PLURAL = {"they", "their", "theirs", "themselves"}
_SINGULAR = {"it", "its"}
# verbs of being, whose "it" is as often empty as a thing: "it was unclear", "it seems"
_COPULAS = {"be", "seem", "appear", "remain", "become"}
_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "pobj", "dative", "attr", "conj")


def plural_pronouns(doc, known) -> dict[int, object]:
    """The plural pronouns the entities layer left alone (``known(token)`` false), each with the
    token of the group it stands for."""
    found = {}
    for token in doc:
        if token.lower_ in _PLURAL and not known(token):
            subject = plural_subject(token)
        elif token.lower_ in _SINGULAR and not known(token):
            subject = body_subject(token)
        else:
            continue
        if subject is not None:
            found[token.i] = subject
    return found


def body_subject(pronoun):
    """The singular common noun of a body of people that "it" or "its" stands for, or None (see
    the module's rules)."""
    # a subject, or the owner of one ("its spokesman said"); an object "it" is as often a
    # thing named before ("published details of it")
    held = pronoun.head if pronoun.dep_ == "poss" else pronoun
    if held.dep_ not in _SUBJECTS or pronoun.dep_ in _SUBJECTS and pronoun.head.lemma_ in _COPULAS:
        return None
    subject = _subject_above(pronoun)
    if subject is None or subject.tag_ != "NN" or any(c.dep_ == "conj" for c in subject.children) \
            or type_of(noun_lemma(subject), subject) != "schema:Organization":
        return None
    rivals = [t for t in subject.doc[subject.i + 1 : pronoun.i] if t.tag_ == "NN"
              and not (subject.left_edge.i <= t.i <= subject.right_edge.i)
              and type_of(noun_lemma(t), t) == "schema:Organization"]
    return None if rivals else subject


def _subject_above(pronoun):
    """The first subject before the pronoun, outside its own phrase, of a clause it is in or
    hangs below, or None."""
    node = pronoun
    while node.head.i != node.i:
        node = node.head
        subject = next((c for c in node.children if c.dep_ in _SUBJECTS and c.i < pronoun.i
                        and not (c.left_edge.i <= pronoun.i <= c.right_edge.i)), None)
        if subject is not None:
            return subject
    return None


def plural_subject(pronoun):
    """The plural subject a plural pronoun stands for, or None (see the module's rules)."""
    subject = _subject_above(pronoun)
    if subject is not None:
        return _group(subject, pronoun)
    if pronoun.lower_ not in ("they", "their") or not _in_main_clause(pronoun):
        return None
    sentence = sentence_of(pronoun)
    if sentence.start == 0:
        return None
    previous = sentence_of(pronoun.doc[sentence.start - 1])
    subjects = [t for t in previous if t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT"]
    if len(subjects) != 1 or _kind(subjects[0]) != "people":
        return None
    return _group(subjects[0], None)


def _in_main_clause(pronoun) -> bool:
    """"They said ...", "Their lawyer said ...", "As they design ..., ...": in the main clause
    or a clause that opens the sentence before it."""
    node = pronoun
    while node.head.i != node.i:
        if node.dep_ in ("relcl", "ccomp", "xcomp", "acl", "pcomp") or node.dep_ == "advcl" and node.i > node.head.i:
            return False
        node = node.head
    return True


def _group(subject, pronoun):
    """The subject, if it names a plural group that nothing of its kind rivals."""
    if subject.lower_ == "they":  # "As they design their pages": "their" is what "they" is
        return subject
    if subject.tag_ not in ("NNS", "NNPS") or subject.pos_ == "PRON" or any(c.dep_ == "conj" for c in subject.children):
        return None
    kind = _kind(subject)
    end = pronoun.i if pronoun is not None else sentence_of(subject).end
    for token in subject.doc[subject.i + 1 : end]:
        if token.tag_ in ("NNS", "NNPS") and token.dep_ in _OBJECTS and _kind(token) == kind \
                and not (subject.left_edge.i <= token.i <= subject.right_edge.i):
            return None
    return subject


def _kind(token) -> str:
    return "people" if type_of(noun_lemma(token), token) in ("schema:Person", "schema:Organization") else "things"
