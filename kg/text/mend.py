"""kg_mend: repairs of four systematic errors of the small English pipeline, run last on every Doc.

Lemmas of verbs with a silent e ("hoping" -> hope, not hop) and of "lay" with an object
("lay off workers" -> lay, not lie), the lemma of an event noun written with a hyphen
("the sell-off" -> selloff, not off), the attachment of a phrase
between a reporting verb and its unmarked complement ("GM said on Tuesday it would cut jobs":
"on Tuesday" is when GM said it), and a preposition's object read as a second subject ("the
truce with the rebels collapsed": the rebels did not collapse).
"""

from __future__ import annotations

import re

from spacy.language import Language

from kg.vocab.lexicon import load_lexicon

from .tokens import VERBS_TABLE, hyphen_first

MEND = "kg_mend"  # the component's name in a pipeline

# A short-vowel verb doubles its last consonant before -ing and -ed ("hop", "hopping"), so an
# undoubled one after a single vowel comes from a verb with a silent e ("hoping", "hope").
# spaCy's rule lemmatizer strips the suffix and stops at the shorter verb when both exist.
_SHORT_STEM = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")
_SUFFIXES = {"VBG": "ing", "VBD": "ed", "VBN": "ed"}


def mend_lemmas(doc) -> None:
    """Give "hoping", "rated" and "coping" the lemmas hope, rate and cope, not hop, rat and
    cop, by English spelling: the form is the lemma plus a suffix with no doubled consonant,
    the lemma is one short syllable ending in a consonant, and the lemma with an e is a verb."""
    verbs = doc.vocab.lookups.get_table(VERBS_TABLE) if doc.vocab.lookups.has_table(VERBS_TABLE) else {}
    for token in doc:
        suffix = _SUFFIXES.get(token.tag_)
        if suffix is None:
            continue
        lemma = token.lemma_.lower()
        if (token.lower_ == lemma + suffix and _SHORT_STEM.match(lemma) and lemma + "e" in verbs):
            token.lemma_ = lemma + "e"
        elif token.lower_ == "lay" and lemma == "lie" and any(
                c.dep_ == "dobj" or c.dep_ == "prt" and c.lower_ == "off" for c in token.children):
            # "would close plants and lay off workers": "lay" read as the past of "lie", which
            # takes no object and no "off"
            token.lemma_ = "lay"


def mend_hyphenated(doc) -> None:
    """"the sell-off", "a cease-fire", "2,000 lay-offs": the tokenizer splits a noun written
    with a hyphen into its parts, and the parser heads it with its last part ("off", "fire"),
    which says nothing. When the parts written together are an event noun of kg's lexicon
    ("selloff", "ceasefire", "layoff"), that is the head's lemma."""
    nouns = load_lexicon().nouns
    for token in doc[2:]:
        first = hyphen_first(token)
        if first is not None and token.tag_.startswith("NN") and (joined := first.lower_ + token.lemma_.lower()) in nouns:
            token.lemma_ = joined


@Language.component(MEND)
def _mend(doc):
    """Repair four systematic errors of the small English pipeline (see below) in every Doc."""
    mend_lemmas(doc)
    mend_hyphenated(doc)
    mend_attachments(doc)
    mend_subjects(doc)
    return doc


def mend_attachments(doc) -> None:
    """"GM said on Tuesday it would cut jobs": the parser hangs "on Tuesday" on "cut", but a
    complement clause begins at its complementizer or its subject, so a phrase between the
    reporting verb and the subject of its unmarked complement modifies the reporting verb."""
    for token in doc:
        clause = token.head
        if token.dep_ not in ("prep", "npadvmod") or clause.dep_ != "ccomp":
            continue
        verb = clause.head
        subjects = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        marked = any(c.dep_ == "mark" and c.i < token.i for c in clause.children)
        if subjects and verb.i < token.i < min(subjects) and not marked:
            token.head = verb




def mend_subjects(doc) -> None:
    """"The government's truce with the rebels collapsed": the parser leaves "with" without
    its object and reads "rebels" as a second subject of "collapsed". A clause has one
    subject (coordinated ones hang on the first), so a later subject right after a
    preposition of the first subject that has no object of its own is that object."""
    for token in doc:
        if token.dep_ != "nsubj":
            continue
        first = next((c for c in token.head.children if c.dep_ == "nsubj" and c.i < token.i), None)
        if first is None:
            continue
        before = token.left_edge.i - 1
        prep = doc[before] if before > first.i else None
        if (prep is not None and prep.dep_ == "prep" and prep.head.i in {t.i for t in first.subtree}
                and not any(c.dep_ == "pobj" for c in prep.children)):
            token.head, token.dep_ = prep, "pobj"
