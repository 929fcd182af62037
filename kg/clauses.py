"""Where a token stands in its sentence: headlines, coordination. Shared by the roles and
the circumstances of events."""

from __future__ import annotations

from .nlp import sentence_of

# What a sentence ends with: its stop, or a closing quote or bracket after one
# (typographic quotes included: 'said it was “determined to shut down all contact.”')
_SENTENCE_ENDS = {".", "!", "?", "…", '"', "'", "''", ")", "”", "’", "»"}


def is_headline(token) -> bool:
    """Whether the token stands in a headline: a line that does not end as a sentence does."""
    sentence = sentence_of(token)
    last = sentence[-1]
    while last.is_space and last.i > sentence.start:
        last = last.nbor(-1)
    return last.text not in _SENTENCE_ENDS


def conjuncts(token):
    """The tokens coordinated with ``token`` ("Kim and Moon": Moon for Kim), at any depth."""
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from conjuncts(child)


def unique(keys) -> tuple[str, ...]:
    """The keys in their first order, each once."""
    return tuple(dict.fromkeys(keys))
