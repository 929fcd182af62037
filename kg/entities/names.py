"""A proper-name mention (Name), as the entity stage finds, repairs and groups it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.text.tokens import without_marks

# Legal forms that end a company's name ("Chrysler LLC", "General Motors Corp.")
LEGAL_FORMS = {"Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "LLC", "L.L.C.", "PLC", "plc", "AG",
               "GmbH", "SE", "SpA", "S.p.A.", "SA", "S.A.", "NV", "N.V.", "LP", "L.P."}


@dataclass(frozen=True, order=True)
class Name:
    """A proper-name mention: where it is, what spaCy (or a rule) took it for."""

    start: int
    end: int
    text: str  # as written in the article
    label: str  # a spaCy label: PERSON, ORG, GPE, LOC, FAC, PRODUCT, EVENT, NORP (demonyms) ...
    title: str = ""  # a title taken off the front of a person's name ("President")
    iso: str = ""  # the country a demonym refers to
    source: str = "ner"  # ner | model | repeat | demonym | publisher | dateline
    lead: int = 0  # the mention starts this many characters earlier: "The South's " Unification Ministry
    cued: bool = False  # the context, not only the tagger, gives the label: such mentions weigh most
    acting: bool = False  # the subject of a verb only agents take ("Maersk said"): a person or an organisation
    given: str = ""  # the name opens with a common given name: "m", "f", or "?" for either ("Annie Oakley")

    @property
    def span_start(self) -> int:
        return self.start - self.lead


def trimmed(name: Name) -> Name | None:
    """The name without white space or quotation marks at either end (a tagger's span can
    run over the line break after a headline, or take in the `` before a quoted name), or
    None when nothing is left."""
    start, end = without_marks(name.text, 0, len(name.text))
    if start == end:
        return None
    return replace(name, start=name.start + start, end=name.start + end, text=name.text[start:end])
