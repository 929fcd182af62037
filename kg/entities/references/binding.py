"""What a pronoun's own clause says about its referent (kg.pronouns asks).

  * "The company claims that it sells phones": a class-noun phrase left unresolved as the
    subject of a verb the pronoun hangs on is what "it" means, not a thing named beside it
    (and a role, "The minister said she ...", what "he" or "she" means, in a clause below
    its own, "A judge barred him" being someone else, with no one named between);
  * "Airbus has won an order from Qatar Airways for 60 of its jets": a possessive "its" (or
    "his", "her": "he was taking his family") in an active clause is that clause's subject
    (or, in "forced Apple to lower its prices", the one the clause is said of), when that
    subject is one of the candidates, written before, and no other candidate is the verb's
    object ("Apple Corps sued Apple Computer over its use of the name") nor stands before
    "and its";
  * a subject "it" is what the same subject "it" earlier in its sentence was resolved to;
  * "German carmaker BMW, based in Munich, said that it would ...": the subject "it" of what a
    speaker says is the speaker (and "he" or "she" of what a person says: "His father Hassan
    Mohamed said he was taking the family to New York"), when the speaker's noun phrase is one
    candidate's name (for "it", not a person's: "Apple spokesman Steve Dowling said that it" is
    left to the rules above), however many other names the phrase holds.
"""

from __future__ import annotations

from kg.vocab.words import PERSON_NOUNS, name_words


def described_subject(mentions: list[tuple[int, int]], pronoun, person: bool = False) -> bool:
    """Whether an unresolved class-noun phrase of its own ("the company", "a manufacturer"; not
    a descriptor before a name: "Irish airline, Ryanair, said it") is the subject of a verb
    the pronoun hangs on; for "he" and "she", a role ("The minister said she had no regrets")."""
    classes = PERSON_NOUNS if person else name_words()["class-noun"]
    return any(s.tag_ == "NN" and s.lemma_.lower() in classes and any(c.dep_ in ("det", "poss") for c in s.children)
               and not any(a <= s.idx < b for a, b in mentions) and not (person and _named_between(s, pronoun, mentions))
               for verb in pronoun.ancestors for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") and s.i < pronoun.i
               and not (person and verb == pronoun.head))


def _named_between(role, pronoun, mentions: list[tuple[int, int]]) -> bool:
    """"The insider said Jobs' health ... and that he was thinner": someone named between the
    role and the pronoun may be meant."""
    return any(t.pos_ == "PROPN" and any(a <= t.idx < b for a, b in mentions) for t in role.doc[role.i + 1 : pronoun.i])


def own_subject(pronoun, candidates: list, spans_of) -> object | None:
    """The one candidate that is the active subject of the possessive pronoun's clause, before
    it; ``spans_of`` gives a candidate's mention spans."""
    if pronoun.lower_ not in ("its", "his", "her") or pronoun.dep_ != "poss":
        return None
    if pronoun.head.dep_ == "conj":
        return None  # "tapped a European company and its workers": the company before "and"
    verb = next((t for t in pronoun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "it will be compensated by Airbus for the delay of its planes": the agent may be meant
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < pronoun.i]
    if any(a <= o.idx < b for d in candidates for a, b in spans_of(d) for o in objects):
        return None  # "Apple Corps sued Apple Computer over its use of the name": either may be meant
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and pronoun.lower_ != "its":
        return None  # "Hale asked Dunn to run his campaign": whose, a person's clause does not say
    if not subjects and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        # "forced Apple to lower its prices": the object the clause is said of; "will continue to use its name"
        subjects = [c for c in verb.head.children if c.dep_ == "dobj"] if verb.dep_ == "xcomp" else []
        subjects = subjects or [c for c in verb.head.children if c.dep_ == "nsubj"]
    subjects = [s for s in subjects if s.i < pronoun.i and s.tag_ not in ("WDT", "WP")]
    # "European aircraft manufacturer, Airbus, has won ...": the name in apposition to it
    subjects += [c for s in subjects for c in s.children if c.dep_ == "appos"]
    found = [d for d in candidates if any(a <= s.idx < b for a, b in spans_of(d) for s in subjects)]
    return found[0] if len(found) == 1 else None


# Nouns of what is said, whose that-clause a speech verb's subject takes up or denies
_CLAIMS = {"report", "claim", "allegation", "accusation", "suggestion", "rumour", "rumor", "charge", "speculation",
           "assertion"}


def reported_speaker(pronoun, candidates: list, spans_of, speech: set[str]) -> object | None:
    """The candidate named by the head of the subject of the speech verb whose that-clause the
    subject "it" opens ("BMW said that it", "carmaker BMW, based in Munich, said it"), or the
    that-clause of a report it denies or confirms ("Athens denied reports that it had ...")."""
    if pronoun.lower_ not in ("it", "he", "she") or pronoun.dep_ != "nsubj":
        return None
    clause = pronoun.head
    claim = clause.head
    if (clause.dep_ in ("acl", "ccomp") and claim.lemma_.lower() in _CLAIMS and claim.dep_ == "dobj"
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)):
        verb = claim.head  # "Athens denied reports that it had withdrawn": what is denied is said of Athens
    elif clause.dep_ != "ccomp" or any(t.dep_ in ("relcl", "acl") for t in pronoun.ancestors):
        return None  # "the tower, which Acme said it opened": the noun's own story may be told
    else:
        verb = clause.head
    if verb.lemma_ not in speech:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < pronoun.i]
    if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
        return None
    head = subjects[0]
    heads = [head] + [c for c in head.children if c.dep_ == "appos"]  # "the carmaker, BMW, said"
    found = [d for d in candidates if any(a <= t.idx < b for a, b in spans_of(d) for t in heads)]
    return found[0] if len(found) == 1 else None


def same_subject(pronoun, candidates: list, spans_of) -> object | None:
    """"Acme said it will receive six jets from 2009, then from 2014 it will take six more":
    a subject pronoun is what the same pronoun as subject earlier in its sentence was
    resolved to, when that is one of the candidates."""
    if pronoun.dep_ != "nsubj" or any(t.dep_ in ("relcl", "acl") for t in pronoun.ancestors):
        return None  # "the airport, which has had incidents since it opened": the noun's clause
    sentence = next((t for t in pronoun.ancestors if t.dep_ == "ROOT"), pronoun)
    earlier = [t for t in sentence.subtree if t.i < pronoun.i and t.lower_ == pronoun.lower_ and t.dep_ == "nsubj"]
    if not earlier:
        return None
    found = [d for d in candidates if any(a == earlier[-1].idx for a, _ in spans_of(d))]
    return found[0] if len(found) == 1 else None
