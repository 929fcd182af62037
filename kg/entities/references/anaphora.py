"""References that are not names: "the North", definite descriptions, pronouns.

Each rule resolves only with clear evidence, since a wrong merge costs more than a missed one:
  * "the North" / "the South" (and "the North's") once the article has named both halves of
    a pair of countries (North Korea and South Korea);
  * a definite description the text introduces as a name ("what had been known as the joint
    liaison office", "the so-called ...") or repeats with the same compound ("the liaison
    office" twice) becomes an entity labelled in Title Case ("Joint Liaison Office"); "the
    building that housed <it>" is another description of it;
  * "the office", "the building" -> the one description entity with that head noun;
    "the airline", "the company" -> the one entity of that class named before (kg.definites);
  * pronouns, by the rules of kg.pronouns;
  * descriptions beside a name ("Apple executive Steve Jobs", "Irish national airline Aer
    Lingus"), by the rules of kg.appositives.
"""

from __future__ import annotations

import re
from itertools import takewhile

from kg.text.tokens import noun_chunks_of, text_of
from kg.vocab.words import name_words

from ..classify import Draft, Typed
from ..names import Name
from . import appositives
from .definites import NAMED_KINDS, resolve_class_nouns, unclear
from .pronouns import add_mention, free, resolve_pronouns, resolve_quoted, resolve_they

_INTRODUCERS = re.compile(r"(?:known as|so-called|called|dubbed|named)\s*$", re.IGNORECASE)
_COMPASS = {"North", "South", "East", "West"}
_HOUSING = {"house", "host", "contain", "hold"}
_PLACE_HEADS = {"schema:AdministrativeArea", "schema:City", "schema:Landform", "schema:BodyOfWater"}


def resolve(drafts: list[Draft], doc, text: str) -> list[Draft]:
    """Add "the North", descriptions and pronouns to the entities they refer to."""
    drafts = _compass(drafts, doc, text)
    drafts = drafts + _descriptions(drafts, doc, text)
    _appositions(drafts, doc, text)
    appositives.role_heads(drafts, doc)
    _predicate_kinds(drafts, doc)
    _definites(drafts, doc, text)
    resolve_pronouns(drafts, doc, text)
    resolve_quoted(drafts, doc, text)
    resolve_they(drafts, doc, text)
    # after the pronouns, which may lie inside a description ("Its chief executive, ...")
    appositives.people(drafts, doc, text)
    appositives.things(drafts, doc, text)
    appositives.owned_roles(drafts, doc, text)
    appositives.described_names(drafts, doc, text)
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


def _chunks(doc, proper: bool = False, determiners=("the", "this", "that")):
    """Definite singular noun phrases with a common-noun head (and no proper name in them,
    unless ``proper``: "the North Korean leader"). A title is a common noun however it is
    written: "the Prime Minister", "the Apple Chief Executive Officer"."""
    titles = name_words()["title"]
    for chunk in noun_chunks_of(doc):
        head = chunk.root
        if (chunk[0].lower_ in determiners and head.tag_ in ("NN", "NNP") and (head.text.islower() or head.text in titles)
                and (proper or not any(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text not in titles
                                       for t in chunk))):
            yield chunk


def _lemma(token) -> str:
    return token.lemma_.lower()


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
    """"the North Korean leader, Kim Jong-un": a description in apposition to a name is that
    name's. An indefinite one after the name ("NPD Group, a market research firm") says what
    the thing is: "the firm" later is that thing, when the text called only it so."""
    for chunk in _chunks(doc, proper=True, determiners=("the", "this", "that", "a", "an")):
        indefinite = chunk[0].lower_ in ("a", "an")
        for other in [chunk.root.head] + [c for c in chunk.root.children if c.dep_ == "appos"]:
            if other.dep_ != "appos" and chunk.root.dep_ != "appos" or indefinite and other.i > chunk.root.i:
                continue
            owner = [d for d in drafts if any(s <= other.idx < e for s, e in _name_spans(d))]
            if len(owner) == 1 and not _beside(chunk, owner[0]):
                continue
            if len(owner) == 1 and indefinite:
                # the indefinite phrase itself stays no mention: measured, it cost event roles
                # (a pronoun after it found two candidates) and gained no coreference
                owner[0].heads.add(_lemma(chunk.root))
            elif len(owner) == 1:
                add_mention(drafts, owner[0], chunk.start_char, chunk.end_char, text)
                # "Lee, the Prime Minister" ... "the Prime Minister"; "AIG, the largest insurer" ...
                # "the insurer" (a kind of company "the insurer" needs the text to call it)
                if owner[0].typed.type == "schema:Person" or _lemma(chunk.root) in NAMED_KINDS:
                    owner[0].heads.add(_lemma(chunk.root))


def _predicate_kinds(drafts: list[Draft], doc) -> None:
    """"The iPhone is (said to be) a revolutionary mobile phone": what an indefinite noun after
    "be" calls a name's thing is what "the phone" may later call it, as an indefinite
    apposition does ("NPD Group, a market research firm")."""
    for token in doc:
        verb = token.head
        if token.dep_ != "attr" or token.tag_ != "NN" or verb.lemma_ != "be" \
                or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            continue
        holder = verb.head if verb.dep_ == "xcomp" else verb
        subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
        owner = [d for d in drafts for c in subjects if any(s <= c.idx < e for s, e in _name_spans(d))]
        if len(owner) == 1:
            owner[0].heads.add(_lemma(token))


def _beside(chunk, owner: Draft) -> bool:
    """An apposition stands right beside the name it describes: between the two only
    punctuation, the name's other forms ("EADS N.V. (EADS), the parent company of Airbus")
    or the description's own complement ("the Prime Minister of Singapore, Mr. Lee"). A name
    the parser hung on a subject across its verb ("The dispute has come up between ... -
    Apple Inc.") is no apposition of it."""
    doc, spans = chunk.doc, _name_spans(owner)
    after = min((a for a, _ in spans if a >= chunk.end_char), default=None)
    before = max((b for _, b in spans if b <= chunk.start_char), default=None)
    sides = []
    if after is not None:  # the description first: up to the nearest name after it
        sides.append(list(takewhile(lambda t: t.idx < after, doc[chunk.end :])))
    if before is not None:
        sides.append(list(takewhile(lambda t: t.idx >= before, reversed(doc[: chunk.start]))))
    own = set(chunk.root.subtree)
    return any(all(t.is_punct or t in own or any(a <= t.idx < b or t.dep_ == "det" and a <= t.head.idx < b
                                                  for a, b in spans) for t in between) for between in sides)


def _name_spans(draft: Draft) -> list[tuple[int, int]]:
    return [(n.start, n.end) for n in draft.names if n.label != "NORP"]


def _definites(drafts: list[Draft], doc, text: str) -> None:
    """"the office" -> the description entity with that head; "the airline", "the company's
    annual conference" -> the airline or company the story is about (kg.definites)."""
    heads = {w for w, kind in name_words()["head"].items() if kind not in _PLACE_HEADS}
    for draft in drafts:
        # "Prime Minister Lee Hsien Loong" ... "the Prime Minister"
        # (the whole post: "the minister" is not the Prime Minister)
        draft.heads |= {n.title.lower() for n in draft.names if n.title and draft.typed.type == "schema:Person"}
        # "the iTunes Music Store" ... "the store": a name's head word, written as a common noun
        # (not a place's: "the city" is as often another city)
        draft.heads |= {n.text.split()[-1].lower() for n in draft.names if " " in n.text and n.text.split()[-1] in heads}
    for chunk in _chunks(doc):
        start, end = chunk.start_char, chunk.end_char
        if any(c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ == "of" for c in chunk.root.rights):
            continue  # "The chairman of Lloyds, Victor Blank": its own words pick out another
        words = [t.lower_ for t in chunk if chunk.start < t.i < chunk.root.i] + [_lemma(chunk.root)]
        posts = {" ".join(words[i:]) for i in range(len(words))}
        # "The German airline ... Ryanair, the Irish budget airline": a description points back to
        # a name (a description entity may be introduced later: "the building" ... "the building
        # that housed what had been known as the liaison office")
        fits = [d for d in drafts if d.heads & posts and not (d.names and d.spans()[0][0] > start)]
        if len(fits) > 1:  # "the iTunes Music Store ... The store was renamed to iTunes Store"
            fits = [d for d in fits if d.spans() and d.spans()[0][0] < start]
        if len(fits) == 1 and free(drafts, start, end) and not unclear(drafts, fits[0], chunk):
            add_mention(drafts, fits[0], start, end, text)
    resolve_class_nouns(drafts, doc, text)
