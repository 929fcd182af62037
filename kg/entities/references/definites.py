"""Definite class nouns: "the airline", "the company", "the new aircraft" -> the one entity
of that class the story has named.

A description is resolved only with clear evidence, since a wrong merge costs more than a
missed one: the one entity of the class named before it, or the one the story is plainly
about (named at least twice as often), or the subject of the sentence before; for products,
the one named in this paragraph or the one before. Words that point away from the thing
named ("the other company", "the rival airline") and complements that pick out another
("the company that makes its chips") leave the description alone.
"""

from __future__ import annotations

import re

from kg.text.tokens import sentence_of, text_of
from kg.vocab.words import COMPANY_NOUNS, name_words

from ..classify import Draft
from .pronouns import ORGANISATIONS, SPEECH, add_mention, antecedents, free


def resolve_class_nouns(drafts: list[Draft], doc, text: str) -> None:
    """Add each resolvable "the company", "the airline", "the phone" to its entity."""
    classes = name_words()["class-noun"]
    for start, end, head in _class_descriptions(doc, classes):
        if not free(drafts, start, end):
            continue
        fits = [d for d in drafts if _of_class(d, classes[head], head) and _count_before(d, start)
                and _may_be_called(d, head, doc)]
        # "NPD Group, a market research firm" ... "the firm": only those the text called so
        fits = [d for d in fits if head in d.heads] or fits
        if classes[head] == "schema:Product":
            # "the phone", "the new aircraft": the one product named in this paragraph or the one
            # before, else the one product the article has named; products come in families
            fits = [d for d in fits if not _another_kind(d, text)]
            since = _paragraph_before(text, start)
            near = [d for d in fits if any(since <= a < start for a, _ in antecedents(d))]
            chosen = near[0] if len(near) == 1 else fits[0] if len(fits) == 1 and not near else None
        else:
            speaker = _speakers_company(drafts, doc, start)
            if speaker is not None:  # what the officer's own organisation is called, or nothing
                chosen = speaker if speaker in fits else None
            else:
                chosen = _salient(fits, start) or _near_and_first(fits, doc, start) or _previous_subject(fits, doc, start)
        if chosen is not None and not unclear(drafts, chosen, doc.char_span(start, end, alignment_mode="expand")):
            add_mention(drafts, chosen, start, end, text)


def unclear(drafts: list[Draft], chosen: Draft, description) -> bool:
    """Whether the text points away from the entity a description was given to: a nationality
    the entity was never written with ("The Italian carrier" for Air France), or, for an
    organisation, another one of its kind named since it, in the description's sentence or
    the two before ("Judge Cote fined Morgan Stanley. The judge said the firm had failed ..."),
    unless it is the subject of the sentence before ("Apple said sales were strong after Intel
    supplied the chips. The company said ...")."""
    said = " ".join(m.text for m in chosen.names + chosen.extra).lower()
    if any(t.ent_type_ == "NORP" and t.lower_ not in said for t in description if t.i < description.root.i):
        return True
    if description.root.lemma_.lower() not in name_words()["org-noun"] and chosen.typed.type not in _BODIES:
        return False  # "the plane", "the country": products and places have their own rules
    start, doc = description.start_char, description.doc
    first = sentence_of(description[0]).start
    for _ in range(2):  # back two sentences
        first = sentence_of(doc[first - 1]).start if first > 0 else 0
    since = max([doc[first].idx] + [a for a, _ in antecedents(chosen) if a < start])
    named = [a for d in drafts if d is not chosen and _rival(d, chosen) for a, _ in antecedents(d)]
    return any(since < a < start and not _modifier(doc, a) for a in named) and not _previous_subject([chosen], doc, start)


def _modifier(doc, at: int) -> bool:
    """"EA's Spore", "an all-Airbus fleet": a name that only qualifies another noun."""
    found = doc.char_span(at, at + 1, alignment_mode="expand")
    if found is None:
        return False
    token = found[0]
    while token.head.i > token.i and token.head.pos_ == "PROPN" and token.dep_ in ("compound", "flat"):
        token = token.head  # "Apple" of "Apple Inc.": the name's last word
    return token.dep_ in ("poss", "compound", "amod")


def _rival(draft: Draft, chosen: Draft) -> bool:
    """Another organisation of the chosen one's kind: a company for a company (either may be
    typed no better than an organisation, or wrongly as a place), a government body for a
    government body (not Apple Corps for "the court")."""
    kinds = {draft.typed.type, chosen.typed.type}
    return bool(draft.names) and (len(kinds) == 1 or kinds <= _COMPANIES)


_COMPANIES = ORGANISATIONS | {"schema:Place", "schema:Thing"}
_BODIES = ORGANISATIONS | {"schema:GovernmentOrganization", "schema:PoliticalParty"}


def _another_kind(draft: Draft, text: str) -> bool:
    """"four Rolls-Royce Trent 900 engines": a product the text only writes before a product
    noun no description takes up ("engines", not "airliner" or "jet") is a thing of another
    kind than "the airliner" or "the plane"."""
    words = name_words()
    nouns, classes = words["product-noun"], words["class-noun"]
    written = set()
    for name in draft.names:
        for word in text[name.end : name.end + 60].split()[:3]:
            if word not in nouns:
                break
            written.add(word)
    return bool(written) and not any(w in classes or w.removesuffix("s") in classes for w in written)


# titles of people who speak for their organisation (not "analyst", "economist": they speak of others)
_OFFICERS = {"executive", "ceo", "chairman", "chairwoman", "president", "spokesman", "spokeswoman", "spokesperson",
             "officer", "director", "governor", "founder", "head", "coach", "manager", "captain"}


def _speakers_company(drafts: list[Draft], doc, start: int) -> Draft | None:
    """"Siegfried Wolf, Magna's co-chief executive, said the company would ...", "Roberto
    Alvarez, the Panama coach, said the team had learned a lot": a description in what an
    officer says is the one organisation or team the officer's own phrase names (or none,
    when that one is not of the description's class)."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None:
        return None
    clause = token[0]
    while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.lemma_ not in SPEECH:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not {t.lower_ for t in subject.subtree} & _OFFICERS:
        return None
    phrase = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
    named = [d for d in drafts if d.typed.type in ORGANISATIONS | {"schema:GovernmentOrganization", "schema:SportsTeam"}
             and any(phrase[0] <= a < phrase[1] for a, _ in antecedents(d))]
    return named[0] if len(named) == 1 else None


def _paragraph_before(text: str, at: int) -> int:
    """Where the paragraph before the one holding ``at`` starts."""
    here = text.rfind("\n", 0, at)
    if here <= 0:
        return 0
    before = text[:here].rstrip("\n")
    return before.rfind("\n") + 1


# adjectives that point away from the thing already named: "the other company", "the rival airline",
# "the combined company" (what a merger would make)
_AWAY = {"other", "another", "rival", "former", "parent", "previous", "new", "second", "first", "last",
         "local", "foreign", "domestic", "same", "whole", "entire", "next", "biggest", "largest",
         "combined", "merged", "enlarged"}


def _class_descriptions(doc, classes: dict[str, str]):
    """"the company", "the airline" (possessive or not): a definite singular class noun with at
    most a plain adjective, no compound ("the parent company") nor complement ("the company
    of ..."), each as (start, end, noun)."""
    for token in doc:
        if token.tag_ != "NN" or not token.text.islower() or token.lemma_ not in classes:
            continue
        lefts = list(token.lefts)
        if not lefts or lefts[0].lower_ not in ("the", "this") or lefts[0].dep_ != "det":
            continue
        away = _AWAY - {"new"} if classes[token.lemma_] == "schema:Product" else _AWAY  # "the new phone"
        if any(t.dep_ not in ("det", "amod") or t.lower_ in away for t in lefts[1:] if not _place_of_based(t, lefts)):
            continue
        if any(c.dep_ in ("prep", "relcl", "acl", "appos") and c.i > token.i and not _aside(c) for c in token.children):
            continue
        if token.dep_ == "appos" or any(c.dep_ == "appos" for c in token.children):
            continue  # appositions are _appositions' business
        if token.i + 1 < len(token.doc) and token.doc[token.i + 1].tag_ in ("NNP", "NNPS") \
                and token.doc[token.i + 1].text[:1].isupper():
            continue  # "the Italian carmaker Fiat": it introduces the name after it
        yield lefts[0].idx, token.idx + len(token), token.lemma_


def _place_of_based(token, lefts) -> bool:
    """"The Dearborn, Michigan-based company": the city and its comma belong to "-based"."""
    based = next((t for t in lefts if t.dep_ == "amod" and t.lower_ == "based"), None)
    return based is not None and token.i < based.i and (token.text == "," or token.ent_type_ == "GPE")


def _aside(clause) -> bool:
    """A relative or participle clause set off by a comma ("The airline, which is the third
    largest in China, ..."): it adds to the description, it does not pick the thing out."""
    at = clause.left_edge.i
    return clause.dep_ in ("relcl", "acl") and at > 0 and clause.doc[at - 1].text == ","


def _count_before(draft: Draft, start: int) -> int:
    return sum(1 for n in draft.names if n.start < start and n.source not in ("publisher", "dateline")) + sum(
        1 for m in draft.extra if m.start < start)


def _may_be_called(draft: Draft, noun: str, doc) -> bool:
    """Whether the nouns the text put around the entity's names allow this description; a
    class noun no company goes by ("the union") only fits what the text called so, and "the
    bank" what its name or the text calls a bank (a bank's name nearly always says it is one)."""
    said = _called(draft, doc)
    if noun in COMPANY_NOUNS and _named_a_body(draft):
        return False
    if noun in NAMED_KINDS and noun not in said | draft.heads and not any(noun in n.text.lower() for n in draft.names):
        return False
    if noun not in COMPANY_NOUNS and name_words()["class-noun"].get(noun) == "schema:Organization":
        return noun in said
    return not said or noun in said or (noun in COMPANY_NOUNS and bool(said & COMPANY_NOUNS))


# classes of organisation that are no business, whatever their head word
_BODY_CLASSES = {"schema:GovernmentOrganization", "schema:EducationalOrganization", "schema:PoliticalParty",
                 "schema:NGO"}


def _named_a_body(draft: Draft) -> bool:
    """"the United Nations", "the World Health Organization", "the Interior Ministry": a name
    whose head word (its last, or its last before "of") says it names a public body, an
    alliance or an association, which "the company" or "the firm" never refers to."""
    words = name_words()
    heads = set(words.get("body-head", {})) | {w for w, c in words["head"].items() if c in _BODY_CLASSES}
    for name in draft.names:
        text = re.sub(r"\s*\([^()]*\)$", "", name.text)
        before_of = text.split(" of ", 1)[0].split()
        if text.split() and (text.split()[-1] in heads or before_of[-1:] and before_of[-1] in heads):
            return True
    return False


# kinds of company a description takes up only when the name or the text calls the thing so
NAMED_KINDS = {"bank", "insurer", "lender"}


def _called(draft: Draft, doc) -> set[str]:
    """The organisation nouns written right before the entity's names ("the union FNV Havens"),
    or after them between "the" and the noun ("the United Auto Workers union"); not a noun
    after a name that describes another ("Aer Lingus rival Ryanair", "Airbus union")."""
    org_nouns, analysed = name_words()["org-noun"], text_of(doc)
    said = set()
    for name in draft.names:
        # "the United Auto Workers (UAW) union": the abbreviation between is the name's too
        rest = re.sub(r"^\s*\([^()\s]{1,10}\)", "", analysed[name.end : name.end + 200])
        before, after = analysed[: name.start].split(), rest.split(None, 2)
        said |= {w.lower() for w in before[-1:]} & set(org_nouns)
        named_next = after[1:2] and after[1][:1].isupper()
        if before[-1:] in (["the"], ["The"]) and after[:1] and after[0] in org_nouns and not named_next:
            said.add(after[0])
    return said


def _previous_subject(fits: list[Draft], doc, start: int) -> Draft | None:
    """Among several candidates, the one that is the subject of the sentence before (of its
    main clause, or of a reported clause before the saying); none when the subject is a pair."""
    sentence = doc.char_span(start, start + 1, alignment_mode="expand")
    if sentence is None or sentence_of(sentence[0]).start == 0:
        return None
    previous = sentence_of(doc[sentence_of(sentence[0]).start - 1])
    heads = [t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and _main_clause(t.head)]
    heads += [c for t in heads for c in t.conjuncts]  # "The UK Government and the Government of France": two
    subjects = [(t.idx, t.idx + len(t)) for t in heads]
    found = [d for d in fits if any(a <= s < b or s <= a < e for s, e in antecedents(d) for a, b in subjects)]
    return found[0] if len(found) == 1 else None


def _near_and_first(fits: list[Draft], doc, start: int) -> Draft | None:
    """"an internal memo at Apple showed the company passed Wal-Mart": the one candidate named
    earlier in the description's own sentence, when it is also the one named most often before
    (nearest and most told of, two signs that agree)."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None:
        return None
    since = sentence_of(token[0]).start_char
    here = [d for d in fits if any(since <= a < start for a, _ in antecedents(d))]
    ranked = sorted(_count_before(d, start) for d in fits)
    if len(here) != 1 or len(ranked) < 2 or ranked[-1] == ranked[-2]:
        return None
    return here[0] if _count_before(here[0], start) == ranked[-1] else None


def _main_clause(verb) -> bool:
    """The root, or the reported clause written before it ("GM could run out of cash, analysts
    said"): what the sentence is about."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.i < verb.head.i)


def _salient(fits: list[Draft], start: int) -> Draft | None:
    """The one candidate, or the one the story is plainly about: named at least twice as often
    before the description as any other."""
    if len(fits) == 1:
        return fits[0]
    ranked = sorted(fits, key=lambda d: -_count_before(d, start))
    if len(ranked) > 1 and _count_before(ranked[0], start) >= 2 * _count_before(ranked[1], start) + 1:
        return ranked[0]
    return None


def _of_class(draft: Draft, kind: str, noun: str) -> bool:
    if kind == "schema:Organization":
        return draft.typed.type in ORGANISATIONS
    if kind == "schema:GovernmentOrganization":
        # "the government": a body whose name says so, typed as one or as a mere organisation
        # ("the Government of France"), which is then a rival at least
        return (draft.typed.type.endswith("GovernmentOrganization") or draft.typed.type in ORGANISATIONS) \
            and noun in (draft.label or draft.names[0].text).lower()
    return draft.typed.type == kind
