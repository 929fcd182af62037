"""Names the tagger missed: a company's name by its last word, and names found once, found again.

spaCy tags a name in one sentence and misses it in the next; a proper noun written again
elsewhere in the article names the same thing, whatever the tagger made of it there. A run of
proper nouns that ends in a company's word ("Brennan Automotive") is a company's name even
where the tagger saw none.
"""

from __future__ import annotations

import re

from kg.linking import geo
from kg.text.tokens import text_of
from kg.vocab.words import name_words

from .labels import ROLE_WORDS
from .names import Name
from .products import is_model, model_tails


def find_repeats(doc, names: list[Name], text: str) -> list[Name]:
    """Other occurrences of a name already found: spaCy tags a name in one sentence and
    misses it in the next. Only where the words are proper nouns (or a model number)."""
    analysed = text_of(doc)
    taken = [(n.start, n.end) for n in names]
    out = []
    tails = model_tails(names)  # "the Dreamliner", "Dreamliners" after "787 Dreamliner"
    surfaces = {(n.text, n.label) for n in names if n.label != "NORP"} | {(t, "PRODUCT") for t in tails}
    # the longest name first: "AirTran Airways" is found where "AirTran" alone would match too
    for surface, label in sorted(surfaces, key=lambda s: (-len(s[0]), s)):
        if not re.search(r"[A-Z0-9]", surface) or len(surface) < 2:
            continue
        plural = "s?" if surface in tails else ""
        for s, e in _occurrences(surface, bool(plural), analysed):
            if any(a < e and s < b for a, b in taken) or plural and re.search(r"\d\w* $", analysed[:s]):
                continue  # a tail right after a model number belongs to that model's name
            span = doc.char_span(s, e) or _glued_stop(doc, s, e)
            if span is None or not (is_model(surface) or surface in tails or all(t.tag_ in ("NNP", "NNPS") or not t.is_alpha for t in span)):
                continue
            taken.append((s, e))
            out.append(Name(s, e, text[s:e], label, source="repeat"))
    return out


def _occurrences(surface: str, plural: bool, text: str):
    r"""Where ``surface`` (or its plural "s", when ``plural``) stands as a word of its own, not
    inside a word or a hyphenated one: what re.finditer(r"(?<![\w-])SURFACE(?:s?)(?![\w-])")
    finds, without compiling a pattern for every name of every article."""
    at = text.find(surface)
    while at >= 0:
        end = at + len(surface)
        if at == 0 or not _in_word(text[at - 1]):
            if plural and text[end : end + 1] == "s" and (end + 1 == len(text) or not _in_word(text[end + 1])):
                end += 1
            elif end < len(text) and _in_word(text[end]):
                at = text.find(surface, at + 1)
                continue
            yield at, end
            at = text.find(surface, end)
            continue
        at = text.find(surface, at + 1)


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "_-"  # regular expressions' \w, and the hyphen


def _glued_stop(doc, start: int, end: int):
    """The tokens of a name glued to a full stop ("Apple and AT&T." ends in "AT&T."), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end_char != end + 1 or text_of(doc)[end] != ".":
        return None
    return span


def find_short_forms(doc, names: list[Name], text: str) -> list[Name]:
    """A company or a person written again by a short form the tagger left unlabelled:
    "Orvane" after "Orvane Corp.", "Hale" after "Richard Hale". The short form is the first
    word of a company's name ending in a legal form, the last of a person's; a proper noun
    that is also a place, a title, a word written in lower case in the article or part of a
    longer run of proper nouns is left alone, and so is a company's word that is also a place,
    or a person's written after a place preposition ("Hale" in "in Hale"). Which long name it
    is, kg.coref decides."""
    words = name_words()
    forms: dict[str, set[str]] = {}
    for name in names:
        parts = name.text.split()
        if name.label == "ORG" and len(parts) >= 2 and parts[-1] in words["suffix"]:
            forms.setdefault(parts[0], set()).add("ORG")
        elif name.label == "PERSON" and len(parts) in (2, 3) and not name.lead:
            forms.setdefault(parts[-1], set()).add("PERSON")
    lower = set(re.findall(r"\b[a-z][\w-]*", text_of(doc)))
    taken = [(n.start, n.end) for n in names]
    out = []
    for token in doc:
        labels = forms.get(token.text, ())
        s, e = token.idx, token.idx + len(token.text)
        if (len(labels) != 1 or token.tag_ != "NNP" or len(token.text) < 3 or not token.text[1:].islower()
                or token.lower_ in lower or token.text in words["title"]
                or any(a < e and s < b for a, b in taken) or _in_proper_run(doc, token)):
            continue
        label = next(iter(labels))
        placed = token.i > 0 and doc[token.i - 1].lower_ in words["place-prep"]
        if placed or label == "ORG" and geo.candidates(token.text):
            continue
        out.append(Name(s, e, text[s:e], label, source="repeat"))
    return out


def _in_proper_run(doc, token) -> bool:
    """"Hale Industries", "Judge Hale": a proper noun next to another is part of a longer name."""
    return any(0 <= k < len(doc) and doc[k].tag_ in ("NNP", "NNPS") and doc[k].sent == token.sent
               for k in (token.i - 1, token.i + 1))


def find_companies(doc, names: list[Name], text: str) -> list[Name]:
    """"Brennan Automotive said ...": capitalised proper nouns ending in a company's word (a
    legal form, "Motors", "Automotive" in ontology/name-words.csv), which no name covers."""
    suffixes = name_words()["suffix"]
    taken = [(n.start, n.end) for n in names]
    out = []
    for token in doc:
        if token.text not in suffixes or token.tag_ not in ("NNP", "NNPS"):
            continue
        first = token.i
        while first > 0 and token.i - first < 3 and doc[first - 1].tag_ == "NNP" and doc[first - 1].text[:1].isupper() \
                and doc[first - 1].is_alpha and doc[first - 1].whitespace_ == " ":
            first -= 1
        s, e = doc[first].idx, token.idx + len(token.text)
        if first == token.i or any(a < e and s < b for a, b in taken) or _joined_on(doc, first):
            continue
        out.append(Name(s, e, text[s:e], "ORG", source="repeat"))
    return out


def _joined_on(doc, first: int) -> bool:
    """"... Defence and Space Company": the run goes on a longer name before it."""
    return first > 1 and doc[first - 1].lower_ in ("and", "&", "of", "for") and doc[first - 2].text[:1].isupper()


def find_described(doc, names: list[Name], text: str) -> list[Name]:
    """"the technology blog Gizmodo", "the German carmaker Opel": proper nouns the tagger left
    unlabelled right after a noun that introduces an organisation's name (ontology/
    name-words.csv, role org-noun) are that organisation's name; not a title, a role or a
    date ("the company CEO", "the airline Tuesday")."""
    words = name_words()
    nouns = words["org-noun"]
    taken = [(n.start, n.end) for n in names]
    out = []
    for token in doc[:-1]:
        first = doc[token.i + 1]
        if token.lower_ not in nouns or token.pos_ != "NOUN" or not _untagged_proper(first, words):
            continue
        end = first.i + 1
        while end < len(doc) and end - first.i < 3 and _untagged_proper(doc[end], words) and doc[end - 1].whitespace_:
            end += 1
        if end < len(doc) and doc[end].ent_type_:
            continue  # "the company President Jane Roe": a title before a name
        s, e = first.idx, doc[end - 1].idx + len(doc[end - 1].text)
        if not any(a < e and s < b for a, b in taken):
            out.append(Name(s, e, text[s:e], "ORG", source="repeat", cued=True))
    return out


# nouns of what a company owns or is, beside the organisation nouns: "Opel, GM's German unit"
_PARTS = {"unit", "subsidiary", "division", "affiliate", "arm", "brand"}


def find_appositive(doc, names: list[Name], text: str) -> list[Name]:
    """"the Chevrolet Volt, an electric car,", "Opel, GM's German unit,": proper nouns the
    tagger left unlabelled (one to three, or one opening the sentence) that an apposition
    after them calls a product or an organisation are that thing's name."""
    words = name_words()
    taken = [(n.start, n.end) for n in names]
    out = []
    for token in doc:
        appos = next((c for c in token.children if c.dep_ == "appos" and c.i > token.i), None)
        if appos is None or token.tag_ not in ("NNP", "NNPS") or token.ent_type_:
            continue
        lemma = appos.lemma_.lower()
        label = ("PRODUCT" if lemma in words["product-noun"] else
                 "ORG" if lemma in words["org-noun"] or lemma in _PARTS or words["class-noun"].get(lemma) in (
                     "schema:Organization", "schema:Airline") else None)
        start = token.i
        while start > token.i - 2 and start > 0 and _untagged_proper(doc[start - 1], words) and doc[start - 1].dep_ == "compound":
            start -= 1
        if label is None or not all(t.text[:1].isupper() and t.is_alpha and not t.ent_type_ and t.text not in words["title"]
                                    for t in doc[start : token.i + 1]) \
                or doc[token.i + 1].text != "," or start != token.i and doc[start].is_sent_start:
            continue
        s, e = doc[start].idx, token.idx + len(token)
        if not any(a < e and s < b for a, b in taken):
            out.append(Name(s, e, text[s:e], label, source="repeat", cued=True))
    return out


def _untagged_proper(token, words) -> bool:
    return (token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper() and token.is_alpha and not token.ent_type_
            and token.text not in words["title"] and token.lower_ not in ROLE_WORDS and not token.is_sent_start)


def find_listed(doc, names: list[Name], text: str) -> list[Name]:
    """"the iPod Classic, Nano and Shuffle": a capitalised proper noun the tagger left out,
    listed (a conjunct) with a product's or a company's name, is a name of that kind; not a
    title, a role or the first word of a sentence."""
    words = name_words()
    kinds = {}
    for name in names:
        if name.label in ("PRODUCT", "ORG"):
            for token in doc.char_span(name.start, name.end, alignment_mode="expand") or ():
                kinds[token.i] = name.label
    taken = [(n.start, n.end) for n in names]
    out = []
    for token in doc:
        s, e = token.idx, token.idx + len(token.text)
        if token.dep_ != "conj" or token.head.i not in kinds or not _untagged_proper(token, words) \
                or any(a < e and s < b for a, b in taken) or doc[token.i - 1].lower_ not in (",", "and", "or") \
                or token.i + 1 < len(doc) and doc[token.i + 1].is_title and doc[token.i + 1].is_alpha:
            continue  # one word after "and" or a comma: not "Defence and Space Company", "Desperate Housewives"
        out.append(Name(s, e, text[s:e], kinds[token.head.i], source="repeat"))
    return out
