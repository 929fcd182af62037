"""Pronouns: "it"/"its" and "he"/"his"/"she"/"her" joined to the entity they refer to.

Only with clear evidence, since a wrong merge costs more than a missed one: the one fitting
entity named in the same sentence before the pronoun or in the sentence before; for a
pronoun subject, the one fitting subject of the sentence before; never the subject of the
pronoun's own clause for an object pronoun ("it threatened to close it"). Also the helpers
the other reference rules share to add a mention where none is yet.
"""

from __future__ import annotations

from .linking import Draft
from .model import Span
from .nlp import sentence_of

_IT = {"it", "its", "itself"}
_HE = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


def taken(drafts: list[Draft]) -> list[tuple[int, int]]:
    return [span for d in drafts for span in d.spans()]


def free(drafts: list[Draft], start: int, end: int) -> bool:
    """No mention is there yet, nor one that crosses it (a description may hold a name:
    "the North Korean leader")."""
    return not any(a < end and start < b and not (start < a and b <= end) for a, b in taken(drafts))


def add_mention(drafts: list[Draft], draft: Draft, start: int, end: int, text: str) -> None:
    if free(drafts, start, end):
        draft.extra.append(Span(start, end, text[start:end]))


def resolve_pronouns(drafts: list[Draft], doc, text: str) -> None:
    for token in doc:
        word = token.lower_
        if word not in _IT and word not in _HE or _expletive(token):
            continue
        person = word in _HE
        sentence = sentence_of(token)
        previous = sentence_of(doc[sentence.start - 1]) if sentence.start > 0 else None
        window = (previous.start_char if previous is not None else sentence.start_char, token.idx)
        # a pronoun resolved earlier counts as a mention: "it threatened ... Four days later, it cut off"
        fits = [d for d in drafts if _fits(d, person) and any(window[0] <= s < window[1] for s, _ in _referents(d))]
        if token.dep_ in ("dobj", "pobj", "dative"):  # "it threatened to close it": not itself
            subjects = [(t.idx, t.idx + len(t)) for t in _clause_subjects(token)]
            fits = [d for d in fits if not any(a <= s < b for s, _ in _mentions(d) for a, b in subjects)]
        if len(fits) > 1:  # the one named in the pronoun's own sentence, before it
            here = [d for d in fits if any(sentence.start_char <= s < token.idx for s, _ in _referents(d))]
            fits = here if len(here) == 1 else fits
        if len(fits) > 1 and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" and previous is not None:
            heads = [t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
            heads += [c for t in heads for c in t.children if c.dep_ == "conj"]  # "Boeing and Airbus": two
            subjects = {(t.idx, t.idx + len(t)) for t in heads}
            fits = [d for d in fits if any(a <= s < b or s <= a < e for s, e in _referents(d) for a, b in subjects)]
        if len(fits) == 1:
            add_mention(drafts, fits[0], token.idx, token.idx + len(token), text)


def _referents(draft: Draft) -> list[tuple[int, int]]:
    """What a pronoun may point back to: names, descriptions and pronouns already resolved
    (not demonyms: "South Korean" is no antecedent of "it")."""
    return [(n.start, n.end) for n in draft.names if n.label != "NORP"] + [(m.start, m.end) for m in draft.extra]


def _clause_subjects(token) -> list:
    """The subjects of the verb an object pronoun depends on, and of the verb that controls it."""
    verb = token.head if token.dep_ != "pobj" else token.head.head
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not found and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        found = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found


def _mentions(draft: Draft) -> list[tuple[int, int]]:
    return [(n.start, n.end) for n in draft.names] + [(m.start, m.end) for m in draft.extra]


def antecedents(draft: Draft) -> list[tuple[int, int]]:
    """Mentions a pronoun may point back to: names and descriptions, not demonyms nor pronouns."""
    names = [(n.start, n.end) for n in draft.names if n.label != "NORP"]
    return names + [(m.start, m.end) for m in draft.extra if m.text.lower() not in _IT | _HE]


def _fits(draft: Draft, person: bool) -> bool:
    is_person = draft.typed.type == "schema:Person"
    if person:
        return is_person
    return not is_person and not any(n.text.endswith("s") and n.label == "GPE" for n in draft.names)


def _expletive(token) -> bool:
    """"it is expected that ...", "it seems": no referent."""
    if token.lower_ != "it":
        return False
    head = token.head
    return head.lemma_ in ("seem", "appear", "rain", "matter") or (
        head.lemma_ == "be" and any(c.dep_ in ("ccomp", "xcomp") for c in head.children)
        and any(c.dep_ == "acomp" for c in head.children))
