"""Argument heads to entity keys: coordination, relative pronouns, quantities, and what
kind of participant an entity is. Shared by kg.roles and kg.control."""

from __future__ import annotations

from .clauses import conjuncts
from .resources import coarse_type


def intends(key: str, participants) -> bool:
    """People and organisations act on purpose; machines and things do not."""
    return coarse_type(participants.types.get(key, "schema:Thing")) in ("person", "organization")


def undergoes(key: str, participants) -> bool:
    """Products and things undergo what is done with them; people and organisations act."""
    return coarse_type(participants.types.get(key, "schema:Thing")) in ("product", "thing")


def antecedent(token):
    """A relative pronoun stands for the noun its clause modifies: "AirTanker, who retains"."""
    if token.tag_ in ("WDT", "WP") or (token.lower_ == "that" and token.dep_ in ("nsubj", "nsubjpass", "dobj")):
        clause = token.head
        while clause.dep_ != "relcl" and clause.head.i != clause.i and clause.pos_ in ("VERB", "AUX"):
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


def quantity_of(token):
    """"purchase 20 of Boeing's 777 planes": the planes, not the number."""
    if token.pos_ == "NUM" or token.lower_ in ("some", "all", "many", "most", "one", "none", "part", "half"):
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return token


def with_conjuncts(token, participants, may_create: bool = True) -> list[str]:
    keys = []
    for node in [token, *conjuncts(token)]:
        key = participants.entity(node, may_create=may_create)
        if key:
            keys.append(key)
    return keys
