"""References that are not names: "the North", definite descriptions, pronouns.

Each rule resolves only with clear evidence, since a wrong merge costs more than a missed one:
  * "the North" / "the South" (and "the North's") once the article has named both halves of
    a pair of countries (North Korea and South Korea);
  * a definite description the text introduces as a name ("what had been known as the joint
    liaison office", "the so-called ...") or repeats with the same compound ("the liaison
    office" twice) becomes an entity labelled in Title Case ("Joint Liaison Office"); "the
    building that housed <it>" is another description of it;
  * "the office", "the building" -> the one description entity with that head noun;
    "the airline", "the company" -> the one entity of that class named before;
  * pronouns, by the rules of kg.pronouns.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .linking import Draft, Typed
from .model import Span
from .names import Name, name_words
from .nlp import noun_chunks_of, sentence_of, text_of
from .pronouns import add_mention, antecedents, free, resolve_pronouns, resolve_quoted, resolve_they, taken

_INTRODUCERS = re.compile(r"(?:known as|so-called|called|dubbed|named)\s*$", re.IGNORECASE)
_COMPASS = {"North", "South", "East", "West"}
_ORGANISATIONS = {"schema:Organization", "schema:Corporation", "schema:Airline", "schema:NewsMediaOrganization"}
_HOUSING = {"house", "host", "contain", "hold"}


def resolve(drafts: list[Draft], doc, text: str) -> list[Draft]:
    """Add "the North", descriptions and pronouns to the entities they refer to."""
    drafts = _compass(drafts, doc, text)
    drafts = drafts + _descriptions(drafts, doc, text)
    _appositions(drafts, doc, text)
    _definites(drafts, doc, text)
    resolve_pronouns(drafts, doc, text)
    resolve_quoted(drafts, doc, text)
    resolve_they(drafts, doc, text)
    _described_names(drafts, doc, text)
    return drafts


def _compass(drafts: list[Draft], doc, text: str) -> list[Draft]:
    """"the North" and "the South" for North Korea and South Korea, once both are named."""
    halves: dict[str, Draft] = {}
    for draft in drafts:
        place = draft.typed.place
        if place is not None and place.type == "schema:Country" and place.name.split()[0] in _COMPASS:
            halves.setdefault(place.name.split(" ", 1)[1], {})[place.name.split()[0]] = draft
    pairs = {rest: sides for rest, sides in halves.items() if len(sides) == 2}
    if len(pairs) != 1:
        return drafts
    sides = next(iter(pairs.values()))
    kept = []
    for draft in drafts:
        words = {n.text.removeprefix("the ").removeprefix("The ") for n in draft.names}
        if len(words) == 1 and words <= set(sides) and draft not in sides.values():
            sides[words.pop()].names.extend(draft.names)
        else:
            kept.append(draft)
    for match in re.finditer(r"\b[Tt]he (" + "|".join(sides) + r")\b(?!\s+[A-Z])", text_of(doc)):
        start, end = match.start(1), match.end(1)
        if free(kept, start, end):
            sides[match.group(1)].names.append(Name(start, end, text[start:end], "GPE", source="compass"))
    for draft in sides.values():
        draft.names.sort()
    return kept


def _chunks(doc, proper: bool = False):
    """Definite singular noun phrases with a common-noun head (and no proper name in them,
    unless ``proper``: "the North Korean leader")."""
    for chunk in noun_chunks_of(doc):
        head = chunk.root
        if (chunk[0].lower_ in ("the", "this", "that") and head.tag_ == "NN" and head.text.islower()
                and (proper or not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in chunk))):
            yield chunk


def _description_words(chunk) -> str:
    return " ".join(t.lower_ for t in chunk[1:] if t.dep_ in ("compound", "amod") or t == chunk.root)


def _descriptions(drafts: list[Draft], doc, text: str) -> list[Draft]:
    """Descriptions that name a thing of the story: introduced as a name, or repeated with
    the same compound noun; the longest one, in Title Case, becomes the label."""
    heads = name_words()["description"]
    found: dict[str, list] = {}
    introduced = set()
    for chunk in _chunks(doc):
        words = _description_words(chunk)
        if chunk.root.lemma_ not in heads or " " not in words:
            continue
        found.setdefault(words, []).append(chunk)
        if _INTRODUCERS.search(text_of(doc)[max(0, chunk.start_char - 30) : chunk.start_char]):
            introduced.add(words)
    chosen = [w for w, chunks in found.items() if w in introduced or (len(chunks) >= 2 and _has_compound(chunks[0]))]
    out: list[Draft] = []
    for words in sorted(chosen, key=lambda w: (-len(w), w)):
        host = next((d for d in out if d.label.lower().endswith(words)), None)
        if host is None:
            head = found[words][0].root
            host = Draft([], Typed(heads[head.lemma_]), label=words.title(), heads={head.lemma_})
            out.append(host)
        for w, chunks in found.items():
            if w == words or (w.endswith(" " + words) and w in chosen):
                host.aliases.add(w)
                for chunk in chunks:
                    add_mention(drafts + out, host, chunk.start_char, chunk.end_char, text)
    for draft in out:
        _housing(drafts + out, draft, doc, text)
    return [d for d in out if d.extra]


def _has_compound(chunk) -> bool:
    return any(t.dep_ == "compound" for t in chunk)


def _housing(drafts: list[Draft], draft: Draft, doc, text: str) -> None:
    """"the four-story building that housed <the office>": the building is the office."""
    for chunk in _chunks(doc):
        for clause in chunk.root.children:
            if clause.dep_ != "relcl" or clause.lemma_ not in _HOUSING:
                continue
            clause_span = (clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge))
            if any(clause_span[0] <= m.start < clause_span[1] for m in draft.extra):
                draft.heads.add(chunk.root.lemma_)
                add_mention(drafts, draft, chunk.start_char, chunk.end_char, text)


def _appositions(drafts: list[Draft], doc, text: str) -> None:
    """"the North Korean leader, Kim Jong-un": a description in apposition to a name is that name's."""
    for chunk in _chunks(doc, proper=True):
        for other in [chunk.root.head] + [c for c in chunk.root.children if c.dep_ == "appos"]:
            if other.dep_ != "appos" and chunk.root.dep_ != "appos":
                continue
            owner = [d for d in drafts if any(s <= other.idx < e for s, e in _name_spans(d))]
            if len(owner) == 1:
                add_mention(drafts, owner[0], chunk.start_char, chunk.end_char, text)


# nouns that describe what a named thing is when written before its name ("airframer Boeing"),
# with name-words' org-nouns and class-nouns and the company nouns above
_DESCRIBERS = {"parent", "magazine", "website", "service", "network", "browser", "system"}
_DESCRIPTOR_DEPS = {"compound", "amod", "det", "nmod", "poss", "case", "cc", "conj", "npadvmod", "nummod"}


def _described_names(drafts: list[Draft], doc, text: str) -> None:
    """"United States airframer Boeing", "Irish low cost airline, Ryanair": a descriptor noun
    phrase written before a name makes, with the name, one more mention of the named thing
    (the names inside the descriptor stay mentions of their own)."""
    words = name_words()
    nouns = _DESCRIBERS | set(words["org-noun"]) | set(words["class-noun"]) | _COMPANY
    for draft in drafts:
        # a person's role is written as an apposition as often as part of the name ("Apple CEO
        # Steve Jobs"); a place is rarely described so
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
                # a mention of its own beside the name
                draft.extra.append(Span(begin, name.end, text[begin : name.end]))
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
    while first - 1 >= sentence and doc[first - 1].dep_ in _DESCRIPTOR_DEPS and not doc[first - 1].is_punct \
            and first - 1 <= doc[first - 1].head.i < span.end and doc[first - 1].pos_ != "VERB":
        first -= 1
    return first if at - first < 8 else None


def _nests(drafts: list[Draft], start: int, end: int) -> bool:
    """No mention crosses ``start``-``end``: each lies inside it or outside it."""
    return not any(a < start < b or a < end < b for a, b in taken(drafts))


def _name_spans(draft: Draft) -> list[tuple[int, int]]:
    return [(n.start, n.end) for n in draft.names if n.label != "NORP"]


def _definites(drafts: list[Draft], doc, text: str) -> None:
    """"the office" -> the description entity with that head; "the airline", "the company's
    annual conference" -> the airline or company the story is about."""
    classes = name_words()["class-noun"]
    for chunk in _chunks(doc):
        start, end, head = chunk.start_char, chunk.end_char, chunk.root.lemma_
        fits = [d for d in drafts if head in d.heads]
        if len(fits) == 1 and free(drafts, start, end):
            add_mention(drafts, fits[0], start, end, text)
    for start, end, head in _class_descriptions(doc, classes):
        if not free(drafts, start, end):
            continue
        fits = [d for d in drafts if _of_class(d, classes[head], head) and _count_before(d, start)
                and _may_be_called(d, head, doc)]
        if classes[head] == "schema:Product":
            # "the phone", "the new aircraft": the one product named in this paragraph or the one
            # before, else the one product the article has named; products come in families
            since = _paragraph_before(text, start)
            near = [d for d in fits if any(since <= a < start for a, _ in antecedents(d))]
            chosen = near[0] if len(near) == 1 else fits[0] if len(fits) == 1 and not near else None
        else:
            chosen = _salient(fits, start) or _previous_subject(fits, doc, start)
        if chosen is not None:
            add_mention(drafts, chosen, start, end, text)


def _paragraph_before(text: str, at: int) -> int:
    """Where the paragraph before the one holding ``at`` starts."""
    here = text.rfind("\n", 0, at)
    if here <= 0:
        return 0
    before = text[:here].rstrip("\n")
    return before.rfind("\n") + 1


# adjectives that point away from the thing already named: "the other company", "the rival airline"
_AWAY = {"other", "another", "rival", "former", "parent", "previous", "new", "second", "first", "last",
         "local", "foreign", "domestic", "same", "whole", "entire", "next", "biggest", "largest"}


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
        if any(t.dep_ not in ("det", "amod") or t.lower_ in away for t in lefts[1:]):
            continue
        if any(c.dep_ in ("prep", "relcl", "acl", "appos") and c.i > token.i and not _aside(c) for c in token.children):
            continue
        if token.dep_ == "appos" or any(c.dep_ == "appos" for c in token.children):
            continue  # appositions are _appositions' business
        yield lefts[0].idx, token.idx + len(token), token.lemma_


def _aside(clause) -> bool:
    """A relative or participle clause set off by a comma ("The airline, which is the third
    largest in China, ..."): it adds to the description, it does not pick the thing out."""
    at = clause.left_edge.i
    return clause.dep_ in ("relcl", "acl") and at > 0 and clause.doc[at - 1].text == ","


def _count_before(draft: Draft, start: int) -> int:
    return sum(1 for n in draft.names if n.start < start and n.source != "publisher") + sum(
        1 for m in draft.extra if m.start < start)


# nouns any company may be called by; an organisation the text introduced by another noun
# ("the union FNV Havens") is not "the company"
_COMPANY = {"company", "firm", "maker", "manufacturer", "airframer", "retailer", "seller", "giant", "conglomerate",
            "startup", "carrier", "airline", "operator", "group", "subsidiary", "division", "rival", "chipmaker",
            "automaker", "carmaker", "planemaker", "developer", "publisher", "supplier", "provider", "bank",
            "insurer", "lender", "shipper", "distributor", "studio"}


def _may_be_called(draft: Draft, noun: str, doc) -> bool:
    """Whether the nouns the text put before the entity's names allow this description."""
    org_nouns = name_words()["org-noun"]
    said = {text_of(doc)[: n.start].split()[-1].lower() for n in draft.names if text_of(doc)[: n.start].split()} & set(org_nouns)
    return not said or noun in said or (noun in _COMPANY and bool(said & _COMPANY))


def _previous_subject(fits: list[Draft], doc, start: int) -> Draft | None:
    """Among several candidates, the one that is the subject of the sentence before."""
    sentence = doc.char_span(start, start + 1, alignment_mode="expand")
    if sentence is None or sentence_of(sentence[0]).start == 0:
        return None
    previous = sentence_of(doc[sentence_of(sentence[0]).start - 1])
    subjects = [(t.idx, t.idx + len(t)) for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    found = [d for d in fits if any(a <= s < b or s <= a < e for s, e in antecedents(d) for a, b in subjects)]
    return found[0] if len(found) == 1 else None


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
        return draft.typed.type in _ORGANISATIONS
    if kind == "schema:GovernmentOrganization":
        return draft.typed.type.endswith("GovernmentOrganization") and noun in (draft.label or draft.names[0].text).lower()
    return draft.typed.type == kind
