"""Descriptions written beside a name, which are mentions of the named thing too.

News introduces a person or a company with what it is, before or after the name:
  * a company's descriptor before its name: "United States airframer Boeing", "Irish low
    cost airline, Ryanair" (the descriptor alone names it too when it holds a name or is set
    off by a comma: "Irish national airline" Aer Lingus);
  * a person's role before the name, holding the organisation: "Apple executive Steve Jobs",
    "Ryanair CEO, Michael O'Leary", "The former Chief Operating Officer, Tim Cook";
  * a person's role after the name, set off by a comma: "Steve Jobs, founder of Apple",
    "Steve Jobs, the chief executive officer of Apple Inc.".
The whole phrase and the description are mentions of the named thing; the names inside the
description stay mentions of their own. A bare title ("CEO Steve Jobs", "President Moon") is
left to the name: it is part of how the person is called, not a description beside it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.model import Span
from kg.text.tokens import sentence_of
from kg.vocab.words import COMPANY_NOUNS, PERSON_NOUNS, name_words

from ..classify import Draft
from .pronouns import taken

# nouns that describe what a named thing is when written before its name ("airframer Boeing"),
# with name-words' org-nouns and class-nouns and the nouns any company may be called by
_DESCRIBERS = {"parent", "magazine", "website", "service", "network", "browser", "system"}
_DESCRIPTOR_DEPS = {"compound", "amod", "det", "nmod", "poss", "case", "cc", "conj", "npadvmod", "nummod"}
# the words a role's complement may have between it and the comma before the name
_COMPLEMENT_DEPS = {"prep", "pobj", "compound", "amod", "det", "cc", "conj", "poss", "case"}
# a role phrase after a name runs at most this many tokens: longer, it is a clause, not a role
_MAX_ROLE = 12


def people(drafts: list[Draft], doc, text: str) -> None:
    """A person's role written in apposition to the name, before or after it: the role and
    the whole apposition are mentions of the person."""
    for draft, name, (first, last, _) in _roles(drafts, doc):
        begin, end = doc[first].idx, doc[last].idx + len(doc[last])
        for start, stop in ((min(begin, name.start), max(end, name.end)), (begin, end)):
            _add(drafts, draft, start, stop, text)


def things(drafts: list[Draft], doc, text: str) -> None:
    """What a company or a product is, in a definite description after its name: "Tiger, the
    newest version of Mac OS X", "Airbus, Europe's biggest planemaker". The description and
    the whole apposition are mentions of the thing."""
    for draft in drafts:
        if draft.typed.type == "schema:Person" or draft.typed.place is not None:
            continue  # a place is listed ("Paris, France") more often than described
        for name in list(draft.names):
            span = doc.char_span(name.start, name.end, alignment_mode="expand")
            found = _role_after(span, None) if span is not None and not name.lead and name.label != "NORP" else None
            if found is not None:
                begin, end = doc[found[0]].idx, doc[found[1]].idx + len(doc[found[1]])
                for start, stop in ((name.start, end), (begin, end)):
                    _add(drafts, draft, start, stop, text)


def owned_roles(drafts: list[Draft], doc, text: str) -> None:
    """"Jusman Syafii Djamal, minister of transport for Indonesia" ... "Indonesia's transport
    minister" (in the headline too, before the body names him): a role noun after a possessive
    name is the one person whose role holds that name too."""
    heads = set().union(*(d.heads for d in drafts))
    for token in doc:
        noun = token.lower_  # a headline may write the role in capitals ("Transport Minister")
        if token.tag_ not in ("NN", "NNP") or noun not in heads:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None:
            continue
        fits = [d for d in drafts if d.typed.type == "schema:Person" and noun in d.heads
                and any(re.search(rf"\b{re.escape(owner.text)}\b", m.text) for m in d.extra)]
        if len(fits) == 1:
            _add(drafts, fits[0], token.left_edge.idx, token.idx + len(token), text)


def role_heads(drafts: list[Draft], doc) -> None:
    """"Lee, the Prime Minister" ... "the Prime Minister": the role's noun may refer to the
    person later (kg.anaphora's definite descriptions)."""
    for draft, _, (_, _, role) in _roles(drafts, doc):
        draft.heads.add(doc[role].lemma_.lower())


def _roles(drafts: list[Draft], doc):
    """(draft, name, (first, last token of the role phrase, its noun)) for each role beside a
    person's name."""
    roles = PERSON_NOUNS | {w.lower() for w in name_words()["title"]}
    for draft in drafts:
        if draft.typed.type != "schema:Person":
            continue
        for name in list(draft.names):
            span = doc.char_span(name.start, name.end, alignment_mode="expand")
            if span is None or name.lead:
                continue
            for found in (_role_after(span, roles), _role_before(drafts, span, roles)):
                if found is not None:
                    yield draft, name, found


def _is_definite_kind(token) -> bool:
    """"the newest version", "its parent company": a definite singular common noun."""
    return token.pos_ == "NOUN" and token.tag_ == "NN" and token.text.islower() and any(
        c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.lefts)


def _is_role(token, roles: set[str]) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lower_ in roles and token.tag_ in ("NN", "NNP")


def _role_after(span, roles: set[str] | None) -> tuple[int, int, int] | None:
    """"Steve Jobs, founder of Apple": the role noun phrase in apposition after the comma (for
    a thing, ``roles`` None: "Tiger, the newest version of Mac OS X", a definite description)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    for token in span.root.children:
        fits = _is_role(token, roles) if roles is not None else _is_definite_kind(token)
        if token.dep_ == "appos" and token.i > span.end and fits and not token.ent_type_ == "PERSON":
            first, last = token.left_edge.i, token.right_edge.i
            # the apposition ends at a comma: "Vista, the newest version of Windows, in Paris"
            last = next((t.i - 1 for t in doc[token.i : last + 1] if t.text == ","), last)
            while last > first and doc[last].is_punct:
                last -= 1
            while first < token.i and doc[first].pos_ == "ADV":
                first += 1
            # "Mark Papermaster, formerly an Apple executive": an adverb may come first
            if all(t.pos_ == "ADV" for t in doc[span.end + 1 : first]) and last - first < _MAX_ROLE:
                return first, last, token.i
    return None


def _role_before(drafts: list[Draft], span, roles: set[str]) -> tuple[int, int, int] | None:
    """"Ryanair CEO, Michael O'Leary", "Apple executive Steve Jobs": a role noun phrase right
    before the name that holds the organisation (or, set off by a comma, any role phrase)."""
    doc = span.doc
    at = span.start - 1
    while at > 0 and doc[at].text in name_words()["title"] and doc[at - 1].text == ",":
        at -= 1  # "the Prime Minister of Singapore, Mr. Lee Hsien Loong"
    comma = at >= 0 and doc[at].text == ","
    if comma:
        at -= 1
        # the role may end in its complement: "the Prime Minister of Singapore"
        role = next((t for t in (doc[at], *doc[at].ancestors) if t.i <= at
                     and all(t in w.ancestors and w.dep_ in _COMPLEMENT_DEPS for w in doc[t.i + 1 : at + 1])
                     and _is_role(t, roles) and (_apposed(t, span.root) or _stray_apposition(span.root))), None)
        if role is None:
            return None
    else:
        role = doc[at] if at >= 0 else None
        if role is None or not _is_role(role, roles) \
                or not (span.start <= role.head.i < span.end or span.root.head.i == at):
            return None
    first, sentence = role.i, sentence_of(role).start
    if first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_:
        first -= 2  # "co-founder": the tokenizer split the role, and the parser lost it
    # a modifier of the role or of the name: the parser may hang "Airbus" of "Airbus chief
    # executive Noel Forgeard" on the name
    while first - 1 >= sentence and _extends(doc[first - 1], span.end - 1):
        first -= 1
    begin, end = doc[first].idx, role.idx + len(role)
    holds_name = any(begin <= n.start and n.end <= end for d in drafts for n in d.names if n.label != "NORP")
    return (first, at, role.i) if comma or holds_name else None


def _extends(token, last: int) -> bool:
    """Whether a token before a descriptor phrase (which ends at token ``last``) belongs to it:
    a modifier of a word after it, up to ``last``; or the apostrophe of a possessor that
    modifies one ("The Beatles' label")."""
    if token.dep_ not in _DESCRIPTOR_DEPS or token.pos_ == "VERB":
        return False
    if token.dep_ == "case":
        owner = token.doc[token.i - 1] if token.i > 0 else None
        return owner is not None and token.head == owner and owner.dep_ == "poss" and token.i < owner.head.i <= last
    return not token.is_punct and token.i <= token.head.i <= last


def _stray_apposition(name) -> bool:
    """A name the parser took for an apposition of a word further back: the role phrase
    right before the comma is what it stands beside ("guests, including the Prime Minister
    of Singapore, Mr. Lee": Lee hung on "guests")."""
    return name.dep_ == "appos" and name.head.i < name.i and not any(c.dep_ == "cc" for c in name.children)


def _apposed(description, name) -> bool:
    """"Ryanair CEO, Michael O'Leary": the parser makes either the other's apposition (or a
    conjunct without "and"), or, when no comma closes the pair, both subjects of one verb
    (which has only one)."""
    if name.dep_ == "appos" and name.head == description or description.dep_ == "appos" and description.head == name:
        return True
    if name.dep_ == "conj" and name.head == description and not any(c.dep_ == "cc" for c in description.children):
        return True  # "the Prime Minister of Singapore, Mr. Lee": a conjunct with no "and" is no list
    return description.dep_ == name.dep_ and description.dep_ in ("nsubj", "nsubjpass") and description.head == name.head


def _add(drafts: list[Draft], draft: Draft, start: int, end: int, text: str) -> None:
    """A mention of ``draft`` at start-end, unless one is there or it would cross one (it may
    lie inside another, as the description lies inside the whole apposition)."""
    spans = taken(drafts)
    if (start, end) not in spans and not any(a < start < b < end or start < a < end < b for a, b in spans):
        # the noun chunk of the same description ("the chief executive officer" of Apple Inc.)
        draft.extra = [m for m in draft.extra if not (m.start == start and m.end < end)]
        draft.extra.append(Span(start, end, text[start:end]))


def described_names(drafts: list[Draft], doc, text: str) -> None:
    """"United States airframer Boeing", "Irish low cost airline, Ryanair": a descriptor noun
    phrase written before a name makes, with the name, one more mention of the named thing
    (the names inside the descriptor stay mentions of their own)."""
    words = name_words()
    nouns = _DESCRIBERS | set(words["org-noun"]) | set(words["class-noun"]) | COMPANY_NOUNS
    for draft in drafts:
        # a person's role is people()'s business; a place is rarely described so
        if draft.typed.type == "schema:Person" or draft.typed.place is not None:
            continue
        for k, name in enumerate(draft.names):
            if name.label == "NORP" or name.lead:
                continue
            span = doc.char_span(name.start, name.end, alignment_mode="expand")
            start = _descriptor_start(doc, span, nouns) if span is not None else None
            if start is None:
                continue
            begin = doc[start].idx
            if any(a <= begin and name.end <= b for a, b in taken(drafts)) or not _nests(drafts, begin, name.end):
                continue
            if text[:name.start].rstrip().endswith(",") or any(begin <= n.start and n.end < name.start for d in drafts for n in d.names):
                # an apposition, or a descriptor holding a name ("Irish airline Aer Lingus"), is
                # a mention of its own beside the name, and so is the descriptor alone when a
                # class noun heads it: "Irish low cost airline" names Ryanair as "the airline"
                # would ("Apple's OS X" in "Apple's OS X Tiger" is another thing)
                draft.extra.append(Span(begin, name.end, text[begin : name.end]))
                last = span.start - 1
                while last > start and doc[last].is_punct:
                    last -= 1
                if doc[last].lower_ in nouns:
                    _add(drafts, draft, begin, doc[last].idx + len(doc[last]), text)
            else:  # "airframer Boeing": the descriptor is part of the name's mention
                draft.names[k] = replace(name, lead=name.start - begin)


def _descriptor_start(doc, span, nouns: set[str]) -> int | None:
    """The first token of a descriptor noun phrase right before ``span`` (or before a comma and
    it, in apposition), or None."""
    at = span.start - 1
    comma = at >= 0 and doc[at].text == ","
    if comma:
        at -= 1
    if at < 0 or doc[at].pos_ not in ("NOUN", "PROPN") or doc[at].ent_type_:
        return None
    noun = doc[at]
    if at > 0 and doc[at - 1].text == "-":
        return None  # "long-haul A330s": a hyphenated modifier, no descriptor
    inside = span.start <= noun.head.i < span.end or any(t.head.i == noun.i and t.dep_ == "appos" for t in span)
    if noun.lower_ not in nouns and not (noun.tag_ == "NN" and noun.dep_ == "compound" and inside and not comma):
        return None
    if not inside or (comma and not any(t.dep_ == "appos" or t.head.i == noun.i for t in span)):
        return None
    first, sentence = at, sentence_of(noun).start
    while first - 1 >= sentence and _extends(doc[first - 1], span.end - 1):
        first -= 1
    return first if at - first < 8 else None


def _nests(drafts: list[Draft], start: int, end: int) -> bool:
    """No mention crosses ``start``-``end``: each lies inside it or outside it."""
    return not any(a < start < b or a < end < b for a, b in taken(drafts))
